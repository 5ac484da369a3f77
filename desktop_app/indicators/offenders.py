"""Repeat offenders and duplicate clusters, as lists a person can go through.

They use the same definitions as the ``repeat_offenders`` and ``duplicate_*``
indicators (INDICATORS.md), so the lists' lengths equal those figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop_app.indicators.compute import IndicatorParams, _Filter
from desktop_app.store.engine import Store
from desktop_app.store.types import from_micros


@dataclass(frozen=True)
class OffenderRow:
    account_id: int
    platform: str
    handle: str
    display_name: str
    suspected_fake: bool
    posts: int
    reports: int
    removed: int
    suspended: int
    banned: int

    @property
    def still_on_platform(self) -> bool:
        """No report of the period ended in a permanent ban."""
        return self.banned == 0


@dataclass(frozen=True)
class ClusterPost:
    post_id: int
    case_ref: str
    platform: str
    author: str
    first_reported: datetime
    content: str


@dataclass(frozen=True)
class DuplicateCluster:
    content_key: str
    posts: list[ClusterPost]


def repeat_offenders(store: Store, params: IndicatorParams) -> list[OffenderRow]:
    flt = _Filter(params)
    with store.engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        rows = raw.execute(
            f"""
            SELECT a.id, a.platform, a.handle, a.display_name, a.suspected_fake,
              count(DISTINCT r.post_id) AS posts, count(*),
              coalesce(sum(r.final_outcome = 'removed'), 0),
              coalesce(sum(r.final_outcome = 'account_suspended'), 0),
              coalesce(sum(r.final_outcome = 'account_banned'), 0)
            FROM report r JOIN post p ON p.id = r.post_id
            JOIN author_account a ON a.id = p.author_id
            WHERE {flt.where}
            GROUP BY a.id HAVING posts >= :threshold
            ORDER BY posts DESC, a.handle
            """,
            flt.args,
        ).fetchall()
    return [OffenderRow(r[0], r[1], r[2], r[3], bool(r[4]), *r[5:]) for r in rows]


def duplicate_clusters(store: Store, params: IndicatorParams) -> list[DuplicateCluster]:
    flt = _Filter(params)
    with store.engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        rows = raw.execute(
            f"""
            WITH chosen AS (
              SELECT p.id, p.content_key, min(r.reported_at) AS first_reported
              FROM report r JOIN post p ON p.id = r.post_id
              WHERE {flt.where} AND p.content_key != ''
              GROUP BY p.id),
            clusters AS (
              SELECT content_key FROM chosen GROUP BY content_key HAVING count(*) >= 2)
            SELECT c.content_key, p.id, p.case_ref, p.platform, coalesce(a.handle, ''),
              c.first_reported, p.content
            FROM chosen c JOIN clusters USING (content_key)
            JOIN post p ON p.id = c.id LEFT JOIN author_account a ON a.id = p.author_id
            ORDER BY c.content_key, c.first_reported
            """,
            flt.args,
        ).fetchall()
    clusters: dict[str, list[ClusterPost]] = {}
    for key, post_id, ref, platform, author, first, content in rows:
        clusters.setdefault(key, []).append(
            ClusterPost(post_id, ref, platform, author, from_micros(first), content)
        )
    return sorted(
        (DuplicateCluster(key, posts) for key, posts in clusters.items()),
        key=lambda c: (-len(c.posts), c.posts[0].first_reported),
    )
