"""Held-out publications (tests/fixtures/unseen/<source>-<n>/, README there; <source> is the
registry source whose parser reads them): texts in the publisher's and the press's styles,
written by someone who had not seen the parser, each with
what must load, what must wait in review with which proposed reading, and what must never load.

Two promises of the reading policy (issue 22):
- never a wrong number: nothing loads that the document's expectations do not list (checked
  on every document);
- the review path is the second door: for at least 85% of the documents every figure either
  loads exactly or waits in review with the right indicator and period proposed (Outcome.answered;
  Outcome.right, stricter, also wants the expected loads loaded). NOT met on texts nobody had
  seen (first readings below: 15-65% right); checked here as a floor against regressions
  (RIGHT_AT_LEAST).
The corpora: offlimits/ (39 texts, read 6 right and 3 wrong by the parser before issue 22),
offlimits-2/ (25, first read 9 right, 5 with a wrong load), offlimits-3/ (30, 16 of them real
published texts; first read 12 right, 3 with a wrong load, one of which, "URL's verwerkt", was
a reading the writer flagged and changed to the catalog's definition), offlimits-4/ (18, 7 of
them real; read once before any change made for it: 10 right, 1 with a wrong load, "28% more
than the year before" read as the year before; that one class fixed, nothing else tuned to it),
offlimits-5/ (28, 14 of them real; read once before any change made for it: 11 right, 3 with a
wrong load: "61.309 daarvan" taking measure and period from the sentence before, a total "sinds
de oprichting in 1996" read as 1996's, a tile whose footnote says it counts half a year; those
three classes and the table with years down its first column fixed since), offlimits-6/ (28,
11 of them real; written after that work and read once before any change made for it: 13 right,
1 with two wrong loads: the base of a share written in words, "Van de 4.205 afbeeldingen ...
toonde bijna een kwart jongens", and "een op de drie" of 2024 taken for the sentence's share
of 2025; shares in words are now read like any percentage), comensha_web-1/ (15, 7 real; first
read 5 right, 2 with a wrong load: a reporters' table whose rows fall short of its stated total
loaded, and CoMensha's own "214 minderjarigen" loaded as comensha.minor_victims, which the
writer wanted in review only: the catalog defines that indicator as CoMensha's own count, so
that expectation was amended, with a comment, and the table check fixed), iwf-1/ (11, 5 real;
first read 3 right, none wrong: prose pages and new layouts refused, never read wrong),
offlimits-7/ (25, 12 real; written after all of the above and read once before any change made
for it: 9 right, 4 with a wrong load: a figure the text itself corrects ("eerder meldden wij
abusievelijk ..."), another service named by its web address, "twee keer zoveel URL's" read as
2 URLs and a share taking the year of a comparison base, the year so far read as the year;
those classes fixed since, and 14 right, none wrong), comensha_web-2/ (15, 7 real; first read 5
right, none wrong; 13 right after its classes: a form's count beside its share, a table with an
unknown row that adds up to its stated total, total rows, English pages, other voices' numbers
proposed, a refused page's candidates kept), iwf-2/ (11, 5 real; first read 3 right, none wrong;
6 right after IWF's prose reader and the new table layouts), iwf-3/ (15, 5 real; written after
all of the above and read once before any change: 5 right, none wrong; "nearly one in ten" read
as a count of URLs was caught only by the stated-twice refusal), offlimits-8/ (25, 12 real;
read once before any change: 11 right, 3 with a wrong load: a key-figure tile's small
"2032: ..." line lending its year to the next tile, a figure the next sentence calls wrong
("Dat aantal is onjuist"), "het afgelopen jaar" in a September item read as the calendar year;
those classes fixed since, with tiles' previous-year lines, bylines, subtitles, a table's
"what we count" column and "steeg naar": 18 right, none wrong), offlimits-9/ (20, 8 real, an
ordinary year's run of publications, written after all of the above; read once before any
change: 6 right, 2 with a wrong load: a semicolon's "daarvan" given the clause before's period,
a news paragraph without a year given its title's; 7 right after those and cards with a heading
label, a share or change the sentence before names and "van ... naar", agency bylines and "toen" after a year in the same sentence, a bracketed percentage restating a share in words, a number's own year beside "in dat jaar", "Of these," durations and early "klachten" proposed as reports: 16, none wrong), offlimits-10/ (15, all synthetic, an ordinary year's run, written after all of
the above; read once before any change: 4 right, 1 with wrong loads: a lead's dateline
"Amsterdam, 22 mei 2041 –" left in the sentence when the page's metadata dated it, so "vorig
jaar 903.265 URL's" was read as 2041's; fixed (a date's year is no period): 5 right, none
wrong), offlimits-11/ (20, synthetic, written after all of the above; read once before any
change: 7 right, 4 with wrong loads, the classes named at RIGHT_AT_LEAST below; 10 right, none
wrong), offlimits-12/ (20, synthetic, new layouts: a key-figure table with this year first, a
FAQ, cards, a social thread, a PDF text over a page break; read once before any change: 7
right, none wrong, one refused only because a line-broken "3,1 pro- cent" was read as a count
of reports beside the real one; that and "steeg met 12.000" as a count fixed since), iwf-4/
(15, synthetic; read once before any change: 6 right, none wrong) and offlimits-13/ (20,
synthetic, adversarial: the hotline's own pages full of decoy numbers beside its figures; read
once before any change: 8 right, 4 with wrong loads: a target "Ons doel voor 2050: 98%", a
forecast "We verwachten dit jaar tussen de 250.000 en 270.000 AI-beelden" and its range, a PDF's
key figures in columns whose "Verschil" column was read as the counts; fixed since, with signed
counts as differences and a table's "waarvan" row that is no breakdown as a part: 10 right, none
wrong), comensha_web-3/ (15, synthetic, adversarial; read once before any change: 3 right, 1 with
a wrong load, "In the same year, CoMensha received 1,489 registrations" loaded under the year
before it, and four refused only because a decoy was read as a second value: "één slachtoffer"
as 1 victim, "Sinds 2031 ... 4.000 slachtoffers" as the year's; 4 right since, none wrong) and
offlimits-14/ (20, synthetic, adversarial, English and Dutch; read once before any change: 7
right, none wrong, one refused only because "via de 31 partners" was read as a report count,
fixed since). offlimits-15/ (20, 5 real, an ordinary year's run in Dutch and English, written after all of the
above; read once before any change: 8 right, 2 with a wrong load: "an increase of 4.7% on the
year before" loaded as the year before's change, and "(62 procent) was in 2055" read as a
comparison base, "as in" inside "was in", so the share took the sentence before's 2054; both
fixed), offlimits-16/ (20, 3 real, an ordinary year's run, written after all of the above
and read once before any change: 4 right, none wrong). Written on 7 December 2026 after all of
that, each read once before any change made for it: offlimits-17/ (13, all real, 2019-2025, most
of them with no hotline figure: 13 right, none wrong), offlimits-18/ (12, 9 real, 2005-2018: 9
right, none wrong), iwf-5/ (10, all real: 6 right, none wrong), comensha_web-4/ (10, all real: 5
right, none wrong), iwf-6/ (15, synthetic with the real figures of 2015-2025: 4 right, none
wrong), offlimits-19/ (20, synthetic with real figures 2013-2024: 7 right, 1 wrong: a title's
"bijna 155.000 URL's" loaded while the body's exact 154.897 waited), iwf-7/ (15: 5 right, 1
wrong: "Back in 2018, nearly half" in a 2023 blog loaded as 2018's share) and offlimits-20/ (20,
press-heavy: 7 right, none wrong); both wrong classes fixed. Written after all of that work
and read once before any change made for it: offlimits-21/ (16, an ordinary analyst's year:
8 right, 10 by issue 22's measure, none wrong) and iwf-8/ (12, with IWF's real 2024 country
table: 7 right, none wrong; the real table was refused as cut short because a sentence's
"(181,112 of 291,273)" was read as its total, fixed). Written on 7 December 2026 (a third
session) after the CoMensha reader's proposals by reference, and read once before any change
made for them: comensha_web-5/ (16, 5 real: 3 right, 3 by issue 22's measure, 3 wrong: a
page's "aanmeldingen van de politie ... van 490 in 2020 naar 310 in 2021" loaded as the total
registrations, and "41%" said of two forms loaded for both), offlimits-22/ (17, synthetic with
real figures: 4 right, 6 by the issue's measure, 1 wrong: "ruim 300.000" loaded as 2019's
reports) and iwf-9/ (12, synthetic: 4 right, 6 by the issue's measure, none wrong); then,
after the fixes those showed: iwf-10/ (12: 5 right, 7 by the measure, none wrong), offlimits-23/
(17, an ordinary year of report pages and press: 12 right, 13 by the measure, none wrong) and
comensha_web-6/ (16, 3 real: 4 right, 4 by the measure, 2 wrong: "De Nederlandse Arbeidsinspectie
deed 71 aanmeldingen" and "Registrations ... by the National Police fell ..., from 490" loaded
as totals, "Zij komt voor 2024 uit op 944 slachtoffers" after the Rapporteur as CoMensha's; its
writer saw one parser commit message after finishing, said so in its README); offlimits-24/ (17:
8 right, 11 by the measure, none wrong; but its own half-year page was refused as "stated
twice" for the police's 36,000 read as the hotline's ("they counted 36,000 reports"), and with
that fixed its "Between January and June 2022 ... 8,100 reports" loaded as the year's: both
fixed, with a test); comensha_web-7/ (15: 2 right, 2 by the measure, 2 wrong: English
reporters as subjects ("Care coordinators ... registered 301 victims with us") read as all victims,
a compared number ("compared with 233 in 2023") given the heading's topic, and "37% minder
aanmeldingen door de politie" read as the police's share: fixed) and iwf-11/ (12: 4 right, 4 by
the measure, none wrong); then comensha_web-8/ (13: 2 right, 2 wrong: "Die deed 310 aanmeldingen"
after the police loaded as all registrations, fixed; and a summary page's "the second largest
source with 312 registrations (29.9%)" loaded under the edition's year where its writer wanted
review: the expectation amended, issue 22 lets an own report give its key figures the report's
year), iwf-12/ (12: 5 right, 6 by the measure, none wrong) and offlimits-25/ (15: 5 right, 8 by
the measure, none wrong; its own Q&A page refused as "stated twice" for "in één melding" read as
one report: fixed); comensha_web-9/ (12: 3 right, 2 wrong: "1437 ... aangemeld (2012: 1711;
2011: 1222)" loaded as 2011's and a news item's "Het jaar 2014 springt eruit met 1561 aanmeldingen",
naming neither CoMensha nor "wij", loaded as its registrations: fixed), offlimits-26/ (14: 7 right,
10 by the measure, none wrong) and iwf-13/ (10: 1 right, 4 by the measure, none wrong); on
7 December's fourth session, after IWF counts by "daarvan"/"of them", transcripts' head dates and
rounded numbers taking the period of the figure they round: offlimits-27/ (16, 10 real: 12 right,
14 by the measure, none wrong), iwf-14/ (14, 11 real: 11 right, 12 by the measure, none wrong) and
offlimits-28/ (16, own voice across three eras, 3 real: 6 right, 10 by the measure, 1 wrong: "13
procent" in a Helpwanted paragraph loaded as reports); then, written after the fixes those
showed, offlimits-29/ (15 press texts 2011-2025: 8 right, 8 by the measure, none wrong) and
iwf-15/ (14, IWF's own voice across its report eras: 6 right, 8 by the measure, 2 wrong: a
chart's "rest of the world" count of 2019 loaded as the Netherlands', and "in 2018, 47%" after a
semicolon loaded where its writer wanted review), and offlimits-30/ (15, the hotline's own voice
in other formats than news: PDF text, Q&A, alt texts, threads, carousels: 4 right, 11 by the
measure, none wrong); offlimits-32/ (15 English texts 2013-2025, own pages, press, a paper, a
question to the Commission: 5 right, 6 by the measure, none wrong), offlimits-31/ (15, an ordinary
year's run in 2013, 2020 and 2025: 11 right, 14 by the measure, none wrong) and iwf-16/ (14, mostly
press and other voices: 5 right, 5 by the measure, none wrong); iwf-17/ (14, IWF's own report
pages and news and the English press, written after the fixes those showed: 11 right, 13 by the
measure, none wrong); offlimits-33/ (15, Dutch texts on 2010-2017: 11 right, 11 by the measure) and
offlimits-34/ (15, 2018-2025, own voice and press: 5 right, 12 by the measure), none wrong;
iwf-18/ (14, Dutch-language press, transcripts and letters on IWF's figures: 4 right, 5 by the
measure, none wrong); then offlimits-35/ (15, hard cases: several organisations, decades, captions,
corrections: 5 right, 9 by the measure, none wrong) and offlimits-36/ (15, the hotline's own voice
as PDF text, subtitles, threads, captions: 0 right, 5 by the measure, 3 with wrong loads); on
7 December's fifth session, after IWF's transcripts, bracketed counts and two-column PDF text:
iwf-19/ (15, IWF's pages across its eras, English and Dutch press: 4 right, 6 by the measure, 1
wrong: a key-figures page's "down from 77% in 2020" loaded as 2020's share) and offlimits-38/ (15,
ordinary own-voice texts 2012-2025: 5 right, 13 by the measure, 1 wrong: "A year earlier, we
processed 255,563 reports" loaded as 2023's where its writer wanted review), and offlimits-37/
(15, ordinary Dutch press 2011-2025, 1 real: 11 right, 13 by the measure, none wrong); then, after
the fixes those showed: offlimits-39/ (15, English own pages, press and other voices: 8 right, 10 by
the measure), offlimits-40/ (15, a year's run in 2019, 2022 and 2025, 1 real: 9 right, 11 by the
measure) and iwf-20/ (15, English and Dutch press, 2 real: 10 right, 11 by the measure), none wrong.
After the fixes those showed: offlimits-41/ (15, one text per year 2010-2024 in fifteen formats:
12 right, 15 by the measure, none wrong) and iwf-21/ (15, IWF's report eras, posts, a transcript,
Belgian and English press, 1 real: 5 right, 9 by the measure, 2 wrong: IWF's own "down from 41% in
2021" loaded where its writer wanted review, as iwf-18's and iwf-19's writers did; comparisons' bases
now wait, issue 22 part 2, and iwf-19/07 and /14 are back as their writer wrote them); then
offlimits-42/ (15, the hotline's own voice in its report sites, PDF text in one and two columns,
news, e-mail, 2 real: 7 right, 14 by the measure, none wrong); after those fixes, offlimits-44/ (15,
own voice 2011-2025 in Dutch and English: 7 right, 12 by the measure, none wrong), offlimits-43/ (15,
press in Dutch and English, 2 real: 13 right, 13 by the measure) and iwf-22/ (15, IWF's pages and the
English and Dutch press, 1 real: 8 right, 8 by the measure), none wrong; after those fixes, iwf-23/
(15, Dutch and Flemish voices on IWF's figures, 1 real: 7 right, 7 by the measure, none wrong);
offlimits-45/ (15, Dutch press 2014-2025: 13 right, 13 by the measure, none wrong) and offlimits-46/
(15, what an analyst collects for 2022-2024, 1 real: 7 right, 9 by the measure, 1 wrong: INHOPE's
"member in focus" page on Offlimits loaded as the hotline's own); then iwf-24/ (15, IWF's own English
pages and the English press, 1 real: 6 right, 9 by the measure, 1 wrong: "In 2024, 83,037 reports
(29%) were traced to Dutch servers" on IWF's own page loaded, a clause naming no organisation);
offlimits-47/ (15, own voice and press 2015-2024, 1 real: 10 right, 14 by the measure) and
offlimits-48/ (15, other voices citing the hotline, 1 real: 11 right, 11 by the measure), none wrong;
then offlimits-50/ (15, press and other voices 2012-2025: 15 right, none wrong), offlimits-49/ (15,
own voice 2010-2024: 6 right, 14 by the measure, none wrong) and iwf-25/ (15, Dutch and English press
on IWF 2016-2025: 11 right, 11 by the measure, none wrong); after those fixes, offlimits-51/ (12, own
voice and press 2012-2024: 9 right, 12 by the measure, none wrong) and iwf-26/ (12, IWF's pages and
Dutch and English other voices: 7 right, 8 by the measure, none wrong) and offlimits-52/ (12, PDF
text, transcripts, subtitles, posts, e-mail, letters: 4 right, 9 by the measure, none wrong); last,
iwf-28/ (10, English other voices on IWF: 9 right, 9 by the measure, none wrong) and iwf-27/ (10, Dutch
other voices on IWF: 7 right, 7 by the measure, none wrong). On 7 December's sixth session (the six writers each ran one forbidden `git log` at the start and
saw five commit subjects; they say so in their READMEs): iwf-30/ (12, English press 2015-2026: 8
right, 8 by the measure), then, read on the code changed for iwf-30, iwf-33/ (12, other voices:
wiki, thesis, podcast, posts, fact-check, FAQ, newsletter: 4, 4), iwf-31/ (12, government letters,
answers, research, EU and UK parliaments, NGOs, 2 real: 4, 4), iwf-29/ (12, Dutch press 2015-2026:
8, 8), iwf-32/ (12, IWF's own voice 2015-2025, 2 real: 6 right, 8 by the measure, 1 wrong) and
offlimits-53/ (12, own voice and press 2013-2024, 1 real: 5 right, 9 by the measure), none other
wrong. After the fixes those showed (writers told first not to run git log, and none did):
iwf-34/ (12, Dutch and Flemish other voices 2016-2026: 6 right, 6 by the measure), iwf-35/ (12,
English other voices 2017-2026, 1 real: 9, 9), offlimits-54/ (12, own voice 2011-2025: 3 right, 10
by the measure) and offlimits-55/ (12, other voices 2011-2025: 7, 7), none wrong. Then iwf-36/ (12, IWF's own
voice and the press 2017-2026: 5 right, 6 by the measure), iwf-37/ (12, Dutch other voices: 9, 9),
offlimits-56/ (12, English own voice and press: 6 right, 8 by the measure) and offlimits-57/ (12,
Dutch own voice and press, 1 real: 9 right, 10 by the measure), none wrong. After the fixes those
showed: iwf-38/ (12, English other voices 2017-2026: 11 right, 11 by the measure), iwf-39/ (12,
Dutch and Flemish other voices: 6, 6), iwf-40/ (12, IWF's own voice and other voices: 7, 7), none
wrong, and offlimits-58/ (12, own voice and other voices 2011-2025: 7 right, 10 by the measure, 1
wrong: a tile "220.000+" over its label and "2017: 154.897" read as one item, 220,000 loaded as
2017's; fixed with a test). Then iwf-41/ (12, Dutch other voices 2017-2026: 9 right,
9 by the measure), iwf-42/ (12, English other voices: 7, 7), offlimits-59/ (12, other voices
2012-2025: 9, 9) and offlimits-60/ (12, own voice 2012-2024: 3 right, 7 by the measure), none
wrong. Then iwf-43/ (12, Dutch and English day-of-publication press: 12 right, 12 by the measure),
iwf-44/ (12, IWF's own voice 2015-2025: 5 right, 8 by the measure), offlimits-61/ (12, six days of
the hotline's news and that day's press: 9 right, 11 by the measure), none wrong, and offlimits-62/
(12, the hotline's annual-report pages: 5 right, 9 by the measure, 1 wrong: "25,347 reports from
the Netherlands and abroad" loaded as from the Netherlands, and "In 2015 the website received 43
reports" after a sentence naming Meldkindersekstoerisme.nl as the hotline's; both fixed with a test). Last,
iwf-45/ (12, IWF's own voice and Dutch and English other voices: 10 right, 11 by the measure, 1
wrong: "In 2023, the Netherlands accounted for 33% of reports" beside IWF's own 2024 table loaded,
a clause naming neither IWF nor "we" of another year than the table's; fixed with a test), iwf-46/
(12, other voices in varied formats: 7, 7), offlimits-63/ (12, own voice and other voices: 7 right,
9 by the measure) and offlimits-64/ (12, own voice and other voices: 5 right, 7 by the measure),
none other wrong.
On 7 December's seventh session six more, each read once before any change made for it (the
commits that follow say "What <corpus> showed" with the first reading): offlimits-65/ (12, the
hotline's own voice 2012-2024: 4 right, 9 by the measure), iwf-49/ (12, English other voices: 9,
9), offlimits-67/ (12, English own pages, INHOPE and international press: 8, 11), iwf-47/ (12,
IWF's own voice 2016-2025: 8, 10), iwf-48/ (12, Dutch other voices: 11, 11) and offlimits-66/
(12, Dutch press and government: 9, 9): 59 of 72 by the measure (82%), none wrong. After the fixes
those showed: iwf-50/ (12, IWF's own voice in its newest formats, 2 real: 8 right, 10 by the
measure), iwf-51/ (12, Dutch and Flemish other voices: 10, 10), iwf-52/ (12, English own voice old
and new and other voices: 11, 12), offlimits-68/ (12, own voice in its newest formats: 7, 10),
offlimits-69/ (12, Dutch press, a fact-check, a debate report: 10, 10) and offlimits-70/ (12, own
voice of the EOKM era and before: 9, 10): 62 of 72 (86%), none wrong. After the fixes those
showed: offlimits-73/ (12, English own and other voices: 8 right, 11 by the measure, 1 wrong: "A
year earlier the number of URLs had still grown by 45 percent" two sentences after the year it
counts from loaded as 2018's change in URLs, a wrong load that this session's own "had grown by"
made possible; fixed with a test), iwf-53/ (12, IWF's own voice 2017-2023: 7, 9, 2 wrong: "65% of
it was hosted in Europe, and ... the Netherlands" loaded 65 as the Netherlands'; "almost 28,000
URLs" and a look back "Three years earlier ...: in 2020, 77%" loaded where the writers, nearly all,
want IWF's rounded words and look backs to wait; fixed with tests), iwf-54/ (12, Dutch other
voices: 9, 9), iwf-55/ (12, English other voices: 11, 11), offlimits-71/ (12, own voice in Dutch: 8,
10, 1 wrong: "Ten opzichte van het jaar daarvoor (413.262 meldingen)" loaded as 2021's, through
this session's own reading of a bracket after "het jaar ervoor"; fixed with a test) and
offlimits-72/ (12, Dutch press and government: 10, 10): 60 of 72 (83%), four with a wrong load.
On 7 December's eighth session eighteen more, each read once before any change made for it
(the brief was rewritten for it; its first version gave IWF's convention for a comparison's
base, "up from 41% in 2021" waits, to both publishers, which offlimits-77's writer followed):
iwf-57/ (12, Dutch other voices: 5 right, 5 by the measure: "herleid tot" was not read as
"herleid naar"), offlimits-74/ (12, own annual-report sites and PDFs: 7, 10), offlimits-76/ (12,
own news in three eras: 6, 11), iwf-56/ (12, IWF's own voice 2016-2026, 2 real: 8, 11), iwf-58/
(12, English, less common formats, 2 real: 8, 10, 1 wrong: a look back "in 2016, ..., 37%" read
with the sentence before's "we traced" across a note's mark "[3]") and offlimits-75/ (12, Dutch
press, 1 real: 10, 10): 57 of 72 (79%). After the fixes those showed: iwf-59/ (12, English press:
11, 11), iwf-61/ (12, Dutch other voices, 1 real: 10, 10), iwf-60/ (12, IWF's newest era, 2 real:
4, 9), offlimits-79/ (12, own voice in other formats: 6, 9, 1 wrong: "236.743 meldingen kwamen uit
Nederland" after a look back "In 2020 waren dat er 307.021" loaded as 2020's), offlimits-77/ (12,
English own voice: 4, 6, 3 wrong: "12,542 reports and in 2010 there were" loaded as 2010's, and
two comparison bases with their own year that its writer, following the brief's first version,
wanted in review; those two expectations amended to the Offlimits convention, with a comment)
and offlimits-78/ (12, Dutch other voices, 1 real: 10, 10): 55 of 72 (76%). iwf-60/10, a cut copy
of IWF's real 2025 staging page, amended to be refused as cut (the project's rule, iwf-1/07).
After the fixes those showed: iwf-64/ (12, English other voices, 1 real: 12, 12), offlimits-81/
(12, ANP copy 2011-2025: 12, 12), iwf-62/ (12, IWF's own voice 2014-2025: 3, 9, 1 wrong: Europe's
"(86% in 2013)" beside "the Dutch hotline" loaded as the Netherlands' share), offlimits-82/ (12,
own and other voices 2020-2025: 10, 10), iwf-63/ (12, Dutch press: 9, 9) and offlimits-80/ (12,
own news 2014-2025: 6, 9): 61 of 72 (85%).
After the fixes those showed: iwf-67/ (12, IWF's own news beside the day's press: 10 right, 11
by the measure), iwf-65/ (12, IWF's report hosting sections across its eras, 1 real: 6, 8),
offlimits-83/ (12, own annual-report sites 2019-2024: 7, 10, 1 wrong: a tile "ca. 300.000" split
after "ca." loaded as an exact 300,000), iwf-66/ (12, Dutch and Flemish other voices: 11, 11),
offlimits-84/ (12, press on the years of change, 2 real: 8, 10) and offlimits-85/ (12, own voice
beside news 2008-2025: 3, 8, 1 wrong: "een paar honderd meldingen" loaded as 100): 58 of 72
(81%). Last, after the fixes those showed: offlimits-87/ (12, English other voices, 2 real: 7, 7),
iwf-70/ (12, English research and policy formats: 5, 5), offlimits-86/ (12, own voice 2005-2014: 3,
9, 1 wrong: "The year before, the Hotline received 19,872 reports." loaded after a stated year),
offlimits-88/ (12, own voice and press in turn: 10, 12), iwf-68/ (12, IWF's own news 2015-2026, 1
real: 4, 9, 2 wrong: the United States' "24,881 URLs to servers in the United States" in a sentence
naming the Netherlands, and a base's share in brackets "down from 117,544 (77%) in 2020") and
iwf-69/ (12, Dutch texts with numbers as people write them: 9, 10): 52 of 72 (72%). Over the
session's 360 texts, 283 by the measure at first reading (79%), eleven with a wrong load at first
reading (two of them the brief's error above); each class fixed with a test.
On 7 December's last session (from 22:21) thirty more, 12 texts each, in five batches of six,
each corpus read once before any change made for it (changes made for earlier corpora included):
iwf-71/ (IWF's own hosting pages: 5 right, 8 by the measure), iwf-72/ (Dutch press: 9, 9),
iwf-73/ (English press: 12, 12), offlimits-89/ (regional press: 11, 11), offlimits-91/ (government
and parliament: 8, 8) and offlimits-90/ (own voice in report formats: 3, 6, 1 wrong: "The Dutch
police also saw a sharp rise in 2017: it received almost 18,000 reports" loaded as the hotline's):
54 of 72 (75%); then iwf-74/ (IWF's own news: 7, 11), iwf-75/ (institutions: 7, 7), iwf-76/ (short
and social formats: 4, 4), offlimits-92/ (own news items: 1, 10), offlimits-93/ (English other
voices: 10, 10) and offlimits-94/ (press in other formats: 7, 7): 49 of 72 (68%); then
offlimits-96/ (short news: 11, 11), iwf-78/ (English press: 11, 11), iwf-77/ (IWF's own voice
across formats: 0, 6, 1 wrong: "down to 32% from 41% in 2021" loaded the base), iwf-79/ (Dutch
other voices: 7, 7), offlimits-97/ (other organisations: 10, 10) and offlimits-95/ (own report
sites: 5, 9): 54 of 72 (75%); then, written as representative mixes of each publisher's voices,
iwf-80/ (IWF's own voice: 2, 11), iwf-82/ (English: 11, 11), offlimits-98/ (own voice: 6, 11, 1
wrong: a table cell "± 163,000" loaded as an exact count), offlimits-99/ (press: 11, 11),
offlimits-100/ (other voices: 11, 11) and iwf-81/ (Dutch: 11, 11): 66 of 72 (92%); last, iwf-83/
(IWF's own voice: 8, 11), offlimits-101/ (own voice: 3, 9, 1 wrong: "25.347 meldingen, uit
Nederland en uit het buitenland" loaded as from the Netherlands), iwf-85/ (English: 11, 11),
iwf-84/ (Dutch: 10, 10), offlimits-103/ (other voices: 7, 7) and offlimits-102/ (press: 12, 12):
60 of 72 (83%). Over the session's 360 texts, 283 by the measure at first reading (79%); over
the 144 representative texts, 126 (87.5%); four with a wrong load at first reading, each class
fixed with a test.
iwf-20's writer read iwf-19/07's amended expectation (IWF's own "down from X% in YEAR" loads) and
followed it. Texts refused as "stated twice" are scanned for the wrong reading the refusal hid
(offlimits-10/02's "the year before, when we received 172,093 reports", comensha_web-1/11's
"Aanmeldingen 2025" column and "een op de vijf aanmeldingen", offlimits-13/14's "against 61% in
2048": each fixed, with a test). Tables list every country: the
scorer compares the Netherlands' rows, which is what the expectations describe.
"""

from __future__ import annotations

import functools

import pytest

from kr_pipeline.registry import load_registry
from kr_pipeline.stages.build import parser_module

from .unseen import UNSEEN, documents, score

REGISTRY = load_registry()
# a corpus is named for the registry source whose parser reads it: offlimits-3/, comensha_web-1/
CORPORA = sorted(p.name for p in UNSEEN.iterdir() if p.is_dir())
DOCUMENTS = [doc for corpus in CORPORA for doc in documents(corpus)]


def source_of(doc):
    name = doc.parent.name.rsplit("-", 1)[0] if doc.parent.name[-1].isdigit() else doc.parent.name
    return REGISTRY[name]


# each document is read once: the floor below counts the outcomes the per-document test read
# (`run.py test --fast` keeps a module on one worker)
@functools.lru_cache(maxsize=None)
def read(doc):
    source = source_of(doc)
    return score(parser_module(source.parser).parse, doc, source.own_hosts)


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: f"{d.parent.name}/{d.name}")
def test_never_a_wrong_number(doc):
    outcome = read(doc)
    assert outcome.wrong == []


# Offlimits documents read right as the corpora stand (the 85% promise of issue 22 is NOT met on
# texts nobody had seen: the newest corpus, offlimits-11, written after all other changes, was
# read 7 of 20 right at first, four of them with wrong loads (an English "the year before" counted
# from a comparison year, a rounded "meer dan een miljoen" beside its exact figure after a colon,
# a correction notice, an annual report's title page without a separator), 10 now and none wrong;
# offlimits-12, written after that, 7 of 20 at first and none wrong; offlimits-13, adversarial, 8
# of 20 at first with 4 wrong, 10 now and none wrong; offlimits-14, adversarial, 7 of 20 at first
# and none wrong; offlimits-10 4 of 15 at first, 5 now; offlimits-9 6 of 20 at first, 16 now; over
# all Offlimits corpora 246 of 333, 74%, most of them read after changes made for them; offlimits-15,
# an ordinary year's run written after that, 8 of 20 at first with 2 wrong, 14 now; offlimits-16,
# written after the work of 6-7 December 2026, 4 of 20 at first and none wrong, 12 now; all 289 of
# 373, 77%; later on 7 December, with offlimits-17 to -21: 356 of 454, 78%, and by issue 22's own
# measure (every figure loaded or waiting with its reading: Outcome.answered) 376, 83%; on
# 7 December's third session, with offlimits-22 to -26: 409 of 534, 77%, answered 441, 83%; in the
# fourth, with offlimits-27 to -30: 450 of 596, answered 499, 84%; with offlimits-31 and -32 and
# the English press's shapes: 474 of 626, answered 529, 85%; with offlimits-33 and -34: 493 of 656,
# answered 555, 85%; with offlimits-35 and -36: 500 of 686, answered 574, 84%; in the fifth, with
# offlimits-37 and -38 and two-column PDF text: 517 of 716, answered 604, 84%; with offlimits-39
# and -40: 538 of 746, answered 632, 85%; with offlimits-41 and -42: 563 of 776, answered 664, 86%;
# with offlimits-43 and -44 and comparisons' bases waiting: 583 of 806, answered 691, 86%; with
# offlimits-45 to -50: 651 of 896, answered 773, 86%; with -51 and -52: 665 of 920, answered 795;
# on 7 December's sixth session, with offlimits-53 to -64: 756 of 1064, answered 908, 85%; in its
# seventh, with offlimits-65 to -70: 829 of 1136, answered 1000, 88%; with -71 to -73: 859 of 1172,
# answered 1035, 88%; in its eighth, with offlimits-74 to -88: 996 of 1352, answered 1207, 89%; in
# its last, with offlimits-89 to -103: 1134 of 1532, answered 1375, 90%).
# A floor
# against regressions, raised whenever the reading improves; never the promise.
RIGHT_AT_LEAST = 1120


def test_every_figure_loads_or_waits_with_its_reading():
    # over every held-out Offlimits document (each corpus was unseen when it arrived; the first
    # reading of each is in the docstring above: a corpus read after changes made for it is no
    # longer unseen); the table parsers' corpora (comensha_web-*, iwf-*) promise no wrong
    # number (above) and are counted in the first readings
    outcomes = [read(doc) for doc in DOCUMENTS if doc.parent.name.startswith("offlimits")]
    right = sum(o.right for o in outcomes)
    misses = "\n".join(f"{o.name}: {m}" for o in outcomes for m in o.missed)
    assert right >= RIGHT_AT_LEAST, f"{right} of {len(outcomes)} documents read right (was {RIGHT_AT_LEAST}); misses:\n{misses}"
    # the issue's measure is at least the strict one: a figure that waits with its reading counts
    assert sum(o.answered for o in outcomes) >= right


# IWF's corpora by issue 22's own measure (Outcome.answered), a floor like RIGHT_AT_LEAST: 132 of
# 162 at the start of 7 December's fourth session, 146 after counts named by "daarvan"/"of them"/
# "accounted for"/their share, "the country"/"there" by reference and the figure-first key list;
# with iwf-14 and iwf-15 (first read 12 of 14 and 8 of 14), 169 of 190 after chart tables with
# "2020: URLs" columns or a caption's year, differences and elliptical clauses; with iwf-16 (first
# read 5 of 14), 180 of 204 after tables in another voice read as text, "het jaar daarvoor" and
# IWF's "meldingen"; with iwf-17 (first read 13 of 14), 194 of 218; with iwf-18 (first read 5 of
# 14), 202 of 232; on 7 December's fifth session, 210 after transcripts' speakers and figure
# fragments, counts in brackets closing a share's clause, "sinds 2020 (77 procent)", "traced N
# reports to servers", "URLs had numbered N" and a count column of "URL's/meldingen"; with iwf-19
# (first read 6 of 15), 222 of 247 after the press's short bylines, report tiles taking the report's
# year, changes in percent and "fell from 29% in 2024 to 11%"; with iwf-20 (first read 11 of 15),
# 237 of 262; with iwf-21 (first read 9 of 15) and comparisons' bases waiting, 252 of 277; with
# iwf-22 (first read 8 of 15), 263 of 292; with iwf-23 to -25 (first read 7, 9 and 11 of 15), 304
# of 337; with iwf-26 (first read 8 of 12), 315 of 349; on 7 December's sixth session, with iwf-29
# to iwf-46 (first readings in the docstring), 522 of 585; in its seventh, with iwf-47 to -49,
# 580 of 621; with iwf-50 to -52, 615 of 657; with iwf-53 to -55, 654 of 693; in its eighth, with
# iwf-56 to -70, 814 of 873; in its last, with iwf-71 to -85, 996 of 1053.
IWF_ANSWERED_AT_LEAST = 985


def test_iwf_figures_load_or_wait_with_their_reading():
    outcomes = [read(doc) for doc in DOCUMENTS if doc.parent.name.startswith("iwf")]
    answered = sum(o.answered for o in outcomes)
    misses = "\n".join(f"{o.name}: {m}" for o in outcomes for m in o.missed)
    assert answered >= IWF_ANSWERED_AT_LEAST, f"{answered} of {len(outcomes)} (was {IWF_ANSWERED_AT_LEAST}); misses:\n{misses}"


def test_a_figure_expected_to_load_that_waits_with_its_reading_counts_for_the_issues_measure(tmp_path):
    """Outcome.answered (issue 22: "every figure either loaded exactly or waits in review with
    the right indicator and period") counts a figure that waits with its reading; a figure that
    waits under another year, or does not wait at all, is a miss."""
    from kr_pipeline.errors import ParseError

    doc = tmp_path / "item.html"
    doc.write_text("<p>x</p>", "utf-8")
    doc.with_suffix(".yaml").write_text(
        "url: https://www.offlimits.nl/x\nregistered_year: 2050\nload:\n"
        "  - {indicator: offlimits.reports, period: '2050', breakdown: total, value: 1000, qualifier: exact}\n",
        "utf-8",
    )

    def waiting(period):
        def parse(data, year, file, context):
            candidate = {"value": 1000.0, "indicator_id": "offlimits.reports", "period": period, "breakdown": "total"}
            raise ParseError("offlimits", year, file, "nothing loads", [candidate])

        return score(parse, doc, ())

    right_year, other_year = waiting("2050"), waiting("2049")
    assert right_year.answered and not right_year.right and right_year.waiting
    assert not other_year.answered and other_year.missed
