"""The history promise holds however the site is built: quiet strict builds, documents added
in a later version, where an unrecorded change is reported, versions without a summary, and
`mkdocs serve --dirty` rebuilds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import test_versions_build
from test_versions_build import BASIC, set_options

from mkdocs_legal.cli import main

pytestmark = pytest.mark.slow


history_site = test_versions_build.history_site
"""two-languages with its own data file: 1.0 released, then 2.0 added (not released)."""


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def unrecorded_change(root: Path) -> None:
    """Release 2.0, then change a fact without a new version: LGL202 on 2025-03-01."""
    assert main(["release", str(root / "legal.yml")]) == 0
    data = root / "legal.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("Aktiebolag", "AB (publ)"))
    set_options(root, today="2025-03-01")


@pytest.mark.parametrize("args", [["-q", "--strict"], ["--strict"], ["-q", "-s"]])
def test_mkdocs_strict_fails_on_an_integrity_warning_at_any_log_level(
    history_site: Path, args: list[str]
) -> None:
    unrecorded_change(history_site)
    result = mkdocs(history_site, "build", *args)
    assert result.returncode != 0, result.stderr
    assert "LGL202" in result.stderr and "--strict" in result.stderr
    assert not (history_site / "site" / "privacy").exists()


def test_a_quiet_build_without_strict_still_passes(history_site: Path) -> None:
    unrecorded_change(history_site)
    result = mkdocs(history_site, "build", "-q")
    assert result.returncode == 0, result.stderr


# --- 12. a version without a summary --------------------------------------------------------


@pytest.mark.parametrize(
    ("material", "code", "exit_code"), [(False, "LGL160", 0), (True, "LGL060", 1)]
)
def test_a_version_without_summary_is_reported(
    tmp_path: Path, material: bool, code: str, exit_code: int
) -> None:
    from conftest import cli

    data = BASIC + (
        "  - effective: 2025-06-01\n"
        '    version: "2.0"\n'
        "    published: 2025-04-01\n"
        f"    material: {str(material).lower()}\n"
    )
    path = tmp_path / "legal.yml"
    path.write_text(data, encoding="utf-8")
    result = cli("check", str(path), "--lang", "en,sv")
    assert result.returncode == exit_code, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if code in x)
    # points at the version entry, by line
    entry = data.splitlines().index("  - effective: 2025-06-01") + 1
    assert line.startswith(f"{path}:{entry}:") and "versions[1]" in line
    assert "summary" in line
    strict = cli("check", str(path), "--lang", "en,sv", "--strict")
    assert strict.returncode == 1


# --- 10. a document added in a later version ---------------------------------------------------

COOKIES = """\
cookies:
  last_reviewed: 2025-01-10
  items:
    - {name: fk_session, provider: first_party, purpose: {en: Session, sv: Session}, category: necessary, duration: session, type: http_cookie}
"""
WITH_COOKIES = """\
  - effective: 2025-03-01
    version: "2.0"
    published: 2025-01-20
    documents: [privacy, cookies]
    summary:
      en: We now publish a cookie policy.
      sv: Vi publicerar nu en cookiepolicy.
"""


@pytest.fixture
def first_release(copy_site: Callable[..., Path]) -> Path:
    """two-languages with version 1.0 (no `documents:` list, no cookies) released."""
    root = copy_site("two-languages", files={"legal.yml": BASIC})
    set_options(root, data="legal.yml")
    assert main(["release", str(root / "legal.yml")]) == 0
    return root


def test_a_document_added_later_starts_at_the_version_that_lists_it(first_release: Path) -> None:
    import json

    data = first_release / "legal.yml"
    data.write_text(BASIC.replace("versions:\n", COOKIES + "versions:\n") + WITH_COOKIES, "utf-8")
    set_options(first_release, today="2025-02-01")
    result = mkdocs(first_release, "build")
    assert result.returncode == 0, result.stderr
    assert "LGL203" not in result.stderr
    site = first_release / "site"
    cookies = (site / "cookies/index.html").read_text(encoding="utf-8")
    assert 'data-legal-state="upcoming"' in cookies and 'datetime="2025-03-01"' in cookies
    assert not (site / "cookies/2024-05-01").exists()
    manifest = json.loads((site / "legal.json").read_text(encoding="utf-8"))
    assert "2024-05-01" not in json.dumps(manifest["documents"]["cookies"])
    # released, and then in force: the cookie policy's history is version 2.0 alone
    assert main(["release", str(data)]) == 0
    assert not list((first_release / "legal-history/cookies").glob("2024-05-01.*"))
    set_options(first_release, today="2025-03-01")
    result = mkdocs(first_release, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert 'data-legal-state="current"' in (site / "cookies/index.html").read_text("utf-8")
    assert (site / "privacy/2024-05-01/index.html").is_file()  # privacy keeps its 1.0


def test_facts_for_a_document_no_version_lists_are_an_error(first_release: Path) -> None:
    data = first_release / "legal.yml"
    text = BASIC.replace("versions:\n", COOKIES + "versions:\n")
    data.write_text(text, encoding="utf-8")
    result = mkdocs(first_release, "build")
    assert result.returncode != 0
    line = text.splitlines().index("cookies:") + 1
    assert f"legal.yml:{line}:1: " + "LGL206 error" in result.stderr  # "LGL206
    assert "documents: [cookies]" in result.stderr
    assert "Traceback" not in result.stderr


# --- 11. LGL202 points at the field that changed; `diff` shows the change -----------------------


def test_an_unrecorded_change_is_reported_at_the_field_and_diff_shows_it(
    history_site: Path,
) -> None:
    from conftest import cli

    unrecorded_change(history_site)
    text = (history_site / "legal.yml").read_text(encoding="utf-8")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "AB (publ)" in x)
    result = mkdocs(history_site, "build")
    assert result.returncode == 0, result.stderr
    found = [x for x in result.stderr.splitlines() if "LGL202" in x]
    assert len(found) == 2  # privacy in English and Swedish
    for finding in found:
        where = finding.split("LGL202")[0]
        assert where.rstrip().endswith(f"legal.yml:{line}:9:"), finding  # organisation.name
        assert "(organisation.name)" in finding
        frozen = finding.index("legal-history/privacy/2025-03-01.")
        assert frozen > finding.index("LGL202")  # the frozen file is named second
        assert "mkdocs-legal diff --document privacy --lang" in finding
    diff = cli(
        "diff", "--document", "privacy", "--lang", "en", "--from", "2025-03-01", cwd=history_site
    )
    assert diff.returncode == 0, diff.stderr
    assert "Aktiebolag" in diff.stdout and "AB (publ)" in diff.stdout


def test_after_a_package_upgrade_lgl202_points_at_the_version(history_site: Path) -> None:
    assert main(["release", str(history_site / "legal.yml")]) == 0
    frozen = history_site / "legal-history/privacy/2025-03-01.en.md"
    text = frozen.read_text(encoding="utf-8")  # as if the clause texts had changed since
    body = text.split("\n---\n", 1)[1].replace("Fjällsjö", "Fjallsjo", 1)
    import hashlib

    digest = hashlib.sha256(body.encode()).hexdigest()
    head = re.sub(r"sha256: \w+", f"sha256: {digest}", text.split("\n---\n", 1)[0])
    frozen.write_text(head + "\n---\n" + body, encoding="utf-8")
    set_options(history_site, today="2025-03-01")
    result = mkdocs(history_site, "build")
    found = [x for x in result.stderr.splitlines() if "LGL202" in x]
    assert len(found) == 1 and "(versions[1])" in found[0]
    assert "No field of the data file changed" in found[0]
