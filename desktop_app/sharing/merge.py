"""Merging a partner's bundle (BUNDLE.md): preview first, then all or nothing.

Matching, per record kind: by ``uid`` first, then by what makes the record the same
thing in the world, so two groups that logged the same post independently end up
with one case: posts by identity (platform + canonical URL / post reference),
accounts by (platform, handle), reports by (post, time, reporter), responses by
(report, time, outcome), attachments by (owner, SHA-256), tags by name.

A record that is new is added; present and equal is skipped; present and different
keeps the newer ``updated_at`` (a tie keeps ours) and the conflict goes to the audit
log. The preview runs exactly the same plan and writes nothing.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pyrage import x25519
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from desktop_app.core.enums import FINAL_OUTCOMES
from desktop_app.core.errors import BadInputError, Cancelled, VerificationError
from desktop_app.core.normalise import (
    canonical_url,
    normalise_category,
    normalise_content,
    normalise_handle,
    normalise_platform,
    normalise_reporter,
)
from desktop_app.core.redaction import REDACTED
from desktop_app.core.timeutil import now_utc
from desktop_app.sharing.partners import find_partner_by_signing_key
from desktop_app.sharing.reader import VerifiedBundle, open_bundle, read_identity_file
from desktop_app.sharing.records import KINDS, ORDER, Kind
from desktop_app.store.audit import compute_hash, current_actor, event_payload
from desktop_app.store.engine import Store
from desktop_app.store.keys import load_keys
from desktop_app.store.models import AuditEvent, BundleLog, new_uid
from desktop_app.store.repository import case_ref_for, post_identity_key
from desktop_app.store.types import from_micros, to_micros

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
CONFLICT = "conflict"  # audit action of a merge conflict
IMPORT = "import"
_IN = "IN (SELECT value FROM json_each(?))"
MERGED_KINDS = ("accounts", "posts", "tags", "reports", "responses", "attachments")


@dataclass
class KindCounts:
    """What merging one kind of record does (or would do)."""

    new: int = 0
    same: int = 0
    updated: int = 0  # present and different; the bundle's is newer and replaces ours
    kept_local: int = 0  # present and different; ours is newer (or as new) and stays


@dataclass(frozen=True)
class Conflict:
    """A record present on both sides with different content."""

    kind: str
    uid: str  # our uid for the record
    case_ref: str  # the case it belongs to, to show the user ("" when none)
    kept: str  # "bundle" or "local"
    fields: tuple[str, ...]
    local_updated_at: datetime
    bundle_updated_at: datetime


@dataclass
class BundlePreview:
    """Everything the user sees before deciding to merge; nothing was written."""

    path: Path
    bundle_id: str
    origin_name: str
    origin_uid: str
    signing_public_key: str
    fingerprint: str
    signer_known: bool  # a partner in the directory (or ourselves)
    signer_partner: str | None  # the partner's name in our directory
    signer_is_self: bool
    made_at: datetime
    app_version: str
    redaction: tuple[str, ...]
    counts: dict[str, KindCounts]
    conflicts: list[Conflict]
    already_imported: bool
    attachment_files: int

    @property
    def changes(self) -> int:
        """Case records (and tag links) that merging would add or replace; the
        partner's audit events are counted apart, in ``counts["audit"]``."""
        return sum(c.new + c.updated for name, c in self.counts.items() if name != "audit")


@dataclass
class ImportResult:
    preview: BundlePreview
    written: bool  # False when the bundle brought nothing new (nothing was written)
    event_uid: str | None = None


# --- local views of records, for matching and comparing ---------------------------


@dataclass
class _Local:
    id: int
    uid: str
    updated_at: int
    content: dict[str, Any]
    key: Any
    planned: bool = False  # added by this same bundle


def _redacted(value: object) -> bool:
    """A placeholder that redaction left instead of the real value."""
    return isinstance(value, str) and (value == REDACTED or value.startswith("[redacted "))


def _content_cols(kind: Kind) -> list[tuple[str, str]]:
    return [(spec.name, spec.col) for spec in kind.content_fields]


_IDENTITY_ROW = re.compile(r"^row:(.*):[0-9a-f]{64}$")


def _post_identity(rec: dict[str, Any], platform: str, canonical: str) -> str:
    key = post_identity_key(platform, canonical, rec["post_ref"])
    if key.startswith("row:"):
        given = _IDENTITY_ROW.match(rec["identity_key"])
        if given and given.group(1) == platform:
            return str(rec["identity_key"])
        created = from_micros(rec["created_at"]).isoformat()
        return post_identity_key(platform, "", "", fallback=(rec["content"], created))
    return key


class _Plan:
    """What merging the bundle does, computed with reads only."""

    def __init__(self, conn: Connection, bundle: VerifiedBundle, origin: str) -> None:
        self.conn = conn
        self.bundle = bundle
        self.origin = origin
        self.local_id: dict[str, dict[str, int]] = {k.name: {} for k in ORDER}
        self.local_uid: dict[str, str] = {}  # bundle uid -> our uid, where they differ
        self.inserts: dict[str, list[tuple[dict[str, Any], int]]] = {n: [] for n in MERGED_KINDS}
        self.updates: dict[str, list[tuple[dict[str, Any], int]]] = {n: [] for n in MERGED_KINDS}
        self.counts: dict[str, KindCounts] = {k.name: KindCounts() for k in ORDER}
        self.conflicts: list[Conflict] = []
        self.derived: dict[tuple[str, str], dict[str, Any]] = {}  # (kind, uid) -> columns
        self.touched_reports: set[int] = set()
        self.new_links: list[tuple[int, int]] = []
        self.new_events: list[dict[str, Any]] = []
        self.next_id = {
            table: int(
                conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar() or 0
            )
            + 1
            for table in ("author_account", "post", "tag", "report", "response", "attachment")
        }
        self.case_ref_of_post: dict[int, str] = {}

    # Resolve a bundle record into our terms: references as our ids, derived columns.
    def _resolve(self, kind: Kind, rec: dict[str, Any]) -> dict[str, Any]:
        content: dict[str, Any] = {}
        for spec in kind.content_fields:
            value = rec[spec.name]
            if spec.type.startswith("ref") and value is not None:
                value = self.local_id[spec.ref][value]
            content[spec.name] = value
        if "platform" in content:
            content["platform"] = normalise_platform(content["platform"])
        if kind.name == "posts":
            content["category"] = normalise_category(content["category"])
        return content

    def _key(self, kind: Kind, rec: dict[str, Any], content: dict[str, Any]) -> Any:
        name = kind.name
        if name == "accounts":
            return (content["platform"], normalise_handle(content["handle"]))
        if name == "posts":
            canonical = canonical_url(content["url"])
            key = _post_identity(rec, content["platform"], canonical)
            self.derived[(name, rec["uid"])] = {
                "canonical_url": canonical,
                "identity_key": key,
                "content_key": normalise_content(content["content"]),
            }
            return key
        if name == "tags":
            return content["name"].strip()
        if name == "reports":
            reporter_key = normalise_reporter(content["reporter"])
            self.derived[(name, rec["uid"])] = {"reporter_key": reporter_key}
            return (content["post"], content["reported_at"], reporter_key)
        if name == "responses":
            return (content["report"], content["received_at"], content["outcome"])
        if name == "attachments":
            return (content["post"], content["response"], content["sha256"])
        raise AssertionError(name)

    def _fetch(self, kind: Kind, where: str, values: list[Any]) -> list[_Local]:
        cols = _content_cols(kind)
        extra = {
            "accounts": ", x.handle_key",
            "reports": ", x.reporter_key",
            "posts": ", x.identity_key",
        }.get(kind.name, "")
        sql = (
            f"SELECT x.id, x.uid, x.updated_at, {', '.join('x.' + c for _n, c in cols)}{extra} "
            f"FROM {kind.table} x WHERE {where} {_IN}"
        )
        out = []
        for row in self.conn.exec_driver_sql(sql, (json.dumps(values),)):
            content = {name: row[3 + i] for i, (name, _c) in enumerate(cols)}
            tail = row[3 + len(cols) :]
            if kind.name == "accounts":
                key: Any = (content["platform"], tail[0])
            elif kind.name == "posts":
                key = tail[0]
            elif kind.name == "tags":
                key = content["name"].strip()
            elif kind.name == "reports":
                key = (content["post"], content["reported_at"], tail[0])
            elif kind.name == "responses":
                key = (content["report"], content["received_at"], content["outcome"])
            else:
                key = (content["post"], content["response"], content["sha256"])
            out.append(_Local(row[0], row[1], row[2], content, key))
        return out

    def _secondary(self, kind: Kind, keys: list[Any]) -> list[_Local]:
        """Our records that could match by key (not by uid)."""
        if not keys:
            return []
        name = kind.name
        if name == "accounts":
            return self._fetch(kind, "x.handle_key", sorted({k[1] for k in keys}))
        if name == "posts":
            return self._fetch(kind, "x.identity_key", sorted(set(keys)))
        if name == "tags":
            return self._fetch(kind, "trim(x.name)", sorted(set(keys)))
        if name == "reports":
            return self._fetch(kind, "x.post_id", sorted({k[0] for k in keys}))
        if name == "responses":
            return self._fetch(kind, "x.report_id", sorted({k[0] for k in keys}))
        return self._fetch(kind, "x.sha256", sorted({k[2] for k in keys}))

    def plan_kind(self, kind: Kind) -> None:
        name = kind.name
        records = self.bundle.records[name]
        resolved = [self._resolve(kind, rec) for rec in records]
        keys = [
            self._key(kind, rec, content) for rec, content in zip(records, resolved, strict=True)
        ]
        by_uid = {
            local.uid: local
            for local in self._fetch(kind, "x.uid", sorted(rec["uid"] for rec in records))
        }
        by_key: dict[Any, _Local] = {}
        for known in [*self._secondary(kind, keys), *by_uid.values()]:
            by_key.setdefault(known.key, known)
        claimed: set[int] = set()
        counts = self.counts[name]
        for rec, content, key in zip(records, resolved, keys, strict=True):
            found = by_uid.get(rec["uid"]) or by_key.get(key)
            if found is None:
                new_id = self.next_id[kind.table]
                self.next_id[kind.table] = new_id + 1
                self.local_id[name][rec["uid"]] = new_id
                by_key[key] = _Local(new_id, rec["uid"], rec["updated_at"], content, key, True)
                claimed.add(new_id)
                self.inserts[name].append((rec, new_id))
                counts.new += 1
                self._touch(name, content, None)
                continue
            local = found
            self.local_id[name][rec["uid"]] = local.id
            if local.uid != rec["uid"]:
                self.local_uid[rec["uid"]] = local.uid
            if local.planned or local.id in claimed:
                counts.same += 1  # the bundle repeats a record it already holds
                continue
            claimed.add(local.id)
            # A redacted value in the bundle never counts as a change, nor replaces ours.
            masked = {
                n for n, v in content.items() if _redacted(v) and not _redacted(local.content[n])
            }
            differing = tuple(
                n for n, v in content.items() if n not in masked and local.content[n] != v
            )
            if not differing:
                counts.same += 1
                continue
            bundle_newer = rec["updated_at"] > local.updated_at
            owner = by_key.get(key)
            if bundle_newer and name in ("accounts", "posts", "tags", "reports"):
                # The bundle's version would take the identity of another of our records.
                if owner is not None and owner.id != local.id:
                    bundle_newer = False
            if bundle_newer:
                kept = {n: local.content[n] for n in masked}
                self.updates[name].append(({**rec, **kept}, local.id))
                counts.updated += 1
                self._touch(name, content, local.content)
            else:
                counts.kept_local += 1
            self.conflicts.append(
                Conflict(
                    kind=name,
                    uid=local.uid,
                    case_ref=self._case_ref(name, local),
                    kept="bundle" if bundle_newer else "local",
                    fields=differing,
                    local_updated_at=from_micros(local.updated_at),
                    bundle_updated_at=from_micros(rec["updated_at"]),
                )
            )

    def _touch(self, name: str, new: dict[str, Any], old: dict[str, Any] | None) -> None:
        """Remember reports whose response summary must be recomputed."""
        if name == "responses":
            self.touched_reports.add(new["report"])
            if old is not None:
                self.touched_reports.add(old["report"])

    def _case_ref(self, name: str, local: _Local) -> str:
        post_id = None
        if name == "posts":
            post_id = local.id
        elif name == "reports":
            post_id = local.content["post"]
        elif name == "responses":
            row = self.conn.exec_driver_sql(
                "SELECT post_id FROM report WHERE id = ?", (local.content["report"],)
            ).first()
            post_id = row[0] if row else None
        elif name == "attachments" and local.content["post"] is not None:
            post_id = local.content["post"]
        if post_id is None:
            return ""
        if post_id not in self.case_ref_of_post:
            row = self.conn.exec_driver_sql(
                "SELECT case_ref FROM post WHERE id = ?", (post_id,)
            ).first()
            self.case_ref_of_post[post_id] = row[0] if row else ""
        return self.case_ref_of_post[post_id]

    def plan_links(self) -> None:
        counts = self.counts["post_tags"]
        pairs = {
            (self.local_id["posts"][rec["post"]], self.local_id["tags"][rec["tag"]])
            for rec in self.bundle.records["post_tags"]
        }
        existing = {
            (row[0], row[1])
            for row in self.conn.exec_driver_sql(
                f"SELECT post_id, tag_id FROM post_tag WHERE post_id {_IN}",
                (json.dumps(sorted({p for p, _t in pairs})),),
            )
        }
        self.new_links = sorted(pairs - existing)
        counts.new = len(self.new_links)
        counts.same = len(pairs) - counts.new

    def plan_audit(self) -> None:
        events = self.bundle.records["audit"]
        existing = {
            row[0]
            for row in self.conn.exec_driver_sql(
                f"SELECT uid FROM audit_event WHERE uid {_IN}",
                (json.dumps([e["uid"] for e in events]),),
            )
        }
        self.new_events = [e for e in events if e["uid"] not in existing]
        self.counts["audit"].new = len(self.new_events)
        self.counts["audit"].same = len(events) - len(self.new_events)

    def run(self, cancelled: Callable[[], bool] | None) -> None:
        for kind in ORDER:
            if kind.name == "post_tags":
                self.plan_links()
            elif kind.name == "audit":
                self.plan_audit()
            else:
                self.plan_kind(kind)
            if cancelled and cancelled():
                raise Cancelled("the bundle import was cancelled; nothing was written")


# --- writing ----------------------------------------------------------------------


_DERIVED_INSERT = {
    "accounts": ("handle_key",),
    "posts": ("case_ref", "canonical_url", "identity_key", "content_key", "import_event_uid"),
    "reports": ("reporter_key", "import_event_uid"),
}
_DERIVED_UPDATE = {
    "accounts": ("handle_key",),
    "posts": ("canonical_url", "identity_key", "content_key"),
    "reports": ("reporter_key",),
}


class _Apply:
    """Writes a plan inside the caller's open transaction, through the DB-API."""

    def __init__(self, plan: _Plan, conn: Connection, bundle_id: str, event_uid: str) -> None:
        self.plan = plan
        self.conn = conn
        self.raw: Any = conn.connection.driver_connection
        self.bundle_id = bundle_id
        self.event_uid = event_uid

    def _derived(self, kind: Kind, rec: dict[str, Any], new_id: int | None) -> dict[str, Any]:
        name = kind.name
        out = dict(self.plan.derived.get((name, rec["uid"]), {}))
        if name == "accounts":
            out["handle_key"] = normalise_handle(rec["handle"])
        if name == "reports":
            out["reporter_key"] = normalise_reporter(rec["reporter"])
        if new_id is not None and name in ("posts", "reports"):
            out["import_event_uid"] = self.event_uid
            if name == "posts":
                out["case_ref"] = case_ref_for(new_id)
        return out

    def write(self) -> None:
        plan = self.plan
        bulk_search = bool(plan.inserts["posts"])
        first_post = plan.next_id["post"] - len(plan.inserts["posts"])
        if bulk_search:
            self.raw.execute(
                "INSERT OR REPLACE INTO setting (key, value) VALUES ('search.bulk_insert', '1')"
            )
        self._blobs()
        for kind in ORDER:
            if kind.name in MERGED_KINDS:
                self._insert(kind)
                self._update(kind)
                if kind.name == "reports":
                    plan.touched_reports |= {i for _r, i in plan.inserts["reports"]}
                    plan.touched_reports |= {i for _r, i in plan.updates["reports"]}
        if plan.new_links:
            self.raw.executemany(
                "INSERT OR IGNORE INTO post_tag (post_id, tag_id) VALUES (?, ?)", plan.new_links
            )
        self._summaries()
        if bulk_search:
            self.raw.execute(
                "INSERT INTO post_search (rowid, content, url, author, notes) "
                "SELECT p.id, p.content, p.url, coalesce(a.handle || ' ' || a.display_name, ''), "
                "p.notes FROM post p LEFT JOIN author_account a ON a.id = p.author_id "
                f"WHERE p.id >= {int(first_post)}"
            )
            self.raw.execute("DELETE FROM setting WHERE key = 'search.bulk_insert'")

    def _values(self, kind: Kind, rec: dict[str, Any]) -> list[Any]:
        values = []
        for spec in kind.content_fields:
            value = rec[spec.name]
            if spec.type.startswith("ref") and value is not None:
                value = self.plan.local_id[spec.ref][value]
            elif spec.name == "platform":
                value = normalise_platform(value)
            elif kind.name == "posts" and spec.name == "category":
                value = normalise_category(value)
            values.append(value)
        return values

    def _insert(self, kind: Kind) -> None:
        rows = self.plan.inserts[kind.name]
        if not rows:
            return
        derived_names = _DERIVED_INSERT.get(kind.name, ())
        columns = [
            "id",
            "uid",
            "created_at",
            "updated_at",
            "origin_org",
            "origin_bundle",
            *(spec.col for spec in kind.content_fields),
            *derived_names,
        ]
        sql = (
            f"INSERT INTO {kind.table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        batch = []
        for rec, new_id in rows:
            derived = self._derived(kind, rec, new_id)
            batch.append(
                (
                    new_id,
                    rec["uid"],
                    rec["created_at"],
                    rec["updated_at"],
                    rec["origin_org"] or self.plan.origin,
                    self.bundle_id,
                    *self._values(kind, rec),
                    *(derived[n] for n in derived_names),
                )
            )
        self.raw.executemany(sql, batch)

    def _update(self, kind: Kind) -> None:
        rows = self.plan.updates[kind.name]
        if not rows:
            return
        derived_names = _DERIVED_UPDATE.get(kind.name, ())
        columns = [
            "updated_at",
            "origin_bundle",
            *(spec.col for spec in kind.content_fields),
            *derived_names,
        ]
        sql = f"UPDATE {kind.table} SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?"
        batch = []
        for rec, local_id in rows:
            derived = self._derived(kind, rec, None)
            batch.append(
                (
                    rec["updated_at"],
                    self.bundle_id,
                    *self._values(kind, rec),
                    *(derived[n] for n in derived_names),
                    local_id,
                )
            )
        self.raw.executemany(sql, batch)

    def _blobs(self) -> None:
        wanted = {
            rec["sha256"]
            for rec, _id in [*self.plan.inserts["attachments"], *self.plan.updates["attachments"]]
        }
        if not wanted:
            return
        have = {
            row[0]
            for row in self.conn.exec_driver_sql(
                f"SELECT sha256 FROM blob WHERE sha256 {_IN}", (json.dumps(sorted(wanted)),)
            )
        }
        for sha in sorted(wanted - have):
            data = self.plan.bundle.attachment(sha)
            self.raw.execute(
                "INSERT INTO blob (sha256, size, data) VALUES (?, ?, ?)", (sha, len(data), data)
            )

    def _summaries(self) -> None:
        """Recompute first/final response columns of touched reports (as
        ``repository.refresh_report_summary`` does) without bumping ``updated_at``:
        a derived column is not an edit, and a bumped time would beat the partner's
        next real edit in the newer-wins rule."""
        ids = sorted(self.plan.touched_reports)
        if not ids:
            return
        finals = ", ".join(f"'{o.value}'" for o in sorted(FINAL_OUTCOMES))
        final = (
            "(SELECT {col} FROM response s WHERE s.report_id = report.id "
            f"AND s.outcome IN ({finals}) ORDER BY s.received_at, s.id LIMIT 1)"
        )
        self.raw.execute(
            "UPDATE report SET "
            "first_response_at = (SELECT min(received_at) FROM response s "
            "WHERE s.report_id = report.id), "
            f"final_response_at = {final.format(col='received_at')}, "
            f"final_outcome = {final.format(col='outcome')} "
            f"WHERE id {_IN}",
            (json.dumps(ids),),
        )


class _Chain:
    """Appends audit events to the hash chain in bulk (same hashing as ``append_event``)."""

    def __init__(self, conn: Connection) -> None:
        self.raw: Any = conn.connection.driver_connection
        last = conn.exec_driver_sql(
            "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1"
        ).first()
        self.next_id = (last[0] + 1) if last else 1
        self.prev = last[1] if last else "0" * 64
        self.rows: list[tuple[Any, ...]] = []
        self.actor = current_actor()

    def add(
        self,
        action: str,
        *,
        entity: str,
        entity_uid: str,
        detail: dict[str, Any],
        uid: str | None = None,
        actor: str | None = None,
    ) -> str:
        event = AuditEvent(
            id=self.next_id,
            uid=uid or new_uid(),
            at=now_utc(),
            actor=self.actor if actor is None else actor,
            action=action,
            entity=entity,
            entity_uid=entity_uid,
            detail=json.dumps(detail, sort_keys=True, ensure_ascii=False),
            prev_hash=self.prev,
            hash="",
        )
        event.hash = compute_hash(self.prev, event_payload(event))
        self.rows.append(
            (
                event.id,
                event.uid,
                to_micros(event.at),
                event.actor,
                event.action,
                event.entity,
                event.entity_uid,
                event.detail,
                event.prev_hash,
                event.hash,
            )
        )
        self.prev = event.hash
        self.next_id += 1
        return event.uid

    def flush(self) -> None:
        self.raw.executemany(
            "INSERT INTO audit_event (id, uid, at, actor, action, entity, entity_uid, detail, "
            "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.rows,
        )


# --- the two public entry points --------------------------------------------------


def _identities(
    store: Store, identity_file: str | Path | None, passphrase: str | None
) -> list[x25519.Identity] | None:
    if passphrase is not None:
        if identity_file is not None:
            raise BadInputError("give an identity file or a bundle passphrase, not both")
        return None
    if identity_file is not None:
        return read_identity_file(identity_file)
    with store.session() as session:
        return [x25519.Identity.from_str(load_keys(session).age_identity)]


def _preview(
    store: Store,
    path: Path,
    bundle: VerifiedBundle,
    plan: _Plan,
) -> BundlePreview:
    manifest = bundle.manifest
    with store.session() as session:
        partner = find_partner_by_signing_key(session, manifest.signing_public_key)
        is_self = load_keys(session).signing_public == manifest.signing_public_key
        already = (
            session.scalars(
                select(BundleLog.id).where(
                    col(BundleLog.bundle_id) == manifest.bundle_id,
                    col(BundleLog.direction) == "import",
                )
            ).first()
            is not None
        )
    return BundlePreview(
        path=path,
        bundle_id=manifest.bundle_id,
        origin_name=manifest.origin_name,
        origin_uid=manifest.origin_uid,
        signing_public_key=manifest.signing_public_key,
        fingerprint=manifest.fingerprint,
        signer_known=partner is not None or is_self,
        signer_partner=partner.name if partner else None,
        signer_is_self=is_self,
        made_at=manifest.made_at,
        app_version=manifest.app_version,
        redaction=manifest.redaction,
        counts=plan.counts,
        conflicts=plan.conflicts,
        already_imported=already,
        attachment_files=manifest.counts.get("attachment_files", 0),
    )


def preview_bundle(
    store: Store,
    path: str | Path,
    *,
    identity_file: str | Path | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BundlePreview:
    """Decrypt and check the bundle completely and say what merging it would do.

    Writes nothing. Decrypts with the store's own age identity unless an identity
    file or a passphrase is given. An unknown signer is reported, not refused.
    """
    source = Path(path)
    bundle = open_bundle(
        source,
        identities=_identities(store, identity_file, passphrase),
        passphrase=passphrase,
        progress=progress,
        cancelled=cancelled,
    )
    try:
        with store.engine.connect() as conn:
            plan = _Plan(conn, bundle, bundle.manifest.origin_name)
            plan.run(cancelled)
            conn.rollback()
        return _preview(store, source, bundle, plan)
    finally:
        bundle.close()


def import_bundle(
    store: Store,
    path: str | Path,
    *,
    identity_file: str | Path | None = None,
    passphrase: str | None = None,
    trust_new_signer: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Merge a partner's bundle: all of it in one transaction, or nothing.

    Refuses (``VerificationError``, exit 4) a bundle signed by a key that is neither a
    partner's nor ours unless ``trust_new_signer``. Importing the same bundle again
    writes nothing. ``Cancelled`` before the commit leaves the store untouched.
    """
    source = Path(path)
    bundle = open_bundle(
        source,
        identities=_identities(store, identity_file, passphrase),
        passphrase=passphrase,
        progress=progress,
        cancelled=cancelled,
    )
    manifest = bundle.manifest
    try:
        with store.session() as session:
            partner = find_partner_by_signing_key(session, manifest.signing_public_key)
            is_self = load_keys(session).signing_public == manifest.signing_public_key
        if partner is None and not is_self and not trust_new_signer:
            raise VerificationError(
                f"{source.name} is signed by a key that is not a partner's "
                f"(organisation {manifest.origin_name!r}, fingerprint {manifest.fingerprint}): "
                "check the fingerprint with them, add their card with 'partner add', "
                "or use --trust-new-signer"
            )
        if progress:
            progress(0, 0, "merging")
        with store.engine.connect() as conn:
            transaction = conn.begin()
            try:
                plan = _Plan(conn, bundle, manifest.origin_name)
                plan.run(cancelled)
                preview = _preview(store, source, bundle, plan)
                if (
                    preview.changes == 0
                    and (preview.already_imported or not plan.conflicts)
                    and not plan.new_links
                    and not plan.new_events
                ):
                    transaction.rollback()
                    return ImportResult(preview, written=False)
                event_uid = new_uid()
                if progress:
                    progress(0, 0, "writing")
                _Apply(plan, conn, manifest.bundle_id, event_uid).write()
                _audit(conn, plan, preview, event_uid, partner.id if partner else None)
                if cancelled and cancelled():
                    raise Cancelled("the bundle import was cancelled; nothing was written")
                transaction.commit()
            except IntegrityError:
                if transaction.is_active:
                    transaction.rollback()
                raise BadInputError(
                    f"{source.name} cannot be merged: it would duplicate a record of this store "
                    "in a way Caselog cannot reconcile; nothing was written"
                ) from None
            except BaseException:
                if transaction.is_active:
                    transaction.rollback()
                raise
    finally:
        bundle.close()
    log.info("bundle merged: %d records added or replaced", preview.changes)
    if progress:
        progress(1, 1, "done")
    return ImportResult(preview, written=True, event_uid=event_uid)


def _audit(
    conn: Connection,
    plan: _Plan,
    preview: BundlePreview,
    event_uid: str,
    partner_id: int | None,
) -> None:
    """The partner's events for these records, each conflict, then the import itself."""
    chain = _Chain(conn)
    origin = preview.origin_name
    for event in plan.new_events:
        chain.add(
            event["action"],
            uid=event["uid"],
            actor=event["actor"],
            entity=event["entity"],
            entity_uid=plan.local_uid.get(event["entity_uid"], event["entity_uid"]),
            detail={
                "bundle": preview.bundle_id,
                "origin_org": origin,
                "origin_at": from_micros(event["at"]).isoformat(),
                "origin_detail": event["detail"],
            },
        )
    for conflict in plan.conflicts:
        if conflict.kept == "local" and preview.already_imported:
            continue  # recorded when this bundle was first merged
        chain.add(
            CONFLICT,
            entity=KINDS[conflict.kind].entity,
            entity_uid=conflict.uid,
            detail={
                "bundle": preview.bundle_id,
                "origin_org": origin,
                "kept": conflict.kept,
                "fields": list(conflict.fields),
                "local_updated_at": conflict.local_updated_at.isoformat(),
                "bundle_updated_at": conflict.bundle_updated_at.isoformat(),
            },
        )
    counts = {name: vars(c) for name, c in preview.counts.items()}
    chain.add(
        IMPORT,
        uid=event_uid,
        entity="bundle",
        entity_uid=preview.bundle_id,
        detail={
            "file": preview.path.name,
            "origin_org": origin,
            "origin_uid": preview.origin_uid,
            "fingerprint": preview.fingerprint,
            "signer_known": preview.signer_known,
            "counts": counts,
        },
    )
    chain.flush()
    conn.exec_driver_sql(
        "INSERT INTO bundle_log (bundle_id, direction, partner_id, origin_org, origin_key, at, "
        "counts) VALUES (?, 'import', ?, ?, ?, ?, ?)",
        (
            preview.bundle_id,
            partner_id,
            origin,
            preview.signing_public_key,
            to_micros(now_utc()),
            json.dumps(counts, sort_keys=True),
        ),
    )
