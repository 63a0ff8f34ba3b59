"""Find event triggers in a parsed sentence from the lexicon in ``data/triggers.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from sitroom.datafiles import data_yaml
from sitroom.language.annotate import sentence_lemmas, sentence_tokens, sentence_words

TERRITORY = "territory"
VIOLENCE = "violence"
SUICIDE = "Suicide bomb"
IED = "Remote explosive/landmine/IED"
_SUICIDE_ATTACKERS = {"bomber", "attacker"}
_HURTING = {"wound", "injure"}  # triggers only where someone does the hurting
_LEMMAS_TESTED = frozenset({*_HURTING, "target", *_SUICIDE_ATTACKERS})  # triggers that no word list holds
# Who attacks, as the agent of a passive: "injured by a suspect", "targeted by a terror cell".
_ASSAILANTS = {
    "suspect", "attacker", "assailant", "gunman", "militant", "insurgent", "terrorist", "rebel", "jihadist",
    "cell", "fighter", "man", "woman", "youth", "gang", "mob", "extremist", "guerrilla", "separatist",
}  # fmt: skip
_MAX_PHRASE = 5
_KINDS_OF_THINGS = {
    "expert", "team", "squad", "unit", "technician", "specialist", "survivor", "victim", "helicopter", "dog",
    "aircraft", "jet", "drill", "training", "exercise", "shelter", "detector", "suspect", "police", "gear",
    "officer", "personnel", "engineer",
}  # fmt: skip


# Verbs of taking ground that take other objects too ("seized drugs", "expelled diplomats"): the object decides.
_NETWORKS = {"website", "server", "network", "system", "account", "computer", "database", "email"}
_OBJECT_DECIDES = {"seize", "expel", "enter", "storm", "recover"}
# Places that storming attacks rather than takes.
_STORMED = {
    "building", "headquarters", "station", "palace", "compound", "barracks", "point", "checkpoint", "post", "bank",
}  # fmt: skip
_GROUND = {
    "town", "city", "village", "district", "area", "region", "territory", "base", "position", "post", "hill",
    "checkpoint", "airport", "airbase", "building", "headquarters", "bridge", "road", "highway", "crossing",
    "border", "camp", "garrison", "outpost", "neighbourhood", "neighborhood", "suburb", "island", "port",
    "mountain", "ridge", "valley", "field", "oilfield", "refinery", "dam", "station", "palace", "compound",
    "stronghold", "enclave", "locality", "settlement", "province", "governorate", "county", "municipality",
    "outskirts", "control", "part", "side", "bank", "quarter", "barracks", "point", "fort", "citadel",
    "airfield", "junction", "height", "heights", "front", "line", "capital", "hamlet", "countryside", "site",
    "militant", "fighter", "terrorist", "jihadist", "rebel", "insurgent", "group", "force", "most", "rest",
}  # fmt: skip


_PEOPLE = {
    "employee", "man", "woman", "child", "people", "person", "civilian", "worker", "journalist", "aid worker",
    "hostage", "passenger", "tourist", "villager", "resident", "student", "girl", "boy", "driver", "official",
    "engineer", "teacher", "doctor", "nurse", "priest", "farmer", "trader", "businessman", "national",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    """The words that signal an event, with the token that heads them and the type they suggest."""

    head: Token
    start: int
    end: int
    sub_event_type: str

    @property
    def text(self) -> str:
        return str(self.head.doc[self.start : self.end].text)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Single-word and phrase triggers, keyed by lower-cased lemmas."""

    words: dict[str, str]
    phrases: dict[tuple[str, ...], str]
    phrase_starts: frozenset[str] = frozenset()  # the phrases' first words: no phrase starts anywhere else


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb with an object of a kind: 'seized ... firearms', 'set up ... bases'."""

    sub_event_type: str
    verbs: frozenset[str]
    objects: frozenset[str]
    subjects: frozenset[str] = frozenset()  # or a subject of a kind: "Turkish jets struck PKK positions"


@dataclass(frozen=True, slots=True)
class Frames:
    frames: tuple[Frame, ...]
    quantity_words: frozenset[str]
    verbs: frozenset[str]  # every frame's


@cache
def load_frames() -> Frames:
    raw = data_yaml("trigger_frames.yaml")
    frames = tuple(
        Frame(
            f["sub_event_type"],
            frozenset(f["verbs"]),
            frozenset(w.split()[-1] for w in f.get("objects", [])),
            frozenset(w.split()[-1] for w in f.get("subjects", [])),
        )
        for f in raw["frames"]
    )
    return Frames(frames, frozenset(raw["quantity_words"]), frozenset().union(*(f.verbs for f in frames)))


@cache
def load_lexicon() -> Lexicon:
    raw = data_yaml("triggers.yaml")
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for group in raw:
        for word in group["words"]:
            parts = tuple(_WORD_PARTS.findall(word.lower()))  # as spaCy splits "drive-by" into three tokens
            if len(parts) == 1:
                words.setdefault(parts[0], group["sub_event_type"])
            else:
                phrases.setdefault(parts, group["sub_event_type"])
    return Lexicon(words, phrases, frozenset(key[0] for key in phrases))


def find_triggers(sent: Span, lexicon: Lexicon | None = None) -> list[Trigger]:
    """Triggers in ``sent``: verb-and-object frames, then phrases before words, never overlapping."""
    framed = _frame_triggers(sent, load_frames())
    # A frame's object is part of it: "two explosive devices were found" is not also a bombing.
    inside = {t.i for f in framed for t in _frame_object_tokens(f.head)}
    words = [t for t in _word_triggers(sent, lexicon or load_lexicon()) if t.head.i not in inside]
    framed_heads = {f.head.i for f in framed}
    return sorted([*framed, *(t for t in words if t.head.i not in framed_heads)], key=lambda t: t.start)


def _frame_triggers(sent: Span, frames: Frames) -> list[Trigger]:
    found = []
    tokens = sentence_tokens(sent)
    for at, lemma in enumerate(sentence_lemmas(sent)):
        if lemma not in frames.verbs:
            continue  # most words are no frame's verb: told from the lemma, without the token's tag
        token = tokens[at]
        if token.pos_ != "VERB":
            continue
        for frame in frames.frames:
            if lemma in frame.verbs and (
                any(not frame.objects.isdisjoint(_noun_forms(o)) for o in _objects(token, frames.quantity_words))
                or any(not frame.subjects.isdisjoint(_noun_forms(s)) for s in _subjects(token))
            ):
                kind = frame.sub_event_type
                if kind == IED and any(
                    t.lower_ == "suicide" for o in token.children if o.dep_ == "dobj" for t in o.subtree
                ):
                    kind = SUICIDE  # "detonated a suicide vehicle-borne improvised explosive device"
                found.append(Trigger(token, token.i, token.i + 1, kind))
                break
    return found


def _objects(verb: Token, quantities: frozenset[str]) -> list[Token]:
    """What a verb acts on: its object, its passive subject, or the noun it modifies, with their conjuncts."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children):
        nouns.append(verb.head)  # "a stash of projectiles found in Mosul", not "units, reinforced by militias"
    if verb.lemma_.lower() in _TREADING:  # "stepped on a mine", "ran over a landmine"
        nouns += [g for c in verb.children if c.lower_ in ("on", "over") for g in c.children if g.dep_ == "pobj"]
    found: list[Token] = []
    for noun in nouns:
        for item in [noun, *(c for c in noun.conjuncts)]:
            found.append(item)
            if not quantities.isdisjoint(_noun_forms(item)):  # "rounds of ammunition"
                found.extend(g for p in item.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj")
    return found


def _subjects(verb: Token) -> list[Token]:
    """Who does what a verb says: its active subject, or the agent of its passive ('hit by drones')."""
    nouns = [c for c in verb.children if c.dep_ == "nsubj"]
    nouns += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return [item for noun in nouns for item in (noun, *noun.conjuncts)]


def _frame_object_tokens(verb: Token) -> list[Token]:
    return [t for o in verb.children if o.dep_ in ("dobj", "nsubjpass") for t in o.subtree]


def _word_triggers(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    found: list[Trigger] = []
    forms = _SentenceForms(sentence_words(sent), sentence_lemmas(sent))
    # where a phrase or a word can begin: the others are passed over without a look-up
    known = (lexicon.phrase_starts, lexicon.words, _LEMMAS_TESTED)
    starts = [sent.start + at for at, (word, lemma) in enumerate(zip(forms.words, forms.lemmas, strict=True))
              if any(word in k or lemma in k for k in known)]  # fmt: skip
    i = sent.start
    for start in starts:
        if start < i:
            continue  # inside the trigger just found
        i = start
        trigger = _phrase_at(sent, i, lexicon, forms) or _word_at(sent, i, lexicon, forms)
        if trigger is None:
            continue
        i = trigger.end
        judged = _by_object(trigger)
        if judged is not None and not _modifies_a_kind(judged.head):
            found.append(judged)
    return found


def _by_object(trigger: Trigger) -> Trigger | None:
    """A verb of taking ground whose object is neither a place nor a position: 'Police seized counterfeit
    cosmetics' and 'Germany expelled two diplomats' are no events; 'gunmen seized an employee' is an abduction.
    An attack on a website is none either."""
    head = trigger.head
    lemma = head.lemma_.lower()
    if trigger.sub_event_type == VIOLENCE and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _NETWORKS for c in head.children
    ):
        return None  # "attacked the campaign website": a cyber attack hurts no one
    if trigger.sub_event_type != TERRITORY:
        return trigger
    if head.dep_ == "amod":
        return None  # "the occupied city of El Aaiun" describes the city
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _PROJECTILES for c in head.children):
        return None  # "two rockets entered the Tel Aviv area": the firing is the event
    if lemma not in _OBJECT_DECIDES:
        return trigger
    objects = [c for c in head.children if c.dep_ == "dobj"]
    objects += [g for c in head.children if c.lower_ in ("into", "through") for g in c.children if g.dep_ == "pobj"]
    if lemma == "storm":  # "stormed the town" takes it; "stormed Kabul University" attacks the people inside
        if any(o.ent_type_ in ("GPE", "LOC") or not _noun_forms(o).isdisjoint(_GROUND - _STORMED) for o in objects):
            return trigger
        return Trigger(head, trigger.start, trigger.end, VIOLENCE)
    if not objects or any(
        o.ent_type_ in ("GPE", "LOC", "FAC") or not _noun_forms(o).isdisjoint(_GROUND) or o.pos_ == "PROPN"
        for o in objects
    ):
        return trigger
    if lemma == "seize" and any(o.lemma_.lower() in _PEOPLE or o.ent_type_ == "PERSON" for o in objects):
        return Trigger(head, trigger.start, trigger.end, "Abduction/forced disappearance")
    return None


_WORD_PARTS = re.compile(r"[^\W_]+|[^\w\s]")
_TREADING = frozenset({"step", "run", "drive", "tread"})
# Things fired that "enter" or "hit" a place without taking it.
_PROJECTILES = frozenset({"rocket", "missile", "shell", "mortar", "bullet", "projectile", "drone", "bomb"})


def _modifies_a_kind(head: Token) -> bool:
    """'bomb disposal experts', 'an attack helicopter': the trigger's words only say what kind of people or
    thing the next noun is."""
    if head.dep_ != "compound":
        return False
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else head
    return head.head.lemma_.lower() in _KINDS_OF_THINGS or after.lemma_.lower() in _KINDS_OF_THINGS


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _noun_forms(token: Token) -> set[str]:
    """A noun's lemma and its singular spelled out: the tagger reads 'bases' as 'basis'."""
    lower = token.lower_
    return {token.lemma_.lower(), lower, lower.removesuffix("s"), lower.removesuffix("es")}


@dataclass(frozen=True, slots=True)
class _SentenceForms:
    """A sentence's lower-cased words and lemmas, read once for every phrase looked up in it."""

    words: list[str]
    lemmas: list[str]


def _phrase_at(sent: Span, i: int, lexicon: Lexicon, forms: _SentenceForms) -> Trigger | None:
    at = i - sent.start
    starts = lexicon.phrase_starts
    if forms.words[at] not in starts and forms.lemmas[at] not in starts:
        return None
    doc = sent.doc
    for length in range(min(_MAX_PHRASE, sent.end - i), 1, -1):
        tokens = doc[i : i + length]
        words = tuple(forms.words[at : at + length])
        lemmas = tuple(forms.lemmas[at : at + length])
        for key in (words, (*words[:-1], lemmas[-1]), lemmas):
            if key in lexicon.phrases and (not _is_name(tokens[-1]) or _capitalised_phrase(tokens)):
                return Trigger(_phrase_head(tokens), i, i + length, lexicon.phrases[key])
    return None


def _capitalised_phrase(tokens: Span) -> bool:
    """'an Improvised Explosive Device': a common phrase written in capitals, not a name."""
    return all(t.is_title for t in tokens) and not any(t.ent_type_ in ("PERSON", "GPE", "DATE") for t in tokens)


def _phrase_head(tokens: Span) -> Token:
    """The token that heads a phrase trigger in the parse ('opened' in 'opened fire', 'bomb' in 'car bomb')."""
    verbs = [t for t in tokens if t.pos_ == "VERB"]
    return verbs[0] if verbs else tokens[-1]


def _word_at(sent: Span, i: int, lexicon: Lexicon, forms: _SentenceForms) -> Trigger | None:
    lemma, word = forms.lemmas[i - sent.start], forms.words[i - sent.start]
    if lemma not in lexicon.words and word not in lexicon.words and lemma not in _LEMMAS_TESTED:
        return None  # most words: no trigger whatever their tag (read from the forms, without the token)
    token = sentence_tokens(sent)[i - sent.start]
    if _headline_noun(token, sent) or _acronym(token):
        pass  # "Grenade explosion in Addis Ababa kills one", "struck by an IED"
    elif _is_name(token) or token.pos_ not in ("NOUN", "VERB"):
        return None
    for form in _forms(token):
        if form in lexicon.words:
            return Trigger(token, i, i + 1, lexicon.words[form])
    if token.lemma_.lower() in _HURTING and token.pos_ == "VERB" and _hurts_someone(token):
        return Trigger(token, i, i + 1, VIOLENCE)  # "A Palestinian wounded two police officers with a knife"
    if token.lemma_.lower() == "target" and token.pos_ == "VERB" and _done_by_assailants(token):
        return Trigger(token, i, i + 1, VIOLENCE)  # "SDF members were targeted by an Islamic State cell"
    if token.lemma_.lower() in _SUICIDE_ATTACKERS and any(
        t.lower_ == "suicide" for left in token.lefts for t in left.subtree
    ):
        return Trigger(token, i, i + 1, SUICIDE)  # "a suicide motorcycle bomber"
    return None


def _hurts_someone(verb: Token) -> bool:
    """'A Palestinian wounded two police officers', 'Two police agents were injured by a suspect': a doer and
    the people hurt, not '29 wounded' or 'injured by shrapnel'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "dobj" for c in verb.children) and any(not s.like_num and s.tag_ != "CD" for s in subjects):
        return True
    return _done_by_assailants(verb)


def _done_by_assailants(verb: Token) -> bool:
    """A passive verb whose agent is someone who attacks: 'were targeted by an Islamic State cell'."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(a.lemma_.lower() in _ASSAILANTS for a in agents)


def _headline_noun(token: Token, sent: Span) -> bool:
    """A capitalised first word the tagger took for a name, with no entity on it."""
    return token.i == sent.start and token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON") and token.is_title


def _acronym(token: Token) -> bool:
    """An upper-case word the tagger took for a name, with no entity on it: "IED", "VBIEDs"."""
    return token.pos_ == "PROPN" and token.is_upper and len(token) > 2 and not token.ent_type_


def _is_name(token: Token) -> bool:
    if token.ent_type_ == "DATE" and token.pos_ == "NOUN":
        return False  # the tagger reads "launched 11 mortars" as a date
    return token.pos_ == "PROPN" or token.ent_type_ in ("DATE", "PERSON", "ORG", "GPE", "WORK_OF_ART")
