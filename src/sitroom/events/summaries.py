"""Summaries of several attacks and the parts an article goes on to tell.

"A string of bombings hit Pakistan, killing 126. A bombing at a market in Quetta killed 12 ..." tells the
126 twice: once in the summary, once more in its parts. ACLED codes the parts, each where it happened; the
dead no part accounts for stay with the summary, so that an article's toll is counted once and none of it
is lost. A summary whose parts account for everyone it counts adds nothing of its own and is dropped.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitroom.events.labels import in_a_label
from sitroom.geo.distance import haversine_km
from sitroom.model import EventMention, Figure, GeoPrecision, TimePrecision

# "a string of bombings", "a wave of attacks": words that gather several acts into one phrase.
_GATHERING = {"string", "spate", "series", "wave", "number", "pair", "couple", "round", "flurry", "rash"}
_SEVERAL = {"twin", "double", "multiple", "several", "coordinated", "simultaneous", "separate"}
_MORE = re.compile(
    r"\b(also|additionally|separately|elsewhere|meanwhile|in addition|too|another|other|further|additional)\b",
    re.IGNORECASE,
)
_SAME_TOWN_KM = 15.0


def apportion_summaries(mentions: Sequence[EventMention], doc: Doc) -> list[EventMention]:
    """The mentions, with the article's summary of several attacks cut to what its parts leave untold."""
    result: list[EventMention | None] = list(mentions)
    for i, summary in enumerate(mentions):
        if summary.historical or not _has_figures(summary) or not _tells_several(summary, doc):
            continue
        parts = [m for m in mentions[i + 1 :] if not m.historical and _has_figures(m) and _part_of(m, summary)]
        if not parts:
            continue
        killed = _rest(summary.fatalities, [p.fatalities for p in parts])
        injured = _rest(summary.injured, [p.injured for p in parts])
        if killed is None and injured is None:
            result[i] = None  # its parts tell all of it
        else:
            result[i] = dataclasses.replace(summary, fatalities=killed, injured=injured)
        break  # one summary per article: what follows it is its parts
    return [m for m in result if m is not None]


def _part_of(part: EventMention, summary: EventMention) -> bool:
    """Whether ``part`` can be one of the attacks ``summary`` gathers: on its day, placed inside its area
    ("across the country", "in Baghdad"), and not told as one more ("Also in the capital", "Further attacks
    on Monday")."""
    before = part.sentence[: part.trigger_start - part.sentence_start]
    if _MORE.search(before):
        return False
    day = TimePrecision.DAY
    if summary.time_precision == part.time_precision == day and summary.date != part.date:
        return False  # "five bomb attacks ... Sunday" holds none of Monday's
    area, place = summary.place, part.place
    if area is None or place is None:
        return True
    if area.country != place.country:
        return False
    if area.precision == GeoPrecision.REGION:
        return area.admin1 is None or area.admin1 == place.admin1 or area.name == area.country
    if area.latitude is None or area.longitude is None or place.latitude is None or place.longitude is None:
        return False
    return haversine_km(area.latitude, area.longitude, place.latitude, place.longitude) <= _SAME_TOWN_KM


def _has_figures(mention: EventMention) -> bool:
    return mention.fatalities is not None or mention.injured is not None


def _tells_several(mention: EventMention, doc: Doc) -> bool:
    """'Explosions', 'a string of bombings', 'twin attacks': the trigger gathers several acts."""
    span = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if in_a_label(head):
        return False
    return head.tag_ == "NNS" and (_gathered(head) or not _counted_singly(head))


def _gathered(head: Token) -> bool:
    if any(c.lower_ in _SEVERAL for c in head.children):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in _GATHERING


def _counted_singly(head: Token) -> bool:
    """'two suicide bombers', 'the attackers': a plural that counts people, not acts."""
    return head.lemma_.lower() in ("bomber", "attacker", "gunman", "militant", "assailant")


def _rest(total: Figure | None, parts: list[Figure | None]) -> Figure | None:
    """What ``total`` leaves after the parts told after it, taken in order while they fit inside it; None
    when they account for all of it, and ``total`` itself when no part fits."""
    if total is None:
        return None
    told = 0
    for part in parts:
        if part is not None and told + part.best <= total.best:
            told += part.best
    if told == 0:
        return total
    if told == total.best:
        return None
    return dataclasses.replace(
        total,
        low=max(total.low - told, 0),
        best=total.best - told,
        high=max(total.high - told, total.best - told),
        qualifier=f"the rest of {total.text}, after the parts told apart",
    )
