"""Applying ``--redact`` to what an export writes: ``core.redaction.Redaction``
with a random key of this export only (see there; one implementation for packs,
workbooks and bundles)."""

from __future__ import annotations

from desktop_app.core.redaction import NO_REDACTION, Redaction

__all__ = ["NO_REDACTION", "Redaction"]
