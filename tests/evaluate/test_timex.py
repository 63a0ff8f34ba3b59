"""Evaluation: reading TimeML and scoring the temporal tagger against it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from sitroom.errors import InputError
from sitroom.evaluate.timeml import TimeMLDocument, read_timeml, read_timeml_paths
from sitroom.evaluate.timex import score, spacy_tagger
from sitroom.model import Provenance, TimeExpression

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">19980807</TIMEX3></DCT>
<TEXT>
The embassy was bombed <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, and <EVENT eid="e1">talks</EVENT> lasted <TIMEX3 tid="t2" type="DURATION" value="P2D">the past two days</TIMEX3> &amp; more.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def document(tmp_path: Path) -> TimeMLDocument:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    return read_timeml(path)


def test_reader_keeps_offsets_into_the_untagged_text(document: TimeMLDocument) -> None:
    assert document.created == dt.date(1998, 8, 7)
    assert [(g.text, g.type, g.value) for g in document.timexes] == [
        ("Friday", "DATE", "1998-08-07"), ("the past two days", "DURATION", "P2D")
    ]  # fmt: skip
    assert all(document.text[g.start : g.end] == g.text for g in document.timexes)
    assert "<" not in document.text and "& more" in document.text


def _timex(document: TimeMLDocument, text: str, value: str) -> TimeExpression:
    start = document.text.index(text)
    return TimeExpression(text, Provenance("d", start, start + len(text)), value, None, None, None)


def test_strict_and_relaxed_scores(document: TimeMLDocument) -> None:
    guesses = (_timex(document, "Friday", "1998-07-31"), _timex(document, "two days", "P2D"),
               _timex(document, "embassy", "X"))  # fmt: skip
    strict = score([document], lambda d: guesses)
    assert (strict.gold, strict.predicted, strict.matched, strict.value_correct) == (2, 3, 1, 0)
    assert strict.extent_f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    relaxed = score([document], lambda d: guesses, relaxed=True)
    assert (relaxed.matched, relaxed.value_correct, relaxed.value_accuracy) == (2, 1, 0.5)
    kinds = sorted(d.kind for d in strict.differences)
    assert kinds == ["missed", "spurious", "spurious", "value"]


def test_the_tagger_finds_and_resolves_the_gold_expressions(document: TimeMLDocument, nlp: Language) -> None:
    scores = score([document], spacy_tagger(nlp))
    assert scores.figures() == {"documents": 1, "gold": 2, "predicted": 2, "extent_f1": 1.0, "value_accuracy": 1.0}


def test_unreadable_inputs_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tml"):
        read_timeml(bad)
    no_dct = tmp_path / "nodct.tml"
    no_dct.write_text("<TimeML><TEXT>text</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(InputError, match="creation time"):
        read_timeml(no_dct)
    with pytest.raises(InputError, match="no such file"):
        read_timeml_paths(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \.tml files"):
        read_timeml_paths(tmp_path / "empty")
