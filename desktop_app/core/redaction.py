"""Fields that can be removed from what leaves the building (packs and bundles).

Redaction happens before anything is written: a redacted value never reaches
the output file, and the manifest lists which fields were removed.
"""

from __future__ import annotations

from desktop_app.core.errors import BadInputError

REDACTABLE: dict[str, str] = {
    "reporter": "who made each report",
    "notes": "researchers' notes on posts, reports, responses and attachments",
    "researcher": "researchers' names (who captured evidence, who acted in the custody log)",
    "response_text": "the platform's wording of its decisions",
    "author": "author account handles and display names",
}
REDACTED = "[redacted]"


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
