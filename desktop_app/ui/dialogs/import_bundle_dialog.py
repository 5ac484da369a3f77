"""File > Import partner bundle: decrypt and check everything, show who made it
and what merging would do, ask about an unknown signer, then merge all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.sharing.merge import BundlePreview, import_bundle, preview_bundle
from desktop_app.store.engine import Store
from desktop_app.ui.dialogs.worker_dialog import WorkerDialog


class ImportBundleDialog(WorkerDialog):
    merged = Signal()  # records were written: the window refreshes every view

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.action_button.setText(self.tr("Merge into our store"))
        self.action_button.setEnabled(False)
        self.action_button.clicked.connect(self.run_import)
        self.merge_button = self.action_button
        self.store = store
        self.preview: BundlePreview | None = None
        self.needs_trust = False
        self.setWindowTitle(self.tr("Import a partner's bundle"))
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        choose = QPushButton(self.tr("Choose bundle…"))
        choose.clicked.connect(self._choose)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("only if it was locked with a passphrase"))
        self.check_button = QPushButton(self.tr("Check bundle"))
        self.check_button.clicked.connect(self.run_preview)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.counts = QTableWidget(0, 5)
        self.counts.setHorizontalHeaderLabels(
            [
                self.tr("Records"),
                self.tr("New"),
                self.tr("Same"),
                self.tr("Changed, theirs newer"),
                self.tr("Changed, ours newer"),
            ]
        )
        self.counts.horizontalHeader().setStretchLastSection(True)
        self.trust = QCheckBox()
        self.trust.setVisible(False)
        self.trust.toggled.connect(self.update_buttons)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path)
        file_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Bundle"), file_row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.origin)
        layout.addWidget(self.counts)
        layout.addWidget(self.trust)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(720, 480)

    def pick_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), "", "Caselog bundle (*.caselog);;All files (*)"
        )
        return path

    def _choose(self) -> None:
        path = self.pick_file()
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        self.path.setText(path)
        self.run_preview()

    def _idle(self) -> None:
        super()._idle()
        self.check_button.setEnabled(True)

    def run_preview(self) -> None:
        if not self.path.text():
            return
        path = Path(self.path.text())
        passphrase = self.passphrase.text() or None
        store = self.store
        self.preview = None
        self.check_button.setEnabled(False)
        self.start(
            lambda progress, cancelled: preview_bundle(
                store, path, passphrase=passphrase, progress=progress, cancelled=cancelled
            ),
            self._previewed,
            busy_text=self.tr("Decrypting and checking every record and file…"),
        )

    def _previewed(self, preview: BundlePreview) -> None:
        self.preview = preview
        known = (
            self.tr("a partner in your directory ({0})").format(preview.signer_partner)
            if preview.signer_known and preview.signer_partner
            else self.tr("your own organisation")
            if preview.signer_is_self
            else self.tr("<b>NOT a known partner</b>")
        )
        self.origin.setText(
            self.tr(
                "Made by <b>{0}</b> on {1}, signed with key <b>{2}</b>, which is {3}. "
                "The signature and every file's hash check out."
            ).format(
                preview.origin_name,
                preview.made_at.strftime("%Y-%m-%d %H:%M UTC"),
                preview.fingerprint,
                known,
            )
        )
        self.counts.setRowCount(len(preview.counts))
        for row, (kind, counts) in enumerate(preview.counts.items()):
            for column, value in enumerate(
                (kind, counts.new, counts.same, counts.updated, counts.kept_local)
            ):
                self.counts.setItem(row, column, QTableWidgetItem(str(value)))
        unknown = not (preview.signer_known or preview.signer_is_self)
        self.needs_trust = unknown
        self.trust.setVisible(unknown)
        self.trust.setChecked(False)
        self.trust.setText(
            self.tr(
                "I checked this fingerprint with {0} on a call, and I trust this bundle"
            ).format(preview.origin_name)
        )
        summary = (
            self.tr("This bundle was imported before: merging changes nothing.")
            if preview.already_imported or preview.changes == 0
            else self.tr(
                "{0} records would be added or updated; {1} conflicts are kept in "
                "the custody log. Nothing has been written yet."
            ).format(preview.changes, len(preview.conflicts))
        )
        self.message.setText(summary)
        self.update_buttons()

    def ready(self) -> bool:
        ready = self.preview is not None and self.result is None
        return ready and (self.trust.isChecked() if self.needs_trust else True)

    def run_import(self) -> None:
        if self.preview is None:
            return
        path = Path(self.path.text())
        passphrase = self.passphrase.text() or None
        trust = self.needs_trust and self.trust.isChecked()
        store = self.store
        self.check_button.setEnabled(False)
        self.start(
            lambda progress, cancelled: import_bundle(
                store,
                path,
                passphrase=passphrase,
                trust_new_signer=trust,
                progress=progress,
                cancelled=cancelled,
            ),
            self._imported,
        )

    def _imported(self, result: Any) -> None:
        self.result = result
        if result.written:
            self.merged.emit()
        self.message.setText(
            self.tr("Merged: {0} records added or updated.").format(result.preview.changes)
            if result.written
            else self.tr("Nothing new: the store is unchanged.")
        )
        self.update_buttons()
