"""Times as the store keeps them: integer microseconds since 1970-01-01 UTC.

Plain Python, importable without SQLAlchemy (issue 15: ``caselog-cli stats`` and
the first screen must not pay for it). ``store.types`` has the same functions next
to the SQLAlchemy column type; a test checks the two agree.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROS_PER_HOUR = 3_600_000_000

# Times a reader can shift by any zone and a month without leaving datetime's range.
# A value outside them (written before times were range-checked, or by a tool)
# decodes to the bound, so it cannot break the indicators or an export.
SAFE_MIN = datetime(1, 1, 3, tzinfo=UTC)
SAFE_MAX = datetime(9998, 12, 1, tzinfo=UTC)

# One microsecond, made once: building it at each call was most of to_micros's time
# (an import converts three times a report).
_MICROSECOND = timedelta(microseconds=1)
_SAFE_MIN_MICROS = (SAFE_MIN - EPOCH) // _MICROSECOND
_SAFE_MAX_MICROS = (SAFE_MAX - EPOCH) // _MICROSECOND


def to_micros(value: datetime) -> int:
    if value.tzinfo is None:
        raise ValueError("naive datetime reached the store; convert to UTC first")
    return (value - EPOCH) // _MICROSECOND


def from_micros(value: int) -> datetime:
    if value < _SAFE_MIN_MICROS:
        return SAFE_MIN
    if value > _SAFE_MAX_MICROS:
        return SAFE_MAX
    return EPOCH + _MICROSECOND * value


__all__ = ["EPOCH", "MICROS_PER_HOUR", "SAFE_MAX", "SAFE_MIN", "from_micros", "to_micros"]
