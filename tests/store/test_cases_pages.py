"""Every page of the case list in the order asked, whatever the filter, the column and
the direction: the page query sorts only the keys of the rows a filter keeps, then reads
the page's rows, or walks an index; either way the rows must be exactly these."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.timeutil import zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store.cases import ROW_COLUMNS, SORT_KEYS, CaseFilter, CaseList
from desktop_app.store.engine import Store, create_store
from tests.conftest import PASSPHRASE
from tests.perf.generate import generate

COLUMNS = ROW_COLUMNS.split(", ")


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder: Path = tmp_path_factory.mktemp("pages")
    store: Store = create_store(folder / "pages.db", PASSPHRASE, timezone="UTC")
    import_file(store, generate(folder / "log.csv", 1500), zone("UTC"))
    listed = CaseList(store.raw())
    listed.rebuild()
    yield listed
    listed.close()
    store.close()


def _ordered(rows: list[dict[str, Any]], column: str, descending: bool) -> list[int]:
    # SQLite's order: NULL before any value ascending, after every value descending;
    # ties by post_id in the same direction.
    ordered = sorted(rows, key=lambda r: (r[column] is not None, r[column], r["post_id"]))
    if descending:
        ordered.reverse()
    return [r["post_id"] for r in ordered]


def test_every_page_in_every_order_is_the_filtered_rows_sorted(cases: CaseList) -> None:
    everything = [
        dict(zip(COLUMNS, row, strict=True))
        for row in cases._raw().execute(f"SELECT {ROW_COLUMNS} FROM case_list")
    ]
    platform = everything[0]["platform"]
    some = frozenset(r["post_id"] for r in everything[::7])
    filters: list[tuple[CaseFilter, Any]] = [
        (CaseFilter(), lambda r: True),
        (CaseFilter(platform=platform), lambda r: r["platform"] == platform),
        (CaseFilter(status="pending"), lambda r: r["latest_outcome"] == "pending"),
        (CaseFilter(over_sla=True), lambda r: r["over_sla"] == 1),
        (CaseFilter(post_ids=some), lambda r: r["post_id"] in some),
    ]
    for search in ("Fake news", "author1", "#28", "#2"):
        matches = {row.post_id for row in cases.page(CaseFilter(search=search), limit=10**6)}
        assert matches  # each search finds something in this log
        filters.append((CaseFilter(search=search), lambda r, m=matches: r["post_id"] in m))
        filters.append(
            (
                CaseFilter(search=search, platform=platform),
                lambda r, m=matches: r["post_id"] in m and r["platform"] == platform,
            )
        )
        # A drill-down searched: every condition on post_id (the narrow index's sort).
        filters.append(
            (
                CaseFilter(search=search, post_ids=some),
                lambda r, m=matches: r["post_id"] in m and r["post_id"] in some,
            )
        )
    for flt, keep in filters:
        kept = [r for r in everything if keep(r)]
        assert cases.count(flt) == len(kept), flt
        for sort, column in SORT_KEYS.items():
            for descending in (True, False):
                expected = _ordered(kept, column, descending)
                # Up to 1,000 rows a page's rows are read by key, more sorted again in SQL.
                bounds = ((0, 200), (0, 1), (37, 50), (len(kept) - 3, 200), (0, 1000), (2, 1001))
                for offset, limit in bounds:
                    offset = max(offset, 0)
                    page = cases.page(
                        flt, sort=sort, descending=descending, offset=offset, limit=limit
                    )
                    got = [r.post_id for r in page]
                    assert got == expected[offset : offset + limit], (flt, sort, descending)
