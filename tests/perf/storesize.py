"""What takes the room in a store: bytes per table and index (dbstat), FTS shadow
tables included.

    python -m tests.perf.storesize STORE.db [PASSPHRASE]

(passphrase from $CASELOG_PASSPHRASE when not given). Prints one line per table or
index, biggest first, with its share of the file, then totals per table with its
indexes (the search index, reports, posts, ...). Used for docs/PERFORMANCE.md and
``make bench-scale``.

The SQLCipher build in ``sqlcipher3`` has no dbstat table, so the store is copied,
decrypted, into a temporary plain SQLite file (``sqlcipher_export``) and dbstat is read
there with the standard library's sqlite3. That copy is PLAINTEXT on disk until it is
deleted at the end: use this on benchmark stores of synthetic data only, never on a
store of real cases. Page counts in the copy match the store's b-trees (the export
writes each b-tree anew, so free pages and fragmentation are not counted; the
store's free pages are printed from its own header). Pages there have no SQLCipher
reserve, so each holds about 2% more than in the store.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

import sqlcipher3


def breakdown(db: Path, passphrase: str) -> tuple[list[tuple[str, str, int, int]], int, int]:
    """(name, table it belongs to, bytes, pages) per b-tree, biggest first; and the
    store's page size and free pages."""
    conn = sqlcipher3.connect(str(db))
    with tempfile.TemporaryDirectory(prefix="caselog-storesize-") as scratch:
        plain_path = Path(scratch) / "plain.db"
        try:
            conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
            free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
            conn.execute(f"ATTACH DATABASE '{plain_path}' AS plain KEY ''")
            conn.execute(f"PRAGMA plain.page_size = {page_size}")
            conn.execute("SELECT sqlcipher_export('plain')")
            conn.execute("DETACH DATABASE plain")
        finally:
            conn.close()
        plain = sqlite3.connect(plain_path)
        try:
            owners = dict(plain.execute("SELECT name, tbl_name FROM sqlite_master").fetchall())
            for name, owner in list(owners.items()):
                if name != owner:  # an index: name its columns
                    info = plain.execute(f"PRAGMA index_info('{name}')").fetchall()
                    columns = [r[2] or "expr" for r in info]
                    if columns:
                        owners[name] = f"{owner}({', '.join(columns)})"
            rows = plain.execute(
                "SELECT name, count(*) FROM dbstat GROUP BY name ORDER BY 2 DESC"
            ).fetchall()
        finally:
            plain.close()
    return (
        [(name, owners.get(name, name), pages * page_size, pages) for name, pages in rows],
        page_size,
        free,
    )


_SEARCH = ("post_search", "author_search")


def family(name: str, owner: str) -> str:
    if name.startswith(_SEARCH) or owner.startswith(_SEARCH):
        return "search index (FTS5 post_search, author_search and their shadow tables)"
    return owner.split("(")[0]


def main(argv: list[str]) -> int:
    db = Path(argv[0])
    passphrase = argv[1] if len(argv) > 1 else os.environ.get("CASELOG_PASSPHRASE", "")
    rows, page_size, free = breakdown(db, passphrase)
    file_size = db.stat().st_size
    total = sum(row[2] for row in rows)
    print(
        f"{db}: {file_size:,} bytes on disk ({page_size}-byte pages, {free:,} free = "
        f"{free * page_size:,} bytes); b-trees {total:,} bytes"
    )
    small = [row for row in rows if row[3] <= 1]
    for name, owner, size, pages in rows:
        if pages <= 1:
            continue
        what = name if owner == name else f"{name} (on {owner})"
        print(f"  {size:>14,}  {100 * size / file_size:5.1f}%  {pages:>8,} pages  {what}")
    if small:
        print(f"  {len(small)} more b-trees of one page each: {', '.join(r[0] for r in small)}")
    families: dict[str, int] = {}
    for name, owner, size, _pages in rows:
        key = family(name, owner)
        families[key] = families.get(key, 0) + size
    print("per table, its indexes included:")
    for key, size in sorted(families.items(), key=lambda item: -item[1]):
        if size <= 4 * page_size:
            continue
        print(f"  {size:>14,}  {100 * size / file_size:5.1f}%  {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
