#!/usr/bin/env python3
"""Project tasks with nothing but Python ≥ 3.10: each sets up `.venv` first if needed.

python3 tasks.py demo       build and serve the demo site on http://127.0.0.1:8000
python3 tasks.py test       lint, type-check and run the whole test suite
python3 tasks.py build      build the demo site into site/
python3 tasks.py catalogs [LANG…]  extract messages, update every catalog (new ones for LANG)
python3 tasks.py bench      compare build times with and without the plugin
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".mkdocs-legal-installed"


def run(*args: str | Path, **kwargs: object) -> None:
    print("$", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT, **kwargs)  # type: ignore[call-overload]
    if result.returncode:
        raise SystemExit(result.returncode)


def ensure_venv() -> None:
    """Create .venv and install the package with its test tools, once per pyproject change."""
    if sys.version_info < (3, 10):  # noqa: UP036 - this file runs before the venv exists
        raise SystemExit("mkdocs-legal needs Python 3.10 or newer")
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == want:
        return
    if not (BIN / "python").exists():
        print(f"Creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[test]")
    STAMP.write_text(want)


def env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def compiled() -> None:
    """The `.mo` files the package reads, fresh from the `.po` catalogs (git ignores them)."""
    run(BIN / "python", "tools/compile_catalogs.py", stdout=subprocess.DEVNULL)


def demo(args: list[str]) -> None:
    compiled()
    run(BIN / "mkdocs", "serve", "-a", "127.0.0.1:8000", *args, env=env())


def build(args: list[str]) -> None:
    compiled()
    run(BIN / "mkdocs", "build", "--strict", *args, env=env())


LINTED = ["mkdocs_legal", "tests", "tasks.py", "hatch_build.py", "benchmarks", "hooks", "tools"]
"""Everything ruff checks and formats."""


def test(args: list[str]) -> None:
    run(BIN / "ruff", "check", *LINTED)
    run(BIN / "ruff", "format", "--check", *LINTED)
    run(BIN / "mypy")
    compiled()
    run(BIN / "python", "-m", "pytest", *args, env=env())


LOCALE = ROOT / "mkdocs_legal" / "locale"
POT = LOCALE / "mkdocs_legal.pot"
EXTRACT_FROM = ["mkdocs_legal/core", "mkdocs_legal/plugin"]
# Functions whose string literals are messages; `sentence:2` = the second argument of
# plugin/banner.py's `sentence(lang, message, ...)`.
KEYWORDS = ["_", "N_", "NP_:1,2", "sentence:2"]


def catalogs(args: list[str]) -> None:
    """Extract messages into the .pot, start a catalog for each LANG given, update all of them."""
    keywords = [arg for k in KEYWORDS for arg in ("-k", k)]
    before = POT.read_text(encoding="utf-8") if POT.exists() else ""
    # Translators see which file a message comes from (not its line, which would churn) and
    # the `# TRANSLATORS:` (or `# Translators:`) comment above it in the code.
    run(BIN / "pybabel", "extract", *keywords, "--add-location=file", "--sort-output",
        "--add-comments=TRANSLATORS:,Translators:", "--strip-comments",
        "--project", "mkdocs-legal", "--copyright-holder", "mkdocs-legal contributors",
        "-o", POT, *EXTRACT_FROM)  # fmt: skip
    dated = re.compile(r'^"POT-Creation-Date: .*$', re.M)
    if dated.sub("", POT.read_text(encoding="utf-8")) == dated.sub("", before):
        POT.write_text(before, encoding="utf-8")  # same messages: keep the file (and its date)
    for lang in args:
        if not (LOCALE / lang / "LC_MESSAGES" / "mkdocs_legal.po").exists():
            run(BIN / "pybabel", "init", "-D", "mkdocs_legal", "-i", POT, "-d", LOCALE, "-l", lang)
    update(POT, LOCALE)
    run(BIN / "python", "tools/make_cldr.py")  # the CLDR words of every catalog's language
    compiled()
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/mkdocs_legal.po")):
        print(f"{po.parent.parent.name}: {untranslated(po)} message(s) to translate")


def update(pot: Path, locale: Path) -> None:
    """Bring every catalog under `locale` up to `pot`.

    A changed English message keeps its translation, marked fuzzy, so a translator reviews it;
    one that matches nothing stays in the file as obsolete (`#~`). Nothing a translator wrote
    is deleted. (Not `--previous`: Babel 2.18 writes a wrapped old msgid as a broken `#|` line.)
    """
    run(BIN / "pybabel", "update", "--ignore-pot-creation-date",
        "-D", "mkdocs_legal", "-i", pot, "-d", locale)  # fmt: skip


def untranslated(po: Path) -> int:
    """Entries of a .po file (header excluded) that are fuzzy or have an empty msgstr form."""
    entries = po.read_text(encoding="utf-8").split("\n\n")[1:]
    empty = re.compile(r'^msgstr(\[\d+\])? ""\n(?!")', re.M)
    return sum(
        bool(re.search(r"^#,.*\bfuzzy\b", e, re.M) or empty.search(e + "\n")) for e in entries
    )


def bench(args: list[str]) -> None:
    run(BIN / "python", "benchmarks/build_time.py", *args, env=env())


TASKS = {"demo": demo, "test": test, "build": build, "catalogs": catalogs, "bench": bench}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        raise SystemExit(__doc__)
    ensure_venv()
    TASKS[sys.argv[1]](sys.argv[2:])
