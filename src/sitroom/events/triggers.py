"""Find event triggers in a parsed sentence from the lexicon in ``data/triggers.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

TERRITORY = "territory"
VIOLENCE = "violence"
SUICIDE = "Suicide bomb"
_SUICIDE_ATTACKERS = {"bomber", "attacker"}
_MAX_PHRASE = 5
_KINDS_OF_THINGS = {
    "expert", "team", "squad", "unit", "technician", "specialist", "survivor", "victim", "helicopter", "dog",
    "aircraft", "jet", "drill", "training", "exercise", "shelter", "detector", "suspect",
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


@cache
def load_frames() -> Frames:
    raw = yaml.safe_load(resources.files("sitroom.data").joinpath("trigger_frames.yaml").read_text("utf-8"))
    frames = tuple(
        Frame(
            f["sub_event_type"],
            frozenset(f["verbs"]),
            frozenset(w.split()[-1] for w in f.get("objects", [])),
            frozenset(w.split()[-1] for w in f.get("subjects", [])),
        )
        for f in raw["frames"]
    )
    return Frames(frames, frozenset(raw["quantity_words"]))


@cache
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("sitroom.data").joinpath("triggers.yaml").read_text("utf-8"))
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for group in raw:
        for word in group["words"]:
            parts = tuple(word.lower().split())
            if len(parts) == 1:
                words.setdefault(parts[0], group["sub_event_type"])
            else:
                phrases.setdefault(parts, group["sub_event_type"])
    return Lexicon(words, phrases)


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
    for token in sent:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        for frame in frames.frames:
            if lemma in frame.verbs and (
                any(not frame.objects.isdisjoint(_noun_forms(o)) for o in _objects(token, frames.quantity_words))
                or any(not frame.subjects.isdisjoint(_noun_forms(s)) for s in _subjects(token))
            ):
                found.append(Trigger(token, token.i, token.i + 1, frame.sub_event_type))
                break
    return found


def _objects(verb: Token, quantities: frozenset[str]) -> list[Token]:
    """What a verb acts on: its object, its passive subject, or the noun it modifies, with their conjuncts."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children):
        nouns.append(verb.head)  # "a stash of projectiles found in Mosul", not "units, reinforced by militias"
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
    i = sent.start
    while i < sent.end:
        trigger = _phrase_at(sent, i, lexicon) or _word_at(sent, i, lexicon)
        if trigger is None:
            i += 1
            continue
        if not _modifies_a_kind(trigger.head):
            found.append(trigger)
        i = trigger.end
    return found


def _modifies_a_kind(head: Token) -> bool:
    """'bomb disposal experts', 'an attack helicopter': the trigger's words only say what kind of people or
    thing the next noun is."""
    return head.dep_ == "compound" and head.head.lemma_.lower() in _KINDS_OF_THINGS


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _noun_forms(token: Token) -> set[str]:
    """A noun's lemma and its singular spelled out: the tagger reads 'bases' as 'basis'."""
    lower = token.lower_
    return {token.lemma_.lower(), lower, lower.removesuffix("s"), lower.removesuffix("es")}


def _phrase_at(sent: Span, i: int, lexicon: Lexicon) -> Trigger | None:
    doc = sent.doc
    for length in range(min(_MAX_PHRASE, sent.end - i), 1, -1):
        tokens = doc[i : i + length]
        words = tuple(t.lower_ for t in tokens)
        lemmas = tuple(t.lemma_.lower() for t in tokens)
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


def _word_at(sent: Span, i: int, lexicon: Lexicon) -> Trigger | None:
    token = sent.doc[i]
    if _is_name(token) or token.pos_ not in ("NOUN", "VERB"):
        return None
    for form in _forms(token):
        if form in lexicon.words:
            return Trigger(token, i, i + 1, lexicon.words[form])
    if token.lemma_.lower() in _SUICIDE_ATTACKERS and any(
        t.lower_ == "suicide" for left in token.lefts for t in left.subtree
    ):
        return Trigger(token, i, i + 1, SUICIDE)  # "a suicide motorcycle bomber"
    return None


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("DATE", "PERSON", "ORG", "GPE", "WORK_OF_ART")
