"""Evaluation: gold toponyms resolved in their articles' context and scored by distance."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.evaluate.geocode import MAX_ERROR_KM, GeocodeScores, read_geocode_gold, score_geocoding
from sitroom.pipeline import Coder

TEXT = "Iraqi troops advanced on Mosul from Erbil on Monday, and Turkish officials said Ankara was watching."
LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[{TEXT}]]></text>
    <toponyms>
      <toponym><start>25</start><end>30</end><phrase>Mosul</phrase>
        <gaztag geonameid="99072"><name>Mosul</name><lat>36.335</lat><lon>43.1189</lon></gaztag></toponym>
      <toponym><start>36</start><end>41</end><phrase>Erbil</phrase>
        <gaztag geonameid="95446"><name>Erbil</name><lat>36.1926</lat><lon>44.0106</lon></gaztag></toponym>
      <toponym><start>0</start><end>5</end><phrase>Iraqi</phrase></toponym>
      <toponym><start>57</start><end>64</end><phrase>Turkish</phrase>
        <gaztag geonameid="298795"><name>Turkey</name><lat>39.0</lat><lon>35.0</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""
GEOVIRUS = f"""<articles><article><source>x</source><text>{TEXT}</text><locations>
  <location><name>Ankara</name><start>81</start><end>87</end><lat>39.92</lat><lon>32.85</lon></location>
</locations></article></articles>"""


def test_both_formats_are_read_and_ungrounded_toponyms_skipped(tmp_path: Path) -> None:
    lgl, geovirus = tmp_path / "lgl.xml", tmp_path / "geovirus.xml"
    lgl.write_text(LGL, encoding="utf-8")
    geovirus.write_text(GEOVIRUS, encoding="utf-8")
    (article,) = read_geocode_gold(lgl)
    assert [t.name for t in article.toponyms] == ["Mosul", "Erbil", "Turkish"]  # "Iraqi" has no coordinates
    assert all(article.text[t.start : t.end] == t.name for t in article.toponyms)
    (other,) = read_geocode_gold(geovirus)
    assert [(t.name, t.latitude) for t in other.toponyms] == [("Ankara", 39.92)]


def test_toponyms_resolve_in_context_and_demonyms_to_their_country(tmp_path: Path, coder: Coder) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    scores = score_geocoding(read_geocode_gold(path), coder.nlp, coder.gazetteer, coder.countries)
    mosul, erbil, turkish = scores.errors
    assert mosul < 10 and erbil < 10
    assert turkish < 161  # a country is scored at its centroid
    figures = scores.figures()
    assert figures["toponyms"] == 3 and figures["acc161"] == 1.0 and figures["per_second"] > 0


def test_figures_follow_gritta_et_al() -> None:
    scores = GeocodeScores(errors=[0.0, 100.0, 200.0, MAX_ERROR_KM], seconds=2.0)
    figures = scores.figures()
    assert figures["acc161"] == 0.5 and figures["median_km"] == 150.0 and figures["per_second"] == 2
    assert 0 < float(figures["auc"]) < 1  # 0 would be every toponym exact, 1 every one at the antipodes


@pytest.mark.parametrize(("content", "problem"), [("<articles><article>", "not well-formed"), ("<x/>", "no <article>")])
def test_bad_files_get_one_line_errors(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        read_geocode_gold(path)
    assert str(path) in str(caught.value)
