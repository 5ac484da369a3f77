"""organisation keys, partners and the bundle log

Adds the organisation's Ed25519 signing key and age identity (kept inside the
encrypted store), the partner directory, and a log of bundles made and merged.
Keys are created for existing stores on their first unlock after this migration.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "org_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.String(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind"),
    )
    op.create_table(
        "partner",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.Column("origin_org", sa.String(), nullable=True),
        sa.Column("origin_bundle", sa.String(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("age_recipient", sa.String(), nullable=False),
        sa.Column("signing_public_key", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sa.UniqueConstraint("uid"),
    )
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_signing_public_key"), ["signing_public_key"], unique=False
        )
    op.create_table(
        "bundle_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("origin_org", sa.String(), nullable=False),
        sa.Column("origin_key", sa.String(), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("counts", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["partner_id"], ["partner.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("bundle_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bundle_log_bundle_id"), ["bundle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bundle_log_partner_id"), ["partner_id"], unique=False)


def downgrade() -> None:
    op.drop_table("bundle_log")
    op.drop_table("partner")
    op.drop_table("org_key")
