"""Events: sub-types sharpened by the words around a trigger (weapon named, accident, what a protest became)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.pipeline import Coder

PUBLISHED = dt.date(2019, 11, 1)


def _types(coder: Coder, text: str) -> list[str]:
    return [m.sub_event_type for m in coder.code_text(text, published=PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seven people were wounded when a grenade exploded on Thursday afternoon in Davao City.", ["Grenade"]),
        ("A cooking gas container exploded at a carnival in Oruro on Saturday, killing eight people.", []),
        ("Thousands of students marched peacefully through Dhaka on Monday.", ["Peaceful protest"]),
        ("Thousands of students protested in Dhaka on Monday; police fired tear gas to disperse them.",
         ["Protest with intervention"]),
        ("Protesters threw stones at police during a demonstration in Santiago on Friday.",
         ["Violent demonstration"]),
        ("Security forces opened fire on a protest in Baghdad on Friday, killing 12 demonstrators.",
         ["Excessive force against protesters"]),
        ("Armed men attacked a hotel in Grand Bassam on Sunday.", ["Attack"]),
        ("Security forces killed 21 suspected rebels in Nekemte on Wednesday.", ["Armed clash"]),
        # a counted plural is particular; an explosive attack is a bombing; a kind of expert is no event
        ("Militants carried out three grenade attacks in Srinagar on Monday.", ["Grenade"]),
        ("An anarchist cell launched an explosive-incendiary attack on a bank in Mexico City.",
         ["Remote explosive/landmine/IED"]),
        ("Two bomb disposal experts were killed in a roadside bomb explosion near Bosaso.",
         ["Remote explosive/landmine/IED"]),
        ("Terrorists launched two suicide vehicles towards army lines near Palmyra on Sunday.", ["Suicide bomb"]),
        ("A suicide bomber blew up his car outside an army base in Baqubah on Monday.", ["Suicide bomb"]),
        # a suicide attacker as the subject, however many words lie between "suicide" and "bomber"
        ("A suicide motorcycle bomber rammed his motorcycle into a bus in Kabul on Monday.", ["Suicide bomb"]),
        ("Suicide car bombers stormed a police compound in Andar on Monday and killed 25 officers.",
         ["Suicide bomb"]),
        # the means, written in capitals or as a trap
        ("Two soldiers were killed after their truck ran over an Improvised Explosive Device near Garissa.",
         ["Remote explosive/landmine/IED"]),
        ("A policeman was killed and two were injured in an explosive trap in Guaviare.",
         ["Remote explosive/landmine/IED"]),
    ],
)  # fmt: skip
def test_sub_type_from_context(coder: Coder, text: str, expected: list[str]) -> None:
    assert _types(coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A strong earthquake killed at least 555 people on Lombok island on Sunday.", []),
        ("Nineteen people were killed when their bus plunged off a bridge in Tagudin on Friday.", []),
        ("A chemical leak at a polymer plant near Visakhapatnam earlier in the day has killed ten people.", []),
        ("Italian authorities intercepted 20 smugglers near Lampedusa on Sunday.", []),
        ("Al-Shabaab militants took control of Af-Urur village on Monday following the withdrawal of Puntland forces.",
         ["Non-violent transfer of territory"]),
        ("The two sides agreed a prisoner swap in Aden on Tuesday.", ["Agreement"]),
    ],
)  # fmt: skip
def test_disasters_accidents_and_unopposed_takeovers(coder: Coder, text: str, expected: list[str]) -> None:
    assert _types(coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "killed"),
    [
        # the label names the event the text after it tells: one event, with the text's means and toll
        ("2018 Oruro attacks: 12 people were killed and 50 others injured in two bomb attacks in Oruro.",
         ["Remote explosive/landmine/IED"], [12]),
        ("Kabul bombing: Twelve people were killed on Sunday.", ["Remote explosive/landmine/IED"], [12]),
        # a label alone still tells its event
        ("Kabul bombing: No casualties were reported.", ["Remote explosive/landmine/IED"], [None]),
    ],
)  # fmt: skip
def test_a_label_names_the_event_its_text_tells(
    coder: Coder, text: str, expected: list[str], killed: list[int | None]
) -> None:
    mentions = coder.code_text(text, published=PUBLISHED)
    assert [m.sub_event_type for m in mentions] == expected
    assert [m.fatalities.best if m.fatalities else None for m in mentions] == killed
