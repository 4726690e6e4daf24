"""Sites built through `mkdocs-legal export` and Zensical have the plugin's legal pages.

Each site is built twice from the same `mkdocs.yml`: with MkDocs and the `legal` plugin, and
with `mkdocs-legal export` followed by `zensical build` (one language) or `zensical-i18n
build` (several), which ignore the plugin. The legal pages must be the same: addresses,
text per document, language and version, banners, redlines, feeds and `legal.json`.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES
from legal_pages import (
    article,
    compare_sites,
    demo_site,
    run,
    site_config,
    third_party_requests,
    tool,
    with_i18n,
    write_site,
)

from mkdocs_legal.cli import main

# In CI (CI=true) these builds are mandatory: `zensical` comes with the `test` extra.
pytestmark = pytest.mark.skipif(
    not Path(tool("zensical")).exists() and os.environ.get("CI") != "true",
    reason="zensical is in the `test` extra",
)


@dataclass
class Builds:
    root: Path
    plugin: Path
    zensical: Path
    changelogs: list[str]
    base: str = "/"


def _build(root: Path, zensical: str, *export_args: str) -> Builds:
    """Build with the plugin into `plugin-site`, then export and build with Zensical."""
    plugin = run(
        [tool("python"), "-m", "mkdocs", "build", "-q", "-d", str(root / "plugin-site")], root
    )
    assert plugin.returncode == 0, plugin.stderr
    exported = run([tool("python"), "-m", "mkdocs_legal.cli", "export", *export_args], root)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    built = run([tool(zensical), "build"], root)
    assert built.returncode == 0, built.stdout + built.stderr
    return Builds(root, root / "plugin-site", root / "site", [])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """The demo (three versions, English and Swedish) through `zensical-i18n build`."""
    root = demo_site(tmp_path_factory.mktemp("demo"))
    builds = _build(root, "zensical-i18n")
    builds.changelogs = ["changelog/", "sv/changelog/"]
    return builds


V2 = """\
  - effective: 2026-01-01
    version: "2.0"
    published: 2025-11-01
    summary: {de: Neue Anschrift., en: New address.}
"""
V3 = """\
  - effective: 2027-06-01
    version: "3.0"
    published: 2026-11-01
    summary: {de: Neue E-Mail-Adresse., en: New email address.}
"""


@pytest.fixture(scope="module")
def three_versions(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """German first, then English, in folders; three versions (one upcoming), each released;
    no `site_url` and no directory URLs."""
    root = tmp_path_factory.mktemp("three")
    data = (FIXTURES / "sites" / "de-en" / "legal.yml").read_text(encoding="utf-8")
    legal = {"legal": {"data": "legal.yml", "timezone": "Europe/Berlin", "today": "2026-11-23"}}
    config = site_config(
        use_directory_urls=False, plugins=["search", with_i18n("folder", "de", "en"), legal]
    )
    write_site(root, config, {"de/index.md": "# Start\n", "en/index.md": "# Home\n"})
    steps = [
        data,
        data.replace("kontakt@", "office@") + V2,
        data.replace("kontakt@", "post@") + V2 + V3,
    ]
    for text in steps:
        (root / "legal.yml").write_text(text, encoding="utf-8")
        assert main(["release", str(root / "legal.yml")]) == 0
    builds = _build(root, "zensical-i18n")
    builds.changelogs = ["changelog.html", "en/changelog.html"]
    return builds


@pytest.fixture(scope="module")
def one_language(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """One language (Swedish), no i18n plugin: plain `zensical build`."""
    root = tmp_path_factory.mktemp("one")
    shutil.copy(FIXTURES / "data" / "basic.yml", root / "legal.yml")
    config = site_config(
        site_url="https://fjallsjo-konsult.se/",
        plugins=["search", {"legal": {"data": "legal.yml", "today": "2025-01-15"}}],
    )
    config["theme"] = {"name": "material", "font": False, "language": "sv"}
    write_site(root, config, {"index.md": "# Hem\n"})
    builds = _build(root, "zensical")
    builds.changelogs = ["changelog/"]
    return builds


SITES = ["demo", "three_versions", "one_language"]


@pytest.mark.parametrize("name", SITES)
def test_the_legal_pages_are_the_plugins(name: str, request: pytest.FixtureRequest) -> None:
    builds: Builds = request.getfixturevalue(name)
    assert compare_sites(builds.plugin, builds.zensical, builds.changelogs) == []


@pytest.mark.parametrize("name", SITES)
def test_feeds_are_the_plugins(name: str, request: pytest.FixtureRequest) -> None:
    builds: Builds = request.getfixturevalue(name)
    feeds = sorted(p.relative_to(builds.plugin) for p in builds.plugin.rglob("feed.xml"))
    assert feeds
    for feed in feeds:
        assert (builds.zensical / feed).read_bytes() == (builds.plugin / feed).read_bytes()


@pytest.mark.parametrize("name", SITES)
def test_nothing_is_loaded_from_other_hosts(name: str, request: pytest.FixtureRequest) -> None:
    builds: Builds = request.getfixturevalue(name)
    assert third_party_requests(builds.zensical) == []


def test_the_comparison_sees_a_changed_banner_and_redline(demo: Builds, tmp_path: Path) -> None:
    """The comparison is not blind: a changed date, state or mark is a difference."""
    changed = tmp_path / "site"
    shutil.copytree(demo.zensical, changed)
    page = changed / "privacy" / "index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('data-legal-state="current"', 'data-legal-state="upcoming"'))
    redline = changed / "privacy" / "2027-01-01" / "changes" / "index.html"
    text = redline.read_text(encoding="utf-8")
    redline.write_text(text.replace("<ins>", "<del>", 1).replace("</ins>", "</del>", 1))
    found = compare_sites(demo.plugin, changed, demo.changelogs)
    assert any(line.startswith("/privacy/: banner differs") for line in found)
    assert any(line.startswith("/privacy/2027-01-01/changes/: ins differs") for line in found)


def test_demo_pages_have_every_state_and_redline(demo: Builds) -> None:
    """What is compared is there: the three states, dates, and marked words."""
    states = {
        "/privacy/2025-01-15/": "superseded",
        "/sv/privacy/": "current",
        "/sv/privacy/2027-01-01/": "upcoming",
    }
    for url, state in states.items():
        found = article(demo.zensical, url).banner
        assert found is not None and found["state"] == state, url
        assert found["times"], url
    changes = article(demo.zensical, "/sv/cookies/2027-01-01/changes/")
    assert changes.ins and changes.deleted


def test_history_pages_stay_out_of_zensical_search(demo: Builds) -> None:
    import json

    index = json.loads((demo.zensical / "search.json").read_text(encoding="utf-8"))
    locations = {item["location"] for item in index["items"]}
    assert any(loc.startswith("privacy/") for loc in locations)
    history = re.compile(r"(privacy|cookies|terms)/\d{4}-\d\d-\d\d/")
    assert not [loc for loc in locations if history.match(loc)]


def test_three_versions_has_three_texts_per_language(three_versions: Builds) -> None:
    import json

    manifest = json.loads((three_versions.zensical / "legal.json").read_text(encoding="utf-8"))
    for language in ("de", "en"):
        entry = manifest["documents"]["privacy"][language]
        assert [v["state"] for v in entry["versions"]] == ["upcoming", "current", "superseded"]
        for version in entry["versions"]:
            page = three_versions.zensical / version["url"].lstrip("/")
            assert page.is_file(), version["url"]
