"""Create a new encrypted store: organisation, time zone, passphrase twice."""

from __future__ import annotations

import zoneinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.passphrase import MIN_PASSPHRASE_LENGTH, passphrase_problem
from desktop_app.paths import data_dir


def passphrase_refusal(widget: QWidget, text: str) -> str | None:
    """Why ``text`` is refused as a new passphrase, in the window's language, or None.
    The rule is the CLI's (``core.passphrase.passphrase_problem``). One translation
    context whichever dialog asks (``widget.tr`` would look in the caller's)."""
    if passphrase_problem(text) is None:
        return None
    if not text.strip():
        return QCoreApplication.translate(
            "NewStoreDialog", "The passphrase is empty or only spaces."
        )
    return QCoreApplication.translate(
        "NewStoreDialog",
        "The passphrase is too short: use at least {0} characters, ideally four or more words.",
    ).format(MIN_PASSPHRASE_LENGTH)


def passphrase_strength(text: str) -> tuple[int, str]:
    """0..3 and a plain hint. Long passphrases of several words beat short symbol soup."""
    length = len(text)
    words = len([w for w in text.split() if w])
    classes = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )
    if length < 10:
        return 0, "Too short: use at least 4 words or 16 characters."
    if length < 16 and classes < 3:
        return 1, "Weak: add more words."
    if length >= 20 or words >= 4:
        return 3, "Strong."
    return 2, "Fair: a longer passphrase of 4 or more words is safer."


class NewStoreDialog(QDialog):
    """Ask for what ``create_store`` needs. ``pick_path`` can be replaced in tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create a new store"))
        self.organisation = QLineEdit()
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(zoneinfo.available_timezones()))
        self.timezone.setCurrentText("Asia/Yangon")
        self.path = QLineEdit(str(data_dir() / "caselog.db"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        warning = QLabel(
            self.tr(
                "<b>Write the passphrase down and keep it safe.</b> Everything in the store is "
                "encrypted with it. If it is lost, nobody can recover the store: there is "
                "no reset and no back door."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("background: #fff4e5; padding: 8px; border: 1px solid #f0c36d;")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Store file"), path_row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow("", self.strength)
        form.addRow(self.tr("Type it again"), self.confirm)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create store"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.passphrase.textChanged.connect(self._update_strength)
        self._update_strength("")
        self.resize(560, 0)

    def pick_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New store file"), self.path.text(), "Caselog store (*.db)"
        )
        return path

    def _browse(self) -> None:
        chosen = self.pick_path()
        if chosen:
            self.path.setText(chosen)

    def _update_strength(self, text: str) -> None:
        level, _hint = passphrase_strength(text)
        colours = ["#b00020", "#b26a00", "#6b7b00", "#1b7f3b"]
        hints = (  # passphrase_strength's hints, as literals lupdate can find
            self.tr("Too short: use at least 4 words or 16 characters."),
            self.tr("Weak: add more words."),
            self.tr("Fair: a longer passphrase of 4 or more words is safer."),
            self.tr("Strong."),
        )
        self.strength.setText(hints[level])
        self.strength.setStyleSheet(f"color: {colours[level]};")

    def _accept(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip():
            self.error.setText(self.tr("Choose where to keep the store file."))
        elif path.exists():
            self.error.setText(self.tr("That file already exists; choose another name."))
        elif self.timezone.currentText() not in zoneinfo.available_timezones():
            self.error.setText(self.tr("Choose a time zone from the list, e.g. Asia/Yangon."))
        elif (refusal := passphrase_refusal(self, self.passphrase.text())) is not None:
            self.error.setText(refusal)
        elif self.passphrase.text() != self.confirm.text():
            self.error.setText(self.tr("The two passphrases differ."))
        else:
            self.accept()
