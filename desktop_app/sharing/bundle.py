"""Making a sharing bundle (BUNDLE.md): chosen cases -> signed ZIP -> age encryption.

The ZIP is built in memory and encrypted straight into a temporary file next to the
target, which is renamed into place only when complete: no plaintext case content
reaches the disk, and a cancelled or failed export leaves no partial file.
"""

from __future__ import annotations

import base64
import glob
import hashlib
import io
import json
import logging
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyrage
from pyrage import x25519
from sqlalchemy import Connection
from sqlmodel import Session, col, select

from desktop_app import __version__
from desktop_app.core.errors import BadInputError, Cancelled, VerificationError
from desktop_app.core.normalise import normalise_reporter
from desktop_app.core.redaction import REDACTABLE, Redaction
from desktop_app.core.timeutil import now_utc
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.sharing.partners import get_partner
from desktop_app.sharing.reader import FORMAT, MANIFEST, SIGNATURE, VERSION
from desktop_app.sharing.records import (
    ORDER,
    PARTNER_EVENT,
    UID_RE,
    Kind,
    iso_micros,
    to_json_record,
)
from desktop_app.store.audit import append_event
from desktop_app.store.engine import Store
from desktop_app.store.keys import OrgKeys, load_keys
from desktop_app.store.models import BundleLog, Partner, new_uid
from desktop_app.store.repository import get_organisation
from desktop_app.store.selection import selected_post_ids
from desktop_app.store.types import to_micros
from desktop_app.store.uids import IN_UIDS, from_db

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BundleSelection:
    """Which cases go into a bundle.

    ``params`` chooses cases as the indicators do (period, platform, category, case
    refs); None means every case. ``since_last_bundle_to`` names a partner: only what
    changed (or arrived from other bundles) since the last bundle made for it.
    """

    params: IndicatorParams | None = None
    since_last_bundle_to: str | None = None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    counts: dict[str, int]
    recipients: tuple[str, ...]  # partner names and age1 keys, as given
    size: int
    since: datetime | None = None
    partners: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Recipients:
    keys: list[x25519.Recipient]
    shown: tuple[str, ...]
    partners: list[Partner]


def _resolve_recipients(session: Session, names: Iterable[str]) -> _Recipients:
    keys: list[x25519.Recipient] = []
    shown: list[str] = []
    partners: list[Partner] = []
    for raw in names:
        name = raw.strip()
        if name.startswith("age1"):
            try:
                keys.append(x25519.Recipient.from_str(name))
            except Exception:  # noqa: BLE001 - pyrage's own error types
                raise BadInputError(f"--recipient: {name[:16]}... is not a valid age key") from None
            shown.append(name)
            continue
        partner = get_partner(session, name)
        if partner is None:
            raise BadInputError(
                f"--recipient: no partner named {name!r}; add its card with "
                "'caselog-cli partner add' or give its age1... key"
            )
        if not partner.age_recipient:
            raise BadInputError(f"--recipient: partner {partner.name!r} has no age key")
        keys.append(x25519.Recipient.from_str(partner.age_recipient))
        shown.append(partner.name)
        partners.append(partner)
    return _Recipients(keys, tuple(shown), partners)


def _ids(conn: Connection, sql: str, *lists: Iterable[int]) -> set[int]:
    args = tuple(json.dumps(sorted(set(values))) for values in lists)
    return {row[0] for row in conn.exec_driver_sql(sql, args) if row[0] is not None}


_IN = "IN (SELECT value FROM json_each(?))"
_LIVE = "retracted_at IS NULL"  # retracted records leave every bundle's payload


@dataclass
class _Chosen:
    ids: dict[str, set[int]]
    links: list[tuple[int, int]]


def _choose(
    conn: Connection,
    params: IndicatorParams | None,
    since: int | None,
    since_bundles: list[str],
) -> _Chosen:
    """Local ids of every record to export, closed over references."""
    if params is not None:
        posts_all = _ids(
            conn,
            f"SELECT id FROM post WHERE id {_IN} AND {_LIVE}",
            selected_post_ids(conn, params),
        )
    else:
        posts_all = {row[0] for row in conn.exec_driver_sql(f"SELECT id FROM post WHERE {_LIVE}")}
    reports_all = _ids(conn, f"SELECT id FROM report WHERE post_id {_IN} AND {_LIVE}", posts_all)
    responses_all = _ids(
        conn, f"SELECT id FROM response WHERE report_id {_IN} AND {_LIVE}", reports_all
    )
    attachments_all = _ids(
        conn,
        f"SELECT id FROM attachment WHERE (post_id {_IN} OR response_id {_IN}) AND {_LIVE} "
        "AND purged_at IS NULL AND sha256 IN (SELECT sha256 FROM blob)",  # bytes still here
        posts_all,
        responses_all,
    )
    accounts_all = _ids(conn, f"SELECT author_id FROM post WHERE id {_IN}", posts_all)
    tags_all = _ids(conn, f"SELECT tag_id FROM post_tag WHERE post_id {_IN}", posts_all)

    if since is None:
        posts, reports, responses = posts_all, reports_all, responses_all
        attachments, accounts, tags = attachments_all, accounts_all, tags_all
    else:
        bundles = json.dumps(since_bundles)

        def changed(table: str, ids: set[int]) -> set[int]:
            rows = conn.exec_driver_sql(
                f"SELECT id FROM {table} WHERE id {_IN} AND (updated_at > ? "
                f"OR origin_bundle IN (SELECT value FROM json_each(?)) "
                "OR uid IN (SELECT entity_uid FROM audit_event WHERE at > ?))",
                (json.dumps(sorted(ids)), since, bundles, since),
            )
            return {row[0] for row in rows}

        posts = changed("post", posts_all)
        reports = changed("report", reports_all)
        responses = changed("response", responses_all)
        attachments = changed("attachment", attachments_all)
        accounts = changed("author_account", accounts_all)
        tags = changed("tag", tags_all)
        # Close over references: a record travels with everything it refers to.
        for post_id, response_id in conn.exec_driver_sql(
            f"SELECT post_id, response_id FROM attachment WHERE id {_IN}",
            (json.dumps(sorted(attachments)),),
        ):
            if post_id is not None:
                posts.add(post_id)
            if response_id is not None:
                responses.add(response_id)
        reports |= _ids(conn, f"SELECT report_id FROM response WHERE id {_IN}", responses)
        posts |= _ids(conn, f"SELECT post_id FROM report WHERE id {_IN}", reports)
    accounts |= _ids(conn, f"SELECT author_id FROM post WHERE id {_IN}", posts)
    links = [
        (row[0], row[1])
        for row in conn.exec_driver_sql(
            f"SELECT post_id, tag_id FROM post_tag WHERE post_id {_IN} ORDER BY post_id, tag_id",
            (json.dumps(sorted(posts)),),
        )
    ]
    tags |= {tag_id for _post, tag_id in links}
    ids = {
        "accounts": accounts,
        "posts": posts,
        "tags": tags,
        "reports": reports,
        "responses": responses,
        "attachments": attachments,
    }
    return _Chosen(ids, links)


class _Redactor:
    """Applies the chosen redaction to each JSON record before it is written, with
    ``core.redaction.Redaction.for_partners``: handles and reporters become stable
    pseudonyms rather than one shared "[redacted]", so the partner's indicators still
    count distinct accounts and reporters across bundles; the reporter pseudonym is
    keyed with our signing seed, so nobody can test a guessed name against it.
    """

    def __init__(self, redaction: frozenset[str], keys: OrgKeys) -> None:
        self.redaction = redaction
        self.rules = Redaction.for_partners(redaction, keys.signing_seed)

    def apply(self, kind: str, rec: dict[str, Any]) -> dict[str, Any]:
        if not self.redaction:
            return rec
        rules = self.rules

        def through(name: str, rule: Callable[[str], str]) -> None:
            if name in rec:
                rec[name] = rule(rec[name])

        through("notes", rules.notes)
        if kind == "attachments":
            through("note", rules.notes)
            through("captured_by", rules.researcher)
        if kind == "reports" and rec["reporter"].strip():
            rec["reporter"] = rules.reporter(rec["reporter"], normalise_reporter(rec["reporter"]))
        if kind == "responses":
            through("text", rules.response_text)
        if kind == "retractions":
            through("reason", rules.notes)
        if kind == "audit":
            through("actor", rules.researcher)
            rec["detail"] = rules.detail(rec["detail"])
        if kind == "posts" and "identity_key" in rec:
            rec["identity_key"] = rules.row_identity(rec["identity_key"])
        if kind == "accounts":
            rec["handle"] = rules.author(rec["handle"], rec["uid"])
            through("display_name", rules.author_name)
        return rec


class _Entries:
    """The record files, built and hashed before the ZIP is written, so that the
    signed manifest (which lists every file's hash) can be its first entry."""

    def __init__(self) -> None:
        self.records: dict[str, bytes] = {}
        self.files: dict[str, dict[str, Any]] = {}

    def lines(self, path: str, rows: Iterable[dict[str, Any]]) -> int:
        parts = [
            (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
            for row in rows
        ]
        data = b"".join(parts)
        self.records[path] = data
        self.files[path] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        return len(parts)


def _stored(archive: zipfile.ZipFile, path: str, data: bytes) -> None:
    info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    archive.writestr(info, data)


def _our_actor(org_name: str) -> str:
    """Who acted, as a partner sees it: our organisation, never a login name."""
    return org_name or "this organisation"


def _tombstones(
    conn: Connection, params: IndicatorParams | None, since: int | None
) -> list[dict[str, Any]]:
    """Retraction notices for our own retracted records (CORRECTIONS.md): the uid,
    when and why, never the retracted content."""
    scope = ""
    args: list[Any] = []
    if params is not None:
        posts = set(selected_post_ids(conn, params))
        if params.case_refs:
            posts |= {
                row[0]
                for row in conn.exec_driver_sql(
                    f"SELECT id FROM post WHERE case_ref {_IN}",
                    (json.dumps(list(params.case_refs)),),
                )
            }
        scope = f" AND {{post}} {_IN}"
        args.append(json.dumps(sorted(posts)))
    owner = {
        "posts": ("post", "x.id"),
        "reports": ("report", "x.post_id"),
        "responses": ("response", "(SELECT r.post_id FROM report r WHERE r.id = x.report_id)"),
        "attachments": (
            "attachment",
            "coalesce(x.post_id, (SELECT r.post_id FROM response s JOIN report r "
            "ON r.id = s.report_id WHERE s.id = x.response_id))",
        ),
    }
    out: list[dict[str, Any]] = []
    for kind, (table, post_expr) in owner.items():
        sql = (
            f"SELECT x.uid, x.retracted_at, x.retraction_reason, x.retracted_with FROM {table} x "
            "WHERE x.retracted_at IS NOT NULL AND x.origin_bundle IS NULL "
            "AND coalesce(x.origin_org, '') = ''"
            + scope.format(post=post_expr)
            + ("" if since is None else " AND x.retracted_at > ?")
            + " ORDER BY x.id"
        )
        row_args = [*args, *([] if since is None else [since])]
        for stored_uid, at, reason, stored_carried in conn.exec_driver_sql(sql, tuple(row_args)):
            uid, carried = from_db(stored_uid), from_db(stored_carried)
            out.append(
                {
                    "kind": kind,
                    "uid": uid,
                    "retracted_at": iso_micros(at),
                    "reason": reason or "",
                    "retracted_with": carried if carried and UID_RE.fullmatch(carried) else None,
                }
            )
    return out


def export_bundle(
    store: Store,
    out_path: str | Path,
    *,
    selection: BundleSelection | None = None,
    recipients: Iterable[str] = (),
    passphrase: str | None = None,
    redaction: frozenset[str] = frozenset(),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write a signed, encrypted bundle of the selected cases to ``out_path``.

    Encrypted to ``recipients`` (partner names or age1... keys) or to ``passphrase``,
    never both. Raises ``Cancelled`` (nothing written) when ``cancelled()`` turns true.
    """
    selection = selection or BundleSelection()
    target = Path(out_path)
    recipient_names = [r for r in recipients if r.strip()]
    if bool(recipient_names) == (passphrase is not None):
        raise BadInputError(
            "a bundle needs partners to encrypt to (--recipient) or a passphrase "
            "(--bundle-passphrase-file), not both"
        )
    if passphrase is not None and len(passphrase) < 8:
        raise BadInputError("the bundle passphrase is too short: use 8 characters or more")
    unknown = sorted(redaction - REDACTABLE.keys())
    if unknown:
        raise BadInputError(f"--redact: unknown field {', '.join(unknown)}")
    if not target.parent.is_dir():
        raise BadInputError(f"{target.parent} is not a folder; choose where to write the bundle")

    bundle_id = new_uid()
    made_at = now_utc()
    with store.session() as session:
        org = get_organisation(session)
        keys = load_keys(session)
        chosen_recipients = _resolve_recipients(session, recipient_names)
        since, since_bundles = _since(session, selection.since_last_bundle_to)
    redactor = _Redactor(redaction, keys)

    entries = _Entries()
    counts: dict[str, int] = {}
    buffer = io.BytesIO()
    with store.engine.connect() as conn:
        chosen = _choose(
            conn,
            selection.params,
            None if since is None else to_micros(since),
            since_bundles,
        )
        total = sum(len(v) for v in chosen.ids.values())
        done = 0
        exported_uids: list[str] = []
        shas: set[str] = set()
        tombstones = _tombstones(
            conn, selection.params, None if since is None else to_micros(since)
        )
        actor = _our_actor(org.name)

        def rows_of(kind: Kind) -> Iterable[dict[str, Any]]:
            nonlocal done
            if kind.name == "post_tags":
                link_sql = "SELECT p.uid, t.uid FROM post p, tag t WHERE p.id = ? AND t.id = ?"
                for post_id, tag_id in chosen.links:
                    post_uid, tag_uid = conn.exec_driver_sql(link_sql, (post_id, tag_id)).one()
                    yield {"post": from_db(post_uid), "tag": from_db(tag_uid)}
                return
            if kind.name == "retractions":
                for stone in tombstones:
                    yield redactor.apply("retractions", stone)
                return
            if kind.name == "audit":
                # Only our own events: a partner's events we keep are theirs to send.
                audit_sql = (
                    "SELECT uid, at, actor, action, entity, entity_uid, detail FROM audit_event "
                    f"WHERE entity_uid {IN_UIDS} AND action NOT LIKE '{PARTNER_EVENT}%'"
                    + ("" if since is None else " AND at > ?")
                    + " ORDER BY id"
                )
                uids = [*exported_uids, *(stone["uid"] for stone in tombstones)]
                args: tuple[Any, ...] = (json.dumps(uids),)
                if since is not None:
                    args += (to_micros(since),)
                for row in conn.exec_driver_sql(audit_sql, args):
                    event = to_json_record(kind, tuple(row))
                    event["actor"] = actor  # never the computer's login name
                    yield redactor.apply("audit", event)
                return
            ids = json.dumps(sorted(chosen.ids[kind.name]))
            sql = f"{kind.export_sql()} WHERE x.id {_IN} ORDER BY x.id"
            for row in conn.exec_driver_sql(sql, (ids,)):
                rec = to_json_record(kind, tuple(row))
                if not rec["origin_org"]:
                    rec["origin_org"] = org.name
                exported_uids.append(rec["uid"])
                if kind.name == "attachments":
                    shas.add(rec["sha256"])
                done += 1
                if done % 1000 == 0:
                    if progress:
                        progress(done, total, "collecting records")
                    if cancelled and cancelled():
                        raise Cancelled("bundle export cancelled; nothing was written")
                yield redactor.apply(kind.name, rec)

        for kind in ORDER:
            counts[kind.name] = entries.lines(kind.path, rows_of(kind))
        for sha, blob_size in conn.exec_driver_sql(
            f"SELECT sha256, size FROM blob WHERE sha256 {_IN} ORDER BY sha256",
            (json.dumps(sorted(shas)),),
        ):
            entries.files[f"attachments/{sha}"] = {"sha256": sha, "size": int(blob_size)}
        counts["attachment_files"] = len(shas)

        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "bundle_id": bundle_id,
            "made_at": made_at.isoformat(),
            "app_version": __version__,
            "origin": {
                "name": org.name,
                "uid": org.uid,
                "signing_public_key": keys.signing_public,
                "fingerprint": keys.fingerprint,
            },
            "key_changes": [
                {
                    "notice": base64.b64encode(notice).decode("ascii"),
                    "signature": base64.b64encode(signature).decode("ascii"),
                }
                for notice, signature in keys.key_changes
            ],
            "selection": _describe(selection.params, since),
            "redaction": sorted(redaction),
            "counts": counts,
            "files": entries.files,
        }
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        # The signed manifest comes first, stored: a partner checks who signed the
        # bundle after decrypting only its head (reader.open_bundle).
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            _stored(archive, MANIFEST, manifest_bytes)
            _stored(archive, SIGNATURE, keys.sign(manifest_bytes))
            for path, data in entries.records.items():
                archive.writestr(path, data)
            entries.records.clear()
            for index, sha in enumerate(sorted(shas), start=1):
                blob = conn.exec_driver_sql("SELECT data FROM blob WHERE sha256 = ?", (sha,))
                data = bytes(blob.one()[0])
                if hashlib.sha256(data).hexdigest() != sha:
                    raise VerificationError(
                        f"the stored attachment {sha[:12]} does not match its hash; "
                        "run 'caselog-cli backup' and report this"
                    )
                _stored(archive, f"attachments/{sha}", data)
                if progress:
                    progress(index, len(shas), "adding attachments")
                if cancelled and cancelled():
                    raise Cancelled("bundle export cancelled; nothing was written")
    if progress:
        progress(0, 0, "encrypting")
    _clean_leftovers(target)
    size = _encrypt_to(target, buffer, chosen_recipients.keys, passphrase)
    del buffer
    with store.transaction() as session:
        partner_ids: list[int | None] = [p.id for p in chosen_recipients.partners]
        if selection.since_last_bundle_to is not None:
            since_partner = get_partner(session, selection.since_last_bundle_to)
            if since_partner is not None and since_partner.id not in partner_ids:
                partner_ids.append(since_partner.id)
        partner_ids = partner_ids or [None]
        for partner_id in partner_ids:
            session.add(
                BundleLog(
                    bundle_id=bundle_id,
                    direction="export",
                    partner_id=partner_id,
                    origin_org=org.name,
                    origin_key=keys.signing_public,
                    at=made_at,
                    counts=json.dumps(counts, sort_keys=True),
                )
            )
        append_event(
            session,
            "export",
            entity="bundle",
            entity_uid=bundle_id,
            detail={
                "file": target.name,
                "to": list(chosen_recipients.shown) if recipient_names else ["passphrase"],
                "counts": counts,
                "redaction": sorted(redaction),
                "since": None if since is None else since.isoformat(),
            },
        )
    log.info("bundle exported: %d records", sum(counts.values()))
    if progress:
        progress(1, 1, "done")
    return ExportResult(
        path=target,
        bundle_id=bundle_id,
        counts=counts,
        recipients=chosen_recipients.shown,
        size=size,
        since=since,
        partners=tuple(p.name for p in chosen_recipients.partners),
    )


def _since(session: Session, partner_name: str | None) -> tuple[datetime | None, list[str]]:
    """When the last bundle for the partner was made, and bundles imported since then."""
    if partner_name is None:
        return None, []
    partner = get_partner(session, partner_name)
    if partner is None:
        raise BadInputError(f"--since-last-bundle: no partner named {partner_name!r}")
    last = session.scalars(
        select(BundleLog.at)
        .where(col(BundleLog.partner_id) == partner.id, col(BundleLog.direction) == "export")
        .order_by(col(BundleLog.at).desc())
        .limit(1)
    ).first()
    if last is None:
        return None, []
    imported = list(
        session.scalars(
            select(BundleLog.bundle_id).where(BundleLog.direction == "import", BundleLog.at > last)
        )
    )
    return last, imported


def _describe(params: IndicatorParams | None, since: datetime | None) -> dict[str, Any]:
    out: dict[str, Any] = {"since": None if since is None else since.isoformat()}
    if params is not None:
        out.update(
            {
                "from": iso_micros(to_micros(params.date_from)) if params.date_from else None,
                "to": iso_micros(to_micros(params.date_to)) if params.date_to else None,
                "platform": params.platform,
                "category": params.category,
                "cases": list(params.case_refs),
            }
        )
    return out


def _clean_leftovers(target: Path) -> None:
    """Remove ``.part`` files an earlier, killed export left beside ``target``."""
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        try:
            leftover.unlink()
        except OSError:
            log.warning("could not remove a leftover partial bundle")


def _encrypt_to(
    target: Path,
    buffer: io.BytesIO,
    recipients: list[x25519.Recipient],
    passphrase: str | None,
) -> int:
    """Encrypt into a temporary file beside ``target``, then rename it into place."""
    handle = tempfile.NamedTemporaryFile(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
    )
    temp = Path(handle.name)
    try:
        os.chmod(temp, 0o600)  # only the user may read a bundle, even encrypted
        with handle:
            if passphrase is not None:
                handle.write(pyrage.passphrase.encrypt(buffer.getvalue(), passphrase))
            else:
                buffer.seek(0)
                pyrage.encrypt_io(buffer, handle, recipients)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target.stat().st_size
