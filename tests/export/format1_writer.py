"""The format-1 pack writer, verbatim from commit fa99daf (desktop_app/export/pack.py),
kept so the tests can make a genuine older pack (files at the top of the ZIP,
manifest.json, manifest.sig, SHA256SUMS; no BagIt, no custody chain) such as
researchers already hold. It runs on today's case loader and renderers, whose
signatures it uses unchanged. Do not "fix" it: it is what packs looked like.

Original docstring:
The evidence pack of EVIDENCE_PACK.md: one ZIP anyone can open offline and check.

Order of writing: evidence files, case.json files, custody.jsonl, indicators.xlsx,
index.html, report.pdf; then manifest.json (every file above with its size and
SHA-256), manifest.sig (Ed25519 over the exact bytes of manifest.json) and SHA256SUMS
(every file, manifest and signature included, as ``sha256sum -c`` reads it).
The ZIP is written beside the target and renamed only when complete.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlmodel import Session

from desktop_app import __version__
from desktop_app.core.errors import BadInputError
from desktop_app.core.redaction import REDACTED
from desktop_app.core.timeutil import now_utc
from desktop_app.export.cases import CaseRecord, load_cases
from desktop_app.export.data import snapshot
from desktop_app.export.html import render_index
from desktop_app.export.output import (
    CancelCheck,
    Progress,
    Steps,
    atomic_file,
    check_target,
    scratch_file,
)
from desktop_app.export.pdf import render_pdf
from desktop_app.export.redact import NO_REDACTION, Redaction
from desktop_app.export.workbook import write_workbook_on
from desktop_app.indicators.compute import IndicatorParams, compute_on
from desktop_app.store.audit import event_payload
from desktop_app.store.engine import Store
from desktop_app.store.keys import load_keys
from desktop_app.store.models import AuditEvent
from desktop_app.store.repository import get_organisation
from desktop_app.store.selection import selected_post_ids

log = logging.getLogger(__name__)

PACK_FORMAT = "caselog-evidence-pack"
PACK_FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SUMS = "SHA256SUMS"
COPY_CHUNK = 1 << 20
_STORED_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".xlsx", ".zip", ".mp4")


@dataclass(frozen=True)
class PackedFile:
    path: str
    size: int
    sha256: str


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

    def add_bytes(self, path: str, data: bytes | bytearray, *, listed: bool = True) -> PackedFile:
        self.zf.writestr(self._info(path), data)
        entry = PackedFile(path, len(data), hashlib.sha256(data).hexdigest())
        if listed:
            self.files.append(entry)
        return entry

    def add_file(self, path: str, source: Path) -> PackedFile:
        digest = hashlib.sha256()
        size = 0
        with source.open("rb") as src, self.zf.open(self._info(path), "w") as dst:
            while chunk := src.read(COPY_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                dst.write(chunk)
        entry = PackedFile(path, size, digest.hexdigest())
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


def _custody_lines(
    session: Session, cases: Sequence[CaseRecord], redaction: Redaction
) -> Iterator[str]:
    """The audit events of the chosen cases, oldest first, each with its chain link."""
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
    ids = sorted(i for i in wanted if i is not None)
    for start in range(0, len(ids), 500):
        id_chunk = ids[start : start + 500]
        for event in session.scalars(
            select(AuditEvent).where(AuditEvent.id.in_(id_chunk)).order_by(AuditEvent.id)  # type: ignore[union-attr, arg-type]
        ):
            line = event_payload(event)
            line["prev_hash"] = event.prev_hash
            line["hash"] = event.hash
            if "researcher" in redaction.fields and line["actor"]:
                line["actor"] = REDACTED
                line["redacted"] = ["actor"]
            yield json.dumps(line, ensure_ascii=False)


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
) -> PackResult:
    """Write the evidence pack for the cases that ``params`` selects to ``target`` (.zip).

    ``params.case_refs`` narrows the selection to those cases. ``progress(done, total,
    what)`` is called once per attachment and case; ``cancelled()`` is checked as often
    and raises ``Cancelled``. Nothing is left at ``target`` after an error or a cancel.
    The pack is signed but NOT encrypted.
    """
    path = check_target(Path(target), ".zip")
    steps = Steps(progress, cancelled, "evidence pack")
    with store.transaction() as session:
        keys = load_keys(session)
        organisation = get_organisation(session).name
    made_at = now_utc()
    pack_id = str(uuid.uuid4())
    with atomic_file(path) as temp, snapshot(store) as conn, Session(bind=conn) as session:
        post_ids = selected_post_ids(conn, params)
        if not post_ids:
            raise BadInputError(
                "no case matches these filters; nothing was written (check --from, --to, --case)"
            )
        result = compute_on(conn, params)
        cases = load_cases(session, post_ids, params, redaction)
        attachments = sorted(
            {(a.pack_path, a.sha256) for case in cases for a in case.all_attachments()}
        )
        total = len(attachments) + 2 * len(cases) + 4
        done = 0
        read_blob = _blob_reader(conn)
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            writer = _ZipWriter(zf, made_at)
            for pack_path, sha256 in attachments:
                steps.check()
                data = read_blob(sha256)
                if hashlib.sha256(data).hexdigest() != sha256:
                    raise BadInputError(
                        f"an attachment of the store no longer matches its SHA-256 ({sha256}); "
                        "the store may be damaged: nothing was written"
                    )
                writer.add_bytes(pack_path, data)
                done += 1
                steps.report(done, total, "copying evidence")
            tz = params.tz
            for case in cases:
                steps.check()
                document = json.dumps(case.to_json(tz), ensure_ascii=False, indent=2) + "\n"
                writer.add_bytes(f"{case.folder}/case.json", document.encode("utf-8"))
                done += 1
            steps.report(done, total, "writing case records")
            custody = "".join(line + "\n" for line in _custody_lines(session, cases, redaction))
            writer.add_bytes("custody.jsonl", custody.encode("utf-8"))
            steps.check()
            with scratch_file(path, ".xlsx") as workbook_path:
                workbook = write_workbook_on(
                    conn,
                    params,
                    workbook_path,
                    organisation=organisation,
                    redaction=redaction,
                    steps=Steps(None, cancelled, "evidence pack"),
                    made_at=made_at,
                )
                writer.add_file("indicators.xlsx", workbook_path)
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
            writer.add_bytes("index.html", page.encode("utf-8"))
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
            writer.add_bytes("report.pdf", report)
            del report
            done += len(cases) + 1
            steps.check()
            manifest = {
                "format": PACK_FORMAT,
                "format_version": PACK_FORMAT_VERSION,
                "pack_id": pack_id,
                "made_at": made_at.isoformat(),
                "made_by": {
                    "organisation": organisation,
                    "signing_public_key": keys.signing_public,
                    "fingerprint": keys.fingerprint,
                    "signature_file": SIGNATURE,
                    "signature": "Ed25519 over the exact bytes of manifest.json",
                },
                "app": {"name": "Caselog", "version": __version__},
                "encrypted": False,
                "selection": _selection(params, cases, workbook.reports),
                "redaction": {
                    "fields": sorted(redaction.fields),
                    "removed": redaction.describe(),
                    "note": "Removed before writing. Links, post text and screenshots are kept "
                    "as captured and may still show names.",
                },
                "files": [
                    {"path": f.path, "size": f.size, "sha256": f.sha256}
                    for f in sorted(writer.files, key=lambda f: f.path)
                ],
            }
            manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode(
                "utf-8"
            )
            listed = list(writer.files)
            listed.append(writer.add_bytes(MANIFEST, manifest_bytes, listed=False))
            listed.append(writer.add_bytes(SIGNATURE, keys.sign(manifest_bytes), listed=False))
            sums = "".join(f"{f.sha256}  {f.path}\n" for f in sorted(listed, key=lambda f: f.path))
            writer.add_bytes(SUMS, sums.encode("utf-8"), listed=False)
            steps.report(total, total, "done")
    log.info("evidence pack written: %d cases, %d files", len(cases), len(writer.files))
    return PackResult(
        path=path,
        pack_id=pack_id,
        cases=len(cases),
        reports=sum(len(case.reports) for case in cases),
        attachments=len(attachments),
        files=len(writer.files) + 3,
        redacted=tuple(sorted(redaction.fields)),
        fingerprint=keys.fingerprint,
    )
