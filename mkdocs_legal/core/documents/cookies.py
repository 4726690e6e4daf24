"""The cookie policy: every cookie and similar technology, its category, provider and duration."""

from __future__ import annotations

from .. import law
from ..language import N_
from ..lawfacts import organisation_country
from ..markdown import Md, bullet_list, escape, link, table
from ..model import Cookie, LegalData
from ..trackers import tracker
from ..vocabulary import COOKIE_CATEGORIES, COOKIE_TYPES
from .base import Context, Document, SectionBuilder, build, paragraphs
from .common import EEA, contact_block
from .recipients import category_text

PARTIES: dict[str, str] = {
    "first_party": N_("first-party cookie"),
    "third_party": N_("third-party cookie"),
}

TYPE_EXPLANATIONS: dict[str, str] = {
    "http_cookie": N_(
        "**Cookies** are small text files that a website stores in your browser. The browser "
        "sends them back with later visits, so that the website can recognise it, for example "
        "to keep you logged in or to remember your choices."
    ),
    "local_storage": N_(
        "**Local storage** lets a website keep information in your browser. It stays there "
        "until it is deleted, by the website or by you."
    ),
    "session_storage": N_(
        "**Session storage** lets a website keep information in your browser while a tab is "
        "open. It is deleted when you close the tab."
    ),
    "pixel": N_(
        "**Pixels** (also called web beacons) are tiny, invisible images or scripts that tell "
        "their provider that a page was viewed or an email was opened."
    ),
}

CATEGORY_EXPLANATIONS: dict[str, str] = {
    "necessary": N_(
        "**Necessary**: without these, the website cannot provide what you ask of it, for "
        "example secure pages, a shopping cart or remembering your cookie choices."
    ),
    "preferences": N_(
        "**Preferences**: these remember choices you make, such as your language or region, "
        "so that the website works the way you want."
    ),
    "statistics": N_(
        "**Statistics**: these help us understand how visitors use the website, by collecting "
        "and reporting information such as which pages are visited."
    ),
    "marketing": N_(
        "**Marketing**: these follow visits across websites, to show advertising that is "
        "relevant to you and to measure its effect."
    ),
}


def items(ctx: Context) -> list[Cookie]:
    return list(ctx.data.cookies.items) if ctx.data.cookies is not None else []


def categories_in_use(data: LegalData) -> list[str]:
    """Cookie categories that the data file's items use, in the built-in order."""
    used = {c.category for c in data.cookies.items} if data.cookies is not None else set()
    return [c for c in COOKIE_CATEGORIES if c in used]


def needs_consent(data: LegalData) -> bool:
    """Whether any item is in a category that may be used only with consent."""
    return any(c != "necessary" for c in categories_in_use(data))


def provider(ctx: Context, cookie: Cookie) -> Md:
    """The organisation for first-party items; a recipient's legal entity and country."""
    if cookie.provider == "first_party":
        return escape(ctx.org)
    for r in ctx.data.recipients:
        if r.id == cookie.provider:
            name = r.name or category_text(ctx, r.category)
            if r.country:
                return ctx._("{name} ({country})", name=name, country=ctx.lang.country(r.country))
            return escape(name)
    return escape(cookie.provider)


def national_rule(ctx: Context) -> Md:
    """The rule on cookies of the organisation's country (law/cookies.yml), or the Directive's.

    A national citation is the statute's own name, the same in every language.
    """
    citation = law.fact("cookies", organisation_country(ctx.data) or "", "citation")
    # Translators: the citation of Directive 2002/58/EC Art. 5(3) as the language's version of
    # the Directive names it (OJ L 201, 31.7.2002).
    directive = ctx._("Article 5(3) of the ePrivacy Directive 2002/58/EC")
    if citation is None:
        return directive
    return ctx._("{rule}, which implements {directive}", rule=citation, directive=directive)


def party(ctx: Context, cookie: Cookie) -> str:
    """`first_party` or `third_party`: whose domain sets the cookie, not who receives its data."""
    if cookie.party is not None:
        return cookie.party
    known = tracker(cookie.name)
    if known is not None:
        return f"{known[1]['party']}_party"
    return "first_party" if cookie.provider == "first_party" else "third_party"


def third_countries(ctx: Context, cookie: Cookie) -> list[str]:
    """Countries outside the EU/EEA that the data of a cookie goes to, through its provider."""
    for r in ctx.data.recipients:
        if r.id == cookie.provider:
            countries = [r.country] if r.country else []
            countries += [t.country for t in r.transfers]
            return [c for c in dict.fromkeys(countries) if c not in EEA]
    return []


def provider_cell(ctx: Context, cookie: Cookie) -> Md:
    """Who receives the data, whose domain sets the cookie, and any third country."""
    parts = [provider(ctx, cookie), escape(ctx.lang._(PARTIES[party(ctx, cookie)]))]
    countries = third_countries(ctx, cookie)
    if countries:
        parts.append(
            ctx._(
                "data goes to {countries}, outside the EU/EEA",
                countries=ctx.lang.list([ctx.lang.country(c, in_sentence=True) for c in countries]),
            )
        )
    return Md("; ".join(parts))


def duration(ctx: Context, cookie: Cookie) -> str:
    if cookie.duration == "session":
        return ctx.lang._("session")
    return ctx.lang.duration(cookie.duration, words=False)  # a table cell


# --- sections -------------------------------------------------------------------------------


def intro(ctx: Context) -> Md:
    reviewed = ctx.data.cookies.last_reviewed if ctx.data.cookies is not None else None
    if items(ctx):
        lead = ctx._(
            "{organisation} uses cookies and similar technologies on this website. This policy "
            "lists every one of them, what it is for and how long it is kept, and explains how "
            "you can manage your choices.",
            organisation=ctx.org,
        )
    else:
        lead = ctx._(
            "{organisation} does not use cookies or similar technologies, such as local "
            "storage or pixels, on this website. If that changes, we will update this policy "
            "first.",
            organisation=ctx.org,
        )
    privacy = ctx.link_to("privacy", ctx.lang._("privacy policy"))
    return paragraphs(
        lead,
        ctx._("We last reviewed this information on {date}.", date=ctx.lang.date(reviewed))
        if reviewed is not None
        else None,
        ctx._(
            "How we process personal data, and your rights, are described in our {privacy_policy}.",
            privacy_policy=privacy,
        )
        if privacy
        else None,
    )


def what_are_cookies(ctx: Context) -> Md | None:
    used = {c.type for c in items(ctx)}
    rows = [ctx._(text) for kind, text in TYPE_EXPLANATIONS.items() if kind in used]
    if not rows:
        return None
    closing = (
        ctx._("In this policy, “cookies” means all of these technologies.")
        if used - {"http_cookie"}
        else None
    )
    return paragraphs(
        ctx._("This website uses the following technologies:"), bullet_list(rows), closing
    )


def categories(ctx: Context) -> Md | None:
    used = categories_in_use(ctx.data)
    if not used:
        return None
    rows = [ctx._(CATEGORY_EXPLANATIONS[c]) for c in used]
    rules: list[Md] = []
    rule = national_rule(ctx)
    if "necessary" in used:
        rules.append(
            ctx._(
                "We use necessary cookies without asking, because the law allows cookies that "
                "are strictly necessary for a service you have asked for ({rule}).",
                rule=rule,
            )
        )
    if needs_consent(ctx.data):
        rules.append(
            ctx._(
                "We use all other cookies only if you consent to them ({rule}). Until you do, "
                "they are not set.",
                rule=rule,
            )
        )
    return paragraphs(
        ctx._("We group our cookies into these categories:"), bullet_list(rows), *rules
    )


def cookie_table(ctx: Context) -> Md | None:
    cookies = items(ctx)
    if not cookies:
        return None
    header: list[str] = [
        ctx._("Name"),
        ctx._("Provider"),
        ctx._("Purpose"),
        ctx._("Category"),
        ctx._("Duration"),
        ctx._("Type"),
    ]
    rows: list[list[str]] = [
        [
            escape(c.name),
            provider_cell(ctx, c),
            ctx.text(c.purpose),
            escape(ctx.lang._(COOKIE_CATEGORIES[c.category])),
            escape(duration(ctx, c)),
            escape(ctx.lang._(COOKIE_TYPES[c.type])),
        ]
        for c in cookies
    ]
    others = any(c.provider != "first_party" for c in cookies)
    return paragraphs(
        ctx._(
            "These are all the cookies and similar technologies on this website. The duration "
            "is how long each stays in your browser unless you delete it sooner."
        ),
        ctx._(
            "A first-party cookie is set by this website's own domain, a third-party cookie by "
            "another domain. The provider is who receives the data: where it is not "
            "{organisation}, it is named, and for a first-party cookie it is usually a service "
            "provider that processes the data for us.",
            organisation=ctx.org,
        )
        if others
        else None,
        table(header, rows),
    )


def manage(ctx: Context) -> Md | None:
    cookies = items(ctx)
    if not cookies:
        return None
    blocks: list[Md | None] = []
    if needs_consent(ctx.data):
        settings = ctx.links.cookie_settings
        if settings:
            label = ctx.lang._("Change your cookie settings")  # its own call: pybabel skips nested
            blocks.append(
                ctx._(
                    "You can give, change or withdraw your consent at any time: {settings}.",
                    settings=link(label, settings),
                )
            )
        else:
            blocks.append(
                ctx._(
                    "You can withdraw your consent at any time by deleting our cookies in "
                    "your browser, as described below, and declining them on your next visit."
                )
            )
        blocks.append(
            ctx._(
                "Withdrawing your consent does not affect the lawfulness of what we did with "
                "your consent before you withdrew it (Article 7(3) GDPR)."
            )
        )
    storage = {c.type for c in cookies} & {"local_storage", "session_storage"}
    blocks.append(
        ctx._(
            "You can also block or delete cookies in your browser's settings, usually under "
            "privacy or site data. If you block necessary cookies, parts of the website may "
            "not work."
        )
    )
    if storage:
        blocks.append(
            ctx._(
                "Deleting a website's data in your browser also deletes its local and session storage."
            )
        )
    return paragraphs(*blocks)


def changes(ctx: Context) -> Md:
    history = ctx.link_to("changelog", ctx.lang._("version history"))
    text = ctx._(
        "We update this cookie policy when the cookies on our website change, and review it "
        "regularly. The date from which each version applies is shown at the top of the page."
    )
    if history:
        return paragraphs(
            text, ctx._("The {history} lists every version and what changed.", history=history)
        )
    return text


def contact(ctx: Context) -> Md | None:
    block = contact_block(ctx, privacy=True)
    if not block:
        return None
    return paragraphs(
        ctx._("If you have questions about this cookie policy or our use of cookies, contact us:"),
        block,
    )


SECTIONS: list[tuple[str, str, SectionBuilder]] = [
    ("intro", N_("About this policy"), intro),
    ("what_are_cookies", N_("What cookies are"), what_are_cookies),
    ("categories", N_("Categories of cookies"), categories),
    ("table", N_("Cookies we use"), cookie_table),
    ("manage", N_("Managing cookies"), manage),
    ("changes", N_("Changes to this cookie policy"), changes),
    ("contact", N_("Contact"), contact),
]


def render(ctx: Context) -> Document:
    return build(ctx, "cookies", ctx.lang._("Cookie policy"), SECTIONS)
