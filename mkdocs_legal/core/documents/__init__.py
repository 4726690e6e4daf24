"""The documents: one module per document, each a list of section builders."""

from __future__ import annotations

from collections.abc import Callable

from ..language import Language
from ..model import LegalData
from . import cookies, privacy
from .base import Context, Document, Links

Renderer = Callable[[Context], Document]

RENDERERS: dict[str, Renderer] = {
    "privacy": privacy.render,
    "cookies": cookies.render,
}

ORDER = ("privacy", "cookies", "terms")


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


__all__ = ["Document", "Links", "available", "render"]
