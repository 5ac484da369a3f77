"""Unsaved editor text kept across a lock, inside the encrypted store (table ``draft``).

When the window locks with a case half-typed, its fields are written here, as JSON,
in one small transaction; after the next unlock the window offers them back and
deletes the draft. Nothing is ever written outside the store.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from desktop_app.core.timeutil import now_utc
from desktop_app.store.engine import Store
from desktop_app.store.models import Draft


def save_draft(store: Store, key: str, payload: Mapping[str, Any]) -> None:
    """Keep (or replace) the draft under ``key``."""
    text = json.dumps(dict(payload), ensure_ascii=False, sort_keys=True)
    with store.transaction() as session:
        draft = session.get(Draft, key)
        if draft is None:
            session.add(Draft(key=key, saved_at=now_utc(), payload=text))
        else:
            draft.saved_at = now_utc()
            draft.payload = text


def load_draft(store: Store, key: str) -> tuple[datetime, dict[str, Any]] | None:
    """The draft under ``key`` and when it was saved, or None."""
    with store.session() as session:
        draft = session.get(Draft, key)
        if draft is None:
            return None
        try:
            payload = json.loads(draft.payload)
        except ValueError:
            return None
        if not isinstance(payload, dict):
            return None
        return draft.saved_at, payload


def delete_draft(store: Store, key: str) -> None:
    with store.transaction() as session:
        draft = session.get(Draft, key)
        if draft is not None:
            session.delete(draft)
