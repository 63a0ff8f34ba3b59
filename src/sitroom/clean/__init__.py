"""Clean stage: strip page furniture, split off appended articles, and find near-duplicate articles."""

from sitroom.clean.boilerplate import clean_article
from sitroom.clean.duplicates import NearDuplicateIndex, shingles

__all__ = ["NearDuplicateIndex", "clean_article", "shingles"]
