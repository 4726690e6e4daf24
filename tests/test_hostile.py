"""Hostile strings in every text field of the demo data: shown as written, never run.

SPEC §3 (raw HTML in any field is escaped), §9 (strings from the data file can never inject
markup or script into a page). The demo's `legal.yml` is walked and every prose value gets
`PAYLOAD` appended; the site is built with a history (1.0 superseded, 2.0 in force, 3.0
upcoming) so that banners, redlines, the changelog, the feed and `legal.json` all carry the
strings. The browser tests load each page type in headless Chromium and watch for dialogs and
a `window.__pwned` canary.
"""

from __future__ import annotations

import copy
import functools
import html
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import copy_fixture_site, mkdocs_build

from mkdocs_legal.cli import main
from mkdocs_legal.core.markdown import sanitize_body
from mkdocs_legal.core.yamlsource import load

ROOT = Path(__file__).resolve().parents[1]
DEMO_DATA = ROOT / "legal.yml"
LANGUAGES = ("en", "sv")
TODAY = "2026-06-01"  # 1.0 superseded, 2.0 in force, 3.0 upcoming

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "{% raw %}",
    "| a | b |",
    "# heading",
    "[x](javascript:alert(1))",
    "]]>",
    "&#x3C;script&#x3E;",
]
CANARIES = ['<svg onload="window.__pwned=1">', "<script>window.__pwned=1</script>"]
PAYLOAD = " ".join(HOSTILE + CANARIES)

# Keys whose string values are prose (or names and numbers shown as text): they get PAYLOAD.
# Every string in a `{language: text}` map is prose whatever its key.
PROSE = {
    "name", "trading_name", "legal_form", "org_number", "vat_number", "street", "postcode",
    "city", "address", "description", "label", "legitimate_interest", "legal_obligation",
    "withdraw", "consequence", "criteria", "condition", "instrument", "copy", "how", "text",
    "purpose", "service", "channel", "cancellation_fee", "liability", "venue", "title", "body",
    "summary", "version", "logic", "consequences", "objection", "arrangement",
    "parental_consent", "special_category_law", "criminal_offence_basis", "law", "register",
    "register_court",
}  # fmt: skip
# Keys whose string values are ids, codes, dates, enumerations, contacts or URLs.
NOT_PROSE = {
    "id", "country", "period", "from", "legal_basis", "provision", "role", "mechanism",
    "duration", "type", "provider", "deadline", "mid_period", "renewal", "refunds",
    "access_after_termination", "acceptance", "governing_law", "binding_period",
    "billing_period", "notice", "response_time", "last_reviewed", "effective", "published",
    "data", "sources", "documents", "measures", "regions", "exclude", "email", "privacy_email",
    "phone", "website", "url", "supervisory_authority", "audience", "automated_decisions",
    "document", "after", "replace", "category", "retention", "channels", "exception",
    "special_category_condition", "special", "party",
}  # fmt: skip

# Fields the demo leaves out, added so that they are covered too (then walked like the rest).
EXTRA: dict[str, Any] = {
    "dpo": {"name": "Dana Dataskydd", "email": "dpo@motesbokarna.se", "phone": "+46 31-701 45 81"},
    "representative": {
        "name": {"en": "EU representative", "sv": "EU-företrädare"},
        "email": "rep@motesbokarna.se",
        "address": {"street": "Rue 1", "postcode": "1000", "city": "Bruxelles", "country": "BE"},
    },
    "authority": {
        "name": {"en": "Swedish Authority for Privacy Protection", "sv": "IMY"},
        # URL fields are not prose, but a hostile one must never become a `javascript:` link
        "url": "JaVaScRiPt:alert(1)",
        "address": {"en": "Box 8114, Stockholm", "sv": "Box 8114, Stockholm"},
    },
    "automated_decisions": [
        {
            "description": {"en": "Lead scoring", "sv": "Poängsättning"},
            "logic": {"en": "A score from company size", "sv": "Efter företagets storlek"},
            "consequences": {"en": "Who we call first", "sv": "Vem vi ringer först"},
            "exception": "law",
            "law": {"en": "The Lead Act", "sv": "Leadlagen"},
        }
    ],
    "acceptance": {"en": "By signing the order form", "sv": "Genom att skriva under"},
    "from": {"en": "the last meeting", "sv": "det senaste mötet"},
}
# Markdown in a `body` that tries to get out of the sanitizer: a fence with attributes, a link
# target on the next line or hidden by a character reference, and an indented "fence".
BODY_ATTACKS = """\
```{.js onmouseover="alert(1)"}
code
```

[x](
javascript:alert(1)) [y](javascript&#58;alert(1))

    ```
<img src=x onerror="window.__pwned=1">
    ```"""
VERSIONS = [  # effective, label, published
    ("2025-01-15", "1.0", "2024-12-01"),
    ("2026-03-01", "2.0", "2026-01-20"),
    ("2027-01-01", "3.0", "2026-11-01"),
]


# --- the hostile data ---------------------------------------------------------------------------


def is_text_map(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= set(LANGUAGES)


def poison(value: Any, key: str | None = None) -> Any:
    """`value` with PAYLOAD appended to every prose string (KeyError: a key to classify)."""
    if is_text_map(value):
        return {k: f"{v} {PAYLOAD}" for k, v in value.items()}
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str):
        if key in PROSE:
            return f"{value} {PAYLOAD}"
        if key not in NOT_PROSE:
            raise KeyError(f"classify the key {key!r} as PROSE or NOT_PROSE")
    return value


def prose_strings(value: Any) -> Iterator[str]:
    """Every string in `value` that carries PAYLOAD."""
    if isinstance(value, dict):
        for v in value.values():
            yield from prose_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from prose_strings(v)
    elif isinstance(value, str) and value.endswith(PAYLOAD):
        yield value


def full_data() -> dict[str, Any]:
    """The demo data with the EXTRA fields, a custom section per document and our versions."""
    data = copy.deepcopy(load(DEMO_DATA).data)
    org = data["organisation"]
    org["dpo"], org["representative"] = EXTRA["dpo"], EXTRA["representative"]
    data["supervisory_authority"] = EXTRA["authority"]
    data["automated_decisions"] = EXTRA["automated_decisions"]
    data["terms"]["acceptance"] = EXTRA["acceptance"]
    data["retention"]["logs"]["from"] = EXTRA["from"]
    data["intro"]["cookies"] = {"en": "About *our* cookies.", "sv": "Om *våra* kakor."}
    data["sections"] = [
        {
            "id": f"extra_{document}",
            "document": document,
            "title": {"en": "More", "sv": "Mer"},
            "body": {"en": f"See **this**.\n\n{BODY_ATTACKS}\n\nEnd:", "sv": "Se **detta**."},
            "after": "contact",
        }
        for document in ("privacy", "cookies", "terms")
    ]
    data["versions"] = [
        {
            "effective": effective,
            "version": label,
            "published": published,
            "material": True,
            "summary": {"en": f"Version {label}.", "sv": f"Version {label}."},
        }
        for effective, label, published in VERSIONS
    ]
    return data


def without(items: list[dict[str, Any]], key: str, *values: str) -> list[dict[str, Any]]:
    return [item for item in items if item.get(key) not in values]


def stages(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The data as it was when each version was released: every document changes each time."""
    two = copy.deepcopy(data)
    two["versions"] = data["versions"][:2]
    two["purposes"] = without(two["purposes"], "id", "web_statistics")
    del two["retention"]["statistics"]
    two["recipients"] = without(two["recipients"], "id", "matpunkt")
    two["cookies"]["items"] = without(two["cookies"]["items"], "provider", "matpunkt")
    two["terms"]["termination"]["mid_period"] = "full_period_charged"
    del two["terms"]["termination"]["cancellation_fee"]
    one = copy.deepcopy(two)
    one["versions"] = data["versions"][:1]
    one["purposes"] = without(one["purposes"], "id", "prospecting")
    del one["retention"]["prospects"]
    one["recipients"] = without(one["recipients"], "id", "pipewell")
    one["cookies"]["items"][0]["duration"] = "P1D"
    one["terms"]["binding_period"] = "P3M"
    return [one, two, data]


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)


def history_site(base: Path, data: dict[str, Any], **options: Any) -> Path:
    """A copy of the two-language fixture site with `data` released version by version."""
    root = copy_fixture_site(base, "two-languages", {}, {"data": "legal.yml", **options})
    for stage in stages(data)[:-1]:
        (root / "legal.yml").write_text(dump(stage), encoding="utf-8")
        assert main(["release", str(root / "legal.yml")]) == 0
    (root / "legal.yml").write_text(dump(data), encoding="utf-8")
    return root


@functools.cache
def hostile_data() -> dict[str, Any]:
    return poison(full_data())


# --- reading the built site -----------------------------------------------------------------


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"}


@dataclass
class Scan(HTMLParser):
    """What a security review of one HTML file needs: elements, attributes and text."""

    findings: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    _stack: list[str] = field(default_factory=list)
    _heading: list[str] | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}={value!r}>")
            probe = re.sub(r"[\x00-\x20]", "", value).lower()
            if name in URL_ATTRIBUTES and probe.startswith(("javascript:", "vbscript:", "data:")):
                self.findings.append(f"<{tag} {name}={value!r}>")
            if tag == "img" and name == "src" and value == "x":
                self.findings.append("<img src=x>")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None
        if tag in self._stack:
            del self._stack[len(self._stack) - 1 - self._stack[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "script":
            if "alert" in data or "__pwned" in data:
                self.findings.append(f"<script>{data[:80]}")
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)


def scan(path: Path) -> Scan:
    found = Scan()
    found.feed(path.read_text(encoding="utf-8"))
    found.close()
    return found


def page_text(path: Path) -> str:
    return " ".join(" ".join(scan(path).text).split())


@dataclass(frozen=True)
class Built:
    root: Path
    site: Path
    result: subprocess.CompletedProcess[str]


slow = pytest.mark.slow  # the tests that build the site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = history_site(tmp_path_factory.mktemp("hostile"), hostile_data(), today=TODAY)
    result, site = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return Built(root, site, result)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- the data -------------------------------------------------------------------------------------


def test_every_prose_field_is_poisoned() -> None:
    data = hostile_data()
    poisoned = list(prose_strings(data))
    assert len(poisoned) >= 100, len(poisoned)
    assert data["organisation"]["name"].endswith(PAYLOAD)
    assert data["cookies"]["items"][0]["name"].endswith(PAYLOAD)
    assert all(v["version"].endswith(PAYLOAD) for v in data["versions"])
    assert all(s["body"]["sv"].endswith(PAYLOAD) for s in data["sections"])
    assert data["intro"]["privacy"]["en"].endswith(PAYLOAD)
    assert data["recipients"][1]["category"]["en"].endswith(PAYLOAD)  # Text, not a built-in id
    assert data["recipients"][0]["category"] == "hosting_providers"


def test_every_string_key_of_the_demo_is_classified() -> None:
    poison(load(DEMO_DATA).data)  # a new prose key in the demo must be added to PROSE


def test_hostile_data_checks_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Hostile strings are legal text: the data is valid, so the build below must succeed."""
    root = history_site(tmp_path, hostile_data(), today=TODAY)
    capsys.readouterr()
    assert main(["check", str(root / "legal.yml")]) == 0, capsys.readouterr().out


# --- the built site ---------------------------------------------------------------------------------


@slow
def test_no_markup_or_script_from_the_data_anywhere(built: Built) -> None:
    files = html_files(built.site)
    assert len(files) >= 30
    problems = {str(f.relative_to(built.site)): found for f in files if (found := scan(f).findings)}
    assert problems == {}
    for f in files:
        source = f.read_text(encoding="utf-8").lower()
        assert "<script>alert" not in source and "<script>window.__pwned" not in source, f
        assert "<svg onload" not in source and "<img src=x" not in source, f
    # Material's search shows index text as HTML: it must hold the strings escaped
    index = (built.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in index
    for raw in ("<script>", "<img src=x", "<svg onload"):
        assert raw not in index, raw


def generated_pages(site: Path) -> list[Path]:
    """Every page the plugin wrote: documents, versions, redlines and changelogs."""
    pages = []
    for lang_root in (site, site / "sv"):
        for name in ("privacy", "cookies", "terms", "changelog"):
            pages += [p for p in (lang_root / name).rglob("index.html")]
    return pages


@slow
def test_strings_show_as_written(built: Built) -> None:
    data = hostile_data()
    name = data["organisation"]["name"]
    pages = generated_pages(built.site)
    assert len(pages) >= 20
    for page in pages:
        text = page_text(page)
        assert "{{ 7*7 }}" in text and "{% raw %}" in text, page
        assert not re.search(r"(?<![\d.,])49(?![\d.,])", text), page
        if "changelog" not in page.parts:
            assert name in text, page  # the whole name, character for character
    labels = [v["version"] for v in data["versions"]]
    changelog = page_text(built.site / "changelog" / "index.html")
    assert all(label in changelog for label in labels)


@slow
def test_no_heading_and_no_table_cell_from_the_data(built: Built) -> None:
    for page in generated_pages(built.site):
        found = scan(page)
        assert not [h for h in found.headings if h.strip("¶ ").startswith("heading")], page
    cookie_name = hostile_data()["cookies"]["items"][0]["name"]
    for page in (built.site / "cookies" / "index.html", built.site / "sv/cookies/index.html"):
        source = page.read_text(encoding="utf-8")
        tables = re.findall(r"<table>.*?</table>", source, re.DOTALL)
        assert tables, page
        for table in tables:
            widths = {len(re.findall(r"<t[hd][ >]", row)) for row in table.split("<tr")[1:]}
            assert len(widths) == 1, (page, widths)
        rows = [r for t in tables for r in t.split("<tr")[1:] if "mb_session" in html.unescape(r)]
        assert rows, page
        first_cell = re.search(r"<td[^>]*>(.*?)</td>", rows[0], re.DOTALL)
        assert first_cell is not None
        cell = html.unescape(re.sub(r"<[^>]+>", "", first_cell.group(1))).strip()
        assert cell == cookie_name


@slow
def test_legal_json_keeps_the_strings(built: Built) -> None:
    data = hostile_data()
    manifest = json.loads((built.site / "legal.json").read_text(encoding="utf-8"))
    assert manifest["organisation"]["name"] == data["organisation"]["name"]
    labels = {v["version"] for v in data["versions"]}
    for document in ("privacy", "cookies", "terms"):
        for language in LANGUAGES:
            versions = manifest["documents"][document][language]["versions"]
            assert {v["version"] for v in versions} == labels
            assert [v["state"] for v in versions] == ["upcoming", "current", "superseded"]


@slow
def test_feed_is_xml_with_the_strings_as_text(built: Built) -> None:
    pytest.importorskip("mkdocs_legal.core.feed", reason="the Atom feed has not landed yet")
    data = hostile_data()
    atom = "{http://www.w3.org/2005/Atom}"
    for language, path in (("en", "changelog/feed.xml"), ("sv", "sv/changelog/feed.xml")):
        feed = ET.parse(built.site / path).getroot()  # well-formed despite `]]>` and `<`
        texts = [t for e in feed.iter() for t in (e.text, e.tail) if t]
        assert any(data["organisation"]["name"] in t for t in texts)
        summaries = [e.findtext(f"{atom}summary") or "" for e in feed.iter(f"{atom}entry")]
        assert len(summaries) == 3
        for summary, version in zip(summaries, reversed(data["versions"]), strict=True):
            assert version["summary"][language] in summary
        for element in feed.iter():
            assert not [k for k in element.attrib if k.lower().startswith("on")]
            for value in element.attrib.values():
                assert not value.lower().startswith("javascript:")


def consent_paragraphs(page: Path) -> list[str]:
    source = page.read_text(encoding="utf-8")
    form = re.search(r'<form class="md-consent__form.*?</form>', source, re.DOTALL)
    assert form, page
    return re.findall(r"<p>(.*?)</p>", form.group(0), re.DOTALL)


@slow
def test_consent_dialog_text_is_escaped(built: Built) -> None:
    name = hostile_data()["organisation"]["name"]
    for page in (built.site / "index.html", built.site / "sv" / "privacy" / "index.html"):
        (description,) = consent_paragraphs(page)
        assert re.findall(r"<(\w+)", description) == ["a", "a"], description  # the policies
        assert name in html.unescape(re.sub(r"<[^>]+>", "", description))


# --- sanitize_body: link targets a browser would still run ------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "[x](javascript&#58;alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](&#x6A;avascript&#x3A;alert(1))",
        "[x]: javascript&#58;alert(1)\n\n[y][x]",
        "[x](\njavascript:alert(1))",
        "[x](  \n  javascript:alert(1))",
        "[x](java\nscript:alert(1))",
        "![x](\njavascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x]: <javascript:alert(1)>\n\n[y][x]",
        "[x]:\njavascript:alert(1)\n\n[y][x]",
    ],
)
def test_body_links_never_run_script(body: str) -> None:
    import markdown

    out = markdown.markdown(sanitize_body(body), extensions=["attr_list", "tables", "toc"])
    hrefs = re.findall(r'(?:href|src)="([^"]*)"', out)
    for href in hrefs:
        probe = re.sub(r"[\x00-\x20]", "", html.unescape(href)).lower()
        assert not probe.startswith("javascript:"), (body, out)


@pytest.mark.parametrize(
    ("body", "href"),
    [
        ("[IMY](https://www.imy.se)", "https://www.imy.se"),
        (
            "[wiki](https://en.wikipedia.org/wiki/GDPR_(EU))",
            "https://en.wikipedia.org/wiki/GDPR_(EU)",
        ),
        ('[a](https://a.se "title")', "https://a.se"),
        ("[mail](mailto:a@b.se)", "mailto:a@b.se"),
        ("[top](#contact)", "#contact"),
        ("[ref][r]\n\n[r]: https://a.se/x?a=1&b=2", "https://a.se/x?a=1&amp;b=2"),
    ],
)
def test_body_links_that_are_safe_are_kept(body: str, href: str) -> None:
    import markdown

    out = markdown.markdown(sanitize_body(body), extensions=["attr_list", "tables", "toc"])
    assert f'href="{href}"' in out, out


# --- in the browser ------------------------------------------------------------------------------

# Attributes that run script or lead to it, in the live DOM (after Material's scripts ran).
LIVE_DOM_JS = """() => [...document.querySelectorAll("*")].flatMap(e => [...e.attributes]
    .filter(a => a.name.startsWith("on")
        || (["href", "src", "action", "formaction"].includes(a.name)
            && /^\\s*(javascript|vbscript|data):/i.test(a.value)))
    .map(a => `<${e.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 80)}">`))"""


def one_of_each(pages: list[Any]) -> list[Any]:
    """Every document page, and one page per other kind (and banner state) per language."""
    chosen: dict[tuple[str, str, str | None], Any] = {}
    for page in pages:
        key = (page.lang, page.kind, page.document if page.kind == "document" else page.state)
        chosen.setdefault(key, page)
    return list(chosen.values())


@slow
@pytest.mark.browser
def test_nothing_from_the_data_runs_in_the_browser(built: Built) -> None:
    """Each page type in headless Chromium: no dialog opens, the canary stays unset, no
    script-bearing attribute is in the live DOM, and a search for the data's text runs none."""
    from browser_support import chromium, discover_pages, require_tools, serve

    require_tools()
    pages = one_of_each(discover_pages(built.site))
    kinds = {(p.kind, p.state) for p in pages if p.kind != "document"}
    for state in ("superseded", "current", "upcoming"):
        assert ("version", state) in kinds, kinds
    assert {"home", "changes", "changelog"} <= {kind for kind, _ in kinds}
    assert {p.lang for p in pages} == set(LANGUAGES)
    problems: dict[str, list[str]] = {}
    dialogs: list[str] = []
    with serve(built.site) as base, chromium(built.root / "profile") as browser:
        tab = browser.new_page()
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for target in pages:
            response = tab.goto(base + target.path, wait_until="load")
            assert response is not None and response.ok, target.path
            found = [f"dialog: {m}" for m in dialogs] + tab.evaluate(LIVE_DOM_JS)
            if tab.evaluate("window.__pwned !== undefined"):
                found.append("window.__pwned was set")
            if found:
                problems[target.id] = found
            dialogs.clear()
        tab.goto(base + "/privacy/", wait_until="load")
        tab.locator("input.md-search__input").fill("heading")
        tab.locator(".md-search-result__item").first.wait_for()
        assert "onerror" in tab.locator(".md-search-result").inner_text()
        found = [f"dialog: {m}" for m in dialogs] + tab.evaluate(LIVE_DOM_JS)
        if tab.evaluate("window.__pwned !== undefined"):
            found.append("window.__pwned was set")
        if found:
            problems["search results"] = found
    assert problems == {}


# --- sanitize_body: fenced code blocks ---------------------------------------------------------

MARKDOWN_SETUPS = {  # what sites commonly configure for code blocks
    "fenced_code": (["attr_list", "fenced_code"], {}),
    "superfences": (["attr_list", "pymdownx.superfences"], {}),
    "superfences-no-pygments": (
        ["attr_list", "pymdownx.superfences", "pymdownx.highlight"],
        {"pymdownx.highlight": {"use_pygments": False}},
    ),
}


@pytest.mark.parametrize("setup", list(MARKDOWN_SETUPS))
@pytest.mark.parametrize(
    "body",
    [
        "    ```\n<script>alert(1)</script>",  # indented: a code line to Markdown, not a fence
        "Text\n  ```\n<img src=x onerror=alert(1)>",
        "```\ncode\n``` not a closing fence\n<script>alert(1)</script>\n```",
        '```{.js onmouseover="alert(1)"}\ncode\n```',  # attributes on the fence
        '~~~ {: onclick="alert(1)"}\ncode\n~~~',
        "```\n</code></pre><script>alert(1)</script>\n```",
        "```\n{{ 7*7 }} {% raw %}\n```",
    ],
)
def test_fenced_blocks_never_let_markup_through(body: str, setup: str) -> None:
    import markdown

    extensions, configs = MARKDOWN_SETUPS[setup]
    out = markdown.markdown(sanitize_body(body), extensions=extensions, extension_configs=configs)
    for raw in ("<script", "<img", "onmouseover", "onclick", "{{", "{%"):
        assert raw not in out, (body, out)


def test_fenced_block_shows_its_text_as_code() -> None:
    import markdown

    body = "Before\n\n```yaml\nkey: <b>1</b> & {{ x }}\n\n  indented\n```\nAfter *this*"
    out = markdown.markdown(sanitize_body(body), extensions=["attr_list", "fenced_code"])
    assert '<pre><code class="language-yaml">' in out
    shown = html.unescape(re.search(r"<code[^>]*>(.*?)</code>", out, re.DOTALL).group(1))  # type: ignore[union-attr]
    assert shown == "key: <b>1</b> & {{ x }}\n\n  indented"
    assert "<em>this</em>" in out and "<p>Before</p>" in out
