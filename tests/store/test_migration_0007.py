"""Migration 0007 on a store made at 0006: every row kept, the search index rebuilt
without links (still finding Burmese, Zawgyi, authors and pasted links), the index
that duplicated another one's first column gone; and back down to 0006."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.core.normalise import normalise_content
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
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
from tests.conftest import PASSPHRASE, downgrade, write_log
from tests.store.old_uids import uids_as_text
from tests.store.rows import named_rows

UNICODE = "မြန်မာ နိုင်ငံ တိုက်ခိုက်"
ZAWGYI = "ျမန္မာ ႏိုင္ငံ"
TABLES = ("post", "report", "response", "author_account", "attachment", "tag", "post_tag")


def _rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    raw = store.raw()
    # By name (tests.store.rows): 0015 makes canonical_url from identity_key, 0016
    # names the import by an id, and going back down puts both at the tables' ends.
    found = {t: named_rows(raw, t, order="1, 2") for t in TABLES}
    # content_key is derived (a hash from 0008 on, the text before): checked apart.
    found["post"] = named_rows(raw, "post", skip=("content_key",), order="id")
    found["audit_event"] = raw.execute("SELECT * FROM audit_event ORDER BY id").fetchall()
    return found


def _kept(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> None:
    """Every row as it was; the audit log only grew (the migration, the keys)."""
    assert {t: after[t] for t in TABLES} == {t: before[t] for t in TABLES}
    events = before["audit_event"]
    assert after["audit_event"][: len(events)] == events


def _find(store: Store, query: str) -> list[str]:
    apart = "author_search" in _schema(store)  # schema 0013 on
    where, args = search_clause(query, column="p.id", authors_apart=apart)
    rows = store.raw().execute(f"SELECT p.case_ref FROM post p WHERE {where} ORDER BY p.id", args)
    return [r[0] for r in rows]


def _schema(store: Store) -> dict[str, str]:
    raw = store.raw()
    return dict(raw.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))


def _made_at_0006(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    with create_store(path, PASSPHRASE, organisation="Old", target="0006") as old:
        assert current_revision(old) == "0006"
        rows = [
            {
                "post_url": "https://www.facebook.com/burma.page/posts/1?fbclid=a",
                "platform": "facebook",
                "author_handle": "@kyaw_kyaw",
                "author_name": "ကျော်ကျော်",
                "content": f"{UNICODE} unicode post",
                "reported_at": "2026-03-01 09:00",
                "reporter": "r1",
                "first_response_at": "2026-03-02 09:00",
                "final_response_at": "2026-03-03 09:00",
                "final_outcome": "removed",
                "response_text": "We removed it",
            },
            {
                "post_url": "https://m.facebook.com/zg.page/posts/2",
                "platform": "facebook",
                "author_handle": "@zaw",
                "content": f"{ZAWGYI} zawgyi post",
                "reported_at": "2026-03-01 10:00",
                "reporter": "r2",
            },
            {
                "post_url": "https://www.tiktok.com/@hate_page/video/3",
                "platform": "tiktok",
                "author_handle": "@hate_page",
                "content": "english ab text",
                "notes": "seen twice",
                "reported_at": "2026-03-02 10:00",
                "reporter": "r1",
            },
            {  # the same post again, another report
                "post_url": "https://facebook.com/burma.page/posts/1",
                "platform": "facebook",
                "author_handle": "@kyaw_kyaw",
                "content": f"{UNICODE} unicode post",
                "reported_at": "2026-03-04 09:00",
                "reporter": "r3",
            },
            {"post_ref": "ref-9", "platform": "telegram", "content": "no link at all"},
        ]
        rows[-1]["reported_at"] = "2026-03-05 09:00"
        import_file(old, write_log(tmp_path / "log.csv", rows), zone("UTC"))
        with old.transaction() as session:
            author = repo.get_or_create_account(session, platform="facebook", handle="@typed")
            repo.add_post(
                session,
                repo.PostFields(
                    platform="facebook",
                    url="https://facebook.com/typed/posts/5",
                    content="typed in the window",
                    notes=f"{ZAWGYI} note",
                ),
                author,
            )
        assert uids_as_text(old.raw()) > 0  # as the code of 0006 wrote them
    return path


QUERIES = (
    "မြန်မာ",  # Unicode finds the Zawgyi post too
    "ျမန္မာ",  # and the other way round
    "တိုက်ခိုက်",
    "kyaw_kyaw",
    "ကျော်ကျော်",
    "hate_page",
    "unicode post",
    "typed in the",
    "ab",  # 2 characters: the scan
    "no link",
    "https://facebook.com/typed/posts/5",  # a link exactly as stored
    "https://m.facebook.com/zg.page/posts/2",
)


def test_a_store_made_at_0006_keeps_every_row_and_search_result(tmp_path: Path) -> None:
    path = _made_at_0006(tmp_path)
    with open_store(path, PASSPHRASE, upgrade=False) as old:
        before = _rows(old)
        found_before = {q: _find(old, q) for q in QUERIES}
        assert "ix_report_post_id" in _schema(old)
        assert " url," in _schema(old)["post_search"]
    assert [q for q in QUERIES if not found_before[q]] == []  # each query finds something
    with open_store(path, PASSPHRASE, upgrade=False) as new:
        migrate(new, "0007")  # with a copy aside
        assert current_revision(new) == "0007"
        assert list(tmp_path.glob("old.db.before-0007-*.bak"))
        _kept(before, _rows(new))
        actions = [e[4] for e in _rows(new)["audit_event"][len(before["audit_event"]) :]]
        assert "migrate" in actions
        assert {q: _find(new, q) for q in QUERIES} == found_before
        schema = _schema(new)
        assert "ix_report_post_id" not in schema
        assert "url" not in schema["post_search"]
        assert "contentless_delete" in schema["post_search"]
        # What the index no longer holds, links, are found through identity_key.
        assert _find(new, "https://www.facebook.com/burma.page/posts/1?fbclid=b") == ["C-000001"]
        assert _find(new, "facebook.com/zg.page") == ["C-000002"]
        assert _find(new, "tiktok.com/@hate_page/video/3") == ["C-000003"]
        # The writer keeps the new index in step.
        with new.transaction() as session:
            post = repo.add_post(
                session,
                repo.PostFields(
                    platform="facebook", url="https://facebook.com/new/6", content=ZAWGYI
                ),
                None,
            )
        assert _find(new, "နိုင်ငံ") == ["C-000001", "C-000002", "C-000005", post.case_ref]
        assert _find(new, "facebook.com/new") == [post.case_ref]
        plan = " ".join(
            str(r)
            for r in new.raw().execute(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM report WHERE post_id = 1"
            )
        )
        assert "USING COVERING INDEX" in plan


def test_the_newest_schema_goes_back_down_to_0006_with_its_index(tmp_path: Path) -> None:
    path = _made_at_0006(tmp_path)
    with open_store(path, PASSPHRASE, upgrade=False) as store:
        before = _rows(store)
        found = {q: _find(store, q) for q in QUERIES}
    with open_store(path, PASSPHRASE) as store:  # to the newest schema, and back
        assert current_revision(store) == SCHEMA_HEAD
        downgrade(store, "0006")
        assert current_revision(store) == "0006"
        schema = _schema(store)
        assert "ix_report_post_id" in schema
        assert " url," in schema["post_search"]
        _kept(before, _rows(store))
        keys = store.raw().execute("SELECT content, content_key FROM post").fetchall()
        assert all(key == normalise_content(text) for text, key in keys)  # the text again
        assert {q: _find(store, q) for q in QUERIES} == found
        # 0006's index holds links: any part of one finds the post.
        assert _find(store, "zg.page/posts") == ["C-000002"]
