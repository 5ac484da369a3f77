"""The row checks' shortcuts decide exactly as the plain checks did (issue 15).

A row's times are compared with the allowed range once per row instead of through
``time_problem`` per cell, and the Zawgyi count passes over ASCII cells in one
flag read: the same rows must be refused with the same messages, and the same
cells counted.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app.core.normalise import is_zawgyi
from desktop_app.core.timeutil import EARLIEST_TIME, FUTURE_SLACK, time_problem, zone
from desktop_app.importers import spreadsheet
from desktop_app.importers.spreadsheet import COLUMNS, _Header, _parse_row, _zawgyi_cells

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
TIME_COLUMNS = ("posted_at", "reported_at", "first_response_at", "final_response_at")
UNICODE = "မြန်မာ နိုင်ငံ"
ZAWGYI = "ျမန္မာ ႏိုင္ငံ"


def _row(**cells: str) -> list[str]:
    base = {"platform": "facebook", "post_url": "https://x.org/1", "reported_at": "2018-01-02"}
    base.update(cells)
    return [base.get(column, "") for column in COLUMNS]


def _problems(values: list[str], tz_name: str = "UTC") -> list[str]:
    header = _Header(list(COLUMNS), "t.csv")
    _parsed, problems = _parse_row(values, header, 2, zone(tz_name), full=True, now=NOW)
    return [str(p) for p in problems]


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="microseconds")


def test_times_at_the_edges_of_the_range_are_judged_as_time_problem_judges_them() -> None:
    latest = NOW + FUTURE_SLACK
    one = timedelta(microseconds=1)
    edges = [
        EARLIEST_TIME - one,
        EARLIEST_TIME,
        EARLIEST_TIME + one,
        latest - one,
        latest,
        latest + one,
        datetime(2018, 1, 2, tzinfo=UTC),
    ]
    for column in TIME_COLUMNS:
        for moment in edges:
            cells = {column: _iso(moment)}
            if column == "final_response_at":
                cells["final_outcome"] = "removed"
            if column in ("first_response_at", "final_response_at"):
                cells["reported_at"] = _iso(EARLIEST_TIME)  # a response is not before it
            expected = time_problem(moment, NOW)
            got = [p for p in _problems(_row(**cells)) if p.startswith(f"row 2, column {column}:")]
            if expected is None:
                assert got == [], (column, moment)
            else:
                assert got == [f"row 2, column {column}: {expected}"], (column, moment)


def test_times_in_a_zone_at_the_edges_and_out_of_datetimes_range() -> None:
    # 2000-01-01 06:29 in Yangon is 1999-12-31 23:59 UTC: refused; 06:30 is the edge.
    assert _problems(_row(reported_at="2000-01-01T06:29"), "Asia/Yangon") == [
        "row 2, column reported_at: 1999-12-31 is before 2000-01-01, the earliest date "
        "Caselog accepts"
    ]
    assert _problems(_row(reported_at="2000-01-01T06:30"), "Asia/Yangon") == []
    assert _problems(_row(reported_at="0001-01-01T00:00"), "Asia/Yangon") == [
        "row 2, column reported_at: '0001-01-01T00:00' is outside the dates Caselog accepts "
        "(2000-01-01 to 24 hours past this computer's clock)"
    ]
    assert _problems(_row(reported_at="2018-02-30")) == [
        "row 2, column reported_at: '2018-02-30' is not a date and time: use ISO 8601 "
        "(2018-03-05T14:30) or DD/MM/YYYY HH:MM"
    ]


def test_zawgyi_count_is_the_plain_count() -> None:
    myanmar = re.compile("[\u1000-\u109f]")
    header = _Header(list(COLUMNS), "t.csv")
    texts = ["", "plain", UNICODE, ZAWGYI, f"mixed {ZAWGYI}", "café", "😡", f"{UNICODE}!"]
    rows = []
    for index in range(len(texts) ** 2):
        first, second = texts[index % len(texts)], texts[index // len(texts)]
        values = _row(
            content=first,
            author_name=second,
            response_text=first,
            notes=second,
            reporter=first + second,
        )
        parsed, problems = _parse_row(values, header, 2, zone("UTC"), now=NOW)
        assert parsed is not None and not problems
        rows.append(parsed)
    for parsed in rows:
        cells = (
            parsed.content,
            parsed.author_name,
            parsed.response_text,
            parsed.notes,
            parsed.reporter,
        )
        plain = sum(1 for text in cells if text and myanmar.search(text) and is_zawgyi(text))
        assert _zawgyi_cells(parsed) == plain
    assert sum(map(_zawgyi_cells, rows)) > 0


def test_a_file_with_edge_times_imports_as_its_rows_say(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Through import_file: the row just inside the range is written, the one just
    outside is refused with time_problem's words."""
    path = tmp_path / "edges.csv"
    path.write_text(
        "platform,post_url,reported_at\n"
        "facebook,https://x.org/1,2000-01-01T00:00:00Z\n"
        "facebook,https://x.org/2,1999-12-31T23:59:59.999999Z\n",
        encoding="utf-8",
    )
    result = spreadsheet.import_file(store, path, zone("UTC"), skip_invalid=True)
    assert result.added == 1
    assert [str(p) for p in result.problems] == [
        "row 3, column reported_at: 1999-12-31 is before 2000-01-01, the earliest date "
        "Caselog accepts"
    ]
