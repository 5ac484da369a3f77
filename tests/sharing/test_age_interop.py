"""A partner without Caselog opens a bundle with the standard age tool (BUNDLE.md)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from desktop_app.core import signing
from desktop_app.sharing import export_bundle, import_bundle
from desktop_app.store.engine import Store
from desktop_app.store.keys import load_keys

AGE = shutil.which("age")
AGE_KEYGEN = shutil.which("age-keygen")
pytestmark = pytest.mark.skipif(
    not (AGE and AGE_KEYGEN), reason="the age tool is not installed (apt-get install age)"
)


def keygen(tmp_path: Path) -> tuple[Path, str]:
    key = tmp_path / "key.txt"
    subprocess.run([AGE_KEYGEN, "-o", str(key)], check=True, capture_output=True)
    public = next(
        line.split(": ", 1)[1]
        for line in key.read_text().splitlines()
        if line.startswith("# public key: ")
    )
    return key, public


def test_age_decrypts_a_bundle_and_the_zip_checks_out(store_a: Store, tmp_path: Path) -> None:
    key, public = keygen(tmp_path)
    out = export_bundle(store_a, tmp_path / "bundle.caselog", recipients=[public]).path
    plain = tmp_path / "bundle.zip"
    subprocess.run([AGE, "-d", "-i", str(key), "-o", str(plain), str(out)], check=True)
    with zipfile.ZipFile(plain) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = json.loads(files["manifest.json"])
    with store_a.session() as session:
        assert manifest["origin"]["signing_public_key"] == load_keys(session).signing_public
    signing.verify(
        manifest["origin"]["signing_public_key"],
        files["manifest.json"],
        files["manifest.sig"],
        what="bundle",
    )
    import hashlib

    for name, entry in manifest["files"].items():
        assert hashlib.sha256(files[name]).hexdigest() == entry["sha256"], name
    posts = [json.loads(line) for line in io.BytesIO(files["records/posts.jsonl"])]
    assert {p["platform"] for p in posts} == {"facebook", "messenger", "tiktok"}
    assert manifest["counts"]["posts"] == 3


def test_a_bundle_age_encrypts_imports_with_an_identity_file(
    store_a: Store, store_b: Store, tmp_path: Path
) -> None:
    """Decrypt with an identity file as age-keygen writes it (--identity)."""
    key, public = keygen(tmp_path)
    out = export_bundle(store_a, tmp_path / "bundle.caselog", recipients=[public]).path
    # Re-encrypt the very same bytes with the age tool itself: still valid, still signed.
    plain = tmp_path / "bundle.zip"
    subprocess.run([AGE, "-d", "-i", str(key), "-o", str(plain), str(out)], check=True)
    again = tmp_path / "by-age.caselog"
    subprocess.run([AGE, "-r", public, "-o", str(again), str(plain)], check=True)
    result = import_bundle(store_b, again, identity_file=key, trust_new_signer=True)
    assert result.written and result.preview.counts["posts"].new == 3
