"""Store commands of caselog-cli (CLI.md): init, backup, verify-custody."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.cli.common import (
    db_path,
    new_passphrase,
    open_store,
    passphrase_from,
    progress_printer,
)


def cmd_init(args: argparse.Namespace) -> int:
    from desktop_app.core.errors import StoreExistsError
    from desktop_app.core.timeutil import zone
    from desktop_app.store.engine import create_store

    path = db_path(args)
    zone(args.tz)
    if path.exists():
        raise StoreExistsError(f"{path} already exists: choose another path or open it")
    passphrase = new_passphrase(passphrase_from(args, confirm=True), "passphrase")
    with create_store(path, passphrase, organisation=args.org or "", timezone=args.tz):
        pass
    print(f"Created encrypted store {path} (time zone {args.tz}).")
    print("Keep the passphrase safe: a lost passphrase cannot be recovered.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop_app.store.backup import backup_store

    with open_store(args) as store:
        target = backup_store(store, args.dir, progress=progress_printer(sys.stderr))
    print(f"backup written to {target}; it opens with the same passphrase")
    return 0


def cmd_verify_custody(args: argparse.Namespace) -> int:
    from desktop_app.core.errors import VerificationError
    from desktop_app.store.audit import verify_chain

    with open_store(args) as store, store.session() as session:
        report = verify_chain(session)
    if not report.intact:
        raise VerificationError(
            f"custody chain broken at event {report.broken_at}: {report.reason} "
            f"({report.events} events read)"
        )
    print(f"custody chain intact: {report.events} events")
    return 0


def add_init(commands: Any) -> None:
    """Add ``init`` to ``commands`` (argparse subparsers)."""
    init = commands.add_parser("init", help="create a new encrypted store")
    init.add_argument("--tz", default="UTC", metavar="ZONE")
    init.add_argument("--org", metavar="NAME")
    init.set_defaults(run=cmd_init)


def add_commands(commands: Any) -> None:
    """Add ``backup`` and ``verify-custody`` to ``commands`` (argparse subparsers)."""
    backup = commands.add_parser("backup", help="an encrypted copy of the store in DIR")
    backup.add_argument("dir", metavar="DIR")
    backup.set_defaults(run=cmd_backup)

    verify = commands.add_parser("verify-custody", help="check the custody hash chain")
    verify.set_defaults(run=cmd_verify_custody)


__all__ = ["add_commands", "add_init", "cmd_backup", "cmd_init", "cmd_verify_custody"]
