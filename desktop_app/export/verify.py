"""Checking an evidence pack with nothing but the pack: no store, no passphrase.

Every file is hashed and compared with manifest.json; files missing from the pack or
added to it, a SHA256SUMS that disagrees, unsafe paths inside the ZIP and a signature
that does not match are each named. The signature proves the pack is unchanged since
the key named in the manifest signed it; the reader must still compare that key's
fingerprint with the one the organisation gave them.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from desktop_app.core import signing
from desktop_app.core.errors import BadInputError, VerificationError
from desktop_app.export.pack import MANIFEST, PACK_FORMAT, SIGNATURE, SUMS

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_SUM_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")
READ_CHUNK = 1 << 20
_OWN_FILES = frozenset({MANIFEST, SIGNATURE, SUMS})


class PackVerificationError(VerificationError):
    """The pack failed verification; ``problems`` names each problem found."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        count = len(problems)
        super().__init__(
            f"{path.name} failed verification ({count} problem{'s' if count != 1 else ''}): "
            + "; ".join(problems)
        )
        self.problems = problems


@dataclass(frozen=True)
class PackReport:
    """An intact pack: who signed it, when, and what it holds."""

    path: Path
    pack_id: str
    made_at: str
    organisation: str
    signing_public_key: str
    fingerprint: str
    app_version: str
    files: int
    cases: int
    redacted: tuple[str, ...]


def unsafe_reason(name: str, info: zipfile.ZipInfo) -> str | None:
    """Why a ZIP member name could write outside the folder it is unpacked into."""
    if "\\" in name or "\x00" in name:
        return "contains a backslash or NUL"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "is an absolute path"
    if any(part == ".." for part in PurePosixPath(name).parts):
        return "climbs out of the pack folder (..)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    return None


def _hash_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with zf.open(info) as handle:
        while chunk := handle.read(READ_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _manifest_files(manifest: Any, problems: list[str]) -> dict[str, tuple[int, str]]:
    files: dict[str, tuple[int, str]] = {}
    entries = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(entries, list):
        problems.append(f"{MANIFEST}: has no list of files")
        return files
    for entry in entries:
        try:
            path, size, sha = entry["path"], int(entry["size"]), str(entry["sha256"])
        except (KeyError, TypeError, ValueError):
            problems.append(f"{MANIFEST}: a file entry is malformed ({str(entry)[:80]})")
            continue
        if not _HEX64.match(sha):
            problems.append(f"{MANIFEST}: {path}: the SHA-256 is malformed")
        files[path] = (size, sha)
    return files


def verify_pack(path: str | Path) -> PackReport:
    """Check the pack at ``path``; return a report, or raise ``PackVerificationError``
    (exit 4) naming every problem. Unreadable input is ``BadInputError`` (exit 2)."""
    path = Path(path)
    if not path.is_file():
        raise BadInputError(f"no pack at {path}: give the path of the .zip file")
    problems: list[str] = []
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise PackVerificationError(
            path, [f"{path.name} is not a readable ZIP file (truncated or damaged)"]
        ) from None
    with zf:
        members: dict[str, zipfile.ZipInfo] = {}
        for info in zf.infolist():
            name = info.filename
            if info.is_dir() and info.file_size == 0 and unsafe_reason(name, info) is None:
                continue  # folder entries (a re-zipped pack has them) hold no content
            reason = unsafe_reason(name, info)
            if reason:
                problems.append(f"{name!r}: unsafe path in the ZIP, {reason}")
                continue
            if name in members:
                problems.append(f"{name}: appears twice in the ZIP")
                continue
            members[name] = info

        actual: dict[str, tuple[int, str]] = {}
        for name, info in members.items():
            try:
                actual[name] = _hash_member(zf, info)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                problems.append(f"{name}: cannot be read from the ZIP (damaged: {exc})")

        manifest: Any = None
        manifest_bytes = b""
        if MANIFEST not in members:
            problems.append(f"{MANIFEST}: missing, so no file can be checked against it")
        elif MANIFEST in actual:
            manifest_bytes = zf.read(members[MANIFEST])
            try:
                manifest = json.loads(manifest_bytes.decode("utf-8"))
                if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
                    problems.append(f"{MANIFEST}: not the manifest of a Caselog evidence pack")
            except (UnicodeDecodeError, json.JSONDecodeError):
                problems.append(f"{MANIFEST}: not valid JSON (changed or damaged)")
                manifest = None

        made_by = manifest.get("made_by", {}) if isinstance(manifest, dict) else {}
        public_key = made_by.get("signing_public_key", "") if isinstance(made_by, dict) else ""
        if SIGNATURE not in members:
            problems.append(f"{SIGNATURE}: missing, so the pack's origin cannot be checked")
        elif manifest is not None and SIGNATURE in actual:
            if not public_key:
                problems.append(f"{MANIFEST}: names no signing key")
            else:
                try:
                    signing.verify(
                        public_key, manifest_bytes, zf.read(members[SIGNATURE]), what=SIGNATURE
                    )
                except VerificationError as exc:
                    problems.append(exc.message)

        expected = _manifest_files(manifest, problems) if manifest is not None else {}
        for name, (size, sha) in sorted(expected.items()):
            if name not in members:
                problems.append(f"{name}: missing from the pack (listed in the manifest)")
            elif name in actual and actual[name] != (size, sha):
                problems.append(
                    f"{name}: changed since the pack was signed (SHA-256 or size differs "
                    "from the manifest)"
                )
        if manifest is not None:
            for name in sorted(set(members) - set(expected) - _OWN_FILES):
                problems.append(f"{name}: added to the pack (not in the manifest)")

        _check_sums(zf, members, actual, expected, manifest is not None, problems)

    if problems:
        raise PackVerificationError(path, problems)
    assert isinstance(manifest, dict)
    redaction = manifest.get("redaction", {})
    selection = manifest.get("selection", {})
    return PackReport(
        path=path,
        pack_id=str(manifest.get("pack_id", "")),
        made_at=str(manifest.get("made_at", "")),
        organisation=str(made_by.get("organisation", "")),
        signing_public_key=public_key,
        fingerprint=signing.fingerprint(public_key),
        app_version=str(manifest.get("app", {}).get("version", "")),
        files=len(expected),
        cases=len(selection.get("cases", [])) if isinstance(selection, dict) else 0,
        redacted=tuple(redaction.get("fields", [])) if isinstance(redaction, dict) else (),
    )


def _check_sums(
    zf: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    actual: dict[str, tuple[int, str]],
    expected: dict[str, tuple[int, str]],
    have_manifest: bool,
    problems: list[str],
) -> None:
    """SHA256SUMS must list every file once, with the hash the manifest (or the file) has."""
    if SUMS not in members:
        problems.append(f"{SUMS}: missing")
        return
    if SUMS not in actual:
        return
    try:
        text = zf.read(members[SUMS]).decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{SUMS}: not UTF-8 text (changed or damaged)")
        return
    listed: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _SUM_LINE.match(line)
        if not match:
            problems.append(f"{SUMS}: line {number} is not '<sha256>  <path>'")
            continue
        sha, name = match.groups()
        if name in listed:
            problems.append(f"{SUMS}: {name} is listed twice")
        listed[name] = sha
    for name, sha in sorted(listed.items()):
        if name in expected:
            if expected[name][1] != sha:
                problems.append(f"{SUMS}: the hash of {name} differs from the manifest")
        elif name in (MANIFEST, SIGNATURE):
            if name in actual and actual[name][1] != sha:
                problems.append(f"{SUMS}: the hash of {name} does not match the file")
        elif have_manifest:
            problems.append(f"{SUMS}: lists {name}, which the manifest does not")
    if have_manifest:
        for name in sorted((set(expected) | {MANIFEST, SIGNATURE}) - set(listed)):
            if name in members or name in expected:
                problems.append(f"{SUMS}: does not list {name}")
