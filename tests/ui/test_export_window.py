"""File > Export from the window: the selected cases, redaction, a progress bar."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.demo import DEMO_PASSPHRASE, create_demo_store
from desktop_app.ui.dialogs.export_dialog import ExportDialog
from tests.ui.menus import click, dialogs, open_from_menu, type_into


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
    dialog = open_from_menu(window, "File", "Export evidence pack", ExportDialog)
    assert dialog.scope.selected.isChecked()
    target = tmp_path / "out" / "pack.zip"
    target.parent.mkdir()
    type_into(qtbot, dialog.target, str(target))
    click(qtbot, dialog.redaction.boxes["reporter"])
    assert dialog.redaction.boxes["reporter"].isChecked()
    click(qtbot, dialog.action_button)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert dialog.result is not None, dialog.message.text()
    assert "NOT encrypted" in dialog.message.text() and str(target) in dialog.message.text()
    verify_pack(target)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        parts = [name.split("/") for name in names]
        case_dirs = {p[p.index("cases") + 1] for p in parts if "cases" in p[:-1]}
        assert case_dirs == {chosen}, names[:12]  # exactly the selected case
        everything = b"".join(archive.read(n) for n in names)
    for reporter in ("Ko Aung (Yangon desk)", "Ma Hla (Mandalay desk)", "Monitoring team"):
        assert reporter.encode() not in everything


def test_export_workbook_for_the_current_list(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _demo(window, tmp_path)
    window.case_panel.platform.setCurrentIndex(window.case_panel.platform.findData("tiktok"))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # the shortcut
    (dialog,) = dialogs(ExportDialog)
    click(qtbot, dialog.scope.filtered)
    assert dialog.scope.filtered.isChecked()
    target = tmp_path / "indicators.xlsx"
    type_into(qtbot, dialog.target, str(target))
    click(qtbot, dialog.action_button)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert dialog.result is not None, dialog.message.text()
    workbook = load_workbook(target, read_only=True)
    assert "Indicators" in workbook.sheetnames and "Reports" in workbook.sheetnames
    platforms = {row["platform"] for row in dialog.result.indicators.to_json()["by_platform"]}
    assert platforms == {"tiktok"}  # the list was filtered to TikTok


def _myanmar(text: object) -> bool:
    return any("\u1000" <= char <= "\u109f" for char in str(text))


def test_export_language_english_by_default_burmese_when_chosen(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _demo(window, tmp_path)
    labels: dict[str, list[str]] = {}
    for lang in ("en", "my"):
        dialog = open_from_menu(window, "File", "Export workbook", ExportDialog)
        assert dialog.language.currentData() == "en"  # English unless chosen
        if lang == "my":
            dialog.language.setFocus()
            qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
            assert dialog.language.currentData() == "my"
        target = tmp_path / f"indicators-{lang}.xlsx"
        type_into(qtbot, dialog.target, str(target))
        click(qtbot, dialog.action_button)
        qtbot.waitUntil(lambda dialog=dialog: dialog.worker is None, timeout=60000)
        assert dialog.result is not None, dialog.message.text()
        workbook = load_workbook(target, read_only=True)
        sheet = workbook[workbook.sheetnames[0]]
        labels[lang] = [
            str(cell)
            for row in sheet.iter_rows(max_row=30, max_col=1, values_only=True)
            for cell in row
            if cell
        ]
        dialog.close()
    assert labels["en"] and not any(_myanmar(text) for text in labels["en"])
    assert any(_myanmar(text) for text in labels["my"])


def test_a_crashed_exports_leftovers_are_removed_when_the_window_starts(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path, settings
) -> None:
    import subprocess
    import sys

    from desktop_app.export.output import scratch_dir
    from desktop_app.ui.main_window import MainWindow

    _demo(window, tmp_path)
    out = tmp_path / "exports"
    out.mkdir()
    dialog = open_from_menu(window, "File", "Export workbook", ExportDialog)
    type_into(qtbot, dialog.target, str(out / "indicators.xlsx"))
    click(qtbot, dialog.action_button)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert dialog.result is not None, dialog.message.text()
    dialog.close()  # the window remembers where the last export went
    window.lock()
    # What a killed export leaves: a .partial beside the target, scratch of a dead process.
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    partial = out / ".indicators.xlsx.0123abcd.partial"
    partial.write_bytes(b"half a workbook")
    scratch = scratch_dir() / f"{dead}-0123456789ab.xlsx"
    scratch.write_bytes(b"sheet xml")
    keep = out / "indicators.xlsx"
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert not partial.exists() and not scratch.exists()
    assert keep.exists()  # the finished export stays


def test_a_pack_says_which_chosen_cases_it_left_out(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A case logged with no report yet is in no pack (a pack holds the cases reported
    in the period): chosen with others, the dialog says one was left out."""
    from tests.ui.menus import menu_action

    _demo(window, tmp_path)
    menu_action(window, "Case", "New case").trigger()
    editor = window.editor
    editor.platform.setCurrentText("facebook")
    type_into(qtbot, editor.url, "https://facebook.com/someone/posts/no-report-yet")
    menu_action(window, "Case", "Save case").trigger()
    assert editor.post_id is not None, editor.error.text()
    window.case_panel.table.selectAll()
    chosen = window.case_panel.selected_post_ids()
    assert editor.post_id in chosen and len(chosen) > 1
    dialog = open_from_menu(window, "File", "Export evidence pack", ExportDialog)
    assert dialog.scope.selected.isChecked()
    type_into(qtbot, dialog.target, str(tmp_path / "pack.zip"))
    click(qtbot, dialog.action_button)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=120000)
    assert dialog.result is not None, dialog.message.text()
    assert dialog.result.cases == len(chosen) - 1
    assert "Not in it: 1 of the cases chosen" in dialog.message.text()
