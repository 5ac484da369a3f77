"""core.micros (the indicators' light copy) and store.types convert times alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.core import definitions, micros
from desktop_app.store import types


def test_the_two_conversions_agree_to_the_microsecond_and_at_the_bounds() -> None:
    assert micros.MICROS_PER_HOUR == types.MICROS_PER_HOUR == definitions.MICROS_PER_HOUR
    assert (micros.EPOCH, micros.SAFE_MIN, micros.SAFE_MAX) == (
        types.EPOCH,
        types.SAFE_MIN,
        types.SAFE_MAX,
    )
    moments = [
        datetime(2024, 1, 31, 20, 0, 0, 123456, tzinfo=UTC),
        datetime(1970, 1, 1, tzinfo=UTC) - timedelta(microseconds=1),
        datetime(1, 1, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    ]
    for moment in moments:
        value = micros.to_micros(moment)
        assert value == types.to_micros(moment)
        assert micros.from_micros(value) == types.from_micros(value)
    assert micros.from_micros(-(10**18)) == micros.SAFE_MIN
    assert micros.from_micros(10**18) == micros.SAFE_MAX
