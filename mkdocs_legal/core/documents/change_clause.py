"""How the terms change: for consumers only for valid reasons, with notice and the right to
terminate before a change takes effect."""

from __future__ import annotations

from ..language import N_
from ..markdown import Md
from .base import Context, paragraphs
from .consumer import consumers, for_consumers, terms_of
from .phrases import phrase, sentences


def changes(ctx: Context) -> Md | None:
    """How the terms change; for consumers only for valid reasons, with notice and the right
    to terminate before the change (Directive 93/13/EEC Annex 1(j)-(k); §§ 307, 308 Nr. 4 BGB)."""
    c = terms_of(ctx).changes
    if c is None:
        return None
    if not consumers(ctx):
        may = ctx._("We may change these terms.")
    elif c.reasons is not None:
        may = ctx._(
            "We change these terms only {reasons}, and only as far as the change is "
            "reasonable for the customer.",
            reasons=phrase(ctx, ctx.plain(c.reasons)),
        )
    else:
        may = ctx._(
            "We change these terms only where a change in the law or in case law, an order of "
            "an authority or the security of the service requires it, and only as far as the "
            "change is reasonable for the customer."
        )
    period = ctx.lang.duration(c.notice) if c.notice else None
    channel = phrase(ctx, ctx.plain(c.channel)) if c.channel is not None else None
    if period and channel:
        notify = ctx._(
            "We notify the customer of a change {channel} at least {notice} before it takes "
            "effect.",
            channel=channel,
            notice=period,
        )
    elif period:
        notify = ctx._(
            "We notify the customer of a change at least {notice} before it takes effect.",
            notice=period,
        )
    elif channel:
        notify = ctx._(
            "We notify the customer of a change {channel} before it takes effect.",
            channel=channel,
        )
    else:
        notify = ctx._("We notify the customer of a change before it takes effect.")
    refuse = for_consumers(
        ctx,
        N_(
            "If the customer does not accept a change, the customer may terminate the agreement "
            "free of charge before the change takes effect; the notice of the change says so."
        ),
        N_(
            "A customer who is a consumer and does not accept a change may terminate the "
            "agreement free of charge before the change takes effect; the notice of the change "
            "says so."
        ),
    )
    history = ctx.link_to("changelog", ctx.lang._("version history"))
    return paragraphs(
        sentences(may, notify, refuse),
        ctx._("The {history} lists every version and what changed.", history=history)
        if history
        else None,
    )
