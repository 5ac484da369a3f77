"""Export commands of caselog-cli (CLI.md): export-xlsx, export-pack, verify-pack.

Registered by ``desktop_app.cli.program.build_parser``; like the rest of the CLI they only
parse, call the core services in ``desktop_app.export`` and print. The export
modules are imported inside the commands so ``caselog-cli --help`` stays quick.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.cli.common import add_stats_filters, indicator_params, open_store, progress_printer


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        params = indicator_params(store, args)
        # openpyxl and the exporter once the store is open and the options are good.
        from desktop_app.export.workbook import write_workbook

        result = write_workbook(
            store, params, args.out, progress=progress_printer(sys.stderr), lang=args.lang
        )
    print(f"Workbook written to {result.path} ({result.reports:,} reports).")
    print("The workbook is NOT encrypted: keep it as carefully as the store.")
    return 0


def cmd_export_pack(args: argparse.Namespace) -> int:
    from desktop_app.core.redaction import parse_redaction
    from desktop_app.export.pack import export_pack
    from desktop_app.export.redact import Redaction

    redaction = Redaction(parse_redaction(args.redact))
    with open_store(args) as store:
        params = indicator_params(store, args)
        result = export_pack(
            store,
            params,
            args.out,
            redaction=redaction,
            progress=progress_printer(sys.stderr),
            lang=args.lang,
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
    from desktop_app.export.verify import (
        OLDER_FORMAT,
        PackVerificationError,
        known_signers_of,
        normal_fingerprint,
        verify_pack,
    )

    expected = normal_fingerprint(args.expect_fingerprint) if args.expect_fingerprint else None
    known = None
    if args.db:  # only an explicit --db: verify-pack needs no store
        with open_store(args) as store:
            known = known_signers_of(store)
    try:
        report = verify_pack(args.pack, expect_fingerprint=expected, known_signers=known)
    except PackVerificationError as exc:
        for problem in exc.problems:
            print(f"  problem: {problem}", file=sys.stderr)
        if exc.fingerprint:
            who = _known(exc.known_as, known, expected, exc.fingerprint)
            print(f"  signed by: {exc.fingerprint} ({who})", file=sys.stderr)
        if exc.older:
            print("  format: 1, older: its custody chain cannot be checked", file=sys.stderr)
        raise
    print(f"{report.path}: intact. Every file matches the manifest and the signature is valid.")
    if not report.custody_checked:
        print("This is an OLDER pack (format 1): its custody chain cannot be checked.")
    print(f"Pack:         {report.pack_id}")
    print(f"Made at:      {report.made_at} with Caselog {report.app_version}")
    print(f"Made by:      {report.organisation or '(no name set)'} (as the pack says)")
    print(f"Signed by:    {report.fingerprint}")
    print(f"Signer:       {_known(report.known_as, known, expected, report.fingerprint)}")
    print(f"Holds:        {report.cases:,} cases in {report.files:,} files")
    if report.custody_checked:
        print(
            f"Custody:      {report.custody_events:,} events checked in full, "
            f"{report.custody_linked_only:,} by their links only (redacted or of other cases)"
        )
    else:
        print(f"Format:       {OLDER_FORMAT}.")
        print("Custody:      NOT CHECKED (older format)")
    print(f"Redacted:     {', '.join(report.redacted) if report.redacted else 'nothing'}")
    if report.unsearched:
        print(f"Too large to search for shown fingerprints: {', '.join(report.unsearched)}")
    if expected is None and known is None:
        print(
            "Compare the signer's fingerprint with one you got another way (a call you place, "
            "the organisation's website), never with one printed in the pack; or run again "
            "with --expect-fingerprint FP or --db STORE."
        )
    return 0


def _known(known_as: str | None, known: object, expected: str | None, fingerprint: str) -> str:
    if expected is not None and fingerprint == expected:
        return "the expected key"
    if known is not None:
        return (
            f"known: {known_as}" if known_as else "UNKNOWN (not this store's key nor a partner's)"
        )
    if expected is not None:
        return "NOT the expected key"
    return "not checked against any known key"


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("en", "my"),
        default="en",
        help="language of the labels, PDF and HTML: en (English, default) or my (Burmese)",
    )


def add_commands(commands: Any) -> None:
    """Add the export subcommands to ``commands`` (argparse subparsers)."""
    xlsx = commands.add_parser("export-xlsx", help="the indicator workbook (EXCEL.md)")
    xlsx.add_argument("out", metavar="OUT.xlsx")
    add_stats_filters(xlsx)
    _add_lang(xlsx)
    xlsx.set_defaults(run=cmd_export_xlsx)

    pack = commands.add_parser("export-pack", help="a signed evidence pack (EVIDENCE_PACK.md)")
    pack.add_argument("out", metavar="OUT.zip")
    add_stats_filters(pack)
    pack.add_argument(
        "--case", action="append", metavar="REF", help="only this case (repeat for more)"
    )
    pack.add_argument(
        "--redact",
        metavar="FIELDS",
        help="remove fields before writing: reporter,notes,researcher,response_text,author",
    )
    _add_lang(pack)
    pack.set_defaults(run=cmd_export_pack)

    verify = commands.add_parser(
        "verify-pack", help="check a pack (ZIP or unpacked folder); needs no store"
    )
    verify.add_argument("pack", metavar="PACK", help="the .zip file or its unpacked folder")
    verify.add_argument(
        "--expect-fingerprint",
        metavar="FP",
        help="fail unless the pack was signed by the key with this fingerprint",
    )
    verify.set_defaults(run=cmd_verify_pack)


__all__ = ["add_commands", "cmd_export_pack", "cmd_export_xlsx", "cmd_verify_pack"]
