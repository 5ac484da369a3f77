"""The case list model: what each cell answers, role by role (a view asks every painted
cell for seven roles; the ones not answered return before reading the index)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QObject, Qt

from desktop_app.ui.models.case_table import (
    COL_HOURS,
    COL_REPORTS,
    COLUMNS,
    OVER_SLA_BRUSH,
    RIGHT,
)

R = Qt.ItemDataRole
NOT_ANSWERED = (
    R.DecorationRole,
    R.EditRole,
    R.StatusTipRole,
    R.WhatsThisRole,
    R.FontRole,
    R.ForegroundRole,
    R.CheckStateRole,
    R.SizeHintRole,
)


@contextmanager
def _paints() -> Iterator[list[QObject]]:
    """Every object painted while the block runs (an application-wide event filter)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    painted: list[QObject] = []

    class Paints(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(obj)
            return False

    app = QApplication.instance()
    watcher = Paints()
    app.installEventFilter(watcher)
    try:
        yield painted
    finally:
        app.removeEventFilter(watcher)


def _settle() -> None:
    """A relayout climbs one parent per turn of the event loop."""
    from PySide6.QtWidgets import QApplication

    for _ in range(12):
        QApplication.processEvents()


def test_each_cell_answers_its_roles_and_no_others(unlocked) -> None:  # type: ignore[no-untyped-def]
    model = unlocked.model
    assert model.rowCount() > 0
    for number, row in enumerate(model.rows):
        for column in range(len(COLUMNS)):
            index = model.index(number, column)
            for role in NOT_ANSWERED:
                assert model.data(index, role) is None
                assert model.data(index, int(role.value)) is None
            text = model.data(index, R.DisplayRole)
            assert isinstance(text, str)
            assert text == model.data(index) == model.data(index, 0)
            assert text == model._display(row, column)
            assert model.data(index, R.UserRole) == row.post_id
            expected = RIGHT if column in (COL_REPORTS, COL_HOURS) else None
            assert model.data(index, R.TextAlignmentRole) == expected
            brush = model.data(index, R.BackgroundRole)
            assert (brush is OVER_SLA_BRUSH) if row.over_sla else (brush is None)
            tip = model.data(index, R.ToolTipRole)
            assert tip if column == COL_HOURS else tip == row.content
    for role in (R.DisplayRole, R.UserRole, R.ToolTipRole, R.DecorationRole):
        assert model.data(QModelIndex(), role) is None


def test_a_search_repaints_the_list_not_the_window(unlocked) -> None:  # type: ignore[no-untyped-def]
    """A new count must not re-lay the window: a label whose size may change makes Qt
    re-lay the panel, the splitter and the main window on every new text, and the main
    window's relayout repaints every widget in it (the filters, the editor, the tabs)."""
    from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit

    panel = unlocked.case_panel
    label = panel.count_label
    assert label.minimumSize() == label.maximumSize()  # fixed in both directions
    app = QApplication.instance()
    # Searches with different counts, the box never empty: the clear button shown or
    # hidden re-lays the window once (Qt forces that), not at each search.
    texts = ["Sunday", "zzzz", "a", "မွတ်စလင်", "zzzz", "at"]
    counts: set[str] = set()
    panel.search.setText("news")
    _settle()
    with _paints() as painted:
        for text in texts:
            panel.search.setText(text)
            app.processEvents()
            counts.add(label.text())
        _settle()
    assert panel.table.viewport() in painted  # the list itself was repainted
    others = [w for w in painted if isinstance(w, QComboBox | QDateEdit)]
    assert others == [], f"{len(others)} filter widgets repainted by a search"
    assert len(counts) >= 3  # the label's text changed from search to search


def test_the_first_key_of_a_search_and_clearing_it_repaint_no_filter(unlocked) -> None:  # type: ignore[no-untyped-def]
    """Qt's own clear button is shown with the first character and hidden when the box
    is emptied, and each time it forces a relayout up to the main window, repainting
    every widget; the list's clear button stays in place and only changes its icon."""
    from PySide6.QtWidgets import QComboBox, QDateEdit

    panel = unlocked.case_panel
    assert panel.search.text() == ""
    assert not panel.clear_search.isEnabled() and panel.clear_search.icon().isNull()
    _settle()
    with _paints() as painted:
        for text in ("S", "Su", "Sunday"):
            panel.search.setText(text)
            _settle()
        assert panel.clear_search.isEnabled() and not panel.clear_search.icon().isNull()
        panel.clear_search.trigger()  # a click on the button
        _settle()
    assert panel.search.text() == ""
    assert unlocked.model.total == 2  # every case again
    assert not panel.clear_search.isEnabled() and panel.clear_search.icon().isNull()
    others = [w for w in painted if isinstance(w, QComboBox | QDateEdit)]
    assert others == [], f"{len(others)} filter widgets repainted"
    # Reset (lock, View > Show all cases) empties the box without its signal.
    panel.search.setText("Sunday")
    panel.reset_filters()
    assert not panel.clear_search.isEnabled() and panel.clear_search.icon().isNull()


def test_a_search_resets_the_list_once_and_paints_it_once(unlocked) -> None:  # type: ignore[no-untyped-def]
    """Each new search: one model reset (the count and the page read first, then the
    rows swapped at once) and one paint of the list, not a paint per step."""
    panel = unlocked.case_panel
    model = unlocked.model
    viewport = panel.table.viewport()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.total))
    panel.search.setText("news")
    _settle()
    for text in ("Sunday", "zzzz", "မွတ်စလင်", "at"):
        resets.clear()
        with _paints() as painted:
            panel.search.setText(text)
            _settle()
        assert resets == [model.total], text
        assert painted.count(viewport) == 1, text


def _qt_fit(panel) -> list[int]:  # type: ignore[no-untyped-def]
    """The widths Qt's own fit gives (what the list did before fit_columns measured)."""
    from desktop_app.ui.models.case_table import COL_CONTENT

    table = panel.table
    widths = []
    for column in range(len(COLUMNS)):
        if column != COL_CONTENT:
            table.resizeColumnToContents(column)
        widths.append(table.columnWidth(column))
    return widths


def _assert_fit_as_qt_does(panel) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop_app.ui.models.case_table import COL_CASE, COL_FIRST, COL_PLATFORM
    from desktop_app.ui.widgets.case_list import FIT_ROWS

    table, model = panel.table, panel.model
    for column in range(len(COLUMNS)):
        table.setColumnWidth(column, 5)
    model._texts = {}  # the texts again, in the language installed now
    panel.fit_columns()
    ours = [table.columnWidth(column) for column in range(len(COLUMNS))]
    assert ours == _qt_fit(panel)
    # And no clipping: a case ref, a date, a platform of the first rows fit their cells.
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    top = max(0, table.verticalHeader().visualIndexAt(0))
    for row in range(top, min(model.rowCount(), top + FIT_ROWS)):
        for column in (COL_CASE, COL_PLATFORM, COL_FIRST):
            index = model.index(row, column)
            needed = table.itemDelegate().sizeHint(option, index).width()
            text = model.data(index)
            assert ours[column] >= needed > table.fontMetrics().horizontalAdvance(text), text


@pytest.fixture
def many_cases(window, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window unlocked on 2,000 generated reports: authors, refs and dates of every
    width and last character, Burmese and English content."""
    from desktop_app.core.timeutil import zone
    from desktop_app.importers.spreadsheet import import_file
    from desktop_app.store.engine import create_store
    from tests.conftest import PASSPHRASE
    from tests.perf.generate import generate

    path = tmp_path / "many.db"
    with create_store(path, PASSPHRASE, organisation="GUI test", timezone="Asia/Yangon") as store:
        import_file(store, generate(tmp_path / "log.csv", 2000), zone("Asia/Yangon"))
    window.ask_unlock(path)
    window.unlock(PASSPHRASE)
    assert not window.is_locked
    return window


def test_columns_are_as_wide_as_qts_own_fit(many_cases, qapp) -> None:  # type: ignore[no-untyped-def]
    """fit_columns measures the texts and asks the delegate for the widest only: the
    widths are Qt's resizeColumnToContents' to the pixel, in English and in Burmese,
    at the top of the list and scrolled, hidden (as at launch) or shown."""
    from desktop_app.ui import i18n
    from desktop_app.ui.models.case_table import COL_AUTHOR, COL_CASE, COL_FIRST

    panel = many_cases.case_panel
    model = panel.model
    assert model.rowCount() >= 150
    _assert_fit_as_qt_does(panel)
    # Other rows first: texts of one advance whose last glyphs overhang differently
    # ("@author1034" is a pixel wider than "@author1856") come in other orders.
    for column in (COL_CASE, COL_AUTHOR, COL_FIRST):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            _assert_fit_as_qt_does(panel)
    # Texts of one advance whose last glyphs overhang differently ("@author1034" is a
    # pixel wider than "@author1856" in Noto Sans), in both orders, and Burmese ones.
    from dataclasses import replace

    ends = "0123456789abcdefghijklmnopqrstuvwxyzAVWY_.)]"
    burmese = ["မြန်", "မွတ်", "ကြည့်", "ရိုး", "ပြည်", "ကို"]
    crafted = [
        replace(
            row,
            case_ref=f"C-04413{number % 10}04{ends[number % len(ends)]}",
            author=f"@author103{ends[(number * 7) % len(ends)]}"
            if number % 4
            else f"@{burmese[number % len(burmese)]}",
            platform=f"messenger-{ends[(number * 3) % len(ends)]}",
        )
        for number, row in enumerate(model.rows[:60])
    ]
    for rows in (crafted, crafted[::-1], crafted[1::2] + crafted[::2]):
        model.beginResetModel()
        model.rows = list(rows)
        model.endResetModel()
        _assert_fit_as_qt_does(panel)
    model.reload()
    panel.table.scrollTo(panel.model.index(120, 0))
    _settle()
    assert panel.table.verticalHeader().visualIndexAt(0) > 0
    _assert_fit_as_qt_does(panel)
    panel.table.hide()
    _assert_fit_as_qt_does(panel)
    panel.table.show()
    assert i18n.install_translators(qapp, "my"), "caselog_my.qm is missing: run make"
    try:
        _settle()
        _assert_fit_as_qt_does(panel)
    finally:
        i18n.install_translators(qapp, "en")
