"""Which side the people a count names are on: the attackers, the security forces, or civilians.

Two figures of one account with the same number may count the same people twice ("killed two people ...
the two victims") or two sides of a fight ("killing two soldiers ... Two attackers were killed"); the
words for the people counted tell these apart.
"""

from __future__ import annotations

import re

_ATTACKERS = {
    "attacker", "assailant", "militant", "gunman", "bomber", "insurgent", "terrorist", "perpetrator", "jihadist",
    "rebel", "fighter", "kidnapper", "extremist", "guerrilla", "guerilla", "naxal", "naxalite", "maoist",
    "separatist", "hijacker", "infiltrator", "raider",
}  # fmt: skip
_SECURITY = {
    "soldier", "troop", "policeman", "policewoman", "police", "officer", "guard", "serviceman", "personnel",
    "trooper", "commando", "marine", "paramilitary", "gendarme", "constable", "jawan", "cop", "recruit", "cadet",
    "sailor", "airman", "peacekeeper", "ranger", "levy", "levies", "militiaman", "sepoy", "rifleman",
}  # fmt: skip
_CIVILIANS = {
    "civilian", "woman", "child", "resident", "villager", "mourner", "worshipper", "passenger", "student",
    "pilgrim", "shopper", "girl", "boy", "farmer", "teacher", "worker", "journalist", "doctor", "nurse",
    "bystander", "tourist", "patient", "pupil", "shepherd", "fisherman", "trader", "vendor", "commuter",
}  # fmt: skip
_SIDES = {"attackers": _ATTACKERS, "security": _SECURITY, "civilians": _CIVILIANS}
_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "person"}


def side_of(word: str) -> str | None:
    """'soldiers' -> security, 'gunmen' -> attackers, 'villagers' -> civilians; None for anyone else."""
    key = _singular(word.lower())
    return next((side for side, words in _SIDES.items() if key in words), None)


def side_in(text: str, words: int = 4) -> str | None:
    """The side of the first of the next few ``words`` of ``text`` that names one ("Afghan soldiers")."""
    for word in re.findall(r"[A-Za-z-]+", text)[:words]:
        side = side_of(word)
        if side is not None:
            return side
    return None


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("men") and word[:-3] + "man" != "man":
        return word[:-3] + "man"  # gunmen, policemen, militiamen
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
