"""`release --tsa`, `verify` and `asof`: the commands that prove what a policy said (SPEC §7)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .commands import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CommandError, open_project
from .core.history import Planned
from .core.project import Project

if TYPE_CHECKING:
    from .core.proof.stamping import Stamped


def obtain_stamps(project: Project, plan: list[Planned], url: str) -> list[Stamped]:
    """Tokens for every version `release` leaves without one; nothing is written here."""
    from .core.proof import stamping, tsa

    try:
        todo = stamping.pending(project.history_dir, plan, project.history)
        return stamping.obtain(url, todo)
    except (stamping.StampError, tsa.TsaError) as exc:
        raise CommandError(f"{exc}\nrelease stopped: nothing written") from None


def write_stamps(project: Project, stamped: list[Stamped]) -> None:
    """Write the records and tokens `obtain_stamps` got, and say what they prove."""
    from .core.proof import stamping

    for path in stamping.write(project.history_dir, stamped):
        print(f"wrote {path}")
    for item in stamped:
        print(
            f"time-stamped {item.pending.name} ({len(item.pending.files)} text(s)) by "
            f"{item.authority} at {item.time}"
        )
    if not stamped:
        print("every released version is already time-stamped")


def cmd_verify(args: argparse.Namespace) -> int:
    """Check a history folder, a built site or a published site; one line per problem."""
    from .core.proof import verify
    from .core.proof.token import TokenError
    from .core.siteconfig import find_settings

    target = args.target
    try:
        trusted = verify.trust(args.ca)
    except TokenError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    if target is not None and target.startswith(("http://", "https://")):
        address = verify.manifest_address(target)
        report = verify.verify_site(address, verify.http_fetch(address), trusted)
        kind = "site"
    else:
        folder = Path(target) if target else find_settings(None, Path.cwd()).history_dir
        if not folder.is_dir():
            raise CommandError(f"{folder}: no such folder (a history folder or a built site)")
        if (folder / verify.MANIFEST).is_file():
            report = verify.verify_site(
                str(folder / verify.MANIFEST), verify.local_fetch(folder), trusted
            )
            kind = "site"
        else:
            report = verify.verify_history(folder, trusted)
            kind = "history folder"
    for problem in report.problems:
        print(problem.format())
    what = "version(s) listed" if kind == "site" else "frozen text(s)"
    print(
        f"{target or folder}: {report.checked} {what}, {report.tokens} token(s) verified "
        f"against {trusted.name}: "
        + (f"{len(report.problems)} problem(s)" if report.problems else "all proven")
    )
    return EXIT_FINDINGS if report.problems else EXIT_OK


def cmd_asof(args: argparse.Namespace) -> int:
    """The text in force on a date to stdout; its version, sha256 and time stamp to stderr."""
    from .core.proof.asof import NotInForce, as_of

    try:
        on = date.fromisoformat(args.date)
    except ValueError:
        raise CommandError(f"{args.date!r} is not a YYYY-MM-DD date", EXIT_USAGE) from None
    project = open_project(args.file, None, args.history_dir)
    if args.document not in project.documents:
        raise CommandError(
            f"no {args.document!r} document; available: {', '.join(project.documents)}",
            EXIT_USAGE,
        )
    if args.lang not in project.languages:
        raise CommandError(
            f"no {args.lang!r} language; the site has {', '.join(project.languages)}", EXIT_USAGE
        )
    try:
        found = as_of(project, args.document, args.lang, on)
    except NotInForce as exc:
        raise CommandError(str(exc)) from None
    except LookupError as exc:
        raise CommandError(str(exc)) from None
    version = found.version
    lines = [
        f"{args.document} ({args.lang}) in force on {on.isoformat()}: version "
        f"{version.version.label}, effective {version.effective.isoformat()}",
        f"sha256 {found.sha256}"
        + ("" if found.frozen else " (not released: rendered from the data file)"),
    ]
    if found.stamp is not None:
        lines.append(
            f"time-stamped {found.stamp.time} by {found.stamp.authority} "
            f"({project.history_dir / found.stamp.record}; `mkdocs-legal verify` checks it)"
        )
        if found.stamp.time[:10] > version.effective.isoformat():
            lines.append(
                "the time stamp is later than the version's effective date: it proves that this "
                "text existed at that later time, not before"
            )
    else:
        lines.append("no time stamp")
    for line in lines:
        print(line, file=sys.stderr)
    sys.stdout.write(found.body)
    return EXIT_OK
