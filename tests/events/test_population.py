"""Events: populations stated in passing become figures of their town, as of publication."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.model import Figure
from sitroom.pipeline import Coder

PUBLISHED = dt.date(2016, 10, 24)


def _populations(coder: Coder, text: str) -> list[Figure]:
    coded = coder.code_document(text, published=PUBLISHED)
    return [f for f in coded.figures if f.kind == "population"]


@pytest.mark.parametrize(
    ("text", "best", "low", "high"),
    [
        ("Mosul, a city of 1.5 million people, is surrounded.", 1_500_000, 1_500_000, 1_500_000),
        ("Iraqi troops reached Tal Afar, home to some 200,000 residents, on Sunday.", 200_000, 180_000, 220_000),
        ("Fighting reached Aleppo, which had a population of more than two million.", 2_000_000, 2_000_000, 2_000_000),
        ("Kirkuk has an estimated population of 1.3 million.", 1_300_000, 1_170_000, 1_430_000),
    ],
)
def test_a_population_is_a_figure_of_the_town_named_before_it(
    coder: Coder, text: str, best: int, low: int, high: int
) -> None:
    (figure,) = _populations(coder, text)
    assert (figure.low, figure.best, figure.high) == (low, best, high)
    assert figure.place is not None and figure.place.name in text and figure.date == PUBLISHED
    assert text[figure.provenance.start : figure.provenance.end] == figure.text


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi troops advanced on the city of Mosul on Monday.",  # a town's name, not a count
        "The Sunni population of Tal Afar fears reprisals.",  # no number
        "The town of 300 soldiers was a fiction.",  # too few to be a town's people, and no town
    ],
)
def test_no_population_without_a_count_of_people_and_a_town(coder: Coder, text: str) -> None:
    assert _populations(coder, text) == []


def test_a_population_in_a_sentence_naming_no_town_is_the_article_main_towns(coder: Coder) -> None:
    text = (
        "Iraqi forces pressed on toward Mosul. The battle for Mosul will be long, officers in Mosul said.\n\n"
        "An assault is to be waged on a city with an estimated population of 1.3 million."
    )
    (figure,) = _populations(coder, text)
    assert figure.place is not None and figure.place.name == "Mosul" and "main town" in (figure.place.note or "")
    assert _populations(coder, "An assault is to be waged on a city with a population of 1.3 million.") == []
