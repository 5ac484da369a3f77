"""a report's channel and a response's outcome as codes, a reporter kept once, search pages that fit (issue 15: store size)

Measured at 100,000 reports (87.2 MB, 2.62x the floor's file):

* ``report.channel`` and ``response.outcome`` are words of a fixed vocabulary, 8-17
  bytes of text in every row (2.7 MB). Each is now kept as a small integer code in
  ``channel_code`` / ``outcome_code`` (0 and 1 take no byte in SQLite's record, 2-7
  one), read back through a VIRTUAL generated column (``models.CHANNEL_SQL``,
  ``models.OUTCOME_SQL``). The stored column has no declared type, so no affinity:
  a text outside the vocabulary (a partner's, an older version's) is kept as that
  text and comes back exactly. ``report.final_outcome`` stays text: it is a column
  of ``ix_report_indicator``, and SQLite does not read a generated column from an
  index as covering.
* ``report.reporter`` was kept beside ``reporter_key`` (the same text trimmed and
  casefolded), which is the same text for a reporter written in Burmese, as a code
  or in lower case (1.2 MB). It is now kept in ``reporter_own`` only where it
  differs, and read as ``coalesce(reporter_own, reporter_key)``.
* The two FTS5 indexes write pages of 3,960 bytes (``pgsz``) instead of FTS5's
  4,050: a 4,096-byte page keeps 4,016 for data under SQLCipher (80 bytes of IV and
  HMAC), so a 4,050-byte leaf overflowed into a second page, 12 % of it empty.
  Segments written from now on are the new size; merges rewrite the old ones.

Each table's rows are rewritten in ONE update that moves the value to its new
column and empties the old one (every row shrinks in place, no page splits), then
the old columns are dropped and the generated ones added.

Downgrade gives back the stored columns, filled from the generated ones, and
FTS5's page size.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As models.CHANNEL_CODES and models.OUTCOME_CODES (a migration keeps its own copy).
_CHANNELS = {"": 0, "in_app": 1, "trusted_partner": 2, "email": 3, "web_form": 4, "other": 5}
_OUTCOMES = {
    "acknowledged": 1,
    "under_review": 2,
    "removed": 3,
    "restricted": 4,
    "account_suspended": 5,
    "account_banned": 6,
    "no_violation": 7,
}
_PAGE = 3960  # FTS5's pgsz: a leaf and its record within 4,016 - 35 bytes
_FTS5_PAGE = 4050  # FTS5's own default


def _encode(column: str, codes: dict[str, int]) -> str:
    whens = " ".join(f"WHEN '{text}' THEN {code}" for text, code in codes.items())
    return f"CASE {column} {whens} ELSE {column} END"


def _decode(column: str, codes: dict[str, int]) -> str:
    whens = " ".join(f"WHEN {code} THEN '{text}'" for text, code in codes.items())
    return f"CASE {column} {whens} ELSE {column} END"


def _generated(sql: str) -> str:
    return f"VARCHAR NOT NULL GENERATED ALWAYS AS ({sql}) VIRTUAL"


def upgrade() -> None:
    op.execute("ALTER TABLE report ADD COLUMN reporter_own VARCHAR")
    op.execute("ALTER TABLE report ADD COLUMN channel_code NOT NULL DEFAULT ''")
    op.execute(
        f"UPDATE report SET channel_code = {_encode('channel', _CHANNELS)}, channel = '', "
        "reporter_own = CASE WHEN reporter = reporter_key THEN NULL ELSE reporter END, "
        "reporter = ''"
    )
    op.execute("ALTER TABLE report DROP COLUMN channel")
    op.execute("ALTER TABLE report DROP COLUMN reporter")
    op.execute(
        "ALTER TABLE report ADD COLUMN reporter "
        + _generated("coalesce(reporter_own, reporter_key)")
    )
    op.execute(
        "ALTER TABLE report ADD COLUMN channel " + _generated(_decode("channel_code", _CHANNELS))
    )

    op.execute("ALTER TABLE response ADD COLUMN outcome_code NOT NULL DEFAULT ''")
    op.execute(f"UPDATE response SET outcome_code = {_encode('outcome', _OUTCOMES)}, outcome = ''")
    op.execute("ALTER TABLE response DROP COLUMN outcome")
    op.execute(
        "ALTER TABLE response ADD COLUMN outcome " + _generated(_decode("outcome_code", _OUTCOMES))
    )

    for index in ("post_search", "author_search"):
        op.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('pgsz', {_PAGE})")


def downgrade() -> None:
    for index in ("post_search", "author_search"):
        op.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('pgsz', {_FTS5_PAGE})")
    for table, columns in (
        ("report", (("reporter", "reporter_own"), ("channel", "channel_code"))),
        ("response", (("outcome", "outcome_code"),)),
    ):
        for column, _stored in columns:
            op.execute(f"ALTER TABLE {table} ADD COLUMN {column}_kept VARCHAR NOT NULL DEFAULT ''")
        op.execute(
            f"UPDATE {table} SET "
            + ", ".join(f"{column}_kept = {column}" for column, _stored in columns)
        )
        for column, stored in columns:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
            op.execute(f"ALTER TABLE {table} DROP COLUMN {stored}")
            op.execute(f"ALTER TABLE {table} RENAME COLUMN {column}_kept TO {column}")
