"""`legal.json`: a machine-readable record of every published version (SPEC §5)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from .model import LegalData
from .publication import Publication

UrlOf = Callable[[str, str, date | None, bool], str]
"""(document, language, effective or None for the document's page, changes?) → site URL."""


def manifest(
    data: LegalData,
    publication: Publication,
    documents: Sequence[str],
    languages: Sequence[str],
    url_of: UrlOf,
    on: date,
    *,
    proofs: Mapping[tuple[str, str, date], Mapping[str, str]] | None = None,
) -> str:
    """The manifest as JSON text: stable key order, so equal inputs give equal bytes.

    `proofs` maps a time-stamped frozen text `(document, language, effective)` to its
    `timestamp` entry: `authority`, `time`, `record_url`, `token_url`, `text_url`.
    """
    org = data.organisation
    out: dict[str, Any] = {
        "schema": 1,
        "date": on.isoformat(),
        "organisation": {
            key: value
            for key, value in (
                ("name", org.name),
                ("org_number", org.org_number),
                ("country", org.address.country if org.address else None),
                ("website", org.website),
            )
            if value is not None
        },
        "languages": list(languages),
        "documents": {},
    }
    for document in documents:
        per_language: dict[str, Any] = {}
        for language in languages:
            timeline = publication.timelines.get((document, language))
            if timeline is None:
                continue
            versions = []
            for item in reversed(timeline.versions):
                has_text = item.body is not None
                has_changes = timeline.previous(item) is not None
                entry: dict[str, Any] = {
                    "effective": item.effective.isoformat(),
                    "version": item.version.label,
                    "state": item.state,
                    "url": url_of(document, language, item.effective, False) if has_text else None,
                    "changes_url": url_of(document, language, item.effective, True)
                    if has_changes
                    else None,
                    "sha256": item.sha256,
                    "released": item.released,
                }
                stamp = (proofs or {}).get((document, language, item.effective))
                if stamp is not None and item.released:
                    entry["timestamp"] = dict(stamp)
                versions.append(entry)
            per_language[language] = {
                "url": url_of(document, language, None, False),
                "shown": timeline.shown.effective.isoformat(),
                "versions": versions,
            }
        out["documents"][document] = per_language
    return json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
