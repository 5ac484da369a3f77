"""A store that migrate() copied aside while it held a secret attachment, with what
else a person may keep beside it: shared by the store, CLI and window tests of the
erasing of those copies (purge and rekey)."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from desktop_app.store import repository as repo
from desktop_app.store.backup import backup_store
from desktop_app.store.engine import _alembic_config, create_store, migrate, open_store
from tests.conftest import PASSPHRASE, downgrade
from tests.store.sqlcipher_pages import PAGE, decrypted_pages

NEW = "a new passphrase after the old one leaked"  # what a rekey sets


@dataclass
class Folder:
    store: Path
    sha: str  # the secret attachment's SHA-256
    marker: bytes  # 48 bytes found only in the secret attachment
    copies: list[Path]  # the two copies migrate() made of this store (its events name them)
    keep: dict[Path, str]  # files that are not this store's copies, and their SHA-256


def beside(made: Folder) -> list[Path]:
    """Every file in the store's folder but the person's own backups and the note:
    the store, its copies and what SQLite keeps beside them."""
    return [
        p
        for p in made.store.parent.iterdir()
        if p.is_file() and not p.is_symlink() and p not in made.keep
    ]


def sha_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def holds(path: Path, marker: bytes, passphrase: str = PASSPHRASE) -> bool:
    """Whether ``marker`` is in the file, as stored or decrypted with ``passphrase``."""
    data = path.read_bytes()
    if marker in data:
        return True
    if not data or len(data) % PAGE:
        return False
    try:
        pages = decrypted_pages(path, passphrase)
    except AssertionError:  # not a store under this passphrase
        return False
    return any(marker in page for page in pages)


def opens_with(path: Path, passphrase: str) -> bool:
    """Whether SQLCipher opens the file with ``passphrase`` (a read, not a new file)."""
    conn = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def _leave_a_wal(path: Path) -> Path:
    """Write to the store copy at ``path`` and keep its -wal as a killed program
    leaves it (the frames not yet copied into the file; SQLite replays them)."""
    wal = path.with_name(path.name + "-wal")
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA key = '" + PASSPHRASE.replace("'", "''") + "'")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("PRAGMA user_version = 7")
        kept = wal.read_bytes()
    finally:
        conn.close()  # checkpoints and removes the WAL
    assert kept and not wal.exists()
    wal.write_bytes(kept)
    return wal


def make_folder(folder: Path, *, name: str = "case.db") -> Folder:
    """A store holding a secret attachment, brought back two schema revisions and
    migrated one step at a time, so that migrate() copied it aside twice (both copies
    hold the secret, and the store's MIGRATE events name them); then beside it: a
    copy of a copy named as migrate() would name it, but not by this store, with the
    WAL a program that opened it and was killed would leave, a note with a similar
    name, the person's own backup beside the store and in a folder of its own, and a
    symbolic link named like a copy pointing at that backup."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    secret = os.urandom(48) * 200  # 9.6 kB over overflow pages, nothing like it elsewhere
    marker = secret[:48]
    with create_store(path, PASSPHRASE, organisation="O", timezone="UTC") as store:
        with store.transaction() as session:
            author = repo.get_or_create_account(session, platform="facebook", handle="@p")
            post = repo.add_post(
                session,
                repo.PostFields(platform="facebook", url="https://facebook.com/p/1", content="x"),
                author,
            )
            sha = repo.add_attachment(session, secret, original_name="face.png", post=post).sha256
        downgrade(store, "-2")
        before = _revision_of(store)
        migrate(store, _next_revision(before))  # copied aside, then one step up
    with open_store(path, PASSPHRASE) as store:  # the last step: copied aside again
        made = sorted(folder.glob(f"{name}.before-*.bak"))
        assert len(made) == 2, made
        (folder / "backups").mkdir()
        own_backup = backup_store(store, folder / "backups")
        beside = backup_store(store, folder)
    nested = made[-1].with_name(made[-1].name + ".before-9999-20270101T000000Z.bak")
    shutil.copyfile(made[-1], nested)
    wal = _leave_a_wal(nested)
    note = folder / f"{name}.before-notes.txt"
    note.write_text("what I changed before the update\n", encoding="utf-8")
    link = folder / f"{name}.before-0001-20200101T000000Z.bak"
    link.symlink_to(own_backup)
    for copy in (*made, nested):
        assert holds(copy, marker), "the test needs copies that hold the secret"
    keep = {p: sha_of(p) for p in (own_backup, beside, note, nested, wal)}
    return Folder(path, sha, marker, made, keep)


def _revision_of(store) -> str:  # type: ignore[no-untyped-def]
    from desktop_app.store.engine import current_revision

    revision = current_revision(store)
    assert revision is not None
    return revision


def _next_revision(revision: str) -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    (following,) = [r.revision for r in script.walk_revisions() if r.down_revision == revision]
    return str(following)


def hold_write_lock(path: Path, passphrase: str) -> sqlcipher3.Connection:
    """Another program writing to the store: its write lock held until rolled back."""
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    conn.isolation_level = None
    conn.execute("BEGIN IMMEDIATE")
    return conn


def locked_after(monkeypatch, module, store_path: Path, passphrase: str) -> list:  # type: ignore[no-untyped-def]
    """Make ``module.erase_migration_copies`` take the write lock for another program
    once it has erased (the moment between a purge's or rekey's commit and anything
    written after it). The held connections are returned; a short busy wait."""
    from desktop_app.store import copies, engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    held: list = []
    real = copies.erase_migration_copies

    def then_locked(*args):  # type: ignore[no-untyped-def]
        erased = real(*args)
        held.append(hold_write_lock(store_path, passphrase))
        return erased

    monkeypatch.setattr(module, "erase_migration_copies", then_locked)
    return held


def refuse_to_open(monkeypatch, stuck: Path) -> None:  # type: ignore[no-untyped-def]
    """``os.open`` refuses ``stuck`` as a read-only folder or another program holding
    the file would (running as root, file modes alone would not refuse it)."""
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == stuck:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
