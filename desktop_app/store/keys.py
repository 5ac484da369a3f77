"""The organisation's own keys: made at init (or first unlock of an older store),
kept only inside the encrypted store, never written anywhere else.

Rotation (``rotate_keys``) makes a new signing key and age identity. The old ones
are kept, retired, so that bundles already on their way to us still open and our
own older bundles are still recognised as ours; the old signing key signs a
key-change notice that every later bundle carries, so partners can move to the
new key without trusting an unknown one. Only the current keys sign and receive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from desktop_app.core import signing
from desktop_app.core.enums import AuditAction
from desktop_app.core.timeutil import now_utc
from desktop_app.store.audit import append_event
from desktop_app.store.models import OrgKey

SIGNING = "ed25519"
AGE = "age-x25519"
RETIRED = ":retired:"  # kind of a retired key: "ed25519:retired:3"
KEY_CHANGE = "key-change:"  # kind of a signed notice: "key-change:3"


@dataclass(frozen=True)
class OrgKeys:
    signing_seed: bytes
    signing_public: str  # base64 of the raw 32-byte Ed25519 public key
    age_identity: str  # AGE-SECRET-KEY-1...
    age_recipient: str  # age1...
    retired_signing_publics: tuple[str, ...] = ()
    retired_age_identities: tuple[str, ...] = ()
    # (notice bytes, signature by the old key), oldest first
    key_changes: tuple[tuple[bytes, bytes], ...] = field(default=(), repr=False)

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.signing_public)

    def sign(self, data: bytes) -> bytes:
        return signing.sign(self.signing_seed, data)

    @property
    def all_signing_publics(self) -> tuple[str, ...]:
        """Every signing key that was ever ours, the current one first."""
        return (self.signing_public, *self.retired_signing_publics)


def key_change_notice(old_public: str, new_public: str, new_recipient: str, at: datetime) -> bytes:
    """The canonical bytes an old signing key signs to hand over to a new one."""
    doc = {
        "type": "caselog-key-change",
        "old_signing_public_key": old_public,
        "new_signing_public_key": new_public,
        "new_age_recipient": new_recipient,
        "at": at.isoformat(),
    }
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _new_age() -> tuple[bytes, str]:
    from pyrage import x25519

    identity = x25519.Identity.generate()
    return str(identity).encode("ascii"), str(identity.to_public())


def ensure_keys(session: Session) -> bool:
    """Create whichever key is missing; True when one was made (and audited)."""
    have = set(session.scalars(select(OrgKey.kind)))
    made = False
    if SIGNING not in have:
        seed = signing.new_signing_seed()
        public = signing.public_key_b64(seed)
        session.add(OrgKey(kind=SIGNING, private_key=seed, public_key=public))
        append_event(
            session,
            AuditAction.CREATE,
            entity="signing_key",
            detail={"fingerprint": signing.fingerprint(public)},
        )
        made = True
    if AGE not in have:
        private, recipient = _new_age()
        session.add(OrgKey(kind=AGE, private_key=private, public_key=recipient))
        append_event(
            session, AuditAction.CREATE, entity="age_identity", detail={"recipient": recipient}
        )
        made = True
    session.flush()
    return made


def _serial(kind: str) -> int:
    return int(kind.rsplit(":", 1)[1])


def load_keys(session: Session) -> OrgKeys:
    rows = {key.kind: key for key in session.scalars(select(OrgKey))}
    if SIGNING not in rows or AGE not in rows:
        ensure_keys(session)
        rows = {key.kind: key for key in session.scalars(select(OrgKey))}

    def retired(prefix: str) -> list[OrgKey]:
        found = [k for kind, k in rows.items() if kind.startswith(prefix + RETIRED)]
        return sorted(found, key=lambda k: -_serial(k.kind))  # newest first

    notices = sorted(
        (k for kind, k in rows.items() if kind.startswith(KEY_CHANGE)),
        key=lambda k: _serial(k.kind),
    )
    return OrgKeys(
        signing_seed=rows[SIGNING].private_key,
        signing_public=rows[SIGNING].public_key,
        age_identity=rows[AGE].private_key.decode("ascii"),
        age_recipient=rows[AGE].public_key,
        retired_signing_publics=tuple(k.public_key for k in retired(SIGNING)),
        retired_age_identities=tuple(k.private_key.decode("ascii") for k in retired(AGE)),
        key_changes=tuple((k.public_key.encode("utf-8"), k.private_key) for k in notices),
    )


@dataclass(frozen=True)
class Rotation:
    old_fingerprint: str
    new_fingerprint: str
    new_age_recipient: str
    at: datetime


def rotate_keys(session: Session, reason: str = "") -> Rotation:
    """Replace the signing key and age identity inside the caller's transaction.

    The old signing key signs a notice naming the new signing key and age
    recipient (``sharing.reader.key_change_notice``); the notice travels with every
    later bundle. The old keys are kept, retired: they never sign or receive again
    but open bundles sent before partners learned the new key.
    """
    old = load_keys(session)
    rows = {key.kind: key for key in session.scalars(select(OrgKey))}
    serial = 1 + max(
        (_serial(kind) for kind in rows if RETIRED in kind or kind.startswith(KEY_CHANGE)),
        default=0,
    )
    at = now_utc()
    seed = signing.new_signing_seed()
    public = signing.public_key_b64(seed)
    age_private, recipient = _new_age()
    notice = key_change_notice(old.signing_public, public, recipient, at)
    for kind in (SIGNING, AGE):
        current = rows[kind]
        current.kind = f"{kind}{RETIRED}{serial}"
        session.add(current)
    session.flush()
    session.add(OrgKey(kind=SIGNING, private_key=seed, public_key=public))
    session.add(OrgKey(kind=AGE, private_key=age_private, public_key=recipient))
    session.add(
        OrgKey(
            kind=f"{KEY_CHANGE}{serial}",
            private_key=old.sign(notice),
            public_key=notice.decode("utf-8"),
        )
    )
    append_event(
        session,
        "rotate_keys",
        entity="signing_key",
        detail={
            "old_fingerprint": old.fingerprint,
            "new_fingerprint": signing.fingerprint(public),
            "new_age_recipient": recipient,
            "reason": reason,
        },
    )
    session.flush()
    return Rotation(old.fingerprint, signing.fingerprint(public), recipient, at)


__all__ = [
    "AGE",
    "SIGNING",
    "OrgKeys",
    "Rotation",
    "ensure_keys",
    "key_change_notice",
    "load_keys",
    "rotate_keys",
]
