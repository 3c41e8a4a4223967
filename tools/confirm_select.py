"""Apply the pre-registered decision rule of `confirm_lr_selection` and fill in the learning rates of `confirm`
(issue 29; the rule is stated in the headers of pmam/configs/studies/confirm_lr_selection.yaml and confirm.yaml).

    python tools/confirm_select.py [--selection results/confirm_lr_selection] [--out results/confirm] [--quick]

For each arm, the setting of the finished selection study with the higher mean validation PSDS1 by psds_eval (each
unit's selected detector at the fixed median window) over its seeds; an exact tie goes to the preset's rates, listed
first. No test number is read. Writes OUT/lr_selection.json (every candidate's validation scores and the choice) and
OUT/spec.yaml: the template pmam/configs/studies/confirm.yaml with the chosen `finetune.lr` values in its placeholders,
nothing else changed. Rerunning writes the same files; an OUT/spec.yaml that is neither the template nor this fill
stops it. --quick accepts a selection study run with `pmam study --quick` (a smoke test; its numbers mean nothing).
"""
import argparse, json, sys
from pathlib import Path
import yaml
from pmam.config import atomic_write_text
from pmam.study import (PLACEHOLDER, fill_study_spec, read_study_spec, read_summary, select_on_validation,
                        shipped_studies)

# placeholder of `confirm` -> the candidate settings of `confirm_lr_selection` for that arm, the preset's rates first
ARMS = {'lr_semisup': ['semisup_lr_preset', 'semisup_lr_third'],
        'lr_pmam_iter2': ['pmam_iter2_lr_preset', 'pmam_iter2_lr_third']}
RULE = ('for each arm, the candidate setting with the higher mean validation PSDS1 by psds_eval (fixed median window) '
        'over the selection study\'s seeds; an exact tie goes to the preset\'s rates (listed first)')


def lr_of(summary, setting):
    "The value of the one `finetune.lr` override of `setting` in a study summary."
    values = [o.split('=', 1)[1].strip() for o in summary['settings'][setting]['overrides']
              if o.split('=', 1)[0].strip() == 'finetune.lr']
    if len(values) != 1: sys.exit(f"{setting}: expected one finetune.lr override, found {values}")
    return values[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--selection', default='results/confirm_lr_selection', help='the finished selection study folder')
    ap.add_argument('--out', default='results/confirm', help="the confirmatory study's folder")
    ap.add_argument('--quick', action='store_true', help='accept a --quick selection study (smoke test)')
    args = ap.parse_args()
    summary = read_summary(args.selection)
    if summary['quick'] and not args.quick:
        sys.exit(f"{args.selection} was run with --quick: its numbers choose nothing")
    choice = {}
    for placeholder, candidates in ARMS.items():
        pick = select_on_validation(summary, candidates, metric='psds1', scores='fixed_window')
        if pick['tool'] != 'psds_eval': sys.exit(f"{candidates}: selected with {pick['tool']}, the rule says psds_eval")
        choice[placeholder] = {**pick, 'lr': lr_of(summary, pick['chosen'])}
    template_path = shipped_studies()['confirm']
    template = template_path.read_text()
    filled = fill_study_spec(template, {k: v['lr'] for k, v in choice.items()})
    assert not PLACEHOLDER.search(filled)
    read_study_spec(yaml.safe_load(filled))  # the filled spec must be a valid study
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    spec = out/'spec.yaml'
    if spec.exists() and spec.read_text() not in (template, filled):
        sys.exit(f"{spec} is neither the committed template nor its fill from {args.selection}: not overwritten")
    record = {'rule': RULE, 'selection_study': str(args.selection), 'selection_seeds': summary['seeds'],
              'quick': summary['quick'], 'template': 'pmam/configs/studies/confirm.yaml',
              'arms': choice}
    atomic_write_text(out/'lr_selection.json', json.dumps(record, indent=1, default=float))
    atomic_write_text(spec, filled)
    for placeholder, c in choice.items():
        means = ', '.join(f"{r['setting']} {r['mean']:.4f}" for r in c['candidates'])
        print(f"{placeholder}: {c['chosen']} -> finetune.lr={c['lr']}  (mean validation PSDS1: {means})")
    print(f"wrote {out/'lr_selection.json'} and {spec}")


if __name__ == '__main__': main()
