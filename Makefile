# The two commands of the README: `make demo` (score the shipped sample resume) and
# `make test` (the whole suite). Both create the virtualenv on first use: the demo installs
# rolefit with its runtime dependencies only, the tests add the dev extra. Each install has
# its own stamp, so `make test` after `make demo` still installs the dev extra.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev

.PHONY: demo test bench fuzz data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	@echo "Installing rolefit and its runtime dependencies into $(VENV)" \
	      "(first run only: 25-50 s and 670 MB here, see the README)..."
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(DEV): pyproject.toml | $(BIN)/python
	@echo "Installing rolefit with the dev extra into $(VENV) (first run only: about 1 GB, see the README)..."
	$(BIN)/python -m pip install --quiet --upgrade "setuptools>=77"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(DEV) $(RUNTIME)

demo: $(RUNTIME)
	$(BIN)/rolefit demo

test: $(DEV)
	$(BIN)/ruff check rolefit tests benchmarks scripts
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench: $(DEV)
	$(BIN)/python benchmarks/run_all.py

fuzz: $(DEV)
	$(BIN)/python scripts/fuzz.py --examples 20000

# rebuild the derived tables and the model from ../shared/datasets
data: $(DEV)
	$(BIN)/python -m rolefit.build build --datasets ../shared/datasets --out .
	$(BIN)/python -m rolefit.build.salaries ../shared/datasets -o data/salary_percentiles.csv

clean:
	rm -rf $(VENV) build dist *.egg-info benchmarks/.corpus
