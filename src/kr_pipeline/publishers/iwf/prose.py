"""IWF's figures for the Netherlands in prose: report pages without a table, IWF's news items
and the press about them (issue 22's reading policy, with reading.prose's machinery).

Only two things are read: the Netherlands' share of the URLs IWF confirmed (a percentage) and
its count of URLs, in a sentence that names the Netherlands ("Netherlands", "Dutch",
"Nederland(se)"). A number is a count only with a URL noun right after it ("102,676 URLs",
"27.000 url's") or in brackets after such a count ("url's (26.905)"); a percentage is a share.
Anything else (reports, material, other countries, the world total) is not read.

A sentence is cut into clauses at comparisons ("vs", "down from", "tegen", ", in 2024"); a
number's period is the one year its clause names. It loads only in IWF's own voice (its own
hosts), with an explicit year in its clause, a URL noun in its sentence, written exactly, and
no period by reference, relative year or shorter period in the sentence. Everything else waits
in review with its proposed period: "last year"/"vorig jaar" counted from the document's own
date (none without one), "a year earlier" from the figure before it, "that year"/"toen" and a
sentence without a year from the year the text spoke of last. A digit group broken by a space
("117, 544") is proposed joined, never loaded, never read in pieces.
"""

from __future__ import annotations

import re

from ...reading.countries import country_mentions
from ...reading.numbers import ROUNDING_WORD_BEFORE, Found, find_numbers, find_shares, half_unit, point_grouped
from ...reading.prose import (
    ANAPHORIC_PERIOD,
    BACK,
    COMPARED_WITH,
    CORRECTION,
    DEICTIC,
    HALF_YEAR,
    MONTHS,
    REGISTERED_YEAR_WORDS,
    RESPECTIVELY,
    SHORTER_PERIOD,
    SPEAKER_LABEL,
    Candidate,
    Document,
    blanked,
    block_sentences,
    change_end_years,
    date_spans,
    referred_year,
)
from ...vocabulary import Voice

COUNT_INDICATOR = "iwf.hosted_urls"
SHARE_INDICATOR = "iwf.hosted_urls_share"

OWN_NAMES = re.compile(r"\b(?:Internet Watch Foundation|IWF)\b")
_NETHERLANDS = re.compile(
    # the English press's "Holland" is the country ("hosted Holland"), not a province ("Noord-Holland")
    # (the Belgian press's "onze noorderburen", our northern neighbours)
    # (not an organisation said to be Dutch: "the Dutch hotline Meldpunt Kinderporno", "de Nederlandse politie")
    r"\b(?:the Netherlands|Netherlands'?|Dutch|Nederland|Nederlandse|Nederlands|noorderburen)\b"
    r"(?!\s+(?:hotline|police|politie|meldpunt|government|regering|overheid|ministers?|authorities|regulator|toezichthouder)\b)"
    r"|(?<![-\w])(?<!North )(?<!South )Holland\b",
    re.I,
)
_URL_NOUN = (
    # the press: "80,163 of the 276,418 pages", "bijna 15.000 adressen"
    r"(?:(?:URLs?|url'?s|webpages|web pages|webadressen|adressen|web addresses|addresses|webpagina's|pages|pagina's)\b"
    # IWF's own word since 2023: "reports we actioned", "reports ... were traced to servers in the
    # Netherlands" (not any report: the Dutch hotline's "144,058 reports" are no hosting count)
    r"|reports\b(?=[^.;]{0,80}\b(?:actioned|traced to|hosted (?:in|on))\b|[^.;:]{0,60}?\s(?:to|on)\s+(?:\w+\s+){0,2}?servers?\b)"
    # ... in Dutch: "91.572 van de 275.652 meldingen die de organisatie in behandeling nam"
    r"|meldingen\b(?=[^.;]{0,80}\b(?:in behandeling nam|behandelde|optrad|gehost|herleid))"
    # ("herleidde in 2024 83.037 meldingen naar Nederland", "traced 61,004 reports to the Netherlands")
    r"|(?:meldingen|reports)\b(?=[^.;:]{0,40}?\s(?:naar|to)\s+(?:\w+\s+){0,3}?(?:Nederland|Netherlands|servers?)\b))"
)
_URL_IN = re.compile(_URL_NOUN, re.I)
# (not a difference: "23,582 more URLs", "2.000 meer url's")
_AFTER_COUNT = re.compile(
    # ("12,000 of last year's child abuse webpages")
    r"\s*(?:of\s+(?:last|this|that)\s+year['’]s\s+)?"
    r"(?:(?!(?:more|fewer|less|meer|minder|extra|additional)\b)[a-z'’-]+\s+){0,3}?" + _URL_NOUN,
    re.I,
)  # ("90,000 child sexual abuse reports")
_PERCENT = re.compile(r"\s*(?:%|procent\b|per ?cent\b|percent\b|pc\b)", re.I)  # ("32pc": the Irish and British press)
# "22,507 of the 262,950 webpages": the first counts the URLs, the second is the whole they are part of
_OF_WHOLE = re.compile(
    # (", out of the 291,273 reports we actioned")
    # ("van de in totaal 252.194 webpagina's")
    r"(?:\s+|\s*,\s*)(?:out of|of|van)\s+(?:the\s+|all\s+|de\s+|alle\s+)?(?:(?:in totaal|in total|in all|totaal)\s+)?"
    + ROUNDING_WORD_BEFORE
    + r"\d[\d.,]*"
    + _AFTER_COUNT.pattern,  # ("bijna 28.000 van de ruim 78.500 gesignaleerde webadressen")
    re.I,
)
# "36 en 37 procent", "36% and 37%": the first of two coordinated shares is a share too
_PERCENT_COORDINATED = re.compile(
    r"\s+(?:en|and|of|or|tot|to|naar|[-–])\s+\d[\d.,]*\s*(?:%|procent\b|per ?cent\b|percent\b)", re.I
)
# "from (hosting) 12,703 abuse URLs to 20,972", "van 12.703 webadressen naar 20.972": the count it
# went from, and (where the match ends) the one it became
_FROM_COUNT_TO = re.compile(
    r"(?:\bfrom|\bvan)\s+(?:hosting\s+)?(?P<before>\d[\d.,]*)\s+(?:[a-z-]+\s+){0,2}?" + _URL_NOUN + r"\s+(?:to|naar)\s+", re.I
)
_FROM_TO_BARE = re.compile(r"\b(?:from|van)\s+(?P<before>\d[\d.,]*\d)\s+(?:to|naar|tot)\s+(?=\d)", re.I)
# "Of nearly 72,000 web addresses ..., 31,500 were": the whole a sentence starts from
_WHOLE_BEFORE = re.compile(
    # ("... said on Monday that of the 132,676 webpages it confirmed ..., 93,962 — or 71% — were")
    r"(?:^|[,;:]\s*|\b(?:that|dat)\s+)(?:of|van)\s+(?:the\s+|all\s+|de\s+|alle\s+)?" + ROUNDING_WORD_BEFORE + r"$",
    re.I,
)
# "out of the 291,273 reports", "op een totaal van 291.273": the whole a count is part of
_OUT_OF_BEFORE = re.compile(
    r"\b(?:out of|(?:uit|op) (?:een )?totaal van)\s+(?:the\s+|all\s+|de\s+|alle\s+)?" + ROUNDING_WORD_BEFORE + r"$", re.I
)
# "(84.512 van de 269.146)": a count with the whole it is part of, in brackets
_OF_WHOLE_BRACKET = re.compile(r"\s+(?:of|van)\s+(?:the\s+|de\s+)?\d[\d.,]*\s*\)", re.I)
# a year said right after the number is its own: "29 procent in 2026", "27% in 2028"
# ("33% recorded in 2023", "29 procent gehost in 2026": one word between)
# (not a conjunction: "41 procent en in 2020 77 procent" is another clause's year)
_OWN_YEAR = re.compile(
    r"\s*(?:%|procent\b|per ?cent\b|percent\b)?\s*(?:(?!(?:en|and|of|or|tegen|against|versus|vs|maar|but)\b)[a-z]+\s+"
    # ("77% at its peak in 2020", "77 procent op het hoogtepunt in 2020")
    r"|(?:at (?:its|the|a) (?:peak|height|high|record)|op (?:het|zijn|haar) (?:hoogtepunt|piek))\s+"
    # ("van 29% van de URL's in 2024 (83.037 URL's) naar 11% in 2025")
    r"|(?:van|of)\s+(?:de|the|alle|all)\s+[\w'’]+\s+)?"
    # ("slightly more than the 32% of 2022")
    r"(?:in|(?<=%)\s*of|(?<=%\s)of|(?<=procent\s)van|(?<=cent\s)of)\s+((?:19|20)\d\d)\b(?![\d.,]\d)",
    re.I,
)
# "That compares with 77%, or around 117,500 webpages, in 2020, according to ...": the year set off
# by commas after the count's noun, closing the clause (not "83,037 reports, in 2023 it was ...")
_OWN_YEAR_SET_OFF = re.compile(r"\s*[a-z'’]+,\s+in\s+((?:19|20)\d\d)\s*(?:[,.;]|$)", re.I)
# "traced 12,703 URLs to servers in the Netherlands in 2015 and 20,972 in 2016": the year its own words
# end on, before any other figure, conjunction or comparison ("12,703 URLs, up from ... in 2014" is not)
_OWN_YEAR_LATER = re.compile(
    r"(?:(?!\b(?:and|en|or|but|maar|than|dan|compared|vergeleken|when|toen|while|terwijl|whereas|against|tegen(?:over)?"
    r"|versus|vs|up|down|from|since|sinds|opzichte|after|before|nadat|voordat|peak\w*|piek\w*|hoogtepunt)\b)[^\d.,;:()\[\]])"
    r"{1,80}?\bin\s+((?:19|20)\d\d)\b(?![\d.,]\d)",
    re.I,
)
_SPLIT = re.compile(
    r"\bvs\.?|\bversus\b|\bcompared (?:with|to)\b|\b(?:down|up) from\b|\b(?:down|up) on\b(?=\s+(?:the\s+)?[\d.,]+|\s+(?:last|the) year)|\ba (?:fall|rise|drop|increase|decrease|reduction|decline) from\b"
    r"|\ban? (?:\w+ )?(?:increase|decrease|fall|rise|drop|reduction|decline) from\b|\btegen(?:over)?\b|\bagainst\b|\bten opzichte van\b|;|,(?=\s*(?:in|en in|over|en over) (?:19|20)\d\d)"
    r"|\b(?:and|en) (?:from|van)\b"
    # "followed by the United States with 12,492": other countries' figures after the Netherlands';
    # "In 2015 waren dat 12.703 url's en in 2016 ...": each year its own clause
    r"|\bfollowed by\b|\bgevolgd door\b|\b(?:and|en)\s+(?=in (?:19|20)\d\d\b)"
    # "In 2021 was dat 41 procent en een jaar eerder nog 77 procent", ", een jaar eerder was dat ..."
    r"|(?:\b(?:and|en)\s+|,\s*)(?=(?:een|één|a) (?:jaar|year) (?:eerder|daarvoor|earlier|before)\b|the year before\b"
    # ("In 2021 was dat nog 41 procent, het jaar daarvoor 77 procent")
    r"|het jaar (?:daarvoor|ervoor)\b)"
    # "The Dutch share fell sharply in 2021, having peaked at 77% the year before"
    r"|,\s*(?=(?:having|after|nadat)\b)"
    # "A year earlier it was 32% (82,605), so the long fall since the 2020 peak of 77% has stalled"
    r"|,\s*(?=(?:so|dus|zodat)\s)"
    # "It was 41% in 2021, and in its latest report, published in April, the IWF said 83,037 ..."
    r"|,\s*(?:and|but|en|maar)\s+(?=(?:in|over|for)\s+(?:its|the|their|het|haar|de|zijn)\b)"
    # "That compares with 33% the previous year, and a peak of 77% in 2020": each its own clause
    r"|,\s*(?:and|en)\s+(?=(?:a|an|the|de|het|een)\s)",
    re.I,
)
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d%])")
# a year a comparison is made with ("up from 2015", "compared to 2015", "sinds 2014") is no year
# the text speaks of: a later figure without a year of its own does not take it
_BASE_YEAR = re.compile(
    r"\b(?:" + COMPARED_WITH + r"|from|since|than|on|van(?:af)?|sinds|dan|tegen)\s+"
    # ("down from 57 per cent in 2015", "tegen 29 procent in 2026")
    r"(?:\d[\d.,]*\s*(?:%|per ?cent|percent|procent)?\s+)?(?:(?:in|the end of|eind)\s+)?((?:19|20)\d\d)(?![\d%])",
    re.I,
)


# the year a figure is compared with, after it ("Dat is 33 procent, iets meer dan in 2022", "32%,
# compared with 2021"; not "the URLs we took action on in 2033")
_COMPARED_YEAR = re.compile(
    r"\b(?:" + COMPARED_WITH + r"|dan|than|tegen|against|(?:up|down) (?:on|from))\s+"
    r"(?:(?P<figure>\d[\d.,]*)\s*(?:%|per ?cent|percent|procent)?\s+)?(?:in\s+)?((?:19|20)\d\d)(?![\d%])",
    re.I,
)
# a year counted back said right after the number ("and 33% the year before", "en 36 procent een jaar eerder")
_BACK_AFTER = re.compile(r"\s*(?:%|procent\b|per ?cent\b|percent\b)?\s*(?P<phrase>" + BACK[0][0].pattern + ")", re.I)
# "now", back to the year the text is about ("In aantallen gaat het nu om ...")
_NOW = re.compile(r"\b(?:nu|inmiddels|now|today|vandaag)\b", re.I)
# a sentence opening with a year counted back ("Three years earlier the picture was very different:",
# "Vijf jaar geleden ...")
_LOOK_BACK_OPENING = re.compile(
    r"\s*(?:(?:een|één|twee|drie|vier|vijf|zes|tien|\d+) jaar (?:eerder|daarvoor|geleden)"
    r"|(?:two|three|four|five|six|ten|\d+) years (?:earlier|before|ago))\b[^.:;]{0,60}:",
    re.I,
)
_SINCE_BEFORE = re.compile(r"\b(?:since|sinds|sedert|vanaf)\s+(?:the\s+|de\s+|het\s+)?$", re.I)


# the year an organisation was founded ("when the IWF was founded in 1996", "sinds haar oprichting in
# 1996"): no year the text's figures are of
_FOUNDED_IN = re.compile(
    r"\b(?:founded|set up|established|launched|opgericht|oprichting|ontstaan)\s+(?:in\s+)?((?:19|20)\d\d)\b", re.I
)


# the words a share said again stands with ("So still one in three.", "Dus nog steeds een op de drie.")
_FILLER = r"(?:so|dus|still|nog steeds|nog altijd|that is|dat is|ofwel|or)"


def _only_a_share(said: str, lang: str) -> bool:
    """Is the sentence a share in words and nothing else ("Ruim driekwart.", "Almost half.", "So
    still one in three.")?"""
    shares = find_shares(said, lang)
    if len(shares) != 1:
        return False
    rest = (said[: shares[0].start] + " " + said[shares[0].end :]).strip(" .!,")
    return re.fullmatch(r"(?:(?:" + _FILLER + r"|precies|exactly)\s*)*", rest, re.I) is not None


def _spoken_of(sentence: str) -> list[int]:
    """The years a sentence speaks of, in order, without the ones it only compares with (or the
    year an organisation was founded)."""
    bases = {m.start(1) for m in _BASE_YEAR.finditer(sentence)} | {m.start(1) for m in _FOUNDED_IN.finditer(sentence)}
    # (nor the ends of a span: "the largest share every year from 2016 to 2024")
    spans = [m.span() for m in _YEAR_SPAN.finditer(sentence)]
    return [
        int(m.group(1))
        for m in _YEAR.finditer(sentence)
        if m.start(1) not in bases and not any(a <= m.start(1) < b for a, b in spans)
    ]


_YEAR_SPAN = re.compile(
    r"\b(?:from|van|between|tussen)\s+(?:19|20)\d\d\s*(?:to|tot|and|en|[-\u2013])\s*(?:en\s+met\s+)?(?:19|20)\d\d\b", re.I
)


_MONTHS_PART = re.compile(r"\b(?:first|last|eerste|laatste) (?:\w+ )?(?:months|maanden|weeks|weken)\b", re.I)
# a sentence continuing the one before ("This equates to 93,962 URLs.", "That year ...")
_CARRY = re.compile(
    # ("While this percentage represents a slight decline from the 33% recorded in 2023")
    r"(?:(?:while|although|but|and|however,?|hoewel|terwijl|maar|en)\s+)?"
    # ("Daarna daalde het aandeel snel: 41 procent in 2021", "Since then it has fallen to ...")
    r"(?:(?:daarna|sindsdien|since then|after that|then),?\s+)?"
    # ("Volgens het rapport ging het om 47 procent", "According to the report, it was ...")
    # ("Volgens het jaarrapport van de Britse IWF, dat op 23 april verscheen, ging het in 2024 om ...")
    r"(?:(?:volgens (?:het|dat|de|die) \w+(?:\s+van\s+[^,.;]{1,40}?)?|according to (?:the|its|that) \w+(?:\s+(?:of|by)\s+[^,.;]{1,40}?)?)"
    r"(?:,[^,.;]{1,60})?,?\s+)?"
    # ("In aantallen ging het vorig jaar om 82.605 van de 255.571 pagina's")
    r"(?:in (?:absolute |raw |real |plain )?(?:aantallen|cijfers|getallen|numbers|terms),?\s+)?"
    # ("Precies ging het om 91.572 url's", "In totaal ging het om ...", "Exactly, it was ...")
    r"(?:(?:precies|exact|concreet|in totaal|daarbij|precisely|exactly|specifically|in total|in all),?\s+)?"
    # ("Precies waren het er 91.572")
    r"(?:this|that|these|it|its|which|dit|dat|het ging|het gaat|ging het|gaat het|daarmee|(?:waren|was|zijn|is) (?:het|dat|dit) er)\b"
    # ("In getallen: 117.544 pagina's", "In numbers: 117,544")
    r"|in (?:absolute )?(?:aantallen|cijfers|getallen|numbers|figures|terms)\s*:\s*(?=\d)"
    # ("2016: 37 procent.", "2017: 36%": a chart's data as text, a year and the share or count of the sentence before)
    r"|(?:19|20)\d\d\s*:\s*(?=[\d.,]*\d\s*(?:%|procent\b|per ?cent\b|percent\b)?\s*[.;]?\s*$)"
    # (an answer to a question on the Netherlands: "Yes, and a steep one: down from 83,037 reports (29%) in 2024.")
    r"|(?:yes|no|ja|nee)\b[,.:;!]?\s+"
    # ("Precies: 32 procent, ruim 82.000 pagina's", "Exactly: 32%")
    r"|(?:precies|exact|precisely|exactly|to be precise|om precies te zijn)\s*:\s*(?=\d)"
    # ("En in 2016 nog 37 procent.", "And in 2016, 37%.": the share of the sentence before, another year)
    r"|(?:(?:and|en|but|maar)\s+)?(?:in|over) (?:19|20)\d\d,?\s+(?:(?:nog|zelfs|slechts|maar|al|still|only|just|even)\s+)?"
    r"(?=(?:[a-z']+\s+)?[\d.,]*\d\s*(?:%|procent\b|per ?cent\b|percent\b)\s*[.!]?\s*$)"
    # "In 2029 was dat 7 procent", "A year earlier it was 31%", "In 2019 the figure was 71%": the
    # same subject, another year
    # ("Drie jaar eerder was dat nog ruim driekwart", "Twee jaar eerder, in het recordjaar 2020, ging het ...")
    # ("Het jaar daarvoor ging het nog om 20.972 url's", "In 2016 bedroeg dat nog 37 procent")
    # ("Vorig jaar ging het om 102.676 url's", "Last year it was 41%")
    # ("In het meest recente rapport, over 2018, gaat het om ...", "In its latest report, for 2018, ...")
    r"|(?:in (?:het|de|dat|dit|the|its|that|this) (?:\w+\s+){0,3}?(?:rapport|report|jaarverslag|jaarrapport|editie|edition),?\s+)?"
    # ("Vijf jaar geleden, in 2016, ging het nog om 37 procent", "Five years ago it was 37%")
    # ("Before the peak, in 2016, the share was 37%", "By 2023 it had fallen to 33%")
    r"(?:(?:before|after) the (?:peak|fall|rise),\s+)?"
    # ("Op het hoogtepunt, in 2020, ging het zelfs om 77 procent", "At its peak, in 2020, it was 77%")
    r"(?:(?:op het hoogtepunt|op de piek|at (?:its|the) peak),\s+)?"
    # ("De piek lag in 2020, toen 77 procent ...", "The peak came in 2020, when ...")
    r"(?:(?:de piek|het hoogtepunt|the peak)\s+(?:lag|was|kwam|came|fell)\s+in\s+(?:19|20)\d\d,\s+(?:toen|when)\b)?"
    # ("Just a year earlier, it accounted for ...", "Back in 2020 it was 77 per cent")
    r"(?:(?:just|only|back|nog maar|pas|terug)\s+)?"
    r"(?:(?:in|over|for|by|tegen) (?:19|20)\d\d|(?:een|één|twee|drie|vier|vijf|zes|tien|\d+) jaar (?:eerder|daarvoor|geleden)"
    r"|het jaar (?:daarvoor|ervoor)|vorig jaar|last year"
    r"|(?:a|one|two|three|four|five|six|ten|\d+) years? (?:earlier|before(?: that)?|ago)|the year before(?: that)?)(?:,[^,.;]{1,40},)?,?\s+"
    r"(?:(?:was|waren|is|were|bedroeg)\s+(?:dat|het|dit|it|that|this)|(?:ging|gaat) het|(?:lag|stond) (?:het|dat|dit)"
    # ("In 2021 it fell to 41%", "In 2021 daalde het aandeel naar 41 procent")
    r"|(?:it|that|this|the figure|the share|its share|the Dutch share|het aandeel|dat aandeel|het cijfer)\s+"
    # ("The year before it had been 47%", "In 2016 it stood at 37%")
    # ("A year earlier it had hosted 83,037 (29%)")
    r"(?:was|fell|dropped|declined|rose|climbed|stood|accounted for|hosted|had (?:been|stood|fallen|dropped|risen|climbed|accounted for|hosted)"
    r"|daalde|steeg|zakte"
    r"|was gedaald|was gestegen)"
    r"|(?:daalde|steeg|zakte)\s+(?:het|dat|dit)(?:\s+aandeel)?"
    # ("In 2020 werd een piek bereikt: 77 procent", "In 2020 the share peaked at 77%")
    r"|(?:werd|was)\s+(?:een|de|het)\s+(?:piek|hoogtepunt|record)\s+bereikt|(?:the share|it)\s+peaked|a peak was reached"
    # ("Over 2021 kwam de IWF uit op 41 procent")
    r"|(?:kwam|kwamen)\s+(?:\w+\s+){0,3}?uit\s+op)\b",
    re.I,
)
_BASE_WITH_FIGURE = re.compile(
    r"\b(?:from|van|tegen|against|(?:down|up) on|"
    + COMPARED_WITH
    + r")\s+(?P<figure>\d[\d.,]*)\s*(?:%|procent|per ?cent|percent)?\s+in\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
# "fell from 29% in 2024 to 11%", "daalde van 29 procent in 2024 naar 11 procent": what it went to
_WENT_TO_FROM_YEAR = re.compile(
    r"\b(?:from|van)\s+[\d.,]+\s*(?:%|procent|per ?cent|percent)?\s+in\s+((?:19|20)\d\d)\s+(?:to|naar|tot)\s+"
    + ROUNDING_WORD_BEFORE
    + r"$",
    re.I,
)
# a percentage that is a change, not a share: "59% fewer than the year before", "64 procent meer dan",
# "a rise of 64%", "een stijging van 64 procent"
_CHANGE_AFTER = re.compile(
    r"\s*(?:%|procent\b|per ?cent\b|percent\b)\s+(?:fewer|more|less|lower|higher|up|down|meer|minder|hoger|lager)\b", re.I
)
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:rise|increase|fall|drop|decrease|decline|reduction|stijging|daling|toename|afname|groei)\s+(?:of|van)"
    # ("The total number of URLs we confirmed rose by 64% in 2021", "steeg met 64 procent")
    r"|\b(?:rose|risen|grew|grown|increased|fell|fallen|dropped|decreased|declined|went (?:up|down)|steeg|stegen|daalde|daalden"
    r"|groeide|groeiden|gestegen|gedaald|gegroeid|toegenomen|afgenomen)\s+(?:\w+\s+)?(?:by|met))\s+"
    + ROUNDING_WORD_BEFORE
    + r"$",
    re.I,
)
_TO_AFTER = re.compile(r"\s*(?:%|procent\b|per ?cent\b|percent\b)?(?:\s+in\s+(?:19|20)\d\d)?\s+(?:naar|to|tot)\b", re.I)
# a country's name as the adjective of an organisation ("the UK charity said 41% ..."): no country
# whose figure follows
_ORGANISATION_AFTER = re.compile(
    r"[\s-]*(?:based\s+)?(?:charity|watchdog|organi[sz]ation|foundation|group|hotline|body|stichting|organisatie|waakhond|internet watch)\b",
    re.I,
)
# the base a figure is compared with, right before it: "down from 77% in 2020", "compared with 33%",
# "tegen 37 procent in 2016", "from a peak of 77%"
_BASE_HEAD = (
    r"(?:\b(?:down|up|fallen|fell|dropped|declined|rose|risen|increased|decreased|a (?:fall|drop|rise|decline|decrease|increase))"
    # ("rose again, from 71% in 2019")
    r",?\s+(?:\w+,?\s+){0,2}?from|\b(?:down|up)\s+on|\b(?:"
    # ("down to 32% from 41% in 2021", "gedaald naar 32 procent, van 41 procent in 2021")
    r"(?:down|up|fallen|fell|dropped|declined|rose|risen|increased|decreased|gedaald|gestegen|daalde|steeg)\s+(?:\w+\s+)?"
    r"(?:to|naar|tot)\s+[\d.,]+\s*(?:%|procent|per ?cent|percent)?,?\s+(?:from|van)|"
    + COMPARED_WITH
    + r"|tegen|against|from a (?:peak|high|record) of|van een (?:piek|record) van))"
)
_BASE_FIGURE = ROUNDING_WORD_BEFORE + r"[\d.,]+\s*(?:%|procent|per ?cent|percent)?(?:\s+in\s+(?:19|20)\d\d)?"
# (and the bases coordinated with it: "down from 33% in 2035 and 41% in 2034", "and from 30% in 2021")
_COMPARED_FROM = re.compile(
    _BASE_HEAD + r"\s+(?:" + _BASE_FIGURE + r"\s*,?\s*(?:and|en|or|of)\s+(?:(?:from|van)\s+)?)*" + ROUNDING_WORD_BEFORE + r"$",
    re.I,
)
# Regions and the world, as a subject of their own figures (case as written: "EU", not "eu")
_REGION = re.compile(
    r"\b(?:EU(?:\s+member\s+states)?|European Union|Europe|Europa|EU-lidstaten|[Ll]idstaten|North America|Noord-Amerika"
    r"|Asia|Azi\u00eb|Africa|Afrika|[Tt]he rest of the world|[Dd]e rest van de wereld)\b(?![-\u2019'])"
)
# The other countries together, as the subject of their own figure: "the Netherlands 77%, the United
# States 5%, all other countries 18%" (a chart's text alternative), "overige landen 18%"
_OTHER_COUNTRIES = re.compile(
    r"\b(?:(?:all|the)\s+)?other\s+countries\b|\b(?:alle\s+)?(?:de\s+)?(?:andere|overige)\s+landen\b", re.I
)
# a figure with its year in brackets: "(47% in 2018)", "(32 procent in 2022)"
_BRACKETED_YEAR_FIGURE = re.compile(
    r"\(\s*[\d.,]+\s*(?:%|procent|per ?cent|percent)?\s*(?:in\s+)?(?P<year>(?:19|20)\d\d)\s*\)", re.I
)
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|within|across|throughout|outside|of|from|to|binnen|buiten|van|uit|naar|than|dan|as)\s+(?:the\s+|de\s+|het\s+)?$",
    re.I,
)
_ORGANISATION_NAMED = re.compile(r"\b(?:we|our|us|wij|ons|onze|IWF|Internet Watch Foundation)\b", re.I)
# a count in brackets named by what IWF counts: "(83.037 meldingen)", "(91,572 reports)"
_BRACKETED_NOUN = re.compile(r"\s*(?:meldingen|reports|url['’]?s|webpagina['’]?s|web ?pages|pagina['’]?s|webadressen)\s*\)", re.I)
# a year the figure is said right beside: "sinds 2020 (77 procent)", "the 2020 peak of 77 per cent"
_YEAR_BEFORE = re.compile(
    r"\b((?:19|20)\d\d)\s*(?:(?P<bracket>\()|\s(?:peak|high|record|piek|hoogtepunt|recordjaar)\s+(?:of|van)\s)\s*"
    + ROUNDING_WORD_BEFORE
    + r"$",
    re.I,
)
# a sentence that is its figure, without a verb of its own: "Zevenenzeventig procent, om precies te
# zijn.", "77 per cent, to be precise."
_FRAGMENT = re.compile(
    r"(?:" + _FILLER + r"\s+)*"
    r"(?:(?:precies|exact|ruim|bijna|zo'?n|about|nearly|almost|exactly|precisely)\s+)?"
    # (or a count: "Bijna vierennegentigduizend webpagina's.", "Ruim drieënnegentigduizend pagina's.")
    r"(?:[\w.,]+\s*(?:%|procent|per ?cent|percent)|[\w.,]+\s+(?:web)?(?:pagina['’]?s|pages|URL['’]?s|adressen|addresses))"
    r"(?:\s*,\s*(?:om precies te zijn|to be (?:precise|exact)|precies))?\s*[.!]?\s*$",
    re.I,
)
# a sentence that speaks of the figure before by reference, anywhere in it: "Over 2016 bedroeg dit
# aandeel 37 procent", "By then that share had fallen to 41%"
_REFERS_BACK = re.compile(
    # ("The precise figure is 47%—48,900 webpages")
    r"\b(?:dit|dat|het|this|that|the) (?:(?:precise|exact|actual|precieze|exacte|werkelijke)\s+)?"
    r"(?:aandeel|aantal|cijfer|percentage|share|figure|number|proportion)\b",
    re.I,
)
# a sentence that names the Netherlands by reference: "... traced 117,544 of the 153,383 webpages
# it confirmed in 2020 to servers in the country"
_THE_COUNTRY = re.compile(
    r"\b(?:in|to|of) (?:the|that|this) country\b|\b(?:in|naar|van) (?:het|dat|dit) land\b"
    # "In 2016 the country accounted for 37% of the total", "Het land was goed voor ..."
    r"|\b(?:the|that|this) country (?:alone |still )?(?:accounted|hosted|was|had|held|remained)\b"
    r"|\b(?:het|dat|dit) land (?:alleen |nog )?(?:was|had|hostte|stond|kwam)\b"
    # "In 2017 we had traced 27,970 URLs there.": "there" closing a clause of hosting
    # ("83,037 of the 291,273 reports it actioned that year were hosted there — 29%")
    r"|\b(?:hosted|traced|found|located|identified)\b[^.;]{0,40}\bthere\s*(?=[.;,)\u2013\u2014]|\s-\s|$)"
    # ("stonden er daar 83.037", "werden daar gehost")
    r"|\b(?:stond|stonden|werden|waren)\s+(?:er\s+)?daar\b|\bdaar\s+(?:gehost|getraceerd|gevonden)\b"
    # (a Dutch writer's "here": "toen 77 procent van het materiaal hier stond", "in ons land")
    r"|\bhier\s+(?:stond|stonden|staat|staan|gehost)\b|\b(?:stond|stonden|staat|staan)\s+(?:\w+\s+){0,2}?hier\b|\bin ons land\b",
    re.I,
)
# "48,900 – or some 47 per cent –", "20,972, or 37 per cent of the total", "12,492 (22 per cent)":
# a number with its share right after it counts what the share measures
_WITH_ITS_SHARE = re.compile(
    # ("82.605 daarvan, 32 procent", "91.572 daarvan, ofwel 33 procent", "Netherlands: 83,037 reports (29%)")
    r"(?:\s+(?:daarvan|of them|of these|of those|reports|URLs?|url'?s|webpages|webpagina's))?"
    r"\s*(?:[-\u2013\u2014,]\s*|\(\s*)(?:(?:or|of|ofwel|oftewel)\s+)?"
    + ROUNDING_WORD_BEFORE
    + r"\d[\d.,]*\s*(?:%|procent\b|per ?cent\b|percent\b|pc\b)",  # ("48,900 – 47pc –": the Irish press)
    re.I,
)
# "Daarvan stonden er 48.900 op servers in Nederland", "12,492 on Dutch servers": what stands on a
# server is a URL
_ON_SERVERS = re.compile(
    r"\s+(?:(?:\w+\s+){0,3}?(?:op|on|bij)\s+(?:\w+\s+){0,2}?(?:servers?|hosts)\b|(?:\w+\s+){0,4}?(?:gehost|hosted)\b"
    # ("117,544 of them, more than three quarters, were traced to servers in the Netherlands")
    r"|(?:(?:daarvan|of them|of these)(?:,[^,.;\d]{1,40},)?\s+)?(?:were|werden|was|is|zijn)\s+(?:traced|herleid)\s+(?:to|naar|tot)\s+(?:(?:\w+\s+){0,2}?servers?\b|(?:the\s+)?Netherlands\b|Nederland\b)"
    r"|(?:\w+\s+){0,1}?(?:naar|tot)\s+(?:\w+\s+){0,2}?servers?\b[^,.;]{0,30}?\b(?:herleid|teruggevoerd)"
    # ("waren er 91.572 te herleiden naar een server in Nederland", "... herleid tot een server in Nederland")
    r"|(?:herleid|herleidbaar|te herleiden|teruggevoerd|traced|traceable)\s+(?:naar|tot|to)\s+(?:\w+\s+){0,2}?servers?\b"
    # ("werden er 33.788 naar Nederland herleid", "Daarvan werden er 48.900 herleid naar Nederland", "waarvan er
    # 48.900 naar Nederland werden herleid")
    r"|(?:naar|tot)\s+(?:Nederland|Nederlandse servers)\s+(?:(?:werden|worden|zijn|waren|werd|is|was)\s+)?(?:herleid|teruggevoerd)\b"
    r"|(?:herleid|teruggevoerd|traced)\s+(?:naar|tot|to)\s+(?:Nederland|the Netherlands)\b"
    r"|(?:daarvan|of them|of these)\b[^.;,]{0,40}?\b(?:op|on)\s+(?:\w+\s+){0,2}?servers?\b"
    # ("we traced 91,572 to servers in the Netherlands": the verb before, no noun)
    r"|to\s+(?:\w+\s+){0,2}?servers?\s+(?:in|located in|based in)\s+(?:the\s+)?Netherlands\b"
    # ("... and traced 27,970 of them to servers in the Netherlands": the verb before the number)
    r"|(?:of them|of these|of those)\s+to\s+(?:\w+\s+){0,2}?(?:servers?|the Netherlands)\b"
    # ("20.972 daarvan leidden naar Nederland")
    # ("Van 93.962 daarvan leidde het spoor naar een server in Nederland")
    # ("117.544 daarvan waren herleidbaar tot Nederland")
    r"|(?:\w+\s+){0,3}?(?:herleidbaar|te herleiden|traceable)\s+(?:naar|tot|to)\s+(?:\w+\s+){0,2}?(?:Nederland|the Netherlands)\b"
    # ("91.572 daarvan wezen naar servers in Nederland")
    r"|(?:daarvan\s+|of them\s+)?(?:leidden|leidde|leiden|leidt|verwezen|verwees|wezen|wees|wijzen|wijst|led|pointed)\s+"
    r"(?:het spoor\s+|the trail\s+)?(?:naar|to)\s+"
    r"(?:\w+\s+){0,2}?(?:Nederland|servers?|the Netherlands)\b"
    # ("Bij 33.788 daarvan stond het materiaal in Nederland")
    r"|(?:daarvan|of them|of these)\s+(?:stond|stonden|staat|staan|was|were|is)\s+(?:het materiaal\s+|the material\s+|it\s+)?"
    r"(?:in|op|on)\s+(?:\w+\s+){0,2}?(?:Nederland|the Netherlands|servers?)\b"
    # (the verb before the number: "verwezen er 83.037 naar een Nederlandse server")
    r"|naar\s+(?:een\s+|de\s+)?(?:Nederlandse\s+servers?|servers?\s+in\s+Nederland)\b)",
    re.I,
)  # ("93,962 of them were on servers in the Netherlands", "werden er 102.676 gehost in Nederland", "48,900 were
#    traced to Dutch servers", "93.962 naar servers in Nederland herleid", "91.572 op een Nederlandse server")
# "The Netherlands alone accounted for 102,676", "Nederland was goed voor ruim 82.000": what it hosted
_HOSTED_BEFORE = re.compile(
    r"\b(?:accounted for|was home to|hosted|was goed voor|hostte)\s+" + ROUNDING_WORD_BEFORE + r"$",
    re.I,
)
# the count a noun before it came to: "URLs had numbered 117,544", "het aantal url's bedroeg 20.972"
_NUMBERED = re.compile(
    r"\b(?:numbered|totall?ed|stood at|came to|amounted to|bedroeg|bedroegen|kwam(?:en)? uit op"
    # ("Dutch-hosted reports drop to just under 34,000": a headline's count, what it went to)
    r"|(?:drop|fall|rise|climb|grow|jump)(?:s|ped|ed)? to|fell to|rose to|grew to|(?:daal|stijg|groei)(?:t|de|den)? (?:naar|tot)|steeg (?:naar|tot))\s+"
    + ROUNDING_WORD_BEFORE
    + r"$",
    re.I,
)
_SHARE_THEN = r"\d\s*(?:%|procent\b|per ?cent\b|percent\b)\s*"
_IN_TOTAL = re.compile(r"\s+(?:in total|in all|in totaal|in getal)\b", re.I)
# a count compared with the one before it: "..., tegen 33.788 een jaar eerder", "against 27,970"
_COMPARED_BEFORE = re.compile(
    # ("..., up from 12,703 in 2015")
    r"\b(?:" + COMPARED_WITH + r"|tegen|against|(?:up|down) (?:from|on))\s+" + ROUNDING_WORD_BEFORE + r"$",
    re.I,
)
# a number that closes its clause after a count of the same sentence: "In 2015 waren dat 12.703
# url's en in 2016 waren dat er 20.972."
_CLOSES_CLAUSE = re.compile(r"\s*(?:[.;)]|,\s|$)")
_BROKEN = re.compile(r"(?<![\d.,])(\d{1,3}), (\d{3})(?![\d])")


def figure(
    indicator: str,
    value: float,
    printed: str,
    period: str | None,
    year: int,
    location: str,
    quote: str | None,
    text_part: str,
    qualifier: str = "exact",
    upper_bound: float | None = None,
) -> dict:
    """A figure of the Netherlands as IWF's readers hand it on (its count or its share)."""
    return dict(
        indicator_id=indicator,
        breakdown="total",
        unit="URLs" if indicator == COUNT_INDICATOR else "percent",
        value=value,
        qualifier=qualifier,
        upper_bound=upper_bound,
        year=year,
        period=period,
        quote=quote,
        as_published=printed,
        location=location,
        text_part=text_part,
    )


_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\.?\s+$", re.I)


# Other organisations whose figures a text on IWF's may give beside them.
_OTHER_ORGANISATION = re.compile(
    r"\b(?:Meldpunt Kinderporno|EOKM|Expertisebureau Online Kindermisbruik|Offlimits|INHOPE|NCMEC|Europol|Childlight"
    r"|ECPAT|Dutch hotline|Nederlandse meldpunt|het meldpunt)\b",
    re.I,
)


# a count whose noun is the sentence before's: "In 2015 waren dat er nog 12.703", "ging het nog om 20.972"
_COUNT_BY_REFERENCE = re.compile(
    # ("In 2015 the figure was 12,703", "Het gaat om 91.572 meldingen")
    # ("Dat zijn er ruim honderdtweeduizend": the subject first)
    r"\b(?:(?:waren|was|zijn|is)\s+(?:dat|het|dit)\s+er|(?:dat|het|dit)\s+(?:waren|was|zijn|is)\s+er|(?:ging|gaat)\s+het|het\s+(?:ging|gaat)|it was|there were"
    r"|(?:the|that) (?:figure|number|count) (?:was|stood at|had been)|(?:het|dat) aantal (?:was|bedroeg)"
    # ("In 2015 telde de IWF er nog 12.703": "er", the noun of the sentence before)
    # ("Een jaar eerder telde de organisatie er in Nederland nog 12.703": the place said on the way)
    r"|(?:telde|vond|traceerde|registreerde)\s+(?:de\s+)?(?:IWF|Internet Watch Foundation|organisatie|stichting|ze|zij)\s+er"
    r"(?:\s+(?:in\s+Nederland|daar|hier))?)\s+"
    r"(?:(?:nog|maar|slechts|om|still|only)\s+)*" + ROUNDING_WORD_BEFORE + r"$",
    re.I,
)
# "The year before, we traced 82,605.": a count traced, no noun nor country of its own, in a sentence
# carried on from one on the Netherlands' count
_TRACED = (
    r"\b(?:we|wij|(?:the |de )?IWF|it)\s+(?:had\s+)?(?:traced|herleidden|herleidde)\s+(?:(?:still|only|nog)\s+)*"
    + ROUNDING_WORD_BEFORE
)
_TRACED_BY_REFERENCE = re.compile(_TRACED + r"$", re.I)
# ... and as a whole sentence, the count ending it
_TRACED_SENTENCE = re.compile(_TRACED + r"\d[\d.,]*\d\s*[.!]?$", re.I)
# IWF's reports called "meldingen": "de door de IWF gevonden meldingen", "meldingen die de organisatie
# in behandeling nam"
_REPORTS_WORD = re.compile(r"\b(?:meldingen|reports)\b", re.I)
_IWFS_MELDINGEN = re.compile(
    r"\bdoor de (?:IWF|Internet Watch Foundation|organisatie|stichting) (?:\w+ ){0,2}?(?:gevonden|behandelde|verwerkte|bevestigde)"
    r" meldingen\b|\bmeldingen die (?:de (?:IWF|Internet Watch Foundation|organisatie|stichting)|ze|zij|het)\b",
    re.I,
)


def _country_word(sentence: str, at: int) -> str:
    """The word(s) of a country's mention starting at `at` ("UK", "British", "United States")."""
    m = re.match(r"[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)*", sentence[at:])  # ("U.K.-based")
    return m.group(0) if m else ""


def names_the_netherlands(text: str) -> bool:
    return bool(_NETHERLANDS.search(text))


# a table's column of last year's shares, as a cell read as text gives it: "29% Netherlands (% last year)"
_LAST_YEAR_COLUMN = re.compile(r"\((?:%|share|aandeel)?\s*(?:last year|vorig jaar)\)\s*$", re.I)
# "bijna", "almost": a figure at or a little under the rounded one
_ALMOST = re.compile(r"\s*(?:bijna|nagenoeg|almost|nearly|just under|net onder)\b", re.I)


class Reader:
    def __init__(self, document: Document, voice: Voice, report_year: int | None = None):
        self.document = document
        self.voice = voice
        # the year of the annual report the page is part of, in IWF's own voice ("Our year at a glance
        # | IWF Annual Report 2021"): its key figures without a year of their own are that year's
        self.report_year = report_year if voice == Voice.OWN else None
        # a figure of IWF's prose loads when its sentence names IWF or says "we" (not around IWF's
        # own table, whose rows the prose restates and is checked against)
        self.needs_organisation = True
        self.lang = document.language
        self.figures: list[dict] = []
        self.candidates: list[dict] = []
        self.last_year: int | None = None  # the year the text spoke of last
        self.about_nl = False  # the sentence before spoke of the Netherlands
        self.heading = ""  # the heading (or table caption) above the block being read
        # the text has called IWF's reports "meldingen" or "reports" ("de door de IWF gevonden
        # meldingen", "traced 87,959 reports to servers in Bulgaria"): the word counts them in the
        # sentences on the Netherlands after it
        self.reports_are_iwfs = False
        self.counted_before = False  # the sentence before counted the Netherlands' URLs
        self.shared_before = False  # the sentence before gave the Netherlands' share
        self.shares_read = 0
        self.counts_read = 0  # counts of the Netherlands' URLs read so far (loaded or waiting)
        self.main_year: int | None = None  # the year of the first figure of the Netherlands read: what the text is about
        self.last_named: int | None = None  # the year named last, a comparison's base too ("... dan in 2022")
        self.opens_block = False  # the sentence being read opens its paragraph
        self.lead_year: int | None = None  # the year of the first figure read with a year of its own
        # shares in words and rounded counts in sentences that do not name the Netherlands (nor another
        # country): (indicator, sentence, location, the number)
        self.loose: list[tuple[str, str, str, Found]] = []

    def read(self, year: int, cells: bool = True) -> None:
        """Read the document's sentences (and, unless cells=False, its table cells: a page whose
        table is read as a table leaves its cells to that reading)."""
        heading_nl = False  # the list items under a heading that names the Netherlands are its
        for n, block in enumerate(self.document.blocks):
            if block.kind == "heading":
                heading_nl = bool(_NETHERLANDS.search(block.text))
                self.heading = block.text
            if not cells and block.kind == "cell":
                continue
            # (a paragraph may continue the one before: "In 2021 was dat 41 procent" opening the
            # next paragraph of a press item; a carried sentence is only ever proposed)
            for k, sentence in enumerate(block_sentences(block)):
                self.opens_block = k == 0
                # (only an item led by its year: "2016: 20,972 URLs (37% ...)"; "In 2033 we took action
                # on 238,604 URLs" under a Dutch headline is the world's count)
                year_led = block.kind == "item" and re.match(r"\s*(?:19|20)\d\d\s*[:\-\u2013]", block.text) is not None
                self._sentence(sentence, year, f"block {n + 1}", block.kind, heading_nl and year_led)
        self._restated_figures()

    def _restated_figures(self) -> None:
        """A share in words or a rounded count whose sentence does not name the Netherlands ("Bijna
        een derde dus, en daar zijn wij als sector niet trots op", "ruim een kwart is nog altijd te
        veel", "Maar 83.000 meldingen is nog altijd heel veel") restates the Netherlands' figure the
        text gives exactly, when it is consistent with that figure of one year only (a share's
        words: "ruim" at most five points below, "bijna"/"about" within four; a count: within its
        rounding, "ruim 80.000" up to two rounding units above; "bijna" at or under its words): it waits with that year,
        proposed; never loaded, and nothing when two years' figures fit."""

        def fits(indicator: str, said: Found, value: float) -> bool:
            assert said.value is not None
            if indicator == SHARE_INDICATOR:
                if said.qualifier == "lower_bound":
                    return 0 <= value - said.value <= 5
                if _ALMOST.match(said.text):  # "Bijna 3 op de 10": at or a little under it (29, not 33)
                    return 0 <= said.value - value <= 4
                return abs(value - said.value) <= 4
            unit = half_unit(said.value)
            return 0 <= value - said.value <= 4 * unit if said.qualifier == "lower_bound" else abs(value - said.value) <= unit

        read = [
            (str(f["indicator_id"]), float(f["value"]), str(f["period"]))
            for f in [*self.figures, *self.candidates]
            if f.get("indicator_id") in (SHARE_INDICATOR, COUNT_INDICATOR) and f.get("period") and f.get("qualifier") == "exact"
        ]
        # (the shares first, then the counts: the order they wait in)
        for indicator, sentence, location, said in sorted(self.loose, key=lambda loose: loose[0] != SHARE_INDICATOR):
            if said.value is None:
                continue
            periods = {period for of, value, period in read if of == indicator and fits(indicator, said, value)}
            if len(periods) != 1:
                continue
            [period] = periods
            what = "a share in words" if indicator == SHARE_INDICATOR else "a rounded count"
            self.candidates.append(
                Candidate(
                    sentence,
                    said.text,
                    float(said.value),
                    f"{what} in a sentence that does not name the Netherlands: proposed as restating "
                    f"the Netherlands' figure of {period} the text gives exactly",
                    indicator,
                    "total",
                    period,
                    said.qualifier,
                    location,
                ).as_dict()
            )

    def _sentence(self, sentence: str, year: int, location: str, kind: str, under_nl: bool = False) -> None:
        """Read one sentence; under_nl: a list item under a heading that names the Netherlands
        ("URLs hosted in the Netherlands" over "2016: 20,972 URLs (37% ...)") speaks of it."""
        # a calendar date's year ("LONDON, 25 April 2028 – ...") is no period the sentence speaks of
        dated = blanked(sentence, date_spans(sentence))
        self._read_sentence(sentence, dated, year, location, kind, under_nl)
        named = _YEAR.findall(dated)
        if named:
            self.last_named = int(named[-1])

    def _read_sentence(self, sentence: str, dated: str, year: int, location: str, kind: str, under_nl: bool) -> None:
        others = [
            (at, code)
            for at, code in country_mentions(sentence)
            if code != "NLD" and not _ORGANISATION_AFTER.match(sentence[at + len(_country_word(sentence, at)) :])
        ] + [
            (m.start(), "other countries")
            for m in _OTHER_COUNTRIES.finditer(sentence)
            if not _PLACE_PREPOSITION.search(sentence[: m.start()])
        ]
        others.sort()
        names_nl = bool(_NETHERLANDS.search(sentence))
        sentence_nl = names_nl or (under_nl and not others)
        years = [int(y) for y in _YEAR.findall(dated)]
        # (after a note's mark or a transcript's speaker that opens it: "² In absolute aantallen ging het
        # om 82.605 ...", "VERSLAGGEVER: Het gaat om zevenenveertig procent")
        # (or a thread's post number: "2/ So still one in three.")
        # (or a numbered paragraph's number: "2.3 That is up from 71% in 2019")
        said = SPEAKER_LABEL.sub(
            "",
            # (or a caption's timestamp: "00:00:15 Ruim drieënnegentigduizend pagina's.", "[00:01:31] ANNA: ...")
            re.sub(
                r"^(?:[\s¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]+|\s*\d{1,2}/(?:\d{1,2})?\s+|\s*\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z])"
                r"|\s*\[?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?\]?\s+)",
                "",
                sentence,
            ),
        )
        carried = (
            self.about_nl
            and not sentence_nl
            and (
                _CARRY.match(said) is not None
                # ("Ruim driekwart.", "Almost half.": the share of the sentence before, in words)
                or _only_a_share(said, self.lang)
                # a fragment that is its number ("Zevenenzeventig procent, om precies te zijn."): the
                # figure of the sentence before, said exactly
                or _FRAGMENT.match(said) is not None
                or _THE_COUNTRY.search(sentence) is not None
                or _REFERS_BACK.search(sentence) is not None
                # "In 2015 telde de IWF er nog 12.703": "er" counts what the sentence before spoke of
                or re.search(r"\ber\s+(?:(?:nog|maar|slechts|al)\s+)*" + ROUNDING_WORD_BEFORE + r"\d", said) is not None
                # "The year before, we traced 82,605.": a count traced, without noun or place, ends the sentence
                or _TRACED_SENTENCE.search(said) is not None
            )
        )
        # a sentence without a number or a country ("VERSLAGGEVER: Ja.") leaves the subject as it was
        # (nor does a byline's date and time: "Joost Hamelink · 23 april 2025, 14:12")
        # (nor a question's number: "Vraag 1", "Antwoord 1" between a question on the Netherlands and its answer)
        # ("Q1", "A1" too, but not the article before a number: "a 12% rise")
        # (nor a chart's name: "Chart 9 as text" between its caption on the Netherlands and its data)
        numbered = re.sub(
            r"\b(?:(?:vraag|antwoord|question|answer|chart|figure|fig\.|table|grafiek|figuur|tabel)\s*|[qa])\d{1,2}(?:\.\d{1,2})?\b",
            " ",
            dated,
            flags=re.I,
        )
        # (nor a post's counter: "2/6")
        numbered = re.sub(r"(?<![\d.,])\d{1,2}\s*/\s*\d{1,2}(?![\d.,])", " ", numbered)
        if sentence_nl or carried or re.search(r"\d", re.sub(r"\b\d{1,2}[:.]\d\d\b", " ", numbered)) or others:
            self.about_nl = sentence_nl or carried
        # (English too: "the charity said it traced 87,959 reports to servers in Bulgaria ... The
        # Netherlands accounted for 11 percent, or 33,788 reports")
        # (or in a sentence whose reports IWF counts: "In haar cijfers over vorig jaar komt de IWF voor
        # Nederland uit op 83.037 meldingen", no other organisation named)
        iwf_meldingen = (self.reports_are_iwfs and (carried or sentence_nl)) or bool(
            OWN_NAMES.search(sentence) and not _OTHER_ORGANISATION.search(sentence)
        )
        url_noun = _URL_IN.search(sentence)
        if _IWFS_MELDINGEN.search(sentence) or (url_noun and _REPORTS_WORD.fullmatch(url_noun.group(0))):
            self.reports_are_iwfs = True
        if not sentence_nl and not carried:
            if not others and not _OTHER_ORGANISATION.search(sentence):
                # ("Bijna een derde dus, en daar zijn wij niet trots op.", "ruim een kwart is nog altijd te
                # veel"): a share in words that may restate the Netherlands' share, matched once all is read
                self.loose += [(SHARE_INDICATOR, sentence, location, share) for share in find_shares(sentence, self.lang)]
                # ("Maar 83.000 meldingen is nog altijd heel veel", "So roughly 92,000 reports"): a rounded count
                self.loose += [
                    (COUNT_INDICATOR, sentence, location, found)
                    for found in find_numbers(sentence, self.lang)
                    if not found.is_year
                    and found.value is not None
                    and found.value >= 1000
                    and (found.qualifier != "exact" or half_unit(found.value) >= 50)
                    and not re.match(r"\s*(?:%|procent|per ?cent|percent)", sentence[found.end :], re.I)
                ]
            if spoken := _spoken_of(dated):
                self.last_year = spoken[0]
            elif (relative := next((k for p, k in DEICTIC if p.search(dated)), None)) is not None and self.document.date:
                # "De organisatie bevestigde vorig jaar in totaal 252.194 url's. Daarvan werden er 102.676
                # herleid tot Nederlandse servers.": the year the whole is of, counted from the date of writing
                self.last_year = self.document.date.year - relative
            self.counted_before = self.shared_before = False
            return
        counts_before, shares_before = self.counts_read, self.shares_read
        by_back: list[bool] = []  # per figure: its year counted back ("Een jaar eerder was dat ...")
        doubtful = ["its subject is the Netherlands of the sentence before"] if carried else []
        if ANAPHORIC_PERIOD.search(sentence):
            doubtful.append("its period is given by reference")
        elif (looked_back := _LOOK_BACK_OPENING.match(said)) is not None:
            # "Three years earlier the picture was very different: in 2020, more than three quarters (77%)
            # ...": a look back from the text's year, the year named or not
            doubtful.append(f"a look back ({looked_back.group(0).strip(' ,:')!r})")
        if HALF_YEAR.search(sentence) or SHORTER_PERIOD.search(sentence) or _MONTHS_PART.search(sentence):
            doubtful.append("it speaks of part of a year")
        # (a table's cell: its caption may say it "% of all reports actioned")
        if (
            not _URL_IN.search(sentence)
            and not (kind == "cell" and _URL_IN.search(self.heading))
            and not (iwf_meldingen and _REPORTS_WORD.search(sentence))
        ):
            doubtful.append("its sentence does not say it counts URLs")
        if self.voice != Voice.OWN:
            doubtful.append("IWF's figure as someone else reports it")
        # another organisation's figure in a text on IWF's: "Het Nederlandse Meldpunt Kinderporno kwam ...
        # tot de conclusie dat ... op Nederlandse servers stond: 82 procent"
        # (in another voice only: IWF's own pages name the Dutch hotline as a partner beside their figures)
        other_org = _OTHER_ORGANISATION.search(sentence) if self.voice != Voice.OWN and not OWN_NAMES.search(sentence) else None
        if kind in ("title", "heading"):
            doubtful.append("a headline")
        # issue 22 (part 2): in the publisher's own text a figure loads when its clause names the
        # organisation, or "we"/"our" ("In 2024, 83,037 reports (29%) were traced to Dutch servers"
        # names none); a key figure's tile or list item, and the annual report's own year's figures,
        # are the report's own (checked below, once the figure's year is known)
        unnamed = (
            self.voice == Voice.OWN
            # (a list's item too, unless it is a row of a list of years under a heading on the Netherlands:
            # "2017: 27,970 URLs (36%)", a table written as a list)
            and (kind == "body" or (kind == "item" and not under_nl))
            and not _ORGANISATION_NAMED.search(sentence)
        )
        if CORRECTION.search(sentence):  # "an earlier version of this article said ...": wrong and right side by side
            doubtful.append("a sentence that corrects an earlier statement")
        bounds = [0] + [m.start() for m in _SPLIT.finditer(sentence)] + [len(sentence)]
        tail = sentence[bounds[-2] :]
        if (
            len(bounds) > 2
            and not re.search(r"\d", tail)
            and not find_numbers(tail, self.lang)
            and not find_shares(tail, self.lang)
        ):
            # a last clause without a figure of its own closes the one before it: "down from 83,037,
            # or 29 per cent, a year earlier."
            del bounds[-2]
        clauses = list(zip(bounds, bounds[1:]))
        broken = {m.start(): m for m in _BROKEN.finditer(sentence)}
        previous_period: str | None = None
        back_periods: dict[int, str] = {}  # the year each "the year before" of the sentence was counted to
        spoken_period: str | None = None  # the period of the last figure read that is no comparison's base
        base_years = {int(m.group(1)) for m in _BASE_YEAR.finditer(dated)}
        # (the year of a figure compared with: of that figure, "up from 12,703 in 2015", not of one before it)
        compared_year_at = {m.start(2): m.start("figure") for m in _COMPARED_YEAR.finditer(dated)}
        # the years of a base said with its own figure ("from 29% in 2024"): not a later number's year
        # (where each such year stands, and where the base's own figure does)
        base_at = {m.start("year"): m.start("figure") for m in _BASE_WITH_FIGURE.finditer(dated)}
        last_count: tuple[int, str | None] | None = None  # (end, period) of the last count read
        # shares written as fractions ("nearly one in ten", "almost a third") are percentages; the
        # number words inside them are no counts ("one in ten of the webpages" is not 10 URLs)
        shares = find_shares(sentence, self.lang)
        numbers = [f for f in find_numbers(sentence, self.lang) if not any(sh.start <= f.number_start < sh.end for sh in shares)]
        found_all = sorted([*shares, *numbers], key=lambda f: f.number_start)
        percents = [
            f
            for f in found_all
            if not f.is_year
            and (
                f in shares
                or _PERCENT.match(sentence[f.end :])
                # "36 en 37 procent" (never "93,962 – 71 per cent": a share is at most 100)
                or (_PERCENT_COORDINATED.match(sentence[f.end :]) and (f.value or 0) <= 100)
                # "In 2019 lag dat percentage op 71.", "the share stood at 71": a percentage named before it
                or (
                    (f.value or 0) <= 100
                    and re.search(
                        r"\b(?:percentage|aandeel|share)\s+(?:\w+\s+){0,2}?(?:op|at|van|of|was|bedroeg)\s+$",
                        sentence[: f.start],
                        re.I,
                    )
                    and re.match(r"\s*[.;,]?\s*$", sentence[f.end :])
                )
            )
        ]
        change_ends = change_end_years(sentence)  # "tussen 2024 en 2025 ... van 29 naar 11 procent"
        respective = percents if RESPECTIVELY.search(sentence) and len(years) > 1 and len(percents) == len(years) else []
        changes = list(_FROM_COUNT_TO.finditer(sentence))
        # "het aantal meldingen dat naar Nederlandse servers werd herleid van 82.605 naar 91.572": the
        # noun before the change, the counts bare
        changes += [
            m
            for m in _FROM_TO_BARE.finditer(sentence)
            if _URL_IN.search(sentence[: m.start()])
            and not re.match(r"\s*(?:%|procent|per ?cent|percent)", sentence[m.end("before") :])
        ]
        went_from = {m.start("before") for m in changes if re.match(r"\d", sentence[m.end() :])}
        became = {m.end() for m in changes}
        wholes: set[int] = set()  # where "of the 262,950 webpages" names the whole: no count of the Netherlands
        counts_of_whole: set[int] = set()  # "102,676 of 252,194, or 41 per cent": a count named with its whole and share
        # "In 2020 we confirmed 153,383 URLs ..., and traced 117,544 of them to servers in the Netherlands":
        # the count before "N of them" is the whole N is part of
        parts_of_them = [
            g.number_start for g in found_all if re.match(r"\s+(?:of them|of these|of those)\b", sentence[g.end :], re.I)
        ]
        for f in found_all:
            if parts_of_them and f.number_start < min(parts_of_them) and _AFTER_COUNT.match(sentence[f.end :]):
                wholes.add(f.number_start)
        # the year of the whole a part ("N of them") is taken from: "confirmed 153,383 webpages ... in 2020;
        # 117,544 of them, more than three quarters, were traced to servers in the Netherlands"
        whole_years: dict[int, int] = {}
        for part in parts_of_them:
            whole = [f for f in found_all if f.number_start in wholes and f.number_start < part]
            if whole:
                a, b = next((a, b) for a, b in clauses if a <= whole[-1].number_start < b)
                whole_said = {int(y) for y in _spoken_of(dated[a:b])}
                if len(whole_said) == 1:
                    whole_years[part] = whole_said.pop()
        for f in found_all:
            # "102,676 of 252,194, or 41 per cent": the second is the whole the first is part of
            # ("27,970 of a total of 78,589 URLs", "27.970 van een totaal van 78.589")
            bare_whole = re.match(
                r"\s+(?:out of|of|van)\s+(?:the\s+|de\s+|(?:a|een) total(?:e|e van|aal van| of)?\s+)?(\d[\d.,]*\d)",
                sentence[f.end :],
            )
            if bare_whole and (
                _WITH_ITS_SHARE.match(sentence[f.end + bare_whole.end() :])
                or _URL_IN.search(sentence)
                # ("Het gaat om 91.572 van de 275.652 meldingen" in a text that calls IWF's reports so)
                or (self.reports_are_iwfs and _REPORTS_WORD.search(sentence))
            ):
                # (or in a sentence that counts URLs: "36% of all the URLs we confirmed – 27,970 of the 78,589")
                wholes.add(f.end + bare_whole.start(1))
                counts_of_whole.add(f.number_start)
            if _OUT_OF_BEFORE.search(sentence[: f.start]):
                wholes.add(f.number_start)  # "..., out of the 291,273 reports we actioned": the whole
            if _WHOLE_BEFORE.search(sentence[: f.start]) and (
                _URL_IN.match(sentence[f.end :].lstrip()) or _REPORTS_WORD.match(sentence[f.end :].lstrip())
            ):
                # "Of nearly 72,000 web addresses the watchdog acted on, 31,500 ...", "Van de 291.273
                # meldingen ... die de IWF in dat jaar bevestigde, werden er 83.037 herleid ..."
                wholes.add(f.number_start)
            # ("32% of the 255,571 webpages": the whole of a share, after its percent sign)
            sign = _PERCENT.match(sentence[f.end :])
            at = f.end + (sign.end() if sign else 0)
            if sign and (bracket := re.match(r"\s*\)", sentence[at:])):
                at += bracket.end()  # "a third (33%) of the 275,652 reports we actioned"
            if (w := _OF_WHOLE.match(sentence[at:]) or _OF_WHOLE_BRACKET.match(sentence[at:])) and (
                digit := re.search(r"\d", w.group(0))
            ):
                wholes.add(at + digit.start())
        # where the sentence names a country: a number said right after another country (a few
        # words on, in its clause) is that country's ("followed by the United States with 12,492
        # (22 per cent)", "ahead of Bulgaria (12%)"), not the Netherlands'
        # ("Our UK member ... traced one in ten ... to servers in the Netherlands" is)
        named = sorted([(m.start(), "NLD") for m in _NETHERLANDS.finditer(sentence)] + others)
        # a region as the subject ("Europe accounted for 62% of the URLs we found, with the Netherlands
        # at the top", "EU member states hosted more than half ..."): the numbers after it in its
        # clause, before the Netherlands is named, are the region's (not "hosted in Europe, 45% ...")
        regions = [m.start() for m in _REGION.finditer(sentence) if not _PLACE_PREPOSITION.search(sentence[: m.start()])]
        for found in found_all:
            if found.number_start in wholes:
                continue
            lo_c = next(a for a, b in clauses if a <= found.number_start < b)
            last = next(((at, code) for at, code in reversed(named) if lo_c <= at < found.number_start), None)
            # (unless its own part names the Netherlands: "... to servers in the United States and 12,703
            # URLs to servers in the Netherlands")
            own_words = sentence[found.end :][
                : (d.start() if (d := re.search(r"\d", sentence[found.end :])) else None)
            ]  # (to the next figure)
            if (
                last is not None
                and last[1] != "NLD"
                and found.number_start - last[0] <= 35
                and not _NETHERLANDS.search(own_words[:60])
            ):
                continue
            region = next((at for at in reversed(regions) if lo_c <= at < found.number_start), None)
            if region is not None and (last is None or last[0] < region):
                continue
            if found.is_year or found.value is None and found.number_start not in broken:
                continue
            start = found.number_start
            in_words = found in shares
            lo, hi = next((a, b) for a, b in clauses if a <= start < b)
            clause = sentence[lo:hi]
            after = sentence[found.end :]
            rest = sentence[found.end : hi]
            rest = rest[: m.start() if (m := re.search(r"[,;:(](?!\d)", rest)) else len(rest)]  # (its part)
            if (
                (in_region := _REGION.search(rest[:60]))
                and _PLACE_PREPOSITION.search(rest[: in_region.start()])
                and not _NETHERLANDS.search(rest)
            ):
                continue  # "In 2017, 65% of it was hosted in Europe, and ... the Netherlands": the region's
            own_end = found.end + min(len(own_words), len(rest))  # (its own words within its part)
            if any(found.end <= at < own_end for at, code in others if code != "NLD") and not _NETHERLANDS.search(
                sentence[found.end : own_end]
            ):
                # "we traced 24,881 URLs to servers in the United States and 12,703 URLs to servers in the
                # Netherlands": the country its own part names is the United States
                continue
            if start in broken and _AFTER_COUNT.match(sentence[broken[start].end() :]):
                m = broken[start]
                value: float | None = int(m.group(1) + m.group(2))
                indicator, printed, why = COUNT_INDICATOR, m.group(0), ["its digit groups are broken by a space"]
                after = sentence[m.end() :]
            elif any(a < start < b.end() for a, b in broken.items()):
                continue  # the second group of a broken number
            elif in_words:
                indicator, value, printed, why = SHARE_INDICATOR, found.value, found.text, []
            elif start in counts_of_whole and _URL_IN.search(sentence) and found not in percents:
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, []  # of the sentence's URLs
            elif (_WITH_ITS_SHARE.match(after) or start in counts_of_whole) and found not in percents:
                # (named by its URL noun as well: "2034: 41,777 URLs (29%)")
                by_noun = _AFTER_COUNT.match(after) is not None
                indicator, value, printed, why = (
                    COUNT_INDICATOR,
                    found.value,
                    found.text,
                    [] if by_noun else ["a count named only by its share"],
                )
            elif found not in percents and (found.value or 0) >= 100 and (start in went_from or found.start in became):
                # "van 82.605 naar 91.572" after the noun it counts: both ends of the change are counts
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, []
            elif (
                found not in percents
                and (found.value or 0) >= 100
                and re.match(r"\s+in\s+(?:19|20)\d\d\b", after)
                and _URL_IN.search(sentence[:start])
            ):
                # "The Netherlands hosted more of these URLs than any other country: 20,972 in 2016,
                # up from 12,703 in 2015": the sentence's URLs, counted for a year
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, []
            elif (
                found not in percents
                and (found.value or 0) >= 100
                and re.match(r"\s+(?:in|naar|to)\s+(?:Nederland|the Netherlands)\b", after, re.I)
                and re.search(
                    r"\b(?:daarvan|of them|of these|of those|stonden|stond|were|was|leidden|leidde|led)\b",
                    sentence[lo:start],
                    re.I,
                )
            ):
                # "Daarvan stonden er 27.970 in Nederland", "Daarvan leidden er 117.544 naar Nederland"
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, ["a count named by where it is hosted"]
            elif _ON_SERVERS.match(after) and found not in percents:
                # (named by its noun as well: "102,676 URLs we actioned were hosted in the Netherlands")
                # (not a table's cell read as text: its column's words are no sentence of its own)
                by_noun = _AFTER_COUNT.match(after) is not None and kind != "cell"
                indicator, value, printed, why = (
                    COUNT_INDICATOR,
                    found.value,
                    found.text,
                    [] if by_noun else ["a count named by where it is hosted"],
                )
            elif (
                # (or naming the country itself: "Een jaar eerder telde de organisatie er in Nederland nog 12.703")
                (carried or sentence_nl)
                and (self.counted_before or self.shared_before)
                and found not in percents
                and (found.value or 0) >= 100
                and (
                    _COUNT_BY_REFERENCE.search(sentence[lo:start])
                    or (
                        carried
                        and not sentence_nl
                        and not _URL_IN.search(sentence)
                        and _TRACED_BY_REFERENCE.search(sentence[lo:start])
                    )
                )
            ):
                # "In 2015 waren dat er nog 12.703", after a sentence that counted the Netherlands' URLs;
                # "Dat zijn er ruim honderdtweeduizend", after its share ("... eenenveertig procent naar
                # Nederland kunnen herleiden")
                indicator, value, printed, why = (
                    COUNT_INDICATOR,
                    found.value,
                    found.text,
                    ["a count by reference to the sentence before"],
                )
            elif (
                sentence_nl
                and found not in percents
                and (found.value or 0) >= 100
                and re.search(r"\(\s*$", sentence[:start])
                and re.match(r"\s*\)", after)
                and _URL_IN.search(sentence)
            ):
                # "Het aantal url's op Nederlandse servers is gestegen ten opzichte van een jaar eerder (20.972)"
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, ["a count in brackets"]
            elif kind == "cell" and found not in percents and (found.value or 0) >= 100 and _URL_IN.search(sentence):
                # a table's cell, its column's words after its row's ("61,204 Netherlands (URLs) in 2036")
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, []
            elif (
                found not in percents
                and (found.value or 0) >= 100
                and _NUMBERED.search(sentence[lo:start])
                # ("The number hosted in the Netherlands had stood at 12,703 the year before")
                and (_URL_IN.search(sentence[lo:start]) or re.search(r"\b(?:hosted|gehost)\b", sentence[lo:start], re.I))
            ):
                # "In 2020, Dutch-hosted URLs had numbered 117,544", "het aantal url's bedroeg 20.972"
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, []
            elif (
                found not in percents
                and _URL_IN.search(sentence)
                and re.search(
                    r"\b(?:Netherlands|Nederland)\s+(?:with|met)\s+" + ROUNDING_WORD_BEFORE + r"$", sentence[lo:start], re.I
                )
            ):
                # "The United States hosted the most webpages last year, 24,881, followed by the Netherlands with 12,703"
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, ["a count said after the country"]
            elif found not in percents and _HOSTED_BEFORE.search(sentence[lo:start]) and _NETHERLANDS.search(sentence[lo:start]):
                # "The Netherlands alone accounted for 102,676 of them": what the country hosted
                indicator, value, printed, why = (
                    COUNT_INDICATOR,
                    found.value,
                    found.text,
                    ["a count of what the Netherlands hosted"],
                )
            elif found not in percents and (found.value or 0) >= 100 and re.search(_SHARE_THEN + r"\(\s*$", sentence[:start]):
                # "In 2021 41% (102,600) of the URLs ...": the share's count, in brackets after it
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, ["a count in brackets after its share"]
            elif (
                found not in percents
                and (found.value or 0) >= 100
                and (
                    # (rounded too: "41% of the webpages it found in 2021 — some 102,600 — were traced to ...")
                    re.search(
                        _SHARE_THEN + r"[^.;()]{0,80}\s[-\u2013\u2014]\s*" + ROUNDING_WORD_BEFORE + "$", sentence[:start], re.I
                    )
                    # (or after a share in words: "a third of the reports it actioned in 2023 – 91,572 – were ...")
                    or any(
                        sh.end <= start and re.fullmatch(r"[^.;()]{0,80}\s[-\u2013\u2014]\s*", sentence[sh.end : start])
                        for sh in shares
                    )
                )
                and re.match(r"\s*[-\u2013\u2014]\s", after)
                and _URL_IN.search(sentence)
            ):
                # "In 2020, 77% of the URLs we confirmed – 117,544 – were hosted in the Netherlands": the
                # share's count, set off by dashes as in brackets
                indicator, value, printed, why = (
                    COUNT_INDICATOR,
                    found.value,
                    found.text,
                    ["a count between dashes after its share"],
                )
            elif (
                found not in percents
                and (found.value or 0) >= 100
                and re.search(_SHARE_THEN + r"[^.;]{0,80},\s*(?:or|oftewel|ofwel|that is|dat is)\s+$", sentence[:start], re.I)
                and _CLOSES_CLAUSE.match(after)
            ):
                # "the Netherlands still accounted for 29% of the reports, or 83,037": the share's count
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, ["the count of a share, after it"]
            elif (
                found not in percents
                and (found.value or 0) >= 100
                and re.search(r"\(\s*$", sentence[:start])
                and _BRACKETED_NOUN.match(after)
                and not _AFTER_COUNT.match(after)
                and any(p.number_start < start for p in percents)
            ):
                # "29 procent van alle ... op Nederlandse servers (83.037 meldingen)": the share's count
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, ["a count in brackets after its share"]
            elif (
                found not in percents
                and re.search(_SHARE_THEN + r"[^.;]{0,120}[-\u2013\u2014,]\s*$", sentence[: found.start])
                and (_IN_TOTAL.match(after) or re.match(r"\s+(?:of them|daarvan)\s*(?:[.;)]|$)", after, re.I))
                and _URL_IN.search(sentence)
            ):
                # "71% of the URLs we found were hosted in the Netherlands – 93,962 in total", "...,
                # 82,605 in all", "... were on Dutch servers, almost 118,000 of them"
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, ["the count of a share, after it"]
            elif (
                (last_count is not None or (carried and self.counted_before))
                and found not in percents
                and (found.value or 0) >= 100
                and _COMPARED_BEFORE.search(sentence[:start])
                and not _URL_IN.match(after.lstrip())
            ):
                # "bijna 27.000 url's op servers in Nederland, tegen 33.788 een jaar eerder"; "... 20,972 ... were
                # traced to servers in the Netherlands. That was up from 12,703 the previous year"
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, ["its noun is the count's before it"]
            elif (
                last_count is not None and found not in percents and _CLOSES_CLAUSE.match(after) and not _URL_IN.search(after[:1])
            ):
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, ["its noun is the count's before it"]
            elif (
                found in percents
                and (
                    _CHANGE_AFTER.match(after)
                    # (not a change told by its ends: "De stijging van 47 procent in 2018 naar 71 procent")
                    or (_CHANGE_BEFORE.search(sentence[:start]) and not _TO_AFTER.match(after))
                )
            ):
                continue  # "59% fewer than the year before", "a rise of 64%": a change, no share
            elif found in percents:
                indicator, value, printed, why = SHARE_INDICATOR, found.value, found.text + "%", []
            elif (
                _AFTER_COUNT.match(after)
                or (iwf_meldingen and _REPORTS_WORD.match(after.lstrip()))  # "Het ging in 2025 om 33.788 meldingen"
                # "In aantallen ging het om 82.605 meldingen" after a sentence on the Netherlands' share
                or (
                    carried
                    # ("Het gaat om 91.572 van de 275.652 meldingen")
                    and re.match(r"\s*(?:van de\s+[\d.,]+\s+)?meldingen\b", after, re.I)
                    and _COUNT_BY_REFERENCE.search(sentence[lo:start])
                )
                or _OF_WHOLE.match(after)
                or (
                    last_count is not None
                    and re.fullmatch(r"\s*\(\s*", sentence[last_count[0] : found.start])
                    and after.lstrip().startswith(")")
                )
                # "31 procent van de ... webpagina's ... (84.512 van de 269.146)": the share's count
                or (re.search(r"\(\s*$", sentence[:start]) and _OF_WHOLE_BRACKET.match(after) and _URL_IN.search(sentence))
                # "went from hosting 12,703 abuse URLs to 20,972": what the count became
                or (last_count is not None and found.start in became)
            ):
                indicator, value, printed, why = COUNT_INDICATOR, found.value, found.text, []
            else:
                continue
            assert value is not None
            # ("top of the table every year since 2016": no period)
            in_clause = [
                int(m.group(1))
                for m in _YEAR.finditer(dated[lo:hi])
                if not _SINCE_BEFORE.search(dated[lo : lo + m.start()])
                # (a comparison's base before the number: "fell from 29% in 2024 to 11%: we traced 33,788")
                and not (lo + m.start(1) in base_at and lo + m.start(1) < start)
                # (or after it, with its own figure: "fell to 41 percent last year, from 77 percent in 2020")
                and not (lo + m.start(1) in base_at and base_at[lo + m.start(1)] not in (start, found.start, found.number_start))
                # (or the year compared with after it: "Dat is 33 procent, iets meer dan in 2022")
                and not (lo + m.start(1) > start and compared_year_at.get(lo + m.start(1), start) != start)
                # ("the annual report published in April 2022": a month's year is a date, not the period)
                and not _MONTH_BEFORE.search(dated[lo : lo + m.start()])
                # (nor the year of another figure in brackets: "93,962 URLs – 71% of all the URLs we confirmed
                # (47% in 2018)")
                and not (
                    (bracket := _BRACKETED_YEAR_FIGURE.search(dated, max(lo, lo + m.start() - 40), hi))
                    and bracket.start("year") == lo + m.start(1)
                    and not bracket.start() <= start < bracket.end()
                )
            ]
            changed_from = False
            from_date = False  # its year counted from the date of writing ("last year")
            period: str | None
            relative = next((k for p, k in DEICTIC if p.search(clause)), None)
            back_said = next(
                (
                    (k, lo + m.start())
                    for p, k in BACK
                    for m in p.finditer(clause)
                    # (a base for the numbers before it; the period of those after: "... than the year before,
                    # when it was 71%"; "Met 41 procent ... lager dan het jaar ervoor, toen ...")
                    if lo + m.start() < start
                    or not re.search(
                        r"\b(?:dan|than|compared (?:with|to)|vergeleken met|tegen(?:over)?)\s+$", clause[: m.start()], re.I
                    )
                ),
                None,
            )
            back, back_at = back_said if back_said else (None, None)
            span_end = change_ends.get(start)
            if span_end is not None:  # "tussen 2024 en 2025 ... van 29 naar 11 procent"
                period, explicit = str(span_end), True
            elif respective and found in respective:  # "In 2017 en 2016 ... respectievelijk 36 en 37 procent"
                period, explicit = str(years[respective.index(found)]), True
            elif went_to := _WENT_TO_FROM_YEAR.search(sentence[lo:start]):
                # "The Netherlands' share fell from 29% in 2024 to 11%": what it became is of the year after
                # the one it went from (the report's, on IWF's own report page of that year)
                period = str(int(went_to.group(1)) + 1)
                explicit = self.report_year is not None and int(period) == self.report_year
                if not explicit:
                    why.append(f"the figure a change went to from {went_to.group(1)}: the year after, proposed")
            # "tegen 29 procent in 2026 en 11 procent in 2025", ", or around 117,500 webpages, in 2020,"
            elif own_year := _OWN_YEAR.match(after) or _OWN_YEAR_SET_OFF.match(after) or _OWN_YEAR_LATER.match(after):
                period, explicit = own_year.group(1), True
            elif previous_period is not None and (back_after := _BACK_AFTER.match(after)):
                # "The Dutch share was 29% in 2024, and 33% the year before": the year before the figure's
                # (once: "36% the year before, when 27,970 ... were found" is of the same year)
                period, explicit = str(int(previous_period) - 1), False
                back_periods[found.end + back_after.start("phrase")] = period
                why.append("a year counted back from the figure before it")
            elif not in_clause and start in whole_years:
                period, explicit = str(whole_years[start]), False
                why.append("a part ('of them') of a count of its year, said in the clause before")
            elif len(set(in_clause)) == 1:
                period, explicit = str(in_clause[0]), True
            elif (at_year := _YEAR_BEFORE.search(dated[:start])) and (
                not at_year.group("bracket") or re.match(r"\s*(?:%|procent\b|per ?cent\b|percent\b)?\s*\)", after, re.I)
            ):
                # "sinds 2020 (77 procent)", "the 2020 peak of 77 per cent": the year the figure is said beside
                period, explicit = at_year.group(1), False
                why.append("a figure said beside its year")
            elif (
                relative is not None
                and self.report_year is not None
                and (
                    (kind == "cell" and _LAST_YEAR_COLUMN.search(clause))
                    # (or a tile's line under this year's figure: "Netherlands: 29% last year · -18 percentage points")
                    or (
                        kind == "item"
                        and re.match(r"\s*(?:%|procent\b|per ?cent\b|percent\b)?\s*(?:last year|vorig jaar)\b", after, re.I)
                    )
                )
            ):
                # a cell of the report's own table read as text, under its "% last year" column ("29%
                # Netherlands (% last year)"): the year before the report's, whatever the page's date
                period, explicit = str(self.report_year - 1), False
                why.append("a table's '% last year' column: the year before the report's")
            elif relative is not None:
                date = self.document.date or self.document.edited
                period, explicit = (str(date.year - relative) if date else None), False
                from_date = self.document.date is not None
                if date is None and self.voice != Voice.OWN:
                    # (another voice is registered under the year it was published: "Last year the IWF
                    # traced 12,703 webpages ..." in an undated post, counted from it, proposed)
                    period = str(year - relative)
                why.append(
                    "a year relative to "
                    + (
                        "the date of writing"
                        if self.document.date
                        else "the date the page was last changed"
                        if date
                        else REGISTERED_YEAR_WORDS + " (the text gives no date)"
                        if period is not None
                        else "a date the text does not give"
                    )
                )
            elif indicator == COUNT_INDICATOR and start in went_from:
                # the count it went from: the year before the one it became ("from 12,703 ... to 20,972")
                base = previous_period or (str(self.last_year) if self.last_year else None)
                period, explicit = (str(int(base) - 1) if base else None), False
                why.append("the count a figure changed from: the year before, by reference")
                changed_from = True
            elif (
                indicator == COUNT_INDICATOR
                and previous_period is not None
                and re.search(r"\d\s*(?:%|procent|per ?cent|percent)\s*\(\s*$", sentence[:start])
            ):
                # "the Dutch share was 37% (20,972 URLs)": the count in brackets after a share is of
                # the share's year, by the same words
                period, explicit = previous_period, False
                why.append("a count in brackets after its share: the share's year")
            elif back is not None:
                base = previous_period or (str(self.last_year) if self.last_year else None)
                # (the same phrase said of two figures counts back once: "compared with 36% the year before,
                # when 27,970 ... were found": both are the year before the 47% of the sentence's start)
                counted_back = back_periods.get(back_at) if back_at is not None else None
                period = counted_back or (str(int(base) - back) if base else None)
                explicit = False
                if back_at is not None and period is not None:
                    back_periods[back_at] = period
                why.append("a year counted back from the figure before it")
            elif indicator == COUNT_INDICATOR and last_count is not None and sentence[last_count[0] : found.start].strip() == "(":
                period, explicit = last_count[1], False
            elif (
                self.report_year is not None
                # (or a definition list's pair: "1. Netherlands | 83,037 reports · 29% of all reports we actioned")
                and kind in ("item", "cell")
                and sentence_nl
                and previous_period is None
                and (years == [] or not in_clause)
                and (self.last_year is None or self.last_year == self.report_year or years)
            ):
                # a key figure of IWF's own annual report (a tile or a list's item: "102,676 / URLs we actioned
                # were hosted in the Netherlands" on the 2021 report's page): the report's year (issue 22,
                # part 2); its prose says its years, or waits
                period, explicit = str(self.report_year), True
            elif (
                previous_period is None
                and (anaphora := ANAPHORIC_PERIOD.search(sentence, lo, start))
                and (referred := referred_year(sentence, anaphora, last_named=self.last_named, previous_year=self.last_year))
            ):
                # "Dat is 33 procent, iets meer dan in 2022. Toen was het aandeel 32 procent": "toen" is the
                # year named last (a comparison's base too), as the "ten opzichte van 2020. Toen ..."
                period, explicit = str(referred), False
                why.append(f"its period given by reference: {anaphora.group(0)!r} read as {referred}")
            else:
                # (the years of comparisons' bases are no year of its: "Of those, 27,970 were traced to
                # servers in the Netherlands - 36 per cent, slightly down on 37 per cent in 2016")
                base_year = self.last_year if not set(years) - base_years else None
                if base_year is not None and self.opens_block and self.lead_year is not None and not years:
                    # a new paragraph without a year after a digression ("In 2021 was dat nog 41 procent.
                    # ...¶ Van de 255.571 webpagina's ... stonden er 82.605 op Nederlandse servers"): the
                    # year the text is about, its first figure said with its year's
                    base_year = self.lead_year
                if self.main_year is not None and not years and _NOW.search(sentence[lo:start]):
                    # "In aantallen gaat het nu om ruim drieëndertigduizend webpagina's" after a digression
                    # into 2020: "nu" is the year the text is about (its first figure's)
                    base_year = self.main_year
                period = previous_period or (str(base_year) if base_year else None)
                explicit = False
                why.append("no year of its own in its clause")
                if period is None:  # a proposal only: IWF reports a year the next spring
                    written = self.document.date.year if self.document.date else year
                    period = str(written - 1)
                    why.append(
                        f"proposed as the year before {'the date of writing' if self.document.date else REGISTERED_YEAR_WORDS}"
                        " (IWF publishes a year's figures the next spring)"
                    )
            if (
                period is not None
                and period == previous_period
                and re.search(
                    # ("fell to 41% in 2021, from 77% the year before")
                    r"\b(?:to|naar|tot)\s+[\d.,]+\s*(?:%|per ?cent|procent)?(?:\s+in\s+(?:19|20)\d\d)?\s*,?\s*(?:from|van)\s+(?:\w+\s+)?$",
                    sentence[:start],
                    re.I,
                )
            ):
                # "Its share fell to 29%, from 33% last year": what it fell from is the year before the
                # figure it became, whatever "last year" counts from
                period, explicit = str(int(period) - 1), False
                why.append("the figure a change went from: the year before the one it became")
            if sentence[lo:hi].lstrip().startswith(";") and not _NETHERLANDS.search(clause) and not _URL_IN.search(clause):
                # "In 2019 the Netherlands hosted 71% of the URLs we confirmed; in 2018, 47%.": the clause
                # after the semicolon gives a year and a number, its measure and country only by ellipsis
                why.append("an elliptical clause: its measure and country are the clause before's")
            if re.search(r"\d[^()]{0,120}\(\s*$", sentence[:start]) and re.match(
                r"\s*(?:%|procent\b|per ?cent\b|percent\b)?\s*in\s+(?:19|20)\d\d\s*\)", after, re.I
            ):
                # "71% of all the URLs we confirmed (47% in 2018)": another year's figure beside the figure, compared
                why.append("a figure of another year in brackets beside the figure: a comparison")
            # (or its share in brackets right after the base's count: "down from 117,544 (77%) in 2020")
            before_base = re.sub(r"\d[\d.,]*\s*\(\s*$", "", sentence[:start])
            if (
                found not in shares
                and not changed_from
                and (
                    _COMPARED_FROM.search(sentence[:start])
                    or (before_base != sentence[:start] and _COMPARED_FROM.search(before_base))
                )
            ):
                # "32% ..., down from 41% in 2021", "That compares with 33% in 2023": the base of a
                # comparison, said to measure the change by; issue 22 (part 2): comparisons wait
                why.append("the base of a comparison")
            if "it speaks of part of a year" in doubtful:
                period = None  # a part of a year is no year's figure
            if indicator == COUNT_INDICATOR:
                last_count = (found.end if start not in broken else broken[start].end(), period)
            if not changed_from:  # the figure it became keeps the period the text is at
                previous_period = period
            if (
                period is not None
                and not (explicit and int(period) in base_years)
                and "a year counted back from the figure before it" not in why
            ):
                spoken_period = period  # (not a comparison's base: "47% ... up from 36% in 2017", "een jaar eerder 32")
                if self.main_year is None:
                    self.main_year = int(period)
                if self.lead_year is None and (explicit or from_date):
                    self.lead_year = int(period)  # (said with its year, or relative to the date of writing)
            # "nearly one in ten", "more than 20,000": loaded as written (approx, lower_bound); an
            # upper bound or a range is no figure to load by itself
            reasons = (
                why + doubtful + ([] if found.qualifier in ("exact", "approx", "lower_bound") else [f"written {found.qualifier}"])
            )
            fig = figure(
                indicator,
                float(value),
                printed,
                period,
                year,
                location,
                quote=sentence,
                text_part="headline" if kind in ("title", "heading") else "body",
                qualifier=found.qualifier if start not in broken else "exact",
                upper_bound=found.upper_bound,
            )
            grouped = point_grouped(printed) if self.lang == "en" else None
            if indicator == COUNT_INDICATOR and (value != int(value) or grouped):
                # a count is a whole number: "102.676 URLs" (or "over 307.000") in an English text is
                # written the Dutch way (never loaded as 102.676; a person confirms the reading)
                if grouped:
                    digits, value = grouped
                    fig["value"] = value
                    reasons.append(f"digits grouped with points in an English text ({digits!r}): read as {value:,.0f}")
                else:
                    reasons.append("a count that is not a whole number")
            if in_words and not reasons:
                # "more than a third of everything we found": IWF states its shares in digits; words round one
                reasons.append("a share in words: the rounded statement of a share published in digits")
            if indicator == COUNT_INDICATOR and fig["qualifier"] != "exact":
                # "almost 28,000 URLs", "some 117,544": IWF publishes its counts exactly; a rounded one is
                # a paraphrase of a figure published elsewhere (which exact figure is meant must be read)
                reasons.append(f"a rounded count ({fig['qualifier']}): IWF publishes its counts exactly")
            # (a key fact's list item of the year the document reports is the document's own, like an annual
            # report's tile; "In 2018 the Netherlands hosted 47%" in a 2019 briefing's list waits)
            if unnamed and not (
                (self.report_year is not None and period == str(self.report_year))
                or (kind == "item" and period == str(year))
                # (prose beside IWF's own table restates its rows, checked against them: the table's year;
                # "In 2023, the Netherlands accounted for 33% of reports" beside the 2024 table waits)
                or (not self.needs_organisation and period == str(year))
            ):
                reasons.append("its sentence does not name IWF or say 'we'")
            if in_words and period is not None and int(period) != year:
                # "Back in 2018, nearly half of the webpages we found ...": a share in words of a year
                # the page does not report is a paraphrase of a figure published elsewhere
                reasons.append("a share in words of another year than the page's")
            if other_org is not None:
                reasons.append(f"a figure of another organisation ({other_org.group(0)}), not IWF's")
            by_back.append("a year counted back from the figure before it" in why)
            if indicator == COUNT_INDICATOR:
                self.counts_read += 1
            else:
                self.shares_read += 1
            if explicit and not reasons and period is not None and int(period) <= year:
                self.figures.append(fig)
            else:
                self.candidates.append(
                    Candidate(
                        sentence,
                        printed,
                        float(value),
                        "; ".join(reasons) or "its year is after the edition's",
                        indicator if other_org is None else None,
                        "total",
                        period,
                        str(fig["qualifier"]),
                        location,
                    ).as_dict()
                )
        if found_all:  # (a sentence without a number, "Dat blijkt uit het jaarrapport.", keeps what was counted)
            self.counted_before = self.counts_read > counts_before
            self.shared_before = self.shares_read > shares_before
        spoken = _spoken_of(dated)
        if spoken:
            self.last_year = spoken[0] if len(spoken) == 1 or not previous_period else int(previous_period)
        elif spoken_period and not (by_back and all(by_back)):
            # what "That amounts to 48,900 web pages" in the next sentence is of (not a digression's
            # year: after "Een jaar eerder was dat nog 77 procent", "Het gaat om ruim 102.000
            # webpagina's" is of the year the text is about)
            self.last_year = int(spoken_period)
