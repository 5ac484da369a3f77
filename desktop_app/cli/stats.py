"""The stats command of caselog-cli (CLI.md, INDICATORS.md)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.common import add_stats_filters, indicator_params, open_store, print_json


def cmd_stats(args: argparse.Namespace) -> int:
    from desktop_app.indicators.compute import compute_indicators

    with open_store(args) as store:
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
