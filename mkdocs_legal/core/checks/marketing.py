"""Direct marketing: the mark, the channels' consent rule and the right to object."""

from __future__ import annotations

from .. import law
from ..codes import FindingCode
from ..model import DirectMarketing, Purpose
from .base import Checker, find

RULES = [
    FindingCode(
        "LGL041",
        "error",
        "E-mail or SMS marketing without consent, and without the existing-customer conditions "
        "of ePrivacy Art. 13(2).",
        "Use legal basis `a` (consent), or state under `direct_marketing.existing_customers` "
        "that all three conditions are met.",
    ),
    FindingCode(
        "LGL042",
        "error",
        "Direct marketing on legitimate interests that does not say how to object.",
        "Say how a person objects in `direct_marketing.objection` (Art. 21(2)-(4)).",
    ),
    FindingCode(
        "LGL120",
        "warning",
        "A purpose that speaks of marketing, advertising or newsletters, or data that goes to "
        "a marketing provider, is not marked as direct marketing.",
        "Add `direct_marketing: {channels: [...]}` to the purpose, or `direct_marketing: false` "
        "if it is not direct marketing.",
    ),
]


def is_direct_marketing(purpose: Purpose) -> bool:
    return isinstance(purpose.direct_marketing, DirectMarketing)


def unmarked_marketing_recipient(lint: Checker) -> None:
    """Data goes to a marketing provider, yet no purpose is marked as direct marketing."""
    purposes = lint.data.purposes
    if any(p.direct_marketing is not None for p in purposes):
        return  # marked (or said not to be): the file has decided
    for i, r in enumerate(lint.data.recipients):
        if r.category == "marketing_providers":
            lint.add(
                "LGL120",
                f"`{r.id}` is a marketing provider, but no purpose is marked as direct "
                "marketing: mark the purpose whose data it receives with `direct_marketing: "
                "{channels: [...]}` (or `direct_marketing: false` if it is not marketing)",
                ("recipients", i, "category"),
            )
            return


def check(lint: Checker) -> None:
    unmarked_marketing_recipient(lint)
    consent_channels = set(law.fact("gdpr", "electronic_marketing", "consent_channels", ()))
    for i, p in enumerate(lint.data.purposes):
        mark = p.direct_marketing
        if mark is None:
            for key in ("description", "legitimate_interest"):
                found = find("marketing", getattr(p, key), lint.languages)
                if found:
                    tail, words = found
                    lint.add(
                        "LGL120",
                        f"purpose `{p.id}` speaks of {words!r}, so it is probably direct "
                        "marketing: mark it with `direct_marketing: {channels: [email, …]}` so "
                        "that the page shows the right to object to it (Art. 21(2)-(4)), or "
                        "set `direct_marketing: false`",
                        ("purposes", i, key, *tail),
                    )
                    break
            continue
        if not isinstance(mark, DirectMarketing):
            continue
        electronic = [c for c in mark.channels if c in consent_channels]
        conditions = mark.existing_customers
        met = conditions is not None and all(
            (
                conditions.own_similar_products,
                conditions.opt_out_at_collection,
                conditions.opt_out_in_every_message,
            )
        )
        if electronic and p.legal_basis != "a" and not met:
            lint.add(
                "LGL041",
                f"marketing by {' and '.join(electronic)} needs the person's prior consent "
                "(ePrivacy Directive Art. 13(1)): use `legal_basis: a`, or, for existing "
                "customers, state in `direct_marketing.existing_customers` that only your own "
                "similar products are marketed and that people could object at collection and "
                "can in every message (Art. 13(2))",
                ("purposes", i, "direct_marketing", "channels"),
            )
        if p.legal_basis in {"e", "f"} and mark.objection is None:
            lint.add(
                "LGL042",
                "direct marketing on legitimate interests must tell people how to object, at "
                "any time and free of charge (Art. 21(2)-(4)): say how in "
                "`direct_marketing.objection`",
                ("purposes", i, "direct_marketing"),
            )
