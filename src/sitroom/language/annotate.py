"""Run the spaCy pipeline over cleaned articles and keep the sentences with their offsets."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitroom.model import Article, Sentence

T = TypeVar("T")


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


def kept_with(doc: Doc, key: Hashable, make: Callable[[], T]) -> T:
    """What ``make()`` gives, made once per Doc and kept in its ``user_data`` under ``key`` (a tuple that
    starts with "sitroom."): the later stages read the same facts of a parse many times. What is kept there
    may hold spaCy objects, so a Doc that holds them no longer serialises: sitroom never writes a Doc out."""
    if key in doc.user_data:
        return doc.user_data[key]  # type: ignore[no-any-return]
    value = doc.user_data[key] = make()
    return value


def doc_text(doc: Doc) -> str:
    """The Doc's text, made once: spaCy joins every token's text anew on each ``doc.text``, and the event
    stages read it often. :func:`analyze` keeps the article's text, which is the same."""
    return str(kept_with(doc, _TEXT_KEY, lambda: doc.text))


def span_text(span: Span) -> str:
    """``span.text``, sliced from :func:`doc_text` instead of joined from the span's tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def sentence_tokens(sent: Span) -> list[Token]:
    """The sentence's tokens, made once per sentence: the event stages walk every sentence several times,
    and spaCy makes a new Token object at each step of each walk."""
    return kept_with(sent.doc, ("sitroom.tokens", sent.start, sent.end), lambda: list(sent))


def sentence_lemmas(sent: Span) -> list[str]:
    """The sentence's lemmas, lower-cased, made once per sentence: the event stages test most words by lemma
    before they need the Token."""
    return kept_with(
        sent.doc, ("sitroom.lemmas", sent.start, sent.end), lambda: [t.lemma_.lower() for t in sentence_tokens(sent)]
    )


def sentence_words(sent: Span) -> list[str]:
    """The sentence's words, lower-cased, made once per sentence."""
    return kept_with(
        sent.doc, ("sitroom.words", sent.start, sent.end), lambda: [t.lower_ for t in sentence_tokens(sent)]
    )


_TEXT_KEY = ("sitroom.text",)


def _sentences(article_id: str, doc: Doc) -> tuple[Sentence, ...]:
    text = doc_text(doc)
    return tuple(
        Sentence(article_id, i, s.start_char, s.end_char, text[s.start_char : s.end_char])
        for i, s in enumerate(doc.sents)
    )
