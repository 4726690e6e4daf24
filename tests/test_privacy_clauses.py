"""What the privacy policy says where the law asks for more than a list: Art. 9/10 grounds,
direct marketing, Art. 22, storage, joint controllers, Art. 14(3), identity checks, Art.
13(2)(e) consequences, sources, children and transfers to the United States."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_legal.core import documents
from mkdocs_legal.core.language import Language
from mkdocs_legal.core.source import Options, load_valid

BASIC = Path(__file__).parent / "fixtures" / "data" / "basic.yml"


def page(tmp_path: Path, edit: Any, lang: str = "en") -> str:
    data = yaml.safe_load(BASIC.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    model = load_valid(path, Options(("en", "sv"))).data
    return documents.render(model, "privacy", Language(lang), documents.Links()).to_markdown()


def section(text: str, section_id: str) -> str:
    return text.split(f"{{#{section_id}}}\n", 1)[1].split("\n## ", 1)[0]


def purpose(data: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in data["purposes"] if p["id"] == pid)


def test_special_categories_name_their_art_9_ground(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        purpose(d, "customer_contracts").update(
            data=["name", "health"],
            special_category_condition="h",
            special_category_law={"en": "the Patient Data Act", "sv": "patientdatalagen"},
        )

    en = section(page(tmp_path, edit), "purposes")
    assert "Special categories of personal data (data concerning health): we process them on " in en
    assert "health or social care (Article 9(2)(h) GDPR), under the Patient Data Act." in en
    sv = section(page(tmp_path, edit, "sv"), "purposes")
    assert "(uppgifter om hälsa)" in sv and "(artikel 9.2 h i dataskyddsförordningen)" in sv


def test_direct_marketing_is_marked_and_the_right_to_object_shown_whatever_the_basis(
    tmp_path: Path,
) -> None:
    def consent_only(d: dict[str, Any]) -> None:
        d["purposes"] = [p for p in d["purposes"] if p["legal_basis"] == "a"]
        purpose(d, "newsletter")["direct_marketing"] = {
            "channels": ["email", "sms"],
            "objection": {"en": "Reply STOP.", "sv": "Svara STOPP."},
        }

    text = page(tmp_path, consent_only)
    assert "Channels of direct marketing: email and text message (SMS)." in section(
        text, "purposes"
    )
    rights = section(text, "rights")
    assert "### Right to object to direct marketing" in rights
    assert "**You may object at any time to our use of your personal data for direct " in rights
    assert "To send our newsletter to those who ask for it: Reply STOP." in rights
    assert "### Right to object\n" not in rights  # no basis e or f: Art. 21(1) does not apply
    sv = section(page(tmp_path, consent_only, "sv"), "rights")
    assert "### Rätt att invända mot direktmarknadsföring" in sv

    def unmarked(d: dict[str, Any]) -> None:
        purpose(d, "newsletter").pop("direct_marketing")

    assert "direct marketing**, including" not in page(tmp_path, unmarked)


def test_existing_customer_marketing_states_the_eprivacy_conditions(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        purpose(d, "improve_website")["direct_marketing"] = {
            "channels": ["email"],
            "objection": {"en": "Use the link in every email.", "sv": "Använd länken."},
            "existing_customers": {"own_similar_products": True, "opt_out_at_collection": True,
                                   "opt_out_in_every_message": True},
        }  # fmt: skip

    text = section(page(tmp_path, edit), "purposes")
    assert "about our own similar products or services" in text
    assert "(Article 13(2) of the ePrivacy Directive 2002/58/EC)" in text


@pytest.mark.parametrize("exception", ["contract", "explicit_consent", "law"])
def test_automated_decisions_state_their_exception_and_safeguards(
    tmp_path: Path, exception: str
) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["automated_decisions"] = [
            {"description": "Credit check", "logic": "A score", "consequences": "No credit",
             "exception": exception, "law": "Lag (2010:1846)"}
        ]  # fmt: skip

    text = section(page(tmp_path, edit), "automated_decisions")
    point = {"contract": "(a)", "law": "(b)", "explicit_consent": "(c)"}[exception]
    assert f"(Article 22(2){point} GDPR)" in text
    safeguards = "to obtain human intervention on our part, to express your point of view"
    assert (safeguards in text) == (exception != "law")
    if exception == "law":
        assert "authorised by law (Article 22(2)(b) GDPR): Lag (2010:1846)." in text


def test_storage_regions_are_shown_with_transfers(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["storage"] = {"regions": ["SE", "US"]}
        d["recipients"].append({"id": "crm", "name": "Pipe Inc.", "category": "it_service_providers",
                                "country": "US", "transfers": [{"country": "US",
                                                                "mechanism": "adequacy"}]})  # fmt: skip

    text = section(page(tmp_path, edit), "transfers")
    assert "We store personal data in Sweden and the United States." in text
    [row] = [line for line in text.splitlines() if line.startswith("- Pipe Inc.")]
    assert row == (
        "- Pipe Inc., United States: an adequacy decision of the European Commission (Article "
        "45 GDPR); Commission Implementing Decision (EU) 2023/1795 of 10 July 2023 (EU-US Data "
        "Privacy Framework), which covers only recipients certified under it."
    )
    assert row.count(". ") == 0  # one sentence, not a trailing fragment


def test_joint_controllers_give_the_essence_of_the_arrangement(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["recipients"].append({
            "id": "partner", "name": "Partner AB", "category": "it_service_providers",
            "role": "joint_controller", "country": "SE",
            "arrangement": {"en": "We answer every request.", "sv": "Vi svarar på allt."}})  # fmt: skip

    text = section(page(tmp_path, edit), "recipients")
    assert "The essence of our arrangement (Article 26(2) GDPR): We answer every request." in text


def test_sources_from_others_say_when_people_are_told(tmp_path: Path) -> None:
    def from_customers(d: dict[str, Any]) -> None:
        purpose(d, "customer_contracts")["sources"] = ["data_subject", "customer"]

    text = section(page(tmp_path, from_customers), "sources")
    assert "- our customers, who give us your details" in text
    assert "at the latest within one month" in text and "(Article 14(3) GDPR)" in text
    assert "work for" not in text

    def own(d: dict[str, Any]) -> None:
        pass

    assert "Article 14(3)" not in page(tmp_path, own)


def test_rights_say_identity_may_be_checked(tmp_path: Path) -> None:
    text = section(page(tmp_path, lambda d: None), "rights")
    assert "(Article 12(6) GDPR)" in text


def test_the_consequence_of_not_providing_data_is_a_sentence(tmp_path: Path) -> None:
    text = section(page(tmp_path, lambda d: None), "provision")
    assert (
        "To keep our accounts as the Swedish Accounting Act requires: The law requires us to "
        "collect this data. If you do not provide it, we cannot meet our legal obligation, and "
        "may therefore be unable to serve you."
    ) in text

    def given(d: dict[str, Any]) -> None:
        purpose(d, "bookkeeping")["consequence"] = {"en": "no invoice", "sv": "ingen faktura"}

    assert "If you do not provide it, the consequence is: no invoice." in page(tmp_path, given)


@pytest.mark.parametrize("country, age", [("SE", "13"), ("DE", "16"), ("FR", "15")])
def test_children_below_the_national_age_need_a_parent(
    tmp_path: Path, country: str, age: str
) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["organisation"]["address"]["country"] = country
        d["children"] = {
            "aimed_at_children": True,
            "parental_consent": {"en": "A parent confirms by email.", "sv": "En förälder."},
        }

    text = section(page(tmp_path, edit), "children")
    assert "Some of our services are aimed at children." in text
    assert f"a child under {age} cannot give it alone" in text
    assert text.rstrip().endswith("A parent confirms by email.")
