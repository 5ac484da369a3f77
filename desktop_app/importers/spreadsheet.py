"""Import of the report-log spreadsheet (IMPORT_FORMAT.md), CSV or XLSX.

The file is streamed, so memory stays flat however long it is (and however big
the store is):

1. ``check_file`` reads every row, validates it, and collects every problem
   (row, column, reason). Nothing is written. The window shows it as a preview.
2. ``import_file`` reads the file (again, after a preview; or once, checking as
   it goes) and writes every valid row inside one transaction, in chunks of
   ``CHUNK_ROWS``: each chunk's accounts, posts and reports already in the store
   are looked up through the unique indexes for that chunk only, its new rows are
   written column by column (``store.bulk``) and its new posts indexed for search.
   If the file changed between the passes, or anything fails, the transaction is
   rolled back and the store is as it was.

Rows are numbered as a spreadsheet program shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import sqlcipher3

from desktop_app.core.enums import FINAL_OUTCOMES, AuditAction, Outcome
from desktop_app.core.errors import AppError, BadInputError, Cancelled, StoreBusyError
from desktop_app.core.normalise import (
    is_zawgyi,
    looks_like_link,
    normalise_category,
    normalise_platform,
)
from desktop_app.core.timeutil import (
    EARLIEST_TIME,
    latest_allowed,
    now_utc,
    parse_cell_time,
    time_problem,
)
from desktop_app.store.bulk import (
    DroppedIndex,
    SearchBatch,
    drop_secondary_indexes,
    insert_columns,
    restore_indexes,
)
from desktop_app.store.engine import Store, busy_error
from desktop_app.store.models import new_uid
from desktop_app.store.types import to_micros
from desktop_app.store.writer import (
    Writer,
    cached_canonical_url,
    cached_handle_key,
    cached_reporter_key,
    post_identity_key,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

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
    # Headers that are none of IMPORT_FORMAT.md's: their cells went into the notes.
    unknown_columns: list[str] = field(default_factory=list)
    # Posts whose first row left a field empty (author, text, category, language,
    # posted at) that a later row of the post gave.
    posts_completed: int = 0
    # Rows giving an author, text, category, language or posting time that a post
    # already in the store has empty: not taken (a correction may have emptied it).
    fields_not_taken: int = 0
    # Platform responses a row gave to a report already present that had none of
    # its kind (an acknowledgement, a decision): the platform answered since.
    responses_added: int = 0


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
    # Comma or semicolon (IMPORT_FORMAT.md); a tab where the header has more tabs
    # than either (a .tsv, or a sheet copied out of Excel as text).
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: (counts[d], d == ","))
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
            # The first sheet the person sees: a hidden one before it (a lookup
            # table, an old copy) is not the log they meant.
            shown = [w for w in workbook.worksheets if w.sheet_state == "visible"]
            worksheet = (shown or workbook.worksheets)[0]
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
        # Each report-log column's position (COLUMNS order), -1 where absent.
        self.cells = itemgetter(*(self.index.get(c, -1) for c in COLUMNS))
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

    The check pass validates only (``full=False``); the import normalises too. The
    cells are taken by position in one C call (``header.cells``), no dict per row.
    """
    problems: list[RowProblem] = []
    count = len(values)
    # Every report-log column's cell, in COLUMNS order; "" where the file has no
    # such column (position -1: the "" appended here) or the row is short.
    missing = header.width - count
    cells = header.cells(values + ([""] * (missing + 1) if missing > 0 else _ONE_EMPTY))
    try:
        texts = list(map(str.strip, cells))  # a CSV row: text only, one C loop
    except TypeError:  # XLSX cells: numbers, dates, None
        texts = [v.strip() if type(v) is str else _text(v) for v in cells]
    (
        url,
        post_ref,
        platform_text,
        author_handle,
        author_name,
        fake_text,
        category_text,
        language,
        _content_text,
        posted_text,
        reported_text,
        reporter,
        channel_text,
        report_ref,
        first_text,
        final_text,
        outcome_text,
        response_text,
        notes,
    ) = texts

    latest = latest_allowed(now)

    def when(position: int, name: str, shown: str) -> datetime | None:
        value = cells[position]
        if value is None or value == "":
            return None
        try:
            parsed = parse_cell_time(value, tz)
        except ValueError as exc:
            problems.append(RowProblem(row_number, name, f"{shown!r} is {exc}"))
            return None
        except OverflowError:
            problems.append(
                RowProblem(
                    row_number,
                    name,
                    f"{shown!r} is outside the dates Caselog accepts "
                    "(2000-01-01 to 24 hours past this computer's clock)",
                )
            )
            return None
        # Aware UTC, so inside the range exactly when time_problem has nothing to say:
        # it is asked only about a time outside (one bound for the row, not per cell).
        if parsed is not None and not (EARLIEST_TIME <= parsed <= latest):
            # A future date as typed (in the file's zone); the earliest one is a UTC
            # instant, and quoted in UTC ("1999-12-31 is before 2000-01-01").
            problem = time_problem(parsed if parsed < EARLIEST_TIME else parsed.astimezone(tz), now)
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

    platform = normalise_platform(platform_text)
    if not platform:
        problems.append(RowProblem(row_number, "platform", "required, but empty"))
    raw_content = cells[_CONTENT]
    content = "" if raw_content is None else str(raw_content)
    if not (url or post_ref or content.strip()):
        problems.append(
            RowProblem(row_number, "post_url", "a row needs post_url, post_ref or content")
        )
    elif url and not looks_like_link(url):  # "N/A", "link": each row would be one post
        problems.append(
            RowProblem(
                row_number,
                "post_url",
                f"{url!r} is not a link: put the post's address (https://…) in the cell, "
                "or leave it empty when the post has none",
            )
        )
    fake_text = fake_text.lower()
    if fake_text not in _TRUE and fake_text not in _FALSE:
        problems.append(
            RowProblem(row_number, "author_suspected_fake", f"{fake_text!r} is not yes or no")
        )
    posted_at = when(_POSTED, "posted_at", posted_text)
    reported_at = None
    if reported_text:
        reported_at = when(_REPORTED, "reported_at", reported_text)
    else:
        problems.append(RowProblem(row_number, "reported_at", "required, but empty"))
    first_at = when(_FIRST, "first_response_at", first_text)
    final_at = when(_FINAL, "final_response_at", final_text)
    outcome_text = outcome_text.lower()
    outcome: str | None = None
    if outcome_text:
        if outcome_text in FINAL_OUTCOMES:
            outcome = outcome_text
        else:
            allowed = ", ".join(sorted(o.value for o in FINAL_OUTCOMES))
            problems.append(
                RowProblem(row_number, "final_outcome", f"{outcome_text!r} is not one of {allowed}")
            )
    if outcome_text and not final_text:
        problems.append(
            RowProblem(row_number, "final_response_at", "an outcome needs the time of the decision")
        )
    if final_text and not outcome_text:
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

    if header.unknown:
        extra = [
            f"{name}: {_text(values[pos])}"
            for pos, name in header.unknown
            if pos < count and _text(values[pos])
        ]
        if extra:
            notes = "\n".join([notes, *extra]) if notes else "\n".join(extra)
    canonical = cached_canonical_url(url)
    author_key = cached_handle_key(author_handle)
    reporter_key = cached_reporter_key(reporter)
    identity = post_identity_key(
        platform,
        canonical,
        post_ref,
        # Only a row with neither link nor reference is keyed by its own fields.
        fallback=()
        if canonical or post_ref.strip()
        else (author_key, content, reported_at.isoformat(), reporter_key),
    )
    channel = _channel(channel_text)
    return (
        ParsedRow(
            row_number,
            platform,
            url,
            canonical,
            post_ref,
            identity,
            author_handle,
            author_key,
            author_name,
            fake_text in _TRUE,
            _category(category_text),
            language,
            content,
            posted_at,
            reported_at,
            reporter,
            reporter_key,
            channel,
            report_ref,
            first_at,
            final_at,
            outcome,
            response_text,
            notes,
        ),
        problems,
    )


@lru_cache(maxsize=256)
def _channel(text: str) -> str:
    return text.lower().replace(" ", "_").replace("-", "_")


_category = lru_cache(maxsize=1024)(normalise_category)
# Zawgyi detection walks the text's characters; a post reported many times has the
# same text on every row, so it is judged once.
_is_zawgyi = lru_cache(maxsize=4096)(is_zawgyi)
_ONE_EMPTY: list[Any] = [""]
_CONTENT = COLUMNS.index("content")
_POSTED = COLUMNS.index("posted_at")
_REPORTED = COLUMNS.index("reported_at")
_FIRST = COLUMNS.index("first_response_at")
_FINAL = COLUMNS.index("final_response_at")


def _zawgyi_cells(row: ParsedRow) -> int:
    """How many of the row's free-text cells are Zawgyi (only Burmese text is tested;
    an ASCII text, most cells, is passed over in one flag read)."""
    count = 0
    for text in (row.content, row.author_name, row.response_text, row.notes, row.reporter):
        if not text.isascii() and _MYANMAR.search(text) and _is_zawgyi(text):
            count += 1
    return count


def _column_letter(position: int) -> str:
    """A, B, ..., Z, AA, ...: the column as a spreadsheet program names it."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _blank(values: list[Any]) -> bool:
    """True when every cell is empty or only spaces (a blank line)."""
    try:
        joined = "".join(values)  # a CSV row: text only, one C call
    except TypeError:  # XLSX cells: numbers, dates, None
        return all(_text(v) == "" for v in values)
    return not joined or joined.isspace()


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
        if _blank(values):
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


def likely_column(name: str) -> str | None:
    """The report-log column an unknown header was probably meant to be (a typo:
    ``first_responce_at``, ``Author_Handel``), or None."""
    import difflib

    wanted = name.strip().lower().replace(" ", "_").replace("-", "_")
    close = difflib.get_close_matches(wanted, COLUMNS, n=1, cutoff=0.8)
    return close[0] if close else None


def _check_rejects_target(target: Path, source: Path) -> None:
    """Refuse, before the import writes anything, a rejects file that would replace
    the file being imported, or that cannot be made (no such folder, a folder)."""
    try:
        same = target.resolve() == source.resolve() or (target.exists() and target.samefile(source))
    except OSError:
        same = False
    if same:
        raise BadInputError(
            f"{target} is the file being imported: give the rejected rows another file"
        )
    if target.is_dir():
        raise BadInputError(f"{target} is a folder: give the rejected rows a file name")
    if not target.parent.is_dir():
        raise BadInputError(
            f"{target.parent} does not exist: the rejected rows need a folder to go to"
        )


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
    chunk, inside one open transaction; ``store.bulk`` writes them column by column
    through the writer's rules.

    Nothing here grows with the file or the store: the accounts, posts and reports
    a chunk refers to are looked up in the store for that chunk (through the unique
    indexes), and the chunk's own new ones are added to those lookups as it goes.
    """

    def __init__(self, conn: Connection, event_uid: str) -> None:
        self.conn = conn
        self.writer = Writer(conn)
        self.raw = self.writer.raw
        self.event_uid = event_uid
        self.now = now_utc()
        # Posts with this id or above are this import's own (ids only grow).
        (self.first_new_post,) = self.raw.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM post"
        ).fetchone()
        self.added = self.already = self.already_retracted = 0
        self.posts_added = self.accounts_added = 0
        # Which of a post's fields its first row left empty (_EMPTY_* bits), for each
        # post this import made, by id - first_new_post: one byte a post. A later row
        # of the post fills them (it was ignored: the post kept no author or text).
        self.sparse = bytearray()
        self.posts_completed = 0
        # Rows giving a field that a post already in the store has empty: not taken.
        self.fields_not_taken = 0
        self.older_empty: dict[int, int] = {}  # this chunk's older posts' empty fields
        self.responses_added = 0  # to reports already present
        self.former_posts, self.former_reports = former_identities(self.raw)
        self.touched_reports = {row[0] for row in self.raw.execute(_TOUCHED_REPORTS)}
        self.flagged_fake = 0
        self.zawgyi_cells = 0
        # The ids of accounts and posts this import has made or looked up, so a later
        # chunk's row that refers to one needs no probe of the unique index. Only a
        # shortcut (ids never change inside the transaction; what is not here is
        # looked up), bounded: emptied when full, short keys only.
        self.known_accounts: dict[tuple[str, str], int] = {}
        self.known_posts: dict[str, int] = {}
        self.known_account_bytes = self.known_post_bytes = 0  # what they hold, estimated
        # A table that was empty before this import holds only the rows it writes:
        # each one's key goes into a filter, and a key the filter has never seen
        # is new, with no probe of the index (at any size of file: the filter does
        # not grow). A key it may have seen is looked up as before.
        self.account_filter = _KeyFilter() if self._empty("author_account") else None
        self.post_filter = _KeyFilter() if self._empty("post") else None
        self.report_filter = _KeyFilter() if self._empty("report") else None
        # New posts' and accounts' search entries, written a batch at a time.
        self.search = SearchBatch(self.writer)

    def finish(self) -> None:
        """After the last chunk: the search entries still held back written."""
        self.search.flush()

    def forget(self) -> None:
        """Drop the known ids and the filters (no chunk comes after this)."""
        self.known_accounts, self.known_posts = {}, {}
        self.known_account_bytes = self.known_post_bytes = 0
        self.account_filter = self.post_filter = self.report_filter = None

    def _empty(self, table: str) -> bool:
        (rows,) = self.raw.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()
        return not rows

    def _know_accounts(self, found: Iterable[tuple[tuple[str, str], int]]) -> None:
        self.known_account_bytes = _remember(
            self.known_accounts, self.known_account_bytes, found, _account_cost, KNOWN_ACCOUNT_BYTES
        )

    def _know_posts(self, found: Iterable[tuple[str, int]]) -> None:
        self.known_post_bytes = _remember(
            self.known_posts, self.known_post_bytes, found, _post_cost, KNOWN_POST_BYTES
        )

    def _lookup(
        self, chunk: list[ParsedRow]
    ) -> tuple[
        dict[tuple[str, str], int],
        set[int],
        dict[str, int],
        set[int],
        dict[tuple[int, int, str], tuple[bool, int, bool, bool, int, int | None]],
    ]:
        """The store's accounts, posts and reports this chunk's rows refer to."""
        raw = self.raw
        known_accounts, known_posts = self.known_accounts, self.known_posts
        fake_accounts: set[int] = set()
        referred = {(r.platform, r.author_key) for r in chunk if r.author_key}
        accounts = {key: known_accounts[key] for key in referred if key in known_accounts}
        if referred:
            unknown = referred.difference(accounts)
            if self.account_filter is not None:
                unknown = set(filter(self.account_filter.__contains__, unknown))
            if unknown:
                wanted = sorted(unknown)
                found_accounts = [
                    ((platform, key), account_id)
                    for account_id, platform, key in raw.execute(
                        _ACCOUNTS_OF, (json.dumps(wanted),)
                    )
                ]
                accounts.update(found_accounts)
                self._know_accounts(found_accounts)
            # Whether an account is already flagged matters only to a row that flags
            # it: only those accounts' rows are read.
            flagging = sorted(
                {
                    account_id
                    for r in chunk
                    if r.author_fake
                    and (account_id := accounts.get((r.platform, r.author_key))) is not None
                }
            )
            if flagging:
                fake_accounts = {
                    row[0] for row in raw.execute(_FAKE_ACCOUNTS, (json.dumps(flagging),))
                }
        keys = {r.identity_key for r in chunk}
        posts = {key: known_posts[key] for key in keys if key in known_posts}
        unknown_posts = keys.difference(posts)
        if self.post_filter is not None:
            unknown_posts = set(filter(self.post_filter.__contains__, unknown_posts))
        if unknown_posts:
            found = raw.execute(_POSTS_OF, (json.dumps(sorted(unknown_posts)),))
            found_posts = list(found)
            posts.update(found_posts)
            self._know_posts(found_posts)
        if self.former_posts:
            # A row still naming a post by its link before a correction, when no post
            # has that link now (a post's own link always wins).
            was = self.former_posts
            posts.update((k, was[k]) for k in keys.difference(posts) if k in was)
        # Only a post that was in the store before this import can be retracted:
        # its row is read for that; the posts this import made are not.
        older = sorted(i for i in posts.values() if i < self.first_new_post)
        retracted_posts: set[int] = set()
        self.older_empty = {}
        if older:
            for post_id, retracted, empty in raw.execute(_OLDER_POSTS, (json.dumps(older),)):
                if retracted:
                    retracted_posts.add(post_id)
                else:
                    self.older_empty[post_id] = empty
        # (post, time, reporter) -> (retracted, report id, has an acknowledgement, has a
        # decision, its place in this chunk's new reports or -1)
        report_keys: dict[tuple[int, int, str], tuple[bool, int, bool, bool, int, int | None]] = {}
        if posts:
            # Only the chunk's own (post, time, reporter) keys, each one probe of the
            # unique index: the reports of a post reported long ago are not read.
            wanted_reports = {
                (post_id, to_micros(r.reported_at), r.reporter_key)
                for r in chunk
                if (post_id := posts.get(r.identity_key)) is not None
            }
            # A row still giving a report's time or reporter as it was before an edit:
            # that report (it was added again beside it, counted twice).
            former = {k: self.former_reports[k] for k in wanted_reports if k in self.former_reports}
            if self.report_filter is not None:
                wanted_reports = set(filter(self.report_filter.__contains__, wanted_reports))
            if former:
                state_of = {
                    row[0]: row[1:]
                    for row in raw.execute(
                        _REPORT_STATE, (json.dumps(sorted(set(former.values()))),)
                    )
                }
                for key, report_id in former.items():
                    # Found, and given nothing: the row is the report as it was before
                    # its correction (its responses were checked against a time the
                    # report no longer has).
                    report_keys[key] = (
                        bool(state_of[report_id][0]),
                        report_id,
                        True,
                        True,
                        -1,
                        None,
                    )
            if wanted_reports:
                for post_id, reported_at, reporter_key, retracted, *state in raw.execute(
                    _REPORTS_OF, (json.dumps(sorted(wanted_reports)),)
                ):
                    report_id, first_at, decided = state
                    touched = report_id in self.touched_reports
                    report_keys[(post_id, reported_at, reporter_key)] = (  # the key as it is
                        bool(retracted),
                        report_id,
                        first_at is not None or touched,
                        bool(decided) or touched,
                        -1,
                        first_at,
                    )
        return accounts, fake_accounts, posts, retracted_posts, report_keys

    def write_chunk(self, chunk: list[ParsedRow]) -> None:
        self.zawgyi_cells += sum(map(_zawgyi_cells, chunk))
        accounts, fake_accounts, posts, retracted_posts, report_keys = self._lookup(chunk)
        writer = self.writer
        take_id = writer.next_id
        flag_fake: list[int] = []
        # New rows, column by column (store.bulk.insert_columns).
        a_id: list[int] = []
        a_platform: list[str] = []
        a_handle: list[str] = []
        a_name: list[str] = []
        a_fake: list[bool] = []
        a_key: list[tuple[str, str]] = []
        p_id: list[int] = []
        p_platform: list[str] = []
        p_url: list[str] = []
        p_ref: list[str] = []
        p_identity: list[str] = []
        p_author: list[int | None] = []
        p_category: list[str] = []
        p_language: list[str] = []
        p_content: list[str] = []
        p_posted: list[int | None] = []
        r_id: list[int] = []
        r_post: list[int] = []
        r_reported: list[int] = []
        r_reporter: list[str] = []
        r_channel: list[str] = []
        r_ref: list[str] = []
        r_notes: list[str] = []
        r_first: list[int | None] = []
        r_final: list[int | None] = []
        r_outcome: list[str | None] = []
        s_id: list[int] = []
        s_report: list[int] = []
        s_received: list[int] = []
        s_outcome: list[str] = []
        s_text: list[str] = []
        acknowledged = Outcome.ACKNOWLEDGED.value
        sparse, first_new, older_empty = self.sparse, self.first_new_post, self.older_empty
        fills: list[dict[str, Any]] = []
        answered_later: list[dict[str, Any]] = []  # summaries of reports given a response

        def add_responses(report_id: int, responses: list[tuple[int, str, str]]) -> None:
            for received_at, outcome, wording in responses:
                s_id.append(take_id("response"))
                s_report.append(report_id)
                s_received.append(received_at)
                s_outcome.append(outcome)
                s_text.append(wording)

        for row in chunk:
            author_id: int | None = None
            if row.author_key:
                account_key = (row.platform, row.author_key)
                author_id = accounts.get(account_key)
                if author_id is None:
                    author_id = take_id("author_account")
                    accounts[account_key] = author_id
                    a_id.append(author_id)
                    a_key.append(account_key)
                    a_platform.append(row.platform)
                    a_handle.append(row.author_handle)
                    a_name.append(row.author_name)
                    a_fake.append(row.author_fake)
                    if row.author_fake:
                        fake_accounts.add(author_id)
                elif row.author_fake and author_id not in fake_accounts:
                    fake_accounts.add(author_id)
                    flag_fake.append(author_id)
            post_id = posts.get(row.identity_key)
            if post_id is None:
                post_id = take_id("post")
                posts[row.identity_key] = post_id
                p_id.append(post_id)
                p_platform.append(row.platform)
                p_url.append(row.url)
                p_ref.append(row.post_ref)
                p_identity.append(row.identity_key)
                p_author.append(author_id)
                p_category.append(row.category)
                p_language.append(row.language)
                p_content.append(row.content)
                p_posted.append(None if row.posted_at is None else to_micros(row.posted_at))
                index = post_id - first_new
                if index >= len(sparse):
                    sparse.extend(bytes(index + 1 - len(sparse)))
                sparse[index] = (
                    (author_id is None)
                    | (not row.content.strip()) << 1
                    | (not row.category) << 2
                    | (not row.language) << 3
                    | (row.posted_at is None) << 4
                )
            elif (index := post_id - first_new) >= 0 and (empty := sparse[index]) & _EMPTY_ANY:
                # Only a post this import made: in a post already in the store an
                # empty field may be a correction's (text cleared, author removed),
                # which an old sheet must not undo.
                fill = _filled(empty, row, author_id)
                if fill:
                    fill["id"] = post_id
                    fills.append(fill)
                    if not empty & _COMPLETED:
                        self.posts_completed += 1
                    sparse[index] = (empty & ~fill.pop("_bits")) | _COMPLETED
            elif (
                index < 0
                and (empty := older_empty.get(post_id, 0))
                and _filled(empty, row, author_id)
            ):
                self.fields_not_taken += 1  # said, so that nothing is dropped unseen
            reported = to_micros(row.reported_at)
            report_key = (post_id, reported, row.reporter_key)
            seen = report_keys.get(report_key)
            if seen is not None:
                if seen[0]:
                    self.already_retracted += 1
                    continue
                self.already += 1
                # The report is in; a response the row gives that it has not (the
                # platform answered since the sheet was last imported) is added.
                _, report_id, answered, decided, at, first_at = seen
                new: list[tuple[int, str, str]] = []
                if not answered and row.first_response_at is not None:
                    new.append((to_micros(row.first_response_at), acknowledged, ""))
                if not decided and row.final_response_at is not None and row.final_outcome:
                    decision = to_micros(row.final_response_at)
                    new.append((decision, row.final_outcome, row.response_text))
                if new:
                    add_responses(report_id, new)
                    self.responses_added += len(new)
                    if at >= 0:  # a report of this chunk, not written yet: its summary
                        earliest = min(t for t, _, _ in new)
                        held = r_first[at]
                        r_first[at] = earliest if held is None else min(held, earliest)
                        if not decided and new[-1][1] != acknowledged:
                            r_final[at], r_outcome[at] = new[-1][0], new[-1][1]
                    else:  # a report in the store: its summary, as refresh_summaries would
                        earliest = min(t for t, _, _ in new)
                        first_at = earliest if first_at is None else min(first_at, earliest)
                        summary: dict[str, Any] = {"id": report_id, "first_response_at": first_at}
                        if not decided and new[-1][1] != acknowledged:
                            summary["final_response_at"] = new[-1][0]
                            summary["final_outcome"] = new[-1][1]
                        answered_later.append(summary)
                    report_keys[report_key] = (
                        False,
                        report_id,
                        True,
                        decided or new[-1][1] != acknowledged,
                        at,
                        first_at,
                    )
                continue
            if post_id in retracted_posts:
                # A new report of a retracted case stays out: importing never brings
                # a retracted case back; restore the case first.
                self.already_retracted += 1
                continue
            report_id = take_id("report")
            # The report's responses, oldest first, and its summary (INDICATORS.md:
            # the first response is the earliest, the final one the decision), as
            # Writer.refresh_summaries would compute them from these responses.
            first = None if row.first_response_at is None else to_micros(row.first_response_at)
            final = None
            if row.final_response_at is not None and row.final_outcome is not None:
                final = to_micros(row.final_response_at)
            responses: list[tuple[int, str, str]] = []
            if first is not None:
                responses.append((first, acknowledged, ""))
            if final is not None:
                responses.append((final, row.final_outcome or "", row.response_text))
                if first is not None and final < first:
                    responses.reverse()
            if responses:
                add_responses(report_id, responses)
            at = len(r_id)  # its place among this chunk's new reports
            report_keys[report_key] = (
                False,
                report_id,
                bool(responses),
                final is not None,
                at,
                None,
            )
            r_id.append(report_id)
            r_post.append(post_id)
            r_reported.append(reported)
            r_reporter.append(row.reporter)
            r_channel.append(row.channel)
            r_ref.append(row.report_ref)
            r_notes.append(row.notes)
            r_first.append(responses[0][0] if responses else None)
            r_final.append(final)
            r_outcome.append(row.final_outcome if final is not None else None)
            self.added += 1

        now = to_micros(self.now)
        stamps = {"created_at": now, "updated_at": now}
        imported = {**stamps, "import_event_uid": self.event_uid}
        insert_columns(
            writer,
            "author_account",
            {
                "id": a_id,
                "platform": a_platform,
                "handle": a_handle,
                "display_name": a_name,
                "suspected_fake": a_fake,
            },
            constants=stamps,
            search=self.search,
        )
        insert_columns(
            writer,
            "post",
            {
                "id": p_id,
                "platform": p_platform,
                "url": p_url,
                "post_ref": p_ref,
                "identity_key": p_identity,
                "author_id": p_author,
                "category": p_category,
                "language": p_language,
                "content": p_content,
                "posted_at": p_posted,
            },
            constants=imported,
            search=self.search,
        )
        insert_columns(
            writer,
            "report",
            {
                "id": r_id,
                "post_id": r_post,
                "reported_at": r_reported,
                "reporter": r_reporter,
                "channel": r_channel,
                "platform_ref": r_ref,
                "notes": r_notes,
                "first_response_at": r_first,
                "final_response_at": r_final,
                "final_outcome": r_outcome,
            },
            constants=imported,
        )
        insert_columns(
            writer,
            "response",
            {
                "id": s_id,
                "report_id": s_report,
                "received_at": s_received,
                "outcome": s_outcome,
                "text": s_text,
            },
            constants=stamps,
        )
        if answered_later:
            writer.update("report", answered_later)
        if fills:
            # Entries held for the search index first: the update below replaces the
            # entries of the posts it changes, and must find them written.
            self.search.flush()
            writer.update("post", fills)
        self._know_accounts(zip(a_key, a_id, strict=True))
        self._know_posts(zip(p_identity, p_id, strict=True))
        if self.account_filter is not None:
            self.account_filter.update(a_key)
        if self.post_filter is not None:
            self.post_filter.update(p_identity)
        if self.report_filter is not None:
            self.report_filter.update(report_keys)  # the new ones and those found
        self.accounts_added += len(a_id)
        self.posts_added += len(p_id)
        if flag_fake:
            writer.update(
                "author_account",
                [{"id": i, "suspected_fake": True, "updated_at": now} for i in flag_fake],
            )
            self.flagged_fake += len(flag_fake)


def _filled(empty: int, row: ParsedRow, author_id: int | None) -> dict[str, Any]:
    """The fields of a post left empty (``empty``: _EMPTY_* bits) that ``row``, a
    later row of the post, gives; with "_bits", the bits it fills. A field already
    given is kept as its first row gave it."""
    fill: dict[str, Any] = {}
    bits = 0
    if empty & _EMPTY_AUTHOR and author_id is not None:
        fill["author_id"], bits = author_id, bits | _EMPTY_AUTHOR
    if empty & _EMPTY_CONTENT and row.content.strip():
        fill["content"], bits = row.content, bits | _EMPTY_CONTENT
    if empty & _EMPTY_CATEGORY and row.category:
        fill["category"], bits = row.category, bits | _EMPTY_CATEGORY
    if empty & _EMPTY_LANGUAGE and row.language:
        fill["language"], bits = row.language, bits | _EMPTY_LANGUAGE
    if empty & _EMPTY_POSTED and row.posted_at is not None:
        fill["posted_at"], bits = row.posted_at, bits | _EMPTY_POSTED
    if fill:
        fill["_bits"] = bits
    return fill


# Bits of each _KeyFilter (1 MiB): two probes per key, so at 1,000,000 keys about
# one new key in twenty is looked up all the same, at 100,000 one in 1,500.
FILTER_BITS = 1 << 23


class _KeyFilter:
    """Keys seen, in FILTER_BITS bits whatever their number (a Bloom filter, two
    probes from one hash): ``key in filter`` is False only for a key never added;
    True means "perhaps", and the caller looks the key up in the store."""

    __slots__ = ("bits", "mask", "shift")

    def __init__(self) -> None:
        size = FILTER_BITS
        self.bits = bytearray(max(size // 8, 1))
        self.mask = size - 1
        self.shift = size.bit_length() - 1

    def update(self, keys: Iterable[Any]) -> None:
        bits, mask, shift = self.bits, self.mask, self.shift
        for key in keys:
            code = hash(key)
            first, second = code & mask, (code >> shift) & mask
            bits[first >> 3] |= 1 << (first & 7)
            bits[second >> 3] |= 1 << (second & 7)

    def __contains__(self, key: Any) -> bool:
        code = hash(key)
        first, second = code & self.mask, (code >> self.shift) & self.mask
        bits = self.bits
        return bool(bits[first >> 3] & (1 << (first & 7))) and bool(
            bits[second >> 3] & (1 << (second & 7))
        )


# The accounts and posts remembered between chunks: as many as fit in
# KNOWN_ACCOUNT_BYTES and KNOWN_POST_BYTES, each key at most KNOWN_KEY_CHARS long.
# An entry costs its strings (``sys.getsizeof``), KNOWN_ENTRY_BYTES (the id and the
# dict's slot) and, for an account, KNOWN_PAIR_BYTES (its key's tuple); a test
# measures what the entries really hold against this estimate. A log of 1,000,000
# reports naming 143,000 accounts (tests/perf/generate.py) then looks each account
# up once (36 MB held): with 16,384 remembered, the lookups of accounts met before
# took 4 s more of that 80 s import. Its 486,377 posts would take 83 MB; 16 MB
# holds every post of a log of 100,000 reports (48,759, 8 MB), of which 21,000
# were looked up again with 32,768 remembered.
KNOWN_ACCOUNT_BYTES = 48 << 20
KNOWN_POST_BYTES = 16 << 20
KNOWN_ENTRY_BYTES = 80
KNOWN_PAIR_BYTES = 56
KNOWN_KEY_CHARS = 256


def _account_cost(key: tuple[str, str]) -> int:
    """What remembering an account takes (bytes, estimated); -1 for too long a key."""
    platform, handle = key
    if len(platform) + len(handle) > KNOWN_KEY_CHARS:
        return -1
    return KNOWN_ENTRY_BYTES + KNOWN_PAIR_BYTES + sys.getsizeof(platform) + sys.getsizeof(handle)


def _post_cost(key: str) -> int:
    """What remembering a post takes (bytes, estimated); -1 for too long a key."""
    if len(key) > KNOWN_KEY_CHARS:
        return -1
    return KNOWN_ENTRY_BYTES + sys.getsizeof(key)


def _remember(
    known: dict[Any, int],
    held: int,
    found: Iterable[tuple[Any, int]],
    cost: Callable[[Any], int],
    budget: int,
) -> int:
    """``found``'s (key, id) pairs added to ``known``, which holds ``held`` bytes by
    ``cost`` and is emptied first whenever one more would pass ``budget``; returns
    the bytes it holds then."""
    for key, value in found:
        size = cost(key)
        if size < 0:
            continue
        held += size
        if held > budget:
            known.clear()
            held = size
        known[key] = value
    return held


# The chunk's accounts, posts and reports already in the store, each through its
# unique index: (platform, handle_key), identity_key, (post_id, reported_at, ...).
_ACCOUNTS_OF = (
    "SELECT a.id, a.platform, a.handle_key "
    "FROM json_each(?) AS j CROSS JOIN author_account AS a "
    "ON a.platform = j.value ->> 0 AND a.handle_key = j.value ->> 1"
)
_FAKE_ACCOUNTS = f"SELECT id FROM author_account WHERE id {_IN_JSON} AND suspected_fake"
_POSTS_OF = f"SELECT identity_key, id FROM post WHERE identity_key {_IN_JSON}"  # index only
# The fields a post's first row may leave empty and a later row of it fill.
_EMPTY_AUTHOR, _EMPTY_CONTENT, _EMPTY_CATEGORY, _EMPTY_LANGUAGE, _EMPTY_POSTED = 1, 2, 4, 8, 16
_EMPTY_ANY = 31
_COMPLETED = 128  # counted once in posts_completed
_REPORT_STATE = f"SELECT id, retracted_at IS NOT NULL FROM report WHERE id {_IN_JSON}"
# Every post and report a correction changed the identity of, and each identity it
# had before: (post, report) edit events, newest first, with the record as it is.
_EDITED_POSTS = (
    "SELECT p.id, p.platform, p.url, p.post_ref, e.detail FROM audit_event e "
    "JOIN post p ON p.uid = e.entity_uid WHERE e.entity = 'post' "
    "AND e.action IN ('edit', 'update') AND e.detail LIKE '%\"changes\"%' ORDER BY e.id DESC"
)
_EDITED_REPORTS = (
    "SELECT r.id, r.post_id, r.reported_at, r.reporter, e.detail FROM audit_event e "
    "JOIN report r ON r.uid = e.entity_uid WHERE e.entity = 'report' AND e.action = 'edit' "
    "ORDER BY e.id DESC"
)


def former_identities(
    raw: Any,
) -> tuple[dict[str, int], dict[tuple[int, int, str], int]]:
    """The identities posts and reports had before a correction changed them (a
    post's platform, link or reference; a report's time or reporter), each mapped to
    its record: a row of the spreadsheet the records came from still names them so.
    Read from the custody log's edit events; as many as there were such edits."""
    posts: dict[str, int] = {}
    versions: dict[int, dict[str, Any]] = {}
    for post_id, platform, url, post_ref, detail in raw.execute(_EDITED_POSTS):
        changes = json.loads(detail).get("changes") or {}
        if not {"platform", "url", "post_ref"} & changes.keys():
            continue
        current = versions.setdefault(
            post_id, {"platform": platform, "url": url, "post_ref": post_ref}
        )
        for name in ("platform", "url", "post_ref"):
            if name in changes:
                current[name] = changes[name].get("old") or ""
        link, ref = cached_canonical_url(current["url"]), str(current["post_ref"]).strip()
        if link or ref:
            posts.setdefault(post_identity_key(current["platform"], link, ref), post_id)
    reports: dict[tuple[int, int, str], int] = {}
    seen: dict[int, list[Any]] = {}
    for report_id, post_id, reported_at, reporter, detail in raw.execute(_EDITED_REPORTS):
        changes = json.loads(detail).get("changes") or {}
        current_report = seen.setdefault(report_id, [reported_at, reporter])
        if "reported_at" in changes and changes["reported_at"].get("old"):
            old = datetime.fromisoformat(changes["reported_at"]["old"])
            current_report[0] = to_micros(old)
        if "reporter" in changes:
            current_report[1] = changes["reporter"].get("old") or ""
        key = (post_id, int(current_report[0]), cached_reporter_key(current_report[1]))
        reports.setdefault(key, report_id)
    return posts, reports


# Of the posts in the store before the import: those retracted, and which fields
# the others have empty (a row that gives one is told, not taken); each post's row
# read once.
_OLDER_POSTS = (
    "SELECT id, retracted_at IS NOT NULL AS retracted, (author_id IS NULL) "
    "| ((trim(content) = '') << 1) | ((category = '') << 2) | ((language = '') << 3) "
    f"| ((posted_at IS NULL) << 4) AS empty FROM post WHERE id {_IN_JSON} "
    "AND (retracted OR empty)"
)
# With each report found, from its own row (its summary of its live responses):
# its first response, if any, and whether it has a decision: a row of it adds an
# acknowledgement to a report with no response, a decision to one with none. The
# responses themselves are not read (their index is set aside during a large
# import: a probe per report scanned them all).
_REPORTS_OF = (
    "SELECT r.post_id, r.reported_at, r.reporter_key, r.retracted_at IS NOT NULL, r.id, "
    "r.first_response_at, r.final_response_at IS NOT NULL "
    "FROM json_each(?) AS j CROSS JOIN report AS r ON r.post_id = j.value ->> 0 "
    "AND r.reported_at = j.value ->> 1 AND r.reporter_key = j.value ->> 2"
)
# The reports one of whose responses a person retracted or corrected: the store's
# word on their responses is then a person's, which an old sheet must not overrule
# (a retracted decision came back as a new one). As many as such corrections.
_TOUCHED_REPORTS = (
    "SELECT DISTINCT s.report_id FROM audit_event e JOIN response s ON s.uid = e.entity_uid "
    "WHERE e.entity = 'response' AND e.action IN ('edit', 'retract')"
)


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
    target = None
    if skip_invalid:  # where the rejected rows go, checked before anything is written
        target = Path(rejects) if rejects else path.with_name(f"{path.stem}.rejects.csv")
        _check_rejects_target(target, path)
    total = check.rows_total  # 0 in one pass until the end
    event_uid = new_uid()
    with store.engine.connect() as conn:
        transaction = conn.begin()
        try:
            raw = conn.connection.driver_connection
            assert raw is not None
            if not raw.in_transaction:
                # The write lock now, before the ids are read: everything from here
                # on, index changes included, is one transaction.
                raw.execute("BEGIN IMMEDIATE")
            writer = _ImportWriter(conn, event_uid)
            # Large against the store: build the secondary indexes once at the end
            # instead of row by row (store.bulk). The search index is filled in
            # batches of a bounded size as the chunks go (store.bulk.SearchBatch):
            # filled at the end, FTS5 held 30 MB more at 1,000,000 reports, growing
            # with the file.
            deferred: list[DroppedIndex] = []
            if _large_against_store(path, raw):
                deferred = drop_secondary_indexes(raw)
            chunk: list[ParsedRow] = []
            done = 0
            header_seen: _Header | None = None
            failing = False  # a problem in one pass without skip_invalid: write no more
            # New posts and accounts go to the search index a batch at a time
            # (store.bulk.SearchBatch, flushed by writer.finish): nothing waits for
            # the end of the file.
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
            writer.finish()
            writer.forget()  # its memory back before the indexes are rebuilt
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
                posts_completed=writer.posts_completed,
                responses_added=writer.responses_added,
                fields_not_taken=writer.fields_not_taken,
                zawgyi_cells=writer.zawgyi_cells,
                file_sha256=check.sha256,
                event_uid=None if dry_run else event_uid,
                problems=list(check.problems),
                unknown_columns=list(check.unknown_columns),
            )
            if dry_run:
                transaction.rollback()  # the indexes dropped above come back with it
                return result
            if deferred and progress:
                progress(total, total, "indexing")
            restore_indexes(raw, deferred, cancelled)
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
                    "posts_completed": writer.posts_completed,
                    "responses_added": writer.responses_added,
                    "accounts_flagged_fake": writer.flagged_fake,
                    "zawgyi_cells": writer.zawgyi_cells,
                    "timezone": tz.key,
                },
            )
            writer.writer.flush()
            writer.search.check_flushed()
            transaction.commit()
        except sqlcipher3.OperationalError as exc:
            if transaction.is_active:
                transaction.rollback()
            if busy_error(exc) is not None:
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
        if target is None:
            target = Path(rejects) if rejects else path.with_name(f"{path.stem}.rejects.csv")
        try:
            _write_rejects(check, target)
        except OSError as exc:
            raise BadInputError(
                f"the valid rows were imported ({result.added} added), but the rejected "
                f"rows could not be written to {target} ({exc.strerror}): import the file "
                "again with another rejects file; its rows already in are not added twice"
            ) from None
        result.rejects_path = target
    if progress:
        progress(total, total, "done")
    return result


def _estimated_rows(path: Path) -> int:
    """About how many rows the file has (a CSV: from the lines in its first 64 KiB;
    a workbook: ``_workbook_rows``). Only a speed choice rests on it."""
    size = path.stat().st_size
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _workbook_rows(path)
    with path.open("rb") as handle:
        head = handle.read(65536)
    lines = head.count(b"\n")
    if len(head) < 65536:
        return lines
    return size * max(lines, 1) // len(head)


# A worksheet's <dimension ref="A1:S100001"/>, near the top of its XML.
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"')


def _workbook_rows(path: Path) -> int:
    """The rows of a workbook's largest sheet, from the range it declares at its top
    (Excel, LibreOffice and openpyxl write it); without one, a rough size per row of
    the sheet's XML. Not the file's size: pictures in a workbook of ten rows made it
    look like twenty thousand, and the import rebuilt every index of the store."""
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(path) as book:
            sheets = [
                info
                for info in book.infolist()
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            ]
            if not sheets:
                return 0
            largest = max(sheets, key=lambda info: info.file_size)
            with book.open(largest) as handle:
                head = handle.read(4096)
    except (OSError, EOFError, ValueError, KeyError, RuntimeError, zipfile.BadZipFile, zlib.error):
        return 0  # a damaged file: the import itself says what is wrong with it
    found = _DIMENSION.search(head)
    return int(found.group(1)) if found else largest.file_size // 600


# Up to this many reports in the store after the import, its indexes may be built
# at the end: each build sorts its keys in memory (about 80 MB for the largest at
# 1,000,000 reports, 224 MB peak in all), and the memory must stay under 300 MB
# whatever the size. Beyond it, the indexes are kept up to date row by row
# (about 205 MB at any size).
DEFER_MAX_REPORTS = 1_500_000


def _large_against_store(path: Path, raw: Any) -> bool:
    """Whether the file has at least as many rows as the store has reports (a first
    import, a store's history brought in from a spreadsheet), and the two together
    stay within ``DEFER_MAX_REPORTS``: then building the indexes once at the end
    costs less than keeping them up to date row by row."""
    (reports,) = raw.execute("SELECT coalesce(max(id), 0) FROM report").fetchone()
    rows = _estimated_rows(path)
    return int(reports) <= rows and rows + int(reports) <= DEFER_MAX_REPORTS


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
