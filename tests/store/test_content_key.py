"""post.content_key: the normalised text, or its hash once switched on
(core.normalise.CONTENT_KEY_HASHED); either form makes the same posts duplicates,
and migrations 0008/0009 bring every store to the form the writer writes, touching
nothing else."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core import normalise
from desktop_app.core.normalise import content_hash, content_key, normalise_content
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store.engine import (
    SCHEMA_HEAD,
    Store,
    create_store,
    current_revision,
    open_store,
)
from desktop_app.store.writer import recompute_content_keys
from tests.conftest import PASSPHRASE, write_log
from tests.store.rows import named_rows

ZAWGYI = "ျမန္မာ ႏိုင္ငံ"
UNICODE = "မြန်မာ နိုင်ငံ"
TEXTS = [
    "Hello,   WORLD!! 😡",
    "hello world",
    "ｈｅｌｌｏ ｗｏｒｌｄ",
    "hello  world.",
    "hello worlds",
    ZAWGYI,
    UNICODE,
    UNICODE + "။",
    "!!! ...",
    "",
    "   ",
    "other text",
]
CLUSTERS = [
    ["C-000001", "C-000002", "C-000003", "C-000004"],
    ["C-000006", "C-000007", "C-000008"],
]


@pytest.mark.parametrize("key", [content_hash, normalise_content])
def test_equal_keys_exactly_for_equal_normalised_texts(key: Any) -> None:
    for a in TEXTS:
        for b in TEXTS:
            same_text = normalise_content(a) == normalise_content(b)
            assert (key(a) == key(b)) == same_text, (a, b)
    assert key("!!! ...") == key("") == key(None) == ""
    assert key(ZAWGYI) == key(UNICODE) != ""


def test_the_stored_key_is_80_bits_of_hex_of_the_normalised_text() -> None:
    value = content_hash("hello world")
    assert len(value) == 20 and int(value, 16) >= 0
    assert normalise.CONTENT_KEY_HASHED
    assert content_key("Hello,   WORLD!!") == value == content_hash("hello world")
    assert content_key("   ") == ""


def _duplicates(store: Store) -> list[list[str]]:
    rows = store.raw().execute(
        "SELECT group_concat(case_ref, ' ') FROM ("
        "  SELECT content_key, case_ref FROM post WHERE content_key != '' ORDER BY id)"
        " GROUP BY content_key HAVING count(*) >= 2"
    )
    return sorted(sorted(r[0].split()) for r in rows)


def _everything_else(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    raw = store.raw()
    # By name (tests.store.rows): 0015 makes canonical_url from identity_key, 0016
    # names the import by an id; both read the same as the columns they replaced.
    found = {"post": named_rows(raw, "post", skip=("content_key",), order="id")}
    for table in ("report", "response", "author_account"):
        found[table] = named_rows(raw, table, order="id")
    return found


def _row(i: int, text: str) -> dict[str, str]:
    return {
        "post_url": f"https://facebook.com/p/{i}",
        "platform": "facebook",
        "content": text,
        "reported_at": f"2026-03-0{1 + i % 9} 09:00",
        "reporter": "r1",
    }


def _store_at(tmp_path: Path, revision: str, key: Any) -> Path:
    """A store at ``revision`` whose posts' keys are ``key(content)``."""
    path = tmp_path / f"at-{revision}.db"
    rows = [_row(i, text) for i, text in enumerate(TEXTS)]
    with create_store(path, PASSPHRASE, organisation="Old", target=revision) as old:
        import_file(old, write_log(tmp_path / f"log-{revision}.csv", rows), zone("UTC"))
        raw = old.raw()
        texts = raw.execute("SELECT id, content FROM post").fetchall()
        raw.executemany(
            "UPDATE post SET content_key = ? WHERE id = ?",
            [(key(text), row_id) for row_id, text in texts],
        )
        raw.commit()
    return path


@pytest.mark.parametrize(
    ("revision", "key"),
    # 0008 as first published (hashes), 0009 (the text again): 0010 hashes every key
    [("0007", normalise_content), ("0008", content_hash), ("0009", normalise_content)],
)
def test_every_store_gets_the_writers_keys_and_the_same_duplicates(
    tmp_path: Path, revision: str, key: Any
) -> None:
    path = _store_at(tmp_path, revision, key)
    with open_store(path, PASSPHRASE, upgrade=False) as old:
        assert current_revision(old) == revision
        assert _duplicates(old) == CLUSTERS
        untouched = _everything_else(old)
    with open_store(path, PASSPHRASE) as new:
        assert current_revision(new) == SCHEMA_HEAD
        contents = new.raw().execute("SELECT content, content_key FROM post").fetchall()
        assert contents and all(stored == content_key(text) for text, stored in contents)
        assert all(stored == content_hash(text) for text, stored in contents)
        assert _duplicates(new) == CLUSTERS
        assert _everything_else(new) == untouched  # updated_at included
        plan = " ".join(
            str(r)
            for r in new.raw().execute(
                "EXPLAIN QUERY PLAN SELECT content_key FROM post GROUP BY content_key"
            )
        )
        assert "ix_post_content_key" in plan


def test_the_writer_hashes_and_switching_converts_every_key(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [_row(i, text) for i, text in enumerate(TEXTS)]
    import_file(store, write_log(tmp_path / "log.csv", rows), zone("UTC"))
    raw = store.raw()
    keys = dict(raw.execute("SELECT content, content_key FROM post"))
    assert all(keys[t] == content_hash(t) for t in TEXTS if t in keys)
    assert _duplicates(store) == CLUSTERS
    monkeypatch.setattr(normalise, "CONTENT_KEY_HASHED", False)
    assert recompute_content_keys(raw) == 9  # every post with text, back to the text
    raw.commit()
    keys = dict(raw.execute("SELECT content, content_key FROM post"))
    assert all(keys[t] == normalise.normalise_content(t) for t in TEXTS if t in keys)
    assert _duplicates(store) == CLUSTERS
    monkeypatch.setattr(normalise, "CONTENT_KEY_HASHED", True)
    assert recompute_content_keys(raw) == 9
    raw.commit()
    assert recompute_content_keys(raw) == 0  # already in that form
    assert _duplicates(store) == CLUSTERS
    more = write_log(tmp_path / "more.csv", [_row(20, "HELLO world")])
    import_file(store, more, zone("UTC"))
    assert _duplicates(store)[0] == [*CLUSTERS[0], "C-000013"]  # the writer hashes too


def _edit_keeping_the_text(store: Store) -> list[str]:
    from sqlmodel import select

    from desktop_app.store import repository as repo
    from desktop_app.store.models import AuditEvent

    fields = {"platform": "facebook", "url": "https://facebook.com/p/9", "content": "same text"}
    with store.transaction() as session:
        post = repo.add_post(session, repo.PostFields(**fields))
    with store.transaction() as session:
        post = session.get_one(repo.Post, post.id)
        repo.update_post(
            session, post, repo.PostFields(**fields, category="other"), None, reason="recategorised"
        )
    with store.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "update")).one()
        return list(json.loads(event.detail)["fields"])


def test_an_edit_that_keeps_the_text_does_not_log_content_key(store: Store) -> None:
    assert _edit_keeping_the_text(store) == ["category"]


def test_with_the_hash_an_edit_that_keeps_the_text_does_not_log_content_key(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(normalise, "CONTENT_KEY_HASHED", True)
    assert _edit_keeping_the_text(store) == ["category"]
