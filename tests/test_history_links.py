"""A history folder with a broken entry (issue 14, item 5): a located finding, no traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, cli, copy_fixture_site, mkdocs_build


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = copy_fixture_site(tmp_path, "one-language", {}, {"data": "legal.yml"})
    shutil.copy(FIXTURES / "data" / "basic.yml", root / "legal.yml")
    assert cli("release", str(root / "legal.yml"), cwd=root).returncode == 0
    link = root / "legal-history" / "privacy" / "2020-01-01.sv.md"
    os.symlink("gone/2020-01-01.sv.md", link)
    return root


@pytest.mark.parametrize("command", ["check", "release", "status"])
def test_a_dangling_link_is_a_located_finding(site: Path, command: str) -> None:
    result = cli(command, str(site / "legal.yml"), cwd=site)
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr + result.stdout
    out = result.stdout + result.stderr
    assert "2020-01-01.sv.md:1:1: LGL204 error:" in out, out
    assert "symbolic link to gone/2020-01-01.sv.md, which does not exist" in out


def test_a_dangling_link_fails_the_build_with_the_finding(site: Path) -> None:
    result, built = mkdocs_build(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "LGL204" in result.stderr and "2020-01-01.sv.md" in result.stderr
    assert not (built / "privacy").exists()


def test_a_repaired_link_is_read(site: Path) -> None:
    link = site / "legal-history" / "privacy" / "2020-01-01.sv.md"
    link.unlink()
    result, built = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert (built / "privacy" / "index.html").is_file()
