"""Score sub-event typing against CASE 2021 task 2 snippets (id, EventSnippet, SubType).

Each snippet is coded as an article; its label is the sub-event type of its first event, or "no event".
Gold labels outside ACLED's taxonomy (DIPLO, NATURAL_DISASTER, ORG_CRIME, ...) count as "no event".
Micro F1 counts a prediction as right only when it names the gold ACLED sub-type; macro F1 averages the
F1 of each ACLED sub-type present in the gold.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from sitroom.clean import clean_article
from sitroom.errors import InputError
from sitroom.evaluate.metrics import f1
from sitroom.model import Article
from sitroom.pipeline import Coder

NO_EVENT = "no event"
CASE_TO_ACLED = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb", "VIOL_DEMONSTR": "Violent demonstration",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    gold: str  # an ACLED sub-event type or NO_EVENT


@dataclass(slots=True)
class SubtypeScores:
    """(gold, predicted) label pairs; the figures follow from them."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    def _f1(self, label: str | None) -> float:
        def counts(gold: str, guess: str) -> tuple[int, int, int]:
            hit = gold == guess != NO_EVENT and (label is None or gold == label)
            predicted = guess != NO_EVENT and (label is None or guess == label)
            expected = gold != NO_EVENT and (label is None or gold == label)
            return int(hit), int(predicted), int(expected)

        rows = [counts(g, p) for g, p in self.pairs]
        tp, pred, gold = (sum(row[i] for row in rows) for i in range(3))
        return f1(tp, pred, gold)

    def figures(self) -> dict[str, float | int]:
        labels = sorted({g for g, _ in self.pairs if g != NO_EVENT})
        macro = sum(self._f1(label) for label in labels) / len(labels) if labels else 0.0
        return {"snippets": len(self.pairs), "micro_f1": round(self._f1(None), 4), "macro_f1": round(macro, 4)}


def read_snippets(path: Path) -> list[Snippet]:
    """The rows of a CASE 2021 task 2 TSV; raises InputError naming the file and the problem."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = {"id", "EventSnippet", "SubType"} - set(reader.fieldnames or [])
            if missing:
                raise InputError(
                    str(path), f"missing column(s) {', '.join(sorted(missing))}; expected id, EventSnippet, SubType"
                )
            return [
                Snippet(r["id"], r["EventSnippet"], CASE_TO_ACLED.get(r["SubType"].strip(), NO_EVENT)) for r in reader
            ]
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from exc


def score_subtypes(snippets: list[Snippet], coder: Coder) -> SubtypeScores:
    articles = [clean_article(Article(id=f"snippet-{s.id}", text=s.text))[0] for s in snippets]
    scores = SubtypeScores()
    for snippet, coded in zip(snippets, coder.code(articles), strict=True):
        mentions = coded.mentions
        scores.pairs.append((snippet.gold, mentions[0].sub_event_type if mentions else NO_EVENT))
    return scores
