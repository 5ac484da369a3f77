"""Organisation settings (name, zone, SLA, thresholds): validated and audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from desktop_app.core.enums import AuditAction
from desktop_app.core.errors import BadInputError
from desktop_app.core.timeutil import now_utc, zone
from desktop_app.store.audit import append_event
from desktop_app.store.models import Setting
from desktop_app.store.repository import get_organisation

LANGUAGE_KEY = "ui.language"
BACKUP_REMINDER_KEY = "backup.reminder_days"


@dataclass
class OrganisationSettings:
    name: str
    timezone: str
    sla_hours: float
    repeat_threshold: int
    idle_lock_minutes: int
    language: str = "en"
    backup_reminder_days: int = 7


def load_settings(session: Session) -> OrganisationSettings:
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
