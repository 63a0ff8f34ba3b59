"""Code the events of one parsed article: ACLED type, actors, date, place, fatalities and certainty."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitroom.events.actors import ActorDictionary
from sitroom.events.arguments import PRONOUNS, Arguments, find_arguments, phrase
from sitroom.events.attackers import attackers_counted, suicide_attackers, with_attackers
from sitroom.events.casualties import Casualty, find_casualties
from sitroom.events.dating import date_event
from sitroom.events.figures import add_figures
from sitroom.events.labels import is_label
from sitroom.events.location import locate, partition_places
from sitroom.events.modality import Modality, assess, own_part
from sitroom.events.population import main_town_place, population_figures
from sitroom.events.refinement import (
    INTERVENED,
    PEACEFUL,
    SPECIFIC,
    accidental,
    as_labelled,
    at_a_protest,
    most_specific,
    nonviolent_takeover,
    protest_kind,
    with_the_protest,
)
from sitroom.events.statements import make_statement, statement_kind
from sitroom.events.summaries import apportion_summaries
from sitroom.events.taxonomy import Taxonomy
from sitroom.events.triggers import SUICIDE, TERRITORY, VIOLENCE, Trigger, find_triggers
from sitroom.geo.countries import CountryTable
from sitroom.geo.toponyms import DocumentGeography, country_place, is_subdivision, names_an_incident
from sitroom.language.annotate import doc_text, kept_with, span_text
from sitroom.model import (
    Actor,
    Article,
    EventMention,
    Figure,
    GeoPrecision,
    Place,
    Provenance,
    Statement,
    TimeExpression,
)

_STATE = 1
_CIVILIANS = 7
_CROWDS = {5, 6}
_PROTESTERS = 6
# Targets whose people are civilians: an attack on a hotel or a bus is violence against civilians.
_CIVILIAN_PLACES = {
    "hotel", "school", "church", "mosque", "market", "bazaar", "village", "bus", "teahouse", "cafe", "restaurant",
    "shop", "hospital", "wedding", "funeral", "home", "house", "temple", "shrine", "population", "vehicle", "car",
    "passenger", "worshipper", "shopper", "student", "pilgrim", "farmer", "family", "household", "synagogue",
    "concert", "festival", "nightclub", "bar", "university", "college", "clinic", "camp",
}  # fmt: skip
_EXCESSIVE_FORCE = "Excessive force against protesters"
_PROTESTS = {PEACEFUL, INTERVENED}
_VIOLENCE_TYPES = {"Armed clash", "Attack"}
_TOLD = {"VBD", "VBN", "VBZ", "VBP"}
_EXTERNAL = 8
_NON_STATE_WORDS = {
    "rebel", "militant", "insurgent", "opposition", "jihadist", "terrorist", "militia", "militiaman", "separatist",
    "guerrilla", "fighter", "gunman", "faction",
}  # fmt: skip
_STATE_WORDS = {"army", "military", "government", "troop", "soldier", "force", "police", "regime", "unit"}
_OTHER_FIGURES = ("abducted", "arrested", "displaced", "troops")
_BATTLES = "Battles"  # what a threat to fight or to take ground speaks of, when its sides are unknown
_TAKEOVERS = {"Government regains territory", "Non-state actor overtakes territory"}
_RIOTS = {"Violent demonstration"}
_ARMED_GROUPS = {2, 3, 4}
# Means only states have: an air strike is never put on an armed group the article merely names.
_STATE_MEANS = {"Air/drone strike"}
# Killing verbs beside another trigger ("bomb attacks ..., killing at least 17") report that event's toll.
_DESTRUCTION = "Looting/property destruction"
_CONSEQUENCE_LEMMAS = {"kill", "incinerate", "massacre", "slaughter", "murder", "wound", "injure"}
_TOLL_VERBS = {"kill", "die", "injure", "wound", "perish"}
_GENERIC_ATTACKS = {"attack", "attacks", "assault", "raid", "attacked", "assaulted", "raided"}
_MEANS = {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Shelling/artillery/missile attack"}
_TOLL_KINDS = {"killed", "injured"}
_DETERMINERS = {"det", "nummod", "poss", "quantmod"}
_ANAPHORIC = {"the", "these", "this", "those", "that"}
_PRONOUNS = PRONOUNS | {"you", "this"}
# Nouns that, made definite ("the attack"), refer back to whatever event the article has just told.
# Sub-types whose passive subject is the actor itself, not a target: "troops were deployed".
_SELF_MOVING = {"Change to group/activity", "Headquarters or base established"}
_CASUALTY_NOUNS = {"casualty", "fatality", "death", "injury", "loss"}  # lemmas
_PERPETRATOR_NOUNS = {
    "abductor", "kidnapper", "attacker", "assailant", "gunman", "gunmen", "perpetrator", "hijacker", "assassin",
}  # fmt: skip
_GENERAL_NOUNS = {"attack", "assault", "incident", "violence", "explosion", "blast", "ambush"}


@dataclass(frozen=True, slots=True)
class EventContext:
    """Everything the events stage reads for one article."""

    article: Article
    doc: Doc
    geography: DocumentGeography
    timexes: tuple[TimeExpression, ...]
    actors: ActorDictionary
    taxonomy: Taxonomy
    countries: CountryTable
    history_days: int


@dataclass(frozen=True, slots=True)
class _Label:
    """A label's mentions, kept only if the sentence after it codes none, and the means it names."""

    start: int
    end: int
    means: Trigger | None

    @classmethod
    def read(cls, kept: list[Trigger], mentions: list[EventMention], coded: int) -> _Label:
        means = next((t for t in kept if t.sub_event_type in SPECIFIC), None)
        return cls(len(mentions) - coded, len(mentions), means)


@dataclass(frozen=True, slots=True)
class Coding:
    """What the events stage makes of one article: the events it asserts and the statements it reports."""

    mentions: tuple[EventMention, ...]
    statements: tuple[Statement, ...]
    figures: tuple[Figure, ...] = ()  # counts no event owns: displaced, troops, cumulative tolls


def extract_events(ctx: EventContext) -> Coding:
    """Every event the article asserts, one mention per trigger that survives the modality checks, and a
    statement for each threat, plan, denial or hypothetical."""
    mentions: list[EventMention] = []
    statements: list[Statement] = []
    figures: list[Figure] = []
    cues: set[int] = set()  # the words whose statements are kept, one statement each
    last: Span | None = None  # the sentence of the latest mention
    label: _Label | None = None  # the label just read, until the sentence after it
    for sent in ctx.doc.sents:
        triggers = find_triggers(sent)
        # Only an asserted event can absorb another: "two days after the attack, gunmen killed two" is a killing.
        modalities = {t.head.i: assess(t.head) for t in triggers}
        casualties = find_casualties(sent, ctx.article.id)
        # "in retaliation for a bombing in Ankara that killed 28": an event of its own, with its own words
        context = {
            t.head.i for t in triggers if _context_root(t, modalities[t.head.i]) and _material(ctx, t, casualties)
        }
        for t in triggers:
            cue = modalities[t.head.i].cue
            if (
                modalities[t.head.i].reason == "context"
                and cue is not None
                and any(c.head.i == cue.i for c in sent if c.i in context)
            ):
                modalities[t.head.i] = dataclasses.replace(modalities[t.head.i], asserted=True, reason=None, cue=None)
        if casualties and not any(m.asserted for m in modalities.values()):
            # "At least one soldier was injured during a clash between the army and rebels", "A woman was
            # wounded after the explosion of an IED": the toll's event is the one the clause names
            for t in triggers:
                cue = modalities[t.head.i].cue
                reason = modalities[t.head.i].reason
                if cue is not None and (reason == "context" or (reason == "background" and _names_the_toll(cue))):
                    modalities[t.head.i] = dataclasses.replace(modalities[t.head.i], asserted=True, reason=None)
        asserted = [t for t in triggers if modalities[t.head.i].asserted]
        candidates = [t for t in triggers if t.head.i in context or not _subordinate(t, asserted)]
        # A bare plural with a toll of its own is particular: "A series of bombs across Baghdad killed 12".
        kept = [
            t
            for t in candidates
            if _casualties_for(t, candidates, casualties) or not _generic(t, ctx) or _cause_of_the_last(t)
        ]
        kept = with_the_protest([most_specific(t, triggers) for t in kept if not accidental(t, sent)])
        if label is not None:
            kept = [as_labelled(t, label.means) for t in kept]
        # A toll belongs to an event the sentence tells, never to one it only sets the scene with ("During
        # the assault ..., six soldiers were killed") or merely threatens.
        owners = [t for t in kept if modalities[t.head.i].asserted] or kept
        coded = 0
        absorbed = False  # a mention that only told the means of the one before
        claimed = False
        for trigger in kept:
            modality = modalities[trigger.head.i]
            if trigger.sub_event_type == "Agreement" and modality.reason == "statement (agree)":
                modality = dataclasses.replace(modality, asserted=True, reason=None)  # agreeing is the event
            if not modality.asserted:
                said = _statement(ctx, sent, trigger, modality, cues)
                if said is not None:
                    statements.append(said)
                continue
            if _claim_about_the_last(ctx, trigger, modality, last, sent):
                claimed = True  # "Al-Shabab released a statement claiming that it had killed 30 soldiers"
                continue
            toll_only = _toll_of_the_last(ctx, trigger, owners, last, sent)
            if toll_only:
                # "A suicide bomber killed two people. At least six militants were also killed."
                mentions[-1] = _with_more_casualties(mentions[-1], _casualties_for(trigger, owners, casualties))
                last = sent
                continue
            if mentions and last is not None and _cause_of_the_last(trigger) and _continues(ctx, last, sent):
                # "Two servicemen were killed in Donetsk. The fatalities were caused by the explosion of a mine."
                mentions[-1] = _with_means(mentions[-1], trigger, ctx)
                continue
            if _anaphoric(trigger, mentions, ctx):
                # "... Two soldiers died in the attack": the toll and town of the event referred back to;
                # "Four insurgents were also killed ... after the attack": more dead, not a restated toll
                added = _casualties_for(trigger, owners, casualties)
                also = any(t.lower_ == "also" and t.head.lemma_.lower() in _TOLL_VERBS for t in sent)
                mentions[-1] = (_with_more_casualties if also else _with_casualties)(mentions[-1], added)
                mentions[-1] = _with_place(mentions[-1], trigger, ctx)
                continue
            mention = _code(ctx, sent, trigger, modality, _casualties_for(trigger, owners, casualties))
            if (
                mention is not None and mentions and last is not None and _continues(ctx, last, sent)
                and _tells_the_means(mentions[-1], mention)
            ):  # fmt: skip
                # "A Taliban attack on a post left 32 troops dead. The attack began when a suicide bomber
                # rammed his explosive-laden vehicle into the base": how the attack just told was done
                kind = ctx.taxonomy[mention.sub_event_type]
                mentions[-1] = dataclasses.replace(
                    mentions[-1], sub_event_type=mention.sub_event_type, event_type=kind.event_type,
                    disorder_type=kind.disorder_type,
                )  # fmt: skip
                absorbed = True
                continue
            if mention is not None:
                parts = _parts(mention, trigger, ctx)
                mentions.extend(parts)
                coded += len(parts)
        if label is not None and coded and label.end > label.start:
            # the text after a label tells its event, which keeps the label's town where the text names none
            named = next((m.place for m in mentions[label.start : label.end] if m.place is not None), None)
            del mentions[label.start : label.end]
            mentions[len(mentions) - coded :] = [_placed_by_label(m, named) for m in mentions[len(mentions) - coded :]]
        label = _Label.read(kept, mentions, coded) if is_label(sent) else None
        where = _where_it_happened(sent) if not coded and mentions and last is not None else None
        if where is not None and last is not None and _continues(ctx, last, sent):  # "The incident took place in"
            mentions[-1] = _with_place(mentions[-1], Trigger(where, where.i, where.i + 1, "incident"), ctx)
        if coded or absorbed:
            last = sent
        elif casualties and len(asserted) == len(triggers) and not claimed:
            tolls = [c for c in casualties if c.figure.kind in _TOLL_KINDS]
            if tolls and last is not None and _continues(ctx, last, sent):
                # "Rebels attacked an army base. At least 7 soldiers and 3 insurgents died in the attack."
                mentions[-1] = _with_casualties(mentions[-1], tolls)
                last = sent
            else:
                tolls = []
            # "More than 17,000 civilians have fled their homes": a figure of its own, with its context.
            others = [c for c in casualties if c not in tolls]
            figures.extend(f for c in others if (f := _standalone(ctx, sent, c)) is not None)
    told = apportion_summaries(_with_suicide_attackers(ctx, mentions), ctx.doc)
    figures += [f for sent in ctx.doc.sents for f in population_figures(sent, ctx.article, ctx.geography)]
    return Coding(tuple(told), tuple(statements), tuple(figures))


def _names_the_toll(cue: Token) -> bool:
    """'injured during a clash', 'injured as a result of the explosion': the clause's toll is that event's."""
    return cue.lower_ == "during" or (cue.lower_ == "as" and any(c.lemma_.lower() == "result" for c in cue.children))


def _where_it_happened(sent: Span) -> Token | None:
    """'The incident took place in Herat city', 'The incident occurred in Tshikapa': the word referring back to
    the event just told, in a sentence that says where it happened."""
    for token in sent:
        verb = token.head
        if (
            token.lemma_.lower() == "incident" and token.dep_ == "nsubj"
            and any(c.dep_ == "det" and c.lower_ in _ANAPHORIC for c in token.children)
            and (verb.lemma_.lower() in ("occur", "happen") or (verb.lemma_.lower() == "take"
                 and any(c.lower_ == "place" for c in verb.children)))
        ):  # fmt: skip
            return token
    return None


def _placed_by_label(mention: EventMention, named: Place | None) -> EventMention:
    """'2017 Sehwan suicide bombing: A suicide bombing at a shrine in southern Pakistan ...': the label's town,
    where the text gives none or only a coarser place."""
    place = mention.place
    if named is None or (place is not None and place.precision <= named.precision and not _fallback(place)):
        return mention
    return dataclasses.replace(mention, place=named)


def _fallback(place: Place) -> bool:
    """A place the sentence does not name, taken from around it."""
    return (place.note or "").startswith("no place named")


def _with_suicide_attackers(ctx: EventContext, mentions: list[EventMention]) -> list[EventMention]:
    """Count the suicide attackers among the dead of their attack, once per sentence, unless the sentence or
    the next one in its paragraph already does ("... and the bomber", "two suicide bombers were killed")."""
    done: set[int] = set()
    updated = []
    for mention in mentions:
        start = mention.provenance.start
        sent = ctx.doc.char_span(start, mention.provenance.end, alignment_mode="expand")
        attackers = suicide_attackers(sent) if sent is not None and start not in done else None
        if sent is None or attackers is None or mention.sub_event_type != SUICIDE:
            updated.append(mention)
            continue
        done.add(start)
        told = span_text(sent)
        if sent.end < len(ctx.doc) and _continues(ctx, sent, (after := ctx.doc[sent.end].sent)):
            told += " " + after.text
        if attackers_counted(told):
            updated.append(mention)
            continue
        fatalities = with_attackers(mention.fatalities, attackers, ctx.article.id)
        updated.append(dataclasses.replace(mention, fatalities=fatalities))
    return updated


def _standalone(ctx: EventContext, sent: Span, casualty: Casualty) -> Figure | None:
    """A figure no event owns, with the place, date and source its sentence gives it; None when its clause
    asserts nothing ("the UN anticipates that 200,000 people will flee"). History is no bar: a cumulative
    figure ("has already forced 17,000 to flee") is one."""
    figure = casualty.figure
    if casualty.verb is not None:
        verb = ctx.doc[casualty.verb]
    else:
        span = ctx.doc.char_span(figure.provenance.start, figure.provenance.end, alignment_mode="expand")
        root = span.root if span is not None else sent.root
        verb = next((t for t in [root, *root.ancestors] if t.pos_ in ("VERB", "AUX")), sent.root)
    modality = assess(verb)
    if not modality.asserted and modality.reason not in ("background", "context"):
        return None
    when = date_event(verb, ctx.timexes, ctx.article)
    date, precision = when.date, when.precision
    own_date = when.text is not None and not (when.note or "").startswith("no date in the sentence")
    own_date = own_date and not _starting_point(ctx, sent, when.text or "")
    if _present_perfect(verb) and not own_date and ctx.article.published is not None:
        date, precision = ctx.article.published, ctx.article.published_precision  # a total as of publication
    country = ctx.geography.countries[0] if ctx.geography.countries else None
    place = locate(verb, None, ctx.geography) or _fallback_place(ctx, sent, country)
    if place is None or (place.precision == GeoPrecision.REGION and place.admin1 is None):
        # "More than 5,600 have fled their homes": from the town the article is about, if it is about one
        town = main_town_place(ctx.geography)
        place = town if town is not None and (place is None or town.country == place.country) else place
    source = modality.source
    return dataclasses.replace(
        figure, place=place, date=date, time_precision=precision,
        source=phrase(source).text if source is not None else None, sentence=span_text(sent).rstrip(),
    )  # fmt: skip


def _starting_point(ctx: EventContext, sent: Span, text: str) -> bool:
    """'since the advance began October 17', 'since Monday': the date a running total counts from, not the
    date it was given."""
    for timex in ctx.timexes:
        if timex.text != text or not sent.start_char <= timex.provenance.start < sent.end_char:
            continue
        span = ctx.doc.char_span(timex.provenance.start, timex.provenance.end, alignment_mode="expand")
        if span is None:
            continue
        path = [span.root, *span.root.ancestors]
        return any(t.lower_ == "since" or any(c.lower_ == "since" for c in t.children) for t in path)
    return False


def _present_perfect(verb: Token) -> bool:
    """'has forced', 'have fled': a total up to the time of writing."""
    chain = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for v in chain for c in v.children)


def _statement(ctx: EventContext, sent: Span, trigger: Trigger, modality: Modality, cues: set[int]) -> Statement | None:
    """A statement for a non-asserted trigger, one per threatening (vowing, denying ...) word:
    "threatened to shoot down planes carrying out air strikes" is one threat."""
    kind = statement_kind(modality)
    cue = modality.cue.i if modality.cue is not None else trigger.head.i
    if kind is None or cue in cues:
        return None
    cues.add(cue)
    country = ctx.geography.countries[0] if ctx.geography.countries else None
    statement = make_statement(sent, trigger, modality, kind, "", ctx.actors, country, ctx.article.id)
    about = _refine(trigger.sub_event_type, statement.speaker_actor, statement.target_actor) or _BATTLES
    return dataclasses.replace(statement, about=about)


def _with_place(mention: EventMention, trigger: Trigger, ctx: EventContext) -> EventMention:
    """Give a mention placed no finer than its country the town named in the phrase referring back to it
    ('the attack took place in Kabul'); towns elsewhere in that sentence are not the event's."""
    if mention.place is not None and mention.place.precision != GeoPrecision.REGION and not _fallback(mention.place):
        return mention
    head = trigger.head
    place = locate(head, find_arguments(head).taken, ctx.geography, frame_only=True)
    if place is None:  # "the attack, which took place in Jalalabad"
        end = head.right_edge.idx + len(head.right_edge)
        towns = [t.place for t in ctx.geography.within(head.left_edge.idx, end)]
        place = next((p for p in towns if p.precision != GeoPrecision.REGION), None)
    if place is None or place.precision == GeoPrecision.REGION:
        return mention
    return dataclasses.replace(mention, place=place)


def _parts(mention: EventMention, trigger: Trigger, ctx: EventContext) -> list[EventMention]:
    """One mention per located part of a counted event: "nine air strikes ..., including three in Mosul and
    one near Tal Afar" is an event at Mosul and one near Tal Afar; the other strikes are placed nowhere."""
    found = partition_places(trigger.head, ctx.geography)
    if not found:
        return [mention]
    return [
        dataclasses.replace(
            mention, id=_mention_id(ctx.article.id, trigger, part.i), place=dataclasses.replace(
                place, note=f"'{part.text}' of the {trigger.text} named in the sentence: {place.note or place.name}"
            ),
        )
        for part, place in found
    ]  # fmt: skip


def _context_root(trigger: Trigger, modality: Modality) -> bool:
    """The trigger a context preposition governs ('in retaliation for a bombing'), not the words under it."""
    cue = modality.cue
    if modality.reason != "context" or cue is None or trigger.head.head.i != cue.i:
        return False
    return assess(cue.head).asserted  # not "After Mosul's recapture, officials will meet"


def _material(ctx: EventContext, trigger: Trigger, casualties: list[Casualty]) -> bool:
    """A context event worth coding: its own phrase gives it a place, a date or a toll."""
    head = trigger.head
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    if ctx.geography.within(start, end) or any(start <= t.provenance.start < end for t in ctx.timexes):
        return True
    return any(start <= c.figure.provenance.start < end for c in casualties)


def _claim_about_the_last(
    ctx: EventContext, trigger: Trigger, modality: Modality, last: Span | None, sent: Span
) -> bool:
    """A side's claim, right after an event, that it killed ("... claiming that it had killed 30 soldiers"):
    its own account of the event just told, not one more event. The conservative figure told before stands."""
    head = trigger.head
    if modality.certainty != "claimed" or last is None or head.lemma_.lower() not in _TOLL_VERBS:
        return False
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ in _PRONOUNS and _continues(ctx, last, sent)


def _toll_of_the_last(ctx: EventContext, trigger: Trigger, kept: list[Trigger], last: Span | None, sent: Span) -> bool:
    """A bare killing or wounding right after an event, in its paragraph, with no doer, place or date of its
    own, is that event's toll: "Four car bombs went off in a police station near Tikrit. Eleven security
    forces were killed", "Six fighters were killed and another injured in the incident"."""
    head = trigger.head
    if last is None or len(kept) > 1 or head.lemma_.lower() not in _TOLL_VERBS or not _continues(ctx, last, sent):
        return False
    if any(c.dep_ in ("nsubj", "agent") for c in head.children):
        return False  # "Gunmen killed two guards": a doer makes it an act of its own
    if any(not _modifier(ctx, t.start) for t in ctx.geography.within(sent.start_char, sent.end_char)):
        return False  # a place of its own; "a U.S. soldier" names none
    # a date of its own; "two weeks after ..." is a duration that dates something else
    return not any(sent.start_char <= t.provenance.start < sent.end_char and t.type != "DURATION" for t in ctx.timexes)


def _continues(ctx: EventContext, last: Span, sent: Span) -> bool:
    """``sent`` goes on about the latest event: it is the very next sentence, in the same paragraph."""
    return sent.start == last.end and "\n\n" not in doc_text(ctx.doc)[last.end_char : sent.start_char]


def _with_casualties(mention: EventMention, casualties: list[Casualty]) -> EventMention:
    """Give a mention the killed or injured figure a following sentence states and it lacks, or the toll
    that sentence updates it to."""
    told = _total(casualties, "killed")
    killed = told if told is not None and told.toll else mention.fatalities or told  # "the toll rose to 12"
    injured = mention.injured or _total(casualties, "injured")
    return dataclasses.replace(mention, fatalities=killed, injured=injured)


def _with_more_casualties(mention: EventMention, casualties: list[Casualty]) -> EventMention:
    """Add the people a following sentence says were killed or hurt too, unless it restates the toll the
    mention has ("Eleven members of a family were killed ... Five children, two women and four men were
    killed")."""
    killed, injured = _total(casualties, "killed"), _total(casualties, "injured")
    return dataclasses.replace(
        mention, fatalities=add_figures(mention.fatalities, killed), injured=add_figures(mention.injured, injured)
    )


def _tells_the_means(before: EventMention, mention: EventMention) -> bool:
    """``mention``, told in the sentence after ``before``, only says how that attack was done: ``before`` is
    an attack of unknown means, ``mention`` a bombing with no toll, actor or town of its own that differ."""
    if before.trigger.lower() not in _GENERIC_ATTACKS or before.sub_event_type not in ("Armed clash", "Attack"):
        return False
    if mention.sub_event_type not in _MEANS or mention.fatalities is not None or mention.injured is not None:
        return False
    if mention.actor1 is not None and before.actor1 is not None and mention.actor1.name != before.actor1.name:
        return False
    place = mention.place
    borrowed = place is not None and (place.note or "").startswith(("no place named", "no town named"))
    return place is None or borrowed or before.place is None or place.name == before.place.name


def _subordinate(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """A trigger inside another's phrase ('captured ... in a dawn raid') reports the same event."""
    others = [t for t in triggers if t is not trigger]
    if trigger.head.lemma_.lower() in _CONSEQUENCE_LEMMAS:
        # but "Militants killed a contractor and torched six vehicles": burning kills no one, the killing is told
        acts = [t for t in others if t.head.lemma_.lower() not in _CONSEQUENCE_LEMMAS]
        told = trigger.head.tag_ in ("VBD", "VBZ", "VBP") and trigger.head.dep_ in ("ROOT", "conj")
        return any(acts) and not (told and all(t.sub_event_type == _DESTRUCTION for t in acts))
    if trigger.sub_event_type == _DESTRUCTION and any(_harm_beside(t, trigger) for t in others):
        return True  # "set fire to a village and fired upon the villagers": the shooting is the event
    # "Two bomb explosions killed two soldiers": a killing that reports another trigger's toll absorbs nothing.
    heads = {
        t.head.i for t in others
        if t.head.lemma_.lower() not in _CONSEQUENCE_LEMMAS and not _harm_beside(trigger, t)
        and not _arrested_for(trigger, t)
    }  # fmt: skip
    return any(a.i in heads for a in trigger.head.ancestors)


def _arrested_for(act: Trigger, arrest: Trigger) -> bool:
    """'A Kosovan was arrested for shooting two US airmen': the shooting is an event of its own."""
    governor = act.head.head
    return arrest.sub_event_type == "Arrests" and governor.lower_ == "for" and governor.head.i == arrest.head.i


def _harm_beside(harm: Trigger, destruction: Trigger) -> bool:
    """``harm`` is violence against people told as a verb conjoined with ``destruction``'s, or before it in a
    comma splice ("Militants attacked a police station, the militants ransacked the area")."""
    return (
        harm.sub_event_type in (VIOLENCE, "Attack")
        and destruction.sub_event_type == _DESTRUCTION
        and harm.head.pos_ == "VERB"
        and (harm.head.dep_ == "conj" or (harm.head.dep_ == "ccomp" and harm.head.i < destruction.head.i))
        and harm.head.head.i == destruction.head.i
    )


def _generic(trigger: Trigger, ctx: EventContext) -> bool:
    """A bare plural ('US-led air strikes') with no date or place of its own talks of a kind, not an event."""
    head = trigger.head
    modifiers = [*head.children, *(g for c in head.children if c.dep_ == "compound" for g in c.children)]
    if head.tag_ != "NNS" or any(c.dep_ in _DETERMINERS for c in modifiers):  # "three grenade attacks"
        return False
    if any(c.dep_ == "amod" and c.lower_ in ("similar", "such") for c in head.children):
        return True  # "the Islamic State has done similar attacks in that area in the past"
    if trigger.sub_event_type == PEACEFUL and head.dep_ == "nsubj" and _told_plainly(head.head):
        return False  # "Protesters poured into the streets late Friday night"
    scope = head.head if head.dep_ in ("nsubj", "nsubjpass") else head  # "Clashes erupted in Mosul"
    if head.dep_ == "dobj" and head.head.tag_ == "VBD":
        scope = head.head  # "carried out grenade attacks in Srinagar"
    if head.dep_ == "pobj" and head.head.lower_ in ("by", "in", "during") and head.head.head.tag_ in _TOLD:
        scope = head.head.head  # "were hit by synchronised attacks in 13 locations", "slain in shootings on Tuesday"
    start, end = scope.left_edge.idx, scope.right_edge.idx + len(scope.right_edge)
    if ctx.geography.within(start, end):
        return False
    return not any(start <= t.provenance.start < end for t in ctx.timexes)


def _told_plainly(verb: Token) -> bool:
    """A verb in the simple past or present, with no auxiliary: 'poured', 'chant'."""
    return verb.tag_ in ("VBD", "VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _cause_of_the_last(trigger: Trigger) -> bool:
    """The trigger is what 'the casualties were caused by': the means of the event just told."""
    by = trigger.head.head
    while by.dep_ == "pobj" or by.lower_ == "of":  # "caused by explosions of explosive devices"
        by = by.head
    verb = by.head if by.lower_ == "by" else by
    return (
        trigger.sub_event_type in SPECIFIC and by.lower_ == "by" and verb.lemma_.lower() == "cause"
        and any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _CASUALTY_NOUNS for c in verb.children)
    )  # fmt: skip


def _with_means(mention: EventMention, trigger: Trigger, ctx: EventContext) -> EventMention:
    """The mention takes the means its cause names, where it had none ('killed' is a generic clash)."""
    if mention.sub_event_type not in _VIOLENCE_TYPES:
        return mention
    kind = ctx.taxonomy[trigger.sub_event_type]
    return dataclasses.replace(
        mention, sub_event_type=trigger.sub_event_type, event_type=kind.event_type, disorder_type=kind.disorder_type
    )


def _done_by_the_same(trigger: Trigger) -> bool:
    """The trigger's subject is 'the' attackers of an event already told: 'The abductors stormed his house'.
    What they 'also' did is another act of theirs ('The attackers also abducted two women')."""
    if any(c.dep_ == "advmod" and c.lower_ in ("also", "later", "then") for c in trigger.head.children):
        return False
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _PERPETRATOR_NOUNS
        and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
        for c in trigger.head.children
    )  # fmt: skip


def _anaphoric(trigger: Trigger, mentions: list[EventMention], ctx: EventContext) -> bool:
    """'the air strikes' after an air strike was coded: a reference back, not a new event."""
    head = trigger.head
    if _done_by_the_same(trigger) and mentions:
        # "A broadcaster was kidnapped by gunmen. The abductors stormed his house": what the attackers did in it
        start, end = head.sent.start_char, head.sent.end_char
        last = mentions[-1].place
        named = ctx.geography.within(start, end)
        dated = any(start <= t.provenance.start < end for t in ctx.timexes)
        return not dated and (not named or (last is not None and any(t.place.name == last.name for t in named)))
    if not any(c.dep_ == "det" and c.lower_ in _ANAPHORIC for c in head.children):
        return False
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    if not mentions or any(start <= t.provenance.start < end for t in ctx.timexes):
        return False
    named = ctx.geography.within(start, end)
    placed = bool(named)
    if head.lemma_.lower() in _GENERAL_NOUNS:
        # "... were shot dead. Hizbul Mujahideen were behind the attack." A town named with it refers back
        # only to an event not yet placed in a town, or placed in that one ("the attack, which took place in
        # Jalalabad").
        last = mentions[-1].place
        same = (
            last is not None and last.geonameid is not None and any(t.place.geonameid == last.geonameid for t in named)
        )
        return not placed or last is None or last.precision == GeoPrecision.REGION or same
    return not placed and any(m.trigger.lower() == trigger.text.lower() for m in mentions)


def _casualties_for(trigger: Trigger, kept: list[Trigger], casualties: list[Casualty]) -> list[Casualty]:
    """The counts nearest ``trigger`` among the kept triggers of their part of the sentence: "killed after an
    attack" is the attack's toll, but "protested following the death of a prisoner" gives the protest none."""

    def nearest(c: Casualty) -> Trigger | None:
        start = c.figure.provenance.start
        own = [t for t in kept if own_part(t.head, start)]
        if not own and not own_part(trigger.head.sent.root, start):
            return None  # a toll inside a context phrase no trigger names ("following the death of a prisoner")
        return min(own or kept, key=lambda t: (start < t.head.idx, abs(start - t.head.idx)))

    return [c for c in casualties if nearest(c) is trigger]


def _code(
    ctx: EventContext, sent: Span, trigger: Trigger, modality: Modality, casualties: list[Casualty]
) -> EventMention | None:
    args = find_arguments(trigger.head)
    place = locate(trigger.head, args.taken, ctx.geography)
    killed = _total(casualties, "killed")
    when = date_event(trigger.head, ctx.timexes, ctx.article)
    injured = _total(casualties, "injured")
    country = _event_country(ctx, place)
    actor1, actor2 = _actors(ctx, args, country, casualties, trigger)
    anchored = place is not None or when.text is not None or killed is not None or injured is not None
    if not (anchored or _specific(trigger) or (_named(actor1) and _named(actor2))):
        return None  # generic talk of war: no place, date, toll, particular act or named sides anchor it
    hurt = killed is not None or injured is not None
    after = _rest_of_scene(ctx, sent) if trigger.sub_event_type in _PROTESTS else ""
    sub_type = _refine(protest_kind(trigger, sent, hurt, after), actor1, actor2, args)
    if sub_type is None and trigger.sub_event_type == TERRITORY and killed is not None:
        sub_type = "Armed clash"  # "Talban overran a checkpoint, killing 13 soldiers": who took it is unknown
    if sub_type == _DESTRUCTION and killed is not None:
        sub_type = _refine(VIOLENCE, actor1, actor2, args)  # "torched a bus, killing two passengers": an attack
    if sub_type is None:
        return None
    if sub_type in _TAKEOVERS and nonviolent_takeover(sent):
        sub_type = "Non-violent transfer of territory"
    protesters = actor2 is not None and actor2.inter == _PROTESTERS
    state = actor1 is not None and actor1.inter == _STATE
    if sub_type in _VIOLENCE_TYPES and (protesters or (state and at_a_protest(sent))):
        sub_type = _EXCESSIVE_FORCE  # "security forces opened fire on a protest"
    actor1, actor2 = _crowds(ctx, sub_type, actor1, actor2, country)
    kind = ctx.taxonomy[sub_type]
    published = ctx.article.published
    historical = bool(published and when.last_day and when.last_day < published - dt.timedelta(days=ctx.history_days))
    return EventMention(
        id=_mention_id(ctx.article.id, trigger),
        provenance=Provenance(ctx.article.id, sent.start_char, sent.end_char),
        sentence=span_text(sent).rstrip(),
        sentence_start=sent.start_char,
        trigger=trigger.text,
        trigger_start=trigger.head.doc[trigger.start].idx,
        trigger_end=trigger.head.doc[trigger.end - 1].idx + len(trigger.head.doc[trigger.end - 1]),
        event_type=kind.event_type,
        sub_event_type=sub_type,
        disorder_type=kind.disorder_type,
        date=when.date,
        time_precision=when.precision,
        date_text=when.text,
        actor1=actor1,
        actor2=actor2,
        place=place or _fallback_place(ctx, sent, country),
        fatalities=killed,
        injured=injured,
        figures=tuple(f for kind in _OTHER_FIGURES if (f := _total(casualties, kind)) is not None),
        certainty=modality.certainty,
        source_actor=phrase(modality.source).text if modality.source is not None else None,
        historical=historical,
        date_note=when.note,
    )


def _rest_of_scene(ctx: EventContext, sent: Span) -> str:
    """The next sentence of the paragraph, which goes on about what happened: "Thousands marched on Saturday.
    There were scuffles in Paris"."""
    if sent.end >= len(ctx.doc):
        return ""
    after = ctx.doc[sent.end].sent
    return str(after.text) if _continues(ctx, sent, after) else ""


def _crowds(
    ctx: EventContext, sub_type: str, actor1: Actor | None, actor2: Actor | None, country: str | None
) -> tuple[Actor | None, Actor | None]:
    """ACLED's actors for crowd events: protesters first, and the force that intervened second; the force
    first when it used excessive force against them; rioters for a violent demonstration."""
    crowd = next((a for a in (actor1, actor2) if a is not None and a.inter in _CROWDS), None)
    force = next((a for a in (actor1, actor2) if a is not None and a.inter not in _CROWDS | {_CIVILIANS}), None)
    if sub_type == _EXCESSIVE_FORCE:
        return force, crowd or ctx.actors.resolve("protesters", country)
    if sub_type in _PROTESTS:
        return crowd if crowd and crowd.inter == _PROTESTERS else ctx.actors.resolve("protesters", country), force
    if sub_type in _RIOTS and (actor1 is None or actor1.inter == _PROTESTERS):
        return ctx.actors.resolve("rioters", country), actor2
    return actor1, actor2


def _specific(trigger: Trigger) -> bool:
    """'A bomb exploded', 'two blasts', 'gunmen opened fire on a bus': one particular act, not talk of a kind."""
    head = trigger.head
    children = list(head.children)
    if head.pos_ == "NOUN":
        if head.dep_ in ("nsubj", "dobj") and head.head.tag_ in ("VBD", "VBN", "VBP", "VBZ"):
            return True  # "Protesters poured into the streets", "Clashes erupted", "forces committed rape"
        return any((c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ == "nummod" for c in children)
    if head.dep_ == "conj":  # "militants set fire to a village and fired upon the villagers": the same subject
        children += [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    participants = [c for c in children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ not in _PRONOUNS]
    if participants and head.tag_ in ("VBD", "VBN"):
        return True
    # a headline's present: "Two suicide bombers blow themselves up", not "militants attack civilians"
    counted = any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("a", "an")) for p in participants
                  for c in p.children)  # fmt: skip
    return counted and head.tag_ in ("VBP", "VBZ")


def _total(casualties: list[Casualty], kind: str) -> Figure | None:
    """The event's figure of ``kind``: the sum of the separate counts its sentence gives ('52 ..., 42 more'),
    or the toll it states."""
    figures: list[Figure] = []
    for casualty in casualties:
        figure = casualty.figure
        if figure.kind != kind:
            continue
        if any(f.text == figure.text and f.best == figure.best > 1 and f.side == figure.side for f in figures):
            continue  # "60 people were killed when Boko Haram attacked Rann ..., killing 60 people": told twice
        figures.append(figure)
    tolls = [f for f in figures if f.toll]
    if tolls:
        return tolls[-1]  # "the toddler died, bringing the toll to 12": the toll holds the other counts
    if len(figures) <= 1:
        return figures[0] if figures else None
    first, last = figures[0].provenance, figures[-1].provenance
    return Figure(
        kind, sum(f.low for f in figures), sum(f.best for f in figures), sum(f.high for f in figures),
        next((f.qualifier for f in figures if f.qualifier), None), " + ".join(f.text for f in figures),
        Provenance(first.article_id, first.start, last.end),
    )  # fmt: skip


def _event_country(ctx: EventContext, place: Place | None) -> str | None:
    if place is not None:
        country = ctx.countries.by_name(place.country)
        if country is not None:
            return country.iso2
    return ctx.geography.countries[0] if ctx.geography.countries else None


def _fallback_place(ctx: EventContext, sent: Span, country: str | None) -> Place | None:
    """No town in the event's sentence: the town the paragraph has just named, or else the one town the
    article names (in the country the sentence names, if it names one); else that country; else the article's
    main country."""
    main = set(ctx.geography.countries[:2])
    named = [
        t.place for t in ctx.geography.within(sent.start_char, sent.end_char)
        if is_subdivision(t.place) or not _modifier(ctx, t.start)  # "Kandahar province" is no modifier
    ]  # fmt: skip
    named = [p for p in named if (c := ctx.countries.by_name(p.country)) is not None and c.iso2 in main]
    named.sort(key=lambda p: not is_subdivision(p))  # a province before its country
    town = _paragraph_town(ctx, sent)
    if town is not None and (town.country == named[0].country if named else True):
        return dataclasses.replace(town, note=f"no place named in the sentence: {town.name}, named just before")
    town = _only_town(ctx)
    if town is not None and (town.country == named[0].country if named else True):
        return dataclasses.replace(town, note=f"no place named in the sentence: {town.name}, the article's one town")
    if named:
        return dataclasses.replace(named[0], note="no town named for the event: country named in the sentence")
    found = ctx.countries.by_code(country) if country else None
    if found is None:
        return None
    note = "no place named in the sentence: the article's main country"
    return dataclasses.replace(country_place(found, ""), note=note)


def _paragraph_town(ctx: EventContext, sent: Span) -> Place | None:
    """The last town named in the two sentences before ``sent``, in the same paragraph."""
    doc = ctx.doc
    start = doc[max(sent.start - 1, 0)].sent.start if sent.start > 0 else sent.start
    start = doc[max(start - 1, 0)].sent.start if start > 0 else start
    begin = doc[start].idx
    paragraph = doc_text(doc).rfind("\n\n", begin, sent.start_char)
    begin = max(begin, paragraph + 2) if paragraph >= 0 else begin
    towns = [
        t.place for t in ctx.geography.within(begin, sent.start_char)
        if t.place.precision != GeoPrecision.REGION and _named_as_place(ctx, t.start, t.end)
    ]  # fmt: skip
    return towns[-1] if towns else None


def _only_town(ctx: EventContext) -> Place | None:
    """The one town the whole article names, as a place or as what a building or body is named for ("the
    Aleppo University halls", "the Kabul Serena Hotel"); None if it names none or several."""
    towns = {
        t.place.geonameid: t.place for t in ctx.geography.toponyms
        if t.place.precision == GeoPrecision.LOCALITY
        and (_named_as_place(ctx, t.start, t.end) or _names_a_thing(ctx, t.start, t.end))
    }  # fmt: skip
    return next(iter(towns.values())) if len(towns) == 1 else None


def _names_a_thing(ctx: EventContext, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "compound" and span.root.head.ent_type_ != "PERSON"


def _named_as_place(ctx: EventContext, start: int, end: int) -> bool:
    """'in Aleppo' names a place, and so does the headline '2017 Peshawar Agriculture Directorate attack:';
    'Washington is continuing to escalate' names a government."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return names_an_incident(span) or span.root.dep_ in ("pobj", "appos", "conj", "npadvmod")


def _modifier(ctx: EventContext, start: int) -> bool:
    """'US' in 'US media outlets': a country named as a modifier, not as a place."""
    token = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    return token is not None and token.root.dep_ in ("compound", "amod", "nmod")


def _actors(
    ctx: EventContext, args: Arguments, country: str | None, casualties: list[Casualty], trigger: Trigger
) -> tuple[Actor | None, Actor | None]:
    sub_type = trigger.sub_event_type
    agent = args.agent if args.agent is not None else _named_in_trigger(trigger.head)
    actor1 = ctx.actors.resolve_agent(agent.text, country) if agent is not None else None
    if agent is not None and actor1 is not None and (not actor1.resolved or actor1.name.startswith(_UNIDENTIFIED)):
        actor1 = _group_within(ctx, agent) or actor1  # "militants associated with Boko Haram"
    if sub_type not in _STATE_MEANS and (actor1 is None or actor1.name.startswith(_UNIDENTIFIED)):
        # "Gunmen attacked ... Al-Shabaab claimed responsibility": the claimed group is the perpetrator.
        actor1 = _claimed_by(ctx, country) or actor1 or _armed_group_named(ctx, args, country)
    target = args.target if args.target is not None else args.source_of_taking
    actor2 = ctx.actors.resolve(target.text, country) if target is not None else None
    violent = sub_type in SPECIFIC or sub_type in (VIOLENCE, "Attack")
    civilian_target = violent and target is not None and target.root.lemma_.lower() in _CIVILIAN_PLACES
    if actor2 is None and (civilian_target or any(c.civilian and c.figure.kind == "killed" for c in casualties)):
        actor2 = ctx.actors.resolve("civilians", country)  # "gunmen attacked a hotel", "killing six villagers"
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None
    if actor1 is None and actor2 is not None and (actor2.inter in _CROWDS or sub_type in _SELF_MOVING):
        # "a demonstration of several thousand supporters", "Kurdish forces are massed in eastern Mosul"
        actor1, actor2 = actor2, None
    return actor1, actor2


def _group_within(ctx: EventContext, agent: Span) -> Actor | None:
    """A dictionary armed group named anywhere in the agent's phrase ('Insurgents from the Taliban group')."""
    root = agent.root
    whole = ctx.doc[root.left_edge.i : root.right_edge.i + 1]
    return next((a for a in ctx.actors.named_in(whole.text) if a.inter in _ARMED_GROUPS), None)


def _named_in_trigger(head: Token) -> Span | None:
    """'a Taliban attack', 'three ISIS suicide bombers': the perpetrator named inside the trigger's phrase."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    names = [t for t in head.doc[head.left_edge.i : head.i] if t.pos_ == "PROPN"]
    return head.doc[names[0].i : names[-1].i + 1] if names else None


_UNIDENTIFIED = "Unidentified Armed Group"
_CLAIMS = (
    re.compile(r"(?P<who>[A-Z][\w'’-]*(?:\s+[\w'’()-]+){0,6}?)\s+(?:has\s+|have\s+|later\s+|had\s+)?"
               r"(?:claimed|claims|claim)\s+(?:the\s+)?responsibility"),
    re.compile(r"(?:claimed|blamed\s+on|attributed\s+to|carried\s+out\s+by|perpetrated\s+by)\s+(?:by\s+)?"
               r"(?P<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z(][\w'’()-]*){0,6})"),
    re.compile(r"(?P<who>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)\s+(?:is|are|were|was)\s+(?:being\s+|also\s+)?"
               r"(?:suspected|blamed|(?:believed\s+to\s+be\s+|thought\s+to\s+be\s+|reportedly\s+)?behind)"),
    re.compile(r"(?:masterminded|orchestrated|planned|planted|organi[sz]ed)\s+by\s+"
               r"(?P<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z(][\w'’()-]*){0,6})"),
)  # fmt: skip
_NO_CLAIM = re.compile(r"^(?:no|none|nobody|no\s+one)\b|\b(?:yet\s+to|not|never)\b", re.IGNORECASE)


def _claimed_by(ctx: EventContext, country: str | None) -> Actor | None:
    """The armed group the article says claimed, or is blamed for, the attack: the perpetrator ACLED codes
    (read once per article and country: every event of the article asks)."""
    return kept_with(ctx.doc, ("sitroom.claimed_by", id(ctx.actors), country), lambda: _find_claimed_by(ctx, country))


def _find_claimed_by(ctx: EventContext, country: str | None) -> Actor | None:
    for pattern in _CLAIMS:
        for match in pattern.finditer(doc_text(ctx.doc)):
            if _NO_CLAIM.search(match.group("who")):
                continue  # "No group claimed responsibility", "the Taliban is yet to claim responsibility"
            actor = ctx.actors.resolve(match.group("who"), country)
            if actor is not None and actor.inter not in _CROWDS | {_CIVILIANS} and actor.resolved:
                return actor
    return None


def _armed_group_named(ctx: EventContext, args: Arguments, country: str | None) -> Actor | None:
    """With no agent in the clause, the one non-state armed group the article names is taken as the actor."""
    target = ctx.actors.resolve(args.target.text, country) if args.target is not None else None
    groups = {a.name: a for a in ctx.actors.named_in(doc_text(ctx.doc)) if a.inter in _ARMED_GROUPS}
    if target is not None:
        groups.pop(target.name, None)
    return next(iter(groups.values())) if len(groups) == 1 else None


def _named(actor: Actor | None) -> bool:
    """An actor the dictionary knows, not a generic or unresolved one."""
    return actor is not None and actor.resolved and actor.inter in (_STATE, *_ARMED_GROUPS, _EXTERNAL)


def _refine(sub_type: str, actor1: Actor | None, actor2: Actor | None, args: Arguments | None = None) -> str | None:
    if sub_type == TERRITORY:
        if actor1 is None and actor2 is None:
            taker = _taker_words(args.agent) if args is not None and args.agent is not None else None
            if taker is None:
                return None
            return "Government regains territory" if taker == "state" else "Non-state actor overtakes territory"
        taker_is_state = actor1.inter == _STATE if actor1 else actor2 is not None and actor2.inter != _STATE
        return "Government regains territory" if taker_is_state else "Non-state actor overtakes territory"
    if sub_type == VIOLENCE:
        if actor1 is not None and actor1.inter in _CROWDS:
            return "Violent demonstration"  # "stone-throwing protesters clashed with police"
        return "Attack" if actor2 is not None and actor2.inter == _CIVILIANS else "Armed clash"
    return sub_type


def _taker_words(agent: Span) -> str | None:
    """Who took ground, from the words of an agent no dictionary names: 'Military forces from the region' is
    a state's, 'opposition fighters' a non-state group's."""
    words = {t.lemma_.lower() for t in agent}
    if words & _NON_STATE_WORDS:
        return "non-state"
    if words & _STATE_WORDS:
        return "state"
    return None


def _mention_id(article_id: str, trigger: Trigger, part: int | None = None) -> str:
    key = f"{article_id}:{trigger.head.idx}" + (f":{part}" if part is not None else "")
    digest = hashlib.sha1(key.encode()).hexdigest()[:12]
    return f"m-{digest}"
