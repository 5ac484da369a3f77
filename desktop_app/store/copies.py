"""The copies ``migrate()`` keeps beside a store, and their erasing.

``store.engine.migrate`` copies the store to ``<name>.before-REV-TIME.bak`` before it
changes the schema, and names the copy in its MIGRATE custody event. Such a copy
still holds a purged file's bytes and opens with the old passphrase, so a purge
(``store.corrections.purge_attachment``) and a passphrase change
(``store.engine.rekey``) erase the copies the store's own events name, once their
own work is committed; a copy that may be in use, or that shares its bytes with
another name, is left and named with the reason (README, on updates of the store).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

# ``<name>.before-<REV>-<YYYYmmddTHHMMSSZ>.bak``: the name migrate() gives its copy of
# the store ``<name>`` (a store that is itself such a copy gets a nested name).
_COPY_NAME = r".+\.before-\w+-\d{8}T\d{6}Z\.bak"
# SQLite's files beside a database that is open, or was opened and not closed cleanly.
_LEAVES = ("-wal", "-shm", "-journal")
IN_USE = (
    "it is open, or was opened as a store (its -wal, -shm or -journal is beside it), "
    "and may hold work of its own: close it first"
)
CHANGED = (
    "it was written to after the update made it (opened as a store?) and may hold work of its own"
)


class MigrationCopy(NamedTuple):
    """A copy migrate() made of this store, as its MIGRATE custody event records it:
    the file name beside the store and when the event was written (just after the
    copy was made: a copy changed later was opened as a store since)."""

    name: str
    made_at: datetime


class MigrationCopies(NamedTuple):
    """What ``erase_migration_copies`` did: the file names erased, and for each file
    it could not erase, its name and why (the file is still there: the person must
    delete it)."""

    erased: list[str]
    left: list[tuple[str, str]]

    @property
    def found(self) -> bool:
        return bool(self.erased or self.left)

    def audit_detail(self) -> dict[str, list[str]]:
        """The names, for the custody event of the rekey that erased them."""
        return {
            "migration_copies_erased": list(self.erased),
            "migration_copies_left": [name for name, _why in self.left],
        }


def migration_copies(conn: Any, store_path: str | Path) -> list[MigrationCopy]:
    """The copies migrate() made of this store and that are still beside it: exactly
    the names its own MIGRATE events record (``detail["backup"]``, recorded since the
    first version), in the store's folder. A file merely named like one (a copy of a
    copy, a copy the person made) is not one of this store's and is never listed.

    ``conn`` is a DB-API connection to the store (``store.raw()``, or the one of the
    caller's transaction)."""
    import json
    import os
    import re

    from desktop_app.core.enums import AuditAction
    from desktop_app.core.micros import from_micros

    store_path = Path(store_path)
    pattern = re.compile(_COPY_NAME, re.ASCII)
    found: dict[str, datetime] = {}
    rows = conn.execute(
        "SELECT at, detail FROM audit_event WHERE action = ? AND entity = 'store' ORDER BY id",
        (str(AuditAction.MIGRATE),),
    ).fetchall()
    for at, detail in rows:
        try:
            name = json.loads(detail).get("backup", "")
        except (ValueError, AttributeError):
            continue
        if (
            not isinstance(name, str)
            or not pattern.fullmatch(name)
            or "/" in name
            or "\\" in name
            or name == store_path.name
        ):
            continue  # no copy was made (a new store), or not a name in this folder
        found[name] = from_micros(int(at))
    return [
        MigrationCopy(name, made_at)
        for name, made_at in sorted(found.items())
        if os.path.lexists(store_path.parent / name)
    ]


class _NotOurs(Exception):
    """A file with a copy's name that must not be written to; the message says why."""


LINKED = "other names link to the same file (a hard link), so it was not touched"
THE_STORE = "it is the store itself (or its -wal/-shm) under another name, so it was not touched"


def _identities(store_path: Path) -> set[tuple[int, int]]:
    """(device, inode) of the store file and of its -wal and -shm, where they exist."""
    import os

    found = set()
    for path in (store_path, Path(f"{store_path}-wal"), Path(f"{store_path}-shm")):
        try:
            st = os.stat(path)
        except OSError:
            continue
        found.add((st.st_dev, st.st_ino))
    return found


def _only_name(fd: int, protected: set[tuple[int, int]]) -> tuple[int, int]:
    """Refuse (``_NotOurs``) an open file that is the store or its -wal/-shm, or that
    has another name: zeros through a hard link would land in the person's own backup
    or in the store (O_NOFOLLOW stops symbolic links only). Its (device, inode)."""
    import os

    st = os.fstat(fd)
    identity = (st.st_dev, st.st_ino)
    if identity in protected:
        raise _NotOurs(THE_STORE)
    if st.st_nlink != 1:
        raise _NotOurs(LINKED)
    return identity


def _made_writable(path: Path, flags: int, protected: set[tuple[int, int]]) -> int:
    """A read-only copy: checked (``_only_name``), made writable through its own
    descriptor, opened again for writing; the same file, or ``_NotOurs``."""
    import os
    import stat

    probe = os.open(path, os.O_RDONLY | flags)
    try:
        identity = _only_name(probe, protected)
        if hasattr(os, "fchmod"):
            os.fchmod(probe, stat.S_IRUSR | stat.S_IWUSR)
        else:  # Windows before Python 3.13: the read-only attribute, by name
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    finally:
        os.close(probe)
    fd = os.open(path, os.O_RDWR | flags)
    st = os.fstat(fd)
    if (st.st_dev, st.st_ino) != identity:  # replaced in between: not ours
        os.close(fd)
        raise _NotOurs("it was replaced while being erased, so it was not touched")
    return fd


def _overwrite(path: Path, protected: set[tuple[int, int]]) -> None:
    """Zeros over every byte of ``path``, flushed to the disk, once the open file is
    known to be a copy with no other name (``_only_name``). A copy made read-only is
    made writable first, through its descriptor, after the same check: it is ours
    (migrate made it), but a mode changed by name would reach every linked name."""
    import os

    flags = getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, os.O_RDWR | flags)
    except PermissionError:
        fd = _made_writable(path, flags, protected)
    try:
        _only_name(fd, protected)
        size = os.fstat(fd).st_size
        zeros = bytes(1 << 20)
        written = 0
        while written < size:
            written += os.write(fd, zeros[: min(len(zeros), size - written)])
        os.fsync(fd)
    finally:
        os.close(fd)


def erase_migration_copies(store_path: str | Path, copies: list[MigrationCopy]) -> MigrationCopies:
    """Erase the copies migrate() made of a store (``migration_copies``, read before):
    each file's bytes overwritten with zeros and flushed, then the file removed.

    A purge or a passphrase change calls this once its own work is committed: those
    copies still hold a purged file's bytes and open with the old passphrase. A copy
    that may be in use is left whole: one with SQLite's -wal, -shm or -journal beside
    it (open, or opened as a store and not closed cleanly) or written to after the
    update made it (the person recovered into it). So is a copy that shares its bytes
    with another name. Each file that is not erased is listed in ``left`` with the
    reason, never skipped quietly. (On an SSD or a copy-on-write file system the zeros
    may land on new blocks; the copies were encrypted, and the removal is what the
    file system can promise.)

    No file is opened before those checks: a process that opens and closes a file
    SQLite holds drops SQLite's locks on it.
    """
    import os
    import stat

    from desktop_app.core.micros import to_micros

    store_path = Path(store_path)
    erased: list[str] = []
    left: list[tuple[str, str]] = []
    protected = _identities(store_path)
    for copy in copies:
        path = store_path.parent / copy.name
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            continue  # gone already
        except OSError as exc:
            left.append((copy.name, exc.strerror or str(exc)))
            continue
        if not stat.S_ISREG(st.st_mode):
            left.append((copy.name, "it is a link or not a plain file now, so it was not touched"))
            continue
        if (st.st_dev, st.st_ino) in protected or st.st_nlink != 1:  # checked again once open
            left.append((copy.name, THE_STORE if (st.st_dev, st.st_ino) in protected else LINKED))
            continue
        if any(os.path.lexists(f"{path}{tail}") for tail in _LEAVES):
            left.append((copy.name, IN_USE))
            continue
        if st.st_mtime_ns // 1000 > to_micros(copy.made_at):
            left.append((copy.name, CHANGED))
            continue
        try:
            _overwrite(path, protected)
        except _NotOurs as exc:
            left.append((copy.name, str(exc)))
            continue
        except OSError as exc:
            left.append((copy.name, exc.strerror or str(exc)))
            continue
        try:
            path.unlink()
        except OSError as exc:
            why = exc.strerror or str(exc)
            left.append((copy.name, f"overwritten with zeros, but not removed: {why}"))
        else:
            erased.append(copy.name)
    if erased or left:
        import logging

        logging.getLogger(__name__).info(
            "migration copies erased: %d, left: %d", len(erased), len(left)
        )
    return MigrationCopies(erased, left)
