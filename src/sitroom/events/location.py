"""Put an event where its sentence says it happened: the trigger's locative frame, not every place named."""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Span, Token

from sitroom.events.modality import own_part
from sitroom.geo.toponyms import DocumentGeography, Toponym, is_subdivision
from sitroom.language.annotate import doc_text
from sitroom.model import GeoPrecision, Place

_LOCATIVE_PREPS = {"in", "at", "near", "outside", "around", "into", "on", "across", "inside", "from", "of", "to",
                   "along", "throughout", "towards", "toward", "within", "off"}  # fmt: skip
_NEAR = re.compile(
    r"\b(near|outside|around|outskirts of|close to|on the road to|road (connecting|to|from)|"
    r"(north|south|east|west|northeast|northwest|southeast|southwest)(ern)? of|"
    r"\d+\s*(km|kilometres|kilometers|miles) (from|of|north|south|east|west))\W*$",
    re.IGNORECASE,
)
_LOOKBACK_CHARS = 40
_FIRING = frozenset({"fire", "launch", "shoot", "lob"})


def locate(
    trigger: Token, taken: Span | None, geography: DocumentGeography, *, frame_only: bool = False
) -> Place | None:
    """The place of the event ``trigger`` signals, with its precision; None when the sentence names none.

    ``frame_only`` takes only a place in the trigger's own frame, never the nearest town in the sentence.
    """
    sent = trigger.sent
    named = [
        t for t in geography.within(sent.start_char, sent.end_char)
        if t.place.country and not _country_as_modifier(sent.doc, t)  # a continent places no event
    ]  # fmt: skip
    in_sentence = _own_part(trigger, named)
    if not in_sentence:
        return None
    chosen = _from_frame(trigger, taken, in_sentence)
    if chosen is not None and chosen.place.precision == GeoPrecision.REGION and not frame_only:
        chosen = _town_within(trigger, chosen, in_sentence) or chosen
    if chosen is None and not frame_only:
        chosen = _nearest_locality(trigger, in_sentence)
    if chosen is None:
        return None
    place = _with_precision(chosen, sent)
    unresolved = _unresolved_object(taken, in_sentence)
    if unresolved and place.precision == GeoPrecision.LOCALITY:
        note = f"{unresolved} is not in the gazetteer; placed near {place.name}"
        return dataclasses.replace(place, precision=GeoPrecision.NEAR, note=note, mention=unresolved)
    return place


def _own_part(trigger: Token, toponyms: list[Toponym]) -> list[Toponym]:
    """The places of the trigger's part of the sentence: an event told as another's context ('in retaliation
    for a bombing in Ankara') has its own places, and the event it explains does not take them."""
    return [t for t in toponyms if own_part(trigger, t.start)]


def _from_frame(trigger: Token, taken: Span | None, toponyms: list[Toponym]) -> Toponym | None:
    """A toponym in the object taken, or under a locative preposition of the trigger or its verb."""
    if taken is not None:
        inside = [t for t in toponyms if taken.start_char <= t.start < taken.end_char]
        if inside:
            return _finest(inside)
    named_by = [t for t in toponyms if t.place.precision == GeoPrecision.LOCALITY and _names_trigger(trigger, t)]
    if named_by:
        return named_by[0]  # "the Charleston church shooting", "the Peshawar bombing"
    heads = [trigger] + ([trigger.head] if trigger.head.pos_ in ("VERB", "AUX") else [])
    objects = [c for c in trigger.children if c.dep_ == "dobj"]  # "struck PKK positions in northern Iraq"
    for head in heads + objects:
        inside = [t for t in toponyms if t.part_of_town and head in objects and _names_head(head, t)]
        for child in head.children:
            if child.lower_ == "from" and head.lemma_.lower() in _FIRING:
                continue  # "rockets fired from Gaza": where they were fired from, not where they fell
            if (child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS) or child.dep_ in ("npadvmod", "advmod"):
                span = child.doc[child.left_edge.i : child.right_edge.i + 1]
                inside += [t for t in toponyms if span.start_char <= t.start < span.end_char]
        if inside:  # "in central Kabul, not far from the Interior Ministry": the town, whichever phrase came first
            return _finest(inside)
    return None


def _names_head(head: Token, toponym: Toponym) -> bool:
    """Is ``toponym`` a modifier of ``head`` ("entered the Karama neighborhood")?"""
    span = head.doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    return span is not None and span.root.head is head


def _country_as_modifier(doc: Doc, toponym: Toponym) -> bool:
    """'the US Embassy', 'a US consulate convoy': a country naming whose a thing is, not where it is."""
    if toponym.place.precision != GeoPrecision.REGION or toponym.place.admin1 is not None:
        return False
    span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("compound", "amod", "nmod")


def _names_trigger(trigger: Token, toponym: Toponym) -> bool:
    """Does a town name the event as a modifier of its noun ("the Kabul attack")? Countries never do: in "the
    US air strike" the country is the actor."""
    span = trigger.doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if span is None or trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    token = span.root
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
        if token is trigger:
            return True
    return False


def _town_within(trigger: Token, region: Toponym, toponyms: list[Toponym]) -> Toponym | None:
    """A town of the same country in the event's own clause, finer than the province its frame names: "In
    Paktika province, a policeman was killed after gunmen attacked a check-post in Sharana"."""
    clause = trigger.head if trigger.head.pos_ in ("VERB", "AUX") else trigger
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    towns = [
        t for t in toponyms
        if t.place.precision == GeoPrecision.LOCALITY and t.place.country == region.place.country
        and start <= t.start < end
    ]  # fmt: skip
    return min(towns, key=lambda t: abs(t.start - trigger.idx)) if towns else None


def _finest(toponyms: list[Toponym]) -> Toponym:
    """A part of a town before the town ("the Karama neighborhood in Mosul"), a town before a state or
    province, and any of them before a country."""
    parts = [t for t in toponyms if t.part_of_town]
    if parts:
        return parts[0]
    localities = [t for t in toponyms if t.place.precision == GeoPrecision.LOCALITY]
    subdivisions = [t for t in toponyms if is_subdivision(t.place)]
    return (localities or subdivisions or toponyms)[0]


def _nearest_locality(trigger: Token, toponyms: list[Toponym]) -> Toponym | None:
    """Outside the trigger's frame only a town, or else a state or province, is trusted; a country named
    there is an actor's."""
    localities = [t for t in toponyms if t.place.precision == GeoPrecision.LOCALITY]
    localities = localities or [t for t in toponyms if is_subdivision(t.place)]
    return min(localities, key=lambda t: abs(t.start - trigger.idx)) if localities else None


def _with_precision(toponym: Toponym, sent: Span) -> Place:
    before = doc_text(sent.doc)[max(sent.start_char, toponym.start - _LOOKBACK_CHARS) : toponym.start]
    if toponym.place.precision == GeoPrecision.LOCALITY and _NEAR.search(before):
        return dataclasses.replace(toponym.place, precision=GeoPrecision.NEAR, mention=toponym.text)
    return dataclasses.replace(toponym.place, mention=toponym.text)


def _unresolved_object(taken: Span | None, toponyms: list[Toponym]) -> str | None:
    """A proper name taken ('captured Bazwaya') that the gazetteer does not know."""
    if taken is None:
        return None
    names = [t for t in taken if t.pos_ == "PROPN"]
    if not names or any(taken.start_char <= t.start < taken.end_char for t in toponyms):
        return None
    first = names[0]
    return str(first.text)


def partition_places(trigger: Token, geography: DocumentGeography) -> list[tuple[Span, Place]]:
    """The places of the parts of a counted event: "nine air strikes ..., including three in Mosul and one
    near Tal Afar" gives (three, Mosul) and (one, near Tal Afar). Empty when the sentence gives no parts."""
    heads = [trigger] + ([trigger.head] if trigger.dep_ in ("dobj", "nsubj", "nsubjpass") else [])
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("including", "among"):
                parts = [p for o in prep.children if o.dep_ == "pobj" for p in (o, *o.conjuncts)]
                found = [(part, place) for part in parts if (place := _part_place(part, geography)) is not None]
                if found:
                    return found
    return []


def _part_place(part: Token, geography: DocumentGeography) -> Place | None:
    """The place a part names under its own locative preposition ('three in Mosul')."""
    if not (part.like_num or any(c.dep_ == "nummod" for c in part.children)):
        return None
    for prep in part.children:
        if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE_PREPS:
            span = prep.doc[prep.i : prep.right_edge.i + 1]
            inside = [t for t in geography.within(span.start_char, span.end_char)]
            if inside:
                return _with_precision(_finest(inside), part.sent)
    return None
