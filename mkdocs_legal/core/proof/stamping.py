"""`release --tsa`: which versions need a time stamp, asking for them, writing them.

Every version with frozen texts is time-stamped once: the version being released and any
older one released before time stamps were used (its token then proves only that the text
existed at the later time, which `asof` and `legal.json` show as it is). A version whose
texts a record already covers unchanged is left alone; one that gained a text (a new
language) gets a further record `E.2`. All tokens are obtained before anything is written,
so a failed request leaves the history folder as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..history import History, Planned
from ..records import record
from .record import (
    RELEASES,
    info_json,
    next_name,
    parse_record,
    read_lf,
    record_bytes,
    stamps,
    text_path,
)


class StampError(Exception):
    """A version cannot be time-stamped; the message says why."""


@record
class Pending:
    """A record to time-stamp: its stem, version and canonical bytes."""

    name: str
    effective: date
    record: bytes
    files: tuple[str, ...]


@record
class Stamped:
    pending: Pending
    token: bytes
    authority: str
    time: str
    tsa: str


def pending(history_dir: Path, plan: Iterable[Planned], history: History) -> list[Pending]:
    """The records that `release` must time-stamp once the plan is written."""
    files: dict[date, dict[str, bytes]] = {}
    broken: list[str] = []
    for (document, language, effective), text in history.texts.items():
        if not text.intact:
            broken.append(str(text.path))
            continue
        assert text.path is not None
        files.setdefault(effective, {})[text_path(document, effective, language)] = read_lf(
            text.path
        )
    for item in plan:
        if item.state == "new":
            text = item.text
            path = text_path(text.document, text.effective, text.language)
            files.setdefault(text.effective, {})[path] = text.dump().encode("utf-8")
    if broken:
        raise StampError(
            "these frozen texts no longer match their sha256 and are not time-stamped: "
            + ", ".join(broken)
            + "; restore them from version control first"
        )
    covered: dict[date, list[dict[str, str]]] = {}
    for stamp in stamps(history_dir):
        covered.setdefault(stamp.effective, []).append(stamp.entries)
    out: list[Pending] = []
    for effective in sorted(files):
        content = files[effective]
        data = record_bytes(content.items())
        wanted = parse_record(data).items()
        if any(wanted <= entries.items() for entries in covered.get(effective, [])):
            continue
        name = next_name(history_dir, effective)
        out.append(Pending(name, effective, data, tuple(sorted(content))))
    return out


def obtain(url: str, todo: list[Pending]) -> list[Stamped]:
    """A checked token for every pending record (`TsaError` on the first failure)."""
    from . import token, tsa

    done = []
    for item in todo:
        answer = tsa.request_token(url, item.record)
        said = token.info(token.parse(answer))
        done.append(Stamped(item, answer, said.authority, said.time, url))
    return done


def write(history_dir: Path, done: list[Stamped]) -> list[Path]:
    """Write each record, token and description; never over an existing file."""
    folder = history_dir / RELEASES
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for item in done:
        name = item.pending.name
        info = info_json(name, item.pending.effective, item.authority, item.time, item.tsa)
        # the description last: a build lists a record only once its description exists
        for suffix, content in (
            (".sha256", item.pending.record),
            (".tsr", item.token),
            (".json", info.encode("utf-8")),
        ):
            path = folder / f"{name}{suffix}"
            temporary = folder / f".{name}{suffix}.part"
            with open(temporary, "wb") as handle:
                handle.write(content)
            if path.exists():
                temporary.unlink()
                raise StampError(f"{path} appeared while releasing; nothing replaced")
            os.replace(temporary, path)
            written.append(path)
    return written
