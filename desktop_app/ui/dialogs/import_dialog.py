"""Import a report-log spreadsheet: check it, show what was understood and every
problem, then write it all (or nothing) with a progress bar and Cancel."""

from __future__ import annotations

import zoneinfo
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import CheckResult, ImportResult, check_file, import_file
from desktop_app.store.engine import Store
from desktop_app.ui.workers import Worker

SAMPLE_COLUMNS = (
    "Row",
    "Platform",
    "Link or reference",
    "Author",
    "Reported at (UTC)",
    "Outcome",
    "Content",
)


class ImportDialog(QDialog):
    """``pick_file`` can be replaced in tests; ``worker`` is the running job, if any."""

    def __init__(self, store: Store, tz_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.check: CheckResult | None = None
        self.result: ImportResult | None = None
        self.worker: Worker | None = None
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self._choose)
        self.tz = QComboBox()
        self.tz.setEditable(True)
        self.tz.addItems(sorted(zoneinfo.available_timezones()))
        self.tz.setCurrentText(tz_name)
        self.sheet = QLineEdit()
        self.sheet.setPlaceholderText(self.tr("first sheet"))
        self.check_button = QPushButton(self.tr("Check file"))
        self.check_button.clicked.connect(self.run_check)
        self.summary = QLabel(self.tr("Choose a CSV or XLSX file in the report-log format."))
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.sample = QTableWidget(0, len(SAMPLE_COLUMNS))
        self.sample.setHorizontalHeaderLabels([self.tr(c) for c in SAMPLE_COLUMNS])
        self.sample.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.problems, self.tr("Problems"))
        self.tabs.addTab(self.sample, self.tr("Rows understood"))
        self.skip_invalid = QCheckBox(
            self.tr("Import the valid rows and write the invalid ones to a rejects file")
        )
        self.skip_invalid.toggled.connect(self._update_buttons)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.clicked.connect(self._cancel_or_close)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path)
        file_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Times without a zone are in"), self.tz)
        form.addRow(self.tr("Sheet (XLSX)"), self.sheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.resize(900, 560)

    def pick_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Report log"), "", "Spreadsheets (*.csv *.xlsx);;All files (*)"
        )
        return path

    def _choose(self) -> None:
        path = self.pick_file()
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        self.path.setText(path)
        self.run_check()

    def _zone(self) -> Any:
        return zone(self.tz.currentText())

    def _busy(self, busy: bool, label: str = "") -> None:
        self.check_button.setEnabled(not busy)
        self.import_button.setEnabled(False if busy else self._can_import())
        self.progress.setVisible(busy)
        self.cancel_button.setText(self.tr("Cancel") if busy else self.tr("Close"))
        if label:
            self.summary.setText(label)

    def run_check(self) -> None:
        if not self.path.text():
            return
        path = Path(self.path.text())
        tz = self._zone()
        sheet = self.sheet.text().strip() or None
        self.check = None
        self.worker = Worker(
            lambda progress, cancelled: check_file(
                path, tz, sheet=sheet, progress=progress, cancelled=cancelled
            )
        )
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._checked)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(lambda: self._busy(False, self.tr("Cancelled.")))
        self._busy(True, self.tr("Checking every row…"))
        self.progress.setRange(0, 0)
        self.worker.start()

    def _progress(self, done: int, total: int, what: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.setFormat(f"{what}: {done:,}")

    def _checked(self, check: CheckResult) -> None:
        self.check = check
        self.worker = None
        self.problems.setRowCount(len(check.problems))
        for row, problem in enumerate(check.problems):
            for column, value in enumerate((str(problem.row), problem.column, problem.reason)):
                self.problems.setItem(row, column, QTableWidgetItem(value))
        self.sample.setRowCount(len(check.sample))
        for row, parsed in enumerate(check.sample):
            values = (
                str(parsed.row),
                parsed.platform,
                parsed.url or parsed.post_ref,
                parsed.author_handle,
                parsed.reported_at.strftime("%Y-%m-%d %H:%M"),
                parsed.final_outcome or "",
                " ".join(parsed.content.split())[:100],
            )
            for column, value in enumerate(values):
                self.sample.setItem(row, column, QTableWidgetItem(value))
        self.sample.resizeColumnsToContents()
        self.problems.resizeColumnsToContents()
        extra = (
            self.tr(" Unknown columns kept as notes: {0}.").format(", ".join(check.unknown_columns))
            if check.unknown_columns
            else ""
        )
        if check.problems:
            text = self.tr(
                "{0} rows: {1} valid, {2} problems. Nothing has been written. Fix the file, "
                "or import only the valid rows."
            ).format(check.rows_total, check.rows_valid, len(check.problems))
            self.tabs.setCurrentWidget(self.problems)
        else:
            text = self.tr("{0} rows, all valid. Nothing has been written yet.").format(
                check.rows_total
            )
            self.tabs.setCurrentWidget(self.sample)
        self._busy(False, text + extra)

    def _can_import(self) -> bool:
        return (
            self.check is not None
            and (self.check.ok or self.skip_invalid.isChecked())
            and (self.check.rows_valid > 0)
        )

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.worker is None and self._can_import())

    def run_import(self) -> None:
        if self.check is None:
            return
        check = self.check
        tz = self._zone()
        sheet = self.sheet.text().strip() or None
        skip = self.skip_invalid.isChecked()
        self.worker = Worker(
            lambda progress, cancelled: import_file(
                self.store,
                check.path,
                tz,
                sheet=sheet,
                skip_invalid=skip,
                check=check,
                progress=progress,
                cancelled=cancelled,
            )
        )
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._imported)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(
            lambda: self._busy(False, self.tr("Import cancelled: nothing was written."))
        )
        self.progress.setRange(0, max(1, check.rows_total))
        self._busy(True, self.tr("Importing…"))
        self.worker.start()

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.worker = None
        text = self.tr("Imported: {0} reports added, {1} already present, {2} rejected.").format(
            result.added, result.already_present, result.rejected
        )
        if result.rejects_path:
            text += " " + self.tr("Rejected rows: {0}").format(result.rejects_path)
        self.check = None
        self._busy(False, text)

    def _failed(self, message: str) -> None:
        self.worker = None
        self._busy(False, message)
        QMessageBox.warning(self, self.tr("Import"), message)

    def _cancel_or_close(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        else:
            self.accept() if self.result else self.reject()
