"""export-xlsx, export-pack and verify-pack as a user runs them: main(argv) in-process
(tests.test_cli.cli), real files, the exit statuses of CLI.md."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_app.indicators.labels import LINES, value_at
from desktop_app.store.engine import open_store
from desktop_app.store.models import Post
from desktop_app.store.repository import add_attachment
from tests.conftest import PASSPHRASE, write_log
from tests.export import sample
from tests.export.recompute import assert_same, recompute, sheet_rows
from tests.perf.generate import generate
from tests.test_cli import cli

FILTERS = ["--as-of", "2024-07-01", "--sla-hours", "36", "--from", "2023-03-01"]


@pytest.fixture
def db(tmp_path: Path, passphrase_file: Path) -> list[str]:
    path = tmp_path / "cli.db"
    args = ["--db", str(path), "--passphrase-file", str(passphrase_file)]
    done = cli(*args, "init", "--tz", "Asia/Yangon", "--org", "မြန်မာ Monitor")
    assert done.returncode == 0, done.stderr
    for log in (
        generate(tmp_path / "gen.csv", 250, seed=11),
        write_log(tmp_path / "rows.csv", sample.ROWS),
    ):
        done = cli(*args, "import", str(log))
        assert done.returncode == 0, done.stderr
    with open_store(path, PASSPHRASE) as store, store.transaction() as session:
        post = session.scalars(select(Post).where(Post.content == sample.BURMESE_POST)).one()
        add_attachment(
            session,
            sample.screenshot("shot"),
            original_name="shot.png",
            media_type="image/png",
            post=post,
            captured_by=sample.SECRET_RESEARCHER,
        )
    return args


def test_export_xlsx_gives_the_numbers_of_stats_json(db: list[str], tmp_path: Path) -> None:
    out = tmp_path / "indicators.xlsx"
    done = cli(*db, "export-xlsx", str(out), *FILTERS)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout and "NOT encrypted" in done.stdout
    stats = json.loads(cli(*db, "stats", "--json", *FILTERS).stdout)
    wb = load_workbook(out)
    cells = {row[2]: row[1] for row in wb["Indicators"].iter_rows(values_only=True) if row[2]}
    for line in LINES:
        assert_same(value_at(stats, line.key), cells[line.key], line.key)
    assert cells["period.from"] == stats["period"]["from"] == "2023-03-01T00:00:00+06:30"
    assert cells["sla_hours"] == 36
    rows = sheet_rows(wb["Reports"])
    assert_same(recompute(rows, stats["repeat_threshold"]), stats)


def test_export_pack_then_verify_without_a_store(db: list[str], tmp_path: Path) -> None:
    out = tmp_path / "pack.zip"
    done = cli(*db, "export-pack", str(out), *FILTERS, "--redact", "reporter,researcher")
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    assert "NOT encrypted" in done.stdout and "reporter, researcher" in done.stdout
    verified = cli("verify-pack", str(out))  # no --db, no passphrase
    assert verified.returncode == 0, verified.stderr
    assert "intact" in verified.stdout and "မြန်မာ Monitor" in verified.stdout
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["made_by"]["fingerprint"] in verified.stdout
    assert manifest["selection"]["sla_hours"] == 36


def test_export_pack_of_chosen_cases(db: list[str], tmp_path: Path) -> None:
    out = tmp_path / "two.zip"
    done = cli(*db, "export-pack", str(out), "--case", "C-000001", "--case", "C-000002")
    assert done.returncode == 0, done.stderr
    assert "2 cases" in done.stdout
    with zipfile.ZipFile(out) as zf:
        folders = {n.split("/")[2] for n in zf.namelist() if n.startswith("data/cases/")}
    assert folders == {"C-000001", "C-000002"}


def _tampered(pack: Path, out: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info))
            if data is not None:
                dst.writestr(info.filename, data)
    return out


def test_verify_pack_exit_4_names_each_problem(db: list[str], tmp_path: Path) -> None:
    pack = tmp_path / "pack.zip"
    assert cli(*db, "export-pack", str(pack)).returncode == 0
    with zipfile.ZipFile(pack) as zf:
        evidence = next(n for n in zf.namelist() if "/evidence/" in n)

    def flip(name: str, data: bytes) -> bytes:
        return data[:-1] + bytes([data[-1] ^ 0x20]) if name == evidence else data

    changed = cli("verify-pack", str(_tampered(pack, tmp_path / "c.zip", flip)))
    assert changed.returncode == 4
    assert f"{evidence}: changed" in changed.stderr and "Traceback" not in changed.stderr

    def drop(name: str, data: bytes) -> bytes | None:
        return None if name == "data/index.html" else data

    removed = cli("verify-pack", str(_tampered(pack, tmp_path / "r.zip", drop)))
    assert removed.returncode == 4 and "data/index.html: missing" in removed.stderr

    added = tmp_path / "a.zip"
    shutil.copy(pack, added)
    with zipfile.ZipFile(added, "a") as zf:
        zf.writestr("data/cases/C-000001/evidence/extra.png", b"not from the organisation")
    planted = cli("verify-pack", str(added))
    assert planted.returncode == 4
    assert "data/cases/C-000001/evidence/extra.png: added" in planted.stderr

    everything = _tampered(
        pack, tmp_path / "all.zip", lambda n, d: None if n == "data/index.html" else flip(n, d)
    )
    with zipfile.ZipFile(everything, "a") as zf:
        zf.writestr("planted.txt", "x")
    several = cli("verify-pack", str(everything))
    assert several.returncode == 4
    for name in (evidence, "data/index.html", "planted.txt"):
        assert name in several.stderr
    assert "3 problems" in several.stderr


def test_usage_errors_exit_2_with_one_line(db: list[str], tmp_path: Path) -> None:
    for args in (
        ["export-pack", str(tmp_path / "p.zip"), "--redact", "reporter,passwords"],
        ["export-pack", str(tmp_path / "p.zip"), "--case", "C-424242"],
        ["export-xlsx", str(tmp_path / "missing" / "w.xlsx")],
        ["export-xlsx", str(tmp_path / "w.txt")],
        ["verify-pack", str(tmp_path / "none.zip")],
    ):
        done = cli(*db, *args)
        assert done.returncode == 2, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "p.zip").exists()


def test_export_needs_the_passphrase(db: list[str], tmp_path: Path) -> None:
    done = cli("--db", db[1], "export-xlsx", str(tmp_path / "w.xlsx"))
    assert done.returncode == 3 and "no passphrase" in done.stderr
    assert not (tmp_path / "w.xlsx").exists()


def test_export_in_burmese_with_lang(db: list[str], tmp_path: Path) -> None:
    from desktop_app.export.lang import MY

    pack = tmp_path / "my.zip"
    done = cli(*db, "export-pack", str(pack), "--case", "C-000001", "--lang", "my")
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(pack) as zf:
        assert MY["Evidence pack"] in zf.read("data/index.html").decode("utf-8")
    book = tmp_path / "my.xlsx"
    assert cli(*db, "export-xlsx", str(book), "--lang", "my").returncode == 0
    with zipfile.ZipFile(book) as zf:
        strings = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".xml"))
    assert MY["Platform response indicators"].encode() in strings
    bad = cli(*db, "export-xlsx", str(tmp_path / "x.xlsx"), "--lang", "fr")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
