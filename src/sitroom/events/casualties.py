"""Find killed and injured counts in a sentence: from the parse first, then from the wordings it misses."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span

from sitroom.events.figures import QUANTITY, Count, parse_count
from sitroom.events.sides import side_in
from sitroom.events.victims import agent_spans, in_date, parse_victims
from sitroom.language.annotate import span_text
from sitroom.model import Figure, Provenance

_Q = QUANTITY.pattern
_Q2 = re.sub(r"\(\?P<\w+>", "(?:", _Q)  # the same grammar without group names, for a second count
_KILL_VERBS = r"(?:killing|killed|kills|kill|executed|executing|incinerated|massacred|slaughtered|left|leaving)"
_TO_DEATH = r"(?:shot|stabbed|beaten|beat|hacked|burned|burnt|stoned|bludgeoned)\s+to\s+death"
# A single victim named by a singular noun phrase: "killing a policeman", "killed the head of the police".
_ONE_VICTIM = (
    r"(?P<one>(?:[Aa]|[Aa]n|[Tt]he|[Oo]ne)\s+(?!number\b|group\b|total\b|crowd\b|series\b|wave\b|couple\b)"
    r"[\w-]+(?:\s+[\w-]+)?)"
)
_KILLED_PATTERNS = (
    rf"(?:death\s+toll|toll)\s+(?:\w+\s+){{0,3}}(?:rose\s+"
    rf"to|reached|of|at|to|is|was|stood\s+at|climbed\s+to)\s+(?P<q>(?:{_Q}))",
    rf"{_KILL_VERBS}\s+(?P<q>(?:{_Q}))\s+(?:[\w.-]+\s+){{0,2}}[\w.-]+\s+(?:and|as\s+well\s+as)\s+"
    rf"(?P<q2>(?:{_Q2})|an?\b)(?=\s+(?!of\b|were\b|others?\b|injured\b|wounded\b|hurt\b)[a-z])",
    rf"{_KILL_VERBS}\s+(?P<q>(?:{_Q}))",
    rf"(?:{_TO_DEATH}|shot\s+dead|gunned\s+down)\s+(?P<q>(?:{_Q}))",
    rf"(?:claimed|claiming|cost|costing|took|taking)\s+(?:the\s+"
    rf")?(?:lives\s+of\s+)?(?P<q>(?:{_Q}))(?:\s+\w+)?(?:\s+lives)?",
    rf"{_KILL_VERBS}\s+(?P<self>himself|herself|themselves)\s+and\s+(?P<q>(?:{_Q})|an?\b)",
    rf"(?P<q>(?:{_Q}))\s+[\w-]+(?:\s+[\w-]+){{0,2}}\s+and\s+(?P<q2>(?:{_Q2}))\s+"
    rf"(?:[\w-]+\s+){{0,3}}(?:dead|killed|died|were\s+killed)\b",
    rf"(?P<q>(?:{_Q}))\s+(?:[\w-]+\s*){{0,3}}(?:,[\w\s-]{{0,40}},\s*)?(?:were|was|have been|had been)\s+"
    rf"(?:\w+\s+)?(?:killed|executed|massacred|beheaded|decapitated|lynched|slain|shot dead|{_TO_DEATH})",
    rf"(?P<q>(?:{_Q}))\s+(?:[\w-]+\s+){{0,3}}(?:died|perished|were\s+left\s+dead|lost\s+their\s+lives)",
    rf"(?P<q>(?:{_Q}))\s+(?:[\w-]+\s+){{0,2}}(?:dead|deaths|fatalities|bodies|killed\b(?!\s+(?:by|in|when)\b))\b",
)
_SINGLE_KILLED_PATTERNS = (
    rf"(?:{_KILL_VERBS.replace('|left|leaving', '')}|{_TO_DEATH}|shot\s+dead|gunned\s+down|assassinated|"
    rf"beheaded)\s+{_ONE_VICTIM}",
    r"\b(?:left|leaving)\s+(?P<one>(?:an?|one|him|her)\b(?:\s+[\w-]+){0,2}?)\s+(?:shot\s+)?dead\b",
    r"(?P<one>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+),?\s+(?:[\w\s,-]{0,40},\s+)?(?:was|has\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|shot\s+dead|assassinated|murdered|stabbed\s+to\s+death)",
)
_INJURED_PATTERNS = (
    rf"(?:injuring|injured|wounding|wounded|injures|wounds)\s+(?P<q>(?:{_Q}))\s+(?:[\w.-]+\s+){{0,2}}[\w.-]+\s+"
    rf"(?:and|as\s+well\s+as)\s+(?P<q2>(?:{_Q2})|an?\b)(?=\s+(?!of\b|were\b|others?\b|killed\b)[a-z])",
    rf"(?P<q>(?:{_Q}))\s+[\w-]+(?:\s+[\w-]+){{0,2}}\s+and\s+(?P<q2>(?:{_Q2}))\s+(?:[\w-]+\s+){{0,3}}"
    rf"(?:were\s+|was\s+)?(?:injured|wounded)\b",
    rf"(?:injuring|injured|wounding|wounded|injures|wounds|injure|wound|leaving)\s+"
    rf"(?P<q>(?:{_Q}))(?:\s+(?:[\w-]+\s+){{0,3}}(?:injured|wounded))?",
    rf"(?P<q>(?:{_Q}))\s+(?:[\w-]+\s+"
    rf"){{0,3}}(?:were|was|have been|had been)?\s*(?:left\s+)?(?:injured|wounded|hurt|hospitali[sz]ed)",
    rf"(?P<q>(?:{_Q}))\s+(?:[\w-]+\s+){{0,2}}(?:injuries|casualties\s+were\s+reported)",
    rf"(?P<q>(?:{_Q}))\s+(?:[\w-]+\s+){{0,3}}(?:sustained|received|suffered)\s+(?:\w+\s+)?(?:injur|wound)\w*",
    rf"\b(?:injuries|injury|wounding)\s+(?:of|to)\s+(?P<q>(?:{_Q}))",  # "caused the injuries of two policemen"
)
# Perpetrators who die in their own attack count among the dead ("killing 6 people and the bomber").
_PERPETRATOR_DEATH = re.compile(
    r"\b(?:killing|killed|kills|and)\s+(?:[\w\s,]+?\s+)?(?:and\s+|as\s+well\s+as\s+|including\s+)"
    r"(?P<who>the\s+(?:suicide\s+)?(?:bomber|attacker|gunman|assailant|perpetrator)|himself|herself|themselves)\b",
    re.IGNORECASE,
)
# Words without one of which a pattern cannot match, one tuple per pattern above (for a phrase, a word of it:
# "death" of "to death"): looking for them in the case-folded sentence spares the sentences that cannot hold
# the pattern (most sentences hold none), and a sentence holding one is searched as if there were no gate.
_KILL_WORDS = ("kill", "execut", "incinerat", "massacr", "slaughter", "left", "leaving")
_KILLED_GATES = (
    ("toll",), _KILL_WORDS, _KILL_WORDS, ("death", "dead", "gunned"), ("claim", "cost", "took", "taking"),
    _KILL_WORDS, ("dead", "kill", "died"),
    ("kill", "execut", "massacr", "behead", "decapitat", "lynch", "slain", "dead", "death"),
    ("died", "perish", "dead", "lives"), ("dead", "death", "fatalit", "bodies", "kill"),
)  # fmt: skip
_INJURED_GATES = (
    ("injur", "wound"), ("injur", "wound"), ("injur", "wound", "leaving"), ("injur", "wound", "hurt", "hospitali"),
    ("injur", "casualt"), ("injur", "wound"), ("injur", "wound"),
)  # fmt: skip
_COUNT_FIRST = f"(?P<q>(?:{_Q}))"  # how a pattern that opens with its count begins
# Per kind: (gate, pattern, whether the pattern opens with its count), the flag found once (a compiled
# pattern's hash reads its whole code: no set of patterns to look them up in).
_COMPILED = {
    kind: tuple(
        (gate, re.compile(p, re.IGNORECASE), p.startswith(_COUNT_FIRST))
        for gate, p in zip(gates, patterns, strict=True)
    )
    for kind, gates, patterns in (
        ("killed", _KILLED_GATES, _KILLED_PATTERNS),
        ("injured", _INJURED_GATES, _INJURED_PATTERNS),
    )
}
_SINGLE = tuple(re.compile(p) for p in _SINGLE_KILLED_PATTERNS)
# Where a count can begin: every position at which QUANTITY matches. A pattern that opens with its count can
# match only there, so it is tried at those few positions instead of searched for at every character.
_QUANTITY_AT = re.compile(rf"(?=(?:{_Q2}))", re.IGNORECASE)
# A count inside an "including" phrase is part of a count already read, never added to it.
_OTHERS = re.compile(r"\s+(?:others?|more)\b", re.IGNORECASE)
# The phrase may list several parts: "16 people dead including 12 soldiers and four tribal elders".
_INCLUDED = re.compile(
    r"\b(?:including|among\s+them|among\s+whom)(?:,?\s+(?!(?:and\s+)?(?:\w+(?:ing|ed)|were|was|left|another)\b)[\w-]+){0,7}"
    r"(?:,?\s+and)?,?\s*$",
    re.IGNORECASE,
)
_LEFT = re.compile(r"(?:left|leaving)\b", re.IGNORECASE)
_LEFT_HURT = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}(?:injured|wounded|hurt|homeless|stranded|displaced|missing|with\s+(?:\w+\s+)?"
    r"(?:wounds|injuries))",  # "leaving two with moderate wounds"
    re.IGNORECASE,
)
# A count given as the whole toll: "the death toll rose to 12", "bringing the toll of the bombing to 12".
_TOLL = re.compile(r"\b(?:toll|total)\b(?:\s+[\w'-]+){0,5}\s+(?:to|of|at|reached|is|was|stood\s+at)\s+(?:[\w-]+\s+)?$",
                   re.IGNORECASE)  # fmt: skip
_LEFT_INJURED = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}(?:injured|wounded|hurt|with\s+(?:\w+\s+)?(?:wounds|injuries))", re.IGNORECASE
)
_KIN_OF = re.compile(r"\b(?:father|mother|parent|husband|wife|grandfather|grandmother)\s+of\s*$", re.IGNORECASE)
# A count of things, not people: "in one attack the people were beheaded", "two days later four were killed".
_NOT_PEOPLE = re.compile(
    r"\s+(?:attacks?|incidents?|blasts?|bombings?|explosions?|days?|weeks?|months?|years?|hours?|times?|cases?)\b",
    re.IGNORECASE,
)
_CIVILIAN_VICTIMS = re.compile(
    r"\b(civilians?|women|children|residents|villagers|mourners|worshippers|families|people)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Casualty:
    """A casualty figure found in a sentence, and whether the victims are named as civilians."""

    figure: Figure
    civilian: bool
    verb: int | None = None  # the index of the verb governing the people counted, when the parse gave it


_MODEL_BEFORE = re.compile(r"[A-Za-z]-$")  # "AK-47"
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_KIN_GROUP = re.compile(r"\s*(family|families|household|households|village|tribe|clan)\b", re.IGNORECASE)


def find_casualties(sent: Span, article_id: str) -> list[Casualty]:
    """Killed and injured figures in ``sent``: the victims its verbs govern, then the wordings the parse misses."""
    parsed = parse_victims(sent, article_id)
    found = [Casualty(v.figure, v.civilian, v.verb) for v in parsed]
    covered = [span for v in parsed for span in v.spans] + agent_spans(sent)
    sentence, offset = span_text(sent), sent.start_char
    starts: list[int] | None = None  # where counts can begin, found once the first pattern needs them
    folded = sentence.casefold()
    gates: dict[tuple[str, ...], bool] = {}  # several patterns share a gate: each looked for once
    for kind, patterns in _COMPILED.items():
        for gate, pattern, count_first in patterns:
            if (held := gates.get(gate)) is None:
                held = gates[gate] = any(word in folded for word in gate)
            if not held:
                continue
            if count_first and starts is None:
                starts = [m.start() for m in _QUANTITY_AT.finditer(sentence)]
            for match in _matches(pattern, sentence, covered, offset, starts if count_first else None):
                count = _count(match.group("q"))
                start = match.start("q")
                end = match.end("q2") if match.groupdict().get("q2") else match.end("q")
                if count is None:
                    continue
                if re.search(r"\bno\s*$", sentence[:start], re.IGNORECASE):
                    continue  # "no one was injured"
                if _included(sentence, start, match.end("q")) or _in_date(sent, offset + start, offset + end):
                    continue  # "five people, including 3 militiamen": a part; "on 12 July": a date
                if _MODEL_BEFORE.search(sentence[:start]):
                    continue  # "AK-47": a weapon's model
                if _KIN_OF.search(sentence[:start]):
                    continue  # "A father of two small children died"
                if _FROM_BEFORE.search(sentence[:start]) and _KIN_GROUP.match(sentence[end:]):
                    continue  # "seven people from one family were wounded": the family is no count of its own
                if kind == "killed" and _NOT_PEOPLE.match(sentence, match.end("q")):
                    continue  # "in one attack the people were beheaded"
                if kind == "killed" and _LEFT.match(match.group(0)) and _LEFT_HURT.match(sentence[end:]):
                    continue  # "left five injured"
                if kind == "injured" and _LEFT.match(match.group(0)) and not _LEFT_INJURED.match(sentence[end:]):
                    continue  # "leaving another one missing"
                if _LEFT.match(match.group(0)) and any(
                    c.figure.kind == kind and c.figure.best >= count.best for c in found
                ):
                    continue  # "stabbed four people, leaving two with moderate wounds": a part of the four
                covered.append((start + offset, end + offset))
                casualty = _casualty(kind, _added(count, match), match, sentence, offset, article_id)
                found.append(_with_perpetrators(casualty, sentence, offset))
    if not any(c.figure.kind == "killed" for c in found):
        found.extend(_single_victims(sentence, offset, article_id))
    found = [_as_toll(c, sentence, offset) for c in found]
    return sorted(found, key=lambda c: c.figure.provenance.start)


def _as_toll(casualty: Casualty, sentence: str, offset: int) -> Casualty:
    """Mark a killed figure the sentence gives as the whole toll ("the death toll rose to 12")."""
    figure = casualty.figure
    if figure.kind != "killed" or not _TOLL.search(sentence[: figure.provenance.start - offset]):
        return casualty
    return dataclasses.replace(casualty, figure=dataclasses.replace(figure, toll=True))


def _included(sentence: str, start: int, end: int) -> bool:
    """Whether the count at ``start`` is part of an "including" phrase, and so of a count already read; "and
    7 others" after it is a count of its own."""
    if re.match(r"(?:another|an\s+additional)\b", sentence[start:end], re.IGNORECASE):
        return False  # "including six soldiers, and another 18 people wounded"
    return bool(_INCLUDED.search(sentence[:start])) and not _OTHERS.match(sentence, end)


def _matches(
    pattern: re.Pattern[str],
    sentence: str,
    covered: list[tuple[int, int]],
    offset: int,
    starts: list[int] | None = None,
) -> Iterator[re.Match[str]]:
    """The pattern's matches whose counts no earlier reading covers. A match on a covered count is
    skipped without swallowing the text after it: in "left 102 dead and 508 injured" the injured
    pattern first finds "102 ... injured", which is the killed count, then "508 injured". ``starts``: the
    only positions where the pattern can match, if known (the same matches as searching, found faster)."""
    pos = 0
    while (match := _search(pattern, sentence, pos, starts)) is not None:
        start = match.start("q")
        end = match.end("q2") if match.groupdict().get("q2") else match.end("q")
        if any(a < end + offset and start + offset < b for a, b in covered):
            pos = max(match.end("q"), pos + 1)
            continue
        yield match
        pos = max(match.end(), pos + 1)


def _search(pattern: re.Pattern[str], sentence: str, pos: int, starts: list[int] | None) -> re.Match[str] | None:
    """``pattern.search(sentence, pos)``, trying only ``starts`` (ascending) where they are given."""
    if starts is None:
        return pattern.search(sentence, pos)
    for start in starts[bisect.bisect_left(starts, pos) :]:
        if (match := pattern.match(sentence, start)) is not None:
            return match
    return None


def _in_date(sent: Span, start: int, end: int) -> bool:
    """Whether the characters lie in a date, a time or a year ('on 12 July', '2018 Peshawar bombing')."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(in_date(t) for t in span if t.like_num)


def _count(text: str) -> Count | None:
    if text.lower() in ("a", "an"):
        return Count(1, 1, 1, None, text, 0, len(text))
    return parse_count(text)


def _added(count: Count, match: re.Match[str]) -> Count:
    """Sum coordinated counts ('one policeman and three guards dead') and a perpetrator ('killing himself and')."""
    names = match.groupdict()
    extra = 0
    if names.get("q2"):
        second = _count(names["q2"] or "")
        extra += second.best if second is not None else 0
    if names.get("self"):
        extra += 2 if (names["self"] or "").lower() == "themselves" else 1
    if not extra:
        return count
    return dataclasses.replace(count, low=count.low + extra, best=count.best + extra, high=count.high + extra)


def _single_victims(sentence: str, offset: int, article_id: str) -> list[Casualty]:
    """'stabbed to death a soldier', 'killing the head of the district police': one person killed."""
    for pattern in _SINGLE:
        match = pattern.search(sentence)
        if match:
            start, end = offset + match.start("one"), offset + match.end("one")
            figure = Figure("killed", 1, 1, 1, None, match.group("one"), Provenance(article_id, start, end),
                            side=side_in(match.group("one")))  # fmt: skip
            tail = match.group("one")
            return [Casualty(figure, bool(_CIVILIAN_VICTIMS.search(tail)))]
    return []


def _with_perpetrators(casualty: Casualty, sentence: str, offset: int) -> Casualty:
    """Add the bomber or gunman who died in the attack to a killed figure the same clause gives."""
    if casualty.figure.kind != "killed":
        return casualty
    end = casualty.figure.provenance.end - offset
    match = _PERPETRATOR_DEATH.search(sentence, max(0, end - 60))
    if match is None or match.start() > end + 5 or match.end("who") < end:
        return casualty
    figure = casualty.figure
    plural = match.group("who").lower() == "themselves"
    extra = 2 if plural else 1
    updated = dataclasses.replace(figure, low=figure.low + extra, best=figure.best + extra, high=figure.high + extra,
                                  qualifier=(figure.qualifier or "") + " and the attacker")  # fmt: skip
    return Casualty(updated, casualty.civilian)


def _casualty(kind: str, count: Count, match: re.Match[str], sentence: str, offset: int, article_id: str) -> Casualty:
    start = offset + match.start("q") + count.start
    end = offset + match.start("q") + count.end
    tail = sentence[match.end("q") : match.end("q") + 40]
    figure = Figure(kind, count.low, count.best, count.high, count.qualifier, count.text,
                    Provenance(article_id, start, end), side=side_in(sentence[match.end("q"):]))  # fmt: skip
    return Casualty(figure, bool(_CIVILIAN_VICTIMS.match(tail.strip())) or bool(_CIVILIAN_VICTIMS.search(tail[:25])))
