"""The command line as a user runs it: help, ingest twice, list, show, export, and clean errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = ["ingest", "events", "show", "split", "merge", "serve", "export", "summary", "gazetteer"]
SHARED_GAZETTEER = Path(__file__).resolve().parents[3] / "shared" / "gazetteer"


def _run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitroom", *args], capture_output=True, text=True, cwd=cwd, timeout=300,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


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


def test_show_explains_a_merge_and_split_and_merge_undo_it(examples: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    files = [str(examples / f"{stem}.txt") for stem in ("000_5a2efb6d2c4bef1a", "002_f93fea5c4e1dda40")]
    assert _run("ingest", *files, "--db", db).returncode == 0
    out = tmp_path / "events.jsonl"
    assert _run("export", "--db", db, "--format", "jsonl", "-o", str(out)).returncode == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    (strike,) = [e for e in events if len(e["sources"]) == 2 and e["sub_event_type"] == "Air/drone strike"]
    shown = _run("show", strike["id"], "--db", db, env={"COLUMNS": "200"})
    assert "killed: 'between 15 and 20' = best 15 (low 15, high 20)" in shown.stdout
    assert "killed: 'at least 15' = 15" in shown.stdout
    assert "fused: matched m-" in shown.stdout and "places agree: Kirkuk" in shown.stdout
    mention = strike["mentions"][0]["id"]
    split = _run("split", strike["id"], mention, "--db", db)
    assert split.returncode == 0, split.stderr
    ids = [line.split(":")[0] for line in split.stdout.splitlines()]
    assert len(ids) == 2
    merged = _run("merge", *ids, "--db", db)
    assert merged.returncode == 0 and "2 mention(s)" in merged.stdout
    wrong = _run("split", strike["id"], "m-nothing", "--db", db)
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1 and "m-nothing" in wrong.stderr


def test_errors_are_one_line(tmp_path: Path) -> None:
    missing = _run("events", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "sitroom ingest" in missing.stderr
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = _run("ingest", str(bad), "--db", str(tmp_path / "x.duckdb"))
    assert result.returncode == 0 and "bad.bin" in result.stderr and "binary" in result.stderr
    assert "skipped 1" in result.stdout


TIMEBANK = Path(__file__).resolve().parents[3] / "shared" / "dev" / "timex" / "TBAQ-cleaned" / "TimeBank"


@pytest.mark.skipif(not TIMEBANK.is_dir(), reason="the shared TimeML dev set is not beside the repository")
def test_eval_timex_prints_one_json_object() -> None:
    one = sorted(TIMEBANK.glob("*.tml"))[0]
    result = _run("eval", "timex", str(one))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {"documents", "gold", "predicted", "extent_f1", "value_accuracy"}
    assert figures["documents"] == 1 and figures["gold"] > 0 and 0.0 < figures["extent_f1"] <= 1.0


def test_eval_timex_on_a_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    result = _run("eval", "timex", str(tmp_path / "nothing"))
    assert result.returncode == 2 and "nothing: no such file or folder" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_history_is_exported_only_on_request(examples: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "history.duckdb")
    assert _run("ingest", str(examples / "003_0c45055026b81138.txt"), "--db", db).returncode == 0
    plain, everything = tmp_path / "plain.csv", tmp_path / "all.csv"
    assert _run("export", "--db", db, "-o", str(plain)).returncode == 0
    assert _run("export", "--db", db, "-o", str(everything), "--include-history").returncode == 0
    assert "2006-01-01" not in plain.read_text(encoding="utf-8")
    assert "2006-01-01" in everything.read_text(encoding="utf-8")


def test_show_says_when_the_publication_date_was_inferred(tmp_path: Path) -> None:
    report = tmp_path / "undated.txt"
    report.write_text(
        "Baghdad, 29 October 2016\n\nA car bomb exploded in a market in Baghdad on Friday, killing 40 people.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "undated.duckdb")
    assert _run("ingest", str(report), "--db", db).returncode == 0
    out = tmp_path / "events.csv"
    assert _run("export", "--db", db, "-o", str(out)).returncode == 0
    row = out.read_text(encoding="utf-8").splitlines()[1].split(",")
    assert row[1] == "2016-10-28" and row[3] == "2"  # Friday, a week imprecise like the inferred publication date
    shown = _run("show", row[0], "--db", db)
    assert "published 2016-10-29, inferred from '29 October 2016'" in " ".join(shown.stdout.split())


@pytest.mark.skipif(not SHARED_GAZETTEER.is_dir(), reason=f"GeoNames fixtures not found at {SHARED_GAZETTEER}")
def test_gazetteer_import_then_lookup_ranks_by_the_country_given(tmp_path: Path) -> None:
    store = str(tmp_path / "gazetteer.sqlite")
    small = {"SITROOM_MIN_CITY_POPULATION": "15000"}  # a small embedded default, quick to build
    imported = _run("gazetteer", "import", str(SHARED_GAZETTEER / "cities500_IQ_SY.csv"),
                    str(SHARED_GAZETTEER / "admin1CodesASCII.txt"), "--gazetteer", store, env=small)  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    assert "cities500_IQ_SY.csv: places" in imported.stdout and "admin1CodesASCII.txt: admin areas" in imported.stdout
    lookup = _run("gazetteer", "lookup", "Zawita", "--gazetteer", store, env=small)
    assert lookup.returncode == 0 and "Zāwītah (Duhok, IQ)" in lookup.stdout
    ranked = _run("gazetteer", "lookup", "Tripoli", "--country", "LB", "--gazetteer", store, env=small)
    first = ranked.stdout.splitlines()[0]
    assert ranked.returncode == 0 and first.startswith("  1. Tripoli") and "LB)" in first
    county = _run("gazetteer", "lookup", "Laurel County", "--gazetteer", store, env=small)
    assert county.returncode == 0 and "Laurel County (Kentucky, US)  FIPS 21125  ADM2" in county.stdout
    missing = _run("gazetteer", "lookup", "Qwxyzabad", "--gazetteer", store, env=small)
    assert missing.returncode == 1 and "no place called" in missing.stdout
    bad = _run("gazetteer", "import", str(tmp_path / "nothing.zip"), "--gazetteer", store, env=small)
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0 and "nothing.zip: no such file" in bad.stderr


def test_serve_answers_geojson_over_http(examples: Path, tmp_path: Path) -> None:
    import socket
    import time
    import urllib.request

    db = str(tmp_path / "serve.duckdb")
    assert _run("ingest", str(examples / "002_f93fea5c4e1dda40.txt"), "--db", db).returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "sitroom", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/api/events?format=geojson"
        deadline, body = time.monotonic() + 60, None
        while body is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = json.loads(response.read())
            except OSError:
                time.sleep(0.2)
        assert body is not None, server.stderr.read() if server.poll() is not None else "no answer in 60 s"
        assert body["type"] == "FeatureCollection" and body["features"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    not_a_database = tmp_path / "notes.duckdb"
    not_a_database.write_text("not a database\n", encoding="utf-8")
    refused = _run("serve", "--db", str(not_a_database))
    assert refused.returncode == 2 and "cannot open the database" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
