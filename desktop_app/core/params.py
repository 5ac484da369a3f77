"""The parameters of INDICATORS.md, validated once, where they are made.

The window's settings, the dashboard, the export dialogs and every command line
option build ``IndicatorParams``; the rules live here so that no path accepts what
another refuses (an SLA of 0 hours, a period that ends before it starts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from desktop_app.core.errors import BadInputError


@dataclass(frozen=True)
class IndicatorParams:
    """The parameters of INDICATORS.md. Times are aware UTC; ``to`` is exclusive."""

    tz: ZoneInfo
    as_of: datetime
    date_from: datetime | None = None
    date_to: datetime | None = None
    sla_hours: float = 48.0
    repeat_threshold: int = 3
    platform: str | None = None
    category: str | None = None
    case_refs: tuple[str, ...] = ()  # only these cases (posts), when given

    def __post_init__(self) -> None:
        for name in ("as_of", "date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                raise BadInputError(f"{name}: a time without a zone reached the indicators")
        if not self.sla_hours > 0:
            raise BadInputError(f"SLA hours: must be more than 0 (got {self.sla_hours:g})")
        if self.repeat_threshold < 1:
            raise BadInputError(
                f"repeat threshold: must be 1 or more (got {self.repeat_threshold})"
            )
        if self.date_from and self.date_to and self.date_to <= self.date_from:
            raise BadInputError("to: the end of the period must be after its start")
