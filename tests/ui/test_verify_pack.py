"""Verify evidence pack…: pick a pack, check it off the window thread, see the signer."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.core import signing
from desktop_app.export.pack import export_pack
from desktop_app.store.engine import create_store
from tests.conftest import PASSPHRASE
from tests.export import sample


def _made(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = create_store(tmp_path / "v.db", PASSPHRASE, organisation="Verify Org")
    sample.fill(store, tmp_path, generated=0)
    pack = export_pack(store, sample.params(), tmp_path / "pack.zip")
    return store, pack


def _run(qtbot, dialog, path: Path):  # type: ignore[no-untyped-def]
    dialog.pick_file = lambda: str(path)
    choose = next(b for b in dialog.findChildren(type(dialog.action_button)) if "ZIP" in b.text())
    choose.click()
    assert dialog.path.text() == str(path)
    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    return dialog.outcome


def test_a_genuine_pack_is_intact_and_its_signer_known(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CASELOG_SCRATCH", str(tmp_path / "scratch"))
    from desktop_app.ui.dialogs.verify_pack_dialog import VerifyPackDialog

    store, pack = _made(tmp_path)
    try:
        dialog = VerifyPackDialog(None, store=store)
        qtbot.addWidget(dialog)
        outcome = _run(qtbot, dialog, pack.path)
        assert outcome is not None and outcome.problems == []
        assert dialog.signer.text() == pack.fingerprint
        assert "Known: Verify Org (this store's own key)" in dialog.known.text()
        assert dialog.verdict.text().startswith("Intact")
        assert not dialog.problems.isVisibleTo(dialog)

        # Without a store: intact, but the reader is told to compare another way.
        alone = VerifyPackDialog(None)
        qtbot.addWidget(alone)
        alone.pick_folder = lambda: str(_unzip(pack.path, tmp_path / "u"))
        next(
            b for b in alone.findChildren(type(alone.action_button)) if "folder" in b.text()
        ).click()
        alone.action_button.click()
        qtbot.waitUntil(lambda: alone.worker is None, timeout=60000)
        assert alone.outcome is not None and alone.outcome.problems == []
        assert "another way" in alone.known.text()
    finally:
        store.close()


def _unzip(pack: Path, into: Path) -> Path:
    with zipfile.ZipFile(pack) as zf:
        zf.extractall(into)
    return into


def test_a_forged_pack_shows_each_problem_and_an_unknown_signer(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CASELOG_SCRATCH", str(tmp_path / "scratch"))
    from desktop_app.ui.dialogs.verify_pack_dialog import VerifyPackDialog

    store, pack = _made(tmp_path)
    try:
        folder = _unzip(pack.path, tmp_path / "forged")
        seed = signing.new_signing_seed()
        body = (folder / "manifest.json").read_bytes()
        public = signing.public_key_b64(seed)
        forged = body.replace(store_public(store).encode(), public.encode())
        (folder / "manifest.json").write_bytes(forged)
        (folder / "manifest.sig").write_bytes(signing.sign(seed, forged))
        dialog = VerifyPackDialog(None, store=store)
        qtbot.addWidget(dialog)
        dialog.pick_folder = lambda: str(folder)
        next(
            b for b in dialog.findChildren(type(dialog.action_button)) if "folder" in b.text()
        ).click()
        dialog.action_button.click()
        qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
        outcome = dialog.outcome
        assert outcome is not None and outcome.problems
        forger = signing.fingerprint(public)
        assert dialog.signer.text() == forger
        assert dialog.known.text().startswith("UNKNOWN")
        assert dialog.verdict.text().startswith("NOT intact")
        shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        assert any(f"signed by an unknown key {forger}" in p for p in shown)
        assert any("index.html: shows the fingerprint" in p for p in shown)
        # Something that is not a pack at all: a clear message, no crash.
        (tmp_path / "not.zip").write_bytes(b"hello")
        dialog.path.setText(str(tmp_path / "not.zip"))
        dialog.action_button.click()
        qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
        assert "does not start as a ZIP" in " ".join(dialog.outcome.problems)
        dialog.path.setText(str(tmp_path / "nothing-here.zip"))
        dialog.action_button.click()
        qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
        assert "could not be checked" in dialog.verdict.text()
    finally:
        store.close()


def store_public(store) -> str:  # type: ignore[no-untyped-def]
    from desktop_app.store.keys import load_keys

    with store.transaction() as session:
        return load_keys(session).signing_public


def test_a_format_1_pack_never_says_its_custody_chain_links_up(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from desktop_app.export.verify import OLDER_FORMAT
    from desktop_app.ui.dialogs.verify_pack_dialog import VerifyPackDialog
    from tests.export.format1_writer import export_pack as export_format1
    from tests.ui.menus import click, open_from_menu

    monkeypatch.setenv("CASELOG_SCRATCH", str(tmp_path / "scratch"))
    store = create_store(tmp_path / "v.db", PASSPHRASE, organisation="Verify Org")
    try:
        sample.fill(store, tmp_path, generated=0)
        older = export_format1(store, sample.params(), tmp_path / "older.zip")
    finally:
        store.close()
    window.ask_unlock(tmp_path / "v.db")
    window.unlock(PASSPHRASE)
    dialog = open_from_menu(window, "File", "Verify evidence pack", VerifyPackDialog)
    dialog.pick_file = lambda: str(older.path)  # the file picker, answered
    click(
        qtbot, next(b for b in dialog.findChildren(type(dialog.action_button)) if "ZIP" in b.text())
    )
    click(qtbot, dialog.action_button)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert dialog.outcome is not None and dialog.outcome.problems == []
    assert dialog.outcome.report.custody_checked is False
    assert dialog.older_format_text() == OLDER_FORMAT  # the same words as verify-pack
    assert OLDER_FORMAT in dialog.verdict.text()
    assert "links up" not in dialog.verdict.text()
    assert "Known: Verify Org" in dialog.known.text()


def _damaged_packs(pack: Path, tmp_path: Path) -> list[Path]:
    """The same pack damaged in the ways a reader meets: a file changed, one added,
    one removed, the custody log cut short, the manifest garbled, a forger's
    signature; and a file that is not a ZIP at all."""
    out = []

    def copy(name: str) -> Path:
        folder = _unzip(pack, tmp_path / name)
        out.append(folder)
        return folder

    (copy("changed") / "data" / "index.html").write_text("<p>forged</p>", encoding="utf-8")
    (copy("added") / "data" / "extra.txt").write_text("planted", encoding="utf-8")
    removed = copy("removed")
    next((removed / "data").rglob("*.png")).unlink()
    custody = copy("custody") / "data" / "custody.jsonl"
    custody.write_text(
        "".join(custody.read_text(encoding="utf-8").splitlines(keepends=True)[:-1]),
        encoding="utf-8",
    )
    (copy("garbled") / "manifest.json").write_text("{", encoding="utf-8")
    forged = copy("forged")
    seed = signing.new_signing_seed()
    (forged / "manifest.sig").write_bytes(signing.sign(seed, b"another manifest"))
    not_zip = tmp_path / "not.zip"
    not_zip.write_bytes(b"hello")
    out.append(not_zip)
    return out


MYANMAR = re.compile("[\u1000-\u109f]")
ENGLISH_PHRASE = re.compile(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b")


def test_every_problem_is_shown_in_burmese(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """In Burmese the problems a check names read in Burmese, the files and keys they
    name kept as they are; in English they read as the core wrote them."""
    from desktop_app.ui import i18n
    from desktop_app.ui.dialogs.verify_pack_dialog import VerifyPackDialog
    from tests.ui.menus import click, open_from_menu

    monkeypatch.setenv("CASELOG_SCRATCH", str(tmp_path / "scratch"))
    store, pack = _made(tmp_path)
    store.close()
    damaged = _damaged_packs(pack.path, tmp_path)
    window.ask_unlock(tmp_path / "v.db")
    window.unlock(PASSPHRASE)
    dialog = open_from_menu(window, "File", "Verify evidence pack", VerifyPackDialog)
    seen: list[tuple[str, str]] = []
    try:
        i18n.install_translators(QApplication.instance(), "my")
        for path in damaged:
            dialog.path.setText(str(path))
            click(qtbot, dialog.action_button)
            qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
            assert dialog.outcome is not None and dialog.outcome.problems, path
            shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
            assert len(shown) == len(dialog.outcome.problems)
            seen += list(zip(dialog.outcome.problems, shown, strict=True))
        dialog.path.setText(str(pack.path))  # the genuine pack: its signer named in Burmese
        click(qtbot, dialog.action_button)
        qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
        assert dialog.outcome is not None and dialog.outcome.problems == []
        assert "Verify Org (ဤသိုလှောင်ရာ၏ ကိုယ်ပိုင်သော့)" in dialog.known.text()
        assert not ENGLISH_PHRASE.search(dialog.known.text())
    finally:
        i18n.install_translators(QApplication.instance(), i18n.ENGLISH)
    assert len({english for english, _ in seen}) >= 8
    for english, burmese in seen:
        assert MYANMAR.search(burmese), f"not translated: {english!r}"
        assert not ENGLISH_PHRASE.search(burmese), f"English left in {burmese!r}"
        head = re.split(r"[: ]", english, maxsplit=1)[0]  # the file it is about, kept
        assert head in burmese, (head, burmese)
    # In English, the core's own words.
    dialog.path.setText(str(damaged[0]))
    click(qtbot, dialog.action_button)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert shown == dialog.outcome.problems
