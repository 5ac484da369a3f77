"""Plain-language names for the codes people read in the window.

Categories, outcomes and channels are stored (and exported) as codes such as
``hate_speech`` or ``no_violation``; everywhere in the window a person reads the
names below. They use one fixed translation context, so ``lupdate`` finds them.
Unknown codes (free-text categories) are shown as they were typed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Vocabulary"

_NAMES: dict[str, dict[str, str]] = {
    "outcome": {
        "pending": QT_TRANSLATE_NOOP("Vocabulary", "Pending"),
        "acknowledged": QT_TRANSLATE_NOOP("Vocabulary", "Acknowledged"),
        "under_review": QT_TRANSLATE_NOOP("Vocabulary", "Under review"),
        "removed": QT_TRANSLATE_NOOP("Vocabulary", "Removed"),
        "restricted": QT_TRANSLATE_NOOP("Vocabulary", "Restricted"),
        "account_suspended": QT_TRANSLATE_NOOP("Vocabulary", "Account suspended"),
        "account_banned": QT_TRANSLATE_NOOP("Vocabulary", "Account banned"),
        "no_violation": QT_TRANSLATE_NOOP("Vocabulary", "No violation found"),
    },
    "category": {
        "hate_speech": QT_TRANSLATE_NOOP("Vocabulary", "Hate speech"),
        "incitement": QT_TRANSLATE_NOOP("Vocabulary", "Incitement to violence"),
        "misinformation": QT_TRANSLATE_NOOP("Vocabulary", "Misinformation"),
        "harassment": QT_TRANSLATE_NOOP("Vocabulary", "Harassment"),
        "fake_account": QT_TRANSLATE_NOOP("Vocabulary", "Fake account"),
        "other": QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    },
    "channel": {
        "in_app": QT_TRANSLATE_NOOP("Vocabulary", "In the app"),
        "trusted_partner": QT_TRANSLATE_NOOP("Vocabulary", "Trusted-partner channel"),
        "email": QT_TRANSLATE_NOOP("Vocabulary", "E-mail"),
        "web_form": QT_TRANSLATE_NOOP("Vocabulary", "Web form"),
        "other": QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    },
}


def _name(kind: str, code: str | None) -> str:
    if not code:
        return ""
    source = _NAMES[kind].get(code)
    if source is None:
        return code  # free text as typed
    return QCoreApplication.translate(CONTEXT, source)


def outcome_name(code: str | None) -> str:
    return _name("outcome", code)


def category_name(code: str | None) -> str:
    return _name("category", code)


def channel_name(code: str | None) -> str:
    return _name("channel", code)


def codes(kind: str) -> list[str]:
    """The known codes of a vocabulary, in their usual order."""
    return list(_NAMES[kind])


def numerus(text: str, n: int) -> str:
    """Finish a ``tr("%n case(s)", "", n)`` when no translation supplied the plural.

    The source texts are English and English installs no translator, so Qt leaves
    "(s)" in place; this turns "1 case(s)" into "1 case" and "2 case(s)" into
    "2 cases". A translated text has no "(s)" and passes unchanged.
    """
    return text.replace("(s)", "" if n == 1 else "s")


def duration_text(hours: float) -> str:
    """A waiting time or time to decision: hours up to 48, then days ("3.2 days")."""
    if hours > 48:
        return QCoreApplication.translate(CONTEXT, "{0} days").format(f"{hours / 24:,.1f}")
    return QCoreApplication.translate(CONTEXT, "{0} h").format(f"{hours:,.1f}")
