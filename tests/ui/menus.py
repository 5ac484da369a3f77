"""Reach the window's features as a person does: through its menus, then the dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenu, QWidget


def plain(text: str) -> str:
    return text.replace("&", "").replace("…", "").strip()


def menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        yield action
        if action.menu() is not None:
            yield from menu_actions(action.menu())  # type: ignore[arg-type]


def menu_action(window: Any, menu_title: str, item: str) -> QAction:
    """The action named ``item`` in the menu bar's menu ``menu_title``."""
    for top in window.menuBar().actions():
        if plain(top.text()) == menu_title and top.menu() is not None:
            for action in menu_actions(top.menu()):
                if plain(action.text()) == item:
                    return action
    raise AssertionError(f"no {menu_title} > {item} in the menu bar")


def dialogs(kind: type[QDialog] = QDialog) -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def open_from_menu(window: Any, menu_title: str, item: str, kind: type[QDialog]) -> Any:
    """Trigger a menu item and return the dialog it opened."""
    before = set(dialogs(kind))
    action = menu_action(window, menu_title, item)
    assert action.isEnabled(), f"{menu_title} > {item} is disabled"
    action.trigger()
    opened = [d for d in dialogs(kind) if d not in before]
    assert len(opened) == 1, f"{menu_title} > {item} opened {opened}"
    return opened[0]


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Replace a field's text by typing (any script: one key event per character)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def click(qtbot: Any, widget: QWidget) -> None:
    """A left click where a person would click: on a check box's box, a button's middle."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    if isinstance(widget, QCheckBox | QRadioButton):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def while_modal(drive: Callable[[QDialog], None], kind: type[QDialog] = QDialog) -> list[Any]:
    """Run ``drive(dialog)`` on the next modal dialog to open (e.g. the report dialog,
    which has its own event loop), from inside that loop. Returns a list that holds the
    exception, if ``drive`` failed (the dialog is then closed so the test goes on)."""
    errors: list[Any] = []

    def attempt(tries: int = 0) -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, kind):
            if tries < 200:
                QTimer.singleShot(10, lambda: attempt(tries + 1))
            return
        try:
            drive(modal)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            errors.append(exc)
            modal.reject()

    QTimer.singleShot(0, attempt)
    return errors
