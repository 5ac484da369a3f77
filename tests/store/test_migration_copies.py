"""The copies migrate() keeps beside a store are erased by a purge and by a
passphrase change: none of them holds a purged file's bytes or opens with the old
passphrase afterwards. Only the copies the store's own MIGRATE events name are
erased, and not one that is open, was worked in, or shares its bytes with another
name. Nothing else is touched: the person's own backups, a copy of a copy, a note
with a similar name, a link named like a copy."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlmodel import select

from desktop_app.core.errors import StoreBusyError
from desktop_app.store import corrections as fix
from desktop_app.store import engine
from desktop_app.store import repository as repo
from desktop_app.store.audit import verify_chain
from desktop_app.store.copies import (
    CHANGED,
    IN_USE,
    MigrationCopies,
    erase_migration_copies,
    migration_copies,
)
from desktop_app.store.engine import open_store, rekey
from desktop_app.store.models import AuditEvent, Blob
from tests.conftest import PASSPHRASE
from tests.store import migration_copies as mc
from tests.store.sqlcipher_pages import decrypted_pages


def _untouched(made: mc.Folder) -> None:
    for path, digest in made.keep.items():
        assert path.exists() and mc.sha_of(path) == digest, path
    link = made.store.with_name(made.store.name + ".before-0001-20200101T000000Z.bak")
    assert link.is_symlink() and link.resolve() in made.keep


def _events(path: Path, passphrase: str) -> list[AuditEvent]:
    with open_store(path, passphrase) as store, store.session() as session:
        assert verify_chain(session).intact
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def _erase(made: mc.Folder) -> MigrationCopies:
    """What a purge or rekey does after its work: erase the copies the store records."""
    with open_store(made.store, PASSPHRASE) as store:
        recorded = migration_copies(store.raw(), store.path)
    return erase_migration_copies(made.store, recorded)


def test_only_the_copies_the_store_recorded_are_its_copies(copies_folder: mc.Folder) -> None:
    """Its MIGRATE events name the two copies; a copy of a copy with a name like
    theirs, the link and the note are not this store's."""
    with open_store(copies_folder.store, PASSPHRASE) as store:
        found = migration_copies(store.raw(), store.path)
        assert sorted(c.name for c in found) == sorted(p.name for p in copies_folder.copies)
        events = (
            store.raw()
            .execute("SELECT detail FROM audit_event WHERE action = 'migrate'")
            .fetchall()
        )
    assert sorted(json.loads(d)["backup"] for (d,) in events) == sorted(
        p.name for p in copies_folder.copies
    )
    copies_folder.copies[0].unlink()  # erased by hand: no longer listed
    with open_store(copies_folder.store, PASSPHRASE) as store:
        assert [c.name for c in migration_copies(store.raw(), store.path)] == [
            copies_folder.copies[1].name
        ]


def test_purge_erases_the_copies_that_hold_the_bytes(copies_folder: mc.Folder) -> None:
    with open_store(copies_folder.store, PASSPHRASE) as store:
        copies = fix.purge_attachment(store, copies_folder.sha, "shows a victim's face")
        with store.session() as session:
            assert session.get(Blob, copies_folder.sha).data == b""
    assert sorted(copies.erased) == sorted(p.name for p in copies_folder.copies)
    assert copies.left == []
    for path in copies_folder.copies:
        assert not path.exists()
    for path in mc.beside(copies_folder):
        assert not mc.holds(path, copies_folder.marker), f"{path.name} still holds the purged bytes"
    _untouched(copies_folder)
    # The person's own backup still holds it: a purge does not reach into backups.
    assert any(mc.holds(p, copies_folder.marker) for p in copies_folder.keep if p.suffix == ".db")
    purge, named = _events(copies_folder.store, PASSPHRASE)[-2:]
    assert (purge.action, purge.entity, json.loads(purge.detail)["sha256"]) == (
        "purge",
        "attachment",
        copies_folder.sha,
    )
    assert "migration_copies" not in json.loads(purge.detail)  # evidence packs carry it
    detail = json.loads(named.detail)
    assert (named.action, named.entity, detail["sha256"]) == ("purge", "store", copies_folder.sha)
    assert sorted(detail["migration_copies"]) == sorted(copies.erased)


def test_rekey_erases_the_copies_that_open_with_the_old_passphrase(
    copies_folder: mc.Folder,
) -> None:
    for copy in copies_folder.copies:  # decrypted here, not opened: SQLite would leave its -shm
        assert decrypted_pages(copy, PASSPHRASE)
    with open_store(copies_folder.store, PASSPHRASE) as store:
        copies = rekey(store, mc.NEW).copies
    assert sorted(copies.erased) == sorted(p.name for p in copies_folder.copies)
    assert copies.left == []
    for path in mc.beside(copies_folder):
        assert not mc.opens_with(path, PASSPHRASE), f"{path.name} opens with the old passphrase"
    assert mc.opens_with(copies_folder.store, mc.NEW)
    _untouched(copies_folder)
    # Backups the person made are theirs: they keep the old passphrase (the window says so).
    assert all(mc.opens_with(p, PASSPHRASE) for p in copies_folder.keep if p.suffix == ".db")
    event = _events(copies_folder.store, mc.NEW)[-1]
    detail = json.loads(event.detail)
    assert event.action == "rekey"
    assert sorted(detail["migration_copies_erased"]) == sorted(copies.erased)


def test_a_store_without_copies_purges_as_before(store) -> None:  # type: ignore[no-untyped-def]
    with store.transaction() as session:
        author = repo.get_or_create_account(session, platform="facebook", handle="@p")
        post = repo.add_post(
            session, repo.PostFields(platform="facebook", url="https://fb.com/p/1"), author
        )
        sha = repo.add_attachment(session, b"a face" * 50, original_name="f.png", post=post).sha256
    copies = fix.purge_attachment(store, sha, "shows a face")
    assert copies.erased == [] and copies.left == [] and not copies.found
    with store.session() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()  # type: ignore[union-attr]
        assert last.entity == "attachment"  # no second event when there was nothing to erase


def test_a_copy_that_cannot_be_erased_is_named_not_skipped(
    copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file system refuses one copy (as a read-only folder or another program
    holding the file would): the purge is done, the copy is named as left, the rest
    are erased, and the custody event says which is left."""
    stuck = copies_folder.copies[0]
    mc.refuse_to_open(monkeypatch, stuck)
    with open_store(copies_folder.store, PASSPHRASE) as store:
        copies = fix.purge_attachment(store, copies_folder.sha, "shows a face")
        with store.session() as session:
            assert session.get(Blob, copies_folder.sha).data == b""  # the purge itself is done
    monkeypatch.undo()
    assert copies.left == [(stuck.name, "Permission denied")]
    assert sorted(copies.erased) == sorted(p.name for p in copies_folder.copies[1:])
    assert stuck.exists() and mc.holds(stuck, copies_folder.marker)  # still there, as it says
    # The purge's own transaction named both copies it set out to erase.
    detail = json.loads(_events(copies_folder.store, PASSPHRASE)[-1].detail)
    assert sorted(detail["migration_copies"]) == sorted(p.name for p in copies_folder.copies)


def test_a_copy_zeroed_but_not_removable_is_named(
    copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = copies_folder.copies[0]
    real_unlink = Path.unlink

    def refusing_unlink(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(13, "Permission denied", str(self))
        real_unlink(self, missing_ok)

    with open_store(copies_folder.store, PASSPHRASE) as store:
        recorded = migration_copies(store.raw(), store.path)
    monkeypatch.setattr(Path, "unlink", refusing_unlink)
    copies = erase_migration_copies(copies_folder.store, recorded)
    monkeypatch.undo()
    assert copies.left == [
        (stuck.name, "overwritten with zeros, but not removed: Permission denied")
    ]
    assert stuck.read_bytes() == bytes(len(stuck.read_bytes()))  # every byte zero
    assert not mc.holds(stuck, copies_folder.marker)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores modes")
def test_a_read_only_folder_leaves_every_copy_named(copies_folder: mc.Folder) -> None:
    data = copies_folder.store.parent
    with open_store(copies_folder.store, PASSPHRASE) as store:
        store.raw().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        recorded = migration_copies(store.raw(), store.path)
        data.chmod(0o500)
        try:
            copies = erase_migration_copies(store.path, recorded)
        finally:
            data.chmod(0o700)
    assert sorted(name for name, _ in copies.left) == sorted(p.name for p in copies_folder.copies)
    assert copies.erased == []


def test_a_read_only_copy_is_still_erased(copies_folder: mc.Folder) -> None:
    """migrate() copies the store's mode; a copy made read-only is ours to erase."""
    copies_folder.copies[0].chmod(0o400)
    copies = _erase(copies_folder)
    assert copies.left == [] and not copies_folder.copies[0].exists()


@pytest.mark.parametrize("target", ["own backup", "store"])
def test_a_hard_link_under_a_copys_name_is_not_written_to(
    copies_folder: mc.Folder, target: str
) -> None:
    """O_NOFOLLOW stops symbolic links only: a hard link named like a copy (a snapshot
    tool, or the person) shares its bytes with the person's own backup or with the
    store itself; zeros through it would destroy those. It is named as left, untouched."""
    made = copies_folder.copies[0]
    own = next(p for p in copies_folder.keep if p.parent.name == "backups")
    linked = own if target == "own backup" else copies_folder.store
    if target == "own backup":
        own.chmod(0o400)  # read-only: its mode must not be changed through the link either
    before = mc.sha_of(linked)
    made.unlink()
    os.link(linked, made)
    with open_store(copies_folder.store, PASSPHRASE) as store:
        copies = fix.purge_attachment(store, copies_folder.sha, "shows a face")
    reasons = dict(copies.left)
    assert made.name in reasons and made.name not in copies.erased
    assert (
        "the store itself" in reasons[made.name]
        if target == "store"
        else ("other names link to the same file" in reasons[made.name])
    )
    assert made.exists() and os.path.samefile(made, linked)
    if target == "own backup":
        assert mc.sha_of(own) == before and (own.stat().st_mode & 0o777) == 0o400
        assert mc.opens_with(own, PASSPHRASE)
    assert mc.opens_with(copies_folder.store, PASSPHRASE)
    with open_store(copies_folder.store, PASSPHRASE) as store, store.session() as session:
        assert session.get(Blob, copies_folder.sha).data == b""  # the purge itself is done


def test_a_copy_linked_from_elsewhere_is_left_whole(
    copies_folder: mc.Folder, tmp_path: Path
) -> None:
    """A copy that a snapshot (``cp -al``) also holds under another name: the zeros
    would reach the snapshot, so the copy is named as left."""
    made = copies_folder.copies[0]
    (tmp_path / "snapshot").mkdir()
    snapshot = tmp_path / "snapshot" / made.name
    os.link(made, snapshot)
    before = mc.sha_of(snapshot)
    copies = _erase(copies_folder)
    assert (
        made.name,
        "other names link to the same file (a hard link), so it was not touched",
    ) in copies.left
    assert mc.sha_of(snapshot) == before and made.exists()


def _work_in(copy: Path) -> None:
    """Open a copy as a store (recovering from a bad update: it is migrated too) and
    add a case only it holds."""
    with open_store(copy, PASSPHRASE) as work, work.transaction() as session:
        author = repo.get_or_create_account(session, platform="facebook", handle="@only-here")
        repo.add_post(
            session,
            repo.PostFields(
                platform="facebook", url="https://facebook.com/p/77", content="only here"
            ),
            author,
        )


def _holds_the_work(copy: Path) -> bool:
    with open_store(copy, PASSPHRASE, upgrade=False) as work, work.session() as session:
        urls = session.connection().exec_driver_sql("SELECT url FROM post").scalars().all()
    return "https://facebook.com/p/77" in urls


def test_a_copy_open_as_a_store_is_left_with_its_work(copies_folder: mc.Folder) -> None:
    """The person opened a copy to recover from a bad update and is working in it
    (reviewer's recovered_copy.py): a purge in the original store leaves it whole."""
    working = copies_folder.copies[0]
    _work_in(working)
    with open_store(working, PASSPHRASE) as work, work.session() as session:
        session.connection().exec_driver_sql("SELECT count(*) FROM post").scalar()
        assert Path(f"{working}-wal").exists()  # open: SQLite's -wal and -shm beside it
        with open_store(copies_folder.store, PASSPHRASE) as store:
            copies = fix.purge_attachment(store, copies_folder.sha, "shows a face")
        assert copies.left == [(working.name, IN_USE)]
        assert copies.erased == [copies_folder.copies[1].name]
        count = session.connection().exec_driver_sql("SELECT count(*) FROM post").scalar()
        assert count == 2  # the working store still reads, under its open connection
    assert _holds_the_work(working)


def test_a_copy_worked_in_and_closed_is_left(copies_folder: mc.Folder) -> None:
    """Closed cleanly, the working copy has no -wal or -shm; it was written to after
    the update made it, so it may hold work of its own: left, named, whole."""
    working = copies_folder.copies[0]
    _work_in(working)
    assert not any(Path(f"{working}{tail}").exists() for tail in ("-wal", "-shm", "-journal"))
    with open_store(copies_folder.store, PASSPHRASE) as store:
        copies = rekey(store, mc.NEW).copies
    assert copies.left == [(working.name, CHANGED)]
    assert copies.erased == [copies_folder.copies[1].name]
    assert _holds_the_work(working)


def test_a_copy_a_viewer_left_its_shm_beside_is_left(copies_folder: mc.Folder) -> None:
    """A read-only look (a database viewer) leaves SQLite's -shm beside the copy: it
    may be open still, so it is left, with the reason."""
    looked_at = copies_folder.copies[1]
    assert mc.opens_with(looked_at, PASSPHRASE)
    assert Path(f"{looked_at}-shm").exists()
    copies = _erase(copies_folder)
    assert copies.left == [(looked_at.name, IN_USE)]
    assert copies.erased == [copies_folder.copies[0].name]
    assert mc.opens_with(looked_at, PASSPHRASE)


def test_a_purge_names_its_copies_before_it_commits(
    copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program takes the write lock once the purge has committed (reviewer's
    audit_fails.py): nothing is left to write, so the purge returns what it erased;
    its custody events, written with it, name the copies."""
    held = mc.locked_after(monkeypatch, fix, copies_folder.store, PASSPHRASE)
    try:
        with open_store(copies_folder.store, PASSPHRASE) as store:
            copies = fix.purge_attachment(store, copies_folder.sha, "shows a face")
        assert held, "the lock was taken after the commit"
    finally:
        for conn in held:
            conn.rollback()
            conn.close()
    assert sorted(copies.erased) == sorted(p.name for p in copies_folder.copies)
    named = _events(copies_folder.store, PASSPHRASE)[-1]
    assert (named.entity, sorted(json.loads(named.detail)["migration_copies"])) == (
        "store",
        sorted(copies.erased),
    )


def test_a_purge_while_another_program_writes_is_busy_and_purges_nothing(
    copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    with open_store(copies_folder.store, PASSPHRASE) as store:
        other = mc.hold_write_lock(copies_folder.store, PASSPHRASE)
        try:
            with pytest.raises(StoreBusyError, match="busy with another task"):
                fix.purge_attachment(store, copies_folder.sha, "shows a face")
        finally:
            other.rollback()
            other.close()
        with store.session() as session:
            assert session.get(Blob, copies_folder.sha).data != b""  # nothing purged
    assert all(p.exists() and mc.holds(p, copies_folder.marker) for p in copies_folder.copies)


def test_a_rekey_whose_event_cannot_be_written_says_the_passphrase_is_changed(
    copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = mc.locked_after(monkeypatch, engine, copies_folder.store, mc.NEW)
    try:
        with open_store(copies_folder.store, PASSPHRASE) as store:
            done = rekey(store, mc.NEW)
    finally:
        for conn in held:
            conn.rollback()
            conn.close()
    assert isinstance(done.unrecorded, StoreBusyError)
    assert "write lock" in done.unrecorded.message
    assert sorted(done.copies.erased) == sorted(p.name for p in copies_folder.copies)
    assert mc.opens_with(copies_folder.store, mc.NEW) and not mc.opens_with(
        copies_folder.store, PASSPHRASE
    )
    assert _events(copies_folder.store, mc.NEW)[-1].action != "rekey"  # as it says: not recorded
