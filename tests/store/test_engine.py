"""The encrypted store: unlock, refuse, leak nothing, re-key, migrate."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop_app.core.errors import StoreExistsError, StoreLockedError, StoreNotFoundError
from desktop_app.store import repository as repo
from desktop_app.store.engine import (
    create_store,
    current_revision,
    head_revision,
    migrate,
    open_store,
    rekey,
)
from desktop_app.store.models import Attachment, AuditEvent, Post
from tests.conftest import PASSPHRASE

SECRET = "ယုံကြည်စိတ်ချ secret-marker-7f3a"


def _add_case(store, content: str = SECRET) -> None:  # type: ignore[no-untyped-def]
    with store.transaction() as session:
        account = repo.get_or_create_account(session, platform="facebook", handle="@marker_author")
        post = repo.add_post(
            session,
            repo.PostFields(platform="facebook", url="https://facebook.com/p/1", content=content),
            account,
        )
        report = repo.add_report(session, post, reported_at=datetime(2024, 1, 1, tzinfo=UTC))
        repo.add_response(
            session, report, received_at=datetime(2024, 1, 2, tzinfo=UTC), outcome="removed"
        )
        repo.add_attachment(
            session, b"PNG-bytes " + SECRET.encode(), original_name="shot.png", post=post
        )


def _add_old_case(store) -> None:  # type: ignore[no-untyped-def]
    """A case written as the first schema (0001) had it: raw SQL, not today's models."""
    t = 1_704_067_200_000_000  # 2024-01-01 UTC in microseconds
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO post (uid, created_at, updated_at, id, case_ref, platform, url,"
                " canonical_url, post_ref, identity_key, category, language, content,"
                " content_key, notes) VALUES ('p-1', :t, :t, 1, 'C-000001', 'facebook',"
                " 'https://facebook.com/p/1', 'https://facebook.com/p/1', '', 'k1', '', '',"
                " :content, '', '')"
            ),
            {"t": t, "content": SECRET},
        )
        conn.execute(
            text("INSERT INTO blob (sha256, size, data) VALUES (:h, 3, :d)"),
            {"h": "a" * 64, "d": b"PNG"},
        )
        conn.execute(
            text(
                "INSERT INTO attachment (uid, created_at, updated_at, id, post_id, sha256,"
                " size, media_type, original_name, captured_at, captured_by, note)"
                " VALUES ('a-1', :t, :t, 1, 1, :h, 3, 'image/png', 'shot.png', :t, '', '')"
            ),
            {"t": t, "h": "a" * 64},
        )


def test_reopen_with_the_passphrase_finds_the_data(store, store_path: Path) -> None:
    _add_case(store)
    store.close()
    with open_store(store_path, PASSPHRASE) as again, again.session() as session:
        post = session.scalars(select(Post)).one()
        assert post.content == SECRET
        assert post.case_ref == "C-000001"


def test_wrong_passphrase_is_refused(store, store_path: Path) -> None:
    store.close()
    with pytest.raises(StoreLockedError, match="wrong passphrase"):
        open_store(store_path, "not it")
    with pytest.raises(StoreLockedError, match="no passphrase"):
        open_store(store_path, "")


def test_missing_and_existing_files(tmp_path: Path, store, store_path: Path) -> None:
    with pytest.raises(StoreNotFoundError):
        open_store(tmp_path / "nope.db", PASSPHRASE)
    with pytest.raises(StoreExistsError):
        create_store(store_path, PASSPHRASE)


def test_no_plaintext_on_disk_and_plain_sqlite_cannot_read(store, store_path: Path) -> None:
    _add_case(store)
    # Look at the files while the store is open (WAL present) and after closing.
    files = [p for p in store_path.parent.iterdir() if p.name.startswith(store_path.name)]
    assert any(p.name.endswith("-wal") for p in files)
    for path in files:
        data = path.read_bytes()
        for needle in (SECRET.encode(), b"marker_author", b"facebook.com/p/1", b"SQLite format 3"):
            assert needle not in data, f"{needle!r} readable in {path.name}"
    store.close()
    assert SECRET.encode() not in store_path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store_path).execute("SELECT * FROM sqlite_master").fetchall()


def test_rekey_changes_the_passphrase(store, store_path: Path) -> None:
    _add_case(store)
    rekey(store, "new passphrase ၁၂၃")
    store.close()
    with pytest.raises(StoreLockedError):
        open_store(store_path, PASSPHRASE)
    with open_store(store_path, "new passphrase ၁၂၃") as again, again.session() as session:
        assert session.scalars(select(Post.content)).one() == SECRET
        actions = session.scalars(select(AuditEvent.action)).all()
        assert actions[-1] == "rekey"


def test_pragmas_are_set(store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() <= -65536
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


def test_store_made_by_the_first_version_upgrades_with_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = create_store(path, PASSPHRASE, organisation="Old", target="0001")
    _add_old_case(old)
    assert current_revision(old.engine) == "0001"
    old.close()
    if head_revision() == "0001":
        pytest.skip("only one schema version exists so far")
    upgraded = open_store(path, PASSPHRASE)
    try:
        assert current_revision(upgraded.engine) == head_revision()
        with upgraded.session() as session:
            assert session.scalars(select(Post.content)).one() == SECRET
            # What 0001 called captured_at was the moment of attaching (migration 0005).
            shot = session.scalars(select(Attachment)).one()
            assert shot.attached_at == datetime(2024, 1, 1, tzinfo=UTC)
            assert shot.captured_at is None and shot.retracted_at is None
            events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
            # The upgrade is audited, and the keys an older store lacked are made once.
            assert [e.action for e in events[-3:]] == ["migrate", "create", "create"]
            assert [e.entity for e in events[-2:]] == ["signing_key", "age_identity"]
        copies = list(tmp_path.glob("old.db.before-*.bak"))
        assert len(copies) == 1
        # The copy is the old store, still encrypted, still at the old version.
        with open_store(copies[0], PASSPHRASE, upgrade=False) as copy:
            assert current_revision(copy.engine) == "0001"
        assert migrate(upgraded) is None  # nothing left to do
    finally:
        upgraded.close()


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    from desktop_app.store.engine import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


def test_a_store_from_a_newer_caselog_is_refused_clearly(store, store_path: Path) -> None:
    from desktop_app.core.errors import BadInputError

    with store.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(BadInputError, match="newer version of Caselog"):
        open_store(store_path, PASSPHRASE)


def test_a_closed_store_forgets_its_passphrase_and_cannot_reconnect(store) -> None:
    """Locking must hold: nothing that kept the Store (or its engine) can reach the file."""
    _add_case(store)
    engine = store.engine
    store.close()
    assert store.closed
    with pytest.raises(StoreLockedError):
        store.session()
    with pytest.raises(StoreLockedError), store.transaction():
        pass
    with pytest.raises(StoreLockedError):
        engine.connect()  # even straight through the engine
    with pytest.raises(StoreLockedError):
        rekey(store, "an intruder's passphrase")
    assert "password" not in repr(engine.url) and PASSPHRASE not in str(engine.url)


def test_a_second_writer_waits_then_hears_the_store_is_busy(store, store_path: Path) -> None:
    import time

    from desktop_app.core.errors import StoreBusyError
    from desktop_app.store import engine as engine_module

    _add_case(store)
    other = open_store(store_path, PASSPHRASE)
    try:
        with other.engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {300}")  # keep the test short
            holder = store.engine.connect()
            holder.exec_driver_sql("BEGIN IMMEDIATE")
            holder.exec_driver_sql("UPDATE post SET notes = 'first writer'")
            start = time.monotonic()
            with pytest.raises(StoreBusyError, match="busy with another task"):
                conn.exec_driver_sql("UPDATE post SET notes = 'second writer'")
                conn.commit()
            assert time.monotonic() - start >= 0.25  # it waited before giving up
            holder.rollback()
            holder.close()
        assert engine_module.BUSY_TIMEOUT_MS >= 1000
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == (
                engine_module.BUSY_TIMEOUT_MS
            )
    finally:
        other.close()


def test_a_draft_is_kept_encrypted_and_given_back_once(store, store_path: Path) -> None:
    from desktop_app.store.drafts import delete_draft, load_draft, save_draft

    save_draft(store, "case-editor", {"content": SECRET, "post_id": None})
    save_draft(store, "case-editor", {"content": SECRET + " more", "post_id": 3})
    store.close()
    assert SECRET.encode() not in store_path.read_bytes()
    with open_store(store_path, PASSPHRASE) as again:
        kept = load_draft(again, "case-editor")
        assert kept is not None and kept[1] == {"content": SECRET + " more", "post_id": 3}
        assert kept[0].tzinfo is not None
        delete_draft(again, "case-editor")
        assert load_draft(again, "case-editor") is None


def test_raw_is_the_threads_one_connection_shared_with_the_engine(store) -> None:
    raw = store.raw()
    assert store.raw() is raw  # made (and keyed) once per thread
    with store.engine.connect() as conn:
        assert conn.connection.driver_connection is raw  # the pool hands out the same
    seen: list[object] = []
    worker = threading.Thread(target=lambda: seen.append(store.raw()))
    worker.start()
    worker.join()
    assert seen and seen[0] is not raw  # another thread, its own connection
    store.release()  # closed, not locked: the next use reconnects
    assert store.raw() is not raw
    assert store.raw().execute("SELECT count(*) FROM post").fetchone() == (0,)


def test_a_lock_while_a_connection_is_being_keyed_leaves_none_open(
    store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.store import engine as engine_module

    made: list[object] = []
    real = engine_module._new_connection

    def keyed_then_locked(path: Path, key: object) -> object:
        conn = real(path, key)  # the key is derived ...
        made.append(conn)
        store.close()  # ... and meanwhile the window locks (idle timer, Ctrl+L)
        return conn

    store.release()
    monkeypatch.setattr(engine_module, "_new_connection", keyed_then_locked)
    with pytest.raises(StoreLockedError):
        store.raw()
    with pytest.raises(Exception, match="closed"):
        made[0].execute("SELECT 1")  # type: ignore[attr-defined]
    with pytest.raises(StoreLockedError):
        store.raw()


def test_the_key_is_derived_once_per_store_not_once_per_connection(tmp_path: Path) -> None:
    """Each thread, the case list and every worker make a connection of their own;
    each used to run SQLCipher's 256,000-round key derivation again (0.3 s of CPU).
    The raw key derived at unlock opens them all, a Burmese passphrase included."""
    path = tmp_path / "burmese.db"
    phrase = "မြန်မာ စကားဝှက် ၂၀၂၆"
    create_store(path, phrase, organisation="Org").close()
    store = open_store(path, phrase)
    try:
        assert store.key.derivations == 0  # the first connection: SQLCipher's own
        seen: list[int] = []
        workers = [
            threading.Thread(
                target=lambda: seen.append(
                    store.raw().execute("SELECT count(*) FROM organisation").fetchone()[0]
                )
            )
            for _ in range(3)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        own = store.connect()
        assert own.execute("SELECT count(*) FROM organisation").fetchone() == (1,)
        assert seen == [1, 1, 1]
        assert store.key.derivations == 1  # four more connections, derived once
    finally:
        store.close()
    with pytest.raises(StoreLockedError):
        open_store(path, "မြန်မာ စကားဝှက် ၂၀၂၅")  # one digit off: still refused


def test_a_raw_key_that_does_not_open_the_file_falls_back_to_the_passphrase(
    store, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should SQLCipher's default derivation ever differ from ours (another SQLCipher
    release), the derived key fails and the passphrase opens the connection."""
    from desktop_app.store import engine as engine_module

    store.close()
    monkeypatch.setattr(engine_module, "_KDF", ("sha512", 1000, 32))
    reopened = open_store(store_path, PASSPHRASE)
    try:
        assert reopened.connect().execute("SELECT count(*) FROM organisation").fetchone() == (1,)
    finally:
        reopened.close()
    with pytest.raises(StoreLockedError):
        open_store(store_path, "not the passphrase")


def test_a_rekeyed_store_opens_with_the_new_passphrase_only(store, store_path: Path) -> None:
    rekey(store, "a new passphrase")
    assert store.connect().execute("SELECT count(*) FROM organisation").fetchone() == (1,)
    store.close()
    open_store(store_path, "a new passphrase").close()
    with pytest.raises(StoreLockedError):
        open_store(store_path, PASSPHRASE)
