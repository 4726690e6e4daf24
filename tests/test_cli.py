"""`mkdocs-legal` as a user runs it: exit codes, output format, schema, render."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml
from conftest import ROOT, cli

from mkdocs_legal.core import documents
from mkdocs_legal.core.source import Options, load_valid


def test_check_demo_is_clean() -> None:
    result = cli("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "legal.yml: ok (0 error(s), 0 warning(s))" in result.stdout


def test_check_reports_file_line_column_code_and_path(tmp_path: Path) -> None:
    bad = tmp_path / "legal.yml"
    bad.write_text(
        "schema: 1\n"
        "organisation:\n"
        "  name: Acme AB\n"
        "  email: info@acme.se\n"
        "purposes:\n"
        "  - id: crm\n"
        "    description: Customer care\n"
        "    legal_basis: g\n"
        "versions:\n"
        "  - effective: 2025-01-01\n",
        encoding="utf-8",
    )
    result = cli("check", str(bad))
    assert result.returncode == 1
    assert (
        f"{bad}:8:18: LGL006 error: got the text 'g'; expected 'a', 'b', 'c', 'd', 'e' "
        "or 'f' (purposes[0].legal_basis)"
    ) in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_json_format(tmp_path: Path) -> None:
    bad = tmp_path / "legal.yml"
    bad.write_text("schema: 1\norganisation: {name: '[Company name]'}\nversions: []\n")
    result = cli("check", str(bad), "--format", "json")
    assert result.returncode == 1
    [report] = json.loads(result.stdout)
    assert (report["file"], report["status"]) == (str(bad), "fail")
    findings = report["findings"]
    assert report["errors"] == len(findings)
    assert {f["code"] for f in findings} >= {"LGL004"}
    assert all(
        {"file", "line", "column", "severity", "message", "path"} <= f.keys() for f in findings
    )


def test_placeholder_is_an_error(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "legal.yml").read_text(encoding="utf-8"))
    data["organisation"]["name"] = "[LHe Handelsbolag]"
    target = tmp_path / "legal.yml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = cli("check", str(target), "--lang", "en,sv")
    assert result.returncode == 1
    assert "LGL020 error: placeholder text left in: bracketed placeholder" in result.stdout
    assert "(organisation.name)" in result.stdout


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "legal.yml").read_text(encoding="utf-8"))
    data["purposes"][0]["description"] = "Plain string in a two-language site"
    target = tmp_path / "legal.yml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cli("check", str(target), "--lang", "en,sv").returncode == 0
    strict = cli("check", str(target), "--lang", "en,sv", "--strict")
    assert strict.returncode == 1
    assert "LGL103 warning" in strict.stdout


def test_usage_error_exits_2() -> None:
    assert cli("check", "--format", "xml").returncode == 2
    assert cli("frobnicate").returncode == 2
    assert cli("render", "legal.yml").returncode == 2


def test_schema_is_a_valid_json_schema_that_accepts_the_demo() -> None:
    result = cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    demo = yaml.safe_load((ROOT / "legal.yml").read_text(encoding="utf-8"))
    demo = json.loads(json.dumps(demo, default=str))
    jsonschema.Draft202012Validator(schema).validate(demo)


def test_render_to_stdout_and_to_files(tmp_path: Path) -> None:
    result = cli("render", "--document", "privacy", "--lang", "sv")
    assert result.returncode == 0
    assert result.stdout.startswith("# Integritetspolicy")
    out = tmp_path / "out"
    assert cli("render", "--out", str(out)).returncode == 0
    demo = load_valid(ROOT / "legal.yml", Options(("en", "sv"))).data
    pages = [*documents.available(demo), "changelog"]
    expected = sorted(f"{d}.{lang}.md" for d in pages for lang in ("en", "sv"))
    assert "privacy.sv.md" in expected
    assert sorted(p.name for p in out.glob("*.md")) == expected
    assert sorted(p.name for p in out.glob(".*")) == [".mkdocs-legal-written.json"]
