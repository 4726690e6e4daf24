"""Writing files into a folder that is not ours: replace only what we wrote before.

A command that writes into a user's folder (`render --out`) keeps a record there,
`.mkdocs-legal-written.json`: the name and sha256 of every file it wrote. On the next run
it replaces a file only when the record lists it and the file is still exactly what was
written; anything else (a user's own page, or one of ours edited since) is refused, and
then nothing is written at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

RECORD = ".mkdocs-legal-written.json"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _record(folder: Path) -> dict[str, str]:
    try:
        found = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items()}


def refusals(folder: Path, texts: dict[str, str]) -> list[str]:
    """Why any of `texts` (name → text) may not be written into `folder` (empty: all may be).

    A file that already holds exactly the new text may always be "replaced": nothing is lost.
    """
    record = _record(folder)
    out = []
    for name, text in texts.items():
        path = folder / name
        if not os.path.lexists(path):
            continue
        if path.is_symlink() or not path.is_file():
            out.append(f"{path} exists and is not a file written by mkdocs-legal")
        elif path.read_bytes() == text.encode("utf-8"):
            continue
        elif name not in record:
            out.append(f"{path} exists and was not written by mkdocs-legal; move or remove it")
        elif _sha256(path.read_bytes()) != record[name]:
            out.append(
                f"{path} was written by mkdocs-legal but edited since; move your copy away "
                "or remove it"
            )
    return out


def write(folder: Path, texts: dict[str, str]) -> list[Path]:
    """Write `texts` (name → text) into `folder` and record them; call `refusals` first."""
    folder.mkdir(parents=True, exist_ok=True)
    record = _record(folder)
    written = []
    for name, text in texts.items():
        data = text.encode("utf-8")
        _replace(folder / name, data)
        record[name] = _sha256(data)
        written.append(folder / name)
    body = json.dumps(record, indent=1, sort_keys=True) + "\n"
    _replace(folder / RECORD, body.encode("utf-8"))
    return written


def _replace(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all (a temporary file renamed over it)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
