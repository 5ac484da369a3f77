"""Export the indicator workbook or the evidence pack: period, which cases,
redaction, then the work in the background with a progress bar and Cancel."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.timeutil import now_utc
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.store.engine import Store
from desktop_app.ui.dialogs.worker_dialog import WorkerDialog
from desktop_app.ui.vocab import numerus
from desktop_app.ui.widgets.choices import CaseScope, RedactionChoice

WORKBOOK = "workbook"
PACK = "pack"


class ExportDialog(WorkerDialog):
    """``pick_target`` can be replaced in tests; ``result`` holds what was written."""

    def __init__(
        self,
        store: Store,
        kind: str,
        tz: Any,
        sla_hours: float,
        repeat_threshold: int,
        filtered_refs: list[str],
        selected_refs: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent)
        self.action_button.setText(self.tr("Export"))
        self.action_button.clicked.connect(self.run)
        self.store = store
        self.kind = kind
        self.tz = tz
        self.sla_hours = sla_hours
        self.repeat_threshold = repeat_threshold
        self.setWindowTitle(
            self.tr("Export the indicator workbook")
            if kind == WORKBOOK
            else self.tr("Export an evidence pack")
        )
        suffix = ".xlsx" if kind == WORKBOOK else ".zip"
        stamp = now_utc().astimezone(tz).strftime("%Y-%m-%d")
        default_name = ("caselog-indicators-" if kind == WORKBOOK else "caselog-pack-") + stamp
        self.target = QLineEdit(str(Path.home() / (default_name + suffix)))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.use_period = QCheckBox(self.tr("Only reports made from"))
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-3))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.scope = CaseScope(filtered_refs, selected_refs)
        # The language of the export's labels (and of index.html and report.pdf in a pack);
        # keys, IDs and the case data itself stay as they are.
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Burmese (Myanmar)"), "my")
        self.redaction = RedactionChoice()

        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(browse)
        period_row = QHBoxLayout()
        period_row.addWidget(self.use_period)
        period_row.addWidget(self.date_from)
        period_row.addWidget(QLabel(self.tr("to")))
        period_row.addWidget(self.date_to)
        period_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Save as"), target_row)
        form.addRow(self.tr("Period"), period_row)
        form.addRow(self.tr("Cases"), self.scope)
        form.addRow(self.tr("Language"), self.language)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.redaction)
        if kind == PACK:
            warning = QLabel(
                self.tr(
                    "<b>The pack is not encrypted.</b> Anyone who gets the file can read every "
                    "case and see every screenshot in it. Send it only over a channel you trust."
                )
            )
            warning.setWordWrap(True)
            warning.setStyleSheet("background: #fff4e5; padding: 8px; border: 1px solid #f0c36d;")
            layout.addWidget(warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(620, 0)

    def pick_target(self) -> str:
        suffix = "Excel workbook (*.xlsx)" if self.kind == WORKBOOK else "ZIP archive (*.zip)"
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.target.text(), suffix)
        return path

    def _browse(self) -> None:
        path = self.pick_target()
        if path:
            self.target.setText(path)

    def params(self) -> IndicatorParams:
        date_from = date_to = None
        if self.use_period.isChecked():
            date_from = datetime.combine(self.date_from.date().toPython(), time(), self.tz)
            date_to = datetime.combine(
                self.date_to.date().toPython() + timedelta(days=1), time(), self.tz
            )
        refs = self.scope.refs() or ()
        return IndicatorParams(
            tz=self.tz,
            as_of=now_utc(),
            date_from=date_from,
            date_to=date_to,
            sla_hours=self.sla_hours,
            repeat_threshold=self.repeat_threshold,
            case_refs=refs,
        )

    def run(self) -> None:
        from desktop_app.export.pack import export_pack
        from desktop_app.export.redact import Redaction
        from desktop_app.export.workbook import write_workbook

        params = self.params()
        if self.scope.refs() == ():
            self.message.setText(self.tr("There are no cases to export in this choice."))
            return
        redaction = Redaction(fields=self.redaction.fields())
        target = Path(self.target.text().strip())
        store = self.store
        function = write_workbook if self.kind == WORKBOOK else export_pack
        lang = str(self.language.currentData())
        self.start(
            lambda progress, cancelled: function(
                store,
                params,
                target,
                redaction=redaction,
                progress=progress,
                cancelled=cancelled,
                lang=lang,
            ),
            self._done,
            busy_text=self.tr("Writing…"),
            cancelled_text=self.tr("Cancelled: no file was written."),
        )

    def _done(self, result: Any) -> None:
        self.result = result
        if self.kind == WORKBOOK:
            text = numerus(
                self.tr("The workbook was written to {0} (%n report(s)).", "", result.reports),
                result.reports,
            ).format(result.path)
        else:
            text = numerus(
                self.tr(
                    "The evidence pack was written to {0}: %n case(s), {1}, signed with key "
                    "{2}. It is NOT encrypted: send it only over a channel you trust.",
                    "",
                    result.cases,
                ),
                result.cases,
            ).format(
                result.path,
                numerus(self.tr("%n file(s)", "", result.files), result.files),
                result.fingerprint,
            )
            chosen = self.scope.refs()
            left_out = len(set(chosen)) - result.cases if chosen else 0
            if left_out > 0:  # say so: the person chose them and would look for them
                text += " " + numerus(
                    self.tr(
                        "Not in it: %n of the cases chosen (a pack holds the cases reported to "
                        "a platform in the period, and these have no report in it).",
                        "",
                        left_out,
                    ),
                    left_out,
                )
        self.message.setText(text)
