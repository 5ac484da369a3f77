"""ix_report_reported_at also holds post_id: the window's first page reads the newest
reports' posts from the index alone

The window's first page (store.cases.first_page) reads the newest 1,600 reports'
``(reported_at, post_id)`` newest first. Through an index on ``reported_at`` alone each
of them was a lookup in the report table, scattered over it (reports are not stored
in time order): 24 ms of decryption on a fresh start at 100,000 reports, 0.5 ms from
an index that holds both (issue 15: window launch). The index grows by the post id,
2-3 bytes a report.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_report_reported_at")
    op.execute("CREATE INDEX ix_report_reported_at ON report (reported_at, post_id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_report_reported_at")
    op.execute("CREATE INDEX ix_report_reported_at ON report (reported_at)")
