"""Stem voor kinderen (election guide): per theme, each party's quoted manifesto statements,
and a rating on the guide's six-step scale where the page gives one.

Parties are the list items whose heading is not one of the scale's six labels (those items
are the legend). A rating is read only from the page itself (an element whose class names a
rating or score, or an image whose alt text is a scale label); none is ever inferred.

A list item is read from its own elements only: what a nested list item holds is that item's
(a page whose items are never closed nests them all, one inside the other). Each element is
visited once, for the one item it belongs to, so the reading is linear in the page, however
deep the items nest.
"""

from __future__ import annotations

import re

import pandas as pd
from bs4 import NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from ...observations import ParsedPublication
from ...reading.context import ParseContext, context_for
from ...reading.markup import soup_of
from ...reading.tables import clean_label, fold

SOURCE_ID = "stemvoorkinderen"
# The guide's scale, best first (rating 1) to "no position at all" (rating 6).
RATING_SCALE = [
    "Veel kindspecifieke voorstellen/ standpunten, met een versterkend effect op de positie van (kwetsbare) kinderen.",
    "Een aantal kindspecifieke voorstellen/ standpunten met een versterkend effect op de positie van (kwetsbare) kinderen.",
    "Algemene voorstellen/ standpunten waarvan wél een positief effect op (kwetsbare) kinderen te verwachten is.",
    "Algemene voorstellen/ standpunten, waarvan het positieve effect op (kwetsbare) kinderen onduidelijk is.",
    "Voorstellen met een negatief effect op de positie van (kwetsbare) kinderen.",
    "Geen enkel standpunt of beleidsvoorstel op dit thema.",
]
COLUMNS = ["theme", "party", "position", "statement_no", "kind", "text", "manifesto_ref", "rating", "rating_label"]
_QUOTED = re.compile(r"^[\u201c\u201d\"\u2018']|[\u201d\"]$")
_MANIFESTO_REF = re.compile(r"^[\u201c\"]?(\d{1,4})\.\s")
_RATING_CLASS = re.compile(r"rating|score|beoordeling", re.I)
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


def _scale_index(text: str) -> int | None:
    key = fold(text)
    for i, label in enumerate(RATING_SCALE):
        if key.startswith(fold(label)[:40]):
            return i
    return None


def _own(item) -> list:
    """The elements of a list item, in document order, without those of its nested list items."""
    out, stack = [], list(reversed(item.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag) and node.name != "li":
            out.append(node)
            stack.extend(reversed(node.contents))
    return out


def _text(element) -> str:
    """An element's text (pieces joined by a space), without the text of list items nested in it."""
    pieces, stack = [], list(reversed(element.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag):
            if node.name != "li" and node.name not in ("script", "style", "template"):
                stack.extend(reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, _NOT_TEXT):
            pieces.append(str(node))
    return " ".join(pieces)


def _rating(own: list) -> tuple[int | None, str | None]:
    for el in own:
        if _RATING_CLASS.search(" ".join(el.get("class") or [])):
            i = _scale_index(el.get("title") or el.get("aria-label") or _text(el))
            if i is not None:
                return i + 1, RATING_SCALE[i]
    for img in own:
        if img.name == "img" and img.get("alt") is not None:
            i = _scale_index(img["alt"])
            if i is not None:
                return i + 1, RATING_SCALE[i]
    return None, None


def _join_open_quotes(paragraphs: list[str]) -> list[str]:
    """A quote broken over several paragraphs ("“We pakken ..." / "... 18 jaar." /
    "Pleegouders ...”") is one statement."""
    out: list[str] = []
    open_quote = False
    for p in paragraphs:
        if open_quote:
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
        closes = "”" in p or p.endswith('"')
        if p.startswith("“") and not closes:
            open_quote = True
        elif open_quote and closes:
            open_quote = False
    return out


def parse(data: bytes, year: int, file: str = "?", context: ParseContext | None = None) -> ParsedPublication:
    ctx = context_for(SOURCE_ID, year, file, context)
    fail = ctx.fail
    soup = soup_of(ctx.text(data, errors="replace"))
    headings = [clean_label(h.get_text(" ")) for h in soup.find_all(["h1", "h2"])]
    themes = [h for h in headings if fold(h) not in ("de achtergrond", "stem voor kinderen")]
    if not themes:
        raise fail("no theme heading found")
    theme = themes[0]
    rows = []
    legend = 0
    for position, item in enumerate(soup.find_all("li"), start=1):
        own = _own(item)
        heading = next((el for el in own if el.name in ("h3", "h4", "strong")), None)
        if heading is None:
            continue
        name = clean_label(_text(heading))
        if _scale_index(name) is not None:
            legend += 1
            continue
        rating, rating_label = _rating(own)
        paragraphs = [clean_label(_text(p)) for p in own if p.name == "p"]
        paragraphs = _join_open_quotes([p for p in paragraphs if p])
        if not paragraphs:
            rows.append([theme, name, position, 0, "no_statements", None, None, rating, rating_label])
        for n, text in enumerate(paragraphs, start=1):
            kind = "statement" if _QUOTED.search(text) else "note"
            ref = _MANIFESTO_REF.match(text)
            rows.append([theme, name, position, n, kind, text, ref.group(1) if ref else None, rating, rating_label])
    if not rows:
        raise fail("no party items (list items with a party heading) found")
    if legend and legend != len(RATING_SCALE):
        raise fail(f"the rating legend has {legend} steps, expected {len(RATING_SCALE)}: the scale changed")
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["rating"] = df["rating"].astype("Int64")
    return ParsedPublication(SOURCE_ID, year, file, df, [], table="party_positions")
