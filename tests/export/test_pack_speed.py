"""What keeps the pack fast without giving anything up: the PDF shows JPEG copies while
the evidence stays byte for byte, shaping only where text needs it, the ZIP written
through the scratch folder (also onto another disk), and the PDF text reader still
finding text beside image data. Speed itself is measured by tests/perf/bench_export.py."""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import zipfile
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image

from desktop_app.export import output
from desktop_app.export.output import private_output
from desktop_app.export.pack import export_pack
from desktop_app.export.pdf import IMAGE_DPI, _jpeg_copy, needs_shaping
from desktop_app.export.pdftext import pdf_text_of
from desktop_app.paths import resource_path
from tests.export import sample


@pytest.fixture
def filled(store, tmp_path: Path) -> sample.Sample:  # type: ignore[no-untyped-def]
    return sample.fill(store, tmp_path, generated=6)


def test_pdf_shows_jpeg_copies_and_the_evidence_stays_byte_for_byte(
    store, filled, tmp_path: Path, _own_scratch: Path
) -> None:  # type: ignore[no-untyped-def]
    result = export_pack(store, sample.params(), tmp_path / "pack.zip")
    with zipfile.ZipFile(result.path) as zf:
        pdf = zf.read("data/report.pdf")
        evidence = [n for n in zf.namelist() if n.endswith(".png")]
        assert len(evidence) == 1
        assert zf.read(evidence[0]) == filled.screenshot
    heads = re.findall(rb"\d+ 0 obj(.*?)stream", pdf, re.S)
    images = [head for head in heads if b"/Subtype /Image" in head]
    assert images, "the screenshot is shown in the PDF"
    assert all(b"/DCTDecode" in head for head in images), images
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert list(_own_scratch.iterdir()) == []  # the scratch file became the pack
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_jpeg_copy_is_downscaled_flattened_on_white_and_never_enlarged() -> None:
    big = Image.new("RGBA", (4000, 1000), (255, 0, 0, 0))  # transparent red
    out = io.BytesIO()
    big.save(out, "PNG")
    copy = Image.open(io.BytesIO(_jpeg_copy(out.getvalue(), 178.0, 44.5)))
    assert copy.format == "JPEG" and copy.mode == "RGB"
    assert copy.size == (round(178.0 / 25.4 * IMAGE_DPI), round(44.5 / 25.4 * IMAGE_DPI))
    assert all(channel > 240 for channel in copy.getpixel((10, 10)))  # white, not black
    small = io.BytesIO()
    Image.new("L", (100, 50), 128).save(small, "PNG")
    assert Image.open(io.BytesIO(_jpeg_copy(small.getvalue(), 178.0, 89.0))).size == (100, 50)


def test_shaping_only_for_text_that_needs_it() -> None:
    assert not needs_shaping("SHA-256 0a1b · attached 2026-01-02 “quoted” – €5 café")
    assert needs_shaping("ဓာတ်ပုံ screenshot")  # Burmese
    assert needs_shaping("e\u0301")  # a combining mark
    assert needs_shaping("abc\u202edef")  # a direction change
    assert needs_shaping("مرحبا")


def test_the_text_reader_finds_text_beside_deflated_and_jpeg_images(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    png = io.BytesIO()
    Image.frombytes("RGB", (64, 64), os.urandom(64 * 64 * 3)).save(png, "PNG")
    jpeg = io.BytesIO()
    Image.new("RGB", (64, 64), "navy").save(jpeg, "JPEG")
    pdf.image(png, w=20)
    pdf.image(jpeg, w=20)
    pdf.add_font("Noto", "", str(resource_path("fonts", "NotoSans-Regular.ttf")))
    pdf.set_font("Noto", size=12)
    pdf.cell(text="Signing key 1A2B 3C4D 5E6F 7081 9203 A4B5 C6D7 E8F9")
    pdf.ln()
    pdf.set_font("helvetica", size=12)  # a standard font: no ToUnicode map, one byte a letter
    pdf.cell(text="and 0000 1111 2222 3333 4444 5555 6666 7777")
    text = pdf_text_of(bytes(pdf.output()))
    assert "1A2B 3C4D 5E6F 7081 9203 A4B5 C6D7 E8F9" in text
    assert "0000 1111 2222 3333 4444 5555 6666 7777" in text


def test_private_output_onto_another_disk_and_on_error(
    tmp_path: Path, _own_scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "pack.zip"
    target.parent.mkdir()
    real_replace = os.replace
    calls: list[str] = []

    def cross_device(src: str | Path, dst: str | Path) -> None:
        calls.append(str(src))
        if Path(src).parent == _own_scratch:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", cross_device)
    with private_output(target) as handle:
        handle.write(b"the whole pack")
    assert target.read_bytes() == b"the whole pack"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(calls) == 2  # refused from the scratch folder, then the copy beside it
    assert list(target.parent.iterdir()) == [target]
    assert list(_own_scratch.iterdir()) == []

    other = target.with_name("failed.zip")
    with pytest.raises(RuntimeError), private_output(other) as handle:
        handle.write(b"half a pack")
        raise RuntimeError("cancelled")
    assert not other.exists() and list(_own_scratch.iterdir()) == []
    assert list(target.parent.iterdir()) == [target]


def test_the_text_reader_reads_tj_arrays_with_their_word_gaps() -> None:
    content = b"BT /F1 9 Tf [(1A2B) -250 <3343> 12 (4D)] TJ ET"
    pdf = (
        b"1 0 obj << /Length %d >>stream\n%s\nendstream\nendobj\n"
        b"2 0 obj << /Font << /F1 3 0 R >> >> endobj\n"
        b"3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
    ) % (len(content), content)
    assert pdf_text_of(pdf).strip() == "1A2B 3C4D"
