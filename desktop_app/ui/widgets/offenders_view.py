"""Repeat offenders and duplicate clusters, with flagging an account as suspected fake."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.normalise import to_unicode_burmese
from desktop_app.core.params import IndicatorParams
from desktop_app.store.engine import Store
from desktop_app.ui.lazy import MadeWhenNeeded
from desktop_app.ui.workers import Worker

# The indicator and store code (SQLAlchemy) loads when the tab is first shown.
if TYPE_CHECKING:
    from desktop_app.indicators.offenders import DuplicateCluster, OffenderRow

OFFENDER_COLUMNS = (
    QT_TRANSLATE_NOOP("OffendersView", "Account"),
    QT_TRANSLATE_NOOP("OffendersView", "Platform"),
    QT_TRANSLATE_NOOP("OffendersView", "Name"),
    QT_TRANSLATE_NOOP("OffendersView", "Posts"),
    QT_TRANSLATE_NOOP("OffendersView", "Reports"),
    QT_TRANSLATE_NOOP("OffendersView", "Removed"),
    QT_TRANSLATE_NOOP("OffendersView", "Suspended"),
    QT_TRANSLATE_NOOP("OffendersView", "Banned"),
    QT_TRANSLATE_NOOP("OffendersView", "Still on the platform"),
    QT_TRANSLATE_NOOP("OffendersView", "Suspected fake"),
)


def _item(value: Any) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    if isinstance(value, int):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class OffendersView(MadeWhenNeeded, QWidget):
    _PARTS = frozenset(
        {
            "offender_table",
            "flag_button",
            "offender_posts",
            "cluster_table",
            "cluster_posts",
            "summary",
        }
    )

    show_posts = Signal(object, str)
    changed = Signal()
    updated = Signal()  # new lists are on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: Worker | None = None
        self.store: Store | None = None
        self.params: IndicatorParams | None = None
        self.offenders: list[OffenderRow] = []
        self.clusters: list[DuplicateCluster] = []
        self._built = False
        self._layout = QVBoxLayout(self)

    def _make(self) -> None:
        self.offender_table = QTableWidget(0, len(OFFENDER_COLUMNS))
        self.offender_table.setHorizontalHeaderLabels([self.tr(c) for c in OFFENDER_COLUMNS])
        self.offender_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.offender_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.flag_button = QPushButton(self.tr("Flag selected account as suspected fake"))
        self.flag_button.clicked.connect(self.flag_selected)
        self.offender_posts = QPushButton(self.tr("Show its cases"))
        self.offender_posts.clicked.connect(self._show_offender_cases)
        self.cluster_table = QTableWidget(0, 3)
        self.cluster_table.setHorizontalHeaderLabels(
            [self.tr("Posts"), self.tr("First seen"), self.tr("Text")]
        )
        self.cluster_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cluster_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cluster_table.horizontalHeader().setStretchLastSection(True)
        self.cluster_posts = QTableWidget(0, 5)
        self.cluster_posts.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Platform"),
                self.tr("Author"),
                self.tr("First reported"),
                self.tr("Text as posted"),
            ]
        )
        self.cluster_posts.horizontalHeader().setStretchLastSection(True)
        self.cluster_posts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cluster_table.currentCellChanged.connect(lambda row, *_: self._show_cluster(row))
        # An account already flagged has nothing to flag.
        self.offender_table.currentCellChanged.connect(lambda *_: self._enable_flag())
        self.summary = QLabel()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(
            QLabel(
                self.tr(
                    "<b>Repeat offenders</b> (accounts with at least the "
                    "repeat threshold of distinct reported posts)"
                )
            )
        )
        top_layout.addWidget(self.offender_table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.flag_button)
        buttons.addWidget(self.offender_posts)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        top_layout.addLayout(buttons)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        clusters_box = QWidget()
        clusters_layout = QVBoxLayout(clusters_box)
        clusters_layout.addWidget(
            QLabel(
                self.tr(
                    "<b>Duplicate posts</b> (same text once "
                    "punctuation, case and spacing are ignored)"
                )
            )
        )
        clusters_layout.addWidget(self.cluster_table)
        bottom.addWidget(clusters_box)
        bottom.addWidget(self.cluster_posts)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        self._layout.addWidget(splitter)

    def attach(self, store: Store, params: IndicatorParams) -> None:
        self.store = store
        self.params = params
        self.refresh()

    def detach(self) -> None:
        self.store = None
        self.worker = None
        self.offenders, self.clusters = [], []
        if not self._built:
            return
        for table in (self.offender_table, self.cluster_table, self.cluster_posts):
            table.setRowCount(0)

    def refresh(self) -> None:
        """Compute both lists on the store's thread (they scan every report), then show."""
        if self.store is None or self.params is None:
            return
        store, params = self.store, self.params

        def task(progress: Any, cancelled: Any) -> tuple[list[OffenderRow], list[Any]]:
            from desktop_app.indicators.offenders import duplicate_clusters, repeat_offenders

            conn = store.raw()  # this (store) thread's DB-API connection
            return repeat_offenders(conn, params), duplicate_clusters(conn, params)

        worker = Worker(task)
        self.worker = worker
        worker.signals.finished.connect(lambda result: self._computed(worker, result))
        worker.signals.failed.connect(lambda text: self.summary.setText(text))
        self.summary.setText(self.tr("Counting…"))
        worker.start()

    def _computed(self, worker: Worker, result: tuple[list[OffenderRow], list[Any]]) -> None:
        if worker is not self.worker or self.store is None or self.params is None:
            return  # a newer computation is on its way, or the window locked
        self.worker = None
        self.offenders, self.clusters = result
        self._show()
        # The texts arrived after the layout was done: lay out now, so none is cut.
        holder = self.summary.parentWidget()
        if holder is not None and holder.layout() is not None:
            holder.layout().activate()
        self.layout().activate()
        self.updated.emit()

    def _show(self) -> None:
        assert self.params is not None
        self.offender_table.setRowCount(len(self.offenders))
        for row, o in enumerate(self.offenders):
            values = (
                o.handle,
                o.platform,
                o.display_name,
                o.posts,
                o.reports,
                o.removed,
                o.suspended,
                o.banned,
                self.tr("yes") if o.still_on_platform else self.tr("banned"),
                self.tr("yes") if o.suspected_fake else "",
            )
            for column, value in enumerate(values):
                self.offender_table.setItem(row, column, _item(value))
        self.offender_table.resizeColumnsToContents()
        self._enable_flag()
        self.cluster_table.setRowCount(len(self.clusters))
        tz = self.params.tz
        for row, cluster in enumerate(self.clusters):
            first = cluster.posts[0]
            for column, value in enumerate(
                (
                    len(cluster.posts),
                    first.first_reported.astimezone(tz).strftime("%Y-%m-%d"),
                    " ".join(to_unicode_burmese(first.content).split())[:140],
                )
            ):
                self.cluster_table.setItem(row, column, _item(value))
        self.summary.setText(
            self.tr("{0} repeat offenders, {1} duplicate clusters").format(
                len(self.offenders), len(self.clusters)
            )
        )
        self.cluster_posts.setRowCount(0)

    def _show_cluster(self, row: int) -> None:
        if not 0 <= row < len(self.clusters) or self.params is None:
            return
        posts = self.clusters[row].posts
        self.cluster_posts.setRowCount(len(posts))
        for index, post in enumerate(posts):
            values = (
                post.case_ref,
                post.platform,
                post.author,
                post.first_reported.astimezone(self.params.tz).strftime("%Y-%m-%d %H:%M"),
                " ".join(post.content.split()),
            )
            for column, value in enumerate(values):
                self.cluster_posts.setItem(index, column, _item(value))
        self.cluster_posts.resizeColumnsToContents()

    def _enable_flag(self) -> None:
        offender = self.selected_offender()
        self.flag_button.setEnabled(offender is not None and not offender.suspected_fake)

    def selected_offender(self) -> OffenderRow | None:
        row = self.offender_table.currentRow()
        return self.offenders[row] if 0 <= row < len(self.offenders) else None

    def flag_selected(self) -> None:
        """Flag the selected account as a suspected fake: an edit of the account, so it
        asks why (CORRECTIONS.md: every edit has a reason, kept in the custody log)."""
        offender = self.selected_offender()
        if offender is None or self.store is None or offender.suspected_fake:
            return
        from desktop_app.core.errors import AppError
        from desktop_app.store import corrections
        from desktop_app.store.models import AuthorAccount
        from desktop_app.ui.dialogs.report_dialog import ask_reason
        from desktop_app.ui.i18n import error_text

        reason = ask_reason(
            self,
            self.tr("Why flag this account?"),
            self.tr(
                "You are flagging the account {0} as a suspected fake. Every case it posted "
                "shows it, and the custody log keeps your reason. Why is it flagged?"
            ).format(offender.handle),
        )
        if reason is None or self.store is None:  # cancelled, or locked meanwhile
            return
        try:
            with self.store.transaction() as session:
                account = session.get(AuthorAccount, offender.account_id)
                assert account is not None
                corrections.edit_in(
                    session, "account", account.uid, {"suspected_fake": True}, reason
                )
        except AppError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Not flagged"), error_text(exc))
            return
        self.refresh()
        self.changed.emit()

    def _show_offender_cases(self) -> None:
        offender = self.selected_offender()
        if offender is None or self.store is None:
            return
        ids = frozenset(
            row[0]
            for row in self.store.raw().execute(
                "SELECT id FROM post WHERE author_id = ?", (offender.account_id,)
            )
        )
        self.show_posts.emit(ids, offender.handle)
