"""Corrections (CORRECTIONS.md): edit, retract, restore and purge, each with a reason
and each in the custody log, one transaction per call.

    edit(store, kind, ident, changes, reason) -> None
    retract(store, kind, ident, reason) -> int     # rows retracted, cascade included
    restore(store, kind, ident, reason) -> int
    purge_attachment(store, ident, reason) -> MigrationCopies   # copies erased too

``ident`` is a case reference (``C-000012``) for posts, else a uid; attachments
also by SHA-256. Bad input raises ``BadInputError`` and nothing is written.

Edits go through the same validation as new input (the allowed time range, a
response not before its report, an outcome with its time). Retracting a post
carries its reports, their responses and every attachment of them; retracting a
report carries its responses (and their attachments); retracting a response
carries its attachments. Each carried row has ``retracted_with`` = the uid of the
record retracted directly, so ``restore`` brings back exactly what went with it.
A purge erases the bytes with ``PRAGMA secure_delete = ON`` on the writing
connection and checkpoints the WAL, so no page of the file keeps them; the event
keeps the SHA-256, size, name and reason. In the same transaction a store event names
the copies migrate() kept beside the store (they still hold the bytes); once committed
they are erased, and what was erased or left is returned to be said.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection
from sqlmodel import Session, select

from desktop_app.core.enums import AuditAction, Outcome
from desktop_app.core.errors import BadInputError
from desktop_app.core.normalise import (
    canonical_url,
    normalise_category,
    normalise_handle,
    normalise_platform,
    normalise_reporter,
)
from desktop_app.core.timeutil import check_time_in_range, now_utc, parse_user_time, zone
from desktop_app.store.copies import (
    MigrationCopies,
    MigrationCopy,
    erase_migration_copies,
    migration_copies,
)
from desktop_app.store.engine import BusyMapped, Store
from desktop_app.store.models import Organisation
from desktop_app.store.repository import MISSING_REASON, one_line
from desktop_app.store.types import from_micros, to_micros
from desktop_app.store.uids import from_db, to_db
from desktop_app.store.writer import Writer, post_identity_key


class EntityKind(StrEnum):
    POST = "post"
    ACCOUNT = "account"
    REPORT = "report"
    RESPONSE = "response"
    ATTACHMENT = "attachment"


TABLE = {
    EntityKind.POST: "post",
    EntityKind.ACCOUNT: "author_account",
    EntityKind.REPORT: "report",
    EntityKind.RESPONSE: "response",
    EntityKind.ATTACHMENT: "attachment",
}
# The entity names the custody log has always used.
ENTITY = {**TABLE, EntityKind.ACCOUNT: "author_account"}

_TEXT, _TIME, _OPT_TIME, _BOOL = "text", "time", "optional time", "yes/no"
# Fields a correction may change, as named in ``show --json`` and IMPORT_FORMAT.md.
FIELDS: dict[EntityKind, dict[str, str]] = {
    EntityKind.POST: {
        "platform": _TEXT,
        "url": _TEXT,
        "post_ref": _TEXT,
        "content": _TEXT,
        "category": _TEXT,
        "language": _TEXT,
        "posted_at": _OPT_TIME,
        "notes": _TEXT,
    },
    EntityKind.ACCOUNT: {
        "handle": _TEXT,
        "display_name": _TEXT,
        "suspected_fake": _BOOL,
        "notes": _TEXT,
    },
    EntityKind.REPORT: {
        "reported_at": _TIME,
        "reporter": _TEXT,
        "channel": _TEXT,
        "platform_ref": _TEXT,
        "notes": _TEXT,
    },
    EntityKind.RESPONSE: {
        "received_at": _TIME,
        "outcome": _TEXT,
        "text": _TEXT,
        "platform_ref": _TEXT,
        "restriction_type": _TEXT,
        "ground": _TEXT,
        "ground_reference": _TEXT,
        "notes": _TEXT,
    },
    EntityKind.ATTACHMENT: {
        "original_name": _TEXT,
        "note": _TEXT,
        "captured_at": _OPT_TIME,
    },
}
# Aliases people type (IMPORT_FORMAT.md names).
_ALIASES = {
    EntityKind.POST: {"post_url": "url", "link": "url"},
    EntityKind.ACCOUNT: {"author_handle": "handle", "author_name": "display_name"},
    EntityKind.REPORT: {"report_channel": "channel", "report_ref": "platform_ref"},
    EntityKind.RESPONSE: {"final_outcome": "outcome", "response_text": "text"},
    EntityKind.ATTACHMENT: {"name": "original_name"},
}
_CASE_REF = re.compile(r"^C-\d{6,}$", re.IGNORECASE)
_SHA256 = re.compile(r"^[0-9a-f]{64}\Z")
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n", ""}


@dataclass(frozen=True)
class Entity:
    """One record a correction names."""

    kind: EntityKind
    id: int
    uid: str
    case_ref: str


def reason_text(reason: str) -> str:
    """A correction's reason on one line; BadInputError when there is none."""
    text = one_line(reason)
    if not text:
        raise BadInputError(MISSING_REASON)
    return text


def _raw(session: Session) -> Any:
    """The session's DB-API connection, its "database is locked" the store's busy error."""
    return BusyMapped(session.connection().connection.driver_connection)


def _case_ref_of(conn: Any, kind: EntityKind, row_id: int) -> str:
    sql = {
        EntityKind.POST: "SELECT case_ref FROM post WHERE id = ?",
        EntityKind.ACCOUNT: "SELECT ''",
        EntityKind.REPORT: "SELECT p.case_ref FROM report r JOIN post p ON p.id = r.post_id "
        "WHERE r.id = ?",
        EntityKind.RESPONSE: "SELECT p.case_ref FROM response s JOIN report r ON r.id = "
        "s.report_id JOIN post p ON p.id = r.post_id WHERE s.id = ?",
        EntityKind.ATTACHMENT: "SELECT p.case_ref FROM attachment a LEFT JOIN response s ON "
        "s.id = a.response_id LEFT JOIN report r ON r.id = s.report_id JOIN post p ON "
        "p.id = coalesce(a.post_id, r.post_id) WHERE a.id = ?",
    }[kind]
    row = conn.execute(sql, () if kind is EntityKind.ACCOUNT else (row_id,)).fetchone()
    return str(row[0]) if row else ""


def find_entity(session: Session, ident: str, kind: EntityKind | None = None) -> Entity:
    """The record ``ident`` names: a case ref, a uid, or an attachment's SHA-256.

    With ``kind`` None, every kind is tried (the command line's ``edit UID_OR_REF``).
    """
    ident = (ident or "").strip()
    if not ident:
        raise BadInputError("give a case reference (C-000012) or a uid")
    conn = _raw(session)
    kinds = [kind] if kind is not None else list(EntityKind)
    for candidate in kinds:
        table = TABLE[candidate]
        row = None
        if candidate is EntityKind.POST and _CASE_REF.match(ident):
            row = conn.execute(
                "SELECT id, uid FROM post WHERE case_ref = ?", (ident.upper(),)
            ).fetchone()
        elif candidate is EntityKind.ATTACHMENT and _SHA256.match(ident.lower()):
            row = conn.execute(
                "SELECT id, uid FROM attachment WHERE sha256 = ? ORDER BY id LIMIT 1",
                (ident.lower(),),
            ).fetchone()
        if row is None:
            row = conn.execute(
                f"SELECT id, uid FROM {table} WHERE uid = ?", (to_db(ident),)
            ).fetchone()
        if row is not None:
            return Entity(
                candidate, int(row[0]), str(from_db(row[1])), _case_ref_of(conn, candidate, row[0])
            )
    what = kind.value if kind is not None else "record"
    raise BadInputError(f"no {what} {ident!r} in this store (see 'caselog-cli show REF --json')")


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _store_zone(session: Session) -> Any:
    org = session.scalars(select(Organisation).order_by(Organisation.id)).first()  # type: ignore[arg-type]
    return zone(org.timezone if org else "UTC")


def _coerce(session: Session, kind: EntityKind, name: str, value: object) -> Any:
    """A typed value for ``name`` from what a person gave (text or a value)."""
    spec = FIELDS[kind][name]
    label = name.replace("_", " ")
    if spec in (_TIME, _OPT_TIME):
        if value is None or (isinstance(value, str) and not value.strip()):
            if spec == _TIME:
                raise BadInputError(f"{label}: required, but empty")
            return None
        if isinstance(value, str):
            value = parse_user_time(value.strip(), _store_zone(session), label)
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise BadInputError(f"{label}: give a date and time")
        return check_time_in_range(value, label)
    if spec == _BOOL:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text not in _TRUE and text not in _FALSE:
            raise BadInputError(f"{label}: {value!r} is not yes or no")
        return text in _TRUE
    return "" if value is None else str(value)


def _current(conn: Any, table: str, row_id: int, names: list[str]) -> dict[str, Any]:
    cols = ", ".join(names)
    row = conn.execute(f"SELECT {cols} FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return dict(zip(names, row, strict=True))


def _decode(spec: str, value: Any) -> Any:
    if spec in (_TIME, _OPT_TIME) and value is not None:
        return from_micros(int(value))
    if spec == _BOOL:
        return bool(value)
    return value


def edit(
    store: Store,
    kind: EntityKind | str,
    ident: str,
    changes: Mapping[str, object],
    reason: str,
) -> None:
    """Change fields of one record; refused as new input would be, else audited with
    each field's old and new value."""
    with store.transaction() as session:
        edit_in(session, kind, ident, changes, reason)


def edit_in(
    session: Session,
    kind: EntityKind | str,
    ident: str,
    changes: Mapping[str, object],
    reason: str,
) -> bool:
    """``edit`` inside a transaction the caller holds (the case editor saves a post
    and its account's correction in one); True when something changed."""
    kind = EntityKind(kind)
    reason = reason_text(reason)
    if not changes:
        raise BadInputError("edit: give at least one FIELD=VALUE to change")
    entity = find_entity(session, ident, kind)
    conn = _raw(session)
    fields = FIELDS[kind]
    wanted: dict[str, Any] = {}
    for raw_name, value in changes.items():
        name = _ALIASES[kind].get(raw_name.strip().lower(), raw_name.strip().lower())
        if name not in fields:
            allowed = ", ".join(fields)
            raise BadInputError(f"{raw_name}: not a field of a {kind.value} ({allowed})")
        wanted[name] = _coerce(session, kind, name, value)
    table = TABLE[kind]
    current = {
        k: _decode(fields[k], v) for k, v in _current(conn, table, entity.id, list(fields)).items()
    }
    new = _normalise(kind, {**current, **wanted})
    changed = {k: v for k, v in new.items() if k in wanted and current.get(k) != v}
    if not changed:
        return False
    _validate(conn, kind, entity, current, new)
    writer = Writer(session)
    writer.update(table, [{"id": entity.id, **changed}])
    if kind is EntityKind.RESPONSE:
        (report_id,) = conn.execute(
            "SELECT report_id FROM response WHERE id = ?", (entity.id,)
        ).fetchone()
        writer.refresh_summaries([report_id])
    writer.audit(
        AuditAction.EDIT,
        entity=ENTITY[kind],
        entity_uid=entity.uid,
        detail={
            "case_ref": entity.case_ref,
            "reason": reason,
            "changes": {
                k: {"old": _jsonable(current.get(k)), "new": _jsonable(v)}
                for k, v in sorted(changed.items())
            },
        },
    )
    writer.flush()
    session.expire_all()
    return True


def _normalise(kind: EntityKind, values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if kind is EntityKind.POST:
        out["platform"] = normalise_platform(str(out["platform"]))
        out["category"] = normalise_category(str(out["category"]))
        for name in ("url", "post_ref", "language"):
            out[name] = str(out[name]).strip()
    elif kind is EntityKind.ACCOUNT:
        out["handle"] = str(out["handle"]).strip()
        out["display_name"] = str(out["display_name"]).strip()
    elif kind is EntityKind.REPORT:
        out["reporter"] = str(out["reporter"]).strip()
        out["channel"] = str(out["channel"]).strip().lower().replace(" ", "_").replace("-", "_")
        out["platform_ref"] = str(out["platform_ref"]).strip()
    elif kind is EntityKind.RESPONSE:
        out["outcome"] = str(out["outcome"]).strip().lower()
        out["platform_ref"] = str(out["platform_ref"]).strip()
    return out


def _validate(
    conn: Any, kind: EntityKind, entity: Entity, old: dict[str, Any], new: dict[str, Any]
) -> None:
    """The rules new input obeys, applied to the record as it would be."""
    if kind is EntityKind.POST:
        if not new["platform"]:
            raise BadInputError("platform: a post needs the platform it is on")
        canonical = canonical_url(new["url"])
        if not (canonical or new["post_ref"] or str(new["content"]).strip()):
            raise BadInputError("a post needs a link, a post reference or its text")
        if canonical or new["post_ref"]:
            key = post_identity_key(new["platform"], canonical, new["post_ref"])
            clash = conn.execute(
                "SELECT case_ref FROM post WHERE identity_key = ? AND id != ?", (key, entity.id)
            ).fetchone()
            if clash:
                raise BadInputError(f"this link is already logged as case {clash[0]}")
    elif kind is EntityKind.ACCOUNT:
        key = normalise_handle(new["handle"])
        if not key:
            raise BadInputError("handle: an account needs its handle")
        clash = conn.execute(
            "SELECT handle FROM author_account WHERE handle_key = ? AND id != ? AND platform = "
            "(SELECT platform FROM author_account WHERE id = ?)",
            (key, entity.id, entity.id),
        ).fetchone()
        if clash:
            raise BadInputError(f"handle: the account {clash[0]} is already in this store")
    elif kind is EntityKind.REPORT:
        reported = new["reported_at"]
        early = conn.execute(
            "SELECT min(received_at) FROM response WHERE report_id = ? AND retracted_at IS NULL",
            (entity.id,),
        ).fetchone()[0]
        if early is not None and from_micros(int(early)) < reported:
            raise BadInputError(
                "reported at: the report would be dated after its response "
                f"({reported.isoformat()} > {from_micros(int(early)).isoformat()})"
            )
        clash = conn.execute(
            "SELECT 1 FROM report WHERE post_id = (SELECT post_id FROM report WHERE id = ?) "
            "AND reported_at = ? AND reporter_key = ? AND id != ?",
            (entity.id, to_micros(reported), normalise_reporter(new["reporter"]), entity.id),
        ).fetchone()
        if clash:
            raise BadInputError("this report is already logged: same post, time and reporter")
    elif kind is EntityKind.RESPONSE:
        try:
            Outcome(new["outcome"])
        except ValueError:
            allowed = ", ".join(o.value for o in Outcome)
            raise BadInputError(f"outcome: {new['outcome']!r} is not one of {allowed}") from None
        (reported,) = conn.execute(
            "SELECT r.reported_at FROM response s JOIN report r ON r.id = s.report_id "
            "WHERE s.id = ?",
            (entity.id,),
        ).fetchone()
        reported_at = from_micros(int(reported))
        if new["received_at"] < reported_at:
            raise BadInputError(
                "received at: the response is dated before its report "
                f"({new['received_at'].isoformat()} < {reported_at.isoformat()})"
            )


# --- retract and restore -------------------------------------------------------

# Rows a retraction of each kind carries with it: (table, entity, SQL selecting ids).
_CASCADE: dict[EntityKind, list[tuple[str, str]]] = {
    EntityKind.POST: [
        ("report", "SELECT id, uid FROM report WHERE post_id = :id"),
        (
            "response",
            "SELECT s.id, s.uid FROM response s JOIN report r ON r.id = s.report_id "
            "WHERE r.post_id = :id",
        ),
        (
            "attachment",
            "SELECT a.id, a.uid FROM attachment a LEFT JOIN response s ON s.id = a.response_id "
            "LEFT JOIN report r ON r.id = s.report_id "
            "WHERE a.post_id = :id OR r.post_id = :id",
        ),
    ],
    EntityKind.REPORT: [
        ("response", "SELECT id, uid FROM response WHERE report_id = :id"),
        (
            "attachment",
            "SELECT a.id, a.uid FROM attachment a JOIN response s ON s.id = a.response_id "
            "WHERE s.report_id = :id",
        ),
    ],
    EntityKind.RESPONSE: [
        ("attachment", "SELECT id, uid FROM attachment WHERE response_id = :id"),
    ],
    EntityKind.ATTACHMENT: [],
}


def _affected_reports(conn: Any, table: str, ids: list[int]) -> set[int]:
    if table == "report":
        return set(ids)
    if table == "response" and ids:
        marks = ", ".join("?" * len(ids))
        return {
            r[0] for r in conn.execute(f"SELECT report_id FROM response WHERE id IN ({marks})", ids)
        }
    return set()


def retract(store: Store, kind: EntityKind | str, ident: str, reason: str) -> int:
    """Take a record (and what depends on it) out of use; returns the rows retracted."""
    kind = EntityKind(kind)
    reason = reason_text(reason)
    if kind is EntityKind.ACCOUNT:
        raise BadInputError("an author account cannot be retracted; edit it, or retract its posts")
    with store.transaction() as session:
        entity = find_entity(session, ident, kind)
        conn = _raw(session)
        table = TABLE[kind]
        (already,) = conn.execute(
            f"SELECT retracted_at FROM {table} WHERE id = ?", (entity.id,)
        ).fetchone()
        if already is not None:
            raise BadInputError(f"this {kind.value} is already retracted")
        now = to_micros(now_utc())
        writer = Writer(session)
        mark = {"retracted_at": now, "retraction_reason": reason, "updated_at": now}
        writer.update(table, [{"id": entity.id, **mark, "retracted_with": ""}])
        writer.audit(
            AuditAction.RETRACT,
            entity=ENTITY[kind],
            entity_uid=entity.uid,
            detail={"case_ref": entity.case_ref, "reason": reason},
        )
        count = 1
        reports = _affected_reports(conn, table, [entity.id])
        for carried_table, sql in _CASCADE[kind]:
            rows = [
                (int(i), str(from_db(u)))
                for i, u in conn.execute(
                    sql.replace(":id", "?"), (entity.id,) * sql.count(":id")
                ).fetchall()
            ]
            live = [
                (i, u)
                for i, u in rows
                if conn.execute(
                    f"SELECT retracted_at FROM {carried_table} WHERE id = ?", (i,)
                ).fetchone()[0]
                is None
            ]
            writer.update(
                carried_table, [{"id": i, **mark, "retracted_with": entity.uid} for i, _ in live]
            )
            for _i, uid in live:
                writer.audit(
                    AuditAction.RETRACT,
                    entity=carried_table,
                    entity_uid=uid,
                    detail={"case_ref": entity.case_ref, "reason": reason, "with": entity.uid},
                )
            reports |= _affected_reports(conn, carried_table, [i for i, _ in live])
            count += len(live)
        writer.refresh_summaries(reports)
        writer.flush()
        session.expire_all()
        return count


def restore(store: Store, kind: EntityKind | str, ident: str, reason: str) -> int:
    """Undo a retraction: the record and exactly what was retracted with it."""
    kind = EntityKind(kind)
    reason = reason_text(reason)
    if kind is EntityKind.ACCOUNT:
        raise BadInputError("an author account is never retracted, so it cannot be restored")
    with store.transaction() as session:
        entity = find_entity(session, ident, kind)
        conn = _raw(session)
        table = TABLE[kind]
        retracted_at, carried_by = conn.execute(
            f"SELECT retracted_at, retracted_with FROM {table} WHERE id = ?", (entity.id,)
        ).fetchone()
        if retracted_at is None:
            raise BadInputError(f"this {kind.value} is not retracted")
        if carried_by:
            raise BadInputError(
                f"this {kind.value} was retracted with {from_db(carried_by)}: "
                "restore that one instead"
            )
        purged = conn.execute(
            "SELECT 1 FROM attachment WHERE id = ? AND purged_at IS NOT NULL",
            (entity.id,),
        ).fetchone()
        if kind is EntityKind.ATTACHMENT and purged:
            raise BadInputError("this attachment was purged: its bytes are gone for good")
        now = to_micros(now_utc())
        clear = {
            "retracted_at": None,
            "retraction_reason": "",
            "retracted_with": "",
            "updated_at": now,
        }
        writer = Writer(session)
        writer.update(table, [{"id": entity.id, **clear}])
        writer.audit(
            AuditAction.RESTORE,
            entity=ENTITY[kind],
            entity_uid=entity.uid,
            detail={"case_ref": entity.case_ref, "reason": reason},
        )
        count = 1
        reports = _affected_reports(conn, table, [entity.id])
        for carried_table in ("report", "response", "attachment"):
            rows = [
                (int(i), str(from_db(u)))
                for i, u in conn.execute(
                    f"SELECT id, uid FROM {carried_table} WHERE retracted_with = ?",
                    (to_db(entity.uid),),
                ).fetchall()
            ]
            writer.update(carried_table, [{"id": i, **clear} for i, _ in rows])
            for _i, uid in rows:
                writer.audit(
                    AuditAction.RESTORE,
                    entity=carried_table,
                    entity_uid=uid,
                    detail={"case_ref": entity.case_ref, "reason": reason, "with": entity.uid},
                )
            reports |= _affected_reports(conn, carried_table, [i for i, _ in rows])
            count += len(rows)
        writer.refresh_summaries(reports)
        writer.flush()
        session.expire_all()
        return count


# --- purge -------------------------------------------------------------------------


def purge_attachment(store: Store, ident: str, reason: str) -> MigrationCopies:
    """Erase an attachment's bytes for good (every attachment row sharing them is
    marked purged); the custody event keeps its SHA-256, size, name and reason.

    The copies migrate() kept beside the store hold the bytes too: in the same
    transaction a second purge event (entity ``store``, the same SHA-256; not the
    attachment's, which evidence packs carry, so the store's file names stay home)
    names them under ``migration_copies``; once committed they are erased. What was
    erased, and what was left with why (the person must delete it), is returned, so
    nothing after the commit can fail to be recorded. Backups the person made are
    theirs: a purge does not reach into them.

    Another program holding the write lock is ``StoreBusyError``: nothing is purged.
    """
    reason = reason_text(reason)
    recorded = _purge(store, ident, reason)
    # Committed: from here nothing may raise, or the person would not hear what is done.
    try:
        checkpoint(store)
    except Exception:  # noqa: BLE001 - SQLite empties the WAL when the last connection closes
        import logging

        logging.getLogger(__name__).info("purge committed; the WAL is emptied later")
    return erase_migration_copies(store.path, recorded)


def _purge(store: Store, ident: str, reason: str) -> list[MigrationCopy]:
    """The purge's one transaction; the migration copies it named, to erase next."""
    with store.transaction() as session:
        entity = find_entity(session, ident, EntityKind.ATTACHMENT)
        conn = _raw(session)
        sha, size, name, purged = conn.execute(
            "SELECT sha256, size, original_name, purged_at FROM attachment WHERE id = ?",
            (entity.id,),
        ).fetchone()
        if purged is not None:
            raise BadInputError("this attachment was already purged")
        sharing = [
            (int(i), str(from_db(u)), str(n))
            for i, u, n in conn.execute(
                "SELECT id, uid, original_name FROM attachment WHERE sha256 = ?", (sha,)
            ).fetchall()
        ]
        recorded = migration_copies(conn, store.path)
        _secure_delete(session.connection(), True)
        try:
            now = to_micros(now_utc())
            conn.execute("UPDATE blob SET data = X'' WHERE sha256 = ?", (sha,))
            writer = Writer(session)
            writer.update(
                "attachment",
                [{"id": i, "purged_at": now, "updated_at": now} for i, _, _ in sharing],
            )
            for _i, uid, original in sharing:
                writer.audit(
                    AuditAction.PURGE,
                    entity="attachment",
                    entity_uid=uid,
                    detail={
                        "case_ref": entity.case_ref if uid == entity.uid else "",
                        "reason": reason,
                        "sha256": sha,
                        "size": int(size),
                        "name": original if uid != entity.uid else name,
                    },
                )
            if recorded:
                writer.audit(
                    AuditAction.PURGE,
                    entity="store",
                    detail={
                        "sha256": sha,
                        "reason": reason,
                        "migration_copies": [copy.name for copy in recorded],
                    },
                )
            writer.flush()
        finally:
            _secure_delete(session.connection(), False)
    return recorded


def _secure_delete(conn: Connection, on: bool) -> None:
    conn.exec_driver_sql(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}")


def checkpoint(store: Store, *, tries: int = 5) -> bool:
    """Copy the WAL into the store file and empty it, so freed (zeroed) pages replace
    the old ones on disk. True when done.

    A reader in the middle of a read (a worker, another program) keeps its pages:
    wait a little for it, but never close connections under it (the window's case
    list holds one). If it is still reading, the WAL (encrypted, like the file) is
    emptied by the next checkpoint, at the latest when the last connection closes
    (lock, quit): SQLite checkpoints then.
    """
    for attempt in range(tries):
        row = store.raw().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if row is None or not row[0]:
            return True
        time.sleep(0.05 * (attempt + 1))
    return False
