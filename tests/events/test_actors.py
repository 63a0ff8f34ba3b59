"""Actor dictionary: aliases, parents, state forces by nationality, generic and unresolved actors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import ConfigError
from sitroom.events import load_actor_dictionary
from sitroom.events.taxonomy import load_taxonomy
from sitroom.geo import load_countries


@pytest.mark.parametrize(
    ("phrase", "name", "inter"),
    [
        ("ISIL", "Islamic State", 2),
        ("Daesh fighters", "Islamic State", 2),
        ("Iraqi government troops", "Military Forces of Iraq (2014-2018)", 1),
        ("the Popular Mobilization Units (PMU)", "PMF: Popular Mobilization Forces", 3),
        ("the former al Qaida-affiliated al-Nusra Front", "Jabhat Fateh al-Sham", 2),
        ("Egyptian troops", "Military Forces of Egypt", 8),  # abroad: resolved for an event in Iraq
        ("at least 15 women", "Civilians (Iraq)", 7),
    ],
)
def test_resolve(phrase: str, name: str, inter: int) -> None:
    actor = load_actor_dictionary(load_countries()).resolve(phrase, "IQ")
    assert actor is not None and (actor.name, actor.inter) == (name, inter)


def test_unknown_armed_group_is_kept_and_flagged() -> None:
    actor = load_actor_dictionary(load_countries()).resolve("the Khorasan Brigade", "SY")
    assert actor is not None and actor.name == "Khorasan Brigade" and not actor.resolved


def test_user_dictionary_extends_and_bad_one_fails_clearly(tmp_path: Path) -> None:
    user = tmp_path / "actors.yaml"
    user.write_text("actors:\n  - name: Khorasan Group\n    inter: 2\n    aliases: [Khorasan]\n", encoding="utf-8")
    actor = load_actor_dictionary(load_countries(), [user]).resolve("Khorasan militants")
    assert actor is not None and actor.name == "Khorasan Group" and actor.resolved
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml"):
        load_actor_dictionary(load_countries(), [bad])


def test_taxonomy_has_acled_25_sub_event_types_in_6_event_types() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy) == 25 and len(taxonomy.event_types) == 6
    assert taxonomy["Air/drone strike"].event_type == "Explosions/Remote violence"
    assert taxonomy["Peaceful protest"].disorder_type == "Demonstrations"


@pytest.mark.parametrize(
    ("phrase", "country", "name", "resolved"),
    [
        ("rebels", "SY", "Islamist Rebels (Syria)", True),
        ("rebels", "CD", "rebels", False),  # not Syria's rebels: kept under its own name, flagged unresolved
        ("security forces", "IQ", "Military Forces of Iraq (2014-2018)", True),
        ("Afghan security forces", "AF", "Military Forces of Afghanistan", True),
        ("the Houthi rebels", "YE", "Ansar Allah: Houthis", True),
        ("Jama'at Nasr al-Islam wal Muslimin", "ML", "JNIM: Group for Support of Islam and Muslims", True),
        # a name two actors share goes to the one at home in the event's country, as ACLED codes it
        ("Taliban militants", "PK", "TTP: Tehreek-i-Taliban Pakistan", True),
        ("Taliban militants", "AF", "Taliban", True),
        ("al-Qaeda fighters", "YE", "AQAP: Al Qaeda in the Arabian Peninsula", True),
        ("al-Qaeda fighters", "SO", "Al Qaeda", True),
    ],
)
def test_local_aliases_name_an_actor_only_in_its_own_country(
    phrase: str, country: str, name: str, resolved: bool
) -> None:
    actor = load_actor_dictionary(load_countries()).resolve(phrase, country)
    assert actor is not None and (actor.name, actor.resolved) == (name, resolved)


def test_a_states_forces_are_external_abroad_and_state_forces_at_home() -> None:
    actors = load_actor_dictionary(load_countries())
    abroad = actors.resolve("Turkish troops", "IQ")
    home = actors.resolve("Turkish troops", "TR")
    assert abroad is not None and home is not None and abroad.name == home.name
    assert (abroad.inter, home.inter) == (8, 1)
    iraqi = actors.resolve_agent("Iraq", "SY")
    assert iraqi is not None and iraqi.inter == 8  # Iraqi forces fighting in Syria
    coalition = actors.resolve("the US-led coalition", "IQ")
    assert coalition is not None and coalition.inter == 8


def test_named_in_tries_aliases_only_where_their_first_word_begins_and_finds_what_a_search_finds() -> None:
    """named_in looks for an alias only where one of its first words stands; on texts where the first word
    also stands inside other words and names, it must find what searching every character finds."""
    from sitroom.events import actors as module

    dictionary = load_actor_dictionary(load_countries())
    texts = [
        "Alarmed locals said al-Shabaab and al Qaeda fighters, not the Al-Qaida-linked ISIS, attacked; "
        "US-backed forces and the Islamic State's (IS) men fought near İzmir.",
        "Bokoharam? No: Boko Haram gunmen killed three, the army said, and Taliban-style rule returned.",
    ]
    for text in texts:
        lowered = text.lower()
        starts = module._word_starts(lowered) if len(lowered) == len(text) else None
        for entry in dictionary._entries:
            plain = entry.pattern.search(text)
            tried = module._search(entry, text, starts)
            assert (tried and tried.span()) == (plain and plain.span()), entry.name
    assert [a.name for a in dictionary.named_in(texts[0])] == ["Al Shabaab", "Al Qaeda", "Islamic State"]
    assert [a.name for a in dictionary.named_in(texts[1])][1:] == ["Taliban"]  # "Bokoharam" is no alias
