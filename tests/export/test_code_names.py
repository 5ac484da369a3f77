"""Category, outcome and channel codes are read by people as plain names in English and
Burmese (workbook label columns, index.html, report.pdf); the codes stay where a
program reads them (key columns, case.json, manifest, stats JSON)."""

from __future__ import annotations

import html as html_lib
import json
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.core.enums import Category, Channel, Outcome
from desktop_app.core.normalise import is_zawgyi
from desktop_app.export import lang
from desktop_app.export.pack import export_pack
from desktop_app.export.workbook import write_workbook
from tests.export import sample
from tests.export.pdftext import pdf_text

CODES = sorted({*Outcome, *Category, *Channel, lang.PENDING})


@pytest.fixture
def filled(store, tmp_path: Path) -> sample.Sample:  # type: ignore[no-untyped-def]
    return sample.fill(store, tmp_path, generated=40)


def test_every_code_has_an_english_and_a_burmese_name() -> None:
    for vocabulary, names in (
        (Outcome, lang.OUTCOME_NAMES),
        (Category, lang.CATEGORY_NAMES),
        (Channel, lang.CHANNEL_NAMES),
    ):
        assert set(names) == {code.value for code in vocabulary}, vocabulary
        for code, (english, burmese) in names.items():
            assert english and english != code and english.isascii(), code
            assert re.search("[\u1000-\u109f]", burmese), code
            assert not re.search("[A-Za-z_]", burmese), code
            assert not is_zawgyi(burmese), code
    for code in Outcome:
        with lang.using("en"):
            assert lang.outcome_name(code) == lang.OUTCOME_NAMES[code][0]
        with lang.using("my"):
            assert lang.outcome_name(code) == lang.OUTCOME_NAMES[code][1]
    with lang.using("my"):
        assert lang.outcome_name("pending") == lang.PENDING_NAME[1]
        assert lang.category_name("spam, as typed") == "spam, as typed"  # free text kept
        assert lang.category_name(None) == ""


def _readable(page: str) -> str:
    """What a reader of index.html reads: no tags, no <code> keys, no file paths or
    hashes, no attribute values."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<code>.*?</code>", " ", page, flags=re.S)
    page = re.sub(r'<span class="hash">.*?</span>', " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return html_lib.unescape(page)


def _raw_codes(text: str) -> list[str]:
    return [
        code
        for code in CODES
        if re.search(rf"(?<![\w./-]){re.escape(code)}(?![\w./-])", text, flags=re.I)
    ]


def test_the_burmese_pack_shows_names_not_codes(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = export_pack(store, sample.params(), tmp_path / "my.zip", lang="my")
    with zipfile.ZipFile(result.path) as zf:
        page = zf.read("data/index.html").decode("utf-8")
        (tmp_path / "report.pdf").write_bytes(zf.read("data/report.pdf"))
        case_json = zf.read(f"data/cases/{filled.post_with_files.case_ref}/case.json")
        workbook = zf.read("data/indicators.xlsx")
    readable = _readable(page)
    assert _raw_codes(readable) == []
    for code in ("account_banned", "no_violation"):
        assert lang.OUTCOME_NAMES[code][1] in readable
    assert lang.CATEGORY_NAMES["incitement"][1] in readable
    # the check above can fail: the same text with one code left in
    assert _raw_codes(readable + " account_banned") == ["account_banned"]
    # codes stay where programs read them
    record = json.loads(case_json)
    assert record["category"] == "incitement"
    assert "account_banned" in json.dumps(record)
    pdf = "".join(pdf_text(tmp_path / "report.pdf", raw=True).split())
    assert "".join(lang.OUTCOME_NAMES["account_banned"][1].split()) in pdf
    assert "".join(lang.CATEGORY_NAMES["incitement"][1].split()) in pdf
    (tmp_path / "w.xlsx").write_bytes(workbook)
    _check_workbook(tmp_path / "w.xlsx", burmese=True)


def test_the_english_exports_show_names_not_codes(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = export_pack(store, sample.params(), tmp_path / "en.zip")
    with zipfile.ZipFile(result.path) as zf:
        readable = _readable(zf.read("data/index.html").decode("utf-8"))
        (tmp_path / "report.pdf").write_bytes(zf.read("data/report.pdf"))
    assert "Account banned" in readable and "Incitement to violence" in readable
    assert not {"account_banned", "no_violation", "hate_speech"} & set(_raw_codes(readable))
    pdf = pdf_text(tmp_path / "report.pdf", raw=True)
    assert "Account banned" in pdf and "account_banned" not in pdf
    book = write_workbook(store, sample.params(category="incitement"), tmp_path / "en.xlsx")
    _check_workbook(book.path, burmese=False)
    indicators = {
        row[2]: row[1] for row in load_workbook(book.path)["Indicators"].iter_rows(values_only=True)
    }
    assert indicators["category"] == "Incitement to violence"


def _check_workbook(path: Path, *, burmese: bool) -> None:
    book = load_workbook(path)
    which = 1 if burmese else 0
    reports = book["Reports"]
    rows = list(reports.iter_rows(values_only=True))
    header = list(rows[0])
    code_col, name_col = header.index("Category"), header.index("Category (plain name)")
    out_col, out_name = header.index("Final outcome"), header.index("Final outcome (plain name)")
    seen = set()
    for row in rows[1:]:
        assert row[out_col] in {*Outcome, "pending"}  # the key column stays a code
        expected = (
            lang.PENDING_NAME[which]
            if row[out_col] == "pending"
            else lang.OUTCOME_NAMES[row[out_col]][which]
        )
        assert row[out_name] == expected
        if row[code_col] in lang.CATEGORY_NAMES:
            assert row[name_col] == lang.CATEGORY_NAMES[row[code_col]][which]
            seen.add(row[code_col])
    assert "incitement" in seen
    categories = list(book["Categories"].iter_rows(values_only=True))
    assert categories[0][3] == "Category (plain name)"
    for row in categories[1:]:
        if row[0] in lang.CATEGORY_NAMES:
            assert row[3] == lang.CATEGORY_NAMES[row[0]][which]


def test_the_names_are_the_windows_names() -> None:
    """One vocabulary: the export's names are the window's (ui/vocab.py sources and their
    Burmese in resources/translations/caselog_my.ts, context Vocabulary)."""
    ts = (Path(__file__).resolve().parents[2] / "resources/translations/caselog_my.ts").read_text(
        "utf-8"
    )
    start = ts.index("<name>Vocabulary</name>")
    context = ts[start : ts.index("</context>", start)]
    window = {
        html_lib.unescape(source): html_lib.unescape(burmese)
        for source, burmese in re.findall(
            r"<source>(.*?)</source>\s*<translation[^>]*>(.*?)</translation>", context, re.S
        )
    }
    for names in (lang.OUTCOME_NAMES, lang.CATEGORY_NAMES, lang.CHANNEL_NAMES):
        for code, (english, burmese) in names.items():
            assert window.get(english) == burmese, code
