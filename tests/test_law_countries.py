"""The facts of law/*.yml for FR, ES, IT, NL, PL, PT, BE, AT and LU, and the pages they reach:
consumer terms for a shop (goods) and a subscription (services) under each country's law, and
the cookie policy's national rule. Only facts confirmed against a stored copy of the act or an
official page are shipped; the rest falls back to what EU law says, and these tests pin both."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import DEMO, FIXTURES, load_data

from mkdocs_legal.core import documents, law
from mkdocs_legal.core.documents.consumer import law_name
from mkdocs_legal.core.language import Language
from mkdocs_legal.core.model import replace

OWN = {
    "FR": ("fr",),
    "ES": ("es",),
    "IT": ("it",),
    "NL": ("nl",),
    "PL": ("pl",),
    "PT": ("pt",),
    "BE": ("fr", "nl"),
    "AT": ("de",),
    "LU": ("fr",),
}
AGES = {"FR": 15, "ES": 14, "IT": 14, "NL": 16, "PL": 16, "PT": 13, "BE": 13, "AT": 14, "LU": 16}
COOKIE_RULES = {
    "FR": "article 82 de la loi n° 78-17",
    "ES": "artículo 22.2 de la Ley 34/2002",
    "IT": "art. 122 del Codice in materia di protezione dei dati personali",
    "NL": "artikel 11.7a Telecommunicatiewet",
    "PT": "artigo 5.º da Lei n.º 41/2004",
    "LU": "article 4, paragraphe 3, point e) de la loi modifiée du 30 mai 2005",
    "AT": "§ 165 Abs. 3 Telekommunikationsgesetz 2021",
}
WITHDRAWAL_WORDS = {
    "FR": "L221-18",
    "ES": "102",
    "IT": "52",
    "NL": "afdeling 2B",
    "PL": "art. 27",
    "PT": "24/2014",
    "BE": "VI.47",
    "AT": "FAGG",
    "LU": "Code de la consommation",
}


def names_in(lang: str, names: dict[str, str]) -> str:
    return law_name(SimpleNamespace(lang=Language(lang)), names)  # type: ignore[arg-type]


def sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## \d+\. .+ \{#(\w+)\}$", text, flags=re.M)
    return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts), 2)}


def terms(tmp_path: Path, kind: str, country: str) -> dict[str, str]:
    """The English consumer terms of the fixture `kind`, seated in and governed by `country`."""
    shutil.copy(FIXTURES / "consumer" / f"{kind}.yml", tmp_path / f"{kind}.yml")
    own = tmp_path / f"{kind}-{country.lower()}.yml"
    own.write_text(
        f"schema: 1\nextends: {kind}.yml\n"
        "organisation:\n  name: Velo Atelier\n  address:\n    street: Main Street 1\n"
        f"    postcode: '1000'\n    city: Capital\n    country: {country}\n"
        "  email: info@bicycle-shop.eu\n"
        f"supervisory_authority: {country}\n"
        f"terms:\n  governing_law: {country}\n"
        "versions:\n  - effective: 2025-06-01\n",
        encoding="utf-8",
    )
    data = load_data(own, ("en",))
    return sections(documents.render(data, "terms", Language("en")).to_markdown())


def consumer(country: str, field: str) -> Any:
    return law.fact("consumer", country, field)


@pytest.mark.parametrize("country", OWN)
def test_each_act_and_body_is_named_in_english_and_the_countrys_own_languages(
    country: str,
) -> None:
    act = consumer(country, "withdrawal_act")
    assert set(act) == {"en", *OWN[country]}
    for lang in OWN[country]:
        assert WITHDRAWAL_WORDS[country] in names_in(lang, act)
    for field in ("guarantee", "adr"):
        entry = consumer(country, field)
        if entry is not None:
            assert set(entry["name"]) == {"en", *OWN[country]}, (country, field)
    adr = consumer(country, "adr")
    assert adr is None or adr["url"].startswith("https://")


def test_a_language_the_entry_lacks_falls_back_to_the_countrys_own_name() -> None:
    assert names_in("de", consumer("LU", "adr")["name"]) == (
        "Service national du Médiateur de la consommation"
    )
    assert names_in("sv", consumer("BE", "withdrawal_act")).startswith("articles VI.47")
    assert names_in("en", consumer("AT", "adr")["name"]).endswith(
        "(Schlichtung für Verbrauchergeschäfte)"
    )


@pytest.mark.parametrize("kind", ["shop", "subscription"])
@pytest.mark.parametrize("country", OWN)
def test_consumer_terms_name_the_act_the_guarantee_and_the_dispute_body(
    tmp_path: Path, kind: str, country: str
) -> None:
    found = terms(tmp_path, kind, country)
    english = consumer(country, "withdrawal_act")["en"]
    assert f"The right of withdrawal follows from {english}." in found["withdrawal"]
    guarantee = consumer(country, "guarantee")
    if kind == "shop":
        if guarantee is None:  # not confirmed here: the directives and their two years
            assert "Directive (EU) 2019/771" in found["guarantee"]
            assert "within two years of receiving them" in found["guarantee"]
        else:
            assert guarantee["name"]["en"] in found["guarantee"]
            period = {"P2Y": "two years", "P3Y": "three years"}.get(guarantee.get("period"))
            assert (period or "within a reasonable time") in found["guarantee"]
    else:
        assert "If a service is not provided as agreed" in found["guarantee"]
        assert "For goods" not in found["guarantee"]
    adr = consumer(country, "adr")
    if adr is None:
        assert "dispute to" not in found["governing_law"]
    else:
        assert f"[{adr['name']['en']}](<{adr['url']}>)" in found["governing_law"]
    assert "(Article 6(2) of Regulation (EC) No 593/2008, Rome I)" in found["governing_law"]
    assert "ec.europa.eu/consumers/odr" not in "".join(found.values())


@pytest.mark.parametrize("country", COOKIE_RULES)
def test_the_cookie_policy_cites_the_national_rule(country: str) -> None:
    demo = load_data(DEMO)
    seat = replace(demo.organisation.address, country=country)
    data = replace(demo, organisation=replace(demo.organisation, address=seat))
    text = documents.render(data, "cookies", Language("en")).to_markdown()
    citation = law.fact("cookies", country, "citation")
    assert citation.startswith(COOKIE_RULES[country])
    assert f"({citation}, which implements" in text


@pytest.mark.parametrize("country", ["PL", "BE"])
def test_an_unconfirmed_cookie_rule_falls_back_to_the_directive(country: str) -> None:
    demo = load_data(DEMO)
    seat = replace(demo.organisation.address, country=country)
    data = replace(demo, organisation=replace(demo.organisation, address=seat))
    text = documents.render(data, "cookies", Language("en")).to_markdown()
    assert "(Article 5(3) of the ePrivacy Directive 2002/58/EC)" in text


@pytest.mark.parametrize(("country", "age"), AGES.items())
def test_age_of_digital_consent(country: str, age: int) -> None:
    from mkdocs_legal.core.lawfacts import consent_age

    assert law.fact("consent_ages", country, "age") == age
    assert consent_age(country) == age


@pytest.mark.parametrize(
    ("country", "name", "number", "expected"),
    [
        ("FR", "Atelier Lumière SAS", "123 456 789", "Atelier Lumière SAS, SIREN 123 456 789"),
        ("BE", "Brasserie Zenne", "0123.456.789", "Brasserie Zenne, BCE 0123.456.789"),
        ("PL", "Wisła Meble", "0000123456", "Wisła Meble, KRS 0000123456"),
        ("IT", "Ceramiche Arno", "FI-123456", "Ceramiche Arno, Registro delle imprese FI-123456"),
        ("LU", "Moselle Vins", "B123456", "Moselle Vins, RCS B123456"),
        ("ES", "Olivos del Sur", "B12345678", "Olivos del Sur, reg. no. B12345678"),
    ],
)
def test_the_controller_line_labels_the_number_by_the_countrys_register(
    country: str, name: str, number: str, expected: str
) -> None:
    from mkdocs_legal.core.documents.base import Context
    from mkdocs_legal.core.documents.common import identity
    from mkdocs_legal.core.model import Address

    data = load_data(FIXTURES / "data" / "basic.yml")
    org = replace(
        data.organisation,
        name=name,
        legal_form="SAS" if country == "FR" else None,
        org_number=number,
        address=Address(city="X", country=country),
    )
    line = identity(Context(replace(data, organisation=org), Language("en"), documents.Links()))
    assert str(line) == expected  # the French form is named once, at the end of the name
