"""Time: a missing publication date is inferred from the article's own dates, and never invented."""

from __future__ import annotations

import datetime as dt

from sitroom.model import Article, TimePrecision
from sitroom.time.publication import infer_publication

TODAY = dt.date(2026, 11, 24)


def _infer(text: str) -> Article:
    return infer_publication(Article(id="a", text=text), today=TODAY)


def test_latest_full_date_is_taken_a_week_imprecise() -> None:
    article = _infer("The siege began on 17 October 2016. By October 30, 2016 troops had reached the city.")
    assert (article.published, article.published_precision) == (dt.date(2016, 10, 30), TimePrecision.WEEK)
    assert article.published_inferred_from == "October 30, 2016"


def test_month_and_year_alone_give_month_precision() -> None:
    article = _infer("The offensive, launched in October 2016, continued.")
    assert (article.published, article.published_precision) == (dt.date(2016, 10, 1), TimePrecision.MONTH)


def test_future_dates_and_bare_years_are_not_evidence() -> None:
    article = _infer("Elections are due on 1 March 2031. The war began in 2014 and peaked on Friday.")
    assert article.published is None and article.published_inferred_from is None


def test_given_dates_are_kept() -> None:
    given = Article(id="a", text="On 1 May 2015 a bomb exploded.", published=dt.date(2016, 1, 1))
    assert infer_publication(given, today=TODAY) is given
