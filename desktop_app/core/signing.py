"""Ed25519 signatures and key fingerprints (no store, no Qt).

``verify-pack`` and bundle import use these with only the public key that travels
in the manifest, so anyone can check a pack offline.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop_app.core.errors import VerificationError


def new_signing_seed() -> bytes:
    """32 random bytes: the private Ed25519 key."""
    return Ed25519PrivateKey.generate().private_bytes_raw()


def public_key_b64(seed: bytes) -> str:
    key = Ed25519PrivateKey.from_private_bytes(seed).public_key()
    return base64.b64encode(key.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def fingerprint(public_b64: str) -> str:
    """A short, readable fingerprint to compare over a phone call: 8 groups of 4 hex."""
    digest = hashlib.sha256(base64.b64decode(public_b64)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def sign(seed: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).sign(data)


def verify(public_b64: str, data: bytes, signature: bytes, *, what: str) -> None:
    """Raise VerificationError unless ``signature`` is the key's signature of ``data``."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64, validate=True))
        key.verify(signature, data)
    except (InvalidSignature, ValueError) as exc:
        raise VerificationError(
            f"{what}: the signature does not match; the file was changed or not signed "
            "by the key it names"
        ) from exc
