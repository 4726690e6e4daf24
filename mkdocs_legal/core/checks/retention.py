"""Storage limitation: a period or criteria, never "forever"; long periods need a law."""

from __future__ import annotations

from .. import law
from ..codes import FindingCode
from ..model import DURATION_RE, Retention
from ..yamlsource import Path_
from .base import Checker, find

RULES = [
    FindingCode(
        "LGL043",
        "error",
        "A retention that keeps data forever, or gives neither a period nor criteria.",
        "Give `period` (and `from`), or `criteria` that decide when the data is erased "
        "(Art. 5(1)(e), 13(2)(a)).",
    ),
    FindingCode(
        "LGL121",
        "warning",
        "A retention period over ten years with no legal obligation behind it.",
        "Shorten the period, or use it for a purpose on legal basis `c` that names the law.",
    ),
]


def months(duration: str) -> float:
    """A duration in months (weeks and days at 30.44 days a month)."""
    parts = DURATION_RE.match(duration)
    if parts is None:
        return 0.0
    y, m, w, d = (int(parts.group(k) or 0) for k in ("years", "months", "weeks", "days"))
    return y * 12 + m + (w * 7 + d) / 30.44


def _rules(lint: Checker) -> list[tuple[Path_, Retention, set[str]]]:
    """Every retention of the file, where it is, and the legal bases of the purposes using it."""
    data = lint.data
    found: list[tuple[Path_, Retention, set[str]]] = []
    for key, rule in data.retention.items():
        bases: set[str] = {p.legal_basis for p in data.purposes if p.retention == key}
        found.append((("retention", key), rule, bases))
    for i, p in enumerate(data.purposes):
        if isinstance(p.retention, Retention):
            found.append((("purposes", i, "retention"), p.retention, {p.legal_basis}))
    return found


def check(lint: Checker) -> None:
    limit = int(law.fact("gdpr", "retention", "long_years", 10))
    for path, rule, bases in _rules(lint):
        forever = None
        for key in ("criteria", "from_"):
            hit = find("retention_forever", getattr(rule, key), lint.languages)
            if hit:
                forever = ((*path, "from" if key == "from_" else key, *hit[0]), hit[1])
                break
        if forever:
            lint.add(
                "LGL043",
                f"{forever[1]!r}: data may be kept only as long as the purpose needs; give a "
                "period or the criteria that decide when it is erased",
                forever[0],
            )
        elif rule.period is None and rule.criteria is None and rule.from_ != "consent_withdrawn":
            lint.add(
                "LGL043",
                "this retention gives neither a `period` nor `criteria`: say how long the data "
                "is kept, or how that is decided",
                path,
            )
        elif rule.period and months(rule.period) > limit * 12 and "c" not in bases:
            lint.add(
                "LGL121",
                f"{rule.period} is more than {limit} years, and no purpose on legal basis `c` "
                "(a legal obligation) keeps the data this long: shorten it, or name the law",
                (*path, "period"),
            )
