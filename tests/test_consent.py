"""Material's consent dialog from the cookie table: the user's own settings are kept, nothing
is pre-ticked (CJEU C-673/17, Planet49), and the privacy and cookie policies can be read
before choosing (issue 15 item 7; issue 17 items 15 and 16). The browser tests run in
headless Chromium on the demo site."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_support import chromium, demo_build, require_tools, serve
from conftest import FIXTURES, Build, mkdocs_build

BASIC = (FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8")
COOKIES = """\
cookies:
  last_reviewed: 2025-01-10
  items:
    - {name: fk_session, provider: first_party, purpose: {en: Session, sv: Session}, category: necessary, duration: session, type: http_cookie}
    - {name: fk_stats, provider: first_party, purpose: {en: Counts visits, sv: Räknar besök}, category: statistics, duration: P13M, type: http_cookie}
    - {name: fk_lang, provider: first_party, purpose: {en: Language, sv: Språk}, category: preferences, duration: P12M, type: local_storage}
"""
CHECKBOX = re.compile(r'<input type="checkbox" name="([a-z]+)"\s*(checked)?\s*>')


@pytest.fixture
def consent_site(copy_site: Callable[..., Path]) -> Callable[[dict[str, Any]], Build]:
    """Build two-languages with cookies in the data file and `extra` set in `mkdocs.yml`."""

    def build(extra: dict[str, Any]) -> Build:
        root = copy_site("two-languages", files={"legal.yml": BASIC + COOKIES}, data="legal.yml")
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
        config["extra"] = extra
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
        return mkdocs_build(root)

    return build


def dialog(page: str) -> str:
    found = re.search(r'<form class="md-consent__form.*?</form>', page, re.DOTALL)
    assert found, "no consent dialog"
    return found.group(0)


@pytest.mark.slow
def test_nothing_is_pre_ticked_and_both_policies_are_linked(
    consent_site: Callable[[dict[str, Any]], Build],
) -> None:
    result, site = consent_site({})
    assert result.returncode == 0, result.stderr
    for page, lang in (("index.html", "en"), ("sv/index.html", "sv")):
        form = dialog((site / page).read_text(encoding="utf-8"))
        boxes = CHECKBOX.findall(form)
        assert {name for name, _ in boxes} == {"analytics", "preferences"}
        assert all(checked == "" for _, checked in boxes), boxes
        prefix = "/sv" if lang == "sv" else ""
        assert f'href="{prefix}/cookies/"' in form and f'href="{prefix}/privacy/"' in form


@pytest.mark.slow
def test_the_users_own_consent_settings_win(
    consent_site: Callable[[dict[str, Any]], Build],
) -> None:
    own = {
        "title": "Our cookies",
        "description": "We ask <em>first</em>.",
        "actions": ["accept", "manage"],
        "cookies": {"github": "GitHub", "analytics": {"name": "Counting", "checked": True}},
    }
    result, site = consent_site({"consent": own})
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "sv/index.html", "privacy/index.html"):
        form = dialog((site / page).read_text(encoding="utf-8"))
        assert "<h4>Our cookies</h4>" in form and "We ask <em>first</em>." in form
        assert "Cookie consent" not in form and "Samtycke" not in form
        assert 'type="reset"' not in form  # their actions: no Reject button
        boxes = dict(CHECKBOX.findall(form))
        assert set(boxes) == {"analytics", "preferences", "github"}
        assert set(boxes.values()) == {""}, boxes  # not even theirs is pre-ticked
        assert "Counting" in form


# --- in Chromium ------------------------------------------------------------------------------

COVERED_JS = """() => {
    // Every paragraph, list item and table cell of the policy, scrolled to a quarter of the
    // window's height (or as far as the page goes): is its first line under something else?
    const covered = [];
    for (const el of document.querySelectorAll("article :is(p, li, td)")) {
        const top = el.getBoundingClientRect().top + window.scrollY;
        window.scrollTo(0, top - window.innerHeight / 4);
        const box = el.getClientRects()[0];
        if (!box || box.width === 0) continue;
        const hit = document.elementFromPoint(box.left + 2, box.top + 2);
        if (!hit || !(el === hit || el.contains(hit))) {
            covered.push(el.textContent.trim().slice(0, 60) + " ← " + (hit && hit.className));
        }
    }
    return covered;
}"""


@pytest.fixture(scope="module")
def tab_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Any]]:
    """`open(path)`: a first visit of `path` on the demo site, its consent dialog open."""
    require_tools()
    build = demo_build()
    if not build.ok:
        pytest.fail(f"the demo did not build:\n{build.result.stderr[-4000:]}", pytrace=False)
    tabs: list[Any] = []
    with serve(build.site) as url, chromium(tmp_path_factory.mktemp("profile")) as browser:

        def open_page(path: str) -> Any:
            tab = browser.new_page()
            tabs.append(tab)
            tab.goto(url + path, wait_until="networkidle")
            tab.locator("#__consent .md-consent__inner").wait_for(state="visible")
            return tab

        yield open_page
        for tab in tabs:
            tab.evaluate("localStorage.clear()")
            tab.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/cookies/", "/sv/privacy/"])
def test_no_category_starts_checked(tab_factory: Callable[[str], Any], path: str) -> None:
    tab = tab_factory(path)
    boxes = tab.locator("form[name=consent] input[type=checkbox][name]")  # not the toggle
    assert boxes.count() >= 1
    assert [boxes.nth(i).is_checked() for i in range(boxes.count())] == [False] * boxes.count()
    tab.locator("form[name=consent] label[for=__settings]").click()  # Manage shows the boxes
    assert tab.locator("#__consent .md-consent__settings").is_visible()
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/cookies/", "/privacy/", "/sv/cookies/", "/sv/privacy/"])
def test_the_policies_can_be_read_before_choosing(
    tab_factory: Callable[[str], Any], path: str
) -> None:
    tab = tab_factory(path)
    assert not tab.locator("#__consent .md-consent__overlay").is_visible()
    covered = tab.evaluate(COVERED_JS)
    assert covered == [], f"{path}: text under the consent dialog:\n" + "\n".join(covered)
    # the choice is still offered on the page, and the policy links in it work
    assert tab.locator("#__consent button").first.is_visible()
    tab.locator("article a[href]").first.click(trial=True)


@pytest.mark.browser
def test_other_pages_keep_materials_dialog(tab_factory: Callable[[str], Any]) -> None:
    tab = tab_factory("/")
    assert tab.locator("#__consent .md-consent__overlay").is_visible()
