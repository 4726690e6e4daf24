"""Clauses of the privacy policy for processing with rules of its own: special categories
(Art. 9) and offences (Art. 10), direct marketing (Art. 21(2)-(4), ePrivacy Art. 13),
automated decisions (Art. 22) and children (Art. 8)."""

from __future__ import annotations

from .. import law
from ..lawfacts import consent_age, organisation_country, special_kinds
from ..markdown import Md, bullet_list
from ..model import AutomatedDecision, DirectMarketing, Purpose
from ..vocabulary import ART9_CONDITIONS, ART22_EXCEPTIONS, CHANNELS
from .base import Context, paragraphs
from .common import category_label


def special_rows(ctx: Context, purpose: Purpose) -> list[Md]:
    """What allows the processing of special-category and offence data for a purpose."""
    kinds = special_kinds(ctx.data)
    rows: list[Md] = []
    art9 = [category_label(ctx, c) for c in purpose.data if kinds.get(c) == "art9"]
    point = purpose.special_category_condition
    if art9 and point is not None:
        condition = ctx._(
            "{condition} (Article 9(2)({point}) GDPR)",
            condition=ctx.lang._(ART9_CONDITIONS[point]),
            point=point,
        )
        if purpose.special_category_law is not None:
            condition = ctx._(
                "{condition}, under {law}",
                condition=condition,
                law=ctx.plain(purpose.special_category_law),
            )
        rows.append(
            ctx._(
                "Special categories of personal data ({categories}): we process them on the "
                "ground of {condition}.",
                categories=ctx.lang.list(art9),
                condition=condition,
            )
        )
    art10 = [category_label(ctx, c) for c in purpose.data if kinds.get(c) == "art10"]
    if art10 and purpose.criminal_offence_basis is not None:
        rows.append(
            ctx._(
                "Personal data relating to criminal convictions and offences: we process it "
                "only as authorised by {basis} (Article 10 GDPR).",
                basis=ctx.plain(purpose.criminal_offence_basis),
            )
        )
    return rows


def marketing_rows(ctx: Context, purpose: Purpose) -> list[Md]:
    """The channels of a direct-marketing purpose, its existing-customer terms, how to object."""
    mark = purpose.direct_marketing
    if not isinstance(mark, DirectMarketing):
        return []
    rows = [
        ctx._(
            "Channels of direct marketing: {channels}.",
            channels=ctx.lang.list([ctx.lang._(CHANNELS[c]) for c in mark.channels]),
        )
    ]
    if mark.existing_customers is not None and purpose.legal_basis != "a":
        rows.append(
            # Translators: Directive 2002/58/EC Art. 13(2): "its own similar products or
            # services", objecting "free of charge and in an easy manner" at collection and on
            # each message. Cite the Directive as the catalog's other cookie messages do.
            ctx._(
                "We send it only to our customers, about our own similar products or services. "
                "You could object free of charge when we collected your contact details, and "
                "you can in every message (Article 13(2) of the ePrivacy Directive 2002/58/EC)."
            )
        )
    if mark.objection is not None:
        rows.append(ctx._("How to object at any time: {how}", how=ctx.plain(mark.objection)))
    return rows


def marketing_purposes(ctx: Context) -> list[Purpose]:
    return [p for p in ctx.data.purposes if isinstance(p.direct_marketing, DirectMarketing)]


def object_to_marketing(ctx: Context) -> list[Md | None]:
    """The right to object to direct marketing, shown on its own (Art. 21(2)-(4))."""
    purposes = marketing_purposes(ctx)
    if not purposes:
        return []
    hows = [
        ctx._("{purpose}: {how}", purpose=ctx.plain(p.description), how=ctx.plain(mark.objection))
        for p in purposes
        if isinstance(mark := p.direct_marketing, DirectMarketing) and mark.objection is not None
    ]
    return [
        ctx._("### Right to object to direct marketing"),
        # Translators: GDPR Art. 21(2)-(4) in the language's version of the Regulation:
        # "object at any time", "direct marketing", "profiling". The heading above follows the
        # heading of the right to object already in the catalog.
        ctx._(
            "**You may object at any time to our use of your personal data for direct "
            "marketing**, including profiling related to it. We will then no longer use it "
            "for that purpose. Objecting is free of charge (Article 21(2) and (3) GDPR)."
        ),
        bullet_list(hows) if hows else None,
    ]


def decision_rows(ctx: Context, decision: AutomatedDecision) -> list[Md]:
    """The Art. 22(2) exception of a decision, and the Art. 22(3) safeguards where they apply."""
    if decision.exception is None:
        return []
    law_text = ctx.plain(decision.law).rstrip(".") if decision.law is not None else ""
    rows = [ctx._(ART22_EXCEPTIONS[decision.exception], law=law_text)]
    if decision.exception in set(law.fact("gdpr", "art22_exceptions", "safeguards", ())):
        rows.append(
            # Translators: GDPR Art. 22(3): "the right to obtain human intervention on the part
            # of the controller, to express his or her point of view and to contest the decision".
            ctx._(
                "You have the right to obtain human intervention on our part, to express your "
                "point of view and to contest the decision (Article 22(3) GDPR)."
            )
        )
    return rows


def children(ctx: Context) -> Md | None:
    """Who the services are for, and how a parent consents for a child (Art. 8)."""
    info = ctx.data.children
    if info is None:
        return None
    aimed = info.aimed_at_children or any(p.aimed_at_children for p in ctx.data.purposes)
    blocks: list[Md | None] = []
    if aimed:
        blocks.append(
            ctx._(
                "Some of our services are aimed at children. We explain to them, in words they "
                "can understand, what we do with their personal data."
            )
        )
    elif info.min_age is not None:
        blocks.append(
            ctx._(
                "Our services are not directed at children under {age}, and we do not knowingly "
                "collect personal data from them. If you believe a child has given us personal "
                "data, contact us and we will erase it.",
                age=str(info.min_age),
            )
        )
    if info.parental_consent is not None:
        blocks.append(
            # Translators: GDPR Art. 8(1): consent "given or authorised by the holder of parental
            # responsibility over the child"; {age} is a number of years.
            ctx._(
                "Where we rely on consent, a child under {age} cannot give it alone: a parent or "
                "guardian gives or authorises it (Article 8 GDPR). {how}",
                age=str(consent_age(organisation_country(ctx.data))),
                how=ctx.text(info.parental_consent),
            )
        )
    return paragraphs(*blocks) or None
