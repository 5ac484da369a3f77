"""Vocabularies of INDICATORS.md and IMPORT_FORMAT.md."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """What the platform said about a report."""

    ACKNOWLEDGED = "acknowledged"
    UNDER_REVIEW = "under_review"
    REMOVED = "removed"
    RESTRICTED = "restricted"
    ACCOUNT_SUSPENDED = "account_suspended"
    ACCOUNT_BANNED = "account_banned"
    NO_VIOLATION = "no_violation"

    @property
    def is_final(self) -> bool:
        return self in FINAL_OUTCOMES

    @property
    def is_actioned(self) -> bool:
        return self in ACTIONED_OUTCOMES


INTERIM_OUTCOMES = frozenset({Outcome.ACKNOWLEDGED, Outcome.UNDER_REVIEW})
FINAL_OUTCOMES = frozenset(
    {
        Outcome.REMOVED,
        Outcome.RESTRICTED,
        Outcome.ACCOUNT_SUSPENDED,
        Outcome.ACCOUNT_BANNED,
        Outcome.NO_VIOLATION,
    }
)
ACTIONED_OUTCOMES = frozenset(
    {
        Outcome.REMOVED,
        Outcome.RESTRICTED,
        Outcome.ACCOUNT_SUSPENDED,
        Outcome.ACCOUNT_BANNED,
    }
)


class Channel(StrEnum):
    """How a report reached the platform."""

    IN_APP = "in_app"
    TRUSTED_PARTNER = "trusted_partner"
    EMAIL = "email"
    WEB_FORM = "web_form"
    OTHER = "other"


class Category(StrEnum):
    """Suggested categories; free text is accepted as well."""

    HATE_SPEECH = "hate_speech"
    INCITEMENT = "incitement"
    MISINFORMATION = "misinformation"
    HARASSMENT = "harassment"
    FAKE_ACCOUNT = "fake_account"
    OTHER = "other"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"
    REKEY = "rekey"
    MIGRATE = "migrate"
    EXPORT = "export"  # a partner bundle was made
    CONFLICT = "conflict"  # a merged record differed from ours (BUNDLE.md)
    # Corrections (CORRECTIONS.md): each carries its reason.
    EDIT = "edit"  # fields changed; detail.changes has each field's old and new value
    RETRACT = "retract"
    RESTORE = "restore"
    PURGE = "purge"  # an attachment's bytes erased; detail keeps sha256, size, name
