"""When a screenshot or photo was taken, from the file's own metadata, only when known.

``capture_time`` reads a PNG's eXIf chunk (EXIF DateTimeOriginal) or tIME chunk, or a
JPEG's EXIF DateTimeOriginal. EXIF times carry a zone only when OffsetTimeOriginal is
present; without it the time is the camera's clock in an unknown zone, and is taken
as known only when the caller says which zone to assume (``assume_tz``). A time
outside the allowed range (timeutil) is not a known time. Pure Python, no image
library; malformed files give ``(None, "")``, never an exception.
"""

from __future__ import annotations

import re
import struct
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from desktop_app.core.timeutil import time_problem

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_CHUNKS = 10_000
_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_OFFSET_ORIGINAL = 0x9011
_ASCII = 2
_LONG = 4
_EXIF_TIME = re.compile(rb"^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(rb"^([+-])(\d{2}):(\d{2})")


def capture_time(
    data: bytes, media_type: str, *, assume_tz: tzinfo | None = None
) -> tuple[datetime | None, str]:
    """``(when it was taken in UTC, "png" | "exif")``, or ``(None, "")`` when unknown."""
    kind = (media_type or "").lower()
    found: tuple[datetime | None, str] = (None, "")
    try:
        if data.startswith(PNG_SIGNATURE) or kind == "image/png":
            found = _png(data, assume_tz)
        elif data.startswith(b"\xff\xd8") or kind in ("image/jpeg", "image/jpg"):
            found = (_exif(_jpeg_exif(data), assume_tz), "exif")
    except (struct.error, ValueError, IndexError, OverflowError):
        return None, ""
    when, source = found
    if when is None or time_problem(when) is not None:
        return None, ""
    return when.astimezone(UTC), source


def _png(data: bytes, assume_tz: tzinfo | None) -> tuple[datetime | None, str]:
    if not data.startswith(PNG_SIGNATURE):
        return None, ""
    at = len(PNG_SIGNATURE)
    stamp: datetime | None = None
    for _ in range(MAX_CHUNKS):
        if at + 8 > len(data):
            break
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        if len(body) < length:
            break
        if kind == b"eXIf":
            when = _exif(body, assume_tz)
            if when is not None:
                return when, "png"  # the photo's own capture time beats tIME
        elif kind == b"tIME" and length == 7:
            year, month, day, hour, minute, second = struct.unpack(">HBBBBB", body)
            # tIME is UTC by the PNG specification; a leap second 60 is clamped.
            stamp = datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
        elif kind == b"IEND":
            break
        at += 12 + length
    return (stamp, "png") if stamp is not None else (None, "")


def _jpeg_exif(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        return b""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return b""
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no metadata after
            return b""
        length = struct.unpack(">H", data[at + 2 : at + 4])[0]
        body = data[at + 4 : at + 2 + length]
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            return body[6:]
        at += 2 + length
    return b""


def _exif(tiff: bytes, assume_tz: tzinfo | None) -> datetime | None:
    """DateTimeOriginal (with OffsetTimeOriginal) from a TIFF-structured EXIF block."""
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return None
    order = "<" if tiff[:2] == b"II" else ">"
    if struct.unpack(order + "H", tiff[2:4])[0] != 42:
        return None
    ifd0 = _entries(tiff, order, struct.unpack(order + "I", tiff[4:8])[0])
    pointer = ifd0.get(_EXIF_IFD)
    if pointer is None or pointer[0] != _LONG:
        return None
    exif = _entries(tiff, order, struct.unpack(order + "I", pointer[2])[0])
    original = _ascii(tiff, order, exif.get(_DATETIME_ORIGINAL))
    match = _EXIF_TIME.match(original)
    if not match:
        return None
    parts = [int(x) for x in match.groups()]
    offset = _OFFSET.match(_ascii(tiff, order, exif.get(_OFFSET_ORIGINAL)))
    if offset:
        sign = -1 if offset.group(1) == b"-" else 1
        zone: tzinfo = timezone(
            sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3)))
        )
    elif assume_tz is not None:
        zone = assume_tz
    else:
        return None  # the camera's clock in an unknown zone is not a known time
    year, month, day, hour, minute, second = parts
    return datetime(year, month, day, hour, minute, second, tzinfo=zone)


def _entries(tiff: bytes, order: str, offset: int) -> dict[int, tuple[int, int, bytes]]:
    """tag -> (type, count, the 4-byte value/offset field) of one IFD."""
    if offset + 2 > len(tiff):
        return {}
    count = struct.unpack(order + "H", tiff[offset : offset + 2])[0]
    found: dict[int, tuple[int, int, bytes]] = {}
    for index in range(min(count, 1000)):
        at = offset + 2 + 12 * index
        if at + 12 > len(tiff):
            break
        tag, kind, number = struct.unpack(order + "HHI", tiff[at : at + 8])
        found[tag] = (kind, number, tiff[at + 8 : at + 12])
    return found


def _ascii(tiff: bytes, order: str, entry: tuple[int, int, bytes] | None) -> bytes:
    if entry is None or entry[0] != _ASCII:
        return b""
    _kind, count, field = entry
    if count <= 4:
        return field[:count]
    start = struct.unpack(order + "I", field)[0]
    return tiff[start : start + min(count, 64)]
