"""Everything that knows mkdocs-static-i18n's internals, in one place.

mkdocs-static-i18n (tested with 1.2–1.3) builds the default language, then calls
MkDocs' `build()` again per language from its `on_post_build`. Its files carry
`locale`, `locale_alternate_of`, `localization`, `alternates` and
`norm_src_uri`, and its sitemap and language switcher read them; generated
files must carry them too, and be registered in `i18n_files_per_language`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core.sitepaths import Site as Site
from ..core.sitepaths import dest_uri as dest_uri
from ..core.sitepaths import dest_url as dest_url
from ..core.sitepaths import relative_link as relative_link
from ..core.sitepaths import src_uri as src_uri


def i18n_plugin(config: MkDocsConfig) -> Any | None:
    plugin = config.plugins.get("i18n")
    return plugin if plugin is not None and hasattr(plugin, "build_languages") else None


def theme_language(config: MkDocsConfig) -> str:
    theme = config.theme
    for key in ("language", "locale"):
        value = theme.get(key) if hasattr(theme, "get") else None
        if value:
            return str(value).replace("_", "-").split("-")[0] if key == "locale" else str(value)
    return "en"


def site(config: MkDocsConfig) -> Site:
    """Languages from the i18n plugin when present, else `theme.language`."""
    plugin = i18n_plugin(config)
    if plugin is None:
        lang = theme_language(config)
        return Site((lang,), lang, lang, "none")
    default = plugin.default_language
    languages = [default, *[lang for lang in plugin.build_languages if lang != default]]
    current = plugin.current_language or default
    return Site(
        tuple(languages),
        default,
        current,
        str(plugin.config.docs_structure),
        bool(plugin.config.fallback_to_default),
    )


def make_file(
    config: MkDocsConfig, site: Site, path: str, language: str, content: str | None
) -> File:
    """A generated page (or, with `content=None`, a bare alternate) for `language`."""
    uri = src_uri(site, path, language)
    if content is None:
        file = File(uri, None, config.site_dir, config.use_directory_urls)
    else:
        file = File.generated(config, uri, content=content)
    file.dest_uri = dest_uri(site, path, language, config.use_directory_urls)
    file.url = file._get_url(config.use_directory_urls)
    if site.structure != "none":
        file.locale = language  # type: ignore[attr-defined]
        file.locale_alternate_of = site.current  # type: ignore[attr-defined]
        file.localization = None if language == site.default else language  # type: ignore[attr-defined]
        file.norm_src_uri = f"{path}.md"  # type: ignore[attr-defined]
        file.alternates = {language: file}  # type: ignore[attr-defined]
    return file


def link_alternates(
    config: MkDocsConfig,
    site: Site,
    path: str,
    file: File,
    languages: Collection[str] | None = None,
) -> None:
    """Point the language switcher, hreflang and sitemap at the page in every language that
    has it (`languages`; default all): a dated version frozen before a language was added
    has no page in it, and the switcher then offers that language's home page instead."""
    if site.structure == "none":
        return
    alternates = {site.current: file}
    for language in site.languages:
        if language != site.current and (languages is None or language in languages):
            alternates[language] = make_file(config, site, path, language, None)
    file.alternates = alternates  # type: ignore[attr-defined]


def register(config: MkDocsConfig, site: Site, files: list[File]) -> None:
    """Add generated pages to i18n's per-language page list (used by its sitemap)."""
    plugin = i18n_plugin(config)
    if plugin is None:
        return
    pages = plugin.i18n_files_per_language.setdefault(site.current, [])
    known = {f.src_uri for f in pages}
    pages.extend(f for f in files if f.src_uri not in known)


def remove_sources(files: Files, paths: list[str]) -> None:
    """Keep the data file and history folder out of the built site."""
    import os

    roots = [os.path.normpath(p) for p in paths]
    for file in list(files):
        src = file.abs_src_path
        if src is None:
            continue
        src = os.path.normpath(src)
        if any(src == root or src.startswith(root + os.sep) for root in roots):
            files.remove(file)
