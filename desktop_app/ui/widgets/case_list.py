"""The case list with its filters and search box."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QIcon, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import FINAL_OUTCOMES
from desktop_app.store.cases import CaseFilter
from desktop_app.ui.models.case_table import COL_CONTENT, CaseTableModel
from desktop_app.ui.vocab import category_name, numerus, outcome_name

ALL = ""
FIT_ROWS = 30
# Qt's width of a text is its advance plus its last glyph's overhang (up to 8 pixels
# seen in Burmese): texts within a line's height of the widest advance are measured.
FIT_SLACK = 1.0


class Chip(QFrame):
    """A rounded, light blue frame, painted here rather than by a style sheet: a
    style sheet in the panel made every repaint of the list repaint the whole
    window (measured offscreen: each search repainted combos, editor and tabs)."""

    FILL = QColor("#e8f0fe")
    EDGE = QColor("#8ab4f8")

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.EDGE, 1))
        painter.setBrush(self.FILL)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)


class CaseListPanel(QWidget):
    case_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: CaseTableModel | None = None
        self.tz: Any = None
        self.extra_post_ids: frozenset[int] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search text, link, author, notes (any language)"))
        # Our own clear button, always in place and blank while the box is empty. Qt's
        # (setClearButtonEnabled) is shown and hidden with the text, and each time it
        # forces a relayout up to the main window, which repaints every widget in it:
        # on the first key of each search and after each clearing. (No tooltip, as Qt's.)
        self.clear_search = self.search.addAction(
            QIcon(), QLineEdit.ActionPosition.TrailingPosition
        )
        self.clear_search.triggered.connect(self.search.clear)
        self._clear_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton)
        self._show_clear_button("")
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
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A drill-down (from a dashboard figure or an account) shows as a chip that
        # says what it is and removes it with one click.
        self.drill_description = ""
        self.chip = Chip()
        self.chip_label = QLabel()
        self.chip_close = QToolButton()
        self.chip_close.setText("✕")
        self.chip_close.setAutoRaise(True)
        self.chip_close.setToolTip(self.tr("Remove this filter"))
        self.chip_close.clicked.connect(self.clear_drilldown)
        chip_layout = QHBoxLayout(self.chip)
        chip_layout.setContentsMargins(8, 1, 2, 1)
        chip_layout.addWidget(self.chip_label)
        chip_layout.addWidget(self.chip_close)
        self.chip.setVisible(False)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        # Column widths from the first rows, not every loaded one (each row asked is
        # a call into the model per column; 200 of them cost more than painting).
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)

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
        chip_row = QHBoxLayout()
        chip_row.addWidget(self.chip)
        chip_row.addStretch(1)
        layout.addLayout(chip_row)
        layout.addWidget(self.table)
        self._fit_count_label()

        self.search.textChanged.connect(self._search_changed)
        for combo in (self.platform, self.category, self.outcome, self.status):
            combo.currentIndexChanged.connect(self.apply_filter)
        for box in (self.over_sla, self.use_dates):
            box.toggled.connect(self.apply_filter)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)

    def _fit_count_label(self) -> None:
        """Give the count label a fixed size: as wide as the longest count, as high as
        its row. A label whose size may change re-lays the panel, the splitter and the
        main window whenever its text changes (Qt skips that only for a widget fixed in
        both directions), and the main window's relayout repaints every widget in it:
        34 widgets painted for each search instead of 12, offscreen."""
        widest = numerus(self.tr("{0} of %n case(s)", "", 999_999), 999_999).format("999,999")
        label = self.count_label
        height = max(
            label.sizeHint().height(),
            *(w.sizeHint().height() for w in (self.use_dates, self.date_from, self.date_to)),
        )
        label.setFixedSize(label.fontMetrics().horizontalAdvance(widest) + 12, height)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self._fit_count_label()
        super().changeEvent(event)

    def attach(self, model: CaseTableModel, tz: Any) -> None:
        self.model = model
        self.tz = tz
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.table.setColumnHidden(COL_CONTENT, False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.refill_choices()
        self.apply_filter()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column as wide as its header and the first ``FIT_ROWS`` rows from the
        top (content takes the rest): the widths ``resizeColumnToContents`` gives, for
        less. Qt asks the delegate for each of those cells, eight calls into the model
        a cell (2,400 for 30 rows, 6-11 ms before the first paint). Every cell here has
        the view's font and neither icon nor check box, so its width is its text's
        advance plus the overhang of its last glyph: the texts are measured in one
        pass, and the delegate is asked once for each (advance, last character) among
        the texts within ``FIT_SLACK`` line heights of the widest advance (once for each
        such text when it ends in a character outside ASCII, whose last glyph may come
        from an earlier one)."""
        model = self.model
        if model is None:
            return
        table = self.table
        table.ensurePolished()
        header = table.horizontalHeader()
        top = max(0, table.verticalHeader().visualIndexAt(0))
        rows = range(top, min(model.rowCount(), top + FIT_ROWS))
        metrics = QFontMetricsF(table.font())
        slack = FIT_SLACK * metrics.height()
        delegate = table.itemDelegate()
        option = QStyleOptionViewItem()
        table.initViewItemOption(option)
        grid = 1 if table.showGrid() else 0
        for column in range(model.columnCount()):
            if column == COL_CONTENT:
                continue
            first: dict[str, int] = {}
            for row in rows:
                first.setdefault(model.data(model.index(row, column)) or "", row)
            content = 0
            if first:
                advances = {text: metrics.horizontalAdvance(text) for text in first}
                near = max(advances.values()) - slack
                asked: dict[tuple[float, str], int] = {}
                for text, row in first.items():
                    advance = advances[text]
                    if advance >= near:
                        last = text[-1:]
                        asked.setdefault((advance, last if last.isascii() else text), row)
                content = grid + max(
                    delegate.sizeHint(option, model.index(row, column)).width()
                    for row in asked.values()
                )
            header.resizeSection(column, max(content, header.sectionSizeHint(column)))

    def refill_choices(self) -> None:
        """Platform and category lists from the data; keep what was chosen (until the
        whole list is built, only "All")."""
        if self.model is None:
            return
        ready = self.model.cases.ready
        for combo, column, everything in (
            (self.platform, "platform", self.tr("All platforms")),
            (self.category, "category", self.tr("All categories")),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, ALL)
            for value in self.model.cases.distinct(column) if ready else []:
                label = category_name(value) if column == "category" else value
                if value == "uncategorised":
                    label = self.tr("uncategorised")
                combo.addItem(label, value)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        chosen = self.outcome.currentData()
        self.outcome.blockSignals(True)
        self.outcome.clear()
        self.outcome.addItem(self.tr("Any outcome"), ALL)
        self.outcome.addItem(outcome_name("pending"), "pending")
        for outcome in sorted(o.value for o in FINAL_OUTCOMES):
            self.outcome.addItem(outcome_name(outcome), outcome)
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

    def _show_clear_button(self, text: str) -> None:
        # A new icon repaints the button only (visibility would re-lay the window).
        self.clear_search.setIcon(self._clear_icon if text else QIcon())
        self.clear_search.setEnabled(bool(text))

    def _search_changed(self, text: str) -> None:
        self._show_clear_button(text)
        self.apply_filter()

    def is_filtered(self) -> bool:
        return self.current_filter() != CaseFilter(search="")

    def apply_filter(self) -> None:
        if self.model is None:
            return
        rows_before = self.model.rowCount()
        self.model.set_filter(self.current_filter())
        if self.model.rowCount() != rows_before:
            self._lay_out_now()
        shown = self.model.total
        if self.is_filtered():
            total = self.model.cases.count(CaseFilter())
            text = numerus(self.tr("{0} of %n case(s)", "", total), total).format(f"{shown:,}")
        else:
            text = numerus(self.tr("%n case(s)", "", shown), shown)
        self.count_label.setText(text)

    def _lay_out_now(self) -> None:
        """Lay the list out for its new rows before it is painted, not after: Qt lays a
        reset view out on a timer and shows or hides its scroll bar in a queued call, so
        a search whose rows no longer fill the list (or fill it again) was painted once
        with the old scroll bar and widths, then again in full with the new ones."""
        self.table.doItemsLayout()
        QCoreApplication.sendPostedEvents(self.table, QEvent.Type.MetaCall)

    def show_posts(self, post_ids: frozenset[int] | None, description: str = "") -> None:
        """Restrict the list to these posts (e.g. the reports behind a dashboard figure),
        shown as a removable chip above the list."""
        self.extra_post_ids = post_ids
        self.drill_description = description if post_ids is not None else ""
        self.chip_label.setText(self.drill_description or self.tr("Chosen cases"))
        self.chip.setVisible(post_ids is not None)
        self.apply_filter()

    def clear_drilldown(self) -> None:
        self.show_posts(None)

    def reset_filters(self, *, apply: bool = True) -> None:
        """Back to every case: no search, no filter, no drill-down (lock, unlock, another
        store, or View > Show all cases)."""
        widgets = (
            self.search,
            self.platform,
            self.category,
            self.outcome,
            self.status,
            self.over_sla,
            self.use_dates,
            self.date_from,
            self.date_to,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.platform, self.category, self.outcome, self.status):
            combo.setCurrentIndex(0)
        self.over_sla.setChecked(False)
        self.use_dates.setChecked(False)
        today = QDate.currentDate()  # the local date, as every date a person reads
        self.date_from.setDate(today.addMonths(-3))
        self.date_to.setDate(today)
        for widget in widgets:
            widget.blockSignals(False)
        self._show_clear_button("")
        self.extra_post_ids = None
        self.drill_description = ""
        self.chip.setVisible(False)
        if apply:
            self.apply_filter()

    def select_post(self, post_id: int | None) -> None:
        """Select this post's row without announcing a new choice (or clear the choice)."""
        selection = self.table.selectionModel()
        if self.model is None or selection is None:
            return
        selection.blockSignals(True)
        try:
            row = None if post_id is None else self.model.row_of(post_id)
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(
                    self.model.index(-1, -1), selection.SelectionFlag.NoUpdate
                )
            else:
                self.table.selectRow(row)
        finally:
            selection.blockSignals(False)

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
