"""Migration 0018: a report's channel and a response's outcome kept as small codes,
a reporter kept once when it is its own key, and FTS5 pages that fit a SQLCipher
page (issue 15: store size). Every row must read the same after the migration and
after going back down, a text outside the vocabulary included; every write path
(an import, the window's report and response, a correction, the writer given
rows as a merge gives them, a bulk insert) must read back what it wrote; nothing
may write the generated columns."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlmodel import select

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import repository as repo
from desktop_app.store.bulk import insert_columns
from desktop_app.store.corrections import edit
from desktop_app.store.engine import SCHEMA_HEAD, Store, create_store, current_revision, open_store
from desktop_app.store.models import Post, Report, Response
from desktop_app.store.search import search_ids
from desktop_app.store.writer import Writer
from tests.conftest import PASSPHRASE, downgrade, write_log
from tests.store.rows import named_rows

GENERATED = {"report": ("reporter", "channel"), "response": ("outcome",)}
# Reporters: their own key (lower case, Burmese, empty) and not (capitals, spaces).
REPORTERS = ("r1", "မြန်မာ", "", "Ma Hnin", "  Ko Aung ")
CHANNELS = ("web_form", "in_app", "trusted_partner", "email", "other", "")
OUTCOMES = ("removed", "restricted", "account_suspended", "account_banned", "no_violation")


def _log(tmp_path: Path) -> Path:
    rows = [
        {
            "post_url": f"https://facebook.com/page/posts/{i}",
            "platform": "facebook",
            "author_handle": f"@a{i % 2}",
            "content": f"ကျောင်း post {i}",
            "reported_at": f"2026-03-0{1 + i} 09:00",
            "reporter": REPORTERS[i % len(REPORTERS)],
            "report_channel": CHANNELS[i % len(CHANNELS)],
            "first_response_at": f"2026-03-0{2 + i} 09:00",
            "final_response_at": f"2026-03-0{3 + i} 09:00",
            "final_outcome": OUTCOMES[i % len(OUTCOMES)],
        }
        for i in range(6)
    ]
    return write_log(tmp_path / "log.csv", rows)


def _values(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    raw = store.raw()
    return {
        "report": list(raw.execute("SELECT id, reporter, channel FROM report ORDER BY id")),
        "response": list(raw.execute("SELECT id, outcome FROM response ORDER BY id")),
    }


def _hidden(store: Store, table: str) -> dict[str, int]:
    rows = store.raw().execute("SELECT name, hidden FROM pragma_table_xinfo(?)", (table,))
    found = dict(rows.fetchall())
    return {name: int(found[name]) for name in GENERATED[table]}


def _pgsz(store: Store, index: str) -> Any:
    row = store.raw().execute(f"SELECT v FROM {index}_config WHERE k = 'pgsz'").fetchone()
    return None if row is None else row[0]


def test_a_0017_store_reads_the_same_and_gets_it_back_going_down(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with create_store(path, PASSPHRASE, organisation="Old", target="0017") as old:
        import_file(old, _log(tmp_path), zone("UTC"))
        raw: Any = old.raw()
        # Texts outside the vocabulary (a partner's, an older version's), one that
        # looks like a code, and one that is a code's number as text: kept as text.
        raw.execute("UPDATE report SET channel = 'hotline' WHERE id = 1")
        raw.execute("UPDATE report SET channel = '3' WHERE id = 2")
        raw.execute("UPDATE response SET outcome = 'escalated' WHERE id = 1")
        raw.execute("UPDATE response SET outcome = '0' WHERE id = 2")
        raw.commit()
        before = _values(old)
        rows = {t: named_rows(old.raw(), t) for t in GENERATED}
        assert _hidden(old, "report") == {"reporter": 0, "channel": 0}
    with open_store(path, PASSPHRASE) as store:
        assert current_revision(store) == SCHEMA_HEAD
        raw = store.raw()
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert _hidden(store, "report") == {"reporter": 2, "channel": 2}
        assert _hidden(store, "response") == {"outcome": 2}
        assert _values(store) == before
        assert {t: named_rows(raw, t) for t in GENERATED} == rows
        kept = dict(raw.execute("SELECT id, channel_code FROM report").fetchall())
        assert kept[1] == "hotline" and kept[2] == "3"  # text, not the code 3
        assert all(type(kept[i]) is int for i in kept if i > 2)
        own = dict(raw.execute("SELECT reporter_key, reporter_own FROM report").fetchall())
        assert own["r1"] is None and own["မြန်မာ"] is None and own[""] is None
        assert own["ma hnin"] == "Ma Hnin"  # not its own key: kept as typed
        codes = dict(raw.execute("SELECT id, outcome_code FROM response").fetchall())
        assert codes[1] == "escalated" and codes[2] == "0"
        assert _pgsz(store, "post_search") == 3960 and _pgsz(store, "author_search") == 3960
        sql, params = search_ids("ကျောင်း")
        assert len(set(raw.execute(sql, params).fetchall())) == 6  # the index as before
        downgrade(store, "0017")
        assert current_revision(store) == "0017"
        assert _hidden(store, "report") == {"reporter": 0, "channel": 0}
        assert _values(store) == before
        assert {t: named_rows(store.raw(), t) for t in GENERATED} == rows
        assert _pgsz(store, "post_search") == 4050


def test_every_write_path_reads_back_what_it_wrote(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        import_file(store, _log(tmp_path), zone("UTC"))
        raw: Any = store.raw()
        got = {
            r[0]: r[1:] for r in raw.execute("SELECT reporter_key, reporter, channel FROM report")
        }
        assert got["ma hnin"] == ("Ma Hnin", "email")
        assert got["ko aung"][0] == "Ko Aung"  # the importer trims it
        assert got["မြန်မာ"] == ("မြန်မာ", "in_app")
        outcomes = {r[0] for r in raw.execute("SELECT outcome FROM response")}
        assert set(OUTCOMES) <= outcomes
        # The window's report and response.
        with store.transaction() as session:
            post = session.scalars(select(Post).order_by(Post.id)).first()
            assert post is not None
            report = repo.add_report(
                session,
                post,
                reported_at=datetime(2026, 4, 1, tzinfo=UTC),
                reporter="Daw Su",
                channel="email",
            )
            repo.add_response(
                session,
                report,
                received_at=datetime(2026, 4, 2, tzinfo=UTC),
                outcome="under_review",
            )
            report_id = report.id
        with store.session() as session:
            report = session.get_one(Report, report_id)
            assert (report.reporter, report.reporter_key, report.channel) == (
                "Daw Su",
                "daw su",
                "email",
            )
            response = session.scalars(
                select(Response).where(Response.report_id == report_id)
            ).one()
            assert response.outcome == "under_review"
        # A correction of the reporter and the channel, and of a response's outcome.
        ref = raw.execute(
            "SELECT r.uid, s.uid FROM report r JOIN response s ON s.report_id = r.id "
            "WHERE r.id = ?",
            (report_id,),
        ).fetchone()
        from desktop_app.store.uids import from_db

        edit(store, "report", from_db(ref[0]), {"reporter": "daw su", "channel": "in_app"}, "typo")
        edit(store, "response", from_db(ref[1]), {"outcome": "removed"}, "misread")
        assert raw.execute(
            "SELECT reporter, reporter_own, channel, channel_code, final_outcome FROM report "
            "WHERE id = ?",
            (report_id,),
        ).fetchone() == ("daw su", None, "in_app", 1, "removed")
        # The writer given rows as a merge gives them: texts outside the vocabulary too.
        with store.transaction() as session, Writer(session) as writer:
            post_id = raw.execute("SELECT min(id) FROM post").fetchone()[0]
            (new_id,) = writer.insert(
                "report",
                [
                    {
                        "post_id": post_id,
                        "reported_at": datetime(2026, 5, 1, tzinfo=UTC),
                        "reporter": "Partner Desk",
                        "channel": "hotline",
                    }
                ],
            )
            writer.insert(
                "response",
                [
                    {
                        "report_id": new_id,
                        "received_at": datetime(2026, 5, 2, tzinfo=UTC),
                        "outcome": "3",
                    }
                ],
            )
            writer.update("report", [{"id": new_id, "channel": "5"}])
            ids = [writer.next_id("report")]
            insert_columns(
                writer,
                "report",
                {
                    "id": ids,
                    "post_id": [post_id],
                    "reported_at": [1_780_000_000_000_000],
                    "reporter": ["BULK"],
                },
                constants={"channel": "web_form"},
            )
        rows = dict(
            (r[0], r[1:])
            for r in raw.execute("SELECT id, reporter, channel, channel_code FROM report")
        )
        assert rows[new_id] == ("Partner Desk", "5", "5")
        assert rows[ids[0]] == ("BULK", "web_form", 4)
        assert raw.execute(
            "SELECT outcome, outcome_code FROM response WHERE report_id = ?", (new_id,)
        ).fetchone() == ("3", "3")


def test_nothing_writes_the_generated_columns(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        import_file(store, _log(tmp_path), zone("UTC"))
        raw: Any = store.raw()
        for sql in (
            "UPDATE report SET channel = 'email'",
            "UPDATE report SET reporter = 'x'",
            "UPDATE response SET outcome = 'removed'",
        ):
            with pytest.raises(sqlcipher3.OperationalError, match="generated column"):
                raw.execute(sql)
            raw.rollback()
        # A value given for a stored form is the writer's own: it is made from the text.
        with store.transaction() as session, Writer(session) as writer:
            writer.update("report", [{"id": 1, "channel": "email", "channel_code": 99}])
        assert raw.execute("SELECT channel, channel_code FROM report WHERE id = 1").fetchone() == (
            "email",
            3,
        )


def test_a_response_without_an_outcome_is_refused_as_before(tmp_path: Path) -> None:
    with create_store(tmp_path / "s.db", PASSPHRASE, timezone="UTC") as store:
        import_file(store, _log(tmp_path), zone("UTC"))
        raw: Any = store.raw()
        for outcome in (None, "missing"):
            with store.transaction() as session, Writer(session) as writer:
                row: dict[str, Any] = {
                    "report_id": 1,
                    "received_at": datetime(2026, 5, 2, tzinfo=UTC),
                }
                if outcome is None:
                    row["outcome"] = None
                with pytest.raises(Exception, match="NOT NULL constraint failed"):
                    writer.insert("response", [row])
                with pytest.raises(Exception, match="NOT NULL constraint failed"):
                    insert_columns(
                        writer,
                        "response",
                        {"id": [writer.next_id("response")], "report_id": [1]},
                        constants={"received_at": 1_780_000_000_000_000},
                    )
        assert raw.execute("SELECT count(*) FROM response WHERE outcome = ''").fetchone() == (0,)
        # A value that is not text is kept as the text a TEXT column made of it: the
        # number 3 as "3", not the code of "removed".
        with store.transaction() as session, Writer(session) as writer:
            (new_id,) = writer.insert(
                "response",
                [{"report_id": 1, "received_at": datetime(2026, 5, 3, tzinfo=UTC), "outcome": 3}],
            )
        assert raw.execute(
            "SELECT outcome, outcome_code FROM response WHERE id = ?", (new_id,)
        ).fetchone() == ("3", "3")


def test_an_older_store_gets_a_report_without_reporter_or_channel(tmp_path: Path) -> None:
    """On a store before 0018 ``reporter`` and ``channel`` are stored columns without a
    default: the writer gives them the models' '' as it did then."""
    with create_store(tmp_path / "old.db", PASSPHRASE, target="0017", timezone="UTC") as old:
        import_file(old, _log(tmp_path), zone("UTC"))
        raw: Any = old.raw()
        with old.transaction() as session, Writer(session) as writer:
            (one,) = writer.insert(
                "report", [{"post_id": 1, "reported_at": datetime(2026, 6, 1, tzinfo=UTC)}]
            )
            two = writer.next_id("report")
            insert_columns(
                writer,
                "report",
                {"id": [two], "post_id": [1], "reported_at": [1_790_000_000_000_000]},
            )
        rows = raw.execute(
            "SELECT reporter, reporter_key, channel FROM report WHERE id IN (?, ?)", (one, two)
        ).fetchall()
        assert rows == [("", "", ""), ("", "", "")]
