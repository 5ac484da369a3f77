"""Share with a partner from the window, and merge a partner's bundle after checking it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop_app.sharing.cards import PartnerCard
from desktop_app.store.engine import create_store
from desktop_app.store.keys import load_keys
from desktop_app.store.models import Post
from desktop_app.ui.dialogs.import_bundle_dialog import ImportBundleDialog
from desktop_app.ui.dialogs.share_dialog import ShareDialog
from tests.ui.menus import click, open_from_menu, type_into


def test_share_selected_case_and_partner_merges_it(unlocked, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    partner = create_store(
        tmp_path / "partner.db",
        "partner passphrase long enough",
        organisation="Partner group",
        timezone="UTC",
    )
    with partner.transaction() as session:
        keys = load_keys(session)
    card = PartnerCard("Partner group", keys.age_recipient, keys.signing_public).write(
        tmp_path / "partner-card.json"
    )
    assert window.partners.add_card(str(card)) is not None
    assert window.partners.table.rowCount() == 1
    assert window.partners.table.item(0, 0).text() == "Partner group"

    window.case_panel.table.selectRow(0)

    dialog = open_from_menu(window, "File", "Share with partner", ShareDialog)
    dialog.partners.item(0).setCheckState(Qt.CheckState.Checked)
    target = tmp_path / "to-partner.caselog"
    type_into(qtbot, dialog.target, str(target))
    click(qtbot, dialog.action_button)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert dialog.result is not None, dialog.message.text()
    assert target.exists() and b"age-encryption.org" in target.read_bytes()[:40]

    # The partner checks it: unknown signer until they trust it on the dialog.
    importer = ImportBundleDialog(partner)
    qtbot.addWidget(importer)
    importer.set_file(str(target))
    qtbot.waitUntil(lambda: importer.worker is None, timeout=60000)
    assert importer.preview is not None, importer.message.text()
    assert "GUI test" in importer.origin.text() and "NOT a known partner" in importer.origin.text()
    assert not importer.merge_button.isEnabled()
    importer.trust.setChecked(True)
    assert importer.merge_button.isEnabled()
    importer.run_import()
    qtbot.waitUntil(lambda: importer.worker is None, timeout=60000)
    assert importer.result is not None and importer.result.written, importer.message.text()
    with partner.session() as session:
        assert session.scalar(select(func.count()).select_from(Post)) == 1
        post = session.scalars(select(Post)).one()
        assert post.origin_org and post.origin_bundle
    partner.close()
    # The partner's window says where the merged case came from, in the list and the editor.
    window.lock()
    window.ask_unlock(tmp_path / "partner.db")
    window.unlock("partner passphrase long enough")
    assert window.model.rows[0].origin == "GUI test"
    window.case_panel.table.selectRow(0)
    assert "from GUI test" in window.editor.title.text()


def test_an_empty_choice_of_cases_shares_nothing(unlocked, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    window.case_panel.search.setText("no post says this")
    assert window.model.total == 0
    dialog = open_from_menu(window, "File", "Share with partner", ShareDialog)
    click(qtbot, dialog.use_passphrase)
    type_into(qtbot, dialog.passphrase, "a bundle passphrase")
    click(qtbot, dialog.scope.filtered)
    type_into(qtbot, dialog.target, str(tmp_path / "empty.caselog"))
    click(qtbot, dialog.action_button)
    # "The 0 cases in the current list" must not fall back to every case.
    assert dialog.worker is None and "no cases" in dialog.message.text()
    assert not (tmp_path / "empty.caselog").exists()
