# Quick start: `make demo` and `make test`. Both set themselves up from the lock file.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit postgres browser refdata bench lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The Noto fonts for the PDF reports; the demo goes on without them (Latin-only PDFs, a logged warning).
demo: install
	-scripts/install-fonts
	$(BIN)/python -m imvo.demo

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports --no-cache

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest -q

# Debian's chromium for the end-to-end tests, and the Noto fonts the PDF tests read back (installed when missing).
browser:
	scripts/install-browser
	scripts/install-fonts

# The database-backed tests again on the local PostgreSQL (required in CI).
postgres: install
	scripts/test-postgres

test: lint typecheck browser unit postgres

# Regenerate the package data from ../shared/data (needs the raw files; the product does not).
refdata: install
	$(BIN)/python -m imvo.core.refdata.build --source ../shared/data

bench: install
	$(BIN)/python benchmarks/bench_scan.py

# Regenerate requirements.lock after editing pyproject.toml (needs uv or pip-tools on PATH).
lock:
	uv pip compile pyproject.toml --extra web --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
