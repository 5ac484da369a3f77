"""The one write path for case data: every row of ``post``, ``report``, ``response``,
``attachment``, ``blob``, ``author_account`` and ``audit_event`` is written here.

The repository (one record at a time, from the window and the CLI), the importer
(tens of thousands of rows) and the merge of partner bundles all use this module,
so the rules that make the evidence trustworthy live in one place:

* derived columns: ``handle_key``, ``canonical_url``, ``content_key``,
  ``reporter_key`` and ``case_ref`` are always computed here from the row's own
  values (a value the caller passes for them is ignored); ``identity_key`` is
  computed here unless the caller passes one (its fallback depends on context);
  so are the forms some columns are kept in (schema 0018: ``reporter_own``,
  ``channel_code``, ``outcome_code``), which generated columns read back as
  ``reporter``, ``channel`` and ``outcome``;
* the report summaries (first/final response) are refreshed by ONE statement for
  a set of report ids;
* the full-text index is kept in step; ``bulk_search()`` defers it to one
  statement at the end of a large write;
* the audit hash chain is appended in batches with ONE hashing routine
  (``audit.compute_hash`` over ``audit.event_payload``), starting from
  ``audit.GENESIS``.

API (bound to the caller's open transaction; nothing here commits)::

    w = Writer(conn_or_session, actor=None)   # sqlalchemy Connection or Session
    w.next_id(table) -> int                   # allocate a local id (max(id)+1, then +1)
    w.insert(table, rows) -> list[int]        # executemany; returns the ids
    w.update(table, rows) -> None             # each row: {"id": ..., changed cols}
    w.insert_blobs({sha256: data}) -> int     # only those not yet stored; returns count
    w.refresh_summaries(report_ids, touch=True)
    with w.bulk_search(): ...                 # index new/changed posts once, at the end
    w.index_posts(post_ids)                   # re-index posts whose text changed elsewhere
    w.index_authors(author_ids)               # re-index accounts (insert/update do it)
    w.audit(action, entity=..., entity_uid=..., detail={...},
            actor=None, uid=None, at=None) -> str   # event uid; buffered
    w.flush()                                 # write buffered audit events
    with Writer(...) as w: ...                # flush() on success

``table`` is one of ``post``, ``report``, ``response``, ``attachment``,
``author_account``. A row is a mapping of column name to value. It may carry
everything, foreign values included: ``id`` (else allocated), ``uid`` (else a new
UUID), ``created_at``/``updated_at`` (else now), ``origin_org``/``origin_bundle``,
``import_event_uid`` (the uid of the import's or merge's audit event: the store
keeps the id of its ``import_event`` row, schema 0016), ``retracted_*``; columns
left out take the model's default.
Foreign keys are LOCAL integer ids (``post_id``, ``report_id``, ``author_id``,
``response_id``): the caller maps foreign uids to local ids (the ids returned
by ``insert`` or found in the store). Times are aware ``datetime`` or integer
microseconds since the epoch. ``update`` sets ``updated_at`` to now unless the row
gives it (a merge passes the origin's), re-derives the derived columns when one
of their sources changes, and does not write the audit log: call ``audit``.
``refresh_summaries(..., touch=False)`` leaves ``updated_at`` alone (a derived
column is not an edit; the merge's newer-wins rule depends on it).
``audit(..., actor="name@partner")`` records a foreign actor; put the origin
organisation and bundle in ``detail``.

The search index: from schema 0006 on the writer keeps ``post_search`` itself (text
normalised by ``core.normalise.search_text``), for inserts and for updates of a
post's content, notes or author (and url on 0006; from 0007 no link is in the index,
``store.search`` finds links through ``identity_key``) and of an account's handle
or display name; on 0004-0005 stores SQL triggers keep it and ``bulk_search``
defers their insert. From 0013 an account's handle and display name are indexed
once, in ``author_search`` (rowid = the account's id), instead of beside each of
its posts; ``index_authors`` keeps either form.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection
from sqlmodel import Session, SQLModel

from desktop_app.core import normalise as _normalise
from desktop_app.core.enums import FINAL_OUTCOMES
from desktop_app.core.normalise import (
    canonical_url,
    content_hash,
    content_key,
    normalise_content,
    normalise_handle,
    normalise_reporter,
    search_text,
)
from desktop_app.core.timeutil import now_utc
from desktop_app.store import models
from desktop_app.store.audit import (
    GENESIS,
    IMPORTED_TABLES,
    compute_hash,
    current_actor,
    event_payload,
)
from desktop_app.store.engine import BusyMapped
from desktop_app.store.models import AuditEvent, new_uid
from desktop_app.store.types import to_micros
from desktop_app.store.uids import to_db as uid_to_db

TABLES = ("post", "report", "response", "attachment", "author_account")
_MODELS: dict[str, type[SQLModel]] = {
    "post": models.Post,
    "report": models.Report,
    "response": models.Response,
    "attachment": models.Attachment,
    "author_account": models.AuthorAccount,
}
# Columns derived from others: (derived, sources). identity_key is special.
_DERIVED: dict[str, tuple[tuple[str, str], ...]] = {
    "post": (("canonical_url", "url"), ("content_key", "content")),
    # From 0018 a report's reporter and channel and a response's outcome are read
    # through generated columns; the writer keeps the forms they are made from.
    "report": (
        ("reporter_key", "reporter"),
        ("reporter_own", "reporter"),
        ("channel_code", "channel"),
    ),
    "response": (("outcome_code", "outcome"),),
    "author_account": (("handle_key", "handle"),),
}
# Cached: the importer computes a row's canonical URL for its identity key before
# the row reaches the writer, which derives it again from the same URL.
cached_canonical_url = lru_cache(maxsize=1 << 16)(canonical_url)
cached_reporter_key = lru_cache(maxsize=1 << 12)(normalise_reporter)
cached_handle_key = lru_cache(maxsize=1 << 14)(normalise_handle)
# Normalising is pure: the same text (a chain letter posted by many accounts, an
# author's handle on each of their posts, empty notes) is normalised once. Only
# texts up to this length are kept, so the caches stay small whatever the file.
_CACHED_CHARS = 1024


def _short_texts_cached(fn: Callable[[str | None], str], size: int) -> Callable[[str | None], str]:
    cached = lru_cache(maxsize=size)(fn)

    def call(text: str | None) -> str:
        return cached(text) if text is None or len(text) <= _CACHED_CHARS else fn(text)

    call.__doc__ = fn.__doc__
    return call


cached_search_text = _short_texts_cached(search_text, 1 << 13)
_cached_content_hash = _short_texts_cached(content_hash, 1 << 13)
_cached_normalise_content = _short_texts_cached(normalise_content, 1 << 13)


def cached_content_key(content: str | None) -> str:
    """``core.normalise.content_key``, each form cached (the form is read at each
    call, as ``content_key`` reads it)."""
    if _normalise.CONTENT_KEY_HASHED:
        return _cached_content_hash(content)
    return _cached_normalise_content(content)


def _reporter_own(reporter: str) -> str | None:
    """What a report keeps of its reporter beside the key (schema 0018): nothing when
    the key is the reporter as typed (``models.REPORTER_SQL``)."""
    return None if reporter == cached_reporter_key(reporter) else reporter


def _coder(codes: Mapping[str, int], *, empty: Any = "") -> Callable[[Any], Any]:
    """A vocabulary text as its code (``models.CHANNEL_CODES``, ...), else itself; a
    value that is not text as the text a TEXT column made of it before 0018 (the
    number 3 as "3", never the code 3). ``empty``: what an empty text (or None, which
    the writer passes as "") is kept as when the vocabulary has no code for it."""
    get = codes.get

    def code(text: Any) -> Any:
        if isinstance(text, str):
            return get(text, text) if text else get(text, empty)
        return str(text)

    return code


_DERIVE_FN: dict[str, Callable[[Any], Any]] = {
    "canonical_url": cached_canonical_url,
    "content_key": cached_content_key,  # normalise_content; its hash once switched on
    "reporter_key": cached_reporter_key,
    "handle_key": cached_handle_key,
    "reporter_own": _reporter_own,
    "channel_code": _coder(models.CHANNEL_CODES),
    # A response without an outcome is refused by NOT NULL (no outcome is empty).
    "outcome_code": _coder(models.OUTCOME_CODES, empty=None),
}
_IDENTITY_SOURCES = {"platform", "url", "post_ref"}
# Post columns the search index holds (normalised since migration 0006; the
# link only on 0006: 0007 searches links through post.identity_key instead).
_SEARCHED = {"content", "notes", "author_id"}
_SEARCHED_0006 = _SEARCHED | {"url"}
# An account's words in the index (its own from 0013, beside each post before).
_AUTHOR_WORDS = "caselog_search_text(coalesce(a.handle || ' ' || a.display_name, ''))"
# From 0013 the accounts have an index of their own (author_search) and a post's
# entry holds its text and notes only.
_SEARCHED_0013 = {"content", "notes"}
_INDEX_POSTS_0013 = (
    "INSERT INTO post_search (rowid, content, notes) "
    "SELECT p.id, caselog_search_text(p.content), caselog_search_text(p.notes) "
    "FROM post p WHERE p.id IN (SELECT value FROM json_each(?))"
)
_INDEX_AUTHORS = (
    "INSERT INTO author_search (rowid, author) "
    f"SELECT a.id, {_AUTHOR_WORDS} "
    "FROM author_account a WHERE a.id IN (SELECT value FROM json_each(?))"
)
_INDEX_POSTS = (
    "INSERT INTO post_search (rowid, content, author, notes) "
    "SELECT p.id, caselog_search_text(p.content), "
    f"{_AUTHOR_WORDS}, "
    "caselog_search_text(p.notes) "
    "FROM post p LEFT JOIN author_account a ON a.id = p.author_id "
    "WHERE p.id IN (SELECT value FROM json_each(?))"
)
_INDEX_POSTS_0006 = (
    "INSERT INTO post_search (rowid, content, url, author, notes) "
    "SELECT p.id, caselog_search_text(p.content), p.url, "
    f"{_AUTHOR_WORDS}, "
    "caselog_search_text(p.notes) "
    "FROM post p LEFT JOIN author_account a ON a.id = p.author_id "
    "WHERE p.id IN (SELECT value FROM json_each(?))"
)
_IN = "IN (SELECT value FROM json_each(?))"


def recompute_content_keys(raw: Any, derive: Callable[[str | None], str] = content_key) -> int:
    """Set every post's ``content_key`` to ``derive(content)`` where it differs (a
    derived column: ``updated_at`` is left alone); returns how many rows changed.
    Used by migrations when the key's form changes (0008, 0009)."""
    raw.create_function("caselog_content_key", 1, derive, deterministic=True)
    cursor = raw.execute(
        "UPDATE post SET content_key = caselog_content_key(content) "
        "WHERE content_key IS NOT caselog_content_key(content)"
    )
    return int(cursor.rowcount)


def case_ref_for(number: int) -> str:
    """A post's case reference is its local id (C-000012)."""
    return f"C-{number:06d}"


def post_identity_key(
    platform: str,
    canonical: str,
    post_ref: str,
    *,
    fallback: tuple[str, ...] = (),
) -> str:
    """Identity of a post (INDICATORS.md): URL, else reference, else the row itself.

    A post with neither URL nor reference is its own post; its key hashes the
    row's own fields so that importing the same row again finds it.
    """
    if canonical:
        return f"url:{platform}:{canonical}"
    if post_ref.strip():
        return f"ref:{platform}:{post_ref.strip()}"
    digest = hashlib.sha256("\x1f".join((platform, *fallback)).encode("utf-8")).hexdigest()
    return f"row:{platform}:{digest}"


# Columns an older store still has that today's models no longer do, which the
# writer fills as it did then (the tests of older schemas write to such stores):
# post.canonical_url before 0015 (derived from url), import_event_uid before 0016
# (the event's uid; import_event_id since),
# updated_at before 0017 (kept as an offset from created_at since), reporter,
# channel and outcome before 0018 (read through generated columns since).
_OLDER_COLUMNS = {
    "post": ("canonical_url", "import_event_uid", "updated_at"),
    "report": ("import_event_uid", "updated_at", "reporter", "channel"),
    "response": ("updated_at", "outcome"),
    "author_account": ("updated_at",),
}
# What a row that does not give them writes for the text columns that are
# generated from 0018 on, on a store before it, where they are stored columns with
# no default of their own (the models' default, as before 0018).
_OLDER_DEFAULTS: dict[str, dict[str, Any]] = {"report": {"reporter": "", "channel": ""}}
# From 0017 a case table keeps when a row last changed as updated_offset
# (updated_at - created_at) and reads updated_at through a generated column.
_OFFSET = "updated_offset"


class Layout(NamedTuple):
    """How a store's table differs from today's model: the older columns it still has
    (``kept``) and the model's columns it does not have yet (``missing``)."""

    kept: tuple[str, ...] = ()
    missing: frozenset[str] = frozenset()
    # Whether the table keeps updated_offset and makes updated_at from it (0017 on).
    offsets: bool = False


class _Table:
    """Column order, defaults and time columns of one table, for raw inserts."""

    def __init__(self, name: str) -> None:
        table = SQLModel.metadata.tables[name]
        self.name = name
        # The columns a row is written with: not the generated ones (schema 0015:
        # post.canonical_url), which SQLite computes and refuses to be given.
        self.columns = [c.name for c in table.columns if c.computed is None]
        self.computed = frozenset(c.name for c in table.columns if c.computed is not None)
        self.defaults: dict[str, Any] = {}
        for column in table.columns:
            default = column.default
            if default is not None and getattr(default, "is_scalar", False):
                self.defaults[column.name] = getattr(default, "arg", None)
            else:
                self.defaults[column.name] = None
        # Sources of derived columns that are generated now (0018): their model
        # default, which an older store's stored column is written with.
        self.older_defaults = _OLDER_DEFAULTS.get(name, {})
        self.defaults.update(self.older_defaults)
        self.times = [c.name for c in table.columns if type(c.type).__name__ == "UTCDateTime"]
        # Uid columns: 16 bytes in the store when canonical (store.uids, migration 0012).
        self.uids = frozenset(c.name for c in table.columns if type(c.type).__name__ == "UidText")
        # Always bound: NOT NULL columns without a default in the file's schema.
        # Nullable columns, and those migration 0005 gave a default, are bound only
        # when a row gives them (fewer parameters: a faster bulk insert).
        self.required = frozenset(
            c.name
            for c in table.columns
            if not c.nullable
            and c.computed is None
            and c.name not in ("retraction_reason", "retracted_with")
        )
        self._plans: dict[tuple[frozenset[str], Layout], tuple[str, Any]] = {}

    def plan(self, given: Iterable[str], layout: Layout | None = None) -> tuple[str, Any]:
        """The INSERT statement and a row -> parameters getter for these columns, as
        the store's table has them (``Writer.layout``: an older store's)."""
        layout = layout or Layout()
        key = (frozenset(given), layout)
        found = self._plans.get(key)
        if found is None:
            names = [
                c
                for c in self.columns
                if (c in key[0] or c in self.required) and c not in layout.missing
            ]
            names += [c for c in layout.kept if c in key[0] or c in self.older_defaults]
            marks = ", ".join("?" * len(names))
            sql = f"INSERT INTO {self.name} ({', '.join(names)}) VALUES ({marks})"
            found = self._plans[key] = (sql, itemgetter(*names))
        return found


_SET_OFFSET = {"updated_at": f"{_OFFSET} = ? - created_at"}

_TABLE_INFO: dict[str, _Table] = {}


def _info(table: str) -> _Table:
    if table not in _MODELS:
        raise ValueError(f"the writer does not write table {table!r}")
    info = _TABLE_INFO.get(table)
    if info is None:
        info = _TABLE_INFO[table] = _Table(table)
    return info


def _micros(value: Any) -> Any:
    return to_micros(value) if isinstance(value, datetime) else value


class Writer:
    """Writes case data through the DB-API inside the caller's transaction."""

    def __init__(self, bind: Connection | Session, *, actor: str | None = None) -> None:
        if isinstance(bind, Session):
            bind.flush()
            self.session: Session | None = bind
            conn = bind.connection()
        else:
            self.session = None
            conn = bind
        self.conn = conn
        raw = conn.connection.driver_connection
        assert raw is not None
        # The raw connection bypasses SQLAlchemy's mapping: another program holding
        # the write lock is the store's busy error here too, not a traceback.
        self.raw: Any = BusyMapped(raw)
        self.actor = actor if actor is not None else current_actor()
        self._next: dict[str, int] = {}
        self._layouts: dict[str, Layout] = {}
        self._event_ids: dict[str, int] = {}
        self._events: list[tuple[Any, ...]] = []
        self._chain: tuple[int, str] | None = None
        self._bulk_posts: list[int] | None = None
        self._search_mode: str | None = None
        self._index_sql = _INDEX_POSTS
        self._searched = _SEARCHED
        self._authors_apart = False

    # --- the search index ---------------------------------------------------------

    def search_mode(self) -> str:
        """ "writer": the index is kept here (schema 0006 on, normalised, contentless);
        "triggers": SQL triggers keep it (schema 0004-0005); "none": no index."""
        if self._search_mode is None:
            row = self.raw.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'post_search'"
            ).fetchone()
            if row is None:
                self._search_mode = "none"
            elif "contentless_delete" in str(row[0]):
                self._search_mode = "writer"
                self.raw.create_function(
                    "caselog_search_text", 1, cached_search_text, deterministic=True
                )
                words = re.findall(r"\w+", str(row[0]))
                if "url" in words:  # schema 0006
                    self._index_sql, self._searched = _INDEX_POSTS_0006, _SEARCHED_0006
                elif "author" not in words:  # schema 0013 on: the accounts apart
                    self._index_sql, self._searched = _INDEX_POSTS_0013, _SEARCHED_0013
                    self._authors_apart = True
            else:
                self._search_mode = "triggers"
        return self._search_mode

    def index_posts(self, post_ids: Iterable[int]) -> None:
        """(Re)index these posts' text and notes (and, before 0013, their author's words;
        on 0006 their link), normalised."""
        ids = sorted(set(post_ids))
        if not ids or self.search_mode() != "writer":
            return
        if self._bulk_posts is not None:
            self._bulk_posts.extend(ids)
            return
        self._write_index(ids, replace=True)

    def _write_index(self, ids: list[int], *, replace: bool) -> None:
        param = (json.dumps(ids),)
        if replace:
            self.raw.execute(f"DELETE FROM post_search WHERE rowid {_IN}", param)
        self.raw.execute(self._index_sql, param)

    def index_authors(self, author_ids: Iterable[int], *, new: bool = False) -> None:
        """(Re)index these accounts' handle and display name: in ``author_search``
        (schema 0013 on), or before it in the entries of every post of theirs.
        ``new``: the accounts were just inserted (nothing of theirs to replace)."""
        ids = sorted(set(author_ids))
        if not ids or self.search_mode() != "writer":
            return
        param = (json.dumps(ids),)
        if self._authors_apart:
            if not new:
                self.raw.execute(f"DELETE FROM author_search WHERE rowid {_IN}", param)
            self.raw.execute(_INDEX_AUTHORS, param)
        elif not new:  # a new account has no posts yet
            posts = self.raw.execute(f"SELECT id FROM post WHERE author_id {_IN}", param)
            self.index_posts(r[0] for r in posts)

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type: object, *_exc: object) -> None:
        if exc_type is None:
            self.flush()

    # --- ids and rows -------------------------------------------------------------

    def layout(self, table: str) -> Layout:
        """How this store's ``table`` differs from today's model (``Layout``): read
        once per writer from ``pragma_table_xinfo`` (a generated column is hidden)."""
        found = self._layouts.get(table)
        if found is None:
            rows = self.raw.execute(
                "SELECT name, hidden FROM pragma_table_xinfo(?)", (table,)
            ).fetchall()
            plain = {name for name, hidden in rows if not hidden}
            missing = frozenset(c for c in _info(table).columns if c not in plain)
            found = Layout(
                kept=tuple(c for c in _OLDER_COLUMNS.get(table, ()) if c in plain),
                missing=missing,
                offsets=_OFFSET in plain,
            )
            self._layouts[table] = found
        return found

    def import_event_id(self, uid: str | None) -> int | None:
        """The ``import_event`` id of the import or merge with this audit-event uid,
        its row made now if this is the first row it writes (schema 0016), inside
        the caller's transaction: a rolled-back import leaves none."""
        if not uid:
            return None
        found = self._event_ids.get(uid)
        if found is None:
            key = uid_to_db(uid)
            row = self.raw.execute("SELECT id FROM import_event WHERE uid = ?", (key,)).fetchone()
            if row is None:
                cursor = self.raw.execute("INSERT INTO import_event (uid) VALUES (?)", (key,))
                found = int(cursor.lastrowid)
            else:
                found = int(row[0])
            self._event_ids[uid] = found
        return found

    def next_id(self, table: str) -> int:
        value = self._next.get(table)
        if value is None:
            value = int(self.raw.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])
            value += 1
        self._next[table] = value + 1
        return value

    def insert(self, table: str, rows: Iterable[Mapping[str, Any]]) -> list[int]:
        """Insert full rows (see the module docstring); returns their local ids.

        The rows of one call should give the same columns (the first row decides
        which optional columns are written)."""
        info = _info(table)
        rows = list(rows)
        if not rows:
            return []
        layout = self.layout(table)
        # The rows name their import by its uid (import_event_uid); the store keeps
        # the id of its import_event row, or, before 0016, the uid itself.
        event = "import_event_uid" in rows[0] and table in IMPORTED_TABLES
        event_ids = event and "import_event_uid" not in layout.kept
        # The derived columns and the times the writer fills are always written.
        written = {*rows[0].keys(), *(t for t, _s in _DERIVED.get(table, ())), "updated_at"}
        if event_ids:
            written.add("import_event_id")
        offsets = layout.offsets
        if offsets:
            written.add(_OFFSET)
        sql, getter = info.plan(written, layout)
        defaults = info.defaults
        times = tuple(info.times & rows[0].keys())
        uid_columns = tuple((info.uids & rows[0].keys()) - {"uid"})
        derived = [
            (target, source, _DERIVE_FN[target]) for target, source in _DERIVED.get(table, ())
        ]
        now = to_micros(now_utc())
        is_post = table == "post"
        next_id = self._next.get(table)
        if next_id is None:
            next_id = self.next_id(table)
        ids: list[int] = []
        batch: list[tuple[Any, ...]] = []
        for given in rows:
            row = {**defaults, **given}
            row_id = row["id"]
            if row_id is None:
                row["id"] = row_id = next_id
                next_id += 1
            elif row_id >= next_id:
                next_id = row_id + 1
            row["uid"] = uid_to_db(row["uid"] or new_uid())
            for name in uid_columns:
                row[name] = uid_to_db(row[name])
            if event:
                if event_ids:
                    row["import_event_id"] = self.import_event_id(row["import_event_uid"])
                elif row["import_event_uid"]:
                    row["import_event_uid"] = uid_to_db(row["import_event_uid"])
            if row["created_at"] is None:
                row["created_at"] = now
            if row["updated_at"] is None:
                row["updated_at"] = now
            for name in times:
                value = row[name]
                if value is not None and not isinstance(value, int):
                    row[name] = to_micros(value)
            if offsets:
                row[_OFFSET] = _micros(row["updated_at"]) - _micros(row["created_at"])
            for target, source, derive in derived:
                row[target] = derive(row[source] or "")
            if is_post:
                row["case_ref"] = case_ref_for(row_id)
                if not row["identity_key"]:
                    row["identity_key"] = post_identity_key(
                        row["platform"],
                        row["canonical_url"],
                        row["post_ref"],
                        fallback=(row["content"], str(row["created_at"])),
                    )
            ids.append(row_id)
            batch.append(getter(row))
        self._next[table] = next_id
        self.raw.executemany(sql, batch)
        if is_post:
            if self._bulk_posts is not None:
                self._bulk_posts.extend(ids)
            elif self.search_mode() == "writer":
                self._write_index(ids, replace=False)
        elif table == "author_account":
            self.index_authors(ids, new=True)
        return ids

    def update(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        """Change columns of existing rows, each ``{"id": local_id, column: value}``."""
        info = _info(table)
        layout = self.layout(table)
        kept, offsets = layout.kept, layout.offsets
        known = set(info.columns) | set(kept) | {"updated_at"}
        derived = [
            (t, s) for t, s in _DERIVED.get(table, ()) if t in known and t not in layout.missing
        ]
        now = to_micros(now_utc())
        groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        reindex: list[int] = []
        authors: list[int] = []
        for given in rows:
            row = dict(given)
            row_id = row.pop("id")
            if table == "post" and _SEARCHED_0006 & row.keys():
                if self.search_mode() == "writer" and self._searched & row.keys():
                    reindex.append(row_id)
            elif table == "author_account" and {"handle", "display_name"} & row.keys():
                authors.append(row_id)
            for target, source in derived:  # before the generated sources go
                if source in row:
                    row[target] = _DERIVE_FN[target](row[source] or "")
                else:
                    row.pop(target, None)
            for name in (info.computed - {"updated_at"}).difference(kept).intersection(row):
                del row[name]  # a generated column: derived by SQLite, as one of ours
            row.pop(_OFFSET, None)  # the writer's own, from updated_at
            unknown = set(row) - known
            if unknown:
                raise ValueError(f"{table} has no column {sorted(unknown)[0]!r}")
            row.setdefault("updated_at", now)
            if table == "post" and "identity_key" not in row and _IDENTITY_SOURCES & set(row):
                current = self.raw.execute(
                    "SELECT platform, url, post_ref, content, created_at, identity_key "
                    "FROM post WHERE id = ?",
                    (row_id,),
                ).fetchone()
                platform = row.get("platform", current[0])
                url = row.get("url", current[1])
                post_ref = row.get("post_ref", current[2])
                row["identity_key"] = post_identity_key(
                    platform,
                    canonical_url(url or ""),
                    post_ref or "",
                    fallback=(row.get("content", current[3]), str(current[4])),
                )
                if not canonical_url(url or "") and not (post_ref or "").strip():
                    row["identity_key"] = current[5]  # a row-keyed post keeps its key
            row.pop("case_ref", None)
            for name in info.uids & row.keys():
                row[name] = uid_to_db(row[name])
            if offsets and "created_at" in row:  # both given: the offset between them
                row[_OFFSET] = _micros(row.pop("updated_at")) - _micros(row["created_at"])
            names = tuple(sorted(row))
            groups.setdefault(names, []).append((*(_micros(row[n]) for n in names), row_id))
        # From 0017, "updated_at = ?" is written as the offset from the row's created_at.
        setting = _SET_OFFSET if offsets else {}
        for names, batch in groups.items():
            sets = ", ".join(setting.get(n, f"{n} = ?") for n in names)
            sql = f"UPDATE {table} SET {sets} WHERE id = ?"
            self.raw.executemany(sql, batch)
        if reindex:
            self.index_posts(reindex)
        if authors:
            self.index_authors(authors)

    def insert_blobs(self, blobs: Mapping[str, bytes]) -> int:
        """Keep attachment bytes once per SHA-256; returns how many were new."""
        if not blobs:
            return 0
        have = {
            row[0]
            for row in self.raw.execute(
                f"SELECT sha256 FROM blob WHERE sha256 {_IN}", (json.dumps(sorted(blobs)),)
            )
        }
        new = [(sha, len(data), data) for sha, data in sorted(blobs.items()) if sha not in have]
        for sha, _size, data in new:
            if hashlib.sha256(data).hexdigest() != sha:
                raise ValueError(f"blob {sha} does not hash to its name")
        if new:
            self.raw.executemany("INSERT INTO blob (sha256, size, data) VALUES (?, ?, ?)", new)
        return len(new)

    # --- derived tables ---------------------------------------------------------

    def refresh_summaries(self, report_ids: Iterable[int], *, touch: bool = True) -> None:
        """Recompute first/final response of these reports from their responses
        (retracted responses do not count), in one statement."""
        ids = sorted(set(report_ids))
        if not ids:
            return
        finals = ", ".join(f"'{o.value}'" for o in sorted(FINAL_OUTCOMES))
        live = "s.report_id = report.id AND s.retracted_at IS NULL"
        final = (
            f"(SELECT {{col}} FROM response s WHERE {live} "
            f"AND s.outcome IN ({finals}) ORDER BY s.received_at, s.id LIMIT 1)"
        )
        touched = ""
        if touch:
            offsets = self.layout("report").offsets  # schema 0017 on
            touched = ", " + (_SET_OFFSET["updated_at"] if offsets else "updated_at = ?")
        params: list[Any] = [to_micros(now_utc())] if touch else []
        self.raw.execute(
            "UPDATE report SET "
            f"first_response_at = (SELECT min(received_at) FROM response s WHERE {live}), "
            f"final_response_at = {final.format(col='received_at')}, "
            f"final_outcome = {final.format(col='outcome')}{touched} "
            f"WHERE id {_IN}",
            (*params, json.dumps(ids)),
        )

    @contextmanager
    def bulk_search(self) -> Iterator[None]:
        """Index the posts inserted or changed inside the block in one statement at
        its end (instead of one per row)."""
        if self._bulk_posts is not None:
            yield
            return
        mode = self.search_mode()
        if mode == "triggers":
            self.raw.execute(
                "INSERT OR REPLACE INTO setting (key, value) VALUES ('search.bulk_insert', '1')"
            )
        self._bulk_posts = []
        try:
            yield
            pending = sorted(set(self._bulk_posts))
            self._bulk_posts = None
            if pending and mode == "writer":
                self._write_index(pending, replace=True)
            elif pending and mode == "triggers":
                self.raw.execute(
                    "INSERT INTO post_search (rowid, content, url, author, notes) "
                    "SELECT p.id, p.content, p.url, "
                    "coalesce(a.handle || ' ' || a.display_name, ''), p.notes "
                    "FROM post p LEFT JOIN author_account a ON a.id = p.author_id "
                    f"WHERE p.id {_IN} AND NOT EXISTS "
                    "(SELECT 1 FROM post_search s WHERE s.rowid = p.id)",
                    (json.dumps(pending),),
                )
        finally:
            self._bulk_posts = None
            if mode == "triggers":
                self.raw.execute("DELETE FROM setting WHERE key = 'search.bulk_insert'")

    # --- the audit chain --------------------------------------------------------

    def audit(
        self,
        action: str,
        *,
        entity: str = "",
        entity_uid: str = "",
        detail: Mapping[str, Any] | None = None,
        actor: str | None = None,
        uid: str | None = None,
        at: datetime | None = None,
    ) -> str:
        """Add one event to the chain (written at ``flush``); returns its uid."""
        if self._chain is None:
            last = self.raw.execute(
                "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1"
            ).fetchone()
            self._chain = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
        next_id, prev = self._chain
        event = AuditEvent(
            id=next_id,
            uid=uid or new_uid(),
            at=at or now_utc(),
            actor=self.actor if actor is None else actor,
            action=str(action),
            entity=entity,
            entity_uid=entity_uid,
            detail=json.dumps(dict(detail or {}), sort_keys=True, ensure_ascii=False),
            prev_hash=prev,
            hash="",
        )
        event.hash = compute_hash(prev, event_payload(event))
        self._events.append(
            (
                event.id,
                uid_to_db(event.uid),
                to_micros(event.at),
                event.actor,
                event.action,
                event.entity,
                uid_to_db(event.entity_uid),
                event.detail,
                event.prev_hash,
                event.hash,
            )
        )
        self._chain = (next_id + 1, event.hash)
        return event.uid

    def flush(self) -> None:
        """Write the buffered audit events."""
        if self._events:
            self.raw.executemany(
                "INSERT INTO audit_event (id, uid, at, actor, action, entity, entity_uid, "
                "detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                self._events,
            )
            self._events = []
        self._chain = None


def values_changed(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The subset of ``changes`` that differs from ``current``."""
    return {k: v for k, v in changes.items() if current.get(k) != v}


__all__: Sequence[str] = (
    "TABLES",
    "Writer",
    "cached_canonical_url",
    "cached_handle_key",
    "cached_reporter_key",
    "cached_search_text",
    "case_ref_for",
    "post_identity_key",
    "recompute_content_keys",
    "values_changed",
)
