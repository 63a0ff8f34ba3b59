"""Shared fixtures: the example corpus, the spaCy pipeline and a coder, each loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from sitroom.language import load_model
from sitroom.pipeline import Coder
from sitroom.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "mosul-2016"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model(Settings().model)


@pytest.fixture(scope="session")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Coder:
    return Coder(Settings(db_path=tmp_path_factory.mktemp("db") / "unused.duckdb"))


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "events.duckdb", batch_size=2)
