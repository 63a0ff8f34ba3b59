"""Find event triggers in a parsed sentence from the lexicon in ``data/triggers.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

TERRITORY = "territory"
VIOLENCE = "violence"
_MAX_PHRASE = 5


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
    """Triggers in ``sent``, phrases before words, never overlapping."""
    lexicon = lexicon or load_lexicon()
    found: list[Trigger] = []
    i = sent.start
    while i < sent.end:
        trigger = _phrase_at(sent, i, lexicon) or _word_at(sent, i, lexicon)
        if trigger is None:
            i += 1
            continue
        found.append(trigger)
        i = trigger.end
    return found


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _phrase_at(sent: Span, i: int, lexicon: Lexicon) -> Trigger | None:
    doc = sent.doc
    for length in range(min(_MAX_PHRASE, sent.end - i), 1, -1):
        tokens = doc[i : i + length]
        words = tuple(t.lower_ for t in tokens)
        lemmas = tuple(t.lemma_.lower() for t in tokens)
        for key in (words, (*words[:-1], lemmas[-1]), lemmas):
            if key in lexicon.phrases and not _is_name(tokens[-1]):
                return Trigger(_phrase_head(tokens), i, i + length, lexicon.phrases[key])
    return None


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
    return None


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("DATE", "PERSON", "ORG", "GPE", "WORK_OF_ART")
