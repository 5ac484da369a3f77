"""Portable mode: with a ``portable`` file beside the frozen executable, the store and
the window's settings live in ``CaselogData`` beside it (a USB stick), not in the
user profile. Frozen is simulated (sys.frozen, sys.executable); the Qt part runs in
a child process because QSettings' default paths are process-wide."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app import paths


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "usb" / "caselog"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "caselog"))
    monkeypatch.delenv("CASELOG_DB", raising=False)
    return folder


def test_without_marker_the_store_stays_in_the_user_profile(stick: Path) -> None:
    assert not paths.is_portable()
    assert stick not in paths.default_store_path().parents
    assert paths.portable_settings_dir() is None


def test_with_marker_store_and_settings_go_beside_the_executable(stick: Path) -> None:
    (stick / "portable").touch()
    assert paths.is_portable()
    assert paths.default_store_path() == stick / "CaselogData" / "caselog.db"
    assert paths.portable_settings_dir() == stick / "CaselogData"


def test_marker_is_ignored_when_not_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    assert not paths.is_portable()


WINDOW_SETTINGS = textwrap.dedent(
    """
    import sys
    sys.frozen = True
    sys.executable = sys.argv[1]
    from PySide6.QtCore import QSettings
    from desktop_app.app import create_app
    app = create_app(["caselog", "-platform", "offscreen"])
    settings = QSettings()
    settings.setValue("window/probe", "kept")
    settings.sync()
    print(settings.fileName())
    """
)


def _settings_file(executable: Path, home: Path) -> Path:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_SETTINGS, str(executable)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip().splitlines()[-1])


def test_portable_window_settings_are_written_beside_the_executable(tmp_path: Path) -> None:
    folder = tmp_path / "usb" / "caselog"
    folder.mkdir(parents=True)
    (folder / "portable").touch()
    written = _settings_file(folder / "caselog", tmp_path / "home")
    assert written.is_file()
    assert folder / "CaselogData" in written.parents
    assert "window/probe" in written.read_text() or "probe=kept" in written.read_text()
    assert not (tmp_path / "home" / ".config" / "Caselog").exists()


def test_installed_window_settings_stay_in_the_user_profile(tmp_path: Path) -> None:
    folder = tmp_path / "installed" / "caselog"
    folder.mkdir(parents=True)
    written = _settings_file(folder / "caselog", tmp_path / "home")
    assert folder not in written.parents
    assert not (folder / "CaselogData").exists()
