"""Bulk insert of many rows given column by column (the spreadsheet import).

``Writer.insert`` takes one mapping per row and merges it with the table's defaults
row by row: right for a merge of a few thousand records, but an import of a million
reports spent most of its time building and copying those dicts. Here a caller
gives each column once, as a sequence, and the rows are zipped into ONE
``executemany`` of tuples on the writer's DB-API connection, inside the caller's
transaction.

The writer's rules still hold, because they are the writer's own: the derived
columns (``canonical_url``, ``content_key``, ``reporter_key``, ``handle_key``, ...)
are computed by the writer's derivation table and functions from the row's own
values (a value the caller gives for one is ignored), ``case_ref`` by
``case_ref_for``, the column list, defaults and NOT NULL columns come from the
writer's table description, and new posts go to the search index through
the writer's index statement, as ``Writer.insert`` puts them there.
A test inserts the same rows through both paths and compares them column by column,
so a change to the writer's rules shows up here.

Differences from ``Writer.insert``, on purpose: ids are the caller's (allocate them
with ``Writer.next_id``), and time columns must already be integer microseconds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat
from typing import Any

from desktop_app.core.timeutil import now_utc
from desktop_app.store.models import new_uids
from desktop_app.store.types import to_micros

# The writer's own rules (private to store/, shared on purpose: one set of rules).
from desktop_app.store.writer import _DERIVE_FN, _DERIVED, Writer, _info, case_ref_for

# Filled here when the caller does not give them.
_FILLED = ("uid", "created_at", "updated_at")


def take_ids(writer: Writer, table: str, count: int) -> list[int]:
    """``count`` new local ids of ``table``, in order (``Writer.next_id`` each)."""
    take = writer.next_id
    return [take(table) for _ in range(count)]


def insert_columns(
    writer: Writer,
    table: str,
    columns: Mapping[str, Sequence[Any]],
    *,
    constants: Mapping[str, Any] | None = None,
) -> int:
    """Insert rows given as columns (every sequence the same length, ``id`` among them)
    and ``constants`` (one value for every row); returns how many rows were written."""
    info = _info(table)
    ids = columns.get("id")
    if ids is None:
        raise ValueError("insert_columns needs the rows' ids (Writer.next_id)")
    count = len(ids)
    if count == 0:
        return 0
    constants = constants or {}
    for name in (*columns, *constants):
        if name not in info.columns:
            raise ValueError(f"{table} has no column {name!r}")
    for name, values in columns.items():
        if len(values) != count:
            raise ValueError(f"column {name!r} has {len(values)} values, not {count}")
    derived = dict(_DERIVED.get(table, ()))
    now = to_micros(now_utc())
    names: list[str] = []
    values_by_column: list[Any] = []
    for name in info.columns:
        if name in derived:
            source = columns.get(derived[name])
            derive = _DERIVE_FN[name]
            if source is not None:
                values_by_column.append([derive(v or "") for v in source])
            else:
                fixed = constants.get(derived[name])
                values_by_column.append(repeat(derive(fixed or ""), count))
        elif table == "post" and name == "case_ref":
            values_by_column.append([case_ref_for(i) for i in ids])
        elif name in columns:
            values_by_column.append(columns[name])
        elif name in constants:
            values_by_column.append(repeat(constants[name], count))
        elif name == "uid":
            values_by_column.append(new_uids(count))
        elif name in ("created_at", "updated_at"):
            values_by_column.append(repeat(now, count))
        elif name in info.required:
            values_by_column.append(repeat(info.defaults[name], count))
        else:
            continue  # left to the column's default in the file's schema
        names.append(name)
    if table == "post" and not columns.get("identity_key"):
        raise ValueError("insert_columns needs the posts' identity_key")
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    writer.raw.executemany(sql, zip(*values_by_column, strict=False))
    if table == "post":
        _index_new_posts(writer, list(ids))
    return count


def _index_new_posts(writer: Writer, ids: list[int]) -> None:
    """Put new posts in the search index as ``Writer.insert`` does: now (no delete
    first: they are new), or at the end of an open ``bulk_search`` block. An
    import calls this per chunk, outside ``bulk_search``, so the list of posts to
    index never grows with the file (one statement at the end for 600,000 posts
    held 40 MB more at 300,000 reports)."""
    if writer.search_mode() != "writer":
        return  # SQL triggers keep the index (schema 0004-0005), or there is none
    if writer._bulk_posts is not None:  # noqa: SLF001 - the writer's own deferral
        writer.index_posts(ids)
    else:
        writer._write_index(ids, replace=False)  # noqa: SLF001 - as Writer.insert does


__all__: Sequence[str] = ("insert_columns", "take_ids")
