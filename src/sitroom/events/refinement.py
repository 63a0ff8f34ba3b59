"""Sharpen a trigger's sub-event type from the words around it.

A generic attack or explosion takes the type of the weapon named with it ("a grenade exploded" is a
Grenade event); a protest takes the type its sentence describes (protesters clashing is a Violent
demonstration, police firing tear gas at them a Protest with intervention); an explosion of gas or a
storage tank with no weapon in sight is an accident, not an event.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Span, Token

from sitroom.events.triggers import IED, SUICIDE, TERRITORY, VIOLENCE, Trigger
from sitroom.language.annotate import span_text

# Sub-types that name the means of an attack, and so say more than "attack", "kill" or "explosion".
SPECIFIC = {
    "Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Shelling/artillery/missile attack",
    "Air/drone strike", "Chemical weapon", "Abduction/forced disappearance",
}  # fmt: skip
# Words that say something blew up without saying what: the weapon named with them decides the type.
_GENERIC_EXPLOSIONS = {"explosion", "blast", "explode", "detonate", "detonation", "blow"}
_EXPLOSIVE_MODIFIERS = {"explosive", "explosives", "dynamite"}
_ACCIDENT = re.compile(
    r"\b(gas|cooking gas|container|tank|cylinder|boiler|factory|plant|chemicals?|fireworks|storage|industrial|"
    r"leak|solvents?|fuel|warehouse|mine shaft|coal mine)\b",
    re.IGNORECASE,
)
_WEAPON = re.compile(
    r"\b(bombs?|bombers?|bombing|ieds?|improvised|explosive devices?|explosives-laden|grenades?|landmines?|"
    r"mines?|suicide|rockets?|shells?|mortars?|missiles?|attacks?|attackers?|militants?|terror\w*|insurgents?|"
    r"rebels?|gunmen|jihadists?|claimed responsibility|booby)\b",
    re.IGNORECASE,
)
_LEAK = re.compile(r"\b(leak\w*|spill\w*|factory|plant)\b", re.IGNORECASE)
_DEATH_VERBS = {"kill", "die", "injure", "wound"}
# What poison gas does to people, which tells a chemical attack whatever carried it (not tear gas).
_CHEMICAL_SIGNS = re.compile(
    r"\b(breathing difficult\w*|difficult\w* breathing|suffocat\w*|asphyxia\w*|chlorine|sarin|nerve agents?|"
    r"poison(ous)? gas|toxic gas)\b",
    re.IGNORECASE,
)
_ANSWERING = {"accuse", "blame", "allege", "retaliation", "response", "revenge", "retaliate", "respond", "avenge"}
_MAY_CARRY_GAS = {"Shelling/artillery/missile attack", IED, VIOLENCE, "Attack", "Air/drone strike"}
_DISASTER = re.compile(
    r"\b(earthquakes?|tsunamis?|floods?|flooding|landslides?|avalanches?|mudslides?|cyclones?|hurricanes?|"
    r"typhoons?|eruptions?|volcan\w*|crash\w*|accidents?|plunged|collaps\w*|outbreaks?|epidemic|"
    r"heatwave|stampede|derail\w*|capsiz\w*|sank|drown\w*|(?:gas|chemical|toxic) (?:leak|poisoning)s?|wildfires?)\b",
    re.IGNORECASE,
)
_UNOPPOSED = re.compile(
    r"\b(deserted|abandoned|without (any )?(a )?(fight|resistance)|unopposed|"
    r"(not|no) (encounter\w* )?(any )?resistance|following the withdrawal|after the withdrawal|handed over|withdrew)\b",
    re.IGNORECASE,
)
PEACEFUL = "Peaceful protest"
INTERVENED = "Protest with intervention"  # "police fired tear gas"
_VIOLENT_CROWD = re.compile(
    r"\b(clash\w*|scuffle\w*|threw|throwing|hurl\w*|pelt\w*|torch\w*|set fire|set ablaze|burn\w*|riot(?!\s+police)\w*|"
    r"loot\w*|vandal\w*|smash\w*|stones?|rocks|petrol bombs?|molotov|(?<!non-)violent|fires|pull(ed)? down|"
    r"stormed)\b",
    re.IGNORECASE,
)
_INTERVENTION = re.compile(
    r"\b(tear ?gas|rubber bullets|water cannons?|dispers\w*|arrest\w*|batons?|pepper[- ]spray\w*|"
    r"forcefully suspended|broke up|break up|cracked down|crackdown|chas(e|ed|es|ing)|baton[- ]charg\w*|"
    r"detain(ed|ing|s)?)\b",
    re.IGNORECASE,
)
_CAUSE = re.compile(r"\b(following|after|over|against|for|about|protesting|denouncing) (the |their |his |her )?$", re.I)
_PROTEST_WORDS = re.compile(r"\b(protest\w*|demonstrat\w*|marchers|rally|rallies|sit-ins?)\b", re.IGNORECASE)
_LETHAL_FORCE = re.compile(
    r"\b(open(ed)? fire on|fired (on|at|into)|shot dead|live (ammunition|rounds|fire)|excessive force|"
    r"violently (suppress|dispers|disperse)\w*|"
    r"kill\w* (\w+ ){0,2}(protesters|demonstrators|marchers))\b",
    re.IGNORECASE,
)


_DESTROYED = "Looting/property destruction"
_EXPLOSIVE_TYPES = frozenset(SPECIFIC) - {"Chemical weapon", "Abduction/forced disappearance"}
_REFLEXIVES = frozenset({"himself", "herself", "themselves"})


def _generic_explosion(trigger: Trigger) -> bool:
    """'an explosion', 'a blast': something blew up, and the weapon named with it decides the type."""
    return trigger.sub_event_type == IED and trigger.head.lemma_.lower() in _GENERIC_EXPLOSIONS


def _used_by(weapon: Token, verb: Token) -> bool:
    """'destroyed a power pylon with a bomb', 'a drone strike destroyed a vehicle': ``weapon`` is what
    ``verb`` was done with."""
    if weapon.dep_ == "nsubj" and weapon.head.i == verb.i:
        return True
    return bool(weapon.dep_ == "pobj" and weapon.head.lower_ == "with" and weapon.head.head.i == verb.i)


def _by_a_bomber(verb: Token) -> str | None:
    """'Two female bombers killed themselves and three other people': a bomber kills with a bomb; one who
    kills himself with it, or is called a suicide bomber, is a suicide bombing."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    bombers = [d for d in doers if d.lemma_.lower() == "bomber"]
    if not bombers:
        return None
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    themselves = any(o.lower_ in _REFLEXIVES for o in objects)
    suicide = any(t.lower_ == "suicide" for b in bombers for t in b.subtree)
    return SUICIDE if suicide or themselves else IED


def most_specific(trigger: Trigger, triggers: list[Trigger]) -> Trigger:
    """'a car bombing attack', 'a grenade exploded': a generic attack or explosion takes the weapon's type."""
    head = trigger.head
    generic_explosion = _generic_explosion(trigger)
    if trigger.sub_event_type in _MAY_CARRY_GAS and _gassed(head.sent):
        return dataclasses.replace(trigger, sub_event_type="Chemical weapon")  # "treated for breathing difficulties"
    if trigger.sub_event_type == TERRITORY and any(
        t.sub_event_type == SUICIDE and t.head.dep_ == "nsubj" and t.head.head.i == head.i for t in triggers
    ):
        return dataclasses.replace(trigger, sub_event_type=SUICIDE)  # "suicide car bombers stormed a compound"
    if trigger.sub_event_type == IED and any(
        t.sub_event_type == SUICIDE and head.left_edge.i <= t.head.i < head.i and t.head.dep_ != "conj"
        for t in triggers
    ):
        return dataclasses.replace(trigger, sub_event_type=SUICIDE)  # "a suicide vehicle-borne IED"
    if trigger.sub_event_type == _DESTROYED:
        weapon = next((t for t in triggers if t.sub_event_type in _EXPLOSIVE_TYPES and _used_by(t.head, head)), None)
        if weapon is not None:
            return dataclasses.replace(trigger, sub_event_type=weapon.sub_event_type)
    if trigger.sub_event_type not in (VIOLENCE, "Attack") and not generic_explosion:
        return trigger
    if head.lemma_.lower() == "ram" and any(
        "explosive" in t.lower_ or "bomb" in t.lower_ for o in head.children if o.dep_ == "dobj" for t in o.subtree
    ):
        return dataclasses.replace(trigger, sub_event_type=SUICIDE)  # "rammed his explosive-laden vehicle into"
    bombed = _by_a_bomber(head)
    if bombed is not None:
        return dataclasses.replace(trigger, sub_event_type=bombed)
    inside = [
        t for t in triggers
        if t is not trigger and t.sub_event_type in SPECIFIC and t.sub_event_type != trigger.sub_event_type
        and (head.left_edge.i <= t.head.i <= head.right_edge.i or any(a.i == head.i for a in t.head.ancestors)
             or t.head.head.i == head.i or head.head.i == t.head.i)
    ]  # fmt: skip
    if inside:
        return dataclasses.replace(trigger, sub_event_type=inside[0].sub_event_type)
    modifiers = [c for c in head.children if c.dep_ in ("amod", "compound")]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ in ("amod", "compound")]
    if not generic_explosion and any(c.lower_ in _EXPLOSIVE_MODIFIERS for c in modifiers):
        return dataclasses.replace(trigger, sub_event_type=IED)  # "an explosive-incendiary attack"
    return trigger


def _gassed(sent: Span) -> bool:
    """The sentence tells what poison gas did, not another event the attack answers ('airstrikes on groups it
    accused of carrying out a chlorine attack', 'in retaliation for a suspected poison gas attack')."""
    for match in _CHEMICAL_SIGNS.finditer(span_text(sent)):
        token = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), "expand")
        if token is None or not any(a.lemma_.lower() in _ANSWERING for a in token.root.ancestors):
            return True
    return False


def as_labelled(trigger: Trigger, label: Trigger | None) -> Trigger:
    """'Kabul bombing: Twelve people were killed ...': a generic trigger takes the means its label names."""
    if label is None or label.sub_event_type not in SPECIFIC:
        return trigger
    if trigger.sub_event_type in (VIOLENCE, "Attack") or _generic_explosion(trigger):
        return dataclasses.replace(trigger, sub_event_type=label.sub_event_type)
    return trigger


def with_the_protest(triggers: list[Trigger]) -> list[Trigger]:
    """'Police fired tear gas at protesters': the means of dispersal belong to the protest the sentence names,
    which then takes its kind from them, or to the clash it tells ('during a clash outside parliament')."""
    if any(t.sub_event_type in (PEACEFUL, "Violent demonstration", VIOLENCE) for t in triggers):
        return [t for t in triggers if t.sub_event_type != INTERVENED]
    return triggers


def accidental(trigger: Trigger, sent: Span) -> bool:
    """'A cooking gas container exploded', 'an earthquake killed hundreds': an explosion or a death toll with
    an accident's or a disaster's words and no weapon's."""
    lemma = trigger.head.lemma_.lower()
    if trigger.sub_event_type == "Chemical weapon" and _LEAK.search(span_text(sent)):
        return not _WEAPON.search(span_text(sent))  # "poisonous gas leaked from a chemical factory"
    if _generic_explosion(trigger):
        return bool(_ACCIDENT.search(span_text(sent))) and not _WEAPON.search(span_text(sent))
    if lemma in _DEATH_VERBS:
        # a storm kills; "attempted to storm a checkpoint" is no storm
        storm = any(t.lemma_.lower() == "storm" and t.pos_ == "NOUN" for t in sent)
        return (storm or bool(_DISASTER.search(span_text(sent)))) and not _WEAPON.search(span_text(sent))
    return False


def nonviolent_takeover(sent: Span) -> bool:
    """'seized a deserted base', 'entered the town without resistance': territory changing hands unopposed."""
    return bool(_UNOPPOSED.search(span_text(sent)))


def protest_kind(trigger: Trigger, sent: Span, hurt: bool, after: str = "") -> str:
    """The sub-type of a protest from what its sentence says happened at it, and from the violence the rest of
    its scene (``after``) tells. ``hurt``: people were killed or injured at it."""
    if trigger.sub_event_type not in (PEACEFUL, INTERVENED):
        return trigger.sub_event_type
    text = _outside(sent, trigger.head)
    if hurt or _LETHAL_FORCE.search(text):
        return "Excessive force against protesters"
    if _VIOLENT_CROWD.search(text + " " + after):
        return "Violent demonstration"  # whoever intervened: the protesters were violent
    if trigger.sub_event_type == INTERVENED or any(not _a_cause(text, m.start()) for m in _INTERVENTION.finditer(text)):
        return INTERVENED
    return PEACEFUL


def _a_cause(text: str, start: int) -> bool:
    """'protested following the arrest of ...': the intervention words name what the protest was about."""
    return bool(_CAUSE.search(text[max(0, start - 20) : start]))


def at_a_protest(sent: Span) -> bool:
    """The sentence is about a protest: state violence in it is force against protesters."""
    return bool(_PROTEST_WORDS.search(span_text(sent)))


def _outside(sent: Span, head: Token) -> str:
    """The sentence without the protest word itself: 'protests turned violent' is judged on 'turned violent'."""
    start: int = head.idx - sent.start_char
    end = start + len(head)
    text = span_text(sent)
    return text[:start] + " " * (end - start) + text[end:]
