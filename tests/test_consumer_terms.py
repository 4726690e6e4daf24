"""Consumer terms, complete in every catalog language: a shop selling goods and a subscription
to a service, for each country whose consumer law the package knows (tests/fixtures/consumer)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, load_data, mkdocs_build

from mkdocs_legal.core import documents, law
from mkdocs_legal.core.language import Language, available_languages

LANGUAGES = available_languages()
COUNTRIES = {"SE": "sv", "DK": "da", "DE": "de", "NO": "nb", "FI": "fi"}
CASES = [
    (kind, country, lang)
    for kind in ("shop", "subscription")
    for country, own in COUNTRIES.items()
    for lang in (own, "en")
]


def render(kind: str, country: str, lang: str) -> str:
    data = load_data(FIXTURES / "consumer" / f"{kind}-{country.lower()}.yml", tuple(LANGUAGES))
    return documents.render(data, "terms", Language(lang)).to_markdown()


def sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## \d+\. .+ \{#(\w+)\}$", text, flags=re.M)
    return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts), 2)}


@pytest.mark.parametrize(("kind", "country", "lang"), CASES)
def test_consumer_terms_are_complete(kind: str, country: str, lang: str) -> None:
    text = render(kind, country, lang)
    found = sections(text)
    assert list(found)[-1] == "withdrawal_form"
    for section_id in ("parties", "service", "withdrawal", "guarantee", "governing_law"):
        assert found.get(section_id), section_id
    assert "14" in found["withdrawal"] or "vierzehn" in found["withdrawal"]
    assert "(<#withdrawal_form>)" in found["withdrawal"]
    assert found["withdrawal_form"].count("\n- ") == 7  # the seven lines of Annex I(B)
    adr = law.fact("consumer", country, "adr")
    refuses = kind == "subscription" and country == "DE"  # § 36 VSBG: `not_willing`
    assert (f"(<{adr['url']}>)" in found["governing_law"]) is not refuses
    assert "ec.europa.eu/consumers/odr" not in text
    assert "{" not in text.replace("{#", "")


@pytest.mark.parametrize(("kind", "country", "lang"), [c for c in CASES if c[2] != "en"])
def test_every_clause_is_in_the_page_language(kind: str, country: str, lang: str) -> None:
    english = sections(render(kind, country, "en"))
    native = sections(render(kind, country, lang))
    assert list(native) == list(english)
    for section_id in ("withdrawal", "guarantee", "changes", "withdrawal_form"):
        assert native[section_id] != english[section_id], section_id
    assert "withdraw" not in native["withdrawal"].replace("#withdrawal_form", "").lower()


@pytest.mark.parametrize("country", COUNTRIES)
def test_goods_and_services_get_their_own_rules(country: str) -> None:
    shop = sections(render("shop", country, "en"))
    subscription = sections(render("subscription", country, "en"))
    assert "physical possession of the goods" in shop["withdrawal"]
    assert "We may withhold reimbursement" in shop["withdrawal"]
    assert "direct cost of returning the goods" in shop["withdrawal"]
    assert "performance of services" not in shop["withdrawal"]
    assert "(Article 16(c) of Directive 2011/83/EU)" in shop["withdrawal"]  # custom-made goods
    assert "conclusion of the contract" in subscription["withdrawal"]
    assert "in proportion to what has been provided" in subscription["withdrawal"]
    assert "Article 16(a)" in subscription["withdrawal"]
    assert "goods" not in subscription["withdrawal"]
    assert "received on" in shop["withdrawal_form"]
    assert "received on" not in subscription["withdrawal_form"]


def test_the_national_guarantee_is_named_with_its_period() -> None:
    assert "konsumentköplagen (2022:260)" in sections(render("shop", "SE", "sv"))["guarantee"]
    assert "tre år" in sections(render("shop", "SE", "sv"))["guarantee"]
    assert "købeloven" in sections(render("shop", "DK", "da"))["guarantee"]
    de = sections(render("shop", "DE", "de"))["guarantee"]
    assert "§§ 434 ff. BGB" in de and "zwei Jahre" in de
    assert "forbrukerkjøpsloven" in sections(render("shop", "NO", "nb"))["guarantee"]
    fi = sections(render("shop", "FI", "fi"))["guarantee"]
    assert "kuluttajansuojalain 5 luvussa" in fi and "kohtuullisessa ajassa" in fi


def test_germany_states_its_dispute_resolution_stance() -> None:
    shop = sections(render("shop", "DE", "de"))["governing_law"]
    assert "Wir sind bereit, an Streitbeilegungsverfahren" in shop
    subscription = sections(render("subscription", "DE", "de"))["governing_law"]
    assert "nicht bereit und nicht verpflichtet" in subscription
    assert "verbraucher-schlichter" not in subscription


def test_norway_keeps_the_consumers_mandatory_protection() -> None:
    law_section = sections(render("shop", "NO", "nb"))["governing_law"]
    assert "ufravikelig forbrukerlovgivning" in law_section
    assert "Rom I" not in law_section and "Rome I" not in law_section


def test_the_german_subscription_names_the_cancellation_button() -> None:
    termination = sections(render("subscription", "DE", "de"))["termination"]
    assert "Kündigungsschaltfläche" in termination
    assert "Der Kunde kündigt per E-Mail oder in seinen Kontoeinstellungen." in termination


def test_a_full_build_publishes_the_form_in_both_languages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# Sprachschule\n", encoding="utf-8")
    (site / "docs" / "index.en.md").write_text("# Language school\n", encoding="utf-8")
    for name in ("subscription.yml", "subscription-de.yml"):
        source = (FIXTURES / "consumer" / name).read_text(encoding="utf-8")
        (site / name).write_text(source, encoding="utf-8")
    (site / "mkdocs.yml").write_text(
        "site_name: Sprachschule Rhein\n"
        "site_url: https://sprachschule.example.net/\n"
        "theme: {name: material}\n"
        "plugins:\n"
        "  - legal:\n"
        "      data: subscription-de.yml\n"
        '      today: "2025-07-01"\n'
        "  - i18n:\n"
        "      docs_structure: suffix\n"
        "      languages:\n"
        "        - {locale: de, default: true, name: Deutsch, build: true}\n"
        "        - {locale: en, name: English, build: true}\n",
        encoding="utf-8",
    )
    result, out = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    german = (out / "terms" / "index.html").read_text(encoding="utf-8")
    english = (out / "en" / "terms" / "index.html").read_text(encoding="utf-8")
    assert 'id="withdrawal_form"' in german and "Muster-Widerrufsformular" in german
    assert 'href="#withdrawal_form"' in german
    assert 'id="withdrawal_form"' in english and "Model withdrawal form" in english
