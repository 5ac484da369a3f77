"""Trim the ICU data that Qt's Linux wheels carry (libicudata.so, 32 MB, 12 MB gzipped).

Qt links ICU for a few things: collation (sorting Burmese and English), case
mapping, converters for legacy encodings. The data library also holds everything
else ICU can do: names of languages, regions, currencies, units and time zones in
~800 locales, transliteration, spell-out number rules, legacy converters and
Chinese/Japanese word dictionaries. Qt takes locale names and number formats from
its own CLDR tables, not from ICU, so Caselog never reads those parts.

The library is one ICU "common data" blob (format ``CmnD``: header, table of
contents, items). This rewrites the blob in place without the unused items and
fills the freed tail with zeros: the file keeps its size and ELF layout (nothing
is relinked, no compiler needed), and the zeros compress to nothing in the archive.
ICU finds items by binary search in the table of contents, so a missing item is an
ordinary "not found" that ICU answers with its root-locale fallback.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

# Item names look like "icudt73l/coll/de.res"; the pattern sees what follows the
# "icudt73l/" prefix.
DROP = re.compile(
    r"""^(
        (lang|region|curr|unit|zone|translit|rbnf)/.*   # display names, transliteration
      | [^/]+\.cnv                                      # legacy-encoding converters
      | brkitr/cjdict\.dict                             # Chinese/Japanese word list
      | coll/(?!(root|en|en_.*|my|my_.*|res_index|pool|ucadata.*)\.(res|icu)$).*
    )$""",
    re.VERBOSE,
)
ALIGN = 16  # ICU requires every item to start on a 16-byte boundary


class NotICUData(ValueError):
    pass


def _find_blob(data: bytes) -> int:
    """Offset of the common-data header: size, magic 0xDA 0x27, then UDataInfo
    whose dataFormat is 'CmnD' (12 bytes in)."""
    hits = [m.start() - 12 for m in re.finditer(b"CmnD", data)]
    hits = [h for h in hits if h >= 0 and data[h + 2 : h + 4] == b"\xda\x27"]
    if len(hits) != 1:
        raise NotICUData(f"expected one ICU common-data header, found {len(hits)}")
    return hits[0]


def _section_end(data: bytes, offset: int) -> int:
    """End (file offset) of the ELF64 section holding ``offset``: the bound of the
    last item, whose length the table of contents does not record."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise NotICUData("not a little-endian ELF64 file")
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    for index in range(shnum):
        base = shoff + index * shentsize
        sh_type = struct.unpack_from("<I", data, base + 4)[0]
        sh_offset, sh_size = struct.unpack_from("<QQ", data, base + 0x18)
        if sh_type != 8 and sh_offset <= offset < sh_offset + sh_size:  # 8: NOBITS
            return sh_offset + sh_size
    raise NotICUData("ICU data is in no ELF section")


def read_toc(data: bytes, start: int) -> tuple[int, list[tuple[str, bytes]], int]:
    """(header size, [(item name, item bytes)], end offset) of the blob at ``start``."""
    (header_size,) = struct.unpack_from("<H", data, start)
    if data[start + 8] != 0:  # UDataInfo.isBigEndian
        raise NotICUData("big-endian ICU data is not handled")
    limit = _section_end(data, start)
    toc = start + header_size
    (count,) = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items: list[tuple[str, bytes]] = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name_end = data.index(b"\0", toc + name_offset)
        name = data[toc + name_offset : name_end].decode("ascii")
        end = toc + entries[index + 1][1] if index + 1 < count else limit
        items.append((name, data[toc + data_offset : end]))
    return header_size, items, limit


def build_blob(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A common-data blob: ``header``, then the table of contents, then the items."""
    count = len(items)
    names = b""
    name_offsets = []
    toc_fixed = 4 + 8 * count
    for name, _ in items:
        name_offsets.append(toc_fixed + len(names))
        names += name.encode("ascii") + b"\0"
    toc_len = toc_fixed + len(names)
    # items start aligned relative to the blob start (the header size is a multiple of 16)
    pad = (-(len(header) + toc_len)) % ALIGN
    body = b""
    data_offsets = []
    cursor = toc_len + pad
    for _, payload in items:
        data_offsets.append(cursor)
        body += payload
        extra = (-len(payload)) % ALIGN
        body += b"\0" * extra
        cursor += len(payload) + extra
    toc = struct.pack("<I", count) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    return header + toc + names + b"\0" * pad + body


def trim(source: Path, target: Path, drop: re.Pattern[str] = DROP) -> tuple[int, int]:
    """Write ``source`` (libicudata) to ``target`` without the dropped items.
    Returns (items kept, items dropped)."""
    data = source.read_bytes()
    start = _find_blob(data)
    header_size, items, limit = read_toc(data, start)
    prefix = items[0][0].split("/", 1)[0] + "/"  # "icudt73l/"
    kept = [(n, p) for n, p in items if not drop.match(n.removeprefix(prefix))]
    blob = build_blob(data[start : start + header_size], kept)
    if start + len(blob) > limit:
        raise NotICUData("trimmed ICU data does not fit where the original was")
    new = data[:start] + blob + b"\0" * (limit - start - len(blob)) + data[limit:]
    assert len(new) == len(data)
    target.write_bytes(new)
    target.chmod(source.stat().st_mode & 0o777)
    return len(kept), len(items) - len(kept)


def is_icu_data_library(path: Path) -> bool:
    return re.match(r"(lib)?icudata.*\.so(\.\d+)*$", path.name) is not None
