"""Organisation settings (name, zone, SLA, thresholds): validated and audited.

Reading them needs no SQLAlchemy: :func:`indicator_settings` and
:func:`load_settings_raw` take the store's DB-API connection (``Store.raw()``), so
``caselog-cli stats`` and the window's first screen read the settings with plain
SELECTs (issue 15). Saving goes through a session and the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import BadInputError

if TYPE_CHECKING:
    from sqlmodel import Session

LANGUAGE_KEY = "ui.language"
BACKUP_REMINDER_KEY = "backup.reminder_days"
NO_ORGANISATION = "this store has no organisation record; it was not made by Caselog"


@dataclass(frozen=True)
class IndicatorSettings:
    """The organisation's defaults for the indicators (INDICATORS.md, Parameters)."""

    timezone: str
    sla_hours: float
    repeat_threshold: int


def _organisation_row(conn: Any) -> tuple[Any, ...]:
    """The one organisation (the first by id, as ``repository.get_organisation``)."""
    row = conn.execute(
        "SELECT name, timezone, sla_hours, repeat_threshold, idle_lock_minutes "
        "FROM organisation ORDER BY id LIMIT 1"
    ).fetchone()
    if row is None:
        raise BadInputError(NO_ORGANISATION)
    return tuple(row)


def indicator_settings(conn: Any) -> IndicatorSettings:
    """Zone, SLA and repeat threshold of the store, in one SELECT on ``conn`` (DB-API)."""
    _name, timezone, sla_hours, threshold, _idle = _organisation_row(conn)
    return IndicatorSettings(str(timezone), float(sla_hours), int(threshold))


@dataclass
class OrganisationSettings:
    name: str
    timezone: str
    sla_hours: float
    repeat_threshold: int
    idle_lock_minutes: int
    language: str = "en"
    backup_reminder_days: int = 7


def load_settings_raw(conn: Any) -> OrganisationSettings:
    """:func:`load_settings` on the store's DB-API connection, without SQLAlchemy."""
    name, timezone, sla_hours, threshold, idle = _organisation_row(conn)
    values = dict(
        conn.execute(
            'SELECT "key", value FROM setting WHERE "key" IN (?, ?)',
            (LANGUAGE_KEY, BACKUP_REMINDER_KEY),
        ).fetchall()
    )
    return OrganisationSettings(
        name=str(name),
        timezone=str(timezone),
        sla_hours=float(sla_hours),
        repeat_threshold=int(threshold),
        idle_lock_minutes=int(idle),
        language=values.get(LANGUAGE_KEY, "en"),
        backup_reminder_days=int(values[BACKUP_REMINDER_KEY])
        if BACKUP_REMINDER_KEY in values
        else 7,
    )


def load_settings(session: Session) -> OrganisationSettings:
    from desktop_app.store.models import Setting
    from desktop_app.store.repository import get_organisation

    org = get_organisation(session)
    language = session.get(Setting, LANGUAGE_KEY)
    reminder = session.get(Setting, BACKUP_REMINDER_KEY)
    return OrganisationSettings(
        name=org.name,
        timezone=org.timezone,
        sla_hours=org.sla_hours,
        repeat_threshold=org.repeat_threshold,
        idle_lock_minutes=org.idle_lock_minutes,
        language=language.value if language else "en",
        backup_reminder_days=int(reminder.value) if reminder else 7,
    )


def save_settings(session: Session, new: OrganisationSettings) -> list[str]:
    """Validate and save; one audit event naming what changed. Returns the changed names."""
    from desktop_app.core.enums import AuditAction
    from desktop_app.core.timeutil import now_utc, zone
    from desktop_app.store.audit import append_event
    from desktop_app.store.models import Setting
    from desktop_app.store.repository import get_organisation

    zone(new.timezone)
    if not new.sla_hours > 0:
        raise BadInputError("SLA hours: must be more than zero")
    if new.repeat_threshold < 1:
        raise BadInputError("Repeat threshold: must be 1 or more")
    if new.idle_lock_minutes < 0:
        raise BadInputError("Idle lock: minutes must be zero (never) or more")
    if new.backup_reminder_days < 1:
        raise BadInputError("Backup reminder: days must be 1 or more")
    old = load_settings(session)
    changed = [name for name in vars(new) if getattr(old, name) != getattr(new, name)]
    if not changed:
        return []
    org = get_organisation(session)
    org.name = new.name.strip()
    org.timezone = new.timezone
    org.sla_hours = float(new.sla_hours)
    org.repeat_threshold = int(new.repeat_threshold)
    org.idle_lock_minutes = int(new.idle_lock_minutes)
    org.updated_at = now_utc()
    session.add(org)
    session.merge(Setting(key=LANGUAGE_KEY, value=new.language))
    session.merge(Setting(key=BACKUP_REMINDER_KEY, value=str(new.backup_reminder_days)))
    append_event(
        session,
        AuditAction.UPDATE,
        entity="settings",
        entity_uid=org.uid,
        detail={name: getattr(new, name) for name in changed},
    )
    return changed
