"""Search over normalised text (schema 0006, links through identity_key since 0007):
Unicode finds Zawgyi and back; the writer keeps the contentless index in step; short
queries still work."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import corrections
from desktop_app.store import repository as repo
from desktop_app.store.engine import SCHEMA_HEAD, Store, current_revision
from desktop_app.store.search import search_clause
from tests.conftest import write_log

UNICODE = "မြန်မာ နိုင်ငံ"
ZAWGYI = "ျမန္မာ ႏိုင္ငံ"


@pytest.fixture
def store6(store: Store) -> Store:
    """A store at the newest schema (the name stays from 0006, which these tests began on)."""
    assert current_revision(store.engine) == SCHEMA_HEAD
    return store


def _find(store: Store, query: str) -> list[str]:
    where, args = search_clause(query, column="p.id")
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT p.case_ref FROM post p WHERE {where} ORDER BY p.id", args
        ).all()
    return [r[0] for r in rows]


def _add(store: Store, content: str, url: str, handle: str = "") -> str:
    with store.transaction() as session:
        author = repo.get_or_create_account(session, platform="facebook", handle=handle)
        post = repo.add_post(
            session, repo.PostFields(platform="facebook", url=url, content=content), author
        )
        return post.case_ref


def test_unicode_query_finds_zawgyi_post_and_back(store6: Store) -> None:
    zg = _add(store6, f"{ZAWGYI} hate", "https://facebook.com/p/1")
    uni = _add(store6, f"{UNICODE} more", "https://facebook.com/p/2")
    assert _find(store6, "မြန်မာ") == [zg, uni]
    assert _find(store6, "ျမန္မာ") == [zg, uni]
    assert _find(store6, "hate") == [zg]
    assert _find(store6, "HATE") == [zg]  # the trigram index folds case


def test_import_edit_and_author_changes_keep_the_index(store6: Store, tmp_path: Path) -> None:
    log = write_log(
        tmp_path / "log.csv",
        [
            {
                "post_url": "https://facebook.com/p/9",
                "platform": "facebook",
                "author_handle": "@kyaw_kyaw",
                "content": f"{ZAWGYI} imported",
                "reported_at": "2026-03-01 09:00",
            }
        ],
    )
    import_file(store6, log, zone("UTC"))
    assert _find(store6, "နိုင်ငံ") == ["C-000001"]
    assert _find(store6, "kyaw_kyaw") == ["C-000001"]
    corrections.edit(store6, "post", "C-000001", {"content": "rewritten text"}, "typo")
    assert _find(store6, "နိုင်ငံ") == []
    assert _find(store6, "rewritten") == ["C-000001"]
    show = _find(store6, "rewritten")
    assert show == ["C-000001"]
    with store6.session() as session:
        account = repo.find_account(session, "facebook", "@kyaw_kyaw")
        assert account is not None
        uid = account.uid
    corrections.edit(store6, "account", uid, {"handle": "@mg_mg"}, "was misspelt")
    assert _find(store6, "kyaw_kyaw") == []
    assert _find(store6, "mg_mg") == ["C-000001"]


def test_two_character_queries_still_work(store6: Store) -> None:
    ref = _add(store6, "ab is short", "https://facebook.com/p/3")
    _add(store6, "other", "https://facebook.com/p/4")
    assert _find(store6, "ab") == [ref]
    assert _find(store6, "  ") == [ref, "C-000002"]  # empty: no condition


def test_index_keeps_no_copy_of_the_text(store6: Store) -> None:
    _add(store6, "a distinctive sentence nobody else wrote", "https://facebook.com/p/5")
    with store6.engine.connect() as conn:
        tables = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE '%_search%'"
            )
        ]
        assert {"post_search", "author_search"} <= set(tables)
        assert "post_search_content" not in tables  # contentless
        assert "author_search_content" not in tables
        # The writer keeps the index; no trigger does (the only ones count posts, 0014).
        triggers = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).all()
        assert {name for (name,) in triggers} == {"post_tally_insert", "post_tally_delete"}


def test_case_list_runs_a_search_once_and_again_after_rebuild(store6: Store) -> None:
    from desktop_app.store.cases import CaseFilter, CaseList

    first = _add(store6, "some hate speech", "https://facebook.com/p/1")
    _add(store6, "nothing here", "https://facebook.com/p/2")
    cases = CaseList(store6.engine.connect())
    try:
        cases.rebuild()
        raw = cases._raw()
        matches: list[str] = []
        raw.set_trace_callback(lambda sql: matches.append(sql) if "MATCH" in sql else None)
        flt = CaseFilter(search="hate")
        assert cases.count(flt) == 1
        assert [r.case_ref for r in cases.page(flt)] == [first]
        assert cases.case_refs(flt) == [first]
        assert len(matches) == 1  # count, page and case_refs share one FTS query
        assert not raw.in_transaction  # no read snapshot held between calls
        second = _add(store6, "more hate", "https://facebook.com/p/3")
        cases.rebuild()  # the data changed: the search runs again
        assert cases.count(flt) == 2
        assert cases.case_refs(flt) == [first, second]
        assert len(matches) == 2
        assert cases.count(CaseFilter(search="speech")) == 1
        assert cases.count(CaseFilter(search="hate")) == 2  # a new query each time
        assert len(matches) == 4
        raw.set_trace_callback(None)
    finally:
        cases.close()


def test_case_list_two_character_search_as_typed_and_normalised(store6: Store) -> None:
    from desktop_app.store.cases import CaseFilter, CaseList

    zg = _add(store6, f"{ZAWGYI} hate", "https://facebook.com/p/1")
    uni = _add(store6, f"{UNICODE} more", "https://facebook.com/p/2")
    _add(store6, "ab only latin", "https://facebook.com/p/3")
    cases = CaseList(store6.engine.connect())
    try:
        cases.rebuild()
        # Below 3 characters the posts' text is scanned as stored: a Zawgyi query
        # (normalised too) finds both; a Unicode one only the Unicode post, as before.
        assert cases.case_refs(CaseFilter(search="ျမ")) == [zg, uni]
        assert cases.case_refs(CaseFilter(search="မြ")) == [uni]
        assert cases.count(CaseFilter(search="ab")) == 1
        assert cases.count(CaseFilter(search="zq")) == 0
    finally:
        cases.close()


def test_a_pasted_link_or_its_beginning_finds_the_case(store6: Store) -> None:
    page = _add(store6, "text without any link", "https://www.facebook.com/hate.page/posts/123")
    other = _add(store6, "another", "https://facebook.com/hate.page/posts/1234?fbclid=zz")
    tiktok = _add(store6, "video", "http://m.tiktok.com/@someone/video/77")
    # As copied from a browser: tracking parameters, www., m., another scheme.
    assert _find(store6, "https://www.facebook.com/hate.page/posts/123?fbclid=abc") == [
        page,
        other,  # its link begins with the pasted one, as a substring search found it
    ]
    assert _find(store6, "https://facebook.com/hate.page/posts/1234") == [other]
    assert _find(store6, "http://facebook.com/hate.page/posts/1234/") == [other]
    assert _find(store6, "facebook.com/hate.page") == [page, other]
    assert _find(store6, "www.facebook.com/hate.page/posts/123") == [page, other]
    assert _find(store6, "m.facebook.com/hate.page/posts/1234") == [other]
    assert _find(store6, "FACEBOOK.COM/hate.page/posts/1234") == [other]  # host case
    assert _find(store6, "tiktok.com/@someone") == [tiktok]
    assert _find(store6, "https://tiktok.com/@someone/video/77") == [tiktok]
    assert _find(store6, "facebook.com/nobody") == []
    assert _find(store6, "tiktok.com") == [tiktok]


def test_a_link_stored_without_its_scheme_is_found_with_or_without_one(store6: Store) -> None:
    # Spreadsheets often hold links as typed: no https://, which is how they are kept.
    bare = _add(store6, "bare link", "facebook.com/xyz/posts/5")
    full = _add(store6, "full link", "https://facebook.com/xyz/posts/55")
    assert _find(store6, "facebook.com/xyz/posts/5") == [bare, full]
    assert _find(store6, "https://facebook.com/xyz/posts/5") == [bare, full]
    assert _find(store6, "http://facebook.com/xyz") == [bare, full]
    assert _find(store6, "https://facebook.com/xyz/posts/55") == [full]


def test_a_link_quoted_in_the_text_or_notes_is_found_too(store6: Store) -> None:
    quoted = _add(store6, "see facebook.com/hate.page for more", "https://x.com/a/1")
    linked = _add(store6, "plain", "https://facebook.com/hate.page/posts/9")
    assert _find(store6, "facebook.com/hate.page") == [quoted, linked]
    assert _find(store6, "x.com/a") == [quoted]


def test_the_index_holds_no_links(store6: Store) -> None:
    _add(store6, "nothing to see", "https://facebook.com/zqxwv/posts/5")
    with store6.engine.connect() as conn:
        sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'post_search'"
        ).scalar()
        assert "url" not in str(sql)
        found = conn.exec_driver_sql(
            "SELECT count(*) FROM post_search WHERE post_search MATCH '\"zqxwv\"'"
        ).scalar()
        assert found == 0
    assert _find(store6, "zqxwv") == []  # not a link, not in the text
    assert _find(store6, "facebook.com/zqxwv") == ["C-000001"]


def test_editing_a_link_changes_what_finds_the_case(store6: Store) -> None:
    ref = _add(store6, "edited later", "https://facebook.com/first/1")
    corrections.edit(store6, "post", ref, {"url": "https://facebook.com/second/2"}, "wrong link")
    assert _find(store6, "facebook.com/first") == []
    assert _find(store6, "facebook.com/second/2") == [ref]
    assert _find(store6, "edited later") == [ref]  # the text still in the index


def test_case_list_finds_a_pasted_link(store6: Store) -> None:
    from desktop_app.store.cases import CaseFilter, CaseList

    ref = _add(store6, "listed", "https://facebook.com/page/posts/42")
    _add(store6, "not this", "https://facebook.com/page/posts/7")
    cases = CaseList(store6.engine.connect())
    try:
        cases.rebuild()
        flt = CaseFilter(search="https://www.facebook.com/page/posts/42?mibextid=x")
        assert cases.count(flt) == 1
        assert [r.case_ref for r in cases.page(flt)] == [ref]
        assert cases.count(CaseFilter(search="facebook.com/page/posts")) == 2
    finally:
        cases.close()
