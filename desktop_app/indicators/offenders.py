"""Repeat offenders and duplicate clusters, as lists a person can go through.

They use the same definitions as the ``repeat_offenders`` and ``duplicate_*``
indicators (INDICATORS.md), so the lists' lengths equal those figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlcipher3

from desktop_app.core.enums import Outcome
from desktop_app.core.micros import from_micros
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.store.selection import Selection, report_post_join

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Final outcomes in the order lists show them, then reports still waiting.
OUTCOME_ORDER = (
    Outcome.REMOVED.value,
    Outcome.RESTRICTED.value,
    Outcome.ACCOUNT_SUSPENDED.value,
    Outcome.ACCOUNT_BANNED.value,
    Outcome.NO_VIOLATION.value,
    "pending",
)


@dataclass(frozen=True)
class OffenderRow:
    account_id: int
    platform: str
    handle: str
    display_name: str
    suspected_fake: bool
    posts: int
    reports: int
    outcomes: dict[str, int]  # final outcome (or "pending") -> reports

    @property
    def removed(self) -> int:
        return self.outcomes[Outcome.REMOVED.value]

    @property
    def suspended(self) -> int:
        return self.outcomes[Outcome.ACCOUNT_SUSPENDED.value]

    @property
    def banned(self) -> int:
        return self.outcomes[Outcome.ACCOUNT_BANNED.value]

    @property
    def still_on_platform(self) -> bool:
        """No report of the period ended in a permanent ban."""
        return self.banned == 0


@dataclass(frozen=True)
class ClusterPost:
    post_id: int
    case_ref: str
    platform: str
    author_id: int | None
    author: str
    first_reported: datetime  # its earliest report in the period
    last_reported: datetime  # its latest report in the period
    content: str


@dataclass(frozen=True)
class DuplicateCluster:
    content_key: str
    posts: list[ClusterPost]


def _raw(conn: Connection | sqlcipher3.Connection) -> Any:
    """The DB-API connection: ``conn`` itself, or the one under a SQLAlchemy connection."""
    if isinstance(conn, sqlcipher3.Connection):
        return conn
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw


def repeat_offenders(
    conn: Connection | sqlcipher3.Connection, params: IndicatorParams
) -> list[OffenderRow]:
    """Accounts with at least ``repeat_threshold`` distinct posts among R, most first."""
    flt = Selection(params)
    sums = ", ".join(f"sum(r.final_outcome = '{name}')" for name in OUTCOME_ORDER[:-1])
    raw = _raw(conn)
    rows = raw.execute(
        f"""
        SELECT a.id, a.platform, a.handle, a.display_name, a.suspected_fake,
          count(DISTINCT r.post_id) AS posts, count(*), {sums}, sum(r.final_outcome IS NULL)
        FROM {report_post_join(raw, params)}
        JOIN author_account a ON a.id = p.author_id
        WHERE {flt.where}
        GROUP BY a.id HAVING posts >= :threshold
        ORDER BY posts DESC, a.platform, a.handle_key
        """,
        flt.args,
    ).fetchall()
    return [
        OffenderRow(
            account_id=r[0],
            platform=r[1],
            handle=r[2],
            display_name=r[3],
            suspected_fake=bool(r[4]),
            posts=r[5],
            reports=r[6],
            outcomes=dict(zip(OUTCOME_ORDER, (int(c or 0) for c in r[7:]), strict=True)),
        )
        for r in rows
    ]


def duplicate_clusters(
    conn: Connection | sqlcipher3.Connection, params: IndicatorParams
) -> list[DuplicateCluster]:
    """Groups of two or more posts of R with the same normalised text, in the order of
    their first report; each group's posts in the order they were first reported."""
    flt = Selection(params)
    rows = (
        _raw(conn)
        .execute(
            f"""
        WITH chosen AS (
          SELECT p.id, p.content_key, min(r.reported_at) AS first_reported,
            max(r.reported_at) AS last_reported
          FROM report r JOIN post p ON p.id = r.post_id
          WHERE {flt.where} AND p.content_key != ''
          GROUP BY p.id),
        clusters AS (
          SELECT content_key, min(first_reported) AS cluster_first FROM chosen
          GROUP BY content_key HAVING count(*) >= 2)
        SELECT c.content_key, p.id, p.case_ref, p.platform, p.author_id,
          coalesce(a.handle, ''), c.first_reported, c.last_reported, p.content
        FROM chosen c JOIN clusters k USING (content_key)
        JOIN post p ON p.id = c.id LEFT JOIN author_account a ON a.id = p.author_id
        ORDER BY k.cluster_first, c.content_key, c.first_reported, p.id
        """,
            flt.args,
        )
        .fetchall()
    )
    clusters: dict[str, list[ClusterPost]] = {}
    for key, post_id, ref, platform, author_id, author, first, last, content in rows:
        clusters.setdefault(key, []).append(
            ClusterPost(
                post_id,
                ref,
                platform,
                author_id,
                author,
                from_micros(first),
                from_micros(last),
                content,
            )
        )
    return [DuplicateCluster(key, posts) for key, posts in clusters.items()]
