"""The window as a researcher uses it, over a real encrypted store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from desktop_app.store.engine import open_store
from desktop_app.store.models import Attachment, AuditEvent, Blob, Post, Report, Response
from tests.conftest import PASSPHRASE, write_log


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type any script, one key event per character (QTest only maps ASCII keys)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _count(path: Path, model) -> int:  # type: ignore[no-untyped-def]
    with open_store(path, PASSPHRASE) as store, store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_first_start_creates_a_store(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.dialogs.new_store import NewStoreDialog

    assert window.stack.currentWidget() is window.start_page
    target = tmp_path / "new.db"

    def filled() -> NewStoreDialog:
        dialog = NewStoreDialog(window)
        dialog.organisation.setText("မြန်မာ Monitor")
        dialog.path.setText(str(target))
        dialog.passphrase.setText("short")
        dialog.confirm.setText("short")
        dialog._accept()
        assert "too short" in dialog.error.text()  # refused at the field
        dialog.passphrase.setText(PASSPHRASE)
        dialog.confirm.setText(PASSPHRASE + "x")
        dialog._accept()
        assert "differ" in dialog.error.text()
        dialog.confirm.setText(PASSPHRASE)
        monkeypatch.setattr(dialog, "exec", lambda: 1)
        return dialog

    monkeypatch.setattr(window, "new_store_dialog", filled)
    window.new_store()
    assert target.exists()
    assert window.stack.currentWidget() is window.workspace
    assert "မြန်မာ Monitor" in window.windowTitle()
    assert window.settings.value("store/last_path") == str(target)


def test_lock_and_unlock(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    assert window.model.rowCount() == 2
    window.case_panel.table.selectRow(0)
    assert window.editor.content.toPlainText() != ""
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert window.stack.currentWidget() is window.unlock_page
    # Nothing of the case data is left in the window.
    assert window.model is None and window.case_panel.table.model() is None
    assert (
        window.editor.content.toPlainText() == ""
        and window.editor.timeline.topLevelItemCount() == 0
    )
    window.unlock_page.passphrase.setText("wrong")
    qtbot.mouseClick(window.unlock_page.unlock_button, Qt.MouseButton.LeftButton)
    assert window.is_locked
    assert "Wrong passphrase" in window.unlock_page.error_label.text()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(window.unlock_page.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.is_locked and window.model.rowCount() == 2
    assert window.unlock_page.passphrase.text() == ""


def test_idle_time_locks(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    window.idle_minutes = 0.001  # 60 ms
    window._restart_idle_timer()
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert window.stack.currentWidget() is window.unlock_page


def test_add_a_post_with_a_pasted_screenshot(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    path = window.store_path
    editor = window.editor
    window.new_case_action.trigger()
    editor.platform.setCurrentText("facebook")
    editor.url.setText("https://www.facebook.com/hate/posts/77?fbclid=1")
    editor.content.setPlainText("ရခိုင်ပြည်နယ်တွင် အမုန်းစကား")
    editor.author.setText("@new_author")
    editor.fake.setChecked(True)
    editor.tags.setText("election, ရွေးကောက်ပွဲ")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.post_id is not None and editor.error.text() == ""
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    QGuiApplication.clipboard().setImage(image)
    editor.paste_evidence()
    assert editor.evidence.count() == 1
    assert window.model.total == 3
    window.lock()
    assert _count(path, Post) == 3
    assert _count(path, Attachment) == 1
    with open_store(path, PASSPHRASE) as store, store.session() as session:
        blob = session.scalars(select(Blob)).one()
        assert blob.data.startswith(b"\x89PNG")
        actions = set(session.scalars(select(AuditEvent.entity)))
        assert {"post", "attachment"} <= actions


def test_reports_and_responses_with_refusal(unlocked, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.dialogs.report_dialog import ReportDialog
    from desktop_app.ui.dialogs.response_dialog import ResponseDialog

    window = unlocked
    editor = window.editor
    window.case_panel.table.selectRow(0)
    post_id = editor.post_id
    reports_before = editor.timeline.topLevelItemCount()

    def report_exec(self: ReportDialog) -> int:
        self.reported_at.setText("2024-05-01 09:00")
        self.reporter.setText("Ma Hla")
        self._accept()
        return self.result()

    monkeypatch.setattr(ReportDialog, "exec", report_exec)
    editor.add_report()
    assert editor.timeline.topLevelItemCount() == reports_before + 1
    new_item = next(
        editor.timeline.topLevelItem(i)
        for i in range(editor.timeline.topLevelItemCount())
        if "Ma Hla" in editor.timeline.topLevelItem(i).text(1)
    )
    editor.timeline.setCurrentItem(new_item)
    report_id = editor.selected_report_id()

    # A response before its report is refused at the field, and so is one without a time.
    with open_store(window.store_path, PASSPHRASE) as other, other.session() as session:
        reported_at = session.get(Report, report_id).reported_at
    dialog = ResponseDialog(window.tz, reported_at, window)
    dialog.received_at.setText("2024-04-30 09:00")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("removed"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.result()
    assert dialog.time_error.isVisibleTo(dialog) and "before the report" in dialog.time_error.text()
    dialog.received_at.setText("")
    dialog._accept()
    assert not dialog.result() and "date and time" in dialog.time_error.text()

    def response_exec(self: ResponseDialog) -> int:
        self.received_at.setText("2024-05-03 09:00")
        self.outcome.setCurrentIndex(self.outcome.findData("removed"))
        self.text.setPlainText("We removed it")
        self._accept()
        return self.result()

    monkeypatch.setattr(ResponseDialog, "exec", response_exec)
    editor.add_response()
    item = next(
        editor.timeline.topLevelItem(i)
        for i in range(editor.timeline.topLevelItemCount())
        if "Ma Hla" in editor.timeline.topLevelItem(i).text(1)
    )
    assert item.childCount() == 1 and item.child(0).text(1) == "removed"
    assert "48.0 h" in item.text(2)  # 2024-05-01 09:00 -> 05-03 09:00
    assert item.foreground(2).color().name() == "#1b7f3b"  # within the 48 h SLA
    assert editor.post_id == post_id
    path = window.store_path
    window.lock()
    with open_store(path, PASSPHRASE) as store, store.session() as session:
        report = session.get(Report, report_id)
        assert report.final_outcome == "removed"
        assert (
            session.scalar(
                select(func.count()).select_from(Response).where(Response.report_id == report_id)
            )
            == 1
        )


def test_search_a_burmese_substring_and_filter_pending(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    panel = window.case_panel
    type_text(panel.search, "တိုက်ခိုက်")
    assert window.model.rowCount() == 1
    assert window.model.rows[0].platform == "facebook"
    panel.search.clear()
    assert window.model.rowCount() == 2
    panel.status.setCurrentIndex(panel.status.findData("pending"))
    # The Messenger chain letter was decided (no_violation); the Facebook post has a
    # pending report from Researcher B.
    assert window.model.rowCount() == 1
    assert window.model.rows[0].latest_outcome == "pending"
    assert "1 cases" in panel.count_label.text()


def test_import_with_a_bad_row_lists_it_and_writes_nothing(unlocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    rows = [
        {
            "platform": "tiktok",
            "post_url": "https://tiktok.com/@a/video/1",
            "reported_at": "2024-02-01 10:00",
        },
        {"platform": "tiktok", "post_url": "https://tiktok.com/@a/video/2", "reported_at": "soon"},
    ]
    bad = write_log(tmp_path / "bad.csv", rows)
    dialog = window.import_dialog()
    dialog.set_file(str(bad))
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10000)
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.item(0, 0).text() == "3"
    assert dialog.problems.item(0, 1).text() == "reported_at"
    assert not dialog.import_button.isEnabled()
    assert "Nothing has been written" in dialog.summary.text()
    path = window.store_path
    window.lock()
    assert _count(path, Report) == 3  # as before


def test_import_runs_in_the_background_and_refreshes(unlocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    rows = [
        {
            "platform": "tiktok",
            "post_url": f"https://tiktok.com/@a/video/{i}",
            "content": "ဗုဒ္ဓဘာသာ",
            "reported_at": "2024-02-01 10:00",
        }
        for i in range(50)
    ]
    dialog = window.import_dialog()
    dialog.set_file(str(write_log(tmp_path / "good.csv", rows)))
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10000)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_button.clicked, timeout=1000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.result.added == 50
    window.refresh_cases()
    assert window.model.total == 52


def test_zawgyi_text_is_kept_but_shown_readable(unlocked) -> None:  # type: ignore[no-untyped-def]
    editor = unlocked.editor
    unlocked.new_case_action.trigger()
    editor.content.setPlainText("ျမန္မာ ႏိုင္ငံ")
    assert editor.zawgyi_note.isVisibleTo(editor)
    assert "မြန်မာ နိုင်ငံ" in editor.zawgyi_note.text()
    editor.content.setPlainText("မြန်မာ နိုင်ငံ")
    assert not editor.zawgyi_note.isVisibleTo(editor)


def test_import_a_sheet_whose_headers_differ_by_matching_columns(unlocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    sheet = tmp_path / "theirs.csv"
    sheet.write_text(
        "Link,Site,Date reported,Text\n"
        "https://tiktok.com/@x/video/9,TikTok,2024-03-01 10:00,ဗုဒ္ဓဘာသာ\n",
        encoding="utf-8",
    )
    dialog = window.import_dialog()
    dialog.set_file(str(sheet))
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=10000)
    assert dialog.check is None and "Match columns" in dialog.message.text()

    def matched():  # type: ignore[no-untyped-def]
        mapper = dialog.__class__.mapping_dialog(dialog)
        mapper.combos["post_url"].setCurrentIndex(mapper.combos["post_url"].findData("Link"))
        mapper.combos["platform"].setCurrentIndex(mapper.combos["platform"].findData("Site"))
        mapper.combos["reported_at"].setCurrentIndex(
            mapper.combos["reported_at"].findData("Date reported")
        )
        mapper.combos["content"].setCurrentIndex(mapper.combos["content"].findData("Text"))
        mapper.exec = lambda: (mapper._accept(), mapper.result())[1]
        return mapper

    dialog.mapping_dialog = matched
    dialog.match_columns()
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.check is not None, timeout=10000)
    assert dialog.check.ok and dialog.import_button.isEnabled()
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert dialog.result.added == 1
