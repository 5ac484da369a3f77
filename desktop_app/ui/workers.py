"""Long work off the window's thread: one adapter from core callbacks to Qt signals.

Core functions take ``progress(done, total, what)`` and ``cancelled()``; a Worker
runs one on the global QThreadPool and re-emits progress as a signal. Workers
never touch widgets; the window connects to the signals.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.core.errors import AppError, Cancelled

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Worker(QRunnable):
    """Runs ``task(progress=..., cancelled=...)`` and reports through ``signals``.

    Running workers are kept alive here until they finish, so a dialog that closes
    (or a window that locks) mid-task cannot delete the signals the thread emits on.
    """

    _running: set[Worker] = set()

    def __init__(self, task: Callable[..., Any]) -> None:
        super().__init__()
        self.task = task
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:  # the receiver was deleted: nobody is left to tell
            log.debug("worker finished after its receiver was gone")
        finally:
            Worker._running.discard(self)

    def _run(self) -> None:
        try:
            result = self.task(
                progress=lambda done, total, what: self.signals.progress.emit(done, total, what),
                cancelled=self._cancel.is_set,
            )
        except Cancelled:
            self.signals.cancelled.emit()
        except AppError as exc:
            self.signals.failed.emit(exc.message)
        except Exception:  # noqa: BLE001 - shown to the user with the details to report
            log.exception("background task failed")
            self.signals.failed.emit("Something went wrong:\n" + traceback.format_exc(limit=4))
        else:
            self.signals.finished.emit(result)

    def start(self) -> None:
        pool = QThreadPool.globalInstance()
        # Keep worker threads alive: each thread holds its own SQLCipher connection,
        # and a new one costs a full key derivation (about 0.2 s).
        pool.setExpiryTimeout(-1)
        Worker._running.add(self)
        pool.start(self)
