"""Geo: names resolved through the gazetteer whatever label the parser gives them, in context."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.geo import GeonamesStore, load_countries, name_key, resolve_document, resolve_name
from sitroom.geo.county_lists import listed_counties
from sitroom.geo.distance import haversine_km
from sitroom.model import GeoPrecision, Place


@pytest.fixture(scope="module")
def gazetteer() -> GeonamesStore:
    return GeonamesStore.open()


def _places(nlp: Language, gazetteer: GeonamesStore, text: str) -> dict[str, Place]:
    """Each toponym's words and the place they resolve to, in ``text``'s own context."""
    return {t.text: t.place for t in resolve_document(nlp(text), gazetteer, load_countries()).toponyms}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tall ‘Afar", "Tal Afar"),
        ("Tel Afar", "Tal Afar"),
        ("al-Fallujah", "Fallujah"),
        ("Tikrīt", "Tikrit"),
        ("Baqouba", "Baquba"),
        ("Basrah", "Basra"),
        ("Al Karāmah", "Karama"),
    ],
)
def test_name_key_folds_spelling_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("name", ["Tal Afar", "Telafer", "Irbil", "Erbil", "Arbil", "Bartella", "Qaraqosh"])
def test_gazetteer_knows_transliterations(gazetteer: GeonamesStore, name: str) -> None:
    assert any(c.country == "IQ" for c in gazetteer.candidates(name))


def test_document_context_resolves_places_and_skips_names(nlp: Language, gazetteer: GeonamesStore) -> None:
    text = (
        "Iraqi troops advanced on Tal Afar and Irbil on Monday, Iraqi officials said. "
        "US President Donald Trump spoke with Ned Price in Washington. The US-backed offensive continued in Iraq."
    )
    geography = resolve_document(nlp(text), gazetteer, load_countries())
    found = {t.text: t.place for t in geography.toponyms}
    assert found["Tal Afar"].country == "Iraq" and found["Tal Afar"].precision == GeoPrecision.LOCALITY
    assert found["Irbil"].latitude == pytest.approx(36.19, abs=0.1)
    assert found["Iraq"].precision == GeoPrecision.REGION and found["Iraq"].latitude is None
    assert "Donald" not in found and "Price" not in found
    assert geography.countries[0] == "IQ"


def test_countries_by_name_and_demonym() -> None:
    countries = load_countries()
    assert countries.by_name("Britain").iso3 == "GBR"  # type: ignore[union-attr]
    assert countries.by_demonym("Turkish").iso2 == "TR"  # type: ignore[union-attr]
    assert countries.by_code("IQ").region == "Middle East"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # The parser labels Azaz PRODUCT and Monguno ORG; "the city of" and "the town of" make them places.
        ("A car bomb exploded in the city of Azaz killing two people.", "Azaz", "Syria"),
        ("Boko Haram jihadists attacked a military base near the town of Monguno.", "Monguno", "Nigeria"),
        # "Northern Ireland" is part of the United Kingdom, not Ireland: Randalstown is a small British town.
        ("A bomb exploded underneath a police officer's car in Randalstown, Northern Ireland.", "Randalstown",
         "United Kingdom"),
        # Tagged NORP, but "in central" says place; a name with a lower-case particle; a country's capital
        # after "the Central African Republic" (the article is no part of the name).
        ("A female suicide bomber detonated in central Tunis.", "Tunis", "Tunisia"),
        ("A car bomb exploded in Pol-e Alam, the capital of Logar.", "Pol-e Alam", "Afghanistan"),
        ("Two people were killed in the capital of the Central African Republic, Bangui.", "Bangui",
         "Central African Republic"),
        ("Two suicide bombers attacked a mosque in Sana'a on Friday.", "Sana'a", "Yemen"),
        ("A booby-trapped corpse exploded in the area of Djibo.", "Djibo", "Burkina Faso"),
        ("A suicide car bomber rammed a convoy in the Pulwama District.", "Pulwama", "India"),
        # GeoNames lists Chibok without a population: its place label is enough
        ("Boko Haram raided two villages near Chibok.", "Chibok", "Nigeria"),
        # a place after "in" inside what the parser took for a name; "outside of"; "the island of"
        ("Five soldiers were wounded in an attack on a Police Station in Bosaso, in Puntland.", "Bosaso",
         "Somalia"),
        ("A suicide bomber detonated his explosives at a checkpoint outside of Misrata.", "Misrata", "Libya"),
        ("A car bomb in the tourist island of Ko Samui was detonated in a mall.", "Ko Samui", "Thailand"),
        # The parser reads "Bosso of Niger" as a person; "the town of" says Bosso is a town.
        ("Boko Haram fighters attacked the town of Bosso of Niger, killing 32 soldiers.", "Bosso", "Niger"),
    ],
)  # fmt: skip
def test_words_around_a_name_make_it_a_place(
    nlp: Language, gazetteer: GeonamesStore, text: str, name: str, country: str
) -> None:
    found = _places(nlp, gazetteer, text)
    assert found[name].country == country and found[name].precision == GeoPrecision.LOCALITY


def test_peoples_and_languages_are_not_places(nlp: Language, gazetteer: GeonamesStore) -> None:
    text = "Two men shot and killed an American English teacher in the Yemeni city of Taiz."
    found = {t.text for t in resolve_document(nlp(text), gazetteer, load_countries()).toponyms}
    assert found == {"Taiz"}  # not English, Arkansas


def test_countries_know_every_demonym_capital_and_centroid() -> None:
    countries = load_countries()
    assert countries.by_demonym("Colombians").iso2 == "CO"  # type: ignore[union-attr]
    assert countries.by_demonym("Guatemalan").iso2 == "GT"  # type: ignore[union-attr]
    afghanistan = countries.by_code("AF")
    assert afghanistan is not None and afghanistan.capital == "Kabul"
    assert afghanistan.latitude == pytest.approx(33, abs=1) and afghanistan.longitude == pytest.approx(65, abs=1)


@pytest.mark.parametrize(
    ("text", "homes", "name", "place", "country"),
    [
        # a country's capital named by the country, by its people or by "the capital of"
        ("Gunmen stormed a guest house in the Afghan capital, killing five.", (), "Afghan capital", "Kabul",
         "Afghanistan"),
        ("An attacker set off a grenade in Afghanistan's capital, killing himself.", (), "Afghanistan's capital",
         "Kabul", "Afghanistan"),
        ("Seven people were killed in a shooting near a hospital in the capital of Guatemala.", (),
         "capital of Guatemala", "Guatemala City", "Guatemala"),
        # a town's own name outranks an alternate name of a larger city (Chattogram was once "Islamabad")
        ("Two people were shot dead outside a mosque in Islamabad.", (), "Islamabad", "Islamabad", "Pakistan"),
        # an armed group's home country ranks its towns: Rann in Nigeria, not Brežice (once "Rann") in Slovenia
        ("Boko Haram attacked the town of Rann again.", ("NG",), "Rann", "Rann", "Nigeria"),
        # a victim's nationality counts for less than a named armed group's home: Kabul, not Cabool, Missouri
        ("Taliban fighters attacked a hotel in Kabul leaving 14 dead including an American.", ("AF",), "Kabul", "Kabul",
         "Afghanistan"),
        # a village in a country named right after it, however small; a name of three hyphenated words
        ("An Albanian policeman was injured by an explosion in Bujanovac, Serbia.", (), "Bujanovac", "Bujanovac",
         "Serbia"),
        ("One attacker blew up a gas canister in a factory in Saint-Quentin-Fallavier, near Lyon.", (),
         "Saint-Quentin-Fallavier", "Saint-Quentin-Fallavier", "France"),
        # tagged PERSON, but after "in" and the own name of a town of 65,000
        ("Insurgents shot one man dead. The attack occurred in Silvan.", (), "Silvan", "Silvan", "Turkey"),
        ("Four terrorists were killed in an attack on a police station next to Al-Arish.", (), "Al-Arish", "Al-Arish",
         "Egypt"),
        # a town named as the modifier of the incident, as headlines do
        ("April 2015 Jalalabad suicide bombing: a suicide bomber set off a bomb outside a bank.", (), "Jalalabad",
         "Jalalabad", "Afghanistan"),
        ("Gunmen killed five staff near Kandahar Airport.", (), "Kandahar", "Kandahar", "Afghanistan"),
        # a city's own name at the start of a longer one
        ("A terrorist stabbed a British student in the Jerusalem Light Rail.", (), "Jerusalem", "Jerusalem",
         "Israel"),
        # a foreign mission's nationality frames nothing: Cairo, Egypt, not Cairo Montenotte in Italy
        ("A car bombing outside the Italian consulate in Cairo killed one person.", (), "Cairo", "Cairo", "Egypt"),
        ("A suicide bomber struck near the Pakistani, Indian and Iranian consulates in Jalalabad.", (), "Jalalabad",
         "Jalalabad", "Afghanistan"),
        # a lower-case particle inside a name, where the parser starts a sentence at it
        ("Taliban militants attacked a checkpoint on the outskirts of Qala i Naw in Badghis province.", ("AF",),
         "Qala i Naw", "Qala i Naw", "Afghanistan"),
        # a town the parser labels a place, after "in", though the article names only another people
        ("A Palestinian man stabbed four people at a bus stop in Ra'anana and fled the scene.", (), "Ra'anana",
         "Ra'anana", "Israel"),
        # "Nara, Mali" is Mali's Nara, not Japan's prefecture; "North Syria" names Syria; Benin City is Nigerian
        ("Suspected Islamist militants attacked an army base in Nara, Mali on Monday.", (), "Nara", "Nara", "Mali"),
        ("A Turkish soldier was killed in a mortar attack in the area of Afrin in North Syria.", (), "Afrin",
         "Afrin", "Syria"),
        ("A police officer and two others were killed in Benin city of Edo State.", (), "Benin", "Benin",
         "Nigeria"),
        # a university of a town stands in it
        ("Two suicide bombers exploded at Nigeria's University of Maiduguri, killing three people.", (),
         "Maiduguri", "Maiduguri", "Nigeria"),
        # "Northern Ecuador" names Ecuador: its San Lorenzo, not Paraguay's larger one
        ("28 people were injured in an attack on a police station in San Lorenzo, in Northern Ecuador.", (),
         "San Lorenzo", "San Lorenzo", "Ecuador"),
    ],
)  # fmt: skip
def test_places_resolve_in_context(
    nlp: Language,
    gazetteer: GeonamesStore,
    text: str,
    homes: tuple[str, ...],
    name: str,
    place: str,
    country: str,
) -> None:
    """``homes``: the home countries of the armed groups named, as the pipeline passes them."""
    geography = resolve_document(nlp(text), gazetteer, load_countries(), homes)
    found = {t.text: t.place for t in geography.toponyms}
    assert found[name].name == place and found[name].country == country
    assert found[name].precision == GeoPrecision.LOCALITY


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        ("Simultaneous blasts rocked India's financial capital, killing 20.", "capital"),  # Mumbai, not Delhi
        ("Two soldiers were shot dead by suspected Niger Delta militants.", "Niger"),
        ("A man attacked two women at Saint Charles station.", "Saint Charles"),
        ("A knife wielding man attacked a French soldier outside a Metro station in Paris.", "Metro"),
        ("Insurgents attacked a security outpost in Bala Murghab district.", "Bala"),
        # capitalised words before an incident's noun that only an alternate name or a hamlet bears
        ("Twin bombings killed a police officer in the city.", "Twin"),
        ("Six police officers were killed in a Taliban ambush on their convoy.", "Taliban"),
        ("Grenade attacks on two bars killed at least three people.", "Grenade"),
        # the last word of a name the gazetteer lacks; a foreign village where the article names its country
        ("A bomb went off near their vehicle in Sariab Mill area of Quetta.", "Mill"),
        (
            "A sniper killed a Colombian soldier in the village of Carrizal in the Colombian department of Norte de "
            "Santander.",
            "Carrizal",
        ),
    ],
)
def test_parts_of_longer_names_are_not_places(
    nlp: Language, gazetteer: GeonamesStore, text: str, not_found: str
) -> None:
    found = resolve_document(nlp(text), gazetteer, load_countries()).toponyms
    assert all(not_found not in t.text for t in found), found


@pytest.mark.parametrize(
    ("text", "name", "admin1", "country"),
    [
        ("Boko Haram killed a motorist in Konduga Local Government Area of Borno State.", "Borno State", "Borno",
         "Nigeria"),
        ("A car bomb attack rocked Kandahar province, leaving one dead.", "Kandahar", "Kandahār", "Afghanistan"),
        ("Three policemen were killed during an ambush in Ayacucho region.", "Ayacucho", "Ayacucho", "Peru"),
        # a state, though a hamlet somewhere in it bears its name
        ("A recruitment centre in Tulsa, Oklahoma was damaged by a pipe bomb.", "Oklahoma", "Oklahoma",
         "United States"),
        ("Two policemen were killed on the road from Caldono in the department of Cauca.", "Cauca", "Cauca",
         "Colombia"),
        # a name with "and" in it is read whole, not as Jammu and a Kashmir in Washington state
        ("Militants carried out grenade attacks in Srinagar and Pulwama in Jammu and Kashmir.", "Jammu and Kashmir",
         "Jammu and Kashmīr", "India"),
        # English names for provinces ISO 3166-2 lists only transliterated
        ("A policeman was shot dead in Kashmir.", "Kashmir", "Jammu and Kashmīr", "India"),
        ("Fighting continued in Nineveh province on Monday.", "Nineveh", "Nīnawá", "Iraq"),
        ("Militants attacked a checkpoint in North Sinai.", "North Sinai", "Shamāl Sīnā'", "Egypt"),
        # "State" picks Nigeria's Plateau State over Benin's Plateau department
        ("Herdsmen attacked a village in Plateau State, killing six.", "Plateau State", "Plateau", "Nigeria"),
        ("Four gendarmes were killed near Wum, Northwest Region.", "Northwest Region", "North-West", "Cameroon"),
        # areas that ISO 3166-2 files under a region and Natural Earth draws: English counties, Philippine
        # provinces (Suffolk of England, not the town in Virginia)
        ("Bird flu was found on a turkey farm in Suffolk.", "Suffolk", "Suffolk", "United Kingdom"),
        ("Floods displaced thousands in Pangasinan on Tuesday.", "Pangasinan", "Pangasinan", "Philippines"),
        # Natural Earth's English names for ISO's transliterations
        ("A poultry worker in the eastern province of Anhui died.", "Anhui", "Anhui Sheng", "China"),
        ("Floods hit several villages in West Java.", "West Java", "Jawa Barat", "Indonesia"),
        # regions that are unions of subdivisions (data/regions.yaml)
        ("Militias burned villages across Darfur.", "Darfur", "Darfur", "Sudan"),
        ("Militants attacked a checkpoint in Sinai.", "Sinai", "Sinai", "Egypt"),
    ],
)  # fmt: skip
def test_states_and_provinces_are_subdivisions(
    nlp: Language, gazetteer: GeonamesStore, text: str, name: str, admin1: str, country: str
) -> None:
    found = _places(nlp, gazetteer, text)
    place = found[name]
    assert (place.admin1, place.country, place.precision) == (admin1, country, GeoPrecision.REGION)


def test_a_county_named_alone_does_not_frame_its_country(nlp: Language, gazetteer: GeonamesStore) -> None:
    # Dublin is also an Irish county: in a report from Ohio it must not make Ireland the article's country
    text = "Dublin operates its own sirens, the Columbus fire chief said. Westerville and Hilliard do not."
    found = _places(nlp, gazetteer, text)
    assert (found["Dublin"].country, found["Dublin"].admin1) == ("United States", "Ohio")


def test_a_minor_province_named_as_a_city_does_not_frame_its_country(nlp: Language, gazetteer: GeonamesStore) -> None:
    # Alexandria is also an Egyptian governorate: named alone, it is as often the city, and not only Egypt's
    text = "An Alexandria woman was charged on Monday. The Rapides Parish sheriff said she lived in Pineville."
    found = _places(nlp, gazetteer, text)
    assert (found["Alexandria"].country, found["Alexandria"].admin1) == ("United States", "Louisiana")


def test_a_province_is_placed_at_its_namesake_town_or_its_centroid_and_frames_its_towns(
    nlp: Language, gazetteer: GeonamesStore
) -> None:
    text = "A car bomb attack rocked Kandahar province. Two policemen died on the road from Caldono in Cauca."
    found = _places(nlp, gazetteer, text)
    kandahar = found["Kandahar"]
    assert kandahar.latitude == pytest.approx(31.61, abs=0.1) and kandahar.longitude == pytest.approx(65.7, abs=0.1)
    assert kandahar.note is not None and "namesake town" in kandahar.note
    assert found["Caldono"].country == "Colombia"  # no country named: the department says Colombia
    cauca = found["Cauca"]  # no town called Cauca: the department's outline gives its point
    assert cauca.latitude == pytest.approx(2.4, abs=0.5) and cauca.longitude == pytest.approx(-76.8, abs=0.5)
    assert cauca.note is not None and "namesake" not in cauca.note


@pytest.mark.parametrize(
    ("text", "name", "place", "country"),
    [
        ("A suicide bomber struck a market in Kandahar.", "Kandahar", "Kandahar", "Afghanistan"),
        ("A driver rammed a crowd in the northern Israeli city of Acre.", "Acre", "Acre", "Israel"),  # not Brazil's
    ],
)
def test_a_town_named_like_a_province_is_the_town(
    nlp: Language, gazetteer: GeonamesStore, text: str, name: str, place: str, country: str
) -> None:
    found = _places(nlp, gazetteer, text)
    assert (found[name].name, found[name].country, found[name].precision) == (place, country, GeoPrecision.LOCALITY)


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        # the state named anywhere in the article picks the town in it over bigger namesakes
        ("The Dublin City Council met on Monday. Ohio lawmakers had asked the city for a report.", "Dublin",
         "Ohio"),
        # the AP's state abbreviation after the town
        ("Firefighters were called to a warehouse in Gainesville, Ga., late on Friday.", "Gainesville", "Georgia"),
        ("The two men were arrested in Charleston, W.Va., on Tuesday.", "Charleston", "West Virginia"),
    ],
)  # fmt: skip
def test_a_state_the_article_names_places_its_towns(
    nlp: Language, gazetteer: GeonamesStore, text: str, name: str, state: str
) -> None:
    found = _places(nlp, gazetteer, text)
    assert (found[name].country, found[name].admin1) == ("United States", state)


def test_an_upper_case_state_code_is_not_taken_for_a_state(nlp: Language, gazetteer: GeonamesStore) -> None:
    text = "Fans gathered in LA on Sunday before the game in Paris."
    found = _places(nlp, gazetteer, text)
    assert found["Paris"].country == "France"


def test_a_continent_is_the_continent_not_a_town_of_its_name(nlp: Language, gazetteer: GeonamesStore) -> None:
    text = "The outbreak has spread across West Africa and reached South America and Europe."
    found = _places(nlp, gazetteer, text)
    europe = found["Europe"]
    assert (europe.note, europe.country, europe.precision) == ("continent", "", GeoPrecision.REGION)
    assert europe.latitude is not None and 40 < europe.latitude < 60
    assert found["South America"].longitude is not None and found["South America"].longitude < -30


@pytest.mark.parametrize(
    ("text", "name", "country", "precision"),
    [
        # a small town of the state's name elsewhere in the country does not make the state a town
        ("Health officials in California reported two new cases.", "California", "United States",
         GeoPrecision.REGION),
        # the article names Canada: Ontario is the province, not the city in California
        ("Cases rose in Ontario and Alberta, Canada.", "Ontario", "Canada", GeoPrecision.REGION),
        # nothing says which country: a prominent state before a city of 100,000 elsewhere
        ("Ontario's education minister said Friday she would share vacant schools.", "Ontario", "Canada",
         GeoPrecision.REGION),
        ("He is awaiting a transfer to Virginia, where he will stand trial.", "Virginia", "United States",
         GeoPrecision.REGION),
        # but a minor district is not meant before a city of that name
        ("Police in Toledo arrested two men on Sunday.", "Toledo", "United States", GeoPrecision.LOCALITY),
        # a metropolis keeps its name whatever country the article names
        ("Palestinian officials in Jerusalem said talks would resume.", "Jerusalem", "Israel",
         GeoPrecision.LOCALITY),
        ("A suicide bomber struck a market in Kandahar.", "Kandahar", "Afghanistan", GeoPrecision.LOCALITY),
    ],
)  # fmt: skip
def test_a_state_and_a_town_of_one_name(
    nlp: Language, gazetteer: GeonamesStore, text: str, name: str, country: str, precision: GeoPrecision
) -> None:
    found = _places(nlp, gazetteer, text)
    assert (found[name].country, found[name].precision) == (country, precision)


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        # the article names another US state: Georgia is the state
        ("Storms hit Alabama on Monday and moved east into Georgia overnight.", "United States", "Georgia"),
        # nothing says the United States: Georgia is the country
        ("Russian troops crossed into Georgia near South Ossetia.", "Georgia", None),
    ],
)
def test_a_country_that_is_also_a_state(
    nlp: Language, gazetteer: GeonamesStore, text: str, country: str, admin1: str | None
) -> None:
    place = _places(nlp, gazetteer, text)["Georgia"]
    assert (place.country, place.admin1, place.precision) == (country, admin1, GeoPrecision.REGION)


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi troops had entered the Karama neighborhood in Mosul's east.",
        "Fighting raged in Mosul's eastern Karama district on Tuesday.",
    ],
)
def test_a_neighbourhood_of_a_town_is_not_a_namesake_far_away(
    nlp: Language, gazetteer: GeonamesStore, text: str
) -> None:
    karama = _places(nlp, gazetteer, text)["Karama"]  # Al Karama, Dubai, without a GeoNames dump
    assert (karama.name, karama.country, karama.precision) == ("Mosul", "Iraq", GeoPrecision.NEAR)
    assert karama.note is not None and "part of Mosul" in karama.note


def test_a_county_is_the_county_not_a_town_of_its_name(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(nlp, gazetteer, "Deputies with the Laurel County Sheriff's Office arrested a London man.")
    laurel = found["Laurel County"]  # not Laurel, Maryland, and not lost in "Laurel County Sheriff's Office"
    assert (laurel.country, laurel.admin1, laurel.precision) == ("United States", "Kentucky", GeoPrecision.NEAR)
    assert laurel.geonameid is None and laurel.note is not None and "county" in laurel.note
    assert laurel.latitude is not None and laurel.longitude is not None
    assert haversine_km(laurel.latitude, laurel.longitude, 37.11, -84.12) < 30
    # and the London beside it is London, Kentucky, not the capital an ocean away
    assert (found["London"].country, found["London"].admin1) == ("United States", "Kentucky")


@pytest.mark.parametrize(
    ("text", "words", "name", "country"),
    [
        ("Al-Shabaab militants killed 12 people in Mandera County, Kenya.", "Mandera", "Mandera", "Kenya"),
        ("Gunmen killed five people in Nimba County, Liberia, on Monday.", "Nimba", "Nimba", "Liberia"),
    ],
)
def test_a_county_iso_lists_at_the_top_is_that_county(
    nlp: Language, gazetteer: GeonamesStore, text: str, words: str, name: str, country: str
) -> None:
    place = _places(nlp, gazetteer, text)[words]  # was lost before "County", as a US county's name is
    assert (place.admin1, place.country, place.precision) == (name, country, GeoPrecision.REGION)


def test_a_word_before_county_is_no_town_of_that_name(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(nlp, gazetteer, "The fire spread from Walton County into the hills.")
    assert "Walton" not in found  # not Walton, Pakistan
    assert found["Walton County"].country == "United States"


def test_names_listed_before_counties_are_counties_of_one_state(nlp: Language, gazetteer: GeonamesStore) -> None:
    text = "School boards in Barrow, Jackson and Madison counties tweaked their layoff policies."
    found = _places(nlp, gazetteer, text)
    # not Barrow, Alaska, nor Jackson and Madison, Mississippi: the one state with all three counties
    for name in ("Barrow", "Jackson", "Madison"):
        assert (found[name].name, found[name].admin1) == (f"{name} County", "Georgia")
        assert found[name].precision == GeoPrecision.NEAR
    found = _places(nlp, gazetteer, "Partial building collapses were reported in Harvey, Harper and Kingman counties.")
    assert {found[n].admin1 for n in ("Harvey", "Harper", "Kingman")} == {"Kansas"}
    found = _places(nlp, gazetteer, "Roads in both counties were closed.")
    assert found == {}


def test_a_list_of_counties_several_states_share_keeps_every_such_state(
    nlp: Language, gazetteer: GeonamesStore
) -> None:
    doc = nlp("Volunteers cleared trails in Anderson and Cherokee counties.")
    listed = listed_counties(doc, gazetteer)
    states = [sorted({c.admin1 for c in county.candidates}) for county in listed.values()]
    # both counties lie in Kansas, South Carolina and Texas: the list narrows to those, and to no one of them
    # picked by the order a set happens to iterate in
    assert len(states) == 2 and states[0] == states[1]
    assert {"Kansas", "South Carolina", "Texas"} <= set(states[0]) and "Georgia" not in states[0]


@pytest.mark.parametrize(
    ("text", "town", "admin1"),
    [
        # not Egypt's city of four million: the Alexandria in the parish the article names
        ("A barn burned near Alexandria on Sunday, the Rapides Parish Fire District said.", "Alexandria", "Louisiana"),
        # nor the Virginia city: of the twelve Douglas counties, the one with an Alexandria in it
        ("Douglas County deputies said the crash happened on County Road 82 east of Alexandria.", "Alexandria",
         "Minnesota"),
    ],
)  # fmt: skip
def test_a_town_in_a_county_the_article_names_is_that_county_s_town(
    nlp: Language, gazetteer: GeonamesStore, text: str, town: str, admin1: str
) -> None:
    found = _places(nlp, gazetteer, text)
    assert (found[town].admin1, found[town].country, found[town].precision) == (
        admin1, "United States", GeoPrecision.LOCALITY
    )  # fmt: skip


def test_a_county_named_inside_an_organisation_s_name_is_a_place(nlp: Language, gazetteer: GeonamesStore) -> None:
    # the parser takes "Rapides Parish Fire" for a person; the county's noun says it is a place
    found = _places(nlp, gazetteer, "The Rapides Parish Fire District sent two engines.")
    assert (found["Rapides Parish"].admin1, found["Rapides Parish"].precision) == ("Louisiana", GeoPrecision.NEAR)


def test_a_name_the_articles_towns_lie_in_is_their_state(nlp: Language, gazetteer: GeonamesStore) -> None:
    text = "Officers from Chiefland and the Levy County Sheriff's Office broke up a fight in Williston."
    geography = resolve_document(nlp(text), gazetteer, load_countries())
    florida = resolve_name("Florida", geography, gazetteer, load_countries())
    # not Florida, Cuba (a town of 63,000) nor Uruguay's department: the state its towns lie in
    assert florida is not None and (florida.country, florida.admin1) == ("United States", "Florida")


def test_a_town_of_the_articles_country_before_a_province_abroad(nlp: Language, gazetteer: GeonamesStore) -> None:
    text = "Two Hanover police officers found the couple. Their son lives in Bethel, Vt., the police said."
    found = _places(nlp, gazetteer, text)
    assert (found["Hanover"].country, found["Hanover"].precision) == ("United States", GeoPrecision.LOCALITY)
    # not Jamaica's parish; but a hamlet does not outweigh a province: "London, England" stays in England
    found = _places(nlp, gazetteer, "He grew up in Texas and now lives in London, England.")
    assert found["England"].country == "United Kingdom"


def test_dates_and_things_are_not_places(nlp: Language, gazetteer: GeonamesStore) -> None:
    text = "In Columbia, S.C., the city paid a developer to build a hotel, a Hilton, which opened in August 2007."
    found = _places(nlp, gazetteer, text)
    assert "August" not in found  # a month, not August, California
    assert "Hilton" not in found  # one of a kind of thing, not Hilton, New York
    assert found["Columbia"].admin1 == "South Carolina"
    found = _places(nlp, gazetteer, "A Rochester man and a Kansas City, Kan., police officer were charged.")
    assert {"Rochester", "Kansas City"} <= set(found)  # a name that modifies the noun is still a place


def test_a_shared_name_goes_to_the_place_beside_the_articles_others(nlp: Language, gazetteer: GeonamesStore) -> None:
    text = "The Henderson County Sheriff's Department said the men were taken to a jail in Athens and then to Tyler."
    found = _places(nlp, gazetteer, text)
    assert {found[n].admin1 for n in ("Henderson County", "Athens", "Tyler")} == {"Texas"}
    assert found["Athens"].country == "United States"  # not Greece's capital
    found = _places(nlp, gazetteer, "A Paris woman was injured in a crash in Lyon on Sunday.")
    assert found["Paris"].country == "France"  # a capital beside its own country's towns stays


def test_two_shared_names_settle_each_other(nlp: Language, gazetteer: GeonamesStore) -> None:
    # ten Henry Counties and many a Paris: the pair that lie together is Paris in Henry County, Tennessee
    found = _places(nlp, gazetteer, "All residents of Paris and Henry County will receive a letter this week.")
    assert (found["Paris"].admin1, found["Henry County"].admin1) == ("Tennessee", "Tennessee")


def test_a_state_of_another_country_does_not_make_its_namesake_town_the_place(
    nlp: Language, gazetteer: GeonamesStore
) -> None:
    # Uruguay's department of Florida has a town of its name; a report that names Texas means the US state
    found = _places(nlp, gazetteer, "Officials in Florida and Texas said the storm had passed.")
    assert (found["Florida"].country, found["Florida"].precision) == ("United States", GeoPrecision.REGION)


def test_only_listed_abbreviations_are_read_as_states(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(nlp, gazetteer, "The restrictions placed on horses in NSW were lifted, Mr McGauran said.")
    assert (found["NSW"].name, found["NSW"].country) == ("New South Wales", "Australia")
    assert _places(nlp, gazetteer, "The CIA and LA police said nothing.") == {}


def test_a_country_geonames_names_with_the_is_found_without_it(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(nlp, gazetteer, "One outbreak in 2003 in the Netherlands infected more than 80 people.")
    assert found["Netherlands"].country == "Netherlands"  # ACLED's name, not GeoNames' "The Netherlands"


def test_a_state_followed_by_its_country_is_the_state(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(nlp, gazetteer, "Several others have been infected in California, United States.")
    assert (found["California"].admin1, found["California"].precision) == ("California", GeoPrecision.REGION)
    found = _places(nlp, gazetteer, "Protesters marched in Lagos, Nigeria on Monday.")
    assert found["Lagos"].precision == GeoPrecision.LOCALITY  # the city, which lies in its namesake state


def test_a_place_of_the_country_named_after_it_the_gazetteer_lacks_is_that_country(
    nlp: Language, gazetteer: GeonamesStore
) -> None:
    found = _places(nlp, gazetteer, "The birds were found on a farm near Gordon, Ireland.")
    gordon = found["Gordon"]  # not Gordon, Georgia: no invented point, the country it was said to be in
    assert (gordon.country, gordon.latitude, gordon.precision) == ("Ireland", None, GeoPrecision.REGION)
    assert gordon.note is not None and "not in the gazetteer" in gordon.note


@pytest.mark.parametrize(
    ("text", "name", "admin1", "precision"),
    [
        # a place the gazetteer lacks, in the subdivision named after it: that subdivision, with a note
        ("The birds were found on a farm near Gordon, Scotland.", "Gordon", "Scotland", GeoPrecision.REGION),
        # a town of the subdivision named after it, not a bigger one elsewhere
        ("Flooding closed roads in Perth, Scotland.", "Perth", "Scotland", GeoPrecision.LOCALITY),
        # a lower area of the subdivision named after it
        ("Bird flu was confirmed in Norfolk, England.", "Norfolk", "Norfolk", GeoPrecision.REGION),
        # a list of states is no town of one in the next
        ("Cases were reported in Colorado, California and Texas.", "Colorado", "Colorado", GeoPrecision.REGION),
    ],
)
def test_a_name_and_the_subdivision_after_it(
    nlp: Language, gazetteer: GeonamesStore, text: str, name: str, admin1: str, precision: GeoPrecision
) -> None:
    place = _places(nlp, gazetteer, text)[name]
    assert (place.admin1, place.precision) == (admin1, precision)
    if name == "Gordon":
        assert place.note is not None and place.note.startswith("Gordon: not in the gazetteer")


def test_england_and_scotland_are_parts_of_the_united_kingdom_at_their_own_points(
    nlp: Language, gazetteer: GeonamesStore
) -> None:
    found = _places(nlp, gazetteer, "Cases rose in England and fell in Scotland.")
    england, scotland = found["England"], found["Scotland"]
    assert (england.country, england.admin1, scotland.admin1) == ("United Kingdom", "England", "Scotland")
    assert england.latitude is not None and england.longitude is not None
    assert haversine_km(england.latitude, england.longitude, 52.5, -1.5) < 100  # the middle of England


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Two soldiers were killed in Chechnya.", "Chechnya", "Russia"),  # was a village in Ukraine
        ("Militants attacked a police post in Dagestan on Monday.", "Dagestan", "Russia"),
        ("Shelling hit villages in the Donetsk region.", "Donetsk", "Ukraine"),
    ],
)
def test_conflict_regions_known_by_their_english_names(
    nlp: Language, gazetteer: GeonamesStore, text: str, name: str, country: str
) -> None:
    place = _places(nlp, gazetteer, text)[name]
    assert (place.country, place.precision) == (country, GeoPrecision.REGION)


def test_a_known_toponym_is_resolved_near_the_documents_other_places(nlp: Language, gazetteer: GeonamesStore) -> None:
    # the eval's path for a gold toponym the finder did not take: "Athens" beside Tyler and Henderson County
    countries = load_countries()
    geography = resolve_document(
        nlp("Police in Tyler and deputies of Henderson County searched the lake."), gazetteer, countries
    )
    athens = resolve_name("Athens", geography, gazetteer, countries)
    assert athens is not None and (athens.country, athens.admin1) == ("United States", "Texas")
    alone = resolve_document(nlp("The weather was fine."), gazetteer, countries)
    greece = resolve_name("Athens", alone, gazetteer, countries)
    assert greece is not None and greece.country == "Greece"


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("BEIRUT — Gunmen killed two soldiers on Sunday.", "BEIRUT", None),
        ("Tax rises ahead. HAMMOND, Ind. (AP) — The state's revenue department said on Monday it would act.",
         "HAMMOND", "Indiana"),
    ],
)  # fmt: skip
def test_an_upper_case_dateline_is_a_place(
    nlp: Language, gazetteer: GeonamesStore, text: str, name: str, admin1: str | None
) -> None:
    place = _places(nlp, gazetteer, text)[name]
    assert place.admin1 == admin1 and place.precision == GeoPrecision.LOCALITY


def test_an_upper_case_word_inside_a_sentence_is_no_dateline(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(nlp, gazetteer, "Officials said the DELHI - based firm had closed.")
    assert "DELHI" not in found


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        # a country's name, in an article whose places all lie in a state of its name: the state
        ("Two Northeast Georgia counties, Barrow County and Jackson County, grew fastest, "
         "ahead of Clarke County.", "Georgia", "United States", "Georgia"),
        # a country's name, beside a place its namesake town lies near: the town
        ("A Palestine man was arrested by Anderson County deputies on Friday.", "Palestine", "United States",
         "Texas"),
        # with a place of the country itself, the country
        ("Rockets fell on Tyre as Lebanon braced for more.", "Lebanon", "Lebanon", None),
    ],
)  # fmt: skip
def test_a_country_named_where_the_article_is_local(
    nlp: Language, gazetteer: GeonamesStore, text: str, name: str, country: str, admin1: str | None
) -> None:
    place = _places(nlp, gazetteer, text)[name]
    assert (place.country, place.admin1) == (country, admin1)


def test_breakaway_regions_and_regions_of_the_world(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(nlp, gazetteer, "Shelling was reported in South Ossetia and in Abkhazia.")
    for name in ("South Ossetia", "Abkhazia"):
        assert (found[name].country, found[name].precision) == ("Georgia", GeoPrecision.REGION)
    # a region of whole countries is found like a continent: no country, so it places no event
    found = _places(nlp, gazetteer, "Tensions rose across the Middle East after the strike.")
    middle_east = found["Middle East"]  # not the Baltimore neighbourhood
    assert (middle_east.country, middle_east.note) == ("", "continent") and middle_east.latitude is not None
    assert 20 < middle_east.latitude < 35 and 35 < middle_east.longitude < 55  # type: ignore[operator]


@pytest.mark.parametrize(
    ("people", "name", "country"),
    [
        ("South Ossetian", "South Ossetia", "Georgia"),
        ("Abkhaz", "Abkhazia", "Georgia"),
        ("Ohioans", "Ohio", "United States"),
        ("Dagestani", "Dagestan", "Russia"),
        ("Sinhalese", "Sri Lanka", "Sri Lanka"),
        ("Czechs", "Czechia", "Czechia"),
        ("European", "Europe", ""),
    ],
)
def test_a_gold_toponym_that_names_a_people_is_their_place(
    nlp: Language, gazetteer: GeonamesStore, people: str, name: str, country: str
) -> None:
    geography = resolve_document(nlp(f"{people} officials met on Tuesday."), gazetteer, load_countries())
    place = resolve_name(people, geography, gazetteer, load_countries())
    assert place is not None and name in place.name and place.country == country


def test_iso_names_and_names_joined_by_of(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(
        nlp,
        gazetteer,
        "Cholera spread from Côte d'Ivoire to the Republic of the Congo, then to the Democratic Republic of the "
        "Congo and the Isle of Man. Rebels clashed with troops in eastern Congo.",
    )
    assert found["Côte d'Ivoire"].country == "Ivory Coast"  # ISO's name, ACLED's "Ivory Coast"
    assert found["Republic of the Congo"].country == "Republic of the Congo"  # whole, not its last word
    assert found["Democratic Republic of the Congo"].country == "Democratic Republic of the Congo"
    assert found["Isle of Man"].country == "Isle of Man"  # not Man, Ivory Coast
    assert found["Congo"].country == "Democratic Republic of the Congo"


def test_the_city_of_a_town_is_the_town(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(
        nlp, gazetteer, "A thief stole tools from the City of Richmond's depot in Madison County, Kentucky."
    )
    assert "City of Richmond" not in found  # GeoNames' "City of Richmond" is in Minnesota
    assert found["Richmond"].admin1 == "Kentucky"


def test_a_state_of_the_articles_country_beats_a_metropolis_abroad(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(
        nlp,
        gazetteer,
        "Horses in quarantine in New South Wales and at the Spotswood station in Victoria tested positive, "
        "Australian officials said, and racing in Australia was cancelled.",
    )
    assert (found["Victoria"].country, found["Victoria"].precision) == ("Australia", GeoPrecision.REGION)
    found = _places(nlp, gazetteer, "Ferries to Victoria were halted as a typhoon neared Hong Kong.")
    assert found["Victoria"].country == "Hong Kong"


def test_a_prominent_state_frames_its_country_over_minor_namesakes(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(
        nlp,
        gazetteer,
        "He was taken to a hospital in Frederick, Maryland, where he died. The attacks targeted politicians in "
        "Washington DC and the media in New York City and Florida.",
    )
    assert (found["Maryland"].country, found["Maryland"].admin1) == ("United States", "Maryland")  # not Liberia's
    assert (found["Florida"].country, found["Florida"].precision) == ("United States", GeoPrecision.REGION)


def test_a_state_named_beside_its_towns_is_the_state(nlp: Language, gazetteer: GeonamesStore) -> None:
    found = _places(
        nlp,
        gazetteer,
        "Florida Attorney General Bill McCollum ran ads in Tampa, Orlando and Jacksonville. The Florida "
        "Democratic Party said the ads cost $650,000 in Tallahassee and Pensacola.",
    )
    assert (found["Florida"].admin1, found["Florida"].precision) == ("Florida", GeoPrecision.REGION)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Cases were found in Oregon, Tennessee, Utah, Washington and Wisconsin.", "Washington"),
        ("Officials are investigating cases in Washington, Pennsylvania and California.", "Washington"),
        ("The first case was discovered in the state of Washington last year.", "Washington"),
        ("People came from as far as Texas and Washington, D.C. to see him.", "District of Columbia"),
    ],
)
def test_washington_in_a_list_of_states_is_the_state(
    nlp: Language, gazetteer: GeonamesStore, text: str, admin1: str
) -> None:
    assert _places(nlp, gazetteer, text)["Washington"].admin1 == admin1
