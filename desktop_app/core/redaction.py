"""Redaction, once: which fields can be removed from what leaves the building
(evidence packs, workbooks, partner bundles), and how each is removed.

Redaction happens before anything is written: a redacted value never reaches the
output file, and the manifest lists which fields were removed. Free text (notes,
researchers' names, the platform's wording) becomes ``[redacted]``. Reporters and
author accounts become pseudonyms (keyed HMAC-SHA256), never one shared
placeholder, so distinct counts can still be checked; how far a pseudonym reaches
is the one thing that differs between outputs, by design:

* ``Redaction(fields)`` (packs and workbooks): a random key of this export only.
  The same reporter or account has the same pseudonym everywhere in one pack, yet
  nothing links it to the real name or to another pack, which is what protects a
  reporter when packs go to platforms or courts.
* ``Redaction.for_partners(fields, signing_seed)`` (bundles): a key derived from
  the organisation's signing seed, so a partner who merges bundle after bundle
  sees one reporter as one reporter and its indicators count them right; nobody
  without the seed can test a guessed name against a pseudonym. Its text forms
  (``[redacted reporter …]``, ``[redacted author <uid>]``, the whole uid) stay the
  same from bundle to bundle, so a partner's merged records stay the same.

Audit events are redacted with :func:`redact_detail` wherever their detail names a
redacted field, an edit's old and new values included.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.errors import BadInputError

REDACTABLE: dict[str, str] = {
    "reporter": "who made each report",
    "notes": "researchers' notes on posts, reports, responses and attachments",
    "researcher": "researchers' names (who captured evidence, who acted in the custody log)",
    "response_text": "the platform's wording of its decisions",
    "author": "author account handles and display names",
}
REDACTED = "[redacted]"

# Redaction field -> the keys that carry it in a record or an audit event's detail
# (an edit's old and new values, a created record's fields, a retraction's reason).
DETAIL_KEYS: dict[str, frozenset[str]] = {
    "reporter": frozenset({"reporter", "reporter_key"}),
    "notes": frozenset({"notes", "note", "reason"}),
    "researcher": frozenset({"captured_by", "researcher", "actor"}),
    "response_text": frozenset({"text", "response_text"}),
    "author": frozenset({"handle", "display_name", "author", "author_handle", "handle_key"}),
}
_NAMED_VALUES = ("old", "new", "value", "before", "after")
_EXPORT = "export"
_PARTNERS = "partners"


def parse_redaction(text: str | None) -> frozenset[str]:
    """``reporter,notes`` -> {"reporter", "notes"}; unknown names are a clear error."""
    if not text:
        return frozenset()
    names = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(names - REDACTABLE.keys())
    if unknown:
        allowed = ", ".join(REDACTABLE)
        raise BadInputError(f"--redact: unknown field {', '.join(unknown)} (use: {allowed})")
    return frozenset(names)


def hidden_keys(fields: frozenset[str]) -> frozenset[str]:
    """Every detail key that the redaction ``fields`` hide."""
    return frozenset(key for name in fields for key in DETAIL_KEYS.get(name, ()))


def _blank_all(value: Any) -> Any:
    """Every non-empty leaf of ``value`` as the placeholder (the shape is kept)."""
    if isinstance(value, dict):
        return {k: _blank_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_blank_all(v) for v in value]
    return REDACTED if value not in (None, "", False) else value


def redact_detail(
    value: Any,
    hidden: frozenset[str],
    removed: list[str] | None = None,
    path: str = "detail",
) -> Any:
    """``value`` with every key in ``hidden`` blanked, at any depth, also inside
    ``{"field": name, "old": ..., "new": ...}`` shapes. The path of each blanked
    non-empty value (``detail.notes``) is added to ``removed`` when given."""
    if not hidden:
        return value
    if isinstance(value, list):
        return [
            redact_detail(item, hidden, removed, f"{path}[{i}]") for i, item in enumerate(value)
        ]
    if not isinstance(value, dict):
        return value
    named = value.get("field") in hidden or value.get("name") in hidden
    out: dict[str, Any] = {}
    for key, item in value.items():
        blank = key in hidden or (named and key in _NAMED_VALUES)
        if blank and item not in (None, "", False):
            out[key] = _blank_all(item)
            if removed is not None:
                removed.append(f"{path}.{key}")
        elif blank:
            out[key] = item
        else:
            out[key] = redact_detail(item, hidden, removed, f"{path}.{key}")
    return out


@dataclass(frozen=True)
class Redaction:
    """Which fields of REDACTABLE to remove, and the key of the pseudonyms."""

    fields: frozenset[str] = frozenset()
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    scope: str = _EXPORT  # "export": this export only; "partners": see for_partners

    def __post_init__(self) -> None:
        unknown = self.fields - REDACTABLE.keys()
        if unknown:
            raise ValueError(f"not redactable: {sorted(unknown)}")
        if self.scope not in (_EXPORT, _PARTNERS):
            raise ValueError(f"unknown redaction scope {self.scope!r}")

    @classmethod
    def for_partners(cls, fields: frozenset[str], signing_seed: bytes) -> Redaction:
        """Pseudonyms stable across every bundle this organisation makes."""
        key = hashlib.sha256(b"caselog-redaction\x00" + signing_seed).digest()
        return cls(frozenset(fields), key, _PARTNERS)

    def pseudonym(self, kind: str, value: str) -> str:
        """The pseudonym of ``value`` (a reporter key, an account id or uid)."""
        if self.scope == _PARTNERS:
            digest = hmac.new(self.key, f"{kind}\x00{value}".encode(), hashlib.sha256)
            return f"[redacted {kind} {digest.hexdigest()[:12]}]"
        digest = hmac.new(self.key, f"{kind}\x1f{value}".encode(), hashlib.sha256)
        return f"{kind}-{digest.hexdigest()[:10]}"

    def reporter(self, shown: str, key: str) -> str:
        """The reporter as written (``key``: trimmed, casefolded; empty = unknown)."""
        if not key:
            return "" if self.scope == _EXPORT else shown
        return self.pseudonym("reporter", key) if "reporter" in self.fields else shown

    def author(self, handle: str, account: int | str | None) -> str:
        """The author handle, or a pseudonym per account (its id; a bundle: its uid)."""
        if account is None:
            return ""
        if "author" not in self.fields:
            return handle
        if self.scope == _PARTNERS:
            # The whole uid (the account record carries it anyway): its first 8
            # characters were unique among random (v4) uids, but a UUIDv7 begins with
            # its creation time, so every account made in the same minute or so had
            # one placeholder and a partner's merge counted them as one account.
            return f"[redacted author {account}]"
        return self.pseudonym("account", str(account))

    def row_identity(self, identity_key: str) -> str:
        """A post's ``row:<platform>:<sha256>`` key (a post with neither link nor
        reference: the hash of its row, author and reporter included) keyed with the
        redaction key, when author or reporter is redacted. The plain hash of a
        redacted name and the fields sent beside it can be tested against guesses;
        the keyed one cannot. Stable across our bundles, as the pseudonyms are."""
        if not identity_key.startswith("row:") or not {"author", "reporter"} & self.fields:
            return identity_key
        head, _sep, _digest = identity_key.rpartition(":")
        keyed = hmac.new(self.key, b"row-identity\x00" + identity_key.encode(), hashlib.sha256)
        return f"{head}:{keyed.hexdigest()}"

    def author_name(self, name: str) -> str:
        return REDACTED if name and "author" in self.fields else name

    def notes(self, text: str) -> str:
        return REDACTED if text and "notes" in self.fields else text

    def researcher(self, name: str) -> str:
        return REDACTED if name and "researcher" in self.fields else name

    def response_text(self, text: str) -> str:
        return REDACTED if text and "response_text" in self.fields else text

    def detail(self, value: Any, removed: list[str] | None = None) -> Any:
        """An audit event's detail with the redacted fields blanked (:func:`redact_detail`)."""
        return redact_detail(value, hidden_keys(self.fields), removed)

    def describe(self) -> dict[str, str]:
        """Field -> what it covers, for the manifest and the pages."""
        return {name: REDACTABLE[name] for name in sorted(self.fields)}


NO_REDACTION = Redaction()

__all__ = [
    "DETAIL_KEYS",
    "NO_REDACTION",
    "REDACTABLE",
    "REDACTED",
    "Redaction",
    "hidden_keys",
    "parse_redaction",
    "redact_detail",
]
