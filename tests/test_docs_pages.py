"""The documentation pages as readers see them: Markdown that renders as written, worked
examples that pass `check --strict`, a languages matrix that is the package's, and pictures
that load nothing from other hosts (issue 22)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

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


# --- the built site ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs site built with `--strict` (the live example in its `example/` folder)."""
    site = tmp_path_factory.mktemp("docs") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def local_targets(html: str) -> list[str]:
    """The relative `href` and `src` values of a page, fragments and queries cut off."""
    values = re.findall(r'\b(?:href|src)="([^"#?]+)[^"]*"', html)
    return [v for v in values if not urlsplit(v).scheme and not v.startswith(("/", "//"))]


@pytest.mark.slow
def test_every_link_of_the_docs_reaches_a_file(built: Path) -> None:
    """MkDocs checks links to Markdown pages; links it leaves as they are (into the live
    example, to `legal.json`, to pictures) must reach a file of the built site too."""
    broken = []
    for page in built.rglob("*.html"):
        if built / "example" in page.parents:
            continue  # the example's own links are the plugin's, tested with its builds
        for target in local_targets(page.read_text(encoding="utf-8")):
            path = (page.parent / unquote(target)).resolve()
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{page.relative_to(built)}: {target}")
    assert not broken, "\n".join(broken)


@pytest.mark.slow
def test_the_example_links_back_to_the_docs(built: Path) -> None:
    for language in ("", "sv/"):
        home = (built / "example" / language / "index.html").read_text(encoding="utf-8")
        back = "../" if not language else "../../"
        assert f'href="{back}"' in home, language
