"""IMPORT_FORMAT.md: CSV and XLSX, checked whole, atomic, idempotent, with rejects."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop_app.core.errors import BadInputError
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import ImportProblems, check_file, import_file
from desktop_app.store.audit import verify_chain
from desktop_app.store.models import (
    AuditEvent,
    AuthorAccount,
    ImportEvent,
    Post,
    Report,
    Response,
)
from tests.conftest import HEADER, write_log

UTC_ZONE = zone("UTC")
YANGON = zone("Asia/Yangon")

ROWS = [
    {
        "post_url": "https://www.facebook.com/chain/1?fbclid=xyz",
        "platform": "Facebook",
        "author_handle": "@Hate_Page",
        "author_suspected_fake": "yes",
        "category": "incitement",
        "language": "my",
        "content": "မွတ်စလင်များ တိုက်ခိုက်မည်",
        "reported_at": "2018-03-05T14:30",
        "reporter": "Researcher A",
        "first_response_at": "2018-03-05T16:30",
        "final_response_at": "2018-03-08 14:30",
        "final_outcome": "removed",
        "response_text": "We removed it",
    },
    {  # same post again (URL differs only by tracking), another reporter
        "post_url": "https://facebook.com/chain/1/",
        "platform": "facebook",
        "author_handle": "hate_page",
        "reported_at": "06/03/2018 09:00",
        "reporter": "Researcher B",
    },
    {  # Messenger chain letter: no URL, a reference
        "post_ref": "msg-chain-77",
        "platform": "Messenger",
        "content": "Buddhists will attack on Sunday",
        "reported_at": "2018-03-06T10:00+06:30",
        "final_response_at": "2018-03-06T11:00+06:30",
        "final_outcome": "no_violation",
    },
]


def _count(store, model) -> int:  # type: ignore[no-untyped-def]
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_csv_import_creates_posts_reports_responses(store, tmp_path: Path) -> None:
    path = write_log(tmp_path / "log.csv", ROWS)
    result = import_file(store, path, YANGON)
    assert (result.added, result.already_present, result.rejected) == (3, 0, 0)
    assert _count(store, Post) == 2  # rows 1 and 2 are one post
    assert _count(store, Report) == 3
    assert _count(store, Response) == 3  # ack + removed, and no_violation
    assert _count(store, AuthorAccount) == 1
    with store.session() as session:
        first = session.scalars(select(Report).order_by(Report.id)).first()
        assert first is not None
        # 14:30 in Yangon (+06:30) is 08:00 UTC
        assert first.reported_at == datetime(2018, 3, 5, 8, 0, tzinfo=UTC)
        assert first.final_outcome == "removed"
        assert first.first_response_at == datetime(2018, 3, 5, 10, 0, tzinfo=UTC)
        account = session.scalars(select(AuthorAccount)).one()
        assert account.suspected_fake and account.handle_key == "hate_page"
        post = session.scalars(select(Post).where(Post.platform == "facebook")).one()
        assert post.content == ROWS[0]["content"]  # stored exactly as given
        assert post.canonical_url == "https://facebook.com/chain/1"


def test_import_is_one_audit_event_naming_the_file_hash(store, tmp_path: Path) -> None:
    path = write_log(tmp_path / "log.csv", ROWS)
    result = import_file(store, path, UTC_ZONE)
    with store.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "import")).one()
        assert result.file_sha256 in event.detail
        assert event.uid == result.event_uid
        assert verify_chain(session).intact
        posts = session.scalars(
            select(ImportEvent.uid).join(Post, Post.import_event_id == ImportEvent.id)
        ).all()
        assert len(posts) == len(session.scalars(select(Post.id)).all())  # every post
        assert set(posts) == {event.uid}


def test_importing_twice_adds_nothing(store, tmp_path: Path) -> None:
    path = write_log(tmp_path / "log.csv", ROWS)
    import_file(store, path, UTC_ZONE)
    again = import_file(store, path, UTC_ZONE)
    assert (again.added, again.already_present) == (0, 3)
    assert _count(store, Report) == 3 and _count(store, Post) == 2


def test_rows_without_url_or_reference_are_their_own_posts_yet_idempotent(
    store, tmp_path: Path
) -> None:
    rows = [
        {"platform": "telegram", "content": "same text", "reported_at": "2020-01-01T10:00"},
        {"platform": "telegram", "content": "same text", "reported_at": "2020-01-02T10:00"},
    ]
    path = write_log(tmp_path / "log.csv", rows)
    import_file(store, path, UTC_ZONE)
    assert _count(store, Post) == 2
    assert import_file(store, path, UTC_ZONE).added == 0
    assert _count(store, Post) == 2


def test_every_problem_is_listed_and_nothing_is_written(store, tmp_path: Path) -> None:
    bad = [
        ROWS[0],
        {"platform": "", "post_url": "https://x.org/1", "reported_at": "2018-01-01"},
        {"platform": "x", "post_url": "https://x.org/2", "reported_at": "yesterday"},
        {
            "platform": "x",
            "post_url": "https://x.org/3",
            "reported_at": "2018-01-02",
            "final_response_at": "2018-01-01",
            "final_outcome": "removed",
        },
        {
            "platform": "x",
            "post_url": "https://x.org/4",
            "reported_at": "2018-01-02",
            "final_outcome": "deleted",
        },
        {
            "platform": "x",
            "post_url": "https://x.org/5",
            "reported_at": "2018-01-02",
            "final_response_at": "2018-01-03",
        },
        {"platform": "x", "reported_at": "2018-01-02"},
        {
            "platform": "x",
            "post_url": "https://x.org/6",
            "reported_at": "2018-01-02",
            "author_suspected_fake": "maybe",
        },
    ]
    path = write_log(tmp_path / "bad.csv", bad)
    with pytest.raises(ImportProblems) as caught:
        import_file(store, path, UTC_ZONE)
    found = {(p.row, p.column) for p in caught.value.problems}
    assert (3, "platform") in found
    assert (4, "reported_at") in found
    assert (5, "final_response_at") in found
    assert (6, "final_outcome") in found
    assert (6, "final_response_at") in found
    assert (7, "final_outcome") in found
    assert (8, "post_url") in found
    assert (9, "author_suspected_fake") in found
    assert "before the report" in str(next(p for p in caught.value.problems if p.row == 5))
    assert str(caught.value.problems[0]).startswith("row ")
    assert _count(store, Report) == 0 and _count(store, Post) == 0
    with store.session() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "import")
            )
            == 0
        )


def test_a_post_url_that_is_no_link_is_refused_not_taken_as_one_post(store, tmp_path: Path) -> None:
    """ "N/A" or "link" in post_url made every such row one post: five posts of five
    authors became two, their reports "already present". Each is named; nothing is
    written. Links without a scheme, short hosts and Burmese host names pass."""
    rows = [
        {
            "platform": "facebook",
            "post_url": text,
            "author_handle": f"@a{n}",
            "reported_at": "2018-01-02",
            "reporter": "R",
        }
        for n, text in enumerate(["N/A", "link", "open post", "-", "n.a."])
    ]
    good = [
        {"platform": "facebook", "post_url": text, "reported_at": "2018-01-02", "reporter": "R"}
        for text in ["facebook.com/page/1", "m.me/chain", "https://x", "ဥပမာ.com/x"]
    ]
    with pytest.raises(ImportProblems) as caught:
        import_file(store, write_log(tmp_path / "na.csv", rows + good), UTC_ZONE)
    refused = {(p.row, p.column) for p in caught.value.problems}
    assert refused == {(n, "post_url") for n in range(2, 7)}
    assert "'N/A' is not a link" in str(caught.value.problems[0])
    assert _count(store, Post) == 0
    result = import_file(store, write_log(tmp_path / "good.csv", good), UTC_ZONE)
    assert result.added == 4 and _count(store, Post) == 4


def test_skip_invalid_imports_the_rest_and_writes_rejects(store, tmp_path: Path) -> None:
    rows = [*ROWS, {"platform": "x", "post_url": "https://x.org/9", "reported_at": "soon"}]
    path = write_log(tmp_path / "mixed.csv", rows)
    result = import_file(store, path, UTC_ZONE, skip_invalid=True)
    assert (result.added, result.rejected) == (3, 1)
    assert result.rejects_path == tmp_path / "mixed.rejects.csv"
    with result.rejects_path.open(encoding="utf-8") as handle:
        rejected = list(csv.DictReader(handle))
    assert len(rejected) == 1
    assert rejected[0]["post_url"] == "https://x.org/9"
    assert "reported_at" in rejected[0]["problem"]


def test_a_rejects_file_that_cannot_be_written_is_refused_before_anything_is(
    store, tmp_path: Path
) -> None:
    """--rejects naming the input replaced the person's spreadsheet with its rejected
    rows; one in no folder failed after the valid rows were committed."""
    rows = [*ROWS, {"platform": "x", "post_url": "https://x.org/9", "reported_at": "soon"}]
    path = write_log(tmp_path / "mixed.csv", rows)
    original = path.read_bytes()
    for target, words in (
        (path, "is the file being imported"),
        (tmp_path / "." / "mixed.csv", "is the file being imported"),
        (tmp_path, "is a folder"),
        (tmp_path / "none" / "r.csv", "does not exist"),
    ):
        with pytest.raises(BadInputError, match=words):
            import_file(store, path, UTC_ZONE, skip_invalid=True, rejects=target)
        assert _count(store, Report) == 0 and path.read_bytes() == original


def test_semicolons_bom_case_insensitive_headers_and_unknown_columns(store, tmp_path: Path) -> None:
    header = [h.upper() if i % 2 else f" {h} " for i, h in enumerate(HEADER)] + ["Source sheet"]
    rows = [
        {
            **{header[i]: ROWS[0].get(h, "") for i, h in enumerate(HEADER)},
            "Source sheet": "Team B tab",
        }
    ]
    path = write_log(tmp_path / "semi.csv", rows, delimiter=";", header=header, bom=True)
    result = import_file(store, path, UTC_ZONE)
    assert result.added == 1
    with store.session() as session:
        report = session.scalars(select(Report)).one()
        assert "Source sheet: Team B tab" in report.notes


def test_missing_required_column_names_it(store, tmp_path: Path) -> None:
    path = tmp_path / "nocol.csv"
    path.write_text("post_url,platform\nhttps://x.org/1,x\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="reported_at"):
        import_file(store, path, UTC_ZONE)


def test_not_utf8_is_a_clear_error(store, tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(
        "post_url,platform,reported_at\nhttps://x.org/é,x,2018-01-01\n".encode("latin-1")
    )
    with pytest.raises(BadInputError, match="UTF-8"):
        import_file(store, path, UTC_ZONE)


def test_xlsx_with_real_date_cells_and_named_sheet(store, tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "Notes"
    sheet = workbook.create_sheet("Log")
    sheet.append(
        ["platform", "post_url", "content", "reported_at", "final_response_at", "final_outcome"]
    )
    sheet.append(
        [
            "facebook",
            "https://facebook.com/p/9",
            "မြန်မာ",
            datetime(2019, 1, 2, 9, 0),
            "2019-01-05T09:00",
            "account_banned",
        ]
    )
    path = tmp_path / "log.xlsx"
    workbook.save(path)
    with pytest.raises(BadInputError, match="no sheet named"):
        import_file(store, path, UTC_ZONE, sheet="Missing")
    result = import_file(store, path, YANGON, sheet="Log")
    assert result.added == 1
    with store.session() as session:
        report = session.scalars(select(Report)).one()
        assert report.reported_at == datetime(2019, 1, 2, 2, 30, tzinfo=UTC)
        assert report.final_outcome == "account_banned"


def test_dry_run_counts_without_writing(store, tmp_path: Path) -> None:
    path = write_log(tmp_path / "log.csv", ROWS)
    preview = import_file(store, path, UTC_ZONE, dry_run=True)
    assert preview.added == 3 and preview.event_uid is None
    assert _count(store, Report) == 0


def test_check_file_gives_a_sample_for_preview(tmp_path: Path) -> None:
    path = write_log(tmp_path / "log.csv", ROWS)
    check = check_file(path, UTC_ZONE)
    assert check.ok and check.rows_valid == 3 and len(check.sample) == 3
    assert check.sample[2].post_ref == "msg-chain-77"


def test_first_response_after_final_keeps_both(store, tmp_path: Path) -> None:
    row = {
        "platform": "x",
        "post_url": "https://x.org/1",
        "reported_at": "2020-01-01T00:00",
        "first_response_at": "2020-01-03T00:00",
        "final_response_at": "2020-01-02T00:00",
        "final_outcome": "restricted",
    }
    import_file(store, write_log(tmp_path / "l.csv", [row]), UTC_ZONE)
    with store.session() as session:
        report = session.scalars(select(Report)).one()
        assert report.first_response_at == report.final_response_at
        assert _count(store, Response) == 2


def test_later_rows_of_a_post_fill_what_its_first_row_left_empty(store, tmp_path: Path) -> None:
    """Rows of one post are one post reported several times; a field its first row
    left empty (author, text, category, language, posted at) is taken from a later
    row, in the same file or a later import. It was dropped: a banned author's ban
    was missing from the figures. A field already given is kept as first given."""
    from desktop_app.indicators.compute import compute_indicators, default_params
    from desktop_app.store.search import search_ids

    link = "https://facebook.com/p/a1"
    rows = [
        {
            "post_url": link,
            "platform": "facebook",
            "reported_at": "2018-03-01 10:00",
            "reporter": "R1",
        },
        {
            "post_url": link,
            "platform": "facebook",
            "author_handle": "hater",
            "content": "the hateful text ကျောင်း",
            "category": "incitement",
            "language": "my",
            "posted_at": "2018-02-28 09:00",
            "reported_at": "2018-03-02 10:00",
            "reporter": "R2",
            "final_response_at": "2018-03-03 10:00",
            "final_outcome": "account_banned",
        },
        {
            "post_url": link,
            "platform": "facebook",
            "author_handle": "someone_else",
            "content": "other words",
            "reported_at": "2018-03-04 10:00",
            "reporter": "R3",
        },
    ]
    result = import_file(store, write_log(tmp_path / "a.csv", rows), UTC_ZONE)
    assert (result.added, result.posts_added, result.posts_completed) == (3, 1, 1)
    with store.session() as session:
        post = session.scalars(select(Post)).one()
        author = session.get(AuthorAccount, post.author_id)
        assert author is not None and author.handle == "hater"
        assert post.content == "the hateful text ကျောင်း"
        assert (post.category, post.language) == ("incitement", "my")
        assert post.posted_at == datetime(2018, 2, 28, 9, 0, tzinfo=UTC)
        sql, params = search_ids("hateful")
        assert [r[0] for r in session.connection().exec_driver_sql(sql, params)] == [post.id]
    figures = compute_indicators(store, default_params(store))
    assert figures.accounts_banned == 1 and figures.offending_accounts == 1

    # A post already in the store is not completed by a later file: an empty
    # field there may be a correction's, which an old sheet must not undo.
    from desktop_app.store import corrections

    with store.session() as session:
        ref = session.scalars(select(Post)).one().case_ref
    corrections.edit(store, "post", ref, {"content": ""}, "the text names the victim")
    again = import_file(store, write_log(tmp_path / "again.csv", rows), UTC_ZONE)
    assert (again.added, again.posts_completed) == (0, 0)
    assert again.fields_not_taken == 2  # the rows with text are told, not taken
    with store.session() as session:
        assert session.scalars(select(Post)).one().content == ""
    with store.session() as session:
        assert verify_chain(session).intact


def test_a_post_completed_by_rows_in_two_chunks_counts_once(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.importers import spreadsheet

    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", 2, raising=True)
    base = {"post_url": "https://facebook.com/p/c1", "platform": "facebook"}
    rows = [
        {**base, "reported_at": "2018-03-01 10:00", "reporter": "R1"},
        {**base, "reported_at": "2018-03-01 11:00", "reporter": "R2"},
        {**base, "reported_at": "2018-03-01 12:00", "reporter": "R3", "content": "text"},
        {**base, "reported_at": "2018-03-01 13:00", "reporter": "R4", "author_handle": "@a"},
    ]
    result = import_file(store, write_log(tmp_path / "c.csv", rows), UTC_ZONE)
    assert (result.added, result.posts_completed) == (4, 1)


def test_a_response_given_since_is_added_to_the_report_already_present(
    store, tmp_path: Path
) -> None:
    """The sheet is kept and imported again once the platform has answered: the row
    matches its report (already present), and the decision it now gives was thrown
    away, so no removal was ever counted. It is added to the report, in another
    file or later in the same one; a decision already recorded is kept."""
    from desktop_app.indicators.compute import compute_indicators, default_params

    row = {
        "post_url": "https://facebook.com/p/u1",
        "platform": "facebook",
        "reported_at": "2018-03-05 14:30",
        "reporter": "R1",
    }
    decided = {
        **row,
        "first_response_at": "2018-03-05 15:00",
        "final_response_at": "2018-03-06 14:30",
        "final_outcome": "removed",
        "response_text": "We removed it",
    }
    import_file(store, write_log(tmp_path / "u1.csv", [row]), UTC_ZONE)
    result = import_file(store, write_log(tmp_path / "u2.csv", [decided]), UTC_ZONE)
    assert (result.added, result.already_present, result.responses_added) == (0, 1, 2)
    figures = compute_indicators(store, default_params(store))
    assert figures.reports_removed == 1
    with store.session() as session:
        report = session.scalars(select(Report)).one()
        assert report.final_outcome == "removed"
        assert report.first_response_at == datetime(2018, 3, 5, 15, 0, tzinfo=UTC)
        assert report.final_response_at == datetime(2018, 3, 6, 14, 30, tzinfo=UTC)
    # The same file again, or another decision for it: nothing changes.
    other = {**decided, "final_outcome": "no_violation"}
    for again in ([decided], [other]):
        done = import_file(store, write_log(tmp_path / "u3.csv", again), UTC_ZONE)
        assert (done.added, done.responses_added) == (0, 0)
    assert _count(store, Response) == 2

    # A decision retracted here is not brought back by the sheet that still has it;
    # nor is one whose outcome was corrected.
    with store.session() as session:
        removal = session.scalars(select(Response).where(Response.outcome == "removed")).one()
        removal_uid = removal.uid
    from desktop_app.store import corrections

    corrections.retract(store, "response", removal_uid, "logged against the wrong case")
    done = import_file(store, write_log(tmp_path / "u5.csv", [decided]), UTC_ZONE)
    assert done.responses_added == 0
    assert compute_indicators(store, default_params(store)).reports_removed == 0

    # An acknowledgement is added only to a report with no response at all: the
    # report's responses are not read during an import (their index is set aside),
    # only its summary, which cannot tell an acknowledgement after the decision
    # from none (that was a duplicate acknowledgement).
    late = {
        **row,
        "post_url": "https://facebook.com/p/u3",
        "final_response_at": "2018-03-09 14:30",
        "final_outcome": "removed",
    }
    import_file(store, write_log(tmp_path / "u6.csv", [late]), UTC_ZONE)
    done = import_file(
        store,
        write_log(tmp_path / "u7.csv", [{**late, "first_response_at": "2018-03-05 16:30"}]),
        UTC_ZONE,
    )
    assert done.responses_added == 0

    # In one file: the row twice, the decision on the second (one chunk).
    twice = [
        {**row, "post_url": "https://facebook.com/p/u2"},
        {**decided, "post_url": "https://facebook.com/p/u2", "first_response_at": ""},
    ]
    done = import_file(store, write_log(tmp_path / "u4.csv", twice), UTC_ZONE)
    assert (done.added, done.already_present, done.responses_added) == (1, 1, 1)
    with store.session() as session:
        report = session.scalars(
            select(Report).join(Post).where(Post.url == "https://facebook.com/p/u2")
        ).one()
        assert report.final_outcome == "removed"
        assert report.first_response_at == report.final_response_at


def test_a_corrected_record_is_still_found_by_the_row_it_came_from(store, tmp_path: Path) -> None:
    """After a correction of a report's time or reporter, or of a post's link, the
    spreadsheet it came from still names it as it was: importing that file again
    added the report (or the post) a second time, and the figures counted it twice."""
    from desktop_app.store import corrections
    from desktop_app.store import repository as repo

    path = write_log(tmp_path / "log.csv", ROWS)
    import_file(store, path, UTC_ZONE)
    reports, posts = _count(store, Report), _count(store, Post)
    with store.session() as session:
        first = session.scalars(select(Report).order_by(Report.id)).first()
        assert first is not None
        report_uid = first.uid
        messenger = session.scalars(select(Post).where(Post.platform == "messenger")).one()
        facebook = session.scalars(select(Post).where(Post.platform == "facebook")).one()
        messenger_ref, facebook_id = messenger.case_ref, facebook.id
    corrections.edit(store, "report", report_uid, {"reported_at": "2018-03-05T13:00"}, "typo")
    corrections.edit(store, "report", report_uid, {"reporter": "Researcher Z"}, "name")
    corrections.edit(store, "post", messenger_ref, {"post_ref": "msg-chain-78"}, "typo")
    with store.transaction() as session:  # the window's editor: the link corrected
        post = session.get(Post, facebook_id)
        assert post is not None
        fields = repo.PostFields(
            platform=post.platform, url="https://facebook.com/chain/2", content=post.content
        )
        repo.update_post(session, post, fields, None, "wrong link pasted")
    again = import_file(store, path, UTC_ZONE)
    assert (again.added, again.already_present) == (0, 3)
    assert (_count(store, Report), _count(store, Post)) == (reports, posts)
    # The report as it was is given nothing: its responses were checked against a
    # time it no longer has (one dated before the corrected time was added).
    responses = _count(store, Response)
    stale = [{**ROWS[0], "first_response_at": "", "final_response_at": "", "final_outcome": ""}]
    assert import_file(store, write_log(tmp_path / "stale.csv", stale), UTC_ZONE).added == 0
    assert _count(store, Response) == responses
    # A post's own link wins over another post's former one: a case logged in the
    # window with the link the Facebook case had takes the sheet's new report.
    with store.transaction() as session:
        other = repo.add_post(
            session, repo.PostFields(platform="facebook", url="https://facebook.com/chain/1")
        )
        other_id = other.id
    fresh = [{**ROWS[1], "reporter": "Researcher D"}]
    assert import_file(store, write_log(tmp_path / "fresh.csv", fresh), UTC_ZONE).added == 1
    with store.session() as session:
        newest = session.scalars(select(Report).order_by(Report.id.desc())).first()
        assert newest is not None and newest.post_id == other_id


_texts = st.text(alphabet="abc မြန်", max_size=6)
_row = st.fixed_dictionaries(
    {
        "post_url": st.sampled_from(
            ["", "https://x.org/1", "https://www.x.org/1/", "https://x.org/2"]
        ),
        "post_ref": st.sampled_from(["", "r1"]),
        "platform": st.sampled_from(["facebook", "Facebook ", "tiktok"]),
        "author_handle": st.sampled_from(["", "@a", "A", "b"]),
        "content": _texts,
        "reported_at": st.integers(0, 100).map(
            lambda h: f"2020-01-{1 + h // 24:02d}T{h % 24:02d}:00"
        ),
        "reporter": st.sampled_from(["", "r", "R "]),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_row, min_size=1, max_size=12))
def test_property_importing_twice_changes_nothing(tmp_path_factory, rows) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.store.engine import create_store

    folder = tmp_path_factory.mktemp("prop")
    rows = [
        r if (r["post_url"] or r["post_ref"] or r["content"].strip()) else {**r, "post_ref": "r9"}
        for r in rows
    ]
    path = write_log(folder / "log.csv", rows)
    with create_store(folder / "s.db", "pw") as store:
        first = import_file(store, path, UTC_ZONE)
        counts = (_count(store, Post), _count(store, Report), _count(store, AuthorAccount))
        second = import_file(store, path, UTC_ZONE)
        assert second.added == 0
        assert second.already_present == len(rows)
        assert first.added + first.already_present == len(rows)
        assert (_count(store, Post), _count(store, Report), _count(store, AuthorAccount)) == counts


def test_imported_posts_are_searchable_by_a_burmese_substring(store, tmp_path: Path) -> None:
    import_file(store, write_log(tmp_path / "log.csv", ROWS), UTC_ZONE)
    with store.engine.connect() as conn:
        hits = conn.exec_driver_sql(
            "SELECT rowid FROM post_search WHERE post_search MATCH ?", ('"တိုက်ခိုက်"',)
        ).all()
        assert len(hits) == 1
        left = conn.exec_driver_sql(
            "SELECT count(*) FROM setting WHERE key = 'search.bulk_insert'"
        ).scalar()
        assert left == 0
        # The account is indexed once, in its own index (schema 0013), not beside the post.
        by_author = conn.exec_driver_sql(
            "SELECT count(*) FROM author_search WHERE author_search MATCH ?", ('"hate_page"',)
        ).scalar()
        assert by_author == 1
        beside = conn.exec_driver_sql(
            "SELECT count(*) FROM post_search WHERE post_search MATCH ?", ('"hate_page"',)
        ).scalar()
        assert beside == 0


def test_headers_that_differ_can_be_matched_by_hand(store, tmp_path: Path) -> None:
    from desktop_app.importers.spreadsheet import MissingColumns, read_headers

    path = tmp_path / "theirs.csv"
    path.write_text(
        "Link,Site,Date reported,Reporter name,Comment\n"
        "https://facebook.com/p/1,Facebook,2024-01-02 10:00,Ma Hla,seen twice\n",
        encoding="utf-8",
    )
    with pytest.raises(MissingColumns) as missing:
        import_file(store, path, UTC_ZONE)
    assert missing.value.headers == read_headers(path)
    mapping = {
        "post_url": "Link",
        "platform": "site",
        "reported_at": "Date reported",
        "reporter": "Reporter name",
    }
    result = import_file(store, path, UTC_ZONE, mapping=mapping)
    assert result.added == 1
    with store.session() as session:
        report = session.scalars(select(Report)).one()
        assert report.reporter == "Ma Hla"
        assert "Comment: seen twice" in report.notes  # unmatched columns are still kept
    assert import_file(store, path, UTC_ZONE, mapping=mapping).already_present == 1


def test_the_import_summary_counts_zawgyi_cells_and_keeps_them_as_typed(
    store, tmp_path: Path
) -> None:
    zawgyi = "ေက်ာင္းသားမ်ား ဆႏၵျပပြဲ"  # Zawgyi for a students' protest
    rows = [
        {**ROWS[0], "content": zawgyi, "response_text": "We removed it"},
        {**ROWS[2], "content": "မြန်မာ ကျောင်းသားများ"},  # Unicode Burmese: not counted
    ]
    result = import_file(store, write_log(tmp_path / "log.csv", rows), UTC_ZONE)
    assert result.zawgyi_cells == 1
    with store.session() as session:
        assert zawgyi in session.scalars(select(Post.content)).all()  # stored as typed
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "import")).one()
        assert '"zawgyi_cells": 1' in event.detail


def test_one_pass_parses_each_row_once_and_a_late_problem_writes_nothing(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.importers import spreadsheet

    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", 5)  # several chunks written before
    parse = spreadsheet._parse_row
    calls: list[int] = []

    def counting(values, header, number, tz, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(number)
        return parse(values, header, number, tz, **kwargs)

    monkeypatch.setattr(spreadsheet, "_parse_row", counting)
    good = [
        {"platform": "x", "post_url": f"https://x.org/{i}", "reported_at": "2018-01-02"}
        for i in range(12)
    ]
    bad = {"platform": "x", "post_url": "https://x.org/99", "reported_at": "soon"}
    path = write_log(tmp_path / "late.csv", [*good, bad, good[0] | {"platform": ""}])
    with pytest.raises(ImportProblems) as caught:
        import_file(store, path, UTC_ZONE)
    assert {(p.row, p.column) for p in caught.value.problems} == {
        (14, "reported_at"),
        (15, "platform"),
    }
    assert caught.value.check.rows_total == 14 and caught.value.check.rows_valid == 12
    assert _count(store, Report) == 0 and _count(store, Post) == 0
    assert _count(store, AuthorAccount) == 0
    assert sorted(calls) == list(range(2, 16))  # every data row parsed exactly once

    calls.clear()
    path = write_log(tmp_path / "good.csv", good)
    result = import_file(store, path, UTC_ZONE)
    assert (result.rows_total, result.added, result.posts_added) == (12, 12, 12)
    assert sorted(calls) == list(range(2, 14))
    assert _count(store, Report) == 12


def test_a_repeated_row_chunks_apart_counts_as_already_present(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.importers import spreadsheet

    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", 3)  # the repeats land in later chunks
    rows = [
        {
            "platform": "x",
            "post_url": f"https://x.org/{i % 4}",
            "reported_at": f"2018-01-{1 + i:02d}",
            "reporter": f"r{i % 2}",
        }
        for i in range(8)
    ]
    path = write_log(tmp_path / "repeats.csv", [*rows, rows[0], rows[5], rows[7]])
    result = import_file(store, path, UTC_ZONE)
    assert (result.added, result.already_present, result.posts_added) == (8, 3, 4)
    assert _count(store, Report) == 8
    again = import_file(store, path, UTC_ZONE)
    assert (again.added, again.already_present) == (0, 11)


def test_a_time_out_of_range_is_quoted_as_typed_not_in_utc(store, tmp_path: Path) -> None:
    """In a Yangon store, 2099-01-01 03:00 is 2098-12-31 in UTC: the message named
    a date the person never typed."""
    row = {"platform": "x", "post_url": "https://x.org/1", "reported_at": "2099-01-01 03:00"}
    with pytest.raises(ImportProblems) as caught:
        import_file(store, write_log(tmp_path / "f.csv", [row]), zone("Asia/Yangon"))
    (problem,) = caught.value.problems
    assert "2099-01-01 is in the future" in str(problem), str(problem)


def test_a_tab_separated_file_is_read_by_its_tabs(store, tmp_path: Path) -> None:
    """A .tsv (or a sheet copied out of Excel as text) was accepted and read as one
    column, then refused for a "missing column"."""
    path = write_log(tmp_path / "log.tsv", ROWS, delimiter="\t")
    assert import_file(store, path, UTC_ZONE).added == 3


def test_a_workbook_is_read_from_its_first_visible_sheet(store, tmp_path: Path) -> None:
    workbook = Workbook()
    hidden = workbook.active
    hidden.title = "old"
    hidden.append(HEADER)
    hidden.sheet_state = "hidden"
    log = workbook.create_sheet("log")
    log.append(HEADER)
    for row in ROWS:
        log.append([row.get(h, "") for h in HEADER])
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    assert import_file(store, path, UTC_ZONE).added == 3
