"""The import command of caselog-cli (CLI.md, IMPORT_FORMAT.md)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.cli.common import open_store, progress_printer, store_zone


def cmd_import(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        tz = store_zone(store, args.tz)
        # The importer (SQLModel, openpyxl) only once the store is open: a wrong
        # passphrase or a missing store is told at once.
        from desktop_app.importers.spreadsheet import ImportProblems, import_file

        try:
            result = import_file(
                store,
                args.file,
                tz,
                sheet=args.sheet,
                skip_invalid=args.skip_invalid,
                rejects=args.rejects,
                progress=progress_printer(sys.stderr),
            )
        except ImportProblems as problems:
            for problem in problems.problems:
                print(str(problem), file=sys.stderr)
            raise
    retracted = (
        f" ({result.already_retracted} of them retracted, not brought back)"
        if result.already_retracted
        else ""
    )
    print(
        f"added {result.added}, already present {result.already_present}{retracted}, "
        f"rejected {result.rejected}"
    )
    if result.responses_added:
        print(
            f"{result.responses_added} platform response(s) added to reports already "
            "present, which had none of that kind yet"
        )
    if result.fields_not_taken:
        print(
            f"{result.fields_not_taken} row(s) give an author, text, category, language or "
            "posting time that a case already in the store has empty: not taken, as a "
            "correction may have emptied it; fill it in the case if it belongs there"
        )
    if result.posts_completed:
        print(
            f"{result.posts_completed} post(s) completed from later rows: their first row "
            "left the author, text, category, language or posting time empty"
        )
    if result.zawgyi_cells:
        print(
            f"{result.zawgyi_cells} text cell(s) were in Zawgyi: kept as typed, "
            "searched and exported as Unicode"
        )
    if result.unknown_columns:
        from desktop_app.importers.spreadsheet import likely_column

        # Kept, never dropped (IMPORT_FORMAT.md), but said: a misspelt header's
        # responses or authors would otherwise be missing from every figure unseen.
        named = []
        for name in result.unknown_columns:
            meant = likely_column(name)
            named.append(f"{name} (did you mean {meant}?)" if meant else name)
        print(
            f"columns kept in the reports' notes, not read as data: {', '.join(named)}",
            file=sys.stderr,
        )
    if result.rejects_path is not None:
        print(f"rejected rows written to {result.rejects_path}")
    return 0


def add_commands(commands: Any) -> None:
    """Add ``import`` to ``commands`` (argparse subparsers)."""
    imp = commands.add_parser("import", help="import a report-log spreadsheet")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--tz", metavar="ZONE")
    imp.add_argument("--sheet", metavar="NAME")
    imp.add_argument("--skip-invalid", action="store_true")
    imp.add_argument("--rejects", metavar="FILE")
    imp.set_defaults(run=cmd_import)


__all__ = ["add_commands", "cmd_import"]
