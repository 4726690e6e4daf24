"""Load a data file (and the bases it `extends`): read, validate, lint — cached by file state."""

from __future__ import annotations

import os
from dataclasses import field
from pathlib import Path

from . import extends
from .construct import Rejected, build
from .findings import Finding, LegalDataError, errors
from .lint import lint
from .model import LegalData
from .records import record
from .yamlsource import Located


@record
class Options:
    """What the site decides about a data file: its languages and lint switches."""

    languages: tuple[str, ...] = ("en",)
    fallback: bool = False
    consent: bool = True

    @property
    def default_language(self) -> str:
        return self.languages[0]


@record(frozen=False)
class Loaded:
    """A valid data file, with its lint findings (warnings, or errors under `fallback`)."""

    path: Path
    data: LegalData
    located: Located
    findings: list[Finding] = field(default_factory=list)
    files: tuple[Path, ...] = ()
    """The data file and every base of its `extends` chain: what to watch for changes."""


def inspect(path: Path, options: Options) -> tuple[Loaded | None, list[Finding]]:
    """Read `path` and its bases, validate and lint the merged data; never raises for bad input."""
    checked = check(path, options)
    return checked.loaded, checked.findings


@record(frozen=False)
class Checked:
    """What `check` found in one data file."""

    path: Path
    findings: list[Finding]
    files: tuple[Path, ...]
    """The file and every base of its `extends` chain (just the file if it cannot be read)."""
    loaded: Loaded | None = None
    """The usable result, when there are no errors and it is not checked as a base."""
    as_base: bool = False
    """Checked as a base file alone: values only, no required fields or lint (see `extends`)."""


def check(path: Path, options: Options, *, base_ok: bool = False) -> Checked:
    """Read, validate and lint `path`; with `base_ok`, a file without `versions` is a base."""
    try:
        chain = extends.load(path)
    except LegalDataError as exc:
        return Checked(path, exc.findings, (path,))
    located = chain.located
    if base_ok and chain.is_base:
        _, findings = to_model(located, complete=False)
        return Checked(path, findings, chain.files, as_base=True)
    data, findings = to_model(located)
    if data is None:
        return Checked(path, findings, chain.files)
    findings = lint(
        located,
        data,
        list(options.languages),
        fallback=options.fallback,
        consent=options.consent,
    )
    loaded = Loaded(path, data, located, findings, chain.files)
    return Checked(path, findings, chain.files, None if errors(findings) else loaded)


def to_model(located: Located, *, complete: bool = True) -> tuple[LegalData | None, list[Finding]]:
    """The model of `located.data`, or None and why not.

    `complete=False` checks a base file alone, without its required fields; the model
    is then None.
    """
    rejected = None
    if complete:
        try:
            return build(LegalData, located.data), []
        except Rejected as exc:
            rejected = exc
    from .validate import findings  # imports pydantic: only for data the model rejects

    found = findings(located, complete=complete)
    if rejected is not None and not found:
        # The two validators disagree: say where, rather than fail without a reason.
        message = (
            "this value is not valid here, though the schema allows it; "
            "please report this to mkdocs-legal with the value"
        )
        found = [located.finding(rejected.path, "LGL006", "error", message)]
    return None, found


def load_valid(path: Path, options: Options) -> Loaded:
    """Like `inspect`, but raise `LegalDataError` when there are errors."""
    loaded, findings = inspect(path, options)
    if loaded is None:
        raise LegalDataError(errors(findings) or findings)
    return loaded


def fingerprint(paths: tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
    """Modification state of files, to know when a cached load is stale."""
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(p), -1, -1))
    return tuple(out)
