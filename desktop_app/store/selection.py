"""Which cases (posts) a filter or a selection names: shared by the evidence pack,
the workbook's case sheets and partner bundles, so all choose cases the same way
as the indicators choose reports."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import BadInputError
from desktop_app.core.micros import MICROS_PER_HOUR, to_micros
from desktop_app.core.params import IndicatorParams
from desktop_app.core.timeutil import EARLIEST_TIME, latest_allowed, now_utc

if TYPE_CHECKING:
    from sqlalchemy import Connection

UNCATEGORISED = "uncategorised"

LIVE_REPORT = "r.id NOT IN (SELECT id FROM report WHERE retracted_at IS NOT NULL)"
LIVE_POST = "r.post_id NOT IN (SELECT id FROM post WHERE retracted_at IS NOT NULL)"


class Selection:
    """The reports a set of parameters selects (R of INDICATORS.md): the WHERE
    clause over ``report r JOIN post p`` and its bound parameters. The indicators,
    the dashboard, the offenders view, exports and bundles all select through it."""

    def __init__(self, params: IndicatorParams) -> None:
        self.date_clauses: list[str] = []
        self.post_clauses: list[str] = []
        self.args: dict[str, Any] = {
            "sla": params.sla_hours * MICROS_PER_HOUR,
            "as_of": to_micros(params.as_of),
            "threshold": params.repeat_threshold,
        }
        # Retracted reports and cases leave every indicator (CORRECTIONS.md). By id,
        # so the scan keeps to the covering indexes (an index entry holds the rowid).
        self.date_clauses.append(LIVE_REPORT)
        self.post_clauses.append(LIVE_POST)
        # A report time outside the range Caselog accepts (written before times were
        # checked, or by another tool) cannot be placed in any period: leave it out
        # rather than let it break every indicator. The index covers reported_at.
        self.date_clauses.append("r.reported_at BETWEEN :valid_from AND :valid_to")
        self.args["valid_from"] = to_micros(EARLIEST_TIME)
        self.args["valid_to"] = to_micros(latest_allowed(max(now_utc(), params.as_of)))
        if params.date_from is not None:
            self.date_clauses.append("r.reported_at >= :date_from")
            self.args["date_from"] = to_micros(params.date_from)
        if params.date_to is not None:
            self.date_clauses.append("r.reported_at < :date_to")
            self.args["date_to"] = to_micros(params.date_to)
        if params.platform is not None:
            self.post_clauses.append("p.platform = :platform")
            self.args["platform"] = params.platform
        if params.category is not None:
            if params.category == UNCATEGORISED:
                self.post_clauses.append("p.category IN ('', :category)")
            else:
                self.post_clauses.append("p.category = :category")
            self.args["category"] = params.category
        if params.case_refs:
            # One JSON parameter, not one per case: "the cases in the current list" can
            # be tens of thousands, more than some SQLite builds allow as parameters.
            self.args["case_refs"] = json.dumps(list(params.case_refs))
            self.post_clauses.append("p.case_ref IN (SELECT value FROM json_each(:case_refs))")

    @property
    def dates(self) -> str:
        return " AND ".join(["1", *self.date_clauses])

    @property
    def where(self) -> str:
        return " AND ".join(["1", *self.date_clauses, *self.post_clauses])


def report_post_join(conn: Any, params: IndicatorParams) -> str:
    """``report r JOIN post p``, through the covering indexes of the indicators when
    the store has them and no list of cases is given (``conn``: DB-API).

    Left to itself SQLite walks ix_report_reported_at for the range of valid times
    (always present) and reads every report and post row; the two covering indexes
    hold what R's selection and most per-report figures need, a fifth of the bytes.
    """
    if params.case_refs:
        return "report r JOIN post p ON p.id = r.post_id"
    found = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' "
            "AND name IN ('ix_report_indicator', 'ix_post_indicator')"
        ).fetchall()
    }
    report = (
        "report r INDEXED BY ix_report_indicator" if "ix_report_indicator" in found else "report r"
    )
    post = "post p INDEXED BY ix_post_indicator" if "ix_post_indicator" in found else "post p"
    return f"{report} JOIN {post} ON p.id = r.post_id"


def selected_post_ids(conn: Connection, params: IndicatorParams) -> list[int]:
    """Posts with at least one report in the period and filters of ``params``
    (and among ``params.case_refs`` when given), oldest case first.

    Unknown case references are a clear error rather than an empty selection.
    """
    flt = Selection(params)
    if params.case_refs:
        found = {
            ref
            for (ref,) in conn.exec_driver_sql(
                "SELECT case_ref FROM post WHERE case_ref IN "
                "(SELECT value FROM json_each(:case_refs))",
                {"case_refs": flt.args["case_refs"]},
            )
        }
        missing = [ref for ref in params.case_refs if ref not in found]
        if missing:
            named = ", ".join(missing[:10]) + (
                f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            )
            raise BadInputError(f"--case: no case {named} in this store")
    rows = conn.exec_driver_sql(
        f"SELECT DISTINCT p.id FROM report r JOIN post p ON p.id = r.post_id "
        f"WHERE {flt.where} ORDER BY p.id",
        flt.args,
    ).all()
    return [row[0] for row in rows]
