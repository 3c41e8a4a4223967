"""Edit notebooks as percent-format text (in any editor, or for scripted refactors across notebooks) and write them
back with nbformat, keeping cell ids. JupyterLab is the usual way to edit a notebook; this is the other one.

    python tools/nbsync.py to-py  nbs/06_gmm.ipynb  > /tmp/06_gmm.py   # notebook -> editable text
    python tools/nbsync.py to-nb  /tmp/06_gmm.py nbs/06_gmm.ipynb      # text -> notebook (read-modify-write)

Then `make export` (nbdev_export, nbdev_clean, README).

Cells are separated by lines `# %%` (code) or `# %% [markdown]` (markdown; each line prefixed by `# `).
A cell whose source is unchanged keeps its id and outputs; the others keep the id of the cell at the same
position when there is one, so exported modules churn only where the code changed.
"""
import sys, nbformat
from pathlib import Path
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell

KERNEL = {'kernelspec': {'name': 'python3', 'display_name': 'python3', 'language': 'python'}}

def to_py(nb):
    out = []
    for c in nb.cells:
        if c.cell_type == 'markdown':
            out.append('# %% [markdown]\n' + '\n'.join(('# ' + l).rstrip() for l in c.source.splitlines()))
        else: out.append('# %%\n' + c.source)
    return '\n\n'.join(out) + '\n'

def parse_py(text):
    cells, kind, buf = [], None, []
    def flush():
        if kind is None: return
        src = '\n'.join(buf).strip('\n')
        if kind == 'markdown': src = '\n'.join(l[2:] if l.startswith('# ') else l.lstrip('#') for l in src.splitlines())
        cells.append((kind, src))
    for line in text.splitlines():
        if line.startswith('# %%'):
            flush()
            kind, buf = ('markdown' if '[markdown]' in line else 'code'), []
        else: buf.append(line)
    flush()
    return cells

def to_nb(cells, old=None):
    olds = list(old.cells) if old is not None else []
    by_src = {}                                           # unchanged cells keep id and outputs; cells of the
    for c in olds: by_src.setdefault((c.cell_type, c.source), []).append(c)   # same source pair up in order
    kept = [by_src[cell].pop(0) if by_src.get(cell) else None for cell in cells]
    taken = {c.id for c in kept if c is not None}
    new = []
    for i, ((kind, src), prev) in enumerate(zip(cells, kept)):
        if prev is None:
            prev = new_code_cell(src) if kind == 'code' else new_markdown_cell(src)
            if i < len(olds) and olds[i].id not in taken: prev.id = olds[i].id   # edited in place
        taken.add(prev.id)
        new.append(prev)
    nb = new_notebook(cells=new, metadata=old.metadata if old is not None else KERNEL)
    nbformat.validate(nb)
    return nb

if __name__ == '__main__':
    cmd, *args = sys.argv[1:]
    if cmd == 'to-py': sys.stdout.write(to_py(nbformat.read(args[0], as_version=4)))
    elif cmd == 'to-nb':
        src, dest = Path(args[0]), Path(args[1])
        old = nbformat.read(dest, as_version=4) if dest.exists() else None
        nbformat.write(to_nb(parse_py(src.read_text()), old), dest)
    else: sys.exit(__doc__)
