"""corrections (retract, purge) and honest attachment times

Posts, reports, responses and attachments can be retracted (CORRECTIONS.md): they
stay in the store, marked with when and why, and leave the indicators, lists,
exports and bundles. ``retracted_with`` names the uid of the record whose
retraction carried this one along (a report retracted with its post), so a
restore brings back exactly what went with it.

Attachments get ``attached_at`` (when the file entered the store: what the old
``captured_at`` really held) and keep ``captured_at`` for the capture time only
when one is known, with ``capture_source`` saying where it came from (``png``,
``exif``, ``typed``). ``purged_at`` marks an attachment whose bytes were erased.
Drafts of unsaved editor text are kept inside the encrypted store.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RETRACTABLE = ("post", "report", "response", "attachment")


def upgrade() -> None:
    for table in RETRACTABLE:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("retracted_at", sa.BigInteger(), nullable=True))
            batch.add_column(
                sa.Column("retraction_reason", sa.String(), nullable=False, server_default="")
            )
            batch.add_column(
                sa.Column("retracted_with", sa.String(), nullable=False, server_default="")
            )
    with op.batch_alter_table("attachment") as batch:
        batch.add_column(sa.Column("attached_at", sa.BigInteger(), nullable=True))
        batch.add_column(
            sa.Column("capture_source", sa.String(), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("purged_at", sa.BigInteger(), nullable=True))
    # What was called captured_at was the moment of attaching: say so, and keep no
    # capture time we do not know.
    op.execute("UPDATE attachment SET attached_at = coalesce(captured_at, created_at)")
    op.execute("UPDATE attachment SET captured_at = NULL")
    op.create_table(
        "draft",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("saved_at", sa.BigInteger(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("draft")
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("purged_at")
        batch.drop_column("capture_source")
        batch.drop_column("attached_at")
    for table in RETRACTABLE:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("retracted_with")
            batch.drop_column("retraction_reason")
            batch.drop_column("retracted_at")
