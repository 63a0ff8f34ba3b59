"""Date an event the way an analyst reads a report.

In order: a relative chain ("a day after the PMU offensive") resolves through the event it names; else
the temporal expression that governs the event's own clause; else the nearest one earlier in the same
paragraph, which governs the narrative; else the publication date, to the week. An expression resolved
against the publication date is never more precise than that date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitroom.events.labels import is_label
from sitroom.events.modality import own_part
from sitroom.language.annotate import doc_text, span_text
from sitroom.model import Article, TimeExpression, TimePrecision
from sitroom.time.lexicon import parse_number

_CHAIN = re.compile(
    r"\b(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<dir>after|before)\b",
    re.I,
)
_SUBJECTS = ("nsubj", "nsubjpass")
# How far apart in the parse an expression and a noun may be for the expression to date what the noun names.
_CLOSE = 4


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event's date, its precision, the words it came from, and how it was reached."""

    date: dt.date | None
    precision: TimePrecision | None
    text: str | None
    note: str | None
    last_day: dt.date | None


def date_event(trigger: Token, timexes: tuple[TimeExpression, ...], article: Article) -> EventDate:
    """The date of the event whose trigger is ``trigger``, from the article's resolved expressions."""
    calendar = tuple(t for t in timexes if t.anchored)
    chained = _through_chain(trigger, calendar, article)
    if chained is not None:
        return chained
    own = _governing(trigger, calendar)
    labelled = _label_date(trigger, calendar)
    if labelled is not None and (own is None or not _dates_directly(trigger, own)):
        # "2016 Bursa bombing: A suicide bomber blew herself up ... in the 14th century Grand Mosque"
        return _from_expression(labelled, article, f"dated by the label '{labelled.text}'")
    if own is not None:
        return _from_expression(own, article, None)
    narrative = _narrative(trigger, calendar)
    if narrative is not None:
        return _from_expression(
            narrative, article, f"no date in the sentence: '{narrative.text}' earlier in the paragraph"
        )
    if article.published is None:
        return EventDate(None, None, None, "no publication date and no date in the text", None)
    precision = max(TimePrecision.WEEK, article.published_precision)
    note = "no date in the text: publication week" + _inferred(article)
    return EventDate(article.published, precision, None, note, article.published)


def _from_expression(timex: TimeExpression, article: Article, note: str | None) -> EventDate:
    precision = timex.precision or TimePrecision.MONTH
    if timex.relative:
        precision = max(precision, article.published_precision)
        if article.published_inferred_from:
            note = (note + "; " if note else "") + "resolved against an inferred publication date"
    return EventDate(timex.first_day, precision, timex.text, note, timex.last_day)


def _inferred(article: Article) -> str:
    source = article.published_inferred_from
    return f" (publication date inferred from '{source}')" if source else ""


def _governing(token: Token, timexes: tuple[TimeExpression, ...], exclude: Span | None = None) -> TimeExpression | None:
    """The expression in the token's sentence nearest to it in the parse (then in the text)."""
    sent = token.sent
    inside = [t for t in timexes if sent.start_char <= t.provenance.start < sent.end_char]
    # its own part of the sentence first: "struck on Sunday in retaliation for a bombing on Wednesday"
    candidates = [t for t in inside if own_part(token, t.provenance.start)] or inside
    if exclude is not None:
        candidates = [t for t in candidates if not exclude.start_char <= t.provenance.start < exclude.end_char]
    if not candidates:
        return None
    return min(candidates, key=lambda t: _distance(token, t, token.doc))


def _label_date(trigger: Token, timexes: tuple[TimeExpression, ...]) -> TimeExpression | None:
    """The expression in a label just before the trigger's sentence, which names the event it tells."""
    sent = trigger.sent
    if sent.start == 0:
        return None
    label = trigger.doc[sent.start - 1].sent
    if not is_label(label):
        return None
    inside = [t for t in timexes if label.start_char <= t.provenance.start < label.end_char]
    return inside[-1] if inside else None


def _dates_directly(trigger: Token, timex: TimeExpression) -> bool:
    """The expression modifies the trigger's own verb or noun phrase: 'killed on Sunday', 'Sunday's attack'."""
    span = trigger.doc.char_span(timex.provenance.start, timex.provenance.end, alignment_mode="expand")
    if span is None or _clause(span.root) != _clause(trigger):
        return False
    verb = trigger.doc[_clause(trigger)] if _clause(trigger) >= 0 else trigger
    return min(_tree_distance(trigger, span.root), _tree_distance(verb, span.root)) <= 2


def _narrative(trigger: Token, timexes: tuple[TimeExpression, ...]) -> TimeExpression | None:
    """The last expression before the trigger's sentence in the same paragraph."""
    text = doc_text(trigger.doc)
    sentence_start = trigger.sent.start_char
    paragraph_start = text.rfind("\n\n", 0, sentence_start) + 1
    earlier = [t for t in timexes if paragraph_start <= t.provenance.start < sentence_start]
    return earlier[-1] if earlier else None


def _distance(trigger: Token, timex: TimeExpression, doc: Doc) -> tuple[int, int, int]:
    """Order candidate expressions: same clause first, then nearer in the parse, then nearer in the text.

    "Troops entered the outskirts of Mosul Monday, as the offensive launched October 17 ..." dates the
    entry by "Monday": "October 17" belongs to the clause of "launched".
    """
    span = doc.char_span(timex.provenance.start, timex.provenance.end, alignment_mode="expand")
    if span is None:
        return (1, 99, abs(timex.provenance.start - trigger.idx))
    other_clause = int(_clause(span.root) != _clause(trigger))
    return (other_clause, _tree_distance(trigger, span.root), abs(timex.provenance.start - trigger.idx))


def _clause(token: Token) -> int:
    """The index of the verb heading the token's clause (a verb heads its own), or -1 if there is none."""
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in ("VERB", "AUX"):
            return int(candidate.i)
    return -1


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in index_b:
            return n + index_b[token.i]
    return len(up_a) + len(up_b)


# -- relative chains ---------------------------------------------------------------------------------------


def _through_chain(trigger: Token, timexes: tuple[TimeExpression, ...], article: Article) -> EventDate | None:
    """'The PMU offensive came a day after extremists launched a counterattack': date one side from the other.

    The side of the sentence the trigger is not on names an event; that event's date (from its own
    expression in this sentence, or where the article mentions it before) gives this one's by the offset.
    """
    sent = trigger.sent
    for match in _CHAIN.finditer(span_text(sent)):
        connector = _token_at(sent, sent.start_char + match.start("dir"))
        if connector is None:
            continue
        after_side = _complement(connector)
        before_side = _main_subject(connector)
        if after_side is None or before_side is None:
            continue
        amount = int(parse_number(match["num"]) or 1) * (7 if match["unit"].lower().startswith("week") else 1)
        sign = 1 if match["dir"].lower() == "after" else -1
        if _within(trigger, after_side):
            other, offset = before_side, -sign * amount
        elif _within(trigger, before_side) or trigger.i == before_side.head.i:
            other, offset = _event_word(after_side), sign * amount
        else:
            continue
        reference = _date_of(other, timexes, exclude=sent)
        if reference is None:
            continue
        timex, where = reference
        if timex.first_day is None or timex.first_day != timex.last_day:
            continue
        day = timex.first_day + dt.timedelta(days=offset)
        note = f"{match[0]} '{_phrase(other)}' ({timex.text}{where})"
        precision = max(TimePrecision.DAY, article.published_precision) if timex.relative else TimePrecision.DAY
        return EventDate(day, precision, match[0], note, day)
    return None


def _token_at(sent: Span, char: int) -> Token | None:
    return next((t for t in sent if t.idx == char), None)


def _complement(connector: Token) -> Token | None:
    """What 'after' introduces: its object ('after the offensive') or its clause ('after they launched')."""
    if connector.dep_ == "mark":
        return connector.head
    objects = [c for c in connector.children if c.dep_ in ("pobj", "pcomp")]
    return objects[0] if objects else None


def _main_subject(connector: Token) -> Token | None:
    """The subject of the clause the chain modifies: 'The PMU offensive' in 'The PMU offensive came a day after'."""
    for ancestor in connector.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            if connector.dep_ == "mark" and ancestor.i == connector.head.i:
                continue
            subjects = [c for c in ancestor.children if c.dep_ in _SUBJECTS]
            return subjects[0] if subjects else None
    return None


def _within(token: Token, head: Token) -> bool:
    return bool(head.left_edge.i <= token.i <= head.right_edge.i)


def _event_word(head: Token) -> Token:
    """A clause stands for its event by its object noun ('launched a counterattack'), else by its verb."""
    if head.pos_ in ("VERB", "AUX"):
        objects = [c for c in head.children if c.dep_ in ("dobj", "attr")]
        if objects:
            return objects[0]
    return head


def _phrase(token: Token) -> str:
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    start = modifiers[0].i if modifiers else token.i
    return str(token.doc[start : token.i + 1].text)


def _date_of(word: Token, timexes: tuple[TimeExpression, ...], exclude: Span) -> tuple[TimeExpression, str] | None:
    """The date of the event ``word`` names, wherever the article mentions it with a date of its own.

    Reports introduce an event with its date ("On Saturday, the PMU announced a major offensive") and refer
    back to it bare, so the earliest mention whose sentence dates it closely in the parse wins.
    """
    lemma = word.lemma_.lower()
    names = _names(word)
    mentions = [
        t for t in word.doc
        if t.lemma_.lower() == lemma and t.pos_ in ("NOUN", "VERB") and not _within_span(t, exclude)
        and not (names and _names(t) and not names & _names(t))  # "the Mosul offensive" is not "the PMU offensive"
    ]  # fmt: skip
    # A sentence that also says the names ("the Popular Mobilization Units (PMU) announced a major offensive")
    # is about the same event, so it comes first; otherwise the earliest mention does.
    mentions.sort(key=lambda t: not names or not names & {w.lower_ for w in t.sent})
    for mention in mentions:
        timex = _governing(mention, timexes)
        if timex is not None and _distance(mention, timex, mention.doc)[1] <= _CLOSE:
            return timex, f', in the sentence "{_clip(span_text(mention.sent))}"'
    return None


def _names(token: Token) -> set[str]:
    """The names that tell one event from another of its kind: 'PMU' in 'the PMU offensive'."""
    return {c.lower_ for c in token.children if c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN"}


def _within_span(token: Token, span: Span) -> bool:
    return bool(span.start <= token.i < span.end)


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
