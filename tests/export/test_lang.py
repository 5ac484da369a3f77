"""Exports in English or Burmese, and Zawgyi text shown as its Unicode reading."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.core.errors import BadInputError
from desktop_app.core.normalise import is_zawgyi
from desktop_app.core.timeutil import zone
from desktop_app.export.lang import MY, MY_INDICATORS
from desktop_app.export.pack import export_pack
from desktop_app.export.pdftext import pdf_text_of
from desktop_app.export.verify import verify_pack
from desktop_app.export.workbook import write_workbook
from desktop_app.importers.spreadsheet import import_file
from tests.conftest import write_log
from tests.export import sample
from tests.export.pdftext import pdf_text

ZAWGYI = "ရန္ကုန္ၿမိဳ႕တြင္ ေနထိုင္ေသာ လူမ်ိဳးမ်ားကို ႏွင္ထုတ္ရမည္"
UNICODE_READING = "ရန်ကုန်မြို့တွင် နေထိုင်သော လူမျိုးများကို နှင်ထုတ်ရမည်"


@pytest.fixture
def filled(store, tmp_path: Path) -> sample.Sample:  # type: ignore[no-untyped-def]
    done = sample.fill(store, tmp_path, generated=0)
    row = dict(sample.ROWS[0])
    row.update(post_url="https://www.facebook.com/zawgyi.page/posts/77", content=ZAWGYI)
    import_file(store, write_log(tmp_path / "zawgyi.csv", [row]), zone("Asia/Yangon"))
    return done


def _unzip(pack: Path, into: Path) -> Path:
    with zipfile.ZipFile(pack) as zf:
        zf.extractall(into)
    return into


def test_burmese_words_are_unicode_never_zawgyi() -> None:
    assert ZAWGYI and is_zawgyi(ZAWGYI)  # the check can fail
    for text in [*MY.values(), *MY_INDICATORS.values()]:
        assert not is_zawgyi(text), text
        assert re.search("[\u1000-\u109f]", text), text


def test_a_burmese_pack_keeps_keys_and_ids_ascii(store, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = export_pack(store, sample.params(), tmp_path / "my.zip", lang="my")
    report = verify_pack(result.path)
    assert report.fingerprint == result.fingerprint
    folder = _unzip(result.path, tmp_path / "u")
    html = (folder / "data" / "index.html").read_text("utf-8")
    assert '<html lang="my">' in html
    assert MY["Evidence pack"] in html and MY_INDICATORS["reports_total"] in html
    assert "<code>reports_total</code>" in html  # the JSON key stays as it is
    assert "Reports and the platform" not in html
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["language"] == "my"

    def keys(value: object) -> list[str]:
        if isinstance(value, dict):
            return [k for k, v in value.items() for k in [k, *keys(v)]]
        if isinstance(value, list):
            return [k for item in value for k in keys(item)]
        return []

    for path in (folder / "data" / "cases").rglob("case.json"):
        assert all(k.isascii() for k in keys(json.loads(path.read_text("utf-8"))))
    pdf = folder / "data" / "report.pdf"
    for text in (pdf_text(pdf, raw=True), pdf_text_of(pdf.read_bytes())):
        squeezed = "".join(text.split())
        assert "".join(MY["Evidence pack"].split()) in squeezed
        assert "".join(MY_INDICATORS["reports_total"].split()) in squeezed
        assert "".join(result.fingerprint.split()) in squeezed
    book = load_workbook(folder / "data" / "indicators.xlsx")
    rows = list(book["Indicators"].iter_rows(values_only=True))
    assert rows[0][0] == MY["Platform response indicators"]
    labelled = {row[2]: row[0] for row in rows if row and len(row) > 2 and row[2]}
    assert labelled["reports_total"] == MY_INDICATORS["reports_total"]
    assert (
        book.sheetnames
        == load_workbook(
            write_workbook(store, sample.params(), tmp_path / "en.xlsx").path
        ).sheetnames
    )  # sheet names (and their headers) are the same in both languages


def test_english_is_the_default_and_other_languages_are_refused(
    store, filled, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = export_pack(store, sample.params(), tmp_path / "en.zip")
    with zipfile.ZipFile(result.path) as zf:
        html = zf.read("data/index.html").decode("utf-8")
    assert '<html lang="en">' in html and MY["Evidence pack"] not in html
    with pytest.raises(BadInputError, match="--lang"):
        export_pack(store, sample.params(), tmp_path / "fr.zip", lang="fr")
    with pytest.raises(BadInputError, match="--lang"):
        write_workbook(store, sample.params(), tmp_path / "fr.xlsx", lang="fr")
    assert not (tmp_path / "fr.zip").exists() and not (tmp_path / "fr.xlsx").exists()


@pytest.mark.parametrize("lang", ["en", "my"])
def test_zawgyi_is_shown_as_unicode_with_the_original_kept(
    lang, store, filled, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = export_pack(store, sample.params(), tmp_path / "z.zip", lang=lang)
    folder = _unzip(result.path, tmp_path / "u")
    html = (folder / "data" / "index.html").read_text("utf-8")
    assert f">{UNICODE_READING}</blockquote>" in html
    assert f'<pre class="original">{ZAWGYI}</pre>' in html  # kept, inside a marked note
    records = [
        json.loads(p.read_text("utf-8")) for p in (folder / "data" / "cases").rglob("case.json")
    ]
    record = next(r for r in records if r["content"] == ZAWGYI)  # as entered, byte for byte
    assert record["content_unicode"] == UNICODE_READING
    assert record["content_encoding"] == "zawgyi"
    text = "".join(pdf_text(folder / "data" / "report.pdf", raw=True).split())
    assert "".join(UNICODE_READING.split()) in text
    assert "".join(ZAWGYI.split()) not in text


def test_a_forged_burmese_pack_is_caught_by_the_fingerprint_its_pdf_shows(
    store, filled, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.core import signing
    from desktop_app.export.verify import PackVerificationError
    from tests.export.test_pack_trust import _reseal

    result = export_pack(store, sample.params(), tmp_path / "my.zip", lang="my")
    folder = _unzip(result.path, tmp_path / "f")
    _reseal(folder, signing.new_signing_seed())
    with pytest.raises(PackVerificationError) as caught:
        verify_pack(folder)
    assert any(
        p.startswith("data/report.pdf: shows the fingerprint " + result.fingerprint)
        for p in caught.value.problems
    )
