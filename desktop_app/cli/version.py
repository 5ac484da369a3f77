"""``caselog-cli --version``, answered before argparse and the commands are imported
(issue 15: under 2x ``python -c pass``). The line is the one argparse's version
action prints (``cli.program``), so both paths say the same."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def version_line() -> str:
    from desktop_app import __version__

    return f"caselog-cli {__version__}"


def answer_version(args: Sequence[str]) -> bool:
    """Print the version and say True when ``args`` asks for nothing else."""
    if list(args) != ["--version"]:
        return False
    sys.stdout.write(version_line() + "\n")
    return True


__all__ = ["answer_version", "version_line"]
