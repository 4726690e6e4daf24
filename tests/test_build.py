"""Full builds: real `mkdocs build` of the fixture sites in `tests/fixtures/sites/`, HTML read back.

SPEC §2 (plugin configuration, order with i18n), §5 (banners), §6 (theme integration),
§9 (bad and hostile input).
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from mkdocs_legal.core.language import Language
from mkdocs_legal.core.source import Loaded, Options

pytestmark = pytest.mark.slow

Build = tuple[subprocess.CompletedProcess[str], Path]
BuildSite = Callable[..., Build]  # conftest.build_site: (name, files=…, **legal options)
BuiltSite = Callable[[str], Build]  # conftest.built_site: (name), built once per session
CopySite = Callable[..., Path]  # conftest.copy_site

DATA = Path(__file__).parent / "fixtures" / "data" / "basic.yml"
TWO_LANGUAGES = ["two-languages", "legal-after-i18n"]  # legal listed before / after i18n
PAGES = {"en": "privacy/index.html", "sv": "sv/privacy/index.html"}
VERSION_DATE = "2024-05-01"  # the one version in basic.yml, in force on the fixtures' `today`
SECTIONS = ["controller", "purposes", "rights", "complaint", "contact"]
HOSTILE = "<script>alert(1)</script> & {{ 7*7 }}"


# --- a small HTML tree, enough to look elements up by tag, class and attribute --------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element] = field(default_factory=list)
    parts: list[str | Element] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)

    def iter(self) -> Iterator[Element]:
        for child in self.children:
            yield child
            yield from child.iter()

    def find_all(
        self, tag: str | None = None, cls: str | None = None, **attrs: str
    ) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.classes)
            and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        self.stack[-1].parts.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts.append(data)


def parse(path: Path) -> Element:
    builder = TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    return builder.root


def text_in(language: str, value: str | dict[str, str]) -> str:
    """A data-file Text in `language`."""
    return value if isinstance(value, str) else value[language]


DATA_FILE = yaml.safe_load(DATA.read_text(encoding="utf-8"))


# --- two languages, legal listed before and after i18n --------------------------------------


@pytest.fixture(params=TWO_LANGUAGES)
def two_languages(request: pytest.FixtureRequest, built_site: BuiltSite) -> Path:
    """The site folder of each two-language fixture site, built once per session."""
    result, site = built_site(request.param)
    assert result.returncode == 0, result.stderr
    return site


def test_two_language_build_is_clean(built_site: BuiltSite) -> None:
    for name in TWO_LANGUAGES:
        result, _ = built_site(name)
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_pages_in_every_language(two_languages: Path) -> None:
    for page in PAGES.values():
        assert (two_languages / page).is_file(), page


def title(language: str) -> str:
    """The privacy policy's title in `language`, from the clause library's catalog."""
    return Language(language)._("Privacy policy")


@pytest.mark.parametrize("language", PAGES)
def test_heading_is_the_document_title(two_languages: Path, language: str) -> None:
    headings = parse(two_languages / PAGES[language]).find_all("h1")
    assert [h.text.strip() for h in headings] == [title(language)]
    assert (title(language) == "Privacy policy") == (language == "en")


@pytest.mark.parametrize("language", PAGES)
def test_one_current_banner_with_the_version_date(two_languages: Path, language: str) -> None:
    banners = parse(two_languages / PAGES[language]).find_all(cls="legal-banner")
    assert len(banners) == 1
    banner = banners[0]
    assert banner.attrs.get("data-legal-state") == "current"
    assert [t.attrs.get("datetime") for t in banner.find_all("time")] == [VERSION_DATE]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", {"en": "./", "sv": "../sv/privacy/"}),
        ("sv", {"en": "../../privacy/", "sv": "./"}),
    ],
)
def test_language_switcher_and_hreflang(
    two_languages: Path, language: str, expected: dict[str, str]
) -> None:
    page = parse(two_languages / PAGES[language])
    switcher = {a.attrs["hreflang"]: a.attrs["href"] for a in page.find_all("a", "md-select__link")}
    assert switcher == expected
    alternates = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in page.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }
    assert alternates == expected


def test_sitemap_has_both_pages_with_alternates(two_languages: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(two_languages / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    both = {
        "en": "https://fjallsjo-konsult.se/privacy/",
        "sv": "https://fjallsjo-konsult.se/sv/privacy/",
    }
    for loc in both.values():
        assert entries.get(loc) == both, loc


@pytest.mark.parametrize("language", PAGES)
def test_section_anchors(two_languages: Path, language: str) -> None:
    ids = {e.attrs.get("id") for e in parse(two_languages / PAGES[language]).iter()}
    assert set(SECTIONS) <= ids


@pytest.mark.parametrize("language", PAGES)
def test_facts_from_the_data_file(two_languages: Path, language: str) -> None:
    text = parse(two_languages / PAGES[language]).text
    organisation = DATA_FILE["organisation"]
    interest = next(p for p in DATA_FILE["purposes"] if p["legal_basis"] == "f")
    assert text_in(language, interest["legitimate_interest"]) in text
    assert organisation["name"] in text
    assert organisation["email"] in text
    assert organisation["privacy_email"] in text


def test_english_citation(two_languages: Path) -> None:
    assert "Article 6(1)(f) GDPR" in parse(two_languages / PAGES["en"]).text


def test_banner_before_the_effective_date_is_upcoming(build_site: BuildSite) -> None:
    result, site = build_site("two-languages", today="2024-01-01")
    assert result.returncode == 0, result.stderr
    for page in PAGES.values():
        banners = parse(site / page).find_all(cls="legal-banner")
        assert [b.attrs.get("data-legal-state") for b in banners] == ["upcoming"]
        assert [t.attrs.get("datetime") for t in banners[0].find_all("time")] == [VERSION_DATE]


# --- other sites -----------------------------------------------------------------------------


def test_one_language(built_site: BuiltSite) -> None:
    result, site = built_site("one-language")
    assert result.returncode == 0, result.stderr
    page = parse(site / "privacy" / "index.html")
    assert not (site / "sv").exists()
    assert page.find_all("html")[0].attrs.get("lang") == "sv"
    assert [h.text.strip() for h in page.find_all("h1")] == [title("sv")]
    assert len(page.find_all(cls="legal-banner")) == 1


def test_mkdocs_theme(built_site: BuiltSite) -> None:
    result, site = built_site("mkdocs-theme")
    assert result.returncode == 0, result.stderr
    page = parse(site / "privacy" / "index.html")
    banners = page.find_all(cls="legal-banner")
    assert len(banners) == 1
    assert banners[0].attrs.get("data-legal-state") == "current"
    assert "Article 6(1)(f) GDPR" in page.text


def test_data_file_in_docs_dir_is_not_published(built_site: BuiltSite) -> None:
    result, site = built_site("data-in-docs")
    assert result.returncode == 0, result.stderr
    assert (site / "privacy" / "index.html").is_file()
    assert not list(site.rglob("legal.yml"))
    assert "legal.yml" not in (site / "sitemap.xml").read_text(encoding="utf-8")


# --- bad input -------------------------------------------------------------------------------


def test_broken_data_fails_with_location_and_writes_nothing(build_site: BuildSite) -> None:
    source = DATA.read_text(encoding="utf-8")
    broken = source.replace("legal_basis: f\n", "legal_basis: g\n", 1)
    assert broken != source
    line_no, line = next(
        (n, ln) for n, ln in enumerate(broken.splitlines(), 1) if ln.endswith(": g")
    )
    col = line.rindex("g") + 1

    result, site = build_site("two-languages", files={"legal.yml": broken}, data="legal.yml")

    assert result.returncode == 1
    assert f"legal.yml:{line_no}:{col}: LGL006 error" in result.stderr
    assert "purposes[2].legal_basis" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_user_page_at_the_generated_path_fails(build_site: BuildSite) -> None:
    result, site = build_site("two-languages", files={"docs/privacy.md": "# My own policy\n"})
    assert result.returncode == 1
    assert "privacy.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_user_page_at_the_generated_path_in_another_language_fails(build_site: BuildSite) -> None:
    result, _ = build_site("two-languages", files={"docs/privacy.sv.md": "# Min policy\n"})
    assert result.returncode == 1
    assert "privacy.sv.md" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_page_in_another_language_fails_before_writing(build_site: BuildSite) -> None:
    result, site = build_site("two-languages", files={"docs/privacy.sv.md": "# Min policy\n"})
    assert result.returncode == 1
    assert not site.exists()


def plain_prose() -> str:
    data = DATA.read_text(encoding="utf-8")
    plain = re.sub(
        r"legitimate_interest:\n\s+en: (.*)\n\s+sv: .*\n", r"legitimate_interest: \1\n", data
    )
    assert plain != data
    return plain


def test_plain_prose_in_two_languages_warns(build_site: BuildSite) -> None:
    result, site = build_site("two-languages", files={"legal.yml": plain_prose()}, data="legal.yml")
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "LGL103" in line]
    assert len(warned) == 1, result.stderr  # once per build, not once per language
    assert warned[0].startswith("WARNING")
    assert "purposes[2].legitimate_interest" in warned[0]
    assert (site / "sv" / "privacy" / "index.html").is_file()


def test_plain_prose_fails_with_strict(build_site: BuildSite) -> None:
    result, site = build_site(
        "two-languages", files={"legal.yml": plain_prose()}, data="legal.yml", strict=True
    )
    assert result.returncode == 1
    assert "LGL103" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_hostile_strings_are_escaped(build_site: BuildSite) -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    data["organisation"]["name"] = HOSTILE
    result, site = build_site(
        "two-languages",
        files={"legal.yml": yaml.safe_dump(data, allow_unicode=True)},
        data="legal.yml",
    )
    assert result.returncode == 0, result.stderr
    for page in PAGES.values():
        html = (site / page).read_text(encoding="utf-8")
        assert "<script>alert" not in html
        # escaped as character references (`&lt;` or `&#60;`), shown as the literal text:
        assert HOSTILE in parse(site / page).text
        assert not [s for s in parse(site / page).find_all("script") if "alert" in s.text]
        assert "& 49" not in parse(site / page).text
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>alert" not in index
    assert "{{ 7*7 }}" in index


# --- in process ------------------------------------------------------------------------------


def counting_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every call of the plugin's `load_valid` (read + validate + lint)."""
    from mkdocs_legal.core.source import load_valid as original
    from mkdocs_legal.plugin import plugin

    assert plugin.load_valid is original  # type: ignore[attr-defined]
    calls: list[Path] = []

    def counting(path: Path, options: Options) -> Loaded:
        calls.append(path)
        return original(path, options)

    monkeypatch.setattr(plugin, "load_valid", counting)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return calls


@pytest.mark.parametrize("name", TWO_LANGUAGES)
def test_data_file_is_loaded_once_per_build(
    copy_site: CopySite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    calls = counting_loads(monkeypatch)
    root = copy_site(name)
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "out")))

    assert (tmp_path / "out" / "sv" / "privacy" / "index.html").is_file()
    assert len(calls) == 1


def test_rebuild_of_the_same_config_is_idempotent(
    copy_site: CopySite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """What `mkdocs serve` does on a change elsewhere: build again with the same plugin."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from mkdocs_legal.plugin.plugin import THEME_DIR

    calls = counting_loads(monkeypatch)
    out = tmp_path / "out"
    config = load_config(str(copy_site("two-languages") / "mkdocs.yml"), site_dir=str(out))
    build(config)
    build(config)

    assert len(calls) == 1
    assert config.theme.dirs.count(THEME_DIR) == 1
    assert config.markdown_extensions.count("attr_list") == 1
    for page in PAGES.values():
        assert len(parse(out / page).find_all(cls="legal-banner")) == 1
