"""Checking an evidence pack with nothing but the pack: no store, no passphrase.

The pack may be the ZIP as written, the same files zipped again by another tool (with
or without one enclosing folder), or the unpacked folder. Every file is hashed and
compared with manifest.json; files missing or added, BagIt and SHA256SUMS lines that
disagree, unsafe paths, a signature that does not match, a fingerprint shown in the
pack that is not the signer's, and a broken custody chain are each named.

Who signed is the reader's question: ``expect_fingerprint`` fails any other signer,
and ``known_signers`` (the store's own key and its partners, see ``known_signers_of``)
fails a key that is not among them. The format is in ``spec.SPEC``.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from desktop_app.core import signing
from desktop_app.core.errors import BadInputError, VerificationError
from desktop_app.export.members import (
    BAG_INFO,
    BAG_MANIFEST,
    CUSTODY,
    MANIFEST,
    PACK_FORMAT,
    PACK_FORMAT_VERSION,
    PAYLOAD,
    README,
    SIGNATURE,
    SUMS,
    TAG_MANIFEST,
)
from desktop_app.export.pdftext import PdfUnreadable

_HEX64 = re.compile(r"^[0-9a-f]{64}\Z")
_SUM_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")
# A fingerprint as a reader may see it: 8 groups of 4 hex digits in either case, apart
# by spaces or by the dashes, colons or dots people write. In a page, a tag between
# two characters (``\x00`` below) shows as nothing, or as a gap when the page styles
# it so: inside a group it is skipped, between groups it separates. (A uid's 8-hex
# groups, a SHA-256's 64 digits and a 32-digit token in one text are not
# fingerprint-shaped.)
_MARK = "\x00"
_GROUP = r"(?:[0-9A-Fa-f]\x00*){3}[0-9A-Fa-f]"
_SEPARATOR = r"[\s\-:.\u2010-\u2015\u2212\u2043\ufe58\ufe63\x00]+"
_FINGERPRINT = re.compile(
    rf"(?<![0-9A-Fa-f])((?:{_GROUP}{_SEPARATOR}){{7}}{_GROUP})(?![0-9A-Fa-f])"
)
_HEX = re.compile(r"[0-9A-Fa-f]")
_TAG = re.compile(r"<[^>]*>")
# Letters that look like the hex letters A-F in other scripts (Cyrillic, Greek).
_LOOKALIKE = {
    "\u0410": "A",
    "\u0412": "B",
    "\u0421": "C",
    "\u0415": "E",
    "\u0430": "a",
    "\u0441": "c",
    "\u0435": "e",
    "\u0391": "A",
    "\u0392": "B",
    "\u0395": "E",
    "\u03f9": "C",
    "\u03f2": "c",
}
_LOOKALIKES = re.compile(f"[{''.join(_LOOKALIKE)}]")
# The invisible format characters (Unicode category Cf, as of Unicode 14; a test
# checks the list against the running Python's): a regex, since a page can be tens
# of MB and str.translate or a loop over its characters takes seconds.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
READ_CHUNK = 1 << 20
MAX_MANIFEST = 64 << 20  # ~150 bytes a file: room for 400,000 files; larger is refused unread
MAX_TAG_FILE = 64 << 20
MAX_SIGNATURE = 1024
# index.html / report.pdf are read whole to find the fingerprints they show; a larger
# one (a pack with thousands of screenshots) is hashed but not searched, and named in
# PackReport.unsearched: the manifest, README and bag-info are always searched.
MAX_SHOWN = 256 << 20
_OWN_FILES = frozenset({MANIFEST, SIGNATURE, SUMS, TAG_MANIFEST})
# Format 1 (packs made before the BagIt layout): every file at the top of the ZIP
# (cases/<ref>/..., custody.jsonl, index.html, report.pdf, indicators.xlsx),
# manifest.json, manifest.sig and SHA256SUMS; no README, no BagIt files, and a
# custody.jsonl holding only the chosen cases' events, so no chain to follow.
_OWN_FILES_V1 = frozenset({MANIFEST, SIGNATURE, SUMS})
READABLE_VERSIONS = (1, PACK_FORMAT_VERSION)
OLDER_FORMAT = (
    "an older pack (format 1, from before the BagIt layout): its files, signature and signer "
    "were checked, but its custody chain cannot be checked (the pack carries the chosen "
    "cases' events without the links between them)"
)
# What a damaged ZIP raises while it is read: each becomes a named problem (exit 4).
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    struct.error,
    UnicodeDecodeError,
    # zipfile raises RuntimeError for a member whose (damaged) flags say "encrypted".
    RuntimeError,
)
_GENESIS = "0" * 64
# What the pack itself says (file names, manifest values) is printed to a terminal: no
# control, line-breaking or direction-changing character may reach it as it is, or a
# forger could end a problem line early and print a line of their own.
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
MAX_PROBLEM = 400  # characters of one problem line; a longer one loses its middle ("…")


def one_line(text: str, limit: int = MAX_PROBLEM) -> str:
    """``text`` as one printable line: unshowable characters written as ``\\xNN`` /
    ``\\uNNNN``, at most ``limit`` characters (a longer one loses its middle)."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    text = _UNSHOWABLE.sub(escape, str(text))
    if len(text) <= limit:
        return text
    # Keep the start (the file named) and the end (what is wrong with it).
    tail = min(limit // 2, 160)
    return text[: limit - tail - 1] + "…" + text[-tail:]


_EVENT_KEYS = ("seq", "uid", "at", "actor", "action", "entity", "entity_uid", "detail")


class PackVerificationError(VerificationError):
    """The pack failed verification; ``problems`` names each problem found, and
    ``fingerprint`` / ``known_as`` say who signed it when that could be read."""

    def __init__(
        self,
        path: Path,
        problems: list[str],
        *,
        fingerprint: str = "",
        known_as: str | None = None,
        older: bool = False,
    ) -> None:
        problems = [one_line(problem) for problem in problems]
        count = len(problems)
        super().__init__(
            f"{path.name} failed verification ({count} problem{'s' if count != 1 else ''}): "
            + "; ".join(problems)
        )
        self.problems = problems
        self.fingerprint = fingerprint
        self.known_as = known_as
        self.older = older  # a format-1 pack (see OLDER_FORMAT)


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
    # None: no list of known signers was given; else the name the key is known by.
    known_as: str | None = None
    checked_against: str = ""  # "", "expected fingerprint", "known signers"
    custody_events: int = 0
    custody_linked_only: int = 0
    unsearched: tuple[str, ...] = ()  # too large to search for shown fingerprints
    format_version: int = PACK_FORMAT_VERSION
    # False for a format-1 pack: it carries the chosen cases' events without the links
    # between them, so its custody chain cannot be checked (see OLDER_FORMAT).
    custody_checked: bool = True


def normal_fingerprint(text: str) -> str:
    """``1a2b:3c4d ...`` or ``1A2B3C4D...`` -> ``1A2B 3C4D ...`` (32 hex digits)."""
    digits = re.sub(r"[\s:.-]", "", text or "").upper()
    if not re.fullmatch(r"[0-9A-F]{32}", digits):
        raise BadInputError(
            f"{text!r} is not a key fingerprint: give the 32 hex digits (8 groups of 4)"
        )
    return " ".join(digits[i : i + 4] for i in range(0, 32, 4))


def unsafe_reason(name: str, info: zipfile.ZipInfo | None = None) -> str | None:
    """Why a ZIP member name could write outside the folder it is unpacked into (or
    cannot be unpacked at all: a damaged entry can have no name)."""
    if not name:
        return "has no name (the ZIP's list of files is damaged)"
    if "\\" in name or "\x00" in name:
        return "contains a backslash or NUL"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "is an absolute path"
    if any(part == ".." for part in PurePosixPath(name).parts):
        return "climbs out of the pack folder (..)"
    if info is not None and stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    return None


# --- where the files come from: a ZIP or a folder ------------------------------------


@dataclass
class _Source:
    """The pack's files by their path inside the bag, whatever holds them."""

    label: str
    names: dict[str, Any] = field(default_factory=dict)  # bag path -> ZipInfo | Path
    zf: zipfile.ZipFile | None = None

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        entry = self.names[name]
        if self.zf is not None:
            with self.zf.open(entry) as handle:
                yield handle
        else:
            with Path(entry).open("rb") as handle:
                yield handle

    def declared_size(self, name: str) -> int:
        entry = self.names[name]
        return int(entry.file_size) if self.zf is not None else Path(entry).stat().st_size

    def read(self, name: str, limit: int) -> bytes | None:
        """The whole file, or None when it is larger than ``limit``."""
        if self.declared_size(name) > limit:
            return None
        with self.open(name) as handle:
            data = handle.read(limit + 1)
        return None if len(data) > limit else data


def _strip_folder(names: dict[str, Any]) -> dict[str, Any]:
    """A pack zipped again as ``zip -r new.zip folder/`` has one enclosing folder."""
    if MANIFEST in names or not names:
        return names
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1 and all("/" in name for name in names):
        top = tops.pop() + "/"
        return {name[len(top) :]: entry for name, entry in names.items()}
    return names


def _zip_source(path: Path, problems: list[str]) -> _Source | None:
    with path.open("rb") as handle:
        head = handle.read(4)
    if head not in (b"PK\x03\x04", b"PK\x05\x06"):
        problems.append(
            f"{path.name} does not start as a ZIP file does: something was put before the "
            "pack, or it is not a pack"
        )
        return None
    try:
        zf = zipfile.ZipFile(path)
    except _DAMAGED:
        problems.append(f"{path.name} is not a readable ZIP file (truncated or damaged)")
        return None
    source = _Source(path.name, zf=zf)
    members: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        name = info.filename
        reason = unsafe_reason(name, info)
        if reason is None and info.is_dir() and info.file_size == 0:
            continue  # folder entries (a re-zipped pack has them) hold no content
        if reason:
            problems.append(f"{name!r}: unsafe path in the ZIP, {reason}")
            continue
        if name in members:
            problems.append(f"{name}: appears twice in the ZIP")
            continue
        members[name] = info
    first = min((info.header_offset for info in zf.infolist()), default=0)
    if first != 0 or zf.start_dir > path.stat().st_size:
        problems.append(f"{path.name}: data before the first file of the ZIP")
    source.names = _strip_folder(dict(members))
    return source


def _folder_source(path: Path, problems: list[str]) -> _Source:
    source = _Source(path.name)
    root = path.resolve()
    for item in sorted(path.rglob("*")):
        rel = item.relative_to(path).as_posix()
        if item.is_symlink():
            problems.append(f"{rel}: is a symbolic link (refused)")
            continue
        if item.is_dir():
            continue
        if not item.resolve().is_relative_to(root):
            problems.append(f"{rel}: points outside the pack folder")
            continue
        source.names[rel] = item
    source.names = _strip_folder(source.names)
    return source


# --- checks ------------------------------------------------------------------------


def _hash(source: _Source, name: str) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with source.open(name) as handle:
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
            path, size, sha = str(entry["path"]), int(entry["size"]), str(entry["sha256"])
        except (KeyError, TypeError, ValueError):
            problems.append(f"{MANIFEST}: a file entry is malformed ({str(entry)[:80]})")
            continue
        if not _HEX64.match(sha):
            problems.append(f"{MANIFEST}: {path}: the SHA-256 is malformed")
        files[path] = (size, sha)
    return files


def _sum_lines(
    source: _Source, name: str, problems: list[str], *, required: bool = True
) -> dict[str, str] | None:
    if name not in source.names:
        if required:
            problems.append(f"{name}: missing")
        return None
    data = source.read(name, MAX_TAG_FILE)
    if data is None:
        problems.append(f"{name}: larger than any pack's would be (refused)")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{name}: not UTF-8 text (changed or damaged)")
        return None
    listed: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _SUM_LINE.match(line)
        if not match:
            problems.append(f"{name}: line {number} is not '<sha256>  <path>'")
            continue
        sha, path = match.groups()
        if path in listed:
            problems.append(f"{name}: {path} is listed twice")
        listed[path] = sha
    return listed


def _check_listing(
    name: str,
    listed: dict[str, str] | None,
    should_list: set[str],
    reference: dict[str, tuple[int, str]],
    problems: list[str],
) -> None:
    """A checksum file lists exactly ``should_list``, each with the file's real hash."""
    if listed is None:
        return
    for path, sha in sorted(listed.items()):
        if path not in should_list:
            problems.append(f"{name}: lists {path}, which it should not")
        elif path in reference and reference[path][1] != sha:
            problems.append(f"{name}: the hash of {path} does not match")
    for path in sorted(should_list - set(listed)):
        problems.append(f"{name}: does not list {path}")


def _shown_fingerprints(source: _Source, name: str) -> set[str] | None:
    """Every fingerprint-shaped text in a file the reader sees (None: not readable)."""
    data = source.read(name, MAX_SHOWN)
    if data is None:
        return None
    if name.endswith(".pdf"):
        from desktop_app.export.pdftext import pdf_text_of

        text = pdf_text_of(data)
    else:
        text = data.decode("utf-8", "replace")
    found = set()
    for match in _FINGERPRINT.findall(_as_read(text, html=name.endswith(".html"))):
        digits = "".join(_HEX.findall(match)).upper()
        found.add(" ".join(digits[i : i + 4] for i in range(0, 32, 4)))
    return found


def _as_read(text: str, *, html: bool) -> str:
    """The text as a person reads it, so a fingerprint cannot hide from the search in
    how it is written: a page's tags dropped and its character references decoded
    (``&#56;`` shows as 8), compatibility forms folded (NFKC: full-width digits), and
    look-alike letters of other scripts read as A-F, and invisible format characters
    (zero-width spaces) taken out."""
    import html as markup
    import unicodedata

    if html:
        text = markup.unescape(_TAG.sub(_MARK, text))
    text = unicodedata.normalize("NFKC", text)
    text = _LOOKALIKES.sub(lambda match: _LOOKALIKE[match.group()], text)
    return _INVISIBLE.sub("", text)


def _check_custody(
    source: _Source, manifest: dict[str, Any], problems: list[str]
) -> tuple[int, int]:
    """Follow every link of data/custody.jsonl; recompute each hash that can be."""
    name = f"{PAYLOAD}/{CUSTODY}"
    info = manifest.get("custody")
    if name not in source.names:
        return 0, 0  # named as missing by the file checks
    if not isinstance(info, dict):
        problems.append(f"{MANIFEST}: says nothing of the custody chain")
        return 0, 0
    full = linked = 0
    previous: dict[str, Any] | None = None
    with source.open(name) as handle:
        for number, raw in enumerate(handle, 1):
            try:
                line = json.loads(raw.decode("utf-8"))
                seq = int(line["seq"])
                prev_hash, digest = str(line["prev_hash"]), str(line["hash"])
            except (
                UnicodeDecodeError,
                ValueError,
                KeyError,
                TypeError,
                OverflowError,
                RecursionError,
            ):
                problems.append(f"{name}: line {number} is not a custody event")
                return full, linked
            if previous is None:
                if seq != info.get("first_seq"):
                    problems.append(
                        f"{name}: starts at event {seq}, not {info.get('first_seq')} as the "
                        "manifest says"
                    )
                if seq == 1 and prev_hash != _GENESIS:
                    problems.append(f"{name}: event 1 does not start the chain")
            else:
                if seq != previous["seq"] + 1:
                    problems.append(
                        f"{name}: event {previous['seq'] + 1} is missing (the chain jumps "
                        f"from {previous['seq']} to {seq})"
                    )
                if prev_hash != previous["hash"]:
                    problems.append(
                        f"{name}: event {seq} does not link to event {previous['seq']} "
                        "(its prev_hash is not that event's hash)"
                    )
            if line.get("other") is True:
                linked += 1
            elif line.get("redacted"):
                linked += 1
            else:
                payload = {key: line.get(key) for key in _EVENT_KEYS}
                canonical = json.dumps(
                    payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")
                )
                recomputed = hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()
                if recomputed != digest or any(key not in line for key in _EVENT_KEYS):
                    problems.append(
                        f"{name}: event {seq} was changed (its hash does not match its content)"
                    )
                full += 1
            previous = {"seq": seq, "hash": digest}
    if previous is None:
        if info.get("head_seq"):
            problems.append(f"{name}: empty, but the manifest names events")
    elif previous["seq"] != info.get("head_seq") or previous["hash"] != info.get("head_hash"):
        problems.append(
            f"{name}: ends at event {previous['seq']}, not at the head the manifest names "
            f"({info.get('head_seq')}); events were removed from the end"
        )
    return full, linked


def verify_pack(
    path: str | Path,
    *,
    expect_fingerprint: str | None = None,
    known_signers: Mapping[str, str] | None = None,
) -> PackReport:
    """Check the pack at ``path`` (ZIP or unpacked folder); return a report, or raise
    ``PackVerificationError`` (exit 4) naming every problem. Unreadable input is
    ``BadInputError`` (exit 2).

    ``expect_fingerprint``: fail unless the signer's key has this fingerprint.
    ``known_signers``: fingerprint -> name of every key the reader trusts; fail when the
    signer is not one of them.
    """
    path = Path(path)
    expected_fp = normal_fingerprint(expect_fingerprint) if expect_fingerprint else None
    problems: list[str] = []
    if path.is_dir():
        source: _Source | None = _folder_source(path, problems)
    elif path.is_file():
        source = _zip_source(path, problems)
    else:
        raise BadInputError(f"no pack at {path}: give the .zip file or the unpacked folder")
    if source is None:
        raise PackVerificationError(path, problems)
    try:
        return _verify(path, source, problems, expected_fp, known_signers)
    except _DAMAGED as exc:
        problems.append(f"{path.name}: damaged, it cannot be read to the end ({exc})")
        raise PackVerificationError(path, problems) from None
    except RecursionError:
        problems.append(f"{path.name}: nested too deeply to be read (refused)")
        raise PackVerificationError(path, problems) from None
    finally:
        if source.zf is not None:
            source.zf.close()


def _verify(
    path: Path,
    source: _Source,
    problems: list[str],
    expected_fp: str | None,
    known_signers: Mapping[str, str] | None,
) -> PackReport:
    actual: dict[str, tuple[int, str]] = {}
    oversized = {
        name
        for name, cap in ((MANIFEST, MAX_MANIFEST), (SIGNATURE, MAX_SIGNATURE))
        if name in source.names and source.declared_size(name) > cap
    }
    for name in source.names:
        if name in oversized:
            continue  # refused below without reading it
        try:
            actual[name] = _hash(source, name)
        except _DAMAGED as exc:
            problems.append(f"{name}: cannot be read (damaged: {exc})")

    manifest: Any = None
    manifest_bytes = b""
    if MANIFEST not in source.names:
        problems.append(f"{MANIFEST}: missing, so no file can be checked against it")
    elif MANIFEST in actual or MANIFEST in oversized:
        read = None if MANIFEST in oversized else source.read(MANIFEST, MAX_MANIFEST)
        if read is None:
            problems.append(f"{MANIFEST}: larger than {MAX_MANIFEST >> 20} MB (refused)")
        else:
            manifest_bytes = read
            try:
                manifest = json.loads(manifest_bytes.decode("utf-8"))
                if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
                    problems.append(f"{MANIFEST}: not the manifest of a Caselog evidence pack")
                    manifest = None
                elif manifest.get("format_version") not in READABLE_VERSIONS:
                    problems.append(
                        f"{MANIFEST}: format_version {str(manifest.get('format_version'))[:20]}"
                        " is not one this Caselog reads (1 or 2): a newer Caselog may"
                    )
                    manifest = None
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                problems.append(f"{MANIFEST}: not valid JSON (changed or damaged)")
                manifest = None

    version = manifest.get("format_version") if isinstance(manifest, dict) else None
    older = version == 1
    made_by = manifest.get("made_by", {}) if isinstance(manifest, dict) else {}
    made_by = made_by if isinstance(made_by, dict) else {}
    public_key = str(made_by.get("signing_public_key", ""))
    signer_fp = ""
    if public_key:
        try:
            signer_fp = signing.fingerprint(public_key)
        except ValueError:
            problems.append(f"{MANIFEST}: the signing key is not base64")
    if SIGNATURE not in source.names:
        problems.append(f"{SIGNATURE}: missing, so the pack's origin cannot be checked")
    elif manifest is not None and (SIGNATURE in actual or SIGNATURE in oversized):
        signature = None if SIGNATURE in oversized else source.read(SIGNATURE, MAX_SIGNATURE)
        if not public_key:
            problems.append(f"{MANIFEST}: names no signing key")
        elif signature is None or len(signature) != 64:
            problems.append(f"{SIGNATURE}: not a 64-byte Ed25519 signature")
        else:
            try:
                signing.verify(public_key, manifest_bytes, signature, what=SIGNATURE)
            except VerificationError as exc:
                problems.append(exc.message)

    known_as: str | None = None
    checked = ""
    unsearched: list[str] = []
    if signer_fp:
        unsearched = _check_shown(source, made_by, signer_fp, actual, problems, older=older)
        if expected_fp is not None:
            checked = "expected fingerprint"
            if signer_fp != expected_fp:
                problems.append(
                    f"{SIGNATURE}: signed by the key {signer_fp}, not by the expected {expected_fp}"
                )
        if known_signers is not None:
            checked = checked or "known signers"
            known_as = known_signers.get(signer_fp)
            if known_as is None:
                problems.append(
                    f"{SIGNATURE}: signed by an unknown key {signer_fp}: neither this store's "
                    "own key nor any partner's"
                )

    expected = _manifest_files(manifest, problems) if manifest is not None else {}
    for name, (size, sha) in sorted(expected.items()):
        if name not in source.names:
            problems.append(f"{name}: missing from the pack (listed in the manifest)")
        elif name in actual and actual[name] != (size, sha):
            problems.append(
                f"{name}: changed since the pack was signed (SHA-256 or size differs "
                "from the manifest)"
            )
    if manifest is not None and older:
        for name in sorted(set(source.names) - set(expected) - _OWN_FILES_V1):
            problems.append(f"{name}: added to the pack (not in the manifest)")
        _check_listing(
            SUMS,
            _sum_lines(source, SUMS, problems),
            set(expected) | {MANIFEST, SIGNATURE},
            dict(actual) | expected,
            problems,
        )
    elif manifest is not None:
        for name in sorted(set(source.names) - set(expected) - _OWN_FILES):
            problems.append(f"{name}: added to the pack (not in the manifest)")
        payload = {n for n in set(expected) | set(source.names) if n.startswith(PAYLOAD + "/")}
        everything = set(expected) | (set(source.names) & _OWN_FILES) | {MANIFEST, SIGNATURE}
        # A changed file is named once (against the manifest), not again by each list.
        reference = dict(actual) | expected
        _check_listing(
            SUMS,
            _sum_lines(source, SUMS, problems),
            everything - {SUMS, TAG_MANIFEST},
            reference,
            problems,
        )
        _check_listing(
            BAG_MANIFEST, _sum_lines(source, BAG_MANIFEST, problems), payload, reference, problems
        )
        _check_listing(
            TAG_MANIFEST,
            _sum_lines(source, TAG_MANIFEST, problems),
            (everything | {SUMS}) - payload - {TAG_MANIFEST},
            reference,
            problems,
        )
    custody = (0, 0)
    if isinstance(manifest, dict) and not older:
        custody = _check_custody(source, manifest, problems)

    if problems:
        raise PackVerificationError(
            path, problems, fingerprint=signer_fp, known_as=known_as, older=older
        )
    assert isinstance(manifest, dict)
    redaction = manifest.get("redaction", {})
    selection = manifest.get("selection", {})
    app = manifest.get("app", {})
    chosen = selection.get("cases", []) if isinstance(selection, dict) else []
    removed = redaction.get("fields", []) if isinstance(redaction, dict) else []
    # Signed text, but signed by whoever made the pack: shown as one line each.
    return PackReport(
        path=path,
        pack_id=one_line(manifest.get("pack_id", ""), 100),
        made_at=one_line(manifest.get("made_at", ""), 100),
        organisation=one_line(made_by.get("organisation", ""), 200),
        signing_public_key=public_key,
        fingerprint=signer_fp,
        app_version=one_line(app.get("version", ""), 40) if isinstance(app, dict) else "",
        files=len(expected),
        cases=len(chosen) if isinstance(chosen, list) else 0,
        redacted=tuple(one_line(f, 40) for f in removed) if isinstance(removed, list) else (),
        known_as=known_as,
        checked_against=checked,
        custody_events=custody[0],
        custody_linked_only=custody[1],
        unsearched=tuple(unsearched),
        format_version=1 if older else PACK_FORMAT_VERSION,
        custody_checked=not older,
    )


def _check_shown(
    source: _Source,
    made_by: dict[str, Any],
    signer_fp: str,
    actual: dict[str, tuple[int, str]],
    problems: list[str],
    *,
    older: bool = False,
) -> list[str]:
    """Every fingerprint the pack shows a reader must be the signer's; returns the
    files too large to search. ``older``: a format-1 pack, its pages at the top."""
    unsearched: list[str] = []
    stated = str(made_by.get("fingerprint", ""))
    if stated and " ".join(stated.split()).upper() != signer_fp:
        problems.append(
            f"{MANIFEST}: shows the fingerprint {stated}, but the key that signed the pack "
            f"is {signer_fp}"
        )
    shown_in = (
        ("index.html", "report.pdf")
        if older
        else (f"{PAYLOAD}/index.html", f"{PAYLOAD}/report.pdf", README, BAG_INFO)
    )
    for name in shown_in:
        if name not in source.names or name not in actual:
            continue
        try:
            shown = _shown_fingerprints(source, name)
        except PdfUnreadable as exc:
            problems.append(
                f"{name}: cannot be read to check the fingerprints it shows ({exc}); "
                "it may be damaged or forged"
            )
            continue
        if shown is None:
            unsearched.append(name)
            continue
        for other in sorted(shown - {signer_fp}):
            problems.append(
                f"{name}: shows the fingerprint {other}, but the key that signed the pack is "
                f"{signer_fp}"
            )
    return unsearched


def known_signers_of(store: Any) -> dict[str, str]:
    """Fingerprint -> name of the keys a store trusts: its own and its partners'.

    Reads the store only (no write, no audit event)."""
    from sqlmodel import select

    from desktop_app.store.keys import SIGNING
    from desktop_app.store.models import OrgKey, Partner
    from desktop_app.store.repository import get_organisation

    known: dict[str, str] = {}
    with store.session() as session:
        own = session.scalars(select(OrgKey).where(OrgKey.kind == SIGNING)).first()
        for partner in session.scalars(select(Partner)):
            if partner.signing_public_key:
                try:
                    known[signing.fingerprint(partner.signing_public_key)] = (
                        f"partner {partner.name}"
                    )
                except ValueError:
                    continue
        if own is not None:
            name = get_organisation(session).name or "this organisation"
            known[signing.fingerprint(own.public_key)] = f"{name} (this store's own key)"
    return known
