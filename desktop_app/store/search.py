"""The case list's search condition, built from what a person typed.

``search_clause(query)`` gives SQL selecting the ids of posts whose text, link,
author or notes contain the query, and its parameters. The query is normalised
as the index is (``core.normalise.search_text``: Zawgyi read as Unicode Burmese),
so a Unicode query finds a Zawgyi post and the other way round (schema 0006).
Queries of 3 or more characters use the trigram index; shorter ones fall back to
a scan of the posts (both the query as typed and normalised).
"""

from __future__ import annotations

from typing import Any

from desktop_app.core.normalise import search_text

MIN_INDEXED = 3  # the trigram index matches substrings of 3 characters or more


def fts_phrase(query: str) -> str:
    """The FTS5 MATCH argument for ``query`` as one literal phrase."""
    return '"' + search_text(query.strip()).replace('"', '""') + '"'


def search_ids(query: str) -> tuple[str, dict[str, Any]]:
    """``(sql, params)``: a SELECT of the ids of the posts matching ``query`` (which
    must not be empty). Parameter names start with ``search_``."""
    text = query.strip()
    if not text:
        raise ValueError("search_ids needs a query")
    if len(text) >= MIN_INDEXED:
        return (
            "SELECT rowid FROM post_search WHERE post_search MATCH :search_q",
            {"search_q": fts_phrase(text)},
        )
    fields = ("p.content", "p.url", "p.notes", "coalesce(a.handle, '')")
    normalised = search_text(text)
    if normalised == text:  # most queries: one scan, each field looked at once
        found = " OR ".join(f"instr({f}, :search_raw)" for f in fields)
        params = {"search_raw": text}
    else:
        found = " OR ".join(f"instr({f}, :search_raw) OR instr({f}, :search_norm)" for f in fields)
        params = {"search_raw": text, "search_norm": normalised}
    return (
        f"SELECT p.id FROM post p LEFT JOIN author_account a ON a.id = p.author_id WHERE {found}",
        params,
    )


def search_clause(query: str, *, column: str = "post_id") -> tuple[str, dict[str, Any]]:
    """``(sql, params)``: ``{column} IN (...)`` for posts matching ``query``; ("1", {})
    for an empty query. Parameter names start with ``search_``."""
    if not query.strip():
        return "1", {}
    ids, params = search_ids(query)
    return f"{column} IN ({ids})", params
