"""core.redaction, the one implementation of --redact for packs, workbooks and
bundles: what each field removes, and how far a pseudonym reaches."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from desktop_app.core.errors import BadInputError
from desktop_app.core.redaction import (
    REDACTED,
    Redaction,
    hidden_keys,
    parse_redaction,
    redact_detail,
)
from desktop_app.export.redact import Redaction as ExportRedaction

ALL = frozenset({"reporter", "notes", "researcher", "response_text", "author"})
SEED = bytes(range(32))


def test_exports_and_bundles_share_the_one_class() -> None:
    assert ExportRedaction is Redaction


def test_parse_names_unknown_fields() -> None:
    assert parse_redaction(" Reporter , notes") == {"reporter", "notes"}
    with pytest.raises(BadInputError, match="unknown field phone"):
        parse_redaction("phone")


def test_export_pseudonyms_hold_within_one_export_only() -> None:
    one, other = Redaction(ALL), Redaction(ALL)
    first = one.reporter("Ma Ma", "ma ma")
    assert first == one.reporter("MA MA ", "ma ma")  # one person, one pseudonym
    assert first.startswith("reporter-") and "Ma" not in first
    assert first != one.reporter("Ko Ko", "ko ko")  # distinct people stay distinct
    assert first != other.reporter("Ma Ma", "ma ma")  # nothing links two packs
    assert one.author("@page9", 7) == one.author("@page9", 7) != one.author("@page9", 8)
    assert one.author("@page9", 7).startswith("account-")
    assert one.reporter("", "") == "" and one.author("x", None) == ""


def test_partner_pseudonyms_hold_across_bundles_and_keep_their_form() -> None:
    first = Redaction.for_partners(frozenset({"reporter", "author"}), SEED)
    later = Redaction.for_partners(frozenset({"reporter", "author"}), SEED)
    assert first.reporter("Ma Ma", "ma ma") == later.reporter("Ma Ma", "ma ma")
    other_org = Redaction.for_partners(frozenset({"reporter"}), bytes(32))
    assert other_org.reporter("Ma Ma", "ma ma") != first.reporter("Ma Ma", "ma ma")
    # the exact form bundles already carry, so a partner's merged reporters stay one
    secret = hashlib.sha256(b"caselog-redaction\x00" + SEED).digest()
    digest = hmac.new(secret, b"reporter\x00ma ma", hashlib.sha256).hexdigest()[:12]
    assert first.reporter("Ma Ma", "ma ma") == f"[redacted reporter {digest}]"
    uid = "0123456789abcdef"
    assert first.author("@page9", uid) == "[redacted author 0123456789abcdef]"


def test_partner_author_placeholders_differ_for_accounts_made_together() -> None:
    """UUIDv7 uids made in the same minute share their first 8 characters (the
    clock): each account still gets a placeholder of its own, so a partner's merge
    keeps them apart and counts them right."""
    from desktop_app.store.models import new_uids

    rules = Redaction.for_partners(frozenset({"author"}), SEED)
    uids = new_uids(50)
    assert len({uid[:8] for uid in uids}) < 50  # the clock's prefix repeats
    assert len({rules.author("@same", uid) for uid in uids}) == 50


def test_row_identity_is_keyed_when_a_name_is_redacted() -> None:
    """A post with no link or reference is keyed by the hash of its row, author and
    reporter included: plain, anyone could test a guessed name against it."""
    plain = "row:messenger:" + hashlib.sha256(b"messenger\x1f@secret\x1fhi").hexdigest()
    rules = Redaction.for_partners(frozenset({"author"}), SEED)
    keyed = rules.row_identity(plain)
    assert keyed != plain and keyed.startswith("row:messenger:") and len(keyed) == len(plain)
    assert Redaction.for_partners(frozenset({"reporter"}), SEED).row_identity(plain) == keyed
    assert Redaction.for_partners(frozenset({"author"}), bytes(32)).row_identity(plain) != keyed
    assert Redaction.for_partners(frozenset({"notes"}), SEED).row_identity(plain) == plain
    assert rules.row_identity("url:facebook:https://facebook.com/p/1") == (
        "url:facebook:https://facebook.com/p/1"
    )


def test_fields_not_chosen_pass_through() -> None:
    none = Redaction(frozenset())
    assert none.reporter("Ma Ma", "ma ma") == "Ma Ma"
    assert none.notes("n") == "n" and none.researcher("r") == "r"
    assert none.response_text("t") == "t" and none.author("@a", 1) == "@a"
    some = Redaction(frozenset({"notes"}))
    assert some.notes("n") == REDACTED and some.notes("") == ""
    assert some.researcher("r") == "r"


def test_detail_reaches_edits_old_and_new_values_and_names_the_paths() -> None:
    detail = {
        "field": "notes",
        "old": "lives at 5 Main St",
        "new": "",
        "case": "C-000001",
        "changes": [{"reporter": {"old": "Ma Ma", "new": "Ko Ko"}, "platform": "x"}],
        "reason": "typo",
    }
    removed: list[str] = []
    out = redact_detail(detail, hidden_keys(frozenset({"notes", "reporter"})), removed)
    assert out["old"] == REDACTED and out["new"] == "" and out["case"] == "C-000001"
    assert out["changes"][0]["reporter"] == {"old": REDACTED, "new": REDACTED}
    assert out["changes"][0]["platform"] == "x"
    assert out["reason"] == REDACTED  # a retraction's reason is a note
    assert sorted(removed) == ["detail.changes[0].reporter", "detail.old", "detail.reason"]
    assert "Ma Ma" not in repr(out) and "Main St" not in repr(out)
    assert redact_detail(detail, frozenset()) is detail
    assert Redaction(frozenset({"author"})).detail({"handle": "@a"}) == {"handle": REDACTED}
