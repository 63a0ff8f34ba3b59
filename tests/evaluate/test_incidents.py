"""Evaluation: incident lists scored row by row, and sub-event types scored as labels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.evaluate.incidents import main_event, read_incidents, score_incidents
from sitroom.evaluate.subtypes import NO_EVENT, SubtypeScores
from sitroom.fuse import fuse_mentions
from sitroom.pipeline import Coder

CSV = """date,type,dead,injured,location,details,perpetrator
2016-10-30,bombing,17,0,"Baghdad, Iraq","Five bomb attacks attributed to ISIS took place in Baghdad, killing 17 people.",Islamic State
2016-10-30,shooting,0,2,"Kirkuk, Iraq","Gunmen opened fire on a checkpoint in Kirkuk, wounding two policemen.",Unknown
"""


def test_rows_are_scored_on_what_the_events_say(tmp_path: Path, coder: Coder) -> None:
    path = tmp_path / "incidents.csv"
    path.write_text(CSV, encoding="utf-8")
    scores = score_incidents(read_incidents(path), coder, coder.gazetteer, coder.countries, coder.actors)
    figures = scores.figures()
    assert figures["rows"] == 2 and figures["detected"] == 1.0
    assert figures["killed_exact"] == 1.0 and figures["injured_exact"] == 1.0
    assert figures["mode"] == 1.0 and figures["location"] == 1.0
    assert figures["perpetrator"] == 1.0  # over the one row whose perpetrator is known


def test_the_main_event_is_the_deadliest_then_violence_before_a_development(coder: Coder) -> None:
    text = (
        "A bomb exploded outside a party office in Dresden on Sunday. Three men were arrested on Monday. "
        "In Kano, gunmen shot dead two guards the same day."
    )
    events = fuse_mentions(coder.code_text(text, published=dt.date(2019, 5, 7)))
    assert {e.sub_event_type for e in events} >= {"Remote explosive/landmine/IED", "Arrests"}
    main = main_event(events)
    assert main is not None and main.fatalities == 2
    rest = tuple(e for e in events if e is not main)
    second = main_event(rest)
    assert second is not None and second.sub_event_type == "Remote explosive/landmine/IED"


def test_missing_columns_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("date,details\n2016-10-30,text\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv: missing column"):
        read_incidents(path)


def test_subtypes_score_counts_non_acled_labels_as_no_event() -> None:
    scores = SubtypeScores(
        [
            ("Air/drone strike", "Air/drone strike"),
            ("Attack", "Armed clash"),
            (NO_EVENT, "Arrests"),
            (NO_EVENT, NO_EVENT),
        ]
    )
    figures = scores.figures()
    assert figures["snippets"] == 4
    assert figures["micro_f1"] == 0.4  # 1 right of 3 predicted and of 2 expected: P 1/3, R 1/2
    assert figures["macro_f1"] == 0.5  # Air/drone strike 1.0, Attack 0.0
