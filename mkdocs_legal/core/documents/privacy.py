"""The privacy policy: GDPR Art. 13 and 14 information, one section per item."""

from __future__ import annotations

from ..language import N_
from ..markdown import Md, bullet_list, email_link, escape, link, safe_url, table
from ..model import Purpose, Retention
from ..vocabulary import (
    LEGAL_BASES,
    PROVISION,
    PROVISION_CONSEQUENCES,
    RETENTION_EVENTS,
    RIGHTS,
    SECURITY_MEASURES,
    SOURCES,
)
from . import special_rules
from .base import Context, Document, SectionBuilder, build, paragraphs
from .common import category_label, contact_block, identity, person_rows
from .recipients import recipients, transfers


def citation(ctx: Context, point: str) -> Md:
    """Art. 6(1) point in the language's citation convention."""
    return ctx._("Article 6(1)({point}) GDPR", point=point)


def basis(ctx: Context, point: str) -> Md:
    return ctx._(
        "{basis} ({citation})", basis=ctx.lang._(LEGAL_BASES[point]), citation=citation(ctx, point)
    )


def source_label(ctx: Context, source_id: str) -> tuple[str, bool]:
    for item in ctx.data.sources:
        if item.id == source_id:
            label = (
                ctx.plain(item.label)
                if item.label is not None
                else ctx.lang._(SOURCES.get(source_id, source_id))
            )
            return label, item.publicly_accessible
    return ctx.lang._(SOURCES.get(source_id, source_id)), source_id == "public_registers"


def full_stop(text: str) -> str:
    """`text` ending with a full stop (or the question or exclamation mark it has)."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def retention_of(ctx: Context, purpose: Purpose) -> Retention | None:
    if isinstance(purpose.retention, Retention):
        return purpose.retention
    if isinstance(purpose.retention, str):
        return ctx.data.retention.get(purpose.retention)
    return None


def retention_text(ctx: Context, retention: Retention) -> Md:
    parts: list[str] = []
    event = retention.from_
    period = ctx.lang.duration(retention.period) if retention.period else None
    if event == "consent_withdrawn":
        parts.append(
            ctx._("{period} after you withdraw your consent", period=period)
            if period
            else ctx._("until you withdraw your consent")
        )
    elif period and isinstance(event, str) and event in RETENTION_EVENTS:
        parts.append(
            ctx._("{period} {event}", period=period, event=ctx.lang._(RETENTION_EVENTS[event]))
        )
    elif period and event is not None:
        parts.append(ctx._("{period}, counted from {event}", period=period, event=ctx.plain(event)))
    elif period:
        parts.append(escape(period))
    if retention.criteria is not None:
        parts.append(ctx.text(retention.criteria))
    return Md("; ".join(parts))


# --- sections -------------------------------------------------------------------------------


def controller(ctx: Context) -> Md:
    lines = [
        ctx._(
            "{organisation} is the controller of the personal data described in this policy.",
            organisation=identity(ctx),
        )
    ]
    return paragraphs(*lines, contact_block(ctx, privacy=False))


def dpo(ctx: Context) -> Md | None:
    person = ctx.data.organisation.dpo
    if person is None:
        return None
    return paragraphs(
        ctx._(
            "We have appointed a data protection officer, whom you can contact about "
            "anything concerning the processing of your personal data."
        ),
        bullet_list(person_rows(ctx, person)),
    )


def representative(ctx: Context) -> Md | None:
    rep = ctx.data.organisation.representative
    if rep is None:
        return None
    return paragraphs(
        ctx._("Our representative in the European Union (Article 27 GDPR) is:"),
        bullet_list(person_rows(ctx, rep)),
    )


def used_categories(ctx: Context) -> list[str]:
    ids: list[str] = [c.id for c in ctx.data.data_categories]
    for purpose in ctx.data.purposes:
        ids.extend(i for i in purpose.data if i not in ids)
    return ids


def data(ctx: Context) -> Md | None:
    ids = used_categories(ctx)
    if not ids:
        return None
    return paragraphs(
        ctx._("We process the following categories of personal data:"),
        bullet_list(escape(category_label(ctx, i)) for i in ids),
    )


def sources(ctx: Context) -> Md | None:
    ids: list[str] = [s.id for s in ctx.data.sources]
    for purpose in ctx.data.purposes:
        ids.extend(i for i in purpose.sources if i not in ids)
    if not ids:
        return None
    rows = []
    for source_id in ids:
        label, public = source_label(ctx, source_id)
        rows.append(
            ctx._("{source} (publicly accessible)", source=label) if public else escape(label)
        )
    others = [i for i in ids if i != "data_subject"]
    return paragraphs(
        ctx._("We obtain personal data from:"),
        bullet_list(rows),
        # Translators: GDPR Art. 14(3)(a)-(c): "within a reasonable period ... at the latest within
        # one month", "at the latest at the time of the first communication", "at the latest when
        # the personal data are first disclosed".
        ctx._(
            "Where we obtain personal data about you from others, we tell you within a "
            "reasonable period and at the latest within one month; if we use the data to "
            "communicate with you, at the latest when we first contact you; and if we intend to "
            "disclose it to another recipient, at the latest when we first disclose it (Article "
            "14(3) GDPR)."
        )
        if others
        else None,
    )


def purposes(ctx: Context) -> Md | None:
    if not ctx.data.purposes:
        return None
    blocks = []
    for purpose in ctx.data.purposes:
        rows = []
        if purpose.data:
            rows.append(
                ctx._(
                    "Personal data: {categories}",
                    categories=ctx.lang.list([category_label(ctx, i) for i in purpose.data]),
                )
            )
        rows.append(ctx._("Legal basis: {basis}", basis=basis(ctx, purpose.legal_basis)))
        if purpose.legal_basis == "c" and purpose.legal_obligation is not None:
            rows.append(
                ctx._(
                    "Legal obligation: {obligation}", obligation=ctx.plain(purpose.legal_obligation)
                )
            )
        if purpose.legal_basis == "f" and purpose.legitimate_interest is not None:
            rows.append(
                ctx._(
                    "Our legitimate interest: {interest}",
                    interest=ctx.plain(purpose.legitimate_interest),
                )
            )
        rows.extend(special_rules.special_rows(ctx, purpose))
        rows.extend(special_rules.marketing_rows(ctx, purpose))
        retention = retention_of(ctx, purpose)
        if retention is not None:
            rows.append(ctx._("Retention: {retention}", retention=retention_text(ctx, retention)))
        blocks.append(paragraphs(f"**{ctx.text(purpose.description)}**", bullet_list(rows)))
    return paragraphs(
        ctx._(
            "We process personal data for the following purposes, each on the legal basis stated:"
        ),
        *blocks,
    )


def legitimate_interests(ctx: Context) -> Md | None:
    rows = [
        ctx._(
            "{purpose}: {interest}",
            purpose=ctx.plain(p.description),
            interest=ctx.plain(p.legitimate_interest),
        )
        for p in ctx.data.purposes
        if p.legal_basis == "f" and p.legitimate_interest is not None
    ]
    if not rows:
        return None
    return paragraphs(
        ctx._(
            "Where we rely on our legitimate interests ({citation}), these are the interests we "
            "pursue. We have weighed them against your interests and rights.",
            citation=citation(ctx, "f"),
        ),
        bullet_list(rows),
    )


def retention(ctx: Context) -> Md | None:
    rows: list[list[str]] = []
    for p in ctx.data.purposes:
        r = retention_of(ctx, p)
        if r is not None:
            rows.append([ctx.text(p.description), retention_text(ctx, r)])
    if not rows:
        return None
    return paragraphs(
        ctx._(
            "We keep personal data only as long as the purpose requires. Then we erase or "
            "anonymise it."
        ),
        table([ctx._("Purpose"), ctx._("Retention period")], rows),
    )


def automated_decisions(ctx: Context) -> Md | None:
    decisions = ctx.data.automated_decisions
    if decisions is None:
        return None
    if decisions == "none":
        return ctx._(
            "We do not make decisions based solely on automated processing, including "
            "profiling, that produce legal effects concerning you or similarly "
            "significantly affect you (Article 22 GDPR)."
        )
    blocks = []
    for d in decisions:
        blocks.append(
            paragraphs(
                f"**{ctx.text(d.description)}**",
                bullet_list(
                    [
                        ctx._("Logic involved: {logic}", logic=ctx.plain(d.logic)),
                        ctx._(
                            "Significance and consequences for you: {consequences}",
                            consequences=ctx.plain(d.consequences),
                        ),
                        *special_rules.decision_rows(ctx, d),
                    ]
                ),
            )
        )
    return paragraphs(
        ctx._(
            "We make the following decisions based solely on automated "
            "processing, including profiling (Article 22 GDPR):"
        ),
        *blocks,
    )


def bases_in_use(ctx: Context) -> set[str]:
    return {p.legal_basis for p in ctx.data.purposes}


def rights_in_force(ctx: Context) -> list[str]:
    """Rights that apply, from the legal bases in use, less `rights.exclude`."""
    used = bases_in_use(ctx)
    ids = ["access", "rectification", "erasure", "restriction"]
    if used & {"a", "b"}:
        ids.append("portability")
    if used & {"e", "f"}:
        ids.append("objection")
    if "a" in used:
        ids.append("withdraw_consent")
    ids.append("complaint")
    return [i for i in ids if i not in ctx.data.rights.exclude]


def rights(ctx: Context) -> Md | None:
    active = rights_in_force(ctx)
    listed = [ctx.lang._(RIGHTS[i]) for i in active if i in RIGHTS]
    blocks: list[Md | str | None] = [
        ctx._("You have the following rights under the GDPR:"),
        bullet_list(listed),
    ]
    if "objection" in active:
        blocks.append(ctx._("### Right to object"))
        blocks.append(
            ctx._(
                "**You have the right to object at any time**, on grounds relating to your particular "
                "situation, to processing based on {citation} (Article 21(1) GDPR). We will then stop, "
                "unless we demonstrate compelling legitimate grounds that override your interests, "
                "rights and freedoms, or the processing is needed for legal claims. **You may always "
                "object to direct marketing**, and we will then stop (Article 21(2) and (3) GDPR).",
                citation=citation(ctx, "f") if "f" in bases_in_use(ctx) else citation(ctx, "e"),
            )
        )
    blocks.extend(special_rules.object_to_marketing(ctx))
    how = ctx.data.rights.how
    contact = ctx.data.organisation.privacy_email or ctx.data.organisation.email
    if how is not None:
        blocks.append(ctx.text(how))
    elif contact:
        blocks.append(ctx._("To use your rights, email {email}.", email=email_link(contact)))
    blocks.append(
        ctx._(
            "We answer without undue delay, and at the latest within {period} of receiving your "
            "request. Where requests are complex or numerous, we may extend this by two further "
            "months; we will then tell you why within one month (Article 12(3) GDPR).",
            period=ctx.lang.duration(ctx.data.rights.response_time),
        )
    )
    blocks.append(
        # Translators: GDPR Art. 12(6): "reasonable doubts concerning the identity of the natural
        # person making the request", "information necessary to confirm the identity".
        ctx._(
            "Where we have reasonable doubts about who is making a request, we may ask for the "
            "information we need to confirm your identity (Article 12(6) GDPR)."
        )
    )
    return paragraphs(*blocks)


def withdraw_consent(ctx: Context) -> Md | None:
    if "withdraw_consent" not in rights_in_force(ctx):
        return None
    rows = [
        ctx._("{purpose}: {how}", purpose=ctx.plain(p.description), how=ctx.plain(p.withdraw))
        for p in ctx.data.purposes
        if p.legal_basis == "a" and p.withdraw is not None
    ]
    return paragraphs(
        ctx._(
            "Where we process personal data on the basis of your consent, you may withdraw "
            "your consent at any time. Withdrawing is as easy as giving consent, and it does "
            "not affect the lawfulness of processing before the withdrawal (Article 7(3) GDPR)."
        ),
        bullet_list(rows) if rows else None,
    )


def complaint(ctx: Context) -> Md | None:
    if "complaint" not in rights_in_force(ctx):
        return None
    authority = ctx.data.supervisory_authority
    intro = ctx._(
        "You have the right to lodge a complaint with a supervisory authority, in particular in "
        "the EU/EEA Member State of your habitual residence, place of work or place of the "
        "alleged infringement (Article 77 GDPR)."
    )
    if authority is None:
        return intro
    if isinstance(authority, str):
        from .. import authorities

        builtin = authorities.get(authority)
        if builtin is None:
            return intro
        name, url, address = builtin.name_in(ctx.lang.code), builtin.url, builtin.address
    else:
        name = ctx.plain(authority.name)
        url = authority.url or ""
        address = ctx.plain(authority.address) if authority.address is not None else ""
    rows = [link(name, url) if url and safe_url(url) != "#" else escape(name)]
    if address:
        rows.append(escape(address))
    return paragraphs(
        intro,
        ctx._("The supervisory authority for {organisation} is:", organisation=ctx.org),
        bullet_list(rows),
    )


def provision(ctx: Context) -> Md | None:
    rows = []
    for p in ctx.data.purposes:
        if p.provision is None and p.consequence is None:
            continue
        parts = [ctx.lang._(PROVISION[p.provision])] if p.provision else []
        if p.consequence is not None:
            parts.append(
                ctx.lang._("If you do not provide it, the consequence is: {consequence}").format(
                    consequence=full_stop(ctx.plain(p.consequence))
                )
            )
        elif p.provision is not None:
            parts.append(ctx.lang._(PROVISION_CONSEQUENCES[p.provision]))
        rows.append(
            ctx._("{purpose}: {details}", purpose=ctx.plain(p.description), details=" ".join(parts))
        )
    if not rows:
        return None
    return paragraphs(
        ctx._("Whether you must provide personal data, and what happens if you do not:"),
        bullet_list(rows),
    )


def cookies(ctx: Context) -> Md | None:
    if ctx.data.cookies is None or not ctx.data.cookies.items:
        return None
    target = ctx.link_to("cookies", ctx.lang._("cookie policy"))
    if target:
        return ctx._(
            "Our website uses cookies and similar technologies. Our {cookie_policy} "
            "lists each of them and explains how to manage your choices.",
            cookie_policy=target,
        )
    return ctx._("Our website uses cookies and similar technologies.")


def security(ctx: Context) -> Md | None:
    sec = ctx.data.security
    if sec is None or (not sec.measures and sec.text is None):
        return None
    return paragraphs(
        ctx._(
            "We protect personal data with appropriate technical and organisational measures "
            "(Article 32 GDPR), including:"
        )
        if sec.measures
        else None,
        bullet_list(escape(ctx.lang._(SECURITY_MEASURES[m])) for m in sec.measures),
        ctx.text(sec.text) if sec.text is not None else None,
    )


def changes(ctx: Context) -> Md:
    history = ctx.link_to("changelog", ctx.lang._("version history"))
    text = ctx._(
        "We update this policy when our processing changes. The date from which each "
        "version applies is shown at the top of the page."
    )
    if history:
        return paragraphs(
            text, ctx._("The {history} lists every version and what changed.", history=history)
        )
    return text


def contact(ctx: Context) -> Md:
    return paragraphs(
        ctx._(
            "If you have questions about this policy or about how we process your personal "
            "data, contact us:"
        ),
        contact_block(ctx, privacy=True),
    )


SECTIONS: list[tuple[str, str, SectionBuilder]] = [
    ("controller", N_("Who is responsible for your personal data"), controller),
    ("dpo", N_("Data protection officer"), dpo),
    ("representative", N_("Representative in the EU"), representative),
    ("data", N_("Personal data we process"), data),
    ("sources", N_("Where the data comes from"), sources),
    ("purposes", N_("Purposes and legal bases"), purposes),
    ("legitimate_interests", N_("Our legitimate interests"), legitimate_interests),
    ("recipients", N_("Who we share personal data with"), recipients),
    ("transfers", N_("Transfers to third countries"), transfers),
    ("retention", N_("How long we keep personal data"), retention),
    ("automated_decisions", N_("Automated decision-making"), automated_decisions),
    ("rights", N_("Your rights"), rights),
    ("withdraw_consent", N_("Withdrawing consent"), withdraw_consent),
    ("complaint", N_("Complaints to a supervisory authority"), complaint),
    ("provision", N_("Do you have to give us personal data?"), provision),
    ("children", N_("Children"), special_rules.children),
    ("cookies", N_("Cookies"), cookies),
    ("security", N_("Security"), security),
    ("changes", N_("Changes to this policy"), changes),
    ("contact", N_("Contact"), contact),
]


def render(ctx: Context) -> Document:
    return build(ctx, "privacy", ctx.lang._("Privacy policy"), SECTIONS)
