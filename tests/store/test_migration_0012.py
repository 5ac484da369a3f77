"""Migration 0012: uids kept as 16 bytes. A store at 0011 (reports, responses,
attachments, a tag, corrections, retractions, a merged partner bundle, uids in odd
forms) gives every read the same answers after the migration, its audit chain still
verifies, and it goes back to text exactly; bundles made before and after merge
into each other without duplicates."""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop_app.core.timeutil import zone
from desktop_app.export.pack import export_pack
from desktop_app.importers.spreadsheet import import_file
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.sharing.bundle import export_bundle
from desktop_app.sharing.merge import import_bundle
from desktop_app.sharing.partners import add_partner
from desktop_app.store import corrections, repository, uids
from desktop_app.store.audit import verify_chain
from desktop_app.store.case_view import case_json
from desktop_app.store.cases import CaseFilter, CaseList, first_page
from desktop_app.store.engine import (
    SCHEMA_HEAD,
    Store,
    create_store,
    current_revision,
    open_store,
)
from desktop_app.store.keys import ensure_keys
from desktop_app.store.models import AuthorAccount, ImportEvent, Post, Report, Response
from desktop_app.store.writer import Writer
from tests.conftest import PASSPHRASE, downgrade, write_log
from tests.sharing.conftest import card_of, decrypt_zip, identity_of, populate
from tests.store.old_uids import _0012, uids_as_text
from tests.store.rows import named_rows

ODD = "ABCDEF01-2345-4678-9ABC-DEF012345678"  # upper case: a partner's, kept as text
BRACED = "{01a236e1-322a-7247-b6c0-3514db28ba36}"
AS_OF = datetime(2026, 12, 1, tzinfo=UTC)
CASE_TABLES = ("post", "report", "response", "attachment", "author_account", "tag", "partner")


# --- store.uids --------------------------------------------------------------------


def test_canonical_uids_become_16_bytes_and_come_back_the_same() -> None:
    for text in [str(uuid.uuid4()), str(uuid.UUID(int=0)), "ffffffff-ffff-ffff-ffff-ffffffffffff"]:
        stored = uids.to_db(text)
        assert isinstance(stored, bytes) and len(stored) == 16
        assert stored == uuid.UUID(text).bytes
        assert uids.from_db(stored) == text


@pytest.mark.parametrize(
    "text",
    [
        ODD,
        ODD.lower().upper(),
        BRACED,
        "01a236e1322a7247b6c03514db28ba36",  # no dashes
        "01a236e1-322a-7247-b6c0-3514db28ba3",  # 35 characters
        "01a236e1-322a-7247-b6c0-3514db28ba366",  # 37
        "01a236e1-322a-7247-b6c0-3514db28ba3g",
        "01a236e1-322a-7247-b6c0-3514db28ba36\n",
        " 01a236e1-322a-7247-b6c0-3514db28ba3",
        "01A236e1-322a-7247-b6c0-3514db28ba36",  # one upper-case letter
        "",
        "not a uid",
    ],
)
def test_other_forms_stay_the_text_they_are(text: str) -> None:
    assert uids.to_db(text) == text and uids.from_db(text) == text


def test_none_and_the_sql_forms_agree_with_python(tmp_path: Path) -> None:
    assert uids.to_db(None) is None and uids.from_db(None) is None
    with pytest.raises(ValueError, match="15 bytes"):
        uids.from_db(b"x" * 15)
    with create_store(tmp_path / "s.db", PASSPHRASE, organisation="O") as store:
        raw = store.raw()
        for text in (str(uuid.uuid4()), ODD, BRACED, "", "01a236e1-322a-7247-b6c0-3514db28ba3"):
            (in_sql,) = raw.execute(f"SELECT {uids.to_db_sql('?1')}", (text,)).fetchone()
            assert in_sql == uids.to_db(text)
            (back,) = raw.execute(f"SELECT {uids.from_db_sql('?1')}", (in_sql,)).fetchone()
            assert back == text
        org = store.raw().execute("SELECT uid FROM organisation").fetchone()[0]
        assert isinstance(org, bytes)
        (found,) = raw.execute(
            f"SELECT count(*) FROM organisation WHERE uid {uids.IN_UIDS}",
            (uids.in_param([uids.from_db(org), ODD]),),
        ).fetchone()
        assert found == 1


def test_an_import_keeps_16_bytes_and_names_its_event(store: Store, tmp_path: Path) -> None:
    rows = [
        {
            "post_url": f"https://facebook.com/p/posts/{i}",
            "platform": "facebook",
            "author_handle": f"@a{i % 3}",
            "reported_at": f"2026-03-0{1 + i % 9} 09:00",
            "reporter": "r",
            "final_outcome": "removed",
            "final_response_at": "2026-03-10 09:00",
        }
        for i in range(30)
    ]
    result = import_file(store, write_log(tmp_path / "log.csv", rows), zone("UTC"))
    raw = store.raw()
    for table in ("post", "report", "response", "author_account"):
        kinds = {t for (t,) in raw.execute(f"SELECT DISTINCT typeof(uid) FROM {table}")}
        assert kinds == {"blob"}, table
    stored = {
        v
        for (v,) in raw.execute(
            "SELECT DISTINCT e.uid FROM report r JOIN import_event e ON e.id = r.import_event_id"
        )
    }
    assert len(stored) == 1 and isinstance(next(iter(stored)), bytes)
    (event,) = raw.execute(
        "SELECT uid FROM audit_event WHERE uid = ?", (next(iter(stored)),)
    ).fetchone()
    assert uids.from_db(event) == result.event_uid
    with store.session() as session:
        post = session.scalars(select(Post).order_by(Post.id)).first()
        assert post is not None and post.import_event_id is not None
        event = session.get(ImportEvent, post.import_event_id)
        assert event is not None and event.uid == result.event_uid
        assert session.scalars(select(Post).where(Post.uid == post.uid)).one().id == post.id


# --- the migration -----------------------------------------------------------------


def _rows(raw: Any) -> dict[str, list[tuple[Any, ...]]]:
    # By name (tests.store.rows): going down past 0015 and 0016 puts canonical_url
    # and import_event_uid back at the tables' ends.
    found = {t: named_rows(raw, t) for t in CASE_TABLES}
    found["audit_event"] = raw.execute("SELECT * FROM audit_event ORDER BY id").fetchall()
    return found


def _same_rows(after: dict[str, list[Any]], before: dict[str, list[Any]]) -> None:
    """Every row as it was; the audit log only grew (the migration, the exports)."""
    assert {t: after[t] for t in CASE_TABLES} == {t: before[t] for t in CASE_TABLES}
    assert after["audit_event"][: len(before["audit_event"])] == before["audit_event"]


def _reads(store: Store, tmp_path: Path, name: str) -> dict[str, Any]:
    """What people see: case list pages, every case, custody, a pack's and a bundle's
    records (apart from the parts made anew at each export)."""
    raw = store.raw()
    listed = CaseList(raw, sla_hours=48, as_of=AS_OF)
    listed.rebuild()
    out: dict[str, Any] = {
        "first_page": first_page(raw, sla_hours=48, as_of=AS_OF).rows,
        "pages": [  # hours of pending cases run with the clock
            [replace(row, hours=0.0) for row in listed.page(CaseFilter(), sort=sort, limit=500)]
            for sort in ("first_reported", "case_ref")
        ],
        "count": listed.count(CaseFilter()),
    }
    with store.session() as session:
        refs = session.scalars(select(Post.case_ref).order_by(Post.id)).all()
        cases = {ref: case_json(session, ref) for ref in refs}
        for doc in cases.values():  # the migration's own event is not a case's
            doc["custody"] = [e for e in doc.get("custody", []) if e.get("action") != "migrate"]
        out["cases"] = cases
        chain = verify_chain(session)
        assert chain.intact, chain
    pack = export_pack(
        store,
        IndicatorParams(tz=zone("UTC"), as_of=AS_OF, sla_hours=48.0),
        tmp_path / f"{name}.zip",
    )
    with zipfile.ZipFile(pack.path) as zf:
        custody = zf.read("data/custody.jsonl").decode().splitlines()
        out["pack_cases"] = {n: zf.read(n) for n in zf.namelist() if n.endswith("case.json")}
    assert out["pack_cases"]
    out["custody_full"] = [line for line in custody if '"other": true' not in line]
    bundle = export_bundle(store, tmp_path / f"{name}.caselog", recipients=["B"]).path
    out["bundle_path"] = bundle
    files = decrypt_zip(bundle, _B_IDENTITY[0])
    out["bundle_records"] = {k: v for k, v in files.items() if k.startswith("records/")}
    out["bundle_attachments"] = sorted(k for k in files if k.startswith("attachments/"))
    return out


_B_IDENTITY: list[Any] = []


def _counts(store: Store) -> dict[str, int]:
    raw = store.raw()
    return {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CASE_TABLES}


def _text_uids_left(raw: Any) -> int:
    """Canonical uids still stored as text (from 0016 the imports' uids are in
    import_event, where the rows kept them before)."""
    left = 0
    for table, columns in [*_0012.UID_COLUMNS, ("import_event", ("uid",))]:
        have = {r[1] for r in raw.execute(f"PRAGMA table_xinfo({table})")}
        for column in [c for c in columns if c in have]:
            (n,) = raw.execute(
                f"SELECT count(*) FROM {table} WHERE typeof({column}) = 'text' "
                f"AND {column} GLOB '{uids.GLOB}'"
            ).fetchone()
            left += n
    return left


def test_0011_store_reads_the_same_at_0012_and_goes_back_to_text(tmp_path: Path) -> None:
    b = create_store(tmp_path / "b.db", PASSPHRASE, organisation="ဘီ Watch")
    with b.transaction() as session:
        author = repository.get_or_create_account(session, platform="facebook", handle="@b_seen")
        post = repository.add_post(
            session,
            repository.PostFields(platform="facebook", url="https://facebook.com/b/posts/1"),
            author,
        )
        repository.add_report(
            session, post, reported_at=datetime(2026, 5, 1, tzinfo=UTC), reporter="B researcher"
        )
    a_path = tmp_path / "a.db"
    a = create_store(a_path, PASSPHRASE, organisation="Alpha Monitor", target="0011")
    with a.transaction() as session:
        ensure_keys(session)  # create_store makes them only at the newest schema
    (tmp_path / "a").mkdir()
    populate(a, tmp_path / "a")
    add_partner(a, card_of(b, "B"))
    add_partner(b, card_of(a, "A"))
    _B_IDENTITY[:] = [identity_of(b)]
    import_bundle(a, export_bundle(b, tmp_path / "from-b.caselog", recipients=["A"]).path)
    with a.session() as session:
        report = session.scalars(select(Report).order_by(Report.id)).first()
        response = session.scalars(select(Response).order_by(Response.id)).first()
        posts = session.scalars(select(Post.case_ref).order_by(Post.id)).all()
        assert report is not None and response is not None
        report_uid, response_uid = report.uid, response.uid
    corrections.edit(a, "report", report_uid, {"notes": "checked again"}, "typo")
    corrections.retract(a, "response", response_uid, "wrong report")
    corrections.restore(a, "response", response_uid, "it was the right report")
    corrections.retract(a, "post", posts[0], "not hate speech after all")  # carries its rows
    with a.engine.begin() as conn:  # uids in other forms, as a partner's bundle may carry
        writer = Writer(conn)
        writer.insert("author_account", [{"platform": "x", "handle": "@odd", "uid": ODD}])
        writer.audit("note", entity="author_account", entity_uid=ODD)
        writer.audit("note", entity="bundle", entity_uid=BRACED)
    assert current_revision(a) == "0011"
    bytes_rows = _rows(a.raw())
    before = _reads(a, tmp_path, "before")
    assert len(before["cases"]) == 4 and before["custody_full"]
    assert uids_as_text(a.raw()) > 50  # what the code of 0011 wrote
    text_rows = _rows(a.raw())
    assert _text_uids_left(a.raw()) > 50
    a.close()

    with open_store(a_path, PASSPHRASE) as a:  # migrated on open
        raw = a.raw()
        assert current_revision(a) == SCHEMA_HEAD
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert _text_uids_left(raw) == 0
        _same_rows(_rows(raw), bytes_rows)  # what today's writer writes, byte for byte
        (odd,) = raw.execute("SELECT uid FROM author_account WHERE handle = '@odd'").fetchone()
        assert odd == ODD  # not canonical: the text, exactly
        with a.session() as session:
            found = session.scalars(select(AuthorAccount).where(AuthorAccount.uid == ODD)).one()
            assert found.handle == "@odd"
        after = _reads(a, tmp_path, "after")
        for key in ("first_page", "pages", "count", "cases", "bundle_records"):
            assert after[key] == before[key], key
        assert after["bundle_attachments"] == before["bundle_attachments"]
        assert after["pack_cases"] == before["pack_cases"]
        assert after["custody_full"][: len(before["custody_full"])] == before["custody_full"]
        # A bundle from the store at 0011 and one from 0012: the same records, and
        # merging both into B makes nothing twice.
        b_before = _counts(b)
        first = import_bundle(b, before["bundle_path"])
        b_once = _counts(b)
        assert b_once["post"] > b_before["post"]
        second = import_bundle(b, after["bundle_path"])
        assert _counts(b) == b_once
        assert all(c.new == 0 for c in second.preview.counts.values())
        assert first.written
        # And the other way: B's bundle (0012) merged into A again adds nothing.
        a_once = _counts(a)
        again = import_bundle(a, export_bundle(b, tmp_path / "b2.caselog", recipients=["A"]).path)
        assert _counts(a) == a_once
        assert all(c.new == 0 for c in again.preview.counts.values())
        blobs = raw.execute(
            "SELECT count(*), sum(typeof(uid) = 'blob') FROM post WHERE origin_bundle IS NOT NULL"
        ).fetchone()
        assert blobs[0] > 0 and blobs[0] == blobs[1]
        downgrade(a, "0011")
        raw = a.raw()
        assert current_revision(a) == "0011"
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        back = _rows(raw)
        assert {t: back[t] for t in ("post", "report", "response", "attachment", "tag")} == {
            t: text_rows[t] for t in ("post", "report", "response", "attachment", "tag")
        }
        assert back["audit_event"][: len(text_rows["audit_event"])] == text_rows["audit_event"]
        (blob_left,) = raw.execute(
            "SELECT count(*) FROM audit_event WHERE typeof(uid) = 'blob' "
            "OR typeof(entity_uid) = 'blob'"
        ).fetchone()
        assert blob_left == 0
    b.close()
