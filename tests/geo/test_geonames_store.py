"""The gazetteer store: GeoNames dumps imported into SQLite, looked up by folded names, layered over the
embedded default. Fixtures come from ``../shared/gazetteer`` (GeoNames formats), and from geoname-table and
alternate-name files written here in GeoNames' own layout from the rows of that fixture."""

from __future__ import annotations

import csv
import sqlite3
import zipfile
from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.geo import GeonamesStore, geonames_store, rank_candidates, subdivisions
from sitroom.geo.distance import haversine_km
from sitroom.geo.gazetteer import name_key
from sitroom.geo.geonames_dump import import_file
from sitroom.geo.outlines import subdivision_points

SHARED = Path(__file__).resolve().parents[3] / "shared" / "gazetteer"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=f"GeoNames fixtures not found at {SHARED}")


def _bare_store(tmp_path: Path) -> GeonamesStore:
    return GeonamesStore.open(tmp_path / "gazetteer.sqlite", min_population=None)


def _fixture_rows() -> dict[str, dict[str, str]]:
    with (SHARED / "cities500_IQ_SY.csv").open(encoding="utf-8") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


def _geoname_line(row: dict[str, str], feature_class: str = "P", feature_code: str = "PPL") -> str:
    """A line of GeoNames' 19-column geoname table, from a row of the CSV fixture."""
    names = row["alternatenames"].replace("|", ",")
    return "\t".join([
        row["geonameid"], row["name"], row["name"], names, row["latitude"], row["longitude"], feature_class,
        feature_code, row["countrycode"], "", row["admin1code"], "", "", "", row["population"] or "0", "", "",
        "Asia/Baghdad", "2024-01-01",
    ])  # fmt: skip


def _zip(path: Path, member: str, lines: list[str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "\n".join(lines) + "\n")
        archive.writestr("readme.txt", "not data\n")
    return path


def test_imported_places_are_found_by_any_spelling_with_their_admin_names(tmp_path: Path) -> None:
    store = _bare_store(tmp_path)
    for name in ("cities500_IQ_SY.csv", "admin1CodesASCII.txt", "admin2Codes.txt"):
        import_file(store, SHARED / name)
    for spelling in ("Tal Afar", "Tall 'Afar", "Telafer"):
        assert [c.name for c in store.candidates(spelling)] == ["Tall ‘Afar"], spelling
    for spelling in ("Bartella", "Bartila", "Bartalah"):
        assert any(c.admin1 == "Nineveh" for c in store.candidates(spelling)), spelling
    (erbil,) = [c for c in store.candidates("Arbil") if c.population > 100_000]
    assert erbil.admin1 == "Erbil" and erbil.country == "IQ"
    assert store.admin_name("IQ", "08") == "Duhok"


def test_may_name_rules_out_only_names_the_store_lacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _bare_store(tmp_path)
    import_file(store, SHARED / "admin1CodesASCII.txt")
    assert not store.may_name(name_key("Telafer"))
    assert store.may_name(name_key("Nineveh"))  # a province, before any town is imported
    import_file(store, SHARED / "cities500_IQ_SY.csv")
    assert store.may_name(name_key("Telafer")) and store.may_name(name_key("Tall 'Afar"))
    assert not store.may_name(name_key("Obama")) and store.candidates("Obama") == ()
    monkeypatch.setattr(geonames_store, "_KEYS_IN_MEMORY", 10)
    big = GeonamesStore.open(store.path, min_population=None)
    assert big.may_name(name_key("Obama"))  # keys too many to hold: nothing is ruled out without a query


def test_the_name_keys_digests_are_written_with_the_names_and_made_afresh_where_missing(tmp_path: Path) -> None:
    store = _bare_store(tmp_path)
    import_file(store, SHARED / "cities500_IQ_SY.csv")
    with sqlite3.connect(store.path) as con:
        ((names, blob),) = con.execute("SELECT names, digests FROM key_digest").fetchall()
        (keys,) = con.execute("SELECT count(DISTINCT key) FROM alias").fetchone()
    assert len(blob) == 8 * keys and names >= keys
    spellings = ("Telafer", "Tall 'Afar", "Mosul", "Obama", "Barack", "Irbil", "Nowhereville")
    answers = [store.may_name(name_key(s)) for s in spellings]
    assert answers == [True, True, True, False, False, True, False]
    with sqlite3.connect(store.path) as con:  # as a sitroom that keeps no digests would add a name
        con.execute("INSERT INTO alias SELECT 'obama', geonameid, 'Obama' FROM place LIMIT 1")
    assert GeonamesStore(store.path).may_name(name_key("Obama"))
    with sqlite3.connect(store.path) as con:
        con.execute("DELETE FROM alias WHERE key = 'obama'")
        con.execute("DROP TABLE key_digest")  # as in a store written before the digests were kept
    assert [GeonamesStore(store.path).may_name(name_key(s)) for s in spellings] == answers


def test_a_second_import_of_the_same_files_changes_nothing(tmp_path: Path) -> None:
    store = _bare_store(tmp_path)
    first = [import_file(store, SHARED / n) for n in ("cities500_IQ_SY.csv", "admin1CodesASCII.txt")]
    before = store.summary()
    second = [import_file(store, SHARED / n) for n in ("cities500_IQ_SY.csv", "admin1CodesASCII.txt")]
    after = store.summary()
    assert (before.places, before.names, before.admin_areas) == (after.places, after.names, after.admin_areas)
    assert [r.written for r in first] == [r.written for r in second]
    assert [i["file"] for i in after.imports] == ["cities500_IQ_SY.csv", "admin1CodesASCII.txt"]


def test_a_countrys_zip_adds_villages_and_alternate_names_add_spellings(tmp_path: Path) -> None:
    rows = _fixture_rows()
    store = _bare_store(tmp_path)
    village, town = rows["Zāwītah"], rows["Zaxo"]
    lines = [_geoname_line(village), _geoname_line(town, "A", "ADM2")]  # an admin area: not a place here
    result = import_file(store, _zip(tmp_path / "IQ.zip", "IQ.txt", lines))
    assert (result.kind, result.lines, result.written) == ("places", 2, 1)
    assert [c.feature_code for c in store.candidates("Zawita")] == ["PPL"] and not store.candidates("Zaxo")
    alternate = [
        f"1\t{village['geonameid']}\ten\tZawita Village\t\t\t\t\t\t",
        f"2\t{village['geonameid']}\tlink\thttps://example.org/Zawita\t\t\t\t\t\t",
        f"3\t{town['geonameid']}\ten\tZakho Town\t\t\t\t\t\t",  # a place not stored: skipped
    ]
    names = import_file(store, _zip(tmp_path / "alternateNamesV2.zip", "alternateNamesV2.txt", alternate))
    assert (names.kind, names.written) == ("alternate names", 1)
    assert [c.name for c in store.candidates("Zawita Village")] == ["Zāwītah"]
    assert not store.candidates("Zakho Town") and not store.candidates("https://example.org/Zawita")


def test_a_bad_line_names_the_file_and_line_and_stores_nothing_of_the_file(tmp_path: Path) -> None:
    rows = _fixture_rows()
    store = _bare_store(tmp_path)
    good = _geoname_line(rows["Zāwītah"])
    bad = _geoname_line(rows["Zaxo"]).replace(rows["Zaxo"]["latitude"], "north", 1)
    path = tmp_path / "allCountries.txt"
    path.write_text(f"{good}\n{bad}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"allCountries\.txt:2: bad number"):
        import_file(store, path)
    assert store.summary().places == 0 and store.summary().imports == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("just some text\n", "not a GeoNames dump"),
        ("1\t2\t3\n", "not a GeoNames dump"),
    ],
)
def test_files_that_are_not_dumps_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "places.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        import_file(_bare_store(tmp_path), path)


def test_imports_sit_on_the_default_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    store = GeonamesStore.open(path, min_population=15000)  # cities15000: a small default, quick to build
    assert store.candidates("Baghdad") and not store.candidates("Zawita")
    import_file(store, SHARED / "cities500_IQ_SY.csv")
    import_file(store, SHARED / "admin1CodesASCII.txt")
    reopened = GeonamesStore.open(path, min_population=15000)
    (zawita,) = reopened.candidates("Zawita")
    assert zawita.country == "IQ" and zawita.admin1 == "Duhok"
    best, _ = rank_candidates("Tal Afar", reopened, ["IQ"])[0]
    assert best.country == "IQ"
    version = reopened.version
    import_file(reopened, SHARED / "admin2Codes.txt")
    assert reopened.version != version  # the coder's fingerprint changes with what the store holds


def test_a_store_of_another_format_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    _bare_store(tmp_path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = '999' WHERE key = 'format'")
    from sitroom.errors import ConfigError

    with pytest.raises(ConfigError, match="delete the file"):
        GeonamesStore.open(path, min_population=15000)


def test_an_imported_village_places_the_events_told_there(tmp_path: Path) -> None:
    import datetime as dt

    from sitroom.model import GeoPrecision
    from sitroom.pipeline import Coder
    from sitroom.settings import Settings

    store = GeonamesStore.open(tmp_path / "gazetteer.sqlite", min_population=15000)
    coder = Coder(Settings(min_city_population=15000), gazetteer=store)
    text = "Iraqi troops clashed with Islamic State fighters in Zawita on Monday, killing six."
    (before,) = coder.code_text(text, published=dt.date(2016, 11, 1))
    assert before.place is None or before.place.precision != GeoPrecision.LOCALITY  # no village, no pin
    import_file(store, SHARED / "cities500_IQ_SY.csv")
    import_file(store, SHARED / "admin1CodesASCII.txt")
    (after,) = coder.code_text(text, published=dt.date(2016, 11, 1))
    assert after.place is not None
    assert (after.place.name, after.place.precision, after.place.admin1) == ("Zawita", GeoPrecision.LOCALITY, "Duhok")


def test_a_neighbourhood_the_dump_lists_places_the_event_there(tmp_path: Path) -> None:
    import datetime as dt

    from sitroom.model import GeoPrecision
    from sitroom.pipeline import Coder
    from sitroom.settings import Settings

    store = GeonamesStore.open(tmp_path / "gazetteer.sqlite", min_population=15000)
    coder = Coder(Settings(min_city_population=15000), gazetteer=store)
    text = "Iraqi troops stormed the Karama neighborhood in Mosul on Tuesday, killing six militants."
    (before,) = coder.code_text(text, published=dt.date(2016, 11, 1))
    assert before.place is not None
    assert (before.place.name, before.place.precision) == ("Mosul", GeoPrecision.NEAR)  # part of the town
    # A section of a town, as GeoNames lists them (PPLX); the row is written here, not taken from a dump.
    section = {"geonameid": "99000001", "name": "Al Karāmah", "alternatenames": "Karama|Karamah",
               "latitude": "36.3540", "longitude": "43.1790", "countrycode": "IQ", "admin1code": "15",
               "population": "0"}  # fmt: skip
    import_file(store, _zip(tmp_path / "IQ.zip", "IQ.txt", [_geoname_line(section, feature_code="PPLX")]))
    (after,) = coder.code_text(text, published=dt.date(2016, 11, 1))
    assert after.place is not None
    assert (after.place.geonameid, after.place.precision) == (99000001, GeoPrecision.LOCALITY)


def test_provinces_take_the_centroid_of_their_outline(tmp_path: Path) -> None:
    store = GeonamesStore.open(tmp_path / "gazetteer.sqlite", min_population=15000)
    (queensland,) = store.subdivisions("Queensland")
    assert queensland.latitude is not None and queensland.longitude is not None
    # inland, as atlases place it, not at the mean of its coastal towns (about -24, 150)
    assert -25 < queensland.latitude < -20 and 142 < queensland.longitude < 147
    (texas,) = store.subdivisions("Texas")
    assert texas.latitude is not None and texas.longitude is not None
    assert haversine_km(texas.latitude, texas.longitude, 31.25, -99.25) < 50


def test_imported_admin1_names_give_provinces_without_an_outline_a_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Natural Earth outlines Kirkuk under its old code (IQ-TS), which its name ties to ISO's IQ-KI; without
    # that outline, as for a province Natural Earth does not draw, only the names tie towns to it: GeoNames
    # codes Iraq's governorates with numbers.
    points = {k: v for k, v in subdivision_points().items() if k not in ("IQ-KI", "IQ-TS")}
    monkeypatch.setattr(subdivisions, "subdivision_points", lambda: points)
    store = GeonamesStore.open(tmp_path / "gazetteer.sqlite", min_population=15000)
    (before,) = store.subdivisions("Kirkuk")
    assert before.code == "IQ-KI" and before.latitude is None
    import_file(store, SHARED / "admin1CodesASCII.txt")
    (after,) = store.subdivisions("Kirkuk")
    assert after.latitude is not None and after.longitude is not None
    assert haversine_km(after.latitude, after.longitude, 35.47, 44.39) < 80  # about Kirkuk


def test_a_file_that_is_not_a_store_is_refused_in_one_line(tmp_path: Path) -> None:
    from sitroom.errors import ConfigError

    text = tmp_path / "notes.sqlite"
    text.write_text("not a database\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"notes\.sqlite: not a sitroom gazetteer store"):
        GeonamesStore.open(text, min_population=None)
    with pytest.raises(ConfigError, match="is a folder"):
        GeonamesStore.open(tmp_path, min_population=None)
