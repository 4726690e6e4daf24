"""Children (GDPR Art. 8, recital 38): services aimed at them, and a parent's consent."""

from __future__ import annotations

from ..codes import FindingCode
from ..lawfacts import consent_age, organisation_country
from ..yamlsource import Path_
from .base import Checker, find

RULES = [
    FindingCode(
        "LGL044",
        "error",
        "A service or purpose aimed at children, with no `children` information.",
        "Add `children` (who the services are for, and `parental_consent` where consent is "
        "relied on), or, if the purpose is not aimed at children, reword it.",
    ),
    FindingCode(
        "LGL048",
        "error",
        "Consent from children who may be below the national age of digital consent, with no "
        "parental-consent statement.",
        "Say in `children.parental_consent` how a parent gives or authorises consent and how "
        "you verify it (Art. 8(1)-(2)), or raise `children.min_age` to the national age.",
    ),
]


def aimed_at_children(lint: Checker) -> list[tuple[int, Path_]]:
    """Purposes aimed at children, marked or recognised from their texts, and where it shows."""
    found: list[tuple[int, Path_]] = []
    for i, p in enumerate(lint.data.purposes):
        if p.aimed_at_children:
            found.append((i, ("purposes", i, "aimed_at_children")))
            continue
        for key in ("description", "legitimate_interest"):
            hit = find("children", getattr(p, key), lint.languages)
            if hit:
                found.append((i, ("purposes", i, key, *hit[0])))
                break
    return found


def check(lint: Checker) -> None:
    data = lint.data
    purposes = aimed_at_children(lint)
    terms = data.terms.service if data.terms is not None else None
    service_hit = find("children", terms, lint.languages)
    if data.children is None:
        where: Path_ | None = purposes[0][1] if purposes else None
        if where is None and service_hit:
            where = ("terms", "service", *service_hit[0])
        if where is not None:
            lint.add(
                "LGL044",
                "this is aimed at children, but the file has no `children` information: add "
                "`children` (who the services are for; `parental_consent` where you rely on "
                "consent), as children merit specific protection (Art. 8, recital 38)",
                where,
            )
        return
    children = data.children
    whole = children.aimed_at_children
    by_consent = [i for i, _ in purposes if data.purposes[i].legal_basis == "a"]
    if whole:
        by_consent += [i for i, p in enumerate(data.purposes) if p.legal_basis == "a"]
    if not by_consent or children.parental_consent is not None:
        return
    country = organisation_country(data)
    age = consent_age(country)
    if children.min_age is not None and children.min_age >= age:
        return
    where_ = f"in {country}" if country else "under the GDPR (Art. 8(1)), absent a national age"
    lint.add(
        "LGL048",
        f"purpose `{data.purposes[by_consent[0]].id}` relies on consent, and children below "
        f"{age}, the age of digital consent {where_}, may only consent with a parent's "
        "authorisation: say how in `children.parental_consent`",
        ("children",),
    )
