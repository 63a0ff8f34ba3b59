"""`sitroom eval fusion`: do reports of one incident become one event, and reports of others not?

The gold file has one JSON object a line, ``{"cluster": id, "article": {...}}``: an article (the fields
`sitroom ingest` reads from JSONL) and the incident it reports. Every article is coded and all mentions are
fused together, as `sitroom ingest` would; each article is then placed in the event of its main mention (the
deadliest, as `sitroom eval incidents` picks it), or alone where it has none. The clusters of articles this
gives are scored against the gold ones, by pairs and by B-cubed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from sitroom.clean import clean_article
from sitroom.errors import InputError
from sitroom.evaluate.incidents import main_event
from sitroom.ingest import Skipped, article_from_record
from sitroom.model import Article
from sitroom.pipeline import Coder


@dataclass(frozen=True, slots=True)
class Report:
    """One gold line: an article and the incident it reports."""

    cluster: str
    article: Article


def read_fusion_set(path: Path) -> list[Report]:
    """The gold file's reports; a bad line is an error naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the fusion set ({exc})") from exc
    reports: list[Report] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"invalid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or "cluster" not in record or not isinstance(record.get("article"), dict):
            raise InputError(where, 'each line needs {"cluster": id, "article": {...}}')
        built = article_from_record(where, record["article"])
        if isinstance(built, Skipped):
            raise InputError(where, built.reason)
        reports.append(Report(str(record["cluster"]), built.article))
    ids = [r.article.id for r in reports]
    if len(set(ids)) != len(ids):
        raise InputError(str(path), "article ids repeat; give each article its own 'id'")
    if not reports:
        raise InputError(str(path), "no reports in the file")
    return reports


@dataclass(frozen=True, slots=True)
class FusionScores:
    articles: int
    gold_clusters: int
    predicted_clusters: int
    pairwise: tuple[float, float, float]
    bcubed: tuple[float, float, float]

    def figures(self) -> dict[str, float | int]:
        return {
            "articles": self.articles,
            "gold_clusters": self.gold_clusters,
            "predicted_clusters": self.predicted_clusters,
            "pairwise_precision": round(self.pairwise[0], 4),
            "pairwise_recall": round(self.pairwise[1], 4),
            "pairwise_f1": round(self.pairwise[2], 4),
            "bcubed_precision": round(self.bcubed[0], 4),
            "bcubed_recall": round(self.bcubed[1], 4),
            "bcubed_f1": round(self.bcubed[2], 4),
        }


def score_fusion(reports: list[Report], coder: Coder) -> FusionScores:
    """Code and fuse every report, and score the article clusters against the gold ones."""
    from sitroom.fuse import fuse_mentions

    articles = [clean_article(r.article)[0] for r in reports]
    mentions = [m for coded in coder.code(articles) for m in coded.mentions]
    events = [e for e in fuse_mentions(mentions) if not e.historical]
    by_article: dict[str, list[str]] = defaultdict(list)
    for event in events:
        for source in event.sources:
            by_article[source].append(event.id)
    found = {e.id: e for e in events}
    predicted: dict[str, str] = {}
    for report in reports:
        own = tuple(found[i] for i in dict.fromkeys(by_article.get(report.article.id, ())))
        main = main_event(own)
        predicted[report.article.id] = main.id if main is not None else f"alone:{report.article.id}"
    gold = {r.article.id: r.cluster for r in reports}
    return FusionScores(
        articles=len(reports),
        gold_clusters=len(set(gold.values())),
        predicted_clusters=len(set(predicted.values())),
        pairwise=pairwise_scores(gold, predicted),
        bcubed=bcubed_scores(gold, predicted),
    )


def pairwise_scores(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over the pairs of items put in one cluster."""
    gold_pairs, predicted_pairs = _pairs(gold), _pairs(predicted)
    shared = len(gold_pairs & predicted_pairs)
    precision = shared / len(predicted_pairs) if predicted_pairs else 1.0
    recall = shared / len(gold_pairs) if gold_pairs else 1.0
    return precision, recall, _harmonic(precision, recall)


def bcubed_scores(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998): per item, the share of its predicted
    cluster in its gold cluster, and the reverse, averaged over items."""
    gold_members, predicted_members = _members(gold), _members(predicted)
    precision = recall = 0.0
    for item in gold:
        same = len(gold_members[gold[item]] & predicted_members[predicted[item]])
        precision += same / len(predicted_members[predicted[item]])
        recall += same / len(gold_members[gold[item]])
    n = len(gold) or 1
    return precision / n, recall / n, _harmonic(precision / n, recall / n)


def _pairs(assignment: dict[str, str]) -> set[tuple[str, str]]:
    return {pair for members in _members(assignment).values() for pair in combinations(sorted(members), 2)}


def _members(assignment: dict[str, str]) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for item, cluster in assignment.items():
        members[cluster].add(item)
    return members


def _harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def build_fusion_set(index: Path, incidents_csv: Path) -> list[dict[str, object]]:
    """The gold lines an index of incident rows gives (see ``evaluation/wiki_terror_fusion_dev.tsv``): each
    row's details as an article published on its date, with the row's cluster. The rows are read from the
    incident list where it lies; the index holds only row numbers and judgements."""
    from sitroom.evaluate.incidents import read_incidents

    rows = {incident.number: incident for incident in read_incidents(incidents_csv)}
    lines: list[dict[str, object]] = []
    try:
        text = index.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(index), f"cannot read the index ({exc})") from exc
    body = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip() and not line.startswith("#")]
    for number, line in body[1:]:  # after the header
        fields = line.split("\t")
        if len(fields) < 2 or not fields[1].isdigit():
            raise InputError(f"{index}:{number}", "expected: cluster <TAB> row <TAB> judgement")
        row = rows.get(int(fields[1]))
        if row is None:
            raise InputError(f"{index}:{number}", f"{incidents_csv} has no row {fields[1]}")
        article = {"id": f"incident-row-{row.number}", "text": row.details, "published": row.date.isoformat(),
                   "outlet": f"{incidents_csv.name}, row {row.number}"}  # fmt: skip
        lines.append({"cluster": fields[0], "article": article})
    return lines
