"""One case as data (``caselog-cli show REF --json``, CLI.md): the post, its author,
tags, attachments, reports with their responses, retractions, and its custody.

Retracted items are included and marked (``"retracted": {"reason", "at"}``): this
is the view that names what can be restored. Times are ISO 8601 UTC.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from desktop_app.core.errors import BadInputError
from desktop_app.store.audit import list_events
from desktop_app.store.models import Attachment, Post
from desktop_app.store.repository import load_case


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _retraction(row: Any) -> dict[str, Any] | None:
    if row.retracted_at is None:
        return None
    return {
        "reason": row.retraction_reason,
        "at": _iso(row.retracted_at),
        "with": row.retracted_with or None,
    }


def _attachment(item: Attachment) -> dict[str, Any]:
    return {
        "uid": item.uid,
        "sha256": item.sha256,
        "name": item.original_name,
        "size": item.size,
        "media_type": item.media_type,
        "attached_at": _iso(item.attached_at),
        "captured_at": _iso(item.captured_at),
        "capture_source": item.capture_source,
        "purged_at": _iso(item.purged_at),
        "retracted": _retraction(item),
    }


def case_json(session: Session, case_ref: str) -> dict[str, Any]:
    """The case ``case_ref`` as one JSON-ready document."""
    ref = case_ref.strip().upper()
    post = session.scalars(select(Post).where(Post.case_ref == ref)).first()
    if post is None:
        raise BadInputError(f"no case {case_ref!r} in this store")
    case = load_case(session, post.id or 0, include_retracted=True)
    author = case.author
    custody = [
        {
            "seq": event.id,
            "at": _iso(event.at),
            "actor": event.actor,
            "action": event.action,
            "entity": event.entity,
            "entity_uid": event.entity_uid,
            "reason": json.loads(event.detail).get("reason", ""),
            "detail": json.loads(event.detail),
        }
        for event in reversed(list_events(session, case_ref=ref))
    ]
    return {
        "case_ref": post.case_ref,
        "post": {
            "uid": post.uid,
            "platform": post.platform,
            "url": post.url,
            "post_ref": post.post_ref,
            "content": post.content,
            "category": post.category,
            "language": post.language,
            "posted_at": _iso(post.posted_at),
            "notes": post.notes,
            "created_at": _iso(post.created_at),
            "origin_org": post.origin_org,
            "retracted": _retraction(post),
        },
        "author": None
        if author is None
        else {
            "uid": author.uid,
            "platform": author.platform,
            "handle": author.handle,
            "display_name": author.display_name,
            "suspected_fake": author.suspected_fake,
            "notes": author.notes,
        },
        "tags": case.tags,
        "attachments": [_attachment(a) for a in case.attachments],
        "reports": [
            {
                "uid": view.report.uid,
                "reported_at": _iso(view.report.reported_at),
                "reporter": view.report.reporter,
                "channel": view.report.channel,
                "platform_ref": view.report.platform_ref,
                "notes": view.report.notes,
                "first_response_at": _iso(view.report.first_response_at),
                "final_response_at": _iso(view.report.final_response_at),
                "final_outcome": view.report.final_outcome,
                "retracted": _retraction(view.report),
                "responses": [
                    {
                        "uid": item.response.uid,
                        "received_at": _iso(item.response.received_at),
                        "outcome": item.response.outcome,
                        "text": item.response.text,
                        "platform_ref": item.response.platform_ref,
                        "retracted": _retraction(item.response),
                        "attachments": [_attachment(a) for a in item.attachments],
                    }
                    for item in view.responses
                ],
            }
            for view in case.reports
        ],
        "custody": custody,
    }


def case_text(doc: dict[str, Any]) -> str:
    """The same case for people to read."""

    def mark(item: dict[str, Any]) -> str:
        gone = item.get("retracted")
        return f"  [RETRACTED {gone['at']}: {gone['reason']}]" if gone else ""

    post = doc["post"]
    lines = [f"Case {doc['case_ref']}{mark(post)}", f"  post uid   {post['uid']}"]
    lines.append(f"  platform   {post['platform']}  category {post['category'] or '-'}")
    if post["url"]:
        lines.append(f"  link       {post['url']}")
    if post["post_ref"]:
        lines.append(f"  reference  {post['post_ref']}")
    if post["content"]:
        lines.append(f"  text       {post['content'][:200]}")
    if doc["author"]:
        a = doc["author"]
        fake = "  (suspected fake)" if a["suspected_fake"] else ""
        lines.append(f"  author     {a['handle']} {a['display_name']}{fake}  uid {a['uid']}")
    if doc["tags"]:
        lines.append(f"  tags       {', '.join(doc['tags'])}")

    def files(items: list[dict[str, Any]], indent: str) -> None:
        for f in items:
            state = "  [PURGED]" if f["purged_at"] else ""
            lines.append(
                f"{indent}attachment {f['name']} ({f['size']:,} bytes) sha256 {f['sha256']}"
                f"  uid {f['uid']}{state}{mark(f)}"
            )

    files(doc["attachments"], "  ")
    for report in doc["reports"]:
        lines.append(
            f"  report {report['uid']}  reported {report['reported_at']}  by "
            f"{report['reporter'] or '-'}  via {report['channel'] or '-'}{mark(report)}"
        )
        for response in report["responses"]:
            lines.append(
                f"    response {response['uid']}  {response['received_at']}  "
                f"{response['outcome']}{mark(response)}"
            )
            files(response["attachments"], "      ")
    lines.append(f"  custody: {len(doc['custody'])} events")
    for event in doc["custody"]:
        reason = f"  ({event['reason']})" if event["reason"] else ""
        lines.append(
            f"    #{event['seq']} {event['at']} {event['actor']} {event['action']} "
            f"{event['entity']}{reason}"
        )
    return "\n".join(lines)


def retracted_cases(
    conn: Any,
    *,
    platform: str | None = None,
    category: str | None = None,
    search: str = "",
) -> list[dict[str, Any]]:
    """Retracted cases (the case list leaves them out), as ``cases --retracted`` shows
    them: with the reason and time of the retraction."""
    from desktop_app.store.search import search_clause

    where, args = search_clause(search, column="p.id")
    clauses = ["p.retracted_at IS NOT NULL", where]
    if platform:
        clauses.append("p.platform = :platform")
        args["platform"] = platform
    if category:
        clauses.append("p.category = :category")
        args["category"] = "" if category == "uncategorised" else category
    rows = conn.exec_driver_sql(
        "SELECT p.id, p.case_ref, p.platform, coalesce(a.handle, ''), p.category, "
        "(SELECT min(r.reported_at) FROM report r WHERE r.post_id = p.id), "
        "(SELECT count(*) FROM report r WHERE r.post_id = p.id), p.url, "
        "substr(p.content, 1, 200), p.retracted_at, p.retraction_reason "
        "FROM post p LEFT JOIN author_account a ON a.id = p.author_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY p.id",
        args,
    ).all()
    from desktop_app.store.types import from_micros

    return [
        {
            "post_id": r[0],
            "case_ref": r[1],
            "platform": r[2],
            "author": r[3],
            "category": r[4],
            "first_reported": None if r[5] is None else from_micros(r[5]).isoformat(),
            "reports": r[6],
            "latest_outcome": "retracted",
            "hours": None,
            "over_sla": False,
            "url": r[7],
            "content": r[8],
            "retracted": {"at": from_micros(r[9]).isoformat(), "reason": r[10]},
        }
        for r in rows
    ]
