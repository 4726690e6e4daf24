"""Who receives personal data and where it goes: the privacy policy's `recipients` and
`transfers` sections (GDPR Art. 13(1)(e)-(f), 26(2), 45-49)."""

from __future__ import annotations

from .. import law
from ..markdown import Md, bullet_list, escape
from ..model import Transfer
from ..vocabulary import MECHANISMS, RECIPIENT_CATEGORIES, ROLES
from .base import Context, paragraphs
from .common import EEA


def category_text(ctx: Context, category: str | dict[str, str]) -> str:
    """A recipient category: a built-in id's translated label, or the data file's text."""
    if isinstance(category, str) and category in RECIPIENT_CATEGORIES:
        return ctx.lang._(RECIPIENT_CATEGORIES[category])
    return ctx.plain(category)


def recipient_label(ctx: Context, recipient_id: str) -> str:
    for r in ctx.data.recipients:
        if r.id == recipient_id:
            return r.name or category_text(ctx, r.category)
    return recipient_id


def recipients(ctx: Context) -> Md | None:
    if not ctx.data.recipients:
        return None
    rows = []
    for r in ctx.data.recipients:
        category = category_text(ctx, r.category)
        head = (
            ctx._("{name} – {category}", name=r.name, category=category)
            if r.name and r.name.rstrip().endswith(")")  # no "(Intuit Inc.) (…)"
            else ctx._("{name} ({category})", name=r.name, category=category)
            if r.name
            else escape(category[:1].upper() + category[1:])
        )
        details = [ctx.lang._(ROLES[r.role])]
        if r.country:
            details.append(ctx.lang.country(r.country))
        line = ctx._("{recipient}: {details}", recipient=head, details=", ".join(details))
        if r.condition is not None:
            line = Md(f"{line}. {ctx.text(r.condition)}")
        if r.role == "joint_controller" and r.arrangement is not None:
            essence = ctx._(
                "The essence of our arrangement (Article 26(2) GDPR): {arrangement}",
                arrangement=ctx.plain(r.arrangement),
            )
            line = Md(f"{line}. {essence}")
        rows.append(line)
    return paragraphs(
        ctx._("We share personal data with these recipients or categories of recipients:"),
        bullet_list(rows),
    )


def transfers(ctx: Context) -> Md | None:
    rows = []
    for r in ctx.data.recipients:
        for t in r.transfers:
            line = ctx._(
                "{recipient}, {country}: {mechanism}",
                recipient=recipient_label(ctx, r.id),
                country=ctx.lang.country(t.country),
                mechanism=ctx.lang._(MECHANISMS[t.mechanism]),
            )
            rows.append(Md("; ".join([line, *transfer_details(ctx, t)]) + "."))
    regions = ctx.data.storage.regions if ctx.data.storage else []
    where = ctx.lang.list([ctx.lang.country(r, in_sentence=True) for r in regions])
    if rows:
        return paragraphs(
            ctx._("We store personal data in {regions}.", regions=where) if regions else None,
            ctx._(
                "Some recipients are in countries outside the EU/EEA (third countries). "
                "Each transfer rests on the following safeguard or ground:"
            ),
            bullet_list(rows),
        )
    if regions and all(r in {"EU", "EEA"} or r in EEA for r in regions):
        return ctx._(
            "We store personal data in {regions} and do not transfer it to countries "
            "outside the EU/EEA.",
            regions=where,
        )
    if regions:
        return ctx._("We store personal data in {regions}.", regions=where)
    return None


def transfer_details(ctx: Context, t: Transfer) -> list[Md]:
    """The instrument of a transfer and how to get a copy: clauses of one sentence.

    An adequacy decision for the United States covers only recipients certified under the
    EU-US Data Privacy Framework (law/gdpr.yml `adequacy_us`); the clause says so.
    """
    details: list[Md] = []
    instrument = ctx.plain(t.instrument).strip().rstrip(".") if t.instrument is not None else ""
    us = law.topic("gdpr")["adequacy_us"]
    if t.mechanism == "adequacy" and t.country == us["country"]:
        details.append(
            ctx._(
                "{framework}, which covers only recipients certified under it",
                framework=instrument or us["instrument"],
            )
        )
    elif instrument:
        details.append(escape(instrument))
    if t.copy_ is not None:
        details.append(
            ctx._(
                "you can get a copy of the safeguards: {how}",
                how=ctx.plain(t.copy_).strip().rstrip("."),
            )
        )
    return details
