"""A module imported on first use of one of its names.

The window's first screens (unlock page, first page of cases) must not pay for
SQLAlchemy, SQLModel, pydantic, cryptography or the indicator code (issue 15);
widgets that call them later name the module through ``lazy_module``, and the
import happens at the first attribute read.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for a module until one of its attributes is read."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)


def lazy_module(name: str) -> Any:
    return LazyModule(name)


class MadeWhenNeeded:
    """A mixin for a tab (a QWidget) whose parts are made when it is first shown or
    one of them (named in ``_PARTS``) is first read, not while the window paints its
    first page of cases (issue 15). The widget sets ``self._built = False`` in its
    ``__init__`` and makes its parts in ``_make``; ``_build()`` makes them once."""

    _PARTS: frozenset[str] = frozenset()
    _built: bool

    def __getattr__(self, name: str) -> Any:
        if name in type(self)._PARTS and not self.__dict__.get("_built", True):
            self._build()
            return self.__dict__[name]
        raise AttributeError(name)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        self._build()
        super().showEvent(event)  # type: ignore[misc]

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        self._make()

    def _make(self) -> None:
        raise NotImplementedError
