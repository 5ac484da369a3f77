"""Typed errors with a plain message for a person and an exit code for the CLI.

The window shows ``message`` in a dialog; the CLI prints it on one line and exits
with ``exit_code``. Anything else that escapes is a bug.
"""

from __future__ import annotations


class AppError(Exception):
    """Base of every error a user may see. ``exit_code`` follows CLI.md."""

    exit_code = 1
    code = "failed"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInputError(AppError):
    """The user's input (a file, an option, a value) is wrong: exit status 2."""

    exit_code = 2
    code = "bad_input"


class StoreLockedError(AppError):
    """The store could not be unlocked (no passphrase, wrong passphrase): exit 3."""

    exit_code = 3
    code = "locked"


class StoreBusyError(AppError):
    """Another task holds the store's write lock past the busy timeout; retry later."""

    exit_code = 1
    code = "busy"


class StoreNotFoundError(AppError):
    """No store at the given path (a usage problem): exit 2."""

    exit_code = 2
    code = "no_store"


class StoreExistsError(AppError):
    """``init`` refuses to overwrite an existing file: exit 2."""

    exit_code = 2
    code = "store_exists"


class VerificationError(AppError):
    """A pack or bundle failed verification: exit 4."""

    exit_code = 4
    code = "verification"


class Cancelled(AppError):
    """Long work was cancelled by the user; nothing was written."""

    exit_code = 1
    code = "cancelled"
