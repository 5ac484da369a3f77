"""Bulk insert of many rows given column by column (the spreadsheet import).

``Writer.insert`` takes one mapping per row and merges it with the table's defaults
row by row: right for a merge of a few thousand records, but an import of a million
reports spent most of its time building and copying those dicts. Here a caller
gives each column once, as a sequence, and the rows are zipped into ONE
``executemany`` of tuples on the writer's DB-API connection, inside the caller's
transaction.

The writer's rules still hold, because they are the writer's own: the derived
columns (``canonical_url``, ``content_key``, ``reporter_key``, ``handle_key``, ...)
are computed by the writer's derivation table and functions from the row's own
values (a value the caller gives for one is ignored), ``case_ref`` by
``case_ref_for``, the column list, defaults and NOT NULL columns come from the
writer's table description, and new posts and accounts go to the search index
through the writer's index statements, as ``Writer.insert`` puts them there.
A test inserts the same rows through both paths and compares them column by column,
so a change to the writer's rules shows up here.

Differences from ``Writer.insert``, on purpose: ids are the caller's (allocate them
with ``Writer.next_id``), and time columns must already be integer microseconds.

A write that is large against the store (the first import of a report log) can
also set the secondary indexes aside: ``drop_secondary_indexes`` drops the
non-unique indexes of ``post``, ``report`` and ``response`` inside the caller's
transaction and ``restore_indexes`` makes them again, from the same ``CREATE INDEX``
text read from ``sqlite_schema``, before the caller commits. Each row then updates
the table and its unique indexes only, instead of six to nine more b-trees (most
of them keyed at random), and each index is built once, sorted, its pages filled. SQLite's DDL is
transactional: a write that fails, is rolled back or is killed leaves every index
as it was. The unique indexes stay: the "already present" lookups and the
all-or-nothing rules rest on them. So do the partial indexes (``... WHERE
retracted_at IS NOT NULL``): they hold only the rows their condition keeps, and an
import writes none of those, so keeping them costs nothing per row, where building
them again read their whole table (1.2 s of the index builds at 1,000,000 reports).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from typing import Any, NamedTuple

from desktop_app.core.errors import Cancelled
from desktop_app.core.timeutil import now_utc
from desktop_app.store.audit import IMPORTED_TABLES
from desktop_app.store.models import new_uid_bytes
from desktop_app.store.types import to_micros
from desktop_app.store.uids import to_db as uid_to_db

# The writer's own rules (private to store/, shared on purpose: one set of rules).
from desktop_app.store.writer import (
    _DERIVE_FN,
    _DERIVED,
    _OFFSET,
    Writer,
    _info,
    case_ref_for,
)

# The import's audit-event uid, given as a constant; kept as such before 0016.
_EVENT = frozenset({"import_event_uid"})
# Filled here when the caller does not give them.
_FILLED = ("uid", "created_at", "updated_at")


def take_ids(writer: Writer, table: str, count: int) -> list[int]:
    """``count`` new local ids of ``table``, in order (``Writer.next_id`` each)."""
    take = writer.next_id
    return [take(table) for _ in range(count)]


def insert_columns(
    writer: Writer,
    table: str,
    columns: Mapping[str, Sequence[Any]],
    *,
    constants: Mapping[str, Any] | None = None,
    search: SearchBatch | None = None,
) -> int:
    """Insert rows given as columns (every sequence the same length, ``id`` among them)
    and ``constants`` (one value for every row); returns how many rows were written.

    New posts and accounts go to the search index now, or, with ``search``, when
    that batch is full or flushed (``SearchBatch``)."""
    info = _info(table)
    ids = columns.get("id")
    if ids is None:
        raise ValueError("insert_columns needs the rows' ids (Writer.next_id)")
    count = len(ids)
    if count == 0:
        return 0
    layout = writer.layout(table)
    constants = dict(constants or {})
    if _OFFSET in columns or _OFFSET in constants:
        raise ValueError(f"{_OFFSET} is the writer's own: give updated_at")
    for name in (*columns, *constants):
        named_event = name in _EVENT and table in IMPORTED_TABLES
        if name not in info.columns and name not in info.computed and not named_event:
            raise ValueError(f"{table} has no column {name!r}")
    if "import_event_uid" not in layout.kept:
        # The store keeps the id of the import's import_event row (schema 0016).
        if "import_event_uid" in constants:
            uid = constants.pop("import_event_uid")
            constants["import_event_id"] = writer.import_event_id(uid)
        if "import_event_uid" in columns:
            columns = dict(columns)
            given = columns.pop("import_event_uid")
            columns["import_event_id"] = [writer.import_event_id(u) for u in given]
    for name, values in columns.items():
        if len(values) != count:
            raise ValueError(f"column {name!r} has {len(values)} values, not {count}")
    derived = dict(_DERIVED.get(table, ()))
    now = to_micros(now_utc())
    names: list[str] = []
    values_by_column: list[Any] = []
    for name in (*info.columns, *layout.kept):
        if name in layout.missing:
            continue  # an older store's table has no such column yet
        if name in derived:
            source = columns.get(derived[name])
            derive = _DERIVE_FN[name]
            if source is not None:
                values_by_column.append([derive(v or "") for v in source])
            else:
                fixed = constants.get(derived[name])
                values_by_column.append(repeat(derive(fixed or ""), count))
        elif table == "post" and name == "case_ref":
            values_by_column.append([case_ref_for(i) for i in ids])
        elif name == _OFFSET:  # schema 0017: updated_at - created_at, 0 for a new row
            values_by_column.append(_offsets(columns, constants, count, now))
        elif (
            name in info.uids or name in _EVENT
        ) and name in columns:  # 16 bytes when canonical (0012)
            values_by_column.append([uid_to_db(v) for v in columns[name]])
        elif (name in info.uids or name in _EVENT) and name in constants:
            values_by_column.append(repeat(uid_to_db(constants[name]), count))
        elif name in columns:
            values_by_column.append(columns[name])
        elif name in constants:
            values_by_column.append(repeat(constants[name], count))
        elif name == "uid":
            values_by_column.append(new_uid_bytes(count))
        elif name in ("created_at", "updated_at"):
            values_by_column.append(repeat(now, count))
        elif name in info.required or name in info.older_defaults:
            values_by_column.append(repeat(info.defaults[name], count))
        else:
            continue  # left to the column's default in the file's schema
        names.append(name)
    if table == "post" and not columns.get("identity_key"):
        raise ValueError("insert_columns needs the posts' identity_key")
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    writer.raw.executemany(sql, zip(*values_by_column, strict=False))
    if table in SEARCHED_TABLES:
        if search is not None:
            search.add(table, ids)
        else:
            _index_new_rows(writer, table, list(ids))
    return count


def _offsets(
    columns: Mapping[str, Sequence[Any]], constants: Mapping[str, Any], count: int, now: int
) -> Any:
    """Each row's ``updated_at - created_at`` (schema 0017), from what the caller gave
    (either, neither: now)."""

    def given(name: str) -> Any:
        if name in columns:
            return columns[name]
        return repeat(constants.get(name, now), count)

    if "created_at" not in columns and "updated_at" not in columns:
        return repeat(constants.get("updated_at", now) - constants.get("created_at", now), count)
    return [u - c for u, c in zip(given("updated_at"), given("created_at"), strict=False)]


# The tables whose new rows have search entries (schema 0013: the accounts their own).
SEARCHED_TABLES = ("post", "author_account")


def _index_new_rows(writer: Writer, table: str, ids: list[int]) -> None:
    """New posts' or accounts' search entries, as ``Writer.insert`` writes them."""
    if table == "post":
        _index_new_posts(writer, ids)
    else:
        writer.index_authors(ids, new=True)


# New rows whose search entries a SearchBatch holds back, at most, per table. Posts
# in smaller batches: by the time 16,384 were written, the first ones' pages had
# left the page cache (spilled to the WAL among the reports and responses written
# since) and were read and decrypted again to be indexed.
SEARCH_BATCH = {"post": 4096, "author_account": 16384}


class SearchBatch:
    """The search entries of new posts and accounts, written once a table's batch is
    full (``SEARCH_BATCH``) and by ``flush`` (which the caller must call before it
    commits), in one statement each: as ``insert_columns`` writes them, fewer times.

    FTS5 writes what it holds as a new segment whenever a statement writes to it
    inside a transaction, and merges segments as they pile up. An import that
    indexed each chunk's accounts (50 statements at 100,000 reports) wrote 17
    segments of them, each searched by every query, in 0.30-0.35 s; in one batch,
    one segment in 0.05 s. Posts: 0.32-0.42 s chunk by chunk, 0.31 s in batches of
    4,096, 0.41-0.54 s in batches of 16,384 (two runs each). The ids held never
    exceed a batch and a chunk, so memory does not grow with the file (one
    statement for every post of a big import held 40 MB more)."""

    __slots__ = ("limits", "pending", "writer")

    def __init__(self, writer: Writer, limits: Mapping[str, int] | None = None) -> None:
        self.writer = writer
        self.limits = dict(SEARCH_BATCH if limits is None else limits)
        self.pending: dict[str, list[int]] = {table: [] for table in SEARCHED_TABLES}

    def add(self, table: str, ids: Sequence[int]) -> None:
        waiting = self.pending[table]
        waiting.extend(ids)
        if len(waiting) >= self.limits[table]:
            self._write(table)

    def flush(self) -> None:
        """Write every entry still held (accounts first, as they were inserted)."""
        self._write("author_account")
        self._write("post")

    def check_flushed(self) -> None:
        """Raise if entries are still held: a commit now would keep rows that no
        search can find (a caller that forgot ``flush``)."""
        held = sum(map(len, self.pending.values()))
        if held:
            raise RuntimeError(f"{held} new rows' search entries were never written")

    def _write(self, table: str) -> None:
        ids, self.pending[table] = self.pending[table], []
        if ids:
            _index_new_rows(self.writer, table, ids)


def _index_new_posts(writer: Writer, ids: list[int]) -> None:
    """Put new posts in the search index as ``Writer.insert`` does: now (no delete
    first: they are new), or at the end of an open ``bulk_search`` block. An
    import calls this per chunk, outside ``bulk_search``, so the list of posts to
    index never grows with the file (one statement at the end for 600,000 posts
    held 40 MB more at 300,000 reports)."""
    if writer.search_mode() != "writer":
        return  # SQL triggers keep the index (schema 0004-0005), or there is none
    if writer._bulk_posts is not None:  # noqa: SLF001 - the writer's own deferral
        writer.index_posts(ids)
    else:
        writer._write_index(ids, replace=False)  # noqa: SLF001 - as Writer.insert does


# The tables whose non-unique indexes a large write sets aside.
DEFERRED_TABLES = ("post", "report", "response")


class DroppedIndex(NamedTuple):
    name: str
    sql: str  # its CREATE INDEX statement, as sqlite_schema keeps it


def secondary_indexes(raw: Any, tables: Sequence[str] = DEFERRED_TABLES) -> list[DroppedIndex]:
    """The non-unique, whole-table indexes of ``tables`` (those made by CREATE INDEX;
    the indexes of UNIQUE constraints, any CREATE UNIQUE INDEX and partial indexes,
    with a WHERE, are not among them)."""
    marks = ", ".join("?" * len(tables))
    # SQLite's own account of each index (pragma_index_list: unique, origin 'c' for
    # CREATE INDEX, partial), not a reading of its SQL text.
    found = raw.execute(
        "SELECT s.name, s.sql FROM sqlite_schema AS s "
        "JOIN pragma_index_list(s.tbl_name) AS i ON i.name = s.name "
        f"WHERE s.type = 'index' AND s.tbl_name IN ({marks}) "
        "AND NOT i.\"unique\" AND i.origin = 'c' AND NOT i.partial "
        "ORDER BY s.tbl_name, s.name",
        tuple(tables),
    ).fetchall()
    return [DroppedIndex(name, sql) for name, sql in found]


def drop_secondary_indexes(raw: Any, tables: Sequence[str] = DEFERRED_TABLES) -> list[DroppedIndex]:
    """Drop the non-unique indexes of ``tables`` inside the open transaction; returns
    what ``restore_indexes`` needs to make them again before the commit."""
    if not raw.in_transaction:
        # Outside a transaction the DROP would be committed at once: a failed
        # write would then leave the store without its indexes.
        raise RuntimeError("drop_secondary_indexes needs an open transaction")
    dropped = secondary_indexes(raw, tables)
    for index in dropped:
        raw.execute(f'DROP INDEX "{index.name}"')
    return dropped


# The page cache while the indexes are built again: each CREATE INDEX sorts its
# keys in memory (temp_store = MEMORY, as the store must: SQLite's temporary files
# are not encrypted), about 80 MB for ``ix_report_indicator`` at 1,000,000 reports;
# the cache gives that room back meanwhile (import peak 293 MB -> 224 MB at
# 1,000,000 reports, about what it is without the rebuild).
REBUILD_CACHE_KIB = 8192
# Below this many reports in the store the builds keep the store's own page cache:
# their sorts are small (about 8 MB for the largest at 100,000 reports), and each
# build of a ``post`` index reads the whole table, which at 100,000 reports (20 MB)
# stays in that cache from one build to the next instead of being read and
# decrypted again for each of five (the eight builds 0.76-0.88 s with 8 MiB,
# 0.52-0.61 s with 64 MiB).
REBUILD_SMALL_CACHE_FROM = 250_000


def restore_indexes(
    raw: Any, dropped: Sequence[DroppedIndex], cancelled: Callable[[], bool] | None = None
) -> None:
    """Make the indexes ``drop_secondary_indexes`` dropped, from their own SQL, with
    a small page cache meanwhile (``REBUILD_CACHE_KIB``; set back afterwards) once
    the store holds ``REBUILD_SMALL_CACHE_FROM`` reports or more.

    ``cancelled`` is asked before each index: at 1,000,000 reports the builds take
    seconds, and a person who cancels (or locks the window, which cancels and waits
    5 s) must not wait for them; ``Cancelled`` rolls the whole import back."""
    if not dropped:
        return
    if not raw.in_transaction:
        raise RuntimeError("restore_indexes needs the transaction the indexes were dropped in")
    (cache,) = raw.execute("PRAGMA cache_size").fetchone()
    (reports,) = raw.execute("SELECT coalesce(max(id), 0) FROM report").fetchone()
    if int(reports) >= REBUILD_SMALL_CACHE_FROM:
        raw.execute(f"PRAGMA cache_size = -{REBUILD_CACHE_KIB}")
    try:
        for index in dropped:
            if cancelled is not None and cancelled():
                raise Cancelled("import cancelled; nothing was written")
            raw.execute(index.sql)
    finally:
        raw.execute(f"PRAGMA cache_size = {int(cache)}")


__all__: Sequence[str] = (
    "DEFERRED_TABLES",
    "REBUILD_CACHE_KIB",
    "REBUILD_SMALL_CACHE_FROM",
    "SEARCH_BATCH",
    "DroppedIndex",
    "SearchBatch",
    "drop_secondary_indexes",
    "insert_columns",
    "restore_indexes",
    "secondary_indexes",
    "take_ids",
)
