"""Export commands of caselog-cli (CLI.md): export-xlsx, export-pack, verify-pack.

Registered by ``desktop_app.cli.build_parser``; like the rest of the CLI they only
parse, call the core services in ``desktop_app.export`` and print.
"""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(commands: Any) -> None:
    """Add the export subcommands to ``commands`` (argparse subparsers)."""
    del commands  # filled in with the export services (issue 4)


__all__ = ["add_commands", "argparse"]
