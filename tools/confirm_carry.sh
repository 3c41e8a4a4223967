#!/usr/bin/env bash
# Carry the confirmatory study (tools/confirm.sh) across sessions whose machines do not keep files: only the
# repository does. `save` copies what a later session needs from the study's clone into this repository, to commit;
# `restore` (run by tools/confirm.sh before it resumes) copies it back into a fresh clone.
#
#   tools/confirm_carry.sh save DIR      # then: git add -f results/confirm*/carry && git commit
#   tools/confirm_carry.sh restore DIR
#
# What is carried, per study (confirm_lr_selection, confirm): its small files (spec.yaml, lr_selection.json,
# sessions.jsonl, sources_per_split.tsv, summary.*) and, under results/STUDY/carry/runs/, the record of every finished
# unit (unit.json) and pretraining (pretraining.json), plus the M-step checkpoint of a pretraining whose units are not
# all finished yet (about 1 MB), so that they start from the very same weights. A unit interrupted half-way is not
# carried: it runs again from its start. Nothing else changes: the clone, its commit and its dataset stay as they were.
set -euo pipefail
cmd=${1:?usage: tools/confirm_carry.sh save|restore DIR}
DIR=${2:?usage: tools/confirm_carry.sh save|restore DIR}
REPO=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
# CARRY_STUDIES="a b": carry these studies under results/ instead (e.g. recipe_defaults, run from its own clone)
read -ra STUDIES <<< "${CARRY_STUDIES:-confirm_lr_selection confirm}"
SMALL=(spec.yaml lr_selection.json sessions.jsonl sources_per_split.tsv summary.json summary.md summary.png)

case $cmd in
save)
  for s in "${STUDIES[@]}"; do
    src=$DIR/results/$s dst=$REPO/results/$s
    [ -d "$src" ] || continue
    mkdir -p "$dst"
    for f in "${SMALL[@]}"; do [ -f "$src/$f" ] && cp "$src/$f" "$dst/$f"; done
    # an unfinished study's summary stays behind: results/*/summary.json is read as a finished study's
    if ! python3 -c "import json,sys; sys.exit(not json.load(open(sys.argv[1])).get('complete'))" "$src/summary.json" \
         2>/dev/null; then rm -f "$dst"/summary.json "$dst"/summary.md "$dst"/summary.png; fi
    [ -d "$src/runs" ] || continue
    rm -rf "$dst/carry" && mkdir -p "$dst/carry/runs"
    (cd "$src/runs" && find . -name unit.json -o -name pretraining.json) | while read -r rec; do
      mkdir -p "$dst/carry/runs/$(dirname "$rec")" && cp "$src/runs/$rec" "$dst/carry/runs/$rec"
    done
    # the checkpoints of finished pretrainings that a unit still waiting for them starts from
    for pre in "$src"/runs/pretrain/*/; do
      [ -f "$pre/pretraining.json" ] || continue
      key=$(basename "$pre")
      # its finished units, against the study's settings that start from a pretraining (one unit each per seed)
      finished=$({ grep -l "\"pretraining\": \"$key\"" "$src"/runs/*/seed*/unit.json 2>/dev/null || true; } | wc -l)
      settings=$(python3 - "$src/spec.yaml" <<'PY'
import sys, yaml
spec = yaml.safe_load(open(sys.argv[1]))
print(sum(not any(str(o).startswith('init=scratch') for o in v) for v in spec['settings'].values()))
PY
)
      if [ "$finished" -lt "$settings" ]; then
        for ck in "$pre"iter*/mstep/best.pt; do
          [ -f "$ck" ] || continue
          rel=${ck#"$src/runs/"}
          mkdir -p "$dst/carry/runs/$(dirname "$rel")" && cp "$ck" "$dst/carry/runs/$rel"
        done
      fi
    done
    echo "$s: carried $(find "$dst/carry/runs" -name unit.json | wc -l) finished unit(s), $(find "$dst/carry/runs" -name pretraining.json | wc -l) pretraining record(s), $(find "$dst/carry/runs" -name best.pt | wc -l) checkpoint(s)"
  done
  echo "now: git -C $REPO add -f ${STUDIES[*]/#/results/} && git -C $REPO commit"
  ;;
restore)
  for s in "${STUDIES[@]}"; do
    src=$REPO/results/$s dst=$DIR/results/$s
    [ -d "$src" ] || continue
    mkdir -p "$dst"
    for f in "${SMALL[@]}"; do [ -f "$src/$f" ] && [ ! -f "$dst/$f" ] && cp "$src/$f" "$dst/$f"; done
    # sessions.jsonl: the repository's record is the longer one after a fresh clone
    if [ -f "$src/sessions.jsonl" ] && [ "$(wc -l < "$src/sessions.jsonl")" -gt "$(cat "$dst/sessions.jsonl" 2>/dev/null | wc -l)" ]; then
      cp "$src/sessions.jsonl" "$dst/sessions.jsonl"
    fi
    [ -d "$src/carry/runs" ] || continue
    n=0
    while read -r rec; do
      if [ ! -e "$dst/runs/$rec" ]; then mkdir -p "$dst/runs/$(dirname "$rec")" && cp "$src/carry/runs/$rec" "$dst/runs/$rec"; n=$((n + 1)); fi
    done < <(cd "$src/carry/runs" && find . -type f)
    echo "$s: restored $n file(s) from $src/carry"
  done
  ;;
*) echo "usage: tools/confirm_carry.sh save|restore DIR" >&2; exit 2 ;;
esac
