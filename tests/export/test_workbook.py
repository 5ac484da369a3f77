"""The indicator workbook (EXCEL.md) as a partner opens and re-checks it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.core.errors import BadInputError, Cancelled
from desktop_app.export.redact import Redaction
from desktop_app.export.workbook import MYANMAR_FONT, write_workbook
from desktop_app.indicators.compute import compute_indicators
from desktop_app.indicators.labels import LINES, value_at
from tests.export import sample
from tests.export.recompute import assert_same, recompute, sheet_rows

SHEETS = [
    "Indicators",
    "Monthly",
    "Platforms",
    "Categories",
    "Reports",
    "Repeat offenders",
    "Duplicates",
]


def _indicator_cells(path: Path) -> dict[str, object]:
    ws = load_workbook(path)["Indicators"]
    keys = {line.key for line in LINES} | {"sla_hours", "repeat_threshold", "period.tz"}
    return {row[2]: row[1] for row in ws.iter_rows(values_only=True) if row[2] in keys}


@pytest.fixture
def filled(store, tmp_path: Path) -> sample.Sample:  # type: ignore[no-untyped-def]
    return sample.fill(store, tmp_path)


def test_every_indicator_recomputes_from_the_reports_sheet(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    params = sample.params(repeat_threshold=2)
    out = tmp_path / "indicators.xlsx"
    result = write_workbook(store, params, out)
    expected = compute_indicators(store, params).to_json()
    rows = sheet_rows(load_workbook(out)["Reports"])
    assert result.reports == len(rows) == expected["reports_total"] > 300
    by_hand = recompute(rows, threshold=2)
    assert_same(by_hand, expected)
    assert by_hand["duplicate_clusters"] >= 1 and by_hand["repeat_offenders"] >= 1
    assert by_hand["fake_accounts_flagged"] >= 1 and by_hand["pending"]["total"] >= 1
    # The Indicators sheet holds the same values, full precision, under the JSON keys.
    cells = _indicator_cells(out)
    for line in LINES:
        assert_same(value_at(expected, line.key), cells[line.key], line.key)
    assert cells["period.tz"] == "Asia/Yangon" and cells["sla_hours"] == 48


def test_monthly_platform_and_category_sheets_match_the_indicators(  # type: ignore[no-untyped-def]
    store, filled, tmp_path: Path
) -> None:
    params = sample.params()
    out = tmp_path / "w.xlsx"
    expected = write_workbook(store, params, out).indicators.to_json()
    wb = load_workbook(out)
    monthly = [list(r) for r in wb["Monthly"].iter_rows(min_row=2, values_only=True)]
    assert [r[0] for r in monthly] == [m["month"] for m in expected["by_month"]]
    assert [r[1] for r in monthly] == [m["reports_total"] for m in expected["by_month"]]
    assert [r[5] for r in monthly] == [m["reports_over_sla"] for m in expected["by_month"]]
    platforms = [r for r in wb["Platforms"].iter_rows(min_row=2, values_only=True)]
    assert [(r[0], r[1]) for r in platforms] == [
        (p["platform"], p["reports_total"]) for p in expected["by_platform"]
    ]
    categories = [r for r in wb["Categories"].iter_rows(min_row=2, values_only=True)]
    assert [(r[0], r[1], r[2]) for r in categories] == [
        (c["category"], c["reports_total"], c["reports_removed"]) for c in expected["by_category"]
    ]
    # A native chart of reports, removals and mean hours sits on the Monthly sheet.
    import zipfile

    with zipfile.ZipFile(out) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = zf.read(charts[0]).decode()
    assert "<barChart>" in xml and "<lineChart>" in xml
    assert "'Monthly'!B1" in xml and "'Monthly'!C1" in xml and "'Monthly'!E1" in xml


def test_sheets_tables_fonts_and_formats(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "w.xlsx"
    write_workbook(store, sample.params(), out)
    wb = load_workbook(out)
    assert wb.sheetnames == SHEETS
    reports = wb["Reports"]
    assert reports.freeze_panes == "A2"
    table = reports.tables["Reports"]
    assert table.ref == f"A1:U{reports.max_row}"
    assert table.autoFilter is not None
    header = [c.value for c in reports[1]]
    assert header[0] == "Case" and "Reported at (Asia/Yangon)" in header
    assert reports.column_dimensions["B"].width >= 30
    burmese = next(
        row for row in reports.iter_rows(min_row=2) if row[7].value == "မောင်မောင် (yangon)"
    )
    assert burmese[7].font.name == MYANMAR_FONT  # reporter column names a Myanmar font
    assert burmese[1].font.name == MYANMAR_FONT
    hours = next(row for row in reports.iter_rows(min_row=2) if row[16].value is not None)
    assert hours[16].number_format == "#,##0.0"
    assert isinstance(hours[10].value, datetime) and hours[10].number_format == "yyyy-mm-dd hh:mm"
    indicators = wb["Indicators"]
    rate = next(r for r in indicators.iter_rows() if r[2].value == "removal_rate")
    assert rate[1].number_format == "0.0%" and 0 < rate[1].value < 1
    mean = next(r for r in indicators.iter_rows() if r[2].value == "response_hours.mean")
    assert mean[1].number_format == "#,##0.0" and mean[1].value != round(mean[1].value, 1)
    assert indicators["B2"].value == "Test Org"
    duplicates = wb["Duplicates"]
    first = [c.value for c in duplicates[2]]
    assert any(isinstance(v, str) and sample.BURMESE_POST in v for v in first)
    assert duplicates.tables["Duplicates"] is not None
    offenders = [c.value for c in wb["Repeat offenders"][1]]
    assert offenders[-1].startswith("Account status")


def test_text_that_looks_like_a_formula_stays_text(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "w.xlsx"
    write_workbook(store, sample.params(), out)
    reports = load_workbook(out)["Reports"]
    cell = next(row[4] for row in reports.iter_rows(min_row=2) if str(row[4].value).startswith("="))
    assert cell.value == sample.FORMULA_HANDLE
    assert cell.data_type == "s"  # shown as text, never evaluated


def test_period_filter_keeps_only_reports_of_the_period(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    params = sample.params(
        date_from=datetime(2024, 1, 1, tzinfo=sample.YANGON).astimezone(UTC),
        date_to=datetime(2024, 2, 1, tzinfo=sample.YANGON).astimezone(UTC),
    )
    out = tmp_path / "jan.xlsx"
    result = write_workbook(store, params, out)
    rows = sheet_rows(load_workbook(out)["Reports"])
    assert {r["Month"] for r in rows} == {"2024-01"}
    # 2024-01-31T23:00 Yangon is in January there, though 16:30 UTC is too; the
    # Messenger row at 2024-02-01T00:30 Yangon (still January in UTC) is not.
    assert not any(r["Case"] and r["Post link or reference"] == "msg-chain-77" for r in rows)
    assert result.reports == len(rows) == result.indicators.reports_total
    assert_same(recompute(rows, 3), result.indicators.to_json())


def test_progress_reported_and_cancel_leaves_no_file(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int, str]] = []
    out = tmp_path / "w.xlsx"
    write_workbook(store, sample.params(), out, progress=lambda *a: seen.append(a))
    assert seen and seen[-1][0] == seen[-1][1] > 0
    out.unlink()
    with pytest.raises(Cancelled):
        write_workbook(store, sample.params(), out, cancelled=lambda: True)
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".w.xlsx*")) == []


def test_existing_file_is_untouched_by_a_cancelled_export(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "w.xlsx"
    out.write_bytes(b"the previous workbook")
    with pytest.raises(Cancelled):
        write_workbook(store, sample.params(), out, cancelled=lambda: True)
    assert out.read_bytes() == b"the previous workbook"


def test_no_reports_gives_a_readable_workbook(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "empty.xlsx"
    result = write_workbook(store, sample.params(), out)
    assert result.reports == 0
    wb = load_workbook(out)
    assert wb["Reports"]["A2"].value == "No reports in this period."
    assert _indicator_cells(out)["reports_total"] == 0


def test_bad_target_is_a_clear_error(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadInputError, match="does not exist"):
        write_workbook(store, sample.params(), tmp_path / "no" / "w.xlsx")
    with pytest.raises(BadInputError, match=r"\.xlsx"):
        write_workbook(store, sample.params(), tmp_path / "w.csv")


def test_redacted_workbook_keeps_counts_but_not_names(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.xlsx"
    params = sample.params()
    result = write_workbook(
        store, params, out, redaction=Redaction(frozenset({"reporter", "author"}))
    )
    rows = sheet_rows(load_workbook(out)["Reports"])
    assert_same(recompute(rows, 3), result.indicators.to_json())
    text = "\n".join(str(v) for r in rows for v in r.values())
    assert sample.SECRET_REPORTER.casefold() not in text
    assert sample.SECRET_AUTHOR not in text and "researcher" not in text
    assert "reporter-" in text and "account-" in text
