"""Events: a summary of several attacks keeps only the dead its parts leave untold."""

from __future__ import annotations

import datetime as dt

from sitroom.pipeline import Coder

PUBLISHED = dt.date(2013, 10, 5)


def _killed(coder: Coder, text: str) -> list[int]:
    return [m.fatalities.best for m in coder.code_text(text, published=PUBLISHED) if m.fatalities is not None]


def test_a_summary_keeps_the_rest_of_its_toll(coder: Coder) -> None:
    text = (
        "A spate of bombings across Iraq killed 37 people on Friday. One attack on a house in Ramadi killed six people."
    )
    assert sorted(_killed(coder, text)) == [6, 31]


def test_a_summary_its_parts_tell_in_full_is_dropped(coder: Coder) -> None:
    text = (
        "A series of attacks across Iraq killed 20 people on Friday. "
        "A car bomb in Baghdad killed 12 people. "
        "In Mosul, a roadside bomb killed eight soldiers."
    )
    mentions = coder.code_text(text, published=PUBLISHED)
    assert sorted(m.fatalities.best for m in mentions if m.fatalities is not None) == [8, 12]
    assert all(m.place is not None and m.place.name != "Iraq" for m in mentions)


def test_an_event_told_as_one_more_is_no_part(coder: Coder) -> None:
    text = (
        "Twin bombings at a market in Baghdad killed at least 14 people. "
        "Also in the capital, insurgents shot dead three officers at a police checkpoint."
    )
    assert sorted(_killed(coder, text)) == [3, 14]


def test_a_part_elsewhere_is_no_part_of_a_summary_in_one_town(coder: Coder) -> None:
    text = (
        "Two separate bombings in Karachi killed 7 people. "
        "In Quetta, a blast underneath a bus carrying pilgrims killed 3 people."
    )
    assert sorted(_killed(coder, text)) == [3, 7]


def test_an_earlier_attack_the_same_day_is_an_event(coder: Coder) -> None:
    text = (
        "A suicide bomber killed at least 13 people during a procession in Rawalpindi. "
        "Earlier, a blast in Quetta killed 3 soldiers and 2 civilians."
    )
    assert 5 in _killed(coder, text)


def test_a_sides_claim_about_the_event_just_told_is_no_new_event(coder: Coder) -> None:
    text = (
        "At least 10 soldiers were killed in a suicide bombing at an army base near Mogadishu. "
        "Al-Shabab released a statement claiming that it had killed 30 soldiers."
    )
    assert _killed(coder, text) == [11]  # the ten and the bomber; the claimed 30 is no second event
