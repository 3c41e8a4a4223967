# The two commands the README shows. Everything else is a helper for developers.
.PHONY: test demo test-slow gpu-check export

test:            ## set up .venv, check export/clean/README sync, test every notebook
	bash tools/test.sh

demo:            ## set up .venv, run PMAM end to end on the embedded benchmark (tiny preset), print the results table
	bash tools/demo.sh

test-slow:       ## the same, also running cells flagged #| slow
	NBDEV_TEST_FLAGS=slow TEST_TIMEOUT=3600 bash tools/test.sh

gpu-check:       ## on a GPU machine: M-step throughput (tiny, desed), model costs (tiny, desed, PaSST-S) and a paper-sized GMM fit -> runs/gpu-check/gpu_check.json
	bash tools/gpu_check.sh runs/gpu-check

export:          ## after editing notebooks: nbs/ -> pmam/, clean notebooks, regenerate README (what `make test` checks)
	bash -c 'source tools/env.sh && "$$BIN/nbdev_export" && "$$BIN/nbdev_clean" --fname nbs && "$$PY" tools/readme.py'
