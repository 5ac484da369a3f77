"""post.content_key recomputed in the form core.normalise.content_key gives

``content_key`` decides which posts are duplicates (INDICATORS.md: same text after
Zawgyi->Unicode, NFKC, casefolding, no punctuation or symbols, spaces folded). It
can hold that normalised text or its 80-bit BLAKE2b hash (``content_hash``: 21
bytes a post and its index instead of a second copy of every text);
``core.normalise.CONTENT_KEY_HASHED`` says which. This revision first switched to
the hash; the hash is off again until ``store/repository.py`` compares with
``content_key(...)`` (see 0009), so on the way up it recomputes each key that
differs from what ``content_key`` gives now (none, on a store at 0007). Either form
groups the same posts. ``updated_at`` is left alone: a derived column is not an edit.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from collections.abc import Sequence
from typing import Any

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _raw() -> Any:
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    from desktop_app.store.writer import recompute_content_keys

    recompute_content_keys(_raw())


def downgrade() -> None:
    """Back to 0007: the normalised text itself."""
    from desktop_app.core.normalise import normalise_content
    from desktop_app.store.writer import recompute_content_keys

    recompute_content_keys(_raw(), normalise_content)
