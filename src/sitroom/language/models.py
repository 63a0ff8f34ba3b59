"""Load the spaCy pipeline named in the settings, once per process."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitroom.errors import ConfigError

# A footnote mark glued to a word or a full stop, as pages copied from wikis have them: "Astrakhan.[9]".
_FOOTNOTE_MARK = r"\[\d{1,3}\]"
_FOOTNOTE = re.compile(_FOOTNOTE_MARK)
_SENTENCE_ENDS = {".", "!", "?"}


@Language.component("sitroom_paragraphs")  # type: ignore[untyped-decorator]
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so headlines never join the first paragraph, and after the
    footnote marks that follow a sentence's end ("Astrakhan.[9] Four ..."), which stay with that sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
        elif _FOOTNOTE.fullmatch(previous.text) and not _FOOTNOTE.fullmatch(token.text):
            # "in Astrakhan.[9][10] Four insurgents ...": the marks end their sentence, the next word starts one
            first = previous.i
            while first > 0 and _FOOTNOTE.fullmatch(doc[first - 1].text):
                first -= 1
            if first > 0 and doc[first - 1].text in _SENTENCE_ENDS:
                for mark in doc[first : token.i]:
                    mark.is_sent_start = False
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
    _split_footnote_marks(nlp)
    return nlp


def _split_footnote_marks(nlp: Language) -> None:
    """Split "Astrakhan.[9]" into "Astrakhan", ".", "[9]": spaCy's rules leave "Astrakhan.[9" as one token,
    which hides the town and the sentence's end."""
    suffixes = [_FOOTNOTE_MARK, *nlp.Defaults.suffixes]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
