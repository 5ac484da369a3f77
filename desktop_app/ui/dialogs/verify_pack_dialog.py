"""File > Verify evidence pack…: check a pack (ZIP or unpacked folder) as verify-pack does.

Verification runs off the window thread. The signer's fingerprint is always shown,
and whether it is known: with an unlocked store, its own key and the partner
directory are the known signers (read only); without one, the reader is told to
compare the fingerprint with one obtained another way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.dialogs.worker_dialog import WorkerDialog
from desktop_app.ui.i18n import local_time_text, translate_message
from desktop_app.ui.vocab import numerus


@dataclass(frozen=True)
class Outcome:
    """What the check found: ``problems`` empty means intact."""

    path: str
    problems: list[str] = field(default_factory=list)
    fingerprint: str = ""
    known_as: str | None = None
    checked_known: bool = False  # a list of known signers was used
    expected: str | None = None
    report: Any = None


def verify_task(path: str, store: Any, expected: str | None) -> Callable[..., Outcome]:
    """The background task: known signers from the store, then verify_pack."""

    def task(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Outcome:
        from desktop_app.export.verify import (
            PackVerificationError,
            known_signers_of,
            normal_fingerprint,
            verify_pack,
        )

        wanted = normal_fingerprint(expected) if expected else None
        known = known_signers_of(store) if store is not None else None
        progress(0, 0, "")
        try:
            report = verify_pack(path, expect_fingerprint=wanted, known_signers=known)
        except PackVerificationError as exc:
            return Outcome(
                path, list(exc.problems), exc.fingerprint, exc.known_as, known is not None, wanted
            )
        return Outcome(
            path, [], report.fingerprint, report.known_as, known is not None, wanted, report
        )

    return task


class VerifyPackDialog(WorkerDialog):
    """Pick a pack, verify it, show who signed it and every problem."""

    def __init__(self, parent: QWidget | None = None, store: Any = None) -> None:
        super().__init__("", parent)
        self.action_button.setText(self.tr("Verify"))
        self.store = store
        self.setWindowTitle(self.tr("Verify evidence pack"))
        self.outcome: Outcome | None = None
        # Replaceable by tests: each returns a path, or "" when the user cancels.
        self.pick_file: Callable[[], str] = self._pick_file
        self.pick_folder: Callable[[], str] = self._pick_folder

        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("The pack's .zip file or its unpacked folder"))
        self.path.textChanged.connect(lambda _text: self.update_buttons())
        choose_file = QPushButton(self.tr("Choose ZIP file…"))
        choose_file.clicked.connect(lambda: self._set_path(self.pick_file()))
        choose_folder = QPushButton(self.tr("Choose folder…"))
        choose_folder.clicked.connect(lambda: self._set_path(self.pick_folder()))
        self.expected = QLineEdit()
        self.expected.setPlaceholderText(
            self.tr("Optional: the fingerprint the organisation gave you")
        )
        self.signer = QLabel(self.tr("Not checked yet."))
        self.signer.setTextInteractionFlags(self.signer.textInteractionFlags() | _selectable())
        self.known = QLabel()
        self.known.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setVisible(False)

        pick = QHBoxLayout()
        pick.addWidget(self.path, 1)
        pick.addWidget(choose_file)
        pick.addWidget(choose_folder)
        form = QFormLayout()
        form.addRow(self.tr("Pack:"), pick)
        form.addRow(self.tr("Expected fingerprint:"), self.expected)
        form.addRow(self.tr("Signed by:"), self.signer)
        form.addRow(self.tr("Signer:"), self.known)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.close_button)
        self.action_button.clicked.connect(self.run)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(680, 420)
        self.update_buttons()

    def ready(self) -> bool:
        return bool(self.path.text().strip())

    def _pick_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), "", self.tr("Evidence pack (*.zip)")
        )
        return path

    def _pick_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.windowTitle())

    def _set_path(self, path: str) -> None:
        if path:
            self.path.setText(path)

    def run(self) -> None:
        path = self.path.text().strip()
        if not path:
            return
        self.outcome = None
        self.problems.clear()
        self.problems.setVisible(False)
        self.verdict.setText("")
        self.start(
            verify_task(path, self.store, self.expected.text().strip() or None),
            self._done,
            busy_text=self.tr("Checking every file, the signature and the custody chain…"),
            cancelled_text=self.tr("Cancelled."),
        )

    def failed(self, text: str) -> None:
        self.verdict.setText(self.tr("This could not be checked: {0}").format(text))
        self.message.setText("")

    def _done(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.result = outcome
        self.message.setText("")
        self.signer.setText(outcome.fingerprint or self.tr("(no readable key)"))
        self.known.setText(self._known_text(outcome))
        if outcome.problems:
            self.verdict.setText(
                self.tr(
                    "NOT intact: %n problem(s) found. Do not rely on this pack.",
                    "",
                    len(outcome.problems),
                )
            )
            self.verdict.setStyleSheet("color: #a40e26; font-weight: bold;")
            # Each in the reader's language (the core names them in English).
            self.problems.addItems([translate_message(problem) for problem in outcome.problems])
            self.problems.setVisible(True)
        elif not outcome.report.custody_checked:
            # A format-1 pack: never say its custody chain links up (export.verify.OLDER_FORMAT).
            report = outcome.report
            self.verdict.setText(
                self.tr(
                    "Intact, as far as it can be checked: {0}. Pack {1}, made {2} by {3} (as "
                    "the pack says), {4} cases."
                ).format(
                    self.older_format_text(),
                    report.pack_id,
                    local_time_text(str(report.made_at)),
                    report.organisation,
                    report.cases,
                )
            )
            self.verdict.setStyleSheet("color: #8a5a00; font-weight: bold;")
        else:
            report = outcome.report
            self.verdict.setText(
                numerus(
                    self.tr(
                        "Intact: every file matches the manifest, the signature is valid and the "
                        "custody chain links up. Pack {0}, made {1} by {2} (as the pack says), "
                        "%n case(s).",
                        "",
                        report.cases,
                    ),
                    report.cases,
                ).format(report.pack_id, local_time_text(str(report.made_at)), report.organisation)
            )
            self.verdict.setStyleSheet("color: #1a7f37; font-weight: bold;")

    def older_format_text(self) -> str:
        """``export.verify.OLDER_FORMAT`` in the window's language (a test keeps the
        English identical to it)."""
        return self.tr(
            "an older pack (format 1, from before the BagIt layout): its files, signature and "
            "signer were checked, but its custody chain cannot be checked (the pack carries "
            "the chosen cases' events without the links between them)"
        )

    def _signer_name(self, known_as: str) -> str:
        """The name ``known_signers_of`` gives a key, in the reader's language (it
        writes "<organisation> (this store's own key)" or "partner <name>")."""
        own = " (this store's own key)"
        if known_as.endswith(own):
            return self.tr("{0} (this store's own key)").format(known_as[: -len(own)])
        if known_as.startswith("partner "):
            return self.tr("partner {0}").format(known_as[len("partner ") :])
        return known_as

    def _known_text(self, outcome: Outcome) -> str:
        if not outcome.fingerprint:
            return ""
        if outcome.expected is not None and outcome.fingerprint == outcome.expected:
            return self.tr("The key you expected.")
        if outcome.known_as:
            return self.tr("Known: {0}.").format(self._signer_name(outcome.known_as))
        if outcome.checked_known:
            return self.tr(
                "UNKNOWN: neither this store's own key nor any partner's. Anyone can make a key."
            )
        return self.tr(
            "Not checked against known keys (no store is open). Compare the fingerprint with "
            "one you got another way: a call you place, or the organisation's own website. "
            "Never with one printed inside the pack."
        )


def _selectable() -> Any:
    from PySide6.QtCore import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse
