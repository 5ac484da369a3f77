"""Which cases (posts) a filter or a selection names: shared by the evidence pack,
the workbook's case sheets and partner bundles, so all choose cases the same way
as the indicators choose reports."""

from __future__ import annotations

from sqlalchemy import Connection

from desktop_app.core.errors import BadInputError
from desktop_app.indicators.compute import IndicatorParams, _Filter


def selected_post_ids(conn: Connection, params: IndicatorParams) -> list[int]:
    """Posts with at least one report in the period and filters of ``params``
    (and among ``params.case_refs`` when given), oldest case first.

    Unknown case references are a clear error rather than an empty selection.
    """
    flt = _Filter(params)
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
