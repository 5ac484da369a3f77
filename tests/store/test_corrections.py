"""Corrections (CORRECTIONS.md): edit, retract, restore, purge, each in the custody log."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from desktop_app.core.errors import BadInputError
from desktop_app.core.timeutil import now_utc, zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.indicators.compute import compute_indicators, default_params
from desktop_app.store import corrections as fix
from desktop_app.store import repository as repo
from desktop_app.store.audit import verify_chain
from desktop_app.store.corrections import EntityKind
from desktop_app.store.engine import Store
from desktop_app.store.models import Attachment, AuditEvent, Post, Report, Response
from tests.conftest import PASSPHRASE, write_log
from tests.store.sqlcipher_pages import decrypted_pages

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _case(store: Store) -> dict[str, str]:
    """A case with two reports; the first has two responses and an attachment."""
    with store.transaction() as session:
        author = repo.get_or_create_account(session, platform="facebook", handle="@page9")
        post = repo.add_post(
            session,
            repo.PostFields(platform="facebook", url="https://facebook.com/p/1", content="text"),
            author,
        )
        first = repo.add_report(session, post, reported_at=T0, reporter="Ma Ma")
        ack = repo.add_response(
            session, first, received_at=T0 + timedelta(hours=2), outcome="acknowledged"
        )
        final = repo.add_response(
            session, first, received_at=T0 + timedelta(days=2), outcome="removed"
        )
        second = repo.add_report(session, post, reported_at=T0 + timedelta(days=1), reporter="Ko")
        shot = repo.add_attachment(session, b"png bytes", original_name="a.png", response=final)
        assert author is not None
        return {
            "case": post.case_ref,
            "account": author.uid,
            "first": first.uid,
            "second": second.uid,
            "ack": ack.uid,
            "final": final.uid,
            "shot": shot.uid,
        }


def _events(store: Store) -> list[AuditEvent]:
    with store.session() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))  # type: ignore[arg-type]


def _reports_total(store: Store) -> int:
    return compute_indicators(store, default_params(store)).reports_total


def test_edit_keeps_old_and_new_values_and_refreshes_the_summary(store: Store) -> None:
    ids = _case(store)
    later = T0 + timedelta(days=3)
    fix.edit(store, EntityKind.RESPONSE, ids["final"], {"received_at": later}, "typo in the date")
    with store.session() as session:
        report = session.scalars(select(Report).where(Report.uid == ids["first"])).one()
        assert report.final_response_at == later
        assert verify_chain(session).intact
    event = _events(store)[-1]
    detail = json.loads(event.detail)
    assert (event.action, event.entity_uid) == ("edit", ids["final"])
    assert detail["reason"] == "typo in the date"
    assert detail["changes"]["received_at"] == {
        "old": (T0 + timedelta(days=2)).isoformat(),
        "new": later.isoformat(),
    }

    new_link = {"post_url": "https://www.facebook.com/p/2?fbclid=1"}
    fix.edit(store, "post", ids["case"], new_link, "link")
    fix.edit(store, "account", ids["account"], {"suspected_fake": "yes"}, "bot network")
    with store.session() as session:
        post = session.scalars(select(Post)).one()
        assert post.url == "https://www.facebook.com/p/2?fbclid=1"
        assert post.identity_key == "url:facebook:https://facebook.com/p/2"


@pytest.mark.parametrize(
    ("kind", "key", "field", "value", "message"),
    [
        ("report", "first", "reported_at", "2099-01-01", "in the future"),
        ("report", "first", "reported_at", "1999-12-31", "before 2000-01-01"),
        ("report", "first", "reported_at", "2026-03-02 09:00", "after its response"),
        ("response", "final", "received_at", "2026-02-28", "before its report"),
        ("response", "final", "received_at", "", "required"),
        ("response", "final", "outcome", "deleted", "is not one of"),
        ("report", "first", "colour", "red", "not a field"),
    ],
)
def test_edit_is_validated_as_new_input_and_writes_nothing(
    store: Store, kind: str, key: str, field: str, value: str, message: str
) -> None:
    ids = _case(store)
    before = len(_events(store))
    with pytest.raises(BadInputError, match=message):
        fix.edit(store, kind, ids[key], {field: value}, "why")
    assert len(_events(store)) == before


def test_a_reason_is_required(store: Store) -> None:
    ids = _case(store)
    for call in (
        lambda: fix.edit(store, "report", ids["first"], {"reporter": "x"}, "  "),
        lambda: fix.retract(store, "report", ids["first"], ""),
        lambda: fix.purge_attachment(store, ids["shot"], " "),
    ):
        with pytest.raises(BadInputError, match="reason"):
            call()


def test_retract_cascades_leaves_indicators_and_restore_brings_back_exactly_that(
    store: Store,
) -> None:
    ids = _case(store)
    assert _reports_total(store) == 2
    # The acknowledgement is retracted on its own first: it must stay retracted.
    assert fix.retract(store, "response", ids["ack"], "not from the platform") == 1
    assert fix.retract(store, "report", ids["first"], "logged twice") == 3  # + final + shot
    assert _reports_total(store) == 1
    with store.session() as session:
        post = session.scalars(select(Post)).one()
        case = repo.load_case(session, post.id or 0)
        assert [r.report.uid for r in case.reports] == [ids["second"]]
        shown = repo.load_case(session, post.id or 0, include_retracted=True)
        assert len(shown.reports) == 2
    with pytest.raises(BadInputError, match="retracted with"):
        fix.restore(store, "response", ids["final"], "oops")
    assert fix.retract(store, "post", ids["case"], "not harmful after all") == 2  # + second
    assert _reports_total(store) == 0

    assert fix.restore(store, "post", ids["case"], "it was harmful") == 2
    assert _reports_total(store) == 1
    assert fix.restore(store, "report", ids["first"], "not a duplicate") == 3
    with store.session() as session:
        ack = session.scalars(select(Response).where(Response.uid == ids["ack"])).one()
        assert ack.retracted_at is not None and ack.retraction_reason == "not from the platform"
        final = session.scalars(select(Response).where(Response.uid == ids["final"])).one()
        assert final.retracted_at is None and final.retracted_with == ""
        report = session.scalars(select(Report).where(Report.uid == ids["first"])).one()
        # The summary follows: the retracted acknowledgement is not the first response.
        assert report.first_response_at == T0 + timedelta(days=2)
        assert verify_chain(session).intact
    assert _reports_total(store) == 2
    actions = [e.action for e in _events(store)]
    assert actions.count("retract") == 1 + 3 + 2
    assert actions.count("restore") == 2 + 3


def test_reimport_never_resurrects_a_retracted_report(store: Store, tmp_path: Path) -> None:
    row = {
        "post_url": "https://facebook.com/p/9",
        "platform": "facebook",
        "reported_at": "2026-03-01 09:00",
        "reporter": "Ma Ma",
    }
    log = write_log(tmp_path / "log.csv", [row])
    assert import_file(store, log, zone("UTC")).added == 1
    with store.session() as session:
        uid = session.scalars(select(Report.uid)).one()
    fix.retract(store, "report", uid, "logged twice")
    again = import_file(store, log, zone("UTC"))
    assert (again.added, again.already_present, again.already_retracted) == (0, 1, 1)
    with store.session() as session:
        reports = list(session.scalars(select(Report)))
        assert len(reports) == 1 and reports[0].retracted_at is not None
    # A new report of a retracted case stays out too.
    fix.restore(store, "report", uid, "back")
    with store.session() as session:
        ref = session.scalars(select(Post.case_ref)).one()
    fix.retract(store, "post", ref, "not ours")
    other = write_log(tmp_path / "other.csv", [{**row, "reported_at": "2026-03-02 09:00"}])
    result = import_file(store, other, zone("UTC"))
    assert (result.added, result.already_retracted) == (0, 1)
    assert _reports_total(store) == 0


def test_purge_leaves_no_byte_of_the_attachment_in_the_store_file(store: Store) -> None:
    """Decrypts every page of the store file with our own SQLCipher 4 reader
    (tests/store/sqlcipher_pages.py, `cryptography`'s AES and hashlib's PBKDF2) and
    looks for the attachment's bytes: found before the purge, nowhere after it."""
    ids = _case(store)
    secret = os.urandom(48) * 200  # 9.6 kB over overflow pages, nothing like it elsewhere
    marker = secret[:48]
    with store.transaction() as session:
        final = session.scalars(select(Response).where(Response.uid == ids["final"])).one()
        shot = repo.add_attachment(session, secret, original_name="face.png", response=final)
        shot_uid, sha = shot.uid, shot.sha256
    fix.checkpoint(store)
    assert any(marker in page for page in decrypted_pages(store.path, PASSPHRASE))

    fix.purge_attachment(store, sha, "shows a victim's face")

    wal = Path(f"{store.path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    pages = decrypted_pages(store.path, PASSPHRASE)
    assert not any(marker in page for page in pages)
    with store.session() as session:
        row = session.scalars(select(Attachment).where(Attachment.uid == shot_uid)).one()
        assert row.purged_at is not None
        with pytest.raises(BadInputError):
            repo.read_blob(session, sha)
        assert verify_chain(session).intact
    event = _events(store)[-1]
    detail = json.loads(event.detail)
    assert event.action == "purge"
    assert (detail["sha256"], detail["size"], detail["name"]) == (sha, len(secret), "face.png")
    assert detail["reason"] == "shows a victim's face"
    assert marker.hex() not in event.detail


def test_unknown_identifiers_are_refused(store: Store) -> None:
    _case(store)
    with pytest.raises(BadInputError, match="no report"):
        fix.retract(store, "report", "C-999999", "why")
    with pytest.raises(BadInputError, match="cannot be retracted"):
        fix.retract(store, "account", "x", "why")
    assert now_utc()  # the clock the range check uses is the real one


def test_a_checkpoint_blocked_by_a_reader_closes_nobodys_connection(store: Store) -> None:
    """The window's case list keeps a connection; a purge must not close it under it."""
    import sqlcipher3

    _case(store)
    mine = store.raw()
    reader = sqlcipher3.connect(str(store.path))
    reader.execute("PRAGMA key = '" + PASSPHRASE.replace("'", "''") + "'")
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM post").fetchone() == (1,)
    with store.transaction() as session:  # a write the reader's snapshot does not see
        session.exec(select(Post)).one().notes = "after the reader began"
    assert fix.checkpoint(store, tries=2) is False  # the reader still holds its pages
    assert store.raw() is mine and mine.execute("SELECT count(*) FROM post").fetchone() == (1,)
    reader.rollback()
    reader.close()
    assert fix.checkpoint(store) is True
    assert Path(f"{store.path}-wal").stat().st_size == 0
