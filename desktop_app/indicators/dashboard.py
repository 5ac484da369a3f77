"""What the dashboard draws, and which cases stand behind each figure and bar.

The figures themselves are ``compute_indicators`` (the same object the CLI prints);
this module adds the chart series and the drill-down from a figure to its posts.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop_app.core import definitions
from desktop_app.core.enums import ACTIONED_OUTCOMES
from desktop_app.core.micros import MICROS_PER_HOUR, to_micros
from desktop_app.indicators.compute import (
    ChartSeries,
    IndicatorParams,
    Indicators,
    compute_raw,
    percentile,
)
from desktop_app.store.selection import Selection

if TYPE_CHECKING:
    from desktop_app.store.engine import Store

# Histogram edges for hours to a final response (the last bin is open-ended).
HOUR_EDGES = (0, 6, 12, 24, 36, 48, 72, 96, 168, 336, 720)


def hours_bin(hours: float) -> int:
    """The histogram bin of ``hours`` to a final decision: bins are (low, high], so a
    decision in exactly 48.0 h falls in 36–48 h, left of a 48 h SLA line, as it is
    within the SLA (INDICATORS.md: over SLA means more than sla_hours)."""
    return max(bisect.bisect_left(HOUR_EDGES, hours) - 1, 0)


# (key, label, low hours, high hours) of core.definitions.PENDING_BUCKETS, for the window.
PENDING_BUCKETS = tuple((b.key, b.label, b.low, b.high) for b in definitions.PENDING_BUCKETS)


@dataclass(frozen=True)
class MonthHours:
    month: str
    count: int
    median: float | None
    p90: float | None


@dataclass
class DashboardData:
    indicators: Indicators
    month_hours: list[MonthHours] = field(default_factory=list)
    histogram: list[int] = field(default_factory=list)  # counts per HOUR_EDGES bin
    outcomes_by_platform: dict[str, dict[str, int]] = field(default_factory=dict)


def dashboard_data(store: Store, params: IndicatorParams) -> DashboardData:
    """Indicators plus chart series, from one pass (run it off the window's thread)."""
    series = ChartSeries()
    result = compute_raw(store.raw(), params, series=series)
    data = DashboardData(indicators=result, outcomes_by_platform=series.outcomes_by_platform)
    for month in sorted(series.month_hours):
        data.month_hours.append(month_hours(month, series.month_hours[month]))
    data.histogram = histogram_counts(series.final_hours)
    return data


def month_hours(month: str, hours: list[float]) -> MonthHours:
    """A month's count, median and 90th percentile: hours_stats's own figures, from
    the list sorted in place (it is this computation's own), without the mean and
    maximum the chart does not draw."""
    if not hours:
        return MonthHours(month, 0, None, None)
    hours.sort()
    return MonthHours(month, len(hours), percentile(hours, 0.5), percentile(hours, 0.9))


def histogram_counts(hours: list[float]) -> list[int]:
    """How many of ``hours`` fall in each :func:`hours_bin`, counted on the sorted
    values by bisection (one search per edge, not one call per report)."""
    ordered = sorted(hours)  # the platforms' sorted runs: a merge
    # At or below each edge (hours_bin's bins are (low, high]).
    upto = [bisect.bisect_right(ordered, edge) for edge in HOUR_EDGES[1:]]
    counts = [upto[0]]  # bin 0 also holds anything at or below 0 h
    counts += [high - low for low, high in zip(upto, upto[1:], strict=False)]
    counts.append(len(ordered) - upto[-1])
    return counts


@dataclass(frozen=True)
class Drilldown:
    """A figure or bar the user clicked: which reports it counts."""

    figure: str  # an indicator key, "month", "platform", "pending_bucket", "hours_bin"
    value: str = ""  # the month, platform, bucket key or bin index


def _drill_clause(drill: Drilldown, params: IndicatorParams, args: dict[str, Any]) -> str:
    sla = definitions.over_sla_responded_sql("r")
    pending_over = definitions.over_sla_pending_sql("r")
    actioned = ", ".join(f"'{o.value}'" for o in ACTIONED_OUTCOMES)
    simple = {
        "reports_total": "1",
        "posts_total": "1",
        "reports_with_response": "r.first_response_at IS NOT NULL",
        "reports_with_final_response": "r.final_response_at IS NOT NULL",
        "reports_removed": "r.final_outcome = 'removed'",
        "reports_actioned": f"r.final_outcome IN ({actioned})",
        "reports_over_sla_responded": sla,
        "reports_over_sla_pending": pending_over,
        "reports_over_sla": definitions.over_sla_sql("r"),
        "pending.total": "r.final_response_at IS NULL",
        "accounts_suspended": "r.final_outcome = 'account_suspended'",
        "accounts_banned": "r.final_outcome = 'account_banned'",
    }
    if drill.figure in simple:
        return simple[drill.figure]
    if drill.figure == "pending_bucket":
        for bucket in definitions.PENDING_BUCKETS:
            if bucket.key == drill.value:
                return definitions.pending_range_sql(bucket, "r")
    if drill.figure in ("month", "month_removed"):
        year, month = (int(x) for x in drill.value.split("-"))
        start = datetime(year, month, 1, tzinfo=params.tz)
        stop = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=params.tz)
        args["drill_start"], args["drill_stop"] = to_micros(start), to_micros(stop)
        clause = "r.reported_at >= :drill_start AND r.reported_at < :drill_stop"
        if drill.figure == "month_removed":
            clause += " AND r.final_outcome = 'removed'"
        return clause
    if drill.figure == "platform":
        args["drill_platform"] = drill.value
        return "p.platform = :drill_platform"
    if drill.figure == "hours_bin":
        # The same bins as hours_bin: (low, high], the first from 0 h inclusive.
        index = int(drill.value)
        clauses = ["r.final_response_at IS NOT NULL"]
        if index > 0:
            args["drill_low"] = HOUR_EDGES[index] * MICROS_PER_HOUR
            clauses.append("r.final_response_at - r.reported_at > :drill_low")
        if index + 1 < len(HOUR_EDGES):
            args["drill_high"] = HOUR_EDGES[index + 1] * MICROS_PER_HOUR
            clauses.append("r.final_response_at - r.reported_at <= :drill_high")
        return " AND ".join(clauses)
    raise ValueError(f"no drill-down for {drill.figure}")


def drill_posts(store: Store, params: IndicatorParams, drill: Drilldown) -> frozenset[int]:
    """The posts whose reports in R make up the clicked figure or bar."""
    flt = Selection(params)
    args = dict(flt.args)
    clause = _drill_clause(drill, params, args)
    rows = (
        store.raw()
        .execute(
            f"SELECT DISTINCT p.id FROM report r JOIN post p ON p.id = r.post_id "
            f"WHERE {flt.where} AND {clause}",
            args,
        )
        .fetchall()
    )
    return frozenset(row[0] for row in rows)


def drill_report_count(store: Store, params: IndicatorParams, drill: Drilldown) -> int:
    """How many reports the clicked figure counts (for tests and the status line)."""
    flt = Selection(params)
    args = dict(flt.args)
    clause = _drill_clause(drill, params, args)
    row = (
        store.raw()
        .execute(
            f"SELECT count(*) FROM report r JOIN post p ON p.id = r.post_id "
            f"WHERE {flt.where} AND {clause}",
            args,
        )
        .fetchone()
    )
    return int(row[0])
