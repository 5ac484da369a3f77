"""Stores made at a schema before 0012 by today's code: their uids as the code of
that time wrote them (text), so an upgrade or a downgrade test starts from what an
old store really holds. The writer of today keeps 16 bytes whatever the schema (a
store is migrated to the newest schema when it is opened, before any write)."""

from __future__ import annotations

import importlib
from typing import Any

from desktop_app.store.uids import from_db_sql

_0012 = importlib.import_module("desktop_app.store.migrations.versions.0012_uids_as_bytes")


def uids_as_text(raw: Any) -> int:
    """Write every uid column of ``raw``'s store back as text (those its schema has);
    returns how many values were blobs."""
    blobs = 0
    for table, columns in _0012.UID_COLUMNS:
        have = {r[1] for r in raw.execute(f"PRAGMA table_info({table})")}
        present = [c for c in columns if c in have]
        for column in present:
            (n,) = raw.execute(
                f"SELECT count(*) FROM {table} WHERE typeof({column}) = 'blob'"
            ).fetchone()
            blobs += n
        if present:
            sets = ", ".join(f"{c} = {from_db_sql(c)}" for c in present)
            raw.execute(f"UPDATE {table} SET {sets}")
    raw.commit()
    return blobs
