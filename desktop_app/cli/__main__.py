"""``python -m desktop_app.cli``: the same as ``caselog-cli``."""

from __future__ import annotations

import sys

from desktop_app.cli.version import answer_version

if __name__ == "__main__":
    if answer_version(sys.argv[1:]):
        sys.exit(0)
    from desktop_app.cli.program import main

    sys.exit(main())
