"""Case commands of caselog-cli (CLI.md): cases, show."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.common import open_store, print_json
from desktop_app.core.errors import BadInputError


def cmd_cases(args: argparse.Namespace) -> int:
    from desktop_app.store.case_view import retracted_cases
    from desktop_app.store.cases import PENDING, CaseFilter, CaseList
    from desktop_app.store.repository import get_organisation

    platform = args.platform.strip().lower() if args.platform else None
    category = args.category.strip() if args.category else None
    with open_store(args) as store:
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
        print_json(rows)
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

    with open_store(args) as store, store.session() as session:
        ref = args.ref
        entity = find_entity(session, ref)
        if entity.kind is not EntityKind.POST:
            if not entity.case_ref:
                raise BadInputError(f"{ref}: an author account, not a case; give a case ref")
            ref = entity.case_ref
        doc = case_json(session, ref or entity.case_ref)
    if args.json:
        print_json(doc)
    else:
        print(case_text(doc))
    return 0


def add_commands(commands: Any) -> None:
    """Add ``cases`` and ``show`` to ``commands`` (argparse subparsers)."""
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


__all__ = ["add_commands", "cmd_cases", "cmd_show"]
