"""Migration 0016: the import or merge that wrote a post or report is named by the
id of its ``import_event`` row instead of its 16-byte uid in every row (issue 15:
store size). Each row must still lead to the same audit event, on a migrated store
and a new one, through every reader that asks (a case's custody, the evidence
pack's cases); nothing but a written import or merge may leave an ``import_event``
row; going back down must give each row its uid back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import Cancelled
from desktop_app.core.timeutil import now_utc, zone
from desktop_app.export.cases import load_cases
from desktop_app.export.redact import Redaction
from desktop_app.importers.spreadsheet import import_file
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.sharing import export_bundle, import_bundle
from desktop_app.sharing.partners import add_partner
from desktop_app.store import repository as repo
from desktop_app.store.audit import case_entity_uids, import_event_uids
from desktop_app.store.engine import SCHEMA_HEAD, Store, create_store, current_revision, open_store
from tests.conftest import PASSPHRASE, downgrade, write_log
from tests.sharing.conftest import card_of
from tests.store.rows import named_rows


def _row(i: int, reporter: str = "r1") -> dict[str, str]:
    return {
        "post_url": f"https://facebook.com/page/posts/{i}",
        "platform": "facebook",
        "content": f"post {i}",
        "reported_at": f"2026-03-0{1 + i % 9} 09:00",
        "reporter": reporter,
    }


def _two_imports(store: Store, tmp_path: Path) -> tuple[str, str]:
    first = import_file(
        store, write_log(tmp_path / "1.csv", [_row(i) for i in range(4)]), zone("UTC")
    )
    # The second adds reports to posts of the first, and posts of its own.
    second = import_file(
        store,
        write_log(tmp_path / "2.csv", [_row(i, "r2") for i in range(2, 6)]),
        zone("UTC"),
    )
    with store.transaction() as session:  # one typed in: no import wrote it
        repo.add_post(session, repo.PostFields(platform="telegram", content="typed in"))
    assert first.event_uid and second.event_uid
    return first.event_uid, second.event_uid


def _events(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    raw = store.raw()
    return {t: named_rows(raw, t) for t in ("post", "report")}


def _custody(store: Store) -> dict[str, set[str]]:
    refs = [r for (r,) in store.raw().execute("SELECT case_ref FROM post ORDER BY id")]
    with store.session() as session:
        return {ref: case_entity_uids(session, ref) for ref in refs}


def _import_event_rows(store: Store) -> int:
    (count,) = store.raw().execute("SELECT count(*) FROM import_event").fetchone()
    return int(count)


def test_a_0015_store_names_the_same_imports_and_gets_the_uids_back_going_down(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    with create_store(path, PASSPHRASE, organisation="Old", target="0015") as old:
        first, second = _two_imports(old, tmp_path)
        before, custody = _events(old), _custody(old)
        kinds = old.raw().execute("SELECT DISTINCT typeof(import_event_uid) FROM report")
        assert {k for (k,) in kinds} == {"blob"}  # 16 bytes a row
    with open_store(path, PASSPHRASE) as store:
        assert current_revision(store) == SCHEMA_HEAD
        raw = store.raw()
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        events = [r[0] for r in raw.execute("SELECT uid FROM import_event ORDER BY id")]
        assert len(events) == 2  # one row per import, the oldest first
        ids = {k for (k,) in raw.execute("SELECT DISTINCT typeof(import_event_id) FROM report")}
        assert ids == {"integer"}
        assert _events(store) == before
        assert _custody(store) == custody
        reports = import_event_uids(
            raw, "report", [i for (i,) in raw.execute("SELECT id FROM report")]
        )
        assert sorted(set(reports.values())) == sorted({first, second})
        posts = import_event_uids(raw, "post", [i for (i,) in raw.execute("SELECT id FROM post")])
        assert len(posts) == 6  # the post typed in has none
        downgrade(store, "0015")
        assert current_revision(store) == "0015"
        assert "import_event" not in {
            n for (n,) in store.raw().execute("SELECT name FROM sqlite_master")
        }
        assert _events(store) == before
        assert _custody(store) == custody


def test_only_a_written_import_leaves_its_row(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        log = write_log(tmp_path / "log.csv", [_row(i) for i in range(6)])
        import_file(store, log, zone("UTC"), dry_run=True)
        assert _import_event_rows(store) == 0
        with pytest.raises(Cancelled):
            import_file(store, log, zone("UTC"), cancelled=lambda: True)
        assert _import_event_rows(store) == 0
        result = import_file(store, log, zone("UTC"))
        assert _import_event_rows(store) == 1
        raw = store.raw()
        (uid,) = raw.execute("SELECT uid FROM import_event").fetchone()
        (event,) = raw.execute(
            "SELECT count(*) FROM audit_event WHERE uid = ? AND action = 'import'", (uid,)
        ).fetchone()
        assert event == 1  # the import's own audit event
        import_file(store, log, zone("UTC"))  # all present already: nothing written
        assert _import_event_rows(store) == 1
        # The evidence pack's cases name the import that brought them in.
        post_ids = [i for (i,) in raw.execute("SELECT id FROM post ORDER BY id")]
        with store.session() as session:
            cases = load_cases(
                session, post_ids, IndicatorParams(zone("UTC"), now_utc()), Redaction()
            )
        assert {uid for case in cases for uid in case.import_events()} == {result.event_uid}


def test_a_merged_bundle_names_its_merge(tmp_path: Path) -> None:
    with (
        create_store(tmp_path / "a.db", PASSPHRASE, organisation="Alpha") as a,
        create_store(tmp_path / "b.db", PASSPHRASE, organisation="ဘီ Watch") as b,
    ):
        add_partner(a, card_of(b, "B"))
        add_partner(b, card_of(a, "A"))
        import_file(a, write_log(tmp_path / "log.csv", [_row(i) for i in range(3)]), zone("UTC"))
        merged = import_bundle(b, export_bundle(a, tmp_path / "1.caselog", recipients=["B"]).path)
        raw = b.raw()
        assert _import_event_rows(b) == 1
        post_ids = [i for (i,) in raw.execute("SELECT id FROM post")]
        assert set(import_event_uids(raw, "post", post_ids).values()) == {merged.event_uid}


def test_only_posts_and_reports_name_their_import(tmp_path: Path) -> None:
    from desktop_app.store.bulk import insert_columns
    from desktop_app.store.writer import Writer

    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        with store.transaction() as session, Writer(session) as writer:
            with pytest.raises(ValueError, match="has no column 'import_event_uid'"):
                insert_columns(
                    writer,
                    "author_account",
                    {"id": [1], "platform": ["x"], "handle": ["@a"]},
                    constants={"import_event_uid": "01a23efc-c67a-723b-aad1-934e706c10ef"},
                )
        assert _import_event_rows(store) == 0
