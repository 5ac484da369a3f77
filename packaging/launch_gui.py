"""Frozen entry point of the Caselog window (the `caselog` program)."""

import sys

from desktop_app.app import main

if __name__ == "__main__":
    sys.exit(main())
