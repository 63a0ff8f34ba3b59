"""Fusion: two reports of one event match with a score and reasons; reports that differ say why not."""

from __future__ import annotations

import datetime as dt

from sitroom.fuse import Constraints, Decision, fuse_mentions, match
from sitroom.model import EventMention
from sitroom.pipeline import Coder


def _mention(coder: Coder, text: str, article_id: str, published: dt.date) -> EventMention:
    (mention,) = coder.code_text(text, article_id=article_id, published=published)
    return mention


def test_two_outlets_on_one_strike_match_with_reasons(coder: Coder) -> None:
    a = _mention(coder, "A US air strike killed at least 15 women at a Shia shrine in Kirkuk on Friday.", "a",
                 dt.date(2016, 10, 24))  # fmt: skip
    b = _mention(coder, "Last week an air strike killed between 15 and 20 civilians at a funeral near Kirkuk.", "b",
                 dt.date(2016, 11, 1))  # fmt: skip
    found = match(a, b)
    assert found.compatible and 0.5 < found.score <= 1
    assert "same sub-event type (Air/drone strike)" in found.reasons
    assert any(r.startswith("dates agree: 2016-10-21 and 2016-10-24") for r in found.reasons)
    assert any(r.startswith("places agree: Kirkuk, 0 km apart") for r in found.reasons)
    (event,) = fuse_mentions([a, b])
    assert (event.fatalities_low, event.fatalities, event.fatalities_high) == (15, 15, 20)


def test_reports_a_month_apart_or_in_other_towns_do_not_match(coder: Coder) -> None:
    a = _mention(coder, "A car bomb exploded in Baghdad on Sunday, killing 17 people.", "a", dt.date(2016, 10, 31))
    later = _mention(coder, "A car bomb exploded in Baghdad on Sunday, killing 17 people.", "b", dt.date(2016, 12, 5))
    elsewhere = _mention(
        coder, "A car bomb exploded in Basra on Sunday, killing 17 people.", "c", dt.date(2016, 10, 31)
    )
    assert match(a, a).compatible
    verdict = match(a, later)
    assert not verdict.compatible and any(r.startswith("dates disagree") for r in verdict.reasons)
    verdict = match(a, elsewhere)
    assert not verdict.compatible and any(r.startswith("places disagree: Baghdad and Basra") for r in verdict.reasons)
    assert len(fuse_mentions([a, later, elsewhere])) == 3


def test_decisions_override_the_match(coder: Coder) -> None:
    a = _mention(coder, "A car bomb exploded in Baghdad on Sunday, killing 17 people.", "a", dt.date(2016, 10, 31))
    b = _mention(coder, "On Sunday a car bomb killed 17 people in Baghdad.", "b", dt.date(2016, 10, 31))
    far = _mention(coder, "A car bomb exploded in Basra on Sunday, killing 17 people.", "c", dt.date(2016, 10, 31))
    assert len(fuse_mentions([a, b])) == 1
    split = Constraints.of([Decision("split", (b.id,), (a.id,))])
    assert len(fuse_mentions([a, b], split)) == 2
    merged = Constraints.of([Decision("split", (b.id,), (a.id,)), Decision("merge", (a.id, b.id, far.id))])
    (event,) = fuse_mentions([a, b, far], merged)
    assert all(link.by_user for link in event.links)
    later_split = Constraints.of([Decision("merge", (a.id, far.id)), Decision("split", (far.id,), (a.id,))])
    assert len(fuse_mentions([a, far], later_split)) == 2  # the later decision wins


def test_two_towns_two_reports_too_vague_and_tolls_that_differ_stay_apart(coder: Coder) -> None:
    day = dt.date(2016, 9, 17)
    hebron = _mention(coder, "An Israeli soldier was stabbed in Hebron on Saturday by a Palestinian man.", "a", day)
    efrat = _mention(coder, "An Israeli soldier was stabbed in Efrat on Saturday by a Palestinian man.", "b", day)
    verdict = match(hebron, efrat)  # 15 km apart: two towns, two stabbings
    assert not verdict.compatible and any(r.startswith("places disagree: Hebron and Efrat") for r in verdict.reasons)

    vague = "A bomb killed two civilians and wounded five others near a police station on Saturday."
    a, b = _mention(coder, vague, "a", day), _mention(coder, vague, "b", day)
    assert a.place is None and not match(a, b).compatible  # nothing to tell two such reports apart

    suicide = _mention(coder, "A suicide bomber killed five soldiers in Benghazi on Saturday.", "a", day)
    mine = _mention(coder, "A landmine killed one soldier in Benghazi on Saturday.", "b", day)
    verdict = match(suicide, mine)
    assert not verdict.compatible and any(r.startswith("sub-types and tolls differ") for r in verdict.reasons)
    blast = _mention(coder, "An explosion killed five soldiers in Benghazi on Saturday.", "c", day)
    assert match(suicide, blast).compatible  # one attack, its means told differently

    wounded = _mention(coder, "In Avdiivka, one person was wounded as a result of DPR shelling.", "d", day)
    killed = _mention(coder, "In Avdiivka, a 19-year-old man was killed as a result of DPR shelling.", "e", day)
    verdict = match(wounded, killed)  # one town shelled twice: the dead of one, the wounded of the other
    assert not verdict.compatible and "one report counts only dead, the other only wounded" in verdict.reasons
    both = _mention(coder, "In Avdiivka, a man was killed and two were wounded as a result of DPR shelling.", "f", day)
    assert match(killed, both).compatible
