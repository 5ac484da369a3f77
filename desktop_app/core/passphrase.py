"""The one rule for a new passphrase, shared by the window and the command line."""

from __future__ import annotations

MIN_PASSPHRASE_LENGTH = 10


def passphrase_problem(text: str) -> str | None:
    """Why ``text`` is refused as a new passphrase, or None when it is accepted."""
    if not text.strip():
        return "the passphrase is empty or only spaces"
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return (
            f"the passphrase is too short ({len(text)} characters; use at least "
            f"{MIN_PASSPHRASE_LENGTH}, ideally four or more words)"
        )
    return None
