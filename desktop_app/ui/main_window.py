"""The main window: start, unlock, and the workspace (case list and case editor).

Locking (Ctrl+L, the toolbar, or idle time) closes the store, drops every model
row and editor field, and asks for the passphrase again.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
)

from desktop_app.core.errors import AppError, StoreLockedError
from desktop_app.core.timeutil import zone
from desktop_app.demo import DEMO_PASSPHRASE, create_demo_store
from desktop_app.paths import data_dir
from desktop_app.store.cases import CaseList
from desktop_app.store.engine import Store, create_store, open_store
from desktop_app.ui.dialogs.export_dialog import ExportDialog
from desktop_app.ui.dialogs.import_bundle_dialog import ImportBundleDialog
from desktop_app.ui.dialogs.import_dialog import ImportDialog
from desktop_app.ui.dialogs.new_store import NewStoreDialog
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from desktop_app.ui.dialogs.share_dialog import ShareDialog
from desktop_app.ui.models.case_table import CaseTableModel
from desktop_app.ui.widgets.case_editor import CaseEditor
from desktop_app.ui.widgets.case_list import CaseListPanel
from desktop_app.ui.widgets.custody_view import CustodyView
from desktop_app.ui.widgets.dashboard import Dashboard
from desktop_app.ui.widgets.offenders_view import OffendersView
from desktop_app.ui.widgets.partners_view import PartnersView
from desktop_app.ui.widgets.start_page import StartPage
from desktop_app.ui.widgets.unlock_page import UnlockPage

log = logging.getLogger(__name__)
LAST_STORE_KEY = "store/last_path"
INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class MainWindow(QMainWindow):
    def __init__(self, db_path: str | None = None, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Caselog")
        self.settings = settings or QSettings()
        self.store: Store | None = None
        self.store_path: Path | None = None
        self.case_list: CaseList | None = None
        self.model: CaseTableModel | None = None
        self.tz: Any = None
        self.idle_minutes = 10

        self.start_page = StartPage()
        self.unlock_page = UnlockPage()
        self.case_panel = CaseListPanel()
        self.editor = CaseEditor()
        self.cases_tab = QSplitter(Qt.Orientation.Horizontal)
        self.cases_tab.addWidget(self.case_panel)
        self.cases_tab.addWidget(self.editor)
        self.cases_tab.setSizes([900, 500])
        self.dashboard = Dashboard()
        self.offenders = OffendersView()
        self.custody = CustodyView()
        self.workspace = QTabWidget()
        self.workspace.addTab(self.cases_tab, self.tr("Cases"))
        self.workspace.addTab(self.dashboard, self.tr("Dashboard"))
        self.workspace.addTab(self.offenders, self.tr("Repeat offenders and duplicates"))
        self.workspace.addTab(self.custody, self.tr("Custody log"))
        self.partners = PartnersView()
        self.workspace.addTab(self.partners, self.tr("Partners"))
        self.workspace.currentChanged.connect(self._tab_changed)
        self.stack = QStackedWidget()
        for page in (self.start_page, self.unlock_page, self.workspace):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self._build_actions()
        self.start_page.new_requested.connect(self.new_store)
        self.start_page.open_requested.connect(self.open_store_dialog)
        self.start_page.demo_requested.connect(self.open_demo)
        self.unlock_page.unlock_requested.connect(self.unlock)
        self.unlock_page.other_store_requested.connect(self.show_start)
        self.case_panel.case_selected.connect(self.editor.show_case)
        self.editor.changed.connect(self._case_changed)
        self.dashboard.show_posts.connect(self.show_posts)
        self.offenders.show_posts.connect(self.show_posts)
        self.offenders.changed.connect(self.refresh_cases)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

        last = db_path or self.settings.value(LAST_STORE_KEY, "", type=str)
        if last and Path(last).exists():
            self.ask_unlock(Path(last))
        else:
            self.show_start()
        self.resize(1400, 860)

    # --- actions -----------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(
            self.tr("Lock now (Ctrl+L): close the store and clear the screen")
        )
        self.lock_action.triggered.connect(self.lock)
        self.new_case_action = QAction(self.tr("New case"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self.editor.new_case)
        self.import_action = QAction(self.tr("Import spreadsheet…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_spreadsheet)
        new_store = QAction(self.tr("New store…"), self)
        new_store.triggered.connect(self.new_store)
        open_store_action = QAction(self.tr("Open store…"), self)
        open_store_action.setShortcut(QKeySequence.StandardKey.Open)
        open_store_action.triggered.connect(self.open_store_dialog)
        self.export_workbook_action = QAction(self.tr("Export workbook…"), self)
        self.export_workbook_action.triggered.connect(lambda: self.export("workbook"))
        self.export_pack_action = QAction(self.tr("Export evidence pack…"), self)
        self.export_pack_action.triggered.connect(lambda: self.export("pack"))
        self.share_action = QAction(self.tr("Share with partner…"), self)
        self.share_action.triggered.connect(self.share)
        self.import_bundle_action = QAction(self.tr("Import partner bundle…"), self)
        self.import_bundle_action.triggered.connect(self.import_bundle)
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.backup_action = QAction(self.tr("Back up store…"), self)
        self.backup_action.triggered.connect(self.back_up)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (
            new_store,
            open_store_action,
            None,
            self.new_case_action,
            self.import_action,
            None,
            self.lock_action,
            quit_action,
        ):
            if action is None:
                self.file_menu.addSeparator()
            else:
                self.file_menu.addAction(action)
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setMovable(False)
        toolbar.addAction(self.new_case_action)
        toolbar.addAction(self.import_action)
        toolbar.addSeparator()
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self._set_unlocked_actions(False)

    def _set_unlocked_actions(self, unlocked: bool) -> None:
        for action in (
            self.lock_action,
            self.new_case_action,
            self.import_action,
            self.settings_action,
            self.backup_action,
        ):
            action.setEnabled(unlocked)

    # --- pages -------------------------------------------------------------------------
    def show_start(self) -> None:
        self.stack.setCurrentWidget(self.start_page)

    def ask_unlock(self, path: Path, hint: str = "") -> None:
        self.store_path = path
        self.unlock_page.prepare(path, hint)
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.passphrase.setFocus()

    def pick_store_to_open(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a Caselog store"),
            str(data_dir()),
            "Caselog store (*.db);;All files (*)",
        )
        return path

    def open_store_dialog(self) -> None:
        self.lock()
        path = self.pick_store_to_open()
        if path:
            self.ask_unlock(Path(path))

    def new_store_dialog(self) -> NewStoreDialog:
        return NewStoreDialog(self)

    def new_store(self) -> None:
        self.lock()
        dialog = self.new_store_dialog()
        if not dialog.exec():
            return
        path = Path(dialog.path.text().strip())
        try:
            store = create_store(
                path,
                dialog.passphrase.text(),
                organisation=dialog.organisation.text(),
                timezone=dialog.timezone.currentText(),
            )
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Store not created"), exc.message)
            return
        finally:
            dialog.passphrase.clear()
            dialog.confirm.clear()
        self._opened(store, path)

    def open_demo(self) -> None:
        self.lock()
        path = data_dir() / "caselog-demo.db"
        if not path.exists():
            try:
                store = create_demo_store(path)
            except AppError as exc:
                QMessageBox.warning(self, self.tr("Demo"), exc.message)
                return
            store.close()
        self.ask_unlock(
            path, self.tr("Demo store: its passphrase is <b>{0}</b>").format(DEMO_PASSPHRASE)
        )

    # --- unlock and lock -------------------------------------------------------------------
    def unlock(self, passphrase: str) -> None:
        if self.store_path is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = open_store(self.store_path, passphrase)
        except StoreLockedError:
            self.unlock_page.show_error(self.tr("Wrong passphrase. Try again."))
            return
        except AppError as exc:
            self.unlock_page.show_error(exc.message)
            return
        finally:
            QApplication.restoreOverrideCursor()
            self.unlock_page.passphrase.clear()
        self._opened(store, self.store_path)

    def _opened(self, store: Store, path: Path) -> None:
        self.store = store
        self.store_path = path
        self.settings.setValue(LAST_STORE_KEY, str(path))
        self._load_settings()
        self.case_list = CaseList(store.engine.connect(), sla_hours=self.org_settings.sla_hours)
        self.case_list.rebuild()
        self.model = CaseTableModel(self.case_list, self.tz)
        self.case_panel.attach(self.model, self.tz)
        self._attach_views()
        self.editor.new_case()
        self.workspace.setCurrentWidget(self.cases_tab)
        self.stack.setCurrentWidget(self.workspace)
        self._set_unlocked_actions(True)
        self._restart_idle_timer()
        self._remind_backup()
        # Compute the dashboard in the background now, so its tab opens ready.
        QTimer.singleShot(0, self.dashboard.refresh)

    def _load_settings(self) -> None:
        from desktop_app.store.settings import load_settings

        assert self.store is not None and self.store_path is not None
        with self.store.session() as session:
            self.org_settings = load_settings(session)
        self.tz = zone(self.org_settings.timezone)
        self.idle_minutes = self.org_settings.idle_lock_minutes
        self.setWindowTitle(f"Caselog — {self.org_settings.name or self.store_path.name}")

    def _attach_views(self) -> None:
        """Give every tab the open store and the current settings."""
        assert self.store is not None and self.case_list is not None
        settings = self.org_settings
        self.editor.attach(self.store, self.tz, settings.sla_hours)
        self.dashboard.attach(
            self.store,
            self.tz,
            settings.sla_hours,
            settings.repeat_threshold,
            self.case_list.distinct("platform"),
            self.case_list.distinct("category"),
        )
        self.custody.attach(self.store, self.tz)
        self.partners.attach(self.store, self.tz)
        self.offenders.detach()
        self.offenders.store = self.store
        self._tab_changed(self.workspace.currentIndex())

    def _tab_changed(self, _index: int) -> None:
        if self.store is None:
            return
        current = self.workspace.currentWidget()
        if current is self.dashboard:
            if self.dashboard.data is None and self.dashboard.worker is None:
                self.dashboard.refresh()
        elif current is self.offenders:
            self.offenders.attach(self.store, self.dashboard.current_params())
        elif current is self.custody:
            self.custody.refresh()

    def show_posts(self, post_ids: frozenset[int], description: str) -> None:
        """Open the case list on exactly these posts (from a figure, bar or account)."""
        self.workspace.setCurrentWidget(self.cases_tab)
        self.case_panel.show_posts(post_ids)
        self.statusBar().showMessage(
            self.tr("Showing the {0} cases behind: {1}. Clear the search to see all.").format(
                len(post_ids), description
            )
        )

    def _remind_backup(self) -> None:
        from desktop_app.store.backup import backup_overdue

        assert self.store is not None
        if backup_overdue(self.store, days=self.org_settings.backup_reminder_days):
            self.statusBar().showMessage(
                self.tr("No backup in the last {0} days: use File > Back up store.").format(
                    self.org_settings.backup_reminder_days
                )
            )

    def open_settings(self) -> None:
        if self.store is None:
            return
        dialog = self.settings_dialog()
        dialog.exec()
        if dialog.rekeyed or dialog.changed:
            self._reconnect()

    def settings_dialog(self) -> SettingsDialog:
        assert self.store is not None
        dialog = SettingsDialog(self.store, self)
        dialog.release_connections = self._release_case_list
        return dialog

    def _release_case_list(self) -> None:
        if self.case_list is not None:
            self.case_panel.table.setModel(None)
            self.case_list.close()
            self.case_list = None

    def _reconnect(self) -> None:
        """After settings or a new passphrase: reload settings and every view."""
        assert self.store is not None
        self._load_settings()
        self._release_case_list()
        self.case_list = CaseList(
            self.store.engine.connect(), sla_hours=self.org_settings.sla_hours
        )
        self.case_list.rebuild()
        self.model = CaseTableModel(self.case_list, self.tz)
        self.case_panel.attach(self.model, self.tz)
        self._attach_views()
        self._restart_idle_timer()

    def export_dialog(self, kind: str) -> ExportDialog:
        assert self.store is not None and self.case_list is not None
        filtered = self.case_list.case_refs(self.case_panel.current_filter())
        selected_ids = set(self.case_panel.selected_post_ids())
        selected = [
            r.case_ref for r in (self.model.rows if self.model else []) if r.post_id in selected_ids
        ]
        return ExportDialog(
            self.store,
            kind,
            self.tz,
            self.org_settings.sla_hours,
            self.org_settings.repeat_threshold,
            filtered,
            selected,
            self,
        )

    def export(self, kind: str) -> None:
        if self.store is None:
            return
        self.export_dialog(kind).exec()

    def _refs(self) -> tuple[list[str], list[str]]:
        assert self.case_list is not None
        filtered = self.case_list.case_refs(self.case_panel.current_filter())
        selected_ids = set(self.case_panel.selected_post_ids())
        selected = [
            r.case_ref for r in (self.model.rows if self.model else []) if r.post_id in selected_ids
        ]
        return filtered, selected

    def share_dialog(self) -> ShareDialog:
        assert self.store is not None
        filtered, selected = self._refs()
        return ShareDialog(self.store, self.tz, filtered, selected, self)

    def share(self) -> None:
        if self.store is not None:
            self.share_dialog().exec()
            self.partners.refresh()

    def import_bundle_dialog(self) -> ImportBundleDialog:
        assert self.store is not None
        return ImportBundleDialog(self.store, self)

    def import_bundle(self) -> None:
        if self.store is None:
            return
        dialog = self.import_bundle_dialog()
        dialog.exec()
        if dialog.result is not None:
            self.refresh_cases()

    def pick_backup_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, self.tr("Back up to which folder or USB stick?")
        )

    def back_up(self) -> None:
        from desktop_app.store.backup import backup_store

        if self.store is None:
            return
        folder = self.pick_backup_folder()
        if not folder:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            target = backup_store(self.store, folder)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Backup failed"), exc.message)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.last_backup_path = target
        self.statusBar().showMessage(
            self.tr("Backed up to {0}. It is encrypted with the same passphrase.").format(target)
        )

    def lock(self) -> None:
        """Close the store and forget every piece of case data held by the window."""
        if self.store is None:
            return
        self.idle_timer.stop()
        self.editor.detach()
        self.dashboard.detach()
        self.offenders.detach()
        self.custody.detach()
        self.partners.detach()
        self.statusBar().clearMessage()
        if self.model is not None:
            self.model.clear()
        self.case_panel.table.setModel(None)
        self.case_panel.model = None
        self.case_panel.search.clear()
        self.model = None
        if self.case_list is not None:
            self.case_list.close()
            self.case_list = None
        self.store.close()
        self.store = None
        self.setWindowTitle("Caselog")
        self._set_unlocked_actions(False)
        if self.store_path is not None:
            self.ask_unlock(self.store_path)

    @property
    def is_locked(self) -> bool:
        return self.store is None

    def _restart_idle_timer(self) -> None:
        if self.store is not None and self.idle_minutes > 0:
            self.idle_timer.start(self.idle_minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS and self.store is not None:
            self._restart_idle_timer()
        return False

    # --- data changes --------------------------------------------------------------------
    def refresh_cases(self) -> None:
        if self.case_list is None or self.model is None:
            return
        self.case_list.rebuild()
        self.case_panel.refill_choices()
        self.case_panel.apply_filter()
        if self.workspace.currentWidget() is not self.cases_tab:
            self._tab_changed(self.workspace.currentIndex())

    def _case_changed(self, _post_id: int) -> None:
        self.refresh_cases()

    def import_dialog(self) -> ImportDialog:
        assert self.store is not None
        return ImportDialog(self.store, self.tz.key, self)

    def import_spreadsheet(self) -> None:
        if self.store is None:
            return
        dialog = self.import_dialog()
        dialog.exec()
        if dialog.result is not None:
            self.refresh_cases()

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self.lock()
        super().closeEvent(event)
