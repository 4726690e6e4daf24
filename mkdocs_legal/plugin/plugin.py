"""The `legal` MkDocs plugin: a thin adapter that feeds generated pages to MkDocs.

Event order (with mkdocs-static-i18n, `on_config` … `on_post_build` run once per
language; the data file is read, checked and rendered once per run and cached):

- `on_config`: load the data file (cached by file state), render every document
  in every language, set up the theme folder, `watch` paths and `attr_list`.
- `on_files` (priority -110, after i18n's -100): add this language's pages.
- `on_page_content`: put the effective-date banner on top of each legal page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..core import dates, documents
from ..core.findings import LegalDataError, errors, warnings
from ..core.language import Language, MissingTranslation
from ..core.source import Loaded, Options, fingerprint, load_valid
from . import i18n_bridge
from .config import LegalConfig

log = get_plugin_logger(__name__)

THEME_DIR = str(Path(__file__).parent / "theme")
BANNER_TEMPLATE = "partials/legal-banner.html"


@dataclass(frozen=True)
class GeneratedPage:
    document: str
    language: str
    path: str


class LegalPlugin(BasePlugin[LegalConfig]):
    """Generate legal pages from a data file."""

    def __init__(self) -> None:
        super().__init__()
        self._fingerprint: tuple[tuple[str, int, int], ...] | None = None
        self._loaded: Loaded | None = None
        self._markdown: dict[tuple[str, str], str] = {}
        self._pages: dict[str, GeneratedPage] = {}
        self._site: i18n_bridge.Site | None = None
        self.build_date: date | None = None

    # --- configuration ---------------------------------------------------------------------

    def data_path(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").resolve().parent
        return (base / str(self.config.data_file)).resolve()

    def history_path(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").resolve().parent
        return (base / self.config.history_dir).resolve()

    def doc_path(self, document: str) -> str:
        chosen = (self.config.documents or {}).get(document)
        path = chosen.path if chosen is not None and chosen.path else document
        return str(path).strip("/")

    def changelog_path(self) -> str:
        return str(self.config.changelog.path or "changelog").strip("/")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        data_file = self.data_path(config)
        history = self.history_path(config)
        for watched in (str(data_file), str(history)):
            if watched not in config.watch and os.path.exists(watched):
                config.watch.append(watched)
        if THEME_DIR not in config.theme.dirs:
            config.theme.dirs.append(THEME_DIR)
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")
        try:
            self.build_date = dates.build_date(self.config.today, self.config.timezone)
        except ValueError as exc:
            raise PluginError(f"legal: plugin option `today`/`timezone`: {exc}") from None
        site = i18n_bridge.site(config)
        self._site = site
        self._load(data_file, site)
        self._refuse_clashes(config, site)
        return config

    def _refuse_clashes(self, config: MkDocsConfig, site: i18n_bridge.Site) -> None:
        """Fail before anything is written if a user page would be replaced, in any language."""
        assert self._loaded is not None
        for document in documents.available(self._loaded.data):
            path = self.doc_path(document)
            for language in site.languages:
                uri = i18n_bridge.src_uri(site, path, language)
                if (Path(config.docs_dir) / uri).exists():
                    raise PluginError(
                        f"legal: {uri} in docs_dir would be replaced by the generated "
                        f"{document} page; remove that file, or move the page with "
                        f"`documents: {{{document}: {{path: …}}}}`"
                    )

    def _load(self, data_file: Path, site: i18n_bridge.Site) -> None:
        """Read, check and render everything once; reuse it while the files are unchanged."""
        stamp = (*fingerprint((data_file,)), ("languages", hash(site.languages), 0))
        if stamp == self._fingerprint and self._loaded is not None:
            return
        options = Options(site.languages, self.config.fallback, self.config.consent)
        try:
            loaded = load_valid(data_file, options)
        except LegalDataError as exc:
            self._fingerprint = None
            raise PluginError(_report(exc.findings)) from None
        for finding in loaded.findings:
            log.warning(finding.format())
        if self.config.strict and warnings(loaded.findings):
            raise PluginError(
                f"legal: {len(warnings(loaded.findings))} warning(s) and `strict: true`"
            )
        self._markdown = self._render_all(loaded, site)
        self._loaded = loaded
        self._fingerprint = stamp

    def _render_all(self, loaded: Loaded, site: i18n_bridge.Site) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        available = documents.available(loaded.data)
        for language in site.languages:
            lang = Language(language, default=site.default, fallback=self.config.fallback)
            for document in available:
                links = documents.Links(
                    documents={
                        other: i18n_bridge.relative_link(
                            site, self.doc_path(document), self.doc_path(other), language
                        )
                        for other in available
                        if other != document
                    }
                )
                try:
                    rendered = documents.render(loaded.data, document, lang, links)
                except MissingTranslation as exc:
                    raise PluginError(
                        f"legal: {loaded.path}: a text has no {exc.language!r} version "
                        f"({', '.join(sorted(exc.value))} only); add it or set `fallback: true`"
                    ) from None
                out[(document, language)] = rendered.to_markdown()
        return out

    # --- pages -----------------------------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has localised the user's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled or self._loaded is None:
            return files
        site = i18n_bridge.site(config)
        self._site = site
        i18n_bridge.remove_sources(
            files, [str(self.data_path(config)), str(self.history_path(config))]
        )
        added: list[File] = []
        for document in documents.available(self._loaded.data):
            path = self.doc_path(document)
            uri = i18n_bridge.src_uri(site, path, site.current)
            existing = files.get_file_from_path(uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(
                    f"legal: {existing.src_uri} in docs_dir would be replaced by the generated "
                    f"{document} page; remove that file, or move the page with "
                    f"`documents: {{{document}: {{path: …}}}}`"
                )
            markdown = self._markdown[(document, site.current)]
            file = i18n_bridge.make_file(config, site, path, site.current, markdown)
            i18n_bridge.link_alternates(config, site, path, file)
            files.append(file)
            added.append(file)
            self._pages[file.src_uri] = GeneratedPage(document, site.current, path)
        i18n_bridge.register(config, site, added)
        return files

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        generated = self._pages.get(page.file.src_uri)
        if generated is None or self._loaded is None or self.build_date is None:
            return html
        return self._banner(generated, page, config) + html

    def _banner(self, generated: GeneratedPage, page: Page, config: MkDocsConfig) -> str:
        assert self._loaded is not None and self.build_date is not None
        versions = dates.versions_of(self._loaded.data, generated.document)
        current = dates.in_force(versions, self.build_date) or (versions[0] if versions else None)
        if current is None:
            return ""
        site = self._site or i18n_bridge.site(config)
        lang = Language(generated.language, default=site.default)
        state = "current" if current.effective <= self.build_date else "upcoming"
        env = config.theme.get_env()
        template = env.get_template(BANNER_TEMPLATE)
        return template.render(
            banner={
                "state": state,
                "document": generated.document,
                "effective": current.effective.isoformat(),
                "effective_text": lang.date(current.effective),
                "version": current.label,
                "text": {
                    "effective_from": lang._("Effective from"),
                    "takes_effect": lang._("This version takes effect on"),
                    "version": lang._("Version"),
                    "label": lang._("Version information"),
                },
            },
            page=page,
            config=config,
        )


def _report(findings: list[Any]) -> str:
    shown = errors(findings) or findings
    lines = [f.format() for f in shown]
    return "legal: the data file has errors:\n  " + "\n  ".join(lines)
