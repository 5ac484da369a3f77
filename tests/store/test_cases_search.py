"""The case list's search (issue 15): the index's matches are taken as they come and
the posts the list does not hold removed, so count, page and case_refs are exactly
the listed posts that match, in the list's order, however many match."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import repository
from desktop_app.store.cases import ROW_COLUMNS, CaseFilter, CaseList
from desktop_app.store.corrections import restore, retract
from desktop_app.store.engine import Store, create_store
from desktop_app.store.search import search_ids
from tests.conftest import PASSPHRASE
from tests.perf.generate import generate


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = create_store(tmp_path / "search.db", PASSPHRASE, timezone="UTC")
    import_file(store, generate(tmp_path / "log.csv", 2000), zone("UTC"))
    return store


def _expected(cases: CaseList, text: str, sort: str, descending: bool) -> list[int]:
    """The listed posts matching ``text``, straight from case_list and the index."""
    ids, params = search_ids(text)
    direction = "DESC" if descending else "ASC"
    rows = cases._raw().execute(
        f"SELECT post_id FROM case_list WHERE post_id IN ({ids}) "
        f"ORDER BY {sort} {direction}, post_id {direction}",
        params,
    )
    return [row[0] for row in rows]


QUERIES = ("author12", "Fake news", "မွတ်စလင်", "ab", "မြ", "#5", "nothing-like-this")


def test_search_counts_pages_and_refs_are_the_listed_matches(store: Store) -> None:
    cases = CaseList(store.raw())
    cases.rebuild()
    # After the build: one matching post retracted, one restored, one new post.
    (hit,) = (
        store.raw()
        .execute("SELECT rowid FROM post_search WHERE post_search MATCH '\"Fake news\"' LIMIT 1")
        .fetchone()
    )
    assert cases.count(CaseFilter(search="Fake news")) > 0
    with store.session() as session:
        ref = session.get(repository.Post, hit).case_ref
    retract(store, "post", ref, "test: retracted before the next build")
    cases.rebuild()
    restore(store, "post", ref, "test: restored after it")
    with store.transaction() as session:
        repository.add_post(
            session,
            repository.PostFields(
                platform="facebook",
                url="https://www.facebook.com/n/posts/1",
                content="Fake news again",
            ),
            None,
        )
    for text in QUERIES:
        flt = CaseFilter(search=text)
        expected = _expected(cases, text, "first_reported", True)
        assert cases.count(flt) == len(expected), text
        for limit in (1, 50, 200, 5000):
            assert [r.post_id for r in cases.page(flt, limit=limit)] == expected[:limit], text
        assert [r.post_id for r in cases.page(flt, offset=30, limit=20)] == expected[30:50]
        ascending = _expected(cases, text, "first_reported", False)
        assert [r.post_id for r in cases.page(flt, descending=False, limit=200)] == ascending[:200]
        by_platform = _expected(cases, text, "platform", True)
        assert [r.post_id for r in cases.page(flt, sort="platform", limit=200)] == by_platform[:200]
        listed = ",".join(map(str, expected)) or "NULL"
        refs = cases._raw().execute(
            f"SELECT case_ref FROM case_list WHERE post_id IN ({listed}) ORDER BY post_id"
        )
        assert cases.case_refs(flt) == [row[0] for row in refs]
        with_platform = CaseFilter(search=text, platform="facebook")
        assert cases.count(with_platform) == len(cases.case_refs(with_platform))
    assert hit not in {r.post_id for r in cases.page(CaseFilter(search="Fake news"), limit=5000)}
    cases.close()
    store.close()


def test_a_large_search_walks_the_list_in_order(store: Store) -> None:
    cases = CaseList(store.raw())
    cases.rebuild()
    statements: list[str] = []
    cases._raw().set_trace_callback(statements.append)
    rows = cases.page(CaseFilter(search="မ"), limit=20)  # matches most posts
    cases._raw().set_trace_callback(None)
    assert any("INDEXED BY case_list_first" in sql for sql in statements)
    assert [r.post_id for r in rows] == _expected(cases, "မ", "first_reported", True)[:20]
    assert ROW_COLUMNS.startswith("post_id")
    cases.close()
    store.close()


def test_one_search_after_another_keeps_the_lists_tables(store: Store) -> None:
    """Typing search after search: each finds exactly its matches, and none makes or
    drops a table (which would make every statement of the list be prepared again)."""
    cases = CaseList(store.raw())
    cases.rebuild()
    raw = cases._raw()

    def schema() -> int:
        return int(raw.execute("PRAGMA temp.schema_version").fetchone()[0])

    before = schema()
    for text in (*QUERIES, "Fake news", "author12"):
        flt = CaseFilter(search=text)
        expected = _expected(cases, text, "first_reported", True)
        assert cases.count(flt) == len(expected), text
        assert [r.post_id for r in cases.page(flt)] == expected[:200], text
        cases._forget_search()  # as the benchmarks do between runs
        assert cases.count(flt) == len(expected), text
    assert schema() == before
    assert not raw.in_transaction
    cases.close()
    store.close()
