"""Cross-check `pmam.data.clean_events` (DESED's label cleaning, `data.clean_labels`) against the `desed` package's own
function, `desed.post_process._post_process_labels_file`, on random clips; prints the counts and a few changed rows.

    .venv/bin/pip install --no-deps desed==1.3.8 jams==0.3.5 mir_eval==0.8.2 sortedcontainers==2.4.0
    .venv/bin/python tools/desed_labels_check.py [N_CLIPS]

`desed`'s full install needs soxbindings (for scaper), which does not build everywhere, and its `__init__` imports the
downloaders (yt_dlp, dcase_util); the cleaning needs none of them, so the package is installed without dependencies and
its `post_process` module imported without running `desed/__init__.py`. Not a test dependency: the notebook tests
`clean_intervals` on hand-worked cases.
"""
import importlib.util, logging, sys, types, warnings
import numpy as np
import pandas as pd
from pmam.data import EVENT_COLUMNS, clean_events

def desed_post_process():
    "`desed.post_process`, imported without `desed/__init__.py` (which needs the downloaders' dependencies)."
    spec = importlib.util.find_spec('desed')
    if spec is None: sys.exit(__doc__)
    pkg = types.ModuleType('desed')
    pkg.__path__ = list(spec.submodule_search_locations)
    sys.modules['desed'] = pkg
    import desed.post_process as pp
    return pp

def random_clip(rng, name, classes=('Dog', 'Cat', 'Speech')):
    "Events of one clip, in ms steps: short ones, long ones, gaps around 150 ms, some at the clip end."
    length = float(rng.choice([10.0, round(rng.uniform(3, 10), 3)]))
    rows = []
    for lab in rng.choice(classes, rng.integers(1, 4), replace=False):
        t = round(rng.uniform(0, 1), 3)
        for _ in range(rng.integers(1, 7)):
            dur = rng.choice([rng.uniform(0.01, 0.3), rng.uniform(0.3, 2.0)])
            on, off = t, round(min(length, t + dur), 3)
            if on >= length or off <= on: break
            rows.append((name, on, off, str(lab)))
            t = round(off + rng.choice([rng.uniform(0.0, 0.3), rng.uniform(0.3, 2.0), -rng.uniform(0, 0.2)]), 3)
            t = max(t, 0.0)
        if rng.random() < 0.2: rows.append((name, round(length - rng.uniform(0.01, 0.3), 3), length, str(lab)))
    return pd.DataFrame(rows, columns=EVENT_COLUMNS), length

def as_rows(df):
    return sorted((r.event_label, round(float(r.onset), 6), round(float(r.offset), 6)) for r in df.itertuples())

if __name__ == '__main__':
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    pp = desed_post_process()
    logging.disable(logging.CRITICAL)
    warnings.simplefilter('ignore')
    rng = np.random.default_rng(0)
    same, changed, n_in, n_out, shown = 0, 0, 0, 0, []
    for i in range(n):
        ev, length = random_clip(rng, f'clip{i}.wav')
        theirs, _ = pp._post_process_labels_file(ev.drop(columns='filename'), length)
        ours = clean_events(ev, {f'clip{i}.wav': length})
        n_in, n_out = n_in + len(ev), n_out + len(ours)
        if as_rows(theirs) == as_rows(ours): same += 1
        elif len(shown) < 5: shown.append((ev, length, theirs, ours))
        changed += as_rows(ev) != as_rows(ours)
    import desed
    from importlib.metadata import version
    print(f"desed {version('desed')} ({desed.__path__[0]}), pandas {pd.__version__}")
    print(f"{n} random clips, {n_in} events -> {n_out} after cleaning; cleaning changed {changed} clips; "
          f"identical to desed's _post_process_labels_file: {same} of {n} clips")
    for ev, length, theirs, ours in shown:
        print(f'\nDIFFERENT (clip of {length} s):\n{ev}\ndesed:\n{theirs}\npmam:\n{ours}')
    ev, length = random_clip(np.random.default_rng(3), 'example.wav')
    print(f'\nexample (clip of {length} s):\n{ev.to_string(index=False)}\n-> pmam:\n'
          f'{clean_events(ev, {"example.wav": length}).to_string(index=False)}')
    sys.exit(0 if same == n else 1)
