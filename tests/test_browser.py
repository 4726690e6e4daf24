"""The live example in headless Chromium: every page type passes axe-core (WCAG 2.1 AA) and the
Nu HTML Checker, loads nothing from other hosts, has its banner, switches language, opens the
consent dialog from the cookie policy, and prints cleanly (SPEC §5 banners, §6, §9; issue 6).

The example (`example/mkdocs.yml`) is built once per run, inside the documentation site; its
page types are found in the built folder (`browser_support.discover_pages`), so new documents,
versions, redlines and the changelog are tested as they appear. The documentation's own pages
ask for no consent, show no announce bar and load nothing from other hosts. Screenshots and a PDF go to `tests/artifacts/`, or to
`$MKDOCS_LEGAL_ARTIFACTS`. Without Chromium or java these tests skip; under `CI=true` they fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    DATE,
    Page,
    absent_tools,
    artifacts_dir,
    axe_violations,
    chromium,
    demo_build,
    discover_pages,
    foreign_requests,
    format_nu_errors,
    format_violations,
    in_ci,
    nu_errors,
    require_tools,
    serve,
)

pytestmark = pytest.mark.browser

BANNER_KINDS = {"document", "version"}  # the page types that carry an effective-date banner
# Material's consent form: `#__consent` itself has no box (its children are position: fixed),
# so whether the dialog shows is told by its panel.
CONSENT_DIALOG = "#__consent .md-consent__inner"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize `target` over every page type, `banner_target` over those with a banner."""
    for name, kinds in (("target", None), ("banner_target", BANNER_KINDS)):
        if name not in metafunc.fixturenames:
            continue
        if absent_tools() and not in_ci():
            params = [pytest.param(None, id="no-browser")]  # the `tools` fixture skips
        elif not demo_build().ok:
            params = [pytest.param(None, id="demo-build-failed")]  # the `site` fixture fails
        else:
            pages = discover_pages(demo_build().site)
            params = [pytest.param(p, id=p.id) for p in pages if kinds is None or p.kind in kinds]
        metafunc.parametrize(name, params)


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def tools() -> None:
    require_tools()


@pytest.fixture(scope="module")
def site() -> Path:
    build = demo_build()
    if not build.ok:
        pytest.fail(f"the demo did not build:\n{build.result.stderr[-4000:]}", pytrace=False)
    return build.site


@pytest.fixture(scope="module")
def pages(site: Path) -> list[Page]:
    return discover_pages(site)


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Any]:
    """A new tab; afterwards the site's storage (e.g. the consent choice) is cleared."""
    page = browser.new_page()
    yield page
    if page.url.startswith(base_url):
        page.evaluate("localStorage.clear()")
    page.close()


@pytest.fixture(scope="module")
def nu_report(site: Path, pages: list[Page]) -> dict[Path, list[dict[str, Any]]]:
    return nu_errors([p.file(site) for p in pages])


def visit(tab: Any, base_url: str, path: str) -> list[str]:
    """Open `path` and wait for the network to settle; every URL the page requested."""
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    response = tab.goto(base_url + path, wait_until="networkidle")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    return requested


def answer_consent(tab: Any) -> bool:
    """Accept Material's cookie consent dialog if it is open (it is, on a first visit)."""
    dialog = tab.locator(CONSENT_DIALOG)
    if not (dialog.count() and dialog.is_visible()):
        return False
    dialog.locator("button:not([type=reset])").first.click()  # Accept (a submit button)
    dialog.wait_for(state="hidden")
    return True


def find(pages: list[Page], kind: str, document: str | None = None) -> list[Page]:
    return [p for p in pages if p.kind == kind and (document is None or p.document == document)]


@dataclass(frozen=True)
class Visit:
    """What one visit of a page found (each page is opened once for all the tests below)."""

    requested: list[str]
    violations: list[dict[str, Any]]
    banners: list[dict[str, Any]]  # per .legal-banner: state, shown, dates (datetime values)


BANNERS_JS = """() => [...document.querySelectorAll(".legal-banner")].map(b => ({
    state: b.dataset.legalState ?? null,
    shown: b.getClientRects().length > 0 && getComputedStyle(b).visibility !== "hidden",
    dates: [...b.querySelectorAll("time")].map(t => t.getAttribute("datetime")),
}))"""


@pytest.fixture(scope="module")
def visits(browser: Any, base_url: str) -> Callable[[Page], Visit]:
    """`visits(page)`: open the page once (later calls reuse the result), as a first visitor
    does, accept the consent dialog if one opens, then take a screenshot and run axe-core."""
    done: dict[Page, Visit] = {}

    def get(target: Page) -> Visit:
        if target not in done:
            tab = browser.new_page()
            try:
                requested = visit(tab, base_url, target.path)
                if answer_consent(tab):  # what loads once a visitor accepts counts too
                    tab.wait_for_load_state("networkidle")
                shot = artifacts_dir("screenshots") / f"{target.id}.png"
                tab.screenshot(path=shot, full_page=True)
                done[target] = Visit(requested, axe_violations(tab), tab.evaluate(BANNERS_JS))
            finally:
                tab.evaluate("localStorage.clear()")
                tab.close()
        return done[target]

    return get


# --- every page type --------------------------------------------------------------------------


def test_only_own_host_is_requested(visits: Callable[[Page], Visit], target: Page) -> None:
    """SPEC §6: no web fonts, no CDNs, before or after consent (a screenshot is saved too)."""
    foreign = foreign_requests(visits(target).requested)
    assert not foreign, f"{target.path} requested other hosts:\n" + "\n".join(foreign)


def test_axe_finds_no_violations(visits: Callable[[Page], Visit], target: Page) -> None:
    violations = visits(target).violations
    assert not violations, f"axe-core on {target.path}:\n{format_violations(violations)}"


def test_nu_html_checker_finds_no_errors(
    site: Path, target: Page, nu_report: dict[Path, list[dict[str, Any]]]
) -> None:
    errors = nu_report[target.file(site).resolve()]
    assert not errors, f"vnu on {target.path}:\n{format_nu_errors(errors)}"


def test_banner_has_state_and_dates(visits: Callable[[Page], Visit], banner_target: Page) -> None:
    """SPEC §5: one `.legal-banner` with its state, shown, its dates in `<time datetime>`."""
    banners = visits(banner_target).banners
    assert len(banners) == 1, f"{banner_target.path}: {len(banners)} banners"
    banner = banners[0]
    assert banner["state"] in {"current", "upcoming", "superseded"}, banner
    assert banner["shown"], f"{banner_target.path}: the banner is not shown"
    assert banner["dates"], f"{banner_target.path}: the banner has no <time datetime>"
    assert all(DATE.match(d or "") for d in banner["dates"]), banner["dates"]


# --- site-wide behaviour -----------------------------------------------------------------------


def test_language_switcher_goes_there_and_back(tab: Any, base_url: str, pages: list[Page]) -> None:
    documents = find(pages, "document")
    if not documents:
        pytest.fail("the demo has no legal document page")
    first = documents[0]
    others = [p for p in documents if p.document == first.document and p.lang != first.lang]
    if not others:
        pytest.skip(f"{first.document} exists in one language only")
    other = others[0]

    def switch(to: Page) -> None:
        menu = tab.locator(".md-header .md-select", has=tab.locator("a[hreflang]"))
        menu.locator("button").first.hover()
        menu.locator(f'a.md-select__link[hreflang="{to.lang}"]').click()
        tab.wait_for_url(base_url + to.path)
        assert tab.locator("html").get_attribute("lang") == to.lang

    visit(tab, base_url, first.path)
    answer_consent(tab)
    assert tab.locator("html").get_attribute("lang") == first.lang
    switch(other)
    switch(first)


def test_cookie_policy_manage_link_opens_consent_dialog(
    tab: Any, base_url: str, site: Path, pages: list[Page]
) -> None:
    cookies = find(pages, "document", "cookies")
    if not cookies:
        pytest.skip("the demo has no cookie policy page (/cookies/) yet")
    policy = cookies[0]
    if 'id="__consent"' not in policy.file(site).read_text(encoding="utf-8"):
        pytest.skip("the cookie policy page has no consent form (#__consent): no extra.consent")
    # The version in force, else the first dated version whose text has the manage link (an
    # in-force text frozen before the site used consent has none).
    dated = sorted(d.name for d in policy.file(site).parent.iterdir() if DATE.match(d.name))
    candidates = [policy.path, *(f"{policy.path}{d}/" for d in dated)]
    linked = [
        path
        for path in candidates
        if 'href="#__consent"' in (site / path.strip("/") / "index.html").read_text("utf-8")
    ]
    if not linked:
        pytest.fail('no cookie policy text has a manage link (a[href="#__consent"])')
    target = Page("document", policy.lang, linked[0], "cookies")
    visit(tab, base_url, target.path)
    dialog = tab.locator(CONSENT_DIALOG)
    manage = tab.locator('article a[href="#__consent"]')
    answer_consent(tab)  # a first visit opens the dialog at once; close it first
    manage.first.click()
    dialog.wait_for(state="visible")
    tab.screenshot(path=artifacts_dir("screenshots") / f"{target.id}-consent.png")
    violations = axe_violations(tab)
    assert not violations, f"axe-core on the consent dialog:\n{format_violations(violations)}"


# --- print ----------------------------------------------------------------------------------


def computed(tab: Any, selector: str, prop: str, pseudo: str | None = None) -> list[str]:
    """`prop` of every element matching `selector`, as computed (optionally of `pseudo`)."""
    values: list[str] = tab.evaluate(
        """([selector, prop, pseudo]) => [...document.querySelectorAll(selector)]
              .map(e => getComputedStyle(e, pseudo).getPropertyValue(prop))""",
        [selector, prop, pseudo],
    )
    return values


def test_print_hides_chrome_keeps_dates_and_shows_link_targets(
    tab: Any, base_url: str, pages: list[Page]
) -> None:
    documents = find(pages, "document", "privacy") or find(pages, "document")
    if not documents:
        pytest.fail("the demo has no legal document page")
    target = documents[0]
    visit(tab, base_url, target.path)
    tab.emulate_media(media="print")

    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs", "#__consent"):
        shown = [v for v in computed(tab, chrome, "display") if v != "none"]
        assert not shown, f"{chrome} still shows in print ({shown})"
    assert computed(tab, ".legal-banner", "display") not in ([], ["none"])
    assert tab.locator(".legal-banner time[datetime]").first.is_visible()

    named = 'article a[href^="http"]:not(.legal-url)'  # links whose text is not the address
    links = tab.locator(named)
    assert links.count() > 0, f"{target.path} has no external link to check"
    href = links.first.get_attribute("href")
    after = computed(tab, named, "content", "::after")[0]
    assert href and href in after, f"the link target is not printed after the link: {after}"
    # A link that reads as its address (the website in the contact lines) shows it once.
    bare = computed(tab, "article a.legal-url", "content", "::after")
    assert bare and set(bare) <= {"none", "normal"}, f"an address is printed twice: {bare}"
    assert set(computed(tab, "article tr", "break-inside")) <= {"avoid"}

    tab.pdf(path=artifacts_dir("print") / f"{target.id}.pdf", print_background=True)


# --- the documentation's own pages --------------------------------------------------------------


@pytest.fixture(scope="module")
def docs_url() -> Iterator[str]:
    build = demo_build()
    if not build.ok:
        pytest.fail(f"the docs did not build:\n{build.result.stderr[-4000:]}", pytrace=False)
    with serve(build.root) as url:
        yield url


@pytest.mark.parametrize("path", ["/", "/getting-started/", "/live-example/"])
def test_docs_pages_ask_no_consent_and_announce_nothing(
    browser: Any, docs_url: str, path: str
) -> None:
    """Issue 22: the docs set no cookies, so they ask no visitor to consent to any, and the
    example's announce bar stays on the example's pages; nothing comes from other hosts."""
    tab = browser.new_page()
    try:
        requested = visit(tab, docs_url, path)
        assert not foreign_requests(requested), foreign_requests(requested)
        assert tab.locator("#__consent").count() == 0
        assert tab.locator(".md-banner, .legal-notice").count() == 0
        cookies = tab.context.cookies(docs_url)
        stored = tab.evaluate("Object.keys(localStorage).filter(k => k.endsWith('__consent'))")
        assert cookies == [] and stored == []
    finally:
        tab.close()


def test_example_asks_for_consent_on_its_own_pages(browser: Any, docs_url: str) -> None:
    """The live example keeps its consent dialog and announce bar, under /example/."""
    tab = browser.new_page()
    try:
        visit(tab, docs_url, "/example/privacy/")
        assert tab.locator(CONSENT_DIALOG).is_visible()
        assert tab.locator(".md-banner .legal-notice").count() == 1
        answer_consent(tab)
    finally:
        tab.evaluate("localStorage.clear()")
        tab.close()
