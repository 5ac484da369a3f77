"""A window script run in a fresh interpreter (what a start-up test measures must not
be already imported by pytest): offscreen, its own scratch folder and settings file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import PASSPHRASE


def run_window_script(script: str, db: Path, tmp_path: Path, modules: list[str]) -> Any:
    """Run ``script`` with argv ``db, PASSPHRASE, settings file, modules as JSON``; the
    JSON its last line printed."""
    env = {
        **os.environ,
        "CASELOG_SCRATCH": str(tmp_path / "scratch"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(db),
            PASSPHRASE,
            str(tmp_path / "w.ini"),
            json.dumps(modules),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
