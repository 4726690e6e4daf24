"""`mkdocs-legal`: check, render, release and inspect the legal data file of a site."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .core.findings import Finding, errors, warnings

if TYPE_CHECKING:
    from datetime import date

    from .core.changelog import UrlOf
    from .core.pages import Layout
    from .core.project import Project
    from .core.publication import Publication
    from .core.source import Checked

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def parser() -> argparse.ArgumentParser:
    root = _Parser(prog="mkdocs-legal", description=__doc__)
    from . import __version__

    root.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = root.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="validate and lint data files")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument("--lang", help="comma-separated languages (default: from mkdocs.yml)")

    sub.add_parser("schema", help="print the JSON Schema of the data file")

    render = sub.add_parser("render", help="print a document as Markdown")
    render.add_argument("file", nargs="?", type=Path, metavar="FILE")
    render.add_argument("--document", help="privacy, cookies or terms (default: all, with --out)")
    render.add_argument("--lang", help="language (default: all, with --out)")
    render.add_argument(
        "--version",
        metavar="DATE",
        help="the version effective on DATE (a frozen text, or the newest from the data file)",
    )
    render.add_argument(
        "--out",
        type=Path,
        help="write the texts in force and the changelog as DIR/<page>.<lang>.md",
    )

    release = sub.add_parser("release", help="freeze the newest version's texts")
    release.add_argument("file", nargs="?", type=Path, metavar="FILE")
    release.add_argument("--history-dir", type=Path, help="default: from mkdocs.yml")
    release.add_argument("--lang", help="comma-separated languages (default: from mkdocs.yml)")
    release.add_argument(
        "--tsa",
        metavar="URL",
        help="also time-stamp the release record at this RFC 3161 authority (default: the "
        "`tsa` option in mkdocs.yml)",
    )

    diff = sub.add_parser("diff", help="word-level changes between two versions")
    diff.add_argument("file", nargs="?", type=Path, metavar="FILE")
    diff.add_argument("--document", required=True, help="privacy, cookies or terms")
    diff.add_argument("--lang", help="language (default: the site's default)")
    diff.add_argument("--from", dest="from_", required=True, metavar="DATE")
    diff.add_argument("--to", metavar="DATE", help="default: the newest version")
    diff.add_argument("--history-dir", type=Path, help="default: from mkdocs.yml")

    status = sub.add_parser("status", help="what is in force, upcoming, and due for release")
    status.add_argument("files", nargs="*", type=Path, metavar="FILE")
    status.add_argument("--format", choices=["text", "json"], default="text")
    status.add_argument("--lang", help="comma-separated languages (default: from mkdocs.yml)")

    init = sub.add_parser("init", help="create a new site that builds as generated")
    init.add_argument("dir", type=Path, metavar="DIR", help="a new or empty folder")
    init.add_argument("--name", required=True, help="the organisation's legal name")
    init.add_argument("--country", required=True, help="ISO 3166-1 alpha-2 code, e.g. SE")
    init.add_argument(
        "--languages", default="en", help="comma-separated, default first (default: en)"
    )
    init.add_argument(
        "--generator",
        choices=["mkdocs", "zensical"],
        default="mkdocs",
        help="mkdocs: the site builds with the plugin; zensical: `mkdocs-legal export` writes "
        "the legal pages and Zensical builds the site (default: mkdocs)",
    )
    _export_parsers(sub)
    _proof_parsers(sub)
    init.add_argument("--url", help="the address the site is published at (its site_url)")
    return root


def _export_parsers(sub: Any) -> None:
    export = sub.add_parser(
        "export", help="write the legal pages, feeds and legal.json into a docs folder"
    )
    export.add_argument("file", nargs="?", type=Path, metavar="FILE")
    export.add_argument(
        "--out", type=Path, metavar="DIR", help="the docs folder (default: mkdocs.yml's docs_dir)"
    )
    export.add_argument(
        "--layout",
        choices=["suffix", "folder", "none"],
        help="privacy.sv.md (suffix), sv/privacy.md (folder) or one language without i18n "
        "(default: the i18n plugin's docs_structure in mkdocs.yml)",
    )
    export.add_argument("--lang", help="comma-separated languages (default: from mkdocs.yml)")
    export.add_argument("--history-dir", type=Path, help="default: from mkdocs.yml")
    export.add_argument("--site-url", help="default: site_url in mkdocs.yml")
    export.add_argument("--strict", action="store_true", help="warnings fail too")

    consent = sub.add_parser(
        "consent", help="the cookie consent settings derived from the cookie table"
    )
    consent.add_argument("file", nargs="?", type=Path, metavar="FILE")
    consent.add_argument(
        "--format",
        choices=["yaml", "toml", "json"],
        default="yaml",
        help="yaml: `extra.consent` for mkdocs.yml; toml: for zensical.toml; json: the value",
    )
    consent.add_argument("--lang", help="one language (default: the site's default language)")


def check_for_site(
    file: Path | None, lang: str | None, history_dir: Path | None = None
) -> tuple[Checked, Project | None]:
    """What `check` finds in a data file (default: the site's in the current folder): the
    findings `check` prints, and `export` too. With them, the project (data file, languages,
    history folder) when the file is valid, for `export` to go on with."""
    from .core.project import Project
    from .core.siteconfig import find_settings, languages_for, site_url_findings
    from .core.source import Options, check

    settings = find_settings(file, Path.cwd())
    target = file or settings.data
    languages = languages_for(lang, settings.languages, target)
    options = Options(languages, settings.fallback, settings.consent)
    # A file with no mkdocs.yml beside it and no `versions` is a shared base (see extends).
    result = check(target, options, base_ok=settings.config_file is None)
    project = None
    if result.loaded is not None:
        project = Project(settings, result.loaded, languages, history_dir or settings.history_dir)
        if settings.config_file is not None:
            # part of a site: what its history folder says counts too
            result.findings += _history_findings(project)
    result.findings += site_url_findings(settings.config_file, settings.site_url)
    return result, project


def _proof_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    """`verify` and `asof` (see proof_commands.py)."""
    verify = sub.add_parser("verify", help="check frozen texts, release records and time stamps")
    verify.add_argument(
        "target",
        nargs="?",
        metavar="DIR|URL",
        help="a history folder, a built site or a site's address (default: the history folder)",
    )
    verify.add_argument(
        "--ca", type=Path, metavar="FILE", help="trusted certificates, PEM (default: the system's)"
    )
    asof = sub.add_parser("asof", help="the text in force on a date, and what proves it")
    asof.add_argument("date", metavar="DATE")
    asof.add_argument("file", nargs="?", type=Path, metavar="FILE")
    asof.add_argument("--document", required=True, help="privacy, cookies or terms")
    asof.add_argument("--lang", required=True, help="language")
    asof.add_argument("--history-dir", type=Path, help="default: from mkdocs.yml")


def cmd_check(args: argparse.Namespace) -> int:
    from .core.extends import describe_chain
    from .core.findings import to_dicts

    results = [check_for_site(target, args.lang)[0] for target in args.files or [None]]

    def failed(result: Checked) -> bool:
        return bool(errors(result.findings)) or (args.strict and bool(warnings(result.findings)))

    if args.format == "json":
        report = [
            {
                "file": str(r.path),
                "status": "fail" if failed(r) else "ok",
                "errors": len(errors(r.findings)),
                "warnings": len(warnings(r.findings)),
                "extends": [str(f) for f in r.files[1:]],
                "checked_as_base": r.as_base,
                "findings": to_dicts(r.findings),
            }
            for r in results
        ]
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        shown: set[Finding] = set()
        for finding in (f for r in results for f in r.findings):
            if finding not in shown:  # a base's finding, once for all the files sharing it
                shown.add(finding)
                print(finding.format())
        for r in results:
            status = "FAIL" if failed(r) else "ok"
            notes = [describe_chain(r.files)] if len(r.files) > 1 else []
            if r.as_base:
                notes.append(
                    "checked as a base: required fields are checked in the files that extend it"
                )
            note = "; " + "; ".join(notes) if notes else ""
            print(
                f"{r.path}: {status} ({len(errors(r.findings))} error(s), "
                f"{len(warnings(r.findings))} warning(s)){note}"
            )
        if len(results) > 1:
            bad = sum(failed(r) for r in results)
            print(f"{len(results)} files checked: {bad} failed, {len(results) - bad} ok")
    return EXIT_FINDINGS if any(failed(r) for r in results) else EXIT_OK


def _history_findings(project: Project) -> list[Finding]:
    """What the history folder says about the data: integrity (LGL201–205), stale translations."""
    from .core.language import MissingTranslation

    try:
        found = project.publication().findings
    except MissingTranslation:  # already reported by lint
        return []
    return found + project.stale_translations()


def cmd_schema(args: argparse.Namespace) -> int:
    from .core.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _sibling(language: str) -> Callable[[str, str], str]:
    """Links between rendered files that lie side by side: `<page>.<lang>.md`."""
    return lambda _from, page: f"{page}.{language}.md"


def cmd_render(args: argparse.Namespace) -> int:
    """One document's newest text to stdout; or, with `--out`, what the site publishes today.

    `--out DIR` writes `<document>.<lang>.md` with the text in force on the build date (as
    the plugin would show it) and `changelog.<lang>.md`; `legal:` links become links to
    those file names, in both modes.
    """
    from .core import documents
    from .core.findings import LegalDataError
    from .core.language import Language, MissingTranslation
    from .core.pages import Layout, resolve
    from .core.project import Project
    from .core.siteconfig import find_settings, languages_for
    from .core.source import Options, load_valid

    settings = find_settings(args.file, Path.cwd())
    target = args.file or settings.data
    languages = languages_for(
        args.lang if args.lang and not args.out else None, settings.languages, target
    )
    if args.lang:
        languages = tuple(x.strip() for x in args.lang.split(","))
    if not args.out and (not args.document or len(languages) != 1):
        print("mkdocs-legal render: give --document and --lang, or --out DIR", file=sys.stderr)
        return EXIT_USAGE
    try:
        loaded = load_valid(target, Options(languages, settings.fallback, settings.consent))
    except LegalDataError as exc:
        for finding in exc.findings:
            print(finding.format(), file=sys.stderr)
        return EXIT_FINDINGS
    available = documents.available(loaded.data)
    wanted = [args.document] if args.document else available
    for document in wanted:
        if document not in available:
            print(
                f"mkdocs-legal render: no {document!r} document in {target}; "
                f"available: {', '.join(available)}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    layout = Layout({d: d for d in available}, "changelog")
    try:
        if args.out:
            project = Project(settings, loaded, languages, settings.history_dir)
            return _render_out(project, wanted, layout, args.out, changelog=not args.document)
        lang = Language(languages[0], default=languages[0], fallback=settings.fallback)
        if args.version:
            project = Project(settings, loaded, languages, settings.history_dir)
            from .commands import version_text

            text = version_text(project, args.document, lang.code, args.version, "--version")
        else:
            text = documents.render_markdown(loaded.data, args.document, lang)
        sys.stdout.write(resolve(text, args.document, layout, _sibling(lang.code)))
    except MissingTranslation as exc:
        print(
            f"{target}: a text has no {exc.language!r} version; add it or set fallback",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    return EXIT_OK


def _published_file(publication: Publication, language: str) -> UrlOf:
    """Changelog links to the written files: each document's text as published today."""

    def url_of(document: str, effective: date | None, changes: bool) -> str | None:
        shown = publication.timeline(document, language).shown
        same = effective is None or effective == shown.effective
        return f"{document}.{language}.md" if same and not changes else None

    return url_of


def _render_out(
    project: Project, wanted: list[str], layout: Layout, out: Path, *, changelog: bool
) -> int:
    """Write the texts published on the build date, and the changelog, as `<page>.<lang>.md`."""
    from .core.changelog import changelog_markdown
    from .core.language import Language
    from .core.pages import resolve

    publication = project.publication()
    for finding in publication.findings:
        print(finding.format(), file=sys.stderr)
    if errors(publication.findings):
        return EXIT_FINDINGS
    texts: dict[str, str] = {}
    for language in project.languages:
        link = _sibling(language)
        for document in wanted:
            shown = publication.timeline(document, language).shown
            assert shown.body is not None  # else LGL203, an error above
            texts[f"{document}.{language}.md"] = resolve(shown.body, document, layout, link)
        if changelog:
            lang = Language(
                language, default=project.languages[0], fallback=project.settings.fallback
            )
            text = changelog_markdown(
                project.loaded.data,
                publication,
                wanted,
                lang,
                _published_file(publication, language),
                None,
            )
            texts[f"changelog.{language}.md"] = resolve(text, "changelog", layout, link)
    from .core import owned

    refused = owned.refusals(out, texts)
    for reason in refused:
        print(f"mkdocs-legal render: {reason}", file=sys.stderr)
    if refused:
        print("mkdocs-legal render: nothing written", file=sys.stderr)
        return EXIT_FINDINGS
    owned.write(out, texts)
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    """Write a new site into an empty folder, then say what to do next."""
    from . import scaffold

    try:
        answers = scaffold.Answers.parse(args.name, args.country, args.languages, url=args.url)
    except scaffold.ScaffoldError as exc:
        print(f"mkdocs-legal init: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        written = scaffold.write(args.dir, answers, args.generator)
    except FileExistsError:
        print(
            f"mkdocs-legal init: {args.dir} exists and is not an empty folder; nothing written",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    except OSError as exc:
        print(f"mkdocs-legal init: cannot write the site: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"Created a site for {answers.name} in {args.dir} ({len(written)} files).\n")
    print(scaffold.next_steps(args.dir, args.generator, len(answers.languages)), end="")
    return EXIT_OK


def _proof_command(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from . import proof_commands

        return int(getattr(proof_commands, f"cmd_{name}")(args))

    return run


def _history_command(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from . import commands

        return int(getattr(commands, f"cmd_{name}")(args))

    return run


COMMANDS = {
    "check": cmd_check,
    "schema": cmd_schema,
    "render": cmd_render,
    "release": _history_command("release"),
    "diff": _history_command("diff"),
    "status": _history_command("status"),
    "export": _history_command("export"),
    "consent": _history_command("consent"),
    "init": cmd_init,
    "verify": _proof_command("verify"),
    "asof": _proof_command("asof"),
}


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; `asof DATE --document ID --lang LANG FILE` keeps its FILE after the
    options (argparse gives an optional positional its value at the first positional)."""
    root = parser()
    args, extra = root.parse_known_args(argv)
    trailing = len(extra) == 1 and not extra[0].startswith("-")
    if args.command == "asof" and args.file is None and trailing:
        args.file, extra = Path(extra[0]), []
    if extra:
        root.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    from .commands import CommandError

    try:
        return COMMANDS[args.command](args)
    except CommandError as exc:
        print(f"mkdocs-legal {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
