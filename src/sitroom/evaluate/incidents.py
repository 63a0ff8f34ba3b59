"""Score event coding against incident lists (date, type, dead, injured, location, details, perpetrator).

Each row's ``details`` is coded as an article published on ``date``; its mentions are fused into events
the way ingest fuses them, and the row is scored on what those events say.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitroom.clean import clean_article
from sitroom.errors import InputError
from sitroom.events.actors import ActorDictionary
from sitroom.fuse import fuse_mentions
from sitroom.geo.countries import CountryTable
from sitroom.geo.distance import haversine_km
from sitroom.geo.gazetteer import Gazetteer, GazetteerEntry, name_key, prominence
from sitroom.model import Article, Event
from sitroom.pipeline import Coder

COLUMNS = ("date", "type", "dead", "injured", "location", "details", "perpetrator")
LOCATION_KM = 25.0
# The incident types the issue maps onto ACLED; rows of other types ("other_violence") are not scored on mode.
MODE_FITS: dict[str, tuple[str, ...]] = {
    "bombing": ("Explosions/Remote violence",),
    **dict.fromkeys(
        ("shooting", "stabbing", "melee", "assassination", "massacre", "arson"),
        ("Violence against civilians", "Battles"),
    ),
}
ABDUCTION_TYPES = ("hostage", "hijacking")
ABDUCTION = "Abduction/forced disappearance"
_UNKNOWN_PERPETRATORS = {"", "unknown"}
_SUSPECTED = re.compile(r"\s*\((suspected|alleged|claimed)\)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Incident:
    """One gold row."""

    number: int
    date: dt.date
    type: str
    dead: int | None
    injured: int | None
    location: str
    details: str
    perpetrator: str


@dataclass(frozen=True, slots=True)
class RowResult:
    """What sitroom made of one row, for reading errors."""

    number: int
    events: int
    killed: int
    injured: int
    main_type: str | None
    main_actor1: str | None
    checks: dict[str, bool | None]


@dataclass(slots=True)
class IncidentScores:
    """Per-row results; each figure is the share of the rows it applies to that pass its check."""

    results: list[RowResult] = field(default_factory=list)

    def share(self, check: str) -> float:
        applicable = [r.checks[check] for r in self.results if r.checks[check] is not None]
        return sum(1 for passed in applicable if passed) / len(applicable) if applicable else 0.0

    def figures(self) -> dict[str, float | int]:
        names = ("detected", "killed_exact", "injured_exact", "mode", "location", "perpetrator")
        return {"rows": len(self.results), **{name: round(self.share(name), 4) for name in names}}


def read_incidents(path: Path) -> list[Incident]:
    """The rows of an incident CSV; raises InputError naming the file and the problem."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(str(path), f"missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}")
            return [_incident(number, row, path) for number, row in enumerate(reader, start=2)]
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "not UTF-8 text") from exc


_STRATEGIC = "Strategic developments"


def _incident(number: int, row: dict[str, str], path: Path) -> Incident:
    try:
        date = dt.date.fromisoformat(row["date"].strip())
    except ValueError as exc:
        raise InputError(f"{path}:{number}", f"date {row['date']!r} is not YYYY-MM-DD") from exc
    return Incident(
        number, date, row["type"].strip().lower(), _count(row["dead"]), _count(row["injured"]), row["location"].strip(),
        row["details"], row["perpetrator"].strip(),
    )  # fmt: skip


def _count(text: str) -> int | None:
    digits = re.sub(r"[^\d]", "", text or "")
    return int(digits) if digits else None


def score_incidents(
    incidents: Iterable[Incident], coder: Coder, gazetteer: Gazetteer, countries: CountryTable, actors: ActorDictionary
) -> IncidentScores:
    """Code every row and check it against the gold columns."""
    scores = IncidentScores()
    rows = list(incidents)
    for incident, events in zip(rows, _code(rows, coder), strict=True):
        scores.results.append(_check(incident, events, gazetteer, countries, actors))
    return scores


def _code(rows: list[Incident], coder: Coder) -> Iterator[tuple[Event, ...]]:
    articles = [
        clean_article(Article(id=f"row-{r.number}", text=r.details, published=r.date))[0] for r in rows
    ]  # fmt: skip
    for coded in coder.code(articles):
        yield tuple(e for e in fuse_mentions(coded.mentions) if not e.historical)


def _check(
    incident: Incident,
    events: tuple[Event, ...],
    gazetteer: Gazetteer,
    countries: CountryTable,
    actors: ActorDictionary,
) -> RowResult:
    killed = sum(e.fatalities or 0 for e in events)
    injured = sum(e.injured or 0 for e in events)
    main = main_event(events)
    gold_place = resolve_location(incident.location, gazetteer, countries)
    checks: dict[str, bool | None] = {
        "detected": bool(events),
        "killed_exact": None if incident.dead is None else killed == incident.dead,
        "injured_exact": None if incident.injured is None else injured == incident.injured,
        "mode": _mode(incident.type, main),
        "location": None if gold_place is None else any(_near(e, gold_place) for e in events),
        "perpetrator": _perpetrator(incident.perpetrator, main, actors),
    }
    return RowResult(
        incident.number, len(events), killed, injured, main.event_type if main else None,
        main.actor1.name if main and main.actor1 else None, checks,
    )  # fmt: skip


def main_event(events: tuple[Event, ...]) -> Event | None:
    """The row's main event: the one that killed, then injured, the most; on a tie, political violence before
    a strategic development ("A bomb exploded ... Three men were arrested" is a bombing), then the first told."""
    return max(
        events,
        key=lambda e: (e.fatalities or 0, e.injured or 0, e.event_type != _STRATEGIC),
        default=None,
    )


def _mode(kind: str, main: Event | None) -> bool | None:
    if kind in ABDUCTION_TYPES:
        return main is not None and main.sub_event_type == ABDUCTION
    if kind not in MODE_FITS:
        return None
    return main is not None and main.event_type in MODE_FITS[kind]


def _near(event: Event, place: GazetteerEntry) -> bool:
    if event.place is None or event.place.latitude is None or event.place.longitude is None:
        return False
    return haversine_km(event.place.latitude, event.place.longitude, place.latitude, place.longitude) <= LOCATION_KM


def resolve_location(text: str, gazetteer: Gazetteer, countries: CountryTable) -> GazetteerEntry | None:
    """'Aarhus, Denmark' to the most prominent Aarhus in Denmark (see :func:`prominence`); None when the
    gazetteer has no such place."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return None
    country = countries.by_name(parts[-1]) if len(parts) > 1 else None
    for name in parts[:-1] or parts:
        found = [c for c in gazetteer.candidates(name) if country is None or c.country == country.iso2]
        if found:
            return max(found, key=lambda c: prominence(c, name_key(name)))
    return None


def _perpetrator(gold: str, main: Event | None, actors: ActorDictionary) -> bool | None:
    name = _SUSPECTED.sub("", gold).strip()
    if name.lower() in _UNKNOWN_PERPETRATORS:
        return None
    if main is None or main.actor1 is None:
        return False
    expected = actors.resolve(name)
    canonical = expected.name if expected is not None else name
    return _same(main.actor1.name, canonical) or (
        main.actor1.parent is not None and _same(main.actor1.parent, canonical)
    )


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().casefold() == re.sub(r"\W+", " ", b).strip().casefold()


def results_as_rows(scores: IncidentScores) -> Iterator[dict[str, object]]:
    """Per-row results as plain dicts, for ``--details``."""
    for result in scores.results:
        yield dataclasses.asdict(result)
