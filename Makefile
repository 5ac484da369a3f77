# Two commands on a fresh machine: `make run` opens the app, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint lock clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m desktop_app

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pytest -q -s tests/perf/bench_*.py

lint: $(STAMP)
	$(BIN)/ruff check desktop_app tests
	$(BIN)/ruff format --check desktop_app tests
	$(BIN)/mypy desktop_app/core desktop_app/store desktop_app/indicators desktop_app/importers

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf /tmp/caselog-lock && $(PYTHON) -m venv /tmp/caselog-lock
	/tmp/caselog-lock/bin/pip install --quiet '.[dev,package]'
	/tmp/caselog-lock/bin/pip freeze --exclude caselog > requirements.lock

clean:
	rm -rf $(VENV) build dist *.egg-info
