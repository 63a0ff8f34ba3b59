"""Date an event from the temporal expression that governs its clause, else the publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitroom.model import TimeExpression, TimePrecision


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event's date, its precision, the words it came from, and how it was reached."""

    date: dt.date | None
    precision: TimePrecision | None
    text: str | None
    note: str | None
    last_day: dt.date | None


def date_event(trigger: Token, timexes: tuple[TimeExpression, ...], published: dt.date | None) -> EventDate:
    """The governing expression in the trigger's sentence (nearest in the parse), else publication week."""
    sent = trigger.sent
    candidates = [t for t in timexes if sent.start_char <= t.provenance.start < sent.end_char]
    if candidates:
        best = min(candidates, key=lambda t: _distance(trigger, t, trigger.doc))
        return EventDate(best.first_day, best.precision, best.text, None, best.last_day)
    if published is None:
        return EventDate(None, None, None, "no publication date and no date in the sentence", None)
    note = "no date in the sentence: publication week"
    return EventDate(published, TimePrecision.WEEK, None, note, published)


def _distance(trigger: Token, timex: TimeExpression, doc: Doc) -> tuple[int, int]:
    span = doc.char_span(timex.provenance.start, timex.provenance.end, alignment_mode="expand")
    if span is None:
        return (99, abs(timex.provenance.start - trigger.idx))
    return (_tree_distance(trigger, span.root), abs(timex.provenance.start - trigger.idx))


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in index_b:
            return n + index_b[token.i]
    return len(up_a) + len(up_b)
