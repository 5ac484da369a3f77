"""The case list's first page served before the list is built (issue 15): it must be
exactly the built list's first page, whatever is retracted, tied or unreported."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import sqlcipher3

from desktop_app.core.timeutil import now_utc, zone
from desktop_app.importers.spreadsheet import import_file
from desktop_app.store.cases import CaseFilter, CaseList, build_case_list, first_page
from desktop_app.store.corrections import retract
from desktop_app.store.engine import Store, create_store
from desktop_app.store.uids import from_db
from tests.conftest import PASSPHRASE
from tests.perf.generate import generate


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 reports on about 1,350 posts: enough that the first page is found by the
    newest reports alone (the path a large store takes)."""
    folder = tmp_path_factory.mktemp("first_page")
    path = folder / "cases.db"
    store = create_store(path, PASSPHRASE, organisation="First page", timezone="UTC")
    import_file(store, generate(folder / "log.csv", 3000), zone("UTC"))
    store.close()
    return path


def _copy(path: Path, tmp_path: Path) -> Store:
    from desktop_app.store.engine import open_store

    target = tmp_path / "copy.db"
    target.write_bytes(path.read_bytes())
    return open_store(target, PASSPHRASE)


def _built(store: Store, as_of, sla: float = 48.0) -> CaseList:  # type: ignore[no-untyped-def]
    cases = CaseList(store.raw(), sla_hours=sla)
    cases.rebuild(as_of=as_of)
    return cases


@pytest.mark.parametrize("limit", [1, 7, 200, 1000])
def test_first_page_is_the_built_lists_first_page(
    big_store: Path, tmp_path: Path, limit: int
) -> None:
    with _copy(big_store, tmp_path) as store:
        as_of = now_utc()
        cases = _built(store, as_of)
        statements: list[str] = []
        store.raw().set_trace_callback(statements.append)
        first = first_page(store.raw(), sla_hours=48.0, as_of=as_of, limit=limit)
        store.raw().set_trace_callback(None)
        assert first.rows == cases.page(CaseFilter(), limit=limit)
        assert len(first.rows) == limit
        # Up to a page, found from the newest reports: no statement reads every report.
        assert limit > 200 or not any("NOT INDEXED" in sql for sql in statements)
        assert first.total == cases.count(CaseFilter()) == _listed(store)
        cases.close()


def _listed(store: Store) -> int:
    (count,) = (
        store.raw().execute("SELECT count(*) FROM post WHERE retracted_at IS NULL").fetchone()
    )
    return int(count)


def test_first_page_after_retractions_and_with_ties(big_store: Path, tmp_path: Path) -> None:
    with _copy(big_store, tmp_path) as store:
        raw = store.raw()
        as_of = now_utc()
        newest = _built(store, as_of).page(CaseFilter(), limit=30)
        # Retract three of the newest posts and the first report of three others.
        for row in newest[:3]:
            retract(store, "post", row.case_ref, "test: a wrong case")
        for row in newest[5:8]:
            (uid,) = raw.execute(
                "SELECT uid FROM report WHERE post_id = ? ORDER BY reported_at LIMIT 1",
                (row.post_id,),
            ).fetchone()
            retract(store, "report", from_db(uid), "test: a wrong report")
        # Two posts first reported at the very same moment as the newest one.
        top = raw.execute("SELECT max(reported_at) FROM report").fetchone()[0]
        for row in newest[10:12]:
            raw.execute("UPDATE report SET reported_at = ? WHERE post_id = ?", (top, row.post_id))
        raw.commit()
        for sla in (1.0, 48.0, 10_000.0):
            cases = _built(store, as_of, sla)
            for limit in (1, 5, 50, 200):
                first = first_page(raw, sla_hours=sla, as_of=as_of, limit=limit)
                assert first.rows == cases.page(CaseFilter(), limit=limit)
            assert first.total == cases.count(CaseFilter()) == _listed(store)
            listed = {r.post_id for r in cases.page(CaseFilter(), limit=2000)}
            assert not listed & {r.post_id for r in newest[:3]}
            cases.close()


def test_small_store_first_page_holds_every_case_unreported_ones_too(tmp_path: Path) -> None:
    from desktop_app.store import repository

    with create_store(tmp_path / "small.db", PASSPHRASE, timezone="UTC") as store:
        import_file(store, generate(tmp_path / "log.csv", 40), zone("UTC"))
        with store.transaction() as session:
            for n in range(3):  # logged, not reported yet
                repository.add_post(
                    session,
                    repository.PostFields(
                        platform="facebook", url=f"https://www.facebook.com/x/posts/{9000 + n}"
                    ),
                    None,
                )
        as_of = now_utc() + timedelta(hours=1)
        cases = _built(store, as_of)
        first = first_page(store.raw(), sla_hours=48.0, as_of=as_of)
        assert first.rows == cases.page(CaseFilter())
        assert first.total == len(first.rows) == cases.count(CaseFilter())
        assert [r.latest_outcome for r in first.rows[-3:]] == ["not_reported"] * 3
        cases.close()


def test_a_waiting_list_serves_its_first_page_then_adopts_the_built_one(
    big_store: Path, tmp_path: Path
) -> None:
    with _copy(big_store, tmp_path) as store:
        first = first_page(store.raw(), sla_hours=48.0)
        waited: list[int] = []

        def wait() -> CaseList:
            waited.append(1)
            return build_case_list(store, sla_hours=48.0)

        cases = CaseList(sla_hours=48.0, first=first, wait=wait)
        assert not cases.ready
        assert cases.page(CaseFilter()) == first.rows and cases.count(CaseFilter()) == first.total
        assert cases.raw() is None and not waited  # nothing asked beyond the first page
        flt = CaseFilter(platform="facebook")
        assert cases.count(flt) == len(cases.case_refs(flt)) > 0  # waits, once
        assert waited == [1] and cases.ready and cases.owns_connection
        own = cases.raw()
        assert own is not store.raw()
        cases.close()
        with pytest.raises(sqlcipher3.ProgrammingError):  # closed with the list
            own.execute("SELECT 1")


def test_building_can_be_cancelled(big_store: Path, tmp_path: Path) -> None:
    from desktop_app.core.errors import Cancelled

    with _copy(big_store, tmp_path) as store:
        with pytest.raises(Cancelled):
            build_case_list(store, sla_hours=48.0, cancelled=lambda: True)
