"""Where the window's launch and a search spend their time, phase by phase.

    python -m tests.perf.phases STORE.db PASSPHRASE

Prints the cumulative and incremental time of each step from interpreter start to
the case list painted (imports, application, window, unlock page, ``open_store``,
``CaseList.rebuild``, the rest of the unlock, the first paint), then for a few
searches the time of ``CaseList.count`` and ``CaseList.page`` against the bare FTS5
query on the same connection. Offscreen. Used for docs/PERFORMANCE.md; not a test.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

MARKS: list[tuple[str, float]] = []


def mark(what: str) -> None:
    MARKS.append((what, time.perf_counter() - T0))


def main(argv: list[str]) -> int:
    db, passphrase = argv[0], argv[1]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # noqa: F401

    mark("interpreter + import PySide6.QtWidgets")
    from desktop_app.app import create_app

    mark("import desktop_app.app")
    from desktop_app.ui.main_window import MainWindow

    mark("import desktop_app.ui.main_window")
    from PySide6.QtCore import QSettings

    app = create_app([sys.argv[0]])
    mark("create_app (fonts, translators)")
    ini = os.path.join(os.path.dirname(os.path.abspath(db)), "phases.ini")
    window = MainWindow(db_path=db, settings=QSettings(ini, QSettings.Format.IniFormat))
    mark("MainWindow()")
    window.show()
    app.processEvents()
    window.grab()
    mark("unlock page painted")
    import desktop_app.store.cases as cases
    import desktop_app.ui.main_window as main_window

    opener = main_window.open_store

    def timed_open(*args: Any, **kwargs: Any) -> Any:
        opened = opener(*args, **kwargs)
        mark("  open_store (key derivation, schema check)")
        return opened

    main_window.open_store = timed_open  # type: ignore[assignment]
    rebuild = cases.CaseList.rebuild

    def timed_rebuild(self: Any, **kwargs: Any) -> None:
        mark("  unlock, up to CaseList.rebuild")
        rebuild(self, **kwargs)
        mark("  CaseList.rebuild (the summary of every post)")

    cases.CaseList.rebuild = timed_rebuild  # type: ignore[method-assign]
    window.unlock(passphrase)
    mark("unlock() returned")
    app.processEvents()
    window.case_panel.table.viewport().grab()
    mark("events processed, first page painted")
    cases.CaseList.rebuild = rebuild  # type: ignore[method-assign]
    previous = 0.0
    for what, at in MARKS:
        print(f"{at:7.3f} s  (+{at - previous:6.3f})  {what}")
        previous = at

    case_list = window.case_list
    assert case_list is not None
    raw = case_list._raw()
    from tests.perf.floors import BARE_FTS  # after the launch's phases

    for text in ("author12", "Fake news", "မွတ်စလင်", "ab", "မြ"):
        flt = cases.CaseFilter(search=text)
        case_list.count(flt)
        case_list.page(flt)
        counts, pages, bare = [], [], []
        found = 0
        # A new query each time: the list keeps a search's matches until the query or
        # the data changes (temp.case_search), so forget them, as typing another would.
        forget = getattr(case_list, "_forget_search", lambda: None)
        for _ in range(5):
            forget()
            t = time.perf_counter()
            found = case_list.count(flt)
            counts.append(time.perf_counter() - t)
            t = time.perf_counter()
            case_list.page(flt)
            pages.append(time.perf_counter() - t)
            t = time.perf_counter()
            if len(text) >= 3:
                raw.execute(BARE_FTS, {"q": f'"{text}"'}).fetchall()
            else:  # below 3 characters: the bare scan of the posts
                raw.execute(
                    "SELECT p.id FROM post p LEFT JOIN author_account a ON a.id = p.author_id "
                    "WHERE instr(p.content, :q) OR instr(p.url, :q) OR instr(p.notes, :q) "
                    "OR instr(coalesce(a.handle, ''), :q)",
                    {"q": text},
                ).fetchall()
            bare.append(time.perf_counter() - t)
        both = statistics.median(c + p for c, p in zip(counts, pages, strict=True))
        floor = statistics.median(bare)
        print(
            f"search {text!r}: count {1000 * statistics.median(counts):.1f} ms, page "
            f"{1000 * statistics.median(pages):.1f} ms, together {1000 * both:.1f} ms = "
            f"{both / floor:.1f}x bare FTS {1000 * floor:.1f} ms ({found:,} cases)"
        )
    window.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
