"""Lint rules by legal topic, each module with its own rules and its check.

`core/lint.py` keeps the rules of reading, references, placeholders, versions and
translations; the modules here add the rules of one topic each: a list `RULES` and a function
`check(linter)`. `TOPICS` is the order they run in; `lint.RULES` gathers every code (the catalogue is `codes.py`).
"""

from __future__ import annotations

from ..codes import FindingCode
from . import children, cookies, decisions, marketing, parties, retention, special, wording
from .base import Checker

TOPICS = (special, marketing, retention, children, decisions, cookies, wording, parties)

RULES: list[FindingCode] = [rule for topic in TOPICS for rule in topic.RULES]

__all__ = ["RULES", "TOPICS", "Checker", "FindingCode"]
