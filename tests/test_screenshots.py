"""The screenshots in the docs come from this test (issue 22): a generated policy, its banner in
each state, and a redline, taken in headless Chromium from the live example, built on the fixed
day of `tests/conftest.py` (so there is a version in force, one upcoming and one superseded).

Pixels are not compared: the same page renders a pixel differently with another Chromium or
other system fonts, which is no reason to change a picture. What a picture shows is compared
instead: the text of the elements it captures, and a fingerprint of their markup and computed
styles (colours, borders, weights, sizes as CSS gives them, never as a font renders them). When
either differs from `docs/assets/screenshots/screenshots.json`, or a picture is missing, the
test writes the new pictures and the new `screenshots.json` into the docs and fails: review
them and commit them.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    ROOT,
    Page,
    artifacts_dir,
    chromium,
    dated_versions,
    demo_build,
    discover_pages,
    require_tools,
    serve,
)

pytestmark = pytest.mark.browser

SHOTS_DIR = ROOT / "docs" / "assets" / "screenshots"
MANIFEST = SHOTS_DIR / "screenshots.json"
VIEWPORT = {"width": 1100, "height": 800}
PNG = b"\x89PNG\r\n\x1a\n"
STYLES = [
    "display",
    "color",
    "background-color",
    "font-size",
    "font-weight",
    "font-style",
    "text-decoration-line",
    "border-top-style",
    "border-top-color",
    "border-left-style",
    "border-left-width",
    "border-left-color",
    "padding-top",
    "padding-left",
    "margin-top",
]
"""Computed styles that change how a picture looks whatever the fonts are."""


@dataclass(frozen=True)
class Shot:
    """One picture: `name`.png of the elements `select` (JavaScript) picks on `page`."""

    name: str
    what: str
    page: Page
    select: str
    full_width: bool = False  # from the left edge of the page, header and navigation included


# Elements of a picture, as a JavaScript function of the document. `top` pictures take the
# page from its top (header, announce bar, navigation) down to the last element picked.
ARTICLE_START = """() => {
  // the plugin's pages wrap their content in .legal-page (its CSS hook)
  const article = document.querySelector("article.md-content__inner .legal-page");
  const items = [...article.children];
  const second = items.filter(e => e.tagName === "H2")[1];
  return items.slice(0, second ? items.indexOf(second) : items.length);
}"""
BANNER = """() => [document.querySelector(".legal-banner")]"""
CHANGED_SECTION = """() => {
  // The section on transfers when it changed (a new recipient abroad shows best), else the
  // first section that changed: its heading and everything up to the next heading.
  // the plugin's pages wrap their content in .legal-page (its CSS hook)
  const article = document.querySelector("article.md-content__inner .legal-page");
  const items = [...article.children];
  const changed = e => e.querySelector("ins, del") !== null;
  const sections = items.map((e, i) => [e, i]).filter(([e]) => e.tagName === "H2")
    .map(([e, i], n, all) => items.slice(i, n + 1 < all.length ? all[n + 1][1] : items.length));
  const withChanges = sections.filter(s => s.some(changed));
  return withChanges.find(s => s[0].id === "transfers") || withChanges[0];
}"""


def shots(site: Path, pages: list[Page]) -> list[Shot]:
    """The pictures, from the English privacy policy of the example (found, not assumed)."""
    document = next(p for p in pages if p.lang == "en" and p.document == "privacy")
    versions = {p.state: p for p in dated_versions(site, document)}
    current = versions["current"]  # not the first version, so it has a redline
    changes = Page("changes", "en", f"{current.path}changes/", "privacy")
    return [
        Shot("policy", "a generated privacy policy", document, ARTICLE_START, full_width=True),
        Shot("banner-current", "the banner of the version in force", document, BANNER),
        Shot("banner-upcoming", "the banner of a version to come", versions["upcoming"], BANNER),
        Shot("banner-superseded", "the banner of an older version", versions["superseded"], BANNER),
        Shot("redline", "a changed section of a redline", changes, CHANGED_SECTION),
    ]


@pytest.fixture(scope="module")
def example() -> Iterator[tuple[str, Path]]:
    require_tools()
    build = demo_build()
    if not build.ok:
        pytest.fail(f"the docs did not build:\n{build.result.stderr[-4000:]}", pytrace=False)
    with serve(build.root) as url:
        yield url + "/example", build.site


def shown(tab: Any, select: str) -> dict[str, Any]:
    """Text, fingerprint input and bounding box of the elements `select` picks."""
    result: dict[str, Any] = tab.evaluate(
        """([select, styles]) => {
          const elements = (new Function("return " + select))()();
          const describe = e => ({
            tag: e.tagName, cls: e.getAttribute("class") || "",
            own: [...e.childNodes].filter(n => n.nodeType === 3)
                   .map(n => n.textContent.replace(/\\s+/g, " ")).join("").trim(),
            style: styles.map(s => getComputedStyle(e).getPropertyValue(s)),
            children: [...e.children].map(describe),
          });
          const boxes = elements.map(e => e.getBoundingClientRect());
          return {
            text: elements.map(e => e.innerText.replace(/\\s+/g, " ").trim()).join("\\n"),
            dom: elements.map(describe),
            box: {x: Math.min(...boxes.map(b => b.left)), y: Math.min(...boxes.map(b => b.top)),
                  right: Math.max(...boxes.map(b => b.right)),
                  bottom: Math.max(...boxes.map(b => b.bottom))},
          };
        }""",
        [select, STYLES],
    )
    return result


def take(tab: Any, base_url: str, shot: Shot, folder: Path) -> dict[str, str]:
    """Open the page as a visitor who has accepted cookies, picture it; its manifest entry."""
    tab.goto(base_url + shot.page.path, wait_until="networkidle")
    consent = tab.locator("#__consent .md-consent__inner")
    if consent.count() and consent.is_visible():
        consent.locator("button:not([type=reset])").first.click()
        consent.wait_for(state="hidden")
    tab.evaluate("window.scrollTo(0, 0)")
    seen = shown(tab, shot.select)
    box, margin = seen["box"], 12
    if shot.full_width:
        clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": box["bottom"] + margin}
    else:
        clip = {
            "x": max(box["x"] - margin, 0),
            "y": max(box["y"] - margin, 0),
            "width": box["right"] - box["x"] + 2 * margin,
            "height": box["bottom"] - box["y"] + 2 * margin,
        }
    tab.screenshot(path=folder / f"{shot.name}.png", clip=clip, full_page=True)
    fingerprint = hashlib.sha256(json.dumps(seen["dom"], sort_keys=True).encode()).hexdigest()
    page = f"/example{shot.page.path}"
    return {"page": page, "what": shot.what, "text": seen["text"], "dom": fingerprint}


def test_docs_screenshots_are_current(
    example: tuple[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    base_url, site = example
    fresh = artifacts_dir("docs-screenshots")
    taken: dict[str, dict[str, str]] = {}
    with chromium(tmp_path_factory.mktemp("profile")) as browser:
        browser.set_default_timeout(30_000)
        tab = browser.new_page()
        tab.set_viewport_size(VIEWPORT)
        try:
            for shot in shots(site, discover_pages(site)):
                taken[shot.name] = take(tab, base_url, shot, fresh)
        finally:
            tab.close()
    manifest = {"viewport": VIEWPORT, "shots": taken}
    committed = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.is_file() else {}
    before = committed.get("shots", {}) if committed.get("viewport") == VIEWPORT else {}
    stale = sorted(n for n, entry in taken.items() if before.get(n) != entry or not is_png(n))
    gone = sorted(set(before) - set(taken))
    if stale or gone or set(committed.get("shots", {})) != set(taken):
        SHOTS_DIR.mkdir(parents=True, exist_ok=True)
        for old in SHOTS_DIR.glob("*.png"):
            if old.stem not in taken:
                old.unlink()
        for name in taken:
            shutil.copy(fresh / f"{name}.png", SHOTS_DIR / f"{name}.png")
        text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
        MANIFEST.write_text(text, encoding="utf-8")
        pytest.fail(
            f"the docs' screenshots are stale (changed: {stale or '-'}, removed: {gone or '-'}); "
            f"new ones are in {SHOTS_DIR.relative_to(ROOT)}: review and commit them"
        )


def is_png(name: str) -> bool:
    path = SHOTS_DIR / f"{name}.png"
    return path.is_file() and path.read_bytes().startswith(PNG)


def test_every_screenshot_is_shown_in_the_docs() -> None:
    """Each picture of the manifest is on a docs page, and what its alternative text quotes
    is text the picture shows (so the words stay true when the pictures change)."""
    if not MANIFEST.is_file():
        pytest.fail(f"{MANIFEST.relative_to(ROOT)} is missing: run the browser tests")
    shots = json.loads(MANIFEST.read_text(encoding="utf-8"))["shots"]
    docs = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    images = re.findall(r"!\[([^\]]+)\]\(assets/screenshots/([a-z-]+)\.png\)", docs)
    used = {name for _, name in images}
    assert set(shots) <= used, f"screenshots no page shows: {sorted(set(shots) - used)}"
    assert used <= set(shots), f"pages show screenshots that no test takes: {used - set(shots)}"
    for alt, name in images:
        text = " ".join(shots[name]["text"].split())
        for quoted in re.findall(r'"([^"]+)"', alt):
            assert quoted in text, f"{name}.png: its alt text quotes {quoted!r}, not shown"
