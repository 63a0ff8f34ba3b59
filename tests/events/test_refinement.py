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
        ("Militants detonated a suicide vehicle-borne improvised explosive device at a hotel in Mogadishu.",
         ["Suicide bomb"]),
        ("Four female kamikazes went off near a bus station in Maiduguri, killing two people.", ["Suicide bomb"]),
        # a capitalised first word is no name when no entity covers it
        ("Grenade explosion in Addis Ababa kills one person and injures another.", ["Grenade"]),
        # the means of dispersal: an intervention alone, the protest's kind with it, a violent crowd first
        ("Security forces fired rubber bullets and water cannon in Beirut on Saturday.", ["Protest with intervention"]),
        ("Police fired tear gas at protesters who threw stones in Santiago on Friday.", ["Violent demonstration"]),
        ("Riot police arrested dozens of demonstrators in Moscow on Saturday.", ["Arrests"]),
        ("Riot police chase demonstrators during anti-government protests in Tebourba on Tuesday.",
         ["Protest with intervention"]),
        ("Iraqi security forces shot live rounds to clear protests in Baghdad on Sunday.",
         ["Excessive force against protesters"]),
        # protesters hurt make excessive force; what the protest was about is no intervention; scuffles told next
        ("A number of people were injured after security forces violently dispersed a protest in Al-Hoceima.",
         ["Excessive force against protesters"]),
        ("Peaceful protest took place in Batsari town on Monday following the arrest of some local vigilantes.",
         ["Peaceful protest"]),
        ("Detainees in Negombo Prison protested on Tuesday following the death of a fellow prisoner.",
         ["Peaceful protest"]),
        ("Thousands of demonstrators marched in Paris on Saturday. There were scuffles near the Arc de Triomphe.",
         ["Violent demonstration"]),
        # what poison gas does to people tells a chemical attack, whatever carried it
        ("Some 300 people were treated for breathing difficulties in Douma after rebels fired shells into two "
         "districts of the city on Monday.", ["Chemical weapon"]),
        # the strikes answer an alleged gas attack: two events, the strikes no chemical attack
        ("Jets launched airstrikes on Idlib on Monday against groups it accused of a chlorine attack.",
         ["Air/drone strike", "Chemical weapon"]),
        # storming a building attacks the people in it; storming a town takes it
        ("Gunmen stormed Kabul University on Monday, killing students in their classrooms.", ["Attack"]),
        ("Iraqi troops stormed into the town of Bartella on Monday.", ["Government regains territory"]),
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
        # taking ground needs ground: seized goods and expelled diplomats are no events, a seized man is abducted
        ("Police seized counterfeit cosmetics in Shanghai on Monday.", []),
        ("Germany has expelled two Russian diplomats.", []),
        ("Iraqi forces expelled IS militants from the town of Bartella on Monday.", ["Government regains territory"]),
        ("Unknown armed men seized an employee of the Iranian embassy in Sanaa.", ["Abduction/forced disappearance"]),
        ("Turkey-backed rebels retook a strategic town from government forces on Thursday.",
         ["Non-state actor overtakes territory"]),
        ("Mai Mai rebels have taken over four localities in Beni territory.", ["Non-state actor overtakes territory"]),
        ("Hundreds of protesters in Hilo are entering their third day of protest.", ["Peaceful protest"]),
        ("Police kidnapped two children in the occupied city of El Aaiun on Monday.",
         ["Abduction/forced disappearance"]),
        # hurting someone is an attack; the hurt alone are a toll
        ("A Palestinian wounded two Israeli police officers with a knife near Herod's Gate in Jerusalem.",
         ["Armed clash"]),
        ("A car bomb exploded in Adana on Monday. At least two people were killed and twenty others injured.",
         ["Remote explosive/landmine/IED"]),
        # ground taken by no one known, with a toll: a battle
        ("Talban overran a security checkpoint in the city of Ghazni, killing around 13 Afghan soldiers.",
         ["Armed clash"]),
        ("Syrian government forces have recovered control of two villages in Idlib province on Monday.",
         ["Government regains territory"]),
        ("Rescuers recovered the bodies of three fishermen near Tartus on Monday.", []),
        # a bombardment without aircraft is shelling
        ("Government forces bombarded the town of Daraya on Monday.", ["Shelling/artillery/missile attack"]),
        # a mob; troops formed into groups
        ("A man accused of theft died after he was beaten by an angry mob in Dhaka on Monday.", ["Mob violence"]),
        ("Special groups of troops have been formed in four regions of the Western Military District on Monday.",
         ["Change to group/activity"]),
        # burning kills no one: a killing told beside it is its own event; a fire that kills is an attack
        ("Militants killed a road construction contractor and torched six vehicles in Sukma district.",
         ["Attack", "Looting/property destruction"]),  # a contractor is a civilian
        ("Gunmen torched a bus in Sukma on Monday, killing two passengers.", ["Attack"]),
        ("Maoists torched three trucks in Sukma on Monday.", ["Looting/property destruction"]),
        # no one is hurt by an attack on a website or by a leak from a factory
        ("Hackers attacked the campaign website of the candidate on Monday.", []),
        ("At least 280 people were affected after inhaling poisonous gas leaked from a chemical factory in Karachi.",
         []),
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
