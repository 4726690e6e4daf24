"""The `legal` MkDocs plugin: a thin adapter that feeds generated pages to MkDocs.

Event order (with mkdocs-static-i18n, `on_config` … `on_post_build` run once per
language; the data file and history folder are read, checked and rendered once
per run and cached):

- `on_config` (priority -110, after i18n has chosen the language): load and check
  the data file and history folder, decide what is published on the build date,
  fill `extra.consent` in this language; set up theme folder, `watch`, `attr_list`.
- `on_files` (priority -110, after i18n's -100): add this language's pages, feed
  and (default language) `legal.json`.
- `on_nav`: keep dated versions and redlines out of an automatic nav.
- `on_page_context`: banner, canonical address and the announce-bar notice.
- `on_page_content`: the page's HTML through the allowlist (`core.sanitize`), then its banner.
- `on_post_build` (50, before search; -110, after i18n): under `serve --dirty`, keep the
  search index from growing with each rebuild (see `search.py`).
"""

from __future__ import annotations

import os
import posixpath
import re
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..core import dates, documents, drift, history
from ..core.findings import Finding, LegalDataError, errors, warnings
from ..core.language import Language, MissingTranslation
from ..core.pages import Layout, PageSpec, pages_for
from ..core.project import render_all
from ..core.publication import Publication, publish
from ..core.sanitize import clean_html
from ..core.source import Loaded, Options, fingerprint, load_valid
from . import i18n_bridge, outputs
from .banner import Banner, NoticeItem, notice_items
from .config import LegalConfig
from .html import mark_bare_links, page_wrapper

log = get_plugin_logger(__name__)

THEME_DIR = str(Path(__file__).parent / "theme")
STYLESHEET = "assets/stylesheets/legal.css"
MATERIAL_CONSENT = "#__consent"
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


class _Compiled(BytecodeCache):
    """Compiled templates, kept for the run: each language pass has a new Jinja
    environment, and the banner's template is compiled once, not once per pass."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.codes:  # checked against the template's source checksum
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


class LegalPlugin(BasePlugin[LegalConfig]):
    """Generate legal pages from a data file."""

    def __init__(self) -> None:
        super().__init__()
        self._fingerprint: tuple[Any, ...] | None = None
        self._loaded: Loaded | None = None
        self._rendered: dict[tuple[str, str], str] = {}
        self._history_stamp: tuple[Any, ...] | None = None
        self._history: history.History | None = None
        self._publication: Publication | None = None
        self._published_for: tuple[Any, ...] | None = None
        self._redlines: dict[tuple[str, str], str] = {}
        self._pages: dict[str, PageSpec] = {}
        self._files: dict[tuple[str, str], File] = {}
        self._site: i18n_bridge.Site | None = None
        self._env: Environment | None = None
        self._notice: list[NoticeItem] | None = None
        self._compiled = _Compiled()
        self._documents: list[str] | None = None
        self._layout: Layout | None = None
        self.build_date: date | None = None
        self._strict = False
        self._consent_written: object = None
        self._generated_urls: set[str] = set()
        self._languages_of: dict[str, set[str]] = {}
        """page path → the languages that have that page (for alternates)"""
        self._user_consent: object = None

    # --- configuration ---------------------------------------------------------------------

    def _base(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").resolve().parent

    def data_path(self, config: MkDocsConfig) -> Path:
        return (self._base(config) / str(self.config.data_file)).resolve()

    def history_path(self, config: MkDocsConfig) -> Path:
        return (self._base(config) / self.config.history_dir).resolve()

    def doc_path(self, document: str) -> str:
        chosen = (self.config.documents or {}).get(document)
        path = chosen.path if chosen is not None and chosen.path else document
        return str(path).strip("/")

    def changelog_path(self) -> str:
        return str(self.config.changelog.path or "changelog").strip("/")

    def documents(self) -> list[str]:
        """The documents to publish: those configured, else all the data has facts for."""
        assert self._loaded is not None
        if self._documents is None:  # once per load: banners ask on every page
            have = documents.available(self._loaded.data)
            chosen = self.config.documents
            self._documents = [d for d in have if not chosen or d in chosen]
        return list(self._documents)

    def layout(self, config: MkDocsConfig) -> Layout:
        consent = MATERIAL_CONSENT if config.extra.get("consent") else None
        if self._layout is None or self._layout.consent != consent:
            self._layout = Layout(
                {d: self.doc_path(d) for d in self.documents()}, self.changelog_path(), consent
            )
        return self._layout

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        data_file = self.data_path(config)
        history_dir = self.history_path(config)
        if THEME_DIR not in config.theme.dirs:
            config.theme.dirs.append(THEME_DIR)
        if STYLESHEET not in config.extra_css:  # first: the user's stylesheets win
            config.extra_css.insert(0, STYLESHEET)
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")
        try:
            self.build_date = dates.build_date(self.config.today, self.config.timezone)
        except ValueError as exc:
            raise PluginError(f"legal: plugin option `today`/`timezone`: {exc}") from None
        unknown = sorted(set(self.config.documents or {}) - set(dates.ALL_DOCUMENTS))
        if unknown:
            raise PluginError(
                f"legal: plugin option `documents` names {', '.join(unknown)}; the documents "
                f"are {', '.join(dates.ALL_DOCUMENTS)}"
            )
        if history_dir.exists() and not history_dir.is_dir():
            raise PluginError(
                f"legal: plugin option `history_dir` is {history_dir}, a file; it must be a "
                "folder (`mkdocs-legal release` creates it)"
            )
        # MkDocs counts warnings for `--strict` only when its log level lets them through
        # (`mkdocs build -q` drops them), so the plugin enforces strict mode itself
        self._strict = bool(self.config.strict or config.strict)
        site = i18n_bridge.site(config)
        self._site = site
        if site.current == site.default:
            self._refuse_languages_without_texts(site)
        self._env = None  # the theme's templates in this pass's language
        self._notice = None
        self._load(data_file, site)
        assert self._loaded is not None
        for watched in (*map(str, self._loaded.files), str(history_dir)):
            if watched not in config.watch and os.path.exists(watched):
                config.watch.append(watched)
        self._publish(history_dir, site)
        self._set_consent(config, site)
        if site.current == site.default:
            _note_third_parties(config)
            from ..core.siteconfig import site_url_findings

            config_file = Path(config.config_file_path) if config.config_file_path else None
            self._report(site_url_findings(config_file, config.site_url))
        self._refuse_clashes(config, site)
        return config

    def _refuse_languages_without_texts(self, site: i18n_bridge.Site) -> None:
        """A site language without a built-in catalog: an error, or with `fallback: true` a
        warning (said once per build) and pages worded wholly in the default language."""
        from ..core.language import has_catalog, without_catalog_message

        missing = [code for code in site.languages if not has_catalog(code)]
        if not missing:
            return
        message = without_catalog_message(missing, site.default, self.config.fallback)
        if not self.config.fallback:
            raise PluginError(f"legal: {message}")
        log.warning(message)
        if self._strict:
            raise PluginError(f"legal: {message} (a warning, and `--strict`)")

    def _set_consent(self, config: MkDocsConfig, site: i18n_bridge.Site) -> None:
        """Material's consent dialog, in this pass's language (set on every pass: no leaks).

        The user's own `extra.consent` (title, description, actions) is kept: what is found
        there is the user's unless it is the value this plugin wrote on an earlier pass.
        """
        assert self._loaded is not None
        if not self.config.consent or config.theme.name != "material":
            return
        from ..core.consent import consent_extra, with_user_settings

        found = config.extra.get("consent")
        if found is not self._consent_written:
            self._user_consent = found
        lang = Language(site.current, default=site.default, fallback=self.config.fallback)
        links = {}
        for document in ("cookies", "privacy"):
            if document in self.documents():
                url = i18n_bridge.dest_url(
                    site, self.doc_path(document), site.current, config.use_directory_urls
                )
                links[document] = outputs.site_path(config.site_url, url)
        value = consent_extra(
            self._loaded.data,
            lang,
            settings_link=links.get("cookies"),
            privacy_link=links.get("privacy"),
            categories=self._cookies_in_force(config),
        )
        value = with_user_settings(value, self._user_consent)
        if value is None:
            config.extra.pop("consent", None)
        else:
            config.extra["consent"] = value
        self._consent_written = value

    def _cookies_in_force(self, config: MkDocsConfig) -> list[str] | None:
        """The cookie categories of the cookie policy shown today, when it is a frozen one."""
        if self._publication is None or "cookies" not in self.documents():
            return None
        assert self._loaded is not None
        site = self._site or i18n_bridge.site(config)
        return drift.shown_consent_categories(
            self._loaded.data, self._publication, self.history_path(config), site.default
        )

    def _refuse_clashes(self, config: MkDocsConfig, site: i18n_bridge.Site) -> None:
        """Fail before anything is written if a generated page or file would replace one of
        the host site's, in any language (once per build: the first pass sees them all)."""
        if site.current != site.default or self._publication is None:
            return
        from . import clashes

        assert self._loaded is not None
        made = clashes.generated(
            site,
            self.layout(config),
            self._publication,
            self.documents(),
            config.use_directory_urls,
        )
        skip = [*map(str, self._loaded.files), str(self.history_path(config))]
        theirs = clashes.published(site, config.docs_dir, config.use_directory_urls, skip)
        self._generated_urls = {clashes.url(m.dest) for m in made}
        self._languages_of = {}
        for item in made:
            if item.path is not None and item.language is not None:
                self._languages_of.setdefault(item.path, set()).add(item.language)
        found = clashes.clashes(made, theirs)
        if found:
            raise PluginError(
                "legal: a generated page would replace a file of the site:\n  " + "\n  ".join(found)
            )

    def _load(self, data_file: Path, site: i18n_bridge.Site) -> None:
        """Read, check and render the newest texts once; reuse them while nothing changed."""
        files = self._loaded.files if self._loaded is not None else (data_file,)
        stamp = (fingerprint(files), site.languages, self.config.fallback, self.config.consent)
        if stamp == self._fingerprint and self._loaded is not None:
            return
        options = Options(site.languages, self.config.fallback, self.config.consent)
        try:
            loaded = load_valid(data_file, options)
        except LegalDataError as exc:
            self._fingerprint = None
            raise PluginError(_report(exc.findings)) from None
        self._report(loaded.findings)
        missing = set(self.config.documents or {}) - set(documents.available(loaded.data))
        for document in sorted(missing):
            log.warning(
                f"the plugin option `documents` lists {document}, but {loaded.path.name} has "
                f"no `{document}` facts, so there is no {document} page"
            )
        try:
            self._rendered = render_all(loaded, site.languages, fallback=self.config.fallback)
        except MissingTranslation as exc:
            raise PluginError(
                f"legal: {loaded.path}: a text has no {exc.language!r} version "
                f"({', '.join(sorted(exc.value))} only); add it or set `fallback: true`"
            ) from None
        self._loaded = loaded
        self._documents = self._layout = None
        self._fingerprint = (fingerprint(loaded.files), *stamp[1:])
        self._published_for = None

    def _publish(self, history_dir: Path, site: i18n_bridge.Site) -> None:
        """Read the history folder (when it changed) and decide what is shown on the build date."""
        assert self._loaded is not None and self.build_date is not None
        stamp = history.fingerprint(history_dir)
        if stamp != self._history_stamp or self._history is None:
            self._history = history.scan(history_dir)
            self._history_stamp = stamp
            self._published_for = None
        key = (self._fingerprint, stamp, self.build_date, tuple(self.documents()))
        if key == self._published_for:
            return
        publication = publish(
            self._loaded.data,
            self.documents(),
            site.languages,
            lambda document, language: self._rendered[(document, language)],
            self._history,
            history_dir,
            self.build_date,
            self._loaded.located,
        )
        publication.findings += drift.stale(
            self._loaded.located, self._loaded.data, history_dir, site.default
        )
        self._report(publication.findings)
        self._publication = publication
        self._published_for = key

    def _report(self, findings: list[Finding]) -> None:
        for finding in findings:
            if finding.severity == "warning":
                log.warning(finding.format())
        if errors(findings):
            raise PluginError(_report(findings))
        if self._strict and warnings(findings):
            shown = "\n  ".join(f.format() for f in warnings(findings))
            why = "`strict: true`" if self.config.strict else "`--strict`"
            raise PluginError(f"legal: {len(warnings(findings))} warning(s) and {why}:\n  {shown}")

    # --- pages -----------------------------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has localised the user's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled or self._publication is None or self._loaded is None:
            return files
        site = i18n_bridge.site(config)
        self._site = site
        i18n_bridge.remove_sources(
            files, [*map(str, self._loaded.files), str(self.history_path(config))]
        )
        layout = self.layout(config)
        lang = Language(site.current, default=site.default, fallback=self.config.fallback)
        feed_uri = outputs.feed_uri(site, self.changelog_path())
        changelog_src = i18n_bridge.src_uri(site, self.changelog_path(), site.current)
        specs = pages_for(
            self._loaded.data,
            self._publication,
            self.documents(),
            lang,
            layout,
            lambda a, b: i18n_bridge.relative_link(site, a, b, site.current),
            self._redline,
            feed=posixpath.relpath(feed_uri, posixpath.dirname(changelog_src) or "."),
        )
        added: list[File] = []
        for spec in specs:
            uri = i18n_bridge.src_uri(site, spec.path, site.current)
            existing = files.get_file_from_path(uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(_clash(existing.src_uri, spec.document or spec.kind))
            if existing is not None:
                files.remove(existing)
            file = i18n_bridge.make_file(config, site, spec.path, site.current, spec.markdown)
            i18n_bridge.link_alternates(
                config, site, spec.path, file, self._languages_of.get(spec.path)
            )
            files.append(file)
            if spec.kind in ("document", "changelog"):  # history pages stay out of the sitemap
                added.append(file)
            self._pages[file.src_uri] = spec
            self._files[(spec.path, site.current)] = file
        i18n_bridge.register(config, site, added)
        files.append(outputs.feed_file(config, feed_uri, self._feed(config, site, lang, layout)))
        if site.current == site.default:
            published, proofs = outputs.proof(config, self.history_path(config))
            for file in published:  # time-stamped releases (mkdocs-legal release --tsa)
                existing = files.get_file_from_path(file.src_uri)
                if existing is not None and existing.generated_by is None:
                    raise PluginError(_clash(existing.src_uri, "release proof"))
                files.append(file)
            manifest = self._manifest(config, site, layout, proofs)
            files.append(outputs.manifest_file(config, manifest))
        return files

    def _redline(self, old: str, new: str) -> str:
        from ..core.redline import redline_markdown

        key = (history.digest(old), history.digest(new))
        if key not in self._redlines:
            self._redlines[key] = redline_markdown(old, new)
        return self._redlines[key]

    def _feed(
        self, config: MkDocsConfig, site: i18n_bridge.Site, lang: Language, layout: Layout
    ) -> str:
        assert self._loaded is not None and self._publication is not None
        return outputs.feed(
            self._loaded.data,
            self._publication,
            self.documents(),
            lang,
            site_url=config.site_url,
            changelog_url=i18n_bridge.dest_url(
                site, layout.changelog, site.current, config.use_directory_urls
            ),
            feed_url=outputs.feed_uri(site, layout.changelog),
            timezone=self.config.timezone,
        )

    def _manifest(
        self,
        config: MkDocsConfig,
        site: i18n_bridge.Site,
        layout: Layout,
        proofs: dict[tuple[str, str, date], dict[str, str]],
    ) -> str:
        assert self._loaded is not None and self._publication is not None
        assert self.build_date is not None
        from ..core.manifest import manifest

        def url_of(document: str, language: str, effective: date | None, changes: bool) -> str:
            path = layout.page(document, effective, changes)
            url = i18n_bridge.dest_url(site, path, language, config.use_directory_urls)
            return outputs.absolute(config.site_url, url)

        return manifest(
            self._loaded.data,
            self._publication,
            self.documents(),
            site.languages,
            url_of,
            self.build_date,
            proofs=proofs,
        )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Dated versions and redlines stay out of the nav, even an automatic one."""
        hidden = {uri for uri, spec in self._pages.items() if spec.kind in ("version", "changes")}
        if hidden:
            nav.items = _without(nav.items, hidden)
            for page in nav.pages:
                if page.file.src_uri in hidden:
                    page.previous_page = page.next_page = None
            nav.pages = [p for p in nav.pages if p.file.src_uri not in hidden]
            for before, after in zip(nav.pages, nav.pages[1:], strict=False):
                before.next_page, after.previous_page = after, before
            if nav.pages:
                nav.pages[0].previous_page = nav.pages[-1].next_page = None
        return nav

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """Dated versions and redlines stay out of `sitemap.xml` (with or without i18n)."""
        if template_name == "sitemap.xml" and self._pages:
            hidden = {u for u, spec in self._pages.items() if spec.kind in ("version", "changes")}
            pages = context.get("pages") or []
            context["pages"] = [f for f in pages if f.src_uri not in hidden]
        return context

    @event_priority(50)  # before the search plugin (0) writes this pass's index
    def _search_before(self, *, config: MkDocsConfig) -> None:
        from .search import drop_rebuilt

        drop_rebuilt(config, self._generated_urls)

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has joined every language's index
    def _search_after(self, *, config: MkDocsConfig) -> None:
        from .search import write_unique

        self._report_untranslated()
        i18n = i18n_bridge.i18n_plugin(config)
        if i18n is None or not getattr(i18n, "building", False):  # the last pass only
            write_unique(config)

    on_post_build = CombinedEvent(_search_before, _search_after)

    @staticmethod
    def _report_untranslated() -> None:
        """Built-in messages this pass rendered in English because the page language's catalog
        lacks them (untranslated or fuzzy): a warning per language, so `--strict` fails."""
        from ..core.language import fell_back

        for code, messages in fell_back().items():
            shown = "; ".join(repr(m if len(m) <= 60 else m[:57] + "…") for m in messages[:3])
            more = f" and {len(messages) - 3} more" if len(messages) > 3 else ""
            log.warning(
                f"{len(messages)} built-in text(s) have no {code!r} translation and read in "
                f"English: {shown}{more}. Translate them in "
                f"mkdocs_legal/locale/{code}/LC_MESSAGES/mkdocs_legal.po (see the docs, "
                "'Adding or correcting a language')."
            )

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """A page worded wholly in the default language (its own has no built-in texts,
        `fallback: true`) says so in its `lang`."""
        if page.file.src_uri not in self._pages or self._site is None:
            return output
        lang = Language(
            self._site.current, default=self._site.default, fallback=self.config.fallback
        )
        if lang.wording == lang.code:
            return output
        return _HTML_LANG.sub(f'<html lang="{lang.wording}"', output, count=1)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self._env = env
        return env

    def _banner(self, page: Page, config: MkDocsConfig) -> Banner | None:
        if self._publication is None or self._site is None:
            return None
        return Banner(
            self._publication,
            self._site,
            self.layout(config),
            self._files,
            page,
            self.config.fallback,
        )

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        banner = self._banner(page, config)
        if banner is None:
            return context
        if self._notice is None:  # the same sentences on every page of this language
            self._notice = notice_items(
                banner.publication, banner.layout, banner.lang, self.documents()
            )
        context["legal_notice"] = banner.notice(self._notice)  # type: ignore[typeddict-unknown-key]
        spec = self._pages.get(page.file.src_uri)
        if spec is not None and spec.kind == "version" and spec.item is not None:
            main = self._files.get((self.doc_path(spec.item.document), banner.site.current))
            if spec.item.state == "current" and main is not None and config.site_url:
                page.canonical_url = outputs.absolute(config.site_url, main.url)
        return context

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        spec = self._pages.get(page.file.src_uri)
        if spec is None:
            return html
        html = mark_bare_links(clean_html(html))  # the banner below is the theme's, not data
        if self.layout(config).consent and page.present_anchor_ids is not None:
            # Material writes the consent dialog (`id="__consent"`) into every page when
            # `extra.consent` is set: the links to it are valid for MkDocs' link validation
            page.present_anchor_ids.add(MATERIAL_CONSENT.lstrip("#"))
        if spec.item is not None and spec.kind != "changes":
            banner = self._banner(page, config)
            if banner is not None:
                if self._env is None:  # MkDocs' on_env comes after page content: one per pass
                    self._env = config.theme.get_env()
                    self._env.bytecode_cache = self._compiled
                html = banner.render(self._env, spec, config) + html
        return page_wrapper(spec.kind, spec.document, html)


def _note_third_parties(config: MkDocsConfig) -> None:
    """Say when the theme will load fonts from Google, which the legal pages cannot prevent."""
    if config.theme.name != "material" or "material/privacy" in config.plugins:
        return
    if config.theme.get("font", {}) is not False:
        log.info(
            "theme.font makes Material load Google Fonts from fonts.googleapis.com; set "
            "`font: false` (or use Material's privacy plugin) so the site loads nothing from "
            "other hosts"
        )


def _without(items: list[Any], hidden: set[str]) -> list[Any]:
    kept = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in hidden:
            continue
        if isinstance(item, Section):
            item.children = _without(item.children, hidden)
            if not item.children:
                continue
        kept.append(item)
    return kept


def _clash(uri: str, what: str) -> str:
    return (
        f"legal: {uri} in docs_dir would be replaced by the generated {what} page; remove "
        f"that file, or move the generated page with the plugin's `documents: "
        f"{{<id>: {{path: …}}}}` or `changelog: {{path: …}}` option"
    )


def _report(findings: list[Any]) -> str:
    shown = errors(findings) or findings
    lines = [f.format() for f in shown]
    return "legal: the data file has errors:\n  " + "\n  ".join(lines)
