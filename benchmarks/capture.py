"""MkDocs hook that records what the `legal` plugin adds to a build, for the benchmark.

Added to a copy of a site's `mkdocs.yml` under `hooks:` for one build; it writes
JSON to the file named by the environment variable `LEGAL_CAPTURE`:

    {"structure": "suffix", "default": "en", "languages": [...],
     "files":   [{"language", "src_uri", "dest_uri", "page", "content"}, …],
     "banners": {src_uri: HTML the plugin put before the page's content},
     "consent": {language: the `extra.consent` the plugin filled in},
     "notices": {"<language>:<src_uri>": the page's `legal_notice` context}}

A site written by hand would have the same consent settings and announce-bar notice;
`static_legal.py` gives them to the benchmark's plain copy.

Its events run after every plugin's (priority -1000), once per language pass.
"""

from __future__ import annotations

import json
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

PLUGIN = "legal"
_files: list[dict[str, Any]] = []
_banners: dict[str, str] = {}
_site: dict[str, Any] = {}
_consent: dict[str, Any] = {}
_notices: dict[str, Any] = {}


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


@event_priority(-1000)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    i18n = _i18n(config)
    language = getattr(i18n, "current_language", None) or config.theme.get("language", "en")
    if i18n is not None:
        _site["structure"] = str(i18n.config.docs_structure)
        _site["default"] = i18n.default_language
        _site["languages"] = list(i18n.build_languages)
    else:
        _site.update(structure="none", default=language, languages=[language])
    if "consent" in config.extra:
        _consent[language] = config.extra["consent"]
    for file in files:
        if file.generated_by == PLUGIN:
            _files.append(
                {
                    "language": language,
                    "src_uri": file.src_uri,
                    "dest_uri": file.dest_uri,
                    "page": file.is_documentation_page(),
                    "content": file.content_string,
                }
            )
    return files


@event_priority(-1000)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # `page.content` still holds the HTML from before any plugin's on_page_content; the
    # plugin puts the banner in front of it (and may mark links further on).
    before = page.content or ""
    at = html.find(before[:200]) if before else -1
    if page.file.generated_by == PLUGIN and at > 0:
        _banners[page.file.src_uri] = html[:at]
    return html


@event_priority(-1000)
def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    notice = context.get("legal_notice")
    if notice is not None:
        language = getattr(_i18n(config), "current_language", None) or "en"
        _notices[f"{language}:{page.file.src_uri}"] = notice
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    target = os.environ["LEGAL_CAPTURE"]
    captured = {**_site, "files": _files, "banners": _banners}
    captured.update(consent=_consent, notices=_notices)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(captured, handle, ensure_ascii=False, default=str)
