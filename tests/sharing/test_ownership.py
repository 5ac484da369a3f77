"""A trusted partner cannot change what it does not own (issue 14, "High").

A is us, B and C are partners. Every attack below is a bundle correctly signed by
B's own key: the signature is not the defence here, ownership is.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.core.errors import VerificationError
from desktop_app.core.timeutil import now_utc
from desktop_app.sharing import export_bundle, import_bundle, preview_bundle
from desktop_app.sharing.partners import add_partner
from desktop_app.store import repository
from desktop_app.store.audit import verify_chain
from desktop_app.store.engine import Store, create_store
from desktop_app.store.keys import load_keys
from desktop_app.store.models import AuditEvent, Post
from tests.conftest import PASSPHRASE
from tests.sharing.conftest import card_of, decrypt_zip, identity_of, snapshot, write_bundle

B_NAME = "ဘီ Watch"
C_NAME = "Charlie Lens"
C_URL = "https://www.tiktok.com/@witness/video/9001"


def jsonl(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode().split("\n") if line.strip()]


def dump(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(
        (json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n").encode() for r in rows
    )


def forge(
    files: dict[str, bytes],
    signer: Store,
    to: Store,
    path: Path,
    change: Callable[[dict[str, list[dict[str, Any]]]], None],
    *,
    origin_name: str | None = None,
) -> Path:
    """Change the records, then make a bundle correctly signed by ``signer`` (its own
    key and name) and encrypted to ``to``: a partner doing what it likes."""
    records = {
        name.split("/")[1].removesuffix(".jsonl"): jsonl(data)
        for name, data in files.items()
        if name.startswith("records/")
    }
    change(records)
    out = {k: v for k, v in files.items() if not k.startswith("records/")}
    manifest = json.loads(files["manifest.json"])
    for name, rows in records.items():
        data = dump(rows)
        out[f"records/{name}.jsonl"] = data
        manifest["files"][f"records/{name}.jsonl"] = {
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
        }
        manifest["counts"][name] = len(rows)
    with signer.session() as session:
        keys = load_keys(session)
        org = repository.get_organisation(session)
    manifest["origin"].update(
        name=origin_name or org.name,
        uid=org.uid,
        signing_public_key=keys.signing_public,
        fingerprint="",
    )
    manifest["key_changes"] = []
    body = json.dumps(manifest).encode()
    out["manifest.json"], out["manifest.sig"] = body, keys.sign(body)
    ordered = {"manifest.json": body, "manifest.sig": out["manifest.sig"], **out}
    return write_bundle(path, ordered, identity_of(to).to_public())


@pytest.fixture
def store_c(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "c.db", PASSPHRASE, organisation=C_NAME) as store:
        yield store


@pytest.fixture
def three(store_a: Store, store_b: Store, store_c: Store, partners: None) -> None:
    add_partner(store_a, card_of(store_c, "C"))
    add_partner(store_c, card_of(store_a, "A"))


def case_state(store: Store) -> dict[str, object]:
    """What a reader of our cases sees: texts, reporters, outcomes, labels."""
    with store.engine.connect() as conn:
        q = conn.exec_driver_sql
        return {
            "posts": sorted(q("SELECT uid, content, notes, coalesce(origin_org, '') FROM post")),
            "reports": sorted(q("SELECT uid, reporter, final_outcome FROM report")),
            "responses": sorted(q("SELECT uid, outcome, text FROM response")),
        }


def later(hours: float = 1) -> str:
    return (now_utc() + timedelta(hours=hours)).isoformat(timespec="microseconds")


def rewrite_everything(when: str) -> Callable[[dict[str, list[dict[str, Any]]]], None]:
    def change(records: dict[str, list[dict[str, Any]]]) -> None:
        for post in records["posts"]:
            post.update(content="rewritten by B", updated_at=when)
        for report in records["reports"]:
            report.update(reporter="Mallory", updated_at=when)
        for response in records["responses"]:
            if response["outcome"] == "removed":
                response.update(outcome="no_violation", updated_at=when)

    return change


def test_b_cannot_rewrite_our_case_even_with_our_uids(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    ours = export_bundle(store_a, tmp_path / "ours.caselog", recipients=["B"]).path
    files = decrypt_zip(ours, identity_of(store_b))
    before, state = snapshot(store_a), case_state(store_a)

    # updated_at in 2030: the bundle is refused whole, with one line.
    future = forge(
        files,
        store_b,
        store_a,
        tmp_path / "2030.caselog",
        rewrite_everything("2030-01-01T00:00:00+00:00"),
    )
    for call in (preview_bundle, import_bundle):
        with pytest.raises(VerificationError) as caught:
            call(store_a, future)
        assert "in the future" in caught.value.message and "\n" not in caught.value.message
    assert snapshot(store_a) == before

    # A time in range, newer than ours: still never applied; each is a conflict.
    forged = forge(files, store_b, store_a, tmp_path / "now.caselog", rewrite_everything(later()))
    preview = preview_bundle(store_a, forged)
    assert preview.signer_partner == "B"
    assert preview.conflicts and {c.reason for c in preview.conflicts} == {"not_theirs"}
    assert {c.kept for c in preview.conflicts} == {"local"}
    assert {c.owner for c in preview.conflicts} == {"this organisation"}
    result = import_bundle(store_a, forged)
    assert all(c.updated == 0 for c in result.preview.counts.values())
    assert case_state(store_a) == state  # text, reporter, outcome "removed": all ours
    with store_a.session() as session:
        assert verify_chain(session).intact
        conflicts = session.scalars(select(AuditEvent).where(AuditEvent.action == "conflict"))
        assert {json.loads(e.detail)["reason"] for e in conflicts} == {"not_theirs"}


def test_b_cannot_overwrite_cs_case_matched_by_link(
    store_a: Store, store_b: Store, store_c: Store, three: None, tmp_path: Path
) -> None:
    import_bundle(store_a, _c_case_bundle(store_c, store_a, tmp_path))
    with store_b.transaction() as session:  # B logs the same link, its own way
        post = repository.add_post(
            session,
            repository.PostFields(platform="TikTok", url=C_URL, content="B's lie"),
        )
        repository.add_report(
            session, post, reported_at=datetime(2024, 2, 2, tzinfo=UTC), reporter="B desk"
        )
    with store_b.engine.begin() as conn:  # and makes it look like the newest
        # (updated_at is made from created_at and this offset: schema 0017)
        conn.exec_driver_sql("UPDATE post SET updated_offset = updated_offset + 3600000000")
    from_b = export_bundle(store_b, tmp_path / "b.caselog", recipients=["A"]).path

    result = import_bundle(store_a, from_b)
    [conflict] = [c for c in result.preview.conflicts if c.kind == "posts"]
    assert (conflict.reason, conflict.kept, conflict.owner) == ("not_theirs", "local", C_NAME)
    assert result.preview.counts["posts"].updated == 0
    with store_a.session() as session:
        [post] = session.scalars(
            select(Post).where(Post.platform == "tiktok", Post.url.contains("witness"))
        )  # type: ignore[union-attr]
        assert (post.content, post.origin_org) == ("C's witness video", C_NAME)


def test_b_cannot_plant_a_case_labelled_as_cs(
    store_a: Store, store_b: Store, store_c: Store, three: None, tmp_path: Path
) -> None:
    with store_b.transaction() as session:
        repository.add_post(
            session,
            repository.PostFields(platform="Facebook", url="https://facebook.com/x/1", content="x"),
        )
    honest = export_bundle(store_b, tmp_path / "b.caselog", recipients=["A"]).path
    files = decrypt_zip(honest, identity_of(store_a))

    def label_as_c(records: dict[str, list[dict[str, Any]]]) -> None:
        for kind in ("posts", "accounts"):
            for rec in records[kind]:
                rec["origin_org"] = C_NAME

    forged = forge(files, store_b, store_a, tmp_path / "planted.caselog", label_as_c)
    result = import_bundle(store_a, forged)
    assert result.preview.relabelled >= 1
    with store_a.session() as session:
        post = session.scalars(select(Post).where(Post.url == "https://facebook.com/x/1")).one()
        assert post.origin_org == B_NAME  # the signer's, never C's
        labels = set(session.scalars(select(Post.origin_org)))
        assert C_NAME not in labels


def test_b_cannot_inject_custody_events_as_ours(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    with store_a.session() as session:
        our_post = session.scalars(select(Post.uid).order_by(Post.id)).first()
    with store_b.transaction() as session:
        repository.add_post(
            session,
            repository.PostFields(platform="Facebook", url="https://facebook.com/b/2", content="b"),
        )
    honest = export_bundle(store_b, tmp_path / "b.caselog", recipients=["A"]).path
    files = decrypt_zip(honest, identity_of(store_a))

    def inject(records: dict[str, list[dict[str, Any]]]) -> None:
        b_post = records["posts"][0]["uid"]
        base = {"at": now_utc().isoformat(), "entity": "post", "detail": {}}
        records["audit"] = [
            {
                **base,
                "uid": "00000000-0000-4000-8000-00000000dead",
                "actor": "Daw Khin, director (Alpha Monitor)",
                "action": "delete",
                "entity_uid": our_post,
            },
            {
                **base,
                "uid": "00000000-0000-4000-8000-0000000000b2",
                "actor": "Alpha Monitor",
                "action": "update",
                "entity_uid": b_post,
            },
        ]

    forged = forge(files, store_b, store_a, tmp_path / "inject.caselog", inject)
    result = import_bundle(store_a, forged)
    assert result.preview.counts["audit"].refused == 1
    assert result.preview.counts["audit"].new == 1
    with store_a.session() as session:
        events = list(session.scalars(select(AuditEvent)))
        assert not [e for e in events if e.action == "delete" and e.entity_uid == our_post]
        assert not [e for e in events if "director" in e.actor]
        [kept] = [e for e in events if e.uid == "00000000-0000-4000-8000-0000000000b2"]
        assert kept.action == "partner.update"  # B's edit, kept as B's
        assert kept.actor == f"Alpha Monitor@{B_NAME}"  # not an actor of ours
        detail = json.loads(kept.detail)
        assert detail["origin_org"] == B_NAME and detail["origin_action"] == "update"
        assert verify_chain(session).intact


def test_b_cannot_hang_a_response_on_our_report(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    ours = export_bundle(store_a, tmp_path / "ours.caselog", recipients=["B"]).path
    files = decrypt_zip(ours, identity_of(store_b))
    state = case_state(store_a)

    def add_verdict(records: dict[str, list[dict[str, Any]]]) -> None:
        first = records["responses"][0]
        records["responses"].append(
            {
                **first,
                "uid": "00000000-0000-4000-8000-0000000000aa",
                "outcome": "no_violation",
                "text": "B says: no violation",
                "updated_at": later(),
            }
        )

    forged = forge(files, store_b, store_a, tmp_path / "verdict.caselog", add_verdict)
    result = import_bundle(store_a, forged)
    assert result.preview.counts["responses"].refused == 1
    assert [c.reason for c in result.preview.conflicts] == ["refused"]
    assert case_state(store_a) == state


def test_times_before_2000_refuse_the_bundle(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    with store_b.transaction() as session:
        post = repository.add_post(
            session, repository.PostFields(platform="X", url="https://x.com/a/status/1")
        )
        repository.add_report(session, post, reported_at=datetime(2024, 1, 1, tzinfo=UTC))
    files = decrypt_zip(
        export_bundle(store_b, tmp_path / "b.caselog", recipients=["A"]).path, identity_of(store_a)
    )

    def ancient(records: dict[str, list[dict[str, Any]]]) -> None:
        records["reports"][0]["reported_at"] = "1999-12-31T23:00:00+00:00"

    forged = forge(files, store_b, store_a, tmp_path / "old.caselog", ancient)
    before = snapshot(store_a)
    with pytest.raises(VerificationError) as caught:
        import_bundle(store_a, forged)
    assert "before 2000-01-01" in caught.value.message
    assert snapshot(store_a) == before


def test_our_own_bundle_back_from_b_changes_nothing(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    """The honest round trip still works: what B relays of ours is 'same'."""
    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    back = export_bundle(store_b, tmp_path / "2.caselog", recipients=["A"]).path
    before = case_state(store_a)
    result = import_bundle(store_a, back)
    assert not result.preview.conflicts
    assert case_state(store_a) == before


@pytest.mark.parametrize("claimed", ["Alpha Monitor", C_NAME])
def test_b_cannot_sign_under_our_name_or_cs(
    store_a: Store, store_b: Store, store_c: Store, three: None, tmp_path: Path, claimed: str
) -> None:
    with store_c.transaction() as session:
        repository.add_post(session, repository.PostFields(platform="X", url="https://x.com/c/1"))
    import_bundle(store_a, export_bundle(store_c, tmp_path / "c.caselog", recipients=["A"]).path)
    with store_b.transaction() as session:
        repository.add_post(session, repository.PostFields(platform="X", url="https://x.com/b/1"))
    files = decrypt_zip(
        export_bundle(store_b, tmp_path / "b.caselog", recipients=["A"]).path, identity_of(store_a)
    )
    forged = forge(
        files, store_b, store_a, tmp_path / "as.caselog", lambda r: None, origin_name=claimed
    )
    import_bundle(store_a, forged)
    with store_a.session() as session:
        label = session.scalars(
            select(Post.origin_org).where(Post.url == "https://x.com/b/1")
        ).one()
    assert label is not None and label != claimed and label.startswith("B (key ")
    assert f"signed as {claimed}" in label


def _c_case_bundle(store_c: Store, to: Store, tmp_path: Path) -> Path:
    with store_c.transaction() as session:
        post = repository.add_post(
            session,
            repository.PostFields(platform="TikTok", url=C_URL, content="C's witness video"),
        )
        repository.add_report(
            session, post, reported_at=datetime(2024, 2, 1, tzinfo=UTC), reporter="C desk"
        )
    return export_bundle(store_c, tmp_path / "c.caselog", recipients=["A"]).path


def _b_with_bundle_id(
    store_b: Store, store_a: Store, bundle_id: str, tmp_path: Path, name: str
) -> Path:
    """A bundle correctly signed by B that reuses another bundle's id."""
    with store_b.transaction() as session:
        repository.add_post(
            session,
            repository.PostFields(
                platform="Facebook", url=f"https://facebook.com/b/{name}", content="B's post"
            ),
        )
    own = export_bundle(store_b, tmp_path / f"own-{name}.caselog", recipients=["A"]).path
    files = decrypt_zip(own, identity_of(store_a))
    manifest = json.loads(files["manifest.json"])
    manifest["bundle_id"] = bundle_id
    files["manifest.json"] = json.dumps(manifest).encode()
    return forge(files, store_b, store_a, tmp_path / f"{name}.caselog", lambda records: None)


def test_a_bundle_id_taken_first_by_another_signer_gives_it_no_records(
    store_a: Store, store_b: Store, store_c: Store, three: None, tmp_path: Path
) -> None:
    """B learns the id of C's bundle (it was a co-recipient) and sends A a bundle of its
    own under that id before C's arrives. Records remember the bundle they came in, so
    B would own C's records once C's bundle merged: edit them, retract them. A bundle
    id already brought by another key is refused, whichever came first."""
    genuine = _c_case_bundle(store_c, store_a, tmp_path)
    bundle_id = json.loads(decrypt_zip(genuine, identity_of(store_a))["manifest.json"])["bundle_id"]
    first = _b_with_bundle_id(store_b, store_a, bundle_id, tmp_path, "first")
    import_bundle(store_a, first)
    before = snapshot(store_a)
    for attempt in (preview_bundle, import_bundle):
        with pytest.raises(VerificationError, match="another key"):
            attempt(store_a, genuine)
    assert snapshot(store_a) == before
    with store_a.session() as session:
        assert not session.scalars(select(Post).where(Post.url == C_URL)).all()


def test_a_bundle_id_already_brought_by_its_signer_cannot_be_reused_by_another(
    store_a: Store, store_b: Store, store_c: Store, three: None, tmp_path: Path
) -> None:
    genuine = _c_case_bundle(store_c, store_a, tmp_path)
    import_bundle(store_a, genuine)
    bundle_id = json.loads(decrypt_zip(genuine, identity_of(store_a))["manifest.json"])["bundle_id"]
    later_b = _b_with_bundle_id(store_b, store_a, bundle_id, tmp_path, "later")
    before = snapshot(store_a)
    with pytest.raises(VerificationError, match="another key"):
        import_bundle(store_a, later_b)
    assert snapshot(store_a) == before
    # C's own bundle again: the same signer, nothing new, no refusal.
    assert not import_bundle(store_a, genuine).written


def test_b_cannot_sign_as_a_partner_that_has_sent_nothing_yet(
    store_a: Store, store_b: Store, store_c: Store, three: None, tmp_path: Path
) -> None:
    """Our directory names partner C before any bundle of C's arrived: B signing as C
    (the directory's name for it) does not label its records as C's."""
    with store_b.transaction() as session:
        repository.add_post(session, repository.PostFields(platform="X", url="https://x.com/b/2"))
    files = decrypt_zip(
        export_bundle(store_b, tmp_path / "b.caselog", recipients=["A"]).path, identity_of(store_a)
    )
    forged = forge(
        files, store_b, store_a, tmp_path / "as-c.caselog", lambda r: None, origin_name=" c "
    )
    import_bundle(store_a, forged)
    with store_a.session() as session:
        label = session.scalars(
            select(Post.origin_org).where(Post.url == "https://x.com/b/2")
        ).one()
    assert label is not None and label.startswith("B (key "), label
