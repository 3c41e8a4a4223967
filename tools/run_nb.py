"""Execute notebooks in place, as `make test` runs them (cells flagged `#| slow`, `#| cuda` or `#| eval: false` are
skipped), so that their outputs — the plots and tables that show what the code does — are stored and read on a code
host. Then `make export` (which cleans metadata only) and commit; `make test` keeps each component notebook's
outputs under 100 KB.

    .venv/bin/python tools/run_nb.py nbs/04_soundscapes.ipynb nbs/11_evaluate.ipynb
"""
import os, re, sys
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory

SKIP = {'slow', 'cuda'}

def flags(cell): return {w for line in cell.source.splitlines() if line.startswith('#|') for w in line[2:].split()}
def not_evaluated(cell): return any(re.match(r'#\|\s*eval:\s*false', line) for line in cell.source.splitlines())
def skipped(cell): return cell.cell_type != 'code' or bool(flags(cell) & SKIP) or not_evaluated(cell)

if __name__ == '__main__':
    os.environ['IN_TEST'] = '1'  # as nbdev_test runs them
    for fn in map(Path, sys.argv[1:]):
        nb = read_nb(fn)
        for cell in nb.cells:
            if cell.cell_type == 'code': cell.outputs = []
        with working_directory(fn.parent): CaptureShell(fn).run_all(nb, exc_stop=True, preproc=skipped)
        write_nb(nb, fn)
        print(f'{fn}: executed, {os.path.getsize(fn) / 1024:.0f} KB')
