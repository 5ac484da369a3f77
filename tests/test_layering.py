"""Nothing below ui/ may load PySide6: the core must run (and be tested) without Qt."""

import subprocess
import sys

PACKAGES = [
    "desktop_app.core.normalise",
    "desktop_app.core.timeutil",
    "desktop_app.store.engine",
    "desktop_app.store.repository",
    "desktop_app.importers.spreadsheet",
    "desktop_app.indicators.compute",
    "desktop_app.indicators.labels",
    "desktop_app.export",
    "desktop_app.sharing",
    "desktop_app.cli",
    "desktop_app.paths",
]


def test_core_packages_load_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {PACKAGES!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"PySide6 loaded by the core: {out.stdout}"


def test_the_check_itself_sees_qt_when_it_is_loaded() -> None:
    code = "import PySide6.QtCore, sys; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
