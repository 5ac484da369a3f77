# Caselog override of PyInstaller's hook for PySide6.QtWidgets: the same collection, minus
# the Qt plugins and translations Caselog does not use (see caselog_qt_plugins.py).
import os
import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from caselog_qt_plugins import filtered  # noqa: E402

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = filtered(binaries)
datas = filtered(datas)
