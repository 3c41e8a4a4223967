#!/usr/bin/env bash
# `make gpu-check`: M-step throughput (tiny, desed), model costs (tiny, desed, PaSST-S) and a paper-sized GMM fit on
# the GPU -> OUT/gpu_check.json (default runs/gpu-check), the machine and torch version in it.
#
# Where PyPI is reachable it runs in .venv (made by tools/env.sh, as `make test` does). On a machine without a package
# registry whose python3 has torch (e.g. a lent GPU machine), download the missing wheels here first and carry .whl/
# (not .venv: where .venv exists, it is used):
#   here:   bash tools/gpu_wheels.sh
#   there:  bash tools/gpu_check.sh OUT            # installs .whl/*.whl into /tmp/pmam-site, uses python3
# Further arguments go to `python -m pmam.bench gpu-check` (e.g. `--small --device cpu`: a minute-long trial on a CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-runs/gpu-check}
shift || true
if [ ! -x .venv/bin/python ] && compgen -G '.whl/*.whl' > /dev/null; then  # no .venv here, and wheels carried
  PY=${PY:-python3}
  "$PY" -m pip install -q --root-user-action=ignore --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/pmam-site .whl/*.whl
  export PYTHONPATH=$PWD:/tmp/pmam-site${PYTHONPATH:+:$PYTHONPATH}
else
  source tools/env.sh
fi
export PYTHONUNBUFFERED=1
"$PY" -c 'import sys, torch; print("python", sys.version.split()[0], "| torch", torch.__version__, "| cuda",
           torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else "")'
"$PY" -m pmam.bench gpu-check --out "$OUT" "$@"
