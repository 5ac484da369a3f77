"""Writing an export safely: a temporary file beside the target, renamed at the end,
and the progress and cancel callbacks that long work shares with the window."""

from __future__ import annotations

import logging
import os
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.core.errors import BadInputError, Cancelled

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]


class Steps:
    """Reports progress and stops long work when the user cancels."""

    def __init__(
        self,
        progress: Progress | None,
        cancelled: CancelCheck | None,
        what: str,
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self.what = what

    def report(self, done: int, total: int, stage: str) -> None:
        if self._progress is not None:
            self._progress(done, total, stage)

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled(f"{self.what} cancelled; no file was written")


def check_target(target: Path, suffix: str) -> Path:
    """A clear error before any work when the output path cannot be written."""
    target = Path(target)
    if target.suffix.lower() != suffix:
        raise BadInputError(f"{target}: the file name must end in {suffix}")
    if target.is_dir():
        raise BadInputError(f"{target} is a folder: give a file name ending in {suffix}")
    if not target.parent.is_dir():
        raise BadInputError(f"{target.parent} does not exist: create the folder first")
    return target


@contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    On any error (cancel included) the temporary file is removed, so a failed export
    never leaves a partial file that could be mistaken for a whole one.
    """
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def scratch_file(beside: Path, suffix: str) -> Iterator[Path]:
    """A temporary file beside the output (same disk as the plain output), always removed."""
    temp = beside.with_name(f".{beside.name}.{secrets.token_hex(4)}{suffix}")
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)


def _keep(ch: str) -> bool:
    """Letters, marks (Burmese vowel signs and stacking), digits, and . - _"""
    return unicodedata.category(ch)[0] in "LMN" or ch in ".-_"


def safe_name(name: str, *, default: str = "file", limit: int = 96) -> str:
    """A file name that cannot climb out of its folder or upset any file system.

    Keeps letters and marks of every script (Burmese included), digits, ``.``, ``-``
    and ``_``; drops any folder part; everything else becomes ``_``.
    """
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = re.sub("_+", "_", "".join(ch if _keep(ch) else "_" for ch in base)).strip("._ ")
    while ".." in base:
        base = base.replace("..", ".")
    if not base:
        return default
    if len(base) > limit:
        stem, dot, ext = base.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            base = stem[: limit - len(ext) - 1] + "." + ext
        else:
            base = base[:limit]
    return base
