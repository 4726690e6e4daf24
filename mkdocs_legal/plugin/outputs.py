"""Files that are not pages: the Atom feed per language and `legal.json` at the site root."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..core.feed import changelog_feed
from ..core.sitepaths import FEED_NAME as FEED_NAME
from ..core.sitepaths import MANIFEST_NAME
from ..core.sitepaths import absolute as absolute
from ..core.sitepaths import feed_uri as feed_uri
from ..core.sitepaths import site_path as site_path


def feed_file(config: MkDocsConfig, uri: str, content: str) -> File:
    return File.generated(config, uri, content=content)


def manifest_file(config: MkDocsConfig, content: str) -> File:
    return File.generated(config, MANIFEST_NAME, content=content)


feed = changelog_feed
"""The Atom feed of one language (`core.feed.changelog_feed`)."""
