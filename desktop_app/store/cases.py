"""The case list: one row per post, with what a researcher scans for, sortable and
filterable over 100,000 reports without stalling the window.

``CaseList`` summarises every post once into an in-memory temporary table on its
own connection (temp_store = MEMORY: nothing reaches the disk), then serves
counts and pages from it with plain indexed queries. Call ``rebuild`` after the
data change. Full-text search goes through the FTS5 trigram index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop_app.core.timeutil import now_utc
from desktop_app.store.search import search_ids
from desktop_app.store.types import MICROS_PER_HOUR, from_micros, to_micros

if TYPE_CHECKING:
    from sqlalchemy import Connection

PENDING = "pending"


@dataclass(frozen=True)
class CaseFilter:
    """What the list shows. Empty fields do not filter."""

    platform: str | None = None
    category: str | None = None
    outcome: str | None = None  # a final outcome, or "pending"
    status: str | None = None  # "pending" or "decided"
    over_sla: bool = False
    date_from: datetime | None = None  # first reported, UTC, inclusive
    date_to: datetime | None = None  # exclusive
    search: str = ""
    post_ids: frozenset[int] | None = None  # e.g. the reports behind a dashboard bar


@dataclass(frozen=True)
class CaseRow:
    post_id: int
    case_ref: str
    platform: str
    author: str
    category: str
    first_reported: datetime | None  # None: logged but not reported yet
    reports: int
    latest_outcome: str  # final outcome of the latest decision, "pending" or "not_reported"
    hours: float | None  # pending: hours waiting now; decided: hours to the last decision
    over_sla: bool
    content: str
    url: str
    origin: str = ""  # the partner organisation a merged case came from; "" for ours
    interim: str | None = None  # pending: the latest response so far (e.g. acknowledged)


# Sortable columns: key -> SQL expression on the temp table.
SORT_KEYS: dict[str, str] = {
    "case_ref": "post_id",
    "platform": "platform",
    "author": "author",
    "category": "category",
    "first_reported": "first_reported",
    "reports": "reports",
    "latest_outcome": "latest_outcome",
    "hours": "hours",
    "over_sla": "over_sla",
    "origin": "origin",
}

# The summary of every post in two grouped passes (reports, then the responses of
# still-pending reports), no correlated subquery per post. ``last_outcome`` is the
# final outcome of the latest decided report: the greatest "decision time, outcome"
# string (the time zero-padded to 20 digits, so strings sort as the times do).
# ``report`` is read in table order (NOT INDEXED): a scan, then a sort by post, costs
# a third of walking ``ix_report_post_id`` and fetching each row from the table.
_COLUMNS = (
    "post_id INTEGER PRIMARY KEY, case_ref, platform, author, category, first_reported, "
    "reports, latest_outcome, hours, over_sla, content, url, origin, interim"
)
_BUILD = """
INSERT INTO temp.case_list
SELECT p.id, p.case_ref, p.platform,
  coalesce(a.handle, ''), p.category,
  s.first_reported, coalesce(s.reports, 0),
  CASE WHEN s.reports IS NULL THEN 'not_reported'
       WHEN s.pending > 0 THEN 'pending'
       ELSE coalesce(substr(s.last_outcome, 21), 'pending') END,
  CASE WHEN s.pending > 0 THEN (:as_of - s.oldest_pending) * 1.0 / :hour
       ELSE s.max_final * 1.0 / :hour END,
  coalesce(s.over_sla, 0),
  substr(p.content, 1, 200), p.url,
  coalesce(p.origin_org, ''),
  CASE WHEN s.pending > 0 THEN i.outcome END
FROM post p
LEFT JOIN (
  SELECT r.post_id AS post_id, min(r.reported_at) AS first_reported, count(*) AS reports,
    sum(r.final_response_at IS NULL) AS pending,
    min(CASE WHEN r.final_response_at IS NULL THEN r.reported_at END) AS oldest_pending,
    max(r.final_response_at - r.reported_at) AS max_final,
    max(CASE WHEN r.final_response_at IS NULL THEN :as_of - r.reported_at > :sla
             ELSE r.final_response_at - r.reported_at > :sla END) AS over_sla,
    max(CASE WHEN r.final_outcome IS NOT NULL
             THEN printf('%020d', r.final_response_at) || r.final_outcome END) AS last_outcome
  FROM report r NOT INDEXED WHERE r.retracted_at IS NULL GROUP BY r.post_id
) s ON s.post_id = p.id
LEFT JOIN (
  SELECT r.post_id AS post_id, max(x.received_at) AS received_at, x.outcome AS outcome
  FROM report r NOT INDEXED JOIN response x ON x.report_id = r.id
  WHERE r.final_response_at IS NULL AND r.retracted_at IS NULL AND x.retracted_at IS NULL
  GROUP BY r.post_id
) i ON i.post_id = p.id
LEFT JOIN author_account a ON a.id = p.author_id
WHERE p.retracted_at IS NULL
ORDER BY p.id
"""
_INDEXES = (
    "CREATE INDEX temp.case_list_first ON case_list (first_reported)",
    "CREATE INDEX temp.case_list_platform ON case_list (platform, first_reported)",
)


@dataclass
class CaseList:
    """Case summaries on one connection (keep it open while the list is shown)."""

    conn: Connection
    sla_hours: float = 48.0
    as_of: datetime = field(default_factory=now_utc)
    # The query whose matching posts temp.case_search holds (None: no table), so a
    # search runs once however often count, page and case_refs ask for it.
    _searched: str | None = field(default=None, init=False, repr=False)

    def rebuild(self, *, sla_hours: float | None = None) -> None:
        """Summarise every post again (after an import, an edit, a settings change)."""
        if sla_hours is not None:
            self.sla_hours = sla_hours
        self.as_of = now_utc()
        raw = self._raw()
        raw.execute("DROP TABLE IF EXISTS temp.case_list")
        self._forget_search()
        raw.execute(f"CREATE TEMP TABLE case_list ({_COLUMNS})")
        raw.execute(
            _BUILD,
            {
                "as_of": to_micros(self.as_of),
                "sla": self.sla_hours * MICROS_PER_HOUR,
                "hour": MICROS_PER_HOUR,
            },
        )
        for statement in _INDEXES:
            raw.execute(statement)
        raw.commit()  # the INSERT opened a transaction: end it, holding no read snapshot

    def _forget_search(self) -> None:
        self._raw().execute("DROP TABLE IF EXISTS temp.case_search")
        self._searched = None

    def _search_ids(self, text: str) -> str:
        """SQL for the ids of the listed posts matching ``text``, run once per query
        (and again after ``rebuild``) into temp.case_search."""
        if self._searched != text:
            self._forget_search()
            ids, params = search_ids(text)
            raw = self._raw()
            # The index's ids as they are (retracted posts among them): the lists'
            # queries join them to case_list, which has none.
            raw.execute("CREATE TEMP TABLE case_search (post_id INTEGER PRIMARY KEY)")
            raw.execute(f"INSERT OR IGNORE INTO temp.case_search {ids}", params)
            raw.commit()  # as in rebuild: no transaction left open on the store
            self._searched = text
        return "post_id IN (SELECT post_id FROM temp.case_search)"

    def _raw(self) -> Any:
        raw = self.conn.connection.driver_connection
        assert raw is not None
        return raw

    def _where(self, flt: CaseFilter) -> tuple[str, dict[str, Any]]:
        clauses: list[str] = []
        args: dict[str, Any] = {}
        if flt.platform:
            clauses.append("platform = :platform")
            args["platform"] = flt.platform
        if flt.category:
            if flt.category == "uncategorised":
                clauses.append("category = ''")
            else:
                clauses.append("category = :category")
                args["category"] = flt.category
        if flt.outcome:
            clauses.append("latest_outcome = :outcome")
            args["outcome"] = flt.outcome
        if flt.status == PENDING:
            clauses.append("latest_outcome = 'pending'")
        elif flt.status == "decided":
            clauses.append("latest_outcome != 'pending'")
        if flt.over_sla:
            clauses.append("over_sla = 1")
        if flt.date_from is not None:
            clauses.append("first_reported >= :date_from")
            args["date_from"] = to_micros(flt.date_from)
        if flt.date_to is not None:
            clauses.append("first_reported < :date_to")
            args["date_to"] = to_micros(flt.date_to)
        if flt.search.strip():
            # Normalised as the index is (Zawgyi and Unicode Burmese alike, schema 0006).
            clauses.append(self._search_ids(flt.search.strip()))
        if flt.post_ids is not None:
            ids = ",".join(str(int(i)) for i in sorted(flt.post_ids)) or "NULL"
            clauses.append(f"post_id IN ({ids})")
        return (" AND ".join(clauses) or "1"), args

    def count(self, flt: CaseFilter) -> int:
        where, args = self._where(flt)
        return int(
            self._raw().execute(f"SELECT count(*) FROM case_list WHERE {where}", args).fetchone()[0]
        )

    def page(
        self,
        flt: CaseFilter,
        *,
        sort: str = "first_reported",
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
    ) -> list[CaseRow]:
        where, args = self._where(flt)
        column = SORT_KEYS.get(sort, "first_reported")
        direction = "DESC" if descending else "ASC"
        rows = (
            self._raw()
            .execute(
                f"SELECT post_id, case_ref, platform, author, category, first_reported, reports, "
                f"latest_outcome, hours, over_sla, content, url, origin, interim "
                f"FROM case_list WHERE {where} "
                f"ORDER BY {column} {direction}, post_id {direction} LIMIT :limit OFFSET :offset",
                {**args, "limit": limit, "offset": offset},
            )
            .fetchall()
        )
        return [
            CaseRow(
                post_id=r[0],
                case_ref=r[1],
                platform=r[2],
                author=r[3],
                category=r[4],
                first_reported=None if r[5] is None else from_micros(r[5]),
                reports=r[6],
                latest_outcome=r[7],
                hours=r[8],
                over_sla=bool(r[9]),
                content=r[10],
                url=r[11],
                origin=r[12],
                interim=r[13],
            )
            for r in rows
        ]

    def case_refs(self, flt: CaseFilter) -> list[str]:
        """Every case the filter shows (not only the loaded page), oldest first."""
        where, args = self._where(flt)
        rows = (
            self._raw()
            .execute(f"SELECT case_ref FROM case_list WHERE {where} ORDER BY post_id", args)
            .fetchall()
        )
        return [row[0] for row in rows]

    def distinct(self, column: str) -> list[str]:
        """Values for a filter drop-down (platforms, categories)."""
        if column not in ("platform", "category"):
            raise ValueError(column)
        return [
            row[0] or "uncategorised"
            for row in self._raw().execute(f"SELECT DISTINCT {column} FROM case_list ORDER BY 1")
        ]

    def close(self) -> None:
        try:
            self._raw().execute("DROP TABLE IF EXISTS temp.case_search")
            self._raw().execute("DROP TABLE IF EXISTS temp.case_list")
        finally:
            self.conn.close()
