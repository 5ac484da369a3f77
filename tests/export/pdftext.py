"""The text layer of a PDF, to check what a reader (or a search) finds in report.pdf.

``pdftotext`` (Poppler) reads it when installed, else desktop_app.export.pdftext.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from desktop_app.export.pdftext import pdf_text_of


def pdf_text(path: Path, *, raw: bool = False) -> str:
    """All text of the PDF's text layer (``raw``: in content-stream order, as a search
    or a copy of one cell reads it, rather than laid out in columns)."""
    if shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", *(["-raw"] if raw else []), "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
        )
        return done.stdout.decode("utf-8")
    return pdf_text_of(path.read_bytes())
