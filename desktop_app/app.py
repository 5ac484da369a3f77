"""The QApplication: fonts that render Burmese, the language, a crash dialog, and the
window."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.paths import portable_settings_dir, resource_path

log = logging.getLogger(__name__)
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansMyanmar-Regular.ttf",
    "NotoSansMyanmar-Bold.ttf",
)


MYANMAR_FAMILY = "Noto Sans Myanmar"
LATIN_FAMILY = "Noto Sans"


def load_fonts(app: QGuiApplication) -> list[str]:
    """Ship our own Noto fonts so Burmese renders on any laptop, installed fonts or not.

    Noto Sans Myanmar comes first in the application font's families although it
    has no Latin letters (those fall back to Noto Sans): Qt sizes line edits, table
    rows and labels by the first family's line height, and only the Myanmar font's
    (ascent 1.32 em, descent 0.86 em) leaves room for stacked vowels and medials
    such as ``ကြို့`` or ``ဍ္ဍ``; with a Latin font first they are clipped. Returns
    the families that were registered.
    """
    registered: list[str] = []
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
        if font_id < 0:
            log.warning("bundled font %s could not be loaded", name)
            continue
        registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = QFont(app.font())
    system = [family for family in font.families() if family not in (MYANMAR_FAMILY, LATIN_FAMILY)]
    font.setFamilies([MYANMAR_FAMILY, LATIN_FAMILY, *system])
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    return sorted(set(registered))


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A bug: show a copyable report instead of vanishing (no case data is included)."""
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("unhandled error: %s", kind.__name__)
    if QApplication.instance() is not None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Caselog", "Caselog: unexpected error"),
            QCoreApplication.translate(
                "Caselog",
                "Caselog hit a problem it did not expect. Your saved work is safe "
                "in the encrypted store. Please copy the details below into a report.",
            ),
        )
        box.setDetailedText(f"Caselog {__version__}\n{text}")
        box.exec()
    else:
        sys.__excepthook__(kind, value, tb)


def create_app(argv: list[str], lang: str | None = None) -> QApplication:
    """The application with fonts and the language: ``lang`` (``--lang``), else the
    choice saved by Settings, else the computer's locale."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Caselog")
    app.setOrganizationName("Caselog")
    app.setApplicationVersion(__version__)
    portable = portable_settings_dir()
    if portable is not None:
        # Portable (USB stick): settings go in an INI file beside the store, never in
        # the registry or the user profile of the laptop it is plugged into.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(QSettings.Format.IniFormat, scope, str(portable))
    load_fonts(app)
    from desktop_app.ui.i18n import install_translators, resolve_language

    install_translators(app, resolve_language(lang, QSettings()))
    return app


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="caselog", description="Caselog desktop window")
    parser.add_argument("--db", help="open this store")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="show the unlock screen, print 'unlock screen shown' and exit (for packaging tests)",
    )
    parser.add_argument(
        "--lang",
        choices=["my", "en"],
        help="language of the window: my (Burmese) or en (English); "
        "default: the one chosen in Settings, else the computer's",
    )
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    logging.basicConfig(level=logging.WARNING)
    app = create_app([sys.argv[0], *qt_args], lang=args.lang)
    sys.excepthook = _excepthook
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(db_path=args.db)
    window.show()
    if args.smoke_test:

        def finish() -> None:
            shown = window.unlock_page.isVisible() or window.start_page.isVisible()
            print("unlock screen shown" if shown else "unlock screen NOT shown", flush=True)
            app.exit(0 if shown else 1)

        QTimer.singleShot(300, finish)
    return app.exec()
