"""Every problem in data the model rejects, as located findings worded for the user.

Builds never import this module for valid data: `source.to_model` tries
`core/construct.py` first and comes here (and to pydantic, through `core/schema.py`)
only when that says no.
"""

from __future__ import annotations

import calendar
import difflib
from collections import defaultdict
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from .findings import Finding, describe, format_path
from .model import ID_PATTERN, LANGUAGE_RE
from .records import replace
from .schema import json_schema, validator
from .yamlsource import Located, Path_

_KIND = {
    "string_type": "text",
    "dict_type": "a map of language code to text, such as {en: …, sv: …}",
    "list_type": "a list",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "model_type": "a map of keys",
    "model_attributes_type": "a map of keys",
}

_PATTERNS = {
    ID_PATTERN: "an id: lowercase letters, digits, `_` or `-`, starting with a letter, "
    "such as `contact_form`",
    LANGUAGE_RE.pattern: "a language code such as `en`, `sv` or `pt-BR`",
    r"^(?:[A-Z]{2}|EU|EEA)$": "a country code in capitals such as SE or DE, or EU or EEA",
}

_EXAMPLES = {
    ("schema",): "`schema: 1`",
    ("organisation",): "`organisation:` with at least `name:` (the legal name)",
    ("versions",): "`versions:` with at least one entry such as `- effective: 2025-03-01`",
}

_FIRST_ITEM = {("versions",): "`- effective: 2025-03-01`"}


def _data_path(data: Any, loc: tuple[str | int, ...]) -> Path_:
    """Drop pydantic's union-member tags from `loc`, keeping the keys that exist in `data`."""
    out: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict):
            found = isinstance(part, str) and part in current
        else:
            found = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if found:
            out.append(part)
            current = current[part]
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


def _schema_nodes(path: Path_) -> list[dict[str, Any]]:
    """The schemas that describe the value at `path` (several where the model has a union)."""
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
    return [n for raw in nodes for n in _resolve(_schema(), raw)]


def allowed_keys(path: Path_) -> list[str]:
    """Keys the schema allows in the map at `path` (for "did you mean" hints)."""
    keys: list[str] = []
    for node in _schema_nodes(path):
        keys.extend(k for k in node.get("properties", {}) if k not in keys)
    return keys


def _kind(node: dict[str, Any]) -> str:
    """What a JSON Schema node accepts, in words."""
    if "const" in node:
        return f"`{node['const']}`"
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    if node.get("format") == "date":
        return "an ISO date such as 2025-03-01"
    kind = node.get("type")
    if kind == "string":
        pattern = node.get("pattern")
        if pattern in _PATTERNS:
            return _PATTERNS[pattern]
        return str(node["description"]) if pattern and "description" in node else "text"
    if kind == "object" and "patternProperties" in node:
        return "a map of language code to text"
    return {
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a map",
    }.get(str(kind), "a value")


def _expected(path: Path_) -> str:
    """What the schema accepts at `path`, such as `text or a map of language code to text`."""
    if path in _EXAMPLES:
        return _EXAMPLES[path]
    kinds: list[str] = []
    for node in _schema_nodes(path):
        kind = _kind(node)
        if kind not in kinds:
            kinds.append(kind)
    return f"`{path[-1]}:` with " + " or ".join(kinds) if kinds else f"`{path[-1]}:`"


def _value_error(message: str, value: Any) -> str:
    """The model's own message for a rejected value, with what would be valid where it lacks it."""
    message = message.removeprefix("Value error, ")
    if message.endswith("is not a real calendar date") and isinstance(value, str):
        year, month, _ = (int(p) for p in value.split("-"))
        if year < 1:
            return f"{message}: the year must be 0001 or later"
        if 1 <= month <= 12:
            days = calendar.monthrange(year, month)[1]
            return f"{message}: {calendar.month_name[month]} {year} has {days} days"
        return f"{message}: the month must be 01 to 12 (YYYY-MM-DD)"
    if message.endswith("is not an ISO 3166-1 alpha-2 country code"):
        return f"{message}; use a code such as SE, DE, NO or GB"
    return message


def _message(err: Any, value: Any, path: Path_, on_key: bool) -> tuple[str, str]:
    """(code, message) for one pydantic error."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = f"the key {value!r}" if on_key else describe(value)
    if kind == "missing":
        where = f" from `{format_path(path[:-1])}`" if path[:-1] else ""
        return "LGL004", f"required field `{path[-1]}` is missing{where}; add {_expected(path)}"
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else ""
        options = allowed_keys(path[:-1])
        close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        valid = ", ".join(options) if options else "none"
        return "LGL005", f"unknown key `{key}`{hint}; the keys allowed here are: {valid}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        one = "" if " or " in expected else "one of " if "," in expected else ""
        return "LGL006", f"got {got}; expected {one}{expected}"
    if kind == "value_error":
        message = _value_error(str(ctx.get("error", err["msg"])), value)
        return "LGL007", f"got {got}; {message}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        kinds = [_kind(node) for node in _schema_nodes(path)]
        expected = _PATTERNS.get(pattern) or next(
            (k for k in kinds if k != "text"), f"text matching {pattern}"
        )
        code = "LGL008" if pattern in (ID_PATTERN, LANGUAGE_RE.pattern) else "LGL007"
        return code, f"got {got}; expected {expected}"
    if kind in {"too_short", "string_too_short"}:
        item = "at least one entry" if kind == "too_short" else "some text"
        example = f", such as {_FIRST_ITEM[path]}" if path in _FIRST_ITEM else ""
        return "LGL004", f"got {got}; it must not be empty: give {item}{example}"
    if kind in {"greater_than_equal", "less_than_equal", "string_too_long", "too_long"}:
        return "LGL006", f"got {got}; {err['msg'].lower()}"
    expected = _KIND.get(kind, err["msg"])
    if kind == "string_type" and isinstance(value, (int, float)):
        expected += " (put the value in quotes to make it text)"
    return "LGL006", f"got {got}; expected {expected}"


def _value_at(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _merge(messages: list[str]) -> list[str]:
    """`got X; expected A` + `got X; expected B` → `got X; expected A or B`."""
    if len(messages) < 2 or not all(m.startswith("got ") and "; " in m for m in messages):
        return messages
    head = messages[0].split("; ", 1)[0]
    options: list[str] = []
    for message in messages:
        option = message.split("; ", 1)[1]
        option = option.removeprefix("expected ").removeprefix("must be ")
        option = option.removesuffix(" (put the value in quotes to make it text)")
        if option not in options:
            options.append(option)
    return [f"{head}; expected {' or '.join(options)}"]


def model_findings(
    located: Located, exc: ValidationError, *, complete: bool = True
) -> list[Finding]:
    """Located, deduplicated findings for a pydantic `ValidationError`.

    With `complete=False` (a base file checked on its own) missing fields are not reported.
    """
    grouped: dict[tuple[Path_, bool], list[tuple[str, str, bool]]] = defaultdict(list)
    for err in exc.errors(include_url=False):
        if not complete and err["type"] == "missing":
            continue
        loc = tuple(err["loc"])
        on_key = bool(loc) and loc[-1] == "[key]"
        path = _data_path(located.data, loc)
        if err["type"] in {"extra_forbidden", "missing"} and (not path or path[-1] != loc[-1]):
            path = (*path, loc[-1])
        value = path[-1] if on_key and path else _value_at(located.data, path)
        code, message = _message(err, value, path, on_key)
        is_type = err["type"] in _KIND or err["type"] in {"literal_error", "value_error"}
        grouped[(path, on_key)].append((code, message, is_type))
    findings: list[Finding] = []
    paths = [path for path, _ in grouped]
    for (path, on_key), items in grouped.items():
        deeper = any(other[: len(path)] == path and len(other) > len(path) for other in paths)
        if deeper:
            items = [i for i in items if not i[2]]
            if not items:
                continue
        codes: dict[str, str] = {}
        for code, message, _ in items:
            codes.setdefault(message, code)
        messages = _merge(list(codes))
        code = items[0][0]
        if code == "LGL004" and path and messages[0].startswith("required"):
            parent = located.origin(path[:-1], key=True)
            origin = replace(parent, path=(*parent.path, path[-1]))
        else:
            origin = located.origin(path, key=on_key or code == "LGL005")
        for message in messages:
            findings.append(
                Finding(
                    origin.file,
                    origin.line,
                    origin.column,
                    codes.get(message, code),
                    "error",
                    message,
                    format_path(origin.path),
                )
            )
    return sorted(findings)


def findings(located: Located, *, complete: bool = True) -> list[Finding]:
    """Why the model rejects `located.data`, one finding per problem; empty if it does not.

    `complete=False` checks a base file alone: every value it has is checked, but missing
    fields are not findings (the files that extend it supply them).
    """
    try:
        validator().model_validate(located.data)
    except ValidationError as exc:
        return model_findings(located, exc, complete=complete)
    return []
