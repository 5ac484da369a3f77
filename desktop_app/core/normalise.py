"""Normalisation for matching, exactly as INDICATORS.md defines it.

Content is always stored as the user gave it; these functions only make the keys
that decide whether two things are the same post, account, reporter or text.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit, urlunsplit

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
    """Reporter key: trimmed and casefolded. Empty = unknown.

    From schema 0018 a report whose reporter IS its key keeps the text once, in
    ``reporter_key`` (``models.REPORTER_SQL``). A change to this function that is
    followed by recomputing the stored keys must first set ``reporter_own =
    coalesce(reporter_own, reporter_key)`` on every report, or the reporters read
    back would change with their keys."""
    return (reporter or "").strip().casefold()


def _keep_param(segment: str) -> bool:
    name = segment.split("=", 1)[0]
    if "%" in name:  # unquote returns a text without "%" as it is
        name = unquote(name)
    return not (name in _TRACKING_PARAMS or name.startswith("utm_"))


# The common shape of a link, for which canonical_url's answer needs no urlsplit:
# a scheme, "://", a host of ASCII letters, digits, dots and hyphens (no user, no
# port, no IPv6 literal, nothing an IDN check could refuse), then a path starting
# with "/", a query and a fragment, none with a control character or a space
# (urlsplit would remove tabs and newlines). Anything else takes the general path.
_SIMPLE_URL = re.compile(
    r"([A-Za-z][A-Za-z0-9+.\-]*)://([A-Za-z0-9.\-]+)(/[^?#\x00-\x20\x7f]*)?"
    r"(?:\?([^#\x00-\x20\x7f]*))?(?:#[^\x00-\x20\x7f]*)?"
)
_simple_url = _SIMPLE_URL.fullmatch
# _HOST_PREFIXES without their dot: each is one label, so a host starts with one
# of them exactly when its first label is that name.
_PREFIX_LABELS = frozenset(prefix[:-1] for prefix in _HOST_PREFIXES)


def canonical_url(url: str | None) -> str:
    """Canonical form of a post link (INDICATORS.md, "Post"). Empty stays empty.

    Links of the common shape (``_SIMPLE_URL``) are cut up by one regular
    expression; every other text goes through ``urlsplit`` as before
    (``_canonical_url_general``). Both give the same text for every link: a test
    compares them on generated links of every shape.
    """
    text = (url or "").strip()
    if not text:
        return ""
    simple = _simple_url(text)
    if simple is None:
        return _canonical_url_general(text)
    scheme, host, path, query = simple.groups()
    host = host.lower()
    label, dot, rest = host.partition(".")
    if dot and label in _PREFIX_LABELS:
        if not rest:  # "www." alone: no host is left, urlunsplit writes it otherwise
            return _canonical_url_general(text)
        host = rest
    out = scheme.lower() + "://" + host
    if path:
        out += path.rstrip("/")
    if query:
        query = "&".join([s for s in query.split("&") if s and _keep_param(s)])
        if query:
            out += "?" + query
    return out


@lru_cache(maxsize=4096)  # a post reported many times has the same link on each row
def looks_like_link(url: str) -> bool:
    """Whether ``url`` can be a post's link: a scheme and a host, or a host name
    with a dot and a top-level label of two letters or more (``facebook.com/…``).
    "N/A", "link", "-" or a label such as "open post" are not: taken as links, they
    made every such row one post (schema: a post is known by its link)."""
    text = url.strip()
    if _simple_url(text):
        return True
    if any(c.isspace() for c in text) and "://" not in text:
        return False
    try:
        host = urlsplit(text if "://" in text else "//" + text).hostname or ""
    except ValueError:
        return False
    label = host.strip(".").rpartition(".")
    return bool(label[1]) and len(label[2]) >= 2 and not label[2].isdigit() or _is_ip(host)


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _canonical_url_general(text: str) -> str:
    """``canonical_url`` of any stripped, non-empty text, through ``urlsplit``."""
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


class _ZawgyiModel:
    """myanmartools' Zawgyi model, evaluated in one pass.

    ``ZawgyiDetector.get_zawgyi_probability`` walks the text twice through a
    bisect per character; importing 100,000 Burmese posts spent seconds there.
    This reads the same model (pinned myanmartools version) and sums the same
    log-likelihood ratios in the same order, so the probability is identical;
    a test compares the two on Unicode and Zawgyi samples.
    """

    def __init__(self) -> None:
        from myanmartools import ZawgyiDetector  # loads its model: only when Burmese appears

        detector = ZawgyiDetector()
        self.library = detector
        chars = detector._chars  # noqa: SLF001 - same model, faster walk
        self.size = len(chars) + 1
        self.states = {char: index + 1 for index, char in enumerate(chars)}
        self.params = detector._params  # noqa: SLF001

    def probability(self, text: str) -> float:
        states, params, size = self.states, self.params, self.size
        previous = 0
        total = 0.0
        seen = False
        for char in text:
            state = states.get(char, 0)
            value = params[previous * size + state]
            if value == value:  # not NaN: a pair the model knows
                total += value
                seen = True
            previous = state
        value = params[previous * size]
        if value == value:
            total += value
            seen = True
        if not seen:
            return -math.inf
        if total >= 0:
            z = math.exp(-total)
            return z / (z + 1)
        return 1 / (1 + math.exp(total))


_model: _ZawgyiModel | None = None


def zawgyi_probability(text: str) -> float:
    global _model
    if _model is None:
        _model = _ZawgyiModel()
    return _model.probability(text)


@lru_cache(maxsize=4096)  # an import asks of each new text three times
def is_zawgyi(text: str) -> bool:
    """True when ``text`` has Burmese that myanmartools judges to be Zawgyi-encoded."""
    if not _MYANMAR.search(text):
        return False
    return zawgyi_probability(text) > ZAWGYI_THRESHOLD


def to_unicode_burmese(text: str) -> str:
    """Convert Zawgyi-encoded Burmese to Unicode; any other text is returned unchanged."""
    if is_zawgyi(text):
        from para import zg_to_unicode

        converted: str = zg_to_unicode(text, force=True)
        return converted
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


CONTENT_KEY_BYTES = 10  # 80 bits: two different texts among 10^6 share a key ~4e-13 of the time
# Whether post.content_key holds content_hash (True) or the normalised text (False).
# The hash takes 21 bytes a post and its index instead of a second copy of every
# text (8.4 MB at 100,000 reports). On since schema 0010; every writer of the column
# (store/writer.py, repository.update_post, sharing/merge.py) calls content_key(...).
# Switching back: set False and add a migration that calls recompute_content_keys.
CONTENT_KEY_HASHED = True


@lru_cache(maxsize=4096)
def content_hash(content: str | None) -> str:
    """The BLAKE2b hash of ``normalise_content`` (20 hex characters), "" when the
    content normalises to nothing. Two texts share it exactly when their normalised
    forms are equal (barring a collision, about 4e-13 among a million texts)."""
    text = normalise_content(content)
    if not text:
        return ""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=CONTENT_KEY_BYTES).hexdigest()


def content_key(content: str | None) -> str:
    """The stored duplicate-matching key, ``post.content_key``: ``content_hash`` when
    ``CONTENT_KEY_HASHED``, else ``normalise_content`` (today). Either way two posts
    share it exactly when their normalised texts are equal."""
    return content_hash(content) if CONTENT_KEY_HASHED else normalise_content(content)


def search_text(text: str | None) -> str:
    """Text as the search index holds it and as a query is matched: Zawgyi read as
    Unicode Burmese, NFC. A Unicode query then finds a Zawgyi post and the other way
    round; case is folded by the index itself."""
    value = text or ""
    if not value or not _MYANMAR.search(value):
        return value
    return unicodedata.normalize("NFC", to_unicode_burmese(value))
