"""The plugin never overwrites or restyles the host site, and its pages are well linked into
it: URL collisions, sitemap, alternates, link validation, CSS, `site_url` (issue 15 items
1–8)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, Build, mkdocs_build
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
    config["strict"] = True  # as `mkdocs build --strict`
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    result, _ = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "__consent" not in result.stderr
    assert 'href="#__consent"' in (root / "site/cookies/index.html").read_text(encoding="utf-8")


# --- 3. every alternate link resolves, and alternates are reciprocal --------------------------


def alternates(page: str) -> list[tuple[str, str]]:
    """(hreflang, href) of the page's `<link rel="alternate">` and language-switcher links."""
    found = []
    for tag in re.findall(r"<(?:link|a)\b[^>]*>", page):
        lang = re.search(r'hreflang="([^"]+)"', tag)
        href = re.search(r'href="([^"]+)"', tag)
        if lang and href and ("alternate" in tag or "md-select__link" in tag):
            found.append((lang.group(1), href.group(1)))
    return found


def resolve(site: Path, site_url: str, page: Path, href: str) -> Path | None:
    """The built file a link points at, or None when it points nowhere in the site."""
    from urllib.parse import urljoin, urlsplit

    base = site_url.rstrip("/") + "/" + page.relative_to(site).as_posix()
    target = urlsplit(urljoin(base, href))
    root = urlsplit(site_url)
    if target.netloc != root.netloc or not target.path.startswith(root.path):
        return None
    rel = target.path[len(root.path) :]
    candidate = site / rel
    if rel == "" or rel.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_alternates(site: Path, site_url: str) -> tuple[list[str], list[str]]:
    """(links that resolve to nothing, links that are not returned), over every page."""
    broken, one_way = [], []
    homes = {site / "index.html"} | {p for p in site.glob("*/index.html")}
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "hreflang" not in text or page.name == "404.html":  # served at any address
            continue
        for lang, href in alternates(text):
            target = resolve(site, site_url, page, href)
            if target is None:
                broken.append(f"{page.relative_to(site)} → {href} ({lang})")
                continue
            if target == page or target in homes:
                continue  # itself, or a language's home offered where the page has no version
            back = [
                resolve(site, site_url, target, h) for _, h in alternates(target.read_text("utf-8"))
            ]
            if page not in back:
                one_way.append(f"{page.relative_to(site)} → {target.relative_to(site)}")
    return broken, one_way


def test_every_alternate_link_of_every_page_resolves_and_is_returned(
    copy_site: Callable[..., Path],
) -> None:
    """A language added after a release (Danish, falling back to English texts) has no page
    for the versions frozen before it: no other page may link to one."""
    from mkdocs_legal.cli import main

    root = copy_site("two-languages", files={"legal.yml": BASIC}, data="legal.yml")
    assert main(["release", str(root / "legal.yml")]) == 0  # en, sv
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"].append({"locale": "da", "name": "Dansk", "build": True})
    legal = next(p["legal"] for p in config["plugins"] if isinstance(p, dict) and "legal" in p)
    legal.update(fallback=True, today="2025-03-01")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    data = root / "legal.yml"
    data.write_text(
        BASIC.replace("Fjällsjö Konsult AB", "Fjällsjö Konsult Aktiebolag", 1)
        + "  - effective: 2025-03-01\n    version: '2.0'\n"
        "    summary: {en: New name., sv: Nytt namn.}\n",
        encoding="utf-8",
    )
    result, site = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert (site / "privacy/2024-05-01/index.html").is_file()
    assert not (site / "da/privacy/2024-05-01").exists()  # never frozen in Danish
    assert (site / "da/privacy/2025-03-01/index.html").is_file()
    broken, one_way = check_alternates(site, config["site_url"])
    assert broken == []
    assert one_way == []


# --- 4. a site language without built-in texts --------------------------------------------------


def with_french(copy_site: Callable[..., Path], **legal: object) -> Path:
    root = copy_site("two-languages", files={"legal.yml": BASIC}, data="legal.yml", **legal)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"].append({"locale": "fr", "name": "Français", "build": True})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return root


def test_a_language_without_texts_is_an_error_naming_it_and_the_steps(
    copy_site: Callable[..., Path],
) -> None:
    root = with_french(copy_site)
    result, _ = mkdocs_build(root)
    assert result.returncode != 0
    assert "fr have no built-in texts" in result.stderr
    assert "LC_MESSAGES/mkdocs_legal.po" in result.stderr and "translating.md" in result.stderr
    assert "`fallback: true`" in result.stderr and "Traceback" not in result.stderr
    assert not (root / "site").exists()


def test_with_fallback_its_pages_are_wholly_in_the_default_language(
    copy_site: Callable[..., Path],
) -> None:
    root = with_french(copy_site, fallback=True)
    result, _ = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("have no built-in texts") == 1  # said once
    page = (root / "site/fr/privacy/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    article = page[page.index("<article") : page.index("</article>")]
    assert "Effective from" in article and "May 1, 2024" in article
    for french in ("mai 2024", " et ", "Suède", "Entrée en vigueur"):
        assert french not in article, french
    changelog = (root / "site/fr/changelog/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in changelog and "May 1, 2024" in changelog
    # the host's own French pages are left as the theme makes them
    assert '<html lang="fr"' in (root / "site/fr/index.html").read_text(encoding="utf-8")
    # and a language with texts is untouched
    assert '<html lang="sv"' in (root / "site/sv/privacy/index.html").read_text("utf-8")
