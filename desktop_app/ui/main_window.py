"""The main window: start, unlock, and the workspace (case list and case editor).

Every command is in the menu bar (File, Edit, Case, View, Help); the frequent ones
are on the toolbar and in the context menus of the case list and the timeline.

Locking (Ctrl+L, the toolbar, idle time, another store, quitting) closes every
dialog and cancels every worker first, keeps unsaved editor text as an encrypted
draft, then closes the store, which forgets its passphrase.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QEventLoop, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop_app.core.errors import AppError, StoreLockedError
from desktop_app.paths import data_dir
from desktop_app.store.engine import Store, create_store, open_store
from desktop_app.ui.i18n import error_text, set_display_zone
from desktop_app.ui.vocab import numerus
from desktop_app.ui.widgets.unlock_page import UnlockPage
from desktop_app.ui.workers import Worker

# The workspace (the case list, the case editor, the tabs) and the store's reads are
# imported when the workspace is made (``_make_workspace``: while the key is derived,
# or once the unlock page is up); the dialogs by the actions that open them. The
# unlock page needs none of them, nor SQLAlchemy, the importer, the sharing code or
# openpyxl that some of them bring (issue 15).
if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QSplitter, QTabWidget

    from desktop_app.store.cases import CaseList, FirstPage
    from desktop_app.store.copies import MigrationCopies
    from desktop_app.store.settings import OrganisationSettings
    from desktop_app.ui.dialogs.export_dialog import ExportDialog
    from desktop_app.ui.dialogs.import_bundle_dialog import ImportBundleDialog
    from desktop_app.ui.dialogs.import_dialog import ImportDialog
    from desktop_app.ui.dialogs.new_store import NewStoreDialog
    from desktop_app.ui.dialogs.purge_dialog import PurgeDialog
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

log = logging.getLogger(__name__)
LAST_STORE_KEY = "store/last_path"
LAST_EXPORT_FOLDER_KEY = "export/last_folder"
EDITOR_DRAFT = "case-editor"
AFTER_PAINT_MS = 100  # the background work after the first paint starts this much later
# Once the unlock (or start) page is up, the rest of the window is made this much
# later, while a person types the passphrase (an unlock that comes first makes the
# workspace at once, and the views after the first paint).
WORKSPACE_AFTER_MS = 300
# The window is made in three parts (issue 15), each when one of its names is first
# read, if not before: the start page; the workspace, i.e. what the first page of cases
# shows (the list, the tabs' bar); the views not in that first paint (the case editor,
# the dashboard, offenders, custody and partners tabs, their context menus).
START_PARTS = frozenset({"start_page"})
WORKSPACE_PARTS = frozenset(
    {"case_panel", "cases_tab", "workspace", "case_context_menu", "context_menus"}
)
VIEW_PARTS = frozenset(
    {
        "editor",
        "dashboard",
        "offenders",
        "custody",
        "partners",
        "timeline_context_menu",
        "evidence_context_menu",
    }
)
# Nothing made before the unlock names ``Qt`` or ``QEvent``: PySide6 builds each of
# them, every enum in it, on first use (``Qt`` 0.03-0.05 s, ``QEvent`` 0.01 s), and a
# window that is unlocked at once would pay for them before the key derivation starts.
# The case list's module, imported while the key is derived (``_make_workspace``),
# builds them then; this module imports them where it uses them (issue 15).
TOOL_BUTTON_TEXT_ONLY = 1  # Qt.ToolButtonStyle.ToolButtonTextOnly, set as a Qt property


# Named tuples, not dataclasses: ``dataclasses`` is not imported before the unlock page.
class Opening(NamedTuple):
    """What the unlock read on the store's thread: the settings and the first page."""

    store: Store
    settings: OrganisationSettings
    first: FirstPage


class AfterUnlock(NamedTuple):
    """Read on the store's thread after the first paint, for the views."""

    backup_overdue: bool
    draft: Any  # (saved_at, payload) or None
    handles: list[str]


class PendingList:
    """The whole case list being built on the store's thread (``build_case_list``)."""

    def __init__(self, store: Store, sla_hours: float) -> None:
        self.store = store
        self.sla_hours = sla_hours
        self.built: CaseList | None = None
        self.worker: Worker | None = None
        self.taken = False

    def task(self, progress: Any, cancelled: Any) -> None:
        from desktop_app.store.cases import build_case_list

        built = build_case_list(self.store, sla_hours=self.sla_hours, cancelled=cancelled)
        if self.taken:  # the window locked meanwhile
            built.close()
            return
        self.built = built

    def wait(self) -> CaseList:
        """The built list (waits for it); built here if that failed or never ran."""
        if self.worker is not None:
            self.worker.done.wait()
        self.taken = True
        built, self.built = self.built, None
        if built is not None:
            return built
        from desktop_app.store.cases import CaseList

        cases = CaseList(self.store.raw(), sla_hours=self.sla_hours)
        cases.rebuild()
        return cases

    def discard(self) -> None:
        """The window locked: close the list's connection if nobody took it."""
        self.taken = True
        built, self.built = self.built, None
        if built is not None:
            built.close()


class MainWindow(QMainWindow):
    # After the first page is painted the window goes on in the background: the
    # custody record, the whole case list, the views that read the store. A test (or
    # a script) can set this to have ``unlock`` return only once all that is done.
    settle_on_unlock = False
    settled = Signal()

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
        self.org_settings: OrganisationSettings | None = None
        # Each unlock is a generation; background results of an earlier one are dropped.
        self._generation = 0
        self._pending_list: PendingList | None = None
        self._unsettled: set[str] = set()
        self._unlock_workers: list[Worker] = []

        self.unlock_page = UnlockPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlock_page)
        self.setCentralWidget(self.stack)
        # Made when first read (``__getattr__``): the start page; the workspace (by
        # ``unlock`` while the key is derived); the views (after the first paint).
        self._start_made = False
        self._workspace_made = False
        self._views_made = False
        self._idle_build = QTimer(self)  # started once the first page is up
        self._idle_build.setSingleShot(True)
        self._idle_build.timeout.connect(self._make_views)
        self._stale: set[QWidget] = set()

        self._build_actions()
        self.unlock_page.unlock_requested.connect(self.unlock)
        self.unlock_page.other_store_requested.connect(self.show_start)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._idle_timeout)
        # Writes by others (a CLI import, a worker of ours) show without asking: SQLite's
        # data_version moves when another connection commits.
        self.change_timer = QTimer(self)
        self.change_timer.setInterval(3000)
        self.change_timer.timeout.connect(self._check_other_writes)
        self._data_version: int | None = None
        self._input_events: frozenset[Any] = frozenset()  # filled by ``_watch_input``
        self._key_press: Any = None
        # Input anywhere in the window (idle lock, Ctrl+V of a screenshot) is watched
        # from the first paint of an unlocked store to its lock (``_watch_input``):
        # a Python filter on the application costs every event of every widget a call,
        # and the first event of an object of a class PySide6 does not wrap (a label's
        # text control) makes it set up most of QtWidgets' enums (0.03 s at start).

        self.clean_export_leftovers()
        last = db_path or self.settings.value(LAST_STORE_KEY, "", type=str)
        if last and Path(last).exists():
            self.ask_unlock(Path(last))
        else:
            self.show_start()
        self.resize(1400, 860)
        self._idle_build.start(WORKSPACE_AFTER_MS)

    def __getattr__(self, name: str) -> Any:
        """A part of the window read before it is made makes it."""
        made = self.__dict__
        if name in VIEW_PARTS and made.get("_views_made") is False:
            self._make_views()
        elif name in WORKSPACE_PARTS and made.get("_workspace_made") is False:
            self._make_workspace()
        elif name in START_PARTS and made.get("_start_made") is False:
            self._make_start_page()
        else:
            raise AttributeError(name)
        return made[name]

    def _make_start_page(self) -> None:
        """First start: create a store, open one, or the demo (not made when a store
        is asked for at once)."""
        if self.__dict__.get("_start_made", True):
            return
        self._start_made = True
        from desktop_app.ui.widgets.start_page import StartPage

        self.start_page: StartPage = StartPage()
        self.stack.insertWidget(0, self.start_page)
        self.start_page.new_requested.connect(self.new_store)
        self.start_page.open_requested.connect(self.open_store_dialog)
        self.start_page.demo_requested.connect(self.open_demo)

    def _make_workspace(self) -> None:
        """What the first page of cases shows: the case list and the tabs' bar, with a
        place held for the case editor and for each other tab's view (once).

        Made while the key is derived (``unlock``) or while a person types the
        passphrase, so the unlock page is up sooner and the first page of cases
        waits for nothing but the store."""
        if self.__dict__.get("_workspace_made", True):
            return
        self._workspace_made = True
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter, QTabWidget

        from desktop_app.ui.widgets.case_list import CaseListPanel

        self.case_panel: CaseListPanel = CaseListPanel()
        self.cases_tab: QSplitter = QSplitter(Qt.Orientation.Horizontal)
        self.cases_tab.addWidget(self.case_panel)
        self.cases_tab.addWidget(QWidget())  # the case editor's place
        self.cases_tab.setSizes([900, 500])
        self.workspace: QTabWidget = QTabWidget()
        self.workspace.addTab(self.cases_tab, self.tr("Cases"))
        for title in self._view_titles():
            self.workspace.addTab(QWidget(), title)  # the view's place
        self.workspace.currentChanged.connect(self._tab_changed)
        self.stack.addWidget(self.workspace)
        self.case_panel.case_selected.connect(self._case_selected)
        self.case_context_menu = QMenu(self)
        self._fill(
            self.case_context_menu,
            self.add_report_action,
            self.paste_action,
            self.add_files_action,
            None,
            self.export_workbook_action,
            self.export_pack_action,
            self.share_action,
            None,
            self.retract_case_action,
        )
        self.context_menus: dict[QWidget, QMenu] = {}
        self._bind_context_menu(self.case_panel.table, self.case_context_menu)

    def _view_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Dashboard"),
            self.tr("Repeat offenders and duplicates"),
            self.tr("Custody log"),
            self.tr("Partners"),
        )

    def _make_views(self) -> None:
        """The case editor and the tabs' views, put in their places, with their context
        menus; given the open store, if there is one (once).

        Made after the first page of cases is painted (``_continue_unlock``), while a
        person types the passphrase, or when one of them is first read."""
        self._make_workspace()
        if self.__dict__.get("_views_made", True):
            return
        self._views_made = True
        self._idle_build.stop()
        from desktop_app.ui.widgets.case_editor import CaseEditor
        from desktop_app.ui.widgets.custody_view import CustodyView
        from desktop_app.ui.widgets.dashboard import Dashboard
        from desktop_app.ui.widgets.offenders_view import OffendersView
        from desktop_app.ui.widgets.partners_view import PartnersView

        self.editor: CaseEditor = CaseEditor()
        place = self.cases_tab.replaceWidget(1, self.editor)
        if place is not None:
            place.deleteLater()
        self.dashboard: Dashboard = Dashboard()
        self.offenders: OffendersView = OffendersView()
        self.custody: CustodyView = CustodyView()
        self.partners: PartnersView = PartnersView()
        current = self.workspace.currentIndex()
        self.workspace.blockSignals(True)
        try:
            views = (self.dashboard, self.offenders, self.custody, self.partners)
            for index, (view, title) in enumerate(
                zip(views, self._view_titles(), strict=True), start=1
            ):
                place = self.workspace.widget(index)
                self.workspace.removeTab(index)
                self.workspace.insertTab(index, view, title)
                place.deleteLater()
            self.workspace.setCurrentIndex(current)
        finally:
            self.workspace.blockSignals(False)

        self.editor.changed.connect(self._case_changed)
        self.dashboard.show_posts.connect(self.show_posts)
        self.offenders.show_posts.connect(self.show_posts)
        self.offenders.changed.connect(self.data_changed)
        self.editor.timeline.currentItemChanged.connect(lambda *_: self._update_case_actions())
        self.editor.evidence.itemSelectionChanged.connect(self._update_case_actions)
        self._build_context_menus()
        if self.store is not None and self.case_list is not None:
            self._bind_views()
            self.editor.new_case()
            self._update_case_actions()

    # --- actions -----------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
        *,
        needs_store: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # The property, not ``setShortcut``: choosing among that method's overloads
            # makes PySide6 build ``Qt`` (see TOOL_BUTTON_TEXT_ONLY), before the unlock.
            action.setProperty("shortcut", QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        if needs_store:
            self.store_actions.append(action)
        return action

    def _build_actions(self) -> None:
        """Every command is in the menu bar; the frequent ones also on the toolbar, and
        the ones about a case or a report also in the list's and timeline's context menus."""
        self.store_actions: list[QAction] = []
        act = self._action
        self.new_store_action = act(self.tr("New store…"), self.new_store, needs_store=False)
        self.open_store_action = act(
            self.tr("Open store…"),
            self.open_store_dialog,
            QKeySequence.StandardKey.Open,
            needs_store=False,
        )
        self.demo_action = act(self.tr("Open the demo store"), self.open_demo, needs_store=False)
        self.import_action = act(
            self.tr("Import spreadsheet…"),
            self.import_spreadsheet,
            "Ctrl+I",
            self.tr("Import a report log (CSV or Excel)"),
        )
        self.import_bundle_action = act(
            self.tr("Import partner bundle…"), self.import_bundle, "Ctrl+Shift+I"
        )
        self.export_workbook_action = act(
            self.tr("Export workbook…"),
            lambda: self.export("workbook"),
            "Ctrl+E",
            self.tr("Export the indicator workbook (Excel)"),
        )
        self.export_pack_action = act(
            self.tr("Export evidence pack…"), lambda: self.export("pack"), "Ctrl+Shift+E"
        )
        self.share_action = act(self.tr("Share with partner…"), self.share)
        self.verify_pack_action: QAction | None = None
        self.backup_action = act(self.tr("Back up store…"), self.back_up, "Ctrl+B")
        self.settings_action = act(
            self.tr("Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        self.lock_action = act(
            self.tr("Lock"),
            self.lock,
            "Ctrl+L",
            self.tr("Lock now (Ctrl+L): close the store and clear the screen"),
        )
        self.quit_action = act(
            self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit, needs_store=False
        )
        self.find_action = act(self.tr("Find cases…"), self.find, QKeySequence.StandardKey.Find)
        self.clear_filters_action = act(
            self.tr("Show all cases (clear filters)"), self.clear_filters, "Ctrl+Shift+A"
        )
        self.paste_action = act(
            self.tr("Paste screenshot as evidence"),
            self.paste_evidence,
            QKeySequence.StandardKey.Paste,
            self.tr("Attach the image on the clipboard to the open case"),
        )
        self.new_case_action = act(self.tr("New case"), self.new_case, QKeySequence.StandardKey.New)
        self.save_case_action = act(
            self.tr("Save case"), self.save_case, QKeySequence.StandardKey.Save
        )
        self.add_report_action = act(self.tr("Add report…"), self.add_report, "Ctrl+R")
        self.add_response_action = act(
            self.tr("Add response to the selected report…"), self.add_response, "Ctrl+Shift+R"
        )
        self.add_files_action = act(self.tr("Add evidence files…"), self.add_evidence_files)
        self.open_response_file_action = act(
            self.tr("Open the response's screenshot"), self.open_response_file
        )
        self.retract_case_action = act(self.tr("Retract case…"), self.retract_case)
        self.retracted_cases_action = act(
            self.tr("Retracted cases…"),
            self.show_retracted_cases,
            tip=self.tr("The cases left out of the list, and a way to restore one"),
        )
        self.retract_entry_action = act(
            self.tr("Retract the selected report or response…"), self.retract_entry
        )
        self.restore_entry_action = act(
            self.tr("Restore the selected report or response…"), self.restore_entry
        )
        self.edit_entry_action = act(
            self.tr("Edit the selected report or response…"), self.edit_entry
        )
        self.edit_entry_here_action = act(self.tr("Edit…"), self.edit_entry)
        self.retract_attachment_action = act(
            self.tr("Retract the selected attachment…"), lambda: self.correct_attachment(False)
        )
        self.restore_attachment_action = act(
            self.tr("Restore the selected attachment…"), lambda: self.correct_attachment(True)
        )
        self.purge_attachment_action = act(
            self.tr("Purge the selected attachment…"), self.purge_attachment
        )
        self.refresh_action = act(
            self.tr("Refresh"), self.data_changed, QKeySequence.StandardKey.Refresh
        )
        self.about_action = act(self.tr("About Caselog"), self.about, needs_store=False)
        self.view_actions: list[QAction] = []
        for number, (title, page) in enumerate(
            (
                (self.tr("Cases"), "cases_tab"),
                (self.tr("Dashboard"), "dashboard"),
                (self.tr("Repeat offenders and duplicates"), "offenders"),
                (self.tr("Custody log"), "custody"),
                (self.tr("Partners"), "partners"),
            ),
            start=1,
        ):
            self.view_actions.append(
                act(
                    title,
                    lambda page=page: self.workspace.setCurrentWidget(getattr(self, page)),
                    f"Ctrl+{number}",
                )
            )

        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu(self.tr("&File"))
        self._fill(
            self.file_menu,
            self.new_store_action,
            self.open_store_action,
            self.demo_action,
            None,
            self.import_action,
            self.import_bundle_action,
            None,
            self.export_workbook_action,
            self.export_pack_action,
            self.share_action,
        )
        # --- Verify evidence pack… goes here (see _add_verify_pack_action) ---
        self.verify_slot = self.file_menu.addSeparator()
        self._fill(
            self.file_menu,
            self.backup_action,
            self.settings_action,
            None,
            self.lock_action,
            self.quit_action,
        )
        self.edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        self._fill(
            self.edit_menu, self.paste_action, None, self.find_action, self.clear_filters_action
        )
        self.case_menu = menu_bar.addMenu(self.tr("&Case"))
        self._fill(
            self.case_menu,
            self.new_case_action,
            self.save_case_action,
            None,
            self.add_report_action,
            self.add_response_action,
            self.add_files_action,
            self.paste_action,
            self.open_response_file_action,
            None,
            self.edit_entry_action,
            self.retract_case_action,
            self.retracted_cases_action,
            self.retract_entry_action,
            self.restore_entry_action,
            None,
            self.retract_attachment_action,
            self.restore_attachment_action,
            self.purge_attachment_action,
        )
        self.view_menu = menu_bar.addMenu(self.tr("&View"))
        self._fill(self.view_menu, *self.view_actions, None, self.refresh_action)
        self.help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setMovable(False)
        toolbar.setProperty("toolButtonStyle", TOOL_BUTTON_TEXT_ONLY)
        self._fill(
            toolbar,
            self.new_case_action,
            self.save_case_action,
            self.add_report_action,
            self.paste_action,
            None,
            self.import_action,
            self.export_workbook_action,
            self.share_action,
            None,
            self.lock_action,
        )
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.view_menu.addSeparator()
        toolbar.toggleViewAction().setText(self.tr("Show the toolbar"))
        self.view_menu.addAction(toolbar.toggleViewAction())
        self._add_verify_pack_action()
        self._set_unlocked_actions(False)

    def _build_context_menus(self) -> None:
        """Context menus of the case editor: the same actions as the menu bar's, where
        the pointer is (the case list's is made with the workspace)."""
        self.timeline_context_menu = QMenu(self)
        self._fill(
            self.timeline_context_menu,
            self.add_response_action,
            self.open_response_file_action,
            None,
            self.add_report_action,
            None,
            self.edit_entry_here_action,
            self.retract_entry_action,
            self.restore_entry_action,
        )
        self.evidence_context_menu = QMenu(self)
        self._fill(
            self.evidence_context_menu,
            self.add_files_action,
            self.paste_action,
            None,
            self.retract_attachment_action,
            self.restore_attachment_action,
            self.purge_attachment_action,
        )
        self._bind_context_menu(self.editor.timeline, self.timeline_context_menu)
        self._bind_context_menu(self.editor.evidence, self.evidence_context_menu)

    def _bind_context_menu(self, widget: QWidget, menu: QMenu) -> None:
        from PySide6.QtCore import Qt

        self.context_menus[widget] = menu
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(
            lambda pos, widget=widget, menu=menu: self._context_menu(widget, menu, pos)
        )

    @staticmethod
    def _fill(target: QMenu | QToolBar, *actions: QAction | None) -> None:
        for action in actions:
            if action is None:
                target.addSeparator()
            else:
                target.addAction(action)

    def _add_verify_pack_action(self) -> None:
        """File > Verify evidence pack… (a dialog that needs no unlocked store)."""
        from importlib.util import find_spec

        # Looked for, not imported: the dialog loads when the action is used.
        if find_spec("desktop_app.ui.dialogs.verify_pack_dialog") is None:
            return
        self.verify_pack_action = self._action(
            self.tr("Verify evidence pack…"), self.verify_pack, needs_store=False
        )
        self.file_menu.insertAction(self.verify_slot, self.verify_pack_action)

    def verify_pack(self) -> None:
        from desktop_app.ui.dialogs import verify_pack_dialog

        dialog = verify_pack_dialog.VerifyPackDialog(self, store=self.store)
        self._show_dialog(dialog)

    def _context_menu(self, widget: QWidget, menu: QMenu, pos: Any) -> None:
        if self.store is None:
            return
        if widget is self.case_panel.table:
            index = self.case_panel.table.indexAt(pos)
            if index.isValid() and not self.case_panel.table.selectionModel().isRowSelected(
                index.row(), index.parent()
            ):
                self.case_panel.table.selectRow(index.row())
        elif widget is self.editor.timeline:
            item = self.editor.timeline.itemAt(pos)
            if item is not None:
                self.editor.timeline.setCurrentItem(item)
            self._update_case_actions()
        elif widget is self.editor.evidence:
            file_item = self.editor.evidence.itemAt(pos)
            if file_item is not None:
                self.editor.evidence.setCurrentItem(file_item)
            self._update_case_actions()
        menu.popup(widget.viewport().mapToGlobal(pos))  # type: ignore[attr-defined]

    def _set_unlocked_actions(self, unlocked: bool) -> None:
        for action in self.store_actions:
            action.setEnabled(unlocked)
        if unlocked:
            self._update_case_actions()

    def _update_case_actions(self) -> None:
        if not self._views_made:  # no case is open before the editor is made
            for action in (
                self.add_response_action,
                self.open_response_file_action,
                self.retract_case_action,
                self.retract_entry_action,
                self.restore_entry_action,
                self.edit_entry_action,
                self.edit_entry_here_action,
                self.retract_attachment_action,
                self.restore_attachment_action,
                self.purge_attachment_action,
            ):
                action.setEnabled(False)
            return
        has_case = self.store is not None and self.editor.post_id is not None
        self.add_response_action.setEnabled(
            has_case and self.editor.timeline.topLevelItemCount() > 0
        )
        self.open_response_file_action.setEnabled(
            has_case and self.editor.selected_response_attachment() is not None
        )
        self.retract_case_action.setEnabled(has_case)
        entry = self.editor.selected_entry() if has_case else None
        self.retract_entry_action.setEnabled(entry is not None and not entry[2])
        self.restore_entry_action.setEnabled(entry is not None and entry[2])
        for action in (self.edit_entry_action, self.edit_entry_here_action):
            action.setEnabled(entry is not None and not entry[2])
        attachment = self.editor.selected_attachment() if has_case else None
        live = attachment is not None and not attachment[2]
        self.retract_attachment_action.setEnabled(live and not attachment[1])  # type: ignore[index]
        self.restore_attachment_action.setEnabled(live and attachment[1])  # type: ignore[index]
        self.purge_attachment_action.setEnabled(live)

    # --- commands that act on the open case ----------------------------------------------
    def new_case(self) -> None:
        if self.store is None or not self.confirm_leave_case():
            return
        self.workspace.setCurrentWidget(self.cases_tab)
        self.editor.new_case()
        self._update_case_actions()

    def save_case(self) -> None:
        if self.store is not None:
            self.workspace.setCurrentWidget(self.cases_tab)
            self.editor.save()

    def add_report(self) -> None:
        if self.store is not None:
            self.workspace.setCurrentWidget(self.cases_tab)
            self.editor.add_report()

    def add_response(self) -> None:
        if self.store is not None:
            self.workspace.setCurrentWidget(self.cases_tab)
            self.editor.add_response()

    def add_evidence_files(self) -> None:
        if self.store is not None:
            self.workspace.setCurrentWidget(self.cases_tab)
            self.editor.add_files(self.editor.pick_files())

    def paste_evidence(self) -> None:
        if self.store is not None:
            self.workspace.setCurrentWidget(self.cases_tab)
            self.editor.paste_evidence()

    def open_response_file(self) -> None:
        if self.store is not None:
            self.editor.open_response_attachment()

    # --- corrections ----------------------------------------------------------------------
    def _ask_reason(self, title: str, text: str) -> str | None:
        """A reason is required for every correction; it goes into the custody log."""
        from desktop_app.ui.dialogs.report_dialog import ask_reason

        reason = ask_reason(self, title, text)
        return None if self.store is None else reason  # (a lock while it was open)

    def _correct(self, function: Any, kind: str, ident: str, title: str, text: str) -> bool:
        reason = self._ask_reason(title, text)
        if reason is None or self.store is None:
            return False
        try:
            function(self.store, kind, ident, reason)
        except AppError as exc:
            self.warn(title, error_text(exc))
            return False
        return True

    def retract_case(self) -> None:
        from desktop_app.store.corrections import retract

        if self.store is None or self.editor.post_id is None:
            return
        ref = self.editor.case_ref
        if self._correct(
            retract,
            "post",
            ref,
            self.tr("Retract case {0}").format(ref),
            self.tr(
                "Why is this case retracted? It leaves the list, the figures and every export; "
                "it stays in the store and can be restored."
            ),
        ):
            self.editor.new_case()
            self.data_changed()

    def show_retracted_cases(self) -> None:
        """Case > Retracted cases…: the cases the list leaves out, each restorable."""
        from desktop_app.ui.dialogs.retracted_dialog import RetractedCasesDialog

        if self.store is None:
            return
        self._show_dialog(RetractedCasesDialog(self.store, self.tz, self.restore_case, self))

    def restore_case(self, ref: str, post_id: int) -> bool:
        """Restore a retracted case (with a reason), then show it in the list and editor."""
        from desktop_app.store.corrections import restore

        if self.store is None:
            return False
        if not self._correct(
            restore,
            "post",
            ref,
            self.tr("Restore case {0}").format(ref),
            self.tr(
                "Why is this case restored? It comes back to the list, the figures and the "
                "exports, with the reports, responses and files retracted with it."
            ),
        ):
            return False
        self.data_changed()
        if self.editor.post_id != post_id and self.confirm_leave_case():
            self.workspace.setCurrentWidget(self.cases_tab)
            self.editor.show_case(post_id)
            self.case_panel.select_post(post_id)
            self._update_case_actions()
        self.statusBar().showMessage(self.tr("Case {0} is restored.").format(ref))
        return True

    def _correct_entry(self, restore: bool) -> None:
        from desktop_app.store import corrections

        entry = self.editor.selected_entry()
        if self.store is None or entry is None or self.editor.post_id is None:
            return
        kind, uid, _retracted = entry
        function = corrections.restore if restore else corrections.retract
        title = self.tr("Restore") if restore else self.tr("Retract")
        text = (
            self.tr("Why is it restored?")
            if restore
            else self.tr("Why is it retracted? It is kept, struck through, and can be restored.")
        )
        if self._correct(function, kind, uid, title, text):
            self.editor.refresh_case()
            self.data_changed()

    def edit_entry(self) -> None:
        if self.store is not None:
            self.workspace.setCurrentWidget(self.cases_tab)
            if self.editor.edit_entry():
                self._update_case_actions()

    def correct_attachment(self, restore: bool) -> None:
        from desktop_app.store import corrections

        attachment = self.editor.selected_attachment()
        if self.store is None or attachment is None or self.editor.post_id is None:
            return
        function = corrections.restore if restore else corrections.retract
        title = self.tr("Restore attachment") if restore else self.tr("Retract attachment")
        text = (
            self.tr("Why is this file restored?")
            if restore
            else self.tr(
                "Why is this file retracted? It leaves exports and bundles; it stays in the "
                "store, struck through, and can be restored."
            )
        )
        if self._correct(function, "attachment", attachment[0], title, text):
            self.editor.refresh_case()
            self.data_changed()
            self._update_case_actions()

    def purge_dialog(self, name: str) -> PurgeDialog:
        from desktop_app.ui.dialogs.purge_dialog import PurgeDialog

        return PurgeDialog(name, self)

    def purge_attachment(self) -> None:
        from desktop_app.store import corrections

        attachment = self.editor.selected_attachment()
        item = self.editor.evidence.currentItem()
        if self.store is None or attachment is None or item is None or attachment[2]:
            return
        dialog = self.purge_dialog(item.text())
        if not dialog.exec() or self.store is None or self.editor.post_id is None:
            return
        try:
            copies = corrections.purge_attachment(self.store, attachment[0], dialog.reason_text())
        except AppError as exc:
            self.warn(self.tr("Purge attachment"), error_text(exc))
            return
        # What an export killed midway left (in the scratch folder, beside the last
        # export) may hold the bytes.
        self.clean_export_leftovers()
        self.editor.refresh_case()
        self.data_changed()
        self._update_case_actions()
        self._say_purged(copies)

    def _say_purged(self, copies: MigrationCopies) -> None:
        """After a purge: what was erased besides the store (the copies kept from schema
        updates), that the person's own backups are not touched, and, in a warning,
        each copy that could not be erased and must be deleted by hand."""
        said = [self.tr("The file's bytes are erased from the store.")]
        if copies.erased:
            count = len(copies.erased)
            said.append(
                numerus(
                    self.tr(
                        "Also erased %n older copy file(s) of the store kept from schema updates.",
                        "",
                        count,
                    ),
                    count,
                )
            )
        said.append(
            self.tr("Your own backups are not touched: those made before now still hold it.")
        )
        self.statusBar().showMessage(" ".join(said))
        if copies.left:
            self.warn(
                self.tr("Purge attachment"),
                self.copies_left_text(
                    copies,
                    self.tr(
                        "The file's bytes are erased from the store, but %n older copy "
                        "file(s) of the store kept from schema updates could not be erased "
                        "and still hold them. Delete them yourself, in {0}:",
                        "",
                        len(copies.left),
                    ),
                ),
            )

    def copies_left_text(self, copies: MigrationCopies, lead: str) -> str:
        """``lead`` (a tr() text with %n and {0}) with the store's folder, then one line
        per copy that could not be erased, with why."""
        from desktop_app.ui.dialogs.settings_dialog import copy_left_line

        assert self.store is not None
        names = "\n".join(copy_left_line(name, why) for name, why in copies.left)
        text = numerus(lead, len(copies.left)).format(self.store.path.parent)
        return text + "\n" + names

    def retract_entry(self) -> None:
        self._correct_entry(restore=False)

    def restore_entry(self) -> None:
        self._correct_entry(restore=True)

    def find(self) -> None:
        if self.store is None:
            return
        self.workspace.setCurrentWidget(self.cases_tab)
        self.case_panel.search.setFocus()
        self.case_panel.search.selectAll()

    def clear_filters(self) -> None:
        if self.store is not None:
            self.workspace.setCurrentWidget(self.cases_tab)
            self.case_panel.reset_filters()

    def about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Caselog"),
            self.tr(
                "Caselog keeps the cases of harmful posts, the reports made to platforms "
                "and their responses in one encrypted store on this computer."
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self._show_dialog(box)

    def warn(self, title: str, text: str) -> QMessageBox:
        """A warning that does not stop the window (a lock closes it like any dialog)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        self._show_dialog(box)
        return box

    def _show_dialog(self, dialog: QDialog, on_finished: Any = None) -> QDialog:
        """Open a dialog without a nested event loop, so a lock can close it at once."""
        from PySide6.QtCore import Qt

        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def finished(_code: int) -> None:
            if on_finished is not None and self.store is not None:
                on_finished(dialog)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    # --- pages -------------------------------------------------------------------------
    def show_start(self) -> None:
        self._make_start_page()
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
            self.tr("Caselog store (*.db);;All files (*)"),
        )
        return path

    def open_store_dialog(self) -> None:
        if not self.confirm_leave_case():
            return
        self.lock()
        path = self.pick_store_to_open()
        if path:
            self.ask_unlock(Path(path))

    def new_store_dialog(self) -> NewStoreDialog:
        from desktop_app.ui.dialogs.new_store import NewStoreDialog

        return NewStoreDialog(self)

    def new_store(self) -> None:
        if not self.confirm_leave_case():
            return
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
            QMessageBox.warning(self, self.tr("Store not created"), error_text(exc))
            return
        finally:
            dialog.passphrase.clear()
            dialog.confirm.clear()
        self._opened(store, path)
        if self.settle_on_unlock:
            self.settle()

    def open_demo(self) -> None:
        """Create the demo store in the background (it takes seconds), then ask to unlock."""
        if not self.confirm_leave_case():
            return
        self.lock()
        path = data_dir() / "caselog-demo.db"
        from desktop_app.demo import DEMO_PASSPHRASE

        hint = self.tr("Demo store: its passphrase is <b>{0}</b>").format(DEMO_PASSPHRASE)
        if path.exists():
            self.ask_unlock(path, hint)
            return
        from PySide6.QtCore import Qt

        progress = QProgressDialog(self.tr("Creating the demo store…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        self.demo_progress = progress

        def task(progress: Any, cancelled: Any) -> str:
            from desktop_app.demo import create_demo_store

            create_demo_store(path, progress=progress).close()
            return str(path)

        worker = Worker(task)
        worker.signals.progress.connect(
            lambda done, total, what: (
                progress.setRange(0, total),
                progress.setValue(done),
                progress.setLabelText(what),
            )
        )
        worker.signals.finished.connect(lambda _r: (progress.close(), self.ask_unlock(path, hint)))
        worker.signals.failed.connect(
            lambda text: (progress.close(), self.warn(self.tr("Demo"), text))
        )
        self.demo_worker = worker
        progress.show()
        worker.start()

    # --- unlock and lock -------------------------------------------------------------------
    def unlock(self, passphrase: str) -> None:
        """Open the store off the window's thread (key derivation, a migration if the
        store is older), keeping the window painted meanwhile; returns once done."""
        if self.store_path is None:
            return
        path = self.store_path

        def task(progress: Any, cancelled: Any) -> tuple[str, Opening | None]:
            try:
                store = open_store(path, passphrase)
            except StoreLockedError:
                return "wrong", None
            try:
                return "ok", self._read_opening(store)
            except BaseException:
                store.close()
                raise

        outcome: dict[str, Any] = {}
        loop = QEventLoop()
        worker = Worker(task)
        worker.signals.finished.connect(lambda value: (outcome.update(value=value), loop.quit()))
        worker.signals.failed.connect(lambda text: (outcome.update(error=text), loop.quit()))
        self.unlock_page.setEnabled(False)
        self.unlock_page.show_error(self.tr("Unlocking…"))
        self._idle_build.stop()  # the views are made after the first paint
        try:
            worker.start()
            # While the key is derived (SQLCipher holds no Python lock meanwhile; the
            # workspace is made well before the derivation ends, so the store's thread
            # then runs its reads without waiting for the lock). ``Qt`` is first built
            # here, by the cursor and the case list's module, not before the key.
            from PySide6.QtCore import Qt

            import desktop_app.store.settings  # noqa: F401  (read once the key is derived)

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._make_workspace()
            if not worker.done.is_set() or not outcome:
                loop.exec()
        finally:
            QApplication.restoreOverrideCursor()
            self.unlock_page.setEnabled(True)
            self.unlock_page.passphrase.clear()
            self.unlock_page.error_label.clear()
        if "error" in outcome:
            self.unlock_page.show_error(outcome["error"])
            return
        status, opening = outcome.get("value", ("wrong", None))
        if status != "ok" or opening is None:
            self.unlock_page.show_error(self.tr("Wrong passphrase. Try again."))
            return
        self._opened(opening.store, path, opening)
        if self.settle_on_unlock:
            self.settle()

    @staticmethod
    def _read_opening(store: Store) -> Opening:
        """On the thread that opened the store, over its connection: the settings and
        the first page (a few indexed reads, not the summary of every post)."""
        from desktop_app.store.cases import first_page
        from desktop_app.store.settings import load_settings_raw

        raw = store.raw()
        settings = load_settings_raw(raw)
        return Opening(store, settings, first_page(raw, sla_hours=settings.sla_hours))

    def _opened(self, store: Store, path: Path, opening: Opening | None = None) -> None:
        """Show the first page of cases now; the rest follows once it is painted.

        Before the first paint: the settings and the first page, read where the store
        was opened (no SQLAlchemy, no second key derivation). After it, on the store's
        thread: the custody record, then the whole list on a connection of its own
        (the list waits for it if asked for more than its first page); then, here,
        the views that read the store, the backup reminder and kept drafts; last the
        dashboard.
        """
        if opening is None:
            opening = self._read_opening(store)
        self._generation += 1
        self.store = store
        self.store_path = path
        try:
            self._show_opened(store, path, opening)
        except BaseException:
            # A person who sees the unlock page (and an error) again must be right to
            # think the store is locked: never leave it open with no idle lock armed.
            try:
                self.lock()
            finally:
                if self.store is not None:  # lock() itself failed part-way
                    self.store.close()
                    self.store = None
            raise

    def _show_opened(self, store: Store, path: Path, opening: Opening) -> None:
        """The rest of ``_opened``, once ``self.store`` is set."""
        from desktop_app.store.cases import CaseList
        from desktop_app.ui.models.case_table import CaseTableModel

        self.settings.setValue(LAST_STORE_KEY, str(path))
        self._apply_settings(opening.settings)
        sla = opening.settings.sla_hours
        pending = PendingList(store, sla)
        self._pending_list = pending
        self.case_list = CaseList(sla_hours=sla, first=opening.first, wait=pending.wait)
        self.model = CaseTableModel(self.case_list, self.tz)
        self.case_panel.reset_filters(apply=False)
        self.case_panel.attach(self.model, self.tz)
        if self._views_made:
            self._bind_views()
            self.editor.new_case()
        self.workspace.setCurrentWidget(self.cases_tab)
        self.stack.setCurrentWidget(self.workspace)
        self._set_unlocked_actions(True)
        self._restart_idle_timer()
        self._unsettled = {"custody", "list"}
        self._after_first_paint(self._continue_unlock)

    def _after_first_paint(self, then: Any) -> None:
        """Call ``then`` once the window (the case list) has been painted, or soon if
        it is not shown, from the event loop. Watched on the window itself: Qt paints
        a window's widgets when it handles the window's update request, and the list's
        viewport, a widget of a class PySide6 does not wrap, would cost PySide6 the
        set-up of most of QtWidgets' types before the first paint (0.01-0.03 s). The
        watcher is the window's child: if the window goes first, so do its timers."""
        from PySide6.QtCore import QEvent

        update_request = QEvent.Type.UpdateRequest
        generation = self._generation
        window = self

        class PaintWatcher(QObject):
            def __init__(self) -> None:
                super().__init__(window)
                self.done = False

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if not self.done and event.type() == update_request:
                    # Once the paint it asks for is done, a moment later: the custody
                    # record's imports hold Python's lock for a while on the store's
                    # thread, and would slow a frame still being painted.
                    QTimer.singleShot(AFTER_PAINT_MS, self, self.go)
                return False

            def go(self) -> None:
                if self.done:
                    return
                self.done = True
                window.removeEventFilter(self)
                self.deleteLater()
                if generation == window._generation and window.store is not None:
                    then()

        watcher = PaintWatcher()
        self.installEventFilter(watcher)
        # Not painted soon (hidden, minimised): go on anyway.
        QTimer.singleShot(0 if not self.isVisible() else 1000, watcher, watcher.go)

    def _watch_input(self, watch: bool) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if watch:
            from PySide6.QtCore import QEvent

            self._key_press = QEvent.Type.KeyPress
            self._input_events = frozenset(
                {
                    QEvent.Type.KeyPress,
                    QEvent.Type.MouseButtonPress,
                    QEvent.Type.MouseMove,
                    QEvent.Type.Wheel,
                }
            )
            app.installEventFilter(self)  # once, even if asked twice
        else:
            app.removeEventFilter(self)

    def _continue_unlock(self) -> None:
        """After the first paint: custody record, then the whole list, on the store's
        thread; the views follow the custody record, the dashboard the list."""
        # Input first: if making the views fails, activity still holds off the idle
        # lock, which would otherwise close the store under a person at work.
        self._watch_input(True)
        self._make_views()  # given the store (``_bind_views``) if made just now
        store = self.store
        assert store is not None
        generation = self._generation

        days = self.org_settings.backup_reminder_days if self.org_settings else 7

        def record(progress: Any, cancelled: Any) -> AfterUnlock:
            """The custody record, and what the views read from the store, here: the
            window's thread then needs no connection (a key derivation) of its own
            until a case is opened."""
            from desktop_app.store import repository
            from desktop_app.store.audit import append_event
            from desktop_app.store.backup import backup_overdue
            from desktop_app.store.drafts import load_draft

            with store.transaction() as session:
                append_event(session, "unlock", entity="store", detail={})
            with store.session() as session:
                handles = repository.account_handles(session)
            return AfterUnlock(
                backup_overdue(store, days=days), load_draft(store, EDITOR_DRAFT), handles
            )

        custody = Worker(record)
        custody.signals.finished.connect(lambda read: self._custody_recorded(generation, read))
        custody.signals.failed.connect(lambda text: self._custody_recorded(generation, text))
        # Held until their signals arrive (a Worker nobody holds may be collected first).
        self._unlock_workers = [custody]
        custody.start()
        pending = self._pending_list
        if pending is not None and not pending.taken:
            build = Worker(pending.task)
            pending.worker = build
            self._unlock_workers.append(build)
            build.signals.finished.connect(lambda _r: self._list_built(generation))
            build.signals.failed.connect(lambda _t: self._list_built(generation))
            build.signals.cancelled.connect(lambda: self._list_built(generation))
            build.start()
        else:
            self._list_built(generation)

    def _custody_recorded(self, generation: int, read: AfterUnlock | str) -> None:
        if generation != self._generation or self.store is None:
            return
        self.partners.bind(self.store, self.tz)  # filled when its tab is shown
        self._stale.add(self.partners)
        if isinstance(read, str):  # the record failed: read what the views need here
            log.warning("could not record unlock: %s", read)
            self.editor.load_completions()
            self._remind_backup()
            self._offer_drafts()
        else:
            self.editor.set_completions(read.handles)
            self._remind_backup(read.backup_overdue)
            self._offer_drafts(read.draft)
        self._tab_changed(self.workspace.currentIndex())
        self._settled_step("custody")

    def _list_built(self, generation: int) -> None:
        """The whole list is ready (or is built now): counts, choices, the newer page."""
        if generation != self._generation or self.case_list is None or self.model is None:
            return
        was_preview = not self.case_list.ready
        self.case_list._ensure_built()
        self._pending_list = None
        self._data_version = self._read_data_version()
        self.change_timer.start()
        self.case_panel.refill_choices()
        if was_preview:
            self.model.refresh_rows()
            self.case_panel.apply_filter()
        self.dashboard.set_choices(
            self.case_list.distinct("platform"), self.case_list.distinct("category")
        )
        # The dashboard computes now, after the list, so its tab opens ready.
        self._tab_changed(self.workspace.currentIndex())
        if self.dashboard.worker is None and self.dashboard.data is None:
            self.dashboard.refresh()
        self._settled_step("list")

    def _settled_step(self, step: str) -> None:
        self._unsettled.discard(step)
        if not self._unsettled:
            self.settled.emit()

    @property
    def is_settled(self) -> bool:
        """Everything after the first paint is done (custody record, list, views)."""
        return not self._unsettled

    def settle(self, timeout_ms: int = 60_000) -> bool:
        """Run the event loop until everything after the first paint is done."""
        if self.is_settled or self.store is None:
            return True
        loop = QEventLoop()
        self.settled.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        try:
            loop.exec()
        finally:
            self.settled.disconnect(loop.quit)
            timer.stop()
        return self.is_settled

    def _record_custody(self, action: str) -> None:
        """Unlocks and locks belong in the custody log (who had the store open, when)."""
        from desktop_app.store.audit import append_event

        if self.store is None:
            return
        try:
            with self.store.transaction() as session:
                append_event(session, action, entity="store", detail={})
        except AppError as exc:
            log.warning("could not record %s: %s", action, exc.message)

    def _load_settings(self) -> None:
        from desktop_app.store.settings import load_settings_raw

        assert self.store is not None
        self._apply_settings(load_settings_raw(self.store.raw()))

    def _apply_settings(self, settings: OrganisationSettings) -> None:
        from desktop_app.core.timeutil import zone

        assert self.store_path is not None
        self.org_settings = settings
        self.tz = zone(settings.timezone)
        set_display_zone(self.tz)  # the times inside messages, as the window shows times
        self.idle_minutes = settings.idle_lock_minutes
        self.setWindowTitle(f"Caselog — {settings.name or self.store_path.name}")

    def _attach_views(self) -> None:
        """Give every tab the open store and the current settings."""
        if self._views_made:
            self._bind_views()
        else:
            self._make_views()  # and given the store
        assert self.store is not None
        self.editor.load_completions()
        self.partners.attach(self.store, self.tz)

    def _bind_views(self) -> None:
        """Give every tab the store and the settings, reading nothing yet (the ones
        that read at once are attached after the first paint)."""
        assert self.store is not None and self.case_list is not None
        settings = self.org_settings
        assert settings is not None
        self.editor.bind(self.store, self.tz, settings.sla_hours)
        ready = self.case_list.ready
        self.dashboard.attach(
            self.store,
            self.tz,
            settings.sla_hours,
            settings.repeat_threshold,
            self.case_list.distinct("platform") if ready else [],
            self.case_list.distinct("category") if ready else [],
        )
        self.custody.attach(self.store, self.tz)
        self.offenders.detach()
        self.offenders.store = self.store
        self._stale = {self.dashboard, self.offenders, self.custody, self.partners}
        self._tab_changed(self.workspace.currentIndex())

    def _tab_changed(self, _index: int) -> None:
        if self.store is None:
            return
        if not self._views_made:
            if self.workspace.currentIndex() > 0:  # a tab chosen before its view is made
                self._make_views()  # which shows it (``_bind_views``)
            return
        current = self.workspace.currentWidget()
        if current is self.dashboard:
            if (
                self.dashboard.data is None or self.dashboard in self._stale
            ) and self.dashboard.worker is None:
                self._stale.discard(self.dashboard)
                self.dashboard.refresh()
        elif current is self.offenders:
            if self.offenders in self._stale or self.offenders.store is None:
                self._stale.discard(self.offenders)
                self.offenders.attach(self.store, self.dashboard.current_params())
        elif current is self.custody:
            if self.custody in self._stale:
                self._stale.discard(self.custody)
                self.custody.refresh()
        elif current is self.partners and self.partners in self._stale:
            self._stale.discard(self.partners)
            self.partners.refresh()

    def show_posts(self, post_ids: frozenset[int], description: str) -> None:
        """Open the case list on exactly these posts (from a figure, bar or account)."""
        if not self.confirm_leave_case():
            return
        self.workspace.setCurrentWidget(self.cases_tab)
        self.case_panel.show_posts(post_ids, description)

    def _remind_backup(self, overdue: bool | None = None) -> None:
        """Say so in the status bar when no backup was made lately (``overdue`` as read
        on the store's thread, else read here)."""
        from desktop_app.store.backup import backup_overdue

        assert self.store is not None and self.org_settings is not None
        if overdue is None:
            overdue = backup_overdue(self.store, days=self.org_settings.backup_reminder_days)
        if overdue:
            days = self.org_settings.backup_reminder_days
            self.statusBar().showMessage(
                numerus(
                    self.tr("No backup in the last %n day(s): use File > Back up store.", "", days),
                    days,
                )
            )

    def open_settings(self) -> None:
        if self.store is None:
            return
        self._show_dialog(self.settings_dialog(), self._settings_closed)

    def _settings_closed(self, dialog: QDialog) -> None:
        from desktop_app.ui.dialogs.settings_dialog import SettingsDialog

        assert isinstance(dialog, SettingsDialog)
        if dialog.rekeyed or dialog.changed:
            self._reconnect()

    def settings_dialog(self) -> SettingsDialog:
        from desktop_app.ui.dialogs.settings_dialog import SettingsDialog

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
        from desktop_app.store.cases import CaseList
        from desktop_app.ui.models.case_table import CaseTableModel

        assert self.store is not None
        self._load_settings()
        self._release_case_list()
        assert self.org_settings is not None
        self.case_list = CaseList(self.store.raw(), sla_hours=self.org_settings.sla_hours)
        self.case_list.rebuild()
        self.model = CaseTableModel(self.case_list, self.tz)
        self.case_panel.attach(self.model, self.tz)
        self._attach_views()
        self._restart_idle_timer()

    def _refs(self) -> tuple[list[str], list[str]]:
        assert self.case_list is not None
        filtered = self.case_list.case_refs(self.case_panel.current_filter())
        selected_ids = set(self.case_panel.selected_post_ids())
        selected = [
            r.case_ref for r in (self.model.rows if self.model else []) if r.post_id in selected_ids
        ]
        return filtered, selected

    def export_dialog(self, kind: str) -> ExportDialog:
        from desktop_app.ui.dialogs.export_dialog import ExportDialog

        assert self.store is not None
        filtered, selected = self._refs()
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
        if self.store is not None:
            self._show_dialog(self.export_dialog(kind), self._export_closed)

    def _export_closed(self, dialog: QDialog) -> None:
        """Remember where the last export went: a killed export's leftovers there are
        removed at the next start."""
        result = getattr(dialog, "result", None)
        path = getattr(result, "path", None)
        if path is not None:
            self.settings.setValue(LAST_EXPORT_FOLDER_KEY, str(Path(path).parent))

    def clean_export_leftovers(self) -> list[Path]:
        """At start: what a crashed or killed export left (the app's scratch files of
        dead processes, ``.partial`` files in the last export's folder) is removed."""
        from desktop_app.export.output import clean_leftovers

        folder = self.settings.value(LAST_EXPORT_FOLDER_KEY, "", type=str) or None
        try:
            return clean_leftovers(folder if folder and Path(folder).is_dir() else None)
        except OSError as exc:  # never keeps the window from starting
            log.warning("could not clean an earlier export's leftovers: %s", exc)
            return []

    def share_dialog(self) -> ShareDialog:
        from desktop_app.ui.dialogs.share_dialog import ShareDialog

        assert self.store is not None
        filtered, selected = self._refs()
        return ShareDialog(self.store, self.tz, filtered, selected, self)

    def share(self) -> None:
        if self.store is not None:
            self._show_dialog(self.share_dialog(), lambda _d: self._mark_changed(self.partners))

    def import_bundle_dialog(self) -> ImportBundleDialog:
        from desktop_app.ui.dialogs.import_bundle_dialog import ImportBundleDialog

        assert self.store is not None
        return ImportBundleDialog(self.store, self)

    def import_bundle(self) -> None:
        if self.store is None:
            return
        dialog = self.import_bundle_dialog()
        self._show_dialog(dialog)
        dialog.merged.connect(self.data_changed)

    def pick_backup_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, self.tr("Back up to which folder or USB stick?")
        )

    def back_up(self) -> None:
        """Copy the encrypted store to a folder, off the window's thread."""
        from desktop_app.store.backup import backup_store

        if self.store is None:
            return
        folder = self.pick_backup_folder()
        if not folder or self.store is None:
            return
        store = self.store
        tz = self.tz
        worker = Worker(
            lambda progress, cancelled: backup_store(store, folder, progress=progress, tz=tz)
        )
        self.statusBar().showMessage(self.tr("Backing up…"))
        self.backup_action.setEnabled(False)

        def done(target: Any) -> None:
            self.backup_action.setEnabled(self.store is not None)
            self.last_backup_path = target
            if self.store is not None:
                self.statusBar().showMessage(
                    self.tr(
                        "Backed up to {0}. It is encrypted with the passphrase of today."
                    ).format(target)
                )

        def failed(text: str) -> None:
            self.backup_action.setEnabled(self.store is not None)
            self.statusBar().clearMessage()
            if self.store is not None:
                self.warn(self.tr("Backup failed"), text)

        worker.signals.finished.connect(done)
        worker.signals.failed.connect(failed)
        self.backup_worker = worker
        worker.start()

    # --- locking ---------------------------------------------------------------------------
    def close_dialogs(self) -> None:
        """Close every dialog the window opened (settings, export, share, import, report,
        response, message boxes, file pickers), innermost first."""
        for _ in range(5):  # a dialog closing may have opened (or uncovered) another
            open_dialogs = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible()
            ]
            if not open_dialogs:
                return
            for dialog in reversed(open_dialogs):
                worker = getattr(dialog, "worker", None)
                if isinstance(worker, Worker):
                    worker.cancel()
                dialog.reject()
                dialog.hide()
                dialog.deleteLater()

    def lock(self, *, idle: bool = False) -> None:
        """Close the store and forget every piece of case data held by the window.

        Dialogs are closed and workers cancelled first; unsaved editor text is kept
        as a draft inside the store; then the store forgets its passphrase.
        """
        if self.store is None:
            return
        self.idle_timer.stop()
        self.change_timer.stop()
        self._watch_input(False)
        # A report or response half typed in its dialog is kept with the case's draft.
        entry = self.editor.entry_draft() if self._views_made else None
        self.close_dialogs()
        Worker.cancel_all(wait_seconds=5.0)
        self._generation += 1  # what the background still sends is for nobody
        self._unsettled = set()
        if self._pending_list is not None:
            self._pending_list.discard()
            self._pending_list = None
        self._save_draft(entry)
        self._record_custody("lock")
        if self._views_made:
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
        self.case_panel.reset_filters(apply=False)
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
            self.idle_timer.start(int(self.idle_minutes * 60_000))

    def _idle_timeout(self) -> None:
        """Long work in progress (an import, an export) counts as activity."""
        if Worker.busy():
            self._restart_idle_timer()
            return
        self.lock(idle=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.store is not None and event.type() in self._input_events:
            self._restart_idle_timer()
            if event.type() == self._key_press:
                from PySide6.QtGui import QKeyEvent  # a QEvent: built with it (see above)

                if (
                    isinstance(event, QKeyEvent)
                    and event.matches(QKeySequence.StandardKey.Paste)
                    and self._paste_goes_to_evidence()
                ):
                    self.editor.paste_evidence()
                    return True
        return False

    def _paste_goes_to_evidence(self) -> bool:
        """Ctrl+V in one of the case's text fields pastes a screenshot as evidence
        when the clipboard holds an image (or files) and no text."""
        focus = QApplication.focusWidget()
        if focus is None or not self._views_made or not self.editor.isAncestorOf(focus):
            return False
        mime = QGuiApplication.clipboard().mimeData()
        return mime is not None and not mime.hasText() and (mime.hasImage() or mime.hasUrls())

    # --- unsaved edits ---------------------------------------------------------------------
    def confirm_leave_case(self) -> bool:
        """Before the open case is replaced: save, discard or stay (only if edited)."""
        if self.store is None or not self._views_made or not self.editor.is_dirty():
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("This case has changes that are not saved yet."),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = self.ask(box)
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask(self, box: QMessageBox) -> int:
        """Show a question and wait for the answer (tests may replace this)."""
        return box.exec()

    def _case_selected(self, post_id: int) -> None:
        if post_id == self.editor.post_id:
            return
        if not self.confirm_leave_case():
            # Put the selection back once the list has finished moving it.
            keep = self.editor.post_id
            QTimer.singleShot(0, lambda: self.case_panel.select_post(keep))
            return
        self.editor.show_case(post_id)
        self._update_case_actions()

    def _save_draft(self, entry: dict[str, object] | None = None) -> None:
        """Keep the editor's unsaved fields, and ``entry`` (a half-typed report or
        response), encrypted in the store until the next unlock."""
        from desktop_app.store.drafts import save_draft

        if self.store is None or not self._views_made:
            return
        if not self.editor.is_dirty() and entry is None:
            return
        payload = self.editor.draft()
        if entry is not None:
            payload["entry"] = entry
        try:
            save_draft(self.store, EDITOR_DRAFT, payload)
        except AppError as exc:
            log.warning("draft not kept: %s", exc.message)

    def _offer_drafts(self, draft: Any = False) -> None:
        """Offer the changes kept when the store locked (``draft`` as read on the
        store's thread, else read here)."""
        from desktop_app.store.drafts import delete_draft, load_draft

        assert self.store is not None
        if draft is False:
            draft = load_draft(self.store, EDITOR_DRAFT)
        if draft is None:
            return
        saved_at, payload = draft
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes kept"),
            self.tr(
                "When the store locked at {0}, a case had changes that were not saved. "
                "They were kept, encrypted, in the store. Open them again?"
            ).format(saved_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Discard,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Open)

        def answered(answer: int) -> None:
            if self.store is None:
                return
            # Closed unanswered (the window locked again while it was up): keep the
            # draft for the next unlock. Only Discard, or Open, lets it go.
            if answer not in (QMessageBox.StandardButton.Open, QMessageBox.StandardButton.Discard):
                return
            if answer == QMessageBox.StandardButton.Open:
                self.workspace.setCurrentWidget(self.cases_tab)
                self.editor.restore_draft(payload)
                self.case_panel.select_post(self.editor.post_id)
            delete_draft(self.store, EDITOR_DRAFT)

        self.draft_box = box
        box.finished.connect(answered)
        self._show_dialog(box)

    # --- data changes --------------------------------------------------------------------
    def _mark_changed(self, *views: QWidget) -> None:
        self._stale.update(views)
        self._tab_changed(self.workspace.currentIndex())

    def data_changed(self) -> None:
        """Any write (editor, import, merge, correction): every view shows it."""
        if self.store is None:
            return
        self._stale = {self.dashboard, self.offenders, self.custody, self.partners}
        self.refresh_cases()
        if self.case_list is not None:
            self.dashboard.set_choices(
                self.case_list.distinct("platform"), self.case_list.distinct("category")
            )
        self._tab_changed(self.workspace.currentIndex())

    def _read_data_version(self) -> int | None:
        if self.case_list is None:
            return None
        raw = self.case_list.raw()
        if raw is None:  # not built yet
            return None
        try:
            return int(raw.execute("PRAGMA data_version").fetchone()[0])
        except Exception:  # noqa: BLE001 - a busy or closing store: look again next time
            return None

    def _check_other_writes(self) -> None:
        if self.store is None or self.case_list is None:
            self.change_timer.stop()
            return
        version = self._read_data_version()
        if version is None or version == self._data_version:
            return
        self._data_version = version
        self.data_changed()
        post_id = self.editor.post_id
        if post_id is not None and not self.editor.is_dirty():
            try:
                self.editor.show_case(post_id)
            except AppError:
                self.editor.new_case()

    def refresh_cases(self) -> None:
        if self.case_list is None or self.model is None:
            return
        self.case_list.rebuild()
        self._data_version = self._read_data_version()
        self.case_panel.refill_choices()
        self.case_panel.apply_filter()

    def _case_changed(self, _post_id: int) -> None:
        self.data_changed()
        self._update_case_actions()

    def import_dialog(self) -> ImportDialog:
        from desktop_app.ui.dialogs.import_dialog import ImportDialog

        assert self.store is not None
        return ImportDialog(self.store, self.tz.key, self)

    def import_spreadsheet(self) -> None:
        if self.store is None:
            return
        dialog = self.import_dialog()
        self._show_dialog(dialog)
        dialog.imported.connect(self.data_changed)

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        if not self.confirm_leave_case():
            event.ignore()
            return
        self.lock()
        super().closeEvent(event)
