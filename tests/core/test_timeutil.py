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
    with pytest.raises(ValueError):
        parse_timestamp("31/02/2018 10:00", YANGON)


def test_unknown_zone_is_a_clear_error() -> None:
    with pytest.raises(BadInputError, match="Asia/Yangon"):
        zone("Mars/Olympus")


def test_month_starts_follow_the_zone() -> None:
    # 2018-02-28 20:00 UTC is already March in Yangon (+06:30).
    first = datetime(2018, 2, 28, 20, 0, tzinfo=UTC)
    starts = month_starts(first, first, YANGON)
    assert starts[0] == datetime(2018, 2, 28, 17, 30, tzinfo=UTC)
    assert len(starts) == 2
