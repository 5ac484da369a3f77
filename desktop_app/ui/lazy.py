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
