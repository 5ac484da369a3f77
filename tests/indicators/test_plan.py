"""How the indicators read the store (issue 15): one pass over R through the
covering indexes, one snapshot, nothing left behind.

A fresh ``caselog-cli stats`` decrypts every page it reads. Left to itself SQLite
walks ix_report_reported_at for the range of valid times and then reads every report
and post row (five times the bytes); these tests fail if the statements stop naming
the covering indexes, and if a list of cases loses its own, faster, plan.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.indicators.compute import IndicatorParams, compute_indicators
from desktop_app.indicators.dashboard import dashboard_data
from tests.conftest import write_log
from tests.indicators.test_compute import WORKED

AS_OF = datetime(2024, 3, 10, tzinfo=UTC)


def _plan_of_selection(store, params: IndicatorParams) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    conn = store.raw()
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        result = compute_indicators(store, params)
    finally:
        conn.set_trace_callback(None)
    assert result.reports_total > 0
    (create,) = [s for s in statements if "CREATE TEMP TABLE indicator_r" in s]
    select = re.split(r"\bAS\s+SELECT\b", create, maxsplit=1)[1]
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN SELECT " + select)]
    return plan, statements


def test_r_is_read_through_the_covering_indexes(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_file(store, write_log(tmp_path / "w.csv", WORKED), zone("UTC"))
    for params in (
        IndicatorParams(tz=zone("UTC"), as_of=AS_OF),
        IndicatorParams(
            tz=zone("Asia/Yangon"),
            as_of=AS_OF,
            date_from=datetime(2024, 1, 1, tzinfo=UTC),
            date_to=datetime(2024, 2, 15, tzinfo=UTC),
            platform="facebook",
        ),
    ):
        plan, statements = _plan_of_selection(store, params)
        assert any("COVERING INDEX ix_report_indicator" in step for step in plan), plan
        assert any("COVERING INDEX ix_post_indicator" in step for step in plan), plan
        assert not any("ix_report_reported_at" in step for step in plan), plan
        # One snapshot for every statement, and the connection left outside it.
        assert statements[0] == "BEGIN" and statements[-1] == "COMMIT"
    conn = store.raw()
    assert not conn.in_transaction
    assert conn.execute("SELECT name FROM temp.sqlite_master").fetchall() == []


def test_a_list_of_cases_is_found_through_its_case_refs(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_file(store, write_log(tmp_path / "w.csv", WORKED), zone("UTC"))
    params = IndicatorParams(tz=zone("UTC"), as_of=AS_OF, case_refs=("C-000001", "C-000004"))
    plan, _ = _plan_of_selection(store, params)
    assert any("ix_report_indicator" in step for step in plan), plan
    assert not any("ix_post_indicator" in step for step in plan), plan


def test_inside_a_callers_transaction_nothing_is_committed(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The dashboard and exports may compute inside an open transaction: the
    indicators then neither begin nor end one."""
    import_file(store, write_log(tmp_path / "w.csv", WORKED), zone("UTC"))
    conn = store.raw()
    conn.execute("BEGIN")
    conn.execute("UPDATE organisation SET name = 'pending change'")
    data = dashboard_data(store, IndicatorParams(tz=zone("UTC"), as_of=AS_OF))
    assert data.indicators.reports_total == 5
    assert conn.in_transaction
    conn.rollback()
    assert conn.execute("SELECT name FROM organisation").fetchone()[0] != "pending change"
