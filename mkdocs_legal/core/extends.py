"""`extends:` — a data file built on a shared base file (SPEC §3).

`extends: ../../base/legal.yml` (relative to the extending file) merges the base under
this file:

- maps merge key by key (base keys first, then the new ones);
- lists whose items all are maps with an `id` (purposes, recipients, sections…) merge by
  id: an item of this file replaces the base item of the same id wholesale, in the base
  item's place; items with new ids are appended;
- every other list (`cookies.items`, `rights.exclude`…), an empty list and every scalar
  replace the base's value, so `recipients: []` drops the base's recipients;
- `versions` are never inherited: only the extending file's own count;
- a base may extend another base; a chain that comes back to one of its files is an error
  (LGL009) naming the chain, and so is a base that does not exist.

Only the merged result must be complete. Every value keeps the file, path and position it
was written at (`Located.origins`), so findings point at the base where a base value is
wrong.

A base checked on its own (`mkdocs-legal check base/legal.yml`): a file that has no
`versions` and no `mkdocs.yml` beside it can only be a base, since versions are never
inherited and no site builds from it. It is checked as a base: every value it has must be
valid (types, dates, ids, unknown keys), but missing fields are not reported and the lint
rules do not run, because the files that extend it supply the rest; they are checked in
full, with findings in the base reported at the base's lines.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import yamlsource
from .findings import Finding, LegalDataError, describe
from .records import record
from .yamlsource import Located, Path_

NEVER_INHERITED = ("versions",)
"""Top-level keys a file never takes from its base."""


@record
class Chain:
    """A data file merged with its bases: the merged data and every file of the chain."""

    located: Located
    files: tuple[Path, ...]

    @property
    def is_base(self) -> bool:
        """True when the file has no `versions` of its own, so it cannot be published alone."""
        return "versions" not in self.located.data


def load(path: Path) -> Chain:
    """Read `path` and every base it extends; raise `LegalDataError` on any problem."""
    parts = [yamlsource.load(path)]
    files = [path]
    seen = {path.resolve(): 0}
    while (base := _base_of(parts[-1], files[-1])) is not None:
        if base.resolve() in seen:
            raise LegalDataError([_cycle(parts[-1], files, seen[base.resolve()])])
        seen[base.resolve()] = len(files)
        parts.append(yamlsource.load(base))
        files.append(base)
    merged = parts[-1]
    for child in reversed(parts[:-1]):
        merged = merge(merged, child)
    return Chain(merged, tuple(files))


def _error(located: Located, code: str, message: str, *, key: bool) -> Finding:
    where = located.where(("extends",), key=key)
    return Finding(located.file, *where, code, "error", message, "extends")


def _display(path: Path) -> Path:
    """`clients/a/../../base/legal.yml` → `base/legal.yml`, when both name the same file."""
    short = Path(os.path.normpath(path))
    return short if short.resolve() == path.resolve() else path


def _base_of(located: Located, file: Path) -> Path | None:
    """The base file `located` extends, or None; raise `LegalDataError` if it is unusable."""
    value = located.data.get("extends")
    if value is None:
        return None
    if not isinstance(value, str):
        raise LegalDataError(
            [
                _error(
                    located,
                    "LGL006",
                    f"got {describe(value)}; expected the path of a base data file, "
                    "relative to this one, such as ../../base/legal.yml",
                    key=False,
                )
            ]
        )
    if not value.strip():
        raise LegalDataError(
            [
                _error(
                    located,
                    "LGL009",
                    "`extends` is empty; give the path of a base data file, or remove the key",
                    key=True,
                )
            ]
        )
    base = _display(file.parent / value)
    if not base.is_file():
        problem = "is a folder, not a data file" if base.is_dir() else "does not exist"
        raise LegalDataError(
            [
                _error(
                    located,
                    "LGL009",
                    f"the base file {base} {problem}; the path in `extends` is relative "
                    f"to {file.name}",
                    key=True,
                )
            ]
        )
    return base


def _cycle(located: Located, files: list[Path], start: int) -> Finding:
    """The finding for a chain of bases that comes back to `files[start]`."""
    ring = " → ".join(str(f) for f in [*files[start:], files[start]])
    fix = (
        "a file cannot extend itself"
        if start == len(files) - 1
        else "a base must not extend a file that extends it"
    )
    return _error(located, "LGL009", f"`extends` goes round in a circle: {ring}; {fix}", key=True)


def merge(base: Located, child: Located) -> Located:
    """`child` laid over `base` by the rules above; positions follow every value."""
    out = Located(child.file, None)
    out.data = _merge(_Side(base, ()), _Side(child, ()), out, ())
    return out


@record
class _Side:
    """A value in one of the two files being merged: the file's data and the value's path."""

    located: Located
    path: Path_

    def at(self, part: str | int) -> _Side:
        return _Side(self.located, (*self.path, part))


def _value(side: _Side) -> Any:
    value = side.located.data
    for part in side.path:
        value = value[part]
    return value


def _place(side: _Side, out: Located, path: Path_) -> None:
    """Record in `out` that the value at `path` was written where `side` says."""
    src = side.located
    if side.path in src.values:
        out.values[path] = src.values[side.path]
    if side.path in src.keys:
        out.keys[path] = src.keys[side.path]
    origin = src.origins.get(side.path, (src.file, side.path))
    if origin != (out.file, path):
        out.origins[path] = origin


def _copy(side: _Side, value: Any, out: Located, path: Path_) -> Any:
    """`value` unchanged, with the positions of it and everything in it recorded at `path`."""
    _place(side, out, path)
    if isinstance(value, dict):
        for k, v in value.items():
            _copy(side.at(k), v, out, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _copy(side.at(i), v, out, (*path, i))
    return value


def _has_ids(items: list[Any]) -> bool:
    return all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in items)


def _merge(base: _Side, child: _Side, out: Located, path: Path_) -> Any:
    old, new = _value(base), _value(child)
    if isinstance(old, dict) and isinstance(new, dict):
        _place(child, out, path)
        merged: dict[str, Any] = {}
        for k, v in old.items():
            if k in new:
                merged[k] = _merge(base.at(k), child.at(k), out, (*path, k))
            elif not (path == () and k in NEVER_INHERITED):
                merged[k] = _copy(base.at(k), v, out, (*path, k))
        for k, v in new.items():
            if k not in old:
                merged[k] = _copy(child.at(k), v, out, (*path, k))
        return merged
    if isinstance(old, list) and isinstance(new, list) and new and _has_ids(old + new):
        _place(child, out, path)
        slots = [(base.at(i), item) for i, item in enumerate(old)]
        first: dict[str, int] = {}
        for i, item in enumerate(old):
            first.setdefault(item["id"], i)
        for j, item in enumerate(new):
            if item["id"] in first:  # the first base item of this id, each replaced once
                slots[first.pop(item["id"])] = (child.at(j), item)
            else:
                slots.append((child.at(j), item))
        return [_copy(side, item, out, (*path, n)) for n, (side, item) in enumerate(slots)]
    return _copy(child, new, out, path)


def describe_chain(files: tuple[Path, ...]) -> str:
    """`extends base/legal.yml` (and the bases beyond it), for a summary line."""
    return "extends " + " → ".join(str(f) for f in files[1:]) if len(files) > 1 else ""
