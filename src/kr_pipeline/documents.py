"""Plain text of a stored document (PDF, HTML or text), for checking quotes against it."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from .pdftext import pdf_pages

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u00ad": ""})


def text_of(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "\n".join(pdf_pages(data))
    text = data.decode("utf-8", errors="replace")
    if re.search(r"<(html|body|p|div|table)\b", text[:5000], re.I):
        return BeautifulSoup(text, "html.parser").get_text(" ")
    return text


def normalise(text: str) -> str:
    """For comparing quotes: typographic quotes made plain, whitespace folded."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def sentences(text: str) -> list[str]:
    """Prose split into sentences (on . ! ? followed by a space and a capital or digit)."""
    flat = normalise(text)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\u00c0-\u00dd'\"(])", flat)
    return [p.strip() for p in parts if p.strip()]
