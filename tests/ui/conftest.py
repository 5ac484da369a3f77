"""GUI tests: offscreen, real encrypted stores in tmp_path, settings kept per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402

from desktop_app.store.engine import create_store  # noqa: E402
from tests.conftest import PASSPHRASE  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop_app.ui.main_window.data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr("desktop_app.ui.dialogs.new_store.data_dir", lambda: tmp_path / "data")
    # The export scratch the window cleans at start is the test's own, never the user's.
    monkeypatch.setenv("CASELOG_SCRATCH", str(tmp_path / "scratch"))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import load_fonts
    from desktop_app.ui.main_window import MainWindow

    # Most tests look at the window once everything after the first paint is done
    # (custody record, whole list, views); tests of that order turn this off.
    monkeypatch.setattr(MainWindow, "settle_on_unlock", True)

    load_fonts(QApplication.instance())  # type: ignore[arg-type]
    from PySide6.QtWidgets import QMessageBox

    main = MainWindow(settings=settings)
    # "Save your changes?" would wait for a person when the test closes the window;
    # tests about that question replace this answer.
    main.ask = lambda box: QMessageBox.StandardButton.Discard
    qtbot.addWidget(main)
    main.show()
    yield main
    main.lock()


def unlock_on_log(window, tmp_path: Path, rows: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    """``window`` unlocked on a new store (Asia/Yangon) holding ``rows`` imported."""
    from desktop_app.core.timeutil import zone
    from desktop_app.importers.spreadsheet import import_file
    from tests.conftest import write_log

    path = tmp_path / "gui.db"
    with create_store(path, PASSPHRASE, organisation="GUI test", timezone="Asia/Yangon") as store:
        import_file(store, write_log(tmp_path / "log.csv", rows), zone("Asia/Yangon"))
    window.ask_unlock(path)
    window.unlock(PASSPHRASE)
    assert not window.is_locked
    return window


@pytest.fixture
def unlocked(window, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window unlocked on a new store holding one imported log."""
    from tests.importers.test_spreadsheet import ROWS

    return unlock_on_log(window, tmp_path, ROWS)
