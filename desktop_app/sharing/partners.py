"""The partner directory: who may open our bundles and whose bundles we trust.

A partner is added from its card (``cards.py``) after its fingerprint was read out
over a phone call. Every change is audited in the same transaction.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, update
from sqlmodel import Session, col, select

from desktop_app.core import signing
from desktop_app.core.enums import AuditAction
from desktop_app.core.errors import BadInputError
from desktop_app.core.timeutil import now_utc
from desktop_app.sharing.cards import PartnerCard, read_card
from desktop_app.store.audit import append_event
from desktop_app.store.engine import Store
from desktop_app.store.models import BundleLog, Partner, Setting
from desktop_app.store.types import to_micros

SUCCESSIONS = "sharing.key_successions"  # setting: {old signing key: the key that replaced it}

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PartnerInfo:
    """One partner as the window and the CLI show it."""

    name: str
    fingerprint: str
    age_recipient: str
    signing_public_key: str
    added_at: datetime
    last_bundle_sent_at: datetime | None = None


def _info(session: Session, partner: Partner) -> PartnerInfo:
    last = session.scalar(
        select(func.max(BundleLog.at)).where(
            col(BundleLog.partner_id) == partner.id, col(BundleLog.direction) == "export"
        )
    )
    return PartnerInfo(
        name=partner.name,
        fingerprint=signing.fingerprint(partner.signing_public_key),
        age_recipient=partner.age_recipient,
        signing_public_key=partner.signing_public_key,
        added_at=partner.created_at,
        last_bundle_sent_at=last,
    )


def add_partner(store: Store, card: PartnerCard, *, notes: str = "") -> PartnerInfo:
    """Add a partner from its card; refuse a second partner with the same name or key."""
    with store.transaction() as session:
        if get_partner(session, card.name) is not None:
            raise BadInputError(
                f"a partner named {card.name!r} already exists: remove it first to replace it"
            )
        same_key = find_partner_by_signing_key(session, card.signing_public_key)
        if same_key is not None:
            raise BadInputError(
                f"this card's signing key is already the key of partner {same_key.name!r}"
            )
        partner = Partner(
            name=card.name,
            age_recipient=card.age_recipient,
            signing_public_key=card.signing_public_key,
            notes=notes,
        )
        session.add(partner)
        session.flush()
        append_event(
            session,
            AuditAction.CREATE,
            entity="partner",
            entity_uid=partner.uid,
            detail={"name": partner.name, "fingerprint": card.fingerprint},
        )
        log.info("partner added")
        return _info(session, partner)


def add_partner_from_card(store: Store, path: str | Path) -> PartnerInfo:
    """Read a partner card file and add the partner it names."""
    return add_partner(store, read_card(path))


def list_partners(store: Store) -> list[PartnerInfo]:
    """Every partner, by name."""
    with store.session() as session:
        partners = session.scalars(select(Partner).order_by(Partner.name)).all()
        return [_info(session, partner) for partner in partners]


def get_partner(session: Session, name: str) -> Partner | None:
    """The partner with this name (compared trimmed and casefolded), or None."""
    wanted = name.strip().casefold()
    for partner in session.scalars(select(Partner)):
        if partner.name.strip().casefold() == wanted:
            return partner
    return None


def find_partner_by_signing_key(session: Session, public_key: str) -> Partner | None:
    """The partner whose bundles this Ed25519 key signs, or None."""
    return session.scalars(
        select(Partner).where(col(Partner.signing_public_key) == public_key)
    ).first()


def remove_partner(store: Store, name: str) -> PartnerInfo:
    """Remove a partner: its bundles are no longer trusted, and cannot be sent to it.

    The bundle log keeps its rows (for provenance) without the link to the partner.
    """
    with store.transaction() as session:
        partner = get_partner(session, name)
        if partner is None:
            raise BadInputError(f"no partner named {name!r}: see 'caselog-cli partner list'")
        info = _info(session, partner)
        session.execute(
            update(BundleLog).where(col(BundleLog.partner_id) == partner.id).values(partner_id=None)
        )
        append_event(
            session,
            AuditAction.DELETE,
            entity="partner",
            entity_uid=partner.uid,
            detail={"name": partner.name, "fingerprint": info.fingerprint},
        )
        session.delete(partner)
        log.info("partner removed")
        return info


def key_successions(session: Session) -> dict[str, str]:
    """Partners' old signing keys and the keys their signed notices moved them to."""
    row = session.get(Setting, SUCCESSIONS)
    if row is None:
        return {}
    try:
        data = json.loads(row.value)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def record_key_change(
    conn: Connection,
    writer: Any,
    partner: Partner,
    *,
    old_keys: list[str],
    new_key: str,
    new_recipient: str,
    bundle_id: str,
) -> None:
    """Move a partner to the keys its old key vouched for (inside the merge's
    transaction): later bundles are encrypted to the new age key, and records the
    old key brought stay the partner's. ``writer`` is the merge's ``store.writer``."""
    row = conn.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (SUCCESSIONS,)).first()
    successions: dict[str, str] = {}
    if row is not None:
        try:
            successions = dict(json.loads(row[0]))
        except ValueError:
            successions = {}
    old_key = partner.signing_public_key
    successions[old_key] = new_key
    for key in old_keys:
        successions.setdefault(key, new_key)
    successions.pop(new_key, None)
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
        (SUCCESSIONS, json.dumps(successions, sort_keys=True)),
    )
    conn.exec_driver_sql(
        "UPDATE partner SET signing_public_key = ?, age_recipient = ?, updated_at = ? WHERE id = ?",
        (new_key, new_recipient or partner.age_recipient, to_micros(now_utc()), partner.id),
    )
    writer.audit(
        "key_change",
        entity="partner",
        entity_uid=partner.uid,
        detail={
            "name": partner.name,
            "bundle": bundle_id,
            "old_fingerprint": signing.fingerprint(old_key),
            "new_fingerprint": signing.fingerprint(new_key),
            "new_age_recipient": new_recipient,
        },
    )
    log.info("partner moved to a new key through its signed notice")
