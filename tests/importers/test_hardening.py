"""Hostile or broken report logs (issue 14): refused with one line naming the row and
column, before any work where it matters, and nothing written."""

from __future__ import annotations

import csv
import re
import threading
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
import sqlcipher3
from openpyxl import Workbook
from sqlmodel import func, select

from desktop_app.core.errors import BadInputError, StoreBusyError
from desktop_app.core.timeutil import zone
from desktop_app.importers import spreadsheet
from desktop_app.importers.spreadsheet import ImportProblems, import_file
from desktop_app.indicators.compute import compute_indicators, default_params
from desktop_app.store.engine import Store
from desktop_app.store.models import Report
from desktop_app.store.types import SAFE_MAX, SAFE_MIN, from_micros
from tests.conftest import HEADER, PASSPHRASE, write_log

GOOD = {
    "post_url": "https://facebook.com/p/1",
    "platform": "facebook",
    "reported_at": "2026-03-01 09:00",
}


def _reports(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(Report)) or 0)


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("reported_at", "9999-12-31 23:59", "in the future"),
        ("reported_at", "0001-01-01 00:00", "2000-01-01"),
        ("posted_at", "1999-12-31", "before 2000-01-01"),
        ("final_response_at", "2099-01-01", "in the future"),
    ],
)
def test_every_time_is_in_range_row_and_column_named(
    store: Store, tmp_path: Path, column: str, value: str, reason: str
) -> None:
    row = {**GOOD, column: value}
    if column == "final_response_at":
        row["final_outcome"] = "removed"
    log = write_log(tmp_path / "log.csv", [GOOD, row])
    with pytest.raises(ImportProblems) as caught:
        import_file(store, log, zone("Asia/Yangon"))
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (3, column)
    assert reason in problem.reason
    assert _reports(store) == 0


def test_a_bad_time_already_in_the_store_breaks_nothing(store: Store, tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.csv", [GOOD, {**GOOD, "reported_at": "2026-03-02 09:00"}])
    import_file(store, log, zone("UTC"))
    with store.engine.begin() as conn:  # as a store written before times were checked
        conn.exec_driver_sql("UPDATE report SET reported_at = 253402300740000000 WHERE id = 1")
    assert from_micros(253402300740000000) == SAFE_MAX
    assert from_micros(-(2**62)) == SAFE_MIN
    with store.session() as session:
        assert session.get_one(Report, 1).reported_at == SAFE_MAX
    params = default_params(store, tz=zone("Asia/Yangon"))
    assert compute_indicators(store, params).reports_total == 1


def test_too_many_columns_refused_before_work(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(200_000)) + "\n1\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(BadInputError, match="200,000 columns"):
        import_file(store, path, zone("UTC"))
    assert time.perf_counter() - started < 10


def test_a_huge_cell_is_refused_naming_its_row(store: Store, tmp_path: Path) -> None:
    rows = [GOOD, {**GOOD, "content": "x" * (spreadsheet.MAX_CELL_CHARS + 10)}]
    log = write_log(tmp_path / "log.csv", rows)
    with pytest.raises(BadInputError, match=r"row 3: a cell is longer than"):
        import_file(store, log, zone("UTC"))
    assert _reports(store) == 0


def test_a_value_under_no_header_is_reported(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["post_url", "platform", "", "reported_at"])
        out.writerow(["https://facebook.com/p/1", "facebook", "", "2026-03-01 09:00"])
        out.writerow(["https://facebook.com/p/2", "facebook", "lost?", "2026-03-01 09:00", "x"])
    with pytest.raises(ImportProblems) as caught:
        import_file(store, path, zone("UTC"))
    named = {(p.row, p.column) for p in caught.value.problems}
    assert named == {(3, "C (no header)"), (3, "E (no header)")}


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_xlsx_with_a_stale_dimension_imports_every_row(store: Store, tmp_path: Path) -> None:
    rows: list[list[object]] = [["post_url", "platform", "reported_at", "content"]]
    rows += [
        [f"https://facebook.com/p/{i}", "facebook", "2026-03-01 09:00", f"t{i}"] for i in range(10)
    ]
    good = _xlsx(tmp_path / "good.xlsx", rows)
    stale = tmp_path / "stale.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(stale, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', data)
                assert count == 1
            target.writestr(item, data)
    result = import_file(store, stale, zone("UTC"))
    assert result.added == 10
    with store.session() as session:
        assert session.scalars(select(Report)).first() is not None


def test_xlsx_negative_date_serial_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "neg.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["post_url", "platform", "reported_at"])
    sheet.append(["https://facebook.com/p/1", "facebook", -5])
    sheet["C2"].number_format = "yyyy-mm-dd hh:mm"
    workbook.save(path)
    with pytest.raises(ImportProblems) as caught:
        import_file(store, path, zone("UTC"))
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (2, "reported_at")
    assert _reports(store) == 0


def test_xlsx_shared_strings_cap_checked_before_parsing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _xlsx(
        tmp_path / "log.xlsx",
        [["post_url", "platform", "reported_at"], ["https://x.com/1", "x", "2026-03-01"]],
    )
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    strings += b"<si><t>" + b"x" * 5000 + b"</t></si></sst>"
    with zipfile.ZipFile(path, "a") as archive:  # as Excel writes them, compressible
        archive.writestr("xl/sharedStrings.xml", strings, zipfile.ZIP_DEFLATED)
    monkeypatch.setattr(spreadsheet, "MAX_SHARED_STRINGS_BYTES", 4096)
    with pytest.raises(BadInputError, match="text table"):
        import_file(store, path, zone("UTC"))


def test_rejects_csv_neutralises_formulas(store: Store, tmp_path: Path) -> None:
    bad = {
        **GOOD,
        "post_url": '=HYPERLINK("http://evil.example","x")',
        "reported_at": "+cmd|' /C calc'!A0",
        "notes": "@SUM(1)",
    }
    log = write_log(tmp_path / "log.csv", [GOOD, bad])
    result = import_file(store, log, zone("UTC"), skip_invalid=True, rejects=tmp_path / "r.csv")
    assert result.added == 1
    with (tmp_path / "r.csv").open(encoding="utf-8", newline="") as handle:
        header, row = list(csv.reader(handle))
    cells = dict(zip(header, row, strict=True))
    assert cells["post_url"].startswith("'=HYPERLINK")
    assert cells["reported_at"].startswith("'+cmd")
    assert cells["notes"] == "'@SUM(1)"
    assert header[: len(HEADER)] == HEADER


def test_a_second_import_waits_then_says_the_store_is_busy(store: Store, tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.csv", [GOOD])
    holder = sqlcipher3.connect(str(store.path), isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA key = '" + PASSPHRASE.replace("'", "''") + "'")
    holder.execute("BEGIN IMMEDIATE")  # another import holding the write lock
    try:
        started = time.perf_counter()
        with pytest.raises(StoreBusyError, match="busy"):
            import_file(store, log, zone("UTC"))
        waited = time.perf_counter() - started
        assert 1 < waited < 30
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Once the other writer is done, the same import works.
    done = threading.Event()
    assert import_file(store, log, zone("UTC")).added == 1
    done.set()
    assert _reports(store) == 1 and isinstance(datetime.now(), datetime)
