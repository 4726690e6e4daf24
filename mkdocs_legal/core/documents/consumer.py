"""What consumer terms share: which country's consumer law applies, what the contract supplies,
and the clauses that exist only for consumers (legal guarantee, dispute body)."""

from __future__ import annotations

from typing import Any

from .. import law
from ..language import N_
from ..markdown import Md, link
from ..model import LegalData, Terms
from .base import Context, paragraphs
from .common import EU


def law_country(data: LegalData) -> str | None:
    """The country whose consumer law the terms cite: the governing law, else the seat."""
    country = data.terms.governing_law if data.terms else None
    if country is None and data.organisation.address:
        country = data.organisation.address.country
    return country


def consumer_law(data: LegalData, field: str, default: Any = None) -> Any:
    """One fact of `law/consumer.yml` for the country whose law governs the terms."""
    return law.fact("consumer", law_country(data) or "", field, default)


def terms_of(ctx: Context) -> Terms:
    return ctx.data.terms or Terms()


def consumers(ctx: Context) -> bool:
    """Whether consumer clauses apply (`audience` is `b2c` or `both`)."""
    return ctx.data.audience != "b2b"


def for_consumers(ctx: Context, b2c: str, both: str) -> Md | None:
    """The clause for consumer terms, or for terms that serve both (which says whom it
    concerns); nothing for business terms. The messages are marked where they are written."""
    if ctx.data.audience == "b2c":
        return ctx._(b2c)
    if ctx.data.audience == "both":
        return ctx._(both)
    return None


def supplies(data: LegalData) -> frozenset[str]:
    """What the contract supplies; services where the data does not say."""
    given = data.terms.supplies if data.terms else []
    return frozenset(given or ["services"])


def law_name(ctx: Context, names: dict[str, str]) -> str:
    """An act's or a body's name in the page's language, else as its own country cites it."""
    for code in (ctx.lang.code, ctx.lang.code.split("-")[0].split("_")[0]):
        if code in names:
            return names[code]
    national = [name for code, name in names.items() if code != "en"]
    return national[0] if national else names["en"]


def in_eu(data: LegalData) -> bool:
    return law_country(data) in EU


# --- legal guarantee ------------------------------------------------------------------------


def guarantee(ctx: Context) -> Md | None:
    """The reminder of the legal guarantee of conformity (Directive 2011/83/EU Art. 6(1)(l))."""
    if not consumers(ctx):
        return None
    what = supplies(ctx.data)
    entry = consumer_law(ctx.data, "guarantee") or {}
    name = entry.get("name")
    lead = (
        None
        if not what & {"goods", "digital_content"}
        else (
            ctx._(
                "As a consumer, you have the legal guarantee of conformity under {act}: we are "
                "liable if what we supply does not conform to the contract.",
                act=law_name(ctx, name),
            )
            if name
            else ctx._(
                "As a consumer, you have the legal guarantee of conformity that the law of your "
                "country gives you (Directive (EU) 2019/771 for goods, Directive (EU) 2019/770 for "
                "digital content): we are liable if what we supply does not conform to the "
                "contract."
            )
        )
    )
    period: Md | None = None
    if "goods" in what:
        years = entry.get("period") if name else law.fact("consumer", "EU", "guarantee_period")
        period = (
            ctx._(
                "For goods, the guarantee covers a lack of conformity that you raise within "
                "{period} of receiving them.",
                period=ctx.lang.duration(years),
            )
            if years
            else ctx._(
                "For goods, you should tell us of a lack of conformity within a reasonable time "
                "of discovering it."
            )
        )
    services = (
        ctx._(
            "If a service is not provided as agreed, you have the rights that mandatory "
            "consumer law gives you."
        )
        if "services" in what
        else None
    )
    return paragraphs(Md(" ".join(p for p in (lead, period) if p)), services)


# --- governing law and disputes -------------------------------------------------------------


def mandatory_protection(ctx: Context) -> Md | None:
    """The consumer's mandatory protection, under Rome I or, outside it, stated plainly."""
    if not consumers(ctx) or not terms_of(ctx).governing_law:
        return None
    if in_eu(ctx.data):
        return ctx._(
            "For a customer who is a consumer, this choice of law does not take away the "
            "protection of the mandatory provisions of the law of the country where the "
            "consumer has their habitual residence (Article 6(2) of Regulation (EC) "
            "No 593/2008, Rome I)."
        )
    if consumer_law(ctx.data, "mandatory"):
        return ctx._(
            "For a customer who is a consumer, this choice of law does not take away the "
            "protection of the mandatory consumer legislation that applies to the consumer."
        )
    return None


def consumer_forum(ctx: Context) -> Md | None:
    """The consumer's own courts, under the instrument that applies where the terms are."""
    if consumer_law(ctx.data, "lugano"):
        return ctx._(
            "A customer who is a consumer may always bring proceedings in the courts of the "
            "place where the consumer is domiciled, as the mandatory rules on jurisdiction in "
            "consumer contracts allow (Article 16 of the Lugano Convention of 30 October 2007)."
        )
    if in_eu(ctx.data):
        return ctx._(
            "A customer who is a consumer may always bring proceedings in the courts of the "
            "place where the consumer is domiciled, as the mandatory rules on jurisdiction in "
            "consumer contracts allow (Article 18 of Regulation (EU) No 1215/2012)."
        )
    return None


PARTICIPATION = {
    "willing": N_("We are willing to take part in dispute resolution proceedings before {body}."),
    "obliged": N_("We are obliged to take part in dispute resolution proceedings before {body}."),
}


def dispute_body(ctx: Context) -> Md | None:
    """The out-of-court dispute body (ADR Directive Art. 13; § 36 VSBG).

    The EU's online dispute resolution platform closed on 20 July 2025 (Regulation (EU)
    2024/3228): it is linked nowhere."""
    if not consumers(ctx):
        return None
    entry = consumer_law(ctx.data, "adr")
    stance = terms_of(ctx).dispute_resolution
    if stance == "not_willing" and consumer_law(ctx.data, "adr_statement"):
        return ctx._(
            "We are neither willing nor obliged to take part in dispute resolution "
            "proceedings before a consumer arbitration board."
        )
    if entry is None:
        return None
    body = link(law_name(ctx, entry["name"]), entry["url"])
    if stance in PARTICIPATION:
        return ctx._(PARTICIPATION[stance], body=body)
    if consumer_law(ctx.data, "adr_statement"):
        return None  # § 36 VSBG: the statement needs the data; lint says so (LGL109)
    return ctx._(
        "If we cannot settle a complaint together, a customer who is a consumer may refer the "
        "dispute to {body}.",
        body=body,
    )
