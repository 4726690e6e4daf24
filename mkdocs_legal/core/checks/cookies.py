"""Cookies: trackers are never `necessary`; consent is asked again at least every 13 months."""

from __future__ import annotations

from .. import law
from ..codes import FindingCode
from ..trackers import tracker
from .base import Checker
from .retention import months

RULES = [
    FindingCode(
        "LGL046",
        "error",
        "A cookie marked `necessary` that is a pixel, a well-known tracker, or comes from an "
        "analytics or marketing recipient.",
        "Use the category it belongs to (`statistics` or `marketing`): it needs consent "
        "(ePrivacy Directive Art. 5(3)).",
    ),
    FindingCode(
        "LGL122",
        "warning",
        "A cookie that needs consent and lasts longer than 13 months.",
        "Shorten its lifetime to at most 13 months (`P13M`), so consent is asked again.",
    ),
]

TRACKING_RECIPIENTS = {"analytics_providers", "marketing_providers"}


def check(lint: Checker) -> None:
    data = lint.data
    if data.cookies is None:
        return
    by_id = {r.id: r for r in data.recipients}
    longest = int(law.fact("gdpr", "cookie_lifetime", "max_months", 13))
    for i, c in enumerate(data.cookies.items):
        path = ("cookies", "items", i)
        if c.category == "necessary":
            source = by_id.get(c.provider)
            known = tracker(c.name)
            why = None
            if c.type == "pixel":
                why = (
                    "a pixel reports to its provider, which no service the visitor asked for needs"
                )
            elif known is not None:
                why = f"`{c.name}` is a cookie of {known[0].replace('_', ' ')} ({known[1]['use']})"
            elif source is not None and source.category in TRACKING_RECIPIENTS:
                why = (
                    f"its provider `{source.id}` is one of the {source.category.replace('_', ' ')}"
                )
            if why:
                lint.add(
                    "LGL046",
                    f"cookie `{c.name}` cannot be `necessary`: {why}; only what is strictly "
                    "necessary for a service the visitor asked for is exempt from consent "
                    "(ePrivacy Directive Art. 5(3))",
                    (*path, "category"),
                )
        elif c.duration != "session" and months(c.duration) > longest + 0.01:
            lint.add(
                "LGL122",
                f"cookie `{c.name}` needs consent and lasts {c.duration}: ask again at least "
                f"every {longest} months (P{longest}M)",
                (*path, "duration"),
            )
