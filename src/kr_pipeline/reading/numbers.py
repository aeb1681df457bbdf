"""Shared number helpers: published text -> exact numbers, or an error. Never a guess."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from text_to_num import text2num  # type: ignore[import-untyped]  # no stubs

# A count as publishers print it. English uses "," for thousands, Dutch uses ".";
# both sometimes print none ("8100") or a (narrow) space. A stray space after the
# separator ("117, 544") happens in IWF prose.
_EN_COUNT = re.compile(r"^\d{1,3}(?:,\s?\d{3})+$|^\d+$")
_NL_COUNT = re.compile(r"^\d{1,3}(?:\.\s?\d{3})+$|^\d+$")
_SPACE_COUNT = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$")
_DASHES = {"-", "\u2013", "\u2014", "n/a", ""}


class NumberFormatError(ValueError):
    pass


def is_no_value(text: str) -> bool:
    """True for the publishers' "no value" marks ("-", en/em dash, empty)."""
    return text.strip().lower() in _DASHES


def parse_count(text: str, style: str = "en") -> int:
    """Parse a non-negative whole count, e.g. "72,913" (en) or "127.081" (nl).

    Raises NumberFormatError for anything that is not unambiguously a whole count,
    including decimals such as "1.5" in English style and "72,913" in Dutch style.
    """
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if style not in ("en", "nl"):
        raise ValueError(f"unknown number style {style!r}")
    pattern = _EN_COUNT if style == "en" else _NL_COUNT
    if pattern.match(s) or _SPACE_COUNT.match(s):
        return int(re.sub(r"[^\d]", "", s))
    raise NumberFormatError(f"not a whole count in {style} style: {text!r}")


_PERCENT = re.compile(r"^(?P<sign>[+\-\u2212]?)\s*(?P<num>\d+(?:[.,]\d+)?)\s*%$")


def parse_percent(text: str) -> float:
    """Parse "29%", "+3%", "-4%", "0%", "41.4%" (or Dutch "41,4%") into a number of percent."""
    s = text.strip()
    m = _PERCENT.match(s)
    if not m:
        raise NumberFormatError(f"not a percentage: {text!r}")
    value = float(m.group("num").replace(",", "."))
    if m.group("sign") in ("-", "\u2212"):
        value = -value
    return value + 0.0  # normalise -0.0 to 0.0


# Dutch number words as they appear in prose ("Drie van hen", "geen B8/3-vergunning").
DUTCH_WORDS = {
    "geen": 0,
    "nul": 0,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "twintig": 20,
    "honderd": 100,
}
# English number words, for English prose ("fewer than ten").
ENGLISH_WORDS = {
    "no": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "hundred": 100,
}
# ---- numbers as written in prose: find_numbers ----

# Format characters (Unicode category Cf: zero-width space and joiners, word joiner, soft hyphen,
# byte-order mark, bidi marks, ...) are invisible in a PDF or web page but split a digit run for a
# regex: "127\u200b081" would read as 127 and 81. Inside a number they make it unreadable.
_CF = "".join(c for c in map(chr, [*range(0x10000), *range(0xE0000, 0xE0080)]) if unicodedata.category(c) == "Cf")
_CF_CLASS = "[" + re.escape(_CF) + "]"
# Digits are grouped by thousands with the language's separator, or with a space, a no-break space,
# a narrow no-break space or a thin space.
_GROUP_SPACES = " \u00a0\u202f\u2009"
_SEPARATORS = {"nl": (".", ","), "en": (",", ".")}  # (thousands, decimal)
# A run of digits, joined by "." / "," (when a digit follows) or by format characters. Grouping
# spaces are joined afterwards (_join_space_groups): only a 3-digit group is joined.
_DIGIT_RUN = re.compile(rf"(?<![\d.,])\d(?:[\d{re.escape(_CF)}]|[.,](?={_CF_CLASS}*\d))*")
_NOTATION = {
    "nl": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"),
    "en": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"),
}
_LANGUAGE = {"nl": "Dutch", "en": "English"}
# Scale words that may follow digits ("0,6 miljoen", "1.2 million").
_SCALES = {
    "nl": {"duizend": 1000, "miljoen": 10**6, "miljard": 10**9},
    "en": {"thousand": 1000, "million": 10**6, "billion": 10**9},
}
# At these scales a publication writes the number rounded and says so with the scale word.
_ROUNDED_SCALES = {"miljoen", "miljard", "million", "billion"}
# Abbreviated scales right after the digits: "117k", "4.6k", "1.2m", "3bn" (English); "117k",
# "2,9 mln", "1,1 mld" (Dutch). Never a unit: "5 km", "10 m" (metres) and "4K video" stay apart
# (a letter after the abbreviation, a space before a lone m, a k before a letter).
_SHORT_SCALES = {"k": 1000, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "mld": 10**9, "mrd": 10**9}
_SHORT_SCALE = {
    "en": re.compile(r"(k|m|mn|bn)(?![^\W\d_])", re.I),
    "nl": re.compile(r"(?:(k)|\s?(mln\.?|mld\.?|mrd\.?))(?![^\W\d_])", re.I),
}
# Articles ("een melding", "a report") and English "one" ("one of the"): a number only at the
# head of a larger one ("een miljoen", "a thousand", "one hundred").
_ARTICLES = {"nl": {"een"}, "en": {"a", "an", "one"}}
# Scale words that are not a number without a head: "per million", "per miljoen inwoners".
_HEADLESS = {"nl": {"miljoen", "miljard"}, "en": {"hundred", "thousand", "million", "billion"}}
_WORD = re.compile(rf"[^\W\d_]+(?:(?:-|{_CF_CLASS}+)[^\W\d_]+)*")
_HALF = {
    # "een half miljoen" (0.5), "anderhalf miljoen" (1.5), "tweeënhalf miljoen" (2.5)
    "nl": re.compile(
        r"(?<![^\W\d_])(?:(?:een|één)\s+(?P<half>half)|(?P<one_half>anderhalf|anderhalve)"
        r"|(?P<whole>[^\W\d_]+?)(?:ën|en)half)\s+(?P<scale>duizend|miljoen|miljard)(?![^\W\d_])",
        re.I,
    ),
    # "half a million", "a half million", "one and a half million", "two and a half billion"
    "en": re.compile(
        r"(?<![^\W\d_])(?:(?P<half>half\s+an?|an?\s+half)|(?P<whole>[^\W\d_]+(?:-[^\W\d_]+)?)\s+and\s+a\s+half)"
        r"\s+(?P<scale>thousand|million|billion)(?![^\W\d_])",
        re.I,
    ),
}
# Rounding words before a number: the qualifier they give. The longest is tried first
# ("ruim meer dan" before "ruim", "just under" before "under").
_ROUNDING = {
    "nl": {
        "circa": "approx",
        "ca.": "approx",
        "ruim": "approx",
        "zo'n": "approx",
        "bijna": "approx",
        "ongeveer": "approx",
        "rond de": "approx",
        "rond": "approx",
        "naar schatting": "approx",
        "meer dan": "lower_bound",
        "ruim meer dan": "lower_bound",
        "minimaal": "lower_bound",
        "ten minste": "lower_bound",
        "minstens": "lower_bound",
        "minder dan": "suppressed",
        "nog geen": "suppressed",
    },
    "en": {
        "about": "approx",
        "around": "approx",
        "approximately": "approx",
        "roughly": "approx",
        "some": "approx",
        "nearly": "approx",
        "almost": "approx",
        "over": "approx",
        "just over": "approx",
        "just under": "approx",
        "an estimated": "approx",
        "more than": "lower_bound",
        "at least": "lower_bound",
        "upwards of": "lower_bound",
        "fewer than": "suppressed",
        "less than": "suppressed",
        "under": "suppressed",
    },
}
# Every rounding word of both languages as one regex fragment ("ruim|bijna|...|more than"), longest
# first: for the readers' patterns of a number with the words before it ("Almost 28,000", "tegen
# ruim 126.000"); a number's own qualifier is still read by find_numbers.
ROUNDING_WORDS = "|".join(
    re.escape(w).replace("'", "['\u2019]").replace(r"\ ", r"\s+")
    for w in sorted({w for words in _ROUNDING.values() for w in words}, key=lambda w: (-len(w), w))
)
# An optional rounding word and its space before a number ("ruim 28.000", "Almost 28,000").
ROUNDING_WORD_BEFORE = r"(?:(?:" + ROUNDING_WORDS + r")\s+)?"
_ROUNDING_RE = {
    lang: re.compile(
        r"(?<![^\W_])(?P<word>"
        + "|".join(re.escape(w).replace("'", "['\u2019]").replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        + r")\s+[+\u2212]?\Z",  # (a sign between: a key figure's "ca. +60%")
        re.I,
    )
    for lang, words in _ROUNDING.items()
}


@dataclass(frozen=True)
class Found:
    """A number in prose as published (find_numbers)."""

    start: int  # the span in the text, including a rounding word before it ("ruim 0,6 miljoen")
    end: int
    text: str  # text[start:end], as published
    value: float | None  # the number as written; None when it cannot be read (problem says why)
    qualifier: str  # exact | approx | lower_bound | suppressed (Qualified's vocabulary)
    upper_bound: float | None  # for "suppressed": the largest value the text allows
    number_start: int  # where the number itself starts (after the rounding word)
    is_year: bool  # a bare 4-digit 1900-2099, no grouping, no scale word, no "%" after it
    words: bool  # the number starts with a word ("driehonderdduizend", "half a million")
    problem: str | None  # why the value is None

    def qualified(self) -> Qualified:
        """The figure in the indicator contract's terms; refuses an unreadable number."""
        if self.value is None:
            raise NumberFormatError(f"cannot read {self.text!r}: {self.problem}")
        if self.qualifier == "suppressed":
            return Qualified("suppressed", upper_bound=self.upper_bound)
        return Qualified(self.qualifier, value=self.value)


def find_numbers(text: str, lang: str) -> list[Found]:
    """Every number in a piece of prose ("nl" or "en"), in order, as the publication wrote it.

    Digits: grouped by the language's thousands separator ("127.081" nl, "144,058" en) or by a
    space, no-break space, narrow no-break space or thin space ("127 081": a first group of 1-3
    digits, then groups of 3, so "2023 127" and "12 13" stay two numbers but "12 130" is one);
    decimals by language
    ("12,5" nl, "12.5" en). A run of digits is one number or none: a run the language does not
    write ("1.5" in Dutch), with a leading zero ("081") or with an invisible format character
    inside ("127\u200b081") is found with value None and a problem, never read in pieces. A "%"
    after the number stays outside the span (callers bind units).

    Words (Dutch and English, read by text2num): "driehonderdduizend", "twintig", "vijftienhonderd",
    "three hundred thousand", "één", "ten"; a scale word after digits ("0,6 miljoen", "1.2 million");
    halves ("een half miljoen", "anderhalf miljoen", "half a million"). An article alone is not a
    number: "een melding", "a report" and "one of them" give nothing, "één melding" and "two reports"
    do. "geen" and "no" give nothing either (numbers_in reads them as 0), nor do plurals
    ("thousands of", "honderden"), ordinals ("tweede") or a scale word without a head ("per miljoen").

    The qualifier: a rounding word right before the number sets it and is part of the span
    ("ruim", "circa", "about" -> approx; "meer dan", "at least" -> lower_bound, and so is a "+"
    right after the digits, "220.000+"; "minder dan", "nog
    geen", "fewer than" -> suppressed, with upper_bound one below a whole number, else the number).
    Without one, the publication's own form is the guide: a number written with miljoen, miljard,
    million or billion ("3 miljoen", "drie miljoen", "0,6 miljoen") or with a half ("half a
    million", "anderhalf miljoen"), or a decimal before duizend/thousand ("2,5 duizend"), is
    written rounded and is approx, to the precision its digits state (half_unit's rule:
    "0,6 miljoen" is 550.000-650.000). A number in digits or written out in words
    ("driehonderdduizend", "3.000.000") is exact as written.
    """
    if lang not in _SEPARATORS:
        raise ValueError(f"unknown language {lang!r}")
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for start, end, value, problem, rounded in _digit_numbers(text, lang):
        raw = text[start:end]
        year = value is not None and re.fullmatch(r"(?:19|20)\d\d", raw) is not None and not re.match(r"\s*%", text[end:])
        found.append(_qualify(text, lang, start, end, value, problem, rounded, year, words=False))
        taken.append((start, end))
    for start, end, value, problem, rounded in _word_numbers(text, lang, taken):
        found.append(_qualify(text, lang, start, end, value, problem, rounded, False, words=True))
    return sorted(found, key=lambda f: f.start)


def _qualify(text, lang, start, end, value, problem, rounded, year, words) -> Found:
    m = _ROUNDING_RE[lang].search(text, max(0, start - 40), start)
    qualifier = _ROUNDING[lang][" ".join(m.group("word").lower().replace("\u2019", "'").split())] if m else None
    if qualifier is None and not words and not year and value is not None and re.match(r"\+(?![\d+])", text[end:]):
        # a key figure's "220.000+", "10,000+": at least that many (the sign is part of the span)
        qualifier, end = "lower_bound", end + 1
    if qualifier is None and not words and not year and re.search(r"[±~≈]\s*\Z", text[max(0, start - 3) : start]):
        qualifier = "approx"  # a sign of approximation before it: "± 163,000", "~300.000", "≈ 8100"
    qualifier = qualifier or ("approx" if rounded else "exact")
    upper = None
    if qualifier == "suppressed" and value is not None:
        upper = value - 1 if float(value).is_integer() else value
    span_start = m.start() if m else start
    return Found(span_start, end, text[span_start:end], value, qualifier, upper, start, year, words, problem)


def _digit_numbers(text: str, lang: str):
    """(start, end, value, problem, rounded) for each number written in digits."""
    thousands, decimal = _SEPARATORS[lang]
    runs = _join_space_groups(text, [m.span() for m in _DIGIT_RUN.finditer(text)], decimal)
    scale_re = re.compile(rf"[{_GROUP_SPACES}]+(" + "|".join(_SCALES[lang]) + r")(?![^\W\d_])", re.I)
    for start, end in runs:
        while text[end - 1] in _CF:  # a format character after the number is not inside it
            end -= 1
        if re.fullmatch(r"(?:19|20)\d\d\.\d{1,3}", text[start:end]) and not text[end:].strip():
            end = start + 4  # a year that ends its sentence, a note's mark glued to its full stop: "... in 2010.1"
        elif lang == "en" and re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d{1,2}", text[start:end]) and not text[end:].strip():
            end = start + text[start:end].index(".")  # a count ending its sentence, a note's mark glued: "... 413,262.41"
        raw = text[start:end]
        value: float | None = None
        problem = None
        rounded = False
        s = "".join(c for c in raw if c not in _GROUP_SPACES)
        cf = [c for c in s if c in _CF]
        whole = s.split(decimal)[0].replace(thousands, "")
        if cf:
            problem = _invisible(cf[0])
        elif not _NOTATION[lang].fullmatch(s):
            problem = f"{raw!r} is not a number as {_LANGUAGE[lang]} writes one"
        elif len(whole) > 1 and whole.startswith("0"):
            problem = f"a leading zero ({raw!r}): a piece of a number or a code, not a figure"
        else:
            number = Decimal(whole + "." + s.split(decimal)[1] if decimal in s else whole)
            scale = scale_re.match(text, end)
            short = _SHORT_SCALE[lang].match(text, end)
            if scale:
                end = scale.end()
                word = scale.group(1).lower()
                rounded = word in _ROUNDED_SCALES or decimal in s
                number *= _SCALES[lang][word]
            elif short:  # "117k", "4.6k", "1.2m", "2,9 mln": an abbreviated scale is always rounded
                end = short.end()
                number *= _SHORT_SCALES[(short.group(1) or short.group(2)).lower().rstrip(".")]
                rounded = True
            value = float(number)
        yield start, end, value, problem, rounded


def _join_space_groups(text: str, runs: list[tuple[int, int]], decimal: str) -> list[tuple[int, int]]:
    """Join "127 081" (any grouping space) into one run: a first group of 1-3 digits, then groups
    of exactly 3 (the last may carry decimals). "2023 127" and "12 13" stay two numbers."""

    def digits(a: int, b: int) -> str:
        return "".join(c for c in text[a:b] if c not in _CF)

    out: list[tuple[int, int]] = []
    plain = False  # the last run in out is all digit groups, ready for another group
    for start, end in runs:
        if (
            out
            and plain
            and len(gap := "".join(c for c in text[out[-1][1] : start] if c not in _CF)) == 1
            and gap in _GROUP_SPACES
            and re.fullmatch(rf"\d{{3}}(?:{re.escape(decimal)}\d+)?", digits(start, end))
        ):
            out[-1] = (out[-1][0], end)
            plain = digits(start, end).isdigit()
            continue
        out.append((start, end))
        plain = bool(re.fullmatch(r"\d{1,3}", digits(start, end)))
    return out


# a count said only as "a few" of a scale: "een paar honderd meldingen", "a few hundred", "several thousand"
_VAGUE_BEFORE = re.compile(r"\b(?:een paar|paar|enkele|a few|few|several|some few|ettelijke|vele|many)\s+$", re.I)


def _word_numbers(text: str, lang: str, taken: list[tuple[int, int]]):
    """(start, end, value, problem, rounded) for each number written in words."""
    taken = list(taken)
    for m in _HALF[lang].finditer(text):
        if _inside(m.start(), taken):
            continue
        parts = m.groupdict()
        whole = 0 if parts["half"] else 1 if parts.get("one_half") else _word_value(_clean(parts["whole"].lower()), lang)
        if whole is None:
            continue
        taken.append(m.span())
        yield m.start(), m.end(), float((Decimal(whole) + Decimal("0.5")) * _SCALES[lang][m.group("scale").lower()]), None, True
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text) if not _inside(m.start(), taken)]
    i = 0
    while i < len(tokens):
        run = _longest_number(text, tokens, i, lang)
        if run is None:
            i += 1
            continue
        j, read = run
        value: float | None = read
        start, end = tokens[i][0], tokens[j][1]
        if _VAGUE_BEFORE.search(text[:start]):
            i = j + 1  # "een paar honderd", "a few hundred", "enkele duizenden": no figure at all
            continue
        words = [t[2] for t in tokens[i : j + 1]]
        cf = [c for c in text[start:end] if c in _CF]
        problem = None
        if cf:
            value = None
            problem = _invisible(cf[0])
        yield start, end, value, problem, any(w in _ROUNDED_SCALES for w in words)
        i = j + 1


def _longest_number(text: str, tokens, i: int, lang: str) -> tuple[int, float] | None:
    """The longest run of number words from token i that text2num reads: (last token, value)."""
    words = [_clean(tokens[i][2])]
    if not (_word_value(words[0], lang) is not None or words[0] in _ARTICLES[lang]):
        return None
    j = i
    while j + 1 < len(tokens) and not text[tokens[j][1] : tokens[j + 1][0]].strip():
        nxt = _clean(tokens[j + 1][2])
        if lang == "en" and nxt == "and":  # "one hundred and fifty"
            words.append(nxt)
        elif _word_value(nxt, lang) is not None:
            words.append(nxt)
        else:
            break
        j += 1
    for k in range(len(words), 0, -1):
        head, rest = words[0], words[1:k]
        if words[k - 1] == "and":
            continue
        if head in _ARTICLES[lang]:  # "een miljoen", "a thousand", "one hundred": not "een" alone
            if not rest or rest[0] not in {*_HEADLESS[lang], *_SCALES[lang], "honderd"}:
                continue
            value = _word_value(" ".join(rest), lang)
        elif head in _HEADLESS[lang]:  # "per miljoen", "per million"
            return None
        else:
            value = _word_value(" ".join(words[:k]), lang)
        if value is not None:
            return i + k - 1, value
    return None


def _invisible(c: str) -> str:
    return f"an invisible format character (U+{ord(c):04X} {unicodedata.name(c, '')}) inside the number"


def _clean(word: str) -> str:
    return "".join(c for c in word if c not in _CF)


# text2num (3.x, Rust) reads Dutch and English number words well, compounds included; what it
# does not do for prose is decided here: articles alone ("een" is 1 to it), halves, digits before a
# scale word, and joining across "en" ("drie miljoen en één kind" is 3000001 to its finder, so its
# finder is not used: runs of words are built here and each run is read by text2num()).
@functools.lru_cache(maxsize=4096)
def _word_value(words: str, lang: str) -> float | None:
    """text2num's reading of number words, or None. text2num reads Dutch compounds
    ("zevenhonderdvierendertigduizend") and English phrases; the plural scale words it also
    accepts ("thousands of", "honderden") are not a number."""
    if words in ("and", "en") or re.search(r"(?:hundred|thousand|million|billion)s$", words):
        return None
    try:
        return float(text2num(words, lang))
    except ValueError:
        return None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def parse_number(text: str, style: str = "nl") -> float:
    """A whole or decimal number as printed in Dutch ("127.081", "12,5") or English ("72,913", "41.4"),
    or grouped by a (thin, no-break) space ("127 081"). The text must be the number and nothing else."""
    s = text.strip()
    found = find_numbers(s, style)
    if len(found) == 1 and found[0].text == s and not found[0].words and found[0].value is not None:
        if not re.search(r"[^\W\d_]", s):  # digits only: not "3 miljoen"
            return found[0].value
    problem = found[0].problem if len(found) == 1 and found[0].problem else None
    raise NumberFormatError(f"not a number in {style} style: {text!r}" + (f" ({problem})" if problem else ""))


def numbers_in(text: str, style: str = "nl", words: bool = True) -> list[float]:
    """Every number in a piece of prose, in order (find_numbers), and if asked for words also the
    small words find_numbers leaves to the caller ("geen"/"no" as 0, English "one" as 1: "één op
    de drie", "one in three"). Refuses a number it cannot read rather than skip it."""
    found: list[tuple[int, float]] = []
    spans = []
    for f in find_numbers(text, style):
        if f.words and not words:
            continue
        if f.value is None:
            raise NumberFormatError(f"cannot read the number {f.text!r} in {text!r}: {f.problem}")
        found.append((f.number_start, f.value))
        spans.append((f.number_start, f.end))
    if words:
        table = DUTCH_WORDS if style == "nl" else ENGLISH_WORDS
        for m in re.finditer(r"\b(" + "|".join(table) + r")\b", text, re.I):
            if not _inside(m.start(), spans):
                found.append((m.start(), float(table[m.group(1).lower()])))
    return [v for _, v in sorted(found)]


@dataclass(frozen=True)
class Qualified:
    """A published figure with how exact it is (the qualifiers of the indicator contract)."""

    qualifier: str  # exact | approx | lower_bound | suppressed | range
    value: float | None = None
    low: float | None = None
    high: float | None = None
    upper_bound: float | None = None


_APPROX_WORDS = r"circa|ca\.|ruim|zo'n|bijna|ongeveer|about|around|approximately|nearly|almost|over"
_LESS = r"<|minder dan|fewer than|less than"
_MORE = r">|meer dan|more than"


def parse_qualified(text: str, style: str = "nl") -> Qualified:
    """ "<10" / "minder dan tien" -> suppressed, at most 9; ">75%" / "meer dan 75%" -> lower
    bound 75; "2 tot 3%" / "2-3%" -> range; "circa 8100" -> approx; else exact. Refuses text
    with no number or with numbers it cannot place."""
    s = text.strip().lower()
    if re.match(rf"^(?:{_LESS})\s*", s):
        nums = numbers_in(re.sub(rf"^(?:{_LESS})\s*", "", s), style)
        if len(nums) == 1 and float(nums[0]).is_integer():
            return Qualified("suppressed", upper_bound=nums[0] - 1)
    elif re.match(rf"^(?:{_MORE})\s*", s):
        nums = numbers_in(re.sub(rf"^(?:{_MORE})\s*", "", s), style)
        if len(nums) == 1:
            return Qualified("lower_bound", value=nums[0])
    elif re.search(r"\d\s*(?:tot|to|-|\u2013)\s*\d", s):
        nums = numbers_in(s.replace("\u2013", " tot ").replace("-", " tot "), style)
        if len(nums) == 2 and nums[0] < nums[1]:
            return Qualified("range", low=nums[0], high=nums[1])
    else:
        approx = re.match(rf"^(?:{_APPROX_WORDS})\s+", s)
        nums = numbers_in(s[approx.end() :] if approx else s, style)
        if len(nums) == 1:
            return Qualified("approx" if approx else "exact", value=nums[0])
    raise NumberFormatError(f"cannot read a qualified figure from {text!r}")


def half_unit(value: float | None) -> float:
    """Half the rounding unit of a published number: 400000 -> 50000 ("ruim 400.000"), 127 -> 0.5,
    12.5 -> 0.05. The same rule as the half_unit macro in warehouse/views.sql (a test holds them equal)."""
    if value is None or value == 0:
        return 0.5
    if value != int(value):
        return 0.05
    digits = str(int(abs(value)))
    return 0.5 * 10 ** (len(digits) - len(digits.rstrip("0")))


def consistent_interval(
    qualifier: str,
    value: float | None,
    value_low: float | None = None,
    value_high: float | None = None,
    upper_bound: float | None = None,
) -> tuple[float | None, float | None]:
    """The values a statement is consistent with (warehouse/views.sql: consistent_lo, consistent_hi)."""
    if qualifier == "exact":
        return value, value
    if qualifier == "approx":
        assert value is not None
        return value - half_unit(value), value + half_unit(value)
    if qualifier == "lower_bound":
        return value, float("inf")
    if qualifier == "suppressed":
        return 0, upper_bound
    if qualifier == "range":
        return value_low, value_high
    return None, None


# ---------------------------------------------------------------- digit groups of the other language

_POINT_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)")


def point_grouped(text: str) -> tuple[str, float] | None:
    """A number written with points between groups of three digits ("19.872", "over 307.000"), as
    its digits and the whole number they group: how a Dutch page writes a count, and so how its
    English twin may still write it (a count is a whole number, never 19.872 reports). None when the
    text has a comma or a scale word ("1.2 million", "3.500,5"), which the point may belong to."""
    grouped = _POINT_GROUPED.search(text)
    if grouped is None or "," in text or re.search(r"\b(?:million|billion|thousand)\b", text, re.I):
        return None
    return grouped.group(0), float(grouped.group(0).replace(".", ""))


# ---------------------------------------------------------------- shares written as fractions

_FRACTION_WORDS = {
    "nl": {"de helft": (1, 2), "helft": (1, 2), "driekwart": (3, 4), "drie kwart": (3, 4), "een kwart": (1, 4), "een derde": (1, 3),
           "eenderde": (1, 3), "twee derde": (2, 3), "tweederde": (2, 3), "een vijfde": (1, 5), "een tiende": (1, 10)},
    "en": {"half": (1, 2), "three quarters": (3, 4), "three-quarters": (3, 4), "a quarter": (1, 4), "one quarter": (1, 4),
           "a third": (1, 3), "one third": (1, 3), "one-third": (1, 3), "two thirds": (2, 3), "two-thirds": (2, 3), "a fifth": (1, 5),
           "a tenth": (1, 10), "one tenth": (1, 10)},
}  # fmt: skip
_N_IN_M = {
    # ("1 op 3" on a key-figure tile: digits without the article)
    "nl": r"(?P<a>(?<![\d.,])\d{1,2}(?!\d)|[eé]én|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+(?:op|van)\s+(?:de\s+|(?<=\d op )(?=\d))(?P<b>\d{1,3}(?!\d|[.,]\d)|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|honderd)",
    "en": r"(?P<a>(?<![\d.,])\d{1,2}(?!\d)|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out of)\s+(?:every\s+)?(?P<b>\d{1,3}(?!\d|[.,]\d)|two|three|four|five|six|seven|eight|nine|ten|a hundred)",
}
_SMALL = {**{k: v for k, v in DUTCH_WORDS.items() if isinstance(v, int)}, **{k: v for k, v in ENGLISH_WORDS.items() if isinstance(v, int)},
          "één": 1, "eén": 1, "een": 1, "one": 1, "honderd": 100, "a hundred": 100}  # fmt: skip


def find_shares(text: str, lang: str) -> list[Found]:
    """Shares written as fractions, as percentages: "zes op de tien" 60, "één op de drie" 33,
    "driekwart" 75, "de helft" 50, "two thirds" 67, "one in five" 20. A fraction is approximate
    (prose rounds to one: "twee op de vijf" is about 40%); a rounding word before it sets the
    qualifier as for any number ("bijna zes op de tien": approx, "meer dan driekwart":
    lower_bound). The span covers the words, so the digits inside ("1 op de 3") are not read again."""
    words = sorted(_FRACTION_WORDS[lang], key=len, reverse=True)
    pattern = re.compile(
        r"(?<![^\W\d_])(?:" + _N_IN_M[lang] + "|" + "|".join(re.escape(w) for w in words) + r")(?![^\W\d_])", re.I
    )
    out = []
    for m in pattern.finditer(text):
        if m.group("a"):
            a, b = (int(x) if x.isdigit() else _SMALL.get(x.lower()) for x in (m.group("a"), m.group("b")))
        else:
            a, b = _FRACTION_WORDS[lang][m.group(0).lower()]
        if (
            not a
            or not b
            or a >= b
            or (
                lang == "en"
                and m.group(0).lower() == "half"
                and not re.match(r"\s+(?:of|the)\b", text[m.end() :])
                # ("Roughly half involved photographs", "almost half are 26 or younger": a rounding
                # word before it and a verb after it; never "almost half a million", "half-year")
                and not (
                    re.search(
                        r"\b(?:roughly|almost|nearly|about|around|more than|just over|just under|some)\s+$",
                        text[: m.start()],
                        re.I,
                    )
                    and re.match(
                        r"\s+(?:are|were|is|was|had|have|involved|came|concerned|showed|contained)\b", text[m.end() :], re.I
                    )
                )
            )
            # a headline's "Bijna helft kinderporno ...": "helft" without its article after a rounding word only
            or (
                m.group(0).lower() == "helft"
                and not re.search(
                    r"\b(?:bijna|ruim|ongeveer|zo'?n|circa|meer dan|minder dan|nog geen)\s+$", text[: m.start()], re.I
                )
            )
            or re.search(r"\b(?:first|second|1st|2nd|eerste|tweede)\s+$", text[: m.start()], re.I)
            or re.match(r"\s+(?:of|van)\s+(?:het jaar\s+|the year\s+)?(?:19|20)\d\d\b(?!['’]s)", text[m.end() :], re.I)
        ):
            continue  # "half" is a share as "half of"/"half the" or "almost half are"; "the first half of 2022" is a period
        share = 100 * a / b
        # a fraction in prose is a rounded way of speaking ("twee op de vijf", "de helft"): approx
        found = _qualify(text, lang, m.start(), m.end(), float(round(share)), None, True, False, words=True)
        out.append(found)
    return out
