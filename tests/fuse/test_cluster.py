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


def test_a_restatement_is_the_same_event(coder: Coder) -> None:
    text = (
        "A suicide bomber blew himself up near a police checkpoint in Jalalabad on Monday, killing four. "
        "Four policemen died in the attack."
    )
    (event,) = fuse_mentions(coder.code_text(text, published=PUBLISHED))
    assert event.place is not None and event.place.name == "Jalalabad"
