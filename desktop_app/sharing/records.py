"""The record files of a sharing bundle (BUNDLE.md): their fields, their JSON form,
and the strict check every record of a received bundle must pass.

One table of ``FieldSpec`` per record kind drives all three: the SQL that reads a
record for export, the JSON line written, and the check and conversion on import.
References between records are by ``uid``; local integer ids never leave the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop_app.core.enums import Outcome
from desktop_app.core.errors import VerificationError
from desktop_app.core.timeutil import now_utc, time_problem
from desktop_app.store.types import from_micros, to_micros
from desktop_app.store.uids import CANONICAL, from_db

MAX_TEXT = 1_000_000  # characters in one text field
# A record uid: the store's own canonical form, checked with fullmatch (a pattern of
# its own ended in ``$``, which also matches before a final line break: "uid\n" passed).
UID_RE = CANONICAL
SHA256_RE = re.compile(r"^[0-9a-f]{64}\Z")
OUTCOMES = frozenset(o.value for o in Outcome)
# Audit action prefix of a partner's event kept in our log: "partner.edit" is an
# edit the partner made, recorded here as theirs (actor "name@organisation").
PARTNER_EVENT = "partner."


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record: its JSON name, type, table column and merge role.

    Types: uid, time, time?, str, bool, bool?, int, sha256, outcome, object,
    ref, ref? (a ``uid`` of a record of kind ``ref``).
    """

    name: str
    type: str
    column: str = ""
    ref: str = ""
    content: bool = True  # compared when merging; False for identity and bookkeeping

    @property
    def col(self) -> str:
        return self.column or self.name


def _base() -> list[FieldSpec]:
    return [
        FieldSpec("uid", "uid", content=False),
        FieldSpec("created_at", "time", content=False),
        FieldSpec("updated_at", "time", content=False),
        FieldSpec("origin_org", "str", content=False),
    ]


@dataclass(frozen=True)
class Kind:
    """A record kind: ``records/<name>.jsonl``, stored in ``table``."""

    name: str
    table: str
    entity: str  # the audit log's entity name
    fields: tuple[FieldSpec, ...]

    @property
    def path(self) -> str:
        return f"records/{self.name}.jsonl"

    @property
    def has_uid(self) -> bool:
        return any(f.name == "uid" for f in self.fields)

    @property
    def content_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.content)

    def export_sql(self) -> str:
        """Select this kind's fields in order, references as the other record's uid."""
        parts = []
        for spec in self.fields:
            if spec.type.startswith("ref"):
                target = KINDS[spec.ref].table
                parts.append(f"(SELECT uid FROM {target} WHERE id = x.{spec.col})")
            elif spec.name == "origin_org":
                parts.append("coalesce(x.origin_org, '')")
            else:
                parts.append(f"x.{spec.col}")
        return f"SELECT {', '.join(parts)} FROM {self.table} x"


ACCOUNTS = Kind(
    "accounts",
    "author_account",
    "author_account",
    (
        *_base(),
        FieldSpec("platform", "str"),
        FieldSpec("handle", "str"),
        FieldSpec("display_name", "str"),
        FieldSpec("suspected_fake", "bool"),
        FieldSpec("notes", "str"),
    ),
)
POSTS = Kind(
    "posts",
    "post",
    "post",
    (
        *_base(),
        FieldSpec("case_ref", "str", content=False),
        FieldSpec("platform", "str"),
        FieldSpec("url", "str"),
        FieldSpec("post_ref", "str"),
        FieldSpec("identity_key", "str", content=False),
        FieldSpec("author", "ref?", "author_id", "accounts"),
        FieldSpec("category", "str"),
        FieldSpec("language", "str"),
        FieldSpec("content", "str"),
        FieldSpec("posted_at", "time?"),
        FieldSpec("notes", "str"),
    ),
)
TAGS = Kind("tags", "tag", "tag", (*_base(), FieldSpec("name", "str")))
POST_TAGS = Kind(
    "post_tags",
    "post_tag",
    "post_tag",
    (
        FieldSpec("post", "ref", "post_id", "posts"),
        FieldSpec("tag", "ref", "tag_id", "tags"),
    ),
)
REPORTS = Kind(
    "reports",
    "report",
    "report",
    (
        *_base(),
        FieldSpec("post", "ref", "post_id", "posts"),
        FieldSpec("reported_at", "time"),
        FieldSpec("reporter", "str"),
        FieldSpec("channel", "str"),
        FieldSpec("platform_ref", "str"),
        FieldSpec("notes", "str"),
    ),
)
RESPONSES = Kind(
    "responses",
    "response",
    "response",
    (
        *_base(),
        FieldSpec("report", "ref", "report_id", "reports"),
        FieldSpec("received_at", "time"),
        FieldSpec("outcome", "outcome"),
        FieldSpec("text", "str"),
        FieldSpec("restriction_type", "str"),
        FieldSpec("suspension_until", "time?"),
        FieldSpec("ground", "str"),
        FieldSpec("ground_reference", "str"),
        FieldSpec("automated_detection", "bool?"),
        FieldSpec("automated_decision", "bool?"),
        FieldSpec("platform_ref", "str"),
        FieldSpec("notes", "str"),
    ),
)
ATTACHMENTS = Kind(
    "attachments",
    "attachment",
    "attachment",
    (
        *_base(),
        FieldSpec("post", "ref?", "post_id", "posts"),
        FieldSpec("response", "ref?", "response_id", "responses"),
        FieldSpec("sha256", "sha256"),
        FieldSpec("size", "int"),
        FieldSpec("media_type", "str"),
        FieldSpec("original_name", "str"),
        FieldSpec("captured_at", "time?"),
        FieldSpec("captured_by", "str"),
        FieldSpec("note", "str"),
    ),
)
AUDIT = Kind(
    "audit",
    "audit_event",
    "audit_event",
    (
        FieldSpec("uid", "uid"),
        FieldSpec("at", "time"),
        FieldSpec("actor", "str"),
        FieldSpec("action", "str"),
        FieldSpec("entity", "str"),
        FieldSpec("entity_uid", "str"),
        FieldSpec("detail", "object"),
    ),
)

# Format 2: the origin's retractions travel as notices, never with the retracted
# content (CORRECTIONS.md): which record, when, why, and the record whose retraction
# carried it. ``kind`` is one of RETRACTABLE.
RETRACTIONS = Kind(
    "retractions",
    "",
    "",
    (
        FieldSpec("kind", "retractable", content=False),
        FieldSpec("uid", "uid", content=False),
        FieldSpec("retracted_at", "time"),
        FieldSpec("reason", "str"),
        FieldSpec("retracted_with", "uid?"),
    ),
)

# Dependency order: a record only refers to kinds before it.
ORDER: tuple[Kind, ...] = (
    ACCOUNTS,
    POSTS,
    TAGS,
    POST_TAGS,
    REPORTS,
    RESPONSES,
    ATTACHMENTS,
    AUDIT,
    RETRACTIONS,
)
KINDS: dict[str, Kind] = {kind.name: kind for kind in ORDER}
# The kinds a bundle of format 1 has (no retraction notices).
ORDER_V1: tuple[Kind, ...] = ORDER[:-1]
RETRACTABLE: dict[str, Kind] = {k.name: k for k in (POSTS, REPORTS, RESPONSES, ATTACHMENTS)}
# Times that may lie in the future: a suspension "until" a later date.
FUTURE_ALLOWED = frozenset({"suspension_until"})


def iso_micros(value: int | None) -> str | None:
    """Integer microseconds (as stored) -> ISO 8601 in UTC, exact to the microsecond."""
    if value is None:
        return None
    return from_micros(int(value)).isoformat(timespec="microseconds")


def to_json_record(kind: Kind, row: tuple[Any, ...]) -> dict[str, Any]:
    """A row of ``kind.export_sql()`` as the JSON object written to the bundle."""
    import json

    out: dict[str, Any] = {}
    for spec, value in zip(kind.fields, row, strict=True):
        if spec.type.startswith("time"):
            out[spec.name] = iso_micros(value)
        elif spec.type.startswith("bool"):
            out[spec.name] = None if value is None else bool(value)
        elif spec.type == "object":
            out[spec.name] = json.loads(value) if isinstance(value, str) else value
        elif spec.type.rstrip("?") in ("uid", "ref") or spec.name == "entity_uid":
            out[spec.name] = from_db(value)  # 16 bytes in the store (0012): text here
        else:
            out[spec.name] = value
    return out


def _parse_time(text: str) -> int:
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        raise ValueError("a time without its UTC offset")
    try:
        return to_micros(parsed.astimezone(UTC))
    except (OverflowError, OSError):
        raise ValueError("out of range") from None


# How far ahead a time that may lie in the future (FUTURE_ALLOWED) may go.
_FAR_FUTURE = timedelta(days=100 * 366)


def check_record(
    kind: Kind, data: object, where: str, now: datetime | None = None
) -> dict[str, Any]:
    """Check one decoded JSON line strictly; return it with times as microseconds
    and booleans as 0/1. Any other shape raises VerificationError naming the field.

    Every time must lie in the one allowed range (``core.timeutil``: 2000-01-01 to
    ``now`` plus 24 hours, ``now`` being the importing computer's clock); a
    suspension may end up to a century ahead."""
    now = now or now_utc()
    if not isinstance(data, dict):
        raise VerificationError(f"{where}: a record must be a JSON object")
    names = [spec.name for spec in kind.fields]
    missing = [name for name in names if name not in data]
    extra = sorted(set(data) - set(names))
    if missing or extra:
        what = f"missing field {missing[0]!r}" if missing else f"unexpected field {extra[0]!r}"
        raise VerificationError(f"{where}: {what}; the bundle is not valid")
    out: dict[str, Any] = {}
    for spec in kind.fields:
        value = data[spec.name]
        try:
            out[spec.name] = _check_value(spec, value)
        except (TypeError, ValueError) as exc:
            raise VerificationError(
                f"{where}: field {spec.name!r} {exc}; the bundle is not valid"
            ) from None
        if spec.type.startswith("time") and out[spec.name] is not None:
            clock = now + _FAR_FUTURE if spec.name in FUTURE_ALLOWED else now
            try:
                problem = time_problem(from_micros(out[spec.name]), clock)
            except (OverflowError, ValueError, OSError):
                problem = "is out of range"
            if problem is not None:
                raise VerificationError(
                    f"{where}: field {spec.name!r}: {problem}; the bundle was refused"
                )
    return out


def _check_value(spec: FieldSpec, value: Any) -> Any:
    kind = spec.type
    optional = kind.endswith("?")
    if value is None:
        if optional:
            return None
        raise TypeError("is empty (null) but must have a value")
    base = kind.rstrip("?")
    if base == "retractable":
        if value not in RETRACTABLE:
            raise ValueError(f"must be one of {', '.join(sorted(RETRACTABLE))}")
        return value
    if base in ("uid", "ref"):
        if not isinstance(value, str) or not UID_RE.fullmatch(value):
            raise TypeError("must be a record uid (a UUID)")
        return value
    if base == "time":
        if not isinstance(value, str) or len(value) > 40:
            raise TypeError("must be an ISO 8601 time")
        try:
            return _parse_time(value)
        except ValueError:
            raise ValueError("must be an ISO 8601 time with its UTC offset") from None
    if base == "str":
        if not isinstance(value, str):
            raise TypeError(f"must be text, not {type(value).__name__}")
        if len(value) > MAX_TEXT:
            raise ValueError("is too long")
        return value
    if base == "bool":
        if not isinstance(value, bool):
            raise TypeError("must be true or false")
        return int(value)
    if base == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise TypeError("must be a whole number of zero or more")
        return value
    if base == "sha256":
        if not isinstance(value, str) or not SHA256_RE.match(value):
            raise TypeError("must be a SHA-256 in lower-case hex")
        return value
    if base == "outcome":
        if value not in OUTCOMES:
            raise ValueError(f"must be one of {', '.join(sorted(OUTCOMES))}")
        return value
    if base == "object":
        if not isinstance(value, dict):
            raise TypeError("must be a JSON object")
        return value
    raise AssertionError(f"unknown field type {kind}")
