"""Add the platform's response to a report: when, what outcome, its own words."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import Outcome
from desktop_app.ui.dialogs.report_dialog import (
    TIME_FORMAT,
    read_reason,
    read_time,
    reason_field,
    time_field,
)
from desktop_app.ui.vocab import outcome_name


class ResponseDialog(QDialog):
    """Refuses, at the field, a response dated before its report or without a time."""

    def __init__(
        self, tz: Any, reported_at: datetime, parent: QWidget | None = None, record: Any = None
    ) -> None:
        super().__init__(parent)
        self.tz = tz
        self.reported_at = reported_at
        self.record = record
        self.report_id: int | None = None  # the report it answers (set by the editor)
        self.setWindowTitle(
            self.tr("Add the platform's response")
            if record is None
            else self.tr("Edit the platform's response")
        )
        self.received_at, time_row, self.time_error = time_field(self, tz)
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("— choose the outcome —"), "")
        for outcome in Outcome:
            label = outcome_name(outcome.value)
            if outcome.is_final:
                label += self.tr(" (final)")
            self.outcome.addItem(label, outcome.value)
        self.outcome_error = QLabel()
        self.outcome_error.setStyleSheet("color: #b00020;")
        self.outcome_error.setVisible(False)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("The platform's wording, pasted as received"))
        self.text.setMaximumHeight(110)
        self.platform_ref = QLineEdit()
        self.attachment_label = QLabel(self.tr("No screenshot attached"))
        attach = QPushButton(self.tr("Attach screenshot of the email or notice…"))
        attach.clicked.connect(self._attach)
        self.attachment: tuple[str, bytes] | None = None
        attach_row = QHBoxLayout()
        attach_row.addWidget(attach)
        attach_row.addWidget(self.attachment_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("Received at ({0})").format(tz.key), time_row)
        form.addRow("", self.time_error)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow("", self.outcome_error)
        form.addRow(self.tr("Wording"), self.text)
        form.addRow(self.tr("Platform reference"), self.platform_ref)
        self.reason, self.reason_error = reason_field(self)
        if record is None:
            form.addRow(self.tr("Evidence"), attach_row)
        else:  # evidence is corrected on its own (retract, restore, purge)
            attach.setVisible(False)
            self.attachment_label.setVisible(False)
            self.received_at.setText(record.received_at.astimezone(tz).strftime(TIME_FORMAT))
            index = self.outcome.findData(record.outcome)
            if index >= 0:
                self.outcome.setCurrentIndex(index)
            self.text.setPlainText(record.text)
            self.platform_ref.setText(record.platform_ref)
            form.addRow(self.tr("Reason for the correction"), self.reason)
            form.addRow("", self.reason_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Report made {0}").format(
                    reported_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.value: datetime | None = None
        self.resize(520, 0)
        self._shown = self._fields()

    def draft(self) -> dict[str, object]:
        """What is typed, to keep across a lock (see ReportDialog.draft). A screenshot
        chosen is not kept: it is still on disk, to attach again."""
        return {
            "kind": "response",
            "report_id": self.report_id,
            "received_at": self.received_at.text().strip(),
            "outcome": self.outcome.currentData(),
            "text": self.text.toPlainText(),
            "platform_ref": self.platform_ref.text(),
        }

    def fill(self, draft: dict[str, object]) -> None:
        self.received_at.setText(str(draft.get("received_at", "")))
        index = self.outcome.findData(draft.get("outcome"))
        if index >= 0:
            self.outcome.setCurrentIndex(index)
        self.text.setPlainText(str(draft.get("text", "")))
        self.platform_ref.setText(str(draft.get("platform_ref", "")))

    def pick_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Screenshot of the response"))
        return path

    def _attach(self) -> None:
        path = self.pick_file()
        if path:
            with open(path, "rb") as handle:
                self.attachment = (path.replace("\\", "/").rsplit("/", 1)[-1], handle.read())
            self.attachment_label.setText(self.attachment[0])

    def _accept(self) -> None:
        outcome = self.outcome.currentData()
        self.outcome_error.setVisible(not outcome)
        self.outcome_error.setText(self.tr("Choose what the platform decided."))
        value = read_time(self.received_at, self.time_error, self.tz, required=True)
        if self.record is not None and "received_at" not in self._typed():
            value = self.record.received_at  # as stored, to the second (shown to the minute)
        if value is not None and value < self.reported_at:
            self.time_error.setText(
                self.tr("The response cannot come before the report ({0}).").format(
                    self.reported_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")
                )
            )
            self.time_error.setVisible(True)
            value = None
        reason = read_reason(self.reason, self.reason_error) if self.record is not None else ""
        if value is not None and outcome and reason is not None:
            self.value = value
            self.accept()

    def changes(self) -> dict[str, object]:
        """The fields that differ from the response being corrected."""
        assert self.record is not None and self.value is not None
        new: dict[str, object] = {
            "received_at": self.value,
            "outcome": self.outcome.currentData(),
            "text": self.text.toPlainText(),
            "platform_ref": self.platform_ref.text(),
        }
        return {k: v for k, v in new.items() if getattr(self.record, k) != v and k in self._typed()}

    def _typed(self) -> set[str]:
        """The fields that differ from what the dialog showed when it opened: a field
        left as shown is kept as stored (the text box gives \r\n and no-break spaces
        back as \n and spaces; the time is shown to the minute)."""
        return {k for k, v in self._fields().items() if v != self._shown.get(k)}

    def _fields(self) -> dict[str, object]:
        return {
            "received_at": self.received_at.text().strip(),
            "outcome": self.outcome.currentData(),
            "text": self.text.toPlainText(),
            "platform_ref": self.platform_ref.text(),
        }
