"""Share with a partner from the window, and merge a partner's bundle after checking it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop_app.sharing.cards import PartnerCard
from desktop_app.store.engine import create_store, open_store
from desktop_app.store.keys import load_keys
from desktop_app.store.models import Organisation, Post
from desktop_app.ui.dialogs.import_bundle_dialog import ImportBundleDialog
from desktop_app.ui.dialogs.share_dialog import ShareDialog
from tests.ui.menus import click, open_from_menu, type_into


def _button(dialog, text: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text().startswith(text)]
    return button


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

    # The partner checks it in their window: an unknown signer's records are not read
    # until they have vouched for its fingerprint.
    partner.close()
    window.lock()
    window.ask_unlock(tmp_path / "partner.db")
    window.unlock("partner passphrase long enough")
    importer = open_from_menu(window, "File", "Import partner bundle", ImportBundleDialog)
    importer.pick_file = lambda: str(target)  # the file picker, answered
    click(qtbot, _button(importer, "Choose bundle"))
    qtbot.waitUntil(lambda: importer.worker is None, timeout=60000)
    assert importer.preview is not None, importer.message.text()
    assert importer.preview.records_checked is False
    assert "GUI test" in importer.origin.text() and "NOT a known partner" in importer.origin.text()
    assert importer.preview.fingerprint in importer.origin.text()
    assert "not been read yet" in importer.origin.text()
    assert importer.counts.rowCount() == 0 and not importer.merge_button.isEnabled()
    click(qtbot, importer.trust)  # vouched: now every record is decrypted and checked
    qtbot.waitUntil(
        lambda: importer.worker is None and importer.preview.records_checked, timeout=60000
    )
    assert importer.trust.isChecked() and importer.counts.rowCount() > 0
    assert importer.counts.horizontalHeaderItem(5).text() == "Refused"
    assert importer.merge_button.isEnabled()
    click(qtbot, importer.merge_button)
    qtbot.waitUntil(lambda: importer.worker is None, timeout=60000)
    assert importer.result is not None and importer.result.written, importer.message.text()
    importer.close()
    with open_store(tmp_path / "partner.db", "partner passphrase long enough") as store:
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(Post)) == 1
            post = session.scalars(select(Post)).one()
            assert post.origin_org and post.origin_bundle
    # The partner's window says where the merged case came from, in the list and the editor.
    window.refresh_cases()
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


def test_a_conflict_shows_what_happens_and_why(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.core.timeutil import zone
    from desktop_app.importers.spreadsheet import import_file
    from desktop_app.sharing import export_bundle, import_bundle
    from desktop_app.sharing.partners import add_partner
    from desktop_app.store import corrections
    from tests.conftest import PASSPHRASE, write_log
    from tests.importers.test_spreadsheet import ROWS

    b_pass = "partner passphrase long enough"
    a = create_store(tmp_path / "a.db", PASSPHRASE, organisation="Origin A", timezone="UTC")
    b = create_store(tmp_path / "b.db", b_pass, organisation="Partner B", timezone="UTC")
    try:
        import_file(a, write_log(tmp_path / "log.csv", ROWS), zone("UTC"))
        for one, other in ((a, b), (b, a)):
            with one.transaction() as session:
                keys = load_keys(session)
                name = session.scalars(select(Organisation.name)).first()
            add_partner(other, PartnerCard(name, keys.age_recipient, keys.signing_public))
        import_bundle(b, export_bundle(a, tmp_path / "1.caselog", recipients=["Partner B"]).path)
        with a.session() as session:
            post_a = session.scalars(select(Post)).first()
            uid, ref_a = post_a.uid, post_a.case_ref
        with b.session() as session:
            ref_b = session.scalars(select(Post.case_ref).where(Post.uid == uid)).one()
        corrections.retract(b, "post", ref_b, "endangers a witness")
        corrections.edit(a, "post", ref_a, {"notes": "A: more context"}, "more context")
        third = export_bundle(a, tmp_path / "3.caselog", recipients=["Partner B"]).path
    finally:
        a.close()
        b.close()
    window.ask_unlock(tmp_path / "b.db")
    window.unlock(b_pass)
    importer = open_from_menu(window, "File", "Import partner bundle", ImportBundleDialog)
    importer.pick_file = lambda: str(third)
    click(qtbot, _button(importer, "Choose bundle"))
    qtbot.waitUntil(lambda: importer.worker is None, timeout=60000)
    assert importer.preview is not None and importer.preview.records_checked
    assert "a partner in your directory" in importer.origin.text()
    assert not importer.trust.isVisible()
    assert importer.conflicts.isVisible() and importer.conflicts.rowCount() >= 1
    whys = [importer.conflicts.item(r, 3).text() for r in range(importer.conflicts.rowCount())]
    assert any("We retracted it here" in why for why in whys), whys
    assert importer.conflicts.item(0, 0).text() == ref_b
