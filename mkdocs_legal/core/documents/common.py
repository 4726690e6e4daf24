"""Building blocks that more than one document uses: who the organisation is, contact lines,
addresses and regions."""

from __future__ import annotations

from .. import law
from ..markdown import Md, bullet_list, email_link, escape, link, phone_link
from ..model import Address, Contact, Text
from ..vocabulary import DATA_CATEGORIES
from .base import Context

EU = frozenset(law.fact("regions", "EU", "members"))
"""The Member States: where the GDPR, Rome I and Brussels Ia apply."""

EEA = EU | frozenset(law.fact("regions", "EEA_EFTA", "members"))
"""The EU and the EEA states outside it: not third countries under the GDPR."""


def contact_block(ctx: Context, *, privacy: bool) -> Md:
    """The organisation's contact lines; `privacy` prefers the privacy e-mail address."""
    org = ctx.data.organisation
    rows: list[str] = []
    if org.trading_name:
        rows.append(ctx._("Trading as: {name}", name=org.trading_name))
    if org.address:
        rows.append(ctx._("Address: {address}", address=address_line(ctx, org.address)))
    email = (org.privacy_email or org.email) if privacy else org.email
    if email:
        rows.append(ctx._("Email: {email}", email=email_link(email)))
    if org.phone:
        rows.append(ctx._("Telephone: {phone}", phone=phone_link(org.phone)))
    if org.website and not privacy:
        rows.append(ctx._("Website: {url}", url=link(org.website, org.website)))
    return bullet_list(rows) if rows else Md("")


def address_line(ctx: Context, address: Address) -> Md:
    parts: list[str] = []
    if address.street is not None:
        parts.append(ctx.plain(address.street))
    city = " ".join(
        p for p in (address.postcode or "", ctx.plain(address.city) if address.city else "") if p
    )
    if city:
        parts.append(city)
    if address.country:
        parts.append(ctx.lang.country(address.country))
    return escape(", ".join(parts))


def person_rows(ctx: Context, person: Contact) -> list[str]:
    """Contact lines for a DPO or representative: whatever of them the data gives."""
    rows: list[str] = []
    if person.name is not None:
        rows.append(ctx._("Name: {name}", name=ctx.plain(person.name)))
    if person.address:
        rows.append(ctx._("Address: {address}", address=address_line(ctx, person.address)))
    if person.email:
        rows.append(ctx._("Email: {email}", email=email_link(person.email)))
    if person.phone:
        rows.append(ctx._("Telephone: {phone}", phone=phone_link(person.phone)))
    return rows


def identity(ctx: Context) -> Md:
    """The organisation's name, legal form (once), registration number, register and court.

    The number is labelled by the register of the organisation's country (`law/registers.yml`),
    in every language alike: a Swedish number is an `org.nr` on the Danish page too.
    """
    org = ctx.data.organisation
    country = org.address.country if org.address and org.address.country else ""
    ident = [escape(org.name)]
    if org.legal_form is not None and not names_its_form(org.name, org.legal_form, country):
        ident.append(ctx.text(org.legal_form))
    if org.org_number:
        label = law.fact("registers", country, "label")
        ident.append(
            escape(f"{label} {org.org_number}")
            if label
            else ctx._("reg. no. {number}", number=org.org_number)
        )
    if org.register_ is not None:
        ident.append(ctx.text(org.register_))
    if org.register_court is not None:
        ident.append(ctx.text(org.register_court))
    return Md(", ".join(ident))


def names_its_form(name: str, legal_form: Text, country: str) -> bool:
    """Whether `name` ends with its legal form, written out or abbreviated (`… GmbH`, `… AB`)."""
    forms = list(legal_form.values()) if isinstance(legal_form, dict) else [legal_form]
    forms += law.fact("registers", country, "forms", [])
    folded = " " + " ".join(name.split()).casefold()
    return any(folded.endswith(" " + " ".join(f.split()).casefold()) for f in forms if f.strip())


def category_label(ctx: Context, category_id: str) -> str:
    """A data category: the file's own label, or the built-in id's translated label."""
    for item in ctx.data.data_categories:
        if item.id == category_id and item.label is not None:
            return ctx.plain(item.label)
    return ctx.lang._(DATA_CATEGORIES.get(category_id, category_id))
