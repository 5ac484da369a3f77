"""Record uids stored as 16 bytes (issue 15: store size).

A canonical uid (the lower-case 36-character 8-4-4-4-12 form ``uuid.UUID`` prints)
is kept in the store as its 16 raw bytes: 20 bytes less in the row, again in its
unique index and in every column that names it (``import_event_uid``, the audit
``entity_uid``, ``retracted_with``). Anything else (a partner's bundle or old data
may hold uids in another form) is kept as the text it is, so it comes back
exactly. Everything above the store sees text: the ORM through ``types.UidText``,
raw SQL through ``to_db`` (parameters) and ``from_db`` (selected values).

16-byte big-endian UUIDs sort as their hex text does, so UUIDv7 order holds among
them; SQLite sorts every blob after every text, so code that orders by uid sorts
the text forms in Python (``from_db`` first).

No SQLAlchemy here: the first screen imports this module.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any

# The canonical form of a record uid, for fullmatch (the bundle reader checks with it).
CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEX = "[0-9a-f]"
# The same test in SQL (GLOB is case-sensitive): 8-4-4-4-12 lower-case hex.
GLOB = "-".join(_HEX * n for n in (8, 4, 4, 4, 12))


def to_db(text: Any) -> Any:
    """What the store keeps for the uid ``text``: 16 bytes when it is canonical,
    else ``text`` itself (None, empty text and other forms unchanged)."""
    if type(text) is str and len(text) == 36 and CANONICAL.fullmatch(text):
        return bytes.fromhex(text.replace("-", ""))
    return text


def from_db(value: Any) -> Any:
    """The uid text for what the store keeps (16 bytes -> canonical text)."""
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        if len(raw) == 16:
            return str(uuid.UUID(bytes=raw))
        raise ValueError(f"a stored uid of {len(raw)} bytes; expected 16")
    return value


def to_db_sql(expr: str) -> str:
    """SQL giving what ``to_db`` gives for the text ``expr`` (SQLite >= 3.41: unhex)."""
    return (
        f"CASE WHEN typeof({expr}) = 'text' AND length({expr}) = 36 AND {expr} GLOB '{GLOB}' "
        f"THEN unhex(replace({expr}, '-', '')) ELSE {expr} END"
    )


def from_db_sql(expr: str) -> str:
    """SQL giving the uid text for the stored ``expr`` (as ``from_db``)."""
    return (
        f"CASE WHEN typeof({expr}) = 'blob' AND length({expr}) = 16 THEN lower("
        f"substr(hex({expr}), 1, 8) || '-' || substr(hex({expr}), 9, 4) || '-' || "
        f"substr(hex({expr}), 13, 4) || '-' || substr(hex({expr}), 17, 4) || '-' || "
        f"substr(hex({expr}), 21)) ELSE {expr} END"
    )


# ``column IN_UIDS`` with one parameter, ``in_param(uids)``: a JSON array of uid
# texts, each turned into what the store keeps inside SQL.
IN_UIDS = f"IN (SELECT {to_db_sql('value')} FROM json_each(?))"


def in_param(uids: Iterable[str]) -> str:
    """The parameter of ``IN_UIDS``: the uids as a JSON array of text."""
    import json

    return json.dumps(list(uids))


def texts(rows: Iterable[Any]) -> list[Any]:
    """``from_db`` of each value."""
    return [from_db(v) for v in rows]
