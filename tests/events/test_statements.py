"""Events: threats, vows, plans, denials and hypotheticals are kept as statements, with speaker and target."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.pipeline import Coder

PUBLISHED = dt.date(2016, 11, 1)


@pytest.mark.parametrize(
    ("text", "kind", "about", "speaker", "target"),
    [
        ("Trump threatened to bomb regime targets in Syria on Monday.", "threat", "Remote explosive/landmine/IED",
         "Trump", "regime targets"),
        ("The Shia militias vowed Saturday to attack Turkish troops in Bashiqa.", "vow", "Armed clash",
         "Shiite Muslim Militia (Iraq)", "Military Forces of Turkey (2016-)"),
        ("Damascus, which threatened to shoot down Turkish planes, is wary of the offensive.", "threat",
         "Armed clash", "Damascus", "Turkish planes"),
        ("Trump's attack on Syria didn't go ahead this time.", "negation", "Armed clash", None, "Syria"),
        ("The Iraqi army will launch an offensive to capture Mosul next week.", "plan",
         "Government regains territory", "Military Forces of Iraq (2014-2018)", "Mosul"),
        ("The Syrian army rejected accusations of bombing a mosque in Aleppo province.", "denial",
         "Remote explosive/landmine/IED", "Military Forces of Syria (2000-2024)", "a mosque"),
    ],
)  # fmt: skip
def test_statement_kind_speaker_and_target(
    coder: Coder, text: str, kind: str, about: str, speaker: str | None, target: str | None
) -> None:
    coded = coder.code_document(text, published=PUBLISHED)
    assert coded.mentions == ()  # never an event
    first = coded.statements[0]
    said_by = first.speaker_actor.name if first.speaker_actor and first.speaker_actor.resolved else first.speaker
    aimed_at = first.target_actor.name if first.target_actor and first.target_actor.resolved else first.target
    assert (first.kind, first.about, said_by, aimed_at) == (kind, about, speaker, target)
    assert first.sentence in text and text[first.trigger_start : first.trigger_end] == first.trigger


def test_one_statement_per_threat(coder: Coder) -> None:
    coded = coder.code_document(
        "Damascus threatened to shoot down Turkish planes carrying out air strikes on its territory.",
        published=PUBLISHED,
    )
    assert [s.kind for s in coded.statements] == ["threat"]


def test_background_history_is_no_statement(coder: Coder) -> None:
    coded = coder.code_document("Following the 2006 bombing of the Samarra shrine, violence spread.")
    assert all(s.kind != "background" for s in coded.statements)
