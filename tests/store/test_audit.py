from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from desktop_app.store import repository as repo
from desktop_app.store.audit import verify_chain
from desktop_app.store.models import AuditEvent


def _log_some(store) -> None:  # type: ignore[no-untyped-def]
    with store.transaction() as session:
        post = repo.add_post(session, repo.PostFields(platform="tiktok", content="ဟုတ်ကဲ့"))
        report = repo.add_report(session, post, reported_at=datetime(2024, 5, 1, tzinfo=UTC))
        repo.add_response(
            session, report, received_at=datetime(2024, 5, 2, tzinfo=UTC), outcome="no_violation"
        )


def test_every_change_is_an_event_and_the_chain_is_intact(store) -> None:
    _log_some(store)
    with store.session() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [e.action for e in events] == ["create"] * 6
        assert [e.entity for e in events] == [
            "organisation",
            "signing_key",
            "age_identity",
            "post",
            "report",
            "response",
        ]
        assert events[1].prev_hash == events[0].hash
        report = verify_chain(session)
    assert report.intact and report.events == 6


def test_tampering_with_an_event_is_found_and_located(store) -> None:
    _log_some(store)
    with store.transaction() as session:
        session.execute(text("UPDATE audit_event SET actor = 'someone else' WHERE id = 5"))
    with store.session() as session:
        report = verify_chain(session)
    assert not report.intact
    assert report.broken_at == 5
    assert "changed" in report.reason


def test_removing_an_event_is_found(store) -> None:
    _log_some(store)
    with store.transaction() as session:
        session.execute(text("DELETE FROM audit_event WHERE id = 4"))
    with store.session() as session:
        report = verify_chain(session)
    assert not report.intact and report.broken_at == 5


def test_an_edit_in_the_case_editor_keeps_each_fields_old_and_new_value(store) -> None:  # type: ignore[no-untyped-def]
    import json

    with store.transaction() as session:
        post = repo.add_post(
            session,
            repo.PostFields(platform="facebook", url="https://facebook.com/p/9", content="typo"),
        )
    with store.transaction() as session:
        post = session.get(repo.Post, post.id)
        repo.update_post(
            session,
            post,
            repo.PostFields(
                platform="facebook",
                url="https://facebook.com/p/9",
                content="fixed",
                posted_at=datetime(2024, 5, 1, tzinfo=UTC),
            ),
            None,
            reason="the text was mistyped",
        )
    with store.session() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "update", AuditEvent.entity == "post")
        ).one()
        assert json.loads(event.detail)["reason"] == "the text was mistyped"
        changes = json.loads(event.detail)["changes"]
        assert changes["content"] == {"old": "typo", "new": "fixed"}
        assert changes["posted_at"] == {"old": None, "new": "2024-05-01T00:00:00+00:00"}
        assert verify_chain(session).intact


def test_an_edit_of_a_saved_post_needs_its_reason(store) -> None:  # type: ignore[no-untyped-def]
    """CORRECTIONS.md: a reason is required for every edit. Without one nothing is
    written, and the error names the fields that would have changed."""
    with store.transaction() as session:
        post = repo.add_post(
            session,
            repo.PostFields(platform="facebook", url="https://facebook.com/p/10", content="old"),
        )
    fields = repo.PostFields(platform="facebook", url="https://facebook.com/p/10", content="new")
    for reason in ("", "   "):
        with pytest.raises(repo.ReasonRequired) as caught:
            with store.transaction() as session:
                repo.update_post(session, session.get(repo.Post, post.id), fields, None, reason)
        assert "content" in caught.value.fields
    with store.session() as session:
        assert session.get(repo.Post, post.id).content == "old"
        assert not session.scalars(
            select(AuditEvent).where(AuditEvent.action == "update", AuditEvent.entity == "post")
        ).all()
    # The researcher's own notes: kept in the log, old and new, with no reason asked.
    notes = repo.PostFields(
        platform="facebook", url="https://facebook.com/p/10", content="old", notes="seen 3x"
    )
    with store.transaction() as session:
        repo.update_post(session, session.get(repo.Post, post.id), notes, None)
    with store.transaction() as session:  # nothing changed: nothing written, nothing asked
        repo.update_post(session, session.get(repo.Post, post.id), notes, None)
    with store.session() as session:
        (event,) = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "update", AuditEvent.entity == "post")
        ).all()
    assert json.loads(event.detail)["changes"]["notes"] == {"old": "", "new": "seen 3x"}
