"""The demo store: realistic sample cases (Burmese and English) to try Caselog
without real evidence. Its passphrase is public and shown on screen."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

# The window's start page shows DEMO_PASSPHRASE; what makes the store (SQLAlchemy,
# the importer, the tables) is imported only when a demo store is made (issue 15).
if TYPE_CHECKING:
    from desktop_app.store.engine import Store

DEMO_PASSPHRASE = "caselog-demo"
DEMO_ORGANISATION = "Demo monitoring group (sample data)"


def _screenshot(title: str, lines: list[str], accent: tuple[int, int, int]) -> bytes:
    """A plain PNG that stands in for a screenshot of a post (Latin text only)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 400), (240, 242, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 620, 380), fill=(255, 255, 255), outline=(210, 214, 220))
    draw.ellipse((36, 36, 76, 76), fill=accent)
    draw.text((90, 42), title, fill=(28, 30, 33))
    draw.text((90, 60), "Sponsored - Public", fill=(101, 103, 107))
    y = 110
    for line in lines:
        draw.text((40, y), line, fill=(28, 30, 33))
        y += 22
    draw.rectangle((40, 300, 600, 360), fill=(228, 230, 235))
    draw.text((52, 322), "Like   Comment   Share      1.2K shares", fill=(101, 103, 107))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def create_demo_store(
    path: str | Path, progress: Callable[[int, int, str], None] | None = None
) -> Store:
    """Make a demo store at ``path`` (which must not exist) and return it open.

    It takes seconds (a key derivation, the import, the screenshots): the window
    runs it off its thread and shows ``progress``.
    """
    from sqlalchemy import select

    from desktop_app.core.timeutil import zone
    from desktop_app.importers.spreadsheet import import_file
    from desktop_app.paths import resource_path
    from desktop_app.store import repository
    from desktop_app.store.engine import create_store
    from desktop_app.store.models import Post, Report, Response

    store = create_store(
        path, DEMO_PASSPHRASE, organisation=DEMO_ORGANISATION, timezone="Asia/Yangon"
    )
    import_file(
        store, resource_path("demo", "demo_log.csv"), zone("Asia/Yangon"), progress=progress
    )
    if progress is not None:
        progress(0, 0, "Adding sample screenshots")
    with store.transaction() as session:
        posts = list(session.scalars(select(Post).order_by(Post.id).limit(8)))
        for index, post in enumerate(posts):
            accent = [(24, 119, 242), (220, 53, 69), (40, 167, 69), (255, 153, 0)][index % 4]
            data = _screenshot(
                f"{post.platform.title()} post {post.case_ref}",
                [post.url[:70] or post.post_ref, "(screenshot of the post as it was seen)"],
                accent,
            )
            repository.add_attachment(
                session,
                data,
                original_name=f"{post.case_ref}-screenshot.png",
                media_type="image/png",
                post=post,
                captured_at=post.created_at - timedelta(minutes=5),
                capture_source="typed",
                captured_by="Demo researcher",
            )
        response = session.scalars(
            select(Response).join(Report).where(Response.outcome == "no_violation").limit(1)
        ).first()
        if response is not None:
            repository.add_attachment(
                session,
                _screenshot(
                    "Support Inbox",
                    [
                        "We reviewed the post you reported and found that",
                        "it doesn't go against our Community Standards.",
                    ],
                    (101, 103, 107),
                ),
                original_name="platform-reply.png",
                media_type="image/png",
                response=response,
                captured_by="Demo researcher",
            )
    return store
