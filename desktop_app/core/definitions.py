"""The definitions of INDICATORS.md that more than one place needs, once, for SQL
and for Python alike: over the SLA, the pending-age buckets, and the packed
grouping cell of the indicators.

Each definition has a Python form (for a row already read) and an SQL form (for
a query over ``report r``) built from the same numbers, so the indicators, the
dashboard's drill-down, the case list, the exports and the case editor cannot
disagree about which report is late or how long it has waited.

Times are SQLite integers in microseconds since the epoch (``store.types``); in
SQL, ``:as_of`` and ``:sla`` are the bound parameters of ``store.selection``
(microseconds), and the bucket edges are written in as integer literals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MICROS_PER_HOUR = 3_600_000_000  # the same as store.types.MICROS_PER_HOUR


# --- over the SLA -------------------------------------------------------------


def waited_micros(reported: int, final: int | None, as_of: int) -> int:
    """How long a report waited: to its final response, or, still pending, to ``as_of``."""
    return (final if final is not None else as_of) - reported


def is_over_sla(reported: int, final: int | None, as_of: int, sla_micros: float) -> bool:
    """INDICATORS.md: a report is over the SLA when its final response came more than
    SLA hours after it was made, or, still pending, it has waited more than that at
    ``as_of``. Exactly the SLA is not over it."""
    return waited_micros(reported, final, as_of) > sla_micros


def hours_over_sla(hours: float, sla_hours: float) -> bool:
    """:func:`is_over_sla` for a wait already in hours (what the window shows)."""
    return hours > sla_hours


def over_sla_sql(alias: str = "r", *, as_of: str = ":as_of", sla: str = ":sla") -> str:
    """:func:`is_over_sla` in SQL over report ``alias``: 1 or 0."""
    return (
        f"(CASE WHEN {alias}.final_response_at IS NULL "
        f"THEN {as_of} - {alias}.reported_at > {sla} "
        f"ELSE {alias}.final_response_at - {alias}.reported_at > {sla} END)"
    )


def over_sla_responded_sql(alias: str = "r", *, sla: str = ":sla") -> str:
    """Over the SLA and answered (a final response later than the SLA)."""
    return f"({alias}.final_response_at - {alias}.reported_at > {sla})"


def over_sla_pending_sql(alias: str = "r", *, as_of: str = ":as_of", sla: str = ":sla") -> str:
    """Over the SLA and still pending at ``as_of``."""
    return f"({alias}.final_response_at IS NULL AND {as_of} - {alias}.reported_at > {sla})"


# --- pending-age buckets ------------------------------------------------------


@dataclass(frozen=True)
class PendingBucket:
    """Reports with no final response that have waited ``low`` hours or more and less
    than ``high`` (``math.inf`` for the last)."""

    key: str  # the indicator key after "pending." (INDICATORS.md)
    label: str  # English label; the window translates it
    low: float
    high: float

    def holds(self, hours: float) -> bool:
        return self.low <= hours < self.high


PENDING_BUCKETS: tuple[PendingBucket, ...] = (
    PendingBucket("lt_24h", "< 24 h", 0, 24),
    PendingBucket("h24_48", "24–48 h", 24, 48),
    PendingBucket("d2_7", "2–7 days", 48, 168),
    PendingBucket("d7_30", "7–30 days", 168, 720),
    PendingBucket("gt_30d", "> 30 days", 720, math.inf),
)
PENDING_KEYS = tuple(bucket.key for bucket in PENDING_BUCKETS)


def pending_bucket_number(hours: float) -> int:
    """1 for the first bucket ... 5 for the last, for a pending report that has
    waited ``hours``; a wait below 0 (``as_of`` before the report) counts as the first,
    as in :func:`pending_bucket_sql`."""
    for number, bucket in enumerate(PENDING_BUCKETS, start=1):
        if hours < bucket.high:
            return number
    raise AssertionError("the last pending bucket is open-ended")


def pending_bucket_of(hours: float) -> PendingBucket:
    """The bucket of a pending report that has waited ``hours``."""
    return PENDING_BUCKETS[pending_bucket_number(hours) - 1]


def pending_bucket_sql(alias: str = "r", *, as_of: str = ":as_of") -> str:
    """:func:`pending_bucket_number` in SQL over report ``alias``; 0 if answered."""
    branches = " ".join(
        f"WHEN {as_of} - {alias}.reported_at < {int(bucket.high * MICROS_PER_HOUR)} THEN {number}"
        for number, bucket in enumerate(PENDING_BUCKETS[:-1], start=1)
    )
    return (
        f"(CASE WHEN {alias}.final_response_at IS NOT NULL THEN 0 {branches} "
        f"ELSE {len(PENDING_BUCKETS)} END)"
    )


def pending_range_sql(bucket: PendingBucket, alias: str = "r", *, as_of: str = ":as_of") -> str:
    """Pending reports in ``bucket`` in SQL (the dashboard's drill-down)."""
    clause = f"{alias}.final_response_at IS NULL"
    if bucket.low > 0:
        clause += f" AND {as_of} - {alias}.reported_at >= {int(bucket.low * MICROS_PER_HOUR)}"
    if bucket.high != math.inf:
        clause += f" AND {as_of} - {alias}.reported_at < {int(bucket.high * MICROS_PER_HOUR)}"
    return clause


# --- the packed grouping cell -------------------------------------------------


@dataclass(frozen=True)
class CellCodes:
    """One report's grouping key, unpacked (see :class:`GroupingCell`)."""

    platform: int
    category: int
    month: int
    outcome: int
    bucket: int  # 0 = answered, else pending_bucket_number
    over_sla: bool


@dataclass(frozen=True)
class GroupingCell:
    """Platform, category, month, outcome, pending bucket and over-SLA of a report
    folded into one integer, so SQLite groups integers rather than text (several
    times faster over 100,000 reports). Mixed radix, most significant first:
    platform, category (``categories`` values), month (``months``), outcome
    (``outcomes``), bucket (1 + len(PENDING_BUCKETS)), over-SLA (2)."""

    categories: int
    months: int
    outcomes: int

    BUCKETS = len(PENDING_BUCKETS) + 1  # 0 = answered

    def radices(self) -> tuple[int, int, int]:
        return max(1, self.categories), max(1, self.months), max(1, self.outcomes)

    @property
    def month_divisor(self) -> int:
        """``cell // month_divisor % months`` is the month code."""
        return max(1, self.outcomes) * self.BUCKETS * 2

    def encode(self, codes: CellCodes) -> int:
        categories, months, outcomes = self.radices()
        cell = ((codes.platform * categories + codes.category) * months + codes.month) * outcomes
        cell = (cell + codes.outcome) * self.BUCKETS + codes.bucket
        return cell * 2 + int(codes.over_sla)

    def decode(self, cell: int) -> CellCodes:
        categories, months, outcomes = self.radices()
        cell, over = divmod(cell, 2)
        cell, bucket = divmod(cell, self.BUCKETS)
        cell, outcome = divmod(cell, outcomes)
        cell, month = divmod(cell, months)
        platform, category = divmod(cell, categories)
        return CellCodes(platform, category, month, outcome, bucket, bool(over))

    def sql(
        self,
        *,
        platform: str,
        category: str,
        month: str,
        outcome: str,
        alias: str = "r",
        as_of: str = ":as_of",
        sla: str = ":sla",
    ) -> str:
        """:meth:`encode` in SQL, given the SQL of each code."""
        categories, months, outcomes = self.radices()
        return (
            f"((((({platform}) * {categories} + ({category})) * {months} + ({month}))"
            f" * {outcomes} + ({outcome})) * {self.BUCKETS}"
            f" + {pending_bucket_sql(alias, as_of=as_of)}) * 2"
            f" + {over_sla_sql(alias, as_of=as_of, sla=sla)}"
        )

    def month_sql(self, column: str = "cell") -> str:
        """The month code of ``column`` in SQL."""
        return f"(({column}) / {self.month_divisor}) % {self.radices()[1]}"

    def platform_sql(self, column: str = "cell") -> str:
        """The platform code of ``column`` in SQL (the most significant digit)."""
        return f"(({column}) / {self.month_divisor * self.radices()[1] * self.radices()[0]})"

    def outcome_sql(self, column: str = "cell") -> str:
        """The outcome code of ``column`` in SQL."""
        return f"(({column}) / {self.BUCKETS * 2}) % {self.radices()[2]}"


__all__ = [
    "MICROS_PER_HOUR",
    "PENDING_BUCKETS",
    "PENDING_KEYS",
    "CellCodes",
    "GroupingCell",
    "PendingBucket",
    "hours_over_sla",
    "is_over_sla",
    "over_sla_pending_sql",
    "over_sla_responded_sql",
    "over_sla_sql",
    "pending_bucket_number",
    "pending_bucket_of",
    "pending_bucket_sql",
    "pending_range_sql",
    "waited_micros",
]
