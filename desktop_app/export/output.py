"""Writing an export safely: a temporary file beside the target, renamed at the end,
and the progress and cancel callbacks that long work shares with the window."""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from desktop_app.core.errors import BadInputError, Cancelled

# ``secrets`` (with ``random``, ``hashlib``, ``hmac``: 0.007 s) is imported where a
# name is made, not here: the window cleans an export's leftovers before its unlock
# page is painted, and that needs none of it (issue 15).

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
    import secrets

    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")
    os.close(open_private(temp))  # owner-only from the first byte
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


PARTIAL_SUFFIX = ".partial"
_LEFTOVER = re.compile(r"^\..+\.[0-9a-f]{8}(\.partial|\.base\.xlsx|\.xlsx)$")


def open_private(path: Path) -> int:
    """Create ``path`` for writing, readable by its owner only (0600), never reusing a file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, 0o600)


def write_private(target: Path, data: bytes | bytearray | memoryview) -> None:
    """Write ``data`` to ``target`` (0600) through a temporary name renamed at the end."""
    import secrets

    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")
    try:
        fd = open_private(temp)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def scratch_dir() -> Path:
    """The app's own scratch folder (owner-only, in the data folder, not $TMPDIR) for
    the few parts a library insists on writing to disk (openpyxl's sheet files)."""
    from desktop_app.paths import data_dir

    folder = Path(os.environ.get("CASELOG_SCRATCH") or data_dir() / "scratch")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def scratch_path(suffix: str) -> Path:
    """A new owner-only file in ``scratch_dir()``, named after this process."""
    import secrets

    path = scratch_dir() / f"{os.getpid()}-{secrets.token_hex(6)}{suffix}"
    os.close(open_private(path))
    return path


@contextmanager
def private_output(target: Path) -> Iterator[BinaryIO]:
    """An owner-only file in ``scratch_dir()`` to write a large export into, moved onto
    ``target`` when the block ends without an error.

    Nothing is ever beside ``target`` or in $TMPDIR while it is written: a killed export
    leaves only this scratch file, which ``clean_leftovers`` removes at the next start;
    on an error or a cancel it is removed at once. When the scratch folder is on the
    target's disk the file is renamed (atomic); otherwise it is copied through
    ``write_private``'s temporary name beside the target.
    """
    temp = scratch_path(PARTIAL_SUFFIX)
    try:
        with open(temp, "r+b") as handle:  # created 0600 by scratch_path
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _move_into(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _move_into(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    import secrets

    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")
    try:
        with open(temp, "rb") as source, os.fdopen(open_private(partial), "wb") as copy:
            shutil.copyfileobj(source, copy, 1 << 20)
            copy.flush()
            os.fsync(copy.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def clean_leftovers(folder: str | Path | None = None) -> list[Path]:
    """Remove what a killed export left: in ``folder``, ``.<name>.<8 hex>.partial``
    files (and older scratch workbooks); in ``scratch_dir()``, the files of processes
    that no longer run. Call it at start (the window and the CLI) with the folder of
    the last export, or None; returns what was removed."""
    removed: list[Path] = []
    for entry in _entries(scratch_dir()):
        pid = entry.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)) and entry.is_file():
            try:
                entry.unlink()
                removed.append(entry)
            except OSError as exc:
                log.warning("could not remove the leftover %s: %s", entry, exc)
    for entry in _entries(Path(folder)) if folder is not None else []:
        if _LEFTOVER.match(entry.name) and entry.is_file() and not entry.is_symlink():
            try:
                entry.unlink()
                removed.append(entry)
            except OSError as exc:
                log.warning("could not remove the leftover %s: %s", entry, exc)
    return removed


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


@contextmanager
def scratch_file(beside: Path, suffix: str) -> Iterator[Path]:
    """A temporary file beside the output (same disk as the plain output), always removed."""
    import secrets

    temp = beside.with_name(f".{beside.name}.{secrets.token_hex(4)}{suffix}")
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)


def ascii_name(name: str, *, default: str = "file", limit: int = 80) -> str:
    """A file name of ASCII letters, digits, ``.``, ``-`` and ``_`` only.

    Pack paths must survive every unzip and zip tool (Info-ZIP, Windows, macOS), which
    disagree about non-ASCII names; the original name is kept in the manifest and the
    case records. Accents are dropped (``é`` -> ``e``); other scripts are replaced, and
    the extension is kept when it is ASCII.
    """
    base = safe_name(name, default=default, limit=limit * 2)
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""

    def fold(text: str) -> str:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        return re.sub("_+", "_", re.sub(r"[^A-Za-z0-9._-]+", "_", text)).strip("._ ")

    stem, ext = fold(stem), fold(ext)
    folded = f"{stem or default}.{ext}" if ext else (stem or default)
    if len(folded) > limit:
        stem, dot, ext = folded.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            folded = stem[: limit - len(ext) - 1] + "." + ext
        else:
            folded = folded[:limit]
    return folded


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
