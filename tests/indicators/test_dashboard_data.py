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
    # 10 h -> [6, 12); 60 h -> [48, 72); 100 h -> [96, 168)
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
