#!/usr/bin/env bash
# The study pmam/configs/studies/recipe_defaults.yaml (issue 30: tiny's seed-0-only fine-tuning defaults over three
# seeds), run in the background from a clone pinned at one commit, resumable across sessions whose machines keep no
# files (its finished units are carried in results/recipe_defaults/carry by tools/confirm_carry.sh):
#
#   tools/recipe_defaults.sh COMMIT [DIR]      # DIR default: ../recipe-<first 7 digits of COMMIT>
#   CARRY_STUDIES=recipe_defaults bash tools/confirm_carry.sh save DIR    # before a session ends; then commit
#
# One process, one unit at a time, OMP_NUM_THREADS=1, on the seed-0 benchmark (built in the clone if absent).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SOURCE=$(git -C "$HERE/.." rev-parse --show-toplevel)
COMMIT=$(git -C "$SOURCE" rev-parse --verify "${1:?usage: tools/recipe_defaults.sh COMMIT [DIR]}^{commit}")
DIR=${2:-$(dirname "$SOURCE")/recipe-${COMMIT:0:7}}
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
[ -d "$DIR" ] || { git clone -q "$SOURCE" "$DIR" && git -C "$DIR" checkout -q --detach "$COMMIT"; }
cd "$DIR"
[ "$(git rev-parse HEAD)" = "$COMMIT" ] || { echo "$DIR is at $(git rev-parse HEAD), not $COMMIT" >&2; exit 1; }
source tools/env.sh
CARRY_STUDIES=recipe_defaults bash "$HERE/confirm_carry.sh" restore "$DIR"
echo "commit $COMMIT, $(lscpu | sed -n 's/^Model name: *//p'), 1 thread, start $(date -u +%FT%TZ)"
[ -f data/benchmark/metadata/build.json ] || { rm -rf data/benchmark; "$BIN/pmam" data build --out data/benchmark --seed 0; }
resume=(); [ -d results/recipe_defaults/runs ] && resume=(--resume)
"$BIN/pmam" study recipe_defaults --out results/recipe_defaults --quiet "${resume[@]}"
echo "end $(date -u +%FT%TZ)"
