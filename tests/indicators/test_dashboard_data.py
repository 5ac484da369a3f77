"""The dashboard's chart series and drill-downs, on the hand-worked log."""

from __future__ import annotations

from pathlib import Path

from desktop_app.importers.spreadsheet import import_file
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.indicators.dashboard import (
    Drilldown,
    dashboard_data,
    drill_posts,
    drill_report_count,
)
from tests.conftest import write_log
from tests.indicators.test_compute import AS_OF, UTC_ZONE, WORKED


def test_series_and_drilldowns(store, tmp_path: Path) -> None:
    import_file(store, write_log(tmp_path / "w.csv", WORKED), UTC_ZONE)
    params = IndicatorParams(tz=UTC_ZONE, as_of=AS_OF)
    data = dashboard_data(store, params)
    months = {m.month: m for m in data.month_hours}
    assert months["2024-01"].count == 2 and months["2024-01"].median == 35.0
    assert months["2024-01"].p90 == 10 + 0.9 * 50
    assert months["2024-02"].median == 100.0
    # 10 h -> (6, 12]; 60 h -> (48, 72]; 100 h -> (96, 168]
    assert data.histogram == [0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0]
    assert data.outcomes_by_platform == {
        "facebook": {"removed": 1, "account_banned": 1, "no_violation": 1, "pending": 1},
        "tiktok": {"pending": 1},
    }
    assert data.indicators.reports_total == 5
    # The reports behind a figure are exactly what the figure counts.
    for figure in (
        "reports_over_sla",
        "reports_over_sla_pending",
        "reports_removed",
        "pending.total",
        "reports_actioned",
    ):
        key = figure.split(".")
        value = data.indicators.to_json()[key[0]]
        expected = value[key[1]] if len(key) == 2 else value
        assert drill_report_count(store, params, Drilldown(figure)) == expected, figure
    assert drill_report_count(store, params, Drilldown("month", "2024-01")) == 3
    assert drill_report_count(store, params, Drilldown("hours_bin", "5")) == 1
    assert drill_report_count(store, params, Drilldown("pending_bucket", "gt_30d")) == 1
    assert len(drill_posts(store, params, Drilldown("platform", "tiktok"))) == 1


def test_a_decision_in_exactly_the_sla_sits_left_of_the_sla_line(store, tmp_path: Path) -> None:
    """48.0 h is within a 48 h SLA, so its bar is 36–48 h (bins are (low, high])."""
    from desktop_app.indicators.dashboard import HOUR_EDGES, hours_bin

    rows = [
        {
            "post_url": "https://facebook.com/p/48",
            "platform": "facebook",
            "reported_at": "2024-01-01T00:00",
            "final_response_at": "2024-01-03T00:00",
            "final_outcome": "removed",
        },
        {
            "post_url": "https://facebook.com/p/0",
            "platform": "facebook",
            "reported_at": "2024-01-01T00:00",
            "final_response_at": "2024-01-01T00:00",
            "final_outcome": "removed",
        },
    ]
    import_file(store, write_log(tmp_path / "sla.csv", rows), UTC_ZONE)
    params = IndicatorParams(tz=UTC_ZONE, as_of=AS_OF)
    data = dashboard_data(store, params)
    within = HOUR_EDGES.index(36)
    assert hours_bin(48.0) == within and hours_bin(48.01) == within + 1 and hours_bin(0) == 0
    assert data.histogram[within] == 1 and data.histogram[0] == 1
    assert data.indicators.reports_over_sla == 0
    # The drill-down behind each bar counts what the bar shows.
    for index, count in enumerate(data.histogram):
        assert drill_report_count(store, params, Drilldown("hours_bin", str(index))) == count


def test_histogram_counted_by_bisection_equals_one_bin_per_value() -> None:
    import random

    from desktop_app.indicators.dashboard import HOUR_EDGES, histogram_counts, hours_bin

    rng = random.Random(15)
    edges = [float(e) for e in HOUR_EDGES]
    for _ in range(200):
        values = [
            rng.choice([*edges, -1.0, 1e6, 48.000001])
            if rng.random() < 0.4
            else rng.uniform(-5, 900)
            for _ in range(rng.randint(0, 200))
        ]
        expected = [0] * len(HOUR_EDGES)
        for hours in values:
            expected[hours_bin(hours)] += 1
        assert histogram_counts(values) == expected


def test_month_figures_are_hours_stats_own() -> None:
    """The chart's per-month median and 90th percentile are exactly hours_stats's."""
    import random

    from desktop_app.indicators.compute import hours_stats
    from desktop_app.indicators.dashboard import MonthHours, month_hours

    rng = random.Random(15)
    for size in (0, 1, 2, 3, 10, 101, 1000):
        hours = [rng.randrange(0, 10**9) / 3_600_000_000 for _ in range(size)]
        stats = hours_stats(hours)
        assert month_hours("2024-01", list(hours)) == MonthHours(
            "2024-01", stats.count, stats.median, stats.p90
        )
