"""Exports that leave the encrypted store: the indicator workbook and the evidence pack.

No Qt here. The window and ``caselog-cli`` call the same three functions:

- ``desktop_app.export.workbook.write_workbook`` (EXCEL.md)
- ``desktop_app.export.pack.export_pack`` (EVIDENCE_PACK.md)
- ``desktop_app.export.verify.verify_pack`` (needs no store)

Long work takes ``progress(done, total, what)`` and ``cancelled()`` callbacks, writes to
a temporary file beside the target and renames it only when everything succeeded.
"""
