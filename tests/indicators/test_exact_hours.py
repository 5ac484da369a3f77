"""Every figure made of hours is exactly (==, not close) what one plain reading of the
reports of R gives: each report's hours ``micros / MICROS_PER_HOUR``, sorted, the mean
by ``math.fsum``, median and p90 by ``percentile`` (INDICATORS.md). The indicators read
the same numbers through ``group_concat`` per cell, parsed per platform, sorted in
runs and merged, on a thread of their own; this test holds them to the plain
reading on a generated log with retractions, ties and out-of-range times, for
several parameter sets, with and without the dashboard's series."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from desktop_app.core.micros import MICROS_PER_HOUR, from_micros
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.indicators.compute import (
    ChartSeries,
    HoursStats,
    IndicatorParams,
    compute_raw,
    percentile,
)
from desktop_app.indicators.dashboard import dashboard_data, hours_bin
from desktop_app.store.corrections import retract
from desktop_app.store.engine import Store, open_store
from desktop_app.store.selection import Selection
from desktop_app.store.uids import from_db
from tests.conftest import PASSPHRASE
from tests.perf.generate import generate

AS_OF = datetime(2024, 7, 1, tzinfo=UTC)


def plain_stats(micros: list[int]) -> HoursStats:
    """INDICATORS.md's statistics, the plainest way."""
    hours = sorted(m / MICROS_PER_HOUR for m in micros)
    if not hours:
        return HoursStats(0, None, None, None, None)
    return HoursStats(
        len(hours),
        math.fsum(hours) / len(hours),
        percentile(hours, 0.5),
        percentile(hours, 0.9),
        hours[-1],
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("exact")
    from desktop_app.store.engine import create_store

    with create_store(folder / "s.db", PASSPHRASE, organisation="Org", timezone="UTC") as made:
        import_file(made, generate(folder / "log.csv", 2_500, seed=11), zone("UTC"))
        conn = made.raw()
        reports = [from_db(r[0]) for r in conn.execute("SELECT uid FROM report WHERE id % 41 = 0")]
        cases = [row[0] for row in conn.execute("SELECT case_ref FROM post WHERE id % 97 = 0")]
    with open_store(folder / "s.db", PASSPHRASE) as store:
        for uid in reports:
            retract(store, "report", uid, "test: a report made in error")
        for ref in cases:
            retract(store, "post", ref, "test: a case made in error")
        conn = store.raw()
        # Times outside the range Caselog accepts (another tool's), and ties: many
        # reports answered in exactly 48 h, first answered in exactly 1 h.
        conn.execute("UPDATE report SET reported_at = -99999999999999999 WHERE id % 97 = 1")
        conn.execute("UPDATE report SET reported_at = 9000000000000000000 WHERE id % 89 = 2")
        conn.execute(
            "UPDATE report SET final_response_at = reported_at + 48 * 3600000000 "
            "WHERE id % 7 = 3 AND final_response_at IS NOT NULL"
        )
        conn.execute(
            "UPDATE report SET first_response_at = reported_at + 3600000000 "
            "WHERE id % 5 = 4 AND first_response_at IS NOT NULL"
        )
        conn.commit()
        yield store


def _params(name: str, store: Store) -> IndicatorParams:
    utc = zone("UTC")
    refs = tuple(
        row[0]
        for row in store.raw().execute("SELECT case_ref FROM post WHERE id % 13 = 0 LIMIT 120")
    )
    return {
        "default": IndicatorParams(tz=utc, as_of=AS_OF),
        "yangon": IndicatorParams(tz=zone("Asia/Yangon"), as_of=AS_OF),
        "period": IndicatorParams(
            tz=zone("America/New_York"),
            as_of=AS_OF,
            date_from=datetime(2023, 3, 15, tzinfo=UTC),
            date_to=datetime(2023, 11, 2, 13, tzinfo=UTC),
            sla_hours=24.0,
            repeat_threshold=1,
        ),
        "platform": IndicatorParams(tz=utc, as_of=AS_OF, platform="tiktok", sla_hours=100.5),
        "uncategorised": IndicatorParams(tz=utc, as_of=AS_OF, category="uncategorised"),
        "cases": IndicatorParams(tz=utc, as_of=AS_OF, case_refs=refs),
        "empty": IndicatorParams(
            tz=utc,
            as_of=AS_OF,
            date_from=datetime(2030, 1, 1, tzinfo=UTC),
            date_to=datetime(2030, 2, 1, tzinfo=UTC),
        ),
    }[name]


@pytest.mark.parametrize(
    "name", ["default", "yangon", "period", "platform", "uncategorised", "cases", "empty"]
)
def test_hours_figures_are_exactly_the_plain_reading(generated: Store, name: str) -> None:
    params = _params(name, generated)
    flt = Selection(params)
    rows = (
        generated.raw()
        .execute(
            "SELECT p.platform, r.reported_at, r.first_response_at - r.reported_at, "
            "r.final_response_at - r.reported_at FROM report r JOIN post p ON p.id = r.post_id "
            f"WHERE {flt.where}",
            flt.args,
        )
        .fetchall()
    )
    if name != "empty":
        assert len(rows) > 50
    finals = [final for _, _, _, final in rows if final is not None]
    got = compute_raw(generated.raw(), params)
    assert got.reports_total == len(rows)
    assert got.response_hours == plain_stats(finals)
    assert got.first_response_hours == plain_stats([f for _, _, f, _ in rows if f is not None])
    for row in got.by_platform:
        mine = [f for platform, _, _, f in rows if platform == row.platform and f is not None]
        stats = plain_stats(mine)
        assert (row.response_hours_mean, row.response_hours_median) == (stats.mean, stats.median)
    months: dict[str, list[int]] = {}
    for _, reported, _, final in rows:
        month = from_micros(reported).astimezone(params.tz).strftime("%Y-%m")
        months.setdefault(month, [])
        if final is not None:
            months[month].append(final)
    assert [m.month for m in got.by_month] == sorted(months)
    for month_row in got.by_month:
        values = months[month_row.month]
        mean = sum(values) / len(values) / MICROS_PER_HOUR if values else None
        assert month_row.response_hours_mean == mean

    # The dashboard: the same figures, and its series from the same reading.
    series = ChartSeries()
    assert compute_raw(generated.raw(), params, series=series) == got
    data = dashboard_data(generated, params)
    assert data.indicators == got
    charted = {m.month: m for m in data.month_hours}
    assert sorted(charted) == sorted(month for month, values in months.items() if values)
    for month, values in months.items():
        if values:
            stats = plain_stats(values)
            assert (charted[month].count, charted[month].median, charted[month].p90) == (
                stats.count,
                stats.median,
                stats.p90,
            )
    bins = [0] * len(data.histogram)
    for final in finals:
        bins[hours_bin(final / MICROS_PER_HOUR)] += 1
    assert data.histogram == bins


def test_an_error_on_the_cells_thread_reaches_the_caller() -> None:
    from desktop_app.indicators.compute import _Background

    def fails() -> None:
        raise ValueError("bad cell")

    with pytest.raises(ValueError, match="bad cell"):
        _Background(fails).result()
    assert _Background(lambda a, b: a + b, 2, 3).result() == 5


def test_out_of_range_and_retracted_reports_stay_out(generated: Store) -> None:
    """The generated store's oddities are there, and R leaves them out."""
    conn = generated.raw()
    (odd,) = conn.execute(
        "SELECT count(*) FROM report WHERE reported_at < 0 OR reported_at > 8e18"
    ).fetchone()
    (retracted,) = conn.execute(
        "SELECT count(*) FROM report WHERE retracted_at IS NOT NULL"
    ).fetchone()
    assert odd > 10 and retracted > 50
    (total,) = conn.execute("SELECT count(*) FROM report").fetchone()
    got = compute_raw(conn, _params("default", generated))
    assert got.reports_total < total - odd
