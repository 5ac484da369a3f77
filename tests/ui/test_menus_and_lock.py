"""Every command is reachable; a lock closes everything and nothing reaches the store after."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolBar
from sqlalchemy import func, select

from desktop_app.core.errors import StoreLockedError
from desktop_app.store.engine import open_store, rekey
from desktop_app.store.models import Attachment, AuditEvent, Draft, Post
from desktop_app.ui.dialogs.export_dialog import ExportDialog
from desktop_app.ui.dialogs.import_bundle_dialog import ImportBundleDialog
from desktop_app.ui.dialogs.import_dialog import ImportDialog
from desktop_app.ui.dialogs.report_dialog import ReportDialog
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from desktop_app.ui.dialogs.share_dialog import ShareDialog
from desktop_app.ui.workers import Worker
from tests.conftest import PASSPHRASE
from tests.ui.menus import click, dialogs, menu_action, menu_actions, open_from_menu, type_into


def _reachable(window) -> set[QAction]:  # type: ignore[no-untyped-def]
    found: set[QAction] = set()
    for top in window.menuBar().actions():
        found.add(top)
        if top.menu() is not None:
            found.update(menu_actions(top.menu()))
    for bar in window.findChildren(QToolBar):
        found.update(bar.actions())
    for widget, menu in window.context_menus.items():
        assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
        found.update(menu_actions(menu))
    return found


def test_every_action_is_in_a_menu_toolbar_or_context_menu(unlocked) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    reachable = _reachable(window)
    orphans = sorted(
        action.text()
        for action in window.findChildren(QAction)
        if action.text().strip() and action not in reachable
    )
    assert not orphans, f"actions no person can reach: {orphans}"
    # The six that were once created but put nowhere are in the menu bar itself.
    for item in (
        "Export workbook",
        "Export evidence pack",
        "Share with partner",
        "Import partner bundle",
        "Settings",
        "Back up store",
    ):
        assert menu_action(window, "File", item).isEnabled()
    shortcuts = {
        plain: menu_action(window, menu, plain).shortcut().toString()
        for menu, plain in (
            ("Case", "New case"),
            ("Case", "Save case"),
            ("File", "Import spreadsheet"),
            ("File", "Lock"),
            ("Edit", "Find cases"),
            ("Edit", "Paste screenshot as evidence"),
            ("File", "Export workbook"),
        )
    }
    assert shortcuts == {
        "New case": "Ctrl+N",
        "Save case": "Ctrl+S",
        "Import spreadsheet": "Ctrl+I",
        "Lock": "Ctrl+L",
        "Find cases": "Ctrl+F",
        "Paste screenshot as evidence": "Ctrl+V",
        "Export workbook": "Ctrl+E",
    }
    toolbar = {a.text() for a in window.toolbar.actions()}
    assert {"New case", "Save case", "Import spreadsheet…", "Lock"} <= toolbar


def test_locked_window_offers_only_what_needs_no_store(unlocked) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    window.lock()
    # Verifying a pack needs no store: it stays on offer while locked.
    assert menu_action(window, "File", "Verify evidence pack").isEnabled()
    assert not menu_action(window, "File", "Export evidence pack").isEnabled()
    assert not menu_action(window, "File", "Settings").isEnabled()
    assert menu_action(window, "File", "Open store").isEnabled()


def test_shortcuts_find_and_paste_into_the_case_while_typing(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.case_panel.search
    window.case_panel.table.selectRow(0)
    editor = window.editor
    before = editor.content.toPlainText()
    image = QImage(200, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc3366"))
    QGuiApplication.clipboard().setImage(image)
    editor.content.setFocus()
    assert QApplication.focusWidget() is editor.content
    qtbot.keyClick(editor.content, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.evidence.count() == 1  # pasted as evidence, even from a text field
    assert editor.content.toPlainText() == before
    # With text on the clipboard, Ctrl+V in a field pastes the text as usual.
    QGuiApplication.clipboard().setText("typed note")
    editor.notes.setFocus()
    qtbot.keyClick(editor.notes, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "typed note" in editor.notes.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    path = window.store_path
    window.lock()
    with open_store(path, PASSPHRASE) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 1
        assert session.scalars(select(Post.notes).where(Post.notes.contains("typed note"))).all()


MENU_DIALOGS = [
    ("Settings", SettingsDialog),
    ("Export workbook", ExportDialog),
    ("Export evidence pack", ExportDialog),
    ("Share with partner", ShareDialog),
    ("Import spreadsheet", ImportDialog),
    ("Import partner bundle", ImportBundleDialog),
]


@pytest.mark.parametrize(("item", "kind"), MENU_DIALOGS, ids=[m[0] for m in MENU_DIALOGS])
def test_an_idle_lock_closes_the_open_dialog_and_the_store_stays_shut(
    unlocked, qtbot, item, kind
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    path = window.store_path
    store = window.store
    dialog = open_from_menu(window, "File", item, kind)
    assert dialog.isVisible()
    window.idle_minutes = 0.001  # 60 ms
    window._restart_idle_timer()
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert not dialogs(QDialog), "a dialog survived the lock"
    assert window.stack.currentWidget() is window.unlock_page
    # What the dialog held can no longer reach the store: no session, no new connection.
    with pytest.raises(StoreLockedError):
        store.session()
    with pytest.raises(StoreLockedError):
        store.engine.connect()
    # The attack of issue 14 (re-keying through a settings dialog left open) has
    # nothing left to work with: the dialog is gone and its store refuses.
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=2000)
    with pytest.raises(StoreLockedError):
        rekey(store, "intruder passphrase 12345")
    with open_store(path, PASSPHRASE) as again, again.session() as session:
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert actions[-2:] == ["unlock", "lock"]  # the custody log records both


def test_an_idle_lock_closes_a_report_dialog_opened_from_the_case_menu(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.menus import while_modal

    window = unlocked
    window.case_panel.table.selectRow(0)
    seen: list[QDialog] = []

    def wait_for_idle_lock(dialog: QDialog) -> None:
        seen.append(dialog)
        window.idle_minutes = 0.001
        window._restart_idle_timer()
        qtbot.waitUntil(lambda: window.is_locked, timeout=3000)

    errors = while_modal(wait_for_idle_lock, ReportDialog)
    menu_action(window, "Case", "Add report").trigger()  # returns when the dialog closed
    assert not errors, errors
    assert seen and window.is_locked and not dialogs(QDialog)


@pytest.mark.parametrize("kind", ["report", "response"])
def test_a_report_or_response_half_typed_survives_the_idle_lock(unlocked, qtbot, kind) -> None:  # type: ignore[no-untyped-def]
    """The idle lock closes an Add report / Add response dialog; what was typed in it
    is kept, encrypted in the store, with the case's draft, and the dialog opens again
    with it once the person unlocks and takes the draft back. Nothing was saved."""
    from desktop_app.store.models import Report, Response
    from desktop_app.ui.dialogs.response_dialog import ResponseDialog
    from tests.ui.menus import while_modal

    window = unlocked
    window.case_panel.table.selectRow(0)
    editor = window.editor
    post_id, path = editor.post_id, window.store_path
    if kind == "response":
        editor.timeline.setCurrentItem(editor.timeline.topLevelItem(0))
    dialog_kind = ReportDialog if kind == "report" else ResponseDialog
    words = "ဒုတိယ တိုင်ကြားသူ" if kind == "report" else "ဖယ်ရှားပြီးကြောင်း အကြောင်းကြားစာ"

    def type_then_wait(dialog: QDialog) -> None:
        if kind == "report":
            type_into(qtbot, dialog.reporter, words)
        else:
            type_into(qtbot, dialog.text, words)  # one key event per character
        window.idle_minutes = 0.001
        window._restart_idle_timer()
        qtbot.waitUntil(lambda: window.is_locked, timeout=3000)

    with open_store(path, PASSPHRASE) as store, store.session() as session:
        before = (
            session.scalar(select(func.count()).select_from(Report)),
            session.scalar(select(func.count()).select_from(Response)),
        )
    errors = while_modal(type_then_wait, dialog_kind)
    item = "Add report" if kind == "report" else "Add response to the selected report"
    menu_action(window, "Case", item).trigger()
    assert not errors, errors
    assert window.is_locked and not dialogs(QDialog)
    with open_store(path, PASSPHRASE) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(Draft)) == 1
        after = (
            session.scalar(select(func.count()).select_from(Report)),
            session.scalar(select(func.count()).select_from(Response)),
        )
    assert after == before  # nothing saved

    window.unlock_page.passphrase.setText(PASSPHRASE)
    click(qtbot, window.unlock_page.unlock_button)
    seen: list[str] = []

    def look(dialog: QDialog) -> None:
        seen.append(dialog.reporter.text() if kind == "report" else dialog.text.toPlainText())
        dialog.reject()

    errors = while_modal(look, dialog_kind)
    click(qtbot, window.draft_box.button(QMessageBox.StandardButton.Open))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert not errors, errors
    assert seen == [words] and editor.post_id == post_id


def test_long_work_counts_as_activity_and_the_lock_waits_for_it(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    release = threading.Event()
    steps: list[int] = []

    def task(progress, cancelled):  # type: ignore[no-untyped-def]
        while not release.wait(0.02):
            steps.append(1)
            if cancelled():
                return "cancelled"
        return "done"

    worker = Worker(task)
    worker.start()
    qtbot.waitUntil(lambda: len(steps) > 0, timeout=10000)  # it is running now
    window.idle_minutes = 0.001
    window._restart_idle_timer()
    qtbot.wait(400)  # several idle periods pass while the task runs
    assert not window.is_locked and len(steps) > 5
    release.set()
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert worker.done.is_set()


def test_ctrl_l_cancels_running_work_before_closing_the_store(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    store = window.store
    outcome: list[str] = []

    def task(progress, cancelled):  # type: ignore[no-untyped-def]
        while not cancelled():
            with store.session() as session:  # uses the store until told to stop
                session.scalar(select(func.count()).select_from(Post))
        outcome.append("stopped")
        return None

    worker = Worker(task)
    worker.start()
    qtbot.waitUntil(
        lambda: not Worker._running - {worker} and worker.started.is_set(), timeout=10000
    )
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked and outcome == ["stopped"] and worker.done.is_set()


def test_switching_case_with_unsaved_text_asks_and_keeps_it(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    panel, editor = window.case_panel, window.editor
    panel.table.selectRow(0)
    first = editor.post_id
    type_into(qtbot, editor.tags, "ကျန်ရစ်")
    asked: list[str] = []
    window.ask = lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Cancel
    panel.table.selectRow(1)
    assert asked and editor.post_id == first and editor.tags.text() == "ကျန်ရစ်"
    qtbot.waitUntil(lambda: panel.selected_post_ids() == [first], timeout=1000)
    window.ask = lambda box: QMessageBox.StandardButton.Save
    panel.table.selectRow(1)
    assert editor.post_id != first
    panel.select_post(first)
    editor.show_case(first)
    assert editor.tags.text() == "ကျန်ရစ်"  # saved on the way out


def test_an_idle_lock_keeps_unsaved_text_as_a_draft_and_offers_it_back(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    window.case_panel.table.selectRow(0)
    editor = window.editor
    post_id = editor.post_id
    type_into(qtbot, editor.author_name, "မသိသူ draft")
    path = window.store_path
    window.idle_minutes = 0.001
    window._restart_idle_timer()
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert editor.author_name.text() == ""
    with open_store(path, PASSPHRASE) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(Draft)) == 1
    assert "မသိသူ".encode() not in path.read_bytes()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    click(qtbot, window.unlock_page.unlock_button)
    offer = window.draft_box
    assert offer.isVisible() and "not saved" in offer.text()
    click(qtbot, offer.button(QMessageBox.StandardButton.Open))
    assert editor.post_id == post_id and editor.author_name.text() == "မသိသူ draft"
    assert editor.is_dirty()
    with open_store(path, PASSPHRASE) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(Draft)) == 0


def test_a_lock_starts_the_next_unlock_from_a_clean_list(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    panel = window.case_panel
    panel.show_posts(frozenset({window.model.rows[0].post_id}), "Reports of 2024-01 · Removed")
    assert panel.chip.isVisibleTo(panel) and "2024-01" in panel.chip_label.text()
    assert panel.count_label.text().startswith("1 of 2")
    window.lock()
    window.unlock(PASSPHRASE)
    assert not panel.chip.isVisibleTo(panel) and window.model.rowCount() == 2
    panel.show_posts(frozenset({window.model.rows[0].post_id}), "Reports of 2024-01")
    click(qtbot, panel.chip_close)
    assert not panel.chip.isVisibleTo(panel) and window.model.rowCount() == 2


def test_a_write_by_another_program_shows_without_asking(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from desktop_app.store import repository as repo

    window = unlocked
    assert window.model.total == 2
    # Another program (e.g. caselog-cli import) adds a case to the same store.
    with open_store(window.store_path, PASSPHRASE) as other, other.transaction() as session:
        post = repo.add_post(
            session,
            repo.PostFields(platform="tiktok", url="https://tiktok.com/@x/video/77", content="x"),
            None,
        )
        repo.add_report(session, post, reported_at=datetime(2024, 6, 1, tzinfo=UTC))
    qtbot.waitUntil(lambda: window.model.total == 3, timeout=8000)
    assert window.case_panel.count_label.text() == "3 cases"


def test_custody_log_names_cases_and_records_unlocks(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    menu_action(window, "Case", "New case").trigger()
    type_into(qtbot, window.editor.url, "https://www.facebook.com/x/posts/5")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved_ref = window.editor.title.text().replace("<h3>", "").replace("</h3>", "")
    assert saved_ref.startswith("C-")
    menu_action(window, "View", "Custody log").trigger()
    table = window.custody.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [
        {headers[c]: table.item(r, c).text() for c in range(table.columnCount())}
        for r in range(table.rowCount())
    ]
    assert "Store unlocked" in [row["Action"] for row in rows]
    created = [row for row in rows if row["What"] == "post" and row["Action"] == "Created"]
    assert created and created[0]["Case"] == saved_ref  # a case reference, not a uid


def test_count_axes_have_whole_number_ticks() -> None:
    from desktop_app.ui.widgets.charts import axis_ticks

    for maximum in (1, 3, 6, 7, 37, 99, 100_000):
        step, count = axis_ticks(maximum, integer=True)
        assert step.is_integer() and step * count >= maximum and count <= 5
    step, _ = axis_ticks(0.7, integer=False)
    assert step == 0.2


def test_a_chart_keeps_its_legend_inside_and_its_sla_label_off_the_bars(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Long (Burmese) series names wrap instead of running off the edge; the SLA
    label sits above the bars, never on one; the one bin with a bar is labelled even
    where a crowded axis leaves labels out."""
    from desktop_app.ui.widgets.charts import BarChart, Series

    chart = BarChart("ကြာချိန်")
    qtbot.addWidget(chart)
    chart.resize(340, 240)
    names = ["ဖယ်ရှားခဲ့သည်", "ကန့်သတ်ခဲ့သည်", "ဆိုင်းငံ့ခဲ့သည်", "စည်းမျဉ်းမချိုးဖောက်", "စောင့်ဆိုင်းဆဲ"]
    labels = [f"{n * 6}–{n * 6 + 6} နာရီ" for n in range(14)]
    values = [0.0] * 14
    values[9] = 1.0
    chart.set_data(
        labels,
        [Series(name, values, "#336699") for name in names],
        marker=(8.0, "SLA 48 နာရီ"),
    )
    chart.show()
    chart.grab()  # paints
    assert len(chart._legend) == len(names)
    assert all(box.right() <= chart.width() for box in chart._legend)
    assert len({round(box.top()) for box in chart._legend}) > 1  # wrapped
    assert chart._marker_box is not None
    assert all(
        rect.height() == 0 or not rect.intersects(chart._marker_box) for rect, _i, _s in chart._bars
    )
    assert all(box.bottom() <= chart._marker_box.top() + 1 for box in chart._legend)
    placed = [label for _rect, label in chart._placed]
    assert labels[9] in placed and len(placed) < len(labels)


def test_saving_while_another_program_writes_keeps_the_edit_and_retries(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    window.case_panel.table.selectRow(0)
    editor = window.editor
    type_into(qtbot, editor.tags, "busy-test")
    other = open_store(window.store_path, PASSPHRASE)
    try:
        holder = other.engine.connect()
        holder.exec_driver_sql("BEGIN IMMEDIATE")  # like a CLI import holding the write lock
        click(qtbot, editor.save_button)  # waits the bounded busy time, then says so
        assert "busy with another task" in editor.error.text()
        assert editor.tags.text() == "busy-test" and editor.is_dirty()
        assert editor.save_button.text() == "Try saving again"
        holder.rollback()
        holder.close()
    finally:
        other.close()
    click(qtbot, editor.save_button)
    assert editor.error.text() == "" and not editor.is_dirty()
    assert "busy-test" in editor.tags.text()


def test_retract_and_restore_a_report_from_the_timeline_with_a_reason(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from desktop_app.store.models import Report
    from tests.ui.menus import while_modal

    window = unlocked
    window.case_panel.table.selectRow(0)
    editor = window.editor
    item = editor.timeline.topLevelItem(0)
    editor.timeline.setCurrentItem(item)
    reports_before = editor.timeline.topLevelItemCount()
    retract = menu_action(window, "Case", "Retract the selected report or response")
    assert retract.isEnabled()

    def give_reason(text: str):  # type: ignore[no-untyped-def]
        def drive(dialog: QDialog) -> None:
            edit = dialog.findChild(type(window.case_panel.search))
            type_into(qtbot, edit, text)
            qtbot.keyClick(edit, Qt.Key.Key_Return)

        return drive

    errors = while_modal(give_reason("reported twice by mistake"), QInputDialog)
    retract.trigger()
    assert not errors, errors
    assert editor.timeline.topLevelItemCount() == reports_before - 1  # hidden by default
    click(qtbot, editor.show_retracted)
    struck = [
        editor.timeline.topLevelItem(i)
        for i in range(editor.timeline.topLevelItemCount())
        if editor.timeline.topLevelItem(i).font(0).strikeOut()
    ]
    assert len(struck) == 1 and "reported twice by mistake" in struck[0].text(3)
    editor.timeline.setCurrentItem(struck[0])
    restore = menu_action(window, "Case", "Restore the selected report or response")
    assert restore.isEnabled()
    errors = while_modal(give_reason("it was a separate report after all"), QInputDialog)
    restore.trigger()
    assert not errors, errors
    with open_store(window.store_path, PASSPHRASE) as store, store.session() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(Report).where(Report.retracted_at.is_not(None))
            )
            == 0
        )
        actions = set(session.scalars(select(AuditEvent.action)))
    assert {"retract", "restore"} <= actions


def test_a_responses_screenshot_opens_from_the_timeline(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.demo import DEMO_PASSPHRASE, create_demo_store
    from desktop_app.ui.dialogs.image_viewer import ImageViewer

    path = tmp_path / "demo.db"
    create_demo_store(path).close()
    window.ask_unlock(path)
    window.unlock(DEMO_PASSPHRASE)
    editor = window.editor
    found = None
    for row in range(window.model.rowCount()):
        window.case_panel.table.selectRow(row)
        for i in range(editor.timeline.topLevelItemCount()):
            report = editor.timeline.topLevelItem(i)
            for j in range(report.childCount()):
                if report.child(j).data(1, Qt.ItemDataRole.UserRole):
                    found = report.child(j)
        if found is not None:
            break
    assert found is not None, "the demo has a response with a screenshot"
    editor.timeline.setCurrentItem(found)
    action = menu_action(window, "Case", "Open the response's screenshot")
    assert action.isEnabled()
    action.trigger()
    (viewer,) = dialogs(ImageViewer)
    assert viewer.isVisible()


def test_unlocking_and_migrating_run_off_the_windows_thread(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import desktop_app.ui.main_window as main_window
    from desktop_app.store.engine import create_store

    path = tmp_path / "old.db"
    create_store(path, PASSPHRASE, organisation="Threads", target="0004").close()
    threads: list[str] = []
    real_open = main_window.open_store

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(main_window, "open_store", watched)
    window.ask_unlock(path)
    window.unlock(PASSPHRASE)
    assert not window.is_locked
    assert threads and threads[0] != threading.main_thread().name
    with window.store.session() as session:  # migrated on the way (0004 -> head)
        from desktop_app.store.engine import SCHEMA_HEAD, current_revision

        assert current_revision(window.store.engine) == SCHEMA_HEAD
        assert session is not None
