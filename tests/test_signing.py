import pytest

from desktop_app.core import signing
from desktop_app.core.errors import VerificationError


def test_sign_and_verify_and_tamper() -> None:
    seed = signing.new_signing_seed()
    public = signing.public_key_b64(seed)
    signature = signing.sign(seed, b"manifest")
    signing.verify(public, b"manifest", signature, what="pack")
    with pytest.raises(VerificationError, match="signature does not match"):
        signing.verify(public, b"manifesT", signature, what="pack")
    other = signing.public_key_b64(signing.new_signing_seed())
    with pytest.raises(VerificationError):
        signing.verify(other, b"manifest", signature, what="pack")
    assert len(signing.fingerprint(public).split()) == 8
