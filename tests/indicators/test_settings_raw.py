"""The settings read without SQLAlchemy (store.settings, issue 15) are the ones the
session reads, before and after a change, and they fill the indicators' defaults."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.indicators.compute import default_params
from desktop_app.store.settings import (
    indicator_settings,
    load_settings,
    load_settings_raw,
    save_settings,
)


def test_raw_reads_equal_the_session_reads(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        before = load_settings(session)
    assert load_settings_raw(store.raw()) == before
    changed = replace(
        before,
        timezone="Asia/Yangon",
        sla_hours=36.5,
        repeat_threshold=4,
        idle_lock_minutes=3,
        language="my",
        backup_reminder_days=12,
    )
    with store.transaction() as session:
        assert save_settings(session, changed)
    with store.session() as session:
        after = load_settings(session)
    assert after == changed
    assert load_settings_raw(store.raw()) == after
    org = indicator_settings(store.raw())
    assert (org.timezone, org.sla_hours, org.repeat_threshold) == ("Asia/Yangon", 36.5, 4)
    params = default_params(store)
    assert params.tz.key == "Asia/Yangon"
    assert params.sla_hours == 36.5 and params.repeat_threshold == 4
    assert default_params(store, sla_hours=10, repeat_threshold=2).sla_hours == 10
