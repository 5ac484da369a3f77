"""Benchmark (make bench): the window over the benchmark store, against its floors.

Launch to the painted case list (fresh process, unlock included) against a bare
PySide6 process painting 200 rows of the same store; typing a search against the
bare FTS5 query; a dashboard refresh against the indicators' SQL alone
(tests/perf/floors.py). Targets (issue 15): each <= 1.5x its floor. Offscreen.
"""

from __future__ import annotations

from tests.perf.conftest import BenchStore
from tests.perf.floors import Figures, measure_window, print_window


def test_bench_window(bench_store: BenchStore) -> None:
    figures = Figures(f"the window over {bench_store.imported.reports:,} reports")
    window = measure_window(bench_store.db, bench_store.work)
    print_window(figures, window, bench_store.imported.reports)
    figures.done()
    assert window.rows > 0 and window.statements > 0
