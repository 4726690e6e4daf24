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
    street: Text | None = None
    postcode: str | None = None
    city: Text | None = None
    country: Country | None = None


class Contact(Strict):
    """A named person or function with contact details (DPO, representative)."""

    name: Text | None = None
    email: str | None = None
    phone: str | None = None
    address: Address | None = None


class Organisation(Strict):
    name: str = Field(
        min_length=1, description="Legal name; rendered everywhere from this one field."
    )
    trading_name: str | None = None
    legal_form: Text | None = None
    org_number: str | None = None
    vat_number: str | None = None
    address: Address | None = None
    email: str | None = None
    privacy_email: str | None = Field(
        default=None, description="Where data-protection requests go; defaults to `email`."
    )
    phone: str | None = None
    website: str | None = None
    dpo: Contact | None = Field(default=None, description="Data protection officer (Art. 37).")
    representative: Contact | None = Field(
        default=None, description="Representative in the Union (Art. 27)."
    )


class Authority(Strict):
    name: Text
    url: str | None = None
    address: Text | None = None


class Children(Strict):
    min_age: int = Field(ge=0, le=21)


# ---------------------------------------------------------------------------
# Processing
# ---------------------------------------------------------------------------


class DataCategory(Strict):
    id: Identifier
    label: Text | None = Field(default=None, description="Required unless `id` is built in.")


class Source(Strict):
    id: Identifier
    label: Text | None = None
    publicly_accessible: bool = False


RetentionFrom = Text


class Retention(Strict):
    period: Duration | None = None
    from_: RetentionFrom | None = Field(default=None, alias="from")
    criteria: Text | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True)


class Purpose(Strict):
    id: Identifier
    description: Text
    data: list[Identifier] = Field(default_factory=list)
    sources: list[Identifier] = Field(default_factory=list)
    legal_basis: LegalBasis = Field(description="Art. 6(1) point: a … f.")
    legitimate_interest: Text | None = None
    legal_obligation: Text | None = None
    withdraw: Text | None = None
    provision: Literal["statutory", "contractual", "required_for_contract", "voluntary"] | None = (
        None
    )
    consequence: Text | None = None
    retention: Identifier | Retention | None = None


class Transfer(Strict):
    country: Country
    mechanism: Literal["adequacy", "scc", "bcr", "derogation"]
    instrument: Text | None = None
    copy_: Text | None = Field(default=None, alias="copy")

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
    id: Identifier
    name: str | None = None
    category: RecipientCategory | dict[Language, str] | str
    role: Literal["processor", "controller", "joint_controller", "authority"] = "processor"
    country: Country | None = None
    condition: Text | None = None
    transfers: list[Transfer] = Field(default_factory=list)


class AutomatedDecision(Strict):
    description: Text
    logic: Text
    consequences: Text


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
    exclude: list[RightId] = Field(default_factory=list)
    how: Text | None = None
    response_time: Duration = "P1M"


SecurityMeasure = Literal[
    "encryption",
    "access_control",
    "pseudonymisation",
    "backups",
    "staff_training",
    "security_audits",
]


class Security(Strict):
    measures: list[SecurityMeasure] = Field(default_factory=list)
    text: Text | None = None


class Storage(Strict):
    regions: list[Region] = Field(default_factory=list)


# ---------------------------------------------------------------------------
# Cookies and terms
# ---------------------------------------------------------------------------

CookieCategory = Literal["necessary", "preferences", "statistics", "marketing"]


class Cookie(Strict):
    name: str = Field(min_length=1)
    provider: str = Field(default="first_party", description="`first_party` or a recipient id.")
    purpose: Text
    category: CookieCategory
    duration: Literal["session"] | Duration
    type: Literal["http_cookie", "local_storage", "session_storage", "pixel"] = "http_cookie"


class Cookies(Strict):
    last_reviewed: IsoDate | None = None
    items: list[Cookie] = Field(default_factory=list)


class Termination(Strict):
    notice: Duration | None = None
    deadline: Literal["before_next_billing_period", "any_time"] | None = None
    channel: Text | None = None
    mid_period: Literal["full_period_charged", "cancellation_fee", "pro_rata"] | None = None
    cancellation_fee: Text | None = None


class TermsChanges(Strict):
    notice: Duration | None = None
    channel: Text | None = None


class Terms(Strict):
    service: Text | None = None
    binding_period: Duration | None = None
    billing_period: Duration | None = None
    renewal: Literal["automatic", "none"] | None = None
    termination: Termination | None = None
    refunds: Literal["none_if_delivered_as_agreed", "pro_rata"] | Text | None = None
    access_after_termination: Literal["until_end_of_billing_period", "immediate_end"] | None = None
    changes: TermsChanges | None = None
    acceptance: Literal["by_ordering", "by_signing"] | Text | None = None
    dpa: bool | None = None
    liability: Text | None = None
    governing_law: Country | None = None
    venue: Text | None = None


# ---------------------------------------------------------------------------
# Custom content and versions
# ---------------------------------------------------------------------------

DocumentId = Literal["privacy", "cookies", "terms"]


class Section(Strict):
    id: Identifier
    document: DocumentId
    title: Text
    body: Text = Field(description="Markdown; raw HTML is shown as text.")
    after: Identifier | None = None
    replace: Identifier | None = None


class Version(Strict):
    effective: IsoDate
    version: str | None = Field(default=None, description="Label; defaults to the date.")
    published: IsoDate | None = None
    documents: list[DocumentId] | None = Field(
        default=None, description="Documents this version changes; default all."
    )
    material: bool = False
    summary: Text | None = None

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
    organisation: Organisation
    supervisory_authority: str | Authority | None = None
    audience: Literal["b2b", "b2c", "both"] = "b2b"
    children: Children | None = None
    data_categories: list[DataCategory] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    purposes: list[Purpose] = Field(default_factory=list)
    retention: dict[Identifier, Retention] = Field(default_factory=dict)
    recipients: list[Recipient] = Field(default_factory=list)
    automated_decisions: Literal["none"] | list[AutomatedDecision] | None = None
    rights: Rights = Field(default_factory=Rights)
    security: Security | None = None
    storage: Storage | None = None
    cookies: Cookies | None = None
    terms: Terms | None = None
    intro: dict[DocumentId, Text] = Field(default_factory=dict)
    sections: list[Section] = Field(default_factory=list)
    versions: list[Version] = Field(min_length=1)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the data file, as `mkdocs-legal schema` prints it."""
    schema = LegalData.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://mkdocs-legal.github.io/schema/1/legal.schema.json"
    schema["title"] = "mkdocs-legal data file (schema 1)"
    return schema
