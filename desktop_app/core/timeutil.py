"""Time handling: aware UTC inside, zones only at the edges."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop_app.core.errors import BadInputError

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def zone(name: str | None) -> ZoneInfo:
    """The IANA zone ``name`` (default UTC), or a clear error."""
    key = (name or "UTC").strip() or "UTC"
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInputError(
            f"unknown time zone {key!r}: use an IANA name such as Asia/Yangon or UTC"
        ) from None


def now_utc() -> datetime:
    return datetime.now(UTC)


# The one allowed range for every time a person or a file gives Caselog (window
# fields, spreadsheet rows, bundles, corrections). Before 2000 no platform in scope
# took reports; "future" means more than a day past this computer's clock, so a
# laptop whose clock is a little off still works.
EARLIEST_TIME = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(hours=24)


def latest_allowed(now: datetime | None = None) -> datetime:
    """The latest time accepted now: this computer's clock plus FUTURE_SLACK."""
    return (now or now_utc()) + FUTURE_SLACK


def time_problem(value: datetime, now: datetime | None = None) -> str | None:
    """Why ``value`` (aware) is outside the allowed range, or None when it is inside.

    The text is a plain reason a message can quote after naming the field or row.
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if value < EARLIEST_TIME:
        return f"{value.date().isoformat()} is before 2000-01-01, the earliest date Caselog accepts"
    if value > latest_allowed(now):
        return (
            f"{value.date().isoformat()} is in the future (more than 24 hours past this "
            "computer's clock)"
        )
    return None


def check_time_in_range(value: datetime, what: str, now: datetime | None = None) -> datetime:
    """``value`` unchanged, or BadInputError naming ``what`` (a field, a row and column)."""
    problem = time_problem(value, now)
    if problem is not None:
        raise BadInputError(f"{what}: {problem}")
    return value


def to_utc(value: datetime, tz: ZoneInfo) -> datetime:
    """Aware values are exact; naive ones are read in ``tz``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    return value.astimezone(UTC)


_NOT_A_TIME = "not a date and time: use ISO 8601 (2018-03-05T14:30) or DD/MM/YYYY HH:MM"


def parse_timestamp(text: str, tz: ZoneInfo) -> datetime:
    """Parse the forms of IMPORT_FORMAT.md into aware UTC. Raises ValueError."""
    raw = text.strip()
    if not raw:
        raise ValueError("empty")
    match = _DMY.match(raw)
    if match:
        day, month, year, hour, minute, second = match.groups()
        # Python's own words ("month must be in 1..12") say less than these.
        try:
            day_of = date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(
                f"no such date: day {int(day)}, month {int(month)} "
                "(DD/MM/YYYY: the day comes first)"
            ) from None
        try:
            at = time(int(hour or 0), int(minute or 0), int(second or 0))
        except ValueError:
            raise ValueError(f"no such time of day: {hour}:{minute}") from None
        return to_utc(datetime.combine(day_of, at), tz)
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise ValueError(_NOT_A_TIME) from None
    return to_utc(value, tz)


def parse_cell_time(value: object, tz: ZoneInfo) -> datetime | None:
    """A spreadsheet cell (text or a real date cell) as aware UTC; None when empty."""
    if type(value) is str:
        raw = value.strip()
        if raw[4:5] == "-":
            # ISO 8601 (2018-03-05...): DD/MM/YYYY never has "-" there, so this is
            # parse_timestamp's own second branch, without its calls around it (an
            # import reads three of these a report).
            try:
                parsed = datetime.fromisoformat(raw)
            except ValueError:
                raise ValueError(_NOT_A_TIME) from None
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=tz)
            return parsed.astimezone(UTC)
        return parse_timestamp(raw, tz) if raw else None
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_utc(value, tz)
    if isinstance(value, date):
        return to_utc(datetime.combine(value, time()), tz)
    text = str(value)
    if not text.strip():
        return None
    return parse_timestamp(text, tz)


def parse_user_time(text: str, tz: ZoneInfo, what: str) -> datetime:
    """A date or time typed by a user (``--from``, ``--as-of``): aware UTC or a clear error."""
    try:
        return parse_timestamp(text, tz)
    except ValueError as exc:
        raise BadInputError(f"{what}: {text!r} is {exc}") from None


def month_starts(start: datetime, end: datetime, tz: ZoneInfo) -> list[datetime]:
    """Local month starts (as aware UTC) covering [start, end], plus the one after end."""
    local = start.astimezone(tz)
    year, month = local.year, local.month
    out: list[datetime] = []
    while True:
        boundary = datetime(year, month, 1, tzinfo=tz).astimezone(UTC)
        out.append(boundary)
        if boundary > end:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def hours_between(start: datetime, end: datetime) -> float:
    return (end - start) / timedelta(hours=1)


def iso(value: datetime | None) -> str | None:
    """ISO 8601 text for JSON and files; None stays None."""
    return None if value is None else value.isoformat()
