"""Benchmark (make bench): a partner bundle of 10,000 reports with 500 screenshots.

Targets on a 2-core machine: export < 30 s and import < 30 s, each with peak memory
< 500 MB (measured in its own process). Figures are printed, not asserted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def _run(script: str, *args: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return out.stdout.split()


def test_bench_bundle_export_and_import(tmp_path: Path) -> None:
    log = generate(tmp_path / "log.csv", REPORTS)
    a, b, bundle = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "bench.caselog"
    _run(SETUP_SCRIPT, str(a), str(b), str(log), PASS, str(SCREENSHOTS), str(SCREENSHOT_BYTES))

    reports, shots, size, seconds, peak = _run(EXPORT_SCRIPT, str(a), str(bundle), PASS)
    print(
        f"\nexport-bundle: {int(reports):,} reports, {int(shots)} screenshots, "
        f"{int(size) / 1e6:.0f} MB in {float(seconds):.1f} s (target < 30); "
        f"peak RSS {float(peak):.0f} MB (target < 500)"
    )
    assert int(reports) == REPORTS

    added, attached, seconds, peak, second, written = _run(IMPORT_SCRIPT, str(b), str(bundle), PASS)
    print(
        f"import-bundle: {int(added):,} reports, {int(attached)} screenshots merged in "
        f"{float(seconds):.1f} s (target < 30); peak RSS {float(peak):.0f} MB (target < 500); "
        f"the same bundle again: {float(second):.1f} s, wrote anything: {written}"
    )
    assert int(added) == REPORTS and written == "False"
