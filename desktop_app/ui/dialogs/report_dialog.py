"""Add a report of a post to the platform: when, how, by whom, the platform's ticket."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import Channel
from desktop_app.core.timeutil import now_utc, parse_timestamp, time_problem
from desktop_app.ui.i18n import translate_message
from desktop_app.ui.vocab import channel_name

TIME_FORMAT = "%Y-%m-%d %H:%M"


def time_field(parent: QWidget, tz: Any) -> tuple[QLineEdit, QHBoxLayout, QLabel]:
    """A typed time with a 'Now' button, and an error label under it."""
    edit = QLineEdit()
    edit.setPlaceholderText("YYYY-MM-DD HH:MM")
    now = QPushButton(QCoreApplication.translate("ReportDialog", "Now"))
    now.clicked.connect(lambda: edit.setText(now_utc().astimezone(tz).strftime(TIME_FORMAT)))
    row = QHBoxLayout()
    row.addWidget(edit)
    row.addWidget(now)
    error = QLabel()
    error.setStyleSheet("color: #b00020;")
    error.setVisible(False)
    return edit, row, error


def read_time(edit: QLineEdit, error: QLabel, tz: Any, *, required: bool) -> datetime | None:
    """Parse a typed time (in ``tz``) or show why not under the field."""
    text = edit.text().strip()
    error.setVisible(False)
    if not text:
        if required:
            error.setText(
                QCoreApplication.translate(
                    "ReportDialog", "Give the date and time, e.g. 2024-03-05 14:30."
                )
            )
            error.setVisible(True)
        return None
    try:
        value = parse_timestamp(text, tz)
    except ValueError as exc:
        error.setText(
            QCoreApplication.translate("ReportDialog", "Cannot read this time: {0}").format(
                translate_message(str(exc))
            )
        )
        error.setVisible(True)
        return None
    problem = time_problem(value)  # before 2000, or more than 24 h past this clock
    if problem is not None:
        error.setText(
            QCoreApplication.translate("ReportDialog", "This time is out of range: {0}").format(
                translate_message(problem)
            )
        )
        error.setVisible(True)
        return None
    return value


def reason_field(parent: QWidget) -> tuple[QLineEdit, QLabel]:
    """The reason a correction needs (it goes into the custody log), with its error."""
    edit = QLineEdit()
    edit.setPlaceholderText(
        QCoreApplication.translate("ReportDialog", "Why is it corrected? (kept in the custody log)")
    )
    error = QLabel()
    error.setStyleSheet("color: #b00020;")
    error.setVisible(False)
    return edit, error


REASON_WIDTH = 520  # pixels: a question of a few lines, a line of reason


def ask_reason(parent: QWidget, title: str, text: str) -> str | None:
    """Ask, in a dialog of its own, why a correction is made (it goes into the custody
    log): the reason on one line, or None when cancelled or left empty."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(text)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    # The question wraps: on one line a Burmese one made the dialog wider than a
    # 1366-pixel screen, its end and the buttons beyond the edge.
    for label in dialog.findChildren(QLabel):
        label.setWordWrap(True)
    dialog.setMinimumWidth(REASON_WIDTH)
    if not dialog.exec():
        return None
    return " ".join(dialog.textValue().split()) or None


def read_reason(edit: QLineEdit, error: QLabel) -> str | None:
    text = edit.text().strip()
    error.setVisible(not text)
    error.setText(
        QCoreApplication.translate("ReportDialog", "Give the reason for this correction.")
    )
    return text or None


class ReportDialog(QDialog):
    """Adds a report, or (with ``record``) corrects one in place, with a reason."""

    def __init__(self, tz: Any, parent: QWidget | None = None, record: Any = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.record = record
        self.setWindowTitle(self.tr("Add a report") if record is None else self.tr("Edit report"))
        self.reported_at, time_row, self.time_error = time_field(self, tz)
        self.reported_at.setText(now_utc().astimezone(tz).strftime(TIME_FORMAT))
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel_name(channel.value), channel.value)
        self.reporter = QLineEdit()
        self.platform_ref = QLineEdit()
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Reported at ({0})").format(tz.key), time_row)
        form.addRow("", self.time_error)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Reporter"), self.reporter)
        form.addRow(self.tr("Platform reference"), self.platform_ref)
        form.addRow(self.tr("Notes"), self.notes)
        self.reason, self.reason_error = reason_field(self)
        if record is not None:
            self.reported_at.setText(record.reported_at.astimezone(tz).strftime(TIME_FORMAT))
            index = self.channel.findData(record.channel)
            if index < 0:  # none recorded (the column is optional), or an import's own
                shown = channel_name(record.channel) if record.channel else self.tr("not recorded")
                self.channel.insertItem(0, shown, record.channel)
                index = 0
            self.channel.setCurrentIndex(index)
            self.reporter.setText(record.reporter)
            self.platform_ref.setText(record.platform_ref)
            self.notes.setText(record.notes)
            form.addRow(self.tr("Reason for the correction"), self.reason)
            form.addRow("", self.reason_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.value: datetime | None = None
        self._shown = self._fields()

    def draft(self) -> dict[str, object]:
        """What is typed, to keep across a lock (the main window keeps it, encrypted, in
        the store, with the case's own draft) and to put back with ``fill``."""
        return {
            "kind": "report",
            "reported_at": self.reported_at.text().strip(),
            "channel": self.channel.currentData(),
            "reporter": self.reporter.text(),
            "platform_ref": self.platform_ref.text(),
            "notes": self.notes.text(),
        }

    def fill(self, draft: dict[str, object]) -> None:
        self.reported_at.setText(str(draft.get("reported_at", "")))
        index = self.channel.findData(draft.get("channel"))
        if index >= 0:
            self.channel.setCurrentIndex(index)
        self.reporter.setText(str(draft.get("reporter", "")))
        self.platform_ref.setText(str(draft.get("platform_ref", "")))
        self.notes.setText(str(draft.get("notes", "")))

    def _accept(self) -> None:
        self.value = read_time(self.reported_at, self.time_error, self.tz, required=True)
        reason = read_reason(self.reason, self.reason_error) if self.record is not None else ""
        if self.value is not None and reason is not None:
            self.accept()

    def changes(self) -> dict[str, object]:
        """The fields that differ from the record being corrected."""
        assert self.record is not None and self.value is not None
        new: dict[str, object] = {
            "reported_at": self.value,
            "channel": self.channel.currentData(),
            "reporter": self.reporter.text(),
            "platform_ref": self.platform_ref.text(),
            "notes": self.notes.text(),
        }
        return {k: v for k, v in new.items() if getattr(self.record, k) != v and k in self._typed()}

    def _typed(self) -> set[str]:
        """The fields whose text differs from what the dialog showed when it opened: a
        field left as shown is kept as stored, whatever the widget gives back."""
        return {k for k, v in self._fields().items() if v != self._shown.get(k)}

    def _fields(self) -> dict[str, object]:
        return {
            "reported_at": self.reported_at.text().strip(),
            "channel": self.channel.currentData(),
            "reporter": self.reporter.text(),
            "platform_ref": self.platform_ref.text(),
            "notes": self.notes.text(),
        }
