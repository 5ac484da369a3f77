"""The indicators of INDICATORS.md, computed in SQL over the encrypted store.

One entry point, ``compute_indicators``, returns a typed ``Indicators`` result; the
CLI prints it as JSON, and the window and the exports show the same object, so
every face of Caselog gives the same number for the same filters.

Counting and grouping happen in SQLite. Only what SQL cannot do simply (the
median and 90th percentile, and month boundaries in an IANA zone) is done here.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from desktop_app.core.enums import ACTIONED_OUTCOMES, Outcome
from desktop_app.core.timeutil import iso, month_starts, now_utc
from desktop_app.store.engine import Store
from desktop_app.store.types import MICROS_PER_HOUR, from_micros, to_micros

_ACTIONED_SQL = ", ".join(f"'{o.value}'" for o in sorted(ACTIONED_OUTCOMES))
_ACCOUNT_ACTION_SQL = f"'{Outcome.ACCOUNT_SUSPENDED.value}', '{Outcome.ACCOUNT_BANNED.value}'"
UNCATEGORISED = "uncategorised"


@dataclass(frozen=True)
class IndicatorParams:
    """The parameters of INDICATORS.md. Times are aware UTC; ``to`` is exclusive."""

    tz: ZoneInfo
    as_of: datetime
    date_from: datetime | None = None
    date_to: datetime | None = None
    sla_hours: float = 48.0
    repeat_threshold: int = 3
    platform: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class HoursStats:
    count: int
    mean: float | None
    median: float | None
    p90: float | None
    max: float | None


@dataclass(frozen=True)
class PendingAges:
    total: int
    lt_24h: int
    h24_48: int
    d2_7: int
    d7_30: int
    gt_30d: int


@dataclass(frozen=True)
class MonthRow:
    month: str
    reports_total: int
    reports_removed: int
    reports_actioned: int
    response_hours_mean: float | None
    reports_over_sla: int


@dataclass(frozen=True)
class PlatformRow:
    platform: str
    reports_total: int
    reports_removed: int
    response_hours_mean: float | None
    response_hours_median: float | None
    reports_over_sla: int


@dataclass(frozen=True)
class CategoryRow:
    category: str
    reports_total: int
    reports_removed: int


@dataclass(frozen=True)
class Indicators:
    """Every key of INDICATORS.md, in its order, plus the parameters used."""

    params: IndicatorParams
    reports_total: int
    posts_total: int
    reporter_accounts: int
    offending_accounts: int
    reports_with_response: int
    reports_with_final_response: int
    reports_removed: int
    reports_actioned: int
    removal_rate: float | None
    response_hours: HoursStats
    first_response_hours: HoursStats
    reports_over_sla_responded: int
    reports_over_sla_pending: int
    reports_over_sla: int
    pending: PendingAges
    accounts_suspended: int
    accounts_banned: int
    fake_accounts_flagged: int
    fake_accounts_actioned: int
    repeat_offenders: int
    repeat_offenders_not_banned: int
    duplicate_clusters: int
    duplicate_posts: int
    by_month: list[MonthRow] = field(default_factory=list)
    by_platform: list[PlatformRow] = field(default_factory=list)
    by_category: list[CategoryRow] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The JSON document of ``caselog-cli stats --json``."""
        data = asdict(self)
        params = data.pop("params")
        tz: ZoneInfo = params["tz"]

        def local(value: datetime | None) -> str | None:
            return iso(value.astimezone(tz)) if value is not None else None

        out: dict[str, Any] = {
            "period": {
                "from": local(self.params.date_from),
                "to": local(self.params.date_to),
                "tz": tz.key,
                "as_of": local(self.params.as_of),
            },
            "sla_hours": self.params.sla_hours,
            "repeat_threshold": self.params.repeat_threshold,
        }
        if self.params.platform is not None:
            out["platform"] = self.params.platform
        if self.params.category is not None:
            out["category"] = self.params.category
        out.update(data)
        return out


def hours_stats(hours: list[float]) -> HoursStats:
    """count, mean, median, p90 (linear, as Excel PERCENTILE.INC) and max."""
    values = sorted(hours)
    n = len(values)
    if n == 0:
        return HoursStats(0, None, None, None, None)
    return HoursStats(
        count=n,
        mean=math.fsum(values) / n,
        median=percentile(values, 0.5),
        p90=percentile(values, 0.9),
        max=values[-1],
    )


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Linear interpolation between closest ranks (PERCENTILE.INC, NumPy default)."""
    position = fraction * (len(sorted_values) - 1)
    lower = math.floor(position)
    upper = min(lower + 1, len(sorted_values) - 1)
    weight = position - lower
    return sorted_values[lower] + (sorted_values[upper] - sorted_values[lower]) * weight


class _Filter:
    """The WHERE clause selecting R, with its bound parameters."""

    def __init__(self, params: IndicatorParams) -> None:
        clauses = ["1"]
        self.args: dict[str, Any] = {
            "sla": params.sla_hours * MICROS_PER_HOUR,
            "as_of": to_micros(params.as_of),
            "h24": 24 * MICROS_PER_HOUR,
            "h48": 48 * MICROS_PER_HOUR,
            "h168": 168 * MICROS_PER_HOUR,
            "h720": 720 * MICROS_PER_HOUR,
            "threshold": params.repeat_threshold,
        }
        if params.date_from is not None:
            clauses.append("r.reported_at >= :date_from")
            self.args["date_from"] = to_micros(params.date_from)
        if params.date_to is not None:
            clauses.append("r.reported_at < :date_to")
            self.args["date_to"] = to_micros(params.date_to)
        if params.platform is not None:
            clauses.append("p.platform = :platform")
            self.args["platform"] = params.platform
        if params.category is not None:
            if params.category == UNCATEGORISED:
                clauses.append("p.category IN ('', :category)")
            else:
                clauses.append("p.category = :category")
            self.args["category"] = params.category
        self.where = " AND ".join(clauses)
        # Over SLA: responded late, or still waiting longer than the SLA at as_of.
        self.over_sla = (
            "((r.final_response_at IS NOT NULL AND r.final_response_at - r.reported_at > :sla)"
            " OR (r.final_response_at IS NULL AND :as_of - r.reported_at > :sla))"
        )


_FROM = "FROM report r JOIN post p ON p.id = r.post_id"


def _query(conn: Connection, sql: str, args: dict[str, Any]) -> list[Any]:
    return conn.exec_driver_sql(sql, args).all()


def compute_indicators(store: Store, params: IndicatorParams) -> Indicators:
    """All indicators of INDICATORS.md over the reports in the period."""
    with store.engine.connect() as conn:
        return compute_on(conn, params)


def compute_on(conn: Connection, params: IndicatorParams) -> Indicators:
    flt = _Filter(params)
    args = flt.args
    where = flt.where
    totals = _query(
        conn,
        f"""
        SELECT count(*),
          count(DISTINCT r.post_id),
          count(DISTINCT nullif(r.reporter_key, '')),
          count(DISTINCT p.author_id),
          coalesce(sum(r.first_response_at IS NOT NULL), 0),
          coalesce(sum(r.final_response_at IS NOT NULL), 0),
          coalesce(sum(r.final_outcome = 'removed'), 0),
          coalesce(sum(r.final_outcome IN ({_ACTIONED_SQL})), 0),
          coalesce(sum(r.final_response_at - r.reported_at > :sla), 0),
          coalesce(sum(r.final_response_at IS NULL AND :as_of - r.reported_at > :sla), 0),
          coalesce(sum(r.final_response_at IS NULL), 0),
          coalesce(sum(r.final_response_at IS NULL AND :as_of - r.reported_at < :h24), 0),
          coalesce(sum(r.final_response_at IS NULL AND :as_of - r.reported_at >= :h24
                       AND :as_of - r.reported_at < :h48), 0),
          coalesce(sum(r.final_response_at IS NULL AND :as_of - r.reported_at >= :h48
                       AND :as_of - r.reported_at < :h168), 0),
          coalesce(sum(r.final_response_at IS NULL AND :as_of - r.reported_at >= :h168
                       AND :as_of - r.reported_at < :h720), 0),
          coalesce(sum(r.final_response_at IS NULL AND :as_of - r.reported_at >= :h720), 0),
          count(DISTINCT CASE WHEN r.final_outcome = 'account_suspended' THEN p.author_id END),
          count(DISTINCT CASE WHEN r.final_outcome = 'account_banned' THEN p.author_id END),
          min(r.reported_at), max(r.reported_at)
        {_FROM} WHERE {where}
        """,
        args,
    )[0]
    (
        reports_total,
        posts_total,
        reporter_accounts,
        offending_accounts,
        with_response,
        with_final,
        removed,
        actioned,
        over_sla_responded,
        over_sla_pending,
        pending_total,
        lt_24h,
        h24_48,
        d2_7,
        d7_30,
        gt_30d,
        accounts_suspended,
        accounts_banned,
        first_reported,
        last_reported,
    ) = totals

    fake_flagged, fake_actioned = _query(
        conn,
        f"""
        SELECT count(DISTINCT p.author_id),
          count(DISTINCT CASE WHEN r.final_outcome IN ({_ACCOUNT_ACTION_SQL})
                THEN p.author_id END)
        {_FROM} JOIN author_account a ON a.id = p.author_id
        WHERE {where} AND a.suspected_fake
        """,
        args,
    )[0]

    repeat_total, repeat_not_banned = _query(
        conn,
        f"""
        SELECT count(*), coalesce(sum(NOT banned), 0) FROM (
          SELECT p.author_id, count(DISTINCT r.post_id) AS posts,
                 max(r.final_outcome IS 'account_banned') AS banned
          {_FROM} WHERE {where} AND p.author_id IS NOT NULL
          GROUP BY p.author_id HAVING posts >= :threshold)
        """,
        args,
    )[0]

    clusters, duplicate_posts = _query(
        conn,
        f"""
        SELECT count(*), coalesce(sum(n), 0) FROM (
          SELECT count(DISTINCT p.id) AS n {_FROM}
          WHERE {where} AND p.content_key != ''
          GROUP BY p.content_key HAVING n >= 2)
        """,
        args,
    )[0]

    # Hours to the final response, with the platform for its median.
    final_hours: list[float] = []
    platform_hours: dict[str, list[float]] = {}
    for platform, micros in _query(
        conn,
        f"""
        SELECT p.platform, r.final_response_at - r.reported_at {_FROM}
        WHERE {where} AND r.final_response_at IS NOT NULL
        """,
        args,
    ):
        hours = micros / MICROS_PER_HOUR
        final_hours.append(hours)
        platform_hours.setdefault(platform, []).append(hours)
    first_hours = [
        micros / MICROS_PER_HOUR
        for (micros,) in _query(
            conn,
            f"""
            SELECT r.first_response_at - r.reported_at {_FROM}
            WHERE {where} AND r.first_response_at IS NOT NULL
            """,
            args,
        )
    ]

    by_platform = []
    for platform, total, platform_removed, over in _query(
        conn,
        f"""
        SELECT p.platform, count(*), coalesce(sum(r.final_outcome = 'removed'), 0),
          coalesce(sum({flt.over_sla}), 0)
        {_FROM} WHERE {where} GROUP BY p.platform
        """,
        args,
    ):
        stats = hours_stats(platform_hours.get(platform, []))
        by_platform.append(
            PlatformRow(
                platform=platform,
                reports_total=total,
                reports_removed=platform_removed,
                response_hours_mean=stats.mean,
                response_hours_median=stats.median,
                reports_over_sla=over,
            )
        )
    by_platform.sort(key=lambda row: row.platform)

    by_category = [
        CategoryRow(category=name, reports_total=total, reports_removed=cat_removed)
        for name, total, cat_removed in _query(
            conn,
            f"""
            SELECT CASE WHEN p.category = '' THEN '{UNCATEGORISED}' ELSE p.category END AS name,
              count(*), coalesce(sum(r.final_outcome = 'removed'), 0)
            {_FROM} WHERE {where} GROUP BY name
            """,
            args,
        )
    ]
    by_category.sort(key=lambda row: row.category)

    by_month = (
        _by_month(conn, flt, params.tz, from_micros(first_reported), from_micros(last_reported))
        if reports_total
        else []
    )

    return Indicators(
        params=params,
        reports_total=reports_total,
        posts_total=posts_total,
        reporter_accounts=reporter_accounts,
        offending_accounts=offending_accounts,
        reports_with_response=with_response,
        reports_with_final_response=with_final,
        reports_removed=removed,
        reports_actioned=actioned,
        removal_rate=(removed / reports_total) if reports_total else None,
        response_hours=hours_stats(final_hours),
        first_response_hours=hours_stats(first_hours),
        reports_over_sla_responded=over_sla_responded,
        reports_over_sla_pending=over_sla_pending,
        reports_over_sla=over_sla_responded + over_sla_pending,
        pending=PendingAges(pending_total, lt_24h, h24_48, d2_7, d7_30, gt_30d),
        accounts_suspended=accounts_suspended,
        accounts_banned=accounts_banned,
        fake_accounts_flagged=fake_flagged,
        fake_accounts_actioned=fake_actioned,
        repeat_offenders=repeat_total,
        repeat_offenders_not_banned=repeat_not_banned,
        duplicate_clusters=clusters,
        duplicate_posts=duplicate_posts,
        by_month=by_month,
        by_platform=by_platform,
        by_category=by_category,
    )


def _by_month(
    conn: Connection, flt: _Filter, tz: ZoneInfo, first: datetime, last: datetime
) -> list[MonthRow]:
    """Reports per calendar month in ``tz``: boundaries made here, grouping in SQL."""
    starts = month_starts(first, last, tz)
    values = []
    args = dict(flt.args)
    for index, (start, stop) in enumerate(zip(starts, starts[1:], strict=False)):
        values.append(f"(:m{index}, :s{index}, :e{index})")
        args[f"m{index}"] = start.astimezone(tz).strftime("%Y-%m")
        args[f"s{index}"] = to_micros(start)
        args[f"e{index}"] = to_micros(stop)
    rows = _query(
        conn,
        f"""
        WITH months(label, start, stop) AS (VALUES {", ".join(values)})
        SELECT m.label, count(*), coalesce(sum(r.final_outcome = 'removed'), 0),
          coalesce(sum(r.final_outcome IN ({_ACTIONED_SQL})), 0),
          avg(r.final_response_at - r.reported_at), coalesce(sum({flt.over_sla}), 0)
        FROM months m
        JOIN report r ON r.reported_at >= m.start AND r.reported_at < m.stop
        JOIN post p ON p.id = r.post_id
        WHERE {flt.where}
        GROUP BY m.label ORDER BY m.label
        """,
        args,
    )
    return [
        MonthRow(
            month=label,
            reports_total=total,
            reports_removed=month_removed,
            reports_actioned=month_actioned,
            response_hours_mean=None if mean is None else mean / MICROS_PER_HOUR,
            reports_over_sla=over,
        )
        for label, total, month_removed, month_actioned, mean, over in rows
    ]


def default_params(
    store: Store,
    *,
    tz: ZoneInfo | None = None,
    as_of: datetime | None = None,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    sla_hours: float | None = None,
    repeat_threshold: int | None = None,
    platform: str | None = None,
    category: str | None = None,
) -> IndicatorParams:
    """Parameters with the store's settings filling whatever the caller left out."""
    from desktop_app.core.timeutil import zone
    from desktop_app.store.repository import get_organisation

    with store.session() as session:
        org = get_organisation(session)
    return IndicatorParams(
        tz=tz or zone(org.timezone),
        as_of=as_of or now_utc(),
        date_from=date_from,
        date_to=date_to,
        sla_hours=org.sla_hours if sla_hours is None else sla_hours,
        repeat_threshold=org.repeat_threshold if repeat_threshold is None else repeat_threshold,
        platform=platform,
        category=category,
    )
