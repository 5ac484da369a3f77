"""Partners: add one from its card (read the fingerprint out on a call), view, remove,
and our own card to give them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.store.engine import Store
from desktop_app.ui.i18n import error_text

# The partner directory, the cards (cryptography) and the keys load when the tab
# is first filled, not with the window (issue 15).
if TYPE_CHECKING:
    from desktop_app.sharing.cards import PartnerCard
    from desktop_app.sharing.partners import PartnerInfo

COLUMNS = (
    QT_TRANSLATE_NOOP("PartnersView", "Partner"),
    QT_TRANSLATE_NOOP("PartnersView", "Key fingerprint (compare on a call)"),
    QT_TRANSLATE_NOOP("PartnersView", "Added"),
    QT_TRANSLATE_NOOP("PartnersView", "Last bundle sent"),
)


class PartnersView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.tz: Any = None
        self.partners: list[PartnerInfo] = []
        self.own = QLabel()
        self.own.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.own.setWordWrap(True)
        export_card = QPushButton(self.tr("Save our partner card…"))
        export_card.clicked.connect(self.save_own_card)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("Add a partner from its card…"))
        add.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Remove selected partner"))
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own, 1)
        own_row.addWidget(export_card)
        layout = QVBoxLayout(self)
        layout.addLayout(own_row)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def attach(self, store: Store, tz: Any) -> None:
        self.bind(store, tz)
        self.refresh()

    def bind(self, store: Store, tz: Any) -> None:
        """The store to show (read at the next refresh)."""
        self.store = store
        self.tz = tz

    def detach(self) -> None:
        self.store = None
        self.partners = []
        self.table.setRowCount(0)
        self.own.clear()

    def own_card(self) -> PartnerCard:
        from desktop_app.sharing.cards import PartnerCard
        from desktop_app.store.keys import load_keys
        from desktop_app.store.repository import get_organisation

        assert self.store is not None
        with self.store.transaction() as session:
            keys = load_keys(session)
            name = get_organisation(session).name or "Caselog organisation"
        return PartnerCard(name, keys.age_recipient, keys.signing_public)

    def refresh(self) -> None:
        if self.store is None:
            return
        card = self.own_card()
        self.own.setText(
            self.tr(
                "<b>Our key fingerprint:</b> {0}<br>Give partners our card "
                "and read this out to them on a call."
            ).format(card.fingerprint)
        )
        from desktop_app.sharing.partners import list_partners

        self.partners = list_partners(self.store)
        self.table.setRowCount(len(self.partners))
        for row, partner in enumerate(self.partners):
            sent = (
                partner.last_bundle_sent_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")
                if partner.last_bundle_sent_at
                else self.tr("never")
            )
            for column, value in enumerate(
                (
                    partner.name,
                    partner.fingerprint,
                    partner.added_at.astimezone(self.tz).strftime("%Y-%m-%d"),
                    sent,
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def pick_card(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Partner card"), "", "Partner card (*.json *.card);;All files (*)"
        )
        return path

    def pick_card_target(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save our partner card"),
            "caselog-partner-card.json",
            "Partner card (*.json)",
        )
        return path

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def add_card(self, path: str) -> PartnerInfo | None:
        from desktop_app.sharing.partners import add_partner_from_card

        assert self.store is not None
        try:
            info = add_partner_from_card(self.store, path)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Partner not added"), error_text(exc))
            return None
        self.refresh()
        return info

    def _add(self) -> None:
        path = self.pick_card()
        if not path or self.store is None:
            return
        from desktop_app.sharing.cards import read_card

        try:
            card = read_card(path)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Not a partner card"), error_text(exc))
            return
        if self.confirm(
            self.tr("Check the fingerprint"),
            self.tr(
                "Call {0} and ask them to read their key fingerprint. Add them only if it "
                "is exactly:\n\n{1}"
            ).format(card.name, card.fingerprint),
        ):
            self.add_card(path)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if self.store is None or not 0 <= row < len(self.partners):
            return
        name = self.partners[row].name
        if self.confirm(
            self.tr("Remove partner"),
            self.tr("Remove {0}? Their bundles will be refused until they are added again.").format(
                name
            ),
        ):
            from desktop_app.sharing.partners import remove_partner

            remove_partner(self.store, name)
            self.refresh()

    def save_own_card(self) -> None:
        path = self.pick_card_target()
        if path:
            self.own_card().write(path)
