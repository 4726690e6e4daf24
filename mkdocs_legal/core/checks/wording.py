"""Free text that undoes the rules: consent by use, changes without notice, waived rights."""

from __future__ import annotations

from ..codes import FindingCode
from .base import Checker, find

RULES = [
    FindingCode(
        "LGL047",
        "error",
        "Text that claims consent by use of the website, reserves changes without notice, or "
        "waives statutory rights.",
        "Remove the sentence: consent needs a clear affirmative act (Art. 4(11), 7; Planet49), "
        "people are told of changes, and rights cannot be waived.",
    ),
]

WHY = {
    "consent_by_use": "claims consent by using the website, which is not valid consent "
    "(Art. 4(11) and 7 GDPR; CJEU C-673/17 Planet49): rely on a legal basis per purpose "
    "and ask for consent with a clear affirmative act",
    "change_without_notice": "reserves changes without notice, but people must be told of "
    "changes before they apply (Art. 12, 13(3) GDPR); say how you announce them",
    "waiver": "waives rights that the law gives and no text can take away (Art. 12(2) GDPR; "
    "Directive 2011/83/EU Art. 25)",
}


def check(lint: Checker) -> None:
    from ..lint import is_prose, walk_texts

    for path, value in walk_texts(lint.located.data):
        if not is_prose(path):
            continue
        for entry, why in WHY.items():
            hit = find(entry, value, lint.languages)
            if hit:
                lint.add("LGL047", f"{hit[1]!r} {why}", (*path, *hit[0]))
                break
