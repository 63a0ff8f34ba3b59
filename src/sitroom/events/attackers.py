"""Suicide attackers who die in their own attack: ACLED counts them among an event's fatalities.

"Two suicide bombings targeting a party headquarters killed five people" tells of seven deaths: the five,
and the two bombers. Reports rarely count the bombers themselves, so sitroom does, unless the text already
has ("killing 6 people and the bomber", "two suicide bombers were killed", "including the suicide bomber").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitroom.events.figures import parse_number
from sitroom.events.victims import in_date
from sitroom.language.annotate import doc_text, sentence_tokens
from sitroom.model import Figure, Provenance

_ATTACKER_NOUNS = {"bomber", "attacker", "bombing", "bomb", "attack", "blast", "explosion", "car-bomber"}
_REFLEXIVES = {"himself": 1, "herself": 1, "themselves": 2}
_PAIRS = {"twin", "double", "dual"}
_MOST = 100  # no attack has had this many suicide attackers: a larger number is a year or another count
_ANOTHER = {"second", "another", "third"}
# The text counts the attackers itself: their death told, or their number inside a toll.
_ATTACKERS_COUNTED = re.compile(
    r"\b(?:bombers?|attackers?|assailants?|perpetrators?|militants?|gunm[ae]n|terrorists?)\b[^.;,]{0,25}?"
    r"\b(?:(?:were|was|also|have been|had been)\s+(?:\w+\s+)?(?:killed|shot|blown)|died|dead|blown\s+up"
    # a bare "killed" is passive only where no victim follows it: "the bomber killed 36 people" tells who killed
    r"|killed(?=\s*[.,;]|\s+(?:in|by|when|during|while|after|as|on|at\s+the)\b))\b"
    r"|\b(?:including|and|as well as|plus|among them)\s+(?:the|a|an|one|two|three|four|five|\d+|all)?\s*"
    r"(?:female\s+|male\s+)?(?:suicide\s+)?(?:car\s+)?(?:bombers?|attackers?|assailants?|perpetrators?)\b"
    r"|\b(?:killing|killed)\s+(?:only\s+)?(?:himself|herself|themselves)\b"
    r"|\bonly\s+the\s+(?:suicide\s+)?(?:bomber|attacker)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SuicideAttackers:
    """How many attackers died by their own hand in a sentence's attack, and the words that say so."""

    count: int
    text: str
    start: int
    end: int


def suicide_attackers(sent: Span) -> SuicideAttackers | None:
    """The suicide attackers a sentence tells of: 'a suicide bomber' 1, 'Two suicide bombings' 2, 'suicide
    bombers' at least 2, 'Five women committed suicide bombings' 5, 'blew themselves up' 2. The largest
    count is kept when the sentence names them more than once; 'a second suicide bomber' adds one."""
    found: list[SuicideAttackers] = []
    extra = 0
    for token in sentence_tokens(sent):
        lower = token.lower_
        if lower in _REFLEXIVES and token.head.lemma_.lower() == "blow":
            found.append(SuicideAttackers(_REFLEXIVES[lower], token.text, token.idx, token.idx + len(token)))
            continue
        if token.lemma_.lower() not in _ATTACKER_NOUNS or not _suicide(token):
            continue
        if any(c.lower_ in _ANOTHER for c in token.children) and found:
            extra += 1
            continue
        left, right = min(token.left_edge.idx, token.idx), token.idx + len(token)
        found.append(SuicideAttackers(_count(token), doc_text(sent.doc)[left:right], left, right))
    if not found:
        return None
    best = max(found, key=lambda f: f.count)
    return dataclasses.replace(best, count=best.count + extra)


def attackers_counted(text: str) -> bool:
    """Whether ``text`` already counts the attackers among the dead, or tells of their death."""
    return _ATTACKERS_COUNTED.search(text) is not None


def with_attackers(fatalities: Figure | None, attackers: SuicideAttackers, article_id: str) -> Figure:
    """The event's killed figure with its suicide attackers added."""
    n = attackers.count
    label = "the attacker" if n == 1 else "the attackers"
    if fatalities is None:
        provenance = Provenance(article_id, attackers.start, attackers.end)
        return Figure("killed", n, n, n, label, attackers.text, provenance)
    qualifier = f"{fatalities.qualifier} and {label}" if fatalities.qualifier else f"and {label}"
    return dataclasses.replace(
        fatalities, low=fatalities.low + n, best=fatalities.best + n, high=fatalities.high + n, qualifier=qualifier
    )


def _suicide(token: Token) -> bool:
    """'suicide bomber', 'suicide car bomb': the word 'suicide' modifies the noun or its compound."""
    if token.lower_.startswith("suicide"):
        return False
    words = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    words += [g for c in words for g in c.children if c.dep_ in ("compound", "amod", "nmod")]
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return before == "suicide" or any(w.lower_ == "suicide" for w in words)


def _count(token: Token) -> int:
    """The number of attackers one phrase names."""
    for child in token.children:
        if child.dep_ == "nummod" and not in_date(child):
            value = parse_number(child.text)
            if value is not None and value < _MOST:
                return value
        if child.lower_ in _PAIRS:
            return 2
    if token.dep_ == "dobj":  # "Five women committed suicide bombings"
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        number = next((c for c in subject.children if c.dep_ == "nummod"), None) if subject is not None else None
        value = parse_number(number.text) if number is not None else None
        if value is not None:
            return value
    return 2 if token.tag_ == "NNS" else 1
