"""Issue 15: ``caselog-cli stats`` and ``--version`` load only what they need.

Each check runs the real program in a fresh interpreter under ``python -X
importtime``, which names every module the process imported, and fails if SQLAlchemy,
SQLModel, pydantic or Alembic is among them (they cost more than the indicators'
whole computation on 100,000 reports), or, for ``--version``, anything beyond the
answer itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store.engine import create_store
from tests.conftest import PASSPHRASE, write_log
from tests.indicators.test_compute import WORKED

HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "pydantic_core", "alembic", "PySide6")


def imported_modules(
    *args: str, python: tuple[str, ...] = ("-m", "desktop_app.cli")
) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """Run ``python -X importtime -m desktop_app.cli ARGS``; the modules it imported."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASELOG_")}
    env["CASELOG_PASSPHRASE"] = PASSPHRASE
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *python, *args],
        capture_output=True,
        text=True,
        env=env,
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "sys" in modules or "encodings" in modules, "importtime printed nothing"
    return modules, done


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


@pytest.fixture
def worked_store(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with create_store(path, PASSPHRASE) as store:
        import_file(store, write_log(tmp_path / "w.csv", WORKED), zone("UTC"))
    return path


@pytest.mark.parametrize("form", [["--json"], []])
def test_stats_imports_no_sqlalchemy_sqlmodel_or_pydantic(worked_store: Path, form) -> None:  # type: ignore[no-untyped-def]
    modules, done = imported_modules(
        "--db", str(worked_store), "stats", "--as-of", "2024-03-10", *form
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert _heavy(modules) == []
    assert "logging" not in modules  # 10 ms with traceback and tokenize; stats logs nothing
    if form:
        data = json.loads(done.stdout)
        assert data["reports_total"] == 5 and data["duplicate_clusters"] == 1
    else:
        assert "Reports made to the platforms" in done.stdout


def test_stats_with_every_filter_stays_light(worked_store: Path) -> None:
    modules, done = imported_modules(
        "--db",
        str(worked_store),
        "stats",
        "--json",
        "--tz",
        "Asia/Yangon",
        "--from",
        "2024-01-01",
        "--to",
        "2024-03-01",
        "--platform",
        "Facebook",
        "--category",
        "hate_speech",
        "--sla-hours",
        "72",
        "--repeat-threshold",
        "2",
        "--as-of",
        "2024-03-10",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert _heavy(modules) == []
    data = json.loads(done.stdout)
    assert data["platform"] == "facebook" and data["reports_total"] == 3


def test_version_answers_before_the_commands_are_imported() -> None:
    from desktop_app import __version__

    modules, done = imported_modules("--version")
    assert done.returncode == 0 and done.stdout == f"caselog-cli {__version__}\n"
    assert "argparse" not in modules
    ours = {m for m in modules if m.startswith("desktop_app.")}
    assert ours <= {"desktop_app.cli", "desktop_app.cli.version", "desktop_app.cli.__main__"}


def test_the_check_sees_a_heavy_import() -> None:
    """The same reading finds SQLModel where it is imported, however deep (the tests
    above cannot pass by reading nothing)."""
    modules, done = imported_modules(python=("-c", "import desktop_app.store.models"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert {"sqlmodel", "sqlalchemy", "pydantic"} <= set(_heavy(modules))


def test_verify_pack_loads_nothing_a_pack_is_made_with() -> None:
    """A partner checking a pack offline needs no store, no SQLAlchemy, no PDF or
    workbook writer: verify-pack reads the pack and checks its signature."""
    pack = Path(__file__).parents[1] / "export" / "fixtures" / "format1_fa99daf.zip"
    modules, done = imported_modules("verify-pack", str(pack))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "intact" in done.stdout
    assert "desktop_app.export.verify" in modules
    made_with = ("fpdf", "openpyxl", "desktop_app.export.pack", "desktop_app.store.engine")
    assert _heavy(modules) == []
    assert sorted(m for m in modules if m.startswith(made_with)) == []
