"""The documentation pages as readers see them: Markdown that renders as written, worked
examples that pass `check --strict`, a languages matrix that is the package's, and pictures
that load nothing from other hosts (issue 22)."""

from __future__ import annotations

import html
import importlib.util
import re
import subprocess
import textwrap
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
import pytest
import yaml
from conftest import mkdocs_build

from mkdocs_legal import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))


def extensions() -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions of the docs site's `mkdocs.yml`, with their options."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)
    names: list[str] = []
    options: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if settings:
            options[name] = settings
    return names, options


class _AnyTag(yaml.SafeLoader):
    """Reads `!!python/name:` and other tags of an mkdocs.yml as plain values."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def render(text: str) -> str:
    names, options = extensions()
    return markdown.markdown(text, extensions=names, extension_configs=options)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_list_item_is_swallowed_by_a_paragraph(path: Path) -> None:
    """A numbered or bulleted line right after an indented block renders as text of the item
    before it (the history recipe's step 5 did): every such line must start its own item."""
    html = render(path.read_text(encoding="utf-8"))
    paragraphs = re.findall(r"<p>(.*?)</p>", html, re.S)
    swallowed = [
        line
        for p in paragraphs
        for line in p.splitlines()[1:]
        if re.match(r"\s*(\d+\.|[-*+]) \S", line)
    ]
    assert not swallowed, f"{path.name}: list items rendered inside a paragraph: {swallowed}"


# --- the built site ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs site built with `--strict` (the live example in its `example/` folder)."""
    result, site = mkdocs_build(ROOT, "--strict", site_dir=tmp_path_factory.mktemp("docs") / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def local_targets(html: str) -> list[str]:
    """The relative `href` and `src` values of a page, fragments and queries cut off."""
    values = re.findall(r'\b(?:href|src)="([^"#?]+)[^"]*"', html)
    return [v for v in values if not urlsplit(v).scheme and not v.startswith(("/", "//"))]


@pytest.mark.slow
def test_every_link_of_the_docs_reaches_a_file(built: Path) -> None:
    """MkDocs checks links to Markdown pages; links it leaves as they are (into the live
    example, to `legal.json`, to pictures) must reach a file of the built site too."""
    broken = []
    for page in built.rglob("*.html"):
        if built / "example" in page.parents:
            continue  # the example's own links are the plugin's, tested with its builds
        for target in local_targets(page.read_text(encoding="utf-8")):
            path = (page.parent / unquote(target)).resolve()
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{page.relative_to(built)}: {target}")
    assert not broken, "\n".join(broken)


@pytest.mark.slow
def test_the_example_links_back_to_the_docs(built: Path) -> None:
    for language in ("", "sv/"):
        home = (built / "example" / language / "index.html").read_text(encoding="utf-8")
        back = "../" if not language else "../../"
        assert f'href="{back}"' in home, language


# --- worked examples -----------------------------------------------------------------------------


def yaml_blocks(text: str) -> list[str]:
    """The fenced YAML blocks of a page, in order."""
    return [
        textwrap.dedent(b) for _, b in re.findall(r"^( *)```yaml\n(.*?)^\1```$", text, re.M | re.S)
    ]


EXAMPLES = [
    b for b in yaml_blocks((DOCS / "examples.md").read_text("utf-8")) if b.startswith("schema: 1")
]
ONE_LANGUAGE = "site_name: Example\nsite_url: https://www.exempelkonsult.se/\ntheme:\n  name: material\n  language: en\nplugins:\n  - legal\n"


def test_examples_page_has_the_four_examples() -> None:
    headings = re.findall(r"^## (.+)$", (DOCS / "examples.md").read_text("utf-8"), re.M)
    assert len(EXAMPLES) == len(headings) == 4


@pytest.mark.parametrize("example", range(4))
def test_each_worked_example_passes_check_strict(
    example: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text(ONE_LANGUAGE, encoding="utf-8")
    (tmp_path / "legal.yml").write_text(EXAMPLES[example], encoding="utf-8")
    code = cli.main(["check", "--strict", str(tmp_path / "legal.yml")])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    assert "ok (0 error(s), 0 warning(s))" in out.out


@pytest.mark.slow
def test_analytics_example_makes_material_wait_for_consent(tmp_path: Path) -> None:
    """The Google Analytics example, built: the consent dialog has the `analytics` choice that
    Material's analytics waits for, and the cookie policy lists both cookies."""
    text = (DOCS / "examples.md").read_text("utf-8")
    config = next(b for b in yaml_blocks(text) if b.startswith("theme:"))
    data = next(b for b in EXAMPLES if "provider: google" in b)
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Example\n{config}", encoding="utf-8")
    (tmp_path / "legal.yml").write_text(data, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    result, site = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr[-4000:]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="__consent"' in home and 'name="analytics"' in home
    assert "consent&&consent.analytics&&__md_analytics()" in home
    policy = html.unescape((site / "cookies" / "index.html").read_text(encoding="utf-8"))
    assert "<td>_ga</td>" in policy and "<td>_ga_<container-id></td>" in policy


# --- troubleshooting -----------------------------------------------------------------------------

FAQ = DOCS / "troubleshooting.md"
BASIC = ROOT / "tests" / "fixtures" / "data" / "basic.yml"
ENGLISH = "site_name: T\nsite_url: https://www.exempelkonsult.se/\ntheme:\n  name: material\n  language: en\n  font: false\nplugins:\n  - legal\n"
# MkDocs lists the pages left out of a `nav` only when there is one.
NAV = "nav:\n  - index.md\n  - privacy.md\n  - changelog.md\n"


def fenced(text: str, language: str) -> list[str]:
    return [
        textwrap.dedent(b)
        for _, b in re.findall(rf"^( *)```{language}\n(.*?)^\1```$", text, re.M | re.S)
    ]


def released(root: Path) -> Path:
    """`faq_site` with both versions released, the first from the data as it was."""
    old = ["release", str(root / "old.yml"), "--history-dir", str(root / "legal-history")]
    assert cli.main([*old, "--lang", "en"]) == 0
    assert cli.main(["release", str(root / "legal.yml")]) == 0
    return root


def faq_site(folder: Path, config: str = ENGLISH) -> Path:
    """The fixture data with a first version in force (2026-01-01, never released) and a
    second one upcoming (2027-01-01), as the troubleshooting page's first answer has it."""
    data = yaml.safe_load(BASIC.read_text(encoding="utf-8"))
    first = {**data["versions"][0], "effective": "2026-01-01", "published": "2025-12-01"}
    first.pop("version", None)  # labelled by its date, as on the page
    data["versions"] = [first]
    (folder / "old.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    data["versions"].append(
        {"effective": "2027-01-01", "summary": {"en": "Later.", "sv": "Senare."}}
    )
    (folder / "legal.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    return folder


def test_faq_shows_the_lgl203_error_and_its_cure_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(faq_site(tmp_path))
    assert cli.main(["check", "legal.yml"]) == 1
    printed = [line for line in capsys.readouterr().out.splitlines() if "LGL203" in line]
    shown = fenced(FAQ.read_text("utf-8"), "text")[0].strip()
    assert [line.replace(f"{tmp_path}/", "") for line in printed] == [shown]
    # The cure for changed facts: release the old state, from its own file, into the history.
    argv = ["release", "old.yml", "--history-dir", "legal-history", "--lang", "en"]
    assert cli.main(argv) == 0
    assert cli.main(["release"]) == 0
    assert cli.main(["check", "--strict", "legal.yml"]) == 0
    assert "mkdocs-legal release /tmp/legal-2026-01-01.yml --history-dir legal-history" in (
        FAQ.read_text("utf-8")
    )


@pytest.mark.slow
def test_faq_not_in_nav_snippet_silences_the_history_pages(tmp_path: Path) -> None:
    root = faq_site(tmp_path, ENGLISH + NAV)
    released(root)
    result, _ = mkdocs_build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "- privacy/2027-01-01/changes.md" in result.stderr
    snippet = next(b for b in fenced(FAQ.read_text("utf-8"), "yaml") if "not_in_nav" in b)
    (root / "mkdocs.yml").write_text(ENGLISH + NAV + snippet, encoding="utf-8")
    result, site = mkdocs_build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "not included in the" not in result.stderr
    assert (site / "privacy" / "2027-01-01" / "changes" / "index.html").is_file()


@pytest.mark.slow
def test_faq_quiet_strict_fails_on_the_plugins_warnings(tmp_path: Path) -> None:
    """What the page says of `-q --strict`: MkDocs drops the warning before counting it, but
    the plugin counts its own; its `strict: true` fails the build whatever the flags."""
    root = faq_site(tmp_path)
    data = yaml.safe_load((root / "old.yml").read_text(encoding="utf-8"))
    (root / "legal.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cli.main(["release", str(root / "legal.yml")]) == 0
    frozen = root / "legal-history" / "privacy" / "2026-01-01.en.md"
    frozen.write_text(
        frozen.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8"
    )  # LGL201

    def build(*flags: str) -> subprocess.CompletedProcess[str]:
        return mkdocs_build(root, *flags)[0]

    assert build("--strict").returncode == 1
    assert build("-q", "--strict").returncode == 1
    assert build("-q").returncode == 0
    strict = next(b for b in fenced(FAQ.read_text("utf-8"), "yaml") if "strict: true" in b)
    options = yaml.safe_load(strict)["plugins"][0]["legal"]
    (root / "mkdocs.yml").write_text(ENGLISH.replace("  - legal\n", f"  - legal: {options}\n"))
    assert build("-q").returncode == 1


@pytest.mark.slow
def test_faq_preview_shows_the_coming_version(tmp_path: Path) -> None:
    root = faq_site(tmp_path)
    released(root)
    preview = next(b for b in fenced(FAQ.read_text("utf-8"), "yaml") if "today:" in b)
    today = yaml.safe_load(preview)["plugins"][0]["legal"]["today"]
    (root / "mkdocs.yml").write_text(
        ENGLISH.replace("  - legal\n", f"  - legal: {{today: {today}}}\n")
    )
    result, site = mkdocs_build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (site / "privacy" / "index.html").read_text(encoding="utf-8")
    assert 'data-legal-state="current"' in page and '<time datetime="2027-01-01">' in page


# --- languages and countries ---------------------------------------------------------------------


def languages_tool() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_languages_page", ROOT / "tools" / "make_languages_page.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_languages_page_is_what_the_package_has() -> None:
    tool = languages_tool()
    text = tool.PAGE.read_text(encoding="utf-8")
    assert tool.page_with_tables(text) == text, "run: python tools/make_languages_page.py"
    from mkdocs_legal.core.authorities import keys
    from mkdocs_legal.core.language import available_languages

    assert all(f"| `{code}` |" in text for code in available_languages())
    assert all(f"`{key}`" in text for key in keys())


def test_a_law_topic_keyed_by_country_becomes_a_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """Law files that other features add (cookie rules, consumer law) appear by themselves."""
    from mkdocs_legal.core import law

    tool = languages_tool()
    real = law.topic
    fake = {"EU": {"source": "s"}, "SE": {"source": "s"}, "UK": {"source": "s"}}

    def topic(name: str) -> Any:
        return fake if name == "cookies_demo" else real(name)

    monkeypatch.setattr(law, "topic", topic)
    monkeypatch.setattr(tool, "country_topics", lambda: ["cookies_demo"])
    monkeypatch.setattr(tool, "topic_summary", lambda name: "National cookie rules.")
    table, legend = tool.countries_table().split("\n\n")
    assert legend == "- `cookies_demo`: National cookie rules."
    assert "| `cookies_demo` |" in table.splitlines()[0] + " |"
    rows = {line.split(" | ")[1]: line for line in table.splitlines()[2:]}
    assert rows["`SE`"].endswith("| yes |") and rows["`GB`"].endswith("| yes |")
    assert rows["`DK`"].endswith("| – |") and "`EU`" not in rows
    assert tool.is_country("SE") and not tool.is_country("EU")


# --- the "how it works" diagram -----------------------------------------------------------------


def test_diagram_names_the_real_steps_and_loads_nothing() -> None:
    """The SVG is drawn by hand: it must name the commands and outputs as they are, carry a
    title and a description for screen readers, and refer to nothing outside itself."""
    import xml.etree.ElementTree as ET

    path = DOCS / "assets" / "how-it-works.svg"
    svg = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    words = " ".join(" ".join(e.itertext()) for e in svg.iter(f"{ns}text"))
    for name in ("legal.yml", "mkdocs-legal check", "mkdocs-legal release", "mkdocs build"):
        assert name in words, name
    for name in ("legal-history/", "feed.xml", "/legal.json", "/privacy/"):
        assert name in words, name
    assert svg.find(f"{ns}title") is not None and svg.find(f"{ns}desc") is not None
    raw = path.read_text(encoding="utf-8")
    assert not re.search(r"(?i)(href|src)\s*=\s*\"(?!#)|@import|<script|<image|url\((?!#)", raw)
    assert "](assets/how-it-works.svg)" in (DOCS / "getting-started.md").read_text("utf-8")
