"""The chosen cases as records for the evidence pack, with redaction already applied.

Each case is one post with its author, its reports, the platform's responses and
every attachment. Nothing here is written anywhere; ``pack`` turns these records into
case.json, index.html and report.pdf, so all three say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session

from desktop_app.core.normalise import is_zawgyi, to_unicode_burmese
from desktop_app.core.timeutil import hours_between
from desktop_app.export.output import ascii_name
from desktop_app.export.redact import Redaction
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.store.audit import import_event_uids
from desktop_app.store.models import Attachment, AuthorAccount, Post, Report, Response

IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
SHA_PREFIX = 12
_CHUNK = 500


def display_time(value: datetime | None, tz: ZoneInfo) -> str:
    """A time for people: ``2018-03-05 14:30 (UTC+06:30)``; ``-`` when unknown."""
    if value is None:
        return "-"
    local = value.astimezone(tz)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def _iso(value: datetime | None, tz: ZoneInfo) -> str | None:
    return None if value is None else value.astimezone(tz).isoformat()


@dataclass(frozen=True)
class AttachmentRecord:
    uid: str
    sha256: str
    size: int
    media_type: str
    original_name: str
    attached_at: datetime | None  # when the file entered the store
    captured_at: datetime | None  # when it was taken, only when known
    capture_source: str  # how captured_at is known: png, exif, typed ('' if unknown)
    captured_by: str
    note: str
    pack_path: str  # where the bytes are inside the pack's payload (ASCII only)

    @property
    def is_image(self) -> bool:
        return self.media_type.lower() in IMAGE_TYPES

    def to_json(self, tz: ZoneInfo) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "file": self.pack_path,
            "original_name": self.original_name,
            "sha256": self.sha256,
            "size": self.size,
            "media_type": self.media_type,
            "attached_at": _iso(self.attached_at, tz),
            "captured_at": _iso(self.captured_at, tz),
            "capture_source": self.capture_source or None,
            "captured_by": self.captured_by,
            "note": self.note,
        }


@dataclass(frozen=True)
class ResponseRecord:
    uid: str
    received_at: datetime
    outcome: str
    text: str
    restriction_type: str
    suspension_until: datetime | None
    ground: str
    ground_reference: str
    automated_detection: bool | None
    automated_decision: bool | None
    platform_ref: str
    notes: str
    attachments: list[AttachmentRecord] = field(default_factory=list)

    def to_json(self, tz: ZoneInfo) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "received_at": _iso(self.received_at, tz),
            "outcome": self.outcome,
            "text": self.text,
            **_zawgyi_reading("text", self.text),
            "restriction_type": self.restriction_type,
            "suspension_until": _iso(self.suspension_until, tz),
            "ground": self.ground,
            "ground_reference": self.ground_reference,
            "automated_detection": self.automated_detection,
            "automated_decision": self.automated_decision,
            "platform_ref": self.platform_ref,
            "notes": self.notes,
            "attachments": [a.to_json(tz) for a in self.attachments],
        }


@dataclass(frozen=True)
class ReportRecord:
    uid: str
    reported_at: datetime
    reporter: str
    channel: str
    platform_ref: str
    notes: str
    first_response_at: datetime | None
    final_response_at: datetime | None
    final_outcome: str | None
    in_period: bool  # counted in the indicators of this pack
    import_event_uid: str | None
    responses: list[ResponseRecord] = field(default_factory=list)

    @property
    def hours_to_final(self) -> float | None:
        if self.final_response_at is None:
            return None
        return hours_between(self.reported_at, self.final_response_at)

    def to_json(self, tz: ZoneInfo) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "reported_at": _iso(self.reported_at, tz),
            "reporter": self.reporter,
            "channel": self.channel,
            "platform_ref": self.platform_ref,
            "notes": self.notes,
            "first_response_at": _iso(self.first_response_at, tz),
            "final_response_at": _iso(self.final_response_at, tz),
            "final_outcome": self.final_outcome,
            "hours_to_final_response": self.hours_to_final,
            "in_period": self.in_period,
            "responses": [r.to_json(tz) for r in self.responses],
        }


@dataclass(frozen=True)
class AuthorRecord:
    platform: str
    handle: str
    display_name: str
    suspected_fake: bool
    notes: str

    def to_json(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "handle": self.handle,
            "display_name": self.display_name,
            "suspected_fake": self.suspected_fake,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class CaseRecord:
    """One case (post) as it goes into the pack."""

    case_ref: str
    folder: str  # cases/<case-ref>
    uid: str
    platform: str
    url: str
    post_ref: str
    category: str
    language: str
    content: str
    posted_at: datetime | None
    logged_at: datetime
    notes: str
    author: AuthorRecord | None
    import_event_uid: str | None
    reports: list[ReportRecord] = field(default_factory=list)
    attachments: list[AttachmentRecord] = field(default_factory=list)

    def all_attachments(self) -> Iterator[AttachmentRecord]:
        yield from self.attachments
        for report in self.reports:
            for response in report.responses:
                yield from response.attachments

    def entity_uids(self) -> set[str]:
        """The audit-log entities of this case: the post, reports, responses, attachments."""
        uids = {self.uid}
        for report in self.reports:
            uids.add(report.uid)
            for response in report.responses:
                uids.add(response.uid)
        uids.update(a.uid for a in self.all_attachments())
        return uids

    def import_events(self) -> set[str]:
        found = {self.import_event_uid} | {r.import_event_uid for r in self.reports}
        return {uid for uid in found if uid}

    def to_json(self, tz: ZoneInfo) -> dict[str, Any]:
        return {
            "case_ref": self.case_ref,
            "uid": self.uid,
            "platform": self.platform,
            "url": self.url,
            "post_ref": self.post_ref,
            "category": self.category,
            "language": self.language,
            "content": self.content,  # as entered, byte for byte
            **_zawgyi_reading("content", self.content),
            "posted_at": _iso(self.posted_at, tz),
            "logged_at": _iso(self.logged_at, tz),
            "notes": self.notes,
            "author": self.author.to_json() if self.author else None,
            "attachments": [a.to_json(tz) for a in self.attachments],
            "reports": [r.to_json(tz) for r in self.reports],
            "time_zone": tz.key,
        }


def _zawgyi_reading(key: str, text: str) -> dict[str, Any]:
    """For Zawgyi text: its Unicode reading beside the original, and the encoding named."""
    if text and is_zawgyi(text):
        return {f"{key}_unicode": to_unicode_burmese(text), f"{key}_encoding": "zawgyi"}
    return {}


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _attachment(row: Attachment, folder: str, redaction: Redaction) -> AttachmentRecord:
    name = ascii_name(row.original_name, default="attachment")
    return AttachmentRecord(
        uid=row.uid,
        sha256=row.sha256,
        size=row.size,
        media_type=row.media_type,
        original_name=row.original_name,
        attached_at=row.attached_at,
        captured_at=row.captured_at if row.capture_source else None,
        capture_source=row.capture_source if row.captured_at is not None else "",
        captured_by=redaction.researcher(row.captured_by),
        note=redaction.notes(row.note),
        pack_path=f"{folder}/evidence/{row.sha256[:SHA_PREFIX]}-{name}",
    )


def _in_period(reported_at: datetime, params: IndicatorParams) -> bool:
    if params.date_from is not None and reported_at < params.date_from:
        return False
    return params.date_to is None or reported_at < params.date_to


def load_cases(
    session: Session,
    post_ids: Sequence[int],
    params: IndicatorParams,
    redaction: Redaction,
) -> list[CaseRecord]:
    """The cases ``post_ids`` in that order, every report of each, redaction applied."""
    posts: dict[int, Post] = {}
    for chunk in _chunks(post_ids):
        for post in session.scalars(select(Post).where(Post.id.in_(chunk))):  # type: ignore[union-attr]
            posts[post.id] = post  # type: ignore[index]
    author_ids = {p.author_id for p in posts.values() if p.author_id is not None}
    authors: dict[int, AuthorAccount] = {}
    for chunk in _chunks(sorted(author_ids)):
        for account in session.scalars(
            select(AuthorAccount).where(AuthorAccount.id.in_(chunk))  # type: ignore[union-attr]
        ):
            authors[account.id] = account  # type: ignore[index]
    reports: dict[int, list[Report]] = {}
    for chunk in _chunks(post_ids):
        for report in session.scalars(
            select(Report)
            .where(Report.post_id.in_(chunk))  # type: ignore[attr-defined]
            .where(Report.retracted_at.is_(None))  # type: ignore[union-attr]
            .order_by(Report.reported_at, Report.id)  # type: ignore[arg-type]
        ):
            reports.setdefault(report.post_id, []).append(report)
    report_ids = [r.id for rows in reports.values() for r in rows]
    # The imports and merges that wrote them, by the uid of their audit event.
    raw = session.connection().connection.driver_connection
    post_imports = import_event_uids(raw, "post", list(posts))
    report_imports = import_event_uids(raw, "report", report_ids)  # type: ignore[arg-type]
    responses: dict[int, list[Response]] = {}
    for chunk in _chunks(report_ids):  # type: ignore[arg-type]
        for response in session.scalars(
            select(Response)
            .where(Response.report_id.in_(chunk))  # type: ignore[attr-defined]
            .where(Response.retracted_at.is_(None))  # type: ignore[union-attr]
            .order_by(Response.received_at, Response.id)  # type: ignore[arg-type]
        ):
            responses.setdefault(response.report_id, []).append(response)
    response_ids = [r.id for rows in responses.values() for r in rows]
    post_files: dict[int, list[Attachment]] = {}
    response_files: dict[int, list[Attachment]] = {}
    for column, ids, into in (
        (Attachment.post_id, list(post_ids), post_files),
        (Attachment.response_id, response_ids, response_files),
    ):
        for chunk in _chunks(ids):  # type: ignore[arg-type]
            for attachment in session.scalars(
                select(Attachment)
                .where(column.in_(chunk))  # type: ignore[union-attr]
                .where(Attachment.retracted_at.is_(None))  # type: ignore[union-attr]
                .where(Attachment.purged_at.is_(None))  # type: ignore[union-attr]
                .order_by(Attachment.attached_at, Attachment.id)  # type: ignore[arg-type]
            ):
                key = attachment.post_id if column is Attachment.post_id else attachment.response_id
                into.setdefault(key, []).append(attachment)  # type: ignore[arg-type]

    cases = []
    folders: set[str] = set()
    for post_id in post_ids:
        post = posts[post_id]
        folder = f"cases/{ascii_name(post.case_ref, default=f'case-{post_id}')}"
        if folder in folders:  # two references that sanitise alike keep apart
            folder = f"{folder}-{post_id}"
        folders.add(folder)
        found = authors.get(post.author_id) if post.author_id is not None else None
        author = None
        if found is not None:
            author = AuthorRecord(
                platform=found.platform,
                handle=redaction.author(found.handle, found.id),
                display_name=redaction.author_name(found.display_name),
                suspected_fake=found.suspected_fake,
                notes=redaction.notes(found.notes),
            )
        report_records = []
        for report in reports.get(post_id, []):
            response_records = [
                ResponseRecord(
                    uid=response.uid,
                    received_at=response.received_at,
                    outcome=response.outcome,
                    text=redaction.response_text(response.text),
                    restriction_type=response.restriction_type,
                    suspension_until=response.suspension_until,
                    ground=response.ground,
                    ground_reference=response.ground_reference,
                    automated_detection=response.automated_detection,
                    automated_decision=response.automated_decision,
                    platform_ref=response.platform_ref,
                    notes=redaction.notes(response.notes),
                    attachments=[
                        _attachment(a, folder, redaction)
                        for a in response_files.get(response.id, [])  # type: ignore[arg-type]
                    ],
                )
                for response in responses.get(report.id, [])  # type: ignore[arg-type]
            ]
            report_records.append(
                ReportRecord(
                    uid=report.uid,
                    reported_at=report.reported_at,
                    reporter=redaction.reporter(report.reporter, report.reporter_key),
                    channel=report.channel,
                    platform_ref=report.platform_ref,
                    notes=redaction.notes(report.notes),
                    first_response_at=report.first_response_at,
                    final_response_at=report.final_response_at,
                    final_outcome=report.final_outcome,
                    in_period=_in_period(report.reported_at, params),
                    import_event_uid=report_imports.get(report.id),  # type: ignore[arg-type]
                    responses=response_records,
                )
            )
        cases.append(
            CaseRecord(
                case_ref=post.case_ref,
                folder=folder,
                uid=post.uid,
                platform=post.platform,
                url=post.url,
                post_ref=post.post_ref,
                category=post.category,
                language=post.language,
                content=post.content,
                posted_at=post.posted_at,
                logged_at=post.created_at,
                notes=redaction.notes(post.notes),
                author=author,
                import_event_uid=post_imports.get(post_id),
                reports=report_records,
                attachments=[
                    _attachment(a, folder, redaction) for a in post_files.get(post_id, [])
                ],
            )
        )
    return cases
