"""The wheel carries its catalogs, templates and data, and works outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        timeout=600,
    )
    return next(out.glob("mkdocs_legal-*.whl"))


def test_wheel_contains_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "mkdocs_legal/py.typed",
        "mkdocs_legal/locale/sv/LC_MESSAGES/mkdocs_legal.po",
        "mkdocs_legal/locale/mkdocs_legal.pot",
        "mkdocs_legal/plugin/theme/partials/legal-banner.html",
        "mkdocs_legal/core/data/authorities.yml",
    ):
        assert required in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "legal = mkdocs_legal.plugin.plugin:LegalPlugin" in text
    assert "mkdocs-legal = mkdocs_legal.cli:main" in text


def test_installed_wheel_renders_swedish(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site-packages"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=600,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import mkdocs_legal, sys; from mkdocs_legal.cli import main;"
        "assert mkdocs_legal.__file__.startswith(sys.argv[1]), mkdocs_legal.__file__;"
        "raise SystemExit(main(['render', sys.argv[2], '--document', 'privacy', '--lang', 'sv']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target), str(ROOT / "legal.yml")],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "artikel 6.1 f dataskyddsförordningen" in result.stdout
    assert "Integritetsskyddsmyndigheten" in result.stdout
