"""Benchmark (make bench): the indicator workbook for 100,000 reports, and an evidence
pack of 200 cases with 1,000 screenshots of about 200 KB each.

Targets on a 2-core machine: workbook < 20 s with peak RSS < 400 MB; pack < 30 s.
Each export runs in its own process so its time and peak memory are its own. Figures
are printed; nothing here fails on a slow machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.perf.generate import generate

REPORTS = int(os.environ.get("CASELOG_BENCH_REPORTS", "100000"))
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


def test_bench_workbook(tmp_path: Path) -> None:
    log = generate(tmp_path / "log.csv", REPORTS)
    db = tmp_path / "bench.db"
    assert int(_run(IMPORT_SCRIPT, str(db), str(log), PASS)[0]) == REPORTS
    out = tmp_path / "indicators.xlsx"
    reports, seconds, peak = _run(WORKBOOK_SCRIPT, str(db), str(out), PASS)
    print(
        f"\nworkbook: {int(reports):,} reports in {float(seconds):.1f} s (target < 20); "
        f"peak RSS {float(peak):.0f} MB (target < 400); file {out.stat().st_size / 1e6:.1f} MB"
    )
    assert int(reports) == REPORTS


def test_bench_evidence_pack(tmp_path: Path) -> None:
    log = generate(tmp_path / "log.csv", 4 * PACK_CASES, seed=9)
    db = tmp_path / "bench.db"
    _run(IMPORT_SCRIPT, str(db), str(log), PASS)
    case_refs = _run(
        ATTACH_SCRIPT, str(db), PASS, str(PACK_CASES), str(SCREENSHOTS), str(SCREENSHOT_BYTES)
    )[0]
    out = tmp_path / "pack.zip"
    cases, attachments, seconds, peak = _run(PACK_SCRIPT, str(db), str(out), PASS, case_refs)
    print(
        f"\nevidence pack: {int(cases)} cases, {int(attachments):,} screenshots in "
        f"{float(seconds):.1f} s (target < 30); peak RSS {float(peak):.0f} MB; "
        f"file {out.stat().st_size / 1e6:.0f} MB"
    )
    files, verify_seconds = _run(VERIFY_SCRIPT, str(out))
    print(f"verify-pack: {int(files):,} files checked in {float(verify_seconds):.1f} s")
    assert int(cases) == PACK_CASES and int(attachments) == SCREENSHOTS
