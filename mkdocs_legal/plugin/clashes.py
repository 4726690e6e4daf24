"""Refuse a build in which a generated page would replace a file of the host site.

Compared by destination: where each of the user's files is published (in every language,
as mkdocs-static-i18n places it: `x.sv.md`, `sv/x.md`, a default-language page that falls
back into the other languages, `README.md` and `index.md` alike) against where each page
and file the plugin generates goes (documents, dated versions, redlines, changelog, feed,
`legal.json`), for every language, before anything is written.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Sequence
from pathlib import Path

from mkdocs.structure.files import File

from ..core.pages import Layout
from ..core.publication import Publication
from ..core.records import record
from . import i18n_bridge
from .outputs import FEED_NAME, MANIFEST_NAME


@record
class Generated:
    """Where one generated page or file goes, and the plugin option that moves it."""

    dest: str
    what: str
    option: str | None
    path: str | None = None
    """The page's path (`privacy/2026-03-01`); None for the feed and `legal.json`."""
    language: str | None = None


def generated(
    site: i18n_bridge.Site,
    layout: Layout,
    publication: Publication,
    documents: Sequence[str],
    use_directory_urls: bool,
) -> list[Generated]:
    """Every page and file the plugin will write, in every language."""
    out: list[Generated] = []

    def page(path: str, language: str, what: str, option: str) -> None:
        dest = i18n_bridge.dest_uri(site, path, language, use_directory_urls)
        out.append(Generated(dest, f"{what} ({language})", option, path, language))

    for language in site.languages:
        for document in documents:
            timeline = publication.timelines.get((document, language))
            if timeline is None:
                continue
            option = f"documents: {{{document}: {{path: …}}}}"
            if timeline.shown.body is not None:
                page(layout.paths[document], language, f"the {document} page", option)
            for item in timeline.with_text():
                day = item.effective.isoformat()
                page(
                    layout.version(document, item.effective),
                    language,
                    f"the {document} version of {day}",
                    option,
                )
                if timeline.previous(item) is not None:
                    page(
                        layout.changes(document, item.effective),
                        language,
                        f"the {document} changes of {day}",
                        option,
                    )
        option = "changelog: {path: …}"
        page(layout.changelog, language, "the version history (changelog)", option)
        prefix = "" if language == site.default else f"{language}/"
        out.append(
            Generated(
                f"{prefix}{layout.changelog}/{FEED_NAME}", f"the Atom feed ({language})", option
            )
        )
    out.append(Generated(MANIFEST_NAME, "the manifest legal.json", None))
    return out


def _language_of(site: i18n_bridge.Site, src: str) -> tuple[str | None, str]:
    """(language, source path without its language mark); None: the default language's."""
    if site.structure == "folder":
        first, _, rest = src.partition("/")
        if rest and first in site.languages:
            return first, rest
        return None, src
    if site.structure == "suffix":
        stem, ext = posixpath.splitext(src)
        base, _, mark = stem.rpartition(".")
        if base and mark in site.languages:
            return mark, base + ext
    return None, src


def published(
    site: i18n_bridge.Site, docs_dir: str, use_directory_urls: bool, skip: Iterable[str]
) -> dict[str, str]:
    """Destination → source (relative to docs_dir) of every file of the host site."""
    roots = [os.path.normpath(p) for p in skip]
    out: dict[str, str] = {}
    for folder, dirs, names in os.walk(docs_dir, followlinks=True):
        dirs.sort()
        for name in sorted(names):
            full = os.path.normpath(os.path.join(folder, name))
            if name.startswith(".") or any(full == r or full.startswith(r + os.sep) for r in roots):
                continue
            src = Path(os.path.relpath(full, docs_dir)).as_posix()
            language, norm = _language_of(site, src)
            dest = File(norm, docs_dir, "site", use_directory_urls).dest_uri
            if language is not None:
                targets = [language]
            elif site.structure == "none" or not site.fallback_to_default:
                targets = [site.default]
            else:
                targets = list(site.languages)
            for target in targets:
                prefix = "" if target == site.default else f"{target}/"
                out.setdefault(prefix + dest, src)
    return out


def clashes(made: list[Generated], theirs: dict[str, str]) -> list[str]:
    """One message per generated page that would replace a file of the host site."""
    found = []
    for item in made:
        src = theirs.get(item.dest)
        if src is None:
            continue
        move = (
            f"move the plugin's page with its option `{item.option}`"
            if item.option
            else f"rename {src}"
        )
        found.append(
            f"{src} in docs_dir publishes at /{url(item.dest)}, where the plugin writes "
            f"{item.what}; {move}, or move or remove {src}"
        )
    return found


def url(dest: str) -> str:
    """The site URL of a destination (`privacy/` for `privacy/index.html`)."""
    return dest[: -len("index.html")] if dest.endswith("index.html") else dest
