"""The HTML allowlist: what a legal page may contain after its Markdown became HTML.

`markdown.sanitize_body` keeps raw HTML in the Markdown fields inert as far as it can see,
but only the parser knows what the text really becomes. `clean_html` therefore runs on the
HTML that the Markdown turned into (with `nh3`, a binding of the `ammonia` sanitiser, which
parses as browsers do): every element, attribute and URL scheme outside the allowlist goes,
whatever path produced it. The allowlist is what legal texts and the plugin's own markup
need; docs/reference/html-hooks.md lists it.
"""

from __future__ import annotations

import nh3

TEXT = {"p", "br", "hr", "blockquote", "pre", "code", "kbd", "samp", "var", "span", "div"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = {"a", "abbr", "b", "cite", "dfn", "em", "i", "mark", "q", "s", "small", "strong"}
INLINE |= {"sub", "sup", "u", "time", "ins", "del"}
LISTS = {"ul", "ol", "li", "dl", "dt", "dd"}
TABLES = {"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"}
BLOCKS = {"details", "summary", "figure", "figcaption", "section", "aside", "nav"}
TAGS = TEXT | HEADINGS | INLINE | LISTS | TABLES | BLOCKS

ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href", "hreflang"},
    "ol": {"start", "reversed", "type"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "ins": {"datetime"},
    "del": {"datetime"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(fragment: str) -> str:
    """`fragment` with only the allowlisted elements, attributes and URL schemes left.

    Elements outside the list are unwrapped (their text stays, shown as text);
    `script`, `style` and similar lose their content too. Comments go. Links keep
    their `rel` as written (none), relative links and fragments stay.
    """
    return nh3.clean(
        fragment,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
