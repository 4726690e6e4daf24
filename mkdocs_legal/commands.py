"""`release`, `diff` and `status`: the commands that work with the history folder (SPEC §5, §7)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from .core.findings import LegalDataError, errors, warnings
from .core.language import MissingTranslation
from .core.project import Project
from .core.publication import Publication
from .core.siteconfig import find_settings, languages_for

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """Stops a command with a message for stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_FINDINGS) -> None:
        super().__init__(message)
        self.code = code


def open_project(file: Path | None, lang: str | None, history_dir: Path | None) -> Project:
    """The data file with the languages and history folder of the site it belongs to."""
    settings = find_settings(file, Path.cwd())
    languages = languages_for(lang, settings.languages, settings.data)
    try:
        return Project.open(settings, languages, history_dir)
    except LegalDataError as exc:
        raise CommandError("\n".join(f.format() for f in exc.findings)) from None


def _render_guard(project: Project) -> None:
    try:
        project.rendered(project.documents[0], project.languages[0])
    except MissingTranslation as exc:
        raise CommandError(
            f"{project.settings.data}: a text has no {exc.language!r} version "
            f"({', '.join(sorted(exc.value))} only); add it or set `fallback: true`"
        ) from None


def cmd_release(args: argparse.Namespace) -> int:
    """Freeze the newest version of every document in every language; never rewrite."""
    project = open_project(args.file, args.lang, args.history_dir)
    _render_guard(project)
    broken = errors(project.history.findings)  # e.g. a dangling link: fix the folder first
    if broken:
        raise CommandError("\n".join(f.format() for f in broken))
    plan = project.plan_release()
    conflicts = [p for p in plan if p.state == "conflict"]
    if conflicts:
        for item in conflicts:
            reason = (
                "was edited after release (its sha256 no longer matches)"
                if item.existing is not None and not item.existing.intact
                else "differs from the text rendered today"
            )
            print(
                f"{item.path}: {item.text.document} ({item.text.language}), version "
                f"{item.text.version}: the frozen text {reason}; a released text is never "
                "rewritten. Add a new entry to `versions` for the change (listing "
                f"{item.text.document} in its `documents`), then release again",
                file=sys.stderr,
            )
        print(f"release refused: {len(conflicts)} conflict(s); nothing written", file=sys.stderr)
        return EXIT_FINDINGS
    from .core.history import write

    tsa = getattr(args, "tsa", None) or project.settings.tsa
    if tsa:  # every token first: a failed request leaves nothing written
        from .proof_commands import obtain_stamps, write_stamps

        stamped = obtain_stamps(project, plan, tsa)
    for path in write(plan):
        print(f"wrote {path}")
    texts = project.record_texts()
    if texts is not None:
        print(f"wrote {texts}")
    if tsa:
        write_stamps(project, stamped)
    unchanged = sum(1 for p in plan if p.state == "unchanged")
    if unchanged:
        print(f"{unchanged} text(s) already released and unchanged")
    return EXIT_OK


def version_text(
    project: Project, document: str, language: str, when: str, option: str, *, frozen: bool = False
) -> str:
    """The text of `document`'s version effective on `when` (`option` names it in errors):
    a frozen text, or the newest version's from the data file. With `frozen`, the newest
    version's frozen text when it has one: what was released, not what renders today."""
    try:
        effective = date.fromisoformat(when)
    except ValueError:
        raise CommandError(f"{option}: {when!r} is not a YYYY-MM-DD date", EXIT_USAGE) from None
    timeline = project.publication(effective).timeline(document, language)
    found = next((v for v in timeline.versions if v.effective == effective), None)
    if found is None:
        known = ", ".join(v.effective.isoformat() for v in timeline.versions)
        raise CommandError(f"{document} has no version of {when}; versions: {known}")
    stored = project.history.get(document, language, effective) if frozen else None
    if stored is not None:
        return stored.body
    if found.body is None:
        raise CommandError(
            f"version {when} of {document} ({language}) has no frozen text in {project.history_dir}"
        )
    return found.body


def cmd_diff(args: argparse.Namespace) -> int:
    """A word-level redline between two versions of one document, as text."""
    from .core.redline import redline_text

    project = open_project(args.file, args.lang, args.history_dir)
    if args.document not in project.documents:
        raise CommandError(
            f"no {args.document!r} document; available: {', '.join(project.documents)}",
            EXIT_USAGE,
        )
    language = project.languages[0]
    _render_guard(project)
    # --from is the text as released; without --to, the newer side is today's rendering of
    # the newest version, so `--from <newest>` shows a change not yet recorded (LGL202)
    old = version_text(project, args.document, language, args.from_, "--from", frozen=True)
    if args.to:
        new = version_text(project, args.document, language, args.to, "--to")
    else:
        new = project.publication().timeline(args.document, language).versions[-1].body or ""
    sys.stdout.write(redline_text(old, new))
    return EXIT_OK


def status_rows(project: Project) -> list[dict[str, Any]]:
    """One row per document: in force today, upcoming, and whether a release is due."""
    on = project.today()
    publication = project.publication(on)
    plan = {(p.text.document, p.text.language): p for p in project.plan_release()}
    rows = []
    for document in project.documents:
        timeline = publication.timeline(document, project.languages[0])
        states = [plan[(document, lang)].state for lang in project.languages]
        if "conflict" in states:
            release = "changed"
        elif "new" in states:
            release = "not released"
        else:
            release = "ok"
        current = timeline.current
        rows.append(
            {
                "file": str(project.settings.data),
                "document": document,
                "in_force": current.version.label if current else None,
                "in_force_effective": current.effective.isoformat() if current else None,
                "upcoming": [v.effective.isoformat() for v in timeline.upcoming],
                "release": release,
                "needs_release": release != "ok",
            }
        )
    return rows


def cmd_status(args: argparse.Namespace) -> int:
    """For each data file and document: what is in force, what is upcoming, is a release due."""
    rows: list[dict[str, Any]] = []
    failed: list[str] = []
    for file in args.files or [None]:
        try:
            project = open_project(file, args.lang, None)
            _render_guard(project)
            rows.extend(status_rows(project))
            # the publication's errors include the history folder's and a version in force
            # with no frozen text (LGL203), which would fail the site's build
            failed.extend(f.format() for f in errors(project.publication().findings))
        except CommandError as exc:
            failed.append(str(exc))
    if args.format == "json":
        print(json.dumps({"rows": rows, "errors": failed}, indent=2, ensure_ascii=False))
    else:
        _print_table(rows)
        for message in failed:
            print(message, file=sys.stderr)
    due = [r for r in rows if r["needs_release"]]
    if due and args.format != "json":
        _print_due(due)
    return EXIT_FINDINGS if due or failed else EXIT_OK


def _print_due(due: list[dict[str, Any]]) -> None:
    changed = sum(1 for r in due if r["release"] == "changed")
    print()
    if changed:
        print(
            f"{changed} document(s) changed since their last release: add an entry to "
            "`versions` (with a summary), then run `mkdocs-legal release`"
        )
    if len(due) > changed:
        print(f"{len(due) - changed} document(s) not released yet: run `mkdocs-legal release`")


def _print_table(rows: list[dict[str, Any]]) -> None:
    header = ("FILE", "DOCUMENT", "IN FORCE", "UPCOMING", "RELEASE")
    table = [header] + [
        (
            r["file"],
            r["document"],
            r["in_force_effective"] or "-",
            ", ".join(r["upcoming"]) or "-",
            r["release"],
        )
        for r in rows
    ]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for row in table:
        print(
            "  ".join(
                str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)
            ).rstrip()
        )


# --- export and consent: the plugin's output for sites it cannot run in ---------------------


def _site_config(project: Project) -> dict[str, Any]:
    from .core.siteconfig import read_mkdocs_yml

    found = project.settings.config_file
    return read_mkdocs_yml(found) if found is not None else {}


def _legal_paths(config: dict[str, Any]) -> tuple[dict[str, str], str]:
    """The plugin's `documents` and `changelog` paths in `mkdocs.yml`."""
    from .core.siteconfig import _plugin_entries

    options = _plugin_entries(config).get("legal")
    options = options if isinstance(options, dict) else {}
    documents = options.get("documents")
    paths: dict[str, str] = {}
    for document, chosen in documents.items() if isinstance(documents, dict) else []:
        path = chosen.get("path") if isinstance(chosen, dict) else None
        paths[str(document)] = str(path or document).strip("/")
    changelog = options.get("changelog")
    path = changelog.get("path") if isinstance(changelog, dict) else None
    return paths, str(path or "changelog").strip("/")


def _shows_consent_dialog(
    project: Project, config: dict[str, Any], publication: Publication
) -> bool:
    """Whether the site shows Material's (or Zensical's) cookie consent dialog: it has one
    configured, or the plugin would set one up (the `consent` option, a Material-like theme
    and a cookie that needs consent)."""
    if configured_consent(config, project.languages[0], project.languages[0]):
        return True
    theme = config.get("theme")
    name = theme.get("name") if isinstance(theme, dict) else theme
    if not project.settings.consent or name in ("mkdocs", "readthedocs"):
        return False
    return consent_settings(project, config, project.languages[0], publication) is not None


def cmd_export(args: argparse.Namespace) -> int:
    """Write every page, feed and manifest the plugin would publish today into a docs folder."""
    from .cli import check_for_site
    from .core.export import (
        Target,
        clashes,
        export_site,
        previous_record,
        structure_of,
        write_export,
    )

    target_file = args.file or find_settings(None, Path.cwd()).data
    checked, project = check_for_site(args.file, args.lang, args.history_dir)
    findings = list(checked.findings)
    settings = find_settings(args.file, Path.cwd()) if project is None else project.settings
    if project is not None and settings.config_file is None:
        # no site: `check` reads no history folder, but the export needs it (a text
        # missing a language is reported by lint already)
        with contextlib.suppress(MissingTranslation):
            findings += project.publication().findings
    for finding in findings:
        print(finding.format())
    strict = args.strict or settings.strict
    failed = bool(errors(findings)) or (strict and bool(warnings(findings)))
    if failed or project is None:
        counts = f"{len(errors(findings))} error(s), {len(warnings(findings))}"
        print(
            f"export refused: {target_file}: {counts} warning(s)"
            f"{' and --strict' if strict else ''}; nothing written",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    languages = project.languages
    config = _site_config(project)
    paths, changelog = _legal_paths(config)
    base = settings.config_file.parent if settings.config_file else Path.cwd()
    out = args.out or base / str(config.get("docs_dir", "docs"))
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    target = Target(
        structure=structure_of(config, languages, args.layout),
        paths=paths,
        changelog=changelog,
        site_url=args.site_url or (str(config["site_url"]) if config.get("site_url") else None),
        use_directory_urls=bool(config.get("use_directory_urls", True)),
        custom_dir=base / str(custom) if custom else None,
        config=config,
    )
    if target.structure == "none" and len(languages) > 1:
        raise CommandError(
            f"--layout none holds one language; this site has {', '.join(languages)}", EXIT_USAGE
        )
    publication = project.publication()
    consent = _shows_consent_dialog(project, config, publication)
    try:
        files = export_site(project, target, publication=publication, consent=consent)
    except MissingTranslation as exc:
        raise CommandError(
            f"{target_file}: a text has no {exc.language!r} version "
            f"({', '.join(sorted(exc.value))} only); add it or set `fallback: true`"
        ) from None
    drift = consent_drift(project, config, publication) if consent else []
    for message in drift:
        print(message, file=sys.stderr)
    if drift and strict:
        print("export refused: --strict and the consent dialog; nothing written", file=sys.stderr)
        return EXIT_FINDINGS
    refused = clashes(out, files, previous_record(out))
    if refused:
        for message in refused:
            print(message, file=sys.stderr)
        print(f"export refused: {len(refused)} host file(s); nothing written", file=sys.stderr)
        return EXIT_FINDINGS
    _note_published_sources(out, [*project.loaded.files, project.history_dir])
    written, removed = write_export(out, files)
    print(
        f"exported {len(files)} files into {out}: {len(written)} written, "
        f"{len(files) - len(written)} unchanged, {len(removed)} removed"
    )
    return EXIT_OK


def _note_published_sources(out: Path, sources: list[Path]) -> None:
    """Warn when the data file or history folder lies inside the exported docs folder, where
    another generator would publish it (the plugin keeps them out of the site)."""
    root = out.resolve()
    for source in sources:
        if source.resolve().is_relative_to(root):
            print(
                f"warning: {source} lies inside {out}; a generator other than the MkDocs "
                "plugin publishes it with the site: move it out of the docs folder",
                file=sys.stderr,
            )


def consent_settings(
    project: Project, config: dict[str, Any], language: str, publication: Publication
) -> dict[str, Any] | None:
    """`extra.consent` in `language` as the plugin sets it: derived from the cookie table,
    with the texts the site's configuration gives it kept (None: no cookie needs consent)."""
    from .core import drift
    from .core.consent import consent_extra, with_user_settings
    from .core.language import Language
    from .core.sitepaths import Site, dest_url, site_path

    paths, _ = _legal_paths(config)
    links: dict[str, str] = {}
    site = Site(project.languages, project.languages[0], language, "suffix")
    udu = bool(config.get("use_directory_urls", True))
    base = str(config["site_url"]) if config.get("site_url") else None
    for document in ("cookies", "privacy"):
        if document in project.documents and (not paths or document in paths):
            url = dest_url(site, paths.get(document, document), language, udu)
            links[document] = site_path(base, url)
    lang = Language(language, default=project.languages[0], fallback=project.settings.fallback)
    value = consent_extra(
        project.loaded.data,
        lang,
        settings_link=links.get("cookies"),
        privacy_link=links.get("privacy"),
        categories=drift.shown_consent_categories(
            project.loaded.data, publication, project.history_dir, project.languages[0]
        ),
    )
    return with_user_settings(value, configured_consent(config, language, project.languages[0]))


def configured_consent(config: dict[str, Any], language: str, default: str) -> Any:
    """The `extra.consent` a site's configuration gives `language`: the top-level one for
    the default language, else the one in the i18n plugin's entry for the language (which
    mkdocs-static-i18n and zensical-i18n use instead)."""
    from .core.siteconfig import _plugin_entries

    if language != default:
        i18n = _plugin_entries(config).get("i18n")
        entries = i18n.get("languages") if isinstance(i18n, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and entry.get("locale") == language:
                extra = entry.get("extra")
                if isinstance(extra, dict) and "consent" in extra:
                    return extra["consent"]
    extra = config.get("extra")
    return extra.get("consent") if isinstance(extra, dict) else None


def consent_drift(project: Project, config: dict[str, Any], publication: Publication) -> list[str]:
    """Where the site's configured consent dialog disagrees with the cookie table."""
    out = []
    default = project.languages[0]
    for language in project.languages:
        wanted = consent_settings(project, config, language, publication)
        found = configured_consent(config, language, default)
        if wanted == found:
            continue
        where = (
            "`extra.consent`"
            if language == default
            else f"`extra.consent` of `{language}` in the i18n plugin's `languages`"
        )
        what = "has none" if found is None else "differs"
        if wanted is None:
            what = "has one, but no cookie in the cookie table needs consent"
        out.append(
            f"warning: the consent dialog ({where} in mkdocs.yml) {what}: paste the output "
            f"of `mkdocs-legal consent --lang {language}` there, so the dialog and the cookie "
            "table agree"
        )
    return out


def cmd_consent(args: argparse.Namespace) -> int:
    """The consent dialog's settings the plugin derives from the cookie table, for pasting."""
    project = open_project(args.file, None, None)
    _render_guard(project)
    language = args.lang or project.languages[0]
    if language not in project.languages:
        raise CommandError(
            f"--lang {language}: the site's languages are {', '.join(project.languages)}",
            EXIT_USAGE,
        )
    value = consent_settings(project, _site_config(project), language, project.publication())
    if value is None:
        print(
            "no cookie in the cookie table needs consent (there is none, or all are "
            "`necessary`): the site needs no consent dialog",
            file=sys.stderr,
        )
    sys.stdout.write(consent_text(value, args.format))
    return EXIT_OK


def consent_text(value: dict[str, Any] | None, form: str) -> str:
    """`extra.consent` as YAML (for mkdocs.yml), TOML (zensical.toml) or bare JSON."""
    if form == "json":
        return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    if value is None:
        return ""
    if form == "yaml":
        import yaml

        return yaml.safe_dump(
            {"extra": {"consent": value}}, allow_unicode=True, sort_keys=False, width=1000
        )
    return _toml_tables({"project": {"extra": {"consent": value}}})


def _toml_tables(table: dict[str, Any], name: str = "") -> str:
    """A small TOML writer for tables of strings, booleans and lists of strings."""
    lines, nested = [], []
    for key, item in table.items():
        if isinstance(item, dict):
            nested.append((f"{name}.{key}" if name else key, item))
        elif isinstance(item, bool):
            lines.append(f"{key} = {'true' if item else 'false'}")
        elif isinstance(item, list):
            lines.append(f"{key} = [{', '.join(json.dumps(x, ensure_ascii=False) for x in item)}]")
        else:
            lines.append(f"{key} = {json.dumps(str(item), ensure_ascii=False)}")
    out = f"[{name}]\n" + "\n".join(lines) + "\n\n" if lines else ""
    return out + "".join(_toml_tables(sub, sub_name) for sub_name, sub in nested)
