"""Build a site with the `legal` plugin and from the same Markdown without it; print the ratio.

    python3 tasks.py bench [--site DIR] [--runs N]

The plain build gets exactly the Markdown the plugin generates, written to
files, and the same mkdocs.yml less the plugin. Runs alternate (plugin, plain,
plugin, …) so that machine noise hits both sides alike; medians are compared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def plain_copy(site: Path, work: Path) -> Path:
    """A copy of `site` whose legal pages are ordinary Markdown files."""
    from mkdocs.config import load_config

    from mkdocs_legal.plugin import i18n_bridge

    config = load_config(str(site / "mkdocs.yml"))
    plugin = config.plugins["legal"]
    plugin.on_config(config)  # type: ignore[attr-defined]
    markdown: dict[tuple[str, str], str] = plugin._markdown  # type: ignore[attr-defined]
    info = i18n_bridge.site(config)

    target = work / "plain"
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("site", ".cache"))
    docs = target / Path(config.docs_dir).relative_to(site.resolve())
    for (document, language), text in markdown.items():
        path = plugin.doc_path(document)  # type: ignore[attr-defined]
        out = docs / i18n_bridge.src_uri(info, path, language)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")

    raw = (site / "mkdocs.yml").read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line.strip() not in {"- legal", "- legal:"}]
    # drop the plugin's indented options block, if any
    cleaned: list[str] = []
    skipping = False
    for line in raw.splitlines():
        if line.strip() == "- legal:":
            skipping = True
            indent = len(line) - len(line.lstrip())
            continue
        if skipping and line.strip() and len(line) - len(line.lstrip()) > indent:
            continue
        skipping = False
        if line.strip() == "- legal":
            continue
        cleaned.append(line)
    del lines
    text = "\n".join(cleaned) + "\n"
    data = yaml.safe_load(text.replace("!!python/name:", "")) or {}
    if "attr_list" not in str(data.get("markdown_extensions", "")):
        text += "markdown_extensions:\n  - attr_list\n" if "markdown_extensions" not in data else ""
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    return target


def timed_build(site: Path, out: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=site,
        env=env,
        check=True,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT, help="site folder with mkdocs.yml")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    site = args.site.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plain = plain_copy(site, work)
        with_plugin: list[float] = []
        without: list[float] = []
        for i in range(args.runs):
            with_plugin.append(timed_build(site, work / f"a{i}"))
            without.append(timed_build(plain, work / f"b{i}"))
    a, b = statistics.median(with_plugin), statistics.median(without)
    print(f"site: {site}")
    print(f"runs: {args.runs} each, alternating")
    print(f"with plugin   median {a:.3f} s  ({', '.join(f'{x:.2f}' for x in with_plugin)})")
    print(f"plain MkDocs  median {b:.3f} s  ({', '.join(f'{x:.2f}' for x in without)})")
    print(f"ratio {a / b:.3f}  (plugin adds {100 * (a / b - 1):+.1f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
