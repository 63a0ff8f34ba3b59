"""Tag a parsed article's temporal expressions, each anchored with the tense of the clause it governs."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from sitroom.model import TimeExpression
from sitroom.time.expressions import find_timexes
from sitroom.time.normalise import normalise

_FUTURE_AUX = {"will", "shall", "'ll"}
_ABSOLUTE_KINDS = {"month_year", "year", "year_span"}


def tag_document(doc: Doc, article_id: str, published: dt.date | None) -> tuple[TimeExpression, ...]:
    """Every expression in ``doc`` that can be given a value; relative ones need ``published``."""
    found = []
    for raw in find_timexes(doc.text):
        if published is None and not (raw.kind in _ABSOLUTE_KINDS or raw.part("year")):
            continue
        anchor = published or dt.date(int(raw.part("year") or 1), 1, 1)
        timex = normalise(raw, anchor, article_id, future=_is_future(doc, raw.start, raw.end))
        if timex is not None:
            found.append(timex)
    return tuple(found)


def _is_future(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = _governing_verb(span.root)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children)


def _governing_verb(token: Token) -> Token | None:
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in ("VERB", "AUX"):
            return candidate
    return None
