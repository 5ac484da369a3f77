"""File > Share with partner: which cases, for whom, what to remove, then the
encrypted, signed bundle written in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.redaction import REDACTABLE
from desktop_app.core.timeutil import now_utc
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.sharing.bundle import BundleSelection, export_bundle
from desktop_app.sharing.partners import list_partners
from desktop_app.store.engine import Store
from desktop_app.ui.dialogs.worker_dialog import WorkerDialog


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
        self.filtered_refs = filtered_refs
        self.selected_refs = selected_refs
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
        self.scope_all = QRadioButton(self.tr("All cases"))
        self.scope_filter = QRadioButton(
            self.tr("The {0} cases in the current list").format(len(filtered_refs))
        )
        self.scope_selected = QRadioButton(
            self.tr("The {0} selected cases").format(len(selected_refs))
        )
        self.scope_selected.setEnabled(bool(selected_refs))
        self.scope_since = QRadioButton(
            self.tr("Everything new since the last bundle to the (one) chosen partner")
        )
        group = QButtonGroup(self)
        for button in (self.scope_all, self.scope_filter, self.scope_selected, self.scope_since):
            group.addButton(button)
        (self.scope_selected if selected_refs else self.scope_filter).setChecked(True)
        self.redact: dict[str, QCheckBox] = {}
        redaction = QGroupBox(self.tr("Remove before writing (redaction)"))
        redaction_layout = QVBoxLayout(redaction)
        for name, meaning in REDACTABLE.items():
            self.redact[name] = QCheckBox(f"{name}: {meaning}")
            redaction_layout.addWidget(self.redact[name])
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(browse)
        scope = QVBoxLayout()
        for button in (self.scope_all, self.scope_filter, self.scope_selected, self.scope_since):
            scope.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Save as"), target_row)
        form.addRow(self.tr("For"), self.partners)
        form.addRow("", self.use_passphrase)
        form.addRow(self.tr("Bundle passphrase"), self.passphrase)
        form.addRow(self.tr("Cases"), scope)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(redaction)
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
        if self.scope_all.isChecked():
            return BundleSelection()
        refs = self.filtered_refs if self.scope_filter.isChecked() else self.selected_refs
        return BundleSelection(
            params=IndicatorParams(tz=self.tz, as_of=now_utc(), case_refs=tuple(refs))
        )

    def run(self) -> None:
        partners = self.chosen_partners()
        passphrase = self.passphrase.text() if self.use_passphrase.isChecked() else None
        if not partners and not passphrase:
            self.message.setText(self.tr("Choose at least one partner, or a bundle passphrase."))
            return
        if self.scope_since.isChecked() and len(partners) != 1:
            self.message.setText(self.tr("'Since the last bundle' needs exactly one partner."))
            return
        selection = self.selection()
        target = Path(self.target.text().strip())
        redaction = frozenset(n for n, box in self.redact.items() if box.isChecked())
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
        counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
        self.message.setText(
            self.tr(
                "Bundle written to {0} ({1}). Only the chosen partners (or the passphrase) "
                "can open it."
            ).format(result.path, counts)
        )
