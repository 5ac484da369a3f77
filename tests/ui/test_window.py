"""The window as a researcher uses it, over a real encrypted store."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from desktop_app.store.engine import open_store
from desktop_app.store.models import Attachment, AuditEvent, Blob, Post, Report, Response
from tests.conftest import HEADER, PASSPHRASE, write_log


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


def test_new_store_refuses_a_passphrase_the_cli_would_refuse(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.dialogs.new_store import NewStoreDialog
    from tests.ui.menus import menu_action, type_into, while_modal

    target = tmp_path / "new.db"
    seen: list[str] = []

    def drive(dialog) -> None:  # type: ignore[no-untyped-def]
        type_into(qtbot, dialog.organisation, "Monitor")
        type_into(qtbot, dialog.path, str(target))
        for text in (" " * 12, "nine char"):
            type_into(qtbot, dialog.passphrase, text)
            type_into(qtbot, dialog.confirm, text)
            qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
            seen.append(dialog.error.text())
            assert dialog.isVisible()
        type_into(qtbot, dialog.passphrase, PASSPHRASE)
        type_into(qtbot, dialog.confirm, PASSPHRASE)
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)

    errors = while_modal(drive, NewStoreDialog)
    menu_action(window, "File", "New store").trigger()
    assert not errors, errors
    assert "empty or only spaces" in seen[0]
    assert "at least 10 characters" in seen[1]
    assert target.exists() and window.stack.currentWidget() is window.workspace


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
    # An empty clipboard, and one with no data at all (mimeData() is None): told, no crash.
    QGuiApplication.clipboard().clear()
    editor.paste_evidence()
    assert editor.evidence.count() == 0 and "clipboard" in editor.error.text()
    editor.error.clear()
    real_clipboard = QGuiApplication.clipboard

    class NoData:
        def mimeData(self) -> None:  # noqa: N802
            return None

    QGuiApplication.clipboard = staticmethod(lambda: NoData())  # type: ignore[method-assign]
    try:
        editor.paste_evidence()
    finally:
        QGuiApplication.clipboard = real_clipboard  # type: ignore[method-assign]
    assert editor.evidence.count() == 0 and "clipboard" in editor.error.text()
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(editor.content, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
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
        raw = store.raw()  # the editor's save keeps uids as 16 bytes (migration 0012)
        for table in ("post", "attachment", "author_account", "tag", "audit_event"):
            kinds = {t for (t,) in raw.execute(f"SELECT DISTINCT typeof(uid) FROM {table}")}
            assert kinds == {"blob"}, table


def test_reports_and_responses_with_refusal(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.dialogs.report_dialog import ReportDialog
    from desktop_app.ui.dialogs.response_dialog import ResponseDialog
    from tests.ui.menus import click, menu_action, type_into, while_modal

    window = unlocked
    editor = window.editor
    window.case_panel.table.selectRow(0)
    post_id = editor.post_id
    reports_before = editor.timeline.topLevelItemCount()

    def fill_report(dialog: ReportDialog) -> None:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        type_into(qtbot, dialog.reported_at, "2099-05-01 09:00")
        click(qtbot, ok)
        assert dialog.isVisible() and "in the future" in dialog.time_error.text()
        type_into(qtbot, dialog.reported_at, "2024-05-01 09:00")
        type_into(qtbot, dialog.reporter, "Ma Hla")
        click(qtbot, ok)

    errors = while_modal(fill_report, ReportDialog)
    menu_action(window, "Case", "Add report").trigger()
    assert not errors, errors
    assert editor.timeline.topLevelItemCount() == reports_before + 1
    new_item = next(
        editor.timeline.topLevelItem(i)
        for i in range(editor.timeline.topLevelItemCount())
        if "Ma Hla" in editor.timeline.topLevelItem(i).text(1)
    )
    editor.timeline.setCurrentItem(new_item)
    report_id = editor.selected_report_id()

    def refuse_then_fill(dialog: ResponseDialog) -> None:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        # A response before its report is refused at the field, and so is one without a time.
        type_into(qtbot, dialog.received_at, "2024-04-30 09:00")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("removed"))
        click(qtbot, ok)
        assert dialog.isVisible() and "before the report" in dialog.time_error.text()
        type_into(qtbot, dialog.received_at, "")
        click(qtbot, ok)
        assert dialog.isVisible() and "date and time" in dialog.time_error.text()
        type_into(qtbot, dialog.received_at, "2030-05-03 09:00")
        click(qtbot, ok)
        assert dialog.isVisible() and "future" in dialog.time_error.text()
        type_into(qtbot, dialog.received_at, "2024-05-03 09:00")
        dialog.text.setFocus()
        qtbot.keyClicks(dialog.text, "We removed it")
        click(qtbot, ok)

    errors = while_modal(refuse_then_fill, ResponseDialog)
    menu_action(window, "Case", "Add response to the selected report").trigger()
    assert not errors, errors
    item = next(
        editor.timeline.topLevelItem(i)
        for i in range(editor.timeline.topLevelItemCount())
        if "Ma Hla" in editor.timeline.topLevelItem(i).text(1)
    )
    assert item.childCount() == 1 and item.child(0).text(1) == "Removed"
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
    assert panel.count_label.text().startswith("1 of 2")


def _import_from_menu(window, qtbot, monkeypatch, path):  # type: ignore[no-untyped-def]
    """File > Import spreadsheet…, then "Choose file…" (the picker answers ``path``)."""
    from PySide6.QtWidgets import QPushButton

    from desktop_app.ui.dialogs.import_dialog import ImportDialog
    from tests.ui.menus import click, open_from_menu

    monkeypatch.setattr(ImportDialog, "pick_file", lambda self: str(path))
    dialog = open_from_menu(window, "File", "Import spreadsheet", ImportDialog)
    choose = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Choose file…")
    click(qtbot, choose)
    return dialog


def test_import_with_a_bad_row_lists_it_and_writes_nothing(
    unlocked, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
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
    dialog = _import_from_menu(window, qtbot, monkeypatch, bad)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10000)
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.item(0, 0).text() == "3"
    assert dialog.problems.item(0, 1).text() == "reported_at"
    assert not dialog.import_button.isEnabled()
    assert "Nothing has been written" in dialog.summary.text()
    path = window.store_path
    window.lock()
    assert _count(path, Report) == 3  # as before


def test_import_problems_read_in_burmese(unlocked, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """In a Burmese window each refused row's reason reads in Burmese; the row, the
    column's header name and the value typed stay as the file has them."""
    from PySide6.QtWidgets import QApplication, QPushButton

    from desktop_app.ui import i18n
    from desktop_app.ui.dialogs.import_dialog import ImportDialog
    from tests.ui.menus import click, open_from_menu

    good = {"platform": "tiktok", "reported_at": "2024-02-01 10:00"}
    rows = [
        {**good, "post_url": "https://tiktok.com/@a/video/1", "reported_at": "soon"},
        {**good, "post_url": "https://tiktok.com/@a/video/2", "reported_at": "1999-01-01 10:00"},
        {**good, "post_url": "https://tiktok.com/@a/video/3", "reported_at": "2090-01-01 10:00"},
        {**good, "post_url": "https://tiktok.com/@a/video/4", "platform": ""},
        {**good},
        {**good, "post_url": "https://tiktok.com/@a/video/6", "author_suspected_fake": "maybe"},
        {
            **good,
            "post_url": "https://tiktok.com/@a/video/7",
            "final_outcome": "deleted",
            "final_response_at": "2024-02-02 10:00",
        },
        {**good, "post_url": "https://tiktok.com/@a/video/8", "final_outcome": "removed"},
        {**good, "post_url": "https://tiktok.com/@a/video/9", "final_response_at": "2024-02-02"},
        {**good, "post_url": "https://tiktok.com/@a/video/10", "first_response_at": "2024-01-01"},
    ]
    monkeypatch.setattr(
        ImportDialog, "pick_file", lambda self: str(write_log(tmp_path / "bad.csv", rows))
    )
    dialog = open_from_menu(unlocked, "File", "Import spreadsheet", ImportDialog)
    choose = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Choose file…")
    app = QApplication.instance()
    try:
        i18n.install_translators(app, "my")
        click(qtbot, choose)
        qtbot.waitUntil(lambda: dialog.check is not None, timeout=10000)
        shown = [
            tuple(dialog.problems.item(row, column).text() for column in range(3))
            for row in range(dialog.problems.rowCount())
        ]
    finally:
        i18n.install_translators(app, i18n.ENGLISH)
    reasons = {problem.reason for problem in dialog.check.problems}
    assert len(reasons) >= 10, reasons
    assert len(shown) == len(dialog.check.problems)
    for (row, column, reason), problem in zip(shown, dialog.check.problems, strict=True):
        assert (row, column) == (str(problem.row), problem.column)
        assert re.search("[\u1000-\u109f]", reason), f"not translated: {problem.reason!r}"
        assert not re.search(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b", reason), reason
    assert any("'soon' သည် ရက်စွဲနှင့် အချိန် မဟုတ်ပါ" in reason for _, _, reason in shown)
    assert any("'maybe' သည် yes သို့မဟုတ် no မဟုတ်ပါ" in reason for _, _, reason in shown)


def test_import_runs_in_the_background_and_refreshes(
    unlocked, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
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
    dialog = _import_from_menu(window, qtbot, monkeypatch, write_log(tmp_path / "good.csv", rows))
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10000)
    assert dialog.import_button.isEnabled()
    assert dialog.sample.item(0, 4).text() == "2024-02-01 10:00"  # local time, as typed
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.result.added == 50
    # Nothing stale: the list behind the dialog already shows them, unasked.
    assert window.model.total == 52
    assert window.case_panel.count_label.text() == "52 cases"


def test_zawgyi_text_is_kept_but_shown_readable(unlocked) -> None:  # type: ignore[no-untyped-def]
    editor = unlocked.editor
    unlocked.new_case_action.trigger()
    editor.content.setPlainText("ျမန္မာ ႏိုင္ငံ")
    assert editor.zawgyi_note.isVisibleTo(editor)
    assert "မြန်မာ နိုင်ငံ" in editor.zawgyi_note.text()
    editor.content.setPlainText("မြန်မာ နိုင်ငံ")
    assert not editor.zawgyi_note.isVisibleTo(editor)


def test_import_a_sheet_whose_headers_differ_by_matching_columns(
    unlocked, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    sheet = tmp_path / "theirs.csv"
    sheet.write_text(
        "Link,Site,Date reported,Text\n"
        "https://tiktok.com/@x/video/9,TikTok,2024-03-01 10:00,ဗုဒ္ဓဘာသာ\n",
        encoding="utf-8",
    )
    dialog = _import_from_menu(window, qtbot, monkeypatch, sheet)
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
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert dialog.result.added == 1


def test_importing_the_sheet_again_adds_the_decision_and_names_a_misspelt_column(
    unlocked, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The log kept and imported again once the platform decided Researcher B's
    report: the preview names the misspelt column with the one it was meant to be,
    and the import adds the decision to the report already present (the list's
    pending case is decided), saying so."""
    from tests.importers.test_spreadsheet import ROWS

    window = unlocked
    panel = window.case_panel
    panel.status.setCurrentIndex(panel.status.findData("pending"))
    assert window.model.rowCount() == 1
    decided = [
        dict(ROWS[0]),
        {**ROWS[1], "final_response_at": "2018-03-07 09:00", "final_outcome": "removed"},
        dict(ROWS[2]),
    ]
    for row in decided:
        row["Reportr"] = "seen again"
    header = [*HEADER, "Reportr"]
    path = write_log(tmp_path / "again.csv", decided, header=header)
    dialog = _import_from_menu(window, qtbot, monkeypatch, path)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10000)
    assert "Reportr (did you mean reporter?)" in dialog.summary.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert (dialog.result.added, dialog.result.responses_added) == (0, 1)
    assert "1 platform response added to reports already present" in dialog.message.text()
    dialog.accept()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10000)
