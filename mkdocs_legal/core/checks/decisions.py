"""Automated individual decisions (GDPR Art. 22): each needs its Art. 22(2) exception."""

from __future__ import annotations

from ..codes import FindingCode
from .base import Checker

RULES = [
    FindingCode(
        "LGL045",
        "error",
        "An automated decision without the exception of Art. 22(2) that allows it.",
        "Give `exception`: `contract`, `law` (with `law`) or `explicit_consent`.",
    ),
]


def check(lint: Checker) -> None:
    decisions = lint.data.automated_decisions
    if not isinstance(decisions, list):
        return
    for i, d in enumerate(decisions):
        if d.exception is None:
            lint.add(
                "LGL045",
                "a decision based solely on automated processing with legal or similarly "
                "significant effects is prohibited unless an exception of Art. 22(2) applies: "
                "give `exception` (`contract`, `law` or `explicit_consent`)",
                ("automated_decisions", i),
            )
        elif d.exception == "law" and d.law is None:
            lint.add(
                "LGL045",
                "`exception: law` needs `law`: the Union or national law that authorises the "
                "decision and lays down safeguards (Art. 22(2)(b))",
                ("automated_decisions", i, "exception"),
            )
