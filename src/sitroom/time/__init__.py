"""Time stage: find temporal expressions and resolve them against an article's publication date."""

from sitroom.time.document import tag_document
from sitroom.time.expressions import RawTimex, find_timexes
from sitroom.time.normalise import Anchor, normalise

__all__ = ["Anchor", "RawTimex", "find_timexes", "normalise", "tag_document"]
