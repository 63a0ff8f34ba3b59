"""First-level subdivisions: ISO 3166-2 names and codes, Natural Earth's lower areas, ranks and parents."""

from __future__ import annotations

import pytest

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
