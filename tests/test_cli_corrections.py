"""caselog-cli cases / show / edit / retract / restore / purge-evidence /
verify-custody, and the input checks of issue 14, run in-process through main()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from desktop_app.cli import main
from desktop_app.store import repository as repo
from desktop_app.store.engine import open_store
from desktop_app.store.models import Post
from tests.conftest import PASSPHRASE, write_log

ROWS = [
    {
        "post_url": "https://facebook.com/p/1",
        "platform": "facebook",
        "author_handle": "@page9",
        "content": "ကျောင်း text one",
        "reported_at": "2026-03-01 09:00",
        "reporter": "Ma Ma",
        "first_response_at": "2026-03-01 12:00",
        "final_response_at": "2026-03-03 10:00",
        "final_outcome": "removed",
    },
    {
        "post_url": "https://facebook.com/p/1",
        "platform": "facebook",
        "content": "ကျောင်း text one",
        "reported_at": "2026-03-02 09:00",
        "reporter": "Ko Ko",
    },
    {
        "post_url": "https://tiktok.com/@x/video/2",
        "platform": "tiktok",
        "content": "second post",
        "reported_at": "2026-03-05 09:00",
    },
]


@pytest.fixture
def run(
    tmp_path: Path,
    passphrase_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):  # type: ignore[no-untyped-def]
    for name in ("CASELOG_DB", "CASELOG_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    base = ["--db", str(tmp_path / "s.db"), "--passphrase-file", str(passphrase_file)]

    def call(*args: str) -> tuple[int, str, str]:
        code = main([*base, *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert call("init", "--tz", "Asia/Yangon")[0] == 0
    log = write_log(tmp_path / "log.csv", ROWS)
    assert call("import", str(log))[0] == 0
    return call


def _show(run, ref: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    code, out, _ = run("show", ref, "--json")
    assert code == 0
    return json.loads(out)  # type: ignore[no-any-return]


def test_show_json_lists_the_uids_corrections_use(run) -> None:  # type: ignore[no-untyped-def]
    doc = _show(run, "C-000001")
    assert doc["case_ref"] == "C-000001"
    assert doc["author"]["handle"] == "@page9"
    assert [r["reported_at"] for r in doc["reports"]] == [
        "2026-03-01T02:30:00+00:00",
        "2026-03-02T02:30:00+00:00",
    ]
    first = doc["reports"][0]
    assert [s["outcome"] for s in first["responses"]] == ["acknowledged", "removed"]
    assert first["retracted"] is None and len(first["uid"]) == 36
    assert [e["action"] for e in doc["custody"]] == ["import"]
    # A report's uid shows its case too.
    assert _show(run, first["uid"])["case_ref"] == "C-000001"


def test_edit_retract_restore_from_the_command_line(run) -> None:  # type: ignore[no-untyped-def]
    second = _show(run, "C-000001")["reports"][1]["uid"]
    code, _, err = run("edit", second, "--set", "reported_at=2099-01-01", "--reason", "typo")
    assert code == 2 and "in the future" in err and "\n" == err[-1] and err.count("\n") == 1
    code, out, _ = run(
        "edit", second, "--set", "reported_at=2026-03-02 10:00", "--reason", "typo in time"
    )
    assert code == 0 and "reported_at" in out
    report = _show(run, "C-000001")["reports"][1]
    assert report["reported_at"] == "2026-03-02T03:30:00+00:00"
    edit_event = _show(run, "C-000001")["custody"][-1]
    assert (edit_event["action"], edit_event["reason"]) == ("edit", "typo in time")

    code, _, err = run("retract", second, "--reason", "")
    assert code == 2 and "reason" in err
    assert run("retract", second, "--reason", "logged twice")[0] == 0
    code, out, _ = run("stats", "--json")
    assert json.loads(out)["reports_total"] == 2
    assert run("retract", "C-000002", "--reason", "not harmful")[0] == 0
    code, out, _ = run("cases", "--json")
    assert [c["case_ref"] for c in json.loads(out)] == ["C-000001"]
    code, out, _ = run("cases", "--retracted", "--json")
    assert [(c["case_ref"], bool(c["retracted"])) for c in json.loads(out)] == [
        ("C-000001", False),
        ("C-000002", True),
    ]
    doc = _show(run, "C-000001")
    assert doc["reports"][1]["retracted"]["reason"] == "logged twice"
    assert run("restore", "C-000002", "--reason", "it was harmful")[0] == 0
    code, out, _ = run("stats", "--json")
    assert json.loads(out)["reports_total"] == 2
    code, out, _ = run("verify-custody")
    assert code == 0 and "intact" in out


def test_purge_needs_yes_and_keeps_the_hash(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "s.db", PASSPHRASE) as store, store.transaction() as session:
        post = session.scalars(select(Post)).first()
        sha = repo.add_attachment(session, b"a face" * 50, original_name="f.png", post=post).sha256
    code, _, err = run("purge-evidence", sha, "--reason", "shows a face")
    assert code == 2 and "--yes" in err
    assert run("purge-evidence", sha, "--reason", "shows a face", "--yes")[0] == 0
    doc = _show(run, "C-000001")
    assert doc["attachments"][0]["purged_at"] is not None
    purge = doc["custody"][-1]
    assert purge["action"] == "purge" and purge["detail"]["sha256"] == sha


def test_purge_removes_what_a_killed_export_left_in_the_scratch_folder(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export killed midway leaves its unfinished ZIP (plain, the screenshots in it)
    in the scratch folder; a purge of one of them takes it away too, and leaves the
    files of an export still running."""
    import os
    import subprocess
    import sys

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("CASELOG_SCRATCH", str(scratch))
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = scratch / f"{gone.stdout.strip()}-0123456789ab.partial"
    dead.write_bytes(b"PK a killed export's screenshots")
    running = scratch / f"{os.getpid()}-ba9876543210.partial"
    running.write_bytes(b"PK an export still running")
    with open_store(tmp_path / "s.db", PASSPHRASE) as store, store.transaction() as session:
        post = session.scalars(select(Post)).first()
        sha = repo.add_attachment(session, b"a face" * 50, original_name="f.png", post=post).sha256
    code, out, _ = run("purge-evidence", sha, "--reason", "shows a face", "--yes")
    assert code == 0 and "also removed 1 unfinished export file" in out
    assert not dead.exists() and running.exists()


def test_verify_custody_names_the_first_broken_event(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "s.db", PASSPHRASE) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_event SET actor = 'mallory' WHERE id = 2")
    code, _, err = run("verify-custody")
    assert code == 4 and "event 2" in err


def test_search_finds_burmese_text(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("cases", "--search", "ကျောင်း", "--json")
    assert code == 0 and [c["case_ref"] for c in json.loads(out)] == ["C-000001"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("stats", "--from", "1990-01-01"), "before 2000-01-01"),
        (("stats", "--as-of", "2099-01-01"), "in the future"),
        (("stats", "--to", "9999-12-31"), "more than a year"),
        (("import", "/nonexistent/log.csv"), "no such file"),
    ],
)
def test_bad_dates_and_missing_files_exit_2_with_one_line(run, args, message) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(*args)
    assert code == 2 and message in err and err.count("\n") == 1


@pytest.mark.parametrize("secret", ["short", "          ", "nine char"])
def test_init_and_rekey_apply_the_windows_passphrase_rule(
    run, tmp_path: Path, secret: str, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    weak = tmp_path / "weak.txt"
    weak.write_text(secret + "\n", encoding="utf-8")
    code = main(["--db", str(tmp_path / "new.db"), "--passphrase-file", str(weak), "init"])
    assert code == 2 and not (tmp_path / "new.db").exists()
    assert "passphrase" in capsys.readouterr().err
    code, _, err = run("rekey", "--new-passphrase-file", str(weak))
    assert code == 2 and "passphrase" in err
    assert run("verify-custody")[0] == 0  # the old passphrase still opens it


def test_backup_writes_a_copy_that_opens(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "usb"
    target.mkdir()
    code, out, _ = run("backup", str(target))
    assert code == 0 and "backup written" in out
    [copy] = list(target.glob("*.db"))
    with open_store(copy, PASSPHRASE, upgrade=False) as opened, opened.session() as session:
        assert session.scalars(select(Post)).first() is not None
    code, _, err = run("backup", str(tmp_path / "missing"))
    assert code == 2 and "not a folder" in err


def test_search_finds_zawgyi_and_unicode_posts_whatever_the_query_encoding(
    run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: the index and the query are read as Unicode; the text stays as typed."""
    zawgyi_post = {
        "post_url": "https://facebook.com/p/zg",
        "platform": "facebook",
        "content": "ေက်ာင္းသားမ်ား လူမ်ိဳး",  # Zawgyi for ကျောင်းသားများ လူမျိုး
        "reported_at": "2026-03-06 09:00",
    }
    code, out, _ = run("import", str(write_log(tmp_path / "zg.csv", [zawgyi_post])))
    assert code == 0 and "1 text cell(s) were in Zawgyi" in out
    code, out, _ = run("cases", "--search", "လူမျိုး", "--json")  # Unicode query
    assert code == 0
    found = json.loads(out)
    assert len(found) == 1 and "facebook.com/p/zg" in json.dumps(found)
    code, out, _ = run("cases", "--search", "ေက်ာင္း", "--json")  # Zawgyi query
    refs = {c["case_ref"] for c in json.loads(out)}
    assert code == 0 and "C-000001" in refs and len(refs) == 2  # the Unicode post too
