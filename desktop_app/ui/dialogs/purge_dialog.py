"""Purge an attachment: its bytes are erased from the store for good, with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PurgeDialog(QDialog):
    """Asks why, says plainly that nothing brings the bytes back, and purges only once
    the person has given a reason and ticked that they understand."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Purge attachment"))
        warning = QLabel(
            self.tr(
                "<b>A purge cannot be undone.</b> The bytes of “{0}” are erased from the "
                "store and cannot be restored; only its SHA-256, size, name and your reason "
                "stay in the custody log. Backups you made before now still hold it; the "
                "older copies Caselog kept beside the store from schema updates are erased "
                "too. To hide it and keep it, retract it instead."
            ).format(name)
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #b00020;")
        # A window does not grow for a wrapped label's height by itself: give it room.
        width = 460
        warning.setMinimumWidth(width)
        warning.setMinimumHeight(warning.heightForWidth(width))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why is it purged? (kept in the custody log)"))
        self.understood = QCheckBox(self.tr("I understand the file cannot be brought back"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.purge_button = self.buttons.addButton(
            self.tr("Purge for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.purge_button.setEnabled(False)
        for button in self.buttons.buttons():  # Return neither purges nor cancels
            button.setAutoDefault(False)
            button.setDefault(False)
        self.purge_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self.understood.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.understood)
        layout.addWidget(self.buttons)

    def _update(self) -> None:
        self.purge_button.setEnabled(
            bool(self.reason.text().strip()) and self.understood.isChecked()
        )

    def reason_text(self) -> str:
        return self.reason.text().strip()
