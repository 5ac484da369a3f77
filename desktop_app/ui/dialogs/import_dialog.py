"""Import a report-log spreadsheet: check it, show what was understood and every
problem, then write it all (or nothing) with a progress bar and Cancel."""

from __future__ import annotations

import zoneinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import (
    CheckResult,
    ImportResult,
    check_file,
    import_file,
    read_headers,
)
from desktop_app.store.engine import Store
from desktop_app.ui.dialogs.column_mapping_dialog import ColumnMappingDialog
from desktop_app.ui.dialogs.worker_dialog import WorkerDialog
from desktop_app.ui.i18n import error_text, translate_message
from desktop_app.ui.vocab import numerus, outcome_name

SAMPLE_COLUMNS = (
    "Row",
    "Platform",
    "Link or reference",
    "Author",
    "Reported at",
    "Outcome",
    "Content",
)


class ImportDialog(WorkerDialog):
    """``pick_file`` can be replaced in tests; ``worker`` is the running job, if any."""

    imported = Signal()  # records were written: the window refreshes every view

    def __init__(self, store: Store, tz_name: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.action_button.setText(self.tr("Import"))
        self.action_button.clicked.connect(self.run_import)
        self.import_button = self.action_button
        self.store = store
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.check: CheckResult | None = None
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
        self.mapping: dict[str, str] = {}
        self.headers: list[str] = []
        self.match_button = QPushButton(self.tr("Match columns…"))
        self.match_button.setEnabled(False)
        self.match_button.clicked.connect(self.match_columns)
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
        self.skip_invalid.toggled.connect(self.update_buttons)
        self.import_button.setEnabled(False)
        self.summary = self.message
        self.message.setText(self.tr("Choose a CSV or XLSX file in the report-log format."))

        file_row = QHBoxLayout()
        file_row.addWidget(self.path)
        file_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Times without a zone are in"), self.tz)
        form.addRow(self.tr("Sheet (XLSX)"), self.sheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.match_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
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
        self.mapping = {}
        self.run_check()

    def mapping_dialog(self) -> ColumnMappingDialog:
        return ColumnMappingDialog(self.headers, self.mapping, self)

    def match_columns(self) -> None:
        """Match the sheet's own headers to Caselog's columns, then check again."""
        if not self.path.text():
            return
        try:
            self.headers = read_headers(self.path.text(), self.sheet.text().strip() or None)
        except AppError as exc:
            self.message.setText(error_text(exc))
            return
        dialog = self.mapping_dialog()
        if dialog.exec():
            self.mapping = dialog.mapping()
            self.run_check()

    def _unknown(self, name: str) -> str:
        """An unknown header, with the column it was probably meant to be (a typo's
        cells would be missing from every figure: Match columns… puts it right)."""
        from desktop_app.importers.spreadsheet import likely_column

        meant = likely_column(name)
        return self.tr("{0} (did you mean {1}?)").format(name, meant) if meant else name

    def _zone(self) -> Any:
        return zone(self.tz.currentText())

    def run_check(self) -> None:
        if not self.path.text():
            return
        path = Path(self.path.text())
        tz = self._zone()
        sheet = self.sheet.text().strip() or None
        mapping = dict(self.mapping)
        self.check = None
        self.check_button.setEnabled(False)
        self.match_button.setEnabled(True)
        self.start(
            lambda progress, cancelled: check_file(
                path, tz, sheet=sheet, progress=progress, cancelled=cancelled, mapping=mapping
            ),
            self._checked,
            busy_text=self.tr("Checking every row…"),
        )

    def _idle(self) -> None:
        super()._idle()
        self.check_button.setEnabled(True)

    def _checked(self, check: CheckResult) -> None:
        self.check = check
        self.problems.setRowCount(len(check.problems))
        translated: dict[str, str] = {}  # a file's problems repeat: each worded once
        for row, problem in enumerate(check.problems):
            # The reason in the reader's language (the core gives it in English); the
            # column keeps the header's own name, as the file has it.
            reason = translated.get(problem.reason)
            if reason is None:
                reason = translated[problem.reason] = translate_message(problem.reason)
            for column, value in enumerate((str(problem.row), problem.column, reason)):
                self.problems.setItem(row, column, QTableWidgetItem(value))
        self.sample.setRowCount(len(check.sample))
        for row, parsed in enumerate(check.sample):
            values = (
                str(parsed.row),
                parsed.platform,
                parsed.url or parsed.post_ref,
                parsed.author_handle,
                # Local time, like everywhere else in the window (stored in UTC).
                parsed.reported_at.astimezone(self._zone()).strftime("%Y-%m-%d %H:%M"),
                outcome_name(parsed.final_outcome),
                " ".join(parsed.content.split())[:100],
            )
            for column, value in enumerate(values):
                self.sample.setItem(row, column, QTableWidgetItem(value))
        self.sample.resizeColumnsToContents()
        self.problems.resizeColumnsToContents()
        extra = (
            self.tr(" Unknown columns kept as notes: {0}.").format(
                self.tr(", ").join(self._unknown(name) for name in check.unknown_columns)
            )
            if check.unknown_columns
            else ""
        )
        if check.problems:
            total, problems = check.rows_total, len(check.problems)
            text = self.tr(
                "{0}: {1} valid, {2}. Nothing has been written. Fix the file, "
                "or import only the valid rows."
            ).format(
                numerus(self.tr("%n row(s)", "", total), total),
                f"{check.rows_valid:,}",
                numerus(self.tr("%n problem(s)", "", problems), problems),
            )
            self.tabs.setCurrentWidget(self.problems)
        else:
            total = check.rows_total
            text = numerus(
                self.tr("%n row(s), all valid. Nothing has been written yet.", "", total), total
            )
            self.tabs.setCurrentWidget(self.sample)
        self.message.setText(text + extra)
        self.update_buttons()

    def ready(self) -> bool:
        return (
            self.check is not None
            and (self.check.ok or self.skip_invalid.isChecked())
            and self.check.rows_valid > 0
        )

    def run_import(self) -> None:
        if self.check is None:
            return
        check = self.check
        tz = self._zone()
        sheet = self.sheet.text().strip() or None
        skip = self.skip_invalid.isChecked()
        store = self.store
        self.check_button.setEnabled(False)
        self.start(
            lambda progress, cancelled: import_file(
                store,
                check.path,
                tz,
                sheet=sheet,
                skip_invalid=skip,
                check=check,
                progress=progress,
                cancelled=cancelled,
            ),
            self._imported,
            busy_text=self.tr("Importing…"),
            cancelled_text=self.tr("Import cancelled: nothing was written."),
        )

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        if result.added or result.posts_completed or result.responses_added:
            self.imported.emit()
        text = self.tr("Imported: {0}, {1}, {2}.").format(
            numerus(self.tr("%n report(s) added", "", result.added), result.added),
            numerus(
                self.tr("%n already present", "", result.already_present), result.already_present
            ),
            numerus(self.tr("%n rejected", "", result.rejected), result.rejected),
        )
        # What the import did besides adding reports, each said when it happened.
        for count, said in (
            (
                result.responses_added,
                self.tr(
                    "%n platform response(s) added to reports already present, which had "
                    "none of that kind yet.",
                    "",
                    result.responses_added,
                ),
            ),
            (
                result.fields_not_taken,
                self.tr(
                    "%n row(s) give an author, text, category, language or posting time "
                    "that a case already in the store has empty: not taken, as a correction "
                    "may have emptied it; fill it in the case if it belongs there.",
                    "",
                    result.fields_not_taken,
                ),
            ),
            (
                result.posts_completed,
                self.tr(
                    "%n post(s) completed from later rows: their first row left the author, "
                    "text, category, language or posting time empty.",
                    "",
                    result.posts_completed,
                ),
            ),
        ):
            if count:
                text += " " + numerus(said, count)
        if result.rejects_path:
            text += " " + self.tr("Rejected rows: {0}").format(result.rejects_path)
        self.check = None
        self.message.setText(text)
        self.update_buttons()

    def failed(self, text: str) -> None:
        super().failed(text)
        if "missing column" in text:
            self.message.setText(
                text + " " + self.tr("Use 'Match columns…' to say which of your columns hold them.")
            )
            return
        QMessageBox.warning(self, self.tr("Import"), text)
