"""Benchmark (make bench): the download and the frozen app's start-up.

Reads the build in dist/ (``make package``); skips, saying so, when there is none.
Prints: the archive's size (target < 60 MB on Linux) and what takes the room, and
the time from starting the frozen window to its unlock screen (target < 3 s, warm
file cache), plus ``caselog-cli --version`` for comparison. Figures only, no timed
assertions.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tarfile
import time
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("CASELOG_DIST", ROOT / "dist"))
RUNS = int(os.environ.get("CASELOG_BENCH_STARTS", "5"))
# The smoke test waits this long after showing the window before it reports.
SMOKE_TIMER_S = 0.3
EXE = ".exe" if sys.platform == "win32" else ""


def _archive() -> Path | None:
    found = sorted(DIST.glob("caselog-*.tar.gz")) + sorted(DIST.glob("caselog-*.zip"))
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def _app() -> Path | None:
    app = DIST / "caselog"
    return app if (app / f"caselog{EXE}").exists() else None


def _group(name: str) -> str:
    parts = name.split("/")[1:]  # drop the top folder
    if parts[:1] == ["_internal"]:
        parts = parts[1:]
    if parts[:3] == ["PySide6", "Qt", "lib"] or parts[:3] == ["PySide6", "Qt", "plugins"]:
        return "/".join(parts[:4])
    if len(parts) == 1:
        return parts[0] if not parts[0].startswith("lib") else "(other shared libraries)"
    return parts[0]


def _shares(archive: Path) -> Counter[str]:
    """Approximate compressed bytes per part of the bundle (zlib level 6 per file)."""
    shares: Counter[str] = Counter()
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                shares[_group(info.filename)] += info.compress_size
        return shares
    with tarfile.open(archive) as tf:
        for member in tf:
            if member.isfile():
                handle = tf.extractfile(member)
                assert handle is not None
                shares[_group(member.name)] += len(zlib.compress(handle.read(), 6))
    return shares


def _start(cmd: list[str], marker: str | None) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proc.stdout is not None
    seen = None
    for line in proc.stdout:
        if marker is None or line.startswith(marker):
            seen = time.perf_counter() - started
            break
    proc.wait(timeout=60)
    if seen is None:
        pytest.fail(f"{cmd[0]} never printed {marker!r}")
    return seen


def test_archive_size() -> None:
    archive = _archive()
    if archive is None:
        pytest.skip(f"no archive in {DIST}: run `make package` first")
    size = archive.stat().st_size
    print(f"\narchive {archive.name}: {size / 1e6:.1f} MB (target < 60 MB on Linux)")
    app = _app()
    if app is not None:
        unpacked = sum(
            p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink()
        )
        print(f"unpacked {unpacked / 1e6:.1f} MB")
    shares = _shares(archive)
    total = sum(shares.values())
    print("largest parts (compressed, approximate):")
    for name, amount in shares.most_common(15):
        print(f"  {amount / 1e6:5.1f} MB  {100 * amount / total:4.1f}%  {name}")


def _evict(folder: Path) -> bool:
    """Drop the bundle's files from the page cache (Linux), so the next start reads
    them from disk as a first start does; nothing else is evicted, no root needed."""
    if not hasattr(os, "posix_fadvise"):
        return False
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return True


def test_startup_to_unlock_screen() -> None:
    app = _app()
    if app is None:
        pytest.skip(f"no built app in {DIST / 'caselog'}: run `make package` first")
    window = [str(app / f"caselog{EXE}"), "--smoke-test"]
    cli = [str(app / f"caselog-cli{EXE}"), "--version"]
    if sys.platform == "win32":
        pytest.skip("the windowed caselog.exe has no stdout to report on; time it by hand")
    cold = None
    if _evict(app):
        cold = _start(window, "unlock screen shown") - SMOKE_TIMER_S
    times = [_start(window, "unlock screen shown") - SMOKE_TIMER_S for _ in range(RUNS)]
    cli_times = [_start(cli, None) for _ in range(RUNS)]
    print(
        f"\nwindow start to unlock screen ({platform.system()}, offscreen, warm cache, "
        f"{RUNS} runs): first {times[0]:.2f} s, median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s (target < 3 s)"
    )
    if cold is not None:
        print(f"after evicting the bundle from the page cache (first start): {cold:.2f} s")
    print(
        f"caselog-cli --version: first {cli_times[0]:.2f} s, "
        f"median {statistics.median(cli_times):.2f} s"
    )
