"""The custody log: every audit event, filterable, with a check of the hash chain."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
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
from desktop_app.store.engine import Store
from desktop_app.store.uids import from_db
from desktop_app.ui.lazy import MadeWhenNeeded
from desktop_app.ui.vocab import action_name, entity_name

if TYPE_CHECKING:  # the audit code (SQLModel) loads when the log is first read
    from desktop_app.store.audit import ChainReport

COLUMNS = (
    QT_TRANSLATE_NOOP("CustodyView", "#"),
    QT_TRANSLATE_NOOP("CustodyView", "When"),
    QT_TRANSLATE_NOOP("CustodyView", "Who"),
    QT_TRANSLATE_NOOP("CustodyView", "Action"),
    QT_TRANSLATE_NOOP("CustodyView", "What"),
    QT_TRANSLATE_NOOP("CustodyView", "Case"),
    QT_TRANSLATE_NOOP("CustodyView", "Details"),
    QT_TRANSLATE_NOOP("CustodyView", "Hash"),
)
# Which case each kind of record belongs to (uid -> case reference), in one query each.
CASE_OF_UID = {
    "post": "SELECT uid, case_ref FROM post",
    "report": "SELECT r.uid, p.case_ref FROM report r JOIN post p ON p.id = r.post_id",
    "response": (
        "SELECT x.uid, p.case_ref FROM response x JOIN report r ON r.id = x.report_id "
        "JOIN post p ON p.id = r.post_id"
    ),
    "attachment": (
        "SELECT a.uid, coalesce(p.case_ref, p2.case_ref) FROM attachment a "
        "LEFT JOIN post p ON p.id = a.post_id LEFT JOIN response x ON x.id = a.response_id "
        "LEFT JOIN report r ON r.id = x.report_id LEFT JOIN post p2 ON p2.id = r.post_id"
    ),
}


class CustodyView(MadeWhenNeeded, QWidget):
    _PARTS = frozenset({"case", "action", "verify_button", "result", "table"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.tz: Any = None
        self._built = False
        self._layout = QVBoxLayout(self)

    def _make(self) -> None:
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("Case, e.g. C-000012"))
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for action in [*(a.value for a in AuditAction), "unlock", "lock"]:
            self.action.addItem(action_name(action), action)
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
        self._layout.addLayout(bar)
        self._layout.addWidget(self.result)
        self._layout.addWidget(self.table)
        self.case.returnPressed.connect(self.refresh)
        self.case.textChanged.connect(lambda text: self.refresh() if not text else None)
        self.action.currentIndexChanged.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)

    def attach(self, store: Store, tz: Any) -> None:
        """Bind to the store; the events are read when the tab is shown (refresh)."""
        self.store = store
        self.tz = tz
        if self._built:
            self.result.clear()
            self.table.setRowCount(0)

    def detach(self) -> None:
        self.store = None
        if not self._built:
            return
        self.table.setRowCount(0)
        self.result.clear()

    def refresh(self) -> None:
        if self.store is None:
            return
        from desktop_app.store.audit import list_events

        with self.store.session() as session:
            events = list_events(
                session,
                case_ref=self.case.text().strip().upper() or None,
                action=self.action.currentData() or None,
            )
            cases = self._case_refs(session, {e.entity for e in events})
        self.table.setRowCount(len(events))
        for row, event in enumerate(events):
            detail = json.loads(event.detail)
            values = (
                str(event.id),
                event.at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M:%S"),
                event.actor,
                action_name(event.action),
                entity_name(event.entity),
                cases.get(event.entity_uid, ""),
                ", ".join(f"{k}: {v}" for k, v in detail.items())[:200],
                event.hash[:16],
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    @staticmethod
    def _case_refs(session: Any, kinds: set[str]) -> dict[str, str]:
        """Case references for the records the events name (people read C-000012, not uids)."""
        found: dict[str, str] = {}
        for kind in kinds & CASE_OF_UID.keys():
            for uid, ref in session.connection().exec_driver_sql(CASE_OF_UID[kind]):
                if ref:
                    found[from_db(uid)] = ref  # 16 bytes in the store (0012)
        return found

    def verify(self) -> ChainReport | None:
        if self.store is None:
            return None
        from desktop_app.store.audit import verify_chain

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
