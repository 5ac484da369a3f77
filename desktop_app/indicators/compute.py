"""The indicators of INDICATORS.md, computed in SQL over the encrypted store.

One entry point, ``compute_indicators``, returns a typed ``Indicators`` result; the
CLI prints it as JSON, and the window and the exports show the same object, so
every face of Caselog gives the same number for the same filters.

Counting and grouping happen in SQLite. Only what SQL cannot do simply (the
median and 90th percentile, and month boundaries in an IANA zone) is done here.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from itertools import repeat
from operator import truediv
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import sqlcipher3

from desktop_app.core.definitions import GroupingCell
from desktop_app.core.enums import ACTIONED_OUTCOMES, FINAL_OUTCOMES, Outcome
from desktop_app.core.micros import MICROS_PER_HOUR, from_micros, to_micros
from desktop_app.core.params import IndicatorParams as IndicatorParams  # re-exported
from desktop_app.core.timeutil import iso, month_starts, now_utc
from desktop_app.store.selection import UNCATEGORISED as UNCATEGORISED  # re-exported
from desktop_app.store.selection import Selection

# Neither SQLAlchemy nor SQLModel on this path: ``caselog-cli stats`` and the dashboard
# read through the store's DB-API connection (``Store.raw()``), issue 15.
if TYPE_CHECKING:
    from sqlalchemy import Connection

    from desktop_app.store.engine import Store


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
        if self.params.case_refs:
            out["cases"] = list(self.params.case_refs)
        out.update(data)
        return out


def hours_stats(hours: list[float]) -> HoursStats:
    """count, mean, median, p90 (linear, as Excel PERCENTILE.INC) and max."""
    return sorted_hours_stats(sorted(hours))


def sorted_hours_stats(values: list[float]) -> HoursStats:
    """:func:`hours_stats` of a list already in ascending order (not copied again)."""
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


# The WHERE clause selecting R lives in store.selection (no store -> indicators cycle).


# Outcome codes folded into each report's grouping key (core.definitions.GroupingCell).
_OUTCOME_CODES = ["", *(o.value for o in sorted(FINAL_OUTCOMES))]
_MAX_CODED_VALUES = 64
_REMOVED = Outcome.REMOVED.value
_ACTIONED = frozenset(o.value for o in ACTIONED_OUTCOMES)

# R, selected once per computation into an in-memory temporary table (the store
# keeps temp_store = MEMORY, so none of it reaches the disk), in one pass over the
# covering indexes ix_report_indicator and ix_post_indicator: a fresh process
# decrypts every page it reads, and those two hold a fifth of the bytes of the
# report and post tables. Without INDEXED BY, SQLite walks ix_report_reported_at for
# the (always present) range of valid times and reads every report and post row.
# ``cell`` folds platform, category, month, outcome, pending-age bucket and
# over-SLA into one integer (core.definitions.GroupingCell, which also holds the
# over-SLA and bucket definitions): SQLite then groups integers, not text, and
# every later statement takes what it needs out of ``cell`` by arithmetic.
_SELECT_R = """
CREATE TEMP TABLE indicator_r AS
SELECT r.post_id AS post_id,
  nullif(r.reporter_key, '') AS reporter,
  p.author_id AS author_id,
  r.first_response_at - r.reported_at AS first_micros,
  r.final_response_at - r.reported_at AS final_micros,
  {cell} AS cell
FROM report r {report_index} JOIN post p {post_index} ON p.id = r.post_id
WHERE {where}
"""
# The indexes the statements above and in _Codes are written for: used by name when
# the store has them (INDEXED BY fails on a store without them).
_INDEXES = {
    "ix_report_indicator": "report",
    "ix_post_indicator": "post",
    "ix_post_platform": "post",
    "ix_post_category": "post",
    "ix_post_content_key": "post",
}
_TEMP_TABLES = ("indicator_r", "indicator_codes")


def _query(conn: Any, sql: str, args: dict[str, Any] | None = None) -> list[Any]:
    """Run on the DB-API connection: plain tuples, no per-row Python objects."""
    return conn.execute(sql, args or {}).fetchall()  # type: ignore[no-any-return]


def compute_indicators(store: Store, params: IndicatorParams) -> Indicators:
    """All indicators of INDICATORS.md over the reports in the period."""
    return compute_raw(store.raw(), params)


@dataclass
class ChartSeries:
    """Per-report detail the dashboard charts need, gathered during the same pass."""

    month_hours: dict[str, list[float]] = field(default_factory=dict)  # each ascending
    final_hours: list[float] = field(default_factory=list)  # ascending
    outcomes_by_platform: dict[str, dict[str, int]] = field(default_factory=dict)


def compute_on(
    connection: Connection | sqlcipher3.Connection,
    params: IndicatorParams,
    *,
    series: ChartSeries | None = None,
) -> Indicators:
    """The indicators on an open connection (the caller's transaction, if any):
    a SQLAlchemy connection or the store's DB-API one.

    With ``series``, also fills the chart series from the same selected reports.
    """
    if isinstance(connection, sqlcipher3.Connection):
        return compute_raw(connection, params, series=series)
    conn = connection.connection.driver_connection
    assert conn is not None
    return _compute_cleanly(conn, params, series)


def compute_raw(
    conn: sqlcipher3.Connection, params: IndicatorParams, *, series: ChartSeries | None = None
) -> Indicators:
    """The indicators on the store's DB-API connection (``Store.raw()``).

    Outside a transaction, every statement reads one snapshot of the store (an
    import committing meanwhile cannot land between two of them), and the
    connection is left outside a transaction again.
    """
    if conn.in_transaction:
        return _compute_cleanly(conn, params, series)
    conn.execute("BEGIN")
    try:
        return _compute_cleanly(conn, params, series)
    finally:
        conn.commit()  # only temporary tables were written


def _compute_cleanly(conn: Any, params: IndicatorParams, series: ChartSeries | None) -> Indicators:
    for table in _TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    try:
        return _compute(conn, params, series)
    finally:
        for table in _TEMP_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


class _Codes:
    """Small-integer codes for platforms, categories and months (store-wide lists)."""

    def __init__(self, conn: Any, params: IndicatorParams, flt: Selection) -> None:
        self.args = dict(flt.args)
        names = ", ".join(f"'{name}'" for name in _INDEXES)
        self.indexes = {
            name
            for name, table in _query(
                conn, f"SELECT name, tbl_name FROM sqlite_master WHERE name IN ({names})"
            )
            if _INDEXES.get(name) == table
        }
        self.platforms = [row[0] for row in _query(conn, self._distinct("platform"))]
        self.categories = sorted(
            {row[0] or UNCATEGORISED for row in _query(conn, self._distinct("category"))}
        )
        # Each end through ix_report_reported_at, stopping at the first live report.
        first, last = _query(
            conn,
            f"SELECT (SELECT min(reported_at) FROM report r WHERE {flt.dates}), "
            f"(SELECT max(reported_at) FROM report r WHERE {flt.dates})",
            flt.args,
        )[0]
        self.empty = first is None
        starts = (
            [] if self.empty else month_starts(from_micros(first), from_micros(last), params.tz)
        )
        self.months = [start.astimezone(params.tz).strftime("%Y-%m") for start in starts[:-1]]
        self.month_sql = (
            _month_case([to_micros(start) for start in starts], 0, len(self.months))
            if self.months
            else "0"
        )
        self.lookup_tables = False
        if max(len(self.platforms), len(self.categories)) > _MAX_CODED_VALUES:
            # Many free-text values: a lookup table beats a long CASE.
            self.lookup_tables = True
            conn.execute(
                "CREATE TEMP TABLE indicator_codes (kind TEXT, value TEXT, code INTEGER, "
                "PRIMARY KEY (kind, value))"
            )
            conn.executemany(
                "INSERT INTO indicator_codes VALUES (?, ?, ?)",
                [("p", v, i) for i, v in enumerate(self.platforms)]
                + [("c", v, i) for i, v in enumerate(self.categories)],
            )
            self.platform_sql = (
                "(SELECT code FROM indicator_codes WHERE kind = 'p' AND value = p.platform)"
            )
            self.category_sql = (
                "(SELECT code FROM indicator_codes WHERE kind = 'c' AND value = "
                f"(CASE WHEN p.category = '' THEN '{UNCATEGORISED}' ELSE p.category END))"
            )
        else:
            self.platform_sql = self._case("p.platform", self.platforms, "pc")
            self.category_sql = self._case(
                f"(CASE WHEN p.category = '' THEN '{UNCATEGORISED}' ELSE p.category END)",
                self.categories,
                "cc",
            )
        self.outcome_sql = self._case("r.final_outcome", _OUTCOME_CODES[1:], "oc", offset=1)
        self.cell = GroupingCell(
            categories=len(self.categories), months=len(self.months), outcomes=len(_OUTCOME_CODES)
        )

    def _distinct(self, column: str) -> str:
        """The distinct values of post.``column``, ascending: through its index one
        seek per value (a handful) instead of a walk of every entry."""
        if f"ix_post_{column}" not in self.indexes:
            return f"SELECT DISTINCT {column} FROM post ORDER BY {column}"
        return (
            f"WITH RECURSIVE v(x) AS (SELECT min({column}) FROM post UNION ALL "
            f"SELECT (SELECT min({column}) FROM post WHERE {column} > v.x) FROM v "
            "WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL"
        )

    def indexed_by(self, name: str) -> str:
        return f"INDEXED BY {name}" if name in self.indexes else ""

    def _case(self, column: str, values: list[str], prefix: str, offset: int = 0) -> str:
        if not values:
            return "0"
        branches = []
        for index, value in enumerate(values):
            self.args[f"{prefix}{index}"] = value
            branches.append(f"WHEN :{prefix}{index} THEN {index + offset}")
        return f"CASE {column} {' '.join(branches)} ELSE 0 END"

    def decoder(self) -> Callable[[int], tuple[str, str, str, str, int, bool]]:
        """:meth:`decode` without a CellCodes per cell (thousands of cells per run)."""
        categories, months, outcomes = self.cell.radices()
        buckets = self.cell.BUCKETS
        platforms, category_names, month_names = self.platforms, self.categories, self.months

        def decode(cell: int) -> tuple[str, str, str, str, int, bool]:
            cell, over = divmod(cell, 2)
            cell, bucket = divmod(cell, buckets)
            cell, outcome = divmod(cell, outcomes)
            cell, month = divmod(cell, months)
            platform, category = divmod(cell, categories)
            return (
                platforms[platform],
                category_names[category],
                month_names[month],
                _OUTCOME_CODES[outcome],
                bucket,
                bool(over),
            )

        return decode

    def decode(self, cell: int) -> tuple[str, str, str, str, int, bool]:
        """platform, category, month, outcome ('' if none), pending bucket (0 = none), over SLA."""
        codes = self.cell.decode(cell)
        return (
            self.platforms[codes.platform],
            self.categories[codes.category],
            self.months[codes.month],
            _OUTCOME_CODES[codes.outcome],
            codes.bucket,
            codes.over_sla,
        )


@dataclass
class _Tally:
    """Counts that add up across groups (a month, a platform, a category, or all)."""

    reports: int = 0
    removed: int = 0
    actioned: int = 0
    with_first: int = 0
    with_final: int = 0
    final_micros: float = 0.0
    over_responded: int = 0
    over_pending: int = 0
    pending: list[int] = field(default_factory=lambda: [0] * 5)

    @property
    def over_sla(self) -> int:
        return self.over_responded + self.over_pending

    @property
    def mean_hours(self) -> float | None:
        return self.final_micros / self.with_final / MICROS_PER_HOUR if self.with_final else None

    def add(
        self,
        count: int,
        with_first: int,
        final_micros: float,
        outcome: str,
        bucket: int,
        over: bool,
    ) -> None:
        self.reports += count
        self.with_first += with_first
        if outcome:
            self.with_final += count
            self.final_micros += final_micros
            if outcome == _REMOVED:
                self.removed += count
            if outcome in _ACTIONED:
                self.actioned += count
            if over:
                self.over_responded += count
        else:
            self.pending[bucket - 1] += count
            self.over_pending += count if over else 0


def _compute(conn: Any, params: IndicatorParams, series: ChartSeries | None) -> Indicators:
    flt = Selection(params)
    codes = _Codes(conn, params, flt)
    conn.execute(
        _SELECT_R.format(
            where=flt.where,
            report_index=codes.indexed_by("ix_report_indicator"),
            # A list of cases is found faster through post(case_ref), SQLite's own choice.
            post_index="" if params.case_refs else codes.indexed_by("ix_post_indicator"),
            cell=codes.cell.sql(
                platform=codes.platform_sql,
                category=codes.category_sql,
                month=codes.month_sql.replace("reported_at", "r.reported_at"),
                outcome=codes.outcome_sql,
            ),
        ),
        codes.args,
    )

    # The cells' Python (tallies, the hours parsed and sorted) runs on a thread of its
    # own while SQLite answers the statements below, which release the interpreter
    # lock: on two cores the one hides behind the other (issue 15). Nothing on that
    # thread touches the connection, and every figure is the same either way.
    cells = _query(
        conn,
        "SELECT cell, count(*), count(first_micros), total(final_micros), "
        "group_concat(first_micros), group_concat(final_micros) "
        "FROM indicator_r GROUP BY cell",
    )
    reading = _Background(_read_cells, cells, codes.decoder(), series)

    # Per author (NULL: the posts of unknown authors): distinct posts, whether a report
    # of R ended in a suspension or a ban, whether the account is flagged as fake.
    # Every post has one author, so the posts add up to the posts of R.
    outcome = codes.cell.outcome_sql("cell")
    suspended = _OUTCOME_CODES.index(Outcome.ACCOUNT_SUSPENDED.value)
    banned = _OUTCOME_CODES.index(Outcome.ACCOUNT_BANNED.value)
    (
        posts_total,
        offending_accounts,
        accounts_suspended,
        accounts_banned,
        fake_flagged,
        fake_actioned,
        repeat_total,
        repeat_not_banned,
    ) = _query(
        conn,
        f"""
        SELECT coalesce(sum(posts), 0), count(author_id),
          coalesce(sum(known AND suspended), 0), coalesce(sum(known AND banned), 0),
          coalesce(sum(fake), 0), coalesce(sum(fake AND (suspended OR banned)), 0),
          coalesce(sum(known AND posts >= :threshold), 0),
          coalesce(sum(known AND posts >= :threshold AND NOT banned), 0)
        FROM (
          SELECT author_id, author_id IS NOT NULL AS known,
            count(DISTINCT post_id) AS posts,
            max({outcome} = {suspended}) AS suspended, max({outcome} = {banned}) AS banned,
            author_id IN (SELECT id FROM author_account WHERE suspected_fake) AS fake
          FROM indicator_r GROUP BY author_id)
        """,
        flt.args,
    )[0]
    # Groups of two or more posts of R with the same text: one walk of the content
    # index, in its order (``+id`` keeps SQLite from fetching posts by id instead).
    clusters, duplicate_posts = _query(
        conn,
        f"""
        SELECT count(*), coalesce(sum(n), 0) FROM (
          SELECT count(*) AS n FROM post {codes.indexed_by("ix_post_content_key")}
          WHERE content_key != '' AND +id IN (SELECT post_id FROM indicator_r)
          GROUP BY content_key HAVING n >= 2)
        """,
    )[0]

    (reporter_accounts,) = _query(conn, "SELECT count(DISTINCT reporter) FROM indicator_r")[0]

    cf = reading.result()
    whole = cf.whole
    by_platform_tally, by_category_tally = cf.by_platform, cf.by_category
    by_month_tally, platform_hours = cf.by_month, cf.platform_hours

    by_platform = []
    for platform, tally in sorted(by_platform_tally.items()):
        stats = sorted_hours_stats(platform_hours.get(platform, []))
        by_platform.append(
            PlatformRow(
                platform=platform,
                reports_total=tally.reports,
                reports_removed=tally.removed,
                response_hours_mean=stats.mean,
                response_hours_median=stats.median,
                reports_over_sla=tally.over_sla,
            )
        )
    by_category = [
        CategoryRow(category=name, reports_total=tally.reports, reports_removed=tally.removed)
        for name, tally in sorted(by_category_tally.items())
    ]
    by_month = [
        MonthRow(
            month=month,
            reports_total=tally.reports,
            reports_removed=tally.removed,
            reports_actioned=tally.actioned,
            response_hours_mean=tally.mean_hours,
            reports_over_sla=tally.over_sla,
        )
        for month, tally in sorted(by_month_tally.items())
    ]

    return Indicators(
        params=params,
        reports_total=whole.reports,
        posts_total=posts_total,
        reporter_accounts=reporter_accounts,
        offending_accounts=offending_accounts,
        reports_with_response=whole.with_first,
        reports_with_final_response=whole.with_final,
        reports_removed=whole.removed,
        reports_actioned=whole.actioned,
        removal_rate=(whole.removed / whole.reports) if whole.reports else None,
        response_hours=sorted_hours_stats(cf.final_hours),
        first_response_hours=sorted_hours_stats(cf.first_hours),
        reports_over_sla_responded=whole.over_responded,
        reports_over_sla_pending=whole.over_pending,
        reports_over_sla=whole.over_sla,
        pending=PendingAges(sum(whole.pending), *whole.pending),
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


class _Background:
    """``function(*args)`` on a thread of its own; :meth:`result` waits for it and
    returns its value (or raises what it raised). Not ``concurrent.futures``: its
    ``_base`` imports ``logging``, 11 ms of every ``stats`` (issue 15)."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self._value: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(function, args), name="indicators", daemon=True
        )
        self._thread.start()

    def _run(self, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        try:
            self._value = function(*args)
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


class _CellFigures:
    """What :func:`_read_cells` makes of the cells: tallies and sorted hours."""

    __slots__ = (
        "by_category",
        "by_month",
        "by_platform",
        "final_hours",
        "first_hours",
        "platform_hours",
        "whole",
    )

    def __init__(self) -> None:
        self.whole = _Tally()
        self.by_platform: dict[str, _Tally] = {}
        self.by_category: dict[str, _Tally] = {}
        self.by_month: dict[str, _Tally] = {}
        self.first_hours: list[float] = []  # ascending
        self.platform_hours: dict[str, list[float]] = {}  # each ascending
        self.final_hours: list[float] = []  # ascending


def _read_cells(
    cells: list[tuple[int, int, int, float, str | None, str | None]],
    decode: Callable[[int], tuple[str, str, str, str, int, bool]],
    series: ChartSeries | None,
) -> _CellFigures:
    """The tallies of each platform, category and month, and the hours to the first
    and final responses, sorted, from the rows of the cell query (with ``series``,
    the charts' series too).

    Each cell's hours come with it as a string of integers (group_concat) rather
    than a row per report: the same numbers in a fraction of the time. The cells
    come in cell order, platform the most significant digit, so each platform's
    cells are consecutive: its hours are parsed once, and the charts' months are
    slices of them by each cell's count of values.
    """
    out = _CellFigures()
    whole, by_platform, by_category, by_month = (
        out.whole,
        out.by_platform,
        out.by_category,
        out.by_month,
    )
    first_texts: list[str] = []
    final_texts: dict[str, list[str]] = {}  # by platform
    month_counts: dict[str, list[tuple[str, int]]] = {}  # by platform: the charts' only
    for cell, count, with_first, final_micros, first_text, final_text in cells:
        platform, category, month, outcome, bucket, over = decode(cell)
        if first_text is not None:
            first_texts.append(first_text)
        if final_text is not None:
            final_texts.setdefault(platform, []).append(final_text)
            if series is not None:
                month_counts.setdefault(platform, []).append((month, final_text.count(",") + 1))
        if series is not None:
            by_outcome = series.outcomes_by_platform.setdefault(platform, {})
            by_outcome[outcome or "pending"] = by_outcome.get(outcome or "pending", 0) + count
        for tallies, key in (
            (by_platform, platform),
            (by_category, category),
            (by_month, month),
        ):
            tally = tallies.get(key)
            if tally is None:  # not setdefault: that makes a _Tally for every cell
                tally = tallies[key] = _Tally()
            tally.add(count, with_first, final_micros, outcome, bucket, over)
        whole.add(count, with_first, final_micros, outcome, bucket, over)

    out.first_hours = _hours(",".join(first_texts))
    out.first_hours.sort()
    month_hours: dict[str, list[float]] = {}  # for the charts only
    for name, texts in final_texts.items():
        hours = _hours(",".join(texts))
        start = 0
        for month, count in month_counts.get(name, ()):
            month_hours.setdefault(month, []).extend(hours[start : start + count])
            start += count
        hours.sort()  # so that sorting all of them below merges sorted runs
        out.platform_hours[name] = hours
    for name in sorted(out.platform_hours):
        out.final_hours += out.platform_hours[name]
    out.final_hours.sort()
    if series is not None:
        for hours in month_hours.values():
            hours.sort()  # here, on this thread, rather than by the chart after it
        series.final_hours = out.final_hours
        series.month_hours = month_hours
    return out


def _hours(text: str | None) -> list[float]:
    """Hours from a ``group_concat`` of integer microseconds (None: no rows): each
    ``micros / MICROS_PER_HOUR``, the integers read by the JSON parser and divided
    by ``map`` (both in C; a comprehension over ``int()`` took twice as long)."""
    if not text:
        return []
    return list(map(truediv, json.loads("[" + text + "]"), repeat(MICROS_PER_HOUR)))


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
    case_refs: tuple[str, ...] = (),
) -> IndicatorParams:
    """Parameters with the store's settings filling whatever the caller left out."""
    from desktop_app.core.timeutil import zone
    from desktop_app.store.settings import indicator_settings

    org = indicator_settings(store.raw())
    return IndicatorParams(
        tz=tz or zone(org.timezone),
        as_of=as_of or now_utc(),
        date_from=date_from,
        date_to=date_to,
        sla_hours=org.sla_hours if sla_hours is None else sla_hours,
        repeat_threshold=org.repeat_threshold if repeat_threshold is None else repeat_threshold,
        platform=platform,
        category=category,
        case_refs=case_refs,
    )
