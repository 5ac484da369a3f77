"""Export commands of caselog-cli (CLI.md): export-xlsx, export-pack, verify-pack.

Registered by ``desktop_app.cli.build_parser``; like the rest of the CLI they only
parse, call the core services in ``desktop_app.export`` and print. The export
modules are imported inside the commands so ``caselog-cli --help`` stays quick.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from desktop_app.cli import _indicator_params, _open, _progress_printer
    from desktop_app.export.workbook import write_workbook

    with _open(args) as store:
        params = _indicator_params(store, args)
        result = write_workbook(store, params, args.out, progress=_progress_printer(sys.stderr))
    print(f"Workbook written to {result.path} ({result.reports:,} reports).")
    print("The workbook is NOT encrypted: keep it as carefully as the store.")
    return 0


def cmd_export_pack(args: argparse.Namespace) -> int:
    from desktop_app.cli import _indicator_params, _open, _progress_printer
    from desktop_app.core.redaction import parse_redaction
    from desktop_app.export.pack import export_pack
    from desktop_app.export.redact import Redaction

    redaction = Redaction(parse_redaction(args.redact))
    with _open(args) as store:
        params = _indicator_params(store, args)
        result = export_pack(
            store, params, args.out, redaction=redaction, progress=_progress_printer(sys.stderr)
        )
    print(
        f"Evidence pack written to {result.path}: {result.cases:,} cases, "
        f"{result.reports:,} reports, {result.attachments:,} evidence files."
    )
    print(f"Removed (redacted): {', '.join(result.redacted) if result.redacted else 'nothing'}.")
    print(f"Signed with the key {result.fingerprint}.")
    print("The pack is NOT encrypted: anyone who gets the file can read every case in it.")
    return 0


def cmd_verify_pack(args: argparse.Namespace) -> int:
    from desktop_app.export.verify import PackVerificationError, verify_pack

    try:
        report = verify_pack(args.pack)
    except PackVerificationError as exc:
        for problem in exc.problems:
            print(f"  problem: {problem}", file=sys.stderr)
        raise
    print(f"{report.path}: intact. Every file matches the manifest and the signature is valid.")
    print(f"Pack:         {report.pack_id}")
    print(f"Made at:      {report.made_at} with Caselog {report.app_version}")
    print(f"Made by:      {report.organisation or '(no name set)'}")
    print(f"Key:          {report.fingerprint}")
    print(f"Holds:        {report.cases:,} cases in {report.files:,} files")
    print(f"Redacted:     {', '.join(report.redacted) if report.redacted else 'nothing'}")
    print(
        "Compare the key fingerprint with the one the organisation gave you: the signature "
        "only proves the pack is unchanged since that key signed it."
    )
    return 0


def add_commands(commands: Any) -> None:
    """Add the export subcommands to ``commands`` (argparse subparsers)."""
    from desktop_app.cli import _add_stats_filters

    xlsx = commands.add_parser("export-xlsx", help="the indicator workbook (EXCEL.md)")
    xlsx.add_argument("out", metavar="OUT.xlsx")
    _add_stats_filters(xlsx)
    xlsx.set_defaults(run=cmd_export_xlsx)

    pack = commands.add_parser("export-pack", help="a signed evidence pack (EVIDENCE_PACK.md)")
    pack.add_argument("out", metavar="OUT.zip")
    _add_stats_filters(pack)
    pack.add_argument(
        "--case", action="append", metavar="REF", help="only this case (repeat for more)"
    )
    pack.add_argument(
        "--redact",
        metavar="FIELDS",
        help="remove fields before writing: reporter,notes,researcher,response_text,author",
    )
    pack.set_defaults(run=cmd_export_pack)

    verify = commands.add_parser("verify-pack", help="check a pack; needs no store")
    verify.add_argument("pack", metavar="PACK.zip")
    verify.set_defaults(run=cmd_verify_pack)


__all__ = ["add_commands"]
