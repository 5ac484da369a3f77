"""What a command imports before its first output (``python -X importtime``).

    python -m tests.perf.importtime [--top N] -- <python args...>

runs ``python -X importtime <python args...>``, then prints the cumulative import
time of each third-party top-level package, and for the heavy ones (SQLAlchemy,
SQLModel, pydantic, Alembic, openpyxl, PySide6, ...) the chain of modules through
which it was first imported, e.g. ``desktop_app.cli -> desktop_app.store.engine ->
sqlalchemy``. Used for docs/PERFORMANCE.md; not a test.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

HEAVY = (
    "sqlalchemy",
    "sqlmodel",
    "pydantic",
    "pydantic_core",
    "alembic",
    "openpyxl",
    "PySide6",
    "shiboken6",
    "pyrage",
    "nacl",
    "cryptography",
    "PIL",
    "reportlab",
    "fpdf",
    "sqlcipher3",
    "typing_extensions",
    "annotated_types",
    "mako",
    "greenlet",
    "asyncio",
    "concurrent",
    "ssl",
    "email",
    "platformdirs",
)


@dataclass
class Line:
    self_us: int
    cumulative_us: int
    depth: int
    name: str
    parent: int | None = None


def parse(stderr: str) -> list[Line]:
    lines: list[Line] = []
    for raw in stderr.splitlines():
        if not raw.startswith("import time:") or "self [us]" in raw:
            continue
        fields = raw[len("import time:") :].split("|")
        label = fields[2].rstrip()
        stripped = label.lstrip(" ")
        depth = (len(label) - len(stripped) - 1) // 2
        lines.append(Line(int(fields[0]), int(fields[1]), depth, stripped))
    # A module's line comes after those of the modules it imported: the parent of a
    # line at depth d is the next line at depth d - 1.
    for index, line in enumerate(lines):
        for later in range(index + 1, len(lines)):
            if lines[later].depth == line.depth - 1:
                line.parent = later
                break
            if lines[later].depth < line.depth - 1:
                break
    return lines


def chain(lines: list[Line], index: int) -> list[str]:
    names = [lines[index].name]
    at = lines[index].parent
    while at is not None:
        names.append(lines[at].name)
        at = lines[at].parent
    return list(reversed(names))


def main(argv: list[str]) -> int:
    top = 15
    if argv[:1] == ["--top"]:
        top, argv = int(argv[1]), argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv], capture_output=True, text=True
    )
    lines = parse(done.stderr)
    total = sum(line.self_us for line in lines)
    print(f"$ python -X importtime {' '.join(argv)}  (exit {done.returncode})")
    print(f"modules imported: {len(lines)}; import time in all: {total / 1e6:.3f} s")
    packages: dict[str, int] = {}
    first: dict[str, int] = {}
    for index, line in enumerate(lines):
        package = line.name.split(".")[0]
        packages[package] = packages.get(package, 0) + line.self_us
        if package not in first:
            first[package] = index
    print(f"top {top} top-level packages by own import time (self time summed):")
    for package, us in sorted(packages.items(), key=lambda item: -item[1])[:top]:
        print(f"  {us / 1e3:8.1f} ms  {package}")
    print("first import chain of the heavy packages:")
    for package in HEAVY:
        if package in first:
            # The outermost module of the package on that chain.
            names = chain(lines, first[package])
            outer = [n for n in names if n.split(".")[0] != package]
            shown = outer + [next(n for n in names if n.split(".")[0] == package)]
            print(f"  {packages[package] / 1e3:8.1f} ms  {package}: {' -> '.join(shown)}")
    ours = sorted(
        (line for line in lines if line.name.startswith("desktop_app")), key=lambda x: -x.self_us
    )
    print(f"top {top} desktop_app modules by own import time:")
    for line in ours[:top]:
        print(f"  {line.self_us / 1e3:8.1f} ms  {line.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
