"""Corrections in the window, reached through the menus: edit a report or response in
place, retract, restore and purge an attachment; files attached keep their capture time."""

from __future__ import annotations

import struct
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLabel, QLineEdit
from sqlalchemy import func, select

from desktop_app.core.timeutil import now_utc
from desktop_app.store.engine import open_store
from desktop_app.store.models import Attachment, AuditEvent, Blob, Report, Response
from desktop_app.ui.dialogs.purge_dialog import PurgeDialog
from desktop_app.ui.dialogs.report_dialog import ReportDialog
from desktop_app.ui.dialogs.response_dialog import ResponseDialog
from tests.conftest import PASSPHRASE
from tests.ui.menus import click, menu_action, type_into, while_modal

TAKEN = datetime(2024, 3, 5, 7, 30, 15, tzinfo=UTC)


def png_with_time(when: datetime) -> bytes:
    """A 1x1 PNG whose tIME chunk says when it was made (UTC, by the PNG standard)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    stamp = struct.pack(
        ">HBBBBB", when.year, when.month, when.day, when.hour, when.minute, when.second
    )
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"tIME", stamp)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def _open_first_case(window) -> None:  # type: ignore[no-untyped-def]
    window.case_panel.table.selectRow(0)
    assert window.editor.post_id is not None


def _attach_through_the_menu(window, qtbot, path: Path) -> None:  # type: ignore[no-untyped-def]
    window.editor.pick_files = lambda: [str(path)]  # the file picker, answered
    action = menu_action(window, "Case", "Add evidence files")
    assert action.isEnabled()
    action.trigger()


def _right_click_first_file(window, qtbot):  # type: ignore[no-untyped-def]
    evidence = window.editor.evidence
    rect = evidence.visualItemRect(evidence.item(0))
    qtbot.mouseClick(evidence.viewport(), Qt.MouseButton.RightButton, pos=rect.center())
    window.evidence_context_menu.hide()  # the menu pops up; the test reads the Case menu
    return evidence.item(0)


def _give_reason(qtbot, text: str):  # type: ignore[no-untyped-def]
    def drive(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        type_into(qtbot, edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    return drive


def test_attached_file_keeps_its_capture_time_then_retract_restore_purge(  # type: ignore[no-untyped-def]
    unlocked, qtbot, tmp_path: Path
) -> None:
    window = unlocked
    _open_first_case(window)
    data = png_with_time(TAKEN)
    path = tmp_path / "shot.png"
    path.write_bytes(data)
    _attach_through_the_menu(window, qtbot, path)
    editor = window.editor
    assert editor.evidence.count() == 1
    item = _right_click_first_file(window, qtbot)
    assert "captured at 2024-03-05 14:00" in item.toolTip()  # 07:30 UTC in Yangon
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        (row,) = session.scalars(select(Attachment)).all()
        assert row.capture_source == "png"
        assert row.captured_at.replace(tzinfo=UTC) == TAKEN.replace(second=15)
        sha = row.sha256

    # Retract: it leaves the strip (kept, shown struck through on request).
    retract = menu_action(window, "Case", "Retract the selected attachment")
    assert retract.isEnabled()
    assert not menu_action(window, "Case", "Restore the selected attachment").isEnabled()
    errors = while_modal(_give_reason(qtbot, "wrong case"), QInputDialog)
    retract.trigger()
    assert not errors, errors
    assert editor.evidence.count() == 0
    click(qtbot, editor.show_retracted)
    item = _right_click_first_file(window, qtbot)
    assert item.font().strikeOut() and "wrong case" in item.toolTip()
    restore = menu_action(window, "Case", "Restore the selected attachment")
    assert restore.isEnabled() and not retract.isEnabled()
    errors = while_modal(_give_reason(qtbot, "right case after all"), QInputDialog)
    restore.trigger()
    assert not errors, errors
    item = _right_click_first_file(window, qtbot)
    assert not item.font().strikeOut()

    # Purge: a warning, a reason and a tick before anything is erased; Cancel keeps it.
    purge = menu_action(window, "Case", "Purge the selected attachment")
    assert purge in window.evidence_context_menu.actions() and purge.isEnabled()

    def cancel(dialog: QDialog) -> None:
        assert any("cannot be undone" in label.text() for label in dialog.findChildren(QLabel))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    errors = while_modal(cancel, PurgeDialog)
    purge.trigger()
    assert not errors, errors
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        assert session.get(Blob, sha).data == data

    def confirm(dialog: QDialog) -> None:
        assert not dialog.purge_button.isEnabled()
        type_into(qtbot, dialog.reason, "identifies a bystander")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Return alone never purges
        assert dialog.isVisible() and not dialog.purge_button.isEnabled()
        click(qtbot, dialog.understood)
        assert dialog.purge_button.isEnabled()
        click(qtbot, dialog.purge_button)

    errors = while_modal(confirm, PurgeDialog)
    purge.trigger()
    assert not errors, errors
    item = editor.evidence.item(0)
    assert "(purged)" in item.text()
    item = _right_click_first_file(window, qtbot)
    assert not purge.isEnabled() and not retract.isEnabled()
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        assert session.get(Blob, sha).data == b""
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert actions[-1] == "purge" and {"retract", "restore"} <= set(actions)


def test_edit_a_report_in_place_from_the_timeline(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    _open_first_case(window)
    editor = window.editor
    timeline = editor.timeline
    item = timeline.topLevelItem(0)
    rect = timeline.visualItemRect(item)
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert timeline.currentItem() is item
    edit_here = next(
        a for a in window.timeline_context_menu.actions() if a.text().replace("…", "") == "Edit"
    )
    assert edit_here.isEnabled()
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        uid = item.data(2, Qt.ItemDataRole.UserRole)[1]
        before = session.scalars(select(Report).where(Report.uid == uid)).one()
        old_reporter, old_time = before.reporter, before.reported_at
    future = (now_utc() + timedelta(days=3)).astimezone(editor.tz).strftime("%Y-%m-%d %H:%M")
    seen: dict[str, object] = {}

    def drive(dialog: QDialog) -> None:
        assert dialog.reporter.text() == old_reporter  # pre-filled
        type_into(qtbot, dialog.reporter, "Corrected Reporter")
        # No reason: refused at the field.
        qtbot.keyClick(dialog.reporter, Qt.Key.Key_Return)
        seen["reason_error"] = dialog.reason_error.isVisible()
        type_into(qtbot, dialog.reason, "reporter's name was misspelt")
        kept = dialog.reported_at.text()
        type_into(qtbot, dialog.reported_at, future)
        qtbot.keyClick(dialog.reporter, Qt.Key.Key_Return)
        seen["future"] = dialog.time_error.text()
        seen["still_open"] = dialog.isVisible()
        type_into(qtbot, dialog.reported_at, kept)
        qtbot.keyClick(dialog.reporter, Qt.Key.Key_Return)

    errors = while_modal(drive, ReportDialog)
    edit_here.trigger()
    assert not errors, errors
    assert seen["reason_error"] is True and seen["still_open"] is True
    assert "out of range" in str(seen["future"]) and "future" in str(seen["future"])
    # The view follows at once.
    shown = [timeline.topLevelItem(i).text(1) for i in range(timeline.topLevelItemCount())]
    assert any("Corrected Reporter" in text for text in shown)
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        after = session.scalars(select(Report).where(Report.uid == uid)).one()
        assert after.reporter == "Corrected Reporter"
        assert after.reported_at == old_time  # the time typed back is kept to the second
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert event.action == "edit" and "misspelt" in event.detail


def test_edit_a_response_through_the_case_menu(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    editor = window.editor
    found = None
    for row in range(window.model.rowCount()):
        window.case_panel.table.selectRow(row)
        for i in range(editor.timeline.topLevelItemCount()):
            if editor.timeline.topLevelItem(i).childCount():
                found = editor.timeline.topLevelItem(i).child(0)
                break
        if found is not None:
            break
    assert found is not None, "the imported log has a response"
    editor.timeline.setCurrentItem(found)
    uid = found.data(2, Qt.ItemDataRole.UserRole)[1]
    action = menu_action(window, "Case", "Edit the selected report or response")
    assert action.isEnabled()

    def drive(dialog: QDialog) -> None:
        dialog.text.setFocus()
        dialog.text.selectAll()
        qtbot.keyClicks(dialog.text, "The platform restricted it")
        type_into(qtbot, dialog.reason, "wording pasted from the wrong email")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    errors = while_modal(drive, ResponseDialog)
    action.trigger()
    assert not errors, errors
    assert any(
        "The platform restricted it" in editor.timeline.topLevelItem(i).child(j).text(3)
        for i in range(editor.timeline.topLevelItemCount())
        for j in range(editor.timeline.topLevelItem(i).childCount())
    )
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        response = session.scalars(select(Response).where(Response.uid == uid)).one()
        assert response.text == "The platform restricted it"
        edits = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "edit")
        )
    assert edits == 1
    assert QApplication.activeModalWidget() is None


def test_a_retracted_case_is_listed_and_restored_through_the_case_menu(  # type: ignore[no-untyped-def]
    unlocked, qtbot
) -> None:
    """Retract case leaves the list; Case > Retracted cases… shows it with its reason,
    and Restore… (with a reason of its own) brings it back, opened in the editor."""
    from desktop_app.ui.dialogs.retracted_dialog import RetractedCasesDialog
    from tests.ui.menus import open_from_menu

    window = unlocked
    _open_first_case(window)
    ref, post_id = window.editor.case_ref, window.editor.post_id
    listed = window.model.rowCount()
    errors = while_modal(_give_reason(qtbot, "logged twice by mistake"), QInputDialog)
    menu_action(window, "Case", "Retract case").trigger()
    assert not errors, errors
    assert window.model.rowCount() == listed - 1

    dialog = open_from_menu(window, "Case", "Retracted cases", RetractedCasesDialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == ref
    assert dialog.table.item(0, 4).text() == "logged twice by mistake"
    assert dialog.restore_button.isEnabled()
    errors = while_modal(_give_reason(qtbot, "it was not a duplicate"), QInputDialog)
    click(qtbot, dialog.restore_button)
    assert not errors, errors
    assert dialog.table.rowCount() == 0 and dialog.empty.isVisibleTo(dialog)
    assert not dialog.restore_button.isEnabled()
    assert window.model.rowCount() == listed
    assert window.editor.post_id == post_id
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Close))
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        restored = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "restore", AuditEvent.entity == "post")
        ).one()
    assert "it was not a duplicate" in restored.detail


def test_a_restore_cancelled_keeps_the_case_retracted(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.dialogs.retracted_dialog import RetractedCasesDialog
    from tests.ui.menus import open_from_menu

    window = unlocked
    _open_first_case(window)
    errors = while_modal(_give_reason(qtbot, "wrong"), QInputDialog)
    menu_action(window, "Case", "Retract case").trigger()
    assert not errors, errors
    dialog = open_from_menu(window, "Case", "Retracted cases", RetractedCasesDialog)

    def cancel(reason: QDialog) -> None:
        qtbot.keyClick(reason.findChild(QLineEdit), Qt.Key.Key_Escape)

    errors = while_modal(cancel, QInputDialog)
    qtbot.mouseDClick(
        dialog.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.table.visualItemRect(dialog.table.item(0, 0)).center(),
    )
    assert not errors, errors
    assert dialog.table.rowCount() == 1
    dialog.reject()


def test_an_edit_of_a_saved_case_asks_why_and_keeps_the_reason(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    """CORRECTIONS.md: a reason for every edit. Save case on a changed saved case asks
    why (naming the fields); Cancel saves nothing and keeps what was typed."""
    import json

    window = unlocked
    _open_first_case(window)
    editor = window.editor
    post_id = editor.post_id
    type_into(qtbot, editor.language, "my")
    asked: list[str] = []

    def cancel(dialog: QDialog) -> None:
        asked.append(dialog.labelText())
        qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Escape)

    errors = while_modal(cancel, QInputDialog)
    menu_action(window, "Case", "Save case").trigger()
    assert not errors, errors
    assert asked and "Language" in asked[0]
    assert "needs a reason" in editor.error.text()
    assert editor.language.text() == "my" and editor.is_dirty()
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        assert not session.scalars(
            select(AuditEvent).where(AuditEvent.action == "update", AuditEvent.entity == "post")
        ).all()

    errors = while_modal(_give_reason(qtbot, "the post is in Burmese"), QInputDialog)
    menu_action(window, "Case", "Save case").trigger()
    assert not errors, errors
    assert not editor.is_dirty() and editor.post_id == post_id
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "update", AuditEvent.entity == "post")
        ).one()
    detail = json.loads(event.detail)
    assert detail["reason"] == "the post is in Burmese"
    assert detail["changes"]["language"]["new"] == "my"

    # Saving again with nothing changed asks nothing.
    menu_action(window, "Case", "Save case").trigger()
    assert QApplication.activeModalWidget() is None


def test_saving_the_notes_leaves_untouched_evidence_as_stored(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The widgets do not show every value as it is kept (a time with seconds, text
    with \\r\\n and no-break spaces); a save after editing only the notes asks nothing
    and changes nothing else: the content and the time stay byte for byte."""
    import json

    from desktop_app.store import repository as repo
    from desktop_app.store.models import Post

    window = unlocked
    content = "line one\r\nline\u00a0two ကျောင်း"
    posted = datetime(2024, 3, 5, 8, 0, 15, tzinfo=UTC)
    with open_store(window.store_path, PASSPHRASE) as store, store.transaction() as session:
        post = repo.add_post(
            session,
            repo.PostFields(
                platform="facebook",
                url="https://facebook.com/page/posts/seconds",
                content=content,
                posted_at=posted,
            ),
        )
        post_id = post.id
    window.refresh_action.trigger()
    window.case_panel.select_post(post_id)
    window.editor.show_case(post_id)
    editor = window.editor
    type_into(qtbot, editor.notes, "checked again")
    asked: list[str] = []

    def refuse(dialog: QDialog) -> None:  # had it asked, the test fails (and goes on)
        asked.append(dialog.labelText())
        dialog.reject()

    while_modal(refuse, QInputDialog)
    menu_action(window, "Case", "Save case").trigger()
    assert not asked and not editor.error.text(), asked
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        saved = session.get(Post, post_id)
        assert saved is not None
        assert saved.content == content and saved.posted_at == posted
        assert saved.notes == "checked again"
        (event,) = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "update", AuditEvent.entity == "post")
        ).all()
    assert set(json.loads(event.detail)["changes"]) == {"notes"}


def test_the_author_fields_correct_the_account_with_a_reason_and_never_move_a_flag(  # type: ignore[no-untyped-def]
    unlocked, qtbot
) -> None:
    """Pointing a case at another known account leaves that account's name and
    "suspected fake" as stored (the box still showed the first account's: it used to
    flag or unflag the other account, without a reason). Changing the name or the box
    of the case's own account is an edit of the account: it asks why, names the
    account, and the custody log keeps the old and new values with the reason."""
    import json

    from PySide6.QtWidgets import QCheckBox

    from desktop_app.store import repository as repo
    from desktop_app.store.models import AuthorAccount, Post

    window = unlocked
    with open_store(window.store_path, PASSPHRASE) as store, store.transaction() as session:
        clean = repo.get_or_create_account(
            session, platform="facebook", handle="@clean", display_name="Clean Page"
        )
        post = repo.add_post(
            session,
            repo.PostFields(platform="facebook", url="https://facebook.com/clean/posts/1"),
            clean,
        )
        post_id = post.id
    window.refresh_action.trigger()
    window.case_panel.select_post(post_id)
    window.editor.show_case(post_id)
    editor = window.editor
    assert editor.author.text() == "@clean" and not editor.fake.isChecked()

    def accounts() -> dict[str, tuple[str, bool]]:
        with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
            return {
                a.handle_key: (a.display_name, a.suspected_fake)
                for a in session.scalars(select(AuthorAccount))
            }

    def author_of_case() -> str:
        with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
            saved = session.get(Post, post_id)
            assert saved is not None and saved.author_id is not None
            account = session.get(AuthorAccount, saved.author_id)
            assert account is not None
            return account.handle_key

    def account_edits() -> list[dict]:  # type: ignore[type-arg]
        with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
            events = session.scalars(
                select(AuditEvent).where(
                    AuditEvent.action == "edit", AuditEvent.entity == "author_account"
                )
            ).all()
            return [json.loads(e.detail) for e in events]

    before = accounts()
    assert before["hate_page"][1] is True and before["clean"][1] is False

    # To the known fake account, with the box unticked as it showed for @clean.
    type_into(qtbot, editor.author, "hate_page")
    errors = while_modal(_give_reason(qtbot, "logged under the wrong account"), QInputDialog)
    menu_action(window, "Case", "Save case").trigger()
    assert not errors, errors
    assert author_of_case() == "hate_page"
    assert accounts() == before  # still flagged: the box did not speak for it
    assert editor.fake.isChecked()  # the case now shows the account as it is

    # And back, with the box ticked as it showed for @Hate_Page.
    type_into(qtbot, editor.author, "@clean")
    errors = while_modal(_give_reason(qtbot, "it was @clean after all"), QInputDialog)
    menu_action(window, "Case", "Save case").trigger()
    assert not errors, errors
    assert author_of_case() == "clean"
    assert accounts() == before and not account_edits()
    assert editor.author_name.text() == "Clean Page" and not editor.fake.isChecked()

    # The account's own name and flag: asked why, named as the account's.
    type_into(qtbot, editor.author_name, "Clean Page ကျောင်း")
    click(qtbot, editor.fake)
    asked: list[tuple[str, str]] = []
    widths: list[int] = []

    def cancel(dialog: QDialog) -> None:
        asked.append((dialog.windowTitle(), dialog.labelText()))
        widths.append(dialog.frameGeometry().width())
        qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Escape)

    errors = while_modal(cancel, QInputDialog)
    menu_action(window, "Case", "Save case").trigger()
    assert not errors, errors
    assert asked and asked[0][0] == "Why is this account changed?"
    assert "@clean" in asked[0][1] and "Author's name" in asked[0][1]
    assert "Suspected fake account" in asked[0][1]
    assert widths[0] < 800  # the question wraps (on one line it was wider than a screen)
    assert accounts() == before and editor.is_dirty()  # nothing written, all kept
    assert isinstance(editor.fake, QCheckBox) and editor.fake.isChecked()

    errors = while_modal(_give_reason(qtbot, "the page renamed itself"), QInputDialog)
    menu_action(window, "Case", "Save case").trigger()
    assert not errors, errors
    assert not editor.is_dirty()
    assert accounts()["clean"] == ("Clean Page ကျောင်း", True)
    (detail,) = account_edits()
    assert detail["reason"] == "the page renamed itself"
    assert detail["changes"] == {
        "display_name": {"old": "Clean Page", "new": "Clean Page ကျောင်း"},
        "suspected_fake": {"old": False, "new": True},
    }

    # A handle never seen before makes a new account, which takes nothing of the
    # name and the box that still show @clean's.
    type_into(qtbot, editor.author, "@brand_new")
    errors = while_modal(_give_reason(qtbot, "another account posted it"), QInputDialog)
    menu_action(window, "Case", "Save case").trigger()
    assert not errors, errors
    assert author_of_case() == "brand_new"
    assert accounts()["brand_new"] == ("", False)
    assert accounts()["clean"] == ("Clean Page ကျောင်း", True)
