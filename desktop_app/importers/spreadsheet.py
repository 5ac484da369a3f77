"""Import of the report-log spreadsheet (IMPORT_FORMAT.md), CSV or XLSX.

Two streaming passes over the file, so memory stays flat however long it is:

1. ``check_file`` reads every row, validates it, and collects every problem
   (row, column, reason). Nothing is written.
2. ``import_file`` reads the file again and writes every valid row inside one
   transaction. If the file changed between the passes, or anything fails, the
   transaction is rolled back and the store is as it was.

Rows are numbered as a spreadsheet program shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlcipher3
from sqlalchemy import Connection, update
from sqlmodel import select

from desktop_app.core.enums import FINAL_OUTCOMES, AuditAction, Outcome
from desktop_app.core.errors import AppError, BadInputError, Cancelled, StoreBusyError
from desktop_app.core.normalise import (
    is_zawgyi,
    normalise_category,
    normalise_platform,
)
from desktop_app.core.timeutil import now_utc, parse_cell_time, time_problem
from desktop_app.store.engine import Store
from desktop_app.store.models import AuthorAccount, new_uid
from desktop_app.store.types import to_micros
from desktop_app.store.writer import (
    Writer,
    cached_canonical_url,
    cached_handle_key,
    cached_reporter_key,
    post_identity_key,
)

Progress = Callable[[int, int, str], None]

_IN_JSON = "IN (SELECT value FROM json_each(?))"

COLUMNS = (
    "post_url",
    "post_ref",
    "platform",
    "author_handle",
    "author_name",
    "author_suspected_fake",
    "category",
    "language",
    "content",
    "posted_at",
    "reported_at",
    "reporter",
    "report_channel",
    "report_ref",
    "first_response_at",
    "final_response_at",
    "final_outcome",
    "response_text",
    "notes",
)
# Caps checked before any work (issue 14): a hostile file is refused in a moment.
MAX_COLUMNS = 500
MAX_CELL_CHARS = 1 << 20  # one cell: 1 Mi characters
MAX_SHARED_STRINGS_BYTES = 64 << 20  # an XLSX's shared strings, uncompressed
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n", ""}
CHUNK_ROWS = 2000
SAMPLE_ROWS = 200  # parsed rows pass 1 keeps for a preview


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass(slots=True)
class ParsedRow:
    """One valid report row, normalised and ready to write."""

    row: int
    platform: str
    url: str
    canonical_url: str
    post_ref: str
    identity_key: str
    author_handle: str
    author_key: str
    author_name: str
    author_fake: bool
    category: str
    language: str
    content: str
    posted_at: datetime | None
    reported_at: datetime
    reporter: str
    reporter_key: str
    channel: str
    report_ref: str
    first_response_at: datetime | None
    final_response_at: datetime | None
    final_outcome: str | None
    response_text: str
    notes: str


@dataclass
class CheckResult:
    """What pass 1 found: counts, problems, and a few rows to show in a preview."""

    path: Path
    sha256: str
    rows_total: int = 0
    rows_valid: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    invalid_rows: list[tuple[int, list[str], str]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    sample: list[ParsedRow] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportResult:
    """What an import did (or, as a dry run, would do)."""

    rows_total: int
    added: int
    already_present: int
    rejected: int
    posts_added: int
    accounts_added: int
    file_sha256: str
    event_uid: str | None
    rejects_path: Path | None = None
    problems: list[RowProblem] = field(default_factory=list)
    # Of already_present: rows matching a retracted report (or case), not brought back.
    already_retracted: int = 0
    # Text cells written in Zawgyi (kept as typed; searched and exported as Unicode).
    zawgyi_cells: int = 0


# --- reading -----------------------------------------------------------------

# Any character of the Myanmar block: only such text can be Zawgyi.
_MYANMAR = re.compile("[\u1000-\u109f]")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    with path.open("rb") as raw:
        head = raw.read(65536)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not merely a character cut at the block end
            raise BadInputError(
                f"{path.name}: not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8'"
            ) from None
    first_line = head.split(b"\n", 1)[0].decode("utf-8", "replace")
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    csv.field_size_limit(MAX_CELL_CHARS)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        row = 0
        try:
            for row, values in enumerate(reader, start=1):  # noqa: B007 - row after the loop
                yield values
        except UnicodeDecodeError as exc:
            raise BadInputError(
                f"{path.name}: not UTF-8 text ({exc.reason}); save it as 'CSV UTF-8'"
            ) from None
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise BadInputError(
                    f"{path.name}: row {row + 1}: a cell is longer than "
                    f"{MAX_CELL_CHARS:,} characters; nothing was imported"
                ) from None
            raise BadInputError(
                f"{path.name}: row {row + 1}: not a readable CSV file ({exc})"
            ) from None


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[list[Any]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.lower().endswith("sharedstrings.xml") and (
                    info.file_size > MAX_SHARED_STRINGS_BYTES
                ):
                    raise BadInputError(
                        f"{path.name}: its text table is {info.file_size / 1e6:,.0f} MB "
                        f"unpacked (the most is {MAX_SHARED_STRINGS_BYTES / 1e6:,.0f} MB); "
                        "nothing was imported"
                    )
    except zipfile.BadZipFile:
        raise BadInputError(f"{path.name}: not a readable XLSX workbook (not a zip)") from None
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for bad files
        raise BadInputError(f"{path.name}: not a readable XLSX workbook ({exc})") from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            names = ", ".join(workbook.sheetnames)
            raise BadInputError(f"{path.name}: no sheet named {sheet!r} (it has: {names})")
        # A stale <dimension> tag must not hide rows or columns: read what is there.
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            for value in values:
                if type(value) is str and len(value) > MAX_CELL_CHARS:
                    raise BadInputError(
                        f"{path.name}: row {number}: a cell is longer than "
                        f"{MAX_CELL_CHARS:,} characters; nothing was imported"
                    )
            yield list(values)
    finally:
        workbook.close()


def read_headers(path: str | Path, sheet: str | None = None) -> list[str]:
    """The file's own column headers (row 1), for matching them by hand."""
    first = next(iter(read_rows(Path(path), sheet)), [])
    return [name for name in (_text(h) for h in first) if name]


def read_rows(path: Path, sheet: str | None = None) -> Iterator[list[Any]]:
    """Every row of the file, header first, as lists of cell values."""
    if not path.is_file():
        raise BadInputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path, sheet)
    if suffix in (".csv", ".txt", ".tsv"):
        if sheet is not None:
            raise BadInputError("--sheet is for XLSX workbooks; this is a CSV file")
        return _csv_rows(path)
    raise BadInputError(f"{path.name}: use a .csv or .xlsx file")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- validating ----------------------------------------------------------------


class MissingColumns(BadInputError):
    """The header lacks required columns; the window offers to match them by hand."""

    def __init__(self, message: str, headers: list[str]) -> None:
        super().__init__(message)
        self.headers = headers


class _Header:
    """Which file column holds which report-log column.

    ``mapping`` (report-log column -> the file's header) lets a sheet whose headers
    differ be read without editing it; everything else matches by name.
    """

    def __init__(
        self, raw: list[Any], filename: str, mapping: dict[str, str] | None = None
    ) -> None:
        if len(raw) > MAX_COLUMNS:
            raise BadInputError(
                f"{filename}: row 1 has {len(raw):,} columns (the most is {MAX_COLUMNS}); "
                "nothing was imported"
            )
        self.names = [_text(h) for h in raw]
        self.width = len(self.names)
        # Columns with no header: a value under one is reported, never dropped silently.
        self.blank = [pos for pos, name in enumerate(self.names) if not name]
        chosen = {header.strip().lower(): column for column, header in (mapping or {}).items()}
        keys = [chosen.get(n.lower(), n.lower()) for n in self.names]
        self.index: dict[str, int] = {}
        self.unknown: list[tuple[int, str]] = []
        for position, key in enumerate(keys):
            if not key:
                continue
            if key in self.index or any(key == u[1].lower() for u in self.unknown):
                raise BadInputError(f"{filename}: row 1: the column {key!r} appears twice")
            if key in COLUMNS:
                self.index[key] = position
            else:
                self.unknown.append((position, self.names[position]))
        missing = [c for c in ("platform", "reported_at") if c not in self.index]
        if not any(c in self.index for c in ("post_url", "post_ref", "content")):
            missing.append("post_url, post_ref or content")
        if missing:
            raise MissingColumns(
                f"{filename}: row 1: missing column {' and '.join(missing)} "
                "(see IMPORT_FORMAT.md for the headers, or match the columns in the window)",
                [n for n in self.names if n],
            )


def _parse_row(
    values: list[Any],
    header: _Header,
    row_number: int,
    tz: ZoneInfo,
    *,
    full: bool = True,
    now: datetime | None = None,
) -> tuple[ParsedRow | None, list[RowProblem]]:
    """Validate one row; with ``full``, also normalise it into a ``ParsedRow``.

    Pass 1 validates only (``full=False``): the normalisation is done once, in pass 2.
    """
    problems: list[RowProblem] = []
    count = len(values)
    raw = {name: values[pos] if pos < count else None for name, pos in header.index.items()}
    text = {
        name: value.strip() if type(value) is str else _text(value) for name, value in raw.items()
    }
    get = text.get

    def when(name: str) -> datetime | None:
        value = raw.get(name)
        if value is None or value == "":
            return None
        try:
            parsed = parse_cell_time(value, tz)
        except ValueError as exc:
            problems.append(RowProblem(row_number, name, f"{get(name, '')!r} is {exc}"))
            return None
        except OverflowError:
            problems.append(
                RowProblem(
                    row_number,
                    name,
                    f"{get(name, '')!r} is outside the dates Caselog accepts "
                    "(2000-01-01 to 24 hours past this computer's clock)",
                )
            )
            return None
        if parsed is not None:
            problem = time_problem(parsed, now)
            if problem:
                problems.append(RowProblem(row_number, name, problem))
                return None
        return parsed

    if count > header.width or header.blank:
        for pos in [*header.blank, *range(header.width, count)]:
            if pos < count and _text(values[pos]):
                problems.append(
                    RowProblem(
                        row_number,
                        f"{_column_letter(pos)} (no header)",
                        "a value in a column with no header; name the column or clear it",
                    )
                )

    platform = normalise_platform(get("platform", ""))
    if not platform:
        problems.append(RowProblem(row_number, "platform", "required, but empty"))
    url = get("post_url", "")
    post_ref = get("post_ref", "")
    raw_content = raw.get("content")
    content = "" if raw_content is None else str(raw_content)
    if not (url or post_ref or content.strip()):
        problems.append(
            RowProblem(row_number, "post_url", "a row needs post_url, post_ref or content")
        )
    fake_text = get("author_suspected_fake", "").lower()
    if fake_text not in _TRUE and fake_text not in _FALSE:
        problems.append(
            RowProblem(row_number, "author_suspected_fake", f"{fake_text!r} is not yes or no")
        )
    posted_at = when("posted_at")
    reported_at = None
    if get("reported_at"):
        reported_at = when("reported_at")
    else:
        problems.append(RowProblem(row_number, "reported_at", "required, but empty"))
    first_at = when("first_response_at")
    final_at = when("final_response_at")
    outcome_text = get("final_outcome", "").lower()
    outcome: str | None = None
    if outcome_text:
        if outcome_text in FINAL_OUTCOMES:
            outcome = outcome_text
        else:
            allowed = ", ".join(sorted(o.value for o in FINAL_OUTCOMES))
            problems.append(
                RowProblem(row_number, "final_outcome", f"{outcome_text!r} is not one of {allowed}")
            )
    if outcome_text and not get("final_response_at"):
        problems.append(
            RowProblem(row_number, "final_response_at", "an outcome needs the time of the decision")
        )
    if get("final_response_at") and not outcome_text:
        problems.append(
            RowProblem(row_number, "final_outcome", "a decision time needs its outcome")
        )
    if reported_at is not None:
        for name, value in (("first_response_at", first_at), ("final_response_at", final_at)):
            if value is not None and value < reported_at:
                problems.append(
                    RowProblem(row_number, name, "the response is dated before the report")
                )
    if problems or reported_at is None or not full:
        return None, problems

    notes = get("notes", "")
    extra = [
        f"{name}: {_text(values[pos])}"
        for pos, name in header.unknown
        if pos < count and _text(values[pos])
    ]
    if extra:
        notes = "\n".join([notes, *extra]) if notes else "\n".join(extra)
    author_handle = get("author_handle", "")
    reporter = get("reporter", "")
    canonical = cached_canonical_url(url)
    author_key = cached_handle_key(author_handle)
    reporter_key = cached_reporter_key(reporter)
    identity = post_identity_key(
        platform,
        canonical,
        post_ref,
        fallback=(author_key, content, reported_at.isoformat(), reporter_key),
    )
    channel = get("report_channel", "").lower().replace(" ", "_").replace("-", "_")
    return (
        ParsedRow(
            row=row_number,
            platform=platform,
            url=url,
            canonical_url=canonical,
            post_ref=post_ref,
            identity_key=identity,
            author_handle=author_handle,
            author_key=author_key,
            author_name=get("author_name", ""),
            author_fake=fake_text in _TRUE,
            category=normalise_category(get("category", "")),
            language=get("language", ""),
            content=content,
            posted_at=posted_at,
            reported_at=reported_at,
            reporter=reporter,
            reporter_key=reporter_key,
            channel=channel,
            report_ref=get("report_ref", ""),
            first_response_at=first_at,
            final_response_at=final_at,
            final_outcome=outcome,
            response_text=get("response_text", ""),
            notes=notes,
        ),
        [],
    )


def _zawgyi_cells(row: ParsedRow) -> int:
    """How many of the row's free-text cells are Zawgyi (only Burmese text is tested)."""
    return sum(
        1
        for text in (row.content, row.author_name, row.response_text, row.notes, row.reporter)
        if text and _MYANMAR.search(text) and is_zawgyi(text)
    )


def _column_letter(position: int) -> str:
    """A, B, ..., Z, AA, ...: the column as a spreadsheet program names it."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _iter_parsed(
    path: Path,
    sheet: str | None,
    tz: ZoneInfo,
    *,
    full_rows: int | None = None,
    mapping: dict[str, str] | None = None,
) -> Iterator[tuple[int, list[Any], ParsedRow | None, list[RowProblem], _Header]]:
    """Each data row, validated; the first ``full_rows`` (default all) also normalised."""
    rows = read_rows(path, sheet)
    header: _Header | None = None
    seen = 0
    now = now_utc()
    for number, values in enumerate(rows, start=1):
        if header is None:
            header = _Header(values, path.name, mapping)
            continue
        if all(_text(v) == "" for v in values):
            continue  # blank line
        full = full_rows is None or seen < full_rows
        seen += 1
        parsed, problems = _parse_row(values, header, number, tz, full=full, now=now)
        yield number, values, parsed, problems, header
    if header is None:
        raise BadInputError(f"{path.name}: the file is empty (no header row)")


def check_file(
    path: str | Path,
    tz: ZoneInfo,
    *,
    sheet: str | None = None,
    sample_size: int = SAMPLE_ROWS,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    mapping: dict[str, str] | None = None,
) -> CheckResult:
    """Pass 1: validate the whole file and collect every problem. Writes nothing.

    ``mapping`` names, for report-log columns, the file's own header that holds them.
    """
    path = Path(path)
    if not path.is_file():
        raise BadInputError(f"{path}: no such file; check the name and the folder")
    result = CheckResult(path=path, sha256=_sha256(path), mapping=dict(mapping or {}))
    header_seen: _Header | None = None
    for number, values, parsed, problems, header in _iter_parsed(
        path, sheet, tz, full_rows=sample_size, mapping=mapping
    ):
        header_seen = header
        _note_row(result, number, values, parsed, problems, sample_size)
        if result.rows_total % 5000 == 0:
            if progress:
                progress(result.rows_total, 0, "checking rows")
            if cancelled and cancelled():
                raise Cancelled("import cancelled; nothing was written")
    _note_header(result, header_seen, sheet)
    return result


def _note_row(
    result: CheckResult,
    number: int,
    values: list[Any],
    parsed: ParsedRow | None,
    problems: list[RowProblem],
    sample_size: int,
) -> None:
    """Count one data row into ``result`` (pass 1's bookkeeping)."""
    result.rows_total += 1
    if problems:
        result.problems.extend(problems)
        reason = "; ".join(f"{p.column}: {p.reason}" for p in problems)
        result.invalid_rows.append((number, [_text(v) for v in values], reason))
    else:
        result.rows_valid += 1
        if parsed is not None and len(result.sample) < sample_size:
            result.sample.append(parsed)


def _note_header(result: CheckResult, header: _Header | None, sheet: str | None) -> None:
    if header is None:
        # No data rows: read the header alone to report it.
        header = _Header(
            next(iter(read_rows(result.path, sheet)), []), result.path.name, result.mapping
        )
    result.headers = header.names
    result.unknown_columns = [name for _, name in header.unknown]


# --- writing -------------------------------------------------------------------


class _FileChanged(AppError):
    exit_code = 1


def _write_rejects(check: CheckResult, target: Path) -> None:
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([_inert(h) for h in [*check.headers, "problem"]])
        for _number, values, reason in check.invalid_rows:
            padded = values + [""] * (len(check.headers) - len(values))
            writer.writerow([_inert(v) for v in [*padded[: len(check.headers)], reason]])


def _inert(value: Any) -> Any:
    """A cell a spreadsheet program will not run as a formula (CSV injection)."""
    text = _text(value) if not isinstance(value, str) else value
    return "'" + text if text.startswith(_FORMULA_START) else text


class _ImportWriter:
    """Turns parsed rows into new accounts, posts, reports and responses, chunk by
    chunk, inside one open transaction; ``store.writer.Writer`` writes them."""

    def __init__(self, conn: Connection, event_uid: str) -> None:
        self.conn = conn
        self.writer = Writer(conn)
        self.event_uid = event_uid
        self.now = now_utc()
        self.accounts: dict[tuple[str, str], int] = {}
        self.fake_accounts: set[int] = set()
        # For the chunk being written only (identity key -> post id, the retracted
        # ones, and (post id, reported_at micros, reporter key) -> retracted?): the
        # store answers for earlier chunks through its unique indexes, so none of
        # these grows with the file.
        self.posts: dict[str, int] = {}
        self.retracted_posts: set[int] = set()
        self.report_keys: dict[tuple[int, int, str], bool] = {}
        self.added = self.already = self.already_retracted = 0
        self.posts_added = self.accounts_added = 0
        self.flagged_fake = 0
        self.zawgyi_cells = 0
        for account_id, platform, key, fake in conn.execute(
            select(
                AuthorAccount.id,
                AuthorAccount.platform,
                AuthorAccount.handle_key,
                AuthorAccount.suspected_fake,
            )
        ):
            self.accounts[(platform, key)] = account_id
            if fake:
                self.fake_accounts.add(account_id)

    def write_chunk(self, chunk: list[ParsedRow]) -> None:
        self.zawgyi_cells += sum(_zawgyi_cells(row) for row in chunk)
        new_accounts: list[dict[str, Any]] = []
        new_posts: list[dict[str, Any]] = []
        new_reports: list[dict[str, Any]] = []
        new_responses: list[dict[str, Any]] = []
        flag_fake: list[int] = []
        now = to_micros(self.now)
        event = self.event_uid
        take_id = self.writer.next_id

        self.posts = {}
        self.retracted_posts = set()
        self.report_keys = {}
        keys = sorted({r.identity_key for r in chunk})
        for post_id, key, retracted in self.writer.raw.execute(
            "SELECT id, identity_key, retracted_at IS NOT NULL "
            f"FROM post WHERE identity_key {_IN_JSON}",
            (json.dumps(keys),),
        ):
            self.posts[key] = post_id
            if retracted:
                self.retracted_posts.add(post_id)
        existing_posts = {self.posts[r.identity_key] for r in chunk if r.identity_key in self.posts}
        if existing_posts:
            for post_id, reported_at, reporter_key, retracted in self.writer.raw.execute(
                "SELECT post_id, reported_at, reporter_key, retracted_at IS NOT NULL "
                f"FROM report WHERE post_id {_IN_JSON}",
                (json.dumps(sorted(existing_posts)),),
            ):
                self.report_keys[(post_id, reported_at, reporter_key)] = bool(retracted)

        for row in chunk:
            author_id: int | None = None
            if row.author_key:
                account_key = (row.platform, row.author_key)
                author_id = self.accounts.get(account_key)
                if author_id is None:
                    author_id = take_id("author_account")
                    self.accounts[account_key] = author_id
                    new_accounts.append(
                        {
                            "id": author_id,
                            "created_at": now,
                            "updated_at": now,
                            "platform": row.platform,
                            "handle": row.author_handle,
                            "display_name": row.author_name,
                            "suspected_fake": row.author_fake,
                        }
                    )
                    self.accounts_added += 1
                    if row.author_fake:
                        self.fake_accounts.add(author_id)
                elif row.author_fake and author_id not in self.fake_accounts:
                    self.fake_accounts.add(author_id)
                    flag_fake.append(author_id)
            post_id = self.posts.get(row.identity_key)
            if post_id is None:
                post_id = take_id("post")
                self.posts[row.identity_key] = post_id
                new_posts.append(
                    {
                        "id": post_id,
                        "created_at": now,
                        "updated_at": now,
                        "platform": row.platform,
                        "url": row.url,
                        "post_ref": row.post_ref,
                        "identity_key": row.identity_key,
                        "author_id": author_id,
                        "category": row.category,
                        "language": row.language,
                        "content": row.content,
                        "posted_at": row.posted_at,
                        "import_event_uid": event,
                    }
                )
                self.posts_added += 1
            reported = to_micros(row.reported_at)
            report_key = (post_id, reported, row.reporter_key)
            seen = self.report_keys.get(report_key)
            if seen is not None:
                if seen:
                    self.already_retracted += 1
                else:
                    self.already += 1
                continue
            if post_id in self.retracted_posts:
                # A new report of a retracted case stays out: importing never brings
                # a retracted case back; restore the case first.
                self.already_retracted += 1
                continue
            self.report_keys[report_key] = False
            report_id = take_id("report")
            responses: list[tuple[int, str, str]] = []
            if row.first_response_at is not None:
                responses.append((to_micros(row.first_response_at), Outcome.ACKNOWLEDGED.value, ""))
            if row.final_response_at is not None and row.final_outcome is not None:
                responses.append(
                    (to_micros(row.final_response_at), row.final_outcome, row.response_text)
                )
            responses.sort(key=lambda item: item[0])
            new_reports.append(
                {
                    "id": report_id,
                    "created_at": now,
                    "updated_at": now,
                    "post_id": post_id,
                    "reported_at": reported,
                    "reporter": row.reporter,
                    "channel": row.channel,
                    "platform_ref": row.report_ref,
                    "notes": row.notes,
                    "import_event_uid": event,
                }
            )
            for received_at, outcome, wording in responses:
                new_responses.append(
                    {
                        "created_at": now,
                        "updated_at": now,
                        "report_id": report_id,
                        "received_at": received_at,
                        "outcome": outcome,
                        "text": wording,
                    }
                )
            self.added += 1

        writer = self.writer
        writer.insert("author_account", new_accounts)
        writer.insert("post", new_posts)
        writer.insert("report", new_reports)
        writer.insert("response", new_responses)
        writer.refresh_summaries({r["report_id"] for r in new_responses}, touch=False)
        if flag_fake:
            self.conn.execute(
                update(AuthorAccount)
                .where(AuthorAccount.id.in_(flag_fake))  # type: ignore[union-attr]
                .values(suspected_fake=True, updated_at=self.now)
            )
            self.flagged_fake += len(flag_fake)


def import_file(
    store: Store,
    path: str | Path,
    tz: ZoneInfo,
    *,
    sheet: str | None = None,
    skip_invalid: bool = False,
    rejects: str | Path | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    check: CheckResult | None = None,
    mapping: dict[str, str] | None = None,
) -> ImportResult:
    """Check the whole file and write it in one transaction (or nothing).

    With invalid rows and no ``skip_invalid``, raises ``BadInputError`` listing every
    problem and writes nothing. ``dry_run`` does all the work and rolls it back, so a
    preview can show exact counts of what would be added.

    Without ``check`` (pass 1 done beforehand, as the window's preview does), each row
    is read and parsed once: checked and written in the same pass inside the
    transaction, which is rolled back at the end if any row had a problem (every
    problem is still listed: writing stops at the first, checking goes on).
    """
    path = Path(path)
    one_pass = check is None
    if check is None:
        if not path.is_file():
            raise BadInputError(f"{path}: no such file; check the name and the folder")
        check = CheckResult(path=path, sha256=_sha256(path), mapping=dict(mapping or {}))
    elif check.problems and not skip_invalid:
        raise ImportProblems(check)
    total = check.rows_total  # 0 in one pass until the end
    event_uid = new_uid()
    with store.engine.connect() as conn:
        transaction = conn.begin()
        try:
            writer = _ImportWriter(conn, event_uid)
            chunk: list[ParsedRow] = []
            done = 0
            header_seen: _Header | None = None
            failing = False  # a problem in one pass without skip_invalid: write no more
            with writer.writer.bulk_search():
                for number, values, parsed, problems, header in _iter_parsed(
                    path, sheet, tz, mapping=check.mapping
                ):
                    done += 1
                    if one_pass:
                        header_seen = header
                        _note_row(check, number, values, parsed, problems, SAMPLE_ROWS)
                        if problems and not skip_invalid:
                            failing = True
                            chunk = []
                    if parsed is not None and not failing:
                        chunk.append(parsed)
                    if len(chunk) >= CHUNK_ROWS:
                        writer.write_chunk(chunk)
                        chunk = []
                    if done % CHUNK_ROWS == 0:
                        if progress:
                            progress(done, total, "writing reports")
                        if cancelled and cancelled():
                            raise Cancelled("import cancelled; nothing was written")
                if one_pass:
                    _note_header(check, header_seen, sheet)
                    total = check.rows_total
                    if failing:
                        raise ImportProblems(check)  # rolled back below: nothing written
                if chunk:
                    writer.write_chunk(chunk)
            if _sha256(path) != check.sha256:
                raise _FileChanged(
                    f"{path.name} changed while it was being imported; nothing was written"
                )
            result = ImportResult(
                rows_total=total,
                added=writer.added,
                already_present=writer.already + writer.already_retracted,
                already_retracted=writer.already_retracted,
                rejected=len(check.invalid_rows),
                posts_added=writer.posts_added,
                accounts_added=writer.accounts_added,
                zawgyi_cells=writer.zawgyi_cells,
                file_sha256=check.sha256,
                event_uid=None if dry_run else event_uid,
                problems=list(check.problems),
            )
            if dry_run:
                transaction.rollback()
                return result
            writer.writer.audit(
                AuditAction.IMPORT,
                entity="file",
                uid=event_uid,
                detail={
                    "file": path.name,
                    "sha256": check.sha256,
                    "rows": total,
                    "added": writer.added,
                    "already_present": writer.already + writer.already_retracted,
                    "already_present_retracted": writer.already_retracted,
                    "rejected": len(check.invalid_rows),
                    "posts_added": writer.posts_added,
                    "accounts_added": writer.accounts_added,
                    "accounts_flagged_fake": writer.flagged_fake,
                    "zawgyi_cells": writer.zawgyi_cells,
                    "timezone": tz.key,
                },
            )
            writer.writer.flush()
            transaction.commit()
        except sqlcipher3.OperationalError as exc:
            if transaction.is_active:
                transaction.rollback()
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreBusyError(
                    "the store is busy with another task (another import?); nothing was "
                    "imported, try again when it is done"
                ) from None
            raise
        except BaseException:
            if transaction.is_active:
                transaction.rollback()
            raise
    if check.invalid_rows:
        target = Path(rejects) if rejects else path.with_name(f"{path.stem}.rejects.csv")
        _write_rejects(check, target)
        result.rejects_path = target
    if progress:
        progress(total, total, "done")
    return result


class ImportProblems(BadInputError):
    """The file has invalid rows; nothing was written. ``problems`` lists them all."""

    def __init__(self, check: CheckResult) -> None:
        count = len(check.problems)
        super().__init__(
            f"{check.path.name}: {count} problem{'s' if count != 1 else ''} found; "
            "nothing was imported. Fix the rows, or use --skip-invalid to import the rest"
        )
        self.problems = check.problems
        self.check = check
