"""Run the spaCy pipeline over cleaned articles and keep the sentences with their offsets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitroom.model import Article, Sentence


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article with its sentences and the spaCy Doc that later stages read (never mutate)."""

    article: Article
    sentences: tuple[Sentence, ...]
    doc: Doc = field(compare=False, repr=False)


def analyze(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[AnalyzedArticle]:
    """Parse ``articles`` in batches; yields one AnalyzedArticle per article, in order."""
    stream = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        doc.user_data[_TEXT_KEY] = article.text  # spaCy's tokens keep the text whole: it is the Doc's text
        yield AnalyzedArticle(article, _sentences(article.id, doc), doc)


def analyze_one(nlp: Language, article: Article) -> AnalyzedArticle:
    """Parse one article."""
    return next(analyze(nlp, [article]))


def doc_text(doc: Doc) -> str:
    """The Doc's text, made once: spaCy joins every token's text anew on each ``doc.text``, and the event
    stages read it often."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def span_text(span: Span) -> str:
    """``span.text``, sliced from :func:`doc_text` instead of joined from the span's tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def sentence_tokens(sent: Span) -> list[Token]:
    """The sentence's tokens, made once per sentence and kept with the Doc: the event stages walk every
    sentence several times, and spaCy makes a new Token object at each step of each walk. (Like the text,
    they live in ``doc.user_data``, which no longer serialises: sitroom never writes a Doc out.)"""
    key = (_TOKENS_KEY, sent.start, sent.end)
    tokens = sent.doc.user_data.get(key)
    if tokens is None:
        tokens = sent.doc.user_data[key] = list(sent)
    return tokens  # type: ignore[no-any-return]


_TEXT_KEY = "sitroom.text"
_TOKENS_KEY = "sitroom.tokens"


def _sentences(article_id: str, doc: Doc) -> tuple[Sentence, ...]:
    text = doc_text(doc)
    return tuple(
        Sentence(article_id, i, s.start_char, s.end_char, text[s.start_char : s.end_char])
        for i, s in enumerate(doc.sents)
    )
