"""Curate data/sources/ (the committed sources of the embedded benchmark) from ../shared/data.

Run once from the project root:  .venv/bin/python data/recipes/curate_sources.py [--shared ../shared/data]

Only the folders that ../shared/data/README.md marks as committable are read. Every clip is mixed to
mono and resampled to 16 kHz; one-shot events and distractors are trimmed of leading/trailing silence.
Events and distractors are written as FLAC, backgrounds as OGG (Vorbis) to stay within the size budget.
Writes data/sources/manifest.tsv (one row per clip: path, role, label, origin, licence, duration) and one
ATTRIBUTION-<source>.md per source folder.
"""
import argparse, fnmatch, re, sys
from collections import Counter, defaultdict
from pathlib import Path
import numpy as np, soundfile as sf
from pmam.audio import load_audio, resample, to_mono
from pmam.soundscapes import trim_silence

SR = 16000
# Target classes: folder patterns inside ../shared/data (relative), one-shot recordings of that class.
EVENTS = {
    'cattle':        ['0ad_sounds/fauna/animal/cattle_*.ogg', 'widelands_sounds/farm/ox_*.ogg', 'ovos_cc0_animals/cow.mp3',
                      'tuxpaint_stamp_sounds/animals/mammals/bovines/cow*.ogg', 'tuxpaint_stamp_sounds/animals/mammals/bovines/bull.ogg',
                      'tuxpaint_stamp_sounds/animals/mammals/bovines/bison.ogg'],
    'footsteps':     ['0ad_sounds/footsteps/walk_run/*.ogg', '0ad_sounds/footsteps/human/*.ogg'],
    'goat':          ['0ad_sounds/fauna/death/goat_*.ogg', 'tuxpaint_stamp_sounds/animals/mammals/bovines/*goat.ogg'],
    'horse':         ['0ad_sounds/fauna/animal/horse_*.ogg', '0ad_sounds/fauna/death/death_horse_*.ogg', 'widelands_sounds/farm/horse_*.ogg',
                      'ovos_cc0_animals/horse.mp3', 'tuxpaint_stamp_sounds/animals/mammals/equines/horse.ogg'],
    'pick_mining':   ['0ad_sounds/resource/mining/*.ogg'],
    'pig':           ['0ad_sounds/fauna/animal/pig_*.ogg', 'ovos_cc0_animals/pig.mp3', 'tuxpaint_stamp_sounds/animals/mammals/pig*.ogg'],
    'sawing':        ['0ad_sounds/resource/construction/con_saw_*.ogg', 'tuxpaint_stamp_sounds/household/tools/saw.ogg'],
    'sheep':         ['0ad_sounds/fauna/animal/sheep_*.ogg', 'widelands_sounds/farm/sheep_*.ogg', 'ovos_cc0_animals/sheep.mp3',
                      'tuxpaint_stamp_sounds/animals/mammals/bovines/sheep*.ogg', 'tuxpaint_stamp_sounds/animals/mammals/bovines/ram.ogg'],
    'wood_chopping': ['0ad_sounds/resource/lumbering/lumber_tree_[0-9]*.ogg'],
}
# Non-target one-shots: other animals and objects; nothing that sounds like a target class
# (no hooves, no mining/smithing/farm scenes, no saw/hammer tools).
DISTRACTORS = ['tuxpaint_stamp_sounds/animals/birds/*.ogg', 'tuxpaint_stamp_sounds/animals/insects/*.ogg',
               'tuxpaint_stamp_sounds/animals/mammals/dogs/*.ogg', 'tuxpaint_stamp_sounds/animals/mammals/cats/*.ogg',
               'tuxpaint_stamp_sounds/animals/mammals/aquatic/*.ogg', 'tuxpaint_stamp_sounds/animals/mammals/apes/*.ogg',
               'tuxpaint_stamp_sounds/animals/mammals/rodents/*.ogg', 'tuxpaint_stamp_sounds/animals/mammals/elephant.ogg',
               'tuxpaint_stamp_sounds/household/[!t]*.ogg', 'tuxpaint_stamp_sounds/household/dishes/*.ogg',
               'tuxpaint_stamp_sounds/household/arttools/*.ogg', 'tuxpaint_stamp_sounds/hobbies/**/*.ogg',
               'tuxpaint_stamp_sounds/vehicles/**/*.ogg', 'tuxpaint_stamp_sounds/town/**/*.ogg',
               'ovos_cc0_animals/cat.mp3', 'ovos_cc0_animals/dog.mp3', 'ovos_cc0_animals/duck.mp3', 'ovos_cc0_animals/owl.mp3',
               'ovos_cc0_animals/frog.mp3', 'ovos_cc0_animals/rooster.mp3', 'widelands_sounds/animals/wolf_*.ogg',
               'widelands_sounds/animals/coyote_*.ogg', 'widelands_sounds/animals/moose_*.ogg', 'widelands_sounds/animals/stag_*.ogg',
               '0ad_sounds/fauna/animal/elephant_*.ogg', '0ad_sounds/fauna/animal/lion_*.ogg', '0ad_sounds/fauna/animal/chicken_*.ogg',
               '0ad_sounds/gate/*.ogg', 'lincity_ng_sounds/RailTrain*.wav', 'lincity_ng_sounds/Rocket*.wav', 'lincity_ng_sounds/School*.wav',
               'lincity_ng_sounds/Window*.wav', 'lincity_ng_sounds/Fire[0-9].wav', 'lincity_ng_sounds/SportsCroud*.wav']
DISTRACTOR_MAX_S = 4.0  # distractors are cut to this length (size budget; they are one-shots anyway)
# Long real ambiences: cut into clip-length chunks by the builder. Farm ambiences are left out (animal calls).
BACKGROUNDS = ['0ad_sounds/ambient/building/amb_port_*.ogg', '0ad_sounds/ambient/building/amb_trade_*.ogg',
               '0ad_sounds/ambient/dayscape/*.ogg', '0ad_sounds/ambient/water/*.ogg', '0ad_sounds/ambient/weather/*.ogg',
               'redeclipse_ambience/*.ogg', 'wesnoth_ambient/*.ogg', 'lincity_ng_sounds/Traf*.wav', 'lincity_ng_sounds/Water*.wav']

LICENCES = {'0ad_sounds': 'CC BY-SA 3.0 (Wildfire Games)', 'widelands_sounds': 'GPL-2+ (Widelands)',
            'ovos_cc0_animals': 'CC0 1.0 (Joseph Sardin, bigsoundbank.com)', 'tuxpaint_stamp_sounds': 'GPL-2 (Tux Paint stamps)',
            'wesnoth_ambient': 'GPL-2+ (Battle for Wesnoth)', 'lincity_ng_sounds': 'GPL-2+ / CC BY-SA 2.0 (LinCity-NG)',
            'redeclipse_ambience': 'CC BY-SA 3.0 / CC BY 3.0 (Red Eclipse; see its SOURCE.md for per-file authors)'}

def expand(shared, patterns):
    out = []
    for p in patterns: out += sorted(shared.glob(p))
    return list(dict.fromkeys(out))

def safe_name(rel):
    return re.sub(r'[^A-Za-z0-9_.-]+', '_', str(rel.with_suffix('')).replace('/', '__'))

def main(shared, out):
    rows, per_source = [], defaultdict(Counter)
    plan = [(f, 'event', lab) for lab, pats in EVENTS.items() for f in expand(shared, pats)]
    plan += [(f, 'distractor', '') for f in expand(shared, DISTRACTORS)]
    plan += [(f, 'background', '') for f in expand(shared, BACKGROUNDS)]
    for f, role, lab in plan:
        rel = f.relative_to(shared); src = rel.parts[0]
        wav, sr = load_audio(f)
        x = resample(to_mono(wav), sr, SR).numpy()
        if role != 'background': x = trim_silence(x, SR)
        if role == 'distractor': x = x[:int(DISTRACTOR_MAX_S * SR)]
        peak = np.abs(x).max() if len(x) else 0.0
        if peak == 0: print(f'skipping silent {rel}', file=sys.stderr); continue
        x = (x / peak * 0.9).astype('float32')  # level is set at mixing time; store at a common peak
        sub = {'event': f'events/{lab}', 'distractor': 'distractors', 'background': 'backgrounds'}[role]
        ext = '.ogg' if role == 'background' else '.flac'
        dest = out/sub/(safe_name(rel) + ext)
        dest.parent.mkdir(parents=True, exist_ok=True)
        # written in blocks: libsndfile's Vorbis encoder overflows its stack on long single writes
        with sf.SoundFile(dest, 'w', SR, 1, format='OGG' if ext == '.ogg' else 'FLAC', subtype='VORBIS' if ext == '.ogg' else 'PCM_16') as fh:
            for i in range(0, len(x), 8192): fh.write(x[i:i + 8192])
        rows.append((str(dest.relative_to(out)), role, lab, f'{src}/{"/".join(rel.parts[1:])}', LICENCES[src], f'{len(x) / SR:.3f}'))
        per_source[src][role if role != 'event' else f'event:{lab}'] += 1
    with open(out/'manifest.tsv', 'w') as fh:
        fh.write('path\trole\tlabel\torigin\tlicence\tduration\n')
        for r in rows: fh.write('\t'.join(r) + '\n')
    for src, counts in per_source.items():
        text = (shared/src/'SOURCE.md').read_text()
        lines = [f'# Attribution: {src}', '',
                 f'Clips in this folder tree whose `origin` column in `manifest.tsv` starts with `{src}/` come from the',
                 f'`{src}` collection. Licence: **{LICENCES[src]}**.', '',
                 'Converted for pmam by `data/recipes/curate_sources.py`: mono, 16 kHz, silence trimmed around one-shots,',
                 'peak-normalised; otherwise unchanged.', '', '## Counts', '']
        lines += [f'- {k}: {v}' for k, v in sorted(counts.items())]
        lines += ['', '## Provenance (the collection\'s own SOURCE.md, verbatim)', '', text]
        (out/f'ATTRIBUTION-{src}.md').write_text('\n'.join(lines))
    size = sum(p.stat().st_size for p in out.rglob('*') if p.is_file())
    print(f'{len(rows)} clips, {size / 2**20:.1f} MiB in {out}')

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--shared', default=str(Path(__file__).resolve().parents[2].parent/'shared'/'data'))
    ap.add_argument('--out', default=str(Path(__file__).resolve().parents[1]/'sources'))
    a = ap.parse_args()
    main(Path(a.shared), Path(a.out))
