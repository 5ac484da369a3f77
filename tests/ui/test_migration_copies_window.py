"""The window's purge (Case > Purge the selected attachment) and passphrase change
(File > Settings) erase the copies migrate() kept beside the store and say so; a copy
that cannot be erased is named in a warning, with the folder to delete it from."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QPushButton

from desktop_app.store import engine
from desktop_app.ui.dialogs.purge_dialog import PurgeDialog
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from tests.conftest import PASSPHRASE
from tests.store import migration_copies as mc
from tests.ui.menus import click, menu_action, open_from_menu, type_into, while_modal


@pytest.fixture
def opened(window, copies_folder: mc.Folder):  # type: ignore[no-untyped-def]
    window.ask_unlock(copies_folder.store)
    window.unlock(PASSPHRASE)
    assert not window.is_locked
    return window


def _purge_through_the_menu(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.case_panel.table.selectRow(0)
    assert window.editor.post_id is not None
    evidence = window.editor.evidence
    assert evidence.count() == 1
    rect = evidence.visualItemRect(evidence.item(0))
    qtbot.mouseClick(evidence.viewport(), Qt.MouseButton.RightButton, pos=rect.center())
    window.evidence_context_menu.hide()
    purge = menu_action(window, "Case", "Purge the selected attachment")
    assert purge.isEnabled()

    def confirm(dialog: QDialog) -> None:
        type_into(qtbot, dialog.reason, "identifies a bystander")
        click(qtbot, dialog.understood)
        click(qtbot, dialog.purge_button)

    errors = while_modal(confirm, PurgeDialog)
    purge.trigger()
    assert not errors, errors


def test_purge_in_the_window_erases_the_copies_and_says_so(
    opened, qtbot, copies_folder: mc.Folder
) -> None:  # type: ignore[no-untyped-def]
    _purge_through_the_menu(opened, qtbot)
    said = opened.statusBar().currentMessage()
    assert "The file's bytes are erased from the store." in said
    assert "Also erased 2 older copy files of the store kept from schema updates." in said
    assert "Your own backups are not touched" in said
    assert "(purged)" in opened.editor.evidence.item(0).text()
    for path in mc.beside(copies_folder):
        assert not mc.holds(path, copies_folder.marker), path.name
    assert all(mc.sha_of(p) == digest for p, digest in copies_folder.keep.items())


def test_a_copy_the_window_cannot_erase_is_named_in_a_warning(  # type: ignore[no-untyped-def]
    opened, qtbot, copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = copies_folder.copies[0]
    mc.refuse_to_open(monkeypatch, stuck)
    _purge_through_the_menu(opened, qtbot)
    monkeypatch.undo()
    (box,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    text = box.text()
    assert "1 older copy file of the store kept from schema updates could not be erased" in text
    assert str(copies_folder.store.parent) in text and stuck.name in text
    assert "Also erased 1 older copy file of" in opened.statusBar().currentMessage()
    assert stuck.exists()  # as the warning says: the person deletes it
    box.close()


def _change_passphrase(opened, qtbot, new: str) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = open_from_menu(opened, "File", "Settings", SettingsDialog)
    type_into(qtbot, dialog.new_passphrase, new)
    type_into(qtbot, dialog.confirm, new)
    type_into(qtbot, dialog.current_passphrase, PASSPHRASE)

    def keep_keys(box: QMessageBox) -> None:
        (button,) = [b for b in box.findChildren(QPushButton) if b.text() == "Keep the keys"]
        button.click()

    errors = while_modal(keep_keys, QMessageBox)
    qtbot.mouseClick(dialog.rekey_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    return dialog


def _close(dialog: SettingsDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)


def test_passphrase_change_erases_the_copies_and_says_so(
    opened, qtbot, copies_folder: mc.Folder
) -> None:  # type: ignore[no-untyped-def]
    dialog = _change_passphrase(opened, qtbot, "a new passphrase after the old one leaked")
    said = dialog.rekey_result.text()
    assert dialog.rekeyed and "Older backups keep the old passphrase" in said
    assert (
        "Also erased 2 older copy files of the store kept from schema updates, which opened "
        "with the old passphrase." in said
    )
    for path in mc.beside(copies_folder):
        assert not mc.opens_with(path, PASSPHRASE), path.name
    assert all(mc.opens_with(p, PASSPHRASE) for p in copies_folder.keep if p.suffix == ".db")
    _close(dialog, qtbot)


def test_a_passphrase_change_the_custody_log_could_not_record_is_said(  # type: ignore[no-untyped-def]
    opened, qtbot, copies_folder: mc.Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program takes the write lock right after the rekey: the dialog says the
    passphrase IS changed and that the custody log could not record it, in red."""
    new = "a new passphrase after the old one leaked"
    held = mc.locked_after(monkeypatch, engine, copies_folder.store, new)
    try:
        dialog = _change_passphrase(opened, qtbot, new)
    finally:
        for conn in held:
            conn.rollback()
            conn.close()
    assert held, "the lock was taken after the rekey"
    said = dialog.rekey_result.text()
    assert dialog.rekeyed
    assert (
        "But the custody log could not record the change (another task or program was "
        "writing to the store). The passphrase IS changed all the same: the new one opens "
        "the store and the old one no longer does." in said
    )
    assert "b00020" in dialog.rekey_result.styleSheet()
    assert mc.opens_with(copies_folder.store, new) and not mc.opens_with(
        copies_folder.store, PASSPHRASE
    )
    _close(dialog, qtbot)


def test_a_copy_the_person_worked_in_is_named_with_why_and_kept(  # type: ignore[no-untyped-def]
    opened, qtbot, copies_folder: mc.Folder
) -> None:
    """The person opened a copy to recover from a bad update and added a case there:
    the purge leaves it, and the warning says it may hold their work (not just
    "delete it")."""
    from desktop_app.store import repository as repo
    from desktop_app.store.engine import open_store

    working = copies_folder.copies[0]
    with open_store(working, PASSPHRASE) as work, work.transaction() as session:
        author = repo.get_or_create_account(session, platform="facebook", handle="@here")
        repo.add_post(
            session, repo.PostFields(platform="facebook", url="https://fb.com/p/77"), author
        )
    _purge_through_the_menu(opened, qtbot)
    (box,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    text = box.text()
    assert (
        f"{working.name} (it was changed after the update made it (opened as a store?) and "
        "may hold work of its own: keep it if you need that work)" in text
    )
    assert working.exists() and not copies_folder.copies[1].exists()
    box.close()
