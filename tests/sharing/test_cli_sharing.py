"""caselog-cli partner / export-bundle / import-bundle as a user runs them, through
main(argv) in-process (tests.test_cli.cli)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.store.engine import Store
from tests.conftest import write_log
from tests.importers.test_spreadsheet import ROWS
from tests.test_cli import cli


def _init(tmp_path: Path, passphrase_file: Path, name: str, org: str) -> list[str]:
    db = ["--db", str(tmp_path / f"{name}.db"), "--passphrase-file", str(passphrase_file)]
    done = cli(*db, "init", "--tz", "Asia/Yangon", "--org", org)
    assert done.returncode == 0, done.stderr
    card = tmp_path / f"{name}.card"
    assert cli(*db, "key", "--export-card", str(card)).returncode == 0
    return db


@pytest.fixture
def orgs(tmp_path: Path, passphrase_file: Path) -> tuple[list[str], list[str]]:
    a = _init(tmp_path, passphrase_file, "a", "Alpha Monitor")
    b = _init(tmp_path, passphrase_file, "b", "ဘီ Watch")
    assert cli(*a, "import", str(write_log(tmp_path / "log.csv", ROWS))).returncode == 0
    return a, b


def test_partners_exchange_bundles(orgs: tuple[list[str], list[str]], tmp_path: Path) -> None:
    a, b = orgs
    added = cli(*a, "partner", "add", str(tmp_path / "b.card"))
    assert added.returncode == 0, added.stderr
    assert "Fingerprint:" in added.stdout and "ဘီ Watch" in added.stdout
    assert cli(*b, "partner", "add", str(tmp_path / "a.card")).returncode == 0
    twice = cli(*a, "partner", "add", str(tmp_path / "b.card"))
    assert twice.returncode == 2 and "already exists" in twice.stderr

    listed = cli(*a, "partner", "list")
    assert "ဘီ Watch" in listed.stdout and "last bundle sent: never" in listed.stdout

    out = tmp_path / "to-b.caselog"
    made = cli(*a, "export-bundle", str(out), "--recipient", "ဘီ Watch")
    assert made.returncode == 0, made.stderr
    assert "posts 2, accounts 1, reports 3" in made.stdout

    merged = cli(*b, "import-bundle", str(out))
    assert merged.returncode == 0, merged.stderr
    assert "From:        Alpha Monitor" in merged.stdout
    assert "partner Alpha Monitor" in merged.stdout
    assert "posts        new 2" in merged.stdout
    stats_a = cli(*a, "stats", "--json", "--as-of", "2019-01-01")
    stats_b = cli(*b, "stats", "--json", "--as-of", "2019-01-01")
    assert stats_a.stdout == stats_b.stdout

    again = cli(*b, "import-bundle", str(out))
    assert again.returncode == 0 and "Nothing new" in again.stdout

    since = cli(
        *a,
        "export-bundle",
        str(tmp_path / "s.caselog"),
        "--recipient",
        "ဘီ Watch",
        "--since-last-bundle",
    )
    assert since.returncode == 0 and "posts 0" in since.stdout

    removed = cli(*b, "partner", "remove", "Alpha Monitor")
    assert removed.returncode == 0
    refused = cli(*b, "import-bundle", str(out))
    assert refused.returncode == 4
    assert "not a partner's" in refused.stderr and len(refused.stderr.splitlines()) == 1
    trusted = cli(*b, "import-bundle", str(out), "--trust-new-signer")
    assert trusted.returncode == 0, trusted.stderr


def test_tampered_and_truncated_bundles_exit_4(
    orgs: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    a, b = orgs
    assert cli(*a, "partner", "add", str(tmp_path / "b.card")).returncode == 0
    out = tmp_path / "x.caselog"
    assert cli(*a, "export-bundle", str(out), "--recipient", "ဘီ Watch").returncode == 0
    data = out.read_bytes()
    out.write_bytes(data[: len(data) - 100])
    cut = cli(*b, "import-bundle", str(out), "--trust-new-signer")
    assert cut.returncode == 4 and "truncated" in cut.stderr
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x80
    out.write_bytes(bytes(flipped))
    bad = cli(*b, "import-bundle", str(out), "--trust-new-signer")
    assert bad.returncode == 4 and "Traceback" not in bad.stderr


def test_passphrase_bundle_and_usage_errors(
    orgs: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    a, b = orgs
    phrase = tmp_path / "bundle-pass.txt"
    phrase.write_text("a phrase we agreed on the phone\n", encoding="utf-8")
    out = tmp_path / "p.caselog"
    made = cli(
        *a,
        "export-bundle",
        str(out),
        "--bundle-passphrase-file",
        str(phrase),
        "--redact",
        "reporter,notes",
        "--from",
        "2018-03-06",
    )
    assert made.returncode == 0, made.stderr
    assert "Redacted: notes, reporter." in made.stdout
    no_phrase = cli(*b, "import-bundle", str(out), "--trust-new-signer")
    assert no_phrase.returncode == 2 and "--bundle-passphrase-file" in no_phrase.stderr
    merged = cli(
        *b,
        "import-bundle",
        str(out),
        "--bundle-passphrase-file",
        str(phrase),
        "--trust-new-signer",
    )
    assert merged.returncode == 0, merged.stderr

    neither = cli(*a, "export-bundle", str(tmp_path / "n.caselog"))
    assert neither.returncode == 2
    unknown = cli(*a, "export-bundle", str(tmp_path / "n.caselog"), "--recipient", "Nobody")
    assert unknown.returncode == 2 and "no partner named 'Nobody'" in unknown.stderr
    bad_redact = cli(
        *a,
        "export-bundle",
        str(tmp_path / "n.caselog"),
        "--recipient",
        "Nobody",
        "--redact",
        "everything",
    )
    assert bad_redact.returncode == 2 and "--redact" in bad_redact.stderr
    assert not (tmp_path / "n.caselog").exists()


def test_import_bundle_shows_what_it_refused(
    store_a: Store, store_b: Store, partners: None, tmp_path: Path, passphrase_file: Path
) -> None:
    """B's newer edit of A's case, merged on the command line: shown, not applied."""
    from desktop_app.core.timeutil import now_utc
    from desktop_app.sharing import export_bundle, import_bundle
    from desktop_app.store.types import to_micros
    from desktop_app.store.writer import Writer

    import_bundle(store_b, export_bundle(store_a, tmp_path / "1.caselog", recipients=["B"]).path)
    with store_b.engine.begin() as conn:
        post_id = conn.exec_driver_sql("SELECT id FROM post WHERE platform = 'tiktok'").scalar()
        Writer(conn).update(
            "post", [{"id": post_id, "notes": "B's version", "updated_at": to_micros(now_utc())}]
        )
    back = export_bundle(store_b, tmp_path / "2.caselog", recipients=["A"]).path
    db = ["--db", str(store_a.path), "--passphrase-file", str(passphrase_file)]
    done = cli(*db, "import-bundle", str(back))
    assert done.returncode == 0, done.stderr
    assert "conflict: posts C-000003 [notes]: not theirs (this organisation): ours kept" in (
        done.stdout
    )
    assert "1 conflicts recorded in the audit log." in done.stdout
    assert "posts        new 0, same 2, updated 0, kept ours 1, refused 0" in done.stdout
