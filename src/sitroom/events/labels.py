"""Labels: the few words before a colon that name what a paragraph reports ("2017 Quetta church attack: ...").

The language stage makes such a label a sentence of its own. It names the event the text after it tells, so
it is no event of its own when that text codes one, and it is no summary of several events.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.language.annotate import sentence_tokens, span_text
from sitroom.language.models import FINITE_TAGS


def is_label(sent: Span) -> bool:
    """The sentence is a verbless phrase ending in a colon."""
    words = [t for t in sentence_tokens(sent) if not t.is_space]
    return len(words) > 1 and words[-1].text == ":" and not any(t.tag_ in FINITE_TAGS for t in words)


def in_a_label(head: Token) -> bool:
    """The token lies in a label, split off as its own sentence or, where the parse kept it, before a colon
    that no finite verb precedes."""
    sent = head.sent
    if ":" not in span_text(sent):
        return False  # no colon, no label: most sentences
    if is_label(sent):
        return True
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or head.i >= colon.i:
        return False
    return not any(t.tag_ in FINITE_TAGS for t in sent[: colon.i - sent.start])
