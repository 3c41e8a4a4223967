#!/usr/bin/env bash
# A fixed small run for refactors, which must not change a single number: builds a small benchmark, runs
# `pmam run` (2 EM iterations with mixup and time shift, fine-tuning with mean teacher, mixup, FilterAugment and
# tuned median windows) on one thread, and writes OUT/fingerprint.json: every number of results.json and of the
# metrics logs, timings left out. Compare two checkouts with:
#   bash tools/fixed_run.sh /tmp/before && (switch code) && bash tools/fixed_run.sh /tmp/after
#   diff /tmp/before/fingerprint.json /tmp/after/fingerprint.json && echo identical
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: tools/fixed_run.sh OUT}
PY=${PY:-.venv/bin/python}
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
rm -rf "$OUT" && mkdir -p "$OUT"
SIZES='soundscapes.n_clips={strong: 16, weak: 16, unlabeled: 32, validation: 16, test: 16}'
"$PY" -m pmam.cli data build --out "$OUT/data" --seed 0 "$SIZES" > "$OUT/build.log"
"$PY" -m pmam.cli run tiny --run_dir "$OUT/run" --quiet "data.root=$OUT/data" \
  'data.batch={strong: 4, weak: 4, unlabeled: 8}' prototypes.pca_dim=8 prototypes.max_iter=20 \
  pretrain.epochs=2 pretrain.steps_per_epoch=3 pretrain.mixup_p=0.5 \
  finetune.epochs=2 finetune.steps_per_epoch=4 'finetune.batch_size={strong: 4, weak: 2, unlabeled: 2}' \
  finetune.mean_teacher=true finetune.mixup_p=0.5 finetune.pretrained_iterations=all evaluate.psds_thresholds=10 > "$OUT/run.log" 2>&1 \
  || { tail -20 "$OUT/run.log"; exit 1; }
"$PY" - "$OUT" <<'PY'
import json, sys
from pathlib import Path
out = Path(sys.argv[1])
DROP = ('seconds', 'wall', 'time', 'environment', 'checkpoint', 'path', 'run_dir', 'root')
def clean(x):
    if isinstance(x, dict): return {k: clean(v) for k, v in x.items() if not any(d in k for d in DROP)}
    if isinstance(x, list): return [clean(v) for v in x]
    return x
fp = {'results': clean(json.loads((out/'run'/'results.json').read_text())),
      'logs': {str(p.relative_to(out/'run')): [clean(json.loads(l)) for l in p.read_text().splitlines()]
               for p in sorted((out/'run').rglob('metrics.jsonl'))}}
import hashlib, torch
from pmam.config import load_config
from pmam.data import split_dataset
try: from pmam.model import load_detector
except ImportError: from pmam.finetune import load_detector
try: from pmam.evaluate import split_scores
except ImportError: from pmam.finetune import split_scores
from pmam.audio import LogMel
cfg = load_config(out/'run'/'config.yaml')
test = split_dataset(cfg, 'test')
def weights(sd): return hashlib.sha1(b''.join(sd[k].numpy().tobytes() for k in sorted(sd))).hexdigest()
for best in sorted((out/'run').rglob('best.pt')):
    sd = torch.load(best, weights_only=True)
    entry = {'weights': weights(sd.get('model') or sd.get('detector'))}
    if 'detector' in sd:
        det, _ = load_detector(best, cfg)
        scores = split_scores(det, test, LogMel(cfg.features), torch.device('cpu'))
        entry['test_scores_sha1'] = hashlib.sha1(b''.join(scores[f].to_numpy().tobytes() for f in sorted(scores))).hexdigest()
    fp[str(best.relative_to(out/'run'))] = entry
(out/'fingerprint.json').write_text(json.dumps(fp, indent=1, sort_keys=True))
r = fp['results']['models']
print({m: round(v['test']['psds1'], 6) for m, v in r.items()}, '->', out/'fingerprint.json')
PY
