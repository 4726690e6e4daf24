"""What is published on a date: for each document and language, every version's state and text.

The newest version of a document is rendered from the data file; older versions come
from the history folder. The version in force on the build date D is shown at the
document's address; every version with a text has a dated address (SPEC §5).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Literal

from .dates import ALL_DOCUMENTS, versions_of
from .findings import Finding, format_path
from .history import History, digest, file_finding, normalise, path_of
from .model import LegalData, Version
from .records import record
from .yamlsource import Located, Path_

State = Literal["current", "upcoming", "superseded"]

Renderer = Callable[[str, str], str]
"""(document, language) → today's Markdown of the document from the data file."""


@record(slots=False)  # `sha256` is computed once, kept in the instance's __dict__
class VersionText:
    """One version of one document in one language, as published on D."""

    document: str
    language: str
    version: Version
    state: State
    body: str | None
    """The text, or None when this version was never frozen (it has no page then)."""
    released: bool
    """Whether the history folder has a frozen text of this version."""

    @property
    def effective(self) -> date:
        return self.version.effective

    @cached_property
    def sha256(self) -> str | None:
        return digest(self.body) if self.body is not None else None


@record(frozen=False)
class Timeline:
    """Every version of one document in one language, oldest first."""

    document: str
    language: str
    versions: list[VersionText]
    shown: VersionText
    """The version at the document's own address: in force on D, else the first upcoming."""
    _positions: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    def position(self, item: VersionText) -> int:
        """Where `item` is in `versions`; found by identity first (equality compares bodies)."""
        if len(self._positions) != len(self.versions):
            self._positions = {id(v): i for i, v in enumerate(self.versions)}
        found = self._positions.get(id(item))
        if found is not None and self.versions[found] is item:
            return found
        return self.versions.index(item)

    def previous(self, item: VersionText) -> VersionText | None:
        """The version before `item`, when both have a text (the base of its redline)."""
        i = self.position(item)
        if i == 0:
            return None
        before = self.versions[i - 1]
        return before if before.body is not None and item.body is not None else None

    @property
    def current(self) -> VersionText | None:
        return next((v for v in self.versions if v.state == "current"), None)

    @property
    def upcoming(self) -> list[VersionText]:
        return [v for v in self.versions if v.state == "upcoming"]

    def with_text(self) -> list[VersionText]:
        return [v for v in self.versions if v.body is not None]


@record(frozen=False)
class Publication:
    timelines: dict[tuple[str, str], Timeline] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def timeline(self, document: str, language: str) -> Timeline:
        return self.timelines[(document, language)]


def states_on(versions: Sequence[Version], on: date) -> list[State]:
    """Each version's state on `on`: in force is the latest that has started, superseded
    every one before it, upcoming every one not yet started."""
    latest = max((v.effective for v in versions if v.effective <= on), default=None)
    return [
        "upcoming" if v.effective > on else "current" if v.effective == latest else "superseded"
        for v in versions
    ]


def history_of(data: LegalData, document: str, history: History) -> list[Version]:
    """The versions of `document`, oldest first: its history starts at the first version
    that lists it.

    A version with a `documents:` list has the documents it lists. A version without one has
    every document, except when it was released (the history folder has frozen texts of it)
    without a text of `document`: then the document did not exist yet, and a later version
    that lists it is its first. Without this, adding `cookies:` and a version for it after a
    first release would make the first version claim a cookie policy it never had.
    """
    released: dict[date, set[str]] = {}
    for doc, _language, effective in history.texts:
        released.setdefault(effective, set()).add(doc)
    return [
        v
        for v in versions_of(data, document)
        if v.documents is not None
        or v.effective not in released
        or document in released[v.effective]
    ]


def publish(
    data: LegalData,
    documents: Sequence[str],
    languages: Sequence[str],
    render: Renderer,
    history: History,
    history_dir: Path,
    on: date,
    located: Located | None = None,
) -> Publication:
    """Decide, for each document and language, which text each version has and where.

    `located` (the data file as read) lets findings point at its lines."""
    out = Publication(findings=list(history.findings))
    for document in documents:
        versions = history_of(data, document, history)
        if not versions:
            if versions_of(data, document):  # only released versions without it
                out.findings.append(_unversioned(located, history_dir, document))
            continue
        newest = versions[-1]
        changed = _changed(located, history_dir, newest)
        for language in languages:
            today = normalise(render(document, language))
            items: list[VersionText] = []
            for version, state in zip(versions, states_on(versions, on), strict=True):
                stored = history.get(document, language, version.effective)
                if stored is not None and not stored.intact:
                    out.findings.append(_tampered(stored.path, document, language, version))
                if version is newest:
                    if stored is not None and stored.body != today:
                        out.findings.append(
                            _unrecorded(
                                stored.path, document, language, version, data, located, changed
                            )
                        )
                    items.append(
                        VersionText(document, language, version, state, today, stored is not None)
                    )
                else:
                    body = stored.body if stored is not None else None
                    items.append(
                        VersionText(document, language, version, state, body, stored is not None)
                    )
            shown = next((v for v in items if v.state == "current"), None) or next(
                v for v in items if v.state == "upcoming"
            )
            if shown.body is None:
                out.findings.append(_missing(history_dir, shown, newest))
            out.timelines[(document, language)] = Timeline(document, language, items, shown)
    out.findings.extend(_orphans(data, history))
    return out


def _tampered(path: Path | None, document: str, language: str, version: Version) -> Finding:
    return file_finding(
        str(path),
        "LGL201",
        "warning",
        f"the frozen {document} text ({language}) of version {version.label} no longer matches "
        "its sha256: the released text was edited. Restore the file from version control "
        "(git checkout -- <file>); a released text is never changed, a change is a new version",
    )


def _changed(located: Located | None, history_dir: Path, newest: Version) -> list[Path_] | None:
    """The data file's fields that changed since `newest` was released (None: unknown)."""
    if located is None:
        return None
    from .drift import changed_since

    return changed_since(located, history_dir, newest.effective)


def _unrecorded(
    path: Path | None,
    document: str,
    language: str,
    version: Version,
    data: LegalData,
    located: Located | None = None,
    changed: list[Path_] | None = None,
) -> Finding:
    """LGL202, at the field of the data file that changed (else at the version entry); the
    frozen file, which must not be edited, is named second."""
    day = version.effective.isoformat()
    message = (
        f"the {document} text ({language}) rendered today differs from the frozen text of "
        f"version {version.label}: the published text changed without a new version. Add a "
        "new entry to `versions` (effective date and summary) and run `mkdocs-legal release`, "
        f"or undo the change; `mkdocs-legal diff --document {document} --lang {language} "
        f"--from {day}` shows it. The frozen text ({path}) stays as released"
    )
    if located is None:
        return file_finding(str(path), "LGL202", "warning", message)
    if changed:
        fields = ", ".join(format_path(p) or "(top level)" for p in changed[:5])
        more = f" and {len(changed) - 5} more" if len(changed) > 5 else ""
        message += f". Changed since the release: {fields}{more}"
        found = located.finding(changed[0], "LGL202", "warning", message)
        if found.file != located.file:  # a base file (`extends`): say whose text changed
            f = found
            found = Finding(
                f.file, f.line, f.column, f.code, f.severity,
                f"{message} (the text of {located.file})", f.path,
            )  # fmt: skip
        return found
    if changed is not None:
        message += (
            ". No field of the data file changed since the release: the package's clause "
            "texts did (after an upgrade?)"
        )
    index = next(i for i, v in enumerate(data.versions) if v is version)
    return located.finding(("versions", index), "LGL202", "warning", message)


def _missing(history_dir: Path, shown: VersionText, newest: Version) -> Finding:
    path = path_of(history_dir, shown.document, shown.effective, shown.language)
    return file_finding(
        str(path),
        "LGL203",
        "error",
        f"version {shown.version.label} of {shown.document} ({shown.language}) is in force "
        f"but has no frozen text, and only the newest version ({newest.label}) can be "
        "rendered from the data file. Run `mkdocs-legal release` before adding a newer "
        "version; to recover, remove the newer version entry, run `mkdocs-legal release`, "
        "and add it back",
    )


def _unversioned(located: Located | None, history_dir: Path, document: str) -> Finding:
    message = (
        f"the data file has {document} facts, but no version lists {document}: every version "
        f"was released without it. Add a version that takes effect when the {document} text "
        f"is first published, with `documents: [{document}]` and a summary, and run "
        "`mkdocs-legal release`"
    )
    if located is None:
        return file_finding(str(history_dir), "LGL206", "error", message)
    return located.finding((document,), "LGL206", "error", message, key=True)


def _orphans(data: LegalData, history: History) -> list[Finding]:
    listed = {(d, v.effective) for d in ALL_DOCUMENTS for v in versions_of(data, d)}
    out = []
    for (document, language, effective), item in sorted(history.texts.items()):
        if (document, effective) not in listed:
            out.append(
                file_finding(
                    str(item.path),
                    "LGL205",
                    "warning",
                    f"a frozen {document} text ({language}) of {effective.isoformat()} belongs "
                    "to no entry of `versions`: a released version was removed from the data "
                    "file. Restore its entry; versions are never removed",
                )
            )
    return out
