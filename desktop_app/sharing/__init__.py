"""Partner bundles (BUNDLE.md): the partner directory, export, preview and merge.

No Qt here: the window and ``caselog-cli`` call these same functions.

The names below are imported on first use (PEP 562), so importing one submodule
(``desktop_app.sharing.cards``, say) does not load the bundle code, pyrage and
cryptography with it: the window's first screen needs none of them (issue 15).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.sharing.bundle import BundleSelection, ExportResult, export_bundle
    from desktop_app.sharing.merge import (
        BundlePreview,
        Conflict,
        ImportResult,
        KindCounts,
        import_bundle,
        preview_bundle,
    )
    from desktop_app.sharing.partners import (
        PartnerInfo,
        add_partner,
        add_partner_from_card,
        list_partners,
        remove_partner,
    )

_WHERE = {
    "BundleSelection": "bundle",
    "ExportResult": "bundle",
    "export_bundle": "bundle",
    "BundlePreview": "merge",
    "Conflict": "merge",
    "ImportResult": "merge",
    "KindCounts": "merge",
    "import_bundle": "merge",
    "preview_bundle": "merge",
    "PartnerInfo": "partners",
    "add_partner": "partners",
    "add_partner_from_card": "partners",
    "list_partners": "partners",
    "remove_partner": "partners",
}

__all__ = [
    "BundlePreview",
    "BundleSelection",
    "Conflict",
    "ExportResult",
    "ImportResult",
    "KindCounts",
    "PartnerInfo",
    "add_partner",
    "add_partner_from_card",
    "export_bundle",
    "import_bundle",
    "list_partners",
    "preview_bundle",
    "remove_partner",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
