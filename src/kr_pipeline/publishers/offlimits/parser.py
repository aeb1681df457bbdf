"""Offlimits (Meldpunt Kinderporno, formerly EOKM): the hotline's annual figures from prose:
its news items, its annual report sites (Dutch and English), and the press about them.

The reading policy (issue 22): a figure loads only when its own clause says what, whose and
when; everything a careful reader would hesitate over waits in `kr review` with its sentence
and a proposed reading. Never a guess, never the registered year alone.

- Voice (reading.prose.voice_of): only the publisher's own voice loads figures by itself: a
  page on its own hosts (the registry's own_hosts), a voice the operator declared, or a file
  that names itself as the hotline's report and speaks in the first person. The press, another
  organisation or an umbrella body only propose figures: every one becomes a candidate.
- Number (reading.numbers.find_numbers): digits as the document's language writes them,
  grouped by separators or spaces, number words ("ruim 0,6 miljoen", "over half a million")
  with their rounding word; a number with an invisible character inside is not read.
- Measure: a unit noun bound to the number (after it, "127.081 meldingen"; before it, "Van
  die meldingen kwamen er 236.743 ..."; or that of the number it is compared with, "tegenover
  255.563") and the words of the number's own clause (MEASURES). The base of a share ("Van de
  100.478 URL's bevatte 69% ...") and a part ("nog eens 253.712 URL's") are not the measure.
- Organisation: the sentence (or its section, under a heading naming another service) must not
  be about another organisation or another of Offlimits' services (Helpwanted, Stop it Now);
  "het meldpunt" is Offlimits only in a document that names no other meldpunt.
- Period: a year bound to the number ("255.563 in 2023", "(2021: 413.262)"); else the one year
  its sentence is about (not a comparison base, "ten opzichte van 2020"); "een jaar eerder",
  "het jaar daarvoor" count back from a year stated in the sentence or the one before;
  "vorig jaar" / "last year" count from the document's own date of writing only (in the
  publisher's annual report without a date: the report's year); "toen", "dat jaar", "in die
  periode", "dezelfde periode" take their period from what they refer to: they wait in review;
  half-years, quarters, months and "per dag" are not annual figures: they wait in review. A
  sentence without any period takes the year of its paragraph or heading, or in the
  publisher's own annual report the report's year; otherwise it waits in review.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from ...observations import ParsedPublication
from ...reading.context import ParseContext, context_for
from ...reading.numbers import ROUNDING_WORD_BEFORE, Found, find_numbers, find_shares, point_grouped
from ...reading.prose import (
    ANAPHORIC_PERIOD as _ANAPHORIC_PERIOD,
)
from ...reading.prose import (
    BACK as _BACK,
)
from ...reading.prose import (
    COMPARED_WITH,
    LAST_CALENDAR_YEAR,
    MONTHS,
    NOTE_MARK,
    REGISTERED_YEAR_WORDS,
    RESPECTIVELY,
    ROLLING_AFTER_MONTH,
    ROLLING_YEAR,
    SINCE,
    Block,
    Candidate,
    Document,
    StatedTwice,
    Voice,
    blanked,
    block_sentences,
    cell_column,
    date_spans,
    host_of,
    issue_month_spans,
    national_frame,
    on_hosts,
    one_per_series,
    part_span,
    pronoun_for_another,
    read_document,
    referred_year,
    rounded_take_their_figures_period,
    since_a_year,
    voice_of,
)
from ...reading.prose import (
    CORRECTION as _CORRECTION,
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
    SO_FAR as _SO_FAR,
)
from ...reading.prose import (
    YEAR as _YEAR,
)
from ...reading.prose import waiting as waiting_of
from ...vocabulary import VALUED

SOURCE_ID = "offlimits"

# ---------------------------------------------------------------- vocabulary

# Unit nouns as Dutch and English print them -> unit.
_UNITS = {
    "meldingen": "reports",
    "melding": "reports",
    "reports": "reports",
    "report": "reports",
    "url's": "URLs",
    "urls": "URLs",
    "url": "URLs",
    "webadressen": "URLs",
    "web addresses": "URLs",
    "web address": "URLs",
    "links": "URLs",
    "webpagina's": "URLs",
    "webpages": "URLs",
    "web pages": "URLs",
    "afbeeldingen": "images",
    "beelden": "images",
    "foto's": "images",
    "images": "images",
    "pictures": "images",
    # what the hotline's early years called reports: proposed as reports, never loaded as them
    "klachten": "complaints",
    "klacht": "complaints",
    "complaints": "complaints",
    # a difference of two shares ("−2 pp", "3 procentpunt"): no measure of the catalog, proposed as it is
    "procentpunten": "points",
    "procentpunt": "points",
    "percentage points": "points",
    "percentage point": "points",
    "pp": "points",
    "%": "percent",
    "procent": "percent",
    "per cent": "percent",
    "percent": "percent",
}
# a unit noun ends at a non-word character or a footnote mark ("meldingen¹")
_UNIT_END = r"(?![^\W¹²³⁴⁵⁶⁷⁸⁹⁰]|')"
_UNIT_RE = re.compile(r"^(?:" + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True)) + r")" + _UNIT_END, re.I)
# A sentence whose subject, before a colon, is what its first figure counts: "Images made with AI
# grew fastest: 124,733", "Het aantal meldingen daalde licht: 154.209".
_SUBJECT_BEFORE_COLON = re.compile(
    r"^\W*(?:(?:het|de|the)\s+(?:aantal|number\s+of)\s+)?(?:[\w'’\-]+\s+){0,2}?"
    r"(?P<noun>afbeeldingen|beelden|images|meldingen|reports|URL['’]s|URLs|webpagina's|webpages)\b"
    r"[^:;\d]{0,80}\b(?:grew|rose|increased|fell|dropped|declined|doubled|groeide\w*|steeg|stegen|daalde\w*|"
    r"n[a]m\w*\s+(?:\w+\s+)?(?:toe|af)|verdubbelde\w*)\b[^:;\d]{0,30}:\s*$",
    re.I,
)
# A label and its figure: "Verwijderverzoeken binnen 24 uur opgevolgd: meer dan 94%" (the label
# says what the figure after the colon measures).
_LABEL_BEFORE_COLON = re.compile(r"^\W*([^:;.!?]{3,80}):\s*$")
# A plural noun right after a number that is no unit: the number counts it ("31 partners", "48
# analisten", "27 landen"), whatever a noun before it counted. Verbs and predicates are no nouns.
_OTHER_COUNT_NOUN = re.compile(
    r"\s*(?!(?:waren|zijn|bleken|werden|bevatten|hadden|kwamen|stonden|gingen|bleven|illegale|strafbare|nieuwe|"
    r"were|are|had|contained|came|showed|remained|illegal|new|daarvan|hiervan|meer|minder|more|fewer|less)\b)"
    r"[a-z][a-z\-]+(?:s|en|'s)\b"
)
_ANAPHORIC_UNIT = re.compile(
    r"\b(?:(?:[Vv]an|[Oo]f|[Hh]iervan|[Oo]f these|[Oo]f those)\s+(?:die|deze|de|alle|the|these|those|all)?\s*(?:\w+\s+)?"
    r"|[Hh]et (?:aantal|totaal(?: aantal)?) |[Tt]he (?:number|total(?: number)?) of )"
    r"(?:\w+-)?(meldingen|URL's|URLs|URL’s|webadressen|links|afbeeldingen|beelden|reports|images)\b"  # "AI-afbeeldingen"
)
# units that are no count: a share and a change in percent (and a number without a unit: no count either)
_RATIOS = ("percent", "percent_change")
_NOT_A_COUNT = (None, *_RATIOS)
OWN_NAMES = re.compile(r"\b(?:Offlimits|Meldpunt Kinderporno|EOKM|Expertisebureau Online Kindermisbruik)\b", re.I)
_OWN_REFERENCE = re.compile(r"\b(?:het meldpunt|the hotline|our hotline|ons meldpunt|wij|we|ons|onze|our|us)\b", re.I)
# another meldpunt by its name ("Meldpunt Cybercrime"); not "het Meldpunt Helpwanted.nl" in "In 2007
# begon het Meldpunt Helpwanted.nl": the hotline and what it began
_ANOTHER_MELDPUNT = r"Meldpunt (?!Kinderporno|Helpwanted|Help Wanted|Stop it Now|Meldkindersekstoerisme|Offlimits|EOKM)[A-Z]\w+"
# Other organisations, and Offlimits' own services that are not the hotline.
_OTHERS = re.compile(
    r"\b(?:politie|police|NCMEC|IWF|Internet Watch Foundation|INHOPE|Inhope|Europol|Interpol|FBI|"
    r"Helpwanted|Help Wanted|Stop it Now|Stop It Now!?|Centrum Kinderhandel|CKM|Fier|Nationaal Rapporteur|"
    r"Meldpunt Internet Discriminatie|MiND|Meld\.?\s?Online Discriminatie|discriminatie|discrimination|"
    # ("internationale meldpunten", "international hotlines": other hotlines; not "international partners",
    # who pass reports on)
    r"internationale meldpunt\w*|international hotlines?|"
    + _ANOTHER_MELDPUNT
    + r"|andere meldpunten|buitenlandse meldpunten|partner hotlines|other hotlines|"
    r"ATKM|Autoriteit|Kindertelefoon|Child Helpline|Slachtofferhulp|Child Focus|ECPAT|Terre des Hommes|Thorn|"
    # another organisation described, not named: "hun meldpunt", "onze Belgische collega's"
    r"(?:hun|their) (?:meldpunt|hotline)|collega's|colleagues|zusterorganisatie\w*|partnerorganisatie\w*|"
    r"(?:Belgische|Duitse|Britse|Franse|Amerikaanse|Europese|buitenlandse|Belgian|German|British|French|American|foreign) "
    r"(?:meldpunt\w*|hotlines?|collega's|partners?|organisaties?|organisations?))(?!\w)"
)
# All of Offlimits' services together, or the hotline's reports counted with other services' questions.
_ALL_SERVICES = re.compile(
    r"\b(?:alle (?:\w+ )?diensten|all (?:of )?(?:our |its |the )?services|(?:meldingen|reports) (?:en|and) "
    r"(?:hulpvragen|adviesvragen|vragen|requests|questions|calls))\b",
    re.I,
)
# Another organisation named as a channel or partner ("via INHOPE", "passed on by partner
# hotlines"), not as the one whose figure it is.
_CHANNEL = re.compile(
    r"\b(?:via|through|door|by|van|from|met|with|naar|aan|to|of|vanuit)\s+(?:de |het |the |een |a |onze |our |andere |other )?(?:\w+\s+){0,2}$",
    re.I,
)
# "Dat aantal is gedaald naar 29.000", "That number has since risen to 61,000": a sentence that
# takes up the count just before and says what it changed to (which makes that count the earlier)
_THAT_NUMBER = r"(?:dat|dit|that|this|the) (?:aantal|getal|number|figure|count)\b"
_ANOTHERS_COUNT_TAKEN_UP = "a figure of what the sentence before counted for another organisation ('Dat aantal')"
_THAT_NUMBER_CHANGED_TO = re.compile(
    r"^\s*" + _THAT_NUMBER + r"\s+(?:\w+\s+){0,3}?"
    r"(?:gedaald|gestegen|teruggelopen|toegenomen|afgenomen|gezakt|gegroeid|daalde|steeg|groeide|liep|"
    r"fell|rose|dropped|grew|increased|decreased|declined|climbed|went (?:up|down))\s+(?:\w+\s+){0,2}?(?:naar|tot|to)\s",
    re.I,
)
# Offlimits' services other than the hotline, and the hotline named as such.
_OWN_SERVICES = re.compile(r"\b(?:Helpwanted|Help Wanted|Stop it Now|Stop It Now!?)\b", re.I)
_HOTLINE = re.compile(
    r"\b(?:Meldpunt Kinderporno|ons (?:eigen )?meldpunt|our (?:own )?hotline|het meldpunt van Offlimits|Offlimits' hotline)\b",
    re.I,
)
# A document that names another meldpunt: "het meldpunt" no longer tells whose.
_OTHER_MELDPUNT = re.compile(r"\b(?:" + _ANOTHER_MELDPUNT + r"|Meld\.?\s?Online Discriminatie|MiND)\b")


@dataclass(frozen=True)
class Measure:
    indicator_id: str  # "" for a measure the catalog does not hold (a candidate without a proposal)
    breakdown: str
    unit: str


_NONE = Measure("", "", "")
_REPORTS = Measure("offlimits.reports", "total", "reports")
_URLS_ANALYSED = Measure("offlimits.urls_analysed", "total", "URLs")
_NOT_ILLEGAL = r"\b(?:niet[- ]illega\w*|niet strafba\w*|not illegal|non-illegal|legal)\b"
_ILLEGAL = r"\b(?:illega\w*|strafba\w*|illegal|criminal|unlawful|punishable)\b"
_ANALYSED_WORDS = (
    r"\b(?:analy[sz](?:e|ed|es|ing|is)|analyse\w*|geanaly\w*|beoorde\w*|onderz\w*|verwerk\w*|bekeken|bekeek|"
    r"gecontroleerd|controleerde\w*|assess\w*|review\w*|process\w*|examined|checked|looked at|went through|gone through)\b"
)
_SUSPECTED = r"\b(?:vermoedelijk\w*|mogelijk\w*|verdacht\w*|suspected|possible|alleged|potential|presumed)"
# For URLs: holding abuse material is holding illegal material ("URL's met kindermisbruik").
_ABUSE = (
    r"(?<!Online )\b(?:\w*kindermisbruik\w*|misbruikmateriaal|misbruikbeelden|abuse material|CSAM"
    # ("Op 268.912 daarvan stond beeldmateriaal van seksueel misbruik van kinderen")
    r"|(?:beeld)?materiaal van seksueel misbruik van kinderen"
    # ("On 268,912 of them, they found images of the sexual abuse of children")
    r"|(?:images|imagery|material|pictures|videos) (?:of|showing) (?:the )?(?:sexual )?abuse of children)\b"
)  # not the name "Expertisebureau Online Kindermisbruik"
_NOTE_MARKS = str.maketrans({c: " " for c in NOTE_MARK.strip("[]") if c != "*"})  # ("*" is left: "AI*" reads as AI anyway)
# The hotline described by what it is for is no measure: "the Dutch hotline for child sexual abuse
# material assessed 903,265 URLs", "het meldpunt tegen online kindermisbruik beoordeelde ...", "the
# CSAM hotline" (the URLs it assessed are not thereby URLs with abuse material)
_DESCRIBED_HOTLINE = re.compile(
    r"\b(?:hotline|helpline|meldpunt|reporting (?:point|centre|center)|expertisecentrum|expertise cent(?:re|er))\s+"
    r"(?:for|against|on|voor|tegen)\s+(?:online\s+)?(?:child(?:ren)?(?:'s)?\s+)?(?:sexual(?:ly)?\s+)?"
    r"(?:abuse(?:\s+(?:material|imagery|images|content))?|exploitation(?:\s+material)?|\w*kindermisbruik\w*|"
    r"misbruikmateriaal|kinderporno\w*|CSAM)\b"
    r"|\b(?:CSAM|child (?:sexual )?abuse(?: material)?|kindermisbruik|kinderporno)[-\s]+(?:hotline|meldpunt|helpline)\b",
    re.I,
)
_CHANGE = (
    r"\b(?:stijging|toename|groei|daling|afname|gestegen|gedaald|steeg|stegen|daalde|daalden|groeide|"
    # ("nam in 2023 toe met 28 procent", "is toegenomen")
    r"toegenomen|afgenomen|nam(?:en)?\s+(?:\S+\s+){0,4}?(?:toe|af)|"
    r"increase|increased|rise|rose|risen|growth|grew|grown|decrease|decreased|decline|declined|drop|dropped|fall|fell|fallen)\b"
)

# Made by the children themselves: "self-generated", "zelfgemaakt", "die kinderen zelf hadden gemaakt".
_SELF_MADE = (
    r"self[-\s]*generated|zelfgemaakt|zelf gemaakt|\bzelf (?:\w+ ){1,2}gemaakt\b|\b(?:made|produced|taken) by (?:the )?children themselves\b"
    r"|\b(?:van )?zichzelf (?:(?:hebben|hadden|heeft|had) )?(?:maakten|maken|maakt|gemaakt)\b|\bkinderen zelf maakten\b"  # "dat kinderen van zichzelf maakten"
)
# (unit, words that must stand in the number's clause) -> measure. First match wins: the
# narrower readings (another breakdown, a measure the catalog does not hold) come first.
# The nouns for a URL: "URL's", "webadressen", "webpagina's" (and, where no other reading of it is near, "links": _URL_WORD)
_URL_NOUN_WORDS = r"URL|webadres|web address|webpagina|webpage"
_URL_NOUNS = rf"\b(?:{_URL_NOUN_WORDS})"
MEASURES: list[tuple[str, re.Pattern, Measure]] = [
    (
        "reports",
        # ("came from within the country": the text's country is the Netherlands)
        re.compile(
            r"\b(?:uit Nederland|from the Netherlands|in the Netherlands|from within the (?:country|Netherlands))\b"
            # (not "from the Netherlands and abroad", "uit Nederland en het buitenland": all of them)
            # ("uit Nederland en uit het buitenland", "from the Netherlands and from abroad")
            r"(?!\s+(?:and|en|or|of)\s+(?:(?:uit|from|van)\s+)?(?:het\s+)?(?:abroad|buitenland|elsewhere|other countries|andere landen))",
            re.I,
        ),
        Measure("offlimits.reports", "from_netherlands", "reports"),
    ),
    # (not one of the sources of all of them: "van burgers en van buitenlandse meldpunten")
    (
        "reports",
        re.compile(
            r"(?<!\ben )(?<!\ben van )(?<!\band )(?<!\band from )\b(?:uit het buitenland|buitenlandse|from abroad|foreign)\b",
            re.I,
        ),
        _NONE,
    ),
    ("reports", re.compile(_ILLEGAL + "|" + _NOT_ILLEGAL, re.I), _NONE),  # illegal reports: not the catalog's
    (
        "reports",
        re.compile(
            r"\b(?:ontv\w*|verwerk\w*|kreeg|kregen|krijg\w*|gekregen|binnen\w*|registreer\w*|behandel\w*|telde|in totaal|"
            r"aantal meldingen|totaal aantal meldingen|received|processed|handled|reviewed|assessed|analy[sz]ed|in total|dealt with|"
            r"counted|recorded|registered|logged|"
            r"number of reports)\b"
            # (rounded too, as a table's cell: "ca. 300.000 Meldingen in 2045")
            r"|^\W*(?:(?:ca\.|circa|ruim|bijna|zo'n|ongeveer|about|around|almost|nearly|some|over)\s+)?[\d.,\s]+\s+(?:meldingen|reports)"
            r"(?:\s+(?:totaal|in totaal|total))?"
            r"(?:\s+(?:bij|to|at)\s+(?:het\s+|ons\s+|the\s+|our\s+)?(?:Meldpunt Kinderporno|meldpunt|hotline))?(?:\s+in\s+\d{4})?\W*$",
            re.I,
        ),
        _REPORTS,
    ),
    ("URLs", re.compile(_NOT_ILLEGAL, re.I), _NONE),
    # "Van de URL's met illegaal materiaal toonden er ruim 74.000 materiaal dat kinderen van zichzelf
    # hadden gemaakt": URLs of self-made material, a part the catalog holds as a share only
    ("URLs", re.compile(_SELF_MADE, re.I), _NONE),
    # "URL's met vermoedelijk seksueel kindermisbruik verwerken", "URLs of suspected child sexual
    # abuse assessed": what was assessed, not yet found illegal
    (
        "URLs",
        # (or checked for it: "url's gecontroleerd op kindermisbruik", "bekeek ... links naar kindermisbruik")
        re.compile(
            rf"^(?=.*{_ANALYSED_WORDS})(?=.*(?:{_SUSPECTED}\s+(?:\w+\s+){{0,4}}?|\b(?:op|naar|for)\s+(?:\w+\s+){{0,3}}?)"
            rf"(?:{_ABUSE}|{_ILLEGAL}))",
            re.I,
        ),
        _URLS_ANALYSED,
    ),
    ("URLs", re.compile(_ILLEGAL + "|" + _ABUSE, re.I), Measure("offlimits.urls_illegal", "total", "URLs")),
    ("URLs", re.compile(_ANALYSED_WORDS, re.I), _URLS_ANALYSED),
    (
        "images",
        re.compile(r"\b(?:AI|kunstmatige intelligentie|artificiële intelligentie|artificial intelligence)\b"),
        Measure("offlimits.ai_images", "total", "images"),
    ),
    (
        "percent",
        re.compile(r"\b(?:binnen 24 uur|within 24 hours|binnen (?:een|één) (?:dag|etmaal)|within (?:a|one) day)\b", re.I),
        Measure("offlimits.removal_within_24h_share", "total", "percent"),
    ),
    (
        "percent",
        re.compile(_SELF_MADE, re.I),
        Measure("offlimits.self_generated_share", "total", "percent"),
    ),
    ("percent", re.compile(_ILLEGAL, re.I), _NONE),  # a change in URLs with illegal material: not the catalog's
    (
        "percent",
        # ("the number of web addresses checked by the hotline had grown by 45%")
        re.compile(_CHANGE + r".*" + _URL_NOUNS + "|" + _URL_NOUNS + ".*" + _CHANGE, re.I),
        Measure("offlimits.urls_analysed_change", "total", "percent_change"),
    ),
]
_URLS_CHANGE = MEASURES[-1][2]
# The words for a URL: "URL's", "webadressen", "links", "webpagina's".
_URL_WORD = rf"\b(?:{_URL_NOUN_WORDS}|links?\b)"
_REGISTERED_WORDS = f": proposed from {REGISTERED_YEAR_WORDS}"
# Where a proposal's year came from when the text did not say it: carried to the proposals that follow.
_PROPOSAL_NOTE = re.compile(
    re.escape(_REGISTERED_WORDS)
    + r" \(\d+\)|: counted from the date in its address \([\d-]+\)|: proposed from the year its title names"
)
_ORIGINS = 2  # the first entries: where the reports came from (a breakdown, or one the catalog does not hold)
# What a unit usually measures here: proposed for review when nothing in the text says more.
_USUAL = {"reports": _REPORTS, "URLs": _URLS_ANALYSED, "complaints": _REPORTS}


def _usual(sentence: str, mt: Mention) -> Measure | None:
    """What a unit usually measures here (a proposal for review, never a load): items examined
    listed with websites ("63.056 afbeeldingen, video's en websites bekeken", as EOKM used to
    count what it now calls URLs analysed) are proposed as URLs analysed."""
    if mt.unit == "images" and re.match(r"[^.;:]{0,40}\b(?:websites|URL['’]?s|webpagina['’]?s)\b", sentence[mt.end :], re.I):
        return _URLS_ANALYSED
    return _USUAL.get(mt.unit or "")


# A percentage followed by its direction: "12,5% meer dan in 2023", "4% fewer than".
# "an increase of 5.1%", "een stijging van 5,1 procent": a change named before its percentage
_CHANGE_NOUNS = r"(?:increase|rise|growth|decrease|decline|drop|fall|stijging|toename|groei|daling|afname)"
_CHANGE_NOUN_BEFORE = r"(?:(?:an?|een)\s+)?" + _CHANGE_NOUNS + r"\s+(?:of|van)\s+"
_CHANGE_AFTER = re.compile(
    r"\s*(?:%|procent|per cent|percent)?\s*(?:meer|minder|hoger|lager|more|fewer|less|higher|lower)\b", re.I
)
_DECLINE = re.compile(
    r"\b(?:daling|afname|daalde|daalden|gedaald|afgenomen|nam(?:en)?\s+(?:\S+\s+){0,4}?af|minder|lager|"
    r"decrease|decreased|decline|declined|drop|dropped|fell|fall|fewer|less|lower)\b",
    re.I,
)
# A number that refers back to a measure named before: "In 2022 waren het er nog 151.337".
# "Het aantal meldingen ..." earlier in the sentence, and a verb with "er" right before the number.
_NAMED_NUMBER_OF = re.compile(
    r"\b(?:het (?:\w+ )?aantal|the (?:\w+ )?number of)\s+(?:[\w\-]+\s+){0,8}?"
    r"(?P<noun>meldingen|URL's|URL’s|urls|webadressen|afbeeldingen|beelden|reports|images)\b",
    re.I,
)
# "van bijna 22.000 naar ruim 34.000", "van 28.960 in 2014 naar 308.430 in 2019": a number and
# the one it became (a number with its own year keeps that year: only an undated one is the year before)
_FROM_TO = re.compile(
    r"[\d.,]+(?:\s+in\s+(?:19|20)\d\d)?\s+(?:naar|tot|to)\s+(?:bijna|ruim|circa|zo'n|ongeveer|nearly|about|over)?\s*[\d.,]+", re.I
)
_CHANGED_FROM = re.compile(
    r"\b(?:nam (?:\w+ )*?(?:toe|af)|steeg|daalde|groeide|rose|fell|grew|\w+voudigd|verdubbeld|gestegen|gedaald|toegenomen|afgenomen|"
    r"gegroeid|doubled|tripled|increased|decreased)\b[^;]*?:?\s*(?:van|from)\s+"
    r"(?:bijna|ruim|circa|zo'n|ongeveer|nearly|about|over)?\s*$",
    re.I,
)
# "Het juiste aantal meldingen uit Nederland in 2033 is 58.730", "The total number of reports was
# 171,256", "Het totale aantal meldingen dat ons Meldpunt ontving, 171.256, was juist": the number
# the named count is (a copula, or set off by commas right after the noun's clause)
_IS_NAMED = re.compile(
    r"\b(?:is|was|bedroeg|bedraagt|komt uit op|kwam uit op|staat op|stond op|stood at|came to|totall?ed|amounted to|"
    r"(?:steeg|stijgt|daalde|daalt|groeide|groeit|ging|zakte|klom) (?:naar|tot)|(?:nam|neemt) (?:toe|af) tot|"
    r"(?:rose|fell|grew|increased|decreased|dropped|climbed|went up|went down) to)"
    r"(?:\s+(?:ruim|bijna|circa|ongeveer|zo'n|precies|nearly|almost|about|around|exactly|over))?\s*$",
    re.I,
)
_ER_COUNTS = re.compile(
    r"\b(?:ontving|ontvingen|verwerkte|verwerkten|telde|telden|kreeg|kregen|zag|zagen|beoordeelde|beoordeelden|kwamen)\s+er"
    r"(?:\s+(?:vorig jaar|dit jaar|in (?:19|20)\d\d|nog|ruim|bijna|circa|zo'n|ongeveer))*\s*$",
    re.I,
)
_REFERS_BACK = re.compile(
    r"\b(?:het er|dat er|dit er|er nog|waren dat|waren het|was dat|it was|there were|that was|those were)\b"
    r"|\b(?:telde|telden|kwamen|zagen|zag|vonden|vond|kreeg|kregen|waren|was|trof|troffen|treft|treffen"
    r"|telt|tellen|komt|komen|ziet|zien|vindt|vinden|krijgt|krijgen|zijn|is)\s+(?:\w+\s+)?er\b"  # "Het meldpunt telde er ...", "komen er ... binnen"
    r"|\bhet aantal (?:\w+ ){0,3}(?:tot|naar) (?:\w+ )?\d|\bthe number (?:\w+ ){0,3}to (?:\w+ )?\d",  # "daalde het aantal tot 146.925"
    re.I,
)
# A figure with a footnote mark ("318 images made with AI*", "4.812¹"): what the note says
# (counted for half a year, another definition) must be read before it loads.
_FOOTNOTE_MARK = re.compile(r"(?<=[\w%)'’])(?<!\*)(?:\*|[¹²³⁴⁵†‡])(?![\w*])")
_FOOTNOTE = re.compile(r"^\s*(\*|[¹²³⁴⁵†‡]|\(\d\))\s*(\S.*)$")
_NEXT_NOTE = re.compile(r"(?<=[.!?])\s+(?=(?:\*|[¹²³⁴⁵†‡]|\(\d\))\s*[A-Z])")
_SAME_SHARE = re.compile(
    r"\b(?:dat|dit|dezelfde|datzelfde|that|this|the same) (?:aandeel|percentage|share|proportion)\b"
    r"|\b(?:it|that|this) (?:was|had been|stood at)\b|\b(?:was|lag) (?:dat|het)\b",
    re.I,
)
# A figure its publisher calls provisional ("voorlopige cijfers", a table column "2024*").
_PROVISIONAL = re.compile(r"\b(?:voorlopig\w*|provisional\w*|preliminary)\b", re.I)
# A part of a total ("nog eens 253.712 URL's", "another 253,712 URLs"): not the total.
_PART_BEFORE = re.compile(r"\b(?:nog eens|daarnaast(?: nog)?|een extra|another|an additional|a further|additionally)\s*$", re.I)
# The amount by which a count changed, not the count: "daalde met 3.100", "steeg met 12.000 tot
# 171.204", "een stijging van 12.000", "rose by 12,000", "an increase of 12,000", "12.000 meer dan".
_CHANGE_VERB = (
    r"\b(?:steeg|stegen|gestegen|daalde|daalden|gedaald|groeide|groeiden|gegroeid|nam\w*\s+(?:\w+\s+){0,6}?(?:toe|af)|"
    r"toegenomen|afgenomen|rose|risen|fell|fallen|grew|grown|increased|decreased|declined|dropped|went (?:up|down))\b"
)
_CHANGE_AMOUNT_BEFORE = re.compile(
    _CHANGE_VERB + r"[^.;:]*?\b(?:met|by)\s+" + ROUNDING_WORD_BEFORE + r"$"
    r"|\b" + _CHANGE_NOUNS + r"\s+(?:van|of|met|by)\s+" + ROUNDING_WORD_BEFORE + r"$",
    re.I,
)
# A figure aimed at or expected, not counted: "Ons doel voor 2050: 98%", "ons doel is 99% binnen 24
# uur", "We verwachten dit jaar ruim 260.000 AI-beelden", "the hotline expects 200,000 reports".
_NOT_COUNTED = re.compile(
    r"\b(?:doel(?:en|stelling\w*)?|streefcijfer\w*|streef\w*|streven|ambitie\w*|target\w*|goals?|aim(?:s|ed|ing)?|"
    r"verwacht\w*|prognose\w*|voorspel\w*|raming\w*|expect\w*|forecast\w*|projected|projection\w*|predict\w*|"
    r"anticipat\w*)\b",
    re.I,
)
# What the sentence before counted, referred to: "zulke beelden", "such images", "deze meldingen".
_SUCH = re.compile(
    r"\b(?:zulke|zo'n soort|dergelijke|such|these|those|deze|die)\s+(?:[\w\-]+\s+)?(?:beelden|afbeeldingen|images|meldingen|reports|URL['’]?s)\b",
    re.I,
)
# a table row's label for a change of no count of its own: "Groei ten opzichte van het jaar ervoor", "Change on previous year"
_CHANGE_ROW = re.compile(
    r"\s*(?:%\s*)?(?:groei|toename|stijging|daling|afname|verandering|verschil|growth|change|increase|decrease)"
    r"(?:\s+(?:ten opzichte van|t\.o\.v\.|op|vs\.?|versus|compared (?:with|to)|on|from|over)\s+(?:het|the)?\s*(?:jaar ervoor|vorige jaar|vorig jaar|"
    r"previous year|year before|prior year))?(?:\s+in\s+(?:19|20)\d\d)?\s*$",
    re.I,
)
_SUCH_MATERIAL = re.compile(
    r"\b(?:zulk|zo'n|dit soort|dat soort|dergelijk|such|this kind of|that kind of)\s+(?:materiaal|material)\b", re.I
)
# A range: "tussen de 250.000 en 270.000", "between 40,000 and 50,000" (neither end is the figure).
# the opening of a range, right before its first end: "tussen de", "between"
_RANGE_OPEN = re.compile(r"\b(?:tussen|between)\s+(?:de\s+|the\s+)?(?:\w+\s+)?$")
_RANGE_AROUND = re.compile(r"\b(?:tussen|between)\s+(?:de\s+|the\s+)?(?:\w+\s+)?[\d.,\s\u00a0\u202f]+(?:en|and)\s+", re.I)
_CHANGE_AMOUNT_AFTER = re.compile(
    r"^\s*(?:[\w'’]+\s+)?(?:meer|minder|more|fewer|less)\b(?!\s+(?:dan|than)\s+(?:de|het|the)\s+helft)", re.I
)
# The base of a share: "Van de 100.478 URL's bevatte 69% ...", "Of the 100,478 URLs, 69% ...".
_BASE_BEFORE = re.compile(r"(?:^|[,;:(]\s*)(?:[Vv]an (?:de|alle|deze|die)|[Oo]f (?:the|all|these|those))\s*$")

# ---------------------------------------------------------------- periods

# A number that multiplies ("twee keer zoveel", "3x zo veel", "three times as many", "twofold").
# ("5.005 keer om hulp gevraagd" counts times: a figure; only a comparison after it multiplies)
_MULTIPLIER = re.compile(
    r"\s*(?:(?:keer|maal|x|×)\s+(?:zo ?veel|zo groot|zo hoog|meer|minder|groter|hoger|kleiner|zoveel)|"
    r"times\s+(?:as (?:many|much|high|large)|more|higher|larger|fewer)|-?fold\b)",
    re.I,
)
_DURATION = re.compile(r"\s*(?:jaar|jaren|maanden|maand|weken|week|dagen|dag|uur|years?|months?|weeks?|days?|hours?)\b", re.I)
# A sentence that says the one before it was wrong ("... stond dat er 61.730 meldingen uit Nederland
# kwamen. Dat aantal is onjuist."): the numbers before it are withdrawn, never loaded.
_DISOWNS_BEFORE = re.compile(
    r"^(?:dat|dit|die|deze|het|that|this|the)\s+(?:\w+\s+)?(?:aantal|cijfer|getal|percentage|figure|number|count|percentage)"
    r"\s+(?:is|was|klopt|bleek|turned out)\s+(?:to be\s+)?(?:niet juist|onjuist|fout|niet correct|incorrect|wrong|inaccurate|niet\b)"
    # "... stond dat in 2042 53.691 meldingen uit Nederland kwamen. Dit moet zijn: 53.961."
    r"|^(?:dit|dat|het|die|this|that|it)\s+(?:moet|moest|had moeten)\s+(?:zijn|luiden|wezen)\b"
    r"|^(?:this|that|it)\s+should\s+(?:be|read|have been)\b",
    re.I,
)
# Another service named by its web address ("Meldkindersekstoerisme.nl", "daar" after it): not
# the hotline's, unless the address is on one of the publisher's own hosts (publisher.yaml).
_WEB_NAME = re.compile(r"\b[\w-]+\.(?:nl|com|org|eu|be|net|info)\b", re.I)
# What a footnote may say that makes its figure something else than the year's count.
_NOTE_NARROWS = re.compile(
    r"halfjaar|helft|half|kwartaal|quarter|maand|month|vanaf|sinds|since|tot en met|t/m|until|from|van \d|telling|"
    r"voorlopig|provisional|preliminary|schatting|estimate|geschat|inclusief|including|cumulatief|cumulative|alleen|only",
    re.I,
)

_BASE_YEAR = re.compile(
    # (whole words: "was in 2055" holds no "as in")
    r"(?:\b(?:"
    + COMPARED_WITH
    + r"|sinds|dan in|dan|(?:zo ?veel|evenveel|zoals|als) in|than in|than|since|as (?:many|much) as in|as in)"
    r"|(?:%|\bpercent|\bper cent|\bprocent) on"
    # "down by 7,316 on 2048", "up 9,412 on 2050": British English's base after a change
    r"|\b(?:up|down|more|fewer|less|higher|lower|rose|fell|grew|increased|decreased|dropped)\b[^.;:]{0,25}?\son"
    # ("..., an improvement on 2023", "a rise on 2022", "een verbetering ten opzichte van 2023" is above)
    r"|\b(?:an? )?(?:improvement|increase|decrease|rise|fall|drop|decline)\s+on)"
    r"\s+(?:het jaar\s+|the year\s+)?$",
    re.I,
)
# an item about a half-year says so in its title: "... eerste helft van het jaar", "Halfjaarcijfers
# 2060" (the group is the half's word, as _part_of_year reads it: none is the first half)
_HALF_ITEM = re.compile(
    r"\b(eerste|tweede|first|second)\s+(?:helft|halfjaar|half jaar|half)\b|\bhalfjaar\w*|\bhalf[- ]year\w*", re.I
)
_WHOLE_OR_OTHER_YEAR = re.compile(
    r"\b(?:heel|hele|whole|full|vorig|afgelopen|dit|this|last|next|volgend)\s+(?:het\s+)?(?:jaar|year)\b", re.I
)
# The publisher's annual report names itself so (a news item's "Jaarcijfers 2024" is not one).
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_RANGE = re.compile(
    rf"\b({_MONTH_NAMES})\s+(?:tot en met|t/m|tot|to|through|until|-|–|(?<=\w )(?:en|and))\s+({_MONTH_NAMES})\b", re.I
)
_ONE_MONTH = re.compile(rf"\b(?:in|during|tijdens|over)\s+({_MONTH_NAMES})\b(?!\s+(?:tot|t/m|to|through|-))", re.I)


def _part_of_year(sentence: str, half, shorter) -> str | None:
    """The part of a year a sentence is about: "H1" ("eerste halfjaar", "januari tot en met
    juni"), "H2", or a month "06" ("in juni"); None for a whole year (or one it cannot tell)."""
    if half:
        word = (half.group(1) or "eerste").lower()
        return "H1" if word in ("eerste", "first") else "H2"
    r = _MONTH_RANGE.search(sentence)
    if r:
        a, b = MONTHS[r.group(1).lower()], MONTHS[r.group(2).lower()]
        return {(1, 6): "H1", (7, 12): "H2"}.get((a, b))
    m = _ONE_MONTH.search(sentence)
    if m and shorter:
        return f"{MONTHS[m.group(1).lower()]:02d}"
    return None


_REPORT_TITLE = re.compile(r"\b(?:jaarverslag|jaarrapport|annual report)\b", re.I)
_REPORT_NAMED_YEAR = re.compile(
    r"\b(?:jaarverslag|jaarrapport|annual report)\s+(?:over\s+|van\s+|for\s+)?((?:19|20)\d\d)\b", re.I
)
# A line that points to the report ("Lees het hele jaarverslag 👉 jaarverslag2025.offlimits.nl",
# "Download our annual report") is not its name: the text around it is not the report.
_POINTS_TO_REPORT = re.compile(
    r"\b(?:lees|bekijk|download|downloaden|klik|read|see|view|click|check out)\b|https?://|\w\.(?:nl|com|org|eu)\b|👉|➡",
    re.I,
)
_REPORT_NAME_LINE = re.compile(
    # ("Offlimits / Jaarverslag 2023", "Offlimits · Jaarverslag 2041", or the publisher's name and
    # the report's on one line of a PDF's title page: "Offlimits Jaarverslag 2041")
    r"\W*(?:[\w.&' ]{2,40}\s*[/|–:·-]\s*|(?:offlimits|eokm)\s+)?(?:jaarverslag|jaarrapport|annual report)\s+(?:19|20)\d\d"
    r"(?:\s*[/|–:·-]\s*[\w.&' ]{2,40})?\W*",
    re.I,
)


# ---------------------------------------------------------------- reading


@dataclass
class Mention:
    """A number in a sentence and what the sentence says about it."""

    found: Found
    unit: str | None = None
    unit_from: str = ""  # after | aside | before | compared | coordinated | part | part of the sentence before | words
    bound_year: int | None = None  # "255.563 in 2023", "(2021: 413.262)"
    bound_at: int | None = None
    aside: bool = False  # "(2021: 413.262)": a figure in brackets beside another
    back: int | None = None  # "307.021 een jaar eerder": 1
    deictic: int | None = None  # "255.563 vorig jaar": 1
    relative_at: int | None = None
    sign: int = 0  # "+12,5%": +1, "-4%": -1 (a change), 0 unsigned
    qualifier: str = "exact"  # the number's own, or lower_bound for ">75%"
    changed_from: bool = False  # "van 21.906 naar 34.275": the number something changed from
    base: bool = False  # "tegen bijna 500.000 in 2058", "than 172,093": a comparison's base
    doubt: str | None = None  # why a careful reader would not load it as read ("19.872 reports" in English)

    @property
    def start(self) -> int:
        return self.found.start

    @property
    def end(self) -> int:
        return self.found.end

    @property
    def value(self) -> float | None:
        return self.found.value


@dataclass
class Reading:
    """What a document yields: figures to load, candidates for review, and what it says of itself."""

    voice: Voice
    language: str
    figures: list[dict] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    title_years: set[int] = field(default_factory=set)
    report_year: int | None = None
    date: dt.date | None = None


_PERCENT_AFTER = re.compile(r"\s*(?:%|procent|per cent|percent)", re.I)


def _numbers(sentence: str, language: str) -> list[Mention]:
    # shares written as fractions ("bijna zes op de tien", "meer dan driekwart") are percentages;
    # the digits and words inside them are not numbers of their own
    shares = [Mention(f, unit="percent", unit_from="words", qualifier=f.qualifier) for f in find_shares(sentence, language)]
    out = list(shares)
    for f in find_numbers(sentence, language):
        if any(sh.found.number_start <= f.number_start < sh.end for sh in shares):
            continue
        after = sentence[f.end : f.end + 14].lstrip().lower()
        if f.is_year and not _UNIT_RE.match(after) and not (f.value is not None and re.match(r"\s*%", sentence[f.end :])):
            continue  # a year, not a figure
        if any(d.start() <= f.number_start < d.end() for d in _DATE_OR_TIME.finditer(sentence)):
            continue  # "10-09-2024", "12.30 uur": a date or a time
        if _MULTIPLIER.match(sentence[f.end :]):
            continue  # "twee keer zoveel URL's", "three times as many": a ratio, not a count
        if re.match(r"\s*/\s*\d{1,3}\b(?![.,]\d)", sentence[f.end :]) or re.search(
            r"(?<![\d.,])\d{1,3}\s*/\s*$", sentence[: f.start]
        ):
            continue  # a slide's or post's counter ("3 / 6", "2/5"), "24/7": no count
        if _DURATION.match(sentence[f.end :]):
            continue  # "in vijf jaar tijd", "binnen 24 uur", "for three years": a length of time
        if re.fullmatch(r"(?:één|een|one|an?)", sentence[f.start : f.end].strip(), re.I):
            continue  # "duizenden webadressen in één melding", "a report": an article or one, never a count
        mt = Mention(f, qualifier=f.qualifier)
        mark = re.search(r"(^|[^\w.,])([+\-\u2212\u2013>\u2265<\u2264↑↓▲▼])\s?$", sentence[: f.start])
        if mark and mark.group(2) in "-\u2013" and re.search(r"\s[-\u2013]\s$", sentence[: f.start]):
            mark = None  # "450.321 URL's – 6% meer": a dash between words, not a minus
        # (a number in words, rounded as words are, takes the bound too: "> half a million")
        if mark and (f.qualifier == "exact" or (f.qualifier == "approx" and mark.group(2) in ">\u2265<\u2264")):
            symbol = mark.group(2)
            if symbol in ">\u2265":
                mt.qualifier = "lower_bound"  # ">75%": more than
            elif symbol in "<\u2264":
                mt.qualifier = "suppressed"  # "<10": an upper bound, not a figure
            elif re.match(r"\s*%", sentence[f.end :]) or not re.search(r"\w", sentence[: mark.start(2)]):
                # "+12,5%"; a count that opens its line or cell signed ("−7.316 Meldingen verwerkt
                # (Verschil)", "+37.527"): a difference
                mt.sign = 1 if symbol in "+↑▲" else -1  # ("↑ 4,8%": an arrow up is a rise)
        out.append(mt)
    return sorted(out, key=lambda mt: mt.start)


def _noun_after(after: str) -> re.Match | None:
    """The unit noun right after a number: "127.081 meldingen", "230.759 URL's", "12,5%",
    "144,058 reports"; up to two words may stand between ("603.062 geanalyseerde URL's", "236.743
    unieke meldingen", "1,344 AI-generated images"), or a partitive ("1.306 van de afbeeldingen")."""
    m = _UNIT_RE.match(after)
    compound = re.match(r"^[\w]+-", after)  # "1.297 AI-afbeeldingen", "412 AI-generated images"
    if not m and compound:
        m = _UNIT_RE.match(after[compound.end() :])
        if not m:
            rest = re.match(r"^[\w]+-\w+\s+", after)
            m = _UNIT_RE.match(after[rest.end() :]) if rest else None
    if not m:
        for k in (1, 2):  # one or two words between: "307.412 Ontvangen meldingen", "413,280 hotline reports"
            words = re.match(r"^(?:[\w\-]+\s+){%d}" % k, after)
            if words and not re.search(r"\b(?:en|and|of|van|in|uit|from|dan|than)\b", words.group(0), re.I):
                m = _UNIT_RE.match(after[words.end() :])
                if m:
                    break
        if not m and (pair := re.match(r"^[^\W\d_][\w\-]*\s+(?:en|and|of|or)\s+[^\W\d_][\w\-]*\s+", after, re.I)):
            m = _UNIT_RE.match(after[pair.end() :])  # two words coordinated: "308.430 gemelde en beoordeelde URL's"
        if not m:  # "1,306 of the images", "1.306 van de afbeeldingen": a part of what the noun counts
            for extra in ("", r"(?:[\w\-]+\s+){1}", r"(?:[\w\-]+\s+){2}", r"(?:[\w\-]+\s+){3}"):
                partitive = re.match(
                    r"^(?:of|van)\s+(?:the|all|these|those|our|such|de|alle|deze|die|onze|zulke|dergelijke)\s+" + extra,
                    after,
                    re.I,
                )
                m = _UNIT_RE.match(after[partitive.end() :]) if partitive else None
                if m:
                    break
    return m


def _bind_units(sentence: str, mentions: list[Mention], last_unit: str | None = None) -> None:
    """Each number's unit noun; last_unit: the unit the sentence before was about, for "In ruim
    240.000 daarvan ..." (a part of what it counted)."""
    for i, mt in enumerate(mentions):
        if mt.unit_from == "words":  # a share in words is a percentage already
            continue
        after = sentence[mt.end :].lstrip()
        m = _noun_after(after)
        if m:
            mt.unit, mt.unit_from = _UNITS[m.group(0).lower().replace("’", "'")], "after"
            continue
        before = sentence[: mt.start]
        if (
            i > 0
            and mentions[i - 1].unit not in _NOT_A_COUNT
            and mentions[i - 1].qualifier != "exact"
            and re.fullmatch(r"\s*(?:[\w'’\-]+\s+){0,3}[\w'’\-]*\s*[:(]\s*", sentence[mentions[i - 1].end : mt.start])
        ):
            # "voor het eerst meer dan een miljoen URL's beoordeeld: 1.012.446", "bijna een miljoen
            # URL's (986.102)": the exact figure after a colon or in brackets restates the round one
            # before it (which is then a rounded statement)
            mt.unit, mt.unit_from = mentions[i - 1].unit, "compared"
            continue
        subject = _SUBJECT_BEFORE_COLON.match(before) if i == 0 else None
        if subject:
            # "Images made wholly or partly with AI grew fastest: 124,733, up from 96,418 in 2041":
            # the first figure after the colon counts what the words before it are about
            mt.unit, mt.unit_from = _UNITS[subject.group("noun").lower().replace("’", "'")], "subject"
            continue
        if re.search(
            r"(?:tegenover|tegen|vergeleken met|ten opzichte van|dan|naar|t\.o\.v\.|compared (?:to|with)|against|than|versus|to|from)\s*$",
            before,
            re.I,
        ):
            if i > 0 and mentions[i - 1].unit and (mentions[i - 1].unit != "percent" or _PERCENT_AFTER.match(sentence[mt.end :])):
                mt.unit, mt.unit_from = mentions[i - 1].unit, "compared"  # not "rose by 31.6% to 127,081": a level
                continue
        counted_before = [m.unit for m in mentions[:i] if m.unit and m.unit not in _RATIOS]
        if (
            i > 0
            and mentions[i - 1].unit not in _NOT_A_COUNT
            and re.fullmatch(r"[^\d.;:()]{0,60}\(\s*(?:19|20)\d\d\s*:\s*", sentence[mentions[i - 1].end : mt.start])
        ):
            # "our CSAM Hotline processed 127,081 reports (2023: 255,563)": that year's figure of the same
            # measure, in brackets beside it (as a tile's "(2021: 413.262)")
            mt.unit, mt.unit_from = mentions[i - 1].unit, "aside"
            continue
        if counted_before and re.search(r"\b(?:dan|than)\s+in\s+(?:19|20)\d\d\s*\(\s*$", before, re.I):
            # "201,937 reports, 7.3% more than in 2058 (188,264)": that year's count of the same noun
            mt.unit, mt.unit_from = counted_before[-1], "compared"
            continue
        # what "daarvan" / "of them" counts a part of: the last count before it (a change in % between
        # is no count: "assessed 671,530 URLs, 8.5% more ..., and found ... on 252,774 of them")
        earlier = (
            counted_before[-1] if counted_before else (mentions[i - 1].unit if i > 0 and mentions[i - 1].unit else last_unit)
        )
        part = "part" if i > 0 and mentions[i - 1].unit else "part of the sentence before"
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and re.fullmatch(r"\s*(?:en|and|tot|to|-|–)\s*", sentence[mt.end : nxt.start]):
            ahead = _noun_after(sentence[nxt.end :].lstrip())
            if ahead and _UNITS[ahead.group(0).lower().replace("’", "'")] not in _RATIOS:
                # "respectievelijk 182.546 en 131.872 meldingen": the noun after the second counts
                # both; so do a range's ends ("tussen de 250.000 en 270.000 AI-beelden")
                mt.unit, mt.unit_from = _UNITS[ahead.group(0).lower().replace("’", "'")], "shared"
                continue
        if (
            i > 0
            and mentions[i - 1].unit not in _NOT_A_COUNT
            and re.fullmatch(r"[^\d;:()]{0,40},\s*", sentence[mentions[i - 1].end : mt.start])
            and _CHANGE_AMOUNT_AFTER.match(sentence[mt.end :])
        ):
            # "kwamen 43 meldingen binnen, 30 meer dan een jaar eerder": how much the count before changed
            mt.unit, mt.unit_from = mentions[i - 1].unit, "coordinated"
            continue
        if (
            i > 0
            and mentions[i - 1].unit
            and mentions[i - 1].unit != "percent"
            and re.search(r"\b(?:en|and)\s*$", before)
            and not re.search(r"\d", sentence[mentions[i - 1].end : mt.start])  # no year between
            and re.match(r"\s*[a-z]", after)
        ):
            # "236.743 uit Nederland en 176.519 uit het buitenland": the same noun, left out
            mt.unit, mt.unit_from = mentions[i - 1].unit, "coordinated"
            continue
        if earlier and re.search(
            r"(?:\b(?:waarvan|daarvan|hiervan|of which|of these|of those)\b|,\s*(?:with|met))(?:\s+(?:waren|was|kwamen|bleken|zijn|werden|er|nog|were|came|bevatten|bevatte|bevat|toonden|toonde|gingen|ging|contained|showed|had))*,?\s*$",
            before,
            re.I,
        ):
            mt.unit, mt.unit_from = earlier, part  # "541.870 URL's, waarvan er 204.118 ...", "Daarvan waren er 236.743 ..."
            continue
        if earlier and re.match(
            r"\s*(?:daarvan|hiervan|waarvan|van deze|of them|of these|of those|of which|gevallen|cases)\b", after, re.I
        ):
            # "In ruim 240.000 daarvan zat strafbaar materiaal"; a list's "53,961 of which from the Netherlands"
            mt.unit, mt.unit_from = earlier, part
            continue
        anaphora = None
        for a in _ANAPHORIC_UNIT.finditer(before):
            anaphora = a
        flat = re.sub(r"\([^()\d]*\)", lambda m: " " * len(m.group(0)), before)  # "(deels)" is no edge
        own_noun = _OTHER_COUNT_NOUN.match(after)
        if anaphora and not re.search(r"[;:()]", flat[anaphora.end() :]) and not own_noun:
            # ("12 procent van alle meldingen kwam binnen via de 31 partners": 31 counts partners)
            mt.unit, mt.unit_from = _UNITS[anaphora.group(1).lower().replace("’", "'")], "before"
            continue
        # "Het aantal meldingen daalde: ons Meldpunt ontving er vorig jaar 116.842": "er" counts
        # the noun the same sentence named before it (never one of another sentence)
        named = _NAMED_NUMBER_OF.search(before)
        # ("Het aantal webadressen ... steeg juist: met 12,5 procent tot 603.062": the level a change reached)
        risen_to = re.search(_CHANGE + r"[^.;]*\b(?:tot|naar|to)\s+" + ROUNDING_WORD_BEFORE + "$", before, re.I)
        if named and (
            not any(m.start < mt.start for m in mentions[:i])
            or (risen_to and all(m.unit == "percent" and m.start > named.end() for m in mentions[:i]))
        ):
            noun = _UNITS.get(named.group("noun").lower().replace("’", "'"))
            between = before[named.end() :]
            if noun in _NOT_A_COUNT:
                continue
            if risen_to and risen_to.start() >= named.end() and not re.search(r"[;]", between):
                mt.unit, mt.unit_from = noun, "is"
            elif _ER_COUNTS.search(between):
                mt.unit, mt.unit_from = noun, "er"
            elif _IS_NAMED.search(between) and not re.search(r"[;:]", between):
                mt.unit, mt.unit_from = noun, "is"  # "Het juiste aantal meldingen ... is 58.730"
            elif _CHANGED_FROM.search(between) and _FROM_TO.match(sentence[mt.found.number_start :]):
                mt.unit, mt.unit_from = noun, "from"  # "Het aantal AI-beelden nam fors toe: van bijna 22.000 naar ruim 34.000"
            elif re.search(r",\s*$", between) and re.match(r"\s*,", sentence[mt.end :]) and not re.search(r"[;:]", between):
                mt.unit, mt.unit_from = noun, "is"  # "Het totale aantal meldingen dat ... ontving, 171.256, was juist"


_RELATIVE_BRACKETED = re.compile(
    r"\b(?:het jaar (?:ervoor|daarvoor)|een jaar eerder|the year before|a year earlier|the previous year)\s*\(\s*$", re.I
)


def _bind_periods(sentence: str, mentions: list[Mention]) -> None:
    """A year bound to one number ("255.563 in 2023", "(2021: 413.262)", "in 2022: 144.058"),
    or a relative period bound to it ("307.021 een jaar eerder", "255.563 vorig jaar")."""
    for i, mt in enumerate(mentions):
        before = sentence[: mt.found.start]
        if _RELATIVE_BRACKETED.search(before) and not re.match(r"\s*(?:in\s+)?(?:19|20)\d\d\b", sentence[mt.end :]):
            # "de helft van het jaar ervoor (255.563)": that year's figure, in brackets after it (by
            # reference, and often a comparison's base: "Ten opzichte van het jaar daarvoor (413.262
            # meldingen) is dat een daling van 65 procent"): proposed, never loaded
            mt.back = 1
            mt.doubt = "a figure in brackets after 'het jaar ervoor': its year given by reference"
            continue
        # "(2021: 413.262)", "more than in 2058 (188,264)", "twice as many as in 2022 (144,058)": that
        # year's figure, in brackets
        m = re.search(r"\(((?:19|20)\d\d):\s*$|\b(?:dan|than|as|als|zoals)?\s*in\s+((?:19|20)\d\d)\s*\(\s*$", before, re.I)
        if m:
            at = 1 if m.group(1) else 2
            mt.bound_year, mt.bound_at, mt.aside = int(m.group(at)), m.start(at), True
            continue
        # "..., en in 2017 op 54 procent", "nog 19.872 en in 2011 12.542": a coordinated clause's own year
        m = re.search(
            # ("...; in 2021 was dat nog 89 procent": a semicolon's clause too)
            r"(?:\b(?:en|and)|[,;])\s+(?:in|over)\s+((?:19|20)\d\d)\s+"
            r"(?:(?:op|at|nog|al|ruim|bijna|was|waren|were|dat|dit|het|er|it|that|this)\s+){0,4}$",
            before,
            re.I,
        )
        if m:
            mt.bound_year, mt.bound_at = int(m.group(1)), m.start(1)
            continue
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(sentence)
        window = sentence[mt.end : nxt][:60]
        window = re.split(r"[;:,]|\)", window)[0]  # a comma ends what is said of this number
        m = re.match(
            r"^\s*%?\s*(?:[\w'’\-]+\s+){0,6}?(?:in|over|uit|during|for|(?:periode|period|halfjaar|half|helft|maanden|months|jaar|year)\s+(?:of|van))"
            r"\s+((?:19|20)\d\d)\b",
            window,
        )
        if m and _BASE_YEAR.search(window[: m.start(1)].replace(" in ", " ").rstrip() + " "):
            m = None  # "9 procent minder dan in 2022": a comparison base, not this number's year
        if m and re.search(
            r"\b(?:en|and|but|maar|while|whilst|whereas|terwijl)\s+(?:in|over|during)\s+$", window[: m.start(1)], re.I
        ):
            m = None  # "In 2011 it received 12,542 reports and in 2010 there were 9,164": the year opens the next clause
        if (
            m
            and i + 1 < len(mentions)
            and re.fullmatch(r"\s*(?:en|and)\s+(?:in|over)\s+(?:19|20)\d\d\s*[:,]?\s*", sentence[mt.end : nxt])
        ):
            m = None  # "nog 19.872 en in 2011 12.542": the year opens the next number's clause
        if not m:  # "de 21.906 van 2035", "the 21,906 of 2035": that year's number
            m = re.match(r"^\s*(?:van|of)\s+((?:19|20)\d\d)\b", window)
        if m:
            mt.bound_year, mt.bound_at = int(m.group(1)), mt.end + m.start(1)
            continue
        for patterns, attr in ((_BACK, "back"), (_DEICTIC, "deictic")):
            for pattern, n in patterns:
                r = pattern.search(window)
                if r and r.start() < 40 and not re.search(r"\d", window[: r.start()]):
                    mt.relative_at = mt.end + r.start()  # bound here, also when it is a base
                    if not _COMPARED_TO.search(window[: r.start()]):  # "4% fewer than the year before": a base
                        setattr(mt, attr, n)
                    break
            if mt.relative_at is not None:
                break
    # a pair that shares its noun shares the period said after it: "tussen de 250.000 en 270.000
    # AI-beelden dit jaar", "respectievelijk 182.546 en 131.872 meldingen in 2023"
    for mt, other in zip(mentions, mentions[1:]):
        ranged = re.fullmatch(r"\s*(?:en|and|tot|to|-|–)\s*", sentence[mt.end : other.start]) and _RANGE_OPEN.search(
            sentence[: mt.found.start]
        )
        if (mt.unit_from == "shared" or ranged) and mt.bound_year is None and mt.relative_at is None:
            mt.bound_year, mt.deictic, mt.back = other.bound_year, other.deictic, other.back


def _bind_changed_from(sentence: str, mentions: list[Mention]) -> None:
    """ "steeg van 21.906 naar 34.275": the first is what the figure was before (a year before the
    other, by reference)."""
    for mt in mentions:
        before = sentence[: mt.found.start]
        if re.search(r"\b(?:van|from)\s*$", before, re.I) and _FROM_TO.match(sentence[mt.found.number_start :]):
            mt.changed_from = True


def _bind_restated(sentence: str, mentions: list[Mention]) -> None:
    """A percentage in brackets that restates the share just before it ("Nearly half of the
    images we assessed in 2036 (48%)"): the period bound to that share is its own too."""
    for before, mt in zip(mentions, mentions[1:]):
        if (
            mt.unit == "percent"
            and before.unit == "percent"
            and mt.bound_year is None
            and before.bound_year is not None
            and re.search(r"\(\s*$", sentence[: mt.found.start])
        ):
            mt.bound_year, mt.bound_at = before.bound_year, before.bound_at


def _whole_counts(mentions: list[Mention], language: str) -> None:
    """A count is a whole number: "19.872 reports" in an English text is 19,872 written the Dutch
    way (an English page of a Dutch organisation), not 19.872; read so, it waits in review and
    never loads (a figure with the separators of the other language is one a person confirms)."""
    for mt in mentions:
        if language != "en" or mt.unit not in ("reports", "URLs", "images") or mt.value is None:
            continue
        grouped = point_grouped(mt.found.text)  # ("over 307.000 reports" too: not 307)
        if grouped is None:
            continue
        digits, value = grouped
        mt.found = dataclasses.replace(mt.found, value=value)
        mt.doubt = f"digits grouped with points in an English text ({digits!r}): a count is a whole number, read as {value:,.0f}"


def _mentions(sentence: str, language: str, last_unit: str | None = None) -> list[Mention]:
    """The figures of a sentence with their units and periods. A small number without a unit
    ("de eerste zes maanden", "24 uur") is no figure: it neither loads nor takes a year."""
    mentions = _numbers(sentence, language)
    _bind_units(sentence, mentions, last_unit)
    _whole_counts(mentions, language)
    mentions = [
        mt
        for mt in mentions
        if mt.unit is not None
        or mt.value is None
        or mt.value >= 100
        # a rate ("gemiddeld 32 bezoeken per dag", "on average 32 visits a day"): a figure, of part of a year
        or _RATE_AFTER.match(sentence[mt.end :])
    ]
    _bind_periods(sentence, mentions)
    _bind_restated(sentence, mentions)
    _bind_changed_from(sentence, mentions)
    for mt in mentions:
        mt.base = (
            mt.unit_from == "compared"
            or bool(_BASE_BEFORE_NUMBER.search(sentence[: mt.found.start]))
            # "Dat is ongeveer de helft van het jaar ervoor": a ratio to another year's figure, no figure of that year
            or bool(_RATIO_TO_ANOTHER_YEAR.match(sentence[mt.end :]))
            # "ongeveer de helft van de 255.563 in 2023", "half the 255,563 of 2023": the figure of another
            # year a ratio is said to
            or bool(
                _FRACTION_OF_BEFORE.search(sentence[: mt.found.start])
                and re.match(r"\s+(?:[\w'’]+\s+){0,2}?(?:in|of|van)\s+(?:19|20)\d\d\b", sentence[mt.end :], re.I)
            )
        )
    return mentions


_THAT_YEAR = re.compile(r"(?:in\s+)?(?:dat|datzelfde|hetzelfde|that|the same)\s+(?:jaar|year)\b", re.I)
_FRACTION_OF_BEFORE = re.compile(
    r"\b(?:helft|derde|kwart|driekwart|half|third|thirds|quarter|quarters)\s+(?:(?:van|of)\s+)?(?:de|het|the)\s+$", re.I
)


# a number of things per day, week or month after it: "32 bezoeken per dag", "32 visits a day", "32 per dag"
_RATE_AFTER = re.compile(r"\s+(?:[\w'’\-]+\s+)?(?:per|a|an|each|elke|iedere)\s+(?:dag|day|week|maand|month)\b", re.I)
# a share said of another year's figure: "de helft van het jaar ervoor", "half of the year before"
_RATIO_TO_ANOTHER_YEAR = re.compile(
    r"\s*(?:%|procent|per ?cent)?\s+(?:van|of)\s+(?:het jaar (?:ervoor|daarvoor)|een jaar eerder|vorig jaar|het vorige jaar"
    r"|(?:dat|die|het totaal|het aantal) (?:van|in|uit) (?:19|20)\d\d|(?:19|20)\d\d|the year before|a year earlier|last year"
    r"|the previous year|(?:that|the total|the number) (?:of|in) (?:19|20)\d\d)\b",
    re.I,
)
# an annual report a text announces: "Ons jaarverslag over 2023 staat online", "our annual report 2023"
_ANNOUNCED_REPORT = re.compile(
    r"\b(?:jaarverslag|annual report|jaarcijfers|annual figures)\s+(?:over\s+|for\s+)?((?:19|20)\d\d)\b", re.I
)
# what stands right before a comparison's base: "tegen bijna 500.000", "up from 172,093"
_BASE_BEFORE_NUMBER = re.compile(
    r"\b(?:tegen|tegenover|dan|than|versus|vergeleken met|compared (?:to|with)|up from|down from)\s+(?:\S+\s+){0,2}$", re.I
)


def _own_years(sentence: str, mentions: list[Mention]) -> list[int]:
    """Years the sentence is about: not bound to one number, not a comparison base."""
    years = []
    dates = date_spans(sentence)
    for m in _YEAR.finditer(sentence):
        if any(mt.start <= m.start() < mt.end for mt in mentions):
            continue
        if any(a <= m.start() < b for a, b in dates):
            continue  # "op 22 mei 2041": a date, not the year the sentence is about
        if any(mt.bound_at == m.start() and not _BASE_BEFORE.search(sentence[: mt.start]) for mt in mentions):
            continue  # one number's year; but "Van de 9.812 verzoeken die wij in 2024 stuurden, ... 75 procent": the share's too
        if re.match(r"\s*:\s*\d", sentence[m.end() :]) and re.search(r"\(\s*$", sentence[: m.start()]):
            continue  # "(2021: 413.262)": that number's year only
        if _BASE_YEAR.search(sentence[: m.start()]):
            continue
        if any(s.start() <= m.start() < s.end() for s in SINCE.finditer(sentence)):
            continue  # "Sinds de oprichting in 1996 ...": where a total began, not its year
        years.append(int(m.group(1)))
    return sorted(set(years))


def _about_year(own: list[int], mentions: list[Mention]) -> int | None:
    """The one year a sentence is about: its own year, or the one year bound to its numbers
    ("127.081 meldingen verwerkte het Meldpunt in 2024"), comparisons left aside."""
    bound = {mt.bound_year for mt in mentions if mt.bound_year is not None and not mt.base and not mt.aside}
    if any(mt.deictic is not None or mt.back is not None for mt in mentions) and bound and set(own) <= bound:
        # "received 127,081 reports last year, half the 255,563 of 2023": a relative year bound
        # to one number, an explicit one to another: the sentence is about two years
        return None
    if own:
        return own[0] if len(own) == 1 else None
    return bound.pop() if len(bound) == 1 else None


# "up 3.7%", "down by 2%": a change named right before its percentage
_UP_OR_DOWN = re.compile(r"\b(up|down)\s+(?:by\s+)?$", re.I)
# "a rise of 54 percent", "een stijging van 12,5 procent": a change said before its percentage
_A_CHANGE_OF_WORDS = (
    r"(?:a|an|een)\s+(?:rise|increase|jump|growth|fall|drop|decrease|decline|stijging|toename|groei|daling|afname)\s+(?:of|van)"
)
_A_CHANGE_OF = re.compile(r"\b" + _A_CHANGE_OF_WORDS + r"\s+" + ROUNDING_WORD_BEFORE + r"$", re.I)


def _declines(sentence: str, mt: Mention) -> bool:
    """Is a percentage change a decline: "-12%", "een daling van 12%", "12% fewer", "down 2%"?"""
    said = _UP_OR_DOWN.search(sentence[: mt.found.start])
    return (
        mt.sign < 0
        or (not mt.sign and bool(_DECLINE.search(_clause(sentence, mt))))
        or bool(said and said.group(1).lower() == "down")
    )


def _changed_by(sentence: str, mt: Mention) -> bool:
    """Is the number the amount a count changed by ("steeg met 12.000", "12.000 meer", a signed
    "+37.527" or "−7.316"), not the count?"""
    return (
        bool(_CHANGE_AMOUNT_BEFORE.search(sentence[_clause_span(sentence, mt)[0] : mt.start]))
        or bool(_CHANGE_AMOUNT_AFTER.match(sentence[mt.end :]))
        or mt.sign != 0
    )


def _topic(sentence: str) -> Measure | None:
    """What a sentence without a figure speaks of ("Het aantal beelden dat met AI is gemaakt,
    nam sterk toe"): the measure a following "telde er 1.306" refers back to."""
    for noun in re.finditer(
        r"\b(?:" + "|".join(re.escape(u) for u in _UNITS if u[0].isalpha()) + r")" + _UNIT_END, sentence, re.I
    ):
        unit = _UNITS.get(noun.group(0).lower().replace("’", "'"))
        for u, words, measure in MEASURES:
            if u == unit and measure.indicator_id and words.search(sentence):
                return measure
    return None


def _refers_to(sentence: str, mentions: list[Mention], i: int, anaphora: re.Match) -> bool:
    """Does a period given by reference ("in dezelfde periode", "toen") speak of the i-th
    number? When it stands before the number, yes; after it, only for the number it directly
    follows ("131,000 in the same period last year")."""
    mt = mentions[i]
    if anaphora.start() < mt.start:
        return not any(anaphora.end() <= m.start < mt.start and m.unit for m in mentions[:i]) or True
    nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(sentence)
    return (
        mt.end <= anaphora.start() < nxt
        and not re.search(r"[,;:]", sentence[mt.end : anaphora.start()])
        # "an increase of almost 60% compared to 2015, when ...", "54 procent meer dan een jaar
        # eerder, toen ...": the reference is to what the number is compared with, not to it
        and not _YEAR.search(sentence[mt.end : anaphora.start()])
        and not _COMPARED_TO.search(sentence[mt.end : anaphora.start()])
    )


def _own_stretch(sentence: str, mt: Mention, mentions: list[Mention]) -> str:
    """The number's clause up to the next number in it: "236,743 came from the Netherlands and
    176,519 from abroad, mostly from partner hotlines" names the partner hotlines for the
    second number, not the first."""
    lo, hi = _clause_span(sentence, mt)
    after = [m.start for m in mentions if mt.end <= m.start < hi]
    return sentence[lo : min(after) if after else hi]


def _year_of_a_later_part(sentence: str, mt: Mention) -> bool:
    """Is the sentence's one year that of a later part with its own number, set against this one
    ("Het aantal meldingen steeg met 38 procent, terwijl de stijging in 2018 nog 45 procent was":
    2018 is the 45's, not the 38's)?"""
    lo, hi = part_span(sentence, mt.start, mt.end)
    if _YEAR.search(sentence[lo:hi]) or _YEAR.search(sentence[:lo]):
        return False
    later = sentence[hi:]
    return bool(
        re.match(r"[,;]\s*(?:terwijl|maar|whereas|while|but)\b", later, re.I)
        and re.search(r"\d[\d.,]*\s*(?:%|procent|per ?cent|percent)?", _YEAR.sub(" ", later))
    )


def _part(sentence: str, mt: Mention) -> str:
    """The part of a sentence a number stands in (reading.prose.part_span)."""
    lo, hi = part_span(sentence, mt.start, mt.end)
    return sentence[lo:hi]


def _part_year(sentence: str, mt: Mention) -> int | None:
    """The one year of the part of a sentence a number stands in: "Stond de teller in 2022 nog
    op 151.337 meldingen, in 2023 verwerkten we 238.614 meldingen"."""
    part = _part(sentence, mt)
    years = {int(m.group(1)) for m in _YEAR.finditer(part) if not _BASE_YEAR.search(part[: m.start()])}
    if not years:
        # "In 2021, 89% of the illegal images were on Dutch servers; in 2022 ...": a year set off before the part
        lo = part_span(sentence, mt.start, mt.end)[0]
        opened = re.search(r"(?:^|[;:]\s*)(?:in|over)\s+((?:19|20)\d\d)\s*,\s*$", sentence[:lo], re.I)
        return int(opened.group(1)) if opened else None
    return years.pop() if len(years) == 1 else None


# ("t.o.v." ends in a full stop: no word boundary after it)
# (and "an increase of 4.7% on the year before", "up 3% on 2054": British English's base)
_COMPARED_TO = re.compile(
    # ("an increase of 12.5% from a year earlier": what it rose from)
    r"\b(?:than|dan|compared|vergeleken|ten opzichte|tegenover|versus|sinds|since)\b|\bt\.o\.v\.|\b(?:on|from)\s+$"
    # "anderhalf keer zoveel als het jaar daarvoor", "twice as many as the year before"
    r"|\b(?:zo ?veel|evenveel|zo groot|as (?:many|much|large|high))\s+(?:als|as)\b",
    re.I,
)


def _compared_years(text: str) -> set[int]:
    """The years a text compares its figures with ("tegenover 414.000 in 2021", "than in 2016")."""
    found = set()
    for m in _YEAR.finditer(text):
        before = re.split(r"[.!?](?:\s|$)|\n", text[max(0, m.start() - 60) : m.start()])[-1]  # in its own sentence
        after = re.split(r"[.!?;](?:\s|$)|\n", text[m.end() : m.end() + 80])[0]
        if (
            _BASE_YEAR.search(before.replace(" in ", " ").rstrip() + " ")
            or re.search(r"\b(?:tegen(?:over)?|against|from|van)\s+(?:\S+\s+){0,3}?in\s+$", before, re.I)
            # "In 2011 ontving het meldpunt er nog 12.542", "in 2012 waren het er nog 19.872": the past
            # the text's own figures are set against
            or re.search(r"\bin\s+$", before, re.I)
            # ("in 2018 was het aantal bekeken url's nog met 45 procent gestegen")
            and re.match(
                r"[^,]{0,60}?\b(?:nog|still|only)\s+(?:met\s+|op\s+|om\s+|by\s+|at\s+)?(?:maar\s+|ruim\s+|bijna\s+)?\d",
                after,
                re.I,
            )
        ):
            found.add(int(m.group(1)))
    return found


# Who a "respectievelijk" list names, in order: the hotline, or another (one of Offlimits' other
# services, another organisation, a web address).
_LISTED = re.compile(
    r"(?P<own>\bMeldpunt Kinderporno\b|\b(?:het|ons) meldpunt\b|\b(?:the|our) hotline\b|\bOfflimits' hotline\b)"
    r"|(?P<other>\b[\w-]+\.(?:nl|com|org|eu|be|net|info)\b|" + _OTHERS.pattern + ")",
    re.I,
)


def respective_owners(sentence: str, before: str = "") -> list[str]:
    """Whose each number of a "respectievelijk" list is, in order ("het Meldpunt en Helpwanted.nl
    respectievelijk 23.278 en ruim 750 meldingen": own, other): the names before the word, else
    those of the sentence before ("Vorig jaar kregen ze respectievelijk ..."). Empty without one."""
    word = RESPECTIVELY.search(sentence)
    if word is None:
        return []
    names = [m.lastgroup or "" for m in _LISTED.finditer(sentence[: word.start()])]
    if not names:
        names = [m.lastgroup or "" for m in _LISTED.finditer(before)]
    return names if len(names) > 1 and "own" in names else []


_CHANGE_WORDS = (
    r"\b(?:daling|stijging|toename|afname|groei|decrease|increase|drop|rise|fall|growth)\b"
    # ("Het aantal meldingen steeg daarmee met 37 procent", "rose by 35%"; not "steeg naar 63 procent")
    r"|\b(?:steeg|stegen|daalde|daalden|groeide|groeiden|nam\w*\s+(?:\w+\s+)?(?:toe|af))\b[^.;:]{0,30}\bmet\b"
    r"|\b(?:rose|fell|grew|increased|decreased|dropped)\s+(?:\w+\s+){0,2}?by\b"
)


def _a_change_beside(sentence: str, mt: Mention) -> bool:
    """Is the number a change in a part of its own that counts no year back ("In dezelfde periode
    een jaar eerder waren dat er nog ruim 129.000, een daling van 93 procent")?"""
    part = _part(sentence, mt)
    return bool(re.search(_CHANGE_WORDS, part, re.I)) and not any(p.search(part) for p, _ in _BACK)


def _relative_in_part(sentence: str, at: int) -> int | None:
    """The one relative year said in the part of the sentence a number stands in (between commas,
    semicolons and colons), when the sentence says several: its count back, or None."""
    lo, hi = part_span(sentence, at, at)
    found = {n for p, n in _DEICTIC for r in p.finditer(sentence[lo:hi])}
    return found.pop() if len(found) == 1 else None


def _unbound(patterns, sentence: str, mentions: list[Mention]) -> list[int]:
    """Relative phrases of the sentence not bound to one number, nor a comparison base ("meer
    dan vorig jaar"): their counts back."""
    bound = {mt.relative_at for mt in mentions if mt.relative_at is not None}
    return sorted(
        {
            n
            for p, n in patterns
            for r in p.finditer(sentence)
            if not any(r.start() <= b < r.end() for b in bound)
            and not _COMPARED_TO.search(sentence[max(0, r.start() - 25) : r.start()])
        }
    )


_CLAUSE_EDGE = re.compile(
    r"[;:()]|\s[-–•]\s|,\s+(?=(?:waarvan|waarbij|daarvan|waarmee|of which|which|terwijl|maar|toen|while|but|with|when)\b)"
    r"|,\s+(?=(?:and|en)\s+(?![\d.,]+\b))"  # ", and found illegal material on ...": a clause of its own (not a list of numbers)
    # (without the comma too, where a verb of its own follows: "processed 127,081 reports and found illegal material on")
    r"|\s+(?=(?:and|en)\s+(?:found|discovered|identified|detected|removed|vond|vonden|trof|troffen|ontdekte|ontdekten)\b)"
    # ("over half a million URLs, 268,912 of which contained illegal material": the part's own clause)
    r"|,\s+(?=\d[\d.,]*\s+(?:of which|of them|of these|of those|daarvan|waarvan)\b)"
    # ("603,062 URLs, up 12.5%, and 230,759 of them contained illegal material": the part's clause)
    # (or "and 230,759 of the URLs analysed contained ...", "en 230.759 van die URL's ...")
    r"|,\s+(?=(?:and|en)\s+\d[\d.,]*\s+(?:of which|of them|of these|of those|of the|daarvan|ervan|hiervan|van de|van die|van deze)\b)"
    # ("more than 220,000 URLs assessed, 73 percent illegal": the share's own clause, whose word is
    # not the count's)
    r"|,\s+(?=\d[\d.,]*\s*(?:%|procent|per ?cent|percent)\s+(?:illegal|strafbaar|illegaal)\b)",
    re.I,
)


def _clause_span(sentence: str, mt: Mention) -> tuple[int, int]:
    """Where the part of the sentence the number stands in begins and ends: between colons,
    semicolons, brackets and dashes ("144.000 meldingen (2021: 413.262) - 600.000 URL's
    geanalyseerd"); a bracket without a number ("(deels)") is no edge, nor one that only gives the
    percentage of the words before it ("bijna de helft (48 procent) van de afbeeldingen")."""
    flat = re.sub(r"\([^()\d]*\)", lambda m: " " * len(m.group(0)), sentence)
    flat = re.sub(r"\((\s*[\d.,]+\s*(?:%|procent|per cent|percent)\s*)\)", lambda m: f" {m.group(1)} ", flat)
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(flat[: mt.start])), default=0)
    right = _CLAUSE_EDGE.search(flat, mt.end)
    return left, right.start() if right else len(sentence)


# a sentence that compares with the same part of another year: "In dezelfde periode in 2021 ...",
# "In the same period a year earlier ..."
_SAME_PERIOD_BEFORE = re.compile(r"\b(?:dezelfde|de zelfde|the same)\s+(?:periode|period)\b", re.I)
# where a sentence goes on to a part of what it counted: ", of which 268,912 ...", ", waarvan",
# ", and 230,759 of them ..."
_PART_AFTER = re.compile(
    r",\s+(?:(?:of which|waarvan|daarvan)\b|(?:(?:and|en)\s+)?\d[\d.,]*\s+(?:of which|of them|of these|daarvan|waarvan|ervan)\b)",
    re.I,
)


# a service described as the subject of a clause ("The reporting site for child sex tourism received
# 61 reports", "de chatdienst voor jongeren kreeg ..."); not a channel ("via de website")
_SERVICE_DESCRIBED = re.compile(
    r"(?<!\bvia )(?<!\bthrough )(?<!\bop )(?<!\bon )"
    r"\b(?:the|de|het|die|deze|that|this)\s+(?:[\w-]+\s+)?(?:website|site|meldsite|service|platform|helpline|chat|"
    r"chatdienst|dienst|hulplijn|app)\b(?!\s*(?:van|of)\s+(?:het\s+|the\s+)?(?:meldpunt|hotline|offlimits|eokm))",
    re.I,
)
# another service referred to by what it is ("the website", "die site", "de dienst")
_THE_SITE = re.compile(
    r"\b(?:the|that|this) (?:website|site|service|platform|helpline|chat)\b|\b(?:de|die|deze) (?:website|site|dienst|chat|hulplijn)\b"
    r"|\bhet platform\b",
    re.I,
)


def _without_parts_after(sentence: str, mt: Mention) -> str:
    """The sentence up to the part of its count that follows the number, same length (spaces)."""
    part = _PART_AFTER.search(sentence, mt.end)
    return sentence if part is None else sentence[: part.start()] + " " * (len(sentence) - part.start())


def _clause(sentence: str, mt: Mention) -> str:
    left, right = _clause_span(sentence, mt)
    return re.sub(r"\([^()\d]*\)", lambda m: " " * len(m.group(0)), sentence[left:right])


def _after(sentence: str, mt: Mention) -> str:
    """The rest of the number's clause, after the number."""
    return sentence[mt.end : _clause_span(sentence, mt)[1]]


_FIGURE_DIGITS = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?![\d.,]?\d))\d[\d.,]*")  # a figure's digits, not a year's


def _measure(sentence: str, mt: Mention, compared: Measure | None, whole: bool = False) -> Measure | None:
    """What the number measures: a compared number measures what the number it is compared
    with measures; any other by the words of its own clause (for a unit named before the
    number, "Van alle verwerkte meldingen bleken er 88.596 illegaal", the words after that noun)."""
    if mt.unit_from in ("compared", "aside") and not whole:
        return compared
    sentence = _DESCRIBED_HOTLINE.sub(lambda m: " " * len(m.group(0)), sentence)  # same length: the spans hold
    sentence = sentence.translate(_NOTE_MARKS)  # "Meldingen uit Nederland¹": the mark is no part of the word
    clause = sentence if whole else _clause(sentence, mt)
    if mt.unit_from == "subject" and not whole:
        clause = sentence[: mt.start]  # the words before the colon say what it counts
    elif (
        not whole
        and mt.unit == "percent"
        and not mt.sign
        and (label := _LABEL_BEFORE_COLON.match(sentence[: _clause_span(sentence, mt)[0]]))
    ):
        clause = (
            f"{label.group(1)} {clause}"  # a share after its label: "Verwijderverzoeken binnen 24 uur opgevolgd: meer dan 94%"
        )
    if mt.unit_from == "before":  # "Van alle verwerkte meldingen bleken er 88.596 ...": what follows the noun
        a = None
        for a in _ANAPHORIC_UNIT.finditer(sentence[_clause_span(sentence, mt)[0] : mt.start]):
            pass
        if a is not None and not re.match(r"\W*(?:[Hh]et|[Tt]he) (?:aantal|totaal|number|total)", a.group(0)):
            clause = clause[a.end() :]
    if mt.unit == "percent" and (
        mt.sign
        or _CHANGE_AFTER.match(_after(sentence, mt))
        or _UP_OR_DOWN.search(sentence[: mt.found.start])
        or _A_CHANGE_OF.search(sentence[: mt.found.start])
    ):
        if re.search(_URL_WORD, clause, re.I) and not re.search(_ILLEGAL, clause, re.I):  # "+12,5% geanalyseerde URL's"
            return _URLS_CHANGE  # ("Het aantal webadressen ... steeg juist: met 12,5 procent tot 603.062")
        if not whole and re.search(
            r"\bURL['’]?s?(?:\s+(?:beoordeeld|geanalyseerd|assessed|analy[sz]ed))?\s*(?:[–(]|\s-)\s*$",
            sentence[: _clause_span(sentence, mt)[0]],
            re.I,
        ):  # ("1.521.087 URL's beoordeeld (+3,7% t.o.v. 2059)")
            return _URLS_CHANGE  # "312.456 URL's – 8% minder dan in 2023", "603.062 URL's (+12,5%)": the count just named
        if not whole and re.search(r"\bURL['’]?s?\b[^.;:\d]{0,40}:\s*$", sentence[: _clause_span(sentence, mt)[0]], re.I):
            return _URLS_CHANGE  # "assessed more than a million URLs in a single year: 6.9% more than in 2041"
        if not whole and compared == _URLS_ANALYSED and re.search(r"[\d.,]\d,\s*$", sentence[: mt.start]):
            return _URLS_CHANGE  # "... URL's beoordeeld: 1.012.446, 6,9 procent meer dan het jaar ervoor": the count just before
        if (
            not whole
            and compared == _URLS_ANALYSED
            and re.search(
                # (", a rise of 54 percent", ", een stijging van ruim 50 procent", ", up 38%")
                r"\d[^\d.;:]{0,40},\s*(?:" + _A_CHANGE_OF_WORDS + r"\s+|up\s+|down\s+)?" + ROUNDING_WORD_BEFORE + "$",
                sentence[: mt.found.start],
                re.I,
            )
        ):
            return _URLS_CHANGE  # "heeft vorig jaar 100.478 webadressen beoordeeld, bijna 60 procent meer dan in 2015"
    if not whole:
        # Where the reports came from is said right after each number: "236.743 uit Nederland en
        # 176.519 uit het buitenland" (the second is not from the Netherlands).
        own = re.split(r"\d", _after(sentence, mt), maxsplit=1)[0]
        for unit, words, measure in MEASURES[:_ORIGINS]:
            if unit == mt.unit and words.search(own):
                return measure
    # where the reports came from, between this number and its neighbours only: "134,650 reports,
    # 41,907 of them from the Netherlands" (the total is not from the Netherlands)
    left, right = _clause_span(sentence, mt)
    before = [m.end() for m in _FIGURE_DIGITS.finditer(sentence[left : mt.start])]
    after = _FIGURE_DIGITS.search(sentence[mt.end : right])
    region = sentence[left + (before[-1] if before else 0) : mt.end + after.start() if after else right]
    for i, (unit, words, measure) in enumerate(MEASURES):
        if unit == mt.unit and words.search(region if i < _ORIGINS and not whole else clause):
            return measure
    if not whole and _SUCH.search(clause):
        # "The number of images made wholly or partly with AI kept rising: our analysts counted
        # 389,605 such images": what the same sentence named before the number's clause
        return _measure_named(mt.unit, sentence[:left])
    return None


def _measure_named(unit: str | None, text: str) -> Measure | None:
    """The catalog's measure of this unit that a text referred to names ("such images", "zulk
    materiaal" after the words that say which), or None."""
    return next(
        (measure for u, words, measure in MEASURES[_ORIGINS:] if u == unit and measure.indicator_id and words.search(text)),
        None,
    )


def _address_date(url: str) -> dt.date | None:
    """The date a news address carries (".../2014/03/28/...", ".../2014-03-28-...",
    ".../20220803/..."), if any."""
    m = re.search(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/-]|$)", url or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class _Reader:
    """One pass over a document's blocks, keeping the context a reader keeps: the year of the
    heading, of the paragraph, of the sentence before, and whose section this is."""

    def __init__(
        self,
        document: Document,
        voice: Voice,
        source_name: str,
        registered_year: int | None = None,
        own_hosts: tuple[str, ...] = (),
    ):
        self.doc = document
        self.own_hosts = own_hosts  # the publisher's web hosts: an address on them names no other service
        self.registered_year = registered_year  # for proposals in review only
        self.voice = voice
        self.source_name = source_name
        self.lang = document.language
        self.names_other_meldpunt = bool(_OTHER_MELDPUNT.search(document.text()))
        self.last_meldpunt: str | None = None  # "own" or "other": the meldpunt the text named last, so far
        self.report_year = self._report_year()
        self.document_year = self._document_year()
        self.reading = Reading(voice, self.lang, report_year=self.report_year, date=document.date)
        self.number = 0
        self.last_measure: Measure | None = None  # what "waren het er" refers back to
        self.last_topic: Measure | None = None  # the last measure read or proposed (for proposals only)
        self.last_named_year: int | None = None  # the last year the sentence before named: what "toen" refers to
        self.last_main_year: int | None = None  # the last year it named that it did not compare with: "dat jaar"
        self.last_half: str | None = None  # "H1" when the sentence before was about a half-year
        self.last_year_read: int | None = None  # the last year a sentence was certainly about (proposals only)
        self.first_year_read: int | None = None  # the first such year: a dated item's topic (proposals only)
        self.last_year_proposed: int | None = None  # the last year any figure was proposed with (proposals only)
        # the year the sentence before spoke of was relative ("Last year we processed 127,081 reports"):
        # "A year earlier, ..." after it counts back from a year counted itself
        self.previous_relative = False
        self.marked_years: dict[str, int] = {}  # the period of the first figure read with each note's mark ("397.770*")
        self.notes = {  # footnotes by their mark: "* We only started counting ... in the second half of the year."
            m.group(1): m.group(2)
            for b in document.blocks
            for note in re.split(_NEXT_NOTE, b.text)  # notes run together in one paragraph: "¹ ... ² ..."
            if (m := _FOOTNOTE.match(note))
        }
        self.address_date = _address_date(source_name)  # for proposals only
        self.compared_with = _compared_years(document.text())  # for proposals only
        # the years a table of the document is headed by, row or column ("2019", "2023*"): for proposals only
        self.table_years = {
            int(m.group(1))
            for b in document.blocks
            if b.kind == "cell" and b.location
            for m in re.finditer(r"(?:row|column) '((?:19|20)\d\d)\*?'", b.location)
        }
        self.referred_year: int | None = None  # the year a period by reference in this sentence stands for
        self.last_share: Measure | None = None  # the share "dat aandeel" refers back to
        self.last_unit: str | None = None  # the noun the sentence before counted (meldingen, URL's)
        self.counts_foreign: list[bool] = []
        self.last_proposal_note = ""  # when the text did not give that year (registered, address, title): the words that say so
        self.last_sentence = ""  # the sentence read before this one (its words may name this one's measure)
        self.paragraph_years: list[int] = []  # the years of the figures the paragraph read so far
        self.last_change_later: int | None = None  # the year of the sentence before when it was only a change (proposed)
        self.loaded_before: list[dict] = []  # the figures the paragraph's sentence before loaded
        self.last_count: Measure | None = None  # the last count (not a share or change) a measure was read for
        # sentence -> (measure, year, value) of the figures it states that the sentence after it withdraws
        self.withdrawn: dict[str, list[tuple[Measure, int, float]]] = {}
        self.current_kind = ""  # the kind of block being read (body, item, cell, heading, title)
        self.column_measures: dict[tuple[str, str], Measure | None] = {}  # a table column's last count's measure
        self.next_sentence = ""  # the sentence after the one read, in its paragraph ("Dat aantal is onjuist.")
        # the half of the year a half-year item is about, from its title (for proposals only)
        half = _HALF_ITEM.search(document.title or "")
        self.doc_half = _part_of_year(document.title, half, None) if half else None

    def _report_year(self) -> int | None:
        """The year of the publisher's own annual report (its title or first heading, "Jaarverslag
        2022", or its address, jaarverslag2022.offlimits.nl)."""
        if self.voice != "own":
            return None
        # the title, headings and short lines of the opening ("Offlimits / Jaarverslag 2023")
        # (a short line only when it is the report's name, not "Lees hier ons jaarverslag 2015.")
        head = [
            b.text
            for b in self.doc.blocks[:8]
            if (b.kind in ("title", "heading") or _REPORT_NAME_LINE.fullmatch(b.text)) and not _POINTS_TO_REPORT.search(b.text)
        ]
        # (the year the report's name gives, where the line names others too: "2022 and 2021 side by side
        # - EOKM Annual Report 2022")
        years = {int(y) for t in head if _REPORT_TITLE.search(t) for y in (_REPORT_NAMED_YEAR.findall(t) or _YEAR.findall(t))}
        m = re.search(r"(?:jaarverslag|annualreport|jaarcijfers)((?:19|20)\d\d)", host_of(self.source_name))
        if m:
            years.add(int(m.group(1)))
        return years.pop() if len(years) == 1 else None

    def _document_year(self) -> int | None:
        """The one year the publisher's own document is about: every year its sentences state
        (not comparison bases, not years bound to one number) is this one."""
        if self.voice != "own":
            return None
        years: set[int] = set()
        for block in self.doc.blocks:
            for sentence in block_sentences(block):
                mentions = _mentions(sentence, block.language or self.lang)
                about = _about_year(_own_years(sentence, mentions), mentions)
                years.update(_own_years(sentence, mentions))
                if about is not None:
                    years.add(about)
        return years.pop() if len(years) == 1 else None

    def candidate(
        self,
        sentence: str,
        mt: Mention | None,
        why: str,
        measure: Measure | None = None,
        period: str | None = None,
        location: str = "",
    ) -> None:
        if mt is None:
            return
        if measure is not None and measure.unit:
            self.units_read.append(measure.unit)
        if (
            period is not None
            and self.doc_half is not None
            and self.doc.date is not None
            and period == str(self.doc.date.year)
            and not _YEAR.search(sentence)
            and not _WHOLE_OR_OTHER_YEAR.search(sentence)
        ):
            # a half-year item ("Halfjaarcijfers 2060", "... eerste helft van het jaar"): a number
            # whose sentence names no period of its own is proposed for the half the item is about
            period = f"{period}-{self.doc_half}"
        if (
            measure is not None
            and measure.indicator_id
            and measure.breakdown != "total"
            and self.current_kind != "cell"  # (a table's cell: its column or row heading says the part)
            and not any(m == measure and words.search(sentence) for _, words, m in MEASURES)
        ):
            # a part ("uit Nederland") is proposed only where the sentence says it: "in 2021 waren het
            # er 413.262" after "127.081 meldingen, waarvan 72.691 uit Nederland" counts the whole
            measure = Measure(measure.indicator_id, "total", measure.unit)
        self.reading.candidates.append(
            Candidate(
                sentence,
                mt.found.text,
                -mt.value if mt.sign < 0 and mt.value is not None else mt.value,  # as printed: "−7.316"
                why,
                measure.indicator_id if measure and measure.indicator_id else None,
                measure.breakdown if measure and measure.indicator_id else None,
                period,
                mt.qualifier,
                location,
            )
        )

    def read(self) -> Reading:
        heading_year: int | None = None
        title_year: int | None = None
        section_other: str | None = None
        previous_kind = ""
        intro_year: int | None = None
        for block in self.doc.blocks:
            # (a date's year is no year a heading speaks of: a thread's "10 april 2025 om 09:30" between posts)
            undated = blanked(block.text, date_spans(block.text))
            stated = sorted({int(y) for y in _YEAR.findall(undated)})
            if block.kind == "title":
                self.reading.title_years |= set(stated)
                title_year = stated[0] if len(stated) == 1 else None
            if block.kind in ("title", "heading"):  # a heading's year and subject hold until the next heading
                undated = blanked(undated, issue_month_spans(undated))  # ("Nieuwsbrief september 2023": the issue's date)
                # (a comparison's base is not what it is about: "... kreeg vorig jaar 307.021 meldingen,
                # iets meer dan in 2019")
                stated = sorted({int(m.group(1)) for m in _YEAR.finditer(undated) if not _BASE_YEAR.search(undated[: m.start()])})
                if block.kind == "title":
                    title_year = stated[0] if len(stated) == 1 else None
                if len(stated) == 1:
                    heading_year = stated[0]
                elif stated:
                    heading_year = None  # a heading about several years
                elif block.kind == "heading" and previous_kind == "heading":
                    heading_year = heading_year or title_year  # a sub-heading right under its heading keeps its year
                elif block.kind == "heading":
                    heading_year = title_year  # a new section
                other = _OTHERS.search(block.text)
                section_other = other.group(0) if other and not OWN_NAMES.search(block.text) else None
            # a paragraph that introduces a list ("Onze jaarcijfers over 2043 zijn er! Ons Meldpunt
            # Kinderporno:") gives its one year to the items that continue its sentence ("verwerkte
            # 154.209 meldingen"), as a heading does; an item that is a sentence of its own ("Nog
            # altijd twee op de vijf ...", after "Een paar dingen die opvallen:") says its own period
            if block.kind == "body":
                # (or asks what the list answers: "Wat zag ons Meldpunt Kinderporno in 2060?")
                intro_year = stated[0] if len(stated) == 1 and block.text.rstrip().endswith((":", "?")) else None
            elif block.kind != "item":
                intro_year = None
            # (or a key figure led by its number: "214.508 meldingen verwerkt", ">99% van ...")
            continues = block.kind == "item" and bool(re.match(r"\s*(?:[a-z]|[<>≈~+]?\s*\d)", block.text))
            year_above = intro_year if continues and intro_year is not None else heading_year
            previous_year: int | None = None
            said = block_sentences(block)
            self.loaded_before = []
            self.paragraph_years = []
            # a paragraph that has turned to one of Offlimits' other services ("In 2048 kreeg
            # Helpwanted ruim 1500 meldingen. ... kwamen er 29 meldingen over kinderen ... binnen")
            # speaks of it until it names the hotline again, as a section on it does
            paragraph_other: str | None = None
            for k, sentence in enumerate(said):
                self.next_sentence = said[k + 1] if k + 1 < len(said) else ""  # what the paragraph says of it next
                loaded = len(self.reading.figures)
                previous_year = self._sentence(block, sentence, year_above, previous_year, section_other or paragraph_other)
                if _HOTLINE.search(sentence):
                    paragraph_other = None
                elif service := _OWN_SERVICES.search(sentence):
                    paragraph_other = service.group(0)
                self.last_sentence = sentence
                self.loaded_before = self.reading.figures[loaded:]
            previous_kind = block.kind
        self._headlines_like_their_lead()
        return self.reading

    def _headlines_like_their_lead(self) -> None:
        """A dated item's title and headings without a year of their own ("Meldpunt beoordeelt voor
        het eerst meer dan 900.000 url's") are about the year of the item's first certain figure:
        proposed so; a title's number without a measure takes the one its heading's twin has."""
        lead = self.first_year_read
        measured = {
            c.value: c for c in self.reading.candidates if c.indicator_id and c.location.endswith(("(title)", "(heading)"))
        }
        for c in self.reading.candidates:
            if not c.location.endswith(("(title)", "(heading)")):
                continue
            twin = measured.get(c.value)
            if c.indicator_id is None and twin is not None and twin is not c:
                c.indicator_id, c.breakdown = twin.indicator_id, twin.breakdown
            if (
                c.period is None
                and lead is not None
                and self.doc.date is not None
                and c.why.startswith("no period in the sentence")
            ):
                c.period = str(lead)
                c.why += f"; proposed: {lead}, the year of the item's first figure"

    def _sentence(
        self, block: Block, sentence: str, heading_year: int | None, previous_year: int | None, section_other: str | None
    ) -> int | None:
        """Read one sentence (a table cell: its text with its row and column); returns the year
        it is about (for the next sentence of its paragraph)."""
        kind = block.kind
        self.current_kind = kind
        self.number += 1
        self.units_read: list[str] = []  # what the sentence's figures and candidates were read to count
        self.last_counts_foreign = bool(self.counts_foreign) and all(self.counts_foreign)  # (of the sentence before)
        self.counts_foreign = []  # for each count of the sentence: is it another organisation's?
        self._named(sentence)
        location = block.location or f"sentence {self.number} ({kind})"
        mentions = _mentions(sentence, block.language or self.lang, self.last_unit)
        self.mentions = mentions  # (the sentence's numbers, for a part's period: _whole_of_part)
        counts = [mt for mt in mentions if mt.unit not in _NOT_A_COUNT]
        counted = [mt.unit for mt in counts]
        own = _own_years(sentence, mentions)
        deictic = _unbound(_DEICTIC, sentence, mentions)
        back = _unbound(_BACK, sentence, mentions)
        anaphora = _ANAPHORIC_PERIOD.search(sentence)
        half = _HALF.search(sentence)
        shorter = _SHORTER.search(sentence)
        text_part = "headline" if kind in ("title", "heading") else "table" if kind == "cell" else "body"
        sentence_year = own[0] if len(own) == 1 else None
        names_own = bool(OWN_NAMES.search(sentence)) or (
            not self.other_meldpunt and self.voice == "own" and bool(_OWN_REFERENCE.search(sentence))
        )
        measures: list[Measure | None] = []
        years_read: list[int] = []
        periods_seen: list[int] = []  # the years of the sentence's counts so far, read or proposed
        later_seen: int | None = None  # the later year of a comparison a change of this sentence was read with
        # "respectievelijk" pairs the sentence's years with its figures in order, when they are as many
        figures = [m for m in mentions if m.unit and m.value is not None and m.unit_from != "compared"]
        respective = figures if RESPECTIVELY.search(sentence) and len(own) > 1 and len(figures) == len(own) else []
        respective_years = {id(m): y for m, y in zip(respective, own)}
        if not respective and len(own) > 1 and (said := RESPECTIVELY.search(sentence)):
            # other services' numbers have no unit of the catalog: "Helpwanted voerde in 2044 en 2045
            # respectievelijk 14.102 en 14.877 gesprekken; Stop it Now had 4.903 en 5.216 contacten":
            # the numbers of the list's clause in order, and those of a clause after it that names
            # no year and as many numbers (said in parallel)
            clauses = re.split(r"(;)", sentence[said.end() :])
            start = said.end()
            for k, part in enumerate(clauses[::2]):
                end = start + len(part)
                listed = [m for m in mentions if m.value is not None and start <= m.found.start < end and not m.found.is_year]
                if len(listed) != len(own) or (k > 0 and _YEAR.search(part)):
                    break
                respective_years.update({id(m): y for m, y in zip(listed, own)})
                start = end + 1
        # ... and its names with its figures: "het Meldpunt en Helpwanted.nl respectievelijk 23.278 en ruim 750 meldingen"
        owners = respective_owners(sentence, self.last_sentence)
        said_at = RESPECTIVELY.search(sentence)
        listed = [m for m in figures if said_at and m.start > said_at.start()] if owners else []
        if len(listed) != len(owners):
            owners, listed = [], []
        counted_at: int | None = None  # the certain period of the count just before (its change may follow it)
        for i, mt in enumerate(mentions):
            # compared with the last count of its unit before it ("201,937 reports, 7.3% more than in
            # 2058 (188,264)": the reports, not the percentage between)
            same = [k for k in range(i) if mentions[k].unit == mt.unit and measures[k] is not None]
            measure = _measure(sentence, mt, measures[same[-1]] if same else (measures[i - 1] if i else None))
            if measure is None and not own and self._change_of_the_count_before(sentence, mt, previous_year):
                measure = _URLS_CHANGE
            column = cell_column(location) if self.current_kind == "cell" else None
            if (
                measure is None
                and column is not None
                and mt.unit == "percent"
                and _CHANGE_ROW.match(sentence[mt.end :])
                and self.column_measures.get(column) == _URLS_ANALYSED
            ):
                # a table's row "Groei ten opzichte van het jaar ervoor" under "Gemelde en beoordeelde URL's" in the
                # same column: the change of that count (a row that names its own count, "Groei aantal meldingen", does)
                measure = _URLS_CHANGE
            if column is not None and mt.unit not in _NOT_A_COUNT:
                self.column_measures[column] = measure
            if measure is None and mt.unit == "percent" and _SUCH_MATERIAL.search(_clause(sentence, mt)):
                # "Sinds 2024 houden we bij welk materiaal kinderen van zichzelf hebben gemaakt. In 2024 was
                # ongeveer een op de drie gemelde afbeeldingen zulk materiaal.": the material the sentence before named
                measure = _measure_named("percent", self.last_sentence)
            measures.append(measure)
            if mt.value is None:
                self.candidate(sentence, mt, f"a number that cannot be read as written ({mt.found.problem})", location=location)
                continue
            if mt.qualifier not in VALUED:  # proposed with what the sentence says of it, for a reader to judge
                referred = (_topic(sentence) or self.last_measure) if _REFERS_BACK.search(_part(sentence, mt)) else None
                year = sentence_year or previous_year
                self.candidate(
                    sentence, mt, f"an upper bound ({mt.found.text!r}), not a figure", measure or referred,
                    str(year) if year else None, location,
                )  # fmt: skip
                continue
            # ---- its period
            anaphoric = anaphora if anaphora and _refers_to(sentence, mentions, i, anaphora) else None
            period_year, why = self._period(
                sentence, mt, own, deictic, back, sentence_year, previous_year, heading_year, anaphoric
            )
            if period_year is None and id(mt) in respective_years:  # "in 2023 en 2024 respectievelijk 318 en 1.486"
                period_year, why = respective_years[id(mt)], None
            if (noted := _FOOTNOTE.match(sentence)) and not _YEAR.search(sentence) and noted.group(1) in self.marked_years:
                # "* Inclusief 253.712 URL's die SCART heeft gevonden." under "397.770*" in 2022's column: the
                # note speaks of the figure its mark is on, and of its period (proposed: a note is read first)
                period_year = self.marked_years[noted.group(1)]
                why = f"a number in the note marked {noted.group(1)!r}: the period of the figure the mark is on"
            elif (marked := _FOOTNOTE_MARK.search(_clause(sentence, mt))) and period_year is not None:
                self.marked_years.setdefault(marked.group(0), period_year)
            later = self._later_of_comparison(sentence, mt, periods_seen, previous_year)
            later_seen = later if later is not None else later_seen
            if later is not None and later != period_year:
                # "In 2021 telde het meldpunt nog 413.262 meldingen; vorig jaar waren het er 144.058, een
                # daling van bijna twee derde", "In 2010 waren dat er 9.164. Dat is een stijging van 37 procent."
                period_year, why = later, "a change of the comparison just made: the later of its years, proposed"
            if mt.changed_from and mt.bound_year is None:
                # "nam toe: van bijna 22.000 naar ruim 34.000": the first is what it was before,
                # the year before the other's (by reference: proposed, never loaded)
                period_year = period_year - 1 if period_year is not None else None
                why = "the number a figure changed from ('van ... naar'): the year before, by reference"
            own_clause = sentence[sentence.rfind(";", 0, mt.start) + 1 : mt.start] if ";" in sentence[: mt.start] else None
            if (
                not why
                and mt.unit_from == "part"
                and own_clause is not None
                and not _YEAR.search(own_clause)
                and not any(pattern.search(own_clause) for pattern, _ in (*_DEICTIC, *_BACK))
            ):
                # "Vorig jaar beoordeelden we 812.655 URL's; op 301.764 daarvan ...": a part of
                # what the clause before counted, its period that clause's: read, not loaded
                why = "a part of what the clause before the semicolon counted ('daarvan'): its period is that clause's"
            if (
                why
                and counted_at is not None
                and mt.unit == "percent"
                and mt.bound_year is None
                and re.fullmatch(
                    r"(?:[^\d;:.]|(?:19|20)\d\d)*[,(]\s*(?:" + _CHANGE_NOUN_BEFORE + ")?",
                    sentence[mentions[i - 1].end : mt.start],
                )
                and (
                    mt.sign
                    or _CHANGE_AFTER.match(_after(sentence, mt))
                    or re.search(_CHANGE_NOUN_BEFORE + "$", sentence[: mt.start])
                )
            ):
                # "... URLs last year, an increase of 5.1%": the change noun before the number
                # "assessed 745,980 URLs last year, 6.2% more than in 2032": the change of the count
                # just named, in its period
                period_year, why = counted_at, None
            counted_at = None
            period_certain = why is None  # only a certain period carries to the next sentence
            if period_certain and mt.unit not in _NOT_A_COUNT:
                counted_at = period_year
            # a year to propose in review when none is certain: the nearest one the text gave,
            # else the one proposed last (saying so when that came from the registered year)
            nearest = (
                previous_year
                or heading_year
                or self.report_year
                or self.document_year
                # a dated item is about the year its first certain figure names (its lead), not the
                # year of the last comparison before this sentence
                or (self.first_year_read if self.doc.date is not None else self.last_year_read)
            )
            # "verwerkte er 413.262, bijna 35 procent meer dan in 2020": compared with one year, of the year after it
            said_near = previous_year or heading_year or self.report_year or self.document_year
            compared_here = (
                {
                    y
                    for y in _compared_years(sentence)
                    if not re.search(rf"\b(?:sinds|since|sedert)\s+(?:\w+\s+){{0,2}}{y}\b", sentence, re.I)
                }
                if period_year is None and not said_near
                else set()
            )  # (not "het hoogste aantal sinds 2021": no year it is compared with)
            if len(compared_here) == 1:
                nearest = next(iter(compared_here)) + 1
            proposed_year = period_year if period_year is not None else nearest or self.last_year_proposed
            a_count = mt.unit not in _RATIOS if mt.unit else mt.value >= 100
            if proposed_year is not None and not mt.base and a_count:
                periods_seen.append(proposed_year)  # (counts, proposed or read: what a change after them compares)
            if period_year is None and not nearest and self.last_proposal_note and why:
                why += self.last_proposal_note
            period = str(proposed_year) if proposed_year is not None else None
            if proposed_year is not None and mt.back is None and not back and not mt.base:
                # "een jaar eerder" is a digression, not the topic; so is a comparison's base ("tegen bijna 500.000 in 2058")
                self.last_year_proposed = proposed_year  # proposals only: a loaded period never comes from here
                note = _PROPOSAL_NOTE.search(why or "")
                self.last_proposal_note = note.group(0) if note else ""
            clause = _clause(sentence, mt)
            if clause != sentence and (_YEAR.search(clause) or _ANAPHORIC_PERIOD.search(clause)):
                # a clause with a period of its own: "..., toen er 1732 van zulke afbeeldingen werden
                # aangetroffen" after "in het eerste halfjaar ... dan in heel 2024" is not a half-year's
                part_of_year = _part_of_year(clause, _HALF.search(clause), _SHORTER.search(clause))
            else:
                part_of_year = _part_of_year(sentence, half, shorter)
            # (or said earlier in the same sentence: "In de eerste zes maanden van dit jaar ontvingen we circa
            # 8100 meldingen; in dezelfde periode van 2021 waren dat er ruim 129.000")
            half_before = _HALF.search(sentence[: _clause_span(sentence, mt)[0]])
            earlier_half = self.last_half or (_part_of_year(sentence, half_before, None) if half_before else None)
            if (
                anaphoric
                and not part_of_year
                and earlier_half
                and re.search(r"periode|period|tijd|time|maanden|months", anaphoric.group(0), re.I)
            ):
                part_of_year = earlier_half  # "in dezelfde periode in 2021" after a first half-year
            inherited = period_year is not None and period_year == previous_year and not own and mt.bound_year is None
            if inherited and not part_of_year and self.last_half and mt.deictic is None and mt.back is None:
                part_of_year = self.last_half  # the period of the sentence before, a half-year, carries on with it
            if (
                not part_of_year
                and self.last_half
                and (period_year is None or mt.back is not None or mt.changed_from)
                and not own
                and mt.bound_year is None
                and mt.deictic is None
            ):
                # "Meldingen die via internationale meldpunten binnenkomen, namen met 77 procent af."
                # after a sentence on the first half-year: the same half, proposed; so is what it was
                # before ("van ruim 126.000 naar 29.000", "29.000, tegen ruim 126.000 een jaar eerder"):
                # the same half of the year before
                part_of_year = self.last_half
            if part_of_year in ("H1", "H2") and period_year is None and not own:
                # "in het eerste halfjaar zo'n 8100 meldingen" in an item dated 4 August 2022: the
                # last half-year completed before the date (proposed); an undated item's half-year
                # is proposed in the year it is registered under (for a half-year item the year of
                # its figures and of its writing are one)
                date = self.doc.date
                if date is not None:
                    proposed_year = (date.year if date.month >= 7 else date.year - 1) if part_of_year == "H1" else date.year - 1
                elif proposed_year is None and self.registered_year is not None:
                    proposed_year = self.registered_year
                if proposed_year is not None and (mt.changed_from or mt.back):
                    # "van ruim 126.000 naar 29.000", "tegen ruim 126.000 in dezelfde periode een jaar
                    # eerder": the same half, a year (or the years said) before
                    proposed_year -= mt.back or 1
            if part_of_year and proposed_year is not None:
                period = f"{proposed_year}-{part_of_year}"
            if mt.unit is None:
                # the withdrawn figure it replaces: of its size (a typo, a swapped digit), the only one
                withdrawn = [
                    (m, y) for m, y, v in self.withdrawn.get(self.last_sentence, []) if v and 2 / 3 <= mt.value / v <= 3 / 2
                ]
                if (
                    len(withdrawn) == 1
                    and len(mentions) == 1
                    and self.voice == "own"
                    and _DISOWNS_BEFORE.match(sentence)
                    and withdrawn[0][0].unit != "percent"
                ):
                    # "... stond dat in 2042 53.691 meldingen uit Nederland kwamen. Dit moet zijn: 53.961.":
                    # the publisher's own correction of the one figure of the sentence before, which
                    # gave its measure and period
                    corrected_measure, corrected_year = withdrawn[0]
                    self.reading.figures.append(
                        dict(
                            indicator_id=corrected_measure.indicator_id,
                            breakdown=corrected_measure.breakdown,
                            unit=corrected_measure.unit,
                            value=mt.value,
                            qualifier=mt.qualifier,
                            upper_bound=mt.found.upper_bound,
                            year=corrected_year,
                            period=str(corrected_year),
                            quote=f"{self.last_sentence} {sentence}",
                            as_published=mt.found.text,
                            coarse=False,
                            location=location,
                            text_part=text_part,
                        )
                    )
                    continue
                if mt.value >= 100:
                    # what "er" counts: the sentence's own topic ("Hoeveel meldingen er uit Nederland
                    # kwamen ... tussen de 40.000 en 50.000"), else the measure of the sentence before
                    referred = (_topic(sentence) or self.last_measure) if _REFERS_BACK.search(_part(sentence, mt)) else None
                    if referred is not None and referred.unit in _RATIOS:
                        referred = None  # ("Dat waren er 50.148" after a share: a count refers to no share)
                    if (
                        referred is not None
                        and referred.indicator_id
                        and referred.breakdown != "total"
                        and re.match(r"\W*(?:daarvan|hiervan|of these|of them|of which)\b", self.last_sentence or "", re.I)
                    ):
                        # "In 2021 verwerkte het Meldpunt 413.262 meldingen. Daarvan kwamen er 236.743 uit
                        # Nederland ... In 2020 waren het er 307.021": the whole the parts were of
                        referred = Measure(referred.indicator_id, "total", referred.unit)
                    why_unit = (
                        "a number whose measure is given by reference ('waren het er'): which measure it is must be read"
                        if referred
                        else "a number without a unit (meldingen, URL's, afbeeldingen, %)"
                    )
                    if not referred:
                        referred, guessed = self._counted_around(sentence, mt, mentions)
                        if referred is not None:
                            why_unit += f": proposed as {referred.unit}, {guessed}"
                    aimed = _NOT_COUNTED.search(_clause(sentence, mt))
                    if not referred and aimed and self.last_topic and self.last_topic.unit not in _RATIOS:
                        # "We expect between 250,000 and 270,000 this year" after a sentence on AI images
                        referred = self.last_topic
                        why_unit = (
                            f"a figure aimed at or expected ({aimed.group(0)!r}) without a unit: "
                            "its measure proposed from what the text counted just before"
                        )
                    if self._takes_up_anothers_count(sentence[: mt.start]):
                        referred, why_unit = None, _ANOTHERS_COUNT_TAKEN_UP
                    self.candidate(sentence, mt, why_unit, referred, period, location)
                elif rate := _RATE_AFTER.match(sentence[mt.end :]):
                    # "gemiddeld 32 bezoeken per dag": a small number of something a day, no measure of the catalog
                    self.candidate(
                        sentence, mt, f"a number per day, week or month ({rate.group(0).strip()!r})", None, period, location
                    )
                continue
            if part_of_year and part_of_year.startswith("H"):
                why = why or "a half-year figure: the catalog holds annual figures only"
            elif (part_of_year or (shorter and (clause == sentence or _SHORTER.search(clause)))) and not why:
                # ("626.940 afbeeldingen ...: ruim 1.700 per dag": the day is the clause after the colon's)
                what = shorter.group(0) if shorter else part_of_year
                why = f"a period shorter than a year ({what!r}): the catalog holds annual figures only"
            # ---- its measure and organisation
            before = sentence[: mt.found.start]
            corrected = bool(_CORRECTION.search(sentence) or _DISOWNS_BEFORE.match(self.next_sentence))
            if (
                corrected
                and _DISOWNS_BEFORE.match(self.next_sentence)
                and not why
                and measure is not None
                and measure.indicator_id
                and period_year is not None
            ):
                # what the figure withdrawn by the next sentence was ("Dit moet zijn: 53.961" gives its new value)
                self.withdrawn.setdefault(sentence, []).append((measure, period_year, mt.value))
            if corrected:
                why = "a sentence that corrects an earlier statement ('abusievelijk', 'niet ... maar'): the corrected figure loads from where it is stated as such"
            so_far = None if why else _SO_FAR.search(_clause(sentence, mt))
            if so_far:
                why = f"the year so far ({so_far.group(0)!r}): a part of a year, not its figure"
                period = None
            if not why and _PROVISIONAL.search(sentence):
                why = "a provisional figure ('voorlopig', a marked column): the final one may differ"
            since = since_a_year(_clause(sentence, mt))
            if not why and since:
                why = f"a total since a year ({since.group(0)!r}), not one year's figure"
            mark = _FOOTNOTE_MARK.search(_clause(sentence, mt))
            if mark and self.notes.get(mark.group(0)) and not _NOTE_NARROWS.search(self.notes[mark.group(0)]):
                mark = None  # read: a note that leaves the figure what it says ("Exclusief 1.204 dubbele meldingen")
            if not why and re.match(r"\s*" + NOTE_MARK, sentence):
                why = "a number in a footnote: it qualifies the figure the note is marked on, not a figure of its own"
            if not why and mark:
                footnote = self.notes.get(mark.group(0))
                why = (
                    f"a figure with a footnote ({mark.group(0)!r}"
                    + (f": {footnote!r}" if footnote else "")
                    + "): read the note before it loads"
                )
            change_amount = mt.unit not in _RATIOS and _changed_by(sentence, mt)
            if not why and change_amount:
                why = "the amount by which a figure changed ('steeg met 12.000', '12.000 meer', '+12.573'), not the figure"
            not_counted = _NOT_COUNTED.search(_clause(sentence, mt)) or (
                _NOT_COUNTED.search(sentence[: _clause_span(sentence, mt)[0]])
                and not re.search(r"[.!?]", sentence[: _clause_span(sentence, mt)[0]])
                and _LABEL_BEFORE_COLON.match(sentence[: _clause_span(sentence, mt)[0]])
            )
            if not why and not_counted:
                why = f"a figure aimed at or expected ({not_counted.group(0)!r}), not one counted"
            in_range = (
                _RANGE_AROUND.search(sentence[max(0, mt.start - 60) : mt.start])
                or re.match(r"\s*(?:en|and)\s+[\d.,]", sentence[mt.end :])
                and _RANGE_OPEN.search(sentence[: mt.start])
            )
            if not why and in_range:
                why = "one end of a range ('tussen ... en ...'), not the figure"
            if not why and _PART_BEFORE.search(before):
                why = "a part of a total ('nog eens', 'another'), not the total"
            elif (
                not why
                and measure is not None
                and measure.breakdown == "total"
                and (
                    part_named := re.match(r"\s*[^\d\s]\S*\s+.*?\b(?:waarvan|daarvan|of which)\b(.*)", _after(sentence, mt), re.I)
                )
                and not _FIGURE_DIGITS.search(_after(sentence, mt))
                # not when the part names a measure of its own ("Beoordeelde URL's | waarvan illegaal")
                and not any(
                    unit == mt.unit and m.indicator_id and words.search(part_named.group(1)) for unit, words, m in MEASURES
                )
            ):
                # a table's "Meldingen verwerkt | waarvan via HashCheck-partners" row: a part of the
                # count above it that is none of the catalog's breakdowns
                why = "a part of a total ('waarvan ...') that is not one of the catalog's breakdowns"
            elif (
                not why
                and _BASE_BEFORE.search(before)
                and (
                    re.search(r"%|procent|per cent", _after(sentence, mt))
                    or any(m.unit_from == "words" and m.start > mt.end for m in mentions)
                )
            ):
                why = "the base of a share ('van de ... bevatte 69%'), not the figure the share qualifies"
                share_at = re.search(r"\d[\d.,]*\s*(?:%|procent|per cent)", sentence[mt.end :])
                base_words = sentence[: mt.end + (share_at.start() if share_at else 0)]
                measure = _measure(base_words, mt, None, whole=True) or _usual(sentence, mt)  # what the base itself counts
                share_says = sentence[mt.end + (share_at.end() if share_at else 0) :]
                if (
                    measure is not None
                    and measure.indicator_id == "offlimits.urls_illegal"
                    and re.search(_ILLEGAL, share_says, re.I)
                ):
                    measure = _URLS_ANALYSED  # "Van de 100.478 URL's bevatte 69% strafbaar ...": the share says how many are illegal, not the base
            other = _OTHERS.search(_clause(sentence, mt))
            foreign = None  # why the figure is someone else's: then no Offlimits indicator is proposed
            together = _ALL_SERVICES.search(_clause(sentence, mt))
            web = self._other_site(sentence)
            opens = _clause_span(sentence, mt)[0]  # where the number's clause begins
            owner = owners[listed.index(mt)] if mt in listed else None
            if owner == "own":
                other = web = None  # "het Meldpunt en Helpwanted.nl respectievelijk 23.278 en ...": the first is the hotline's
            if owner == "other":
                foreign = "a figure of another service or organisation, named in its place in a 'respectievelijk' list"
            elif owner == "own":
                pass
            elif together:
                foreign = f"a figure of several services together ({together.group(0)!r}), not of the hotline"
            elif section_other and not self._own_despite_section(sentence, section_other):
                foreign = f"a figure of the section on {section_other}, not of the hotline"
            elif web is not None:
                foreign = f"a figure of another service, named by its address ({web.group(0)!r}), not of the hotline"
            elif _THE_SITE.search(sentence[opens : mt.start]) and (named_site := self._other_site(self.last_sentence)):
                # "... the hotline also runs Meldkindersekstoerisme.nl, where travellers can report ... In 2015
                # the website received 43 reports": the site the sentence before named
                foreign = (
                    f"a figure of another service, referred to as the site the sentence before named ({named_site.group(0)!r})"
                )
            elif (described := _SERVICE_DESCRIBED.search(sentence[opens : mt.start])) and not _OWN_REFERENCE.search(
                sentence[opens : mt.start]
            ):
                # "The reporting site for child sex tourism received 61 reports": a service described, not
                # the hotline named (nor "we")
                foreign = f"a figure of a service described, not named ({described.group(0)!r}): not the hotline's by itself"
            elif referred_other := pronoun_for_another(
                sentence[opens : mt.start],
                sentence[:opens],
                self.last_sentence,
                (_HOTLINE, OWN_NAMES),
                _OTHERS,
            ):
                foreign = f"a figure of another organisation, referred to by a pronoun ({referred_other})"
            elif other and not OWN_NAMES.search(sentence) and not _CHANNEL.search(_clause(sentence, mt)[: other.start()]):
                foreign = f"a figure of another organisation or service ({other.group(0)}), not of the Offlimits hotline"
            elif self._takes_up_anothers_count(sentence[opens : mt.start]) and not names_own:
                foreign = _ANOTHERS_COUNT_TAKEN_UP
            elif not names_own and self.other_meldpunt:
                foreign = "the document names another meldpunt: 'het meldpunt' does not tell whose figure this is"
            if not why:
                if foreign:
                    why = foreign
                elif other and not OWN_NAMES.search(sentence):
                    why = f"a figure of another organisation or service ({other.group(0)}), not of the Offlimits hotline"
                elif other and not _CHANNEL.search(_clause(sentence, mt)[: other.start()]):
                    # (not another organisation named as the channel the reports came by: "kreeg 25.347
                    # meldingen, van burgers en van buitenlandse meldpunten")
                    why = f"the sentence names Offlimits and {other.group(0)}: whose figure is this?"
                elif measure is None or not measure.indicator_id:
                    why = f"no known Offlimits measure for {mt.unit} in this clause"
                elif self.voice != "own":
                    why = "reported by another voice (press, another organisation), not published by Offlimits itself"
            if mt.doubt:
                why = f"{why}; {mt.doubt}" if why else mt.doubt
            if (
                _THAT_NUMBER_CHANGED_TO.match(self.next_sentence)
                and period is not None
                and not own
                and mt.bound_year is None
                and mt.deictic is None
                and mt.back is None
                and counts == [mt]
            ):
                # "... kwamen ruim 126.000 meldingen binnen. Dat aantal is gedaald naar 29.000.": what the
                # next sentence says it changed from is of the period before the one the text is at
                period = re.sub(r"^\d{4}", lambda y: str(int(y.group(0)) - 1), period)
                back_note = "the next sentence says what this count changed to ('Dat aantal is gedaald naar ...'): the period before, proposed"
                why = f"{why}; {back_note}" if why else back_note
            if mt.unit not in _NOT_A_COUNT:
                self.counts_foreign.append(bool(foreign))
            if measure is not None and measure.indicator_id:
                self.last_measure = self.last_topic = measure
                if measure.unit not in _RATIOS:
                    self.last_count = measure
                if measure.unit == "percent":
                    self.last_share = measure
            if why:
                proposal = (
                    None
                    if foreign or corrected or change_amount
                    # a proposal only: the clause's measure, the sentence's, the one referred to, the unit's usual one
                    else (
                        measure
                        # (the sentence's words, not those of a part it goes on to: "more than half a million
                        # URLs, of which 268,912 were found to contain illegal material")
                        or _measure(_without_parts_after(sentence, mt), mt, None, whole=True)
                        or (self.last_measure if anaphoric and self.last_measure and self.last_measure.unit == mt.unit else None)
                        # "We expect between 250,000 and 270,000 this year", "ons doel is 99 procent",
                        # "Offlimits verwacht ... 250.000 van zulke beelden": what the text counted just before
                        or (
                            self.last_topic
                            if self.last_topic
                            and (not_counted or _SUCH.search(_clause(sentence, mt)) or mt.unit == "images")
                            and mt.unit in (None, self.last_topic.unit)
                            else None
                        )
                        or (self.last_share if mt.unit == "percent" and _SAME_SHARE.search(sentence) else None)
                        or (_URLS_CHANGE if self._change_of_urls_before(sentence, mt) else None)
                        or self._share_named_before(sentence, mt)
                        or _usual(sentence, mt)
                    )
                )
                self.candidate(sentence, mt, why, proposal, period, location)
                if proposal is not None and proposal.indicator_id and not foreign:
                    self.last_topic = proposal
                if proposal is not None and proposal.unit == "percent_change" and _declines(sentence, mt):
                    self.reading.candidates[-1].value = -mt.value  # proposed as the change it is
                if period_year is not None and period_certain and not mt.base:
                    years_read.append(period_year)
                continue
            assert measure is not None and period_year is not None
            years_read.append(period_year)
            value = mt.value
            if measure.unit == "percent_change" and _declines(sentence, mt):
                value = -value
            self.units_read.append(measure.unit)
            self.reading.figures.append(
                dict(
                    indicator_id=measure.indicator_id,
                    breakdown=measure.breakdown,
                    unit=measure.unit,
                    value=value,
                    qualifier=mt.qualifier,
                    upper_bound=mt.found.upper_bound,
                    year=period_year,
                    period=str(period_year),
                    quote=None if kind == "cell" else sentence,
                    as_published=mt.found.text,
                    coarse=mt.unit_from == "words",
                    location=location,
                    text_part=text_part,
                )
            )
        named = [int(y) for y in _YEAR.findall(sentence)]
        # what "dat jaar" in the next sentence refers to: the last year named, or the one this
        # sentence referred to ("Het jaar erop daalde het aantal ..." names 2022 without digits)
        self.last_named_year = named[-1] if named else self.referred_year
        # ... and what "dat jaar" refers to: the year the sentence is about, not the one it compared with
        # ("kreeg in 2024 127.081 meldingen, tegen 255.563 in 2023. De analisten bekeken dat jaar ...")
        main = [y for y in named if y not in _compared_years(sentence)]
        self.last_main_year = main[-1] if main else self.last_named_year
        self.referred_year = None
        part = _part_of_year(sentence, half, shorter)
        if part and part.startswith("H"):
            self.last_half = part
        elif self.last_half and (
            (_ANAPHORIC_PERIOD.search(sentence) and re.search(r"periode|period|tijd|time|maanden|months", sentence, re.I))
            or not (_YEAR.search(sentence) or shorter or any(p.search(sentence) for p, _ in _DEICTIC))
        ):
            pass  # "In dezelfde periode vorig jaar waren dat er ruim 129.000.", "Dat is een daling van 93
            # procent.": the half-year the text speaks of carries on to the next sentence
        else:
            self.last_half = None
        about = _about_year(own, mentions)
        if about is None and len(set(years_read)) == 1:  # "vorig jaar" read from the date, "een jaar eerder"
            about = years_read[0]
        if not mentions:
            self.last_measure = _topic(sentence) or self.last_measure
            self.last_topic = _topic(sentence) or self.last_topic  # "Opvallend is de groei van beelden die met AI ..."
            if about is None and len(deictic) == 1:  # "Het aantal meldingen is vorig jaar flink gestegen."
                year, uncertain = self._from_date(deictic[0], sentence)
                if year is not None and not uncertain:
                    about = year
                elif year is not None:  # for the proposals of the sentences that follow, saying why
                    self.last_year_proposed = year
                    note = _PROPOSAL_NOTE.search(uncertain or "")
                    self.last_proposal_note = note.group(0) if note else ""
        # what "Daarvan waren er ..." counts a part of: the noun the sentence before counted
        # (or what a number was read to count from the words around it: "meer url's dan het jaar
        # ervoor: 603.062, ..." then "Op 230.759 daarvan stond strafbaar materiaal")
        read_as = [unit for unit in self.units_read if unit not in _RATIOS]
        self.last_unit = (
            counted[-1]
            if counted
            else read_as[-1]
            if read_as
            else (self.last_measure.unit if self.last_measure else self.last_unit)
        )
        self.paragraph_years += periods_seen
        self.last_change_later = later_seen if later_seen is not None and not periods_seen else None
        if about is not None:
            self.previous_relative = bool(deictic) and not own
        if about is not None or years_read:
            self.last_year_read = about if about is not None else years_read[0]  # the sentence's first figure
            if self.first_year_read is None and (years_read or deictic):
                # (a figure's year, or the lead's "vorig jaar"; not a year standing alone: "Raadsinformatiebrieven › 2017")
                self.first_year_read = self.last_year_read
        large = [mt for mt in mentions if mt.value is not None and mt.value >= 100]
        looks_back = bool(large) and all(mt.unit is None for mt in large)
        if (
            about is not None
            and previous_year is not None
            and (
                _SAME_PERIOD_BEFORE.search(sentence)
                # (or a count by reference of an earlier year: "In 2020 waren dat er 307.021." between "In
                # 2021 verwerkte het Meldpunt 413.262 meldingen" and "De stijging komt vooral door ...:
                # 236.743 meldingen kwamen uit Nederland", which is 2021's)
                or (looks_back and about < previous_year)
                # (or a look back the sentence sets against the year before: "...; in 2018 was het aantal
                # bekeken url's nog met 45 procent gestegen" between 2019's figures and "Twee derde van de meldingen")
                or (about < previous_year and about in _compared_years(sentence))
            )
        ):
            # "In dezelfde periode in 2021 kreeg het meldpunt ruim 129.000 meldingen": a comparison the
            # text makes on the way; the year it speaks of stays the one before ("van ruim 126.000 naar
            # 29.000" in the next sentence is this half-year's change, not 2021's)
            return previous_year
        if about is None and mentions and len(deictic) == 1 and not own and not any(mt.bound_year for mt in mentions):
            # "Dit jaar waren dat er in dezelfde periode nog zo'n 8100." after a sentence on the
            # year before (its figure waits, by reference): the text is back at its present, and
            # that period carries on to the next sentence
            year, uncertain = self._from_date(deictic[0], sentence)
            if year is not None and not uncertain and previous_year is not None and year > previous_year:
                return year
        return about if about is not None else previous_year

    def _counted_around(self, sentence: str, mt: Mention, mentions: list[Mention]) -> tuple[Measure | None, str]:
        """A proposal for a number without its noun (never a load): what the same sentence
        counts before it ("Na 149.562 meldingen in 2041 kwam het meldpunt uit op 161.837",
        "About a third of all reports (54 820) came from the Netherlands", "..., when we handled
        193,517"), else what the sentence before counted ("Some 64,207 came from the
        Netherlands"). Not for an amount of change, a rate per day or month, or another
        organisation's number."""
        after = sentence[mt.end :]
        if (
            _changed_by(sentence, mt)
            or _CORRECTION.search(sentence)  # "niet 610.000 maar 601.318": a corrected number is no one's
            or re.search(r"\b(?:niet|not)\s*$", sentence[: mt.found.start], re.I)
            or re.match(
                r"\s*(?:per|a|an|each|every|elke|iedere)\s+(?:dag|day|maand|month|week|jaar|year|analist\w*|analyst\w*)\b",
                after,
                re.I,
            )
            or _OTHERS.search(_own_stretch(sentence, mt, mentions))
        ):
            return None, ""
        nouns = "|".join(re.escape(u) for u in _UNITS if _UNITS[u] in ("reports", "URLs", "images"))
        named = (
            [  # the count nouns before it, the nearest last ("AI-beelden boven de 300.000")
                (n.start(), _UNITS[n.group(0).lower().replace("’", "'")])
                for n in re.finditer(r"(?<!\w)(?:" + nouns + r")\b", sentence[: mt.start], re.I)
            ]
            + [(m.start, m.unit) for m in mentions if m.start < mt.start and m.unit in ("reports", "URLs", "images")]
        )
        if named:
            unit, whence = max(named)[1], "the count the sentence names before it"
        elif self.last_topic is not None and self.last_topic.unit not in _RATIOS:
            return self.last_topic, "what the text counted just before"
        elif self.last_count is not None and self.last_topic is not None and self.last_topic.unit == "percent_change":
            # "That is an increase of almost 60% compared to 2015, when the Hotline assessed 63,056":
            # the count whose change the sentence gave
            return self.last_count, "the count whose change the text gave just before"
        else:
            return None, ""
        probe = dataclasses.replace(mt, unit=unit)
        measure = _measure(sentence, probe, None) or _measure(sentence, probe, None, whole=True) or _USUAL.get(unit)
        if measure is not None and measure.indicator_id and measure.unit != unit:
            measure = _USUAL.get(unit)
        return (measure if measure is not None and measure.indicator_id else None), whence

    def _change_of_the_count_before(self, sentence: str, mt: Mention, previous_year: int | None) -> bool:
        """ "In 2016 the Hotline assessed 100,478 URLs. That is an increase of almost 60% compared
        to 2015": the change of the one figure the sentence before loaded, a count of URLs
        analysed of the paragraph's year, on the year before it (the catalog's change; compared
        with no other year). In the publisher's own voice it loads as that count's change."""
        if self.voice != "own" or len(self.loaded_before) != 1 or not self._change_of_urls_before(sentence, mt):
            return False
        before = self.loaded_before[0]
        if before["indicator_id"] != _URLS_ANALYSED.indicator_id or before["year"] != previous_year:
            return False
        return all(int(y) == before["year"] - 1 for y in _YEAR.findall(sentence))

    def _change_of_urls_before(self, sentence: str, mt: Mention) -> bool:
        """ "Dit is een stijging van bijna 60%" after a sentence that counted URLs: that count's change."""
        return (
            mt.unit == "percent"
            and self.last_measure is not None
            and self.last_measure.unit == "URLs"
            # ("Dit is een stijging van ...", "De groei ten opzichte van 2017 bedroeg 45 procent")
            and bool(
                re.match(
                    r"\W*(?:dit|dat|this|that|(?:de|het|the)\s+(?:groei|stijging|toename|daling|afname|growth|increase|rise|decrease|fall|drop)\b)",
                    sentence,
                    re.I,
                )
            )
            and bool(re.search(_CHANGE, _clause(sentence, mt), re.I) or _CHANGE_AFTER.match(_after(sentence, mt)))
        )

    def _share_named_before(self, sentence: str, mt: Mention) -> Measure | None:
        """ "Dat lukte vorig jaar bij meer dan 90 procent van de verzoeken" after "... moet het
        materiaal binnen 24 uur offline zijn": the share the sentence before named (a proposal)."""
        if mt.unit != "percent" or not re.match(r"\W*(?:dit|dat|this|that|het|it)\b", sentence, re.I):
            return None
        return next(
            (
                m
                for unit, words, m in MEASURES
                if unit == "percent" and m.indicator_id and m.unit == "percent" and words.search(self.last_sentence)
            ),
            None,
        )

    def _takes_up_anothers_count(self, before: str) -> bool:
        """ "Bij internationale meldpunten kwamen ruim 126.000 meldingen binnen. Dat aantal is gedaald
        naar 29.000.": the number a clause opening with "Dat aantal" gives is what the other
        organisation's count of the sentence before became."""
        return self.last_counts_foreign and re.match(r"\s*" + _THAT_NUMBER, before, re.I) is not None

    @property
    def other_meldpunt(self) -> bool:
        """Whether "het meldpunt" may be another one here: the meldpunt named last is another,
        or none is named yet and the document names another somewhere ("Meldpunt Cybercrime"
        in a later section does not make the "het Meldpunt" of the Meldpunt Kinderporno's
        paragraphs before it anyone else's)."""
        return self.last_meldpunt == "other" or (self.last_meldpunt is None and self.names_other_meldpunt)

    def _named(self, text: str) -> None:
        """Which meldpunt the text names last (if any)."""
        named = [(m.start(), "own") for m in _HOTLINE.finditer(text)] + [
            (m.start(), "other") for m in _OTHER_MELDPUNT.finditer(text)
        ]
        if named:
            self.last_meldpunt = max(named)[1]

    def _later_of_comparison(self, sentence: str, mt: Mention, years_read: list[int], previous_year: int | None) -> int | None:
        """A change without a year in its own part, after figures of two years (in its sentence,
        one of them perhaps the sentence before's, or, opening with "Dat"/"This", in the
        paragraph's sentences before): the later year."""
        part = _part(sentence, mt)
        if mt.bound_year is not None or _YEAR.search(part) or not (mt.unit == "percent_change" or _a_change_beside(sentence, mt)):
            return None
        if years_read:
            before = [previous_year] if previous_year is not None and len(set(years_read)) == 1 else []
            return max([*years_read, *before])
        # ("Dat is een stijging van ...", "Het aantal meldingen steeg daarmee met 37 procent")
        refers = re.match(r"\s*(?:dat|dit|this|that)\b", sentence, re.I) or re.search(
            r"\b(?:daarmee|hiermee|thereby|thus|dus)\b", sentence, re.I
        )
        if refers and len(set(self.paragraph_years[-2:])) == 2:
            return max(self.paragraph_years[-2:])
        return None

    def _other_site(self, text: str) -> re.Match | None:
        """The first web address in the text that is not one of the publisher's own hosts
        ("Meldkindersekstoerisme.nl", "Helpwanted.nl"): another service's."""
        return next((w for w in _WEB_NAME.finditer(text) if not on_hosts("https://" + w.group(0), self.own_hosts)), None)

    def _own_despite_section(self, sentence: str, section_other: str) -> bool:
        """A sentence under a heading about someone else that names the hotline itself ("Ons eigen
        meldpunt verwerkte ..."): the hotline's. Under a heading on one of Offlimits' other
        services (Helpwanted, Stop it Now) only the hotline named as such counts."""
        if _HOTLINE.search(sentence):
            return True
        if re.search(r"\b(?:dat|dit|that|this) (?:meldpunt|hotline)\b", sentence, re.I) and _HOTLINE.search(self.last_sentence):
            return True  # "... waar ook het Meldpunt Kinderporno onder valt. Dat meldpunt verwerkte ...": the one just named
        if not self.other_meldpunt and re.search(r"\b(?:het meldpunt|the hotline)\b", sentence, re.I):
            return True  # no other meldpunt in the document: "het meldpunt" is the hotline
        if _OWN_SERVICES.search(section_other):
            return False
        return bool(OWN_NAMES.search(sentence)) or (self.voice == "own" and bool(_OWN_REFERENCE.search(sentence)))

    def _whole_of_part(self, sentence: str, mt: Mention) -> Mention | None:
        """The count of the same sentence a number is a part of: "413,262 reports last year, ..., of
        which 236,743", "144.058 meldingen, waarvan 61.309", "120,000 URLs, 80,000 of them"."""
        before = [m for m in getattr(self, "mentions", []) if m.end <= mt.start and m.value is not None]
        if not before:
            return None
        whole = before[-1]
        between = sentence[whole.end : mt.start]
        if len(between) > 80 or re.search(r"[\d;.]", between):
            return None
        if re.search(r"\b(?:of which|waarvan|daarvan)\s*$", between, re.I) or re.match(
            r"\s+(?:of which|of them|of these|daarvan|waarvan)\b", sentence[mt.end :], re.I
        ):
            return whole
        return None

    def _period(
        self, sentence, mt, own, deictic, back, sentence_year, previous_year, heading_year, anaphoric
    ) -> tuple[int | None, str | None]:
        """The year of one number, or None and why a reader would hesitate."""
        date = self.doc.date
        if anaphoric and mt.bound_year is None:  # "in dat jaar 176.305 meldingen, tegen 187.912 in 2035": 2035 is 187.912's
            n = mt.deictic if mt.deictic is not None else (deictic[0] if len(deictic) == 1 and not own else None)
            relative = self._from_date(n)[0] if n is not None else None  # "dezelfde periode vorig jaar"
            referent = referred_year(
                sentence,
                anaphoric,
                sentence_year=sentence_year,
                relative=relative,
                heading_year=heading_year,
                last_named=self.last_main_year if _THAT_YEAR.match(anaphoric.group(0)) else self.last_named_year,
                previous_year=previous_year,
                # (not for a change beside it: "een jaar eerder waren dat er nog ruim 129.000, een daling van
                # 93 procent" is the change into the period referred to, not of the year before it)
                back=back[0] if len(back) == 1 and not own and not _a_change_beside(sentence, mt) else None,
            )
            self.referred_year = referent
            return referent, f"a period given by reference ({anaphoric.group(0)!r}): which period it refers to must be read"
        if mt.bound_year is not None:
            return mt.bound_year, None
        whole = self._whole_of_part(sentence, mt)
        if whole is not None and whole.deictic is not None and mt.deictic is None and not own:
            # "received 413,262 reports last year, a record, of which 236,743 came from within the
            # country": a part of a count takes the count's period, relative as it is
            return self._from_date(whole.deictic, sentence)
        if mt.deictic is None and deictic and len(own) == 1 and not _YEAR.search(_part(sentence, mt)):
            # "In 2021 telde het meldpunt nog 413.262 meldingen; vorig jaar waren het er 144.058": the
            # relative year of the number's own part, not the year of the sentence's other part
            n = _relative_in_part(sentence, mt.start)
            if n is not None:
                return self._from_date(n, sentence)
        if mt.back is not None and mt.deictic is None and len(deictic) == 1 and not own:
            # "vorig jaar 144.058 meldingen, tegenover 413.262 een jaar eerder": a year before the relative one
            year, uncertain = self._from_date(deictic[0], sentence)
            if year is not None:
                return year - mt.back, uncertain or "a year counted back from a relative year: proposed"
        if mt.deictic is not None or (deictic and len(own) != 1):
            n = mt.deictic if mt.deictic is not None else (deictic[0] if len(deictic) == 1 else None)
            if n is None:  # "Vijftien jaar geleden kwamen er 256 meldingen binnen, vorig jaar ...": its own part's
                n = _relative_in_part(sentence, mt.start)
            if n is None:
                return None, f"the sentence names several relative years {deictic}"
            return self._from_date(n, sentence)
        its_part = _part(sentence, mt)
        part_back = (  # "...; het jaar daarvoor was dat 52.110", not "28% more than the year before" (a base)
            [
                n
                for p, n in _BACK
                for r in p.finditer(its_part)
                if not _COMPARED_TO.search(its_part[max(0, r.start() - 25) : r.start()])
            ]
            if mt.back is None and not mt.bound_year
            else []
        )
        if part_back and len(own) == 1 and own[0] not in {int(y) for y in _YEAR.findall(its_part)}:
            return own[0] - part_back[0], None  # "... in 2023 kwamen er 31.877; het jaar daarvoor was dat 52.110"
        # (a relative phrase of another part of the sentence is not this number's: "63% were hosted in the
        # Netherlands; a year earlier that was still 89%")
        back_here = back if ";" not in sentence or any(p.search(its_part) for p, _ in _BACK) else []
        if back_here and not any(p.search(its_part) for p, _ in _BACK):
            # (nor of another part with its own figure: "de stijging was 38 procent, een jaar eerder was de
            # groei nog 45 procent": the year before is the 45's)
            spans = [part_span(sentence, r.start(), r.end()) for p, _ in _BACK for r in p.finditer(sentence)]
            # (one opening the sentence speaks for all of it: "Een jaar eerder ging het nog om 63.056 ...,
            # afkomstig uit 25.347 meldingen")
            if spans and all(a >= mt.end and re.search(r"\d", _YEAR.sub("", sentence[a:b])) for a, b in spans):
                back_here = []
        if mt.back is not None or (back_here and len(own) != 1):
            n = mt.back if mt.back is not None else (back_here[0] if len(back_here) == 1 else None)
            anchor = sentence_year if sentence_year is not None else previous_year
            why = "a year counted back ('een jaar eerder') from a year the text does not state just before"
            if n is not None and sentence_year is None and self.last_change_later is not None:
                # "Dat is een stijging van 38 procent. Een jaar eerder lag de stijging nog op 45 procent":
                # counted back from the change just before, whose year was itself proposed
                return self.last_change_later - n, why + f": counted from the change before ({self.last_change_later}), proposed"
            if n is not None and sentence_year is None and heading_year is not None and anchor != heading_year:
                # a proposal only, from the text's own year (its heading's): "Images ... grew: 124,733,
                # up from 96,418 in 2041. The year before, when we received 149,562 reports, ..." is
                # the year before 2042 or before the 2041 named just before?
                if anchor is not None:
                    return heading_year - n, (
                        f"a year counted back ({n}) in a sentence without a year: from the text's year ({heading_year}) "
                        f"or from the {anchor} named just before?"
                    )
                return heading_year - n, why + f": counted from the text's year ({heading_year})"
            if n is None or anchor is None:
                if n is not None and self.last_year_proposed is not None:  # a proposal only, saying from what
                    return (
                        self.last_year_proposed - n,
                        why + f": counted from the year proposed before ({self.last_year_proposed})",
                    )
                return None, why
            if sentence_year is None and self.previous_relative:
                # "Last year our hotline processed 127,081 reports. ... A year earlier, we processed 255,563":
                # a year counted back from one the text gave only relatively (issue 22: anaphoric periods wait)
                return anchor - n, "a year counted back ('a year earlier') from a relative year just before: proposed"
            if sentence_year is None and self.last_named_year != anchor:
                # counted from a year stated further back than the sentence before ("In 2019 ... 38 percent
                # more than in 2018. It is a sad record ... A year earlier the number of URLs had still grown
                # by 45 percent"; issue 22: from a year in the sentence or the one before), or from the year
                # the sentence before is about while it names another ("Last year ... That is 38 percent more
                # than in 2018. A year earlier, ..."): which year is it counted from?
                return anchor - n, (
                    f"a year counted back ({n}) from the {anchor} of a sentence before the one before: proposed"
                    if self.last_named_year is None
                    else f"a year counted back ({n}) from the {anchor} the sentence before is about, "
                    f"or from the {self.last_named_year} it names?"
                )
            if sentence_year is not None:  # "In 2024 ontving het Meldpunt 127.081 meldingen, tegenover 255.563 een jaar eerder"
                return anchor - n, None
            # ("In 2043 the Hotline processed 23,278 reports ... The year before, the Hotline received 19,872
            # reports.": issue 22, part 2: a period by reference waits)
            return (
                anchor - n,
                "a year counted back ('the year before') from the year of the sentence before: its period by reference",
            )
        if len(own) > 1:
            part = _part_year(sentence, mt)
            if part is not None:
                return part, None
            return None, f"the sentence names several years {own}: which one is this figure's?"
        if sentence_year is not None and not _year_of_a_later_part(sentence, mt):
            return sentence_year, None
        if previous_year is not None:
            if (
                mt.unit_from == "part of the sentence before"
            ):  # "61.309 daarvan kwamen uit Nederland": measure and period both by reference
                return (
                    previous_year,
                    "a part of what the sentence before counted ('daarvan'): its measure and period by reference",
                )
            return previous_year, None
        if heading_year is not None:
            if self.current_kind == "body" and self.report_year is None and self.doc.date is not None:
                # a paragraph of prose without a year, under a heading or title that names one, in
                # a dated page that is not the annual report (a news item: "Hosting parties
                # answered more than 90% ..." under "Annual figures 2036"): only proposed
                return heading_year, f"no year in its paragraph; its heading or title names {heading_year}"
            return heading_year, None
        if self.report_year is not None:
            return self.report_year, None
        if self.document_year is not None:
            return (
                self.document_year,
                "no period in the sentence, its paragraph or heading (the only year the document states is proposed)",
            )
        if date is not None:
            return None, f"no period in the sentence; the document is dated {date.isoformat()}: which year is meant?"
        return None, "no period in the sentence, its paragraph or heading, and the document states no date"

    def _from_date(self, n: int, sentence: str = "") -> tuple[int | None, str | None]:
        """'vorig jaar' (n=1), 'dit jaar' (n=0): from the date of writing; in the publisher's own
        annual report without a date, 'afgelopen jaar' / 'last year' is the report's year.
        'Het afgelopen jaar' / 'the past year' written after mid-year may be the twelve months
        before the date rather than the calendar year before it: proposed, not loaded."""
        date = self.doc.date
        if date is not None:
            year = date.year - n
            rolling = ROLLING_YEAR.search(sentence) if n == 1 and not LAST_CALENDAR_YEAR.search(sentence) else None
            if rolling and date.month > ROLLING_AFTER_MONTH:
                return year, (
                    f"{rolling.group(0)!r} in a text dated {date.isoformat()}: the twelve months before it, "
                    f"or the calendar year {year}? Which is meant must be read"
                )
            if self.report_year is not None and n == 1 and year != self.report_year:
                return year, f"'last year' counted from the page's date is {year}, but the report is of {self.report_year}"
            return year, None
        if self.report_year is not None and n == 1:
            return self.report_year, None
        why = "a year relative to the date of writing ('vorig jaar'), and the document states no date"
        if self.address_date is not None:  # a proposal only: the date its address gives (nrc.nl/nieuws/2014/03/28/...)
            return self.address_date.year - n, why + f": counted from the date in its address ({self.address_date.isoformat()})"
        if self.doc.edited is not None:  # a proposal only: an FAQ's "Laatst bijgewerkt: 3 juni 2013"
            edited = self.doc.edited
            return edited.year - n, why + f": counted from the date the page was last changed ({edited.isoformat()})"
        titled = {int(y) for y in _YEAR.findall(self.doc.title)}
        if n == 1 and len(titled) == 1:  # a proposal only: an undated item is usually about the year its title names
            return titled.pop(), why + ": proposed from the year its title names"
        if n == 1 and self.table_years:
            # a proposal only: an undated page with a table of its years ("1996 ... 2024"): its newest
            # row is the year just past, of which the text says "vorig jaar"
            newest = max(self.table_years)
            if not self.compared_with or newest > max(self.compared_with):
                return newest, why + f": proposed as the newest year of the text's table ({newest})"
        if n == 1 and self.compared_with:
            # a proposal only: an undated item that compares its figures with earlier years ("tegenover
            # circa 414.000 in 2021", "In 2011 waren het er nog 12.542") reports the year after the newest
            compared = max(self.compared_with)
            return compared + 1, why + f": proposed as the year after the one the text compares with ({compared})"
        announced = {int(m.group(1)) for b in self.doc.blocks[:10] for m in _ANNOUNCED_REPORT.finditer(b.text)}
        if n == 1 and len(announced) == 1:
            # a proposal only: an undated post announcing its annual report ("Ons jaarverslag over
            # 2023 staat online!") says "vorig jaar" of that report's year
            return announced.pop(), why + ": proposed as the year of the annual report the text announces"
        if self.registered_year is not None:  # a proposal for review only: never loaded from it
            return self.registered_year - n, why + f"{_REGISTERED_WORDS} ({self.registered_year})"
        return None, why


def read(
    data: bytes,
    url: str | None = None,
    own_hosts: tuple[str, ...] = (),
    declared_voice: str | None = None,
    registered_year: int | None = None,
) -> Reading:
    """Figures, review candidates, and what the document says of itself (voice, language, the
    years its title states). The registered year only ever fills a review proposal."""
    document = read_document(data)
    voice = voice_of(document, url, own_hosts, OWN_NAMES, declared_voice)
    return _Reader(document, voice, url or "", registered_year, own_hosts).read()


def _registered_year_contradicted(reading: Reading, year: int) -> str | None:
    """Why the year the file is registered under contradicts the document, or None. An annual
    report is of its year; a news item may be registered under a year its title states or the
    year it was written in (its figures' periods come from the text, never from this year)."""
    if reading.report_year is not None and year != reading.report_year:
        return (
            f"this is the annual report of {reading.report_year}, but it is registered as {year}: register it under its own year"
        )
    allowed = set(reading.title_years) | ({reading.date.year} if reading.date else set())
    if reading.title_years and year not in allowed:
        dated = f" and it was written in {reading.date.year}" if reading.date else ""
        return f"the title states year(s) {sorted(reading.title_years)}{dated}, but it is registered as {year}: register it under its own year"
    return None


def parse(data: bytes, year: int, file: str = "?", context: ParseContext | None = None) -> ParsedPublication:
    ctx = context_for(SOURCE_ID, year, file, context)
    reading = read(data, ctx.url, ctx.own_hosts, ctx.voice, year)
    candidates = [c.as_dict() for c in reading.candidates]
    rounded_take_their_figures_period(candidates, reading.figures)
    contradiction = _registered_year_contradicted(reading, year)
    if contradiction:  # (what would have loaded waits too, with its reading: nothing read is lost)
        refused = candidates + waiting_of(reading.figures, f"the publication is refused: {contradiction}")
        raise ctx.fail(contradiction, candidates=refused, voice=str(reading.voice))
    if not reading.figures:
        raise ctx.fail(
            (
                "no figure loads by itself: the text is not in Offlimits' own voice (press or another organisation)"
                if reading.voice != "own"
                else "no Offlimits figures recognised in the text (layout or wording changed?)"
            )
            + (f"; {len(candidates)} candidates wait in `kr review`" if candidates else ""),
            candidates=candidates,
            voice=str(reading.voice),
        )
    try:
        chosen = one_per_series(reading.figures, candidates)
    except StatedTwice as exc:
        refused = candidates + waiting_of(reading.figures, f"the publication is refused: {exc}")
        raise ctx.fail(str(exc), candidates=refused, voice=str(reading.voice)) from None
    notes = [f"{len(candidates)} numbers not loaded, waiting for review"] if candidates else []
    return ParsedPublication(
        SOURCE_ID, year, file, national_frame(chosen), notes, candidates=candidates, voice=str(reading.voice)
    )
