"""Serve: the web UI in a real headless Chromium over the example corpus, driven as an analyst would.

The tests need Playwright for Python (installed by `make install`) and Debian's Chromium (installed by
`make browser`, which `make test` runs). Where either is missing they are skipped, and say why. Each saves
a screenshot under out/screenshots/.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from sitroom.pipeline import Coder, ingest
from sitroom.serve import create_app
from sitroom.settings import Settings

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (make install)")

CHROMIUM = Path(os.environ.get("SITROOM_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"
# Flags for a closed network: no background fetches, no first-run dialogs; root needs --no-sandbox.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no Chromium at {CHROMIUM}: run `make browser` (Debian's chromium) or set SITROOM_CHROMIUM",
    ),
]


class _Server:
    """The app under uvicorn on a free loopback port, in a thread."""

    def __init__(self, db_path: Path) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(create_app(db_path), log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    def __enter__(self) -> _Server:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()


@pytest.fixture(scope="module")
def server(examples: Path, coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Server]:
    settings = Settings(db_path=tmp_path_factory.mktemp("browser") / "events.duckdb")
    ingest([examples], settings, coder=coder)
    with _Server(settings.db_path) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"the page raised: {errors}"


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready]", timeout=20_000)


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _listed(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#event-list button",
        "items => items.map(b => ({id: b.dataset.eventId, type: b.dataset.eventType, date: b.dataset.eventDate}))",
    )


def _total(status: str) -> tuple[int, int]:
    shown, total = re.match(r"(\d+) of (\d+) events", status).groups()  # type: ignore[union-attr]
    return int(shown), int(total)


def test_the_page_shows_the_map_with_events_and_the_timeline(page: Any, server: _Server) -> None:
    _open(page, server.url)
    assert page.locator("#map canvas").count() >= 1  # the Natural Earth basemap, drawn from the package's file
    markers = page.locator(".event-marker, .cluster-marker")
    assert markers.count() >= 3
    assert page.locator("#timeline rect").count() >= 5
    shown, total = _total(page.inner_text("#status"))
    assert shown == total >= 20 and len(_listed(page)) == total
    assert page.locator("#network .node").count() >= 5
    assert page.locator("#figures circle").count() >= 3  # the Mosul displacement series
    _shot(page, "overview")


def test_filtering_by_type_narrows_everything_and_is_kept_in_the_url(page: Any, server: _Server) -> None:
    _open(page, server.url)
    _, total = _total(page.inner_text("#status"))
    page.select_option("#f-type", "Explosions/Remote violence")
    page.wait_for_function("location.search.includes('type=') && !document.body.dataset.loading")
    listed = _listed(page)
    assert 0 < len(listed) < total and {e["type"] for e in listed} == {"Explosions/Remote violence"}
    _shot(page, "filtered-by-type")
    page.reload()  # a shared link shows the same view
    page.wait_for_selector("body[data-ready]")
    assert page.input_value("#f-type") == "Explosions/Remote violence" and _listed(page) == listed


def test_brushing_the_timeline_filters_the_list_and_the_map(page: Any, server: _Server) -> None:
    _open(page, server.url)
    _, total = _total(page.inner_text("#status"))
    bar = page.locator("#timeline rect:has(title)").filter(has_text=re.compile("^2016-10")).first
    box = bar.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] - 4, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] + 4, y, steps=5)
    page.mouse.up()
    page.wait_for_function("location.search.includes('since=') && location.search.includes('until=')")
    params = dict(re.findall(r"(since|until)=([\d-]+)", page.evaluate("location.search")))
    listed = _listed(page)
    assert listed and len(listed) < total
    assert all(params["since"] <= e["date"] <= params["until"] for e in listed)
    shown, _ = _total(page.inner_text("#status"))
    assert shown == len(listed) and page.input_value("#t-since") == params["since"]
    _shot(page, "brushed")


def test_clicking_an_event_shows_its_evidence_and_opens_the_article(page: Any, server: _Server) -> None:
    _open(page, server.url)
    page.locator(".leaflet-marker-icon:has(.event-marker)").first.click()
    page.wait_for_selector("#panel:not([hidden]) blockquote.evidence")
    trigger = page.locator("#panel blockquote.evidence mark.trigger").first
    word = trigger.inner_text()
    assert word.strip() and word in page.locator("#panel blockquote.evidence").first.inner_text()
    assert "event=" in page.evaluate("location.search")
    assert page.locator("#panel .sources li").count() >= 1
    _shot(page, "event-panel")
    page.locator("#panel button.open-article").first.click()
    page.wait_for_selector("dialog#article[open] a.span.selected")
    selected = page.locator("dialog#article a.span.selected").first
    assert selected.inner_text() in page.inner_text("#article-text")
    assert page.locator("dialog#article .in-event").count() >= 1  # the event's sentence is shaded
    _shot(page, "article")
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog#article:not([open])", state="attached")


def test_the_kirkuk_strike_shows_both_sources_and_their_tolls(page: Any, server: _Server) -> None:
    _open(page, f"{server.url}/?q=funeral")
    (strike,) = _listed(page)
    page.click(f"#event-list button[data-event-id='{strike['id']}']")
    page.wait_for_selector("#panel:not([hidden]) blockquote.evidence")
    assert page.locator("#panel .sources li").count() == 2
    assert sorted(page.locator("#panel mark.killed").all_inner_texts()) == ["at least 15", "between 15 and 20"]
    assert "low 15, high 20" in page.inner_text("#panel dl")


def test_the_keyboard_reaches_an_event(page: Any, server: _Server) -> None:
    _open(page, server.url)
    page.focus("#event-list button")
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel:not([hidden]) blockquote.evidence")
    assert page.evaluate("document.activeElement.id") == "panel"
    page.keyboard.press("Escape")
    page.wait_for_selector("#panel[hidden]", state="attached")


def test_a_new_user_is_told_to_ingest(browser: Any, tmp_path: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    with _Server(tmp_path / "none-yet.duckdb") as running:
        _open(page, running.url)
        assert page.locator("#empty").is_visible() and "sitroom ingest" in page.inner_text("#empty")
        _shot(page, "empty")
    context.close()
    assert not (tmp_path / "none-yet.duckdb").exists()  # serving creates no database


def test_no_asset_is_fetched_from_elsewhere() -> None:
    static = Path(__file__).resolve().parents[2] / "src" / "sitroom" / "serve" / "static"
    pages = [p for p in static.rglob("*") if p.suffix in (".html", ".js", ".css") and "vendor" not in p.parts]
    assert pages and not [p for p in pages if re.search(r"(src|href)=[\"']?(https?:)?//", p.read_text("utf-8"))]
    assert shutil.which("chromium") or CHROMIUM.exists()
