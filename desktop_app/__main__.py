"""``python -m desktop_app``: the Caselog window."""

from __future__ import annotations

import sys


def main() -> int:
    from desktop_app.app import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
