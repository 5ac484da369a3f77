"""Partner bundles (BUNDLE.md): the partner directory, export, preview and merge.

No Qt here: the window and ``caselog-cli`` call these same functions.
"""

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
