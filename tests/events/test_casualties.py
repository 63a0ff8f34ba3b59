"""Events: killed and injured counts read from sentences, with the people they add up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from sitroom.events import casualties
from sitroom.events.casualties import Casualty, find_casualties


def _find(nlp: Language, sentence: str) -> list[Casualty]:
    return [c for sent in nlp(sentence).sents for c in find_casualties(sent, "a")]


def _counts(nlp: Language, sentence: str) -> dict[str, int]:
    totals: dict[str, int] = {}
    for casualty in _find(nlp, sentence):
        totals[casualty.figure.kind] = totals.get(casualty.figure.kind, 0) + casualty.figure.best
    return totals


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bomb detonated prematurely, killing 6 people and the bomber.", {"killed": 7}),
        ("Both gunmen were shot dead by the police.", {"killed": 2}),
        # a person named by age alone, not 21 people
        ("A 19-year-old was injured in a shooting in Derry.", {"injured": 1}),
        ("Gunmen killed a 45-year-old man and wounded a 17-year-old.", {"killed": 1, "injured": 1}),
        ("A police officer stabbed to death a Druze soldier at the junction.", {"killed": 1}),
        ("Three people, including a policeman, were killed when militants attacked.", {"killed": 3}),
        ("The shootout leaves one policeman and three private guards dead.", {"killed": 4}),
        ("He crashed his plane into the building, killing himself and a person inside and injuring 13 others.",
         {"killed": 2, "injured": 13}),
        ("Huseyin Koc was killed instantly in the crossfire.", {"killed": 1}),
        ("At least 69 people killed and more than 170 injured in a suicide attack.", {"killed": 69, "injured": 170}),
        ("The death toll rose to 85 on Friday.", {"killed": 85}),
        ("No one was injured in the blast.", {}),
        ("Attackers killed two security workers and two drivers.", {"killed": 4}),
        ("One Russian police officer and eight fighters were killed in a firefight.", {"killed": 9}),
        ("The blast wounded five soldiers and four civilians.", {"injured": 9}),
        # Read from the parse: the victims a casualty verb governs, with their conjuncts.
        ("A village chief imam and four others were slaughtered by suspected Boko Haram members.", {"killed": 5}),
        ("At least nine Afghan security force members were killed and fifteen others injured in an attack.",
         {"killed": 9, "injured": 15}),
        ("A tribal leader was killed and four others were wounded in an explosion.", {"killed": 1, "injured": 4}),
        ("Boko Haram are reported to have murdered a total of 30 people during a raid.", {"killed": 30}),
        ("The bomb killed 13 people, including six soldiers, and wounded 20 others.", {"killed": 13, "injured": 20}),
        ("Five soldiers were killed and 10 injured in the attack.", {"killed": 5, "injured": 10}),
        ("Dozens of people were killed and hundreds wounded.", {"killed": 12, "injured": 100}),
        # "a dozen" is twelve, not one; "half a dozen" six; "shoot dead seven" kills them
        ("At least seven people are dead and a dozen wounded after a car bomb blast.", {"killed": 7, "injured": 12}),
        ("Seven people died and half a dozen were wounded.", {"killed": 7, "injured": 6}),
        ("Insurgents shoot dead seven and another six were injured.", {"killed": 7, "injured": 6}),
        # the parser makes the killing's object and the added wounded one subject: the first is the killing's
        ("Suicide bombing killed at least 33 people and another 10 were injured in Khost Province.",
         {"killed": 33, "injured": 10}),
        ("Militants killed 5 people at a checkpoint and additional 1 is injured in critical condition.",
         {"killed": 5, "injured": 1}),
        ("An anti-Taliban politician, together with three police officers, was killed in a bomb attack.",
         {"killed": 4}),
        # a number the parser hangs on a modifier; a family counts no one; a misparsed part of a total
        ("Four border patrol police officers were hospitalized in south Thailand on Monday.", {"injured": 4}),
        ("At least seven people from one family were wounded in a rocket attack in Kabul.", {"injured": 7}),
        ("20 people including 8 UN Peacekeepers and 12 Congo Soldiers were killed as well as 10 others injured.",
         {"killed": 20, "injured": 10}),
        ("Five security personnel, including three Army jawans and two policemen, and five militants were killed.",
         {"killed": 10}),
        ("Four Border Security Force (BSF) personnel were killed in an encounter.", {"killed": 4}),
        ("Two Thai soldiers were gunned down in the south.", {"killed": 2}),
        ("Militants killed a 55-year old civilian in Al-Arish.", {"killed": 1}),
        ("Four members of the SDF were found killed near the city of Al-Busayrah.", {"killed": 4}),
        ("They were shot by a group using AK-47 automatic rifles.", {}),
        ("The shooting caused the injuries of two policemen in Sernovodskoye.", {"injured": 2}),
        # "leaving N with wounds" hurts them; after a count of the same people, it is a part of it
        ("Unknown gunmen opened fire in Hebron, leaving one with moderate wounds.", {"injured": 1}),
        ("A teen stabbed four Bedouin Arabs, leaving two with moderate wounds and two with minor wounds.",
         {"injured": 4}),
        ("The gunmen killed the district governor and his driver.", {"killed": 2}),
        ("The crowd was attacked and the police were injured.", {}),
        # Victims shared by conjoined verbs, counted once; a pronoun subject is one person.
        ("4 Russian tourists from Moscow were ambushed and killed on a ski lift.", {"killed": 4}),
        ("Two men attacked a soldier with knives and were shot dead by other troops.", {"killed": 2}),
        ("At least 14 villagers were kidnapped and killed.", {"abducted": 14, "killed": 14}),
        ("Four people were killed and beheaded in the village.", {"killed": 4}),
        ("He was shot and killed at the checkpoint.", {"killed": 1}),
        ("A woman was killed when a shell fell on her house and she died.", {"killed": 1}),
        ("A U.S. soldier succumbed to his wounds from an explosion.", {"killed": 1}),
        ("Three members of the militia were found dead after being executed.", {"killed": 3}),
        ("The attack resulted in the death of a policeman.", {"killed": 1}),
        ("Dozens of domesticated animals were stolen or killed in the attack.", {}),
        ("Russian police officer was gunned down by militants in Dagestan.", {"killed": 1}),
        ("Two Burundi officials were slain in shootings on Tuesday night.", {"killed": 2}),
        ("A leading tribal elder and chief of a peace committee was killed in a blast.", {"killed": 1}),
        ("One man was killed and another was injured when gunmen opened fire.", {"killed": 1, "injured": 1}),
        ("A man stabbed two policemen, killing one and injuring the other.", {"killed": 1, "injured": 1}),
        ("The attack left 102 dead and 508 injured.", {"killed": 102, "injured": 508}),
        ("Seven security personnel were left wounded when a bomb exploded.", {"injured": 7}),
        ("A bomb killed one and another 4 wounded in Diyarbakir.", {"killed": 1, "injured": 4}),
        ("A man, kidnapped by Abu Sayyaf, was executed by his kidnappers.", {"abducted": 1, "killed": 1}),
        ("Boko Haram militants slit the throats of five civilians in Dagaya.", {"killed": 5}),
        ("Five persons were said to have been killed in an attack on a village.", {"killed": 5}),
        ("SBU colonel was killed in a car explosion in Mariupol.", {"killed": 1}),
        ("Terrorists attacked a political worker in his vehicle and killed him on the spot.", {"killed": 1}),
        # Numbers that count no victims: years, dates, attackers, parts of a count already read.
        ("2018 Mako Brimob standoff: Five police officers and one militant were killed.", {"killed": 6}),
        ("A series of bombs across Baghdad on 12 July killed at least 29 people and wounded 81 others.",
         {"killed": 29, "injured": 81}),
        ("Missile strikes from two US drones killed at least 21 suspected militants.", {"killed": 21}),
        ("Five people including 3 militia members were executed.", {"killed": 5}),
        ("The gun battle killed three Taliban and left five injured.", {"killed": 3, "injured": 5}),
        ("A bomb exploded near a bus, killing 36 and wounding 42.", {"killed": 36, "injured": 42}),
        ("A grenade attack injured six this morning, including three whose states are critical.", {"injured": 6}),
        # Lists the parse loses, parts of an "including" phrase, and the people "left" dead or missing.
        ("Terrorists stormed an election office killing two workers, two police officers, and a provincial "
         "election candidate and injuring eight others.", {"killed": 5, "injured": 8}),
        ("An additional suicide attack killed the governor of Panjwai District, two of his bodyguards and his two "
         "young sons.", {"killed": 5}),
        ("A senior military official and four of his bodyguards were killed in Mogadishu.", {"killed": 5}),
        ("Eight people, seven police officers and the highway police chief, were killed.", {"killed": 8}),
        ("Gunmen killed Ahmed Khan, a local commander, in Kandahar.", {"killed": 1}),
        ("The attack on an army base resulted in 16 people dead including 12 soldiers and four tribal elders and "
         "injured 3.", {"killed": 16, "injured": 3}),
        ("The market was destroyed and 13 people killed, including six soldiers, and another 18 people wounded.",
         {"killed": 13, "injured": 18}),
        ("An explosion took place in Jalalabad city, leaving a judge dead, and three other people wounded.",
         {"killed": 1, "injured": 3}),
        ("Gunmen attacked a gendarmerie station killing 2 gendarmes and a worker, while leaving another one "
         "missing.", {"killed": 3}),
        ("Six people are dead in an attack by suspected rebels in Kitevya.", {"killed": 6}),
        ("Five civilians were decapitated in an attack on the village of Rueia.", {"killed": 5}),
        ("In one attack the people were beheaded after being shot dead.", {}),
        ("A former senator was killed along with his two bodyguards in Kabul city.", {"killed": 3}),
        ("Eleven security forces were killed along with twenty-seven members wounded.",
         {"killed": 11, "injured": 27}),
        ("A SSB personnel and two militants were killed in a shootout.", {"killed": 3}),
        ("The blast killed 23 people and another 30 were injured.", {"killed": 23, "injured": 30}),
        # Stabbed is hurt unless the sentence tells a death; the stabber is never among the stabbed.
        ("Wasil Farooqui stabbed a man and a woman in a random attack at an apartment complex.", {"injured": 2}),
        ("An assailant stabbed and injured two soldiers.", {"injured": 2}),
        ("Baraa Issa stabbed and wounded an Israeli civilian and then fled the scene.", {"injured": 1}),
        ("An Islamic militant fatally stabbed a policeman at the police station.", {"killed": 1}),
        ("At least nineteen people have been killed while 40 sustained injuries in a blast.",
         {"killed": 19, "injured": 40}),
        ("A father of two small children died and two others were injured in the attack.",
         {"killed": 1, "injured": 2}),
        # a number the parser hangs on an adjective, victims left dead, and the army's "neutralized"
        ("Six paramilitary Hashd al-Shaabi fighters were killed in an attack by Islamic State militants.",
         {"killed": 6}),
        ("A Cameroonian counterattack left a separatist and a Cameroonian soldier dead.", {"killed": 2}),
        ("According to the army, the 3 suspected insurgents were later neutralized.", {"killed": 3}),
        # bodies found are people killed
        ("Gunmen abducted nine shepherds. The bodies of seven of them were found in a desert.",
         {"abducted": 9, "killed": 7}),
        ("Police discovered the bodies of four men near the border.", {"killed": 4}),
        # Other counts of people: abducted, arrested, displaced, and troops deployed.
        ("Gunmen kidnapped 12 workers and killed two guards near Kano on Monday.", {"abducted": 12, "killed": 2}),
        ("Police arrested 30 suspects in Lagos.", {"arrested": 30}),
        ("The fighting has already forced more than 17,000 civilians to flee their homes.", {"displaced": 17000}),
        ("Thousands of civilians fled, joining the estimated 500,000 refugees who fled Mosul.",
         {"displaced": 501000}),
        ("The Turkish government has deployed roughly 700 troops to the northeast of Mosul.", {"troops": 700}),
    ],
)  # fmt: skip
def test_counts(nlp: Language, sentence: str, expected: dict[str, int]) -> None:
    assert _counts(nlp, sentence) == expected


def test_qualifier_is_kept(nlp: Language) -> None:
    (casualty,) = _find(nlp, "Five bomb attacks took place, killing at least 17.")
    assert (casualty.figure.low, casualty.figure.best, casualty.figure.qualifier) == (17, 17, "at least")


def test_every_pattern_holds_a_word_of_its_gate(examples: Path) -> None:
    """A gate may only spare sentences its pattern cannot match: wherever a pattern matches, one of its
    gate's words is in the sentence (over the example articles and wordings each pattern is written for)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples.glob("*.txt"))]
    texts += [
        "The death toll rose to 12.", "Gunmen killed 5 soldiers and a policeman.", "They were shot to death, four.",
        "The blast claimed the lives of 7 people.", "He blew himself up and 3 others.", "Two were SHOT DEAD.",
        "Four men and two women were killed.", "Six people, among them a child, were beheaded.",
        "Nine villagers lost their lives.", "Eleven bodies were found.", "wounding 3 and a child nearby",
        "Two officers and 3 guards were wounded.", "injuring 4 people", "Five people were hospitalised.",
        "Three injuries were reported.", "Eight sustained serious wounds.", "causing injuries to 6 people",
    ]  # fmt: skip
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s]
    matched = 0
    for patterns in casualties._COMPILED.values():
        for gate, pattern, _ in patterns:
            for sentence in sentences:
                if pattern.search(sentence):
                    matched += 1
                    assert any(word in sentence.casefold() for word in gate), (pattern.pattern[:60], sentence)
    assert matched > 20
