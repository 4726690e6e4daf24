"""The plugin never overwrites or restyles the host site, and its pages are well linked into
it: URL collisions, sitemap, alternates, link validation, CSS, `site_url` (issue 15 items
1–8)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, Build
from test_consent import BASIC, COOKIES

pytestmark = pytest.mark.slow


# --- 1. a generated page never replaces a host page ------------------------------------------


def test_a_host_changelog_folder_page_is_refused_before_anything_is_written(
    build_site: Callable[..., Build],
) -> None:
    result, site = build_site("host-changelog")
    assert result.returncode != 0
    assert "changelog/index.md" in result.stderr
    assert "version history (changelog)" in result.stderr
    assert "`changelog: {path: …}`" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_moving_the_plugins_changelog_keeps_the_hosts(build_site: Callable[..., Build]) -> None:
    result, site = build_site("host-changelog", changelog={"path": "legal/changelog"})
    assert result.returncode == 0, result.stderr
    assert "product changelog of the host site" in (site / "changelog/index.html").read_text()
    assert "Version history" in (site / "legal/changelog/index.html").read_text()
    assert (site / "legal/changelog/feed.xml").is_file()


@pytest.mark.parametrize(
    ("host_file", "generated", "option"),
    [
        ("docs/privacy/README.md", "the privacy page (en)", "documents: {privacy: {path: …}}"),
        ("docs/privacy/index.md", "the privacy page (sv)", "documents: {privacy: {path: …}}"),
        ("docs/privacy.sv.md", "the privacy page (sv)", "documents: {privacy: {path: …}}"),
        ("docs/sv/privacy.md", "the privacy page (sv)", "documents: {privacy: {path: …}}"),
        (
            "docs/privacy/2024-05-01.md",
            "the privacy version of 2024-05-01 (en)",
            "documents: {privacy: {path: …}}",
        ),
        ("docs/changelog/index.sv.md", "version history (changelog) (sv)", "changelog: {path: …}"),
        ("docs/sv/changelog/feed.xml", "the Atom feed (sv)", "changelog: {path: …}"),
        ("docs/legal.json", "the manifest legal.json", None),
    ],
)
def test_every_generated_url_is_checked_in_every_language(
    build_site: Callable[..., Build], host_file: str, generated: str, option: str | None
) -> None:
    result, site = build_site("two-languages", files={host_file: "# Ours\n"})
    assert result.returncode != 0
    assert host_file.removeprefix("docs/") in result.stderr
    assert generated in result.stderr
    assert (f"`{option}`" if option else "rename legal.json") in result.stderr
    assert not site.exists()


# --- 2. history pages stay out of the sitemap -------------------------------------------------


HISTORY_URL = re.compile(r"/\d{4}-\d{2}-\d{2}/")


@pytest.mark.parametrize("name", ["one-language", "two-languages", "mkdocs-theme"])
def test_history_pages_are_not_in_the_sitemap(build_site: Callable[..., Build], name: str) -> None:
    result, site = build_site(name)
    assert result.returncode == 0, result.stderr
    assert (site / "privacy/2024-05-01/index.html").is_file()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert any(loc.endswith("/privacy/") for loc in locs), locs
    assert not [loc for loc in locs if HISTORY_URL.search(loc)]


# --- 6. the stylesheet styles only the plugin's elements, and loads first ---------------------

STYLESHEET = (
    Path(__file__).resolve().parent.parent
    / "mkdocs_legal/plugin/theme/assets/stylesheets/legal.css"
)


def selectors(css: str) -> list[str]:
    """Every selector of every rule (at-rules' preludes left out), split at top-level commas."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    found = []
    for prelude in re.findall(r"([^{}]+)\{", css):
        prelude = " ".join(prelude.split())
        if prelude.startswith("@"):
            continue
        depth, start = 0, 0
        for i, char in enumerate(prelude + ","):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if char == "," and depth == 0:
                found.append(prelude[start:i].strip())
                start = i + 1
    return found


def test_every_rule_is_scoped_to_the_plugins_elements() -> None:
    found = selectors(STYLESHEET.read_text(encoding="utf-8"))
    assert len(found) > 10
    unscoped = [s for s in found if not re.search(r"\.legal-(page|banner|notice)\b", s)]
    assert unscoped == []


def test_the_stylesheet_loads_before_the_users(build_site: Callable[..., Build]) -> None:
    config = (FIXTURES / "sites/two-languages/mkdocs.yml").read_text(encoding="utf-8")
    assert "extra_css" not in config  # the fixture has none: add one
    result, site = build_site(
        "two-languages",
        files={
            "docs/extra.css": ".legal-banner {}\n",
            "mkdocs.yml": config + "extra_css: [extra.css]\n",
        },
    )
    assert result.returncode == 0, result.stderr
    for page in ("privacy/index.html", "sv/privacy/index.html", "index.html"):
        html = (site / page).read_text(encoding="utf-8")
        links = re.findall(r'<link rel="stylesheet" href="([^"]*)"', html)
        ours = [i for i, href in enumerate(links) if href.endswith("legal.css")]
        theirs = [i for i, href in enumerate(links) if href.endswith("extra.css")]
        assert len(ours) == len(theirs) == 1 and ours[0] < theirs[0], links


# --- 5. the plugin's own links pass MkDocs' link validation -----------------------------------


@pytest.mark.parametrize("validation", [None, {"anchors": "warn"}, {"anchors": "info"}])
def test_consent_links_pass_link_validation_in_every_mode(
    copy_site: Callable[..., Path], validation: dict[str, str] | None
) -> None:
    root = copy_site("two-languages", files={"legal.yml": BASIC + COOKIES}, data="legal.yml")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    if validation is not None:
        config["validation"] = validation
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "__consent" not in result.stderr
    assert 'href="#__consent"' in (root / "site/cookies/index.html").read_text(encoding="utf-8")
