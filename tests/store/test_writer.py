"""The one write path: the window's path (repository) and an import write the same
derived columns, summaries and a verifying chain; the merge's API works."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import select

from desktop_app.core.normalise import content_key
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import repository as repo
from desktop_app.store.audit import GENESIS, verify_chain
from desktop_app.store.engine import Store, create_store
from desktop_app.store.models import AuditEvent, AuthorAccount, Post, Report
from desktop_app.store.writer import Writer
from tests.conftest import PASSPHRASE, write_log

URL = "https://www.Facebook.com/page9/posts/10611?fbclid=abc"
REPORTED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
ACK = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
FINAL = datetime(2026, 3, 3, 8, 15, tzinfo=UTC)


def _facts(store: Store) -> list[tuple[object, ...]]:
    with store.session() as session:
        post = session.scalars(select(Post)).one()
        report = session.scalars(select(Report)).one()
        account = session.scalars(select(AuthorAccount)).one()
        assert verify_chain(session).intact
        return [
            (post.case_ref, post.platform, post.canonical_url, post.identity_key),
            (post.content_key, post.category),
            (account.platform, account.handle_key),
            (report.reporter_key, report.reported_at),
            (report.first_response_at, report.final_response_at, report.final_outcome),
        ]


def test_window_path_and_import_write_identical_keys_and_summaries(tmp_path: Path) -> None:
    by_hand = create_store(tmp_path / "hand.db", PASSPHRASE, organisation="A")
    with by_hand.transaction() as session:
        author = repo.get_or_create_account(session, platform="Facebook", handle="@Page9 ")
        post = repo.add_post(
            session,
            repo.PostFields(
                platform="Facebook",
                url=URL,
                content="Warning to ALL Buddhists: prepare yourselves!",
                category="Hate Speech",
            ),
            author,
        )
        report = repo.add_report(session, post, reported_at=REPORTED, reporter=" Researcher 25 ")
        repo.add_response(session, report, received_at=ACK, outcome="acknowledged")
        repo.add_response(session, report, received_at=FINAL, outcome="no_violation")

    imported = create_store(tmp_path / "import.db", PASSPHRASE, organisation="A")
    log = write_log(
        tmp_path / "log.csv",
        [
            {
                "post_url": URL,
                "platform": "Facebook",
                "author_handle": "@Page9 ",
                "category": "Hate Speech",
                "content": "Warning to ALL Buddhists: prepare yourselves!",
                "reported_at": "2026-03-01 09:30",
                "reporter": " Researcher 25 ",
                "first_response_at": "2026-03-01 12:00",
                "final_response_at": "2026-03-03 08:15",
                "final_outcome": "no_violation",
            }
        ],
    )
    result = import_file(imported, log, zone("UTC"))
    assert result.added == 1

    hand_facts, import_facts = _facts(by_hand), _facts(imported)
    assert hand_facts == import_facts
    assert hand_facts[4] == (ACK, FINAL, "no_violation")
    assert hand_facts[0][2] == "https://facebook.com/page9/posts/10611"
    by_hand.close()
    imported.close()


def test_writer_takes_foreign_rows_and_a_foreign_actor(store: Store) -> None:
    """What the merge needs: foreign uids and origin kept, derived columns derived,
    summaries refreshed without touching updated_at, events by a foreign actor."""
    origin_time = datetime(2026, 2, 1, tzinfo=UTC)
    with store.transaction() as session:
        writer = Writer(session)
        (account_id,) = writer.insert(
            "author_account",
            [
                {
                    "uid": "11111111-1111-4111-8111-111111111111",
                    "platform": "tiktok",
                    "handle": "@Someone",
                    "handle_key": "ignored: always derived",
                    "origin_org": "Partner Org",
                    "origin_bundle": "bundle-1",
                    "created_at": origin_time,
                    "updated_at": origin_time,
                }
            ],
        )
        (post_id,) = writer.insert(
            "post",
            [
                {
                    "uid": "22222222-2222-4222-8222-222222222222",
                    "platform": "tiktok",
                    "url": "https://www.tiktok.com/@someone/video/1?utm_source=x",
                    "author_id": account_id,
                    "content": "Some TEXT",
                    "origin_org": "Partner Org",
                    "created_at": origin_time,
                    "updated_at": origin_time,
                }
            ],
        )
        (report_id,) = writer.insert(
            "report",
            [
                {
                    "post_id": post_id,
                    "reported_at": REPORTED,
                    "reporter": "Ma Ma",
                    "created_at": origin_time,
                    "updated_at": origin_time,
                }
            ],
        )
        writer.insert(
            "response",
            [
                {"report_id": report_id, "received_at": FINAL, "outcome": "removed"},
                {"report_id": report_id, "received_at": ACK, "outcome": "acknowledged"},
            ],
        )
        writer.refresh_summaries([report_id], touch=False)
        writer.audit(
            "merge",
            entity="post",
            entity_uid="22222222-2222-4222-8222-222222222222",
            detail={"origin_org": "Partner Org", "bundle": "bundle-1"},
            actor="alice@Partner Org",
        )
        writer.flush()
    with store.session() as session:
        account = session.get_one(AuthorAccount, account_id)
        post = session.get_one(Post, post_id)
        report = session.get_one(Report, report_id)
        assert account.handle_key == "someone"
        assert account.origin_org == "Partner Org" and account.origin_bundle == "bundle-1"
        assert post.uid == "22222222-2222-4222-8222-222222222222"
        assert post.case_ref == f"C-{post_id:06d}"
        assert post.canonical_url == "https://tiktok.com/@someone/video/1"
        assert post.identity_key == "url:tiktok:https://tiktok.com/@someone/video/1"
        assert post.content_key == content_key("some text") == content_key("Some, TEXT!")
        assert report.reporter_key == "ma ma"
        assert (report.first_response_at, report.final_response_at) == (ACK, FINAL)
        assert report.final_outcome == "removed"
        assert report.updated_at == origin_time
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))  # type: ignore[arg-type]
        assert events[0].prev_hash == GENESIS
        assert events[-1].actor == "alice@Partner Org"
        assert verify_chain(session).intact


def test_update_rederives_and_bulk_search_indexes(store: Store) -> None:
    with store.transaction() as session:
        writer = Writer(session)
        with writer.bulk_search():
            (post_id,) = writer.insert(
                "post",
                [{"platform": "facebook", "url": "https://facebook.com/a", "content": "ngwe"}],
            )
        found = (
            session.connection()
            .exec_driver_sql("SELECT rowid FROM post_search WHERE post_search MATCH 'ngwe'")
            .all()
        )
        assert [r[0] for r in found] == [post_id]
        writer.update("post", [{"id": post_id, "url": "https://www.facebook.com/b?fbclid=1"}])
        post = session.get_one(Post, post_id)
        session.refresh(post)
        assert post.canonical_url == "https://facebook.com/b"
        assert post.identity_key == "url:facebook:https://facebook.com/b"


def test_each_raw_write_hears_the_store_is_busy(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The writer runs its statements on the raw connection, outside SQLAlchemy's
    error mapping: another program holding the write lock is still the store's plain
    busy error, whichever statement meets it first, and nothing is written."""
    import hashlib

    import pytest

    from desktop_app.core.enums import AuditAction
    from desktop_app.core.errors import StoreBusyError
    from desktop_app.store import engine
    from tests.store.migration_copies import hold_write_lock

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    store = create_store(tmp_path / "busy.db", PASSPHRASE, organisation="A")
    with store.transaction() as session:
        author = repo.get_or_create_account(session, platform="Facebook", handle="@Page9")
        post = repo.add_post(session, repo.PostFields(platform="Facebook", url=URL), author)
        post_id = post.id
    with store.session() as session:
        events = len(session.scalars(select(AuditEvent)).all())
    writes = {
        "insert": lambda w: w.insert(
            "author_account", [{"platform": "tiktok", "handle": "@Someone"}]
        ),
        "update": lambda w: w.update("post", [{"id": post_id, "notes": "second writer"}]),
        "blobs": lambda w: w.insert_blobs({hashlib.sha256(b"bytes").hexdigest(): b"bytes"}),
        "audit": lambda w: (
            w.audit(AuditAction.CREATE, entity="post", entity_uid=post.uid, detail={}),
            w.flush(),
        ),
    }
    other = hold_write_lock(store.path, PASSPHRASE)
    try:
        for name, write in writes.items():
            with store.engine.connect() as conn, conn.begin():
                with pytest.raises(StoreBusyError, match="busy with another task"):
                    write(Writer(conn))
            assert name  # each write in its own transaction, rolled back
    finally:
        other.rollback()
        other.close()
    with store.session() as session:
        assert len(session.scalars(select(AuditEvent)).all()) == events
        assert session.get(Post, post_id).notes in ("", None)
        assert len(session.scalars(select(AuthorAccount)).all()) == 1
    store.close()
