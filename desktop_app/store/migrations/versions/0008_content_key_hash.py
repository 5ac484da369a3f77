"""post.content_key: a hash of the normalised text instead of a copy of it

``content_key`` decides which posts are duplicates (INDICATORS.md: same text after
Zawgyi->Unicode, NFKC, casefolding, no punctuation or symbols, spaces folded). It
held that normalised text in full, about as long as the content itself, and was
indexed: two more copies of every post's text. Duplicates only need equality, so
it now holds ``core.normalise.content_key``: the BLAKE2b hash (80 bits, 20 hex
characters) of the same normalised text; "" stays "" (no text). Every post's key is
recomputed from its content and the index rebuilt. ``updated_at`` is left alone: a
derived column is not an edit.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from collections.abc import Callable, Sequence
from typing import Any

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _recompute(derive: Callable[[str | None], str]) -> None:
    raw: Any = op.get_bind().connection.driver_connection
    raw.create_function("caselog_content_key", 1, derive, deterministic=True)
    op.execute("DROP INDEX IF EXISTS ix_post_content_key")
    op.execute("UPDATE post SET content_key = caselog_content_key(content)")
    op.execute("CREATE INDEX ix_post_content_key ON post (content_key)")


def upgrade() -> None:
    from desktop_app.core.normalise import content_key

    _recompute(content_key)


def downgrade() -> None:
    """Back to 0007: the normalised text itself."""
    from desktop_app.core.normalise import normalise_content

    _recompute(normalise_content)
