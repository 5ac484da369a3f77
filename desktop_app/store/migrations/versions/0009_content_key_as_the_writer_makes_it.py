"""post.content_key again in the form core.normalise.content_key gives

Revision 0008 was first published hashing ``content_key``; stores that reached it
then hold hashes while the writer now writes the normalised text (the hash waits for
``store/repository.py``: its ``update_post`` compared the stored key with
``normalise_content(...)`` and so logged and wrote a changed ``content_key`` on every
edit of a post). Each key that differs from ``content_key(content)`` is recomputed,
so duplicates are found alike in every store; a store that never had hashes has
nothing to change. Turning the hash on later is ``CONTENT_KEY_HASHED = True`` and a
revision like this one.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from collections.abc import Sequence
from typing import Any

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _raw() -> Any:
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    from desktop_app.store.writer import recompute_content_keys

    recompute_content_keys(_raw())


def downgrade() -> None:
    """Nothing to undo: 0008 holds keys in the same form."""
