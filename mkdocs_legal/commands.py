"""`release`, `diff` and `status`: the commands that work with the history folder (SPEC §5, §7)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from .core.findings import LegalDataError, errors
from .core.language import MissingTranslation
from .core.project import Project
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
