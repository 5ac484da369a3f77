"""Queries below three characters scan the posts (the trigram index cannot match them):
the scan finds authors by handle in one pass over the author table instead of looking
each post's author up; it must find exactly the posts the plain join finds, as typed
and normalised (Zawgyi read as Unicode)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.normalise import search_text
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store import repository as repo
from desktop_app.store.engine import Store, create_store
from desktop_app.store.search import search_ids
from tests.conftest import PASSPHRASE
from tests.perf.generate import generate

ZAWGYI = "ျမန္မာ ႏိုင္ငံ"
UNICODE = "မြန်မာ နိုင်ငံ"


def _joined(store: Store, text: str) -> list[int]:
    """The plain scan: every post joined to its author, each field looked at."""
    found = set()
    for query in {text, search_text(text)}:
        rows = store.raw().execute(
            "SELECT p.id FROM post p LEFT JOIN author_account a ON a.id = p.author_id "
            "WHERE instr(p.content, :q) OR instr(p.url, :q) OR instr(p.notes, :q) "
            "OR instr(coalesce(a.handle, ''), :q)",
            {"q": query},
        )
        found.update(row[0] for row in rows)
    return sorted(found)


def test_a_short_query_finds_what_the_joined_scan_finds(tmp_path: Path) -> None:
    store = create_store(tmp_path / "short.db", PASSPHRASE, timezone="UTC")
    import_file(store, generate(tmp_path / "log.csv", 600), zone("UTC"))
    with store.transaction() as session:
        zawgyi_author = repo.get_or_create_account(session, platform="facebook", handle=ZAWGYI)
        plain = repo.get_or_create_account(session, platform="facebook", handle="qx_handle")
        fields = [
            (repo.PostFields(platform="facebook", url="https://x.com/qz1", content="c"), None),
            (repo.PostFields(platform="facebook", url="https://x.com/2", content=UNICODE), None),
            (repo.PostFields(platform="facebook", url="https://x.com/3", content="z"), plain),
            (
                repo.PostFields(platform="telegram", url="https://t.me/4", content="y"),
                zawgyi_author,
            ),
            (
                repo.PostFields(
                    platform="facebook", url="https://x.com/5", content="n", notes="vq"
                ),
                None,
            ),
        ]
        for post_fields, author in fields:
            repo.add_post(session, post_fields, author)
    queries = ("qx", "qz", "vq", "ab", "#2", "12", "မြ", "ျမ", "ႏိ", "a", "@", "zz-none")
    for text in queries:
        sql, params = search_ids(text)
        got = sorted(row[0] for row in store.raw().execute(sql, params))
        assert got == _joined(store, text), text
    # Each kind of field is reached: the handle, the link, the notes, the text.
    for text in ("qx", "qz", "vq", "ျမ"):
        sql, params = search_ids(text)
        assert store.raw().execute(sql, params).fetchall(), text
    store.close()
