"""Checks `make test` runs on the library notebooks (nbs/NN_*.ipynb) for a reader's sake:

1. no exported cell holds more than one public definition or more than 40 lines;
2. no statement takes more lines than it needs (an "exploded" call, one item a line: `main([\n    'data',\n    'build',
   \n])`): packed into lines of at most 120 characters, continued under its open bracket, it would take fewer (a
   statement with a comment inside, or strings continued on the next line, is left as written);
3. no comment stands behind a closing bracket, where it explains nothing (`):  # why ...`): write it above the line.

    .venv/bin/python tools/nbcheck.py [NOTEBOOK ...]      # every library notebook by default; exit 1 on a finding
    .venv/bin/python tools/nbcheck.py --join NOTEBOOK ...  # re-join the exploded statements in place (code unchanged)

`--join` rewrites only statements whose syntax tree stays identical, so it cannot change what the code does.
"""
import ast, io, json, re, sys, tokenize
from pathlib import Path

MAX_LINES, MAX_WIDTH = 40, 120
STRANDED = re.compile(r'^\s*[\)\]\}][\)\]\}\s,:]*(->[^#]*)?#')

def directives(src): return {w for l in src.splitlines() if l.startswith('#|') for w in l[2:].split()}
def is_exported(src): return bool(directives(src) & {'export', 'exports'})
def code_lines(src): return [l for l in src.splitlines() if not l.startswith('#|')]

def public_definitions(src):
    "Top-level public functions and classes a cell defines (patched methods `def f(self:X)` count too)."
    try: tree = ast.parse('\n'.join(code_lines(src)))
    except SyntaxError: return []
    return [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and not n.name.startswith('_')]

def multiline_statements(src):
    "`(first, last)` 0-based line numbers of each logical line that spans several physical lines outside strings."
    out, start, depth = [], None, 0
    try: toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return []
    for t in toks:
        if t.type == tokenize.OP and t.string in '([{':
            if depth == 0: start = t.start[0] - 1
            depth += 1
        elif t.type == tokenize.OP and t.string in ')]}':
            depth -= 1
        elif t.type == tokenize.NEWLINE and start is not None:
            if t.start[0] - 1 > start: out.append((start, t.start[0] - 1))
            start = None
    return out

STRING_END, STRING_START = re.compile(r"""['"]\)*,?\s*$"""), re.compile(r"""^\s*[rRfFbBuU]{0,2}['"]""")

def joined(lines):
    "The statement of `lines` on one line (None if a comment or a string continued on the next line is inside)."
    parts = []
    for i, l in enumerate(lines):
        s = l.strip()
        if i < len(lines) - 1 and '#' in s and _comment_outside_string(l): return None
        if i and STRING_END.search(lines[i - 1]) and STRING_START.match(l) and not lines[i - 1].rstrip().endswith(','):
            return None
        parts.append(s if i else l.rstrip())
    text = parts[0]
    for p in parts[1:]:
        if text.endswith(('(', '[', '{')) or p.startswith((')', ']', '}')): text += p
        else: text += ' ' + p
    return re.sub(r',\s*([\)\]\}])', r'\1', text)

def _comment_outside_string(line):
    try: return any(t.type == tokenize.COMMENT for t in tokenize.generate_tokens(io.StringIO(line + '\n').readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return True

def same_code(a, b):
    try: return ast.dump(ast.parse(a)) == ast.dump(ast.parse(b))
    except SyntaxError: return False

def packed(line):
    """`line` (one statement) in lines of at most MAX_WIDTH, each broken after the last comma that fits among the
    outermost ones, continued under its open bracket. None if that would break inside an inner bracket."""
    try: toks = list(tokenize.generate_tokens(io.StringIO(line + '\n').readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return None
    opens, breaks = [], []  # column after each open bracket; (column after a comma, continuation indent)
    for t in toks:
        if t.type != tokenize.OP: continue
        if t.string in '([{': opens.append(t.end[1])
        elif t.string in ')]}': opens.pop()
        elif t.string == ',' and opens: breaks.append((t.end[1], opens[-1], len(opens)))
    out, start, indent = [], 0, 0
    while indent + len(line) - start > MAX_WIDTH:
        fits = [(depth, c, ind) for c, ind, depth in breaks if c > start and indent + c - start <= MAX_WIDTH]
        if not fits: return None
        outermost = min(depth for depth, _, _ in fits)
        if outermost > min(depth for _, _, depth in breaks): return None  # it would split an inner bracket: leave it
        _, cut, next_indent = [f for f in fits if f[0] == outermost][-1]
        out.append(' ' * indent + line[start:cut].strip() if out else line[:cut].rstrip())
        start, indent = cut, next_indent
    out.append(' ' * indent + line[start:].strip() if out else line)
    return out

def exploded(src):
    "`(first, last, new_lines)` of the statements that take more lines than they need, with the same code packed."
    lines, found = src.splitlines(), []
    for first, last in multiline_statements(src):
        one = joined(lines[first:last + 1])
        if one is None or '"""' in one or "'''" in one: continue
        new = packed(one)
        if new is None or len(new) >= last - first + 1 or any(len(l) > MAX_WIDTH for l in new): continue
        if same_code('\n'.join(lines), '\n'.join(lines[:first] + new + lines[last + 1:])):
            found.append((first, last, new))
    return found

def rejoin(src):
    "`src` with its exploded statements packed (from the last, so line numbers stay valid)."
    lines = src.splitlines()
    for first, last, new in reversed(exploded(src)): lines[first:last + 1] = new
    return '\n'.join(lines)

def check_cell(src, where):
    problems = []
    if is_exported(src):
        n, defs = len(code_lines(src)), public_definitions(src)
        if n > MAX_LINES: problems.append(f'{where}: exported cell of {n} lines (at most {MAX_LINES})')
        if len(defs) > 1:
            problems.append(f"{where}: exported cell with {len(defs)} public definitions ({', '.join(defs)})")
    lines = src.splitlines()
    for first, last, new in exploded(src):
        problems.append(f'{where}, line {first + 1}: a statement over {last - first + 1} lines that fits on '
                        f'{len(new)}: {lines[first].strip()[:60]}')
    for i, l in enumerate(lines):
        if STRANDED.match(l):
            problems.append(f'{where}, line {i + 1}: a comment behind a closing bracket: {l.strip()[:60]}')
    return problems

def library_notebooks(): return sorted(Path('nbs').glob('[0-9]*.ipynb'))

def cells(path): return [c for c in json.loads(Path(path).read_text())['cells'] if c['cell_type'] == 'code']

def source(cell): return ''.join(cell['source']) if isinstance(cell['source'], list) else cell['source']

def main(args):
    if args and args[0] == '--join':
        for p in args[1:] or library_notebooks():
            nb = json.loads(Path(p).read_text())
            n = 0
            for c in nb['cells']:
                if c['cell_type'] != 'code': continue
                new = rejoin(source(c))
                if new != source(c).rstrip('\n'):
                    n, c['source'] = n + 1, new
            Path(p).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
            print(f'{p}: {n} cell(s) re-joined')
        return 0
    problems = [x for p in (args or library_notebooks()) for i, c in enumerate(cells(p))
                for x in check_cell(source(c), f'{p} cell {i + 1}')]
    print('\n'.join(problems) or 'notebook layout: no findings')
    return 1 if problems else 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
