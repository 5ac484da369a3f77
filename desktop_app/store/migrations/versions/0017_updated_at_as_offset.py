"""when a case row last changed, kept as an offset from when it was made (issue 15: store size)

``created_at`` and ``updated_at`` took 8 bytes each in every post, report,
response and account, and in a row never edited (every row an import writes) they
are the same number: 2.4 MB of 89.9 MB at 100,000 reports. Each of these tables
now keeps ``updated_offset`` (``updated_at - created_at`` in microseconds; SQLite
stores an integer 0 in no byte at all) and reads ``updated_at`` through a VIRTUAL
generated column, ``created_at + updated_offset`` (``models.UPDATED_AT_SQL``).
Readers read ``updated_at`` as before (the merge's newer-wins rule, bundles,
custody); the writer turns the ``updated_at`` it is given into the offset.

As in 0016, each table's offsets are set aside first, the old column dropped (every
row shrinks) and only then the offsets written back, so no page splits.

Downgrade gives back the stored column, filled from the generated one.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("post", "report", "response", "author_account")
# As models.UPDATED_AT_SQL.
_GENERATED = "BIGINT NOT NULL GENERATED ALWAYS AS (created_at + updated_offset) VIRTUAL"


def upgrade() -> None:
    for table in _TABLES:
        op.execute(f"CREATE TEMP TABLE edited_{table} (id INTEGER PRIMARY KEY, delta INTEGER)")
        op.execute(
            f"INSERT INTO edited_{table} (id, delta) SELECT id, updated_at - created_at "
            f"FROM {table} WHERE updated_at != created_at"
        )
        op.execute(f"ALTER TABLE {table} DROP COLUMN updated_at")
        op.execute(f"ALTER TABLE {table} ADD COLUMN updated_offset INTEGER NOT NULL DEFAULT 0")
        op.execute(
            f"UPDATE {table} SET updated_offset = x.delta FROM edited_{table} x "
            f"WHERE x.id = {table}.id"
        )
        op.execute(f"DROP TABLE edited_{table}")
        op.execute(f"ALTER TABLE {table} ADD COLUMN updated_at {_GENERATED}")


def downgrade() -> None:
    for table in _TABLES:
        op.execute(f"ALTER TABLE {table} ADD COLUMN updated_kept BIGINT NOT NULL DEFAULT 0")
        op.execute(f"UPDATE {table} SET updated_kept = updated_at")
        op.execute(f"ALTER TABLE {table} DROP COLUMN updated_at")
        op.execute(f"ALTER TABLE {table} DROP COLUMN updated_offset")
        op.execute(f"ALTER TABLE {table} RENAME COLUMN updated_kept TO updated_at")
