"""Benchmark (make bench): import, indicators and ``caselog-cli`` against their floors.

On ``CASELOG_BENCH_REPORTS`` reports (default 100,000), printed as ratios to floors
timed in the same run (tests/perf/floors.py). Targets (issue 15): import <= 2.5x its
floor with peak memory < 300 MB; ``stats --json`` <= 1.5x its floor;
``caselog-cli --version`` < 2x ``python -c pass``; the store <= 2.5x the floor's
file. Missed targets print; they fail only with ``CASELOG_BENCH_STRICT=1``.
"""

from __future__ import annotations

from tests.perf.conftest import BenchStore
from tests.perf.floors import (
    GROUPING,
    PASS,
    RUNS,
    TRACE_PRELUDE,
    Figures,
    measure_stats,
    measure_version,
    run_py,
    store_bytes,
)

# compute_indicators in one process, warm; then its SQL alone, recorded from a run of
# it and replayed on a bare connection to the same store.
COMPUTE = (
    TRACE_PRELUDE
    + """
import statistics, sys, time
from desktop_app.indicators.compute import compute_indicators, default_params
from desktop_app.store.engine import open_store
db, phrase, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = open_store(db, phrase)
params = default_params(store)
compute_indicators(store, params)  # warm the page cache once, as the window would
RECORDING[0] = True
compute_indicators(store, params)
RECORDING[0] = False
timings = []
for _ in range(runs):
    t = time.perf_counter()
    compute_indicators(store, params)
    timings.append(time.perf_counter() - t)
store.close()
statements = recorded_statements()
conn = sqlcipher3.connect(db, isolation_level=None)
conn.execute("PRAGMA key = '" + phrase.replace("'", "''") + "'")
conn.execute("PRAGMA cache_size = -65536")
conn.execute("PRAGMA temp_store = MEMORY")
floor = []
for _ in range(runs + 1):
    t = time.perf_counter()
    for sql in statements:
        conn.execute(sql).fetchall()
    floor.append(time.perf_counter() - t)
print(statistics.median(timings), statistics.median(floor[1:]), len(statements))
"""
)

PLAIN_VS_CIPHER = """
import sqlite3, statistics, sqlcipher3, sys, time
query = '''@GROUPING@'''
def timed(conn):
    conn.execute(query).fetchall()
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        conn.execute(query).fetchall()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)
enc = sqlcipher3.connect(sys.argv[1]); enc.execute("PRAGMA key = '" + sys.argv[3] + "'")
enc.execute("PRAGMA cache_size = -65536")
plain_copy = sys.argv[2]
enc.execute(f"ATTACH DATABASE '{plain_copy}' AS plain KEY ''")
enc.execute("SELECT sqlcipher_export('plain')"); enc.execute("DETACH DATABASE plain")
plain = sqlite3.connect(plain_copy); plain.execute("PRAGMA cache_size = -65536")
print(timed(enc), timed(plain))
""".replace("@GROUPING@", GROUPING)


def test_bench_import(bench_store: BenchStore) -> None:
    got = bench_store.imported
    figures = Figures(f"import of {got.reports:,} reports")
    figures.ratio(
        f"import ({got.reports / got.seconds:,.0f} reports/s)",
        got.seconds,
        got.floor_seconds,
        target=2.5,
        note=f"each side: median of {RUNS}, turn about",
    )
    figures.memory("import memory", got.peak_mb, got.floor_peak_mb, limit_mb=300)
    figures.size(
        "store size after import",
        store_bytes(bench_store.db),
        store_bytes(got.floor_db),
        target=2.5,
    )
    figures.say(f"report log: {bench_store.log.stat().st_size / 1e6:.1f} MB of CSV")
    figures.done()
    assert got.reports > 0


def test_bench_stats_and_cli(bench_store: BenchStore) -> None:
    figures = Figures("caselog-cli and the indicators")
    stats = measure_stats(bench_store.db)
    figures.ratio(
        "caselog-cli stats --json (wall, fresh process)",
        stats.seconds,
        stats.floor_seconds,
        target=1.5,
    )
    ours, floor = measure_version()
    figures.ratio("caselog-cli --version (floor: python -c pass)", ours, floor, target=2.0)
    compute, sql, statements = run_py(COMPUTE, str(bench_store.db), PASS, str(RUNS))[0].split()
    figures.ratio(
        f"compute_indicators, warm (floor: its {statements} SQL statements alone)",
        float(compute),
        float(sql),
    )
    encrypted, plain = run_py(
        PLAIN_VS_CIPHER, str(bench_store.db), str(bench_store.work / "plain.db"), PASS
    )[0].split()
    figures.ratio(
        "grouping query encrypted (floor: the same query on a plain SQLite copy)",
        float(encrypted),
        float(plain),
        target=1.5,
    )
    figures.done()
    assert stats.reports_total == bench_store.imported.reports
