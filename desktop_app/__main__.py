"""``python -m desktop_app``: the Caselog window."""

from __future__ import annotations

import sys


def main() -> int:
    print("Caselog: the window is not built yet; use caselog-cli (see README.md).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
