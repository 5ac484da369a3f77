"""Column types: aware UTC datetimes stored as integer microseconds since the epoch.

Integers keep the indicator arithmetic in SQL exact and fast (hours are a
subtraction and a division), and sort correctly.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

# SQLAlchemy only for the column type the tables use (``UTCDateTime``, made on first
# access): the case list, the indicators and the first screen convert times with
# the functions here without importing it (issue 15).
if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect

# The conversions live in core.micros (plain Python, no SQLAlchemy); re-exported here.
from desktop_app.core.micros import (  # noqa: E402
    EPOCH as EPOCH,
)
from desktop_app.core.micros import (  # noqa: E402
    MICROS_PER_HOUR as MICROS_PER_HOUR,
)
from desktop_app.core.micros import SAFE_MAX as SAFE_MAX  # noqa: E402
from desktop_app.core.micros import SAFE_MIN as SAFE_MIN  # noqa: E402
from desktop_app.core.micros import from_micros as from_micros  # noqa: E402
from desktop_app.core.micros import to_micros as to_micros  # noqa: E402


def _utc_datetime_type() -> type:
    from sqlalchemy import BigInteger
    from sqlalchemy.types import TypeDecorator

    class UTCDateTime(TypeDecorator[datetime]):
        """Aware datetime <-> integer microseconds since 1970-01-01 UTC."""

        impl = BigInteger
        cache_ok = True

        def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
            if value is None:
                return None
            if isinstance(value, int):
                return value
            return to_micros(value)

        def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
            return None if value is None else from_micros(int(value))

    UTCDateTime.__module__ = __name__
    return UTCDateTime


def _uid_text_type() -> type:
    from sqlalchemy import String
    from sqlalchemy.types import TypeDecorator

    from desktop_app.store.uids import from_db, to_db

    class UidText(TypeDecorator[str]):
        """A record's uid: text above the store, 16 bytes in it when canonical
        (``store.uids``; migration 0012)."""

        impl = String
        cache_ok = True

        def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
            return to_db(value)

        def process_result_value(self, value: Any, dialect: Dialect) -> Any:
            return from_db(value)

        def process_literal_param(self, value: Any, dialect: Dialect) -> str:
            raise NotImplementedError("uids are bound as parameters, never inlined")

    UidText.__module__ = __name__
    return UidText


_MAKERS = {"UTCDateTime": _utc_datetime_type, "UidText": _uid_text_type}


def __getattr__(name: str) -> Any:
    """``UTCDateTime`` and ``UidText`` (SQLAlchemy types), made and kept on first access."""
    maker = _MAKERS.get(name)
    if maker is not None:
        made = maker()
        globals()[name] = made
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
