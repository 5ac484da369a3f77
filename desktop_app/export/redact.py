"""Applying ``--redact`` to what an export writes.

A redacted value is replaced before it reaches any output. Reporters and authors
become pseudonyms made with a random key of this export only: the same person or
account gets the same pseudonym everywhere in one pack (so the distinct counts can
still be checked by hand), yet nothing links it to the real name or to another pack.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from desktop_app.core.redaction import REDACTABLE, REDACTED


@dataclass(frozen=True)
class Redaction:
    """Which fields of REDACTABLE to remove, and this export's pseudonym key."""

    fields: frozenset[str] = frozenset()
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    def __post_init__(self) -> None:
        unknown = self.fields - REDACTABLE.keys()
        if unknown:
            raise ValueError(f"not redactable: {sorted(unknown)}")

    def _pseudonym(self, kind: str, value: str) -> str:
        digest = hmac.new(self.key, f"{kind}\x1f{value}".encode(), hashlib.sha256)
        return f"{kind}-{digest.hexdigest()[:10]}"

    def reporter(self, shown: str, key: str) -> str:
        """The reporter as written (``key``: trimmed, casefolded; empty = unknown)."""
        if not key:
            return ""
        return self._pseudonym("reporter", key) if "reporter" in self.fields else shown

    def author(self, handle: str, account_id: int | None) -> str:
        """The author handle, or a pseudonym per account."""
        if account_id is None:
            return ""
        return self._pseudonym("account", str(account_id)) if "author" in self.fields else handle

    def author_name(self, name: str) -> str:
        return REDACTED if name and "author" in self.fields else name

    def notes(self, text: str) -> str:
        return REDACTED if text and "notes" in self.fields else text

    def researcher(self, name: str) -> str:
        return REDACTED if name and "researcher" in self.fields else name

    def response_text(self, text: str) -> str:
        return REDACTED if text and "response_text" in self.fields else text

    def describe(self) -> dict[str, str]:
        """Field -> what it covers, for the manifest and the pages."""
        return {name: REDACTABLE[name] for name in sorted(self.fields)}


NO_REDACTION = Redaction()
