"""Remove page furniture from an article's text and split off an article appended after its trailer."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from functools import cache

from sitroom.datafiles import data_yaml
from sitroom.model import Article

# A paragraph that ends on a function word or a comma, or whose successor starts in lower case, was cut in
# two by the page layout ("coverage in the Western media about" / "ISIS's use of ..."): join the halves.
# Headlines end on content words, so they are never joined to the first paragraph.
_DANGLING_END = re.compile(
    r"(,|\b(the|a|an|of|about|by|to|and|or|but|among|that|in|for|with|from|on|at|as|its|their|his|her))$",
    re.IGNORECASE,
)
_CONTINUATION_START = re.compile(r"^[a-z]")
# A trailer holds an appended article when, after its header, it has this many characters in paragraphs
# that read as prose (see _is_prose). Teasers of related posts in the example corpus stay under 300.
EMBEDDED_ARTICLE_MIN_CHARS = 600
PROSE_MIN_CHARS = 120

_DATE_LINE = re.compile(r"^(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})$")
_BYLINE_DATE = re.compile(r"^[A-ZÀ-Ž][\w.\-]+( [A-ZÀ-Ž][\w.\-]+){1,3}\s+(\d{1,2} [A-Z][a-z]+ \d{4})$")
_NAME_LINE = re.compile(r"^[A-ZÀ-Ž][\w.\-]+( [A-ZÀ-Ž][\w.\-]+){1,3}$")
_HEADING_MARK = re.compile(r"^#+\s*")


@dataclasses.dataclass(frozen=True, slots=True)
class _Rules:
    drop: tuple[re.Pattern[str], ...]
    markers: tuple[re.Pattern[str], ...]


@cache
def _rules() -> _Rules:
    raw = data_yaml("boilerplate.yaml")
    return _Rules(drop=_compile_all(raw["drop_lines"]), markers=_compile_all(raw["section_markers"]))


def _compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


# Wiki-style reference markers ("[13]", "[citation needed]"): furniture whose digits read as counts.
_REFERENCE_MARK = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d+)\](?=\W|$)")


def clean_article(article: Article) -> tuple[Article, ...]:
    """Return the cleaned article, followed by any article found appended to its page."""
    paragraphs = _paragraphs(article.text)
    body, trailer = _split_trailer(paragraphs)
    kept, removed = _drop_furniture(body)
    title = article.title or _title(kept)
    text = "\n\n".join(_join_broken(kept))
    cleaned = dataclasses.replace(article, text=text, title=title, removed_lines=removed + len(trailer))
    embedded = _embedded_article(article, trailer)
    return (cleaned, embedded) if embedded else (cleaned,)


def _paragraphs(text: str) -> list[str]:
    lines = [_REFERENCE_MARK.sub("", _HEADING_MARK.sub("", line)).strip() for line in text.split("\n")]
    return [line for line in lines if line]


def _is_furniture(line: str) -> bool:
    return any(p.fullmatch(line) for p in _rules().drop)


def _is_marker(line: str) -> bool:
    return any(p.fullmatch(line) for p in _rules().markers)


def _split_trailer(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Cut at the first section marker that comes after the article has started."""
    seen_prose = False
    for index, line in enumerate(paragraphs):
        if seen_prose and _is_marker(line):
            return paragraphs[:index], paragraphs[index:]
        seen_prose = seen_prose or _is_prose(line)
    return paragraphs, []


def _is_prose(line: str) -> bool:
    return len(line) >= PROSE_MIN_CHARS and not _is_furniture(line)


def _drop_furniture(paragraphs: list[str]) -> tuple[list[str], int]:
    kept: list[str] = []
    for index, line in enumerate(paragraphs):
        following = next((p for p in paragraphs[index + 1 :] if p != line), "")
        if _is_furniture(line) or _is_dateline(line, following) or _is_teaser(line, following):
            continue
        if kept and line == kept[-1]:
            continue
        kept.append(line)
    return kept, len(paragraphs) - len(kept)


def _is_dateline(line: str, following: str) -> bool:
    """Bylines and datelines: "Jordan Shilton 19 October 2016", or a name line followed by a date line."""
    if _DATE_LINE.match(line) or _BYLINE_DATE.match(line):
        return True
    return bool(_NAME_LINE.match(line) and _DATE_LINE.match(following))


def _is_teaser(line: str, following: str) -> bool:
    """A link teaser or caption: "Headline" before "Read More", or before "Headline (Pic: ...)"."""
    if following.casefold() == "read more":
        return True
    return bool(following) and following != line and following.startswith(line) and _is_furniture(following)


def _join_broken(paragraphs: list[str]) -> list[str]:
    joined: list[str] = []
    for line in paragraphs:
        previous = joined[-1] if joined else ""
        if previous and (_DANGLING_END.search(previous) or _CONTINUATION_START.match(line)):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def _title(paragraphs: list[str]) -> str | None:
    for line in paragraphs[:3]:
        if len(line) < PROSE_MIN_CHARS and not line.endswith("."):
            return line
    return None


def _embedded_article(parent: Article, trailer: list[str]) -> Article | None:
    """An article pasted after the trailer's header, as when a page embeds the next story."""
    for start, line in enumerate(trailer):
        if not _is_marker(line):
            continue
        body, _ = _split_trailer(trailer[start + 1 :])
        kept, _ = _drop_furniture(body)
        if sum(len(p) for p in kept if _is_prose(p)) >= EMBEDDED_ARTICLE_MIN_CHARS:
            return _as_embedded(parent, kept)
    return None


def _as_embedded(parent: Article, paragraphs: list[str]) -> Article:
    text = "\n\n".join(_join_broken(paragraphs))
    return Article(
        id=f"{parent.id}~appended",
        text=text,
        title=_title(paragraphs),
        source_path=parent.source_path,
        content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
        embedded_in=parent.id,
    )
