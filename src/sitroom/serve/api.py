"""The HTTP API over an event database: events (JSON or GeoJSON), one event with its evidence, actors,
figures, articles and the facets the filters offer; and the web UI, served from the package's bundled
static files. Read-only: each request opens the database read-only and closes it. Before the first
ingest there is no database: every list is then empty, and the UI says how to make one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from sitroom import __version__
from sitroom.events.taxonomy import load_taxonomy
from sitroom.export import event_row, feature_collection
from sitroom.fuse.series import conflicts
from sitroom.model import Event, EventMention
from sitroom.store import EventFilter, EventStore
from sitroom.store.codec import to_plain

MAX_PAGE = 1000
STATIC = Path(__file__).parent / "static"


def _store(request: Request) -> Iterator[EventStore]:
    """The app's database, opened read-only for one request; an empty one in memory while there is none."""
    path: Path = request.app.state.db_path
    with EventStore(path, read_only=True) if path.exists() else EventStore(Path(":memory:")) as opened:
        yield opened


Store = Annotated[EventStore, Depends(_store)]


def create_app(db_path: Path) -> FastAPI:
    """The API and the web UI over the database at ``db_path`` (empty until `sitroom ingest` makes it)."""
    app = FastAPI(
        title="sitroom",
        version=__version__,
        description="Geocoded, source-attributed conflict events coded from news text, with their evidence.",
    )

    app.state.db_path = db_path
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/api/facets", summary="What the filters offer: ACLED's types, the countries with events, counts")
    def facets(store: Store) -> dict[str, Any]:
        taxonomy = load_taxonomy()
        types = {t: [k for k in taxonomy.sub_event_types if taxonomy[k].event_type == t] for t in taxonomy.event_types}
        counts = store.counts()
        return {
            "event_types": [{"name": t, "sub_event_types": subs} for t, subs in types.items()],
            "countries": [{"name": name, "events": n} for name, n in store.countries()],
            "articles": counts["articles"], "events": store.count_events(), "database": str(db_path),
        }  # fmt: skip

    @app.get("/api/events", summary="Events, filtered and paginated; ?format=geojson for GeoJSON")
    def list_events(
        store: Store,
        type: Annotated[str | None, Query(description="An ACLED event type or sub-event type.")] = None,
        sub_type: Annotated[str | None, Query(description="An ACLED sub-event type.")] = None,
        actor: Annotated[str | None, Query(description="Part of actor1's or actor2's name.")] = None,
        country: Annotated[str | None, Query(description="Country name.")] = None,
        admin1: Annotated[str | None, Query(description="First-level subdivision name.")] = None,
        since: Annotated[dt.date | None, Query(description="First day, YYYY-MM-DD.")] = None,
        until: Annotated[dt.date | None, Query(description="Last day, YYYY-MM-DD.")] = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
        min_fatalities: Annotated[int | None, Query(ge=0)] = None,
        q: Annotated[str | None, Query(description="Words in the evidence sentences.")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
        format: Annotated[Literal["json", "geojson"], Query()] = "json",
    ) -> dict[str, Any]:
        if since and until and since > until:
            raise _invalid("until", f"until ({until}) is before since ({since})")
        where = EventFilter(
            country=country, since=since, until=until, event_type=type, actor=actor, sub_event_type=sub_type,
            admin1=admin1, bbox=_bbox(bbox), min_fatalities=min_fatalities, text=q, limit=limit, offset=offset,
        )  # fmt: skip
        events, outlets = store.events(where), store.outlets()
        page = {"total": store.count_events(where), "limit": limit, "offset": offset}
        if format == "geojson":
            return {**feature_collection(events, outlets), **page}
        return {**page, "events": [_summary(e, outlets) for e in events]}

    @app.get("/api/events/{event_id}", summary="One event with every mention, its evidence and highlights")
    def get_event(event_id: str, store: Store) -> dict[str, Any]:
        event = store.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        articles = {m.article_id: store.article(m.article_id) or {} for m in event.mentions}
        evidence = [_evidence(m, articles[m.article_id]) for m in event.mentions]
        return {**_summary(event, store.outlets()), "record": to_plain(event), "evidence": evidence}

    @app.get("/api/actors", summary="Actors with their event counts and adversaries")
    def list_actors(store: Store) -> list[dict[str, Any]]:
        return [
            {"name": a.name, "events": a.events, "as_actor1": a.as_actor1, "as_actor2": a.as_actor2,
             "adversaries": [{"name": name, "events": n} for name, n in a.adversaries]}
            for a in store.actors()
        ]  # fmt: skip

    @app.get("/api/figures", summary="Figures no event owns, as series, with the figures that contradict them")
    def list_figures(
        store: Store,
        kind: Annotated[str | None, Query(description="displaced, killed, population, troops, ...")] = None,
        place: Annotated[str | None, Query(description="Town, admin1 or country name.")] = None,
    ) -> list[dict[str, Any]]:
        figures = store.figures(kind, place)
        return [
            {**to_plain(f), "contradicted_by": [to_plain(o) for o in others]}
            for f, others in zip(figures, conflicts(figures), strict=True)
        ]

    @app.get("/api/articles/{article_id}", summary="An article's cleaned text with its event spans")
    def get_article(article_id: str, store: Store) -> dict[str, Any]:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        spans = [
            {"event_id": event_id, "mention_id": m.id, "start": m.trigger_start, "end": m.trigger_end,
             "sentence_start": m.sentence_start, "sentence_end": m.sentence_start + len(m.sentence),
             "sub_event_type": m.sub_event_type}
            for m, event_id in store.article_mentions(article_id)
        ]  # fmt: skip
        fields = ("id", "title", "url", "outlet", "published", "duplicate_of", "embedded_in", "text")
        return {**{k: article.get(k) for k in fields}, "spans": spans}

    return app


def _invalid(parameter: str, message: str) -> RequestValidationError:
    """A 422 whose body names the parameter, in FastAPI's own shape."""
    return RequestValidationError([{"loc": ("query", parameter), "msg": message, "type": "value_error"}])


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        raise _invalid("bbox", "bbox must be four numbers: west,south,east,north") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise _invalid("bbox", "bbox must have west <= east within ±180 and south <= north within ±90")
    return west, south, east, north


def _summary(event: Event, outlets: dict[str, str]) -> dict[str, Any]:
    """The event's ACLED row, with its id, sources and copies."""
    return {"id": event.id, **event_row(event, outlets), "sources": list(event.sources), "copies": list(event.copies)}


def _evidence(mention: EventMention, article: dict[str, object]) -> dict[str, Any]:
    """A mention's sentence with the offsets, within the sentence, of the event's words and its figures."""
    offset = mention.sentence_start
    highlights = [{"start": mention.trigger_start - offset, "end": mention.trigger_end - offset, "role": "trigger"}]
    for role, figure in (("killed", mention.fatalities), ("injured", mention.injured)):
        if figure is not None and offset <= figure.provenance.start:
            highlights.append(
                {"start": figure.provenance.start - offset, "end": figure.provenance.end - offset, "role": role}
            )
    return {
        "mention_id": mention.id, "article_id": mention.article_id, "outlet": article.get("outlet"),
        "published": article.get("published"), "certainty": mention.certainty, "source_actor": mention.source_actor,
        "sentence": mention.sentence, "sentence_start": offset, "highlights": highlights,
    }  # fmt: skip
