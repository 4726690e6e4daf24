"""Full builds of a site with a history: pages per version, banners, redlines, changelog,
feed and manifest, across build dates, and what happens when the history is tampered with."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, Build, mkdocs_build

from mkdocs_legal.cli import main

pytestmark = pytest.mark.slow

BASIC = (FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8")
V2 = """\
  - effective: 2025-03-01
    version: "2.0"
    published: 2025-01-20
    material: true
    summary:
      en: "We now keep <b>invoices</b> longer."
      sv: "Vi sparar nu <b>fakturor</b> längre."
"""
ATOM = "{http://www.w3.org/2005/Atom}"


def set_options(root: Path, **options: object) -> None:
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    plugins = config["plugins"]
    i = next(i for i, p in enumerate(plugins) if p == "legal" or "legal" in p)
    plugins[i] = {"legal": {**plugins[i]["legal"], **options}}
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def history_site(copy_site: Callable[..., Path]) -> Path:
    """two-languages with its own data file: 1.0 released, then 2.0 added (not released)."""
    root = copy_site("two-languages", files={"legal.yml": BASIC})
    set_options(root, data="legal.yml", timezone="Europe/Stockholm")
    assert main(["release", str(root / "legal.yml")]) == 0
    changed = BASIC.replace("Fjällsjö Konsult AB", "Fjällsjö Konsult Aktiebolag", 1) + V2
    (root / "legal.yml").write_text(changed, encoding="utf-8")
    return root


def build_on(root: Path, today: str, **options: object) -> Build:
    set_options(root, today=today, **options)
    return mkdocs_build(root)


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def banner(page: str) -> str:
    match = re.search(r'<aside class="legal-banner.*?</aside>', page, re.DOTALL)
    assert match, "no banner"
    return match.group(0)


def test_before_the_effective_date_the_frozen_text_is_shown(history_site: Path) -> None:
    result, site = build_on(history_site, "2025-02-28")
    assert result.returncode == 0, result.stderr
    page = html(site, "privacy")
    assert "Fjällsjö Konsult AB" in page and "Aktiebolag" not in page
    top = banner(page)
    assert 'data-legal-state="current"' in top
    assert '<time datetime="2024-05-01">' in top and '<time datetime="2025-03-01">' in top
    assert 'href="2025-03-01/"' in top and 'href="2025-03-01/changes/"' in top
    upcoming = html(site, "privacy/2025-03-01")
    assert 'data-legal-state="upcoming"' in banner(upcoming) and "Aktiebolag" in upcoming
    sv = html(site, "sv/privacy")
    assert 'data-legal-state="current"' in banner(sv) and "1 maj 2024" in banner(sv)
    # the announce-bar notice is available to templates while a version is upcoming
    legal = json.loads((site / "legal.json").read_text(encoding="utf-8"))
    states = [v["state"] for v in legal["documents"]["privacy"]["en"]["versions"]]
    assert states == ["upcoming", "current"]


def test_on_and_after_the_effective_date_the_new_text_is_shown(history_site: Path) -> None:
    result, site = build_on(history_site, "2025-03-01")
    assert result.returncode == 0, result.stderr
    page = html(site, "privacy")
    assert "Aktiebolag" in page
    assert 'data-legal-state="current"' in banner(page)
    old = html(site, "privacy/2024-05-01")
    top = banner(old)
    assert 'data-legal-state="superseded"' in top
    assert '<time datetime="2024-05-01">' in top and '<time datetime="2025-02-28">' in top
    assert "Fjällsjö Konsult AB" in old


def test_redline_marks_words_and_escapes_the_summary(history_site: Path) -> None:
    result, site = build_on(history_site, "2025-03-01")
    assert result.returncode == 0, result.stderr
    for path in ("privacy/2025-03-01/changes", "sv/privacy/2025-03-01/changes"):
        page = html(site, path)
        assert "<ins>" in page and "<del>" in page
        assert re.search(r"<ins>[^<]*Aktiebolag", page)
        assert "&lt;b&gt;" in page or "&#60;b&#62;" in page
        assert "<b>invoices" not in page and "<b>fakturor" not in page
        # the name changed where it is written out: those sections, and only they, are listed
        top = page[page.index("<h1") :].split("<hr")[0]
        assert 'href="#controller"' in top and 'href="#complaint"' in top
        assert 'href="#purposes"' not in top


def test_history_pages_stay_out_of_nav_and_search(history_site: Path) -> None:
    result, site = build_on(history_site, "2025-03-01")
    assert result.returncode == 0, result.stderr
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "privacy/" in locations
    assert not [loc for loc in locations if "2024-05-01" in loc or "2025-03-01" in loc]
    assert "2024-05-01/" not in html(site, "privacy").split('class="md-content"')[0]


def test_changelog_feed_and_manifest(history_site: Path) -> None:
    result, site = build_on(history_site, "2025-03-01")
    assert result.returncode == 0, result.stderr
    changelog = html(site, "changelog")
    assert changelog.index('id="v2025-03-01"') < changelog.index('id="v2024-05-01"')
    assert 'href="../privacy/2025-03-01/changes/"' in changelog
    for feed_path, lang in (("changelog/feed.xml", "en"), ("sv/changelog/feed.xml", "sv")):
        feed = ET.parse(site / feed_path).getroot()
        assert feed.tag == f"{ATOM}feed"
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 2
        # newest first; `updated` is the day the version was published
        assert (entries[0].findtext(f"{ATOM}updated") or "").startswith("2025-01-20")
        link = entries[0].find(f"{ATOM}link")
        assert link is not None and (link.get("href") or "").endswith("#v2025-03-01")
    legal = json.loads((site / "legal.json").read_text(encoding="utf-8"))
    versions = legal["documents"]["privacy"]["sv"]["versions"]
    assert [v["effective"] for v in versions] == ["2025-03-01", "2024-05-01"]
    assert versions[1]["released"] and re.fullmatch(r"[0-9a-f]{64}", versions[1]["sha256"])
    frozen = (history_site / "legal-history/privacy/2024-05-01.sv.md").read_text(encoding="utf-8")
    assert f'sha256: "{versions[1]["sha256"]}"' in frozen
    assert (
        versions[0]["changes_url"] == "https://fjallsjo-konsult.se/sv/privacy/2025-03-01/changes/"
    )


def test_an_edit_without_a_new_version_is_stopped_by_strict(history_site: Path) -> None:
    assert main(["release", str(history_site / "legal.yml")]) == 0
    data = history_site / "legal.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("Aktiebolag", "AB (publ)"))
    result, _ = build_on(history_site, "2025-03-01")
    assert result.returncode == 0 and "LGL202" in result.stderr
    result, _ = build_on(history_site, "2025-03-01", strict=True)
    assert result.returncode != 0 and "LGL202" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_tampered_frozen_text_is_reported(history_site: Path) -> None:
    frozen = history_site / "legal-history/privacy/2024-05-01.en.md"
    frozen.write_text(frozen.read_text(encoding="utf-8").replace("AB", "Ltd"), encoding="utf-8")
    result, _ = build_on(history_site, "2025-02-01")
    assert "LGL201" in result.stderr and "2024-05-01.en.md" in result.stderr
    shutil.rmtree(history_site / "site")
    result, site = build_on(history_site, "2025-02-01", strict=True)
    assert result.returncode != 0
    assert not (site / "privacy").exists()


def test_a_missing_in_force_text_fails_with_the_release_to_run(
    copy_site: Callable[..., Path],
) -> None:
    root = copy_site("two-languages", files={"legal.yml": BASIC + V2})
    set_options(root, data="legal.yml")
    result, site = build_on(root, "2025-02-01")
    assert result.returncode != 0
    assert "LGL203" in result.stderr and "mkdocs-legal release" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "privacy").exists()


def test_the_build_date_follows_source_date_epoch_in_the_site_time_zone(
    history_site: Path,
) -> None:
    import os
    import subprocess
    import sys

    # 2025-02-28 23:30 UTC is already 1 March in Stockholm
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1740785400"}
    for zone, expected in (("Europe/Stockholm", "current"), ("UTC", "upcoming")):
        set_options(history_site, timezone=zone)
        config = yaml.safe_load((history_site / "mkdocs.yml").read_text(encoding="utf-8"))
        config["plugins"][1]["legal"].pop("today", None)
        (history_site / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build"],
            cwd=history_site, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        page = html(history_site / "site", "privacy/2025-03-01")
        assert f'data-legal-state="{expected}"' in banner(page)


def test_the_consent_dialog_follows_the_cookie_policy_in_force(
    copy_site: Callable[..., Path],
) -> None:
    necessary = (
        "cookies:\n  items:\n    - {name: sid, provider: first_party, purpose: Log-in,"
        " category: necessary, duration: session, type: http_cookie}\n"
    )
    statistics = (
        "    - {name: statcookie, provider: first_party, purpose: {en: Statistics, sv: Statistik},"
        " category: statistics, duration: P13M, type: http_cookie}\n"
    )
    first = BASIC.replace("versions:\n", necessary + "versions:\n")
    root = copy_site("two-languages", files={"legal.yml": first})
    set_options(root, data="legal.yml")
    assert main(["release", str(root / "legal.yml")]) == 0
    second = BASIC.replace("versions:\n", necessary + statistics + "versions:\n") + V2
    (root / "legal.yml").write_text(second, encoding="utf-8")
    result, site = build_on(root, "2025-02-28")
    assert result.returncode == 0, result.stderr
    assert 'id="__consent"' not in html(site, "privacy")
    upcoming = html(site, "cookies/2025-03-01")
    # no dialog yet: the upcoming text's settings link leads to its own "manage" section
    assert "statcookie" in upcoming and 'href="#__consent"' not in upcoming
    assert re.search(r'href="[^"]*#manage"', upcoming)
    result, site = build_on(root, "2025-03-01")
    assert result.returncode == 0, result.stderr
    page = html(site, "sv/cookies")
    assert 'id="__consent"' in page and 'name="analytics"' in page
    assert 'href="#__consent"' in page
