"""The benchmark tooling itself (runs in ``make test``; the benchmarks do not)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.store.engine import Store
from tests.conftest import PASSPHRASE
from tests.perf import floors, importtime, storesize
from tests.perf.generate import generate

SAMPLE = """\
import time: self [us] | cumulative | imported package
import time:       100 |        100 |       sqlalchemy.util
import time:      2000 |       2100 |     sqlalchemy
import time:        50 |       2150 |   desktop_app.store.engine
import time:       300 |        300 |   argparse
import time:        10 |       2460 | desktop_app.cli
import time:         5 |          5 | json
"""


def test_importtime_names_the_chain_that_first_imports_a_package() -> None:
    lines = importtime.parse(SAMPLE)
    assert [line.name for line in lines][:3] == [
        "sqlalchemy.util",
        "sqlalchemy",
        "desktop_app.store.engine",
    ]
    first = next(i for i, line in enumerate(lines) if line.name == "sqlalchemy")
    assert importtime.chain(lines, first) == [
        "desktop_app.cli",
        "desktop_app.store.engine",
        "sqlalchemy",
    ]
    assert lines[-1].parent is None and lines[-1].depth == 0


def test_figures_print_ratios_and_fail_only_when_strict(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = floors.Figures("t")
    figures.ratio("fast", 1.0, 1.0, target=1.5)
    figures.ratio("slow", 3.0, 1.0, target=1.5)
    out = capsys.readouterr().out
    assert "fast: Caselog 1.000 s = 1.00× floor 1.000 s; target <= 1.5x: met" in out
    assert "slow: Caselog 3.000 s = 3.00× floor 1.000 s; target <= 1.5x: NOT MET" in out
    monkeypatch.setattr(floors, "STRICT", False)
    figures.done()  # prints, does not fail
    monkeypatch.setattr(floors, "STRICT", True)
    with pytest.raises(AssertionError, match="slow: 3.00x > 1.5x"):
        figures.done()


def test_import_floor_writes_every_row_encrypted(tmp_path: Path) -> None:
    log = generate(tmp_path / "log.csv", 40)
    db = tmp_path / "floor.db"
    out = subprocess.run(
        [sys.executable, "-c", floors.IMPORT_FLOOR, str(db), str(log), floors.PASS],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert int(out[0]) == 40 and float(out[1]) > 0
    with pytest.raises(sqlite3.DatabaseError):  # not readable without the key
        sqlite3.connect(db).execute("SELECT count(*) FROM report").fetchone()
    import sqlcipher3

    conn = sqlcipher3.connect(str(db))
    conn.execute(f"PRAGMA key = '{floors.PASS}'")
    assert conn.execute("SELECT count(*) FROM report").fetchone()[0] == 40
    conn.close()


def test_storesize_counts_the_search_index_and_leaves_no_plain_copy(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    rows, page_size, _free = storesize.breakdown(store.path, PASSPHRASE)
    names = {row[0] for row in rows}
    assert {"post", "report", "post_search_data"} <= names
    assert all(size == pages * page_size for _n, _o, size, pages in rows)
    assert not list(tmp_path.glob("caselog-storesize-*"))
