"""The indicator workbook of EXCEL.md, written with openpyxl in write-only mode.

Rows are streamed from SQL straight into the sheet, so 100,000 reports never sit in
memory. Every figure on the Indicators sheet is the value of ``compute_indicators``
for the same parameters, read in the same transaction as the Reports sheet, so a
reader can recompute each one from the Reports sheet alone.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as xml_escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet import _writer as openpyxl_writer
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Connection

from desktop_app import __version__
from desktop_app.core.errors import AppError
from desktop_app.core.timeutil import now_utc
from desktop_app.export.data import (
    MAX_LIST_ITEMS,
    DuplicateCluster,
    ReportRow,
    count_reports,
    duplicate_clusters,
    iter_report_rows,
    repeat_offenders,
    snapshot,
)
from desktop_app.export.lang import (
    PENDING,
    ZAWGYI_NOTE,
    category_name,
    check_lang,
    indicator_label,
    outcome_name,
    shown,
    t,
    using,
)
from desktop_app.export.output import (
    CancelCheck,
    Progress,
    Steps,
    check_target,
    clean_leftovers,
    scratch_path,
    write_private,
)
from desktop_app.export.redact import NO_REDACTION, Redaction
from desktop_app.indicators.compute import IndicatorParams, Indicators, compute_on
from desktop_app.indicators.labels import LINES, label_for, value_at
from desktop_app.store.engine import Store
from desktop_app.store.repository import get_organisation

log = logging.getLogger(__name__)
_TRANSLATED_VALUES = frozenset({"(no name set)", "the first report", "no end"})
_SCRATCH_LOCK = threading.Lock()

MYANMAR_FONT = "Noto Sans Myanmar"  # named on every column that may hold Burmese text
TEXT = Font(name=MYANMAR_FONT)
BOLD = Font(name="Calibri", bold=True)  # the workbook's default font, in bold
TITLE = Font(name=MYANMAR_FONT, bold=True, size=14)
HOURS_FORMAT = "#,##0.0"
COUNT_FORMAT = "#,##0"
RATE_FORMAT = "0.0%"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
MAX_CELL_CHARS = 32_000  # Excel's limit is 32,767
ROWS_PER_CHECK = 2_000
TOP = Alignment(vertical="top")
KEY_ALIGN = Alignment(indent=1)
TABLE_STYLE = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)


@dataclass(frozen=True)
class WorkbookResult:
    """What was written: the file, its report count and the figures on its first sheet."""

    path: Path
    reports: int
    indicators: Indicators


def clean_text(value: str) -> str:
    """Text a cell can hold: no XML-illegal control characters, within Excel's limit."""
    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    if len(value) > MAX_CELL_CHARS:
        value = value[:MAX_CELL_CHARS] + " [cut: longer than an Excel cell holds]"
    return value


class _Column:
    """One column of a streamed table: its header, width and a reusable styled cell."""

    def __init__(
        self,
        ws: WriteOnlyWorksheet,
        header: str,
        width: float,
        *,
        font: Font | None = None,
        number_format: str | None = None,
    ) -> None:
        self.header = header
        self.width = width
        self.cell = WriteOnlyCell(ws)
        self.cell.alignment = TOP  # rows mix Burmese and Latin fonts of unequal height
        if font is not None:
            self.cell.font = font
        if number_format is not None:
            self.cell.number_format = number_format

    def __call__(self, value: Any) -> Any:
        """The cell for ``value`` (None for an empty cell). Text never becomes a formula."""
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)  # Excel has no zones; the header names it
        elif isinstance(value, str):
            value = clean_text(value)
        self.cell.value = value
        if isinstance(value, str) and self.cell.data_type == "f":
            self.cell.data_type = "s"  # a post or handle starting with "=" stays text
        return self.cell


class _Sheet:
    """A write-only sheet with a header row, a frozen header and an Excel table."""

    def __init__(self, wb: Workbook, title: str, table_name: str) -> None:
        self.ws: WriteOnlyWorksheet = wb.create_sheet(title)
        self.table_name = table_name
        self.columns: list[_Column] = []
        self.rows = 0
        self.header_row = 1

    def column(self, header: str, width: float, **style: Any) -> _Column:
        col = _Column(self.ws, header, width, **style)
        self.columns.append(col)
        return col

    def start(self, lead: Sequence[Sequence[Any]] = ()) -> None:
        """Set widths, write any lead rows, then the header (bold, frozen)."""
        for index, col in enumerate(self.columns, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = col.width
        self.header_row = len(lead) + 1
        self.ws.freeze_panes = f"A{self.header_row + 1}"
        self.ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        _fit_to_page_width(self.ws, landscape=sum(col.width for col in self.columns) > 110)
        for row in lead:
            self.ws.append(list(row))
        header = []
        for col in self.columns:
            cell = WriteOnlyCell(self.ws, value=col.header)
            cell.font = BOLD
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            header.append(cell)
        self.ws.append(header)

    def append(self, values: Iterable[Any]) -> None:
        self.ws.append([col(value) for col, value in zip(self.columns, values, strict=True)])
        self.rows += 1

    def finish(self, empty_note: str) -> None:
        """Make the rows an Excel table (filters on every column) or say there are none."""
        if self.rows == 0:
            self.ws.append([empty_note])
            return
        last = get_column_letter(len(self.columns))
        ref = f"A{self.header_row}:{last}{self.header_row + self.rows}"
        table = Table(
            displayName=self.table_name,
            ref=ref,
            autoFilter=AutoFilter(ref=ref),  # the filter buttons on every header
            tableStyleInfo=TABLE_STYLE,
            tableColumns=[
                TableColumn(id=index, name=col.header) for index, col in enumerate(self.columns, 1)
            ],
        )
        with warnings.catch_warnings():
            # openpyxl warns in write-only mode unless columns are set; they are, above.
            warnings.simplefilter("ignore", UserWarning)
            self.ws.add_table(table)


def _fit_to_page_width(ws: WriteOnlyWorksheet, *, landscape: bool) -> None:
    """Printed or converted to PDF, every column fits across the page."""
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _local_iso(value: datetime | None, params: IndicatorParams) -> str:
    return "" if value is None else value.astimezone(params.tz).isoformat()


REPORT_NOTES = (
    "Every figure can be recomputed from the Reports sheet: one row per report of the period.",
    "Case = the post. An author account is Platform + Author account; empty = unknown.",
    "Reporter is shown as compared (trimmed, lower-case); empty = unknown.",
    "Hours are exact (seconds / 3600); times are in {tz}; Month is the month of Reported at.",
    "Over SLA: decided more than {sla} hours after the report, or still waiting more than "
    "{sla} hours at {as_of}.",
    "An empty value means there is nothing to measure (for example, no decisions yet).",
)


def _indicators_sheet(
    wb: Workbook,
    result: Indicators,
    organisation: str,
    made_at: datetime,
    redaction: Redaction,
) -> None:
    params = result.params
    ws: WriteOnlyWorksheet = wb.create_sheet("Indicators")
    for letter, width in (("A", 62), ("B", 28), ("C", 34)):
        ws.column_dimensions[letter].width = width
    _fit_to_page_width(ws, landscape=False)
    text = _Column(ws, "", 0, font=TEXT)
    title = WriteOnlyCell(ws, value=t("Platform response indicators"))
    title.font = TITLE
    ws.append([title])
    data = result.to_json()
    period = data["period"]
    about: list[tuple[str, Any, str]] = [
        ("Organisation", organisation or "(no name set)", "organisation"),
        ("Period from (reported on or after)", period["from"] or "the first report", "period.from"),
        ("Period to (reported before)", period["to"] or "no end", "period.to"),
        ("Time zone of dates and months", period["tz"], "period.tz"),
        ("Pending reports aged as of", period["as_of"], "period.as_of"),
        ("Target time to a final decision (SLA), hours", params.sla_hours, "sla_hours"),
        ("Posts that make a repeat offender", params.repeat_threshold, "repeat_threshold"),
    ]
    if params.platform is not None:
        about.append(("Only the platform", params.platform, "platform"))
    if params.category is not None:
        about.append(("Only the category", category_name(params.category), "category"))
    if params.case_refs:
        refs = list(params.case_refs)
        # A cell holds at most 32,767 characters: long selections are summarised.
        shown = (
            ", ".join(refs)
            if len(refs) <= 50
            else (
                f"{len(refs):,} cases: {', '.join(refs[:20])}, … (all listed on the Reports sheet)"
            )
        )
        about.append(("Only the cases", shown, "cases"))
    if redaction.fields:
        about.append(("Fields removed (redacted)", ", ".join(sorted(redaction.fields)), ""))
    about.append(("Made at", _local_iso(made_at.replace(microsecond=0), params), ""))
    about.append(("Made with", f"Caselog {__version__}", ""))
    for label, value, key in about:
        shown_value = t(value) if isinstance(value, str) and value in _TRANSLATED_VALUES else value
        ws.append([t(label), text(shown_value) if isinstance(value, str) else value, key or None])
    ws.append([])
    header = []
    for name in ("Indicator", "Value", "Key (as in caselog-cli stats --json)"):
        cell = WriteOnlyCell(ws, value=t(name))
        cell.font = BOLD
        header.append(cell)
    ws.append(header)
    formats = {"count": COUNT_FORMAT, "hours": HOURS_FORMAT, "rate": RATE_FORMAT}
    for line in LINES:
        value = value_at(data, line.key)
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = formats[line.kind]
        key = WriteOnlyCell(ws, value=line.key)
        key.alignment = KEY_ALIGN
        label = indicator_label(
            line.key,
            label_for(line, result),
            sla=params.sla_hours,
            threshold=params.repeat_threshold,
        )
        ws.append([label, cell, key])
    ws.append([])
    for note in REPORT_NOTES:
        ws.append(
            [note.format(tz=params.tz.key, sla=f"{params.sla_hours:g}", as_of=period["as_of"])]
        )


def _monthly_sheet(wb: Workbook, result: Indicators) -> None:
    sheet = _Sheet(wb, "Monthly", "Monthly")
    sheet.column("Month", 10)
    sheet.column("Reports", 10, number_format=COUNT_FORMAT)
    sheet.column("Removed", 10, number_format=COUNT_FORMAT)
    sheet.column("Actioned", 10, number_format=COUNT_FORMAT)
    sheet.column("Mean hours to final decision", 16, number_format=HOURS_FORMAT)
    sheet.column(f"Over {result.params.sla_hours:g} hours", 12, number_format=COUNT_FORMAT)
    sheet.start()
    for month in result.by_month:
        sheet.append(
            (
                month.month,
                month.reports_total,
                month.reports_removed,
                month.reports_actioned,
                month.response_hours_mean,
                month.reports_over_sla,
            )
        )
    sheet.finish("No reports in this period.")
    if not result.by_month:
        return
    last = sheet.rows + 1
    bars = BarChart()
    bars.type = "col"
    bars.title = "Reports, removals and mean hours to a final decision, per month"
    bars.y_axis.title = "Reports"
    counts = Reference(sheet.ws, min_col=2, max_col=3, min_row=1, max_row=last)
    bars.add_data(counts, titles_from_data=True)
    months = Reference(sheet.ws, min_col=1, min_row=2, max_row=last)
    bars.set_categories(months)
    line = LineChart()
    line.add_data(Reference(sheet.ws, min_col=5, min_row=1, max_row=last), titles_from_data=True)
    line.set_categories(months)
    for series in line.series:
        series.smooth = False  # straight segments: a curve would invent values between months
    line.y_axis.axId = 200
    line.y_axis.title = "Mean hours"
    line.y_axis.crosses = "max"
    line.y_axis.majorGridlines = None
    for axis in (bars.x_axis, bars.y_axis, line.y_axis):
        axis.delete = False
    bars += line
    bars.height = 10
    bars.width = 24
    bars.legend.position = "b"
    sheet.ws.add_chart(bars, "H2")


def _platforms_sheet(wb: Workbook, result: Indicators) -> None:
    sheet = _Sheet(wb, "Platforms", "Platforms")
    sheet.column("Platform", 18, font=TEXT)
    sheet.column("Reports", 10, number_format=COUNT_FORMAT)
    sheet.column("Removed", 10, number_format=COUNT_FORMAT)
    sheet.column("Mean hours to final decision", 16, number_format=HOURS_FORMAT)
    sheet.column("Median hours to final decision", 16, number_format=HOURS_FORMAT)
    sheet.column(f"Over {result.params.sla_hours:g} hours", 12, number_format=COUNT_FORMAT)
    sheet.start()
    for row in result.by_platform:
        sheet.append(
            (
                row.platform,
                row.reports_total,
                row.reports_removed,
                row.response_hours_mean,
                row.response_hours_median,
                row.reports_over_sla,
            )
        )
    sheet.finish("No reports in this period.")


NAME_HEADER = "Category (plain name)"


def _categories_sheet(wb: Workbook, result: Indicators) -> None:
    sheet = _Sheet(wb, "Categories", "Categories")
    sheet.column("Category", 24, font=TEXT)
    sheet.column("Reports", 10, number_format=COUNT_FORMAT)
    sheet.column("Removed", 10, number_format=COUNT_FORMAT)
    sheet.column(NAME_HEADER, 30, font=TEXT)
    sheet.start()
    for row in result.by_category:
        sheet.append(
            (row.category, row.reports_total, row.reports_removed, category_name(row.category))
        )
    sheet.finish("No reports in this period.")


def _reports_sheet(wb: Workbook, params: IndicatorParams, total: int) -> _Sheet:
    """The Reports sheet's header, widths, frozen header and table (sized for ``total``).

    Its rows are streamed later by ``_splice_report_rows``.
    """
    tz = params.tz.key
    sheet = _Sheet(wb, "Reports", "Reports")
    sheet.column("Case", 11)
    sheet.column("Post link or reference", 40, font=TEXT)
    sheet.column("Platform", 12, font=TEXT)
    sheet.column("Category", 15, font=TEXT)
    sheet.column("Author account", 20, font=TEXT)
    sheet.column("Author suspected fake", 11)
    sheet.column("Duplicate group", 11)
    sheet.column("Reporter", 18, font=TEXT)
    sheet.column("Channel", 13)
    sheet.column("Platform's report reference", 16, font=TEXT)
    sheet.column(f"Reported at ({tz})", 17, number_format=TIME_FORMAT)
    sheet.column("Month", 9)
    sheet.column(f"First response at ({tz})", 17, number_format=TIME_FORMAT)
    sheet.column(f"Final decision at ({tz})", 17, number_format=TIME_FORMAT)
    sheet.column("Final outcome", 18)
    sheet.column("Hours to first response", 11, number_format=HOURS_FORMAT)
    sheet.column("Hours to final decision", 11, number_format=HOURS_FORMAT)
    sheet.column(f"Over SLA ({params.sla_hours:g} h)", 10)
    sheet.column("Hours waiting at as-of (no decision yet)", 13, number_format=HOURS_FORMAT)
    # Label columns: the plain names of the Category and Final outcome codes above, in
    # the export's language (the code columns stay codes, to filter and recompute on).
    sheet.column("Category (plain name)", 22, font=TEXT)
    sheet.column("Final outcome (plain name)", 22, font=TEXT)
    sheet.start()
    sheet.rows = total
    sheet.finish("No reports in this period.")
    return sheet


def _report_values(row: ReportRow) -> tuple[Any, ...]:
    return (
        row.case_ref,
        row.post_link,
        row.platform,
        row.category,
        row.author,
        _yes(row.author_fake) if row.author else "",
        row.duplicate_group,
        row.reporter,
        row.channel,
        row.platform_ref,
        row.reported_at,
        row.month,
        row.first_response_at,
        row.final_response_at,
        row.final_outcome or PENDING,
        row.hours_to_first,
        row.hours_to_final,
        _yes(row.over_sla),
        row.pending_hours,
        category_name(row.category),
        outcome_name(row.final_outcome or PENDING),
    )


class _RowXml:
    """Serialises Reports rows straight to SpreadsheetML.

    openpyxl's pure-Python XML writer spends about 12 microseconds per cell, too slow
    for 100,000 reports; these rows are plain text joined once per row. Text goes in
    as inline strings, so nothing a post or handle says can become a formula.
    """

    def __init__(self, sheet: _Sheet) -> None:
        self.letters = [get_column_letter(i) for i in range(1, len(sheet.columns) + 1)]
        self.styles = [col.cell.style_id for col in sheet.columns]
        self.first_row = sheet.header_row + 1

    def row(self, index: int, values: Sequence[Any]) -> str:
        r = self.first_row + index
        cells = []
        for letter, style, value in zip(self.letters, self.styles, values, strict=True):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                text = xml_escape(clean_text(value))
                space = ' xml:space="preserve"' if text != text.strip() else ""
                cells.append(
                    f'<c r="{letter}{r}" s="{style}" t="inlineStr">'
                    f"<is><t{space}>{text}</t></is></c>"
                )
            elif isinstance(value, datetime):
                serial = to_excel(value.replace(tzinfo=None))
                cells.append(f'<c r="{letter}{r}" s="{style}"><v>{serial!r}</v></c>')
            else:
                cells.append(f'<c r="{letter}{r}" s="{style}"><v>{value!r}</v></c>')
        return f'<row r="{r}">{"".join(cells)}</row>'


def _splice_report_rows(
    base: Path | BinaryIO,
    target: Path | BinaryIO,
    sheet: _Sheet,
    serialiser: _RowXml,
    rows: Iterable[ReportRow],
    total: int,
    steps: Steps,
) -> int:
    """Copy the workbook ``base`` to ``target`` with the report rows streamed into the
    Reports sheet, which openpyxl wrote with its header only."""
    part = sheet.ws.path.lstrip("/")
    written = 0
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != part:
                out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
                continue
            xml = data.decode("utf-8")
            if xml.count("</sheetData>") != 1:
                raise AppError("the Reports sheet could not be written; please report this bug")
            head, tail = xml.split("</sheetData>")
            last = f"{serialiser.letters[-1]}{sheet.header_row + total}"
            head = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="A1:{last}"', head, count=1)
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with out.open(entry, "w", force_zip64=total > 1_000_000) as stream:
                stream.write(head.encode("utf-8"))
                batch: list[str] = []
                for row in rows:
                    batch.append(serialiser.row(written, _report_values(row)))
                    written += 1
                    if written % ROWS_PER_CHECK == 0:
                        stream.write("".join(batch).encode("utf-8"))
                        batch = []
                        steps.check()
                        steps.report(written, total, "writing reports")
                stream.write("".join(batch).encode("utf-8"))
                stream.write(("</sheetData>" + tail).encode("utf-8"))
    if written != total:
        raise AppError(
            f"the store changed while the workbook was written ({written} of {total} reports); "
            "export again"
        )
    steps.report(written, total, "writing reports")
    return written


def _repeat_sheet(
    wb: Workbook, conn: Connection, params: IndicatorParams, redaction: Redaction
) -> None:
    sheet = _Sheet(wb, "Repeat offenders", "RepeatOffenders")
    sheet.column("Platform", 12, font=TEXT)
    sheet.column("Author account", 22, font=TEXT)
    sheet.column("Display name", 22, font=TEXT)
    sheet.column("Suspected fake", 10)
    sheet.column("Reported posts", 10, number_format=COUNT_FORMAT)
    sheet.column("Reports", 10, number_format=COUNT_FORMAT)
    for name in ("Removed", "Restricted", "Suspended", "Banned", "No violation", "Pending"):
        sheet.column(name, 10, number_format=COUNT_FORMAT)
    sheet.column("Account status (from the platform's decisions)", 30)
    sheet.start()
    for offender in repeat_offenders(conn, params, redaction):
        sheet.append(
            (
                offender.platform,
                offender.account,
                offender.display_name,
                _yes(offender.suspected_fake),
                offender.posts,
                offender.reports,
                *offender.outcomes.values(),
                offender.status,
            )
        )
    sheet.finish(f"No account has {params.repeat_threshold} or more reported posts.")


def _list_cell(items: list[str], total: int) -> str:
    shown = items[:MAX_LIST_ITEMS]
    text = ", ".join(shown)
    if total > len(shown):
        text += f" ... and {total - len(shown):,} more (filter the Reports sheet on the group)"
    return text


def _duplicates_sheet(wb: Workbook, clusters: list[DuplicateCluster], tz: str) -> None:
    sheet = _Sheet(wb, "Duplicates", "Duplicates")
    sheet.column("Duplicate group", 11)
    sheet.column("Posts", 8, number_format=COUNT_FORMAT)
    sheet.column("Accounts", 9, number_format=COUNT_FORMAT)
    sheet.column(f"First reported ({tz})", 17, number_format=TIME_FORMAT)
    sheet.column(f"Last reported ({tz})", 17, number_format=TIME_FORMAT)
    sheet.column("Text (of the first post)", 50, font=TEXT)
    sheet.column("Cases", 40)
    sheet.column("Author accounts", 40, font=TEXT)
    sheet.start()
    for cluster in clusters:
        refs = cluster.case_refs or []
        accounts = cluster.accounts or []
        sheet.append(
            (
                cluster.group,
                cluster.posts,
                cluster.accounts_total,
                cluster.first_reported,
                cluster.last_reported,
                _reading(cluster.sample),
                _list_cell(refs, len(refs)),
                _list_cell(accounts, cluster.accounts_total),
            )
        )
    sheet.finish("No two posts of this period have the same text.")


def _discard(wb: Workbook) -> None:
    """Remove openpyxl's temporary sheet files now (they hold case data in plain text)."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            try:
                rows.close()  # ends the streamed sheet so its file can be closed
            except Exception:  # noqa: BLE001 - the stream may already be broken
                pass
        try:
            writer.close()
        except Exception:  # noqa: BLE001 - already closed or never started
            pass
        try:
            writer.cleanup()
        except (OSError, ValueError):
            pass


@contextmanager
def _sheets_in_scratch() -> Iterator[None]:
    """openpyxl's write-only sheets go to temporary files; keep them in the app's
    owner-only scratch folder (cleaned at next start) instead of $TMPDIR."""
    original = openpyxl_writer.create_temporary_file

    def create(suffix: str = "") -> str:
        name = str(scratch_path(suffix or ".xml"))
        openpyxl_writer.ALL_TEMP_FILES.append(name)
        return name

    with _SCRATCH_LOCK:
        openpyxl_writer.create_temporary_file = create
        try:
            yield
        finally:
            openpyxl_writer.create_temporary_file = original


def _reading(text: str) -> str:
    """Zawgyi text as its Unicode reading, with the text as entered kept and marked."""
    seen = shown(text)
    if seen.zawgyi_original is None:
        return seen.text
    return f"{seen.text}\n[{t(ZAWGYI_NOTE)} {seen.zawgyi_original}]"


def write_workbook_on(
    conn: Connection,
    params: IndicatorParams,
    path: Path | BinaryIO,
    *,
    organisation: str,
    redaction: Redaction = NO_REDACTION,
    steps: Steps | None = None,
    made_at: datetime | None = None,
    lang: str | None = None,
) -> WorkbookResult:
    """Write the workbook to ``path`` from an open connection (the caller's snapshot).

    ``lang`` ("en" or "my"; None keeps the language already in use) sets the labels;
    sheet names, column headers of the data sheets and keys stay as EXCEL.md names them."""
    if lang is not None:
        with using(lang):
            return write_workbook_on(
                conn,
                params,
                path,
                organisation=organisation,
                redaction=redaction,
                steps=steps,
                made_at=made_at,
            )
    steps = steps or Steps(None, None, "workbook export")
    made_at = made_at or now_utc()
    result = compute_on(conn, params)
    total = count_reports(conn, params)
    steps.report(0, total, "writing reports")
    clusters = duplicate_clusters(conn, params, redaction)
    groups = {cluster.content_key: cluster.group for cluster in clusters}
    wb = Workbook(write_only=True)
    with _sheets_in_scratch():
        return _write_on(
            conn,
            params,
            path,
            wb,
            result,
            total,
            clusters,
            groups,
            organisation,
            redaction,
            steps,
            made_at,
        )


def _write_on(
    conn: Connection,
    params: IndicatorParams,
    path: Path | BinaryIO,
    wb: Workbook,
    result: Indicators,
    total: int,
    clusters: Any,
    groups: dict[Any, Any],
    organisation: str,
    redaction: Redaction,
    steps: Steps,
    made_at: datetime,
) -> WorkbookResult:
    try:
        _indicators_sheet(wb, result, organisation, made_at, redaction)
        _monthly_sheet(wb, result)
        _platforms_sheet(wb, result)
        _categories_sheet(wb, result)
        reports = _reports_sheet(wb, params, total)
        serialiser = _RowXml(reports)  # registers the column styles before saving
        steps.check()
        _repeat_sheet(wb, conn, params, redaction)
        _duplicates_sheet(wb, clusters, params.tz.key)
        steps.check()
        if total == 0:
            wb.save(path if not isinstance(path, Path) else str(path))
        else:
            base = io.BytesIO()  # in memory: no plain copy of the sheets on disk
            wb.save(base)
            rows = iter_report_rows(conn, params, redaction, groups)
            _splice_report_rows(base, path, reports, serialiser, rows, total, steps)
    except BaseException:
        _discard(wb)
        raise
    written = total
    log.info("workbook written: %d reports", written)
    return WorkbookResult(
        path=path if isinstance(path, Path) else Path(), reports=written, indicators=result
    )


def write_workbook(
    store: Store,
    params: IndicatorParams,
    target: str | Path,
    *,
    redaction: Redaction = NO_REDACTION,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    lang: str = "en",
) -> WorkbookResult:
    """Write the indicator workbook of EXCEL.md to ``target`` (``.xlsx``), its labels in
    ``lang`` ("en" English, the default, or "my" Burmese).

    ``progress(done, total, what)`` is called every few thousand reports;
    ``cancelled()`` is checked as often and raises ``Cancelled``. The workbook is built
    in memory and written once (0600), so nothing is left at ``target`` or beside it
    after an error, a cancel or a killed process (see ``output.clean_leftovers``).
    """
    path = check_target(Path(target), ".xlsx")
    lang = check_lang(lang)
    clean_leftovers(path.parent)  # what a killed export left there
    steps = Steps(progress, cancelled, "workbook export")
    with store.session() as session:
        organisation = get_organisation(session).name
    buffer = io.BytesIO()  # in memory: a killed export leaves no plain text on disk
    with snapshot(store) as conn:
        result = write_workbook_on(
            conn,
            params,
            buffer,
            organisation=organisation,
            redaction=redaction,
            steps=steps,
            lang=lang,
        )
    write_private(path, buffer.getbuffer())
    return WorkbookResult(path=path, reports=result.reports, indicators=result.indicators)
