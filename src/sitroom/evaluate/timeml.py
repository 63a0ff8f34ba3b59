"""Read TimeML (``.tml``) documents: the raw text, the creation time, and the gold TIMEX3 spans."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from sitroom.errors import InputError

_DCT_VALUE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated temporal expression: character span in the document text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML document's text (the TEXT element, tags removed), creation date and gold expressions."""

    path: Path
    text: str
    created: dt.date
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one ``.tml`` file; raises InputError naming the file when it is not usable TimeML."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(str(path), f"not a readable TimeML file ({exc})") from exc
    text_element = root.find("TEXT")
    if text_element is None:
        raise InputError(str(path), "no TEXT element")
    created = _creation_date(root, path)
    pieces: list[str] = []
    timexes: list[GoldTimex] = []
    _flatten(text_element, pieces, timexes)
    return TimeMLDocument(path, "".join(pieces), created, tuple(timexes))


def read_timeml_paths(path: Path) -> list[TimeMLDocument]:
    """One ``.tml`` file, or every ``.tml`` file under a folder, in name order."""
    if path.is_dir():
        files = sorted(path.rglob("*.tml"))
        if not files:
            raise InputError(str(path), "no .tml files in this folder")
        return [read_timeml(f) for f in files]
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    return [read_timeml(path)]


def _creation_date(root: ET.Element, path: Path) -> dt.date:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            match = _DCT_VALUE.match(timex.get("value", ""))
            if match:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
    raise InputError(str(path), "no document creation time (a TIMEX3 with functionInDocument=CREATION_TIME)")


def _flatten(element: ET.Element, pieces: list[str], timexes: list[GoldTimex]) -> None:
    """Append the element's text to ``pieces`` depth-first, recording TIMEX3 spans as they pass."""
    start = sum(map(len, pieces))
    pieces.append(element.text or "")
    for child in element:
        _flatten(child, pieces, timexes)
        pieces.append(child.tail or "")
    if element.tag == "TIMEX3":
        text = "".join(element.itertext())
        timexes.append(GoldTimex(start, start + len(text), text, element.get("type", ""), element.get("value", "")))
