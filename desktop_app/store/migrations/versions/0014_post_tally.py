"""how many posts the store holds, kept by triggers (issue 15: window launch)

The window's first screen says how many cases the list has. Counting them was a walk
of the smallest index of ``post`` (its every entry): at 1,000,000 reports 1,392 pages
decrypted on a fresh start, about 50 ms of a 0.6 s launch. ``post_tally`` holds the
count in one row, kept by two triggers on ``post`` (after each insert, after each
delete), so whatever writes a post (the writer, an import, a merged bundle, SQL typed
by hand) keeps it right, and the count is one page read. An insert costs about 1 µs
more. ``store.cases.listed_posts`` reads it and takes away the retracted posts
(their partial index).

A later migration that makes ``post`` again (a batch "move and copy") drops both
triggers with the old table: it must create them again, as here
(``tests/store/test_migration_0014.py`` checks a new store has them).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE TABLE post_tally (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "posts INTEGER NOT NULL CHECK (posts >= 0))"
    )
    op.execute("INSERT INTO post_tally (id, posts) SELECT 1, count(*) FROM post")
    op.execute(
        "CREATE TRIGGER post_tally_insert AFTER INSERT ON post BEGIN "
        "UPDATE post_tally SET posts = posts + 1 WHERE id = 1; END"
    )
    op.execute(
        "CREATE TRIGGER post_tally_delete AFTER DELETE ON post BEGIN "
        "UPDATE post_tally SET posts = posts - 1 WHERE id = 1; END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS post_tally_delete")
    op.execute("DROP TRIGGER IF EXISTS post_tally_insert")
    op.execute("DROP TABLE IF EXISTS post_tally")
