"""Shared fixtures: real SQLCipher stores in tmp_path, and report-log files."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from desktop_app.store.engine import Store, create_store, open_store

PASSPHRASE = "correct horse battery staple မြန်မာ"
HEADER = [
    "post_url",
    "post_ref",
    "platform",
    "author_handle",
    "author_name",
    "author_suspected_fake",
    "category",
    "language",
    "content",
    "posted_at",
    "reported_at",
    "reporter",
    "report_channel",
    "report_ref",
    "first_response_at",
    "final_response_at",
    "final_outcome",
    "response_text",
    "notes",
]


def write_log(
    path: Path,
    rows: Sequence[dict[str, str]],
    *,
    delimiter: str = ",",
    header: Sequence[str] = HEADER,
    bom: bool = False,
) -> Path:
    """A report-log CSV with the IMPORT_FORMAT.md headers."""
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header), delimiter=delimiter)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: row.get(key, "") for key in header})
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "case.db"


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store made by create_store (every migration, keys, organisation) for the
    session; each test's ``store`` is a copy of the file, opened again (issue 11:
    replaying the migrations for every test cost about 0.3 s each)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    with create_store(path, PASSPHRASE, organisation="Test Org", timezone="UTC") as made:
        with made.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def store(store_path: Path, store_template: Path) -> Iterator[Store]:
    shutil.copyfile(store_template, store_path)
    with open_store(store_path, PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def copies_folder(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A store that migrate() copied aside while it held a secret attachment, with a
    person's own backups beside it (tests/store/migration_copies.py): for the store,
    CLI and window tests of erasing those copies."""
    from tests.store.migration_copies import make_folder

    return make_folder(tmp_path / "data")


def downgrade(store: Store, revision: str) -> None:
    """Take ``store``'s schema down to ``revision`` with Alembic (as a migration test
    does after opening a store at the newest one), then let go of its connections so
    the next read sees the older schema."""
    from alembic import command

    from desktop_app.store.engine import _alembic_config

    cfg = _alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    store.release()
