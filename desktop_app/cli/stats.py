"""The stats command of caselog-cli (CLI.md, INDICATORS.md)."""

from __future__ import annotations

import argparse
import threading
from typing import Any

from desktop_app.cli.common import add_stats_filters, indicator_params, open_store, print_json


def _import_indicators(text: bool) -> None:
    """Import what computing (and, with ``text``, printing) the indicators needs. On
    failure the import is left to the caller, which then raises the error itself."""
    try:
        import desktop_app.indicators.compute  # noqa: F401

        if text:
            import desktop_app.indicators.labels  # noqa: F401
    except Exception:  # noqa: S110  (imported again, and so raised, by cmd_stats)
        pass


def cmd_stats(args: argparse.Namespace) -> int:
    # The indicators' modules are imported on a thread of their own while this one
    # waits for SQLCipher to derive the store's key, which it does without holding
    # the interpreter lock (sqlcipher3 lets go of it while a statement runs):
    # on two cores the imports take no time of their own (issue 15). The store's own
    # modules are imported first, here, so the two threads never import at once.
    import desktop_app.store.engine  # noqa: F401

    importing = threading.Thread(
        target=_import_indicators, args=(not args.json,), name="import", daemon=True
    )
    importing.start()
    with open_store(args) as store:
        importing.join()
        from desktop_app.indicators.compute import compute_indicators

        result = compute_indicators(store, indicator_params(store, args))
    if args.json:
        print_json(result.to_json())
    else:
        from desktop_app.indicators.labels import format_indicators

        print(format_indicators(result))
    return 0


def add_commands(commands: Any) -> None:
    """Add ``stats`` to ``commands`` (argparse subparsers)."""
    stats = commands.add_parser("stats", help="the indicators of INDICATORS.md")
    add_stats_filters(stats)
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=cmd_stats)


__all__ = ["add_commands", "cmd_stats"]
