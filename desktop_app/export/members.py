"""The evidence pack's format name and the names of its members (EVIDENCE_PACK.md).

A module of constants only, so verifying a pack (``export.verify``, ``verify-pack``)
does not import what making one needs (the store, SQLAlchemy, the PDF and workbook
writers): a partner checking a pack offline waits for nothing it does not use.
"""

PACK_FORMAT = "caselog-evidence-pack"
PACK_FORMAT_VERSION = 2
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SUMS = "SHA256SUMS"
PAYLOAD = "data"
CUSTODY = "custody.jsonl"
README = "README.txt"
BAGIT = "bagit.txt"
BAG_INFO = "bag-info.txt"
BAG_MANIFEST = "manifest-sha256.txt"
TAG_MANIFEST = "tagmanifest-sha256.txt"
