"""Markdown building blocks that keep data-file strings inert.

Every string from a data file reaches a page through `escape` (plain text) or
`sanitize_body` (the Markdown `body`/`intro` fields). Trusted Markdown that the
renderer writes itself is wrapped in `Md`, so the two can never be confused.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

_ALWAYS = re.compile(r"[&<>\\`*_{}\[\]|~^$]")
_EMOJI = re.compile(r":(?=[\w+-]+:)")
_BLOCK_START = re.compile(r"^(?:[#>+=-]|\d+[.)])")
_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "legal:")
_INTERNAL = re.compile(r"\[([^\]\n]*)\]\(<?legal:([a-z_]+)(#[A-Za-z0-9_-]*)?>?\)")

INTERNAL_SCHEME = "legal:"
"""Link targets `legal:<page>` name a generated page (a document id, `changelog`, or
`consent`) independently of where the text is shown; `resolve_internal` turns them
into real targets. Frozen texts keep the tokens, so they never depend on site layout."""


class Md(str):
    """A string that is already safe Markdown (written by the renderer, not the user)."""

    __slots__ = ()


def escape(text: str) -> Md:
    """Plain text → Markdown that renders as exactly that text, on one line.

    Characters that HTML, Markdown or common extensions (attribute lists,
    tables, emoji, mark, tilde, maths) give a meaning become numeric character
    references, so no markup, link, attribute or template syntax survives.
    Line breaks become spaces: a plain-text field is one paragraph.
    """
    if isinstance(text, Md):
        return text
    text = " ".join(str(text).split())
    out = _ALWAYS.sub(lambda m: f"&#{ord(m.group(0))};", text)
    out = _EMOJI.sub("&#58;", out)
    out = out.replace("==", "&#61;&#61;")
    if _BLOCK_START.match(out):
        out = f"&#{ord(out[0])};{out[1:]}"
    return Md(out)


def join(parts: Iterable[str], sep: str = "") -> Md:
    """Join trusted pieces (each already `Md` or escaped by the caller)."""
    return Md(sep.join(parts))


def fmt(template: str, **values: str) -> Md:
    """Fill `{name}` slots of a trusted template; plain-`str` values are escaped."""
    safe = {k: (v if isinstance(v, Md) else escape(v)) for k, v in values.items()}
    return Md(template.format(**safe))


def link(label: str, target: str) -> Md:
    """A Markdown link; the label is escaped, the target must be a safe URL or path."""
    return Md(f"[{escape(label)}](<{safe_url(target)}>)")


def safe_url(url: str) -> str:
    """`url` if it is http(s), mailto, tel, relative or a fragment; otherwise `#`.

    The URL is judged as a browser reads it from an attribute: character references
    decoded (`javascript&#58;…`), so no whitespace or control character may hide a scheme.
    """
    url = url.strip()
    seen = html.unescape(url)
    if any(c in seen for c in "<>\"'`") or re.search(r"[\x00-\x20\x7f]", seen):
        return "#"
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", seen)
    if scheme and not seen.lower().startswith(_SAFE_SCHEMES):
        return "#"
    return url


def internal(page: str) -> str:
    """The link target of a generated page, before `resolve_internal`."""
    return f"{INTERNAL_SCHEME}{page}"


def resolve_internal(markdown: str, targets: Mapping[str, str]) -> str:
    """Point `legal:<page>` links at `targets[page]`; a link to an unknown page becomes its label."""

    def replace(match: re.Match[str]) -> str:
        label, page, fragment = match.groups()
        target = targets.get(page)
        if target is None:
            return label
        return f"[{label}](<{target}{fragment or ''}>)"

    return _INTERNAL.sub(replace, markdown)


def email_link(address: str) -> Md:
    return (
        link(address, f"mailto:{address}")
        if safe_url(f"mailto:{address}") != "#"
        else escape(address)
    )


def phone_link(number: str) -> Md:
    digits = re.sub(r"[^0-9+]", "", number)
    return link(number, f"tel:{digits}") if digits else escape(number)


def bullet_list(items: Iterable[str]) -> Md:
    return Md("\n".join(f"- {item}" for item in items))


def table(header: list[str], rows: list[list[str]]) -> Md:
    """A pipe table; cells must be escaped already (escape() also escapes `|`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return Md("\n".join(lines))


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})([^`]*)$")
_FENCE_LANGUAGE = re.compile(r"^\s*\{?\s*\.?([A-Za-z0-9_+#-]+)")
# Python-Markdown's own code span (`BACKTICK_RE`): a backslash escapes the opening run, and
# a run closes only with a run of the same length.
_CODE_SPAN = re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))")
_LINK_TARGET = re.compile(r"(\]\()\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?")
_OPEN_LINK = re.compile(r"\]\((?=[^)]*$)")  # a link target that would go on past the line
# A reference definition wherever it stands (in a list item, quote, definition, admonition,
# tab, after any indentation), its label and target possibly on other lines.
_REF_DEF = re.compile(r"(\[[^\]]{1,999}\]:\s*)(?:<([^>\n]*)>|([^\s<>]+))")


def sanitize_body(markdown: str) -> Md:
    """User Markdown (`body`, `intro`, `summary`) → Markdown with raw HTML shown as text.

    Markdown formatting (emphasis, lists, links, headings below the section
    heading) is kept. Raw HTML, attribute lists, and links to anything but
    http(s)/mailto/tel/relative targets are neutralised. A fenced code block
    becomes a `<pre>` block written here, its text escaped, so nothing depends
    on whether the site's Markdown would read the same lines as a fence.
    Then the parser has the last word: if the HTML the result becomes still holds
    anything outside the allowlist (`sanitize.markdown_removed`), the field is
    shown as plain text (`as_text`).
    """
    text = _neutralise(markdown)
    from .sanitize import markdown_removed

    if markdown_removed(text):  # the parser saw markup the lines above did not: text only
        return as_text(markdown)
    return Md(text)


def markup_dropped(markdown: str) -> list[str]:
    """What of a Markdown field the allowlist refuses (then `sanitize_body` shows it as text)."""
    from .sanitize import markdown_removed

    return markdown_removed(_neutralise(markdown))


def _neutralise(markdown: str) -> str:
    out: list[str] = []
    fence: str | None = None  # the opening fence while inside a fenced block
    language, indent = "", 0
    code: list[str] = []
    for line in str(markdown).replace("\r\n", "\n").split("\n"):
        if fence is None:
            opening = _FENCE.match(line)
            if opening is None:
                out.append(_sanitize_line(line))
                continue
            fence, code, indent = opening.group(1), [], len(line) - len(line.lstrip())
            found = _FENCE_LANGUAGE.match(opening.group(2))
            language = found.group(1) if found else ""
        elif line.strip().startswith(fence) and not line.strip().strip(fence[0]):
            out.append(_code_block(code, language))
            fence = None
        else:
            code.append(line[min(indent, len(line) - len(line.lstrip())) :])
    if fence is not None:
        out.append(_code_block(code, language))
    return _REF_DEF.sub(_safe_definition, "\n".join(out))


def _safe_definition(match: re.Match[str]) -> str:
    label, bracketed, bare = match.groups()
    if bracketed is not None:
        url = safe_url(bracketed)
        return f"{label}<{url}>" if url != "#" else f"{label}#"
    return label + safe_url(bare)


def as_text(markdown: str) -> Md:
    """Markdown source shown as written: each paragraph escaped as plain text."""
    paragraphs = re.split(r"\n[ \t]*\n", str(markdown).replace("\r\n", "\n"))
    return Md("\n\n".join(escape(p) for p in paragraphs if p.strip()))


def _code_block(lines: list[str], language: str) -> str:
    """A fenced block's lines as a raw `<pre>` block: no markup, template or fence syntax left."""
    text = html.escape("\n".join(lines), quote=False).replace("{", "&#123;").replace("}", "&#125;")
    css = f' class="language-{language}"' if language else ""
    return f"\n<pre><code{css}>{text}</code></pre>\n"


def _sanitize_line(line: str) -> str:
    pieces: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(line):
        if match.group(2) is None:  # pairs of backslashes before a run: not a code span
            continue
        pieces.append(_sanitize_text(line[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_sanitize_text(line[last:]))
    result = "".join(pieces)
    # headings inside a body must not outrank the section heading
    heading = re.match(r"^(\s{0,3})(#{1,6})(\s)", result)
    if heading and len(heading.group(2)) < 3:
        result = heading.group(1) + "###" + result[heading.end(2) :]
    return result


def _sanitize_text(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"&amp;(#?[a-zA-Z0-9]+;)", r"&\1", text)
    text = text.replace("{", "\\{").replace("}", "\\}")
    text = _LINK_TARGET.sub(lambda m: m.group(1) + safe_url(m.group(2)), text)
    return _OPEN_LINK.sub(r"]\\(", text)  # its target is not on this line to check: no link
