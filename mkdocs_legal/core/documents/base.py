"""What every document shares: sections, numbering, custom sections, Markdown output."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field
from typing import Any

from ..language import Language
from ..markdown import Md, escape, fmt, link, sanitize_body
from ..model import LegalData, Text
from ..records import record


@record
class Links:
    """Where the other generated pages are, relative to the page being rendered.

    `documents` maps a document id (and `changelog`) to a link target; a document
    missing here is not linked. `cookie_settings` is the target of the control
    that reopens the consent dialog.
    """

    documents: Mapping[str, str] = field(default_factory=dict)
    cookie_settings: str | None = None


@record
class Section:
    id: str
    title: str
    body: Md


@record
class Document:
    """A rendered document in one language: title, optional intro, numbered sections."""

    id: str
    language: str
    title: str
    intro: Md | None
    sections: tuple[Section, ...]

    def to_markdown(self) -> str:
        """The document as Markdown, headings numbered and anchored by section id."""
        parts = [f"# {escape(self.title)}"]
        if self.intro:
            parts.append(self.intro)
        for number, section in enumerate(self.sections, start=1):
            parts.append(f"## {number}. {escape(section.title)} {{#{section.id}}}")
            parts.append(section.body)
        return "\n\n".join(parts).rstrip() + "\n"


class Context:
    """Everything a section needs: the data, the language and the links."""

    def __init__(self, data: LegalData, language: Language, links: Links) -> None:
        self.data = data
        self.lang = language
        self.links = links

    def _(self, message: str, **values: Any) -> Md:
        """Translate a trusted message and fill its slots; `str` values are escaped."""
        return fmt(self.lang._(message), **values)

    def text(self, value: Text | None) -> Md:
        return escape(self.lang.text(value)) if value is not None else Md("")

    def plain(self, value: Text) -> str:
        return self.lang.text(value)

    def body(self, value: Text) -> Md:
        return sanitize_body(self.lang.text(value))

    def link_to(self, target: str, label: str) -> Md | None:
        href = self.links.documents.get(target)
        return link(label, href) if href else None

    @property
    def org(self) -> str:
        return self.data.organisation.name


SectionBuilder = Callable[[Context], Md | None]


def paragraphs(*parts: Md | str | None) -> Md:
    """Join non-empty blocks with blank lines."""
    return Md("\n\n".join(p for p in parts if p))


def build(
    ctx: Context,
    document: str,
    title: str,
    builders: list[tuple[str, str, SectionBuilder]],
) -> Document:
    """Run the section builders, drop empty sections, apply custom sections and intro."""
    sections: list[Section] = []
    for section_id, section_title, builder in builders:
        body = builder(ctx)
        if body:
            sections.append(Section(section_id, ctx.lang._(section_title), body))
    sections = apply_custom_sections(ctx, document, sections)
    intro_text = ctx.data.intro.get(document)  # type: ignore[call-overload]
    intro = ctx.body(intro_text) if intro_text is not None else None
    return Document(document, ctx.lang.code, title, intro, tuple(sections))


def apply_custom_sections(ctx: Context, document: str, sections: list[Section]) -> list[Section]:
    """Insert `sections:` entries after the section they name, or in place of it."""
    for custom in ctx.data.sections:
        if custom.document != document:
            continue
        new = Section(custom.id, ctx.plain(custom.title), ctx.body(custom.body))
        ids = [s.id for s in sections]
        if custom.replace and custom.replace in ids:
            sections[ids.index(custom.replace)] = new
        elif custom.after and custom.after in ids:
            sections.insert(ids.index(custom.after) + 1, new)
        elif custom.after or custom.replace:
            # the anchor section is empty for this data: keep the text, at the end
            sections.append(new)
        else:
            sections.append(new)
    return sections
