"""Translations that may be stale: a text changed in the default language, not in another.

`release` records a fingerprint of every translated text of the data file in
`<history_dir>/texts/<effective>.json` (a hash per text and language, keyed by a path
that names list items by their `id`, so reordering is not a change), together with the
cookie categories in use then. Before the next
release, the texts are compared with the newest fingerprint of an earlier version: where
the default language's text changed but a translation kept its old hash, lint warns
(LGL106). Released versions are not checked again: the release is the moment to decide.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from .findings import Finding
from .lint import is_text_map
from .model import LegalData
from .publication import Publication
from .yamlsource import Located, Path_

FOLDER = "texts"

Fingerprint = dict[str, dict[str, str]]
"""stable text path → language → short sha256 of the text"""


def _texts(
    value: Any, path: Path_ = (), key: str = ""
) -> Iterator[tuple[str, Path_, dict[str, str]]]:
    if is_text_map(value) and path:
        yield key, path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            if k != "versions":
                yield from _texts(v, (*path, k), f"{key}.{k}" if key else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            name = v.get("id") if isinstance(v, dict) else None
            label = f"[{name}]" if isinstance(name, str) else f"[{i}]"
            yield from _texts(v, (*path, i), key + label)


def _hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def fingerprint(raw: Any) -> Fingerprint:
    """The fingerprint of the data file's translated texts (plain data, as read)."""
    return {
        key: {lang: _hash(text) for lang, text in sorted(texts.items())}
        for key, _path, texts in _texts(raw)
    }


def _leaves(value: Any, path: Path_ = (), key: str = "") -> Iterator[tuple[str, Path_, Any]]:
    """Every value of the data file but `versions`, keyed as `_texts` keys them."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k != "versions" or path:
                yield from _leaves(v, (*path, k), f"{key}.{k}" if key else str(k))
    elif isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        for i, v in enumerate(value):
            name = v.get("id") if isinstance(v, dict) else None
            label = f"[{name}]" if isinstance(name, str) else f"[{i}]"
            yield from _leaves(v, (*path, i), key + label)
    elif path:
        yield key, path, value


def values(raw: Any) -> dict[str, str]:
    """A short hash of every value of the data file (plain data, as read), by stable path."""
    return {
        key: hashlib.sha256(json.dumps(v, sort_keys=True, default=str).encode()).hexdigest()[:16]
        for key, _path, v in _leaves(raw)
    }


def changed_since(located: Located, history_dir: Path, effective: date) -> list[Path_] | None:
    """The fields of the data file that changed since the release of `effective`, in file
    order (a removed field by its parent); None when that release recorded no values."""
    record = _read(path_of(history_dir, effective))
    old = record.get("values") if record else None
    if not isinstance(old, dict):
        return None
    out: list[Path_] = []
    now = {key: path for key, path, _v in _leaves(located.data)}
    for key, digest in values(located.data).items():
        if old.get(key) != digest:
            out.append(now[key])
    for key in sorted(set(old) - set(now)):  # removed: point at what holds it
        parent = key.rsplit(".", 1)[0].rsplit("[", 1)[0]
        holder = next((p for k, p in now.items() if k.startswith(parent)), None)
        out.append(holder[:-1] if holder else ())
    return out


def path_of(history_dir: Path, effective: date) -> Path:
    return history_dir / FOLDER / f"{effective.isoformat()}.json"


def dump(raw: Any, cookie_categories: list[str]) -> str:
    """The record of a release: the texts' fingerprint, a hash of every value (to tell which
    field an unrecorded change, LGL202, comes from), and the cookie categories in use (the
    consent dialog follows the cookie policy in force, which may be a frozen one)."""
    record = {
        "texts": fingerprint(raw),
        "values": values(raw),
        "cookie_categories": cookie_categories,
    }
    return json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _read(path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def consent_categories(history_dir: Path, effective: date) -> list[str] | None:
    """The cookie categories recorded when the version of `effective` was released."""
    record = _read(path_of(history_dir, effective))
    found = record.get("cookie_categories") if record else None
    return [str(c) for c in found] if isinstance(found, list) else None


def shown_consent_categories(
    data: LegalData, publication: Publication, history_dir: Path, language: str
) -> list[str] | None:
    """The cookie categories of the cookie policy shown on the build date, when that is a
    frozen version (None: the policy shown is the newest, so those of the data file)."""
    timeline = publication.timelines.get(("cookies", language))
    if timeline is None or timeline.shown is timeline.versions[-1]:
        return None
    return consent_categories(history_dir, timeline.shown.effective)


def previous(history_dir: Path, before: date) -> tuple[date, Fingerprint] | None:
    """The newest fingerprint of a version effective before `before`."""
    found: list[tuple[date, Path]] = []
    for path in (history_dir / FOLDER).glob("*.json"):
        try:
            when = date.fromisoformat(path.stem)
        except ValueError:
            continue
        if when < before:
            found.append((when, path))
    if not found:
        return None
    when, path = max(found)
    record = _read(path)
    texts = record.get("texts") if record else None
    return (when, texts) if isinstance(texts, dict) else None


def stale(located: Located, data: LegalData, history_dir: Path, default: str) -> list[Finding]:
    """LGL106 warnings for texts whose translations kept their text while `default` changed."""
    if not data.versions:
        return []
    newest = max(v.effective for v in data.versions)
    if path_of(history_dir, newest).exists():
        return []
    earlier = previous(history_dir, newest)
    if earlier is None:
        return []
    when, old = earlier
    out = []
    for key, path, texts in _texts(located.data):
        before = old.get(key)
        if not before or default not in texts or before.get(default) == _hash(texts[default]):
            continue
        kept = [
            lang
            for lang, text in sorted(texts.items())
            if lang != default and before.get(lang) == _hash(text)
        ]
        if kept:
            message = (
                f"the {default} text changed since the version of {when.isoformat()}, but "
                f"the {', '.join(kept)} text did not: check that the translation still says "
                "the same (this is checked until the next `mkdocs-legal release`)"
            )
            out.append(located.finding(path, "LGL106", "warning", message))
    return out
