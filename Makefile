# Two commands work on a fresh machine with only Python 3.11:
#   make demo   creates .venv, installs, runs the main job on the shipped default scenario
#   make test   creates .venv, installs, runs the default test suite
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: demo test test-all bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/simulate run scenarios/baseline.yaml --out results/baseline

test: $(STAMP)
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS)

test-all: $(STAMP)
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) -m ""

bench: $(STAMP)
	$(BIN)/python benchmarks/engine.py --json

clean:
	rm -rf $(VENV) results .pytest_cache
