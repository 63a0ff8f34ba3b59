"""Serve: the HTTP API over the example corpus, as a browser or a script would call it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitroom.pipeline import Coder, ingest
from sitroom.serve import create_app
from sitroom.settings import Settings


@pytest.fixture(scope="module")
def client(examples: Path, coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    settings = Settings(db_path=tmp_path_factory.mktemp("serve") / "events.duckdb")
    ingest([examples], settings, coder=coder)
    return TestClient(create_app(settings.db_path))


def test_events_as_geojson_are_the_example_events(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "geojson", "limit": 1000})
    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["total"] == len(body["features"]) >= 20
    kirkuk = [f for f in body["features"] if f["properties"]["location"] == "Kirkuk"
              and f["properties"]["sub_event_type"] == "Air/drone strike"]  # fmt: skip
    assert len(kirkuk) == 1 and kirkuk[0]["geometry"]["type"] == "Point"
    assert kirkuk[0]["properties"]["fatalities_high"] == 20


def test_filters_narrow_the_events_and_pages_add_up(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()
    strikes = client.get("/api/events", params={"sub_type": "Air/drone strike"}).json()
    assert 0 < strikes["total"] < everything["total"]
    assert all(e["sub_event_type"] == "Air/drone strike" for e in strikes["events"])
    deadly = client.get("/api/events", params={"min_fatalities": 15}).json()["events"]
    assert deadly and all(int(e["fatalities"]) >= 15 for e in deadly)
    iraq_box = client.get("/api/events", params={"bbox": "41,29,48.6,37.4", "limit": 1000}).json()[
        "events"
    ]  # east of Raqqa
    assert iraq_box and all(e["country"] == "Iraq" for e in iraq_box)
    funeral = client.get("/api/events", params={"q": "funeral"}).json()["events"]
    assert [e["location"] for e in funeral] == ["Kirkuk"]
    first, second = (client.get("/api/events", params={"limit": 5, "offset": o}).json()["events"] for o in (0, 5))
    assert len(first) == len(second) == 5 and not {e["id"] for e in first} & {e["id"] for e in second}
    october = client.get("/api/events", params={"since": "2016-10-01", "until": "2016-10-31"}).json()["events"]
    assert october and all("2016-10-01" <= e["event_date"] <= "2016-10-31" for e in october)


def test_an_event_carries_its_evidence_with_the_words_highlighted(client: TestClient) -> None:
    (strike,) = client.get("/api/events", params={"q": "funeral"}).json()["events"]
    event = client.get(f"/api/events/{strike['id']}").json()
    assert sorted(e["article_id"] for e in event["evidence"]) == ["000_5a2efb6d2c4bef1a", "002_f93fea5c4e1dda40"]
    for evidence in event["evidence"]:
        trigger = next(h for h in evidence["highlights"] if h["role"] == "trigger")
        assert "strike" in evidence["sentence"][trigger["start"] : trigger["end"]]
    killed = [evidence["sentence"][h["start"] : h["end"]] for evidence in event["evidence"]
              for h in evidence["highlights"] if h["role"] == "killed"]  # fmt: skip
    assert sorted(killed) == ["at least 15", "between 15 and 20"]
    assert len(event["record"]["links"]) == 2


def test_an_article_comes_with_its_event_spans(client: TestClient) -> None:
    article = client.get("/api/articles/002_f93fea5c4e1dda40").json()
    assert article["outlet"] and article["spans"]
    for span in article["spans"]:
        assert span["sentence_start"] <= span["start"] < span["end"] <= span["sentence_end"]
        assert article["text"][span["start"] : span["end"]].strip()
    assert any(s["event_id"] for s in article["spans"])


def test_actors_count_their_events_and_adversaries(client: TestClient) -> None:
    actors = {a["name"]: a for a in client.get("/api/actors").json()}
    us = actors["Military Forces of the United States (2009-2017)"]
    assert us["events"] == us["as_actor1"] + us["as_actor2"] >= 2
    assert any(a["name"] == "Civilians (Iraq)" for a in us["adversaries"])


def test_figures_carry_their_contradictions(client: TestClient) -> None:
    populations = client.get("/api/figures", params={"kind": "population", "place": "Mosul"}).json()
    assert sorted(f["best"] for f in populations) == [1_300_000, 1_500_000]
    assert all(len(f["contradicted_by"]) == 1 for f in populations)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "10,50,5,60"}, "bbox"),
        ({"since": "yesterday"}, "since"),
        ({"since": "2016-11-01", "until": "2016-10-01"}, "until"),
        ({"min_fatalities": "-1"}, "min_fatalities"),
        ({"limit": "0"}, "limit"),
        ({"format": "kml"}, "format"),
    ],
)
def test_bad_parameters_get_a_422_naming_them(client: TestClient, params: dict[str, str], parameter: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert any(error["loc"][-1] == parameter for error in response.json()["detail"])


def test_a_missing_id_is_a_404_and_the_docs_are_served(client: TestClient) -> None:
    assert client.get("/api/events/IRQ00000000").status_code == 404
    assert client.get("/api/articles/nothing").status_code == 404
    assert client.get("/docs").status_code == 200
    assert "/api/events" in client.get("/openapi.json").json()["paths"]


def test_facets_offer_acleds_types_and_the_countries_with_events(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    types = {t["name"]: t["sub_event_types"] for t in facets["event_types"]}
    assert len(types) == 6 and sum(len(s) for s in types.values()) == 25
    assert "Air/drone strike" in types["Explosions/Remote violence"]
    countries = {c["name"]: c["events"] for c in facets["countries"]}
    assert set(countries) == {"Iraq", "Syria"} and sum(countries.values()) == facets["events"]
    assert facets["articles"] == 5


def test_the_web_ui_and_its_bundled_assets_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'id="map"' in page.text
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200, asset
    countries = client.get("/static/basemap/countries.json", headers={"Accept-Encoding": "gzip"})
    assert countries.json()["type"] == "FeatureCollection" and countries.headers["content-encoding"] == "gzip"
    admin1 = client.get("/static/basemap/admin1.json").json()
    names = {f["properties"]["name"] for f in admin1["features"] if f["properties"]["iso_a2"] == "IQ"}
    assert len(names) == 18 and {"Ninawa", "Baghdad", "At-Ta'mim"} <= names  # Iraq's governorates


def test_before_the_first_ingest_the_lists_are_empty_and_no_database_is_made(tmp_path: Path) -> None:
    missing = tmp_path / "not-yet.duckdb"
    empty = TestClient(create_app(missing))
    assert empty.get("/api/facets").json()["events"] == 0
    assert empty.get("/api/events").json()["total"] == 0
    assert empty.get("/api/events/IRQ00000000").status_code == 404
    assert empty.get("/").status_code == 200 and not missing.exists()
