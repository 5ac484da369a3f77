"""The append-only audit log, made tamper-evident by a hash chain.

Each event's ``hash`` is SHA-256 over the previous event's hash and the event's
own canonical JSON. Changing, removing or reordering any event breaks every hash
after it; ``verify_chain`` finds the first break.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from desktop_app.store.models import AuditEvent

# The previous-hash of the first event of every chain.
GENESIS = "0" * 64


def current_actor() -> str:
    """Who is acting: the operating-system account name (no case content)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some systems; still log
        return "unknown"


def event_payload(event: AuditEvent) -> dict[str, Any]:
    """The fields the hash covers, as they are exported in custody logs."""
    return {
        "seq": event.id,
        "uid": event.uid,
        "at": event.at.isoformat(),
        "actor": event.actor,
        "action": event.action,
        "entity": event.entity,
        "entity_uid": event.entity_uid,
        "detail": json.loads(event.detail),
    }


def compute_hash(prev_hash: str, payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def append_event(
    session: Session,
    action: str,
    *,
    entity: str = "",
    entity_uid: str = "",
    detail: dict[str, Any] | None = None,
    actor: str | None = None,
    uid: str | None = None,
) -> AuditEvent:
    """Append one event inside the caller's transaction (through ``store.writer``,
    the one routine that extends the chain)."""
    from desktop_app.store.writer import Writer

    writer = Writer(session)
    event_uid = writer.audit(
        action, entity=entity, entity_uid=entity_uid, detail=detail, actor=actor, uid=uid
    )
    writer.flush()
    event = session.scalars(select(AuditEvent).where(AuditEvent.uid == event_uid)).one()
    return event


@dataclass(frozen=True)
class ChainReport:
    """Result of walking the chain: intact, or where it first breaks and why."""

    events: int
    intact: bool
    broken_at: int | None = None
    reason: str = ""


def verify_chain(session: Session) -> ChainReport:
    """Walk every event in order and recompute its hash."""
    prev_hash = GENESIS
    expected_seq = 1
    count = 0
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):  # type: ignore[arg-type]
        count += 1
        if event.id != expected_seq:
            return ChainReport(count, False, event.id, f"event {expected_seq} is missing")
        if event.prev_hash != prev_hash:
            return ChainReport(
                count, False, event.id, "its link to the previous event does not match"
            )
        if compute_hash(prev_hash, event_payload(event)) != event.hash:
            return ChainReport(
                count, False, event.id, "its content was changed after it was written"
            )
        prev_hash = event.hash
        expected_seq += 1
    return ChainReport(count, True)


# The tables whose rows name the import or merge that wrote them (import_event).
IMPORTED_TABLES = ("post", "report")


def _event_of(conn: Any, table: str, alias: str) -> str:
    """The SQL for the uid of the import or merge that wrote a row of ``table``
    (``alias``): through ``import_event`` from schema 0016, the row's own column
    before (the migration tests read stores of older schemas)."""
    (ids,) = conn.execute(
        "SELECT count(*) FROM pragma_table_xinfo(?) WHERE name = 'import_event_id'", (table,)
    ).fetchone()
    if ids:
        return f"(SELECT e.uid FROM import_event e WHERE e.id = {alias}.import_event_id)"
    return f"{alias}.import_event_uid"


def import_event_uids(conn: Any, table: str, ids: list[int]) -> dict[int, str]:
    """For these rows of ``post`` or ``report`` (local ids), the uid of the audit
    event of the import or merge that wrote each, where one did (DB-API ``conn``)."""
    if table not in IMPORTED_TABLES:
        raise ValueError(f"no import writes {table!r} rows")
    from desktop_app.store.uids import from_db

    event = _event_of(conn, table, "t")
    found: dict[int, str] = {}
    for start in range(0, len(ids), 10_000):
        rows = conn.execute(
            f"SELECT t.id, {event} FROM {table} t WHERE t.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids[start : start + 10_000]),),
        )
        found.update((row_id, from_db(uid)) for row_id, uid in rows if uid)
    return found


def case_entity_uids(session: Session, case_ref: str) -> set[str]:
    """The uids whose events make up a case's custody: the post, its reports,
    responses and attachments, and the imports that brought them in."""
    from sqlalchemy import text as sql

    raw = session.connection().connection.driver_connection
    post_event, report_event = _event_of(raw, "post", "p"), _event_of(raw, "report", "r")
    rows = session.execute(
        sql(
            f"""
            SELECT p.uid, {post_event} FROM post p WHERE p.case_ref = :ref
            UNION ALL
            SELECT r.uid, {report_event} FROM report r JOIN post p ON p.id = r.post_id
              WHERE p.case_ref = :ref
            UNION ALL
            SELECT s.uid, NULL FROM response s JOIN report r ON r.id = s.report_id
              JOIN post p ON p.id = r.post_id WHERE p.case_ref = :ref
            UNION ALL
            SELECT a.uid, NULL FROM attachment a LEFT JOIN response s ON s.id = a.response_id
              LEFT JOIN report r ON r.id = s.report_id
              JOIN post p ON p.id = coalesce(a.post_id, r.post_id) WHERE p.case_ref = :ref
            """
        ),
        {"ref": case_ref},
    ).all()
    from desktop_app.store.uids import from_db

    return {from_db(value) for row in rows for value in row if value}


def list_events(
    session: Session,
    *,
    case_ref: str | None = None,
    action: str | None = None,
    limit: int = 5000,
) -> list[AuditEvent]:
    """Audit events, newest first, optionally for one case and one action."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)  # type: ignore[union-attr]
    if action:
        query = query.where(AuditEvent.action == action)
    if case_ref:
        uids = case_entity_uids(session, case_ref)
        query = query.where(col(AuditEvent.entity_uid).in_(uids) | col(AuditEvent.uid).in_(uids))
    return list(session.scalars(query))
