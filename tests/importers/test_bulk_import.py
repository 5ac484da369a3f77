"""The import's fast write path (store/bulk.py) writes what the writer would, and the
import holds nothing that grows with the file or the store (issue 15)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.timeutil import zone
from desktop_app.importers import spreadsheet
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store.bulk import insert_columns, take_ids
from desktop_app.store.engine import Store, open_store
from desktop_app.store.search import search_ids
from desktop_app.store.writer import Writer
from tests.conftest import PASSPHRASE, write_log

UTC_ZONE = zone("UTC")
ZAWGYI = "ျမန္မာ စာ"  # Zawgyi spelling of မြန်မာ စာ

# Columns that differ between two stores on purpose: new uids, times of writing.
_OWN = {"uid", "created_at", "updated_at", "updated_offset"}


def _rows(store: Store, table: str, skip: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    conn = store.raw()
    cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")
    names = [d[0] for d in cursor.description]
    left_out = _OWN | skip
    return [{n: v for n, v in zip(names, row, strict=True) if n not in left_out} for row in cursor]


def _second(store_template: Path, tmp_path: Path) -> Store:
    path = tmp_path / "other.db"
    shutil.copyfile(store_template, path)
    return open_store(path, PASSPHRASE)


def test_bulk_insert_writes_what_writer_insert_writes(
    store: Store, store_template: Path, tmp_path: Path
) -> None:
    accounts = [
        {
            "platform": "facebook",
            "handle": " @Hate_Page ",
            "display_name": "Hate",
            "suspected_fake": True,
        },
        {"platform": "tiktok", "handle": "someone", "display_name": "", "suspected_fake": False},
    ]
    posts = [
        {
            "platform": "facebook",
            "url": "https://www.facebook.com/p/1/?fbclid=abc&x=1",
            "post_ref": "",
            "identity_key": "url:facebook:https://facebook.com/p/1?x=1",
            "author_id": 1,
            "category": "incitement",
            "language": "my",
            "content": ZAWGYI,
            "posted_at": 1_520_000_000_000_000,
            "import_event_uid": "event",
        },
        {
            "platform": "messenger",
            "url": "",
            "post_ref": "chain-7",
            "identity_key": "ref:messenger:chain-7",
            "author_id": None,
            "category": "",
            "language": "",
            "content": "Buddhists, beware!  Share.",
            "posted_at": None,
            "import_event_uid": "event",
        },
    ]
    reports = [
        {
            "post_id": 1,
            "reported_at": 1_520_100_000_000_000,
            "reporter": "  Researcher A ",
            "channel": "in_app",
            "platform_ref": "T1",
            "notes": "n",
            "first_response_at": 1_520_200_000_000_000,
            "final_response_at": 1_520_300_000_000_000,
            "final_outcome": "removed",
            "import_event_uid": "event",
        },
        {
            "post_id": 2,
            "reported_at": 1_520_100_000_000_001,
            "reporter": "",
            "channel": "",
            "platform_ref": "",
            "notes": "",
            "first_response_at": None,
            "final_response_at": None,
            "final_outcome": None,
            "import_event_uid": "event",
        },
    ]
    responses = [
        {
            "report_id": 1,
            "received_at": 1_520_200_000_000_000,
            "outcome": "acknowledged",
            "text": "",
        },
        {
            "report_id": 1,
            "received_at": 1_520_300_000_000_000,
            "outcome": "removed",
            "text": "gone",
        },
    ]
    tables = (
        ("author_account", accounts),
        ("post", posts),
        ("report", reports),
        ("response", responses),
    )
    other = _second(store_template, tmp_path)
    try:
        with store.engine.begin() as conn:
            writer = Writer(conn)
            for table, rows in tables:
                writer.insert(table, rows)
        with other.engine.begin() as conn:
            writer = Writer(conn)
            for table, rows in tables:
                ids = take_ids(writer, table, len(rows))
                columns = {name: [r[name] for r in rows] for name in rows[0]}
                assert insert_columns(writer, table, {"id": ids, **columns}) == len(rows)
        for table, _rows_given in tables:
            assert _rows(other, table) == _rows(store, table), table
        # and the search indexes (posts, accounts) find the same posts through both paths
        for query in ("မြန်မာ", "Buddhists", "hate_page"):
            sql, params = search_ids(query)
            found = [sorted(r[0] for r in s.raw().execute(sql, params)) for s in (store, other)]
            assert found[0] == found[1] and found[0], query
    finally:
        other.close()


def test_bulk_insert_refuses_unknown_columns_and_uneven_lengths(store: Store) -> None:
    with store.engine.begin() as conn:
        writer = Writer(conn)
        with pytest.raises(ValueError, match="no column"):
            insert_columns(writer, "report", {"id": [1], "nonsense": [1]})
        with pytest.raises(ValueError, match="values, not"):
            insert_columns(writer, "report", {"id": [1, 2], "post_id": [1]})
        with pytest.raises(ValueError, match="ids"):
            insert_columns(writer, "report", {"post_id": [1]})


def test_imported_summaries_are_those_the_writer_computes(store: Store, tmp_path: Path) -> None:
    rows = [
        {  # acknowledged, then decided
            "post_url": "https://x.org/1",
            "platform": "x",
            "reported_at": "2018-03-05T10:00",
            "first_response_at": "2018-03-05T11:00",
            "final_response_at": "2018-03-06T10:00",
            "final_outcome": "removed",
        },
        {  # the "first" response after the decision: the decision is the first
            "post_url": "https://x.org/2",
            "platform": "x",
            "reported_at": "2018-03-05T10:00",
            "first_response_at": "2018-03-07T11:00",
            "final_response_at": "2018-03-06T10:00",
            "final_outcome": "no_violation",
        },
        {"post_url": "https://x.org/3", "platform": "x", "reported_at": "2018-03-05T10:00"},
        {
            "post_url": "https://x.org/4",
            "platform": "x",
            "reported_at": "2018-03-05T10:00",
            "first_response_at": "2018-03-05T10:00",
        },
        {  # same time twice: acknowledgement first
            "post_url": "https://x.org/5",
            "platform": "x",
            "reported_at": "2018-03-05T10:00",
            "first_response_at": "2018-03-06T10:00",
            "final_response_at": "2018-03-06T10:00",
            "final_outcome": "restricted",
        },
        {  # a decision with no acknowledgement: it is the first response too
            "post_url": "https://x.org/6",
            "platform": "x",
            "reported_at": "2018-03-05T10:00",
            "final_response_at": "2018-03-08T10:00",
            "final_outcome": "removed",
        },
    ]
    import_file(store, write_log(tmp_path / "log.csv", rows), UTC_ZONE)
    summary = (
        "SELECT id, first_response_at, final_response_at, final_outcome FROM report ORDER BY id"
    )
    imported = store.raw().execute(summary).fetchall()
    assert [r[3] for r in imported] == [
        "removed",
        "no_violation",
        None,
        None,
        "restricted",
        "removed",
    ]
    assert imported[1][1] == imported[1][2]  # first response = the decision
    assert imported[5][1] == imported[5][2]
    responses = (
        store.raw().execute("SELECT report_id, outcome FROM response ORDER BY id").fetchall()
    )
    # ids follow time within a report; ties keep the acknowledgement first
    assert responses == [
        (1, "acknowledged"),
        (1, "removed"),
        (2, "no_violation"),
        (2, "acknowledged"),
        (4, "acknowledged"),
        (5, "acknowledged"),
        (5, "restricted"),
        (6, "removed"),
    ]
    with store.engine.begin() as conn:
        Writer(conn).refresh_summaries([r[0] for r in imported], touch=False)
    assert store.raw().execute(summary).fetchall() == imported


def test_accounts_are_found_in_the_store_across_chunks_and_flagged_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", 2)
    rows = [
        {
            "post_url": f"https://x.org/{i}",
            "platform": "x",
            "author_handle": "@Same" if i % 2 else "same",
            "author_suspected_fake": "yes" if i == 3 else "",
            "reported_at": f"2018-03-0{i + 1}T10:00",
        }
        for i in range(6)
    ]
    result = import_file(store, write_log(tmp_path / "log.csv", rows), UTC_ZONE)
    assert (result.added, result.accounts_added) == (6, 1)
    assert store.raw().execute("SELECT handle, suspected_fake FROM author_account").fetchall() == [
        ("same", 1)
    ]
    assert {r[0] for r in store.raw().execute("SELECT author_id FROM post")} == {1}
    again = import_file(
        store,
        write_log(tmp_path / "more.csv", [{**rows[3], "post_url": "https://x.org/new"}]),
        UTC_ZONE,
    )
    assert (again.added, again.accounts_added) == (1, 0)
    flagged = [
        json.loads(detail)["accounts_flagged_fake"]
        for (detail,) in store.raw().execute(
            "SELECT detail FROM audit_event WHERE action = 'import' ORDER BY id"
        )
    ]
    assert flagged == [1, 0]  # flagged by row 5 of the first file; already so after


def _sizes(obj: object) -> dict[str, int]:
    """The length of every container an object holds directly."""
    return {
        name: len(value)
        for name, value in vars(obj).items()
        if isinstance(value, (list, dict, set, tuple))
    }


def test_the_import_holds_nothing_per_row_of_the_file_or_store(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With 400 accounts and posts already in the store and a 200-row file written
    in chunks of 10, nothing the importer or its writer keeps between chunks holds
    more than a chunk's worth of entries (it held every account of the store, and
    every new post until the end of the file). The ids it remembers between chunks
    are bounded by KNOWN_ACCOUNT_BYTES and KNOWN_POST_BYTES, here set to a chunk's
    worth (ten entries of the smallest cost)."""
    rows = [
        {
            "post_url": f"https://x.org/{i}",
            "platform": "x",
            "author_handle": f"author{i}",
            "reported_at": "2018-03-05T10:00",
        }
        for i in range(400)
    ]
    import_file(store, write_log(tmp_path / "first.csv", rows), UTC_ZONE)
    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", 10)
    least = spreadsheet.KNOWN_ENTRY_BYTES + sys.getsizeof("")
    monkeypatch.setattr(
        spreadsheet,
        "KNOWN_ACCOUNT_BYTES",
        10 * (least + sys.getsizeof("") + spreadsheet.KNOWN_PAIR_BYTES),
    )
    monkeypatch.setattr(spreadsheet, "KNOWN_POST_BYTES", 10 * least)
    seen: list[dict[str, int]] = []
    write_chunk = spreadsheet._ImportWriter.write_chunk

    def watched(self: Any, chunk: list[Any]) -> None:
        write_chunk(self, chunk)
        seen.append({**_sizes(self), **{f"writer.{k}": v for k, v in _sizes(self.writer).items()}})
        pending = self.writer._bulk_posts  # noqa: SLF001 - posts waiting for the index
        seen[-1]["writer.pending posts"] = len(pending or ())

    monkeypatch.setattr(spreadsheet._ImportWriter, "write_chunk", watched)
    more = [
        {**rows[i % 400], "reported_at": "2018-03-06T10:00", "post_url": f"https://x.org/n{i}"}
        for i in range(200)
    ]
    result = import_file(store, write_log(tmp_path / "second.csv", more), UTC_ZONE)
    assert (result.added, result.posts_added, result.accounts_added) == (200, 200, 0)
    assert len(seen) == 20
    biggest = {name: max(s.get(name, 0) for s in seen) for s in seen for name in s}
    assert all(size <= 10 for size in biggest.values()), biggest


def test_the_windows_preview_path_reads_each_row_once_per_pass_and_writes_the_same(
    store: Store, store_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """check_file, then import_file(check=...): each pass parses each row once, and
    the store ends up as a one-pass import leaves it."""
    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", 4)
    parse = spreadsheet._parse_row
    calls: list[tuple[int, bool]] = []

    def counting(values, header, number, tz, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((number, kwargs.get("full", True)))
        return parse(values, header, number, tz, **kwargs)

    monkeypatch.setattr(spreadsheet, "_parse_row", counting)
    rows = [
        {
            "post_url": f"https://x.org/{i % 7}?fbclid={i}",
            "platform": "x",
            "author_handle": f"a{i % 3}",
            "content": ZAWGYI if i % 2 else "text",
            "reported_at": f"2018-03-{1 + i:02d}T10:00",
            "reporter": f"r{i % 2}",
            "final_response_at": f"2018-03-{2 + i:02d}T10:00" if i % 3 else "",
            "final_outcome": "removed" if i % 3 else "",
        }
        for i in range(20)
    ]
    path = write_log(tmp_path / "log.csv", [*rows, rows[3]])
    check = spreadsheet.check_file(path, UTC_ZONE, sample_size=5)
    assert sorted(n for n, _full in calls) == list(range(2, 23))
    assert sum(full for _n, full in calls) == 5  # only the preview's rows normalised
    calls.clear()
    previewed = import_file(store, path, UTC_ZONE, check=check)
    assert sorted(n for n, _full in calls) == list(range(2, 23))
    other = _second(store_template, tmp_path)
    try:
        direct = import_file(other, path, UTC_ZONE)
        for field in ("added", "already_present", "posts_added", "accounts_added", "zawgyi_cells"):
            assert getattr(previewed, field) == getattr(direct, field), field
        assert (previewed.added, previewed.already_present) == (20, 1)
        for table in ("author_account", "post", "report", "response"):
            event = frozenset({"import_event_uid"})  # each import its own
            assert _rows(other, table, event) == _rows(store, table, event), table
    finally:
        other.close()
