"""Bad input through the whole product: `mkdocs-legal check` and a real `mkdocs build`.

SPEC §3 (errors name file, line and column; no traceback), §8 (errors fail `check` and the
build), §9 (exit 1, one line per finding with file:line, nothing written to the site folder of
a failed build). The loader's table of bad inputs (`test_loader.BAD`) is reused here, plus the
errors that only validation and lint find (dangling ids, duplicate versions, missing
translations, …), an alias bomb and a bad history folder. Every case goes through `check`
(in process, fast); a representative subset goes through `mkdocs build` (slow).
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES, Build, copy_fixture_site, mkdocs_build
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_loader import BAD, VALID, billion_laughs, variant

from mkdocs_legal.cli import main

CopySite = Callable[..., Path]

FINDING = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): LGL\d{3} (?:error|warning): .+$")
SUMMARY = re.compile(r"^.+: (?:ok|FAIL) \(\d+ error\(s\), \d+ warning\(s\)\)(?:; .+)?$")


@dataclass(frozen=True)
class Case:
    """A data file and where its first error is; `site` is the fixture site it is used in."""

    content: str | bytes
    line: int
    column: int
    site: str = "one-language"  # one language (sv): plain strings are right there


# fmt: off
LINT: dict[str, Case] = {
    "billion-laughs": Case(billion_laughs(), 6, 11),
    "deep-nesting": Case("schema: " + "[" * 5000 + "]" * 5000 + "\n", 1, 108),
    "too-large": Case(VALID + "# " + "x" * (6 * 1024 * 1024) + "\n", 1, 1),
    "non-iso-date-elsewhere": Case(VALID + "cookies:\n  last_reviewed: 01/07/2023\n", 20, 18),
    "bom-and-an-error": Case(
        b"\xef\xbb\xbf" + variant("legal_basis: f", "legal_basis: g").encode(), 12, 18,
    ),
    "crlf-and-an-error": Case(
        variant("legal_basis: f", "legal_basis: g").replace("\n", "\r\n"), 12, 18,
    ),
    "dangling-retention-id": Case(
        variant("write to us\n", "write to us\n    retention: forever\n"), 14, 16,
    ),
    "dangling-data-category": Case(
        variant("    legal_basis: f\n", "    legal_basis: f\n    data: [shoe_size]\n"), 13, 12,
    ),
    "dangling-source": Case(
        variant("    legal_basis: f\n", "    legal_basis: f\n    sources: [rumours]\n"), 13, 15,
    ),
    "dangling-cookie-provider": Case(
        VALID + "cookies:\n  items:\n    - name: sid\n      provider: adtech\n"
        "      purpose: Login\n      category: necessary\n      duration: session\n",
        22, 17,
    ),
    "dangling-section-after": Case(
        VALID + "sections:\n  - id: extra\n    document: privacy\n    title: More\n"
        "    body: Text\n    after: nowhere\n",
        24, 12,
    ),
    "duplicate-versions": Case(VALID + "  - effective: 2025-03-01\n    published: 2025-01-20\n", 19, 16),
    "missing-translation": Case(
        variant("description: Answer questions", "description: {en: Answer questions}"),
        11, 18, "two-languages",
    ),
    "placeholder": Case(variant("name: Acme AB", "name: TODO"), 3, 9),
    "example-contact": Case(
        variant("  name: Acme AB\n", "  name: Acme AB\n  email: info@example.com\n"), 4, 10,
    ),
    "basis-f-without-interest": Case(variant("    legitimate_interest: Answering people who write to us\n", ""), 12, 18),
    "basis-a-without-withdraw": Case(
        variant("legal_basis: f\n    legitimate_interest: Answering people who write to us\n",
                "legal_basis: a\n"),
        12, 18,
    ),
    "b2c-refunds-none": Case(
        VALID + "audience: b2c\nterms:\n  refunds: none_if_delivered_as_agreed\n", 21, 12,
    ),
    "transfer-without-mechanism": Case(
        VALID + "recipients:\n  - id: crm\n    name: CRM Inc.\n    category: it_service_providers\n"
        "    country: US\n    transfers:\n      - country: US\n",
        25, 9,
    ),
}
# fmt: on
CASES: dict[str, Case] = {name: Case(b.content, b.line, b.column) for name, b in BAD.items()}
CASES.update(LINT)

ACCEPTED: dict[str, str | bytes] = {
    "utf-8-bom": b"\xef\xbb\xbf" + VALID.encode(),
    "crlf": VALID.replace("\n", "\r\n"),
    "cr": VALID.replace("\n", "\r"),
    "bom-and-crlf": b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode(),
}

# One or two of each kind for full builds: YAML syntax, what the file is, hostile YAML,
# duplicate keys, types, unknown keys, dates, durations, countries, ids, versions, languages.
BUILT = [
    "tab-indentation",
    "unclosed-bracket",
    "binary-nul-bytes",
    "empty-file",
    "billion-laughs",
    "python-object-apply",
    "duplicate-key-nested",
    "number-where-text",
    "unknown-nested-key",
    "non-iso-date",
    "duration-in-words",
    "country-unknown",
    "dangling-retention-id",
    "duplicate-versions",
    "missing-translation",
]


def site_with(base: Path, site: str, content: str | bytes) -> Path:
    """A fresh copy of fixture site `site` whose data file is `legal.yml` = `content`."""
    root = copy_fixture_site(base, site, {}, {"data": "legal.yml"})
    data = root / "legal.yml"
    data.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def run_check(*args: str) -> tuple[int, str]:
    """`mkdocs-legal check ARGS` in process: (exit code, stdout + stderr)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = main(["check", *args])
        except SystemExit as exc:  # argparse: usage errors
            code = int(exc.code or 0)
    return code, out.getvalue()


def assert_one_line_findings(output: str, data: Path) -> None:
    """Every line of `check` output is a located finding (in the data file or the site's
    history folder beside it) or a per-file summary."""
    assert "Traceback" not in output
    history = data.parent / "legal-history"
    for line in output.splitlines():
        assert FINDING.match(line) or SUMMARY.match(line), line
        if found := FINDING.match(line):
            assert found["file"] == str(data) or Path(found["file"]).is_relative_to(history), line


def test_the_corpus_covers_every_kind_of_bad_input() -> None:
    assert len(CASES) >= len(BAD) + 15
    for name in BUILT:
        assert name in CASES, name
    wanted = ["tab", "unclosed", "duplicate-key", "billion-laughs", "python", "binary", "empty",
              "utf-16", "latin-1", "number-where", "unknown", "non-iso-date", "duration",
              "country", "dangling", "duplicate-versions", "missing-translation"]  # fmt: skip
    for kind in wanted:
        assert any(kind in name for name in CASES), kind


# --- check ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_check_exits_1_at_the_location(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    data = site_with(tmp_path, case.site, case.content) / "legal.yml"
    code, output = run_check(str(data))
    assert code == 1, output
    assert_one_line_findings(output, data)
    errors = [line for line in output.splitlines() if " error: " in line]
    assert errors, output
    assert any(line.startswith(f"{data}:{case.line}:{case.column}: ") for line in errors), output


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_check_accepts_bom_and_line_endings(tmp_path: Path, name: str) -> None:
    data = site_with(tmp_path, "one-language", ACCEPTED[name]) / "legal.yml"
    code, output = run_check(str(data))
    assert code == 0, output
    assert_one_line_findings(output, data)
    assert " error: " not in output


def test_check_reports_every_file_given(tmp_path: Path) -> None:
    good = site_with(tmp_path / "good", "one-language", VALID) / "legal.yml"
    bad = site_with(tmp_path / "bad", "one-language", CASES["tab-indentation"].content)
    code, output = run_check(str(good), str(bad / "legal.yml"))
    assert code == 1
    assert f"{good}: ok" in output and f"{bad / 'legal.yml'}: FAIL" in output
    assert "Traceback" not in output


# --- mkdocs build --------------------------------------------------------------------------------


def assert_failed_cleanly(build: Build, where: str) -> None:
    result, site = build
    assert result.returncode == 1, result.stderr
    assert where in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists() or not any(site.iterdir()), sorted(site.rglob("*"))[:10]


@pytest.mark.slow
@pytest.mark.parametrize("name", BUILT)
def test_build_fails_at_the_location_and_writes_nothing(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    root = site_with(tmp_path, case.site, case.content)
    assert not (root / "site").exists()
    assert_failed_cleanly(mkdocs_build(root), f"{root / 'legal.yml'}:{case.line}:{case.column}: ")


@pytest.mark.slow
def test_build_accepts_bom_and_crlf(tmp_path: Path) -> None:
    result, site = mkdocs_build(site_with(tmp_path, "one-language", ACCEPTED["bom-and-crlf"]))
    assert result.returncode == 0, result.stderr
    assert "Acme AB" in (site / "privacy" / "index.html").read_text(encoding="utf-8")


# --- a bad history folder -------------------------------------------------------------------------

FROZEN = "legal-history/privacy/2024-05-01.en.md"


@pytest.fixture
def released(copy_site: CopySite) -> Path:
    """The two-language site with its own copy of basic.yml, released once."""
    data = (FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8")
    root = copy_site("two-languages", files={"legal.yml": data}, data="legal.yml")
    assert main(["release", str(root / "legal.yml")]) == 0
    assert (root / FROZEN).is_file()
    return root


def break_front_matter(root: Path) -> tuple[Path, int]:
    frozen = root / FROZEN
    lines = frozen.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "this line is not front matter")
    frozen.write_text("\n".join(lines), encoding="utf-8")
    return frozen, 3


def rename(root: Path) -> tuple[Path, int]:
    moved = (root / FROZEN).with_name("2024-05-02.en.md")
    (root / FROZEN).rename(moved)
    return moved, 1


def move_to_another_document(root: Path) -> tuple[Path, int]:
    moved = root / "legal-history" / "terms" / "2024-05-01.en.md"
    moved.parent.mkdir()
    (root / FROZEN).rename(moved)
    return moved, 1


def binary(root: Path) -> tuple[Path, int]:
    (root / FROZEN).write_bytes(b"---\n\xff\xfe\x00\x00garbage")
    return root / FROZEN, 1


@pytest.mark.slow
@pytest.mark.parametrize("damage", [break_front_matter, rename, move_to_another_document, binary])
def test_bad_history_fails_the_build_at_the_file(
    released: Path, damage: Callable[[Path], tuple[Path, int]]
) -> None:
    path, line = damage(released)
    assert_failed_cleanly(mkdocs_build(released), f"{path}:{line}:1: LGL204 error")


# --- mutations ------------------------------------------------------------------------------------

SOURCES = {
    "demo": (Path(__file__).resolve().parents[1] / "legal.yml").read_text(encoding="utf-8"),
    "basic": (FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8"),
}
TWO_LANGUAGES = """\
site_name: Mutations
site_url: https://mutations.example.org/
theme: {name: material}
plugins:
  - i18n:
      languages:
        - {locale: en, default: true, name: English}
        - {locale: sv, name: Svenska}
  - legal:
      data: legal.yml
      today: "2027-06-01"  # every source's newest version is in force: no history needed
"""
TOKENS = [
    " ", "\t", "\n", "\n  ", "\r\n", ": ", "- ", "-", ":", "[", "]", "{", "}", ",", "'", '"',
    "#", "|", ">", "&a ", "*a", "!!python/name:os.system ", "!!str ", "<<: ", "? ", "~", "null",
    "0", "1", "yes", "NO", "2025-13-01", "01/07/2023", "P1X", "P", "XX", "se", "id: x", "\x00",
    "\x07", "\ufeff", "\u2028", "é", "<script>", "{{ 7*7 }}", "\\", "%", "@", "`",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid data file with a few edits: tokens in, spans out, lines moved, bytes broken."""
    lines = SOURCES[draw(st.sampled_from(sorted(SOURCES)))].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["insert", "delete", "replace", "line", "indent", "swap"]))
        line = lines[i]
        at = draw(st.integers(0, len(line)))
        if op == "insert":
            lines[i] = line[:at] + draw(st.sampled_from(TOKENS)) + line[at:]
        elif op == "delete":
            lines[i] = line[:at] + line[at + draw(st.integers(1, 8)) :]
        elif op == "replace":
            lines[i] = line[:at] + draw(st.sampled_from(TOKENS)) + line[at + 1 :]
        elif op == "line":
            lines[i : i + 1] = draw(st.sampled_from([[], [line, line]]))
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "  ", "    "])) + line.lstrip(" ")
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            lines = [""]
    data = "".join(lines).encode("utf-8")
    if draw(st.integers(0, 9)) == 0:  # now and then, bytes that are not UTF-8
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at] + draw(st.sampled_from([b"\xff", b"\xc5", b"\xe2\x80", b"\x00"])) + data[at:]
        )
    return data


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=mutated())
def test_mutated_files_keep_the_check_contract(tmp_path: Path, content: bytes) -> None:
    """Whatever the edit: exit 0 or 1 (never 2, never an exception), one line per finding,
    and exit 1 comes with at least one located error."""
    (tmp_path / "mkdocs.yml").write_text(TWO_LANGUAGES, encoding="utf-8")
    data = tmp_path / "legal.yml"
    data.write_bytes(content)
    code, output = run_check(str(data))
    event(f"exit {code}")
    assert code in (0, 1), output
    assert_one_line_findings(output, data)
    if code == 1:
        assert any(" error: " in line and FINDING.match(line) for line in output.splitlines())


# --- bad plugin options ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"today": "01/07/2023"}, "today"),
        ({"strict": "yes"}, "strict"),
        ({"data": "nope.yml"}, "nope.yml"),
        ({"data": "docs"}, "docs"),
        ({"timezone": "Mars/Olympus", "today": None}, "Mars/Olympus"),
        ({"timezone": "Mars/Olympus"}, "Mars/Olympus"),
        ({"documents": {"cookie": {"path": "cookie-policy"}}}, "cookie"),
        ({"history_dir": "mkdocs.yml"}, "history_dir"),
    ],
    ids=[
        "today",
        "strict",
        "missing-data",
        "data-is-a-folder",
        "time-zone",
        "time-zone-and-today",
        "unknown-document",
        "history-dir-is-a-file",
    ],
)
def test_bad_plugin_option_fails_the_build_cleanly(
    copy_site: CopySite, options: dict[str, object], says: str
) -> None:
    result, site = mkdocs_build(copy_site("two-languages", **options))
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if says in line]
    assert errors, result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists() or not any(site.iterdir())
