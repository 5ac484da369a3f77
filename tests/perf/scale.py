"""``make bench-scale``: Caselog at 1,000,000 reports against its floors (issue 15).

    CASELOG_SCALE_REPORTS=1000000 python -m tests.perf.scale

Builds a report log of ``CASELOG_SCALE_REPORTS`` reports (default 1,000,000) and a
tenth of it, imports both, and prints as ratios to floors timed in the same run
(tests/perf/floors.py): import (and its cost per report at full size against a
tenth), peak memory, ``stats --json``, window launch to the painted list, search,
dashboard refresh, and the store's size against the floor's and the CSV's, with
the bytes per table and index. Not part of ``make test`` or ``make bench``; about
20 minutes at 1,000,000 reports on a 2-core machine, 3 at 100,000.

``CASELOG_BENCH_RUNS`` (default 1 here) runs of each side; ``CASELOG_SCALE_DIR``
keeps the files in that folder instead of a temporary one (which is deleted).
Missed targets print; with ``CASELOG_BENCH_STRICT=1`` the exit status is 1.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("CASELOG_BENCH_RUNS", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.perf import storesize  # noqa: E402
from tests.perf.floors import (  # noqa: E402
    PASS,
    STRICT,
    Figures,
    measure_import,
    measure_stats,
    measure_window,
    print_window,
    store_bytes,
)
from tests.perf.generate import generate  # noqa: E402


def main() -> int:
    reports = int(os.environ.get("CASELOG_SCALE_REPORTS", "1000000"))
    keep = os.environ.get("CASELOG_SCALE_DIR")
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="caselog-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    figures = Figures(f"scale: {reports:,} reports (files in {work})")
    try:
        tenth = max(1, reports // 10)
        small_log = generate(work / "tenth.csv", tenth)
        small_work = work / "tenth"
        small_work.mkdir(exist_ok=True)
        small = measure_import(small_log, small_work / "store.db", small_work)
        t = time.perf_counter()
        log = generate(work / "log.csv", reports)
        figures.say(
            f"report log: {log.stat().st_size / 1e6:,.0f} MB of CSV, written in "
            f"{time.perf_counter() - t:.0f} s"
        )
        db = work / "store.db"
        full = measure_import(log, db, work)
        figures.ratio(
            f"import of {full.reports:,} reports ({full.reports / full.seconds:,.0f} reports/s)",
            full.seconds,
            full.floor_seconds,
            target=2.5,
        )
        figures.ratio(
            f"import of {small.reports:,} reports ({small.reports / small.seconds:,.0f}/s)",
            small.seconds,
            small.floor_seconds,
            target=2.5,
        )
        per_full = full.seconds / full.reports
        per_small = small.seconds / small.reports
        growth = per_full / per_small
        verdict = "met" if growth <= 1.2 else "NOT MET"
        if growth > 1.2:
            figures.missed.append(f"import cost per report grows {growth:.2f}x > 1.2x")
        floor_growth = (full.floor_seconds / full.reports) / (small.floor_seconds / small.reports)
        figures.say(
            f"import cost per report: {1e6 * per_full:.0f} µs at {full.reports:,} = "
            f"{growth:.2f}× {1e6 * per_small:.0f} µs at {small.reports:,} (floor's own "
            f"growth {floor_growth:.2f}×); target <= 1.2x: {verdict}"
        )
        figures.memory("import memory", full.peak_mb, full.floor_peak_mb, limit_mb=300)
        figures.memory(f"import memory at {small.reports:,}", small.peak_mb, small.floor_peak_mb)
        shutil.rmtree(small_work, ignore_errors=True)

        stats = measure_stats(db)
        figures.ratio(
            "caselog-cli stats --json (wall, fresh process)",
            stats.seconds,
            stats.floor_seconds,
            target=1.5,
        )
        window = measure_window(db, work)
        print_window(figures, window, full.reports)
        figures.size("store size", store_bytes(db), store_bytes(full.floor_db), target=2.5)
        figures.say(
            f"store size against the CSV: {store_bytes(db) / log.stat().st_size:.2f}× "
            f"{log.stat().st_size / 1e6:,.0f} MB"
        )
        print("what takes the room:", flush=True)
        storesize.main([str(db), PASS])
        figures.say(f"bench-scale took {(time.perf_counter() - started) / 60:.1f} min")
        figures.done()
    except AssertionError:
        return 1
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if STRICT and figures.missed else 0


if __name__ == "__main__":
    sys.exit(main())
