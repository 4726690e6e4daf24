"""Where the generated pages and files of a site go: source names, URLs and links.

Shared by the MkDocs plugin and `export`, so both put every page at the same address.
Source names follow mkdocs-static-i18n (and zensical-i18n): `privacy.sv.md` with the
`suffix` structure, `sv/privacy.md` with `folder`; a site without i18n has `privacy.md`.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from .records import record

FEED_NAME = "feed.xml"
MANIFEST_NAME = "legal.json"


@record
class Site:
    """The languages of a site and the one being built now."""

    languages: tuple[str, ...]
    default: str
    current: str
    structure: str  # "suffix", "folder" or "none" (no i18n plugin)
    fallback_to_default: bool = False


def src_uri(site: Site, path: str, language: str) -> str:
    """The source name a generated page would have if a user had written it."""
    if site.structure == "folder":
        return f"{language}/{path}.md"
    if site.structure == "suffix" and language != site.default:
        return f"{path}.{language}.md"
    return f"{path}.md"


def dest_uri(site: Site, path: str, language: str, use_directory_urls: bool) -> str:
    prefix = "" if language == site.default else f"{language}/"
    if use_directory_urls:
        return f"{prefix}{path}/index.html"
    return f"{prefix}{path}.html"


def dest_url(site: Site, path: str, language: str, use_directory_urls: bool = True) -> str:
    """The site URL (no leading `/`) of a generated page."""
    uri = dest_uri(site, path, language, use_directory_urls)
    return uri[: -len("index.html")] if uri.endswith("/index.html") else uri


def relative_link(site: Site, from_path: str, to_path: str, language: str) -> str:
    """A Markdown link target from one generated page to another, same language."""
    source = src_uri(site, from_path, language)
    target = src_uri(site, to_path, language)
    return relative_path(target, posixpath.dirname(source))


def relative_path(target: str, folder: str) -> str:
    """`posixpath.relpath(target, folder)` for clean relative paths (no `.` or `..` parts),
    without asking the operating system for the current folder each time."""
    there, here = target.split("/"), folder.split("/") if folder else []
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


def relative_url(url: str, other: str) -> str:
    """`url` relative to the page at `other` (both site URLs), as MkDocs' `get_relative_url`."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    here, there = _parts(other), _parts(url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path.lstrip("/"))[1:]
    return path.split("/") if path else []


def feed_uri(site: Site, changelog: str) -> str:
    """Where a language's feed is published: beside its changelog page."""
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
