# Two commands on a fresh machine: `make run` opens the app, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench bench-scale fuzz lint lock clean package test-package

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The window's Burmese translation, compiled from its source of truth (the .ts; the .qm
# is committed too, so a clean checkout or the packaging runs without a make step).
QM := resources/translations/caselog_my.qm
$(QM): resources/translations/caselog_my.ts $(STAMP)
	$(BIN)/pyside6-lrelease -removeidentical -nounfinished resources/translations/caselog_my.ts -qm $(QM)

run: $(STAMP) $(QM)
	$(BIN)/python -m desktop_app

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Benchmarks run on compiled bytecode, as the installed build does (a shell with
# PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module on each launch).
bench: $(STAMP)
	$(BIN)/python -m compileall -q desktop_app
	$(BIN)/python -m pytest -q -s tests/perf/bench_*.py

# The fuzzing of tests/fuzz at length (`make test` runs 60 seeded cases per category):
# FUZZ_CASES per category, FUZZ_SEED to vary them; prints tried / held per category.
FUZZ_CASES ?= 2000
FUZZ_SEED ?= 1414
fuzz: $(STAMP)
	CASELOG_FUZZ_CASES=$(FUZZ_CASES) CASELOG_FUZZ_SEED=$(FUZZ_SEED) QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q -s -p no:cacheprovider tests/fuzz

# Not part of `make test` or `make bench`: 1,000,000 reports against their floors, about
# 7 min on 2 cores (CASELOG_SCALE_REPORTS=100000 for a tenth). See docs/PERFORMANCE.md.
bench-scale: $(STAMP)
	$(BIN)/python -m compileall -q desktop_app
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.perf.scale

lint: $(STAMP)
	$(BIN)/ruff check desktop_app tests
	$(BIN)/ruff format --check desktop_app tests
	$(BIN)/mypy desktop_app/core desktop_app/store desktop_app/indicators desktop_app/importers desktop_app/export desktop_app/sharing

# The one-folder app (caselog + caselog-cli) and the archive to hand out, in dist/:
# dist/caselog-<version>-<os>-<arch>.tar.gz (.zip on Windows) and its .sha256.
package: $(STAMP) $(QM)
	$(BIN)/python packaging/build.py

# Build from a clean copy of the source in /tmp, unpack the archive and run the frozen
# programs with no Python in reach (packaging/test_package.sh). About 2 minutes.
test-package: $(STAMP)
	packaging/test_package.sh $(BIN)/python

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf /tmp/caselog-lock && $(PYTHON) -m venv /tmp/caselog-lock
	/tmp/caselog-lock/bin/pip install --quiet '.[dev,package]'
	/tmp/caselog-lock/bin/pip freeze --exclude caselog > requirements.lock

clean:
	rm -rf $(VENV) build dist *.egg-info
