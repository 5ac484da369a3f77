"""Resource limits before work, the signer before the payload, honest refusals,
and nothing left behind (issue 14, items 5 and the Low list)."""

from __future__ import annotations

import getpass
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.errors import VerificationError
from desktop_app.sharing import export_bundle, import_bundle, preview_bundle, reader
from desktop_app.store import repository
from desktop_app.store.engine import Store, create_store
from desktop_app.store.keys import load_keys
from tests.conftest import PASSPHRASE
from tests.sharing.conftest import decrypt_zip, identity_of, snapshot, write_bundle
from tests.sharing.test_ownership import jsonl
from tests.test_cli import cli


@pytest.fixture
def store_d(tmp_path: Path) -> Iterator[Store]:
    """An organisation nobody has added as a partner."""
    with create_store(tmp_path / "d.db", PASSPHRASE, organisation="Delta Unknown") as store:
        with store.transaction() as session:
            post = repository.add_post(
                session,
                repository.PostFields(platform="X", url="https://x.com/d/status/1", content="d"),
            )
            repository.add_attachment(
                session,
                os.urandom(12 << 20),  # a 12 MB "video"
                original_name="big.mp4",
                media_type="video/mp4",
                post=post,
            )
        yield store


def a_recipient(store: Store) -> str:
    with store.session() as session:
        return load_keys(session).age_recipient


def test_an_unknown_signer_is_refused_from_the_head_alone(
    store_a: Store, store_d: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = export_bundle(store_d, tmp_path / "d.caselog", recipients=[a_recipient(store_a)]).path
    assert big.stat().st_size > 12 << 20
    # Damage the end: had it been decrypted, this would say "damaged".
    data = bytearray(big.read_bytes())
    data[-100] ^= 0xFF
    big.write_bytes(bytes(data))

    def no_full_decrypt(*_args: object) -> None:
        raise AssertionError("the whole bundle was decrypted before the signer was checked")

    monkeypatch.setattr(reader, "_decrypt", no_full_decrypt)
    before = snapshot(store_a)
    with pytest.raises(VerificationError) as caught:
        import_bundle(store_a, big)
    assert "not a partner's" in caught.value.message and "Delta Unknown" in caught.value.message
    # The window's preview can stop there too, and show who signed it.
    preview = preview_bundle(store_a, big, stop_at_unknown_signer=True)
    assert not preview.records_checked and not preview.signer_known
    assert preview.origin_name == "Delta Unknown"
    assert snapshot(store_a) == before


def test_flipped_age_header_bytes_exit_4_with_an_honest_message(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path, passphrase_file: Path
) -> None:
    good = export_bundle(store_a, tmp_path / "good.caselog", recipients=["B"]).path
    data = good.read_bytes()
    header_end = data.index(b"\n--- ") + 5 + 43  # the MAC line
    for position in range(0, header_end, 5):
        bad = bytearray(data)
        bad[position] ^= 0x01
        path = tmp_path / "flipped.caselog"
        path.write_bytes(bytes(bad))
        with pytest.raises(VerificationError) as caught:
            import_bundle(store_b, path)
        message = caught.value.message
        assert "header" in message, (position, message)
        assert "\n" not in message


def test_caps_are_checked_before_parsing(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = export_bundle(store_a, tmp_path / "good.caselog", recipients=["B"]).path
    before = snapshot(store_b)
    cases = [
        ("MAX_BUNDLE_BYTES", 1000, "larger than"),
        ("MAX_RECORDS", 5, "more than 5 records"),
        ("MAX_LINE_BYTES", 200, "the line is too long"),
        ("MAX_MANIFEST_BYTES", 500, "too large"),
    ]
    for name, value, words in cases:
        with monkeypatch.context() as patch:
            patch.setattr(reader, name, value)
            patch.setattr(reader, "HEAD_BYTES", 1 << 20)
            with pytest.raises(VerificationError) as caught:
                import_bundle(store_b, good)
            assert words in caught.value.message, (name, caught.value.message)
    assert snapshot(store_b) == before


def test_more_lines_than_the_manifest_counts_stop_at_the_first_extra(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    files = decrypt_zip(
        export_bundle(store_a, tmp_path / "good.caselog", recipients=["B"]).path,
        identity_of(store_b),
    )
    manifest = json.loads(files["manifest.json"])
    manifest["counts"]["posts"] = 1  # the file holds 3; signed by A all the same
    with store_a.session() as session:
        keys = load_keys(session)
    body = json.dumps(manifest).encode()
    files.update({"manifest.json": body, "manifest.sig": keys.sign(body)})
    lying = write_bundle(tmp_path / "lying.caselog", files, identity_of(store_b).to_public())
    with pytest.raises(VerificationError) as caught:
        import_bundle(store_b, lying)
    assert "more records than the manifest says (1)" in caught.value.message


def test_leftovers_are_cleaned_and_bundles_are_private(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    target = tmp_path / "out.caselog"
    leftover = tmp_path / ".out.caselog.k1ll3d.part"  # from an export killed earlier
    leftover.write_bytes(b"age-encryption.org/v1\n...")
    made = export_bundle(store_a, target, recipients=["B"])
    assert not leftover.exists()
    assert [p.name for p in tmp_path.glob(".out.caselog*")] == []
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600


def test_the_login_name_never_goes_into_a_bundle(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    login = getpass.getuser()
    files = decrypt_zip(
        export_bundle(store_a, tmp_path / "o.caselog", recipients=["B"]).path, identity_of(store_b)
    )
    actors = {event["actor"] for event in jsonl(files["records/audit.jsonl"])}
    assert actors == {"Alpha Monitor"}
    assert login not in actors


def test_cli_exit_4_for_a_damaged_header(tmp_path: Path, passphrase_file: Path) -> None:
    db = ["--db", str(tmp_path / "a.db"), "--passphrase-file", str(passphrase_file)]
    assert cli(*db, "init", "--org", "Alpha Monitor").returncode == 0
    with create_store(tmp_path / "x.db", PASSPHRASE, organisation="X") as other:
        out = export_bundle(other, tmp_path / "x.caselog", passphrase="a long passphrase").path
    data = bytearray(out.read_bytes())
    data[3] ^= 0x01  # "age-encryption.org" becomes "agd-..."
    out.write_bytes(bytes(data))
    done = cli(*db, "import-bundle", str(out))
    assert done.returncode == 4, done.stderr
    assert "header is damaged" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_format_1_bundle_still_merges(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    """Bundles made before format 2 (no retraction notices, manifest last) still open;
    the signer is then checked after decrypting, before any record is parsed."""
    files = decrypt_zip(
        export_bundle(store_a, tmp_path / "v2.caselog", recipients=["B"]).path,
        identity_of(store_b),
    )
    manifest = json.loads(files.pop("manifest.json"))
    files.pop("manifest.sig")
    files.pop("records/retractions.jsonl")
    manifest["version"] = 1
    del manifest["key_changes"]
    del manifest["files"]["records/retractions.jsonl"]
    del manifest["counts"]["retractions"]
    with store_a.session() as session:
        keys = load_keys(session)
    body = json.dumps(manifest).encode()
    old = write_bundle(
        tmp_path / "v1.caselog",
        {**files, "manifest.json": body, "manifest.sig": keys.sign(body)},  # manifest last
        identity_of(store_b).to_public(),
    )
    result = import_bundle(store_b, old)
    assert result.written and result.preview.counts["posts"].new == 3


KILLED_EXPORT = """
import sys, time
import pyrage
from desktop_app.sharing import bundle
from desktop_app.store.engine import open_store

real = pyrage.encrypt_io


def slow(source, sink, recipients):  # write part of the ciphertext, then hang
    import io
    out = io.BytesIO()
    real(source, out, recipients)
    sink.write(out.getvalue()[: len(out.getvalue()) // 2])
    sink.flush()
    print("half written", flush=True)
    time.sleep(600)


bundle.pyrage.encrypt_io = slow
store = open_store(sys.argv[1], sys.argv[2])
bundle.export_bundle(store, sys.argv[3], recipients=["B"])
"""


def test_a_killed_export_leaves_only_ciphertext_which_the_next_export_removes(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path
) -> None:
    import subprocess
    import sys

    db = store_a.path
    store_a.close()
    target = tmp_path / "killed.caselog"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(db), PASSPHRASE, str(target)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "half written"
    finally:
        child.kill()  # SIGKILL: no cleanup of any kind runs
        child.wait()
    [left] = list(tmp_path.glob(".killed.caselog.*.part"))
    assert stat.S_IMODE(left.stat().st_mode) == 0o600
    data = left.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n")
    assert b"PK\x03\x04" not in data and b"Hate_Page" not in data and not target.exists()
    from desktop_app.store.engine import open_store

    with open_store(db, PASSPHRASE) as again:
        export_bundle(again, target, recipients=["B"])
    assert not left.exists() and target.exists()
