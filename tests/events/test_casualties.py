"""Events: killed and injured counts read from sentences, with the people they add up."""

from __future__ import annotations

import pytest

from sitroom.events.casualties import find_casualties


def _counts(sentence: str) -> dict[str, int]:
    totals: dict[str, int] = {}
    for casualty in find_casualties(sentence, 0, "a"):
        totals[casualty.figure.kind] = totals.get(casualty.figure.kind, 0) + casualty.figure.best
    return totals


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bomb detonated prematurely, killing 6 people and the bomber.", {"killed": 7}),
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
    ],
)  # fmt: skip
def test_counts(sentence: str, expected: dict[str, int]) -> None:
    assert _counts(sentence) == expected


def test_qualifier_is_kept() -> None:
    (casualty,) = find_casualties("Five bomb attacks took place, killing at least 17.", 0, "a")
    assert (casualty.figure.low, casualty.figure.best, casualty.figure.qualifier) == (17, 17, "at least")
