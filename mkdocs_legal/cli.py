"""`mkdocs-legal`: check, render and inspect data files without building a site (SPEC §7)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .core.findings import Finding, errors, warnings

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
    render.add_argument("--out", type=Path, help="write DIR/<document>.<lang>.md files")

    release = sub.add_parser("release", help="freeze the newest version's texts")
    release.add_argument("file", nargs="?", type=Path, metavar="FILE")
    release.add_argument("--history-dir", type=Path, help="default: from mkdocs.yml")
    release.add_argument("--lang", help="comma-separated languages (default: from mkdocs.yml)")

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
    return root


def _languages(
    option: str | None, settings_langs: tuple[str, ...], data_file: Path
) -> tuple[str, ...]:
    if option:
        return tuple(x.strip() for x in option.split(",") if x.strip())
    if settings_langs:
        return settings_langs
    from .core import extends
    from .core.findings import LegalDataError
    from .core.siteconfig import languages_in_data

    try:
        found = languages_in_data(extends.load(data_file).located.data)
    except LegalDataError:
        found = ()
    return found or ("en",)


def cmd_check(args: argparse.Namespace) -> int:
    from .core.extends import describe_chain
    from .core.findings import to_dicts
    from .core.siteconfig import find_settings
    from .core.source import Checked, Options, check

    targets = list(args.files) or [find_settings(None, Path.cwd()).data]
    results: list[Checked] = []
    for target in targets:
        settings = find_settings(target if args.files else None, Path.cwd())
        languages = _languages(args.lang, settings.languages, target)
        options = Options(languages, settings.fallback, settings.consent)
        # A file with no mkdocs.yml beside it and no `versions` is a shared base (see extends).
        results.append(check(target, options, base_ok=settings.config_file is None))

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


def cmd_schema(args: argparse.Namespace) -> int:
    from .core.model import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    from .core import documents
    from .core.findings import LegalDataError
    from .core.language import Language, MissingTranslation
    from .core.siteconfig import find_settings
    from .core.source import Options, load_valid

    settings = find_settings(args.file, Path.cwd())
    target = args.file or settings.data
    languages = _languages(
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
    default = languages[0]
    try:
        for language in languages:
            lang = Language(language, default=default, fallback=settings.fallback)
            for document in wanted:
                links = documents.Links(
                    {d: f"{d}.{language}.md" for d in available if d != document}
                    if args.out
                    else {}
                )
                text = documents.render(loaded.data, document, lang, links).to_markdown()
                if args.out:
                    args.out.mkdir(parents=True, exist_ok=True)
                    (args.out / f"{document}.{language}.md").write_text(text, encoding="utf-8")
                else:
                    sys.stdout.write(text)
    except MissingTranslation as exc:
        print(
            f"{target}: a text has no {exc.language!r} version; add it or set fallback",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    return EXIT_OK


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
}


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
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
