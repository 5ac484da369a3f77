"""Encrypted backups with SQLite's online backup API: a consistent copy while the
store is open, encrypted with the same passphrase, that opens like any store."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

import sqlcipher3

from desktop_app.core.errors import AppError, BadInputError
from desktop_app.core.timeutil import now_utc
from desktop_app.store.engine import Store, open_store
from desktop_app.store.models import Setting

LAST_BACKUP_KEY = "backup.last_at"
Progress = Callable[[int, int, str], None]


def backup_store(
    store: Store,
    folder: str | Path,
    *,
    progress: Progress | None = None,
    tz: tzinfo | None = None,
) -> Path:
    """Write ``<store>-backup-<local time>.db`` into ``folder``, prove it opens, note when.

    The name carries the time in ``tz`` (the store's zone, as a person reads it);
    the copy and its partial file are readable by their owner only.
    """
    target_dir = Path(folder)
    if not target_dir.is_dir():
        raise BadInputError(f"{target_dir}: not a folder; choose a folder or a USB stick")
    stamp = now_utc().astimezone(tz or UTC).strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{store.path.stem}-backup-{stamp}.db"
    passphrase = store.key.get()  # StoreLockedError once the store is locked
    partial = target.with_suffix(".partial")
    try:
        partial.touch(mode=0o600)
        os.chmod(partial, 0o600)
        destination = sqlcipher3.connect(str(partial))
        destination.execute("PRAGMA key = '" + str(passphrase).replace("'", "''") + "'")
        with store.engine.connect() as conn:
            source = conn.connection.driver_connection
            assert source is not None

            def step(status: int, remaining: int, total: int) -> None:
                if progress:
                    progress(total - remaining, total, "backing up")

            source.backup(destination, pages=256, progress=step)
        destination.close()
        partial.replace(target)
    except (OSError, sqlcipher3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise AppError(f"backup to {target_dir} failed: {exc}") from None
    # Prove the copy opens with the same passphrase before saying it is done.
    with open_store(target, str(passphrase), upgrade=False) as copy, copy.engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM report").scalar()
    with store.transaction() as session:
        session.merge(Setting(key=LAST_BACKUP_KEY, value=now_utc().isoformat()))
    return target


def last_backup(store: Store) -> datetime | None:
    with store.session() as session:
        row = session.get(Setting, LAST_BACKUP_KEY)
    return None if row is None else datetime.fromisoformat(row.value)


def backup_overdue(store: Store, *, days: int = 7) -> bool:
    """True when the last backup (or the store's creation, if never) is older than ``days``."""
    from desktop_app.store.repository import get_organisation

    last = last_backup(store)
    if last is None:
        with store.session() as session:
            last = get_organisation(session).created_at
    return now_utc() - last > timedelta(days=days)
