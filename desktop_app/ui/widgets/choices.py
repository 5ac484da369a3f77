"""Choices that exports and bundles share: which cases, and what to redact."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QGroupBox, QRadioButton, QVBoxLayout, QWidget

from desktop_app.core.redaction import REDACTABLE
from desktop_app.ui.vocab import numerus, redaction_name


class CaseScope(QWidget):
    """All cases, the cases of the current list, or the selected ones (+ extra choices)."""

    def __init__(
        self,
        filtered_refs: list[str],
        selected_refs: list[str],
        extra: tuple[QRadioButton, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.filtered_refs = filtered_refs
        self.selected_refs = selected_refs
        self.all = QRadioButton(self.tr("All cases"))
        count = len(filtered_refs)
        self.filtered = QRadioButton(
            numerus(self.tr("The %n case(s) in the current list", "", count), count)
        )
        count = len(selected_refs)
        self.selected = QRadioButton(numerus(self.tr("The %n selected case(s)", "", count), count))
        self.selected.setEnabled(bool(selected_refs))
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.all, self.filtered, self.selected, *extra):
            group.addButton(button)
            layout.addWidget(button)
        (self.selected if selected_refs else self.filtered).setChecked(True)

    def refs(self) -> tuple[str, ...] | None:
        """The chosen case references; None for all cases (or an extra choice)."""
        if self.filtered.isChecked():
            return tuple(self.filtered_refs)
        if self.selected.isChecked():
            return tuple(self.selected_refs)
        return None


class RedactionChoice(QGroupBox):
    """One box per redactable field (core.redaction.REDACTABLE)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Remove before writing (redaction)"))
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for name, meaning in REDACTABLE.items():
            self.boxes[name] = QCheckBox(redaction_name(name, meaning))
            layout.addWidget(self.boxes[name])

    def fields(self) -> frozenset[str]:
        return frozenset(name for name, box in self.boxes.items() if box.isChecked())
