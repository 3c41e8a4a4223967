#!/usr/bin/env bash
# The pre-registered confirmatory study of issue 29, run from a clone pinned at one commit, so that code changed in
# the working repository meanwhile cannot enter it:
#   1. clone the repository into DIR and check out COMMIT (detached; a later call checks DIR is still exactly that),
#      with its own .venv (tools/env.sh);
#   2. build the fresh benchmark data/bench_seed29 (`pmam data build --seed 29`) and check it: build seed 29, the
#      clip counts, and the per-class floor of the default build (>= 27 training, 9 validation, 9 test recordings);
#   3. run the learning-rate selection (spec confirm_lr_selection), then apply its decision rule and fill in the
#      confirmatory spec (tools/confirm_select.py), then run the confirmatory study (spec confirm);
# with OMP_NUM_THREADS=1, one unit at a time per process (the confirmatory study in two processes: see step 3).
# Every call appends the commit, the CPU, the thread count and the dataset digest to results/confirm/sessions.jsonl
# (and each unit records its own CPU and threads).
#
# usage: tools/confirm.sh [--quick] COMMIT [DIR]
#   DIR      default: ../confirm-<first 10 digits of COMMIT> beside this repository
#   --quick  smoke test of the whole chain with `pmam study --quick` (a few steps per stage, a small benchmark under
#            each study's runs folder instead of the real one) into DIR/quick/; its numbers mean nothing
#   CONFIRM_SOURCE=PATH  the repository to clone (default: the one holding this script)
#   CONFIRM_ALLOW_OTHER_CPU=1  continue on a CPU model other than the one the study started on (see the spec)
#
# Across sessions on machines that keep no files: `tools/confirm_carry.sh save DIR` before the session ends copies the
# finished units' records into results/confirm*/ (commit them); this script restores them into a fresh clone.
# Restartable: stop it at any time (Ctrl-C, or `kill` its process group; pause it whenever anything else on the
# machine is being timed) and run the same command again, in this session or a later one: finished units are kept,
# an interrupted unit resumes (`pmam study --resume`), and a finished step is skipped.
# When it has finished, copy the small result files (not the run folders) into the repository and commit them:
#   rsync -a --exclude runs/ DIR/results/confirm_lr_selection DIR/results/confirm results/
#
# Wall time, one thread, one unit at a time: the selection study is 3 pretrainings and 12 fine-tunings, the
# confirmatory study 12 pretrainings and 48 fine-tunings. Measured with the same settings on the seed-0 build (a
# 2-core AMD EPYC VM shared with other runs, 2026-12-05): a pretraining 5.6 min, a fine-tuning unit 12.5 min (750
# mean-teacher steps at ~220 s per 250, validation, window tuning, test with both tools). So about 2.8 h for the
# selection study and 11 h of process time for the confirmatory one: about 5.5 h in two processes on 2 free cores.
set -euo pipefail
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
quick=0
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  --quick) quick=1; shift ;;
esac
[ $# -ge 1 ] || { usage >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
SOURCE=${CONFIRM_SOURCE:-$(git -C "$HERE/.." rev-parse --show-toplevel)}
COMMIT=$(git -C "$SOURCE" rev-parse --verify "$1^{commit}") || { echo "no commit $1 in $SOURCE" >&2; exit 2; }
DIR=${2:-$(dirname "$SOURCE")/confirm-${COMMIT:0:10}}
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
step() { printf '\n== %s  (%s)\n' "$*" "$(date -u +%FT%TZ)"; }

# 1. the pinned clone and its environment
if [ ! -d "$DIR" ]; then
  step "cloning $SOURCE into $DIR at $COMMIT"
  git clone -q "$SOURCE" "$DIR"
  git -C "$DIR" checkout -q --detach "$COMMIT"
fi
cd "$DIR"
[ "$(git rev-parse HEAD)" = "$COMMIT" ] || { echo "$DIR is at $(git rev-parse HEAD), not $COMMIT" >&2; exit 1; }
changed=$(git status --porcelain --untracked-files=no -- . ':(exclude)results')
[ -z "$changed" ] || { echo "$DIR: tracked files changed outside results/:"; echo "$changed"; exit 1; } >&2
source tools/env.sh
# a fresh machine: what earlier sessions finished comes back from the repository (tools/confirm_carry.sh)
[ $quick = 1 ] || bash "$HERE/confirm_carry.sh" restore "$DIR"

if [ $quick = 1 ]; then A=quick/confirm_lr_selection B=quick/confirm QUICK=(--quick)
else A=results/confirm_lr_selection B=results/confirm QUICK=(); fi
mkdir -p "$A" "$B"

# 2. the fresh benchmark (not in a smoke test: `--quick` mixes a small one under each runs folder)
if [ $quick = 0 ]; then
  if [ ! -f data/bench_seed29/metadata/build.json ]; then
    step "building the benchmark data/bench_seed29 (seed 29)"
    rm -rf data/bench_seed29  # a build stopped half-way
    "$BIN/pmam" data build --out data/bench_seed29 --seed 29
  fi
  "$PY" - <<'PY'
import json, sys
import pandas as pd
build = json.load(open('data/bench_seed29/metadata/build.json'))
want = {'strong': 300, 'weak': 300, 'unlabeled': 1500, 'validation': 200, 'test': 200}
if build['seed'] != 29 or build['clips'] != want: sys.exit(f"data/bench_seed29: seed {build['seed']}, clips {build['clips']}")
per = pd.read_csv('data/bench_seed29/metadata/sources_per_split.tsv', sep='\t')
table = per.pivot(index='class', columns='split', values='recordings').fillna(0).astype(int)
floor = {'train': 27, 'validation': 9, 'test': 9}  # the default (seed 0) build's smallest class, per split
low = [f'{c} {s} {table.loc[c, s]}' for c in table.index for s in floor if table.loc[c, s] < floor[s]]
if low: sys.exit(f"data/bench_seed29 is below the default build's floor {floor}: {', '.join(low)}")
print(f"data/bench_seed29: seed 29, {sum(want.values())} clips; recordings per class and split:\n{table}")
PY
  cp data/bench_seed29/metadata/sources_per_split.tsv "$A/sources_per_split.tsv"
fi

# the session's record: commit, machine, threads, dataset; a change of CPU model stops the study (see the spec)
"$PY" - "$B/sessions.jsonl" "$COMMIT" "$quick" <<'PY'
import json, os, platform, sys, time
from pathlib import Path
import torch
from pmam.config import cpu_model
path, commit, quick = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == '1'
digest = None
if not quick:  # SHA-1 over the dataset's files and names, not the feature store (hidden folders) the runs add
    import hashlib
    h, root = hashlib.sha1(), Path('data/bench_seed29')
    for p in sorted(root.rglob('*')):
        rel = p.relative_to(root)
        if p.is_file() and not any(part.startswith('.') for part in rel.parts):
            h.update(str(rel).encode())
            h.update(p.read_bytes())
    digest = h.hexdigest()
rec = {'start': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()), 'commit': commit, 'cpu': cpu_model(),
       'cpu_count': os.cpu_count(), 'torch_threads': torch.get_num_threads(),
       'omp_num_threads': os.environ.get('OMP_NUM_THREADS'), 'platform': platform.platform(),
       'python': platform.python_version(), 'torch': torch.__version__, 'dataset_digest': digest}
before = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
if before and before[0]['cpu'] != rec['cpu'] and os.environ.get('CONFIRM_ALLOW_OTHER_CPU') != '1':
    sys.exit(f"this CPU ({rec['cpu']}) is not the one the study started on ({before[0]['cpu']}); run it there, or "
             "set CONFIRM_ALLOW_OTHER_CPU=1 (the spec says how the analysis then treats the machine)")
if before and digest is not None and before[0]['dataset_digest'] not in (None, digest):
    sys.exit('data/bench_seed29 differs from the one the study started with')
if rec['torch_threads'] != 1: sys.exit(f"torch uses {rec['torch_threads']} threads; the study runs with one")
with path.open('a') as f: f.write(json.dumps(rec) + '\n')
print(f"session: commit {commit[:10]}, {rec['cpu']}, {rec['torch_threads']} thread(s)")
PY

# 3. the selection study, the rule, the confirmatory study
step "learning-rate selection: $A"
"$BIN/pmam" study results/confirm_lr_selection/spec.yaml --out "$A" --resume --quiet "${QUICK[@]}"
step "decision rule of the selection study -> $B/spec.yaml"
"$PY" tools/confirm_select.py --selection "$A" --out "$B" "${QUICK[@]}"
# The confirmatory study runs as CONFIRM_PROCS processes (default 2), each one thread, each with its own share of the
# seeds (a seed's units stay in one process, which runs them one at a time): results/confirm/AMENDMENT.md says why
# this changes no number. A last call with every seed only reads the finished units and writes the whole summary.
procs=${CONFIRM_PROCS:-2}
step "confirmatory study: $B ($procs process(es))"
mapfile -t shares < <("$PY" - "$B/spec.yaml" "$procs" <<'PY'
import sys, yaml
seeds, n = yaml.safe_load(open(sys.argv[1]))['seeds'], int(sys.argv[2])
for i in range(n): print(' '.join(map(str, seeds[i::n])))
PY
)
pids=()
for share in "${shares[@]}"; do
  [ -n "$share" ] || continue
  # shellcheck disable=SC2086  # the seeds are words
  "$BIN/pmam" study "$B/spec.yaml" --out "$B" --resume --quiet "${QUICK[@]}" --seeds $share &
  pids+=($!)
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=1; done
[ $failed = 0 ] || { echo "a process of the confirmatory study failed (see above); run this script again to resume" >&2; exit 1; }
"$BIN/pmam" study "$B/spec.yaml" --out "$B" --resume --quiet "${QUICK[@]}"
step "finished: $DIR/$A and $DIR/$B"
echo "copy the results into the repository: rsync -a --exclude runs/ $DIR/$A $DIR/$B results/"
