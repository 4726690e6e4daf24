"""The fast paths taken for speed give exactly what the slower, reference paths give.

- data files: libyaml's parser (used unless `_PYYAML_ONLY` matches) and PyYAML's;
- redlines: the line caches of `core.redline` keep results equal to a fresh parse;
- frozen texts: `history.normalise`, front-matter strings and the versions' states, each
  against the plain way of working them out.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_legal.core import history, publication, redline, yamlsource
from mkdocs_legal.core.findings import LegalDataError
from mkdocs_legal.core.model import Version

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = [
    ROOT / "legal.yml",
    *sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.yml")),
    *sorted((ROOT / "tests" / "fixtures" / "data").glob("*.yml")),
]


def parsed(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setattr(yamlsource, "LIBYAML", fast)
    try:
        located = yamlsource.parse(text, "legal.yml")
    except LegalDataError as exc:
        return [f.format() for f in exc.findings]
    return located.data, located.values, located.keys


FRAGMENTS = [":", ",", "[", "]", "{", "}", ": ", " ", "- ", "'", '"', "&a ", "*a", "!", "|",
             ">", "#", "%", "@", "`", "\\", "\n", "\n  ", "\n- ", "é", "...", "---", "~",
             "null", "0x1", "<<", "\t", "?", "\ufeff", "\x85", ": ]"]  # fmt: skip


def mutations(count: int, seed: int) -> list[str]:
    """Pieces of the repository's data files with a few characters inserted or deleted."""
    rnd = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in DATA_FILES]
    out = []
    for _ in range(count):
        lines = rnd.choice(texts).split("\n")
        start = rnd.randrange(len(lines))
        text = "\n".join(lines[start : start + rnd.randint(3, 40)])
        for _ in range(rnd.randint(1, 5)):
            at = rnd.randint(0, len(text))
            if rnd.random() < 0.7:
                text = text[:at] + rnd.choice(FRAGMENTS) + text[at:]
            else:
                text = text[:at] + text[at + rnd.randint(1, 5) :]
        out.append(text + "\n")
    return out


@pytest.mark.skipif(not yamlsource.LIBYAML, reason="PyYAML without libyaml")
def test_libyaml_and_pyyaml_read_data_files_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in DATA_FILES] + mutations(1500, seed=7)
    for text in texts:
        assert parsed(text, True, monkeypatch) == parsed(text, False, monkeypatch), text


def test_redline_caches_give_fresh_results() -> None:
    old = "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSame line.\n\n- item one\n"
    new = "# T\n\n| a | b |\n|---|---|\n| 1 | 3 |\n\nSame line.\n\n- item two\n"
    first = redline.redline_markdown(old, new)
    redline._units.cache_clear()
    redline._line_unit.cache_clear()
    assert redline.redline_markdown(old, new) == first
    assert redline.accept(first) == redline.normalise(new)
    assert redline.reject(first) == redline.normalise(old)


def split_by_lines(text: str) -> tuple[list[str], str] | None:
    """What `history.split` must give, the plain way: split the text into lines."""
    lines = text.split("\n")
    if lines[0] != "---" or "---" not in lines[1:]:
        return None
    end = lines.index("---", 1)
    return lines[1:end], "\n".join(lines[end + 1 :])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["---", "", "a: 1", "---x", " ---", "--", "body", "\r", "----"]),
        max_size=8,
    ).map("\n".join)
)
def test_frozen_text_split_agrees_with_splitting_into_lines(text: str) -> None:
    try:
        found: tuple[list[str], str] | None = history.split(Path("x.md"), text)
    except history.HistoryError:
        found = None
    assert found == split_by_lines(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab\r\n ", max_size=12))
def test_normalise_agrees_with_replacing_every_time(body: str) -> None:
    plain = body.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"
    assert history.normalise(body) == plain


def _read_value(raw: str) -> object:
    try:
        return history._json_string(raw)
    except json.JSONDecodeError:
        return "refused"


def _json_value(raw: str) -> object:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return "refused"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=10).map(lambda s: json.dumps(s, ensure_ascii=False)) | st.text(max_size=8))
def test_front_matter_strings_read_as_json_reads_them(raw: str) -> None:
    raw = raw if raw.startswith('"') else '"' + raw
    assert _read_value(raw) == _json_value(raw)


def _state_by_definition(versions: list[Version], version: Version, on: date) -> str:
    if version.effective > on:
        return "upcoming"
    later = [v for v in versions if on >= v.effective > version.effective]
    return "superseded" if later else "current"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=8).map(sorted), st.integers(-5, 45))
def test_states_agree_with_their_definition(days: list[int], offset: int) -> None:
    start = date(2026, 1, 1)
    versions = [Version(effective=start + timedelta(d)) for d in days]
    on = start + timedelta(offset)
    expected = [_state_by_definition(versions, v, on) for v in versions]
    assert publication.states_on(versions, on) == expected
