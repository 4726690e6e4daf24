"""Building blocks that more than one document uses: who the organisation is, contact lines,
addresses and regions."""

from __future__ import annotations

from .. import law
from ..markdown import Md, bullet_list, email_link, escape, link, phone_link
from ..model import Address, Contact
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
    """The organisation's name, legal form and registration number."""
    org = ctx.data.organisation
    ident = [escape(org.name)]
    if org.legal_form is not None:
        ident.append(ctx.text(org.legal_form))
    if org.org_number:
        ident.append(ctx._("reg. no. {number}", number=org.org_number))
    return Md(", ".join(ident))
