"""Cluster event mentions into events: compatible type, date window, distance and actors."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from sitroom.events.figures import add_figures
from sitroom.geo.distance import haversine_km
from sitroom.model import Event, EventMention, Figure, GeoPrecision, TimePrecision

# How far apart two reports of one event may date it, by the coarser of their precisions. A day-precise
# report may be a day off (time zones, "overnight"); "last week" on a Tuesday may reach ten days back.
DATE_SLACK_DAYS = {TimePrecision.DAY: 1, TimePrecision.WEEK: 10, TimePrecision.MONTH: 31}
_FURTHER = re.compile(
    r"\b(another|second|third|fourth|fifth|separate|additional|further|subsequent(ly)?|meanwhile|"
    r"later(?!,? (it )?(was|has been|had been) (confirmed|reported|announced)))\b",  # not "Later, it was confirmed"
    re.IGNORECASE,
)
# How far apart two reports may place one event, by the coarser geo precision, in kilometres.
DISTANCE_KM = {GeoPrecision.LOCALITY: 15.0, GeoPrecision.NEAR: 60.0}


def fuse_mentions(mentions: Iterable[EventMention]) -> tuple[Event, ...]:
    """Events from ``mentions``; the result does not depend on the order the mentions come in."""
    clusters: list[list[EventMention]] = []
    for mention in sorted(mentions, key=_order):
        home = next((c for c in clusters if all(compatible(mention, m) for m in c)), None)
        if home is None:
            clusters.append([mention])
        else:
            home.append(mention)
    return tuple(sorted((_event(c) for c in clusters), key=lambda e: (e.date or dt.date.min, e.id)))


def _order(m: EventMention) -> tuple[int, int, str, int]:
    precision = (m.time_precision or 9) * 10 + (m.place.precision if m.place else 9)
    return (precision, 0 if m.fatalities else 1, m.article_id, m.trigger_start)


def compatible(a: EventMention, b: EventMention) -> bool:
    """True when ``a`` and ``b`` can report the same event."""
    if a.historical != b.historical or a.event_type != b.event_type:
        return False
    # Strategic developments of different sub-types (an agreement, a deployment) are never one event.
    distinct = a.article_id == b.article_id or a.event_type == "Strategic developments"
    if distinct and a.sub_event_type != b.sub_event_type:
        return False
    if a.article_id == b.article_id and (told_as_further(a) or told_as_further(b)):
        return False  # "A second car bomb exploded, killing an additional three people"
    return _dates_agree(a, b) and _places_agree(a, b) and _actors_agree(a, b)


def told_as_further(mention: EventMention) -> bool:
    """Does the article tell this event as one more than those before it ("another blast", "a second car
    bomb", "in a separate attack", "hours later")?"""
    before = mention.sentence[: mention.trigger_start - mention.sentence_start]
    return _FURTHER.search(before) is not None


def _dates_agree(a: EventMention, b: EventMention) -> bool:
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    coarser = max(a.time_precision or TimePrecision.WEEK, b.time_precision or TimePrecision.WEEK)
    return abs((a.date - b.date).days) <= DATE_SLACK_DAYS[coarser]


def _places_agree(a: EventMention, b: EventMention) -> bool:
    if a.place is None or b.place is None:
        return a.place is None and b.place is None
    if a.place.country != b.place.country:
        return False
    if a.place.latitude is None or b.place.latitude is None or a.place.longitude is None or b.place.longitude is None:
        return a.place.precision == b.place.precision == GeoPrecision.REGION
    limit = DISTANCE_KM.get(max(a.place.precision, b.place.precision), 0.0)
    return haversine_km(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude) <= limit


def _actors_agree(a: EventMention, b: EventMention) -> bool:
    for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        if x is not None and y is not None and x.name != y.name:
            return False
    return True


def _event(cluster: list[EventMention]) -> Event:
    lead = cluster[0]
    mentions = tuple(sorted(cluster, key=lambda m: (m.article_id, m.trigger_start)))
    killed = _per_report(mentions, "fatalities")
    injured = [f.best for f in _per_report(mentions, "injured")]
    return Event(
        id=event_id(lead, mentions),
        mentions=mentions,
        event_type=lead.event_type,
        sub_event_type=Counter(m.sub_event_type for m in cluster).most_common(1)[0][0],
        disorder_type=lead.disorder_type,
        date=lead.date,
        time_precision=lead.time_precision,
        actor1=next((m.actor1 for m in cluster if m.actor1), None),
        actor2=next((m.actor2 for m in cluster if m.actor2), None),
        place=lead.place,
        fatalities_low=min(f.low for f in killed) if killed else None,
        fatalities=min(f.best for f in killed) if killed else None,
        fatalities_high=max(f.high for f in killed) if killed else None,
        injured=min(injured) if injured else None,
        certainty="reported" if any(m.certainty == "reported" for m in cluster) else lead.certainty,
        historical=lead.historical,
        sources=tuple(sorted({m.article_id for m in cluster})),
    )


def _per_report(mentions: tuple[EventMention, ...], kind: str) -> list[Figure]:
    """Each article's figure of ``kind`` for the event. Mentions of one article that fuse are parts of one
    account: their figures add up unless they restate each other ("A gunman killed three soldiers. The
    gunman was shot dead" is four dead). Articles are separate accounts, compared by the caller."""
    totals: dict[str, Figure | None] = {}
    for mention in mentions:  # in the order each article tells them
        figure: Figure | None = getattr(mention, kind)
        totals[mention.article_id] = add_figures(totals.get(mention.article_id), figure)
    return [f for f in totals.values() if f is not None]


def event_id(lead: EventMention, mentions: tuple[EventMention, ...]) -> str:
    """ACLED-style id: the country's ISO3 code and a number stable across re-runs."""
    iso3 = lead.place.iso3 if lead.place and lead.place.iso3 else "XXX"
    first = min(m.id for m in mentions)
    return f"{iso3}{int(hashlib.sha1(first.encode()).hexdigest()[:10], 16) % 10**8:08d}"
