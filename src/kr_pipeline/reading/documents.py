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
    """Prose split into sentences (on . ! ? followed by a space and a capital or digit, also
    when an emoji or bullet stands before it, as posts write: "... meldingen. 🔎 In 2024 ...")."""
    flat = normalise(text)
    # (and before the press's Dutch opening quote of two commas: "... 1561. ,,Dat is zorgelijk")
    # (and after a footnote's mark: "... (2022: 144.058). ¹ Naar aanleiding van ...")
    # (and after a note's number in brackets after the full stop: "... hoger dan het jaar daarvoor.(12) De IWF ...",
    # "... to servers in the Netherlands.[3] In 2019 ...")
    parts = re.split(
        # (or a note's number glued to it, as a PDF's text has it: "... to Dutch servers.5 In 2021 it fell",
        # "... was dat nog 37 procent.213 Ook het ...", "... and 9,164 in 2010.1 Almost six in ten ...", "... when it received 413,262.41 In the first half ...")
        r"(?:(?<=[.!?])|(?<=[.!?][(\[]\d[)\]])|(?<=[.!?][(\[]\d\d[)\]])|(?<=[a-z%)][.!?]\d)|(?<=[a-z%)][.!?]\d\d)|(?<=[a-z%)][.!?]\d\d\d)|(?<=[\s(](?:19|20)\d\d[.]\d)|(?<=[\s(](?:19|20)\d\d[.]\d\d)|(?<=\d,\d\d\d[.]\d)|(?<=\d,\d\d\d[.]\d\d))\s+(?=(?:,,|[^\w\s.,;:!?]{1,3}\s*|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*)?[A-Z0-9\u00c0-\u00dd'\"(])",
        flat,
    )
    # (but not after an abbreviation: "ca. 300.000", "nr. 12", "approx. 8,100" go on)
    joined: list[str] = []
    for part in parts:
        if joined and _ABBREVIATION_END.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    # (and before a post's bullet in the middle of a line: "... was self-generated 🔹 1,344 reported
    # images ...": each bullet is an item of its own)
    parts = [q for p in joined for q in _BULLET_IN_LINE.split(p)]
    return [p.strip() for p in parts if p.strip()]


_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:ca|c|circa|approx|bijv|nr|no|art|blz|resp|ong|vs|pp?|t\.o\.v|o\.a|m\.n|e\.g|i\.e)\.$"
    # (a date's short month before its year: "23 apr. 2026 om 10:14")
    r"|\b\d{1,2}\s+(?:jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\.$",
    re.I,
)
_BULLET_IN_LINE = re.compile(
    r"(?<=\S)\s+(?=[\U0001F539\U0001F538\U0001F537\U0001F536\u25aa\u25b8\u25ba\u2705\u2714\U0001F449\u27a1]\ufe0f?\s)"
)


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


def _occurrences(number: str, quote: str) -> list[tuple[int, int]]:
    """Where the number stands in the (normalised) quote as a whole number."""
    pattern = r"(?<![\w.,])" + re.escape(normalise(number)) + r"(?!\w|[.,]\d)"
    return [m.span() for m in re.finditer(pattern, normalise(quote))]


def stands_in(number: str, quote: str) -> bool:
    """Does the number as published stand in the quote as a whole ("3" does not stand in "2023")?"""
    return bool(_occurrences(number, quote))


_LABEL = re.compile(r"\d+(?:[.,]\d+)*%?")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _label_runs(quote: str) -> list[tuple[int, int, list[str]]]:
    """Runs of three or more bare numbers, at least one of them a year, with only spaces
    between them (a chart's labels: "108 2019 52 2023"): start, end and the labels."""
    runs: list[tuple[int, int, list[str]]] = []
    current: list[re.Match] = []

    def close() -> None:
        if len(current) >= 3 and any(_YEAR.fullmatch(t.group(2)) for t in current):
            runs.append((current[0].start(2), current[-1].end(2), [t.group(2) for t in current]))
        current.clear()

    # punctuation before a label starts a run, after one ends it: "(108 2019 52 2023)."
    for m in re.finditer(r"([(\[]*)(\S+?)([.,;:!?)\]]*)(?=\s|$)", normalise(quote)):
        if not _LABEL.fullmatch(m.group(2)):
            close()
            continue
        if m.group(1):
            close()
        current.append(m)
        if m.group(3):
            close()
    close()
    return runs


def label_run_problem(number: str, year: str, quote: str) -> str | None:
    """A number that stands in a chart's run of labels belongs to the year beside it: in
    "108 2019 52 2023" 108 is 2019's and 52 is 2023's, in "2019 108 2023 52" likewise. Why the
    number as published cannot be the figure of `year` by the run's pairing (or why the run
    cannot be paired at all); None when it is, or when the number stands in no such run."""
    spans = _occurrences(number, quote)
    for start, end, labels in _label_runs(quote):
        if not any(start <= s and e <= end for s, e in spans):
            continue
        kinds = "".join("y" if _YEAR.fullmatch(t) else "n" for t in labels)
        run = " ".join(labels)
        if "n" not in kinds:
            why = "every label in it could be a year"
        elif len(labels) % 2:
            why = "an odd number of labels: each number could belong to the year before it or the one after it"
        elif kinds not in ("ny" * (len(labels) // 2), "yn" * (len(labels) // 2)):
            why = "its numbers and years do not alternate"
        else:
            pairs = [(labels[i], labels[i + 1]) for i in range(0, len(labels), 2)]
            by_year = {(a if kinds[0] == "y" else b): (b if kinds[0] == "y" else a) for a, b in pairs}
            if by_year.get(year) == normalise(number):
                return None
            described = " and ".join(f"{a} with {b}" for a, b in pairs)
            return f"the quote pairs {described}; this figure is {year}"
        return f"the quote's run of labels {run!r} cannot be paired ({why}): cite a sentence that names the figure's year"
    return None
