"""The unlock page is made and painted before PySide6 builds ``Qt`` and ``QEvent``
(every enum in them, 0.04-0.06 s, issue 15): a window that is unlocked at once builds
them while the key is derived. The page still looks as it did: everything centred."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop_app.store.engine import create_store
from tests.conftest import PASSPHRASE
from tests.ui.fresh import run_window_script

SCRIPT = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import PySide6.QtCore as QtCore
from PySide6.QtCore import QSettings
from desktop_app.app import create_app
from desktop_app.ui.main_window import MainWindow
built = lambda: sorted(n for n in ("Qt", "QEvent") if n in vars(QtCore))
loaded = lambda: sorted(m for m in json.loads(sys.argv[4]) if m in sys.modules)
app = create_app([sys.argv[0]])
settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
window = MainWindow(db_path=sys.argv[1], settings=settings)
window.show()
made = {"built": built(), "loaded": loaded()}
app.processEvents()
window.grab()
painted = {"built": built(), "loaded": loaded(), "shown": window.unlock_page.isVisible()}
window.unlock(sys.argv[2])
app.processEvents()
window.case_panel.table.viewport().grab()
unlocked = {"built": built(), "rows": window.model.rowCount()}
window.lock()
print(json.dumps({"made": made, "painted": painted, "unlocked": unlocked}))
"""
MODULES = ("dataclasses", "zoneinfo", "secrets", "desktop_app.store.settings")


def test_the_unlock_page_is_painted_before_qt_and_qevent_are_built(tmp_path: Path) -> None:
    path = tmp_path / "qt.db"
    create_store(path, PASSPHRASE, organisation="Qt", timezone="Asia/Yangon").close()
    result = run_window_script(SCRIPT, path, tmp_path, list(MODULES))
    assert result["made"] == {"built": [], "loaded": []}
    assert result["painted"] == {"built": [], "loaded": [], "shown": True}
    # Built while the key was derived; the (empty) list then painted.
    assert result["unlocked"] == {"built": ["QEvent", "Qt"], "rows": 0}


def test_the_unlock_page_is_centred(qtbot, settings: QSettings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.main_window import MainWindow

    path = tmp_path / "centre.db"
    create_store(path, PASSPHRASE, organisation="Centre", timezone="UTC").close()
    window = MainWindow(db_path=str(path), settings=settings)
    qtbot.addWidget(window)
    window.show()
    page = window.unlock_page
    page.show_error("Wrong passphrase. Try again.")
    for size in ((1400, 860), (701, 501)):
        window.resize(*size)
        QApplication.processEvents()
        middle = page.width() / 2
        parts = [
            page.title,
            page.path_label,
            page.passphrase.parentWidget(),
            page.error_label,
            page.other_button,
        ]
        for widget in parts:
            left = widget.mapTo(page, widget.rect().topLeft()).x()
            assert abs(left + widget.width() / 2 - middle) <= 1, widget
        tops = [widget.mapTo(page, widget.rect().topLeft()).y() for widget in parts]
        assert tops == sorted(tops)  # in this order, top to bottom
        above = tops[0]
        below = page.height() - (tops[-1] + page.other_button.height())
        assert abs(above - below) <= 1
    # The two flags set through their properties hold.
    from PySide6.QtCore import Qt

    assert page.error_label.alignment() == Qt.AlignmentFlag.AlignCenter
    assert page.path_label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
