"""The sdist and the wheel build cleanly, carry everything the package reads at run time,
and work outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest

from mkdocs_legal import __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mkdocs_legal"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build`: the sdist, then the wheel built from that sdist."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    return next(dist.glob("mkdocs_legal-*.whl"))


@pytest.fixture(scope="module")
def sdist(dist: Path) -> Path:
    return next(dist.glob("mkdocs_legal-*.tar.gz"))


def metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(archive.read(name).decode("utf-8"))


def package_files() -> list[str]:
    """Every file of the package in the source tree, as a path in the wheel."""
    return sorted(
        str(p.relative_to(ROOT))
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def test_version_comes_from_one_place(wheel: Path, sdist: Path) -> None:
    assert metadata(wheel)["Version"] == __version__
    assert wheel.name == f"mkdocs_legal-{__version__}-py3-none-any.whl"
    assert sdist.name == f"mkdocs_legal-{__version__}.tar.gz"


def test_metadata_is_complete(wheel: Path) -> None:
    import trove_classifiers

    meta = metadata(wheel)
    classifiers = meta.get_all("Classifier") or []
    assert {"Framework :: MkDocs", "Typing :: Typed", "Environment :: Plugins"} <= set(classifiers)
    assert [c for c in classifiers if c not in trove_classifiers.classifiers] == []
    assert meta["Requires-Python"] == ">=3.10"
    assert meta["License-Expression"] == "MIT"
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "mkdocs" in meta["Keywords"].split(",")
    urls = {u.split(",")[0] for u in meta.get_all("Project-URL") or []}
    assert {"Homepage", "Documentation", "Source", "Issues"} <= urls
    requires = " ".join(meta.get_all("Requires-Dist") or [])
    for dependency in ("mkdocs<2", "mkdocs-material", "mkdocs-static-i18n", "babel", "pydantic"):
        assert dependency in requires


def test_wheel_contains_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [f for f in package_files() if f not in names] == []
    for required in (
        "mkdocs_legal/py.typed",
        "mkdocs_legal/locale/sv/LC_MESSAGES/mkdocs_legal.po",
        "mkdocs_legal/locale/sv/LC_MESSAGES/mkdocs_legal.mo",  # compiled by hatch_build.py
        "mkdocs_legal/locale/mkdocs_legal.pot",
        "mkdocs_legal/plugin/theme/partials/legal-banner.html",
        "mkdocs_legal/core/law/authorities.yml",
        "mkdocs_legal/core/data/cldr.json",
        "mkdocs_legal/init_files/legal.yml",
        "mkdocs_legal/init_files/github/workflows/publish.yml",
    ):
        assert required in names
    assert not [n for n in names if "__pycache__" in n or n.startswith(("tests/", "docs/"))]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "legal = mkdocs_legal.plugin.plugin:LegalPlugin" in text
    assert "mkdocs-legal = mkdocs_legal.cli:main" in text


def test_sdist_has_the_package_its_tests_and_the_demo(sdist: Path) -> None:
    top = f"mkdocs_legal-{__version__}/"
    with tarfile.open(sdist) as archive:
        names = {n.removeprefix(top) for n in archive.getnames()}
    # The sdist carries the .po sources; the .mo files are compiled when a wheel is built.
    assert [f for f in package_files() if f not in names and not f.endswith(".mo")] == []
    assert not [n for n in names if n.endswith(".mo")]
    assert "hatch_build.py" in names and "tools/compile_catalogs.py" in names
    for required in ("pyproject.toml", "README.md", "LICENSE", "PKG-INFO", "example/legal.yml"):
        assert required in names
    assert "tests/conftest.py" in names and "tests/fixtures/data/basic.yml" in names
    assert "tools/make_cldr.py" in names  # tests/test_cldr.py runs it
    unwanted = (".venv/", "site/", ".git/", ".mypy_cache/", "__pycache__")
    assert not [n for n in names if any(u in n for u in unwanted)]


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
        [sys.executable, "-c", code, str(target), str(ROOT / "example" / "legal.yml")],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "artikel 6.1 f dataskyddsförordningen" in result.stdout
    assert "Integritetsskyddsmyndigheten" in result.stdout


@pytest.mark.slow
def test_fresh_venv_inits_and_builds_a_site(wheel: Path, tmp_path: Path) -> None:
    """The wheel in a new venv (its dependencies borrowed from this one, so no network):
    `mkdocs-legal init`, then `mkdocs build` of the new site."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps"]
    subprocess.run([*install, "--quiet", str(wheel)], check=True, timeout=600)
    # Dependencies from this venv's site-packages, after the new venv's own: a path that a
    # .pth file adds is not a site dir, so this venv's editable install is not picked up.
    site_packages = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site_packages / "borrowed-dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONPATH", None)
    where = subprocess.run(
        [str(python), "-c", "import mkdocs_legal; print(mkdocs_legal.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(site_packages)), where.stdout
    site = tmp_path / "new-site"
    init = subprocess.run(
        [
            str(venv / "bin" / "mkdocs-legal"),
            "init",
            str(site),
            "--name",
            "Acme AB",
            "--country",
            "SE",
            "--languages",
            "en,sv",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert init.returncode == 0, init.stderr
    build = subprocess.run(
        [str(python), "-m", "mkdocs", "build"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    assert (site / "site" / "privacy" / "index.html").is_file()
    assert (site / "site" / "sv" / "privacy" / "index.html").is_file()
