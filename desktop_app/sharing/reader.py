"""Opening a received bundle: decrypt, refuse unsafe or oversized ZIPs, check the
signature, every file's hash and every record's shape. Nothing touches the store.

The decrypted ZIP is kept in memory, never written to disk: it holds case content
in the clear. Its size is bounded by the size of the encrypted file, which is
checked before anything is read, and every ZIP entry is read in bounded chunks.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyrage
from pyrage import x25519

from desktop_app.core import signing
from desktop_app.core.errors import AppError, BadInputError, Cancelled, VerificationError
from desktop_app.core.normalise import normalise_handle, normalise_platform
from desktop_app.core.redaction import REDACTABLE
from desktop_app.core.timeutil import now_utc, time_problem
from desktop_app.sharing.cards import clean_name
from desktop_app.sharing.records import (
    ORDER,
    ORDER_V1,
    SHA256_RE,
    Kind,
    check_record,
)
from desktop_app.store.keys import key_change_notice
from desktop_app.store.types import from_micros

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

FORMAT = "caselog-bundle"
VERSION = 2  # 2: retraction notices, key-change notices, manifest first (docs/BUNDLE-changes.md)
READABLE_VERSIONS = (1, 2)
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"

# Limits: a bundle far beyond these is refused before it is read.
MAX_BUNDLE_BYTES = 1 << 30  # the encrypted file (and so the decrypted ZIP): 1 GiB
MAX_TOTAL_BYTES = 2 << 30  # all entries, uncompressed
MAX_RECORDS_BYTES = 512 << 20  # one records/*.jsonl, uncompressed
MAX_ATTACHMENT_BYTES = 256 << 20  # one attachment
MAX_MANIFEST_BYTES = 16 << 20
MAX_RECORDS = 5_000_000  # records of every kind together, as the manifest counts them
MAX_LINE_BYTES = 8 << 20  # one JSON line of a records file
MAX_KEY_CHANGES = 64
HEAD_BYTES = MAX_MANIFEST_BYTES + 4096  # decrypted to read the manifest before the rest
MAX_ENTRIES = 200_000
MAX_RATIO = 200  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1 << 20
CHUNK = 1 << 20

_NAME_RE = re.compile(
    r"^(manifest\.json|manifest\.sig|attachments/[0-9a-f]{64}|records/("
    + "|".join(kind.name for kind in ORDER)
    + r")\.jsonl)\Z"  # \Z: ``$`` would also take a name ending in a line break
)


@dataclass(frozen=True)
class KeyChange:
    """A signed key-change notice: the organisation's old signing key vouches for
    its new signing key and age recipient. Checked when the manifest is read."""

    old_signing_public_key: str
    new_signing_public_key: str
    new_age_recipient: str
    at: datetime
    notice: bytes  # the signed bytes, exactly as signed
    signature: bytes


@dataclass(frozen=True)
class Manifest:
    """What the signed manifest says about the bundle and who made it."""

    bundle_id: str
    made_at: datetime
    app_version: str
    origin_name: str
    origin_uid: str
    signing_public_key: str
    redaction: tuple[str, ...]
    counts: dict[str, int]
    files: dict[str, tuple[str, int]]  # path -> (sha256, size)
    version: int = VERSION
    key_changes: tuple[KeyChange, ...] = ()  # oldest first, ending at signing_public_key

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.signing_public_key)

    @property
    def kinds(self) -> tuple[Kind, ...]:
        return ORDER if self.version >= 2 else ORDER_V1


@dataclass
class VerifiedBundle:
    """A bundle whose signature, hashes and records all checked out."""

    manifest: Manifest
    records: dict[str, list[dict[str, Any]]]
    _zip: zipfile.ZipFile = field(repr=False)
    manifest_bytes: bytes = b""

    def attachment(self, sha256: str) -> bytes:
        """The original bytes of one attachment (already checked against its hash)."""
        name = f"attachments/{sha256}"
        return _read_entry(self._zip, self._zip.getinfo(name), MAX_ATTACHMENT_BYTES)

    def close(self) -> None:
        self._zip.close()


def read_identity_file(path: str | Path) -> list[x25519.Identity]:
    """The AGE-SECRET-KEY lines of an identity file as ``age-keygen`` writes it."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInputError(f"cannot read the identity file {source}: {exc}") from None
    identities = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            identities.append(x25519.Identity.from_str(line))
        except Exception:  # noqa: BLE001 - pyrage raises its own error types
            raise BadInputError(
                f"{source}: not an age identity file (expected AGE-SECRET-KEY-1... lines)"
            ) from None
    if not identities:
        raise BadInputError(f"{source}: no age identity (AGE-SECRET-KEY-1...) in the file")
    return identities


def _envelope(path: Path, passphrase: str | None) -> None:
    """Check size and the age envelope's first line before decrypting anything."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise BadInputError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if size > MAX_BUNDLE_BYTES:
        raise VerificationError(
            f"{path.name} is larger than {MAX_BUNDLE_BYTES >> 20} MiB; it was not opened"
        )
    if len(head) < len(AGE_MAGIC) and AGE_MAGIC.startswith(head) and head:
        raise VerificationError(f"{path.name} is truncated: the encrypted header is incomplete")
    if not (head.startswith(AGE_MAGIC) or head.startswith(AGE_ARMOR)):
        near = head[: len(AGE_MAGIC)]
        if (
            len(near) == len(AGE_MAGIC)
            and sum(x != y for x, y in zip(near, AGE_MAGIC, strict=True)) <= 3
        ):
            raise _header_damaged(path)
        raise BadInputError(f"{path.name} is not an age-encrypted Caselog bundle")
    for_passphrase = b"\n-> scrypt " in head
    if passphrase is not None and not for_passphrase and head.startswith(AGE_MAGIC):
        raise BadInputError(
            f"{path.name} is encrypted to partners' keys, not to a passphrase: "
            "open it without --bundle-passphrase-file"
        )
    if passphrase is None and for_passphrase:
        raise BadInputError(
            f"{path.name} is protected by a passphrase: give it with --bundle-passphrase-file"
        )


def _header_damaged(path: Path) -> VerificationError:
    return VerificationError(
        f"{path.name}: its encryption header is damaged or truncated (changed or cut short "
        "on the way); ask the sender for a new copy"
    )


def _decrypt_failed(path: Path, exc: Exception, passphrase: str | None) -> AppError:
    reason = str(exc)
    if "No matching keys" in reason:
        # age cannot tell a bundle made for another key from one whose key stanza
        # was damaged: say both, honestly.
        return VerificationError(
            f"{path.name} cannot be opened with this organisation's age key (or the identity "
            "given): it was encrypted to another key, or its encryption header was damaged; "
            "ask the sender to encrypt it to your partner card and send it again"
        )
    if passphrase is not None and "Decryption failed" in reason:
        return BadInputError(f"{path.name}: wrong bundle passphrase, or the file was changed")
    if "Header" in reason or "Unknown age format" in reason or "header" in reason:
        return _header_damaged(path)
    return _corrupt(path)


class _Enough(Exception):
    """Raised from inside pyrage's streaming decryption once the head is read."""


class _HeadWriter:
    """Collects decrypted bytes until the leading manifest and signature are in."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.head: tuple[bytes, bytes] | None = None
        self.leading = True  # False: not a manifest-first bundle (format 1)

    def write(self, data: bytes) -> int:
        self.buffer += data
        if self.leading and self.head is None:
            try:
                self.head = _leading_manifest(bytes(self.buffer[:HEAD_BYTES]))
            except _NotLeading:
                self.leading = False
            if self.head is not None or not self.leading or len(self.buffer) > HEAD_BYTES:
                raise _Enough
        return len(data)

    def flush(self) -> None:
        return None


class _NotLeading(Exception):
    pass


_LOCAL = struct.Struct("<4sHHHHHIIIHH")


def _leading_entry(buf: bytes, offset: int, name: str, limit: int) -> tuple[bytes, int] | None:
    """The stored entry ``name`` at ``offset`` of a ZIP: (data, next offset), None if
    more bytes are needed; _NotLeading when the ZIP does not start that way."""
    if len(buf) < offset + _LOCAL.size:
        return None
    magic, _ver, flags, method, _t, _d, crc, csize, usize, nlen, xlen = _LOCAL.unpack_from(
        buf, offset
    )
    if magic != b"PK\x03\x04" or method != 0 or flags & 0x9 or csize != usize or csize > limit:
        raise _NotLeading
    start = offset + _LOCAL.size + nlen + xlen
    if len(buf) < start:
        return None
    if buf[offset + _LOCAL.size : offset + _LOCAL.size + nlen] != name.encode():
        raise _NotLeading
    if len(buf) < start + csize:
        return None
    data = buf[start : start + csize]
    if zlib.crc32(data) != crc:
        raise _NotLeading
    return data, start + csize


def _leading_manifest(buf: bytes) -> tuple[bytes, bytes] | None:
    first = _leading_entry(buf, 0, MANIFEST, MAX_MANIFEST_BYTES)
    if first is None:
        return None
    second = _leading_entry(buf, first[1], SIGNATURE, 1024)
    if second is None:
        return None
    return first[0], second[0]


@dataclass
class _Head:
    manifest_bytes: bytes | None
    signature: bytes | None
    plain: bytes | None  # the whole ZIP, when the file was small enough to finish


def _decrypt_head(path: Path, identities: list[x25519.Identity] | None) -> _Head:
    """Decrypt only as far as the signed manifest (format 2 puts it first)."""
    writer = _HeadWriter()
    try:
        with path.open("rb") as handle:
            pyrage.decrypt_io(handle, writer, identities or [])
    except _Enough:
        pass
    except pyrage.DecryptError as exc:
        raise _decrypt_failed(path, exc, None) from None
    except OSError:
        if writer.head is None:
            raise _corrupt(path) from None
        # The head decrypted and authenticated; the rest is checked when it is read.
    else:
        head = writer.head
        return _Head(head[0] if head else None, head[1] if head else None, bytes(writer.buffer))
    head = writer.head
    return _Head(head[0] if head else None, head[1] if head else None, None)


def _decrypt(
    path: Path, identities: list[x25519.Identity] | None, passphrase: str | None
) -> io.BytesIO:
    try:
        if passphrase is not None:
            return io.BytesIO(pyrage.passphrase.decrypt(path.read_bytes(), passphrase))
        out = io.BytesIO()
        with path.open("rb") as handle:
            pyrage.decrypt_io(handle, out, identities or [])
        out.seek(0)
        return out
    except pyrage.DecryptError as exc:
        raise _decrypt_failed(path, exc, passphrase) from None
    except OSError:  # pyrage's streaming decryption reports a bad payload this way
        raise _corrupt(path) from None


def _corrupt(path: Path) -> VerificationError:
    return VerificationError(
        f"{path.name} is damaged or truncated: the encrypted data does not check out; "
        "ask the sender for a new copy"
    )


def _damaged(name: str) -> VerificationError:
    return VerificationError(
        f"the bundle's file {name!r} is damaged; the bundle was changed or corrupted"
    )


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read one entry in bounded chunks: never more than its declared size or ``limit``."""
    if info.file_size > limit:
        raise VerificationError(f"the bundle's file {info.filename!r} is too large; refused")
    parts: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > info.file_size or total > limit:
                    raise VerificationError(
                        f"the bundle's file {info.filename!r} is larger than it claims; refused"
                    )
                parts.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise _damaged(info.filename) from None
    return b"".join(parts)


def _check_names(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Refuse unsafe paths, duplicates, unknown files and ZIP bombs before reading."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise VerificationError(f"the bundle has more than {MAX_ENTRIES:,} files; refused")
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if (
            name.startswith(("/", "\\"))
            or "\\" in name
            or ":" in name
            or ".." in parts
            or "\x00" in name
        ):
            raise VerificationError(f"the bundle contains an unsafe path {name!r}; it was refused")
        if not _NAME_RE.match(name):
            raise VerificationError(f"the bundle contains an unexpected file {name!r}; refused")
        if name in entries:
            raise VerificationError(f"the bundle contains {name!r} twice; refused")
        if info.flag_bits & 0x1 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise VerificationError(f"the bundle's file {name!r} uses an unsupported encoding")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise VerificationError(
                "the bundle would unpack to more than "
                f"{MAX_TOTAL_BYTES >> 30} GiB (a ZIP bomb?); refused"
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise VerificationError(
                f"the bundle's file {name!r} expands {info.file_size // max(1, info.compress_size)}"
                " times (a ZIP bomb?); refused"
            )
        entries[name] = info
    return entries


def _key_changes(raw: object) -> tuple[KeyChange, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > MAX_KEY_CHANGES:
        raise ValueError("key_changes must be a short list")
    out: list[KeyChange] = []
    for item in raw:
        notice = base64.b64decode(str(item["notice"]), validate=True)
        signature = base64.b64decode(str(item["signature"]), validate=True)
        doc = json.loads(notice.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("type") != "caselog-key-change":
            raise ValueError("not a key-change notice")
        change = KeyChange(
            old_signing_public_key=str(doc["old_signing_public_key"]),
            new_signing_public_key=str(doc["new_signing_public_key"]),
            new_age_recipient=str(doc["new_age_recipient"]),
            at=datetime.fromisoformat(str(doc["at"])),
            notice=notice,
            signature=signature,
        )
        if notice != key_change_notice(
            change.old_signing_public_key,
            change.new_signing_public_key,
            change.new_age_recipient,
            change.at,
        ):
            raise ValueError("a key-change notice is not in its canonical form")
        x25519.Recipient.from_str(change.new_age_recipient)
        out.append(change)
    return tuple(out)


def _manifest(data: bytes, now: datetime | None = None) -> Manifest:
    try:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("not a Caselog bundle manifest")
        version = doc.get("version")
        if isinstance(version, bool) or version not in READABLE_VERSIONS:
            raise ValueError(
                f"bundle format version {version!r}; this Caselog reads "
                f"{', '.join(map(str, READABLE_VERSIONS))}"
            )
        origin = doc["origin"]
        files = {
            str(path): (str(entry["sha256"]), int(entry["size"]))
            for path, entry in dict(doc["files"]).items()
        }
        for path, (digest, _size) in files.items():
            if not SHA256_RE.match(digest) or not _NAME_RE.match(path):
                raise ValueError(f"bad entry {path!r}")
        counts = {str(k): int(v) for k, v in dict(doc["counts"]).items()}
        if any(v < 0 for v in counts.values()):
            raise ValueError("a negative count")
        if sum(counts.values()) > MAX_RECORDS:
            raise ValueError(f"more than {MAX_RECORDS:,} records")
        redaction = tuple(str(x) for x in doc["redaction"])
        if set(redaction) - REDACTABLE.keys():
            raise ValueError("unknown redaction")
        manifest = Manifest(
            bundle_id=str(doc["bundle_id"]),
            made_at=datetime.fromisoformat(str(doc["made_at"])),
            app_version=str(doc["app_version"]),
            origin_name=str(origin["name"]),
            origin_uid=str(origin["uid"]),
            signing_public_key=str(origin["signing_public_key"]),
            redaction=redaction,
            counts=counts,
            files=files,
            version=int(version),
            key_changes=_key_changes(doc.get("key_changes")) if version >= 2 else (),
        )
        manifest.fingerprint  # noqa: B018 - checks the key decodes
        if manifest.origin_name.strip() and clean_name(manifest.origin_name) is None:
            raise ValueError("the organisation name is too long or has control characters")
        if manifest.made_at.tzinfo is None:
            raise ValueError("made_at has no UTC offset")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise VerificationError(f"the bundle's manifest is not valid ({exc})") from None
    except Exception:  # noqa: BLE001 - pyrage's key parsing raises its own types
        raise VerificationError("the bundle's manifest is not valid (a bad key)") from None
    problem = time_problem(manifest.made_at, now)
    if problem is not None:
        raise VerificationError(f"the bundle's manifest: made_at {problem}; the bundle was refused")
    return manifest


def _verify_manifest(manifest_bytes: bytes, signature: bytes, now: datetime) -> Manifest:
    """Parse the manifest and check its signature and any key-change notices."""
    manifest = _manifest(manifest_bytes, now)
    signing.verify(manifest.signing_public_key, manifest_bytes, signature, what="bundle")
    changes = manifest.key_changes
    for index, change in enumerate(changes):
        signing.verify(
            change.old_signing_public_key,
            change.notice,
            change.signature,
            what="key-change notice",
        )
        following = (
            changes[index + 1].old_signing_public_key
            if index + 1 < len(changes)
            else manifest.signing_public_key
        )
        if change.new_signing_public_key != following:
            raise VerificationError(
                "the bundle's key-change notices do not lead to the key that signed it; refused"
            )
    return manifest


SignerCheck = Callable[[Manifest], None]


def open_bundle(
    path: str | Path,
    *,
    identities: list[x25519.Identity] | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    check_signer: SignerCheck | None = None,
    now: datetime | None = None,
) -> VerifiedBundle:
    """Decrypt and check a bundle completely; raise before returning anything unchecked.

    ``check_signer`` sees the verified manifest before the records are read (and,
    for a bundle encrypted to keys, before more than its head is decrypted) and
    raises to refuse the bundle. Every time in the bundle must lie between
    2000-01-01 and ``now`` (the import clock) plus 24 hours.
    """
    source = Path(path)
    now = now or now_utc()
    if progress:
        progress(0, 0, "decrypting")
    _envelope(source, passphrase)
    head: _Head | None = None
    early: Manifest | None = None
    if passphrase is None:
        head = _decrypt_head(source, identities)
        if head.manifest_bytes is not None and head.signature is not None:
            early = _verify_manifest(head.manifest_bytes, head.signature, now)
            if check_signer is not None:
                check_signer(early)
    if head is not None and head.plain is not None:
        plain = io.BytesIO(head.plain)
    else:
        plain = _decrypt(source, identities, passphrase)
    try:
        archive = zipfile.ZipFile(plain)
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise VerificationError(
            f"{source.name}: the decrypted content is not a bundle (not a ZIP); refused"
        ) from None
    del plain
    try:
        entries = _check_names(archive)
        if MANIFEST not in entries or SIGNATURE not in entries:
            raise VerificationError("the bundle has no signed manifest; it was refused")
        manifest_bytes = _read_entry(archive, entries[MANIFEST], MAX_MANIFEST_BYTES)
        signature = _read_entry(archive, entries[SIGNATURE], 1024)
        if early is not None and head is not None:
            if (manifest_bytes, signature) != (head.manifest_bytes, head.signature):
                raise VerificationError(
                    "the bundle holds two different manifests; it was changed, refused"
                )
            manifest = early
        else:
            manifest = _verify_manifest(manifest_bytes, signature, now)
            if check_signer is not None:
                check_signer(manifest)
        listed = set(manifest.files)
        present = set(entries) - {MANIFEST, SIGNATURE}
        if listed != present:
            odd = sorted(listed ^ present)[0]
            raise VerificationError(
                f"the bundle's files do not match its signed manifest ({odd!r}); refused"
            )
        for name in listed:
            if entries[name].file_size != manifest.files[name][1]:
                raise VerificationError(
                    f"the bundle's file {name!r} is not the size its signed manifest gives; refused"
                )
        records = _read_records(archive, entries, manifest, progress, cancelled, now)
        _check_attachments(archive, entries, manifest, progress, cancelled)
        _check_links(records, manifest)
    except BaseException:
        archive.close()
        raise
    log.info("bundle verified")
    return VerifiedBundle(manifest, records, archive, manifest_bytes)


def _hashed(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, manifest: Manifest, limit: int
) -> bytes:
    data = _read_entry(archive, info, limit)
    digest, size = manifest.files[info.filename]
    if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
        raise VerificationError(
            f"the bundle's file {info.filename!r} does not match its hash in the signed "
            "manifest: it was changed after signing; refused"
        )
    return data


def _read_records(
    archive: zipfile.ZipFile,
    entries: dict[str, zipfile.ZipInfo],
    manifest: Manifest,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    now: datetime,
) -> dict[str, list[dict[str, Any]]]:
    records: dict[str, list[dict[str, Any]]] = {kind.name: [] for kind in ORDER}
    total = sum(manifest.counts.values())
    extra = set(manifest.counts) - {k.name for k in manifest.kinds} - {"attachment_files"}
    if extra:
        raise VerificationError(f"the manifest counts unknown records {sorted(extra)[0]!r}")
    done = 0
    for kind in manifest.kinds:
        if kind.path not in entries:
            raise VerificationError(f"the bundle has no {kind.path}; it is incomplete")
        expected = manifest.counts.get(kind.name, -1)
        data = _hashed(archive, entries[kind.path], manifest, MAX_RECORDS_BYTES)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise VerificationError(f"{kind.path} is not UTF-8 text; refused") from None
        del data
        rows: list[dict[str, Any]] = []
        # Lines end in "\n" only: JSON text may hold U+2028 and other line separators.
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"{kind.path} line {number}"
            if len(line) > MAX_LINE_BYTES:
                raise VerificationError(f"{where}: the line is too long; refused")
            if len(rows) >= expected:
                raise VerificationError(
                    f"{kind.path} holds more records than the manifest says ({expected}); refused"
                )
            try:
                decoded = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                raise VerificationError(f"{where}: not valid JSON; refused") from None
            rows.append(check_record(kind, decoded, where, now))
            done += 1
            if progress and done % 2000 == 0:
                progress(done, total, "checking records")
        if cancelled and cancelled():
            raise Cancelled("opening the bundle was cancelled; nothing was written")
        if len(rows) != expected:
            raise VerificationError(
                f"{kind.path} holds {len(rows)} records but the manifest says "
                f"{manifest.counts.get(kind.name)}; refused"
            )
        records[kind.name] = rows
    return records


def _check_attachments(
    archive: zipfile.ZipFile,
    entries: dict[str, zipfile.ZipInfo],
    manifest: Manifest,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    names = sorted(name for name in entries if name.startswith("attachments/"))
    for index, name in enumerate(names, start=1):
        data = _hashed(archive, entries[name], manifest, MAX_ATTACHMENT_BYTES)
        if hashlib.sha256(data).hexdigest() != name.split("/", 1)[1]:
            raise VerificationError(f"the bundle's file {name!r} does not match its name")
        if progress and index % 50 == 0:
            progress(index, len(names), "checking attachments")
        if cancelled and cancelled():
            raise Cancelled("opening the bundle was cancelled; nothing was written")


def _check_links(records: dict[str, list[dict[str, Any]]], manifest: Manifest) -> None:
    """Every uid unique, every reference inside the bundle, every record meaningful."""
    by_uid: dict[str, dict[str, dict[str, Any]]] = {}
    for kind in manifest.kinds:
        seen: dict[str, dict[str, Any]] = {}
        for rec in records[kind.name]:
            if kind.has_uid:
                if rec["uid"] in seen:
                    raise VerificationError(
                        f"{kind.path}: the uid {rec['uid']} appears twice; refused"
                    )
                seen[rec["uid"]] = rec
            for spec in kind.fields:
                if spec.type.startswith("ref") and rec[spec.name] is not None:
                    if rec[spec.name] not in by_uid[spec.ref]:
                        raise VerificationError(
                            f"{kind.path}: a record refers to {spec.ref} {rec[spec.name]}, "
                            "which is not in the bundle; refused"
                        )
        by_uid[kind.name] = seen
        _check_meaning(kind.name, records[kind.name], by_uid, manifest)


def _check_meaning(
    name: str,
    rows: list[dict[str, Any]],
    by_uid: dict[str, dict[str, dict[str, Any]]],
    manifest: Manifest,
) -> None:
    for rec in rows:
        where = f"records/{name}.jsonl ({rec.get('uid', 'link')})"
        problem = ""
        if name in ("accounts", "posts") and not normalise_platform(rec["platform"]):
            problem = "has no platform"
        elif name == "accounts" and not normalise_handle(rec["handle"]):
            problem = "has no handle"
        elif name == "posts" and not (
            rec["url"].strip() or rec["post_ref"].strip() or rec["content"].strip()
        ):
            problem = "has neither link, reference nor text"
        elif name == "tags" and not rec["name"].strip():
            problem = "has no name"
        elif name == "responses":
            report = by_uid["reports"][rec["report"]]
            if rec["received_at"] < report["reported_at"]:
                problem = (
                    f"is dated before its report ({from_micros(rec['received_at']).isoformat()})"
                )
        elif name == "attachments":
            if (rec["post"] is None) == (rec["response"] is None):
                problem = "must belong to exactly one post or one response"
            elif manifest.files.get(f"attachments/{rec['sha256']}", ("", -1))[1] != rec["size"]:
                problem = "names bytes that are not in the bundle"
        if problem:
            raise VerificationError(f"{where} {problem}; refused")
