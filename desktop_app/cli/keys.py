"""Key and passphrase commands of caselog-cli (CLI.md): key, rekey, rotate-keys."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.common import db_path, new_passphrase, open_store, read_secret_file
from desktop_app.cli.corrections import report_copies


def cmd_key(args: argparse.Namespace) -> int:
    from desktop_app.sharing.cards import PartnerCard
    from desktop_app.store.keys import load_keys
    from desktop_app.store.repository import get_organisation

    with open_store(args) as store, store.transaction() as session:
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


def cmd_rekey(args: argparse.Namespace) -> int:
    import sys

    from desktop_app.cli.common import PROG
    from desktop_app.store.engine import rekey

    new = read_secret_file(args.new_passphrase_file, "new passphrase")
    new_passphrase(new, "--new-passphrase-file")
    with open_store(args) as store:
        done = rekey(store, new)
    print(f"{db_path(args)} is now encrypted with the new passphrase.")
    status = report_copies(
        done.copies,
        erased=(
            "Also erased {count} older cop{ies} of the store kept from schema updates, "
            "which opened with the old passphrase: {names}"
        ),
        left="it still opens with the old passphrase",
        backups=(
            "Backups you made keep the old passphrase: they still open with it, so keep "
            "them as safe as before or make a new backup."
        ),
    )
    if done.unrecorded is not None:
        print(
            f"{PROG}: warning: the passphrase IS changed (the new one opens the store, the "
            "old one no longer does), but the custody log could not record the change: "
            f"{done.unrecorded.message}. Use the new passphrase from now on; there is "
            "nothing to redo.",
            file=sys.stderr,
        )
        return 1
    return status


def cmd_rotate_keys(args: argparse.Namespace) -> int:
    from desktop_app.store.keys import rotate_keys

    with open_store(args) as store, store.transaction() as session:
        rotation = rotate_keys(session, args.reason or "")
    print(f"New signing key fingerprint: {rotation.new_fingerprint}")
    print(f"Old signing key fingerprint: {rotation.old_fingerprint} (retired)")
    print(f"New age recipient:           {rotation.new_age_recipient}")
    print(
        "Every bundle you send from now on carries a notice signed by the old key; a "
        "partner moves to the new keys when it imports one, and from then on refuses "
        "bundles signed by the old key. Bundles partners made for the old key still "
        "open here. An old backup holds only the old keys: it cannot open bundles "
        "made for the new key."
    )
    return 0


def add_commands(commands: Any) -> None:
    """Add ``key`` and ``rekey`` to ``commands`` (argparse subparsers)."""
    key = commands.add_parser("key", help="the organisation's key fingerprint and age recipient")
    key.add_argument("--export-card", metavar="FILE", help="write a partner card")
    key.set_defaults(run=cmd_key)

    rekey = commands.add_parser("rekey", help="change the store's passphrase")
    rekey.add_argument("--new-passphrase-file", required=True, metavar="FILE")
    rekey.set_defaults(run=cmd_rekey)


def add_rotate_keys(commands: Any) -> None:
    """Add ``rotate-keys`` to ``commands`` (argparse subparsers)."""
    rotate = commands.add_parser(
        "rotate-keys", help="replace the signing key and age identity (partners are told)"
    )
    rotate.add_argument("--reason", metavar="TEXT", help="why, for the custody log")
    rotate.set_defaults(run=cmd_rotate_keys)


__all__ = ["add_commands", "add_rotate_keys", "cmd_key", "cmd_rekey", "cmd_rotate_keys"]
