"""Fusion within one article: a report's restatements are one event, its further events are not."""

from __future__ import annotations

import datetime as dt

from sitroom.fuse.cluster import fuse_mentions
from sitroom.pipeline import Coder

PUBLISHED = dt.date(2013, 5, 2)


def test_an_event_told_as_a_further_one_stays_apart(coder: Coder) -> None:
    text = (
        "Four people were killed and 11 others wounded when a car bomb exploded in a northern Baghdad suburb. "
        "A second car bomb exploded in Baghdad, killing an additional three people."
    )
    events = fuse_mentions(coder.code_text(text, published=PUBLISHED))
    assert sorted(e.fatalities or 0 for e in events) == [3, 4]


def test_a_later_confirmation_is_no_further_event(coder: Coder) -> None:
    text = (
        "Iraqi troops entered the eastern outskirts of Mosul on Monday. "
        "Later, it was confirmed that Iraqi troops had entered the Karama neighborhood in Mosul's east."
    )
    (event,) = fuse_mentions(coder.code_text(text, published=dt.date(2016, 11, 1)))
    assert len(event.mentions) == 2 and event.date == dt.date(2016, 10, 31)


def test_a_restatement_is_the_same_event(coder: Coder) -> None:
    text = (
        "A suicide bomber blew himself up near a police checkpoint in Jalalabad on Monday, killing four. "
        "Four policemen died in the attack."
    )
    (event,) = fuse_mentions(coder.code_text(text, published=PUBLISHED))
    assert event.place is not None and event.place.name == "Jalalabad"


def test_parts_of_one_account_add_up(coder: Coder) -> None:
    # the soldiers the gunman killed, and the gunman: one event, four dead
    text = (
        "A Palestinian gunman killed three Israeli soldiers near Har Adar and critically injured a fourth. "
        "The gunman was shot and killed by the other soldiers."
    )
    (event,) = fuse_mentions(coder.code_text(text, published=PUBLISHED))
    assert event.fatalities == 4


def test_a_toll_replaces_the_counts_before_it(coder: Coder) -> None:
    text = (
        "At least eleven people were killed and a toddler was seriously injured when a vehicle was hit by a bomb "
        "in the Achin district of Nangarhar province. The toddler died months after, bringing the toll of the "
        "bombing to 12."
    )
    events = fuse_mentions(coder.code_text(text, published=PUBLISHED))
    assert sum(e.fatalities or 0 for e in events) == 12


def test_a_summary_of_a_month_is_no_event(coder: Coder) -> None:
    text = (
        "Twin bombings at a market on the outskirts of Baghdad killed at least 14 people. June has been "
        "particularly deadly in the country, with a spate of bombings leaving nearly 200 civilians dead."
    )
    (event,) = fuse_mentions(coder.code_text(text, published=PUBLISHED))
    assert event.fatalities == 14


def test_the_same_number_on_two_sides_is_two_counts(coder: Coder) -> None:
    text = "Several gunmen attacked a paramilitary convoy in Srinagar, killing two soldiers. Two attackers were killed."
    events = fuse_mentions(coder.code_text(text, published=PUBLISHED))
    assert sum(e.fatalities or 0 for e in events) == 4


def test_a_nationality_is_no_place_of_its_own(coder: Coder) -> None:
    # "a U.S. soldier" names no place: the toll is the suicide attack's, not an event of its own
    text = (
        "A suicide attacker struck a military convoy in Kabul. At least three civilians and a U.S. soldier were killed."
    )
    (event,) = fuse_mentions(coder.code_text(text, published=PUBLISHED))
    assert event.sub_event_type == "Suicide bomb" and event.fatalities == 5
