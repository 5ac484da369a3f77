"""First start: create a store, open one, or try the demo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.demo import DEMO_PASSPHRASE


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("<h1>Caselog</h1>"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(
            self.tr(
                "Log harmful posts, your reports to the platforms and their responses, "
                "in a store encrypted on this computer. Nothing is sent anywhere."
            )
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = intro
        self.new_button = QPushButton(self.tr("Create a new store…"))
        self.open_button = QPushButton(self.tr("Open an existing store…"))
        self.demo_button = QPushButton(self.tr("Try the demo store"))
        demo_note = QLabel(
            self.tr("The demo holds sample cases only. Its passphrase is: <b>{0}</b>").format(
                DEMO_PASSPHRASE
            )
        )
        demo_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (title, intro):
            layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addSpacing(16)
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumWidth(320)
            button.setMinimumHeight(36)
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(demo_note, alignment=Qt.AlignmentFlag.AlignCenter)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        self._fit_intro()
        super().showEvent(event)

    def _fit_intro(self) -> None:
        """A wrapped label in a centred layout is given its one-line height and loses its
        first and last lines; give it the height its wrapped text needs (any font, scale
        or language)."""
        width = min(520, max(200, self.width() - 40))
        self.intro.setFixedWidth(width)
        self.intro.setMinimumHeight(self.intro.heightForWidth(width))
