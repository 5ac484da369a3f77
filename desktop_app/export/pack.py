"""The evidence pack of EVIDENCE_PACK.md: a zipped BagIt bag anyone can check offline.

The format is in ``spec.SPEC`` (also the pack's README.txt and docs/EVIDENCE_PACK.md).
Order of writing: the payload under data/ (evidence, case.json files, custody.jsonl,
indicators.xlsx, index.html, report.pdf), README.txt and the BagIt tag files; then
manifest.json, manifest.sig, SHA256SUMS and tagmanifest-sha256.txt. The ZIP is
streamed into an owner-only (0600) file in the app's scratch folder
(``output.private_output``) and moved onto the target at the end, so a killed export
leaves nothing beside the target or in $TMPDIR, only a scratch file that
``output.clean_leftovers`` removes at the next start. Each evidence file is read and
hashed once (that hash checks it against the store and goes into the manifest).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlmodel import Session, col

from desktop_app import __version__
from desktop_app.core.errors import BadInputError
from desktop_app.core.timeutil import now_utc
from desktop_app.export.cases import CaseRecord, load_cases
from desktop_app.export.data import snapshot
from desktop_app.export.html import render_index
from desktop_app.export.lang import current, using
from desktop_app.export.members import (  # re-exported: the names a pack's members have
    BAG_INFO as BAG_INFO,
)
from desktop_app.export.members import (
    BAG_MANIFEST as BAG_MANIFEST,
)
from desktop_app.export.members import (
    BAGIT as BAGIT,
)
from desktop_app.export.members import (
    CUSTODY as CUSTODY,
)
from desktop_app.export.members import (
    MANIFEST as MANIFEST,
)
from desktop_app.export.members import (
    PACK_FORMAT as PACK_FORMAT,
)
from desktop_app.export.members import (
    PACK_FORMAT_VERSION as PACK_FORMAT_VERSION,
)
from desktop_app.export.members import (
    PAYLOAD as PAYLOAD,
)
from desktop_app.export.members import (
    README as README,
)
from desktop_app.export.members import (
    SIGNATURE as SIGNATURE,
)
from desktop_app.export.members import (
    SUMS as SUMS,
)
from desktop_app.export.members import (
    TAG_MANIFEST as TAG_MANIFEST,
)
from desktop_app.export.output import (
    CancelCheck,
    Progress,
    Steps,
    check_target,
    clean_leftovers,
    private_output,
)
from desktop_app.export.pdf import render_pdf
from desktop_app.export.redact import NO_REDACTION, Redaction
from desktop_app.export.spec import readme
from desktop_app.export.workbook import write_workbook_on
from desktop_app.indicators.compute import IndicatorParams, compute_on
from desktop_app.store.audit import event_payload
from desktop_app.store.engine import Store
from desktop_app.store.keys import load_keys
from desktop_app.store.models import AuditEvent
from desktop_app.store.repository import get_organisation
from desktop_app.store.selection import selected_post_ids

log = logging.getLogger(__name__)

_STORED_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".xlsx", ".zip", ".mp4")


@dataclass(frozen=True)
class PackedFile:
    path: str
    size: int
    sha256: str
    original_name: str = ""

    def to_json(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"path": self.path, "size": self.size, "sha256": self.sha256}
        if self.original_name:
            entry["original_name"] = self.original_name
        return entry


@dataclass(frozen=True)
class PackResult:
    """What was written: the ZIP, its id, and counts a person can check against."""

    path: Path
    pack_id: str
    cases: int
    reports: int
    attachments: int
    files: int
    redacted: tuple[str, ...]
    fingerprint: str


class _ZipWriter:
    """Adds files to the ZIP and remembers each one's size and SHA-256."""

    def __init__(self, zf: zipfile.ZipFile, made_at: datetime) -> None:
        self.zf = zf
        self.stamp = made_at.timetuple()[:6]
        self.files: list[PackedFile] = []
        self.names: set[str] = set()

    def _info(self, path: str) -> zipfile.ZipInfo:
        if path in self.names:
            raise AssertionError(f"duplicate pack path {path}")
        self.names.add(path)
        info = zipfile.ZipInfo(path, date_time=self.stamp)
        stored = path.lower().endswith(_STORED_SUFFIXES)
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def add_bytes(
        self,
        path: str,
        data: bytes | bytearray | memoryview,
        *,
        listed: bool = True,
        original_name: str = "",
        sha256: str = "",
    ) -> PackedFile:
        """``sha256``: the digest of ``data`` when the caller has just computed it."""
        self.zf.writestr(self._info(path), data)
        entry = PackedFile(
            path, len(data), sha256 or hashlib.sha256(data).hexdigest(), original_name
        )
        if listed:
            self.files.append(entry)
        return entry


def _blob_reader(conn: Connection) -> Any:
    raw = conn.connection.driver_connection
    assert raw is not None

    def read(sha256: str) -> bytes:
        row = raw.execute("SELECT data FROM blob WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise BadInputError(
                f"the store has no attachment with SHA-256 {sha256}; it may be damaged"
            )
        return bytes(row[0])

    return read


def _redact_event(line: dict[str, Any], redaction: Redaction) -> None:
    """Blank the redacted fields of one event in place and name them in ``redacted``.

    The rules are core.redaction's, the same as for bundles: an edit's old and new
    values of a redacted field are blanked too.
    """
    removed: list[str] = []
    if line["actor"] and redaction.researcher(line["actor"]) != line["actor"]:
        line["actor"] = redaction.researcher(line["actor"])
        removed.append("actor")
    line["detail"] = redaction.detail(line["detail"], removed)
    if removed:
        line["redacted"] = removed


@dataclass(frozen=True)
class Custody:
    text: str
    first_seq: int
    head_seq: int
    head_hash: str
    events: int  # events of the chosen cases, in full
    linked_only: int  # other events: seq and hashes only


def _custody(session: Session, cases: Sequence[CaseRecord], redaction: Redaction) -> Custody:
    """The audit chain from the first event of any chosen case to the head of the log.

    Events of the chosen cases are written in full (redaction applied); every other
    event in that stretch is reduced to its ``seq``, ``prev_hash`` and ``hash``, so a
    reader can follow every link without seeing other cases.
    """
    entity_uids: set[str] = set()
    import_uids: set[str] = set()
    for case in cases:
        entity_uids |= case.entity_uids()
        import_uids |= case.import_events()
    wanted: set[int] = set()
    for uids, column in (
        (sorted(entity_uids), AuditEvent.entity_uid),
        (sorted(import_uids), AuditEvent.uid),
    ):
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            wanted.update(
                session.scalars(select(AuditEvent.id).where(column.in_(chunk)))  # type: ignore[call-overload, attr-defined]
            )
    wanted.discard(None)
    head = session.execute(
        select(col(AuditEvent.id), col(AuditEvent.hash))
        .order_by(col(AuditEvent.id).desc())
        .limit(1)
    ).first()
    if not wanted or head is None:
        return Custody("", 0, 0, "", 0, 0)
    first = min(wanted)
    ids = sorted(wanted)
    events: dict[int, AuditEvent] = {}
    for start in range(0, len(ids), 500):
        for event in session.scalars(
            select(AuditEvent).where(col(AuditEvent.id).in_(ids[start : start + 500]))
        ):
            assert event.id is not None
            events[event.id] = event
    lines: list[str] = []
    full = linked = 0
    rows = session.execute(
        select(col(AuditEvent.id), col(AuditEvent.prev_hash), col(AuditEvent.hash))
        .where(col(AuditEvent.id) >= first)
        .order_by(col(AuditEvent.id))
    ).all()
    for seq, prev_hash, digest in rows:
        found = events.get(seq)
        if found is not None:
            event = found
            line = event_payload(event)
            line["prev_hash"] = event.prev_hash
            line["hash"] = event.hash
            if redaction.fields:
                _redact_event(line, redaction)
            full += 1
        else:
            line = {"seq": seq, "other": True, "prev_hash": prev_hash, "hash": digest}
            linked += 1
        lines.append(json.dumps(line, ensure_ascii=False, sort_keys=True))
    return Custody("".join(f"{line}\n" for line in lines), first, head.id, head.hash, full, linked)


def _selection(
    params: IndicatorParams, cases: Sequence[CaseRecord], reports: int
) -> dict[str, Any]:
    return {
        "period": {
            "from": params.date_from.astimezone(params.tz).isoformat()
            if params.date_from
            else None,
            "to": params.date_to.astimezone(params.tz).isoformat() if params.date_to else None,
            "tz": params.tz.key,
            "as_of": params.as_of.astimezone(params.tz).isoformat(),
        },
        "sla_hours": params.sla_hours,
        "repeat_threshold": params.repeat_threshold,
        "platform": params.platform,
        "category": params.category,
        "cases_requested": list(params.case_refs),
        "cases": [case.case_ref for case in cases],
        "reports_in_period": reports,
    }


def export_pack(
    store: Store,
    params: IndicatorParams,
    target: str | Path,
    *,
    redaction: Redaction = NO_REDACTION,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    lang: str = "en",
) -> PackResult:
    """Write the evidence pack for the cases that ``params`` selects to ``target`` (.zip).

    ``params.case_refs`` narrows the selection to those cases. ``progress(done, total,
    what)`` is called once per attachment and case; ``cancelled()`` is checked as often
    and raises ``Cancelled``. Nothing is left at ``target`` after an error or a cancel.
    The pack is signed but NOT encrypted. ``lang`` ("en" English, the default, or "my"
    Burmese) is the language of index.html, report.pdf and the workbook's labels.
    """
    with using(lang):
        return _export_pack(store, params, target, redaction, progress, cancelled)


def _export_pack(
    store: Store,
    params: IndicatorParams,
    target: str | Path,
    redaction: Redaction,
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> PackResult:
    path = check_target(Path(target), ".zip")
    clean_leftovers(path.parent)  # what a killed export left there
    steps = Steps(progress, cancelled, "evidence pack")
    with store.transaction() as session:
        keys = load_keys(session)
        organisation = get_organisation(session).name
    made_at = now_utc()
    pack_id = str(uuid.uuid4())
    with (
        private_output(path) as handle,
        snapshot(store) as conn,
        Session(bind=conn) as session,
    ):
        post_ids = selected_post_ids(conn, params)
        if not post_ids:
            raise BadInputError(
                "no case matches these filters; nothing was written (check --from, --to, --case)"
            )
        result = compute_on(conn, params)
        cases = load_cases(session, post_ids, params, redaction)
        originals: dict[tuple[str, str], str] = {}
        for case in cases:
            for item in case.all_attachments():
                originals.setdefault((item.pack_path, item.sha256), item.original_name)
        attachments = sorted(originals)
        total = len(attachments) + 2 * len(cases) + 4
        done = 0
        read_blob = _blob_reader(conn)
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            writer = _ZipWriter(zf, made_at)
            for pack_path, sha256 in attachments:
                steps.check()
                data = read_blob(sha256)
                if hashlib.sha256(data).hexdigest() != sha256:
                    raise BadInputError(
                        f"an attachment of the store no longer matches its SHA-256 ({sha256}); "
                        "the store may be damaged: nothing was written"
                    )
                writer.add_bytes(
                    f"{PAYLOAD}/{pack_path}",
                    data,
                    original_name=originals[(pack_path, sha256)],
                    sha256=sha256,
                )
                del data
                done += 1
                steps.report(done, total, "copying evidence")
            tz = params.tz
            for case in cases:
                steps.check()
                document = json.dumps(case.to_json(tz), ensure_ascii=False, indent=2) + "\n"
                writer.add_bytes(f"{PAYLOAD}/{case.folder}/case.json", document.encode("utf-8"))
                done += 1
            steps.report(done, total, "writing case records")
            custody = _custody(session, cases, redaction)
            writer.add_bytes(f"{PAYLOAD}/{CUSTODY}", custody.text.encode("utf-8"))
            steps.check()
            workbook_bytes = io.BytesIO()
            workbook = write_workbook_on(
                conn,
                params,
                workbook_bytes,
                organisation=organisation,
                redaction=redaction,
                steps=Steps(None, cancelled, "evidence pack"),
                made_at=made_at,
            )
            writer.add_bytes(f"{PAYLOAD}/indicators.xlsx", workbook_bytes.getbuffer())
            del workbook_bytes
            done += 1
            steps.report(done, total, "writing the workbook")
            page = render_index(
                result=result,
                cases=cases,
                organisation=organisation,
                fingerprint=keys.fingerprint,
                pack_id=pack_id,
                made_at=made_at,
                redaction=redaction,
            )
            writer.add_bytes(f"{PAYLOAD}/index.html", page.encode("utf-8"))
            steps.check()

            def pdf_progress(step: int, _total: int, what: str) -> None:
                steps.report(done + step, total, what)

            report = render_pdf(
                result=result,
                cases=cases,
                organisation=organisation,
                fingerprint=keys.fingerprint,
                pack_id=pack_id,
                made_at=made_at,
                redaction=redaction,
                read_blob=read_blob,
                steps=Steps(pdf_progress, cancelled, "evidence pack"),
            )
            writer.add_bytes(f"{PAYLOAD}/report.pdf", report)
            del report
            done += len(cases) + 1
            steps.check()
            _write_tags(
                writer,
                keys_fingerprint=keys.fingerprint,
                organisation=organisation,
                pack_id=pack_id,
                made_at=made_at,
            )
            manifest = {
                "format": PACK_FORMAT,
                "format_version": PACK_FORMAT_VERSION,
                "layout": "BagIt 1.0 (RFC 8493); README.txt states every encoding",
                "pack_id": pack_id,
                "made_at": made_at.isoformat(),
                "made_by": {
                    "organisation": organisation,
                    "signing_public_key": keys.signing_public,
                    "fingerprint": keys.fingerprint,
                    "signature_file": SIGNATURE,
                    "signature": "Ed25519 (RFC 8032), 64 raw bytes, over the exact bytes of "
                    "manifest.json",
                },
                "app": {"name": "Caselog", "version": __version__},
                "language": current(),
                "encrypted": False,
                "selection": _selection(params, cases, workbook.reports),
                "redaction": {
                    "fields": sorted(redaction.fields),
                    "removed": redaction.describe(),
                    "note": "Removed before writing. Links, post text and screenshots are kept "
                    "as captured and may still show names.",
                },
                "custody": {
                    "file": f"{PAYLOAD}/{CUSTODY}",
                    "first_seq": custody.first_seq,
                    "head_seq": custody.head_seq,
                    "head_hash": custody.head_hash,
                    "events_in_full": custody.events,
                    "events_linked_only": custody.linked_only,
                },
                "files": [f.to_json() for f in sorted(writer.files, key=lambda f: f.path)],
            }
            manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode(
                "utf-8"
            )
            listed = list(writer.files)
            listed.append(writer.add_bytes(MANIFEST, manifest_bytes, listed=False))
            listed.append(writer.add_bytes(SIGNATURE, keys.sign(manifest_bytes), listed=False))
            sums = "".join(f"{f.sha256}  {f.path}\n" for f in sorted(listed, key=lambda f: f.path))
            listed.append(writer.add_bytes(SUMS, sums.encode("utf-8"), listed=False))
            tags = sorted((f for f in listed if not f.path.startswith(PAYLOAD + "/")), key=_path)
            writer.add_bytes(
                TAG_MANIFEST,
                "".join(f"{f.sha256}  {f.path}\n" for f in tags).encode("utf-8"),
                listed=False,
            )
            steps.report(total, total, "done")
    log.info("evidence pack written: %d cases, %d files", len(cases), len(writer.files))
    return PackResult(
        path=path,
        pack_id=pack_id,
        cases=len(cases),
        reports=sum(len(case.reports) for case in cases),
        attachments=len(attachments),
        files=len(writer.files) + 4,
        redacted=tuple(sorted(redaction.fields)),
        fingerprint=keys.fingerprint,
    )


def _path(f: PackedFile) -> str:
    return f.path


def _tag_value(text: str) -> str:
    return " ".join(text.split()) or "(no name set)"


def _write_tags(
    writer: _ZipWriter, *, keys_fingerprint: str, organisation: str, pack_id: str, made_at: datetime
) -> None:
    """README.txt and the BagIt tag files that manifest.json lists (see spec.py)."""
    payload = [f for f in writer.files if f.path.startswith(PAYLOAD + "/")]
    writer.add_bytes(
        README,
        readme(
            organisation=organisation,
            pack_id=pack_id,
            made_at=made_at.isoformat(),
            fingerprint=keys_fingerprint,
        ).encode("utf-8"),
    )
    writer.add_bytes(BAGIT, b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    info = (
        f"Source-Organization: {_tag_value(organisation)}\n"
        f"Bagging-Date: {made_at.date().isoformat()}\n"
        f"External-Identifier: {pack_id}\n"
        f"External-Description: Caselog evidence pack; see README.txt\n"
        f"Bag-Software-Agent: Caselog {__version__}\n"
        f"Payload-Oxum: {sum(f.size for f in payload)}.{len(payload)}\n"
        f"Caselog-Signing-Key-Fingerprint: {keys_fingerprint}\n"
    )
    writer.add_bytes(BAG_INFO, info.encode("utf-8"))
    lines = "".join(f"{f.sha256}  {f.path}\n" for f in sorted(payload, key=_path))
    writer.add_bytes(BAG_MANIFEST, lines.encode("utf-8"))
