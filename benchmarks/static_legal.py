"""MkDocs hook for the benchmark's plain copy of a site: what a hand-written site configures.

The `legal` plugin fills Material's `extra.consent` in each language and gives every page
the notice of upcoming versions for the announce bar. A site written by hand would have
both in its configuration and templates, so the plain copy gets them too, from the JSON
that `capture.py` recorded (`LEGAL_STATIC`, next to this hook in the plain site).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_STATIC = json.loads((Path(__file__).parent / "static_legal.json").read_text(encoding="utf-8"))


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language", "en")


@event_priority(-1000)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    consent = _STATIC["consent"].get(_language(config))
    if consent is not None:
        config.extra["consent"] = consent
    return files


@event_priority(-1000)
def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    notice = _STATIC["notices"].get(f"{_language(config)}:{page.file.src_uri}")
    if notice is not None:
        context["legal_notice"] = notice
    return context
