"""Events coded from real sentences: type, actors, date, place, figures, modality and attribution."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.model import EventMention, GeoPrecision
from sitroom.pipeline import Coder

PUBLISHED = dt.date(2016, 11, 1)


def _code(coder: Coder, text: str, published: dt.date | None = PUBLISHED) -> tuple[EventMention, ...]:
    return coder.code_text(text, published=published)


def test_bombing_with_perpetrator_place_date_and_toll(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "In apparent retaliation for the PMU offensive, five bomb attacks attributed to ISIS took place in several "
        "Shia neighborhoods of Baghdad Sunday, killing at least 17 and injuring many more.",
    )
    assert (m.event_type, m.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert m.actor1 is not None and m.actor1.name == "Islamic State"
    assert m.place is not None and m.place.name == "Baghdad" and m.place.precision == GeoPrecision.LOCALITY
    assert m.date == dt.date(2016, 10, 30) and m.time_precision == 1
    assert m.fatalities is not None and (m.fatalities.low, m.fatalities.best, m.fatalities.qualifier) == (
        17,
        17,
        "at least",
    )
    assert m.sentence[m.trigger_start - m.sentence_start : m.trigger_end - m.sentence_start] == "bomb attacks"


def test_territory_taken_by_state_force_with_parent_actor(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "Counter-Terrorism Service (CTS) special forces captured Bazwaya, the last village outside of Mosul, "
        "in a dawn raid Monday.",
    )
    assert m.sub_event_type == "Government regains territory"
    assert m.actor1 is not None and m.actor1.name == "Military Forces of Iraq (2014-2018)"
    assert m.actor1.parent == "Counter Terrorism Service"
    assert m.place is not None and m.place.name == "Mosul" and m.place.precision == GeoPrecision.NEAR
    assert m.place.note is not None and "Bazwaya" in m.place.note
    assert m.date == dt.date(2016, 10, 31)


def test_air_strike_on_civilians_is_alleged_and_dated_last_week(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "Human Rights Watch called for an investigation into an alleged air strike last week that killed between "
        "15 and 20 civilians at a funeral near Kirkuk.",
    )
    assert m.sub_event_type == "Air/drone strike" and m.certainty == "alleged"
    assert m.actor2 is not None and m.actor2.name == "Civilians (Iraq)"
    assert m.fatalities is not None and (m.fatalities.low, m.fatalities.high) == (15, 20)
    assert m.time_precision == 2 and m.place is not None and m.place.precision == GeoPrecision.NEAR


def test_threats_vows_negations_and_plans_are_not_events(coder: Coder) -> None:
    statements = [
        "Trump threatened to bomb regime targets in Syria on Monday.",
        "The Shia militias vowed Saturday to attack Turkish troops in Bashiqa.",
        "Trump's attack on Syria didn't go ahead this time.",
        "If the Americans take similar action again, we will bomb Raqqa on Friday.",
        "The Iraqi army will launch an offensive to capture Mosul next week.",
        "There are no detailed reports of casualties from the weekend fighting in Tal Afar.",
    ]
    for text in statements:
        assert _code(coder, text) == (), text


def test_claimed_event_keeps_its_source_and_certainty(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "ISIS-linked sources claimed over the weekend to have executed 1,700 Shiite soldiers, police and "
        "government officials captured in the Tikrit area.",
        published=dt.date(2014, 6, 16),
    )
    assert m.sub_event_type == "Attack" and m.certainty == "claimed"
    assert m.source_actor == "ISIS-linked sources"
    assert m.fatalities is not None and m.fatalities.best == 1700
    assert m.place is not None and m.place.name == "Tikrit"


def test_history_is_flagged(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "Many militias engaged in bloody sectarian fighting in Baghdad in 2006.",
        published=dt.date(2016, 10, 19),
    )
    assert m.historical and m.date == dt.date(2006, 1, 1)


def test_protest_with_crowd_as_actor(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "A demonstration of several thousand supporters of Shia cleric Muqtada al-Sadr was held in front of the "
        "Turkish embassy in Baghdad yesterday.",
        published=dt.date(2016, 10, 19),
    )
    assert (m.event_type, m.sub_event_type) == ("Protests", "Peaceful protest")
    assert m.actor1 is not None and m.actor1.name == "Protesters (Iraq)" and m.actor1.inter == 6
    assert m.date == dt.date(2016, 10, 18)


def test_missing_publication_date_leaves_relative_dates_empty(coder: Coder) -> None:
    (m,) = _code(coder, "Clashes erupted in Mosul on Monday between Iraqi troops and ISIS.", published=None)
    assert m.date is None and m.date_note is not None and "no publication date" in m.date_note


def test_the_group_that_claims_an_attack_is_its_actor(coder: Coder) -> None:
    (m,) = _code(
        coder, "A car bomb exploded near a market in Kabul, killing five people. The Taliban claimed responsibility."
    )
    assert m.actor1 is not None and m.actor1.name == "Taliban"
    assert m.fatalities is not None and m.fatalities.best == 5


def test_an_air_strike_is_never_put_on_a_group_the_article_only_names(coder: Coder) -> None:
    (m,) = _code(coder, "An air strike hit a convoy near Raqqa on Monday. Islamic State controls the town.")
    assert m.actor1 is None or m.actor1.name != "Islamic State"


def test_a_killing_does_not_swallow_the_attack_whose_toll_it_gives(coder: Coder) -> None:
    (m,) = _code(coder, "Two bomb explosions killed two Turkish soldiers on patrol in Hakkari province on Monday.")
    assert m.sub_event_type == "Remote explosive/landmine/IED" and m.fatalities is not None and m.fatalities.best == 2


def test_a_plan_is_not_an_event(coder: Coder) -> None:
    assert _code(coder, "An assault is to be waged on a city of 1.3 million people.") == ()


def test_strategic_developments_and_violent_crowds(coder: Coder) -> None:
    (truce,) = _code(coder, "Rebel groups and pro-government forces agreed a 48-hour ceasefire in Daraa on Monday.")
    assert truce.sub_event_type == "Agreement"
    (post,) = _code(coder, "Turkish forces set up a new observation post in Idlib province on Thursday.")
    assert post.sub_event_type == "Headquarters or base established"
    (riot,) = _code(coder, "Stone-throwing protesters clashed with police in Santiago on Friday.")
    assert riot.sub_event_type == "Violent demonstration"


def test_a_generic_attack_takes_the_type_of_its_weapon(coder: Coder) -> None:
    (m,) = _code(coder, "At least 2 policemen were killed in a car bombing attack in Quetta on Monday.")
    assert m.sub_event_type == "Remote explosive/landmine/IED"
    assert m.fatalities is not None and m.fatalities.best == 2


def test_toll_in_the_next_sentence_goes_to_the_event_it_continues(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "Rebels launched an attack on an Indian Army base in the town of Nagrota on Tuesday. "
        "At least 7 soldiers and 3 insurgents died in the attack.",
    )
    assert m.fatalities is not None and (m.fatalities.low, m.fatalities.best) == (10, 10)


def test_separate_counts_in_one_sentence_add_up(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "The Taliban attacked checkpoints in Kunduz province on Monday, killing at least 52 soldiers, and "
        "42 Taliban insurgents were also killed.",
    )
    assert m.fatalities is not None and m.fatalities.best == 94


def test_claimed_group_is_the_perpetrator_of_an_attack_by_gunmen(coder: Coder) -> None:
    (m,) = _code(coder, "Gunmen killed two policemen in Mogadishu on Sunday. Al-Shabaab claimed responsibility.")
    assert m.actor1 is not None and m.actor1.name == "Al Shabaab"


def test_no_group_claimed_but_one_is_suspected(coder: Coder) -> None:
    mentions = _code(
        coder,
        "A series of bombs across Baghdad killed at least 12 people on Monday. No group claimed responsibility, "
        "but ISIL is suspected.",
    )
    (m,) = mentions  # a bare plural with its own toll is one particular event
    assert m.sub_event_type == "Remote explosive/landmine/IED" and m.fatalities is not None
    assert m.actor1 is not None and m.actor1.name == "Islamic State"


def test_perpetrator_named_inside_the_trigger_phrase(coder: Coder) -> None:
    (m,) = _code(coder, "At least nine soldiers were killed in a Taliban attack in the Almar district on Monday.")
    assert m.actor1 is not None and m.actor1.name == "Taliban"
    assert m.fatalities is not None and m.fatalities.best == 9


def test_armed_group_named_inside_the_agent_phrase(coder: Coder) -> None:
    (m,) = _code(coder, "Insurgents from the Taliban group killed a policeman in Kabul on Monday.")
    assert m.actor1 is not None and m.actor1.name == "Taliban"


def test_group_said_to_be_behind_the_attack(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "A BJP leader and his brother were shot dead by militants in Kishtwar on Monday. According to police, "
        "Hizbul Mujahideen were behind the attack.",
    )
    assert m.actor1 is not None and m.actor1.name == "Hizbul Mujahideen"
    assert m.fatalities is not None and m.fatalities.best == 2


def test_the_attack_refers_back_and_brings_its_toll_and_town(coder: Coder) -> None:
    (m,) = _code(
        coder,
        "A suicide bomber blew himself up near a police checkpoint on Monday. "
        "Four policemen died in the attack, which took place in Jalalabad.",
    )
    assert m.sub_event_type == "Suicide bomb"
    assert m.fatalities is not None and m.fatalities.best == 5  # four policemen and the bomber
    assert m.place is not None and m.place.name == "Jalalabad"


def test_verb_and_object_frames(coder: Coder) -> None:
    (seizure,) = _code(
        coder, "Police seized seven illegal firearms and 200 rounds of ammunition in Cuttack on Saturday."
    )
    assert seizure.sub_event_type == "Disrupted weapons use"  # not territory seized
    (found,) = _code(coder, "Two explosive devices were found in a canal near Chester on Monday.")
    assert found.sub_event_type == "Disrupted weapons use"  # not a bombing
    (bases,) = _code(coder, "Turkish ground forces set up two military bases east of Zakho on Monday.")
    assert bases.sub_event_type == "Headquarters or base established"
    (massed,) = _code(coder, "Kurdish forces were massed in the eastern districts of Mosul on Monday.")
    assert massed.sub_event_type == "Change to group/activity"
    assert massed.actor1 is not None and massed.actor1.name == "Peshmerga (Kurdistan Regional Government)"


def test_an_event_without_a_town_takes_the_town_just_named_in_its_paragraph(coder: Coder) -> None:
    mentions = _code(
        coder,
        "Rebels launched a counterattack on government troops in Aleppo on Friday. The indiscriminate shelling of "
        "civilian areas by the Nusra Front, which claimed the lives of dozens over the weekend, did not prevent "
        "US media outlets from hailing the mission.",
    )
    shelling = next(m for m in mentions if m.trigger == "shelling")  # not negated: the praise was not prevented
    assert shelling.place is not None and shelling.place.name == "Aleppo"
    assert shelling.fatalities is not None and shelling.fatalities.best == 12  # ACLED: dozens = 12


def test_a_label_gives_its_event_a_date_and_a_town_the_text_lacks(coder: Coder) -> None:
    (bombing,) = coder.code_text(
        "2017 Sehwan suicide bombing: A suicide bombing at a popular shrine in southern Pakistan killed at least 91 "
        "people and wounded over 300.",
        published=dt.date(2017, 2, 17),
    )
    assert bombing.sub_event_type == "Suicide bomb"
    assert bombing.place is not None and (bombing.place.name, bombing.place.precision) == (
        "Sehwan",
        GeoPrecision.LOCALITY,
    )
    # the 14th-century mosque dates the building, not the bombing: the label's year does
    (bursa,) = coder.code_text(
        "2016 Bursa bombing: A suicide bomber blew herself up in the Turkish city of Bursa, wounding 13 people in "
        "the 14th century Grand Mosque.",
        published=dt.date(2016, 4, 27),
    )
    assert not bursa.historical and bursa.date == dt.date(2016, 1, 1)
    assert bursa.injured is not None and bursa.injured.best == 13


def test_the_incident_took_place_in_a_town_places_the_event_just_told(coder: Coder) -> None:
    (bombing,) = _code(
        coder,
        "Three suicide bombers on Friday detonated explosives inside a university campus in northeastern Nigeria. "
        "The incident took place in Maiduguri city of Borno state.",
    )
    assert bombing.place is not None and (bombing.place.name, bombing.place.precision) == (
        "Maiduguri",
        GeoPrecision.LOCALITY,
    )


def test_a_toll_told_twice_in_one_sentence_counts_once(coder: Coder) -> None:
    (attack,) = _code(
        coder,
        "60 people were killed when Boko Haram attacked the town of Rann on Monday, killing 60 people and "
        "destroying many structures.",
    )
    assert attack.fatalities is not None and attack.fatalities.best == 60


def test_what_caused_the_casualties_is_the_means_of_the_event_just_told(coder: Coder) -> None:
    mentions = _code(
        coder,
        "Two Ukrainian servicemen were killed and three injured near Donetsk on Sunday. All the casualties were "
        "caused by explosions of explosive devices.",
    )
    assert [(m.sub_event_type, m.fatalities.best if m.fatalities else None) for m in mentions] == [
        ("Remote explosive/landmine/IED", 2)
    ]


def test_what_the_attackers_did_next_is_their_event_unless_elsewhere(coder: Coder) -> None:
    kidnapping = _code(
        coder,
        "A popular broadcaster was kidnapped by unknown gunmen in Calabar. The abductors stormed his house while "
        "he was preparing for work.",
    )
    assert [m.sub_event_type for m in kidnapping] == ["Abduction/forced disappearance"]
    raids = _code(
        coder, "Gunmen attacked a police post in Kano. The attackers then stormed a bank in Zaria, killing five."
    )
    assert [(m.place.name if m.place else None, m.fatalities.best if m.fatalities else None) for m in raids] == [
        ("Kano", None),
        ("Zaria", 5),
    ]


def test_a_counted_event_splits_into_its_located_parts(coder: Coder) -> None:
    mentions = _code(
        coder,
        "Iraqi troops advanced on Mosul. The US-led coalition said it conducted nine air strikes in Iraq on "
        "Sunday, including three in Mosul and one near Tal Afar.",
    )
    strikes = [m for m in mentions if m.sub_event_type == "Air/drone strike"]
    assert [(m.place.name, m.place.precision) for m in strikes if m.place] == [
        ("Mosul", GeoPrecision.LOCALITY),
        ("Tal Afar", GeoPrecision.NEAR),
    ]
    assert len({m.id for m in strikes}) == 2 and all(m.date == dt.date(2016, 10, 30) for m in strikes)


def test_figures_that_belong_to_no_event_keep_their_context(coder: Coder) -> None:
    coded = coder.code_document(
        "Iraqi troops advanced on Mosul on Monday. The expanding conflict over Mosul has already forced more "
        "than 17,000 civilians to flee their homes. The UN anticipates that 200,000 people will flee Mosul.",
        published=PUBLISHED,
    )
    (displaced,) = coded.figures  # the UN's projection is no figure of what happened
    assert (displaced.kind, displaced.low, displaced.best, displaced.qualifier) == (
        "displaced",
        17000,
        17000,
        "more than",
    )
    assert displaced.place is not None and displaced.place.name == "Mosul"
    assert displaced.date == PUBLISHED and displaced.sentence is not None and "17,000" in displaced.sentence


def test_troops_deployed_are_the_event_figure(coder: Coder) -> None:
    (m,) = _code(coder, "Turkey has deployed several hundred troops to a military base in Bashiqa on Monday.")
    assert m.sub_event_type == "Change to group/activity"
    assert [(f.kind, f.best, f.qualifier) for f in m.figures] == [("troops", 300, "several hundred")]


def test_a_toll_goes_to_the_event_told_not_to_the_scene(coder: Coder) -> None:
    # "During the assault" only sets the scene; the killing is the event that owns the six.
    (m,) = _code(coder, "During the assault on a base near Grozny on Monday, six soldiers were killed.")
    assert m.fatalities is not None and m.fatalities.best == 6


def test_ground_taken_by_an_unnamed_force_is_typed_from_its_words(coder: Coder) -> None:
    (state,) = _code(coder, "Military forces from the region took control by force of several areas in Akinima.")
    assert state.sub_event_type == "Government regains territory"
    (rebels,) = _code(coder, "Opposition fighters took control of two villages near Aleppo on Thursday.")
    assert rebels.sub_event_type == "Non-state actor overtakes territory"


def test_a_headline_in_the_present_tells_a_counted_event(coder: Coder) -> None:
    (m,) = _code(coder, "Two suicide bombers blow themselves up during noon prayers in two mosques.")
    assert m.sub_event_type == "Suicide bomb"
    assert not _code(coder, "Suicide bombers blow themselves up for paradise, the preacher tells his followers.")


def test_an_event_told_as_context_is_coded_with_its_own_place_date_and_toll(coder: Coder) -> None:
    text = (
        "Turkish jets struck PKK positions in northern Iraq on Sunday in retaliation for a bombing in Ankara "
        "that killed 28 people on Wednesday."
    )
    strike, bombing = sorted(_code(coder, text), key=lambda m: m.trigger_start)
    assert (strike.sub_event_type, strike.place and strike.place.name) == ("Air/drone strike", "Iraq")
    assert strike.actor1 is not None and strike.actor1.name.startswith("Military Forces of Turkey")
    assert strike.fatalities is None and strike.date == dt.date(2016, 10, 30)  # Sunday, not Wednesday
    assert bombing.place is not None and bombing.place.name == "Ankara"
    assert bombing.fatalities is not None and bombing.fatalities.best == 28
    assert bombing.date == dt.date(2016, 10, 26)


def test_context_is_no_event_when_the_clause_it_explains_is_not_one(coder: Coder) -> None:
    # the recapture has not happened: the officials' meeting after it is a plan
    assert not _code(coder, "After Mosul's recapture, Kurdish officials will meet partners in Baghdad.")


@pytest.mark.parametrize(
    ("text", "certainty", "source"),
    [
        ("Gunmen killed five soldiers in Kandahar on Monday, according to the provincial police chief.",
         "reported", "the provincial police chief"),
        ("Unconfirmed reports said that an air strike hit a hospital in Idlib on Friday, killing 12.",
         "unconfirmed", "Unconfirmed reports"),
        ("Rebels said they shot down a government helicopter near Hama on Thursday.", "claimed", "Rebels"),
        ("Militants allegedly beheaded two villagers near Kandahar on Sunday.", "alleged", None),
        # a pronoun is no source: the subject it names again in the sentence before is
        ("Local activists counted the dead in the city. They said that air strikes killed 20 people in Raqqa on "
         "Monday.", "reported", "Local activists"),
        ("He said that an air strike killed 12 people in Idlib on Friday.", "reported", None),
    ],
)  # fmt: skip
def test_certainty_and_who_vouches_for_the_event(coder: Coder, text: str, certainty: str, source: str | None) -> None:
    (m,) = _code(coder, text)
    assert (m.certainty, m.source_actor) == (certainty, source)


def test_a_vehicle_that_hit_a_mine_is_a_landmine_event(coder: Coder) -> None:
    (m,) = _code(coder, "Eleven members of a family were killed when their car hit a roadside mine near Kunduz.")
    assert m.sub_event_type == "Remote explosive/landmine/IED"
    assert m.fatalities is not None and m.fatalities.best == 11


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a bare toll in the next sentence adds the people it names to the event's
        ("A suicide bomber killed two people at a government compound in Kabul. At least six militants were also "
         "killed.", 8),
        # more dead told by referring back to the attack: added, not taken for the toll restated
        ("A gunman killed three guards at a bank in Kano. Two police officers were also killed after the attack "
         "began.", 5),
        # the same toll told again is not counted twice
        ("Eleven members of a family were killed when their car hit a roadside mine near Kunduz. Five children, "
         "two women and four men were killed in the explosion.", 11),
    ],
)  # fmt: skip
def test_a_bare_toll_after_an_event_is_that_events(coder: Coder, text: str, killed: int) -> None:
    (m,) = _code(coder, text)
    assert m.fatalities is not None and m.fatalities.best == killed


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("A gunfight between PKK militants and Turkish soldiers near Siirt left one soldier dead.", "Armed clash"),
        ("A policeman died in an encounter with New People's Army rebels in Sagada on Monday.", "Armed clash"),
        ("ELN guerrillas dynamited the Cano Limon-Covenas pipeline in Arauca on Tuesday.",
         "Remote explosive/landmine/IED"),
        ("FARC dissidents burned a bus on the road from Corinto to Caloto on Sunday.", "Looting/property destruction"),
        # the toll's clause names no event of its own: the one it happened during or after is the event
        ("At least one soldier was injured during a clash between the Philippine Army and communist rebels.",
         "Armed clash"),
        ("A woman was wounded after the explosion of an IED planted by militants near Kasserine.",
         "Remote explosive/landmine/IED"),
    ],
)  # fmt: skip
def test_more_ways_of_telling_an_attack(coder: Coder, text: str, sub_type: str) -> None:
    assert [m.sub_event_type for m in _code(coder, text)] == [sub_type]


def test_a_toll_inside_a_context_phrase_is_not_the_events(coder: Coder) -> None:
    (protest,) = _code(coder, "Prisoners protested in Kabul on Tuesday following the death of a fellow inmate.")
    assert protest.sub_event_type == "Peaceful protest" and protest.fatalities is None
    (attack,) = _code(coder, "Three soldiers were killed in Abyan on Sunday after an attack by suspected militants.")
    assert attack.fatalities is not None and attack.fatalities.best == 3  # the clause's toll is the attack's
    text = "A landmine exploded in Ar-Rutbah town. Three people were injured as a result of the explosion."
    (blast,) = _code(coder, text)  # the toll told "as a result of" the event just told is its toll
    assert blast.injured is not None and blast.injured.best == 3


def test_people_who_fled_after_an_event_stay_a_figure(coder: Coder) -> None:
    coded = coder.code_document(
        "Government artillery shelled residential areas of Mosul on Sunday. Thousands of civilians fled the city.",
        published=PUBLISHED,
    )
    assert [m.sub_event_type for m in coded.mentions] == ["Shelling/artillery/missile attack"]
    assert [(f.kind, f.best) for f in coded.figures] == [("displaced", 1000)]


def test_an_armed_groups_home_country_places_its_attack(coder: Coder) -> None:
    (m,) = _code(coder, "Suspected Boko Haram fighters attacked the town of Rann, killing 60 people.")
    assert m.place is not None and (m.place.name, m.place.country) == ("Rann", "Nigeria")


def test_a_town_in_the_events_clause_is_finer_than_its_province(coder: Coder) -> None:
    (m,) = _code(
        coder, "In Paktika province, a policeman was killed after Taliban gunmen attacked a check-post in Sharana."
    )
    assert m.place is not None and (m.place.name, m.place.precision) == ("Sharana", GeoPrecision.LOCALITY)


def test_a_province_places_an_event_no_town_does(coder: Coder) -> None:
    (m,) = _code(coder, "A car bomb attack rocked Kandahar province in southern Afghanistan, leaving one dead.")
    assert m.place is not None and m.place.admin1 == "Kandahār" and m.place.precision == GeoPrecision.REGION


def test_a_country_naming_whose_building_it_is_is_not_the_place(coder: Coder) -> None:
    (m,) = _code(coder, "A suicide bombing killed five people in central Kabul, not far from the US Embassy.")
    assert m.place is not None and (m.place.name, m.place.country) == ("Kabul", "Afghanistan")


def test_an_event_with_no_place_of_its_own_takes_the_articles_one_town(coder: Coder) -> None:
    text = (
        "Two large explosions struck an area between the Aleppo University halls of residence and the faculty "
        "of architecture. Syrian State TV said 82 people were killed."
    )
    placed = [m for m in _code(coder, text) if m.place is not None]
    assert placed and all(m.place is not None and m.place.name == "Aleppo" for m in placed)


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # rockets that "enter" an area take no ground; the firing is the event, where they fell
        ("Three rockets fired from Lebanon entered the Haifa area, causing no injuries.",
         "Shelling/artillery/missile attack"),
        # the tagger reads "launched 14 mortars" as a date
        ("Insurgents launched 14 mortars at the market, killing three children.", "Shelling/artillery/missile attack"),
        # "suspected to have had a bomb" reports the past, it plans nothing
        ("A van believed to have carried a bomb exploded outside a police station in Kirkuk, killing four.",
         "Remote explosive/landmine/IED"),
        # bombers who kill themselves with others
        ("Three bombers killed themselves and six worshippers at a mosque in Maiduguri.", "Suicide bomb"),
        # setting off a bomb is no irrealis "trigger"
        ("Two soldiers were wounded after rebels triggered a roadside bomb in Kunar.", "Remote explosive/landmine/IED"),
        # an IED the tagger calls a name, a mine that hits, a mine stepped on
        ("A minibus was struck by an IED near Kandahar, killing five passengers.", "Remote explosive/landmine/IED"),
        ("A shepherd died after being hit by a mine in Hakkari province.", "Remote explosive/landmine/IED"),
        ("A farmer was injured when he stepped on a landmine near Tal Afar.", "Remote explosive/landmine/IED"),
        ("An explosive charge went off near an army patrol in Anbar, wounding two soldiers.",
         "Remote explosive/landmine/IED"),
        ("An army convoy came under fire near Ramadi, and two soldiers were wounded.", "Armed clash"),
        # a passive whose agent is someone who attacks: an attack; "injured by shrapnel" alone is none
        ("Two police officers were injured at the station in Lyon by a knife-wielding suspect.", "Armed clash"),
        ("Kurdish fighters were targeted at a checkpoint near Raqqa by an Islamic State cell.", "Armed clash"),
        # "attempted to storm" with a toll is no weather storm
        ("Six policemen and four militants were killed when militants attempted to storm a checkpoint in Ghazni.",
         "Armed clash"),
    ],
)  # fmt: skip
def test_the_event_under_misleading_words(coder: Coder, text: str, sub_type: str) -> None:
    assert sub_type in {m.sub_event_type for m in _code(coder, text)}


def test_shooting_people_outranks_the_burning_told_with_it(coder: Coder) -> None:
    text = "Gunmen set fire to houses in the village of Dalori and fired upon the villagers, killing 12."
    assert [m.sub_event_type for m in _code(coder, text)] == ["Attack"]


def test_the_crime_an_arrest_is_for_is_an_event_of_its_own(coder: Coder) -> None:
    text = "A man was arrested for shooting two police officers dead at a checkpoint in Marseille."
    arrest, shooting = _code(coder, text)
    assert (arrest.sub_event_type, arrest.fatalities) == ("Arrests", None)
    assert shooting.trigger == "shooting" and shooting.fatalities is not None and shooting.fatalities.best == 2


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Rebels destroyed a power pylon with a bomb near Kirkuk.", "Remote explosive/landmine/IED"),
        ("A US drone strike destroyed a car in North Waziristan, killing four militants.", "Air/drone strike"),
        # hyphenated words in the lexicon match spaCy's three tokens
        ("A booby-trapped car struck an army base in Shabwa, killing eight soldiers.",
         "Remote explosive/landmine/IED"),
        ("A landmine was triggered by rebels near a truck in Rayagada district.", "Remote explosive/landmine/IED"),
        # "bomb disposal" says what kind of officers they were
        ("Two bomb disposal officers were killed when a device they were dismantling exploded in Hit.",
         "Remote explosive/landmine/IED"),
    ],
)  # fmt: skip
def test_the_weapon_decides_the_type(coder: Coder, text: str, sub_type: str) -> None:
    assert [m.sub_event_type for m in _code(coder, text)] == [sub_type]


def test_a_continent_places_no_event(coder: Coder) -> None:
    (m,) = _code(coder, "Militants attacked a convoy in Africa on Monday, killing four soldiers.")
    assert m.place is None or (m.place.country != "" and m.place.note != "continent")


def test_the_sentence_after_an_attack_that_tells_its_means_types_it(coder: Coder) -> None:
    text = (
        "A Taliban attack on an army base in Helmand left 12 soldiers dead. The attack began when an attacker "
        "rammed his explosive-laden truck into the gate."
    )
    (m,) = _code(coder, text)
    assert (m.sub_event_type, m.actor1 and m.actor1.name) == ("Suicide bomb", "Taliban")
    assert m.fatalities is not None and m.fatalities.best >= 12


def test_a_bombing_elsewhere_after_an_attack_is_its_own_event(coder: Coder) -> None:
    text = "Militants attacked a police station in Kano on Monday, killing four officers. A bomb exploded in Kaduna."
    assert [m.sub_event_type for m in _code(coder, text)] == ["Armed clash", "Remote explosive/landmine/IED"]


def test_hurt_by_a_thing_or_targeted_by_words_is_no_attack(coder: Coder) -> None:
    assert _code(coder, "The company was targeted by sanctions in March.") == ()
