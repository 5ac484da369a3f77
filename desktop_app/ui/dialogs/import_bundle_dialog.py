"""File > Import partner bundle: check who signed it first; for an unknown signer ask
before its records are even read; then decrypt and check everything, show what merging
would do (conflicts and why, refusals, key changes, relabelled records), and merge all
or nothing."""

from __future__ import annotations

import html
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

from desktop_app.sharing.merge import (
    NOT_THEIRS,
    REFUSED,
    RETRACTED_HERE,
    BundlePreview,
    Conflict,
    import_bundle,
    preview_bundle,
)
from desktop_app.store.engine import Store
from desktop_app.ui.dialogs.worker_dialog import WorkerDialog
from desktop_app.ui.vocab import numerus


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
        self.signer_confirmed = False  # the user vouched for an unknown signer's fingerprint
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
        self.counts = QTableWidget(0, 6)
        self.counts.setHorizontalHeaderLabels(
            [
                self.tr("Records"),
                self.tr("New"),
                self.tr("Same"),
                self.tr("Changed, theirs newer"),
                self.tr("Changed, ours kept"),
                self.tr("Refused"),
            ]
        )
        self.counts.horizontalHeader().setStretchLastSection(True)
        self.notices = QLabel()  # key change, relabelled records
        self.notices.setWordWrap(True)
        self.notices.setVisible(False)
        self.conflicts = QTableWidget(0, 4)
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Record"), self.tr("Fields"), self.tr("What happens")]
        )
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.setVisible(False)
        self.trust = QCheckBox()
        self.trust.setVisible(False)
        self.trust.toggled.connect(self._trust_toggled)
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
        layout.addWidget(self.notices)
        layout.addWidget(self.conflicts)
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
        self.signer_confirmed = False
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
        # An unknown signer's records are not read until the user has vouched for it.
        stop = not self.signer_confirmed
        self.start(
            lambda progress, cancelled: preview_bundle(
                store,
                path,
                passphrase=passphrase,
                progress=progress,
                cancelled=cancelled,
                stop_at_unknown_signer=stop,
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
        checked = (
            self.tr("The signature and every file's hash check out.")
            if preview.records_checked
            else self.tr(
                "Its records have not been read yet: first check this fingerprint with "
                "{0} (on a call, not by email)."
            ).format(html.escape(preview.origin_name))
        )
        self.origin.setText(
            self.tr("Made by <b>{0}</b> on {1}, signed with key <b>{2}</b>, which is {3}.").format(
                html.escape(preview.origin_name),
                preview.made_at.strftime("%Y-%m-%d %H:%M UTC"),
                preview.fingerprint,
                known,
            )
            + " "
            + checked
        )
        counts = preview.counts if preview.records_checked else {}
        self.counts.setRowCount(len(counts))
        for row, (kind, numbers) in enumerate(counts.items()):
            for column, value in enumerate(
                (
                    kind,
                    numbers.new,
                    numbers.same,
                    numbers.updated,
                    numbers.kept_local,
                    numbers.refused,
                )
            ):
                self.counts.setItem(row, column, QTableWidgetItem(str(value)))
        self._show_notices(preview)
        self._show_conflicts(preview.conflicts if preview.records_checked else [])
        unknown = not (preview.signer_known or preview.signer_is_self)
        self.needs_trust = unknown
        self.trust.setVisible(unknown)
        self.trust.blockSignals(True)
        self.trust.setChecked(unknown and self.signer_confirmed)
        self.trust.blockSignals(False)
        self.trust.setText(
            self.tr(
                "I checked this fingerprint with {0} on a call, and I trust this bundle"
            ).format(preview.origin_name)
        )
        if not preview.records_checked:
            summary = self.tr(
                "Tick the box once the fingerprint matches: only then are its records "
                "decrypted and checked. Nothing has been written."
            )
        elif preview.already_imported or preview.changes == 0:
            summary = self.tr("This bundle was imported before: merging changes nothing.")
        else:
            changes, conflicts = preview.changes, len(preview.conflicts)
            summary = (
                numerus(self.tr("%n record(s) would be added or updated.", "", changes), changes)
                + " "
                + numerus(
                    self.tr(
                        "%n conflict(s) would be kept in the custody log. "
                        "Nothing has been written yet.",
                        "",
                        conflicts,
                    ),
                    conflicts,
                )
            )
        self.message.setText(summary)
        self.update_buttons()

    def _show_notices(self, preview: BundlePreview) -> None:
        lines = []
        change = preview.key_change
        if change is not None:
            lines.append(
                self.tr(
                    "<b>Key change:</b> partner {0} moved from key {1} to {2}; the old key "
                    "signed the notice. Merging records the new key in your directory."
                ).format(
                    html.escape(change.partner), change.old_fingerprint, change.new_fingerprint
                )
            )
        if preview.records_checked and preview.relabelled:
            lines.append(
                self.tr(
                    "%n new record(s) were labelled as another organisation's; they are kept "
                    "as records of {0}, who signed the bundle.",
                    "",
                    preview.relabelled,
                ).format(html.escape(preview.origin_name))
            )
        self.notices.setText("<br>".join(lines))
        self.notices.setVisible(bool(lines))

    def conflict_text(self, conflict: Conflict) -> str:
        """What merging does with one conflict, and why, in plain words."""
        owner = conflict.owner or self.tr("another organisation")
        if conflict.reason == NOT_THEIRS:
            return self.tr("Not theirs to change (it is {0}'s): ours is kept").format(owner)
        if conflict.reason == RETRACTED_HERE:
            return self.tr("We retracted it here: it stays retracted, their edit is not applied")
        if conflict.reason == REFUSED:
            return self.tr("Refused: it would change a record that is {0}'s").format(owner)
        if conflict.kept == "bundle":
            return self.tr("Both changed it: theirs is newer and replaces ours")
        return self.tr("Both changed it: ours is newer and is kept")

    def _show_conflicts(self, conflicts: list[Conflict]) -> None:
        self.conflicts.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            for column, value in enumerate(
                (
                    conflict.case_ref,
                    conflict.kind,
                    ", ".join(conflict.fields),
                    self.conflict_text(conflict),
                )
            ):
                self.conflicts.setItem(row, column, QTableWidgetItem(value))
        self.conflicts.resizeColumnsToContents()
        self.conflicts.setVisible(bool(conflicts))

    def _trust_toggled(self, checked: bool) -> None:
        """Vouching for an unknown signer lets its records be read and checked."""
        preview = self.preview
        if checked and preview is not None and not preview.records_checked:
            self.signer_confirmed = True
            self.run_preview()
            return
        self.update_buttons()

    def ready(self) -> bool:
        ready = self.preview is not None and self.preview.records_checked
        ready = ready and self.result is None
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
            numerus(
                self.tr("Merged: %n record(s) added or updated.", "", result.preview.changes),
                result.preview.changes,
            )
            if result.written
            else self.tr("Nothing new: the store is unchanged.")
        )
        self.update_buttons()
