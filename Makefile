# Two commands work on a fresh machine with only Python 3.11:
#   make demo   creates .venv, installs, compares the shipped programme scenarios with the
#               baseline and writes report.html
#   make test   creates .venv, installs (and Debian's chromium for the browser test when it
#               is missing), runs the default test suite
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_WORKERS ?= 2
PROGRAMMES := dedicated-coaches reserved-childcare combined klaar-voor-een-kind \
              kind-en-werkgeluk het-begint-bij-mij leeuwarden-peer-groups \
              leeuwarden-self-run brussels-workshops

.PHONY: demo test test-all bench install browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/simulate compare scenarios/baseline.yaml \
	    $(foreach p,$(PROGRAMMES),scenarios/$(p).yaml) --out results/demo
	@$(BIN)/simulate report results/demo -o report.html

# The browser test needs Debian's chromium; install it when missing (root or sudo), or the
# test is skipped with the reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium for the browser test"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo "sudo -n" ); \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium ) >/dev/null 2>&1 \
	    || echo "chromium could not be installed: the browser test will be skipped"; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS)

test-all: $(STAMP) browser
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) -m ""

bench: $(STAMP)
	$(BIN)/python benchmarks/engine.py --json
	$(BIN)/python benchmarks/crn.py --json
	$(BIN)/python benchmarks/sweep.py --json --skip-sobol

clean:
	rm -rf $(VENV) results report.html test-artifacts .pytest_cache
