"""Find temporal expressions in English news text; normalise.py gives them values.

A rule grammar in the manner of HeidelTime: each rule is a regular expression for one family of
expressions, with named groups that the resolver reads. Every rule's matches are collected, then the
leftmost-longest ones win, so a rule never needs to know which others exist. Extents follow the TimeML
TIMEX3 guidelines: determiners and modifiers ("the past two months", "nearly four years ago") are
inside, prepositions ("in", "on", "since") are outside.

spaCy's DATE entities miss bare weekdays in headline-style prose and split "last week" inconsistently,
and dateparser's search is noisy (it reads "we" as Wednesday), so sitroom owns this grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.time.lexicon import MODIFIERS, MONTHS, NUMBER, NUMBER_WORDS, UNITS, WEEKDAYS

_MONTH = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_YEAR = r"(?:1[89]|20)\d{2}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORD = r"first|second|third|fourth|1st|2nd|3rd|4th"
_MOD = "|".join(sorted((re.escape(m).replace(r"\ ", r"\s+") for m in MODIFIERS), key=len, reverse=True))
_UNIT_WORDS = "|".join(sorted((u for u in UNITS if u != "fortnight"), key=len, reverse=True))
_UNIT = rf"(?:{_UNIT_WORDS}|centuries|fortnight|millennia)"
_PLURAL_UNIT = r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
_POS = r"(?:early|late|mid-?|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)"
_REL = (
    r"(?:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+previous|the\s+coming|the\s+current|"
    r"the\s+following|the\s+preceding|the\s+same|this|last|next|past|previous|coming|current)"
)
_DAY_PART = r"(?:morning|afternoon|evening|night)"
_TZ = r"(?:\s+\(?(?P<tz>[ECMP][SD]T|GMT|UTC|local\s+time)\)?)?"
_AMPM = r"(?:a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b)"
_ON_DAY = (
    rf"(?:,?\s+(?:on\s+)?(?P<dweekday>{_WEEKDAY})|\s+(?P<dword>today|yesterday|tomorrow)"
    rf"|,?\s+(?:on\s+)?(?P<dmonth>{_MONTH})\s+(?P<dday>{_DAY}))?"
)
_MONEY_BEFORE = re.compile(
    r"(\$|£|€|\d|\bcents?|\bdollars|\bpounds|\bpercent|%|\btimes|\btons?|\bbarrels|\bmillion|\bbillion|\btrillion)\s*$",
    re.I,
)

# (kind, pattern) or (kind, pattern, words): kinds name the resolver in normalise.py; words, where given, are
# those one of which every match of the rule holds (see _KIND_NEEDS), for a rule that needs more than its kind.
_RULES: tuple[tuple[str, str] | tuple[str, str, tuple[str, ...]], ...] = (
    # 12 October 2016, October 12, 2016, Friday, Oct. 13; 10/27/1989; 2016-10-12
    ("date", rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?\b"),
    ("date", rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})"
             rf"(?:,?\s+(?P<year>{_YEAR}))?\b"),
    ("weekday_date", rf"(?P<weekday>{_WEEKDAY}),?\s+(?:the\s+)?(?P<day>{_DAY})\b(?!\s*{_MONTH})(?!\s*[\d%$])"),
    # 16-17 October, October 16-17 (2016): a span of days
    ("date_range", rf"(?P<day>{_DAY})\s*[-–]\s*(?P<day2>{_DAY})\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b"),
    ("date_range", rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*[-–]\s*(?P<day2>{_DAY})\b(?:,?\s+(?P<year>{_YEAR}))?\b"),
    ("numeric_date", r"\b(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)\b", ("/",)),
    ("numeric_date", rf"\b(?P<y>{_YEAR})[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)\b", ("-", "/")),
    ("numeric_date", rf"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{_YEAR})\b", (".",)),
    ("date", rf"(?P<day>{_DAY})-(?P<month>{_MONTH})-(?P<year>{_YEAR})\b", ("-",)),
    ("date", rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})\s+"
             r"(?P<relyear>this|last|next)\s+year\b"),
    # October 2016, late November, last April, the end of October, June last year
    ("month", rf"(?:(?P<pos>{_POS})\s*)?(?P<month>{_MONTH})(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b"),
    ("month", rf"(?P<rel>{_REL}|early\s+next|early\s+last|late\s+last|late\s+next)\s+(?P<month>{_MONTH})\b"),
    ("month", rf"(?P<month>{_MONTH})\s+(?P<relyear>this|last|next)\s+year\b"),
    # 2006, fiscal 1989, the end of 1990, mid-1990, 1994 or later
    ("year", rf"(?:(?P<pos>{_POS})\s*|(?P<fiscal>fiscal(?:\s+year)?)\s+)?(?P<year>{_YEAR})(?!\s*[-–/]\s*\d)"
             r"(?:\s+(?P<open>and\s+beyond|or\s+later|and\s+later|or\s+earlier))?\b(?![,.]\d|\s*%|'s?\b|-)"),
    ("year", rf"the\s+year\s+(?P<year>{_YEAR})\b"),
    # years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand"
    ("spelled_year", r"(?:the\s+year\s+)?(?P<century>nineteen|eighteen)[\s-]+(?P<rest>(?:twenty|thirty|forty|fifty|"
                     r"sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|"
                     r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"),
    ("spelled_year", r"(?:the\s+year\s+)(?P<century>two\s+thousand)(?:\s+and\s+(?P<rest>one|two|three|four|five|six|"
                     r"seven|eight|nine|ten))?\b"),
    # the 1990s, the early 1980s, the '80s, the 20th century
    ("decade", r"(?:the\s+)?(?:(?P<pos>early|late|mid-?)\s*)?(?P<decade>(?:1[89]|20)\d0)'?s\b", ("0s", "0's")),
    ("decade", r"(?:the\s+)?(?:(?P<pos>early|late|mid-?)\s*)?'(?P<short>\d0)s\b", ("0s",)),
    ("century", r"(?:the\s+)?(?:(?P<pos>early|late|mid-?)\s*)?(?P<century>1\d|2[01])(?:st|nd|rd|th)\s+century\b",
     ("century",)),
    # the third quarter, third-quarter, the fiscal first quarter, the 1988 second quarter, the first half of 1990
    ("quarter", rf"(?:(?P<det>the|its|a|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:(?P<qyear>{_YEAR})\s+)?"
                rf"(?:(?P<fiscal>fiscal)[\s-]+)?(?P<ord>{_ORD})[\s-]+(?:fiscal[\s-]+)?(?P<qunit>quarter|half)"
                rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{_YEAR}))?\b"),
    ("quarter", rf"(?:the|its)\s+(?P<rel>latest|current|last|past|previous|year-ago|year-earlier|comparable"
                rf"|comparable\s+year-ago|comparable\s+year-earlier|same|recent|just-ended|just-completed)"
                rf"(?:\s+(?P<ord>{_ORD}))?\s+(?P<qunit>quarter|half)\b(?!s)"),
    ("quarter", r"(?:the|its)\s+(?P<rel>year-ago|year-earlier|latest|comparable)\s+period\b"),
    ("quarter", r"(?P<rel>the)\s+(?P<qunit>quarter)\b(?!s|ly)"),
    # this week, last year, the past year, earlier this month, early next year, the end of the year
    ("relative", rf"(?:(?P<pos>early|late|mid-?|earlier|later|the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
                 rf"(?P<rel>{_REL})\s+(?P<fiscal>fiscal\s+)?(?P<unit>week|month|year|decade|century|weekend)\b"),
    ("relative", r"(?P<pos>(?:earlier|later|early|late)\s+in|the\s+(?:end|beginning|start|middle)\s+of)\s+"
                 r"(?P<rel>the)\s+(?P<unit>week|month|year)\b"),
    ("relative", r"(?P<rel>the)\s+(?P<unit>weekend)\b"),
    # "the year ended March 31" is a twelve-month period, a duration in TimeML
    ("duration", r"(?P<det>the)\s+(?P<extra>fiscal\s+|full\s+|calendar\s+)?(?P<unit>year)"
                 r"(?=\s+(?:ended|ending|to\s+date))"),
    # Friday, last Friday, Friday morning, this coming Sunday, the previous Friday
    ("weekday", rf"(?:(?P<rel>{_REL}|the\s+day\s+before|the\s+day\s+after|day\s+before|day\s+after|early|late)\s+)?"
                rf"(?P<weekday>{_WEEKDAY})(?:\s+(?P<part>{_DAY_PART}))?\b(?!s)"),
    ("weekday_set", rf"(?:(?:every|each|on)\s+)?(?P<weekday>{_WEEKDAY})s(?:\s+(?P<part>{_DAY_PART})s?)?\b"),
    ("weekday_set", rf"(?:every|each)\s+(?P<weekday>{_WEEKDAY})(?:\s+(?P<part>{_DAY_PART}))?\b"),
    # today, yesterday, tomorrow, tonight, this morning, last night, yesterday afternoon
    ("dayword", r"(?:(?P<pos>early|late|mid-?)\s*)?(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
                rf"|yesterday|today|tomorrow)(?:\s+(?P<part>{_DAY_PART}))?\b"),
    ("dayword", rf"(?:(?P<pos>early|late|mid-?)\s*)?(?P<part>{_DAY_PART})\s+(?P<word>yesterday|today|tomorrow)\b"),
    ("dayword", rf"(?P<word>this|last|tomorrow|yesterday)\s+(?P<part>{_DAY_PART})\b"),
    ("dayword", r"(?P<word>tonight|overnight)\b"),
    ("dayword", r"(?P<pos>earlier|later)\s+(?P<word>today)\b"),
    # that day, the next day, the following week, later that year, earlier that day
    ("anaphoric", r"(?:(?P<pos>earlier|later|early|late)\s+)?(?P<rel>that|the\s+same|that\s+same|the\s+next|"
                  r"the\s+following|the\s+previous|the\s+preceding|the\s+prior)\s+(?P<unit>day|morning|night|week|"
                  r"month|year|evening|afternoon)\b"),
    # three years ago, a year earlier, nearly two weeks ago
    ("ago", rf"(?:(?P<mod>{_MOD})\s+)?(?P<num>{NUMBER})[\s-]+(?P<unit>{_UNIT}|{_PLURAL_UNIT})\s+(?:or\s+so\s+)?"
            r"(?P<dir>ago|earlier|later|hence|from\s+now)\b"),
    ("ago", rf"(?P<unit>{_PLURAL_UNIT})\s+(?P<dir>ago)\b"),
    ("ago", r"(?P<unit>year)-(?P<dir>earlier|ago)\b"),
    # two years, the past five days, a three-year period, 10-hour, at least 30 days, 2 1/2 years
    ("duration", rf"(?:(?P<mod>{_MOD})\s+)?(?:(?P<det>the|each\s+of\s+the|an?|its|another)\s+)?"
                 r"(?:(?P<rel>past|last|next|first|coming|previous|following|final|latest|remaining|initial|"
                 r"ensuing|preceding|recent|last\s+few|past\s+few|next\s+few|first\s+few)\s+)?"
                 rf"(?P<num>{NUMBER})(?:\s+to\s+(?P<num2>{NUMBER}))?[\s-]+(?:(?P<extra>more|additional|full|straight|"
                 r"consecutive|trading|business|calendar|fiscal|long|short)\s+)?"
                 rf"(?P<unit>{_UNIT}|{_PLURAL_UNIT})(?P<suffix>-long|\s+period|\s+term|\s+span)?\b"
                 r"(?!-old|\s+old|-)"),
    ("duration", rf"(?:(?P<mod>{_MOD})\s+)?(?P<num>a|an|one)\s+(?P<unit>minute|hour|year|day|month)"
                 r"\s+and\s+a\s+half\b"),
    # recent years, the coming weeks, for months
    ("vague_duration", rf"(?P<rel>recent|the\s+coming|coming|the\s+past\s+few|the\s+next\s+few|the\s+last\s+few|"
                       rf"the\s+first|the\s+early)\s+(?P<unit>{_PLURAL_UNIT})\b"),
    ("vague_duration", rf"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\btakes\s)|(?<=\btook\s)|(?<=\blast\s)|"
                       rf"(?<=\bover\s)|(?<=\bspent\s))(?P<unit>{_PLURAL_UNIT})\b(?!\s+(?:of|ago|before|after|later))"),
    ("vague_duration", rf"the\s+(?P<unit>{_PLURAL_UNIT})\s+(?P<rel>ahead)\b"),
    ("vague_duration", r"(?P<rel>a\s+while|some\s+time)\b"),
    # daily, every week, each year, a year (after an amount)
    # "quarterly" and "annually" qualify amounts ("quarterly dividend") far more often than they repeat events
    ("set", r"(?P<word>daily|weekly|monthly|yearly|hourly|nightly|biweekly)\b"),
    ("set", rf"(?P<each>every|each|per)\s+(?:(?P<num>{NUMBER_WORDS}|\d+|other)\s+)?(?P<unit>{_UNIT})\b"),
    ("set", rf"(?P<each>every|each)\s+(?P<month>{_MONTH})\b"),
    ("set_amount", r"(?P<num>a|an)\s+(?P<unit>year|month|week|day|hour)\b(?!\s+(?:ago|earlier|later|or|and))"),
    # now, currently, recently, the future, the past
    ("ref", r"(?P<word>now|currently|recently|nowadays|the\s+near\s+future|the\s+distant\s+future|the\s+future|"
            r"the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|a\s+later\s+date|as\s+soon\s+as\s+possible|"
            r"these\s+days|the\s+present|the\s+past)\b(?!\s*-)"),
    # 10:35 a.m., 6 a.m. EDT Thursday, noon Saturday, midnight Friday, 4 in the morning
    ("clock", rf"(?:(?P<mod>around|approximately|shortly\s+before|shortly\s+after|just\s+before|just\s+after)\s+)?"
              rf"(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>{_AMPM}){_TZ}{_ON_DAY}"),
    ("clock", rf"(?:(?P<mod>about|around|approximately)\s+)?(?P<hour>[012]?\d):(?P<minute>[0-5]\d)"
              rf"(?:\s+(?P<tz>GMT|UTC|local\s+time|[ECMP][SD]T)){_ON_DAY}", (":",)),
    ("clock", rf"(?:(?P<mod>about|around|approximately)\s+)?(?P<named>noon|midnight|midday){_ON_DAY}\b",
     ("noon", "midnight", "midday")),
    ("clock", rf"(?P<hourword>{NUMBER_WORDS}|\d{{1,2}})\s+(?:o'clock\s+)?in\s+the\s+"
              r"(?P<part>morning|afternoon|evening)", ("morning", "afternoon", "evening")),
    ("clock", rf"(?P<hourword>{NUMBER_WORDS}|\d{{1,2}})\s+o'clock\b", ("o'clock",)),
    ("clock", rf"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?:hrs\b|hours\b|(?P<tz>GMT|UTC|local\s+time)){_ON_DAY}",
     ("hrs", "hours", "gmt", "utc", "local")),
    # last fall, this past spring, the winter of 1994, summer 2015
    ("season", rf"(?:(?P<rel>{_REL}|the\s+early|the\s+late|early|late|mid-?|the)\s+)?(?P<season>spring|summer|fall|"
               rf"autumn|winter)(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b"),
    ("holiday", rf"(?P<holiday>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+Eve|New\s+Year's\s+Day|"
                rf"Thanksgiving\s+Day|Thanksgiving|Independence\s+Day|Easter\s+Sunday|Easter)(?:\s+(?P<year>{_YEAR}))?\b"),
)  # fmt: skip
# Every expression begins at a word ("the '90s", not "'90s" glued to the word before it): the look-ahead for a
# word character lets the regular-expression engine pass over spaces and punctuation at once, a fifth of the
# tagger's time.
_COMPILED = tuple(
    (kind, re.compile(rf"(?=\w)\b(?:{pattern})", re.IGNORECASE), tuple(needs[0]) if needs else ())
    for kind, pattern, *needs in _RULES
)

# Words one of which every expression of a kind holds, in lower case and as part of a word ("centuries"
# holds "centur"; "0" to "9" stand for any digit): a rule runs only over a text that holds one of its kind's,
# since most of the rules' time is spent failing to match at every word of a text that has, say, no month
# or no weekday. Each is a plain substring test of the lower-cased text. A kind not listed always runs.
_UNIT_STEMS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter", "year",
               "decade", "centur", "millenni")  # fmt: skip
_MONTH_STEMS = tuple(month[:3] for month in MONTHS)  # every spelling of a month starts so: "Sept."
_DAY_PARTS = ("morning", "afternoon", "evening", "night")
_DIGITS = tuple("0123456789")
_KIND_NEEDS: dict[str, tuple[str, ...]] = {
    "date": _MONTH_STEMS,
    "date_range": _MONTH_STEMS,
    "month": _MONTH_STEMS,
    "weekday_date": WEEKDAYS,
    "weekday": WEEKDAYS,
    "weekday_set": WEEKDAYS,
    "numeric_date": _DIGITS,
    "year": _DIGITS,
    "decade": _DIGITS,
    "century": _DIGITS,
    "spelled_year": ("nineteen", "eighteen", "thousand"),
    "quarter": ("quarter", "half", "period"),
    "relative": _UNIT_STEMS,
    "duration": _UNIT_STEMS,
    "ago": _UNIT_STEMS,
    "set_amount": _UNIT_STEMS,
    "anaphoric": _UNIT_STEMS + _DAY_PARTS,
    "vague_duration": (*_UNIT_STEMS, "while", "time"),
    "set": (*_UNIT_STEMS, "daily", *_MONTH_STEMS),
    "dayword": ("yesterday", "today", "tomorrow", *_DAY_PARTS),
    "clock": (*_DIGITS, "noon", "midnight", "midday", "o'clock", *_DAY_PARTS),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "holiday": ("christmas", "year", "thanksgiving", "independence", "easter"),
}
_KIND_NEED_SETS = {kind: frozenset(words) for kind, words in _KIND_NEEDS.items()}
_NEED_WORDS = tuple(sorted(set().union(*_KIND_NEED_SETS.values())))  # each looked for once per text
_CAPITALISED = ("month", "weekday", "dweekday", "dmonth", "holiday")
# Words that, before a bare May or March, make it a month: "in May", "since March".
_MONTH_CONTEXT = re.compile(r"\b(in|since|until|till|by|during|from|through|of|early|late|mid|before|after|to|and|"
                            r"last|next|this|between|end|each|every)\s*-?$", re.I)  # fmt: skip
_SEASON_CONTEXT = re.compile(r"\b(in|since|until|by|during|through|the|this|last|next|past|early|late|mid|of)\s*-?$",
                             re.I)  # fmt: skip


_SELF_ANCHORED = {"numeric_date", "year", "spelled_year", "decade", "century"}
_DATED_KINDS = ("date", "date_range", "month", "quarter", "season", "holiday")


@dataclass(frozen=True, slots=True)
class RawTimex:
    """A temporal expression found in text, before it is anchored: its kind, span and named parts."""

    kind: str
    start: int
    end: int
    text: str
    parts: tuple[tuple[str, str], ...]

    def part(self, name: str) -> str | None:
        return dict(self.parts).get(name)

    @property
    def self_anchored(self) -> bool:
        """True when the value does not depend on when the text was written ("12 May 2014", "the 1990s")."""
        if self.kind in _SELF_ANCHORED:
            return True
        return self.part("year") is not None and self.kind in _DATED_KINDS


def find_timexes(text: str, offset: int = 0) -> list[RawTimex]:
    """All temporal expressions in ``text``, in order, none overlapping; offsets are shifted by ``offset``."""
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    lowered = text.lower()
    # which of the words every expression of a kind holds does the text hold?
    present = {word for word in _NEED_WORDS if word in lowered}
    for priority, (kind, pattern, needs) in enumerate(_COMPILED):
        kind_needs = _KIND_NEED_SETS.get(kind)
        if (kind_needs is not None and present.isdisjoint(kind_needs)) or (
            needs and not any(word in lowered for word in needs)
        ):
            continue
        for match in pattern.finditer(text):
            start, end = _extent(match, text)
            if end > start and not _rejected(kind, match, text):
                candidates.append((start, -(end - start), priority, kind, match))
    candidates.sort(key=lambda c: c[:3])
    found: list[RawTimex] = []
    last_end = -1
    for start, negative_length, _, kind, match in candidates:
        end = start - negative_length
        if start < last_end:
            continue
        last_end = end
        parts = tuple((k, v) for k, v in match.groupdict().items() if v)
        start += _adjectival_determiner(kind, text[start:end])
        found.append(RawTimex(kind, start + offset, end + offset, text[start:end], parts))
    return found


_ADJECTIVAL = re.compile(
    rf"^(?:a|an|the|its)\s+(?=(?:\S+-(?:{_UNIT_WORDS}|quarter|half)\b|(?:{_UNIT_WORDS})-long\b"
    rf"|(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:{_UNIT_WORDS})$))",
    re.I,
)


def _adjectival_determiner(kind: str, text: str) -> int:
    """Length of a determiner to leave out: a hyphenated or singular unit is an adjective ('a two-year deal',
    'the third-quarter results'), and TimeML marks only the adjective."""
    if kind not in ("duration", "quarter"):
        return 0
    match = _ADJECTIVAL.match(text)
    return match.end() if match else 0


def _extent(match: re.Match[str], text: str) -> tuple[int, int]:
    """The match without a sentence-final period it swallowed ('at 6 a.m.' closing a sentence)."""
    start, end = match.span()
    closes_sentence = end == len(text) or re.match(r"\s+[A-Z\"'“]|\s*$", text[end : end + 3])
    if closes_sentence and match.group(0).lower().endswith(("a.m.", "p.m.")):
        end -= 1
    return start, end


def _rejected(kind: str, match: re.Match[str], text: str) -> bool:
    """Rules out matches whose words are a name, a verb or an amount rather than a time."""
    names = match.groupdict()
    if any(names.get(k) and not names[k][0].isupper() for k in _CAPITALISED):
        return True
    before = text[: match.start()]
    month = names.get("month")
    dated = names.get("day") or names.get("year")
    context = names.get("pos") or names.get("rel") or names.get("relyear") or _MONTH_CONTEXT.search(before)
    if month and month.lower() in ("may", "march") and not dated and not context:
        return True  # "may" and "march" are verbs and nouns before they are months
    if month and month.lower() not in MONTHS and not month.endswith(".") and not dated:
        return True  # "Jan" or "Oct" alone is more often a name or a typo than a month
    if kind == "season" and not (names.get("rel") or names.get("year") or _SEASON_CONTEXT.search(before)):
        return True
    if kind == "year":
        if re.search(r"(\$|£|€|#|No\.)\s*$|\d[,.]?$", before) or _MONEY_BEFORE.search(before):
            return True
        if re.match(r"\s*(people|persons|troops|soldiers|men|women|children|civilians|families|fighters|refugees|"
                    r"dead|killed|members|vehicles|homes|houses|residents|units|km|kilometers|miles|meters|feet|"
                    r"tons|votes|[a-z]+s\b(?!\s))", text[match.end():], re.I) and not names.get("pos"):  # fmt: skip
            return not names.get("fiscal")
    if kind == "set_amount":
        return not _MONEY_BEFORE.search(before.rstrip())
    if kind == "duration":
        if re.search(r"-quarters?$", match.group(0), re.I) and not names.get("det"):
            return True  # "three-quarters" is a fraction
        return _implausible_duration(names, before)
    return False


def _implausible_duration(names: dict[str, str | None], before: str) -> bool:
    """'a year' or 'one day' alone is a duration only after a word that measures time ('for a year')."""
    num = (names.get("num") or "").lower()
    if names.get("det") or names.get("rel") or names.get("mod") or names.get("suffix") or names.get("extra"):
        return False
    if num in ("a", "an", "one", "some", "many", "the"):
        return not re.search(r"\b(for|within|in|over|after|about|than|least|lasted|lasting|take|takes|took|spent|"
                             r"spend|extra|nearly|almost|only|just|full|entire|whole|half|every|each)\s*$",
                             before, re.I)  # fmt: skip
    return False
