"""A -> B -> A: what a partner receives, and that merging never duplicates."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.core.timeutil import now_utc
from desktop_app.indicators.compute import compute_indicators, default_params
from desktop_app.sharing import BundleSelection, export_bundle, import_bundle, preview_bundle
from desktop_app.store.audit import verify_chain
from desktop_app.store.engine import Store
from desktop_app.store.models import Attachment, AuditEvent, Blob, BundleLog, Post
from desktop_app.store.repository import add_report, read_blob
from desktop_app.store.writer import Writer
from tests.sharing.conftest import PNG, decrypt_zip, identity_of, snapshot

AS_OF = datetime(2025, 1, 1, tzinfo=UTC)


def indicators(store: Store, case_refs: tuple[str, ...] = ()) -> dict[str, object]:
    params = default_params(store, as_of=AS_OF, case_refs=case_refs)
    data = compute_indicators(store, params).to_json()
    data.pop("cases", None)
    return data


def case_refs_by_uid(store: Store) -> dict[str, str]:
    with store.session() as session:
        return {uid: ref for uid, ref in session.execute(select(Post.uid, Post.case_ref))}


def test_a_to_b_gives_b_the_same_indicators(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    out = tmp_path / "a-to-b.caselog"
    made = export_bundle(store_a, out, recipients=["B"])
    assert made.counts["posts"] == 3 and made.counts["attachments"] == 2

    before = snapshot(store_b)
    preview = preview_bundle(store_b, out)
    assert snapshot(store_b) == before  # a preview writes nothing
    assert preview.origin_name == "Alpha Monitor"
    assert preview.signer_partner == "A" and preview.signer_known
    assert preview.counts["posts"].new == 3 and preview.counts["reports"].new == 4
    assert not preview.conflicts

    result = import_bundle(store_b, out)
    assert result.written
    assert indicators(store_b) == indicators(store_a)

    # The same cases chosen by case reference: the refs are each store's own.
    refs_a, refs_b = case_refs_by_uid(store_a), case_refs_by_uid(store_b)
    tiktok = next(uid for uid, ref in refs_a.items() if ref == "C-000003")
    assert indicators(store_b, (refs_b[tiktok],)) == indicators(store_a, ("C-000003",))
    period_a = compute_indicators(
        store_a,
        replace(
            default_params(store_a, as_of=AS_OF),
            date_from=datetime(2018, 3, 6, tzinfo=UTC),
            date_to=datetime(2018, 3, 7, tzinfo=UTC),
        ),
    )
    period_b = compute_indicators(
        store_b,
        replace(
            default_params(store_b, as_of=AS_OF),
            date_from=datetime(2018, 3, 6, tzinfo=UTC),
            date_to=datetime(2018, 3, 7, tzinfo=UTC),
        ),
    )
    assert period_a.to_json() == period_b.to_json()

    with store_b.session() as session:
        post = session.scalars(select(Post).where(Post.platform == "tiktok")).one()
        assert post.origin_org == "Alpha Monitor" and post.origin_bundle == made.bundle_id
        assert post.uid == tiktok
        shot = session.scalars(select(Attachment).where(Attachment.post_id == post.id)).one()
        assert read_blob(session, shot.sha256) == PNG  # the original bytes
        assert verify_chain(session).intact
        assert session.scalars(select(BundleLog.direction)).all() == ["import"]


def test_importing_twice_changes_nothing(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    out = export_bundle(store_a, tmp_path / "x.caselog", recipients=["B"]).path
    import_bundle(store_b, out)
    before = snapshot(store_b)
    again = import_bundle(store_b, out)
    assert not again.written
    assert again.preview.already_imported and again.preview.changes == 0
    assert again.preview.counts["posts"].same == 3
    assert snapshot(store_b) == before


def _edit_newer(session: Any, table: str, row_id: Any, **changes: Any) -> None:
    """An edit in B, a second later than now: the newer side of a merge."""
    with Writer(session) as writer:
        row = {"id": row_id, **changes, "updated_at": now_utc() + timedelta(seconds=1)}
        writer.update(table, [row])


def test_an_edit_in_b_comes_back_to_a_without_duplicates(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    uid = next(uid for uid, ref in case_refs_by_uid(store_a).items() if ref == "C-000003")
    with store_b.transaction() as session:
        post_b = session.scalars(select(Post).where(Post.uid == uid)).one()
        _edit_newer(session, "post", post_b.id, notes="B: the same video reappeared")
        session.refresh(post_b)
        add_report(session, post_b, reported_at=datetime(2024, 6, 1, tzinfo=UTC), reporter="B team")
    before = snapshot(store_a)

    back = export_bundle(store_b, tmp_path / "2.caselog", recipients=["A"])
    result = import_bundle(store_a, back.path)

    # B's edit of A's case is B's own business: A's case is never overwritten by it,
    # though it is newer; B's new report on the case is B's and is added.
    assert result.written
    assert result.preview.counts["posts"].updated == 0
    assert result.preview.counts["posts"].kept_local == 1
    assert result.preview.counts["reports"].new == 1
    [shown] = result.preview.conflicts
    assert (shown.kind, shown.kept, shown.reason, shown.fields) == (
        "posts",
        "local",
        "not_theirs",
        ("notes",),
    )
    after = snapshot(store_a)
    for table in ("post", "author_account", "attachment", "blob", "tag", "post_tag"):
        assert after[table] == before[table], table
    assert after["report"] == before["report"] + 1
    with store_a.session() as session:
        post = session.scalars(select(Post).where(Post.uid == uid)).one()
        assert post.notes == "seen in three groups"
        assert post.origin_bundle is None
        conflict = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "conflict", AuditEvent.entity_uid == uid)
        ).one()
        detail = json.loads(conflict.detail)
        assert detail["kept"] == "local" and detail["fields"] == ["notes"]
        assert detail["origin_org"] == "ဘီ Watch" and detail["reason"] == "not_theirs"
        assert verify_chain(session).intact
    assert indicators(store_a) == indicators(store_b)

    # A's copy goes back to B: A's post is A's, but B's local edit is newer and stays;
    # A's record of the conflict is new to B (as A's event).
    third = export_bundle(store_a, tmp_path / "3.caselog", recipients=["B"])
    before_b = snapshot(store_b)
    again = import_bundle(store_b, third.path).preview
    assert again.changes == 0
    assert [(c.kept, c.reason) for c in again.conflicts] == [("local", "")]
    assert again.counts["audit"].new == 1
    after_b = snapshot(store_b)
    for table in ("post", "author_account", "report", "response", "attachment", "blob"):
        assert after_b[table] == before_b[table], table
    # ... and then the round trip has settled: a fourth bundle brings nothing.
    fourth = export_bundle(store_b, tmp_path / "4.caselog", recipients=["A"])
    assert not import_bundle(store_a, fourth.path).written


def test_a_post_logged_by_both_groups_stays_one_case(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    from desktop_app.core.timeutil import zone
    from desktop_app.importers.spreadsheet import import_file
    from tests.conftest import write_log
    from tests.importers.test_spreadsheet import ROWS

    import_file(store_b, write_log(tmp_path / "b-log.csv", ROWS), zone("Asia/Yangon"))
    out = export_bundle(store_a, tmp_path / "a.caselog", recipients=["B"]).path
    preview = preview_bundle(store_b, out)
    assert preview.counts["posts"].new == 1  # only the TikTok post is new to B
    assert preview.counts["accounts"].new == 1
    import_bundle(store_b, out)
    counts = snapshot(store_b)
    assert (counts["post"], counts["report"], counts["author_account"]) == (3, 4, 2)
    assert indicators(store_b) == indicators(store_a)


def test_since_last_bundle_sends_only_what_changed(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    since_b = BundleSelection(since_last_bundle_to="B")
    first = export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"], selection=since_b)
    assert first.counts["posts"] == 3  # nothing sent yet: everything
    import_bundle(store_b, first.path)
    second = export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"], selection=since_b)
    assert second.counts["posts"] == 0 and second.counts["reports"] == 0
    with store_a.transaction() as session:
        post = session.scalars(select(Post).where(Post.platform == "messenger")).one()
        add_report(session, post, reported_at=datetime(2018, 3, 9, tzinfo=UTC), reporter="Z")
    third = export_bundle(store_a, tmp_path / "3.caselog", recipients=["B"], selection=since_b)
    assert (third.counts["posts"], third.counts["reports"]) == (1, 1)
    assert import_bundle(store_b, third.path).preview.counts["reports"].new == 1
    assert indicators(store_b) == indicators(store_a)


def test_a_filtered_passphrase_bundle_with_redaction(
    store_a: Store, store_b: Store, tmp_path: Path
) -> None:
    params = replace(default_params(store_a, as_of=AS_OF), platform="facebook")
    out = export_bundle(
        store_a,
        tmp_path / "p.caselog",
        passphrase="a long shared phrase",
        selection=BundleSelection(params=params),
        redaction=frozenset({"reporter", "author", "notes"}),
    )
    assert out.counts["posts"] == 1 and out.counts["reports"] == 2
    files = "".join(
        data.decode("utf-8", "replace")
        for name, data in _open_passphrase(out.path, "a long shared phrase").items()
    )
    assert "Researcher A" not in files and "Hate_Page" not in files
    result = import_bundle(
        store_b, out.path, passphrase="a long shared phrase", trust_new_signer=True
    )
    assert result.preview.redaction == ("author", "notes", "reporter")
    got = indicators(store_b)
    want = compute_indicators(store_a, params).to_json()
    for key in ("reports_total", "reporter_accounts", "offending_accounts", "reports_removed"):
        assert got[key] == want[key], key


def _open_passphrase(path: Path, phrase: str) -> dict[str, bytes]:
    import io
    import zipfile

    import pyrage

    plain = pyrage.passphrase.decrypt(path.read_bytes(), phrase)
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_bundle_layout_matches_bundle_md(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    from desktop_app.core import signing

    out = export_bundle(store_a, tmp_path / "x.caselog", recipients=["B"]).path
    files = decrypt_zip(out, identity_of(store_b))
    manifest = json.loads(files["manifest.json"])
    signing.verify(
        manifest["origin"]["signing_public_key"],
        files["manifest.json"],
        files["manifest.sig"],
        what="bundle",
    )
    assert manifest["origin"]["name"] == "Alpha Monitor"
    assert set(manifest["files"]) == set(files) - {"manifest.json", "manifest.sig"}
    reports = [json.loads(line) for line in files["records/reports.jsonl"].splitlines()]
    assert all("uid" in r and "updated_at" in r and "post" in r for r in reports)
    assert not any("id" in r or "post_id" in r for r in reports)  # no local ids leave
    with store_a.session() as session:
        shas = set(session.scalars(select(Blob.sha256)))
    assert {f"attachments/{sha}" for sha in shas} <= set(files)
    assert not list(tmp_path.glob("*.part"))  # no temporary file left behind


def test_cancel_leaves_no_file_and_writes_nothing(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    from desktop_app.core.errors import Cancelled

    steps: list[str] = []
    out = tmp_path / "c.caselog"
    with pytest.raises(Cancelled):
        export_bundle(
            store_a,
            out,
            recipients=["B"],
            progress=lambda done, total, what: steps.append(what),
            cancelled=lambda: "adding attachments" in steps,
        )
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    with store_a.session() as session:
        assert not session.scalars(select(BundleLog)).all()  # not logged as sent

    export_bundle(store_a, out, recipients=["B"])
    before = snapshot(store_b)
    with pytest.raises(Cancelled):
        import_bundle(store_b, out, cancelled=lambda: True)
    assert snapshot(store_b) == before


def test_redacted_values_never_overwrite_the_originals(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    from desktop_app.store.models import AuthorAccount, Report

    out = export_bundle(
        store_a,
        tmp_path / "r.caselog",
        recipients=["B"],
        redaction=frozenset({"reporter", "author", "notes"}),
    )
    import_bundle(store_b, out.path)
    first = case_refs_by_uid(store_a)
    with store_b.transaction() as session:
        report = session.scalars(select(Report).order_by(Report.reported_at)).first()
        assert report is not None and report.reporter.startswith("[redacted reporter ")
        _edit_newer(session, "report", report.id, channel="email")
    back = export_bundle(store_b, tmp_path / "back.caselog", recipients=["A"])
    result = import_bundle(store_a, back.path)
    # A's report is A's: B's (newer) change is shown as a conflict, never applied.
    assert result.preview.counts["reports"].updated == 0
    assert [(c.fields, c.reason) for c in result.preview.conflicts] == [
        (("channel",), "not_theirs")
    ]
    with store_a.session() as session:
        report = session.scalars(select(Report).order_by(Report.reported_at)).first()
        assert report is not None
        assert report.reporter == "Researcher A" and report.channel != "email"
        handles = set(session.scalars(select(AuthorAccount.handle)))
        assert "@Hate_Page" in handles and not any("redacted" in h for h in handles)
    assert case_refs_by_uid(store_a) == first  # no new cases


def test_redacted_authors_stay_apart_and_rows_keys_cannot_be_tested(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    """Twelve accounts made in one import (UUIDv7 uids sharing their clock prefix) stay
    twelve at the partner under --redact author; and a post with neither link nor
    reference travels with a keyed row key, not the plain hash of its author and
    reporter (which anyone could test guesses against)."""
    from desktop_app.core.timeutil import zone
    from desktop_app.importers.spreadsheet import import_file
    from tests.conftest import write_log

    rows = [
        {
            "platform": "facebook",
            "post_url": f"https://facebook.com/page{n}/posts/{n}",
            "author_handle": f"@author{n}",
            "content": f"post {n}",
            "reported_at": "2024-06-01T10:00",
            "reporter": "Ma Ma",
        }
        for n in range(12)
    ]
    rows.append(
        {
            "platform": "messenger",
            "author_handle": "@secret_handle",
            "content": "a chain letter",
            "reported_at": "2024-06-02T10:00",
            "reporter": "Daw Aye Aye",
        }
    )
    import_file(store_a, write_log(tmp_path / "more.csv", rows), zone("UTC"))
    out = export_bundle(
        store_a,
        tmp_path / "r.caselog",
        recipients=["B"],
        redaction=frozenset({"author", "reporter"}),
    ).path
    files = decrypt_zip(out, identity_of(store_b))
    text = files["records/posts.jsonl"].decode()
    with store_a.session() as session:
        plain = session.scalars(
            select(Post.identity_key).where(Post.identity_key.startswith("row:messenger:"))
        ).one()
    assert plain not in text and "row:messenger:" in text
    handles = [
        json.loads(line)["handle"] for line in files["records/accounts.jsonl"].decode().splitlines()
    ]
    assert len(set(handles)) == len(handles) and all("@" not in h for h in handles)
    import_bundle(store_b, out)
    assert indicators(store_b)["offending_accounts"] == indicators(store_a)["offending_accounts"]
    # A second bundle of the same records merges onto them: nothing new.
    again = export_bundle(
        store_a,
        tmp_path / "r2.caselog",
        recipients=["B"],
        redaction=frozenset({"author", "reporter"}),
    ).path
    preview = preview_bundle(store_b, again)
    assert preview.counts["posts"].new == 0 and preview.counts["accounts"].new == 0


def test_authors_merged_by_an_older_placeholder_come_apart_with_the_next_bundle(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    """Bundles made before today wrote "[redacted author <first 8 of the uid>]": a
    partner merged accounts made in the same minute into one. The next bundle, with
    the whole uid, takes them apart again, silently: the origin's own placeholder."""
    from desktop_app.core.timeutil import zone
    from desktop_app.importers.spreadsheet import import_file
    from tests.conftest import write_log
    from tests.sharing.test_ownership import forge

    rows = [
        {
            "platform": "facebook",
            "post_url": f"https://facebook.com/p{n}/posts/{n}",
            "author_handle": f"@same_minute_{n}",
            "content": f"post {n}",
            "reported_at": "2024-06-01T10:00",
        }
        for n in range(6)
    ]
    import_file(store_a, write_log(tmp_path / "six.csv", rows), zone("UTC"))
    redact = frozenset({"author"})
    first = export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"], redaction=redact)
    files = decrypt_zip(first.path, identity_of(store_b))

    def old_form(records: dict[str, list[dict[str, Any]]]) -> None:
        for account in records["accounts"]:
            account["handle"] = f"[redacted author {account['uid'][:8]}]"

    older = forge(files, store_a, store_b, tmp_path / "old.caselog", old_form)
    import_bundle(store_b, older)
    merged = indicators(store_b)["offending_accounts"]
    assert merged < indicators(store_a)["offending_accounts"]  # the old harm

    again = export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"], redaction=redact)
    result = import_bundle(store_b, again.path)
    assert not [c for c in result.preview.conflicts if c.kind in ("accounts", "posts")]
    assert indicators(store_b)["offending_accounts"] == indicators(store_a)["offending_accounts"]
