"""caselog-cli as a user runs it: a real process, real files, exit statuses of CLI.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, write_log
from tests.importers.test_spreadsheet import ROWS


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CASELOG_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def db(tmp_path: Path, passphrase_file: Path) -> list[str]:
    path = tmp_path / "cli.db"
    done = cli(
        "--db",
        str(path),
        "--passphrase-file",
        str(passphrase_file),
        "init",
        "--tz",
        "Asia/Yangon",
        "--org",
        "မြန်မာ Monitor",
    )
    assert done.returncode == 0, done.stderr
    return ["--db", str(path), "--passphrase-file", str(passphrase_file)]


def test_version() -> None:
    done = cli("--version")
    assert done.returncode == 0 and "caselog-cli" in done.stdout


def test_init_refuses_an_existing_file(db: list[str]) -> None:
    done = cli(*db, "init")
    assert done.returncode == 2
    assert "already exists" in done.stderr


def test_import_then_stats_json(db: list[str], tmp_path: Path) -> None:
    log = write_log(tmp_path / "log.csv", ROWS)
    done = cli(*db, "import", str(log))
    assert done.returncode == 0, done.stderr
    assert "added 3, already present 0, rejected 0" in done.stdout
    again = cli(*db, "import", str(log))
    assert "added 0, already present 3" in again.stdout
    stats = cli(*db, "stats", "--json", "--as-of", "2018-04-01")
    assert stats.returncode == 0, stats.stderr
    data = json.loads(stats.stdout)  # nothing but JSON on stdout
    assert data["reports_total"] == 3
    assert data["period"]["tz"] == "Asia/Yangon"  # the store's zone by default
    assert data["period"]["as_of"] == "2018-04-01T00:00:00+06:30"
    text = cli(*db, "stats", "--from", "2018-03-06", "--as-of", "2018-04-01")
    assert text.returncode == 0
    assert "Reports made to the platforms" in text.stdout


def test_bad_file_lists_every_problem_and_exits_2(db: list[str], tmp_path: Path) -> None:
    rows = [ROWS[0], {"platform": "x", "post_url": "https://x.org/1", "reported_at": "later"}]
    done = cli(*db, "import", str(write_log(tmp_path / "bad.csv", rows)))
    assert done.returncode == 2
    assert "row 3, column reported_at:" in done.stderr
    assert "Traceback" not in done.stderr
    stats = json.loads(cli(*db, "stats", "--json").stdout)
    assert stats["reports_total"] == 0


def test_wrong_passphrase_exits_3_with_one_line(db: list[str], tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope\n", encoding="utf-8")
    done = cli("--db", db[1], "--passphrase-file", str(wrong), "stats")
    assert done.returncode == 3
    assert len(done.stderr.strip().splitlines()) == 1
    assert "wrong passphrase" in done.stderr
    assert "Traceback" not in done.stderr


def test_no_passphrase_exits_3(db: list[str]) -> None:
    done = cli("--db", db[1], "stats")
    assert done.returncode == 3
    assert "no passphrase" in done.stderr


def test_passphrase_from_environment(db: list[str]) -> None:
    done = cli("--db", db[1], "stats", "--json", env={"CASELOG_PASSPHRASE": PASSPHRASE})
    assert done.returncode == 0, done.stderr


def test_db_from_environment(db: list[str], passphrase_file: Path) -> None:
    done = cli(
        "--passphrase-file", str(passphrase_file), "stats", "--json", env={"CASELOG_DB": db[1]}
    )
    assert done.returncode == 0, done.stderr


def test_bad_options_exit_2_with_one_line(db: list[str]) -> None:
    for args in (
        ["stats", "--from", "someday"],
        ["stats", "--tz", "Nowhere/City"],
        ["stats", "--sla-hours", "x"],
        ["frobnicate"],
    ):
        done = cli(*db, *args)
        assert done.returncode == 2, args
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "Traceback" not in done.stderr


def test_rekey(db: list[str], tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase\n", encoding="utf-8")
    done = cli(*db, "rekey", "--new-passphrase-file", str(new))
    assert done.returncode == 0, done.stderr
    assert cli(*db, "stats").returncode == 3
    assert cli("--db", db[1], "--passphrase-file", str(new), "stats").returncode == 0


def test_missing_store_is_a_usage_error(tmp_path: Path, passphrase_file: Path) -> None:
    done = cli(
        "--db", str(tmp_path / "none.db"), "--passphrase-file", str(passphrase_file), "stats"
    )
    assert done.returncode == 2
    assert "caselog-cli init" in done.stderr


def test_key_prints_fingerprint_and_exports_a_card(db: list[str], tmp_path: Path) -> None:
    from desktop_app.sharing.cards import read_card

    card_path = tmp_path / "card.json"
    done = cli(*db, "key", "--export-card", str(card_path))
    assert done.returncode == 0, done.stderr
    assert "age1" in done.stdout
    card = read_card(card_path)
    assert card.name == "မြန်မာ Monitor"
    assert card.fingerprint in done.stdout
    again = cli(*db, "key")
    assert card.fingerprint in again.stdout  # the same key every time
    assert "AGE-SECRET-KEY" not in done.stdout + again.stdout
