"""report.pdf of the evidence pack: the same content as index.html, paginated for print,
written as PDF/A-2u (ISO 19005-2, level U: archival, text extractable as Unicode).

fpdf2 with HarfBuzz shaping (uharfbuzz) and the bundled Noto fonts: Latin text in
Noto Sans, Burmese in Noto Sans Myanmar through fpdf2's font fallback, so stacked
consonants and vowel signs are shaped, not drawn as boxes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from PIL import Image, UnidentifiedImageError

from desktop_app.core.errors import AppError
from desktop_app.export.cases import (
    AttachmentRecord,
    CaseRecord,
    ReportRecord,
    display_time,
)
from desktop_app.export.html import CAPTURE_SOURCES
from desktop_app.export.lang import (
    category_name,
    channel_name,
    current,
    indicator_label,
    outcome_name,
    shown,
    t,
)
from desktop_app.export.output import Steps
from desktop_app.export.redact import Redaction
from desktop_app.indicators.compute import Indicators
from desktop_app.indicators.labels import LINES, display_value, label_for, value_at
from desktop_app.paths import resource_path

log = logging.getLogger(__name__)

LATIN = "NotoSans"
MYANMAR = "NotoSansMyanmar"
FONTS = (
    (LATIN, "", "NotoSans-Regular.ttf"),
    (LATIN, "B", "NotoSans-Bold.ttf"),
    (MYANMAR, "", "NotoSansMyanmar-Regular.ttf"),
    (MYANMAR, "B", "NotoSansMyanmar-Bold.ttf"),
)
MAX_IMAGE_HEIGHT_MM = 170.0
# Screenshots are shown in the PDF as JPEG copies at this resolution at most (the
# originals stay byte for byte under data/): fpdf2 would otherwise decode and deflate
# every full-size PNG again and keep it in memory until the end.
IMAGE_DPI = 200
JPEG_QUALITY = 85
# Text that lays out the same without HarfBuzz: ASCII, Latin-1, Latin Extended A/B and
# IPA (below the combining marks at U+0300), and general punctuation and currency signs
# (without the zero-width and direction-changing controls).
_PLAIN = re.compile(r"[\u0000-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20cf]*")


def needs_shaping(text: str) -> bool:
    """True when ``text`` has a character that HarfBuzz must shape (Burmese, marks...)."""
    return _PLAIN.fullmatch(text) is None


def _jpeg_copy(data: bytes, width_mm: float, height_mm: float) -> bytes:
    """A JPEG of the image ``data`` at most IMAGE_DPI at the size it is shown, on white."""
    with Image.open(BytesIO(data)) as image:
        target = (
            max(1, round(width_mm / 25.4 * IMAGE_DPI)),
            max(1, round(height_mm / 25.4 * IMAGE_DPI)),
        )
        image.draft("RGB", target)  # JPEG sources decode at a reduced size directly
        if image.mode in ("RGBA", "LA", "PA") or (
            image.mode == "P" and "transparency" in image.info
        ):
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
        else:
            flat = image.convert("RGB")
    if flat.width > target[0] or flat.height > target[1]:
        flat = flat.resize(
            (min(flat.width, target[0]), min(flat.height, target[1])), Image.Resampling.LANCZOS
        )
    out = BytesIO()
    flat.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False)
    return out.getvalue()


PDF_PROFILE = "PDF/A-2U"
GREY = (87, 96, 106)
BLACK = (31, 35, 40)
HEADING = FontFace(emphasis="BOLD", fill_color=(246, 248, 250))


class FontsMissingError(AppError):
    """The bundled fonts are not where the installation should have put them."""


class _Report(FPDF):
    """A4 pages with a running footer naming the pack and the page."""

    def __init__(self, footer_text: str) -> None:
        # PDF/A-2u: archival, every font embedded, sRGB output intent, XMP metadata, and
        # every glyph mapped to Unicode so the text layer reads as the text shown.
        super().__init__(
            orientation="portrait", unit="mm", format="A4", enforce_compliance=PDF_PROFILE
        )
        self.footer_text = footer_text
        # HarfBuzz settings (set_text_shaping), used only for the text that needs them.
        self.shaping: dict[str, Any] | None = None

    def _shape_for(self, text: object) -> None:
        # HarfBuzz shaping makes fpdf2's line breaking measure each line again for every
        # character (2/3 of the PDF's time for long captions); Latin text lays out the
        # same without it, so it is on only for text that needs it (Burmese and the rest).
        self.text_shaping = self.shaping if needs_shaping(str(text or "")) else None

    def multi_cell(
        self, w: float, h: float | None = None, text: str = "", *args: Any, **kwargs: Any
    ) -> Any:
        self._shape_for(text)
        return super().multi_cell(w, h, text, *args, **kwargs)

    def cell(
        self,
        w: float | None = None,
        h: float | None = None,
        text: str = "",
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        self._shape_for(text)
        return super().cell(w, h, text, *args, **kwargs)

    def pin_font(self) -> None:
        """Set the current font at page level, outside any q/Q block.

        fpdf2 2.8 sets a page's font lazily inside the first text line's q/Q block when
        the text is coloured, so the lines after it lose their font ("No font in show"
        in Poppler; the text is not drawn). Setting it at page level avoids that.
        """
        if self.current_font is not None and self.page > 0:
            self._out(self._set_font_for_page(self.current_font, self.font_size_pt))

    def use_font(self, style: str = "", size: float = 9.5) -> None:
        self.set_font(LATIN, style, size)
        self.pin_font()

    def header(self) -> None:
        self.pin_font()

    def footer(self) -> None:
        self.set_y(-12)
        self.use_font(size=7.5)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.footer_text}  ·  {t('page')} {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(*BLACK)


def _setup(footer_text: str) -> _Report:
    pdf = _Report(footer_text)
    for family, style, name in FONTS:
        path = resource_path("fonts", name)
        if not path.is_file():
            raise FontsMissingError(f"font {name} is missing from {path.parent}: reinstall Caselog")
        pdf.add_font(family, style, str(path))
    pdf.set_fallback_fonts([MYANMAR], exact_match=False)
    pdf.set_text_shaping(True)
    pdf.shaping = pdf.text_shaping
    pdf.set_margins(16, 16, 16)
    pdf.set_auto_page_break(True, margin=18)
    pdf.alias_nb_pages()
    pdf.set_creator("Caselog")
    return pdf


CHECK_EN = (
    "To check the pack: run 'caselog-cli verify-pack' on the ZIP file or its unpacked "
    "folder (or 'sha256sum -c SHA256SUMS' in that folder). That proves only that the pack "
    "is unchanged since the key above signed it, and anyone can make a key. Before you "
    "trust it, get the organisation's fingerprint another way (ask them on a call you "
    "place, or read it on their own website) and compare it with the one verify-pack "
    "prints. Never compare it with the fingerprint printed here: whoever made the pack "
    "also wrote this page."
)


def _z(text: str) -> str:
    """Zawgyi shown as its Unicode reading, marked; the original stays in case.json."""
    seen = shown(text)
    if seen.zawgyi_original is None:
        return seen.text
    return f"{seen.text} {t('(converted from Zawgyi; the text as entered is in case.json)')}"


def _when(value: datetime | None, tz: ZoneInfo) -> str:
    return display_time(value, tz)


class _Writer:
    """Lays out the report one block at a time."""

    def __init__(self, pdf: _Report, tz: ZoneInfo, read_blob: Callable[[str], bytes]) -> None:
        self.pdf = pdf
        self.tz = tz
        self.read_blob = read_blob

    def heading(self, text: str, size: float = 15, *, space: float = 4) -> None:
        pdf = self.pdf
        pdf.ln(space)
        if pdf.will_page_break(size * 1.6):
            pdf.add_page()
        pdf.use_font("B", size)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)
        pdf.use_font(size=9.5)

    def para(self, text: str, *, size: float = 9.5, grey: bool = False) -> None:
        pdf = self.pdf
        pdf.use_font(size=size)
        if grey:
            pdf.set_text_color(*GREY)
        pdf.multi_cell(0, size * 0.55, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*BLACK)

    def facts(self, rows: list[tuple[str, str]]) -> None:
        pdf = self.pdf
        for label, value in rows:
            pdf.use_font(size=9)
            pdf.set_text_color(*GREY)
            y = pdf.get_y()
            if pdf.will_page_break(6):
                pdf.add_page()
                y = pdf.get_y()
            pdf.multi_cell(38, 5, label, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
            pdf.set_text_color(*BLACK)
            pdf.set_xy(pdf.l_margin + 40, y)
            pdf.multi_cell(0, 5, value or "-", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def quote(self, text: str) -> None:
        pdf = self.pdf
        pdf.use_font(size=10.5)
        pdf.set_fill_color(246, 248, 250)
        pdf.ln(1)
        seen = shown(text)
        pdf.multi_cell(
            0,
            6.5,
            seen.text,
            fill=True,
            padding=2,
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        if seen.zawgyi_original is not None:
            self.para(
                t("(converted from Zawgyi; the text as entered is in case.json)"),
                size=7.5,
                grey=True,
            )
        pdf.ln(1)

    def table(
        self,
        header: tuple[str, ...],
        rows: Sequence[tuple[str, ...]],
        widths: tuple[float, ...],
    ) -> None:
        pdf = self.pdf
        pdf.use_font(size=8.5)
        align = tuple("RIGHT" if w <= 24 and i else "LEFT" for i, w in enumerate(widths))
        with pdf.table(
            col_widths=widths,
            width=sum(widths),
            align="LEFT",
            text_align=align,
            line_height=4.6,
            borders_layout="HORIZONTAL_LINES",
            headings_style=HEADING,
            padding=1.2,
        ) as table:
            head = table.row()
            for name in header:
                head.cell(name)
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(value)
        pdf.use_font(size=9.5)
        pdf.ln(2)

    def image(self, item: AttachmentRecord) -> None:
        pdf = self.pdf
        caption = (
            f"{item.original_name} · {item.size:,} {t('bytes')} · {t('attached to the record')} "
            f"{_when(item.attached_at, self.tz)}"
            + (f" · {t('by')} {_z(item.captured_by)}" if item.captured_by else "")
            + (
                f" · {t('taken')} {_when(item.captured_at, self.tz)} "
                f"({t(CAPTURE_SOURCES.get(item.capture_source, item.capture_source))})"
                if item.captured_at is not None
                else f" · {t('when it was taken is not known')}"
            )
            + (f" · {_z(item.note)}" if item.note else "")
            + f"\nSHA-256 {item.sha256} · {t('file in this pack')}: {item.pack_path}"
        )
        shown = False
        if item.is_image:
            data = self.read_blob(item.sha256)
            try:
                with Image.open(BytesIO(data)) as probe:
                    width_px, height_px = probe.size
            except (UnidentifiedImageError, OSError):
                width_px = height_px = 0
            if width_px and height_px:
                width = pdf.epw
                height = width * height_px / width_px
                if height > MAX_IMAGE_HEIGHT_MM:
                    height = MAX_IMAGE_HEIGHT_MM
                    width = height * width_px / height_px
                try:
                    copy = _jpeg_copy(data, width, height)
                except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
                    copy = b""  # the header reads but the pixels do not: not shown
                if copy:
                    if pdf.will_page_break(height + 12):
                        pdf.add_page()
                    pdf.image(BytesIO(copy), x=pdf.l_margin, y=pdf.get_y(), w=width, h=height)
                    pdf.set_y(pdf.get_y() + height + 1.5)
                    shown = True
        if not shown:
            caption = "(not shown here; open the file in the pack) " + caption
        self.para(caption, size=7.5, grey=True)
        pdf.ln(2)


def _indicators(w: _Writer, result: Indicators) -> None:
    data = result.to_json()
    rows = [
        (
            indicator_label(
                line.key,
                label_for(line, result),
                sla=result.params.sla_hours,
                threshold=result.params.repeat_threshold,
            ),
            display_value(value_at(data, line.key), line.kind),
            line.key,
        )
        for line in LINES
    ]
    w.table((t("Indicator"), t("Value"), t("Key")), rows, (104, 22, 52))
    if result.by_month:
        w.heading(t("By month"), 12)
        months = [
            (
                m.month,
                f"{m.reports_total:,}",
                f"{m.reports_removed:,}",
                f"{m.reports_actioned:,}",
                display_value(m.response_hours_mean, "hours"),
                f"{m.reports_over_sla:,}",
            )
            for m in result.by_month
        ]
        sla = t("Over {0} h").format(f"{result.params.sla_hours:g}")
        w.table(
            (
                t("Month"),
                t("Reports"),
                t("Removed"),
                t("Actioned"),
                t("Mean hours to decision"),
                sla,
            ),
            months,
            (30, 24, 24, 24, 24, 24),
        )


def _report_rows(report: ReportRecord, tz: ZoneInfo) -> tuple[str, ...]:
    when = _when(report.reported_at, tz) + (
        "" if report.in_period else "\n" + t("(outside the period)")
    )
    return (
        when,
        _z(report.reporter) or "-",
        channel_name(report.channel) or "-",
        outcome_name(report.final_outcome) or t("no final decision yet"),
        display_value(report.hours_to_final, "hours"),
    )


def _case(w: _Writer, case: CaseRecord, steps: Steps) -> None:
    pdf = w.pdf
    tz = w.tz
    pdf.add_page()
    w.heading(t("Case {0}").format(case.case_ref), 15, space=0)
    # Named at the top, so it cannot be left alone on a page of its own.
    w.para(f"{t('Record')}: {case.folder}/case.json", size=7.5, grey=True)
    author = t("unknown")
    if case.author is not None:
        author = _z(case.author.handle)
        if case.author.display_name:
            author += f" ({_z(case.author.display_name)})"
        if case.author.suspected_fake:
            author += f" · {t('suspected fake account')}"
    facts = [
        (t("Platform"), case.platform),
        (t("Author"), author),
        (t("Link"), case.url),
        (t("Post reference"), case.post_ref),
        (t("Category"), category_name(case.category) or t("uncategorised")),
        (t("Language"), case.language),
        (t("Posted at"), _when(case.posted_at, tz)),
        (t("Logged at"), _when(case.logged_at, tz)),
    ]
    if case.notes:
        facts.append((t("Notes"), _z(case.notes)))
    w.facts(facts)
    if case.content:
        w.quote(case.content)
    if case.attachments:
        w.heading(t("Evidence"), 12)
        for item in case.attachments:
            steps.check()
            w.image(item)
    w.heading(t("Reports and the platform's responses"), 12)
    w.table(
        (t("Reported at"), t("Reporter"), t("Channel"), t("Final outcome"), t("Hours to decision")),
        [_report_rows(r, tz) for r in case.reports],
        (46, 40, 28, 44, 20),
    )
    for report in case.reports:
        if not report.responses and not report.notes:
            continue
        w.para(f"{t('Reported at')} {_when(report.reported_at, tz)}:", size=9)
        for response in report.responses:
            line = f"  {_when(response.received_at, tz)}: {outcome_name(response.outcome)}"
            for label, value in (
                ("restriction", response.restriction_type),
                ("ground", response.ground),
                ("platform reference", response.platform_ref),
                ("notes", response.notes),
            ):
                if value:
                    line += f"; {t(label)}: {_z(value)}"
            w.para(line, size=9)
            if response.text:
                w.quote(response.text)
            for item in response.attachments:
                w.image(item)
        if report.notes:
            w.para(f"  {t('Notes')}: {_z(report.notes)}", size=9)


def render_pdf(
    *,
    result: Indicators,
    cases: list[CaseRecord],
    organisation: str,
    fingerprint: str,
    pack_id: str,
    made_at: datetime,
    redaction: Redaction,
    read_blob: Callable[[str], bytes],
    steps: Steps,
) -> bytearray:
    """The report as PDF bytes. ``read_blob(sha256)`` gives an attachment's bytes.

    fpdf2 keeps every embedded image until the end: screenshots are shown as JPEG
    copies of at most IMAGE_DPI (``_jpeg_copy``), so memory grows with those copies,
    not with the originals (which the pack keeps byte for byte under data/).
    """
    tz = result.params.tz
    pdf = _setup(f"{t('Evidence pack')} {pack_id}")
    pdf.set_title(f"{t('Evidence pack')} {pack_id}")
    pdf.set_lang(current())
    pdf.set_author(organisation or "Caselog")
    pdf.set_creation_date(made_at)
    w = _Writer(pdf, tz, read_blob)
    pdf.add_page()
    w.heading(t("Evidence pack"), 20, space=0)
    period = result.to_json()["period"]
    w.facts(
        [
            (t("Organisation"), organisation or t("(no name set)")),
            (t("Made at"), _when(made_at, tz)),
            (t("Pack"), pack_id),
            (t("Signing key"), fingerprint),
            (t("Cases"), f"{len(cases):,}"),
            (
                t("Period"),
                t("{0} to {1}").format(
                    period["from"] or t("first report"), period["to"] or t("last report")
                ),
            ),
            (t("Time zone"), period["tz"]),
            (t("Pending aged as of"), period["as_of"]),
            (
                t("Target (SLA)"),
                t("{0} hours to a final decision").format(f"{result.params.sla_hours:g}"),
            ),
        ]
    )
    pdf.ln(2)
    if redaction.fields:
        removed = "; ".join(f"{k} ({v})" for k, v in redaction.describe().items())
        w.para(
            t(
                "Removed from this pack before it was written: {0}. Links, post text and "
                "screenshots are kept as captured and may still show names."
            ).format(removed)
        )
    else:
        w.para(t("Nothing was removed (no redaction)."))
    w.para(
        CHECK_EN if current() == "en" else t("CHECK"),
        grey=True,
    )
    w.heading(t("Indicators"), 15)
    _indicators(w, result)
    for index, case in enumerate(cases, 1):
        steps.check()
        steps.report(index - 1, len(cases), "laying out the PDF")
        _case(w, case, steps)
    steps.report(len(cases), len(cases), "laying out the PDF")
    output = pdf.output()  # not copied again: a pack's PDF can be hundreds of MB
    del pdf
    return output
