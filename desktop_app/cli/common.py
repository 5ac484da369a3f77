"""What every command of caselog-cli shares: the argument parser class, the
passphrase (file, environment or prompt), opening the store, progress on a
terminal, the indicator parameters and their options, JSON output.

Everything heavier than argparse is imported inside the functions, so
``caselog-cli --version`` and ``--help`` load no store, no Qt and no zone data.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from desktop_app.core.errors import BadInputError, StoreLockedError

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path
    from zoneinfo import ZoneInfo

    from desktop_app.core.params import IndicatorParams
    from desktop_app.store.engine import Store

PROG = "caselog-cli"


class Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line naming the problem."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: {message} (see {PROG} --help)\n")


def read_secret_file(path: str, what: str) -> str:
    """The first line of ``path``; StoreLockedError (exit 3) if unreadable or empty.

    UTF-8 with or without a byte order mark (Notepad writes one), or UTF-16 with its
    mark (PowerShell 5's Out-File): a mark kept as part of the passphrase locked the
    store with one nobody could type."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise StoreLockedError(f"cannot read {what} file {path}: {exc.strerror}") from None
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise StoreLockedError(
            f"{what} file {path} is not UTF-8 or UTF-16 text: save it as UTF-8"
        ) from None
    first = text.splitlines()[0] if text else ""
    secret = first.rstrip("\r\n")
    if not secret:
        raise StoreLockedError(f"{what} file {path} is empty")
    return secret


def passphrase_from(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """--passphrase-file, else $CASELOG_PASSPHRASE, else a hidden prompt (CLI.md)."""
    if args.passphrase_file:
        return read_secret_file(args.passphrase_file, "passphrase")
    env = os.environ.get("CASELOG_PASSPHRASE")
    if env:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        first = getpass.getpass("Store passphrase: ")
        if confirm and getpass.getpass("Type it again: ") != first:
            raise StoreLockedError("the two passphrases differ; nothing was created")
        if first:
            return first
    raise StoreLockedError(
        "no passphrase: give --passphrase-file FILE, set CASELOG_PASSPHRASE, "
        "or run in a terminal to type it"
    )


def new_passphrase(text: str, what: str) -> str:
    """The window's rule for a new passphrase (core.passphrase), with exit 2."""
    from desktop_app.core.passphrase import passphrase_problem

    problem = passphrase_problem(text)
    if problem:
        raise BadInputError(f"{what}: {problem}; nothing was changed")
    return text


def db_path(args: argparse.Namespace) -> Path:
    """--db, else $CASELOG_DB, else the default store of this user."""
    from pathlib import Path

    if args.db:
        return Path(args.db)
    from desktop_app.paths import default_store_path  # platformdirs, only when needed

    return default_store_path()


def open_store(args: argparse.Namespace) -> Store:
    """The store of --db, unlocked with the passphrase of :func:`passphrase_from`."""
    from desktop_app.store.engine import open_store as _open_store

    return _open_store(db_path(args), passphrase_from(args))


def progress_printer(stream: TextIO) -> Callable[[int, int, str], None] | None:
    """A progress callback writing one updating line, or None off a terminal."""
    if not stream.isatty():
        return None

    def show(done: int, total: int, what: str) -> None:
        share = f" {100 * done // total}%" if total else ""
        stream.write(f"\r{what}: {done:,}{share}   ")
        if total and done >= total:
            stream.write("\n")
        stream.flush()

    return show


def print_json(doc: Any) -> None:
    """``doc`` as indented UTF-8 JSON on stdout."""
    import json

    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def store_zone(store: Store, name: str | None) -> ZoneInfo:
    """The zone ``name`` (--tz), else the store's own."""
    from desktop_app.core.timeutil import zone
    from desktop_app.store.settings import indicator_settings

    if name:
        return zone(name)
    return zone(indicator_settings(store.raw()).timezone)


def user_time(
    text: str | None, tz: ZoneInfo, what: str, *, period_end: bool = False
) -> datetime | None:
    """A typed date or time, inside the range every time in Caselog keeps to
    (core.timeutil): one line naming the option otherwise, never a traceback. The
    end of a period may lie ahead (a month not yet over), up to a year."""
    from datetime import timedelta

    from desktop_app.core.timeutil import check_time_in_range, now_utc, parse_user_time

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


def indicator_params(store: Store, args: argparse.Namespace) -> IndicatorParams:
    """The indicator parameters of the options :func:`add_stats_filters` adds."""
    from desktop_app.core.timeutil import now_utc
    from desktop_app.indicators.compute import default_params

    tz = store_zone(store, args.tz)
    if args.sla_hours is not None and not 0 < args.sla_hours < float("inf"):
        raise BadInputError("--sla-hours: must be a number of hours more than 0")
    if args.repeat_threshold is not None and args.repeat_threshold < 1:
        raise BadInputError("--repeat-threshold: must be 1 or more")
    case_refs = tuple(getattr(args, "case", None) or ())
    date_from = user_time(args.date_from, tz, "--from")
    date_to = user_time(args.date_to, tz, "--to", period_end=True)
    if date_from and date_to and date_to <= date_from:
        raise BadInputError("--to: must be after --from")
    return default_params(
        store,
        tz=tz,
        as_of=user_time(args.as_of, tz, "--as-of") or now_utc(),
        date_from=date_from,
        date_to=date_to,
        sla_hours=args.sla_hours,
        repeat_threshold=args.repeat_threshold,
        platform=args.platform.strip().lower() if args.platform else None,
        category=args.category.strip() if args.category else None,
        case_refs=case_refs,
    )


def add_stats_filters(parser: argparse.ArgumentParser) -> None:
    """The options that choose a period, a zone and a subset of the cases."""
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day (in --tz)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="day after the last (in --tz)")
    parser.add_argument("--tz", metavar="ZONE", help="IANA zone (default: the store's)")
    parser.add_argument("--as-of", metavar="TIME", help="'now' for ageing pending reports")
    parser.add_argument("--sla-hours", type=float, metavar="N")
    parser.add_argument("--repeat-threshold", type=int, metavar="N")
    parser.add_argument("--platform", metavar="NAME", help="only this platform")
    parser.add_argument("--category", metavar="NAME", help="only this category")


__all__ = [
    "PROG",
    "Parser",
    "add_stats_filters",
    "db_path",
    "indicator_params",
    "new_passphrase",
    "open_store",
    "passphrase_from",
    "print_json",
    "progress_printer",
    "read_secret_file",
    "store_zone",
    "user_time",
]
