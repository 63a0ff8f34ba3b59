"""The language stage's additions to the spaCy pipeline: paragraph breaks, labels and footnote marks."""

from __future__ import annotations

from spacy.language import Language


def test_footnote_marks_are_split_off_and_end_their_sentence(nlp: Language) -> None:
    doc = nlp("A man killed two policemen in Astrakhan.[9] Four insurgents were also killed.[10][11] Then calm.")
    assert [t.text for t in doc[:9]][-4:] == ["in", "Astrakhan", ".", "[9]"]
    assert [s.text for s in doc.sents] == [
        "A man killed two policemen in Astrakhan.[9]",
        "Four insurgents were also killed.[10][11]",
        "Then calm.",
    ]
    assert "Astrakhan" in {e.text for e in doc.ents}


def test_brackets_that_are_not_footnote_marks_are_left_alone(nlp: Language) -> None:
    doc = nlp("The list [1] names the towns [a, b].")
    assert [t.text for t in doc][:5] == ["The", "list", "[", "1", "]"]
    assert len(list(doc.sents)) == 1


def test_a_blank_line_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("Mosul offensive enters third week\n\nIraqi forces advanced on Monday.")
    assert [s.text.strip() for s in doc.sents][-1] == "Iraqi forces advanced on Monday."
