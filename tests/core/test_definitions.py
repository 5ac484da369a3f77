"""core.definitions: the Python and the SQL form of each definition give the same
answer, on the store's own SQLite (SQLCipher), at and around every edge."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest

from desktop_app.core.definitions import (
    MICROS_PER_HOUR,
    PENDING_BUCKETS,
    CellCodes,
    GroupingCell,
    hours_over_sla,
    is_over_sla,
    over_sla_pending_sql,
    over_sla_responded_sql,
    over_sla_sql,
    pending_bucket_number,
    pending_bucket_of,
    pending_bucket_sql,
    pending_range_sql,
)
from desktop_app.store.engine import Store
from desktop_app.store.types import MICROS_PER_HOUR as STORE_MICROS_PER_HOUR

H = MICROS_PER_HOUR
AS_OF = 1_000_000 * H
SLA = 48 * H
# waits (hours) at, just under and just over every edge, and a negative one
WAITS = sorted(
    {-1.0, 0.0, 100_000.0}
    | {edge + d for b in PENDING_BUCKETS for edge in (b.low, b.high) for d in (-1e-6, 0, 1e-6)}
    - {math.inf}
)


def _row(conn: Any, expression: str, reported: int, final: int | None) -> Any:
    sql = (
        f"SELECT {expression} FROM (SELECT :reported AS reported_at, "
        ":final AS final_response_at) AS r"
    )
    return conn.execute(sql, {"reported": reported, "final": final, "as_of": AS_OF, "sla": SLA})


@pytest.fixture
def conn(store: Store) -> Any:
    with store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        yield raw


def test_micros_per_hour_is_the_stores() -> None:
    assert MICROS_PER_HOUR == STORE_MICROS_PER_HOUR


def test_over_sla_python_and_sql_agree(conn: Any) -> None:
    for wait, answered in itertools.product(WAITS, (False, True)):
        reported = AS_OF - int(wait * H) if not answered else 0
        final = int(wait * H) if answered else None
        expected = is_over_sla(reported, final, AS_OF, SLA)
        (got,) = _row(conn, over_sla_sql("r"), reported, final).fetchone()
        assert bool(got) is expected, (wait, answered)
        (resp,) = _row(conn, over_sla_responded_sql("r"), reported, final).fetchone()
        (pend,) = _row(conn, over_sla_pending_sql("r"), reported, final).fetchone()
        assert bool(resp) is (expected and answered)
        assert bool(pend) is (expected and not answered)
    # exactly the SLA is not over it; a moment more is
    assert not is_over_sla(0, SLA, AS_OF, SLA) and is_over_sla(0, SLA + 1, AS_OF, SLA)
    assert not hours_over_sla(48.0, 48.0) and hours_over_sla(48.01, 48.0)


def test_pending_buckets_python_and_sql_agree(conn: Any) -> None:
    keys = [b.key for b in PENDING_BUCKETS]
    assert keys == ["lt_24h", "h24_48", "d2_7", "d7_30", "gt_30d"]  # INDICATORS.md
    for wait in WAITS:
        reported = AS_OF - int(wait * H)
        (got,) = _row(conn, pending_bucket_sql("r"), reported, None).fetchone()
        assert got == pending_bucket_number((AS_OF - reported) / H), wait
        assert pending_bucket_of((AS_OF - reported) / H) is PENDING_BUCKETS[got - 1]
        # the drill-down's range selects the report in exactly its bucket
        for index, bucket in enumerate(PENDING_BUCKETS, start=1):
            (inside,) = _row(conn, f"({pending_range_sql(bucket, 'r')})", reported, None).fetchone()
            assert bool(inside) is (index == got), (wait, bucket.key)
    (answered,) = _row(conn, pending_bucket_sql("r"), 0, 5 * H).fetchone()
    assert answered == 0
    assert pending_bucket_number(24.0) == 2 and pending_bucket_number(23.999) == 1
    assert pending_bucket_number(-5.0) == 1 and pending_bucket_number(1e9) == 5


def test_grouping_cell_round_trips_and_sql_packs_the_same(conn: Any) -> None:
    cell = GroupingCell(categories=3, months=14, outcomes=9)
    for platform, category, month, outcome, bucket, over in itertools.product(
        range(4), range(3), (0, 5, 13), (0, 8), range(GroupingCell.BUCKETS), (False, True)
    ):
        codes = CellCodes(platform, category, month, outcome, bucket, over)
        packed = cell.encode(codes)
        assert cell.decode(packed) == codes
        (month_code,) = conn.execute(f"SELECT {cell.month_sql(str(packed))}").fetchone()
        assert month_code == month
    # the SQL form packs a real report like encode does: bucket and over-SLA from
    # the definitions above
    sql = cell.sql(platform="2", category="1", month="7", outcome="0", alias="r")
    reported = AS_OF - 30 * H
    (packed,) = _row(conn, sql, reported, None).fetchone()
    assert cell.decode(packed) == CellCodes(2, 1, 7, 0, pending_bucket_number(30.0), False)
    (late,) = _row(conn, sql, 0, 49 * H).fetchone()
    assert cell.decode(late) == CellCodes(2, 1, 7, 0, 0, True)
    # empty lists still pack (radix 1)
    empty = GroupingCell(categories=0, months=0, outcomes=1)
    assert empty.decode(empty.encode(CellCodes(1, 0, 0, 0, 3, True))) == CellCodes(
        1, 0, 0, 0, 3, True
    )
