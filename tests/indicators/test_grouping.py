"""The figures that R's grouping gives (per cell, per author, per post), held to a
plain reading of the reports of R in SQL and Python (INDICATORS.md), on the
generated store of test_exact_hours (retractions, ties, out-of-range times).

The indicators read R as strings of integers, pass by pass over ranges of post
ids, and group them in Python on a thread of their own (issue 15); these tests
fail if a count, an author figure or a month's total comes out otherwise than the
plain reading, if selecting R in many passes changes a figure, or if a duration
that is not an integer is summed otherwise than by SQLite's own total().
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

import desktop_app.indicators.compute as compute
from desktop_app.core.micros import MICROS_PER_HOUR
from desktop_app.indicators.compute import ChartSeries, IndicatorParams, compute_raw
from desktop_app.store.engine import Store, open_store
from desktop_app.store.selection import Selection
from tests.conftest import PASSPHRASE
from tests.indicators.test_exact_hours import _params, generated  # noqa: F401

NAMES = ["default", "yangon", "period", "platform", "uncategorised", "cases", "empty"]


def _reading(store: Store, params: IndicatorParams) -> list[tuple]:  # type: ignore[type-arg]
    flt = Selection(params)
    return (
        store.raw()
        .execute(
            "SELECT r.post_id, p.author_id, coalesce(a.suspected_fake, 0), r.final_outcome, "
            "nullif(r.reporter_key, ''), r.first_response_at, r.final_response_at, "
            "r.final_response_at - r.reported_at "
            "FROM report r JOIN post p ON p.id = r.post_id "
            "LEFT JOIN author_account a ON a.id = p.author_id "
            f"WHERE {flt.where}",
            flt.args,
        )
        .fetchall()
    )


def _traced(store: Store, params: IndicatorParams, series: ChartSeries | None = None):  # type: ignore[no-untyped-def]
    conn = store.raw()
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        return compute_raw(conn, params, series=series), statements
    finally:
        conn.set_trace_callback(None)


@pytest.mark.parametrize("name", NAMES)
def test_counts_and_authors_are_the_plain_reading(generated: Store, name: str) -> None:  # noqa: F811
    params = _params(name, generated)
    rows = _reading(generated, params)
    if name != "empty":
        assert len(rows) > 50
    got = compute_raw(generated.raw(), params)

    posts = {post: author for post, author, *_ in rows}
    per_author = Counter(author for author in posts.values() if author is not None)
    fake = {author for _, author, is_fake, *_ in rows if author is not None and is_fake}
    suspended = {r[1] for r in rows if r[1] is not None and r[3] == "account_suspended"}
    banned = {r[1] for r in rows if r[1] is not None and r[3] == "account_banned"}
    repeat = {a for a, n in per_author.items() if n >= params.repeat_threshold}
    assert got.posts_total == len(posts)
    assert got.offending_accounts == len(per_author)
    assert got.accounts_suspended == len(suspended)
    assert got.accounts_banned == len(banned)
    assert got.fake_accounts_flagged == len(fake)
    assert got.fake_accounts_actioned == len(fake & (suspended | banned))
    assert got.repeat_offenders == len(repeat)
    assert got.repeat_offenders_not_banned == len(repeat - banned)
    assert got.reporter_accounts == len({r[4] for r in rows if r[4] is not None})
    assert got.reports_total == len(rows)
    assert got.reports_with_response == sum(1 for r in rows if r[5] is not None)
    assert got.reports_with_final_response == sum(1 for r in rows if r[3] is not None)
    assert got.reports_removed == sum(1 for r in rows if r[3] == "removed")
    # Every month's mean is its integer sum over its count: the cells' totals (each
    # the double of an exact sum) add up exactly at this size, in any order.
    assert sum(m.reports_total for m in got.by_month) == len(rows)
    assert sum(p.reports_total for p in got.by_platform) == len(rows)
    assert sum(c.reports_total for c in got.by_category) == len(rows)
    if rows:
        assert got.reports_with_final_response > 20 and got.accounts_banned > 0


@pytest.mark.parametrize("name", ["default", "yangon", "period", "platform", "empty"])
def test_many_passes_give_the_same_figures(
    generated: Store,  # noqa: F811
    name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    params = _params(name, generated)
    one_series = ChartSeries()
    one, statements = _traced(generated, params, one_series)
    assert sum(s.startswith("INSERT INTO indicator_r") for s in statements) == 0

    monkeypatch.setattr(compute, "_REPORTS_PER_PASS", 60)
    many_series = ChartSeries()
    many, statements = _traced(generated, params, many_series)
    passes = [s for s in statements if s.startswith("INSERT INTO indicator_r")]
    assert len(passes) > 20
    assert many == one
    assert many_series == one_series
    # Each pass seeks its range of post ids: no pass walks every post again.
    conn = generated.raw()
    select = passes[3].split("indicator_r ", 1)[1]
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + select)]
    assert any("ix_post_indicator (id>? AND id<?)" in step for step in plan), plan


@pytest.mark.parametrize("name", ["default", "period", "cases"])
def test_cell_totals_are_sqlite_total(
    generated: Store,  # noqa: F811
    name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python's totals (the double of each cell's integer sum) against SQLite's
    total() per cell, forced by a bound no sum keeps under."""
    params = _params(name, generated)
    series = ChartSeries()
    mine, statements = _traced(generated, params, series)
    assert not any("total(final_micros)" in s for s in statements)
    monkeypatch.setattr(compute, "_I64_MAX", -1)
    sqlite_series = ChartSeries()
    theirs, statements = _traced(generated, params, sqlite_series)
    assert any("total(final_micros) FROM indicator_r GROUP BY cell" in s for s in statements)
    assert mine == theirs and series == sqlite_series


def test_durations_that_are_not_integers_are_summed_by_sqlite(
    generated: Store,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another tool's real-valued response times: the month means are SQLite's
    total() over the count, as before, not a sum of Python's."""
    conn = generated.raw()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    copy = tmp_path / "real.db"
    shutil.copyfile(generated.path, copy)
    with open_store(copy, PASSPHRASE) as store:
        raw = store.raw()
        raw.execute(
            "UPDATE report SET final_response_at = final_response_at + 0.5 "
            "WHERE id % 3 = 0 AND final_response_at IS NOT NULL"
        )
        raw.commit()
        params = _params("default", store)
        got, statements = _traced(store, params)
        assert any("total(final_micros) FROM indicator_r GROUP BY cell" in s for s in statements)
        rows = _reading(store, params)
        assert any(isinstance(r[7], float) for r in rows)
        # The same figures as when SQLite's totals are asked for every cell.
        monkeypatch.setattr(compute, "_I64_MAX", -1)
        assert compute_raw(store.raw(), params) == got
        finals = [r[7] for r in rows if r[7] is not None]
        assert got.response_hours.count == len(finals)
        assert got.response_hours.max == max(finals) / MICROS_PER_HOUR
