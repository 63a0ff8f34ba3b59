"""Keep what is said but not done: threats, vows, plans, warnings, demands, denials and hypotheticals.

Each becomes a :class:`~sitroom.model.Statement` with its kind, the event type it speaks of, who said it
(the subject of "threatened", or the source a report names) and whom it is aimed at.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Span, Token

from sitroom.events.actors import ActorDictionary
from sitroom.events.arguments import find_arguments, phrase
from sitroom.events.modality import Modality
from sitroom.events.triggers import Trigger
from sitroom.language.annotate import span_text
from sitroom.model import Provenance, Statement

# The kind of statement each irrealis verb makes; verbs not listed give their own lemma.
_KINDS = {
    "threaten": "threat", "vow": "vow", "promise": "promise", "pledge": "promise", "plan": "plan",
    "prepare": "plan", "intend": "plan", "decide": "plan", "propose": "plan", "consider": "plan", "aim": "plan",
    "warn": "warning", "demand": "demand", "urge": "demand", "deny": "denial", "reject": "denial", "refuse": "refusal",
    "seek": "intention", "hope": "intention", "want": "intention", "try": "attempt", "attempt": "attempt",
    "goal": "plan", "intention": "plan", "preparation": "plan", "readiness": "plan",
    "threat": "threat", "bid": "attempt", "effort": "attempt", "fear": "possibility", "danger": "possibility",
    "risk": "possibility", "possibility": "possibility", "prospect": "possibility",
}  # fmt: skip
_REASON_KINDS = {
    "negated": "negation", "future or hypothetical": "future or hypothetical", "conditional": "conditional",
    "question": "question", "quoted speech": "quoted speech", "infinitive (purpose or plan)": "plan",
    "planned ('is to be')": "plan",
}  # fmt: skip
_RELATIVE = {"which", "who", "that"}
# Reasons whose clause subject is who threatens, plans or will act ("The Iraqi army will launch ...");
# a negated clause's subject is the event itself ("the attack didn't go ahead").
_ACTOR_REASONS = ("statement (", "infinitive", "future", "planned")


def statement_kind(modality: Modality) -> str | None:
    """What sort of statement a non-asserted trigger makes; None for background history, which is no statement."""
    reason = modality.reason or ""
    if reason.startswith("statement ("):
        lemma = reason.removeprefix("statement (").rstrip(")")
        return _KINDS.get(lemma, lemma)
    return _REASON_KINDS.get(reason)


def make_statement(
    sent: Span, trigger: Trigger, modality: Modality, kind: str, about: str, actors: ActorDictionary,
    country: str | None, article_id: str,
) -> Statement:  # fmt: skip
    """The statement a trigger in a threat, plan, denial or hypothetical makes."""
    speaker = _speaker(modality)
    target = find_arguments(trigger.head).target
    doc = trigger.head.doc
    start = doc[trigger.start].idx
    end = doc[trigger.end - 1].idx + len(doc[trigger.end - 1])
    return Statement(
        id=f"s-{hashlib.sha1(f'{article_id}:{start}'.encode()).hexdigest()[:12]}",
        provenance=Provenance(article_id, sent.start_char, sent.end_char),
        sentence=span_text(sent).rstrip(),
        trigger=trigger.text,
        trigger_start=start,
        trigger_end=end,
        kind=kind,
        about=about,
        speaker=speaker.text if speaker is not None else None,
        speaker_actor=actors.resolve_agent(speaker.text, country) if speaker is not None else None,
        target=target.text if target is not None else None,
        target_actor=actors.resolve(target.text, country) if target is not None else None,
    )


def _speaker(modality: Modality) -> Span | None:
    """Who threatens, vows, plans or will act: the subject of that verb or of the clause above it, else the
    source the report names."""
    cue = modality.cue
    reason = modality.reason or ""
    if cue is not None and reason.startswith(_ACTOR_REASONS):
        subject = _subject(cue)
        if subject is not None:
            return subject
    return phrase(modality.source) if modality.source is not None else None


def _subject(verb: Token) -> Span | None:
    for token in (verb, verb.head):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if subject.lower_ in _RELATIVE and token.dep_ == "relcl":
            return phrase(token.head)  # "Damascus, which threatened to shoot down Turkish planes"
        return phrase(subject)
    return None
