"""Turn plain data into a `LegalData` model, reporting every problem as a located finding."""

from __future__ import annotations

import difflib
from collections import defaultdict
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from .findings import Finding, format_path
from .model import LegalData, json_schema
from .yamlsource import Located, Path_

_KIND = {
    "string_type": "text",
    "dict_type": "a map of language code to text, such as {en: …, sv: …}",
    "list_type": "a list",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "model_type": "a map of keys",
    "model_attributes_type": "a map of keys",
}


def describe(value: Any) -> str:
    """How a value reads to a user: `text 'abc'`, `a number (3)`, `a list`…"""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a map"
    return type(value).__name__


def _data_path(data: Any, loc: tuple[str | int, ...]) -> Path_:
    """Drop pydantic's union-member tags from `loc`, keeping the keys that exist in `data`."""
    out: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            out.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            out.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and not out and part in {
            "schema"
        }:
            out.append(part)
            current = None
    return tuple(out)


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json_schema()


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """Expand `$ref` and `anyOf` into the object schemas a value may match."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return _resolve(schema, schema["$defs"][name])
    if "anyOf" in node:
        return [s for option in node["anyOf"] for s in _resolve(schema, option)]
    return [node]


def allowed_keys(path: Path_) -> list[str]:
    """Keys the schema allows in the map at `path` (for "did you mean" hints)."""
    schema = _schema()
    nodes = [schema]
    for part in path:
        nxt: list[dict[str, Any]] = []
        for node in (n for raw in nodes for n in _resolve(schema, raw)):
            if isinstance(part, int) and "items" in node:
                nxt.append(node["items"])
            elif isinstance(part, str):
                if part in node.get("properties", {}):
                    nxt.append(node["properties"][part])
                elif isinstance(node.get("additionalProperties"), dict):
                    nxt.append(node["additionalProperties"])
        nodes = nxt
    keys: list[str] = []
    for node in (n for raw in nodes for n in _resolve(schema, raw)):
        keys.extend(k for k in node.get("properties", {}) if k not in keys)
    return keys


def _message(err: Any, value: Any, path: Path_) -> tuple[str, str]:
    """(code, message) for one pydantic error."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "LGL004", f"required field `{err['loc'][-1]}` is missing"
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else ""
        options = allowed_keys(path[:-1])
        close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        valid = ", ".join(options) if options else "none"
        return "LGL005", f"unknown key `{key}`{hint} Valid keys here: {valid}"
    if kind == "literal_error":
        return "LGL006", f"got {describe(value)}; expected one of {ctx.get('expected', '')}"
    if kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
        return "LGL007", f"got {describe(value)}; {message}"
    if kind == "string_pattern_mismatch":
        if path and path[0] in {"versions"}:
            return "LGL007", f"got {describe(value)}; expected an ISO date such as 2025-03-01"
        return (
            "LGL008",
            f"got {describe(value)}; an id is lowercase letters, digits, `_` or `-`, "
            "starting with a letter (language codes: `en`, `sv`, `pt-BR`)",
        )
    if kind in {"too_short", "string_too_short"}:
        return "LGL004", f"got {describe(value)}; it must not be empty"
    if kind in {"greater_than_equal", "less_than_equal", "string_too_long"}:
        return "LGL006", f"got {describe(value)}; {err['msg'].lower()}"
    expected = _KIND.get(kind, err["msg"])
    return "LGL006", f"got {describe(value)}; expected {expected}"


def _value_at(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def model_findings(located: Located, exc: ValidationError) -> list[Finding]:
    """Located, deduplicated findings for a pydantic `ValidationError`."""
    grouped: dict[Path_, list[tuple[str, str, bool]]] = defaultdict(list)
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        path = _data_path(located.data, loc)
        if err["type"] == "extra_forbidden":
            path = (*path[:-1], loc[-1]) if path and path[-1] == loc[-1] else (*path, loc[-1])
        if err["type"] == "missing":
            pass
        value = _value_at(located.data, path)
        code, message = _message(err, value, path)
        is_type = err["type"] in _KIND or err["type"] in {"literal_error", "value_error"}
        grouped[path].append((code, message, is_type))
    findings: list[Finding] = []
    paths = list(grouped)
    for path, items in grouped.items():
        deeper = any(other[: len(path)] == path and len(other) > len(path) for other in paths)
        if deeper:
            items = [i for i in items if not i[2]] or []
            if not items:
                continue
        seen: dict[str, str] = {}
        for code, message, _ in items:
            seen.setdefault(message, code)
        messages = list(seen)
        if len(messages) > 1 and all(m.startswith("got ") for m in messages):
            head = messages[0].split(";", 1)[0]
            alternatives = " or ".join(m.split("; ", 1)[1].removeprefix("expected ") for m in messages)
            messages = [f"{head}; expected {alternatives}"]
        key_pos = bool(items) and items[0][0] == "LGL005"
        line, col = located.where(path, key=key_pos)
        for message in messages:
            findings.append(
                Finding(located.file, line, col, seen.get(message, items[0][0]), "error", message,
                        format_path(path))
            )
    return sorted(findings)


def to_model(located: Located) -> tuple[LegalData | None, list[Finding]]:
    """Validate plain data against the model."""
    try:
        return LegalData.model_validate(located.data), []
    except ValidationError as exc:
        return None, model_findings(located, exc)
