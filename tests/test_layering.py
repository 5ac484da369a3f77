"""The layers of ARCHITECTURE.md, checked over every module, not a chosen few.

core <- store <- services (importers, indicators, export, sharing) <- faces (ui,
cli). A module may import its own layer and the ones below, never above; and
nothing outside ``ui`` and ``app`` may load PySide6, so the core runs (and is
tested) without Qt. The modules are found by walking the package, so a new module
is checked without anyone adding it here.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import desktop_app

ROOT = Path(desktop_app.__file__).parent
LAYERS = {
    "core": 0,
    "paths": 0,
    "store": 1,
    "importers": 2,
    "indicators": 2,
    "export": 2,
    "sharing": 2,
    "demo": 2,
    "cli": 3,
    "ui": 3,
    "app": 3,
    "__main__": 3,
}
QT_FACES = ("ui", "app", "__main__")


def all_modules() -> list[str]:
    names = ["desktop_app"]
    for info in pkgutil.walk_packages([str(ROOT)], prefix="desktop_app."):
        names.append(info.name)
    return sorted(names)


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _layer(module: str) -> int:
    part = _part(module)
    if part == "":
        return 0
    assert part in LAYERS, f"{module}: which layer is {part!r} in? add it to LAYERS"
    return LAYERS[part]


def _source(module: str) -> Path:
    relative = Path(*module.split(".")[1:])
    package = ROOT / relative / "__init__.py"
    return package if package.exists() else (ROOT / relative).with_suffix(".py")


def _imports(module: str) -> set[str]:
    """Every desktop_app module named by an import anywhere in ``module`` (lazy
    imports inside functions included)."""
    path = _source(module)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("desktop_app")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.startswith("desktop_app"):
                found.add(target)
                found |= {f"{target}.{a.name}" for a in node.names}
    return {name for name in found if _known(name)}


def _known(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (ROOT / relative).with_suffix(".py").exists() or (ROOT / relative).is_dir()


def test_the_walk_sees_every_module() -> None:
    modules = all_modules()
    # Migration scripts are loaded by Alembic from their files, not imported.
    files = {
        p
        for p in ROOT.rglob("*.py")
        if "__pycache__" not in p.parts and "migrations" not in p.parts
    }
    assert {_source(m) for m in modules} == files
    for expected in (
        "desktop_app.export.workbook",
        "desktop_app.store.cases",
        "desktop_app.store.backup",
        "desktop_app.indicators.dashboard",
        "desktop_app.indicators.offenders",
        "desktop_app.demo",
    ):
        assert expected in modules


def test_every_import_points_down_or_sideways() -> None:
    wrong = []
    for module in all_modules():
        for target in sorted(_imports(module)):
            if _layer(target) > _layer(module):
                wrong.append(f"{module} imports {target}")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_nothing_below_the_window_loads_qt() -> None:
    names = [m for m in all_modules() if _part(m) not in QT_FACES]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"PySide6 loaded below the window: {out.stdout}"


def test_the_checks_themselves_see_what_they_look_for(tmp_path: Path) -> None:
    code = "import PySide6.QtCore, sys; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
    assert _layer("desktop_app.ui.main_window") > _layer("desktop_app.store.engine")
    assert "desktop_app.store.selection" in _imports("desktop_app.indicators.compute")
