"""Opening, creating and re-keying the encrypted store (SQLCipher 4 via sqlcipher3).

A store is one SQLCipher file. Everything in it, attachments included, is
encrypted; the WAL is encrypted too, and temporary tables stay in memory so no
plaintext reaches the disk.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlcipher3

# SQLAlchemy and SQLModel (with pydantic) are imported where an engine or a session
# is made, not by importing this module: a window that only shows its unlock page,
# or a command that never opens a store, does not pay for them (issue 15).
if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine
    from sqlalchemy.engine import ExceptionContext
    from sqlmodel import Session

from desktop_app.core.errors import (
    AppError,
    BadInputError,
    StoreBusyError,
    StoreExistsError,
    StoreLockedError,
    StoreNotFoundError,
)
from desktop_app.store.copies import (
    MigrationCopies,
    erase_migration_copies,
    migration_copies,
)

MIGRATIONS = Path(__file__).with_name("migrations")
# 64 MiB page cache: aggregate queries over encrypted pages then decrypt each page
# once instead of on every visit (the SQLCipher performance advice).
CACHE_KIB = 65536
# A second writer (a CLI import while the window saves) waits this long for the
# write lock, then gets a plain StoreBusyError instead of "database is locked".
BUSY_TIMEOUT_MS = 5000
BUSY_MESSAGE = (
    "the store is busy with another task (an import?); nothing was written, try again in a moment"
)


def _as_is(value: Any) -> Any:
    return value


def _bind_bytes_and_none_directly() -> None:
    """Adapters that give ``bytes`` and ``None`` back unchanged (and ``bool`` as the
    integer it is bound as anyway), for every connection of this process (a global
    setting of the driver, like the log level below).

    The driver binds ``int``, ``float`` and ``str`` at once, but first looks for an
    adapter for any other type: for ``bytes``, ``None`` and ``bool`` the search finds none,
    after asking the protocol and the value for one, each a failed attribute lookup
    that makes and drops an exception. That cost about 1.7 µs a parameter, against
    0.1 µs once an adapter is found (10 parameters a row, 200,000 rows: 19.4 against
    3.0 µs a row for 16-byte uids, 17.5 against 1.8 µs for NULLs). The store binds
    its uids as 16 bytes (schema 0012) and many empty columns as NULL. What is bound
    is the same value either way."""
    sqlcipher3.register_adapter(bytes, bytes)  # bytes(b) is b itself for exact bytes
    sqlcipher3.register_adapter(type(None), _as_is)
    sqlcipher3.register_adapter(bool, int)  # True binds 1, False 0, as without it


_bind_bytes_and_none_directly()


def _quiet_sqlcipher() -> None:
    """SQLCipher logs decryption failures to stderr; a wrong passphrase is reported
    to the user once, by us, so its own log lines are turned off (a global setting)."""
    conn = sqlcipher3.connect(":memory:")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.close()


_quiet_sqlcipher()


# The newest schema revision. Opening a store compares against this constant so the
# common case (nothing to migrate) never loads Alembic; a test checks that it
# matches the newest file in migrations/versions.
SCHEMA_HEAD = "0018"


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest revision according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _on_connect(dbapi_connection: Any, _record: Any = None) -> None:
    cursor = dbapi_connection.cursor()
    # Fails with "file is not a database" when the passphrase is wrong.
    cursor.execute("SELECT count(*) FROM sqlite_master")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cursor.execute("PRAGMA temp_store = MEMORY")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()


class RawConnection(sqlcipher3.Connection):  # type: ignore[misc]
    """A DB-API connection to the store (a subclass only so a Store can hold it weakly)."""


def _alive(conn: Any) -> bool:
    try:
        conn.in_transaction  # noqa: B018  (raises once the connection is closed)
    except sqlcipher3.ProgrammingError:
        return False
    return True


def _new_connection(path: Path, key: KeyHolder) -> RawConnection:
    """A keyed connection with the store's pragmas; StoreLockedError once locked.

    Keyed with the store's raw key (``KeyHolder.raw_key``: derived once per store,
    not once per connection); with the passphrase when there is no raw key yet (a
    store being created) or the raw key does not open the file (a store made with
    other key-derivation settings, a file replaced under the same path).
    """
    raw = key.raw_key(path)  # StoreLockedError once the store was closed
    if raw is not None:
        try:
            return _keyed(path, '"' + raw + '"')
        except sqlcipher3.DatabaseError:
            key.forget_raw_key()
    return _keyed(path, _sql_literal(key.get()))


def _keyed(path: Path, key_literal: str) -> RawConnection:
    """A connection keyed with ``key_literal``, the store's pragmas set; closed again
    when the key does not open the file (sqlcipher3.DatabaseError)."""
    conn = sqlcipher3.connect(
        str(path),
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,
        factory=RawConnection,
    )
    try:
        conn.execute("PRAGMA key = " + key_literal)
        _on_connect(conn)
    except BaseException:
        conn.close()
        raise
    return conn  # type: ignore[no-any-return]


# SQLCipher 4's default key derivation (the store never changes it): PBKDF2-HMAC-
# SHA512 of the passphrase, 256,000 rounds, salted with the file's first 16 bytes,
# giving a 256-bit key. Derived here once, the key opens every later connection as
# a raw key (``PRAGMA key = "x'...'"``), which SQLCipher uses without deriving again:
# each thread's connection, the case list's own, a worker's, cost 0.3 s of CPU each
# before (issue 15). The first connection is keyed with the passphrase: SQLCipher's
# own derivation is faster than hashlib's here (0.12-0.16 s against 0.17-0.20 s),
# and the unlock waits for it; the second derives the raw key.
_KDF = ("sha512", 256_000, 32)
_SALT_BYTES = 16


class KeyHolder:
    """The passphrase of one open store, held only until the store is closed, and
    the raw key derived from it.

    Every new connection asks it for a key; after ``clear()`` (locking) it refuses,
    so nothing left holding the engine can reconnect to the store.
    """

    def __init__(self, passphrase: str) -> None:
        self._passphrase: str | None = passphrase
        self._raw: tuple[bytes, str] | None = None  # (salt, "x'<hex key>'")
        self._first = True  # no connection keyed yet
        self._lock = threading.Lock()
        self.derivations = 0  # how many times the raw key was derived (tests)

    def get(self) -> str:
        if self._passphrase is None:
            raise StoreLockedError("the store is locked: unlock it again to go on")
        return self._passphrase

    def raw_key(self, path: Path) -> str | None:
        """The raw key literal for the file at ``path`` (``x'<hex>'``), derived on first
        use and again only if the file's salt changed; None when the file has no salt
        yet (a new store) or when no connection was keyed yet (the first one, with the
        passphrase: SQLCipher derives faster)."""
        passphrase = self.get()
        if self._first:
            self._first = False
            return None
        try:
            with path.open("rb") as handle:
                salt = handle.read(_SALT_BYTES)
        except OSError:
            return None
        if len(salt) < _SALT_BYTES:
            return None
        with self._lock:  # two threads connecting at once derive it once
            held = self._raw
            if held is not None and held[0] == salt:
                return held[1]
            import hashlib

            name, rounds, size = _KDF
            derived = hashlib.pbkdf2_hmac(name, passphrase.encode("utf-8"), salt, rounds, size)
            self.derivations += 1
            literal = "x'" + derived.hex() + "'"
            if self._passphrase != passphrase:  # locked or re-keyed meanwhile
                return None
            self._raw = (salt, literal)
            return literal

    def forget_raw_key(self) -> None:
        self._raw = None

    def set(self, passphrase: str) -> None:
        self._passphrase = passphrase
        self._raw = None

    def clear(self) -> None:
        self._passphrase = None
        self._raw = None

    @property
    def cleared(self) -> bool:
        return self._passphrase is None


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def busy_error(exc: BaseException) -> StoreBusyError | None:
    """SQLite's "database is locked" (after the busy timeout) as a plain error, for a
    DB-API call made outside SQLAlchemy (the writer's raw connection); else None."""
    if isinstance(exc, sqlcipher3.OperationalError) and (
        "database is locked" in str(exc) or "database is busy" in str(exc)
    ):
        return StoreBusyError(BUSY_MESSAGE)
    return None


def _busy_mapped(run: Callable[[str, Any], Any], sql: str, parameters: Any) -> Any:
    """``run(sql, parameters)``, another program's write lock raised as StoreBusyError."""
    try:
        return run(sql, parameters)
    except sqlcipher3.OperationalError as exc:
        busy = busy_error(exc)
        if busy is None:
            raise
        raise busy from None


class BusyMapped:
    """A DB-API connection whose ``execute`` and ``executemany`` turn SQLite's
    "database is locked" into ``StoreBusyError``: what SQLAlchemy's ``handle_error``
    does for its own statements, for the ones run on the raw connection (the writer's,
    a correction's). Anything else is the connection's own."""

    __slots__ = ("connection",)

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def execute(self, sql: str, parameters: Any = ()) -> Any:
        return _busy_mapped(self.connection.execute, sql, parameters)

    def executemany(self, sql: str, parameters: Any) -> Any:
        return _busy_mapped(self.connection.executemany, sql, parameters)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.connection, name)


def _busy_error(context: ExceptionContext) -> BaseException | None:
    """Turn SQLite's "database is locked" (after the busy timeout) into a plain error."""
    return busy_error(context.original_exception)


def _make_engine(path: Path, creator: Any) -> Engine:
    from sqlalchemy import URL, create_engine, event
    from sqlalchemy.pool import SingletonThreadPool

    # The same pool as the pysqlcipher dialect (one connection per thread), but the
    # passphrase lives in the key holder, not in the URL where the engine keeps it,
    # and a thread shares its connection with ``Store.raw()``.
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        module=sqlcipher3,
        creator=creator,
        poolclass=SingletonThreadPool,
    )
    event.listen(engine, "handle_error", _busy_error)
    return engine


def _check_passphrase(passphrase: str | None) -> str:
    if not passphrase:
        raise StoreLockedError(
            "no passphrase given: use --passphrase-file, $CASELOG_PASSPHRASE or type it"
        )
    return passphrase


class Store:
    """An unlocked store. Close it to drop the key from memory.

    Two ways in, over the same per-thread connection: ``raw()``, the DB-API
    connection itself (what the first screen, ``stats`` and the case list need;
    SQLAlchemy is not imported), and ``engine`` / ``session()``, made on first use.
    """

    def __init__(self, path: Path, key: KeyHolder) -> None:
        self.path = path
        self.key = key
        self._engine: Engine | None = None
        self._local = threading.local()
        self._connections: weakref.WeakSet[RawConnection] = weakref.WeakSet()
        self._lock = threading.Lock()

    @property
    def closed(self) -> bool:
        return self.key.cleared

    def _check_open(self) -> None:
        if self.key.cleared:
            raise StoreLockedError("the store is locked: unlock it again to go on")

    def raw(self) -> RawConnection:
        """This thread's DB-API connection, made (and keyed) on first use.

        The engine's pool hands the same connection to SQLAlchemy in this thread,
        so the key is derived once per thread. Do not close it: ``close()`` does.
        """
        self._check_open()
        conn: RawConnection | None = getattr(self._local, "conn", None)
        if conn is not None and _alive(conn):
            return conn
        conn = self.connect()
        self._local.conn = conn
        return conn

    def connect(self) -> RawConnection:
        """A new keyed connection of the caller's own, not tied to a thread (the case
        list builds on one off the window's thread, then hands it over). The store
        closes it when it closes or releases; the caller may close it sooner."""
        self._check_open()
        conn = _new_connection(self.path, self.key)
        with self._lock:
            # A lock (close) that came while the key was being derived has already
            # closed every connection it knew of: this one must not outlive it.
            if self.key.cleared:
                conn.close()
                raise StoreLockedError("the store is locked: unlock it again to go on")
            self._connections.add(conn)
        return conn

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (SQLAlchemy is imported here, on first use)."""
        if self._engine is None:
            self._check_open()
            self._engine = _make_engine(self.path, self.raw)
        return self._engine

    def session(self) -> Session:
        from sqlmodel import Session

        self._check_open()
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction per user action: commit on success, roll back on error."""
        with self.session() as session, session.begin():
            yield session

    def release(self) -> None:
        """Close every connection (they reconnect on next use while unlocked)."""
        if self._engine is not None:
            self._engine.dispose()
        with self._lock:
            connections = list(self._connections)
            self._connections = weakref.WeakSet()
        for conn in connections:
            try:
                conn.close()
            except sqlcipher3.Error:  # pragma: no cover - already closed elsewhere
                pass
        self._local = threading.local()

    def close(self) -> None:
        """Forget the passphrase, then close every connection.

        Afterwards any use of this Store (or of its engine) raises StoreLockedError.
        """
        self.key.clear()
        self.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _unlock(path: Path, key: KeyHolder) -> Store:
    store = Store(path, key)
    try:
        store.raw()
    except sqlcipher3.DatabaseError as exc:
        store.close()
        if "not a database" in str(exc) or type(exc) is sqlcipher3.DatabaseError:
            raise StoreLockedError(
                f"cannot unlock {path}: wrong passphrase, or not a Caselog store"
            ) from None
        raise AppError(f"cannot open {path}: {exc}") from None
    return store


def current_revision(store: Store | Engine) -> str | None:
    """The store's schema revision (Alembic's version table), None for an empty file."""
    if isinstance(store, Store):
        conn: Any = store.raw()
        rows = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchall()
        if not rows:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    with store.connect() as sa_conn:
        has_table = sa_conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if not has_table:
            return None
        found = sa_conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return None if found is None else str(found[0])


def migrate(store: Store, target: str = "head") -> str | None:
    """Bring the schema up to ``target``; copy the file aside first if it had data.

    Returns the path of the copy, or None when nothing was migrated. The copy stays
    beside the store until a purge or a passphrase change erases it
    (``erase_migration_copies``): it holds what a purge erases and opens with the
    passphrase of today. The MIGRATE event names it (``backup``): that record is what
    makes it this store's copy to erase.
    """
    before = current_revision(store)
    wanted = SCHEMA_HEAD if target == "head" else target
    if before == wanted:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    known = {
        rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()
    }
    if before is not None and before not in known:
        raise BadInputError(
            f"{store.path} was made by a newer version of Caselog (schema {before}); "
            "update Caselog to open it"
        )
    backup: str | None = None
    if before is not None:
        store.raw().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        from desktop_app.core.timeutil import now_utc  # zoneinfo: not for every open

        stamp = now_utc().strftime("%Y%m%dT%H%M%SZ")
        copy = store.path.with_name(f"{store.path.name}.before-{wanted}-{stamp}.bak")
        import logging  # here, not at the top: logging (with traceback and tokenize) and
        import shutil  # shutil (bz2, lzma) cost every CLI command 12 ms (issue 15)

        shutil.copy2(store.path, copy)
        backup = str(copy)
        logging.getLogger(__name__).info(
            "store copied aside before migration %s -> %s", before, wanted
        )
    cfg = _alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, wanted)
    if before is not None:
        from desktop_app.core.enums import AuditAction
        from desktop_app.store.audit import append_event

        with store.transaction() as session:
            append_event(
                session,
                AuditAction.MIGRATE,
                entity="store",
                detail={"from": before, "to": wanted, "backup": Path(backup or "").name},
            )
    return backup


def open_store(path: str | Path, passphrase: str | None, *, upgrade: bool = True) -> Store:
    """Unlock an existing store, migrating it to the current schema."""
    path = Path(path)
    if not path.exists():
        raise StoreNotFoundError(
            f"no store at {path}: create one with 'caselog-cli init' or give --db"
        )
    key = KeyHolder(_check_passphrase(passphrase))
    store = _unlock(path, key)
    if current_revision(store) is None:
        store.close()
        raise BadInputError(f"{path} is not a Caselog store (no schema version)")
    if upgrade:
        migrate(store)
        _ensure_keys(store)
    return store


def _ensure_keys(store: Store) -> None:
    """Stores made before keys existed get them on their first unlock."""
    (count,) = store.raw().execute("SELECT count(*) FROM org_key").fetchone()
    if count and count >= 2:
        return
    from desktop_app.store.keys import ensure_keys

    with store.transaction() as session:
        ensure_keys(session)


def create_store(
    path: str | Path,
    passphrase: str | None,
    *,
    organisation: str = "",
    timezone: str = "UTC",
    target: str = "head",
) -> Store:
    """Create a new encrypted store; refuses to touch an existing file."""
    from desktop_app.store import repository

    path = Path(path)
    if path.exists():
        raise StoreExistsError(f"{path} already exists: choose another path or open it")
    passphrase = _check_passphrase(passphrase)
    from desktop_app.core.timeutil import zone

    zone(timezone)  # a clear error before any file is made
    path.parent.mkdir(parents=True, exist_ok=True)
    key = KeyHolder(passphrase)
    store = Store(path, key)
    try:
        migrate(store, target)
        with store.transaction() as session:
            repository.create_organisation(session, name=organisation, timezone=timezone)
            if target == "head":
                from desktop_app.store.keys import ensure_keys

                ensure_keys(session)
    except BaseException:
        store.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return store


class Rekeyed(NamedTuple):
    """What ``rekey`` did once the passphrase was changed: the copies erased or left,
    and, when the custody event of the change could not be written, why (the
    passphrase IS changed all the same: the person must be told)."""

    copies: MigrationCopies
    unrecorded: AppError | None = None


UNRECORDED_BUSY = "another task or program held the store's write lock"


def rekey(store: Store, new_passphrase: str) -> Rekeyed:
    """Re-encrypt the whole store under a new passphrase (SQLCipher ``PRAGMA rekey``).

    Every other connection to the store must be closed first (the window releases
    its own); pooled ones are closed here. Then the copies migrate() kept are erased
    (they open with the old passphrase); the custody event names them. Backups the
    person made are theirs and are not touched.

    Raises (and the old passphrase still works) only while the change can still
    fail. After it, a custody event that cannot be written (another program holds
    the write lock) is returned in ``unrecorded``, never raised: the new passphrase
    is the one that opens the store, and the caller must say so.
    """
    new_passphrase = _check_passphrase(new_passphrase)
    old_passphrase = store.key.get()
    recorded = migration_copies(store.raw(), store.path)
    store.release()
    conn = sqlcipher3.connect(str(store.path))
    try:
        conn.execute("PRAGMA key = '" + str(old_passphrase).replace("'", "''") + "'")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # SQLCipher re-encrypts page by page; do it outside WAL so no page is left
        # behind under the old key, then go back to WAL.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        conn.execute("PRAGMA rekey = '" + new_passphrase.replace("'", "''") + "'")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
    except sqlcipher3.Error as exc:
        raise AppError(
            f"could not change the passphrase of {store.path}: {exc}; the old one still works"
        ) from None
    finally:
        conn.close()
    # Connections made from now on must use the new passphrase.
    store.key.set(new_passphrase)
    store.release()
    from desktop_app.core.enums import AuditAction
    from desktop_app.store.audit import append_event

    copies = erase_migration_copies(store.path, recorded)
    try:
        with store.transaction() as session:
            append_event(session, AuditAction.REKEY, entity="store", detail=copies.audit_detail())
    except Exception as exc:  # noqa: BLE001 - the passphrase is changed whatever failed
        why: AppError
        if isinstance(exc, StoreBusyError) or busy_error(exc) is not None:
            why = StoreBusyError(UNRECORDED_BUSY)
        elif isinstance(exc, AppError):
            why = exc
        else:
            why = AppError(str(getattr(exc, "orig", None) or exc))
        import logging

        logging.getLogger(__name__).info("passphrase changed; its custody event not written")
        return Rekeyed(copies, why)
    return Rekeyed(copies)
