"""verify-pack on a few hundred mutated packs (fixed seed): every failure is exit 2 or 4,
each problem one printable line naming the file it is about, never a traceback; what a
pack says is never printed as a line of its own (no newline or escape reaches the
terminal). Mutations of the bytes of the ZIP, of its members (names, contents, missing,
added, twice), of manifest.json (values of the wrong type, huge, nested, re-signed by a
forger so the checks after the signature run too), of custody.jsonl, the checksum
lists and report.pdf; on a format-2 and a format-1 pack."""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop_app import cli
from desktop_app.core import signing
from desktop_app.export.pack import export_pack
from desktop_app.export.verify import one_line
from tests.export import sample
from tests.export.format1_writer import export_pack as export_format1

SEED = 20261201
CASES = 320
FIXED = {
    "manifest.json",
    "manifest.sig",
    "SHA256SUMS",
    "tagmanifest-sha256.txt",
    "manifest-sha256.txt",
    "bagit.txt",
    "bag-info.txt",
    "README.txt",
    "data/custody.jsonl",
}
LINE_STARTS = ("  problem: ", "  signed by: ", "  format: ", "caselog-cli: ")
REPORT_LABELS = re.compile(
    r"^(\S.*: intact\. |This is an OLDER pack|Pack: |Made at: |Made by: |Signed by: |Signer: |"
    r"Holds: |Custody: |Format: |Redacted: |Too large to search|Compare the signer)"
)
NASTY_NAMES = [
    "data/evil\nproblem: none, intact",
    "data/\x1b[2J\x1b[31mred",
    "data/\u202egnp.exe",
    "data/" + "x" * 5000,
    "../outside.txt",
    "/etc/passwd",
    "data\\back.txt",
    "data/with space.txt",
    "data/မြန်မာ.png",
]
NASTY_VALUES: list[Any] = [
    None,
    -1,
    1e308,
    True,
    "",
    "x\ny\x1b[31m",
    "A" * 20_000,
    [],
    {},
    [[[[[[[[[[1]]]]]]]]]],
    {"path": 1, "size": "big", "sha256": None},
]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def _write(files: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def _reseal(files: dict[str, bytes], manifest: Any, seed: bytes) -> None:
    """A forger's re-signing: every hash list recomputed where it can be, the manifest
    signed with ``seed`` (which ``manifest`` names when it has room for it)."""
    if isinstance(manifest, dict):
        if isinstance(manifest.get("made_by"), dict):
            manifest["made_by"]["signing_public_key"] = signing.public_key_b64(seed)
            manifest["made_by"]["fingerprint"] = signing.fingerprint(signing.public_key_b64(seed))
        listed = manifest.get("files")
        for entry in listed if isinstance(listed, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("path"), str):
                data = files.get(entry["path"])
                if data is not None:
                    entry["size"], entry["sha256"] = len(data), _sha(data)
    body = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    files["manifest.json"] = body
    files["manifest.sig"] = signing.sign(seed, body)
    payload = sorted(n for n in files if n.startswith("data/"))
    if "manifest-sha256.txt" in files:
        files["manifest-sha256.txt"] = "".join(f"{_sha(files[n])}  {n}\n" for n in payload).encode()
    listed = sorted(n for n in files if n not in ("SHA256SUMS", "tagmanifest-sha256.txt"))
    files["SHA256SUMS"] = "".join(f"{_sha(files[n])}  {n}\n" for n in listed).encode()
    if "tagmanifest-sha256.txt" in files:
        tags = sorted(
            n for n in files if not n.startswith("data/") and n != "tagmanifest-sha256.txt"
        )
        files["tagmanifest-sha256.txt"] = "".join(f"{_sha(files[n])}  {n}\n" for n in tags).encode()


def _set_somewhere(value: Any, rng: random.Random, new: Any, depth: int = 0) -> Any:
    """``value`` with one randomly chosen member (at any depth) replaced by ``new``."""
    if isinstance(value, dict) and value and (depth == 0 or rng.random() < 0.7):
        key = rng.choice(sorted(value))
        value[key] = _set_somewhere(value[key], rng, new, depth + 1)
        return value
    if isinstance(value, list) and value and rng.random() < 0.7:
        index = rng.randrange(len(value))
        value[index] = _set_somewhere(value[index], rng, new, depth + 1)
        return value
    return new


def _mutate(seed_files: dict[str, bytes], seed_zip: bytes, rng: random.Random) -> tuple[str, bytes]:
    files = dict(seed_files)
    kind = rng.choice(
        [
            "bytes",
            "rename",
            "add",
            "drop",
            "twice",
            "flip",
            "manifest",
            "manifest-resealed",
            "custody",
            "sums",
            "pdf-resealed",
        ]
    )
    forger = signing.new_signing_seed()
    if kind == "bytes":
        data = bytearray(seed_zip)
        how = rng.choice(["flip", "truncate", "prepend", "zero"])
        if how == "flip":
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif how == "truncate":
            del data[rng.randrange(len(data)) :]
        elif how == "prepend":
            data[:0] = rng.randbytes(rng.randint(1, 4096))
        else:
            start = rng.randrange(len(data))
            data[start : start + rng.randint(1, 4096)] = bytes(min(4096, len(data) - start))
        return f"bytes-{how}", bytes(data)
    names = sorted(files)
    order = list(files.items())
    if kind == "rename":
        old = rng.choice(names)
        new = rng.choice(NASTY_NAMES)
        order = [(new if n == old else n, d) for n, d in order]
    elif kind == "add":
        order.append((rng.choice(NASTY_NAMES), rng.randbytes(rng.randint(0, 64))))
    elif kind == "drop":
        gone = rng.choice(names)
        order = [(n, d) for n, d in order if n != gone]
    elif kind == "twice":
        again = rng.choice(names)
        order.append((again, files[again]))
    elif kind == "flip":
        name = rng.choice(names)
        data = bytearray(files[name] or b"\x00")
        data[rng.randrange(len(data))] ^= 0xFF
        order = [(n, bytes(data) if n == name else d) for n, d in order]
    elif kind in ("manifest", "manifest-resealed"):
        manifest = json.loads(files["manifest.json"])
        choice = rng.choice(NASTY_VALUES + ["deep"])
        if choice == "deep":  # nested beyond what a JSON parser recurses into
            deep = b"[" * 50_000 + b"]" * 50_000
            files["manifest.json"] = files["manifest.json"].replace(
                b'"made_at": ', b'"deep": ' + deep + b', "made_at": ', 1
            )
            return "manifest-deep", _write(list(files.items()))
        manifest = _set_somewhere(manifest, rng, choice)
        if kind == "manifest-resealed":
            _reseal(files, manifest, forger)
        else:
            files["manifest.json"] = json.dumps(manifest).encode()
        order = list(files.items())
    elif kind == "custody":
        name = "data/custody.jsonl" if "data/custody.jsonl" in files else "custody.jsonl"
        lines = files[name].decode("utf-8").splitlines()
        at = rng.randrange(len(lines) + 1)
        bad = rng.choice(
            [
                '{"seq": 1e400, "prev_hash": "", "hash": ""}',
                "[" * 10_000,
                "\xff",
                "{}",
                "",
                '{"seq": "7", "prev_hash": [], "hash": {}}',
                "null",
                '"\\u202e"',
            ]
        )
        if lines and rng.random() < 0.5:
            lines[min(at, len(lines) - 1)] = bad
        else:
            lines.insert(at, bad)
        files[name] = ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape")
        order = list(files.items())
    elif kind == "sums":
        name = rng.choice([n for n in names if n.endswith(("SHA256SUMS", "sha256.txt"))])
        text = files[name].decode()
        junk = rng.choice(
            [
                "zz  nothing\n",
                f"{'0' * 64}  ../x\n",
                f"{'a' * 64}  data/new\n",
                "\x1b[31m\n",
                f"{'0' * 64} *weird\nname\n",
            ]
        )
        files[name] = (text + junk if rng.random() < 0.5 else junk + text).encode()
        order = list(files.items())
    elif kind == "pdf-resealed":
        name = next(n for n in names if n.endswith("report.pdf"))
        data = bytearray(files[name])
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        files[name] = bytes(data)
        _reseal(files, json.loads(files["manifest.json"]), forger)
        order = list(files.items())
    return kind, _write(order)


def _candidates(data: bytes, pack_name: str) -> set[str]:
    """Every name a problem may begin with: the pack's, its members', the manifest's."""
    names = {pack_name, *FIXED, "custody.jsonl", "data/report.pdf", "report.pdf"}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [info.filename for info in zf.infolist()]
            names.update(members)
            names.update(repr(m) for m in members)
            tops = {m.split("/", 1)[-1] for m in members}
            names.update(tops)
            manifest = json.loads(zf.read("manifest.json"))
            for entry in manifest.get("files", []):
                names.add(str(entry.get("path")))
    except Exception:  # noqa: BLE001 - a damaged pack: the names found so far
        pass
    return {one_line(name) for name in names}


def _check_output(rc: int, out: str, err: str, data: bytes, pack_name: str, kind: str) -> None:
    assert "Traceback" not in err and "Traceback" not in out, kind
    if rc == 0:
        assert err == "", (kind, err)
        for line in out.splitlines():
            assert REPORT_LABELS.match(line), (kind, line)
        return
    assert rc in (2, 4), (kind, rc, err)
    lines = err.splitlines()
    assert lines, kind
    for line in lines:
        assert line.startswith(LINE_STARTS), (kind, line)
    names = _candidates(data, pack_name)
    problems = [line[len("  problem: ") :] for line in lines if line.startswith("  problem: ")]
    assert problems or rc == 2, (kind, err)
    for problem in problems:
        head = problem.split("…", 1)[0] if "…" in problem else None  # a long name, cut
        assert any(
            problem.startswith((f"{name}:", f"{name} "))
            or (head is not None and len(head) > 100 and name.startswith(head))
            for name in names
        ), (kind, problem)
        assert len(problem) <= 400


@pytest.fixture
def seeds(store, tmp_path: Path) -> list[tuple[str, Path]]:  # type: ignore[no-untyped-def]
    filled = sample.fill(store, tmp_path, generated=0)
    params = sample.params(case_refs=(filled.post_with_files.case_ref,))
    new = export_pack(store, params, tmp_path / "v2.zip").path
    old = export_format1(store, params, tmp_path / "v1.zip").path
    return [("v2", new), ("v1", old)]


@pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")  # the "twice" mutation
def test_every_mutated_pack_fails_with_one_line_problems(
    seeds: list[tuple[str, Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(SEED)
    prepared = [(label, path, _read(path), path.read_bytes()) for label, path in seeds]
    for label, path, _, _ in prepared:  # the seeds themselves verify
        assert cli.main(["verify-pack", str(path)]) == 0, label
    capsys.readouterr()
    outcomes: dict[str, int] = {}
    for index in range(CASES):
        label, _path, files, raw = prepared[index % len(prepared)]
        kind, data = _mutate(files, raw, rng)
        target = tmp_path / f"m{index}.zip"
        target.write_bytes(data)
        rc = cli.main(["verify-pack", str(target)])
        out, err = capsys.readouterr()
        _check_output(rc, out, err, data, target.name, f"{label}-{kind}-{index}")
        if kind not in ("bytes", "manifest-resealed", "pdf-resealed"):
            assert rc == 4, (label, kind, index, out)  # a changed pack never passes
        outcomes[f"exit {rc}"] = outcomes.get(f"exit {rc}", 0) + 1
    assert outcomes.get("exit 4", 0) > CASES // 2, outcomes


def test_a_manifest_sha256_with_a_line_break_after_it_is_malformed() -> None:
    """``$`` matched before a final line break: a digest "…\\n" was taken as well formed."""
    from desktop_app.export.verify import _manifest_files

    digest = hashlib.sha256(b"x").hexdigest()
    for sha, malformed in ((digest, False), (digest + "\n", True), (digest.upper(), True)):
        problems: list[str] = []
        _manifest_files({"files": [{"path": "a.png", "size": 1, "sha256": sha}]}, problems)
        assert bool(problems) is malformed, (sha, problems)
        if malformed:
            assert "a.png: the SHA-256 is malformed" in problems[0]
