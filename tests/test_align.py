"""Sequence alignment in bounded work (issue 14, item 7): long redlines stay near-linear."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_legal.core import align
from mkdocs_legal.core.redline import accept, normalise, redline_markdown, reject

ROOT = Path(__file__).resolve().parents[1]


def valid(codes: list[align.Opcode], a: Sequence[object], b: Sequence[object]) -> None:
    """The opcodes walk both sequences in order, and `equal` stretches are equal."""
    i = j = 0
    for tag, i1, i2, j1, j2 in codes:
        assert (i1, j1) == (i, j)
        assert tag in ("equal", "replace", "delete", "insert")
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2] and i2 > i1
        if tag == "delete":
            assert j1 == j2 and i2 > i1
        if tag == "insert":
            assert i1 == i2 and j2 > j1
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))


sequences = st.lists(st.sampled_from("abcdefgh"), max_size=80)


@settings(max_examples=300, deadline=None)
@given(sequences, sequences, st.integers(0, 40))
def test_anchored_opcodes_are_a_valid_alignment(a: list[str], b: list[str], limit: int) -> None:
    saved = align.EXACT_LIMIT
    align.EXACT_LIMIT = limit  # force the anchored path on small inputs
    try:
        codes = align.opcodes(a, b)
    finally:
        align.EXACT_LIMIT = saved
    valid(codes, a, b)


@settings(max_examples=200, deadline=None)
@given(sequences, sequences)
def test_small_inputs_align_exactly_as_difflib(a: list[str], b: list[str]) -> None:
    expected = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    assert align.opcodes(a, b) == expected


def test_unique_lines_anchor_a_long_alignment() -> None:
    a = [f"line {k}" for k in range(2000)]
    b = [*a[:700], "new", *a[700:1500], *a[1501:]]
    codes = align.opcodes(a, b)
    valid(codes, a, b)
    changes = [c for c in codes if c[0] != "equal"]
    assert changes == [("insert", 700, 700, 700, 701), ("delete", 1500, 1501, 1501, 1501)]


@contextmanager
def matcher_work() -> Iterator[list[int]]:
    """The product of the lengths of every sequence pair the exact matcher is given."""
    work: list[int] = []
    original = align.SequenceMatcher

    class Counting(difflib.SequenceMatcher):  # type: ignore[type-arg]
        def __init__(self, isjunk: Any, a: Sequence[Any], b: Sequence[Any], **kw: Any) -> None:
            work.append(len(a) * len(b))
            super().__init__(isjunk, a, b, **kw)

    align.SequenceMatcher = Counting  # type: ignore[misc]
    try:
        yield work
    finally:
        align.SequenceMatcher = original  # type: ignore[misc]


def long_texts(repeat: int) -> tuple[str, str]:
    """The demo's privacy policy `repeat` times, and the same with every 7th line changed."""
    body = (ROOT / "legal-history/privacy/2026-03-01.en.md").read_text(encoding="utf-8")
    lines = body.split("---\n", 2)[2].split("\n") * repeat
    edited = [line + " extra" if k % 7 == 0 else line for k, line in enumerate(lines)]
    return "\n".join(lines), "\n".join(edited)


@pytest.mark.parametrize("repeat", [8, 16])
def test_a_long_redline_does_bounded_work_and_still_undoes_exactly(repeat: int) -> None:
    old, new = long_texts(repeat)
    with matcher_work() as work:
        out = redline_markdown(old, new)
    assert max(work) <= align.EXACT_LIMIT
    assert sum(work) <= 40 * (len(old) + len(new)), sum(work)  # linear in the text
    assert accept(out) == normalise(new) and reject(out) == normalise(old)


def test_twice_the_text_is_about_twice_the_work() -> None:
    sums = []
    for repeat in (16, 32):
        old, new = long_texts(repeat)
        with matcher_work() as work:
            redline_markdown(old, new)
        sums.append(sum(work))
    assert sums[1] <= 2.5 * sums[0], sums  # quadratic work would be 4 times
