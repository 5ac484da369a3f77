"""index.html of the evidence pack: one self-contained page, no script, nothing remote.

Screenshots are shown from their files inside the pack by relative path, so the page
works from the unpacked folder in any browser with the network off. Links to the
reported posts are printed as text, never made clickable: opening one is a choice.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from desktop_app.export.cases import (
    AttachmentRecord,
    CaseRecord,
    ReportRecord,
    display_time,
)
from desktop_app.export.lang import (
    ZAWGYI_NOTE,
    category_name,
    channel_name,
    current,
    indicator_label,
    outcome_name,
    shown,
    t,
)
from desktop_app.export.redact import Redaction
from desktop_app.indicators.compute import Indicators
from desktop_app.indicators.labels import (
    LINES,
    IndicatorLine,
    display_value,
    label_for,
    value_at,
)

_MYANMAR = range(0x1000, 0x10A0)
# Nothing may load but the pack's own images and this page's style.
CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"

CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Noto Sans Myanmar", "Myanmar Text", "Padauk", Arial,
  sans-serif; color: #1f2328; background: #fff; margin: 0 auto; max-width: 60rem;
  padding: 2rem 1.5rem 4rem; line-height: 1.55; font-size: 15px; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .6rem; padding-bottom: .3rem;
  border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.lead { color: #57606a; margin: 0 0 1.2rem; }
.notice { border-left: 4px solid #bf8700; background: #fff8e5; padding: .6rem .9rem;
  margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem;
  border-bottom: 1px solid #d8dee4; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td code { font-size: .85rem; }
td.sub { padding-left: 1.6rem; }
dl { display: grid; grid-template-columns: 11rem 1fr; gap: .25rem 1rem; margin: .5rem 0; }
dt { color: #57606a; }
dd { margin: 0; overflow-wrap: anywhere; }
blockquote { margin: .6rem 0; padding: .6rem .9rem; background: #f6f8fa;
  border-left: 4px solid #8c959f; white-space: pre-wrap; overflow-wrap: anywhere; }
[lang="my"] { font-family: "Noto Sans Myanmar", "Myanmar Text", "Padauk", sans-serif;
  line-height: 1.9; }
figure { margin: .8rem 0 1.2rem; }
figure img { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
figcaption { font-size: .85rem; color: #57606a; overflow-wrap: anywhere; }
.hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .8rem; }
.case { break-before: page; }
.muted { color: #57606a; }
.outcome { font-weight: 600; }
ul.responses { margin: .2rem 0 .2rem 1rem; padding: 0; }
nav ol { columns: 4; font-size: .9rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  figure img { max-height: 24cm; }
  nav { display: none; }
  h2, h3, tr, figure { break-inside: avoid; }
}
"""


def _text(value: object) -> str:
    return escape("" if value is None else str(value))


def _lang(value: str) -> str:
    """Mark Burmese text so the browser picks a Myanmar font."""
    return ' lang="my"' if any(ord(ch) in _MYANMAR for ch in value) else ""


def _span(value: str) -> str:
    """Text as a reader should see it: Zawgyi shown as its Unicode reading, marked."""
    if not value:
        return '<span class="muted">-</span>'
    seen = shown(value)
    out = f"<span{_lang(seen.text)}>{_text(seen.text)}</span>"
    if seen.zawgyi_original is not None:
        note = t("(converted from Zawgyi; the text as entered is in case.json)")
        out += f' <span class="muted">{_text(note)}</span>'
    return out


def _quote(value: str) -> str:
    """A block of post or response text; Zawgyi shown as Unicode, the original kept."""
    seen = shown(value)
    out = f"<blockquote{_lang(seen.text)}>{_text(seen.text)}</blockquote>"
    if seen.zawgyi_original is not None:
        out += (
            f'<details class="zawgyi"><summary>{_text(t(ZAWGYI_NOTE))}</summary>'
            f'<pre class="original">{_text(seen.zawgyi_original)}</pre></details>'
        )
    return out


def _label(line: IndicatorLine, result: Indicators) -> str:
    return indicator_label(
        line.key,
        label_for(line, result),
        sla=result.params.sla_hours,
        threshold=result.params.repeat_threshold,
    )


def _when(value: datetime | None, tz: ZoneInfo) -> str:
    if value is None:
        return '<span class="muted">-</span>'
    return _text(display_time(value, tz))


def _hours(value: float | None) -> str:
    return display_value(value, "hours")


SUB = ' class="sub"'


def _indicators(result: Indicators) -> str:
    data = result.to_json()
    rows = "".join(
        f"<tr><td{SUB if line.label.startswith(' ') else ''}>"
        f"{_text(_label(line, result).strip())}</td>"
        f'<td class="num">{_text(display_value(value_at(data, line.key), line.kind))}</td>'
        f"<td><code>{_text(line.key)}</code></td></tr>"
        for line in LINES
    )
    out = [
        f"<table><thead><tr><th>{t('Indicator')}</th><th class='num'>{t('Value')}</th>"
        f"<th>{t('Key')}</th></tr></thead>",
        f"<tbody>{rows}</tbody></table>",
    ]
    if result.by_month:
        months = "".join(
            f"<tr><td>{_text(m.month)}</td><td class='num'>{m.reports_total:,}</td>"
            f"<td class='num'>{m.reports_removed:,}</td><td class='num'>{m.reports_actioned:,}</td>"
            f"<td class='num'>{_hours(m.response_hours_mean)}</td>"
            f"<td class='num'>{m.reports_over_sla:,}</td></tr>"
            for m in result.by_month
        )
        out.append(
            f"<h3>{t('By month')}</h3><table><thead><tr><th>{t('Month')}</th>"
            f"<th class='num'>{t('Reports')}</th>"
            f"<th class='num'>{t('Removed')}</th><th class='num'>{t('Actioned')}</th>"
            f"<th class='num'>{t('Mean hours to decision')}</th>"
            f"<th class='num'>{t('Over {0} h').format(f'{result.params.sla_hours:g}')}</th>"
            "</tr></thead>"
            f"<tbody>{months}</tbody>"
            "</table>"
        )
    return "".join(out)


CAPTURE_SOURCES = {
    "png": "from the PNG file's own time stamp",
    "exif": "from the photo's EXIF data",
    "typed": "as typed by the researcher",
}


def _attachment(item: AttachmentRecord, tz: ZoneInfo) -> str:
    caption = (
        f"{_span(item.original_name)} &middot; {item.size:,} {t('bytes')} &middot; "
        f"{t('attached to the record')} {_when(item.attached_at, tz)}"
        + (f" &middot; {t('by')} {_span(item.captured_by)}" if item.captured_by else "")
        + (
            f" &middot; {t('taken')} {_when(item.captured_at, tz)} "
            f"({_text(t(CAPTURE_SOURCES.get(item.capture_source, item.capture_source)))})"
            if item.captured_at is not None
            else f" &middot; {t('when it was taken is not known')}"
        )
        + f'<br>{t("file in this pack")}: <span class="hash">{_text(item.pack_path)}</span>'
        + (f"<br>{_span(item.note)}" if item.note else "")
        + f'<br>SHA-256 <span class="hash">{_text(item.sha256)}</span>'
    )
    path = escape(item.pack_path, quote=True)
    if item.is_image:
        alt = escape(f"Screenshot {item.original_name}", quote=True)
        shown = f'<img src="{path}" alt="{alt}">'
    else:
        shown = f'<a href="{path}">{_text(item.pack_path)}</a>'
    return f"<figure>{shown}<figcaption>{caption}</figcaption></figure>"


def _report(report: ReportRecord, tz: ZoneInfo) -> str:
    responses = []
    for response in report.responses:
        extra = []
        if response.text:
            extra.append(_quote(response.text))
        for label, value in (
            ("restriction", response.restriction_type),
            ("ground", response.ground),
            ("ground reference", response.ground_reference),
            ("platform reference", response.platform_ref),
            ("notes", response.notes),
        ):
            if value:
                extra.append(f"<div>{t(label)}: {_span(value)}</div>")
        extra.extend(_attachment(a, tz) for a in response.attachments)
        said = _text(outcome_name(response.outcome))
        responses.append(
            f"<li>{_when(response.received_at, tz)}: "
            f'<span class="outcome">{said}</span>{"".join(extra)}</li>'
        )
    outcome = outcome_name(report.final_outcome) or t("no final decision yet")
    period = "" if report.in_period else f' <span class="muted">{t("(outside the period)")}</span>'
    return (
        f"<tr><td>{_when(report.reported_at, tz)}{period}</td><td>{_span(report.reporter)}</td>"
        f"<td>{_text(channel_name(report.channel))}</td><td>{_span(report.platform_ref)}</td>"
        f'<td><span class="outcome">{_text(outcome)}</span></td>'
        f'<td class="num">{_hours(report.hours_to_final)}</td></tr>'
        + (
            f'<tr><td colspan="6"><ul class="responses">{"".join(responses)}</ul>'
            + (f"<div>{t('Notes')}: {_span(report.notes)}</div>" if report.notes else "")
            + "</td></tr>"
            if responses or report.notes
            else ""
        )
    )


def _case(case: CaseRecord, tz: ZoneInfo) -> str:
    facts = [
        (t("Platform"), _span(case.platform)),
        (t("Link"), f"<code>{_text(case.url)}</code>" if case.url else _span("")),
        (t("Post reference"), _span(case.post_ref)),
        (t("Category"), _span(category_name(case.category) or t("uncategorised"))),
        (t("Language"), _span(case.language)),
        (t("Posted at"), _when(case.posted_at, tz)),
        (t("Logged at"), _when(case.logged_at, tz)),
    ]
    if case.author is not None:
        author = _span(case.author.handle)
        if case.author.display_name:
            author += f" ({_span(case.author.display_name)})"
        if case.author.suspected_fake:
            author += f" &middot; {t('suspected fake account')}"
        facts.insert(1, (t("Author"), author))
    else:
        facts.insert(1, (t("Author"), f'<span class="muted">{t("unknown")}</span>'))
    if case.notes:
        facts.append((t("Notes"), _span(case.notes)))
    dl = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    content = _quote(case.content) if case.content else ""
    shots = "".join(_attachment(a, tz) for a in case.attachments)
    reports = "".join(_report(r, tz) for r in case.reports)
    anchor = escape(case.folder.rsplit("/", 1)[-1], quote=True)
    return (
        f'<section class="case" id="{anchor}">'
        f"<h2>{t('Case {0}').format(_text(case.case_ref))}</h2>"
        f"<dl>{dl}</dl>{content}"
        + (f"<h3>{t('Evidence')}</h3>{shots}" if shots else "")
        + f"<h3>{t('Reports and the platform' + chr(39) + 's responses')}</h3>"
        f"<table><thead><tr><th>{t('Reported at')}</th><th>{t('Reporter')}</th>"
        f"<th>{t('Channel')}</th><th>{t('Platform reference')}</th>"
        f"<th>{t('Final outcome')}</th><th class='num'>{t('Hours to decision')}</th>"
        "</tr>"
        f"</thead><tbody>{reports}</tbody></table>"
        f'<p class="muted">{t("Record")}: <code>{_text(case.folder)}/case.json</code></p>'
        "</section>"
    )


def render_index(
    *,
    result: Indicators,
    cases: list[CaseRecord],
    organisation: str,
    fingerprint: str,
    pack_id: str,
    made_at: datetime,
    redaction: Redaction,
) -> str:
    """The whole page as text."""
    tz = result.params.tz
    data = result.to_json()
    period = data["period"]
    scope = _text(
        t(
            "Reports made from {0} to {1} (time zone {2}); pending reports aged as of {3}; "
            "target time to a final decision {4} hours."
        ).format(
            period["from"] or t("the first report"),
            period["to"] or t("the last"),
            period["tz"],
            period["as_of"],
            f"{result.params.sla_hours:g}",
        )
    )
    if redaction.fields:
        removed = "; ".join(f"{k} ({v})" for k, v in redaction.describe().items())
        redaction_note = (
            '<div class="notice">'
            + _text(
                t(
                    "Removed from this pack before it was written: {0}. Links, post text and "
                    "screenshots are kept as captured and may still show names."
                ).format(removed)
            )
            + "</div>"
        )
    else:
        redaction_note = f"<p>{_text(t('Nothing was removed (no redaction).'))}</p>"
    check = CHECK_EN if current() == "en" else _text(t("CHECK"))
    computed = (
        COMPUTED_EN
        if current() == "en"
        else _text(
            t(
                "Computed over the reports of these cases in the period. Every figure can be "
                "recomputed from the Reports sheet of indicators.xlsx."
            )
        )
    )
    count = f"{len(cases):,} " + (t("cases") if len(cases) != 1 or current() != "en" else t("case"))
    toc = "".join(
        f'<li><a href="#{escape(c.folder.rsplit("/", 1)[-1], quote=True)}">'
        f"{_text(c.case_ref)}</a></li>"
        for c in cases
    )
    body = "".join(_case(c, tz) for c in cases)
    return f"""<!DOCTYPE html>
<html lang="{current()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{_text(t("Evidence pack"))} {_text(pack_id)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{_text(t("Evidence pack"))}</h1>
<p class="lead"><span{_lang(organisation)}>{_text(organisation or t(NO_NAME))}</span>
&middot; {_text(t("made"))} {_when(made_at, tz)} &middot; {_text(count)}</p>
<dl>
<dt>{_text(t("Pack"))}</dt><dd class="hash">{_text(pack_id)}</dd>
<dt>{_text(t("Signing key"))}</dt><dd class="hash">{_text(fingerprint)}</dd>
</dl>
<div class="notice">{check}</div>
</header>
<main>
<h2>{_text(t("Selection"))}</h2>
<p>{scope}</p>
{redaction_note}
<h2>{_text(t("Indicators"))}</h2>
<p class="muted">{computed}</p>
{_indicators(result)}
<nav><h2>{_text(t("Cases"))}</h2><ol>{toc}</ol></nav>
{body}
</main>
</body>
</html>
"""


NO_NAME = "(no organisation name)"
CHECK_EN = """To check that nothing in this pack was changed: run
<code>caselog-cli verify-pack</code> on the ZIP file or its unpacked folder, or
<code>bagit.py --validate</code> on the folder, or run <code>sha256sum -c SHA256SUMS</code>
in the folder that holds <code>manifest.json</code>. These prove only that the pack is unchanged
since the key above signed it; <strong>anyone can make a key and sign a pack.</strong> Before
you trust it, get the organisation's fingerprint another way (ask them on a call you
place, or read it on their own website) and compare it with the one <code>verify-pack</code>
prints. Never compare it with the fingerprint printed in this page: whoever made the pack
also wrote this page. <code>README.txt</code> describes every file and encoding."""

COMPUTED_EN = """Computed over the reports of these cases in the period. Every figure can be
recomputed from the Reports sheet of <code>indicators.xlsx</code>."""
