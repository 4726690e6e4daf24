"""The data model of a `legal.yml` file (schema 1), as typed, validated classes.

The model is the one description of the data file: the JSON Schema that
`mkdocs-legal schema` prints is generated from it, and so is the reference page
in the docs. Field descriptions here are what users read there.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)

# ---------------------------------------------------------------------------
# Scalar types
# ---------------------------------------------------------------------------

LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")
DURATION_RE = re.compile(
    r"^P(?!$)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?$"
)
ID_PATTERN = r"^[a-z][a-z0-9_-]*$"


def _parse_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be an ISO date written YYYY-MM-DD, for example 2025-03-01")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a real calendar date") from None


def _check_duration(value: Any) -> str:
    if not isinstance(value, str) or not DURATION_RE.match(value):
        raise ValueError(
            "must be an ISO 8601 duration in years, months, weeks or days, "
            "for example P30D, P1M, P12M or P2Y"
        )
    return value


_NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}


def _check_country(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError("must be an ISO 3166-1 alpha-2 country code in capitals, such as SE or DE")
    from babel import Locale

    names = Locale("en").territories
    if value == "UK":
        return value
    if value not in names or value in _NOT_COUNTRIES:
        raise ValueError(f"{value} is not an ISO 3166-1 alpha-2 country code")
    return value


def _check_region(value: Any) -> str:
    if value in {"EU", "EEA"}:
        return str(value)
    try:
        return _check_country(value)
    except ValueError:
        raise ValueError(
            "must be EU or EEA, or an ISO 3166-1 alpha-2 country code in capitals, such as SE or DE"
        ) from None


IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Duration = Annotated[
    str,
    BeforeValidator(_check_duration),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$",
            "description": "ISO 8601 duration, e.g. P30D, P1M, P12M, P2Y",
        }
    ),
]
Country = Annotated[
    str,
    BeforeValidator(_check_country),
    WithJsonSchema(
        {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 code"}
    ),
]
Region = Annotated[
    str,
    BeforeValidator(lambda v: _check_region(v)),
    WithJsonSchema({"type": "string", "pattern": "^(?:[A-Z]{2}|EU|EEA)$"}),
]
Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]
Language = Annotated[str, Field(pattern=LANGUAGE_RE.pattern)]

Text = str | dict[Language, str]
"""A string used in every language, or a map from language code to string."""

LegalBasis = Literal["a", "b", "c", "d", "e", "f"]


class Strict(BaseModel):
    """Base class: unknown keys are errors, values are never coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


# ---------------------------------------------------------------------------
# Organisation
# ---------------------------------------------------------------------------


class Address(Strict):
    street: Text | None = Field(default=None, description="Street and number.")
    postcode: str | None = Field(
        default=None, description="Postcode, as it is written in the country."
    )
    city: Text | None = Field(default=None, description="City or town.")
    country: Country | None = Field(default=None, description="Country of the address.")


class Contact(Strict):
    """A named person or function with contact details (DPO, representative)."""

    name: Text | None = Field(default=None, description="Name of the person or function.")
    email: str | None = Field(default=None, description="Email address.")
    phone: str | None = Field(default=None, description="Telephone number.")
    address: Address | None = Field(default=None, description="Postal address.")


class Organisation(Strict):
    name: str = Field(
        min_length=1, description="Legal name; rendered everywhere from this one field."
    )
    trading_name: str | None = Field(
        default=None,
        description="The name people know the organisation by, when it differs from `name`.",
    )
    legal_form: Text | None = Field(
        default=None, description="Legal form, such as `{en: limited company, sv: aktiebolag}`."
    )
    org_number: str | None = Field(default=None, description="Company registration number.")
    vat_number: str | None = Field(default=None, description="VAT number.")
    address: Address | None = Field(default=None, description="Postal address of the organisation.")
    email: str | None = Field(default=None, description="General contact address.")
    privacy_email: str | None = Field(
        default=None, description="Where data-protection requests go; defaults to `email`."
    )
    phone: str | None = Field(default=None, description="Telephone number.")
    website: str | None = Field(default=None, description="Address of the organisation's website.")
    dpo: Contact | None = Field(default=None, description="Data protection officer (Art. 37).")
    representative: Contact | None = Field(
        default=None, description="Representative in the Union (Art. 27)."
    )


class Authority(Strict):
    name: Text = Field(description="Name of the supervisory authority.")
    url: str | None = Field(default=None, description="Its website.")
    address: Text | None = Field(default=None, description="Its postal address.")


class Children(Strict):
    min_age: int = Field(
        ge=0, le=21, description="The services are not directed at children under this age."
    )


# ---------------------------------------------------------------------------
# Processing
# ---------------------------------------------------------------------------


class DataCategory(Strict):
    id: Identifier = Field(
        description="A built-in data category, or an id of your own with a `label`."
    )
    label: Text | None = Field(default=None, description="Required unless `id` is built in.")


class Source(Strict):
    id: Identifier = Field(description="A built-in source, or an id of your own with a `label`.")
    label: Text | None = Field(default=None, description="Required unless `id` is built in.")
    publicly_accessible: bool = Field(
        default=False, description="Whether the source is publicly accessible (Art. 14(2)(f))."
    )


RetentionFrom = Text


class Retention(Strict):
    period: Duration | None = Field(default=None, description="How long the data is kept.")
    from_: RetentionFrom | None = Field(
        default=None,
        alias="from",
        description="When the period starts: a built-in event or a Text of your own.",
    )
    criteria: Text | None = Field(
        default=None,
        description="How the period is decided, when it is not a fixed one (Art. 13(2)(a)).",
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True)


class Purpose(Strict):
    id: Identifier = Field(description="Unique among the purposes.")
    description: Text = Field(description="What the personal data is processed for.")
    data: list[Identifier] = Field(
        default_factory=list, description="The data categories processed for this purpose."
    )
    sources: list[Identifier] = Field(
        default_factory=list,
        description="Source ids the data comes from, when not all from the person (Art. 14).",
    )
    legal_basis: LegalBasis = Field(description="Art. 6(1) point: a … f.")
    legitimate_interest: Text | None = Field(
        default=None, description="Required with basis `f`: the interest pursued (Art. 13(1)(d))."
    )
    legal_obligation: Text | None = Field(
        default=None, description="With basis `c`: the law that requires the processing."
    )
    withdraw: Text | None = Field(
        default=None, description="Required with basis `a`: how a person withdraws consent."
    )
    provision: Literal["statutory", "contractual", "required_for_contract", "voluntary"] | None = (
        Field(
            default=None,
            description="Whether the law or a contract requires the data (Art. 13(2)(e)).",
        )
    )
    consequence: Text | None = Field(
        default=None, description="What happens if the person does not provide the data."
    )
    retention: Identifier | Retention | None = Field(
        default=None,
        description="A key of the top-level `retention` map, or a retention written here.",
    )


class Transfer(Strict):
    country: Country = Field(description="The country outside the EU/EEA the data goes to.")
    mechanism: Literal["adequacy", "scc", "bcr", "derogation"] = Field(
        description="The safeguard or ground of the transfer (Art. 45-49)."
    )
    instrument: Text | None = Field(
        default=None,
        description="The instrument itself, such as the adequacy decision or the clauses used.",
    )
    copy_: Text | None = Field(
        default=None, alias="copy", description="How to get a copy of the safeguards."
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True)


RecipientCategory = Literal[
    "it_service_providers",
    "payment_providers",
    "accountants",
    "public_authorities",
    "acquirer",
    "marketing_providers",
    "analytics_providers",
    "hosting_providers",
    "customer",
]


class Recipient(Strict):
    id: Identifier = Field(
        description="Unique among the recipients; cookies name it as their `provider`."
    )
    name: str | None = Field(
        default=None, description="Name of the recipient, to name it rather than only its category."
    )
    category: RecipientCategory | dict[Language, str] | str = Field(
        description="A built-in recipient category, or a Text of your own."
    )
    role: Literal["processor", "controller", "joint_controller", "authority"] = Field(
        default="processor", description="What the recipient is in relation to you."
    )
    country: Country | None = Field(default=None, description="Where the recipient is established.")
    condition: Text | None = Field(
        default=None, description="When or why data goes to this recipient."
    )
    transfers: list[Transfer] = Field(
        default_factory=list,
        description="Transfers to countries outside the EU/EEA, each with its safeguard.",
    )


class AutomatedDecision(Strict):
    description: Text = Field(description="The decision made by automated means (Art. 22).")
    logic: Text = Field(description="The logic involved.")
    consequences: Text = Field(description="Its significance and consequences for the person.")


RightId = Literal[
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "objection",
    "withdraw_consent",
    "complaint",
]


class Rights(Strict):
    exclude: list[RightId] = Field(
        default_factory=list,
        description="Rights to leave out of the list, where they do not apply.",
    )
    how: Text | None = Field(default=None, description="How a person exercises the rights.")
    response_time: Duration = Field(
        default="P1M", description="How soon requests are answered (Art. 12(3))."
    )


SecurityMeasure = Literal[
    "encryption",
    "access_control",
    "pseudonymisation",
    "backups",
    "staff_training",
    "security_audits",
]


class Security(Strict):
    measures: list[SecurityMeasure] = Field(
        default_factory=list, description="Built-in security measures, each described on the page."
    )
    text: Text | None = Field(default=None, description="Anything more to say about security.")


class Storage(Strict):
    regions: list[Region] = Field(
        default_factory=list, description="Where personal data is stored."
    )


# ---------------------------------------------------------------------------
# Cookies and terms
# ---------------------------------------------------------------------------

CookieCategory = Literal["necessary", "preferences", "statistics", "marketing"]


class Cookie(Strict):
    name: str = Field(
        min_length=1, description="The name of the cookie or storage key, as the browser shows it."
    )
    provider: str = Field(default="first_party", description="`first_party` or a recipient id.")
    purpose: Text = Field(description="What it is for.")
    category: CookieCategory = Field(
        description="`necessary` needs no consent; the other categories do."
    )
    duration: Literal["session"] | Duration = Field(
        description="How long it is kept: `session`, or a duration."
    )
    type: Literal["http_cookie", "local_storage", "session_storage", "pixel"] = Field(
        default="http_cookie", description="The technology."
    )


class Cookies(Strict):
    last_reviewed: IsoDate | None = Field(
        default=None, description="When the list was last checked against the website."
    )
    items: list[Cookie] = Field(
        default_factory=list, description="Every cookie and similar technology the website uses."
    )


class Termination(Strict):
    notice: Duration | None = Field(default=None, description="Notice period.")
    deadline: Literal["before_next_billing_period", "any_time"] | None = Field(
        default=None, description="By when notice must be given."
    )
    channel: Text | None = Field(default=None, description="How to give notice.")
    mid_period: Literal["full_period_charged", "cancellation_fee", "pro_rata"] | None = Field(
        default=None, description="What a termination during a billing period costs."
    )
    cancellation_fee: Text | None = Field(
        default=None, description="The cancellation fee, in words."
    )


class TermsChanges(Strict):
    notice: Duration | None = Field(
        default=None, description="How long before they apply changes are announced."
    )
    channel: Text | None = Field(default=None, description="How changes are announced.")


class Terms(Strict):
    service: Text | None = Field(default=None, description="The service the terms cover.")
    binding_period: Duration | None = Field(
        default=None, description="The minimum term of the contract."
    )
    billing_period: Duration | None = Field(
        default=None, description="How often the service is billed."
    )
    renewal: Literal["automatic", "none"] | None = Field(
        default=None, description="Whether the contract renews itself at the end of a period."
    )
    termination: Termination | None = Field(default=None, description="How the contract ends.")
    refunds: Literal["none_if_delivered_as_agreed", "pro_rata"] | Text | None = Field(
        default=None,
        description="A built-in refund rule, or a Text; consumer terms cannot exclude refunds.",
    )
    access_after_termination: Literal["until_end_of_billing_period", "immediate_end"] | None = (
        Field(
            default=None,
            description="Whether the service stays available until the end of the billing period.",
        )
    )
    changes: TermsChanges | None = Field(
        default=None, description="How changes to the terms are announced."
    )
    acceptance: Literal["by_ordering", "by_signing"] | Text | None = Field(
        default=None, description="How the contract is entered into."
    )
    dpa: bool | None = Field(
        default=None, description="Whether a data processing agreement is part of the contract."
    )
    liability: Text | None = Field(default=None, description="Limits of liability.")
    governing_law: Country | None = Field(
        default=None, description="The country whose law governs the contract."
    )
    venue: Text | None = Field(default=None, description="Where disputes are settled.")


# ---------------------------------------------------------------------------
# Custom content and versions
# ---------------------------------------------------------------------------

DocumentId = Literal["privacy", "cookies", "terms"]


class Section(Strict):
    id: Identifier = Field(description="Id of the section: its anchor on the page.")
    document: DocumentId = Field(description="The document the section belongs to.")
    title: Text = Field(description="Its heading.")
    body: Text = Field(description="Markdown; raw HTML is shown as text.")
    after: Identifier | None = Field(
        default=None, description="Id of the section to place it after."
    )
    replace: Identifier | None = Field(
        default=None, description="Id of a built-in section it replaces."
    )


class Version(Strict):
    effective: IsoDate = Field(
        description="First day the version applies, from 00:00 in the plugin's time zone."
    )
    version: str | None = Field(default=None, description="Label; defaults to the date.")
    published: IsoDate | None = Field(
        default=None,
        description="When it was announced; at least 30 days before `effective` if `material`.",
    )
    documents: list[DocumentId] | None = Field(
        default=None, description="Documents this version changes; default all."
    )
    material: bool = Field(
        default=False, description="A change readers must be told about before it applies."
    )
    summary: Text | None = Field(
        default=None, description="What changed; shown in the changelog and above the redline."
    )

    @property
    def label(self) -> str:
        return self.version or self.effective.isoformat()


class LegalData(Strict):
    """The whole data file."""

    schema_: Literal[1] = Field(alias="schema", description="Schema version; always 1.")
    extends: str | None = Field(
        default=None,
        description="Path of a base data file (relative to this one) whose facts this file "
        "builds on; see the merge rules in the docs.",
    )
    organisation: Organisation = Field(description="The organisation responsible: the controller.")
    supervisory_authority: str | Authority | None = Field(
        default=None, description="A built-in key (`SE`, `DE-BY`, …) or `{name, url, address}`."
    )
    audience: Literal["b2b", "b2c", "both"] = Field(
        default="b2b",
        description="Who the customers are; `b2c` and `both` add consumer clauses to the terms.",
    )
    children: Children | None = Field(
        default=None, description="Say that the services are not for children."
    )
    data_categories: list[DataCategory] = Field(
        default_factory=list, description="The personal data processed."
    )
    sources: list[Source] = Field(
        default_factory=list, description="Where personal data comes from."
    )
    purposes: list[Purpose] = Field(
        default_factory=list,
        description="What personal data is processed for, each with its legal basis.",
    )
    retention: dict[Identifier, Retention] = Field(
        default_factory=dict, description="Named retention rules that purposes refer to."
    )
    recipients: list[Recipient] = Field(
        default_factory=list, description="Who receives personal data."
    )
    automated_decisions: Literal["none"] | list[AutomatedDecision] | None = Field(
        default=None, description="`none`, or each decision made by automated means (Art. 22)."
    )
    rights: Rights = Field(
        default_factory=Rights,
        description="The data subject's rights: derived from the legal bases, with these details.",
    )
    security: Security | None = Field(default=None, description="How personal data is protected.")
    storage: Storage | None = Field(default=None, description="Where personal data is stored.")
    cookies: Cookies | None = Field(
        default=None,
        description="Cookies and similar technologies; their presence adds the cookie policy.",
    )
    terms: Terms | None = Field(
        default=None, description="Contract terms; their presence adds the terms."
    )
    intro: dict[DocumentId, Text] = Field(
        default_factory=dict, description="An opening paragraph (Markdown) for each document."
    )
    sections: list[Section] = Field(
        default_factory=list, description="Sections of your own, added to a document."
    )
    versions: list[Version] = Field(
        min_length=1, description="The changelog of the texts, one entry per version."
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the data file, as `mkdocs-legal schema` prints it."""
    schema = LegalData.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://mkdocs-legal.github.io/schema/1/legal.schema.json"
    schema["title"] = "mkdocs-legal data file (schema 1)"
    return schema
