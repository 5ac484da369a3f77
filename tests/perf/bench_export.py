"""Benchmark (make bench): the indicator workbook of the benchmark store (100,000
reports), and an evidence pack of 200 cases with 1,000 screenshots of about 200 KB,
each against a floor timed in the same run (tests/perf/floors.py):

* workbook: openpyxl in write-only mode writing the same report rows (19 columns,
  read from the store in one query) to one sheet; and, as the lower bound since
  Caselog writes the Reports sheet's XML itself and beats openpyxl, the same rows as
  CSV in one deflated ZIP member;
* evidence pack: zipping the same screenshot bytes (read from the store in one
  query, each hashed with SHA-256, stored uncompressed as the pack stores images).

Each side runs in its own process so its time and peak memory are its own. No
target is set for these; figures print, nothing fails on a slow machine.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.perf.conftest import BenchStore
from tests.perf.floors import Figures
from tests.perf.generate import generate

PACK_CASES = 200
SCREENSHOTS = 1000
SCREENSHOT_BYTES = 200_000
PASS = "bench passphrase"

IMPORT_SCRIPT = """
import sys
from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store.engine import create_store
store = create_store(sys.argv[1], sys.argv[3], organisation="Bench", timezone="Asia/Yangon")
print(import_file(store, sys.argv[2], zone("UTC")).added)
store.close()
"""

WORKBOOK_SCRIPT = """
import resource, sys, time
from desktop_app.export.workbook import write_workbook
from desktop_app.indicators.compute import default_params
from desktop_app.store.engine import open_store
store = open_store(sys.argv[1], sys.argv[3])
params = default_params(store)
t = time.perf_counter()
result = write_workbook(store, params, sys.argv[2])
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(result.reports, elapsed, peak)
"""

ATTACH_SCRIPT = """
import io, random, sys
from PIL import Image
from sqlalchemy import select
from desktop_app.store.engine import open_store
from desktop_app.store.models import Post
from desktop_app.store.repository import add_attachment
cases, shots, size = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rng = random.Random(5)
side = int((size / 3) ** 0.5)  # noise barely compresses: a PNG of about `size` bytes
store = open_store(sys.argv[1], sys.argv[2])
with store.transaction() as session:
    posts = session.scalars(select(Post).order_by(Post.id).limit(cases)).all()
    for index in range(shots):
        image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
        out = io.BytesIO()
        image.save(out, "PNG", compress_level=1)
        add_attachment(session, out.getvalue(), original_name=f"screenshot {index}.png",
                       media_type="image/png", post=posts[index % len(posts)],
                       captured_by="bench")
print(",".join(p.case_ref for p in posts))
store.close()
"""

PACK_SCRIPT = """
import resource, sys, time
from desktop_app.export.pack import export_pack
from desktop_app.indicators.compute import default_params
from desktop_app.store.engine import open_store
store = open_store(sys.argv[1], sys.argv[3])
params = default_params(store, case_refs=tuple(sys.argv[4].split(",")))
t = time.perf_counter()
result = export_pack(store, params, sys.argv[2])
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(result.cases, result.attachments, elapsed, peak)
"""

WORKBOOK_FLOOR = """
import resource, sys, time
from datetime import UTC, datetime
import sqlcipher3
from openpyxl import Workbook
conn = sqlcipher3.connect(sys.argv[1])
conn.execute("PRAGMA key = '" + sys.argv[3].replace("'", "''") + "'")
conn.execute("PRAGMA cache_size = -65536")
t = time.perf_counter()
def when(micros):
    if micros is None:
        return None
    return datetime.fromtimestamp(micros / 1e6, UTC).replace(tzinfo=None)
mode = sys.argv[4]
if mode == "openpyxl":
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Reports")
    append = ws.append
else:  # the same rows as CSV text in one deflated ZIP member: no spreadsheet at all
    import csv, io, zipfile
    zf = zipfile.ZipFile(sys.argv[2], "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
    member = io.TextIOWrapper(zf.open("reports.csv", "w"), encoding="utf-8", newline="")
    append = csv.writer(member).writerow
append(["c%d" % i for i in range(19)])
count = 0
for row in conn.execute(
    "SELECT p.case_ref, p.url, p.platform, p.category, coalesce(a.handle, ''), "
    "coalesce(a.suspected_fake, 0), '', r.reporter, r.channel, r.platform_ref, r.reported_at, "
    "strftime('%Y-%m', r.reported_at / 1000000, 'unixepoch'), r.first_response_at, "
    "r.final_response_at, coalesce(r.final_outcome, 'pending'), "
    "(r.first_response_at - r.reported_at) / 3.6e9, "
    "(r.final_response_at - r.reported_at) / 3.6e9, "
    "r.final_response_at - r.reported_at > 48 * 3.6e9, NULL "
    "FROM report r JOIN post p ON p.id = r.post_id "
    "LEFT JOIN author_account a ON a.id = p.author_id "
    "WHERE r.retracted_at IS NULL ORDER BY r.reported_at"
):
    row = list(row)
    for i in (10, 12, 13):
        row[i] = when(row[i])
    append(row)
    count += 1
if mode == "openpyxl":
    wb.save(sys.argv[2])
else:
    member.close()
    zf.close()
elapsed = time.perf_counter() - t
print(count, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

PACK_FLOOR = """
import hashlib, resource, sys, time, zipfile
import sqlcipher3
conn = sqlcipher3.connect(sys.argv[1])
conn.execute("PRAGMA key = '" + sys.argv[3].replace("'", "''") + "'")
conn.execute("PRAGMA cache_size = -65536")
refs = sys.argv[4].split(",")
t = time.perf_counter()
rows = conn.execute(
    "SELECT a.original_name, b.data FROM attachment a JOIN blob b ON b.sha256 = a.sha256 "
    "JOIN post p ON p.id = a.post_id WHERE p.case_ref IN (SELECT value FROM json_each(?))",
    ("[" + ",".join('"%s"' % r for r in refs) + "]",),
)
count = 0
with zipfile.ZipFile(sys.argv[2], "w", compression=zipfile.ZIP_STORED) as zf:
    for index, (name, data) in enumerate(rows):
        hashlib.sha256(data).hexdigest()
        zf.writestr(f"attachments/{index}-{name}", data)
        count += 1
elapsed = time.perf_counter() - t
print(count, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

VERIFY_SCRIPT = """
import sys, time
from desktop_app.export.verify import verify_pack
t = time.perf_counter()
report = verify_pack(sys.argv[1])
print(report.files, time.perf_counter() - t)
"""


def _run(script: str, *args: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return out.stdout.split()


def test_bench_workbook(bench_store: BenchStore) -> None:
    figures = Figures("indicator workbook")
    out = bench_store.work / "indicators.xlsx"
    reports, seconds, peak = _run(WORKBOOK_SCRIPT, str(bench_store.db), str(out), PASS)
    size = out.stat().st_size
    floor_out = bench_store.work / "floor.xlsx"
    rows, floor_seconds, floor_peak = _run(
        WORKBOOK_FLOOR, str(bench_store.db), str(floor_out), PASS, "openpyxl"
    )
    figures.ratio(
        f"workbook of {int(reports):,} reports, {size / 1e6:.1f} MB "
        "(floor: openpyxl write-only, the same rows on one sheet)",
        float(seconds),
        float(floor_seconds),
    )
    zipped = bench_store.work / "floor.zip"
    _rows, zip_seconds, _peak = _run(WORKBOOK_FLOOR, str(bench_store.db), str(zipped), PASS, "csv")
    figures.ratio(
        f"workbook (floor: the same rows as CSV in one deflated ZIP member, "
        f"{zipped.stat().st_size / 1e6:.1f} MB)",
        float(seconds),
        float(zip_seconds),
    )
    figures.memory("workbook memory (floor: openpyxl write-only)", float(peak), float(floor_peak))
    figures.done()
    assert int(reports) == int(rows) == bench_store.imported.reports


def test_bench_evidence_pack(tmp_path: Path) -> None:
    log = generate(tmp_path / "log.csv", 4 * PACK_CASES, seed=9)
    db = tmp_path / "bench.db"
    _run(IMPORT_SCRIPT, str(db), str(log), PASS)
    case_refs = _run(
        ATTACH_SCRIPT, str(db), PASS, str(PACK_CASES), str(SCREENSHOTS), str(SCREENSHOT_BYTES)
    )[0]
    figures = Figures("evidence pack")
    out = tmp_path / "pack.zip"
    cases, attachments, seconds, peak = _run(PACK_SCRIPT, str(db), str(out), PASS, case_refs)
    floor_out = tmp_path / "floor.zip"
    zipped, floor_seconds, floor_peak = _run(PACK_FLOOR, str(db), str(floor_out), PASS, case_refs)
    figures.ratio(
        f"evidence pack of {int(cases)} cases, {int(attachments):,} screenshots, "
        f"{out.stat().st_size / 1e6:.0f} MB (floor: zipping the same bytes, "
        f"{floor_out.stat().st_size / 1e6:.0f} MB)",
        float(seconds),
        float(floor_seconds),
    )
    figures.memory("evidence pack memory", float(peak), float(floor_peak))
    files, verify_seconds = _run(VERIFY_SCRIPT, str(out))
    figures.say(f"verify-pack: {int(files):,} files checked in {float(verify_seconds):.1f} s")
    figures.done()
    assert int(cases) == PACK_CASES and int(attachments) == SCREENSHOTS == int(zipped)
