"""Hostile or broken bundles: each refused with one clear line, and nothing written."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pyrage import x25519

from desktop_app.core.errors import AppError, BadInputError, VerificationError
from desktop_app.sharing import export_bundle, import_bundle, preview_bundle, reader
from desktop_app.sharing.partners import remove_partner
from desktop_app.store.engine import Store
from tests.sharing.conftest import decrypt_zip, identity_of, resign, snapshot, write_bundle


@pytest.fixture
def bundle(store_a: Store, store_b: Store, partners: None, tmp_path: Path) -> Path:
    return export_bundle(store_a, tmp_path / "good.caselog", recipients=["B"]).path


def refused(store: Store, path: Path, error: type[AppError], words: str, **kwargs: object) -> str:
    """Both preview and import refuse with ``error``; the store is unchanged."""
    before = snapshot(store)
    for call in (preview_bundle, import_bundle):
        with pytest.raises(error) as caught:
            call(store, path, **kwargs)  # type: ignore[operator]
        message = caught.value.message
        assert words in message, message
        assert "\n" not in message and "Traceback" not in message
    assert snapshot(store) == before
    return message


def b_recipient(store_b: Store) -> x25519.Recipient:
    return identity_of(store_b).to_public()


def test_wrong_key(store_a: Store, store_b: Store, partners: None, tmp_path: Path) -> None:
    other = x25519.Identity.generate()
    out = export_bundle(
        store_a, tmp_path / "other.caselog", recipients=[str(other.to_public())]
    ).path
    message = refused(store_b, out, VerificationError, "cannot be opened with this organisation")
    assert "encrypted to another key, or its encryption header was damaged" in message


def test_truncated_file(store_b: Store, bundle: Path) -> None:
    data = bundle.read_bytes()
    for cut in (len(data) // 2, 40, 10):
        bundle.write_bytes(data[:cut])
        assert refused(store_b, bundle, VerificationError, "truncated")


def test_one_flipped_byte_in_the_ciphertext(store_b: Store, bundle: Path) -> None:
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    bundle.write_bytes(bytes(data))
    assert refused(store_b, bundle, VerificationError, "damaged")


def test_a_changed_record_fails_its_hash(store_b: Store, bundle: Path) -> None:
    files = decrypt_zip(bundle, identity_of(store_b))
    files["records/posts.jsonl"] = files["records/posts.jsonl"].replace(
        b"incitement", b"satire!!!!"
    )
    write_bundle(bundle, files, b_recipient(store_b))
    assert refused(store_b, bundle, VerificationError, "does not match its hash")


def test_a_changed_manifest_fails_the_signature(store_b: Store, bundle: Path) -> None:
    files = decrypt_zip(bundle, identity_of(store_b))
    manifest = json.loads(files["manifest.json"])
    manifest["origin"]["name"] = "Someone Trusted"
    files["manifest.json"] = json.dumps(manifest).encode()
    write_bundle(bundle, files, b_recipient(store_b))
    assert refused(store_b, bundle, VerificationError, "signature does not match")


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/cron.d/evil", "records/../../x", "C:\\x"])
def test_unsafe_paths(store_b: Store, bundle: Path, name: str) -> None:
    files = decrypt_zip(bundle, identity_of(store_b))
    write_bundle(bundle, [(name, b"boo"), *files.items()], b_recipient(store_b))
    assert refused(store_b, bundle, VerificationError, "unsafe path")


def test_zip_bomb_by_ratio(store_a: Store, store_b: Store, bundle: Path) -> None:
    files = decrypt_zip(bundle, identity_of(store_b))
    files["records/tags.jsonl"] = b" " * (64 << 20)  # 64 MiB that deflate to ~64 KiB
    write_bundle(bundle, resign(files, store_a), b_recipient(store_b))
    assert refused(store_b, bundle, VerificationError, "ZIP bomb")


def test_zip_bomb_by_total_size(
    store_b: Store, bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_TOTAL_BYTES", 10_000)  # the real cap is 2 GiB
    assert refused(store_b, bundle, VerificationError, "more than")


def test_a_field_of_the_wrong_type(store_a: Store, store_b: Store, bundle: Path) -> None:
    files = decrypt_zip(bundle, identity_of(store_b))
    lines = files["records/reports.jsonl"].splitlines()
    first = json.loads(lines[0])
    first["reported_at"] = 1520236800  # a number, not an ISO time
    files["records/reports.jsonl"] = b"\n".join([json.dumps(first).encode(), *lines[1:]])
    write_bundle(bundle, resign(files, store_a), b_recipient(store_b))
    message = refused(store_b, bundle, VerificationError, "'reported_at'")
    assert "records/reports.jsonl line 1" in message


@pytest.mark.parametrize(
    "change",
    [
        lambda rec: rec.update(uid="not-a-uid"),
        # A real uid with a line break after it: ``$`` would have let it through.
        lambda rec: rec.update(uid=rec["uid"] + "\n"),
        lambda rec: rec.update(post=rec["post"] + "\n"),
        lambda rec: rec.update(post="00000000-0000-4000-8000-000000000000"),
        lambda rec: rec.update(extra="field"),
        lambda rec: rec.pop("reporter"),
        lambda rec: rec.update(reporter=["a", "list"]),
    ],
)
def test_other_bad_records(
    store_a: Store, store_b: Store, bundle: Path, change: Callable[[dict], None]
) -> None:
    files = decrypt_zip(bundle, identity_of(store_b))
    lines = files["records/reports.jsonl"].splitlines()
    first = json.loads(lines[0])
    change(first)
    files["records/reports.jsonl"] = b"\n".join([json.dumps(first).encode(), *lines[1:]])
    write_bundle(bundle, resign(files, store_a), b_recipient(store_b))
    assert refused(store_b, bundle, VerificationError, "records/reports.jsonl")


def test_unknown_signer_is_refused_unless_trusted(store_b: Store, bundle: Path) -> None:
    remove_partner(store_b, "A")
    before = snapshot(store_b)
    preview = preview_bundle(store_b, bundle)  # the preview shows who it is
    assert not preview.signer_known and preview.origin_name == "Alpha Monitor"
    with pytest.raises(VerificationError) as caught:
        import_bundle(store_b, bundle)
    assert preview.fingerprint in caught.value.message
    assert "--trust-new-signer" in caught.value.message
    assert snapshot(store_b) == before
    assert import_bundle(store_b, bundle, trust_new_signer=True).written


def test_a_bundle_signed_by_another_key_than_it_names(
    store_a: Store, store_b: Store, bundle: Path
) -> None:
    """Re-signed by B's own key but claiming A's: the signature check catches it."""
    files = decrypt_zip(bundle, identity_of(store_b))
    resigned = resign(files, store_b)
    manifest = json.loads(files["manifest.json"])
    files["manifest.sig"] = resigned["manifest.sig"]
    files["manifest.json"] = json.dumps(manifest).encode()
    write_bundle(bundle, files, b_recipient(store_b))
    assert refused(store_b, bundle, VerificationError, "signature")


def test_not_a_zip_and_not_an_age_file(store_b: Store, tmp_path: Path, partners: None) -> None:
    import pyrage

    junk = tmp_path / "junk.caselog"
    junk.write_bytes(pyrage.encrypt(b"just some text", [b_recipient(store_b)]))
    assert refused(store_b, junk, VerificationError, "not a ZIP")
    plain = tmp_path / "plain.caselog"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("manifest.json", "{}")
    assert refused(store_b, plain, BadInputError, "not an age-encrypted")


def test_missing_signature(store_b: Store, bundle: Path) -> None:
    files = decrypt_zip(bundle, identity_of(store_b))
    del files["manifest.sig"]
    write_bundle(bundle, files, b_recipient(store_b))
    assert refused(store_b, bundle, VerificationError, "no signed manifest")


def test_a_response_dated_before_its_report(store_a: Store, store_b: Store, bundle: Path) -> None:
    files = decrypt_zip(bundle, identity_of(store_b))
    lines = files["records/responses.jsonl"].splitlines()
    first = json.loads(lines[0])
    first["received_at"] = "2001-01-01T00:00:00+00:00"
    files["records/responses.jsonl"] = b"\n".join([json.dumps(first).encode(), *lines[1:]])
    write_bundle(bundle, resign(files, store_a), b_recipient(store_b))
    assert refused(store_b, bundle, VerificationError, "dated before its report")


def test_wrong_passphrase(store_a: Store, store_b: Store, tmp_path: Path) -> None:
    out = export_bundle(store_a, tmp_path / "p.caselog", passphrase="right phrase here").path
    assert refused(
        store_b, out, BadInputError, "wrong bundle passphrase", passphrase="wrong phrase"
    )
    assert refused(store_b, out, BadInputError, "protected by a passphrase")


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("records/evil.jsonl", "unexpected file"),
        ("run-me.exe", "unexpected file"),
        ("records/posts.jsonl", "twice"),
    ],
)
def test_unexpected_or_repeated_files(store_b: Store, bundle: Path, extra: str, words: str) -> None:
    import warnings

    files = decrypt_zip(bundle, identity_of(store_b))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        write_bundle(bundle, [(extra, b"{}\n"), *files.items()], b_recipient(store_b))
    assert refused(store_b, bundle, VerificationError, words)
