"""Settings: organisation, time zone, SLA, thresholds, idle lock, language, and
changing the passphrase (re-encrypts the store, proven before saying done)."""

from __future__ import annotations

import hmac
import zoneinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QProcess, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError, StoreBusyError
from desktop_app.store.copies import CHANGED, IN_USE, LINKED, THE_STORE
from desktop_app.store.engine import Store, open_store, rekey
from desktop_app.store.settings import OrganisationSettings, load_settings, save_settings
from desktop_app.ui import i18n
from desktop_app.ui.dialogs.new_store import passphrase_refusal
from desktop_app.ui.vocab import numerus

# Why a copy kept from a schema update was not erased, as the person reads it: a copy
# left because it may hold their work must not read as "delete it" alone.
_LEFT_REASONS = {
    IN_USE: QT_TRANSLATE_NOOP(
        "MigrationCopies",
        "it is open, or was opened as a store, and may hold work of its own: close it "
        "first, and keep it if you need that work",
    ),
    CHANGED: QT_TRANSLATE_NOOP(
        "MigrationCopies",
        "it was changed after the update made it (opened as a store?) and may hold work "
        "of its own: keep it if you need that work",
    ),
    LINKED: QT_TRANSLATE_NOOP(
        "MigrationCopies",
        "another name links to the same file (a hard link), so it was not touched: "
        "deleting this name leaves the other",
    ),
    THE_STORE: QT_TRANSLATE_NOOP(
        "MigrationCopies",
        "it is the store itself under another name, so it was not touched: delete this name only",
    ),
}


def copy_left_line(name: str, why: str) -> str:
    """One copy that was not erased and why, in the person's language where the
    reason is one of the store's own (a file-system error stays as it came)."""
    reason = _LEFT_REASONS.get(why)
    text = QCoreApplication.translate("MigrationCopies", reason) if reason else why
    return f"{name} ({text})"


class SettingsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Settings"))
        with store.session() as session:
            current = load_settings(session)
        self.name = QLineEdit(current.name)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(zoneinfo.available_timezones()))
        self.timezone.setCurrentText(current.timezone)
        self.sla = QDoubleSpinBox()
        self.sla.setRange(0.5, 10_000)
        self.sla.setValue(current.sla_hours)
        self.sla.setSuffix(self.tr(" hours"))
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 1000)
        self.threshold.setValue(current.repeat_threshold)
        self.idle = QSpinBox()
        self.idle.setRange(0, 24 * 60)
        self.idle.setValue(current.idle_lock_minutes)
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setSuffix(self.tr(" minutes"))
        self.reminder = QSpinBox()
        self.reminder.setRange(1, 365)
        self.reminder.setValue(current.backup_reminder_days)
        self.reminder.setSuffix(self.tr(" days"))
        self.language = QComboBox()
        for code, label in i18n.language_names():
            self.language.addItem(label, code)
        # The language the window is in now (QSettings or --lang decide it at start),
        # not the copy in the store, which may say otherwise after `--lang my`.
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.initial_language = self.language.currentData()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Organisation"), self.name)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Target time to a final decision (SLA)"), self.sla)
        form.addRow(self.tr("Repeat offender: distinct reported posts"), self.threshold)
        form.addRow(self.tr("Lock after idle time"), self.idle)
        form.addRow(self.tr("Remind me to back up after"), self.reminder)
        form.addRow(self.tr("Interface language"), self.language)
        from desktop_app.store.keys import load_keys

        with store.transaction() as session:
            keys = load_keys(session)
        self.fingerprint = QLabel(keys.fingerprint)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Signing key fingerprint"), self.fingerprint)

        self.current_passphrase = QLineEdit()
        self.current_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.rekey_button = QPushButton(self.tr("Change passphrase"))
        self.rekey_button.clicked.connect(self.change_passphrase)
        self.rekey_result = QLabel()
        self.rekey_result.setWordWrap(True)
        rekey_box = QGroupBox(self.tr("Passphrase"))
        rekey_form = QFormLayout(rekey_box)
        rekey_form.addRow(self.tr("Current passphrase"), self.current_passphrase)
        rekey_form.addRow(self.tr("New passphrase"), self.new_passphrase)
        rekey_form.addRow(self.tr("Type it again"), self.confirm)
        rekey_form.addRow("", self.rekey_button)
        rekey_form.addRow("", self.rekey_result)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(rekey_box)
        layout.addWidget(buttons)
        self.changed: list[str] = []
        self.rekeyed = False
        self.release_connections = lambda: None  # the window closes its own connections

    def values(self) -> OrganisationSettings:
        return OrganisationSettings(
            name=self.name.text(),
            timezone=self.timezone.currentText(),
            sla_hours=self.sla.value(),
            repeat_threshold=self.threshold.value(),
            idle_lock_minutes=self.idle.value(),
            language=self.language.currentData(),
            backup_reminder_days=self.reminder.value(),
        )

    def save(self) -> None:
        try:
            with self.store.transaction() as session:
                self.changed = save_settings(session, self.values())
        except AppError as exc:
            self.error.setText(i18n.error_text(exc))
            return
        self.accept()
        language = self.language.currentData()
        if language != self.initial_language:
            self.switch_language(language)

    def restart_box(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Interface language"))
        box.setText(
            self.tr(
                "The new language is saved. Every window shows it after Caselog starts "
                "again. Restart Caselog now?"
            )
        )
        box.setInformativeText(
            self.tr("Nothing typed is lost: Caselog first asks about unsaved changes.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Restart now"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Later"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def switch_language(self, language: str) -> bool:
        """Install the new language now (new dialogs show it), remember it before
        unlock (QSettings), and offer a restart so every window shows it. The main
        window's close asks about unsaved edits first; a refusal cancels the restart."""
        window = self.parentWidget()
        settings = getattr(window, "settings", None)
        if not isinstance(settings, QSettings):
            settings = QSettings()
        app = QApplication.instance()
        if app is not None:
            i18n.set_language(app, language, settings)
        self.restart_question = self.restart_box()
        ask = getattr(window, "ask", None)
        answer = ask(self.restart_question) if callable(ask) else self.restart_question.exec()
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if window is not None and not window.close():
            return False  # the person kept the window open (unsaved changes)
        program, arguments = i18n.restart_command()
        QProcess.startDetached(program, arguments)
        QApplication.quit()
        return True

    def change_passphrase(self) -> bool:
        new = self.new_passphrase.text()
        current = self.current_passphrase.text()
        self.current_passphrase.clear()
        self.rekey_result.setStyleSheet("color: #b00020;")
        try:
            held = self.store.key.get()
        except AppError as exc:  # the store was locked meanwhile
            self.rekey_result.setText(i18n.error_text(exc))
            return False
        if not hmac.compare_digest(current.encode(), held.encode()):
            self.rekey_result.setText(
                self.tr("The current passphrase is not right: nothing was changed.")
            )
            return False
        refusal = passphrase_refusal(self, new)
        if refusal is not None:
            self.rekey_result.setText(refusal)
            return False
        if new != self.confirm.text():
            self.rekey_result.setText(self.tr("The two passphrases differ."))
            return False
        try:
            self.release_connections()
            done = rekey(self.store, new)
            copies = done.copies
            self.rekeyed = True
            # Prove it: a separate connection must open the file with the new passphrase.
            with open_store(self.store.path, new, upgrade=False) as proof:
                with proof.engine.connect() as conn:
                    conn.exec_driver_sql("SELECT count(*) FROM post").scalar()
        except AppError as exc:
            self.rekey_result.setText(i18n.error_text(exc))
            return False
        finally:
            self.new_passphrase.clear()
            self.confirm.clear()
        said = [
            self.tr(
                "Done: the store is now encrypted with the new passphrase, and it was checked "
                "that it opens with it. Older backups keep the old passphrase: they still "
                "open with it, so keep them as safe as before or make a new backup."
            )
        ]
        if copies.erased:
            count = len(copies.erased)
            said.append(
                numerus(
                    self.tr(
                        "Also erased %n older copy file(s) of the store kept from schema "
                        "updates, which opened with the old passphrase.",
                        "",
                        count,
                    ),
                    count,
                )
            )
        if copies.left:
            count = len(copies.left)
            lead = numerus(
                self.tr(
                    "But %n older copy file(s) of the store kept from schema updates could "
                    "not be erased and still open with the old passphrase. Delete them "
                    "yourself, in {0}:",
                    "",
                    count,
                ),
                count,
            ).format(self.store.path.parent)
            said.append(lead + " " + "; ".join(copy_left_line(n, why) for n, why in copies.left))
        if done.unrecorded is not None:
            why = (
                self.tr("another task or program was writing to the store")
                if isinstance(done.unrecorded, StoreBusyError)
                else i18n.error_text(done.unrecorded)
            )
            said.append(
                self.tr(
                    "But the custody log could not record the change ({0}). The passphrase "
                    "IS changed all the same: the new one opens the store and the old one no "
                    "longer does. There is nothing to redo."
                ).format(why)
            )
        warn = bool(copies.left) or done.unrecorded is not None
        self.rekey_result.setStyleSheet("color: #b00020;" if warn else "color: #1b7f3b;")
        self.rekey_result.setText(" ".join(said))
        self.offer_key_rotation()
        return True

    def rotation_box(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the keys too?"))
        box.setText(
            self.tr(
                "If the old passphrase may be known to someone else, replace the signing key "
                "and the key partners encrypt bundles to as well."
            )
        )
        box.setInformativeText(
            self.tr(
                "A backup made before now still opens with the old passphrase and holds the "
                "old keys: whoever has it can read the cases in it and open bundles partners "
                "sent to the old key, and could sign as you until your partners have moved "
                "to the new key. They move when they import your next bundle, which carries "
                "a notice signed by the old key; from then on they refuse bundles signed by "
                "the old key. An old backup cannot open bundles made for the new key."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Replace the keys"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep the keys"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def offer_key_rotation(self) -> bool:
        """After a passphrase change: offer new signing and age keys (store.keys)."""
        from desktop_app.store.keys import rotate_keys

        self.rotation_question = self.rotation_box()
        if self.rotation_question.exec() != QMessageBox.StandardButton.Yes:
            return False
        try:
            with self.store.transaction() as session:
                rotation = rotate_keys(session, "after a passphrase change")
        except AppError as exc:
            self.rekey_result.setStyleSheet("color: #b00020;")
            self.rekey_result.setText(i18n.error_text(exc))
            return False
        self.fingerprint.setText(rotation.new_fingerprint)
        self.rekey_result.setText(
            self.rekey_result.text()
            + " "
            + self.tr(
                "The keys were replaced: the new signing key fingerprint is {0} (the old one, "
                "{1}, is retired). Read the new fingerprint to your partners."
            ).format(rotation.new_fingerprint, rotation.old_fingerprint)
        )
        return True
