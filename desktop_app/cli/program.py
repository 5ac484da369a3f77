"""``caselog-cli``: the parser of every command, and ``main``. No logic here.

Exit statuses (CLI.md): 0 done, 1 failed, 2 bad input or usage, 3 locked,
4 verification failed. Errors are one line on stderr, never a traceback.

Each group of commands lives in its own module of this package and adds itself
with ``add_commands(subparsers)``; what they share is in ``cli.common``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import desktop_app.cli.cases as cases
import desktop_app.cli.corrections as corrections
import desktop_app.cli.export as export
import desktop_app.cli.imports as imports
import desktop_app.cli.keys as keys
import desktop_app.cli.sharing as sharing
import desktop_app.cli.stats as stats
import desktop_app.cli.stores as stores
from desktop_app.cli.common import PROG, Parser
from desktop_app.cli.version import version_line
from desktop_app.core.errors import AppError


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``caselog-cli`` with every subcommand; ``args.run(args)`` runs one."""
    parser = Parser(prog=PROG, description="Caselog: evidence log and indicators.")
    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument("--db", metavar="PATH", help="the store (default: $CASELOG_DB)")
    parser.add_argument("--passphrase-file", metavar="FILE", help="first line is the passphrase")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True

    stores.add_init(commands)
    imports.add_commands(commands)
    stats.add_commands(commands)
    keys.add_commands(commands)
    cases.add_commands(commands)
    corrections.add_commands(commands)
    stores.add_commands(commands)
    export.add_commands(commands)
    sharing.add_commands(commands)
    keys.add_rotate_keys(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status (CLI.md)."""
    args = build_parser().parse_args(argv)
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.run(args))
    except AppError as exc:
        print(f"{PROG}: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing more was written", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"{PROG}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1


__all__ = ["build_parser", "main"]
