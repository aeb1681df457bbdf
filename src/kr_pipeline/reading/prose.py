"""A prose publication as a careful reader meets it: its blocks (title, headings, paragraphs,
list items and key-figure tiles), its language, its own date, and whose voice it speaks in.

Shared by the prose parsers (Offlimits' news items and annual report sites, later others): what
a figure is and which organisation it belongs to is theirs; how a document is read is here.

- Blocks: HTML pages lose navigation, header, footer, scripts and styles; a container's
  children speak for it; a tile ("144.058" over "meldingen verwerkt") is one item. Plain text
  splits on blank lines; bullet lines are items of their own, a short line without a full stop
  is a heading.
- Language: the page's `lang` attribute, else the share of Dutch and English function words.
- Date of writing: the page's own metadata (`article:published_time`, `<time datetime>`,
  `date` meta) or a dateline (a block that is only a date, or "Amsterdam, 12 juli 2023 -" at
  the start of the first paragraph). A date inside a sentence ("Sinds 1 juli 2024 ...") is
  not the date of writing. "Vorig jaar" counts from this date and from nothing else.
- Voice: `own` when the publisher speaks (the address is on one of its own hosts, the operator
  declared it, or the document names itself as the publisher's report in the first person);
  `reported` otherwise (press, another organisation, an umbrella body).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from ..vocabulary import Voice
from .documents import normalise, sentences
from .numbers import ROUNDING_WORD_BEFORE, ROUNDING_WORDS, consistent_interval, find_numbers, find_shares
from .tables import span_grid

VOICES = tuple(Voice)

BlockKind = Literal["title", "heading", "body", "item", "cell"]


@dataclass
class Block:
    kind: BlockKind
    text: str
    # A table cell is read as "<cell> <row label> in <column year>" ("238.614 Meldingen verwerkt
    # in 2023"); where it stands: "table 1, row 'Meldingen verwerkt', column '2023'".
    location: str | None = None
    # The block's own language where it says enough to tell (a bilingual page's English
    # paragraph writes 96,530 where the Dutch one writes 96.530); None: the document's.
    language: str | None = None


def block_sentences(block: Block) -> list[str]:
    """What a reader reads one at a time: the sentences of a paragraph or of a list item (an FAQ
    answer, a bullet of several sentences); a title, heading or table cell is one piece."""
    return sentences(block.text) if block.kind in ("body", "item") else [block.text]


# a transcript's speaker ("VERSLAGGEVER:", "VOICE-OVER:", "ARDA GERKENS (EOKM):"): who speaks, not
# what is said; a sentence after it may continue the one before as any other sentence may
SPEAKER_LABEL = re.compile(r"^\s*[A-ZÀ-Ý][A-ZÀ-Ý0-9 .'’\-]{1,40}(?:\s*\([^)]{0,60}\))?:\s+")


@dataclass
class Document:
    blocks: list[Block]
    language: str  # nl | en
    date: dt.date | None  # the date of writing, when the document states it
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    edited: dt.date | None = None  # the date it was last changed, when it says so (no date of writing)

    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


MONTHS = {  # Dutch and English month names -> number
    **{
        m: i + 1
        for i, m in enumerate(
            [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ]
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ]
        )
    },
}
# abbreviated, as datelines write them ("Wed 12 Aug 2020", "3 mrt. 2024", "Sept 5, 2019"): read in
# dates only (a month named in running text is written out)
_MONTHS_IN_DATES = MONTHS | {
    a: i + 1
    for i, names in enumerate(["jan", "feb", "mar mrt", "apr", "", "jun", "jul", "aug", "sep sept", "oct okt", "nov", "dec"])
    for a in names.split()
}
_MONTH = "|".join(sorted(_MONTHS_IN_DATES, key=len, reverse=True)).replace("|", r"\.?|") + r"\.?"
# (an English ordinal day: "14th July 2023", "July 14th, 2023")
# (the Irish Examiner's "Wed, 18 Apr, 2018": a comma after the month)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+((?:19|20)\d\d)\b", re.I)
_DATE_MDY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
_DATE_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/](\d\d)[-/](\d\d)(?!\d)")  # (a journal's "2048/04/04" too)
_WEEKDAY = (
    r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:ma|di|wo|do|vr|za|zo|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?)"
)


# "15-04-2014", "15/04/2014" (day first, as Dutch pages write dates)
# ("15-04-2014", "15/04/2014", and Deutsche Welle's "27.04.2020")
_DATE_NUMERIC = re.compile(r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d(?![\d.,]\d)")


# "Nieuwsbrief september 2023", "Newsletter | March 2024": an issue's month, not a range's end
# ("januari t/m juni 2022", "January-June 2022")
_ISSUE_MONTH = re.compile(
    rf"(?<![-\u2013/])(?<!t/m )(?<!tot )(?<!tot en met )(?<!to )(?<!until )\b({_MONTH})\s+((?:19|20)\d\d)\b", re.I
)


def issue_month_spans(text: str) -> list[tuple[int, int]]:
    """Where a heading names the month of its issue ("Nieuwsbrief september 2023"): a date, not the
    year the text under it speaks of."""
    return [m.span() for m in _ISSUE_MONTH.finditer(text)]


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span replaced by as many spaces (positions after it stay where they were):
    a date's or an issue's year taken out of what a sentence speaks of."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# A reference to a source by its author and year, as papers and theses cite: "(IWF, 2019, p. 39)",
# "(IWF, 2015, blz. 2)", "(Van Dam et al., 2019)" (with its comma: "(Heel 2021)" is a table's column)
_CITATION = re.compile(
    r"\((?:[A-Z][\w&.'\- ]{1,40}?(?:\s+et al\.)?,\s+(?:19|20)\d\d[a-z]?(?:,\s*(?:p|pp|blz|s)\.\s*\d+(?:[-\u2013]\d+)?)?;?\s*)+\)"
)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where the text writes a calendar date ("22 mei 2041", "May 22, 2041", "2041-05-22",
    "15-04-2014") or cites a source by its year ("(IWF, 2019, p. 39)"): its year is the date's or
    the source's, not a period the text speaks of."""
    return [
        m.span()
        for pattern in (_DATE_DMY, _DATE_MDY, _DATE_ISO, _DATE_NUMERIC, _CITATION, _SEASON)
        for m in pattern.finditer(text)
    ]


# The season an event took place in ("which changed its name to Offlimits in the autumn of 2023", "in
# het najaar van 2023"): a date, not a period a figure is of (a figure of a season is no year's either)
_SEASON = re.compile(
    r"\b(?:the\s+)?(?:(?:early|late)\s+)?(?:autumn|fall|spring|summer|winter)\s+of\s+(?:19|20)\d\d\b"
    r"|\b(?:het|de)\s+(?:voorjaar|najaar|zomer|winter)\s+van\s+(?:19|20)\d\d\b",
    re.I,
)


def date_in(text: str) -> dt.date | None:
    """A calendar date written in the text (Dutch or English, or ISO), or None."""
    for pattern, order in ((_DATE_ISO, "ymd"), (_DATE_DMY, "dmy"), (_DATE_MDY, "mdy")):
        m = pattern.search(text)
        if not m:
            continue
        try:
            if order == "ymd":
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if order == "dmy":
                return dt.date(int(m.group(3)), _MONTHS_IN_DATES[m.group(2).lower().rstrip(".")], int(m.group(1)))
            return dt.date(int(m.group(3)), _MONTHS_IN_DATES[m.group(1).lower().rstrip(".")], int(m.group(2)))
        except ValueError:
            return None
    return None


def _dateline(text: str) -> dt.date | None:
    """A block that is a dateline: only a date ("12 juli 2023", "Gepubliceerd op 3 mei 2024",
    "Amsterdam, 20 januari 2027",
    "Published: 4 April 2023"), perhaps with what such a line carries after it ("· Leestijd 3
    minuten", "| Categorie: Nieuws"), or a place and date opening a paragraph ("Amsterdam, 12 juli
    2023 - ...")."""
    t = text.strip()
    if len(t) <= 100 and re.fullmatch(
        # (a page's sections and the hour before it: "Binnenland · Tech · 27 april 2021, 10:14",
        # "Binnenland · vandaag, 12:48 · 23 april 2026")
        # ("Kamerstuk: Kamerbrief | 05-07-2018"; Hansard's "Volume 661: debated on Tuesday 11 June 2019")
        r"(?:(?:[A-Za-zÀ-ÿ&'\-: ]{1,25}|[A-Za-z]+,?\s*\d{1,2}[:.]\d\d)\s*[·•|]\s*){0,3}(?:volume \d+:\s*)?"
        # (GOV.UK's "From: Home Office Published 15 July 2021")
        r"(?:(?:from|van):\s*[\w .'&-]{2,40}?\s+(?=(?:published|gepubliceerd)\b))?"
        rf"(?:(?:gepubliceerd|geplaatst|published|posted|issued|debated|publicatiedatum|publication date|datum|date|nieuws|news|uitzending|uitgezonden|broadcast|aired)(?:\s+op|\s+on)?\s*:?\s*|[A-Z][\w'\- ]{{1,30}},\s+)?"
        # (the hour before the date: "Published: 00:01 BST, 18 April 2018", the Daily Mail's)
        # (a video's "14,208 views  23 Apr 2025"; not a post's "10:27 - 28 mrt. 2014": a thread's replies are later)
        r"(?:\d{1,2}[:.]\d\d(?:\s*(?:uur|[ap]\.?m\.?|BST|GMT|CES?T|UTC|EST|EDT))?\s*,?\s+)?"
        r"(?:[\d.,]+\s+(?:views|weergaven|keer bekeken)\s*[·•]?\s*)?"
        rf"(?:{_WEEKDAY},?\s+)?"
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH}),?\s+\d{{4}}|(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        r"|\d{4}-\d\d-\d\d|\d{1,2}([-/.])\d{1,2}\1\d{4}"
        # the Dutch papers' short form, always with its time: "24-04-19, 11:02"
        r"|\d{1,2}-\d{1,2}-\d\d(?=\s*,?\s*\d{1,2}[:.]\d\d))"
        # (The Register: "Tue 23 Apr 2024 // 10:32 UTC")
        # ("Issued on: 03/04/2017 - 14:27", France 24's)
        r"(?:\s*(?:[|,\-\u2013]|//)?\s*(?:om\s+|at\s+)?\d{1,2}[:.]\d\d(?:\s*(?:uur|[ap]\.?m\.?|BST|GMT|CES?T|UTC|EST|EDT))?)?\.?"
        # who wrote it ("Geplaatst op 22 maart 2018 door EOKM", "Posted on 4 May 2023 by Offlimits")
        r"(?:\s+(?:door|by)\s+[\w .'-]{2,40}?)?"
        # (or the agency's name in capitals after it: "Issued on: 03/04/2017 - 14:27 AFP")
        r"(?:\s+(?-i:[A-Z]{2,6}))?"
        # (or the section it appeared in: De Telegraaf's "27 apr. 2020 in BINNENLAND")
        r"(?:\s+in\s+(?-i:[A-ZÀ-Ý][\wÀ-ÿ&-]+))?"
        # the time of an update after it ("23-04-25, 11:08 Laatste update: 13:40")
        # ("27 april 2020 07:58 Aangepast: 27 april 2020 09:31": NU.nl's, with the date again)
        rf"(?:\s+(?:laatste update|bijgewerkt|aangepast|updated|last updated)\s*:?\s*(?:\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}},?\s+)?"
        r"\d{1,2}[:.]\d\d(?:\s*uur)?)?"
        # what a page's date line carries after the date: "· Leestijd 3 minuten", "| Categorie: Nieuws", "· News"
        # (" - 38 min.": a hyphen with spaces around it)
        r"(?:(?:\s*[|·•–—,]|\s+-)\s*[^|·•–—,]{1,40}?)*",  # (", The Times")
        t,
        re.I,
    ):
        if numeric := re.fullmatch(r".*?(\d{1,2})([-/.])(\d{1,2})\2(\d{4}).*", t):  # 12-07-2023: Dutch day-month-year
            d, mth, y = int(numeric.group(1)), int(numeric.group(3)), int(numeric.group(4))
            try:
                return dt.date(y, mth, d)
            except ValueError:
                return None
        short = re.search(r"(?<![\d-])(\d{1,2})-(\d{1,2})-(\d\d)(?![\d-])", t)
        if short and not date_in(t):  # "24-04-19, 11:02": day, month, the century's year
            try:
                return dt.date(2000 + int(short.group(3)), int(short.group(2)), int(short.group(1)))
            except ValueError:
                return None
        return date_in(t)
    m = _PLACE_DATE.match(t)
    if m:
        return date_in(m.group(1))
    m = re.fullmatch(rf"(?:[A-Z][\w'\- ]{{1,30}},\s+)?({_MONTH})\s+((?:19|20)\d\d)", t, re.I)
    if m:  # "Amsterdam, mei 2024": the month is enough to count "vorig jaar" from
        return dt.date(int(m.group(2)), _MONTHS_IN_DATES[m.group(1).lower().rstrip(".")], 1)
    return None


# "Amsterdam, 14 augustus 2025 - " opening a press release's first paragraph.
_PLACE_DATE = re.compile(
    rf"^[A-Z][\w'\- ]{{1,30}},\s+((?:{_WEEKDAY},?\s+)?\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})\s*[-\u2013\u2014:]\s*", re.I
)


_NL_WORDS = re.compile(r"\b(?:de|het|een|van|en|niet|zijn|werd|wordt|ook|meldingen|jaar|dat|met|voor|naar)\b", re.I)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|was|were|is|are|with|for|reports|year|that|this|our)\b", re.I)


def language_of(text: str, declared: str | None = None) -> str:
    if declared:
        code = declared.strip().lower()[:2]
        if code in ("nl", "en"):
            return code
    nl, en = len(_NL_WORDS.findall(text)), len(_EN_WORDS.findall(text))
    return "en" if en > nl else "nl"


_LEAF_TAGS = [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "p",
    "li",
    "td",
    "th",
    "dd",
    "dt",
    "div",
    "section",
    "aside",
    "blockquote",
    "figure",
    "figcaption",
]
# A list item's mark: the typographic bullets, and the symbols and emoji that posts use as bullets
# ("🔹 Ons Meldpunt ...", "▪", "✅", "👉").
_BULLET = re.compile(r"^(?:[•\-*–—·▪▫►▶➤➡✓✔◦●○■□◆◇]|[\U0001F300-\U0001FAFF\u2600-\u27BF])\ufe0f?\s+")


# Words that carry a figure where an image's text alternative has no digits
_FIGURE_WORDS = re.compile(
    r"\b(?:(?:een|één|one|1) (?:op|in|out of) (?:de |the )?\w+|helft|half|derde|third|kwart|quarter|procent|per ?cent"
    r"|miljoen|million|duizend|thousand)\b",
    re.I,
)


def _html_document(raw: str) -> Document:
    from .markup import soup_of

    soup = soup_of(raw)
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        if key and tag.get("content"):
            meta[str(key).lower()] = str(tag.get("content"))
    for tag in soup.find_all("time"):
        if tag.get("datetime") and "time" not in meta:
            meta["time"] = str(tag.get("datetime"))
    html = soup.find("html")
    declared_lang = str(html.get("lang")) if html is not None and html.get("lang") else None
    for tag in soup.find_all(["script", "style", "nav", "footer", "form", "noscript", "template"]):
        tag.decompose()
    for tag in soup.find_all(["header", "aside"]):  # the site's banner and sidebar; an article's own header or factbox stays
        if tag.find_parent(["article", "main"]) is None:
            tag.decompose()
    out: list[Block] = []
    title = normalise(soup.title.get_text(" ")) if soup.title else ""
    if title:
        out.append(Block("title", title))
    for el in soup.find_all("br"):
        el.replace_with("\n")
    for el in soup.find_all("sup"):  # a footnote mark ("93%<sup>1</sup>") is no digit of its figure: "93%¹"
        # (a note's number of two or three digits too: "... took action on.<sup><a href="#fn85">85</a></sup>")
        if re.fullmatch(r"\s*\d{1,3}\s*", el.get_text()):
            el.replace_with(el.get_text().strip().translate(_SUPERSCRIPT))
    # the page's main content (its banner, navigation, sidebars and footer are gone already);
    # not the first <article>: report pages are built of several articles and sections
    root = soup.find("main") or soup.body or soup
    tables = 0
    for el in root.find_all(_LEAF_TAGS + ["table", "dl", "img"]):
        if el.name == "img":  # an infographic's text alternative is the publication's text too
            alt = normalise(str(el.get("alt") or ""))
            # (its figure in digits or in words: "Ongeveer een op de drie afbeeldingen was zelfgemaakt")
            if (re.search(r"\d", alt) or _FIGURE_WORDS.search(alt)) and len(alt.split()) >= 4:
                out.append(Block("body", alt, "image text"))
            continue
        if el.name in ("table", "dl"):
            cells = _table_cells(el, tables + 1) if el.name == "table" else _definition_cells(el, tables + 1)
            if cells:
                tables += 1
                out += cells
                el["data-kr-read"] = "1"
            continue
        if el.find_parent(["table", "dl"], attrs={"data-kr-read": "1"}) is not None:
            continue
        inner = el.find(_LEAF_TAGS)
        if inner is not None and not _is_tile(el):
            continue  # a container: its children speak
        if any(_is_tile(p) for p in el.parents if p is not root and getattr(p, "name", None)):
            continue  # inside a tile: the tile speaks for it
        text = normalise(el.get_text(" "))
        if not text:
            continue
        if el.name in ("h1", "h2", "h3", "h4", "h5"):
            kind: BlockKind = "heading"
        elif el.name in ("li", "td", "th", "dd", "dt") or _is_tile(el):
            kind = "item"
            lines = _tile_lines(el)
            if lines:
                out += [Block("item", line) for line in lines]
                continue
            text = _number_first(text)
        else:
            kind = "body"
        out.append(Block(kind, text))
    date = None
    for key in (
        "article:published_time",
        "datepublished",
        "date",
        "dc.date",
        "dcterms.date",
        # (other publishers' names for the same: "publicationdate", "pubdate", Parse.ly's, a journal's)
        "dc.date.issued",
        "dcterms.issued",
        "publicationdate",
        "publication_date",
        "publication-date",
        "pubdate",
        "parsely-pub-date",
        "citation_publication_date",
        "time",
        "og:published_time",
    ):
        if key in meta:
            date = date_in(meta[key])
            if date:
                break
    text = "\n".join(b.text for b in out)
    # the dateline is taken off its paragraph also when the page's metadata dates it: "Amsterdam,
    # 22 mei 2041 – Het Meldpunt ... vorig jaar ..." is not a sentence about 2041
    dateline = _first_dateline(out)
    return Document(out, language_of(text, declared_lang), date or dateline or _byline_date(out), title, meta, _edited_date(out))


# A year as a table's row or column label: "2024", "2024*" (marked), "2024 – heel jaar",
# "2024 – eerste halfjaar", "2024 H1", "2024 (first half)".
_YEAR_LABEL = re.compile(
    r"((?:19|20)\d\d)\s*(?:[-–—:(]\s*|\s)?(?P<part>heel jaar|hele jaar|full year|totaal|total|eerste halfjaar|eerste helft|"
    r"tweede halfjaar|tweede helft|first half|second half|H1|H2)?\)?\s*(\*|¹|²|†|\(?voorlopig\)?|\(?provisional\)?)?",
    re.I,
)
_HALF_WORDS = {
    "eerste halfjaar": 1,
    "eerste helft": 1,
    "first half": 1,
    "h1": 1,
    "tweede halfjaar": 2,
    "tweede helft": 2,
    "second half": 2,
    "h2": 2,
}
_NO_FIGURE_CELL = re.compile(r"^(?:n\.?\s?b\.?|n\.?\s?v\.?\s?t\.?|n/?a|[-–—x]|\.\.|\*|onbekend|unknown|geen cijfer)$", re.I)
# ("−2 pp", "+1,5 procentpunt": a difference of two shares is a figure cell too)
# (and a lower bound's plus after it: "220.000+", "500,000+")
_NUMERIC_CELL = re.compile(
    r"^[<>≈~+\-\u2212]?\s*[\d][\d.,\s\u00a0\u202f\u2009]*\s*(?:%|pp|procentpunten|procentpunt)?\+?$|^[-–—]$"
)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# The marks a note is called by ("4.812¹", "AI*", "Totaal aantal slachtoffers²"): a character class
NOTE_MARK = "[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]"
# A definition's figure with the words a key-figure list puts around it: "more than 93%¹",
# "53% of assessed images", "ruim 90%" (the qualifier and the words are read with the label).
_QUALIFIER_ONLY = re.compile(r"\s*(?:" + ROUNDING_WORDS + r")\s*", re.I)
_DEFINITION_FIGURE = re.compile(
    r"^(?:(?:" + ROUNDING_WORDS + r")\s+|[<>≈~]\s*)?"
    r"\d[\d.,\s\u00a0\u202f\u2009]*%?" + NOTE_MARK + r"?(?:\s+[^\d\s][^\d]{0,60})?$",
    re.I,
)


def cell_column(location: str | None) -> tuple[str, str] | None:
    """The table and column a cell's location names ("table 1, row 'URL's', column '2016'", as
    _table_cells writes it): a column's cells share it; None for any other location."""
    m = re.match(r"^(table \d+), row .*, column (.+)$", location or "")
    return (m.group(1), m.group(2)) if m else None


def _pair(label: str, value: str, where: str) -> Block:
    """A label and its figure as one readable item, the figure first as prose puts it:
    "151,604 Reports received by the hotline", "-12% Change in URLs assessed compared with 2021"."""
    label = _BULLET.sub("", label)  # ("•  Meldingen in 2012   19.872": a list's mark is no word of the label)
    return Block("cell", f"{value} {label}", where)


def _definition_cells(dl, n: int) -> list[Block]:
    """A definition list of key figures (<dt>label</dt><dd>figure</dd>) as one item per pair."""
    out = []
    for dt_el in dl.find_all("dt"):
        dd = dt_el.find_next_sibling(["dd", "dt"])
        if dd is None or dd.name != "dd":
            continue
        label, value = normalise(dt_el.get_text(" ")), normalise(dd.get_text(" "))
        if _DEFINITION_FIGURE.match(label) and not _DEFINITION_FIGURE.match(value):
            # the figure as the term and its label as the definition ("<dt>Almost 28,000</dt>
            # <dd>URLs hosted in the Netherlands</dd>"): the same pair
            label, value = value, label
        # "1.356.940 (+4,2%)": the figure with its change in brackets, read after the label
        # ("1.356.940 Beoordeelde URL's (+4,2%)"), as a sentence would say it
        change = re.fullmatch(r"(?P<figure>.*?\d)\s*(?P<change>\(\s*[+\-\u2212–]\s*\d[\d.,]*\s*%\s*\))", value)
        figure = change.group("figure") if change else value
        if (_NUMERIC_CELL.match(figure) or _DEFINITION_FIGURE.match(figure)) and label and not _NUMERIC_CELL.match(label):
            out.append(_pair(f"{label} {change.group('change')}" if change else label, figure, f"list {n}, {label!r}"))
    return out


def _number_first(text: str) -> str:
    """A tile that prints its label above its figure ("meldingen verwerkt 144.058") read as
    the figure with its label ("144.058 meldingen verwerkt")."""
    m = re.fullmatch(r"(?P<label>[^\d]{3,80}?)\s+(?P<value>[-+\u2212>]?\d[\d.,\s\u00a0\u202f\u2009]*%?)", text)
    if not m or re.search(r"[.!?]", m.group("label")) or _QUALIFIER_ONLY.fullmatch(m.group("label")):
        return text  # ("Almost 28,000": the figure's own qualifier, no label)
    return f"{m.group('value').strip()} {m.group('label')}"


def _table_cells(table, n: int) -> list[Block]:
    """A table of figures (row labels down the first column, a header row across, the cells
    numbers) as one block per cell, each read with its row and column: "238.614 Meldingen
    verwerkt in 2023". Any other table is left to be read cell by cell as text."""
    rows = span_grid(table, normalise)
    rows = [r for r in rows if any(r)]
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return []
    # a column of sources or notes ("Bron" with "[1]", "Toelichting") holds no figures: left out
    width = max(len(r) for r in rows)
    notes = {
        j
        for j in range(1, width)
        if (
            re.fullmatch(
                r"\s*(?:bron(?:nen)?|sources?|noten?|notes?|opmerkingen?|remarks?|toelichting|ref\.?)\s*",
                rows[0][j] if j < len(rows[0]) else "",
                re.I,
            )
            or all(re.fullmatch(r"(?:\[\d+\]\s*)+", r[j]) for r in rows[1:] if j < len(r) and r[j])
        )
        and not any(j < len(r) and _figure_cell(r[j]) for r in rows[1:])
    }
    if notes:
        rows = [[c for j, c in enumerate(r) if j not in notes] for r in rows]
    label_columns = [
        j for j in range(1, min(len(r) for r in rows)) if all(r[j] and not _NUMERIC_CELL.match(r[j]) for r in rows[1:])
    ]
    # a second label column beside the first ("Dienst | Wat we tellen | 2032 | 2033": "Helpwanted |
    # adviesvragen"): the row's label is what it counts, of whom ("meldingen bij Meldpunt Kinderporno")
    second = [
        j
        for j in range(1, min(len(r) for r in rows))
        if not _YEAR_LABEL.fullmatch(rows[0][j])
        and all(not _NUMERIC_CELL.match(r[j]) or not r[j] for r in rows[1:])
        and any(r[j] for r in rows[1:])
    ]
    if second == [1] and not any(_NUMERIC_CELL.match(r[0]) for r in rows[1:] if r[0]):
        rows = [[r[0]] + r[2:] if i == 0 else [f"{r[1]} bij {r[0]}" if r[1] else r[0]] + r[2:] for i, r in enumerate(rows)]
    if (
        len(label_columns) == 1
        and all((y := _YEAR_LABEL.fullmatch(r[0])) and not y.group("part") for r in rows[1:])
        and min(len(r) for r in rows) == max(len(r) for r in rows)
    ):
        # years down the first column with what each row counts in a column of its own ("Jaar |
        # Aantal | Wat is geteld": "2016 | 100.478 | URL's"): each figure with its row's words and year
        j = label_columns[0]
        return [
            _pair(f"{r[j]} in {r[0]}", cell, f"table {n}, row {r[0]!r}, column {rows[0][k]!r}")
            for r in rows[1:]
            for k, cell in enumerate(r)
            if k not in (0, j) and cell and _figure_cell(cell) and not re.fullmatch(r"[-–—]", cell)
        ]
    if len(label_columns) == 1 and all(_NUMERIC_CELL.match(r[0]) for r in rows[1:]):
        # the labels in another column than the first ("27,6% | NP (Nationale Politie) | 388"): moved first
        j = label_columns[0]
        rows = [[r[j]] + r[:j] + r[j + 1 :] for r in rows]
    if all(_YEAR_LABEL.fullmatch(r[0]) for r in rows[1:]) and not any(_YEAR_LABEL.fullmatch(c) for c in rows[0][1:]):
        # years down the first column, measures across ("Jaar | Meldingen totaal | ..."): read
        # as measures down and years across
        width = max(len(r) for r in rows)
        rows = [[r[j] if j < len(r) else "" for r in rows] for j in range(width)]
        rows[0][0] = ""
    header, body = rows[0], rows[1:]
    # a cell that says there is no figure ("n.b.", "n.v.t.", "-") is no text either
    body = [[r[0]] + ["" if _NO_FIGURE_CELL.match(c) else c for c in r[1:]] for r in body if r]
    data = [c for r in body for c in r[1:] if c]
    if (
        not data
        or sum(bool(_figure_cell(c)) for c in data) < 0.8 * len(data)
        or any(_NUMERIC_CELL.match(r[0]) for r in body if r)
    ):
        return []
    caption = table.find("caption")
    out = [Block("heading", normalise(caption.get_text(" ")))] if caption and caption.get_text(strip=True) else []
    # a difference column beside two year columns ("| 2042 | 2043 | Verschil |"): the later year's
    # change from the earlier one, said in the words a sentence would use
    years = sorted({int(y.group(1)) for c in header[1:] if (y := _YEAR_LABEL.fullmatch(c)) and not y.group("part")})
    # a caption that names one year, over columns that name none ("Top five hosting countries, 2023
    # (% of all reports actioned)"): every cell is of that year
    captioned = sorted({int(y) for y in YEAR.findall(out[0].text)}) if out else []
    any_year = any(YEAR.search(c) for c in header[1:])
    parent = ""
    for r in body:
        label = r[0]
        if re.match(r"[-–—•·\s]*(?:waarvan|daarvan|hiervan|of which|of these)\b", label, re.I) and parent:
            label = f"{parent} {label.lstrip('-–—•· ')}"  # "Waarvan uit Nederland", "– waarvan ..." under "Meldingen"
        else:
            parent = label
        for j, cell in enumerate(r[1:], start=1):
            if not cell or not _figure_cell(cell) or re.fullmatch(r"[-–—]", cell):
                continue
            column = header[j] if j < len(header) else ""
            year = _YEAR_LABEL.fullmatch(column)
            yearly = _YEAR_AND_MEASURE.fullmatch(column)
            half = _HALF_WORDS.get((year.group("part") or "").lower()) if year else None
            if year and year.group(3):  # "2024*": a figure the table marks (provisional, as a note below it says)
                when = f" in {year.group(1)} (marked {year.group(3)!r}: provisional?)"
            elif year and half:  # "2024 – eerste halfjaar": the parser's half-year words
                when = f" in het {'eerste' if half == 1 else 'tweede'} halfjaar van {year.group(1)}"
            elif year:
                when = f" in {year.group(1)}"
            elif yearly:  # "2020: URLs", "2019: %": the column's measure before the row's label, then its year
                measure = yearly.group("measure")
                cell_label = label if re.fullmatch(r"%|share|aandeel|percentage", measure, re.I) else f"{measure} {label}"
                out.append(_pair(f"{cell_label} in {yearly.group('year')}", cell, f"table {n}, row {label!r}, column {column!r}"))
                continue
            elif len(captioned) == 1 and not any_year:
                when = f" ({column}) in {captioned[0]}" if column else f" in {captioned[0]}"
            elif len(years) == 2 and (difference := _DIFFERENCE_COLUMN.fullmatch(column)):
                english = difference.group("en") is not None
                when = f" in {years[1]} {'compared with' if english else 't.o.v.'} {years[0]}"
            else:
                when = f" ({column})" if column else ""
            out.append(_pair(label + when, cell, f"table {n}, row {label!r}, column {column!r}"))
    return out


# A column headed with its year and measure: "2020: URLs", "2019: %", "2023 - meldingen".
_YEAR_AND_MEASURE = re.compile(r"(?P<year>(?:19|20)\d\d)\s*[:\-\u2013]\s*(?P<measure>[^\d].{0,40})")


def _figure_cell(cell: str) -> bool:
    """A table cell that holds a figure: a number ("127,081", "+12.5%") or a number with the
    words that round it ("more than 500,000", "about 1 in 3", "ruim 75%"), or a share in words
    ("ongeveer één op de drie", "about a third")."""
    if _NUMERIC_CELL.match(cell) or _FIGURE_LINE.match(cell):
        return True
    text = cell.strip()
    # (or a number in words: "> half a million", "ruim een half miljoen")
    bare = re.sub(r"^[<>≈~]\s*", "", text)
    for lang in ("en", "nl"):
        found = find_numbers(bare, lang)
        if len(found) == 1 and found[0].start == 0 and found[0].end >= len(bare) and found[0].value and found[0].value >= 100:
            return True
    return any(
        len(shares) == 1 and shares[0].start == 0 and shares[0].end >= len(text.rstrip("*¹²³ "))
        for shares in (find_shares(text, lang) for lang in ("nl", "en"))
    )


_DIFFERENCE_COLUMN = re.compile(
    r"(?:(?P<nl>verschil|verandering|groei|toename|mutatie)|(?P<en>change|difference|growth|increase)|[Δ±]|\+/-)"
    r"(?:\s*\(?\s*%\s*\)?)?",
    re.I,
)
_LEADING_FIGURE = re.compile(r"^([-+\u2212<>]?\s*\d[\d.,\u00a0\u202f\u2009]*\s*%?)\s+(\D.*)$")
_LINE_YEAR_FIGURE = re.compile(
    # (in brackets, perhaps rounded: "(2021: 413.262)", "(2019: zo'n 300.000)")
    r"^\(?\s*(?:in\s+)?((?:19|20)\d\d)\s*[:=]?\s+(?P<value>"
    + ROUNDING_WORD_BEFORE
    + r"[-+\u2212<>]?\s*\d[\d.,\s\u00a0\u202f\u2009]*\s*%?)\s*\)?$",
    re.I,
)


# A key figure's own line: a number with the words that round it ("More than 90,000", "Ruim 1.200",
# "Nearly 3 in 10", "29%").
_FIGURE_LINE = re.compile(
    r"^"
    + ROUNDING_WORD_BEFORE
    # ("± 1 op de 3", "> 75%¹": a sign of approximation, a note's mark after the figure)
    + r"[<>≈~+±]?\s*\d[\d.,\s\u00a0\u202f]*\s*(?:%|procent|per ?cent|k|m|mln|miljoen|million|(?:in|op de|op|out of)\s+\d+)?"
    r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]*$",
    re.I,
)


def _tile_lines(el) -> list[str] | None:
    """A tile of three or more lines (figure, label, and a small line under them: "2032: 148.317",
    "+6,2% t.o.v. 2032"): the figure with its label, and each further line with the label it
    speaks of ("148.317 meldingen verwerkt in 2032"), so that no line's year is read as the
    figure's. None for a tile of one figure and its label (read as one item)."""
    children = [normalise(c.get_text(" ")) for c in el.find_all(True, recursive=False)]
    children = [c for c in children if c]
    if len(children) < 3:
        return None
    figure = next((c for c in children if _NUMERIC_CELL.match(c)), None)
    label = next((c for c in children if not _NUMERIC_CELL.match(c) and not _LEADING_FIGURE.match(c)), None)
    if figure is None and label == children[0] and len(label) <= 40 and all(_LEADING_FIGURE.match(c) for c in children[1:]):
        # a label over lines that each hold a figure with its words ("Netherlands" over "33,788 URLs",
        # "11% of the total", "29% last year"): each line said of the label
        return [f"{label}: {c}" for c in children[1:]]
    if figure is None or label is None:
        return None
    lines = [f"{figure} {label}"]
    for extra in children:
        if extra in (figure, label):
            continue
        year_figure, leading = _LINE_YEAR_FIGURE.match(extra), _LEADING_FIGURE.match(extra)
        if year_figure:  # "2032: 148.317": that year's figure of the same label
            # (a label with its own year, "meldingen verwerkt in 2033", says the line's year in its place)
            said = (
                re.sub(r"\b(?:19|20)\d\d\b", year_figure.group(1), label)
                if re.search(r"\b(?:19|20)\d\d\b", label)
                else f"{label} in {year_figure.group(1)}"
            )
            lines.append(f"{year_figure.group('value').strip()} {said}")
        elif leading:  # "+6,2% t.o.v. 2032": a figure of the label, said of it
            lines.append(f"{leading.group(1).strip()} {label} {leading.group(2)}")
        else:  # "ruim 2x zoveel als in 2032"
            lines.append(f"{label}: {extra}")
    return lines


def _share_led(figure: str, label: str) -> bool:
    """A tile whose figure is a share in words that reads on into its label ("Almost half" over
    "of the URLs we confirmed ...")."""
    joined = f"{figure} {label}"
    return any(sh.start == 0 and sh.end <= len(figure) + 1 for lang in ("en", "nl") for sh in find_shares(joined, lang))


_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_tile(el) -> bool:
    """A key-figure tile: a small container whose own text is a number with a few words
    ("<div><span>144.058</span><p>meldingen verwerkt</p></div>"), no sentence of its own."""
    if getattr(el, "name", None) not in ("div", "section", "li", "dd", "figure", "td", "aside"):
        return False
    if len(el.find_all(True, limit=41)) > 40:
        return False  # (a tile is small: a page's large containers are never one)
    if sum(_is_tile(c) and _WORD.search(c.get_text(" ")) is not None for c in el.find_all(True, recursive=False)) >= 2:
        # a row of tiles: each speaks for itself (a tile has words: its figure "413.262" and its
        # line "2020: 307.021" under the label are no tiles of their own)
        return False
    text = normalise(el.get_text(" "))
    children = [normalise(c.get_text(" ")) for c in el.find_all(True, recursive=False)]
    children = [c for c in children if c]
    if (
        len(children) == 2
        and len(text) <= 200
        # (or a share in words: "Almost half" over "of the child sexual abuse URLs we confirmed ...")
        and (_figure_cell(children[0]) or _share_led(children[0], children[1]))
        # (a label, not sentences: "URL's met strafbaar materiaal" under "ruim 163.000")
        and (re.match(r"[a-z]", children[1]) or (re.match(r"[A-Z]", children[1]) and not re.search(r"[.!?]\s", children[1])))
    ):
        return True  # a stat panel: "More than 90,000" over "child sexual abuse reports we actioned in 2023 ..."
    if len(text) <= 160 and len(el.find_all(True)) <= 6 and _tile_lines(el) is not None:
        return True  # a label (a small heading, above or below), its figure, and a line under them
    return (
        len(text) <= 90
        and (bool(re.match(r"^[^\w]*[\d€]", text)) or _number_first(text) != text)
        and not re.search(r"[.!?]\s+[A-Z]", text)
        and len(el.find_all(True)) <= 6
    )


_BYLINE = re.compile(r"^(?:by|door|tekst|text|written by|geschreven door|auteur|author)\b", re.I)
# The date a page was last changed ("Laatst gewijzigd op 4 november 2025", "Last updated: 3 February
# 2052"): no date of writing (an FAQ's "vorig jaar" may be older than its last edit), but what a
# proposal may count a relative year from
_EDITED = re.compile(
    r"^(?:laatst (?:gewijzigd|bijgewerkt|aangepast)|(?:gewijzigd|bijgewerkt|aangepast) op|(?:page )?last (?:updated|modified|changed|reviewed))\b",
    re.I,
)


def _edited_date(blocks: list[Block]) -> dt.date | None:
    """The date of a short line saying when the page was last changed, or None."""
    return next((found for b in blocks if len(b.text) <= 120 and _EDITED.match(b.text) and (found := date_in(b.text))), None)


def _byline_date(blocks: list[Block]) -> dt.date | None:
    """The date of a byline anywhere in the text ("By the Offlimits press office · 17 May 2034",
    "ANP · 20 mei 2037, 13:47"): a short line naming who wrote it, and when."""
    for block in blocks:
        if block.kind == "title" or len(block.text) > 120:
            continue
        agency = _AGENCY_LINE.match(block.text)
        if _BYLINE.match(block.text) or (agency and _dateline(agency.group(1))):
            found = date_in(block.text) or (_dateline(agency.group(1)) if agency else None)
            if found:  # ("Redactie Tech · 24-04-19, 11:02": the short form only its dateline reads)
                return found
        named = _NAME_THEN_DATE.match(block.text)
        if named and (found := _dateline(block.text[named.end() :])):
            return found  # "Marleen Dijkstra 27 april 2020, 15:40": a writer's name and the date
    return None


# A byline of a name and the date without a word between: "Marleen Dijkstra 27 april 2020, 15:40".
# (or an agency's name in capitals, or the desk: "ANP 23-04-25, 11:08", "Redactie 24-04-19, 13:05")
_NAME_THEN_DATE = re.compile(
    r"^(?:[A-Z][\w'’.\-]+(?:\s+(?:van|de|der|den|ten|ter|von|[A-Z][\w'’.\-]+)){1,4}|[A-Z]{2,6}|Redactie|Editorial staff|Staff)\s+(?=\d)"
)


# "ANP · 20 mei 2037, 13:47", "Reuters – 3 May 2034": a name, a separator, the date (and time)
_AGENCY_LINE = re.compile(r"^[A-Z][\w.'’&\- ]{1,40}?\s*[·•|–—]\s*(.+)$")


# A publication date with its label inside a block of a page's particulars ("Gemeenteblad · Jaar 2025
# · Nummer 687 Datum indiening: 13 mei 2025 ... Publicatiedatum: 18 juni 2025")
_LABELLED_PUBLICATION = re.compile(
    # (or written questions' "(ingezonden 4 april 2017)", their answers' "(ontvangen 30 mei 2017)")
    rf"(?:\b(?:publicatiedatum|datum (?:van )?publicatie|publication date|date of publication)|\((?:ingezonden|ontvangen|submitted|received))\s*:?\s*"
    rf"(\d{{1,2}}\s+(?:{_MONTH}),?\s+(?:19|20)\d\d|\d{{1,2}}-\d{{1,2}}-(?:19|20)\d\d)",
    re.I,
)


def _first_dateline(blocks: list[Block]) -> dt.date | None:
    """The date of the first dateline; a place and date opening a paragraph is taken off its
    text (it is not part of the first sentence: its year is not the sentence's), a line that is
    only a date leaves the text."""
    # (the first eight blocks of words: a site's breadcrumb of "›" marks is none; GOV.UK's "Published 15
    # July 2021" comes after "Home › Crime, justice and law › Child protection")
    first = [b for b in blocks if len(b.text.strip()) > 2][:8]
    for block in first:
        if block.kind == "title":
            continue
        found = _dateline(block.text)
        if found:
            m = _PLACE_DATE.match(block.text)
            if m and len(block.text) > m.end():
                block.text = block.text[m.end() :]
            else:  # a line that is only the date (and its tail): no sentence of the text, its year no period
                blocks.remove(block)
            return found
        if len(block.text) <= 140:
            # the date of publication as one part of a line of parts: "1st Report of Session 2023–24 -
            # published 14 December 2023 - HL Paper 12" (a parliamentary report's; not a post's "10:27 - 28
            # mrt. 2014", whose replies are written later)
            parts = re.split(r"\s[-\u2013\u2014·•|]\s", block.text)
            found = next(
                (
                    d
                    for part in parts[1:]
                    if re.match(r"(?:published|gepubliceerd|issued|uitgegeven)\b", part, re.I) and (d := _dateline(part))
                ),
                None,
            )
            if found:
                return found
    for block in first:
        labelled = _LABELLED_PUBLICATION.search(block.text) if len(block.text) <= 400 else None
        if labelled and (found := date_in(labelled.group(1)) or _dateline(labelled.group(1))):
            return found
    return None


# "Meldingen ontvangen ........ 176.523", "URL's beoordeeld      meer dan 220.000      (2017: 154.897)":
# a label, a figure (perhaps rounded in words) and perhaps a bracketed note after it
_LEADER = re.compile(
    r"^\s*(?P<label>\S.*?)\s*(?:\.{3,}|\s{3,}|\t+)\s*(?P<value>(?:(?:"
    + ROUNDING_WORDS
    + r")\s+)?[-+\u2212>]?\d[\d.,\u00a0\u202f\u2009 ]*%?)"
    r"(?:\s{2,}(?P<note>\([^()]{1,40}\)))?\s*$",
    re.I,
)
_FURNITURE = re.compile(r"^\s*(?:[-=_*]{4,}|-\s*\d+\s*-|\d+\s*/\s*\d+|page \d+|pagina \d+)\s*$", re.I)


# A subtitle file (SubRip, WebVTT): numbered cues with their times, a sentence often split over two.
_CUE_TIME = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}.*$", re.M)


_VTT_MARKUP = re.compile(r"</?(?:c|v|i|b|u|ruby|rt|lang)(?:[.\s][^<>]*)?>|<\d{1,2}:\d\d(?::\d\d)?[.,]\d{3}>")


def _subtitles_as_text(raw: str) -> str:
    """A subtitle file's words as running text: cue numbers, times and the WEBVTT header gone,
    the cues joined (the speech is one text; a sentence continues into the next cue)."""
    cues, notes = [], []
    for cue in re.split(r"\n\s*\n", raw):
        # a comment block ("NOTE NOS Journaal 20.00 uur, maandag 3 april 2017"): a line of its own
        if cue.strip().startswith("NOTE"):
            notes.append(" ".join(cue.strip()[4:].split()))
            continue
        lines = [ln.strip() for ln in cue.strip().splitlines()]
        lines = [
            ln for ln in lines if ln and not _CUE_TIME.match(ln) and not re.fullmatch(r"\d+|WEBVTT.*|X-TIMESTAMP-MAP=.*", ln)
        ]
        # (a WebVTT cue's markup: "<c.yellow>37 procent daarvan</c>", "<v Anna>", "<00:00:01.000>")
        lines = [t for ln in lines if (t := _VTT_MARKUP.sub("", ln).strip())]
        if lines:
            cues.append(" ".join(lines))
    return "\n\n".join([*notes, " ".join(cues)])


def _joined(lines: list[str]) -> str:
    """A paragraph's lines as one text; a word broken over two lines by a hyphen ("3,1 pro-" /
    "cent", "daar-" / "van") is one word again (a compound's own hyphen stays: "AI-" / "beelden")."""
    text = ""
    for ln in lines:
        if re.search(r"[a-zà-ÿ]-$", text) and re.match(r"[a-zà-ÿ]", ln):
            text = text[:-1] + ln
        else:
            text = f"{text} {ln}" if text else ln
    return text


_OPEN_END = re.compile(r"\b(?:binnen|met|van|in|op|voor|naar|en|within|with|of|for|on|to|and)$", re.I)


# a line's fields in a plain text's columns: separated by two spaces or more, or a tab
_FIELDS = re.compile(r"\s{2,}|\t+")


# a figure's or table's caption in a report's text, without the span of years it covers
_CAPTION = re.compile(
    r"^(?:Figuur|Figure|Fig\.|Tabel|Table|Grafiek|Chart)\s+\d+(?:\.\d+)*[.:]?\s+(?P<label>.+?)"
    r"(?:,?\s*\(?(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\)?)?\s*$",
    re.I,
)


def _text_grid(lines: list[str], n: int) -> list[Block] | None:
    """Key figures laid out in columns in a PDF's text: a header line of column labels
    ("2049      Verschil"), then lines of a label and one figure per column ("Meldingen verwerkt
    188.719   −7.316"; a label may run over two lines), read as the table they are (each figure
    with its row and column: _table_cells). None when the lines are not such a grid."""

    fields = [_FIELDS.split(ln.strip()) for ln in lines]
    if (by_year := _year_rows_grid(fields, n)) is not None:
        return by_year
    header_at = next(
        (
            i
            for i, f in enumerate(fields)
            if len(f) >= 2
            and all(not _NUMERIC_CELL.match(c) or _YEAR_LABEL.fullmatch(c) for c in f)
            and any(_YEAR_LABEL.fullmatch(c) for c in f)
        ),
        None,
    )
    if header_at is None:
        return None
    header = fields[header_at]
    rows: list[list[str]] = []
    pending = ""  # a label line without figures: the start of the next row's label, or a group's name
    for f in fields[header_at + 1 :]:
        if len(f) == len(header) + 1 and any(_NUMERIC_CELL.match(c) for c in f[1:]):
            # the label's second line: it goes on in lower case or with a number ("Verwijderverzoeken
            # binnen / 24 uur opgevolgd"), or the first line ends on a word a label cannot end on
            goes_on = f[0][:1].islower() or f[0][:1].isdigit() or bool(_OPEN_END.search(pending))
            rows.append([f"{pending} {f[0]}".strip() if pending and goes_on else f[0], *f[1:]])
            pending = ""
        elif len(f) == 1 and not _NUMERIC_CELL.match(f[0]) and not _LEADING_FIGURE.match(f[0]):
            pending = f[0]
        else:
            return None  # another layout: left to the line-by-line reading
    # (one row will do under a header of two years: "2011  2012  verschil" over "Meldingen ontvangen ...")
    if len(rows) < 2 and not (rows and sum(bool(_YEAR_LABEL.fullmatch(c)) for c in header) >= 2):
        return None
    return _grid_cells(["", *header], rows, n)  # (its first column, the rows' labels, has no header)


def _year_rows_grid(fields: list[list[str]], n: int) -> list[Block] | None:
    """A table in a PDF's text with its years down the first column: a header line of labels
    ("Jaar  Meldingen  waarvan uit Nederland  Geanalyseerde url's"), then a line per year of as
    many fields ("2021  413.262  236.743  n.b."), read as the table it is (_table_cells). None when
    the lines are not such a grid."""

    header, rows = fields[0], fields[1:]
    if len(header) < 2 or any(_NUMERIC_CELL.match(c) for c in header) or len(rows) < 2:
        return None
    if not all(len(r) == len(header) and _YEAR_LABEL.fullmatch(r[0]) for r in rows):
        return None
    if sum(any(_NUMERIC_CELL.match(c) for c in r[1:]) for r in rows) < 2:  # (a row may hold "ca. 300.000", "n.b.")
        return None
    return _grid_cells(header, rows, n)


def _grid_cells(header: list[str], rows: list[list[str]], n: int) -> list[Block] | None:
    """A grid read from a PDF's text as the HTML table it is, each figure with its row and column
    (_table_cells); every word escaped into the markup."""
    from html import escape

    from .markup import soup_of

    html = "<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>"
    html += "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
    return _table_cells(soup_of(html).find("table"), n) or None


# a PDF's text laid out in two columns (pdftotext -layout): the right column starts where a gap of
# three spaces or more ends, at the same place on line after line
_GUTTER = re.compile(r"\S(\s{3,})(?=\S)")
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _fits(line: str, at: int) -> bool:
    """A line of a two-column region whose right column starts at `at`: blank, the left column's
    text only (ending two spaces before it), or text that starts right there."""
    if not line.strip():
        return True
    left, right = line[:at], line[at:]
    if len(left.rstrip()) > at - 2:
        return False
    return not right.strip() or not right[0].isspace()


def _columns_unfolded(raw: str) -> str:
    """A two-column region as its left column's lines, then its right column's: each column's
    paragraphs are read on their own ("In 2023 verwerkte ons Meldpunt Kinder-" / "porno 255.563
    meldingen" is one sentence; the line beside it is another column's). A region is at least
    three lines with text in the right column and two in the left, both columns with lines of words
    (a grid of figures, "Meldingen verwerkt      188.719" or "URL's beoordeeld      meer dan 220.000",
    is no two columns: _text_grid and the line-by-line reading read it)."""
    lines = raw.expandtabs(8).split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        gutter = _GUTTER.search(lines[i])
        at = gutter.end(1) if gutter else None
        j = i
        while at is not None and j < len(lines) and _fits(lines[j], at):
            j += 1
        while j > i and not lines[j - 1].strip():
            j -= 1
        region = lines[i:j]
        lefts = [ln[:at].strip() for ln in region] if at else []
        rights = [ln[at:].strip() for ln in region] if at else []
        if (
            sum(bool(r) for r in rights) >= 3
            and sum(bool(left) for left in lefts) >= 2
            # (lines of words without a figure: "meer dan 220.000" and "ruim 163.000 (73%)" make a column
            # of values beside their labels, no column of text)
            and sum(bool(_WORDS.search(r)) and not re.search(r"\d", r) for r in rights) >= 2
            and sum(bool(_WORDS.search(left)) for left in lefts) >= 2
        ):
            out += [*lefts, "", *rights, ""]
            i = j
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def _text_document(raw: str) -> Document:
    if len(_CUE_TIME.findall(raw)) >= 2:
        raw = _subtitles_as_text(raw)
    raw = _columns_unfolded(raw)
    out: list[Block] = []
    previous: list[str] = []
    for n, para in enumerate(re.split(r"\n\s*\n", raw)):
        lines = [ln.strip() for ln in para.strip().splitlines() if ln.strip() and not _FURNITURE.match(ln)]
        if not lines:
            continue
        caption, previous = (_CAPTION.match(previous[0]) if len(previous) == 1 else None), lines
        if caption and len(lines) >= 2 and all(len(f) == 2 and _YEAR_LABEL.fullmatch(f[0]) for f in map(_FIELDS.split, lines)):
            # a figure's rows of a year and its value under its caption ("Figuur 4.1   Meldingen bij het
            # Meldpunt Kinderporno, 2019-2023" over "2020   307.021"): the caption says what they count
            lines = [f"Jaar  {caption.group('label')}", *lines]
        grid = _text_grid(lines, n + 1)
        if grid is not None:
            out += grid
            continue
        leaders = [_LEADER.match(ln) for ln in lines]
        if sum(bool(m) for m in leaders) >= 2:  # "Meldingen ontvangen ........ 176.523": a list of key figures
            for ln, m in zip(lines, leaders):
                if m:
                    label = normalise(m.group("label"))
                    note = f" {m.group('note')}" if m.group("note") else ""  # ("(2017: 154.897)", "(73%)")
                    out.append(_pair(label + note, m.group("value").strip(), f"line {label!r}"))
                else:
                    out.append(Block("heading" if len(ln) < 80 and not re.search(r"[.!?]$", ln) else "body", normalise(ln)))
            continue
        bullets = [i for i, ln in enumerate(lines) if _BULLET.match(ln)]
        if bullets and bullets[0] > 0:  # "Kerncijfers" above a list: a heading, then its items
            head = " ".join(lines[: bullets[0]])
            # a heading is a label: an introducing sentence ("... staan online. Een paar dingen:") is body
            heading = len(head) < 120 and not re.search(r"[.!?]$|[a-z][.!?]\s+\S", head)
            out.append(Block("heading" if heading else "body", normalise(head)))
            lines = lines[bullets[0] :]
        if bullets and all(_BULLET.match(ln) for ln in lines):
            out += [Block("item", normalise(_BULLET.sub("", ln))) for ln in lines]
        elif bullets:  # a list with continuation lines: each bullet with the lines under it
            item: list[str] = []
            for ln in lines:
                if _BULLET.match(ln) and item:
                    out.append(Block("item", normalise(_joined(item))))
                    item = []
                item.append(_BULLET.sub("", ln))
            out.append(Block("item", normalise(_joined(item))))
        elif (
            len(lines) == 1
            and len(lines[0]) < 120
            and not re.search(r"[.!?]$|[a-z][.!?]\s+[A-Z]", lines[0])  # a label, not sentences ("... online. Een paar dingen:")
            and re.search(r"[A-Za-z]{3}", lines[0])
        ):
            out.append(Block("title" if n == 0 else "heading", normalise(lines[0])))
        else:
            out.append(Block("body", normalise(_joined(lines))))
    title = next((b.text for b in out if b.kind == "title"), "")
    return Document(out, language_of(raw), _first_dateline(out) or _header_date(raw), title)


def _header_date(raw: str) -> dt.date | None:
    """The date on a line of a text's head, under its title in the same paragraph: a broadcast's
    "NPO Radio 1 · vrijdag 20 mei 2044 · 17 min.", "RTL Nieuws 19.30 uur — donderdag 22 maart 2018";
    or, further down a title page, a line of its place and date under its author ("Rotterdam, 28 juni
    2019"; not a post's time and date: a thread's replies are written later than its first post)."""
    for n, para in enumerate(re.split(r"\n\s*\n", raw.strip())[:4]):
        for line in para.splitlines()[:6]:
            line = line.strip()
            if not line or len(line) > 120:
                continue
            if n >= 2:
                place = re.fullmatch(rf"[A-Z][\w'\- ]{{1,30}},\s+(\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})", line, re.I)
                if place and (found := date_in(place.group(1))):
                    return found
                # (or a video page's "14,208 views  23 Apr 2025" under its channel's name)
                if re.match(r"[\d.,]+\s+(?:views|weergaven|keer bekeken)\b", line, re.I) and (found := _dateline(line)):
                    return found
                continue
            # (the date after the programme's name: "NOS Radio 1 Journaal - dinsdag 25 april 2028, 08.00 uur")
            tails = [line] + [line[m.end() :] for m in re.finditer(r"\s[-\u2013\u2014·•|]\s|,\s", line)]
            # (and each up to a bracket or a sentence's end: "... 20.00 uur, maandag 3 april 2017 (POW_03412867). ...")
            tails += [cut for t in tails if (cut := re.split(r"\s\(|\.\s", t)[0]) != t]
            found = next((d for tail in tails if (d := _dateline(tail))), None)
            if found:
                return found
    return None


_FORMAT_IN_DIGITS = re.compile(r"(?<=\d)[\u00ad\u200b\u200c\u200d\u2060\ufeff](?=\d)")


def _block_languages(document: Document) -> Document:
    """Each block of a dozen words or more in its own language, where it differs from the
    document's. A page whose declared language its text contradicts (an English twin that kept
    the Dutch site's lang="nl") is in the language of most of its long blocks, so that its
    short fragments ("reports and 397,770 URLs processed") are read in that language too."""
    # (a block's own language only where its words say so: "Annual report 2018: more than 220,000 URLs
    # assessed, 73 percent illegal - EOKM" has no marker word of either and stays in the page's)
    long = [
        (block, language_of(block.text))
        for block in document.blocks
        if len(block.text.split()) >= 12 and len(_NL_WORDS.findall(block.text)) != len(_EN_WORDS.findall(block.text))
    ]
    other = [language for _, language in long if language != document.language]
    words = {"nl": len(_NL_WORDS.findall(document.text())), "en": len(_EN_WORDS.findall(document.text()))}
    said = "en" if document.language == "nl" else "nl"
    if (len(long) >= 2 and 3 * len(other) >= 2 * len(long)) or (words[said] >= 4 and words[said] >= 3 * words[document.language]):
        document.language = other[0] if other else said
    for block, own in long:
        block.language = own if own != document.language else None
    return document


_MARKUP = re.compile(r"<(html|body|p|div|article|h1)\b", re.I)


def _header_above(lines: list[str], fields: list[list[str]], at: int, width: int) -> tuple[int, int] | None:
    """The lines of a header above rows that start at `at` (perhaps over a blank line): one or two
    lines of words (no figure), the first with as many fields as the rows. (first, last) or None."""
    last = at - 1
    while last >= 0 and not lines[last].strip() and at - last <= 2:
        last -= 1
    if last < 0 or not lines[last].strip():
        return None
    first = last
    if len(fields[last]) < width and last > 0 and len(fields[last - 1]) == width:
        first = last - 1  # the header's second line, the words that run on under some columns
    if len(fields[first]) != width or any(_NUMERIC_CELL.match(c) for k in range(first, last + 1) for c in fields[k]):
        return None
    return first, last


def _joined_header(lines: list[str], header: tuple[int, int]) -> list[str]:
    """A header's fields over its lines, each continuation joined to the column it starts under
    (by its position in the line): "Number of" + "reports"."""
    first, last = header
    starts = [m.start() for m in re.finditer(r"(?:(?<=\s\s)|(?<=\t)|^)\S", lines[first])]
    cells = [normalise(c) for c in _FIELDS.split(lines[first].strip())]
    if len(starts) != len(cells):
        return cells
    for k in range(first + 1, last + 1):
        for m in re.finditer(r"\S+(?:\s\S+)*", lines[k]):
            column = max((n for n, st in enumerate(starts) if st <= m.start() + 1), default=0)
            cells[column] = normalise(f"{cells[column]} {m.group(0)}")
    return cells


def text_tables(raw: str) -> list[tuple[str, list[list[str]]]]:
    """The tables a plain text lays out in columns (a PDF's text, a thesis, an e-mail): a header
    line and two or more lines with as many fields, separated by two spaces or more or a tab,
    at least two of them with a figure; each with the line that captions it above it ("Tabel 3.1
    Door de IWF naar Nederland herleide url's ..."). (caption, rows with the header first); none
    in a page of markup, whose tables are its own."""
    if _MARKUP.search(raw[:5000]):
        return []
    lines = raw.splitlines()
    fields = [_FIELDS.split(ln.strip()) if ln.strip() else [] for ln in lines]
    out: list[tuple[str, list[list[str]]]] = []
    i = 0
    while i < len(lines):
        width = len(fields[i])
        j = i + 1
        while j < len(lines) and width >= 2 and len(fields[j]) == width:
            j += 1
        rows = fields[i:j]
        header_at = _header_above(lines, fields, i, width) if rows and any(_NUMERIC_CELL.match(c) for c in rows[0]) else None
        if header_at is not None:
            # a header over one or two lines above the rows, over a blank line ("Host country   Number of
            # % of total number ..." / "reports   of reports ..."): its words joined by column
            rows = [_joined_header(lines, header_at), *rows]
        if width >= 2 and len(rows) >= 3 and sum(any(_NUMERIC_CELL.match(c) for c in r) for r in rows[1:]) >= 2:
            # (the caption's lines right above it, over a blank line: "Table 2. Netherlands-hosted child
            # sexual abuse material actioned by the IWF," / "2019-2023")
            first = header_at[0] if header_at is not None else i
            above = next((k for k in range(first - 1, max(first - 3, -1), -1) if lines[k].strip()), None)
            caption = ""
            if above is not None:
                top = above
                while top > 0 and lines[top - 1].strip() and above - top < 2:
                    top -= 1
                if sum(len(lines[k]) for k in range(top, above + 1)) <= 300:
                    caption = normalise(" ".join(" ".join(fields[k]) for k in range(top, above + 1)))
            out.append((caption, rows))
            i = j
        else:
            i += 1
    return out


def read_document(data: bytes) -> Document:
    """The document's blocks, language and date of writing. An invisible character between
    digits ("238\u00ad614") is kept as a word joiner, which no text folding drops, so that the
    number reader refuses the number instead of reading it joined."""
    raw = _FORMAT_IN_DIGITS.sub("\u2060", data.decode("utf-8", errors="replace"))
    document = _html_document(raw) if _MARKUP.search(raw[:5000]) else _text_document(raw)
    for block in document.blocks:
        if block.kind == "heading":  # "2  Meldingen", "2.1 Aantal meldingen in 2012": a section's number is no figure
            block.text = _CAPTION_NUMBER.sub(r"\1", _SECTION_NUMBER.sub("", block.text))
    return _block_languages(document)


# A numbered heading's section number: "2 Meldingen", "2.1 Aantal meldingen", "3. Helpwanted" (not
# "127.081 meldingen", "3 op de 10", "2024 in cijfers")
_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-ZÀ-Ý])|\d{1,2}\.?\s+(?=[A-ZÀ-Ý][a-zà-ÿ]))")
# ... and a table's or figure's ("Tabel 2.1 Meldingen ontvangen, 2011-2012": "Tabel Meldingen ...")
_CAPTION_NUMBER = re.compile(r"^\s*(Tabel|Table|Figuur|Figure|Grafiek|Chart|Kader|Box)\s+\d{1,2}(?:\.\d{1,2})*\.?(?=\s)", re.I)


def host_of(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def on_hosts(url: str | None, hosts: tuple[str, ...] | list[str]) -> bool:
    """Is the address on one of these hosts or a subdomain of one (jaarverslag2022.offlimits.nl)?
    An entry with a path is the publisher's own account on someone else's host
    ("linkedin.com/company/offlimits"): the address must start with that path there."""
    host = host_of(url)
    if not host:
        return False
    path = urlsplit(url or "").path
    for entry in hosts:
        h, _, prefix = entry.partition("/")
        own = "/" + prefix
        if (host == h or host.endswith("." + h)) and (
            not prefix or path == own or path.startswith(own if own.endswith(("_", "/")) else own + "/")
        ):
            return True  # ("linkedin.com/posts/offlimits_": the account's posts are /posts/offlimits_<slug>)
    return False


_FIRST_PERSON = re.compile(r"\b(?:wij|we|ons|onze|our|us)\b", re.I)
_REPORT = re.compile(r"\b(?:jaarverslag|jaarrapport|jaarcijfers|annual report|annual figures|year in review)\b", re.I)


_ATTRIBUTION = re.compile(
    r"\b(?:volgens|aldus|meldt|melden|zegt|zei|schrijft|stelt|woordvoerder|according to|says|said|writes|spokesperson)\b"
    # the report spoken of in the third person, by someone whose member the publisher is: "Dutch
    # hotline publishes Annual Report 2019", "Our Dutch member ... has published its annual report"
    r"|\b(?:publishes|publiceert|(?:has|have) published its|published its|its annual report|haar jaarverslag|zijn jaarverslag"
    r"|our (?:\w+ )?members?|ons lid|onze leden)\b",
    re.I,
)
# The report presenting itself: "Voor u ligt het jaarverslag van ...", "In dit jaarverslag",
# "This annual report", or a heading that is the report's name ("Jaarverslag 2022").
_SELF_REPORT = re.compile(
    r"\b(?:voor u ligt (?:het|ons) jaarverslag|(?:dit|ons) jaarverslag|this annual report|our annual report|in this report)\b"
    r"|^(?:\S+\s+){0,3}(?:jaarverslag|annual report)\s+(?:19|20)\d\d\b(?:\s+\S+){0,4}$",
    re.I | re.M,
)


_REPORT_OF = re.compile(r"(?:jaarverslag|annual report)\s+(?:19|20)\d\d\b", re.I)
_WHO_BEFORE = re.compile(r"((?:[^\s·|:\-–—\"“]+\s+){1,3})(?:[·|:\-–—]\s+)?$")
_GENERIC_WORDS = {"het", "the", "ons", "our", "dit", "this", "een", "an", "a", "van", "of", "in"}


def _anothers_report(text: str, own_names: re.Pattern) -> bool:
    """A line naming another organisation's annual report: "INHOPE · Annual Report 2023", "Member
    in focus ... | INHOPE Annual Report 2023" (a name before the words that is not the publisher's)."""
    for m in _REPORT_OF.finditer(text):
        before = _WHO_BEFORE.search(text[: m.start()])
        who = before.group(1) if before else ""
        if own_names.search(who) or re.search(r"\b(?:our|ons|onze)\s*$", who, re.I):
            return False  # ("IWF Annual Report 2022", "Our Annual Report 2022 is out today")
        names = [
            w for w in re.findall(r"[\w&'’.-]+", who) if w.lower() not in _GENERIC_WORDS and (w.isupper() or w[:1].isupper())
        ]
        if names and len(who) < 40:
            return True
    return False


def names_itself(document: Document, own_names: re.Pattern) -> bool:
    """Does the document present itself as the publisher's own report? It says so ("Voor u ligt
    het jaarverslag van ...", a heading "Jaarverslag 2022"), names the publisher in its opening,
    speaks in the first person, and nowhere reports what someone says (a press item quoting the
    publisher's spokesperson: "volgens Offlimits", "zegt een woordvoerder")."""
    opening = [b.text for b in document.blocks[:8] if len(b.text) < 300]
    body = document.text()
    if not (any(_SELF_REPORT.search(t) for t in opening) or _SELF_REPORT.search(body[:3000])):
        return False
    if any(_anothers_report(t, own_names) for t in [document.title, *opening]):
        return False  # ("INHOPE · Annual Report 2023" on a page about Offlimits: INHOPE's report)
    if not (own_names.search(" ".join(opening)) and _FIRST_PERSON.search(body)):
        return False
    return not _ATTRIBUTION.search(body)


def voice_of(
    document: Document, url: str | None, own_hosts: tuple[str, ...], own_names: re.Pattern, declared: str | None = None
) -> Voice:
    """Whose voice the document speaks in. Declared by the operator (`kr snapshot add --voice`),
    else its address (one of the publisher's own hosts: own), else the text (the publisher's
    report presenting itself, e.g. a copy attached to a parliamentary letter: own). Anything
    else is reported (press, another organisation): its figures wait in review."""
    if declared in VOICES:
        return Voice(declared)
    if url and on_hosts(url, own_hosts):
        return Voice.OWN
    return Voice.OWN if names_itself(document, own_names) else Voice.REPORTED


# ---------------------------------------------------------------- periods (Dutch and English)

# Counted from the date of writing.
# A sentence that corrects an earlier statement: the numbers in it are the wrong one and the right
# one side by side, never loaded from it ("eerder meldden wij abusievelijk ...", "niet 61.872 maar
# 60.872", "an earlier version of this article said ...").
CORRECTION = re.compile(
    r"\b(?:abusievelijk|per abuis|ten onrechte|onjuist|foutief|rectificatie|correctie|eerder meldden wij|"
    r"mistakenly|erroneously|incorrectly|in error|correction|we (?:earlier|previously) reported)\b|\bniet [\d.,]+ maar\b|\bnot [\d.,]+ but\b"
    r"|\b(?:en|and) (?:niet|not) (?:op |van |om |at |of )?[\d.,]+|\b(?:zoals|as) (?:eerder|abusievelijk|previously|earlier) "
    r"(?:vermeld|gemeld|gepubliceerd|genoemd|reported|stated|published)"
    r"|\b(?:een|de|ons|onze) eerdere versie\b|\ban? (?:earlier|previous) version\b",
    re.I,
)

# "steeg tussen 2007 en 2011 van 716 naar 1.222", "tussen 2024 en 2025 daalde het aandeel van 29
# naar 11 procent": the two ends of a change over two years, each of its own year
CHANGE_SPAN = re.compile(r"\b(?:tussen|between)\s+((?:19|20)\d\d)\s+(?:en|and)\s+((?:19|20)\d\d)\b", re.I)
CHANGE_ENDS = re.compile(
    r"\b(?:van|from)\s+(?:\w+\s+)?(\d[\d.,]*)\s*(?:%|procent|per ?cent)?\s+(?:\w+\s+)?(?:naar|tot|to)\s+(?:\w+\s+)?(\d[\d.,]*)",
    re.I,
)


# (and a coordinated clause that opens with its own year: "In 2012 waren het er nog 19.872 en in 2011 12.542")
_PART_EDGE = re.compile(r"[,;:]\s|\s(?:en|and)\s(?=(?:in|over)\s+(?:19|20)\d\d\b)")


# A clause whose subject is a pronoun ("they counted 36,000 reports", "Zij komt voor 2024 uit op ...").
_PRONOUN_SUBJECT = re.compile(r"\s*(?:(?:and|but|en|maar)\s+)?(?:they|she|he|zij|ze|hij)\b", re.I)
_IT_SUBJECT = re.compile(r"\s*(?:(?:and|but)\s+)?it\b(?!['’]s\b)", re.I)


def pronoun_for_another(
    clause: str, before: str, last_sentence: str, own: tuple[re.Pattern, ...], others: re.Pattern
) -> str | None:
    """The other organisation a clause's pronoun subject refers to ("And the police ... are seeing
    an increase: they counted 36,000 reports", "Gisteren publiceerde de Nationaal Rapporteur haar
    cijfers. Zij komt voor 2024 uit op 944 slachtoffers"): the organisation named last before the
    clause (in its sentence, else in the sentence before), when that is not the publisher (own).
    None when the clause opens with no pronoun, or it refers to the publisher."""
    it = _IT_SUBJECT.match(clause) is not None
    if not it and not _PRONOUN_SUBJECT.match(clause):
        return None
    for text in (before, last_sentence):
        named = [(m.start(), "") for pattern in own for m in pattern.finditer(text)]
        named += [(m.start(), m.group(0)) for m in others.finditer(text)]
        if named:
            # ("it" is the subject the sentence opened with: "The Dutch police also saw a sharp rise in
            # 2017: it received almost 18,000 reports"; not "The hotline, which works with the police,
            # said it received ...")
            return (min(named) if it else max(named))[1] or None
    return None


def part_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the part of a sentence a number stands in (start..end) begins and ends: between the
    commas, semicolons and colons around it ("In 2014 kwamen er nog 1561 meldingen binnen, in
    2016 ..."); a comma inside a number ("127,081") is no edge."""
    lo = max((m.end() for m in _PART_EDGE.finditer(sentence[:start])), default=0)
    hi = next((end + m.start() for m in _PART_EDGE.finditer(sentence[end:])), len(sentence))
    return lo, hi


def change_end_years(sentence: str, span: re.Pattern = CHANGE_SPAN) -> dict[int, int]:
    """Where each end of a change over a span of years starts in the sentence, and its year."""
    years, ends = span.search(sentence), CHANGE_ENDS.search(sentence)
    if years is None or ends is None:
        return {}
    return {ends.start(1): int(years.group(1)), ends.start(2): int(years.group(2))}


_YEARS_AGO = {  # "vijftien jaar geleden", "two years ago": counted back from the date of writing
    1: ("een|één", "a|one"),
    2: ("twee", "two"),
    3: ("drie", "three"),
    4: ("vier", "four"),
    5: ("vijf", "five"),
    6: ("zes", "six"),
    7: ("zeven", "seven"),
    8: ("acht", "eight"),
    9: ("negen", "nine"),
    10: ("tien", "ten"),
    12: ("twaalf", "twelve"),
    15: ("vijftien", "fifteen"),
    20: ("twintig", "twenty"),
    25: ("vijfentwintig", "twenty-five"),
    30: ("dertig", "thirty"),
}
DEICTIC = [
    (re.compile(r"\b(?:vorig|vorige|afgelopen) jaar\b|\blast year\b|\bthe past year\b|\bin the previous year\b", re.I), 1),
    (re.compile(r"\b(?:dit|deze) jaar\b|\bthis year\b", re.I), 0),
    *((re.compile(rf"\b(?:{nl}|{n}) jaar geleden\b|\b(?:{en}|{n}) years? ago\b", re.I), n) for n, (nl, en) in _YEARS_AGO.items()),
]
# "Het afgelopen jaar", "the past year": the calendar year before the date of writing in the first
# half of a year (when annual figures are published), possibly the twelve months before it later on.
ROLLING_YEAR = re.compile(
    r"\b(?:het )?(?:afgelopen|voorbije|achterliggende) jaar\b|\bthe (?:past|last) (?:year|twelve months|12 months)\b", re.I
)
ROLLING_AFTER_MONTH = 6
LAST_CALENDAR_YEAR = re.compile(r"\bvorige? jaar\b|(?<!the )\blast year\b", re.I)  # always the calendar year before
# "In 2017 en 2016 ... respectievelijk 36 en 37 procent": the years pair with the figures in order.
RESPECTIVELY = re.compile(r"\b(?:respectievelijk|respecievelijk|resp\.|respectively)\b", re.I)
# Counted from a year the text states just before.
BACK = [
    (
        re.compile(
            r"\b(?:een|één) jaar (?:eerder|daarvoor|ervoor|voordien)\b|\bhet (?:jaar daarvoor|jaar ervoor|jaar voordien|voorgaande jaar)\b"
            r"|\ba year (?:earlier|before)\b|\bthe (?:year before|previous year|preceding year)\b",
            re.I,
        ),
        1,
    ),
    (re.compile(r"\btwee jaar (?:eerder|daarvoor)\b|\btwo years (?:earlier|before)\b", re.I), 2),
    (re.compile(r"\bdrie jaar (?:eerder|daarvoor)\b|\bthree years (?:earlier|before)\b", re.I), 3),
]
# A period given by reference: its year is that of what it refers to.
ANAPHORIC_PERIOD = re.compile(
    # "3.7% fewer than the year before, when we received 172,093 reports": the year before the one referred to
    r"\b(?:(?:the (?:year|period) before|a year (?:earlier|before)|the previous year|het jaar (?:ervoor|daarvoor)|"
    r"een jaar (?:eerder|ervoor|daarvoor)),\s+(?:when|toen)\b)|"
    # "5.9% more than in 2054, when we handled 193,517": the year just named
    r"(?<=\d\d), when\b|"
    r"\b(?:toen|destijds|dat (?:\w+ )?jaar|die jaren|in die periode|die periode|dezelfde periode|hetzelfde jaar|datzelfde jaar|"
    r"een jaar later|het jaar (?:erna|daarop|erop)|a year later|the (?:following|next) year|that (?:\w+ )?year|those years|"
    r"dezelfde tijd|diezelfde tijd|in die tijd|dezelfde maanden|"
    r"that year|at the time|the same period|that period|the same year|back then|the same time|that time)\b",
    re.I,
)
# What an anaphoric period counts from: "het jaar erop" / "a year later" is the year after the one
# referred to; "het jaar ervoor, toen" / "the year before, when" the year before it.
_REFERRED_LATER = re.compile(r"\b(?:later|erna|daarop|erop|following|next)\b", re.I)
_REFERRED_BEFORE = re.compile(r"before|earlier|previous|ervoor|daarvoor|eerder", re.I)


def referred_year(
    sentence: str,
    anaphora: re.Match,
    *,
    sentence_year: int | None = None,
    relative: int | None = None,
    heading_year: int | None = None,
    last_named: int | None = None,
    previous_year: int | None = None,
    back: int | None = None,
) -> int | None:
    """The year a period given by reference ("toen", "dat jaar", "in dezelfde periode", "the year
    before, when") refers to, for a proposal (never a load): the year named just before the
    reference in its own sentence ("In 2031, toen CoMensha 1318 slachtoffers telde"), else the
    sentence's one year, else a year counted from the date ("dezelfde periode vorig jaar"), else
    the year the sentence before named or was about. back: a year counted back in the sentence
    ("in dezelfde periode een jaar eerder"), when no date-relative year stands in it."""
    named_before = [int(y) for y in YEAR.findall(sentence[: anaphora.start()])]
    year_before = _REFERRED_BEFORE.search(anaphora.group(0))
    referent = (
        (named_before[-1] if named_before else None)
        or sentence_year
        or relative
        # "The year before, when ..." in a sentence without a year: before the text's own year
        or (heading_year if year_before and heading_year is not None else None)
        or last_named
        or previous_year
    )
    if referent is None:
        return None
    if year_before:
        referent -= 1  # the year before the one referred to
    elif relative is None and back:
        referent -= back  # "in dezelfde periode een jaar eerder": the referent's year before
    if _REFERRED_LATER.search(anaphora.group(0)):
        referent += 1  # "het jaar erop", "a year later": the year after the one referred to
    return referent


HALF_YEAR = re.compile(
    r"\b(eerste|tweede|laatste|first|second|last) (?:helft|halfjaar|half jaar|half|zes maanden|six months)\b|\bhalf[- ]?jaar\b|\bhalf[- ]year\b"
    r"|\b(?:eerste|first) (?:twee|two) (?:kwartalen|quarters)\b",  # (the first half: "In de eerste twee kwartalen")
    re.I,
)
# A year written in digits, not inside a longer number ("2024", never "12.024" or "2024,5").
YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?!\d|[.,]\d)")
# The words that compare a figure with another ("ten opzichte van 2023", "compared with 36%"): a
# fragment each reader's own patterns of comparisons are built of (with the words only they need).
COMPARED_WITH = r"ten opzichte van|t\.o\.v\.|vergeleken met|in vergelijking met|tegenover|versus|vs\.?|compared (?:with|to)"
# A total counted from a year on: "Sinds de oprichting in 1996 hebben wij ruim 3 miljoen
# meldingen verwerkt", "since 2010". Not a comparison ("meer dan in enig jaar sinds 2021").
SINCE = re.compile(r"\b(?:sinds|sedert|vanaf|since)\b(?:[^.;:\d]{0,70}?)\b(?:19|20)\d\d\b", re.I)
SINCE_COMPARED = re.compile(
    r"\b(?:dan|than|hoogste|laagste|highest|lowest|most|meeste|ooit|ever|any|enig\w*)\b[^.;:]{0,25}$", re.I
)


def since_a_year(text: str) -> re.Match | None:
    """Where a text says its figure is a total from a year on ("Sinds 2031 zijn ... 4.000"),
    comparisons left aside; None when it does not."""
    return next((m for m in SINCE.finditer(text) if not SINCE_COMPARED.search(text[: m.start()])), None)


# The year still running when the text was written: "tot nu toe", "dit jaar tot nu toe", "so far
# this year", "year to date": a part of a year, never the year's figure.
SO_FAR = re.compile(
    r"\b(?:tot nu toe|tot dusver|tot op heden|tot nog toe|dit jaar al|so far|to date|year[- ]to[- ]date|thus far|"
    r"sinds (?:januari|1 januari|begin dit jaar)|since (?:january|the start of (?:the|this) year))\b",
    re.I,
)


class _Unless:
    """A pattern whose matches do not count after certain words (re's lookbehind is fixed-width):
    search and finditer as a compiled pattern's."""

    def __init__(self, pattern: re.Pattern[str], before: re.Pattern[str]):
        self.pattern, self.before = pattern, before

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return (m for m in self.pattern.finditer(text) if not self.before.search(text[: m.start()]))

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


_SHORTER_PERIOD = re.compile(
    # "In de eerste vier maanden van dit jaar", "in the first eight months" (not six: a half-year;
    # not twelve: a year)
    r"\b(?:eerste|laatste|first|last) (?!zes\b|six\b|twaalf\b|twelve\b|12\b|6\b)(?:\w+ )?(?:maanden|months|weken|weeks)\b|"
    r"\b(?:kwartaal|(?:first|second|third|fourth|last|previous|each|per) quarter\b|Q[1-4]\b|per (?:dag|week|maand)|elke (?:dag|week|maand)|per day|a day|each day|per week|a week|per month|a month|each month|"
    r"(?:in|tot|tot en met|van|vanaf|t/m|since|until|from|in|tussen|between) (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"january|february|march|may|june|july|august|october|december)\b)"
    # ... but not the month a report came out in: "het in april verschenen jaarverslag", "published in May",
    # "de jaarcijfers die Offlimits in juli publiceerde", "die in juli zijn gepubliceerd"
    r"(?!\s+(?:(?:zijn|is|werd|werden|heeft|hebben)\s+)?(?:verschenen|verscheen|gepubliceerde?|gepubliceerd|publiceerden?"
    r"|uitgebrachte?|uitbracht|gepresenteerde?|presenteerden?|bekendmaakte|bekend maakte|naar buiten bracht|published|released)"
    # ... nor the month a report said something in: "In April, the IWF reported that of the 105,047 URLs it
    # confirmed in 2018, ...", "In april meldde het IWF dat ..."
    r"|,?\s+(?:(?:the|de|het|[A-Z][\w.-]*|its|zijn|haar)\s+){1,4}(?:reported|said|announced|stated|wrote|revealed|found)\s+(?:that\b|:)"
    r"|,?\s+(?:meldde|zei|schreef|stelde|onthulde|maakte)\s+(?:\S+\s+){1,4}?(?:bekend\s+)?dat\b)",
    re.I,
)
# A period shorter than a year ("in april", "per maand", "in the first eight months"), not the month
# a report came out in, said before it or after it: "the annual report published by the IWF in April
# 2022", "het in april verschenen jaarverslag".
SHORTER_PERIOD = _Unless(
    _SHORTER_PERIOD,
    re.compile(
        r"\b(?:published|released|verschenen|gepubliceerd|uitgebracht|presented|gepresenteerd)\b[^.;]{0,60}$"
        # the month something was said in: "..., the EOKM said in April", "meldde het meldpunt in april"
        # (or came out in: "..., zo bleek in april uit het jaarverslag", "it emerged in May")
        r"|\b(?:said|reported|announced|stated|wrote|emerged|zei|zegt|meldde|schreef|liet weten|maakte bekend|bleek|blijkt|werd bekend)\s+"
        r"(?:(?:het|de|the)\s+\w+\s+)?$",
        re.I,
    ),
)
DATE_OR_TIME = re.compile(
    r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:(?:19|20)\d\d|\d\d)\b|\b\d{1,2}[.:]\d\d\s*(?:uur|u\.|h|am|pm)\b|\b\d{1,2}:\d\d\b", re.I
)


# ---------------------------------------------------------------- one value per series


@dataclass
class Candidate:
    """A number a careful reader would not load without asking: for `kr review`."""

    sentence: str
    as_published: str
    value: float | None
    why: str
    indicator_id: str | None = None
    breakdown: str | None = None
    period: str | None = None
    qualifier: str = "exact"
    location: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def waiting(figures: list[dict], why: str, sentences: list[str] | None = None) -> list[dict]:
    """Figures a parser read but will not load, because their publication is refused as a whole
    (registered under another year, a figure stated twice, a table that does not add up): review
    candidates, each with its reading proposed, so nothing read is lost and nothing loads without
    someone's decision. sentences: each figure's sentence, where its quote is not one (a cell)."""
    return [
        Candidate(
            sentence if sentences is not None else (f.get("quote") or ""),
            f["as_published"],
            f["value"],
            why,
            f["indicator_id"],
            f["breakdown"],
            f["period"],
            f["qualifier"],
            f["location"],
        ).as_dict()
        for f, sentence in zip(figures, sentences if sentences is not None else [""] * len(figures), strict=True)
    ]


def agrees(a: dict, b: dict) -> bool:
    """Two statements of one series in one text: the same figure, one of them rounded? (The
    warehouse's rounding rule: reading.numbers.consistent_interval.) A headline's round number
    ("176.000 meldingen" above "176.523") is read as rounded: headlines round without saying so;
    "ruim 176.000" lies above 176,000, "bijna" below; a share written as a fraction ("bijna een
    kwart", coarse) is about five points wide."""

    def interval(f: dict):
        rounded = (
            f["text_part"] == "headline" and f["qualifier"] == "exact" and f["value"] == int(f["value"]) and f["value"] % 10 == 0
        )
        lo, hi = consistent_interval("approx" if rounded else f["qualifier"], f["value"], upper_bound=f.get("upper_bound"))
        if f.get("coarse") and f["qualifier"] == "approx":  # a share as a fraction ("een kwart"): five points either way
            lo, hi = f["value"] - 5, f["value"] + 5
        elif (rounded or f["qualifier"] == "approx") and f["value"] == int(f["value"]):
            # rounded to a five ("circa 145.000" for 144.058, "around 145,000"): half of five units either way
            digits = str(int(abs(f["value"])))
            zeros = len(digits) - len(digits.rstrip("0"))
            if zeros and digits.rstrip("0").endswith("5"):
                lo, hi = f["value"] - 2.5 * 10**zeros, f["value"] + 2.5 * 10**zeros
        word = f["as_published"].lower()
        if f["qualifier"] == "approx" and lo is not None and hi is not None:
            width = hi - lo
            if re.match(r"(?:ruim|over|just over|meer dan)\b", word):
                lo, hi = f["value"], f["value"] + width
            elif re.match(r"(?:bijna|nearly|almost|just under|nog geen)\b", word):
                lo, hi = f["value"] - width, f["value"]
        return lo, hi

    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    assert alo is not None and ahi is not None and blo is not None and bhi is not None
    return alo <= bhi and blo <= ahi


def better(a: dict, b: dict) -> dict:
    """Exact over rounded, body over headline."""
    rank = lambda f: (f["qualifier"] != "exact", f["text_part"] == "headline")  # noqa: E731
    return a if rank(a) <= rank(b) else b


# How a proposal says its period came from the year the file is registered under (never a load's):
# every reader writes these words, and what reads proposals back (below) looks for them.
REGISTERED_YEAR_WORDS = "the year it is registered under"


def rounded_take_their_figures_period(candidates: list[dict], figures: list[dict]) -> None:
    """A rounded number without a year of its own ("Recordaantal meldingen: ruim 400.000" over a
    body's "413.262 meldingen in 2021", "van 256 naar ruim 25.000" beside "Vorig jaar waren het er
    25.347"): the figure it rounds, stated exactly in the same text, gives the period proposed
    for it (in place), when every such figure of its indicator is of one period."""
    # (a candidate's period proposed from the year the file is registered under lends none: a period
    # never comes from the registered year alone)
    exact = [
        f
        for f in [*figures, *candidates]
        if f.get("indicator_id")
        and f.get("period")
        and f.get("qualifier") == "exact"
        and REGISTERED_YEAR_WORDS not in str(f.get("why") or "")
    ]
    for c in candidates:
        value = c.get("value")
        if not c.get("indicator_id") or value is None:
            continue
        rounded = c.get("qualifier") in ("approx", "lower_bound") or (
            c.get("qualifier") == "exact" and value >= 1000 and value % 1000 == 0
        )
        sentence = str(c.get("sentence") or c.get("quote") or "")
        sentence = blanked(sentence, date_spans(sentence))
        # (only a number the text gives no period by itself: not "dit jaar", "Dat jaar", a forecast)
        guessed = c.get("period") is None or re.search(r"\bno (?:period|year)\b", str(c.get("why") or ""))
        said = YEAR.search(sentence) or ANAPHORIC_PERIOD.search(sentence) or HALF_YEAR.search(sentence)
        if not rounded or not guessed or said or any(p.search(sentence) for p, _ in [*DEICTIC, *BACK]):
            continue
        statement = {
            "value": value,
            "qualifier": c.get("qualifier") or "exact",
            "text_part": "headline",
            "as_published": str(c.get("as_published") or ""),
            "upper_bound": c.get("upper_bound"),
        }
        periods = {
            str(f["period"])
            for f in exact
            if f is not c
            and f["indicator_id"] == c["indicator_id"]
            and (f.get("breakdown") or "total") == (c.get("breakdown") or "total")
            and f["value"] != value
            and agrees(statement, {"value": f["value"], "qualifier": "exact", "text_part": "body", "as_published": ""})
        }
        if len(periods) == 1 and (period := periods.pop()) != c.get("period"):
            c["period"] = period
            c["why"] = f"{c.get('why') or ''}; a rounded statement of a figure of {period} stated exactly in the text".lstrip(
                "; "
            )


class StatedTwice(ValueError):
    """One figure stated twice in one text with values that do not agree: the message says both."""


def one_per_series(figures: list[dict], candidates: list[dict]) -> list[dict]:
    """One statement per (indicator, period, breakdown) of a text: where two agree the exact
    one (or the body's) is kept and the other waits in review as a rounded statement of it
    (appended to candidates); two that do not agree raise StatedTwice."""
    chosen: dict[tuple, dict] = {}
    for fig in figures:
        key = (fig["indicator_id"], fig["period"], fig["breakdown"])
        if key not in chosen:
            chosen[key] = fig
        elif agrees(chosen[key], fig):
            kept = better(chosen[key], fig)
            dropped = fig if kept is chosen[key] else chosen[key]
            chosen[key] = kept
            if dropped["qualifier"] != kept["qualifier"] or dropped["value"] != kept["value"]:
                candidates.append(
                    Candidate(
                        dropped["quote"] or "",
                        dropped["as_published"],
                        dropped["value"],
                        f"a rounded statement of the figure stated exactly in {kept['location']} ({kept['value']:g})",
                        dropped["indicator_id"],
                        dropped["breakdown"],
                        dropped["period"],
                        dropped["qualifier"],
                        dropped["location"],
                    ).as_dict()
                )
        else:
            raise StatedTwice(
                f"{fig['indicator_id']} {fig['breakdown']} {fig['period']} is stated twice with different values: "
                f"{chosen[key]['value']:g} ({chosen[key]['location']}) and {fig['value']:g} ({fig['location']})"
            )
    loaded: list[dict] = []
    for key, fig in chosen.items():
        exact = next((c for c in candidates if _states_exactly(c, fig, key)), None) if _rounded(fig) else None
        if exact is None:
            loaded.append(fig)
            continue
        # "Meldpunt bekeek in 2017 bijna 155.000 URL's" above a body's 154.897 that waits in review:
        # the rounded statement waits beside it, it never loads in its place
        candidates.append(
            Candidate(
                fig["quote"] or "",
                fig["as_published"],
                fig["value"],
                f"a rounded statement of a figure the text states exactly in {exact['location']} ({exact['value']:g}), "
                "which waits in review",
                fig["indicator_id"],
                fig["breakdown"],
                fig["period"],
                fig["qualifier"],
                fig["location"],
            ).as_dict()
        )
    return loaded


def _rounded(fig: dict) -> bool:
    """Rounded or bounded as written, or a headline's round number."""
    return fig["qualifier"] != "exact" or (
        fig["text_part"] == "headline" and fig["value"] == int(fig["value"]) and fig["value"] % 10 == 0
    )


def _states_exactly(candidate: dict, fig: dict, key: tuple) -> bool:
    """Does a waiting number state exactly what a rounded figure of the same series rounds?"""
    value = candidate.get("value")
    if value is None or candidate.get("qualifier", "exact") != "exact" or value == fig["value"]:
        return False
    if (candidate.get("indicator_id"), candidate.get("period"), candidate.get("breakdown") or "total") != key:
        return False
    return agrees(
        fig, {"value": value, "qualifier": "exact", "text_part": "body", "as_published": str(candidate.get("as_published", ""))}
    )


def national_frame(figures: list[dict]):
    """The chosen figures of a prose text as observation rows of the Netherlands (a text's
    figures are national ones), each with the words it was printed in (`as_published`)."""
    from ..observations import frame

    return frame(national_rows(figures))


def national_rows(figures: list[dict]) -> list[dict]:
    """The chosen figures of a prose text as observation rows (dicts) of the Netherlands."""
    from ..observations import observation

    return [
        observation(
            country_iso3="NLD",
            country_name="Netherlands",
            area_type="country",
            label_as_published=None,
            footnote=None,
            **{k: v for k, v in fig.items() if k != "coarse"},
        )
        for fig in figures
    ]
