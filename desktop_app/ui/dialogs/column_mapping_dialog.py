"""Match a spreadsheet's own headers to the report-log columns (IMPORT_FORMAT.md),
for sheets whose headers differ, without editing the file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.importers.spreadsheet import COLUMNS

REQUIRED = ("platform", "reported_at")
NONE = ""


class ColumnMappingDialog(QDialog):
    def __init__(
        self, headers: list[str], current: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Match the columns"))
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        lowered = {h.lower(): h for h in headers}
        for column in COLUMNS:
            combo = QComboBox()
            combo.addItem(self.tr("(not in this file)"), NONE)
            for header in headers:
                combo.addItem(header, header)
            chosen = current.get(column) or lowered.get(column, NONE)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            self.combos[column] = combo
            label = column + (self.tr(" (required)") if column in REQUIRED else "")
            form.addRow(label, combo)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        intro = QLabel(
            self.tr(
                "For each column Caselog reads, choose the column of your sheet that holds it. "
                "Columns you leave unmatched are kept as notes."
            )
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 640)

    def mapping(self) -> dict[str, str]:
        return {c: combo.currentData() for c, combo in self.combos.items() if combo.currentData()}

    def _accept(self) -> None:
        chosen = self.mapping()
        missing = [c for c in REQUIRED if c not in chosen]
        if not any(c in chosen for c in ("post_url", "post_ref", "content")):
            missing.append("post_url, post_ref or content")
        used = list(chosen.values())
        twice = sorted({h for h in used if used.count(h) > 1})
        if missing:
            self.error.setText(self.tr("Still needed: {0}").format(", ".join(missing)))
        elif twice:
            self.error.setText(self.tr("Used for two columns: {0}").format(", ".join(twice)))
        else:
            self.accept()
