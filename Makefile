# The two commands of the README: `make demo` (score the shipped sample resume) and
# `make test` (the whole suite). Both create the virtualenv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench fuzz data clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=77"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rolefit demo

test: $(STAMP)
	$(BIN)/ruff check rolefit tests benchmarks scripts
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py --examples 20000

# rebuild the derived tables and the model from ../shared/datasets
data: $(STAMP)
	$(BIN)/python -m rolefit.build build --datasets ../shared/datasets --out .
	$(BIN)/python -m rolefit.build.salaries ../shared/datasets -o data/salary_percentiles.csv

clean:
	rm -rf $(VENV) build dist *.egg-info benchmarks/.corpus
