"""The agency recipe (docs/agency.md, SPEC §7): `status` over many client sites, and the workflow.

On a copy of `tests/fixtures/agency/` (a shared `base/` and two client sites):

- `status clients/*/legal.yml` before any release, after a release per client, after a change to
  the base (the client that inherits the changed recipient needs a new version; the one that
  replaced it by id does not), and after a new version and its release: as a table and as JSON;
- `status` takes each client's languages, history folder and date from that client's own
  `mkdocs.yml`, and fails when a version in force was never released (the build would fail);
- the GitHub Actions workflow `.github/workflows/clients.yml`: its jobs and steps, the matrix it
  computes from the client folders, and its commands run as written (marked slow);
- the docs show that workflow and what `status` and `diff` print during the rollout routine.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from mkdocs_legal.cli import main

AGENCY = FIXTURES / "agency"
WORKFLOW = AGENCY / ".github" / "workflows" / "clients.yml"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "agency.md"
CLIENTS = ["solsidan", "umecykel"]
NEW_VERSION = """\
  - effective: 2025-02-01
    version: "1.1"
    published: 2025-01-10
    summary:
      en: Our newsletter tool now has a new name.
      sv: Vårt verktyg för nyhetsbrev har fått ett nytt namn.
"""


@pytest.fixture
def agency(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the agency fixture, as the working directory."""
    root = tmp_path / "agency"
    shutil.copytree(AGENCY, root)
    monkeypatch.chdir(root)
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`mkdocs-legal ARGS` in the working directory: exit code, stdout, stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def clients() -> list[str]:
    """What the shell makes of `clients/*/legal.yml`."""
    return sorted(str(p) for p in Path("clients").glob("*/legal.yml"))


def table(out: str) -> dict[str, list[str]]:
    """The rows of `status`'s table by file: document, in force, upcoming, release."""
    lines = out.split("\n\n")[0].splitlines()
    assert lines[0].split() == ["FILE", "DOCUMENT", "IN", "FORCE", "UPCOMING", "RELEASE"]
    return {cells[0]: cells[1:] for cells in (re.split(r"  +", x) for x in lines[1:])}


def status(capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, list[str]], str]:
    """`status clients/*/legal.yml`: exit code, table rows, and the lines after the table."""
    code, out, err = run(capsys, "status", *clients())
    assert not err
    return code, table(out), out.partition("\n\n")[2]


def status_json(capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, "status", "--format", "json", *clients())
    return code, json.loads(out)


def code_blocks(language: str) -> list[str]:
    """The fenced code blocks of `language` in docs/agency.md, indented ones too."""
    found = re.findall(
        rf"^( *)```{language}\n(.*?)^\1```$", DOCS.read_text(encoding="utf-8"), re.M | re.S
    )
    return [textwrap.dedent(body) for _, body in found]


def console(command: str) -> list[str]:
    """The output the docs show for `$ command`, line by line."""
    for block in code_blocks("console"):
        first, _, output = block.partition("\n")
        if first == f"$ {command}":
            return output.splitlines()
    raise AssertionError(f"docs/agency.md shows no `$ {command}`")


def change_base(old: str, new: str) -> None:
    base = Path("base/legal.yml")
    text = base.read_text(encoding="utf-8")
    assert old in text
    base.write_text(text.replace(old, new), encoding="utf-8")


def add_version(client: str) -> None:
    with open(f"clients/{client}/legal.yml", "a", encoding="utf-8") as handle:
        handle.write(NEW_VERSION)


# --- status over the client sites ------------------------------------------------------------


def test_status_from_the_first_release_to_a_base_change_and_back(
    agency: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    solsidan, umecykel = (f"clients/{c}/legal.yml" for c in CLIENTS)

    # nothing released yet: every client needs a release
    code, rows, summary = status(capsys)
    assert code == 1
    assert rows == {
        solsidan: ["privacy", "2024-05-01", "-", "not released"],
        umecykel: ["privacy", "2024-06-01", "-", "not released"],
    }
    assert summary == "2 document(s) not released yet: run `mkdocs-legal release`\n"
    code, report = status_json(capsys)
    assert code == 1 and report["errors"] == []
    assert [
        (r["file"], r["document"], r["release"], r["needs_release"]) for r in report["rows"]
    ] == [
        (solsidan, "privacy", "not released", True),
        (umecykel, "privacy", "not released", True),
    ]

    # a release per client: all in step
    for client, effective in zip(CLIENTS, ["2024-05-01", "2024-06-01"], strict=True):
        assert run(capsys, "release", f"clients/{client}/legal.yml")[0] == 0
        for lang in ("en", "sv"):
            assert Path(f"clients/{client}/legal-history/privacy/{effective}.{lang}.md").is_file()
    code, rows, summary = status(capsys)
    assert code == 0 and summary == ""
    assert {file: row[-1] for file, row in rows.items()} == {solsidan: "ok", umecykel: "ok"}
    code, report = status_json(capsys)
    assert code == 0 and report["errors"] == []
    assert [r["needs_release"] for r in report["rows"]] == [False, False]
    assert report["rows"][0]["in_force"] == "1.0"
    assert report["rows"][0]["in_force_effective"] == "2024-05-01"

    # the base renames the shared newsletter tool: only the client that inherits it changed
    change_base("Brevduvan Utskick AB", "Brevduvan Nyhetsbrev AB")
    code, out, _ = run(capsys, "status", *clients())
    assert code == 1
    assert out.splitlines() == console("mkdocs-legal status clients/*/legal.yml")
    assert table(out) == {
        solsidan: ["privacy", "2024-05-01", "-", "changed"],
        umecykel: ["privacy", "2024-06-01", "-", "ok"],  # has a newsletter tool of its own
    }
    code, report = status_json(capsys)
    assert code == 1
    assert [(r["release"], r["needs_release"]) for r in report["rows"]] == [
        ("changed", True),
        ("ok", False),
    ]
    code, out, _ = run(capsys, "check", "--strict", *clients())
    assert code == 1
    assert {
        line.split("the text of ")[1].split("/")[1] for line in out.splitlines() if "LGL202" in line
    } == {"solsidan"}
    # a released text is never rewritten: the change needs a version of its own
    code, _, err = run(capsys, "release", solsidan)
    assert code == 1 and "nothing written" in err

    # a new version for the client, then its release: in step again
    add_version("solsidan")
    code, rows, summary = status(capsys)
    assert code == 1
    assert rows[solsidan] == ["privacy", "2024-05-01", "2025-02-01", "not released"]
    assert summary == "1 document(s) not released yet: run `mkdocs-legal release`\n"
    assert run(capsys, "release", solsidan)[0] == 0
    code, rows, summary = status(capsys)
    assert code == 0 and summary == ""
    assert rows == {
        solsidan: ["privacy", "2024-05-01", "2025-02-01", "ok"],
        umecykel: ["privacy", "2024-06-01", "-", "ok"],
    }
    assert run(capsys, "check", "--strict", *clients())[0] == 0

    # review: the redline between the version in force and the new one
    command = f"mkdocs-legal diff {solsidan} --document privacy --from 2024-05-01"
    code, out, _ = run(capsys, *command.split()[1:])
    assert code == 0
    shown = [line for line in console(command) if line != "…"]
    assert shown and all(line in out.splitlines() for line in shown)
    assert "Brevduvan [-Utskick-]{+Nyhetsbrev+} AB" in out


def test_status_reads_each_clients_own_mkdocs_yml(
    agency: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = Path("clients/umecykel/mkdocs.yml")
    text = config.read_text(encoding="utf-8")
    text = re.sub(r".*locale: sv.*\n", "", text)  # English only
    text = text.replace('today: "2025-01-15"\n', 'today: "2025-01-15"\n      history_dir: frozen\n')
    config.write_text(text, encoding="utf-8")
    config = Path("clients/solsidan/mkdocs.yml")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('today: "2025-01-15"', 'today: "2024-04-15"'), "utf-8")

    for client in CLIENTS:
        assert run(capsys, "release", f"clients/{client}/legal.yml")[0] == 0
    assert sorted(
        str(p) for p in Path("clients/umecykel").rglob("*.md") if "docs" not in p.parts
    ) == ["clients/umecykel/frozen/privacy/2024-06-01.en.md"]
    assert not Path("clients/umecykel/legal-history").exists()

    code, rows, _ = status(capsys)
    assert code == 0
    assert rows == {
        "clients/solsidan/legal.yml": ["privacy", "-", "2024-05-01", "ok"],  # its `today`
        "clients/umecykel/legal.yml": ["privacy", "2024-06-01", "-", "ok"],
    }
    # its Swedish text was never released; in English only, nothing is missing
    Path("clients/umecykel/frozen/privacy/2024-06-01.en.md").unlink()
    code, rows, _ = status(capsys)
    assert code == 1 and rows["clients/umecykel/legal.yml"][-1] == "not released"


def test_status_fails_when_the_version_in_force_was_never_released(
    agency: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new version added before the first release: only the newest can be frozen now, and
    the version in force has no text, so the client's build would fail."""
    add_version("solsidan")
    assert run(capsys, "release", "clients/solsidan/legal.yml")[0] == 0
    code, out, err = run(capsys, "status", "clients/solsidan/legal.yml")
    assert code == 1
    assert table(out)["clients/solsidan/legal.yml"][-1] == "ok"  # the newest is released
    assert [line.split(": ")[1] for line in err.splitlines()] == ["LGL203 error"] * 2
    code, report = status_json(capsys)
    assert code == 1
    assert sum("LGL203" in e for e in report["errors"]) == 2


# --- the workflow ----------------------------------------------------------------------------


def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_the_workflow_checks_then_builds_each_client_in_a_matrix() -> None:
    flow = workflow()
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers and "workflow_dispatch" in triggers
    assert triggers["schedule"][0]["cron"]  # daily: banners switch on their dates
    assert flow["permissions"] == {"contents": "read"}
    check, build = flow["jobs"]["check"], flow["jobs"]["build"]

    commands = runs(check)
    assert commands[0].startswith("pip install ")
    assert commands[1:3] == [
        "mkdocs-legal check --strict clients/*/legal.yml",
        "mkdocs-legal status clients/*/legal.yml",
    ]
    [listing] = [s for s in check["steps"] if s.get("id") == "clients"]
    assert '>> "$GITHUB_OUTPUT"' in listing["run"]
    assert check["outputs"] == {"clients": "${{ steps.clients.outputs.clients }}"}

    assert build["needs"] == "check"
    assert build["strategy"]["matrix"] == {"client": "${{ fromJSON(needs.check.outputs.clients) }}"}
    assert build["strategy"]["fail-fast"] is False
    assert runs(build)[0].startswith("pip install ")
    assert runs(build)[1] == "mkdocs build --strict -f clients/${{ matrix.client }}/mkdocs.yml"
    [upload] = [
        s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact")
    ]
    assert upload["with"] == {
        "name": "site-${{ matrix.client }}",
        "path": "clients/${{ matrix.client }}/site",
    }


def shell(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A workflow's `run:` in bash, with this environment's `python` and commands first on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", command],
        cwd=cwd,
        env={**os.environ, "PATH": path, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def matrix(root: Path) -> list[str]:
    """The clients the workflow's listing step finds in `root`."""
    [listing] = [s for s in workflow()["jobs"]["check"]["steps"] if s.get("id") == "clients"]
    output = root.parent / "github-output"
    output.unlink(missing_ok=True)
    result = shell(listing["run"], root, GITHUB_OUTPUT=str(output))
    assert result.returncode == 0, result.stderr
    key, _, value = output.read_text(encoding="utf-8").strip().partition("=")
    assert key == "clients"
    found = json.loads(value)
    assert isinstance(found, list)
    return found


def test_the_matrix_is_every_folder_with_a_site(agency: Path) -> None:
    assert matrix(agency) == CLIENTS
    (agency / "clients" / "notes").mkdir()  # a folder without mkdocs.yml is not a client
    shutil.copytree(agency / "clients" / "umecykel", agency / "clients" / "ostkust")
    assert matrix(agency) == ["ostkust", "solsidan", "umecykel"]


@pytest.mark.slow
def test_the_workflow_commands_pass_once_every_client_is_released(
    agency: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = workflow()
    checks = runs(flow["jobs"]["check"])[1:3]
    assert shell(checks[1], agency).returncode == 1  # nothing released: status stops the run
    for client in CLIENTS:
        assert run(capsys, "release", f"clients/{client}/legal.yml")[0] == 0
    for command in checks:
        result = shell(command, agency)
        assert result.returncode == 0, command + "\n" + result.stdout + result.stderr
    build = runs(flow["jobs"]["build"])[1]
    for client in matrix(agency):
        result = shell(build.replace("${{ matrix.client }}", client), agency)
        assert result.returncode == 0, result.stderr
        assert (agency / "clients" / client / "site" / "privacy" / "index.html").is_file()
    change_base("Brevduvan Utskick AB", "Brevduvan Nyhetsbrev AB")
    assert shell(checks[1], agency).returncode == 1  # a base change without new versions


def test_the_docs_show_the_workflow() -> None:
    assert workflow() in [yaml.safe_load(block) for block in code_blocks("yaml")]
