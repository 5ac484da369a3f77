"""post.content_key as the hash of the normalised text (core.normalise.content_hash)

Duplicate detection only ever compares keys for equality, so an 80-bit BLAKE2b hash
of the normalised text finds the same duplicates as a second copy of the text, in 21
bytes a post and its index instead of about 200 (issue 15: store size). Every key
that differs from ``content_key(content)`` is recomputed; downgrading puts the
normalised text back.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from collections.abc import Sequence
from typing import Any

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _raw() -> Any:
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    from desktop_app.core.normalise import content_hash
    from desktop_app.store.writer import recompute_content_keys

    recompute_content_keys(_raw(), content_hash)


def downgrade() -> None:
    from desktop_app.core.normalise import normalise_content
    from desktop_app.store.writer import recompute_content_keys

    recompute_content_keys(_raw(), normalise_content)
