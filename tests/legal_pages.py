"""Read the legal pages of two built sites and say how they differ, for the tests that build
a site through `export` and another generator and compare it with the plugin's build.

A page is compared by what a reader gets from its `<article>`: the text, the headings with
their ids, the banner (state, document, `<time datetime>` values, link targets), the words
marked `<ins>`/`<del>`, and every link target, resolved against the page's own URL so that
`../changelog/` and `/sv/changelog/` count as the same address.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml
from conftest import ROOT

TOOLS = Path(sys.executable).parent

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}


@dataclass
class Article:
    text: list[str] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)
    banner: dict[str, Any] | None = None
    ins: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    """Collects the `Article` facts of one page; `page` is its absolute path on the site."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.article = Article()
        self.depth = 0  # inside <article> when > 0
        self.skip = 0  # inside a headerlink anchor
        self.stack: list[str] = []
        self.banner_depth: int | None = None
        self.marks: list[tuple[str, list[str]]] = []
        self.heading: tuple[str, str, list[str]] | None = None

    def resolve(self, href: str) -> str:
        if href.startswith(("http://", "https://", "mailto:", "tel:")):
            return href
        joined = urljoin("https://site" + self.page, href)
        return joined.removeprefix("https://site")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "article":
            self.depth += 1
            return
        if not self.depth:
            return
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "a" and ("headerlink" in values.get("class", "") or values.get("id") == "__skip"):
            self.skip += 1
            return
        if tag == "aside" and "legal-banner" in values.get("class", ""):
            self.banner_depth = len(self.stack)
            self.article.banner = {
                "state": values.get("data-legal-state"),
                "document": values.get("data-legal-document"),
                "times": [],
                "links": [],
            }
        banner = self.article.banner if self.banner_depth is not None else None
        if tag == "time" and banner is not None:
            banner["times"].append(values.get("datetime"))
        if tag == "a" and "href" in values:
            target = self.resolve(values["href"])
            self.article.links.append(target)
            if banner is not None:
                banner["links"].append(target)
        if tag in ("ins", "del"):
            self.marks.append((tag, []))
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = (tag, values.get("id", ""), [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
            return
        if not self.depth or tag in VOID:
            return
        if tag == "a" and self.skip:
            self.skip -= 1
            if self.stack and self.stack[-1] == "a":
                self.stack.pop()
            return
        if (
            self.banner_depth is not None
            and tag == "aside"
            and len(self.stack) == self.banner_depth
        ):
            self.banner_depth = None
        if tag in ("ins", "del") and self.marks:
            kind, words = self.marks.pop()
            target = self.article.ins if kind == "ins" else self.article.deleted
            target.append(" ".join("".join(words).split()))
        if self.heading is not None and tag == self.heading[0]:
            _, ident, words = self.heading
            self.article.headings.append((" ".join("".join(words).split()), ident))
            self.heading = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.depth or self.skip:
            return
        words = data.split()
        if words:
            self.article.text.extend(words)
        for _, collected in self.marks:
            collected.append(data)
        if self.heading is not None:
            self.heading[2].append(data)


def article(site: Path, url_path: str) -> Article:
    """The article of the page at `url_path` (an absolute path such as `/sv/privacy/`)."""
    relative = url_path.lstrip("/")
    file = site / relative / "index.html" if url_path.endswith("/") else site / relative
    reader = _Reader(url_path)
    reader.feed(file.read_text(encoding="utf-8"))
    return reader.article


def legal_urls(manifest: dict[str, Any], changelogs: list[str]) -> list[str]:
    """Every page address the manifest lists (documents, versions, redlines), as paths,
    with the changelog pages."""
    found = set(changelogs)
    for per_language in manifest["documents"].values():
        for entry in per_language.values():
            found.add(urlsplit(entry["url"]).path)
            for version in entry["versions"]:
                for key in ("url", "changes_url"):
                    if version[key]:
                        found.add(urlsplit(version[key]).path)
    return sorted(found)


def compare_sites(plugin: Path, other: Path, changelogs: list[str], base: str = "/") -> list[str]:
    """Every difference in the legal pages of two builds, as readable lines (none: equal).

    `changelogs` are the changelog pages' paths below `base`, the path of `site_url`."""
    manifest = json.loads((plugin / "legal.json").read_text(encoding="utf-8"))
    differences = []
    if (other / "legal.json").read_bytes() != (plugin / "legal.json").read_bytes():
        differences.append("legal.json differs")
    urls = legal_urls(manifest, [base + c for c in changelogs])
    for url in urls:
        local = url.removeprefix(base.rstrip("/"))
        mine, theirs = article(plugin, local), article(other, local)
        for name in ("text", "headings", "banner", "ins", "deleted", "links"):
            a, b = getattr(mine, name), getattr(theirs, name)
            if a != b:
                differences.append(f"{url}: {name} differs:\n  plugin: {a}\n  other:  {b}")
    return differences


def third_party_requests(site: Path, hosts_allowed: tuple[str, ...] = ()) -> list[str]:
    """Every resource (script, image, stylesheet, font, frame) a page of `site` would load
    from another host: a static reading of `src` and `<link href>` attributes and CSS `url()`."""

    class Loads(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = {k: v or "" for k, v in attrs}
            if tag == "link" and values.get("rel") not in ("canonical", "alternate"):
                self.found.append(values.get("href", ""))
            for key in ("src", "srcset", "data", "poster"):
                if key in values and tag != "a":
                    self.found.append(values[key])

    out = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        reader = Loads()
        reader.feed(text)
        urls = reader.found + re.findall(r"url\(\s*['\"]?([^'\")]+)", text)
        urls += re.findall(r"@import\s+['\"]([^'\"]+)", text)
        for url in urls:
            host = urlsplit(url.strip()).hostname
            if host and host not in hosts_allowed:
                out.append(f"{page.relative_to(site)}: {url}")
    return out


def site_config(**overrides: object) -> dict[str, object]:
    config: dict[str, object] = {
        "site_name": "Legal",
        "theme": {"name": "material", "font": False},
        "markdown_extensions": ["admonition", "attr_list", "tables", {"toc": {"permalink": True}}],
    }
    config.update(overrides)
    return config


def with_i18n(structure: str, *languages: str) -> dict[str, object]:
    entries = [
        {"locale": code, "name": code, **({"default": True} if i == 0 else {})}
        for i, code in enumerate(languages)
    ]
    return {"i18n": {"docs_structure": structure, "languages": entries}}


def write_site(root: Path, config: dict[str, object], pages: dict[str, str]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    for name, text in pages.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")


def demo_site(root: Path) -> Path:
    """A small site around the demo's data file and history (English and Swedish, three
    versions, one upcoming on the tests' day), with the `legal` plugin in its `mkdocs.yml`."""
    shutil.copy(ROOT / "example" / "legal.yml", root / "legal.yml")
    shutil.copytree(ROOT / "example" / "legal-history", root / "legal-history")
    legal = {"legal": {"data": "legal.yml", "timezone": "Europe/Stockholm"}}
    config = site_config(
        site_url="https://motesbokarna.se/",
        plugins=["search", with_i18n("suffix", "en", "sv"), legal],
    )
    write_site(root, config, {"index.md": "# Home\n", "index.sv.md": "# Hem\n"})
    return root


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


def tool(name: str) -> str:
    """A command installed beside this Python (`zensical`, `properdocs`, …)."""
    return str(TOOLS / name)
