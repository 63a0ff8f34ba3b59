"""Typed, immutable records passed between sitroom's stages.

Every record that comes from text carries its provenance: the id of the article it was read from and
character offsets into that article's cleaned text (``Article.text``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum


class TimePrecision(IntEnum):
    """ACLED's time_precision: how exactly an event's date is known."""

    DAY = 1
    WEEK = 2
    MONTH = 3


class GeoPrecision(IntEnum):
    """ACLED's geo_precision: how exactly an event's place is known."""

    LOCALITY = 1
    NEAR = 2
    REGION = 3


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record came from: an article and a character span in its cleaned text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after ingest and cleaning."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_precision: TimePrecision = TimePrecision.DAY
    published_inferred_from: str | None = None  # the words the date was inferred from, when no metadata gave it
    source_path: str | None = None
    content_hash: str = ""
    embedded_in: str | None = None
    duplicate_of: str | None = None
    removed_lines: int = 0


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, as the language stage split it."""

    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression normalised against an anchor date.

    ``value`` follows TimeML (``2016-10-30``, ``2016-W43``, ``2016-10``, ``2014``, ``P3D``, ``PAST_REF``) and
    ``type`` is its TIMEX3 type (DATE, TIME, DURATION or SET); ``mod`` is TimeML's modifier (``START``,
    ``APPROX``, ...). ``first_day`` and ``last_day`` bound the days a DATE or TIME covers; they are None for
    durations, sets and vague references such as "recently", which name no day.
    """

    text: str
    provenance: Provenance
    value: str
    first_day: dt.date | None
    last_day: dt.date | None
    precision: TimePrecision | None
    type: str = "DATE"
    mod: str = ""
    relative: bool = False  # resolved against the publication date or the narrative, not self-contained

    @property
    def anchored(self) -> bool:
        """True when the expression names days on the calendar."""
        return self.first_day is not None and self.last_day is not None


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as ACLED names it, with the words that named it."""

    name: str
    inter: int | None
    country: str | None = None
    parent: str | None = None
    resolved: bool = True
    mention: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: a gazetteer entry, or a country when nothing finer is known."""

    name: str
    country: str
    iso3: str
    latitude: float | None
    longitude: float | None
    precision: GeoPrecision
    geonameid: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    region: str | None = None
    mention: str = ""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A stated number of people: killed, injured, displaced, troops, population."""

    kind: str  # killed, injured, abducted, arrested, displaced, troops
    low: int
    best: int
    high: int
    qualifier: str | None
    text: str
    provenance: Provenance
    # A figure that belongs to no event ("more than 17,000 civilians have fled") carries its own context.
    place: Place | None = None
    date: dt.date | None = None
    time_precision: TimePrecision | None = None
    source: str | None = None
    sentence: str | None = None
    # The text gives it as the event's whole toll ("the death toll rose to 12"): it replaces, never adds to,
    # the counts told before it.
    toll: bool = False
    # Whose people the words count, where they say: "attackers", "security" or "civilians".
    side: str | None = None


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one article states it, in one sentence."""

    id: str
    provenance: Provenance
    sentence: str
    sentence_start: int
    trigger: str
    trigger_start: int
    trigger_end: int
    event_type: str
    sub_event_type: str
    disorder_type: str
    date: dt.date | None
    time_precision: TimePrecision | None
    date_text: str | None
    actor1: Actor | None
    actor2: Actor | None
    place: Place | None
    fatalities: Figure | None = None
    injured: Figure | None = None
    certainty: str = "reported"
    source_actor: str | None = None
    historical: bool = False
    date_note: str | None = None
    figures: tuple[Figure, ...] = ()  # abducted, arrested, displaced and troop counts of this event

    @property
    def article_id(self) -> str:
        return self.provenance.article_id


@dataclass(frozen=True, slots=True)
class FusionLink:
    """Why a mention is part of its event: its score against the mention it joined and the reasons, or the
    user's decision that put it there."""

    mention_id: str
    joined: str | None  # the mention it was matched against; None for the event's lead mention
    score: float
    reasons: tuple[str, ...]
    by_user: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world event, fused over the mentions that report it."""

    id: str
    mentions: tuple[EventMention, ...]
    event_type: str
    sub_event_type: str
    disorder_type: str
    date: dt.date | None
    time_precision: TimePrecision | None
    actor1: Actor | None
    actor2: Actor | None
    place: Place | None
    fatalities_low: int | None
    fatalities: int | None
    fatalities_high: int | None
    injured: int | None
    certainty: str
    historical: bool
    sources: tuple[str, ...] = field(default=())
    links: tuple[FusionLink, ...] = ()  # one per mention: how fusion put it here
    copies: tuple[str, ...] = ()  # near-duplicates of its sources (reprints, syndicated copies): linked, not coded

    @property
    def evidence(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.sentence for m in self.mentions))


@dataclass(frozen=True, slots=True)
class Statement:
    """A threat, vow, promise, plan, warning, demand, denial, negation or hypothetical: said, not done.

    Kept apart from events, with who said it and against whom, so that "Trump threatened to bomb regime
    targets" is on record without being coded as an air strike.
    """

    id: str
    provenance: Provenance  # the sentence
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    kind: str  # threat, vow, promise, plan, warning, demand, denial, negation, conditional, hypothetical, ...
    about: str  # the sub-event type the statement speaks of
    speaker: str | None = None
    speaker_actor: Actor | None = None
    target: str | None = None
    target_actor: Actor | None = None

    @property
    def article_id(self) -> str:
        return self.provenance.article_id
