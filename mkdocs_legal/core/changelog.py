"""The changelog page and the headings of redline pages, in one language (SPEC §5)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from .language import N_, Language
from .markdown import Md, bullet_list, escape, fmt, link, sanitize_body
from .model import LegalData, Version
from .publication import Publication, State
from .vocabulary import DOCUMENT_TITLES

UrlOf = Callable[[str, date | None, bool], str | None]
"""(document, effective or None for the document's own page, changes?) → link target."""

STATES: dict[State, str] = {
    "current": N_("in force"),
    "upcoming": N_("upcoming"),
    "superseded": N_("superseded"),
}


def anchor(version: Version) -> str:
    return f"v{version.effective.isoformat()}"


def title(lang: Language) -> str:
    return lang._("Version history")


def changelog_markdown(
    data: LegalData,
    publication: Publication,
    documents: Sequence[str],
    lang: Language,
    url_of: UrlOf,
    feed: str | None,
) -> str:
    """Every version of every document, newest first, with links to each text and its changes."""
    parts = [f"# {escape(title(lang))}"]
    names = [lang._(DOCUMENT_TITLES[d]) for d in documents]
    parts.append(
        fmt(
            lang._(
                "This page lists every version of our {documents}, newest first, with the date "
                "from which each applied and what changed."
            ),
            documents=lang.list(names),
        )
    )
    if feed:
        parts.append(
            fmt(lang._("Follow changes with the {feed}."), feed=link(lang._("Atom feed"), feed))
        )
    for version in sorted(data.versions, key=lambda v: v.effective, reverse=True):
        rows = _document_rows(publication, documents, version, lang, url_of)
        if not rows:
            continue
        heading = fmt(
            lang._("{date} (version {version})"),
            date=lang.date(version.effective),
            version=version.label,
        )
        parts.append(f"## {heading} {{#{anchor(version)}}}")
        facts = [fmt(lang._("Effective from {date}."), date=lang.date(version.effective))]
        if version.published is not None:
            facts.append(fmt(lang._("Published {date}."), date=lang.date(version.published)))
        if version.material:
            facts.append(Md(lang._("This is a material change.")))
        parts.append(Md(" ".join(facts)))
        if version.summary is not None:
            parts.append(sanitize_body(lang.text(version.summary)))
        parts.append(Md("\n".join(rows)))
    return "\n\n".join(parts).rstrip() + "\n"


def _document_rows(
    publication: Publication,
    documents: Sequence[str],
    version: Version,
    lang: Language,
    url_of: UrlOf,
) -> list[str]:
    rows = []
    for document in documents:
        key = (document, lang.code)
        if key not in publication.timelines:
            continue
        timeline = publication.timelines[key]
        item = next((v for v in timeline.versions if v.version is version), None)
        if item is None:
            continue
        name = lang._(DOCUMENT_TITLES[document])
        text_url = url_of(document, version.effective, False) if item.body is not None else None
        label = link(name, text_url) if text_url else escape(name)
        pieces = [label, escape(lang._(STATES[item.state]))]
        if timeline.previous(item) is not None:
            changes = url_of(document, version.effective, True)
            if changes:
                pieces.append(link(lang._("what changed"), changes))
        rows.append("- " + " · ".join(pieces))
    return rows


_HEADING = re.compile(r"^## (.*?) \{#([A-Za-z0-9_-]+)\}\s*$")
_MARK = re.compile(r"</?(?:ins|del)>")
_DELETED = re.compile(r"<del>.*?</del>")


def changed_sections(marked: str, lang: Language) -> Md:
    """What a redline page changes, as links to the sections (computed from the redline)."""
    found: list[str] = []
    current: str | None = None
    for line in marked.split("\n"):
        heading = _HEADING.match(line)
        if heading:
            label = _MARK.sub("", _DELETED.sub("", heading.group(1))).strip()
            current = f"[{label}](#{heading.group(2)})"
            line = heading.group(1)
        if _MARK.search(line):
            entry = current or escape(lang._("Opening paragraph"))
            if entry not in found:
                found.append(entry)
    if not found:
        return Md(escape(lang._("No text changed between these versions.")))
    return Md(escape(lang._("Sections that changed:")) + "\n\n" + bullet_list(found))


def changes_heading(
    version: Version, previous: Version, document: str, lang: Language
) -> tuple[str, Md]:
    """Title and opening of a redline page: what is compared, and the version's summary."""
    name = lang._(DOCUMENT_TITLES[document])
    page_title = lang._("{document}: changes in the version of {date}").format(
        document=name, date=lang.date(version.effective)
    )
    lead = fmt(
        lang._(
            "Changes from the version of {old} to the version of {new}. Added text is "
            "underlined and marked as inserted; removed text is struck through and marked "
            "as deleted."
        ),
        old=lang.date(previous.effective),
        new=lang.date(version.effective),
    )
    summary = sanitize_body(lang.text(version.summary)) if version.summary is not None else None
    body = Md("\n\n".join(p for p in (lead, summary) if p))
    return page_title, body
