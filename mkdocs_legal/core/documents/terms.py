"""The terms: contract clauses between the organisation and its business or consumer customers."""

from __future__ import annotations

from ..language import N_
from ..markdown import Md, email_link, link
from ..model import LegalData, Terms
from ..vocabulary import TERMS_ACCEPTANCE, TERMS_MID_PERIOD, TERMS_REFUNDS
from .base import Context, Document, SectionBuilder, build, paragraphs
from .common import EU, contact_block, identity

WITHDRAWAL_PERIOD = "P14D"
"""The consumer's right of withdrawal from a distance contract (Directive 2011/83/EU, Art. 9)."""

NATIONAL_WITHDRAWAL: dict[str, str] = {
    "SE": N_(
        "In Sweden, the right of withdrawal follows from chapter 2 of the Act on Distance "
        "Contracts and Off-Premises Contracts (2005:59)."
    ),
    "DE": N_(
        "In Germany, the right of withdrawal follows from sections 312g and 355 of the German "
        "Civil Code (Bürgerliches Gesetzbuch, BGB)."
    ),
    "DK": N_(
        "In Denmark, the right of withdrawal follows from the Danish Consumer Contracts Act "
        "(forbrugeraftaleloven)."
    ),
    "NO": N_(
        "In Norway, the right of withdrawal follows from the Norwegian Right of Withdrawal Act "
        "(angrerettloven)."
    ),
    "FI": N_(
        "In Finland, the right of withdrawal follows from chapter 6 of the Finnish Consumer "
        "Protection Act (kuluttajansuojalaki, 38/1978)."
    ),
}
"""Where a country's own law implements the right of withdrawal, by governing-law country."""


LUGANO = {"NO", "IS", "CH"}
"""Bound by the Lugano Convention of 2007 but not by Brussels Ia or Rome I."""


def law_country(data: LegalData) -> str | None:
    """The country whose consumer law the terms cite: the governing law, else the seat."""
    country = data.terms.governing_law if data.terms else None
    if country is None and data.organisation.address:
        country = data.organisation.address.country
    return country


def terms_of(ctx: Context) -> Terms:
    return ctx.data.terms or Terms()


def consumers(ctx: Context) -> bool:
    """Whether consumer clauses apply (`audience` is `b2c` or `both`)."""
    return ctx.data.audience != "b2b"


def sentence(text: str) -> str:
    """Plain text ending with a full stop, to close a clause that a template began."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def sentences(*parts: Md | None) -> Md:
    """Sentences of one paragraph, empty ones left out."""
    return Md(" ".join(p for p in parts if p))


def termination_link(ctx: Context) -> Md:
    """A link to the termination section, where the consumer's right of withdrawal is."""
    return link(ctx.lang._("Termination"), "#termination")


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
                "These terms apply to agreements on our services between {organisation} (“we”, "
                "“us”) and the consumer who orders them (“the customer”).",
                organisation=org,
            ),
            consumer,
        )
    return sentences(
        ctx._(
            "These terms apply to agreements on our services between {organisation} (“we”, "
            "“us”) and the business or consumer who orders them (“the customer”).",
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
        "Under the agreement, we provide the customer with the following service (“the "
        "service”): {service}",
        service=sentence(ctx.plain(value)),
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
            "A consumer’s right of withdrawal (see {termination}) is not affected by the "
            "binding period.",
            termination=termination_link(ctx),
        )
        if consumers(ctx)
        else None,
    )


def billing(ctx: Context) -> Md | None:
    period = terms_of(ctx).billing_period
    if period is None:
        return None
    return ctx._(
        "The fees for the service are charged per billing period of {period}.",
        period=ctx.lang.duration(period),
    )


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
            "When the binding period ends, the agreement is extended automatically by one "
            "billing period of {period} at a time, until it is terminated.",
            period=ctx.lang.duration(terms.billing_period),
        )
    if terms.billing_period:
        return ctx._(
            "The agreement is extended automatically by one billing period of {period} at a "
            "time, until it is terminated.",
            period=ctx.lang.duration(terms.billing_period),
        )
    if terms.binding_period:
        return ctx._(
            "When the binding period ends, the agreement is extended automatically by a further "
            "period of {period} at a time, until it is terminated.",
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
                "Notice of termination must reach us at least {notice} before the next billing "
                "period starts; otherwise the customer is also charged for the next billing "
                "period.",
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
            "Notice of termination is given as follows: {channel}",
            channel=sentence(ctx.plain(t.channel)),
        )
        if t.channel is not None
        else None
    )
    return sentences(who, when, how)


def mid_period(ctx: Context) -> Md | None:
    """What terminating during a billing period costs."""
    t = terms_of(ctx).termination
    if t is None:
        return None
    if t.cancellation_fee is not None and t.mid_period in (None, "cancellation_fee"):
        return ctx.text(t.cancellation_fee)
    return ctx._(TERMS_MID_PERIOD[t.mid_period]) if t.mid_period else None


def withdrawal(ctx: Context) -> Md | None:
    """The consumer's statutory right of withdrawal from a distance contract."""
    if not consumers(ctx):
        return None
    days = ctx.lang.duration(WITHDRAWAL_PERIOD)
    if ctx.data.audience == "b2c":
        right = ctx._(
            "**The customer has the right to withdraw from the agreement within {period}, "
            "without giving any reason** (right of withdrawal, Article 9 of Directive "
            "2011/83/EU on consumer rights).",
            period=days,
        )
    else:
        right = ctx._(
            "**A customer who is a consumer has the right to withdraw from the agreement within "
            "{period}, without giving any reason** (right of withdrawal, Article 9 of Directive "
            "2011/83/EU on consumer rights).",
            period=days,
        )
    national = NATIONAL_WITHDRAWAL.get(law_country(ctx.data) or "")
    email = ctx.data.organisation.email
    how = (
        ctx._(
            "To withdraw, the customer informs us of the decision in a clear statement, for "
            "example by email to {email}. It is enough to send the statement before the "
            "withdrawal period has ended.",
            email=email_link(email),
        )
        if email
        else ctx._(
            "To withdraw, the customer informs us of the decision in a clear statement. It is "
            "enough to send the statement before the withdrawal period has ended."
        )
    )
    return paragraphs(
        sentences(
            right,
            ctx._(national) if national else None,
            ctx._(
                "For services, the withdrawal period starts on the day the agreement is concluded."
            ),
        ),
        how,
        ctx._(
            "We then refund every payment received from the customer without undue delay, and "
            "at the latest within {period} of the day we are informed of the withdrawal. If the "
            "customer asked for the service to begin during the withdrawal period, the customer "
            "pays an amount in proportion to what has been provided until we were informed of "
            "the withdrawal (Article 14(3) of the Directive).",
            period=days,
        ),
        ctx._(
            "The right of withdrawal ends once the service has been fully performed, if "
            "performance began with the customer’s prior express consent and acknowledgement "
            "that the right is lost when the service has been fully performed (Article 16(a) of "
            "the Directive)."
        ),
    )


def termination(ctx: Context) -> Md | None:
    body = paragraphs(renewal(ctx), notice(ctx), mid_period(ctx), withdrawal(ctx))
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
            "agreement (see {termination}).",
            termination=termination_link(ctx),
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


def changes(ctx: Context) -> Md | None:
    c = terms_of(ctx).changes
    if c is None:
        return None
    announce = (
        ctx._(
            "We may change these terms. We notify the customer of changes at least {notice} "
            "before they take effect.",
            notice=ctx.lang.duration(c.notice),
        )
        if c.notice
        else ctx._(
            "We may change these terms. We notify the customer of changes before they take effect."
        )
    )
    channel = (
        ctx._("Changes are notified as follows: {channel}", channel=sentence(ctx.plain(c.channel)))
        if c.channel is not None
        else None
    )
    if ctx.data.audience == "b2c":
        refuse = ctx._(
            "If the customer does not accept a change, the customer may terminate the agreement "
            "before the change takes effect."
        )
    elif ctx.data.audience == "both":
        refuse = ctx._(
            "A customer who is a consumer and does not accept a change may terminate the "
            "agreement before the change takes effect."
        )
    else:
        refuse = None
    history = ctx.link_to("changelog", ctx.lang._("version history"))
    return paragraphs(
        sentences(announce, channel, refuse),
        ctx._("The {history} lists every version and what changed.", history=history)
        if history
        else None,
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
    if ctx.data.audience == "b2c":
        mandatory = ctx._(
            "Nothing in these terms limits the rights the customer has as a consumer under "
            "mandatory law."
        )
    elif ctx.data.audience == "both":
        mandatory = ctx._(
            "Nothing in these terms limits the rights a customer who is a consumer has under "
            "mandatory consumer protection law."
        )
    else:
        mandatory = None
    return paragraphs(clause, mandatory) or None


def governing_law(ctx: Context) -> Md | None:
    terms = terms_of(ctx)
    law: list[Md | None] = []
    if terms.governing_law:
        law.append(
            ctx._(
                "The agreement and these terms are governed by the law of {country}.",
                country=ctx.lang.country(terms.governing_law, in_sentence=True),
            )
        )
        if consumers(ctx) and terms.governing_law in EU:
            law.append(
                ctx._(
                    "For a customer who is a consumer, this choice of law does not take away the "
                    "protection of the mandatory provisions of the law of the country where the "
                    "consumer has their habitual residence (Article 6(2) of Regulation (EC) "
                    "No 593/2008, Rome I)."
                )
            )
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
    return paragraphs(sentences(*law), sentences(*disputes)) or None


def consumer_forum(ctx: Context) -> Md | None:
    """The consumer's own courts, under the instrument that applies where the terms are."""
    country = law_country(ctx.data)
    if country in LUGANO:
        return ctx._(
            "A customer who is a consumer may always bring proceedings in the courts of the "
            "place where the consumer is domiciled, as the mandatory rules on jurisdiction in "
            "consumer contracts allow (Article 16 of the Lugano Convention of 30 October 2007)."
        )
    if country in EU:
        return ctx._(
            "A customer who is a consumer may always bring proceedings in the courts of the "
            "place where the consumer is domiciled, as the mandatory rules on jurisdiction in "
            "consumer contracts allow (Article 18 of Regulation (EU) No 1215/2012)."
        )
    return None


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
    ("refunds", N_("Refunds"), refunds),
    ("access_after_termination", N_("Access after termination"), access_after_termination),
    ("changes", N_("Changes to these terms"), changes),
    ("data_processing", N_("Personal data"), data_processing),
    ("liability", N_("Liability"), liability),
    ("governing_law", N_("Governing law and disputes"), governing_law),
    ("acceptance", N_("Conclusion of the agreement"), acceptance),
    ("contact", N_("Contact"), contact),
]


def render(ctx: Context) -> Document:
    return build(ctx, "terms", ctx.lang._("Terms"), SECTIONS)
