"""The terms: contract clauses between the organisation and its business or consumer customers."""

from __future__ import annotations

from ..language import N_
from ..markdown import Md, link
from ..vocabulary import TERMS_ACCEPTANCE, TERMS_MID_PERIOD, TERMS_REFUNDS
from .base import Context, Document, SectionBuilder, build, paragraphs
from .change_clause import changes
from .common import contact_block, identity
from .consumer import (
    consumer_forum,
    consumers,
    dispute_body,
    for_consumers,
    guarantee,
    mandatory_protection,
    terms_of,
)
from .phrases import phrase, sentences
from .withdrawal import withdrawal, withdrawal_form

LAW_OF = {
    # TRANSLATORS: the governing law as it reads after "governed by" ("svensk lag",
    # "deutsches Recht", in Finnish the partitive "Ruotsin lakia").
    "SE": N_("Swedish law"),
    "DK": N_("Danish law"),
    "DE": N_("German law"),
    "NO": N_("Norwegian law"),
    "FI": N_("Finnish law"),
}
"""The governing law as each language names it ("deutsches Recht", "Ruotsin lakia"); other
countries read "the law of {country}"."""


def withdrawal_link(ctx: Context) -> Md:
    """A link to the consumer's right of withdrawal."""
    return link(ctx.lang._("Right of withdrawal"), "#withdrawal")


# --- sections -------------------------------------------------------------------------------


def parties(ctx: Context) -> Md:
    org = identity(ctx)
    if ctx.data.audience == "b2b":
        return ctx._(
            "These terms apply to agreements on our services between {organisation} (“we”, "
            "“us”) and the business that orders them (“the customer”).",
            organisation=org,
        )
    consumer = ctx._(
        "A consumer is a natural person acting for purposes outside their trade, business, "
        "craft or profession."
    )
    if ctx.data.audience == "b2c":
        return sentences(
            ctx._(
                "These terms apply to agreements between {organisation} (“we”, “us”) and the "
                "consumer who orders from us (“the customer”).",
                organisation=org,
            ),
            consumer,
        )
    return sentences(
        ctx._(
            "These terms apply to agreements between {organisation} (“we”, “us”) and the "
            "business or consumer who orders from us (“the customer”).",
            organisation=org,
        ),
        consumer,
        ctx._(
            "Where a clause applies only to consumers or only to business customers, it says "
            "so; all other clauses apply to every customer."
        ),
    )


def service(ctx: Context) -> Md | None:
    value = terms_of(ctx).service
    if value is None:
        return None
    return ctx._(
        "Under the agreement, we provide the customer with {service} (“the service”).",
        service=phrase(ctx, ctx.plain(value)),
    )


def binding_period(ctx: Context) -> Md | None:
    period = terms_of(ctx).binding_period
    if period is None:
        return None
    return sentences(
        ctx._(
            "The agreement has a binding period of {period}, counted from the day the agreement "
            "takes effect. The customer cannot terminate the agreement with effect before the "
            "binding period ends.",
            period=ctx.lang.duration(period),
        ),
        ctx._(
            "A consumer’s right of withdrawal (see {withdrawal}) is not affected by the "
            "binding period.",
            withdrawal=withdrawal_link(ctx),
        )
        if consumers(ctx)
        else None,
    )


def billing(ctx: Context) -> Md | None:
    period = terms_of(ctx).billing_period
    if period is None:
        return None
    named = BILLING_NAMED.get(period)
    if named:
        return ctx._(named)
    return ctx._(
        "The fees for the service are charged in advance for each billing period; a billing "
        "period lasts {period}.",
        period=ctx.lang.duration(period),
    )


BILLING_NAMED = {
    "P1M": N_("The fees for the service are charged monthly."),
    "P3M": N_("The fees for the service are charged quarterly."),
    "P1Y": N_("The fees for the service are charged annually."),
    "P12M": N_("The fees for the service are charged annually."),
}


def renewal(ctx: Context) -> Md | None:
    """How the agreement goes on after its first period, or that it does not."""
    terms = terms_of(ctx)
    if terms.renewal == "none":
        if terms.binding_period:
            return ctx._(
                "The agreement ends when the binding period ends; it is not extended automatically."
            )
        return ctx._("The agreement is not extended automatically.")
    if terms.renewal != "automatic":
        return None
    if terms.billing_period and terms.binding_period:
        return ctx._(
            "When the binding period ends, the agreement is extended automatically by {period} "
            "at a time, until it is terminated.",
            period=ctx.lang.duration(terms.billing_period),
        )
    if terms.billing_period:
        return ctx._(
            "The agreement is extended automatically by {period} at a time, until it is "
            "terminated.",
            period=ctx.lang.duration(terms.billing_period),
        )
    if terms.binding_period:
        return ctx._(
            "When the binding period ends, the agreement is extended automatically by {period} "
            "at a time, until it is terminated.",
            period=ctx.lang.duration(terms.binding_period),
        )
    return ctx._("The agreement continues until it is terminated.")


def notice(ctx: Context) -> Md | None:
    """Who may terminate, when, with what notice, and how."""
    terms = terms_of(ctx)
    t = terms.termination
    if t is None:
        return None
    any_time = t.deadline == "any_time"
    if terms.binding_period:
        who = (
            ctx._(
                "Once the binding period has ended, the customer may terminate the agreement at any time."
            )
            if any_time
            else ctx._(
                "Once the binding period has ended, the customer may terminate the agreement."
            )
        )
    else:
        who = (
            ctx._("The customer may terminate the agreement at any time.")
            if any_time
            else ctx._("The customer may terminate the agreement.")
        )
    period = ctx.lang.duration(t.notice) if t.notice else None
    when: Md | None
    if t.deadline == "before_next_billing_period":
        when = (
            ctx._(
                "The notice period is {notice} before the next billing period starts; notice "
                "that reaches us later takes effect at the end of the next billing period, "
                "which the customer is also charged for.",
                notice=period,
            )
            if period
            else ctx._(
                "Notice of termination must reach us before the next billing period starts; "
                "otherwise the customer is also charged for the next billing period."
            )
        )
    else:
        when = ctx._("The notice period is {notice}.", notice=period) if period else None
    how = (
        ctx._(
            "The customer gives notice of termination {channel}.",
            channel=phrase(ctx, ctx.plain(t.channel)),
        )
        if t.channel is not None
        else None
    )
    button = (
        ctx._(
            "A consumer can also terminate the agreement with the cancellation button on our "
            "website."
        )
        if consumers(ctx) and terms.cancellation_button
        else None
    )
    return sentences(who, when, how, button)


def mid_period(ctx: Context) -> Md | None:
    """What terminating during a billing period costs."""
    t = terms_of(ctx).termination
    if t is None:
        return None
    if t.cancellation_fee is not None and t.mid_period in (None, "cancellation_fee"):
        return ctx.text(t.cancellation_fee)
    return ctx._(TERMS_MID_PERIOD[t.mid_period]) if t.mid_period else None


def termination(ctx: Context) -> Md | None:
    body = paragraphs(renewal(ctx), notice(ctx), mid_period(ctx))
    return body or None


def refunds(ctx: Context) -> Md | None:
    value = terms_of(ctx).refunds
    if value is None:
        return None
    clause = (
        ctx._(TERMS_REFUNDS[value])
        if isinstance(value, str) and value in TERMS_REFUNDS
        else ctx.text(value)
    )
    if not consumers(ctx):
        return clause
    return paragraphs(
        clause,
        ctx._(
            "This does not limit the refund a consumer receives on withdrawing from the "
            "agreement (see {withdrawal}).",
            withdrawal=withdrawal_link(ctx),
        ),
    )


def access_after_termination(ctx: Context) -> Md | None:
    terms = terms_of(ctx)
    if terms.access_after_termination == "immediate_end":
        return ctx._(
            "The customer’s access to the service ends as soon as the termination takes effect."
        )
    if terms.access_after_termination != "until_end_of_billing_period":
        return None
    t = terms.termination
    if t is not None and t.mid_period == "cancellation_fee" and t.cancellation_fee is not None:
        return ctx._(
            "After termination, the customer keeps access to the service until the end of the "
            "current billing period, unless the service ends earlier under the cancellation fee "
            "rules above."
        )
    return ctx._(
        "After termination, the customer keeps access to the service until the end of the "
        "current billing period."
    )


def data_processing(ctx: Context) -> Md | None:
    dpa = terms_of(ctx).dpa
    if dpa is None:
        return None
    label = ctx.lang._("privacy policy")
    policy = ctx._(
        "Our {privacy_policy} describes how we process personal data for which we are the "
        "controller.",
        privacy_policy=ctx.link_to("privacy", label) or label,
    )
    if not dpa:
        return policy
    return paragraphs(
        ctx._(
            "Where we process personal data on the customer’s behalf to provide the service, we "
            "do so as the customer’s processor and only on the customer’s documented "
            "instructions. A data processing agreement under Article 28 GDPR, which governs "
            "that processing, forms part of the agreement."
        ),
        policy,
    )


def liability(ctx: Context) -> Md | None:
    value = terms_of(ctx).liability
    clause = ctx.text(value) if value is not None else None
    mandatory = for_consumers(
        ctx,
        N_(
            "Nothing in these terms limits the rights the customer has as a consumer under "
            "mandatory law."
        ),
        N_(
            "Nothing in these terms limits the rights a customer who is a consumer has under "
            "mandatory consumer protection law."
        ),
    )
    return paragraphs(clause, mandatory) or None


def governing_law(ctx: Context) -> Md | None:
    terms = terms_of(ctx)
    law: list[Md | None] = []
    if terms.governing_law:
        named = LAW_OF.get(terms.governing_law)
        law.append(
            ctx._(
                "The agreement and these terms are governed by {law}.",
                law=ctx.lang._(named)
                if named
                else ctx._(
                    "the law of {country}",
                    country=ctx.lang.country(terms.governing_law, in_sentence=True),
                ),
            )
        )
        law.append(mandatory_protection(ctx))
    disputes: list[Md | None] = []
    if terms.venue is not None:
        venue = ctx.plain(terms.venue)
        if ctx.data.audience == "both":
            disputes.append(
                ctx._(
                    "Disputes with a business customer arising from the agreement are settled "
                    "by {venue}.",
                    venue=venue,
                )
            )
        else:
            disputes.append(
                ctx._("Disputes arising from the agreement are settled by {venue}.", venue=venue)
            )
        if consumers(ctx):
            disputes.append(consumer_forum(ctx))
    return paragraphs(sentences(*law), sentences(*disputes), dispute_body(ctx)) or None


def acceptance(ctx: Context) -> Md | None:
    value = terms_of(ctx).acceptance
    if value is None:
        return None
    if isinstance(value, str) and value in TERMS_ACCEPTANCE:
        return ctx._(TERMS_ACCEPTANCE[value])
    return ctx.text(value)


def contact(ctx: Context) -> Md | None:
    block = contact_block(ctx, privacy=False)
    if not block:
        return None
    return paragraphs(
        ctx._("If you have questions about these terms or the service, contact us:"), block
    )


SECTIONS: list[tuple[str, str, SectionBuilder]] = [
    ("parties", N_("Parties"), parties),
    ("service", N_("The service"), service),
    ("binding_period", N_("Binding period"), binding_period),
    ("billing", N_("Billing"), billing),
    ("termination", N_("Termination"), termination),
    ("withdrawal", N_("Right of withdrawal"), withdrawal),
    ("refunds", N_("Refunds"), refunds),
    ("access_after_termination", N_("Access after termination"), access_after_termination),
    ("changes", N_("Changes to these terms"), changes),
    ("guarantee", N_("Legal guarantee"), guarantee),
    ("data_processing", N_("Personal data"), data_processing),
    ("liability", N_("Liability"), liability),
    ("governing_law", N_("Governing law and disputes"), governing_law),
    ("acceptance", N_("Conclusion of the agreement"), acceptance),
    ("contact", N_("Contact"), contact),
    ("withdrawal_form", N_("Model withdrawal form"), withdrawal_form),
]


def render(ctx: Context) -> Document:
    return build(ctx, "terms", ctx.lang._("Terms"), SECTIONS)
