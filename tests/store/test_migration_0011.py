"""Migration 0011: ix_report_reported_at holds (reported_at, post_id), so the window's
first page reads the newest reports from the index alone; same first page, and back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store.cases import first_page
from desktop_app.store.engine import (
    SCHEMA_HEAD,
    create_store,
    current_revision,
    open_store,
)
from tests.conftest import PASSPHRASE, downgrade, write_log

NEWEST = "SELECT reported_at, post_id FROM report ORDER BY reported_at DESC LIMIT 1600"


def _rows(n: int) -> list[dict[str, str]]:
    # Reports written out of time order, as a merged log is: the newest are scattered.
    return [
        {
            "post_url": f"https://facebook.com/page{i % 37}/posts/{i % 211}",
            "platform": "facebook",
            "author_handle": f"@author{i % 13}",
            "content": f"မြန်မာ post {i % 211}",
            "reported_at": f"2026-03-{1 + (i * 7) % 28:02d} {(i * 5) % 24:02d}:{i % 60:02d}",
            "reporter": f"r{i % 5}",
        }
        for i in range(n)
    ]


def _index_columns(raw) -> list[str]:  # type: ignore[no-untyped-def]
    return [r[2] for r in raw.execute("PRAGMA index_info(ix_report_reported_at)")]


def _page(raw) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    found = first_page(raw, sla_hours=48, as_of=datetime(2026, 4, 1, tzinfo=UTC))
    return [(r.case_ref, r.reports) for r in found.rows]


def test_0011_covers_the_newest_reports_read_and_goes_back(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with create_store(path, PASSPHRASE, organisation="O", target="0010") as old:
        import_file(old, write_log(tmp_path / "log.csv", _rows(600)), zone("UTC"))
        assert _index_columns(old.raw()) == ["reported_at"]
    with open_store(path, PASSPHRASE) as store:  # migrated on open
        raw = store.raw()
        assert current_revision(store) == SCHEMA_HEAD
        assert _index_columns(raw) == ["reported_at", "post_id"]
        plan = " ".join(r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + NEWEST))
        assert "COVERING INDEX ix_report_reported_at" in plan
        newest = raw.execute(NEWEST).fetchall()
        page = _page(raw)
        assert len(page) == 200
        downgrade(store, "0010")
        raw = store.raw()
        assert _index_columns(raw) == ["reported_at"]
        assert raw.execute(NEWEST).fetchall() == newest
        assert _page(raw) == page
