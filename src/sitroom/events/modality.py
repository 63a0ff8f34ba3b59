"""Decide whether a trigger asserts an event that happened, and who vouches for it.

Threats, vows, plans, warnings, denials, negations, conditionals, hypotheticals and background history are
statements, not events. Claimed and reported events stay events, with their certainty and source.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitroom.language.annotate import doc_text, kept_with, span_text

_MODALS = {"will", "would", "could", "might", "may", "should", "shall", "can", "must", "'ll", "wo", "ca"}
_IRREALIS = {
    "threaten", "vow", "promise", "plan", "warn", "prepare", "intend", "seek", "hope", "want", "demand",
    "urge", "aim", "try", "attempt", "refuse", "prevent", "avoid", "deter", "fear", "risk", "expect",
    "anticipate", "propose", "consider", "volunteer", "deny", "ready", "justify", "trigger", "prompt",
    "pledge", "agree", "decide", "allow", "permit", "need", "able", "capable", "reject",
}  # fmt: skip
# Verbs whose infinitive complement happened: "forced 17,000 civilians to flee", "managed to escape".
_IMPLICATIVE = {
    "force", "cause", "compel", "oblige", "manage", "drive", "use",  # "used a car bomb to attack"
    "continue", "keep", "begin", "start", "resume",  # "continued to shell the town"
}  # fmt: skip
# What is set off when it is "triggered": a bomb, not a war.
_DETONATED = frozenset({"bomb", "ied", "mine", "landmine", "explosion", "blast", "device", "explosive", "charge"})
# Irrealis verbs whose subject is a real event that caused something ("the bombing triggered a frenzy").
# What rejecting denies an event: "rejected accusations of bombing a mosque".
_DENIED = {"accusation", "allegation", "claim", "report", "charge", "suggestion"}
_CAUSING = {"trigger", "prompt", "prevent", "deter", "risk", "justify"}
_REPORTING = {
    "say": "reported", "report": "reported", "announce": "reported", "confirm": "reported", "state": "reported",
    "tell": "reported", "note": "reported", "declare": "reported", "acknowledge": "reported", "add": "reported",
    "claim": "claimed", "allege": "alleged", "accuse": "alleged", "charge": "alleged", "blame": "alleged",
}  # fmt: skip
_SPEAKER_PRONOUNS = {"they", "we", "he", "she", "it"}
_UNCONFIRMED = {"unconfirmed", "unverified", "uncorroborated"}
_CERTAINTY_WORDS = {"alleged": "alleged", "reported": "reported", "claimed": "claimed", "unconfirmed": "unconfirmed",
                    "reportedly": "reported", "allegedly": "alleged", "apparently": "unconfirmed"}  # fmt: skip
_IRREALIS_NOUNS = {"goal", "aim", "bid", "plan", "attempt", "effort", "intention", "threat", "order", "readiness",
                   "preparation", "prospect", "danger", "risk", "possibility", "fear", "need"}  # fmt: skip
# Verbs whose negation denies that their subject happened: "the attack did not go ahead".
_OCCURRENCE = {"happen", "occur", "go", "take", "materialize", "materialise", "succeed", "start", "begin", "proceed"}
_BACKGROUND_PREPS = {"following", "after", "since", "before", "during", "like", "as"}
# Another event told as the cause or the time of the one told: "in retaliation for", "a day after".
_CONTEXT_PREPS = {"following", "after", "before"}
_CONTEXT_NOUNS = {"retaliation", "response", "revenge", "reprisal", "reaction"}
_BACKGROUND_ADVERBS = {"previously", "formerly", "once", "already"}
# "June has been particularly deadly, with a spate of bombings leaving nearly 200 dead": a sentence about a
# month or a year sums up its events rather than telling one.
_PERIOD_VERBS = {"be", "see", "witness"}
_PERIODS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "month", "year", "period", "summer", "winter", "spring", "autumn", "decade", "quarter",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Modality:
    """Whether an event is asserted, why not if not, and how sure and by whom it is claimed."""

    asserted: bool
    reason: str | None = None
    certainty: str = "reported"
    source: Token | None = None
    cue: Token | None = None  # the word that makes it no event: "threatened", "not", "if"


def assess(trigger: Token) -> Modality:
    """The modality of the clause that ``trigger`` heads or sits in."""
    chain = _clause_chain(trigger)
    certainty, source = _attribution(trigger, chain)
    found = _non_event_reason(trigger, chain)
    if found is not None:
        return Modality(False, found[0], certainty, source, found[1])
    return Modality(True, None, certainty, source)


def _clause_chain(token: Token) -> list[Token]:
    """The trigger and its ancestors up to the sentence root."""
    return [token, *token.ancestors]


def _non_event_reason(trigger: Token, chain: list[Token]) -> tuple[str, Token] | None:
    """Why the trigger's clause asserts no event, and the word that says so."""
    sent = trigger.sent
    if span_text(sent).rstrip().endswith("?"):
        return "question", sent.root
    if _inside_quotation(trigger, sent):
        return "quoted speech", trigger
    root = sent.root
    if trigger is not root and _about_a_period(root):
        return "summary of a period", root
    for below, token in zip([None, *chain], chain, strict=False):
        # The subject of "triggered" or "prompted" happened; only what they bring about is unreal.
        as_subject = below is not None and below.dep_ in ("nsubj", "nsubjpass")
        reason = _blocking(token, reporting=token.lemma_.lower() in _REPORTING, as_subject=as_subject)
        if reason:
            return reason, token
        if token.dep_ == "pobj" and context_preposition(token.head):
            return "context", token.head  # "in retaliation for a bombing in Ankara", "after the attack"
        if token.dep_ == "pobj" and token.head.lower_ in _BACKGROUND_PREPS and token.head.head.pos_ in ("VERB", "AUX"):
            return "background", token.head
    return None


def _about_a_period(root: Token) -> bool:
    """'June has been particularly deadly', '2014 saw ...': a month or a year is the sentence's subject."""
    if root.lemma_.lower() not in _PERIOD_VERBS:
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return subject.lemma_.lower() in _PERIODS or (
        subject.is_digit and len(subject) == 4 and subject.text[:2] in ("19", "20")
    )


def own_part(token: Token, start: int) -> bool:
    """Whether the character offset ``start`` lies in the same part of the sentence as ``token``: inside the
    same context phrase ('in retaliation for a bombing in Ankara on Wednesday'), or outside them all."""
    spans = _context_phrases(token.sent)
    own = next(((a, b) for a, b in reversed(spans) if a <= token.idx < b), None)
    if own is not None:
        return own[0] <= start < own[1]
    return not any(a <= start < b for a, b in spans)


def _context_phrases(sent: Span) -> list[tuple[int, int]]:
    """The character spans of the sentence's context phrases, found once per sentence."""
    return kept_with(
        sent.doc,
        ("sitroom.context_phrases", sent.start),
        lambda: [
            (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
            for t in sent if t.dep_ == "prep" and context_preposition(t)
        ],
    )  # fmt: skip


def context_preposition(prep: Token) -> bool:
    """A preposition that sets another event beside the one told: 'after' or 'following' a verb's event, or
    'for' and 'to' after 'retaliation', 'response' and their like."""
    if prep.lower_ in _CONTEXT_PREPS:
        return bool(prep.head.pos_ in ("VERB", "AUX"))
    return prep.lower_ in ("for", "to") and prep.head.lemma_.lower() in _CONTEXT_NOUNS


def _blocking(token: Token, reporting: bool, as_subject: bool = False) -> str | None:
    children = list(token.children)
    # "The shelling ... did not prevent praise": only "did not happen" and its like deny the subject.
    denies_subject = not as_subject or token.lemma_.lower() in _OCCURRENCE
    if denies_subject and any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in children):
        return "negated"
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
        return "future or hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children):
        return "conditional"
    if any(c.dep_ == "advmod" and c.lower_ in _BACKGROUND_ADVERBS for c in children):
        return "background"
    # "had earlier attacked" is history; "Earlier, a blast in Quetta killed 3" is the same day's news
    if any(c.dep_ == "advmod" and c.lower_ == "earlier" for c in children) and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in children
    ):
        return "background"
    lemma = token.lemma_.lower()
    irrealis = (lemma in _IRREALIS and token.pos_ in ("VERB", "ADJ", "AUX")) or (
        lemma in _IRREALIS_NOUNS and token.pos_ == "NOUN"
    )
    if lemma == "reject" and not any(c.dep_ == "dobj" and c.lemma_.lower() in _DENIED for c in children):
        irrealis = False  # "rejected responsibility" denies no event; "rejected accusations of bombing" does
    if lemma == "trigger" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _DETONATED for c in children):
        irrealis = False  # "Naxalites triggered a bomb explosion" set it off; "could trigger a war" did not
    if irrealis and not (as_subject and lemma in _CAUSING):
        return f"statement ({lemma})"
    if lemma == "be" and any(
        c.dep_ == "xcomp" and any(g.dep_ in ("aux", "auxpass") and g.tag_ == "TO" for g in c.children) for c in children
    ):
        return "planned ('is to be')"
    if (
        not reporting
        and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "TO" for c in children)
        and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children)  # "suspected to have had"
    ):
        head = token.head.lemma_.lower()
        # "threatened to bomb": the threatening verb above says what kind of statement it is.
        if head not in _REPORTING and head not in _IRREALIS and head not in _IMPLICATIVE:
            return "infinitive (purpose or plan)"
    return None


def _inside_quotation(token: Token, sent: Span) -> bool:
    before = doc_text(token.doc)[sent.start_char : token.idx]
    opened = before.count("“") - before.count("”")
    straight = before.count('"') % 2
    return bool(opened > 0 or straight == 1)


def _attribution(trigger: Token, chain: list[Token]) -> tuple[str, Token | None]:
    certainty = "reported"
    for child in trigger.children:
        if child.lower_ in _CERTAINTY_WORDS:
            certainty = _CERTAINTY_WORDS[child.lower_]
    for below, token in itertools.pairwise(chain):
        lemma = token.lemma_.lower()
        if lemma in _REPORTING and below.dep_ not in ("nsubj", "nsubjpass"):
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            level = _REPORTING[lemma]
            if level == "reported" and subject is not None and _own_act(trigger, subject):
                level = "claimed"  # "Rebels said they shot down a helicopter": a side telling of its own act
            if subject is not None and subject.lower_ in _SPEAKER_PRONOUNS:
                subject = _antecedent(subject)  # "It now reports ...": the group the sentence before named
            return _unconfirmed(subject, level if certainty == "reported" else certainty), subject
    according = _according_to(trigger)
    return _unconfirmed(according, certainty), according


def _antecedent(pronoun: Token, sentences_back: int = 2) -> Token | None:
    """The subject of an earlier sentence of the paragraph that a speaking pronoun names again, if any:
    a person for "he" or "she", a plural for "they" and "we", a singular thing for "it". None when no such
    subject comes first, so that no pronoun is ever given as a source."""
    lower = pronoun.lower_
    sent = pronoun.sent
    for _ in range(sentences_back):
        if sent.start == 0 or "\n" in pronoun.doc[sent.start - 1].text_with_ws:
            return None  # the paragraph starts here
        sent = pronoun.doc[sent.start - 1].sent
        for token in sent:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ not in ("NOUN", "PROPN"):
                continue
            plural = token.tag_ in ("NNS", "NNPS")
            person = token.ent_type_ == "PERSON"
            if (
                (lower in ("he", "she") and person)
                or (lower in ("they", "we") and plural)
                or (lower == "it" and not plural and not person)
            ):
                return token
    return None


def _own_act(trigger: Token, speaker: Token) -> bool:
    """The event's doer is the speaker, named again by a pronoun: 'Rebels said they shot down'."""
    doer = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if doer is None or doer.lower_ not in _SPEAKER_PRONOUNS:
        return False
    plural = speaker.tag_ in ("NNS", "NNPS") or speaker.lower_ in ("they", "we")
    return (doer.lower_ in ("they", "we")) == plural


def _unconfirmed(source: Token | None, certainty: str) -> str:
    """'Unconfirmed reports said', 'according to unverified accounts': the source itself is unconfirmed."""
    if source is not None and any(c.lower_ in _UNCONFIRMED for c in source.children):
        return "unconfirmed"
    return certainty


def _according_to(trigger: Token) -> Token | None:
    sent = trigger.sent
    if "according" not in span_text(sent).lower():
        return None  # most sentences say nothing of the kind: no need to walk their words
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
            return next((c for c in token.nbor(1).children if c.dep_ == "pobj"), None)
    return None
