"""Can a pack be believed? Forgeries of every kind the issue lists, BagIt validation,
re-zipping by Info-ZIP, the unpacked folder, custody links, and an independent
verifier written from the spec (README.txt) alone."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import bagit
import pytest
from fpdf import FPDF
from pyrage import x25519

from desktop_app.core import signing
from desktop_app.export import verify as verify_module
from desktop_app.export.pack import PackResult, export_pack
from desktop_app.export.redact import Redaction
from desktop_app.export.spec import SPEC
from desktop_app.export.verify import PackVerificationError, known_signers_of, verify_pack
from desktop_app.sharing.cards import PartnerCard
from desktop_app.sharing.partners import add_partner
from desktop_app.store.keys import load_keys
from tests.conftest import PASSPHRASE
from tests.export import sample

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def filled(store, tmp_path: Path) -> sample.Sample:  # type: ignore[no-untyped-def]
    return sample.fill(store, tmp_path, generated=12)


def _pack(store, tmp_path: Path, name: str = "pack.zip", **kwargs) -> PackResult:  # type: ignore[no-untyped-def]
    params = kwargs.pop("params", sample.params())
    return export_pack(store, params, tmp_path / name, **kwargs)


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


def _reseal(folder: Path, seed: bytes, *, shown_fingerprint: str | None = None) -> str:
    """Do what a forger with their own key does: recompute every hash list and
    sign manifest.json. ``shown_fingerprint``: the text left in made_by.fingerprint
    (default: the forger's own). Returns the signer's fingerprint."""
    public = signing.public_key_b64(seed)
    own = signing.fingerprint(public)
    payload = sorted(
        p.relative_to(folder).as_posix() for p in (folder / "data").rglob("*") if p.is_file()
    )
    oxum = f"{sum((folder / p).stat().st_size for p in payload)}.{len(payload)}"
    info = (folder / "bag-info.txt").read_text("utf-8")
    (folder / "bag-info.txt").write_text(
        re.sub(r"Payload-Oxum: .*", f"Payload-Oxum: {oxum}", info), "utf-8"
    )
    lines = "".join(f"{_sha((folder / p).read_bytes())}  {p}\n" for p in payload)
    (folder / "manifest-sha256.txt").write_text(lines, "utf-8")
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
    sums = [p for p in every if p not in ("SHA256SUMS", "tagmanifest-sha256.txt")]
    (folder / "SHA256SUMS").write_text(
        "".join(f"{_sha((folder / p).read_bytes())}  {p}\n" for p in sums), "utf-8"
    )
    tags = [p for p in every if not p.startswith("data/") and p != "tagmanifest-sha256.txt"]
    (folder / "tagmanifest-sha256.txt").write_text(
        "".join(f"{_sha((folder / p).read_bytes())}  {p}\n" for p in tags), "utf-8"
    )
    return own


def _change_outcome(folder: Path, case_ref: str) -> None:
    path = folder / "data" / "cases" / case_ref / "case.json"
    text = path.read_text("utf-8")
    assert '"outcome": "account_banned"' in text
    path.write_text(text.replace('"outcome": "account_banned"', '"outcome": "no_action"'), "utf-8")


def _show_everywhere(folder: Path, real: str, forged: str) -> None:
    """Replace the real fingerprint by the forger's in every text a reader sees, and the
    PDF by one that shows the forger's fingerprint."""
    for name in ("data/index.html", "README.txt", "bag-info.txt"):
        path = folder / name
        path.write_text(path.read_text("utf-8").replace(real, forged), "utf-8")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=f"Signing key {forged}")
    (folder / "data" / "report.pdf").write_bytes(bytes(pdf.output()))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "CASELOG_PASSPHRASE": PASSPHRASE, "HOME": "/nonexistent"},
        timeout=300,
    )


def test_resigned_with_a_fresh_key_and_the_real_fingerprint_left_in_place(
    store, filled, store_path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path)
    real = result.fingerprint
    folder = _unzip(result.path, tmp_path / "u")
    _change_outcome(folder, filled.post_with_files.case_ref)
    forger = _reseal(folder, signing.new_signing_seed(), shown_fingerprint=real)
    forged = _zip(folder, tmp_path / "forged.zip")
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(forged)
    text = " | ".join(caught.value.problems)
    assert f"manifest.json: shows the fingerprint {real}, but the key that signed" in text
    for shown in ("data/index.html", "data/report.pdf", "README.txt", "bag-info.txt"):
        assert f"{shown}: shows the fingerprint {real}" in text, shown
    assert caught.value.fingerprint == forger
    done = _cli("verify-pack", str(forged))
    assert done.returncode == 4 and f"signed by: {forger}" in done.stderr
    with_db = _cli("--db", str(store_path), "verify-pack", str(forged))
    assert with_db.returncode == 4 and f"signed by an unknown key {forger}" in with_db.stderr


def test_forged_fingerprint_in_the_manifest_is_caught_by_what_the_pages_show(
    store, filled, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path)
    folder = _unzip(result.path, tmp_path / "u")
    _change_outcome(folder, filled.post_with_files.case_ref)
    _reseal(folder, signing.new_signing_seed())
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(folder)
    text = " | ".join(caught.value.problems)
    assert "manifest.json: shows" not in text  # the manifest now agrees with the forger
    for shown in ("data/index.html", "data/report.pdf", "README.txt"):
        assert f"{shown}: shows the fingerprint {result.fingerprint}" in text


def _disguise(fingerprint: str, how: str) -> str:
    groups = fingerprint.split()
    if how == "entity":  # &#56; shows as 8 in a browser
        text = " ".join(groups)
        return "".join(f"&#{ord(c)};" if c.isdigit() else c for c in text)
    if how == "tags":
        return " ".join(f"<span>{g}</span>" for g in groups)
    if how == "styled-gaps":  # no text between the groups: the page's style spaces them
        return "".join(f'<span style="margin-right:.5em">{g}</span>' for g in groups)
    if how == "split-groups":  # a tag inside each group shows as nothing
        return " ".join(f"{g[:1]}<b></b>{g[1:]}" for g in groups)
    if how == "en-dashes":
        return "\u2013".join(groups)
    if how == "look-alikes":  # Cyrillic letters that look like A, B, C, E
        return " ".join(groups).translate(str.maketrans("ABCE", "\u0410\u0412\u0421\u0415"))
    if how == "lower":
        return " ".join(groups).lower()
    if how == "dashes":
        return "-".join(groups)
    if how == "zero-width":
        return " ".join("\u200b".join(g) for g in groups)
    if how == "full-width":
        return " ".join(g.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}) for g in groups)
    raise AssertionError(how)


@pytest.mark.parametrize(
    "how",
    [
        "entity",
        "tags",
        "styled-gaps",
        "split-groups",
        "lower",
        "dashes",
        "en-dashes",
        "look-alikes",
        "zero-width",
        "full-width",
    ],
)
def test_a_real_fingerprint_disguised_in_the_pages_is_still_found(
    store, filled, tmp_path: Path, how: str
) -> None:  # type: ignore[no-untyped-def]
    """A forger re-signs with its own key and leaves the real organisation's
    fingerprint where a reader looks, written so that a plain search misses it but a
    reader (or a browser) sees it. verify-pack still finds it and fails the pack."""
    result = _pack(store, tmp_path)
    real = result.fingerprint
    folder = _unzip(result.path, tmp_path / "u")
    _change_outcome(folder, filled.post_with_files.case_ref)
    seed = signing.new_signing_seed()
    forger = signing.fingerprint(signing.public_key_b64(seed))
    _show_everywhere(folder, real, forger)
    page = folder / "data" / "index.html"
    shown = _disguise(real, how)
    page.write_text(page.read_text("utf-8").replace("</body>", f"<p>{shown}</p></body>"), "utf-8")
    readme = folder / "README.txt"
    if how in ("lower", "dashes", "en-dashes", "look-alikes", "zero-width", "full-width"):
        readme.write_text(readme.read_text("utf-8") + f"\nSigned by {shown}\n", "utf-8")
    _reseal(folder, seed)
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(folder)
    text = " | ".join(caught.value.problems)
    assert f"data/index.html: shows the fingerprint {real}" in text, text
    if how in ("lower", "dashes", "en-dashes", "look-alikes", "zero-width", "full-width"):
        assert f"README.txt: shows the fingerprint {real}" in text, text


def test_a_perfect_forgery_fails_against_the_expected_or_known_signers(
    store, filled, store_path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path)
    folder = _unzip(result.path, tmp_path / "u")
    _change_outcome(folder, filled.post_with_files.case_ref)
    seed = signing.new_signing_seed()
    forger = signing.fingerprint(signing.public_key_b64(seed))
    _show_everywhere(folder, result.fingerprint, forger)
    _reseal(folder, seed)
    forged = _zip(folder, tmp_path / "forged.zip")
    # Consistent in itself: only the reader's own knowledge of the key can refuse it.
    plain = verify_pack(forged)
    assert plain.fingerprint == forger and plain.known_as is None
    with pytest.raises(PackVerificationError, match=f"not by the expected {result.fingerprint}"):
        verify_pack(forged, expect_fingerprint=result.fingerprint.replace(" ", "").lower())
    with pytest.raises(PackVerificationError, match=f"signed by an unknown key {forger}"):
        verify_pack(forged, known_signers=known_signers_of(store))
    done = _cli("verify-pack", str(forged))
    assert done.returncode == 0 and forger in done.stdout
    assert "never with one printed in the pack" in done.stdout
    expect = _cli("verify-pack", str(forged), "--expect-fingerprint", result.fingerprint)
    assert expect.returncode == 4 and "not by the expected" in expect.stderr
    with_db = _cli("--db", str(store_path), "verify-pack", str(forged))
    assert with_db.returncode == 4 and f"signed by an unknown key {forger}" in with_db.stderr
    assert "UNKNOWN" in with_db.stderr


def test_own_and_partner_keys_are_known(store, filled, store_path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path)
    known = known_signers_of(store)
    report = verify_pack(result.path, known_signers=known)
    assert report.known_as is not None and "own key" in report.known_as
    seed = signing.new_signing_seed()
    partner = signing.fingerprint(signing.public_key_b64(seed))
    card = PartnerCard(
        "Friends Network", str(x25519.Identity.generate().to_public()), signing.public_key_b64(seed)
    )
    add_partner(store, card)
    folder = _unzip(result.path, tmp_path / "p")
    _show_everywhere(folder, result.fingerprint, partner)
    _reseal(folder, seed)
    report = verify_pack(folder, known_signers=known_signers_of(store))
    assert report.known_as == "partner Friends Network"
    done = _cli("--db", str(store_path), "verify-pack", str(result.path))
    assert done.returncode == 0, done.stderr
    assert f"Signed by:    {result.fingerprint}" in done.stdout
    assert "known: Test Org (this store's own key)" in done.stdout
    ok = _cli("verify-pack", str(result.path), "--expect-fingerprint", result.fingerprint)
    assert ok.returncode == 0 and "the expected key" in ok.stdout
    bad = _cli("verify-pack", str(result.path), "--expect-fingerprint", "12 34")
    assert bad.returncode == 2 and "not a key fingerprint" in bad.stderr


def test_a_signature_by_another_key_than_the_manifest_names(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path)
    folder = _unzip(result.path, tmp_path / "u")
    body = (folder / "manifest.json").read_bytes()
    (folder / "manifest.sig").write_bytes(signing.sign(signing.new_signing_seed(), body))
    with pytest.raises(PackVerificationError, match="manifest.sig: the signature does not match"):
        verify_pack(folder)


def test_pages_tell_the_reader_to_compare_with_a_fingerprint_got_elsewhere(
    store, filled, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.export.pdftext import pdf_text

    folder = _unzip(_pack(store, tmp_path).path, tmp_path / "u")
    html = (folder / "data" / "index.html").read_text("utf-8")
    assert "compare the signing-key fingerprint above" not in html
    assert "another way" in html and "website" in html and "Never compare it" in html
    text = " ".join(pdf_text(folder / "data" / "report.pdf").split())
    assert "another way" in text and "Never compare it with the fingerprint printed here" in text
    readme = (folder / "README.txt").read_text("utf-8")
    assert SPEC in readme and "another way" in readme


# --- the format is written down: a verifier from the spec alone -----------------------


def independent_verify(folder: Path) -> list[str]:
    """Written from README.txt only: cryptography, hashlib and json, no Caselog code."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    problems = []
    body = (folder / "manifest.json").read_bytes()
    manifest = json.loads(body)
    raw_key = base64.b64decode(manifest["made_by"]["signing_public_key"], validate=True)
    try:
        Ed25519PublicKey.from_public_bytes(raw_key).verify(
            (folder / "manifest.sig").read_bytes(), body
        )
    except Exception:  # noqa: BLE001 - any failure is a bad signature
        problems.append("signature")
    digest = hashlib.sha256(raw_key).hexdigest()[:32].upper()
    if manifest["made_by"]["fingerprint"] != " ".join(digest[i : i + 4] for i in range(0, 32, 4)):
        problems.append("fingerprint")
    for entry in manifest["files"]:
        data = (folder / entry["path"]).read_bytes()
        if hashlib.sha256(data).hexdigest() != entry["sha256"] or len(data) != entry["size"]:
            problems.append(entry["path"])
    prev = None
    for line in (folder / manifest["custody"]["file"]).read_text("utf-8").splitlines():
        event = json.loads(line)
        if prev is not None and (
            event["prev_hash"] != prev["hash"] or event["seq"] != prev["seq"] + 1
        ):
            problems.append(f"link {event['seq']}")
        if not event.get("other") and not event.get("redacted"):
            keys = ("seq", "uid", "at", "actor", "action", "entity", "entity_uid", "detail")
            c = json.dumps(
                {k: event[k] for k in keys},
                sort_keys=True,
                ensure_ascii=False,
                separators=(",", ":"),
            )
            if (
                hashlib.sha256((event["prev_hash"] + c).encode("utf-8")).hexdigest()
                != event["hash"]
            ):
                problems.append(f"event {event['seq']}")
        prev = event
    if prev is not None and prev["hash"] != manifest["custody"]["head_hash"]:
        problems.append("head")
    return problems


def test_an_independent_verifier_agrees_with_verify_pack(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path)
    good = _unzip(result.path, tmp_path / "good")
    assert independent_verify(good) == []
    verify_pack(good)
    redacted = _unzip(
        _pack(store, tmp_path, "r.zip", redaction=Redaction(frozenset({"researcher"}))).path,
        tmp_path / "red",
    )
    assert independent_verify(redacted) == []
    verify_pack(redacted)
    tampered = _unzip(result.path, tmp_path / "bad")
    _change_outcome(tampered, filled.post_with_files.case_ref)
    assert independent_verify(tampered)  # a changed case.json
    with pytest.raises(PackVerificationError):
        verify_pack(tampered)
    resigned = _unzip(result.path, tmp_path / "resigned")
    _reseal(resigned, signing.new_signing_seed(), shown_fingerprint=result.fingerprint)
    assert "fingerprint" in independent_verify(resigned)
    with pytest.raises(PackVerificationError):
        verify_pack(resigned)


def test_the_docs_hold_the_format_the_pack_carries() -> None:
    doc = (REPO / "docs" / "EVIDENCE_PACK.md").read_text("utf-8")
    assert SPEC in doc


# --- BagIt, re-zipping, unpacked ------------------------------------------------------


def test_the_unpacked_pack_is_a_valid_bag(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _unzip(_pack(store, tmp_path).path, tmp_path / "bag")
    bag = bagit.Bag(str(folder))
    bag.validate()  # raises BagValidationError on any problem
    assert bag.info["Source-Organization"] == "Test Org"
    assert "Payload-Oxum" in bag.info
    assert {"manifest.json", "manifest.sig"} <= set(bag.tagfile_entries())
    tool = shutil.which("bagit.py") or str(Path(sys.executable).parent / "bagit.py")
    done = subprocess.run([tool, "--validate", str(folder)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # A tampered bag fails BagIt validation too.
    shot = next((folder / "data" / "cases").rglob("*.png"))
    shot.write_bytes(shot.read_bytes() + b"x")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(folder)).validate()


@pytest.mark.skipif(not shutil.which("zip"), reason="Info-ZIP zip is in .ci/run's packages")
def test_zipped_again_by_info_zip_and_unpacked_it_still_verifies(
    store, filled, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pack = _pack(store, tmp_path).path
    folder = _unzip(pack, tmp_path / "evidence pack")
    flat = tmp_path / "flat.zip"
    subprocess.run(["zip", "-q", "-r", str(flat), "."], cwd=folder, check=True)
    nested = tmp_path / "nested.zip"
    subprocess.run(["zip", "-q", "-r", str(nested), folder.name], cwd=tmp_path, check=True)
    pack_id = verify_pack(pack).pack_id
    for again in (flat, nested, folder):
        assert verify_pack(again).pack_id == pack_id, again
    done = _cli("verify-pack", str(folder))
    assert done.returncode == 0, done.stderr
    # The Burmese original name is kept where a reader sees it, not in the path.
    assert "ဓာတ်ပုံ screenshot.png" in (folder / "data" / "index.html").read_text("utf-8")
    # Something added to the unpacked folder is named.
    (folder / "data" / "planted.txt").write_text("x")
    with pytest.raises(PackVerificationError, match="data/planted.txt: added"):
        verify_pack(folder)


def test_junk_before_the_zip_and_a_huge_manifest_are_refused(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = _pack(store, tmp_path).path
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"\0" * 1_000_000 + pack.read_bytes())
    with pytest.raises(PackVerificationError, match="does not start as a ZIP"):
        verify_pack(junk)
    # A central directory that declares a 3 GiB manifest.json: refused before reading.
    data = bytearray(pack.read_bytes())
    name = b"manifest.json"
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) != -1:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == name:
            data[at + 24 : at + 28] = (3 << 30).to_bytes(4, "little")
            break
        at += 4
    else:
        raise AssertionError("manifest.json not in the central directory")
    huge = tmp_path / "huge.zip"
    huge.write_bytes(bytes(data))
    with pytest.raises(PackVerificationError, match="manifest.json: larger than 64 MB"):
        verify_pack(huge)
    assert verify_module.MAX_MANIFEST == 64 << 20


# --- custody ----------------------------------------------------------------------------


def _custody(folder: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(x) for x in (folder / "data" / "custody.jsonl").read_text().splitlines()]


def _write_custody(folder: Path, lines: list[dict]) -> None:  # type: ignore[type-arg]
    text = "".join(json.dumps(x, ensure_ascii=False, sort_keys=True) + "\n" for x in lines)
    (folder / "data" / "custody.jsonl").write_text(text, "utf-8")


def test_custody_of_three_cases_verifies_link_by_link(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    refs = ("C-000001", filled.post_with_files.case_ref, "C-000005")
    result = _pack(store, tmp_path, params=sample.params(case_refs=refs))
    report = verify_pack(result.path)
    folder = _unzip(result.path, tmp_path / "u")
    lines = _custody(folder)
    full = [x for x in lines if not x.get("other")]
    assert report.custody_events == len(full) and report.custody_linked_only == len(lines) - len(
        full
    )
    assert [x["seq"] for x in lines] == list(range(lines[0]["seq"], lines[-1]["seq"] + 1))
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["custody"]["head_hash"] == lines[-1]["hash"]
    with store.transaction() as session:
        seed = load_keys(session).signing_seed

    def broken(change, name: str) -> str:  # type: ignore[no-untyped-def]
        copy = tmp_path / name
        shutil.copytree(folder, copy)
        _write_custody(copy, change(_custody(copy)))
        _reseal(copy, seed)  # signed by the real key: only the chain can tell
        with pytest.raises(PackVerificationError) as caught:
            verify_pack(copy)
        return " | ".join(caught.value.problems)

    middle = len(lines) // 2
    gone = lines[middle]["seq"]
    assert f"event {gone} is missing" in broken(lambda x: x[:middle] + x[middle + 1 :], "gap")
    target = next(i for i, x in enumerate(lines) if not x.get("other") and i > 0)

    def edit(x):  # type: ignore[no-untyped-def]
        x[target]["action"] = "delete"
        return x

    assert f"event {lines[target]['seq']} was changed" in broken(edit, "edit")
    assert "events were removed from the end" in broken(lambda x: x[:-1], "cut")


def test_redacted_custody_keeps_its_links(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path, redaction=Redaction(frozenset({"researcher", "notes"})))
    report = verify_pack(result.path)
    folder = _unzip(result.path, tmp_path / "u")
    redacted = [x for x in _custody(folder) if x.get("redacted")]
    assert redacted and all(x["actor"] == "[redacted]" for x in redacted)
    assert report.custody_linked_only >= len(redacted)


# --- PDF/A-2u --------------------------------------------------------------------------


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf is in .ci/run's packages")
def test_report_is_pdf_a_2u_and_its_text_reads_as_shown(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.export.pdftext import pdf_text

    result = _pack(store, tmp_path)
    pdf = _unzip(result.path, tmp_path / "u") / "data" / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-1.7")
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout
    raw = pdf.read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in raw and b"<pdfaid:conformance>U" in raw
    assert b"/OutputIntents" in raw and b"/GTS_PDFA1" in raw  # the sRGB output intent
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:]]
        assert rows and all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), fonts
    text = pdf_text(pdf)
    squeezed = "".join(text.split())
    # Burmese in the text layer as the Unicode it shows, letters and marks in order
    # (an extractor may put a space between syllables; nothing else differs).
    assert "".join(sample.BURMESE_POST.split()) in squeezed
    assert "".join(result.fingerprint.split()) in squeezed


def test_a_report_too_large_to_search_is_named_not_failed(
    store, filled, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path)
    size = zipfile.ZipFile(result.path).getinfo("data/report.pdf").file_size
    monkeypatch.setattr(verify_module, "MAX_SHOWN", size - 1)
    report = verify_pack(result.path)
    assert "data/report.pdf" in report.unsearched
    assert "README.txt" not in report.unsearched


def test_damaged_bytes_are_named_never_a_traceback(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import random

    seed = _pack(store, tmp_path).path.read_bytes()
    rng = random.Random(13)
    for index in range(60):
        data = bytearray(seed)
        for _ in range(rng.randint(1, 20)):  # a burst of damage somewhere in the file
            at = rng.randrange(len(data))
            data[at : at + 8] = bytes(rng.randrange(256) for _ in range(8))
        path = tmp_path / f"damaged-{index}.zip"
        path.write_bytes(bytes(data[: len(seed)]))
        try:
            verify_pack(path)
        except PackVerificationError as exc:
            assert exc.problems and all("\n" not in p for p in exc.problems)
        # Damage in a ZIP time field changes nothing that is checked: it may verify.


def test_a_member_with_no_name_is_a_named_problem(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Damage can leave a ZIP entry with an empty name (the random damage above once
    did): one line naming it, not an IndexError from ``ZipInfo.is_dir``."""
    pack = _pack(store, tmp_path).path
    with zipfile.ZipFile(pack, "a") as zf:
        zf.writestr(zipfile.ZipInfo(""), b"x")
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(pack)
    assert "'': unsafe path in the ZIP, has no name (the ZIP's list of files is damaged)" in (
        caught.value.problems
    )


def test_a_report_pdf_whose_objects_cannot_be_followed_is_a_named_problem(
    tmp_path: Path,
) -> None:
    """A PDF pointing at a font map that is not there must fail verification with one
    line, never a traceback, and never pass as "no fingerprint shown"."""
    from desktop_app.export.pdftext import PdfUnreadable, pdf_text_of

    crafted = (
        b"%PDF-1.7\n1 0 obj\n<< /Font << /F1 2 0 R >> >>\nendobj\n"
        b"2 0 obj\n<< /Type /Font /ToUnicode 22 0 R >>\nendobj\n%%EOF\n"
    )
    with pytest.raises(PdfUnreadable):
        pdf_text_of(crafted)


def test_the_invisible_characters_list_is_this_pythons_unicode() -> None:
    """verify's list of invisible format characters (written out for speed) holds
    every character the running Python's Unicode calls Cf, and nothing else."""
    import unicodedata

    every = "".join(chr(c) for c in range(sys.maxunicode + 1))
    listed = set(verify_module._INVISIBLE.findall(every))
    assert listed == {c for c in every if unicodedata.category(c) == "Cf"}
