# The two commands the README shows. Everything else is a helper for developers.
.PHONY: test demo test-slow gpu-check export

test:            ## set up .venv, check export/clean/README sync, test every notebook
	bash tools/test.sh

demo:            ## set up .venv, run PMAM end to end on the embedded benchmark (tiny preset), print the results table
	bash tools/demo.sh

test-slow:       ## the same, also running cells flagged #| slow
	NBDEV_TEST_FLAGS=slow TEST_TIMEOUT=3600 bash tools/test.sh

gpu-check:       ## on a GPU machine: M-step throughput (tiny, desed) and a paper-sized GMM fit -> runs/gpu-check/gpu_check.json
	.venv/bin/python -m pmam.bench gpu-check --out runs/gpu-check

export:          ## notebooks -> pmam/, clean notebooks, regenerate README
	.venv/bin/nbdev_export
	for nb in nbs/[0-9]*.ipynb; do .venv/bin/nbdev_clean --clear_all --fname "$$nb"; done
	.venv/bin/nbdev_clean --fname nbs
	.venv/bin/python tools/readme.py
