"""Realistic synthetic report logs for benchmarks (and nothing else)."""

from __future__ import annotations

import csv
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import HEADER

BURMESE = [
    "မွတ်စလင်များ တနင်္ဂနွေနေ့တွင် တိုက်ခိုက်မည်ဟု သတင်းရရှိသည်",
    "ဗုဒ္ဓဘာသာဝင်များ သတိထားကြပါ ဤစာကို မျှဝေပါ",
    "ရန်ကုန်မြို့တွင် အဓိကရုဏ်း ဖြစ်ပွားမည်",
    "ဤလူများကို နိုင်ငံမှ နှင်ထုတ်ရမည်",
]
ENGLISH = [
    "They are coming to attack our village on Sunday, share this now",
    "Fake news: the election was stolen by foreigners",
    "These people must be driven out of the country",
    "Warning to all Buddhists: prepare yourselves",
]
OUTCOMES = ["removed", "restricted", "account_suspended", "account_banned", "no_violation"]


def generate(path: Path, reports: int, *, seed: int = 7) -> Path:
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    posts = max(1, int(reports * 0.6))
    authors = max(1, reports // 20)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        for index in range(reports):
            post = rng.randrange(posts)
            author = (post * 7919) % authors
            prng = random.Random(post)
            body = prng.choice(BURMESE if post % 3 else ENGLISH)
            content = f"{body} #{post % 997}"
            reported = start + timedelta(minutes=rng.randrange(60 * 24 * 540))
            row = {
                "post_url": f"https://www.facebook.com/page{author}/posts/{post}?fbclid=x{index}",
                "platform": prng.choice(["facebook", "facebook", "messenger", "tiktok"]),
                "author_handle": f"@author{author}",
                "author_name": f"Author {author}",
                "author_suspected_fake": "yes" if author % 13 == 0 else "",
                "category": prng.choice(["hate_speech", "incitement", "misinformation", ""]),
                "language": "my" if post % 3 else "en",
                "content": content,
                "reported_at": reported.isoformat(),
                "reporter": f"researcher{rng.randrange(40)}",
                "report_channel": rng.choice(["in_app", "trusted_partner", "web_form"]),
                "report_ref": f"T{index}",
            }
            if rng.random() < 0.8:
                row["first_response_at"] = (
                    reported + timedelta(hours=rng.uniform(0.1, 30))
                ).isoformat()
            if rng.random() < 0.7:
                row["final_response_at"] = (
                    reported + timedelta(hours=rng.expovariate(1 / 60))
                ).isoformat()
                row["final_outcome"] = rng.choice(OUTCOMES)
                row["response_text"] = "We reviewed the content you reported."
            writer.writerow(row)
    return path
