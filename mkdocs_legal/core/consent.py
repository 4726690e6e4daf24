"""The consent dialog of mkdocs-material (`extra.consent`), from the same data as the cookie table.

Material shows `title`, `description` and the names in `cookies` as raw HTML, so every
value here is HTML-escaped; the description's only markup is the link this module writes.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .documents.cookies import categories_in_use
from .language import Language
from .markdown import safe_url
from .model import LegalData
from .vocabulary import COOKIE_CATEGORIES, COOKIE_USES

CONSENT_IDS: dict[str, str] = {
    "preferences": "preferences",
    "statistics": "analytics",
    "marketing": "marketing",
}
"""Our cookie category → Material's consent id. `analytics` is Material's own id, so its
Google Analytics integration loads only with consent to statistics (Material's `analytics`
must still be configured in `extra.analytics`)."""

USER_KEYS = ("title", "description", "actions")
"""Keys of a user's own `extra.consent` that are kept as the user wrote them."""

ACTIONS = ["accept", "reject", "manage"]
"""Accept all, reject all (equally prominent) and choose per category."""


def consent_extra(
    data: LegalData,
    language: Language,
    *,
    settings_link: str | None = None,
    privacy_link: str | None = None,
    categories: list[str] | None = None,
) -> dict[str, Any] | None:
    """The value of `extra.consent` in `language`, or None when no cookie needs consent.

    `categories` are the cookie categories of the cookie policy in force, when that is a
    frozen version (see `drift.consent_categories`); by default, those of the data file.

    `settings_link` is the URL of the cookie policy in this language, valid on every page
    (the dialog is the same on all of them), e.g. an absolute path like `/sv/cookies/`;
    `privacy_link` that of the privacy policy. Each category is a `{name, checked}` entry,
    never checked: consent is a choice the visitor makes (CJEU C-673/17, Planet49). Accept
    consents to all of them, Reject to none, and Manage shows the boxes to choose.
    """
    in_force = categories_in_use(data) if categories is None else categories
    used = [c for c in in_force if c in CONSENT_IDS]
    if not used:
        return None
    return {
        "title": escape(language._("Cookie consent")),
        "description": description(data, language, used, settings_link, in_force, privacy_link),
        "cookies": {
            CONSENT_IDS[c]: {"name": escape(language._(COOKIE_CATEGORIES[c])), "checked": False}
            for c in used
        },
        "actions": list(ACTIONS),
    }


def description(
    data: LegalData,
    language: Language,
    used: list[str],
    settings_link: str | None,
    in_force: list[str],
    privacy_link: str | None = None,
) -> str:
    """One paragraph of inline HTML: what needs consent, necessary cookies, the policy link."""
    uses = language.list([language._(COOKIE_USES[c]) for c in used])
    parts = [
        _html(
            language._("With your consent, {organisation} uses cookies for {uses}."),
            organisation=data.organisation.name,
            uses=uses,
        )
    ]
    if "necessary" in in_force:
        parts.append(
            escape(language._("Necessary cookies, which the website needs to work, are always on."))
        )
    parts.append(escape(language._("You can change your choice at any time.")))
    policy = _link(language._("cookie policy"), settings_link)
    if privacy_link:
        parts.append(
            escape(language._("Read more in our {cookie_policy} and {privacy_policy}.")).format(
                cookie_policy=policy,
                privacy_policy=_link(language._("privacy policy"), privacy_link),
            )
        )
    else:
        parts.append(
            escape(language._("Read more in our {cookie_policy}.")).format(cookie_policy=policy)
        )
    return " ".join(parts)


def _link(label: str, url: str | None) -> str:
    """`<a href>` to `url` when it is a safe address, else the bare label."""
    href = safe_url(url) if url else "#"
    return f'<a href="{escape(href)}">{escape(label)}</a>' if href != "#" else escape(label)


def with_user_settings(value: dict[str, Any] | None, user: object) -> dict[str, Any] | None:
    """`extra.consent` from the cookie table, with the user's own settings kept.

    The user's `title`, `description` and `actions` win; the categories come from the cookie
    table (a user's `name` for one of them is kept), and entries of the user's own, such as
    Material's `github`, stay. None starts checked: Material checks a bare name, so each
    becomes `{name, checked: false}`.
    """
    if not isinstance(user, dict) or not user:
        return value
    if value is None:
        return dict(user)
    merged = {**value, **{k: user[k] for k in USER_KEYS if user.get(k)}}
    found = user.get("cookies")
    theirs: dict[Any, Any] = found if isinstance(found, dict) else {}
    cookies = dict(value["cookies"])
    for key, own in theirs.items():
        name = own.get("name") if isinstance(own, dict) else own
        if isinstance(name, str) and name:
            cookies[key] = {"name": name, "checked": False}
    merged["cookies"] = cookies
    return merged


def _html(template: str, **values: str) -> str:
    """Fill a translated template's slots with HTML-escaped values."""
    return escape(template).format(**{k: escape(v) for k, v in values.items()})
