"""Export tests keep the app's scratch folder inside the test's own tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    scratch = tmp_path / "app-scratch"
    monkeypatch.setenv("CASELOG_SCRATCH", str(scratch))
    return scratch
