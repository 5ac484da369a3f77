"""What the exports read from the store: one row per report, repeat offenders and
duplicate clusters, each chosen exactly as the indicators choose R.

Queries run on the raw DB-API connection and stream rows, so a workbook of 100,000
reports never holds them all in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from desktop_app.core.definitions import is_over_sla
from desktop_app.core.enums import ACTIONED_OUTCOMES
from desktop_app.export.redact import Redaction
from desktop_app.indicators import offenders
from desktop_app.indicators.compute import UNCATEGORISED, IndicatorParams
from desktop_app.store.engine import Store
from desktop_app.store.selection import Selection
from desktop_app.store.types import MICROS_PER_HOUR, from_micros

# Cells hold at most this many characters in Excel; longer lists are cut with a note.
MAX_LIST_ITEMS = 200


@contextmanager
def snapshot(store: Store) -> Iterator[Connection]:
    """One read transaction: the indicators and the rows come from the same state."""
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("BEGIN")
        try:
            yield conn
        finally:
            if raw.in_transaction:
                raw.execute("ROLLBACK")


def _raw(conn: Connection) -> Any:
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw


def local_time(micros: int | None, tz: ZoneInfo) -> datetime | None:
    """UTC micros -> aware time in ``tz`` (None stays None)."""
    return None if micros is None else from_micros(micros).astimezone(tz)


@dataclass(frozen=True)
class ReportRow:
    """One report of R with everything needed to recompute the indicators by hand."""

    case_ref: str
    post_link: str  # URL, else the post reference
    platform: str
    category: str
    author: str  # handle (or pseudonym); empty = unknown
    author_fake: bool
    duplicate_group: str  # "D0001"... when the post's text repeats among R
    reporter: str  # compared form (trimmed, casefolded) or pseudonym; empty = unknown
    channel: str
    platform_ref: str
    reported_at: datetime  # aware, in the period's zone
    first_response_at: datetime | None
    final_response_at: datetime | None
    final_outcome: str  # "" while pending
    hours_to_first: float | None
    hours_to_final: float | None
    pending_hours: float | None  # age at as_of when no final response
    over_sla: bool
    month: str

    @property
    def actioned(self) -> bool:
        return self.final_outcome in ACTIONED_OUTCOMES


_REPORT_ROWS = """
SELECT p.case_ref, p.url, p.post_ref, p.platform, p.category, a.handle, a.suspected_fake,
  a.id, p.content_key, r.reporter_key, r.channel, r.platform_ref, r.reported_at,
  r.first_response_at, r.final_response_at, r.final_outcome
FROM report r JOIN post p ON p.id = r.post_id
LEFT JOIN author_account a ON a.id = p.author_id
WHERE {where}
ORDER BY r.reported_at, r.id
"""


def count_reports(conn: Connection, params: IndicatorParams) -> int:
    flt = Selection(params)
    sql = f"SELECT count(*) FROM report r JOIN post p ON p.id = r.post_id WHERE {flt.where}"
    return int(_raw(conn).execute(sql, flt.args).fetchone()[0])


def iter_report_rows(
    conn: Connection,
    params: IndicatorParams,
    redaction: Redaction,
    groups: dict[str, str],
) -> Iterator[ReportRow]:
    """The reports of R, oldest first, streamed from SQL.

    ``groups`` maps a normalised text to its duplicate group id (``duplicate_clusters``).
    """
    flt = Selection(params)
    tz = params.tz
    as_of = flt.args["as_of"]
    sla = flt.args["sla"]
    cursor = _raw(conn).execute(_REPORT_ROWS.format(where=flt.where), flt.args)
    for (
        case_ref,
        url,
        post_ref,
        platform,
        category,
        handle,
        fake,
        account_id,
        content_key,
        reporter_key,
        channel,
        platform_ref,
        reported,
        first,
        final,
        outcome,
    ) in cursor:
        reported_local = local_time(reported, tz)
        assert reported_local is not None
        pending = None if final is not None else (as_of - reported) / MICROS_PER_HOUR
        yield ReportRow(
            case_ref=case_ref,
            post_link=url or post_ref,
            platform=platform,
            category=category or UNCATEGORISED,
            author=redaction.author(handle or "", account_id),
            author_fake=bool(fake),
            duplicate_group=groups.get(content_key, "") if content_key else "",
            reporter=redaction.reporter(reporter_key, reporter_key),
            channel=channel,
            platform_ref=platform_ref,
            reported_at=reported_local,
            first_response_at=local_time(first, tz),
            final_response_at=local_time(final, tz),
            final_outcome=outcome or "",
            hours_to_first=None if first is None else (first - reported) / MICROS_PER_HOUR,
            hours_to_final=None if final is None else (final - reported) / MICROS_PER_HOUR,
            pending_hours=pending,
            over_sla=is_over_sla(reported, final, as_of, sla),
            month=reported_local.strftime("%Y-%m"),
        )


@dataclass(frozen=True)
class RepeatOffender:
    """An author account with at least ``repeat_threshold`` distinct posts among R."""

    platform: str
    account: str
    display_name: str
    suspected_fake: bool
    posts: int
    reports: int
    outcomes: dict[str, int]  # final outcome (or "pending") -> reports
    banned: bool
    suspended: bool

    @property
    def status(self) -> str:
        if self.banned:
            return "banned (permanently)"
        if self.suspended:
            return "suspended (temporarily), not banned"
        return "not banned"


def repeat_offenders(
    conn: Connection, params: IndicatorParams, redaction: Redaction
) -> list[RepeatOffender]:
    """Repeat offenders, most reported posts first (indicators.offenders), redacted."""
    return [
        RepeatOffender(
            platform=row.platform,
            account=redaction.author(row.handle, row.account_id),
            display_name=redaction.author_name(row.display_name),
            suspected_fake=row.suspected_fake,
            posts=row.posts,
            reports=row.reports,
            outcomes=row.outcomes,
            banned=row.banned > 0,
            suspended=row.suspended > 0,
        )
        for row in offenders.repeat_offenders(conn, params)
    ]


@dataclass
class DuplicateCluster:
    """Two or more distinct posts of R with the same normalised text."""

    group: str
    content_key: str
    posts: int
    first_reported: datetime
    last_reported: datetime
    sample: str = ""
    case_refs: list[str] | None = None
    accounts: list[str] | None = None
    accounts_total: int = 0


def duplicate_clusters(
    conn: Connection, params: IndicatorParams, redaction: Redaction
) -> list[DuplicateCluster]:
    """Duplicate clusters (indicators.offenders), numbered D0001... in order of their
    first report, with their cases and (redacted) accounts."""
    out = []
    for number, cluster in enumerate(offenders.duplicate_clusters(conn, params), 1):
        first = min(post.first_reported for post in cluster.posts)
        last = max(post.last_reported for post in cluster.posts)
        accounts: list[str] = []
        seen: set[int] = set()
        for post in sorted(cluster.posts, key=lambda p: p.post_id):
            if post.author_id is not None and post.author_id not in seen:
                seen.add(post.author_id)
                accounts.append(redaction.author(post.author, post.author_id))
        out.append(
            DuplicateCluster(
                group=f"D{number:04d}",
                content_key=cluster.content_key,
                posts=len(cluster.posts),
                first_reported=first.astimezone(params.tz),
                last_reported=last.astimezone(params.tz),
                sample=min(cluster.posts, key=lambda p: p.post_id).content,
                case_refs=[p.case_ref for p in sorted(cluster.posts, key=lambda p: p.post_id)],
                accounts=accounts,
                accounts_total=len(seen),
            )
        )
    return out
