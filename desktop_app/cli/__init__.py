"""``caselog-cli``, the command line of Caselog (CLI.md).

``main`` here is the console entry (``desktop_app.cli:main``); the parser and the
dispatch are in ``cli.program``, each group of commands has its own module
(``stores``, ``imports``, ``stats``, ``keys``, ``cases``, ``corrections``,
``export``, ``sharing``) and what they share is in ``cli.common``. ``python -m
desktop_app.cli`` runs ``main``. This module imports none of them until called,
so no submodule ever imports from the package itself (no cycle).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command of ``caselog-cli``; its exit status (CLI.md)."""
    from desktop_app.cli.version import answer_version

    args = sys.argv[1:] if argv is None else list(argv)
    if answer_version(args):
        return 0
    from desktop_app.cli.program import main as run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``caselog-cli`` with every subcommand."""
    from desktop_app.cli.program import build_parser as build

    return build()


__all__ = ["build_parser", "main"]
