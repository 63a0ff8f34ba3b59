"""Tag a parsed article's temporal expressions, each anchored with the tense of the clause it governs."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from sitroom.language.annotate import doc_text
from sitroom.model import TimeExpression
from sitroom.time.expressions import RawTimex, find_timexes
from sitroom.time.normalise import FUTURE, PAST, Anchor, normalise

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_MODALS = {"could", "might", "may", "should", "must", "can"}
_DEADLINE = re.compile(r"\b(until|till|as early as|as soon as|no later than|deadline of)\s+$", re.I)
# Expressions that name a day, and so move the narrative's reference day forward.
_DAY_KINDS = {
    "date", "date_range", "numeric_date", "weekday", "weekday_date", "dayword", "holiday", "anaphoric", "clock"
}  # fmt: skip


def tag_document(doc: Doc, article_id: str, published: dt.date | None) -> tuple[TimeExpression, ...]:
    """Every expression in ``doc`` that can be given a value; relative ones need ``published``."""
    found: list[TimeExpression] = []
    reference: dt.date | None = None
    period: str | None = None
    for raw in find_timexes(doc_text(doc)):
        if published is None and not raw.self_anchored:
            continue
        when = published or dt.date(int(raw.part("year") or 1), 1, 1)
        timex = normalise(raw, Anchor(when, _tense(doc, raw), reference, period), article_id)
        if timex is None:
            continue
        found.append(timex)
        if raw.kind in _DAY_KINDS and timex.first_day is not None and timex.first_day == timex.last_day:
            reference = timex.first_day
        if timex.anchored and raw.kind != "ago":
            period = timex.value
    return tuple(found)


def _tense(doc: Doc, raw: RawTimex) -> str | None:
    """'future' or 'past' for the clause the expression sits in; None for present or unknown."""
    span = doc.char_span(raw.start, raw.end, alignment_mode="expand")
    if span is None:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _FUTURE_AUX for c in aux) or _going_to(verb):
        return FUTURE
    if verb.tag_ == "VB" and any(c.lower_ in _MODALS for c in aux):
        return FUTURE  # "could come as early as Tuesday"
    if _DEADLINE.search(doc_text(doc)[max(0, raw.start - 20) : raw.start]) and verb.tag_ != "VBD":
        return FUTURE  # "has given them until Tuesday"
    perfect = any(c.lemma_.lower() == "have" for c in aux)
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and perfect) or any(c.tag_ == "VBD" for c in aux):
        return PAST
    return None


def _governing_verb(token: Token) -> Token | None:
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in ("VERB", "AUX"):
            return candidate
    return None


def _going_to(verb: Token) -> bool:
    """'is going to attack', 'are expected to', 'plans to' put the clause in the future."""
    head = verb.head if verb.dep_ == "xcomp" else None
    return head is not None and head.lemma_.lower() in ("go", "expect", "plan", "schedule", "intend", "due")
