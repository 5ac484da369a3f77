"""capture_time: when a screenshot was taken, from its own metadata, only when known."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import UTC, datetime

from PIL import Image

from desktop_app.core.capture import capture_time
from desktop_app.core.timeutil import zone

YANGON = zone("Asia/Yangon")


def _exif(original: str | None, offset: str | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0132] = "2030:01:01 00:00:00"  # DateTime (last change): never the capture time
    sub = exif.get_ifd(0x8769)
    if original is not None:
        sub[0x9003] = original
    if offset is not None:
        sub[0x9011] = offset
    return exif


def _jpeg(exif: Image.Exif | None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (8, 8), "red")
    if exif is None:
        image.save(out, "JPEG")
    else:
        image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _png(*, exif: Image.Exif | None = None, time: tuple[int, ...] | None = None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (8, 8), "blue")
    if exif is None:
        image.save(out, "PNG")
    else:
        image.save(out, "PNG", exif=exif)
    data = out.getvalue()
    if time is not None:  # a tIME chunk right after IHDR
        body = struct.pack(">HBBBBB", *time)
        chunk = struct.pack(">I", 7) + b"tIME" + body
        chunk += struct.pack(">I", zlib.crc32(b"tIME" + body))
        data = data[:33] + chunk + data[33:]
    return data


def test_jpeg_exif_with_its_offset() -> None:
    data = _jpeg(_exif("2024:03:05 14:30:00", "+06:30"))
    assert capture_time(data, "image/jpeg") == (datetime(2024, 3, 5, 8, 0, tzinfo=UTC), "exif")


def test_jpeg_exif_without_an_offset_is_known_only_in_an_assumed_zone() -> None:
    data = _jpeg(_exif("2024:03:05 14:30:00"))
    assert capture_time(data, "image/jpeg") == (None, "")
    when, source = capture_time(data, "image/jpeg", assume_tz=YANGON)
    assert (when, source) == (datetime(2024, 3, 5, 8, 0, tzinfo=UTC), "exif")


def test_png_time_and_exif() -> None:
    assert capture_time(_png(time=(2023, 11, 2, 9, 15, 4)), "image/png") == (
        datetime(2023, 11, 2, 9, 15, 4, tzinfo=UTC),
        "png",
    )
    both = _png(exif=_exif("2023:11:01 10:00:00", "+00:00"), time=(2023, 11, 2, 9, 15, 4))
    assert capture_time(both, "image/png") == (datetime(2023, 11, 1, 10, 0, tzinfo=UTC), "png")


def test_unknown_when_nothing_says_or_the_time_is_impossible() -> None:
    assert capture_time(_png(), "image/png") == (None, "")
    assert capture_time(_jpeg(None), "image/jpeg") == (None, "")
    assert capture_time(_jpeg(_exif("2099:01:01 00:00:00", "+00:00")), "image/jpeg") == (None, "")
    assert capture_time(_jpeg(_exif("1990:01:01 00:00:00", "+00:00")), "image/jpeg") == (None, "")
    assert capture_time(_png(time=(2023, 13, 40, 0, 0, 0)), "image/png") == (None, "")
    assert capture_time(b"%PDF-1.4 not an image", "application/pdf") == (None, "")


def test_garbage_never_raises() -> None:
    good = _jpeg(_exif("2024:03:05 14:30:00", "+06:30"))
    for cut in range(0, len(good), 7):
        when, source = capture_time(good[:cut], "image/jpeg")
        assert when is None or source == "exif"
    png = _png(exif=_exif("2023:11:01 10:00:00", "+00:00"))
    for cut in range(0, len(png), 5):
        capture_time(png[:cut], "image/png")
    assert capture_time(b"\x89PNG\r\n\x1a\n" + b"\xff" * 40, "image/png") == (None, "")
