"""Events: suicide attackers counted among the dead of their own attack, once, and only when the text
has not counted them already."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.events.attackers import attackers_counted, suicide_attackers
from sitroom.pipeline import Coder


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("A suicide bomber detonated his vest at the gate of the ministry.", 1),
        ("Two suicide bombings targeting a party headquarters in Hit killed five people.", 2),
        ("Three suicide bombers blew themselves up outside the stadium.", 3),
        ("Twin suicide bombings hit a crowded market in Baghdad.", 2),
        ("Suicide bombers stormed the airport.", 2),  # at least two
        ("Five women carried out suicide bombings in the village, killing one.", 5),
        ("A female suicide bomber blew herself up at the home of a Sufi leader.", 1),
        ("A suicide bomber struck the checkpoint, and a second suicide bomber attacked the rescuers.", 2),
        ("A roadside bomb exploded near a police patrol, killing four.", None),
        ("Police arrested a man who had planned a suicide attack.", 1),  # found; the modality decides elsewhere
    ],
)
def test_suicide_attackers_are_counted_from_the_phrase(nlp: Language, sentence: str, count: int | None) -> None:
    found = suicide_attackers(nlp(sentence)[:])
    assert (found.count if found is not None else None) == count


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The bomb went off early, killing 6 people and the bomber.", True),
        ("Two suicide bombers were killed by a policeman before they could detonate their vests.", True),
        ("Sixteen people died, including the suicide bomber.", True),
        ("Only the attacker was killed in the incident.", True),
        ("In addition to the assailant, five people were killed and 66 wounded.", False),
        ("A suicide bomber attacked a bakery, killing 18 people and wounding 40 others.", False),
        # the bomber killed: the attacker is the subject, not among the dead
        ("A suicide bomber killed at least 36 people at a gathering in Nangarhar.", False),
        ("A suicide bomber detonation in a market killed 34 people.", False),
        ("Three militants killed in the clash were buried on Friday.", True),
    ],
)
def test_a_text_that_counts_its_attackers_is_recognised(text: str, counted: bool) -> None:
    assert attackers_counted(text) is counted


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the toll, and the two bombers the report leaves out of it
        ("Two suicide bombings targeting a political party headquarters in the city of Hit killed five people.", 7),
        ("A suicide bomber attacked a bakery in Peshawar, killing 18 people and wounding 40 others.", 19),
        ("A suicide bomber killed at least 36 people at a gathering in the Rodat district of Nangarhar.", 37),
        # the report counts the bomber itself: nothing is added
        ("A suicide bomber blew himself up at a checkpoint in Kabul, killing six people and the bomber.", 7),
        ("A suicide bomber attacked a police post in Kabul. Twelve people, including the bomber, were killed.", 12),
        # no toll given: the bomber is the one death known
        ("A suicide car bomber detonated his vehicle near a police station in Kandahar.", 1),
        # not a suicide attack: nothing is added
        ("A roadside bomb exploded near a police patrol in Kandahar, killing four.", 4),
    ],
)
def test_an_attack_counts_its_suicide_attackers_once(coder: Coder, text: str, killed: int) -> None:
    mentions = coder.code_text(text)
    assert sum(m.fatalities.best for m in mentions if m.fatalities is not None) == killed
