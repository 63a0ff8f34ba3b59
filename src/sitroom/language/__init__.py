"""Language stage: sentences, entities and dependency parses from a spaCy pipeline chosen by setting."""

from sitroom.language.annotate import AnalyzedArticle, analyze, analyze_one, doc_text
from sitroom.language.models import load_model

__all__ = ["AnalyzedArticle", "analyze", "analyze_one", "doc_text", "load_model"]
