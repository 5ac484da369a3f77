"""Honest times in the pack: when a file was attached, and when it was taken only if known."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from desktop_app.core.capture import capture_time
from desktop_app.export.pack import export_pack
from desktop_app.store import repository
from desktop_app.store.models import Post
from tests.export import sample
from tests.export.test_capture import _png


def test_attached_at_always_and_captured_at_only_when_known(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    filled = sample.fill(store, tmp_path, generated=0)
    shot = _png(time=(2024, 1, 5, 7, 45, 0))
    taken, source = capture_time(shot, "image/png")
    assert (taken, source) == (datetime(2024, 1, 5, 7, 45, tzinfo=UTC), "png")
    with store.transaction() as session:
        post = session.scalars(select(Post).where(Post.id == filled.post_with_files.id)).one()
        repository.add_attachment(
            session,
            shot,
            original_name="dated.png",
            media_type="image/png",
            post=post,
            captured_at=taken,
            capture_source=source,
        )
    result = export_pack(
        store, sample.params(case_refs=(filled.post_with_files.case_ref,)), tmp_path / "t.zip"
    )
    with zipfile.ZipFile(result.path) as zf:
        case = json.loads(zf.read(f"data/cases/{filled.post_with_files.case_ref}/case.json"))
        html = zf.read("data/index.html").decode("utf-8")
    files = {a["original_name"]: a for a in case["attachments"]}
    dated = files["dated.png"]
    assert dated["captured_at"] == "2024-01-05T14:15:00+06:30"
    assert dated["capture_source"] == "png" and dated["attached_at"]
    undated = files["../../etc/ဓာတ်ပုံ screenshot.png"]
    assert undated["captured_at"] is None and undated["capture_source"] is None
    assert undated["attached_at"]
    assert "taken 2024-01-05 14:15 (UTC+06:30) (from the PNG file&#x27;s own time stamp)" in html
    assert html.count("when it was taken is not known") >= 1
    assert html.count("attached to the record") == 3
    assert "captured 2" not in html  # no time is called a capture time unless it is one
