"""the import or merge that wrote a post or report, named by a small id (issue 15: store size)

Every post and report an import (or a merged bundle) wrote kept the uid of that
import's audit event: the same 16 bytes in every row of the import, 2.4 MB of a
92.5 MB store at 100,000 reports. The uids now live once each in ``import_event``
(``id``, ``uid``: one row per import or merge), and ``post`` and ``report`` keep
``import_event_id``, an integer of a byte or two. The writer makes the
``import_event`` row the first time a transaction names an event
(``Writer.import_event_id``), inside the same transaction: a cancelled import or
a dry run leaves none. Readers join on it (``store.audit``, ``export.cases``).

The new column has no REFERENCES clause: SQLite cannot drop a column that has one,
and going back down drops it. The old column had none either.

Downgrade gives back ``import_event_uid``, filled from the table, and drops it.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("post", "report")


def upgrade() -> None:
    op.execute(
        "CREATE TABLE import_event (id INTEGER NOT NULL PRIMARY KEY, "
        "uid VARCHAR(36) NOT NULL UNIQUE)"
    )
    # Oldest first: uids are made in time order (store.uids), the ids follow.
    op.execute(
        "INSERT INTO import_event (uid) SELECT uid FROM ("
        "SELECT import_event_uid AS uid FROM post WHERE import_event_uid IS NOT NULL "
        "UNION SELECT import_event_uid FROM report WHERE import_event_uid IS NOT NULL"
        ") ORDER BY uid"
    )
    for table in _TABLES:
        # Each row's event id aside first, then the uid column dropped (every row
        # shrinks by 17 bytes), and only then the id column filled (each grows by one
        # or two): filled first, the rows grew in their pages, which split, and the
        # store of 100,000 reports came out 1.9 MB larger instead of smaller.
        op.execute(f"CREATE TEMP TABLE event_of_{table} (id INTEGER PRIMARY KEY, event INTEGER)")
        op.execute(
            f"INSERT INTO event_of_{table} (id, event) SELECT t.id, e.id FROM {table} t "
            "JOIN import_event e ON e.uid = t.import_event_uid"
        )
        op.execute(f"ALTER TABLE {table} DROP COLUMN import_event_uid")
        op.execute(f"ALTER TABLE {table} ADD COLUMN import_event_id INTEGER")
        op.execute(
            f"UPDATE {table} SET import_event_id = x.event FROM event_of_{table} x "
            f"WHERE x.id = {table}.id"
        )
        op.execute(f"DROP TABLE event_of_{table}")


def downgrade() -> None:
    for table in _TABLES:
        op.execute(f"ALTER TABLE {table} ADD COLUMN import_event_uid VARCHAR")
        op.execute(
            f"UPDATE {table} SET import_event_uid = "
            f"(SELECT e.uid FROM import_event e WHERE e.id = {table}.import_event_id) "
            "WHERE import_event_id IS NOT NULL"
        )
        op.execute(f"ALTER TABLE {table} DROP COLUMN import_event_id")
    op.execute("DROP TABLE import_event")
