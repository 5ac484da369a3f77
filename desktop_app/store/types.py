"""Column types: aware UTC datetimes stored as integer microseconds since the epoch.

Integers keep the indicator arithmetic in SQL exact and fast (hours are a
subtraction and a division), and sort correctly.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

# SQLAlchemy only for the column type the tables use (``UTCDateTime``, made on first
# access): the case list, the indicators and the first screen convert times with
# the functions here without importing it (issue 15).
if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROS_PER_HOUR = 3_600_000_000


def to_micros(value: datetime) -> int:
    if value.tzinfo is None:
        raise ValueError("naive datetime reached the store; convert to UTC first")
    return (value - EPOCH) // timedelta(microseconds=1)


# Times a reader can shift by any zone and a month without leaving datetime's range.
# A value outside them (written before times were range-checked, or by a tool)
# decodes to the bound, so it cannot break the indicators or an export.
SAFE_MIN = datetime(1, 1, 3, tzinfo=UTC)
SAFE_MAX = datetime(9998, 12, 1, tzinfo=UTC)
_SAFE_MIN_MICROS = (SAFE_MIN - EPOCH) // timedelta(microseconds=1)
_SAFE_MAX_MICROS = (SAFE_MAX - EPOCH) // timedelta(microseconds=1)


def from_micros(value: int) -> datetime:
    if value < _SAFE_MIN_MICROS:
        return SAFE_MIN
    if value > _SAFE_MAX_MICROS:
        return SAFE_MAX
    return EPOCH + timedelta(microseconds=value)


def _utc_datetime_type() -> type:
    from sqlalchemy import BigInteger
    from sqlalchemy.types import TypeDecorator

    class UTCDateTime(TypeDecorator[datetime]):
        """Aware datetime <-> integer microseconds since 1970-01-01 UTC."""

        impl = BigInteger
        cache_ok = True

        def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
            if value is None:
                return None
            if isinstance(value, int):
                return value
            return to_micros(value)

        def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
            return None if value is None else from_micros(int(value))

    UTCDateTime.__module__ = __name__
    return UTCDateTime


def __getattr__(name: str) -> Any:
    """``UTCDateTime`` (a SQLAlchemy type), made and kept on first access."""
    if name == "UTCDateTime":
        made = _utc_datetime_type()
        globals()[name] = made
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
