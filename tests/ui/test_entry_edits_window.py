"""What a person types is never lost or changed behind their back: unsaved edits of a
case survive a report, response or file added to it; a correction of a report or
response writes only the fields the person changed; the draft kept at a lock
survives a second lock; author fields without a handle are refused, not dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox
from sqlalchemy import func, select

from desktop_app.store.engine import open_store
from desktop_app.store.models import AuditEvent, AuthorAccount, Draft, Post, Report, Response
from desktop_app.ui.dialogs.report_dialog import ReportDialog
from desktop_app.ui.dialogs.response_dialog import ResponseDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock_on_log
from tests.ui.menus import click, menu_action, type_into, while_modal

WORDING = "Thanks for reporting.\r\nWe reviewed\u00a0it: ကျောင်း"
ROWS = [
    {  # no channel recorded (the column is optional); a response in the same minute
        "post_url": "https://facebook.com/page/posts/1",
        "platform": "facebook",
        "author_handle": "@Hate_Page",
        "content": "first post",
        "reported_at": "2024-03-05T14:30:30",
        "reporter": "Researcher A",
        "final_response_at": "2024-03-05T14:30:50",
        "final_outcome": "no_violation",
        "response_text": WORDING,
    },
]


@pytest.fixture
def opened(window, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The window unlocked on a store of ROWS, the case open in the editor."""
    unlock_on_log(window, tmp_path, ROWS)
    window.case_panel.table.selectRow(0)
    assert window.editor.post_id is not None
    return window


def _select_timeline(window, qtbot, *, response: bool) -> None:  # type: ignore[no-untyped-def]
    timeline = window.editor.timeline
    item = timeline.topLevelItem(0)
    if response:
        item = item.child(0)
    else:
        timeline.collapseItem(item)
    rect = timeline.visualItemRect(item)
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert timeline.currentItem() is item


def _edits(window) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "edit")).all()
        return [json.loads(e.detail) for e in events]


def test_a_report_correction_writes_only_what_was_changed(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The report has no channel: the dialog shows it as not recorded, and changing
    the reporter alone no longer also set the channel to "in app"."""
    window = opened
    _select_timeline(window, qtbot, response=False)

    def drive(dialog: QDialog) -> None:
        assert dialog.channel.currentText() == "not recorded"
        type_into(qtbot, dialog.reporter, "Researcher B")
        type_into(qtbot, dialog.reason, "the other researcher reported it")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    errors = while_modal(drive, ReportDialog)
    menu_action(window, "Case", "Edit the selected report or response").trigger()
    assert not errors, errors
    (detail,) = _edits(window)
    assert detail["changes"] == {"reporter": {"old": "Researcher A", "new": "Researcher B"}}
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        report = session.scalars(select(Report)).one()
        assert report.channel == "" and report.reporter == "Researcher B"


def test_a_response_correction_keeps_the_wording_and_the_seconds(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Only the platform reference is changed: the wording (with \\r\\n and a no-break
    space, which the text box gives back otherwise) stays byte for byte, and a
    response 20 seconds after its report, shown to the minute, is not refused as
    coming before it."""
    window = opened
    _select_timeline(window, qtbot, response=True)
    seen: dict[str, object] = {}

    def drive(dialog: QDialog) -> None:
        type_into(qtbot, dialog.platform_ref, "FB-123")
        type_into(qtbot, dialog.reason, "the ticket number arrived later")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        seen["time_error"] = dialog.time_error.text() if dialog.isVisible() else ""
        if dialog.isVisible():
            dialog.reject()

    errors = while_modal(drive, ResponseDialog)
    menu_action(window, "Case", "Edit the selected report or response").trigger()
    assert not errors, errors
    assert not seen["time_error"], seen
    (detail,) = _edits(window)
    assert detail["changes"] == {"platform_ref": {"old": "", "new": "FB-123"}}
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        response = session.scalars(select(Response)).one()
        assert response.text == WORDING and response.platform_ref == "FB-123"
        assert response.received_at.second == 50


def test_unsaved_case_edits_survive_a_report_added_to_the_case(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = opened
    editor = window.editor
    type_into(qtbot, editor.tags, "urgent")
    editor.notes.setFocus()
    qtbot.keyClicks(editor.notes, "checked with the village")
    assert editor.is_dirty()

    def drive(dialog: QDialog) -> None:
        type_into(qtbot, dialog.reporter, "Researcher C")
        qtbot.keyClick(dialog.reporter, Qt.Key.Key_Return)

    errors = while_modal(drive, ReportDialog)
    menu_action(window, "Case", "Add report").trigger()
    assert not errors, errors
    assert editor.timeline.topLevelItemCount() == 2  # the report is there
    # and what was typed is still there, unsaved (it was wiped, and never stored).
    assert editor.notes.toPlainText() == "checked with the village"
    assert editor.tags.text() == "urgent" and editor.is_dirty()
    menu_action(window, "Case", "Save case").trigger()
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        post = session.scalars(select(Post)).one()
        assert post.notes == "checked with the village"
        (tags,) = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "update", AuditEvent.entity == "post")
        ).all()[-1:]
    assert json.loads(tags.detail)["changes"] == {"tags": {"old": [], "new": ["urgent"]}}


def test_author_fields_without_a_handle_are_refused_not_dropped(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = opened
    editor = window.editor
    menu_action(window, "Case", "New case").trigger()
    type_into(qtbot, editor.url, "https://facebook.com/page/posts/999")
    type_into(qtbot, editor.author_name, "Ko Aung")
    click(qtbot, editor.fake)
    menu_action(window, "Case", "Save case").trigger()
    assert "handle" in editor.error.text()
    assert editor.post_id is None and editor.author_name.text() == "Ko Aung"
    assert editor.fake.isChecked()
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(Post)) == 1  # nothing new

    type_into(qtbot, editor.author, "@ko_aung")
    menu_action(window, "Case", "Save case").trigger()
    assert editor.post_id is not None and not editor.error.text()
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        account = session.scalars(
            select(AuthorAccount).where(AuthorAccount.handle == "@ko_aung")
        ).one()
        assert (account.display_name, account.suspected_fake) == ("Ko Aung", True)


def test_the_handle_of_the_case_s_account_is_corrected_with_a_reason(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typed otherwise (case, @) it is the same account: a correction of its handle,
    asked why, not a save that silently kept the old spelling."""
    window = opened
    editor = window.editor
    type_into(qtbot, editor.author, "hate_page")

    def because(dialog: QDialog) -> None:
        assert "Author's handle" in dialog.labelText()
        edit = dialog.findChild(QLineEdit)
        type_into(qtbot, edit, "the page writes its name in lower case")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    errors = while_modal(because, QInputDialog)
    menu_action(window, "Case", "Save case").trigger()
    assert not errors, errors
    assert editor.author.text() == "hate_page" and not editor.is_dirty()
    (detail,) = _edits(window)
    assert detail["changes"] == {"handle": {"old": "@Hate_Page", "new": "hate_page"}}


def test_the_kept_draft_survives_a_lock_while_it_is_offered(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = opened
    editor = window.editor
    editor.notes.setFocus()
    qtbot.keyClicks(editor.notes, "half a sentence")
    window.lock()

    def drafts() -> int:
        with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
            return int(session.scalar(select(func.count()).select_from(Draft)) or 0)

    assert drafts() == 1
    window.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "draft_box", None), QMessageBox))
    qtbot.waitUntil(lambda: window.draft_box.isVisible())
    window.lock()  # the idle lock, while "Unsaved changes kept" waits for an answer
    assert drafts() == 1  # still kept (it was deleted)
    window.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.draft_box.isVisible())
    open_button = window.draft_box.button(QMessageBox.StandardButton.Open)
    click(qtbot, open_button)
    assert editor.notes.toPlainText() == "half a sentence"
    assert drafts() == 0
