"""The Atom feed: required elements, order, determinism, hostile strings, time zones, ids."""

from __future__ import annotations

import uuid
from datetime import date
from xml.etree import ElementTree as ET

import pytest

from mkdocs_legal.core.feed import ATOM_NS, FeedEntry, _clean, atom, entry_id

A = f"{{{ATOM_NS}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

ENTRIES = [
    FeedEntry(
        id="tag:example.org,2025-03-03:privacy",
        title="Privacy policy: version of 3 March 2025",
        updated=date(2025, 3, 3),
        url="https://example.org/changelog/#v2025-03-03",
        summary="First version.",
        published=None,
        categories=("privacy",),
    ),
    FeedEntry(
        id="tag:example.org,2026-07-01:privacy+cookies",
        title="Privacy and cookie policy: version of 1 July 2026",
        updated=date(2026, 7, 1),
        url="https://example.org/changelog/#v2026-07-01",
        summary="New analytics provider.",
        published=date(2026, 5, 20),
        categories=("privacy", "cookies"),
    ),
    FeedEntry(
        id="tag:example.org,2026-03-01:terms",
        title="Terms: version of 1 March 2026",
        updated=date(2026, 3, 1),
        url="../terms/2026-03-01/",
        summary="Refund period extended.",
        published=date(2026, 1, 15),
        categories=("terms",),
    ),
]


def feed(entries: list[FeedEntry] = ENTRIES, **overrides: str) -> str:
    args = {
        "feed_id": "tag:example.org,2025-03-03:feed-en",
        "title": "Example AB: Version history",
        "language": "en",
        "self_url": "https://example.org/changelog/feed.xml",
        "alternate_url": "https://example.org/changelog/",
        "author": "Example AB",
        "tz": "Europe/Stockholm",
    }
    args.update(overrides)
    return atom(updated=date(2026, 7, 1), entries=entries, **args)  # type: ignore[arg-type]


def parse(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{A}feed"
    return root


def test_feed_has_every_required_element() -> None:
    root = parse(feed())
    assert root.get(XML_LANG) == "en"
    assert root.findtext(f"{A}id") == "tag:example.org,2025-03-03:feed-en"
    assert root.findtext(f"{A}title") == "Example AB: Version history"
    assert root.findtext(f"{A}updated") == "2026-07-01T00:00:00+02:00"
    assert root.findtext(f"{A}author/{A}name") == "Example AB"
    links = {link.get("rel"): link for link in root.findall(f"{A}link")}
    assert links["self"].get("href") == "https://example.org/changelog/feed.xml"
    assert links["self"].get("type") == "application/atom+xml"
    assert links["alternate"].get("href") == "https://example.org/changelog/"
    entries = root.findall(f"{A}entry")
    assert len(entries) == 3
    for entry in entries:
        for child in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{A}{child}")
        link = entry.find(f"{A}link")
        assert link is not None and link.get("rel") == "alternate" and link.get("href")


def test_entries_newest_first_with_their_details() -> None:
    entries = parse(feed()).findall(f"{A}entry")
    assert [e.findtext(f"{A}updated") for e in entries] == [
        "2026-07-01T00:00:00+02:00",
        "2026-03-01T00:00:00+01:00",
        "2025-03-03T00:00:00+01:00",
    ]
    newest = entries[0]
    assert newest.findtext(f"{A}id") == "tag:example.org,2026-07-01:privacy+cookies"
    assert newest.findtext(f"{A}published") == "2026-05-20T00:00:00+02:00"
    assert [c.get("term") for c in newest.findall(f"{A}category")] == ["privacy", "cookies"]
    assert entries[1].find(f"{A}link").get("href") == "../terms/2026-03-01/"  # type: ignore[union-attr]
    assert entries[2].find(f"{A}published") is None


def test_deterministic_whatever_the_order_of_entries() -> None:
    first = feed()
    assert feed() == first
    assert feed(list(reversed(ENTRIES))) == first
    assert first.startswith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'
    )
    assert first.endswith("</feed>\n")


@pytest.mark.parametrize(
    ("day", "tz", "stamp"),
    [
        (date(2026, 3, 1), "Europe/Stockholm", "2026-03-01T00:00:00+01:00"),
        (date(2026, 7, 1), "Europe/Stockholm", "2026-07-01T00:00:00+02:00"),
        (date(2026, 3, 29), "Europe/Stockholm", "2026-03-29T00:00:00+01:00"),  # switches at 02:00
        (date(2026, 7, 1), "UTC", "2026-07-01T00:00:00+00:00"),
        (date(2026, 7, 1), "America/New_York", "2026-07-01T00:00:00-04:00"),
    ],
)
def test_dates_start_at_midnight_in_the_time_zone(day: date, tz: str, stamp: str) -> None:
    entry = FeedEntry("urn:x", "t", day, "/", "s", None, ())
    root = parse(feed([entry], tz=tz))
    assert root.findtext(f"{A}entry/{A}updated") == stamp


def test_default_time_zone_is_utc() -> None:
    text = atom(
        feed_id="urn:f",
        title="t",
        language="sv",
        self_url="feed.xml",
        alternate_url="./",
        updated=date(2026, 3, 1),
        author="a",
        entries=[],
    )
    root = parse(text)
    assert root.findtext(f"{A}updated") == "2026-03-01T00:00:00+00:00"
    assert root.get(XML_LANG) == "sv"
    assert root.findall(f"{A}entry") == []


def test_unknown_time_zone_is_an_error() -> None:
    with pytest.raises(ValueError, match="Europe/Stockholm"):
        feed(tz="Mars/Olympus")


def test_hostile_strings_come_out_as_text() -> None:
    nasty = "<script>alert(1)</script> ]]> &amp; \x00\x08\x1b\ufffe\ud800 \"quoted\" 'x'"
    expected = "<script>alert(1)</script> ]]> &amp;  \"quoted\" 'x'"
    entry = FeedEntry(
        id="urn:uuid:1",
        title=nasty + "\nsecond line",
        updated=date(2026, 1, 1),
        url='https://e.org/?a=1&b="2"<x>',
        summary=nasty + "\r\nsecond line",
        published=None,
        categories=(nasty,),
    )
    text = feed([entry], title=nasty, author=nasty)
    assert "<script" not in text
    assert "]]>" not in text
    root = parse(text)
    assert root.findtext(f"{A}title") == " ".join(expected.split())
    assert root.findtext(f"{A}author/{A}name") == " ".join(expected.split())
    parsed = root.find(f"{A}entry")
    assert parsed is not None
    assert parsed.findtext(f"{A}title") == " ".join(expected.split()) + " second line"
    assert parsed.findtext(f"{A}summary") == expected + "\nsecond line"
    assert parsed.find(f"{A}category").get("term") == expected  # type: ignore[union-attr]
    assert parsed.find(f"{A}link").get("href") == 'https://e.org/?a=1&b="2"<x>'  # type: ignore[union-attr]
    assert not any(el.tag.endswith("script") for el in root.iter())
    text.encode("utf-8")  # no lone surrogates left


def test_entry_id_is_a_tag_uri_with_a_site() -> None:
    day = date(2026, 3, 1)
    assert (
        entry_id("https://Example.org/", "Org", "privacy", day)
        == "tag:example.org,2026-03-01:privacy"
    )
    assert entry_id("https://example.org", "Org", "privacy+cookies", day) == (
        "tag:example.org,2026-03-01:privacy+cookies"
    )
    assert entry_id("https://user.github.io/site/", "Org", "terms", day) == (
        "tag:user.github.io,2026-03-01:site/terms"
    )
    assert entry_id("https://exämple.se:8000/", "Org", "terms", day) == (
        "tag:xn--exmple-cua.se,2026-03-01:terms"
    )


def test_entry_id_without_a_site_is_a_stable_uuid() -> None:
    day = date(2026, 3, 1)
    one = entry_id(None, "Example AB", "privacy", day)
    assert (
        one
        == entry_id(None, "Example AB", "privacy", day)
        == entry_id("", "Example AB", "privacy", day)
    )
    assert one.startswith("urn:uuid:")
    assert uuid.UUID(one.removeprefix("urn:uuid:")).version == 5
    others = {
        entry_id(None, "Other AB", "privacy", day),
        entry_id(None, "Example AB", "terms", day),
        entry_id(None, "Example AB", "privacy", date(2026, 3, 2)),
    }
    assert one not in others and len(others) == 3
    assert one == "urn:uuid:" + str(uuid.UUID(one[9:]))  # canonical form


def _xml_char(code: int) -> bool:
    """XML 1.0 (fifth edition) § 2.2, production [2] `Char`."""
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or (0x10000 <= code <= 0x10FFFF)
    )


def test_clean_keeps_exactly_the_characters_xml_allows() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert _clean(every) == "".join(c for c in every if _xml_char(ord(c)))
