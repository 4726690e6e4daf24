"""Safe YAML reading that remembers where every value came from.

Only plain data is accepted: mappings, sequences, strings, numbers, booleans and
null. Booleans follow YAML 1.2 (`true`/`false` only), so the country code `NO`
stays a string; numbers with leading zeros (postcodes) stay strings; dates stay
strings until the model parses them. Python tags, duplicate keys, alias bombs
and non-UTF-8 input are findings, never exceptions.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, Event
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

try:
    from yaml._yaml import CParser

    LIBYAML = True
except ImportError:  # PyYAML built without libyaml: the pure-Python parser only
    CParser = object  # type: ignore[assignment,misc]
    LIBYAML = False

from .findings import Finding, LegalDataError, Severity, format_path
from .records import record

Path_ = tuple[str | int, ...]

MAX_NODES = 200_000
"""Upper bound on values built from one file, aliases expanded (stops alias bombs)."""

MAX_DEPTH = 100
"""Deepest nesting of lists and maps accepted (a real data file needs fewer than ten)."""

MAX_BYTES = 5 * 1024 * 1024

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _MAP, _SEQ}


class _Refused(Exception):
    """The composer stops: the file is too large, too deep or refers to itself."""

    def __init__(self, event: Event, message: str) -> None:
        super().__init__(message)
        mark = event.start_mark
        self.line, self.column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self.message = message


class _Guarded(Composer):
    """A composer that refuses alias bombs, deep nesting and self-referring aliases.

    It counts the values the file expands to, aliases included, without expanding
    them, so an alias bomb is refused at the alias that sets it off.
    """

    def _guard(self) -> None:
        self._depth = 0
        self._expanded = 0
        self._sizes: dict[int, int] = {}
        self._open: set[str] = set()

    def _size(self, node: Node) -> int:
        """How many values `node` stands for once every alias in it is expanded."""
        known = self._sizes.get(id(node))
        if known is None:
            known = 1
            if isinstance(node, SequenceNode):
                known += sum(self._size(item) for item in node.value)
            elif isinstance(node, MappingNode):
                known += sum(self._size(k) + self._size(v) for k, v in node.value)
            self._sizes[id(node)] = known
        return known

    def _grow(self, amount: int, event: Event) -> None:
        self._expanded += amount
        if self._expanded > MAX_NODES:
            raise _Refused(
                event,
                f"the file expands to more than {MAX_NODES} values here (an alias bomb?); "
                "use fewer aliases (*name) or write the values out",
            )

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event: Event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, AliasEvent):
            if event.anchor in self._open:
                raise _Refused(
                    event,
                    f"the alias *{event.anchor} is inside the value it refers to; "
                    "an alias must refer to a value that is already complete",
                )
            node = super().compose_node(parent, index)
            if node is not None:
                self._grow(self._size(node), event)
            return node
        self._grow(1, event)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(
                event,
                f"lists and maps nest more than {MAX_DEPTH} levels deep here; "
                "a data file needs only a few levels",
            )
        anchor = event.anchor if isinstance(event, CollectionStartEvent) else None
        if anchor is not None:
            self._open.add(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1
            if anchor is not None:
                self._open.discard(anchor)


class _CoreLoader(_Guarded, yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema resolution of plain scalars, guarded."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._guard()


class _FastLoader(_Guarded, CParser, SafeConstructor, Resolver):
    """The same loader on libyaml's parser (about ten times faster); the composing,
    with its guards and scalar resolution, is the same Python code."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._guard()

    def compose_scalar_node(self, anchor: Any) -> ScalarNode:
        node = super().compose_scalar_node(anchor)
        node.style = node.style or None  # libyaml says "" for a plain scalar, PyYAML None
        return node


_PYYAML_ONLY = re.compile(
    r"[\t\ufeff?\x85\u2028\u2029]|:[ ]*[,\]}]|(?:^|[\s\[{,])!|[|>][-+0-9]*#", re.M
)


def _compose(text: str) -> Node | None:
    """The node tree of `text`. When libyaml is there it composes valid files; any problem
    is reported by composing again with PyYAML, whose messages the findings explain.

    The two disagree on a few rare inputs, which go to PyYAML alone (`_PYYAML_ONLY`):
    libyaml accepts a tab or a `?` inside a plain value and a `#` right after `|` or `>`,
    which PyYAML refuses, ends a tag at a comma, and places an empty value in a flow
    collection, or anything after a BOM, a column apart.

    Why two parsers: composing the demo's 350-line data file takes 2.8 ms with libyaml and
    27 ms with PyYAML alone (medians of 31 runs, 4 December 2026), about 1.6% of a whole build
    of the demo, a third of the plugin's 5% budget. `tests/test_fast_paths.py` holds them equal.
    """
    if LIBYAML and not _PYYAML_ONLY.search(text):
        try:
            return _single_node(_FastLoader(text))
        except (yaml.YAMLError, _Refused):
            pass
    return _single_node(_CoreLoader(text))


def _single_node(loader: _Guarded) -> Node | None:
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()  # type: ignore[attr-defined]


_PLAIN = {
    _BOOL: re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    _NULL: re.compile(r"^(?:~|null|Null|NULL|)$"),
    _INT: re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
    _FLOAT: re.compile(
        r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
}
"""YAML 1.2 core schema: what a plain scalar must look like to be read as that type."""

_CoreLoader.yaml_implicit_resolvers = {}
for _tag, _first in (
    (_BOOL, "tTfF"),
    (_NULL, ["~", "n", "N", ""]),
    (_INT, "-+0123456789"),
    (_FLOAT, "-+0123456789."),
):
    _CoreLoader.add_implicit_resolver(_tag, _PLAIN[_tag], list(_first))
_FastLoader.yaml_implicit_resolvers = _CoreLoader.yaml_implicit_resolvers


@record
class Origin:
    """Where a value was written: its file, its path in that file, its line and column."""

    file: str
    path: Path_
    line: int
    column: int


@record(frozen=False)
class Located:
    """Plain data read from a file, with the line and column of each value.

    Data merged from several files (`extends`) also records, in `origins`, the file and
    the path in that file of every value that came from another file or moved to another
    index; `origin()` uses it, so a finding names the place a value was written.
    """

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    origins: dict[Path_, tuple[str, Path_]] = field(default_factory=dict)

    def _nearest(self, path: Path_, key: bool) -> tuple[Path_, tuple[int, int]]:
        """`path` or its nearest ancestor that has a position, with that position."""
        path = tuple(path)
        while True:
            if key and path in self.keys:
                return path, self.keys[path]
            if path in self.values:
                return path, self.values[path]
            if not path:
                return path, (1, 1)
            path = path[:-1]

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of `path`, or of its nearest ancestor that exists."""
        return self._nearest(path, key)[1]

    def origin(self, path: Path_, *, key: bool = False) -> Origin:
        """File, path in that file, line and column of `path` (or its nearest ancestor)."""
        path = tuple(path)
        found, (line, column) = self._nearest(path, key)
        file, source = self.origins.get(found, (self.file, found))
        return Origin(file, (*source, *path[len(found) :]), line, column)

    def finding(
        self, path: Path_, code: str, severity: Severity, message: str, *, key: bool = False
    ) -> Finding:
        """A finding at the file, line and column the value at `path` came from."""
        o = self.origin(path, key=key)
        return Finding(o.file, o.line, o.column, code, severity, message, format_path(o.path))


def _finding(file: str, line: int, col: int, code: str, message: str, path: str = "") -> Finding:
    return Finding(file, line, col, code, "error", message, path)


def _short_tag(tag: str) -> str:
    """`tag:yaml.org,2002:python/tuple` → `!!python/tuple`, as it is written in a file."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


class _Builder:
    def __init__(self, located: Located) -> None:
        self.located = located
        self.findings: list[Finding] = []

    def fail(self, node: Node, code: str, message: str, path: Path_) -> None:
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

    def _tag_ok(self, node: Node, path: Path_) -> bool:
        """Only the plain-data tags, each on its own kind of node and with a fitting value."""
        tag = str(node.tag)
        if isinstance(node, MappingNode):
            ok = tag == _MAP
        elif isinstance(node, SequenceNode):
            ok = tag == _SEQ
        else:
            ok = tag == _STR or (tag in _PLAIN and bool(_PLAIN[tag].match(str(node.value))))
        if not ok:
            problem = (
                f"the YAML tag {_short_tag(tag)} does not fit this value; remove the tag"
                if tag in _ALLOWED_TAGS
                else f"the YAML tag {_short_tag(tag)} is not allowed; write plain values "
                "(text, numbers, true/false, lists and maps) without tags"
            )
            self.fail(node, "LGL002", problem, path)
        return ok

    def build(self, node: Node, path: Path_) -> Any:
        self.located.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if not self._tag_ok(node, path):
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, "LGL002", "a key must be plain text, not a list or a map", path)
                continue
            key = str(key_node.value)
            if key == "<<" and key_node.style is None:
                self.fail(
                    key_node,
                    "LGL002",
                    "YAML merge keys (<<) are not supported; write the keys out "
                    "(or share facts between files with `extends`)",
                    (*path, key),
                )
                continue
            if not self._tag_ok(key_node, (*path, key)):
                continue
            here = (*path, key)
            if key in out:
                first = self.located.keys.get(here, (0, 0))
                self.fail(
                    key_node,
                    "LGL003",
                    f"duplicate key {key!r}: it is already set on line {first[0]}, "
                    f"column {first[1]}; keep only one of them",
                    here,
                )
                continue
            self.located.keys[here] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            out[key] = self.build(value_node, here)
        return out

    def _scalar(self, node: ScalarNode, path: Path_) -> Any:
        value = str(node.value)
        if node.tag == _BOOL:
            return value.lower() == "true"
        if node.tag == _NULL:
            return None
        if node.tag == _INT:
            try:
                return int(value)
            except ValueError:  # more digits than Python converts
                self.fail(
                    node,
                    "LGL002",
                    "this number is too long; put it in quotes if it is meant as text",
                    path,
                )
                return None
        if node.tag == _FLOAT:
            return float(value.lower().replace(".inf", "inf").replace(".nan", "nan"))
        return value


_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def read_text(path: Path) -> str:
    """Read a data file as UTF-8 text, or raise `LegalDataError` saying why not."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LegalDataError(
            [_finding(name, 1, 1, "LGL001", "file not found; create it or fix the path")]
        ) from None
    except IsADirectoryError:
        raise LegalDataError(
            [_finding(name, 1, 1, "LGL001", "this is a folder; give the path of a YAML file")]
        ) from None
    except OSError as exc:
        raise LegalDataError(
            [_finding(name, 1, 1, "LGL001", f"cannot read the file: {exc.strerror}")]
        ) from None
    if len(raw) > MAX_BYTES:
        raise LegalDataError(
            [
                _finding(
                    name,
                    1,
                    1,
                    "LGL001",
                    f"file is larger than {MAX_BYTES // 1048576} MiB; "
                    "a data file is a few kilobytes of YAML text",
                )
            ]
        )
    for bom, encoding in _BOMS.items():
        if raw.startswith(bom):
            raise LegalDataError(
                [_finding(name, 1, 1, "LGL001", f"the file is {encoding}; save it as UTF-8")]
            )
    if b"\x00" in raw:
        raise LegalDataError(
            [
                _finding(
                    name,
                    1,
                    1,
                    "LGL001",
                    "this is a binary file (it contains NUL bytes), not YAML text; "
                    "the data file must be YAML saved as UTF-8",
                )
            ]
        )
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        before = raw[line_start : exc.start].decode("utf-8", errors="replace")
        raise LegalDataError(
            [
                _finding(
                    name,
                    line,
                    len(before) + 1,
                    "LGL001",
                    f"the byte 0x{raw[exc.start]:02X} here is not valid UTF-8 (the file "
                    "looks saved in another encoding, such as Latin-1); save it as UTF-8",
                )
            ]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character `index` in `text`."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _yaml_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and a plain-language message for a YAML syntax error."""
    problem = str(exc.problem or "invalid YAML")
    context = str(exc.context or "")
    mark = exc.problem_mark or exc.context_mark
    opened = exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    found = f"{problem} (line {line}, column {col})"
    if "found character '\\t'" in problem or (
        "\t" in text and mark is not None and text[mark.index : mark.index + 1] == "\t"
    ):
        return line, col, "a tab is used for indentation here; indent with spaces, not tabs"
    if context == "while scanning a quoted scalar" and opened is not None:
        quote = text[opened.index : opened.index + 1] or '"'
        return (
            opened.line + 1,
            opened.column + 1,
            f"the quote {quote} opened here is never closed ({found}); "
            f"end the text with a matching {quote}",
        )
    if context.startswith("while parsing a flow ") and opened is not None:
        bracket = text[opened.index : opened.index + 1] or "["
        closing = {"[": "]", "{": "}"}.get(bracket, "]")
        return (
            opened.line + 1,
            opened.column + 1,
            f"the {bracket} opened here is not closed properly: {found}; "
            f"separate the items with commas and close it with {closing}",
        )
    hints = {
        "mapping values are not allowed here": "put text that contains ': ' in quotes, "
        "or check the indentation",
        "could not find expected ':'": "write each key as `key: value`, or put text in quotes",
        "but found another document": "keep one YAML document: remove the second `---`",
        "found undefined alias": "define the anchor (&name) before the alias (*name) uses it",
        "found duplicate anchor": "give each anchor (&name) a different name",
    }
    hint = next(
        (h for key, h in hints.items() if key in problem),
        "check the indentation and the quotes on this line and the one before it",
    )
    where = f"{context}: " if context else ""
    return line, col, f"invalid YAML ({where}{problem}); {hint}"


def parse(text: str, file: str) -> Located:
    """Parse YAML text into plain data with positions; raise `LegalDataError` on bad YAML."""
    located = Located(file, None)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        line, col, message = _yaml_error(exc, text)
        raise LegalDataError([_finding(file, line, col, "LGL001", message)]) from None
    except yaml.reader.ReaderError as exc:
        line, col = _position(text, int(exc.position))
        code = ord(exc.character) if isinstance(exc.character, str) else int(exc.character)
        raise LegalDataError(
            [
                _finding(
                    file,
                    line,
                    col,
                    "LGL001",
                    f"the control character U+{code:04X} is not allowed in YAML; delete it",
                )
            ]
        ) from None
    except _Refused as exc:
        raise LegalDataError(
            [_finding(file, exc.line, exc.column, "LGL001", exc.message)]
        ) from None
    except yaml.YAMLError as exc:
        raise LegalDataError([_finding(file, 1, 1, "LGL001", f"invalid YAML: {exc}")]) from None
    if node is None:
        raise LegalDataError(
            [
                _finding(
                    file,
                    1,
                    1,
                    "LGL001",
                    "the file has no data; it needs at least `schema: 1`, "
                    "`organisation` and `versions`",
                )
            ]
        )
    builder = _Builder(located)
    data = builder.build(node, ())
    if builder.findings:
        raise LegalDataError(builder.findings)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise LegalDataError(
            [
                _finding(
                    file,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    "LGL001",
                    f"the top level is {kind}, but it must be a map of keys such as "
                    "`schema: 1`, `organisation:` and `versions:`",
                )
            ]
        )
    located.data = data
    return located


def load(path: Path) -> Located:
    """Read and parse one YAML data file."""
    return parse(read_text(path), str(path))
