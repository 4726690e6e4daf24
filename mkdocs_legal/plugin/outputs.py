"""Files that are not pages: the Atom feed per language, `legal.json` at the site root and
the proof of time-stamped releases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..core.feed import changelog_feed
from ..core.proof.published import PROOF_DIR as PROOF_DIR
from ..core.proof.published import published
from ..core.sitepaths import FEED_NAME as FEED_NAME
from ..core.sitepaths import MANIFEST_NAME as MANIFEST_NAME
from ..core.sitepaths import absolute as absolute
from ..core.sitepaths import feed_uri as feed_uri
from ..core.sitepaths import site_path as site_path


def feed_file(config: MkDocsConfig, uri: str, content: str) -> File:
    return File.generated(config, uri, content=content)


def manifest_file(config: MkDocsConfig, content: str) -> File:
    return File.generated(config, MANIFEST_NAME, content=content)


class _ProofFile(File):
    """A published proof file: copied as it is, never rendered (frozen texts end in `.md`)."""

    def is_documentation_page(self) -> bool:
        return False


def proof(
    config: MkDocsConfig, history_dir: Path
) -> tuple[list[File], dict[tuple[str, str, date], dict[str, str]]]:
    """The release records, tokens and frozen texts to publish, and for each time-stamped
    text `(document, language, effective)` what `legal.json` says of its earliest stamp."""
    contents, listed = published(history_dir, config.site_url)
    files: list[File] = [
        _ProofFile.generated(config, f"{PROOF_DIR}/{name}", content=content)
        for name, content in sorted(contents.items())
    ]
    return files, listed


feed = changelog_feed
"""The Atom feed of one language (`core.feed.changelog_feed`)."""
