"""Can two mentions report one event? How well they agree, and why: the reasons `sitroom show` prints.

Two mentions match when their types are compatible, their dates agree within their precision windows, their
places lie within a distance that fits their geo precision, and their actors do not contradict each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.geo.distance import haversine_km
from sitroom.model import EventMention, GeoPrecision, Place, TimePrecision

# How far apart two reports of one event may date it, by the coarser of their precisions. A day-precise
# report may be a day off (time zones, "overnight"); "last week" on a Tuesday may reach ten days back.
DATE_SLACK_DAYS = {TimePrecision.DAY: 1, TimePrecision.WEEK: 10, TimePrecision.MONTH: 31}
MAX_DATE_SLACK_DAYS = max(DATE_SLACK_DAYS.values())
# How far apart two reports may place one event, in kilometres, by the coarser geo precision; two different
# towns, each named as the place, must be closer still (one urban area: a suburb and its city).
DISTANCE_KM = {GeoPrecision.LOCALITY: 15.0, GeoPrecision.NEAR: 60.0}
OTHER_TOWN_KM = 5.0
# How far two tolls may differ and still confirm one event told with different means: by one (the bomber,
# counted by one outlet and not the other) or a quarter of the larger.
TOLL_SLACK, TOLL_SLACK_SHARE = 1, 0.25
_FURTHER = re.compile(
    r"\b(another|second|third|fourth|fifth|separate|additional|further|subsequent(ly)?|meanwhile|"
    r"later(?!,? (it )?(was|has been|had been) (confirmed|reported|announced)))\b",  # not "Later, it was confirmed"
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Match:
    """The verdict on two mentions: whether they may be one event, a score from 0 to 1 of how closely their
    date, place and actors agree, and a reason for each check, in words."""

    compatible: bool
    score: float
    reasons: tuple[str, ...]


BlockKey = tuple[bool, str, str | None]


def block_key(mention: EventMention) -> BlockKey:
    """Mentions with different keys never match: the blocking that keeps fusion from comparing every pair."""
    return (mention.historical, mention.event_type, mention.place.country if mention.place else None)


def match(a: EventMention, b: EventMention) -> Match:
    """Compare ``a`` and ``b`` on every criterion; all must hold for them to be one event."""
    if block_key(a) != block_key(b):
        return Match(False, 0.0, ("different event types, countries or historical flags",))
    checks = (_types(a, b), _further(a, b), _dates(a, b), _places(a, b), _actors(a, b), _tolls(a, b))
    compatible = all(ok for ok, _, _ in checks)
    scores = [score for _, score, _ in checks if score is not None]
    return Match(compatible, round(sum(scores) / len(scores), 3), tuple(reason for _, _, reason in checks if reason))


Check = tuple[bool, float | None, str]


def _types(a: EventMention, b: EventMention) -> Check:
    if a.sub_event_type == b.sub_event_type:
        return True, 1.0, f"same sub-event type ({a.sub_event_type})"
    # Strategic developments of different sub-types (an agreement, a deployment) are never one event, nor
    # two events one article tells apart.
    if a.article_id == b.article_id or a.event_type == "Strategic developments":
        return False, 0.0, f"sub-event types differ ({a.sub_event_type}, {b.sub_event_type})"
    return True, 0.5, f"same event type, sub-types told differently ({a.sub_event_type}, {b.sub_event_type})"


def _tolls(a: EventMention, b: EventMention) -> Check:
    """Two outlets may tell one attack's means differently (a suicide bomber, an explosion), but then their
    tolls must agree: a bombing that killed five and a landmine that killed one are two events. Whatever the
    means, a report of only dead and one of only wounded tell two events."""
    if a.article_id == b.article_id:
        return True, None, ""
    if (_only_dead(a) and _only_hurt(b)) or (_only_dead(b) and _only_hurt(a)):
        return False, None, "one report counts only dead, the other only wounded"  # two shellings of one town
    if a.sub_event_type == b.sub_event_type:
        return True, None, ""
    x, y = a.fatalities, b.fatalities
    if x is None or y is None:
        return False, None, "sub-types differ and the tolls cannot confirm them one event"
    gap = max(0, y.low - x.high, x.low - y.high)
    if gap <= max(TOLL_SLACK, TOLL_SLACK_SHARE * max(x.best, y.best)):
        return True, None, f"sub-types differ but the tolls agree ({x.text}; {y.text})"
    return False, None, f"sub-types and tolls differ ({x.text}; {y.text})"


def _only_dead(mention: EventMention) -> bool:
    return bool(mention.fatalities and mention.fatalities.best) and not (mention.injured and mention.injured.best)


def _only_hurt(mention: EventMention) -> bool:
    return bool(mention.injured and mention.injured.best) and not (mention.fatalities and mention.fatalities.best)


def _further(a: EventMention, b: EventMention) -> Check:
    if a.article_id == b.article_id and (told_as_further(a) or told_as_further(b)):
        return False, None, "the article tells one as a further event ('another', 'a second', 'separate')"
    return True, None, ""


def told_as_further(mention: EventMention) -> bool:
    """Does the article tell this event as one more than those before it ("another blast", "a second car
    bomb", "in a separate attack", "hours later")?"""
    before = mention.sentence[: mention.trigger_start - mention.sentence_start]
    return _FURTHER.search(before) is not None


def _dates(a: EventMention, b: EventMention) -> Check:
    if a.date is None or b.date is None:
        if a.date is None and b.date is None:
            return True, 0.5, "neither is dated"
        return False, 0.0, "one is dated, the other not"
    coarser = max(a.time_precision or TimePrecision.WEEK, b.time_precision or TimePrecision.WEEK)
    slack, days = DATE_SLACK_DAYS[coarser], abs((a.date - b.date).days)
    verdict = "agree" if days <= slack else "disagree"
    allowed = f"{slack} allowed at {coarser.name.lower()} precision"
    reason = f"dates {verdict}: {a.date} and {b.date}, {days} days apart ({allowed})"
    return days <= slack, max(0.0, 1 - days / (slack + 1)), reason


def _places(a: EventMention, b: EventMention) -> Check:
    pa, pb = a.place, b.place
    one_article = a.article_id == b.article_id
    if pa is None or pb is None:
        if pa is None and pb is None:  # an article's own restatement, or two reports too vague to tell apart
            return one_article, 0.5 if one_article else 0.0, "neither is placed"
        return False, 0.0, "one is placed, the other not"
    if pa.latitude is None or pb.latitude is None or pa.longitude is None or pb.longitude is None:
        return _regions(pa, pb, one_article)
    coarser = max(pa.precision, pb.precision)
    limit = DISTANCE_KM.get(coarser, 0.0)
    km = haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude)
    if pa.precision == pb.precision == GeoPrecision.LOCALITY and pa.geonameid != pb.geonameid:
        limit = min(limit, OTHER_TOWN_KM)  # Hebron and Efrat, 15 km apart, are two places
    names = pa.name if pa.name == pb.name else f"{pa.name} and {pb.name}"
    verdict = "agree" if km <= limit else "disagree"
    reason = f"places {verdict}: {names}, {km:.0f} km apart ({limit:.0f} allowed at geo precision {int(coarser)})"
    return km <= limit, max(0.0, 1 - km / limit) if limit else 0.0, reason


def _regions(pa: Place, pb: Place, one_article: bool) -> Check:
    """Places without a point: a province, or only a country. Two reports placed only in one country are too
    vague to be fused (an article's own restatements are)."""
    if pa.precision != GeoPrecision.REGION or pb.precision != GeoPrecision.REGION:
        return False, 0.0, "one is placed at a point, the other not"
    if pa.admin1 is not None and pb.admin1 is not None:
        same = pa.admin1 == pb.admin1
        return same, 0.5 if same else 0.0, f"provinces {'agree' if same else 'disagree'}: {pa.admin1}, {pb.admin1}"
    if one_article:
        return True, 0.5, f"both only placed in {pa.country}"
    return False, 0.0, f"both only placed in {pa.country}: too vague to fuse two reports"


def _actors(a: EventMention, b: EventMention) -> Check:
    scores, reasons = [], []
    for role, x, y in (("actor1", a.actor1, b.actor1), ("actor2", a.actor2, b.actor2)):
        if x is not None and y is not None:
            if x.name != y.name:
                return False, 0.0, f"{role} differs ({x.name}, {y.name})"
            scores.append(1.0)
            reasons.append(f"{role} agrees ({x.name})")
        elif x is not None or y is not None:
            scores.append(0.5)
    reason = "; ".join(reasons) if reasons else "no actor named by both"
    return True, sum(scores) / len(scores) if scores else 0.5, reason
