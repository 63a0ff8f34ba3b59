"""Name actors as ACLED does, from a YAML dictionary shipped with sitroom plus any the user configures."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitroom.datafiles import data_yaml, read_yaml
from sitroom.errors import ConfigError
from sitroom.geo.countries import CountryTable
from sitroom.model import Actor


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    inter: int
    country: str | None
    parent: str | None
    pattern: re.Pattern[str]
    local: re.Pattern[str] | None  # aliases that name this actor only in its own country ("rebels" in Syria)
    first_words: frozenset[str] = frozenset()  # each alias's first word, lower-cased: a text without any is skipped
    opens_with_word: bool = False  # every alias begins with its first word, so a match begins where one does


@dataclass(frozen=True, slots=True)
class _Generic:
    template: str
    inter: int
    pattern: re.Pattern[str]


_WORD = re.compile(r"[^\W_]+")
_STATE = 1
_EXTERNAL = 8
_STATE_FORCES = ("Military Forces of", "Police Forces of", "Government of")
_NAMED_KEPT = 256  # texts whose named actors are kept (an article's whole text is asked once per event)


class ActorDictionary:
    """Resolve a noun phrase ("Iraqi government troops", "ISIS") to an ACLED-style Actor."""

    def __init__(self, raw: dict[str, Any], countries: CountryTable) -> None:
        self._countries = countries
        self._entries = sorted((_entry(item) for item in raw["actors"]), key=lambda e: -len(e.pattern.pattern))
        self._parents = {e.name: e for e in self._entries}
        self._force = _words(raw["force_words"])
        self._police = _words(raw["police_words"])
        self._generic = [_Generic(g["name"], int(g["inter"]), _words(g["words"])) for g in raw["generic"]]
        self._armed = _words(raw["armed_group_words"])
        self._named: dict[str, tuple[Actor, ...]] = {}  # named_in's answers: the same article text is asked often

    def resolve(self, phrase: str, country: str | None = None) -> Actor | None:
        """The actor ``phrase`` names; ``country`` (ISO2) names generic actors such as Civilians (Iraq)."""
        phrase = phrase.strip()
        if not phrase:
            return None
        actor = (
            self._from_dictionary(phrase, country)
            or self._state_force(phrase)
            or self._generic_actor(phrase, country)
            or self._unresolved(phrase)
        )
        return _where(actor, country)

    def resolve_agent(self, phrase: str, country: str | None = None) -> Actor | None:
        """As :meth:`resolve`, and a state named alone as the one acting ("Israel", "the US") is its military."""
        named = self._countries.by_name(re.sub(r"^the\s+", "", phrase.strip(), flags=re.IGNORECASE))
        if named is not None:
            forces = [e for e in self._entries if e.country == named.iso2 and e.name.startswith("Military Forces")]
            name = forces[0].name if forces else f"Military Forces of {named.name}"
            inter = forces[0].inter if forces else 1
            return _where(Actor(name, inter, named.iso2, None, True, phrase), country)
        return self.resolve(phrase, country)

    def named_in(self, text: str) -> list[Actor]:
        """Every dictionary actor ``text`` names, in order of first mention."""
        if (known := self._named.get(text)) is None:
            if len(self._named) >= _NAMED_KEPT:
                self._named.clear()
            known = self._named[text] = tuple(self._find_named(text))
        return list(known)

    def _find_named(self, text: str) -> list[Actor]:
        found: list[tuple[int, Actor]] = []
        lowered = text.lower()
        # where each word begins, if lower-casing kept every character where it was
        at = _word_starts(lowered) if len(lowered) == len(text) else None
        words = at.keys() if at is not None else set(_WORD.findall(lowered))
        for entry in self._entries:
            if words.isdisjoint(entry.first_words):
                continue  # no alias can match: skip the costly search
            match = _search(entry, text, at)
            if match:
                actor = self._from_dictionary(match.group(0))
                if actor is not None:
                    found.append((match.start(), actor))
        return [actor for _, actor in sorted(found, key=lambda pair: pair[0])]

    def _from_dictionary(self, phrase: str, country: str | None = None) -> Actor | None:
        best: tuple[int, bool, _Entry, str] | None = None
        words = set(_WORD.findall(phrase.lower()))
        for entry in self._entries:
            # as in named_in: a phrase without any alias's first word cannot match (most phrases match none)
            match = None if words.isdisjoint(entry.first_words) else entry.pattern.search(phrase)
            local = False
            if entry.local is not None and country is not None and country == entry.country:
                local_match = entry.local.search(phrase)
                if local_match and (match is None or len(local_match.group(0)) >= len(match.group(0))):
                    match, local = local_match, True
            # the longest alias wins; on a tie, the actor at home in the event's country ("Taliban" in Pakistan)
            if match and (best is None or (len(match.group(0)), local) > best[:2]):
                best = (len(match.group(0)), local, entry, match.group(0))
        if best is None:
            return None
        _, _, entry, mention = best
        parent = self._parents.get(entry.parent) if entry.parent else None
        if parent is not None:
            return Actor(parent.name, parent.inter, parent.country, entry.name, True, mention)
        return Actor(entry.name, entry.inter, entry.country, None, True, mention)

    def _state_force(self, phrase: str) -> Actor | None:
        words = phrase.split()
        for i, word in enumerate(words[:-1]):
            country = self._countries.by_demonym(word) or self._countries.by_name(word.split("-")[0])
            rest = " ".join(words[i + 1 :])
            if country is None:
                continue
            if self._police.search(rest):
                return Actor(f"Police Forces of {country.name}", 1, country.iso2, None, True, phrase)
            if self._force.search(rest):
                return Actor(f"Military Forces of {country.name}", 1, country.iso2, None, True, phrase)
        return None

    def _generic_actor(self, phrase: str, country: str | None) -> Actor | None:
        named = self._countries.by_code(country) if country else None
        for generic in self._generic:
            match = generic.pattern.search(phrase)
            if match:
                label = named.name if named else "Unknown"
                return Actor(generic.template.format(country=label), generic.inter, country, None, True, phrase)
        return None

    def _unresolved(self, phrase: str) -> Actor | None:
        if not self._armed.search(phrase):
            return None
        name = re.sub(r"^(the|a|an|some|several|many)\s+", "", phrase, flags=re.IGNORECASE)
        return Actor(name, 3, None, None, False, phrase)


def _where(actor: Actor | None, country: str | None) -> Actor | None:
    """A state's forces are state forces (inter 1) at home and external forces (inter 8) abroad: Turkey's
    army is 1 in Turkey and 8 in Iraq. Where the event's country is unknown the dictionary's code stands."""
    if actor is None or country is None or actor.country is None or actor.inter not in (_STATE, _EXTERNAL):
        return actor
    if not actor.name.startswith(_STATE_FORCES):
        return actor
    inter = _STATE if actor.country == country else _EXTERNAL
    return dataclasses.replace(actor, inter=inter) if inter != actor.inter else actor


def load_actor_dictionary(countries: CountryTable, extra: Iterable[Path] = ()) -> ActorDictionary:
    """The shipped dictionary, extended by user dictionaries (same YAML shape; their entries come first)."""
    raw = data_yaml("actors.yaml")
    for path in extra:
        try:
            user = read_yaml(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read actor dictionary ({exc})") from exc
        if not isinstance(user, dict) or not isinstance(user.get("actors", []), list):
            raise ConfigError(f"{path}: an actor dictionary needs a top-level 'actors' list")
        raw["actors"] = list(user.get("actors", [])) + raw["actors"]
    return ActorDictionary(raw, countries)


def _entry(item: dict[str, Any]) -> _Entry:
    aliases = [item["name"], *item.get("aliases", [])]
    local = _alias_pattern(item["local_aliases"]) if item.get("local_aliases") else None
    first_words = frozenset(_WORD.findall(alias.lower())[0] for alias in aliases if _WORD.search(alias))
    opens_with_word = all(_WORD.match(alias) for alias in aliases)
    return _Entry(
        item["name"], int(item["inter"]), item.get("country"), item.get("parent"), _alias_pattern(aliases), local,
        first_words, opens_with_word,
    )  # fmt: skip


def _word_starts(text: str) -> dict[str, list[int]]:
    """Each word of ``text`` with the offsets where it begins, in order."""
    starts: dict[str, list[int]] = {}
    for match in _WORD.finditer(text):
        starts.setdefault(match.group(), []).append(match.start())
    return starts


def _search(entry: _Entry, text: str, at: dict[str, list[int]] | None) -> re.Match[str] | None:
    """``entry.pattern.search(text)``, tried only where one of its aliases' first words begins (``at``: the
    words of the lower-cased text and where they begin). The pattern's look-behind lets a match begin only where
    a word does, and an alias that opens with its first word matches only where that word stands whole: the
    same first match, found without trying the pattern at every character of a long text."""
    if at is None or not entry.opens_with_word:
        return entry.pattern.search(text)
    for start in sorted(offset for word in entry.first_words for offset in at.get(word, ())):
        if (match := entry.pattern.match(text, start)) is not None:
            return match
    return None


def _alias_pattern(aliases: list[str]) -> re.Pattern[str]:
    parts = []
    for alias in sorted(aliases, key=len, reverse=True):
        escaped = re.escape(alias).replace(r"\ ", r"[\s-]+")
        parts.append(escaped if alias.isupper() and len(alias) <= 4 else f"(?i:{escaped})")
    return re.compile(rf"(?<![\w-])({'|'.join(parts)})(?![\w])")


def _words(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)\b({alternatives})\b")
