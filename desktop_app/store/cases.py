"""The case list: one row per post, with what a researcher scans for, sortable and
filterable over 100,000 reports without stalling the window.

``CaseList`` summarises every post once into an in-memory temporary table on its
own connection (temp_store = MEMORY: nothing reaches the disk), then serves
counts and pages from it with plain indexed queries. Call ``rebuild`` after the
data change. Full-text search goes through the FTS5 trigram index.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlcipher3

from desktop_app.core.errors import Cancelled, StoreLockedError
from desktop_app.core.timeutil import now_utc
from desktop_app.store.search import search_ids
from desktop_app.store.types import MICROS_PER_HOUR, from_micros, to_micros

if TYPE_CHECKING:
    from desktop_app.store.engine import Store

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


# Not frozen: a frozen dataclass's __init__ sets each field through
# object.__setattr__, three times the cost, and a page makes 200 of them per search.
@dataclass(slots=True)
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
# ``{source}`` is "NOT INDEXED" for the whole list; for a few posts (the first page)
# "" with ``{only}`` naming them, so their reports are found through the index.
_SUMMARY = """
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
  FROM report r {source} WHERE r.retracted_at IS NULL {only_reports} GROUP BY r.post_id
) s ON s.post_id = p.id
LEFT JOIN (
  SELECT r.post_id AS post_id, max(x.received_at) AS received_at, x.outcome AS outcome
  FROM report r {source} JOIN response x ON x.report_id = r.id
  WHERE r.final_response_at IS NULL AND r.retracted_at IS NULL AND x.retracted_at IS NULL
    {only_reports}
  GROUP BY r.post_id
) i ON i.post_id = p.id
LEFT JOIN author_account a ON a.id = p.author_id
WHERE p.retracted_at IS NULL {only_posts}
"""
_BUILD = (
    "INSERT INTO temp.case_list "
    + _SUMMARY.format(source="NOT INDEXED", only_reports="", only_posts="")
    + "ORDER BY p.id"
)
_INDEXES = (
    "CREATE INDEX temp.case_list_first ON case_list (first_reported)",
    "CREATE INDEX temp.case_list_platform ON case_list (platform, first_reported)",
    # Each post's first report by post, in a narrow index: a search with few matches
    # sorts them by date reading this, not their whole rows (content included), which
    # spread over many more pages (1,055 matches: 1.4 -> 1.0 ms). 26 ms to build at
    # 100,000 reports, in a list that takes 1.2 s.
    "CREATE INDEX temp.case_list_key ON case_list (post_id, first_reported)",
)
# The search's matches, listed posts only. Made with the list and emptied for each
# new query, never dropped and made again: a table made or dropped changes the
# connection's schema, and every statement prepared on it (the page's, the count's,
# the index query's) was prepared again at the next search.
_SEARCH_TABLE = "CREATE TEMP TABLE case_search (post_id INTEGER PRIMARY KEY)"


ROW_COLUMNS = (
    "post_id, case_ref, platform, author, category, first_reported, reports, "
    "latest_outcome, hours, over_sla, content, url, origin, interim"
)
_PAGE_COLUMNS = ", ".join(f"c.{name}" for name in ROW_COLUMNS.split(", "))
# A sorted page of up to this many rows reads its rows by key in the keys' order; a
# larger one (the command line asks for every row) is sorted again in SQL.
_JOINED_PAGE = 1000
FIRST_PAGE = 200  # rows of the first page (the window's page size)


def _case_row(r: Any) -> CaseRow:
    # Positional, in ROW_COLUMNS order (keywords cost about a quarter more per row).
    return CaseRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        None if r[5] is None else from_micros(r[5]),
        r[6],
        r[7],
        r[8],
        bool(r[9]),
        r[10],
        r[11],
        r[12],
        r[13],
    )


def _summary_args(as_of: datetime, sla_hours: float) -> dict[str, Any]:
    return {"as_of": to_micros(as_of), "sla": sla_hours * MICROS_PER_HOUR, "hour": MICROS_PER_HOUR}


def listed_posts(raw: Any) -> int:
    """How many cases the unfiltered list shows (posts not retracted): every post, as
    ``post_tally`` keeps the count (schema 0014: one page, where counting walked a
    whole index, 50 ms at 1,000,000 reports on a fresh start), less the retracted
    ones, through their partial index."""
    retracted = "(SELECT count(*) FROM post WHERE retracted_at IS NOT NULL)"
    try:
        row = raw.execute(f"SELECT posts - {retracted} FROM post_tally WHERE id = 1").fetchone()
    except sqlcipher3.OperationalError as exc:
        if "no such table: post_tally" not in str(exc):
            raise  # locked, unreadable: the caller says so, nothing is counted quietly
        row = None  # a store before 0014 (the tests of older schemas open them)
    if row is None:  # (or its one row deleted by hand: the triggers then count nothing)
        row = raw.execute(f"SELECT (SELECT count(*) FROM post) - {retracted}").fetchone()
    return int(row[0])


@dataclass(frozen=True)
class FirstPage:
    """The unfiltered list's first page, newest first reported first (the window's
    default order), and how many cases the list has: what the window paints before
    the whole list is summarised."""

    rows: list[CaseRow]
    total: int
    as_of: datetime
    sla_hours: float


def first_page(
    raw: Any, *, sla_hours: float, as_of: datetime | None = None, limit: int = FIRST_PAGE
) -> FirstPage:
    """The first ``limit`` rows of ``page(CaseFilter())``, without building the list.

    The newest reports are read through ``report(reported_at)``, newest first. Every
    post whose first (non-retracted) report is later than the oldest report read has
    all its reports among those read, so the posts first reported after it are
    exactly known: the newest ``limit`` of them (and as many more as there are
    retracted posts) are summarised as the whole list summarises a post. When fewer
    are found, more reports are read; when every report was read (or that does not
    pay), every post is summarised, as the list would, and only the page is kept.
    """
    as_of = as_of or now_utc()
    args = {**_summary_args(as_of, sla_hours), "limit": limit}
    order_by = "ORDER BY s.first_reported DESC, s.id DESC LIMIT :limit"
    # Partial indexes answer both: usually no retracted report, no retracted post.
    retracted_reports = raw.execute(
        "SELECT 1 FROM report WHERE retracted_at IS NOT NULL LIMIT 1"
    ).fetchone()
    live = "AND retracted_at IS NULL" if retracted_reports else ""
    (retracted_posts,) = raw.execute(
        "SELECT count(*) FROM post WHERE retracted_at IS NOT NULL"
    ).fetchone()
    wanted = limit + int(retracted_posts)
    # Reports are mostly appended in time order, so the newest share pages: reading
    # 1,600 costs little more than 400 and usually finds a page in one round.
    fetch = max(8 * wanted, 1600)
    for _ in range(5):
        recent = raw.execute(
            f"SELECT reported_at, post_id FROM report WHERE 1 {live} "
            "ORDER BY reported_at DESC LIMIT ?",
            (fetch,),
        ).fetchall()
        if len(recent) < fetch:
            break  # every report read: the whole summary below is as cheap
        oldest = recent[-1][0]
        # Each post's first report among those read (newest first, so the last seen).
        seen: dict[int, int] = {}
        for at, post in recent:
            if at > oldest:
                seen[post] = at
        # In that order, newest first: a post with no report at or before ``oldest``
        # is first reported when seen; every later one is first reported no later.
        # Checked a batch at a time, until ``wanted`` posts are known.
        order = sorted(((at, post) for post, at in seen.items()), reverse=True)
        known: list[tuple[int, int]] = []
        start, batch = 0, wanted
        while start < len(order) and len(known) < wanted:
            chunk = order[start : start + batch]
            start += batch
            ids = ",".join(str(int(post)) for _at, post in chunk)
            older = {
                row[0]
                for row in raw.execute(
                    f"SELECT DISTINCT post_id FROM report WHERE post_id IN ({ids}) "
                    f"AND reported_at <= ? {live}",
                    (oldest,),
                )
            }
            known.extend(item for item in chunk if item[1] not in older)
            batch = 2 * max(wanted - len(known), 50)
        if len(known) >= wanted:
            only = ",".join(str(int(post)) for _at, post in known[:wanted])
            sql = _SUMMARY.format(
                source="",
                only_reports=f"AND r.post_id IN ({only})",
                only_posts=f"AND p.id IN ({only})",
            )
            rows = raw.execute(f"SELECT * FROM ({sql}) AS s {order_by}", args).fetchall()
            if len(rows) >= limit:
                return FirstPage([_case_row(r) for r in rows], listed_posts(raw), as_of, sla_hours)
        fetch *= 4
    sql = _SUMMARY.format(source="NOT INDEXED", only_reports="", only_posts="")
    rows = raw.execute(f"SELECT * FROM ({sql}) AS s {order_by}", args).fetchall()
    return FirstPage([_case_row(r) for r in rows], listed_posts(raw), as_of, sla_hours)


@dataclass
class CaseList:
    """Case summaries on one connection (keep it open while the list is shown).

    ``conn`` is a DB-API connection (``Store.raw()``, or one of the list's own when
    ``owns_connection``: closed with the list) or a SQLAlchemy Connection.

    A list made with ``first`` and ``wait`` is not built yet: it answers the
    unfiltered first page and count from ``first``; anything else calls ``wait()``
    once, which returns the built list (made elsewhere, e.g. off the window's thread)
    or None (then the list is built here, on ``conn``).
    """

    conn: Any = None
    sla_hours: float = 48.0
    as_of: datetime = field(default_factory=now_utc)
    owns_connection: bool = False
    first: FirstPage | None = None
    wait: Callable[[], CaseList | None] | None = None
    # The query whose matching posts temp.case_search holds (None: none), so a
    # search runs once however often count, page and case_refs ask for it.
    _searched: str | None = field(default=None, init=False, repr=False)
    # How many posts temp.case_search holds (counted as they were put in).
    _matches: int = field(default=0, init=False, repr=False)
    # The count of the unfiltered list, until the next rebuild.
    _total: int | None = field(default=None, init=False, repr=False)
    # The largest post id when the list was built (newer posts are not listed).
    _newest_id: int = field(default=0, init=False, repr=False)

    @property
    def ready(self) -> bool:
        """Built: every filter, sort and page can be answered."""
        return self.wait is None and self.first is None

    def _ensure_built(self) -> None:
        if self.ready:
            return
        wait, self.wait = self.wait, None
        built = wait() if wait is not None else None
        self.first = None
        if built is None:
            self.rebuild()
            return
        self.conn, self.owns_connection = built.conn, built.owns_connection
        self.sla_hours, self.as_of = built.sla_hours, built.as_of
        self._total, self._newest_id = built._total, built._newest_id
        built.conn, built.owns_connection = None, False

    def rebuild(
        self,
        *,
        sla_hours: float | None = None,
        as_of: datetime | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Summarise every post again (after an import, an edit, a settings change).

        ``cancelled`` is asked while the summary runs; when it answers True the
        statement stops and ``Cancelled`` is raised (the list is then not built)."""
        if not self.ready:
            self.first = None
            self._ensure_built()
        if sla_hours is not None:
            self.sla_hours = sla_hours
        self.as_of = as_of or now_utc()
        raw = self._raw()
        raw.execute("DROP TABLE IF EXISTS temp.case_list")
        raw.execute("DROP TABLE IF EXISTS temp.case_search")
        self._searched = None
        self._total = None
        raw.execute(f"CREATE TEMP TABLE case_list ({_COLUMNS})")
        raw.execute(_SEARCH_TABLE)  # before the summary: there even if it is cancelled
        if cancelled is not None:
            raw.set_progress_handler(lambda: 1 if cancelled() else 0, 20_000)
        try:
            raw.execute(_BUILD, _summary_args(self.as_of, self.sla_hours))
        except sqlcipher3.OperationalError as exc:
            if cancelled is not None and cancelled() and "interrupt" in str(exc):
                raw.rollback()
                raise Cancelled("the case list was not built") from None
            raise
        finally:
            if cancelled is not None:
                raw.set_progress_handler(None, 0)
        for statement in _INDEXES:
            raw.execute(statement)
        # What the search index has but the list does not, in the same snapshot: the
        # posts retracted now and any post made after it (a larger id). A search's
        # matches minus these are exactly the listed posts that match.
        raw.execute("DROP TABLE IF EXISTS temp.case_unlisted")
        raw.execute(
            "CREATE TEMP TABLE case_unlisted AS "
            "SELECT id AS post_id FROM post WHERE retracted_at IS NOT NULL"
        )
        self._newest_id = int(raw.execute("SELECT coalesce(max(id), 0) FROM post").fetchone()[0])
        raw.commit()  # the INSERT opened a transaction: end it, holding no read snapshot

    def _forget_search(self) -> None:
        raw = self._raw()
        raw.execute("DELETE FROM temp.case_search")
        raw.commit()
        self._searched = None
        self._matches = 0

    def _search_ids(self, text: str) -> str:
        """SQL for the ids of the listed posts matching ``text``, run once per query
        (and again after ``rebuild``) into temp.case_search."""
        if self._searched != text:
            ids, params = search_ids(text)
            raw = self._raw()
            self._searched = None
            # Only the listed posts (the index also has retracted ones), so the lists'
            # queries need not join case_list to count. The index's matches as they
            # come (as cheap as the bare query), less the posts the list does not hold
            # (see rebuild): a few deletes by key. Counted as they go in and out.
            try:
                raw.execute("DELETE FROM temp.case_search")  # the last query's matches
                added = raw.execute(
                    f"INSERT OR IGNORE INTO temp.case_search {ids}", params
                ).rowcount
                dropped = raw.execute(
                    "DELETE FROM temp.case_search WHERE post_id > ? "
                    "OR post_id IN (SELECT post_id FROM temp.case_unlisted)",
                    (self._newest_id,),
                ).rowcount
            except BaseException:
                raw.rollback()  # nothing half-filled, no transaction left open
                raise
            raw.commit()  # as in rebuild: no transaction left open on the store
            self._matches = added - dropped
            self._searched = text
        return "post_id IN (SELECT post_id FROM temp.case_search)"

    def _raw(self) -> Any:
        """The connection holding the built list (waiting for it if need be)."""
        if not self.ready:
            self._ensure_built()
        if self.conn is None:
            raise StoreLockedError("the case list is closed")
        return self._raw_of(self.conn)

    @staticmethod
    def _raw_of(conn: Any) -> Any:
        proxied = getattr(conn, "connection", None)  # a SQLAlchemy Connection
        if proxied is not None and hasattr(proxied, "driver_connection"):
            return proxied.driver_connection
        return conn

    def raw(self) -> Any:
        """The list's DB-API connection (None while the list is not built)."""
        return self._raw() if self.ready and self.conn is not None else None

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
        unfiltered = flt == CaseFilter()
        if unfiltered and self.first is not None:
            return self.first.total
        self._ensure_built()
        if unfiltered:
            if self._total is None:
                self._total = self._count("1", {})
            return self._total
        if flt.search.strip() and flt == CaseFilter(search=flt.search):
            # Only a search: temp.case_search holds the listed posts that match.
            self._search_ids(flt.search.strip())
            return self._count_search()
        where, args = self._where(flt)
        return self._count(where, args)

    def _count(self, where: str, args: dict[str, Any]) -> int:
        row = self._raw().execute(f"SELECT count(*) FROM case_list WHERE {where}", args).fetchone()
        return int(row[0])

    def _count_search(self) -> int:
        return self._matches

    def page(
        self,
        flt: CaseFilter,
        *,
        sort: str = "first_reported",
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
    ) -> list[CaseRow]:
        first = self.first
        if (
            first is not None
            and flt == CaseFilter()
            and SORT_KEYS.get(sort, "first_reported") == "first_reported"
            and descending
            and offset == 0
            and (limit <= len(first.rows) or len(first.rows) >= first.total)
        ):
            return first.rows[:limit]
        self._ensure_built()
        where, args = self._where(flt)
        column = SORT_KEYS.get(sort, "first_reported")
        direction = "DESC" if descending else "ASC"
        source = "case_list"
        if column == "first_reported" and flt == CaseFilter(search=flt.search) and flt.search:
            # Many matches: walking the list in date order finds a page of them sooner
            # than sorting them all. The walk reads the covering index (first_reported,
            # post_id) and checks each entry against temp.case_search: about
            # limit * listed / matches steps, each some 8x cheaper than fetching and
            # sorting one match (measured on 100,000 reports: 4,019 matches 4.6 ms
            # sorted, 1.5 ms walked; 1,055 matches about 2.5 ms either way).
            matches = self._count_search()
            if 8 * matches * matches > (offset + limit) * self.count(CaseFilter()):
                source = "case_list INDEXED BY case_list_first"
        order = f"ORDER BY {column} {direction}, post_id {direction}"
        raw = self._raw()
        if source == "case_list" and not (column == "first_reported" and where == "1"):
            # A sort of every row the filter keeps (no index gives this order): sort
            # their keys only, then read the page's rows (the sorter held whole rows,
            # content included: 1,083 matches 2.3 -> 0.9 ms, the unfiltered list by
            # platform 15 -> 2 ms). The walks in index order read rows as they go.
            keyed = "case_list"
            if column == "first_reported" and flt == CaseFilter(
                search=flt.search, post_ids=flt.post_ids
            ):
                # Every condition is on post_id: the narrow index has all the sort reads.
                keyed = "case_list INDEXED BY case_list_key"
            if limit <= _JOINED_PAGE:
                # The page's keys in order, then each one's row, in that order: SQLite
                # reads the keys' order as the outer one and sorts nothing again
                # (sorting the page's rows again copied 200 whole rows through a
                # sorter: 0.4 ms).
                sql = (
                    f"SELECT {_PAGE_COLUMNS} FROM (SELECT post_id, {column} AS sort_key "
                    f"FROM {keyed} WHERE {where} {order} LIMIT :limit OFFSET :offset) "
                    "AS page CROSS JOIN case_list AS c ON c.post_id = page.post_id "
                    f"ORDER BY page.sort_key {direction}, page.post_id {direction}"
                )
            else:  # every row (the command line): one lookup each costs more than a sort
                sql = (
                    f"SELECT {ROW_COLUMNS} FROM case_list WHERE post_id IN "
                    f"(SELECT post_id FROM {keyed} WHERE {where} {order} "
                    f"LIMIT :limit OFFSET :offset) {order}"
                )
        else:
            sql = (
                f"SELECT {ROW_COLUMNS} FROM {source} WHERE {where} {order} "
                "LIMIT :limit OFFSET :offset"
            )
        rows = raw.execute(sql, {**args, "limit": limit, "offset": offset}).fetchall()
        return [_case_row(r) for r in rows]

    def case_refs(self, flt: CaseFilter) -> list[str]:
        """Every case the filter shows (not only the loaded page), oldest first."""
        self._ensure_built()
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
        self._ensure_built()
        return [
            row[0] or "uncategorised"
            for row in self._raw().execute(f"SELECT DISTINCT {column} FROM case_list ORDER BY 1")
        ]

    def close(self) -> None:
        """Drop the summaries; close the connection if it is the list's own."""
        self.first = None
        self.wait = None
        conn, self.conn = self.conn, None
        if conn is None:
            return
        proxied = getattr(conn, "connection", None)
        is_sqlalchemy = proxied is not None and hasattr(proxied, "driver_connection")
        try:
            raw = self._raw_of(conn)
            for table in ("case_search", "case_unlisted", "case_list"):
                raw.execute(f"DROP TABLE IF EXISTS temp.{table}")
        except sqlcipher3.Error:  # already closed (the store locked first)
            pass
        finally:
            if is_sqlalchemy or self.owns_connection:
                conn.close()


def open_list_connection(store: Store) -> Any:
    """A connection of the case list's own, keyed, with the store's pragmas, closed
    with the list (and with the store). Made on any thread (the key derivation off
    the window's), then used by one thread at a time."""
    return store.connect()


def build_case_list(
    store: Store, *, sla_hours: float, cancelled: Callable[[], bool] | None = None
) -> CaseList:
    """The whole list, built on a connection of its own (for a background thread:
    the window adopts it through ``CaseList.wait``)."""
    conn = open_list_connection(store)
    cases = CaseList(conn, sla_hours=sla_hours, owns_connection=True)
    try:
        cases.rebuild(cancelled=cancelled)
    except BaseException:
        cases.close()
        raise
    return cases
