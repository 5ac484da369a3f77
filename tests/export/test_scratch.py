"""A killed export leaves nothing readable: not beside the target, not in $TMPDIR, and
what the app's own scratch folder holds is removed at the next start."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.export.output import clean_leftovers, write_private
from desktop_app.export.pack import export_pack
from desktop_app.export.workbook import write_workbook
from tests.conftest import PASSPHRASE
from tests.export import sample

REPO = Path(__file__).resolve().parents[2]
CHILD = """
import os, sys, time
from desktop_app.store.engine import open_store
from desktop_app.export.pack import export_pack
from desktop_app.export.workbook import write_workbook
from tests.export import sample

kind, db, out = sys.argv[1:4]
store = open_store(db, os.environ["CASELOG_PASSPHRASE"])

def tick():
    print("tick", flush=True)
    time.sleep(0.01)
    return False

run = export_pack if kind == "pack" else write_workbook
run(store, sample.params(), out, cancelled=tick, progress=lambda *_: tick())
print("done", flush=True)
"""


@pytest.fixture
def filled(store, tmp_path: Path) -> sample.Sample:  # type: ignore[no-untyped-def]
    return sample.fill(store, tmp_path, generated=60)


def _child(kind: str, db: Path, out: Path, env: dict[str, str], kill_at: int | None) -> int:
    """Run an export in a real process; kill -9 it at the ``kill_at``-th cancel check.
    Returns the number of checks seen."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, str(db), str(out)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    ticks = 0
    for line in proc.stdout:
        if line.startswith("tick"):
            ticks += 1
            if kill_at is not None and ticks >= kill_at:
                os.kill(proc.pid, signal.SIGKILL)
                break
        elif line.startswith("done"):
            break
    proc.wait(timeout=120)
    if kill_at is not None:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 0
    return ticks


@pytest.mark.parametrize("kind", ["pack", "xlsx"])
def test_kill_9_mid_export_leaves_nothing_readable(
    kind, store, filled, store_path, tmp_path: Path, _own_scratch: Path
) -> None:  # type: ignore[no-untyped-def]
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()
    outdir = tmp_path / "out"
    outdir.mkdir()
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(REPO),
        "CASELOG_PASSPHRASE": PASSPHRASE,
        "TMPDIR": str(tmpdir),
        "CASELOG_SCRATCH": str(_own_scratch),
        "HOME": str(tmp_path / "home"),
    }
    suffix = ".zip" if kind == "pack" else ".xlsx"
    total = _child(kind, store_path, outdir / f"whole{suffix}", env, None)
    whole = outdir / f"whole{suffix}"
    assert whole.is_file() and stat.S_IMODE(whole.stat().st_mode) == 0o600
    whole.unlink()
    assert total >= (20 if kind == "pack" else 3)
    for kill_at in sorted({1, total // 3, total // 2, total - 1} - {0}):
        target = outdir / f"killed{suffix}"
        _child(kind, store_path, target, env, kill_at)
        assert list(outdir.iterdir()) == [], (kill_at, list(outdir.iterdir()))
        assert list(tmpdir.rglob("*")) == [], (kill_at, list(tmpdir.rglob("*")))
        clean_leftovers(outdir)  # what the app and the CLI call at start
        assert list(_own_scratch.iterdir()) == [], kill_at


def test_clean_leftovers_removes_only_what_an_export_left(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    keep = [folder / "pack.zip", folder / ".hidden", folder / "notes.partial"]
    for path in keep:
        path.write_text("keep")
    partial = folder / ".pack.zip.0123abcd.partial"
    partial.write_text("half a pack")
    assert clean_leftovers(folder) == [partial]
    assert sorted(folder.iterdir()) == sorted(keep)
    write_private(folder / "new.zip", b"data")
    assert stat.S_IMODE((folder / "new.zip").stat().st_mode) == 0o600


def test_outputs_are_owner_only(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    os.umask(0o022)
    pack = export_pack(store, sample.params(), tmp_path / "p.zip").path
    book = write_workbook(store, sample.params(), tmp_path / "w.xlsx").path
    for path in (pack, book):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_the_next_export_removes_what_a_killed_one_left(
    store, filled, tmp_path: Path, _own_scratch: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "exports"
    folder.mkdir()
    left = folder / ".pack.zip.0123abcd.partial"
    left.write_text("every case.json of a killed export")
    _own_scratch.mkdir(exist_ok=True)
    dead = _own_scratch / "999999999-0123456789ab.xml"  # a pid that cannot run
    dead.write_text("a sheet of a killed export")
    export_pack(store, sample.params(), folder / "pack.zip")
    assert not left.exists() and not dead.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["pack.zip"]
