#!/usr/bin/env bash
# `make gpu-check`, the prepared check for a GPU machine, in two parts:
#   1. speed: M-step throughput (tiny, desed), model costs (tiny, desed, PaSST-S) and a paper-sized GMM fit
#      -> OUT/gpu_check.json (`python -m pmam.bench gpu-check`);
#   2. the paper's path end to end at toy size on that device: `desed_passt_toy` (E-step on PaSST's tokens, M-step with
#      LoRA and the tagging loss under bf16 autocast, fine-tuning, evaluation) on a small embedded benchmark built there
#      -> OUT/toy_results.json and OUT/toy_run.log (its scores mean nothing; that it runs does).
#
#   bash tools/gpu_check.sh [OUT] [--small] [--device DEVICE]    # OUT default runs/gpu-check; --small --device cpu:
#                                                                  # a two-minute trial of both parts on a CPU
# Where PyPI is reachable it runs in .venv (made by tools/env.sh, as `make test` does). On a machine without a package
# registry whose python3 has torch (e.g. a lent GPU machine), download the missing wheels here first and carry .whl/
# (not .venv: where .venv exists, it is used):
#   here:   bash tools/gpu_wheels.sh
#   there:  bash tools/gpu_check.sh OUT            # installs .whl/*.whl into /tmp/pmam-site, uses python3
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=runs/gpu-check SMALL=() DEVICE=auto
while [ $# -gt 0 ]; do
  case $1 in
    --small) SMALL=(--small); shift ;;
    --device) DEVICE=${2:?--device needs a value}; shift 2 ;;
    -*) echo "usage: tools/gpu_check.sh [OUT] [--small] [--device DEVICE]" >&2; exit 2 ;;
    *) OUT=$1; shift ;;
  esac
done
if [ ! -x .venv/bin/python ] && compgen -G '.whl/*.whl' > /dev/null; then  # no .venv here, and wheels carried
  PY=${PY:-python3}
  "$PY" -m pip install -q --root-user-action=ignore --no-index --no-deps --no-compile --no-cache-dir --upgrade \
    --target /tmp/pmam-site .whl/*.whl
  export PYTHONPATH=$PWD:/tmp/pmam-site${PYTHONPATH:+:$PYTHONPATH}
  if compgen -G '.whl/eval/*.whl' > /dev/null; then
    "$PY" -m pip install -q --root-user-action=ignore --no-index --no-deps --no-compile --no-cache-dir --upgrade \
      --target /tmp/pmam-eval-site .whl/eval/*.whl
  fi
else
  source tools/env.sh
fi
export PYTHONUNBUFFERED=1
mkdir -p "$OUT"
"$PY" -c 'import sys, torch; print("python", sys.version.split()[0], "| torch", torch.__version__, "| cuda",
           torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else "")'

echo "== 1. speed -> $OUT/gpu_check.json"
"$PY" -m pmam.bench gpu-check --out "$OUT" --device "$DEVICE" "${SMALL[@]}"

echo "== 2. desed_passt_toy end to end on $DEVICE -> $OUT/toy_results.json"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$PY" -m pmam.cli data build --out "$WORK/data" --seed 0 \
  'soundscapes.n_clips={strong: 8, weak: 8, unlabeled: 16, validation: 8, test: 8}' > "$WORK/build.log"
# desed_passt_toy reads DESED's layout; the embedded benchmark's folders instead
LAYOUT=(data.strong_tsv=metadata/train/strong.tsv data.unlabeled_tsv=metadata/train/unlabeled.tsv
        data.test_tsv=metadata/test/test.tsv data.strong_dir=audio/train/strong data.weak_dir=audio/train/weak
        data.unlabeled_dir=audio/train/unlabeled data.validation_dir=audio/validation data.test_dir=audio/test)
# psds_eval fails with numpy >= 2.4 or pandas >= 3: where the machine's are that new, the carried ones go first
EVAL_PATH=
if [ -d /tmp/pmam-eval-site ] && ! "$PY" -c 'import sys, numpy, pandas
v = lambda m: tuple(int(x) for x in m.__version__.split(".")[:2])
sys.exit(v(numpy) >= (2, 4) or v(pandas) >= (3, 0))'; then
  EVAL_PATH=/tmp/pmam-eval-site:
  echo "numpy/pandas here are too new for psds_eval: part 2 uses the carried $(ls /tmp/pmam-eval-site | grep -o '^\(numpy\|pandas\)-[0-9.]*' | tr '\n' ' ')"
fi
start=$(date +%s)
PYTHONPATH=$EVAL_PATH${PYTHONPATH:-} "$PY" -m pmam.cli run desed_passt_toy --run_dir "$WORK/run" --quiet --device "$DEVICE" "data.root=$WORK/data" \
  "${LAYOUT[@]}" > "$OUT/toy_run.log" 2>&1 || { tail -n 30 "$OUT/toy_run.log"; exit 1; }
cp "$WORK/run/results.json" "$OUT/toy_results.json"
tail -n 6 "$OUT/toy_run.log"
echo "desed_passt_toy on $DEVICE: $(( $(date +%s) - start )) s"
