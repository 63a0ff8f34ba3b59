"""Settings: defaults, then a TOML file, then SITROOM_* variables, then flags; bad values named."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import ConfigError
from sitroom.settings import Settings, load_settings


def test_each_layer_overrides_the_one_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "sitroom.toml"
    config.write_text('[sitroom]\nworkers = 2\nbatch_size = 8\ndb_path = "from-file.duckdb"\n', encoding="utf-8")
    monkeypatch.setenv("SITROOM_BATCH_SIZE", "32")
    settings = load_settings(config, db_path=Path("flag.duckdb"))
    assert (settings.workers, settings.batch_size, settings.db_path) == (2, 32, Path("flag.duckdb"))
    assert load_settings().workers == Settings().workers == 1


@pytest.mark.parametrize(("name", "value"), [("workers", "0"), ("batch_size", "-3"), ("workers", "two")])
def test_bad_values_name_the_setting(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"setting {name}: cannot use"):
        load_settings(**{name: value})


def test_unknown_settings_are_listed_with_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown setting.*workerz.*known: .*workers"):
        load_settings(workerz=3)
