"""Migration 0017: when a post, report, response or account last changed is kept as
``updated_offset`` from its ``created_at`` and read through a generated
``updated_at`` (issue 15: store size). Every row must read the same ``updated_at``
after the migration and after going back down; every write path (an import, an
edit, a response that refreshes its report, a correction, a merge keeping the
origin's time) must read back the time it wrote; nothing may write the generated
column."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlmodel import select

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import repository as repo
from desktop_app.store.corrections import retract
from desktop_app.store.engine import SCHEMA_HEAD, Store, create_store, current_revision, open_store
from desktop_app.store.models import Post, Report
from desktop_app.store.types import to_micros
from desktop_app.store.writer import Writer
from tests.conftest import PASSPHRASE, downgrade, write_log
from tests.store.rows import named_rows

TABLES = ("post", "report", "response", "author_account")


def _log(tmp_path: Path) -> Path:
    rows = [
        {
            "post_url": f"https://facebook.com/page/posts/{i}",
            "platform": "facebook",
            "author_handle": f"@a{i % 2}",
            "content": f"post {i}",
            "reported_at": f"2026-03-0{1 + i} 09:00",
            "reporter": "r1",
            "first_response_at": f"2026-03-0{2 + i} 09:00",
            "final_response_at": f"2026-03-0{3 + i} 09:00",
            "final_outcome": "removed",
        }
        for i in range(4)
    ]
    return write_log(tmp_path / "log.csv", rows)


def _times(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    raw = store.raw()
    return {
        t: [
            tuple(r) for r in raw.execute(f"SELECT id, created_at, updated_at FROM {t} ORDER BY id")
        ]
        for t in TABLES
    }


def _hidden(store: Store, table: str) -> int:
    rows = store.raw().execute("SELECT name, hidden FROM pragma_table_xinfo(?)", (table,))
    return int(dict(rows.fetchall())["updated_at"])


def _edit_some(store: Store) -> None:
    """An edit of a post and of an account, a response added: rows made earlier."""
    with store.transaction() as session:
        post = session.scalars(select(Post).order_by(Post.id)).first()
        assert post is not None
        fields = repo.PostFields(platform=post.platform, url=post.url, content="edited")
        repo.update_post(session, post, fields, None, reason="test")
        report = session.scalars(select(Report).order_by(Report.id)).all()[1]
        repo.add_response(
            session, report, received_at=datetime(2026, 3, 20, tzinfo=UTC), outcome="restricted"
        )


def test_a_0016_store_reads_the_same_times_and_gets_them_back_going_down(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    with create_store(path, PASSPHRASE, organisation="Old", target="0016") as old:
        import_file(old, _log(tmp_path), zone("UTC"))
        _edit_some(old)
        before, rows = _times(old), {t: named_rows(old.raw(), t) for t in TABLES}
        assert all(_hidden(old, t) == 0 for t in TABLES)
    edited = {t: sum(u != c for _i, c, u in before[t]) for t in TABLES}
    assert edited["post"] == 1 and edited["report"] == 1  # the edit, the refreshed report
    with open_store(path, PASSPHRASE) as store:
        assert current_revision(store) == SCHEMA_HEAD
        raw = store.raw()
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert all(_hidden(store, t) == 2 for t in TABLES)  # computed, stored nowhere
        assert _times(store) == before
        assert {t: named_rows(raw, t) for t in TABLES} == rows
        for table in TABLES:  # a row never edited keeps an offset of 0
            (zero,) = raw.execute(f"SELECT count(*) FROM {table} WHERE updated_offset = 0")
            assert zero[0] == len(before[table]) - edited[table]
        downgrade(store, "0016")
        assert current_revision(store) == "0016"
        assert all(_hidden(store, t) == 0 for t in TABLES)
        assert _times(store) == before
        assert {t: named_rows(store.raw(), t) for t in TABLES} == rows


def test_every_write_path_reads_back_its_time(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        import_file(store, _log(tmp_path), zone("UTC"))
        raw = store.raw()
        (created, updated) = raw.execute(
            "SELECT created_at, updated_at FROM report ORDER BY id LIMIT 1"
        ).fetchone()
        assert created == updated  # imported: never edited
        # An edit: updated_at moves on, created_at stays.
        _edit_some(store)
        post_id, created, updated = raw.execute(
            "SELECT id, created_at, updated_at FROM post ORDER BY id LIMIT 1"
        ).fetchone()
        assert updated > created
        # The writer given a time of the origin's (as a merge gives it), in the past.
        when = datetime(2020, 1, 1, tzinfo=UTC)
        with store.transaction() as session, Writer(session) as writer:
            writer.update("post", [{"id": post_id, "notes": "n", "updated_at": when}])
            writer.update(
                "post", [{"id": post_id, "created_at": when, "updated_at": when + timedelta(1)}]
            )
        (c, u) = raw.execute(
            "SELECT created_at, updated_at FROM post WHERE id = ?", (post_id,)
        ).fetchone()
        assert (c, u) == (to_micros(when), to_micros(when + timedelta(1)))
        # A correction is an edit too.
        ref = raw.execute("SELECT case_ref FROM post ORDER BY id DESC LIMIT 1").fetchone()[0]
        retract(store, "post", ref, "logged twice")
        (c, u) = raw.execute(
            "SELECT created_at, updated_at FROM post WHERE case_ref = ?", (ref,)
        ).fetchone()
        assert u > c
        # The models read the time as an aware datetime.
        with store.session() as session:
            post = session.get(Post, post_id)
            assert post is not None and post.updated_at == when + timedelta(1)


def test_nothing_writes_the_column(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        import_file(store, _log(tmp_path), zone("UTC"))
        raw: Any = store.raw()
        with pytest.raises(sqlcipher3.OperationalError, match="generated column"):
            raw.execute("UPDATE report SET updated_at = 0")
        raw.rollback()
        with store.transaction() as session, Writer(session) as writer:
            with pytest.raises(ValueError, match="updated_offset"):
                from desktop_app.store.bulk import insert_columns

                insert_columns(writer, "response", {"id": [99], "updated_offset": [5]})
