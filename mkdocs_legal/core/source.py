"""Load a data file: read, validate, lint — once, with the result cached by file state."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, LegalDataError, errors
from .lint import lint
from .model import LegalData
from .validate import to_model
from .yamlsource import Located, load


@dataclass(frozen=True)
class Options:
    """What the site decides about a data file: its languages and lint switches."""

    languages: tuple[str, ...] = ("en",)
    fallback: bool = False
    consent: bool = True

    @property
    def default_language(self) -> str:
        return self.languages[0]


@dataclass
class Loaded:
    """A valid data file, with its lint findings (warnings, or errors under `fallback`)."""

    path: Path
    data: LegalData
    located: Located
    findings: list[Finding] = field(default_factory=list)
    files: tuple[Path, ...] = ()


def inspect(path: Path, options: Options) -> tuple[Loaded | None, list[Finding]]:
    """Read, validate and lint `path`; never raises for bad input."""
    try:
        located = load(path)
    except LegalDataError as exc:
        return None, exc.findings
    data, findings = to_model(located)
    if data is None:
        return None, findings
    findings = lint(
        located,
        data,
        list(options.languages),
        fallback=options.fallback,
        consent=options.consent,
    )
    loaded = Loaded(path, data, located, findings, (path,))
    return (None if errors(findings) else loaded), findings


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
