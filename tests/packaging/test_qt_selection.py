"""Which Qt files the bundle keeps (packaging/hooks/caselog_qt_plugins.py): what a
user needs to see windows, type Burmese and view screenshots stays; the rest goes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging" / "hooks"))

from caselog_qt_plugins import filtered, keep  # noqa: E402

KEPT = [
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/imageformats/libqwebp.so",
    "PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6\\Qt\\plugins\\platforms\\qwindows.dll",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
]
DROPPED = [
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",  # would pull in GTK 3
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",  # Qt Quick
    "PySide6/Qt/plugins/imageformats/libqpdf.so",  # QtPdf
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/opengl32sw.dll",
]


@pytest.mark.parametrize("dest", KEPT)
def test_kept(dest: str) -> None:
    assert keep(dest)


@pytest.mark.parametrize("dest", DROPPED)
def test_dropped(dest: str) -> None:
    assert not keep(dest)


def test_hook_entries_are_filtered_by_destination_folder() -> None:
    entries = [
        ("/wheel/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms"),
        ("/wheel/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platformthemes"),
    ]
    assert filtered(entries) == entries[:1]
