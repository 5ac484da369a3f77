"""Build the Caselog bundle and the archive that is handed out.

    python packaging/build.py [--dist DIR] [--work DIR]

Runs PyInstaller on packaging/caselog.spec, then packs the one-folder app as
``caselog-<version>-<os>-<arch>.tar.gz`` (Linux, macOS) or ``.zip`` (Windows) with a
``.sha256`` file beside it (``sha256sum -c`` / ``Get-FileHash`` format). Works the
same on every OS; only the Python standard library and PyInstaller are used.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "caselog.spec"

PORTABLE_README = """\
Caselog {version}

Run `caselog` (the window) or `caselog-cli` (the command line) from this folder.
Nothing needs installing; this folder holds everything, Python included.

Portable use (USB stick): create an empty file named `portable` in this folder,
next to the programs. Caselog then keeps its encrypted store and its settings in
the folder `CaselogData` here, instead of in your user profile, so they travel
with the stick. Without that file they live in your user profile.

Check the download before running it: compare its SHA-256 with the .sha256 file
published beside it (Linux: sha256sum -c FILE.sha256; Windows PowerShell:
Get-FileHash FILE.zip).
"""


def version() -> str:
    text = (ROOT / "desktop_app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("no __version__ in desktop_app/__init__.py")
    return found.group(1)


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    if system.startswith("linux"):
        system = "linux"
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def make_archive(folder: Path, archive: Path, top: str) -> None:
    """Pack ``folder`` as ``top/...`` in a .zip or .tar.gz, keeping executable bits
    and (in tar) symlinks, in a stable file order."""
    files = sorted(folder.rglob("*"))
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in files:
                zf.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
    else:
        # mtime of every member is the build time; gzip level 9 (smallest download).
        with tarfile.open(archive, "w:gz", compresslevel=9) as tf:
            tf.add(folder, arcname=top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app goes")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "packaging" / "build", help="PyInstaller's scratch"
    )
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    work: Path = args.work.resolve()

    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    built = time.monotonic() - started

    app = dist / "caselog"
    if sys.platform == "darwin" and (dist / "Caselog.app").is_dir():
        app = dist / "Caselog.app"
    (app.parent / "caselog" / "README.txt").write_text(
        PORTABLE_README.format(version=version()), encoding="utf-8", newline="\n"
    )
    name = f"caselog-{version()}-{platform_tag()}"
    archive = dist / (name + (".zip" if sys.platform == "win32" else ".tar.gz"))
    archive.unlink(missing_ok=True)
    if sys.platform == "darwin" and app.name == "Caselog.app":
        # Keep the .app whole (with its symlinks) and the plain folder's README beside it.
        staging = dist / name
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        shutil.copytree(app, staging / app.name, symlinks=True)
        shutil.copy2(dist / "caselog" / "README.txt", staging / "README.txt")
        make_archive(staging, archive, name)
        shutil.rmtree(staging)
    else:
        make_archive(app, archive, name)
    checksum = archive.with_name(archive.name + ".sha256")
    checksum.write_text(f"{sha256_of(archive)}  {archive.name}\n", encoding="utf-8", newline="\n")

    unpacked = sum(p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"built {app} in {built:.0f} s: {unpacked / 1e6:.1f} MB unpacked")
    print(f"archive {archive}: {archive.stat().st_size / 1e6:.1f} MB")
    print(f"checksum {checksum}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
