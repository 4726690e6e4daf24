"""Keep the search index of `mkdocs serve --dirty` from growing with every rebuild.

Material's search plugin keeps the index of the previous build under dirty reload and,
assuming one page was rebuilt, drops the previous entries of the first rebuilt page only
(`SearchIndex.generate_search_index`). The plugin's pages are generated, so MkDocs rebuilds
every one of them, in every language, on every dirty rebuild: the previous entries of all but
one stayed beside the new ones. mkdocs-static-i18n then joins the index of every language
pass (each already holding the previous build's entries) into one, so the index more than
doubled with each rebuild, and its de-duplication, quadratic in the index's size, took ever
longer. So, before the search plugin writes a pass's index, the previous entries of every
page rebuilt in that pass, and of every generated page in any language, are dropped
(`drop_rebuilt`), and after the last pass the index is
written once more without exact duplicates (`write_unique`).
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

SEARCH_PLUGINS = ("search", "material/search")


def _page(location: object) -> str:
    return str(location).split("#", 1)[0]


def _key(entry: dict[str, Any]) -> tuple[str, str, str]:
    return (str(entry.get("location")), str(entry.get("title")), str(entry.get("text")))


def _unique(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for entry in entries:
        key = _key(entry)
        if key not in seen:
            seen.add(key)
            out.append(entry)
    return out


def _searches(config: MkDocsConfig) -> list[Any]:
    """Material's search plugin (the only one that keeps an index across rebuilds)."""
    return [
        plugin
        for name, plugin in config.plugins.items()
        if name in SEARCH_PLUGINS and hasattr(plugin, "search_index_prev")
    ]


def drop_rebuilt(config: MkDocsConfig, generated: Set[str] = frozenset()) -> int:
    """Remove from the previous index the entries of the pages this pass indexed anew, of
    the `generated` pages (site URLs, in every language: each is rebuilt in its own pass),
    and exact duplicates; how many entries were removed."""
    removed = 0
    for plugin in _searches(config):
        prev, index = plugin.search_index_prev, getattr(plugin, "search_index", None)
        entries = getattr(index, "entries", None)
        old = getattr(prev, "entries", None)
        if not entries or not isinstance(old, list) or prev is index:
            continue
        rebuilt = {_page(entry.get("location")) for entry in entries} | generated
        kept = _unique([entry for entry in old if _page(entry.get("location")) not in rebuilt])
        removed += len(old) - len(kept)
        prev.entries = kept
    return removed


def write_unique(config: MkDocsConfig) -> int:
    """After the last pass: write the index again without exact duplicates (and keep that
    as the previous index of the next rebuild); how many entries were removed."""
    removed = 0
    for plugin in _searches(config):
        index: Any = getattr(plugin, "search_index", None)
        entries = getattr(index, "entries", None)
        if not getattr(plugin, "is_dirty", False) or not isinstance(entries, list):
            continue
        unique = _unique(entries)
        if len(unique) == len(entries):
            continue
        removed += len(entries) - len(unique)
        index.entries = unique
        plugin.search_index_prev = None  # or the search plugin merges it in again
        plugin.on_post_build(config=config)
    return removed
