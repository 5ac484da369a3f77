"""Migration 0014: the count of posts kept in ``post_tally`` by triggers (issue 15,
window launch). The first screen reads it instead of walking an index of every post,
so it must be right after whatever wrote or removed a post: an import, one typed in,
a cancelled import, SQL by hand, the migration itself and going back down."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from desktop_app.core.errors import Cancelled
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import repository
from desktop_app.store.cases import first_page, listed_posts
from desktop_app.store.corrections import retract
from desktop_app.store.engine import SCHEMA_HEAD, Store, create_store, current_revision, open_store
from tests.conftest import PASSPHRASE, downgrade
from tests.perf.generate import generate


def _tally(store: Store) -> int:
    (posts,) = store.raw().execute("SELECT posts FROM post_tally WHERE id = 1").fetchone()
    return int(posts)


def _posts(store: Store) -> int:
    (count,) = store.raw().execute("SELECT count(*) FROM post").fetchone()
    return int(count)


def _listed(store: Store) -> int:
    (count,) = (
        store.raw().execute("SELECT count(*) FROM post WHERE retracted_at IS NULL").fetchone()
    )
    return int(count)


def _has_tally(store: Store) -> bool:
    found = (
        store.raw()
        .execute(
            "SELECT count(*) FROM sqlite_master WHERE name IN "
            "('post_tally', 'post_tally_insert', 'post_tally_delete')"
        )
        .fetchone()
    )
    return bool(found[0] == 3)


def test_a_0013_store_gets_its_count_and_loses_it_going_back(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with create_store(path, PASSPHRASE, organisation="Old", target="0013") as old:
        import_file(old, generate(tmp_path / "log.csv", 300), zone("UTC"))
        assert not _has_tally(old)
        before = _listed(old)
        assert listed_posts(old.raw()) == before > 0  # counted the old way
    with open_store(path, PASSPHRASE) as store:
        assert current_revision(store) == SCHEMA_HEAD
        assert _has_tally(store)
        assert _tally(store) == _posts(store) == before
        assert listed_posts(store.raw()) == before
        downgrade(store, "0013")
        assert current_revision(store) == "0013" and not _has_tally(store)
        assert listed_posts(store.raw()) == before


def test_the_list_counts_from_the_tally(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        import_file(store, generate(tmp_path / "log.csv", 200), zone("UTC"))
        listed = listed_posts(store.raw())
        raw = store.raw()
        raw.execute("UPDATE post_tally SET posts = posts + 7")  # read, not counted again
        raw.commit()
        assert listed_posts(store.raw()) == listed + 7
        # A broken read is an error, not a quiet count of every post instead.
        with pytest.raises(sqlcipher3.OperationalError, match="no such column"):
            listed_posts(_Renamed(raw))


class _Renamed:
    """A connection whose tally column has another name (a broken read)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, *args: Any) -> Any:
        return self.raw.execute(sql.replace("SELECT posts", "SELECT postz"), *args)


def test_the_count_follows_every_write_of_a_post(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        # A new store has the table and both triggers (a later migration that makes
        # post again must make them again too).
        assert _has_tally(store)
        assert _tally(store) == 0
        log = generate(tmp_path / "log.csv", 500)
        import_file(store, log, zone("UTC"))
        imported = _posts(store)
        assert _tally(store) == imported > 0
        import_file(store, log, zone("UTC"))  # nothing new
        assert _tally(store) == imported

        with store.transaction() as session:  # typed in through the window's path
            post = repository.add_post(
                session,
                repository.PostFields(platform="facebook", content="မြန်မာ ေက်ာင္း"),
                None,
            )
        assert _tally(store) == _posts(store) == imported + 1

        # A cancelled import writes no post, so it counts none. (The 900-row file is
        # large against this store: ``cancelled`` is first asked once its rows are
        # written, before the indexes are built again, so posts were inserted, and
        # counted, then taken back with the rest.)
        more = generate(tmp_path / "more.csv", 900)
        with pytest.raises(Cancelled):
            import_file(store, more, zone("UTC"), cancelled=lambda: True)
        assert _tally(store) == _posts(store) == imported + 1

        # A retracted post stays in the store (and the tally) but not in the list.
        retract(store, "post", post.case_ref, "test: logged twice")
        assert _tally(store) == _posts(store)
        assert listed_posts(store.raw()) == _listed(store) == imported
        assert first_page(store.raw(), sla_hours=48.0).total == imported

        # Caselog never deletes a post; SQL typed by hand that does is counted too.
        raw = store.raw()
        raw.execute("DELETE FROM post WHERE id = ?", (post.id,))  # no report refers to it
        raw.commit()
        assert _tally(store) == _posts(store) == imported


def test_the_count_cannot_be_made_a_second_row_or_negative(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        raw = store.raw()
        with pytest.raises(sqlcipher3.IntegrityError):
            raw.execute("INSERT INTO post_tally (id, posts) VALUES (2, 0)")
        raw.rollback()
        with pytest.raises(sqlcipher3.IntegrityError):
            raw.execute("UPDATE post_tally SET posts = -1")
        raw.rollback()
        assert _tally(store) == 0
