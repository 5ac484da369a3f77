"""The Burmese translation file: in sync with the code, finished, placeholders kept,
Unicode only, and the compiled .qm built from it; the language choice at start; the
one place that translates core errors; fonts that leave room for stacked vowels."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtGui import QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
)

from desktop_app.core.errors import BadInputError, StoreLockedError
from desktop_app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "caselog_my.ts"
QM = ROOT / "resources" / "translations" / "caselog_my.qm"
BIN = Path(sys.executable).parent
UPDATE_ARGS = ["-extensions", "py", "-locations", "none", "-target-language", "my_MM"]
SOURCES = ["desktop_app/ui", "desktop_app/app.py"]
# Burmese words written with stacked consonants, medials and both vowel signs.
STACKED = "ကြို့ဆိုပါသည် ဗုဒ္ဓ သဒ္ဒါ ပြည့်ရွှေ့ ချိန်ညှိ ဍ္ဍ"


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <message>) for every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    assert element is not None
    forms = [form.text or "" for form in element.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [element.text or ""]


def lupdate(ts: Path) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *UPDATE_ARGS, *SOURCES, "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


# --- (a) .. (d): the .ts file --------------------------------------------------------


def test_ts_is_in_sync_with_the_code(tmp_path: Path) -> None:
    """A text added to or dropped from the code without updating the .ts fails here:
    run resources/translations/update.sh and translate the new texts."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    lupdate(copy)
    committed = {(ctx, src) for ctx, src, _ in messages(TS)}
    current = {
        (ctx, src)
        for ctx, src, message in messages(copy)
        if message.find("translation").get("type") not in ("obsolete", "vanished")  # type: ignore[union-attr]
    }
    new = sorted(current - committed)
    obsolete = sorted(committed - current)
    assert not new and not obsolete, (
        f"caselog_my.ts is out of date: {len(new)} new texts, e.g. {new[:5]}; "
        f"{len(obsolete)} obsolete, e.g. {obsolete[:5]}. Run resources/translations/update.sh"
    )


def test_no_text_is_translated_under_a_context_lupdate_cannot_read() -> None:
    """lupdate reads a ``translate(context, "text")`` call only when its context is a
    literal too: with a variable context the text never reaches the .ts file, and the
    window shows it in English whatever the language ("694.7 days" did), unless a
    QT_TRANSLATE_NOOP declares it (then it is in the .ts)."""
    import ast

    catalogue = ET.parse(ROOT / "resources" / "translations" / "caselog_my.ts")
    sources = {m.findtext("source") for m in catalogue.iter("message")}
    unread = []
    for path in sorted((ROOT / "desktop_app" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and not isinstance(node.args[0], ast.Constant)
                and node.args[1].value not in sources
            ):
                unread.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[1].value!r}")
    assert not unread, unread


def test_every_message_is_translated() -> None:
    unfinished = [
        (ctx, src)
        for ctx, src, message in messages(TS)
        if message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not all(text.strip() for text in translations(message))
    ]
    assert not unfinished, f"{len(unfinished)} untranslated, e.g. {unfinished[:8]}"


PLACEHOLDER = re.compile(r"%\d|%n|\{[0-9a-z_]*(?::[^}]*)?\}|</?[a-z0-9]+>")


def test_placeholders_and_markup_are_kept() -> None:
    """%1, %n, {0}, {0:g} and <b>..</b> each appear in the translation as often as
    in the source: a lost one would show a raw placeholder or drop a number."""
    wrong = []
    for ctx, src, message in messages(TS):
        want = Counter(PLACEHOLDER.findall(src))
        for text in translations(message):
            if text and Counter(PLACEHOLDER.findall(text)) != want:
                wrong.append((ctx, src, text))
    assert not wrong, wrong[:5]


ZAWGYI_ONLY = re.compile("[\u1050-\u109f]")  # Zawgyi's stacked forms; not Burmese in Unicode
VOWEL_FIRST = re.compile("(?:^|[^\u1000-\u103f])[\u1031\u103b]")  # ေ or ျ typed before a consonant


def zawgyi_signs(text: str) -> bool:
    """Whether ``text`` is written the Zawgyi way. Zawgyi puts its stacked and
    reordered forms on code points Unicode gives to other languages of the Myanmar
    script (U+1050..U+109F) and types the vowel sign E and the medial RA before the
    consonant; Unicode Burmese does neither."""
    return bool(ZAWGYI_ONLY.search(text) or VOWEL_FIRST.search(text))


def test_translations_are_unicode_burmese_never_zawgyi() -> None:
    """Each translation has no Zawgyi sign, and myanmartools' detector judges the
    whole text (where it is reliable: a single short word reads as either encoding)
    and each long message as Unicode."""
    from myanmartools import ZawgyiDetector

    detector = ZawgyiDetector()
    burmese = [
        (ctx, src, text)
        for ctx, src, message in messages(TS)
        for text in translations(message)
        if re.search("[\u1000-\u109f]", text)
    ]
    assert len(burmese) > 300  # the file really is in Burmese
    signs = [item for item in burmese if zawgyi_signs(item[2])]
    assert not signs, signs[:5]
    whole = "\n".join(text for _, _, text in burmese)
    assert detector.get_zawgyi_probability(whole) < 0.05
    long_zawgyi = [
        item
        for item in burmese
        if len(re.findall("[\u1000-\u104f]", item[2])) >= 20
        and detector.get_zawgyi_probability(item[2]) > 0.95
    ]
    assert not long_zawgyi, long_zawgyi[:5]


def test_the_zawgyi_check_catches_zawgyi() -> None:
    """The same checks flag Zawgyi text (students protest, typed in Zawgyi) and pass
    its Unicode reading."""
    from myanmartools import ZawgyiDetector

    zawgyi = "ေက်ာင္းသားေတြ ဆႏၵျပၾကတယ္"
    unicode = "ကျောင်းသားတွေ ဆန္ဒပြကြတယ်"
    assert zawgyi_signs(zawgyi)
    assert not zawgyi_signs(unicode)
    assert not zawgyi_signs(STACKED)
    assert ZawgyiDetector().get_zawgyi_probability(zawgyi) > 0.95


def test_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    """The shipped .qm (packaging takes it from the checkout) matches the .ts."""
    built = tmp_path / "caselog_my.qm"
    subprocess.run(
        [
            str(BIN / "pyside6-lrelease"),
            "-removeidentical",
            "-nounfinished",
            str(TS),
            "-qm",
            str(built),
        ],
        check=True,
        capture_output=True,
    )
    assert QM.read_bytes() == built.read_bytes(), "run `make` or update.sh to rebuild the .qm"


# --- choosing and installing the language --------------------------------------------


@pytest.fixture
def restore_language(qapp: QApplication):  # type: ignore[no-untyped-def]
    yield qapp
    i18n.install_translators(qapp, i18n.ENGLISH)


def test_language_comes_from_the_command_line_then_settings_then_the_system(
    tmp_path: Path,
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    system = i18n.system_language()
    assert i18n.resolve_language(None, settings) == system
    settings.setValue(i18n.LANGUAGE_SETTING, "my")
    assert i18n.resolve_language(None, settings) == "my"
    assert i18n.resolve_language("en", settings) == "en"
    assert i18n.resolve_language("my_MM", None) == "my"
    assert i18n.resolve_language("fr", None) == system  # not offered: falls through
    QLocale.setDefault(QLocale(QLocale.Language.Burmese, QLocale.Country.Myanmar))
    try:
        # QLocale.system() is the computer's, not the default: only its language counts
        assert i18n.system_language() in ("my", "en")
    finally:
        QLocale.setDefault(QLocale.c())


def test_set_language_switches_at_once_and_is_remembered(
    restore_language: QApplication, tmp_path: Path
) -> None:
    app = restore_language
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.set_language(app, "my", settings)
    assert i18n.current_language() == "my"
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "ဆက်တင်များ"
    assert settings.value(i18n.LANGUAGE_SETTING) == "my"
    assert i18n.resolve_language(None, settings) == "my"
    assert i18n.set_language(app, "en", settings)
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "Settings"
    assert i18n.current_language() == "en"


def test_qt_standard_buttons_and_message_boxes_are_burmese(
    restore_language: QApplication,
) -> None:
    i18n.install_translators(restore_language, "my")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
    )
    texts = {button.text().replace("&", "") for button in box.buttons()}
    assert not any(re.search("[A-Za-z]{2,}", text) for text in texts), texts
    assert "ပယ်ဖျက်မည်" in " ".join(texts)
    message = QMessageBox(QMessageBox.Icon.Question, "t", "t")
    message.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    texts = {button.text().replace("&", "") for button in message.buttons()}
    assert not any(re.search("[A-Za-z]{2,}", text) for text in texts), texts


def test_the_command_line_flag_sets_the_language(restore_language: QApplication) -> None:
    from desktop_app.app import create_app

    create_app(["caselog"], lang="my")
    assert i18n.current_language() == "my"
    create_app(["caselog"], lang="en")
    assert i18n.current_language() == "en"


def test_smoke_start_in_burmese_from_the_command_line() -> None:
    """`python -m desktop_app --lang my` starts (a separate process, as a user runs it)."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--lang", "my", "--smoke-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,  # a cold start on a loaded 2-core machine
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": "/tmp"},
    )
    assert "unlock screen shown" in result.stdout, result.stderr[-2000:]


# --- core errors, translated in one place --------------------------------------------


def test_core_errors_are_translated_with_their_arguments(
    restore_language: QApplication,
) -> None:
    i18n.install_translators(restore_language, "my")
    wrong = StoreLockedError("cannot unlock /tmp/x.db: wrong passphrase, or not a Caselog store")
    text = i18n.error_text(wrong)
    assert text.startswith("/tmp/x.db ကို လော့ခ်ဖွင့်၍ မရပါ")
    # "<where>: <known message>": the place kept, the known part translated
    nested = BadInputError(
        "log.csv: row 4: 2031-01-01 is in the future (more than 24 hours "
        "past this computer's clock)"
    )
    text = i18n.error_text(nested)
    assert text.startswith("log.csv- row 4- 2031-01-01 သည် အနာဂတ်ရက်စွဲ"), text
    # what a time field says of a date or time that does not exist (read_time)
    assert i18n.translate_message("no such time of day: 25:00") == "မရှိသော အချိန်- 25:00။"
    assert i18n.translate_message(
        "no such date: day 31, month 2 (DD/MM/YYYY: the day comes first)"
    ).startswith("မရှိသော ရက်စွဲ- ရက် 31၊ လ 2")
    # unknown messages are shown as the core wrote them, never lost
    odd = BadInputError("something new went wrong")
    assert i18n.error_text(odd) == "something new went wrong"
    assert i18n.error_title(wrong) == "သိုလှောင်ရာကို လော့ခ်ချထားသည်"


def test_english_error_texts_read_as_the_core_wrote_them() -> None:
    """Without a translator the templates give back the core's sentence, so English
    users see a full sentence, not a placeholder."""
    assert i18n.current_language() == "en"
    text = i18n.error_text(BadInputError("this link is already logged as case C-000003"))
    assert text == "This link is already logged as case C-000003."


def test_times_in_messages_are_shown_in_the_stores_zone() -> None:
    """The core writes times into its messages as ISO 8601 UTC; the window shows them
    as it shows every time, in the store's zone, so the person recognises the time
    they typed (10:00 in Yangon, not 03:30+00:00)."""
    from desktop_app.core.timeutil import zone

    message = BadInputError(
        "reported at: the report would be dated after its response "
        "(2025-01-14T03:30:00+00:00 > 2025-01-13T10:15:30.500000+00:00)"
    )
    try:
        i18n.set_display_zone(None)  # no store open: as written
        assert "2025-01-14T03:30:00+00:00" in i18n.error_text(message)
        i18n.set_display_zone(zone("Asia/Yangon"))
        text = i18n.error_text(message)
        assert "(2025-01-14 10:00 > 2025-01-13 16:45:30)" in text, text
        assert i18n.local_time_text("C-000003") == "C-000003"
        assert i18n.local_time_text("2025-01-14") == "2025-01-14"
    finally:
        i18n.set_display_zone(None)


def test_every_error_template_matches_what_the_core_raises() -> None:
    """Each template's pattern is anchored on a message the core really writes."""
    core = "\n".join(
        path.read_text(encoding="utf-8")
        for package in ("core", "store", "importers", "export", "sharing", "indicators")
        for path in (ROOT / "desktop_app" / package).rglob("*.py")
    )
    core = re.sub(r'"\s*\n\s*f?"', "", core)  # join "..." "..." continuation lines
    for pattern, _template in i18n.error_templates():
        # the longest literal run of the pattern must appear in the core's source
        literal = max(re.split(r"\(.*?\)|\\.|[.*+?^$]", pattern), key=len).strip()
        assert literal in core, f"no core message contains {literal!r}"


# The modules whose errors reach a window (a dialog's message, the Problems tab).
WINDOW_FACING = (
    "core/params.py",
    "store/corrections.py",
    "store/settings.py",
    "store/case_view.py",
    "store/cases.py",
    "store/repository.py",
    "store/engine.py",
    "importers/spreadsheet.py",
    "export/verify.py",
    "export/pack.py",
    "export/workbook.py",
    "sharing/cards.py",
    "sharing/reader.py",
    "sharing/records.py",
    "sharing/merge.py",
)
# What a person never needs in Burmese: guards against a programming error, errors
# that carry SQLite's or the system's own words, and a field name only the command
# line types.
NOT_FOR_TRANSLATION = (
    "a time without a zone reached the indicators",
    "cannot open ",
    "cannot read ",
    # a record check's own words put between the record and this end (its missing
    # or unexpected field has a template of its own)
    "; the bundle is not valid",
    "; the bundle was refused",
    "not a field of a",
)
SAMPLE_VALUES = ("7", "post", "report", "response", "attachment")


def _raised_messages(path: Path) -> list[tuple[int, list[str]]]:
    """Each ``raise SomeError("...")`` message of ``path``, with every value put in
    its f-string replaced by each of SAMPLE_VALUES in turn."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
        if not name.endswith("Error") or name in (
            "ValueError",
            "TypeError",
            "AttributeError",
            "AssertionError",
        ):
            continue
        if not node.exc.args:
            continue

        def text(part: ast.expr, value: str) -> str | None:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                return part.value
            if isinstance(part, ast.JoinedStr):
                return "".join(
                    v.value if isinstance(v, ast.Constant) else value for v in part.values
                )
            return None

        samples = [t for value in SAMPLE_VALUES if (t := text(node.exc.args[0], value))]
        if samples:
            found.append((node.lineno, samples))
    return found


def test_every_error_a_window_can_show_has_burmese(restore_language: QApplication) -> None:
    """Each error the window-facing modules raise reads in Burmese (what only the
    command line can say, with its --options, is left to the CLI's English)."""
    i18n.install_translators(restore_language, "my")
    untranslated = []
    for module in WINDOW_FACING:
        for line, samples in _raised_messages(ROOT / "desktop_app" / module):
            english = samples[0]
            if "--" in english or "caselog-cli" in english:
                continue
            if any(part in english for part in NOT_FOR_TRANSLATION):
                continue
            if len(re.findall("[a-z]{2,}", english.replace("7", ""))) < 2:
                continue  # a message made of its values (each part translated where made)
            shown = [i18n.translate_message(sample) for sample in samples]
            if not any(
                text != sample and re.search("[\u1000-\u109f]", text)
                for sample, text in zip(samples, shown, strict=True)
            ):
                untranslated.append(f"{module}:{line}: {english}")
    assert not untranslated, "\n".join(untranslated)


def test_fill_is_one_pass() -> None:
    assert i18n.fill("%1 and %2", ["%2", "x"]) == "%2 and x"
    assert i18n.fill("%1 %3", ["a"]) == "a %3"


# --- fonts -----------------------------------------------------------------------------


def test_bundled_myanmar_font_is_registered_and_first(qapp: QApplication) -> None:
    from desktop_app.app import MYANMAR_FAMILY, load_fonts

    registered = load_fonts(qapp)
    assert MYANMAR_FAMILY in registered
    assert qapp.font().families()[0] == MYANMAR_FAMILY


def test_stacked_burmese_is_not_clipped(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    """A QLabel, a QLineEdit and a table row are tall enough for the ink of Burmese
    stacked consonants and vowels above and below (measured, not assumed)."""
    from desktop_app.app import load_fonts

    load_fonts(qapp)
    metrics = QFontMetrics(qapp.font())
    ink = metrics.boundingRect(STACKED)
    label = QLabel(STACKED)
    edit = QLineEdit(STACKED)
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem(STACKED))
    table = QTableView()
    table.setModel(model)
    for widget in (label, edit, table):
        qtbot.addWidget(widget)
        widget.show()
    table.resizeRowsToContents()
    assert label.sizeHint().height() >= ink.height()
    inner = edit.contentsRect().marginsRemoved(edit.textMargins())
    assert inner.height() >= ink.height() - 2, (inner.height(), ink.height())
    assert table.rowHeight(0) >= ink.height(), (table.rowHeight(0), ink.height())
    assert table.verticalHeader().defaultSectionSize() >= ink.height()


def qt_catalogue_sources(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every message in one of Qt's own .qm files (the .qm
    format: a 16-byte magic, then tagged blocks; 0x69 holds the messages, each a run
    of tagged fields ending in 1: 3 translation, 6 source, 7 context, 8 comment)."""
    data = path.read_bytes()
    offset, messages = 16, b""
    while offset < len(data):
        tag, length = data[offset], int.from_bytes(data[offset + 1 : offset + 5], "big")
        if tag == 0x69:
            messages = data[offset + 5 : offset + 5 + length]
        offset += 5 + length
    found: set[tuple[str, str]] = set()
    fields: dict[int, bytes] = {}
    index = 0
    while index < len(messages):
        tag = messages[index]
        index += 1
        if tag == 1:
            if 6 in fields and 7 in fields:
                found.add((fields[7].decode(), fields[6].decode()))
            fields = {}
        elif tag in (2, 5):
            index += 4
        else:
            length = int.from_bytes(messages[index : index + 4], "big")
            index += 4
            if length != 0xFFFFFFFF:
                fields[tag] = messages[index : index + length]
                index += length
    return found


def test_qt_texts_we_translate_are_qts_own() -> None:
    """Each Qt text declared in ui/i18n.py is spelled as Qt spells it (checked against
    Qt's German catalogue shipped in the same wheel), so its translation applies."""
    from PySide6.QtCore import QLibraryInfo

    catalogue = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt = qt_catalogue_sources(catalogue / "qtbase_de.qm")
    assert len(qt) > 1000
    ours = {
        (ctx, src)
        for ctx, src, _ in messages(TS)
        if ctx.startswith("Q") and ctx not in {"QtCore"}  # Qt's classes
    }
    assert len(ours) > 90
    assert not sorted(ours - qt), sorted(ours - qt)


def test_qt_file_dialog_and_context_menu_are_burmese(restore_language: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    i18n.install_translators(restore_language, "my")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "ကြည့်ရှုရာ (&L)-" in labels and "ဖိုင်အမည် (&N)-" in labels, labels
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]
    assert "ကူးယူမည် (&C)" in texts and "ကူးထည့်မည် (&P)" in texts, texts


def test_restart_command_drops_the_language_flag() -> None:
    program, args = i18n.restart_command(["--db", "a.db", "--lang", "en", "--lang=my"])
    assert program == sys.executable
    assert args == ["-m", "desktop_app", "--db", "a.db"]
