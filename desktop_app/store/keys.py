"""The organisation's own keys: made at init (or first unlock of an older store),
kept only inside the encrypted store, never written anywhere else."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from desktop_app.core import signing
from desktop_app.core.enums import AuditAction
from desktop_app.store.audit import append_event
from desktop_app.store.models import OrgKey

SIGNING = "ed25519"
AGE = "age-x25519"


@dataclass(frozen=True)
class OrgKeys:
    signing_seed: bytes
    signing_public: str  # base64 of the raw 32-byte Ed25519 public key
    age_identity: str  # AGE-SECRET-KEY-1...
    age_recipient: str  # age1...

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.signing_public)

    def sign(self, data: bytes) -> bytes:
        return signing.sign(self.signing_seed, data)


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
        from pyrage import x25519

        identity = x25519.Identity.generate()
        recipient = str(identity.to_public())
        session.add(
            OrgKey(kind=AGE, private_key=str(identity).encode("ascii"), public_key=recipient)
        )
        append_event(
            session, AuditAction.CREATE, entity="age_identity", detail={"recipient": recipient}
        )
        made = True
    session.flush()
    return made


def load_keys(session: Session) -> OrgKeys:
    rows = {key.kind: key for key in session.scalars(select(OrgKey))}
    if SIGNING not in rows or AGE not in rows:
        ensure_keys(session)
        rows = {key.kind: key for key in session.scalars(select(OrgKey))}
    return OrgKeys(
        signing_seed=rows[SIGNING].private_key,
        signing_public=rows[SIGNING].public_key,
        age_identity=rows[AGE].private_key.decode("ascii"),
        age_recipient=rows[AGE].public_key,
    )
