"""The trimmed ICU data (packaging/icu_trim.py) still does what Qt asks of ICU:
Burmese and English collation, locale case mapping and Burmese word breaks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import icu_trim  # noqa: E402

QT_LIB = None
try:
    import PySide6

    QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
except ImportError:  # pragma: no cover
    pass
ICU_DATA = sorted(QT_LIB.glob("libicudata.so.*")) if QT_LIB else []
pytestmark = pytest.mark.skipif(not ICU_DATA, reason="no ICU in this Qt wheel (not Linux)")

PROBE = textwrap.dedent(
    r"""
    import ctypes, sys
    data, qtlib, v = sys.argv[1], sys.argv[2], sys.argv[3]
    ctypes.CDLL(data, mode=ctypes.RTLD_GLOBAL)  # the trimmed copy wins by soname
    uc = ctypes.CDLL(f"{qtlib}/libicuuc.so.{v}", mode=ctypes.RTLD_GLOBAL)
    i18n = ctypes.CDLL(f"{qtlib}/libicui18n.so.{v}", mode=ctypes.RTLD_GLOBAL)
    def fn(lib, name):
        return getattr(lib, f"{name}_{v}")
    status = ctypes.c_int(0)
    # Collation: Burmese, then English; order must be a real collation order.
    ucol_open = fn(i18n, "ucol_open")
    ucol_open.restype = ctypes.c_void_p
    def u16(s):
        b = s.encode("utf-16-le")
        return ctypes.create_string_buffer(b, len(b) + 2)
    strcoll = fn(i18n, "ucol_strcoll")
    strcoll.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                        ctypes.c_char_p, ctypes.c_int]
    for loc, a, b in (("my", "\u1000", "\u1001"), ("en", "apple", "Banana")):
        status.value = 0
        coll = ucol_open(loc.encode(), ctypes.byref(status))
        assert status.value <= 0 and coll, (loc, status.value)
        ab, bb = u16(a), u16(b)
        res = strcoll(coll, ab, len(a), bb, len(b))
        assert res == -1, (loc, res)
    # Case mapping with a locale (Turkish dotted i) needs the casing data.
    upper = fn(uc, "u_strToUpper")
    buf = ctypes.create_string_buffer(16)
    status.value = 0
    upper(buf, 8, u16("i"), 1, b"tr", ctypes.byref(status))
    assert status.value <= 0 and buf.raw[:2].decode("utf-16-le") == "\u0130", buf.raw[:4]
    # Burmese word breaks use the Burmese dictionary, which is kept.
    ubrk_open = fn(uc, "ubrk_open")
    ubrk_open.restype = ctypes.c_void_p
    status.value = 0
    text = "\u1019\u103c\u1014\u103a\u1019\u102c\u1005\u102c"
    brk = ubrk_open(1, b"my", u16(text), len(text), ctypes.byref(status))
    assert status.value <= 0 and brk, status.value
    # A dropped item is really gone: a legacy Japanese converter.
    ucnv_open = fn(uc, "ucnv_open")
    ucnv_open.restype = ctypes.c_void_p
    status.value = 0
    ucnv_open(b"ibm-943_P15A-2003", ctypes.byref(status))
    print("converter-status", status.value)
    """
)


def _probe(data_lib: Path) -> str:
    version = ICU_DATA[0].name.rsplit(".", 1)[-1]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_lib), str(QT_LIB), version],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_trimmed_icu_still_collates_cases_and_breaks_burmese(tmp_path: Path) -> None:
    trimmed = tmp_path / ICU_DATA[0].name
    kept, dropped = icu_trim.trim(ICU_DATA[0], trimmed)
    assert kept > 500 and dropped > 1000
    assert trimmed.stat().st_size == ICU_DATA[0].stat().st_size
    out = _probe(trimmed)
    # U_FILE_ACCESS_ERROR (4): the converter was dropped, so the trimmed copy was used
    assert "converter-status 4" in out


def test_untrimmed_icu_has_the_converter() -> None:
    assert "converter-status 0" in _probe(ICU_DATA[0])


def test_trim_refuses_a_file_without_icu_data(tmp_path: Path) -> None:
    other = tmp_path / "libicudata.so.1"
    other.write_bytes(b"\x7fELF" + b"\0" * 100)
    with pytest.raises(icu_trim.NotICUData):
        icu_trim.trim(other, tmp_path / "out.so")
