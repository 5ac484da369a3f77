"""Frozen entry point of the command line (the `caselog-cli` program)."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
