"""The case list model: what each cell answers, role by role (a view asks every painted
cell for seven roles; the ones not answered return before reading the index)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

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
