"""Cluster event mentions into events.

Mentions that may report one event (:func:`sitroom.fuse.matching.match`) are linked; the links split the
mentions into connected components, found by blocking on type, country and date so that not every pair is
compared. Within a component, mentions are taken in a canonical order (most precise first) and each joins
the first cluster whose every member it matches (complete link), else starts one. The result is a function
of the set of mentions and the user's decisions alone: ingest order cannot change it, and a component can
be re-clustered on its own when new mentions reach it (:func:`component_of`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from sitroom.events.figures import add_figures
from sitroom.fuse.decisions import NO_CONSTRAINTS, Constraints
from sitroom.fuse.matching import MAX_DATE_SLACK_DAYS, Match, block_key, match
from sitroom.model import Event, EventMention, Figure, FusionLink


def fuse_mentions(mentions: Iterable[EventMention], constraints: Constraints = NO_CONSTRAINTS) -> tuple[Event, ...]:
    """Events from ``mentions``; the result does not depend on the order the mentions come in."""
    events = [e for component in components(mentions, constraints) for e in cluster(component, constraints)]
    return tuple(sorted(events, key=lambda e: (e.date or dt.date.min, e.id)))


def compatible(a: EventMention, b: EventMention, constraints: Constraints = NO_CONSTRAINTS) -> bool:
    """True when ``a`` and ``b`` can report the same event (and no decision keeps them apart)."""
    return not constraints.kept_apart(a.id, b.id) and match(a, b).compatible


def components(mentions: Iterable[EventMention], constraints: Constraints = NO_CONSTRAINTS) -> list[list[EventMention]]:
    """The connected components of the links between ``mentions``: pairs that match, and groups a user
    merged. Only pairs in one block (type, country, historical flag) and within the widest date window are
    compared."""
    pool = {m.id: m for m in mentions}
    parent = {key: key for key in pool}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def link(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for a, b in candidate_pairs(pool.values()):
        if compatible(a, b, constraints):
            link(a.id, b.id)
    for group in constraints.groups:
        present = sorted(g for g in group if g in pool)
        for other in present[1:]:
            link(present[0], other)
    found: dict[str, list[EventMention]] = defaultdict(list)
    for key in sorted(pool):
        found[root(key)].append(pool[key])
    return list(found.values())


def candidate_pairs(mentions: Iterable[EventMention]) -> Iterable[tuple[EventMention, EventMention]]:
    """Pairs in one block whose dates are within the widest window (undated mentions pair with each other)."""
    blocks: dict[tuple[object, ...], list[EventMention]] = defaultdict(list)
    for mention in mentions:
        blocks[block_key(mention)].append(mention)
    for block in blocks.values():
        block.sort(key=lambda m: (m.date or dt.date.min, m.id))
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if a.date is not None and b.date is not None and (b.date - a.date).days > MAX_DATE_SLACK_DAYS:
                    break
                yield a, b


def cluster(component: list[EventMention], constraints: Constraints = NO_CONSTRAINTS) -> list[Event]:
    """Complete-link clusters of one component, most precise mentions first; a merged group moves as one."""
    group_of = constraints.group_of()
    units: dict[frozenset[str], list[EventMention]] = defaultdict(list)
    for mention in sorted(component, key=_order):
        units[group_of.get(mention.id, frozenset((mention.id,)))].append(mention)
    clusters: list[list[EventMention]] = []
    links: dict[str, FusionLink] = {}
    for unit in units.values():
        home = next((c for c in clusters if all(compatible(m, n, constraints) for m in unit for n in c)), None)
        if home is None:
            home = []
            clusters.append(home)
        for mention in unit:
            links[mention.id] = _link(mention, home, len(unit) > 1)
            home.append(mention)
    return [_event(c, links) for c in clusters]


def _link(mention: EventMention, joined: list[EventMention], by_user: bool) -> FusionLink:
    """How ``mention`` came to join the mentions already in ``joined``: its best match among them."""
    if not joined:
        lead = "merged by the user" if by_user else "the event's lead report: its most precise date and place"
        return FusionLink(mention.id, None, 1.0, (lead,), by_user)
    scored: list[tuple[Match, EventMention]] = [(match(mention, other), other) for other in joined]
    best, other = max(scored, key=lambda pair: (pair[0].score, pair[1].id))
    reasons: tuple[str, ...] = (("merged by the user",) if by_user else ()) + best.reasons
    return FusionLink(mention.id, other.id, best.score, reasons, by_user)


def _order(m: EventMention) -> tuple[int, int, str, int, str]:
    precision = (m.time_precision or 9) * 10 + (m.place.precision if m.place else 9)
    return (precision, 0 if m.fatalities else 1, m.article_id, m.trigger_start, m.id)


def _event(cluster: list[EventMention], links: dict[str, FusionLink]) -> Event:
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
        links=tuple(links[m.id] for m in cluster),
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


MentionSource = Callable[[EventMention], Iterable[EventMention]]


def component_of(
    seeds: Iterable[EventMention],
    candidates: MentionSource,
    mates: MentionSource,
    constraints: Constraints = NO_CONSTRAINTS,
) -> list[EventMention]:
    """The seeds with every stored mention connected to them: what must be re-clustered when the seeds are
    new, lost a mention, or a decision was taken on them. ``candidates(m)`` gives the stored mentions that
    may match ``m`` (its block and date window), taken where they match; ``mates(m)`` gives those that must
    come along whatever they match: ``m``'s current event-mates and its merged group. The closure is taken
    until nothing is added, so the result is a union of whole components."""
    found = {m.id: m for m in seeds}
    frontier = list(found.values())
    while frontier:
        mention = frontier.pop()
        linked = [o for o in candidates(mention) if o.id not in found and compatible(mention, o, constraints)]
        for other in [*linked, *mates(mention)]:
            if other.id not in found:
                found[other.id] = other
                frontier.append(other)
    return sorted(found.values(), key=lambda m: m.id)
