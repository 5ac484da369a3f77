"""Partner and bundle commands of caselog-cli (CLI.md): partner add/list/remove,
export-bundle, import-bundle.

Registered by ``desktop_app.cli.build_parser``; they only parse, call the core
services in ``desktop_app.sharing`` and print.
"""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(commands: Any) -> None:
    """Add the partner and bundle subcommands to ``commands`` (argparse subparsers)."""
    del commands  # filled in with the sharing services (issue 5)


__all__ = ["add_commands", "argparse"]
