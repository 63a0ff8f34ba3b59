"""The YAML files sitroom ships in ``sitroom/data``, and the reader for them and for a user's own (actor
dictionaries): safe loading, with libyaml's C parser where PyYAML was built with it (its wheels are), which
reads the same objects about seven times faster than the pure-Python parser."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> Any:
    """The objects a YAML document holds, built by the safe loader (no arbitrary Python objects)."""
    return yaml.load(text, Loader=_LOADER)


def data_yaml(name: str) -> Any:
    """The objects of ``sitroom/data/<name>``."""
    return read_yaml(resources.files("sitroom.data").joinpath(name).read_text("utf-8"))
