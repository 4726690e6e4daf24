"""Word-level redlines between two versions of a rendered Markdown text (SPEC §5).

Both texts are first normalised (`normalise`). Lines are aligned with difflib;
changed lines of the same shape (same list marker, heading level and id, table
cell count) are paired and diffed word by word, so headings, list items and table
rows keep their structure. Links, character references, attribute lists, inline
code, emphasis spans and HTML tags are single tokens: a change never splits them.

`redline_markdown` marks removed text `<del>…</del>` and added text `<ins>…</ins>`.
A wholly removed or added line keeps its structural prefix (`- `, `## `, table
pipes) outside the tag; a table's `|---|` row, which cannot hold a tag, belongs
to the tagged header row above it. `accept` and `reject` undo a redline exactly:
`accept(redline_markdown(old, new)) == normalise(new)`, and `reject(…)` gives
`normalise(old)`. A removed blank line that the redline cannot show as a blank
line (it would join two lines of the new text) is an empty `<del></del>` line, and
an added one `<ins></ins>`. This holds for texts that do not themselves contain
the literal strings `<ins>`, `</ins>`, `<del>` or `</del>` (rendered texts never
do: `<` is escaped outside code).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

from .align import opcodes

_Tag = Literal["del", "ins"]

_TOKEN = re.compile(
    r"""
      (?P<tick>`+).{1,999}?(?<!`)(?P=tick)(?!`)                 # inline code
    | !?\[(?:\\.|[^\[\]\\\n])*\]                                # link / image label …
      (?:\((?:<[^<>\n]*>|(?:\\.|[^()\s\\]|\([^()\s]*\))*)       # … (target)
         (?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)
        |\[[^\[\]\n]*\])                                        # … or [reference]
    | &(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});  # character reference
    | \{[^{}\n]*\}                                              # attribute list
    | <[^<>\n]*>                                                # HTML tag, autolink
    | \\.                                                       # backslash escape
    | \*\*(?![\s*]).{0,999}?(?<![\s*])\*\*                      # strong
    | \*(?![\s*])[^*\n]*?(?<![\s*])\*                           # emphasis
    | (?<!\w)__(?![\s_]).{0,999}?(?<![\s_])__(?!\w)
    | (?<!\w)_(?![\s_])[^_\n]*?(?<![\s_])_(?!\w)
    | \w+ | \s+ | .
    """,
    re.VERBOSE | re.DOTALL,
)
_PIPE = re.compile(r"(?P<tick>`+).{1,999}?(?<!`)(?P=tick)(?!`)|\\.|\|")
_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:#{1,6}|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*)?")
_HEADING_SUFFIX = re.compile(r"[ \t]+(?:\{[^{}\n]*\}|#+)$")
_ROW = re.compile(r" {0,3}\|")
_SEP = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_SKELETON = re.compile(
    r"[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}|[-*+]|\d{1,9}[.)])?[ \t]*(?:\{[^{}\n]*\}|#+)?[ \t]*"
    r"|[ \t]*\|[ \t|]*"
)
_SPANS = {tag: re.compile(f"<{tag}>.*?</{tag}>") for tag in ("del", "ins")}
_HEADING = re.compile(r" {0,3}#{1,2}[ \t]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SIMILAR = 0.4
_DP_LIMIT = 2500


def normalise(text: str) -> str:
    """LF line endings, no trailing whitespace, no repeated, leading or trailing blank lines."""
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def changed(old: str, new: str) -> bool:
    """Whether the two texts differ once normalised."""
    return normalise(old) != normalise(new)


def tokens(text: str) -> list[str]:
    """Words, spaces, punctuation and atomic Markdown pieces; they join back into `text`."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)  # lines recur across versions and are asked for more than once
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in _TOKEN.finditer(text))


# --- structure -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    """A table cell: whitespace around its content stays outside tags."""

    lead: str
    core: str
    trail: str


@dataclass(frozen=True)
class _Line:
    text: str
    kind: Literal["blank", "text", "row", "sep"]
    head: str = ""
    body: str = ""
    tail: str = ""
    cells: tuple[_Segment, ...] = ()

    @property
    def shape(self) -> object:
        """Lines of the same shape can be paired and diffed word by word."""
        if self.kind == "row":
            return ("row", tuple((c.lead, c.trail) for c in self.cells))
        return (self.kind, self.head, self.tail, self.text if self.kind == "sep" else "")


@dataclass(frozen=True)
class _Unit:
    """One line, or a table's header row with its `|---|` row."""

    lines: tuple[_Line, ...]
    key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", "\n".join(line.text for line in self.lines))

    @property
    def blank(self) -> bool:
        return self.lines[0].kind == "blank"

    @cached_property
    def words(self) -> Counter[str]:
        parts = [c.core for line in self.lines for c in line.cells] + [
            line.body for line in self.lines
        ]
        return Counter(t for part in parts for t in _tokens(part) if not t.isspace())


def _parse_line(text: str) -> _Line:
    if not text:
        return _Line(text, "blank")
    if _ROW.match(text):
        return _Line(text, "row", cells=_cells(text))
    head = _PREFIX.match(text)
    prefix = head.group(0) if head else ""
    body, tail = text[len(prefix) :], ""
    if "#" in prefix:
        suffix = _HEADING_SUFFIX.search(body)
        if suffix:
            body, tail = body[: suffix.start()], suffix.group(0)
    return _Line(text, "text", prefix, body, tail)


def _cells(row: str) -> tuple[_Segment, ...]:
    pieces, last = [], 0
    for match in _PIPE.finditer(row):
        if match.group(0) == "|":
            pieces.append(row[last : match.start()])
            last = match.end()
    pieces.append(row[last:])
    segments = []
    for piece in pieces:
        core = piece.strip()
        lead = piece[: len(piece) - len(piece.lstrip())] if core else piece
        segments.append(_Segment(lead, core, piece[len(lead) + len(core) :]))
    return tuple(segments)


@lru_cache(maxsize=16384)  # versions of a text share most lines: parse each line once
def _line_unit(text: str) -> _Unit:
    return _Unit((_parse_line(text),))


@lru_cache(maxsize=32)  # each version is the new text of one redline, the old of the next
def _units(text: str) -> tuple[_Unit, ...]:
    lines = text.split("\n")[:-1]
    units: list[_Unit] = []
    i = 0
    while i < len(lines):
        unit = _line_unit(lines[i])
        line = unit.lines[0]
        header = line.kind == "row" and len(line.cells) > 2
        if header and i + 1 < len(lines) and _SEP.fullmatch(lines[i + 1]):
            units.append(_Unit((line, _Line(lines[i + 1], "sep"))))
            i += 2
            continue
        units.append(unit)
        i += 1
    return tuple(units)


# --- alignment -------------------------------------------------------------------------

_Op = tuple[Literal["=", "-", "+", "~"], _Unit | None, _Unit | None]


def _diff(old: str, new: str) -> list[_Op]:
    """Units of both texts in order: equal, removed, added, or paired (changed)."""
    a, b = _units(old), _units(new)
    ka, kb = [u.key for u in a], [u.key for u in b]
    codes = [(tag, [i1, i2, j1, j2]) for tag, i1, i2, j1, j2 in opcodes(ka, kb)]
    _slide(codes, ka, kb)
    ops: list[_Op] = []
    k = 0
    while k < len(codes):
        tag, (i1, i2, j1, j2) = codes[k]
        k += 1
        if tag == "equal":
            ops += [("=", x, y) for x, y in zip(a[i1:i2], b[j1:j2], strict=True)]
            continue
        done, tags = _pair(a, b, (i1, i2, j1, j2))
        # A change of more than blank lines that splits a block where the other version
        # has none needs an empty tag; taking in the unchanged units after it may not.
        lines = a[i1:i2] + b[j1:j2]
        for more in range(1, 4):
            if not tags or all(u.blank for u in lines) or k == len(codes):
                break
            if codes[k][1][0] + more > codes[k][1][1]:
                break
            e1, e2, f1, _ = codes[k][1]
            end = codes[k + 1][1] if e1 + more == e2 and k + 1 < len(codes) else None
            span = (i1, end[1] if end else e1 + more, j1, end[3] if end else f1 + more)
            tried, fewer = _pair(a, b, span)
            if fewer < tags:
                done, tags = tried, fewer
                codes[k][1][0] += more
                codes[k][1][2] += more
                if end:
                    del codes[k : k + 2]
                break
        ops += done
    return ops


def _slide(codes: Sequence[tuple[str, list[int]]], ka: list[str], kb: list[str]) -> None:
    """Move each pure insertion or deletion to where it starts and ends at a blank line.

    Of `a b`+`X b` the aligner may pick `a` + `b X b` or `a b X` + `b`; the one whose
    edges are blank lines keeps whole blocks together, so a redline keeps its structure.
    """
    for k in range(1, len(codes) - 1):
        (tag0, before), (tag, run), (tag1, after) = codes[k - 1 : k + 2]
        if tag not in ("insert", "delete") or tag0 != "equal" or tag1 != "equal":
            continue
        keys, lo, hi = (kb, 2, 3) if tag == "insert" else (ka, 0, 1)
        start, end = run[lo], run[hi]
        up = 0
        while up < before[hi] - before[lo] and keys[start - up - 1] == keys[end - up - 1]:
            up += 1
        down = 0
        while down < after[hi] - after[lo] and keys[start + down] == keys[end + down]:
            down += 1

        def clean(d: int, start: int = start, end: int = end, keys: list[str] = keys) -> int:
            s, e = start + d, end + d
            first = s == 0 or not keys[s - 1] or not keys[s]
            last = e == len(keys) or not keys[e - 1] or not keys[e]
            return first + last

        shift = max(range(-up, down + 1), key=lambda d: (clean(d), -abs(d)))
        for n in range(4):
            run[n] += shift
        before[1] += shift
        before[3] += shift
        after[0] += shift
        after[2] += shift


def _affinity(a: _Unit, b: _Unit) -> float | None:
    """How well two changed units pair (higher is better), or None when they must not."""
    if a.blank or b.blank or len(a.lines) != len(b.lines):
        return None
    if any(x.shape != y.shape for x, y in zip(a.lines, b.lines, strict=True)):
        return None
    wa, wb = a.words, b.words
    total = sum(wa.values()) + sum(wb.values())
    score = 2 * sum((wa & wb).values()) / total if total else 1.0
    if len(a.lines) == 2 or "{" in a.lines[0].tail:  # a table header, a heading with its id
        return score + 1.0
    return score if score >= _SIMILAR else None


def _pair(
    units: Sequence[_Unit], others: Sequence[_Unit], span: tuple[int, int, int, int]
) -> tuple[list[_Op], int]:
    """Order the units of a changed block, `units[i1:i2]` replaced by `others[j1:j2]`:
    fewest blank lines that need an empty tag first (they are counted too), then similar
    units paired (best total affinity, in order).

    A removed blank line stays a plain blank line only next to an added blank line (or
    the change's blank edge), else it is an empty `<del></del>` that joins the blocks
    around it, and a table or list there is lost (`_blank_lines`); so an added row
    goes beside the removed row it replaces, before a removed blank line.
    """
    i1, i2, j1, j2 = span
    a, b = units[i1:i2], others[j1:j2]
    apart = (i1 == 0 or units[i1 - 1].blank, i2 == len(units) or units[i2].blank)
    n, m = len(a), len(b)
    if n * m > _DP_LIMIT:
        return _pair_greedy(a, b), 0
    aff = [[_affinity(x, y) for y in b] for x in a]

    def bare(units: Sequence[_Unit], k: int) -> bool:  # a blank line (or an end) at `k`
        return units[k].blank if 0 <= k < len(units) else apart[k > 0]

    def tagged(units: Sequence[_Unit], k: int, other: Sequence[_Unit], at: int) -> int:
        """1 if units[k], after other[:at], is a blank line that needs an empty tag."""
        return int(units[k].blank and not (bare(other, at - 1) or bare(other, at)))

    Score = tuple[int, float]  # (-empty tags, total affinity) from (i, j) on

    def moves(i: int, j: int) -> Iterator[tuple[Literal["~", "-", "+"], Score]]:
        s = aff[i][j] if i < n and j < m else None
        if s is not None:
            yield "~", (best[i + 1][j + 1][0], best[i + 1][j + 1][1] + s)
        if i < n:
            yield "-", (best[i + 1][j][0] - tagged(a, i, b, j), best[i + 1][j][1])
        if j < m:
            yield "+", (best[i][j + 1][0] - tagged(b, j, a, i), best[i][j + 1][1])

    best: list[list[Score]] = [[(0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            best[i][j] = max((score for _, score in moves(i, j)), default=(0, 0.0))
    ops: list[_Op] = []
    i = j = 0
    while i < n or j < m:
        op = next(op for op, score in moves(i, j) if score == best[i][j])
        ops.append((op, a[i] if op != "+" else None, b[j] if op != "-" else None))
        i, j = i + (op != "+"), j + (op != "-")
    return ops, -best[0][0][0]


def _pair_greedy(a: Sequence[_Unit], b: Sequence[_Unit]) -> list[_Op]:
    """Linear pairing for very large changed blocks."""
    ops: list[_Op] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if _affinity(a[i], b[j]) is not None:
            ops.append(("~", a[i], b[j]))
            i, j = i + 1, j + 1
        elif j + 1 < len(b) and _affinity(a[i], b[j + 1]) is not None:
            ops.append(("+", None, b[j]))
            j += 1
        else:
            ops.append(("-", a[i], None))
            i += 1
    ops += [("-", x, None) for x in a[i:]]
    ops += [("+", None, y) for y in b[j:]]
    return ops


# --- word diff -------------------------------------------------------------------------


@dataclass
class _Chunk:
    """A stretch of a word diff: unchanged (`old == new`) or changed."""

    old: str
    new: str
    diff: bool


def _chunks(old: str, new: str) -> list[_Chunk]:
    """A word diff; short unchanged stretches between two changes join the change.

    Spaces ride on the token before them, so that the matcher never sees the
    most common token of all (and stays fast on long paragraphs).
    """
    if old == new:  # a paired line that did not change (most, in a long text)
        return [_Chunk(old, old, False)] if old else []
    a, b = _spaced(old), _spaced(new)
    out: list[_Chunk] = []
    for tag, i1, i2, j1, j2 in opcodes([_key(t) for t in a], [_key(t) for t in b]):
        if tag != "equal":
            _add(out, _Chunk("".join(a[i1:i2]), "".join(b[j1:j2]), True))
            continue
        for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
            core = _key(x) if x != y else x  # else the same word, a different space after it
            _add(out, _Chunk(core, core, False))
            _add(out, _Chunk(x[len(core) :], y[len(core) :], True))
    return _tidy(out)


def _tidy(chunks: list[_Chunk]) -> list[_Chunk]:
    """Move a space that ends both sides of a change out of it: `<del>a</del><ins>b</ins> c`."""
    out: list[_Chunk] = []
    for chunk in chunks:
        if out and out[-1].diff and not chunk.diff:
            last = out[-1]
            space = len(last.old) - len(last.old.rstrip())
            space = min(space, len(last.new) - len(last.new.rstrip()))
            if space and last.old[-space:] == last.new[-space:] and last.old.strip():
                chunk = _Chunk(last.old[-space:] + chunk.old, last.old[-space:] + chunk.new, False)
                last.old, last.new = last.old[:-space], last.new[:-space]
        out.append(chunk)
    return out


def _spaced(text: str) -> list[str]:
    out: list[str] = []
    for token in _tokens(text):
        if out and token.isspace():
            out[-1] += token
        else:
            out.append(token)
    return out


def _key(token: str) -> str:
    return token.rstrip() or token


def _add(out: list[_Chunk], chunk: _Chunk) -> None:
    """Append a chunk, merging it with the last one, or with the last two when the
    unchanged text between two changes is too slight to keep them apart."""
    if not chunk.old and not chunk.new:
        return
    if out and out[-1].diff == chunk.diff:
        out[-1].old += chunk.old
        out[-1].new += chunk.new
    elif chunk.diff and len(out) >= 2 and _slight(out[-1].old, out[-2], chunk):
        same = out.pop().old
        out[-1].old += same + chunk.old
        out[-1].new += same + chunk.new
    else:
        out.append(chunk)


def _slight(same: str, before: _Chunk, after: _Chunk) -> bool:
    if not re.search(r"\w", same):
        return True
    around = min(max(len(before.old), len(before.new)), max(len(after.old), len(after.new)))
    return len(same.strip()) <= 3 and around > 10


# --- Markdown --------------------------------------------------------------------------


def _wrap(tag: _Tag, text: str) -> str:
    return f"<{tag}>{text}</{tag}>"


def _whole_line(line: _Line, tag: _Tag) -> str:
    """A removed/added line: its content in one tag, its structure outside."""
    if line.kind in ("sep", "blank"):
        return line.text  # a blank line's form is decided by `_blank_lines`
    if line.kind == "row":
        last = len(line.cells) - 1
        out = "|".join(
            c.lead + (_wrap(tag, c.core) if c.core or 0 < k < last else "") + c.trail
            for k, c in enumerate(line.cells)
        )
    else:
        out = line.head + _wrap(tag, line.body) + line.tail
    return out if _whole(out) == tag else _wrap(tag, line.text)


def _paired(x: _Line, y: _Line, mark: Callable[[_Chunk], str]) -> str:
    """A changed line diffed word by word (cell by cell in a table row)."""
    if x.kind == "row":
        return "|".join(
            c.lead + "".join(map(mark, _chunks(c.core, d.core))) + c.trail
            for c, d in zip(x.cells, y.cells, strict=True)
        )
    if x.kind == "sep":
        return x.text
    return x.head + "".join(map(mark, _chunks(x.body, y.body))) + x.tail


def _html_mark(c: _Chunk) -> str:
    if not c.diff:
        return c.old
    return (_wrap("del", c.old) if c.old else "") + (_wrap("ins", c.new) if c.new else "")


def _text_mark(c: _Chunk) -> str:
    if not c.diff:
        return c.old
    return (f"[-{c.old}-]" if c.old else "") + (f"{{+{c.new}+}}" if c.new else "")


def _whole(line: str) -> _Tag | None:
    """`del`/`ins` when the line only holds removed/added text (plus its structure)."""
    has = {tag: f"<{tag}>" in line or f"</{tag}>" in line for tag in ("del", "ins")}
    if has["del"] == has["ins"]:
        return None
    tag: _Tag = "del" if has["del"] else "ins"
    return tag if _SKELETON.fullmatch(_SPANS[tag].sub("", line)) else None


_Entry = tuple[Literal["=", "-", "+", "|"], list[str]]
"""Lines of the redline from one unit: in both versions, only the old, only the new; or
`|`, a blank line that keeps a removed block apart from an added one."""


def redline_markdown(old: str, new: str) -> str:
    """Markdown of `new` with the changes from `old` marked `<del>`/`<ins>`, word by word."""
    entries: list[_Entry] = []
    for op, x, y in _diff(normalise(old), normalise(new)):
        if op == "=" and y:
            entries.append(("=", [line.text for line in y.lines]))
        elif op == "~" and x and y:
            lines = [_paired(p, q, _html_mark) for p, q in zip(x.lines, y.lines, strict=True)]
            if _whole(lines[0]) is None:
                entries.append(("=", lines))
            else:  # would read as a whole removal or addition: show it as one
                entries.append(("-", [_whole_line(p, "del") for p in x.lines]))
                entries.append(("+", [_whole_line(q, "ins") for q in y.lines]))
        elif x:
            entries.append(("-", [_whole_line(p, "del") for p in x.lines]))
        elif y:
            entries.append(("+", [_whole_line(q, "ins") for q in y.lines]))
    entries = _blank_lines(_apart(entries))
    return "".join(line + "\n" for _, lines in entries for line in lines)


def _apart(entries: list[_Entry]) -> list[_Entry]:
    """A blank line between a removed and an added block of different kinds.

    Without it a removed paragraph would swallow the added list after it.
    """
    out: list[_Entry] = []
    for entry in entries:
        if out and {out[-1][0], entry[0]} == {"-", "+"}:
            last, first = out[-1][1][-1], entry[1][0]
            if last and first and _block(last) != _block(first):
                out.append(("|", [""]))
        out.append(entry)
    return out


def _block(line: str) -> str:
    """What kind of block a line starts or continues."""
    if _ROW.match(line):
        return "|"
    head = _PREFIX.match(line)
    marker = head.group(0).strip()[:1] if head else ""
    if marker in ("*", "+"):
        return "-"
    if marker.isdigit():
        return "1"
    return marker or (" " if line[:1].isspace() else "")


def _blank_lines(entries: list[_Entry]) -> list[_Entry]:
    """Decide how each removed/added blank line is written.

    It stays a real blank line (keeping paragraphs apart) where the other
    version has a blank line beside it anyway, or it is at an end; otherwise it
    becomes an empty `<del></del>`/`<ins></ins>` line, so `accept`/`reject`
    can tell it from the other version's text. A separating `|` line is kept
    only where both versions would drop it.
    """
    blank = [lines == [""] for _, lines in entries]
    keep = [True] * len(entries)
    sides: tuple[tuple[str, _Tag], ...] = (("-", "del"), ("+", "ins"))
    for side, tag in sides:
        near = [False] * len(entries)
        for order in (range(len(entries)), range(len(entries) - 1, -1, -1)):
            ok = True  # the nearest line of the other version is blank, or there is none
            for k in order:
                if entries[k][0] not in (side, "|"):
                    ok = blank[k]
                elif blank[k]:
                    near[k] = near[k] or ok
        for k, (origin, _) in enumerate(entries):
            if blank[k] and not near[k]:
                if origin == side:
                    entries[k] = (origin, [_wrap(tag, "")])
                elif origin == "|":
                    keep[k] = False
    return [entry for entry, kept in zip(entries, keep, strict=True) if kept]


def accept(redline: str) -> str:
    """The new text of a redline: added text kept, removed text and lines dropped."""
    return _resolve(redline, "del")


def reject(redline: str) -> str:
    """The old text of a redline: removed text kept, added text and lines dropped."""
    return _resolve(redline, "ins")


def _resolve(redline: str, drop: _Tag) -> str:
    keep: _Tag = "ins" if drop == "del" else "del"
    out: list[str] = []
    row_above: _Tag | None = None
    for line in redline.split("\n"):
        whole = _whole(line)
        if whole is None and row_above and _SEP.fullmatch(line):
            whole = row_above
        # a tagged table header (two pipes or more outside tags), whose `|---|` row follows
        row_above = None
        if whole and "<" in line and _ROW.match(line):
            row_above = whole if _SPANS[whole].sub("", line).count("|") > 1 else None
        if whole == drop:
            continue
        line = _SPANS[drop].sub("", line)
        out.append(line.replace(f"<{keep}>", "").replace(f"</{keep}>", ""))
    return normalise("\n".join(out))


# --- plain text ------------------------------------------------------------------------


@dataclass
class _Row:
    """One line of `redline_text`, with where it is in each version."""

    text: str
    changed: bool
    old: int
    new: int
    heading: str


def redline_text(old: str, new: str, *, context: int = 2) -> str:
    """A terminal word diff: `[-removed-]{+added+}`, in hunks headed by their `##` section.

    Unchanged lines are shown only as `context` lines around changes. Character
    references are decoded and control characters replaced, so the output is
    safe to print. Empty when nothing changed.
    """
    rows = list(_text_rows(_diff(normalise(old), normalise(new))))
    for k, row in enumerate(rows):  # a paragraph break on its own is marked ¶
        if row.changed and not row.text:
            beside = rows[max(0, k - 1) : k] + rows[k + 1 : k + 2]
            if not any(r.changed and r.text for r in beside):
                row.text = "[-¶-]" if row.old else "{+¶+}"
    show = [False] * len(rows)
    for k, row in enumerate(rows):
        if row.changed:
            for n in range(max(0, k - context), min(len(rows), k + context + 1)):
                show[n] = True
    out: list[str] = []
    k = 0
    while k < len(rows):
        if not show[k]:
            k += 1
            continue
        end = k
        while end < len(rows) and show[end]:
            end += 1
        hunk = rows[k:end]
        old_n = sum(1 for r in hunk if r.old)
        new_n = sum(1 for r in hunk if r.new)
        first_old = next((r.old for r in hunk if r.old), 0)
        first_new = next((r.new for r in hunk if r.new), 0)
        out.append(f"@@ -{first_old},{old_n} +{first_new},{new_n} @@ {hunk[0].heading}".rstrip())
        out += [r.text for r in hunk]
        k = end
    return "".join(_printable(line) + "\n" for line in out)


def _text_rows(ops: list[_Op]) -> Iterator[_Row]:
    o = n = 0
    heading = ""
    for op, x, y in ops:
        size = len(x.lines) if x else len(y.lines) if y else 0
        for k in range(size):
            p = x.lines[k] if x else None
            q = y.lines[k] if y else None
            o += 1 if p else 0
            n += 1 if q else 0
            for line in (q, p):
                if line and _HEADING.match(line.text):
                    heading = line.head + line.body
                    break
            if op == "=" and q:
                yield _Row(q.text, False, o, n, heading)
            elif op == "~" and p and q:
                yield _Row(_paired(p, q, _text_mark), True, o, n, heading)
            elif p:
                yield _Row(f"[-{p.text}-]" if p.text else "", True, o, 0, heading)
            elif q:
                yield _Row(f"{{+{q.text}+}}" if q.text else "", True, 0, n, heading)


def _printable(line: str) -> str:
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", html.unescape(line))
