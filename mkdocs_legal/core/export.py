"""Everything the MkDocs plugin publishes, as files for any static site generator.

`export_site` asks the same pipeline the plugin asks (`Project` → `publication` →
`pages_for`, banner facts, feed, manifest) for every page of every language on the build
date, and gives each page's Markdown with its banner and redline already in it:

- documents, dated versions, redlines and the changelog as Markdown, named as
  mkdocs-static-i18n and zensical-i18n name a user's pages (`privacy.sv.md`, or
  `sv/privacy.md` with the `folder` layout), so they get the plugin's URLs;
- one Atom feed per language beside its changelog, `legal.json` at the root, and the
  stylesheet the plugin adds (`assets/stylesheets/legal.css`).

Links between pages are Markdown links to the other page's file as named in the same
language without a suffix (`cookies.md`), which mkdocs-static-i18n and zensical-i18n
resolve to the page of the language being built, so they get the URLs the plugin's pages
have. Links in the banners are raw HTML, which MkDocs leaves as it is and Zensical
rewrites as if relative to the source file, so they are absolute paths on the site
(`/sv/changelog/`, below the path of `site_url`), which both leave alone.

`write_export` puts the files into a docs folder that the host site also uses: it writes
and replaces only files listed in its own record (`RECORD`) of the previous export,
refuses to overwrite anything else, and writes nothing when it refuses.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .banner import BANNER_TEMPLATE, STYLESHEET, TEMPLATES, Banner
from .feed import changelog_feed
from .language import Language
from .manifest import manifest
from .pages import HIDDEN, Layout, PageSpec, pages_for
from .project import Project
from .proof.published import PROOF_DIR, published
from .publication import Publication
from .records import record
from .sitepaths import (
    FEED_NAME,
    MANIFEST_NAME,
    Site,
    absolute,
    dest_url,
    feed_uri,
    relative_link,
    site_path,
    src_uri,
)

RECORD = ".mkdocs-legal-export.json"
"""The export's record of the files it wrote (path → sha256), in the folder it wrote to."""

MATERIAL_CONSENT = "#__consent"
"""Where a `legal:consent` link points when the theme shows Material's consent dialog."""

HISTORY_FRONT_MATTER = """\
---
search:
  exclude: true
sitemap: false
nav_exclude: true
build:
  list: never
---

"""
"""Front matter of dated versions and redlines: out of the search index (Material,
Zensical), the sitemap (jekyll-sitemap), the nav (Jekyll themes such as Just the Docs) and
section lists (Hugo's `build.list`)."""


@record
class Target:
    """The site the files are for."""

    structure: str
    """`suffix`, `folder` or `none` (one language, no i18n plugin)."""
    paths: Mapping[str, str]
    """document id → page path, as the plugin's `documents` option sets it"""
    changelog: str = "changelog"
    site_url: str | None = None
    use_directory_urls: bool = True
    custom_dir: Path | None = None
    """The theme's `custom_dir`, whose `partials/legal-banner.html` overrides the banner."""
    config: Mapping[str, Any] | None = None
    """The site's configuration, as the banner template sees it (`config`)."""


def structure_of(config: Mapping[str, Any], languages: Sequence[str], layout: str | None) -> str:
    """The file naming: `layout` if given, else the i18n plugin's `docs_structure`, else
    `suffix` for a multi-language site and `none` for one language."""
    if layout is not None:
        return layout
    from .siteconfig import _plugin_entries

    i18n = _plugin_entries(dict(config)).get("i18n")
    if isinstance(i18n, dict) and i18n.get("docs_structure") in ("suffix", "folder"):
        return str(i18n["docs_structure"])
    return "suffix" if len(languages) > 1 else "none"


def chosen_documents(project: Project, paths: Mapping[str, str]) -> list[str]:
    """The documents to publish: those the plugin options name, else all with facts."""
    return [d for d in project.documents if not paths or d in paths]


class _Jinja:
    """The banner template: the user's override from `custom_dir`, else the plugin's."""

    def __init__(self, custom_dir: Path | None) -> None:
        from jinja2 import Environment, FileSystemLoader

        folders = [str(p) for p in (custom_dir, TEMPLATES) if p is not None]
        self.template = Environment(loader=FileSystemLoader(folders)).get_template(BANNER_TEMPLATE)

    def render(self, context: dict[str, Any], page_url: str, config: Mapping[str, Any]) -> str:
        return self.template.render(banner=context, page={"url": page_url}, config=config)


def export_site(
    project: Project,
    target: Target,
    *,
    publication: Publication | None = None,
    consent: bool = False,
) -> dict[str, str | bytes]:
    """Every file the plugin would publish on the build date: path in the docs folder → text
    (bytes for the time stamps' tokens).

    `consent`: the site shows Material's consent dialog (`extra.consent`), so the cookie
    policy's "change your cookie settings" links open it, as with the plugin."""
    publication = publication or project.publication()
    languages = project.languages
    default = languages[0]
    documents = chosen_documents(project, target.paths)
    layout = Layout(
        {d: target.paths.get(d, d) for d in documents},
        target.changelog,
        MATERIAL_CONSENT if consent else None,
    )
    jinja = _Jinja(target.custom_dir)
    redlines: dict[tuple[str, str], str] = {}

    def redline(old: str, new: str) -> str:
        from .redline import redline_markdown

        key = (old, new)
        if key not in redlines:
            redlines[key] = redline_markdown(old, new)
        return redlines[key]

    out: dict[str, str | bytes] = {}
    udu = target.use_directory_urls
    for language in languages:
        site = Site(languages, default, language, target.structure)
        lang = Language(language, default=default, fallback=project.settings.fallback)
        feed = feed_uri(site, layout.changelog)
        feed_src = _static_src(site, feed)
        # Links name the other page as a page of the same language is named without a
        # language (`cookies.md`): mkdocs-static-i18n and zensical-i18n resolve that name to
        # the page in the language being built.
        plain = Site(languages, language, language, "none")
        specs = pages_for(
            project.loaded.data,
            publication,
            documents,
            lang,
            layout,
            _links(plain),
            redline,
            feed=posixpath.relpath(
                f"{layout.changelog}/{FEED_NAME}", posixpath.dirname(layout.changelog) or "."
            ),
        )
        pages = {spec.path for spec in specs}

        def url(path: str, site: Site = site, pages: set[str] = pages) -> str | None:
            if path not in pages:
                return None
            return site_path(target.site_url, dest_url(site, path, site.current, udu))

        banner = Banner(publication, layout, lang, url)
        for spec in specs:
            page_url = dest_url(site, spec.path, language, udu)
            out[src_uri(site, spec.path, language)] = _page(
                spec, banner, jinja, page_url, target.config or {}
            )
        out[feed_src] = changelog_feed(
            project.loaded.data,
            publication,
            documents,
            lang,
            site_url=target.site_url,
            changelog_url=dest_url(site, layout.changelog, language, udu),
            feed_url=feed,
            timezone=project.settings.timezone,
        )

    def url_of(document: str, language: str, effective: date | None, changes: bool) -> str:
        site = Site(languages, default, language, target.structure)
        url = dest_url(site, layout.page(document, effective, changes), language, udu)
        return absolute(target.site_url, url)

    proofs, stamped = published(project.history_dir, target.site_url)
    for name, content in proofs.items():  # time-stamped releases (`release --tsa`)
        out[f"{PROOF_DIR}/{name}"] = content
    out[MANIFEST_NAME] = manifest(
        project.loaded.data,
        publication,
        documents,
        languages,
        url_of,
        project.today(),
        proofs=stamped,
    )
    out[STYLESHEET] = (TEMPLATES / STYLESHEET).read_text(encoding="utf-8")
    return out


def _links(site: Site) -> Callable[[str, str], str]:
    """Markdown links between the pages of one language: to the other page's file."""
    return lambda a, b: relative_link(site, a, b, site.current)


def _static_src(site: Site, published: str) -> str:
    """The source name of a file that is published at `published` (a site path)."""
    if site.structure == "none" or site.current == site.default:
        return f"{site.current}/{published}" if site.structure == "folder" else published
    inner = published.removeprefix(f"{site.current}/")
    if site.structure == "folder":
        return f"{site.current}/{inner}"
    stem, dot, suffix = inner.rpartition(".")
    return f"{stem}.{site.current}.{suffix}" if dot else f"{inner}.{site.current}"


def _page(
    spec: PageSpec, banner: Banner, jinja: _Jinja, page_url: str, config: Mapping[str, Any]
) -> str:
    """A page's Markdown as the plugin gives it to MkDocs, with its banner in front."""
    hidden = spec.markdown.startswith(HIDDEN)
    body = spec.markdown[len(HIDDEN) :] if hidden else spec.markdown
    front = HISTORY_FRONT_MATTER if hidden else ""
    if spec.item is None or spec.kind == "changes":
        return front + body
    html = jinja.render(banner.context(spec), page_url, config).strip()
    return f"{front}{html}\n\n{body}"


# --- writing into a docs folder ------------------------------------------------------------


def sha256(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


def previous_record(out: Path) -> dict[str, str]:
    """The files the previous export wrote into `out` (path → sha256); none if unreadable."""
    try:
        found = json.loads((out / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = found.get("files") if isinstance(found, dict) else None
    if not isinstance(files, dict):
        return {}
    return {str(k): str(v) for k, v in files.items() if _inside(str(k))}


def _inside(path: str) -> bool:
    """A relative path that stays in the folder (a tampered record cannot reach outside)."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and ".." not in parts and "\\" not in path


def clashes(out: Path, files: Mapping[str, str | bytes], ours: Mapping[str, str]) -> list[str]:
    """Host files at the export's paths (files or folders the previous export did not
    write), one message each."""
    found = []
    for path in sorted(files):
        here = out / path
        linked = next((p for p in _folders(out, path) if p.is_symlink()), None)
        if linked is not None:
            found.append(
                f"{linked}: error: a symbolic link where the export writes {path}; the export "
                "writes only into real folders below the one it is given"
            )
        elif (here.exists() or here.is_symlink()) and path not in ours:
            found.append(
                f"{here}: error: not a file an earlier `mkdocs-legal export` wrote, and the "
                "export would replace it. Move or rename that file, or give the generated page "
                "another path with the plugin's `documents: {<id>: {path: …}}` or "
                "`changelog: {path: …}` option in mkdocs.yml"
            )
    return found


def _folders(out: Path, path: str) -> list[Path]:
    """The folders between `out` and the file at `path` below it."""
    parts = path.split("/")[:-1]
    return [out.joinpath(*parts[: i + 1]) for i in range(len(parts))]


def write_export(out: Path, files: Mapping[str, str | bytes]) -> tuple[list[str], list[str]]:
    """Write `files` into `out`, replacing the previous export's files; (written, removed).

    Every file is first written into a temporary folder beside `out`, then moved into
    place; files of the previous export that are not written again are removed (unless a
    user changed them since). Call `clashes` first: this does not check for host files."""
    ours = previous_record(out)
    fresh = not out.exists()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".mkdocs-legal-export-", dir=out.parent))
    try:
        for path, text in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                target.write_bytes(text)
                continue
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        record_text = json.dumps(
            {
                "generator": "mkdocs-legal",
                "files": {p: sha256(t) for p, t in sorted(files.items())},
            },
            indent=2,
            sort_keys=True,
        )
        (staging / RECORD).write_text(record_text + "\n", encoding="utf-8")
        if fresh:  # a new folder: the whole of it moves into place at once
            staging.chmod(0o777 & ~_umask())
            os.replace(staging, out)
            return sorted(files), []
        written = []
        for path, text in sorted(files.items()):
            if ours.get(path) == sha256(text) and (out / path).is_file():
                continue  # unchanged: keep the file (and its modification time)
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / path, out / path)
            written.append(path)
        removed = []
        for path, digest in sorted(ours.items()):
            here = out / path
            if path in files or not here.is_file():
                continue
            if sha256(here.read_bytes()) == digest:
                here.unlink()
                removed.append(path)
                _prune(here.parent, out)
        os.replace(staging / RECORD, out / RECORD)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written, removed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _prune(folder: Path, root: Path) -> None:
    """Remove folders the export emptied, up to `root`."""
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
