"""Effective-date banners and the site-wide notice of upcoming versions (SPEC §5).

The HTML comes from `partials/legal-banner.html` and `partials/legal-notice.html`,
which a file of the same name in the user's `custom_dir` overrides; the MkDocs plugin
renders them with the theme's templates, `export` with the same files (see `TEMPLATES`). The context
carries plain facts (dates, URLs, state) and ready sentences whose dates are
already wrapped in `<time datetime>`; every data-file value is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .language import Language
from .pages import Layout, PageSpec
from .publication import Publication, Timeline, VersionText
from .records import record
from .vocabulary import DOCUMENT_TITLES

BANNER_TEMPLATE = "partials/legal-banner.html"
NOTICE_TEMPLATE = "partials/legal-notice.html"
TEMPLATES = Path(__file__).parent.parent / "plugin" / "theme"
"""The theme folder the plugin adds to MkDocs: banner partials and `legal.css`."""
STYLESHEET = "assets/stylesheets/legal.css"


def time(value: date, lang: Language) -> Markup:
    return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), lang.date(value))


def sentence(lang: Language, message: str, **dates: date) -> Markup:
    """A translated message with its `{name}` date slots filled by `<time>` elements."""
    return Markup(escape(lang._(message))).format(**{k: time(v, lang) for k, v in dates.items()})


UrlOf = Callable[[str], "str | None"]
"""A generated page's path → its URL relative to the page being shown (None: no such page)."""


class Banner:
    """Banner and notice facts for one page, with URLs relative to that page."""

    def __init__(
        self, publication: Publication, layout: Layout, lang: Language, url: UrlOf
    ) -> None:
        self.publication = publication
        self.layout = layout
        self.lang = lang
        self.url = url

    def _version_url(self, item: VersionText) -> str | None:
        return self.url(self.layout.version(item.document, item.effective))

    def _changes_url(self, timeline: Timeline, item: VersionText) -> str | None:
        if timeline.previous(item) is None:
            return None
        return self.url(self.layout.changes(item.document, item.effective))

    def context(self, spec: PageSpec) -> dict[str, Any]:
        """What `partials/legal-banner.html` shows on a document or dated-version page."""
        assert spec.item is not None and spec.document is not None
        item, lang = spec.item, self.lang
        timeline = self.publication.timeline(item.document, lang.code)
        lines: list[Markup] = []
        out: dict[str, Any] = {
            "state": item.state,
            "document": item.document,
            "effective": item.effective.isoformat(),
            "effective_text": lang.date(item.effective),
            "version": item.version.label,
            "label": lang._("Version information"),
            "changelog_url": self.url(self.layout.changelog),
            "changelog_text": lang._("Version history"),
            "version_text": Markup(escape(lang._("Version {version}"))).format(
                version=item.version.label
            ),
        }
        if item.state == "current":
            out["headline"] = sentence(lang, "Effective from {date}", date=item.effective)
            later = [v for v in timeline.upcoming if v.effective > item.effective]
            if later:
                nxt = later[0]
                out["next"] = {
                    "effective": nxt.effective.isoformat(),
                    "url": self._version_url(nxt) if nxt.body is not None else None,
                    "changes_url": self._changes_url(timeline, nxt),
                }
                lines.append(
                    sentence(lang, "A new version takes effect on {date}.", date=nxt.effective)
                )
        elif item.state == "upcoming":
            out["headline"] = sentence(
                lang, "This version takes effect on {date}", date=item.effective
            )
            if timeline.current is not None:
                out["current_url"] = self.url(self.layout.paths[item.document])
                out["current_text"] = lang._("Read the version in force")
        else:
            following = timeline.versions[timeline.position(item) + 1]
            until = following.effective - timedelta(days=1)
            out["until"] = until.isoformat()
            out["headline"] = sentence(
                lang, "In effect from {start} to {end}", start=item.effective, end=until
            )
            out["current_url"] = self.url(self.layout.paths[item.document])
            out["current_text"] = lang._("Read the current version")
        out["lines"] = lines
        out["next_text"] = lang._("Read the new version")
        out["changes_text"] = lang._("What changes")
        return out

    def notice(self, items: list[NoticeItem]) -> dict[str, Any] | None:
        """Upcoming versions in this language, for Material's announce bar (None if none)."""
        if not items:
            return None
        return {
            "items": [
                {
                    "document": item.document,
                    "effective": item.effective,
                    "sentence": item.sentence,
                    "url": item.version and self.url(item.version),
                    "changes_url": item.changes and self.url(item.changes),
                }
                for item in items
            ],
            "label": self.lang._("Upcoming changes"),
            "next_text": self.lang._("Read the new version"),
            "changes_text": self.lang._("What changes"),
        }


@record
class NoticeItem:
    """One document's next version, as the notice says it on every page of a language."""

    document: str
    effective: str
    sentence: Markup
    version: str | None
    """Source path of the version's page, when it has a text."""
    changes: str | None
    """Source path of its redline, when there is an earlier version."""


def notice_items(
    publication: Publication, layout: Layout, lang: Language, documents: list[str]
) -> list[NoticeItem]:
    """The next version of each document with one upcoming, in the language of `lang`."""
    items = []
    for document in documents:
        timeline = publication.timelines.get((document, lang.code))
        if timeline is None or not timeline.upcoming:
            continue
        nxt = timeline.upcoming[0]
        sentence = Markup(escape(lang._("{document}: a new version takes effect on {date}.")))
        items.append(
            NoticeItem(
                document,
                nxt.effective.isoformat(),
                sentence.format(
                    document=lang._(DOCUMENT_TITLES[document]), date=time(nxt.effective, lang)
                ),
                layout.version(document, nxt.effective) if nxt.body is not None else None,
                layout.changes(document, nxt.effective)
                if timeline.previous(nxt) is not None
                else None,
            )
        )
    return items
