"""What every long-work dialog shares: a progress bar, a message, an action button,
and a Close button that becomes Cancel while a Worker runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QWidget

from desktop_app.ui.workers import Worker


class WorkerDialog(QDialog):
    """Subclasses build their form, then lay out ``progress``, ``message`` and the buttons."""

    def __init__(self, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: Worker | None = None
        self.result: Any = None
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.action_button = QPushButton(action_text)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self._cancel_or_close)

    def start(
        self,
        task: Callable[..., Any],
        on_done: Callable[[Any], None],
        *,
        busy_text: str = "",
        cancelled_text: str = "",
    ) -> None:
        """Run ``task(progress=, cancelled=)`` in the background; ``on_done`` gets its result."""
        worker = Worker(task)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(lambda value: (self._idle(), on_done(value)))
        worker.signals.failed.connect(lambda text: (self._idle(), self.failed(text)))
        worker.signals.cancelled.connect(
            lambda: (self._idle(), self.message.setText(cancelled_text or self.tr("Cancelled.")))
        )
        self.worker = worker
        self.action_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        if busy_text:
            self.message.setText(busy_text)
        worker.start()

    def failed(self, text: str) -> None:
        """A clear message from the core; subclasses may also show a dialog."""
        self.message.setText(text)

    def ready(self) -> bool:
        """Whether the action button may be pressed now (subclasses refine)."""
        return True

    def update_buttons(self) -> None:
        self.action_button.setEnabled(self.worker is None and self.ready())

    def _idle(self) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        self.update_buttons()

    def _progress(self, done: int, total: int, what: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.setFormat(f"{what}: {done:,}" if not total else f"{what}: %p%")

    def _cancel_or_close(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
        elif self.result is not None:
            self.accept()
        else:
            self.reject()
