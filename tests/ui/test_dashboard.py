"""Dashboard, settings, custody log and backups, driven through the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select, text

from desktop_app.core.errors import StoreLockedError
from desktop_app.demo import DEMO_PASSPHRASE, create_demo_store
from desktop_app.indicators.compute import compute_indicators, default_params
from desktop_app.store.engine import open_store
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.menus import menu_action, open_from_menu, type_into, while_modal


def _demo_window(window, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.db"
    create_demo_store(path).close()
    window.ask_unlock(path)
    window.unlock(DEMO_PASSPHRASE)
    return path


def _wait_dashboard(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    if window.dashboard.worker is not None or window.dashboard.data is None:
        with qtbot.waitSignal(window.dashboard.updated, timeout=10000):
            window.workspace.setCurrentWidget(window.dashboard)
    window.workspace.setCurrentWidget(window.dashboard)


def test_dashboard_figures_equal_the_cli_json(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _demo_window(window, tmp_path)
    _wait_dashboard(window, qtbot)
    params = window.dashboard.params
    shown = {key: card.value.text() for key, card in window.dashboard.cards.items()}
    env = {**os.environ, "CASELOG_PASSPHRASE": DEMO_PASSPHRASE}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app.cli",
            "--db",
            str(path),
            "stats",
            "--json",
            "--as-of",
            params.as_of.isoformat(),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    cli = json.loads(done.stdout)
    assert window.dashboard.data.indicators.to_json() == cli
    assert shown["reports_total"] == f"{cli['reports_total']:,}"
    assert shown["reports_over_sla_pending"] == f"{cli['reports_over_sla_pending']:,}"
    assert shown["response_hours.median"] == f"{cli['response_hours']['median']:,.1f}"
    caption = window.dashboard.cards["reports_over_sla_pending"].caption.text()
    assert caption == "Reports with no final decision after 48 hours"


def test_clicking_a_bar_filters_the_list_to_exactly_those_reports(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _demo_window(window, tmp_path)
    _wait_dashboard(window, qtbot)
    chart = window.dashboard.monthly
    chart.resize(800, 300)
    chart.grab()  # paint, so the bars have their places
    rect, index, series = next(b for b in chart._bars if b[2] == 0 and b[0].height() > 0)
    qtbot.mouseClick(
        chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y()))
    )
    assert window.workspace.currentWidget() is window.cases_tab
    month = chart.labels[index]
    shown = {row.post_id for row in window.model.rows}
    with open_store(path, DEMO_PASSPHRASE) as store, store.engine.connect() as conn:
        tz = window.tz
        from datetime import datetime

        year, mon = (int(x) for x in month.split("-"))
        start = datetime(year, mon, 1, tzinfo=tz)
        stop = datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=tz)
        from desktop_app.store.types import to_micros

        expected = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT DISTINCT post_id FROM report WHERE reported_at >= ? AND reported_at < ?",
                (to_micros(start), to_micros(stop)),
            )
        }
    assert shown == expected and shown
    # The drill-down is visible, says what it is, and one click removes it.
    panel = window.case_panel
    assert panel.chip.isVisibleTo(panel) and month in panel.chip_label.text()
    assert panel.count_label.text().startswith(f"{len(shown)} of ")
    qtbot.mouseClick(panel.chip_close, Qt.MouseButton.LeftButton)
    assert not panel.chip.isVisibleTo(panel) and window.model.total > len(shown)


def test_changing_the_sla_changes_the_over_sla_figures(
    window, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _demo_window(window, tmp_path)
    _wait_dashboard(window, qtbot)
    before = window.dashboard.data.indicators.reports_over_sla_responded
    dialog = open_from_menu(window, "File", "Settings", SettingsDialog)
    dialog.sla.setFocus()
    dialog.sla.selectAll()
    qtbot.keyClicks(dialog.sla, "10000")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(window.dashboard.updated, timeout=10000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # the dashboard follows, unasked
    assert "sla_hours" in dialog.changed
    after = window.dashboard.data.indicators
    assert after.params.sla_hours == 10_000
    assert before > 0 and after.reports_over_sla_responded == 0
    assert "10000 hours" in window.dashboard.cards["reports_over_sla"].caption.text()


def test_custody_view_finds_a_tampered_event(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _demo_window(window, tmp_path)
    window.workspace.setCurrentWidget(window.custody)
    assert window.custody.verify().intact
    assert "intact" in window.custody.result.text()
    with open_store(path, DEMO_PASSPHRASE) as store, store.transaction() as session:
        session.execute(text("UPDATE audit_event SET detail = '{\"rows\": 1}' WHERE id = 4"))
    report = window.custody.verify()
    assert not report.intact and report.broken_at == 4
    assert "BROKEN at event 4" in window.custody.result.text()
    window.custody.case.setText("C-000001")
    window.custody.refresh()
    actions = {
        window.custody.table.item(r, 3).text() for r in range(window.custody.table.rowCount())
    }
    assert actions == {"Created", "Imported"}  # the codes create, import, named for people


def test_backup_opens_and_holds_the_same_indicators(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _demo_window(window, tmp_path)
    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr(window, "pick_backup_folder", lambda: str(folder))
    menu_action(window, "File", "Back up store").trigger()
    qtbot.waitUntil(lambda: getattr(window, "last_backup_path", None) is not None, timeout=20000)
    backup = window.last_backup_path
    assert str(backup) in window.statusBar().currentMessage()
    assert backup.parent == folder and backup.exists()
    with open_store(path, DEMO_PASSPHRASE) as original, open_store(backup, DEMO_PASSPHRASE) as copy:
        params = default_params(original)
        assert (
            compute_indicators(copy, params).to_json()
            == compute_indicators(original, params).to_json()
        )
    assert b"SQLite format 3" not in backup.read_bytes()[:16]


def _answer(button_text: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    def drive(box) -> None:  # type: ignore[no-untyped-def]
        text = box.informativeText()
        assert "backup made before now still opens with the old passphrase" in text
        assert "cannot open bundles made for the new key" in text
        (button,) = [b for b in box.findChildren(QPushButton) if b.text() == button_text]
        button.click()

    return drive


def test_passphrase_change_offers_new_keys_and_one_rule_for_passphrases(
    window, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.store.keys import load_keys
    from desktop_app.store.models import AuditEvent, OrgKey

    path = _demo_window(window, tmp_path)
    dialog = open_from_menu(window, "File", "Settings", SettingsDialog)
    spaces = " " * 12  # long enough for the strength meter, refused by the CLI's rule
    for edit, typed in (
        (dialog.new_passphrase, spaces),
        (dialog.confirm, spaces),
        (dialog.current_passphrase, DEMO_PASSPHRASE),
    ):
        type_into(qtbot, edit, typed)
    qtbot.mouseClick(dialog.rekey_button, Qt.MouseButton.LeftButton)
    assert not dialog.rekeyed and "empty or only spaces" in dialog.rekey_result.text()
    new = "a new passphrase after a seized phone"
    for edit, typed in (
        (dialog.new_passphrase, new),
        (dialog.confirm, new),
        (dialog.current_passphrase, DEMO_PASSPHRASE),
    ):
        type_into(qtbot, edit, typed)
    old = dialog.fingerprint.text()
    errors = while_modal(_answer("Replace the keys"), QMessageBox)
    qtbot.mouseClick(dialog.rekey_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert dialog.rekeyed and dialog.fingerprint.text() != old
    assert "keys were replaced" in dialog.rekey_result.text() and old in dialog.rekey_result.text()
    dialog.reject()
    window.lock()
    with open_store(path, new) as store, store.transaction() as session:
        keys = load_keys(session)
        assert keys.fingerprint == dialog.fingerprint.text()
        assert len(keys.retired_signing_publics) == 1
        kinds = list(session.scalars(select(OrgKey.kind)))
        assert any(kind.startswith("key-change:") for kind in kinds), kinds
        actions = list(session.scalars(select(AuditEvent.action)))
    assert "rotate_keys" in actions


def test_passphrase_change_opens_with_the_new_one_only(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _demo_window(window, tmp_path)
    dialog = open_from_menu(window, "File", "Settings", SettingsDialog)
    new = "a much better passphrase ၂၀၂၆"
    type_into(qtbot, dialog.new_passphrase, new)
    type_into(qtbot, dialog.confirm, new)
    type_into(qtbot, dialog.current_passphrase, "not the passphrase")
    qtbot.mouseClick(dialog.rekey_button, Qt.MouseButton.LeftButton)
    assert not dialog.rekeyed and "current passphrase" in dialog.rekey_result.text()
    type_into(qtbot, dialog.new_passphrase, new)
    type_into(qtbot, dialog.confirm, new)
    type_into(qtbot, dialog.current_passphrase, DEMO_PASSPHRASE)
    fingerprint = dialog.fingerprint.text()
    errors = while_modal(_answer("Keep the keys"), QMessageBox)
    qtbot.mouseClick(dialog.rekey_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert dialog.fingerprint.text() == fingerprint  # keys kept when asked to
    assert dialog.rekeyed and "checked that it opens" in dialog.rekey_result.text()
    assert (
        "Older backups keep the old passphrase" in dialog.rekey_result.text()
    )  # they keep the old passphrase
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() > 0  # the window keeps working on the re-keyed store
    window.lock()
    import pytest

    with pytest.raises(StoreLockedError):
        open_store(path, DEMO_PASSPHRASE)
    with open_store(path, "a much better passphrase ၂၀၂၆") as store:
        assert compute_indicators(store, default_params(store)).reports_total == 36


def test_repeat_offenders_view_and_flagging(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _demo_window(window, tmp_path)
    view = window.offenders
    with qtbot.waitSignal(view.updated, timeout=10000):  # computed off the window's thread
        window.workspace.setCurrentWidget(window.offenders)
    assert view.offender_table.rowCount() == len(view.offenders) > 0
    with open_store(path, DEMO_PASSPHRASE) as store:
        expected = compute_indicators(store, default_params(store))
    assert len(view.offenders) == expected.repeat_offenders
    assert len(view.clusters) == expected.duplicate_clusters
    # Take the flag off the first account, then flag it again from the view.
    from desktop_app.store import repository as repo
    from desktop_app.store.models import AuthorAccount

    with window.store.transaction() as session:
        repo.set_account_fake(
            session, session.get(AuthorAccount, view.offenders[0].account_id), False
        )
    with qtbot.waitSignal(view.updated, timeout=10000):
        view.refresh()
    assert not view.offenders[0].suspected_fake
    assert view.offender_table.item(0, 9).text() == ""
    view.offender_table.selectRow(0)
    assert view.flag_button.isEnabled()
    # Flagging is an edit of the account: it asks why, and Cancel flags nothing.
    from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit

    from tests.ui.menus import click, type_into, while_modal

    asked: list[str] = []

    def cancel(dialog: QDialog) -> None:
        asked.append(dialog.labelText())
        qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Escape)

    errors = while_modal(cancel, QInputDialog)
    click(qtbot, view.flag_button)
    assert not errors, errors
    assert asked and view.offenders[0].handle in asked[0]
    assert not view.offenders[0].suspected_fake

    def because(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        type_into(qtbot, edit, "posts the same chain letter as twenty new accounts")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    errors = while_modal(because, QInputDialog)
    with qtbot.waitSignal(view.updated, timeout=10000):
        click(qtbot, view.flag_button)
    assert not errors, errors
    assert view.offenders[0].suspected_fake
    assert view.offender_table.item(0, 9).text() == "yes"
    assert not view.flag_button.isEnabled()  # nothing left to flag on this row
    import json

    from desktop_app.store.models import AuditEvent

    with window.store.session() as session:
        account = session.get(AuthorAccount, view.offenders[0].account_id)
        event = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "edit", AuditEvent.entity_uid == account.uid
            )
        ).one()
    detail = json.loads(event.detail)
    assert detail["reason"] == "posts the same chain letter as twenty new accounts"
    assert detail["changes"] == {"suspected_fake": {"old": False, "new": True}}
    view.cluster_table.selectRow(0)
    assert view.cluster_posts.rowCount() >= 2
