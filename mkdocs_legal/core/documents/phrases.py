"""Data-file phrases inside the clauses' sentences, and sentences joined into paragraphs."""

from __future__ import annotations

from ..markdown import Md
from .base import Context

LOWER_FIRST_WORDS = {
    "de": {"per", "mit", "durch", "über", "via", "an", "in", "schriftlich", "telefonisch"},
}
"""Languages that capitalise nouns lower only these first words of a phrase; the others lower
any first word written in small letters after its capital ("By email" → "by email")."""


def phrase(ctx: Context, text: str) -> str:
    """A data-file phrase to sit inside one of our sentences: trimmed, without a closing full
    stop, and with its first word in small letters where the language writes it so."""
    text = text.strip().rstrip(".").rstrip()
    first = text.split(" ", 1)[0]
    if len(first) < 2 or not first[1:].islower() or not first[0].isupper():
        return text
    only = LOWER_FIRST_WORDS.get(ctx.lang.code.split("-")[0].split("_")[0])
    if only is not None and first.lower() not in only:
        return text
    return text[0].lower() + text[1:]


def sentences(*parts: Md | None) -> Md:
    """Sentences of one paragraph, empty ones left out."""
    return Md(" ".join(p for p in parts if p))
