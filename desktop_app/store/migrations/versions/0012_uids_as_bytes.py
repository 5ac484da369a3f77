"""Record uids kept as 16 bytes instead of 36 characters of text (issue 15: store size)

Every canonical uid (the lower-case 8-4-4-4-12 text ``uuid.UUID`` prints) in a uid
column becomes its 16 raw bytes: the ``uid`` of each mergeable table and of the audit
events, ``import_event_uid``, the audit ``entity_uid`` and ``retracted_with``. Each is
kept in the row and again in its index: about 20 bytes x 3 per report. A value in any
other form (a partner's bundle, old data) stays the text it is, so it reads back
exactly (``store.uids``). The text forms are what the audit chain hashes, so every
chain made before still verifies. The indexes follow the rows' new values (the same
UPDATE); downgrade writes the text back, lower-case 8-4-4-4-12.

``unhex`` needs SQLite 3.41 or later (sqlcipher3 carries its own SQLite).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

from desktop_app.store.uids import from_db_sql, to_db_sql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, its uid columns), as models.py declares them (UidText) at this revision.
UID_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("organisation", ("uid",)),
    ("author_account", ("uid",)),
    ("post", ("uid", "import_event_uid", "retracted_with")),
    ("report", ("uid", "import_event_uid", "retracted_with")),
    ("response", ("uid", "retracted_with")),
    ("attachment", ("uid", "retracted_with")),
    ("tag", ("uid",)),
    ("partner", ("uid",)),
    ("audit_event", ("uid", "entity_uid")),
)


def _convert(sql_of: object) -> None:
    for table, columns in UID_COLUMNS:
        sets = ", ".join(f"{c} = {sql_of(c)}" for c in columns)  # type: ignore[operator]
        op.execute(f"UPDATE {table} SET {sets}")


def upgrade() -> None:
    _convert(to_db_sql)


def downgrade() -> None:
    _convert(from_db_sql)
