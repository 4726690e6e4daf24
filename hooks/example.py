"""MkDocs hook of the documentation site: build the live example into its `/example/` folder.

The example (`example/mkdocs.yml`: the legal pages of a fictional company, in English and
Swedish, with its cookie consent dialog and announce bar) is a site of its own, so that
nothing of it shows on the documentation's pages. After each build of the documentation,
`mkdocs build` or `mkdocs serve`, this builds the example with the same MkDocs, in the same
process, into `<site_dir>/example/`; with `--strict`, a warning of the example fails the
build too. `mkdocs serve` watches the example's folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

EXAMPLE = "example"
"""The example's folder beside `mkdocs.yml`, and its path in the built site."""


def example_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / EXAMPLE


def on_post_build(config: MkDocsConfig) -> None:
    source = example_dir(config)
    example = load_config(
        str(source / "mkdocs.yml"),
        site_dir=str(Path(config.site_dir) / EXAMPLE),
        strict=bool(config.strict),
    )
    example.plugins.on_startup(command="build", dirty=False)
    try:
        build(example)
    finally:
        example.plugins.on_shutdown()


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(example_dir(config)))
    return server
