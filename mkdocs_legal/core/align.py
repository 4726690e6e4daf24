"""Aligning two sequences (lines, words) at a cost that stays near-linear in their length.

`difflib.SequenceMatcher` finds the best alignment, but with `autojunk=False` (which a
redline needs: a common word is not junk) its work grows with the product of the lengths
when the sequences repeat themselves, as long legal texts do. `opcodes` uses it while that
product is small (`EXACT_LIMIT`), so every ordinary redline is exactly as before; beyond
that it anchors the alignment on elements that occur once in each sequence (patience
diff), and aligns the stretches between anchors the same way, down to stretches small
enough for the exact matcher. A stretch with no anchor and too large to match at once is
matched in windows along its diagonal (versions of one text run mostly in step).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence
from difflib import SequenceMatcher
from math import isqrt

EXACT_LIMIT = 160_000
"""Largest product of the two lengths that `SequenceMatcher` aligns at once: 400 × 400, twice
the units of the longest policy rendered so far. Its work also grows with the number of
matching blocks when elements repeat, so this bounds the cost, not the result."""
WINDOW = 100
"""The side of a window in a stretch with nothing unique to anchor on."""
DEPTH_LIMIT = 32
"""How often a stretch between anchors is anchored again before it is matched in windows."""

Opcode = tuple[str, int, int, int, int]
_Block = tuple[int, int, int]  # (i, j, size): a[i:i+size] == b[j:j+size]
_Span = tuple[int, int, int, int]  # (i1, i2, j1, j2): a[i1:i2] against b[j1:j2]


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """Like `SequenceMatcher(None, a, b, autojunk=False).get_opcodes()`, in bounded time."""
    if len(a) * len(b) <= EXACT_LIMIT:
        return list(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    blocks: list[_Block] = []
    _match(a, b, (0, len(a), 0, len(b)), blocks, 0)
    return _to_opcodes(_merged(blocks), len(a), len(b))


def _match(
    a: Sequence[Hashable], b: Sequence[Hashable], span: _Span, out: list[_Block], depth: int
) -> None:
    """Append the matching blocks of `a[i1:i2]` and `b[j1:j2]`, in order."""
    i1, i2, j1, j2 = span
    while i1 < i2 and j1 < j2 and a[i1] == b[j1]:  # common start
        out.append((i1, j1, 1))
        i1, j1 = i1 + 1, j1 + 1
    tail: list[_Block] = []
    while i1 < i2 and j1 < j2 and a[i2 - 1] == b[j2 - 1]:  # common end
        i2, j2 = i2 - 1, j2 - 1
        tail.append((i2, j2, 1))
    if i1 < i2 and j1 < j2:
        if (i2 - i1) * (j2 - j1) <= EXACT_LIMIT:
            _exact(a, b, (i1, i2, j1, j2), out)
        elif depth < DEPTH_LIMIT and (anchors := _anchors(a, b, i1, i2, j1, j2)):
            pi, pj = i1, j1
            for i, j in anchors:
                _match(a, b, (pi, i, pj, j), out, depth + 1)
                out.append((i, j, 1))
                pi, pj = i + 1, j + 1
            _match(a, b, (pi, i2, pj, j2), out, depth + 1)
        else:  # nothing to hold on to: exact matching in windows along the diagonal
            side = max(1, min(WINDOW, isqrt(EXACT_LIMIT)))
            parts = max(-(-(i2 - i1) // side), -(-(j2 - j1) // side))
            for p in range(parts):
                window = (
                    i1 + (i2 - i1) * p // parts,
                    i1 + (i2 - i1) * (p + 1) // parts,
                    j1 + (j2 - j1) * p // parts,
                    j1 + (j2 - j1) * (p + 1) // parts,
                )
                _exact(a, b, window, out)
    out += reversed(tail)


def _exact(a: Sequence[Hashable], b: Sequence[Hashable], span: _Span, out: list[_Block]) -> None:
    i1, i2, j1, j2 = span
    if i1 < i2 and j1 < j2:
        matcher = SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
        out += [(i1 + i, j1 + j, n) for i, j, n in matcher.get_matching_blocks() if n]


def _anchors(
    a: Sequence[Hashable], b: Sequence[Hashable], i1: int, i2: int, j1: int, j2: int
) -> list[tuple[int, int]]:
    """Pairs (i, j) of elements unique in both stretches, the longest run in order in both."""
    once_a = _unique(a, i1, i2)
    once_b = _unique(b, j1, j2)
    pairs = [(i, once_b[x]) for x, i in once_a.items() if x in once_b]
    pairs.sort()
    # longest increasing subsequence of the j's (patience sorting), O(k log k)
    tops: list[int] = []
    top_at: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pile = bisect_left(tops, j)
        if pile == len(tops):
            tops.append(j)
            top_at.append(k)
        else:
            tops[pile] = j
            top_at[pile] = k
        back[k] = top_at[pile - 1] if pile else -1
    chain: list[tuple[int, int]] = []
    k = top_at[-1] if top_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _unique(seq: Sequence[Hashable], start: int, end: int) -> dict[Hashable, int]:
    """Element → its index, for the elements that occur once in `seq[start:end]`."""
    seen: dict[Hashable, int] = {}
    twice: set[Hashable] = set()
    for k in range(start, end):
        x = seq[k]
        if x in seen:
            twice.add(x)
        else:
            seen[x] = k
    return {x: k for x, k in seen.items() if x not in twice}


def _merged(blocks: list[_Block]) -> list[_Block]:
    out: list[_Block] = []
    for i, j, n in blocks:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + n)
        else:
            out.append((i, j, n))
    return out


def _to_opcodes(blocks: list[_Block], n: int, m: int) -> list[Opcode]:
    """Matching blocks → opcodes, as `SequenceMatcher.get_opcodes` writes them."""
    out: list[Opcode] = []
    i = j = 0
    for ai, bj, size in [*blocks, (n, m, 0)]:
        tag = ""
        if i < ai and j < bj:
            tag = "replace"
        elif i < ai:
            tag = "delete"
        elif j < bj:
            tag = "insert"
        if tag:
            out.append((tag, i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            out.append(("equal", ai, i, bj, j))
    return out
