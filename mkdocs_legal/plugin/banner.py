"""Effective-date banners in MkDocs: the core's banner facts, with URLs of MkDocs files.

The facts and sentences come from `core.banner`; the HTML from the theme's
`partials/legal-banner.html`, which a file of the same name in `custom_dir` overrides.
"""

from __future__ import annotations

from collections.abc import Mapping

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..core import banner
from ..core.banner import BANNER_TEMPLATE
from ..core.banner import NoticeItem as NoticeItem
from ..core.banner import notice_items as notice_items
from ..core.language import Language
from ..core.pages import Layout, PageSpec
from ..core.publication import Publication
from . import i18n_bridge


class Banner(banner.Banner):
    """Banner and notice facts for one MkDocs page, with URLs relative to that page."""

    def __init__(
        self,
        publication: Publication,
        site: i18n_bridge.Site,
        layout: Layout,
        files: Mapping[tuple[str, str], File],
        page: Page,
        fallback: bool = False,
    ) -> None:
        def url(path: str) -> str | None:
            file = files.get((path, site.current))
            return get_relative_url(file.url, page.url) if file is not None else None

        lang = Language(site.current, default=site.default, fallback=fallback)
        super().__init__(publication, layout, lang, url)
        self.site = site
        self.page = page

    def render(self, env: Environment, spec: PageSpec, config: MkDocsConfig) -> str:
        template = env.get_template(BANNER_TEMPLATE)
        return template.render(banner=self.context(spec), page=self.page, config=config)
