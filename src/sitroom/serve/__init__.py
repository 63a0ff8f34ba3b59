"""Serve stage: the HTTP API (and, with issue 7, the web UI) over an event database."""

from sitroom.serve.api import create_app

__all__ = ["create_app"]
