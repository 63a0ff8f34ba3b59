"""Read an event's participants from the dependency parse: who acted, against whom, and the object taken."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

_LIGHT_VERBS = {
    "launch",
    "conduct",
    "carry",
    "mount",
    "stage",
    "claim",
    "perform",
    "wage",
    "unleash",
    "fire",
    "begin",
    "start",
    "intensify",
    "step",
    "continue",
    "resume",
    "announce",
    "order",
}
_TARGET_PREPS = {"on", "upon", "against", "targeting", "at"}
_ATTRIBUTION_VERBS = {"attribute", "blame"}
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "which", "who", "that"})


@dataclass(frozen=True, slots=True)
class Arguments:
    """The phrases naming an event's participants (None where the sentence does not say)."""

    agent: Span | None
    target: Span | None
    taken: Span | None
    source_of_taking: Span | None


def find_arguments(trigger: Token) -> Arguments:
    """Agent, target, the object of a territorial verb, and where it was taken from."""
    if trigger.pos_ == "VERB":
        return _verb_arguments(trigger)
    return _noun_arguments(trigger)


def phrase(token: Token) -> Span:
    """The noun phrase a token heads, without trailing relative clauses or appositions."""
    doc = token.doc
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if (child.dep_ in ("compound", "appos") and child.i == end) or (child.dep_ == "prep" and child.lower_ == "of"):
            end = child.right_edge.i + 1
        elif child.dep_ == "punct" and child.text == "(":
            end = child.head.right_edge.i + 1
        else:
            break
    return doc[start:end]


def _verb_arguments(verb: Token) -> Arguments:
    subject = _child(verb, "nsubj") or _inherited_subject(verb)
    passive_subject = _child(verb, "nsubjpass")
    agent = _prep_object(verb, {"by"}, dep="agent") or _attributed_to(verb)
    obj = _child(verb, "dobj")
    target = obj or passive_subject or _prep_object(verb, _TARGET_PREPS | {"with"})
    return Arguments(
        agent=_resolve_pronoun(agent or subject, verb),
        target=phrase(target) if target is not None else None,
        taken=phrase(obj) if obj is not None else _prep_object_span(verb, {"into"}),
        source_of_taking=_prep_object_span(verb, {"from"}),
    )


def _noun_arguments(noun: Token) -> Arguments:
    first, second = _between(noun)
    agent = first or _prep_object(noun, {"by"}) or _attributed_to(noun)
    agent = agent or _modifier_agent(noun) or _light_verb_subject(noun)
    target = second or _prep_object(noun, _TARGET_PREPS | {"of"})
    return Arguments(
        agent=_resolve_pronoun(agent, noun),
        target=phrase(target) if target is not None else None,
        taken=_prep_object_span(noun, {"of"}),
        source_of_taking=_prep_object_span(noun, {"from"}),
    )


def _between(noun: Token) -> tuple[Token | None, Token | None]:
    """'clashes between Iraqi troops and ISIS', also when the clashes are the subject of 'erupted'."""
    heads = [noun] + ([noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else [])
    for head in heads:
        first = _prep_object(head, {"between"})
        if first is not None:
            return first, _child(first, "conj")
    return None, None


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _prep_object(token: Token, preps: set[str], dep: str = "prep") -> Token | None:
    for child in token.children:
        if child.dep_ in (dep, "prep") and child.lower_ in preps:
            obj = _child(child, "pobj")
            if obj is not None:
                return obj
    return None


def _prep_object_span(token: Token, preps: set[str]) -> Span | None:
    obj = _prep_object(token, preps)
    return phrase(obj) if obj is not None else None


def _attributed_to(token: Token) -> Token | None:
    for child in token.children:
        if child.lemma_.lower() in _ATTRIBUTION_VERBS:
            return _prep_object(child, {"to", "on"})
    return None


def _modifier_agent(noun: Token) -> Token | None:
    """'ISIS attack', 'US air strike', 'Russia's shelling'."""
    for child in noun.lefts:
        if child.dep_ in ("compound", "poss", "nmod", "amod") and (child.pos_ == "PROPN" or child.ent_type_):
            return child
    return None


def _light_verb_subject(noun: Token) -> Token | None:
    """'the US launched an air strike': the subject of the verb that carries the event noun."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _LIGHT_VERBS:
        return _child(head, "nsubj") or _prep_object(head, {"by"}, dep="agent")
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
        return _child(head.head, "nsubj")  # "Israel stepped up its involvement with three air strikes"
    return None


def _inherited_subject(verb: Token) -> Token | None:
    """A conjoined or participial verb shares its head's subject ('entered Mosul and captured Bazwaya')."""
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ == "VERB":
        return _child(verb.head, "nsubj")
    return None


def _resolve_pronoun(token: Token | None, anchor: Token) -> Span | None:
    """'it conducted nine air strikes' after 'The coalition reported that': follow the pronoun up."""
    if token is None:
        return None
    if token.lower_ not in PRONOUNS:
        return phrase(token)
    for ancestor in anchor.ancestors:
        subject = _child(ancestor, "nsubj")
        if subject is not None and subject.lower_ not in PRONOUNS and subject.i < token.i:
            return phrase(subject)
    if token.lower_ in ("which", "that") and token.head.dep_ == "relcl":
        return phrase(token.head.head)
    return None
