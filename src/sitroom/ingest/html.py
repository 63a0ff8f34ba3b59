"""Extract an article's main text and metadata from an HTML page with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

from sitroom.errors import EmptyInputError

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlContent:
    """The text and metadata trafilatura found in a page."""

    text: str
    title: str | None
    url: str | None
    published: str | None


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document."""
    return bool(_HTML_START.match(text[:2000]))


def extract_html(html: str, source: str) -> HtmlContent:
    """Return the main text of ``html``; raise EmptyInputError when the page has none."""
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise EmptyInputError(source, "HTML page has no extractable article text")
    meta = trafilatura.extract_metadata(html)
    return HtmlContent(
        text=text,
        title=getattr(meta, "title", None) if meta else None,
        url=getattr(meta, "url", None) if meta else None,
        published=getattr(meta, "date", None) if meta else None,
    )
