"""Search over normalised text (schema 0006): Unicode finds Zawgyi and back; the
writer keeps the contentless index in step; short queries still work."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import corrections
from desktop_app.store import repository as repo
from desktop_app.store.engine import Store, current_revision, migrate
from desktop_app.store.search import search_clause
from tests.conftest import write_log

UNICODE = "မြန်မာ နိုင်ငံ"
ZAWGYI = "ျမန္မာ ႏိုင္ငံ"


@pytest.fixture
def store6(store: Store) -> Store:
    migrate(store, "0006")
    assert current_revision(store.engine) == "0006"
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
                "SELECT name FROM sqlite_master WHERE name LIKE 'post_search%'"
            )
        ]
        assert "post_search_content" not in tables  # contentless
        triggers = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
        ).scalar()
        assert triggers == 0
