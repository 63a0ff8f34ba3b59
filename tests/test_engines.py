"""Engines: the collector is tuned while one runs, and put back as it was."""

from __future__ import annotations

import gc

from sitroom.engines import YOUNG_COLLECTION_ALLOCATIONS, engine_for
from sitroom.pipeline import Coder
from sitroom.settings import Settings


def test_young_collections_are_spaced_while_an_engine_runs_and_restored_after(coder: Coder, settings: Settings) -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with engine_for(settings, coder) as engine:
            assert gc.get_threshold() == (YOUNG_COLLECTION_ALLOCATIONS, 10, 10)
            assert len(engine.code([]).result()) == 0
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
