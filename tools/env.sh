# Sourced by tools/test.sh and tools/demo.sh: create .venv if absent and (re)install pmam with the dev extra
# whenever the project's metadata changed. Only PyPI is needed.
PY=.venv/bin/python
BIN=.venv/bin
if [ ! -x "$PY" ]; then
  printf '\n== creating .venv\n'
  python3 -m venv .venv
fi
stamp=.venv/.pmam-installed
if [ ! -f "$stamp" ] || [ settings.ini -nt "$stamp" ] || [ setup.py -nt "$stamp" ]; then
  printf '\n== installing pmam with the dev extra (pinned versions from settings.ini)\n'
  "$PY" -m pip install -q --upgrade pip
  "$PY" -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
