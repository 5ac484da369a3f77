"""The QApplication: fonts that render Burmese, a crash dialog, and the window."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import __version__
from desktop_app.paths import portable_settings_dir, resource_path

log = logging.getLogger(__name__)
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansMyanmar-Regular.ttf",
    "NotoSansMyanmar-Bold.ttf",
)


def load_fonts(app: QGuiApplication) -> None:
    """Ship our own Noto fonts so Burmese renders on any laptop, installed fonts or not."""
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        if path.exists():
            QFontDatabase.addApplicationFont(str(path))
    font = QFont(app.font())
    font.setFamilies(["Noto Sans", "Noto Sans Myanmar", *font.families()])
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A bug: show a copyable report instead of vanishing (no case data is included)."""
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("unhandled error: %s", kind.__name__)
    if QApplication.instance() is not None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Caselog: unexpected error",
            "Caselog hit a problem it did not expect. Your saved work is safe "
            "in the encrypted store. Please copy the details below into a report.",
        )
        box.setDetailedText(f"Caselog {__version__}\n{text}")
        box.exec()
    else:
        sys.__excepthook__(kind, value, tb)


def create_app(argv: list[str]) -> QApplication:
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
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    logging.basicConfig(level=logging.WARNING)
    app = create_app([sys.argv[0], *qt_args])
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
