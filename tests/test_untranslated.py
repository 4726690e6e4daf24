"""A built-in text that the page language's catalog lacks (untranslated, or fuzzy after an
English change) reads in English, and the build says so: a warning naming the language and
the text, which `--strict` turns into a failed build."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BUILD = """
import sys
from mkdocs_legal.core import language

real = language.catalog


def without_title(code):
    found = real(code)
    if language.base_language(code) != "sv":
        return found
    messages = {k: v for k, v in found.messages.items() if k != "Privacy policy"}
    return language.Catalog(messages, found.plurals, found.plural_index)


language.catalog = without_title
from mkdocs.__main__ import cli

sys.argv = ["mkdocs", "build", *sys.argv[1:]]
cli()
"""


def build(root: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BUILD, *flags, "-d", str(root / "site")],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_missing_translation_is_a_warning_naming_it(copy_site: Callable[..., Path]) -> None:
    root = copy_site("two-languages")
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if "have no 'sv' translation" in line]
    assert len(lines) == 1, result.stderr[-3000:]
    assert "'Privacy policy'" in lines[0] and "locale/sv/LC_MESSAGES" in lines[0]
    page = (root / "site" / "sv" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "Privacy policy" in page
    assert "have no 'en' translation" not in result.stderr  # English is the source


def test_strict_fails_on_it(copy_site: Callable[..., Path]) -> None:
    assert build(copy_site("two-languages"), "--strict").returncode == 1


def test_a_complete_catalog_says_nothing(copy_site: Callable[..., Path]) -> None:
    root = copy_site("two-languages")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(root / "site")],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0 and "translation and read in" not in result.stderr
