"""Score sitroom's temporal tagger against TimeML gold: extent F1 and value accuracy, strict or relaxed."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from sitroom.evaluate.metrics import f1
from sitroom.evaluate.timeml import GoldTimex, TimeMLDocument
from sitroom.model import TimeExpression
from sitroom.time import tag_document

Tagger = Callable[[TimeMLDocument], tuple[TimeExpression, ...]]


@dataclass(frozen=True, slots=True)
class Difference:
    """One disagreement with the gold, for reading errors: a miss, a spurious expression or a wrong value."""

    document: str
    kind: str  # "missed", "spurious" or "value"
    text: str
    gold_value: str | None
    predicted_text: str | None
    predicted_value: str | None


@dataclass(slots=True)
class TimexScores:
    """Counts over a corpus; the figures follow from them."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_correct: int = 0
    differences: list[Difference] = field(default_factory=list)

    @property
    def extent_f1(self) -> float:
        return f1(self.matched, self.predicted, self.gold)

    @property
    def value_accuracy(self) -> float:
        """Share of matched gold expressions whose predicted value equals the gold value."""
        return self.value_correct / self.matched if self.matched else 0.0

    def figures(self) -> dict[str, float | int]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "extent_f1": round(self.extent_f1, 4),
            "value_accuracy": round(self.value_accuracy, 4),
        }


def spacy_tagger(nlp: Language) -> Tagger:
    """Tag a TimeML document's raw text the way ingest tags an article: parsed, anchored on its DCT."""

    def tag(document: TimeMLDocument) -> tuple[TimeExpression, ...]:
        return tag_document(nlp(document.text), document.path.stem, document.created)

    return tag


def score(documents: Iterable[TimeMLDocument], tagger: Tagger, relaxed: bool = False) -> TimexScores:
    """Compare the tagger's expressions with the gold ones, document by document."""
    scores = TimexScores()
    for document in documents:
        predicted = tagger(document)
        scores.documents += 1
        scores.gold += len(document.timexes)
        scores.predicted += len(predicted)
        matched_predictions: set[int] = set()
        for gold, guess in _match(document.timexes, predicted, relaxed):
            name = document.path.stem
            if guess is None:
                scores.differences.append(Difference(name, "missed", gold.text, gold.value, None, None))
                continue
            matched_predictions.add(id(guess))
            scores.matched += 1
            if guess.value == gold.value:
                scores.value_correct += 1
            else:
                scores.differences.append(Difference(name, "value", gold.text, gold.value, guess.text, guess.value))
        for guess in predicted:
            if id(guess) not in matched_predictions:
                scores.differences.append(
                    Difference(document.path.stem, "spurious", guess.text, None, guess.text, guess.value)
                )
    return scores


def _match(
    gold: tuple[GoldTimex, ...], predicted: tuple[TimeExpression, ...], relaxed: bool
) -> Iterator[tuple[GoldTimex, TimeExpression | None]]:
    """Pair each gold expression with at most one prediction: the same span, or (relaxed) an overlapping one."""
    free = list(predicted)
    for g in gold:
        best = None
        for p in free:
            start, end = p.provenance.start, p.provenance.end
            if (start, end) == (g.start, g.end) or (relaxed and start < g.end and g.start < end):
                best = p
                break
        if best is not None:
            free.remove(best)
        yield g, best


def write_differences(scores: TimexScores, path: Path) -> None:
    """One JSON line per disagreement, for reading the tagger's errors."""
    with path.open("w", encoding="utf-8") as handle:
        for d in scores.differences:
            handle.write(json.dumps(dataclasses.asdict(d), ensure_ascii=False) + "\n")
