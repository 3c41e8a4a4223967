"""Download the pinned Debian bookworm packages whose recordings data/sources/ is made from, and unpack their audio.

Run from the project root (needs apt-get, dpkg-deb and tar; network access to a bookworm mirror):

    python data/recipes/fetch_debian.py CACHE        # e.g. /work/debs or data/debian (git-ignored)

For every package in PACKAGES: `apt-get download NAME=VERSION` into CACHE/deb (skipped when the .deb is
already there), verify its SHA-256 (a mismatch is an error), then extract its audio files and its
`usr/share/doc/NAME/copyright` into CACHE/x/NAME. Audio packed inside game archives is unpacked next to
the archive into a folder of the same name: 0 A.D.'s `public.zip` (zip), GCompris' `*.rcc` (Qt resource
files) and OpenClonk's `Sound.ocg` (C4Group). `curate_sources.py --debian CACHE/x` reads the result.
Nothing here depends on the clock or on directory order, so two runs give the same files.
"""
import argparse, gzip, hashlib, struct, subprocess, sys, zipfile, zlib
from pathlib import Path

# name: (version, SHA-256 of the .deb)
PACKAGES = {
    '0ad-data':                ('0.0.26-1', '53745ae74d05bccf6783400fa98f3932b21729ab9d2e86151aa2c331c3455178'),
    'wesnoth-1.16-data':       ('1:1.16.9-1', '1012b964bd412a6770685e3324ae3b61e176caff7846192d1ee63d55cd621e26'),
    'widelands-data':          ('2:1.1-3', '0e23d645b15bcfb9e3bcae0de9bc1bdfa75a6ecb36b2e449759d6eb0b4bbd8fb'),
    'minetest-data':           ('5.6.1+dfsg+~1.9.0mt8+dfsg-2', '91371dd2bd51cfcd4fa60c138667989a47047dfe1a47f7523b9ad1782d397585'),
    'flare-game':              ('1.14-1', '4ab6a8298276013d35a0806257e130d992761af1b749041433b409c3dafec508'),
    'tuxpaint-stamps-default': ('2022.06.04-1', '6db6c1bfc870a47f1499d6203b083522eacb57c5f9c87d468f2e92eb6d9d5f34'),
    'openclonk-data':          ('8.1-3', '1505314b47196c5052caf75e870ea2cf36bdb4e1d0c7e3f133da93815b7e642f'),
    'gcompris-qt-data':        ('3.1-2', 'e9cf06ab2105529068df73085784e835d2ff03f870d2a8091f09125d40abac9f'),
    'redeclipse-data':         ('1.6.0-1', 'ada26453d3100bd61154ce20a699352f0b48bb29f8505f477ebdcb612f71ab42'),
}
MEMBERS = ['*.ogg', '*.wav', '*.zip', '*.rcc', '*.ocg', '*/copyright']  # tar wildcards of what we extract
GCOMPRIS_RCC = ['explore_farm_animals.rcc', 'memory-sound.rcc']           # the only .rcc files with recordings we use


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as fh:
        for block in iter(lambda: fh.read(1 << 20), b''): h.update(block)
    return h.hexdigest()


def deb_name(name, version):
    return f"{name}_{version.replace(':', '%3a')}_all.deb"


def fetch(name, version, digest, debdir):
    """Download NAME=VERSION into debdir (unless present) and verify its SHA-256."""
    deb = debdir/deb_name(name, version)
    if not deb.exists():
        subprocess.run(['apt-get', 'download', f'{name}={version}'], cwd=debdir, check=True)
    got = sha256(deb)
    if got != digest: sys.exit(f'{deb}: SHA-256 {got}, expected {digest} (pinned in fetch_debian.py)')
    return deb


def unpack_zip(path, prefix='audio/'):
    """0 A.D.'s public.zip: write the .ogg members under `prefix` into a folder named like the zip."""
    out = path.with_suffix('')
    with zipfile.ZipFile(path) as z:
        for n in sorted(z.namelist()):
            if n.startswith(prefix) and n.endswith('.ogg'): write(out/n, z.read(n))


def rcc_entries(blob):
    """Yield (path, bytes) of every file in a Qt resource (.rcc) file, format versions 1-3 (zlib or uncompressed)."""
    if blob[:4] != b'qres': raise ValueError('not a Qt resource file')
    ver, tree, data, names = struct.unpack('>IIII', blob[4:20])
    size = 14 if ver == 1 else 22  # v2+ appends an 8-byte modification time to each tree entry
    def name(off):
        n, = struct.unpack('>H', blob[names + off:names + off + 2])
        return blob[names + off + 6:names + off + 6 + 2 * n].decode('utf-16-be')
    def walk(i, prefix):
        e = tree + i * size
        noff, flags = struct.unpack('>IH', blob[e:e + 6])
        here = prefix + name(noff) if i else ''
        if flags & 2:  # directory
            count, first = struct.unpack('>II', blob[e + 6:e + 14])
            for c in range(first, first + count): yield from walk(c, here + '/' if i else '')
        else:
            doff, = struct.unpack('>I', blob[e + 10:e + 14])
            n, = struct.unpack('>I', blob[data + doff:data + doff + 4])
            raw = blob[data + doff + 4:data + doff + 4 + n]
            if flags & 4: raise ValueError(f'{here}: zstd-compressed resource not supported')
            yield here, zlib.decompress(raw[4:]) if flags & 1 else raw
    yield from walk(0, '')


def unpack_rcc(path):
    out = path.with_suffix('')
    for n, b in rcc_entries(path.read_bytes()):
        if n.endswith(('.ogg', '.wav')): write(out/n, b)


def c4group_entries(blob, prefix=''):
    """Yield (path, bytes) of the files in an (unpacked) OpenClonk C4Group, recursing into child groups.

    Layout: a 204-byte header (obfuscated: XOR 237, then bytes i and i+2 swapped in every triple) whose
    int at byte 36 is the number of entries; then 316-byte entries (name[260], packed, child, size, _, offset);
    then the entries' data, offsets counted from the end of the entry table."""
    head = bytearray(b ^ 237 for b in blob[:204])
    for i in range(0, 204 - 2, 3): head[i], head[i + 2] = head[i + 2], head[i]
    if not bytes(head[:24]) == b'RedWolf Design GrpFolder': raise ValueError('not a C4Group')
    count, = struct.unpack('<i', head[36:40])
    base = 204 + 316 * count
    for k in range(count):
        e = blob[204 + 316 * k:204 + 316 * (k + 1)]
        nm = e[:260].split(b'\0')[0].decode('latin-1')
        _, child, size, _, off = struct.unpack('<5i', e[260:280])
        body = blob[base + off:base + off + size]
        if child: yield from c4group_entries(body, prefix + nm + '/')
        else: yield prefix + nm, body


def unpack_ocg(path):
    """OpenClonk's packed group: a gzip stream whose magic is 1E 8C instead of 1F 8B."""
    raw = bytearray(path.read_bytes()); raw[0], raw[1] = 0x1f, 0x8b
    out = path.parent/(path.name + '.d')
    for n, b in c4group_entries(gzip.decompress(bytes(raw))):
        if n.lower().endswith(('.ogg', '.wav')): write(out/n, b)


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data: path.write_bytes(data)


def extract(name, deb, xdir):
    dest = xdir/name
    dest.mkdir(parents=True, exist_ok=True)
    tar = subprocess.Popen(['dpkg-deb', '--fsys-tarfile', str(deb)], stdout=subprocess.PIPE)
    # tar exits 2 when a wildcard matches nothing in this package; that is expected here
    r = subprocess.run(['tar', '-x', '-C', str(dest), '--wildcards', *MEMBERS], stdin=tar.stdout, stderr=subprocess.DEVNULL)
    tar.wait()
    if tar.returncode: sys.exit(f'dpkg-deb failed on {deb}')
    if name == '0ad-data': unpack_zip(dest/'usr/share/games/0ad/mods/public/public.zip')
    if name == 'gcompris-qt-data':
        for r in GCOMPRIS_RCC: unpack_rcc(dest/'usr/share/gcompris-qt/rcc'/r)
    if name == 'openclonk-data': unpack_ocg(dest/'usr/share/games/openclonk/Sound.ocg')


def main(cache, only=None):
    debdir, xdir = cache/'deb', cache/'x'
    debdir.mkdir(parents=True, exist_ok=True)
    for name, (version, digest) in PACKAGES.items():
        if only and name not in only: continue
        deb = fetch(name, version, digest, debdir)
        print(f'{name} {version}: SHA-256 ok; extracting', flush=True)
        extract(name, deb, xdir)
    print(f'done: {xdir}')


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('cache', help='download/extract cache folder (outside git, or under data/ which is ignored)')
    ap.add_argument('--only', nargs='*', help='just these packages')
    a = ap.parse_args()
    main(Path(a.cache).resolve(), a.only)
