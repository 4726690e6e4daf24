"""The terms: contract clauses from `terms:` data, for business customers, consumers or both."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from conftest import DEMO, load_data

from mkdocs_legal.core import documents
from mkdocs_legal.core.language import Language
from mkdocs_legal.core.model import LegalData, replace
from mkdocs_legal.core.source import Options, check

ROOT = Path(__file__).resolve().parent.parent
LHE = ROOT / "tests" / "fixtures" / "seeds" / "lhe.yml"
IDS = [
    "parties",
    "service",
    "binding_period",
    "billing",
    "termination",
    "refunds",
    "access_after_termination",
    "changes",
    "data_processing",
    "liability",
    "governing_law",
    "acceptance",
    "contact",
]
CONSUMER_IDS = [
    *IDS[:5],
    "withdrawal",
    *IDS[5:8],
    "guarantee",
    *IDS[8:],
    "withdrawal_form",
]
LINKS = {"privacy": "privacy.md", "changelog": "changelog.md"}
WITHDRAWAL = "2011/83/EU"


@pytest.fixture(scope="module")
def lhe() -> LegalData:
    return load_data(LHE)


def variant(
    tmp_path: Path,
    base: Path = DEMO,
    terms: dict[str, Any] | None = None,
    *,
    only: bool = False,
    **changes: Any,
) -> LegalData:
    """`base` with top-level keys replaced and `terms` keys merged (or, with `only`, replaced);
    a `None` value removes a key. The file is written and loaded like a user's."""
    raw = yaml.safe_load(base.read_text(encoding="utf-8"))
    raw.update(changes)
    if terms is not None:
        merged = {**({} if only else raw.get("terms", {})), **terms}
        raw["terms"] = {k: v for k, v in merged.items() if v is not None}
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_data(path)


def consumer_terms(tmp_path: Path, audience: str = "b2c", **terms: Any) -> LegalData:
    """The demo for consumers (`refunds: none…` is not allowed for them)."""
    return variant(tmp_path, audience=audience, terms={"refunds": "pro_rata", **terms})


def render(data: LegalData, lang: str = "en", links: dict[str, str] | None = None) -> str:
    return documents.render(
        data, "terms", Language(lang), documents.Links(documents=LINKS if links is None else links)
    ).to_markdown()


def section_ids(text: str) -> list[str]:
    found = re.findall(r"^## (\d+)\. .+ \{#(\w+)\}$", text, re.M)
    assert [int(n) for n, _ in found] == list(range(1, len(found) + 1))
    return [anchor for _, anchor in found]


def section(text: str, section_id: str) -> str:
    """One section's body as a single line of text."""
    body = text.split(f"{{#{section_id}}}\n", 1)[1].split("\n## ", 1)[0]
    return " ".join(body.split())


# --- structure ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_demo_has_every_section_in_order(demo: LegalData, lang: str) -> None:
    text = render(demo, lang)
    assert section_ids(text) == IDS
    assert text.startswith("# Terms\n" if lang == "en" else "# Allmänna villkor\n")


def test_terms_are_available_when_the_data_has_them(demo: LegalData) -> None:
    assert "terms" in documents.available(demo)
    assert "terms" not in documents.available(replace(demo, terms=None))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_seed_sections_without_data_are_dropped(lhe: LegalData, lang: str) -> None:
    ids = section_ids(render(lhe, lang))
    assert ids == [
        "parties",
        "service",
        "binding_period",
        "binding_no_cancel",  # the seed's custom section, after `binding_period`
        "billing",
        "termination",
        "refunds",
        "access_after_termination",
        "changes",
        "acceptance",
        "contact",
    ]


def test_minimal_terms_keep_only_sections_with_something_to_say(tmp_path: Path) -> None:
    data = variant(tmp_path, base=LHE, terms={"service": "Booking"}, only=True, sections=[])
    text = render(data)
    assert section_ids(text) == ["parties", "service", "contact"]
    for heading_id in section_ids(text):
        assert section(text, heading_id).strip()
    assert "None" not in text and "{" not in text.replace("{#", "")


def test_contact_is_dropped_without_contact_details(lhe: LegalData) -> None:
    org = replace(lhe.organisation, email=None, address=None)
    assert "contact" not in section_ids(render(replace(lhe, organisation=org)))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_headings_become_html_with_section_ids(demo: LegalData, lang: str) -> None:
    html = markdown.markdown(render(demo, lang), extensions=["attr_list", "tables"])
    found = re.findall(r'<h2 id="(\w+)">(\d+)\. [^<]+</h2>', html)
    assert [i for i, _ in found] == IDS
    assert [int(n) for _, n in found] == list(range(1, len(IDS) + 1))
    assert "{#" not in html


# --- the clauses, from the demo ------------------------------------------------------------


def test_demo_clauses_in_english(demo: LegalData) -> None:
    text = render(demo)
    assert "Mötesbokarna Norden AB, org.nr 559214-7838" in (section(text, "parties"))
    assert "the business that orders them (“the customer”)" in section(text, "parties")
    assert "provide the customer with booking and coordinating sales meetings" in section(
        text, "service"
    )
    assert "(“the service”)." in section(text, "service")
    assert "binding period of one month" in section(text, "binding_period")
    assert section(text, "billing") == "The fees for the service are charged monthly."
    termination = section(text, "termination")
    assert "extended automatically by one month at a time" in termination
    assert "before the next billing period starts" in termination
    assert "The customer gives notice of termination by email to info@motesbokarna.se." in (
        termination
    )
    assert "cancellation fee of 50 percent of the monthly fee" in termination
    assert "not refunded if the service has been delivered as agreed" in section(text, "refunds")
    assert "until the end of the current billing period" in section(
        text, "access_after_termination"
    )
    changes = section(text, "changes")
    assert "We may change these terms." in changes
    assert (
        "We notify the customer of a change by email to the customer's contact person at least "
        "30 days before it takes effect."
    ) in changes
    assert "[version history](<changelog.md>)" in changes
    data_processing = section(text, "data_processing")
    assert "data processing agreement under Article 28 GDPR" in data_processing
    assert "[privacy policy](<privacy.md>)" in data_processing
    assert "at most the fees the customer has paid for the last three months" in section(
        text, "liability"
    )
    law = section(text, "governing_law")
    assert "governed by Swedish law" in law
    assert "settled by Gothenburg District Court (Göteborgs tingsrätt)" in law
    assert "when the customer orders the service" in section(text, "acceptance")
    contact = section(text, "contact")
    assert "[info@motesbokarna.se](<mailto:info@motesbokarna.se>)" in contact
    assert "Kungsgatan 44, 411 19 Göteborg, Sweden" in contact


def test_demo_clauses_in_swedish(demo: LegalData) -> None:
    sv = Language("sv")
    text = render(demo, "sv")
    assert "tillhandahåller vi kunden bokning och koordinering av säljmöten" in section(
        text, "service"
    )
    assert "bindningstid på en månad" in section(text, "binding_period")
    assert "debiteras månadsvis" in section(text, "billing")
    assert "Kunden säger upp avtalet via e-post till info@motesbokarna.se." in section(
        text, "termination"
    )
    assert "avbrottsavgift på 50 procent" in section(text, "termination")
    assert sv.duration("P30D") in section(text, "changes")
    assert "Vi meddelar kunden en ändring via e-post till kundens kontaktperson" in section(
        text, "changes"
    )
    assert "regleras av svensk lag" in section(text, "governing_law")
    assert "Göteborgs tingsrätt" in section(text, "governing_law")
    assert "(Gothenburg" not in text
    assert "Vårt ansvar är begränsat till direkt skada" in section(text, "liability")


def test_durations_are_worded_per_language(tmp_path: Path) -> None:
    data = variant(tmp_path, terms={"binding_period": "P18M", "billing_period": "P2M"})
    text = render(data)
    assert "binding period of 18 months" in section(text, "binding_period")
    assert "a billing period lasts two months" in section(text, "billing")
    assert "extended automatically by two months at a time" in section(text, "termination")
    sv = render(data, "sv")
    assert "18 månader" in section(sv, "binding_period")
    assert "två månader" in section(sv, "billing")
    quarterly = variant(tmp_path, terms={"billing_period": "P3M"})
    assert (
        section(render(quarterly), "billing") == "The fees for the service are charged quarterly."
    )


# --- the seed ------------------------------------------------------------------------------


SEED_PHRASES = {
    "en": {
        "binding_period": "binding period of {month}",
        "termination": "extended automatically|before the next billing period starts|cancellation fee",
        "refunds": "delivered as agreed, whatever the reason for termination",
        "access_after_termination": "until the end of the current billing period",
        "acceptance": "when the customer orders the service",
        "intro": "take effect when",
    },
    "sv": {
        "binding_period": "bindningstid på {month}",
        "termination": "förlängs avtalet automatiskt|innan nästa faktureringsperiod börjar|avbrottsavgift",
        "refunds": "levererats enligt avtalet, oavsett anledningen till uppsägningen",
        "access_after_termination": "till utgången av den pågående faktureringsperioden",
        "acceptance": "när kunden beställer tjänsten",
        "intro": "träder i kraft när avtalet ingås",
    },
}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_seed_contract_clauses(lhe: LegalData, lang: str) -> None:
    """Seed 003, lines 4-18: everything its "Kontraktpolicy" says."""
    text = render(lhe, lang)
    month = Language(lang).duration("P1M")
    phrases = SEED_PHRASES[lang]
    assert "LHe Handelsbolag" in section(text, "parties")
    assert phrases["binding_period"].format(month=month) in section(text, "binding_period")
    assert {"en": "monthly", "sv": "månadsvis"}[lang] in section(text, "billing")
    for phrase in phrases["termination"].split("|"):
        assert phrase in section(text, "termination")
    for key in ("refunds", "access_after_termination", "acceptance"):
        assert phrases[key] in section(text, key)
    assert Language(lang).duration("P30D") in section(text, "changes")
    assert phrases["intro"] in text.split("## 1.")[0]


def test_full_period_charged_and_any_time_with_notice(tmp_path: Path) -> None:
    data = variant(
        tmp_path,
        base=LHE,
        terms={
            "termination": {
                "notice": "P1M",
                "deadline": "any_time",
                "mid_period": "full_period_charged",
            }
        },
    )
    termination = section(render(data), "termination")
    assert (
        "Once the binding period has ended, the customer may terminate the agreement at any time."
        in (termination)
    )
    assert "The notice period is one month." in termination
    assert "the fee for the whole of that billing period is charged" in termination
    assert "ends earlier" not in section(render(data), "access_after_termination")


# --- each choice of each field -------------------------------------------------------------


def test_notice_before_the_next_billing_period(tmp_path: Path) -> None:
    data = variant(
        tmp_path,
        terms={
            "binding_period": None,
            "termination": {"notice": "P14D", "deadline": "before_next_billing_period"},
        },
    )
    text = render(data)
    termination = section(text, "termination")
    assert termination.startswith("The agreement is extended automatically by one month at a time")
    assert "The customer may terminate the agreement." in termination
    assert "The notice period is 14 days before the next billing period starts" in termination
    assert "binding_period" not in section_ids(text)


def test_pro_rata_refunds_and_immediate_end(tmp_path: Path) -> None:
    data = variant(
        tmp_path,
        terms={
            "termination": {"mid_period": "pro_rata"},
            "refunds": "pro_rata",
            "access_after_termination": "immediate_end",
        },
    )
    text = render(data)
    assert "charged in proportion to the part of it before the agreement ends" in section(
        text, "termination"
    )
    assert "we refund the part of the fee that relates to the rest" in section(text, "refunds")
    assert "access to the service ends as soon as the termination takes effect" in section(
        text, "access_after_termination"
    )


def test_cancellation_fee_without_its_text(tmp_path: Path) -> None:
    data = variant(tmp_path, terms={"termination": {"mid_period": "cancellation_fee"}})
    text = render(data)
    assert "we may charge a cancellation fee." in section(text, "termination")
    assert "ends earlier" not in section(text, "access_after_termination")


def test_renewal_none(tmp_path: Path) -> None:
    data = variant(tmp_path, terms={"renewal": "none"})
    termination = section(render(data), "termination")
    assert "ends when the binding period ends; it is not extended automatically" in termination
    assert "extended automatically by" not in termination


def test_texts_instead_of_built_in_choices(tmp_path: Path) -> None:
    data = variant(
        tmp_path,
        terms={
            "refunds": {"en": "Refunds by agreement.", "sv": "Återbetalning enligt avtal."},
            "acceptance": {
                "en": "Accepted on signing the order form.",
                "sv": "Godkänns vid beställning.",
            },
        },
    )
    text = render(data)
    assert section(text, "refunds") == "Refunds by agreement."
    assert section(text, "acceptance") == "Accepted on signing the order form."
    assert section(render(data, "sv"), "acceptance") == "Godkänns vid beställning."


def test_acceptance_by_signing(tmp_path: Path) -> None:
    data = variant(tmp_path, terms={"acceptance": "by_signing"})
    assert "when both parties have signed the agreement" in section(render(data), "acceptance")


def test_without_dpa_only_the_privacy_policy_is_linked(tmp_path: Path) -> None:
    data = variant(tmp_path, terms={"dpa": False})
    body = section(render(data), "data_processing")
    assert "Article 28" not in body
    assert body == (
        "Our [privacy policy](<privacy.md>) describes how we process personal data for which "
        "we are the controller."
    )
    # without a link target the policy is named, never a broken link
    assert "Our privacy policy describes" in section(render(data, links={}), "data_processing")


def test_dpa_unset_drops_the_section(tmp_path: Path) -> None:
    data = variant(tmp_path, terms={"dpa": None})
    assert "data_processing" not in section_ids(render(data))


def test_changes_link_to_the_version_history_only_when_it_exists(demo: LegalData) -> None:
    assert "version history" in section(render(demo), "changes")
    assert "version history" not in section(render(demo, links={}), "changes")


# --- audiences -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_business_terms_have_no_consumer_clauses(demo: LegalData, lang: str) -> None:
    text = render(demo, lang)
    assert demo.audience == "b2b"
    assert WITHDRAWAL not in text
    assert "consumer" not in text.lower()
    assert "Rome I" not in text and "1215/2012" not in text


def test_consumer_terms_in_swedish_name_the_right_of_withdrawal(tmp_path: Path) -> None:
    text = render(consumer_terms(tmp_path), "sv")
    withdrawal = section(text, "withdrawal")
    assert "Du har rätt att frånträda detta avtal inom 14 dagar" in withdrawal
    assert "Ångerrätten följer av 2 kap. lagen (2005:59)" in withdrawal
    assert "ångerrätt" not in section(text, "termination").lower()


def test_consumer_terms_give_the_right_of_withdrawal(tmp_path: Path) -> None:
    text = render(consumer_terms(tmp_path))
    assert section_ids(text) == CONSUMER_IDS
    assert "the consumer who orders from us (“the customer”)" in section(text, "parties")
    assert "withdraw" not in section(text, "termination")
    withdrawal = section(text, "withdrawal")
    assert "You have the right to withdraw from this contract within 14 days" in withdrawal
    assert "14 days from the day of the conclusion of the contract" in withdrawal  # services
    assert "physical possession of the goods" not in withdrawal
    assert "Act on Distance Contracts and Off-Premises Contracts" in withdrawal
    assert "[info@motesbokarna.se](<mailto:info@motesbokarna.se>)" in withdrawal
    assert "[model withdrawal form](<#withdrawal_form>)" in withdrawal
    assert "the same means of payment as you used for the initial transaction" in withdrawal
    assert "in proportion to what has been provided" in withdrawal
    assert "(Article 16(a) of Directive 2011/83/EU)" in withdrawal
    assert "Article 16(m)" not in withdrawal and "returning the goods" not in withdrawal
    assert "(<#withdrawal>)" in section(text, "binding_period")
    assert "(<#withdrawal>)" in section(text, "refunds")
    assert "rights the customer has as a consumer under mandatory law" in section(text, "liability")
    law = section(text, "governing_law")
    assert "Rome I" in law and "1215/2012" in law
    assert "[the National Board for Consumer Disputes (Allmänna reklamationsnämnden, ARN)]" in law
    assert "ec.europa.eu/consumers/odr" not in text and "ODR" not in text
    assert "business customer" not in text.split("## 1.", 1)[1]  # the demo's intro says it
    changes = section(text, "changes")
    assert "We change these terms only where a change in the law" in changes
    assert "may terminate the agreement free of charge before the change takes effect" in changes
    assert "We may change these terms." not in changes
    guarantee = section(text, "guarantee")
    assert guarantee == (
        "If a service is not provided as agreed, you have the rights that mandatory consumer "
        "law gives you."
    )
    form = section(text, "withdrawal_form")
    assert "for the provision of the following service:" in form
    assert "received on" not in form


def test_goods_start_the_period_on_receipt_and_may_be_returned(tmp_path: Path) -> None:
    text = render(consumer_terms(tmp_path, supplies=["goods"], return_costs="us"))
    withdrawal = section(text, "withdrawal")
    assert "physical possession of the goods" in withdrawal
    assert "conclusion of the contract" not in withdrawal
    assert "including the costs of delivery" in withdrawal
    assert "We may withhold reimbursement until we have received the goods back" in withdrawal
    assert "We will bear the cost of returning the goods." in withdrawal
    assert "diminished value of the goods" in withdrawal
    assert "Article 16" not in withdrawal and "performance of services" not in withdrawal
    guarantee = section(text, "guarantee")
    assert "konsumentköplagen, 2022:260" in guarantee
    assert "within three years of receiving them" in guarantee
    form = section(text, "withdrawal_form")
    assert (
        "contract of sale of the following goods:" in form
        and "Ordered on (\\*)/received on" in form
    )


def test_goods_exceptions_are_named_only_for_goods(tmp_path: Path) -> None:
    chosen = ["perishable", "sealed_hygiene"]
    shop = consumer_terms(tmp_path, supplies=["goods"], withdrawal_exceptions=chosen)
    withdrawal = section(render(shop), "withdrawal")
    assert "(Article 16(d) of Directive 2011/83/EU)" in withdrawal
    assert "(Article 16(e) of Directive 2011/83/EU)" in withdrawal
    assert "16(c)" not in withdrawal and "16(i)" not in withdrawal
    assert "artikel 16 d i direktiv 2011/83/EU" in section(render(shop, "sv"), "withdrawal")
    service = consumer_terms(tmp_path, withdrawal_exceptions=chosen)  # services: not goods
    assert "16(d)" not in section(render(service), "withdrawal")


def test_digital_content_names_its_own_exception(tmp_path: Path) -> None:
    text = render(consumer_terms(tmp_path, supplies=["digital_content"]))
    withdrawal = section(text, "withdrawal")
    assert "(Article 16(m) of Directive 2011/83/EU)" in withdrawal
    assert "Article 16(a)" not in withdrawal
    assert "conclusion of the contract" in withdrawal


def test_consumer_clauses_appear_without_any_terms_data(tmp_path: Path) -> None:
    data = variant(tmp_path, base=LHE, terms={}, only=True, audience="b2c", sections=[])
    text = render(data)
    assert section_ids(text) == [
        "parties", "withdrawal", "guarantee", "liability", "governing_law", "contact",
        "withdrawal_form",
    ]  # fmt: skip
    assert "within 14 days" in section(text, "withdrawal")
    assert "[info@lhe-handelsbolag.se]" in section(text, "withdrawal")


def test_the_national_law_is_named_only_where_it_is_known(tmp_path: Path) -> None:
    text = render(consumer_terms(tmp_path, governing_law="US", supplies=["goods"]))
    withdrawal = section(text, "withdrawal")
    assert "within 14 days" in withdrawal
    assert "right of withdrawal follows from" not in withdrawal
    assert "the law of your country gives you" in section(text, "guarantee")
    assert "governed by the law of the United States" in section(text, "governing_law")


@pytest.mark.parametrize(
    ("country", "lang", "english", "native"),
    [
        (
            "DE",
            "de",
            "sections 312g and 355 of the German Civil Code",
            "Das Widerrufsrecht ergibt sich aus §§ 312g, 355 BGB.",
        ),
        (
            "DK",
            "da",
            "Danish Consumer Contracts Act",
            "Fortrydelsesretten følger af forbrugeraftaleloven.",
        ),
        ("NO", "nb", "Norwegian Right of Withdrawal Act", "Angreretten følger av angrerettloven."),
        (
            "FI",
            "fi",
            "chapter 6 of the Finnish Consumer Protection Act",
            "säädetään kuluttajansuojalain (38/1978) 6 luvussa.",
        ),
    ],
)
def test_the_national_withdrawal_law_is_named_in_english_and_its_own_language(
    tmp_path: Path, country: str, lang: str, english: str, native: str
) -> None:
    data = consumer_terms(tmp_path, governing_law=country)
    assert english in section(render(data), "withdrawal")
    language = Language(lang, default="en", fallback=True)  # the demo's texts: en and sv
    text = documents.render(data, "terms", language, documents.Links(documents=LINKS))
    assert native in section(text.to_markdown(), "withdrawal")


@pytest.mark.parametrize(
    ("country", "cited", "not_cited"),
    [
        ("DE", ["Rome I", "Article 18 of Regulation (EU) No 1215/2012"], ["Lugano"]),
        ("NO", ["Article 16 of the Lugano Convention of 30 October 2007"], ["Rome I", "1215"]),
        ("CH", ["Lugano Convention"], ["Rome I", "1215"]),
        ("US", [], ["Rome I", "1215", "Lugano", "may always bring proceedings"]),
    ],
)
def test_consumer_courts_are_cited_from_the_instrument_that_applies(
    tmp_path: Path, country: str, cited: list[str], not_cited: list[str]
) -> None:
    # Rome I and Brussels Ia bind the Member States; Norway, Iceland and Switzerland apply
    # the Lugano Convention instead; elsewhere neither is cited.
    law = section(render(consumer_terms(tmp_path, governing_law=country)), "governing_law")
    for text in cited:
        assert text in law
    for text in not_cited:
        assert text not in law


@pytest.mark.parametrize("lang", ["sv", "da", "de", "nb", "fi"])
def test_the_lugano_convention_is_cited_in_every_language(tmp_path: Path, lang: str) -> None:
    # The demo's own texts are in English and Swedish only; the clauses are in `lang`.
    data = consumer_terms(tmp_path, governing_law="NO")
    language = Language(lang, default="en", fallback=True)
    links = documents.Links(documents=LINKS)
    text = documents.render(data, "terms", language, links).to_markdown()
    law = section(text, "governing_law")
    assert "16" in law and "2007" in law and "Lugano" in law
    assert "1215/2012" not in law


def test_both_audiences_say_which_clause_applies_to_whom(tmp_path: Path) -> None:
    text = render(consumer_terms(tmp_path, "both"))
    parties = section(text, "parties")
    assert "the business or consumer who orders from us" in parties
    assert "Where a clause applies only to consumers or only to business customers" in parties
    withdrawal = section(text, "withdrawal")
    assert withdrawal.startswith("This section applies to customers who are consumers")
    law = section(text, "governing_law")
    assert "Disputes with a business customer arising from the agreement are settled by" in law
    assert "A customer who is a consumer may always bring proceedings" in law
    assert "a customer who is a consumer has under mandatory consumer protection law" in (
        section(text, "liability")
    )


# --- safety --------------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> {{ x }} [a](javascript:alert(1)) {% raw %} | * _"


def hostile_data(tmp_path: Path) -> LegalData:
    """Every Text field of `terms` (and the name and legal form) set to a hostile string."""
    raw = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    raw["organisation"]["name"] = HOSTILE
    raw["organisation"]["legal_form"] = HOSTILE
    raw["terms"] = {
        "service": HOSTILE,
        "binding_period": "P1M",
        "billing_period": "P1M",
        "renewal": "automatic",
        "termination": {
            "notice": "P1M",
            "deadline": "before_next_billing_period",
            "channel": HOSTILE,
            "mid_period": "cancellation_fee",
            "cancellation_fee": HOSTILE,
        },
        "refunds": HOSTILE,
        "access_after_termination": "until_end_of_billing_period",
        "changes": {"notice": "P30D", "channel": HOSTILE, "reasons": HOSTILE},
        "acceptance": HOSTILE,
        "dpa": True,
        "liability": HOSTILE,
        "governing_law": "SE",
        "venue": HOSTILE,
    }
    raw["audience"] = "both"
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_data(path)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_hostile_strings_are_inert_in_every_field(tmp_path: Path, lang: str) -> None:
    text = render(hostile_data(tmp_path), lang)
    assert section_ids(text) == CONSUMER_IDS
    for section_id in ("parties", "service", "termination", "refunds", "changes", "liability"):
        assert "&#60;script&#62;" in section(text, section_id)
    assert "&#60;script&#62;" in section(text, "governing_law")
    assert "&#60;script&#62;" in section(text, "acceptance")
    assert text.count("&#60;script&#62;") >= 9  # a legal form that ends the name is not repeated
    assert "<script" not in text
    assert "{{" not in text and "{%" not in text
    assert "](javascript:" not in text
    html = markdown.markdown(text, extensions=["attr_list", "tables"])
    assert "<script" not in html
    assert "javascript:" not in re.sub(r"&#\d+;", "", "".join(re.findall(r'href="[^"]*"', html)))
    assert [i for i in re.findall(r'<h2 id="(\w+)">', html)] == CONSUMER_IDS
    assert "<table" not in html and "<em>" not in html


# --- German consumer contracts (§ 309 Nr. 9 BGB) -------------------------------------------


def german_findings(tmp_path: Path, audience: str = "b2c", **terms: Any) -> list[tuple[str, str]]:
    """LGL028 findings (path, message) for the demo as German consumer terms."""
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    data["audience"] = audience
    data["terms"].update({"governing_law": "DE", "refunds": "pro_rata", **terms})
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = check(path, Options(("en", "sv"))).findings
    return [(f.path, f.message) for f in found if f.code == "LGL028"]


def test_german_consumer_terms_within_the_limits_pass(tmp_path: Path) -> None:
    # The demo: one month binding, monthly billing, automatic extension by one month.
    assert german_findings(tmp_path) == []
    assert german_findings(tmp_path, binding_period="P2Y", termination={"notice": "P31D"}) == []


@pytest.mark.parametrize(
    ("terms", "path", "words"),
    [
        ({"binding_period": "P25M"}, "terms.binding_period", "at most two years"),
        ({"binding_period": "P2Y1D"}, "terms.binding_period", "at most two years"),
        ({"termination": {"notice": "P3M"}}, "terms.termination.notice", "at most one month"),
        ({"termination": {"notice": "P32D"}}, "terms.termination.notice", "at most one month"),
        ({"billing_period": "P12M"}, "terms.renewal", "automatic extension by P12M"),
    ],
)
def test_german_consumer_terms_beyond_the_limits_are_errors(
    tmp_path: Path, terms: dict[str, Any], path: str, words: str
) -> None:
    found = german_findings(tmp_path, **terms)
    assert [p for p, _ in found] == [path]
    assert words in found[0][1] and "§ 309 Nr. 9 BGB" in found[0][1]


def test_the_german_limits_apply_only_to_consumers_under_german_law(tmp_path: Path) -> None:
    long = {"binding_period": "P3Y", "billing_period": "P12M"}
    assert len(german_findings(tmp_path, **long)) == 2
    assert len(german_findings(tmp_path, "both", **long)) == 2
    assert german_findings(tmp_path, "b2b", **long) == []
    assert german_findings(tmp_path, governing_law="SE", **long) == []
    assert german_findings(tmp_path, renewal="none", **long)[0][0] == "terms.binding_period"
