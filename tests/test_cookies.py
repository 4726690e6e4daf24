"""The cookie policy and the consent dialog data: one source, so they cannot disagree."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
from conftest import DEMO, load_data

from mkdocs_legal.core import documents
from mkdocs_legal.core.consent import CONSENT_IDS, consent_extra
from mkdocs_legal.core.construct import build
from mkdocs_legal.core.language import Language
from mkdocs_legal.core.model import Cookie, Cookies, LegalData, replace

ROOT = Path(__file__).resolve().parent.parent
BASIC = ROOT / "tests" / "fixtures" / "data" / "basic.yml"
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.yml"))
WITH_COOKIES = [DEMO, *(p for p in SEEDS if "\ncookies:" in p.read_text(encoding="utf-8"))]
IDS = ["intro", "what_are_cookies", "categories", "table", "manage", "changes", "contact"]
COLUMNS = ["Name", "Provider", "Purpose", "Category", "Duration", "Type"]


@pytest.fixture(scope="module")
def basic() -> LegalData:
    return load_data(BASIC)


def render(data: LegalData, lang: str = "en", settings: str | None = None, **links: str) -> str:
    return documents.render(
        data, "cookies", Language(lang), documents.Links(documents=links, cookie_settings=settings)
    ).to_markdown()


def section_ids(text: str) -> list[str]:
    found = re.findall(r"^## (\d+)\. .+ \{#(\w+)\}$", text, re.M)
    assert [int(n) for n, _ in found] == list(range(1, len(found) + 1))
    return [anchor for _, anchor in found]


def section(text: str, section_id: str) -> str:
    return text.split(f"{{#{section_id}}}\n", 1)[1].split("\n## ", 1)[0]


def table_rows(text: str) -> list[list[str]]:
    """The cookie table's rows (header first), cells unescaped to plain text."""
    lines = [line for line in section(text, "table").splitlines() if line.startswith("|")]
    return [
        [html.unescape(cell) for cell in line.strip("| ").split(" | ")]
        for line in lines
        if not line.startswith("|---")
    ]


def with_cookies(data: LegalData, *items: Cookie, **update: object) -> LegalData:
    return replace(data, **{"cookies": Cookies(items=list(items)), **update})


def cookie(name: str, category: str = "necessary", **fields: object) -> Cookie:
    values: dict[str, object] = {
        "name": name,
        "purpose": "Keeps you logged in",
        "category": category,
        "duration": "session",
    }
    values.update(fields)
    return build(Cookie, values)


# --- the document ---------------------------------------------------------------------------


def test_available_only_when_the_data_has_cookies(demo: LegalData, basic: LegalData) -> None:
    assert "cookies" in documents.available(demo)
    assert "cookies" not in documents.available(basic)
    assert "cookies" in documents.available(with_cookies(basic))


@pytest.mark.parametrize("path", WITH_COOKIES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_section_in_order_and_every_cookie_in_the_table(path: Path, lang: str) -> None:
    data = load_data(path)
    assert data.cookies is not None
    text = render(data, lang, "#__consent", privacy="privacy.md", changelog="changelog.md")
    assert section_ids(text) == IDS
    rows = table_rows(text)
    assert len(rows) == len(data.cookies.items) + 1
    assert all(len(row) == len(COLUMNS) for row in rows)
    language = Language(lang)
    for row, item in zip(rows[1:], data.cookies.items, strict=True):
        assert row[0] == item.name
        assert row[2] == language.text(item.purpose)
    assert data.organisation.name in html.unescape(section(text, "intro"))


def test_table_columns_and_values_in_english_and_swedish(demo: LegalData) -> None:
    en = table_rows(render(demo))
    assert en[0] == COLUMNS
    assert en[1] == [
        "mb_session",
        "Mötesbokarna Norden AB; first-party cookie",
        "Keeps your visit together between pages and remembers your cookie choices for this visit",
        "Necessary",
        "session",
        "HTTP cookie",
    ]
    assert en[2][1] == "Mätpunkt Analys AB (Sweden); third-party cookie"
    assert en[2][3:] == ["Statistics", "13 months", "HTTP cookie"]
    sv = table_rows(render(demo, "sv"))
    assert sv[2][1] == "Mätpunkt Analys AB (Sverige); tredjepartscookie"
    assert sv[2][3:5] == ["Statistik", "13 månader"]
    assert sv[2][2].startswith("Räknar besök")


def test_third_party_provider_is_the_legal_entity_and_its_country() -> None:
    """`_ga` is set on the site's own domain (first-party), and Google receives the data, which
    goes on to the United States: both facts, each where it belongs."""
    data = load_data(ROOT / "tests" / "fixtures" / "seeds" / "kirstencallesen.yml")
    en = {row[0]: row for row in table_rows(render(data))}
    assert en["_ga"][1] == (
        "Google Ireland Limited (Ireland); first-party cookie; "
        "data goes to the United States, outside the EU/EEA"
    )
    assert en["_ga"][4] == "13 months"
    assert en["PHPSESSID"][1] == "Kirsten Callesen; first-party cookie"
    sv = {row[0]: row for row in table_rows(render(data, "sv"))}
    assert sv["_ga"][1] == (
        "Google Ireland Limited (Irland); förstapartscookie; "
        "uppgifterna går till USA, utanför EU/EES"
    )
    assert sv["_ga"][4] == "13 månader"


def test_party_follows_the_domain_not_the_provider(demo: LegalData) -> None:
    data = with_cookies(
        demo,
        cookie("_ga", "statistics", provider="matpunkt", duration="P13M"),
        cookie("IDE", "marketing", provider="matpunkt", duration="P13M"),
        cookie("own_stats", "statistics", provider="matpunkt", duration="P13M"),
        cookie("widget", "preferences", duration="P1M", party="third_party"),
    )
    rows = {row[0]: row[1] for row in table_rows(render(data))}
    assert rows["_ga"].endswith("; first-party cookie")  # law/trackers.yml: Google Analytics
    assert rows["IDE"].endswith("; third-party cookie")  # DoubleClick's own domain
    assert rows["own_stats"].endswith("; third-party cookie")  # a recipient, not a known tool
    assert rows["widget"] == "Mötesbokarna Norden AB; third-party cookie"  # `party` given


def test_the_rule_cited_is_that_of_the_organisations_country(demo: LegalData) -> None:
    text = section(render(demo), "categories")
    assert "9 kap. 28 § lagen (2022:482) om elektronisk kommunikation, which implements " in text
    assert "Article 5(3) of the ePrivacy Directive 2002/58/EC" in text
    de = replace(demo.organisation, address=replace(demo.organisation.address, country="DE"))
    assert "(§ 25 TDDDG, which implements" in section(
        render(replace(demo, organisation=de)), "categories"
    )
    sv_text = section(render(replace(demo, organisation=de), "sv"), "categories")
    assert "§ 25 TDDDG, som genomför artikel 5.3 i direktiv 2002/58/EG" in sv_text
    gr = replace(demo.organisation, address=replace(demo.organisation.address, country="GR"))
    text = section(render(replace(demo, organisation=gr)), "categories")
    assert "(Article 5(3) of the ePrivacy Directive 2002/58/EC)" in text


def test_intro_names_the_organisation_review_date_and_privacy_policy(demo: LegalData) -> None:
    en = section(render(demo, privacy="../privacy/"), "intro")
    assert "Mötesbokarna Norden AB uses cookies" in en
    assert "October 20, 2026" in en
    assert "[privacy policy](<../privacy/>)" in en
    assert "20 oktober 2026" in section(render(demo, "sv"), "intro")
    unlinked = section(render(demo), "intro")
    assert "privacy policy" not in unlinked and "](" not in unlinked
    assert demo.cookies is not None
    undated = replace(demo, cookies=replace(demo.cookies, last_reviewed=None))
    assert "reviewed" not in section(render(undated), "intro")


def test_intro_of_the_data_file_is_shown_once(demo: LegalData) -> None:
    data = replace(demo, intro={"cookies": "Our own *opening* words."})
    text = render(data)
    assert text.count("Our own *opening* words.") == 1
    assert text.index("Our own") < text.index("## 1.")


def test_only_the_technologies_in_use_are_explained(basic: LegalData) -> None:
    only_cookies = section(render(with_cookies(basic, cookie("a"))), "what_are_cookies")
    assert "**Cookies**" in only_cookies
    assert "storage" not in only_cookies and "Pixel" not in only_cookies
    mixed = with_cookies(
        basic, cookie("a", type="local_storage"), cookie("b", "marketing", type="pixel")
    )
    text = section(render(mixed), "what_are_cookies")
    assert "**Local storage**" in text and "**Pixels**" in text
    assert "**Cookies**" not in text and "**Session storage**" not in text
    assert "means all of these technologies" in text
    assert "local and session storage" in section(render(mixed), "manage")
    types = [row[5] for row in table_rows(render(mixed))[1:]]
    assert types == ["Local storage", "Pixel"]


def test_categories_in_use_and_the_consent_rule(basic: LegalData) -> None:
    necessary = section(render(with_cookies(basic, cookie("a"))), "categories")
    assert "**Necessary**" in necessary and "without asking" in necessary
    assert "consent" not in necessary and "**Statistics**" not in necessary
    both = section(
        render(with_cookies(basic, cookie("a"), cookie("b", "marketing", duration="P1Y"))),
        "categories",
    )
    assert both.index("**Necessary**") < both.index("**Marketing**")
    assert "only if you consent" in both and "Article 5(3)" in both
    assert "**Preferences**" not in both


def test_manage_links_to_the_consent_settings(demo: LegalData) -> None:
    linked = section(render(demo, settings="#__consent"), "manage")
    assert "[Change your cookie settings](<#__consent>)" in linked
    assert "Article 7(3) GDPR" in linked
    assert "browser" in linked
    unlinked = section(render(demo), "manage")
    assert "](" not in unlinked and "withdraw your consent" in unlinked


def test_manage_does_not_mention_consent_when_every_cookie_is_necessary(basic: LegalData) -> None:
    data = with_cookies(basic, cookie("sid"))
    text = section(render(data, settings="#__consent"), "manage")
    assert "consent" not in text and "](" not in text
    assert "browser" in text


def test_published_text_links_by_tokens(demo: LegalData) -> None:
    text = documents.render_markdown(demo, "cookies", Language("en"))
    assert "](<legal:consent>)" in text
    assert "](<legal:privacy>)" in text
    assert "](<legal:changelog>)" in text
    assert "legal:cookies" not in text


def test_zero_items_says_so_and_keeps_only_what_applies(basic: LegalData) -> None:
    data = with_cookies(basic)
    text = render(data, settings="#__consent", changelog="changelog.md")
    assert section_ids(text) == ["intro", "changes", "contact"]
    assert "does not use cookies or similar technologies" in section(text, "intro")
    assert "|" not in text
    assert consent_extra(data, Language("en")) is None


HOSTILE = [
    "_ga|x",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "<b>bold</b> | *em* `code` {: .x }",
]


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_cookie_strings_are_inert_and_keep_the_table_whole(
    demo: LegalData, evil: str
) -> None:
    recipients = [replace(r, name=evil) for r in demo.recipients]
    data = with_cookies(
        demo,
        cookie(evil, "statistics", provider="matpunkt", purpose=evil, duration="P13M"),
        cookie("ok", purpose={"en": evil, "sv": evil}),
        recipients=recipients,
        organisation=replace(demo.organisation, name=evil),
    )
    text = render(data, settings="#__consent")
    rows = table_rows(text)
    assert all(len(row) == len(COLUMNS) for row in rows)
    assert rows[1][0] == evil and rows[1][2] == evil
    assert rows[1][1] == f"{evil} (Sweden); third-party cookie"
    assert rows[2][1] == f"{evil}; first-party cookie"
    page = markdown.markdown(text, extensions=["attr_list", "tables"])
    assert "<script" not in page and "<b>" not in page
    assert 'href="javascript' not in page
    extra = consent_extra(data, Language("en"), settings_link="/cookies/")
    assert extra is not None
    assert "<script" not in extra["description"] and "<b>" not in extra["description"]
    assert html.escape(evil) in extra["description"]


def test_the_table_renders_as_a_table(demo: LegalData) -> None:
    data = with_cookies(
        demo,
        cookie("_ga|x", "statistics", provider="matpunkt", duration="P13M"),
        cookie("pref", "preferences", duration="P1Y", type="local_storage"),
    )
    page = markdown.markdown(render(data), extensions=["attr_list", "tables"])
    tables = re.findall(r"<table>.*?</table>", page, re.S)
    assert len(tables) == 1
    body_rows = re.findall(r"<tr>(.*?)</tr>", tables[0], re.S)
    assert len(body_rows) == 3
    assert [len(re.findall(r"<t[hd]>", row)) for row in body_rows] == [6, 6, 6]
    assert "<td>_ga|x</td>" in html.unescape(tables[0])
    assert "<td>13 months</td>" in tables[0]


# --- the consent dialog ---------------------------------------------------------------------


def consent_categories(extra: dict[str, object]) -> set[str]:
    by_id = {v: k for k, v in CONSENT_IDS.items()}
    cookies = extra["cookies"]
    assert isinstance(cookies, dict)
    return {by_id[key] for key in cookies}


def variants() -> list[tuple[str, LegalData]]:
    found = [(p.stem, load_data(p)) for p in WITH_COOKIES]
    base = load_data(BASIC)
    found += [
        ("necessary", with_cookies(base, cookie("a"))),
        ("preferences", with_cookies(base, cookie("a", "preferences", duration="P1Y"))),
        (
            "all",
            with_cookies(
                base,
                cookie("m", "marketing", type="pixel"),
                cookie("s", "statistics"),
                cookie("p", "preferences", type="local_storage", duration="P30D"),
                cookie("n"),
            ),
        ),
        ("marketing_only", with_cookies(base, cookie("m", "marketing"))),
    ]
    return found


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_consent_lists_exactly_the_categories_of_the_table(lang: str) -> None:
    for name, data in variants():
        table = {row[3] for row in table_rows(render(data, lang))[1:]}
        extra = consent_extra(data, Language(lang))
        needed = table - {Language(lang)._("Necessary")}
        if not needed:
            assert extra is None, name
            continue
        assert extra is not None, name
        cookies = extra["cookies"]
        assert {v["name"] for v in cookies.values()} == needed, name
        assert all(v["checked"] is False for v in cookies.values()), name  # Planet49
        assert len(consent_categories(extra)) == len(needed), name
        assert set(extra) == {"title", "description", "cookies", "actions"}
        assert extra["actions"] == ["accept", "reject", "manage"]
        necessary_in_table = Language(lang)._("Necessary") in table
        always_on = Language(lang)._(
            "Necessary cookies, which the website needs to work, are always on."
        )
        assert (always_on in extra["description"]) == necessary_in_table, name


def test_statistics_uses_materials_analytics_id(demo: LegalData) -> None:
    extra = consent_extra(demo, Language("en"))
    assert extra is not None
    assert extra["cookies"] == {
        "preferences": {"name": "Preferences", "checked": False},
        "analytics": {"name": "Statistics", "checked": False},
    }
    assert "visitor statistics" in extra["description"]


def test_consent_follows_the_categories_of_the_cookie_policy_in_force(demo: LegalData) -> None:
    """While the in-force cookie policy is a frozen one, its recorded categories count."""
    extra = consent_extra(demo, Language("en"), categories=["necessary", "statistics"])
    assert extra is not None and set(extra["cookies"]) == {"analytics"}
    assert "always on" in extra["description"]
    assert consent_extra(demo, Language("en"), categories=["necessary"]) is None


def test_consent_is_in_the_language_and_links_the_policy(demo: LegalData) -> None:
    sv = consent_extra(demo, Language("sv"), settings_link="/sv/cookies/")
    assert sv is not None
    assert sv["cookies"]["analytics"]["name"] == "Statistik"
    assert '<a href="/sv/cookies/">cookiepolicy</a>' in sv["description"]
    en = consent_extra(demo, Language("en"))
    assert en is not None
    assert "cookie policy" in en["description"] and "<a" not in en["description"]
    bad = consent_extra(demo, Language("en"), settings_link="javascript:alert(1)")
    assert bad is not None and "javascript" not in bad["description"]
