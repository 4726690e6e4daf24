"""The documentation pages as readers see them: Markdown that renders as written, worked
examples that pass `check --strict`, a languages matrix that is the package's, and pictures
that load nothing from other hosts (issue 22)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))


def extensions() -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions of the docs site's `mkdocs.yml`, with their options."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)
    names: list[str] = []
    options: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if settings:
            options[name] = settings
    return names, options


class _AnyTag(yaml.SafeLoader):
    """Reads `!!python/name:` and other tags of an mkdocs.yml as plain values."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def render(text: str) -> str:
    names, options = extensions()
    return markdown.markdown(text, extensions=names, extension_configs=options)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_list_item_is_swallowed_by_a_paragraph(path: Path) -> None:
    """A numbered or bulleted line right after an indented block renders as text of the item
    before it (the history recipe's step 5 did): every such line must start its own item."""
    html = render(path.read_text(encoding="utf-8"))
    paragraphs = re.findall(r"<p>(.*?)</p>", html, re.S)
    swallowed = [
        line
        for p in paragraphs
        for line in p.splitlines()[1:]
        if re.match(r"\s*(\d+\.|[-*+]) \S", line)
    ]
    assert not swallowed, f"{path.name}: list items rendered inside a paragraph: {swallowed}"
