"""Bundles carry the origin's corrections (CORRECTIONS.md, issue 11 item 2)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_app.core.timeutil import now_utc
from desktop_app.sharing import export_bundle, import_bundle
from desktop_app.store.engine import Store
from desktop_app.store.models import AuditEvent, Post, Report
from desktop_app.store.types import to_micros
from desktop_app.store.uids import to_db
from desktop_app.store.writer import Writer
from tests.sharing.conftest import decrypt_zip, identity_of
from tests.sharing.test_ownership import forge, jsonl

TABLE_KIND = {"post": "post", "report": "report", "response": "response"}


def _correct(store: Store, table: str, uid: str, reason: str, *, restore: bool) -> None:
    """Retract (or restore) one record as the corrections API does: the record's
    retraction columns and a custody event naming it, in one transaction."""
    try:
        from desktop_app.store import corrections  # the store's API, once it exists
    except ImportError:
        corrections = None  # type: ignore[assignment]
    if corrections is not None:
        ident = uid
        if table == "post":
            with store.session() as session:
                ident = session.scalars(select(Post.case_ref).where(Post.uid == uid)).one()
        call = corrections.restore if restore else corrections.retract
        call(store, corrections.EntityKind(TABLE_KIND[table]), ident, reason)
        return
    with store.engine.begin() as conn:
        writer = Writer(conn)
        row = conn.exec_driver_sql(f"SELECT id FROM {table} WHERE uid = ?", (to_db(uid),)).one()
        writer.update(
            table,
            [
                {
                    "id": row[0],
                    "retracted_at": None if restore else to_micros(now_utc()),
                    "retraction_reason": "" if restore else reason,
                }
            ],
        )
        writer.audit(
            "restore" if restore else "retract",
            entity=table,
            entity_uid=uid,
            detail={"reason": reason},
        )
        writer.flush()


def retract(store: Store, table: str, uid: str, reason: str) -> None:
    _correct(store, table, uid, reason, restore=False)


def restore(store: Store, table: str, uid: str, reason: str) -> None:
    _correct(store, table, uid, reason, restore=True)


def researcher_c_report(store: Store) -> str:
    with store.session() as session:
        return session.scalars(select(Report.uid).where(Report.reporter == "Researcher C")).one()


def retracted(store: Store, table: str, uid: str) -> tuple[Any, str]:
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql(
            f"SELECT retracted_at, retraction_reason FROM {table} WHERE uid = ?", (to_db(uid),)
        ).one()
        return row[0], row[1]


def test_an_origin_retraction_reaches_the_partner_without_its_content(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    report = researcher_c_report(store_a)
    retract(store_a, "report", report, "logged twice")

    second = export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"])
    files = decrypt_zip(second.path, identity_of(store_b))
    assert report not in {r["uid"] for r in jsonl(files["records/reports.jsonl"])}
    assert b"Researcher C" not in files["records/reports.jsonl"]
    stones = jsonl(files["records/retractions.jsonl"])
    assert {(s["kind"], s["uid"], s["reason"]) for s in stones} >= {
        ("reports", report, "logged twice")
    }
    assert json.loads(files["manifest.json"])["version"] == 2

    result = import_bundle(store_b, second.path)
    assert result.written and result.preview.counts["retractions"].new >= 1
    at, reason = retracted(store_b, "report", report)
    assert at is not None and reason == "logged twice"
    with store_b.session() as session:
        [event] = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "retract", AuditEvent.entity_uid == report
            )
        )
        assert json.loads(event.detail)["bundle"] == second.bundle_id
    # ... and the origin's restore brings it back.
    restore(store_a, "report", report, "not a duplicate after all")
    third = export_bundle(store_a, tmp_path / "3.caselog", recipients=["B"])
    import_bundle(store_b, third.path)
    assert retracted(store_b, "report", report) == (None, "")


def test_a_partners_own_retraction_is_not_overridden(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    with store_a.session() as session:
        post = session.scalars(select(Post).where(Post.platform == "tiktok")).one()
        uid = post.uid
    retract(store_b, "post", uid, "endangers a witness")

    again = import_bundle(
        store_b, export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"]).path
    )
    assert not again.preview.conflicts
    assert retracted(store_b, "post", uid)[1] == "endangers a witness"

    # The origin edits it again: B is shown a conflict, and it stays retracted.
    with store_a.engine.begin() as conn:
        writer = Writer(conn)
        writer.update(
            "post",
            [
                {
                    "id": post.id,
                    "notes": "A: more context",
                    "updated_at": to_micros(now_utc() + timedelta(seconds=2)),
                }
            ],
        )
    edited = import_bundle(
        store_b, export_bundle(store_a, tmp_path / "3.caselog", recipients=["B"]).path
    )
    assert [(c.kind, c.reason, c.kept) for c in edited.preview.conflicts] == [
        ("posts", "retracted_here", "local")
    ]
    at, reason = retracted(store_b, "post", uid)
    assert at is not None and reason == "endangers a witness"
    with store_b.session() as session:
        notes = session.scalars(select(Post.notes).where(Post.uid == uid)).one()
        assert notes == "seen in three groups"


def test_a_retraction_notice_for_a_record_not_the_signers_is_refused(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    report = researcher_c_report(store_a)
    files = decrypt_zip(
        export_bundle(store_a, tmp_path / "ours.caselog", recipients=["B"]).path,
        identity_of(store_b),
    )

    def retract_ours(records: dict[str, list[dict[str, Any]]]) -> None:
        records["retractions"] = [
            {
                "kind": "reports",
                "uid": report,
                "retracted_at": now_utc().isoformat(),
                "reason": "B wants it gone",
                "retracted_with": None,
            }
        ]

    forged = forge(files, store_b, store_a, tmp_path / "gone.caselog", retract_ours)
    result = import_bundle(store_a, forged)
    assert result.preview.counts["retractions"].refused == 1
    assert retracted(store_a, "report", report) == (None, "")


def test_a_purged_attachment_never_travels(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    """Purged bytes are gone (CORRECTIONS.md): the bundle leaves the attachment out
    instead of failing on its missing bytes."""
    from tests.sharing.conftest import PNG

    try:
        from desktop_app.store.corrections import purge_attachment
    except ImportError:
        purge_attachment = None  # type: ignore[assignment]
    import hashlib

    sha = hashlib.sha256(PNG).hexdigest()
    if purge_attachment is not None:
        purge_attachment(store_a, sha, "shows a witness's face")
    else:
        with store_a.engine.begin() as conn:
            Writer(conn).update(
                "attachment",
                [
                    {"id": row[0], "purged_at": to_micros(now_utc())}
                    for row in conn.exec_driver_sql(
                        "SELECT id FROM attachment WHERE sha256 = ?", (sha,)
                    )
                ],
            )
            conn.exec_driver_sql("DELETE FROM blob WHERE sha256 = ?", (sha,))
    made = export_bundle(store_a, tmp_path / "p.caselog", recipients=["B"])
    files = decrypt_zip(made.path, identity_of(store_b))
    assert f"attachments/{sha}" not in files
    assert sha not in {a["sha256"] for a in jsonl(files["records/attachments.jsonl"])}
    assert import_bundle(store_b, made.path).written


def test_redacted_fields_are_redacted_in_edit_events_too(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    from desktop_app.store import corrections

    report = researcher_c_report(store_a)
    corrections.edit(
        store_a, corrections.EntityKind.REPORT, report, {"reporter": "Ko Aung"}, "typo"
    )
    made = export_bundle(
        store_a, tmp_path / "r.caselog", recipients=["B"], redaction=frozenset({"reporter"})
    )
    files = decrypt_zip(made.path, identity_of(store_b))
    audit = files["records/audit.jsonl"].decode()
    assert "Ko Aung" not in audit and "Researcher C" not in audit
    [edit] = [e for e in jsonl(files["records/audit.jsonl"]) if e["action"] == "edit"]
    assert edit["detail"]["changes"]["reporter"] == {"old": "[redacted]", "new": "[redacted]"}
    assert edit["detail"]["reason"] == "typo"


def test_an_origin_edit_with_its_event_reaches_the_partner(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    from desktop_app.store import corrections

    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    report = researcher_c_report(store_a)
    corrections.edit(
        store_a, corrections.EntityKind.REPORT, report, {"channel": "email"}, "was by email"
    )
    result = import_bundle(
        store_b, export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"]).path
    )
    assert result.preview.counts["reports"].updated == 1
    with store_b.session() as session:
        assert session.scalars(select(Report.channel).where(Report.uid == report)).one() == "email"
        [event] = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "partner.edit", AuditEvent.entity_uid == report
            )
        )
        assert event.actor == "Alpha Monitor@Alpha Monitor"
        assert json.loads(event.detail)["origin_detail"]["reason"] == "was by email"


def test_a_record_restored_and_edited_at_the_origin_comes_back_with_the_origins_time(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    report = researcher_c_report(store_a)
    retract(store_a, "report", report, "logged twice")
    import_bundle(store_b, export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"]).path)
    assert retracted(store_b, "report", report)[0] is not None
    # A brings it back and corrects it: the partner gets both, with A's time.
    restore(store_a, "report", report, "not a duplicate after all")
    with store_a.engine.begin() as conn:
        row_id = conn.exec_driver_sql("SELECT id FROM report WHERE uid = ?", (to_db(report),))
        with Writer(conn) as writer:
            later = now_utc() + timedelta(seconds=5)
            writer.update(
                "report", [{"id": row_id.one()[0], "channel": "email", "updated_at": later}]
            )
    import_bundle(store_b, export_bundle(store_a, tmp_path / "3.caselog", recipients=["B"]).path)
    assert retracted(store_b, "report", report) == (None, "")

    def seen(store: Store) -> tuple[Any, ...]:
        with store.engine.connect() as conn:
            return tuple(
                conn.exec_driver_sql(
                    "SELECT channel, updated_at FROM report WHERE uid = ?", (to_db(report),)
                ).one()
            )

    assert seen(store_b) == seen(store_a) == ("email", to_micros(later))


def test_an_old_bundle_merged_again_does_not_undo_a_later_restore(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    """BUNDLE.md: importing the same bundle twice changes nothing. The bundle that
    carried a retraction notice, merged again after its origin restored the record,
    must not retract it again at the partner."""
    import_bundle(store_b, export_bundle(store_a, tmp_path / "0.caselog", recipients=["B"]).path)
    report = researcher_c_report(store_a)
    retract(store_a, "report", report, "logged twice")
    first = export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path
    import_bundle(store_b, first)
    assert retracted(store_b, "report", report)[0] is not None
    restore(store_a, "report", report, "not a duplicate after all")
    import_bundle(store_b, export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"]).path)
    assert retracted(store_b, "report", report) == (None, "")

    again = import_bundle(store_b, first)
    assert again.preview.already_imported and not again.written
    assert retracted(store_b, "report", report) == (None, "")


def test_bytes_purged_here_stay_purged_when_a_partner_sends_them_again(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    """B purged a screenshot; A then attaches the same bytes to another case and sends
    it. B keeps the attachment's record, marked purged, never its bytes, and B's
    evidence pack and bundles of that case still work."""
    import hashlib

    from desktop_app.export.pack import export_pack
    from desktop_app.indicators.compute import default_params
    from desktop_app.store import repository
    from desktop_app.store.corrections import purge_attachment
    from desktop_app.store.models import Attachment, Blob
    from tests.sharing.conftest import PNG

    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    sha = hashlib.sha256(PNG).hexdigest()
    purge_attachment(store_b, sha, "shows a witness's face")
    with store_a.transaction() as session:
        holding = select(Attachment.post_id).where(Attachment.sha256 == sha)
        post = session.scalars(select(Post).where(Post.id.not_in(holding))).first()  # type: ignore[union-attr]
        assert post is not None
        uid = repository.add_attachment(session, PNG, original_name="again.png", post=post).uid
    assert import_bundle(
        store_b, export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"]).path
    ).written
    with store_b.session() as session:
        row = session.scalars(select(Attachment).where(Attachment.uid == uid)).one()
        assert row.purged_at is not None
        assert session.get(Blob, sha).data == b""
        (event,) = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "purge", AuditEvent.entity_uid == uid)
        ).all()
        assert "purged in this store before" in event.detail
        ref_b = session.scalars(select(Post.case_ref).where(Post.id == row.post_id)).one()
    params = default_params(store_b, case_refs=(ref_b,))
    assert export_pack(store_b, params, tmp_path / "b-pack.zip").path.exists()
    assert export_bundle(store_b, tmp_path / "b.caselog", recipients=["A"]).path.exists()
