"""The custody log: every audit event, filterable, with a check of the hash chain."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import AuditAction
from desktop_app.store.audit import ChainReport, list_events, verify_chain
from desktop_app.store.engine import Store

COLUMNS = ("#", "When", "Who", "Action", "What", "Details", "Hash")


class CustodyView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.tz: Any = None
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("Case, e.g. C-000012"))
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for action in AuditAction:
            self.action.addItem(action.value, action.value)
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        bar = QHBoxLayout()
        bar.addWidget(self.case)
        bar.addWidget(self.action)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.result)
        layout.addWidget(self.table)
        self.case.returnPressed.connect(self.refresh)
        self.case.textChanged.connect(lambda text: self.refresh() if not text else None)
        self.action.currentIndexChanged.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)

    def attach(self, store: Store, tz: Any) -> None:
        """Bind to the store; the events are read when the tab is shown (refresh)."""
        self.store = store
        self.tz = tz
        self.result.clear()
        self.table.setRowCount(0)

    def detach(self) -> None:
        self.store = None
        self.table.setRowCount(0)
        self.result.clear()

    def refresh(self) -> None:
        if self.store is None:
            return
        with self.store.session() as session:
            events = list_events(
                session,
                case_ref=self.case.text().strip().upper() or None,
                action=self.action.currentData() or None,
            )
        self.table.setRowCount(len(events))
        for row, event in enumerate(events):
            detail = json.loads(event.detail)
            values = (
                str(event.id),
                event.at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M:%S"),
                event.actor,
                event.action,
                event.entity,
                ", ".join(f"{k}: {v}" for k, v in detail.items())[:200],
                event.hash[:16],
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def verify(self) -> ChainReport | None:
        if self.store is None:
            return None
        with self.store.session() as session:
            report = verify_chain(session)
        if report.intact:
            self.result.setStyleSheet("color: #1b7f3b;")
            self.result.setText(
                self.tr(
                    "The custody log is intact: all {0} events link to the one before them and "
                    "none was changed."
                ).format(report.events)
            )
        else:
            self.result.setStyleSheet("color: #b00020; font-weight: 600;")
            self.result.setText(
                self.tr(
                    "The custody log is BROKEN at event {0}: {1}. Events from there on cannot be "
                    "trusted; keep this store as it is and compare it with a backup."
                ).format(report.broken_at, report.reason)
            )
        return report
