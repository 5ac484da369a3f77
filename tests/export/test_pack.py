"""The evidence pack (EVIDENCE_PACK.md) as a recipient unpacks, reads and checks it."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.core import signing
from desktop_app.core.errors import BadInputError, Cancelled
from desktop_app.export.pack import PackResult, export_pack
from desktop_app.export.redact import Redaction
from desktop_app.export.verify import PackVerificationError, verify_pack
from desktop_app.indicators.compute import compute_indicators
from desktop_app.store.audit import GENESIS, compute_hash
from desktop_app.store.keys import load_keys
from tests.export import sample
from tests.export.pdftext import pdf_text
from tests.export.recompute import assert_same, recompute, sheet_rows

SECRETS = {
    "reporter": [sample.SECRET_REPORTER, sample.SECRET_REPORTER.casefold()],
    "notes": [sample.SECRET_NOTE],
    "researcher": [sample.SECRET_RESEARCHER],
    "response_text": [sample.SECRET_RESPONSE],
    "author": [sample.SECRET_AUTHOR, sample.SECRET_AUTHOR.casefold(), "Hater Nine"],
}


@pytest.fixture
def filled(store, tmp_path: Path) -> sample.Sample:  # type: ignore[no-untyped-def]
    return sample.fill(store, tmp_path, generated=40)


def _pack(store, tmp_path: Path, name: str = "pack.zip", **kwargs) -> PackResult:  # type: ignore[no-untyped-def]
    params = kwargs.pop("params", sample.params())
    return export_pack(store, params, tmp_path / name, **kwargs)


def _unzip(pack: Path, into: Path) -> Path:
    with zipfile.ZipFile(pack) as zf:
        zf.extractall(into)
    return into


def test_pack_holds_everything_and_sha256sum_checks_it(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path)
    folder = _unzip(result.path, tmp_path / "unpacked")
    names = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}
    for required in (
        "data/index.html",
        "data/report.pdf",
        "data/indicators.xlsx",
        "data/custody.jsonl",
        "manifest.json",
        "manifest.sig",
        "SHA256SUMS",
        "README.txt",
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
    ):
        assert required in names
    assert all(name.isascii() for name in names)
    case_ref = filled.post_with_files.case_ref
    assert f"data/cases/{case_ref}/case.json" in names
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"] for f in manifest["files"]}
    own = {"manifest.json", "manifest.sig", "SHA256SUMS", "tagmanifest-sha256.txt"}
    assert listed == names - own
    for entry in manifest["files"]:
        data = (folder / entry["path"]).read_bytes()
        assert entry["size"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
    if shutil.which("sha256sum"):
        check = subprocess.run(
            ["sha256sum", "-c", "--strict", "SHA256SUMS"],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr
        assert check.stdout.count(": OK") == len(names) - 2  # all but itself and the tag list
    # The signature is the organisation's, over the exact bytes of manifest.json.
    with store.transaction() as session:
        keys = load_keys(session)
    assert manifest["made_by"]["signing_public_key"] == keys.signing_public
    assert manifest["made_by"]["fingerprint"] == keys.fingerprint == result.fingerprint
    signing.verify(
        keys.signing_public,
        (folder / "manifest.json").read_bytes(),
        (folder / "manifest.sig").read_bytes(),
        what="manifest.sig",
    )
    assert manifest["encrypted"] is False and manifest["redaction"]["fields"] == []
    assert manifest["app"]["version"] and manifest["pack_id"] == result.pack_id
    report = verify_pack(result.path)
    assert report.pack_id == result.pack_id and report.organisation == "Test Org"
    assert report.cases == result.cases


def test_evidence_is_byte_for_byte_with_safe_names(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _pack(store, tmp_path)
    folder = _unzip(result.path, tmp_path / "out")
    evidence = folder / "data" / "cases" / filled.post_with_files.case_ref / "evidence"
    files = sorted(p.name for p in evidence.iterdir())
    shot = hashlib.sha256(filled.screenshot).hexdigest()
    scan = hashlib.sha256(filled.reply_scan).hexdigest()
    # ASCII names survive every zip tool; the original name is in case.json and the manifest.
    assert files == sorted([f"{scan[:12]}-reply.pdf", f"{shot[:12]}-screenshot.png"])
    assert (evidence / f"{shot[:12]}-screenshot.png").read_bytes() == filled.screenshot
    assert (evidence / f"{scan[:12]}-reply.pdf").read_bytes() == filled.reply_scan
    with zipfile.ZipFile(result.path) as zf:
        assert all(".." not in n and not n.startswith("/") for n in zf.namelist())
    case = json.loads(
        (folder / "data" / "cases" / filled.post_with_files.case_ref / "case.json").read_text(
            "utf-8"
        )
    )
    assert case["content"] == sample.BURMESE_POST
    assert case["attachments"][0]["sha256"] == shot
    assert case["attachments"][0]["original_name"] == "../../etc/ဓာတ်ပုံ screenshot.png"
    banned = case["reports"][0]["responses"][-1]
    assert banned["outcome"] == "account_banned"
    assert banned["attachments"][0]["file"].endswith("-reply.pdf")
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    originals = {f["path"]: f.get("original_name") for f in manifest["files"]}
    shot_path = f"data/{case['attachments'][0]['file']}"
    assert originals[shot_path] == "../../etc/ဓာတ်ပုံ screenshot.png"
    html = (folder / "data" / "index.html").read_text("utf-8")
    assert "ဓာတ်ပုံ screenshot.png" in html
    assert case["reports"][0]["reported_at"] == "2024-01-05T14:30:00+06:30"


def test_custody_log_links_each_event_to_the_one_before(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _pack(
        store, tmp_path, params=sample.params(case_refs=(filled.post_with_files.case_ref,))
    )
    with zipfile.ZipFile(result.path) as zf:
        every = [json.loads(x) for x in zf.read("data/custody.jsonl").decode().splitlines()]
    lines = [e for e in every if not e.get("other")]
    assert [e["seq"] for e in every] == list(range(every[0]["seq"], every[-1]["seq"] + 1))
    actions = [(e["action"], e["entity"]) for e in lines]
    assert ("import", "file") in actions  # the import that brought the post in
    assert actions.count(("create", "attachment")) == 2
    seqs = [e["seq"] for e in lines]
    assert seqs == sorted(seqs)
    for event in lines:
        payload = {k: event[k] for k in ("seq", "uid", "at", "actor", "action", "entity")}
        payload |= {"entity_uid": event["entity_uid"], "detail": event["detail"]}
        assert compute_hash(event["prev_hash"], payload) == event["hash"]
        assert event["prev_hash"] != GENESIS or event["seq"] == 1


def test_indicators_and_workbook_cover_the_chosen_cases(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chosen = (filled.post_with_files.case_ref,)
    params = sample.params(case_refs=chosen)
    result = _pack(store, tmp_path, params=params)
    assert result.cases == 1
    folder = _unzip(result.path, tmp_path / "u")
    assert [p.name for p in (folder / "data" / "cases").iterdir()] == list(chosen)
    rows = sheet_rows(load_workbook(folder / "data" / "indicators.xlsx")["Reports"])
    assert {r["Case"] for r in rows} == set(chosen)
    expected = compute_indicators(store, params).to_json()
    assert_same(recompute(rows, 3), expected)
    html = (folder / "data" / "index.html").read_text("utf-8")
    assert f"{expected['reports_total']}</td>" in html


def test_unknown_case_or_empty_selection_is_a_clear_error(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadInputError, match="C-999999"):
        _pack(store, tmp_path, params=sample.params(case_refs=("C-999999",)))
    with pytest.raises(BadInputError, match="no case matches"):
        _pack(store, tmp_path, params=sample.params(platform="myspace"))
    assert not (tmp_path / "pack.zip").exists()


def test_html_is_self_contained_and_shows_burmese(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _unzip(_pack(store, tmp_path).path, tmp_path / "u")
    html = (folder / "data" / "index.html").read_text("utf-8")
    assert "<script" not in html.lower()
    assert 'http-equiv="Content-Security-Policy" content="default-src \'none\'' in html
    assert 'src="http' not in html and "url(" not in html and "@import" not in html
    assert sample.BURMESE_POST in html and 'lang="my"' in html
    for src in __import__("re").findall(r'<img src="([^"]+)"', html):
        assert (folder / "data" / src).is_file()  # screenshots by relative path, inside the pack
    wb = load_workbook(folder / "data" / "indicators.xlsx")
    texts = [c for row in wb["Duplicates"].iter_rows(values_only=True) for c in row]
    assert any(isinstance(t, str) and sample.BURMESE_POST in t for t in texts)


def test_pdf_text_layer_holds_the_cases(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _unzip(_pack(store, tmp_path).path, tmp_path / "u")
    pdf = folder / "data" / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert filled.post_with_files.case_ref in text
    assert "Reports made to the platforms" in text
    # Burmese is in the text layer in order; text extractors place some shaped vowel
    # signs apart from their consonant, so compare the letters without the marks.
    assert _letters(sample.BURMESE_POST) in _letters(text)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "MZC")


def test_redacted_fields_appear_nowhere_in_the_pack(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fields = frozenset(SECRETS)
    result = _pack(store, tmp_path, redaction=Redaction(fields))
    folder = _unzip(result.path, tmp_path / "u")
    # Unredacted, every secret is somewhere in a pack: the test looks in the right places.
    plain = _unzip(_pack(store, tmp_path, name="plain.zip").path, tmp_path / "plain")
    haystacks = _everything(folder)
    plain_stacks = _everything(plain)
    for field, values in SECRETS.items():
        assert any(v.encode() in h for v in values for h in plain_stacks), field
        for value in values:
            for haystack in haystacks:
                assert value.encode() not in haystack, f"{field}: {value!r} leaked"
                assert value.replace(" ", "").encode() not in haystack.replace(b" ", b"")
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["redaction"]["fields"] == sorted(fields)
    assert result.redacted == tuple(sorted(fields))
    custody = (folder / "data" / "custody.jsonl").read_text("utf-8")
    assert '"actor": "[redacted]"' in custody
    verify_pack(result.path)  # a redacted pack is still a whole, signed pack


def _everything(folder: Path) -> list[bytes]:
    """Every file's bytes, the XML inside the workbook, and the PDF's text layer."""
    out = []
    for path in folder.rglob("*"):
        if path.is_file():
            out.append(path.read_bytes())
    with zipfile.ZipFile(folder / "data" / "indicators.xlsx") as zf:
        out.extend(zf.read(name) for name in zf.namelist())
    out.append(pdf_text(folder / "data" / "report.pdf").encode("utf-8"))
    return out


def test_cancel_leaves_no_file_and_progress_reaches_the_end(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int, str]] = []
    _pack(store, tmp_path, progress=lambda *a: seen.append(a))
    assert seen[-1][0] == seen[-1][1] and seen[-1][2] == "done"
    assert all(done <= total for done, total, _ in seen)
    calls = {"n": 0}

    def cancel_midway() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(Cancelled):
        _pack(store, tmp_path, name="cancelled.zip", cancelled=cancel_midway)
    leftovers = [p.name for p in tmp_path.iterdir() if "cancelled" in p.name]
    assert leftovers == []


def _rewrite(pack: Path, out: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Copy the pack's members to a new ZIP, letting ``change`` alter or drop them."""
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info))
            if data is not None:
                dst.writestr(info.filename, data)
    return out


def test_verify_names_a_changed_a_missing_and_an_added_file(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = _pack(store, tmp_path).path
    target = f"data/cases/{filled.post_with_files.case_ref}/case.json"

    def flip(name: str, data: bytes) -> bytes:
        return data[:10] + bytes([data[10] ^ 1]) + data[11:] if name == target else data

    changed = _rewrite(pack, tmp_path / "changed.zip", flip)
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(changed)
    assert caught.value.exit_code == 4
    assert any(target in p and "changed" in p for p in caught.value.problems)
    assert len(caught.value.problems) == 1

    removed = _rewrite(
        pack, tmp_path / "removed.zip", lambda n, d: None if n == "data/report.pdf" else d
    )
    with pytest.raises(PackVerificationError, match="report.pdf: missing"):
        verify_pack(removed)

    added = tmp_path / "added.zip"
    shutil.copy(pack, added)
    with zipfile.ZipFile(added, "a") as zf:
        zf.writestr("data/cases/extra.txt", "planted")
    with pytest.raises(PackVerificationError, match="data/cases/extra.txt: added"):
        verify_pack(added)


def test_verify_catches_a_rewritten_manifest_and_sums(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = _pack(store, tmp_path).path
    with zipfile.ZipFile(pack) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    forged_pdf = b"%PDF-1.4 forged"
    for entry in manifest["files"]:
        if entry["path"] == "data/report.pdf":
            entry["sha256"] = hashlib.sha256(forged_pdf).hexdigest()
            entry["size"] = len(forged_pdf)
    forged = json.dumps(manifest).encode()

    def forge(name: str, data: bytes) -> bytes:
        return {"data/report.pdf": forged_pdf, "manifest.json": forged}.get(name, data)

    with pytest.raises(PackVerificationError) as caught:
        verify_pack(_rewrite(pack, tmp_path / "forged.zip", forge))
    text = " | ".join(caught.value.problems)
    assert "manifest.sig: the signature does not match" in text
    assert "SHA256SUMS" in text  # the sums still name the original hashes


def test_verify_refuses_paths_that_climb_out(tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../../outside.txt", "x")
        zf.writestr("/etc/cron.d/x", "y")
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(evil)
    text = " | ".join(caught.value.problems)
    assert "../../outside.txt" in text and "climbs out" in text
    assert "absolute path" in text and "manifest.json: missing" in text


def test_verify_a_truncated_or_foreign_file(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = _pack(store, tmp_path).path
    cut = tmp_path / "cut.zip"
    cut.write_bytes(pack.read_bytes()[:-200])
    with pytest.raises(PackVerificationError, match="not a readable ZIP"):
        verify_pack(cut)
    # Cut in the middle, a ZIP reader may find the workbook's own ZIP inside: still refused.
    half = tmp_path / "half.zip"
    half.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(half)
    assert caught.value.exit_code == 4
    with pytest.raises(BadInputError):
        verify_pack(tmp_path / "nothing.zip")


def test_signature_by_another_key_is_named(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = _pack(store, tmp_path).path
    other = signing.new_signing_seed()

    def resign(name: str, data: bytes) -> bytes:
        return signing.sign(other, b"something else") if name == "manifest.sig" else data

    with pytest.raises(PackVerificationError, match="manifest.sig"):
        verify_pack(_rewrite(pack, tmp_path / "resigned.zip", resign))
    assert base64.b64decode(signing.public_key_b64(other))  # a real, different key


def test_a_pack_unzipped_and_zipped_again_still_verifies(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = _pack(store, tmp_path).path
    folder = _unzip(pack, tmp_path / "u")
    again = tmp_path / "again.zip"
    with zipfile.ZipFile(again, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):  # folders too, as zip tools add them
            zf.write(path, path.relative_to(folder).as_posix())
    assert any(n.endswith("/") for n in zipfile.ZipFile(again).namelist())
    assert verify_pack(again).pack_id == verify_pack(pack).pack_id


def test_redaction_reaches_the_old_and_new_values_of_edit_events(
    store, filled, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """CORRECTIONS.md: redacted fields are redacted in an edit event's values too."""
    from sqlalchemy import select

    from desktop_app.store.corrections import EntityKind, edit
    from desktop_app.store.models import Report

    old_note, new_note = "old-note-4c1d hidden", "new-note-9e2b hidden"
    with store.session() as session:
        report = session.scalars(select(Report).order_by(Report.id)).first()
        assert report is not None
        uid = report.uid
    edit(store, EntityKind.REPORT, uid, {"notes": old_note}, "typo")
    edit(store, EntityKind.REPORT, uid, {"notes": new_note}, "typo again")
    plain = _unzip(_pack(store, tmp_path, name="plain.zip").path, tmp_path / "plain")
    custody_plain = (plain / "data" / "custody.jsonl").read_text("utf-8")
    assert old_note in custody_plain and new_note in custody_plain  # the test looks there
    result = _pack(store, tmp_path, redaction=Redaction(frozenset({"notes"})))
    folder = _unzip(result.path, tmp_path / "u")
    for haystack in _everything(folder):
        assert old_note.encode() not in haystack and new_note.encode() not in haystack
    verify_pack(result.path)
