"""What an import remembers between chunks is only a shortcut (issue 15).

Posts and accounts met in an earlier chunk are found without a probe of the unique
index, and into a table that was empty a key its filter has never seen is known to
be new. Whatever the bounds (emptied at once, never full, keys too long to keep, a
filter of 8 bits that says "perhaps" to nearly everything), the store ends up the
same, row for row, as with every lookup going to the store.
"""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from desktop_app.core.normalise import normalise_handle, normalise_platform
from desktop_app.core.timeutil import zone
from desktop_app.importers import spreadsheet
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store.engine import Store, open_store
from tests.conftest import PASSPHRASE, write_log

UTC_ZONE = zone("UTC")
_OWN = {"uid", "created_at", "updated_at", "updated_offset", "import_event_uid"}
_TABLES = ("author_account", "post", "report", "response")


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    conn = store.raw()
    out = {}
    for table in _TABLES:
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cursor.description]
        keep = [i for i, name in enumerate(names) if name not in _OWN]
        out[table] = [tuple(row[i] for i in keep) for row in cursor]
    return out


def _rows(offset: int, count: int) -> list[dict[str, str]]:
    """Posts reported several times across chunks, by accounts met again and again,
    some flagged fake later; from row 60 on, some links and handles longer than
    KNOWN_KEY_CHARS."""
    rows = []
    for i in range(offset, offset + count):
        long = "l" * 300 if i >= 60 and i % 11 == 0 else ""  # the second file only
        rows.append(
            {
                "post_url": f"https://www.x.org/{long}{i % 17}?fbclid={i}",
                "platform": "x" if i % 5 else "Y",
                "author_handle": f"@{long}a{i % 7}",
                "author_suspected_fake": "yes" if i % 13 == 4 else "",
                "reporter": f"r{i % 3}",
                "reported_at": f"2018-03-{1 + i % 28:02d}T10:{i % 60:02d}",
                "final_response_at": "2018-04-01T10:00" if i % 4 == 0 else "",
                "final_outcome": "removed" if i % 4 == 0 else "",
            }
        )
    return rows


def _import_twice(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **bounds: Any
) -> tuple[list[Any], dict[str, list[tuple[Any, ...]]]]:
    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", 6)
    for name, value in bounds.items():
        monkeypatch.setattr(spreadsheet, name, value)
    results = []
    # A first import into the empty store; a second, overlapping one into a store
    # that has posts and accounts already; the first file again (all present).
    first = write_log(tmp_path / "first.csv", [*_rows(0, 60), _rows(3, 1)[0]])  # row 5 twice
    for path in (first, write_log(tmp_path / "second.csv", _rows(40, 60)), first):
        result = import_file(store, path, UTC_ZONE)
        results.append(
            (result.added, result.already_present, result.posts_added, result.accounts_added)
        )
    return results, _dump(store)


def _lookups_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every chunk's posts and accounts looked up in the store, as before."""

    def nothing_known(self: Any, *_args: Any) -> None:
        pass

    monkeypatch.setattr(spreadsheet._ImportWriter, "_know_accounts", nothing_known)
    monkeypatch.setattr(spreadsheet._ImportWriter, "_know_posts", nothing_known)
    init = spreadsheet._ImportWriter.__init__

    def init_unknown(self: Any, *args: Any) -> None:
        init(self, *args)
        self.account_filter = self.post_filter = self.report_filter = None

    monkeypatch.setattr(spreadsheet._ImportWriter, "__init__", init_unknown)


@pytest.mark.parametrize(
    "bounds",
    [
        {},
        {"KNOWN_POST_BYTES": 1, "KNOWN_ACCOUNT_BYTES": 1},
        {"KNOWN_KEY_CHARS": 0},
        {"KNOWN_ACCOUNT_BYTES": 600, "KNOWN_POST_BYTES": 900},
        {"FILTER_BITS": 8},
        {"FILTER_BITS": 64, "KNOWN_POST_BYTES": 1, "KNOWN_ACCOUNT_BYTES": 1, "KNOWN_KEY_CHARS": 0},
    ],
)
def test_remembered_ids_change_nothing_in_the_store(
    store: Store,
    store_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    bounds: dict[str, int],
) -> None:
    path = tmp_path / "plain.db"
    shutil.copyfile(store_template, path)
    with pytest.MonkeyPatch.context() as plain_patch, open_store(path, PASSPHRASE) as plain:
        _lookups_always(plain_patch)
        expected = _import_twice(plain, tmp_path, plain_patch)
    got = _import_twice(store, tmp_path, monkeypatch, **bounds)
    assert got == expected
    results, dump = got
    assert results[0][:2] == (60, 1)
    assert results[2][:2] == (0, 61)  # the first file again: all present
    assert len(dump["post"]) < 120 and len(dump["author_account"]) < 30  # shared across files


def _watch_probes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL of every lookup the importer sends, from now on."""
    asked: list[str] = []
    lookup = spreadsheet._ImportWriter._lookup

    def watched(self: Any, chunk: list[Any]) -> Any:
        raw = self.raw

        class Watch:
            def execute(self, sql: str, *args: Any) -> Any:
                asked.append(sql)
                return raw.execute(sql, *args)

        self.raw = Watch()
        try:
            return lookup(self, chunk)
        finally:
            self.raw = raw

    monkeypatch.setattr(spreadsheet._ImportWriter, "_lookup", watched)
    return asked


_PROBES = (spreadsheet._POSTS_OF, spreadsheet._ACCOUNTS_OF, spreadsheet._REPORTS_OF)


def test_a_first_import_asks_the_store_for_no_post_account_or_report(
    store: Store, store_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into an empty store: no probe at all; into a store with posts, each chunk's
    unknown posts, accounts and reports are looked up."""
    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", 6)
    asked = _watch_probes(monkeypatch)
    result = import_file(store, write_log(tmp_path / "first.csv", _rows(0, 60)), UTC_ZONE)
    assert (result.added, result.already_present) == (60, 0)
    assert not [sql for sql in asked if sql in _PROBES]
    asked.clear()
    import_file(store, write_log(tmp_path / "second.csv", _rows(100, 12)), UTC_ZONE)
    assert all(sql in asked for sql in _PROBES)


def test_a_row_given_twice_in_a_first_import_is_found_through_the_filter(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Row 32 repeats row 2, chunks later: the filter has seen its report, which is
    looked up and counted as already present; nothing else is probed."""
    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", 6)
    asked = _watch_probes(monkeypatch)
    rows = _rows(0, 60)
    result = import_file(
        store, write_log(tmp_path / "twice.csv", [*rows[:30], rows[0], *rows[30:]]), UTC_ZONE
    )
    assert (result.added, result.already_present) == (60, 1)
    assert [sql for sql in asked if sql in _PROBES] == [spreadsheet._REPORTS_OF]


def _remember(kind: str, count: int, text: str) -> tuple[SimpleNamespace, int]:
    """``count`` accounts or posts remembered as an import remembers them (keys made
    by the parser's own normalising, ids as large as a big store's), and the bytes
    they really hold (tracemalloc)."""
    known = SimpleNamespace(
        known_accounts={}, known_posts={}, known_account_bytes=0, known_post_bytes=0
    )
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        if kind == "accounts":
            accounts = [
                ((normalise_platform(" Facebook "), normalise_handle(text.format(i))), 10**6 + i)
                for i in range(count)
            ]
            spreadsheet._ImportWriter._know_accounts(known, accounts)  # type: ignore[arg-type]
            del accounts  # what stays is what the remembered accounts hold
        else:
            posts = [(f"url:facebook:{text.format(i)}", 10**6 + i) for i in range(count)]
            spreadsheet._ImportWriter._know_posts(known, posts)  # type: ignore[arg-type]
            del posts
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    return known, held


@pytest.mark.parametrize("count", [40_000, 43_691])  # a dict before and just after it grows
@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("accounts", "@author{}"),
        ("accounts", "@မြန်မာ{}"),
        ("accounts", "@ေက်ာင္း_{}_long_handle"),
        ("posts", "https://www.facebook.com/page12/posts/{}"),
        ("posts", "https://example.org/မြန်မာ/{}"),
    ],
)
def test_what_is_remembered_holds_what_its_budget_says(kind: str, text: str, count: int) -> None:
    """The estimate that bounds the remembered accounts and posts
    (KNOWN_ACCOUNT_BYTES, KNOWN_POST_BYTES) is close to what they really hold: that
    is at most 8% over the estimate and at most 20% under it, for short, Burmese,
    Zawgyi and longer keys."""
    known, held = _remember(kind, count, text)
    entries, estimate = getattr(known, f"known_{kind}"), getattr(known, f"known_{kind[:-1]}_bytes")
    assert len(entries) == count
    assert 0.8 * estimate <= held <= 1.08 * estimate


@pytest.mark.parametrize("kind", ["accounts", "posts"])
def test_what_is_remembered_never_passes_its_budget(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the budget, what is remembered is emptied and starts again: never more
    than its budget, whatever the number of accounts or posts."""
    monkeypatch.setattr(spreadsheet, f"KNOWN_{kind[:-1].upper()}_BYTES", 1 << 20)
    known, held = _remember(kind, 20_000, "key{}")
    assert 0 < len(getattr(known, f"known_{kind}")) < 20_000
    assert getattr(known, f"known_{kind[:-1]}_bytes") <= 1 << 20
    assert held <= 1.08 * (1 << 20)
