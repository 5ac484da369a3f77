"""Indicators: a worked example checked by hand, and random logs against the reference."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.indicators.compute import IndicatorParams, compute_indicators
from desktop_app.store.engine import create_store
from tests.conftest import write_log
from tests.indicators import reference

UTC_ZONE = zone("UTC")
AS_OF = datetime(2024, 3, 10, 0, 0, tzinfo=UTC)

# A small log whose every figure is worked out by hand in the test below.
WORKED = [
    # A: removed after 10 h (ack after 2 h)
    {
        "post_url": "https://facebook.com/a",
        "platform": "facebook",
        "author_handle": "@x",
        "author_suspected_fake": "yes",
        "category": "hate_speech",
        "content": "Kill them!",
        "reported_at": "2024-01-01T00:00",
        "reporter": "alice",
        "first_response_at": "2024-01-01T02:00",
        "final_response_at": "2024-01-01T10:00",
        "final_outcome": "removed",
    },
    # A again, by bob: account banned after 60 h (over SLA)
    {
        "post_url": "https://www.facebook.com/a/",
        "platform": "Facebook",
        "reported_at": "2024-01-02T00:00",
        "reporter": "Bob",
        "final_response_at": "2024-01-04T12:00",
        "final_outcome": "account_banned",
    },
    # B, same author, duplicate text of A: no violation after 100 h
    {
        "post_url": "https://facebook.com/b",
        "platform": "facebook",
        "author_handle": "X",
        "category": "hate_speech",
        "content": "kill   THEM",
        "reported_at": "2024-02-01T00:00",
        "reporter": "ALICE",
        "final_response_at": "2024-02-05T04:00",
        "final_outcome": "no_violation",
    },
    # C, same author: pending, reported 2024-03-09 00:00 -> 24 h old at as_of
    {
        "post_url": "https://facebook.com/c",
        "platform": "facebook",
        "author_handle": "x",
        "reported_at": "2024-03-09T00:00",
        "first_response_at": "2024-03-09T01:00",
    },
    # D, tiktok, unknown author, pending 69 days
    {
        "post_ref": "tt-1",
        "platform": "tiktok",
        "category": "misinformation",
        "reported_at": "2024-01-01T00:00",
    },
]


def test_worked_example(store, tmp_path: Path) -> None:
    import_file(store, write_log(tmp_path / "w.csv", WORKED), UTC_ZONE)
    result = compute_indicators(store, IndicatorParams(tz=UTC_ZONE, as_of=AS_OF))
    data = result.to_json()
    assert data["reports_total"] == 5
    assert data["posts_total"] == 4
    assert data["reporter_accounts"] == 2  # alice, bob (ALICE = alice)
    assert data["offending_accounts"] == 1  # @x = X = x
    assert data["reports_with_response"] == 4
    assert data["reports_with_final_response"] == 3
    assert data["reports_removed"] == 1
    assert data["reports_actioned"] == 2
    assert data["removal_rate"] == 0.2
    assert data["response_hours"] == {
        "count": 3,
        "mean": (10 + 60 + 100) / 3,
        "median": 60.0,
        "p90": 60 + 0.8 * 40,
        "max": 100.0,
    }
    assert data["first_response_hours"]["count"] == 4
    assert data["first_response_hours"]["median"] == (2 + 60) / 2  # of 1, 2, 60, 100
    assert data["reports_over_sla_responded"] == 2  # 60 h and 100 h
    assert data["reports_over_sla_pending"] == 1  # D; C is exactly 24 h old
    assert data["reports_over_sla"] == 3
    assert data["pending"] == {
        "total": 2,
        "lt_24h": 0,
        "h24_48": 1,
        "d2_7": 0,
        "d7_30": 0,
        "gt_30d": 1,
    }
    assert data["accounts_suspended"] == 0
    assert data["accounts_banned"] == 1
    assert data["fake_accounts_flagged"] == 1
    assert data["fake_accounts_actioned"] == 1
    assert data["repeat_offenders"] == 1  # x has posts A, B, C
    assert data["repeat_offenders_not_banned"] == 0
    assert data["duplicate_clusters"] == 1 and data["duplicate_posts"] == 2
    assert [m["month"] for m in data["by_month"]] == ["2024-01", "2024-02", "2024-03"]
    january = data["by_month"][0]
    assert january == {
        "month": "2024-01",
        "reports_total": 3,
        "reports_removed": 1,
        "reports_actioned": 2,
        "response_hours_mean": 35.0,
        "reports_over_sla": 2,
    }
    assert data["by_platform"] == [
        {
            "platform": "facebook",
            "reports_total": 4,
            "reports_removed": 1,
            "response_hours_mean": 170 / 3,
            "response_hours_median": 60.0,
            "reports_over_sla": 2,
        },
        {
            "platform": "tiktok",
            "reports_total": 1,
            "reports_removed": 0,
            "response_hours_mean": None,
            "response_hours_median": None,
            "reports_over_sla": 1,
        },
    ]
    assert data["by_category"] == [
        {"category": "hate_speech", "reports_total": 3, "reports_removed": 1},
        {"category": "misinformation", "reports_total": 1, "reports_removed": 0},
        {"category": "uncategorised", "reports_total": 1, "reports_removed": 0},
    ]
    assert data["period"] == {
        "from": None,
        "to": None,
        "tz": "UTC",
        "as_of": "2024-03-10T00:00:00+00:00",
    }
    assert data["sla_hours"] == 48 and data["repeat_threshold"] == 3


def test_period_and_parameters(store, tmp_path: Path) -> None:
    import_file(store, write_log(tmp_path / "w.csv", WORKED), UTC_ZONE)
    params = IndicatorParams(
        tz=UTC_ZONE,
        as_of=AS_OF,
        date_from=datetime(2024, 1, 2, tzinfo=UTC),
        date_to=datetime(2024, 3, 1, tzinfo=UTC),
        sla_hours=72,
        repeat_threshold=2,
    )
    data = compute_indicators(store, params).to_json()
    assert data["reports_total"] == 2  # bob's report of A, and B
    assert data["reports_over_sla"] == 1  # only B's 100 h exceeds 72 h
    assert data["repeat_offenders"] == 1
    assert data["period"]["from"] == "2024-01-02T00:00:00+00:00"


def test_empty_store_gives_nulls_not_errors(store) -> None:
    data = compute_indicators(store, IndicatorParams(tz=UTC_ZONE, as_of=AS_OF)).to_json()
    assert data["reports_total"] == 0
    assert data["removal_rate"] is None
    assert data["response_hours"] == {
        "count": 0,
        "mean": None,
        "median": None,
        "p90": None,
        "max": None,
    }
    assert data["by_month"] == [] and data["by_platform"] == []


def test_months_are_bucketed_in_the_chosen_zone(store, tmp_path: Path) -> None:
    rows = [{"post_ref": "1", "platform": "x", "reported_at": "2024-01-31T20:00Z"}]
    import_file(store, write_log(tmp_path / "m.csv", rows), UTC_ZONE)
    yangon = compute_indicators(store, IndicatorParams(tz=zone("Asia/Yangon"), as_of=AS_OF))
    utc = compute_indicators(store, IndicatorParams(tz=UTC_ZONE, as_of=AS_OF))
    assert [m.month for m in yangon.by_month] == ["2024-02"]
    assert [m.month for m in utc.by_month] == ["2024-01"]


OUTCOMES = ["", "removed", "restricted", "account_suspended", "account_banned", "no_violation"]
_row = st.fixed_dictionaries(
    {
        "post_url": st.sampled_from(
            [
                "",
                "https://fb.com/1",
                "https://www.fb.com/1/",
                "https://fb.com/2",
                "https://fb.com/3",
                "https://fb.com/4?fbclid=z",
            ]
        ),
        "post_ref": st.sampled_from(["", "", "ref-1", "ref-2"]),
        "platform": st.sampled_from(["facebook", "tiktok", "Facebook"]),
        "author_handle": st.sampled_from(["", "@a", "A", "b", "c", "@d"]),
        "author_suspected_fake": st.sampled_from(["", "", "yes", "no"]),
        "category": st.sampled_from(["", "hate_speech", "incitement"]),
        "content": st.sampled_from(["", "hello!", "HELLO", "မြန်မာ", "ျမန္မာ", "other text"]),
        "reported_hour": st.integers(0, 24 * 120),
        "reporter": st.sampled_from(["", "r1", "R1 ", "r2"]),
        "first_after": st.one_of(st.none(), st.integers(0, 200)),
        "final_after": st.one_of(st.none(), st.integers(0, 24 * 40)),
        "final_outcome": st.sampled_from(OUTCOMES[1:]),
    }
)


def _as_csv_row(raw: dict[str, object]) -> dict[str, str]:
    base = datetime(2023, 11, 15, tzinfo=UTC)
    from datetime import timedelta

    reported = base + timedelta(hours=int(raw["reported_hour"]))  # type: ignore[arg-type]
    row = {
        k: str(v)
        for k, v in raw.items()
        if k
        in (
            "post_url",
            "post_ref",
            "platform",
            "author_handle",
            "author_suspected_fake",
            "category",
            "content",
            "reporter",
        )
    }
    if not (row["post_url"] or row["post_ref"] or row["content"]):
        row["content"] = "filler"
    row["reported_at"] = reported.isoformat()
    if raw["first_after"] is not None:
        row["first_response_at"] = (reported + timedelta(hours=int(raw["first_after"]))).isoformat()  # type: ignore[arg-type]
    if raw["final_after"] is not None:
        row["final_response_at"] = (
            reported + timedelta(hours=int(raw["final_after"]), minutes=7)
        ).isoformat()  # type: ignore[arg-type]
        row["final_outcome"] = str(raw["final_outcome"])
    return row


def _close(a: object, b: object) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)  # type: ignore[arg-type]
    return a == b


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    raws=st.lists(_row, min_size=0, max_size=40),
    tz_name=st.sampled_from(["UTC", "Asia/Yangon", "America/New_York"]),
    window=st.one_of(st.none(), st.tuples(st.integers(0, 60), st.integers(1, 90))),
    sla=st.sampled_from([24.0, 48.0, 100.5]),
    threshold=st.integers(1, 3),
)
def test_property_sql_matches_the_reference(
    tmp_path_factory, raws, tz_name, window, sla, threshold
) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    tz = zone(tz_name)
    rows = [_as_csv_row(r) for r in raws]
    as_of = datetime(2024, 2, 1, tzinfo=UTC)
    date_from = date_to = None
    if window:
        date_from = datetime(2023, 11, 15, tzinfo=UTC) + timedelta(days=window[0])
        date_to = date_from + timedelta(days=window[1])
    folder = tmp_path_factory.mktemp("ind")
    with create_store(folder / "s.db", "pw") as store:
        if rows:
            import_file(store, write_log(folder / "log.csv", rows), tz)
        got = compute_indicators(
            store,
            IndicatorParams(
                tz=tz,
                as_of=as_of,
                date_from=date_from,
                date_to=date_to,
                sla_hours=sla,
                repeat_threshold=threshold,
            ),
        ).to_json()
    want = reference.compute(
        rows, tz, as_of=as_of, date_from=date_from, date_to=date_to, sla=sla, threshold=threshold
    )
    for key, value in want.items():
        if key.startswith("by_") or key == "_R":
            continue
        if isinstance(value, dict):
            for sub, subvalue in value.items():
                assert _close(got[key][sub], subvalue), (key, sub, got[key][sub], subvalue)
        else:
            assert _close(got[key], value), (key, got[key], value)
    R = want["_R"]
    assert [m["month"] for m in got["by_month"]] == want["by_month"]
    for month in got["by_month"]:
        in_month = [
            r for r in R if r.reported_at.astimezone(tz).strftime("%Y-%m") == month["month"]
        ]
        assert month["reports_total"] == len(in_month)
        assert month["reports_removed"] == sum(1 for r in in_month if r.outcome == "removed")
    assert [p["platform"] for p in got["by_platform"]] == want["by_platform"]
    for platform in got["by_platform"]:
        hours = sorted(
            reference.hours(r.reported_at, r.final)
            for r in R
            if r.platform == platform["platform"] and r.final
        )
        expected_median = reference._stats(hours)["median"]
        assert _close(platform["response_hours_median"], expected_median) or (
            platform["response_hours_median"] is None and expected_median is None
        )
    assert [c["category"] for c in got["by_category"]] == want["by_category"]


def test_many_free_text_categories_use_the_lookup_path(store, tmp_path: Path) -> None:
    rows = [
        {
            "post_ref": f"p{i}",
            "platform": f"site{i % 70}",
            "category": f"topic {i % 80}",
            "reported_at": "2024-01-05T00:00",
            "final_response_at": "2024-01-06T00:00",
            "final_outcome": "removed" if i % 2 else "no_violation",
        }
        for i in range(160)
    ]
    import_file(store, write_log(tmp_path / "many.csv", rows), UTC_ZONE)
    data = compute_indicators(store, IndicatorParams(tz=UTC_ZONE, as_of=AS_OF)).to_json()
    assert data["reports_total"] == 160 and data["reports_removed"] == 80
    assert len(data["by_category"]) == 80 and len(data["by_platform"]) == 70
    assert sum(c["reports_total"] for c in data["by_category"]) == 160
    topic1 = next(c for c in data["by_category"] if c["category"] == "topic 1")
    assert topic1 == {"category": "topic 1", "reports_total": 2, "reports_removed": 2}
    assert data["by_platform"][0]["response_hours_median"] == 24.0


def test_a_very_long_case_selection(store, tmp_path: Path) -> None:
    """'The cases in the current list' can be huge: more cases than SQLite accepts
    parameters (250,000 in this build) must still work."""
    from desktop_app.store.selection import selected_post_ids

    import_file(store, write_log(tmp_path / "w.csv", WORKED), UTC_ZONE)
    refs = ("C-000001", "C-000004", *(f"X-{i:06d}" for i in range(300_000)))
    result = compute_indicators(store, IndicatorParams(tz=UTC_ZONE, as_of=AS_OF, case_refs=refs))
    assert result.reports_total == 3  # A twice (alice, bob) and D
    with store.engine.connect() as conn:
        from desktop_app.core.errors import BadInputError

        with pytest.raises(BadInputError, match="and 299990 more"):
            selected_post_ids(conn, IndicatorParams(tz=UTC_ZONE, as_of=AS_OF, case_refs=refs))
        real = IndicatorParams(tz=UTC_ZONE, as_of=AS_OF, case_refs=("C-000001", "C-000004"))
        assert len(selected_post_ids(conn, real)) == 2
