"""Write README.md from nbs/index.ipynb without Quarto: markdown cells as they are, code cells as
fenced python, text outputs as fenced text. Cells marked `#| hide` or `#| include: false` are left out.
The notebook's stored outputs are used (index.ipynb is committed with its outputs), so this is fast
and deterministic. Run by `make export`; to refresh the stored outputs, execute the notebook in JupyterLab first."""
import nbformat
from pathlib import Path

HEADER = '<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file. -->\n\n'

def _directives(src): return [l.strip() for l in src.splitlines() if l.startswith('#|')]
def _hidden(src): return any(d.replace(' ', '') in ('#|hide', '#|include:false') for d in _directives(src))
def _strip(src): return '\n'.join(l for l in src.splitlines() if not l.startswith('#|')).strip()

def _output_text(o):
    if o.get('output_type') == 'stream': return ''.join(o.get('text', ''))
    data = o.get('data', {})
    if 'text/markdown' in data: return None, ''.join(data['text/markdown'])
    return ''.join(data.get('text/plain', ''))

def render(nb):
    parts = []
    for c in nb.cells:
        if c.cell_type == 'markdown': parts.append(c.source.strip())
        elif c.cell_type == 'code' and not _hidden(c.source):
            src = _strip(c.source)
            if src: parts.append(f'```python\n{src}\n```')
            for o in c.get('outputs', []):
                t = _output_text(o)
                if isinstance(t, tuple): parts.append(t[1].strip())
                elif t and t.strip(): parts.append(f'```\n{t.rstrip()}\n```')
    return HEADER + '\n\n'.join(p for p in parts if p) + '\n'

if __name__ == '__main__':
    root = Path(__file__).resolve().parents[1]
    out = render(nbformat.read(root/'nbs'/'index.ipynb', as_version=4))
    (root/'README.md').write_text(out, encoding='utf-8')
