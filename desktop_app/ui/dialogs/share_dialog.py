"""File > Share with partner: which cases, for whom, what to remove, then the
encrypted, signed bundle written in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.timeutil import now_utc
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.sharing.bundle import BundleSelection, export_bundle
from desktop_app.sharing.partners import list_partners
from desktop_app.store.engine import Store
from desktop_app.ui.dialogs.worker_dialog import WorkerDialog
from desktop_app.ui.vocab import record_count
from desktop_app.ui.widgets.choices import CaseScope, RedactionChoice


class ShareDialog(WorkerDialog):
    def __init__(
        self,
        store: Store,
        tz: Any,
        filtered_refs: list[str],
        selected_refs: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent)
        self.action_button.setText(self.tr("Write bundle"))
        self.action_button.clicked.connect(self.run)
        self.store = store
        self.tz = tz
        self.setWindowTitle(self.tr("Share with a partner"))
        stamp = now_utc().astimezone(tz).strftime("%Y-%m-%d")
        self.target = QLineEdit(str(Path.home() / f"caselog-bundle-{stamp}.caselog"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.partners = QListWidget()
        for partner in list_partners(store):
            item = QListWidgetItem(f"{partner.name}  ({partner.fingerprint})")
            item.setData(Qt.ItemDataRole.UserRole, partner.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.partners.addItem(item)
        self.partners.setMaximumHeight(120)
        self.use_passphrase = QCheckBox(self.tr("Or lock it with a bundle passphrase instead"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setEnabled(False)
        self.use_passphrase.toggled.connect(self.passphrase.setEnabled)
        self.scope_since = QRadioButton(
            self.tr("Everything new since the last bundle to the (one) chosen partner")
        )
        self.scope = CaseScope(filtered_refs, selected_refs, (self.scope_since,))
        self.redaction = RedactionChoice()
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Save as"), target_row)
        form.addRow(self.tr("For"), self.partners)
        form.addRow("", self.use_passphrase)
        form.addRow(self.tr("Bundle passphrase"), self.passphrase)
        form.addRow(self.tr("Cases"), self.scope)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.redaction)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(640, 0)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.target.text(), "Caselog bundle (*.caselog)"
        )
        if path:
            self.target.setText(path)

    def chosen_partners(self) -> list[str]:
        return [
            self.partners.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.partners.count())
            if self.partners.item(i).checkState() == Qt.CheckState.Checked
        ]

    def selection(self) -> BundleSelection:
        if self.scope_since.isChecked():
            partners = self.chosen_partners()
            return BundleSelection(since_last_bundle_to=partners[0] if partners else None)
        refs = self.scope.refs()
        if refs is None:
            return BundleSelection()
        return BundleSelection(params=IndicatorParams(tz=self.tz, as_of=now_utc(), case_refs=refs))

    def run(self) -> None:
        partners = self.chosen_partners()
        passphrase = self.passphrase.text() if self.use_passphrase.isChecked() else None
        if not partners and not passphrase:
            self.message.setText(self.tr("Choose at least one partner, or a bundle passphrase."))
            return
        if not self.scope_since.isChecked() and self.scope.refs() == ():
            self.message.setText(self.tr("There are no cases to share in this choice."))
            return
        if self.scope_since.isChecked() and len(partners) != 1:
            self.message.setText(self.tr("'Since the last bundle' needs exactly one partner."))
            return
        selection = self.selection()
        target = Path(self.target.text().strip())
        redaction = self.redaction.fields()
        store = self.store
        self.start(
            lambda progress, cancelled: export_bundle(
                store,
                target,
                selection=selection,
                recipients=partners,
                passphrase=passphrase,
                redaction=redaction,
                progress=progress,
                cancelled=cancelled,
            ),
            self._done,
            cancelled_text=self.tr("Cancelled: no bundle was written."),
        )

    def _done(self, result: Any) -> None:
        self.result = result
        counts = ", ".join(record_count(kind, n) for kind, n in result.counts.items())
        self.message.setText(
            self.tr(
                "Bundle written to {0} ({1}). Only the chosen partners (or the passphrase) "
                "can open it."
            ).format(result.path, counts)
        )
