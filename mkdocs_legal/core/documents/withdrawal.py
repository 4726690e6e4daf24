"""The consumer's right of withdrawal: the model instructions of Directive 2011/83/EU Annex I(A)
as the national acts word them, and the model withdrawal form of Annex I(B).

The instructions are in the second person, as the model is; each variable part appears only
where it applies to what the contract supplies (goods, services, digital content). The form is
the terms' last section (`withdrawal_form`), so every generator and every language has it.
"""

from __future__ import annotations

from ..language import N_
from ..markdown import Md, bullet_list, email_link, escape, link
from .base import Context, paragraphs
from .common import address_line
from .consumer import consumer_law, consumers, law_name, supplies

FORM_ANCHOR = "#withdrawal_form"


def trader(ctx: Context) -> Md:
    """Our name, postal address and email, as Annex I asks the trader to insert them."""
    org = ctx.data.organisation
    parts = [escape(org.name)]
    if org.address:
        parts.append(address_line(ctx, org.address))
    if org.email:
        parts.append(email_link(org.email))
    return Md(", ".join(parts))


def withdrawal(ctx: Context) -> Md | None:
    """The `withdrawal` section: the model instructions, with the parts that apply."""
    if not consumers(ctx):
        return None
    what = supplies(ctx.data)
    goods = "goods" in what
    act = consumer_law(ctx.data, "withdrawal_act")
    start = (
        ctx._(
            "The withdrawal period will expire after 14 days from the day on which you acquire, "
            "or a third party other than the carrier and indicated by you acquires, physical "
            "possession of the goods."
        )
        if goods
        else ctx._(
            "The withdrawal period will expire after 14 days from the day of the conclusion of "
            "the contract."
        )
    )
    right = " ".join(
        p
        for p in (
            # TRANSLATORS: the withdrawal messages are Directive 2011/83/EU Annex I(A) as your
            # national act words it: copy its wording (see docs/translating.md).
            ctx._(
                "You have the right to withdraw from this contract within 14 days without giving any reason."
            ),
            start,
            ctx._("The right of withdrawal follows from {act}.", act=law_name(ctx, act))
            if act
            else None,
        )
        if p
    )
    form = link(ctx.lang._("model withdrawal form"), FORM_ANCHOR)
    how = ctx._(
        "To exercise the right of withdrawal, you must inform us ({trader}) of your decision to "
        "withdraw from this contract by an unequivocal statement (for example, a letter sent by "
        "post or an email). You may use the {form} below, but it is not obligatory.",
        trader=trader(ctx),
        form=form,
    )
    deadline = ctx._(
        "To meet the withdrawal deadline, it is sufficient for you to send your communication "
        "concerning your exercise of the right of withdrawal before the withdrawal period has "
        "expired."
    )
    return paragraphs(
        ctx._("This section applies to customers who are consumers; in it, “you” is the customer.")
        if ctx.data.audience == "both"
        else ctx._("In this section, “you” is the customer."),
        Md(right),
        Md(f"{how} {deadline}"),
        ctx._("**Effects of withdrawal**"),
        effects(ctx, what),
        exceptions(ctx, what),
    )


def effects(ctx: Context, what: frozenset[str]) -> Md:
    """Refund, return of goods, their costs and value, and the price of services begun."""
    goods = "goods" in what
    refund = (
        ctx._(
            "If you withdraw from this contract, we shall reimburse to you all payments received "
            "from you, including the costs of delivery (with the exception of the supplementary "
            "costs resulting from your choice of a type of delivery other than the least "
            "expensive type of standard delivery offered by us), without undue delay and in any "
            "event not later than 14 days from the day on which we are informed about your "
            "decision to withdraw from this contract."
        )
        if goods
        else ctx._(
            "If you withdraw from this contract, we shall reimburse to you all payments received "
            "from you without undue delay and in any event not later than 14 days from the day "
            "on which we are informed about your decision to withdraw from this contract."
        )
    )
    means = ctx._(
        "We will carry out such reimbursement using the same means of payment as you used for "
        "the initial transaction, unless you have expressly agreed otherwise; in any event, you "
        "will not incur any fees as a result of such reimbursement."
    )
    parts: list[Md | None] = [Md(f"{refund} {means}")]
    if goods:
        costs = (
            ctx._("You will have to bear the direct cost of returning the goods.")
            if (ctx.data.terms is None or ctx.data.terms.return_costs == "customer")
            else ctx._("We will bear the cost of returning the goods.")
        )
        parts += [
            ctx._(
                "We may withhold reimbursement until we have received the goods back or you have "
                "supplied evidence of having sent back the goods, whichever is the earliest."
            ),
            Md(
                " ".join(
                    [
                        ctx._(
                            "You shall send back the goods or hand them over to us without undue "
                            "delay and in any event not later than 14 days from the day on which "
                            "you communicate your withdrawal from this contract to us. The "
                            "deadline is met if you send back the goods before the period of 14 "
                            "days has expired."
                        ),
                        costs,
                    ]
                )
            ),
            ctx._(
                "You are only liable for any diminished value of the goods resulting from the "
                "handling other than what is necessary to establish the nature, characteristics "
                "and functioning of the goods."
            ),
        ]
    if "services" in what:
        parts.append(
            ctx._(
                "If you requested to begin the performance of services during the withdrawal "
                "period, you shall pay us an amount which is in proportion to what has been "
                "provided until you have communicated to us your withdrawal from this contract, "
                "in comparison with the full coverage of the contract."
            )
        )
    return paragraphs(*parts)


GOODS_EXCEPTIONS = {
    "custom_made": N_(
        "The right of withdrawal does not apply to goods made to your specifications or clearly "
        "personalised (Article 16(c) of Directive 2011/83/EU)."
    ),
    "perishable": N_(
        "The right of withdrawal does not apply to goods which are liable to deteriorate or "
        "expire rapidly (Article 16(d) of Directive 2011/83/EU)."
    ),
    "sealed_hygiene": N_(
        "The right of withdrawal does not apply to sealed goods which are not suitable for "
        "return due to health protection or hygiene reasons, if they were unsealed after "
        "delivery (Article 16(e) of Directive 2011/83/EU)."
    ),
    "sealed_media": N_(
        "The right of withdrawal does not apply to sealed audio or video recordings or sealed "
        "computer software which were unsealed after delivery (Article 16(i) of Directive "
        "2011/83/EU)."
    ),
}
"""The Art. 16 exceptions for goods that the data file names (`terms.withdrawal_exceptions`)."""


def exceptions(ctx: Context, what: frozenset[str]) -> Md | None:
    """The Art. 16 exceptions that can apply to what the contract supplies, and only those."""
    parts: list[Md] = []
    if "goods" in what and ctx.data.terms:
        parts += [ctx._(GOODS_EXCEPTIONS[e]) for e in ctx.data.terms.withdrawal_exceptions]
    if "services" in what:
        parts.append(
            ctx._(
                "The right of withdrawal expires once the service has been fully performed, if "
                "performance began with your prior express consent and your acknowledgement "
                "that you lose the right of withdrawal once we have fully performed the contract "
                "(Article 16(a) of Directive 2011/83/EU)."
            )
        )
    if "digital_content" in what:
        parts.append(
            ctx._(
                "For digital content not supplied on a tangible medium, the right of withdrawal "
                "expires once its supply has begun with your prior express consent and your "
                "acknowledgement that you thereby lose the right of withdrawal, and we have "
                "confirmed this to you (Article 16(m) of Directive 2011/83/EU)."
            )
        )
    return paragraphs(*parts) or None


def withdrawal_form(ctx: Context) -> Md | None:
    """The `withdrawal_form` section: the model withdrawal form of Annex I(B)."""
    if not consumers(ctx):
        return None
    what = supplies(ctx.data)
    if "goods" in what and what & {"services", "digital_content"}:
        subject = ctx._(
            "I/We (\\*) hereby give notice that I/We (\\*) withdraw from my/our (\\*) contract "
            "of sale of the following goods (\\*)/for the provision of the following service "
            "(\\*):"
        )
    elif "goods" in what:
        subject = ctx._(
            "I/We (\\*) hereby give notice that I/We (\\*) withdraw from my/our (\\*) contract "
            "of sale of the following goods:"
        )
    else:
        subject = ctx._(
            "I/We (\\*) hereby give notice that I/We (\\*) withdraw from my/our (\\*) contract "
            "for the provision of the following service:"
        )
    rows = [
        ctx._("To {trader}:", trader=trader(ctx)),
        subject,
        ctx._("Ordered on (\\*)/received on (\\*):") if "goods" in what else ctx._("Ordered on:"),
        ctx._("Name of consumer(s):"),
        ctx._("Address of consumer(s):"),
        ctx._("Signature of consumer(s) (only if this form is notified on paper):"),
        ctx._("Date:"),
    ]
    footnote = ctx._("(\\*) Delete as appropriate.") if "(\\*)" in "".join(rows) else None
    return paragraphs(
        ctx._("Complete and return this form only if you wish to withdraw from the contract."),
        bullet_list(rows),
        footnote,
    )
