"""Case data for the export tests: a realistic log plus hand-made rows that exercise
every indicator (Burmese text, duplicates, repeat offenders, fake accounts, pending
reports, a handle that looks like a formula), and screenshots as attachments."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import select

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.indicators.compute import IndicatorParams
from desktop_app.store import repository
from desktop_app.store.engine import Store
from desktop_app.store.models import Post, Report, Response
from tests.conftest import write_log
from tests.perf.generate import generate

YANGON = zone("Asia/Yangon")
AS_OF = datetime(2024, 7, 1, tzinfo=UTC)
BURMESE_POST = "ရိုဟင်ဂျာများကို နှင်ထုတ်ရမည် ယခုပဲ မျှဝေပါ"
BURMESE_REPORTER = "မောင်မောင် (Yangon)"
SECRET_REPORTER = "Ko Secret Reporter 4471"
SECRET_NOTE = "safehouse in Hlaing Tharyar 8812"
SECRET_RESPONSE = "We decided this content 5531 stays"
SECRET_AUTHOR = "@HiddenHater9931"
SECRET_RESEARCHER = "Daw Capture Person 2209"
FORMULA_HANDLE = '=HYPERLINK("http://evil.example","click")'

ROWS = [
    {
        "post_url": "https://www.facebook.com/hate.page/posts/1?fbclid=abc",
        "platform": "Facebook",
        "author_handle": SECRET_AUTHOR,
        "author_name": "Hater Nine",
        "author_suspected_fake": "yes",
        "category": "incitement",
        "language": "my",
        "content": BURMESE_POST,
        "reported_at": "2024-01-05T14:30",
        "reporter": SECRET_REPORTER,
        "first_response_at": "2024-01-05T16:30",
        "final_response_at": "2024-01-09T14:30",
        "final_outcome": "account_banned",
        "response_text": SECRET_RESPONSE,
        "notes": SECRET_NOTE,
    },
    {  # same text, another post and account: a duplicate cluster
        "post_url": "https://www.facebook.com/other.page/posts/9",
        "platform": "facebook",
        "author_handle": FORMULA_HANDLE,
        "category": "incitement",
        "content": BURMESE_POST + " !!",
        "reported_at": "2024-01-31T23:00",
        "reporter": BURMESE_REPORTER,
    },
    {
        "post_ref": "msg-chain-77",
        "platform": "Messenger",
        "content": "Buddhists will attack on Sunday",
        "reported_at": "2024-02-01T00:30",
        "reporter": "researcher a",
        "final_response_at": "2024-02-01T01:00",
        "final_outcome": "no_violation",
    },
]


@dataclass(frozen=True)
class Sample:
    post_with_files: Post
    screenshot: bytes
    reply_scan: bytes


def screenshot(text: str, size: tuple[int, int] = (640, 360)) -> bytes:
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([8, 8, size[0] - 8, size[1] - 8], outline="navy", width=3)
    draw.text((20, 20), text, fill="black")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def fill(store: Store, tmp_path: Path, *, generated: int = 300) -> Sample:
    """Import a generated log and the hand-made rows; attach files to the first case."""
    if generated:
        import_file(store, generate(tmp_path / "generated.csv", generated, seed=3), zone("UTC"))
    import_file(store, write_log(tmp_path / "rows.csv", ROWS), YANGON)
    shot = screenshot("screenshot of the post")
    scan = b"%PDF-1.4 not really a pdf, kept byte for byte \x00\xff"
    with store.transaction() as session:
        post = session.scalars(select(Post).where(Post.content == BURMESE_POST)).one()
        response = session.scalars(
            select(Response)
            .join(Report, Report.id == Response.report_id)
            .where(Report.post_id == post.id, Response.outcome == "account_banned")
        ).one()
        repository.add_attachment(
            session,
            shot,
            original_name="../../etc/ဓာတ်ပုံ screenshot.png",
            media_type="image/png",
            post=post,
            captured_by=SECRET_RESEARCHER,
        )
        repository.add_attachment(
            session,
            scan,
            original_name="reply.pdf",
            media_type="application/pdf",
            response=response,
            captured_by=SECRET_RESEARCHER,
        )
    return Sample(post_with_files=post, screenshot=shot, reply_scan=scan)


def params(**changes: object) -> IndicatorParams:
    base: dict[str, object] = {"tz": YANGON, "as_of": AS_OF, "sla_hours": 48.0}
    base.update(changes)
    return IndicatorParams(**base)  # type: ignore[arg-type]
