"""Figures across articles: which stated figures contradict each other.

A series of one kind at one place grows over time (people displaced from Mosul: more than 5,600 by 24
October, more than 17,000 by 1 November); two figures contradict each other when they count the same thing
differently: a population, whatever the dates (Mosul at 1.3 million in one article and 1.5 million in
another), or any other kind as of the same day.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitroom.model import Figure

# Kinds that count a stock, not a running total: their figures contradict each other whatever their dates.
STOCK_KINDS = frozenset({"population"})
# How many days apart two running totals may be as of and still be figures for the same moment.
SAME_MOMENT_DAYS = 1


def conflicts(figures: Sequence[Figure]) -> list[tuple[Figure, ...]]:
    """For each figure, in order, the figures of other articles that contradict it (empty when none)."""
    return [tuple(other for other in figures if other is not one and contradict(one, other)) for one in figures]


def contradict(a: Figure, b: Figure) -> bool:
    """Do two articles' figures of one kind and place give counts whose ranges do not meet?"""
    if a.kind != b.kind or a.provenance.article_id == b.provenance.article_id or not _same_place(a, b):
        return False
    moments_apart = a.date is None or b.date is None or abs((a.date - b.date).days) > SAME_MOMENT_DAYS
    if a.kind not in STOCK_KINDS and moments_apart:
        return False  # a running total that has grown
    return a.high < b.low or b.high < a.low


def _same_place(a: Figure, b: Figure) -> bool:
    if a.place is None or b.place is None:
        return False
    if a.place.geonameid is not None or b.place.geonameid is not None:
        return a.place.geonameid == b.place.geonameid
    return (a.place.name, a.place.country) == (b.place.name, b.place.country)
