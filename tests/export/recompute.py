"""Every indicator of INDICATORS.md recomputed by hand from the workbook's Reports sheet,
the way a partner re-checks a letter's numbers: no store, only the sheet."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

ACTIONED = {"removed", "restricted", "account_suspended", "account_banned"}


def sheet_rows(ws: Worksheet) -> list[dict[str, Any]]:
    rows = ws.iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    return [dict(zip(header, row, strict=True)) for row in rows]


def _column(rows: list[dict[str, Any]], start: str) -> str:
    return next(name for name in rows[0] if name.startswith(start)) if rows else start


def _stats(values: list[float]) -> dict[str, Any]:
    values = sorted(values)
    n = len(values)
    if not n:
        return {"count": 0, "mean": None, "median": None, "p90": None, "max": None}

    def pct(f: float) -> float:
        pos = f * (n - 1)
        lo = math.floor(pos)
        hi = min(lo + 1, n - 1)
        return values[lo] + (values[hi] - values[lo]) * (pos - lo)

    return {
        "count": n,
        "mean": sum(values) / n,
        "median": pct(0.5),
        "p90": pct(0.9),
        "max": values[-1],
    }


def recompute(rows: list[dict[str, Any]], threshold: int) -> dict[str, Any]:
    """The indicators from the Reports sheet rows (header -> value)."""
    final_at = _column(rows, "Final decision at")
    first_at = _column(rows, "First response at")
    over = _column(rows, "Over SLA")
    waiting = _column(rows, "Hours waiting")

    def account(row: dict[str, Any]) -> tuple[str, str] | None:
        return (row["Platform"], row["Author account"]) if row["Author account"] else None

    final = [r for r in rows if r[final_at] is not None]
    pending = [r for r in rows if r[final_at] is None]
    outcome = {id(r): r["Final outcome"] for r in rows}
    accounts_with: dict[str, set[Any]] = defaultdict(set)
    for r in rows:
        if account(r):
            accounts_with[outcome[id(r)]].add(account(r))
    fake = {account(r) for r in rows if account(r) and r["Author suspected fake"] == "yes"}
    posts_of: dict[Any, set[str]] = defaultdict(set)
    for r in rows:
        if account(r):
            posts_of[account(r)].add(r["Case"])
    repeat = {a for a, posts in posts_of.items() if len(posts) >= threshold}
    ages = [r[waiting] for r in pending]
    groups: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["Duplicate group"]:
            groups[r["Duplicate group"]].add(r["Case"])

    def group_by(key: str) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            out[r[key]].append(r)
        return dict(sorted(out.items()))

    def hours(rs: list[dict[str, Any]]) -> list[float]:
        return [r["Hours to final decision"] for r in rs if r[final_at] is not None]

    removed = sum(r["Final outcome"] == "removed" for r in rows)
    over_responded = sum(r[over] == "yes" for r in final)
    over_pending = sum(r[over] == "yes" for r in pending)
    return {
        "reports_total": len(rows),
        "posts_total": len({r["Case"] for r in rows}),
        "reporter_accounts": len({r["Reporter"] for r in rows if r["Reporter"]}),
        "offending_accounts": len({account(r) for r in rows if account(r)}),
        "reports_with_response": sum(r[first_at] is not None for r in rows),
        "reports_with_final_response": len(final),
        "reports_removed": removed,
        "reports_actioned": sum(r["Final outcome"] in ACTIONED for r in rows),
        "removal_rate": removed / len(rows) if rows else None,
        "response_hours": _stats(hours(rows)),
        "first_response_hours": _stats(
            [r["Hours to first response"] for r in rows if r[first_at] is not None]
        ),
        "reports_over_sla_responded": over_responded,
        "reports_over_sla_pending": over_pending,
        "reports_over_sla": over_responded + over_pending,
        "pending": {
            "total": len(pending),
            "lt_24h": sum(a < 24 for a in ages),
            "h24_48": sum(24 <= a < 48 for a in ages),
            "d2_7": sum(48 <= a < 168 for a in ages),
            "d7_30": sum(168 <= a < 720 for a in ages),
            "gt_30d": sum(a >= 720 for a in ages),
        },
        "accounts_suspended": len(accounts_with["account_suspended"]),
        "accounts_banned": len(accounts_with["account_banned"]),
        "fake_accounts_flagged": len(fake),
        "fake_accounts_actioned": len(
            fake & (accounts_with["account_suspended"] | accounts_with["account_banned"])
        ),
        "repeat_offenders": len(repeat),
        "repeat_offenders_not_banned": len(repeat - accounts_with["account_banned"]),
        "duplicate_clusters": len(groups),
        "duplicate_posts": sum(len(cases) for cases in groups.values()),
        "by_month": [
            {
                "month": month,
                "reports_total": len(rs),
                "reports_removed": sum(r["Final outcome"] == "removed" for r in rs),
                "reports_actioned": sum(r["Final outcome"] in ACTIONED for r in rs),
                "response_hours_mean": _stats(hours(rs))["mean"],
                "reports_over_sla": sum(r[over] == "yes" for r in rs),
            }
            for month, rs in group_by("Month").items()
        ],
        "by_platform": [
            {
                "platform": platform,
                "reports_total": len(rs),
                "reports_removed": sum(r["Final outcome"] == "removed" for r in rs),
                "response_hours_mean": _stats(hours(rs))["mean"],
                "response_hours_median": _stats(hours(rs))["median"],
                "reports_over_sla": sum(r[over] == "yes" for r in rs),
            }
            for platform, rs in group_by("Platform").items()
        ],
        "by_category": [
            {
                "category": category,
                "reports_total": len(rs),
                "reports_removed": sum(r["Final outcome"] == "removed" for r in rs),
            }
            for category, rs in group_by("Category").items()
        ],
    }


def assert_same(expected: Any, actual: Any, where: str = "") -> None:
    """Equal, with floats equal to 1e-9 relative (sums in another order)."""
    if isinstance(expected, dict):
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} missing"
            assert_same(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert len(expected) == len(actual), f"{where}: {len(expected)} != {len(actual)}"
        for index, (a, b) in enumerate(zip(expected, actual, strict=True)):
            assert_same(a, b, f"{where}[{index}]")
    elif isinstance(expected, float) or isinstance(actual, float):
        assert expected is not None and actual is not None, f"{where}: {expected} != {actual}"
        assert math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9), (
            f"{where}: {expected} != {actual}"
        )
    else:
        assert expected == actual, f"{where}: {expected!r} != {actual!r}"
