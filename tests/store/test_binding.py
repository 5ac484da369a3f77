"""The driver's adapters for bytes, None and bool (store.engine): the same values are
bound as without them, and they are in place for every connection of the process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3

import desktop_app.store.engine  # noqa: F401 - registers the adapters on import


class _Bytes(bytes):
    """A bytes subclass: adapters match exact types, so it binds the old way."""


# What SQLAlchemy sends for a LargeBinary column (memoryview) and a bytes subclass
# are not exact bytes and must bind as before too.
_VALUES = (
    None,
    b"\x00\x01\xff",
    b"",
    True,
    False,
    7,
    2**62,
    1.5,
    "မြန်မာ",
    bytearray(b"ab"),
    memoryview(b"mv"),
    _Bytes(b"sub"),
)
_SQL = "SELECT " + ", ".join("?, typeof(?)" for _ in _VALUES)


def _bound(conn: object) -> list[object]:
    args = [value for value in _VALUES for _ in range(2)]
    return list(conn.execute(_SQL, args).fetchone())  # type: ignore[attr-defined]


def test_values_bind_as_the_standard_driver_binds_them() -> None:
    ours = _bound(sqlcipher3.connect(":memory:"))
    assert ours == _bound(sqlite3.connect(":memory:"))
    assert ours[:8] == [None, "null", b"\x00\x01\xff", "blob", b"", "blob", 1, "integer"]


def test_adapters_are_registered_for_the_slow_types() -> None:
    # Without them each bytes, None or bool parameter cost about 1.7 µs more: the
    # driver's search for an adapter fails through two attribute lookups.
    protocol = sqlcipher3.PrepareProtocol
    for kind in (bytes, type(None), bool):
        assert (kind, protocol) in sqlcipher3.adapters


def test_a_store_row_keeps_its_uid_bytes_and_nulls(tmp_path: Path) -> None:
    conn = sqlcipher3.connect(str(tmp_path / "t.db"))
    conn.execute("PRAGMA key = 'binding test'")
    conn.execute("CREATE TABLE t (uid BLOB, flag BOOLEAN, at BIGINT)")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?)", [(b"\x10" * 16, True, None)] * 3)
    rows = conn.execute("SELECT uid, typeof(uid), flag, at, typeof(at) FROM t").fetchall()
    assert rows == [(b"\x10" * 16, "blob", 1, None, "null")] * 3
