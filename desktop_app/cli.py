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


def _new_passphrase(text: str, what: str) -> str:
    """The window's rule for a new passphrase (core.passphrase), with exit 2."""
    from desktop_app.core.passphrase import passphrase_problem

    problem = passphrase_problem(text)
    if problem:
        raise BadInputError(f"{what}: {problem}; nothing was changed")
    return text


def cmd_init(args: argparse.Namespace) -> int:
    from desktop_app.core.errors import StoreExistsError
    from desktop_app.store.engine import create_store

    path = _db_path(args)
    zone(args.tz)
    if path.exists():
        raise StoreExistsError(f"{path} already exists: choose another path or open it")
    passphrase = _new_passphrase(passphrase_from(args, confirm=True), "passphrase")
    with create_store(path, passphrase, organisation=args.org or "", timezone=args.tz):
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
    retracted = (
        f" ({result.already_retracted} of them retracted, not brought back)"
        if result.already_retracted
        else ""
    )
    print(
        f"added {result.added}, already present {result.already_present}{retracted}, "
        f"rejected {result.rejected}"
    )
    if result.rejects_path is not None:
        print(f"rejected rows written to {result.rejects_path}")
    return 0


def _user_time(text: str | None, tz: Any, what: str, *, period_end: bool = False) -> Any:
    """A typed date or time, inside the range every time in Caselog keeps to
    (core.timeutil): one line naming the option otherwise, never a traceback. The
    end of a period may lie ahead (a month not yet over), up to a year."""
    from datetime import timedelta

    from desktop_app.core.timeutil import check_time_in_range

    if not text:
        return None
    try:
        value = parse_user_time(text, tz, what)
    except OverflowError:
        raise BadInputError(f"{what}: {text!r} is too far from today") from None
    if period_end and value > now_utc():
        if value - timedelta(days=366) > now_utc():
            raise BadInputError(
                f"{what}: {value.date().isoformat()} is more than a year past this computer's "
                "clock; give the day after the last day of the period"
            )
        return value
    return check_time_in_range(value, what)


def _indicator_params(store: Any, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop_app.indicators.compute import default_params
    from desktop_app.store.repository import get_organisation

    with store.session() as session:
        tz = zone(args.tz or get_organisation(session).timezone)
    if args.sla_hours is not None and not args.sla_hours > 0:
        raise BadInputError("--sla-hours: must be more than 0")
    if args.repeat_threshold is not None and args.repeat_threshold < 1:
        raise BadInputError("--repeat-threshold: must be 1 or more")
    case_refs = tuple(getattr(args, "case", None) or ())
    date_from = _user_time(args.date_from, tz, "--from")
    date_to = _user_time(args.date_to, tz, "--to", period_end=True)
    if date_from and date_to and date_to <= date_from:
        raise BadInputError("--to: must be after --from")
    return default_params(
        store,
        tz=tz,
        as_of=_user_time(args.as_of, tz, "--as-of") or now_utc(),
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
    _new_passphrase(new, "--new-passphrase-file")
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


def _print_json(doc: Any) -> None:
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_cases(args: argparse.Namespace) -> int:
    from desktop_app.store.case_view import retracted_cases
    from desktop_app.store.cases import PENDING, CaseFilter, CaseList
    from desktop_app.store.repository import get_organisation

    platform = args.platform.strip().lower() if args.platform else None
    category = args.category.strip() if args.category else None
    with _open(args) as store:
        with store.session() as session:
            sla = get_organisation(session).sla_hours
        with store.engine.connect() as conn:
            listing = CaseList(conn, sla_hours=sla)
            listing.rebuild()
            flt = CaseFilter(
                platform=platform,
                category=category,
                status=PENDING if args.pending else None,
                over_sla=args.over_sla,
                search=args.search or "",
            )
            rows: list[dict[str, Any]] = [
                {
                    "post_id": row.post_id,
                    "case_ref": row.case_ref,
                    "platform": row.platform,
                    "author": row.author,
                    "category": row.category,
                    "first_reported": None
                    if row.first_reported is None
                    else row.first_reported.isoformat(),
                    "reports": row.reports,
                    "latest_outcome": row.latest_outcome,
                    "hours": row.hours,
                    "over_sla": row.over_sla,
                    "url": row.url,
                    "content": row.content,
                    "retracted": None,
                }
                for row in listing.page(flt, sort="case_ref", descending=False, limit=1 << 40)
            ]
            if args.retracted and not (args.pending or args.over_sla):
                rows += retracted_cases(
                    conn, platform=platform, category=category, search=args.search or ""
                )
    rows.sort(key=lambda row: int(row["post_id"]))
    for row in rows:
        del row["post_id"]
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        gone = row["retracted"]
        flags = f" [RETRACTED: {gone['reason']}]" if gone else ""
        flags += " [over SLA]" if row["over_sla"] else ""
        first = (row["first_reported"] or "not reported")[:10]
        text = (row["content"] or row["url"]).replace("\n", " ")[:60]
        print(
            f"{row['case_ref']}  {row['platform']:<10} {first:<12} {row['reports']:>3} reports  "
            f"{row['latest_outcome']:<17} {row['author'] or '-':<16} {text}{flags}"
        )
    print(f"{len(rows)} case{'s' if len(rows) != 1 else ''}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desktop_app.store.case_view import case_json, case_text
    from desktop_app.store.corrections import EntityKind, find_entity

    with _open(args) as store, store.session() as session:
        ref = args.ref
        entity = find_entity(session, ref)
        if entity.kind is not EntityKind.POST:
            if not entity.case_ref:
                raise BadInputError(f"{ref}: an author account, not a case; give a case ref")
            ref = entity.case_ref
        doc = case_json(session, ref or entity.case_ref)
    if args.json:
        _print_json(doc)
    else:
        print(case_text(doc))
    return 0


def _changes(pairs: Sequence[str]) -> dict[str, str]:
    changes: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise BadInputError(f"--set {pair!r}: write FIELD=VALUE, e.g. reported_at=2026-03-01")
        changes[name.strip()] = value
    return changes


def _entity(store: Any, ident: str) -> Any:
    from desktop_app.store.corrections import find_entity

    with store.session() as session:
        return find_entity(session, ident)


def cmd_edit(args: argparse.Namespace) -> int:
    from desktop_app.store import corrections

    changes = _changes(args.set)
    with _open(args) as store:
        entity = _entity(store, args.ident)
        corrections.edit(store, entity.kind, entity.uid, changes, args.reason)
    where = f" in case {entity.case_ref}" if entity.case_ref else ""
    print(f"edited {entity.kind.value} {entity.uid}{where}: {', '.join(sorted(changes))}")
    return 0


def cmd_retract(args: argparse.Namespace) -> int:
    from desktop_app.store import corrections

    with _open(args) as store:
        entity = _entity(store, args.ident)
        count = corrections.retract(store, entity.kind, entity.uid, args.reason)
    carried = f" (with {count - 1} item{'s' if count != 2 else ''} under it)" if count > 1 else ""
    print(f"retracted {entity.kind.value} {entity.uid}{carried}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop_app.store import corrections

    with _open(args) as store:
        entity = _entity(store, args.ident)
        count = corrections.restore(store, entity.kind, entity.uid, args.reason)
    carried = f" (with {count - 1} item{'s' if count != 2 else ''} under it)" if count > 1 else ""
    print(f"restored {entity.kind.value} {entity.uid}{carried}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from desktop_app.store import corrections

    if not args.yes:
        raise BadInputError(
            "purge-evidence erases the attachment's bytes for good and cannot be undone; "
            "add --yes to do it"
        )
    with _open(args) as store:
        corrections.purge_attachment(store, args.ident, args.reason)
    print(f"purged {args.ident}: its bytes are erased; the custody log keeps its SHA-256")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop_app.store.backup import backup_store

    with _open(args) as store:
        target = backup_store(store, args.dir, progress=_progress_printer(sys.stderr))
    print(f"backup written to {target}; it opens with the same passphrase")
    return 0


def cmd_verify_custody(args: argparse.Namespace) -> int:
    from desktop_app.core.errors import VerificationError
    from desktop_app.store.audit import verify_chain

    with _open(args) as store, store.session() as session:
        report = verify_chain(session)
    if not report.intact:
        raise VerificationError(
            f"custody chain broken at event {report.broken_at}: {report.reason} "
            f"({report.events} events read)"
        )
    print(f"custody chain intact: {report.events} events")
    return 0


def _add_correction_commands(commands: Any) -> None:
    cases = commands.add_parser("cases", help="the case list as the window shows it")
    cases.add_argument("--search", metavar="TEXT")
    cases.add_argument("--platform", metavar="NAME")
    cases.add_argument("--category", metavar="NAME")
    cases.add_argument("--pending", action="store_true", help="only cases awaiting a decision")
    cases.add_argument("--over-sla", action="store_true")
    cases.add_argument("--retracted", action="store_true", help="include retracted cases")
    cases.add_argument("--json", action="store_true")
    cases.set_defaults(run=cmd_cases)

    show = commands.add_parser("show", help="one case, with the uids corrections use")
    show.add_argument("ref", metavar="REF")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_show)

    edit = commands.add_parser("edit", help="correct fields of a record (CORRECTIONS.md)")
    edit.add_argument("ident", metavar="UID_OR_REF")
    edit.add_argument("--set", action="append", required=True, metavar="FIELD=VALUE")
    edit.add_argument("--reason", required=True, metavar="TEXT")
    edit.set_defaults(run=cmd_edit)

    for name, run, text in (
        ("retract", cmd_retract, "take a record out of use, with what depends on it"),
        ("restore", cmd_restore, "undo a retraction"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("ident", metavar="UID_OR_REF")
        sub.add_argument("--reason", required=True, metavar="TEXT")
        sub.set_defaults(run=run)

    purge = commands.add_parser("purge-evidence", help="erase an attachment's bytes for good")
    purge.add_argument("ident", metavar="SHA256_OR_UID")
    purge.add_argument("--reason", required=True, metavar="TEXT")
    purge.add_argument("--yes", action="store_true", help="yes, erase it (cannot be undone)")
    purge.set_defaults(run=cmd_purge)

    backup = commands.add_parser("backup", help="an encrypted copy of the store in DIR")
    backup.add_argument("dir", metavar="DIR")
    backup.set_defaults(run=cmd_backup)

    verify = commands.add_parser("verify-custody", help="check the custody hash chain")
    verify.set_defaults(run=cmd_verify_custody)


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

    _add_correction_commands(commands)

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
