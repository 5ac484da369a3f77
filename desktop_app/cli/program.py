"""``caselog-cli``: the parser of every command, and ``main``. No logic here.

Exit statuses (CLI.md): 0 done, 1 failed, 2 bad input or usage, 3 locked,
4 verification failed. Errors are one line on stderr, never a traceback.

Each group of commands lives in its own module of this package and adds itself
with ``add_commands(subparsers)``; what they share is in ``cli.common``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from desktop_app.cli.common import PROG, Parser
from desktop_app.cli.version import version_line
from desktop_app.core.errors import AppError

# Who adds each command (module of this package, function), in the order of --help.
# Building every command's parser, and importing every module that adds one, cost a
# third of ``caselog-cli stats``'s time beyond its floor's (issue 15): a command line
# that names a command builds only its group. A test checks this table against the
# full parser.
ADDERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("stores", "add_init", ("init",)),
    ("imports", "add_commands", ("import",)),
    ("stats", "add_commands", ("stats",)),
    ("keys", "add_commands", ("key", "rekey")),
    ("cases", "add_commands", ("cases", "show")),
    ("corrections", "add_commands", ("edit", "retract", "restore", "purge-evidence")),
    ("stores", "add_commands", ("backup", "verify-custody")),
    ("export", "add_commands", ("export-xlsx", "export-pack", "verify-pack")),
    ("sharing", "add_commands", ("partner", "export-bundle", "import-bundle")),
    ("keys", "add_rotate_keys", ("rotate-keys",)),
)
# The options before the command that take a value (argparse also takes a prefix).
_VALUED = ("--db", "--passphrase-file")


def command_word(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, if it names one of :data:`ADDERS`' (else None)."""
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":
            index += 1
            break
        if not word.startswith("-") or word == "-":
            break
        if word == "-h" or (len(word) > 2 and "--help".startswith(word)):
            return None  # the whole program's help lists every command
        valued = word.startswith("--") and "=" not in word and len(word) > 2
        index += 2 if valued and any(o.startswith(word) for o in _VALUED) else 1
    if index >= len(argv):
        return None
    word = argv[index]
    return word if any(word in names for _, _, names in ADDERS) else None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``caselog-cli``; ``args.run(args)`` runs one command. With
    ``command``, only the group of commands that adds it (the same parse of a
    command line naming it), else every subcommand."""
    parser = Parser(prog=PROG, description="Caselog: evidence log and indicators.")
    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument("--db", metavar="PATH", help="the store (default: $CASELOG_DB)")
    parser.add_argument("--passphrase-file", metavar="FILE", help="first line is the passphrase")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True

    for module, adder, names in ADDERS:
        if command is None or command in names:
            add = getattr(importlib.import_module(f"desktop_app.cli.{module}"), adder)
            add(commands)
    return parser


# Commands whose modules log nothing: importing logging (with traceback and tokenize)
# cost them 10 ms, 3 % of stats' floor (issue 15). A warning from a library would
# still reach stderr, through logging's last-resort handler.
_UNLOGGED = frozenset({"stats"})


def _note_interrupts(seen: list[bool]) -> None:
    """Ctrl-C still raises KeyboardInterrupt, and ``seen`` remembers it came."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return  # (a test calling main from a thread): signals are the main thread's

    def interrupt(signum: int, frame: Any) -> None:
        seen.append(True)
        signal.default_int_handler(signum, frame)

    current = signal.getsignal(signal.SIGINT)
    if current is signal.default_int_handler or getattr(current, "caselog", False):
        interrupt.caselog = True  # type: ignore[attr-defined]
        signal.signal(signal.SIGINT, interrupt)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status (CLI.md)."""
    words = sys.argv[1:] if argv is None else list(argv)
    command = command_word(words)
    args = build_parser(command).parse_args(words)
    if command not in _UNLOGGED:
        import logging

        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    interrupted: list[bool] = []
    _note_interrupts(interrupted)
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
    except Exception as exc:
        # Ctrl-C inside one of our SQL functions (the search index's text) reaches
        # us as SQLite's "user-defined function raised exception": an interrupt all
        # the same, and the transaction it stopped was rolled back.
        if interrupted and "user-defined function raised exception" in str(exc):
            print(f"{PROG}: interrupted; nothing more was written", file=sys.stderr)
            return 1
        raise


__all__ = ["build_parser", "main"]
