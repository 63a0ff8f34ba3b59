"""Infer a missing publication date from the dates an article itself states."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sitroom.model import Article, TimePrecision
from sitroom.time.expressions import find_timexes
from sitroom.time.normalise import Anchor, normalise

# The oldest date taken as plausible for a news report's own dates.
_EARLIEST = dt.date(1900, 1, 1)


def infer_publication(article: Article, today: dt.date | None = None) -> Article:
    """``article`` with a publication date inferred from its text when it has none, else unchanged.

    A report is written on or after the latest day it names, so the latest full date (or month) in the
    text that is not after ``today`` is taken, a week (or a month) imprecise, and the words it came from
    are kept in ``published_inferred_from``. With no such date the article keeps no date: sitroom never
    invents one.
    """
    if article.published is not None:
        return article
    today = today or dt.date.today()
    best: tuple[dt.date, TimePrecision, str] | None = None
    for raw in find_timexes(article.text):
        if not raw.self_anchored or raw.kind not in ("date", "numeric_date", "month"):
            continue
        timex = normalise(raw, Anchor(today), article.id)
        if timex is None or timex.first_day is None or timex.last_day is None:
            continue
        if not _EARLIEST <= timex.first_day <= today:
            continue
        precision = TimePrecision.WEEK if timex.precision == TimePrecision.DAY else TimePrecision.MONTH
        if best is None or timex.first_day > best[0]:
            best = (timex.first_day, precision, timex.text)
    if best is None:
        return article
    day, precision, text = best
    return dataclasses.replace(article, published=day, published_precision=precision, published_inferred_from=text)
