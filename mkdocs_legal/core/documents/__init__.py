"""The documents: one module per document, each a list of section builders."""

from __future__ import annotations

from collections.abc import Callable

from ..language import Language
from ..markdown import internal
from ..model import LegalData
from . import cookies, privacy, terms
from .base import Context, Document, Links

Renderer = Callable[[Context], Document]

RENDERERS: dict[str, Renderer] = {
    "privacy": privacy.render,
    "cookies": cookies.render,
    "terms": terms.render,
}

ORDER = ("privacy", "cookies", "terms")

SECTION_IDS: dict[str, list[str]] = {
    "privacy": [section_id for section_id, _, _ in privacy.SECTIONS],
    "cookies": [section_id for section_id, _, _ in cookies.SECTIONS],
    "terms": [section_id for section_id, _, _ in terms.SECTIONS],
}
"""Each document's built-in section ids, in order (what `sections:` may refer to)."""


def available(data: LegalData) -> list[str]:
    """Documents the data file has facts for, in site order."""
    have = {"privacy"}
    if data.cookies is not None:
        have.add("cookies")
    if data.terms is not None:
        have.add("terms")
    return [d for d in ORDER if d in have and d in RENDERERS]


def render(
    data: LegalData, document: str, language: Language, links: Links | None = None
) -> Document:
    """Render one document in one language."""
    return RENDERERS[document](Context(data, language, links or Links()))


def site_links(data: LegalData) -> Links:
    """Links to the other generated pages as `legal:<page>` tokens (see `markdown.internal`).

    The cookie-settings control is linked when a cookie needs consent; the site decides
    what the token leads to (Material's consent dialog, or the cookie policy's section).
    """
    pages = [*available(data), "changelog"]
    return Links(
        documents={page: internal(page) for page in pages},
        cookie_settings=internal("consent") if cookies.needs_consent(data) else None,
    )


def render_markdown(data: LegalData, document: str, language: Language) -> str:
    """A document's Markdown as published and frozen: links to other pages as tokens."""
    links = site_links(data)
    own = {k: v for k, v in links.documents.items() if k != document}
    return render(data, document, language, Links(own, links.cookie_settings)).to_markdown()


__all__ = ["Document", "Links", "available", "render", "render_markdown", "site_links"]
