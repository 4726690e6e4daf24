"""Shared fixtures: copies of the fixture sites in `tests/fixtures/sites/`, built with MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from mkdocs_legal.core.model import LegalData
from mkdocs_legal.core.source import Options, load_valid

# CI explores the same examples on every run (a property test must not fail on a new random
# draw there); locally, every run draws anew and may find new cases.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

# Every build and command in the tests runs on one fixed day, 23 November 2026, so that what
# is in force, upcoming or superseded does not change with the calendar: on that day the
# demo's version 3.0 (1 January 2027) is upcoming. Tests about other days set their own.
TODAY_EPOCH = "1795435200"  # 2026-11-23T12:00:00Z
os.environ.setdefault("SOURCE_DATE_EPOCH", TODAY_EPOCH)

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "example" / "legal.yml"

Build = tuple["subprocess.CompletedProcess[str]", Path]


def copy_fixture_site(
    base: Path, name: str, files: dict[str, str], options: dict[str, Any]
) -> Path:
    """Copy site `name` to `base/sites/name`, beside a copy of `data/` (so `../../data/…` holds).

    `files` maps paths in the site to new contents; `options` are merged into the `legal`
    plugin's options in `mkdocs.yml`.
    """
    if not (base / "data").exists():
        shutil.copytree(FIXTURES / "data", base / "data")
    root = base / "sites" / name
    shutil.copytree(FIXTURES / "sites" / name, root)
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    if options:
        config_file = root / "mkdocs.yml"
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
        plugins = config["plugins"]
        i = next(i for i, p in enumerate(plugins) if p == "legal" or "legal" in p)
        current = plugins[i]["legal"] if isinstance(plugins[i], dict) else {}
        plugins[i] = {"legal": {**current, **options}}
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


def load_data(path: Path, languages: tuple[str, ...] = ("en", "sv")) -> LegalData:
    """A valid data file's model, for a site in `languages`."""
    return load_valid(path, Options(languages)).data


@pytest.fixture(scope="session")
def demo() -> LegalData:
    """The demo's data file (the repository's `legal.yml`), in English and Swedish."""
    return load_data(DEMO)


def cli(*args: str, cwd: Path = DEMO.parent) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs-legal ARGS` as a new process in `cwd` (the live example's folder by default)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_legal.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def mkdocs_build(root: Path, *flags: str, site_dir: Path | None = None) -> Build:
    """Run `python -m mkdocs build FLAGS` in `root`; return the finished process and the site
    folder (`site_dir`, by default `root/site`)."""
    site = site_dir or root / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "-d", str(site)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result, site


@pytest.fixture
def copy_site(tmp_path: Path) -> Callable[..., Path]:
    """`copy_site(name, files={...}, **options)` → root folder of a fresh copy of a fixture site."""

    def copy(name: str, *, files: dict[str, str] | None = None, **options: Any) -> Path:
        return copy_fixture_site(tmp_path, name, files or {}, options)

    return copy


@pytest.fixture
def build_site(copy_site: Callable[..., Path]) -> Callable[..., Build]:
    """`build_site(name, files={...}, **options)` → (finished `mkdocs build`, site folder)."""
    return lambda name, **overrides: mkdocs_build(copy_site(name, **overrides))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Build]:
    """`built_site(name)`: like `build_site(name)` unchanged, but built once per test session."""
    cache: dict[str, Build] = {}

    def build(name: str) -> Build:
        if name not in cache:
            cache[name] = mkdocs_build(
                copy_fixture_site(tmp_path_factory.mktemp(name), name, {}, {})
            )
        return cache[name]

    return build
