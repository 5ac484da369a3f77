"""Two partner organisations, A and B, each with a real encrypted store in tmp_path."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519
from sqlalchemy import select

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.sharing.cards import PartnerCard
from desktop_app.sharing.partners import add_partner
from desktop_app.store import repository
from desktop_app.store.engine import Store, create_store
from desktop_app.store.keys import load_keys
from desktop_app.store.models import Post, Report, Tag
from tests.conftest import PASSPHRASE, write_log
from tests.importers.test_spreadsheet import ROWS

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40  # a "screenshot"
TABLES = (
    "post",
    "author_account",
    "report",
    "response",
    "attachment",
    "blob",
    "tag",
    "post_tag",
    "audit_event",
    "bundle_log",
    "partner",
)


def card_of(store: Store, name: str) -> PartnerCard:
    with store.session() as session:
        keys = load_keys(session)
    return PartnerCard(name, keys.age_recipient, keys.signing_public)


def identity_of(store: Store) -> x25519.Identity:
    with store.session() as session:
        return x25519.Identity.from_str(load_keys(session).age_identity)


def snapshot(store: Store) -> dict[str, object]:
    """Row counts of every table and the newest audit hash: what 'nothing written' means."""
    with store.engine.connect() as conn:
        out: dict[str, object] = {
            table: conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in TABLES
        }
        out["last_hash"] = conn.exec_driver_sql(
            "SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1"
        ).scalar()
        out["updated"] = conn.exec_driver_sql("SELECT sum(updated_at) FROM post").scalar()
    return out


def populate(store: Store, tmp_path: Path) -> None:
    """The importer's three rows, plus a hand-logged post with screenshots and a tag."""
    import_file(store, write_log(tmp_path / "a-log.csv", ROWS), zone("Asia/Yangon"))
    with store.transaction() as session:
        author = repository.get_or_create_account(
            session, platform="TikTok", handle="@rumour_mill", display_name="Rumour Mill"
        )
        post = repository.add_post(
            session,
            repository.PostFields(
                platform="TikTok",
                url="https://www.tiktok.com/@rumour_mill/video/42?si=abc",
                content="ရန်ကုန်မြို့တွင် အဓိကရုဏ်း ဖြစ်ပွားမည်",
                category="misinformation",
                notes="seen in three groups",
            ),
            author,
        )
        report = repository.add_report(
            session,
            post,
            reported_at=datetime(2024, 5, 1, 3, 0, tzinfo=UTC),
            reporter="Researcher C",
            channel="trusted_partner",
        )
        response = repository.add_response(
            session,
            report,
            received_at=datetime(2024, 5, 4, 3, 0, tzinfo=UTC),
            outcome="account_banned",
            text="The account was permanently removed",
        )
        repository.add_attachment(
            session, PNG, original_name="shot.png", media_type="image/png", post=post
        )
        repository.add_attachment(
            session, PNG[::-1], original_name="reply.png", media_type="image/png", response=response
        )
        tag = Tag(name="election-2024")
        session.add(tag)
        session.flush()
        session.execute(
            Tag.metadata.tables["post_tag"].insert().values(post_id=post.id, tag_id=tag.id)
        )


@pytest.fixture
def store_a(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "a.db", PASSPHRASE, organisation="Alpha Monitor") as store:
        populate(store, tmp_path)
        yield store


@pytest.fixture
def store_b(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "b.db", PASSPHRASE, organisation="ဘီ Watch") as store:
        yield store


@pytest.fixture
def partners(store_a: Store, store_b: Store) -> None:
    """A and B have exchanged cards (and checked fingerprints)."""
    add_partner(store_a, card_of(store_b, "B"))
    add_partner(store_b, card_of(store_a, "A"))


def decrypt_zip(path: Path, identity: x25519.Identity) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pyrage.decrypt(path.read_bytes(), [identity]))) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_bundle(
    path: Path,
    files: dict[str, bytes] | list[tuple[str, bytes]],
    recipient: x25519.Recipient,
    *,
    compress: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """A ZIP of ``files`` (in order, names as given), age-encrypted to ``recipient``."""
    buffer = io.BytesIO()
    items = files.items() if isinstance(files, dict) else files
    with zipfile.ZipFile(buffer, "w", compress) as archive:
        for name, data in items:
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compress)
    path.write_bytes(pyrage.encrypt(buffer.getvalue(), [recipient]))
    return path


def resign(
    files: dict[str, bytes], signer: Store, change: Callable[[dict], None] | None = None
) -> dict[str, bytes]:
    """Recompute every hash in the manifest and sign it again with ``signer``'s key."""
    manifest = json.loads(files["manifest.json"])
    for name, data in files.items():
        if name in manifest["files"]:
            manifest["files"][name] = {
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
            }
    if change:
        change(manifest)
    with signer.session() as session:
        keys = load_keys(session)
    manifest["origin"]["signing_public_key"] = keys.signing_public
    body = json.dumps(manifest).encode()
    return {**files, "manifest.json": body, "manifest.sig": keys.sign(body)}


def post_uid(store: Store, platform: str) -> str:
    with store.session() as session:
        return session.scalars(select(Post.uid).where(Post.platform == platform)).one()


def first_report(store: Store) -> Report:
    with store.session() as session:
        return session.scalars(select(Report).order_by(Report.id)).first()  # type: ignore[return-value]
