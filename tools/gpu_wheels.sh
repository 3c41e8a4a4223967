#!/usr/bin/env bash
# The wheels `tools/gpu_check.sh` installs on a GPU machine that has no package registry but a Python with torch,
# numpy, scikit-learn, pandas, pyyaml and tqdm (the lent device of this workplace: Python 3.12): the packages pmam needs
# beyond those, at the versions `make test` runs with here, downloaded into .whl/ (git-ignored) to carry there; and in
# .whl/eval/ this environment's numpy and pandas, for scoring with psds_eval where the machine's are too new.
#
#   bash tools/gpu_wheels.sh [PYTHON_VERSION]      # default 3.12; writes .whl/*.whl
set -euo pipefail
cd "$(dirname "$0")/.."
PYV=${1:-3.12}
source tools/env.sh > /dev/null
# fastcore (pmam.config), soundfile and what it needs to load libsndfile (cffi, pycparser), psds_eval (scoring)
mapfile -t pins < <("$PY" - <<'PY'
from importlib.metadata import version
for name in ('fastcore', 'soundfile', 'cffi', 'pycparser', 'psds_eval'): print(f'{name}=={version(name)}')
PY
)
rm -rf .whl && mkdir -p .whl/eval
platforms=()
for p in manylinux_2_28_x86_64 manylinux_2_27_x86_64 manylinux_2_17_x86_64 manylinux2014_x86_64 manylinux1_x86_64; do
  platforms+=(--platform "$p")
done
download() { "$PY" -m pip download -q --no-deps --only-binary=:all: --python-version "$PYV" --implementation cp \
  "${platforms[@]}" -d "$@"; }
download .whl "${pins[@]}"
# psds_eval fails with numpy >= 2.4 and pandas >= 3 (shared/reference/ANCHORS.md, section 2.3): the versions used here,
# for tools/gpu_check.sh to put first where the machine's own are newer (in its second part only)
download .whl/eval "$("$PY" -c 'import numpy; print(f"numpy=={numpy.__version__}")')" \
  "$("$PY" -c 'import pandas; print(f"pandas=={pandas.__version__}")')"
ls -R .whl; du -sh .whl
