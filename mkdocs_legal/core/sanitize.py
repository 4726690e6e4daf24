"""The HTML allowlist: what a legal page may contain after its Markdown became HTML.

`markdown.sanitize_body` keeps raw HTML in the Markdown fields inert as far as it can see,
but only the parser knows what the text really becomes. `clean_html` therefore runs on the
HTML that the Markdown turned into (with `nh3`, a binding of the `ammonia` sanitiser, which
parses as browsers do): every element, attribute and URL scheme outside the allowlist goes,
whatever path produced it. The allowlist is what legal texts and the plugin's own markup
need; docs/reference/html-hooks.md lists it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from html.parser import HTMLParser
from typing import Any

import nh3

TEXT = {"p", "br", "hr", "blockquote", "pre", "code", "kbd", "samp", "var", "span", "div"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = {"a", "abbr", "b", "cite", "dfn", "em", "i", "mark", "q", "s", "small", "strong"}
INLINE |= {"sub", "sup", "u", "time", "ins", "del"}
LISTS = {"ul", "ol", "li", "dl", "dt", "dd"}
TABLES = {"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"}
BLOCKS = {"details", "summary", "figure", "figcaption", "section", "aside", "nav"}
CONTROLS = {"input", "label"}  # Material's content tabs and task lists: no form, no script
TAGS = TEXT | HEADINGS | INLINE | LISTS | TABLES | BLOCKS | CONTROLS

ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href", "hreflang"},
    "ol": {"start", "reversed", "type"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "ins": {"datetime"},
    "del": {"datetime"},
    "input": {"checked", "disabled", "name"},
    "label": {"for"},
    "div": {"data-tabs"},
}
ATTRIBUTE_VALUES = {"input": {"type": {"checkbox", "radio"}}}
STYLES = {"text-align"}  # a table column's alignment, the only style Markdown writes
URL_SCHEMES = {"http", "https", "mailto", "tel"}


# Names that start with `__` are the theme's (`__consent`, `__drawer`, `__search`): a heading
# written `### __consent` must not take one over (nor set a global such as `window.__x`).
# Material's own content features number theirs: content tabs and code blocks.
_THEME_NAME = re.compile(r"__(?:tabbed|code)_[0-9_]+")


def _names(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("id", "name", "for") and value.startswith("__"):
        return value if _THEME_NAME.fullmatch(value) else None
    return value


def clean_html(fragment: str) -> str:
    """`fragment` with only the allowlisted elements, attributes and URL schemes left.

    Elements outside the list are unwrapped (their text stays, shown as text);
    `script`, `style` and similar lose their content too. Comments go. Links keep
    their `rel` as written (none), relative links and fragments stay; `{` and `}` are
    written as character references. An `id`, `name`
    or `for` that starts with `__` goes unless it is one Material's content features
    number (`__tabbed_1_1`, `__code_0`).
    """
    clean = nh3.clean(
        fragment,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_names,
        tag_attribute_values=ATTRIBUTE_VALUES,
        filter_style_properties=STYLES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # The sanitiser writes `&#123;` as `{`: keep template syntax from the data inert for
    # whatever reads the page next (the characters read the same in text and attributes).
    return clean.replace("{", "&#123;").replace("}", "&#125;")


# --- what the allowlist would take out --------------------------------------------------------


# The checker's Markdown: Python-Markdown with the extensions that decide how text nests
# (lists, tables, definition lists, admonitions, footnotes, HTML blocks) or adds links and
# attributes. Extensions that only add inline emphasis add nothing a link or element could
# hide in; pymdownx's containers (`???`, `===`) are covered by `markdown.sanitize_body`
# neutralising reference definitions wherever they stand.
def _extensions() -> list[Any]:
    from markdown.extensions.abbr import AbbrExtension
    from markdown.extensions.admonition import AdmonitionExtension
    from markdown.extensions.attr_list import AttrListExtension
    from markdown.extensions.def_list import DefListExtension
    from markdown.extensions.footnotes import FootnoteExtension
    from markdown.extensions.md_in_html import MarkdownInHtmlExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    return [
        AbbrExtension(),
        AdmonitionExtension(),
        AttrListExtension(),
        DefListExtension(),
        FootnoteExtension(),
        MarkdownInHtmlExtension(),
        SaneListExtension(),
        TableExtension(),
    ]


class _Inventory(HTMLParser):
    """Every element, attribute (with its value) and comment of an HTML fragment, counted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found[f"<{tag}>"] += 1
        for name, value in attrs:
            if name == "style":  # the sanitiser rewrites it: `text-align: left;` → `…:left`
                value = re.sub(r"[\s;]", "", value or "")
            self.found[f"<{tag} {name}={value or ''!r}>"] += 1

    def handle_comment(self, data: str) -> None:
        self.found["<!-- -->"] += 1

    def handle_decl(self, decl: str) -> None:
        self.found[f"<!{decl[:20]}>"] += 1

    def handle_pi(self, data: str) -> None:
        self.found[f"<?{data[:20]}>"] += 1

    def unknown_decl(self, data: str) -> None:
        self.found[f"<![{data[:20]}>"] += 1


def _inventory(fragment: str) -> Counter[str]:
    parser = _Inventory()
    parser.feed(fragment)
    parser.close()
    return parser.found


def removed(fragment: str) -> list[str]:
    """What `clean_html` would take out of `fragment` (elements, attributes, comments)."""
    return sorted((_inventory(fragment) - _inventory(clean_html(fragment))).elements())


@functools.cache
def _markdown() -> Any:
    import markdown

    return markdown.Markdown(extensions=_extensions())


_MAY_CARRY = re.compile(r"<|!\[|\].*?[:&]", re.DOTALL)


def markdown_removed(text: str) -> list[str]:
    """What the allowlist would take out of the HTML that Markdown `text` becomes.

    Without `<` (raw HTML, autolinks), `![` (images) and a `]` followed by `:` or `&` (a link
    or reference definition with a scheme, plain or as a character reference), Markdown makes
    only paragraphs, lists, tables, emphasis and relative links: no parser is needed.
    """
    if not _MAY_CARRY.search(text):
        return []
    converter = _markdown()
    try:
        return removed(converter.reset().convert(text))
    finally:
        converter.reset()
