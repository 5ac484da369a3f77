"""caselog-cli purge-evidence and rekey erase the copies migrate() kept beside the
store and say which; a copy that cannot be erased is named on stderr, with what to do,
and the command exits 1 (the purge or rekey itself is done)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.store import corrections, engine
from tests.conftest import PASSPHRASE
from tests.store import migration_copies as mc


@pytest.fixture
def run(copies_folder: mc.Folder, tmp_path: Path, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    for name in ("CASELOG_DB", "CASELOG_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    base = ["--db", str(copies_folder.store), "--passphrase-file", str(secret)]

    def call(*args: str) -> tuple[int, str, str]:
        code = main([*base, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_purge_says_which_copies_it_erased(run, copies_folder: mc.Folder) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("purge-evidence", copies_folder.sha, "--reason", "shows a face", "--yes")
    assert code == 0, err
    assert "also erased 2 older copies of the store kept from schema updates" in out
    for copy in copies_folder.copies:
        assert copy.name in out and not copy.exists()
    assert "your own backups are not touched" in out
    for path in mc.beside(copies_folder):
        assert not mc.holds(path, copies_folder.marker), path.name
    assert all(mc.sha_of(p) == digest for p, digest in copies_folder.keep.items())


def test_rekey_says_which_copies_it_erased(run, copies_folder: mc.Folder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    new = tmp_path / "new.txt"
    new.write_text(mc.NEW + "\n", encoding="utf-8")
    code, out, err = run("rekey", "--new-passphrase-file", str(new))
    assert code == 0, err
    assert "is now encrypted with the new passphrase" in out
    assert "Also erased 2 older copies of the store kept from schema updates" in out
    assert "Backups you made keep the old passphrase" in out
    for path in mc.beside(copies_folder):
        assert not mc.opens_with(path, PASSPHRASE), path.name
    assert mc.opens_with(copies_folder.store, mc.NEW)
    assert all(mc.sha_of(p) == digest for p, digest in copies_folder.keep.items())


def test_a_copy_left_is_named_and_the_exit_status_says_so(  # type: ignore[no-untyped-def]
    run, copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = copies_folder.copies[0]
    mc.refuse_to_open(monkeypatch, stuck)
    code, out, err = run("purge-evidence", copies_folder.sha, "--reason", "shows a face", "--yes")
    monkeypatch.undo()
    assert code == 1
    assert f"purged {copies_folder.sha}" in out  # the purge itself is done
    assert "also erased 1 older copy of" in out
    assert f"could not erase {stuck.name} beside the store (Permission denied)" in err
    assert "still holds the purged file's bytes; delete it yourself" in err
    code, _, err = run("purge-evidence", copies_folder.sha, "--reason", "again", "--yes")
    assert code == 2 and "already purged" in err


def _release(held: list) -> None:  # type: ignore[type-arg]
    for conn in held:
        conn.rollback()
        conn.close()


def test_rekey_whose_event_cannot_be_written_says_the_passphrase_is_changed(  # type: ignore[no-untyped-def]
    run, copies_folder: mc.Folder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program takes the write lock right after the rekey (reviewer's
    audit_fails.py rekey): no traceback; the person is told the passphrase IS changed."""
    new = tmp_path / "new.txt"
    new.write_text(mc.NEW + "\n", encoding="utf-8")
    held = mc.locked_after(monkeypatch, engine, copies_folder.store, mc.NEW)
    try:
        code, out, err = run("rekey", "--new-passphrase-file", str(new))
    finally:
        _release(held)
    assert code == 1
    assert "is now encrypted with the new passphrase" in out
    assert "the passphrase IS changed (the new one opens the store" in err
    assert "custody log could not record the change" in err
    assert "another task or program held the store's write lock" in err
    assert "Traceback" not in err
    assert mc.opens_with(copies_folder.store, mc.NEW) and not mc.opens_with(
        copies_folder.store, PASSPHRASE
    )


def test_purge_done_before_another_program_writes_says_what_it_did(  # type: ignore[no-untyped-def]
    run, copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = mc.locked_after(monkeypatch, corrections, copies_folder.store, PASSPHRASE)
    try:
        code, out, err = run(
            "purge-evidence", copies_folder.sha, "--reason", "shows a face", "--yes"
        )
    finally:
        _release(held)
    assert code == 0, err
    assert f"purged {copies_folder.sha}" in out
    assert "also erased 2 older copies of the store kept from schema updates" in out
    assert not any(p.exists() for p in copies_folder.copies)


def test_purge_while_another_program_writes_is_refused_whole(  # type: ignore[no-untyped-def]
    run, copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    other = mc.hold_write_lock(copies_folder.store, PASSPHRASE)
    try:
        code, out, err = run(
            "purge-evidence", copies_folder.sha, "--reason", "shows a face", "--yes"
        )
    finally:
        _release([other])
    assert code == 1
    assert "the store is busy with another task" in err and "Traceback" not in err
    assert "purged" not in out
    assert all(p.exists() and mc.holds(p, copies_folder.marker) for p in copies_folder.copies)
    code, out, _ = run("purge-evidence", copies_folder.sha, "--reason", "shows a face", "--yes")
    assert code == 0 and f"purged {copies_folder.sha}" in out  # once the other program is done
