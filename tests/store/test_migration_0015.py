"""Migration 0015: ``post.canonical_url`` is read from ``identity_key`` (a VIRTUAL
generated column, stored nowhere) instead of kept a second time (issue 15: store
size). Every post must read the link it read before, on a migrated store and a new
one, whatever wrote it (an import, a post typed in, an edit, a correction, a merged
bundle), and going back down must give the stored column back, filled."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from desktop_app.core.normalise import canonical_url
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import repository as repo
from desktop_app.store.engine import SCHEMA_HEAD, Store, create_store, current_revision, open_store
from desktop_app.store.models import Post
from tests.conftest import PASSPHRASE, downgrade, write_log

ROWS = [
    {  # a link with tracking, a host to fold: its canonical form differs from the url
        "post_url": "https://m.facebook.com/page/posts/1?fbclid=abc",
        "platform": "facebook",
        "content": "chain letter",
        "reported_at": "2026-03-01 09:00",
        "reporter": "r1",
    },
    {  # Burmese in the path: substr counts characters, not bytes
        "post_url": "https://facebook.com/မြန်မာ/posts/2",
        "platform": "facebook",
        "content": "မြန်မာ",
        "reported_at": "2026-03-01 10:00",
        "reporter": "r1",
    },
    {  # a reference and no link: no canonical link
        "post_ref": "MSG-7",
        "platform": "messenger",
        "content": "forwarded",
        "reported_at": "2026-03-02 09:00",
        "reporter": "r2",
    },
    {  # neither: keyed by its row
        "platform": "telegram",
        "content": "ေက်ာင္း",
        "reported_at": "2026-03-03 09:00",
        "reporter": "r2",
    },
]


def _links(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.raw().execute("SELECT case_ref, url, canonical_url FROM post").fetchall()
    return {ref: (url, link) for ref, url, link in rows}


def _hidden(store: Store) -> int:
    """PRAGMA table_xinfo's ``hidden`` of the column: 0 stored, 2 virtual generated."""
    rows = store.raw().execute("SELECT name, hidden FROM pragma_table_xinfo('post')").fetchall()
    return int(dict(rows)["canonical_url"])


def _log(tmp_path: Path) -> Path:
    return write_log(tmp_path / "log.csv", ROWS)


def test_a_0014_store_reads_the_same_links_and_gets_them_back_going_down(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    with create_store(path, PASSPHRASE, organisation="Old", target="0014") as old:
        import_file(old, _log(tmp_path), zone("UTC"))
        assert _hidden(old) == 0
        before = _links(old)
    assert [link for _url, link in before.values()] == [
        "https://facebook.com/page/posts/1",
        "https://facebook.com/မြန်မာ/posts/2",
        "",
        "",
    ]
    with open_store(path, PASSPHRASE) as store:
        assert current_revision(store) == SCHEMA_HEAD
        assert _hidden(store) == 2  # computed when read, in no page of the file
        assert _links(store) == before
        downgrade(store, "0014")
        assert current_revision(store) == "0014"
        assert _hidden(store) == 0
        assert _links(store) == before
        # The old schema's writer rules hold again: an import writes the column.
        more = write_log(
            tmp_path / "more.csv",
            [{**ROWS[0], "post_url": "https://facebook.com/other/posts/9?utm_source=x"}],
        )
        import_file(store, more, zone("UTC"))
        assert "https://facebook.com/other/posts/9" in {link for _u, link in _links(store).values()}


def test_every_write_path_reads_its_link_from_the_key(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        import_file(store, _log(tmp_path), zone("UTC"))
        with store.transaction() as session:
            post = repo.add_post(
                session,
                repo.PostFields(platform="tiktok", url="https://www.tiktok.com/@a/video/1?utm_x=1"),
            )
            ref = post.case_ref
            assert post.canonical_url == "https://tiktok.com/@a/video/1"
        with store.transaction() as session:
            post = session.get(Post, post.id)
            assert post is not None
            fields = repo.PostFields(platform="tiktok", url="https://tiktok.com/@a/video/2")
            repo.update_post(session, post, fields, None, reason="test")
            assert post.canonical_url == "https://tiktok.com/@a/video/2"
            # The platform changed: the key, and the link read from it, follow.
            repo.update_post(
                session, post, replace(fields, platform="facebook"), None, reason="test"
            )
            assert post.identity_key == "url:facebook:https://tiktok.com/@a/video/2"
            assert post.canonical_url == "https://tiktok.com/@a/video/2"
            # A link taken away: the post keyed by its reference has none.
            repo.update_post(
                session, post, repo.PostFields(platform="facebook", post_ref="R1"), None, "test"
            )
            assert post.canonical_url == ""
        for _ref, (url, link) in _links(store).items():
            assert link == canonical_url(url), (url, link)
        assert ref in _links(store)


def test_nothing_writes_the_column(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        import_file(store, _log(tmp_path), zone("UTC"))
        raw: Any = store.raw()
        with pytest.raises(sqlcipher3.OperationalError, match="generated column"):
            raw.execute("UPDATE post SET canonical_url = 'https://elsewhere.org/x'")
        raw.rollback()
        # A value a caller gives the writer for it is ignored, as for every derived
        # column: the link comes from the key.
        with store.transaction() as session:
            from desktop_app.store.writer import Writer

            (post_id,) = raw.execute("SELECT min(id) FROM post").fetchone()
            with Writer(session) as writer:
                writer.update("post", [{"id": post_id, "canonical_url": "https://x.org/forged"}])
        (link,) = (
            store.raw()
            .execute("SELECT canonical_url FROM post WHERE id = ?", (post_id,))
            .fetchone()
        )
        assert link == "https://facebook.com/page/posts/1"
