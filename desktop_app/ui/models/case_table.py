"""The case list as a Qt table model, fetched in pages from ``store.cases.CaseList``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.core.normalise import to_unicode_burmese
from desktop_app.store.cases import CaseFilter, CaseList, CaseRow
from desktop_app.ui.vocab import category_name, duration_text, outcome_name

PAGE = 200
Index = QModelIndex | QPersistentModelIndex

# Named columns: (sort key, header)
COL_CASE, COL_PLATFORM, COL_AUTHOR, COL_CATEGORY, COL_FIRST, COL_REPORTS = range(6)
COL_OUTCOME, COL_HOURS, COL_SLA, COL_ORIGIN, COL_CONTENT = range(6, 11)
COLUMNS = (
    ("case_ref", QT_TRANSLATE_NOOP("CaseTableModel", "Case")),
    ("platform", QT_TRANSLATE_NOOP("CaseTableModel", "Platform")),
    ("author", QT_TRANSLATE_NOOP("CaseTableModel", "Author")),
    ("category", QT_TRANSLATE_NOOP("CaseTableModel", "Category")),
    ("first_reported", QT_TRANSLATE_NOOP("CaseTableModel", "First reported")),
    ("reports", QT_TRANSLATE_NOOP("CaseTableModel", "Reports")),
    ("latest_outcome", QT_TRANSLATE_NOOP("CaseTableModel", "Latest outcome")),
    ("hours", QT_TRANSLATE_NOOP("CaseTableModel", "Waiting / decided in")),
    ("over_sla", QT_TRANSLATE_NOOP("CaseTableModel", "Over SLA")),
    ("origin", QT_TRANSLATE_NOOP("CaseTableModel", "From")),
    ("content", QT_TRANSLATE_NOOP("CaseTableModel", "Content")),
)
OVER_SLA_BRUSH = QBrush(QColor("#fde2e1"))
# Roles as plain ints: data() runs for every cell and role of every paint.
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
USER = int(Qt.ItemDataRole.UserRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The roles answered besides DISPLAY. A view asks each painted cell for seven roles
# (display, decoration, font, alignment, background, foreground, check state): the
# ones not answered return at once, without reading the index.
ANSWERED = frozenset((BACKGROUND, TOOLTIP, USER, ALIGNMENT))


class CaseTableModel(QAbstractTableModel):
    def __init__(self, cases: CaseList, tz: Any) -> None:
        super().__init__()
        self.cases = cases
        self.tz = tz
        self.filter = CaseFilter()
        self.sort_key = "first_reported"
        self.descending = True
        self.rows: list[CaseRow] = []
        self.total = 0
        # Display text by row number, made when a row is first painted (the same cell
        # is asked again by every paint, and a grab).
        self._texts: dict[int, list[str | None]] = {}

    # --- loading -----------------------------------------------------------------
    def reload(self) -> None:
        total = self.cases.count(self.filter)
        rows = self.cases.page(
            self.filter, sort=self.sort_key, descending=self.descending, limit=PAGE
        )
        self.beginResetModel()
        self.total = total
        self.rows = rows
        self._texts = {}
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Load the rows shown again (the list was rebuilt with newer figures): in
        place when they are the same cases, so selection and scrolling stay."""
        fresh = self.cases.page(
            self.filter, sort=self.sort_key, descending=self.descending, limit=len(self.rows)
        )
        total = self.cases.count(self.filter)
        if [r.post_id for r in fresh] != [r.post_id for r in self.rows]:
            self.reload()
            return
        self.rows = fresh
        self.total = total
        self._texts = {}
        if fresh:
            last = self.index(len(fresh) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_filter(self, case_filter: CaseFilter) -> None:
        self.filter = case_filter
        self.reload()

    def clear(self) -> None:
        """Drop every row from memory (the window is locking)."""
        self.beginResetModel()
        self.rows = []
        self._texts = {}
        self.total = 0
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        more = self.cases.page(
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            offset=len(self.rows),
            limit=PAGE,
        )
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    # --- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        role = int(role)
        if role != DISPLAY and role not in ANSWERED:
            return None
        if not index.isValid():
            return None
        number = index.row()
        column = index.column()
        if role == DISPLAY:
            texts = self._texts.get(number)
            if texts is None:
                texts = self._texts[number] = [None] * len(COLUMNS)
            text = texts[column]
            if text is None:
                text = texts[column] = self._display(self.rows[number], column)
            return text
        row = self.rows[number]
        if role == BACKGROUND:
            return OVER_SLA_BRUSH if row.over_sla else None
        if role == TOOLTIP:
            if column == COL_HOURS:
                return (
                    self.tr("Hours waiting so far")
                    if row.latest_outcome == "pending"
                    else self.tr("Hours from report to the last decision")
                )
            return row.content
        if role == USER:
            return row.post_id
        if role == ALIGNMENT and column in (COL_REPORTS, COL_HOURS):
            return RIGHT
        return None

    def _display(self, row: CaseRow, column: int) -> str:
        if column == COL_CASE:
            return row.case_ref
        if column == COL_PLATFORM:
            return row.platform
        if column == COL_AUTHOR:
            return row.author or self.tr("(unknown)")
        if column == COL_CATEGORY:
            return category_name(row.category) or self.tr("uncategorised")
        if column == COL_FIRST:
            if row.first_reported is None:
                return self.tr("not reported yet")
            return row.first_reported.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")
        if column == COL_REPORTS:
            return str(row.reports)
        if column == COL_OUTCOME:
            if row.latest_outcome == "not_reported":
                return self.tr("not reported yet")
            if row.latest_outcome == "pending" and row.interim:
                return self.tr("{0}, no decision yet").format(outcome_name(row.interim))
            return outcome_name(row.latest_outcome)
        if column == COL_HOURS:
            return "" if row.hours is None else duration_text(row.hours)
        if column == COL_SLA:
            return self.tr("over SLA") if row.over_sla else ""
        if column == COL_ORIGIN:
            return row.origin
        return " ".join(to_unicode_burmese(row.content).split())[:120]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        if key == "content":
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def row_of(self, post_id: int) -> int | None:
        """The row showing this post, among the rows loaded so far."""
        for row, case in enumerate(self.rows):
            if case.post_id == post_id:
                return row
        return None

    def post_id_at(self, row: int) -> int | None:
        return self.rows[row].post_id if 0 <= row < len(self.rows) else None
