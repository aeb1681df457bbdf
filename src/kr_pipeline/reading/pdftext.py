"""Text of a PDF, page by page (pypdf: pure Python, no code execution, BSD licence)."""

from __future__ import annotations

import io
import logging


def is_pdf(data: bytes) -> bool:
    """The PDF signature: the one test of "is this a PDF" (fetch, snapshot add, the store, parsers)."""
    return data.startswith(b"%PDF-")


def pdf_pages(data: bytes) -> list[str]:
    """Extracted text of each page. Raises ValueError for a file that is not a readable PDF."""
    if not is_pdf(data):
        raise ValueError("not a PDF file (no %PDF- signature)")
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    from ..limits import MAX_PDF_PAGES, MAX_TEXT_CHARS, InputLimit

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if len(reader.pages) > MAX_PDF_PAGES:
            raise InputLimit(f"the PDF has {len(reader.pages):,} pages, over the limit of {MAX_PDF_PAGES:,}")
        pages, chars = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            chars += len(pages[-1])
            if chars > MAX_TEXT_CHARS:
                raise InputLimit(f"the PDF's text runs over the limit of {MAX_TEXT_CHARS:,} characters")
        return pages
    except LimitReachedError as exc:  # pypdf's own limits: the file is refused as read, not the parser blamed
        raise InputLimit(f"the PDF is over a limit of the PDF reader (pypdf): {exc}") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"unreadable PDF: {exc.__class__.__name__}: {exc}") from exc
