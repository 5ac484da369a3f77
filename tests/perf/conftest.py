"""One store for the benchmarks of a run: the import benchmark's own result.

``bench_store`` generates the report log (``CASELOG_BENCH_REPORTS``, default
100,000), imports it with Caselog and with the import floor (tests/perf/floors.py),
and hands the store to the stats, window and export benchmarks, so a run imports
the big log once. Only benchmarks ask for it; ``make test`` never does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.perf.floors import ImportFigures, measure_import
from tests.perf.generate import generate

REPORTS = int(os.environ.get("CASELOG_BENCH_REPORTS", "100000"))


@dataclass(frozen=True)
class BenchStore:
    log: Path
    db: Path
    work: Path
    imported: ImportFigures


@pytest.fixture(scope="session")
def bench_store(tmp_path_factory: pytest.TempPathFactory) -> BenchStore:
    work = tmp_path_factory.mktemp("bench")
    log = generate(work / "log.csv", REPORTS)
    db = work / "bench.db"
    return BenchStore(log, db, work, measure_import(log, db, work))
