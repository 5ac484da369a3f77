"""File > Export from the window: the selected cases, redaction, a progress bar."""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop_app.demo import DEMO_PASSPHRASE, create_demo_store


def _demo(window, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.db"
    create_demo_store(path).close()
    window.ask_unlock(path)
    window.unlock(DEMO_PASSPHRASE)
    return path


def test_export_pack_of_selected_cases_with_redaction(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.export.verify import verify_pack

    _demo(window, tmp_path)
    window.case_panel.table.selectRow(0)
    chosen = window.model.rows[0].case_ref
    dialog = window.export_dialog("pack")
    assert dialog.scope.selected.isChecked()
    target = tmp_path / "out" / "pack.zip"
    target.parent.mkdir()
    dialog.target.setText(str(target))
    dialog.redaction.boxes["reporter"].setChecked(True)
    dialog.run()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert dialog.result is not None, dialog.message.text()
    assert "NOT encrypted" in dialog.message.text() and str(target) in dialog.message.text()
    verify_pack(target)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        case_dirs = {name.split("/")[1] for name in names if name.startswith("cases/")}
        assert case_dirs == {chosen}  # exactly the selected case
        everything = b"".join(archive.read(n) for n in names)
    for reporter in ("Ko Aung (Yangon desk)", "Ma Hla (Mandalay desk)", "Monitoring team"):
        assert reporter.encode() not in everything


def test_export_workbook_for_the_current_list(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _demo(window, tmp_path)
    window.case_panel.platform.setCurrentIndex(window.case_panel.platform.findData("tiktok"))
    dialog = window.export_dialog("workbook")
    dialog.scope.filtered.setChecked(True)
    target = tmp_path / "indicators.xlsx"
    dialog.target.setText(str(target))
    dialog.run()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert dialog.result is not None, dialog.message.text()
    workbook = load_workbook(target, read_only=True)
    assert "Indicators" in workbook.sheetnames and "Reports" in workbook.sheetnames
    platforms = {row["platform"] for row in dialog.result.indicators.to_json()["by_platform"]}
    assert platforms == {"tiktok"}  # the list was filtered to TikTok
