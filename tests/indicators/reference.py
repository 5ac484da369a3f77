"""A plain-Python reading of INDICATORS.md, written from the spec's words alone,
to check the SQL implementation against on random logs."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from desktop_app.core.normalise import (
    canonical_url,
    normalise_content,
    normalise_handle,
    normalise_platform,
    normalise_reporter,
)
from desktop_app.core.timeutil import parse_timestamp
from desktop_app.store.repository import post_identity_key

FINAL = {"removed", "restricted", "account_suspended", "account_banned", "no_violation"}
ACTIONED = FINAL - {"no_violation"}


@dataclass
class Rep:
    post: str
    platform: str
    author: tuple[str, str] | None
    category: str
    content_key: str
    reported_at: datetime
    reporter: str
    first: datetime | None
    final: datetime | None
    outcome: str | None


def build(rows: list[dict[str, str]], tz: ZoneInfo) -> tuple[list[Rep], set[tuple[str, str]]]:
    posts: dict[str, dict[str, object]] = {}
    fake: set[tuple[str, str]] = set()
    seen: dict[tuple[str, datetime, str], Rep] = {}
    reports: list[Rep] = []
    for row in rows:
        platform = normalise_platform(row.get("platform"))
        reported = parse_timestamp(row["reported_at"], tz)
        reporter = normalise_reporter(row.get("reporter"))
        handle = normalise_handle(row.get("author_handle"))
        key = post_identity_key(
            platform,
            canonical_url(row.get("post_url")),
            row.get("post_ref", ""),
            fallback=(handle, row.get("content", ""), reported.isoformat(), reporter),
        )
        if handle and row.get("author_suspected_fake", "").lower() in ("yes", "true", "1", "y"):
            fake.add((platform, handle))
        # A post's fields are its first row's; one its first row left empty is taken
        # from the next row of the post that gives it (IMPORT_FORMAT.md: rows that
        # share a post are one post reported several times).
        post = posts.setdefault(
            key, {"author": None, "category": "", "content_key": "", "has_content": False}
        )
        if post["author"] is None and handle:
            post["author"] = (platform, handle)
        if not post["category"]:
            post["category"] = row.get("category", "").strip()
        if not post["has_content"] and row.get("content", "").strip():
            post["content_key"] = normalise_content(row.get("content", ""))
            post["has_content"] = True
        responses = []
        if row.get("first_response_at"):
            responses.append((parse_timestamp(row["first_response_at"], tz), "acknowledged"))
        if row.get("final_response_at"):
            responses.append((parse_timestamp(row["final_response_at"], tz), row["final_outcome"]))
        responses.sort()
        finals = [r for r in responses if r[1] in FINAL]
        earlier = seen.get((key, reported, reporter))
        if earlier is not None:
            # The report is there; a row of it gives a response of a kind it has
            # none of yet (any response; a decision): the response is added.
            if earlier.first is None and row.get("first_response_at"):
                earlier.first = parse_timestamp(row["first_response_at"], tz)
            if earlier.final is None and finals:
                earlier.final, earlier.outcome = finals[0]
                earlier.first = min(earlier.first or earlier.final, earlier.final)
            continue
        reports.append(
            Rep(
                post=key,
                platform=platform,
                author=None,  # the post's, once every row is read (below)
                category="",
                content_key="",
                reported_at=reported,
                reporter=reporter,
                first=responses[0][0] if responses else None,
                final=finals[0][0] if finals else None,
                outcome=finals[0][1] if finals else None,
            )
        )
        seen[(key, reported, reporter)] = reports[-1]
    for rep in reports:
        post = posts[rep.post]
        rep.author = post["author"]  # type: ignore[assignment]
        rep.category = post["category"]  # type: ignore[assignment]
        rep.content_key = post["content_key"]  # type: ignore[assignment]
    return reports, fake


def _stats(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"count": 0, "mean": None, "median": None, "p90": None, "max": None}
    ordered = sorted(values)
    rank = 0.9 * (len(ordered) - 1)
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return {
        "count": len(values),
        "mean": statistics.fmean(values),
        "median": statistics.median(values),
        "p90": ordered[low] + (ordered[high] - ordered[low]) * (rank - low),
        "max": ordered[-1],
    }


def hours(a: datetime, b: datetime) -> float:
    return (b - a) / timedelta(hours=1)


def compute(
    rows: list[dict[str, str]],
    tz: ZoneInfo,
    *,
    as_of: datetime,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    sla: float = 48,
    threshold: int = 3,
) -> dict[str, object]:
    everything, fake = build(rows, tz)
    R = [
        r
        for r in everything
        if (date_from is None or r.reported_at >= date_from)
        and (date_to is None or r.reported_at < date_to)
    ]
    finals = [r for r in R if r.final is not None]
    pending = [r for r in R if r.final is None]
    over_resp = [r for r in finals if hours(r.reported_at, r.final) > sla]  # type: ignore[arg-type]
    over_pend = [r for r in pending if hours(r.reported_at, as_of) > sla]
    ages = [hours(r.reported_at, as_of) for r in pending]

    def bucket(lo: float, hi: float) -> int:
        return sum(1 for a in ages if lo <= a < hi)

    authors = {r.author for r in R if r.author}
    posts_by_author: dict[tuple[str, str], set[str]] = {}
    for r in R:
        if r.author:
            posts_by_author.setdefault(r.author, set()).add(r.post)
    repeat = [a for a, p in posts_by_author.items() if len(p) >= threshold]
    banned = {r.author for r in R if r.outcome == "account_banned"}
    clusters: dict[str, set[str]] = {}
    for r in R:
        if r.content_key:
            clusters.setdefault(r.content_key, set()).add(r.post)
    dup = [c for c in clusters.values() if len(c) >= 2]
    flagged = {a for a in authors if a in fake}
    return {
        "reports_total": len(R),
        "posts_total": len({r.post for r in R}),
        "reporter_accounts": len({r.reporter for r in R if r.reporter}),
        "offending_accounts": len(authors),
        "reports_with_response": sum(1 for r in R if r.first is not None),
        "reports_with_final_response": len(finals),
        "reports_removed": sum(1 for r in R if r.outcome == "removed"),
        "reports_actioned": sum(1 for r in R if r.outcome in ACTIONED),
        "removal_rate": (sum(1 for r in R if r.outcome == "removed") / len(R)) if R else None,
        "response_hours": _stats([hours(r.reported_at, r.final) for r in finals]),  # type: ignore[arg-type]
        "first_response_hours": _stats(
            [hours(r.reported_at, r.first) for r in R if r.first is not None]
        ),
        "reports_over_sla_responded": len(over_resp),
        "reports_over_sla_pending": len(over_pend),
        "reports_over_sla": len(over_resp) + len(over_pend),
        "pending": {
            "total": len(pending),
            "lt_24h": bucket(-math.inf, 24),
            "h24_48": bucket(24, 48),
            "d2_7": bucket(48, 168),
            "d7_30": bucket(168, 720),
            "gt_30d": bucket(720, math.inf),
        },
        "accounts_suspended": len(
            {r.author for r in R if r.author and r.outcome == "account_suspended"}
        ),
        "accounts_banned": len({r.author for r in R if r.author and r.outcome == "account_banned"}),
        "fake_accounts_flagged": len(flagged),
        "fake_accounts_actioned": len(
            {
                r.author
                for r in R
                if r.author in flagged and r.outcome in ("account_suspended", "account_banned")
            }
        ),
        "repeat_offenders": len(repeat),
        "repeat_offenders_not_banned": len([a for a in repeat if a not in banned]),
        "duplicate_clusters": len(dup),
        "duplicate_posts": sum(len(c) for c in dup),
        "by_platform": sorted({r.platform for r in R}),
        "by_category": sorted({r.category or "uncategorised" for r in R}),
        "by_month": sorted({r.reported_at.astimezone(tz).strftime("%Y-%m") for r in R}),
        "_R": R,
    }
