"""a post's canonical link read from its identity key, not kept twice (issue 15: store size)

A post with a link is identified by ``url:<platform>:<canonical link>``
(``writer.post_identity_key``, INDICATORS.md), so every such post kept its
canonical link twice: in ``identity_key`` and in ``canonical_url``. Nothing reads
the second copy back (the writer, the corrections and the merge derive the link
from ``url`` each time; link search walks the unique index of ``identity_key``),
and it took 2.2 MB of a 94.7 MB store at 100,000 reports.

``canonical_url`` becomes a VIRTUAL generated column: computed from
``identity_key`` and ``platform`` whenever it is read, stored nowhere. A post keyed
by its reference or by its row reads ''. SQL typed by hand and the models read it
as before; nothing can write it.

A post whose identity key does not start with its own ``url:<platform>:`` reads ''
(the key is what decides which rows are one post; the writer has always made the
two from the same link, so a store it wrote has no such post).

Downgrade makes the stored column again, filled from the derived one.

A later migration that makes ``post`` again (a batch "move and copy") must keep the
column generated (``models.CANONICAL_URL_SQL``) and the tally's triggers (0014).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As models.CANONICAL_URL_SQL (a migration does not import today's models for its SQL).
_DERIVED = (
    "CASE WHEN substr(identity_key, 1, length(platform) + 5) = 'url:' || platform || ':' "
    "THEN substr(identity_key, length(platform) + 6) ELSE '' END"
)


def upgrade() -> None:
    op.execute("ALTER TABLE post DROP COLUMN canonical_url")
    op.execute(
        "ALTER TABLE post ADD COLUMN canonical_url VARCHAR NOT NULL "
        f"GENERATED ALWAYS AS ({_DERIVED}) VIRTUAL"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE post ADD COLUMN canonical_url_kept VARCHAR NOT NULL DEFAULT ''")
    op.execute("UPDATE post SET canonical_url_kept = canonical_url")
    op.execute("ALTER TABLE post DROP COLUMN canonical_url")
    op.execute("ALTER TABLE post RENAME COLUMN canonical_url_kept TO canonical_url")
