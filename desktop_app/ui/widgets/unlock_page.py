"""Unlock: the passphrase, and nothing of the store's content until it is right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# The page is made before the store is unlocked, so it names no member of Qt's ``Qt``
# namespace: PySide6 builds that namespace, every enum in it, on first use (0.03-0.05
# s), which a window that unlocks at once then pays before the key derivation starts
# instead of while it runs (issue 15). The page is centred by stretches instead of
# alignment flags (the same geometry), and the two flags it sets go through their Qt
# properties, which take the flags' integer values.
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignHCenter | AlignVCenter
TEXT_SELECTABLE_BY_MOUSE = 0x0001  # Qt.TextInteractionFlag.TextSelectableByMouse


def _centred(layout: QBoxLayout, widget: QWidget) -> None:
    """``widget`` at its own width in the middle of a row of ``layout`` (stretches hold
    no spacing, so the rows are spaced as the widgets alone would be)."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    layout.addLayout(row)


class UnlockPage(QWidget):
    unlock_requested = Signal(str)
    other_store_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("<h2>Unlock your store</h2>"))
        self.path_label = QLabel()
        self.path_label.setProperty("textInteractionFlags", TEXT_SELECTABLE_BY_MOUSE)
        self.hint_label = QLabel()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setMinimumWidth(300)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.other_button = QPushButton(self.tr("Open or create another store…"))
        self.other_button.setFlat(True)
        row_box = QWidget()
        row_box.setFixedWidth(480)
        row = QHBoxLayout(row_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.passphrase)
        row.addWidget(self.unlock_button)
        layout.addStretch(1)
        for widget in (self.title, self.path_label, self.hint_label, row_box):
            _centred(layout, widget)
        # The error takes the row's full width (a centred wrapped label would be given
        # the width of no text and cut "Wrong passphrase. Try again." in half).
        self.error_label.setProperty("alignment", ALIGN_CENTER)
        self.error_label.setFixedWidth(480)
        _centred(layout, self.error_label)
        _centred(layout, self.other_button)
        layout.addStretch(1)
        self.unlock_button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.other_button.clicked.connect(self.other_store_requested)

    def prepare(self, path: Path, hint: str = "") -> None:
        """Show which store is asked for; clear any passphrase left in the field."""
        self.path_label.setText(str(path))
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.passphrase.clear()
        self.error_label.clear()
        self.passphrase.setFocus()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _submit(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.show_error(self.tr("Type the passphrase of this store."))
            return
        self.unlock_requested.emit(text)
