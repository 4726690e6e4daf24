"""The generated pages of one language: documents, dated versions, redlines, changelog.

Page paths are site paths without `.md` (`privacy`, `privacy/2026-03-01`,
`privacy/2026-03-01/changes`, `changelog`); the adapter turns them into files.
`legal:<page>` link tokens in the texts are resolved here, per page, through a
`link(from_path, to_path)` function the adapter provides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import Literal

from .changelog import changed_sections, changelog_markdown, changes_heading
from .language import Language
from .markdown import escape, resolve_internal
from .model import LegalData
from .publication import Publication, VersionText
from .records import record

Kind = Literal["document", "version", "changes", "changelog"]
Link = Callable[[str, str], str]
Redline = Callable[[str, str], str]

HIDDEN = "---\nsearch:\n  exclude: true\n---\n\n"
"""Front matter that keeps history pages out of Material's search index."""


@record
class PageSpec:
    kind: Kind
    path: str
    markdown: str
    document: str | None = None
    item: VersionText | None = None


@record
class Layout:
    """Where the pages of a site go."""

    paths: Mapping[str, str]
    """document id → page path"""
    changelog: str
    consent: str | None = None
    """Link target of the cookie-settings control (e.g. Material's `#__consent`)."""

    def version(self, document: str, effective: date) -> str:
        return f"{self.paths[document]}/{effective.isoformat()}"

    def changes(self, document: str, effective: date) -> str:
        return f"{self.version(document, effective)}/changes"

    def page(self, document: str, effective: date | None = None, changes: bool = False) -> str:
        """The document's own page, a version's page, or a version's redline."""
        if effective is None:
            return self.paths[document]
        return self.changes(document, effective) if changes else self.version(document, effective)


class _Targets(Mapping[str, str]):
    """The `legal:` link targets of one page, each worked out when a text uses it."""

    def __init__(self, page: str, layout: Layout, link: Link) -> None:
        self.page, self.layout, self.link = page, layout, link
        self.names = [*layout.paths, "changelog"]
        if layout.consent is not None or "cookies" in layout.paths:
            self.names.append("consent")

    def __getitem__(self, name: str) -> str:
        layout = self.layout
        if name == "consent" and layout.consent is not None:
            return layout.consent
        if name == "consent" and "cookies" in layout.paths:
            return self.link(self.page, layout.paths["cookies"]) + "#manage"
        if name == "changelog":
            return self.link(self.page, layout.changelog)
        return self.link(self.page, layout.paths[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def resolve(markdown: str, page: str, layout: Layout, link: Link) -> str:
    """Turn `legal:` tokens into links relative to `page`."""
    return resolve_internal(markdown, _Targets(page, layout, link))


def _strip_title(body: str) -> str:
    first, _, rest = body.partition("\n")
    return rest.lstrip("\n") if first.startswith("# ") else body


def pages_for(
    data: LegalData,
    publication: Publication,
    documents: Sequence[str],
    lang: Language,
    layout: Layout,
    link: Link,
    redline: Redline,
    feed: str | None = None,
) -> list[PageSpec]:
    """Every page of one language, with its Markdown ready for MkDocs."""
    pages: list[PageSpec] = []
    for document in documents:
        key = (document, lang.code)
        if key not in publication.timelines:
            continue
        timeline = publication.timelines[key]
        own = layout.paths[document]
        if timeline.shown.body is not None:
            pages.append(
                PageSpec(
                    "document",
                    own,
                    resolve(timeline.shown.body, own, layout, link),
                    document,
                    timeline.shown,
                )
            )
        for item in timeline.with_text():
            assert item.body is not None
            path = layout.version(document, item.effective)
            pages.append(
                PageSpec(
                    "version",
                    path,
                    HIDDEN + resolve(item.body, path, layout, link),
                    document,
                    item,
                )
            )
            previous = timeline.previous(item)
            if previous is None:
                continue
            assert previous.body is not None
            path = layout.changes(document, item.effective)
            page_title, lead = changes_heading(item.version, previous.version, document, lang)
            marked = redline(_strip_title(previous.body), _strip_title(item.body))
            summary = changed_sections(marked, lang)
            text = f"# {escape(page_title)}\n\n{lead}\n\n{summary}\n\n---\n\n{marked}"
            pages.append(
                PageSpec(
                    "changes",
                    path,
                    HIDDEN + resolve(text, path, layout, link),
                    document,
                    item,
                )
            )

    def url_of(document: str, effective: date | None, changes: bool) -> str:
        return link(layout.changelog, layout.page(document, effective, changes))

    text = changelog_markdown(data, publication, documents, lang, url_of, feed)
    pages.append(
        PageSpec("changelog", layout.changelog, resolve(text, layout.changelog, layout, link))
    )
    return pages
