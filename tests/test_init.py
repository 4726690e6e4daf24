"""`mkdocs-legal init`: a new site that builds as generated, with what is left to fill in marked."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import cli, mkdocs_build

from mkdocs_legal import __version__, scaffold
from mkdocs_legal.cli import main
from mkdocs_legal.core.language import available_languages
from mkdocs_legal.core.source import Options, load_valid

HOSTILE = 'Fjällsjö "Konsult" <script>alert(1)</script> & Co: AB # 1 {{ x }} $name'


def init(target: Path, *extra: str, name: str = "Fjällsjö Konsult AB") -> int:
    return main(["init", str(target), "--name", name, *extra])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def workflow(site: Path) -> dict[Any, Any]:
    loaded = yaml.safe_load((site / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


# --- what is written ---------------------------------------------------------------------


def test_two_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "new-site"
    assert init(site, "--country", "se", "--languages", "en,sv") == 0
    assert sorted(snapshot(site)) == [
        ".github/workflows/publish.yml",
        ".gitignore",
        "docs/index.md",
        "docs/index.sv.md",
        "legal.yml",
        "mkdocs.yml",
        "overrides/main.html",
    ]
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"] == {"name": "material", "custom_dir": "overrides", "font": False}
    i18n = config["plugins"][1]["i18n"]
    assert i18n["docs_structure"] == "suffix"
    assert i18n["languages"] == [
        {"locale": "en", "default": True, "name": "English"},
        {"locale": "sv", "name": "Svenska"},
    ]
    assert config["plugins"][2]["legal"]["timezone"] == "Europe/Stockholm"
    assert "[Integritetspolicy](privacy.md)" in (site / "docs/index.sv.md").read_text("utf-8")
    assert "[Privacy policy](privacy.md)" in (site / "docs/index.md").read_text("utf-8")
    out = capsys.readouterr().out
    for step in ("FILL IN", "mkdocs-legal check --strict", "mkdocs serve", "release", "push"):
        assert step in out


def test_one_language_has_no_i18n_plugin(tmp_path: Path) -> None:
    assert init(tmp_path, "--country", "DE", "--languages", "de") == 0  # an empty folder is fine
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["language"] == "de"
    assert [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]] == [
        "search",
        "legal",
    ]
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["index.md"]
    assert "[Datenschutzerklärung](privacy.md)" in (tmp_path / "docs/index.md").read_text("utf-8")


def test_data_file_is_valid_with_one_version_in_force_today(tmp_path: Path) -> None:
    answers = scaffold.Answers.parse(HOSTILE, "SE", "en,sv")
    assert answers.today == scaffold.build_date(None, "Europe/Stockholm")
    scaffold.write(tmp_path, answers)
    loaded = load_valid(tmp_path / "legal.yml", Options(("en", "sv")))
    assert loaded.data.organisation.name == HOSTILE
    assert loaded.data.supervisory_authority == "SE"
    assert [v.effective for v in loaded.data.versions] == [answers.today]
    assert {f.severity for f in loaded.findings} == {"warning"}
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == HOSTILE
    index = (tmp_path / "docs/index.md").read_text(encoding="utf-8")
    assert "<script>" not in index and "{{" not in index


def test_every_fill_in_is_a_comment(tmp_path: Path) -> None:
    init(tmp_path, "--country", "SE", "--languages", "en,sv")
    for name in ("legal.yml", "mkdocs.yml"):
        lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        marked = [line for line in lines if "FILL IN" in line]
        assert marked, name
        assert all(line.lstrip().startswith("#") for line in marked)


def test_check_strict_names_what_is_still_missing(tmp_path: Path) -> None:
    init(tmp_path, "--country", "DE", "--languages", "de,en")
    assert cli("check", cwd=tmp_path).returncode == 0
    strict = cli("check", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    for missing in ("no contact details", "no `purposes`", "no `recipients`", "`site_url`"):
        assert missing in strict.stdout
    # Germany: the authority depends on the Land, so it is left to fill in too.
    assert "no `supervisory_authority`" in strict.stdout
    assert "DE-BY" in (tmp_path / "legal.yml").read_text(encoding="utf-8")
    assert "error" not in strict.stdout.replace("0 error(s)", "")


def uncomment_examples(text: str) -> str:
    """The data file with its commented example keys turned into data."""
    example = re.compile(r"^(\s*)# (\s*(?:- )?[a-z_]+:(?: .*)?)$")
    out = []
    for line in text.splitlines():
        match = example.match(line)
        skip = match is None or "FILL IN" in line or "supervisory_authority" in line
        out.append(line if skip else match.group(1) + match.group(2))
    return "\n".join(out) + "\n"


def test_uncommented_examples_have_the_right_shape_and_fail_as_placeholders(
    tmp_path: Path,
) -> None:
    init(tmp_path, "--country", "SE", "--languages", "en,sv")
    data = tmp_path / "legal.yml"
    data.write_text(uncomment_examples(data.read_text(encoding="utf-8")), encoding="utf-8")
    result = cli("check", cwd=tmp_path)
    assert result.returncode == 1
    findings = [line for line in result.stdout.splitlines() if " error: " in line]
    assert len(findings) >= 8 and all("LGL020 error" in line for line in findings), findings
    for path in ("organisation.email", "organisation.address.street", "purposes[0].description.sv"):
        assert f"({path})" in result.stdout


@pytest.mark.parametrize(
    ("country", "authority", "zone"),
    [
        ("SE", "SE", "Europe/Stockholm"),
        ("GB", "UK", "Europe/London"),
        ("UK", "UK", "Europe/London"),
        ("DE", None, "Europe/Berlin"),
        ("ES", "ES", "Europe/Madrid"),  # the AEPD, not a regional authority
        ("FR", "FR", "Europe/Paris"),
        ("PT", "PT", "Europe/Lisbon"),
        ("BE", "BE", "Europe/Brussels"),
        ("CZ", None, "Europe/Prague"),
        ("US", None, "UTC"),
    ],
)
def test_authority_and_time_zone_of_the_country(
    country: str, authority: str | None, zone: str
) -> None:
    assert scaffold.authority_for(country) == authority
    assert scaffold.timezone_for(country) == zone


def test_every_catalog_language_is_accepted() -> None:
    twelve = "en,sv,da,de,nb,fi,fr,es,it,nl,pl,pt"
    assert set(available_languages()) >= set(twelve.split(","))
    answers = scaffold.Answers.parse("Exemple SAS", "FR", twelve)
    assert answers.languages == tuple(twelve.split(","))


@pytest.mark.parametrize(
    ("zone", "cron"),
    [
        ("UTC", "17 0 * * *"),
        ("Europe/Stockholm", "17 23 * * *"),  # 00:17 in winter, 01:17 in summer
        ("America/New_York", "17 5 * * *"),
        ("Asia/Kolkata", "47 18 * * *"),
    ],
)
def test_daily_run_comes_after_local_midnight(zone: str, cron: str) -> None:
    assert scaffold.daily_cron(zone, 2026) == cron


# --- the workflow ------------------------------------------------------------------------


def test_workflow_checks_builds_and_deploys_on_push_daily_and_by_hand(tmp_path: Path) -> None:
    init(tmp_path, "--country", "SE")
    flow = workflow(tmp_path)
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"] == {"branches": ["main"]}
    assert triggers["schedule"] == [{"cron": "17 23 * * *"}]
    assert "workflow_dispatch" in triggers
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    steps = [s.get("uses", s.get("run", "")).split("@")[0] for s in build["steps"]]
    major_minor = ".".join(__version__.split(".")[:2])
    assert steps == [
        "actions/checkout",
        "actions/setup-python",
        f'pip install "mkdocs-legal~={major_minor}"',
        "mkdocs-legal check --strict",
        "mkdocs build --strict",
        "actions/upload-pages-artifact",
    ]
    assert build["steps"][-1]["with"] == {"path": "site"}
    assert flow["permissions"] == {"contents": "read"}
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


# --- refusals ----------------------------------------------------------------------------


def test_a_folder_that_is_not_empty_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    before = snapshot(tmp_path)
    assert init(tmp_path, "--country", "SE") == 1
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "notes.txt"]
    assert "not an empty folder" in capsys.readouterr().err
    file = tmp_path / "notes.txt"
    assert init(file, "--country", "SE") == 1
    assert file.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--country", "XX"], "--country"),
        (["--country", "Sweden"], "--country"),
        (["--country", "SE", "--languages", "en,xx"], "no built-in texts in xx"),
        (["--country", "SE", "--languages", "en,en"], "--languages"),
        (["--country", "SE", "--languages", ","], "--languages"),
    ],
)
def test_bad_answers_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    target = tmp_path / "site"
    assert init(target, *options) == 2
    assert not target.exists()
    err = capsys.readouterr().err
    assert message in err
    if "languages" in message or "texts" in message:
        assert ", ".join(available_languages()) in err


def test_missing_options_and_bad_names_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["init", str(tmp_path / "a"), "--name", "Acme AB"])
    assert exc.value.code == 2
    assert init(tmp_path / "b", "--country", "SE", name="Acme\nAB") == 2
    assert init(tmp_path / "c", "--country", "SE", name="  ") == 2
    assert not any(tmp_path.iterdir())


# --- full builds -------------------------------------------------------------------------


def build(site: Path) -> subprocess.CompletedProcess[str]:
    result, _ = mkdocs_build(site)
    return result


def other_warnings(log: str) -> list[str]:
    """WARNING lines other than the lint reminders of what is still to fill in (LGL101, and
    LGL161 for the `site_url` an `init` without `--url` leaves to fill in)."""
    return [
        line
        for line in log.splitlines()
        if "WARNING" in line and "LGL101" not in line and "LGL161" not in line
    ]


@pytest.mark.slow
@pytest.mark.parametrize("languages", ["en", "sv,en"])
def test_generated_site_builds(tmp_path: Path, languages: str) -> None:
    site = tmp_path / "site-src"
    assert init(site, "--country", "SE", "--languages", languages, name=HOSTILE) == 0
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert other_warnings(result.stderr) == []
    # The build reports the same unfilled items as `check`, and nothing else.
    check = cli("check", cwd=site)
    reminders = sorted(
        line.split("mkdocs_legal: ", 1)[-1]
        for line in result.stderr.splitlines()
        if "LGL101" in line
    )
    assert reminders == sorted(line for line in check.stdout.splitlines() if "LGL101" in line)
    others = languages.split(",")[1:]
    built = site / "site"
    for page in ("index.html", "privacy/index.html", "changelog/index.html"):
        assert (built / page).is_file()
        for language in others:
            assert (built / language / page).is_file()
    # The legal page's text escapes the name (`site_name` is raw HTML in Material's templates).
    html = (built / "privacy/index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert "Fjällsjö" in article and "<script>" not in article and "{{ x }}" not in article


@pytest.mark.slow
def test_generated_site_builds_with_a_filled_in_data_file(tmp_path: Path) -> None:
    """Once the marked lines are filled in, `check --strict` passes and the build is quiet."""
    init(tmp_path, "--country", "SE", "--languages", "en,sv", "--url", "https://fk.se/legal")
    assert "site_url: https://fk.se/legal/\n" in (tmp_path / "mkdocs.yml").read_text("utf-8")
    data = tmp_path / "legal.yml"
    text = data.read_text(encoding="utf-8").replace(
        "versions:",
        """\
data_categories:
  - id: name
  - id: email
purposes:
  - id: customers
    description: {en: To deliver what customers order, sv: För att leverera det kunder beställer}
    data: [name, email]
    sources: [data_subject]
    legal_basis: b
    provision: required_for_contract
    retention: contract
retention:
  contract: {period: P2Y, from: contract_end}
recipients:
  - id: hosting
    category: hosting_providers
    role: processor
    country: SE
versions:""",
    )
    text = text.replace("  # email: info@example.com", "  email: hej@fjallsjo-konsult.se")
    data.write_text(text, encoding="utf-8")
    strict = cli("check", "--strict", cwd=tmp_path)
    assert strict.returncode == 0, strict.stdout
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "WARNING" in line] == []


@pytest.mark.slow
def test_site_url_is_set_from_url_or_reported_until_filled_in(tmp_path: Path) -> None:
    """Without `site_url`, MkDocs writes `None/…` into the sitemap: `check` and the build
    warn (LGL161) until it is set; `init --url` sets it."""
    bare, given = tmp_path / "bare", tmp_path / "given"
    assert init(bare, "--country", "SE") == 0
    assert init(given, "--country", "SE", "--url", "https://fjallsjo.se") == 0
    config = (bare / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(i for i, x in enumerate(config.splitlines(), 1) if "# site_url:" in x)
    check = cli("check", cwd=bare)
    assert check.returncode == 0
    assert f"mkdocs.yml:{line}:1: LGL161 warning: `site_url` is not set" in check.stdout
    result = build(bare)
    assert result.returncode == 0 and "LGL161" in result.stderr
    assert "LGL161" not in cli("check", cwd=given).stdout
    result = build(given)
    assert result.returncode == 0 and "LGL161" not in result.stderr
    sitemap = (given / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://fjallsjo.se/privacy/</loc>" in sitemap and "None" not in sitemap
    assert main(["init", str(tmp_path / "bad"), "--name", "X AB", "--country", "SE",
                 "--url", "fjallsjo.se"]) == 2  # fmt: skip


# --- the Zensical variant ----------------------------------------------------------------


def test_zensical_workflow_checks_exports_builds_and_deploys(tmp_path: Path) -> None:
    for languages, build_command in (("en", "zensical build"), ("sv,en", "zensical-i18n build")):
        site = tmp_path / languages
        assert (
            init(site, "--country", "SE", "--languages", languages, "--generator", "zensical") == 0
        )
        flow = workflow(site)
        assert flow[True]["schedule"] == [{"cron": "17 23 * * *"}]
        build = flow["jobs"]["build"]
        steps = [s.get("uses", s.get("run", "")).split("@")[0] for s in build["steps"]]
        assert steps[3:] == [
            "mkdocs-legal check --strict",
            "mkdocs-legal export",
            build_command,
            "actions/upload-pages-artifact",
        ]
        assert build_command.split()[0] in steps[2]  # installed
        assert not (site / "overrides").exists()


@pytest.mark.slow
@pytest.mark.parametrize("languages", ["en", "sv,en"])
def test_generated_zensical_site_builds(tmp_path: Path, languages: str) -> None:
    """As the workflow does it: export, then Zensical; the exported files are git-ignored."""
    import shutil
    import sys

    zensical = Path(sys.executable).parent / ("zensical-i18n" if "," in languages else "zensical")
    if not zensical.exists():
        pytest.skip("zensical is in the `test` extra")
    site = tmp_path / "site-src"
    assert init(site, "--country", "SE", "--languages", languages, "--generator", "zensical") == 0
    exported = cli("export", cwd=site)
    assert exported.returncode == 0, exported.stderr
    result = subprocess.run(
        [str(zensical), "build"], cwd=site, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    built = site / "site"
    for language in languages.split(","):
        prefix = "" if language == languages.split(",")[0] else f"{language}/"
        for page in ("privacy/index.html", "changelog/index.html", "changelog/feed.xml"):
            assert (built / prefix / page).is_file(), prefix + page
    html = (built / "privacy/index.html").read_text(encoding="utf-8")
    assert 'class="legal-banner' in html and 'data-legal-state="current"' in html
    assert (built / "legal.json").is_file()
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q"], cwd=site, check=True)
        status = ["git", "status", "--porcelain", "--untracked-files=all"]
        tracked = sorted(
            line[3:] for line in subprocess.check_output(status, cwd=site, text=True).splitlines()
        )
        expected = [".github/workflows/publish.yml", ".gitignore", "docs/index.md"]
        expected += [f"docs/index.{x}.md" for x in languages.split(",")[1:]]
        assert tracked == sorted([*expected, "legal.yml", "mkdocs.yml"])
