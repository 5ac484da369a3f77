"""Opening a received bundle: decrypt, refuse unsafe or oversized ZIPs, check the
signature, every file's hash and every record's shape. Nothing touches the store.

The decrypted ZIP is kept in memory, never written to disk: it holds case content
in the clear. Its size is bounded by the size of the encrypted file, which is
checked before anything is read, and every ZIP entry is read in bounded chunks.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
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
from desktop_app.core.errors import BadInputError, Cancelled, VerificationError
from desktop_app.core.normalise import normalise_handle, normalise_platform
from desktop_app.core.redaction import REDACTABLE
from desktop_app.sharing.records import KINDS, ORDER, SHA256_RE, check_record
from desktop_app.store.types import from_micros

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

FORMAT = "caselog-bundle"
VERSION = 1
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
MAX_ENTRIES = 200_000
MAX_RATIO = 200  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1 << 20
CHUNK = 1 << 20

_NAME_RE = re.compile(
    r"^(manifest\.json|manifest\.sig|attachments/[0-9a-f]{64}|records/("
    + "|".join(kind.name for kind in ORDER)
    + r")\.jsonl)$"
)


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

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.signing_public_key)


@dataclass
class VerifiedBundle:
    """A bundle whose signature, hashes and records all checked out."""

    manifest: Manifest
    records: dict[str, list[dict[str, Any]]]
    _zip: zipfile.ZipFile = field(repr=False)

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


def _decrypt(
    path: Path, identities: list[x25519.Identity] | None, passphrase: str | None
) -> io.BytesIO:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise BadInputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if size > MAX_BUNDLE_BYTES:
        raise VerificationError(
            f"{path.name} is larger than {MAX_BUNDLE_BYTES >> 20} MiB; it was not opened"
        )
    if len(head) < len(AGE_MAGIC) and AGE_MAGIC.startswith(head) and head:
        raise VerificationError(f"{path.name} is truncated: the encrypted header is incomplete")
    if not (head.startswith(AGE_MAGIC) or head.startswith(AGE_ARMOR)):
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
    try:
        if passphrase is not None:
            return io.BytesIO(pyrage.passphrase.decrypt(path.read_bytes(), passphrase))
        out = io.BytesIO()
        with path.open("rb") as handle:
            pyrage.decrypt_io(handle, out, identities or [])
        out.seek(0)
        return out
    except pyrage.DecryptError as exc:
        reason = str(exc)
        if "No matching keys" in reason:
            raise BadInputError(
                f"{path.name} was not encrypted to this organisation's age key (or the "
                "identity given): ask the sender to encrypt it to your partner card"
            ) from None
        if passphrase is not None and "Decryption failed" in reason:
            raise BadInputError(
                f"{path.name}: wrong bundle passphrase, or the file was changed"
            ) from None
        raise _corrupt(path) from None
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


def _manifest(data: bytes) -> Manifest:
    try:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("not a Caselog bundle manifest")
        if doc.get("version") != VERSION:
            raise ValueError(
                f"bundle format version {doc.get('version')!r}; this Caselog reads {VERSION}"
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
        )
        manifest.fingerprint  # noqa: B018 - checks the key decodes
        if manifest.made_at.tzinfo is None:
            raise ValueError("made_at has no UTC offset")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise VerificationError(f"the bundle's manifest is not valid ({exc})") from None
    return manifest


def open_bundle(
    path: str | Path,
    *,
    identities: list[x25519.Identity] | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> VerifiedBundle:
    """Decrypt and check a bundle completely; raise before returning anything unchecked."""
    source = Path(path)
    if progress:
        progress(0, 0, "decrypting")
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
        manifest = _manifest(manifest_bytes)
        signing.verify(manifest.signing_public_key, manifest_bytes, signature, what="bundle")
        listed = set(manifest.files)
        present = set(entries) - {MANIFEST, SIGNATURE}
        if listed != present:
            odd = sorted(listed ^ present)[0]
            raise VerificationError(
                f"the bundle's files do not match its signed manifest ({odd!r}); refused"
            )
        records = _read_records(archive, entries, manifest, progress, cancelled)
        _check_attachments(archive, entries, manifest, progress, cancelled)
        _check_links(records, manifest)
    except BaseException:
        archive.close()
        raise
    log.info("bundle verified")
    return VerifiedBundle(manifest, records, archive)


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
) -> dict[str, list[dict[str, Any]]]:
    records: dict[str, list[dict[str, Any]]] = {}
    total = sum(manifest.counts.values())
    done = 0
    for kind in ORDER:
        if kind.path not in entries:
            raise VerificationError(f"the bundle has no {kind.path}; it is incomplete")
        data = _hashed(archive, entries[kind.path], manifest, MAX_RECORDS_BYTES)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise VerificationError(f"{kind.path} is not UTF-8 text; refused") from None
        del data
        rows: list[dict[str, Any]] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{kind.path} line {number}"
            try:
                decoded = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                raise VerificationError(f"{where}: not valid JSON; refused") from None
            rows.append(check_record(kind, decoded, where))
            done += 1
            if progress and done % 2000 == 0:
                progress(done, total, "checking records")
        if cancelled and cancelled():
            raise Cancelled("opening the bundle was cancelled; nothing was written")
        if len(rows) != manifest.counts.get(kind.name, -1):
            raise VerificationError(
                f"{kind.path} holds {len(rows)} records but the manifest says "
                f"{manifest.counts.get(kind.name)}; refused"
            )
        records[kind.name] = rows
    extra = set(manifest.counts) - set(KINDS) - {"attachment_files"}
    if extra:
        raise VerificationError(f"the manifest counts unknown records {sorted(extra)[0]!r}")
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
    for kind in ORDER:
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
