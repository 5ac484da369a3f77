"""``caselog-cli``: parse arguments, call the core services, print. No logic here.

Exit statuses (CLI.md): 0 done, 1 failed, 2 bad input or usage, 3 locked,
4 verification failed. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from desktop_app import __version__
from desktop_app.core.errors import AppError, BadInputError, StoreLockedError
from desktop_app.core.timeutil import now_utc, parse_user_time, zone
from desktop_app.paths import default_store_path

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line naming the problem."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"caselog-cli: {message} (see caselog-cli --help)\n")


def _read_secret_file(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            first = handle.readline()
    except OSError as exc:
        raise StoreLockedError(f"cannot read {what} file {path}: {exc.strerror}") from None
    secret = first.rstrip("\r\n")
    if not secret:
        raise StoreLockedError(f"{what} file {path} is empty")
    return secret


def passphrase_from(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """--passphrase-file, else $CASELOG_PASSPHRASE, else a hidden prompt (CLI.md)."""
    if args.passphrase_file:
        return _read_secret_file(args.passphrase_file, "passphrase")
    env = os.environ.get("CASELOG_PASSPHRASE")
    if env:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("Store passphrase: ")
        if confirm and getpass.getpass("Type it again: ") != first:
            raise StoreLockedError("the two passphrases differ; nothing was created")
        if first:
            return first
    raise StoreLockedError(
        "no passphrase: give --passphrase-file FILE, set CASELOG_PASSPHRASE, "
        "or run in a terminal to type it"
    )


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_store_path()


def _progress_printer(stream: TextIO) -> Callable[[int, int, str], None] | None:
    if not stream.isatty():
        return None

    def show(done: int, total: int, what: str) -> None:
        share = f" {100 * done // total}%" if total else ""
        stream.write(f"\r{what}: {done:,}{share}   ")
        if total and done >= total:
            stream.write("\n")
        stream.flush()

    return show


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop_app.store.engine import open_store

    return open_store(_db_path(args), passphrase_from(args))


# --- commands ------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from desktop_app.store.engine import create_store

    path = _db_path(args)
    zone(args.tz)
    with create_store(
        path, passphrase_from(args, confirm=True), organisation=args.org or "", timezone=args.tz
    ):
        pass
    print(f"Created encrypted store {path} (time zone {args.tz}).")
    print("Keep the passphrase safe: a lost passphrase cannot be recovered.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desktop_app.importers.spreadsheet import ImportProblems, import_file
    from desktop_app.store.repository import get_organisation

    with _open(args) as store:
        if args.tz:
            tz = zone(args.tz)
        else:
            with store.session() as session:
                tz = zone(get_organisation(session).timezone)
        try:
            result = import_file(
                store,
                args.file,
                tz,
                sheet=args.sheet,
                skip_invalid=args.skip_invalid,
                rejects=args.rejects,
                progress=_progress_printer(sys.stderr),
            )
        except ImportProblems as problems:
            for problem in problems.problems:
                print(str(problem), file=sys.stderr)
            raise
    print(
        f"added {result.added}, already present {result.already_present}, "
        f"rejected {result.rejected}"
    )
    if result.rejects_path is not None:
        print(f"rejected rows written to {result.rejects_path}")
    return 0


def _indicator_params(store: Any, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop_app.indicators.compute import default_params
    from desktop_app.store.repository import get_organisation

    with store.session() as session:
        tz = zone(args.tz or get_organisation(session).timezone)
    if args.sla_hours is not None and args.sla_hours < 0:
        raise BadInputError("--sla-hours: must be zero or more")
    if args.repeat_threshold is not None and args.repeat_threshold < 1:
        raise BadInputError("--repeat-threshold: must be 1 or more")
    case_refs = tuple(getattr(args, "case", None) or ())
    date_from = parse_user_time(args.date_from, tz, "--from") if args.date_from else None
    date_to = parse_user_time(args.date_to, tz, "--to") if args.date_to else None
    if date_from and date_to and date_to <= date_from:
        raise BadInputError("--to: must be after --from")
    return default_params(
        store,
        tz=tz,
        as_of=parse_user_time(args.as_of, tz, "--as-of") if args.as_of else now_utc(),
        date_from=date_from,
        date_to=date_to,
        sla_hours=args.sla_hours,
        repeat_threshold=args.repeat_threshold,
        platform=args.platform.strip().lower() if args.platform else None,
        category=args.category.strip() if args.category else None,
        case_refs=case_refs,
    )


def cmd_stats(args: argparse.Namespace) -> int:
    from desktop_app.indicators.compute import compute_indicators
    from desktop_app.indicators.labels import format_indicators

    with _open(args) as store:
        result = compute_indicators(store, _indicator_params(store, args))
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_indicators(result))
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    from desktop_app.store.engine import rekey

    new = _read_secret_file(args.new_passphrase_file, "new passphrase")
    with _open(args) as store:
        rekey(store, new)
    print(f"{_db_path(args)} is now encrypted with the new passphrase.")
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    from desktop_app.sharing.cards import PartnerCard
    from desktop_app.store.keys import load_keys
    from desktop_app.store.repository import get_organisation

    with _open(args) as store, store.transaction() as session:
        keys = load_keys(session)
        org_name = get_organisation(session).name
    print(f"Organisation:            {org_name or '(no name set)'}")
    print(f"Signing key fingerprint: {keys.fingerprint}")
    print(f"Signing public key:      {keys.signing_public}")
    print(f"Age recipient:           {keys.age_recipient}")
    if args.export_card:
        card = PartnerCard(
            org_name or "Caselog organisation", keys.age_recipient, keys.signing_public
        )
        path = card.write(args.export_card)
        print(f"Partner card written to {path}; read the fingerprint to the partner to check it.")
    return 0


def _add_stats_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day (in --tz)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="day after the last (in --tz)")
    parser.add_argument("--tz", metavar="ZONE", help="IANA zone (default: the store's)")
    parser.add_argument("--as-of", metavar="TIME", help="'now' for ageing pending reports")
    parser.add_argument("--sla-hours", type=float, metavar="N")
    parser.add_argument("--repeat-threshold", type=int, metavar="N")
    parser.add_argument("--platform", metavar="NAME", help="only this platform")
    parser.add_argument("--category", metavar="NAME", help="only this category")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="caselog-cli", description="Caselog: evidence log and indicators.")
    parser.add_argument("--version", action="version", version=f"caselog-cli {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the store (default: $CASELOG_DB)")
    parser.add_argument("--passphrase-file", metavar="FILE", help="first line is the passphrase")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    init = commands.add_parser("init", help="create a new encrypted store")
    init.add_argument("--tz", default="UTC", metavar="ZONE")
    init.add_argument("--org", metavar="NAME")
    init.set_defaults(run=cmd_init)

    imp = commands.add_parser("import", help="import a report-log spreadsheet")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--tz", metavar="ZONE")
    imp.add_argument("--sheet", metavar="NAME")
    imp.add_argument("--skip-invalid", action="store_true")
    imp.add_argument("--rejects", metavar="FILE")
    imp.set_defaults(run=cmd_import)

    stats = commands.add_parser("stats", help="the indicators of INDICATORS.md")
    _add_stats_filters(stats)
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=cmd_stats)

    key = commands.add_parser("key", help="the organisation's key fingerprint and age recipient")
    key.add_argument("--export-card", metavar="FILE", help="write a partner card")
    key.set_defaults(run=cmd_key)

    rekey = commands.add_parser("rekey", help="change the store's passphrase")
    rekey.add_argument("--new-passphrase-file", required=True, metavar="FILE")
    rekey.set_defaults(run=cmd_rekey)

    from desktop_app import cli_export, cli_sharing

    cli_export.add_commands(commands)
    cli_sharing.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except AppError as exc:
        print(f"caselog-cli: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("caselog-cli: interrupted; nothing more was written", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"caselog-cli: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
