"""The five seed policies as built sites: their facts on the pages, their defects gone.

Each seed of `tests/fixtures/seeds/` (see its README.md) has a fixture site in
`tests/fixtures/seed-sites/<seed>/`: Material and mkdocs-static-i18n, in English and Swedish. Each
site is built once per session with `mkdocs build`, and the tests read its HTML:

- the documents the seed has facts for, and no other, in both languages, built without warnings;
- the data file's facts in the section where the seed states them: the controller and contacts,
  purposes with their legal bases in the language's citation form, legitimate interests,
  recipients, transfers, retention, withdrawal, security, custom sections, cookies and terms;
- the key facts of each seed as README.md lists them, written out per language;
- the seed's defects cannot recur: one title, continuous numbering, no empty section, a dated
  banner, no duplicated paragraph, links that resolve (the cookie policy among them), the name
  spelled one way, and none of the seed's leftover or wrong wording.

The linter's side of the defects (placeholders and omissions reported by `check`) is in
`test_seeds.py`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, mkdocs_build

from mkdocs_legal.core import authorities
from mkdocs_legal.core.language import Language
from mkdocs_legal.core.model import LegalData, Purpose, Retention, Text
from mkdocs_legal.core.source import Options, load_valid
from mkdocs_legal.core.vocabulary import (
    COOKIE_CATEGORIES,
    DATA_CATEGORIES,
    DOCUMENT_TITLES,
    RECIPIENT_CATEGORIES,
    SOURCES,
)

pytestmark = pytest.mark.slow

SEEDS = FIXTURES / "seeds"
SITES = FIXTURES / "seed-sites"
LANGUAGES = ("en", "sv")
TODAY = "2025-01-15"  # `today` of every seed site

DOCUMENTS = {
    "calluna": ["privacy", "cookies"],
    "callxtra": ["privacy"],
    "clavis": ["privacy"],
    "lhe": ["privacy", "terms"],
    "kirstencallesen": ["privacy", "cookies"],
}
WITH_COOKIES = [seed for seed, documents in DOCUMENTS.items() if "cookies" in documents]
CITATION = {"en": "Article 6(1)({}) GDPR", "sv": "artikel 6.1 {} dataskyddsförordningen"}
COMPLAINT = {"en": "(Article 77 GDPR)", "sv": "(artikel 77 dataskyddsförordningen)"}


# --- reading a built page --------------------------------------------------------------------


@dataclass
class Page:
    """The `<article>` of a built document page, by section."""

    titles: list[str] = field(default_factory=list)  # h1
    headings: dict[str, str] = field(default_factory=dict)  # h2 id → its text
    sections: dict[str, str] = field(default_factory=dict)  # h2 id → text under it; "" intro
    paragraphs: list[str] = field(default_factory=list)  # text of every p
    rows: list[list[str]] = field(default_factory=list)  # table rows, by cell
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (section, href, text)
    banners: list[tuple[str, list[str]]] = field(default_factory=list)  # (state, datetimes)

    @property
    def text(self) -> str:
        return " ".join([*self.titles, *self.headings.values(), *self.sections.values()])


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


class ArticleReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.section = ""
        self.page.sections[""] = ""
        self.heading: str | None = None  # "h1", or the id of the open h2
        self.open_blocks: list[list[str]] = []
        self.link: tuple[str, list[str]] | None = None
        self.banner_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self.banner_depth:
            self.banner_depth += tag == "aside"
            if tag == "time":
                self.page.banners[-1][1].append(a.get("datetime", ""))
        elif tag == "aside" and "legal-banner" in a.get("class", "").split():
            self.banner_depth = 1
            self.page.banners.append((a.get("data-legal-state", ""), []))
        elif tag == "h1":
            self.heading = "h1"
            self.page.titles.append("")
        elif tag == "h2":
            self.heading = self.section = a.get("id", "")
            self.page.headings[self.section] = ""
            self.page.sections[self.section] = ""
        elif tag in ("p", "td", "th"):
            self.open_blocks.append([])
        elif tag == "tr":
            self.page.rows.append([])
        elif tag == "a":
            self.link = (a.get("href", ""), [])

    def handle_endtag(self, tag: str) -> None:
        if self.banner_depth:
            self.banner_depth -= tag == "aside"
        elif tag in ("h1", "h2"):
            self.heading = None
        elif tag in ("p", "td", "th") and self.open_blocks:
            text = flat("".join(self.open_blocks.pop()))
            (self.page.paragraphs if tag == "p" else self.page.rows[-1]).append(text)
        elif tag == "a" and self.link:
            self.page.links.append((self.section, self.link[0], flat("".join(self.link[1]))))
            self.link = None
        if tag in ("p", "li", "td", "th", "tr", "h1", "h2", "h3", "ul"):
            self.handle_data(" ")

    def handle_data(self, data: str) -> None:
        if self.banner_depth:
            return
        if self.heading == "h1":
            self.page.titles[-1] += data
        elif self.heading:
            self.page.headings[self.heading] += data
        else:
            self.page.sections[self.section] += data
        for block in self.open_blocks:
            block.append(data)
        if self.link:
            self.link[1].append(data)


def read_page(path: Path) -> Page:
    source = path.read_text(encoding="utf-8")
    match = re.search(r"<article\b.*?</article>", source, re.S)
    assert match, f"{path}: no <article>"
    reader = ArticleReader()
    reader.feed(match.group(0))
    reader.close()
    page = reader.page
    page.titles = [flat(t) for t in page.titles]
    page.headings = {k: flat(v) for k, v in page.headings.items()}
    page.sections = {k: flat(v) for k, v in page.sections.items()}
    return page


# --- the built seed sites --------------------------------------------------------------------

Build = tuple[subprocess.CompletedProcess[str], Path]


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Build]:
    """`seed_build(seed)`: the seed's fixture site, copied beside the seeds and built once."""
    builds: dict[str, Build] = {}

    def build(seed: str) -> Build:
        if seed not in builds:
            root = tmp_path_factory.mktemp(f"seed-{seed}")
            shutil.copytree(SEEDS, root / "seeds")
            shutil.copytree(SITES / seed, root / "seed-sites" / seed)
            builds[seed] = mkdocs_build(root / "seed-sites" / seed)
        return builds[seed]

    return build


@pytest.fixture(params=sorted(DOCUMENTS))
def seed(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def site(seed: str, seed_build: Callable[[str], Build]) -> Path:
    result, folder = seed_build(seed)
    assert result.returncode == 0, result.stderr
    return folder


def page_path(site: Path, document: str, lang: str) -> Path:
    return site / ("" if lang == "en" else f"{lang}/") / document / "index.html"


def page_of(site: Path, document: str, lang: str) -> Page:
    return read_page(page_path(site, document, lang))


@cache
def data_of(seed: str) -> LegalData:
    return load_valid(SEEDS / f"{seed}.yml", Options(LANGUAGES)).data


def in_lang(lang: str) -> Callable[[Text], str]:
    """A data-file text in `lang`, whitespace collapsed as on the page."""
    language = Language(lang)
    return lambda value: flat(language.text(value))


def test_each_seed_builds_its_documents_in_both_languages_without_warnings(
    seed: str, seed_build: Callable[[str], Build]
) -> None:
    result, site = seed_build(seed)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    for lang in LANGUAGES:
        built = sorted(
            d for d in ("privacy", "cookies", "terms") if page_path(site, d, lang).is_file()
        )
        assert built == sorted(DOCUMENTS[seed]), lang


# --- the data file's facts, each in its section ---------------------------------------------


def retention_of(data: LegalData, purpose: Purpose) -> Retention | None:
    """A purpose's retention rule: inline, or the named entry of `retention`."""
    if isinstance(purpose.retention, str):
        return data.retention[purpose.retention]
    return purpose.retention


@pytest.mark.parametrize("lang", LANGUAGES)
def test_controller_and_contacts(seed: str, site: Path, lang: str) -> None:
    data, t = data_of(seed), in_lang(lang)
    s = page_of(site, "privacy", lang).sections
    org = data.organisation
    address = org.address
    facts = [org.name, org.email, org.phone, org.org_number, org.website]
    if address:
        facts += [address.postcode, *(t(v) for v in (address.street, address.city) if v)]
        facts.append(Language(lang).country(address.country) if address.country else None)
    for fact in filter(None, facts):
        assert fact in s["controller"], fact
    for fact in filter(None, [org.privacy_email or org.email, org.phone]):
        assert fact in s["contact"], fact
    if data.rights.how is not None:
        assert t(data.rights.how) in s["rights"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_purposes_with_their_bases_interests_and_retention(
    seed: str, site: Path, lang: str
) -> None:
    data, t, language = data_of(seed), in_lang(lang), Language(lang)
    s = page_of(site, "privacy", lang).sections
    text = s["purposes"]
    starts = [text.index(t(p.description)) for p in data.purposes]
    assert starts == sorted(starts), "purposes in the data file's order"
    for purpose, start, end in zip(data.purposes, starts, [*starts[1:], len(text)], strict=True):
        chunk = text[start:end]  # the purpose's own entry
        assert CITATION[lang].format(purpose.legal_basis) in chunk, purpose.id
        for value in (purpose.legitimate_interest, purpose.legal_obligation):
            if value is not None:
                assert t(value) in chunk, purpose.id
        rule = retention_of(data, purpose)
        assert rule is not None, purpose.id
        if rule.period:
            assert language.duration(rule.period) in chunk, purpose.id
            assert language.duration(rule.period) in s["retention"], purpose.id
        if rule.criteria is not None:
            assert t(rule.criteria) in chunk and t(rule.criteria) in s["retention"], purpose.id
        if purpose.legitimate_interest is not None:
            assert t(purpose.legitimate_interest) in s["legitimate_interests"]
        if purpose.withdraw is not None:
            assert t(purpose.withdraw) in s["withdraw_consent"], purpose.id
        if purpose.consequence is not None:
            assert t(purpose.consequence) in s["provision"], purpose.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_recipients_transfers_security_and_complaint(seed: str, site: Path, lang: str) -> None:
    data, t, language = data_of(seed), in_lang(lang), Language(lang)
    s = page_of(site, "privacy", lang).sections
    for r in data.recipients:
        category = (
            language._(RECIPIENT_CATEGORIES[r.category])
            if isinstance(r.category, str) and r.category in RECIPIENT_CATEGORIES
            else t(r.category)
        )
        condition = t(r.condition) if r.condition is not None else None
        facts = [r.name, category, condition]
        if r.country:
            facts.append(language.country(r.country))
        for fact in filter(None, facts):
            assert fact.lower() in s["recipients"].lower(), (r.id, fact)
        for transfer in r.transfers:
            assert language.country(transfer.country) in s["transfers"]
            assert r.name is None or r.name in s["transfers"]
            if transfer.instrument is not None:
                assert t(transfer.instrument) in s["transfers"]
    if data.security and data.security.text is not None:
        assert t(data.security.text) in s["security"]
    assert COMPLAINT[lang] in s["complaint"]
    key = data.supervisory_authority
    assert isinstance(key, str)
    authority = authorities.get(key)
    assert authority is not None
    assert authority.name_in(lang) in s["complaint"]
    assert authority.address in s["complaint"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_intros_and_custom_sections_where_the_data_puts_them(
    seed: str, site: Path, lang: str
) -> None:
    data, t = data_of(seed), in_lang(lang)
    for document in DOCUMENTS[seed]:
        page = page_of(site, document, lang)
        if document in data.intro:
            assert t(data.intro[document]) in page.sections[""], document
        ids = list(page.headings)
        for section in (x for x in data.sections if x.document == document):
            assert page.headings[section.id].endswith(" " + t(section.title))
            assert t(section.body) in page.sections[section.id]
            assert section.after is not None
            assert ids.index(section.id) == ids.index(section.after) + 1, section.id


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("seed", WITH_COOKIES)
def test_cookie_table_rows_and_consent_settings(seed: str, site: Path, lang: str) -> None:
    data, t, language = data_of(seed), in_lang(lang), Language(lang)
    assert data.cookies is not None
    page = page_of(site, "cookies", lang)
    names = {r.id: r.name for r in data.recipients}
    _, *rows = page.rows
    assert [row[0] for row in rows] == [c.name for c in data.cookies.items]
    for cookie, (_, provider, purpose, category, duration, _) in zip(
        data.cookies.items, rows, strict=True
    ):
        first_party = cookie.provider == "first_party"
        assert provider.startswith(
            data.organisation.name if first_party else names[cookie.provider] or "?"
        )
        assert purpose == t(cookie.purpose)
        assert category == language._(COOKIE_CATEGORIES[cookie.category])
        assert duration == (
            language._("session")
            if cookie.duration == "session"
            else language.duration(cookie.duration, words=False)
        )
    assert ("manage", "#__consent", language._("Change your cookie settings")) in page.links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_data_categories_and_sources(seed: str, site: Path, lang: str) -> None:
    data, t, language = data_of(seed), in_lang(lang), Language(lang)
    s = page_of(site, "privacy", lang).sections
    for items, section, builtin in (
        (data.data_categories, "data", DATA_CATEGORIES),
        (data.sources, "sources", SOURCES),
    ):
        for item in items:
            label = t(item.label) if item.label is not None else language._(builtin[item.id])
            assert label in s[section], (section, item.id)


# --- each seed's key facts, as README.md lists them ------------------------------------------

# Per seed: "document#section: English | Swedish" (one text: the same in both languages).
KEY_FACTS: dict[str, list[str]] = {
    "calluna": [
        "privacy#controller: +46-708 987855",
        (
            "privacy#data: company name, company registration number and VAT number"
            " | företagsnamn, organisationsnummer och momsregistreringsnummer"
        ),
        "privacy#sources: our CRM system | vårt CRM-system",
        (
            "privacy#purposes: Keep accounting records as the law requires Personal data:"
            " | Bevara räkenskapsinformation enligt lag Personuppgifter:"
        ),
        (
            "privacy#purposes: Legal basis: legal obligation (Article 6(1)(c) GDPR) Legal "
            "obligation: The Swedish Bookkeeping Act (bokföringslagen, 1999:1078)"
            " | Rättslig grund: rättslig förpliktelse (artikel 6.1 c dataskyddsförordningen) "
            "Rättslig förpliktelse: Bokföringslagen (1999:1078)"
        ),
        (
            "privacy#retention: two years from the end of the contract; only as long as necessary"
            " | två år från avtalets upphörande; endast så länge som det behövs"
        ),
        (
            "privacy#retention: seven years from the end of the financial year"
            " | sju år från utgången av det räkenskapsår"
        ),
        (
            "privacy#recipients: invoicing through our accounting system"
            " | fakturering via vårt bokföringssystem"
        ),
        "privacy#recipients: Only when required by law | Endast när lagen kräver det",
        "privacy#security: secure systems and encryption | säkra system och kryptering",
        "privacy#children: children under 18 | barn under 18 år",
        (
            "privacy#complaint: Swedish Authority for Privacy Protection (IMY)"
            " | Integritetsskyddsmyndigheten (IMY)"
        ),
        "cookies#table: XSRF-TOKEN",
        "cookies#table: svSession",
        "cookies#: analyse website traffic | analysera trafiken på webbplatsen",
    ],
    "callxtra": [
        "privacy#: call centre and PBX solution provider | callcenter- och växellösningar",
        (
            "privacy#data: payment information (e.g. credit card details, billing address)"
            " | betalningsuppgifter (t.ex. kortuppgifter och fakturaadress)"
        ),
        (
            "privacy#purposes: Send marketing communications Personal data: name, email address, "
            "and company name (if applicable) Legal basis: consent (Article 6(1)(a) GDPR)"
            " | Skicka marknadsföring Personuppgifter: namn, e-postadress och företagsnamn (i "
            "förekommande fall) Rättslig grund: samtycke (artikel 6.1 a dataskyddsförordningen)"
        ),
        (
            "privacy#withdraw_consent: You can opt out at any time"
            " | Du kan när som helst avregistrera dig"
        ),
        (
            "privacy#legitimate_interests: Protecting our rights, property and safety, and those "
            "of our customers"
            " | Att skydda våra och våra kunders rättigheter, egendom och säkerhet"
        ),
        "privacy#recipients: merger, acquisition or sale | fusion, förvärv eller försäljning",
        "privacy#retention: twelve months | tolv månader",
        "privacy#security: 100% secure | helt säkert",
        "privacy#rights: Right of access | Rätt till tillgång",
        "privacy#rights: Right to rectification | Rätt till rättelse",
        "privacy#rights: Right to erasure | Rätt till radering",
        "privacy#rights: Right to restriction of processing | Rätt till begränsning av behandling",
        "privacy#rights: Right to data portability | Rätt till dataportabilitet",
        "privacy#rights: Right to object | Rätt att göra invändningar",
        "privacy#complaint: Data Protection Commission",
        (
            "privacy#change_notice: by posting the updated privacy policy on our website"
            " | genom att publicera den uppdaterade integritetspolicyn på vår webbplats"
        ),
    ],
    "clavis": [
        "privacy#controller: 556476-4826",
        "privacy#controller: Norra Vallgatan 4, 223 62 Lund",
        "privacy#controller: +46 705 37 17 28",
        "privacy#contact: marcus@clavis.com",
        "privacy#rights: marcus@clavis.com",
        "privacy#rights: at the latest within one month | senast inom en månad",
        "privacy#rights: Right to object | Rätt att göra invändningar",
        (
            "privacy#data: information you share with us in email conversations"
            " | uppgifter som du delar med oss i mejlkonversationer"
        ),
        "privacy#sources: MailChimp",
        (
            "privacy#purposes: Accounting and tax legislation, banking and anti-money-laundering "
            "legislation, and consumer law"
            " | Bokförings- och skattelagstiftning, bank- och penningtvättslagstiftning samt "
            "konsumenträttslig lagstiftning"
        ),
        "privacy#recipients: The Rocket Science Group LLC (Mailchimp)",
        (
            "privacy#transfers: The Rocket Science Group LLC (Mailchimp), United States: an "
            "adequacy decision"
            " | The Rocket Science Group LLC (Mailchimp), USA: ett beslut om adekvat skyddsnivå"
        ),
        (
            "privacy#no_sale: We will not sell any personal data to third parties."
            " | Vi säljer inga personuppgifter till tredje part."
        ),
        'privacy#withdraw_consent: Click "unsubscribe" | Klicka på "unsubscribe"',
        "privacy#retention: reviewed once a year | ses över en gång om året",
        "privacy#retention: ten years | tio år",
        (
            "privacy#erasure_timing: within one month of your request"
            " | senast en månad efter din begäran"
        ),
        (
            "privacy#security: only the people who actually need to process your personal data"
            " | endast de personer som faktiskt behöver behandla dina personuppgifter"
        ),
        (
            "privacy#change_notice: in good time before the update takes effect"
            " | i god tid innan uppdateringarna börjar gälla"
        ),
        (
            "privacy#complaint: Swedish Authority for Privacy Protection (IMY)"
            " | Integritetsskyddsmyndigheten (IMY)"
        ),
    ],
    "lhe": [
        "privacy#: meeting-booking services | mötesbokningstjänster",
        "privacy#data: contact details of leads | kontaktuppgifter till leads",
        "privacy#data: communication history | kommunikationshistorik",
        (
            "privacy#purposes: Book and coordinate meetings according to the customer's"
            " | Boka och koordinera möten enligt kundens instruktioner"
        ),
        (
            "privacy#purposes: Legal basis: performance of a contract (Article 6(1)(b) GDPR)"
            " | Rättslig grund: fullgöra ett avtal (artikel 6.1 b dataskyddsförordningen)"
        ),
        (
            "privacy#legitimate_interests: Following up and qualifying leads"
            " | Att följa upp och kvalificera leads"
        ),
        (
            "privacy#purposes: Send offers by direct marketing Personal data: name, email "
            "address, telephone number, and company information Legal basis: consent (Article "
            "6(1)(a) GDPR)"
            " | Skicka erbjudanden genom direktmarknadsföring Personuppgifter: namn, "
            "e-postadress, telefonnummer och företagsinformation Rättslig grund: samtycke "
            "(artikel 6.1 a dataskyddsförordningen)"
        ),
        "privacy#recipients: CRM systems and calendar tools | CRM-system och kalenderverktyg",
        "privacy#recipients: Salesforce",
        "privacy#recipients: HubSpot",
        "privacy#retention: twelve months | tolv månader",
        (
            "privacy#security: encryption, access control and routine security reviews"
            " | kryptering, åtkomstkontroll och rutinmässiga säkerhetsgranskningar"
        ),
        "privacy#rights: Right to rectification | Rätt till rättelse",
        (
            "privacy#withdraw_consent: withdraw your consent at any time"
            " | när som helst återkalla ditt samtycke"
        ),
        (
            "privacy#complaint: Swedish Authority for Privacy Protection (IMY)"
            " | Integritetsskyddsmyndigheten (IMY)"
        ),
        # the contract clauses of "Kontraktpolicy", seed lines 4-18
        (
            "terms#: These terms take effect when the agreement is entered into."
            " | Dessa villkor träder i kraft när avtalet ingås."
        ),
        "terms#parties: LHe Handelsbolag",
        "terms#service: meeting booking and coordination | mötesbokning och koordinering av möten",
        "terms#binding_period: a binding period of one month | en bindningstid på en månad",
        (
            "terms#binding_no_cancel: During the binding period the service cannot be cancelled, "
            "and no refund is given"
            " | Under bindningstiden kan tjänsten inte avbrytas och återbetalning beviljas inte"
        ),
        "terms#billing: charged monthly | debiteras månadsvis",
        (
            "terms#termination: Notice of termination must reach us before the next billing "
            "period starts"
            " | Uppsägningen ska ha kommit in till oss innan nästa faktureringsperiod börjar"
        ),
        (
            "terms#termination: a cancellation fee or the full monthly charge for the current "
            "billing period"
            " | en avbrottsavgift eller hela månadskostnaden för den pågående "
            "faktureringsperioden"
        ),
        (
            "terms#refunds: not refunded if the service has been delivered as agreed"
            " | återbetalas inte om tjänsten har levererats enligt avtalet"
        ),
        (
            "terms#access_after_termination: until the end of the current billing period"
            " | till utgången av den pågående faktureringsperioden"
        ),
        "terms#changes: at least 30 days before | minst 30 dagar innan",
        "terms#acceptance: when the customer orders the service | när kunden beställer tjänsten",
        "terms#contact: info@lhe-handelsbolag.se",
    ],
    "kirstencallesen": [
        "privacy#controller: +45 21 60 46 01",
        "privacy#controller: https://kirstencallesen.dk/en",
        "privacy#data: order and purchase history | order- och köphistorik",
        (
            "privacy#collection_limits: does not collect or buy personally identifiable "
            "information from third parties"
            " | samlar inte in eller köper personuppgifter från tredje part"
        ),
        (
            "privacy#purposes: Obtain product reviews and Trustpilot reviews"
            " | Samla in produktrecensioner och recensioner på Trustpilot"
        ),
        (
            "privacy#purposes: the anti-money-laundering and accounting acts"
            " | penningtvätts- och bokföringslagstiftningen"
        ),
        (
            "privacy#provision: may reject orders and other inquiries"
            " | kan avvisa beställningar och andra förfrågningar"
        ),
        "privacy#recipients: Google Ireland Limited",
        "privacy#recipients: Trustpilot A/S",
        "privacy#recipients: on servers in the EU | på servrar inom EU",
        "privacy#transfers: Google Ireland Limited, United States | Google Ireland Limited, USA",
        "privacy#processing_agreements: on request | på begäran",
        "privacy#retention: five years | fem år",
        "privacy#retention: 14 months | 14 månader",
        (
            "privacy#withdraw_consent: following the instructions at the bottom of each email"
            " | följa instruktionerna längst ned i varje mejl"
        ),
        (
            "privacy#security: scanned for security vulnerabilities"
            " | genomsöks fortlöpande efter säkerhetsbrister"
        ),
        "privacy#data_breach: Danish Data Protection Agency (Datatilsynet) | (Datatilsynet)",
        "privacy#complaint: Carl Jacobsens Vej 35, 2500 Valby",
        "privacy#revision: This policy is updated every year. | Policyn uppdateras varje år.",
        (
            "cookies#: add items to the shopping cart and log in"
            " | lägga varor i varukorgen och logga in"
        ),
        "cookies#table: PHPSESSID",
        "cookies#table: _ga Google Ireland Limited",
    ],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_facts_of_the_seed(seed: str, site: Path, lang: str) -> None:
    pages: dict[str, Page] = {}
    missing = []
    for fact in KEY_FACTS[seed]:
        place, text = fact.split(": ", 1)
        document, section = place.split("#")
        page = pages.setdefault(document, page_of(site, document, lang))
        en, _, sv = text.partition(" | ")
        expected = sv if lang == "sv" and sv else en
        if expected not in page.sections.get(section, ""):
            missing.append(f"{document}#{section}: {expected!r}")
    assert not missing, "\n".join(missing)


# --- the seeds' defects cannot recur ---------------------------------------------------------

# Wording no page may show: template and page-builder leftovers, repealed law, terms that are
# not the GDPR's, and our own slot syntax.
LEFTOVERS = [
    r"\{\w+\}", r"\[(?:X|…|\.\.\.)\]", r"\bTODO\b", r"lorem ipsum", r"\bPUL\b",
    r"personuppgiftslagen", r"laglig grund", r"legitimt intresse", r"top of page",
    r"bottom of page", "📧", "📞", "\u00a0",
]  # fmt: skip
SEED_LEFTOVERS = {
    "calluna": [r"please visit our cookie policy"],
    "callxtra": [r"general example", r"legal professionals", r"by accessing or using", r"01/07/2023"],
    "clavis": [r"Comminications", r"SE-223 62", r"22362", r"angivet", r"användarvillkor"],
    "lhe": [r"\[LHe", r"en minst en", r"max \[", r"Kontraktpolicy"],
    "kirstencallesen": [r"by using", r"accepted upon visiting", r"Callesen‘s", r"here:", r"click here"],
}  # fmt: skip


def resolve(page: Path, href: str) -> Path:
    """The file a relative link of `page` leads to."""
    target = (page.parent / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


@pytest.mark.parametrize("lang", LANGUAGES)
def test_defects_of_the_seed_cannot_recur(seed: str, site: Path, lang: str) -> None:
    data, language = data_of(seed), Language(lang)
    name = data.organisation.name
    effective = data.versions[-1].effective
    assert effective.isoformat() <= TODAY
    for document in DOCUMENTS[seed]:
        path = page_path(site, document, lang)
        page = read_page(path)
        where = f"{document} ({lang})"
        # one title: the seeds repeat theirs, or run two documents together under one
        assert page.titles == [language._(DOCUMENT_TITLES[document])], where
        # numbering is computed: 1, 2, 3 … with no gap, restart or repeat, and no empty section
        numbers = [int(h.split(".")[0]) for h in page.headings.values() if h[:1].isdigit()]
        assert numbers == list(range(1, len(page.headings) + 1)), where
        assert all(page.sections[i] for i in page.headings), where
        # a date: the banner dates the version in force
        assert page.banners == [("current", [effective.isoformat()])], where
        # no paragraph twice
        long = [p for p in page.paragraphs if len(p) > 60]
        assert len(long) == len(set(long)), where
        # every link within the site leads to a page that exists
        for _, href, _ in page.links:
            if not href.startswith(("https:", "http:", "mailto:", "tel:", "#")):
                assert resolve(path, href).is_file(), (where, href)
        # the name is spelled one way, never in template brackets
        first = re.escape(name.split()[0])
        for match in re.finditer(rf"(?<![\w.@/-]){first}\b", page.text):
            assert page.text.startswith(name, match.start()), (
                where,
                page.text[match.start() :][:40],
            )
            assert page.text[match.start() - 1 : match.start()] != "[", where
        assert name in page.sections[next(iter(page.headings))], where
        # no leftover or wrong wording
        for pattern in [*LEFTOVERS, *SEED_LEFTOVERS[seed]]:
            assert not re.search(pattern, page.text, re.I), (where, pattern)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("seed", WITH_COOKIES)
def test_the_cookie_policy_is_linked_where_the_privacy_policy_speaks_of_cookies(
    seed: str, site: Path, lang: str
) -> None:
    privacy = page_path(site, "privacy", lang)
    cookies = page_path(site, "cookies", lang)
    links = [href for section, href, _ in read_page(privacy).links if section == "cookies"]
    assert [resolve(privacy, href) for href in links] == [cookies.resolve()]
    back = [href for section, href, _ in read_page(cookies).links if section == "intro"]
    assert [resolve(cookies, href) for href in back] == [privacy.resolve()]
