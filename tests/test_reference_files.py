"""The reference pages read complete in the repository (a code host shows no build), and what
they hold is what the build generates: one source, `hooks/reference.py` (issue 15 item 15)."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

from test_docs import load_hook

ROOT = Path(__file__).resolve().parent.parent


def hook() -> ModuleType:
    return load_hook()


def test_the_repositorys_reference_pages_are_current() -> None:
    reference = hook()
    stale = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if reference.fill(text, ROOT, str(path), keep=True) != text:
            stale.append(str(path.relative_to(ROOT)))
    assert stale == [], f"run `python hooks/reference.py` to update {', '.join(stale)}"


def test_every_kept_insert_is_in_the_repository_and_the_readme_links_it() -> None:
    reference = hook()
    pages = {p: p.read_text(encoding="utf-8") for p in (ROOT / "docs/reference").glob("*.md")}
    for name in reference.KEPT:
        holders = [p for p, text in pages.items() if f"<!-- end: {name} -->" in text]
        assert len(holders) == 1, name
        block = pages[holders[0]].split(f"<!-- insert: {name} -->")[1]
        assert block.split(f"<!-- end: {name} -->")[0].count("\n|") > 3, name  # real tables
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\((docs/reference/[a-z-]+\.md)\)", readme):
        text = (ROOT / link).read_text(encoding="utf-8")
        assert not re.search(r"^<!-- insert: [a-z-]+ -->\n(?!.)", text, re.M), link


def test_the_build_replaces_blocks_and_bare_markers_alike() -> None:
    reference = hook()
    built = reference.fill(
        "a\n<!-- insert: lint-rules -->\nSTALE\n<!-- end: lint-rules -->\nb\n", ROOT, "x.md"
    )
    assert "STALE" not in built and "<!--" not in built and "LGL001" in built
    assert built.startswith("a\n") and built.endswith("\nb\n")
    bare = reference.fill("<!-- insert: section-ids -->\n", ROOT, "x.md")
    assert "<!--" not in bare and "`controller`" in bare
