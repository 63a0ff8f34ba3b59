"""What an article was coded with: sitroom's code and data, the spaCy pipeline and the settings that change
the coding. An article stored with another fingerprint is coded again on the next ingest, so upgrading
sitroom or changing the model never leaves stale events behind."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CODING_FILES = ("*.py", "*.yaml")


@cache
def _package_digest() -> str:
    digest = hashlib.sha1()
    for pattern in _CODING_FILES:
        for path in sorted(_PACKAGE.rglob(pattern)):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def coder_fingerprint(model: str, *options: object) -> str:
    """A short key for sitroom's code and data, the spaCy pipeline ``model`` (with its installed version)
    and any other ``options`` that change the coding (user dictionaries, gazetteer size)."""
    try:
        model_version = version(model.replace("_", "-"))
    except PackageNotFoundError:
        model_version = "unknown"
    key = "|".join([_package_digest(), model, model_version, *(repr(o) for o in options)])
    return hashlib.sha1(key.encode()).hexdigest()[:16]
