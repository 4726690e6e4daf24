"""Safe YAML reading that remembers where every value came from.

Only plain data is accepted: mappings, sequences, strings, numbers, booleans and
null. Booleans follow YAML 1.2 (`true`/`false` only), so the country code `NO`
stays a string; numbers with leading zeros (postcodes) stay strings; dates stay
strings until the model parses them. Python tags, duplicate keys, alias bombs
and non-UTF-8 input are findings, never exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .findings import Finding, LegalDataError

Path_ = tuple[str | int, ...]

MAX_NODES = 200_000
"""Upper bound on values built from one file, aliases expanded (stops alias bombs)."""

MAX_BYTES = 5 * 1024 * 1024

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _MAP, _SEQ}


class _CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema resolution of plain scalars."""


_CoreLoader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in (
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_INT, r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        _FLOAT,
        r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
):
    _CoreLoader.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


@dataclass
class Located:
    """Plain data read from a file, with the line and column of each value."""

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of `path`, or of its nearest ancestor that exists."""
        path = tuple(path)
        while True:
            if key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return (1, 1)
            path = path[:-1]


def _finding(file: str, line: int, col: int, code: str, message: str, path: str = "") -> Finding:
    return Finding(file, line, col, code, "error", message, path)


class _Builder:
    def __init__(self, located: Located) -> None:
        self.located = located
        self.count = 0
        self.findings: list[Finding] = []

    def fail(self, node: Node, code: str, message: str, path: Path_) -> None:
        from .findings import format_path

        self.findings.append(
            _finding(
                self.located.file,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                code,
                message,
                format_path(path),
            )
        )

    def build(self, node: Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge(node)
        self.located.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _ALLOWED_TAGS:
            self.fail(
                node,
                "LGL002",
                f"the YAML tag {node.tag!r} is not allowed; write plain values "
                "(text, numbers, true/false, lists and maps) only",
                path,
            )
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(key_node, "LGL002", "YAML merge keys (<<) are not supported", path)
                continue
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, "LGL002", "a key must be plain text", path)
                continue
            key = str(key_node.value)
            if key in out:
                first = self.located.keys.get((*path, key), (0, 0))
                self.fail(
                    key_node,
                    "LGL003",
                    f"duplicate key {key!r} (first defined on line {first[0]}); "
                    "keep one of them",
                    (*path, key),
                )
                continue
            self.located.keys[(*path, key)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            out[key] = self.build(value_node, (*path, key))
        return out

    @staticmethod
    def _scalar(node: ScalarNode) -> Any:
        value = node.value
        if node.tag == _BOOL:
            return value.lower() == "true"
        if node.tag == _NULL:
            return None
        if node.tag == _INT:
            return int(value)
        if node.tag == _FLOAT:
            return float(value.replace("inf", "Inf").lower().replace("Inf", "inf"))
        return value


class _TooLarge(Exception):
    def __init__(self, node: Node) -> None:
        self.node = node


def read_text(path: Path) -> str:
    """Read a data file as UTF-8 text, or raise `LegalDataError` saying why not."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LegalDataError(
            [_finding(name, 1, 1, "LGL001", "file not found; create it or fix the path")]
        ) from None
    except OSError as exc:
        raise LegalDataError(
            [_finding(name, 1, 1, "LGL001", f"cannot read the file: {exc.strerror}")]
        ) from None
    if len(raw) > MAX_BYTES:
        raise LegalDataError(
            [_finding(name, 1, 1, "LGL001", f"file is larger than {MAX_BYTES // 1048576} MiB")]
        )
    if b"\x00" in raw:
        raise LegalDataError(
            [_finding(name, 1, 1, "LGL001", "this is a binary file, not YAML text")]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LegalDataError(
            [_finding(name, line, col, "LGL001", "the file is not valid UTF-8; save it as UTF-8")]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str, file: str) -> Located:
    """Parse YAML text into plain data with positions; raise `LegalDataError` on bad YAML."""
    located = Located(file, None)
    try:
        node = yaml.compose(text, Loader=_CoreLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        hint = ""
        if "\t" in text and "tab" in str(problem).lower() + str(exc.context or "").lower():
            hint = "; indent with spaces, not tabs"
        elif "found character '\\t'" in str(exc):
            hint = "; indent with spaces, not tabs"
        context = f" {exc.context}" if exc.context else ""
        raise LegalDataError(
            [_finding(file, line, col, "LGL001", f"invalid YAML:{context} {problem}{hint}")]
        ) from None
    except yaml.YAMLError as exc:
        raise LegalDataError([_finding(file, 1, 1, "LGL001", f"invalid YAML: {exc}")]) from None
    if node is None:
        raise LegalDataError(
            [_finding(file, 1, 1, "LGL001", "the file is empty; it needs at least `schema: 1`, "
                      "`organisation` and `versions`")]
        )
    builder = _Builder(located)
    try:
        data = builder.build(node, ())
    except _TooLarge as exc:
        raise LegalDataError(
            [
                _finding(
                    file,
                    exc.node.start_mark.line + 1,
                    exc.node.start_mark.column + 1,
                    "LGL001",
                    f"the file expands to more than {MAX_NODES} values (an alias bomb?)",
                )
            ]
        ) from None
    except RecursionError:
        raise LegalDataError(
            [_finding(file, 1, 1, "LGL001", "the file nests too deeply or refers to itself")]
        ) from None
    if builder.findings:
        raise LegalDataError(builder.findings)
    if not isinstance(data, dict):
        raise LegalDataError(
            [
                _finding(
                    file,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    "LGL001",
                    "the top level must be a map of keys such as `schema`, `organisation`, "
                    "`versions`",
                )
            ]
        )
    located.data = data
    return located


def load(path: Path) -> Located:
    """Read and parse one YAML data file."""
    return parse(read_text(path), str(path))
