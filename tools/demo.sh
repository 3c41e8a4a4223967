#!/usr/bin/env bash
# The README's main-job command (`make demo`): set up the environment, then run PMAM end to end on the embedded
# benchmark with the `tiny` preset (build data, 2 EM iterations, fine-tune baseline + each iteration, evaluate),
# and print the results table. Rerunning continues an interrupted demo (--resume) or reprints its table.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
RUN=${RUN_DIR:-runs/demo}
resume=()
[ -f "$RUN/config.yaml" ] && resume=(--resume)
start=$(date +%s)
"$BIN/pmam" run tiny --run_dir "$RUN" "${resume[@]}" jobs=2 "$@"  # the baseline beside the pretraining
echo "demo wall time: $(( $(date +%s) - start )) s (run folder: $RUN)"
