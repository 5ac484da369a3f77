"""caselog-cli as a user runs it: real files, the exit statuses of CLI.md.

Most tests call ``main(argv)`` in this process with its output captured (``cli``),
which spares a Python start per command; a few smoke tests below run the real
program (``cli_process``) to check what only a process shows: the exit status,
one line on stderr and no traceback.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import desktop_app.cli
from desktop_app.cli import main
from tests.conftest import PASSPHRASE, write_log
from tests.importers.test_spreadsheet import ROWS


def _clean_env(env: dict[str, str] | None) -> dict[str, str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CASELOG_")}
    full_env.update(env or {})
    return full_env


@contextlib.contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``caselog-cli ARGS`` run in this process: exit status, stdout and stderr, as
    a process would give them (argparse's exits included; stdin is no terminal)."""
    out, err = io.StringIO(), io.StringIO()
    with (
        _environment(_clean_env(env)),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        stdin, sys.stdin = sys.stdin, io.StringIO()
        try:
            code: object = main(list(args))
        except SystemExit as done:
            code = done.code
        finally:
            sys.stdin = stdin
    status = code if isinstance(code, int) else (0 if code is None else 1)
    return subprocess.CompletedProcess(
        ["caselog-cli", *args], status, out.getvalue(), err.getvalue()
    )


def cli_process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m desktop_app.cli ARGS`` as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", *args],
        capture_output=True,
        text=True,
        env=_clean_env(env),
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
    done = cli_process("--version")
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


def test_import_names_the_columns_it_kept_as_notes_and_their_likely_names(
    db: list[str], tmp_path: Path
) -> None:
    """A misspelt header's cells go to the notes (IMPORT_FORMAT.md: never dropped),
    so its responses were missing from every figure without a word."""
    header = ["post_url", "platform", "Author_Handel", "reported_at", "first_responce_at", "source"]
    log = write_log(
        tmp_path / "typo.csv",
        [{"post_url": "https://x.org/1", "platform": "x", "reported_at": "2018-01-02"}],
        header=header,
    )
    done = cli(*db, "import", str(log))
    assert done.returncode == 0, done.stderr
    assert "columns kept in the reports' notes, not read as data" in done.stderr
    assert "Author_Handel (did you mean author_handle?)" in done.stderr
    assert "first_responce_at (did you mean first_response_at?)" in done.stderr
    assert "source" in done.stderr and "source (did" not in done.stderr


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
    done = cli_process("--db", db[1], "--passphrase-file", str(wrong), "stats")
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
    for args in (["stats", "--from", "someday"], ["frobnicate"]):  # as a real process too
        done = cli_process(*db, *args)
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


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom", "\ufeffa much longer new passphrase\r\n".encode()),
        ("utf16", "a much longer new passphrase\r\n".encode("utf-16")),
    ],
)
def test_rekey_from_a_file_with_a_byte_order_mark(  # type: ignore[no-untyped-def]
    db: list[str], tmp_path: Path, name: str, data: bytes
) -> None:
    """Notepad's UTF-8 mark was kept as part of the new passphrase, which nobody can
    type; PowerShell 5's UTF-16 file was a traceback."""
    new = tmp_path / f"{name}.txt"
    new.write_bytes(data)
    done = cli(*db, "rekey", "--new-passphrase-file", str(new))
    assert done.returncode == 0, done.stderr
    typed = tmp_path / "typed.txt"
    typed.write_text("a much longer new passphrase\n", encoding="utf-8")
    assert cli("--db", db[1], "--passphrase-file", str(typed), "stats").returncode == 0


def test_missing_store_is_a_usage_error(tmp_path: Path, passphrase_file: Path) -> None:
    done = cli_process(
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


def test_help_of_every_command_in_process() -> None:
    for command in (*_commands(), ["partner", "add"], ["partner", "list"]):
        done = cli(*command, "--help")
        assert done.returncode == 0, (command, done.stderr)
        assert "usage: caselog-cli" in done.stdout


def _commands() -> list[list[str]]:
    parser = desktop_app.cli.build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    assert commands.choices is not None
    return [[name] for name in commands.choices]


def test_cli_modules_import_no_private_name_and_not_the_package() -> None:
    """Issue 11 item 6: the command modules share only public names (of cli.common
    and each other), and none imports ``desktop_app.cli`` itself, so no cycle."""
    package = Path(desktop_app.cli.__file__).parent
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "desktop_app.cli"
            ):
                assert node.module != "desktop_app.cli", f"{path.name} imports the package"
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{path.name} imports {private} from {node.module}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name != "desktop_app.cli", f"{path.name} imports the package"


def test_stats_refuses_an_sla_that_is_no_number_of_hours(db: list[str]) -> None:
    """--sla-hours inf printed Infinity, which is not JSON."""
    for value in ("inf", "nan", "0"):
        done = cli(*db, "stats", "--json", "--sla-hours", value)
        assert done.returncode == 2, (value, done.stdout)
        assert "--sla-hours: must be a number of hours more than 0" in done.stderr
