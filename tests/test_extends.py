"""`extends:` (SPEC §3): data files built on a shared base, and `check` over many files (§7).

The merge rules, chains and cycles; every finding located in the file (and at the line) the
value came from; a base checked alone; multi-file `check` output; and two client sites of
`tests/fixtures/agency/` built from one base.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import FIXTURES, cli, mkdocs_build

from mkdocs_legal.core import extends
from mkdocs_legal.core.findings import Finding, LegalDataError
from mkdocs_legal.core.schema import json_schema
from mkdocs_legal.core.source import Options, check, inspect

AGENCY = FIXTURES / "agency"

BASE = """\
schema: 1
organisation:
  email: hello@norrsken.se
  address:
    street: Byråvägen 1
    city: Umeå
    country: SE
purposes:
  - id: contact
    description: Answer questions
    data: [name, email]
    legal_basis: f
    legitimate_interest: Answering the people who write to us
recipients:
  - id: hosting
    name: Norrsken Drift AB
    category: hosting_providers
    role: processor
    country: SE
  - id: mail
    name: Brevduvan AB
    category: marketing_providers
    role: processor
    country: SE
  - id: accountant
    name: Siffror AB
    category: accountants
    role: processor
    country: SE
storage:
  regions: [SE, EU]
rights:
  exclude: [portability]
audience: b2b
versions:
  - effective: 2023-01-01
"""

CLIENT = """\
schema: 1
extends: ../base/legal.yml
organisation:
  name: Kund AB
  address:
    city: Luleå
versions:
  - effective: 2025-01-01
"""


def write(root: Path, files: dict[str, str]) -> dict[str, Path]:
    """Write `files` (relative path → text) under `root`; return their paths by name."""
    out = {}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


def position(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the `nth` occurrence of `needle` in `text`."""
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def merged(root: Path, base: str = BASE, client: str = CLIENT) -> dict[str, object]:
    paths = write(root, {"base/legal.yml": base, "client/legal.yml": client})
    data = extends.load(paths["client/legal.yml"]).located.data
    assert isinstance(data, dict)
    return data


def findings_of(path: Path, languages: tuple[str, ...] = ("en",)) -> list[Finding]:
    return check(path, Options(languages)).findings


# --- merge rules ---------------------------------------------------------------------------


def test_maps_merge_key_by_key(tmp_path: Path) -> None:
    organisation = merged(tmp_path)["organisation"]
    assert organisation == {
        "email": "hello@norrsken.se",
        "address": {"street": "Byråvägen 1", "city": "Luleå", "country": "SE"},
        "name": "Kund AB",
    }


def test_a_client_item_replaces_the_base_item_of_its_id_wholesale(tmp_path: Path) -> None:
    client = CLIENT + (
        "recipients:\n"
        "  - id: cdn\n"
        "    category: it_service_providers\n"
        "    role: processor\n"
        "  - id: mail\n"
        "    category: marketing_providers\n"
        "    role: processor\n"
        "    country: IE\n"
    )
    recipients = merged(tmp_path, client=client)["recipients"]
    assert isinstance(recipients, list)
    assert [r["id"] for r in recipients] == ["hosting", "mail", "accountant", "cdn"]
    # the base's `name: Brevduvan AB` is gone: the item is replaced, not merged
    assert recipients[1] == {
        "id": "mail",
        "category": "marketing_providers",
        "role": "processor",
        "country": "IE",
    }
    assert recipients[0]["name"] == "Norrsken Drift AB"


def test_plain_lists_and_scalars_are_replaced_and_an_empty_list_clears(tmp_path: Path) -> None:
    client = CLIENT + (
        "storage: {regions: [NO]}\n"
        "rights: {exclude: []}\n"
        "audience: b2c\n"
        "recipients: []\n"
        "purposes:\n"
        "  - id: orders\n"
        "    description: Deliver orders\n"
        "    legal_basis: b\n"
    )
    data = merged(tmp_path, client=client)
    assert data["storage"] == {"regions": ["NO"]}
    assert data["rights"] == {"exclude": []}
    assert data["audience"] == "b2c"
    assert data["recipients"] == []
    purposes = data["purposes"]
    assert isinstance(purposes, list)
    assert [p["id"] for p in purposes] == ["contact", "orders"]


def test_versions_are_never_inherited(tmp_path: Path) -> None:
    assert merged(tmp_path)["versions"] == [{"effective": "2025-01-01"}]
    without = CLIENT.split("versions:")[0]
    data = merged(tmp_path, client=without)
    assert "versions" not in data
    findings = findings_of(tmp_path / "client" / "legal.yml")
    assert [(f.file, f.code, f.path) for f in findings] == [
        (str(tmp_path / "client" / "legal.yml"), "LGL004", "versions")
    ]


def test_a_chain_of_three_files(tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        {
            "group/legal.yml": BASE,
            "agency/legal.yml": (
                "extends: ../group/legal.yml\n"
                "organisation: {email: byra@norrsken.se}\n"
                "storage: {regions: [EU]}\n"
            ),
            "clients/kund/legal.yml": CLIENT.replace("../base/", "../../agency/"),
        },
    )
    chain = extends.load(paths["clients/kund/legal.yml"])
    assert chain.files == (
        paths["clients/kund/legal.yml"],
        paths["agency/legal.yml"],
        paths["group/legal.yml"],
    )
    data = chain.located.data
    assert data["organisation"]["email"] == "byra@norrsken.se"  # agency over group
    assert data["organisation"]["name"] == "Kund AB"  # client
    assert data["organisation"]["address"]["street"] == "Byråvägen 1"  # group
    assert data["storage"] == {"regions": ["EU"]}
    assert data["versions"] == [{"effective": "2025-01-01"}]
    assert data["extends"] == "../../agency/legal.yml"
    loaded, findings = inspect(paths["clients/kund/legal.yml"], Options(("en",)))
    assert loaded is not None, [f.format() for f in findings]
    assert loaded.files == chain.files
    assert loaded.data.organisation.name == "Kund AB"


# --- unusable chains -----------------------------------------------------------------------


def only_error(path: Path) -> Finding:
    with pytest.raises(LegalDataError) as caught:
        extends.load(path)
    [finding] = caught.value.findings
    assert finding.severity == "error"
    assert finding == findings_of(path)[0]  # `check` reports the same, without raising
    return finding


def test_a_cycle_of_two_files_is_an_error_naming_the_chain(tmp_path: Path) -> None:
    b_text = "schema: 1\nextends: a.yml\n"
    paths = write(tmp_path, {"a.yml": "schema: 1\nextends: b.yml\n", "b.yml": b_text})
    finding = only_error(paths["a.yml"])
    a, b = paths["a.yml"], paths["b.yml"]
    assert (finding.file, finding.line, finding.column) == (str(b), 2, 1)
    assert (finding.code, finding.path) == ("LGL009", "extends")
    assert f"{a} → {b} → {a}" in finding.message
    assert "must not extend a file that extends it" in finding.message


def test_a_file_extending_itself_is_a_cycle(tmp_path: Path) -> None:
    paths = write(tmp_path, {"legal.yml": "schema: 1\n# shared\nextends: ./legal.yml\n"})
    finding = only_error(paths["legal.yml"])
    assert (finding.file, finding.line, finding.column, finding.code) == (
        str(paths["legal.yml"]),
        3,
        1,
        "LGL009",
    )
    assert "cannot extend itself" in finding.message


def test_a_missing_base_is_an_error_at_the_extends_key(tmp_path: Path) -> None:
    client = CLIENT.replace("schema: 1\n", "schema: 1\n\n")
    paths = write(tmp_path, {"client/legal.yml": client})
    finding = only_error(paths["client/legal.yml"])
    assert (finding.file, finding.line, finding.column) == (str(paths["client/legal.yml"]), 3, 1)
    assert (finding.code, finding.path) == ("LGL009", "extends")
    assert f"the base file {tmp_path / 'base' / 'legal.yml'} does not exist" in finding.message
    assert "relative to legal.yml" in finding.message


def test_extends_must_be_a_path(tmp_path: Path) -> None:
    paths = write(tmp_path, {"legal.yml": "schema: 1\nextends: [a.yml]\n"})
    finding = only_error(paths["legal.yml"])
    assert (finding.line, finding.column, finding.code) == (2, 10, "LGL006")
    assert "got a list; expected the path of a base data file" in finding.message


def test_a_yaml_error_in_the_base_names_the_base(tmp_path: Path) -> None:
    base = BASE.replace("audience: b2b", "audience: [b2b")
    paths = write(tmp_path, {"base/legal.yml": base, "client/legal.yml": CLIENT})
    finding = only_error(paths["client/legal.yml"])
    assert (finding.file, finding.code) == (str(paths["base/legal.yml"]), "LGL001")


# --- findings point at the file the value came from ----------------------------------------


def test_a_schema_error_in_the_base_names_the_base_file_line_and_column(tmp_path: Path) -> None:
    base = BASE.replace("country: SE\n  - id: accountant", "country: se\n  - id: accountant")
    paths = write(tmp_path, {"base/legal.yml": base, "client/legal.yml": CLIENT})
    [finding] = findings_of(paths["client/legal.yml"])
    line, col = position(base, "se\n  - id: accountant")
    assert (finding.file, finding.line, finding.column) == (str(paths["base/legal.yml"]), line, col)
    assert (finding.code, finding.path) == ("LGL007", "recipients[1].country")
    assert finding.format().startswith(f"{paths['base/legal.yml']}:{line}:{col}: LGL007 error:")


def test_an_appended_client_item_is_reported_at_its_own_path_and_line(tmp_path: Path) -> None:
    client = CLIENT + (
        "recipients:\n  - id: cdn\n    category: it_service_providers\n    role: processr\n"
    )
    paths = write(tmp_path, {"base/legal.yml": BASE, "client/legal.yml": client})
    [finding] = findings_of(paths["client/legal.yml"])
    assert (finding.file, finding.path) == (str(paths["client/legal.yml"]), "recipients[0].role")
    assert (finding.line, finding.column) == position(client, "processr")


def test_a_replacing_client_item_is_reported_at_its_own_path_and_line(tmp_path: Path) -> None:
    client = CLIENT + (
        "recipients:\n  - id: mail\n    category: marketing_providers\n    role: processr\n"
    )
    paths = write(tmp_path, {"base/legal.yml": BASE, "client/legal.yml": client})
    [finding] = findings_of(paths["client/legal.yml"])  # merged, the item is recipients[1]
    assert (finding.file, finding.path) == (str(paths["client/legal.yml"]), "recipients[0].role")
    assert (finding.line, finding.column) == position(client, "processr")


def test_an_error_two_bases_away_names_that_base(tmp_path: Path) -> None:
    group = BASE.replace("audience: b2b", "audience: b2x")
    paths = write(
        tmp_path,
        {
            "group/legal.yml": group,
            "agency/legal.yml": "extends: ../group/legal.yml\nstorage: {regions: [EU]}\n",
            "client/legal.yml": CLIENT.replace("../base/", "../agency/"),
        },
    )
    [finding] = findings_of(paths["client/legal.yml"])
    assert (finding.file, finding.code, finding.path) == (
        str(paths["group/legal.yml"]),
        "LGL006",
        "audience",
    )
    assert (finding.line, finding.column) == position(group, "b2x")


def test_a_missing_field_is_reported_where_the_merged_map_is_written(tmp_path: Path) -> None:
    client = CLIENT.replace("  name: Kund AB\n", "")
    paths = write(tmp_path, {"base/legal.yml": BASE, "client/legal.yml": client})
    [finding] = findings_of(paths["client/legal.yml"])
    assert (finding.file, finding.line, finding.column) == (str(paths["client/legal.yml"]), 3, 1)
    assert (finding.code, finding.path) == ("LGL004", "organisation.name")


def test_lint_findings_in_the_base_name_the_base(tmp_path: Path) -> None:
    base = BASE.replace("    legitimate_interest: Answering the people who write to us\n", "")
    base = base.replace("name: Siffror AB", "name: TODO")
    paths = write(tmp_path, {"base/legal.yml": base, "client/legal.yml": CLIENT})
    found = {f.code: f for f in findings_of(paths["client/legal.yml"]) if f.severity == "error"}
    assert set(found) == {"LGL020", "LGL021"}
    for code, needle, path in [
        ("LGL021", "f\n", "purposes[0].legal_basis"),
        ("LGL020", "TODO", "recipients[2].name"),
    ]:
        finding = found[code]
        assert (finding.file, finding.path) == (str(paths["base/legal.yml"]), path)
        assert (finding.line, finding.column) == position(base, needle)


def test_positions_of_a_single_file_are_unchanged(tmp_path: Path) -> None:
    paths = write(tmp_path, {"legal.yml": BASE})
    located = extends.load(paths["legal.yml"]).located
    assert located.origins == {}
    origin = located.origin(("recipients", 1, "country"))
    assert (origin.file, origin.path) == (str(paths["legal.yml"]), ("recipients", 1, "country"))
    assert (origin.line, origin.column) == located.where(("recipients", 1, "country"))


# --- a base on its own, and check over many files ------------------------------------------


def test_a_base_alone_is_checked_for_its_values_only(tmp_path: Path) -> None:
    base = AGENCY / "base" / "legal.yml"
    checked = check(base, Options(("en", "sv")), base_ok=True)
    assert (checked.as_base, checked.findings, checked.loaded) == (True, [], None)
    assert {f.code for f in check(base, Options(("en", "sv"))).findings} == {"LGL004"}
    text = base.read_text(encoding="utf-8").replace("country: SE", "country: Sweden", 1)
    paths = write(tmp_path, {"legal.yml": text})
    [finding] = check(paths["legal.yml"], Options(), base_ok=True).findings
    assert (finding.code, finding.path) == ("LGL007", "recipients[0].country")


def copy_agency(tmp_path: Path) -> Path:
    root = tmp_path / "agency"
    shutil.copytree(AGENCY, root)
    return root


def test_check_many_files_prints_one_summary_line_per_file(tmp_path: Path) -> None:
    root = copy_agency(tmp_path)
    result = cli(
        "check",
        "base/legal.yml",
        "clients/solsidan/legal.yml",
        "clients/umecykel/legal.yml",
        cwd=root,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "base/legal.yml: ok (0 error(s), 0 warning(s)); checked as a base: "
        "required fields are checked in the files that extend it",
        "clients/solsidan/legal.yml: ok (0 error(s), 0 warning(s)); extends base/legal.yml",
        "clients/umecykel/legal.yml: ok (0 error(s), 0 warning(s)); extends base/legal.yml",
        "3 files checked: 0 failed, 3 ok",
    ]


def test_check_many_files_reports_a_base_error_once_and_fails_every_client(
    tmp_path: Path,
) -> None:
    root = copy_agency(tmp_path)
    base = root / "base" / "legal.yml"
    text = base.read_text(encoding="utf-8").replace("country: SE", "country: Sweden", 1)
    base.write_text(text, encoding="utf-8")
    solsidan = root / "clients" / "solsidan" / "legal.yml"
    solsidan.write_text(
        solsidan.read_text(encoding="utf-8") + "intro:\n  privacy: Plain text in two languages\n",
        encoding="utf-8",
    )
    clients = ["clients/solsidan/legal.yml", "clients/umecykel/legal.yml"]
    result = cli("check", *clients, cwd=root)
    assert result.returncode == 1
    line, col = position(text, "Sweden")
    lines = result.stdout.splitlines()
    assert [x for x in lines if "LGL007" in x] == [
        f"base/legal.yml:{line}:{col}: LGL007 error: got the text 'Sweden'; must be an ISO "
        "3166-1 alpha-2 country code in capitals, such as SE or DE (recipients[0].country)"
    ]
    assert lines[-3:] == [  # lint (and its warnings) waits until the data is valid
        "clients/solsidan/legal.yml: FAIL (1 error(s), 0 warning(s)); extends base/legal.yml",
        "clients/umecykel/legal.yml: FAIL (1 error(s), 0 warning(s)); extends base/legal.yml",
        "2 files checked: 2 failed, 0 ok",
    ]

    base.write_text(text.replace("Sweden", "SE"), encoding="utf-8")
    assert cli("check", *clients, cwd=root).returncode == 0
    strict = cli("check", "--strict", "--format", "json", *clients, cwd=root)
    assert strict.returncode == 1
    report = json.loads(strict.stdout)
    assert [(r["file"], r["status"], r["errors"], r["warnings"]) for r in report] == [
        ("clients/solsidan/legal.yml", "fail", 0, 1),
        ("clients/umecykel/legal.yml", "ok", 0, 0),
    ]
    assert report[0]["extends"] == ["base/legal.yml"]
    assert report[0]["checked_as_base"] is False
    [warning] = report[0]["findings"]
    assert (warning["file"], warning["code"], warning["path"]) == (
        "clients/solsidan/legal.yml",
        "LGL103",
        "intro.privacy",
    )
    assert report[1]["findings"] == []


def test_the_schema_covers_extends() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {"type": "string"} in schema["properties"]["extends"]["anyOf"]
    client = yaml.safe_load((AGENCY / "clients" / "umecykel" / "legal.yml").read_text("utf-8"))
    client = json.loads(json.dumps(client, default=str))
    jsonschema.Draft202012Validator(schema).validate(client)


# --- two client sites from one base ---------------------------------------------------------


@pytest.mark.slow
def test_two_client_sites_build_from_one_base(tmp_path: Path) -> None:
    root = copy_agency(tmp_path)
    own = {
        "solsidan": ("Solsidans Bageri AB", "Brevduvan Utskick AB"),
        "umecykel": ("Umecykel AB", "Cykelposten Nyhetsbrev AB"),
    }
    for client, (name, newsletter_tool) in own.items():
        result, site = mkdocs_build(root / "clients" / client)
        assert result.returncode == 0, result.stderr
        for page in (site / "privacy" / "index.html", site / "sv" / "privacy" / "index.html"):
            html = page.read_text(encoding="utf-8")
            assert name in html
            assert "Norrsken Drift AB" in html  # the base's shared hosting recipient
            assert newsletter_tool in html
        others = [n for c, names in own.items() if c != client for n in names]
        assert not any(n in html for n in others)
