"""Retracted cases: what the case list leaves out, and the way back.

A retracted case leaves the list, the figures and every export (CORRECTIONS.md) but
stays in the store. This dialog lists them, with when and why each was retracted,
and restores the one chosen, with a reason of its own (the window asks for it, and
the store writes the custody event). It is the window's "show retracted": the list
itself stays the list of cases in use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.store.engine import Store

POST_ID_ROLE = Qt.ItemDataRole.UserRole


class RetractedCasesDialog(QDialog):
    """The store's retracted cases; Restore… hands the chosen case to ``restore``
    (which asks why and restores it, True when done), then lists them again."""

    def __init__(
        self,
        store: Store,
        tz: Any,
        restore: Callable[[str, int], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tz = tz
        self.restore = restore
        self.setWindowTitle(self.tr("Retracted cases"))
        self.intro = QLabel(
            self.tr(
                "These cases were retracted: they are left out of the case list, the "
                "figures and every export, and kept in the store with their reports, "
                "responses and files. Restore one to bring it back with all of them."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Platform"),
                self.tr("Author"),
                self.tr("Retracted at"),
                self.tr("Reason"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(self.tr("No case is retracted."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self.fill()

    def fill(self) -> None:
        from desktop_app.store.case_view import retracted_cases

        with self.store.engine.connect() as conn:
            rows = retracted_cases(conn)
        # The latest retraction first: the one a person most likely wants back.
        rows.sort(key=lambda row: str(row["retracted"]["at"]), reverse=True)
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            at = datetime.fromisoformat(row["retracted"]["at"]).astimezone(self.tz)
            cells = [
                row["case_ref"],
                row["platform"],
                row["author"],
                at.strftime("%Y-%m-%d %H:%M"),
                row["retracted"]["reason"] or "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(POST_ID_ROLE, row["post_id"])
                if column == 4:
                    item.setToolTip(text)
                self.table.setItem(number, column, item)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rows:
            self.table.selectRow(0)
        self._update()

    def selected(self) -> tuple[str, int] | None:
        items = self.table.selectedItems()
        if not items:
            return None
        first = self.table.item(items[0].row(), 0)
        if first is None:
            return None
        return first.text(), int(first.data(POST_ID_ROLE))

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _restore(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.restore(*chosen):
            self.fill()
