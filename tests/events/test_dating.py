"""Events: each event takes the date that governs it, through relative chains, the narrative or publication."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.model import Article, EventMention, TimePrecision
from sitroom.pipeline import Coder, ingest
from sitroom.settings import Settings
from sitroom.store import EventStore

MONDAY = dt.date(2016, 10, 31)


def _code(coder: Coder, text: str, published: dt.date | None = MONDAY, **meta: object) -> tuple[EventMention, ...]:
    return coder.code_text(text, published=published, **meta)


def _by_trigger(mentions: tuple[EventMention, ...], trigger: str) -> EventMention:
    return next(m for m in mentions if m.trigger == trigger)


@pytest.fixture(scope="module")
def stored(examples: Path, coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> list[EventMention]:
    """Every mention of the example corpus, ingested from its folder (dates from its manifest) and stored."""
    settings = Settings(db_path=tmp_path_factory.mktemp("dating") / "examples.duckdb")
    ingest([examples], settings, coder=coder)
    with EventStore(settings.db_path, read_only=True) as store:
        return store.mentions()


def _example(stored: list[EventMention], stem: str) -> tuple[EventMention, ...]:
    return tuple(m for m in stored if m.article_id.startswith(stem + "_"))


def test_kirkuk_attack_of_friday_in_002(stored: list[EventMention]) -> None:
    mentions = _example(stored, "002")
    kirkuk = next(m for m in mentions if m.place and m.place.name == "Kirkuk" and m.trigger == "attack")
    assert (kirkuk.date, kirkuk.time_precision, kirkuk.date_text) == (
        dt.date(2016, 10, 21),
        TimePrecision.DAY,
        "Friday",
    )


def test_tal_afar_fighting_since_sunday_in_003(stored: list[EventMention]) -> None:
    mentions = _example(stored, "003")
    fighting = next(m for m in mentions if m.place and m.place.name == "Tal Afar")
    assert (fighting.date, fighting.date_text) == (dt.date(2014, 6, 15), "Sunday")


def test_samarra_mosque_bombing_of_2006_in_003_is_historical(stored: list[EventMention]) -> None:
    mentions = _example(stored, "003")
    bombing = _by_trigger(mentions, "bombing")
    assert bombing.historical and bombing.date == dt.date(2006, 1, 1) and bombing.time_precision == TimePrecision.MONTH
    assert not any(m.historical for m in mentions if m is not bombing)


def test_relative_chain_resolves_through_the_event_it_names(stored: list[EventMention]) -> None:
    # 000: "On Saturday, the ... PMU announced a major offensive" (29 October) ... "The PMU offensive came a day
    # after US-backed Islamist extremists launched a counterattack ... in Aleppo."
    counterattack = _by_trigger(_example(stored, "000"), "counterattack")
    assert counterattack.date == dt.date(2016, 10, 28)
    assert counterattack.date_note is not None and "Saturday" in counterattack.date_note


def test_expression_of_the_events_own_clause_wins_over_another_clauses(stored: list[EventMention]) -> None:
    # "Iraqi government troops entered the eastern outskirts of Mosul Monday, as the US-backed offensive
    # launched October 17 entered its third week."
    entered = next(m for m in _example(stored, "000") if m.trigger == "entered" and "outskirts" in m.sentence)
    assert (entered.date, entered.date_text) == (MONDAY, "Monday")


def test_chain_works_in_either_direction(coder: Coder) -> None:
    text = (
        "Militants attacked a checkpoint in Kirkuk on Thursday, killing three soldiers.\n\n"
        "Two days after the checkpoint attack, gunmen killed two policemen in Tikrit."
    )
    shooting = next(m for m in _code(coder, text) if m.place and m.place.name == "Tikrit")
    assert shooting.date == dt.date(2016, 10, 29)


def test_narrative_date_earlier_in_the_paragraph_governs(coder: Coder) -> None:
    text = (
        "Fighting intensified in Mosul on Saturday. Islamic State fighters shelled Iraqi army positions in "
        "Bartella, killing four soldiers."
    )
    shelling = next(m for m in _code(coder, text) if m.fatalities is not None)
    assert shelling.date == dt.date(2016, 10, 29)
    assert shelling.date_note is not None and "earlier in the paragraph" in shelling.date_note


def test_no_date_anywhere_takes_the_publication_week(coder: Coder) -> None:
    (mention,) = _code(coder, "Islamic State fighters shelled Iraqi army positions in Bartella, killing four soldiers.")
    assert (mention.date, mention.time_precision) == (MONDAY, TimePrecision.WEEK)
    assert mention.date_note == "no date in the text: publication week"


def test_relative_dates_are_no_more_precise_than_the_publication_date(coder: Coder) -> None:
    text = "Islamic State fighters shelled Iraqi army positions in Bartella on Friday, killing four soldiers."
    (mention,) = _code(coder, text, published_precision=TimePrecision.WEEK)
    assert (mention.date, mention.time_precision) == (dt.date(2016, 10, 28), TimePrecision.WEEK)


@pytest.mark.parametrize(
    "phrase",
    ["in 2006", "in September 2005", "after the 2003 invasion"],
)
def test_events_long_before_publication_are_historical(coder: Coder, phrase: str) -> None:
    text = f"A car bomb exploded in Baghdad {phrase}, killing 40 people."
    (mention,) = _code(coder, text)
    assert mention.historical


def test_recent_events_are_not_historical(coder: Coder) -> None:
    (mention,) = _code(coder, "A car bomb exploded in Baghdad on 20 September, killing 40 people.")
    assert mention.date == dt.date(2016, 9, 20) and not mention.historical


def test_without_a_publication_date_the_date_is_inferred_from_the_text(coder: Coder) -> None:
    text = (
        "Baghdad, 29 October 2016. A car bomb exploded in Baghdad on Friday, killing 40 people. The city was "
        "last hit on 12 October 2016."
    )
    article = Article(id="undated", text=text)
    (result,) = list(coder.code([article]))
    coded, (mention,) = result.article, result.mentions
    assert coded.published == dt.date(2016, 10, 29) and coded.published_inferred_from == "29 October 2016"
    assert coded.published_precision == TimePrecision.WEEK
    assert mention.date == dt.date(2016, 10, 28) and mention.time_precision == TimePrecision.WEEK
    assert mention.date_note is not None and "inferred publication date" in mention.date_note


def test_without_any_date_the_event_date_stays_empty_with_the_reason(coder: Coder) -> None:
    (mention,) = _code(coder, "A car bomb exploded in Baghdad on Friday, killing 40 people.", published=None)
    assert mention.date is None and mention.time_precision is None
    assert mention.date_note == "no publication date and no date in the text"
