"""Word-level redlines: structure survives, atoms are never split, and a redline undoes exactly."""

from __future__ import annotations

import itertools
import random
import re
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_legal.core.redline import (
    accept,
    changed,
    normalise,
    redline_markdown,
    redline_text,
    reject,
    tokens,
)

ATOMS = [
    "[Cookie policy](<cookies.md>)",
    "[IMY](<https://www.imy.se>)",
    "[terms](legal:terms)",
    "[mail us](<mailto:a@b.se>)",
    "&#60;",
    "&#124;",
    "&#43;46",
    "`a b`",
    "**Right of access**",
    "*note*",
]
WORDS = ["we", "you", "data", "policy", "the", "consent", "months", "may", "erase", "Art.", "6(1)"]


def html(md: str) -> str:
    return markdown.markdown(md, extensions=["attr_list", "tables"])


class _Nesting(HTMLParser):
    """Fails on any end tag that does not close the innermost open element."""

    VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def redline(old: str, new: str) -> tuple[str, str]:
    """The redline and its HTML, after checking the invariants every redline must keep."""
    out = redline_markdown(old, new)
    assert accept(out) == normalise(new)
    assert reject(out) == normalise(old)
    page = html(out)
    checker = _Nesting()
    checker.feed(page)
    assert checker.stack == []
    return out, page


def cells(page: str) -> list[list[str]]:
    return [
        re.findall(r"<t[hd]>(.*?)</t[hd]>", row)
        for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)
    ]


DOC = """\
# Privacy policy

We process personal data about [our customers](<customers.md>) and visitors.

## 1. Who is responsible {#controller}

Mötesbokarna AB is the controller.

- Address: Kungsgatan 44, Göteborg
- Email: [info@example.se](<mailto:info@example.se>)
- Telephone: [&#43;46 31-701 45 80](<tel:+46317014580>)

## 2. Retention {#retention}

| Purpose | Retention period |
|---|---|
| Invoicing | 7 years from the end of the financial year |
| Newsletter | 30 days after you withdraw your consent |

## 3. Complaints {#complaint}

You may complain to the supervisory authority, see [IMY](<https://www.imy.se>).
"""


def test_identity_has_no_tags() -> None:
    out, _ = redline(DOC, DOC)
    assert out == DOC
    assert "<ins>" not in out and "<del>" not in out
    assert not changed(DOC, DOC)


def test_changed_normalises_line_endings_and_trailing_whitespace() -> None:
    crlf = DOC.replace("\n", "  \r\n") + "\r\n\r\n"
    assert not changed(DOC, crlf)
    assert redline_markdown(DOC, crlf) == DOC
    assert changed(DOC, DOC.replace("7 years", "8 years"))
    assert normalise("\n\na\n\n\n\nb  \n\n") == "a\n\nb\n"
    assert normalise("") == normalise(" \n\n") == ""


def test_pure_insertion_and_deletion_keep_structure() -> None:
    out, page = redline("", DOC)
    assert "<del>" not in out
    assert '<h2 id="retention"><ins>2. Retention</ins></h2>' in page
    assert page.count("<li><ins>") == 3
    assert all(c.startswith("<ins>") for row in cells(page) for c in row)
    assert len(cells(page)) == 3 and all(len(row) == 2 for row in cells(page))

    out, page = redline(DOC, "")
    assert "<ins>" not in out
    assert '<h2 id="controller"><del>1. Who is responsible</del></h2>' in page
    assert len(cells(page)) == 3 and all(c.startswith("<del>") for row in cells(page) for c in row)


def test_word_changed_in_heading_keeps_id() -> None:
    new = DOC.replace("## 2. Retention {#retention}", "## 2. Storage periods {#retention}")
    out, page = redline(DOC, new)
    assert "## 2. <del>Retention</del><ins>Storage periods</ins> {#retention}" in out
    assert '<h2 id="retention">2. <del>Retention</del><ins>Storage periods</ins></h2>' in page


def test_heading_with_a_new_id_is_removed_and_added() -> None:
    new = DOC.replace("{#complaint}", "{#complaints}")
    _, page = redline(DOC, new)
    assert '<h2 id="complaint"><del>3. Complaints</del></h2>' in page
    assert '<h2 id="complaints"><ins>3. Complaints</ins></h2>' in page


def test_word_changed_in_table_cell() -> None:
    new = DOC.replace("30 days after", "60 days after")
    _, page = redline(DOC, new)
    rows = cells(page)
    assert [len(r) for r in rows] == [2, 2, 2]
    assert rows[2] == [
        "Newsletter",
        "<del>30</del><ins>60</ins> days after you withdraw your consent",
    ]
    assert "<ins>" not in "".join(rows[0] + rows[1])


def test_added_table_row_wraps_each_cell() -> None:
    new = DOC.replace(
        "| Newsletter |", "| Web analytics | 13 months from collection |\n| Newsletter |"
    )
    out, page = redline(DOC, new)
    assert "| <ins>Web analytics</ins> | <ins>13 months from collection</ins> |" in out
    assert cells(page)[2] == ["<ins>Web analytics</ins>", "<ins>13 months from collection</ins>"]
    assert [len(r) for r in cells(page)] == [2, 2, 2, 2]


def test_added_and_removed_tables_stay_tables() -> None:
    table = "| Cookie | Purpose |\n|---|---|\n| _ga | statistics |\n"
    new = DOC + "\n## 4. Cookies {#cookies}\n\n" + table
    out, page = redline(DOC, new)
    assert "| <ins>Cookie</ins> | <ins>Purpose</ins> |\n|---|---|\n" in out
    assert page.count("<table>") == 2
    assert cells(page)[-2:] == [
        ["<ins>Cookie</ins>", "<ins>Purpose</ins>"],
        ["<ins>_ga</ins>", "<ins>statistics</ins>"],
    ]
    _, page = redline(new, DOC)
    assert page.count("<table>") == 2
    assert cells(page)[-1] == ["<del>_ga</del>", "<del>statistics</del>"]


def test_changed_table_header_stays_a_header() -> None:
    new = DOC.replace("| Purpose | Retention period |", "| Why | How long |")
    _, page = redline(DOC, new)
    assert "<th><del>Purpose</del><ins>Why</ins></th>" in page
    assert [len(r) for r in cells(page)] == [2, 2, 2]


def test_added_bullet_keeps_its_marker_outside() -> None:
    new = DOC.replace("- Address:", "- Trading as: Mötesbokarna\n- Address:")
    out, page = redline(DOC, new)
    assert "\n- <ins>Trading as: Mötesbokarna</ins>\n" in out
    assert page.count("<li>") == 4
    assert "<li><ins>Trading as: Mötesbokarna</ins></li>" in page


def test_removed_bullet_and_paragraph() -> None:
    new = DOC.replace("- Email: [info@example.se](<mailto:info@example.se>)\n", "").replace(
        "Mötesbokarna AB is the controller.\n\n", ""
    )
    _, page = redline(DOC, new)
    assert '<li><del>Email: <a href="mailto:info@example.se">info@example.se</a></del></li>' in page
    assert "<p><del>Mötesbokarna AB is the controller.</del></p>" in page
    assert page.count("<li>") == 3


def test_added_paragraph_is_its_own_paragraph() -> None:
    new = DOC.replace("## 2. Retention", "We never sell data.\n\n## 2. Retention")
    _, page = redline(DOC, new)
    assert "<p><ins>We never sell data.</ins></p>" in page


def test_paragraph_break_added_and_removed() -> None:
    one, two = "# T\n\nFirst part.\nSecond part.\n", "# T\n\nFirst part.\n\nSecond part.\n"
    redline(one, two)
    redline(two, one)
    redline("a\n\nb\n\nc\n", "a\nb\nc\n")
    redline("- a\n\n- b\n", "- a\n- b\n")


def test_link_changes_whole() -> None:
    new = DOC.replace("[IMY](<https://www.imy.se>)", "[IMY](<https://imy.se>)")
    out, page = redline(DOC, new)
    assert "<del>[IMY](<https://www.imy.se>)</del><ins>[IMY](<https://imy.se>)</ins>" in out
    assert (
        '<del><a href="https://www.imy.se">IMY</a></del><ins><a href="https://imy.se">IMY</a></ins>'
        in page
    )


def test_tokens_keep_atoms_whole() -> None:
    line = "See [a b](<x y.md>) &#60;b&#62; {#id} `x y` <br> \\* **bold text** and *em*, [r][ref]."
    parts = tokens(line)
    assert "".join(parts) == line
    for atom in [
        "[a b](<x y.md>)",
        "&#60;",
        "&#62;",
        "{#id}",
        "`x y`",
        "<br>",
        "\\*",
        "**bold text**",
        "*em*",
        "[r][ref]",
    ]:
        assert atom in parts


def test_whole_looking_change_is_shown_as_removal_and_addition() -> None:
    redline("- a\n", "-\n")
    redline("| a | b |\n|---|---|\n| c | d |\n", "| a | b |\n|---|---|\n|  |  |\n")
    redline("## A {#x}\n", "##  {#x}\n")


def test_separator_lookalikes_outside_tables() -> None:
    redline("| a\n---\n", "---\n")
    redline("---\n", "| a\n---\n")
    redline("| a | b\n|---\n", "|---\n")
    redline("x\n| a | b |\n|---|\n", "| a | b |\n|---|\n")


def test_changed_row_stays_in_its_table_before_a_removed_heading() -> None:
    old = "## we {#a}\n\n| we |\n|---|\n| you |\n\n## we {#a}\n\n## we we {#a}"
    new = "## we {#a}\n\n| we |\n|---|\n| we |\n\n## we we {#a}"
    out, page = redline(old, new)
    assert "| <del>you</del> |\n| <ins>we</ins> |\n\n## <del>we</del> {#a}\n" in out
    assert "<del></del>" not in out
    assert page.count("<table>") == 1
    assert cells(page) == [["we"], ["<del>you</del>"], ["<ins>we</ins>"]]


def test_added_heading_before_a_shortened_list_keeps_the_list() -> None:
    _, page = redline("- we\n- data\n\n## we {#a}", "## we {#a}\n\n- data")
    assert page.count("<li>") == 2
    assert page.count("<h2") == 2


def test_added_table_after_a_changed_one_stays_a_table() -> None:
    old = "| a |\n|---|\n| we |\n| we |"
    new = "| a |\n|---|\n| you |\n| we |\n\n| we |\n|---|\n| we |"
    out, page = redline(old, new)
    assert "<ins></ins>" not in out
    assert page.count("<table>") == 2


# --- properties --------------------------------------------------------------------------

word = st.sampled_from(WORDS + ATOMS)
phrase = st.lists(word, min_size=1, max_size=8).map(" ".join)


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["heading", "paragraph", "list", "table"]))
    if kind == "heading":
        return f"## {draw(phrase)} {{#{draw(st.sampled_from(['a', 'b', 'c']))}}}"
    if kind == "paragraph":
        return draw(phrase)
    if kind == "list":
        return "\n".join(f"- {item}" for item in draw(st.lists(phrase, min_size=1, max_size=4)))
    width = draw(st.integers(1, 3))
    rows = draw(st.lists(st.lists(phrase, min_size=width, max_size=width), min_size=2, max_size=4))
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * width, *lines[1:]])


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, str, bool]:
    """A document and an edited version: blocks dropped, added, and words changed."""
    old = draw(st.lists(block(), max_size=6))
    new: list[str] = []
    for text in old:
        action = draw(st.sampled_from(["keep", "keep", "drop", "edit", "add"]))
        if action == "add":
            new.append(draw(block()))
        if action == "edit":
            parts = text.split(" ")
            plain = [k for k, part in enumerate(parts) if part in WORDS]
            if plain:
                parts[draw(st.sampled_from(plain))] = draw(word)
            text = " ".join(parts)
        if action != "drop":
            new.append(text)
    new += draw(st.lists(block(), max_size=2))
    apart = draw(st.booleans())  # else the new version drops the blank lines between blocks
    return "\n\n".join(old), ("\n\n" if apart else "\n").join(new), apart


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
@example(
    (
        "## we {#a}\n\n| we |\n|---|\n| you |\n\n## we {#a}\n\n## we we {#a}",
        "## we {#a}\n\n| we |\n|---|\n| we |\n\n## we we {#a}",
        True,
    )
)
@example(("- we\n- data\n\n## we {#a}", "## we {#a}\n\n- data", True))
@example(
    (
        "| [Cookie policy](<cookies.md>) |\n|---|\n| we |\n| we |",
        "| [Cookie policy](<cookies.md>) |\n|---|\n| you |\n| we |\n\n| we |\n|---|\n| we |",
        True,
    )
)
def test_redline_undoes_exactly_and_keeps_structure(case: tuple[str, str, bool]) -> None:
    old, new, apart = case
    out, page = redline(old, new)
    assert set(re.findall(r"</?(?:ins|del)\b[^>]*>", out)) <= {"<ins>", "</ins>", "<del>", "</del>"}
    bare = re.sub(r"</?(?:ins|del)>", "", out)
    for atom in ATOMS:  # never split: every atom in the redline is also whole in it
        assert out.count(atom) == bare.count(atom)
    if not apart:  # a removed blank line shows as `<del></del>`, which may join blocks
        return
    for version in (html(old), html(new)):  # what either version has, the redline has
        for heading_id in set(re.findall(r'<h2 id="(\w+)"', version)):
            assert f'<h2 id="{heading_id}"' in page
        for element in ("<table>", "<li>", "<h2"):
            assert page.count(element) >= version.count(element)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=" ab-|#*\n`&;[]()<>{}\\1.", max_size=60),
    st.text(alphabet=" ab-|#*\n`&;[]()<>{}\\1.", max_size=60),
)
def test_any_markdown_round_trips(old: str, new: str) -> None:
    out = redline_markdown(old, new)
    assert accept(out) == normalise(new)
    assert reject(out) == normalise(old)


# --- text ---------------------------------------------------------------------------------


def test_redline_text_marks_words_and_sections() -> None:
    new = DOC.replace("30 days after", "60 days after").replace(
        "Mötesbokarna AB is the controller.", "Mötesbokarna Norden AB is the controller."
    )
    text = redline_text(DOC, new)
    assert "| Newsletter | [-30-]{+60+} days after you withdraw your consent |" in text
    assert "Mötesbokarna {+Norden +}AB is the controller." in text
    hunks = [line for line in text.splitlines() if line.startswith("@@")]
    assert hunks == [
        "@@ -5,5 +5,5 @@ ## 1. Who is responsible",
        "@@ -16,5 +16,5 @@ ## 2. Retention",
    ]
    assert "supervisory authority" not in text  # far from any change: no context
    assert redline_text(DOC, DOC) == ""


def test_redline_text_is_safe_to_print() -> None:
    text = redline_text("a &#60;b&#62;\n", "a &#60;c&#62; \x1b[31m\n")
    assert "\x1b" not in text
    assert "<[-b-]{+c+}>" in text


def test_redline_text_shows_a_lone_paragraph_break() -> None:
    assert "{+¶+}" in redline_text("a\nb\n", "a\n\nb\n")


# --- size ---------------------------------------------------------------------------------


def _document(rng: random.Random, words: int) -> str:
    vocab = WORDS + ATOMS + [f"w{n}" for n in range(300)]
    parts: list[str] = ["# Policy"]
    count = 0
    section = 0
    while count < words:
        section += 1
        parts.append(f"## {section}. {' '.join(rng.choices(vocab, k=4))} {{#s{section}}}")
        parts.append(" ".join(rng.choices(vocab, k=60)))
        parts.append("\n".join("- " + " ".join(rng.choices(vocab, k=10)) for _ in range(5)))
        rows = ["| " + " | ".join(rng.choices(vocab, k=6)) + " |" for _ in range(4)]
        parts.append("\n".join(["| a | b |", "|---|---|", *rows]))
        count += 4 + 60 + 50 + 24
    return "\n\n".join(parts) + "\n"


def _edit(rng: random.Random, text: str, rate: float) -> str:
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if " " in line and not line.startswith(("#", "|-")) and rng.random() < rate * 10:
            words = line.split(" ")
            words[rng.randrange(1, len(words))] = rng.choice(["new", "changed", "&#60;"])
            lines[k] = " ".join(words)
    del lines[rng.randrange(len(lines))]
    lines.insert(rng.randrange(len(lines)), rng.choice(lines))
    return "\n".join(lines)


@pytest.mark.parametrize("seed", [1, 2])
def test_five_thousand_words_redline_exactly(seed: int) -> None:
    """Correctness on a long text; its cost is counted in test_align.py (work, not time) and
    timed in the benchmark (`python3 tasks.py bench --only redline`)."""
    rng = random.Random(seed)
    old = _document(rng, 5000)
    new = _edit(rng, old, 0.02)
    out = redline_markdown(old, new)
    redline_text(old, new)
    assert accept(out) == normalise(new) and reject(out) == normalise(old)


def test_a_hundred_versions_in_a_row() -> None:
    rng = random.Random(7)
    versions = [_document(rng, 2000)]
    for _ in range(99):
        versions.append(_edit(rng, versions[-1], 0.01))
    for old, new in itertools.pairwise(versions):
        out = redline_markdown(old, new)
        assert accept(out) == normalise(new)
