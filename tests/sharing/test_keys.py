"""Rotating the organisation's keys (issue 14, item 8): partners move to the new keys
only through the notice the old key signs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyrage import x25519
from sqlalchemy import select

from desktop_app.core import signing
from desktop_app.core.errors import VerificationError
from desktop_app.core.timeutil import now_utc
from desktop_app.sharing import export_bundle, import_bundle, list_partners, preview_bundle
from desktop_app.store.engine import Store
from desktop_app.store.keys import load_keys, rotate_keys
from desktop_app.store.models import AuditEvent, OrgKey, Post
from desktop_app.store.types import to_micros
from desktop_app.store.writer import Writer
from tests.sharing.conftest import decrypt_zip, identity_of, snapshot, write_bundle
from tests.sharing.test_ownership import forge
from tests.test_cli import cli


def test_partners_follow_a_rotation_through_the_signed_notice(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    with store_a.session() as session:
        old = load_keys(session)
    with store_a.transaction() as session:
        rotation = rotate_keys(session, "laptop seized")
    with store_a.session() as session:
        new = load_keys(session)
        assert new.signing_public != old.signing_public
        assert new.age_recipient != old.age_recipient
        assert new.retired_signing_publics == (old.signing_public,)
        assert len(new.key_changes) == 1
        assert session.scalars(select(AuditEvent).where(AuditEvent.action == "rotate_keys")).one()
    assert rotation.new_fingerprint == new.fingerprint

    # A edits a case after rotating, and sends the next bundle, signed by the new key.
    with store_a.engine.begin() as conn:
        post_id, uid = conn.exec_driver_sql(
            "SELECT id, uid FROM post WHERE platform = 'tiktok'"
        ).one()
        Writer(conn).update(
            "post",
            [{"id": post_id, "notes": "after rotation", "updated_at": to_micros(now_utc())}],
        )
    second = export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"])
    manifest = json.loads(decrypt_zip(second.path, identity_of(store_b))["manifest.json"])
    assert manifest["origin"]["signing_public_key"] == new.signing_public
    assert len(manifest["key_changes"]) == 1

    preview = preview_bundle(store_b, second.path)
    assert preview.signer_known and preview.key_change is not None
    assert preview.key_change.new_fingerprint == new.fingerprint
    result = import_bundle(store_b, second.path)
    assert result.preview.counts["posts"].updated == 1  # still A's record under the new key
    [partner_a] = [p for p in list_partners(store_b) if p.name == "A"]
    assert partner_a.signing_public_key == new.signing_public
    assert partner_a.age_recipient == new.age_recipient
    with store_b.session() as session:
        assert session.scalars(select(Post.notes).where(Post.uid == uid)).one() == (
            "after rotation"
        )
        assert session.scalars(select(AuditEvent).where(AuditEvent.action == "key_change")).one()

    # B's bundles now go to A's new age key only; A still opens them.
    back = export_bundle(store_b, tmp_path / "back.caselog", recipients=["A"])
    import_bundle(store_a, back.path)
    with pytest.raises(Exception):  # noqa: B017 - the retired identity cannot open it
        decrypt_zip(back.path, x25519.Identity.from_str(old.age_identity))


def test_a_new_key_without_the_notice_is_not_accepted(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    """Someone with A's name but a key A's old key never vouched for."""
    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    with store_a.transaction() as session:
        rotate_keys(session)
    files = decrypt_zip(
        export_bundle(store_a, tmp_path / "2.caselog", recipients=["B"]).path,
        identity_of(store_b),
    )
    manifest = json.loads(files["manifest.json"])
    stranger = signing.new_signing_seed()
    manifest["origin"]["signing_public_key"] = signing.public_key_b64(stranger)
    body = json.dumps(manifest).encode()
    files.update({"manifest.json": body, "manifest.sig": signing.sign(stranger, body)})
    forged = write_bundle(tmp_path / "forged.caselog", files, identity_of(store_b).to_public())
    before = snapshot(store_b)
    with pytest.raises(VerificationError) as caught:
        import_bundle(store_b, forged)
    assert "key-change notices do not lead to the key that signed it" in caught.value.message
    # Without any notice, the new key is simply unknown.
    forged2 = forge(files, store_a, store_b, tmp_path / "nonotice.caselog", lambda r: None)
    with pytest.raises(VerificationError) as caught:
        import_bundle(store_b, forged2)
    assert "not a partner's" in caught.value.message
    assert snapshot(store_b) == before
    [partner_a] = [p for p in list_partners(store_b) if p.name == "A"]
    with store_a.session() as session:
        assert partner_a.signing_public_key in load_keys(session).retired_signing_publics


def test_rotate_keys_on_the_command_line(tmp_path: Path, passphrase_file: Path) -> None:
    db = ["--db", str(tmp_path / "a.db"), "--passphrase-file", str(passphrase_file)]
    assert cli(*db, "init", "--org", "Alpha Monitor").returncode == 0
    before = cli(*db, "key").stdout
    done = cli(*db, "rotate-keys", "--reason", "laptop lost")
    assert done.returncode == 0, done.stderr
    assert "New signing key fingerprint" in done.stdout and "(retired)" in done.stdout
    after = cli(*db, "key").stdout
    assert before != after
    old_fp = before.split("Signing key fingerprint: ")[1].split("\n")[0]
    assert f"{old_fp} (retired)" in done.stdout


def test_retired_keys_stay_in_the_store_only(store_a: Store, tmp_path: Path) -> None:
    with store_a.transaction() as session:
        rotate_keys(session)
        rotate_keys(session)
    with store_a.session() as session:
        kinds = sorted(session.scalars(select(OrgKey.kind)))
        keys = load_keys(session)
    assert kinds.count("ed25519") == 1 and kinds.count("age-x25519") == 1
    assert len(keys.retired_signing_publics) == 2 and len(keys.key_changes) == 2
    # Each notice is signed by the key it retires and names the next one.
    for (notice, signature), old in zip(
        keys.key_changes, reversed(keys.retired_signing_publics), strict=True
    ):
        signing.verify(old, notice, signature, what="key-change notice")
