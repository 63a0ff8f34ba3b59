"""The command line as a user runs it: help, ingest twice, list, show, export, and clean errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = ["ingest", "events", "show", "export", "summary"]


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitroom", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_complete(command: str | None) -> None:
    result = _run(*([command] if command else []), "--help")
    assert result.returncode == 0
    if command is None:
        assert all(c in result.stdout for c in COMMANDS)
    else:
        assert "Usage" in result.stdout and len(result.stdout.splitlines()) > 4


def test_end_to_end(examples: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    first = _run("ingest", str(examples), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "read 5, skipped 0, duplicates 0" in first.stdout
    listing = _run("events", "--db", db, "--country", "Iraq", "--type", "Air/drone strike")
    assert "Kirkuk" in listing.stdout and "Raqqa" not in listing.stdout
    again = _run("ingest", str(examples), "--db", db)
    assert "unchanged 5, coded 0" in again.stdout
    out = tmp_path / "events.csv"
    assert _run("export", "--db", db, "--format", "acled-csv", "-o", str(out)).returncode == 0
    event_id = out.read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    shown = _run("show", event_id, "--db", db)
    assert shown.returncode == 0 and event_id in shown.stdout


def test_errors_are_one_line(tmp_path: Path) -> None:
    missing = _run("events", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "sitroom ingest" in missing.stderr
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = _run("ingest", str(bad), "--db", str(tmp_path / "x.duckdb"))
    assert result.returncode == 0 and "bad.bin" in result.stderr and "binary" in result.stderr
    assert "skipped 1" in result.stdout
