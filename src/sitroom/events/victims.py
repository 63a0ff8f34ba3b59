"""Read counts of people from the parse: the victims a casualty verb governs, and their numbers.

Killed and injured, and also abducted ("kidnapped 12 workers"), arrested ("police detained 30 suspects"),
displaced ("forced more than 17,000 civilians to flee") and troops ("deployed roughly 700 troops").

"At least nine Afghan security force members were killed and fifteen others injured" gives nine killed
(the passive subject of *killed*) and fifteen injured (the noun *injured* modifies); "a village chief imam
and four others were slaughtered" gives five, one for the singular victim and four for its conjunct.
Phrases introduced by "including" are parts of a count already read and are never added to it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitroom.events.figures import Count, parse_count
from sitroom.events.sides import side_of
from sitroom.language.annotate import doc_text, sentence_lemmas, sentence_tokens
from sitroom.model import Figure, Provenance

# Verbs whose victims die or are hurt; "shoot", "stab" and the like only with "dead" or "to death".
_KILLED = {
    "kill", "die", "slaughter", "massacre", "execute", "murder", "behead", "assassinate", "perish", "lynch",
    "incinerate", "slay", "succumb", "neutralize", "neutralise",  # armies say "neutralized" for killed
}  # fmt: skip
# "found dead" too: the bodies of people killed.
_TO_DEATH = {"shoot", "stab", "beat", "hack", "burn", "stone", "bludgeon", "gun", "crush", "torture", "find"}
_INJURED = {"injure", "wound", "hurt", "hospitalise", "hospitalize", "maim"}
# Bodies found are people killed: "the bodies of seven of them were found in a desert".
_FIND_BODIES = {"find", "discover", "recover", "retrieve", "exhume"}
_BODIES = {"body", "corpse"}
_STABBED = {"stab"}
_ABDUCTED = {"abduct", "kidnap"}
_ARRESTED = {"arrest", "detain", "apprehend"}
_DISPLACED = {"displace", "flee", "uproot", "evacuate"}
_TROOPS_MOVED = {"deploy", "send", "dispatch", "station", "mass", "amass", "mobilize", "mobilise", "redeploy"}
# Every lemma _kind can give a kind to: any other word is none, told without looking at its parse.
_KIND_LEMMAS = frozenset(
    {"slit", "cut", "death", "leave", "take"} | _FIND_BODIES | _KILLED | _INJURED | _TO_DEATH | _STABBED
    | _ABDUCTED | _ARRESTED | _DISPLACED | _TROOPS_MOVED
)  # fmt: skip
_TROOP_WORDS = {
    "troop", "soldier", "fighter", "force", "personnel", "militiaman", "militant", "commando", "marine",
    "paratrooper", "serviceman", "reservist", "policeman", "officer", "adviser", "advisor", "member",
}  # fmt: skip
_INTRANSITIVE = {"die", "perish", "flee", "succumb"}
# A personal pronoun as the subject stands for one person: "He was shot and killed".
_ONE_PERSON = {"he", "she", "him", "her"}
_ONE_DETERMINERS = {"a", "an", "one", "the", "another"}
# Subjects that do harm but are no one: "A bomb killed one and another was injured".
_NOT_PEOPLE = {
    "bomb", "blast", "explosion", "attack", "device", "mine", "shell", "rocket", "missile", "strike", "grenade",
    "car", "truck", "vehicle", "fire", "shelling", "airstrike", "bombing", "ied",
}  # fmt: skip
_CALENDAR_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "hour", "hours", "am", "pm", "a.m.", "p.m.", "o'clock", "night", "morning",
}  # fmt: skip
_ANIMALS = {
    "animal", "livestock", "cattle", "cow", "sheep", "goat", "camel", "horse", "donkey", "dog", "chicken", "bird",
}  # fmt: skip
_AGGREGATES = {"total", "number", "toll"}  # "a total of 30 people"
_NOBODY = {"no", "nobody", "none"}
_PASSIVE_AUXILIARIES = {"was", "were", "is", "are", "been", "being", "have", "has", "had", "got"}
_ITEM_DETERMINERS = {"a", "an", "the", "his", "her", "their", "one"}
_TOTAL_NOUNS = {"people", "persons", "others", "civilians", "victims"}
_TOLD_HURT = {"wounded", "injured", "hurt", "missing", "kidnapped", "abducted", "arrested"}
_RELATIVE = {"who", "which", "that"}
# Singular nouns that name many people: "the crowd was attacked" counts no one.
_COLLECTIVE = {
    "people", "police", "group", "crowd", "convoy", "family", "unit", "patrol", "army", "force", "population",
    "team", "staff", "personnel", "community", "village", "town", "city", "rest", "majority", "number", "total",
}  # fmt: skip
# The attacker dying in their own attack counts among the dead ("killing himself and 6 others").
_REFLEXIVE = {"himself": 1, "herself": 1, "themselves": 2}
# Nouns for one person, counted even without an article: "Russian police officer was gunned down".
_PERSON_NOUNS = {
    "officer", "policeman", "policewoman", "soldier", "guard", "journalist", "official", "commander", "leader",
    "cleric", "judge", "lawyer", "doctor", "man", "woman", "child", "boy", "girl", "civilian", "teacher", "student",
    "worker", "farmer", "politician", "activist", "candidate", "mayor", "governor", "chief", "priest", "imam",
    "trooper", "militant", "fighter", "member", "bystander", "resident", "villager", "driver", "employee",
    "colonel", "general", "major", "captain", "lieutenant", "sergeant", "ambassador", "minister", "diplomat",
    "reporter", "photographer", "engineer", "contractor", "nurse", "pilgrim", "shepherd",
}  # fmt: skip
_CIVILIAN_WORDS = {
    "civilian", "woman", "child", "resident", "villager", "mourner", "worshipper", "family", "people", "person",
    "passenger", "student", "pilgrim", "shopper", "girl", "boy", "farmer", "teacher", "worker",
    "contractor", "engineer", "driver", "shepherd", "trader", "businessman", "journalist", "doctor", "nurse",
    "tourist", "man", "herder", "fisherman", "labourer", "laborer", "vendor", "employee",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class VictimCount:
    """One casualty figure the parse gives, and whether its victims are named as civilians."""

    figure: Figure
    civilian: bool
    spans: tuple[tuple[int, int], ...]  # the character spans of the numbers read, in the article
    verb: int  # the index of the verb that governs the people counted
    pronoun: bool = False  # counted from "he" or "she" alone


def parse_victims(sent: Span, article_id: str) -> list[VictimCount]:
    """Every killed, injured, abducted, arrested or displaced figure whose people a verb of ``sent`` governs,
    and the troops a verb deploys."""
    found: list[VictimCount] = []
    for token in _may_tell_a_kind(sent):
        kind = _kind(token)
        if kind is None:
            continue
        if kind == "killed" and token.pos_ == "NOUN":  # "resulted in the deaths of 16 people"
            if any(c.dep_ in ("nummod", "quantmod") for c in token.children):
                continue  # "6 deaths of the Syrian Army": the word patterns read the number of deaths
            victims = [v for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj" for v in _with_conjuncts(o)]  # fmt: skip
        else:
            victims = [v for v in _victims(token) if kind != "troops" or v.lemma_.lower() in _TROOP_WORDS]
        victims = [v for v in victims if v.dep_ != "conj" or not _told_otherwise(v, kind)]
        counted = [(v, c) for v in victims for c in [_count(v)] if c is not None]
        # "were kidnapped and killed", "were killed and beheaded": people a verb before has counted
        seen = {span for f in found if f.figure.kind == kind for span in f.spans}
        counted = [(v, c) for v, c in counted if (c[1], c[2]) not in seen]
        if not counted:
            continue
        found.append(_figure(kind, counted, article_id, token.i))
    # "A woman was killed when a shell fell on her house, killing her": a pronoun is someone counted already.
    named = {f.figure.kind for f in found if not f.pronoun}
    return [f for f in found if not (f.pronoun and f.figure.kind in named)]


def _told_otherwise(noun: Token, kind: str) -> bool:
    """'killed one and another 4 wounded', 'killed 23 people and another 30 were injured': a conjunct whose
    own participle says something else befell it."""
    if any(c.dep_ in ("acl", "amod") and _kind(c) not in (None, kind) for c in noun.children):
        return True
    doc, i = noun.doc, noun.i + 1
    while i < noun.sent.end and doc[i].lower_ in _PASSIVE_AUXILIARIES | {"also", "reportedly", "seriously"}:
        i += 1
    verb = doc[i] if i < noun.sent.end else None
    return i > noun.i + 1 and verb is not None and _kind(verb) not in (None, kind)


def agent_spans(sent: Span) -> list[tuple[int, int]]:
    """The character spans of the subjects that do the killing ('Two bomb explosions killed two soldiers'):
    numbers there count attacks or attackers, never victims."""
    spans = []
    for token in _may_tell_a_kind(sent):
        if _kind(token) is None or not any(c.dep_ == "dobj" for c in token.children):
            continue
        for subject in (c for c in token.children if c.dep_ == "nsubj"):  # "Missile strikes from two drones"
            spans.append((subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)))
        if token.dep_ == "acl":  # "... from two US drones killed at least 21": the noun it modifies
            spans.append((token.head.left_edge.idx, token.head.idx + len(token.head)))
    return spans


def _may_tell_a_kind(sent: Span) -> list[Token]:
    """The sentence's tokens whose lemma a kind of figure has: the only ones :func:`_kind` can give one."""
    tokens = sentence_tokens(sent)
    return [tokens[i] for i, lemma in enumerate(sentence_lemmas(sent)) if lemma in _KIND_LEMMAS]


def _kind(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma not in _KIND_LEMMAS:
        return None
    if lemma in ("slit", "cut") and any(c.dep_ == "dobj" and c.lemma_.lower() == "throat" for c in token.children):
        return "killed"  # "slit the throats of five civilians"
    if lemma == "death" and token.pos_ == "NOUN":
        return "killed"
    if lemma == "leave" and any(c.dep_ in ("oprd", "acomp") and c.lower_ == "dead" for c in token.children):
        return "killed"  # "a counterattack left a separatist and a soldier dead"
    if lemma in _FIND_BODIES and any(
        c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in _BODIES for c in token.children
    ):
        return "killed"  # "The bodies of seven of them were found"
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBN", "VBD", "VBG"):
        return None
    if lemma in _KILLED:
        return "killed"
    if lemma in _INJURED:
        return "injured"
    if lemma in _TO_DEATH and _to_death(token):
        return "killed"
    if lemma in _STABBED and not _killed_too(token):
        return "injured"  # "stabbed a man and a woman": hurt, unless the sentence kills them
    if lemma in _ABDUCTED or (lemma == "take" and any(c.lower_ == "hostage" for c in token.children)):
        return "abducted"
    if lemma in _ARRESTED:
        return "arrested"
    if lemma in _DISPLACED:
        return "displaced"
    if lemma in _TROOPS_MOVED:
        return "troops"
    return None


def _killed_too(token: Token) -> bool:
    """'stabbed two people, killing one', 'stabbed and killed': the sentence tells a death of the stabbing."""
    return any(t.lemma_.lower() in _KILLED or t.lower_ == "dead" for t in token.sent)


def _to_death(token: Token) -> bool:
    """'shot dead', 'stabbed ... to death', 'gunned down', 'fatally stabbed'."""
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in ("fatally", "mortally"):
            return True
        if child.lower_ == "dead" or (child.dep_ == "prt" and child.lower_ == "down" and token.lemma_ == "gun"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ == "death" for g in child.children):
            return True
    return False


def _victims(verb: Token) -> Iterator[Token]:
    """The nouns naming who was killed or hurt, each with its conjuncts ('an imam and four others')."""
    children = list(verb.children)
    heads: list[Token] = [c for c in children if c.dep_ == "nsubjpass"]
    if len(heads) > 1:  # "20 people including 8 peacekeepers and 12 soldiers were killed", misparsed: a part
        doc = verb.doc
        heads = [h for h in heads if not _inside_including(doc[heads[0].i : h.i])]
    if verb.lemma_.lower() in _STABBED:  # the stabbed are its object or passive subject, never its doer
        heads = heads or [c for c in children if c.dep_ == "dobj"]
        hurting = [v for v in verb.conjuncts if v.lemma_.lower() in _INJURED | _KILLED]
        heads = heads or [c for v in hurting for c in v.children if c.dep_ == "dobj"]
        yield from (v for head in heads for v in _with_conjuncts(head))
        return
    if not heads and (verb.lemma_.lower() in _INTRANSITIVE or _passive_participle(verb)):
        heads = [c for c in children if c.dep_ == "nsubj"]
    if not heads and verb.dep_ == "xcomp" and verb.lemma_.lower() in _INTRANSITIVE:
        heads = [c for c in verb.head.children if c.dep_ == "dobj"]  # "forced 17,000 civilians to flee"
    if not heads and verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in children):
        heads = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "were said to have been killed"
    if not heads and verb.dep_ in ("xcomp", "oprd") and verb.tag_ == "VBN" and verb.head.lemma_.lower() == "find":
        heads = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "were found killed"
    if not heads and verb.lemma_.lower() not in _INTRANSITIVE:  # "fled the scene" names a place, not people
        heads = [c for c in children if c.dep_ == "dobj"]
    if not heads and (lent := _object_read_as_subject(verb)) is not None:
        yield lent  # "killed at least 33 people and another 10 were injured", misparsed
        return
    lent = _object_read_as_subject(verb.head) if heads else None
    if lent is not None and lent.i == heads[0].i:
        yield from (v for v in _with_conjuncts(lent) if v.i != lent.i)
        return
    if not heads and _to_death(verb):
        heads = [c for c in children if c.dep_ == "npadvmod" and c.tag_ == "CD"]  # "Insurgents shoot dead seven"
    if not heads and verb.dep_ == "acomp" and verb.tag_ == "VBN":
        heads = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "officials were slain", parsed as acomp
    if not heads and verb.dep_ == "conj" and _passive_conjunct(verb):
        # "were ambushed and killed", "attacked a soldier and were shot dead": the first verb's subject
        heads = [
            c for c in verb.head.children
            if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and c.lemma_.lower() not in _NOT_PEOPLE)
        ]  # fmt: skip
    if not heads and verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "NUM"):
        heads = [verb.head]  # "fifteen others injured", "people killed"
    if heads and heads[0].lemma_.lower() in ("throat", *_BODIES):  # the people whose throats were cut, or bodies found
        heads = [o for p in heads[0].children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    heads = [verb.head if h.lower_ in _RELATIVE and verb.dep_ == "relcl" else h for h in heads]  # "refugees who fled"
    victims = [v for head in heads for v in _with_conjuncts(_through_aggregate(head))]
    if victims:
        kind = _kind(verb) or ""
        companions = [*_along_with(verb), *(n for h in heads for n in _along_with(h))]
        victims += [
            v for noun in companions for v in _with_conjuncts(noun)
            if not _told_otherwise(v, kind) and not _befell_otherwise(v, kind)
        ]  # fmt: skip
    yield from victims
    if victims:
        seen = {v.i for v in victims}
        yield from (v for v in _listed_after(max(victims, key=lambda v: v.i)) if v.i not in seen)


def _object_read_as_subject(verb: Token) -> Token | None:
    """'killed at least 33 people and another 10 were injured': the parser makes '33 people and another 10' the
    subject of 'injured', and leaves 'killed' without an object. The first conjunct is the killing's."""
    if _kind(verb) is None or any(c.dep_ == "dobj" for c in verb.children):
        return None
    for other in verb.children:
        if other.dep_ not in ("ccomp", "conj", "advcl") or _kind(other) in (None, _kind(verb)):
            continue
        for subject in (c for c in other.children if c.dep_ == "nsubjpass" and verb.i < c.i < other.i):
            if any(c.dep_ == "conj" and _additive(c) for c in subject.children):
                return subject
    return None


def _additive(noun: Token) -> bool:
    """'another 10', '10 others', '10 more'."""
    additions = ("another", "more", "other", "additional")
    return noun.lower_ in ("others", "another") or any(c.lower_ in additions for c in noun.children)


def _befell_otherwise(noun: Token, kind: str) -> bool:
    """'killed along with 67 injured': the word right after the people says something else befell them."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < noun.sent.end else None
    return after is not None and _kind(after) not in (None, kind)


def _along_with(verb: Token) -> Iterator[Token]:
    """'was killed along with his two bodyguards', 'killed the chief together with three of his guards'."""
    for child in verb.children:
        if child.lower_ in ("along", "together"):
            preps = [g for g in child.children if g.lower_ == "with"]
            preps += [c for c in verb.children if c.lower_ == "with" and c.i == child.i + 1]
            yield from (o for p in preps for o in p.children if o.dep_ == "pobj")
        elif child.lower_ == "with" and any(g.lower_ in ("along", "together") for g in child.children):
            yield from (o for o in child.children if o.dep_ == "pobj")  # "a politician, together with ..."


def _listed_after(noun: Token) -> Iterator[Token]:
    """The people a list goes on to name after ``noun`` where the parse lost the list: "killing two workers,
    two police officers, and a provincial election candidate", "killed the governor of Panjwai District,
    two of his bodyguards and his two young sons". After a bare comma an item must start with a number, so
    an apposition ("Ahmed Khan, a local commander") adds no one."""
    doc, end = noun.doc, noun.sent.end
    if noun.lower_ in _TOTAL_NOUNS:
        return  # "Eight people, seven police officers and the highway police chief": a breakdown of the eight
    i = _after_of_phrase(doc, noun.i + 1, end)
    while i < end:
        j = i + 1 if doc[i].text == "," else i
        joined = j < end and doc[j].lower_ in ("and", "plus")
        j += joined
        if j == i or j >= end:
            return
        item = _list_item(doc, j, end, numbered_only=not joined)
        if item is None:
            return
        yield item
        i = _after_of_phrase(doc, item.i + 1, end)


def _list_item(doc: Doc, start: int, end: int, numbered_only: bool) -> Token | None:
    """The noun heading the counted phrase at ``start`` ("two police officers", "his two young sons", "two of
    his bodyguards"), or None where no counted people begin there."""
    first = doc[start]
    counted = first.like_num and not in_date(first)
    if not counted and (numbered_only or first.lower_ not in _ITEM_DETERMINERS):
        return None
    i = start + 1
    while i < end and (doc[i].like_num or (doc[i].pos_ in ("ADJ", "NOUN", "PROPN") and doc[i].ent_type_ != "GPE")):
        i += 1
    last = doc[i - 1]
    if i - 1 == start and first.like_num and i < end and doc[i].lower_ == "of":
        return first if _partitive_of_people(doc, i + 1, end) else None  # "two of his bodyguards"
    if last.pos_ != "NOUN" or last.dep_ in ("nsubj", "nsubjpass") or last.lemma_.lower() in _NOT_PEOPLE:
        return None  # "..., a spokesman said", "and a car"
    if any(doc[k].lower_ in _TOLD_HURT for k in range(start, i)):
        return None  # "a killed guard and seven other wounded people"
    return last


def _partitive_of_people(doc: Doc, start: int, end: int) -> bool:
    """'of his bodyguards' names people; 'of them' names those counted already."""
    return start < end and doc[start].lower_ in ("his", "her", "their", "the") and doc[start].lower_ != "them"


def _after_of_phrase(doc: Doc, i: int, end: int) -> int:
    """The index after an 'of' phrase at ``i`` ("the governor of Panjwai District"), else ``i``."""
    if i >= end or doc[i].lower_ != "of":
        return i
    i += 1
    while i < end and (doc[i].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or doc[i].dep_ == "poss"):
        i += 1
    return i


def _passive_conjunct(verb: Token) -> bool:
    """A conjoined verb told in the passive, whose subject is its first conjunct's: 'was kidnapped and later
    killed' (a bare participle after a passive) or 'and were shot dead' (its own passive auxiliary)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in verb.head.children)


def _passive_participle(verb: Token) -> bool:
    """'... and 10 injured': a bare participle whose subject is its victim (not 'they have killed')."""
    if verb.tag_ != "VBN" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _through_aggregate(noun: Token) -> Token:
    """'a total of 30 people' names the 30 people."""
    if noun.lower_ in _AGGREGATES:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [g for g in prep.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return noun


def _with_conjuncts(noun: Token) -> Iterator[Token]:
    yield noun
    for child in noun.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            yield from _with_conjuncts(child)


_NUMBER_NOUNS = {"dozen", "score"}


def _count(noun: Token) -> tuple[Count, int, int] | None:
    """The count a victim noun gives, with its character span in the article."""
    if any(c.lower_ in _NOBODY for c in noun.children) or noun.lower_ in _NOBODY:
        return None
    of = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    if noun.lemma_.lower() in _ANIMALS or any(o.lemma_.lower() in _ANIMALS for o in of):
        return None  # "dozens of domesticated animals were stolen or killed"
    if noun.lemma_.lower() in _NOT_PEOPLE:
        return None  # "A bomb killed at least 4 soldiers and another 11 were injured", misparsed
    if in_date(noun):
        return None  # "2018 Mako Brimob standoff: Five police officers ... were killed"
    if any(c.dep_ == "nummod" and _model_number(c) for c in noun.children):
        return None  # "AK-47 automatic rifles"
    if noun.tag_ == "CD" or noun.like_num or (parse_count(noun.text) is not None and noun.pos_ != "PRON"):
        return _read(noun.left_edge.i, noun.i, noun)
    if noun.lower_ in _NUMBER_NOUNS:
        return _read(noun.left_edge.i, noun.i, noun)  # "a dozen wounded": twelve, not one
    indirect = [g for c in noun.children if c.dep_ in ("compound", "nmod", "amod") for g in c.subtree if g.i < c.i]
    # not an age: "a 55-year old civilian"
    modifiers = [*noun.children, *(g for g in indirect if g.head.lemma_.lower() not in _AGE_UNITS)]
    numbers = [
        c for c in modifiers  # "Four border patrol police officers": the number the parser hung on "patrol"
        if (c.dep_ in ("nummod", "quantmod") or c.lower_ in ("several", "many") or _compound_number(c))
        and not in_date(c) and c.i < noun.i and not _model_number(c)
    ]  # fmt: skip
    if numbers:
        number = numbers[0]  # its whole phrase: "at least 17", "between 15 and 20"
        return _read(number.left_edge.i, max(number.i, min(number.right_edge.i, noun.i - 1)), noun)
    whole = noun.left_edge.idx, noun.idx + len(noun)  # "a person", read by the word patterns as "a"
    if noun.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ == "both" for c in noun.children):
        return (Count(2, 2, 2, None, noun.text, 0, 0), *whole)  # "Both militants were shot dead"
    singular = noun.tag_ in ("NN", "NNP")
    one = any((c.dep_ == "det" and c.lower_ in _ONE_DETERMINERS) or c.dep_ == "poss" for c in noun.children)
    # "a personnel" is Indian English for one member of the forces; "a group" is no one counted
    a_member = noun.lower_ == "personnel" and any(c.lower_ in ("a", "an", "one") for c in noun.children)
    # "a 21-year-old": a person named by age alone, which the tagger reads as the adjective "old"
    aged = noun.lower_ == "old" and any(c.lemma_.lower() in _AGE_UNITS for c in noun.children if c.dep_ == "npadvmod")
    if a_member or (aged and one) or (singular and one and noun.lemma_.lower() not in _COLLECTIVE):
        return (Count(1, 1, 1, None, noun.text, 0, 0), *whole)  # "a tribal leader", "the governor and his driver"
    bare = not any(c.dep_ in ("det", "poss") for c in noun.children)
    # not a bare conjunct: "a tribal elder and chief of the peace committee" is one man
    if singular and bare and noun.dep_ != "conj" and noun.tag_ == "NN" and noun.lemma_.lower() in _PERSON_NOUNS:
        return (Count(1, 1, 1, None, noun.text, 0, 0), *whole)  # headline style: "Russian police officer was shot"
    if noun.lower_ in _REFLEXIVE and noun.dep_ in ("dobj", "conj"):
        n = _REFLEXIVE[noun.lower_]
        return Count(n, n, n, None, noun.text, 0, 0), noun.idx, noun.idx + len(noun)
    if noun.dep_ != "conj" and (
        noun.lower_ == "another" or (noun.lower_ == "other" and any(c.lower_ == "the" for c in noun.children))
    ):
        return Count(1, 1, 1, None, noun.text, 0, 0), noun.idx, noun.idx + len(noun)  # "injuring another"
    if noun.lower_ in _ONE_PERSON and noun.dep_ in ("nsubjpass", "nsubj", "dobj"):
        return Count(1, 1, 1, None, noun.text, 0, 0), noun.idx, noun.idx + len(noun)
    if noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN":
        return Count(1, 1, 1, None, noun.text, 0, 0), noun.idx, noun.idx + len(noun)
    return None


def in_date(token: Token) -> bool:
    """Whether a number is part of a date or a year ('on 12 July', '2018 Peshawar bombing'). The parser's
    DATE label alone is not enough: it often gives it to a sentence's last number ('wounding 42.')."""
    if _year(token):
        return True
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    doc = token.doc
    neighbours = [
        doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc) and doc[i].ent_type_ == token.ent_type_
    ]
    return any(t.lower_ in _CALENDAR_WORDS or _year(t) for t in neighbours)


def _year(token: Token) -> bool:
    """'2018' before a name or an event: a year, not a number of people."""
    return token.is_digit and len(token) == 4 and 1900 <= int(token.text) <= 2100


_AGE_UNITS = {"year", "month", "week", "day"}


def _compound_number(token: Token) -> bool:
    """'Two Thai soldiers', parsed with 'Two' a compound of 'Thai'; not 'a 55-year old civilian'."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    return bool(token.dep_ == "compound" and token.tag_ == "CD" and after.text != "-")


def _inside_including(between: Span) -> bool:
    """An 'including' phrase no comma closes lies between two subjects: the second is part of the first."""
    words = [str(t.lower_) for t in between]
    return "including" in words and "," not in words[words.index("including") :]


def _model_number(token: Token) -> bool:
    """A weapon's model, not a count: 'AK-47', 'M-16'."""
    return any(ch.isalpha() for ch in token.text) and any(ch.isdigit() for ch in token.text)


def _read(first: int, last: int, noun: Token) -> tuple[Count, int, int] | None:
    doc = noun.doc
    start = doc[first].idx
    end = doc[last].idx + len(doc[last])
    count = parse_count(doc_text(doc)[start:end])
    if count is None or count.best == 0:
        return None
    return count, start + count.start, start + count.end


def _figure(kind: str, counted: list[tuple[Token, tuple[Count, int, int]]], article_id: str, verb: int) -> VictimCount:
    counts = [c for _, (c, _, _) in counted]
    spans = tuple((start, end) for _, (_, start, end) in counted)
    qualifier = next((c.qualifier for c in counts if c.qualifier), None)
    text = " + ".join(c.text for c in counts)
    figure = Figure(
        kind, sum(c.low for c in counts), sum(c.best for c in counts), sum(c.high for c in counts), qualifier, text,
        Provenance(article_id, min(s for s, _ in spans), max(e for _, e in spans)),
    )  # fmt: skip
    civilian = any(noun.lemma_.lower() in _CIVILIAN_WORDS for noun, _ in counted)
    pronoun = all(noun.lower_ in _ONE_PERSON for noun, _ in counted)
    sides = {side_of(noun.text) for noun, _ in counted}
    if len(sides) == 1:
        figure = dataclasses.replace(figure, side=sides.pop())
    return VictimCount(figure, civilian, spans, verb, pronoun)
