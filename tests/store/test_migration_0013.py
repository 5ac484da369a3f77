"""Migration 0013: accounts in a trigram index of their own (issue 15, store size).

A store made at 0012 finds the same posts for every query after the migration and
after going back down; the account is indexed once however many posts it has; the
writer keeps the accounts' index in step when an account is added, renamed or given
a display name, and when a post changes author."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import corrections
from desktop_app.store import repository as repo
from desktop_app.store.engine import (
    SCHEMA_HEAD,
    Store,
    create_store,
    current_revision,
    migrate,
    open_store,
)
from desktop_app.store.search import search_clause
from desktop_app.store.writer import Writer
from tests.conftest import PASSPHRASE, downgrade, write_log

ZAWGYI_NAME = "ေက်ာ္ေက်ာ္"  # Zawgyi for ကျော်ကျော်


def _find(store: Store, query: str) -> list[str]:
    raw = store.raw()
    apart = raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'author_search'").fetchone()
    where, args = search_clause(query, column="p.id", authors_apart=apart is not None)
    rows = raw.execute(f"SELECT p.case_ref FROM post p WHERE {where} ORDER BY p.id", args)
    return [r[0] for r in rows]


def _columns(store: Store, table: str) -> str:
    row = store.raw().execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    return "" if row is None else str(row[0])


def _made_at_0012(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    rows = [
        {
            "post_url": f"https://facebook.com/burma.page/posts/{n}",
            "platform": "facebook",
            "author_handle": "@kyaw_kyaw",
            "author_name": ZAWGYI_NAME,
            "content": f"post number {n} မြန်မာ",
            "reported_at": f"2026-03-0{n} 09:00",
            "reporter": "r1",
        }
        for n in (1, 2, 3)
    ] + [
        {
            "post_url": "https://www.tiktok.com/@hate_page/video/4",
            "platform": "tiktok",
            "author_handle": "@hate_page",
            "author_name": "Hate Page",
            "content": "kyaw in the text, not the author",
            "notes": "seen twice",
            "reported_at": "2026-03-05 10:00",
            "reporter": "r2",
        },
        {"post_ref": "ref-9", "platform": "telegram", "content": "no author at all"},
    ]
    rows[-1]["reported_at"] = "2026-03-06 09:00"
    with create_store(path, PASSPHRASE, organisation="Old", target="0012") as old:
        assert current_revision(old) == "0012"
        import_file(old, write_log(tmp_path / "log.csv", rows), zone("UTC"))
    return path


QUERIES = (
    "kyaw_kyaw",
    "ကျော်ကျော်",  # Unicode finds the Zawgyi display name
    ZAWGYI_NAME,
    "kyaw",  # an author's handle and another post's text
    "hate_page",
    "Hate Page",
    "seen twice",
    "မြန်မာ",
    "no author",
    "ab",  # 2 characters: the scan
    "nothing like it",
)


def test_0012_store_finds_the_same_posts_after_0013_and_back(tmp_path: Path) -> None:
    path = _made_at_0012(tmp_path)
    with open_store(path, PASSPHRASE, upgrade=False) as old:
        found = {q: _find(old, q) for q in QUERIES}
        assert "author" in _columns(old, "post_search")
    assert found["kyaw_kyaw"] == ["C-000001", "C-000002", "C-000003"]
    assert found["ကျော်ကျော်"] == found["kyaw_kyaw"]
    assert found["kyaw"] == ["C-000001", "C-000002", "C-000003", "C-000004"]
    assert found["nothing like it"] == []
    with open_store(path, PASSPHRASE, upgrade=False) as new:
        migrate(new, "0013")
        assert current_revision(new) == "0013"
        assert {q: _find(new, q) for q in QUERIES} == found
        assert "author" not in _columns(new, "post_search")
        raw = new.raw()
        # One entry per account, whatever its number of posts; none beside the posts.
        accounts = raw.execute("SELECT count(*) FROM author_account").fetchone()[0]
        assert raw.execute("SELECT count(*) FROM author_search_docsize").fetchone()[0] == accounts
        hits = raw.execute(
            "SELECT rowid FROM author_search WHERE author_search MATCH '\"kyaw_kyaw\"'"
        ).fetchall()
        assert len(hits) == 1
        beside = raw.execute(
            "SELECT count(*) FROM post_search WHERE post_search MATCH '\"kyaw_kyaw\"'"
        ).fetchone()[0]
        assert beside == 0
    with open_store(path, PASSPHRASE) as store:  # the newest schema, and back to 0012
        assert current_revision(store) == SCHEMA_HEAD
        downgrade(store, "0012")
        assert current_revision(store) == "0012"
        assert "author_search" not in {
            r[0] for r in store.raw().execute("SELECT name FROM sqlite_master")
        }
        assert "author" in _columns(store, "post_search")
        assert {q: _find(store, q) for q in QUERIES} == found


def test_the_writer_keeps_the_accounts_index_in_step(store: Store) -> None:
    with store.transaction() as session:
        first = repo.get_or_create_account(session, platform="facebook", handle="@kyaw_kyaw")
        other = repo.get_or_create_account(
            session, platform="facebook", handle="@mg_mg", display_name="မောင်မောင်"
        )
        assert first is not None and other is not None
        first_uid, first_id, other_id = first.uid, first.id, other.id
        posts = [
            repo.add_post(
                session,
                repo.PostFields(platform="facebook", url=f"https://facebook.com/p/{n}", content=t),
                first,
            ).case_ref
            for n, t in ((1, "one post"), (2, "another post"))
        ]
    assert _find(store, "kyaw_kyaw") == posts
    assert _find(store, "မောင်မောင်") == []  # an account with no posts finds none
    # A new display name, typed in Zawgyi, is found in Unicode; the old handle goes.
    corrections.edit(store, "account", first_uid, {"author_name": ZAWGYI_NAME}, "named")
    assert _find(store, "ကျော်ကျော်") == posts
    corrections.edit(store, "account", first_uid, {"author_handle": "@ko_ko"}, "misspelt")
    assert _find(store, "kyaw_kyaw") == []
    assert _find(store, "ko_ko") == posts
    assert _find(store, "ကျော်ကျော်") == posts  # the display name stays
    # A post given to another account (as a partner's bundle may) is found by it.
    with store.transaction() as session, Writer(session) as writer:
        writer.update("post", [{"id": 1, "author_id": other_id}])
    assert _find(store, "မောင်မောင်") == [posts[0]]
    assert _find(store, "ko_ko") == [posts[1]]
    raw = store.raw()
    assert raw.execute("SELECT count(*) FROM author_search_docsize").fetchone()[0] == 2
    assert first_id != other_id


def test_a_post_found_by_its_text_and_its_author_is_listed_once(store: Store) -> None:
    from desktop_app.store.cases import CaseFilter, CaseList

    with store.transaction() as session:
        author = repo.get_or_create_account(session, platform="facebook", handle="@kyaw_kyaw")
        both, text_only = (
            repo.add_post(
                session,
                repo.PostFields(platform="facebook", url=f"https://facebook.com/p/{n}", content=t),
                by,
            ).case_ref
            for n, t, by in ((1, "kyaw_kyaw wrote", author), (2, "about kyaw_kyaw", None))
        )
    assert _find(store, "kyaw_kyaw") == [both, text_only]
    cases = CaseList(store.engine.connect())
    try:
        cases.rebuild()
        flt = CaseFilter(search="kyaw_kyaw")
        assert cases.count(flt) == 2
        assert sorted(r.case_ref for r in cases.page(flt)) == [both, text_only]
    finally:
        cases.close()
