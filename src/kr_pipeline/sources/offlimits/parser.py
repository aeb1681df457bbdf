"""Offlimits (Meldpunt Kinderporno): annual figures from Dutch prose (news item, jaarverslag,
press coverage).

A figure is read by the meaning of its sentence, not by one pattern per phrasing: every
number is taken with what a careful reader would need to know about it,

- its unit noun (meldingen, URL's, afbeeldingen, %), where it stands after the number, or
  before it for "Van die meldingen kwamen er 236.743 uit Nederland", or that of the number it
  is compared with ("tegenover 255.563 in 2023");
- its period: a year bound to the number ("255.563 in 2023", "een jaar eerder"), else the
  sentence's own year (not a comparison base such as "ten opzichte van 2023"), else the
  year of the previous sentence of the paragraph, of the heading, or of the publication;
  "vorig jaar" / "het jaar daarvoor" count back from a year the text states (sentence,
  paragraph, heading or title), never from the registered year alone (the date of writing
  is not known); "(2021: 413.262)" binds 2021 to that number only; "eerste helft" /
  "halfjaar" make a half-year period, never the annual one;
- its organisation: a sentence about the police, NCMEC, IWF or another hotline is not about
  Offlimits;
- its rounding word ("circa", "ruim", "zo'n", "bijna", "ongeveer" -> approx, "meer dan" ->
  lower_bound);
- where it stands: the title or a heading (often rounded) or the body.

The measure follows from the unit and the words of the number's own clause (MEASURES;
brackets, colons, semicolons and dashes end a clause); a compared number measures what the
number it is compared with measures. Bullet lines are items of their own, even under a heading
line. A number that has a
unit but not a clear measure, period or organisation is not loaded: it becomes a review
candidate with its sentence and the reason (`kr review`). Meldingen and URL's never mix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...observations import ParsedPublication, frame, observation
from ...reading.context import ParseContext, context_for
from ...reading.documents import normalise, sentences
from ...reading.numbers import DUTCH_WORDS, consistent_interval, parse_number

SOURCE_ID = "offlimits"

# ---------------------------------------------------------------- vocabulary

_NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?![\d.]\d)"
_QUALIFIERS = {
    "circa": "approx",
    "ca.": "approx",
    "ruim": "approx",
    "zo'n": "approx",
    "bijna": "approx",
    "ongeveer": "approx",
    "rond de": "approx",
    "meer dan": "lower_bound",
    "ruim meer dan": "lower_bound",
    "minimaal": "lower_bound",
    "ten minste": "lower_bound",
    "minstens": "lower_bound",
}
_UNITS = {  # unit noun (as the text prints it) -> unit
    "meldingen": "reports",
    "melding": "reports",
    "url's": "URLs",
    "urls": "URLs",
    "url’s": "URLs",
    "webadressen": "URLs",
    "afbeeldingen": "images",
    "beelden": "images",
    "foto's": "images",
    "%": "percent",
    "procent": "percent",
}
_UNIT_RE = re.compile(r"^(?:" + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True)) + r")(?![\w'])", re.I)
_OFFLIMITS = re.compile(
    r"\b(?:Offlimits|Meldpunt(?: Kinderporno)?|meldpunt|EOKM|Expertisebureau Online Kindermisbruik|we|wij|ons)\b"
)
_OTHERS = re.compile(
    r"\b(?:politie|NCMEC|IWF|Internet Watch Foundation|INHOPE|Inhope|Europol|Interpol|FBI|"
    r"Helpwanted|Centrum Kinderhandel|CKM|Fier|Nationaal Rapporteur|andere meldpunten|buitenlandse meldpunten)\b"
)
_COMPARE_BEFORE = re.compile(r"(?:tegenover|vergeleken met|ten opzichte van|dan|van|naar|t\.o\.v\.)\s*$", re.I)
_BASE_YEAR = re.compile(r"(?:ten opzichte van|vergeleken met|t\.o\.v\.|sinds|tegenover|dan in|dan)\s+(?:het jaar\s+)?$", re.I)
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)")
_RELATIVE = [  # phrase -> years back from the context year
    (re.compile(r"\b(?:vorig|vorige|afgelopen) jaar\b", re.I), 1),
    (re.compile(r"\b(?:een|één) jaar (?:eerder|daarvoor|ervoor|geleden)\b", re.I), 1),
    (re.compile(r"\bhet (?:jaar daarvoor|jaar ervoor|voorgaande jaar|vorige jaar)\b", re.I), 1),
    (re.compile(r"\btwee jaar (?:eerder|daarvoor|geleden)\b", re.I), 2),
]
_HALF = re.compile(r"\b(eerste|tweede) (?:helft|halfjaar|half jaar)\b|\b(?:het )?(eerste|tweede) halfjaar\b", re.I)


@dataclass(frozen=True)
class Measure:
    indicator_id: str
    breakdown: str
    unit: str


# (unit, words that must stand in the number's clause or sentence) -> measure. First match wins.
MEASURES: list[tuple[str, re.Pattern, Measure]] = [
    ("reports", re.compile(r"\buit Nederland\b", re.I), Measure("offlimits.reports", "from_netherlands", "reports")),
    ("reports", re.compile(r"\b(?:uit het buitenland|buitenlandse)\b", re.I), Measure("", "", "")),  # not a catalog series
    (
        "reports",
        re.compile(
            r"\b(?:ontv\w*|verwerk\w*|kreeg|kregen|binnen\w*|registreer\w*|behandel\w*|telde|in totaal|aantal meldingen)\b"
            r"|^\W*[\d.]+\s+meldingen\W*$",
            re.I,
        ),
        Measure("offlimits.reports", "total", "reports"),
    ),
    ("URLs", re.compile(r"\b(?:illega\w*|strafba\w*)\b", re.I), Measure("offlimits.urls_illegal", "total", "URLs")),
    (
        "URLs",
        re.compile(r"\b(?:analyse|geanalyseerd\w*|beoordeeld\w*|onderzocht\w*|verwerkt\w*)\b", re.I),
        Measure("offlimits.urls_analysed", "total", "URLs"),
    ),
    ("images", re.compile(r"\b(?:AI|kunstmatige intelligentie)\b"), Measure("offlimits.ai_images", "total", "images")),
    ("percent", re.compile(r"\bbinnen 24 uur\b", re.I), Measure("offlimits.removal_within_24h_share", "total", "percent")),
    (
        "percent",
        re.compile(r"\b(?:stijging|toename|groei|daling|afname)\b.*\bURL", re.I),
        Measure("offlimits.urls_analysed_change", "total", "percent_change"),
    ),
    (
        "percent",
        re.compile(r"\bURL.*\b(?:stijging|toename|groei|daling|afname)\b", re.I),
        Measure("offlimits.urls_analysed_change", "total", "percent_change"),
    ),
]
_DECLINE = re.compile(r"\b(?:daling|afname|daalde|nam af)\b", re.I)
_FRACTION = re.compile(
    r"\b(?P<qual>ongeveer |circa |bijna |ruim )?(?P<a>één|een|\d+) op de (?P<b>\w+) (?P<noun>afbeeldingen|beelden|meldingen)\b",
    re.I,
)


# ---------------------------------------------------------------- reading the text


_BLOCK_TAGS = ["h1", "h2", "h3", "h4", "p", "li", "td", "dd", "div", "section", "blockquote", "figcaption", "table", "ul", "ol"]


@dataclass
class Block:
    kind: str  # title | heading | body | item
    text: str


def blocks_of(data: bytes) -> list[Block]:
    """The document as blocks: title, headings, paragraphs and list items, in order. HTML
    pages lose their navigation, header, footer, scripts and styles."""
    raw = data.decode("utf-8", errors="replace")
    if re.search(r"<(html|body|p|div|article|h1)\b", raw[:5000], re.I):
        from ...reading.markup import soup_of

        soup = soup_of(raw)
        for tag in soup.find_all(["script", "style", "nav", "footer", "header", "aside", "form", "noscript"]):
            tag.decompose()
        out: list[Block] = []
        if soup.title and soup.title.get_text(strip=True):
            out.append(Block("title", normalise(soup.title.get_text(" "))))
        for el in soup.find_all("br"):
            el.replace_with("\n")
        root = soup.find("article") or soup.find("main") or soup.body or soup
        for el in root.find_all(["h1", "h2", "h3", "h4", "p", "li", "td", "dd", "div", "section", "blockquote", "figcaption"]):
            if el.find(_BLOCK_TAGS):  # a container: its children speak
                continue
            text = normalise(el.get_text(" "))
            if text:
                kind = "heading" if el.name in ("h1", "h2", "h3", "h4") else "item" if el.name in ("li", "td", "dd") else "body"
                out.append(Block(kind, text))
        return out
    out = []
    for n, para in enumerate(re.split(r"\n\s*\n", raw)):
        lines = [ln.strip() for ln in para.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        bullets = [i for i, ln in enumerate(lines) if re.match(r"^[•\-*–]\s+", ln)]
        if bullets and bullets[0] > 0:  # "Kerncijfers" above a list: a heading, then its items
            head = " ".join(lines[: bullets[0]])
            out.append(Block("heading" if len(head) < 120 and not re.search(r"[.!?]$", head) else "body", normalise(head)))
            lines = lines[bullets[0] :]
        if bullets and all(re.match(r"^[•\-*–]\s+", ln) for ln in lines):
            out += [Block("item", normalise(re.sub(r"^[•\-*–]\s+", "", ln))) for ln in lines]
        elif bullets:  # a list with continuation lines: each bullet with the lines under it
            item: list[str] = []
            for ln in lines:
                if re.match(r"^[•\-*–]\s+", ln) and item:
                    out.append(Block("item", normalise(" ".join(item))))
                    item = []
                item.append(re.sub(r"^[•\-*–]\s+", "", ln))
            out.append(Block("item", normalise(" ".join(item))))
        elif (
            len(lines) == 1 and len(lines[0]) < 120 and not re.search(r"[.!?]$", lines[0]) and re.search(r"[A-Za-z]{3}", lines[0])
        ):
            out.append(Block("title" if n == 0 else "heading", normalise(lines[0])))
        else:
            out.append(Block("body", normalise(" ".join(lines))))
    return out


@dataclass
class Mention:
    """A number in a sentence and what the sentence says about it."""

    value: float
    as_published: str
    start: int
    end: int
    qualifier: str = "exact"
    unit: str | None = None
    unit_from: str = ""  # "after", "before", "compared"
    bound_year: int | None = None  # "255.563 in 2023"
    bound_year_at: int | None = None  # where that year stands in the sentence
    years_back: int | None = None  # "307.021 een jaar eerder": 1
    years_back_at: int | None = None  # where that phrase stands in the sentence


def _qualifier_before(sentence: str, start: int) -> tuple[str, int]:
    before = sentence[:start].rstrip().lower()
    for word, qualifier in sorted(_QUALIFIERS.items(), key=lambda kv: -len(kv[0])):
        if before.endswith(word) and (len(before) == len(word) or not before[-len(word) - 1].isalnum()):
            return qualifier, start - (len(sentence[:start]) - len(sentence[:start].rstrip())) - len(word)
    return "exact", start


def _numbers(sentence: str) -> list[Mention]:
    out = []
    for m in re.finditer(_NUMBER, sentence):
        token = m.group(0)
        after = sentence[m.end() : m.end() + 12].lstrip().lower()
        if _YEAR.fullmatch(token) and not _UNIT_RE.match(after):
            continue  # a year, not a figure
        value = parse_number(token, "nl")
        qualifier, start = _qualifier_before(sentence, m.start())
        out.append(Mention(value, sentence[start : m.end()], m.start(), m.end(), qualifier))
    return out


def _bind_units(sentence: str, mentions: list[Mention]) -> None:
    for i, mt in enumerate(mentions):
        after = sentence[mt.end :].lstrip()
        # "127.081 meldingen", "230.759 URL's", "12,5%", "1.344 afbeeldingen"; one adjective may
        # stand between ("603.062 geanalyseerde URL's", "236.743 unieke meldingen").
        adjective = re.match(r"^[a-z\-]+\s+", after)
        m = _UNIT_RE.match(after) or (adjective and _UNIT_RE.match(after[adjective.end() :]))
        if m:
            mt.unit, mt.unit_from = _UNITS[m.group(0).lower()], "after"
            continue
        before = sentence[: mt.start]
        if _COMPARE_BEFORE.search(_strip_qualifier(before)) and i > 0 and mentions[i - 1].unit:
            mt.unit, mt.unit_from = mentions[i - 1].unit, "compared"
            continue
        anaphora = re.search(
            r"\b(?:(?:Van|van) (?:die|deze|de|alle)|[Hh]et (?:aantal|totaal(?: aantal)?)) (meldingen|URL[’']?s|afbeeldingen)\b",
            before,
        )
        if anaphora:
            mt.unit, mt.unit_from = _UNITS[anaphora.group(1).lower().replace("’", "'")], "before"


def _strip_qualifier(text: str) -> str:
    low = text.rstrip()
    for word in sorted(_QUALIFIERS, key=len, reverse=True):
        if low.lower().endswith(word):
            return low[: -len(word)].rstrip()
    return low


def _bind_period(sentence: str, mt: Mention, next_start: int) -> None:
    """A year bound to the number: "255.563 in 2023", or relative: "307.021 een jaar eerder"."""
    window = sentence[mt.end : next_start][:60]
    window = re.split(r"[;:]|\), |, (?:een|dat|wat|terwijl|maar)\b", window)[0]
    m = re.match(r"^\s*(?:[A-Za-z'’\-]+\s+){0,6}?(?:in|over|uit)\s+((?:19|20)\d\d)\b", window)
    if m:
        mt.bound_year, mt.bound_year_at = int(m.group(1)), mt.end + m.start(1)
        return
    for pattern, back in _RELATIVE:
        r = pattern.search(window)
        if r and r.start() < 40:
            mt.years_back, mt.years_back_at = back, mt.end + r.start()
            return


def _sentence_relative(sentence: str, mentions: list[Mention]) -> list[int]:
    """Relative periods the sentence is about ("is vorig jaar gedaald naar ..."): years back,
    for each such phrase not bound to one number."""
    bound = {mt.years_back_at for mt in mentions}
    found = []
    for pattern, back in _RELATIVE:
        for r in pattern.finditer(sentence):
            if not any(b is not None and r.start() <= b < r.end() for b in bound):
                found.append(back)
    return sorted(set(found))


def _sentence_years(sentence: str, mentions: list[Mention]) -> list[int]:
    """Years the sentence is about: not bound to a number, not a comparison base."""
    years = []
    for m in _YEAR.finditer(sentence):
        if any(mt.start <= m.start() < mt.end or mt.bound_year_at == m.start() for mt in mentions):
            continue
        if re.match(r"\s*:\s*\d", sentence[m.end() :]):  # "(2021: 413.262)": that number's year only
            continue
        if _BASE_YEAR.search(sentence[: m.start()]):
            continue
        years.append(int(m.group(1)))
    return sorted(set(years))


_CLAUSE_EDGE = re.compile(r"[;:()]|\s[-–•]\s")


def _clause(sentence: str, mt: Mention) -> str:
    """The part of the sentence the number stands in: between colons, semicolons, brackets and
    dashes ("144.000 meldingen (2021: 413.262) - 600.000 URL's geanalyseerd")."""
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence[: mt.start])), default=0)
    right = _CLAUSE_EDGE.search(sentence, mt.end)
    return sentence[left : right.start() if right else len(sentence)]


def _measure(sentence: str, mt: Mention, compared: Measure | None = None) -> Measure | None:
    """What the number measures: a compared number ("tegenover 255.563") measures what the
    number it is compared with measures; any other by the words of its own clause."""
    if mt.unit_from == "compared":
        return compared
    clause = _clause(sentence, mt)
    for unit, words, measure in MEASURES:
        if unit == mt.unit and words.search(clause):
            return measure if measure.indicator_id else None
    return None


@dataclass
class Candidate:
    """A number a careful reader would not load without asking: for `kr review`."""

    sentence: str
    as_published: str
    value: float
    why: str
    indicator_id: str | None = None
    breakdown: str | None = None
    period: str | None = None
    qualifier: str = "exact"
    location: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def read(data: bytes, year: int) -> tuple[list[dict], list[Candidate], set[int]]:
    """Figures (dicts for observation()), review candidates, and the years the title states."""
    figures: list[dict] = []
    candidates: list[Candidate] = []
    title_years: set[int] = set()
    heading_year: int | None = None
    number = 0
    for block in blocks_of(data):
        stated = sorted({int(y) for y in _YEAR.findall(block.text)})
        if block.kind == "title":
            title_years |= set(stated)
        if block.kind in ("title", "heading"):  # a heading's year holds until the next heading
            heading_year = stated[0] if len(stated) == 1 and re.search(r"[A-Za-z]{3}", block.text) else None
        paragraph_year = None
        for sentence in sentences(block.text) if block.kind == "body" else [block.text]:
            number += 1
            location = f"sentence {number} ({block.kind})"
            mentions = _numbers(sentence)
            _bind_units(sentence, mentions)
            for i, mt in enumerate(mentions):  # years bound to a number are that number's only
                _bind_period(sentence, mt, mentions[i + 1].start if i + 1 < len(mentions) else len(sentence))
            own = _sentence_years(sentence, mentions)
            context = own[0] if len(own) == 1 else paragraph_year or heading_year or year
            anchored = len(own) == 1 or bool(paragraph_year or heading_year)  # a year the text states
            own_relative = _sentence_relative(sentence, mentions)
            if len(own) == 1:
                paragraph_year = own[0]
            half = _HALF.search(sentence)
            org_other, org_self = bool(_OTHERS.search(sentence)), bool(_OFFLIMITS.search(sentence))
            frac = _FRACTION.search(sentence)
            if frac and re.search(r"self[- ]generated|zelfgemaakt|zelf gemaakt", sentence, re.I):
                a, b = (
                    DUTCH_WORDS.get(x.lower(), 1 if x.lower() == "een" else None) if not x.isdigit() else int(x)
                    for x in (frac.group("a"), frac.group("b"))
                )
                if a is not None and b:
                    figures.append(
                        dict(
                            indicator_id="offlimits.self_generated_share",
                            breakdown="total",
                            unit="percent",
                            value=round(100 * a / b),
                            qualifier="approx",
                            year=context,
                            period=str(context),
                            quote=sentence,
                            location=location,
                            text_part="headline" if block.kind in ("title", "heading") else "body",
                        )
                    )
                continue
            measures: list[Measure | None] = []
            for i, mt in enumerate(mentions):
                measures.append(_measure(sentence, mt, measures[i - 1] if i else None))
                if mt.unit is None:
                    if mt.value >= 1000:
                        candidates.append(
                            Candidate(
                                sentence,
                                mt.as_published,
                                mt.value,
                                "a number without a unit (meldingen, URL's, afbeeldingen, %)",
                                location=location,
                            )
                        )
                    continue
                if mt.bound_year is not None:
                    fig_year = mt.bound_year
                elif mt.years_back is not None and not anchored:
                    candidates.append(
                        Candidate(
                            sentence,
                            mt.as_published,
                            mt.value,
                            "a year relative to the date of writing ('vorig jaar'), and the text states no year to count from",
                            location=location,
                            qualifier=mt.qualifier,
                        )
                    )
                    continue
                elif mt.years_back is not None:
                    fig_year = context - mt.years_back
                elif own_relative and len(own) != 1:
                    if len(own_relative) > 1 or not anchored:
                        candidates.append(
                            Candidate(
                                sentence,
                                mt.as_published,
                                mt.value,
                                "a year relative to the date of writing ('vorig jaar'), and the text states no year to count from"
                                if anchored is False
                                else f"the sentence names several relative years {own_relative}",
                                location=location,
                                qualifier=mt.qualifier,
                            )
                        )
                        continue
                    fig_year = context - own_relative[0]
                elif len(own) > 1:
                    candidates.append(
                        Candidate(
                            sentence,
                            mt.as_published,
                            mt.value,
                            f"the sentence names several years {own}: which one is this figure's?",
                            location=location,
                            qualifier=mt.qualifier,
                        )
                    )
                    continue
                else:
                    fig_year = context
                period = str(fig_year)
                if half:
                    period = f"{fig_year}-H{1 if (half.group(1) or half.group(2)).lower() == 'eerste' else 2}"
                measure = measures[i]
                why = None
                if org_other and not org_self:
                    why = "a figure of another organisation, not of Offlimits"
                elif org_other and org_self:
                    why = "the sentence names Offlimits and another organisation: whose figure is this?"
                elif measure is None:
                    why = f"no known Offlimits measure for {mt.unit} in this sentence"
                elif half and measure.indicator_id:
                    why = "a half-year figure: the catalog holds annual figures only"
                if why:
                    candidates.append(
                        Candidate(
                            sentence,
                            mt.as_published,
                            mt.value,
                            why,
                            measure.indicator_id if measure else None,
                            measure.breakdown if measure else None,
                            period,
                            mt.qualifier,
                            location,
                        )
                    )
                    continue
                assert measure is not None  # no measure is a reason (why) above
                value = mt.value
                if measure.unit == "percent_change" and _DECLINE.search(sentence):
                    value = -value
                figures.append(
                    dict(
                        indicator_id=measure.indicator_id,
                        breakdown=measure.breakdown,
                        unit=measure.unit,
                        value=value,
                        qualifier=mt.qualifier,
                        year=fig_year,
                        period=period,
                        quote=sentence,
                        location=location,
                        text_part="headline" if block.kind in ("title", "heading") else "body",
                    )
                )
    return figures, candidates, title_years


def _agrees(a: dict, b: dict) -> bool:
    """Two statements of one series in one text: the same figure, one of them rounded? (The
    warehouse's rounding rule: reading.numbers.consistent_interval.)"""
    (alo, ahi), (blo, bhi) = (consistent_interval(f["qualifier"], f["value"]) for f in (a, b))
    assert alo is not None and ahi is not None and blo is not None and bhi is not None
    return alo <= bhi and blo <= ahi


def _better(a: dict, b: dict) -> dict:
    """Exact over rounded, body over headline."""
    rank = lambda f: (f["qualifier"] != "exact", f["text_part"] == "headline")  # noqa: E731
    return a if rank(a) <= rank(b) else b


def parse(data: bytes, year: int, file: str = "?", context: ParseContext | None = None) -> ParsedPublication:
    fail = context_for(SOURCE_ID, year, file, context).fail

    figures, candidates, title_years = read(data, year)
    if title_years and year not in title_years:
        raise fail(
            f"the title states year(s) {sorted(title_years)}, but it is registered as {year}: register it under its own year"
        )
    if not figures:
        raise fail(
            "no Offlimits figures recognised in the text (layout or wording changed?)"
            + (f"; {len(candidates)} candidates for review" if candidates else ""),
            candidates=[c.as_dict() for c in candidates],
        )
    chosen: dict[tuple, dict] = {}
    for fig in figures:
        key = (fig["indicator_id"], fig["period"], fig["breakdown"])
        if key not in chosen:
            chosen[key] = fig
        elif _agrees(chosen[key], fig):
            chosen[key] = _better(chosen[key], fig)
        else:
            raise fail(
                f"{fig['indicator_id']} {fig['period']} is stated twice with different values: "
                f"{chosen[key]['value']:g} ({chosen[key]['location']}) and {fig['value']:g} ({fig['location']})"
            )
    rows = [
        observation(
            country_iso3="NLD", country_name="Netherlands", area_type="country", label_as_published=None, footnote=None, **fig
        )
        for fig in chosen.values()
    ]
    notes = [f"{len(candidates)} numbers not loaded, waiting for review"] if candidates else []
    return ParsedPublication(SOURCE_ID, year, file, frame(rows), notes, candidates=[c.as_dict() for c in candidates])
