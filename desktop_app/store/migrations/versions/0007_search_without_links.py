"""search index without links; no index that another one already begins with

The trigram index (0006) held every post's link as well as its text, author and
notes: two thirds of the index, for links that are long, unique and mostly
tracking parameters. Links are now found through the unique index on
``post.identity_key`` (``url:<platform>:<canonical link>``): ``store.search``
canonicalises a query that looks like a link and looks up the posts whose
canonical link starts with it. The index is rebuilt from the posts (text
normalised as 0006 does) and merged into one segment.

``ix_report_post_id`` is dropped: ``report(post_id, …)`` is the first column of the
unique index ``(post_id, reported_at, reporter_key)`` and of ``ix_report_indicator``,
which serve every lookup by post.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from collections.abc import Sequence
from typing import Any

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_AUTHOR = "caselog_search_text(coalesce(a.handle || ' ' || a.display_name, ''))"
_FROM = "FROM post p LEFT JOIN author_account a ON a.id = p.author_id"


def _raw() -> Any:
    return op.get_bind().connection.driver_connection


def _rebuild(columns: str, select: str) -> None:
    from desktop_app.core.normalise import search_text

    _raw().create_function("caselog_search_text", 1, search_text, deterministic=True)
    op.execute("DROP TABLE IF EXISTS post_search")
    op.execute(
        f"CREATE VIRTUAL TABLE post_search USING fts5({columns}, tokenize = 'trigram', "
        "content = '', contentless_delete = 1)"
    )
    op.execute(f"INSERT INTO post_search (rowid, {columns}) {select}")
    op.execute("INSERT INTO post_search (post_search) VALUES ('optimize')")


def upgrade() -> None:
    _rebuild(
        "content, author, notes",
        f"SELECT p.id, caselog_search_text(p.content), {_AUTHOR}, "
        f"caselog_search_text(p.notes) {_FROM}",
    )
    op.execute("DROP INDEX IF EXISTS ix_report_post_id")


def downgrade() -> None:
    """Back to 0006: the link in the trigram index, the index on report.post_id."""
    op.execute("CREATE INDEX IF NOT EXISTS ix_report_post_id ON report (post_id)")
    _rebuild(
        "content, url, author, notes",
        f"SELECT p.id, caselog_search_text(p.content), p.url, {_AUTHOR}, "
        f"caselog_search_text(p.notes) {_FROM}",
    )
