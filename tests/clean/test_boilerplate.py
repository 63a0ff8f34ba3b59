"""Clean: page furniture goes, prose stays, an appended article is split off and found to be a copy."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sitroom.clean import NearDuplicateIndex, clean_article
from sitroom.ingest import Ingested, read_inputs
from sitroom.model import Article


def _article(examples: Path, stem: str) -> Article:
    for result in read_inputs([examples]):
        if isinstance(result, Ingested) and result.article.id == stem:
            return result.article
    raise AssertionError(stem)


def test_countercurrents_trailer_is_removed(examples: Path) -> None:
    (cleaned,) = clean_article(_article(examples, "000_5a2efb6d2c4bef1a"))
    for furniture in ("Support Countercurrents", "Join Our Newsletter", "Related Posts", "Patreon", "Latest News"):
        assert furniture not in cleaned.text
    assert cleaned.text.rstrip().endswith("only add fuel to the fire.")
    assert cleaned.title == "Sectarian Tensions Rise In Iraq As Mosul Offensive Enters Third Week"


def test_wsws_contact_line_and_byline_are_removed(examples: Path) -> None:
    (cleaned,) = clean_article(_article(examples, "002_f93fea5c4e1dda40"))
    assert "To contact" not in cleaned.text and "wsws.org/contact" not in cleaned.text
    assert "Jordan Shilton" not in cleaned.text and "24 October 2016" not in cleaned.text
    # A paragraph cut in two by the page layout is joined again.
    assert "regional and sectarian divisions being inflamed" in cleaned.text


def test_socialist_worker_furniture_but_not_prose(examples: Path) -> None:
    (cleaned,) = clean_article(_article(examples, "004_9ac2e0fc0982371c"))
    for furniture in ("Downloading PDF", "This article is over", "(Pic:", "Read More", "Make a donation"):
        assert furniture not in cleaned.text
    assert "The Iraqi military said it was in the final stages of capturing the city of Mosul" in cleaned.text
    assert "Hamas would still be allowed to run Gaza’s internal affairs." in cleaned.text


def test_appended_article_is_split_off_undated_and_recognised_as_a_copy(examples: Path) -> None:
    host = _article(examples, "000_5a2efb6d2c4bef1a")
    guest = _article(examples, "001_e13b050aafb0a1da")
    glued = dataclasses.replace(host, text=host.text + "\n\n" + guest.text)
    cleaned, appended = clean_article(glued)
    assert "Jordan Shilton" not in cleaned.text and "Falah Mustafa Bakir" not in cleaned.text
    assert appended.embedded_in == host.id and appended.published is None
    assert "Falah Mustafa Bakir" in appended.text
    index = NearDuplicateIndex(threshold=0.8)
    index.add(guest.id, clean_article(guest)[0].text)
    index.add(cleaned.id, cleaned.text)
    match = index.find(appended.text, exclude=appended.id)
    assert match is not None and match[0] == guest.id


def test_distinct_reports_are_not_duplicates(examples: Path) -> None:
    index = NearDuplicateIndex(threshold=0.8)
    index.add("001", clean_article(_article(examples, "001_e13b050aafb0a1da"))[0].text)
    assert index.find(clean_article(_article(examples, "002_f93fea5c4e1dda40"))[0].text) is None
