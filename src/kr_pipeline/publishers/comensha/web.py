"""CoMensha's "Het beeld van <jaar>" (publicaties.comensha.nl/het_beeld_van_<jaar>/<chapter>):
the (possible) victims of trafficking registered with CoMensha and the registrations per type
of reporter, read from the chapter pages' prose, lists and tables.

CoMensha's own count is a series of its own (comensha.victims_registered: 1372 for 2019),
not the Nationaal Rapporteur's processed count of the same registrations (1334 for 2019):
never a revision of the other.

The reading policy is the Offlimits parser's (issue 22; reading.prose): a figure loads only
when its own clause says what, whose and when, in CoMensha's own voice; everything else waits
in `kr review` with its sentence and a proposed indicator and period.

- Voice (reading.prose.voice_of): a page on CoMensha's hosts (the registry's own_hosts), a
  declared voice, or a file presenting itself as CoMensha's report. Press and other
  organisations only propose.
- Measure: a noun bound to the number ("1013 nieuwe slachtoffers", "257 aanmeldingen"), or
  that of the number it is compared with ("tegenover 1372", "versus 360 (34,5%)"), or in a
  "label: count (share%)" pair the noun of its sentence. Minors load only where the text says
  minors ("61 minderjarigen", "53 minderjarige slachtoffers"): comensha.minor_victims.
  Adults, nationalities, estimates ("naar schatting") and changes ("een daling van 16%") are
  no catalog measure: proposed without an indicator.
- Organisation: a registration with CoMensha, in its own voice; a sentence naming the
  Nationaal Rapporteur, another organisation's register ("bij de politie") or an estimate
  waits. The reporters (police, FairWork, ...) of "aanmeldingen vanuit FairWork" are a
  breakdown of CoMensha's registrations, not other organisations' figures.
- Period: a year bound to the number ("233 aanmeldingen (22,3%) in 2023", "tegenover 1372 in
  2019", "in 2020 (1013)"); a compared number without one takes the comparison base its
  sentence (or the one before) names ("In vergelijking met 2023 ..."); any other the one year
  its sentence is about, else its paragraph's, its heading's, or the edition's ("Het beeld
  van 2024", from the page title or its address): never the registered year. Relative,
  referring and part-year periods ("vorig jaar", "toen", "de eerste helft van") wait.
- Pairs: "FairWork: 257 aanmeldingen (24,2%)", a list item "Seksuele uitbuiting: 402
  slachtoffers (36,4%)" and a table's count and share columns are read as pairs; every share
  must fit the counts: some whole total must give each share as printed (rounded to its
  decimals), at least the sum of the reporters' counts and equal to the total where one is
  stated. A page whose shares do not fit is refused.
- Tables: a total row may name its measure ("Totaal minderjarige slachtoffers"). A reporters'
  row of an unknown type is loaded around only when the rows, it included, add up exactly to the
  total row the table states: the known rows load, the unknown row waits (its indicator proposed
  without a breakdown, never folded into another); otherwise the table is refused.
- English pages (an English summary, other organisations' items) are read with the same policy:
  "1,129" is 1129, "victims", "registrations", "minors", English forms and comparisons.
- Other periods wait with what a careful reader can tell: half-years as "2025-H1", sums over
  years as "2019-2023" (no indicator), "vorig jaar" from the document's date (loads in a dated
  item of CoMensha's own), "een jaar eerder" from the sentence before, "toen" / "dat jaar" /
  "the same year" with the year they refer to (reading.prose.referred_year, shared with the
  Offlimits reader), and in a dated item a number without a year the newest year of the
  document's figures. A measure by reference ("Het waren er 1356", "Van hen waren er 274
  minderjarig", "en bij 318 om criminele uitbuiting") and shares in words ("een op de vijf")
  wait with their proposed reading.
- An edition registered under another year than its own ("Het beeld van 2024" as 2023) is refused.
  A page refused as a whole leaves its figures waiting in review with the readings they would
  have loaded with (nothing is lost; nothing loads without someone's decision).
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass

from ...observations import ParsedPublication
from ...reading.context import ParseContext, context_for
from ...reading.numbers import ROUNDING_WORDS, Found, find_numbers, find_shares
from ...reading.prose import (
    ANAPHORIC_PERIOD as _ANAPHORIC_PERIOD,
)
from ...reading.prose import (
    BACK as _BACK,
)
from ...reading.prose import (
    COMPARED_WITH,
    NOTE_MARK,
    Block,
    Candidate,
    Document,
    StatedTwice,
    Voice,
    block_sentences,
    change_end_years,
    national_frame,
    one_per_series,
    part_span,
    pronoun_for_another,
    read_document,
    referred_year,
    since_a_year,
    voice_of,
)
from ...reading.prose import (
    DATE_OR_TIME as _DATE_OR_TIME,
)
from ...reading.prose import (
    DEICTIC as _DEICTIC,
)
from ...reading.prose import (
    HALF_YEAR as _HALF,
)
from ...reading.prose import (
    SHORTER_PERIOD as _SHORTER,
)
from ...reading.prose import (
    YEAR as _YEAR,
)
from ...reading.prose import waiting as waiting_of

# How a careful reader hesitates over periods: the Offlimits reader's patterns, imported, not copied.

SOURCE_ID = "comensha_web"

VICTIMS = "comensha.victims_registered"
VICTIMS_SHARE = "comensha.victims_registered_share"
MINORS = "comensha.minor_victims"
# The minors' other measures: curated, never loaded by this parser, but proposed where a page states them.
MINORS_MULTIPLE = "comensha.minor_victims_multiple_forms"
MINORS_DOMESTIC_SEXUAL_SHARE = "comensha.minor_domestic_sexual_share"
REGISTRATIONS = "comensha.registrations_by_reporter"
REGISTRATIONS_SHARE = "comensha.registrations_by_reporter_share"
SHARE_OF = {VICTIMS: VICTIMS_SHARE, REGISTRATIONS: REGISTRATIONS_SHARE}
UNITS = {
    VICTIMS: "persons",
    MINORS: "persons",
    REGISTRATIONS: "reports",
    VICTIMS_SHARE: "percent",
    REGISTRATIONS_SHARE: "percent",
}

OWN_NAMES = re.compile(r"\b(?:CoMensha|Co[öo]rdinatiecentrum (?:tegen )?Mensenhandel)\b", re.I)

# ---------------------------------------------------------------- vocabulary

# Forms of exploitation (comensha.minor_victims' breakdown names), as labels and as words.
FORMS = {
    "sexual": r"seksuele uitbuiting|seksuele dienstverlening|seksindustrie|prostitutie|seksueel uitgebuit|sexual exploitation"
    r"|(?:forced )?prostitution|sexually exploited",
    "labour": r"arbeidsuitbuiting|uitbuiting buiten de seksindustrie|(?:gereguleerde|reguliere|overige) arbeid(?: (?:en|of) dienstverlening)?"
    r"|labour exploitation|labor exploitation|economic exploitation",
    "criminal": r"criminele uitbuiting|gedwongen criminaliteit|crimineel uitgebuit|criminele activiteiten|criminal exploitation"
    r"|criminal activities|forced criminality",
    "other": r"overige (?:vormen(?: van uitbuiting)?|uitbuitingsvormen|uitbuiting)|orgaanverwijdering|orgaanhandel|gedwongen bedelarij"
    r"|other forms(?: of exploitation)?|forced begging|organ removal",
}
# Types of reporter (who registered the victim with CoMensha).
REPORTERS = {
    "police": r"NP|Nationale Politie|[Pp]olitie|(?:the )?(?:Dutch |National |Netherlands )?[Pp]olice",
    "kmar": r"KMar|Koninklijke Marechaussee|(?:Royal Netherlands )?Marechaussee|Royal Military Police",
    "labour_inspectorate": r"NLA|Nederlandse Arbeidsinspectie|Arbeidsinspectie|Inspectie SZW|ISZW"
    r"|(?:Netherlands |Dutch )?Labour (?:Inspectorate|Authority)",
    "fairwork": r"FairWork|Fairwork",
    "care_coordination": r"[Zz]orgco[öo]rdinatie|[Zz]orgco[öo]rdinator(?:en)?|[Rr]egioco[öo]rdinatoren|[Cc]are coordinat\w+",
    "other_agencies": r"[Oo]verige instanties|[Oo]verige aanmelders|[Oo]ther (?:organisations|agencies)",
}
# A total row or label: "Totaal", "In totaal", "Total", "Totaal minderjarige slachtoffers", "Totaal aantal aanmeldingen".
_TOTAL_LABEL = re.compile(
    r"(?:in )?totaal|total"
    r"|(?:totaal|total)(?: aantal| number of)?(?: \w+){0,2} (?:slachtoffers|aanmeldingen|minderjarigen|victims|registrations|minors)",
    re.I,
)


_MEASURE_ROW = re.compile(
    r"(?P<registrations>(?:(?:totaal\s+)?aantal\s+)?aanmeldingen(?:\s*\((?:totaal|total)\))?|registrations)"
    r"|(?P<victims>(?:(?:totaal\s+)?aantal\s+)?(?:aangemelde|geregistreerde)\s+slachtoffers(?:\s*\((?:totaal|total)\))?"
    r"|registered victims)"
    # (a "waarvan" row comes with its parent's label: "Aangemelde slachtoffers (totaal) waarvan minderjarig")
    r"|(?P<minors>(?:.+\s)?waarvan\s+minderjarig(?:en)?|minderjarige slachtoffers|of whom minors|minor victims)",
    re.I,
)
_OTHER_COUNT_ROW = re.compile(
    r"(?:aantal\s+)?(?:meldende\s+)?(?:instanties|organisaties|aanmelders|reporting (?:agencies|organisations))"
    r"|(?:.+\s)?waarvan\s+met\s+meer\s+dan\s+(?:één|een)\s+vorm(?:\s+van\s+uitbuiting)?",
    re.I,
)


def _label_of(text: str, vocabulary: dict[str, str]) -> str | None:
    """The breakdown a label names (the whole label, or its end: "vanuit onder andere FairWork";
    an abbreviation in brackets after the name is no part of it: "Nationale Politie (NP)")."""
    label = re.sub(r"\s*\([^()]{1,12}\)\s*$", "", text.strip())
    # "NP (Nationale Politie)": an abbreviation with its name in brackets names what both name
    spelled = re.fullmatch(r"(?P<short>[^()]{1,12}?)\s*\((?P<long>[^()]{2,60})\)", label)
    for part in (label, *(spelled.group("short", "long") if spelled else ())):
        for slug, pattern in vocabulary.items():
            if re.search(rf"(?:^|\s)(?:{pattern})\s*$", part, re.I if vocabulary is FORMS else 0):
                if not spelled or {_label_of(p, vocabulary) for p in spelled.group("short", "long")} <= {slug, None}:
                    return slug
    if vocabulary is FORMS:  # "Labour exploitation was again the most common form: 452 victims"
        named = _named(label, FORMS)
        if len(named) == 1 and not _GROUP_AFTER.search(label):
            return named.pop()
    return None


def _named(text: str, vocabulary: dict[str, str]) -> set[str]:
    """The slugs the text names; a name inside a longer one of another slug is that one's
    ("uitbuiting buiten de seksindustrie" is labour, not also sexual)."""
    flags = re.I if vocabulary is FORMS else 0
    spans = {slug: [m.span() for m in re.finditer(rf"\b(?:{pattern})\b", text, flags)] for slug, pattern in vocabulary.items()}
    longer = {(slug, c, d) for slug, found in spans.items() for c, d in found}

    def inside(a: int, b: int, slug: str) -> bool:
        return any(o != slug and c <= a and b <= d and (c, d) != (a, b) for o, c, d in longer)

    return {slug for slug, found in spans.items() if any(not inside(a, b, slug) for a, b in found)}


# A noun bound to the number, with up to three words between ("1013 nieuwe slachtoffers",
# "1.105 nieuwe (mogelijke) slachtoffers", "53 minderjarige slachtoffers", "61 minderjarigen").
_NOUN = re.compile(
    r"^\s*(?P<words>(?:(?:nieuwe|gemelde|aangemelde|geregistreerde|\(mogelijke\)|mogelijke|vermoedelijke|minderjarige|meerderjarige|"
    r"Nederlandse|buitenlandse|niet-Nederlandse|unieke|Poolse|Nigeriaanse|new|registered|possible|potential|\(possible\)|\(potential\)|"
    r"minor|adult|Dutch|foreign)\s+){0,3})"
    r"(?P<noun>slachtoffers|slachtoffer|minderjarigen|meerderjarigen|aanmeldingen|aanmelding|meldingen|victims|minors|adults|registrations"
    r"|kinderen|children|mensen|personen|people|reports|gevallen|cases)\b",
    re.I,
)
_TOPIC = re.compile(r"\b(slachtoffers|aanmeldingen|meldingen|minderjarigen|victims|registrations|minors)\b", re.I)
# The nouns in English (the summary pages) as the Dutch reading knows them.
_ENGLISH_NOUN = {
    "victims": "slachtoffers",
    "minors": "minderjarigen",
    "adults": "meerderjarigen",
    "registrations": "aanmeldingen",
    "kinderen": "minderjarigen",  # "52 minderjarige kinderen"
    "children": "minderjarigen",
    "personen": "mensen",
    "people": "mensen",
    "reports": "meldingen",
    "cases": "gevallen",
}
# A percent sign or word: "%", "procent", "per cent", "percent".
_PERCENT_WORD = r"(?:%|procent|per ?cent)"
_PERCENT = re.compile(r"^\s*(?:%|procent\b|per ?cent\b|percent\b)")
_NOT_A_FIGURE_BEFORE = re.compile(
    r"\b(?:figuur|figuren|tabel|tabellen|bijlage|hoofdstuk|paragraaf|artikel|art\.|verdieping)\s*$"
    r"|\b(?:figuur|figuren|tabel|tabellen)\s+\d+\s*(?:t/m|tot en met|-|–|en)\s*$",
    re.I,
)
_AGE_BEFORE = re.compile(r"\b(?:jonger|ouder|younger|older) (?:dan|than)\s*$|\b(?:onder|boven|under|over) de\s*$", re.I)
_BASE = re.compile(
    r"(?:" + COMPARED_WITH + r"|in tegenstelling tot|sinds|dan in|dan"
    r"|than in|than|from|since|on)\s+(?:het (?:\w+)?jaar\s+|the (?:\w+ )?year\s+)?$",
    re.I,
)
_COMPARED = re.compile(
    r"(?:" + COMPARED_WITH + r"|in tegenstelling tot|dan|than|(?:dan|than) (?:de|het|the)"
    r"|\b(?:up|down) from|\btegen"
    r"|(?:increased|decreased|risen|fallen|rose|fell|grew|gestegen|gedaald|gegroeid)\b[^.;:]*\b(?:from|van))\s*$",
    re.I,
)
_REGISTERED = re.compile(
    r"\b(?:aangemeld\w*|gemeld\w*|geregistreerd\w*|registreerde|registreerden|registreert|ingeschreven|aanmelding\w*|ontving|ontvangen"
    r"|registered|registrations?|received|reported)\b",
    re.I,
)
# Whose figure: another organisation's count or estimate, or someone reported as saying it.
_FOREIGN = re.compile(
    r"\b(?:Nationaal Rapporteur|Rapporteur|NRM|WODC|Europol|Interpol|IOM|UNODC|Centrum tegen Kinderhandel|CKM|Fier|Slachtoffermonitor)\b"
)
_ESTIMATE = re.compile(
    r"\b(?:naar schatting|schatting|geschat|schat|schatten|werkelijke? (?:aantal|omvang)|in werkelijkheid)\b", re.I
)
_ELSEWHERE = re.compile(
    r"\bbij (?:de |het )?(?:Nationale Politie|politie|KMar|Koninklijke Marechaussee|NLA|Arbeidsinspectie|Inspectie SZW|"
    r"OM|Openbaar Ministerie|IND|COA|gemeente\w*|FairWork|Fier|CKM)\b",
    re.I,
)
_ATTRIBUTED = re.compile(r"\b(?:volgens|aldus)\s+(?!CoMensha)", re.I)
_CHANGE = re.compile(
    r"\b(?:stijging|toename|daling|afname|gestegen|gedaald|steeg|daalde|groei|meer dan|minder dan|hoger|lager"
    r"|increase[sd]?|decrease[sd]?|rise|rose|fall|fell|more than|fewer than|higher|lower)\b",
    re.I,
)
_BASE_OF_SHARE = re.compile(r"(?:^|[,;:]\s*|\d\s)[Vv]an (?:de|alle|het totaal(?: aantal)?(?: van)?)\s*$")
# "Het aantal aanmeldingen dat CoMensha ontving, lag hoger: 1.407", "The number of registrations was: 1,342"
_NUMBER_OF_ALL = re.compile(
    r"^(?:Het|The) (?:totale )?(?:aantal|number of) (?:aanmeldingen|registrations)(?: (?:dat|die|that) CoMensha (?:ontving|kreeg|received))?"
    r",? (?:lag|was|bedroeg|kwam uit op|stood at)(?: (?:hoger|lager|higher|lower))?:\s*$",
    re.I,
)
# A number whose measure is that of the sentence before: "waren dat er 1129", "dat waren er 1129",
# "daalde dit aantal in 2020 naar 1.013", "that number fell to 1,013".
_BY_REFERENCE = re.compile(
    r"\b(?:(?:waren|was|zijn|is) (?:dat|dit|het) er|(?:dat|dit|het) (?:waren|was|zijn|is) er)"
    r"(?:\s+(?:volgens|aldus|according to)\s+[^,;:\d]{2,40}?)?\s*(?:nog|maar|slechts|ruim|bijna)?\s*$"
    r"|\b(?:dit|dat|het|this|that) (?:aantal|number)\b[^.;:]*\b(?:naar|tot|to)\s*$"
    r"|\b(?:the|that|this) (?:figure|number|total) (?:was|had been|stood at)\s*$"
    r"|\b(?:toen|waar|terwijl) (?:het|dat) er\s*(?:nog|maar|ruim|bijna)?\s*$",  # "toen het er 993 waren"
    re.I,
)
# A sentence about the number of victims or registrations without stating it: "Het aantal mogelijke
# slachtoffers van mensenhandel dat bij CoMensha werd aangemeld, is vorig jaar gedaald."
# "het (totale) aantal", "the (total) number of": how a sentence names its count as its subject
_NUMBER_OF = r"\b(?:het|the) (?:totale |total )?(?:aantal|number of) "
_SUBJECT = re.compile(
    _NUMBER_OF + r"(?:(?:\(?(?:mogelijke|potential|possible)\)?|gemelde|aangemelde) )?"
    r"(slachtoffers|aanmeldingen|victims|registrations)\b",
    re.I,
)
# A question a paragraph answers: "Hoeveel slachtoffers zijn in 2021 bij CoMensha aangemeld?",
# "How many victims were registered in 2023?"
_QUESTION = re.compile(
    r"\b(?:hoeveel|how many)\s+(?:(?:mogelijke|possible|potential|nieuwe|new)\s+)?"
    r"(?P<noun>minderjarige slachtoffers|minderjarigen|underage victims|minors|slachtoffers|victims|aanmeldingen|registrations)\b"
    r"[^?]*\?\s*$",
    re.I,
)
# An answer that is only its number ("791.", "Ruim 1300."): the question says what it counts.
_ONLY_A_NUMBER = re.compile(r"\s*(?:" + ROUNDING_WORDS + r")?\s*[.!]?\s*", re.I)


def _asked(heading: str) -> Measure | None:
    """The measure a question asks for, or None for any other heading."""
    m = _QUESTION.search(heading)
    if m is None:
        return None
    noun = m.group("noun").lower()
    if noun.startswith(("minderjarig", "underage", "minor")):
        return Measure(MINORS, "total")
    return Measure(REGISTRATIONS, "total") if noun.startswith(("aanmeld", "regist")) else Measure(VICTIMS, "total")


# "Van hen waren er 274", "548 van hen", "of them": a part of what the sentence before counted.
_OF_THEM = re.compile(
    r"\b(?:van|onder) (?:hen|die slachtoffers|deze slachtoffers)\b|\bof (?:them|these)\b|\b(?:daarvan|hiervan)\b", re.I
)
# A number that is an age: "18 tot en met 22 jaar", "22 jaar", "aged 16 to 17 years" (not "twee jaar eerder").
_AGE = re.compile(
    r"\s*(?:(?:tot(?: en met)?|t/m|to|-|–)\s*\d+\s*)?(?:jaar|years?)\b(?!\s+(?:eerder|daarvoor|later|geleden|earlier|before|ago))",
    re.I,
)
# Minors in words: "minderjarig", "minors", "jonger dan 18" / "jonger dan achttien", "under the age of 18".
_MINOR_WORDS = r"\bminderjarig\w*|\bminors?\b|\bunder (?:the age of )?(?:18|eighteen)\b|\b(?:jonger dan|younger than) (?:18|achttien|eighteen)\b"
_LEVEL_OF = re.compile(
    _NUMBER_OF
    + r"(?P<adj>(?:(?:\(?(?:mogelijke|potential|possible)\)?|gemelde|aangemelde|geregistreerde|registered|minderjarige|minor) ){0,2})"
    r"(?P<noun>aanmeldingen|meldingen|slachtoffers|registrations|victims)\b(?P<who>[^.;:]*?)"
    r"(?:\b(?:steeg|daalde|groeide|kwam uit|rose|fell|grew)\b[^.;:0-9]*\b(?:naar|tot|op|to)"
    r"|\b(?:bedroeg|was|were|lag|stond)\b[^.;:0-9]*"
    # "steeg tussen 2007 en 2011 van 716 naar 1.222": both ends of the change
    r"|\b(?:steeg|daalde|groeide|nam (?:af|toe)|gedaald|gestegen|afgenomen|toegenomen|verdubbelde|halveerde|rose|fell|grew"
    r"|doubled|halved)\b[^.;:]{0,60}?\b(?:van|from)(?:\s+[\d.,]+\s+(?:naar|tot|to))?"
    # "de groei van het aantal aanmeldingen door de Nederlandse Arbeidsinspectie: van 33 in 2023 naar 71"
    r"|\s*:\s*(?:van|from)(?:\s+[\d.,]+(?:\s+in\s+(?:19|20)\d\d)?\s+(?:naar|tot|to))?)\s*$",
    re.I,
)
# A part of a year that the shared patterns (half-years, quarters, months) do not name.
_PART_OF_YEAR = re.compile(
    r"\b(?:eerste|afgelopen|laatste|first|past|last) (?:\w+ )?(?:maanden|months|weken|weeks)\b"
    r"|\btot (?:nu toe|dusver|op heden)\b|\b(?:so|thus) far\b|\bsofar\b",
    re.I,
)
# A span of years a sentence's numbers are summed over: "in de periode 2019-2023", "van 2019 tot en met 2023".
_SPAN = re.compile(
    r"\b(?:(?:in )?de periode|periode|in the period|over de jaren|over the years|between|tussen|van|from)\s+"
    r"((?:19|20)\d\d)\s*(?:-|–|tot en met|t/m|en|and|to|until)\s*((?:19|20)\d\d)\b",
    re.I,
)
_MORE_THAN_ONE_FORM = re.compile(r"\b(?:meer dan (?:één|een) (?:vorm|uitbuitingsvorm)|more than one form)", re.I)
_NATIONALITY_AFTER = re.compile(r"\bnationaliteit|\bnationality\b", re.I)
_CLAUSE_EDGE = re.compile(r"[;:]|,\s+(?!\d)|\s[-–]\s")


@dataclass
class Num:
    """A number of a sentence and what the sentence says about it."""

    found: Found
    percent: bool = False
    noun: str | None = None  # slachtoffers | minderjarigen | aanmeldingen ... as printed
    words: str = ""  # the words between number and noun ("nieuwe", "minderjarige")
    noun_end: int | None = None
    label: str | None = None  # "FairWork" in "FairWork: 257 aanmeldingen (24,2%)"
    compared: bool = False  # "tegenover 1372", "versus 360"
    bound_year: int | None = None
    bound_at: int | None = None
    share: Num | None = None  # a count's share in brackets
    count: Num | None = None  # a share's count

    @property
    def start(self) -> int:
        return self.found.start

    @property
    def end(self) -> int:
        return self.found.end

    @property
    def value(self) -> float | None:
        return self.found.value


def _numbers(sentence: str, language: str) -> list[Num]:
    out: list[Num] = []
    for f in find_numbers(sentence, language):
        after, before = sentence[f.end :], sentence[: f.start]
        if f.is_year and (
            not _NOUN.match(after) or re.search(r"\b(?:in|over|sinds|vanaf|tot|t/m|during|since)\s*$", before, re.I)
        ):
            continue  # a year, not a figure ("in 2026 meldingen van ...")
        if _NOT_A_FIGURE_BEFORE.search(before) or re.match(r"[A-Za-z]", after) or _AGE_BEFORE.search(before):
            continue  # "Figuur 9", "Figuren 11 t/m 16", "273f"
        if any(d.start() <= f.number_start < d.end() for d in _DATE_OR_TIME.finditer(sentence)):
            continue
        if re.fullmatch(r"(?:één|een|one|an?)", sentence[f.start : f.end].strip(), re.I):
            continue  # "één slachtoffer kan door meer dan één instantie ...": an article, never a count of one
        if any(
            s.start <= f.number_start < s.end and re.search(r"\b(?:op|in|out of)\b", sentence[s.start : s.end])
            for s in find_shares(sentence, language)
        ):
            continue  # "een op de vijf aanmeldingen (19,5%)": a share in words, never a count of five
        num = Num(f, percent=bool(_PERCENT.match(after)))
        noun = None if num.percent else _NOUN.match(after)
        if noun:
            word = noun.group("noun").lower()
            words = noun.group("words").lower()
            for en, nl in (
                ("minor ", "minderjarige "),
                ("adult ", "meerderjarige "),
                ("dutch ", "nederlandse "),
                ("foreign ", "buitenlandse "),
            ):
                words = re.sub(rf"\b{en}", nl, words)
            num.noun, num.words, num.noun_end = _ENGLISH_NOUN.get(word, word), words, f.end + noun.end()
        out.append(num)
    # shares in words ("een op de vijf", "ruim de helft", "over a fifth"): percentages, never loaded as such
    for share in find_shares(sentence, language):
        if not any(share.start < n.end and n.start < share.end for n in out):
            out.append(Num(share, percent=True))
    return sorted(out, key=lambda n: n.start)


def _bind(sentence: str, nums: list[Num]) -> list[Num]:
    """Pairs, labels, comparisons and bound years. Returns the numbers that are figures of their
    own (a count's share stays reachable from its count)."""
    for i, n in enumerate(nums):
        if n.percent and n.count is None:  # "10% in 2010 and 23% in 2011": a share's own year right after it
            close = re.match(r"\s*" + _PERCENT_WORD, sentence[n.end :])
            at = n.end + (close.end() if close else 0)
            m = re.match(r"\s+(?:in|over)\s+((?:19|20)\d\d)\b", sentence[at:])
            if m:
                n.bound_year, n.bound_at = int(m.group(1)), at + m.start(1)
            continue
        if n.percent or n.share is not None or n.count is not None:
            continue
        tail = n.noun_end if n.noun_end is not None else n.end
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if (
            n.noun is None
            and nxt is not None
            and nxt.noun
            and re.fullmatch(r"\s*(?:to|naar|tot)\s*", sentence[n.end : nxt.start])
        ):
            n.noun, n.words = nxt.noun, nxt.words  # "went from 50 to 67 registrations": what the change went from counted
        if _BASE_OF_SHARE.search(sentence[: n.start]):
            nxt = None  # "95 van de 247 minderjarigen (38,5%)": the share is not the base's
        if nxt is not None and nxt.percent and re.fullmatch(r"\s*\(\s*", sentence[tail : nxt.start]):
            close = re.match(r"\s*" + _PERCENT_WORD + r"\s*\)", sentence[nxt.end :])
            if close:
                n.share, nxt.count = nxt, n  # "257 aanmeldingen (24,2%)"
        elif (
            nxt is not None
            and nxt.percent
            and n.noun is not None
            and re.fullmatch(r"\s*,\s*", sentence[tail : nxt.start])
            and re.match(r"\s*" + _PERCENT_WORD + r"\s*(?:[);.]|$)", sentence[nxt.end :])
        ):
            n.share, nxt.count = nxt, n  # "452 slachtoffers, 40,0%", "(517 slachtoffers, 41,8%)"
        before = sentence[: n.start]
        label = re.search(r"([^,;:()]{1,200}):\s*$", before)
        if label:  # "vanuit onder andere FairWork: 257", ", NLA: 71", "en zorgcoördinatie: 301"
            n.label = label.group(1).strip()
        if _COMPARED.search(before) or (
            # "compared to 1,013 in 2020 and 1,372 in 2019", "tegenover 1013 in 2020 en 1372 in 2019"
            i > 0
            and nums[i - 1].compared
            and re.fullmatch(r"\s*(?:(?:in|over)\s+(?:19|20)\d\d\s*)?(?:,|en|and)\s*", sentence[nums[i - 1].end : n.start])
        ):
            n.compared = True
        m = re.search(r"\b((?:19|20)\d\d)\s*\(\s*$", before)  # "dan in 2020 (1013) en 2019 (1372)"
        if m and re.match(r"\s*\)", sentence[n.end :]):
            n.bound_year, n.bound_at = int(m.group(1)), m.start(1)
            if re.search(r"(?:dan|tegenover|versus|en|than|compared (?:with|to)|and)\s+(?:in\s+)?$", before[: m.start(1)], re.I):
                n.compared = True
            continue
        m = re.search(  # "waar in 2019 nog 1.372 ...", "daalde dit aantal in 2020 naar 1.013", "In 2020 zijn 1013"
            r"\b(?:in|over) ((?:19|20)\d\d),?\s+(?:(?:nog|al|maar|slechts|er|zijn|waren|werden|was|naar|tot|to)\s+){0,2}$",
            before,
            re.I,
        )
        # (not "from 61 in 2029 to 88": that year is the number's before it)
        if (
            m
            and not _BASE.search(before[: m.start()] + " ")
            and not re.search(r"\d\s*" + _PERCENT_WORD + r"?\s*$", before[: m.start()])
        ):
            n.bound_year, n.bound_at = int(m.group(1)), m.start(1)
            continue
        m = re.search(r"(?:\(|[;,]\s*)((?:19|20)\d\d):\s*$", before)  # "(2021: 413)", "(2012: 1711; 2011: 1222)"
        if m:
            n.bound_year, n.bound_at, n.compared = int(m.group(1)), m.start(1), True
            continue
        end = tail
        if n.share is not None:
            close = re.match(r"\s*" + _PERCENT_WORD + r"\s*\)?", sentence[n.share.end :])
            end = n.share.end + (close.end() if close else 0)
        following = next((x.start for x in nums[i + 1 :] if x is not n.share), len(sentence))
        window = re.split(r"[;:,]", sentence[end:following])[0]
        m = re.match(r"^\s*(?:[\w'’\-]+\s+){0,4}?(?:in|over|uit)\s+((?:19|20)\d\d)\b", window)
        if (
            m
            and following < len(sentence)
            and re.fullmatch(r"\s*(?:en|and)\s+(?:in|over)\s+(?:19|20)\d\d\s*", sentence[end:following])
        ):
            m = None  # "In 2012 waren dit er 1711 en in 2011 1222": the year opens the next number's clause
        if m and not _BASE.search(window[: m.start(1)].replace(" in ", " ").rstrip() + " "):
            n.bound_year, n.bound_at = int(m.group(1)), end + m.start(1)
    return [n for n in nums if n.count is None]


def _own_years(sentence: str, nums: list[Num]) -> tuple[list[int], list[int]]:
    """The years a sentence is about, and the years it compares with ("In vergelijking met 2023")."""
    own: set[int] = set()
    base: set[int] = set()
    for m in _YEAR.finditer(sentence):
        if any(n.start <= m.start() < n.end or n.bound_at == m.start() for n in nums):
            continue
        (base if _BASE.search(sentence[: m.start()]) else own).add(int(m.group(1)))
    return sorted(own), sorted(base)


def _clause_span(sentence: str, n: Num) -> tuple[int, int]:
    """The part of the sentence a number stands in: between colons, semicolons, dashes and commas
    (not a decimal comma)."""
    # edges before the number, looked for in the whole sentence (a cut after ", " hides the digit
    # that makes it a decimal comma's neighbour, not a clause edge)
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence) if m.end() <= n.start), default=0)
    right = _CLAUSE_EDGE.search(sentence, n.noun_end or n.end)
    return left, right.start() if right else len(sentence)


def _clause(sentence: str, n: Num) -> str:
    left, right = _clause_span(sentence, n)
    return sentence[left:right]


def _after(sentence: str, n: Num) -> str:
    """The rest of the number's clause after its noun, up to the next number or label: "van
    seksuele uitbuiting", "vanuit de politie"."""
    start = n.noun_end or n.end
    if n.share is not None:  # "517 slachtoffers (41,8%) om arbeidsuitbuiting": past the share's brackets
        close = re.match(r"\s*" + _PERCENT_WORD + r"\s*\)?", sentence[n.share.end :])
        start = n.share.end + (close.end() if close else 0)
    rest = sentence[start : max(start, _clause_span(sentence, n)[1])]
    return re.split(r"\d|\b[\w-]+:", rest)[0]


_BY = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:vanuit|van|door|via|from|by)\s+(?:de\s+|het\s+|the\s+)?(?P<who>.{2,40})", re.I)
# The reporter named right before the count: "CoMensha ontving in 2021 van de Nationale Politie 310 aanmeldingen".
_BY_BEFORE = re.compile(
    r"\b(?:vanuit|van|door|via|from|by)\s+(?:de\s+|het\s+|the\s+)?(?P<who>[^,;:\d]{2,40}?)\s*(?:nog|ruim|bijna|maar)?\s*$", re.I
)


_GROUP_AFTER = re.compile(
    r"\b(?:minderjarig\w*|meerderjarig\w*|jonger|ouder|man|mannen|vrouw\w*|jongens|meisjes|minors?|adults?|men|women|boys|girls|younger|older)\b",
    re.I,
)


def _form_before(sentence: str, n: Num, after: str) -> set[str]:
    """The form of exploitation named right before a count, since the number before it, and
    set off by a colon, dash, comma or bracket: "arbeidsuitbuiting — 452 slachtoffers",
    "gevolgd door seksuele uitbuiting (398 slachtoffers, 32,1%)", "followed by sexual
    exploitation, 377 victims". Nothing when the words after the count name a group of victims
    ("... waren minderjarig"): then the count is that group's, not the form's."""
    if _GROUP_AFTER.search(after):
        return set()
    prefix = re.split(r"(?<![\d.,])(?!(?:19|20)\d\d(?![\d.,]\d))\d[\d.,]*\s*(?:%|procent)?\s*\)?", sentence[: n.start])[-1]
    # ... or the form is the subject the count is said of: "Seksuele uitbuiting bleef met 431 slachtoffers de grootste vorm"
    if not re.search(r"(?:[:(—–]|,|\s-)\s*$|\b(?:bleef|was|is|werd|stond)\s+(?:\w+\s+){0,2}?met\s*$", prefix):
        return set()
    named = _named(re.sub(r"\([^()]*\)", " ", prefix), FORMS)
    return named if len(named) == 1 else set()


def _without_years(text: str) -> str:
    """The text with its "in 2033" left out, for the patterns of a number's subject and reference
    ("Het aantal minderjarige slachtoffers lag in 2033 op 284", "daalde dit aantal in 2020 naar")."""
    return re.sub(r"\s*\bin (?:19|20)\d\d\b", "", text)


def _reporters_of(sentence: str, n: Num) -> set[str]:
    """The type of reporter named right after a count ("329 aanmeldingen vanuit de politie"), else
    right before it in its clause ("van de Nationale Politie 310 aanmeldingen")."""
    m = _BY.match(_after(sentence, n))
    if m:
        return _named(m.group("who"), REPORTERS)
    lo = _clause_span(sentence, n)[0]
    m = _BY_BEFORE.search(sentence[lo : n.start])
    return _named(m.group("who"), REPORTERS) if m else set()


@dataclass(frozen=True)
class Measure:
    indicator_id: str  # "" for a measure the catalog does not hold
    breakdown: str = ""


_NONE = Measure("")


class _Reader:
    def __init__(self, document: Document, voice: Voice, report_year: int | None):
        self.doc = document
        self.voice = voice
        self.report_year = report_year if voice == Voice.OWN else None
        self.figures: list[dict] = []
        self.sentences: list[str] = []  # each figure's sentence (a table cell's text), for waiting()
        self.candidates: list[dict] = []
        self.number = 0
        self.last_measure: Measure | None = None  # the measure of the paragraph's sentence before
        self.question: Measure | None = None  # the measure the question above the paragraph asks for
        # what a figure changed from ("van 490 naar 310"): (sentence, where in it), and its candidate's place once it waits
        self.changed_from_numbers: set[tuple[int, int]] = set()
        self.changed_from_candidates: set[int] = set()
        self.registered_said = False  # a sentence before in the paragraph loaded victims registered with CoMensha
        self.span: str | None = None  # the span of years the paragraph's numbers are summed over
        self.half: str | None = None  # the half-year ("2025-H1") the paragraph's sentence before was about
        self.part_period: str | None = None  # the part of a year proposed for the number just read
        self.lead_year: int | None = None  # the newest year of the document's figures (proposed for numbers without one)
        self.last_named_year: int | None = None  # the last year the sentence before named: what "toen" refers to
        self.last_sentence = ""  # the sentence before (whom a pronoun subject refers to)
        self.referred: int | None = None  # the year this sentence's period by reference was read as

    # ------------------------------------------------------------ what and whose

    def _measure(
        self,
        sentence: str,
        n: Num,
        topic: str | None,
        previous: Measure | None,
        previous_why: str | None = None,
        compared: bool = False,
    ) -> tuple[Measure | None, str | None]:
        """The measure and breakdown of a count, or None and why not. A compared number measures
        what the number it is compared with measures ("tegenover 1372", "versus 233 aanmeldingen
        (22,3%)"), unless its own words say otherwise."""
        # (a compared number takes its measure from what it is compared with, never from a heading's topic)
        said_here = bool(topic and re.search(rf"\b{re.escape(topic)}\b", sentence[: n.start], re.I))
        noun = n.noun or (topic if (n.label or (n.compared and (previous is not None or said_here))) else None)
        if n.compared and previous is not None and n.label is None:
            if n.noun is None:
                return previous, previous_why  # "tegenover 1372", "versus 360 (34,5%)"
            own, why = self._measure(
                sentence, Num(n.found, noun=n.noun, words=n.words, noun_end=n.noun_end), topic, None, compared=True
            )
            if own is not None and own.indicator_id == previous.indicator_id and own.breakdown in ("total", previous.breakdown):
                return previous, previous_why
            return own, why
        if (
            n.noun is None
            and previous is not None
            and re.search(
                r"\b(?:van|from)\s+[\d.,]+(?:\s+(?:in|over)\s+(?:19|20)\d\d)?\s+(?:naar|tot|to)\s+$", sentence[: n.start]
            )
        ):
            return previous, previous_why  # "from 61 in 2029 to 88 in 2030": what the change went from measured
        # "Het aantal minderjarige slachtoffers lag in 2033 op 284": the year aside
        level = _LEVEL_OF.search(_without_years(sentence[: n.start])) if n.noun is None else None
        if level:  # "Het aantal aanmeldingen van de Nederlandse Arbeidsinspectie steeg naar 233"
            subject = Num(n.found, noun=_ENGLISH_NOUN.get(level.group("noun").lower(), level.group("noun").lower()))
            if subject.noun in ("aanmeldingen", "meldingen"):
                named = _named(level.group("who"), REPORTERS)
                measure = Measure(REGISTRATIONS, named.pop() if len(named) == 1 else "" if named else "total")
            elif re.search(r"minderjarig|minor", level.group("adj"), re.I):
                measure = Measure(MINORS, "total")
            else:
                forms = _named(level.group("who"), FORMS)
                measure = Measure(VICTIMS, forms.pop() if len(forms) == 1 else "" if forms else "total")
            return measure, "a measure given by the sentence's subject ('het aantal ... bedroeg', '... steeg naar'): proposed"
        if n.noun is None and topic and re.match(r"aanmelding|meldingen|registrations", topic, re.I):
            who = re.search(r"([^,;:()]{2,60})\(\s*$", sentence[: n.start])  # "kwamen van de Nationale Politie (186)"
            slug = _label_of(who.group(1), REPORTERS) if who else None
            if slug:
                return Measure(REGISTRATIONS, slug), "a count in brackets after its type of reporter: proposed"
            named = _reporters_of(sentence, n)
            if len(named) == 1 and re.match(r"\s*(?:came|kwamen|kwam|were|waren)\b", sentence[n.end :], re.I):
                # "Of all registrations CoMensha received in 2023, 360 came from the National Police"
                return Measure(REGISTRATIONS, named.pop()), None
        if n.noun is None and topic and re.match(r"slachtoffers|victims", topic, re.I):
            what = re.search(r"([^,;:()]{2,60})\(\s*$", sentence[: n.start])  # "uitgebuit in de prostitutie (782)"
            forms = _named(what.group(1), FORMS) if what else set()
            if len(forms) == 1:
                return Measure(VICTIMS, forms.pop()), "a count in brackets after its form of exploitation: proposed"
        if n.noun is None and previous is not None and previous.indicator_id == REGISTRATIONS:
            named = _reporters_of(sentence, n)  # "301 aanmeldingen van zorgcoördinatoren en 329 van de Nationale Politie"
            if len(named) == 1 and re.search(r"\b(?:en|and|,)\s*$", sentence[: n.start]):
                # "50 registrations from the KMar and 33 from the NLA": its measure coordinated, its reporter its own
                return Measure(REGISTRATIONS, named.pop()), None
        if (
            n.noun is None
            and previous is not None
            and re.search(
                r",\s*(?:en\s+)?(?:in|over)\s+[^,;:\d]{0,40}$|\b(?:en|and)\s+(?:bij|in)\s+$|\b(?:en|and)\s+(?:in|over)\s+(?:19|20)\d\d\s*$",
                sentence[: n.start],
            )
        ):
            # "In de eerste helft van 2026 werden 548 slachtoffers aangemeld, in de tweede helft 581";
            # "Bij 409 mensen ging het om seksuele uitbuiting en bij 318 om criminele uitbuiting": its own form
            forms = _named(self._stretch(sentence, n), FORMS)
            if len(forms) == 1 and previous.indicator_id == VICTIMS:
                previous = Measure(VICTIMS, forms.pop())
            return previous, "a number in a clause parallel to the one before it: its measure by reference, proposed"
        referred = previous or self.last_measure
        if n.noun is None and self.question is not None and _ONLY_A_NUMBER.fullmatch(sentence[: n.start] + sentence[n.end :]):
            return self.question, "the answer to the question above it, which names the measure: proposed"
        if n.noun is None and referred is not None and _BY_REFERENCE.search(_without_years(sentence[: n.start])):
            # "Een jaar eerder waren dat er 1129", "daalde dit aantal in 2020 naar 1.013"
            return referred, "a number whose measure is given by reference ('dat', 'dit aantal'): proposed"
        if _AGE.match(sentence[n.end :]):
            return None, "an age, not a count"  # "130 adolescenten (18 tot en met 22 jaar)"
        if referred is not None and referred.indicator_id in (VICTIMS, MINORS) and (n.noun is None or n.noun == "mensen"):
            lo, hi = _clause_span(sentence, n)
            clause = sentence[lo:hi]
            said = _named(self._stretch(sentence, n), FORMS) or re.search(r"\bminderjarig|\bminors?\b", clause, re.I)
            # "Het ging vorig jaar om 106 mensen", "In 2014 ging het nog om 1561 mensen": the people counted before
            about = re.search(
                r"\b(?:ging|gaat|gingen) het\b[^,;:]{0,30}\bom\s*$|\bhet ging\b[^,;:]{0,30}\bom\s*$", sentence[lo : n.start], re.I
            )
            if about and not said and n.noun == "mensen":
                return referred, "the people the sentence before counted ('het ging om'), by reference: proposed"
            if _OF_THEM.search(clause) or (n.noun == "mensen" and said):  # (not "shelter for 310 people")
                # "Van hen waren er 274 minderjarig", "548 van hen werden uitgebuit in ...", "Bij 409 mensen
                # ging het om seksuele uitbuiting": a part of the victims the sentence before counted
                after = self._stretch(sentence, n)
                if referred.indicator_id == MINORS and _MORE_THAN_ONE_FORM.search(after):
                    # "52 minderjarige slachtoffers; bij 2 van hen ging het om meer dan één vorm van uitbuiting"
                    return Measure(MINORS_MULTIPLE, "total"), "minors with more than one form ('van hen'), by reference: proposed"
                if re.search(_MINOR_WORDS, after, re.I):
                    return Measure(MINORS, "total"), "minors among the victims counted before ('van hen'): proposed"
                forms = _named(after, FORMS)
                return Measure(VICTIMS, forms.pop() if len(forms) == 1 else ""), (
                    "a part of the victims counted before ('van hen'), by reference: proposed"
                    + ("" if len(forms) == 1 else "; name its breakdown (--breakdown) to accept it, never as the total")
                )
        if n.noun is None and n.compared and self.last_measure is not None:  # "Dat is minder dan in 2020 (1013)"
            return (
                self.last_measure,
                "a number whose measure is given by reference ('Dat is ... dan'): which measure must be read",
            )
        by_reporter = self._reported_by(sentence, n)
        if by_reporter is not None:  # "De politie meldde 490 keer een slachtoffer aan", "Die deed 310 aanmeldingen"
            return by_reporter
        if noun is None:
            part = re.match(
                r"\s*(?:van de|of the|of all)\s+(?:[\w()-]+\s+){0,2}?(?:slachtoffers|victims)\b(?P<rest>[^;:]*)",
                sentence[n.end : _clause_span(sentence, n)[1] if n.noun_end else len(sentence)],
                re.I,
            )
            if part and re.search(r"\bminderjarig\w*|\bminors?\b", part.group("rest"), re.I):
                # "231 of the victims were minors", "Bij 231 van de aangemelde slachtoffers ging het om een minderjarige"
                return Measure(MINORS, "total"), "minors counted as a part of the victims ('N van de slachtoffers'): proposed"
            return None, "a number without a measure (slachtoffers, aanmeldingen)"
        noun = _ENGLISH_NOUN.get(noun.lower(), noun.lower())  # (a topic may be English: "Registrations ... from 490")
        if noun == "gevallen":  # "CoMensha telde in 2021 nog 791 nieuwe gevallen": the press's word for its victims
            as_victims = dataclasses.replace(n, noun="slachtoffers")
            as_cases, why = self._measure(sentence, as_victims, topic, previous, previous_why, compared)
            return as_cases, "; ".join(w for w in (why, "cases ('gevallen'), read as victims: proposed") if w)
        if noun == "mensen" and re.match(
            r"\s*(?:\w+\s+){0,3}?(?:als|as)\s+(?:\(?(?:mogelijke?|possible|potential)\)?\s+)?(?:slachtoffers?|victims?)\b"
            r"|\s*(?:were|werden|waren|had been)\s+(?:\w+\s+)?(?:registered|reported|aangemeld|gemeld)\b",
            sentence[n.noun_end or n.end :],
            re.I,
        ):
            noun = "slachtoffers"  # "1,437 people were reported as possible victims"
        elif noun == "mensen":  # "1.000 mensen" not said to be the victims counted before: no measure
            return None, "people not said to be registered victims"
        after = "" if n.label is not None else _after(sentence, n)
        if noun in ("aanmeldingen", "aanmelding", "meldingen"):
            if n.label is not None:
                slug = (
                    "total"
                    if _TOTAL_LABEL.fullmatch(n.label.strip()) or _NUMBER_OF_ALL.search(sentence[: n.start])
                    else _label_of(n.label, REPORTERS)
                )
                return (
                    (Measure(REGISTRATIONS, slug), None)
                    if slug
                    else (Measure(REGISTRATIONS), f"an unknown type of reporter {n.label!r}")
                )
            named = _reporters_of(sentence, n)
            if len(named) > 1:
                return Measure(REGISTRATIONS), f"several types of reporter in one clause {sorted(named)}"
            # (not for a compared count's own reading: "NLA: 71 aanmeldingen versus 33 aanmeldingen")
            reporters_before = _named(sentence[: n.start], REPORTERS) if not named and not compared else set()
            if (
                reporters_before
                and not _ELSEWHERE.search(sentence[: n.start])
                and not re.search(r"\bin (?:totaal|total)\b", sentence, re.I)
            ):
                # "De Nederlandse Arbeidsinspectie deed 71 aanmeldingen", "Registrations with CoMensha by the
                # National Police fell ..., from 490": a reporter's count, never the total
                if len(reporters_before) > 1:
                    return Measure(REGISTRATIONS), f"several types of reporter in the sentence {sorted(reporters_before)}"
                lo = _clause_span(sentence, n)[0]
                if _named(sentence[lo : n.start], REPORTERS):  # its own clause's reporters_before: as explicit as "vanuit"
                    return Measure(REGISTRATIONS, reporters_before.pop()), None
                return Measure(REGISTRATIONS, reporters_before.pop()), (
                    "a type of reporter named earlier in the sentence, by reference: proposed"
                )
            if not named and noun == "meldingen" and self.voice != Voice.OWN:
                # the press's "1561 meldingen van slachtoffers", "ruim 1700 meldingen van mensenhandel":
                # the victims reported to CoMensha (its own word for registrations is "aanmeldingen")
                return Measure(VICTIMS, "total"), "'meldingen' in another voice: the victims reported, proposed"
            return Measure(REGISTRATIONS, named.pop() if named else "total"), None
        if noun == "meerderjarigen" or "meerderjarig" in n.words:
            return _NONE, "adult victims: not a catalog measure"
        if (n.words.strip() and re.search(r"nederlandse|buitenlandse|poolse|nigeriaanse", n.words)) or _NATIONALITY_AFTER.search(
            after
        ):
            return _NONE, "victims of one nationality: not a catalog measure"
        minors = noun == "minderjarigen" or "minderjarig" in n.words
        if re.match(r"\s*(?:waren|was|zijn|were|are)\s+(?:" + _MINOR_WORDS + ")", after, re.I):
            minors = True  # "247 slachtoffers waren jonger dan 18"
        if n.label is not None and re.search(r"minderjarig|\bminors\b", n.label, re.I) and not _named(n.label, FORMS):
            n = Num(n.found, noun=n.noun, words=n.words, noun_end=n.noun_end)  # "het aantal minderjarigen: 247 slachtoffers"
            minors = True
        indicator = MINORS if minors else VICTIMS
        if indicator == MINORS and _MORE_THAN_ONE_FORM.search(after):  # "Bij 5 minderjarigen ging het om meer dan één vorm"
            return Measure(
                MINORS_MULTIPLE, "total"
            ), "minors with more than one form of exploitation: a curated measure, proposed"
        if n.label is not None:
            slug = "total" if _TOTAL_LABEL.fullmatch(n.label.strip()) else _label_of(n.label, FORMS)
            return (
                (Measure(indicator, slug), None) if slug else (Measure(indicator), f"an unknown form of exploitation {n.label!r}")
            )
        named = _named(after, FORMS) or _form_before(sentence, n, after)
        if len(named) > 1:
            return Measure(indicator), f"several forms of exploitation in one clause {sorted(named)}"
        return Measure(indicator, named.pop() if named else "total"), None

    def _reported_by(self, sentence: str, n: Num) -> tuple[Measure, str | None] | None:
        """A count a reporter registered with CoMensha, the reporter the subject of its clause: "De
        politie meldde 490 slachtoffers aan", "De politie heeft vorig jaar 310 ... aangemeld bij
        CoMensha", "Care coordinators ... registered 301 victims with us"; by reference when the
        reporter stands earlier in the sentence ("FairWork ...: the foundation ... registered 257
        people", "Ook FairWork, dat ..., meldde vaker aan: 257 keer")."""
        lo, hi = _clause_span(sentence, n)
        if n.label is not None:  # "The Royal Netherlands Marechaussee (KMar) also reported more often: 67 registrations"
            lo = max(0, sentence.rfind(n.label, 0, n.start))
        said = sentence[lo : n.start]
        pronoun = re.match(
            r"\s*(?:die|deze|zij|ze|hij|they|it)\s+(?:deed|deden|meldde|meldden|had|was|registered|reported|made)\b", said, re.I
        )
        before = _named(self.last_sentence, REPORTERS)
        if pronoun and not _named(said, REPORTERS) and len(before) == 1:
            # "De daling komt grotendeels voor rekening van de Nationale Politie. Die deed 310 aanmeldingen"
            return Measure(REGISTRATIONS, before.pop()), "a reporter the sentence before named, referred to ('Die'): proposed"
        with_count = re.search(r"(?P<who>[^,;:()]{2,40}?)\s+(?:with|met)\s+$", said)
        if with_count and n.noun is None and len(named := _named(with_count.group("who"), REPORTERS)) == 1:
            if re.search(r"\b(?:registrations|aanmeldingen|source|aanmelder|reporter)\b", sentence[: n.start], re.I):
                # "... the second largest source with 312 registrations (29.9%), followed by FairWork with 233 (22.3%)"
                return Measure(REGISTRATIONS, named.pop()), None
        after = sentence[n.end : hi]
        dutch = bool(
            re.search(r"\b(?:meldde|meldden)\b", said)
            and re.match(r"\s*(?:[\w()-]+\s+){0,5}?aan\b", sentence[n.end :])
            or re.search(r"\b(?:heeft|hebben)\b", said)
            and re.search(r"\baangemeld\b", after)
            and re.search(r"\bbij\s+(?:ons|CoMensha)\b", after)
            or n.label is not None
            and re.search(r"\b(?:meldde|meldden)\b[^:]*\baan\s*:?\s*$", said)
        )
        # (registered with CoMensha: said so, or on CoMensha's own page; "the police registered 300
        # victims" elsewhere is the police's own count)
        english = re.search(r"\b(?:registered|reported|referred)\b", said) and (
            self.voice == Voice.OWN or re.search(r"\b(?:with|to)\s+(?:us|CoMensha)\b", after)
        )
        if not (dutch or english) or re.search(r"\bCoMensha\b[^,;:]*\b(?:registered|reported)\b", said):
            return None
        named = _named(said, REPORTERS)
        if len(named) == 1:
            return Measure(REGISTRATIONS, named.pop()), (
                None if n.label is None else "a reporter's count after its sentence ('... meldde vaker aan: 257 keer'): proposed"
            )
        earlier = _named(sentence[:lo], REPORTERS)
        if not named and len(earlier) == 1 and (self.voice == Voice.OWN or dutch):
            return Measure(REGISTRATIONS, earlier.pop()), "a reporter named earlier in the sentence, by reference: proposed"
        return None

    @staticmethod
    def _stretch(sentence: str, n: Num) -> str:
        """The words after a number up to the next number or the end of its clause."""
        hi = _clause_span(sentence, n)[1]
        nxt = re.search(r"\d", sentence[n.end : hi])
        return sentence[n.end : n.end + nxt.start() if nxt else hi]

    def _share_measure(self, sentence: str, n: Num) -> tuple[Measure | None, str | None]:
        """A share without its count: of the victims per form, or of the registrations per reporter."""
        clause = _clause(sentence, n)
        before = sentence[: n.start]
        # (the two ends of "daalde van 22 procent in 2022 naar 13 procent" are levels, not the change)
        end_of_change = re.search(r"\b(?:van|from)\s+$", before) and re.match(
            r"\s*" + _PERCENT_WORD + r"?\s*(?:in\s+(?:19|20)\d\d\s+)?(?:naar|tot|to)\s+\d", sentence[n.end :]
        )
        end_of_change = end_of_change or re.search(
            r"\b(?:van|from)\s+\d[\d.,]*\s*" + _PERCENT_WORD + r"?\s*(?:in\s+(?:19|20)\d\d\s+)?(?:naar|tot|to)\s+$", before
        )
        fewer = re.match(
            r"\s*" + _PERCENT_WORD + r"?\s*(?:minder|meer|fewer|more|less|hoger|lager|higher|lower)\b", sentence[n.end :], re.I
        )
        if re.search(r"[+\-\u2212]\s*$", before) or fewer or (_CHANGE.search(clause) and not end_of_change):
            return _NONE, "a change, not a share: not a catalog measure"
        if re.search(r"\bminderjarig|\bminors?\b", clause, re.I) and re.search(
            r"binnenlandse seksuele|domestic sexual", clause, re.I
        ):
            return Measure(
                MINORS_DOMESTIC_SEXUAL_SHARE, "total"
            ), "minors' share of domestic sexual exploitation: a curated measure, proposed"
        if re.search(r"\bminderjarig|\bmeerderjarig|\bvrouw|\bman(?:nen)?\b|nationaliteit", clause, re.I):
            return _NONE, "a share of a group of victims the catalog does not hold"
        forms = _named(clause, FORMS)
        of_registrations = re.match(
            r"\s*" + _PERCENT_WORD + r"?\s*(?:of|van)\s+(?:all\s+|alle\s+|the\s+|de\s+)?(?:registrations|aanmeldingen)\b",
            sentence[n.end :],
            re.I,
        )
        if of_registrations:  # "329 ... victims ..., 31 percent of all registrations": the share is the registrations'
            reporters = _named(sentence[: n.start], REPORTERS)
            if len(reporters) == 1:
                return Measure(REGISTRATIONS_SHARE, reporters.pop()), None
            return Measure(REGISTRATIONS_SHARE), "a share of the registrations without one type of reporter"
        if re.search(r"\b(?:slachtoffers|victims)\b", clause, re.I) or (
            # "In 2030 lag het aandeel arbeidsuitbuiting op 38,9%; criminele uitbuiting kwam dat jaar uit op 19,8%"
            len(forms) == 1 and re.search(r"\b(?:aandeel|share)\b", sentence, re.I)
        ):
            if len(forms) == 1:
                return Measure(VICTIMS_SHARE, forms.pop()), None
            return Measure(VICTIMS_SHARE), "a share of the victims without one form of exploitation"
        if re.search(r"\b(?:aanmeldingen|meldingen|registrations)\b", clause, re.I):
            # (the reporter in the clause, else the one the sentence names: "De politie blijft de grootste
            # aanmelder, goed voor ruim drie op de tien aanmeldingen")
            reporters = _named(clause, REPORTERS) or _named(sentence, REPORTERS)
            if len(reporters) == 1:
                return Measure(REGISTRATIONS_SHARE, reporters.pop()), None
            return Measure(REGISTRATIONS_SHARE), "a share of the registrations without one type of reporter"
        if _CHANGE.search(sentence[: n.start]):  # "an increase in the number of registrations – 10% in 2010"
            return _NONE, "a change, not a share: not a catalog measure"
        return None, "a percentage without a measure"

    def _whose(self, sentence: str, n: Num, measure: Measure) -> str | None:
        """Why the figure is not CoMensha's own registration count, or None."""
        clause = _clause(sentence, n)
        if _ESTIMATE.search(sentence):
            return "an estimate, not a registration count"
        if _FOREIGN.search(sentence) and not OWN_NAMES.search(sentence):
            return f"a figure of another organisation ({_FOREIGN.search(sentence).group(0)})"  # type: ignore[union-attr]
        # both named: whose is the number is the organisation named last before it, a relative clause
        # aside ("De Nationaal Rapporteur, die de cijfers van CoMensha bewerkt, telt 1201 slachtoffers")
        before = re.sub(r",\s*(?:die|dat|welke|which|who)\b[^,]*,", ",", sentence[: n.start], flags=re.I)
        foreign = [m for m in _FOREIGN.finditer(before)]
        own_named = [m.start() for m in OWN_NAMES.finditer(before)]
        if foreign and foreign[-1].start() > max(own_named, default=-1):
            return f"a figure of another organisation ({foreign[-1].group(0)})"
        lo = _clause_span(sentence, n)[0]
        if referred := pronoun_for_another(sentence[lo : n.start], sentence[:lo], self.last_sentence, (OWN_NAMES,), _FOREIGN):
            # "Gisteren publiceerde de Nationaal Rapporteur haar jaarcijfers. Zij komt voor 2024 uit op 944
            # slachtoffers die bij CoMensha zijn gemeld": the organisation the sentence before named
            return f"a figure of another organisation, referred to by a pronoun ({referred})"
        if _ATTRIBUTED.search(sentence):
            return "a figure reported as someone's words ('volgens', 'aldus')"
        if _ELSEWHERE.search(clause):
            return f"registered elsewhere ({_ELSEWHERE.search(clause).group(0)}), not with CoMensha"  # type: ignore[union-attr]
        return None

    # ------------------------------------------------------------ when

    def _period(self, sentence, n: Num, own, base, ctx_years) -> tuple[int | None, str | None]:
        previous_year, previous_base, heading_year = ctx_years
        part = _clause(sentence, n) if not n.compared else sentence[n.start : n.end + 40]
        self.part_period = None
        half = _HALF.search(part) or _HALF.search(sentence)
        if half and n.bound_year is None:  # "In de eerste zes maanden van 2025 ...", "in de tweede helft 581"
            # "Dit jaar ...: in het eerste halfjaar kwamen 802 aanmeldingen binnen": the year from the date
            relative = self._relative_year(sentence)
            years = (
                [int(y) for y in _YEAR.findall(sentence[half.end() : half.end() + 12])] or own or ([relative] if relative else [])
            )
            which = "H1" if (half.group(1) or "").lower() in ("eerste", "first") else "H2" if half.group(1) else None
            if which and len(years) == 1:
                self.part_period = self.half = f"{years[0]}-{which}"
        elif self.half and not own and n.bound_year is None and not _YEAR.search(sentence):
            self.part_period = self.half  # "De meeste aanmeldingen kwamen van de Nationale Politie (186)" after it
            return None, f"a part of a year ({self.half}), by reference to the sentence before: proposed"
        # an opening phrase is said of the whole sentence: "In the same year, CoMensha received 1,489 ..."
        lead = re.match(r"^[^,;:\d]{0,40},", sentence)
        lo = _clause_span(sentence, n)[0]
        for pattern in (_ANAPHORIC_PERIOD, _HALF, _SHORTER, _PART_OF_YEAR):
            m = (
                pattern.search(part)
                or (pattern.search(sentence) if pattern is not _ANAPHORIC_PERIOD else None)
                or (pattern.search(lead.group(0)) if lead else None)
                # "a drop of 16% on the year before, when the figure was 1,711": the reference opens its clause
                or next((x for x in pattern.finditer(sentence) if x.start() < lo <= x.end() and not n.compared), None)
            )
            if m and pattern is _ANAPHORIC_PERIOD:
                # "Dat zijn er 42 meer dan het jaar daarvoor, toen 1.276 ...", "In the same year, CoMensha
                # received 1,489": the year it refers to, proposed
                at = next((x for x in pattern.finditer(sentence) if m.group(0) in x.group(0)), m)
                referent = referred_year(
                    sentence,
                    at,
                    sentence_year=own[0] if len(own) == 1 else None,
                    relative=self._relative_year(sentence),
                    heading_year=heading_year,
                    last_named=self.last_named_year,
                    previous_year=previous_year,
                )
                self.referred = referent
                return referent, f"a period given by reference ({m.group(0)!r}): which period it refers to must be read"
            if m:
                return None, f"a period by reference or shorter than a year ({m.group(0)!r}): which year must be read"
        since = since_a_year(part) or since_a_year(sentence[: n.start])
        if since:  # "Sinds 2031 zijn bij ons ruim 4.000 slachtoffers aangemeld": a total over years
            return None, f"a total since a year ({since.group(0)!r}), not one year's figure"
        for pattern, back in _DEICTIC:
            m = pattern.search(part)
            if m and self.doc.date is not None and back == 0:  # "dit jaar": the year so far, at the date of writing
                return None, f"the current year at the date of writing ({m.group(0)!r}): a part of it, not the year"
            if m and self.doc.date is not None:  # "Vorig jaar", counted from the document's own date
                return self.doc.date.year - back, None
            if m:
                return None, f"a year relative to the date of writing ({m.group(0)!r}), and the document states no date"
        for pattern, back in _BACK:
            m = pattern.search(part)
            if m and _BASE.search(part[: m.start()].replace(" in ", " ").rstrip() + " "):
                continue  # "een stijging van 52 procent vergeleken met het jaar daarvoor": the base, not the period
            if m and previous_year is not None:  # "Een jaar eerder waren dat er 1129": proposed, never loaded
                return previous_year - back, f"a year counted back from the sentence before ({m.group(0)!r}): proposed"
            named = {int(y) for y in _YEAR.findall(sentence)}
            if m and len(named) == 1 and not _YEAR.search(part):
                # "In 2015 werden 1321 ... aangemeld, een jaar eerder waren dat er nog 1561": from the sentence's year
                return named.pop() - back, f"a year counted back from the year its sentence names ({m.group(0)!r}): proposed"
            if m and self.lead_year is not None:  # "tegen 490 keer een jaar eerder" after "vorig jaar": proposed
                return (
                    self.lead_year - back,
                    f"a year relative to another ({m.group(0)!r}), counted from the text's year: proposed",
                )
            if m:
                return None, f"a year relative to another ({m.group(0)!r}): which year must be read"
        if n.bound_year is not None:
            return n.bound_year, None
        if n.compared:
            bases = base or previous_base
            if len(bases) == 1:
                return bases[0], None
            return None, "a compared figure without its year"
        if len(own) == 1:
            return own[0], None
        if len(own) > 1:
            # "In 2014 kwamen er nog 1561 meldingen binnen, in 2016 is dit aantal ... gedaald tot ...":
            # the one year of the number's own part of the sentence
            lo, hi = part_span(sentence, n.start, n.end)
            part = {y for y in own if re.search(rf"\b{y}\b", sentence[lo:hi])}
            if len(part) == 1:
                return part.pop(), None
            return None, f"the sentence names several years {own}: which one is this figure's?"
        if previous_year is not None and previous_year in base:
            # "In 2012 waren dit er 1711 ... Het betreft een daling van 16% ten opzichte van 2012": not
            # of the year it is compared with; the text's own year, proposed
            other = next((y for y in (heading_year, self.report_year, self.lead_year) if y and y not in base), None)
            return other, f"compared with {previous_year}, the year the sentence before spoke of: its own year must be read"
        if previous_year is not None and self.doc.date is not None and self.report_year is None:
            # a dated item (news) is loosely written: "Vorig jaar meldde FairWork 257 ... De Nederlandse
            # Arbeidsinspectie deed 71 aanmeldingen": the year of the sentence before, proposed
            return previous_year, f"a period from the sentence before ({previous_year}) in a dated item: proposed"
        if previous_year is not None:
            return previous_year, None
        if heading_year is not None and self.doc.date is not None and self.report_year is None:
            # a dated item's headline year ("Het beeld van 2020: corona beperkt zicht op slachtoffers")
            # is what the item is about, not said of this number: proposed
            return heading_year, f"a period only from the heading of a dated item ({heading_year}): proposed"
        for year in (heading_year, self.report_year):
            if year is not None:
                return year, None
        return None, "no period in the sentence, its paragraph, heading or the edition"

    def _relative_year(self, sentence: str) -> int | None:
        """The one year a sentence names relative to the document's date ("vorig jaar"), or None."""
        found = {back for pattern, back in _DEICTIC if pattern.search(sentence)}
        if self.doc.date is None or len(found) != 1:
            return None
        return self.doc.date.year - found.pop()

    # ------------------------------------------------------------ reading

    def candidate(self, sentence, n: Num, why, measure: Measure | None, year, location, unnamed_part: bool = False) -> None:
        """A number that waits, with its proposed reading: an indicator only with its breakdown,
        except for unnamed_part, a row of a known measure whose breakdown the catalog does not
        name (a new type of reporter): its indicator is proposed and the why says to name one."""
        proposed = measure is not None and bool(measure.indicator_id) and (bool(measure.breakdown) or unnamed_part)
        if (self.number, n.found.start) in self.changed_from_numbers:
            self.changed_from_candidates.add(len(self.candidates))
        self.candidates.append(
            Candidate(
                sentence,
                n.found.text + ("%" if n.percent else ""),
                n.value,
                why,
                measure.indicator_id if measure is not None and proposed else None,
                measure.breakdown or None if measure is not None and proposed else None,
                str(year) if year is not None else None,
                n.found.qualifier,
                location,
            ).as_dict()
        )

    def waiting(self, why: str) -> list[dict]:
        """The figures read so far as review candidates (reading.prose.waiting), each with its sentence."""
        return waiting_of(self.figures, why, self.sentences)

    def figure(self, sentence, n: Num, measure: Measure, year: int, location: str, kind: str) -> None:
        self.sentences.append(sentence)
        self.figures.append(
            dict(
                indicator_id=measure.indicator_id,
                breakdown=measure.breakdown,
                unit=UNITS[measure.indicator_id],
                value=n.value,
                qualifier=n.found.qualifier,
                upper_bound=n.found.upper_bound,
                year=year,
                period=str(year),
                quote=None if kind == "cell" else sentence,
                as_published=n.found.text + ("%" if n.percent else ""),
                location=location,
                text_part="headline" if kind in ("title", "heading") else "table" if kind == "cell" else "body",
            )
        )

    def read(self) -> None:
        heading_year: int | None = None
        heading_text = ""
        title_year = self.report_year
        previous_kind = ""
        for block in self.doc.blocks:
            stated = sorted({int(y) for y in _YEAR.findall(block.text)})
            if block.kind in ("title", "heading"):
                if len(stated) == 1:
                    heading_year = stated[0]
                elif stated:
                    heading_year = None
                elif previous_kind not in ("title", "heading"):
                    heading_year = title_year
                heading_text = block.text
            under_heading = previous_kind == "heading"
            previous_kind = block.kind
            if block.kind == "title":
                continue
            if block.kind == "cell":
                self._cell(block, heading_text, heading_year)
                continue
            previous_year: int | None = None
            previous_base: list[int] = []
            # a question above the paragraph ("Hoeveel slachtoffers zijn in 2021 bij CoMensha
            # aangemeld?") gives its measure to the answer's bare number ("791.")
            self.last_measure = self.question = _asked(heading_text) if under_heading else None
            self.registered_said = False
            self.span = None
            self.half = None
            for sentence in block_sentences(block):
                previous_year, previous_base = self._sentence(
                    block, sentence, (previous_year, previous_base, heading_year), heading_text
                )
        for i, c in enumerate(self.candidates):  # a number without a period of its own waits with the lead's year proposed
            if (
                c["period"] is None
                and self.lead_year
                and self.doc.date is not None  # a dated item (news): its figures are about one recent year
                and "no period in the sentence" in c["why"]
            ):
                back = 1 if i in self.changed_from_candidates else 0  # what a figure changed from: the year before
                c["period"] = str(self.lead_year - back)
                c["why"] += f"; proposed: {self.lead_year - back}, from the newest year the document's figures are about"

    def _sentence(self, block: Block, sentence: str, ctx_years, heading_text: str) -> tuple[int | None, list[int]]:
        self.number += 1
        location = f"sentence {self.number} ({block.kind})"
        nums = _bind(sentence, _numbers(sentence, block.language or self.doc.language))
        own, base = _own_years(sentence, nums)
        about: set[int] = set()
        loaded_before, waiting_before = len(self.figures), len(self.candidates)
        previous: Measure | None = None
        previous_why: str | None = None
        span = _SPAN.search(sentence)
        if span:
            self.span = f"{span.group(1)}-{span.group(2)}"
        elif own or any(n.bound_year for n in nums) or self._relative_year(sentence) is not None:
            self.span = None  # a sentence with a year of its own ("In 2013", "Vorig jaar") ends the paragraph's span
        for n in nums:
            if n.value is None:
                self.candidate(sentence, n, f"a number that cannot be read as written ({n.found.problem})", None, None, location)
                continue
            # "steeg tussen 2007 en 2011 van 716 naar 1.222": each end of the change its year, by reference
            ends = change_end_years(sentence, _SPAN).get(n.found.number_start) if span else None
            if ends is not None:  # "steeg tussen 2007 en 2011 van 716 naar 1.222": each end its year, by reference
                n.bound_year = ends
            elif self.span is not None and not n.found.is_year:
                # "In de periode 2019-2023 ... 373 minderjarigen", and the sentences after it: sums over
                # several years, no annual figure (proposed with the span, no indicator)
                self.candidate(sentence, n, f"a sum over the years {self.span}: not an annual figure", None, self.span, location)
                continue
            if n.found.qualifier == "suppressed":
                self.candidate(sentence, n, f"an upper bound ({n.found.text!r}), not a figure", None, None, location)
                continue
            before = sentence[: n.start]
            topic_m = None
            for topic_m in _TOPIC.finditer(before):
                pass
            topic = topic_m.group(1) if topic_m else (m.group(1) if (m := _TOPIC.search(heading_text)) else None)
            if n.percent:
                measure, why = self._share_measure(sentence, n)
            else:
                measure, why = self._measure(sentence, n, topic, previous, previous_why)
                if not why and _BASE_OF_SHARE.search(before) and re.search(r"%|procent", sentence[n.end :]):
                    # "95 van de 247 minderjarigen (38,5%)": the base proposes nothing; its share is read on its own
                    why = "the base of a share ('van de ... slachtoffers'), not a figure of its own"
                    measure = _NONE
            measure_why = why  # (what a compared number after it inherits: the measure's doubt, not the period's)
            if measure is None and n.value < 100 and not n.percent:
                continue  # a small number without a measure: no figure ("de 10 regionale eenheden")
            if n.percent and n.found.words and not why:
                why = f"a share in words ({n.found.text!r}): rounded as written, proposed"
            year, why_period = self._period(sentence, n, own, base, ctx_years)
            if (
                n.bound_year is None
                and re.search(r"\b(?:van|from)\s+$", before)
                and re.match(r"\s*" + _PERCENT_WORD + r"?\s*(?:naar|tot|to)\s+\d", sentence[n.end :])
            ):
                # "nam af, van 490 naar 310": what it was before, the year before (by reference)
                changed = "the number a figure changed from ('van ... naar'): the year before, by reference"
                self.changed_from_numbers.add((self.number, n.found.start))
                year, why_period = (year - 1, changed) if year is not None else (None, f"{why_period}; {changed}")
            if year is not None and not why_period and not n.compared:
                about.add(year)
                if measure is not None and measure.indicator_id:
                    self.lead_year = max(year, self.lead_year or year)  # the newest year a figure is read under
            if why and why_period and why_period.startswith("no period"):
                why = f"{why}; {why_period}"  # (a dated item's lead year may be proposed for it below)
            why = why or why_period or (self._whose(sentence, n, measure) if measure else None)
            if not why and measure is not None and measure.indicator_id in (VICTIMS, MINORS) and block.kind == "body":
                # a form's count may lean on its paragraph: "In 2026, 1,129 victims were registered ...
                # Labour exploitation ...: 452 victims (40.0%)"; a total or a group of victims may not
                leans = self.registered_said and measure.breakdown not in ("", "total")
                if not _REGISTERED.search(sentence) and not n.label and not n.compared and not leans:
                    why = "victims counted without saying they were registered (aangemeld, gemeld, geregistreerd)"
            if (
                not why
                and self.voice == Voice.OWN
                and self.doc.date is not None
                and self.report_year is None
                and block.kind == "body"
                and not OWN_NAMES.search(sentence)
                and not re.search(r"\b(?:wij|we|ons|onze|us|our)\b", sentence, re.I)
            ):
                # a news item of CoMensha's own whose sentence names neither CoMensha nor "wij" ("Het jaar 2014
                # springt eruit met 1561 aanmeldingen" after a paragraph on the Rapporteur's monitor)
                why = "a sentence of a news item that names neither CoMensha nor 'wij': whose count it is must be read"
            if not why and self.voice != Voice.OWN:
                why = "reported by another voice (press, another organisation), not published by CoMensha itself"
            if measure is not None and measure.indicator_id and (not n.compared or previous is None):
                previous = measure
                previous_why = measure_why if measure_why and "by reference" in measure_why else None
            proposal = (
                measure if measure is not None and not (why and why.startswith(("a figure of another", "an estimate"))) else None
            )
            shares = [n.share] if n.share is not None else []
            if why or measure is None or not measure.indicator_id or not measure.breakdown:
                self.candidate(
                    sentence,
                    n,
                    why or "no catalog measure",
                    proposal,
                    year if year is not None else self.part_period,
                    location,
                    unnamed_part=bool(why and "name its breakdown" in why),
                )
                for s in shares:
                    share_m = (
                        Measure(SHARE_OF[proposal.indicator_id], proposal.breakdown)
                        if proposal and proposal.indicator_id in SHARE_OF
                        else None
                    )
                    self.candidate(
                        sentence,
                        s,
                        why or "no catalog measure",
                        share_m,
                        year if year is not None else self.part_period,
                        location,
                    )
                continue
            assert year is not None  # no period: why says so
            self.figure(sentence, n, measure, year, location, block.kind)
            for s in shares:
                if measure.indicator_id not in SHARE_OF or measure.breakdown == "total":
                    self.candidate(sentence, s, "a share of a measure the catalog holds no share of", None, year, location)
                else:
                    self.figure(
                        sentence, s, Measure(SHARE_OF[measure.indicator_id], measure.breakdown), year, location, block.kind
                    )
        if previous is not None:
            self.last_measure = previous
        self.last_sentence = sentence
        named = [int(y) for y in _YEAR.findall(sentence)]
        # what "dat jaar" in the next sentence refers to: the last year named, or the one this sentence referred to
        self.last_named_year, self.referred = (named[-1] if named else self.referred), None
        read_nothing = len(self.figures) == loaded_before and len(self.candidates) == waiting_before
        subject = _SUBJECT.search(sentence) if read_nothing else None
        if subject:
            # "Het aantal mogelijke slachtoffers ... is vorig jaar gedaald. Het waren er 1356": what the
            # next sentence's number counts, and (said of last year in a dated item) the year it is about
            forms = _named(sentence[subject.end() :], FORMS)  # "Het aantal slachtoffers van criminele uitbuiting daalde."
            self.last_measure = (
                Measure(REGISTRATIONS, "total")
                if re.match(r"aanmeld|regist", subject.group(1), re.I)
                else Measure(VICTIMS, forms.pop() if len(forms) == 1 else "total")
            )
            relative = self._relative_year(sentence)
            if relative is not None and relative != self.doc.date.year and not own:  # type: ignore[union-attr]
                self.lead_year = max(relative, self.lead_year or relative)
                return relative, base or ctx_years[1]
        if _REGISTERED.search(sentence) and any(f["indicator_id"] == VICTIMS for f in self.figures[loaded_before:]):
            self.registered_said = True  # the paragraph has said what its victims are: registered with CoMensha
        previous_year = own[0] if len(own) == 1 else (about.pop() if len(about) == 1 else ctx_years[0])
        return previous_year, base or ctx_years[1]

    def _cell(self, block: Block, heading_text: str, heading_year: int | None) -> None:
        """A table cell ("257 FairWork (Aantal)"): its row names the reporter or form, its column
        a year, a count or a share; the table's caption or heading names the measure."""
        m = re.search(r"row (['\"])(?P<row>.*?)\1, column (['\"])(?P<col>.*?)\3$", block.location or "")
        found = find_numbers(block.text, self.doc.language)
        if not m or not found:
            return
        f = found[0]
        row, col = m.group("row"), m.group("col")
        # "Totaal aantal slachtoffers ²", "Meldende instanties a" (<sup>a</sup>): a note's mark is no part of the label
        row = re.sub(r"\s*" + NOTE_MARK + r"+\s*$|\s+[a-z]$", "", row)
        percent = bool(re.fullmatch(r"%|aandeel|percentage|procent", col.strip(), re.I)) or "%" in block.text[f.end : f.end + 2]
        n = Num(f, percent=percent, label=row)
        location = block.location or ""
        # the column's own year: "2026", "Aanmeldingen 2025", "Aandeel 2026" (not a base: "t.o.v. 2025")
        col_years = set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", col))
        own_year = len(col_years) == 1 and not re.search(
            r"t\.o\.v\.|\b(?:sinds|since|dan|than|versus|vs|compared|vergeleken|tegen|verschil|change)\b", col, re.I
        )
        year = int(col_years.pop()) if own_year else (heading_year or self.report_year)
        if re.search(r"\b(?:verschil|verandering|mutatie|toename|afname|change|difference|diff)\b|\+/-|±|t\.o\.v\.", col, re.I):
            # a "Verschil" column beside two year columns: each cell a difference, never a count of its year
            self.candidate(block.text, n, f"a difference ({col!r} column), not a figure", None, year, location)
            return
        topic = "aanmeldingen" if re.search(r"aanmelding|aanmelder", heading_text, re.I) else "slachtoffers"
        if re.search(r"minderjarig", heading_text, re.I) or re.search(r"minderjarig|\bminors?\b|under 18|onder de 18", col, re.I):
            n.words = "minderjarige"  # the caption's, or the column's: "waarvan minderjarig" beside "Alle slachtoffers"
        # a key-figure table whose rows name measures ("Aanmeldingen", "Aangemelde slachtoffers
        # (totaal)", "waarvan minderjarig"): each row is its measure's total; a row of a count the
        # catalog does not hold ("Meldende instanties") waits
        measure_row = _MEASURE_ROW.fullmatch(row.strip())
        if measure_row:
            topic = "aanmeldingen" if measure_row.lastgroup == "registrations" else "slachtoffers"
            if measure_row.lastgroup == "minors":
                n.words = "minderjarige"
            row = "Totaal"
        elif _OTHER_COUNT_ROW.fullmatch(row.strip()):
            self.candidate(block.text, n, f"a row the catalog holds no measure for ({row!r})", None, year, location)
            return
        measure, why = self._measure(block.text, Num(f, label=row, words=n.words, noun=topic), topic, None)
        if measure is not None and percent:
            if measure.breakdown == "total":
                if n.value != 100:
                    self.candidate(block.text, n, "a total's share other than 100%", None, year, location)
                return
            measure = (
                Measure(SHARE_OF.get(measure.indicator_id, ""), measure.breakdown) if measure.indicator_id in SHARE_OF else _NONE
            )
        if year is None:
            why = why or "no period for this table"
        mark = re.search(NOTE_MARK, heading_text)
        if not why and mark:  # "Slachtoffers uitgebuit als minderjarige*": the note may redefine the whole table
            why = f"the table's caption carries a note ({mark.group(0)!r}): read the note before its figures load"
        if not why and _FOREIGN.search(heading_text):
            why = f"a table of another organisation ({_FOREIGN.search(heading_text).group(0)})"  # type: ignore[union-attr]
        if not why and self.voice != Voice.OWN:
            why = "reported by another voice (press, another organisation), not published by CoMensha itself"
        if why or measure is None or not measure.indicator_id or not measure.breakdown:
            unnamed = bool(why and why.startswith("an unknown type of reporter") and measure is not None)
            if unnamed:
                why = (
                    f"{why}: a part of the registrations without a catalog breakdown; accept it only naming one "
                    "(--breakdown), never as the total"
                )
            self.candidate(block.text, n, why or "no catalog measure", measure, year, location, unnamed_part=unnamed)
            return
        assert year is not None
        self.figure(block.text, n, measure, year, location, "cell")


# ---------------------------------------------------------------- checks


def _decimals(as_published: str) -> int:
    m = re.search(r"[.,](\d+)\s*%?$", as_published.strip())
    return len(m.group(1)) if m else 0


def _shares_misfit(figures: list[dict]) -> str | None:
    """Why the shares of a page do not fit its counts, or None: for each share measure and
    period, some whole total must give every share as printed (to its decimals) from its count,
    be at least the reporters' counts together (forms may overlap: at least the largest), and
    equal the total the page states."""
    by_key = {(f["indicator_id"], f["breakdown"], f["period"]): f for f in figures}
    for share_id, count_id in ((VICTIMS_SHARE, VICTIMS), (REGISTRATIONS_SHARE, REGISTRATIONS)):
        for period in sorted({f["period"] for f in figures if f["indicator_id"] == share_id}):
            pairs = []
            for f in figures:
                if f["indicator_id"] == share_id and f["period"] == period:
                    count = by_key.get((count_id, f["breakdown"], period))
                    if count is not None:
                        pairs.append((count, f))
            if not pairs:
                continue
            counts = [c["value"] for c, _ in pairs]
            low = float(sum(counts) if count_id == REGISTRATIONS else max(counts))
            high = math.inf
            total = by_key.get((count_id, "total", period))
            if total is not None:
                low, high = max(low, total["value"]), min(high, total["value"])
            for c, s in pairs:
                half = 0.5 * 10 ** -_decimals(s["as_published"])
                if s["value"] + half > 0:
                    low = max(low, c["value"] * 100 / (s["value"] + half))
                if s["value"] - half > 0:
                    high = min(high, c["value"] * 100 / (s["value"] - half))
            if math.ceil(low - 1e-9) > high + 1e-9:
                listed = ", ".join(f"{s['breakdown']} {c['as_published']} ({s['as_published']})" for c, s in pairs)
                stated = f" and the stated total {total['value']:g}" if total is not None else ""
                return f"the shares of {count_id} {period} do not fit their counts{stated}: no whole total gives {listed}"
    return None


def _table_misfit(figures: list[dict], candidates: list) -> str | None:
    """Why a table of the publisher's own cannot be loaded, or None: a row whose label names no
    known reporter or form, or reporters' rows that do not add up to the total row the table
    itself states (a row missing or wrong: which, no reader can tell). Forms may overlap (one
    victim, two forms): only the reporters must add up.

    A reporters' row of an unknown type is no reason to refuse the table when the table proves
    itself complete with it: the rows, the unknown one included, add up exactly to the total row
    it states. Then the known rows are what they say, and the unknown row waits in review (its
    registrations proposed without a breakdown, never folded into another). Without a total row,
    or with rows that do not add up, no reader can tell what the unknown row is part of: refused.
    An unknown form is always refused: forms overlap, so no sum proves a forms table complete."""
    tables: dict[tuple[str, str], list[dict]] = {}
    for f in figures:
        in_table = re.match(r"table \d+", f.get("location") or "")
        if in_table and f["indicator_id"] == REGISTRATIONS:
            tables.setdefault((in_table.group(0), f["period"]), []).append(f)
    unknown: dict[tuple[str, str], list[float]] = {}
    for c in candidates:
        why, where = c.get("why") or "", c.get("location") or ""
        in_table = re.match(r"table \d+", where)
        if not in_table or not why.startswith(("an unknown type of reporter", "an unknown form of exploitation")):
            continue
        key = (in_table.group(0), str(c.get("period")))
        if why.startswith("an unknown form") or not any(f["breakdown"] == "total" for f in tables.get(key, [])):
            return (
                f"{why.split(':')[0]} in {where}: add it to REPORTERS or FORMS in src/kr_pipeline/publishers/comensha/web.py"
                " (or to the catalog's breakdowns) and build again"
            )
        if not str(c.get("as_published") or "").endswith("%") and c.get("value") is not None:
            unknown.setdefault(key, []).append(float(c["value"]))
    for (table, period), rows in sorted(tables.items()):
        totals = [f["value"] for f in rows if f["breakdown"] == "total"]
        parts = [f["value"] for f in rows if f["breakdown"] != "total"] + unknown.get((table, period), [])
        if totals and parts and sum(parts) != totals[0]:
            named = " (a row of an unknown type of reporter included)" if unknown.get((table, period)) else ""
            return (
                f"{table}: the reporters' rows of {period}{named} add up to {sum(parts):g}, but the table states a total of "
                f"{totals[0]:g} (a row missing or wrong): load it by hand in its curated file once the publisher says which"
            )
    return None


def _edition_year(document: Document, url: str | None) -> int | None:
    """The year of the edition ("Het beeld van 2024"): its address, else its title or headings."""
    m = re.search(r"het_beeld_van_((?:19|20)\d\d)", url or "", re.I)
    if m:
        return int(m.group(1))
    # a title or heading that IS the edition's name, or one part of it ("Aard en omvang - Het beeld
    # van 2025 - CoMensha", "Het beeld van 2025 › Aard en omvang"); a news item about the edition
    # ("Het beeld van 2026 verschenen") is not the edition
    head = [b.text for b in document.blocks[:8] if b.kind in ("title", "heading")]
    parts = [p.strip() for t in head for p in re.split(r"\s+[-–|›»:]\s+|\s*[|›»]\s*", t)]
    years = {int(m.group(1)) for p in parts if (m := re.fullmatch(r"het beeld van ((?:19|20)\d\d)", p, re.I))}
    return years.pop() if len(years) == 1 else None


def _registered_year_contradicted(document: Document, edition: int | None, year: int) -> str | None:
    if edition is not None:
        if edition != year:
            return (
                f"this is the edition 'Het beeld van {edition}', but it is registered as {year}: register it under its own year"
            )
        return None
    title_years = {int(y) for b in document.blocks if b.kind == "title" for y in _YEAR.findall(b.text)}
    allowed = title_years | ({document.date.year} if document.date else set())
    if title_years and year not in allowed:
        return f"the title states year(s) {sorted(title_years)}, but it is registered as {year}: register it under its own year"
    return None


def parse(data: bytes, year: int, file: str = "?", context: ParseContext | None = None) -> ParsedPublication:
    ctx = context_for(SOURCE_ID, year, file, context)
    document = read_document(data)
    voice = voice_of(document, ctx.url, ctx.own_hosts, OWN_NAMES, ctx.voice)
    edition = _edition_year(document, ctx.url)
    reader = _Reader(document, voice, edition)
    reader.read()
    candidates = reader.candidates
    contradiction = _registered_year_contradicted(document, edition, year)
    if contradiction:  # refused, but nothing is lost: its figures wait, read as they would have loaded
        raise ctx.fail(contradiction, candidates=candidates + reader.waiting(f"the page is refused: {contradiction}"))
    if not reader.figures:
        raise ctx.fail(
            (
                "no figure loads by itself: the text is not in CoMensha's own voice (press or another organisation)"
                if voice != Voice.OWN
                else "no CoMensha figures recognised in the text (layout or wording changed?)"
            )
            + (f"; {len(candidates)} candidates wait in `kr review`" if candidates else ""),
            candidates=candidates,
        )
    try:
        chosen = one_per_series(reader.figures, candidates)
    except StatedTwice as exc:
        raise ctx.fail(str(exc), candidates=candidates + reader.waiting(f"the page is refused: {exc}")) from None
    misfit = _shares_misfit(chosen) or _table_misfit(reader.figures, candidates) if voice == Voice.OWN else _shares_misfit(chosen)
    if misfit:
        raise ctx.fail(misfit, candidates=candidates + reader.waiting(f"the page is refused: {misfit}"))
    notes = [f"{len(candidates)} numbers not loaded, waiting for review"] if candidates else []
    return ParsedPublication(SOURCE_ID, year, file, national_frame(chosen), notes, candidates=candidates, voice=str(voice))
