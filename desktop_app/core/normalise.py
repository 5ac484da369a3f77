"""Normalisation for matching, exactly as INDICATORS.md defines it.

Content is always stored as the user gave it; these functions only make the keys
that decide whether two things are the same post, account, reporter or text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit, urlunsplit

if TYPE_CHECKING:
    from myanmartools import ZawgyiDetector

# Query parameters that only track the click, never identify the post.
_TRACKING_PARAMS = frozenset(
    {"fbclid", "mibextid", "ref", "refsrc", "__cft__[0]", "__tn__", "igshid", "si"}
)
_HOST_PREFIXES = ("www.", "m.", "mbasic.", "web.")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_MYANMAR = re.compile("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]")
_WHITESPACE = re.compile(r"\s+")
# myanmartools documents 0.95 as its threshold for "this text is Zawgyi".
ZAWGYI_THRESHOLD = 0.95


def normalise_platform(platform: str | None) -> str:
    """Platform names are free text, compared trimmed and lower-cased."""
    return (platform or "").strip().lower()


def normalise_handle(handle: str | None) -> str:
    """Account handle key: trimmed, leading ``@`` removed, casefolded. Empty = unknown."""
    text = (handle or "").strip()
    if text.startswith("@"):
        text = text[1:].strip()
    return text.casefold()


_KNOWN_CATEGORIES = frozenset(
    {"hate_speech", "incitement", "misinformation", "harassment", "fake_account", "other"}
)


def normalise_category(category: str | None) -> str:
    """Categories are free text, trimmed; the suggested ones are matched case-insensitively
    (``Hate_Speech`` is ``hate_speech``) so one category is not counted twice."""
    text = (category or "").strip()
    return text.lower() if text.lower() in _KNOWN_CATEGORIES else text


def normalise_reporter(reporter: str | None) -> str:
    """Reporter key: trimmed and casefolded. Empty = unknown."""
    return (reporter or "").strip().casefold()


def _keep_param(segment: str) -> bool:
    name = unquote(segment.split("=", 1)[0])
    return not (name in _TRACKING_PARAMS or name.startswith("utm_"))


def canonical_url(url: str | None) -> str:
    """Canonical form of a post link (INDICATORS.md, "Post"). Empty stays empty."""
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


_detector: ZawgyiDetector | None = None


def is_zawgyi(text: str) -> bool:
    """True when ``text`` has Burmese that myanmartools judges to be Zawgyi-encoded."""
    global _detector
    if not _MYANMAR.search(text):
        return False
    if _detector is None:
        from myanmartools import ZawgyiDetector  # loads its model: only when Burmese appears

        _detector = ZawgyiDetector()
    return _detector.get_zawgyi_probability(text) > ZAWGYI_THRESHOLD


def to_unicode_burmese(text: str) -> str:
    """Convert Zawgyi-encoded Burmese to Unicode; any other text is returned unchanged."""
    if is_zawgyi(text):
        from para import zg_to_unicode

        return zg_to_unicode(text, force=True)
    return text


class _DropPunctuationAndSymbols(dict[int, int | None]):
    """``str.translate`` table that deletes Unicode P* and S* characters.

    Filled lazily: the C loop of ``translate`` only calls back on a character it
    has not seen, so normalising 100,000 posts stays fast.
    """

    def __missing__(self, codepoint: int) -> int | None:
        category = unicodedata.category(chr(codepoint))
        value = None if category[0] in "PS" else codepoint
        self[codepoint] = value
        return value


_DROP_P_AND_S = _DropPunctuationAndSymbols()


@lru_cache(maxsize=4096)
def normalise_content(content: str | None) -> str:
    """Duplicate-matching key: Zawgyi->Unicode, NFKC, casefold, no P*/S*, spaces folded."""
    text = content or ""
    if not text.strip():
        return ""
    text = unicodedata.normalize("NFKC", to_unicode_burmese(text)).casefold()
    return _WHITESPACE.sub(" ", text.translate(_DROP_P_AND_S)).strip()
