"""Benchmark (make bench): a partner bundle of 10,000 reports with 500 screenshots,
exported and merged, each against a floor timed in the same run (tests/perf/floors.py):

* export floor: read the same tables and screenshot bytes from the store (one query
  each), zip them (rows as JSON, screenshots stored) and age-encrypt the ZIP to one
  X25519 recipient (pyrage, as Caselog does), written to a file;
* import floor: age-decrypt that file, read every member, and write the rows and
  screenshots with one ``executemany`` per table into a new SQLCipher file, one
  transaction.

Each side runs in its own process (time and peak memory its own). No ratio target
is set for sharing; figures print, nothing fails on a slow machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.perf.floors import Figures
from tests.perf.generate import generate

REPORTS = int(os.environ.get("CASELOG_BENCH_BUNDLE_REPORTS", "10000"))
SCREENSHOTS = int(os.environ.get("CASELOG_BENCH_SCREENSHOTS", "500"))
SCREENSHOT_BYTES = 200_000  # a typical compressed phone screenshot
PASS = "bench passphrase"

SETUP_SCRIPT = """
import os, sys
from sqlalchemy import select
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.sharing.cards import PartnerCard
from desktop_app.sharing.partners import add_partner
from desktop_app.store import repository
from desktop_app.store.engine import create_store
from desktop_app.store.keys import load_keys
from desktop_app.store.models import Post
a_path, b_path, log, phrase, shots, size = sys.argv[1:7]
a = create_store(a_path, phrase, organisation="Alpha", timezone="UTC")
b = create_store(b_path, phrase, organisation="Beta", timezone="UTC")
import_file(a, log, zone("UTC"))
with a.transaction() as session:
    posts = session.scalars(select(Post).order_by(Post.id).limit(int(shots))).all()
    for post in posts:
        data = os.urandom(int(size))  # incompressible, like a real JPEG or PNG
        repository.add_attachment(session, data, original_name="shot.png",
                                  media_type="image/png", post=post)
for one, other, name in ((a, b, "Beta"), (b, a, "Alpha")):
    with other.session() as session:
        keys = load_keys(session)
    add_partner(one, PartnerCard(name, keys.age_recipient, keys.signing_public))
a.close(); b.close()
"""

EXPORT_SCRIPT = """
import resource, sys, time
from desktop_app.sharing import export_bundle
from desktop_app.store.engine import open_store
store = open_store(sys.argv[1], sys.argv[3])
t = time.perf_counter()
result = export_bundle(store, sys.argv[2], recipients=["Beta"])
elapsed = time.perf_counter() - t
store.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(result.counts["reports"], result.counts["attachments"], result.size, elapsed, peak)
"""

IMPORT_SCRIPT = """
import resource, sys, time
from desktop_app.sharing import import_bundle
from desktop_app.store.engine import open_store
store = open_store(sys.argv[1], sys.argv[3])
t = time.perf_counter()
result = import_bundle(store, sys.argv[2])
elapsed = time.perf_counter() - t
t = time.perf_counter()
again = import_bundle(store, sys.argv[2])
second = time.perf_counter() - t
store.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
counts = result.preview.counts
print(counts["reports"].new, counts["attachments"].new, elapsed, peak, second, again.written)
"""


FLOOR_SCRIPT = """
import io, json, resource, sys, time, zipfile
import pyrage
from pyrage import x25519
import sqlcipher3
source, bundle, target, phrase = sys.argv[1:5]
def connect(path):
    conn = sqlcipher3.connect(path)
    conn.execute("PRAGMA key = '" + phrase.replace("'", "''") + "'")
    conn.execute("PRAGMA cache_size = -65536")
    return conn
TABLES = ("author_account", "post", "report", "response", "attachment")
identity = x25519.Identity.generate()
conn = connect(source)
t = time.perf_counter()
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
    for table in TABLES:
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
        zf.writestr(f"{table}.json", json.dumps(rows, ensure_ascii=False, default=str))
    for sha, data in conn.execute("SELECT sha256, data FROM blob"):
        zf.writestr(zipfile.ZipInfo(f"blobs/{sha}"), data, compress_type=zipfile.ZIP_STORED)
with open(bundle, "wb") as out:
    out.write(pyrage.encrypt(buffer.getvalue(), [identity.to_public()]))
exported = time.perf_counter() - t
conn.close()
t = time.perf_counter()
with open(bundle, "rb") as handle:
    plain = pyrage.decrypt(handle.read(), [identity])
new = connect(target)
new.execute("PRAGMA journal_mode = WAL").fetchone()
new.execute("PRAGMA synchronous = FULL")
with zipfile.ZipFile(io.BytesIO(plain)) as zf:
    new.execute("BEGIN")
    for table in TABLES:
        rows = json.loads(zf.read(f"{table}.json"))
        if rows:
            width = len(rows[0])
            new.execute(f"CREATE TABLE {table} (" + ", ".join(f"c{i}" for i in range(width)) + ")")
            new.executemany(f"INSERT INTO {table} VALUES (" + ", ".join("?" * width) + ")", rows)
    new.execute("CREATE TABLE blob (sha256 PRIMARY KEY, data)")
    new.executemany(
        "INSERT INTO blob VALUES (?, ?)",
        ((n[6:], zf.read(n)) for n in zf.namelist() if n.startswith("blobs/")),
    )
    new.commit()
imported = time.perf_counter() - t
print(exported, imported, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _run(script: str, *args: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return out.stdout.split()


def test_bench_bundle_export_and_import(tmp_path: Path) -> None:
    log = generate(tmp_path / "log.csv", REPORTS)
    a, b, bundle = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "bench.caselog"
    _run(SETUP_SCRIPT, str(a), str(b), str(log), PASS, str(SCREENSHOTS), str(SCREENSHOT_BYTES))

    figures = Figures("partner bundle")
    reports, shots, size, seconds, peak = _run(EXPORT_SCRIPT, str(a), str(bundle), PASS)
    floor_bundle = tmp_path / "floor.age"
    floor_export, floor_import, floor_peak = _run(
        FLOOR_SCRIPT, str(a), str(floor_bundle), str(tmp_path / "floor.db"), PASS
    )
    figures.ratio(
        f"export-bundle: {int(reports):,} reports, {int(shots)} screenshots, "
        f"{int(size) / 1e6:.0f} MB (floor: read, zip and age-encrypt the same data, "
        f"{floor_bundle.stat().st_size / 1e6:.0f} MB)",
        float(seconds),
        float(floor_export),
    )
    figures.memory(
        "export-bundle memory (floor: its whole process)", float(peak), float(floor_peak)
    )
    assert int(reports) == REPORTS

    added, attached, seconds, peak, second, written = _run(IMPORT_SCRIPT, str(b), str(bundle), PASS)
    figures.ratio(
        f"import-bundle: {int(added):,} reports, {int(attached)} screenshots merged "
        "(floor: decrypt, unzip, one executemany per table into SQLCipher)",
        float(seconds),
        float(floor_import),
    )
    figures.memory(
        "import-bundle memory (floor: its whole process)", float(peak), float(floor_peak)
    )
    figures.say(
        f"import-bundle of the same bundle again: {float(second):.1f} s, wrote anything: {written}"
    )
    figures.done()
    assert int(added) == REPORTS and written == "False"
