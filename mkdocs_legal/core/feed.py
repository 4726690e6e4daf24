"""The Atom feed (RFC 4287) of a changelog, in one language (SPEC §5).

The output depends only on the arguments (no clock), so a rebuild gives the same
bytes. Dates become RFC 3339 timestamps at midnight in the site's time zone,
because an effective date starts at 00:00 there.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import date, datetime, time
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from .changelog import anchor, title
from .dates import zone
from .language import Language
from .model import LegalData
from .publication import Publication
from .records import record
from .sitepaths import FEED_NAME, absolute, relative_url
from .vocabulary import DOCUMENT_TITLES

ATOM_NS = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# What XML 1.0 `Char` leaves out, listed rather than negated: a negated class this wide
# takes Python's regex compiler 8 ms, paid on every build.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PROJECT = "https://github.com/mkdocs-legal/mkdocs-legal"
_UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, _PROJECT)


@record
class FeedEntry:
    """One change in the feed; `summary` is plain text, `url` absolute or site-relative."""

    id: str
    title: str
    updated: date
    url: str
    summary: str
    published: date | None = None
    categories: tuple[str, ...] = ()


def atom(
    *,
    feed_id: str,
    title: str,
    language: str,
    self_url: str,
    alternate_url: str,
    updated: date,
    author: str,
    entries: Sequence[FeedEntry],
    tz: str = "UTC",
) -> str:
    """An Atom 1.0 document, newest entry first, ready to be written as UTF-8.

    Relative URLs resolve against the feed's own address, as RFC 4287 says.
    Characters that XML cannot hold are dropped from every string.
    """
    tzinfo = zone(tz)
    feed = ET.Element("feed", {"xmlns": ATOM_NS, _XML_LANG: _clean(language)})
    _text(feed, "id", feed_id)
    _text(feed, "title", _line(title), type="text")
    _text(feed, "updated", _stamp(updated, tzinfo))
    _link(feed, self_url, "self", "application/atom+xml")
    _link(feed, alternate_url, "alternate", "text/html")
    _text(ET.SubElement(feed, "author"), "name", _line(author))
    _text(feed, "generator", "mkdocs-legal", uri=_PROJECT)
    newest_first = sorted(
        entries, key=lambda e: (e.updated, e.published or e.updated, e.id), reverse=True
    )
    for item in newest_first:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", item.id)
        _text(entry, "title", _line(item.title), type="text")
        _text(entry, "updated", _stamp(item.updated, tzinfo))
        if item.published is not None:
            _text(entry, "published", _stamp(item.published, tzinfo))
        _link(entry, item.url, "alternate", "text/html")
        _text(entry, "summary", item.summary.replace("\r\n", "\n").replace("\r", "\n"), type="text")
        for term in item.categories:
            ET.SubElement(entry, "category", {"term": _clean(term)})
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def entry_id(site_url: str | None, organisation: str, document: str, effective: date) -> str:
    """A stable IRI for a version of a document.

    `tag:<host>,<effective>:<document>` (RFC 4151) when the site has a URL; a site
    below a path (`https://host/repo/`) adds it: `…:repo/<document>`. Without a
    URL, a `urn:uuid:` derived from the organisation, document and date.
    """
    parts = urlsplit(site_url or "")
    if parts.hostname:
        try:
            host = parts.hostname.encode("idna").decode("ascii")
        except UnicodeError:
            host = parts.hostname
        path = parts.path.strip("/")
        specific = quote(f"{path}/{document}" if path else document, safe="/+-._~!$&'()*,;=:@")
        return f"tag:{host},{effective.isoformat()}:{specific}"
    name = "\n".join((organisation, document, effective.isoformat()))
    return f"urn:uuid:{uuid.uuid5(_UUID_NAMESPACE, name)}"


def _stamp(day: date, tzinfo: ZoneInfo) -> str:
    """RFC 3339: the start of `day` in the time zone."""
    return datetime.combine(day, time(0), tzinfo=tzinfo).isoformat()


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _line(text: str) -> str:
    return " ".join(_clean(text).split())


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> None:
    ET.SubElement(parent, tag, attrs).text = _clean(text)


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": _clean(href)})


def changelog_feed(
    data: LegalData,
    publication: Publication,
    documents: Sequence[str],
    lang: Language,
    *,
    site_url: str | None,
    changelog_url: str,
    feed_url: str,
    timezone: str,
) -> str:
    """The Atom feed of the changelog in one language: one entry per version.

    `changelog_url` and `feed_url` are site URLs; without `site_url` the links are
    relative to the feed."""
    org = data.organisation.name
    changelog = (
        absolute(site_url, changelog_url) if site_url else relative_url(changelog_url, feed_url)
    )
    entries = []
    for version in sorted(data.versions, key=lambda v: v.effective, reverse=True):
        covered = [
            d
            for d in documents
            if (d, lang.code) in publication.timelines
            and any(v.version is version for v in publication.timelines[(d, lang.code)].versions)
        ]
        if not covered:
            continue
        names = lang.list([lang._(DOCUMENT_TITLES[d]) for d in covered])
        entries.append(
            FeedEntry(
                id=entry_id(site_url, org, "+".join(covered), version.effective),
                title=lang._("{documents}: version of {date}").format(
                    documents=names, date=lang.date(version.effective)
                ),
                updated=version.published or version.effective,
                url=f"{changelog}#{anchor(version)}",
                summary=lang.text(version.summary) if version.summary is not None else names,
                published=version.published,
                categories=tuple(covered),
            )
        )
    first = min(v.effective for v in data.versions)
    return atom(
        feed_id=entry_id(site_url, org, f"feed-{lang.code}", first),
        title=f"{org}: {title(lang)}",
        language=lang.code,
        self_url=absolute(site_url, feed_url) if site_url else FEED_NAME,
        alternate_url=changelog,
        updated=max((e.updated for e in entries), default=first),
        author=org,
        entries=entries,
        tz=timezone,
    )
