"""covering indexes for the indicators

The indicators read every report of the period with its post's author, platform
and category. With these two covering indexes SQLite scans reports in post order
and never touches the wide post rows (content, notes), which keeps the encrypted
computation over 100,000 reports within the 300 ms target.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_report_indicator",
        "report",
        [
            "post_id",
            "reported_at",
            "reporter_key",
            "first_response_at",
            "final_response_at",
            "final_outcome",
        ],
    )
    op.create_index("ix_post_indicator", "post", ["id", "author_id", "platform", "category"])


def downgrade() -> None:
    op.drop_index("ix_post_indicator", table_name="post")
    op.drop_index("ix_report_indicator", table_name="report")
