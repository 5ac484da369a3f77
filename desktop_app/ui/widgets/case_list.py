"""The case list with its filters and search box."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import FINAL_OUTCOMES
from desktop_app.store.cases import CaseFilter
from desktop_app.ui.models.case_table import COL_CONTENT, CaseTableModel

ALL = ""


class CaseListPanel(QWidget):
    case_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: CaseTableModel | None = None
        self.tz: Any = None
        self.extra_post_ids: frozenset[int] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search text, link, author, notes (any language)"))
        self.search.setClearButtonEnabled(True)
        self.platform = QComboBox()
        self.category = QComboBox()
        self.outcome = QComboBox()
        self.status = QComboBox()
        self.status.addItem(self.tr("Pending and decided"), ALL)
        self.status.addItem(self.tr("Pending"), "pending")
        self.status.addItem(self.tr("Decided"), "decided")
        self.over_sla = QCheckBox(self.tr("Over SLA"))
        self.use_dates = QCheckBox(self.tr("First reported from"))
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-3))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)

        filters = QHBoxLayout()
        for widget in (self.platform, self.category, self.outcome, self.status, self.over_sla):
            filters.addWidget(widget)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        dates.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table)

        self.search.textChanged.connect(self._search_changed)
        for combo in (self.platform, self.category, self.outcome, self.status):
            combo.currentIndexChanged.connect(self.apply_filter)
        for box in (self.over_sla, self.use_dates):
            box.toggled.connect(self.apply_filter)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)

    def attach(self, model: CaseTableModel, tz: Any) -> None:
        self.model = model
        self.tz = tz
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        for column, width in enumerate((72, 72, 130, 100, 112, 52, 100, 84, 62)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(COL_CONTENT, False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.refill_choices()
        self.apply_filter()

    def refill_choices(self) -> None:
        """Platform and category lists from the data; keep what was chosen."""
        if self.model is None:
            return
        for combo, column, everything in (
            (self.platform, "platform", self.tr("All platforms")),
            (self.category, "category", self.tr("All categories")),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, ALL)
            for value in self.model.cases.distinct(column):
                combo.addItem(value, value)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        chosen = self.outcome.currentData()
        self.outcome.blockSignals(True)
        self.outcome.clear()
        self.outcome.addItem(self.tr("Any outcome"), ALL)
        self.outcome.addItem(self.tr("pending"), "pending")
        for outcome in sorted(o.value for o in FINAL_OUTCOMES):
            self.outcome.addItem(outcome.replace("_", " "), outcome)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(chosen)))
        self.outcome.blockSignals(False)

    def current_filter(self) -> CaseFilter:
        date_from = date_to = None
        if self.use_dates.isChecked() and self.tz is not None:
            start = self.date_from.date().toPython()
            end = self.date_to.date().toPython()
            date_from = datetime.combine(start, time(), self.tz)
            date_to = datetime.combine(end + timedelta(days=1), time(), self.tz)
        return CaseFilter(
            platform=self.platform.currentData() or None,
            category=self.category.currentData() or None,
            outcome=self.outcome.currentData() or None,
            status=self.status.currentData() or None,
            over_sla=self.over_sla.isChecked(),
            date_from=date_from,
            date_to=date_to,
            search=self.search.text(),
            post_ids=self.extra_post_ids,
        )

    def _search_changed(self, text: str) -> None:
        if not text and self.extra_post_ids is not None:
            self.extra_post_ids = None  # clearing the search also ends a drill-down
        self.apply_filter()

    def apply_filter(self) -> None:
        if self.model is None:
            return
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("{0} cases").format(f"{self.model.total:,}"))

    def show_posts(self, post_ids: frozenset[int] | None) -> None:
        """Restrict the list to these posts (e.g. the reports behind a dashboard figure)."""
        self.extra_post_ids = post_ids
        self.apply_filter()

    def selected_post_ids(self) -> list[int]:
        if self.model is None:
            return []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [pid for pid in (self.model.post_id_at(r) for r in rows) if pid is not None]

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if self.model is not None and current.isValid():
            post_id = self.model.post_id_at(current.row())
            if post_id is not None:
                self.case_selected.emit(post_id)
