"""A screenshot at full size, with zoom. Read from the store: no file is written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QSlider, QVBoxLayout, QWidget


class ImageViewer(QDialog):
    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(data)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setRange(10, 400)
        self.zoom.setValue(100)
        self.zoom.valueChanged.connect(self._render)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.zoom)
        QShortcut(
            QKeySequence.StandardKey.ZoomIn,
            self,
            lambda: self.zoom.setValue(self.zoom.value() + 25),
        )
        QShortcut(
            QKeySequence.StandardKey.ZoomOut,
            self,
            lambda: self.zoom.setValue(self.zoom.value() - 25),
        )
        self._render(100)
        self.resize(900, 700)

    def _render(self, percent: int) -> None:
        if self.pixmap.isNull():
            self.image.setText(self.tr("This file is not an image Caselog can show."))
            return
        size = self.pixmap.size() * (percent / 100)
        self.image.setPixmap(
            self.pixmap.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
