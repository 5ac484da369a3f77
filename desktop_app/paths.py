"""Where Caselog keeps its files, and where its bundled resources are.

Installed: the platform's user data folder (platformdirs). Portable (a file named
``portable`` beside the executable): a ``CaselogData`` folder beside it, so the
store and the window's settings travel on the USB stick. Resources are found whether frozen or not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Caselog"
PORTABLE_MARKER = "portable"


def install_dir() -> Path:
    """Folder of the executable when frozen, else the project checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def is_portable() -> bool:
    return getattr(sys, "frozen", False) and (install_dir() / PORTABLE_MARKER).exists()


def data_dir() -> Path:
    if is_portable():
        return install_dir() / "CaselogData"
    # Imported here: platformdirs costs ~9 ms before the unlock page, and only the
    # installed data folder needs it (the window asks for it after the first paint).
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def portable_settings_dir() -> Path | None:
    """Where the window keeps its settings (an INI file) in portable mode, else None:
    installed, Qt's usual place (registry, ~/.config, ~/Library/Preferences) is used."""
    return data_dir() if is_portable() else None


def default_store_path() -> Path:
    """``--db``, else ``$CASELOG_DB``, else caselog.db in the data folder (CLI.md)."""
    env = os.environ.get("CASELOG_DB")
    if env:
        return Path(env)
    return data_dir() / "caselog.db"


def resource_path(*parts: str) -> Path:
    """A file under resources/, inside the frozen bundle or the checkout."""
    base = Path(getattr(sys, "_MEIPASS", install_dir()))
    return base.joinpath("resources", *parts)
