from datetime import UTC, datetime

import pytest

from desktop_app.core.errors import BadInputError
from desktop_app.core.timeutil import month_starts, parse_timestamp, zone

YANGON = zone("Asia/Yangon")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-03-05T14:30", datetime(2018, 3, 5, 8, 0, tzinfo=UTC)),
        ("2018-03-05 14:30:00+06:30", datetime(2018, 3, 5, 8, 0, tzinfo=UTC)),
        ("2018-03-05T08:00Z", datetime(2018, 3, 5, 8, 0, tzinfo=UTC)),
        ("05/03/2018 14:30", datetime(2018, 3, 5, 8, 0, tzinfo=UTC)),
        ("2018-03-05", datetime(2018, 3, 4, 17, 30, tzinfo=UTC)),
    ],
)
def test_import_time_forms(text: str, expected: datetime) -> None:
    assert parse_timestamp(text, YANGON) == expected


def test_unreadable_time_says_which_forms_work() -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_timestamp("next tuesday", YANGON)
    # A date that does not exist says which day and month it read, and in what order.
    with pytest.raises(ValueError, match=r"no such date: day 31, month 2 \(DD/MM/YYYY"):
        parse_timestamp("31/02/2018 10:00", YANGON)
    with pytest.raises(ValueError, match="day 31, month 31"):
        parse_timestamp("31/31/2024 10:00", YANGON)
    with pytest.raises(ValueError, match="no such time of day: 25:00"):
        parse_timestamp("05/03/2024 25:00", YANGON)


def test_unknown_zone_is_a_clear_error() -> None:
    with pytest.raises(BadInputError, match="Asia/Yangon"):
        zone("Mars/Olympus")


def test_month_starts_follow_the_zone() -> None:
    # 2018-02-28 20:00 UTC is already March in Yangon (+06:30).
    first = datetime(2018, 2, 28, 20, 0, tzinfo=UTC)
    starts = month_starts(first, first, YANGON)
    assert starts[0] == datetime(2018, 2, 28, 17, 30, tzinfo=UTC)
    assert len(starts) == 2


def test_time_range_refuses_far_past_and_future() -> None:
    from datetime import UTC, datetime, timedelta

    import pytest

    from desktop_app.core.errors import BadInputError
    from desktop_app.core.timeutil import check_time_in_range, time_problem

    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert time_problem(now + timedelta(hours=23), now) is None
    assert time_problem(datetime(2000, 1, 1, tzinfo=UTC), now) is None
    assert "future" in (time_problem(now + timedelta(hours=25), now) or "")
    assert "before 2000" in (time_problem(datetime(1999, 12, 31, tzinfo=UTC), now) or "")
    with pytest.raises(BadInputError, match="reported_at: 2027-01-05 is in the future"):
        check_time_in_range(datetime(2027, 1, 5, tzinfo=UTC), "reported_at", now)
