"""Files that are not pages: the Atom feed per language and `legal.json` at the site root."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..core.changelog import anchor, title
from ..core.language import Language
from ..core.model import LegalData
from ..core.publication import Publication
from ..core.vocabulary import DOCUMENT_TITLES
from . import i18n_bridge

FEED_NAME = "feed.xml"
MANIFEST_NAME = "legal.json"
PROOF_DIR = "legal-proof"
"""Where release records, tokens and the texts they cover are published (as in the history
folder: `legal-proof/releases/E.sha256`, `legal-proof/privacy/E.en.md`)."""


def feed_uri(site: i18n_bridge.Site, changelog: str) -> str:
    """Where this language's feed goes: beside its changelog page."""
    prefix = "" if site.current == site.default else f"{site.current}/"
    return f"{prefix}{changelog}/{FEED_NAME}"


def absolute(site_url: str | None, url: str) -> str:
    """A site URL made absolute with `site_url`, or kept site-relative (`/…`) without it."""
    if site_url:
        return site_url.rstrip("/") + "/" + url.lstrip("/")
    return "/" + url.lstrip("/")


def site_path(site_url: str | None, url: str) -> str:
    """A site URL as an absolute path (`/docs/cookies/` under `site_url` …/docs/), valid on
    every page."""
    base = urlsplit(site_url).path if site_url else "/"
    return base.rstrip("/") + "/" + url.lstrip("/")


def feed_file(config: MkDocsConfig, uri: str, content: str) -> File:
    return File.generated(config, uri, content=content)


def manifest_file(config: MkDocsConfig, content: str) -> File:
    return File.generated(config, MANIFEST_NAME, content=content)


class _ProofFile(File):
    """A published proof file: copied as it is, never rendered (frozen texts end in `.md`)."""

    def is_documentation_page(self) -> bool:
        return False


def proof(
    config: MkDocsConfig, history_dir: Path
) -> tuple[list[File], dict[tuple[str, str, date], dict[str, str]]]:
    """The release records, tokens and frozen texts to publish, and for each time-stamped
    text `(document, language, effective)` what `legal.json` says of its earliest stamp."""
    from ..core.proof.record import lf, stamps

    contents: dict[str, bytes] = {}
    listed: dict[tuple[str, str, date], dict[str, str]] = {}
    for stamp in stamps(history_dir):  # oldest first: the first stamp of a text is kept
        for name in (stamp.record, stamp.token, *stamp.entries):
            if name not in contents and (history_dir / name).is_file():
                content = (history_dir / name).read_bytes()
                contents[name] = content if name == stamp.token else lf(content)
        for path in stamp.entries:
            document, file_name = path.split("/")
            effective, language, _md = file_name.split(".")
            key = (document, language, date.fromisoformat(effective))
            if key not in listed or stamp.time < listed[key]["time"]:
                listed[key] = {
                    "authority": stamp.authority,
                    "time": stamp.time,
                    "record_url": absolute(config.site_url, f"{PROOF_DIR}/{stamp.record}"),
                    "token_url": absolute(config.site_url, f"{PROOF_DIR}/{stamp.token}"),
                    "text_url": absolute(config.site_url, f"{PROOF_DIR}/{path}"),
                }
    files: list[File] = [
        _ProofFile.generated(config, f"{PROOF_DIR}/{name}", content=content)
        for name, content in sorted(contents.items())
    ]
    return files, listed


def feed(
    data: LegalData,
    publication: Publication,
    documents: list[str],
    lang: Language,
    *,
    site_url: str | None,
    changelog_url: str,
    feed_url: str,
    timezone: str,
) -> str:
    """The Atom feed of the changelog in one language: one entry per version."""
    from ..core.feed import FeedEntry, atom, entry_id

    org = data.organisation.name
    entries = []
    for version in sorted(data.versions, key=lambda v: v.effective, reverse=True):
        covered = [
            d
            for d in documents
            if (d, lang.code) in publication.timelines
            and any(v.version is version for v in publication.timelines[(d, lang.code)].versions)
        ]
        if not covered:
            continue
        names = lang.list([lang._(DOCUMENT_TITLES[d]) for d in covered])
        fragment = f"#{anchor(version)}"
        entries.append(
            FeedEntry(
                id=entry_id(site_url, org, "+".join(covered), version.effective),
                title=lang._("{documents}: version of {date}").format(
                    documents=names, date=lang.date(version.effective)
                ),
                updated=version.published or version.effective,
                url=(
                    absolute(site_url, changelog_url)
                    if site_url
                    else get_relative_url(changelog_url, feed_url)
                )
                + fragment,
                summary=lang.text(version.summary) if version.summary is not None else names,
                published=version.published,
                categories=tuple(covered),
            )
        )
    updated = max((e.updated for e in entries), default=min(v.effective for v in data.versions))
    return atom(
        feed_id=entry_id(
            site_url, org, f"feed-{lang.code}", min(v.effective for v in data.versions)
        ),
        title=f"{org}: {title(lang)}",
        language=lang.code,
        self_url=absolute(site_url, feed_url) if site_url else FEED_NAME,
        alternate_url=absolute(site_url, changelog_url)
        if site_url
        else get_relative_url(changelog_url, feed_url),
        updated=updated,
        author=org,
        entries=entries,
        tz=timezone,
    )
