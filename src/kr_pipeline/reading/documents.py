"""Plain text of a stored document (PDF, HTML or text), and its sentences, for checking quotes
against it."""

from __future__ import annotations

import re

from .pdftext import is_pdf, pdf_pages

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u00ad": ""})
# Elements whose text stands on its own (a heading is not the start of the next sentence).
_BLOCKS = [
    "title",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "caption",
    "figcaption",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "tr",
    "br",
]


def text_of(data: bytes) -> str:
    """The document's text; paragraphs (HTML blocks, PDF pages, text paragraphs) apart by a blank line."""
    if is_pdf(data):
        return "\n\n".join(pdf_pages(data))
    text = data.decode("utf-8", errors="replace")
    if re.search(r"<(html|body|p|div|table)\b", text[:5000], re.I):
        from .markup import soup_of

        soup = soup_of(text)
        for tag in soup.find_all(["script", "style", "noscript", "template"]):
            tag.decompose()
        for tag in soup.find_all(_BLOCKS):
            tag.insert_before("\n\n")
            tag.insert_after("\n\n")
        return soup.get_text()
    return text


def normalise(text: str) -> str:
    """For comparing quotes: typographic quotes made plain, whitespace folded."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def sentences(text: str) -> list[str]:
    """Prose split into sentences (on . ! ? followed by a space and a capital or digit)."""
    flat = normalise(text)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\u00c0-\u00dd'\"(])", flat)
    return [p.strip() for p in parts if p.strip()]


def units(text: str) -> list[str]:
    """The sentences of each paragraph, in order: what a quote may cite."""
    return [s for para in re.split(r"\n\s*\n", text) for s in sentences(para)]


def quote_stands_alone(quote: str, document_units: list[str]) -> bool:
    """Is the quote a whole sentence of the document, a whole clause of one (before or after a
    colon or semicolon), or a run of consecutive labels without sentence punctuation (a chart's
    or table's text)? A fragment ("3", "127.081 meldingen", half a sentence) is not."""
    q = normalise(quote)
    if not q:
        return False
    for i, unit in enumerate(document_units):
        if unit == q:
            return True
        if unit.endswith(q) and unit[: -len(q)].rstrip().endswith((":", ";")):
            return True
        if unit.startswith(q) and unit[len(q) :].lstrip()[:1] in (":", ";"):
            return True
        if q.startswith(unit + " "):  # a run of labels: "Aantal ... uitbuiting 108 2019 52 2023"
            run, j = unit, i
            while len(run) < len(q) and j + 1 < len(document_units) and not re.search(r"[.!?]$", document_units[j]):
                j += 1
                run = f"{run} {document_units[j]}"
            if run == q and not any(re.search(r"[.!?]$", u) for u in document_units[i:j]):
                return True
    return False


def stands_in(number: str, quote: str) -> bool:
    """Does the number as published stand in the quote as a whole ("3" does not stand in "2023")?"""
    pattern = r"(?<![\w.,])" + re.escape(normalise(number)) + r"(?!\w|[.,]\d)"
    return re.search(pattern, normalise(quote)) is not None
