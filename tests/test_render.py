"""The core renderer, without MkDocs: sections, numbering, languages, escaping."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mkdocs_legal.core import documents
from mkdocs_legal.core.language import Language
from mkdocs_legal.core.model import replace

ROOT = Path(__file__).resolve().parent.parent


def render(data, lang: str, **links: str) -> str:
    return documents.render(
        data, "privacy", Language(lang), documents.Links(documents=links)
    ).to_markdown()


def headings(markdown: str) -> list[tuple[int, str, str]]:
    return [
        (int(n), title, anchor)
        for n, title, anchor in re.findall(r"^## (\d+)\. (.+) \{#(\w+)\}$", markdown, re.M)
    ]


def test_sections_are_numbered_in_order_without_gaps(demo) -> None:
    found = headings(render(demo, "en"))
    assert [n for n, _, _ in found] == list(range(1, len(found) + 1))
    ids = [anchor for _, _, anchor in found]
    for required in (
        "controller",
        "data",
        "purposes",
        "recipients",
        "retention",
        "rights",
        "complaint",
        "changes",
        "contact",
    ):
        assert required in ids


def test_empty_sections_are_left_out(demo) -> None:
    data = replace(demo, children=None)
    ids = [a for _, _, a in headings(render(data, "en"))]
    assert "children" not in ids
    assert "dpo" not in ids  # the demo has no data protection officer
    assert "## " not in render(data, "en").split("{#contact}")[1]


def test_swedish_uses_official_terms_and_citation(demo) -> None:
    sv = render(demo, "sv")
    assert sv.startswith("# Integritetspolicy")
    assert "artikel 6.1 f dataskyddsförordningen" in sv
    assert "artikel 6.1 b dataskyddsförordningen" in sv
    assert "berättigat intresse" in sv
    assert "laglig grund" not in sv.lower()
    assert "legitimt intresse" not in sv.lower()
    assert "Integritetsskyddsmyndigheten" in sv


def test_english_citation_and_authority(demo) -> None:
    en = render(demo, "en")
    assert "Article 6(1)(f) GDPR" in en
    assert "in particular in the EU/EEA Member State" in en
    assert "https://www.imy.se" in en


def test_organisation_name_comes_from_one_field(demo) -> None:
    name = demo.organisation.name
    for lang in ("en", "sv"):
        text = render(demo, lang)
        assert name in text
    renamed = replace(demo, organisation=replace(demo.organisation, name="Nytt Namn AB"))
    assert name not in render(renamed, "en").replace(demo.organisation.trading_name or "§", "")


def test_right_to_object_is_shown_separately(demo) -> None:
    en = render(demo, "en")
    assert "### Right to object" in en
    assert "**You have the right to object at any time**" in en


def test_durations_and_lists_follow_the_language(demo) -> None:
    assert "seven years" in render(demo, "en")
    assert "sju år" in render(demo, "sv")


def test_dates_come_from_babel() -> None:
    assert Language("sv").date(date(2026, 3, 1)) == "1 mars 2026"
    assert Language("en").date(date(2026, 3, 1)) == "March 1, 2026"
    assert Language("de").date(date(2025, 6, 15)) == "15. Juni 2025"


def test_cookie_section_links_to_the_cookie_policy_when_it_exists(demo) -> None:
    with_link = render(demo, "en", cookies="cookies.md")
    assert "](<cookies.md>)" in with_link


def test_hostile_strings_are_inert(demo) -> None:
    evil = "<script>alert(1)</script> <img src=x onerror=alert(2)> {{ 7*7 }} {% raw %} [x](javascript:alert(3)) | # *"
    data = replace(demo, organisation=replace(demo.organisation, name=evil))
    md = render(data, "en")
    assert "<script" not in md and "<img" not in md
    assert "{{" not in md and "{%" not in md
    assert "](javascript:" not in md
    assert "&#60;script&#62;" in md


# --- the controller line (common.identity) ----------------------------------------------------


def _controller_line(data: Any, lang: str) -> str:
    from mkdocs_legal.core.documents.base import Context
    from mkdocs_legal.core.documents.common import identity

    return str(identity(Context(data, Language(lang), documents.Links())))


@pytest.mark.parametrize(
    "country, name, form, number, expected",
    [
        ("DE", "Bergmann Werkzeuge GmbH", "GmbH", "HRB 12345",
         "Bergmann Werkzeuge GmbH, Handelsregister HRB 12345, Amtsgericht München"),
        ("DK", "Nørrebro Keramik ApS", {"en": "ApS", "da": "ApS"}, "12345678",
         "Nørrebro Keramik ApS, CVR-nr. 12345678"),
        ("SE", "Fjällsjö Konsult AB", {"en": "limited company", "da": "aktieselskab"},
         "556123-4567", "Fjällsjö Konsult AB, org.nr 556123-4567"),
        ("SE", "Fjällsjö Konsult", {"en": "limited company", "da": "aktieselskab"},
         "556123-4567", "Fjällsjö Konsult, limited company, org.nr 556123-4567"),
        ("PT", "Azulejo Lda", None, "500100200", "Azulejo Lda, reg. no. 500100200"),
    ],
)  # fmt: skip
def test_the_controller_line_names_the_form_once_and_the_register_of_the_country(
    country: str, name: str, form: Any, number: str, expected: str
) -> None:
    """Item 11: `GmbH, GmbH` no more; a Swedish org.nr reads `org.nr` on the Danish page too."""
    from mkdocs_legal.core.model import Address
    from mkdocs_legal.core.source import Options, load_valid

    basic = Path(__file__).parent / "fixtures" / "data" / "basic.yml"
    data = load_valid(basic, Options(("en", "sv"))).data
    court = "Amtsgericht München" if country == "DE" else None
    org = replace(
        data.organisation,
        name=name,
        legal_form=form,
        org_number=number,
        register_court=court,
        address=Address(city="X", country=country),
    )
    data = replace(data, organisation=org)
    assert _controller_line(data, "en") == expected
    if country in {"SE", "DK"}:
        danish = _controller_line(data, "da")
        assert danish.startswith(expected.split(",")[0]) and expected.split(", ")[-1] in danish
