"""uids: UUIDv7 text, unique and increasing, one at a time or in a batch."""

from __future__ import annotations

import re
import threading
import time
import uuid

from desktop_app.store import models
from desktop_app.store.models import new_uid, new_uids

_FORMAT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_batch_is_uuid7_text_unique_and_increasing() -> None:
    before = time.time_ns() // 1_000_000
    uids = new_uids(50_000)
    after = time.time_ns() // 1_000_000
    assert len(uids) == 50_000 == len(set(uids))
    assert uids == sorted(uids)
    for uid in uids[::997] + uids[-1:]:
        assert _FORMAT.match(uid), uid
        parsed = uuid.UUID(uid)
        assert str(parsed) == uid
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
        assert before <= parsed.int >> 80 <= after + 1


def test_single_uids_follow_the_batch_and_each_other() -> None:
    uids = new_uids(3) + [new_uid() for _ in range(200)] + new_uids(3)
    assert len(set(uids)) == len(uids)
    assert uids == sorted(uids)
    assert new_uids(0) == []


def test_counting_across_the_high_random_bits_stays_ordered(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    future = time.time_ns() // 1_000_000 + 10_000  # as if the clock went back
    monkeypatch.setattr(models, "_uid_last", (future, (5 << 62) - 3))
    uids = new_uids(7)
    assert uids == sorted(uids) and len(set(uids)) == 7
    assert [u[14:18] for u in uids] == ["7004"] * 2 + ["7005"] * 5
    assert all(uuid.UUID(u).int >> 80 == future for u in uids)


def test_threads_never_share_a_uid() -> None:
    found: list[list[str]] = []

    def make() -> None:
        found.append(new_uids(2_000) + [new_uid() for _ in range(500)])

    threads = [threading.Thread(target=make) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [uid for batch in found for uid in batch]
    assert len(every) == 10_000 == len(set(every))


def test_uids_made_as_bytes_are_the_stored_form_of_the_text(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The bulk writer makes its uids as the 16 bytes the store keeps (uids.to_db of
    # the text): the same values, in the same order, across a run of the high bits,
    # after the text ones and before them.
    from desktop_app.store.models import new_uid_bytes
    from desktop_app.store.uids import from_db, to_db

    future = time.time_ns() // 1_000_000 + 10_000
    for n in (1, 2, 9):
        monkeypatch.setattr(models, "_uid_last", (future, (5 << 62) - 4))
        texts = new_uids(n)
        monkeypatch.setattr(models, "_uid_last", (future, (5 << 62) - 4))
        made = new_uid_bytes(n)
        assert made == [to_db(text) for text in texts]
        assert [from_db(value) for value in made] == texts
    assert new_uid_bytes(0) == []
    mixed = [to_db(u) for u in new_uids(3)] + new_uid_bytes(5_000) + [to_db(new_uid())]
    assert mixed == sorted(mixed) and len(set(mixed)) == len(mixed)
    assert all(type(v) is bytes and len(v) == 16 for v in mixed)
