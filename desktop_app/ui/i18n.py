"""The window's languages: which one to use, installing Qt translators, and the one
place where a core ``AppError`` message becomes a translated text.

The core never imports Qt and writes its messages in English; the window turns them
into the user's language here (as OnionShare does), by the error's known message
templates, and shows the original English text when a message has no template yet.

Qt ships no Burmese translation of its own (no ``qtbase_my.qm``), so the texts Qt's
standard buttons, message boxes and line-edit menus show are declared below under
Qt's own translation contexts (``QPlatformTheme``, ``QGnomeTheme``, ``QMessageBox``,
``QLineEdit``...) and translated in ``caselog_my.ts``: every ``QDialogButtonBox`` and
``QMessageBox`` in the window then shows Burmese buttons with no call of its own.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from desktop_app.core.errors import AppError
from desktop_app.paths import resource_path

log = logging.getLogger(__name__)

ENGLISH = "en"
BURMESE = "my"
LANGUAGES = (ENGLISH, BURMESE)
LANGUAGE_SETTING = "ui/language"  # QSettings key: the window's language, before unlock
CATALOGUE = "caselog"  # resources/translations/caselog_<lang>.qm

# Translators installed by install_translators(), kept referenced (Qt does not own
# them) so that a switch can remove exactly these.
_installed: list[QTranslator] = []


def language_names() -> list[tuple[str, str]]:
    """(code, name) for a language chooser, each name in its own language."""
    return [(ENGLISH, "English"), (BURMESE, "မြန်မာ (Burmese)")]


def normalise_language(value: object) -> str | None:
    """'my', 'my_MM', 'my-MM', 'Burmese' -> 'my'; 'en_GB' -> 'en'; unknown -> None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().lower().replace("-", "_")
    if text in ("burmese", "myanmar", "မြန်မာ"):
        return BURMESE
    code = text.split("_", 1)[0]
    return code if code in LANGUAGES else None


def system_language() -> str:
    """Burmese when the computer's locale is Burmese, else English."""
    return BURMESE if QLocale.system().language() == QLocale.Language.Burmese else ENGLISH


def resolve_language(requested: str | None = None, settings: QSettings | None = None) -> str:
    """The language to start in: ``--lang``, else the saved choice, else the system's."""
    for candidate in (requested, settings.value(LANGUAGE_SETTING, "") if settings else None):
        lang = normalise_language(candidate)
        if lang is not None:
            return lang
    return system_language()


def translations_dir() -> Path:
    return resource_path("translations")


def catalogue_path(lang: str) -> Path:
    return translations_dir() / f"{CATALOGUE}_{lang}.qm"


def current_language() -> str:
    """The language whose translators are installed now (English when none are)."""
    for translator in _installed:
        lang = normalise_language(translator.language())
        if lang is not None:
            return lang
    return ENGLISH


def install_translators(app: QCoreApplication, lang: str) -> bool:
    """Replace the window's translators by those of ``lang``; True when all loaded.

    English needs none (the source texts are English). Qt sends every widget a
    LanguageChange event when translators change, so views that re-read their
    texts in ``changeEvent`` switch at once.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang == ENGLISH:
        return True
    ok = True
    ours = QTranslator(app)
    path = catalogue_path(lang)
    if ours.load(str(path)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation file for %s at %s; the window stays in English", lang, path)
        ok = False
    # Qt's own catalogue, should a future Qt ship one for this language (Qt 6.8 has
    # none for Burmese; our .ts carries Qt's button texts instead, see above).
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    return ok


def set_language(app: QCoreApplication, lang: str, settings: QSettings | None = None) -> bool:
    """Switch the window's language now and remember it for the next start.

    For Settings: call it after the choice is saved. Returns False when the
    language's translation could not be loaded (the window then stays in English).
    Widgets built before the call keep their texts unless they handle
    ``QEvent.LanguageChange``; the caller rebuilds those (or offers a restart).
    """
    code = normalise_language(lang) or ENGLISH
    if settings is not None:
        settings.setValue(LANGUAGE_SETTING, code)
    return install_translators(app, code)


def restart_command(argv: Sequence[str] | None = None) -> tuple[str, list[str]]:
    """(program, arguments) that start Caselog again as it was started, minus any
    ``--lang``, so a restart offered after a language change opens in the language
    just saved. For ``QProcess.startDetached(*restart_command())`` then quitting (the
    window saves unsaved editor text as a draft when the store locks)."""
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    kept: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg == "--lang":
            skip = True
            continue
        if arg.startswith("--lang="):
            continue
        kept.append(arg)
    if getattr(sys, "frozen", False):
        return sys.executable, kept
    return sys.executable, ["-m", "desktop_app", *kept]


class PseudoTranslator(QTranslator):
    """A pseudo-locale for layout tests: every text 40 % longer (as Vorta's
    TRANS_SCALE), the original kept in front so placeholders and mnemonics work."""

    def __init__(self, scale: float = 1.4, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.scale = scale

    def isEmpty(self) -> bool:  # noqa: N802  (Qt's name)
        return False

    def translate(  # type: ignore[override]
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if not source_text:
            return source_text
        lines = source_text.split("\n")
        return "\n".join(line + "ʬ" * math.ceil(len(line) * (self.scale - 1)) for line in lines)


# --- Qt's own texts (Qt has no Burmese catalogue) ----------------------------------
# Standard buttons: QPlatformTheme::defaultStandardButtonText and its GNOME variant,
# used by QDialogButtonBox and QMessageBox.
QT_BUTTON_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QDialogButtonBox", "OK"),
    QT_TRANSLATE_NOOP("QProgressDialog", "Cancel"),
    QT_TRANSLATE_NOOP("QInputDialog", "Enter a value:"),
    QT_TRANSLATE_NOOP("QTabBar", "Scroll Left"),
    QT_TRANSLATE_NOOP("QTabBar", "Scroll Right"),
    # the right-click menu of every line edit and text box
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
)
# Qt's own file dialog (Linux without a desktop portal; Windows and macOS show their
# native dialog, in the system's language).
QT_FILE_DIALOG_TEXTS = (
    QT_TRANSLATE_NOOP(
        "QFileDialog",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.",
    ),
    QT_TRANSLATE_NOOP(
        "QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."
    ),
    QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_TRANSLATE_NOOP("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"),
    QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?"),
    QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory."),
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "All files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directories"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Find Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
    QT_TRANSLATE_NOOP("QFileDialog", "New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Recent Places"),
    QT_TRANSLATE_NOOP("QFileDialog", "Remove"),
    QT_TRANSLATE_NOOP("QFileDialog", "Save As"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Kind"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "My Computer"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Type"),
)


# --- core errors -------------------------------------------------------------------
# Each core message template as a regular expression, with the translated template
# (%1, %2... are the groups in order); or the template alone, when it is the core's
# own words (its pattern is then that text, each %N any text: error_templates). Kept
# in the order the core's modules raise them; a message that matches none is tried
# as "<where>: <known message>" and is otherwise shown as the core wrote it.
ERROR_CONTEXT = "AppError"

_ERROR_TEMPLATES: tuple[tuple[str, str] | str, ...] = (
    # store/engine.py
    (
        r"cannot unlock (.+): wrong passphrase, or not a Caselog store",
        QT_TRANSLATE_NOOP(
            "AppError",
            "Cannot unlock %1: the passphrase is wrong, or the file is not a Caselog store.",
        ),
    ),
    (
        r"no passphrase given: .*",
        QT_TRANSLATE_NOOP("AppError", "No passphrase was given: type the passphrase."),
    ),
    (
        r"no store at (.+?): create one with .*",
        QT_TRANSLATE_NOOP("AppError", "There is no store at %1: create one or open another."),
    ),
    (
        r"(.+) already exists: choose another path or open it",
        QT_TRANSLATE_NOOP("AppError", "%1 already exists: choose another name or open it."),
    ),
    (
        r"(.+) is not a Caselog store \(no schema version\)",
        QT_TRANSLATE_NOOP("AppError", "%1 is not a Caselog store."),
    ),
    (
        r"(.+) was made by a newer version of Caselog \(schema (.+)\); update Caselog to open it",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1 was made by a newer version of Caselog (schema %2): update Caselog to open it.",
        ),
    ),
    (
        r"this store has no organisation record; it was not made by Caselog",
        QT_TRANSLATE_NOOP(
            "AppError", "This store has no organisation record: it was not made by Caselog."
        ),
    ),
    (
        r"could not change the passphrase of (.+?): (.+); the old one still works",
        QT_TRANSLATE_NOOP(
            "AppError",
            "Could not change the passphrase of %1 (%2). The old passphrase still works.",
        ),
    ),
    (
        r"backup to (.+?) failed: (.+)",
        QT_TRANSLATE_NOOP("AppError", "The backup to %1 failed: %2"),
    ),
    (
        r"(.+): not a folder; choose a folder or a USB stick",
        QT_TRANSLATE_NOOP("AppError", "%1 is not a folder: choose a folder or a USB stick."),
    ),
    (
        r"the store may be damaged: nothing was written",
        QT_TRANSLATE_NOOP("AppError", "The store may be damaged: nothing was written."),
    ),
    (
        r"cannot read (.+?): (.+)",
        QT_TRANSLATE_NOOP("AppError", "Cannot read %1: %2"),
    ),
    (r"(.+): no such file", QT_TRANSLATE_NOOP("AppError", "%1: there is no such file.")),
    # importers
    (
        r"(.+): use a \.csv or \.xlsx file",
        QT_TRANSLATE_NOOP("AppError", "%1: use a .csv or .xlsx file."),
    ),
    (
        r"(.+): the file is empty \(no header row\)",
        QT_TRANSLATE_NOOP("AppError", "%1: the file is empty (it has no header row)."),
    ),
    (
        r"(.+): not UTF-8 text \((.+)\); save it as 'CSV UTF-8'",
        QT_TRANSLATE_NOOP("AppError", "%1 is not UTF-8 text (%2): save it as 'CSV UTF-8'."),
    ),
    (
        r"(.+): not a readable XLSX workbook \((.+)\)",
        QT_TRANSLATE_NOOP("AppError", "%1 is not a readable XLSX workbook (%2)."),
    ),
    (
        r"(.+): not a readable CSV file \((.+)\)",
        QT_TRANSLATE_NOOP("AppError", "%1 is not a readable CSV file (%2)."),
    ),
    (
        r"(.+): no sheet named (.+) \(it has: (.+)\)",
        QT_TRANSLATE_NOOP("AppError", "%1 has no sheet named %2 (its sheets: %3)."),
    ),
    (
        r"import cancelled; nothing was written",
        QT_TRANSLATE_NOOP("AppError", "The import was cancelled; nothing was written."),
    ),
    (
        r"(.+) cancelled; no file was written",
        QT_TRANSLATE_NOOP("AppError", "Cancelled (%1); no file was written."),
    ),
    (
        r"bundle export cancelled; nothing was written",
        QT_TRANSLATE_NOOP("AppError", "The bundle was not made (cancelled); nothing was written."),
    ),
    (
        r"the bundle import was cancelled; nothing was written",
        QT_TRANSLATE_NOOP("AppError", "The bundle import was cancelled; nothing was written."),
    ),
    (
        r"opening the bundle was cancelled; nothing was written",
        QT_TRANSLATE_NOOP("AppError", "Opening the bundle was cancelled; nothing was written."),
    ),
    # case records
    (
        r"a post needs a link, a post reference or its text",
        QT_TRANSLATE_NOOP("AppError", "A post needs a link, a post reference or its text."),
    ),
    (
        r"platform: a post needs the platform it is on",
        QT_TRANSLATE_NOOP("AppError", "Platform: a post needs the platform it is on."),
    ),
    (
        r"this post is already logged \((.+)\)",
        QT_TRANSLATE_NOOP("AppError", "This post is already logged (%1)."),
    ),
    (
        r"this link is already logged as case (.+)",
        QT_TRANSLATE_NOOP("AppError", "This link is already logged as case %1."),
    ),
    (
        r"this report is already logged: same post, time and reporter",
        QT_TRANSLATE_NOOP(
            "AppError", "This report is already logged: same post, time and reporter."
        ),
    ),
    (
        r"received at: an outcome needs the time the platform sent it",
        QT_TRANSLATE_NOOP(
            "AppError", "Received at: an outcome needs the time the platform sent it."
        ),
    ),
    (
        r"received at: the response is dated before its report \((.+) < (.+)\)",
        QT_TRANSLATE_NOOP(
            "AppError", "Received at: the response is dated before its report (%1 < %2)."
        ),
    ),
    (
        r"not a date and time: use ISO 8601 .*",
        QT_TRANSLATE_NOOP(
            "AppError",
            "Not a date and time: use 2018-03-05T14:30 (ISO 8601) or DD/MM/YYYY HH:MM.",
        ),
    ),
    (
        r"unknown time zone (.+?): use an IANA name such as Asia/Yangon or UTC",
        QT_TRANSLATE_NOOP(
            "AppError", "Unknown time zone %1: use a name such as Asia/Yangon or UTC."
        ),
    ),
    (r"no case with id (.+)", QT_TRANSLATE_NOOP("AppError", "There is no case with id %1.")),
    # importers/spreadsheet.py: why a row was refused (the Problems tab; its row
    # and column are shown beside it). The English is the core's own words.
    (
        # "<value> is " + core.timeutil's _NOT_A_TIME
        r"(.+) is (?:not a date and time): use ISO 8601 \(2018-03-05T14:30\) or DD/MM/YYYY HH:MM",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1 is not a date and time: use ISO 8601 (2018-03-05T14:30) or DD/MM/YYYY HH:MM",
        ),
    ),
    QT_TRANSLATE_NOOP(
        "AppError", "%1 is no such date: day %2, month %3 (DD/MM/YYYY: the day comes first)"
    ),
    QT_TRANSLATE_NOOP(
        "AppError", "no such date: day %1, month %2 (DD/MM/YYYY: the day comes first)"
    ),
    (
        # "<value> is " + core.timeutil's "no such time of day: ..."
        r"(.+) is (?:no such time of day): (.+)",
        QT_TRANSLATE_NOOP("AppError", "%1 is no such time of day: %2"),
    ),
    QT_TRANSLATE_NOOP("AppError", "no such time of day: %1"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "%1 is outside the dates Caselog accepts (2000-01-01 to 24 hours past this computer's clock)",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "a value in a column with no header; name the column or clear it",
    ),
    QT_TRANSLATE_NOOP("AppError", "required, but empty"),
    QT_TRANSLATE_NOOP("AppError", "a row needs post_url, post_ref or content"),
    QT_TRANSLATE_NOOP(
        "AppError", "%1 is the file being imported: give the rejected rows another file"
    ),
    QT_TRANSLATE_NOOP("AppError", "%1 is a folder: give the rejected rows a file name"),
    QT_TRANSLATE_NOOP("AppError", "%1 does not exist: the rejected rows need a folder to go to"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "the valid rows were imported (%1 added), but the rejected rows could not be written to %2 (%3): import the file again with another rejects file; its rows already in are not added twice",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "%1 is not a link: put the post's address (https://…) in the cell, or leave it empty when the post has none",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP("AppError", "%1 is not yes or no"),
    QT_TRANSLATE_NOOP("AppError", "%1 is not one of %2"),
    QT_TRANSLATE_NOOP("AppError", "an outcome needs the time of the decision"),
    QT_TRANSLATE_NOOP("AppError", "a decision time needs its outcome"),
    QT_TRANSLATE_NOOP("AppError", "the response is dated before the report"),
    # core/timeutil.py (time_problem)
    (
        r"(\S+) is before 2000-01-01, the earliest date Caselog accepts",
        QT_TRANSLATE_NOOP(
            "AppError", "%1 is before 2000-01-01, the earliest date Caselog accepts."
        ),
    ),
    (
        r"(\S+) is in the future \(more than 24 hours past this computer's clock\)",
        QT_TRANSLATE_NOOP(
            "AppError", "%1 is in the future (more than 24 hours past this computer's clock)."
        ),
    ),
    # export
    (
        r"no case matches these filters; nothing was written.*",
        QT_TRANSLATE_NOOP("AppError", "No case matches these filters; nothing was written."),
    ),
    (
        r"(.+): the file name must end in (.+)",
        QT_TRANSLATE_NOOP("AppError", "%1: the file name must end in %2."),
    ),
    (
        r"(.+) is a folder: give a file name ending in (.+)",
        QT_TRANSLATE_NOOP("AppError", "%1 is a folder: give a file name ending in %2."),
    ),
    (
        r"(.+) does not exist: create the folder first",
        QT_TRANSLATE_NOOP("AppError", "%1 does not exist: create the folder first."),
    ),
    (
        r"font (.+) is missing from (.+): reinstall Caselog",
        QT_TRANSLATE_NOOP("AppError", "The font %1 is missing from %2: reinstall Caselog."),
    ),
    # export/verify.py: the problems a pack check names, each after the file it is
    # about ("<file>: <problem>"). The English is the core's own words, as the CLI
    # prints them.
    QT_TRANSLATE_NOOP(
        "AppError",
        "%1 does not start as a ZIP file does: something was put before the pack, or it is not a pack",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP("AppError", "%1 is not a readable ZIP file (truncated or damaged)"),
    (
        # The reasons are unsafe_reason's, put after this start by _zip_source.
        r"unsafe path in the ZIP, (?:has no name \(the ZIP's list of files is damaged\))",
        QT_TRANSLATE_NOOP(
            "AppError",
            "unsafe path in the ZIP, has no name (the ZIP's list of files is damaged)",
        ),
    ),
    (
        r"unsafe path in the ZIP, (?:contains a backslash or NUL)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "unsafe path in the ZIP, contains a backslash or NUL",
        ),
    ),
    (
        r"unsafe path in the ZIP, (?:is an absolute path)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "unsafe path in the ZIP, is an absolute path",
        ),
    ),
    (
        r"unsafe path in the ZIP, (?:climbs out of the pack folder \(\.\.\))",
        QT_TRANSLATE_NOOP(
            "AppError",
            "unsafe path in the ZIP, climbs out of the pack folder (..)",
        ),
    ),
    (
        r"unsafe path in the ZIP, (?:is a symbolic link)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "unsafe path in the ZIP, is a symbolic link",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "appears twice in the ZIP"),
    QT_TRANSLATE_NOOP("AppError", "data before the first file of the ZIP"),
    QT_TRANSLATE_NOOP("AppError", "is a symbolic link (refused)"),
    QT_TRANSLATE_NOOP("AppError", "points outside the pack folder"),
    QT_TRANSLATE_NOOP("AppError", "has no list of files"),
    (
        r"a file entry is malformed \((.*)\)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "a file entry is malformed (%1)",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "the SHA-256 is malformed"),
    QT_TRANSLATE_NOOP("AppError", "missing"),
    QT_TRANSLATE_NOOP("AppError", "larger than any pack's would be (refused)"),
    QT_TRANSLATE_NOOP("AppError", "not UTF-8 text (changed or damaged)"),
    (
        r"line (\d+) is not '<sha256>  <path>'",
        QT_TRANSLATE_NOOP(
            "AppError",
            "line %1 is not '<sha256>  <path>'",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "%1 is listed twice"),
    QT_TRANSLATE_NOOP("AppError", "lists %1, which it should not"),
    QT_TRANSLATE_NOOP("AppError", "the hash of %1 does not match"),
    QT_TRANSLATE_NOOP("AppError", "does not list %1"),
    QT_TRANSLATE_NOOP("AppError", "says nothing of the custody chain"),
    (
        r"line (\d+) is not a custody event",
        QT_TRANSLATE_NOOP(
            "AppError",
            "line %1 is not a custody event",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "starts at event %1, not %2 as the manifest says"),
    QT_TRANSLATE_NOOP("AppError", "event 1 does not start the chain"),
    (
        r"event (\d+) is missing \(the chain jumps from (\d+) to (\d+)\)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "event %1 is missing (the chain jumps from %2 to %3)",
        ),
    ),
    (
        r"event (\d+) does not link to event (\d+) \(its prev_hash is not that event's hash\)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "event %1 does not link to event %2 (its prev_hash is not that event's hash)",
        ),
    ),
    (
        r"event (\d+) was changed \(its hash does not match its content\)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "event %1 was changed (its hash does not match its content)",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "empty, but the manifest names events"),
    (
        r"ends at event (.+), not at the head the manifest names \((.*)\); "
        r"events were removed from the end",
        QT_TRANSLATE_NOOP(
            "AppError",
            "ends at event %1, not at the head the manifest names (%2); events were removed from the end",  # noqa: E501
        ),
    ),
    (
        r"damaged, it cannot be read to the end \((.*)\)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "damaged, it cannot be read to the end (%1)",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "nested too deeply to be read (refused)"),
    (
        r"cannot be read \(damaged: (.*)\)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "cannot be read (damaged: %1)",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "missing, so no file can be checked against it"),
    (
        r"larger than (\d+) MB \(refused\)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "larger than %1 MB (refused)",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "not the manifest of a Caselog evidence pack"),
    (
        r"format_version (.*) is not one this Caselog reads \(1 or 2\): a newer Caselog may",
        QT_TRANSLATE_NOOP(
            "AppError",
            "format_version %1 is not one this Caselog reads (1 or 2): a newer Caselog may",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "not valid JSON (changed or damaged)"),
    QT_TRANSLATE_NOOP("AppError", "the signing key is not base64"),
    QT_TRANSLATE_NOOP("AppError", "missing, so the pack's origin cannot be checked"),
    QT_TRANSLATE_NOOP("AppError", "names no signing key"),
    QT_TRANSLATE_NOOP("AppError", "not a 64-byte Ed25519 signature"),
    QT_TRANSLATE_NOOP("AppError", "signed by the key %1, not by the expected %2"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "signed by an unknown key %1: neither this store's own key nor any partner's",
    ),
    QT_TRANSLATE_NOOP("AppError", "missing from the pack (listed in the manifest)"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "changed since the pack was signed (SHA-256 or size differs from the manifest)",
    ),
    QT_TRANSLATE_NOOP("AppError", "added to the pack (not in the manifest)"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "shows the fingerprint %1, but the key that signed the pack is %2",
    ),
    (
        r"cannot be read to check the fingerprints it shows \((.*)\); it may be damaged or forged",
        QT_TRANSLATE_NOOP(
            "AppError",
            "cannot be read to check the fingerprints it shows (%1); it may be damaged or forged",
        ),
    ),
    # --- what the window can meet, module by module (the English is the core's own)
    # store/corrections.py (Corrections: edit, retract, restore, purge)
    QT_TRANSLATE_NOOP("AppError", "reason: a correction needs a reason (one line of free text)"),
    QT_TRANSLATE_NOOP("AppError", "give a case reference (C-000012) or a uid"),
    QT_TRANSLATE_NOOP("AppError", "give a date and time"),
    QT_TRANSLATE_NOOP("AppError", "edit: give at least one FIELD=VALUE to change"),
    QT_TRANSLATE_NOOP("AppError", "handle: an account needs its handle"),
    QT_TRANSLATE_NOOP("AppError", "handle: the account %1 is already in this store"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "reported at: the report would be dated after its response (%1 > %2)",
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "an author account cannot be retracted; edit it, or retract its posts",
    ),
    QT_TRANSLATE_NOOP("AppError", "an author account is never retracted, so it cannot be restored"),
    (
        r"this (?:post) is already retracted",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this post is already retracted",
        ),
    ),
    (
        r"this (?:post) is not retracted",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this post is not retracted",
        ),
    ),
    (
        r"this (?:post) was retracted with (.+): restore that one instead",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this post was retracted with %1: restore that one instead",
        ),
    ),
    (
        r"this (?:report) is already retracted",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this report is already retracted",
        ),
    ),
    (
        r"this (?:report) is not retracted",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this report is not retracted",
        ),
    ),
    (
        r"this (?:report) was retracted with (.+): restore that one instead",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this report was retracted with %1: restore that one instead",
        ),
    ),
    (
        r"this (?:response) is already retracted",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this response is already retracted",
        ),
    ),
    (
        r"this (?:response) is not retracted",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this response is not retracted",
        ),
    ),
    (
        r"this (?:response) was retracted with (.+): restore that one instead",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this response was retracted with %1: restore that one instead",
        ),
    ),
    (
        r"this (?:attachment) is already retracted",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this attachment is already retracted",
        ),
    ),
    (
        r"this (?:attachment) is not retracted",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this attachment is not retracted",
        ),
    ),
    (
        r"this (?:attachment) was retracted with (.+): restore that one instead",
        QT_TRANSLATE_NOOP(
            "AppError",
            "this attachment was retracted with %1: restore that one instead",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "this attachment was purged: its bytes are gone for good"),
    QT_TRANSLATE_NOOP("AppError", "this attachment was already purged"),
    # store/settings.py and core/params.py (Settings, the dashboard's filters)
    QT_TRANSLATE_NOOP("AppError", "SLA hours: must be more than zero"),
    QT_TRANSLATE_NOOP("AppError", "Repeat threshold: must be 1 or more"),
    QT_TRANSLATE_NOOP("AppError", "Idle lock: minutes must be zero (never) or more"),
    QT_TRANSLATE_NOOP("AppError", "Backup reminder: days must be 1 or more"),
    QT_TRANSLATE_NOOP("AppError", "SLA hours: must be more than 0 (got %1)"),
    QT_TRANSLATE_NOOP("AppError", "repeat threshold: must be 1 or more (got %1)"),
    QT_TRANSLATE_NOOP("AppError", "to: the end of the period must be after its start"),
    # store: cases, the lock, attachments
    QT_TRANSLATE_NOOP("AppError", "no case %1 in this store"),
    QT_TRANSLATE_NOOP("AppError", "the store is locked: unlock it again to go on"),
    QT_TRANSLATE_NOOP("AppError", "the case list is closed"),
    QT_TRANSLATE_NOOP("AppError", "an attachment belongs to exactly one post or one response"),
    QT_TRANSLATE_NOOP("AppError", "no attachment with SHA-256 %1 in this store"),
    # importers: the file as a whole
    QT_TRANSLATE_NOOP("AppError", "%1: no such file; check the name and the folder"),
    (
        r"(.+): row 1 has (\d+) columns \(the most is (\d+)\); nothing was imported",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1: row 1 has %2 columns (the most is %3); nothing was imported",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "%1: row 1: the column %2 appears twice"),
    (
        r"(.+): row (\d+): a cell is longer than (.+) characters; nothing was imported",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1: row %2: a cell is longer than %3 characters; nothing was imported",
        ),
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "%1: its text table is %2 MB unpacked (the most is %3 MB); nothing was imported",
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "the store is busy with another task (another import?); nothing was imported, try again when it is done",  # noqa: E501
    ),
    # export: pack check, pack and workbook
    QT_TRANSLATE_NOOP(
        "AppError",
        "%1 is not a key fingerprint: give the 32 hex digits (8 groups of 4)",
    ),
    QT_TRANSLATE_NOOP("AppError", "no pack at %1: give the .zip file or the unpacked folder"),
    QT_TRANSLATE_NOOP("AppError", "the store has no attachment with SHA-256 %1; it may be damaged"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "an attachment of the store no longer matches its SHA-256 (%1); the store may be damaged: nothing was written",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "the store changed while the workbook was written (%1 of %2 reports); export again",
    ),
    QT_TRANSLATE_NOOP("AppError", "the Reports sheet could not be written; please report this bug"),
    # sharing: partner cards, where a bundle is written
    QT_TRANSLATE_NOOP("AppError", "%1: the card has no organisation name"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "%1: the card's organisation name is too long or has control characters",
    ),
    QT_TRANSLATE_NOOP("AppError", "%1: age_recipient must be an age1... public key"),
    QT_TRANSLATE_NOOP("AppError", "%1: signing_public_key is missing"),
    QT_TRANSLATE_NOOP("AppError", "%1: too large for a partner card; it was not read"),
    (
        r"(.+): the card's keys are not valid \((.*)\)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1: the card's keys are not valid (%2)",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "%1 is not a folder; choose where to write the bundle"),
    # sharing: opening a bundle (Import bundle…), each check that refuses it
    QT_TRANSLATE_NOOP(
        "AppError",
        "%1: not an age identity file (expected AGE-SECRET-KEY-1... lines)",
    ),
    QT_TRANSLATE_NOOP("AppError", "%1: no age identity (AGE-SECRET-KEY-1...) in the file"),
    QT_TRANSLATE_NOOP("AppError", "%1 is truncated: the encrypted header is incomplete"),
    QT_TRANSLATE_NOOP("AppError", "the bundle's file %1 is too large; refused"),
    QT_TRANSLATE_NOOP("AppError", "the bundle's file %1 is larger than it claims; refused"),
    QT_TRANSLATE_NOOP("AppError", "the bundle has more than %1 files; refused"),
    QT_TRANSLATE_NOOP("AppError", "the bundle contains an unsafe path %1; it was refused"),
    QT_TRANSLATE_NOOP("AppError", "the bundle contains an unexpected file %1; refused"),
    QT_TRANSLATE_NOOP("AppError", "the bundle contains %1 twice; refused"),
    QT_TRANSLATE_NOOP("AppError", "the bundle's file %1 uses an unsupported encoding"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "the bundle would unpack to more than %1 GiB (a ZIP bomb?); refused",
    ),
    (
        r"the bundle's file (.+) expands (\d+) times \(a ZIP bomb\?\); refused",
        QT_TRANSLATE_NOOP(
            "AppError",
            "the bundle's file %1 expands %2 times (a ZIP bomb?); refused",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "the bundle's manifest is not valid (a bad key)"),
    (
        r"the bundle's manifest is not valid \((.*)\)",
        QT_TRANSLATE_NOOP(
            "AppError",
            "the bundle's manifest is not valid (%1)",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "the bundle's manifest: made_at %1; the bundle was refused"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "the bundle's key-change notices do not lead to the key that signed it; refused",
    ),
    QT_TRANSLATE_NOOP("AppError", "%1: the decrypted content is not a bundle (not a ZIP); refused"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "the bundle holds two different manifests; it was changed, refused",
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "the bundle's files do not match its signed manifest (%1); refused",
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "the bundle's file %1 is not the size its signed manifest gives; refused",
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "the bundle's file %1 does not match its hash in the signed manifest: it was changed after signing; refused",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP("AppError", "the manifest counts unknown records %1"),
    QT_TRANSLATE_NOOP("AppError", "the bundle has no %1; it is incomplete"),
    QT_TRANSLATE_NOOP("AppError", "%1 is not UTF-8 text; refused"),
    QT_TRANSLATE_NOOP("AppError", "the line is too long; refused"),
    (
        r"(.+) holds more records than the manifest says \((\d+)\); refused",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1 holds more records than the manifest says (%2); refused",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "not valid JSON; refused"),
    (
        r"(.+) holds (\d+) records but the manifest says (.+); refused",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1 holds %2 records but the manifest says %3; refused",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "the bundle's file %1 does not match its name"),
    QT_TRANSLATE_NOOP("AppError", "the uid %1 appears twice; refused"),
    (
        r"a record refers to (\S+) (.+), which is not in the bundle; refused",
        QT_TRANSLATE_NOOP(
            "AppError",
            "a record refers to %1 %2, which is not in the bundle; refused",
        ),
    ),
    (
        r"(\S+) (?:is dated before its report \((.+)\)); refused",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1 is dated before its report (%2); refused",
        ),
    ),
    (
        r"(\S+) (?:must belong to exactly one post or one response); refused",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1 must belong to exactly one post or one response; refused",
        ),
    ),
    (
        r"(\S+) (?:names bytes that are not in the bundle); refused",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1 names bytes that are not in the bundle; refused",
        ),
    ),
    QT_TRANSLATE_NOOP("AppError", "a record must be a JSON object"),
    QT_TRANSLATE_NOOP("AppError", "missing field %1; the bundle is not valid"),
    QT_TRANSLATE_NOOP("AppError", "unexpected field %1; the bundle is not valid"),
    QT_TRANSLATE_NOOP(
        "AppError",
        "%1 cannot be merged: it would duplicate a record of this store in a way Caselog cannot reconcile; nothing was written",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP("AppError", "give an identity file or a bundle passphrase, not both"),
    # sharing: bundles and partner cards
    (
        r"(.+): wrong bundle passphrase, or the file was changed",
        QT_TRANSLATE_NOOP(
            "AppError", "%1: the bundle passphrase is wrong, or the file was changed."
        ),
    ),
    (
        r"the bundle passphrase is too short: use 8 characters or more",
        QT_TRANSLATE_NOOP(
            "AppError", "The bundle passphrase is too short: use 8 characters or more."
        ),
    ),
    (
        r"(.+) is not an age-encrypted Caselog bundle",
        QT_TRANSLATE_NOOP("AppError", "%1 is not an encrypted Caselog bundle."),
    ),
    (
        r"(.+) is not a readable ZIP file \(truncated or damaged\)",
        QT_TRANSLATE_NOOP("AppError", "%1 is not a readable ZIP file (cut short or damaged)."),
    ),
    (
        r"(.+) is truncated: the encrypted header is incomplete",
        QT_TRANSLATE_NOOP("AppError", "%1 is cut short: its encrypted header is incomplete."),
    ),
    (
        r"(.+) cannot be opened with this organisation's age key.*",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1 cannot be opened with this organisation's key: it was encrypted to another "
            "key, or its encryption header was damaged. Ask the sender to encrypt it to your "
            "partner card and send it again.",
        ),
    ),
    (
        r"(.+) is signed by a key that is not a partner's.*",
        QT_TRANSLATE_NOOP(
            "AppError",
            "%1 is signed by a key that is not a partner's: add the sender's partner card first.",
        ),
    ),
    QT_TRANSLATE_NOOP(
        "AppError",
        "%1 carries the bundle id %2, which a bundle signed by another key already brought "
        "into this store: one of the two is not what it claims; it was not merged (ask both "
        "organisations which bundle they sent)",
    ),
    (
        r"(.+): not a Caselog partner card",
        QT_TRANSLATE_NOOP("AppError", "%1 is not a Caselog partner card."),
    ),
    (
        r"(.+): not a readable partner card \((.+)\)",
        QT_TRANSLATE_NOOP("AppError", "%1 is not a readable partner card (%2)."),
    ),
    (
        r"(.+): the card's fingerprint does not match its key",
        QT_TRANSLATE_NOOP("AppError", "%1: the card's fingerprint does not match its key."),
    ),
    (
        r"a partner named (.+) already exists: remove it first to replace it",
        QT_TRANSLATE_NOOP(
            "AppError", "A partner named %1 already exists: remove it first to replace it."
        ),
    ),
    (
        r"this card's signing key is already the key of partner (.+)",
        QT_TRANSLATE_NOOP("AppError", "This card's signing key is already the key of partner %1."),
    ),
    (
        r"the bundle has no signed manifest; it was refused",
        QT_TRANSLATE_NOOP("AppError", "The bundle has no signed manifest; it was refused."),
    ),
    (
        r"(.+): the signature does not match; the file was changed or not signed.*",
        QT_TRANSLATE_NOOP(
            "AppError", "%1: the signature does not match; the file was changed or not signed."
        ),
    ),
    (
        r"(.+) is larger than (\d+) MiB; it was not opened",
        QT_TRANSLATE_NOOP("AppError", "%1 is larger than %2 MiB; it was not opened."),
    ),
)
_COMPILED: tuple[tuple[re.Pattern[str], str], ...] = ()  # on first use: not at start-up


_SPECIAL = re.compile(r"([.^$*+?{}\[\]\\|()])")


def error_templates() -> Iterator[tuple[str, str]]:
    """Each (pattern, template) of _ERROR_TEMPLATES; an entry that is a template alone
    is the core's own words, its pattern the same text with each %N any text."""
    for entry in _ERROR_TEMPLATES:
        if isinstance(entry, str):
            yield _PLACEHOLDER.sub("(.+)", _SPECIAL.sub(r"\\\1", entry)), entry
        else:
            yield entry


def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    global _COMPILED
    if not _COMPILED:
        _COMPILED = tuple(
            (re.compile(pattern, re.DOTALL), text) for pattern, text in error_templates()
        )
    return _COMPILED


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, args: Sequence[str]) -> str:
    """Qt's ``QString.arg`` for %1..%9 (PySide6 has none): one pass, so an argument
    that itself holds "%2" is left alone."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


# The zone the window shows times in (the store's), for the times the core writes
# into its messages as ISO 8601 UTC ("2025-01-14T03:30:00+00:00"): None until a store
# is open, then those stay as written.
_display_zone: list[Any] = [None]
_ISO_TIME = re.compile(
    r"\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})\Z"
)


def set_display_zone(tz: Any) -> None:
    _display_zone[0] = tz


def local_time_text(value: str) -> str:
    """An ISO 8601 time with an offset as the window writes times: in the store's zone,
    to the minute (to the second when it has seconds). Anything else unchanged."""
    tz = _display_zone[0]
    if tz is None or not _ISO_TIME.match(value):
        return value
    from datetime import datetime

    moment = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(tz)
    if moment.second or moment.microsecond:
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return moment.strftime("%Y-%m-%d %H:%M")


def translate_message(message: str) -> str:
    """The translated text of one core message, or the message itself. Times in it
    (ISO 8601, UTC) are shown in the store's zone, as the window shows times."""
    text = message.strip()
    for pattern, template in _compiled():
        match = pattern.fullmatch(text)
        if match:
            args = [local_time_text(g or "") for g in match.groups()]
            return fill(QCoreApplication.translate(ERROR_CONTEXT, template), args)
    # "<where>: <a known message>", e.g. "log.csv: row 4: ..." or "Case C-000003: ..."
    head, sep, tail = text.partition(": ")
    if sep and tail:
        inner = translate_message(tail)
        if inner != tail:
            return fill(QCoreApplication.translate(ERROR_CONTEXT, "%1: %2"), [head, inner])
    return message


def error_text(exc: AppError | BaseException) -> str:
    """What the window shows for an error: the AppError's message in the user's language."""
    if isinstance(exc, AppError):
        return translate_message(exc.message)
    return str(exc)


def error_title(exc: AppError | BaseException) -> str:
    """A dialog title for an error, by its kind."""
    code = getattr(exc, "code", "")
    titles = {
        "bad_input": QT_TRANSLATE_NOOP("AppError", "Check the input"),
        "locked": QT_TRANSLATE_NOOP("AppError", "The store is locked"),
        "no_store": QT_TRANSLATE_NOOP("AppError", "Store not found"),
        "store_exists": QT_TRANSLATE_NOOP("AppError", "The store already exists"),
        "verification": QT_TRANSLATE_NOOP("AppError", "Verification failed"),
        "cancelled": QT_TRANSLATE_NOOP("AppError", "Cancelled"),
    }
    return QCoreApplication.translate(
        ERROR_CONTEXT, titles.get(code, QT_TRANSLATE_NOOP("AppError", "Caselog could not do it"))
    )


# Used only so lupdate sees the generic "where: message" joiner above.
_JOIN = QT_TRANSLATE_NOOP("AppError", "%1: %2")
