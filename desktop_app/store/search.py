"""The case list's search condition, built from what a person typed.

``search_clause(query)`` gives SQL selecting the ids of posts whose text, link,
author or notes contain the query, and its parameters. The query is normalised
as the index is (``core.normalise.search_text``: Zawgyi read as Unicode Burmese),
so a Unicode query finds a Zawgyi post and the other way round (schema 0006).
Queries of 3 or more characters use the trigram index over the text and notes,
and the accounts' own trigram index over handle and display name (schema 0013);
shorter ones fall back to a scan of the posts (both the query as typed and
normalised).

Links are not in the trigram index (schema 0007: they were two thirds of it). A
query that looks like a link (``https://…``, ``www.…``, ``facebook.com/…``) is
canonicalised as a post's link is (``core.normalise.canonical_url``: no tracking
parameters, no ``www.``/``m.``, host in lower case) and finds the posts whose
canonical link starts with it, through the unique index on ``post.identity_key``
(``url:<platform>:<canonical link>``), with ``https`` and ``http`` both tried: a
pasted link, or its beginning, finds the case. The trigram search runs for it too
(a link quoted in a post's text or notes). Below 3 characters the scan still
looks at the links as stored.
"""

from __future__ import annotations

import re
from typing import Any

from desktop_app.core.normalise import canonical_url, search_text

MIN_INDEXED = 3  # the trigram index matches substrings of 3 characters or more

# A link, or its beginning: a scheme, or a host name (a dot inside its first
# segment, a letter in its last label) followed by a path or nothing. No spaces.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_HOST_FIRST = re.compile(r"^[^\s/?#@:]+\.[^\s/?#@:.]*[A-Za-z][^\s/?#@:.]*(?::\d+)?(?:[/?#]|$)")
_SCHEMES = ("https", "http")

# The platforms of the store, walked through ix_post_platform one value at a time
# (a handful of steps, not a scan), so each one's identity keys can be range-searched.
_LINK_SQL = (
    "SELECT p.id FROM search_platform s JOIN post p "
    "ON p.identity_key >= 'url:' || s.name || ':' || :{name} "
    "AND p.identity_key < 'url:' || s.name || ':' || :{name} || char(1114111) "
    "WHERE s.name IS NOT NULL"
)
_PLATFORMS = (
    "WITH RECURSIVE search_platform(name) AS (SELECT min(platform) FROM post "
    "UNION ALL SELECT (SELECT min(platform) FROM post WHERE platform > name) "
    "FROM search_platform WHERE name IS NOT NULL) "
)


def fts_phrase(query: str) -> str:
    """The FTS5 MATCH argument for ``query`` as one literal phrase."""
    return '"' + search_text(query.strip()).replace('"', '""') + '"'


def link_prefixes(query: str) -> list[str]:
    """The canonical links a link-like ``query`` may begin, one per scheme tried and
    one without a scheme; [] when the query does not look like a link."""
    text = query.strip()
    if not text or any(c.isspace() for c in text):
        return []
    scheme = _SCHEME.match(text)
    if scheme:
        rest = text[scheme.end() :]
        if not rest:
            return []
        wanted = scheme.group(0)[:-3].lower()
        schemes = _SCHEMES if wanted in _SCHEMES else (wanted,)
    elif _HOST_FIRST.match(text):
        rest, schemes = text, _SCHEMES
    else:
        return []
    found: list[str] = []
    # A link typed into a spreadsheet without its scheme is stored without one
    # (``facebook.com/xyz``): try that form too, so either spelling finds either.
    for link in [canonical_url(f"{name}://{rest}") for name in schemes] + [canonical_url(rest)]:
        if link and link not in found:
            found.append(link)
    return found


# The posts whose text or notes hold the phrase, and those whose author's handle or
# display name does (schema 0013: the accounts' own index, then ix_post_author_id).
# UNION ALL: a post found both ways comes twice; every caller takes the ids into a
# set (``IN (...)``, the case list's INSERT OR IGNORE), and no sort is paid for it
# (author12 at 100,000 reports: 1.35 ms against 1.65 ms with UNION).
_FTS = (
    "SELECT rowid FROM post_search WHERE post_search MATCH :search_q "
    "UNION ALL SELECT p.id FROM author_search s JOIN post p ON p.author_id = s.rowid "
    "WHERE author_search MATCH :search_q"
)
# Schema 0006-0012: the author's words were beside each post in post_search.
_FTS_AUTHORS_BESIDE = "SELECT rowid FROM post_search WHERE post_search MATCH :search_q"


def search_ids(query: str, *, authors_apart: bool = True) -> tuple[str, dict[str, Any]]:
    """``(sql, params)``: a SELECT of the ids of the posts matching ``query`` (which
    must not be empty; an id may come twice: use it as a set). Parameter names start
    with ``search_``. ``authors_apart=False``: for a store before schema 0013 (its
    migration tests), whose post entries hold the author's words."""
    text = query.strip()
    if not text:
        raise ValueError("search_ids needs a query")
    if len(text) >= MIN_INDEXED:
        fts = _FTS if authors_apart else _FTS_AUTHORS_BESIDE
        params: dict[str, Any] = {"search_q": fts_phrase(text)}
        links = link_prefixes(text)
        if not links:
            return fts, params
        parts = [fts]
        for number, link in enumerate(links):
            name = f"search_link{number}"
            params[name] = link
            parts.append(_LINK_SQL.format(name=name))
        return _PLATFORMS + " UNION ".join(parts), params
    # One scan of the posts' own text; the authors whose handle holds the query are
    # found once, in a scan of the (much smaller) author table, not looked up for each
    # post (a join did that: 48,759 lookups, a third of the scan, at 100,000 reports).
    normalised = search_text(text)
    if normalised == text:  # most queries: one scan, each field looked at once
        params = {"search_raw": text}
        keys: tuple[str, ...] = (":search_raw",)
    else:
        params = {"search_raw": text, "search_norm": normalised}
        keys = (":search_raw", ":search_norm")

    def found(field: str) -> str:
        return " OR ".join(f"instr({field}, {key})" for key in keys)

    return (
        f"SELECT id FROM post WHERE {found('content')} OR {found('url')} OR {found('notes')} "
        f"OR author_id IN (SELECT id FROM author_account WHERE {found('handle')})",
        params,
    )


def search_clause(
    query: str, *, column: str = "post_id", authors_apart: bool = True
) -> tuple[str, dict[str, Any]]:
    """``(sql, params)``: ``{column} IN (...)`` for posts matching ``query``; ("1", {})
    for an empty query. Parameter names start with ``search_``."""
    if not query.strip():
        return "1", {}
    ids, params = search_ids(query, authors_apart=authors_apart)
    return f"{column} IN ({ids})", params
