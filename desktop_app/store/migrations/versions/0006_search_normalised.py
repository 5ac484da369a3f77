"""search index of normalised text, contentless, kept by the writer

The trigram index (0004) held a second copy of every post's text, link, author and
notes, exactly as typed, kept by SQL triggers. A Unicode query could not find a
post typed in Zawgyi, nor the other way round. It now holds the text normalised
as ``core.normalise.search_text`` does (Zawgyi read as Unicode Burmese, NFC) and
no copy of it (``content=''``, ``contentless_delete=1``: SQLite 3.43 or later), so
the store is smaller; ``store.writer`` keeps it in step instead of triggers, and
``store.search.search_clause`` normalises a query the same way.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence
from typing import Any

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TRIGGERS = ("post_search_insert", "post_search_update", "post_search_delete")
_SELECT = (
    "SELECT p.id, caselog_search_text(p.content), p.url, "
    "caselog_search_text(coalesce(a.handle || ' ' || a.display_name, '')), "
    "caselog_search_text(p.notes) "
    "FROM post p LEFT JOIN author_account a ON a.id = p.author_id"
)


def _raw() -> Any:
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    from desktop_app.core.normalise import search_text

    raw = _raw()
    raw.create_function("caselog_search_text", 1, search_text, deterministic=True)
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS post_search")
    op.execute(
        "CREATE VIRTUAL TABLE post_search USING fts5("
        "content, url, author, notes, tokenize = 'trigram', "
        "content = '', contentless_delete = 1)"
    )
    op.execute(f"INSERT INTO post_search (rowid, content, url, author, notes) {_SELECT}")
    # Retracted reports and cases are left out of the indicators by id; these
    # partial indexes hold only the (few) retracted rows, so that costs nothing.
    op.execute("CREATE INDEX ix_report_retracted ON report (id) WHERE retracted_at IS NOT NULL")
    op.execute("CREATE INDEX ix_post_retracted ON post (id) WHERE retracted_at IS NOT NULL")


def downgrade() -> None:
    """Back to 0004's index: a copy of the text as typed, kept by triggers."""
    op.execute("DROP INDEX IF EXISTS ix_post_retracted")
    op.execute("DROP INDEX IF EXISTS ix_report_retracted")
    op.execute("DROP TABLE IF EXISTS post_search")
    author = (
        "coalesce((SELECT handle || ' ' || display_name FROM author_account "
        "WHERE id = NEW.author_id), '')"
    )
    op.execute(
        "CREATE VIRTUAL TABLE post_search USING fts5("
        "content, url, author, notes, tokenize = 'trigram')"
    )
    op.execute(
        f"""CREATE TRIGGER post_search_insert AFTER INSERT ON post
          WHEN NOT EXISTS (SELECT 1 FROM setting WHERE key = 'search.bulk_insert') BEGIN
          INSERT INTO post_search (rowid, content, url, author, notes)
          VALUES (NEW.id, NEW.content, NEW.url, {author}, NEW.notes);
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER post_search_update AFTER UPDATE OF content, url, author_id, notes
          ON post BEGIN
          DELETE FROM post_search WHERE rowid = OLD.id;
          INSERT INTO post_search (rowid, content, url, author, notes)
          VALUES (NEW.id, NEW.content, NEW.url, {author}, NEW.notes);
        END"""
    )
    op.execute(
        """CREATE TRIGGER post_search_delete AFTER DELETE ON post BEGIN
          DELETE FROM post_search WHERE rowid = OLD.id;
        END"""
    )
    op.execute(
        "INSERT INTO post_search (rowid, content, url, author, notes) "
        "SELECT p.id, p.content, p.url, "
        "coalesce(a.handle || ' ' || a.display_name, ''), p.notes "
        "FROM post p LEFT JOIN author_account a ON a.id = p.author_id"
    )
