"""The window in Burmese: every page, tab, menu and the main dialogs (opened through
their menu actions) show no English left over; and in Burmese and in a pseudo-locale
40 % longer than English, no label or button is narrower than its text.

These tests see what a user sees: the texts of visible widgets, not the .ts file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QTreeView,
    QWidget,
)

from desktop_app.store.engine import create_store
from desktop_app.ui import i18n
from tests.conftest import PASSPHRASE, write_log

SCREEN = (1366, 768)
# Store data in Burmese, so that what is still English can only be the interface.
ORGANISATION = "မြန်မာ ဒစ်ဂျစ်တယ် အခွင့်အရေး အဖွဲ့"
ROWS = [
    {
        "post_url": "https://www.facebook.com/mm/posts/1",
        "platform": "facebook",
        "author_handle": "@ဥပမာ",
        "author_suspected_fake": "yes",
        "category": "hate_speech",
        "language": "my",
        "content": "ကျောင်းသားတွေ ဆန္ဒပြကြတယ် လူမျိုး",
        "reported_at": "2024-03-05T14:30",
        "reporter": "မသီတာ",
        "first_response_at": "2024-03-05T16:30",
        "final_response_at": "2024-03-08 14:30",
        "final_outcome": "removed",
        "response_text": "ဖယ်ရှားပြီးပါပြီ",
    },
    {
        "post_url": "https://www.facebook.com/mm/posts/2",
        "platform": "facebook",
        "author_handle": "@ဥပမာ",
        "category": "incitement",
        "language": "my",
        "content": "ေက်ာင္းသားေတြ ဆႏၵျပၾကတယ္",  # Zawgyi, as people still type it
        "reported_at": "2024-03-06T10:00",
        "reporter": "ကိုအောင်",
    },
]

# Names that stay in Latin letters in every language (issue 12): product and format
# names, and the platforms' own names.
ALLOWED = {
    "caselog", "sla", "csv", "xlsx", "excel", "pdf", "zip", "sha", "age", "html", "json",
    "usb", "utc", "iso", "utf", "ctrl", "shift", "alt", "del", "esc", "mib", "gib", "id",
    "facebook", "tiktok", "youtube", "telegram", "twitter", "instagram", "messenger",
    "whatsapp", "viber", "english", "burmese", "asia", "yangon", "iana", "dd", "mm", "yyyy",
    "hh", "ok", "en", "my",  # language codes, shown as examples of what to type
}  # fmt: skip
DATE_FORMAT = re.compile(r"\b[YMDHS]{2,4}(?:[-/:. ][YMDHS]{2,4})*\b")
URL = re.compile(r"\b(?:https?://|www\.)\S+")
PATH = re.compile(r"(?:[A-Za-z]:\\|/)[^\s<>]*")
SHORTCUT = re.compile(r"\b(?:Ctrl|Shift|Alt)\+\S+")
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9_'’-]*")
TAG = re.compile(r"<[^>]+>")


def english_words(text: str) -> list[str]:
    """Latin-letter words of a visible text that are not allowed names or codes."""
    text = TAG.sub(" ", text).replace("&nbsp;", " ").replace("&", "")
    from desktop_app.demo import DEMO_PASSPHRASE

    text = text.replace(DEMO_PASSPHRASE, " ")  # a value to type, not a word to read
    for pattern in (URL, SHORTCUT, PATH, DATE_FORMAT):
        text = pattern.sub(" ", text)
    words = []
    for word in WORD.findall(text):
        plain = word.strip("'’-_")
        if len(plain) < 2 or any(ch.isdigit() for ch in plain):  # ids, hex, C-000012
            continue
        if re.fullmatch(r"[A-F]{4}", plain):  # a group of a key fingerprint
            continue
        if plain.lower() in ALLOWED:
            continue
        words.append(plain)
    return words


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything a person can read in ``root`` and its visible
    children: labels, buttons, titles, placeholders, tooltips, choices, headers."""
    if isinstance(root, QFileDialog):
        return  # Qt's own file dialog (the native one, in the system's language, on Windows/macOS)
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__}({widget.objectName() or type(root).__name__})"
        if widget.isWindow():
            yield name + ".windowTitle", widget.windowTitle()
        if widget.toolTip():
            yield name + ".toolTip", widget.toolTip()
        if isinstance(widget, QLabel):
            yield name, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit):
            yield name + ".placeholder", widget.placeholderText()
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            yield name + ".placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for index in range(widget.count()):
                yield name + ".item", widget.itemText(index)
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield name + ".tab", widget.tabText(index)
        elif isinstance(widget, QToolBar):
            for action in widget.actions():
                yield name + ".action", action.text()
                yield name + ".action.toolTip", action.toolTip()
        header = (
            widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else widget.header()
            if isinstance(widget, QTreeView)
            else None
        )
        if header is not None and header.model() is not None and not header.isHidden():
            for section in range(header.count()):
                if not header.isSectionHidden(section):
                    text = header.model().headerData(section, Qt.Orientation.Horizontal)
                    if text:
                        yield name + ".header", str(text)
        if hasattr(widget, "suffix") and callable(widget.suffix):
            yield name + ".suffix", widget.suffix()
            yield name + ".special", widget.specialValueText()


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from menu_texts(action.menu(), where + ">" + action.text())
        else:
            yield where + ">action", action.text()
            if action.toolTip() != action.text().replace("&", ""):
                yield where + ">action.toolTip", action.toolTip()


@dataclass
class Walk:
    """Everything seen while walking the window, for one check to judge."""

    seen: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def trigger_and_visit(
    action: QAction, visit: Callable[[QWidget, str], None], label: str
) -> list[str]:
    """Trigger a menu action; each modal dialog it opens (and any it opens after
    that one closes) is visited while shown, then closed with Cancel/Escape."""
    opened: list[str] = []
    handled: set[int] = set()
    running = True

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and id(modal) not in handled and modal.isVisible():
            handled.add(id(modal))
            opened.append(type(modal).__name__)
            visit(modal, f"{label} > {type(modal).__name__}")
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
        if running:
            QTimer.singleShot(20, poll)

    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    QTimer.singleShot(0, poll)
    action.trigger()
    running = False
    QApplication.processEvents()
    for widget in QApplication.topLevelWidgets():  # non-modal windows it showed
        if widget.isVisible() and id(widget) not in before and not isinstance(widget, QMenu):
            opened.append(type(widget).__name__)
            visit(widget, f"{label} > {type(widget).__name__}")
            widget.close()
    return opened


# Actions not to trigger in a walk: they end it (lock, quit) or replace the store.
SKIPPED_ACTIONS = ("lock_action", "quit_action", "demo_action")
# Walked last: a new case leaves the editor without an open case (so the report and
# response actions have nothing to act on), and the store actions close the store.
LAST_ACTIONS = ("new_case_action", "save_case_action", "new_store_action", "open_store_action")


def walk_window(window: object, visit: Callable[[QWidget, str], None], qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    """Every page and tab of the unlocked window, then every menu action's dialogs."""
    main = window  # MainWindow
    opened: list[str] = []
    tabs = main.findChild(QTabWidget)  # type: ignore[attr-defined]
    assert tabs is not None
    for index in range(tabs.count()):
        dashboard = main.dashboard  # type: ignore[attr-defined]
        if tabs.widget(index) is dashboard and (dashboard.worker or dashboard.data is None):
            with qtbot.waitSignal(dashboard.updated, timeout=20000):  # its figures, computed
                tabs.setCurrentIndex(index)
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        visit(main, f"tab {index}")  # type: ignore[arg-type]
    tabs.setCurrentIndex(0)

    def open_first_case() -> None:
        """The first case open in the editor (a dialog's Cancel may reload the list)."""
        table = main.case_panel.table  # type: ignore[attr-defined]
        if main.is_locked or table.model() is None or table.model().rowCount() == 0:  # type: ignore[attr-defined]
            return
        if not table.selectionModel().hasSelection():
            table.selectRow(0)
        QApplication.processEvents()

    open_first_case()
    visit(main, "case selected")  # type: ignore[arg-type]
    skipped = {id(getattr(main, name, None)) for name in SKIPPED_ACTIONS}
    last = [getattr(main, name, None) for name in LAST_ACTIONS]
    actions = []
    for menu_action in main.menuBar().actions():  # type: ignore[attr-defined]
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if action.isSeparator() or id(action) in skipped or action.menu() is not None:
                continue
            if action not in actions and action not in last:
                actions.append(action)
    for action in [*actions, *(action for action in last if action is not None)]:
        if main.is_locked and action not in last:  # type: ignore[attr-defined]
            pytest.fail(f"the window locked before {action.text()!r}")
        open_first_case()
        if action.isEnabled():
            opened += trigger_and_visit(action, visit, action.text())
    return opened


@pytest.fixture
def burmese(qapp: QApplication) -> Iterator[QApplication]:
    assert i18n.install_translators(qapp, "my"), "caselog_my.qm is missing: run make"
    yield qapp
    i18n.install_translators(qapp, "en")


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[QApplication]:
    translator = i18n.PseudoTranslator(1.4)
    qapp.installTranslator(translator)
    yield qapp
    qapp.removeTranslator(translator)


def open_window(qtbot, settings: QSettings, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The window (built after the translator is installed), unlocked on a store of
    Burmese cases, at the size of a common laptop screen."""
    from desktop_app.app import load_fonts
    from desktop_app.core.timeutil import zone
    from desktop_app.importers.spreadsheet import import_file
    from desktop_app.ui.main_window import MainWindow

    load_fonts(QApplication.instance())  # type: ignore[arg-type]
    path = tmp_path / "burmese.db"
    with create_store(path, PASSPHRASE, organisation=ORGANISATION, timezone="Asia/Yangon") as s:
        import_file(s, write_log(tmp_path / "log.csv", ROWS), zone("Asia/Yangon"))
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    return window, path


def english_visitor(walk: Walk) -> Callable[[QWidget, str], None]:
    def visit(widget: QWidget, where: str) -> None:
        walk.dialogs.append(where)
        for name, text in widget_texts(widget):
            walk.seen.append((name, text))
            words = english_words(text)
            if words:
                walk.problems.append(f"{where}: {name}: {text[:80]!r} -> {words}")
        if isinstance(widget, QMainWindow):
            for menu_action in widget.menuBar().actions():
                if menu_action.menu() is not None:
                    for name, text in menu_texts(menu_action.menu(), "menu"):
                        words = english_words(text)
                        if words:
                            walk.problems.append(f"{where}: {name}: {text!r} -> {words}")

    return visit


def test_the_window_in_burmese_shows_no_english(  # type: ignore[no-untyped-def]
    burmese, qtbot, settings, tmp_path
):
    walk = Walk()
    visit = english_visitor(walk)
    window, path = open_window(qtbot, settings, tmp_path)
    visit(window, "start page")
    window.ask_unlock(path)
    visit(window, "unlock page")
    window.unlock_page.passphrase.setText("wrong passphrase")
    window.unlock("wrong passphrase")
    visit(window, "unlock page, wrong passphrase")
    window.unlock(PASSPHRASE)
    assert not window.is_locked
    QApplication.clipboard().setText("ကူးယူထားသော စာသား")  # "paste screenshot" finds no image
    opened = walk_window(window, visit, qtbot)
    assert len(walk.seen) > 200 and len(opened) >= 8, (len(walk.seen), opened)
    problems = sorted(set(walk.problems))
    assert not problems, f"{len(problems)} English texts left:\n" + "\n".join(problems[:300])


def shown_width(widget: QWidget) -> int:
    """How much of the widget's width its parents let show: a widget pushed past the
    right edge of a splitter pane or a window is cut there. Only widths count (a form
    taller than its scroll area scrolls), and scroll areas are judged on their own."""
    left, right = 0, widget.width()
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and not child.isWindow():
        if isinstance(parent.parentWidget(), QScrollArea):  # a viewport: scrolls
            break
        offset = widget.mapTo(parent, QPoint(0, 0)).x()  # the widget's left edge in parent
        left = max(left, -offset)
        right = min(right, parent.width() - offset)
        child, parent = parent, parent.parentWidget()
    return max(0, right - left)


def clipped(widget: QWidget) -> str | None:
    """Why a visible label or button cannot show its whole text, or None."""
    if not widget.isVisible() or widget.width() <= 0:
        return None
    metrics = QFontMetrics(widget.font())
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or widget.wordWrap() or widget.pixmap() is not None and not text:
            return None
        rich = widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText and TAG.search(text) is not None
        )
        if rich:
            doc = QTextDocument()
            doc.setDefaultFont(widget.font())
            doc.setDocumentMargin(0)
            doc.setHtml(text)
            need = int(doc.idealWidth())
        else:
            need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        have = min(widget.contentsRect().width() - 2 * widget.margin(), shown_width(widget))
        if have + 1 < need:
            return f"label {text[:50]!r}: {have}px for {need}px"
        return None
    if isinstance(widget, QPushButton | QCheckBox | QRadioButton):
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text:
            return None
        need = metrics.horizontalAdvance(text)
        if isinstance(widget, QCheckBox | QRadioButton):
            need += widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, widget)
        have = min(widget.width(), shown_width(widget))
        if have < need:
            return f"{type(widget).__name__} {text[:50]!r}: {have}px for {need}px"
    return None


def layout_visitor(walk: Walk) -> Callable[[QWidget, str], None]:
    def visit(root: QWidget, where: str) -> None:
        if isinstance(root, QFileDialog | QMessageBox):
            return  # Qt lays these out itself (a message box wraps and grows)
        walk.dialogs.append(where)
        QApplication.processEvents()
        for widget in [root, *root.findChildren(QWidget)]:
            if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton):
                walk.seen.append((where, type(widget).__name__))
            problem = clipped(widget)
            if problem:
                walk.problems.append(f"{where}: {problem}")
        for area in root.findChildren(QScrollArea):
            if area.isVisible() and area.horizontalScrollBar().isVisible():
                owner = area
                while owner is not None and not type(owner).__module__.startswith("desktop_app"):
                    owner = owner.parentWidget()
                inner = area.widget()
                walk.problems.append(
                    f"{where}: {type(owner).__name__}'s form is {inner.width()}px wide in a "
                    f"{area.viewport().width()}px view: its right side is cut off"
                )
        for toolbar in root.findChildren(QToolBar):
            if not toolbar.isVisible():
                continue
            for action in toolbar.actions():
                button = toolbar.widgetForAction(action)
                if action.isVisible() and not action.isSeparator() and button is not None:
                    if not button.isVisible():  # pushed behind the toolbar's » menu
                        walk.problems.append(
                            f"{where}: the toolbar has no room for {action.text()!r}"
                        )
        top = root.window()
        if top.width() > SCREEN[0] or top.height() > SCREEN[1]:
            walk.problems.append(
                f"{where}: {type(top).__name__} is {top.width()}x{top.height()}, "
                f"larger than a {SCREEN[0]}x{SCREEN[1]} screen"
            )

    return visit


@pytest.mark.parametrize("language", ["my", "pseudo"])
def test_nothing_is_clipped_in_burmese_or_in_longer_texts(  # type: ignore[no-untyped-def]
    language, request, qtbot, settings, tmp_path
):
    request.getfixturevalue("burmese" if language == "my" else "pseudo")
    walk = Walk()
    visit = layout_visitor(walk)
    window, path = open_window(qtbot, settings, tmp_path)
    visit(window, "start page")
    window.ask_unlock(path)
    visit(window, "unlock page")
    window.unlock(PASSPHRASE)
    assert not window.is_locked
    QApplication.clipboard().setText("ကူးယူထားသော စာသား")
    walk_window(window, visit, qtbot)
    assert len(walk.dialogs) >= 10, walk.dialogs
    assert len(walk.seen) > 200  # labels and buttons measured
    problems = sorted(set(walk.problems))
    assert not problems, f"{len(problems)} clipped:\n" + "\n".join(problems[:300])


def test_pseudo_translator_lengthens_every_text(pseudo: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate("MainWindow", "Lock")
    assert text.startswith("Lock") and len(text) == 4 + 2
    assert QLabel().tr("Settings").startswith("Settings")


def test_the_clipping_check_sees_a_clipped_label_and_button(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The measure the layout test relies on flags a label and a button that are too
    narrow for their Burmese text, and passes them at their natural size."""
    from desktop_app.app import load_fonts

    load_fonts(QApplication.instance())  # type: ignore[arg-type]
    label = QLabel("ထိန်းသိမ်းမှု မှတ်တမ်းကို စိစစ်မည်")
    button = QPushButton("ရွေးထားသော တိုင်ကြားချက်သို့ တုံ့ပြန်ချက် ထည့်မည်…")
    rich = QLabel("<b>ဤအစုံကို ကုဒ်ဝှက်မထားပါ။</b>")
    for widget in (label, button, rich):
        qtbot.addWidget(widget)
        widget.show()
        widget.adjustSize()
        assert clipped(widget) is None, clipped(widget)
        widget.setFixedWidth(widget.width() // 2)
        assert clipped(widget) is not None


def test_settings_switches_the_language_and_offers_a_restart(  # type: ignore[no-untyped-def]
    qapp: QApplication, qtbot, settings: QSettings, tmp_path: Path, monkeypatch
) -> None:
    from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
    from tests.ui.menus import open_from_menu

    window, path = open_window(qtbot, settings, tmp_path)
    window.ask_unlock(path)
    window.unlock(PASSPHRASE)
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        "desktop_app.ui.dialogs.settings_dialog.QProcess.startDetached",
        lambda program, args: started.append((program, args)) or True,
    )
    questions: list[str] = []

    def later(box: QMessageBox) -> int:
        questions.append(box.text())
        return QMessageBox.StandardButton.No

    window.ask = later
    try:
        dialog = open_from_menu(window, "File", "Settings", SettingsDialog)
        names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
        assert names == [name for _code, name in i18n.language_names()]
        dialog.language.setCurrentIndex(dialog.language.findData("my"))
        dialog.save()
        # Saved for the next start (before unlock) and installed now: new texts are Burmese.
        assert settings.value(i18n.LANGUAGE_SETTING) == "my"
        assert i18n.current_language() == "my"
        assert QApplication.translate("SettingsDialog", "Settings") == "ဆက်တင်များ"
        assert len(questions) == 1 and not started  # "Later": nothing restarts
        assert window.isVisible()

        # "Restart now" while an edit is unsaved and the person keeps it: no restart.
        dialog = open_from_menu(window, "File", "Settings", SettingsDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        window.ask = lambda box: QMessageBox.StandardButton.Yes
        monkeypatch.setattr(window, "confirm_leave_case", lambda: False)
        dialog.save()
        assert not started and window.isVisible()
        assert settings.value(i18n.LANGUAGE_SETTING) == "en"

        # Nothing unsaved: the window closes (locking the store), then Caselog restarts.
        monkeypatch.setattr(window, "confirm_leave_case", lambda: True)
        monkeypatch.setattr(QApplication, "quit", lambda: None)
        dialog = open_from_menu(window, "File", "Settings", SettingsDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("my"))
        dialog.save()
        assert started == [i18n.restart_command()]
        assert window.store is None and not window.isVisible()
    finally:
        i18n.install_translators(qapp, "en")


def test_durations_and_the_language_setting_read_as_the_window_does(  # type: ignore[no-untyped-def]
    burmese: QApplication, qtbot, settings: QSettings, tmp_path: Path
) -> None:
    """Waiting times read in Burmese (lupdate reads literal contexts only, so a
    variable one left "days" and "h" out of the catalogue); and Settings shows the
    language the window is in (here from --lang my), not the store's old copy."""
    from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
    from desktop_app.ui.vocab import duration_text
    from tests.ui.menus import open_from_menu

    assert duration_text(60) == "2.5 ရက်" and duration_text(5) == "5.0 နာရီ"
    window, path = open_window(qtbot, settings, tmp_path)
    window.ask_unlock(path)
    window.unlock(PASSPHRASE)
    window.case_panel.table.selectRow(0)
    cells = [
        window.editor.timeline.topLevelItem(i).text(2)
        for i in range(window.editor.timeline.topLevelItemCount())
    ]
    assert cells and all("day" not in c and not c.endswith(" h") for c in cells), cells
    from tests.ui.menus import plain

    file_menu = plain(QApplication.translate("MainWindow", "&File"))  # Burmese here
    item = plain(QApplication.translate("MainWindow", "Settings…"))
    dialog = open_from_menu(window, file_menu, item, SettingsDialog)
    assert dialog.language.currentData() == "my"
    dialog.reject()


def test_shared_helpers_translate_whichever_dialog_calls_them(  # type: ignore[no-untyped-def]
    burmese: QApplication, qtbot
) -> None:
    """Helpers used by several dialogs (the passphrase rule, the time fields) keep one
    translation context: ``widget.tr`` would look in the calling dialog's context."""
    from desktop_app.core.timeutil import zone
    from desktop_app.ui.dialogs.new_store import passphrase_refusal
    from desktop_app.ui.dialogs.report_dialog import read_time, time_field

    for caller in (QDialog(), QWidget(), QLineEdit()):
        qtbot.addWidget(caller)
        refusal = passphrase_refusal(caller, "short")
        assert refusal and not english_words(refusal), refusal
        edit, _row, error = time_field(caller, zone("UTC"))
        assert read_time(edit, error, zone("UTC"), required=True) is None
        assert error.text() and not english_words(error.text()), error.text()
