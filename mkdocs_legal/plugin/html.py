"""Small changes to the HTML of the plugin's own pages, after MkDocs has rendered them."""

from __future__ import annotations

import html
import re

_LINK = re.compile(r'<a href="(https?://[^"]*)">([^<]*)</a>')


def mark_bare_links(page: str) -> str:
    """Give `class="legal-url"` to external links whose text is their address.

    In print, `legal.css` writes each external link's address after its text; a link that
    already reads as its address would show it twice.
    """

    def mark(found: re.Match[str]) -> str:
        href, text = html.unescape(found[1]), html.unescape(found[2]).strip()
        if text.rstrip("/") != href.rstrip("/"):
            return found[0]
        return f'<a class="legal-url" href="{found[1]}">{found[2]}</a>'

    return _LINK.sub(mark, page)


def page_wrapper(kind: str, document: str | None, content: str) -> str:
    """The content of one of the plugin's pages, in the element its stylesheet is scoped to:
    `<div class="legal-page" data-legal-page="document|version|changes|changelog"
    data-legal-document="privacy|cookies|terms">` (no document on the changelog)."""
    about = f' data-legal-document="{html.escape(document)}"' if document else ""
    return (
        f'<div class="legal-page" data-legal-page="{html.escape(kind)}"{about}>\n{content}\n</div>'
    )
