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


# R, selected once per computation into in-memory temporary tables (the store keeps
# temp_store = MEMORY, so none of it reaches the disk). The scan follows the
# covering index ix_report_indicator, so the join to posts runs in post order.
_SELECT_R = """
CREATE TEMP TABLE indicator_r AS
SELECT r.post_id AS post_id,
  nullif(r.reporter_key, '') AS reporter,
  p.author_id AS author_id,
  p.platform AS platform,
  CASE WHEN p.category = '' THEN 'uncategorised' ELSE p.category END AS category,
  r.reported_at AS reported_at,
  r.first_response_at - r.reported_at AS first_micros,
  r.final_response_at - r.reported_at AS final_micros,
  r.final_outcome AS outcome,
  CASE WHEN r.final_response_at IS NULL THEN :as_of - r.reported_at END AS pending_age,
  CASE WHEN r.final_response_at IS NULL THEN :as_of - r.reported_at > :sla
       ELSE r.final_response_at - r.reported_at > :sla END AS over_sla
FROM report r JOIN post p ON p.id = r.post_id
WHERE {where}
"""
_SELECT_POSTS = """
CREATE TEMP TABLE indicator_posts (post_id INTEGER PRIMARY KEY);
INSERT INTO indicator_posts SELECT DISTINCT post_id FROM indicator_r;
"""
_TEMP_TABLES = ("indicator_r", "indicator_posts")


def _query(conn: Any, sql: str, args: dict[str, Any] | None = None) -> list[Any]:
    """Run on the DB-API connection: plain tuples, no per-row Python objects."""
    return conn.execute(sql, args or {}).fetchall()  # type: ignore[no-any-return]


def compute_indicators(store: Store, params: IndicatorParams) -> Indicators:
    """All indicators of INDICATORS.md over the reports in the period."""
    with store.engine.connect() as conn:
        return compute_on(conn, params)


def compute_on(connection: Connection, params: IndicatorParams) -> Indicators:
    """The indicators on an open connection (the caller's transaction, if any)."""
    flt = _Filter(params)
    conn = connection.connection.driver_connection
    assert conn is not None
    for table in _TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    try:
        conn.execute(_SELECT_R.format(where=flt.where), flt.args)
        for statement in _SELECT_POSTS.strip().split(";")[:-1]:
            conn.execute(statement)
        return _aggregate(conn, params, flt.args)
    finally:
        for table in _TEMP_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


@dataclass
class _Cell:
    """Sums over one (platform, category, month) cell; rolled up in Python."""

    reports: int = 0
    removed: int = 0
    actioned: int = 0
    with_final: int = 0
    final_micros: float = 0.0
    over_sla: int = 0

    def add(self, other: _Cell) -> None:
        self.reports += other.reports
        self.removed += other.removed
        self.actioned += other.actioned
        self.with_final += other.with_final
        self.final_micros += other.final_micros
        self.over_sla += other.over_sla

    @property
    def mean_hours(self) -> float | None:
        return self.final_micros / self.with_final / MICROS_PER_HOUR if self.with_final else None


_MAX_CODED_VALUES = 64


def _code_case(column: str, values: list[str], prefix: str, args: dict[str, Any]) -> str:
    """``CASE column WHEN :v0 THEN 0 ...``: small integers sort far faster than text."""
    branches = []
    for index, value in enumerate(values):
        args[f"{prefix}{index}"] = value
        branches.append(f"WHEN :{prefix}{index} THEN {index}")
    return f"CASE {column} {' '.join(branches)} END"


def _cube(
    conn: Any, params: IndicatorParams, args: dict[str, Any]
) -> dict[tuple[str, str, str], _Cell]:
    """One GROUP BY over R by platform, category and month: every count that is a sum.

    The three keys are folded into one integer so SQLite sorts integers, not text
    (over 100,000 reports that is the difference between ~20 ms and ~100 ms).
    """
    first, last = _query(conn, "SELECT min(reported_at), max(reported_at) FROM indicator_r")[0]
    if first is None:
        return {}
    starts = month_starts(from_micros(first), from_micros(last), params.tz)
    bounds = [to_micros(start) for start in starts]
    months = [start.astimezone(params.tz).strftime("%Y-%m") for start in starts[:-1]]
    platforms = [row[0] for row in _query(conn, "SELECT DISTINCT platform FROM indicator_r")]
    categories = [row[0] for row in _query(conn, "SELECT DISTINCT category FROM indicator_r")]
    cube_args = dict(args)
    if len(platforms) <= _MAX_CODED_VALUES and len(categories) <= _MAX_CODED_VALUES:
        platform_code = _code_case("platform", platforms, "p", cube_args)
        category_code = _code_case("category", categories, "c", cube_args)
        key = (
            f"(({platform_code}) * {len(categories)} + ({category_code})) * {len(months)}"
            f" + ({_month_case(bounds, 0, len(months))})"
        )
        keys = ["key"]
    else:  # many free-text categories: group on the text itself
        key = f"platform, category, {_month_case(bounds, 0, len(months))}"
        keys = ["platform", "category", "month"]
    cube: dict[tuple[str, str, str], _Cell] = {}
    for row in _query(
        conn,
        f"""
        SELECT {key},
          count(*), coalesce(sum(outcome = 'removed'), 0),
          coalesce(sum(outcome IN ({_ACTIONED_SQL})), 0),
          count(final_micros), total(final_micros), coalesce(sum(over_sla), 0)
        FROM indicator_r GROUP BY {", ".join(str(i + 1) for i in range(len(keys)))}
        """,
        cube_args,
    ):
        if len(keys) == 1:
            code, *sums = row
            rest, month_index = divmod(code, len(months))
            platform_index, category_index = divmod(rest, len(categories))
            cell_key = (platforms[platform_index], categories[category_index], months[month_index])
        else:
            platform, category, month_index, *sums = row
            cell_key = (platform, category, months[month_index])
        cube[cell_key] = _Cell(*sums)
    return cube


def _roll_up(cube: dict[tuple[str, str, str], _Cell], axis: int) -> dict[str, _Cell]:
    out: dict[str, _Cell] = {}
    for key, cell in cube.items():
        out.setdefault(key[axis], _Cell()).add(cell)
    return dict(sorted(out.items()))


def _aggregate(conn: Any, params: IndicatorParams, args: dict[str, Any]) -> Indicators:
    cube = _cube(conn, params, args)
    (
        reports_total,
        removed,
        actioned,
        with_first,
        with_final,
        over_responded,
        over_pending,
        *pending,
    ) = _query(
        conn,
        f"""
        SELECT count(*), coalesce(sum(outcome = 'removed'), 0),
          coalesce(sum(outcome IN ({_ACTIONED_SQL})), 0),
          count(first_micros), count(final_micros),
          coalesce(sum(final_micros > :sla), 0), coalesce(sum(pending_age > :sla), 0),
          count(pending_age),
          coalesce(sum(pending_age < :h24), 0),
          coalesce(sum(pending_age >= :h24 AND pending_age < :h48), 0),
          coalesce(sum(pending_age >= :h48 AND pending_age < :h168), 0),
          coalesce(sum(pending_age >= :h168 AND pending_age < :h720), 0),
          coalesce(sum(pending_age >= :h720), 0)
        FROM indicator_r
        """,
        args,
    )[0]
    posts_total, reporter_accounts, offending_accounts = _query(
        conn,
        """
        SELECT (SELECT count(*) FROM indicator_posts),
          count(DISTINCT reporter), count(DISTINCT author_id)
        FROM indicator_r
        """,
    )[0]
    accounts_by_outcome = dict(
        _query(
            conn,
            f"""
            SELECT outcome, count(DISTINCT author_id) FROM indicator_r
            WHERE outcome IN ({_ACCOUNT_ACTION_SQL}) GROUP BY outcome
            """,
        )
    )

    fake_flagged, fake_actioned = _query(
        conn,
        f"""
        SELECT count(DISTINCT author_id),
          count(DISTINCT CASE WHEN outcome IN ({_ACCOUNT_ACTION_SQL}) THEN author_id END)
        FROM indicator_r
        WHERE author_id IN (SELECT id FROM author_account WHERE suspected_fake)
        """,
    )[0]

    # Authors' distinct posts among R: the post index on author_id gives the order.
    repeat_total, repeat_not_banned = _query(
        conn,
        """
        SELECT count(*), coalesce(sum(author_id NOT IN (
            SELECT author_id FROM indicator_r
            WHERE outcome = 'account_banned' AND author_id IS NOT NULL)), 0)
        FROM (
          SELECT p.author_id AS author_id, count(*) AS posts
          FROM post p JOIN indicator_posts s ON s.post_id = p.id
          WHERE p.author_id IS NOT NULL
          GROUP BY p.author_id HAVING posts >= :threshold)
        """,
        args,
    )[0]

    # Only texts that repeat anywhere in the store can repeat within R.
    clusters, duplicate_posts = _query(
        conn,
        """
        SELECT count(*), coalesce(sum(n), 0) FROM (
          SELECT count(*) AS n FROM post p JOIN indicator_posts s ON s.post_id = p.id
          WHERE p.content_key IN (
            SELECT content_key FROM post WHERE content_key != ''
            GROUP BY content_key HAVING count(*) >= 2)
          GROUP BY p.content_key HAVING n >= 2)
        """,
    )[0]

    # Hours to the final response, with the platform for its median.
    final_hours: list[float] = []
    platform_hours: dict[str, list[float]] = {}
    for platform, micros in _query(
        conn, "SELECT platform, final_micros FROM indicator_r WHERE final_micros IS NOT NULL"
    ):
        hours = micros / MICROS_PER_HOUR
        final_hours.append(hours)
        platform_hours.setdefault(platform, []).append(hours)
    first_hours = [
        micros / MICROS_PER_HOUR
        for (micros,) in _query(
            conn, "SELECT first_micros FROM indicator_r WHERE first_micros IS NOT NULL"
        )
    ]

    by_platform = []
    for platform, cell in _roll_up(cube, 0).items():
        stats = hours_stats(platform_hours.get(platform, []))
        by_platform.append(
            PlatformRow(
                platform=platform,
                reports_total=cell.reports,
                reports_removed=cell.removed,
                response_hours_mean=stats.mean,
                response_hours_median=stats.median,
                reports_over_sla=cell.over_sla,
            )
        )
    by_category = [
        CategoryRow(category=name, reports_total=cell.reports, reports_removed=cell.removed)
        for name, cell in _roll_up(cube, 1).items()
    ]
    by_month = [
        MonthRow(
            month=month,
            reports_total=cell.reports,
            reports_removed=cell.removed,
            reports_actioned=cell.actioned,
            response_hours_mean=cell.mean_hours,
            reports_over_sla=cell.over_sla,
        )
        for month, cell in _roll_up(cube, 2).items()
    ]

    return Indicators(
        params=params,
        reports_total=reports_total,
        posts_total=posts_total,
        reporter_accounts=reporter_accounts,
        offending_accounts=offending_accounts,
        reports_with_response=with_first,
        reports_with_final_response=with_final,
        reports_removed=removed,
        reports_actioned=actioned,
        removal_rate=(removed / reports_total) if reports_total else None,
        response_hours=hours_stats(final_hours),
        first_response_hours=hours_stats(first_hours),
        reports_over_sla_responded=over_responded,
        reports_over_sla_pending=over_pending,
        reports_over_sla=over_responded + over_pending,
        pending=PendingAges(*pending),
        accounts_suspended=accounts_by_outcome.get(Outcome.ACCOUNT_SUSPENDED.value, 0),
        accounts_banned=accounts_by_outcome.get(Outcome.ACCOUNT_BANNED.value, 0),
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


def _month_case(bounds: list[int], low: int, high: int) -> str:
    """A balanced CASE mapping reported_at to its month index in O(log months) steps.

    ``bounds[i]`` is the start of month ``i`` (UTC micros); month ``i`` ends at
    ``bounds[i + 1]``. Every reported_at of R lies in [bounds[0], bounds[-1]).
    """
    if high - low == 1:
        return str(low)
    middle = (low + high) // 2
    return (
        f"CASE WHEN reported_at < {bounds[middle]} THEN {_month_case(bounds, low, middle)}"
        f" ELSE {_month_case(bounds, middle, high)} END"
    )


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
