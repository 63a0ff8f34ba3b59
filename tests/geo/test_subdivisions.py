"""First-level subdivisions: ISO 3166-2 names and codes, Natural Earth's lower areas, ranks and parents."""

from __future__ import annotations

import pytest

from sitroom.geo.distance import haversine_km
from sitroom.geo.subdivisions import build_subdivisions, iso_names


@pytest.mark.parametrize(
    ("iso", "names"),
    [
        ("Barcelona [Barcelona]", ("Barcelona",)),
        ("A Coruña [La Coruña]", ("A Coruña", "La Coruña")),
        ("Isle of Anglesey [Sir Ynys Môn GB-YNM]", ("Isle of Anglesey", "Sir Ynys Môn")),
        ("Asturias, Principado de", ("Asturias, Principado de", "Asturias")),
        ("Bristol, City of", ("Bristol, City of", "Bristol")),
        ("Kandahār", ("Kandahār",)),
    ],
)
def test_iso_names_give_the_name_and_its_other_forms(iso: str, names: tuple[str, ...]) -> None:
    assert iso_names(iso) == names


def test_lower_areas_natural_earth_draws_are_looked_up_with_their_parent() -> None:
    table = build_subdivisions([])
    (suffolk,) = table.named("Suffolk")
    assert (suffolk.code, suffolk.parent, suffolk.top_code, suffolk.lower) == ("GB-SFK", "GB-ENG", "ENG", True)
    assert suffolk.latitude == pytest.approx(52.2, abs=0.3) and suffolk.longitude == pytest.approx(1.0, abs=0.4)
    (erbil,) = table.named("Erbil")  # under Kurdistan in ISO, but named in data/subdivision_names.yaml
    assert (erbil.parent, erbil.lower) == ("IQ-KR", False)
    (virginia,) = table.named("Virginia")
    assert (virginia.rank, virginia.parent, virginia.top_code) == (2, None, "VA")
    assert not table.named("Malmesbury")  # an English town, no area of ISO's


def test_a_region_of_several_subdivisions_lies_among_them() -> None:
    table = build_subdivisions([])
    (darfur,) = table.named("Darfur")
    (north,) = table.named("North Darfur")
    assert (darfur.country, darfur.kind) == ("SD", "Region") and "SD-DN" in darfur.code
    assert darfur.latitude is not None and north.latitude is not None and darfur.latitude < north.latitude
    assert table.named("Donbass") == table.named("Donbas")


@pytest.mark.parametrize(
    ("name", "code", "near"),
    [
        ("Gauteng", "ZA-GP", (-26.2, 28.05)),  # Johannesburg; Natural Earth draws it as ZA-GT
        ("KwaZulu-Natal", "ZA-KZN", (-29.9, 30.9)),  # Durban; drawn as ZA-NL
        ("Kirkuk", "IQ-KI", (35.47, 44.39)),  # the governorate, drawn as At-Ta'mim, IQ-TS
        ("Odisha", "IN-OD", (20.3, 85.8)),  # Bhubaneswar; drawn as IN-OR
    ],
)
def test_areas_natural_earth_draws_under_an_older_code_have_its_point_and_rank(
    name: str, code: str, near: tuple[float, float]
) -> None:
    (area,) = [s for s in build_subdivisions([]).named(name) if s.code == code]
    assert area.latitude is not None and area.longitude is not None
    assert haversine_km(area.latitude, area.longitude, *near) < 250
    assert area.rank is not None


def test_areas_iso_no_longer_lists_are_not_places() -> None:
    table = build_subdivisions([])
    assert not [s for s in table.named("Coast") if s.country == "KE"]  # Kenya's former province
    assert not [s for s in table.named("Rift Valley") if s.country == "KE"]
