"""The data model of a `legal.yml` file (schema 1), as typed, frozen classes.

The model is the one description of the data file. Each field says its key, its
default, its constraints and what it means; from that, `core/construct.py` builds
the objects a build uses, `core/schema.py` derives the pydantic validator that
words the findings and the JSON Schema that `mkdocs-legal schema` prints, and the
docs' reference page is made from that schema. Field descriptions here are what
users read there. This module imports nothing heavy: a build pays only for it.
"""

# Annotations are evaluated on import (no `from __future__ import annotations`): reading
# them back as strings took `typing.get_type_hints` 4 ms of every build.
import dataclasses
import inspect
import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from .records import dataclass_transform, is_record, record
from .records import fields as fields  # the model's helpers, where callers know them
from .records import replace as replace

# ---------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------


@record
class Rule:
    """Constraints on a value: checked when data is read, and stated in the JSON Schema.

    `check` runs first and returns the value to keep (raising ValueError with the
    explanation a user reads); `schema` replaces the type's JSON Schema.
    """

    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    ge: int | None = None
    le: int | None = None
    check: Callable[[Any], Any] | None = None
    schema: dict[str, Any] | None = None

    __eq__ = object.__eq__  # compared and hashed as itself: `schema` is a dict
    __hash__ = object.__hash__

    def is_empty(self) -> bool:
        """Whether the rule constrains nothing."""
        return all(getattr(self, f.name) is None for f in fields(self))


def fact(
    *,
    description: str,
    default: Any = dataclasses.MISSING,
    default_factory: Any = dataclasses.MISSING,
    key: str | None = None,
    min_length: int | None = None,
    ge: int | None = None,
    le: int | None = None,
) -> Any:
    """A field of the model: its description, default, key in the file and constraints."""
    rule = Rule(min_length=min_length, ge=ge, le=le)
    metadata = {"description": description, "key": key, "rule": rule}
    return dataclasses.field(default=default, default_factory=default_factory, metadata=metadata)


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(fact,))
def model(cls: type[Any]) -> type[Any]:
    """Make `cls` a class of the model: a frozen record built from keyword arguments,
    whose every field is declared with `fact()`."""
    for name in inspect.get_annotations(cls):
        if not isinstance(cls.__dict__.get(name), dataclasses.Field):
            raise TypeError(f"{cls.__name__}.{name} must be declared with fact()")
    made = record(kw_only=True)(cls)
    made._is_model = True
    return made


def is_model(hint: Any) -> bool:
    """Whether `hint` is a class of the model."""
    return is_record(hint) and getattr(hint, "_is_model", False)


def key_of(field: dataclasses.Field[Any]) -> str:
    """The key a field has in the data file (`from` for the field `from_`)."""
    return field.metadata.get("key") or field.name


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
    from .cldr import country_codes

    if value == "UK":
        return value
    if value not in country_codes() or value in _NOT_COUNTRIES:
        raise ValueError(f"{value} is not an ISO 3166-1 alpha-2 country code")
    return value


def _check_region(value: Any) -> str:
    if isinstance(value, str) and value in {"EU", "EEA"}:
        return str(value)
    try:
        return _check_country(value)
    except ValueError:
        raise ValueError(
            "must be EU or EEA, or an ISO 3166-1 alpha-2 country code in capitals, such as SE or DE"
        ) from None


IsoDate = Annotated[
    date,
    Rule(
        check=_parse_date,
        schema={"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    ),
]
Duration = Annotated[
    str,
    Rule(
        check=_check_duration,
        schema={
            "type": "string",
            "pattern": r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$",
            "description": "ISO 8601 duration, e.g. P30D, P1M, P12M, P2Y",
        },
    ),
]
Country = Annotated[
    str,
    Rule(
        check=_check_country,
        schema={
            "type": "string",
            "pattern": "^[A-Z]{2}$",
            "description": "ISO 3166-1 alpha-2 code",
        },
    ),
]
Region = Annotated[
    str,
    Rule(check=_check_region, schema={"type": "string", "pattern": "^(?:[A-Z]{2}|EU|EEA)$"}),
]
Identifier = Annotated[str, Rule(pattern=ID_PATTERN, min_length=1, max_length=64)]
Language = Annotated[str, Rule(pattern=LANGUAGE_RE.pattern)]

Text = str | dict[Language, str]
"""A string used in every language, or a map from language code to string."""

LegalBasis = Literal["a", "b", "c", "d", "e", "f"]


# ---------------------------------------------------------------------------
# Organisation
# ---------------------------------------------------------------------------


@model
class Address:
    street: Text | None = fact(default=None, description="Street and number.")
    postcode: str | None = fact(
        default=None, description="Postcode, as it is written in the country."
    )
    city: Text | None = fact(default=None, description="City or town.")
    country: Country | None = fact(default=None, description="Country of the address.")


@model
class Contact:
    """A named person or function with contact details (DPO, representative)."""

    name: Text | None = fact(default=None, description="Name of the person or function.")
    email: str | None = fact(default=None, description="Email address.")
    phone: str | None = fact(default=None, description="Telephone number.")
    address: Address | None = fact(default=None, description="Postal address.")


@model
class Organisation:
    name: str = fact(
        min_length=1, description="Legal name; rendered everywhere from this one field."
    )
    trading_name: str | None = fact(
        default=None,
        description="The name people know the organisation by, when it differs from `name`.",
    )
    legal_form: Text | None = fact(
        default=None, description="Legal form, such as `{en: limited company, sv: aktiebolag}`."
    )
    org_number: str | None = fact(
        default=None,
        description="Company registration number. It is labelled by the register of the "
        "country of `address` (`org.nr`, `CVR-nr.`, `HR`, …) in every language.",
    )
    register_: Text | None = fact(
        default=None,
        key="register",
        description="The register that holds `org_number`, where the country's own register "
        "is not the one (such as `Handelsregister B`).",
    )
    register_court: Text | None = fact(
        default=None,
        description="The register court, where the register is kept by a court (`Amtsgericht "
        "München`).",
    )
    vat_number: str | None = fact(default=None, description="VAT number.")
    address: Address | None = fact(default=None, description="Postal address of the organisation.")
    email: str | None = fact(default=None, description="General contact address.")
    privacy_email: str | None = fact(
        default=None, description="Where data-protection requests go; defaults to `email`."
    )
    phone: str | None = fact(default=None, description="Telephone number.")
    website: str | None = fact(default=None, description="Address of the organisation's website.")
    dpo: Contact | None = fact(default=None, description="Data protection officer (Art. 37).")
    representative: Contact | None = fact(
        default=None, description="Representative in the Union (Art. 27)."
    )


@model
class Authority:
    name: Text = fact(description="Name of the supervisory authority.")
    url: str | None = fact(default=None, description="Its website.")
    address: Text | None = fact(default=None, description="Its postal address.")


@model
class Children:
    min_age: int | None = fact(
        default=None,
        ge=0,
        le=21,
        description="The services are not directed at children under this age.",
    )
    aimed_at_children: bool = fact(
        default=False, description="The services as a whole are aimed at children."
    )
    parental_consent: Text | None = fact(
        default=None,
        description="How consent is given or authorised by a parent for a child below the "
        "age of digital consent of the organisation's country, and how that is verified "
        "(Art. 8(1)-(2)).",
    )


# ---------------------------------------------------------------------------
# Processing
# ---------------------------------------------------------------------------


@model
class DataCategory:
    id: Identifier = fact(
        description="A built-in data category, or an id of your own with a `label`."
    )
    label: Text | None = fact(default=None, description="Required unless `id` is built in.")
    special: Literal["art9", "art10"] | None = fact(
        default=None,
        description="Marks a category of your own as a special category (`art9`, Art. 9(1)) "
        "or as data on criminal convictions and offences (`art10`); built-in ids such as "
        "`health` are marked already.",
    )


@model
class Source:
    id: Identifier = fact(description="A built-in source, or an id of your own with a `label`.")
    label: Text | None = fact(
        default=None,
        description="Required unless `id` is built in; for a built-in id, it replaces the "
        "built-in wording where that does not fit.",
    )
    publicly_accessible: bool = fact(
        default=False, description="Whether the source is publicly accessible (Art. 14(2)(f))."
    )


RetentionFrom = Text


@model
class Retention:
    period: Duration | None = fact(default=None, description="How long the data is kept.")
    from_: RetentionFrom | None = fact(
        default=None,
        key="from",
        description="When the period starts: a built-in event or a Text of your own.",
    )
    criteria: Text | None = fact(
        default=None,
        description="How the period is decided, when it is not a fixed one (Art. 13(2)(a)).",
    )


Channel = Literal["email", "sms", "phone", "post", "online", "in_person"]


@model
class ExistingCustomers:
    """The conditions of ePrivacy Art. 13(2) for e-mail or SMS marketing without consent."""

    own_similar_products: bool = fact(
        default=False,
        description="Only our own similar products or services are marketed, to customers "
        "whose contact details we obtained in the context of a sale.",
    )
    opt_out_at_collection: bool = fact(
        default=False,
        description="The customer could object, free of charge and easily, when the details "
        "were collected.",
    )
    opt_out_in_every_message: bool = fact(
        default=False, description="Every message offers the same easy, free way to object."
    )


@model
class DirectMarketing:
    channels: list[Channel] = fact(min_length=1, description="How the marketing reaches people.")
    existing_customers: ExistingCustomers | None = fact(
        default=None,
        description="For e-mail or SMS without consent: the existing-customer conditions "
        "(ePrivacy Art. 13(2)), all three `true`.",
    )
    objection: Text | None = fact(
        default=None,
        description="How a person objects to the marketing (required with basis `f`; "
        "Art. 21(2)-(4)).",
    )


Art9Condition = Literal["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]


@model
class Purpose:
    id: Identifier = fact(description="Unique among the purposes.")
    description: Text = fact(description="What the personal data is processed for.")
    data: list[Identifier] = fact(
        default_factory=list, description="The data categories processed for this purpose."
    )
    sources: list[Identifier] = fact(
        default_factory=list,
        description="Source ids the data comes from, when not all from the person (Art. 14).",
    )
    legal_basis: LegalBasis = fact(description="Art. 6(1) point: a … f.")
    legitimate_interest: Text | None = fact(
        default=None, description="Required with basis `f`: the interest pursued (Art. 13(1)(d))."
    )
    legal_obligation: Text | None = fact(
        default=None, description="With basis `c`: the law that requires the processing."
    )
    withdraw: Text | None = fact(
        default=None, description="Required with basis `a`: how a person withdraws consent."
    )
    provision: Literal["statutory", "contractual", "required_for_contract", "voluntary"] | None = (
        fact(
            default=None,
            description="Whether the law or a contract requires the data (Art. 13(2)(e)).",
        )
    )
    consequence: Text | None = fact(
        default=None, description="What happens if the person does not provide the data."
    )
    retention: Identifier | Retention | None = fact(
        default=None,
        description="A key of the top-level `retention` map, or a retention written here.",
    )
    special_category_condition: Art9Condition | None = fact(
        default=None,
        description="Required when `data` holds a special category (`health`, `biometric`, "
        "…): the point of Art. 9(2) that allows the processing.",
    )
    special_category_law: Text | None = fact(
        default=None,
        description="With Art. 9(2) point b, g, h, i or j: the Union or national law it rests on.",
    )
    criminal_offence_basis: Text | None = fact(
        default=None,
        description="Required when `data` holds `criminal_offences`: the official authority "
        "or the law that authorises the processing (Art. 10).",
    )
    direct_marketing: Literal[False] | DirectMarketing | None = fact(
        default=None,
        description="Marks the purpose as direct marketing, with its channels; `false` says "
        "a purpose that speaks of marketing is not direct marketing.",
    )
    aimed_at_children: bool = fact(
        default=False, description="The purpose concerns children (Art. 8, recital 38)."
    )


@model
class Transfer:
    country: Country = fact(description="The country outside the EU/EEA the data goes to.")
    mechanism: Literal["adequacy", "scc", "bcr", "derogation"] = fact(
        description="The safeguard or ground of the transfer (Art. 45-49)."
    )
    instrument: Text | None = fact(
        default=None,
        description="The instrument itself, such as the adequacy decision or the clauses used.",
    )
    copy_: Text | None = fact(
        default=None, key="copy", description="How to get a copy of the safeguards."
    )


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


@model
class Recipient:
    id: Identifier = fact(
        description="Unique among the recipients; cookies name it as their `provider`."
    )
    name: str | None = fact(
        default=None, description="Name of the recipient, to name it rather than only its category."
    )
    category: RecipientCategory | dict[Language, str] | str = fact(
        description="A built-in recipient category, or a Text of your own."
    )
    role: Literal["processor", "controller", "joint_controller", "authority"] = fact(
        default="processor", description="What the recipient is in relation to you."
    )
    country: Country | None = fact(default=None, description="Where the recipient is established.")
    condition: Text | None = fact(
        default=None, description="When or why data goes to this recipient."
    )
    transfers: list[Transfer] = fact(
        default_factory=list,
        description="Transfers to countries outside the EU/EEA, each with its safeguard.",
    )
    arrangement: Text | None = fact(
        default=None,
        description="With `role: joint_controller`: the essence of the arrangement, who does "
        "what, and where a person exercises the rights (Art. 26(2)).",
    )


@model
class AutomatedDecision:
    description: Text = fact(description="The decision made by automated means (Art. 22).")
    logic: Text = fact(description="The logic involved.")
    consequences: Text = fact(description="Its significance and consequences for the person.")
    exception: Literal["contract", "law", "explicit_consent"] | None = fact(
        default=None,
        description="Required: the exception of Art. 22(2) that allows the decision: "
        "necessary for a `contract`, authorised by `law`, or based on `explicit_consent`.",
    )
    law: Text | None = fact(
        default=None, description="With `exception: law`: the law that authorises it."
    )


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


@model
class Rights:
    exclude: list[RightId] = fact(
        default_factory=list,
        description="Rights to leave out of the list, where they do not apply.",
    )
    how: Text | None = fact(default=None, description="How a person exercises the rights.")
    response_time: Duration = fact(
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


@model
class Security:
    measures: list[SecurityMeasure] = fact(
        default_factory=list, description="Built-in security measures, each described on the page."
    )
    text: Text | None = fact(default=None, description="Anything more to say about security.")


@model
class Storage:
    regions: list[Region] = fact(default_factory=list, description="Where personal data is stored.")


# ---------------------------------------------------------------------------
# Cookies and terms
# ---------------------------------------------------------------------------

CookieCategory = Literal["necessary", "preferences", "statistics", "marketing"]


@model
class Cookie:
    name: str = fact(
        min_length=1, description="The name of the cookie or storage key, as the browser shows it."
    )
    provider: str = fact(default="first_party", description="`first_party` or a recipient id.")
    purpose: Text = fact(description="What it is for.")
    category: CookieCategory = fact(
        description="`necessary` needs no consent; the other categories do."
    )
    duration: Literal["session"] | Duration = fact(
        description="How long it is kept: `session`, or a duration."
    )
    type: Literal["http_cookie", "local_storage", "session_storage", "pixel"] = fact(
        default="http_cookie", description="The technology."
    )
    party: Literal["first_party", "third_party"] | None = fact(
        default=None,
        description="Whose domain sets the cookie: the website's own (`first_party`), or "
        "another (`third_party`). Default: as the well-known tools set it (`_ga` is "
        "first-party), else third-party where `provider` is a recipient.",
    )


@model
class Cookies:
    last_reviewed: IsoDate | None = fact(
        default=None, description="When the list was last checked against the website."
    )
    items: list[Cookie] = fact(
        default_factory=list, description="Every cookie and similar technology the website uses."
    )


@model
class Termination:
    notice: Duration | None = fact(default=None, description="Notice period.")
    deadline: Literal["before_next_billing_period", "any_time"] | None = fact(
        default=None, description="By when notice must be given."
    )
    channel: Text | None = fact(
        default=None,
        description="How to give notice, as a phrase that completes “The customer gives notice "
        "of termination …”, such as `by email to info@…`. For consumers it may ask no "
        "stricter form than text form.",
    )
    mid_period: Literal["full_period_charged", "cancellation_fee", "pro_rata"] | None = fact(
        default=None, description="What a termination during a billing period costs."
    )
    cancellation_fee: Text | None = fact(
        default=None, description="The cancellation fee, in words."
    )


@model
class TermsChanges:
    notice: Duration | None = fact(
        default=None, description="How long before they apply changes are announced."
    )
    channel: Text | None = fact(
        default=None,
        description="How changes are announced, as a phrase that completes “We notify the "
        "customer of changes …”, such as `by email`.",
    )
    reasons: Text | None = fact(
        default=None,
        description="For consumers: the valid reasons that allow a change, as a phrase that "
        "completes “We change these terms only …”. Without it the terms name changes in the "
        "law or case law, orders of an authority and changes needed for security.",
    )


Supply = Literal["goods", "services", "digital_content"]
WithdrawalException = Literal["custom_made", "perishable", "sealed_hygiene", "sealed_media"]


@model
class Terms:
    service: Text | None = fact(
        default=None,
        description="What the contract supplies, as a noun phrase (“booking sales meetings”).",
    )
    supplies: list[Supply] = fact(
        default_factory=list,
        description="What the contract supplies: `goods`, `services`, `digital_content`, or "
        "a mix. It decides, for consumers, when the withdrawal period starts (goods: on "
        "receipt), who bears return costs, and which exceptions apply. Default: services.",
    )
    withdrawal_exceptions: list[WithdrawalException] = fact(
        default_factory=list,
        description="Goods for which the right of withdrawal does not exist (Directive "
        "2011/83/EU Art. 16): `custom_made` (c), `perishable` (d), `sealed_hygiene` (e), "
        "`sealed_media` (i). Named in the withdrawal section when the contract supplies goods.",
    )
    return_costs: Literal["customer", "us"] = fact(
        default="customer",
        description="Who bears the direct cost of returning goods after a withdrawal "
        "(Directive 2011/83/EU Art. 14(1)).",
    )
    cancellation_button: bool | None = fact(
        default=None,
        description="Whether the website has the cancellation button that § 312k BGB requires "
        "for consumer subscriptions concluded online under German law.",
    )
    dispute_resolution: Literal["willing", "obliged", "not_willing"] | None = fact(
        default=None,
        description="Whether you take part in dispute resolution before the consumer "
        "dispute body of your country (ADR Directive Art. 13; in Germany § 36 VSBG).",
    )
    binding_period: Duration | None = fact(
        default=None, description="The minimum term of the contract."
    )
    billing_period: Duration | None = fact(
        default=None, description="How often the service is billed."
    )
    renewal: Literal["automatic", "none"] | None = fact(
        default=None, description="Whether the contract renews itself at the end of a period."
    )
    termination: Termination | None = fact(default=None, description="How the contract ends.")
    refunds: Literal["none_if_delivered_as_agreed", "pro_rata"] | Text | None = fact(
        default=None,
        description="A built-in refund rule, or a Text; consumer terms cannot exclude refunds.",
    )
    access_after_termination: Literal["until_end_of_billing_period", "immediate_end"] | None = fact(
        default=None,
        description="Whether the service stays available until the end of the billing period.",
    )
    changes: TermsChanges | None = fact(
        default=None, description="How changes to the terms are announced."
    )
    acceptance: Literal["by_ordering", "by_signing"] | Text | None = fact(
        default=None, description="How the contract is entered into."
    )
    dpa: bool | None = fact(
        default=None, description="Whether a data processing agreement is part of the contract."
    )
    liability: Text | None = fact(default=None, description="Limits of liability.")
    governing_law: Country | None = fact(
        default=None,
        description="The country whose law governs the contract. In consumer terms it also "
        "decides what is cited: Rome I and Regulation (EU) No 1215/2012 in the EU, the Lugano "
        "Convention in Norway, Iceland and Switzerland, neither elsewhere; and the national "
        "act of the right of withdrawal for SE, DE, DK, NO and FI. Without it, the country of "
        "the organisation's address decides.",
    )
    venue: Text | None = fact(default=None, description="Where disputes are settled.")


# ---------------------------------------------------------------------------
# Custom content and versions
# ---------------------------------------------------------------------------

DocumentId = Literal["privacy", "cookies", "terms"]


@model
class Section:
    id: Identifier = fact(description="Id of the section: its anchor on the page.")
    document: DocumentId = fact(description="The document the section belongs to.")
    title: Text = fact(description="Its heading.")
    body: Text = fact(description="Markdown; raw HTML is shown as text.")
    after: Identifier | None = fact(
        default=None, description="Id of the section to place it after."
    )
    replace: Identifier | None = fact(
        default=None, description="Id of a built-in section it replaces."
    )


@model
class Version:
    effective: IsoDate = fact(
        description="First day the version applies, from 00:00 in the plugin's time zone."
    )
    version: str | None = fact(default=None, description="Label; defaults to the date.")
    published: IsoDate | None = fact(
        default=None,
        description="When it was announced; at least 30 days before `effective` if `material`.",
    )
    documents: list[DocumentId] | None = fact(
        default=None, description="Documents this version changes; default all."
    )
    material: bool = fact(
        default=False, description="A change readers must be told about before it applies."
    )
    summary: Text | None = fact(
        default=None, description="What changed; shown in the changelog and above the redline."
    )

    @property
    def label(self) -> str:
        return self.version or self.effective.isoformat()


@model
class LegalData:
    """The whole data file."""

    schema_: Literal[1] = fact(key="schema", description="Schema version; always 1.")
    extends: str | None = fact(
        default=None,
        description="Path of a base data file (relative to this one) whose facts this file "
        "builds on; see the merge rules in the docs.",
    )
    organisation: Organisation = fact(description="The organisation responsible: the controller.")
    supervisory_authority: str | Authority | None = fact(
        default=None, description="A built-in key (`SE`, `DE-BY`, …) or `{name, url, address}`."
    )
    audience: Literal["b2b", "b2c", "both"] = fact(
        default="b2b",
        description="Who the customers are; `b2c` and `both` add consumer clauses to the terms.",
    )
    children: Children | None = fact(
        default=None, description="Say that the services are not for children."
    )
    data_categories: list[DataCategory] = fact(
        default_factory=list, description="The personal data processed."
    )
    sources: list[Source] = fact(
        default_factory=list, description="Where personal data comes from."
    )
    purposes: list[Purpose] = fact(
        default_factory=list,
        description="What personal data is processed for, each with its legal basis.",
    )
    retention: dict[Identifier, Retention] = fact(
        default_factory=dict, description="Named retention rules that purposes refer to."
    )
    recipients: list[Recipient] = fact(
        default_factory=list, description="Who receives personal data."
    )
    automated_decisions: Literal["none"] | list[AutomatedDecision] | None = fact(
        default=None, description="`none`, or each decision made by automated means (Art. 22)."
    )
    rights: Rights = fact(
        default_factory=Rights,
        description="The data subject's rights: derived from the legal bases, with these details.",
    )
    security: Security | None = fact(default=None, description="How personal data is protected.")
    storage: Storage | None = fact(default=None, description="Where personal data is stored.")
    cookies: Cookies | None = fact(
        default=None,
        description="Cookies and similar technologies; their presence adds the cookie policy.",
    )
    terms: Terms | None = fact(
        default=None, description="Contract terms; their presence adds the terms."
    )
    intro: dict[DocumentId, Text] = fact(
        default_factory=dict, description="An opening paragraph (Markdown) for each document."
    )
    sections: list[Section] = fact(
        default_factory=list, description="Sections of your own, added to a document."
    )
    versions: list[Version] = fact(
        min_length=1, description="The changelog of the texts, one entry per version."
    )
