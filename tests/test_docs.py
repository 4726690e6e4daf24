"""The documentation site: generated reference pages cover the code, and the examples in the
docs are what the product really does (commands, findings, workflows, templates)."""

from __future__ import annotations

import importlib.util
import re
import shlex
import shutil
import textwrap
from collections.abc import Callable, Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import markdown
import pytest
import yaml
from conftest import FIXTURES, mkdocs_build

from mkdocs_legal import cli, scaffold
from mkdocs_legal.core import documents, vocabulary
from mkdocs_legal.core.authorities import keys as authority_keys
from mkdocs_legal.core.documents import SECTION_IDS
from mkdocs_legal.core.documents.base import Context, Links
from mkdocs_legal.core.documents.privacy import rights_in_force
from mkdocs_legal.core.language import Language
from mkdocs_legal.core.lint import RULES
from mkdocs_legal.core.model import replace
from mkdocs_legal.core.schema import json_schema
from mkdocs_legal.core.source import Options, load_valid
from mkdocs_legal.plugin.config import LegalConfig

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEEDS = FIXTURES / "seeds"
BASIC = (FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8")


def load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hook", ROOT / "hooks" / "reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = load_hook()


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def code_blocks(text: str, language: str) -> list[str]:
    """The fenced code blocks of `language` in a Markdown page, in order, indented ones too."""
    found = re.findall(rf"^( *)```{language}\n(.*?)^\1```$", text, re.M | re.S)
    return [textwrap.dedent(body) for _, body in found]


# --- a small HTML reader ---------------------------------------------------------------------


class Tables(HTMLParser):
    """Cells per row of every table, and every element id."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.ids: set[str] = set()
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(v for k, v in attrs if k == "id" and v)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "toc"])


def tables(text: str) -> Tables:
    reader = Tables()
    reader.feed(to_html(text))
    return reader


# --- the data-file reference -----------------------------------------------------------------


def schema_keys(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(key, property schema) of every object in the schema, nested ones included."""
    objects = [schema, *schema.get("$defs", {}).values()]
    for obj in objects:
        yield from obj.get("properties", {}).items()


def allowed_values(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        if "const" in node:
            yield node["const"]
        yield from node.get("enum", [])
        for value in node.values():
            yield from allowed_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from allowed_values(value)


def test_data_file_reference_covers_every_key_and_allowed_value() -> None:
    schema = json_schema()
    text = hook.data_file_markdown(schema)
    keys = {key for key, _ in schema_keys(schema)}
    rows = {row[0] for row in tables(text).rows if row}
    assert keys <= rows, f"keys without a row: {sorted(keys - rows)}"
    shown = {str(v).lower() if isinstance(v, bool) else str(v) for v in allowed_values(schema)}
    for value in shown:  # as YAML writes them: `false`, not `False`
        assert f"`{value}`" in text, value
    for key, prop in schema_keys(schema):
        if prop.get("description") and "pattern" not in prop:
            assert " ".join(prop["description"].split()) in " ".join(text.split()), key


def test_data_file_reference_says_what_is_required() -> None:
    schema = json_schema()
    top = tables(hook.data_file_markdown(schema)).rows
    required = {row[0] for row in top if len(row) == 4 and row[2] == "yes"}
    assert {"schema", "organisation", "versions", "name", "legal_basis", "effective"} <= required
    assert "extends" not in required


def test_every_object_has_a_section_and_every_link_an_anchor() -> None:
    text = hook.data_file_markdown()
    html = to_html(text)
    reader = Tables()
    reader.feed(html)
    links = set(re.findall(r'href="#([^"]+)"', html))
    conventions = {"text", "dates", "durations", "countries", "ids"}
    stub = re.findall(r"^### (\w+)$", page("reference/data-file.md"), re.M)
    assert conventions <= {heading.lower() for heading in stub}
    assert links - conventions <= reader.ids
    sections = re.findall(r"^### `([^`]+)`", text, re.M)
    assert {"organisation", "purposes[]", "retention.<id>", "recipients[].transfers[]"} <= set(
        sections
    )
    assert len(sections) == len(json_schema()["$defs"])  # every kind of object, once
    assert "### Top level {#top-level}" in text


def test_cells_escape_pipes_and_markup() -> None:
    assert hook.cell("a | b") == r"a \| b"
    assert hook.cell("`x|y` and <script>") == "<code>x&#124;y</code> and &lt;script>"
    hostile = {
        "type": "object",
        "properties": {
            "k": {
                "type": "string",
                "description": "one | two <b>bold</b>\nline",
                "pattern": "^(a|b)$",
            }
        },
    }
    text = hook.data_file_markdown(hostile)
    [head, row] = tables(text).rows
    assert len(row) == len(head) == 4
    assert row[3] == "one | two <b>bold</b> line."
    assert row[1] == "string matching ^(a|b)$"


def test_generated_tables_have_as_many_cells_as_headings() -> None:
    for text in (hook.data_file_markdown(), hook.lint_rules_markdown(), hook.builtins_markdown()):
        rows = tables(text).rows
        assert rows
        widths = {len(r) for r in rows}
        assert len(widths) <= 3 and all(w in (2, 3, 4) for w in widths)
        for line in text.splitlines():
            if line.startswith("|"):
                unescaped = re.sub(r"`[^`]*`|\\\|", "", line).count("|")
                assert unescaped - 1 in (2, 3, 4), line


def test_built_in_ids_are_all_listed() -> None:
    text = hook.builtins_markdown()
    for _, _, labels in hook.BUILTINS:
        for key in labels:
            assert f"`{key}`" in text
    for table in (
        vocabulary.DATA_CATEGORIES,
        vocabulary.SOURCES,
        vocabulary.RECIPIENT_CATEGORIES,
        vocabulary.RETENTION_EVENTS,
        vocabulary.SECURITY_MEASURES,
    ):
        assert all(f"| `{key}` |" in text for key in table)
    assert all(f"| `{key}` |" in text for key in authority_keys())


def test_consent_withdrawn_is_a_retention_start() -> None:
    """The data-file page names `consent_withdrawn` by hand: the renderer knows it."""
    data = load_valid(SEEDS / "lhe.yml", Options(("en", "sv"))).data
    text = documents.render(data, "privacy", Language("en")).to_markdown()
    assert "until you withdraw your consent" in text
    assert "`consent_withdrawn`" in page("reference/data-file.md")


# --- lint rules, section ids, rights ---------------------------------------------------------


def test_lint_page_lists_every_rule() -> None:
    text = hook.lint_rules_markdown()
    rows = {row[0]: row for row in tables(text).rows if row and row[0].startswith("LGL")}
    assert set(rows) == set(RULES)
    for code, rule in RULES.items():
        assert rows[code][1] == rule.severity
        assert f'id="{code.lower()}"' in text


def test_section_ids_are_those_the_documents_use() -> None:
    text = hook.section_ids_markdown()
    data = load_valid(ROOT / "example" / "legal.yml", Options(("en",))).data
    for document, ids in SECTION_IDS.items():
        assert all(f"`{i}`" in text for i in ids)
        rendered = documents.render(data, document, Language("en")).to_markdown()
        used = re.findall(r"^## \d+\. .* \{#([a-z_]+)\}$", rendered, re.M)
        assert used, document
        custom = {s.id for s in data.sections if s.document == document}
        built_in = [i for i in used if i not in custom]
        assert built_in == [i for i in ids if i in built_in], document


@pytest.mark.parametrize(
    "bases, expected",
    [
        ("b", {"portability", "complaint"}),
        ("a", {"portability", "withdraw_consent", "complaint"}),
        ("f", {"objection", "complaint"}),
        ("e", {"objection", "complaint"}),
        ("c", {"complaint"}),
    ],
)
def test_rights_follow_from_the_legal_bases(bases: str, expected: set[str]) -> None:
    """What the recipes say: portability for a/b, withdrawal for a, objection for e/f."""
    data = load_valid(SEEDS / "lhe.yml", Options(("en", "sv"))).data
    purposes = data.purposes[: len(bases)]
    changed = [replace(p, legal_basis=b) for b, p in zip(bases, purposes, strict=True)]
    data = replace(data, purposes=changed)
    rights = set(rights_in_force(Context(data, Language("en"), Links())))
    optional = {"portability", "objection", "withdraw_consent", "complaint"}
    assert rights & optional == expected


def add_cookie(data: dict[str, Any], provider: str = "first_party") -> None:
    data["cookies"] = {
        "items": [
            {
                "name": "_stats",
                "provider": provider,
                "purpose": {"en": "Statistics", "sv": "Statistik"},
                "category": "statistics",
                "duration": "P1Y",
            }
        ]
    }


def edit(data: dict[str, Any], change: str) -> Options:
    """Break the basic data file in one way (named after the rule it breaks)."""
    purposes, versions = data["purposes"], data["versions"]
    options = Options(("en", "sv"))
    if change == "LGL010":
        purposes[0]["sources"] = ["nowhere"]
    elif change == "LGL011":
        data["data_categories"].append({"id": "shoe_size"})
    elif change == "LGL012":
        data["supervisory_authority"] = "XX"
    elif change == "LGL013":
        purposes.append(dict(purposes[0]))
    elif change == "LGL023":
        add_cookie(data)
        options = Options(("en", "sv"), consent=False)
    elif change == "LGL024":
        data["audience"] = "b2c"
        data["terms"] = {"refunds": "none_if_delivered_as_agreed"}
    elif change == "LGL025":
        versions.append(dict(versions[0], version="1.1"))
    elif change == "LGL026":
        purposes[0]["description"] = {"en": "English only"}
    elif change == "LGL028":
        data["audience"] = "b2c"
        data["terms"] = {"governing_law": "DE", "binding_period": "P3Y", "refunds": "pro_rata"}
    elif change == "LGL027":
        data["sections"] = [
            {"id": "extra", "document": "privacy", "title": {"en": "T", "sv": "T"},
             "body": {"en": "B", "sv": "B"}, "after": "no_such_section"}
        ]  # fmt: skip
    elif change == "LGL102":
        versions.append(
            {"effective": date(2024, 9, 1), "published": date(2024, 8, 20), "material": True,
             "summary": {"en": "Change", "sv": "Ändring"}}
        )  # fmt: skip
    elif change == "LGL104":
        data["recipients"].append({"id": "stats", "category": "analytics_providers",
                                   "role": "processor", "country": "US"})  # fmt: skip
        add_cookie(data, provider="stats")
    elif change == "LGL105":
        data["recipients"][0]["category"] = "hosting_provider"
    elif change == "LGL107":
        data["recipients"].append({"id": "crm", "category": "it_service_providers",
                                   "role": "processor", "country": "US"})  # fmt: skip
    return options


EXAMPLES = ["LGL010", "LGL011", "LGL012", "LGL013", "LGL023", "LGL024", "LGL025", "LGL026"]
EXAMPLES += ["LGL027", "LGL028", "LGL102", "LGL104", "LGL105", "LGL107"]


@pytest.mark.parametrize("code", EXAMPLES)
def test_lint_rules_find_what_the_lint_page_says(code: str, tmp_path: Path) -> None:
    """A rule of the lint page on an example; the other rules are in the next test."""
    from mkdocs_legal.core.source import check

    data = yaml.safe_load(BASIC)
    options = edit(data, code)
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = {f.code: f.severity for f in check(path, options).findings}
    assert found.get(code) == RULES[code].severity, found


def test_every_rule_on_the_lint_page_is_exercised_by_a_test() -> None:
    """Rules without an example above are found by name in the tests of their own module."""
    tests = " ".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    untested = [code for code in RULES if f'"{code}' not in tests and f"'{code}" not in tests]
    assert not untested, f"lint rules that no test checks: {untested}"


# --- plugin options and command line ---------------------------------------------------------


def test_plugin_page_documents_every_option() -> None:
    text = page("reference/plugin.md")
    rows = {row[0] for row in tables(text).rows if row}
    options = {key for key, _ in LegalConfig._schema}
    assert options <= rows, f"undocumented: {sorted(options - rows)}"
    assert rows - {"option"} <= options, f"documented but not an option: {rows - options}"


def test_plugin_page_example_is_a_valid_configuration() -> None:
    example = yaml.safe_load(code_blocks(page("reference/plugin.md"), "yaml")[0])
    options = next(p["legal"] for p in example["plugins"] if isinstance(p, dict) and "legal" in p)
    assert set(options) == {key for key, _ in LegalConfig._schema}
    config = LegalConfig()
    config.load_dict(options)
    assert config.validate() == ([], [])


def test_unknown_time_zone_is_an_error() -> None:
    from mkdocs_legal.core.dates import build_date

    with pytest.raises(ValueError, match="unknown time zone"):
        build_date(None, "Europe/Atlantis")


def subcommands() -> dict[str, Any]:
    parser = cli.parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return dict(action.choices)  # type: ignore[attr-defined]


def test_cli_page_documents_every_command_and_option() -> None:
    """Each command has a section, and each of its options is in it or in its synopsis."""
    text = page("reference/cli.md")
    sections = dict(re.findall(r"^## `([a-z]+)`\n(.*?)(?=^## |\Z)", text, re.M | re.S))
    for name, sub in subcommands().items():
        assert name in sections, name
        synopsis = " ".join(re.findall(rf"^mkdocs-legal {name} .*$", text, re.M))
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in sections[name] + synopsis, f"{name} {option}"
    assert "mkdocs-legal --version" in text


def test_cli_page_exit_codes_are_the_programs() -> None:
    assert (cli.EXIT_OK, cli.EXIT_FINDINGS, cli.EXIT_USAGE) == (0, 1, 2)
    rows = {row[0] for row in tables(page("reference/cli.md")).rows if row}
    assert {"0", "1", "2"} <= rows


# --- getting started: init, check, release ---------------------------------------------------


def relative_lines(text: str, base: Path) -> list[str]:
    return [line.replace(f"{base}/", "") for line in text.splitlines() if line.strip()]


def test_getting_started_shows_what_init_and_check_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = page("getting-started.md")
    command = shlex.split(code_blocks(text, "sh")[1].splitlines()[0])
    assert command[:3] == ["mkdocs-legal", "init", "my-legal-site"]
    argv = ["init", str(tmp_path / "my-legal-site"), *command[3:]]
    assert cli.main(argv) == 0
    site = tmp_path / "my-legal-site"
    written = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    for name in written:
        head = name.split("/")[0]
        assert head in text or name in text, name
    assert cli.main(["init", str(site), "--name", "X", "--country", "SE"]) == 1
    capsys.readouterr()
    monkeypatch.chdir(site)
    assert cli.main(["check", "--strict"]) == 1
    shown = code_blocks(text, "text")[0].splitlines()
    assert relative_lines(capsys.readouterr().out, site) == shown


def test_getting_started_data_file_is_clean_and_releases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = page("getting-started.md")
    data = next(b for b in code_blocks(text, "yaml") if b.startswith("schema: 1"))
    config = yaml.safe_load(code_blocks(text, "yaml")[0])
    config["site_name"] = "Test"
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "legal.yml").write_text(data, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--strict"]) == 0
    assert "legal.yml: ok (0 error(s), 0 warning(s))" in capsys.readouterr().out
    assert cli.main(["release"]) == 0
    out = relative_lines(capsys.readouterr().out, tmp_path)
    assert out == code_blocks(text, "text")[2].splitlines()


# --- recipes ---------------------------------------------------------------------------------


def test_recipe_workflow_is_the_one_init_writes() -> None:
    recipe = yaml.safe_load(code_blocks(page("recipes/github-pages.md"), "yaml")[0])
    answers = scaffold.Answers.parse("Exempel Konsult AB", "SE", "en,sv", today=date(2026, 1, 1))
    written = yaml.safe_load(scaffold.render(answers)[".github/workflows/publish.yml"])
    assert recipe == written


def workflow_steps(workflow: dict[str, Any]) -> list[str]:
    return [
        s.get("run") or s.get("uses") for job in workflow["jobs"].values() for s in job["steps"]
    ]


@pytest.mark.parametrize("source", ["recipe", "repository"])
def test_pages_workflows_check_before_they_build_and_run_daily(source: str) -> None:
    if source == "recipe":
        workflow = yaml.safe_load(code_blocks(page("recipes/github-pages.md"), "yaml")[0])
    else:
        workflow = yaml.safe_load((ROOT / ".github/workflows/docs.yml").read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"] and "workflow_dispatch" in triggers
    steps = workflow_steps(workflow)
    check = steps.index("mkdocs-legal check --strict")
    assert check < steps.index("mkdocs build --strict")
    uploads = [i for i, s in enumerate(steps) if s.startswith("actions/upload-pages-artifact")]
    deploys = [i for i, s in enumerate(steps) if s.startswith("actions/deploy-pages")]
    assert check < uploads[0] < deploys[0]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    if source == "repository":
        assert "pip install -e ." in steps


def test_gh_deploy_alternative_checks_first() -> None:
    workflow = yaml.safe_load(code_blocks(page("recipes/github-pages.md"), "yaml")[1])
    steps = workflow_steps(workflow)
    check = steps.index("mkdocs-legal check --strict")
    assert check < next(i for i, s in enumerate(steps) if "mkdocs gh-deploy --strict" in s)
    assert workflow["permissions"] == {"contents": "write"}
    assert "schedule" in workflow[True]


OLD_POLICY_CASES: dict[str, list[tuple[str, str]]] = {
    "LGL020 error: placeholder text left in: bracketed placeholder '[LHe": [
        ("  name: LHe Handelsbolag", '  name: "[LHe Handelsbolag]"')
    ],
    "LGL007 error: got the text 'P[X]M'": [(r"    period: P12M .*", '    period: "P[X]M"')],
    "LGL020 error: placeholder text left in: bracketed placeholder '[X]'": [
        ("      sv: endast så länge som nödvändigt\n", "      sv: nödvändigt (max [X] månader)\n")
    ],
    "LGL022 error": [(r"(?s)    withdraw:.*?\n(?=    provision: voluntary)", "")],
    "LGL004 error: required field `legal_basis`": [(r"    legal_basis: f   # FILLED.*\n", "")],
    "LGL021 error": [(r"(?s)    legitimate_interest:   # line 42.*?\n(?=    retention)", "")],
    "LGL101 warning: no contact details": [
        (r"  address:\n    country: SE.*\n", ""),
        (r"  email: info@lhe.*\n", ""),
    ],
    "LGL004 error: required field `versions`": [(r"(?s)versions:.*", "")],
    "LGL103 warning: this text is the same in every language": [
        (r"      en: Send offers by direct marketing\n      sv: (.*)\n", ""),
        (r"(direct_marketing\n(?:    #.*\n)*    description:)", r"\1 Skicka erbjudanden"),
    ],
}


@pytest.mark.parametrize("expected", OLD_POLICY_CASES)
def test_old_policy_defects_are_findings(
    expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each row of the recipe's table: the defect, written into the seed's file, is found."""
    shown = re.findall(r"`` (LGL\d{3} \w+: .*?) ``", page("recipes/from-your-old-policy.md"))
    assert any(row.startswith(expected) for row in shown), expected
    text = (SEEDS / "lhe.yml").read_text(encoding="utf-8")
    for pattern, replacement in OLD_POLICY_CASES[expected]:
        text, count = re.subn(pattern, replacement, text, count=1)
        assert count == 1, pattern
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, default: true}\n        - {locale: sv}\n  - legal\n",
        encoding="utf-8",
    )
    (tmp_path / "legal.yml").write_text(text, encoding="utf-8")
    cli.main(["check", str(tmp_path / "legal.yml")])
    out = capsys.readouterr().out
    row = next(r for r in shown if r.startswith(expected)).split(" …")[0]
    found = [line.split(": ", 1)[1] for line in out.splitlines() if ": LGL" in line]
    assert any(line.startswith(row.split(" (")[0]) for line in found), out


def test_the_seed_itself_is_clean() -> None:
    result = load_valid(SEEDS / "lhe.yml", Options(("en", "sv")))
    assert not result.findings


def demo_first_version(folder: Path) -> Path:
    """The demo's data file with only its first version, beside a two-language mkdocs.yml."""
    text = (ROOT / "example" / "legal.yml").read_text(encoding="utf-8")
    head, _, tail = text.partition("versions:\n")
    first = re.split(r"(?m)^  - ", tail)[1]
    (folder / "legal.yml").write_text(f"{head}versions:\n  - {first}", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, default: true}\n        - {locale: sv}\n  - legal\n",
        encoding="utf-8",
    )
    return folder / "legal.yml"


def test_export_writes_the_files_the_recipe_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_legal.core.export import HISTORY_FRONT_MATTER

    recipe = page("recipes/other-generators.md")
    monkeypatch.chdir(ROOT / "example")
    out = tmp_path / "build/legal"
    assert cli.main(["export", "--out", str(out), "--site-url", "https://www.example.com/"]) == 0
    written = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    listed = re.findall(r"[├└]── (\S+)", recipe)
    assert listed and set(listed) <= written
    front = next(block for block in code_blocks(recipe, "yaml") if "search:" in block)
    documented = yaml.safe_load(front.strip().strip("-"))
    assert documented == yaml.safe_load(HISTORY_FRONT_MATTER.strip().strip("-"))


def test_render_out_writes_the_texts_in_force_and_the_changelog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_first_version(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["render", "--out", "build/legal"]) == 0
    written = sorted(p.name for p in (tmp_path / "build/legal").iterdir() if p.suffix == ".md")
    assert written == [
        f"{d}.{x}.md" for d in ("changelog", "cookies", "privacy", "terms") for x in ("en", "sv")
    ]
    privacy = (tmp_path / "build/legal/privacy.en.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## .*$", privacy, re.M)
    assert headings and all(re.fullmatch(r"## \d+\. .+ \{#[a-z_]+\}", h) for h in headings)
    changelog = (tmp_path / "build/legal/changelog.en.md").read_text(encoding="utf-8")
    assert "(<privacy.en.md>)" in changelog and "(<cookies.en.md>)" in changelog


def test_render_out_refuses_when_the_text_in_force_is_not_released(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = demo_first_version(tmp_path)
    later = "  - effective: 2099-01-01\n    summary: {en: Later., sv: Senare.}\n"
    data.write_text(data.read_text(encoding="utf-8") + later, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["render", "--out", "out"]) == 1
    assert "LGL203" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# --- the hook --------------------------------------------------------------------------------


def fake_page(src_uri: str, generated_by: str | None = None) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, generated_by=generated_by))


def test_hook_replaces_markers_on_user_pages_only() -> None:
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"))
    text = "# T\n\n<!-- insert: lint-rules -->\n"
    out = hook.on_page_markdown(text, page=fake_page("x.md"), config=config, files=None)
    assert "LGL001" in out and "insert:" not in out
    generated = fake_page("privacy.md", generated_by="legal")
    assert hook.on_page_markdown(text, page=generated, config=config, files=None) == text
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="unknown insert 'nope'"):
        hook.on_page_markdown(
            "<!-- insert: nope -->", page=fake_page("x.md"), config=config, files=None
        )


def test_release_notes_come_from_the_changelog() -> None:
    text = hook.changelog_markdown(ROOT)
    assert text.startswith("The changes in each release")
    assert "## 0.1.0" in text and "## Unreleased" in text
    assert "<!-- insert: changelog -->" in page("release-notes.md")


# --- full builds (slow) ----------------------------------------------------------------------


def custom_templates_site(copy_site: Callable[..., Path], upcoming: bool) -> Path:
    """two-languages with the recipe's banner and announce-bar templates in `overrides/`."""
    recipe = page("recipes/custom-templates.md")
    banner, main = code_blocks(recipe, "html")
    root = copy_site(
        "two-languages",
        files={
            "legal.yml": BASIC,
            "overrides/partials/legal-banner.html": banner,
            "overrides/main.html": main,
        },
        data="legal.yml",
    )
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    if upcoming:
        assert cli.main(["release", str(root / "legal.yml")]) == 0
        v2 = "  - effective: 2099-01-01\n    summary: {en: Later., sv: Senare.}\n"
        (root / "legal.yml").write_text(BASIC + v2, encoding="utf-8")
    return root


@pytest.mark.slow
def test_custom_templates_recipe_replaces_the_banner_and_shows_the_notice(
    copy_site: Callable[..., Path],
) -> None:
    root = custom_templates_site(copy_site, upcoming=True)
    result, site = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    for path, language_date in (("privacy", "May 1, 2024"), ("sv/privacy", "1 maj 2024")):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert '<p class="legal-banner my-banner" data-legal-state="current"' in html
        assert '<time datetime="2024-05-01">' in html and language_date in html
        assert "<aside" not in html.split('class="md-content"')[1].split("</article>")[0]
        assert 'class="legal-notice"' in html and '<time datetime="2099-01-01">' in html


@pytest.mark.slow
def test_no_announce_bar_when_nothing_is_upcoming(copy_site: Callable[..., Path]) -> None:
    result, site = mkdocs_build(custom_templates_site(copy_site, upcoming=False))
    assert result.returncode == 0, result.stderr
    html = (site / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "legal-notice" not in html and 'class="md-banner' not in html


@pytest.mark.slow
def test_documents_and_changelog_paths_move_the_pages(build_site: Callable[..., Any]) -> None:
    """plugin.md: `documents` chooses and places the documents, `changelog` the history."""
    result, site = build_site(
        "two-languages",
        documents={"privacy": {"path": "legal/privacy"}},
        changelog={"path": "legal/history"},
    )
    assert result.returncode == 0, result.stderr
    for prefix in ("", "sv/"):
        assert (site / prefix / "legal/privacy/index.html").is_file()
        assert (site / prefix / "legal/history/index.html").is_file()
        assert (site / prefix / "legal/history/feed.xml").is_file()
        assert not (site / prefix / "privacy").exists()


@pytest.mark.slow
def test_disabled_plugin_generates_nothing(build_site: Callable[..., Any]) -> None:
    result, site = build_site("one-language", enabled=False)
    assert result.returncode == 0, result.stderr
    assert not (site / "privacy").exists()


@pytest.mark.slow
def test_the_repository_site_builds_strictly(tmp_path: Path) -> None:
    """`mkdocs build --strict` of this site: the docs in English, with the generated reference
    pages, and the live example under /example/ in English and Swedish (hooks/example.py)."""
    result, site = mkdocs_build(ROOT, "--strict", site_dir=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    for name in ("data-file", "lint-rules", "cli", "plugin", "html-hooks"):
        html = (site / "reference" / name / "index.html").read_text("utf-8")
        assert "insert:" not in html
        reader = Tables()
        reader.feed(html)
        missing = set(re.findall(r'href="#([^"]+)"', html)) - reader.ids
        assert not missing, f"{name}: {missing}"
    lint = (site / "reference/lint-rules/index.html").read_text("utf-8")
    assert all(f'id="{code.lower()}"' in lint for code in RULES)
    notes = (site / "release-notes/index.html").read_text("utf-8")
    assert "0.1.0" in notes
    home = (site / "index.html").read_text("utf-8")
    assert "Live example" in home and 'id="__consent"' not in home
    for language in ("", "sv/"):
        for document in ("privacy", "cookies", "terms", "changelog"):
            assert (site / "example" / language / document / "index.html").is_file()
    shutil.rmtree(site)
