"""The release record: the canonical list of a version's frozen files with their sha256.

The record is exactly what `sha256sum` prints for the files, run in the history folder
with the paths sorted: one line per file, `<64 lowercase hex digits><two spaces><path>`
and a line feed, paths relative to the history folder with `/` separators
(`privacy/2026-03-01.en.md`), sorted by their UTF-8 bytes. Each sha256 is of the file's
bytes as `release` wrote them (front matter and body, LF line endings). So
`sha256sum -c releases/2026-03-01.sha256` in the history folder checks it, and the same
bytes are recomputed by anyone. A checkout that turned line feeds into CRLF changes neither:
the record and the texts are read back with LF line endings.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ..records import record

RELEASES = "releases"
"""The history folder's sub-folder of records, tokens and what the tokens say."""

_LINE = re.compile(r"^([0-9a-f]{64})  ([A-Za-z0-9_-]+/\d{4}-\d{2}-\d{2}\.[A-Za-z0-9_-]+\.md)$")
_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.json$")


class RecordError(ValueError):
    """A release record is not in the canonical form."""


def text_path(document: str, effective: date, language: str) -> str:
    """A frozen text's path in the history folder, as a record names it."""
    return f"{document}/{effective.isoformat()}.{language}.md"


def lf(data: bytes) -> bytes:
    """A text file's bytes as `release` wrote them: LF line endings, whatever a checkout made
    of them (git on Windows may write CRLF). Records and their hashes are of these bytes."""
    return data.replace(b"\r\n", b"\n") if b"\r" in data else data


def read_lf(path: Path) -> bytes:
    """A record or frozen text of the history folder, with LF line endings (see `lf`)."""
    return lf(path.read_bytes())


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_bytes(files: Iterable[tuple[str, bytes]]) -> bytes:
    """The canonical record of `(path, content)` pairs."""
    entries = sorted(((path, sha256_hex(content)) for path, content in files), key=_key)
    if not entries:
        raise RecordError("a release record lists at least one file")
    return "".join(f"{digest}  {path}\n" for path, digest in entries).encode("utf-8")


def _key(entry: tuple[str, str]) -> bytes:
    return entry[0].encode("utf-8")


def parse_record(data: bytes) -> dict[str, str]:
    """A record's entries, path → sha256; `RecordError` says what is not canonical."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RecordError("not UTF-8 text") from None
    if not text.endswith("\n"):
        raise RecordError("the last line does not end with a line feed")
    entries: dict[str, str] = {}
    for number, line in enumerate(text[:-1].split("\n"), start=1):
        match = _LINE.match(line)
        if match is None:
            raise RecordError(
                f"line {number} is not `<sha256>  <document>/<date>.<language>.md`: {line!r}"
            )
        digest, path = match.groups()
        if path in entries:
            raise RecordError(f"line {number} lists {path} a second time")
        entries[path] = digest
    if record_bytes_from(entries) != data:
        raise RecordError("the lines are not sorted by path")
    return entries


def record_bytes_from(entries: dict[str, str]) -> bytes:
    """The canonical record of already hashed entries (path → sha256)."""
    ordered = sorted(entries.items(), key=_key)
    return "".join(f"{digest}  {path}\n" for path, digest in ordered).encode("utf-8")


@record
class Stamp:
    """One time-stamped release record, as its `E.json` describes it (nothing checked yet)."""

    name: str
    """`2026-03-01` or `2026-03-01.2`: the stem of the three files."""
    effective: date
    authority: str
    time: str
    """When the authority says the record existed: ISO 8601, UTC (`2026-03-01T09:12:44Z`)."""
    tsa: str
    entries: dict[str, str]
    """The record's entries, path → sha256 (empty when the record cannot be read)."""

    @property
    def record(self) -> str:
        return f"{RELEASES}/{self.name}.sha256"

    @property
    def token(self) -> str:
        return f"{RELEASES}/{self.name}.tsr"

    @property
    def info(self) -> str:
        return f"{RELEASES}/{self.name}.json"


def info_json(name: str, effective: date, authority: str, time: str, tsa: str) -> str:
    """The content of `E.json`."""
    values: dict[str, Any] = {
        "authority": authority,
        "effective": effective.isoformat(),
        "record": f"{name}.sha256",
        "time": time,
        "token": f"{name}.tsr",
        "tsa": tsa,
    }
    return json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def stamps(history_dir: Path) -> list[Stamp]:
    """Every readable `releases/E.json` with its record, oldest first; the rest is left to
    `verify`, which reports it."""
    folder = history_dir / RELEASES
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.json")):
        match = _NAME.match(path.name)
        if match is None:
            continue
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
            entries = parse_record(read_lf(folder / f"{path.stem}.sha256"))
            found.append(
                Stamp(
                    path.stem,
                    date.fromisoformat(match.group(1)),
                    str(info["authority"]),
                    str(info["time"]),
                    str(info.get("tsa", "")),
                    entries,
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda s: (s.effective, s.time, s.name))


def next_name(history_dir: Path, effective: date, taken: Iterable[str] = ()) -> str:
    """The stem for a new record of `effective`: `E`, else `E.2`, `E.3`, …"""
    folder = history_dir / RELEASES
    used = set(taken)
    base = effective.isoformat()
    candidates = [base, *(f"{base}.{n}" for n in range(2, 10_000))]
    for name in candidates:
        if name in used:
            continue
        if not any((folder / f"{name}{ext}").exists() for ext in (".sha256", ".tsr", ".json")):
            return name
    raise RecordError(f"too many records for {base}")
