"""Partner cards: one small JSON file with an organisation's name and public keys.

A card carries no secret. Its fingerprint is read out over a phone call to check
that the card really came from the partner before trusting it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core import signing
from desktop_app.core.errors import BadInputError

CARD_FORMAT = "caselog-partner-card"
CARD_VERSION = 1
MAX_CARD_BYTES = 64 << 10  # a card is a few hundred bytes
MAX_NAME = 200


def clean_name(value: object) -> str | None:
    """An organisation name fit to show on one line, or None."""
    if not isinstance(value, str):
        return None
    name = value.strip()
    if not name or len(name) > MAX_NAME:
        return None
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029" for ch in name):
        return None
    return name


@dataclass(frozen=True)
class PartnerCard:
    name: str
    age_recipient: str
    signing_public_key: str

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.signing_public_key)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": CARD_FORMAT,
                "version": CARD_VERSION,
                "name": self.name,
                "age_recipient": self.age_recipient,
                "signing_public_key": self.signing_public_key,
                "fingerprint": self.fingerprint,
            },
            ensure_ascii=False,
            indent=2,
        )

    def write(self, path: str | Path) -> Path:
        target = Path(path)
        target.write_text(self.to_json() + "\n", encoding="utf-8")
        return target


def read_card(path: str | Path) -> PartnerCard:
    """Read and check a card file; a clear error for anything else."""
    source = Path(path)
    try:
        if source.stat().st_size > MAX_CARD_BYTES:
            raise BadInputError(f"{source}: too large for a partner card; it was not read")
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BadInputError(f"{source}: not a readable partner card ({reason})") from None
    if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
        raise BadInputError(f"{source}: not a Caselog partner card")
    name = data.get("name")
    recipient = data.get("age_recipient")
    public = data.get("signing_public_key")
    if not isinstance(name, str) or not name.strip():
        raise BadInputError(f"{source}: the card has no organisation name")
    if clean_name(name) is None:
        raise BadInputError(
            f"{source}: the card's organisation name is too long or has control characters"
        )
    if not isinstance(recipient, str) or not recipient.startswith("age1"):
        raise BadInputError(f"{source}: age_recipient must be an age1... public key")
    if not isinstance(public, str):
        raise BadInputError(f"{source}: signing_public_key is missing")
    try:
        signing.fingerprint(public)
        from pyrage import x25519

        x25519.Recipient.from_str(recipient)
    except Exception as exc:  # noqa: BLE001 - any decoding failure is the same problem
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BadInputError(f"{source}: the card's keys are not valid ({reason})") from None
    card = PartnerCard(name.strip(), recipient, public)
    stated = data.get("fingerprint")
    if stated is not None and stated != card.fingerprint:
        raise BadInputError(f"{source}: the card's fingerprint does not match its key")
    return card
