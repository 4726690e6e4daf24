"""The HTML allowlist (`core.sanitize`) and the Markdown fields' safety without it.

`clean_html` is what every generated page goes through; `sanitize_body` must make the
Markdown itself safe too, for the paths where no HTML of ours is involved (`render`, the
frozen texts another generator may read), whatever Markdown extensions that host runs.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, cli
from test_xss import PAYLOADS, hostile_data, scan_html

from mkdocs_legal.cli import main
from mkdocs_legal.core.markdown import as_text, sanitize_body
from mkdocs_legal.core.sanitize import clean_html, markdown_removed, removed

KEPT = [
    '<h2 id="contact">2. Contact<a class="headerlink" href="#contact" title="Permanent link">'
    "¶</a></h2>",
    '<p>A <a href="https://www.imy.se">link</a>, <a href="mailto:a@b.se">mail</a>, '
    '<a href="tel:+4631123">phone</a>, <a href="../cookies/#manage">page</a>.</p>',
    "<p><em>e</em> <strong>s</strong> <code>c</code> <ins>added</ins> <del>removed</del></p>",
    '<div class="admonition note"><p class="admonition-title">Note</p><p>Text</p></div>',
    '<details class="info" open=""><summary>More</summary><p>Text</p></details>',
    '<table><thead><tr><th style="text-align:left">A</th></tr></thead>'
    '<tbody><tr><td style="text-align:right">1</td></tr></tbody></table>',
    '<ol start="3"><li>three</li></ol><ul><li>dot</li></ul><dl><dt>T</dt><dd>D</dd></dl>',
    '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>',
    '<div class="tabbed-set" data-tabs="1:2"><input checked="" id="__tabbed_1_1" '
    'name="__tabbed_1" type="radio"><label for="__tabbed_1_1">A</label></div>',
    '<pre><code class="language-yaml">key: 1</code></pre>',
    '<p>Effective from <time datetime="2026-03-01">1 March 2026</time></p>',
]


@pytest.mark.parametrize("fragment", KEPT)
def test_what_legal_texts_need_is_kept(fragment: str) -> None:
    assert removed(fragment) == [], fragment
    assert html.unescape(clean_html(fragment)).count("<") == html.unescape(fragment).count("<")


@pytest.mark.parametrize(
    ("fragment", "gone"),
    [
        ("<script>alert(1)</script>x", "alert"),
        ('<p onclick="alert(1)">x</p>', "onclick"),
        ('<a href="javascript:alert(1)">x</a>', "javascript"),
        ('<a href="java&#x09;script:alert(1)">x</a>', "script:"),
        ('<a href="&#106;avascript&colon;alert(1)">x</a>', "alert"),
        ('<a href="vbscript:msgbox(1)">x</a>', "vbscript"),
        ('<a href="data:text/html,x">x</a>', "data:"),
        ('<img src="x" onerror="alert(1)">', "<img"),
        ("<svg onload=alert(1)><circle/></svg>", "svg"),
        ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "javascript"),
        ('<iframe src="https://evil.example"></iframe>', "iframe"),
        ('<form action="https://x"><input type="text" autofocus></form>', "form"),
        ('<p style="position:fixed;top:0">x</p>', "position"),
        ('<td style="background:url(javascript:alert(1))">x</td>', "javascript"),
        ("<!-- <img src=x onerror=alert(1)> -->", "onerror"),
        ('<input type="image" src="x">', "image"),
        ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "refresh"),
        ('<base href="https://evil.example/">', "base"),
        ("<style>*{color:red}</style>", "color"),
        ("<template><img src=x onerror=alert(1)></template>", "<img"),
    ],
)
def test_anything_else_goes(fragment: str, gone: str) -> None:
    cleaned = clean_html(fragment)
    assert gone not in html.unescape(cleaned), cleaned
    assert removed(fragment), fragment


def test_names_of_the_theme_are_not_taken_over() -> None:
    assert clean_html('<h3 id="__consent">x</h3>') == "<h3>x</h3>"
    assert clean_html('<a id="__pwned" href="#x">x</a>') == '<a href="#x">x</a>'
    kept = '<code id="__code_0">x</code><input type="radio" id="__tabbed_1_1" name="__tabbed_1">'
    assert clean_html(kept) == kept


def test_text_is_kept_where_markup_goes() -> None:
    assert clean_html("<blink>Hej</blink> <b>då</b>") == "Hej <b>då</b>"


# --- the Markdown itself, for hosts that render it (render, other generators) -----------------

HOST_EXTENSIONS = [  # Material's recommended set, as a host site would run it
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.betterem", "pymdownx.caret", "pymdownx.details", "pymdownx.highlight",
    "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.magiclink", "pymdownx.mark",
    "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist",
    "pymdownx.tilde",
]  # fmt: skip


def host_html(markdown_text: str) -> str:
    import markdown

    out = markdown.markdown(
        markdown_text,
        extensions=HOST_EXTENSIONS,
        extension_configs={"pymdownx.highlight": {"use_pygments": False}},
    )
    return str(out)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_payload_is_inert_markdown_for_a_material_host(payload: str) -> None:
    out = host_html(sanitize_body(payload))
    assert scan_html(out) == [], out


@pytest.mark.parametrize(
    "body",
    [
        "See [IMY](https://www.imy.se) and [mail](mailto:a@b.se).",
        "Term\n: Definition with *emphasis*",
        "| A | B |\n|:--|--:|\n| 1 | 2 |",
        "!!! note\n    A note.",
        "Footnote[^1].\n\n[^1]: The note.",
        "Use `<b>` for bold and ``a ` b``.",
        "[ref][r]\n\n[r]: https://a.se/x?a=1&b=2",
        "1. one\n2. two\n\n- a\n    - b",
    ],
)
def test_safe_markdown_is_left_as_written(body: str) -> None:
    assert host_html(sanitize_body(body)) == host_html(body)
    assert markdown_removed(sanitize_body(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "\\`<img src=x onerror=alert(1)>`",  # the backslash escapes the opening tick
        "``<img src=x onerror=alert(1)>`",  # a run of two is not closed by one
        "`x\n`<img src=x onerror=alert(1)>`",  # a code span over two lines
        "\\\\`<b>`",  # an escaped backslash, then a real code span
    ],
)
def test_code_spans_are_read_as_the_parser_reads_them(body: str) -> None:
    out = host_html(sanitize_body(body))
    assert scan_html(out) == [] and "<b>" not in out, out


def test_a_code_span_keeps_its_text() -> None:
    assert sanitize_body("Use `<b>` for bold") == "Use `<b>` for bold"


@pytest.mark.parametrize(
    "body",
    [
        "- [r]: javascript:alert(1)\n\n[x][r]",
        "???+ note\n    [r]: javascript:alert(1)\n\n[x][r]",
        '=== "Tab"\n    [r]: javascript:alert(1)\n\n[x][r]',
        "Term\n: [r]: javascript:alert(1)\n\n[x][r]",
        "[r\nlabel]:\n  javascript:alert(1)\n\n[x][r label]",
    ],
)
def test_reference_definitions_anywhere_lose_a_dangerous_target(body: str) -> None:
    assert "javascript" not in sanitize_body(body).replace("\n", "")


def test_what_the_parser_would_still_make_unsafe_is_shown_as_text() -> None:
    body = '[link](https://a.se "t" onclick=alert(1))\n\nSecond paragraph'
    assert sanitize_body(body) == as_text(body)
    assert as_text(body).count("\n\n") == 1
    assert markdown_removed(as_text(body)) == []


@pytest.mark.slow
def test_render_output_is_inert_for_a_material_host(tmp_path: Path) -> None:
    data = tmp_path / "legal.yml"
    data.write_text(yaml.safe_dump(hostile_data(2), allow_unicode=True), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        (FIXTURES / "sites" / "one-language" / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("../../data/basic.yml", "legal.yml"),
        encoding="utf-8",
    )
    assert main(["render", str(data), "--out", str(tmp_path / "out")]) == 0
    pages = sorted((tmp_path / "out").glob("*.md"))
    assert [p.name for p in pages] == ["changelog.sv.md", "privacy.sv.md"]
    for page in pages:
        out = host_html(page.read_text(encoding="utf-8"))
        assert "onerror=alert(1)" in html.unescape(out)  # shown as text
        assert scan_html(out) == [], page.name


def test_check_warns_where_a_field_is_shown_as_text(tmp_path: Path) -> None:
    data = yaml.safe_load((FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8"))
    data["sections"] = [
        {
            "id": "extra",
            "document": "privacy",
            "title": "Extra",
            "body": {
                "en": '[link](https://a.se "t" onclick=alert(1))',
                "sv": "[länk](https://a.se) och <b>fet</b> text",
            },
        }
    ]
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["check", str(path), "--lang", "sv,en"]) == 0  # a warning
    assert main(["check", str(path), "--lang", "sv,en", "--strict"]) == 1
    result = cli("check", str(path), "--lang", "sv,en", cwd=tmp_path)
    lines = [line for line in result.stdout.splitlines() if "LGL130" in line]
    assert len(lines) == 1 and lines[0].endswith("(sections[0].body.en)"), result.stdout
    assert "shown as plain text" in lines[0]
