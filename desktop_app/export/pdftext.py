"""The text layer of a PDF, read without any PDF library: what a reader's search or
copy finds in report.pdf. verify-pack uses it to see which key fingerprints the report
shows; tests use it to check the text (Burmese included) extracts as it is shown.

fpdf2 embeds subset fonts, so the text is glyph ids in the content streams; the
ToUnicode map of each font turns them back into Unicode.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_TOKENS = re.compile(
    rb"/F(\d+) [\d.]+ Tf|\((?:\\.|[^\\)])*\)\s*Tj|<([0-9A-Fa-f\s]*)>\s*Tj|\bBT\b"
    rb"|(?<![A-Za-z0-9])([qQ])(?![A-Za-z0-9])"
    rb"|\[((?:\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|[^\]()<>])*)\]\s*TJ",
    re.S,
)
_PART = re.compile(rb"\((?:\\.|[^\\)])*\)|<([0-9A-Fa-f\s]*)>|(-?[\d.]+)", re.S)
WORD_GAP = 200  # a TJ move of this many thousandths of an em or more reads as a space
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _head(body: bytes) -> bytes:
    """An object's dictionary: what comes before its stream data (if it has one)."""
    cut = body.find(b"stream")
    return body if cut < 0 else body[:cut]


def _stream(body: bytes) -> bytes:
    match = _STREAM.search(body)
    if not match:
        return b""
    data = match.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in _head(body) else data


def _literal(token: bytes) -> bytes:
    inner = token[token.index(b"(") + 1 : token.rindex(b")")]
    out = bytearray()
    i = 0
    while i < len(inner):
        ch = inner[i : i + 1]
        if ch == b"\\":
            nxt = inner[i + 1 : i + 2]
            if nxt.isdigit():
                digits = re.match(rb"[0-7]{1,3}", inner[i + 1 : i + 4])
                assert digits
                out.append(int(digits.group(0), 8))
                i += 1 + len(digits.group(0))
                continue
            out += _ESCAPES.get(nxt, nxt)
            i += 2
            continue
        out += ch
        i += 1
    return bytes(out)


def _cmap(data: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    text = data.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(dst, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def _from_streams(data: bytes) -> str:
    objects = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}
    font_objects: dict[int, int] = {}
    heads = {number: _head(body) for number, body in objects.items()}
    for head in heads.values():  # resources are dictionaries, never inside stream data
        for fonts in re.findall(rb"/Font\s*<<(.*?)>>", head, re.S):
            for name, ref in re.findall(rb"/F(\d+)\s+(\d+) 0 R", fonts):
                font_objects[int(name)] = int(ref)
    maps: dict[int, dict[int, str] | None] = {}
    for name, ref in font_objects.items():
        font_head = heads.get(ref, b"")
        unicode_ref = re.search(rb"/ToUnicode (\d+) 0 R", font_head)
        if unicode_ref:
            maps[name] = _cmap(_stream(objects[int(unicode_ref.group(1))]))
        elif b"/Type0" not in font_head:
            maps[name] = None  # a simple font without a map (Helvetica...): a byte a letter
    out: list[str] = []
    for number, body in objects.items():
        head = heads[number]
        if len(head) == len(body) or b"/Length" not in head:
            continue
        if b"/FlateDecode" not in head and b"/Filter" in head:
            continue  # JPEG and other image data: no text layer to read
        try:
            content = _stream(body)
        except zlib.error:
            continue
        if b"Tj" not in content and b"TJ" not in content:
            continue
        font: dict[int, str] | None = {}
        saved: list[dict[int, str] | None] = []  # q/Q save and restore the font
        for token in _TOKENS.finditer(content):
            text = token.group(0)
            if text == b"BT":
                out.append("\n")
            elif token.group(1):
                font = maps.get(int(token.group(1)), {})
            elif token.group(3) == b"q":
                saved.append(font)
            elif token.group(3) == b"Q":
                font = saved.pop() if saved else font
            elif token.group(4) is not None:  # [(...) -120 <...>] TJ
                for part in _PART.finditer(token.group(4)):
                    if part.group(2) is None:
                        out.append(_decode(part.group(0), part.group(1), font))
                    elif _number(part.group(2)) >= WORD_GAP:
                        out.append(" ")
            else:
                out.append(_decode(text, token.group(2), font))
    return "".join(out)


def _number(text: bytes) -> float:
    try:
        return -float(text)
    except ValueError:
        return 0.0


def _decode(token: bytes, hex_digits: bytes | None, font: dict[int, str] | None) -> str:
    if hex_digits is not None:
        raw = bytes.fromhex(re.sub(rb"\s", b"", hex_digits).decode("ascii"))
    else:
        raw = _literal(token)
    if font is None:
        return raw.decode("latin-1")
    return "".join(font.get(int.from_bytes(raw[i : i + 2]), "") for i in range(0, len(raw), 2))


class PdfUnreadable(ValueError):
    """The PDF's structure cannot be followed (a damaged or crafted file)."""


def pdf_text_of(data: bytes) -> str:
    """All text of the PDF ``data`` that its fonts' ToUnicode maps can read.

    Raises PdfUnreadable when the file's objects cannot be followed: a verifier must
    not take "no text found" from a file it could not read.
    """
    try:
        return _from_streams(data)
    except (KeyError, IndexError, ValueError, zlib.error, RecursionError, OverflowError) as exc:
        raise PdfUnreadable(
            f"the PDF's objects cannot be followed ({type(exc).__name__})"
        ) from None
