"""Merging a partner's bundle (BUNDLE.md): preview first, then all or nothing.

Matching, per record kind: by ``uid`` first, then by what makes the record the same
thing in the world, so two groups that logged the same post independently end up
with one case: posts by identity (platform + canonical URL / post reference),
accounts by (platform, handle), reports by (post, time, reporter), responses by
(report, time, outcome), attachments by (owner, SHA-256), tags by name.

Ownership: a bundle may add records, and may change only records whose origin is
the organisation that signed it (its key, or a key that key's signed notices
replaced). Our own records and a third organisation's are never overwritten: a
differing copy is a conflict, shown in the preview and kept in the audit log, not
applied. A new record is labelled with the signer's name whatever label it
carries. A response or attachment may only hang from a report or response of the
signer's.

A record that is new is added; present and equal is skipped; present, the
signer's, and different keeps the newer ``updated_at`` (a tie keeps ours) and the
conflict goes to the audit log. The signer's retraction notices retract its
records here; a record we retracted ourselves stays retracted (CORRECTIONS.md).
The partner's audit events are kept as theirs: action ``partner.<action>``, actor
``<actor>@<organisation>``. The preview runs exactly the same plan and writes
nothing. Every write goes through ``store.writer``.
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

from desktop_app.core import signing
from desktop_app.core.errors import BadInputError, Cancelled, VerificationError
from desktop_app.core.normalise import (
    canonical_url,
    content_key,
    normalise_category,
    normalise_handle,
    normalise_platform,
    normalise_reporter,
)
from desktop_app.core.redaction import REDACTED
from desktop_app.core.timeutil import now_utc
from desktop_app.sharing.partners import (
    find_partner_by_signing_key,
    key_successions,
    record_key_change,
)
from desktop_app.sharing.reader import Manifest, VerifiedBundle, open_bundle, read_identity_file
from desktop_app.sharing.records import KINDS, ORDER, PARTNER_EVENT, RETRACTABLE, Kind
from desktop_app.store.engine import Store
from desktop_app.store.keys import load_keys
from desktop_app.store.models import BundleLog, Partner, new_uid
from desktop_app.store.repository import get_organisation
from desktop_app.store.types import from_micros, to_micros
from desktop_app.store.uids import IN_UIDS, from_db, to_db
from desktop_app.store.writer import Writer, post_identity_key

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
CONFLICT = "conflict"  # audit action of a merge conflict
IMPORT = "import"
RETRACT = "retract"
RESTORE = "restore"
PURGE = "purge"
_IN = "IN (SELECT value FROM json_each(?))"
MERGED_KINDS = ("accounts", "posts", "tags", "reports", "responses", "attachments")
_WRITER_TABLES = {"author_account", "post", "report", "response", "attachment"}

# Why a differing record was not applied (Conflict.reason).
NEWER_WINS = ""  # both sides the signer's: the newer updated_at was kept
NOT_THEIRS = "not_theirs"  # ours or a third organisation's: never overwritten
RETRACTED_HERE = "retracted_here"  # we retracted it; the origin edited it again
REFUSED = "refused"  # would hang from, or move onto, a record that is not theirs


@dataclass
class KindCounts:
    """What merging one kind of record does (or would do)."""

    new: int = 0
    same: int = 0
    updated: int = 0  # present and different; the bundle's is newer and replaces ours
    kept_local: int = 0  # present and different; ours stays (newer, or not theirs)
    refused: int = 0  # not added: it would change a record that is not the signer's


@dataclass(frozen=True)
class Conflict:
    """A record present on both sides with different content (or refused)."""

    kind: str
    uid: str  # our uid for the record
    case_ref: str  # the case it belongs to, to show the user ("" when none)
    kept: str  # "bundle" or "local"
    fields: tuple[str, ...]
    local_updated_at: datetime
    bundle_updated_at: datetime
    reason: str = NEWER_WINS
    owner: str = ""  # whose record it is, when not the signer's


@dataclass(frozen=True)
class KeyChangeSeen:
    """A partner's signed key-change notice this bundle carries."""

    partner: str
    old_fingerprint: str
    new_fingerprint: str
    new_age_recipient: str


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
    key_change: KeyChangeSeen | None = None
    relabelled: int = 0  # new records labelled as another organisation's, taken as the signer's
    records_checked: bool = True  # False: an unknown signer, records not read

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


# --- who signed -------------------------------------------------------------------


@dataclass
class _Signer:
    """The signer of a bundle as this store knows it."""

    key: str
    is_self: bool
    partner: Partner | None
    keys: set[str]  # the signer's key and every key it replaced (through notices)
    self_keys: set[str]
    key_change: KeyChangeSeen | None = None
    new_recipient: str = ""
    label: str = ""  # the name new records from this signer are labelled with

    @property
    def known(self) -> bool:
        return self.is_self or self.partner is not None


def _identify(store: Store, manifest: Manifest) -> _Signer:
    """Who signed: ourselves, a partner (possibly through its signed key-change
    notices, oldest first, leading to this key), or an unknown key."""
    key = manifest.signing_public_key
    with store.session() as session:
        ours = load_keys(session)
        self_keys = set(ours.all_signing_publics)
        successions = key_successions(session)
        partner = find_partner_by_signing_key(session, key)
        change: KeyChangeSeen | None = None
        recipient = ""
        chain_keys: set[str] = set()
        if partner is None and key not in self_keys:
            for index, notice in enumerate(manifest.key_changes):
                known = find_partner_by_signing_key(session, notice.old_signing_public_key)
                if known is not None:
                    partner = known
                    chain = manifest.key_changes[index:]
                    chain_keys = {c.old_signing_public_key for c in chain}
                    recipient = chain[-1].new_age_recipient
                    change = KeyChangeSeen(
                        partner=known.name,
                        old_fingerprint=signing.fingerprint(notice.old_signing_public_key),
                        new_fingerprint=manifest.fingerprint,
                        new_age_recipient=recipient,
                    )
                    break
        if partner is not None:
            session.expunge(partner)
        our_name = get_organisation(session).name
    earlier: dict[str, set[str]] = {}
    for old, new in successions.items():
        earlier.setdefault(new, set()).add(old)
    keys = {key} | chain_keys
    frontier = list(keys)
    while frontier:
        for old in earlier.get(frontier.pop(), set()):
            if old not in keys:
                keys.add(old)
                frontier.append(old)
    return _Signer(
        key=key,
        is_self=key in self_keys,
        partner=partner,
        keys=keys,
        self_keys=self_keys,
        key_change=change,
        new_recipient=recipient,
        label=_label(store, manifest, keys, our_name, partner),
    )


def _label(
    store: Store, manifest: Manifest, keys: set[str], our_name: str, partner: Partner | None
) -> str:
    """The signer's own name, unless it is ours, a name another key has signed
    bundles with here, or the name of another partner in our directory: then the
    partner's name in our directory and its fingerprint, so that no bundle can label
    records as another organisation's."""
    claimed = manifest.origin_name.strip()
    taken = not claimed or claimed.casefold() == our_name.strip().casefold()
    if not taken:
        with store.engine.connect() as conn:
            others = conn.exec_driver_sql(
                "SELECT origin_key FROM bundle_log WHERE direction = 'import' "
                "AND lower(trim(origin_org)) = lower(?)",
                (claimed,),
            ).all()
            # (casefold in Python: SQLite's lower() leaves non-ASCII letters alone)
            directory = conn.exec_driver_sql("SELECT name, signing_public_key FROM partner").all()
        taken = any(row[0] not in keys for row in others) or any(
            name.strip().casefold() == claimed.casefold() and key not in keys
            for name, key in directory
        )
    if not taken:
        return claimed
    who = partner.name if partner is not None else "unknown signer"
    return f"{who} (key {manifest.fingerprint}, signed as {claimed or 'no name'})"


# --- local views of records, for matching and comparing ---------------------------


@dataclass
class _Local:
    id: int
    uid: str
    updated_at: int
    content: dict[str, Any]
    key: Any
    planned: bool = False  # added by this same bundle
    origin_bundle: str | None = None
    origin_key: str | None = None
    origin_org: str = ""
    retracted: bool = False
    retracted_with: str = ""


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

    def __init__(self, conn: Connection, bundle: VerifiedBundle, signer: _Signer) -> None:
        self.conn = conn
        self.bundle = bundle
        self.signer = signer
        manifest = bundle.manifest
        self.origin = manifest.origin_name
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
        # bundle uid -> True when the record is the signer's (new, or theirs here)
        self.theirs: dict[str, bool] = {}
        self.refused: set[str] = set()  # bundle uids not merged
        self.relabelled = 0
        # (table, local id, our uid, updated_at, retracted_at, reason, carried-with uid)
        self.retractions: list[tuple[str, int, str, int, int, str, str]] = []
        self.restores: list[tuple[str, int, str, int]] = []  # (table, id, uid, updated_at)
        self.next_id = {
            table: int(
                conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar() or 0
            )
            + 1
            for table in ("author_account", "post", "tag", "report", "response", "attachment")
        }
        self.case_ref_of_post: dict[int, str] = {}
        self.fresh_conflicts: list[Conflict] = []
        self.handles: dict[int, str] = {}  # the handles of accounts this bundle adds

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
                "content_key": content_key(content["content"]),
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
        retractable = kind.name in RETRACTABLE
        retraction = ", x.retracted_at, x.retracted_with" if retractable else ", NULL, NULL"
        sql = (
            f"SELECT x.id, x.uid, x.updated_at, x.origin_bundle, coalesce(x.origin_org, ''), "
            "(SELECT b.origin_key FROM bundle_log b WHERE b.bundle_id = x.origin_bundle "
            f"AND b.direction = 'import' ORDER BY b.id LIMIT 1){retraction}, "
            f"{', '.join('x.' + c for _n, c in cols)}{extra} "
            f"FROM {kind.table} x WHERE {where} {IN_UIDS if where == 'x.uid' else _IN}"
        )
        out = []
        first = 8
        for row in self.conn.exec_driver_sql(sql, (json.dumps(values),)):
            content = {name: row[first + i] for i, (name, _c) in enumerate(cols)}
            tail = row[first + len(cols) :]
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
            out.append(
                _Local(
                    row[0],
                    from_db(row[1]),
                    row[2],
                    content,
                    key,
                    origin_bundle=row[3],
                    origin_org=row[4],
                    origin_key=row[5],
                    retracted=row[6] is not None,
                    retracted_with=from_db(row[7]) or "",
                )
            )
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

    # --- ownership ----------------------------------------------------------------

    def _owned(self, local: _Local) -> bool:
        """Is this record of ours the signer's, so that the bundle may change it?"""
        if local.planned:
            return True
        if local.origin_bundle is None:
            mine = True  # made in this store
        else:
            mine = local.origin_key is not None and local.origin_key in self.signer.self_keys
        if self.signer.is_self:
            return mine
        return not mine and local.origin_key is not None and local.origin_key in self.signer.keys

    def _owner_label(self, local: _Local) -> str:
        if local.origin_bundle is None or (
            local.origin_key is not None and local.origin_key in self.signer.self_keys
        ):
            return "this organisation"
        return local.origin_org or "another organisation"

    def _retracted_here(self, local: _Local) -> bool:
        """Retracted by us (True), not by a retraction notice of the origin (False)."""
        row = self.conn.exec_driver_sql(
            "SELECT detail FROM audit_event WHERE action = ? AND entity_uid IN (?, ?) "
            "ORDER BY id DESC LIMIT 1",
            (RETRACT, to_db(local.uid), to_db(local.retracted_with or local.uid)),
        ).first()
        if row is None:
            return True
        try:
            detail = json.loads(row[0])
        except (TypeError, ValueError):
            return True
        return not (isinstance(detail, dict) and detail.get("bundle"))

    def _refuse(self, name: str, rec: dict[str, Any], why: str, owner: str = "") -> None:
        self.refused.add(rec["uid"])
        self.counts[name].refused += 1
        self.conflicts.append(
            Conflict(
                kind=name,
                uid=rec["uid"],
                case_ref="",
                kept="local",
                fields=(why,),
                local_updated_at=from_micros(rec["updated_at"]),
                bundle_updated_at=from_micros(rec["updated_at"]),
                reason=REFUSED,
                owner=owner,
            )
        )

    def _parent_not_theirs(self, kind: Kind, rec: dict[str, Any]) -> str:
        """The field whose parent a response or attachment may not hang from, or ''."""
        if kind.name == "responses" and not self.theirs.get(rec["report"], False):
            return "report"
        if (
            kind.name == "attachments"
            and rec["response"] is not None
            and not self.theirs.get(rec["response"], False)
        ):
            return "response"
        return ""

    def plan_kind(self, kind: Kind) -> None:
        name = kind.name
        records = []
        for rec in self.bundle.records[name]:
            refs = [
                rec[spec.name]
                for spec in kind.fields
                if spec.type.startswith("ref") and rec[spec.name] is not None
            ]
            if any(ref in self.refused for ref in refs):
                self._refuse(name, rec, "its parent record was refused")
            else:
                records.append(rec)
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
                parent = self._parent_not_theirs(kind, rec)
                if parent:
                    self._refuse(name, rec, parent, "another organisation")
                    continue
                new_id = self.next_id[kind.table]
                self.next_id[kind.table] = new_id + 1
                self.local_id[name][rec["uid"]] = new_id
                if name == "accounts":
                    self.handles[new_id] = str(content["handle"])
                by_key[key] = _Local(new_id, rec["uid"], rec["updated_at"], content, key, True)
                claimed.add(new_id)
                if not self.signer.is_self and rec["origin_org"] != self.signer.label:
                    self.relabelled += 1
                self.inserts[name].append((rec, new_id))
                self.theirs[rec["uid"]] = True
                counts.new += 1
                self._touch(name, content, None)
                continue
            local = found
            self.local_id[name][rec["uid"]] = local.id
            if local.uid != rec["uid"]:
                self.local_uid[rec["uid"]] = local.uid
            owned = self._owned(local)
            self.theirs[rec["uid"]] = owned
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
            if (
                differing
                and owned
                and not local.retracted
                and all(self._reformed(name, n, content[n], local.content[n]) for n in differing)
            ):
                # Only a placeholder of the origin's, written another way (an author's
                # "[redacted author <8 characters>]" of older bundles, which counted
                # accounts made in one minute as one, against today's whole uid): the
                # origin's form is taken, with no conflict, whatever the times say.
                kept = {n: local.content[n] for n in masked}
                self.updates[name].append(({**rec, **kept}, local.id))
                counts.updated += 1
                self._touch(name, content, local.content)
                continue
            restore = False
            if local.retracted:
                if not owned or self._retracted_here(local):
                    if differing:
                        counts.kept_local += 1
                        self._conflict(name, local, rec, differing, "local", RETRACTED_HERE)
                    else:
                        counts.same += 1
                    continue
                restore = True  # the origin retracted it, and now sends it live again
            if not differing and not restore:
                counts.same += 1
                continue
            if not owned:
                counts.kept_local += 1
                self._conflict(
                    name, local, rec, differing, "local", NOT_THEIRS, self._owner_label(local)
                )
                continue
            moved = [n for n in differing if n in ("report", "response")]
            if moved and self._parent_not_theirs(kind, rec):
                counts.kept_local += 1
                self._conflict(name, local, rec, differing, "local", REFUSED)
                continue
            bundle_newer = rec["updated_at"] > local.updated_at
            owner = by_key.get(key)
            if bundle_newer and name in ("accounts", "posts", "tags", "reports"):
                # The bundle's version would take the identity of another of our records.
                if owner is not None and owner.id != local.id:
                    bundle_newer = False
            if restore:
                table = kind.table
                # Brought back as it was, unless the bundle's newer version is written
                # too (below): then its time, or the restore would put ours back over it.
                when = rec["updated_at"] if bundle_newer and differing else local.updated_at
                self.restores.append((table, local.id, local.uid, when))
                self._touch(name, local.content, None)
            if bundle_newer and differing:
                kept = {n: local.content[n] for n in masked}
                self.updates[name].append(({**rec, **kept}, local.id))
                counts.updated += 1
                self._touch(name, content, local.content)
            elif restore:
                counts.updated += 1
            else:
                counts.kept_local += 1
            if differing:
                self._conflict(
                    name, local, rec, differing, "bundle" if bundle_newer else "local", NEWER_WINS
                )

    def _reformed(self, kind: str, field: str, new: Any, old: Any) -> bool:
        """Both values are the origin's redaction placeholders: a redacted text, or a
        post's author that is a redacted account on both sides."""
        if _redacted(new) and _redacted(old):
            return True
        if kind == "posts" and field == "author" and new is not None and old is not None:
            return _redacted(self._handle(int(new))) and _redacted(self._handle(int(old)))
        return False

    def _handle(self, account_id: int) -> str:
        if account_id in self.handles:
            return self.handles[account_id]
        row = self.conn.exec_driver_sql(
            "SELECT handle FROM author_account WHERE id = ?", (account_id,)
        ).first()
        return str(row[0]) if row else ""

    def _conflict(
        self,
        name: str,
        local: _Local,
        rec: dict[str, Any],
        differing: tuple[str, ...],
        kept: str,
        reason: str,
        owner: str = "",
    ) -> None:
        self.conflicts.append(
            Conflict(
                kind=name,
                uid=local.uid,
                case_ref=self._case_ref(name, local),
                kept=kept,
                fields=differing,
                local_updated_at=from_micros(local.updated_at),
                bundle_updated_at=from_micros(rec["updated_at"]),
                reason=reason,
                owner=owner,
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
            if rec["post"] not in self.refused and rec["tag"] not in self.refused
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

    def plan_retractions(self) -> None:
        """The signer's retraction notices, for records of theirs that we hold."""
        counts = self.counts["retractions"]
        stones = self.bundle.records.get("retractions", [])
        for kind_name in RETRACTABLE:
            wanted = [s for s in stones if s["kind"] == kind_name]
            if not wanted:
                continue
            kind = KINDS[kind_name]
            found = {
                local.uid: local
                for local in self._fetch(kind, "x.uid", sorted(s["uid"] for s in wanted))
            }
            for stone in wanted:
                local = found.get(stone["uid"])
                if local is None or local.retracted:
                    counts.same += 1  # not held here, or already retracted
                    continue
                if not self._owned(local):
                    counts.refused += 1
                    self.conflicts.append(
                        Conflict(
                            kind=kind_name,
                            uid=local.uid,
                            case_ref=self._case_ref(kind_name, local),
                            kept="local",
                            fields=("retracted_at",),
                            local_updated_at=from_micros(local.updated_at),
                            bundle_updated_at=from_micros(stone["retracted_at"]),
                            reason=NOT_THEIRS,
                            owner=self._owner_label(local),
                        )
                    )
                    continue
                counts.new += 1
                self.theirs[stone["uid"]] = True
                self.retractions.append(
                    (
                        kind.table,
                        local.id,
                        local.uid,
                        local.updated_at,
                        stone["retracted_at"],
                        stone["reason"],
                        self.local_uid.get(stone["retracted_with"] or "", "")
                        or (stone["retracted_with"] or ""),
                    )
                )
                if kind_name == "responses":
                    self.touched_reports.add(local.content["report"])

    def plan_audit(self) -> None:
        """The signer's events about records of theirs; any other event is refused."""
        events = self.bundle.records["audit"]
        existing = {
            from_db(row[0])
            for row in self.conn.exec_driver_sql(
                f"SELECT uid FROM audit_event WHERE uid {IN_UIDS}",
                (json.dumps([e["uid"] for e in events]),),
            )
        }
        counts = self.counts["audit"]
        for event in events:
            if event["uid"] in existing:
                counts.same += 1
            elif self.theirs.get(event["entity_uid"], False):
                self.new_events.append(event)
                counts.new += 1
            else:
                counts.refused += 1

    def run(self, cancelled: Callable[[], bool] | None) -> None:
        for kind in ORDER:
            if kind.name == "post_tags":
                self.plan_links()
            elif kind.name == "audit":
                self.plan_retractions()  # before the events: they name retracted records
                self.plan_audit()
            elif kind.name == "retractions":
                pass
            else:
                self.plan_kind(kind)
            if cancelled and cancelled():
                raise Cancelled("the bundle import was cancelled; nothing was written")
        self.fresh_conflicts = self._unrecorded(self.conflicts)

    def _unrecorded(self, conflicts: list[Conflict]) -> list[Conflict]:
        """Conflicts not yet in the audit log: the same difference (same record, same
        times on both sides, same outcome) is recorded once, not at every bundle."""
        if not conflicts:
            return []
        recorded: set[tuple[str, str, str, str]] = set()
        for uid, detail in self.conn.exec_driver_sql(
            f"SELECT entity_uid, detail FROM audit_event WHERE action = ? AND entity_uid {IN_UIDS}",
            (CONFLICT, json.dumps(sorted({c.uid for c in conflicts}))),
        ):
            try:
                data = json.loads(detail)
                recorded.add(
                    (
                        from_db(uid),
                        str(data.get("kept")),
                        str(data.get("local_updated_at")),
                        str(data.get("bundle_updated_at")),
                    )
                )
            except (TypeError, ValueError, AttributeError):
                continue
        return [
            c
            for c in conflicts
            if (
                c.uid,
                c.kept,
                c.local_updated_at.isoformat(),
                c.bundle_updated_at.isoformat(),
            )
            not in recorded
        ]


# --- writing, through store.writer ------------------------------------------------


class _Apply:
    """Writes a plan inside the caller's open transaction, through ``store.writer``."""

    def __init__(
        self, plan: _Plan, writer: Writer, conn: Connection, bundle_id: str, event_uid: str
    ) -> None:
        self.plan = plan
        self.writer = writer
        self.conn = conn
        self.bundle_id = bundle_id
        self.event_uid = event_uid
        self.purged: set[str] = set()  # SHA-256s whose bytes were purged here
        self.arrived_purged: list[tuple[str, str, int]] = []  # (uid, sha256, size)

    def _row(self, kind: Kind, rec: dict[str, Any]) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for spec in kind.content_fields:
            value = rec[spec.name]
            if spec.type.startswith("ref") and value is not None:
                value = self.plan.local_id[spec.ref][value]
            elif spec.name == "platform":
                value = normalise_platform(value)
            elif kind.name == "posts" and spec.name == "category":
                value = normalise_category(value)
            row[spec.col] = value
        if kind.name == "posts":
            row["identity_key"] = self.plan.derived[("posts", rec["uid"])]["identity_key"]
        return row

    def _label(self, rec: dict[str, Any]) -> str:
        if self.plan.signer.is_self:
            return str(rec["origin_org"] or self.plan.origin)
        return self.plan.signer.label  # never a third organisation's label, nor ours

    def write(self) -> None:
        plan = self.plan
        w = self.writer
        blobs = {
            rec["sha256"]: plan.bundle.attachment(rec["sha256"])
            for rec, _id in [*plan.inserts["attachments"], *plan.updates["attachments"]]
        }
        # Bytes purged here stay purged: a partner's attachment of the same bytes is
        # kept as a record, marked purged like ours, its bytes never written (so the
        # case's exports, which read every live attachment's bytes, still work).
        self.purged = {
            str(row[0])
            for row in self.conn.exec_driver_sql(
                f"SELECT DISTINCT sha256 FROM attachment WHERE purged_at IS NOT NULL "
                f"AND sha256 {_IN}",
                (json.dumps(sorted(blobs)),),
            )
        }
        w.insert_blobs({sha: data for sha, data in blobs.items() if sha not in self.purged})
        blobs.clear()
        with w.bulk_search():
            for kind in ORDER:
                if kind.name not in MERGED_KINDS:
                    continue
                self._insert(kind)
                self._update(kind)
                if kind.name == "reports":
                    plan.touched_reports |= {i for _r, i in plan.inserts["reports"]}
                    plan.touched_reports |= {i for _r, i in plan.updates["reports"]}
        # Nothing is marked purged silently (CORRECTIONS.md): each such record says why.
        for uid, sha, size in self.arrived_purged:
            w.audit(
                PURGE,
                entity="attachment",
                entity_uid=uid,
                detail={
                    "bundle": self.bundle_id,
                    "origin_org": plan.origin,
                    "sha256": sha,
                    "size": size,
                    "reason": "these bytes were purged in this store before: the copy in "
                    "the partner's bundle is not kept",
                },
            )
        if plan.new_links:
            self.conn.exec_driver_sql(
                "INSERT OR IGNORE INTO post_tag (post_id, tag_id) VALUES (?, ?)", plan.new_links
            )
        by_table: dict[str, list[dict[str, Any]]] = {}
        for table, local_id, _uid, updated_at in plan.restores:
            by_table.setdefault(table, []).append(
                {
                    "id": local_id,
                    "retracted_at": None,
                    "retraction_reason": "",
                    "retracted_with": "",
                    "updated_at": updated_at,
                }
            )
        for table, local_id, _uid, updated_at, at, reason, carried in plan.retractions:
            by_table.setdefault(table, []).append(
                {
                    "id": local_id,
                    "retracted_at": at,
                    "retraction_reason": reason,
                    "retracted_with": carried,
                    "updated_at": updated_at,  # a retraction notice is not an edit here
                }
            )
        for table, rows in by_table.items():
            w.update(table, rows)
        w.refresh_summaries(plan.touched_reports, touch=False)

    def _insert(self, kind: Kind) -> None:
        rows = self.plan.inserts[kind.name]
        if not rows:
            return
        out = []
        for rec, new_id in rows:
            row = {
                "id": new_id,
                "uid": rec["uid"],
                "created_at": rec["created_at"],
                "updated_at": rec["updated_at"],
                "origin_org": self._label(rec),
                "origin_bundle": self.bundle_id,
                **self._row(kind, rec),
            }
            if kind.name in ("posts", "reports"):
                row["import_event_uid"] = self.event_uid
            if kind.name == "attachments" and rec["sha256"] in self.purged:
                row["purged_at"] = to_micros(now_utc())
                self.arrived_purged.append((rec["uid"], rec["sha256"], int(rec["size"])))
            out.append(row)
        if kind.table in _WRITER_TABLES:
            self.writer.insert(kind.table, out)
        else:  # tags: not case data; plain rows (the uid as the store keeps it, 0012)
            columns = list(out[0])
            self.conn.exec_driver_sql(
                f"INSERT INTO {kind.table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [tuple(to_db(r[c]) if c == "uid" else r[c] for c in columns) for r in out],
            )

    def _update(self, kind: Kind) -> None:
        rows = self.plan.updates[kind.name]
        if not rows:
            return
        out = [
            {
                "id": local_id,
                "updated_at": rec["updated_at"],
                "origin_bundle": self.bundle_id,
                **self._row(kind, rec),
            }
            for rec, local_id in rows
        ]
        if kind.table in _WRITER_TABLES:
            self.writer.update(kind.table, out)
        else:
            for row in out:
                local_id = row.pop("id")
                self.conn.exec_driver_sql(
                    f"UPDATE {kind.table} SET {', '.join(c + ' = ?' for c in row)} WHERE id = ?",
                    (*row.values(), local_id),
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
        keys = load_keys(session)
    # Retired identities still open bundles sent before partners learned the new key.
    return [
        x25519.Identity.from_str(text) for text in (keys.age_identity, *keys.retired_age_identities)
    ]


def _preview(
    store: Store,
    path: Path,
    manifest: Manifest,
    signer: _Signer,
    plan: _Plan | None,
) -> BundlePreview:
    with store.session() as session:
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
        signer_known=signer.known,
        signer_partner=signer.partner.name if signer.partner else None,
        signer_is_self=signer.is_self,
        made_at=manifest.made_at,
        app_version=manifest.app_version,
        redaction=manifest.redaction,
        counts=plan.counts if plan else {k.name: KindCounts() for k in ORDER},
        conflicts=plan.conflicts if plan else [],
        already_imported=already,
        attachment_files=manifest.counts.get("attachment_files", 0),
        key_change=signer.key_change,
        relabelled=plan.relabelled if plan else 0,
        records_checked=plan is not None,
    )


@dataclass
class _Seen:
    """What the signer check saw, kept for after the bundle is open."""

    signer: _Signer | None = None
    manifest: Manifest | None = None
    stopped: bool = False


class _StopAtSigner(Exception):
    pass


def _unknown_signer(path: Path, manifest: Manifest) -> VerificationError:
    return VerificationError(
        f"{path.name} is signed by a key that is not a partner's "
        f"(organisation {manifest.origin_name!r}, fingerprint {manifest.fingerprint}): "
        "check the fingerprint with them, add their card with 'partner add', "
        "or use --trust-new-signer; it was not opened further"
    )


def _check_bundle_id(store: Store, path: Path, manifest: Manifest, signer: _Signer) -> None:
    """A bundle id names one bundle: refuse one whose id a bundle signed by another key
    already brought here. Records remember the bundle they came in (``origin_bundle``)
    and their owner is the key that signed it; a second signer reusing the id (before
    or after the first) could otherwise claim the first one's records, edit and
    retract them, or have its own counted as the first one's."""
    allowed = {signer.key, *signer.keys}
    if signer.is_self:
        allowed |= signer.self_keys
    with store.engine.connect() as conn:
        keys = {
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT DISTINCT origin_key FROM bundle_log WHERE bundle_id = ? "
                "AND direction = 'import'",
                (manifest.bundle_id,),
            )
        }
    if keys - allowed:
        raise VerificationError(
            f"{path.name} carries the bundle id {manifest.bundle_id}, which a bundle "
            "signed by another key already brought into this store: one of the two is "
            "not what it claims; it was not merged (ask both organisations which bundle "
            "they sent)"
        )


def preview_bundle(
    store: Store,
    path: str | Path,
    *,
    identity_file: str | Path | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    stop_at_unknown_signer: bool = False,
) -> BundlePreview:
    """Decrypt and check the bundle completely and say what merging it would do.

    Writes nothing. Decrypts with the store's own age identity unless an identity
    file or a passphrase is given. An unknown signer is reported, not refused; with
    ``stop_at_unknown_signer`` its records are not even read (``records_checked``
    False): ask the user first, then preview again trusting it.
    """
    source = Path(path)
    seen = _Seen()

    def check(manifest: Manifest) -> None:
        seen.signer = _identify(store, manifest)
        seen.manifest = manifest
        _check_bundle_id(store, source, manifest, seen.signer)
        if stop_at_unknown_signer and not seen.signer.known:
            raise _StopAtSigner

    try:
        bundle = open_bundle(
            source,
            identities=_identities(store, identity_file, passphrase),
            passphrase=passphrase,
            progress=progress,
            cancelled=cancelled,
            check_signer=check,
        )
    except _StopAtSigner:
        assert seen.manifest is not None and seen.signer is not None
        return _preview(store, source, seen.manifest, seen.signer, None)
    assert seen.signer is not None
    try:
        with store.engine.connect() as conn:
            plan = _Plan(conn, bundle, seen.signer)
            plan.run(cancelled)
            conn.rollback()
        return _preview(store, source, bundle.manifest, seen.signer, plan)
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
    partner's (directly or through its signed key-change notice) nor ours unless
    ``trust_new_signer``, before its records are read. A key-change notice, once
    merged, moves the partner to its new keys. Importing the same bundle again
    (its id already in the bundle log) writes nothing. ``Cancelled`` before the
    commit leaves the store untouched.
    """
    source = Path(path)
    seen = _Seen()

    def check(manifest: Manifest) -> None:
        seen.signer = _identify(store, manifest)
        _check_bundle_id(store, source, manifest, seen.signer)
        if not seen.signer.known and not trust_new_signer:
            raise _unknown_signer(source, manifest)

    bundle = open_bundle(
        source,
        identities=_identities(store, identity_file, passphrase),
        passphrase=passphrase,
        progress=progress,
        cancelled=cancelled,
        check_signer=check,
    )
    signer = seen.signer
    assert signer is not None
    manifest = bundle.manifest
    try:
        if progress:
            progress(0, 0, "merging")
        with store.engine.connect() as conn:
            transaction = conn.begin()
            try:
                plan = _Plan(conn, bundle, signer)
                plan.run(cancelled)
                preview = _preview(store, source, manifest, signer, plan)
                if preview.already_imported:
                    # BUNDLE.md: the same bundle twice changes nothing. Merged again
                    # later, an old bundle would undo what its origin did since (a
                    # retraction notice over a record it has restored).
                    transaction.rollback()
                    return ImportResult(preview, written=False)
                if (
                    preview.changes == 0
                    and not plan.fresh_conflicts
                    and not plan.new_links
                    and not plan.new_events
                    and signer.key_change is None
                ):
                    transaction.rollback()
                    return ImportResult(preview, written=False)
                event_uid = new_uid()
                if progress:
                    progress(0, 0, "writing")
                writer = Writer(conn)
                _Apply(plan, writer, conn, manifest.bundle_id, event_uid).write()
                if signer.key_change is not None and signer.partner is not None:
                    record_key_change(
                        conn,
                        writer,
                        signer.partner,
                        old_keys=sorted(signer.keys - {signer.key}),
                        new_key=signer.key,
                        new_recipient=signer.new_recipient,
                        bundle_id=manifest.bundle_id,
                    )
                _audit(conn, writer, plan, preview, event_uid, signer)
                writer.flush()
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
    writer: Writer,
    plan: _Plan,
    preview: BundlePreview,
    event_uid: str,
    signer: _Signer,
) -> None:
    """The partner's events (kept as theirs), our retractions and restores applied
    from its notices, each conflict, then the import itself."""
    origin = preview.origin_name
    for event in plan.new_events:
        entity_uid = plan.local_uid.get(event["entity_uid"], event["entity_uid"])
        if signer.is_self:
            writer.audit(
                event["action"],
                uid=event["uid"],
                actor=event["actor"],
                entity=event["entity"],
                entity_uid=entity_uid,
                detail={
                    "bundle": preview.bundle_id,
                    "origin_at": from_micros(event["at"]).isoformat(),
                    "origin_detail": event["detail"],
                },
            )
            continue
        writer.audit(
            PARTNER_EVENT + event["action"],
            uid=event["uid"],
            actor=f"{event['actor'] or '?'}@{origin}",
            entity=event["entity"],
            entity_uid=entity_uid,
            detail={
                "bundle": preview.bundle_id,
                "origin_org": origin,
                "origin_fingerprint": preview.fingerprint,
                "origin_actor": event["actor"],
                "origin_action": event["action"],
                "origin_at": from_micros(event["at"]).isoformat(),
                "origin_detail": event["detail"],
            },
        )
    for table, _id, uid, _updated, at, reason, carried in plan.retractions:
        writer.audit(
            RETRACT,
            entity=table,
            entity_uid=uid,
            detail={
                "bundle": preview.bundle_id,
                "origin_org": origin,
                "reason": reason,
                "retracted_with": carried,
                "origin_at": from_micros(at).isoformat(),
            },
        )
    for table, _id, uid, _updated in plan.restores:
        writer.audit(
            RESTORE,
            entity=table,
            entity_uid=uid,
            detail={"bundle": preview.bundle_id, "origin_org": origin},
        )
    for conflict in plan.fresh_conflicts:
        writer.audit(
            CONFLICT,
            entity=KINDS[conflict.kind].entity or conflict.kind,
            entity_uid=conflict.uid,
            detail={
                "bundle": preview.bundle_id,
                "origin_org": origin,
                "kept": conflict.kept,
                "fields": list(conflict.fields),
                "reason": conflict.reason,
                "owner": conflict.owner,
                "local_updated_at": conflict.local_updated_at.isoformat(),
                "bundle_updated_at": conflict.bundle_updated_at.isoformat(),
            },
        )
    counts = {name: vars(c) for name, c in preview.counts.items()}
    writer.audit(
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
            "relabelled": plan.relabelled,
            "counts": counts,
        },
    )
    conn.exec_driver_sql(
        "INSERT INTO bundle_log (bundle_id, direction, partner_id, origin_org, origin_key, at, "
        "counts) VALUES (?, 'import', ?, ?, ?, ?, ?)",
        (
            preview.bundle_id,
            signer.partner.id if signer.partner else None,
            origin,
            preview.signing_public_key,
            to_micros(now_utc()),
            json.dumps(counts, sort_keys=True),
        ),
    )


__all__ = [
    "BundlePreview",
    "Conflict",
    "ImportResult",
    "KeyChangeSeen",
    "KindCounts",
    "import_bundle",
    "preview_bundle",
]
