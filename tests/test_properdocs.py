"""The plugin under ProperDocs, the MkDocs 1.x fork: `properdocs build` of the repository's
own site (the demo) gives the legal pages `mkdocs build` gives."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import ROOT
from legal_pages import article, compare_sites, run, tool

# In CI (CI=true) these builds are mandatory: `properdocs` comes with the `test` extra.
pytestmark = pytest.mark.skipif(
    not Path(tool("properdocs")).exists() and os.environ.get("CI") != "true",
    reason="properdocs is in the `test` extra",
)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("properdocs")
    sites = []
    for command in ([tool("python"), "-m", "mkdocs"], [tool("properdocs")]):
        site = out / Path(command[-1]).name
        result = run([*command, "build", "-q", "-d", str(site)], ROOT / "example")
        assert result.returncode == 0, result.stderr
        sites.append(site)
    return sites[0], sites[1]


def test_properdocs_builds_the_demos_legal_pages(builds: tuple[Path, Path]) -> None:
    mkdocs_site, properdocs_site = builds
    changelogs = ["changelog/", "sv/changelog/"]
    base = "/mkdocs-legal/example/"
    assert compare_sites(mkdocs_site, properdocs_site, changelogs, base) == []
    for feed in ("changelog/feed.xml", "sv/changelog/feed.xml"):
        assert (properdocs_site / feed).read_bytes() == (mkdocs_site / feed).read_bytes()


def test_properdocs_pages_have_banners_and_stay_out_of_search(builds: tuple[Path, Path]) -> None:
    _, site = builds
    banner = article(site, "/sv/privacy/").banner
    assert banner is not None and banner["state"] == "current"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert any(loc.startswith("privacy/") for loc in locations)
    assert not [loc for loc in locations if "/2025-01-15/" in loc or "/changes/" in loc]
