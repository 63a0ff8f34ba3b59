"""sitroom's exceptions, converted to one-line messages at the CLI edge.

SitroomError
├── InputError            a file or record that cannot be read as an article
│   ├── EmptyInputError
│   ├── BinaryInputError
│   ├── DecodeError
│   └── InvalidDateError
├── ConfigError           a setting that cannot be honoured (unknown model, bad config file)
└── StoreError            the database cannot be opened or written
"""

from __future__ import annotations


class SitroomError(Exception):
    """Base class of every error sitroom raises on purpose."""


class InputError(SitroomError):
    """An input that cannot be read as an article; ``source`` names the file or record."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class EmptyInputError(InputError):
    """The file or record holds no text."""


class BinaryInputError(InputError):
    """The file holds binary data, not text or HTML."""


class DecodeError(InputError):
    """The bytes cannot be decoded as text."""


class InvalidDateError(InputError):
    """A publication date that cannot be parsed."""


class ConfigError(SitroomError):
    """A setting that cannot be honoured."""


class StoreError(SitroomError):
    """The event database cannot be opened or written."""
