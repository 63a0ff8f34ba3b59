"""Load the spaCy pipeline named in the settings, once per process."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitroom.errors import ConfigError


@Language.component("sitroom_paragraphs")  # type: ignore[untyped-decorator]
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so headlines never join the first paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


# A label before a colon is a few words with no finite verb: "2017 Quetta church attack: At least nine ...".
_LABEL_MAX_TOKENS = 12
FINITE_TAGS = {"VB", "VBD", "VBP", "VBZ", "MD"}  # also how events/labels.py knows a label
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}


@Language.component("sitroom_labels")  # type: ignore[untyped-decorator]
def mark_labels(doc: Doc) -> Doc:
    """Start a sentence after a label that opens a paragraph ("Kabul bombing: A suicide bomber killed ..."), so
    the parser never reads the label as the subject of what follows it."""
    for start in (t for t in doc if t.i == 0 or t.is_sent_start):
        label = doc[start.i : start.i + _LABEL_MAX_TOKENS]
        colon = next((t for t in label if t.text == ":"), None)
        if colon is None or colon.i == start.i or colon.i + 1 >= len(doc) or doc[colon.i + 1].is_space:
            continue
        before = doc[start.i : colon.i]
        if any(t.tag_ in FINITE_TAGS for t in before) or not any(t.tag_ in _NOUN_TAGS for t in before):
            continue
        doc[colon.i + 1].is_sent_start = True
    return doc


@cache
def load_model(name: str) -> Language:
    """Load the installed spaCy package ``name``; raise ConfigError with the fix when it is missing."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; run `make install` (or pip install the package that "
            f"provides it) or set SITROOM_MODEL to an installed pipeline"
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ConfigError(f"spaCy model {name!r} lacks {', '.join(sorted(missing))}, which sitroom needs")
    nlp.add_pipe("sitroom_paragraphs", before="parser")
    nlp.add_pipe("sitroom_labels", after="sitroom_paragraphs")
    return nlp
