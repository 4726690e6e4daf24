"""Special categories (GDPR Art. 9) and data on criminal convictions and offences (Art. 10)."""

from __future__ import annotations

from .. import law
from ..codes import FindingCode
from ..lawfacts import special_kinds
from .base import Checker

RULES = [
    FindingCode(
        "LGL040",
        "error",
        "A purpose uses a special category of data (Art. 9) without a condition of Art. 9(2), "
        "or data on criminal offences (Art. 10) without its legal basis.",
        "Give `special_category_condition` (a point of Art. 9(2), with `special_category_law` "
        "for b, g, h, i and j), or `criminal_offence_basis`.",
    ),
]


def check(lint: Checker) -> None:
    special = special_kinds(lint.data)
    needs_law = set(law.fact("gdpr", "art9_conditions", "law", ()))
    for i, purpose in enumerate(lint.data.purposes):
        art9 = [j for j, c in enumerate(purpose.data) if special.get(c) == "art9"]
        art10 = [j for j, c in enumerate(purpose.data) if special.get(c) == "art10"]
        if art9 and purpose.special_category_condition is None:
            lint.add(
                "LGL040",
                f"`{purpose.data[art9[0]]}` is a special category of personal data: processing "
                "it is prohibited unless a condition of Art. 9(2) applies; name it in "
                "`special_category_condition` (for example `a` for explicit consent, `b` for "
                "employment law, `h` for health care)",
                ("purposes", i, "data", art9[0]),
            )
        elif (
            art9
            and purpose.special_category_condition in needs_law
            and purpose.special_category_law is None
        ):
            lint.add(
                "LGL040",
                f"Art. 9(2)({purpose.special_category_condition}) rests on Union or national "
                "law: name it in `special_category_law`",
                ("purposes", i, "special_category_condition"),
            )
        if art10 and purpose.criminal_offence_basis is None:
            lint.add(
                "LGL040",
                f"`{purpose.data[art10[0]]}` is data on criminal convictions and offences: it "
                "may be processed only under official authority or where law authorises it "
                "(Art. 10); name that in `criminal_offence_basis`",
                ("purposes", i, "data", art10[0]),
            )
