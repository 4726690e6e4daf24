"""The rules of `core/checks/`: each is found at the defective field, and a near miss is not.

Every case edits the small data file `fixtures/data/basic.yml` (a Swedish company, English and
Swedish) once to break a rule, and once in a way that keeps to it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_legal.core.lint import RULES
from mkdocs_legal.core.source import Options, check

BASIC = Path(__file__).parent / "fixtures" / "data" / "basic.yml"
Edit = Callable[[dict[str, Any]], None]


def purpose(data: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in data["purposes"] if p["id"] == pid)


def add_purpose(doc: dict[str, Any], **fields: Any) -> None:
    base = {
        "id": "extra",
        "description": {"en": "Run the service", "sv": "Driva tjänsten"},
        "data": ["name"],
        "legal_basis": "b",
        "retention": "contract",
    }
    doc["purposes"].append({**base, **fields})


def cookie(data: dict[str, Any], **fields: Any) -> None:
    base = {
        "name": "session",
        "purpose": {"en": "Keeps you logged in", "sv": "Håller dig inloggad"},
        "category": "necessary",
        "duration": "session",
    }
    data["cookies"] = {"items": [{**base, **fields}]}


def recipient(data: dict[str, Any], **fields: Any) -> None:
    data["recipients"].append({"id": "tool", "category": "it_service_providers", **fields})


def findings(tmp_path: Path, edit: Edit, languages: tuple[str, ...] = ("en", "sv")) -> list[Any]:
    data = yaml.safe_load(BASIC.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return check(path, Options(languages)).findings


def mark(**fields: Any) -> dict[str, Any]:
    return {"direct_marketing": fields}


# (id, code, path the finding names, edit that breaks the rule, edit that keeps to it)
CASES: list[tuple[str, str, str, Edit, Edit]] = [
    (
        "health-without-condition", "LGL040", "purposes[4].data[0]",
        lambda d: add_purpose(d, data=["health"]),
        lambda d: add_purpose(d, data=["health"], special_category_condition="a",
                              legal_basis="a", withdraw={"en": "Email us", "sv": "Mejla oss"}),
    ),
    (
        "custom-special-category", "LGL040", "purposes[4].data[0]",
        lambda d: (d["data_categories"].append(
            {"id": "union_dues", "label": {"en": "union dues", "sv": "fackavgift"},
             "special": "art9"}), add_purpose(d, data=["union_dues"])),
        lambda d: (d["data_categories"].append(
            {"id": "union_dues", "label": {"en": "union dues", "sv": "fackavgift"}}),
            add_purpose(d, data=["union_dues"])),
    ),
    (
        "condition-needs-law", "LGL040", "purposes[4].special_category_condition",
        lambda d: add_purpose(d, data=["health"], special_category_condition="b"),
        lambda d: add_purpose(d, data=["health"], special_category_condition="b",
                              special_category_law={"en": "Arbetsmiljölagen (1977:1160)",
                                                    "sv": "Arbetsmiljölagen (1977:1160)"}),
    ),
    (
        "offences-without-basis", "LGL040", "purposes[4].data[1]",
        lambda d: add_purpose(d, data=["name", "criminal_offences"]),
        lambda d: add_purpose(d, data=["name", "criminal_offences"],
                              criminal_offence_basis={"en": "Lag (2018:218)",
                                                      "sv": "Lag (2018:218)"}),
    ),
    (
        "email-marketing-on-interests", "LGL041", "purposes[2].direct_marketing.channels",
        lambda d: purpose(d, "improve_website").update(mark(channels=["email"], objection="x")),
        lambda d: purpose(d, "improve_website").update(mark(
            channels=["email"], objection={"en": "Reply STOP", "sv": "Svara STOP"},
            existing_customers={"own_similar_products": True, "opt_out_at_collection": True,
                                "opt_out_in_every_message": True})),
    ),
    (
        "sms-marketing-one-condition-missing", "LGL041", "purposes[2].direct_marketing.channels",
        lambda d: purpose(d, "improve_website").update(mark(
            channels=["sms"], objection={"en": "Reply STOP", "sv": "Svara STOP"},
            existing_customers={"own_similar_products": True, "opt_out_at_collection": True})),
        lambda d: purpose(d, "improve_website").update(mark(
            channels=["post"], objection={"en": "Write to us", "sv": "Skriv till oss"})),
    ),
    (
        "marketing-without-objection", "LGL042", "purposes[2].direct_marketing",
        lambda d: purpose(d, "improve_website").update(mark(channels=["phone"])),
        lambda d: purpose(d, "improve_website").update(mark(
            channels=["phone"], objection={"en": "Tell us", "sv": "Säg till"})),
    ),
    (
        "unmarked-newsletter-sv", "LGL120", "purposes[3].description.sv",
        lambda d: (purpose(d, "newsletter").pop("direct_marketing"),
                   purpose(d, "newsletter").update(description={"en": "To send news",
                                                                "sv": "Skicka nyhetsbrev"})),
        lambda d: purpose(d, "newsletter").update(direct_marketing=False),
    ),
    (
        "unmarked-advertising-interest", "LGL120", "purposes[2].legitimate_interest.en",
        lambda d: purpose(d, "improve_website").update(legitimate_interest={
            "en": "Showing advertising that fits", "sv": "Att visa annonser som passar"}),
        lambda d: purpose(d, "improve_website").update(legitimate_interest={
            "en": "Handling complaints", "sv": "Att hantera reklamationer"}),
    ),
    (
        "marketing-recipient-unmarked", "LGL120", "recipients[2].category",
        lambda d: (purpose(d, "newsletter").pop("direct_marketing"),
                   purpose(d, "newsletter").update(description={"en": "Send news",
                                                                "sv": "Skicka nyheter"}),
                   recipient(d, category="marketing_providers", country="SE")),
        lambda d: recipient(d, category="marketing_providers", country="SE"),
    ),
    (
        "forever", "LGL043", "retention.consent.criteria.en",
        lambda d: d["retention"]["consent"].update(criteria={
            "en": "We keep it forever", "sv": "Vi sparar den"}),
        lambda d: d["retention"]["consent"].update(criteria={
            "en": "Until you unsubscribe", "sv": "Tills du avregistrerar dig"}),
    ),
    (
        "indefinitely-de", "LGL043", "retention.accounts.criteria.de",
        lambda d: d["retention"]["accounts"].update(criteria={
            "en": "ten years", "sv": "tio år", "de": "auf unbestimmte Zeit"}),
        lambda d: d["retention"]["accounts"].update(criteria={
            "en": "ten years", "sv": "tio år", "de": "zehn Jahre"}),
    ),
    (
        "no-period-no-criteria", "LGL043", "retention.contract",
        lambda d: d["retention"]["contract"].update(period=None, **{"from": None}),
        lambda d: d["retention"]["contract"].update(period="P3Y"),
    ),
    (
        "long-without-law", "LGL121", "retention.contract.period",
        lambda d: d["retention"]["contract"].update(period="P11Y"),
        lambda d: d["retention"]["accounts"].update(period="P11Y"),
    ),
    (
        "children-unmarked-no-info", "LGL044", "purposes[4].description.sv",
        lambda d: add_purpose(d, description={"en": "Run the club", "sv": "Driva klubben för barn"}),
        lambda d: (add_purpose(d, description={"en": "Run the club", "sv": "Driva klubben för barn"}),
                   d.update(children={"min_age": 13})),
    ),
    (
        "children-marked-no-info", "LGL044", "purposes[4].aimed_at_children",
        lambda d: add_purpose(d, aimed_at_children=True),
        lambda d: add_purpose(d, aimed_at_children=False),
    ),
    (
        "child-consent-below-age", "LGL048", "children",
        lambda d: (purpose(d, "newsletter").update(aimed_at_children=True),
                   d.update(children={"min_age": 10})),
        lambda d: (purpose(d, "newsletter").update(aimed_at_children=True),
                   d.update(children={"min_age": 13})),  # 13 is Sweden's age (SE)
    ),
    (
        "decision-without-exception", "LGL045", "automated_decisions[0]",
        lambda d: d.update(automated_decisions=[{
            "description": "Credit check", "logic": "A score", "consequences": "No credit"}]),
        lambda d: d.update(automated_decisions=[{
            "description": "Credit check", "logic": "A score", "consequences": "No credit",
            "exception": "contract"}]),
    ),
    (
        "decision-law-not-named", "LGL045", "automated_decisions[0].exception",
        lambda d: d.update(automated_decisions=[{
            "description": "Tax check", "logic": "Rules", "consequences": "A fine",
            "exception": "law"}]),
        lambda d: d.update(automated_decisions=[{
            "description": "Tax check", "logic": "Rules", "consequences": "A fine",
            "exception": "law", "law": "Skatteförfarandelagen (2011:1244)"}]),
    ),
    (
        "ga-as-necessary", "LGL046", "cookies.items[0].category",
        lambda d: cookie(d, name="_ga"),
        lambda d: cookie(d, name="_gallery"),
    ),
    (
        "pixel-as-necessary", "LGL046", "cookies.items[0].category",
        lambda d: cookie(d, type="pixel"),
        lambda d: cookie(d, type="local_storage"),
    ),
    (
        "analytics-provider-necessary", "LGL046", "cookies.items[0].category",
        lambda d: (recipient(d, category="analytics_providers", country="SE"),
                   cookie(d, provider="tool")),
        lambda d: (recipient(d, country="SE"), cookie(d, provider="tool")),
    ),
    (
        "consent-cookie-two-years", "LGL122", "cookies.items[0].duration",
        lambda d: cookie(d, category="statistics", duration="P2Y"),
        lambda d: cookie(d, category="statistics", duration="P13M"),
    ),
    (
        "consent-by-use-en", "LGL047", "purposes[0].description.en",
        lambda d: purpose(d, "customer_contracts")["description"].update(
            en="By using this website you consent to our processing"),
        lambda d: purpose(d, "customer_contracts")["description"].update(
            en="We ask for your consent before we use cookies"),
    ),
    (
        "changes-without-notice-sv", "LGL047", "rights.how.sv",
        lambda d: d["rights"]["how"].update(
            sv="Vi kan ändra policyn när som helst utan föregående meddelande."),
        lambda d: d["rights"]["how"].update(
            sv="Vi meddelar ändringar av policyn i god tid i förväg."),
    ),
    (
        "waiver-en", "LGL047", "recipients[0].condition",
        lambda d: d["recipients"][0].update(condition="You waive your right to erasure."),
        lambda d: d["recipients"][0].update(condition="You keep your right to erasure."),
    ),
    (
        "contract-basis-for-others", "LGL123", "purposes[0].legal_basis",
        lambda d: purpose(d, "customer_contracts").update(sources=["customer"]),
        lambda d: purpose(d, "customer_contracts").update(sources=["data_subject", "customer"]),
    ),
    (
        "no-representative", "LGL124", "organisation.address.country",
        lambda d: d["organisation"]["address"].update(country="US"),
        lambda d: (d["organisation"]["address"].update(country="US"),
                   d["organisation"].update(representative={"name": "Rep GmbH",
                                                            "email": "rep@rep.de"})),
    ),
    (
        "joint-controller-no-arrangement", "LGL125", "recipients[2].role",
        lambda d: recipient(d, role="joint_controller", country="SE"),
        lambda d: recipient(d, role="joint_controller", country="SE", arrangement={
            "en": "We answer all requests.", "sv": "Vi besvarar alla förfrågningar."}),
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_rule_is_found_at_the_defective_field(case: tuple[Any, ...], tmp_path: Path) -> None:
    _, code, where, _, _ = case
    found = [f for f in findings(tmp_path, case[3]) if f.code == code]
    assert [(f.path, f.severity) for f in found] == [(where, RULES[code].severity)]
    text = (tmp_path / "legal.yml").read_text(encoding="utf-8").splitlines()
    assert found[0].file.endswith("legal.yml") and 1 <= found[0].line <= len(text)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_near_miss_is_not_found(case: tuple[Any, ...], tmp_path: Path) -> None:
    code = case[1]
    assert [f.format() for f in findings(tmp_path, case[4]) if f.code == code] == []


def test_every_rule_of_the_law_topics_has_a_case() -> None:
    from mkdocs_legal.core import checks

    assert {r.code for r in checks.RULES} == {c[1] for c in CASES}


def test_third_countries_without_transfers_are_errors(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        recipient(d, country="US")

    [found] = [f for f in findings(tmp_path, edit) if f.code == "LGL107"]
    assert (found.severity, found.path) == ("error", "recipients[2].country")


def test_the_legal_coverage_page_names_every_rule_of_the_law_and_real_keys() -> None:
    import re

    from mkdocs_legal.core import checks
    from mkdocs_legal.core.schema import json_schema

    text = (Path(__file__).parents[1] / "docs/reference/legal-coverage.md").read_text("utf-8")
    codes = set(re.findall(r"`(LGL\d{3})`", text))
    assert {r.code for r in checks.RULES} <= codes
    assert codes <= set(RULES)
    top = set(json_schema()["properties"])
    roots = {
        m.split(".")[0].split("[")[0]
        for m in re.findall(r"`([a-z_]+(?:\[\])?\.[a-z_.\[\]]+)`", text)
    }
    assert roots - {"law", "tests", "example"} <= top, roots - top  # `example.com` is no key
