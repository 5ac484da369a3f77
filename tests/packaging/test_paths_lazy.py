"""``desktop_app.paths`` loads platformdirs only when the installed data folder is
asked for (issue 15: ~9 ms before the unlock page), and that folder is unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import sys
import desktop_app.paths as paths
import desktop_app.app
before = "platformdirs" in sys.modules
portable = paths.portable_settings_dir()
still = "platformdirs" in sys.modules
folder = paths.data_dir()
from platformdirs import user_data_path
print(before, still, portable, folder == user_data_path("Caselog", appauthor=False))
"""


def test_platformdirs_is_loaded_only_for_the_data_folder() -> None:
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(root)},
    ).stdout.split()
    assert out == ["False", "False", "None", "True"]
