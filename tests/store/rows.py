"""Rows of a case table as a migration test compares them, whatever the schema: the
columns by name (generated ones included), and the import that wrote a row by its
audit event's uid, whether the row keeps that uid (before 0016) or the id of its
``import_event`` row (0016 on); ``updated_at`` whether stored or made from
``created_at`` and ``updated_offset`` (0017 on); ``reporter``, ``channel`` and
``outcome`` whether stored or read from the forms 0018 keeps."""

from __future__ import annotations

from typing import Any

# Kept by the writer for a generated column (0017: updated_at; 0018: reporter,
# channel, outcome).
_STORED_FORMS = frozenset({"updated_offset", "reporter_own", "channel_code", "outcome_code"})


def named_rows(
    raw: Any, table: str, *, skip: tuple[str, ...] = (), order: str = "rowid"
) -> list[tuple[Any, ...]]:
    columns: dict[str, str] = {}
    for row in raw.execute(f"PRAGMA table_xinfo({table})"):
        name = row[1]
        if name in skip or name in _STORED_FORMS:  # the generated column says it
            continue
        if name == "import_event_id":
            columns["import_event_uid"] = (
                f"(SELECT e.uid FROM import_event e WHERE e.id = {table}.import_event_id)"
            )
        else:
            columns[name] = name
    select = ", ".join(columns[name] for name in sorted(columns))
    return list(raw.execute(f"SELECT {select} FROM {table} ORDER BY {order}").fetchall())
