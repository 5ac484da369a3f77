"""The importer's fast paths give exactly what the plain code gave (issue 15).

``canonical_url`` decides which rows are one post: a link canonicalised
differently would split or merge cases and break bundles between partners. Its
fast path is compared here with a verbatim copy of the code it replaced, over
generated links of every shape (and on arbitrary text with hypothesis). The same
for the time columns (``parse_cell_time``) and ``to_micros``.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from urllib.parse import unquote, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core import normalise
from desktop_app.core.micros import EPOCH, to_micros
from desktop_app.core.normalise import canonical_url
from desktop_app.core.timeutil import parse_cell_time, parse_timestamp, to_utc

# --- canonical_url: the code before the fast path, verbatim -------------------------

_TRACKING_PARAMS = frozenset(
    {"fbclid", "mibextid", "ref", "refsrc", "__cft__[0]", "__tn__", "igshid", "si"}
)
_HOST_PREFIXES = ("www.", "m.", "mbasic.", "web.")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _keep_param(segment: str) -> bool:
    name = unquote(segment.split("=", 1)[0])
    return not (name in _TRACKING_PARAMS or name.startswith("utm_"))


def reference_canonical_url(url: str | None) -> str:
    text = (url or "").strip()
    if not text:
        return ""
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    netloc = parts.netloc
    if netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        host, port = hostport, ""
        if hostport.startswith("["):  # IPv6 literal
            end = hostport.find("]")
            host, port = hostport[: end + 1], hostport[end + 2 :]
        elif ":" in hostport:
            host, port = hostport.rsplit(":", 1)
        host = host.lower()
        for prefix in _HOST_PREFIXES:
            if host.startswith(prefix):
                host = host[len(prefix) :]
                break
        if port and port.isdigit() and int(port) == _DEFAULT_PORTS.get(scheme):
            port = ""
        netloc = (userinfo + "@" if userinfo else "") + host + (":" + port if port else "")
    path = parts.path.rstrip("/")
    query = "&".join(s for s in parts.query.split("&") if s and _keep_param(s))
    return urlunsplit((scheme, netloc, path, query, ""))


def _outcome(function: object, text: str | None) -> tuple[str, str]:
    """What ``function(text)`` gives: its text, or the exception it raises."""
    try:
        return ("ok", function(text))  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001 - any difference in errors counts too
        return (type(exc).__name__, str(exc))


def assert_same_canonical(text: str | None) -> None:
    assert _outcome(canonical_url, text) == _outcome(reference_canonical_url, text), repr(text)


_SCHEMES = [
    "https://",
    "http://",
    "HTTPS://",
    "hTTp://",
    "ftp://",
    "svn+ssh://",
    "a.b-c://",
    "",
    "//",
    "mailto:",
    "https:",
    "https:/",
    "1http://",
    "ht tp://",
    "fb://",
    "H://",
]
_USERINFO = ["", "", "", "user@", "u:p@", "@", "a@b@", "%40@", "Üser@"]
_HOSTS = [
    "facebook.com",
    "www.facebook.com",
    "WWW.Facebook.COM",
    "m.facebook.com",
    "M.FACEBOOK.COM",
    "mbasic.facebook.com",
    "web.facebook.com",
    "www.m.example.org",
    "mbasicx.com",
    "m.",
    "www.",
    "www",
    "web",
    "m",
    ".m.x",
    "wwwx.org",
    "tiktok.com",
    "x.org",
    "127.0.0.1",
    "[::1]",
    "[::1",
    "::1]",
    "[2001:db8::7]",
    "exa_mple.com",
    "%41.com",
    "ဖေ့စ်ဘွတ်.com",
    "www.ဖေ့စ်.com",
    "xn--fsq.com",
    "bücher.de",
    "ｆａｃｅ.com",
    "a-b.c-d",
    "-x-.y",
    "host.",
    "HOST..com",
    "",
    "ex\u2100ample.com",
    "e:x",
]
_PORTS = ["", "", "", ":80", ":443", ":8080", ":", ":abc", ":0443", ":00080", ":99999", ":-1"]
_PATHS = [
    "",
    "",
    "/",
    "//",
    "///",
    "/a/",
    "/a//",
    "/Some.Page/posts/123/",
    "/page2018/posts/21222",
    "/မြန်မာ/",
    "/ျမန္မာ",
    "/%E1%80%80/",
    "/a;b=c",
    "/a;b=c/",
    "/a b",
    "/a\tb",
    "/a\nb",
    "/a:b",
    "/@user/video/1",
    "\\x",
    "/x\\y",
    "/permalink.php",
    "/story.php",
    "/a%2Fb/",
    "/\u00a0x",
    "/x\u3000",
    "/é",
    "/x\x00y",
    "/x\x7fy",
    "/😡/",
    "/a?/",
]
_QUERIES = [
    "",
    "",
    "?",
    "?a=1",
    "?fbclid=x0",
    "?a=1&fbclid=2&b=",
    "?&&",
    "?&a=1&",
    "?utm_source=1",
    "?UTM_source=1",
    "?utm_=2",
    "?__cft__%5B0%5D=z&a=1",
    "?__cft__[0]=z",
    "?%72ef=1",
    "?%7=1",
    "?a=&b",
    "?a=1;ref=2",
    "?ref",
    "?ref=",
    "?REF=1",
    "?a=1?b=2",
    "?si=x&id=7",
    "?story_fbid=1&id=2",
    "?mibextid=abc&igshid=q",
    "?__tn__=R&refsrc=y",
    "?a=%E1%80%80",
    "?q=မြန်မာ",
    "?a=1&&&b=2",
    "?=x",
    "?a==b",
    "?fbclid",
    "?a b=1",
    "?a=1#",
    "?#",
]
_FRAGMENTS = ["", "", "", "#", "#frag", "#a?b", "#x#y", "#comments", "#?fbclid=1", "#မြန်"]
_PADS = ["", "", "", " ", "  ", "\t", "\n", "\x00", "\x01", "\u00a0", "\ufeff", "\u200b"]


# The shapes a report log mostly holds, drawn more often than the odd ones.
_COMMON = (
    ["https://", "http://", "HTTPS://"],
    [""],
    ["facebook.com", "www.facebook.com", "m.facebook.com", "WWW.Facebook.COM", "web.x.org"],
    [""],
    ["/page2018/posts/21222", "/a/", "/Some.Page/posts/123/", "/မြန်မာ/", "", "/"],
    ["", "?fbclid=x0", "?a=1&fbclid=2&b=", "?story_fbid=1&id=2", "?utm_source=1&a=2"],
    ["", "#comments"],
)


def _generated_links(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    parts = (_SCHEMES, _USERINFO, _HOSTS, _PORTS, _PATHS, _QUERIES, _FRAGMENTS)
    links = []
    for _ in range(count):
        link = "".join(
            rng.choice(common if rng.random() < 0.75 else every)
            for common, every in zip(_COMMON, parts, strict=True)
        )
        if rng.random() < 0.3:
            link = rng.choice(_PADS) + link + rng.choice(_PADS)
        links.append(link)
    return links


def test_canonical_url_fast_path_equals_the_plain_code_on_generated_links() -> None:
    links = _generated_links(60_000, seed=15)
    # The common shapes are most of what a file holds: the fast path must be taken
    # for many of them (or this test would prove nothing about it).
    fast = sum(1 for link in links if normalise._SIMPLE_URL.fullmatch(link.strip()) is not None)
    assert fast > 5_000
    for link in links:
        assert_same_canonical(link)


def test_canonical_url_fast_path_on_the_spec_examples_and_edges() -> None:
    for text in [
        None,
        "",
        "   ",
        "https://www.facebook.com/page2018/posts/21222?fbclid=x0",
        "HTTPS://WWW.Facebook.com/Some.Page/posts/123/?fbclid=abc&story=9&utm_source=x#c",
        "https://www./x",
        "https://m./",
        "https://www.",
        "https://www",
        "https://facebook.com",
        "https://facebook.com/",
        "https://facebook.com?",
        "https://facebook.com?fbclid=1",
        "https://facebook.com#x",
        "https://facebook.com/?a=1#x?b=2",
        "https://facebook.com//",
        "https://facebook.com//x//",
        "https://facebook.com/a?b?c#d#e",
        "https://facebook.com/a?%E1=1",
        "https://facebook.com/a?%zz=1",
        "https://facebook.com/a?utm%5Fsource=1",
        "facebook.com/page/posts/1?fbclid=2",
        "www.facebook.com/page/",
        "//www.facebook.com/page/",
        "https:///path",
        "https://[::1/x",
    ]:
        assert_same_canonical(text)


_LINK_PARTS = st.lists(
    st.sampled_from(
        [*_SCHEMES, *_USERINFO, *_HOSTS, *_PORTS, *_PATHS, *_QUERIES, *_FRAGMENTS, *_PADS]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        _LINK_PARTS, st.text(max_size=60), st.from_regex(normalise._SIMPLE_URL, fullmatch=True)
    )
)
def test_canonical_url_fast_path_equals_the_plain_code_on_any_text(text: str) -> None:
    assert_same_canonical(text)


# --- time cells: parse_cell_time before its fast path, verbatim ----------------------


def reference_parse_cell_time(value: object, tz: ZoneInfo) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_utc(value, tz)
    if isinstance(value, date):
        return to_utc(datetime.combine(value, datetime.min.time()), tz)
    text = str(value)
    if not text.strip():
        return None
    return parse_timestamp(text, tz)


_ZONES = [
    ZoneInfo(name)
    for name in (
        "UTC",
        "Asia/Yangon",
        "Europe/London",
        "America/New_York",
        "Australia/Lord_Howe",
        "Pacific/Apia",
    )
]
_TIME_CELLS = [
    "2018-03-05T14:30",
    "2018-03-05 14:30:00+06:30",
    "2018-03-05T08:00Z",
    "2018-03-05",
    "05/03/2018 14:30",
    "5/3/2018",
    "05/03/2018T14:30:59",
    "31/02/2018 10:00",
    "2018-02-31",
    "2023-04-20T20:16:00+00:00",
    "2023-04-21T20:55:21.964790+00:00",
    "2023-04-21T20:55:21.9",
    "2023-04-21T20:55:21,964790",
    "2023-04-21T20:55:21.964790-09:30",
    "2023-04-21T20:55+0530",
    "2023-03-26T01:30",
    "2023-03-26T02:30",
    "2023-10-29T01:30",
    "2023-03-12T02:30",
    "2023-11-05T01:30",
    "2023-11-05T01:30-04:00",
    "2023-10-01T02:15",
    "2011-12-30T12:00",
    "20230421T205521",
    "2023-W16-5",
    "2023-111",
    "2023-04-21T24:00",
    "2023-04-21T25:00",
    "2023-13-01",
    "0001-01-01T00:00",
    "0001-01-01T00:00+01:00",
    "9999-12-31T23:59-01:00",
    "9999-12-31T23:59",
    "1999-12-31T23:59:59Z",
    "2018-3-5",
    "2018-03-05T",
    "2018-03-05X14:30",
    "2018-03-05T14:30:00+06:30 ",
    "  2018-03-05T14:30\t",
    "\u00a02018-03-05\u00a0",
    "",
    " ",
    "\n",
    "next tuesday",
    "12345",
    "1234-",
    "-",
    "2018/03/05",
    "05-03-2018",
    "१२३४-01-01",
    "2018-03-05T14:30:00.123456789",
    "2018-03-05T14:30:00+25:00",
    "2018-03-05T14:30:00+06:30:15",
    "2018-03-05T14:30:00.5+06:30",
    "٢٠١٨-03-05",
    "2018-03-05T14:30\x00",
    "2018-03-05T14:30+00:00Z",
]
_OTHER_CELLS: list[object] = [
    None,
    datetime(2018, 3, 5, 14, 30),
    datetime(2018, 3, 5, 14, 30, tzinfo=UTC),
    datetime(2023, 10, 29, 1, 30),
    datetime(2023, 10, 29, 1, 30, fold=1),
    date(2018, 3, 5),
    43164.5,
    43164,
    0,
    2018,
    True,
]


def _time_outcome(function: object, value: object, tz: ZoneInfo) -> tuple[str, object]:
    try:
        parsed = function(value, tz)  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001 - the same errors and messages count too
        return (type(exc).__name__, str(exc))
    # Equal instants are not enough: the same offset and fold too.
    return ("ok", None if parsed is None else (parsed, parsed.utcoffset(), parsed.fold))


def assert_same_time(value: object, tz: ZoneInfo) -> None:
    assert _time_outcome(parse_cell_time, value, tz) == _time_outcome(
        reference_parse_cell_time, value, tz
    ), (value, tz)


def test_time_cells_fast_path_equals_the_plain_code() -> None:
    for tz in _ZONES:
        for value in [*_TIME_CELLS, *_OTHER_CELLS]:
            assert_same_time(value, tz)


def test_time_cells_across_a_year_of_every_zone_and_dst_edge() -> None:
    # Every half hour of 2023 (both DST changes of each zone), naive and with offsets.
    start = datetime(2023, 1, 1)
    for tz in _ZONES[1:4]:
        for step in range(0, 365 * 48, 7):
            local = start + timedelta(minutes=30 * step)
            for text in (
                local.isoformat(),
                local.isoformat(" ", "minutes"),
                local.strftime("%d/%m/%Y %H:%M"),
                local.isoformat() + "+06:30",
                local.isoformat(timespec="microseconds") + "Z",
            ):
                assert_same_time(text, tz)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)).map(
            datetime.isoformat
        ),
        st.sampled_from(_TIME_CELLS).map(lambda text: text[: len(text) // 2 + 3]),
    ),
    st.sampled_from(_ZONES),
)
def test_time_cells_fast_path_on_any_text(text: str, tz: ZoneInfo) -> None:
    assert_same_time(text, tz)


def test_to_micros_is_the_exact_count_of_microseconds() -> None:
    rng = random.Random(15)
    for _ in range(20_000):
        micros = rng.randrange(-62_000_000_000_000_000, 250_000_000_000_000_000)
        value = EPOCH + timedelta(microseconds=micros)
        assert to_micros(value) == micros == (value - EPOCH) // timedelta(microseconds=1)
        yangon = value.astimezone(_ZONES[1]) if value.year > 1 else value
        assert to_micros(yangon) == micros
    from desktop_app.core.micros import from_micros

    assert from_micros(1_680_000_000_123_456) == EPOCH + timedelta(
        microseconds=1_680_000_000_123_456
    )
    with pytest.raises(ValueError, match="naive"):
        to_micros(datetime(2018, 3, 5))
