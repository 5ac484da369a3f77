"""Repository functions: one record at a time, validated as a person's input, and
written through ``store.writer`` (the one write path shared with the importer and
the merge) in the caller's transaction, with its audit event.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, true
from sqlmodel import Session, col, select

from desktop_app.core.enums import AuditAction, Outcome
from desktop_app.core.errors import BadInputError
from desktop_app.core.normalise import (
    canonical_url,
    content_key,
    normalise_category,
    normalise_handle,
    normalise_platform,
    normalise_reporter,
)
from desktop_app.core.timeutil import check_time_in_range, now_utc
from desktop_app.store.audit import append_event
from desktop_app.store.models import (
    Attachment,
    AuthorAccount,
    Blob,
    Organisation,
    Post,
    PostTag,
    Report,
    Response,
    Tag,
)
from desktop_app.store.writer import Writer, post_identity_key
from desktop_app.store.writer import case_ref_for as case_ref_for  # re-exported


def create_organisation(session: Session, *, name: str, timezone: str) -> Organisation:
    org = Organisation(name=name.strip(), timezone=timezone)
    session.add(org)
    session.flush()
    append_event(
        session,
        AuditAction.CREATE,
        entity="organisation",
        entity_uid=org.uid,
        detail={"name": org.name, "timezone": timezone},
    )
    return org


def get_organisation(session: Session) -> Organisation:
    org = session.scalars(select(Organisation).order_by(Organisation.id)).first()  # type: ignore[arg-type]
    if org is None:
        raise BadInputError("this store has no organisation record; it was not made by Caselog")
    return org


def next_case_number(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(Post.id), 0))) or 0) + 1


def get_or_create_account(
    session: Session,
    *,
    platform: str,
    handle: str,
    display_name: str = "",
    suspected_fake: bool = False,
) -> AuthorAccount | None:
    """The account (platform, handle); None for an empty (unknown) handle."""
    platform = normalise_platform(platform)
    key = normalise_handle(handle)
    if not key:
        return None
    account = session.scalars(
        select(AuthorAccount).where(
            col(AuthorAccount.platform) == platform, col(AuthorAccount.handle_key) == key
        )
    ).first()
    if account is None:
        with Writer(session) as writer:
            (account_id,) = writer.insert(
                "author_account",
                [
                    {
                        "platform": platform,
                        "handle": handle.strip(),
                        "display_name": display_name.strip(),
                        "suspected_fake": suspected_fake,
                    }
                ],
            )
            account = session.get_one(AuthorAccount, account_id)
            writer.audit(AuditAction.CREATE, entity="author_account", entity_uid=account.uid)
    elif suspected_fake and not account.suspected_fake:
        set_account_fake(session, account, True)
    return account


@dataclass
class PostFields:
    """What a person enters for a post."""

    platform: str
    url: str = ""
    post_ref: str = ""
    content: str = ""
    category: str = ""
    language: str = ""
    posted_at: datetime | None = None
    notes: str = ""


def add_post(session: Session, fields: PostFields, author: AuthorAccount | None = None) -> Post:
    platform = normalise_platform(fields.platform)
    if not platform:
        raise BadInputError("platform: a post needs the platform it is on")
    canonical = canonical_url(fields.url)
    if not (canonical or fields.post_ref.strip() or fields.content.strip()):
        raise BadInputError("a post needs a link, a post reference or its text")
    created = now_utc()
    key = post_identity_key(
        platform,
        canonical,
        fields.post_ref,
        fallback=(fields.content, created.isoformat()),
    )
    if session.scalars(select(Post.id).where(Post.identity_key == key)).first() is not None:
        raise BadInputError(f"this post is already logged ({fields.url or fields.post_ref})")
    if fields.posted_at is not None:
        check_time_in_range(fields.posted_at, "posted at")
    with Writer(session) as writer:
        (post_id,) = writer.insert(
            "post",
            [
                {
                    "platform": platform,
                    "url": fields.url.strip(),
                    "post_ref": fields.post_ref.strip(),
                    "identity_key": key,
                    "author_id": author.id if author else None,
                    "category": normalise_category(fields.category),
                    "language": fields.language.strip(),
                    "content": fields.content,
                    "posted_at": fields.posted_at,
                    "notes": fields.notes,
                    "created_at": created,
                    "updated_at": created,
                }
            ],
        )
        post = session.get_one(Post, post_id)
        writer.audit(
            AuditAction.CREATE,
            entity="post",
            entity_uid=post.uid,
            detail={"case_ref": post.case_ref},
        )
    return post


def add_report(
    session: Session,
    post: Post,
    *,
    reported_at: datetime,
    reporter: str = "",
    channel: str = "",
    platform_ref: str = "",
    notes: str = "",
) -> Report:
    check_time_in_range(reported_at, "reported at")
    reporter_key = normalise_reporter(reporter)
    clash = session.scalars(
        select(Report.id).where(
            col(Report.post_id) == post.id,
            col(Report.reported_at) == reported_at,
            col(Report.reporter_key) == reporter_key,
        )
    ).first()
    if clash is not None:
        raise BadInputError("this report is already logged: same post, time and reporter")
    with Writer(session) as writer:
        (report_id,) = writer.insert(
            "report",
            [
                {
                    "post_id": post.id,
                    "reported_at": reported_at,
                    "reporter": reporter.strip(),
                    "channel": channel,
                    "platform_ref": platform_ref.strip(),
                    "notes": notes,
                }
            ],
        )
        report = session.get_one(Report, report_id)
        writer.audit(
            AuditAction.CREATE,
            entity="report",
            entity_uid=report.uid,
            detail={"post": post.uid},
        )
    return report


def validate_response(reported_at: datetime, received_at: datetime | None, outcome: str) -> Outcome:
    """Refuse a response without a time, with an unknown outcome, or before its report."""
    try:
        parsed = Outcome(outcome)
    except ValueError:
        allowed = ", ".join(o.value for o in Outcome)
        raise BadInputError(f"outcome: {outcome!r} is not one of {allowed}") from None
    if received_at is None:
        raise BadInputError("received at: an outcome needs the time the platform sent it")
    check_time_in_range(received_at, "received at")
    if received_at < reported_at:
        raise BadInputError(
            "received at: the response is dated before its report "
            f"({received_at.isoformat()} < {reported_at.isoformat()})"
        )
    return parsed


def add_response(
    session: Session,
    report: Report,
    *,
    received_at: datetime | None,
    outcome: str,
    text: str = "",
    platform_ref: str = "",
) -> Response:
    parsed = validate_response(report.reported_at, received_at, outcome)
    assert received_at is not None
    with Writer(session) as writer:
        (response_id,) = writer.insert(
            "response",
            [
                {
                    "report_id": report.id,
                    "received_at": received_at,
                    "outcome": parsed.value,
                    "text": text,
                    "platform_ref": platform_ref.strip(),
                }
            ],
        )
        writer.refresh_summaries([report.id or 0])
        response = session.get_one(Response, response_id)
        writer.audit(
            AuditAction.CREATE,
            entity="response",
            entity_uid=response.uid,
            detail={"report": report.uid, "outcome": parsed.value},
        )
    session.refresh(report)
    return response


def refresh_report_summary(session: Session, report: Report) -> None:
    """Recompute the report's first/final response columns from its responses."""
    Writer(session).refresh_summaries([report.id or 0])
    session.refresh(report)


def store_blob(session: Session, data: bytes) -> str:
    """Keep ``data`` once in the encrypted store; return its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    Writer(session).insert_blobs({digest: data})
    return digest


def add_attachment(
    session: Session,
    data: bytes,
    *,
    original_name: str,
    media_type: str = "application/octet-stream",
    post: Post | None = None,
    response: Response | None = None,
    captured_at: datetime | None = None,
    capture_source: str = "",
    captured_by: str = "",
) -> Attachment:
    """Keep ``data`` as evidence. ``captured_at`` only when the capture time is known
    (``capture_source`` says how); ``attached_at`` is always now."""
    if (post is None) == (response is None):
        raise BadInputError("an attachment belongs to exactly one post or one response")
    if captured_at is not None:
        check_time_in_range(captured_at, "captured at")
    digest = hashlib.sha256(data).hexdigest()
    with Writer(session) as writer:
        writer.insert_blobs({digest: data})
        (attachment_id,) = writer.insert(
            "attachment",
            [
                {
                    "post_id": post.id if post else None,
                    "response_id": response.id if response else None,
                    "sha256": digest,
                    "size": len(data),
                    "media_type": media_type,
                    "original_name": original_name,
                    "attached_at": now_utc(),
                    "captured_at": captured_at,
                    "capture_source": capture_source if captured_at else "",
                    "captured_by": captured_by,
                }
            ],
        )
        attachment = session.get_one(Attachment, attachment_id)
        writer.audit(
            AuditAction.CREATE,
            entity="attachment",
            entity_uid=attachment.uid,
            detail={"sha256": digest, "size": len(data)},
        )
    return attachment


def read_blob(session: Session, sha256: str) -> bytes:
    blob = session.get(Blob, sha256)
    if blob is None or (not blob.data and blob.size):
        raise BadInputError(f"no attachment with SHA-256 {sha256} in this store")
    return blob.data


# The researcher's own working notes on a post change as the work goes on: each
# change is still in the custody log with its old and new text, but no reason is
# asked for it. What the post is (its link, text, author, times, category) is evidence,
# and a change to it needs one.
NO_REASON_NEEDED = frozenset({"notes"})


MISSING_REASON = "reason: a correction needs a reason (one line of free text)"


def one_line(text: str | None) -> str:
    """A reason as the custody log keeps it: one line, spaces collapsed."""
    return " ".join((text or "").split())


class ReasonRequired(BadInputError):
    """An edit of a saved post came without its reason (CORRECTIONS.md: a reason is
    required for every edit). ``fields`` names what would change; nothing was written."""

    def __init__(self, fields: list[str]) -> None:
        super().__init__(MISSING_REASON)
        self.fields = fields


def update_post(
    session: Session,
    post: Post,
    fields: PostFields,
    author: AuthorAccount | None,
    reason: str = "",
) -> Post:
    """Save edits to a post; audited with each changed field's old and new value and
    the reason, which an edit must have (``ReasonRequired`` otherwise, before any
    write) unless only the notes change. With nothing changed, nothing is written."""
    platform = normalise_platform(fields.platform)
    if not platform:
        raise BadInputError("platform: a post needs the platform it is on")
    changes = {
        "platform": platform,
        "url": fields.url.strip(),
        "canonical_url": canonical_url(fields.url),
        "post_ref": fields.post_ref.strip(),
        "content": fields.content,
        "content_key": content_key(fields.content),
        "category": normalise_category(fields.category),
        "language": fields.language.strip(),
        "posted_at": fields.posted_at,
        "notes": fields.notes,
        "author_id": author.id if author else None,
    }
    changed = sorted(k for k, v in changes.items() if getattr(post, k) != v)
    if not changed:
        return post
    if not (changes["canonical_url"] or changes["post_ref"] or fields.content.strip()):
        raise BadInputError("a post needs a link, a post reference or its text")
    if "canonical_url" in changed or "post_ref" in changed or "platform" in changed:
        key = post_identity_key(
            platform,
            str(changes["canonical_url"]),
            fields.post_ref,
            fallback=(fields.content, post.created_at.isoformat()),
        )
        clash = session.scalars(
            select(Post.case_ref).where(Post.identity_key == key, col(Post.id) != post.id)
        ).first()
        if clash is not None:
            raise BadInputError(f"this link is already logged as case {clash}")
        changes["identity_key"] = key
    if changes["posted_at"] is not None and "posted_at" in changed:
        check_time_in_range(changes["posted_at"], "posted at")  # type: ignore[arg-type]
    # Asked for once the change is known to be possible: a refused one needs no reason.
    reason = one_line(reason)
    if not reason and set(changed) - NO_REASON_NEEDED:
        raise ReasonRequired(changed)
    # The custody log keeps what each field was and became (CORRECTIONS.md: edit).
    values = {k: {"old": _as_json(getattr(post, k)), "new": _as_json(changes[k])} for k in changed}
    with Writer(session) as writer:
        writer.update(
            "post",
            [
                {
                    "id": post.id,
                    **{k: changes[k] for k in {*changed, "identity_key"} if k in changes},
                }
            ],
        )
        writer.audit(
            AuditAction.UPDATE,
            entity="post",
            entity_uid=post.uid,
            detail={
                "case_ref": post.case_ref,
                "reason": reason,
                "fields": changed,
                "changes": values,
            },
        )
    session.refresh(post)
    return post


def _as_json(value: object) -> object:
    """A field value as the custody log keeps it (times as ISO 8601 text)."""
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def set_account_fake(session: Session, account: AuthorAccount, suspected_fake: bool) -> None:
    if account.suspected_fake == suspected_fake:
        return
    with Writer(session) as writer:
        writer.update("author_account", [{"id": account.id, "suspected_fake": suspected_fake}])
        writer.audit(
            AuditAction.UPDATE,
            entity="author_account",
            entity_uid=account.uid,
            detail={"suspected_fake": suspected_fake},
        )
    session.refresh(account)


def set_post_tags(session: Session, post: Post, names: list[str]) -> None:
    """Replace the post's tags (created as needed); audited, old and new, when they
    change. Tags are the organisation's own labels, as notes are: no reason asked."""
    wanted = sorted({n.strip() for n in names if n.strip()})
    current = sorted(
        session.scalars(
            select(Tag.name)
            .join(PostTag, col(PostTag.tag_id) == Tag.id)
            .where(PostTag.post_id == post.id)
        )
    )
    if wanted == current:
        return
    session.execute(delete(PostTag).where(col(PostTag.post_id) == post.id))
    for name in wanted:
        tag = session.scalars(select(Tag).where(Tag.name == name)).first()
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
            session.flush()
        session.add(PostTag(post_id=post.id, tag_id=tag.id))  # type: ignore[arg-type]
    session.flush()
    append_event(
        session,
        AuditAction.UPDATE,
        entity="post",
        entity_uid=post.uid,
        # What they were and became, as an edit's changes are kept (CORRECTIONS.md).
        detail={
            "case_ref": post.case_ref,
            "tags": wanted,
            "changes": {"tags": {"old": current, "new": wanted}},
        },
    )


def account_handles(session: Session, platform: str | None = None) -> list[str]:
    """Existing handles, for type-to-complete in the editor."""
    query = select(AuthorAccount.handle).order_by(col(AuthorAccount.handle))
    if platform:
        query = query.where(AuthorAccount.platform == normalise_platform(platform))
    return list(session.scalars(query))


def find_account(session: Session, platform: str, handle: str) -> AuthorAccount | None:
    key = normalise_handle(handle)
    if not key:
        return None
    return session.scalars(
        select(AuthorAccount).where(
            col(AuthorAccount.platform) == normalise_platform(platform),
            col(AuthorAccount.handle_key) == key,
        )
    ).first()


@dataclass
class ResponseView:
    response: Response
    attachments: list[Attachment]


@dataclass
class ReportView:
    report: Report
    responses: list[ResponseView]


@dataclass
class CaseDetail:
    """Everything the case editor shows for one post."""

    post: Post
    author: AuthorAccount | None
    tags: list[str]
    attachments: list[Attachment]
    reports: list[ReportView]


def load_case(session: Session, post_id: int, *, include_retracted: bool = False) -> CaseDetail:
    """One case as the editor shows it; retracted reports, responses and attachments
    only with ``include_retracted`` (the post itself is returned either way: it was
    asked for by id, and ``post.retracted_at`` says whether it is retracted)."""
    post = session.get(Post, post_id)
    if post is None:
        raise BadInputError(f"no case with id {post_id}")

    def live(model: Any) -> Any:
        return true() if include_retracted else col(model.retracted_at).is_(None)

    author = session.get(AuthorAccount, post.author_id) if post.author_id else None
    tags = list(
        session.scalars(
            select(Tag.name)
            .join(PostTag, col(PostTag.tag_id) == Tag.id)
            .where(PostTag.post_id == post.id)
            .order_by(col(Tag.name))
        )
    )
    attachments = list(
        session.scalars(
            select(Attachment)
            .where(Attachment.post_id == post.id, live(Attachment))
            .order_by(col(Attachment.id))
        )
    )
    reports: list[ReportView] = []
    for report in session.scalars(
        select(Report)
        .where(Report.post_id == post.id, live(Report))
        .order_by(col(Report.reported_at), col(Report.id))
    ):
        views = []
        for response in session.scalars(
            select(Response)
            .where(Response.report_id == report.id, live(Response))
            .order_by(col(Response.received_at), col(Response.id))
        ):
            files = list(
                session.scalars(
                    select(Attachment).where(
                        Attachment.response_id == response.id, live(Attachment)
                    )
                )
            )
            views.append(ResponseView(response, files))
        reports.append(ReportView(report, views))
    return CaseDetail(post, author, tags, attachments, reports)
