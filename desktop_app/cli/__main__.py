"""``python -m desktop_app.cli``: the same as ``caselog-cli``."""

from __future__ import annotations

import sys

from desktop_app.cli.program import main

if __name__ == "__main__":
    sys.exit(main())
