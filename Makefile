# ukimet: two commands do all the set-up on a fresh machine with Python >= 3.11:
#   make demo   build the environment, then run the demo on the embedded default
#   make test   build the environment, then run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.installed-demo

.PHONY: demo test check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# the demo installs only what ukimet needs to run (no test, lint or Spark tools); the tests install those too
$(DEMO_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/ukimet demo

# pytest exits 5 when it collects no test: that is a failure of the suite, said plainly
test: $(STAMP)
	$(BIN)/pytest -n 2 --dist loadfile -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "no tests were collected: the suite is empty or misconfigured"; fi; \
	exit $$status

check: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/bench_synth.py

clean:
	rm -rf $(VENV) demo-country .pytest_cache .mypy_cache .ruff_cache
