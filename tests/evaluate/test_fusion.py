"""Eval fusion: the gold file's format and errors, the cluster scores, and the dev set built from its index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.evaluate.fusion import bcubed_scores, build_fusion_set, pairwise_scores, read_fusion_set, score_fusion
from sitroom.pipeline import Coder

ROOT = Path(__file__).resolve().parents[2]
INCIDENTS = ROOT.parent / "shared" / "dev" / "wiki-terror" / "incidents_2010_2019_dev.csv"
INDEX = ROOT / "evaluation" / "wiki_terror_fusion_dev.tsv"


def test_pairwise_and_bcubed_scores_follow_their_definitions() -> None:
    gold = {"a": "1", "b": "1", "c": "1", "d": "2"}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    precision, recall, f1 = pairwise_scores(gold, predicted)
    assert (precision, recall) == (0.5, pytest.approx(1 / 3))  # pairs ab, cd predicted; ab, ac, bc gold
    assert f1 == pytest.approx(0.4)
    b_precision, b_recall, _ = bcubed_scores(gold, predicted)
    assert b_precision == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert b_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert pairwise_scores(gold, gold) == (1.0, 1.0, 1.0) and bcubed_scores(gold, gold) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"cluster": 1}', '"cluster": id, "article"'),
        ('{"cluster": 1, "article": {"id": "a"}}', "no 'text' or 'html'"),
    ],
)
def test_a_bad_gold_line_names_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    good = json.dumps({"cluster": "k", "article": {"id": "ok", "text": "A bomb exploded in Kabul."}})
    path.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read_fusion_set(path)
    assert str(caught.value).startswith(f"{path}:2")


def test_two_outlets_on_one_strike_are_one_cluster_and_another_attack_is_not(tmp_path: Path, coder: Coder) -> None:
    lines = [
        ("kirkuk", "a", "2016-10-24", "A US air strike killed at least 15 women at a Shia shrine in Kirkuk on Friday."),
        (
            "kirkuk",
            "b",
            "2016-10-22",
            "An air strike killed between 15 and 20 civilians at a funeral in Kirkuk on Friday.",
        ),
        ("baghdad", "c", "2016-10-24", "A car bomb killed nine people at a market in Baghdad on Friday."),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"cluster": c, "article": {"id": i, "published": d, "text": t}}) + "\n"
                            for c, i, d, t in lines), encoding="utf-8")  # fmt: skip
    figures = score_fusion(read_fusion_set(path), coder).figures()
    assert figures["pairwise_f1"] == 1.0 and figures["bcubed_f1"] == 1.0 and figures["predicted_clusters"] == 2


@pytest.mark.skipif(not INCIDENTS.is_file(), reason=f"dev incident list not found at {INCIDENTS}")
def test_the_dev_set_is_built_from_the_rows_its_index_names() -> None:
    lines = build_fusion_set(INDEX, INCIDENTS)
    clusters = {line["cluster"] for line in lines}
    assert (len(lines), len(clusters)) == (61, 50)
    article = lines[0]["article"]
    assert isinstance(article, dict) and article["id"] == "incident-row-2456" and "journalist" in article["text"]
