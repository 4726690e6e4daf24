"""Loading and validating `legal.yml`: every bad input gives a located, helpful finding.

SPEC §3: errors name the file, line and column, the field path and what would be valid;
no Python traceback ever reaches a user. SPEC §9: every malformed or hostile data file
gives a one-line-per-finding message with file:line.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml.scanner

from mkdocs_legal.core import yamlsource
from mkdocs_legal.core.findings import Finding, LegalDataError
from mkdocs_legal.core.source import to_model
from mkdocs_legal.core.yamlsource import Located, load

# Line numbers below refer to this file; keep it in step with the cases.
VALID = """\
schema: 1
organisation:
  name: Acme AB
  address:
    street: Storgatan 1
    postcode: 01234
    city: Oslo
    country: NO
purposes:
  - id: contact
    description: Answer questions
    legal_basis: f
    legitimate_interest: Answering people who write to us
rights:
  response_time: P1M
versions:
  - effective: 2025-03-01
    published: 2025-01-15
"""
LAST_LINE = VALID.count("\n")  # 18; an appended line is LAST_LINE + 1

FORMAT = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>LGL\d{3}) error: .+$")


def variant(old: str, new: str) -> str:
    """VALID with exactly one occurrence of `old` replaced."""
    assert VALID.count(old) == 1, old
    return VALID.replace(old, new)


def write(tmp_path: Path, content: str | bytes, name: str = "legal.yml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def findings_of(path: Path) -> list[Finding]:
    """Everything loading and validating `path` reports (never an exception)."""
    try:
        located = load(path)
    except LegalDataError as exc:
        return exc.findings
    model, findings = to_model(located)
    assert (model is None) == bool(findings)
    return findings


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, "\n".join(f.format() for f in findings)
    return findings[0]


@dataclass(frozen=True)
class Bad:
    """One bad input and the one finding it must give."""

    content: str | bytes
    line: int
    column: int
    code: str
    path: str
    says: tuple[str, ...]  # fragments of the message: what is wrong and what would be valid


# fmt: off
BAD: dict[str, Bad] = {
    # --- YAML syntax ---------------------------------------------------------------------
    "tab-indentation": Bad(
        variant("  name: Acme AB\n", "\tname: Acme AB\n"),
        3, 1, "LGL001", "", ("tab", "indent with spaces"),
    ),
    "tab-indentation-nested": Bad(
        variant("    city: Oslo\n", "\t\tcity: Oslo\n"),
        7, 1, "LGL001", "", ("tab", "indent with spaces"),
    ),
    "unclosed-bracket": Bad(
        variant("description: Answer questions", "description: [Answer questions"),
        11, 18, "LGL001", "", ("[", "not closed", "line 12", "close it with ]"),
    ),
    "unclosed-brace": Bad(
        variant("  response_time: P1M\n", "  response_time: {P1M\n"),
        15, 18, "LGL001", "", ("{", "not closed", "close it with }"),
    ),
    "unclosed-double-quote": Bad(
        variant("city: Oslo", 'city: "Oslo'),
        7, 11, "LGL001", "", ('quote "', "never closed", 'matching "'),
    ),
    "unclosed-single-quote": Bad(
        variant("street: Storgatan 1", "street: 'Storgatan 1"),
        5, 13, "LGL001", "", ("quote '", "never closed", "matching '"),
    ),
    "colon-in-unquoted-text": Bad(
        variant("name: Acme AB", "name: Acme: the company"),
        3, 13, "LGL001", "", ("mapping values are not allowed here", "in quotes"),
    ),
    "two-documents": Bad(
        VALID + "---\nschema: 1\n",
        LAST_LINE + 1, 1, "LGL001", "", ("single document", "remove the second `---`"),
    ),
    "undefined-alias": Bad(
        variant("city: Oslo", "city: *town"),
        7, 11, "LGL001", "", ("undefined alias 'town'", "define the anchor (&name)"),
    ),
    "control-character": Bad(
        variant("city: Oslo", "city: Os\x07lo"),
        7, 13, "LGL001", "", ("U+0007", "delete it"),
    ),
    # --- what the file is ------------------------------------------------------------------
    "binary-nul-bytes": Bad(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, 1, "LGL001", "", ("binary", "UTF-8"),
    ),
    "nul-byte-in-text": Bad(
        VALID.encode() + b"\x00", 1, 1, "LGL001", "", ("NUL", "YAML saved as UTF-8"),
    ),
    "utf-16": Bad(VALID.encode("utf-16"), 1, 1, "LGL001", "", ("UTF-16", "save it as UTF-8")),
    "latin-1": Bad(
        variant("name: Acme AB", "name: Åkesson AB").encode("latin-1"),
        3, 9, "LGL001", "", ("0xC5", "not valid UTF-8", "save it as UTF-8"),
    ),
    "latin-1-after-utf-8-on-the-line": Bad(
        # "    city: Göta " is 15 characters (16 bytes): the column counts characters.
        variant("city: Oslo", "city: Göta ").encode().replace(b"ta \n", b"ta \xe5\n"),
        7, 16, "LGL001", "", ("0xE5", "save it as UTF-8"),
    ),
    "empty-file": Bad(
        "", 1, 1, "LGL001", "", ("no data", "`schema: 1`", "`organisation`", "`versions`"),
    ),
    "only-comments": Bad(
        "# legal.yml\n\n# to do\n", 1, 1, "LGL001", "", ("no data", "`schema: 1`"),
    ),
    "top-level-list": Bad(
        "- schema: 1\n- versions: []\n", 1, 1, "LGL001", "", ("a list", "must be a map"),
    ),
    "top-level-scalar": Bad(
        "\n  just some text\n", 2, 3, "LGL001", "", ("a single value", "must be a map"),
    ),
    # --- hostile YAML features ---------------------------------------------------------------
    "python-object-apply": Bad(
        variant("name: Acme AB", "name: !!python/object/apply:os.system ['echo pwned']"),
        3, 9, "LGL002", "organisation.name",
        ("!!python/object/apply:os.system", "not allowed", "plain values"),
    ),
    "python-name": Bad(
        variant("name: Acme AB", "name: !!python/name:os.system"),
        3, 9, "LGL002", "organisation.name", ("!!python/name:os.system", "without tags"),
    ),
    "python-object-new": Bad(
        variant("legal_basis: f", "legal_basis: !!python/object/new:subprocess.Popen [[ls]]"),
        12, 18, "LGL002", "purposes[0].legal_basis", ("!!python/object/new:", "not allowed"),
    ),
    "python-module": Bad(
        VALID + "extends: !!python/module:os\n",
        LAST_LINE + 1, 10, "LGL002", "extends", ("!!python/module:os", "plain values"),
    ),
    "python-tag-on-key": Bad(
        VALID + "!!python/name:os.system : x\n",
        LAST_LINE + 1, 1, "LGL002", "", ("!!python/name:os.system", "not allowed"),
    ),
    "local-tag": Bad(
        variant("city: Oslo", "city: !include city.yml"),
        7, 11, "LGL002", "organisation.address.city", ("!include", "not allowed"),
    ),
    "timestamp-tag": Bad(
        variant("effective: 2025-03-01", "effective: !!timestamp 2025-03-01"),
        17, 16, "LGL002", "versions[0].effective", ("!!timestamp", "without tags"),
    ),
    "core-tag-that-does-not-fit": Bad(
        variant("response_time: P1M", "response_time: !!int P1M"),
        15, 18, "LGL002", "rights.response_time", ("!!int", "does not fit", "remove the tag"),
    ),
    "merge-key": Bad(
        variant("  address:\n", "  address:\n    <<: {city: Oslo}\n"),
        5, 5, "LGL002", "organisation.address.<<", ("merge keys (<<)", "write the keys out"),
    ),
    "alias-refers-to-itself": Bad(
        VALID + "x: &loop [a, *loop]\n",
        LAST_LINE + 1, 14, "LGL001", "", ("*loop", "inside the value it refers to"),
    ),
    "number-too-long": Bad(
        variant("postcode: 01234", "postcode: " + "9" * 5000),
        6, 15, "LGL002", "organisation.address.postcode", ("too long", "in quotes"),
    ),
    # --- duplicate keys ----------------------------------------------------------------------
    "duplicate-key-nested": Bad(
        variant("    country: NO\n", "    country: NO\n  name: Acme Sweden AB\n"),
        9, 3, "LGL003", "organisation.name",
        ("duplicate key 'name'", "line 3, column 3", "keep only one"),
    ),
    "duplicate-key-top-level": Bad(
        VALID + "schema: 1\n",
        LAST_LINE + 1, 1, "LGL003", "schema", ("duplicate key 'schema'", "line 1, column 1"),
    ),
    "duplicate-key-in-list-item": Bad(
        variant("    published: 2025-01-15\n", "    published: 2025-01-15\n    effective: 2025-04-01\n"),
        19, 5, "LGL003", "versions[0].effective", ("duplicate key 'effective'", "line 17, column 5"),
    ),
    # --- wrong types ---------------------------------------------------------------------------
    "number-where-text": Bad(
        variant("name: Acme AB", "name: 42"),
        3, 9, "LGL006", "organisation.name", ("got the number 42", "expected text", "in quotes"),
    ),
    "number-where-text-postcode": Bad(
        variant("postcode: 01234", "postcode: 80331"),
        6, 15, "LGL006", "organisation.address.postcode", ("80331", "expected text", "quotes"),
    ),
    "boolean-where-text": Bad(
        variant("city: Oslo", "city: true"),
        7, 11, "LGL006", "organisation.address.city", ("the value true", "text"),
    ),
    "text-where-list": Bad(
        VALID + "data_categories: email\n",
        LAST_LINE + 1, 18, "LGL006", "data_categories", ("the text 'email'", "expected a list"),
    ),
    "text-where-map": Bad(
        variant("rights:\n  response_time: P1M\n", "rights: all of them\n"),
        14, 9, "LGL006", "rights", ("the text 'all of them'", "a map of keys"),
    ),
    "yaml-1.1-boolean": Bad(
        VALID + "terms:\n  dpa: yes\n",
        LAST_LINE + 2, 8, "LGL006", "terms.dpa", ("the text 'yes'", "expected true or false"),
    ),
    "nothing-where-text": Bad(
        variant("name: Acme AB", "name:"),
        3, 8, "LGL006", "organisation.name", ("got nothing", "expected text"),
    ),
    "number-where-text-or-language-map": Bad(
        variant("description: Answer questions", "description: 5"),
        11, 18, "LGL006", "purposes[0].description",
        ("the number 5", "text or a map of language code to text"),
    ),
    "wrong-schema-version": Bad(
        variant("schema: 1", "schema: 2"), 1, 9, "LGL006", "schema", ("number 2", "expected 1"),
    ),
    # --- unknown keys ---------------------------------------------------------------------------
    "unknown-top-level-key": Bad(
        VALID + "organisaton: {}\n",
        LAST_LINE + 1, 1, "LGL005", "organisaton",
        ("unknown key `organisaton`", "did you mean `organisation`?", "versions"),
    ),
    "unknown-nested-key": Bad(
        variant("  name: Acme AB\n", "  name: Acme AB\n  emial: info@acme.test\n"),
        4, 3, "LGL005", "organisation.emial",
        ("unknown key `emial`", "did you mean `email`?", "privacy_email"),
    ),
    "unknown-key-in-list-item": Bad(
        variant("legitimate_interest:", "legitimate_intrest:"),
        13, 5, "LGL005", "purposes[0].legitimate_intrest", ("did you mean `legitimate_interest`?",),
    ),
    "unknown-key-no-close-match": Bad(
        variant("response_time: P1M", "colour: blue"),
        15, 3, "LGL005", "rights.colour",
        ("unknown key `colour`", "allowed here are: exclude, how, response_time"),
    ),
    # --- dates --------------------------------------------------------------------------------------
    "non-iso-date": Bad(
        variant("effective: 2025-03-01", "effective: 01/07/2023"),
        17, 16, "LGL007", "versions[0].effective", ("'01/07/2023'", "YYYY-MM-DD", "2025-03-01"),
    ),
    "impossible-date": Bad(
        variant("effective: 2025-03-01", "effective: 2025-02-30"),
        17, 16, "LGL007", "versions[0].effective",
        ("2025-02-30 is not a real calendar date", "February 2025 has 28 days"),
    ),
    "impossible-month": Bad(
        variant("published: 2025-01-15", "published: 2025-13-01"),
        18, 16, "LGL007", "versions[0].published", ("not a real calendar date", "01 to 12"),
    ),
    "date-with-time": Bad(
        variant("effective: 2025-03-01", "effective: 2025-03-01T00:00:00"),
        17, 16, "LGL007", "versions[0].effective", ("YYYY-MM-DD",),
    ),
    # --- durations, countries, enumerations ---------------------------------------------------
    "duration-in-words": Bad(
        variant("response_time: P1M", "response_time: 3 years"),
        15, 18, "LGL007", "rights.response_time", ("'3 years'", "ISO 8601 duration", "P2Y"),
    ),
    "duration-empty-P": Bad(
        variant("response_time: P1M", "response_time: P"),
        15, 18, "LGL007", "rights.response_time", ("'P'", "ISO 8601 duration", "P30D"),
    ),
    "duration-or-session": Bad(
        VALID + "cookies:\n  items:\n    - name: sid\n      purpose: Login\n"
        "      category: necessary\n      duration: 1 year\n",
        LAST_LINE + 6, 17, "LGL006", "cookies.items[0].duration",
        ("'1 year'", "expected 'session' or an ISO 8601 duration"),
    ),
    "country-unknown": Bad(
        variant("country: NO", "country: XX"),
        8, 14, "LGL007", "organisation.address.country",
        ("XX is not an ISO 3166-1 alpha-2 country code", "such as SE"),
    ),
    "country-lowercase": Bad(
        variant("country: NO", "country: se"),
        8, 14, "LGL007", "organisation.address.country", ("'se'", "in capitals, such as SE"),
    ),
    "storage-region-lowercase": Bad(
        VALID + "storage:\n  regions: [EU, se]\n",
        LAST_LINE + 2, 17, "LGL007", "storage.regions[1]", ("'se'", "such as SE", "EU or EEA"),
    ),
    "legal-basis-g": Bad(
        variant("legal_basis: f", "legal_basis: g"),
        12, 18, "LGL006", "purposes[0].legal_basis",
        ("the text 'g'", "'a', 'b', 'c', 'd', 'e' or 'f'"),
    ),
    "document-id": Bad(
        variant("    published: 2025-01-15\n", "    published: 2025-01-15\n    documents: [cookie]\n"),
        19, 17, "LGL006", "versions[0].documents[0]", ("'cookie'", "'privacy', 'cookies' or 'terms'"),
    ),
    # --- required fields -------------------------------------------------------------------------
    "missing-organisation-name": Bad(
        variant("  name: Acme AB\n", ""),
        2, 1, "LGL004", "organisation.name",
        ("required field `name` is missing from `organisation`", "add `name:`"),
    ),
    "missing-versions": Bad(
        VALID.split("versions:")[0],
        1, 1, "LGL004", "versions",
        ("required field `versions` is missing", "- effective: 2025-03-01"),
    ),
    "missing-schema": Bad(
        variant("schema: 1\n", ""), 1, 1, "LGL004", "schema", ("`schema` is missing", "`schema: 1`"),
    ),
    "missing-in-list-item": Bad(
        variant("    legal_basis: f\n", ""),
        10, 5, "LGL004", "purposes[0].legal_basis",
        ("`legal_basis` is missing from `purposes[0]`", "`a`, `b`, `c`, `d`, `e`, `f`"),
    ),
    "empty-versions": Bad(
        VALID.split("versions:")[0] + "versions: []\n",
        LAST_LINE - 2, 11, "LGL004", "versions",
        ("an empty list", "at least one entry", "- effective: 2025-03-01"),
    ),
    "empty-name": Bad(
        variant("name: Acme AB", "name: ''"),
        3, 9, "LGL004", "organisation.name", ("the text ''", "must not be empty"),
    ),
    # --- ids and language codes --------------------------------------------------------------------
    "bad-id": Bad(
        variant("id: contact", "id: Contact Form"),
        10, 9, "LGL008", "purposes[0].id",
        ("'Contact Form'", "lowercase letters, digits, `_` or `-`, starting with a letter"),
    ),
    "bad-id-digit-first": Bad(
        variant("id: contact", "id: 2fa"),
        10, 9, "LGL008", "purposes[0].id", ("'2fa'", "starting with a letter"),
    ),
    "bad-id-as-map-key": Bad(
        VALID + "retention:\n  Customer Records:\n    period: P7Y\n",
        LAST_LINE + 2, 3, "LGL008", "retention.Customer Records",
        ("the key 'Customer Records'", "lowercase letters"),
    ),
    "bad-language-code": Bad(
        variant("description: Answer questions", "description: {EN: Answer questions}"),
        11, 19, "LGL008", "purposes[0].description.EN",
        ("the key 'EN'", "a language code such as `en`"),
    ),
}
# fmt: on


@pytest.mark.parametrize("case", BAD.values(), ids=list(BAD))
def test_bad_input_gives_one_located_finding(tmp_path: Path, case: Bad) -> None:
    path = write(tmp_path, case.content)
    finding = only(findings_of(path))
    assert finding.file == str(path)
    assert (finding.line, finding.column) == (case.line, case.column), finding.format()
    assert finding.code == case.code, finding.format()
    assert finding.severity == "error"
    assert finding.path == case.path, finding.format()
    for fragment in case.says:
        assert fragment in finding.message, finding.format()
    line = finding.format()
    assert "\n" not in line and "Traceback" not in line
    match = FORMAT.match(line)
    assert match, line
    assert (match["file"], int(match["line"]), int(match["col"])) == (
        str(path),
        case.line,
        case.column,
    )
    if case.path:
        assert line.endswith(f" ({case.path})")


def test_there_are_enough_cases() -> None:
    assert len(BAD) >= 25


# --- files that cannot be read ----------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "legal.yml"
    finding = only(findings_of(path))
    assert (finding.file, finding.line, finding.column, finding.code, finding.path) == (
        str(path),
        1,
        1,
        "LGL001",
        "",
    )
    assert "file not found" in finding.message
    assert "fix the path" in finding.message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    finding = only(findings_of(tmp_path))
    assert (finding.file, finding.line, finding.column, finding.code) == (
        str(tmp_path),
        1,
        1,
        "LGL001",
    )
    assert "folder" in finding.message and "YAML file" in finding.message


# --- hostile input ---------------------------------------------------------------------------------


def billion_laughs() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_fast_at_the_alias(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused without expanding an alias: work is counted (nodes composed), not timed."""
    composed: list[int] = []
    compose = yamlsource._Guarded.compose_node

    def counted(self: yamlsource._Guarded, parent: object, index: object) -> object:
        composed.append(1)
        return compose(self, parent, index)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlsource._Guarded, "compose_node", counted)
    text = billion_laughs()
    path = write(tmp_path, text)
    finding = only(findings_of(path))
    # the file writes about a hundred values; expanding its aliases would compose millions
    assert len(composed) < 2 * (text.count(",") + 2 * text.count("\n"))
    assert finding.code == "LGL001"
    assert "alias bomb" in finding.message and "fewer aliases" in finding.message
    # Line 6 is `f: &f [*e,*e,…]`; each *e stands for 66 430 values, so with the 74 739 values
    # before it the second *e (column 11) is where the file passes 200 000 values.
    assert yamlsource.MAX_NODES == 200_000
    assert (finding.file, finding.line, finding.column) == (str(path), 6, 11)
    assert text.splitlines()[5][10:13] == "*e,"


def test_moderate_alias_use_is_fine(tmp_path: Path) -> None:
    text = VALID.replace("description: Answer questions", "description: &answer Answer questions")
    text += "sections:\n" + "".join(
        f"  - {{id: s{i}, document: privacy, title: T, body: *answer}}\n" for i in range(50)
    )
    path = write(tmp_path, text)
    assert findings_of(path) == []
    assert load(path).data["sections"][49]["body"] == "Answer questions"


def test_deep_nesting_is_refused_fast(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused at the level that is one too many: the rest of the file is never read.

    Work is counted, not timed: how many `[` the scanner reads before the refusal.
    """
    scanned: list[int] = []
    fetch = yaml.scanner.Scanner.fetch_flow_sequence_start

    def counted(self: yaml.scanner.Scanner) -> None:
        scanned.append(1)
        fetch(self)

    monkeypatch.setattr(yaml.scanner.Scanner, "fetch_flow_sequence_start", counted)
    path = write(tmp_path, "schema: " + "[" * 5000 + "]" * 5000 + "\n")
    finding = only(findings_of(path))
    # PyYAML looks up to 1024 characters ahead for a possible key; no further
    assert yamlsource.MAX_DEPTH <= len(scanned) <= yamlsource.MAX_DEPTH + 1024 + 1
    # depth 1 is the top-level map, so the 100th `[` (column 8 + 100) is one level too many
    assert (finding.line, finding.column, finding.code) == (1, 108, "LGL001")
    assert "100 levels" in finding.message


def test_python_tags_are_never_executed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []

    def system(command: object) -> int:
        calls.append(command)
        return 0

    monkeypatch.setattr(os, "system", system)
    marker = tmp_path / "pwned"
    text = (
        variant("name: Acme AB", f"name: !!python/object/apply:os.system ['touch {marker}']")
        + f'x: !!python/object/apply:builtins.exec [\'open(r"{marker}", "w")\']\n'
    )
    findings = findings_of(write(tmp_path, text))
    assert [(f.line, f.code) for f in findings] == [(3, "LGL002"), (LAST_LINE + 1, "LGL002")]
    assert calls == []
    assert not marker.exists()


# --- what loads fine -------------------------------------------------------------------------------


def test_valid_file_loads(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    located = load(path)
    model, findings = to_model(located)
    assert findings == []
    assert model is not None
    assert model.organisation.name == "Acme AB"


def test_utf8_bom_loads_with_correct_lines(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + VALID.encode())
    located = load(path)
    assert located.data["schema"] == 1  # the key is `schema`, not `\ufeffschema`
    assert located.where(("versions", 0, "effective")) == (17, 16)
    assert located.where(("schema",), key=True) == (1, 1)
    assert to_model(located)[1] == []
    bad = only(findings_of(write(tmp_path, b"\xef\xbb\xbf" + (VALID + "oops: 1\n").encode())))
    assert (bad.line, bad.column, bad.path) == (LAST_LINE + 1, 1, "oops")


def test_utf8_bom_does_not_shift_columns_of_bad_bytes(tmp_path: Path) -> None:
    content = b"\xef\xbb\xbfname: \xc5\n"
    finding = only(findings_of(write(tmp_path, content)))
    assert (finding.line, finding.column) == (1, 7)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_loads_with_correct_lines(tmp_path: Path, newline: str) -> None:
    path = write(tmp_path, VALID.replace("\n", newline))
    located = load(path)
    assert to_model(located)[1] == []
    assert located.data["purposes"][0]["legitimate_interest"] == (
        "Answering people who write to us"
    )
    assert located.where(("purposes", 0, "legal_basis")) == (12, 18)
    bad = only(
        findings_of(
            write(tmp_path, variant("legal_basis: f", "legal_basis: g").replace("\n", newline))
        )
    )
    assert (bad.line, bad.column, bad.path) == (12, 18, "purposes[0].legal_basis")


def test_norway_stays_a_string(tmp_path: Path) -> None:
    located = load(write(tmp_path, VALID + "terms:\n  governing_law: NO\n"))
    assert located.data["organisation"]["address"]["country"] == "NO"
    assert located.data["terms"]["governing_law"] == "NO"
    model, findings = to_model(located)
    assert findings == [] and model is not None
    assert model.organisation.address is not None
    assert model.organisation.address.country == "NO"
    assert model.terms is not None and model.terms.governing_law == "NO"


def test_postcode_with_leading_zero_stays_a_string(tmp_path: Path) -> None:
    located = load(write(tmp_path, VALID))
    assert located.data["organisation"]["address"]["postcode"] == "01234"
    model = to_model(located)[0]
    assert model is not None and model.organisation.address is not None
    assert model.organisation.address.postcode == "01234"


def test_dates_are_strings_in_data_and_dates_in_the_model(tmp_path: Path) -> None:
    located = load(write(tmp_path, VALID))
    version = located.data["versions"][0]
    assert version == {"effective": "2025-03-01", "published": "2025-01-15"}
    assert all(type(v) is str for v in version.values())
    model = to_model(located)[0]
    assert model is not None
    assert model.versions[0].effective == date(2025, 3, 1)
    assert type(model.versions[0].effective) is date
    assert model.versions[0].published == date(2025, 1, 15)


def test_plain_scalars_follow_yaml_1_2(tmp_path: Path) -> None:
    text = (
        "x: [true, False, yes, no, on, off, ~, null, 0, -3, 1.5, .inf, -.Inf, 0x1F, 1_000, 12:30]\n"
    )
    data = load(write(tmp_path, text)).data["x"]
    assert data[:8] == [True, False, "yes", "no", "on", "off", None, None]
    assert data[8:13] == [0, -3, 1.5, float("inf"), float("-inf")]
    assert data[13:] == ["0x1F", "1_000", "12:30"]


def test_positions_are_recorded_for_values_and_keys(tmp_path: Path) -> None:
    located: Located = load(write(tmp_path, VALID))
    assert located.where(("organisation", "address", "country")) == (8, 14)
    assert located.where(("organisation", "address", "country"), key=True) == (8, 5)
    assert located.where(("purposes", 0)) == (10, 5)
    # a path that does not exist falls back to its nearest ancestor
    assert located.where(("organisation", "dpo", "email")) == (3, 3)


def test_several_problems_are_all_reported_in_file_order(tmp_path: Path) -> None:
    text = variant("legal_basis: f", "legal_basis: g").replace("country: NO", "country: se")
    text = text.replace("effective: 2025-03-01", "effective: 2025-02-30")
    findings = findings_of(write(tmp_path, text))
    assert [(f.line, f.path) for f in findings] == [
        (8, "organisation.address.country"),
        (12, "purposes[0].legal_basis"),
        (17, "versions[0].effective"),
    ]


def test_mangled_files_never_raise_anything_but_findings() -> None:
    """A seeded random mutation run: every result is data or one-line located findings."""
    alphabet = list(" \t\n:-[]{}\"'&*!#|>%@`,?~0123456789abcNOP.\\\x85\u2028\x07é")
    rng = random.Random(20250301)
    for _ in range(1000):
        chars = list(VALID)
        for _ in range(rng.randint(1, 6)):
            pos = rng.randrange(len(chars) + 1)
            roll = rng.random()
            if roll < 0.4:
                chars.insert(pos, rng.choice(alphabet))
            elif pos < len(chars):
                if roll < 0.7:
                    del chars[pos]
                else:
                    chars[pos] = rng.choice(alphabet)
        text = "".join(chars)
        try:
            findings = to_model(yamlsource.parse(text, "legal.yml"))[1]
        except LegalDataError as exc:
            findings = exc.findings
        for finding in findings:
            assert FORMAT.match(finding.format()), (text, finding.format())
            assert finding.line >= 1 and finding.column >= 1
