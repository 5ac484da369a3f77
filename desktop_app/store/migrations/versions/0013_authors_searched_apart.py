"""authors in a trigram index of their own (issue 15: store size)

Until now every post carried its author's handle and display name in the trigram
index ``post_search``: the same few words once per post, so an author with 300
posts was indexed 300 times. At 100,000 reports that was 4.0 MB of the index's
11.2 MB (14,350 accounts behind 48,759 posts). The accounts now have an index of
their own, ``author_search`` (one row per ``author_account``, rowid = its id, the
handle and display name normalised as before), and ``post_search`` keeps the post's
text and notes. ``store.search`` finds a post by its author through that index and
``ix_post_author_id``: the same posts as before (a phrase never spanned two columns
of the old index, so none could span the author and the text).

Both indexes are rebuilt from the rows and merged into one segment; downgrade gives
back 0012's single index.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from collections.abc import Sequence
from typing import Any

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPTIONS = "tokenize = 'trigram', content = '', contentless_delete = 1"
# The author's words as 0006-0012 indexed them beside each post.
_AUTHOR = "caselog_search_text(coalesce(a.handle || ' ' || a.display_name, ''))"


def _raw() -> Any:
    return op.get_bind().connection.driver_connection


def _functions() -> None:
    from desktop_app.core.normalise import search_text

    _raw().create_function("caselog_search_text", 1, search_text, deterministic=True)


def _rebuild(table: str, columns: str, select: str) -> None:
    op.execute(f"DROP TABLE IF EXISTS {table}")
    op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, {_OPTIONS})")
    op.execute(f"INSERT INTO {table} (rowid, {columns}) {select}")
    op.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def upgrade() -> None:
    _functions()
    _rebuild(
        "post_search",
        "content, notes",
        "SELECT id, caselog_search_text(content), caselog_search_text(notes) FROM post",
    )
    _rebuild("author_search", "author", f"SELECT a.id, {_AUTHOR} FROM author_account a")


def downgrade() -> None:
    """Back to 0012: the author's words beside each post, no index of the accounts."""
    _functions()
    op.execute("DROP TABLE IF EXISTS author_search")
    _rebuild(
        "post_search",
        "content, author, notes",
        f"SELECT p.id, caselog_search_text(p.content), {_AUTHOR}, "
        "caselog_search_text(p.notes) FROM post p LEFT JOIN author_account a "
        "ON a.id = p.author_id",
    )
