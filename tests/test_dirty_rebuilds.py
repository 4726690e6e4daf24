"""`mkdocs serve --dirty`: ten rebuilds in one process, as `serve` makes them, after data-file
and page edits; the search index and the page lists stay the size of a full build's (issue 15
item 13). Work is counted (index entries, pages), not timed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, mkdocs_build

pytestmark = pytest.mark.slow

REBUILDS = """
import json, os, sys
from pathlib import Path

sys.argv = ["mkdocs", "serve", "--dirty"]  # mkdocs-static-i18n reads it for its own builds
from mkdocs.commands.build import build
from mkdocs.config import load_config

root, edit = Path(sys.argv_root), sys.argv_edit
data, page = root / "legal.yml", root / "docs/about.md"
original = data.read_text(encoding="utf-8")
for i in range(11):  # the first builds the site from nothing, as `serve` starts
    if i == 0:
        pass
    elif edit == "data":
        data.write_text(original.replace("+46 31 123 45 67", f"+46 31 123 45 {i:02}"), "utf-8")
    else:
        page.write_text(f"# About us\\n\\nEdit {i}.\\n", encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))  # as `serve` does before each rebuild
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    i18n = config.plugins["i18n"]
    index = json.loads((root / "site/search/search_index.json").read_text("utf-8"))
    print(json.dumps({
        "entries": sorted([e["location"], e["title"]] for e in index["docs"]),
        "phone": sum(f"+46 31 123 45 {i:02}" in e["text"] for e in index["docs"]),
        "phones": sum("+46 31 123 45 " in e["text"] for e in index["docs"]),
        "i18n_entries": len(i18n.search_entries),
        "pages": {k: len(v) for k, v in i18n.i18n_files_per_language.items()},
        "html": len(list((root / "site").rglob("*.html"))),
    }))
"""


def rebuilds(root: Path, edit: str) -> list[dict[str, object]]:
    code = f"import sys; sys.argv_root = {str(root)!r}; sys.argv_edit = {edit!r}\n" + REBUILDS
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("edit", ["data", "page"])
def test_ten_dirty_rebuilds_do_not_grow_the_search_index_or_page_lists(
    copy_site: Callable[..., Path], edit: str
) -> None:
    basic = (FIXTURES / "data/basic.yml").read_text(encoding="utf-8")
    root = copy_site(
        "two-languages",
        files={"legal.yml": basic, "docs/about.md": "# About us\n"},
        data="legal.yml",
    )
    full, site = mkdocs_build(root)  # what a full build indexes
    assert full.returncode == 0, full.stderr
    expected = json.loads((site / "search/search_index.json").read_text("utf-8"))["docs"]
    shutil.rmtree(site)
    first, *runs = rebuilds(root, edit)
    assert len(runs) == 10
    assert first["entries"] == sorted([e["location"], e["title"]] for e in expected)
    for n, run in enumerate(runs):
        assert run["entries"] == first["entries"], f"rebuild {n + 1}"
        assert run["i18n_entries"] == runs[0]["i18n_entries"], f"rebuild {n + 1}"
        assert run["pages"] == first["pages"] and run["html"] == first["html"], n
        if edit == "data":  # the index has the new text, not the old beside it
            assert run["phone"] == run["phones"] == first["phones"] > 0, f"rebuild {n + 1}"
