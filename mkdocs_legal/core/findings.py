"""Findings: what validation and lint report, located in a file."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from .records import asdict, record

Severity = Literal["error", "warning"]


@record(order=True)
class Finding:
    """One problem in a data file, with where it is and what would be valid."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    path: str = ""

    def format(self) -> str:
        """`FILE:LINE:COL: CODE severity: message (field.path)`, as SPEC §7 prints it."""
        where = f" ({self.path})" if self.path else ""
        return (
            f"{self.file}:{self.line}:{self.column}: {self.code} {self.severity}: "
            f"{self.message}{where}"
        )


class LegalDataError(Exception):
    """Raised when a data file cannot be used; carries every finding that stops it."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        super().__init__("\n".join(f.format() for f in self.findings))


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def warnings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "warning"]


def to_dicts(findings: Iterable[Finding]) -> list[dict[str, object]]:
    """Findings as plain dicts (`file`, `line`, `column`, `code`, …) for JSON output."""
    return [asdict(f) for f in findings]


def to_json(findings: Iterable[Finding]) -> str:
    return json.dumps(to_dicts(findings), ensure_ascii=False, indent=2)


def format_path(parts: Sequence[str | int]) -> str:
    """`("purposes", 2, "legal_basis")` → `purposes[2].legal_basis`."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def describe(value: Any) -> str:
    """How a value reads to a user: `text 'abc'`, `a number (3)`, `a list`…"""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a map" if value else "an empty map"
    return type(value).__name__
