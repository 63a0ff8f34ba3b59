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
    return nlp
