"""Correction commands of caselog-cli (CLI.md, CORRECTIONS.md): edit, retract,
restore, purge-evidence. They call the same functions as the window
(``desktop_app.store.corrections``)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop_app.cli.common import open_store
from desktop_app.core.errors import BadInputError

if TYPE_CHECKING:
    from desktop_app.store.copies import MigrationCopies
    from desktop_app.store.corrections import Entity
    from desktop_app.store.engine import Store


def parse_changes(pairs: Sequence[str]) -> dict[str, str]:
    """``--set FIELD=VALUE`` options as a mapping; exit 2 on a malformed one."""
    changes: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise BadInputError(f"--set {pair!r}: write FIELD=VALUE, e.g. reported_at=2026-03-01")
        changes[name.strip()] = value
    return changes


def _entity(store: Store, ident: str) -> Entity:
    from desktop_app.store.corrections import find_entity

    with store.session() as session:
        return find_entity(session, ident)


def _carried(count: int) -> str:
    return f" (with {count - 1} item{'s' if count != 2 else ''} under it)" if count > 1 else ""


def cmd_edit(args: argparse.Namespace) -> int:
    from desktop_app.store import corrections

    changes = parse_changes(args.set)
    with open_store(args) as store:
        entity = _entity(store, args.ident)
        corrections.edit(store, entity.kind, entity.uid, changes, args.reason)
    where = f" in case {entity.case_ref}" if entity.case_ref else ""
    print(f"edited {entity.kind.value} {entity.uid}{where}: {', '.join(sorted(changes))}")
    return 0


def cmd_retract(args: argparse.Namespace) -> int:
    from desktop_app.store import corrections

    with open_store(args) as store:
        entity = _entity(store, args.ident)
        count = corrections.retract(store, entity.kind, entity.uid, args.reason)
    print(f"retracted {entity.kind.value} {entity.uid}{_carried(count)}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop_app.store import corrections

    with open_store(args) as store:
        entity = _entity(store, args.ident)
        count = corrections.restore(store, entity.kind, entity.uid, args.reason)
    print(f"restored {entity.kind.value} {entity.uid}{_carried(count)}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from desktop_app.store import corrections

    if not args.yes:
        raise BadInputError(
            "purge-evidence erases the attachment's bytes for good and cannot be undone; "
            "add --yes to do it"
        )
    from desktop_app.export.output import clean_leftovers

    with open_store(args) as store:
        copies = corrections.purge_attachment(store, args.ident, args.reason)
    print(f"purged {args.ident}: its bytes are erased; the custody log keeps its SHA-256")
    # An export killed midway leaves its unfinished file in the scratch folder, which
    # may hold the purged bytes: gone too (a running export's own files are left).
    removed = clean_leftovers()
    if removed:
        print(f"also removed {len(removed)} unfinished export file(s) a stopped export had left")
    return report_copies(
        copies,
        erased="also erased {count} older cop{ies} of the store kept from schema updates: {names}",
        left="it still holds the purged file's bytes",
        backups="your own backups are not touched: those made before now still hold it",
    )


def report_copies(copies: MigrationCopies, *, erased: str, left: str, backups: str) -> int:
    """Say which copies migrate() kept were erased (stdout) and which could not be
    (stderr, each with why and what to do); exit status 1 when any is left, since the
    person must delete it."""
    import sys

    from desktop_app.cli.common import PROG

    if copies.erased:
        count = len(copies.erased)
        print(
            erased.format(
                count=count, ies="y" if count == 1 else "ies", names=", ".join(copies.erased)
            )
        )
    print(backups)
    for name, why in copies.left:
        print(
            f"{PROG}: warning: could not erase {name} beside the store ({why}): {left}; "
            "delete it yourself",
            file=sys.stderr,
        )
    return 1 if copies.left else 0


def add_commands(commands: Any) -> None:
    """Add the correction commands to ``commands`` (argparse subparsers)."""
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


__all__ = [
    "add_commands",
    "cmd_edit",
    "cmd_purge",
    "cmd_restore",
    "cmd_retract",
    "parse_changes",
]
