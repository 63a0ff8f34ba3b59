"""The Ray engine on a local Ray instance: the same events as the default engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.pipeline import Coder, ingest
from sitroom.settings import Settings
from sitroom.store import EventStore
from tests.stored_events import stored_events

pytest.importorskip("ray", reason="Ray is not installed: pip install 'sitroom[ray]' (make install does)")
pytestmark = pytest.mark.slow


def test_the_ray_engine_stores_the_events_of_the_default_engine(examples: Path, tmp_path: Path, coder: Coder) -> None:
    local = Settings(db_path=tmp_path / "local.duckdb", batch_size=2)
    ingest([examples], local, coder=coder)
    on_ray = Settings(db_path=tmp_path / "ray.duckdb", batch_size=2, workers=2, engine="ray")
    report = ingest([examples], on_ray)
    assert report.coded == 5 and report.mentions > 20
    assert stored_events(on_ray.db_path) == stored_events(local.db_path)
    with EventStore(on_ray.db_path, read_only=True) as ray_store, EventStore(local.db_path, read_only=True) as ref:
        assert len(ray_store.statements()) == len(ref.statements())
        assert [f.best for f in ray_store.figures()] == [f.best for f in ref.figures()]
    again = ingest([examples], on_ray)  # a re-run on Ray adds nothing
    assert again.unchanged == 5 and again.coded == 0
