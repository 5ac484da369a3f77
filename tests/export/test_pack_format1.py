"""Packs researchers already hold: format 1 (files at the top of the ZIP, no BagIt, no
custody chain), made here by the writer of commit fa99daf (tests/export/format1_writer.py).
verify-pack checks its hashes, signature and signer as strictly as a format-2 pack's,
and says plainly that its custody chain cannot be checked. Forgeries are refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from fpdf import FPDF

from desktop_app.core import signing
from desktop_app.export.verify import (
    PackVerificationError,
    known_signers_of,
    verify_pack,
)
from tests.export import sample
from tests.export.format1_writer import export_pack as export_format1
from tests.export.test_pack_trust import _cli


@pytest.fixture
def older(store, tmp_path: Path) -> tuple[Path, str, str]:  # type: ignore[no-untyped-def]
    """A genuine format-1 pack of every case: (path, fingerprint, case with files)."""
    filled = sample.fill(store, tmp_path, generated=8)
    result = export_format1(store, sample.params(), tmp_path / "older.zip")
    return result.path, result.fingerprint, filled.post_with_files.case_ref


def _unzip(pack: Path, into: Path) -> Path:
    with zipfile.ZipFile(pack) as zf:
        zf.extractall(into)
    return into


def _zip(folder: Path, out: Path) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    return out


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _reseal_v1(folder: Path, seed: bytes, *, shown_fingerprint: str | None = None) -> str:
    """What a forger with their own key does to a format-1 pack: rehash, re-sign, and
    rewrite SHA256SUMS. Returns the forger's fingerprint."""
    public = signing.public_key_b64(seed)
    own = signing.fingerprint(public)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    manifest["made_by"]["signing_public_key"] = public
    manifest["made_by"]["fingerprint"] = shown_fingerprint or own
    for entry in manifest["files"]:
        data = (folder / entry["path"]).read_bytes()
        entry["size"], entry["sha256"] = len(data), _sha(data)
    body = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    (folder / "manifest.json").write_bytes(body)
    (folder / "manifest.sig").write_bytes(signing.sign(seed, body))
    every = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    (folder / "SHA256SUMS").write_text(
        "".join(f"{_sha((folder / p).read_bytes())}  {p}\n" for p in every if p != "SHA256SUMS"),
        "utf-8",
    )
    return own


def _change_outcome(folder: Path, case_ref: str) -> None:
    path = folder / "cases" / case_ref / "case.json"
    text = path.read_text("utf-8")
    assert '"outcome": "account_banned"' in text
    path.write_text(text.replace('"outcome": "account_banned"', '"outcome": "no_action"'), "utf-8")


def _show_everywhere(folder: Path, real: str, forged: str) -> None:
    page = folder / "index.html"
    page.write_text(page.read_text("utf-8").replace(real, forged), "utf-8")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=f"Signing key {forged}")
    (folder / "report.pdf").write_bytes(bytes(pdf.output()))


def test_the_fixture_is_a_format_1_pack(older: tuple[Path, str, str]) -> None:
    path, _fp, ref = older
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format_version"] == 1 and "custody" not in manifest
    assert {"manifest.json", "manifest.sig", "SHA256SUMS", "index.html", "report.pdf"} <= names
    assert f"cases/{ref}/case.json" in names and "custody.jsonl" in names
    assert not {"bagit.txt", "README.txt", "manifest-sha256.txt"} & names
    assert not any(name.startswith("data/") for name in names)


def test_a_genuine_older_pack_verifies_and_says_custody_is_not_checked(
    store,
    older: tuple[Path, str, str],
    store_path: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    path, fingerprint, _ref = older
    report = verify_pack(path)
    assert report.format_version == 1 and not report.custody_checked
    assert report.fingerprint == fingerprint and report.cases > 0
    assert report.custody_events == 0  # nothing is claimed about custody
    known = verify_pack(path, known_signers=known_signers_of(store))
    assert known.known_as is not None and "own key" in known.known_as
    # unpacked, and zipped again with an enclosing folder
    folder = _unzip(path, tmp_path / "u" / "older")
    assert verify_pack(folder).format_version == 1
    assert verify_pack(_zip(tmp_path / "u", tmp_path / "again.zip")).format_version == 1

    done = _cli("verify-pack", str(path))
    assert done.returncode == 0, done.stderr
    assert "OLDER pack (format 1): its custody chain cannot be checked" in done.stdout
    assert "Custody:      NOT CHECKED (older format)" in done.stdout
    assert "events checked in full" not in done.stdout
    assert f"Signed by:    {fingerprint}" in done.stdout
    with_db = _cli("--db", str(store_path), "verify-pack", str(path))
    assert with_db.returncode == 0 and "this store's own key" in with_db.stdout
    expect = _cli("verify-pack", str(path), "--expect-fingerprint", fingerprint)
    assert expect.returncode == 0 and "the expected key" in expect.stdout
    other = signing.fingerprint(signing.public_key_b64(signing.new_signing_seed()))
    wrong = _cli("verify-pack", str(path), "--expect-fingerprint", other)
    assert wrong.returncode == 4 and f"not by the expected {other}" in wrong.stderr
    assert "format: 1, older: its custody chain cannot be checked" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_a_changed_older_pack_names_the_file(older: tuple[Path, str, str], tmp_path: Path) -> None:
    path, _fp, ref = older
    folder = _unzip(path, tmp_path / "u")
    _change_outcome(folder, ref)
    (folder / "bagit.txt").write_text("BagIt-Version: 1.0\n", "utf-8")
    (folder / "SHA256SUMS").write_text(
        (folder / "SHA256SUMS").read_text("utf-8").replace("  index.html\n", "  gone.html\n"),
        "utf-8",
    )
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(_zip(folder, tmp_path / "changed.zip"))
    text = " | ".join(caught.value.problems)
    assert f"cases/{ref}/case.json: changed since the pack was signed" in text
    assert "bagit.txt: added to the pack" in text
    assert "SHA256SUMS: lists gone.html, which it should not" in text
    assert "SHA256SUMS: does not list index.html" in text
    assert caught.value.older


def test_a_resigned_older_pack_is_refused(
    store,
    older: tuple[Path, str, str],
    store_path: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    path, real, ref = older
    # 1. re-signed by a fresh key, the real fingerprint left where a reader sees it
    folder = _unzip(path, tmp_path / "a")
    _change_outcome(folder, ref)
    forger = _reseal_v1(folder, signing.new_signing_seed(), shown_fingerprint=real)
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(folder)
    text = " | ".join(caught.value.problems)
    assert f"manifest.json: shows the fingerprint {real}, but the key that signed" in text
    for shown in ("index.html", "report.pdf"):
        assert f"{shown}: shows the fingerprint {real}, but the key" in text, shown
    assert caught.value.fingerprint == forger

    # 2. a forgery consistent in itself: refused by the reader's own knowledge of the key
    folder = _unzip(path, tmp_path / "b")
    _change_outcome(folder, ref)
    seed = signing.new_signing_seed()
    forger = signing.fingerprint(signing.public_key_b64(seed))
    _show_everywhere(folder, real, forger)
    _reseal_v1(folder, seed)
    forged = _zip(folder, tmp_path / "forged.zip")
    assert verify_pack(forged).fingerprint == forger  # its signature is valid...
    with pytest.raises(PackVerificationError, match=f"not by the expected {real}"):
        verify_pack(forged, expect_fingerprint=real)
    with pytest.raises(PackVerificationError, match=f"signed by an unknown key {forger}"):
        verify_pack(forged, known_signers=known_signers_of(store))
    with_db = _cli("--db", str(store_path), "verify-pack", str(forged))
    assert with_db.returncode == 4 and f"signed by an unknown key {forger}" in with_db.stderr
    assert "UNKNOWN" in with_db.stderr and "Traceback" not in with_db.stderr

    # 3. signed by another key than the one the manifest names
    folder = _unzip(path, tmp_path / "c")
    body = (folder / "manifest.json").read_bytes()
    (folder / "manifest.sig").write_bytes(signing.sign(signing.new_signing_seed(), body))
    with pytest.raises(PackVerificationError, match="manifest.sig: the signature does not match"):
        verify_pack(folder)


def test_a_format_this_caselog_does_not_know_is_refused(
    older: tuple[Path, str, str], tmp_path: Path
) -> None:
    path, _fp, _ref = older
    folder = _unzip(path, tmp_path / "u")
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    manifest["format_version"] = 3
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(PackVerificationError, match="format_version 3 is not one this Caselog"):
        verify_pack(folder)


# Made on 2026-12-01 by the whole app at commit fa99daf (git archive fa99daf, then
# create_store + tests/export/sample.fill(generated=0) + export_pack of the case with
# files), not by today's renderers: a pack exactly as a researcher holds one, with its
# non-ASCII evidence name.
HELD = Path(__file__).parent / "fixtures" / "format1_fa99daf.zip"
HELD_FINGERPRINT = "E5D4 5EDC 029F 5795 937F DAED DED4 1F12"


def test_a_pack_made_by_the_fa99daf_app_verifies(tmp_path: Path) -> None:
    report = verify_pack(HELD, expect_fingerprint=HELD_FINGERPRINT)
    assert report.format_version == 1 and not report.custody_checked
    assert report.organisation == "Old Monitor ဟောင်း" and report.cases == 1
    done = _cli("verify-pack", str(HELD), "--expect-fingerprint", HELD_FINGERPRINT)
    assert done.returncode == 0, done.stderr
    assert "OLDER pack (format 1)" in done.stdout and "the expected key" in done.stdout
    folder = _unzip(HELD, tmp_path / "u")
    shot = next((folder / "cases").rglob("*.png"))
    assert not shot.name.isascii()  # format 1 kept the original name in the path
    shot.write_bytes(shot.read_bytes() + b"\x00")
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(folder)
    assert any(p.startswith(shot.relative_to(folder).as_posix()) for p in caught.value.problems)
    _reseal_v1(folder, signing.new_signing_seed())
    with pytest.raises(PackVerificationError, match="shows the fingerprint"):
        verify_pack(folder)  # index.html and report.pdf still show the real key
    with pytest.raises(PackVerificationError, match=f"not by the expected {HELD_FINGERPRINT}"):
        verify_pack(folder, expect_fingerprint=HELD_FINGERPRINT)
