"""Clean: near-duplicates found by MinHash LSH, scored by estimated containment, on the example articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.clean.duplicates import NearDuplicateIndex, Signature, overlap, shingles


def _text(examples: Path, stem: str) -> str:
    return (examples / f"{stem}.txt").read_text(encoding="utf-8")


def _edited(text: str) -> str:
    """A syndicated reprint: its own headline and footer, a paragraph cut, a few words changed."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "\n\n".join(paragraphs[1:-3]).replace("Mosul", "Mosul city", 3).replace("said", "told reporters", 2)
    return f"REPRINT: Iraq offensive latest\n\n{body}\n\nDistributed by a news agency. All rights reserved."


def test_a_reprint_with_edits_is_a_copy_of_its_original(examples: Path) -> None:
    index = NearDuplicateIndex(threshold=0.8)
    for stem in ("000_5a2efb6d2c4bef1a", "001_e13b050aafb0a1da", "002_f93fea5c4e1dda40"):
        index.add(stem, _text(examples, stem))
    found = index.find(_edited(_text(examples, "002_f93fea5c4e1dda40")))
    assert found is not None and found[0] == "002_f93fea5c4e1dda40" and found[1] >= 0.8


def test_a_page_embedding_an_article_is_found_both_ways(examples: Path) -> None:
    guest = _text(examples, "001_e13b050aafb0a1da")
    host = _text(examples, "003_0c45055026b81138")[:3000] + "\n\n" + guest
    index = NearDuplicateIndex(threshold=0.8)
    index.add("001", guest)
    assert index.find(host) is not None and index.find(host)[0] == "001"  # type: ignore[index]
    reverse = NearDuplicateIndex(threshold=0.8)
    reverse.add("page", host)
    assert reverse.find(guest) == ("page", pytest.approx(1.0, abs=0.1))


def test_the_estimate_follows_the_exact_containment(examples: Path) -> None:
    stems = sorted(p.stem for p in examples.glob("*.txt"))
    for a in stems:
        for b in stems:
            exact = overlap(shingles(_text(examples, a)), shingles(_text(examples, b)))
            estimate = Signature.of(_text(examples, a)).containment(Signature.of(_text(examples, b)))
            assert estimate == pytest.approx(exact, abs=0.12)


def test_distinct_reports_of_one_offensive_are_not_copies(examples: Path) -> None:
    index = NearDuplicateIndex(threshold=0.8)
    stems = sorted(p.stem for p in examples.glob("*.txt"))
    for stem in stems[:-1]:
        index.add(stem, _text(examples, stem))
    assert index.find(_text(examples, stems[-1])) is None
    assert index.find(_text(examples, stems[0]), exclude=stems[0]) is None
    assert len(index) == len(stems) - 1


def test_a_file_index_outlives_its_run_and_syncs_with_the_store(examples: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb.neardup"
    texts = {stem: _text(examples, stem) for stem in ("000_5a2efb6d2c4bef1a", "001_e13b050aafb0a1da")}
    index = NearDuplicateIndex(threshold=0.8, path=path)
    index.add_many(texts.items())
    index.close()
    reopened = NearDuplicateIndex(threshold=0.8, path=path)
    assert len(reopened) == 2 and reopened.find(texts["001_e13b050aafb0a1da"]) == ("001_e13b050aafb0a1da", 1.0)
    # the store now holds 001 and 002 only: 000 goes, 002 comes from the store's texts
    third = "002_f93fea5c4e1dda40"
    reopened.sync({"001_e13b050aafb0a1da", third}, lambda ids: [(i, _text(examples, i)) for i in ids])
    assert reopened.ids() == {"001_e13b050aafb0a1da", third}
    assert reopened.find(_text(examples, third), exclude=None) == (third, 1.0)
    assert reopened.find(texts["000_5a2efb6d2c4bef1a"]) is None
    reopened.close()
