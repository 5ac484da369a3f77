"""Start-up that does only what the first screen needs (issue 15): the unlock page and
the first painted page of cases load no SQLAlchemy, SQLModel, pydantic, Alembic,
cryptography, pyrage, openpyxl, fpdf or importer; the rest follows after the paint
and leaves the window exactly as a full load would."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store.engine import create_store
from tests.conftest import PASSPHRASE, write_log
from tests.importers.test_spreadsheet import ROWS
from tests.ui.fresh import run_window_script

HEAVY = (
    "sqlalchemy",
    "sqlmodel",
    "pydantic",
    "alembic",
    "cryptography",
    "pyrage",
    "openpyxl",
    "fpdf",
    "desktop_app.importers.spreadsheet",
    "desktop_app.store.models",
    "desktop_app.sharing.bundle",
)
# Not on the first screen, made after the first paint (the case editor beside the list,
# the other tabs' views), or when a person first reaches them.
LATER = (
    "desktop_app.ui.widgets.case_editor",
    "desktop_app.ui.widgets.dashboard",
    "desktop_app.ui.widgets.offenders_view",
    "desktop_app.ui.widgets.custody_view",
    "desktop_app.ui.widgets.partners_view",
    "desktop_app.ui.widgets.charts",
)

SCRIPT = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from desktop_app.app import create_app
from desktop_app.ui.main_window import MainWindow
heavy = json.loads(sys.argv[4])
loaded = lambda: sorted(m for m in heavy if m in sys.modules)
app = create_app([sys.argv[0]])
settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
window = MainWindow(db_path=sys.argv[1], settings=settings)
window.show()
app.processEvents()
window.grab()
at_unlock_page = loaded()
shown = window.unlock_page.isVisible()
window.unlock(sys.argv[2])
app.processEvents()
window.case_panel.table.viewport().grab()
at_first_page = loaded()
rows = window.model.rowCount()
window.settle()
print(json.dumps({
    "unlock_page": at_unlock_page, "unlock_page_shown": shown, "first_page": at_first_page,
    "rows": rows, "settled": window.is_settled, "after": loaded(),
}))
window.lock()
"""


def test_unlock_page_and_first_page_load_nothing_heavy(tmp_path: Path) -> None:
    path = tmp_path / "start.db"
    with create_store(path, PASSPHRASE, organisation="Start", timezone="Asia/Yangon") as store:
        import_file(store, write_log(tmp_path / "log.csv", ROWS), zone("Asia/Yangon"))
    result = run_window_script(SCRIPT, path, tmp_path, [*HEAVY, *LATER])
    assert result["unlock_page_shown"]
    assert result["unlock_page"] == []
    assert result["first_page"] == []
    assert result["rows"] > 0 and result["settled"]
    # The check can fail: once the rest has run, the custody record has loaded SQLModel,
    # and the editor and the views are made.
    assert "sqlmodel" in result["after"]
    assert set(LATER) <= set(result["after"])


def _same(rows, expected) -> bool:  # type: ignore[no-untyped-def]
    """The same rows; a pending case's waiting hours grow between two unlocks."""
    from dataclasses import replace

    return [replace(r, hours=None) for r in rows] == [replace(r, hours=None) for r in expected]


def test_the_first_page_then_the_whole_list_and_the_rest(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.store.cases import CaseFilter
    from desktop_app.ui.main_window import MainWindow

    path = tmp_path / "order.db"
    with create_store(path, PASSPHRASE, organisation="Order", timezone="Asia/Yangon") as store:
        import_file(store, write_log(tmp_path / "log.csv", ROWS), zone("Asia/Yangon"))
    # Once settled (every other test): the window as a full load leaves it.
    window.ask_unlock(path)
    window.unlock(PASSPHRASE)
    settled_rows = list(window.model.rows)
    settled_label = window.case_panel.count_label.text()
    platforms = [
        window.case_panel.platform.itemText(i) for i in range(window.case_panel.platform.count())
    ]
    window.lock()

    monkeypatch.setattr(MainWindow, "settle_on_unlock", False)
    window.unlock(PASSPHRASE)
    # Painted at once: the same first page and count, from the first-page reads.
    assert not window.case_list.ready and not window.is_settled
    assert _same(window.model.rows, settled_rows)
    assert window.case_panel.count_label.text() == settled_label
    assert window.settle()
    assert window.case_list.ready and _same(window.model.rows, settled_rows)
    assert window.case_panel.count_label.text() == settled_label
    assert [
        window.case_panel.platform.itemText(i) for i in range(window.case_panel.platform.count())
    ] == platforms
    assert window.case_list.count(CaseFilter()) == len(settled_rows)
    with window.store.session() as session:
        from desktop_app.store.audit import list_events

        unlocks = [e for e in list_events(session) if e.action == "unlock"]
    assert len(unlocks) == 2  # one per unlock, the second recorded after the paint

    # A filter asked before the list is built waits for it, and is right.
    window.lock()
    window.unlock(PASSPHRASE)
    assert not window.case_list.ready
    window.case_panel.search.setText("facebook.com")
    found = [r.post_id for r in window.model.rows]
    assert window.case_list.ready and 0 < len(found) < len(settled_rows)
    assert window.settle()
    window.case_panel.apply_filter()
    assert [r.post_id for r in window.model.rows] == found
    assert all("facebook.com" in r.url for r in window.model.rows)
    # Locking before the rest has run: nothing is left open, the next unlock works.
    window.lock()
    assert window.is_locked and window.case_list is None
    window.unlock(PASSPHRASE)
    assert window.settle() and _same(window.model.rows, settled_rows)
