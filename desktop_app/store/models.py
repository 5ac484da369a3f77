"""The tables of the encrypted store (SQLModel over SQLCipher).

Every mergeable record has a stable ``uid`` (UUID text; ``new_uid`` makes UUIDv7; kept as
16 bytes in the store from 0012, ``store.uids``) and
``created_at`` / ``updated_at``: partner bundles merge on them. Integer ``id`` keys are local only
and keep joins fast. ``origin_org``/``origin_bundle`` remember where a record came
from when it arrived in a partner's bundle.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    Computed,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import deferred
from sqlalchemy.types import NullType
from sqlmodel import Field, SQLModel

from desktop_app.core.timeutil import now_utc
from desktop_app.store.types import UidText, UTCDateTime

_RAND_BITS = 74  # UUIDv7's rand_a (12 bits) and rand_b (62 bits)
_RAND_START = (1 << 72) - 1  # a new millisecond starts below this, leaving room to count up
_uid_lock = threading.Lock()
_uid_last = (0, 0)  # (milliseconds, 74-bit value) of the last uid made


def _uid_text(millis: int, value: int) -> str:
    number = (
        (millis << 80)
        | (0x7 << 76)
        | ((value >> 62) << 64)
        | (0b10 << 62)
        | (value & ((1 << 62) - 1))
    )
    h = f"{number:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _reserve_uids(n: int) -> tuple[int, int]:
    """The millisecond and the first 74-bit value of ``n`` new uids (``n`` >= 1)."""
    global _uid_last
    start = int.from_bytes(os.urandom(10), "big") & _RAND_START
    with _uid_lock:
        millis = time.time_ns() // 1_000_000
        last_millis, last_value = _uid_last
        if millis > last_millis:
            value = start
        else:
            millis, value = last_millis, last_value + 1
        if value + n >= 1 << _RAND_BITS:  # never in practice: move to the next millisecond
            millis, value = millis + 1, start
        _uid_last = (millis, value + n - 1)
    return millis, value


def _runs(value: int, n: int) -> Iterator[tuple[int, int]]:
    """``[i, end)`` ranges of the values ``value .. value + n - 1`` that share their
    high 12 bits: within one, only the uid's last 64 bits change."""
    i, end = value, value + n
    while i < end:
        run_end = min(end, ((i >> 62) + 1) << 62)
        yield i, run_end
        i = run_end


_LOW_MASK = (1 << 62) - 1
_VARIANT = 0b10 << 62


def new_uids(n: int) -> list[str]:
    """``n`` new uids, in increasing order: UUIDv7 text (RFC 9562; 36 characters, as
    UUID4 was), the milliseconds of the clock first, so uids made later sort after
    and the unique indexes on ``uid`` fill their pages instead of splitting at random.
    Within one millisecond (and if the clock goes back) the random 74 bits count up
    from a random start, so uids of one process never repeat and stay ordered."""
    if n <= 0:
        return []
    millis, value = _reserve_uids(n)
    if n == 1:
        return [_uid_text(millis, value)]
    uids: list[str] = []
    for i, run_end in _runs(value, n):
        head = _uid_text(millis, i)[:19]  # "xxxxxxxx-xxxx-7xxx-"
        uids.extend(
            [
                f"{head}{low[:4]}-{low[4:]}"
                for low in (f"{_VARIANT | (j & _LOW_MASK):016x}" for j in range(i, run_end))
            ]
        )
    return uids


def new_uid_bytes(n: int) -> list[bytes]:
    """``n`` new uids as the store keeps them (``uids.to_db`` of ``new_uids(n)``: the
    16 bytes of each), made as bytes: the 314,000 uids of a 100,000-report import
    took 0.5-0.6 s as text read back by ``to_db``, 0.07 s this way."""
    if n <= 0:
        return []
    millis, value = _reserve_uids(n)
    uids: list[bytes] = []
    for i, run_end in _runs(value, n):
        # The first 8 bytes: milliseconds, version 7, the high 12 random bits.
        head = ((millis << 16) | (0x7 << 12) | (i >> 62)).to_bytes(8)
        uids.extend([head + (_VARIANT | (j & _LOW_MASK)).to_bytes(8) for j in range(i, run_end)])
    return uids


def new_uid() -> str:
    """A new uid (see ``new_uids``)."""
    return new_uids(1)[0]


def _time(nullable: bool = True, index: bool = False) -> object:
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


class Retractable(SQLModel):
    """Columns of a record that can be retracted (CORRECTIONS.md, migration 0005).

    A retracted record stays in the store, marked, and leaves every reader: the
    indicators, lists, exports and bundle payloads select ``retracted_at IS NULL``.
    ``retracted_with`` is the uid of the record whose retraction carried this one.
    """

    retracted_at: datetime | None = _time()  # type: ignore[assignment]
    retraction_reason: str = ""
    retracted_with: str = Field(default="", sa_type=UidText)


class Record(SQLModel):
    """Columns every mergeable record has."""

    uid: str = Field(default_factory=new_uid, unique=True, max_length=36, sa_type=UidText)
    created_at: datetime = Field(default_factory=now_utc, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=now_utc, sa_type=UTCDateTime, nullable=False)
    origin_org: str | None = None
    origin_bundle: str | None = None


class Organisation(Record, table=True):
    """The one organisation that owns this store, and its settings."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    timezone: str = "UTC"
    sla_hours: float = 48.0
    repeat_threshold: int = 3
    idle_lock_minutes: int = 10


class Setting(SQLModel, table=True):
    """Small key/value settings that have no column of their own."""

    key: str = Field(primary_key=True)
    value: str = ""


# When a case row was last changed: its ``created_at`` plus ``updated_offset``
# (microseconds; 0 for a row never edited, which SQLite keeps in no byte), read
# through a VIRTUAL generated column since migration 0017: an imported row kept the
# same 8 bytes twice. The writer turns the ``updated_at`` it is given into the
# offset (``Writer.insert`` / ``update``); the offset is the writer's alone.
UPDATED_AT_SQL = "created_at + updated_offset"


def _updated_at() -> Any:
    """The generated ``updated_at`` of a case table (a new Column for each table)."""
    return Field(
        default_factory=now_utc,
        sa_column=Column(
            "updated_at", UTCDateTime, Computed(UPDATED_AT_SQL, persisted=False), nullable=False
        ),
    )


def _offset_column() -> Column[int]:
    return Column("updated_offset", Integer, nullable=False, server_default="0")


# Loaded only when a query asks for it (deferred, as import_event_id below): the
# writer alone uses it, and the models then read the stores of older schemas the
# migration tests make, which have no such column.
_OFFSETS = {name: _offset_column() for name in ("post", "report", "response", "author_account")}


class AuthorAccount(Record, table=True):
    """An account that posted content, identified by (platform, handle_key)."""

    __tablename__ = "author_account"
    __table_args__ = (UniqueConstraint("platform", "handle_key"),)
    __mapper_args__ = {"properties": {"updated_offset": deferred(_OFFSETS["author_account"])}}

    updated_at: datetime = _updated_at()
    updated_offset: int = Field(default=0, sa_column=_OFFSETS["author_account"])
    id: int | None = Field(default=None, primary_key=True)
    platform: str
    handle: str
    handle_key: str
    display_name: str = ""
    suspected_fake: bool = False
    notes: str = ""


# A post's canonical link, read from its identity key ``url:<platform>:<link>``
# (``writer.post_identity_key``); '' for a post keyed by reference or row. A VIRTUAL
# generated column since migration 0015: stored nowhere, written by nobody.
CANONICAL_URL_SQL = (
    "CASE WHEN substr(identity_key, 1, length(platform) + 5) = 'url:' || platform || ':' "
    "THEN substr(identity_key, length(platform) + 6) ELSE '' END"
)


# Vocabulary values kept as small integer codes (migration 0018): a report's channel
# and a response's outcome took 8-17 bytes of text in every row, 2.6 MB of 87 MB at
# 100,000 reports; an integer 0 or 1 takes no byte in SQLite's record and 2-7 one.
# The stored column has no declared type (no affinity), so a text the vocabulary
# does not hold (a partner's, an older version's) is kept as that text, and a text
# such as "3" stays text: ``CASE x WHEN 3`` does not match it. These codes are
# part of the file format: never renumber one, only add.
CHANNEL_CODES: dict[str, int] = {
    "": 0,
    "in_app": 1,
    "trusted_partner": 2,
    "email": 3,
    "web_form": 4,
    "other": 5,
}
OUTCOME_CODES: dict[str, int] = {
    "acknowledged": 1,
    "under_review": 2,
    "removed": 3,
    "restricted": 4,
    "account_suspended": 5,
    "account_banned": 6,
    "no_violation": 7,
}


def coded_sql(stored: str, codes: dict[str, int]) -> str:
    """The SQL reading the text back from ``stored`` (a code, or the text itself)."""
    whens = " ".join(f"WHEN {code} THEN '{text}'" for text, code in codes.items())
    return f"CASE {stored} {whens} ELSE {stored} END"


CHANNEL_SQL = coded_sql("channel_code", CHANNEL_CODES)
OUTCOME_SQL = coded_sql("outcome_code", OUTCOME_CODES)
# A report's reporter as typed, kept only where it differs from ``reporter_key``
# (trimmed and casefolded; ``normalise_reporter``): a reporter written in Burmese,
# as a code or in lower case is kept once, in the key (migration 0018). So the key
# must never be recomputed alone (see ``core.normalise.normalise_reporter``).
REPORTER_SQL = "coalesce(reporter_own, reporter_key)"


def _generated(name: str, sql: str) -> Any:
    """A VIRTUAL generated text column (a new Column for each model)."""
    return Field(
        default="", sa_column=Column(name, String, Computed(sql, persisted=False), nullable=False)
    )


# A post's and a report's import_event_id, loaded only when a query asks for it:
# readers ask ``store.audit.import_event_uids``, and the models then read the
# stores of older schemas the migration tests make, which have no such column
# (before 0016 each row kept the event's uid).
_POST_IMPORT_EVENT = Column("import_event_id", Integer)
_REPORT_IMPORT_EVENT = Column("import_event_id", Integer)
# Schema 0018's stored forms, loaded only when asked for (as import_event_id).
# NullType: the column has no declared type in the file (a code or a text).
_REPORTER_OWN = Column("reporter_own", String)
_CHANNEL_CODE = Column("channel_code", NullType(), nullable=False)
_OUTCOME_CODE = Column("outcome_code", NullType(), nullable=False)


class ImportEvent(SQLModel, table=True):
    """An import or merge that wrote posts and reports: the uid of its audit event,
    once, for the ``import_event_id`` of each row it wrote (schema 0016; before, each
    row kept the 16 bytes itself). ``Writer.import_event_id`` makes the row."""

    __tablename__ = "import_event"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True, max_length=36, sa_type=UidText)


class Post(Record, Retractable, table=True):
    """One piece of content on a platform: a case.

    How many there are is kept in the table ``post_tally`` by two triggers on this
    one (migration 0014; no model: only SQL reads it). A migration that makes this
    table again must make the triggers again."""

    __table_args__ = (
        # Covering index for the indicators' join from reports (migration 0002).
        Index("ix_post_indicator", "id", "author_id", "platform", "category"),
    )
    __mapper_args__ = {
        "properties": {
            "import_event_id": deferred(_POST_IMPORT_EVENT),
            "updated_offset": deferred(_OFFSETS["post"]),
        }
    }

    updated_at: datetime = _updated_at()
    updated_offset: int = Field(default=0, sa_column=_OFFSETS["post"])
    id: int | None = Field(default=None, primary_key=True)
    case_ref: str = Field(unique=True)
    platform: str = Field(index=True)
    url: str = ""
    canonical_url: str = _generated("canonical_url", CANONICAL_URL_SQL)
    post_ref: str = ""
    identity_key: str = Field(unique=True)
    author_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("author_account.id"), index=True),
    )
    category: str = Field(default="", index=True)
    language: str = ""
    content: str = ""
    content_key: str = Field(default="", index=True)
    posted_at: datetime | None = _time()  # type: ignore[assignment]
    notes: str = ""
    # The import or merge that wrote the post (schema 0016: ImportEvent.id).
    import_event_id: int | None = Field(default=None, sa_column=_POST_IMPORT_EVENT)


class Report(Record, Retractable, table=True):
    """One submission of a post to the platform.

    ``first_response_at``, ``final_response_at`` and ``final_outcome`` summarise the
    report's responses (INDICATORS.md); ``store.repository`` keeps them in step
    whenever a response is written, so the indicators need no per-query grouping.
    """

    __table_args__ = (
        UniqueConstraint("post_id", "reported_at", "reporter_key"),
        # With post_id: the first page reads the newest reports from it alone (0011).
        Index("ix_report_reported_at", "reported_at", "post_id"),
        # Covering index: the indicators scan it in post order (migration 0002).
        Index(
            "ix_report_indicator",
            "post_id",
            "reported_at",
            "reporter_key",
            "first_response_at",
            "final_response_at",
            "final_outcome",
        ),
    )
    __mapper_args__ = {
        "properties": {
            "import_event_id": deferred(_REPORT_IMPORT_EVENT),
            "updated_offset": deferred(_OFFSETS["report"]),
            "reporter_own": deferred(_REPORTER_OWN),
            "channel_code": deferred(_CHANNEL_CODE),
        }
    }

    updated_at: datetime = _updated_at()
    updated_offset: int = Field(default=0, sa_column=_OFFSETS["report"])
    id: int | None = Field(default=None, primary_key=True)
    # No index of its own: the unique (post_id, reported_at, reporter_key) and
    # ix_report_indicator both begin with it (migration 0007).
    post_id: int = Field(sa_column=Column(Integer, ForeignKey("post.id"), nullable=False))
    reported_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    reporter: str = _generated("reporter", REPORTER_SQL)
    reporter_key: str = ""
    channel: str = _generated("channel", CHANNEL_SQL)
    # How the two above are kept (schema 0018), the writer's alone.
    reporter_own: str | None = Field(default=None, sa_column=_REPORTER_OWN)
    channel_code: int | str = Field(default=0, sa_column=_CHANNEL_CODE)
    platform_ref: str = ""
    notes: str = ""
    first_response_at: datetime | None = _time()  # type: ignore[assignment]
    final_response_at: datetime | None = _time()  # type: ignore[assignment]
    final_outcome: str | None = None
    # The import or merge that wrote the report (schema 0016: ImportEvent.id).
    import_event_id: int | None = Field(default=None, sa_column=_REPORT_IMPORT_EVENT)


class Response(Record, Retractable, table=True):
    """A message from the platform about a report.

    Beyond the outcome it keeps room for the EU DSA statement-of-reasons fields
    (Art. 17): restriction type, suspension end, ground, automation, the
    platform's own reference.
    """

    __mapper_args__ = {
        "properties": {
            "updated_offset": deferred(_OFFSETS["response"]),
            "outcome_code": deferred(_OUTCOME_CODE),
        }
    }

    updated_at: datetime = _updated_at()
    updated_offset: int = Field(default=0, sa_column=_OFFSETS["response"])
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(
        sa_column=Column(Integer, ForeignKey("report.id"), nullable=False, index=True)
    )
    received_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    outcome: str = _generated("outcome", OUTCOME_SQL)
    # How ``outcome`` is kept (schema 0018), the writer's alone.
    outcome_code: int | str = Field(default=0, sa_column=_OUTCOME_CODE)
    text: str = ""
    restriction_type: str = ""
    suspension_until: datetime | None = _time()  # type: ignore[assignment]
    ground: str = ""
    ground_reference: str = ""
    automated_detection: bool | None = None
    automated_decision: bool | None = None
    platform_ref: str = ""
    notes: str = ""


class Blob(SQLModel, table=True):
    """Attachment bytes, once per distinct content, inside the encrypted store."""

    sha256: str = Field(primary_key=True, max_length=64)
    size: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Attachment(Record, Retractable, table=True):
    """A screenshot or file kept as evidence for a post or a platform response."""

    id: int | None = Field(default=None, primary_key=True)
    post_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("post.id"), index=True)
    )
    response_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("response.id"), index=True)
    )
    sha256: str = Field(foreign_key="blob.sha256", index=True)
    size: int
    media_type: str = "application/octet-stream"
    original_name: str = ""
    # When the file entered the store.
    attached_at: datetime | None = _time()  # type: ignore[assignment]
    # When the screenshot was taken, only when known; capture_source says how it is
    # known ("png", "exif" from the file's own metadata, "typed" by the researcher).
    captured_at: datetime | None = _time()  # type: ignore[assignment]
    capture_source: str = ""
    captured_by: str = ""
    # Set when the bytes were erased (purge): the row stays as the record of it.
    purged_at: datetime | None = _time()  # type: ignore[assignment]
    note: str = ""


class Draft(SQLModel, table=True):
    """Unsaved editor text kept across an idle lock, inside the encrypted store."""

    key: str = Field(primary_key=True)
    saved_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    payload: str


class Tag(Record, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class PostTag(SQLModel, table=True):
    __tablename__ = "post_tag"

    post_id: int = Field(foreign_key="post.id", primary_key=True)
    tag_id: int = Field(foreign_key="tag.id", primary_key=True)


class AuditEvent(SQLModel, table=True):
    """Append-only log; each event carries the hash of the one before it."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True, sa_type=UidText)
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    actor: str = ""
    action: str
    entity: str = ""
    entity_uid: str = Field(default="", index=True, sa_type=UidText)
    detail: str = "{}"
    prev_hash: str
    hash: str


class OrgKey(SQLModel, table=True):
    """The organisation's own key pairs, kept only inside the encrypted store.

    ``kind`` is ``ed25519`` (signs packs and bundles) or ``age-x25519`` (receives
    bundles). ``private_key`` is the raw Ed25519 seed or the AGE-SECRET-KEY text.
    """

    __tablename__ = "org_key"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(unique=True)
    private_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    public_key: str
    created_at: datetime = Field(default_factory=now_utc, sa_type=UTCDateTime, nullable=False)


class Partner(Record, table=True):
    """A partner organisation: who may open our bundles, and whose bundles we trust."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    age_recipient: str = ""
    signing_public_key: str = Field(default="", index=True)
    notes: str = ""


class BundleLog(SQLModel, table=True):
    """Each bundle made or merged: for "everything since the last bundle" and provenance."""

    __tablename__ = "bundle_log"

    id: int | None = Field(default=None, primary_key=True)
    bundle_id: str = Field(index=True)
    direction: str  # "export" or "import"
    partner_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("partner.id"), index=True)
    )
    origin_org: str = ""
    origin_key: str = ""
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    counts: str = "{}"
