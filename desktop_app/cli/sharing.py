"""Partner and bundle commands of caselog-cli (CLI.md): partner add/list/remove,
export-bundle, import-bundle (rotate-keys is in ``desktop_app.cli.keys``).

Registered by ``desktop_app.cli.program.build_parser``; they only parse, call the core
services in ``desktop_app.sharing`` and print.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.cli.common import (
    add_stats_filters,
    indicator_params,
    open_store,
    progress_printer,
    read_secret_file,
)
from desktop_app.core.errors import BadInputError, StoreLockedError


def _bundle_passphrase(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        return read_secret_file(path, "bundle passphrase")
    except StoreLockedError as exc:
        raise BadInputError(exc.message) from None


def cmd_partner_add(args: argparse.Namespace) -> int:
    from desktop_app.sharing.partners import add_partner_from_card

    with open_store(args) as store:
        info = add_partner_from_card(store, args.card)
    print(f"Added partner {info.name}.")
    print(f"Fingerprint: {info.fingerprint}")
    print(
        f"Read this fingerprint to {info.name} over the phone: it must match the one "
        "'caselog-cli key' shows on their computer. If not, remove the partner."
    )
    return 0


def cmd_partner_list(args: argparse.Namespace) -> int:
    from desktop_app.sharing.partners import list_partners

    with open_store(args) as store:
        partners = list_partners(store)
    if not partners:
        print("No partners yet: add one with 'caselog-cli partner add CARD'.")
        return 0
    for info in partners:
        sent = info.last_bundle_sent_at.isoformat() if info.last_bundle_sent_at else "never"
        print(f"{info.name}\n  fingerprint: {info.fingerprint}\n  last bundle sent: {sent}")
    return 0


def cmd_partner_remove(args: argparse.Namespace) -> int:
    from desktop_app.sharing.partners import remove_partner

    with open_store(args) as store:
        info = remove_partner(store, args.name)
    print(f"Removed partner {info.name}; bundles signed by its key are no longer trusted.")
    return 0


def _has_filters(args: argparse.Namespace) -> bool:
    return any(
        getattr(args, name, None)
        for name in ("date_from", "date_to", "platform", "category", "case")
    )


def cmd_export_bundle(args: argparse.Namespace) -> int:
    from desktop_app.core.redaction import parse_redaction
    from desktop_app.sharing.bundle import BundleSelection, export_bundle

    passphrase = _bundle_passphrase(args.bundle_passphrase_file)
    redaction = parse_redaction(args.redact)
    recipients = list(args.recipient or [])
    if args.since_last_bundle and len(recipients) != 1:
        raise BadInputError("--since-last-bundle: give exactly one partner with --recipient")
    with open_store(args) as store:
        params = indicator_params(store, args) if _has_filters(args) else None
        selection = BundleSelection(
            params=params,
            since_last_bundle_to=recipients[0] if args.since_last_bundle else None,
        )
        result = export_bundle(
            store,
            args.out,
            selection=selection,
            recipients=recipients,
            passphrase=passphrase,
            redaction=redaction,
            progress=progress_printer(sys.stderr),
        )
    who = ", ".join(result.recipients) if result.recipients else "a passphrase"
    print(f"Wrote bundle {result.path} ({result.size:,} bytes), encrypted for {who}.")
    counts = result.counts
    print(
        f"posts {counts['posts']}, accounts {counts['accounts']}, reports {counts['reports']}, "
        f"responses {counts['responses']}, attachments {counts['attachments']}, "
        f"audit events {counts['audit']}"
    )
    if result.since is not None:
        print(f"Only what changed since the last bundle ({result.since.isoformat()}).")
    if redaction:
        print(f"Redacted: {', '.join(sorted(redaction))}.")
    return 0


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from desktop_app.sharing.merge import import_bundle

    passphrase = _bundle_passphrase(args.bundle_passphrase_file)
    with open_store(args) as store:
        result = import_bundle(
            store,
            args.file,
            identity_file=args.identity,
            passphrase=passphrase,
            trust_new_signer=args.trust_new_signer,
            progress=progress_printer(sys.stderr),
        )
    preview = result.preview
    print(f"From:        {preview.origin_name or '(no name)'}")
    print(f"Fingerprint: {preview.fingerprint}")
    if preview.signer_partner:
        print(f"Signed by:   partner {preview.signer_partner}")
    elif preview.signer_is_self:
        print("Signed by:   this organisation")
    else:
        print("Signed by:   a key not in the partner directory (trusted on request)")
    print(f"Made at:     {preview.made_at.isoformat()}")
    if preview.key_change is not None:
        change = preview.key_change
        print(
            f"Key change:  partner {change.partner} moved from key {change.old_fingerprint} "
            f"to {change.new_fingerprint}, vouched for by its old key"
        )
    names = ("posts", "accounts", "reports", "responses", "attachments", "tags", "audit")
    for name in (*names, "retractions"):
        c = preview.counts[name]
        print(
            f"  {name:<12} new {c.new}, same {c.same}, updated {c.updated}, "
            f"kept ours {c.kept_local}, refused {c.refused}"
        )
    if preview.relabelled:
        print(
            f"{preview.relabelled} new records were labelled as another organisation's; "
            f"they are kept as {preview.origin_name}'s, who signed the bundle."
        )
    for conflict in preview.conflicts[:20]:
        why = {
            "not_theirs": f"not theirs ({conflict.owner}): ours kept",
            "retracted_here": "retracted here: kept retracted",
            "refused": "refused: it would change a record that is not theirs",
        }.get(conflict.reason, f"kept {conflict.kept}")
        where = f" {conflict.case_ref}" if conflict.case_ref else ""
        print(f"  conflict: {conflict.kind}{where} [{', '.join(conflict.fields)}]: {why}")
    if len(preview.conflicts) > 20:
        print(f"  ... and {len(preview.conflicts) - 20} more")
    if preview.conflicts:
        print(f"{len(preview.conflicts)} conflicts recorded in the audit log.")
    if result.written:
        print(f"Merged {preview.changes} new or changed records.")
    elif preview.already_imported:
        print(
            "Nothing new: this bundle was imported before, and merging it again changes "
            "nothing, so nothing was written (a later bundle from the partner brings what "
            "changed since)."
        )
    else:
        print("Nothing new: the store already holds everything in this bundle.")
    return 0


def add_commands(commands: Any) -> None:
    """Add the partner and bundle subcommands to ``commands`` (argparse subparsers)."""
    partner = commands.add_parser("partner", help="the partner directory")
    actions = partner.add_subparsers(dest="partner_command", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", help="add a partner from its card")
    add.add_argument("card", metavar="CARD")
    add.set_defaults(run=cmd_partner_add)
    listing = actions.add_parser("list", help="list partners and their fingerprints")
    listing.set_defaults(run=cmd_partner_list)
    remove = actions.add_parser("remove", help="remove a partner")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(run=cmd_partner_remove)

    export = commands.add_parser("export-bundle", help="a signed, encrypted bundle for partners")
    export.add_argument("out", metavar="OUT.caselog")
    who = export.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--recipient",
        action="append",
        metavar="AGE_KEY_OR_PARTNER",
        help="a partner's name or an age1... key (repeat for several)",
    )
    who.add_argument("--bundle-passphrase-file", metavar="FILE")
    add_stats_filters(export)
    export.add_argument("--case", action="append", metavar="REF", help="only this case")
    export.add_argument(
        "--since-last-bundle",
        action="store_true",
        help="only what changed since the last bundle to the --recipient partner",
    )
    export.add_argument("--redact", metavar="FIELDS", help="e.g. reporter,notes")
    export.set_defaults(run=cmd_export_bundle)

    imp = commands.add_parser("import-bundle", help="merge a partner's bundle")
    imp.add_argument("file", metavar="FILE")
    key = imp.add_mutually_exclusive_group()
    key.add_argument("--identity", metavar="FILE", help="an age identity file (age-keygen)")
    key.add_argument("--bundle-passphrase-file", metavar="FILE")
    imp.add_argument(
        "--trust-new-signer",
        action="store_true",
        help="merge even if the signing key is not a partner's",
    )
    imp.set_defaults(run=cmd_import_bundle)


__all__ = [
    "add_commands",
    "cmd_export_bundle",
    "cmd_import_bundle",
    "cmd_partner_add",
    "cmd_partner_list",
    "cmd_partner_remove",
]
